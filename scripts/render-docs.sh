#!/usr/bin/env bash
# Renders a template's documents the way a person sees them, as PNG pages (80 dpi) to look at:
# the orgplan-export `render` example writes the job descriptions (DOCX, PDF), the sheets (XLSX)
# and the chart (PNG; PDF on A4 and A3); LibreOffice (headless) turns the DOCX and XLSX into
# PDF; pdftoppm turns every PDF into PNG pages.
#
#   scripts/render-docs.sh [OUT_DIR] [TEMPLATE] [zh|en]     (defaults: target/render team-8 zh)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

out="${1:-target/render}"
template="${2:-team-8}"
lang="${3:-zh}"

# LibreOffice (Writer, Calc), pdftoppm, Chinese fonts and Carlito (metric-compatible with
# Calibri); apt_install only installs what is missing.
apt_install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk \
  fonts-crosextra-carlito

mkdir -p "$out"
out="$(cd "$out" && pwd)"

step "export $template ($lang): DOCX, XLSX, PDF, chart PNG and chart PDFs"
cargo run -q -p orgplan-export --example render -- "$out" "$template" "$lang"

# A private LibreOffice profile, so a running office or a stale profile does not interfere.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for ext in docx xlsx; do
  step "LibreOffice: $template.$ext → PDF"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
    --outdir "$out" "$out/$template.$ext" >/dev/null
  test -s "$out/$template.pdf" && mv "$out/$template.pdf" "$out/$template-$ext.pdf"
done
step "PDF → PNG pages"
for pdf in "$template-docx" "$template-xlsx" "$template.jd" "$template.chart-a4" "$template.chart-a3"; do
  rm -f "$out/$pdf"-page-*.png
  pdftoppm -r 80 -png "$out/$pdf.pdf" "$out/$pdf-page"
done

step "pages"
ls -1 "$out"/*.png
