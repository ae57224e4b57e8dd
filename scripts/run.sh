#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine, builds OrgPlan and opens the desktop app. On first
# start the app creates a demo plan from the 8-person template.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

install_build_deps
apt_install fonts-noto-cjk
install_ui_deps
step "build the UI"
(cd ui && npx vite build)
step "build the app"
cargo build --locked -p orgplan-desktop -p orgplan-cli
exec "$CARGO_TARGET_DIR/debug/orgplan-desktop"
