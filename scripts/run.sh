#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine, builds OrgPlan and opens the demo plan.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

install_build_deps
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/orgplan-target}"
cargo build --locked -p orgplan-cli
orgplan="$CARGO_TARGET_DIR/debug/orgplan"

# The demo plan lives in the user's database; it is made once, from the 8-person template.
if ! "$orgplan" plans --json | grep -q '"name": "示例方案'; then
  "$orgplan" new --template team-8 --name "示例方案（八人团队）" >/dev/null
fi
"$orgplan" show "示例方案（八人团队）"
"$orgplan" validate "示例方案（八人团队）" || true
