# Shared by the scripts: logging and installing what a fresh machine lacks.

LOG_DIR="${LOG_DIR:-$(mktemp -d)}"
export LOG_DIR

step() { printf '\n==> %s\n' "$*"; }

# Runs apt-get as root or through sudo; waits out a held dpkg lock.
apt_install() {
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

install_build_deps() {
  if command -v apt-get >/dev/null 2>&1; then
    apt_install build-essential pkg-config python3 ca-certificates curl
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    step "installing Rust (rustup)"
    curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    . "$HOME/.cargo/env"
  fi
}
