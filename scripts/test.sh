#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and runs every check OrgPlan has:
# formatting, lints, the Rust tests (core, store, CLI, properties) and the template data check.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

install_build_deps
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/orgplan-target}"

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

echo "all checks passed"
