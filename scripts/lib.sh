# Shared by the scripts: logging and installing what a fresh machine lacks.

LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
export LOG_DIR
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/orgplan-target}"

step() { printf '\n==> %s\n' "$*"; }

# Runs apt-get as root or through sudo; retries while another apt holds the lock.
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "apt-get install ${missing[*]}"
  for attempt in 1 2 3 4 5; do
    if $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
      return 0
    fi
    echo "apt-get failed (attempt $attempt); retrying in 10 s" >&2
    sleep 10
  done
  return 1
}

# Rust, a C compiler, and the libraries the Tauri window builds against.
install_build_deps() {
  apt_install build-essential pkg-config python3 ca-certificates curl file \
    libwebkit2gtk-4.1-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev libxdo-dev libssl-dev \
    libayatana-appindicator3-dev librsvg2-dev
  if ! command -v cargo >/dev/null 2>&1; then
    step "installing Rust (rustup)"
    curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    . "$HOME/.cargo/env"
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
}

# What the end-to-end tests run on: a virtual display, Chromium, the WebKit WebDriver, fonts.
install_test_deps() {
  apt_install xvfb xauth chromium webkit2gtk-driver fonts-noto-cjk fonts-dejavu-core x11-utils
  if ! command -v tauri-driver >/dev/null 2>&1; then
    step "cargo install tauri-driver"
    cargo install tauri-driver --version "^2" --locked
  fi
}

# cargo fuzz (libFuzzer); on a stable toolchain it runs with RUSTC_BOOTSTRAP=1.
install_fuzz_deps() {
  if ! command -v cargo-fuzz >/dev/null 2>&1; then
    step "cargo install cargo-fuzz"
    cargo install cargo-fuzz --locked
  fi
}

# The UI's packages, exactly as locked.
install_ui_deps() {
  step "npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund)
}
