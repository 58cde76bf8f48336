#!/usr/bin/env bash
# Installs what Aftermile needs to build and run (default) or also to test (--test).
# Idempotent, and fast when everything is already there. Works on a fresh Debian/Ubuntu machine that
# has Rust (rustup/cargo) and Node 20+, as root or through sudo.
#
#   scripts/setup.sh          system libraries for the Tauri app + ui/node_modules
#   scripts/setup.sh --test   the above + Xvfb, WebKitWebDriver, dbus, ImageMagick, tauri-driver and
#                             tests/e2e/node_modules
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WITH_TEST=0
for arg in "$@"; do
  case "$arg" in
    --test) WITH_TEST=1 ;;
    -h | --help)
      sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup: unknown argument '$arg' (use --test)" >&2
      exit 2
      ;;
  esac
done

log() { printf 'setup: %s\n' "$*"; }
die() {
  printf 'setup: error: %s\n' "$*" >&2
  exit 1
}

export PATH="$HOME/.cargo/bin:$PATH"

# --- toolchains the machine must already have -------------------------------------------------
command -v cargo >/dev/null || die "cargo not found: install Rust (rustup) first"
command -v node >/dev/null || die "node not found: install Node.js 20 or newer first"
command -v npm >/dev/null || die "npm not found: install Node.js 20 or newer first"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
((node_major >= 20)) || die "Node.js $(node --version) is too old: 20 or newer is needed"

# --- apt packages ---------------------------------------------------------------------------------
run_pkgs=(
  libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libsoup-3.0-dev
  build-essential pkg-config libssl-dev file
)
# dunst: a notification server on the test D-Bus session, so reminder tests can watch Notify calls.
test_pkgs=(xvfb webkit2gtk-driver dbus dbus-x11 imagemagick dunst chromium poppler-utils python3-xlib)

pkgs=("${run_pkgs[@]}")
((WITH_TEST)) && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)"
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# dbus-run-session lives in dbus-bin on newer releases and in dbus on older ones; check the command too.
if ((WITH_TEST)) && ! command -v dbus-run-session >/dev/null && [[ ! " ${missing[*]} " == *" dbus "* ]]; then
  missing+=(dbus)
fi

if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get to install them"
  SUDO=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "missing packages (${missing[*]}): run as root or install sudo"
    SUDO=(sudo)
  fi
  log "installing apt packages: ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
  log "apt packages present"
fi

# --- npm modules ------------------------------------------------------------------------------------
# Install when node_modules is missing or older than the lockfile (npm writes node_modules/.package-lock.json
# on every install, so its mtime is the time of the last install).
npm_install() {
  local dir="$1"
  shift
  [[ -f "$dir/package.json" ]] || return 0
  if [[ ! -d "$dir/node_modules" ]] ||
    [[ ! -f "$dir/node_modules/.package-lock.json" ]] ||
    { [[ -f "$dir/package-lock.json" ]] && [[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]]; } ||
    [[ "$dir/package.json" -nt "$dir/node_modules/.package-lock.json" ]]; then
    log "npm install in ${dir#"$ROOT"/}"
    if [[ -f "$dir/package-lock.json" ]]; then
      # npm ci refuses a lock that lacks an optional dependency the registry cannot serve (vite 8's
      # Windows-only napi-windows-process-start-time, for one), which npm install skips as it should.
      # Fall back to npm install with the same lock, without rewriting it.
      if ! npm ci --prefix "$dir" --no-audit --no-fund "$@"; then
        log "npm ci failed in ${dir#"$ROOT"/}; retrying with npm install (lock left as it is)"
        npm install --prefix "$dir" --no-audit --no-fund --no-save "$@"
      fi
    else
      npm install --prefix "$dir" --no-audit --no-fund "$@"
    fi
    touch "$dir/node_modules/.package-lock.json"
  else
    log "${dir#"$ROOT"/}/node_modules up to date"
  fi
}

npm_install "$ROOT/ui"

if ((WITH_TEST)); then
  # webdriverio pulls in browser-driver packages whose install scripts would try to download binaries;
  # the suite talks to tauri-driver only, so skip them.
  npm_install "$ROOT/tests/e2e" --ignore-scripts

  # --- tauri-driver ---------------------------------------------------------------------------------
  if ! command -v tauri-driver >/dev/null; then
    log "installing tauri-driver"
    cargo install tauri-driver --locked
  else
    log "tauri-driver present ($(command -v tauri-driver))"
  fi
  command -v WebKitWebDriver >/dev/null || die "WebKitWebDriver not found (package webkit2gtk-driver)"
fi

log "done"
