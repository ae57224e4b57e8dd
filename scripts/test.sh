#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and runs every check OrgPlan has: formatting, lints,
# the Rust tests (core, store, CLI, properties, generated TypeScript bindings), the template
# data check, the UI's type check, lint and unit tests, end-to-end tests in Chromium against
# `orgplan serve`, and the desktop binary driven through WebDriver under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

install_build_deps
install_test_deps
install_ui_deps

step "ui: type check, lint, unit tests, build"
(cd ui && npm run typecheck && npm run lint && npx vitest run && npx vite build)

step "cargo fmt"
cargo fmt --all -- --check

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "template data"
python3 crates/orgplan-core/data/check.py

step "cargo test"
cargo test --workspace --locked 2>&1 | tee "$LOG_DIR/cargo-test.log"
passed=$(grep -Eo '[0-9]+ passed' "$LOG_DIR/cargo-test.log" | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' "$LOG_DIR/cargo-test.log" | awk '{s+=$1} END {print s+0}')
echo "rust: $passed passed, $failed failed"

step "build the binaries"
cargo build --locked -p orgplan-cli -p orgplan-desktop

step "end to end in Chromium (screenshots in ui/e2e/artifacts)"
(cd ui && node e2e/run.mjs)

step "the desktop app under Xvfb through tauri-driver"
xvfb-run -a -s "-screen 0 1440x900x24" node ui/e2e/desktop.mjs

step "fuzz: a short run of each target (new inputs go to a scratch folder)"
install_fuzz_deps
fuzz_scratch=$(mktemp -d)
for target in import commands; do
  mkdir -p "$fuzz_scratch/$target"
  RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$CARGO_TARGET_DIR-fuzz" \
    cargo fuzz run -O "$target" "$fuzz_scratch/$target" "fuzz/corpus/$target" -- \
    -max_total_time="${FUZZ_SECONDS:-30}" -max_len=200000 -rss_limit_mb=4096
done
rm -rf "$fuzz_scratch"

echo "all checks passed"
