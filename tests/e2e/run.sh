#!/usr/bin/env bash
# End-to-end run of the real app: Xvfb + a private D-Bus session, then `node --test`, whose tests start
# tauri-driver (which spawns WebKitWebDriver, which launches target/debug/aftermile).
#
# Env: AFTERMILE_E2E_APP    the binary under test (default target/debug/aftermile; must be built)
#      AFTERMILE_E2E_PORT   tauri-driver port (default 4444; WebKitWebDriver gets port+1)
#      AFTERMILE_E2E_ONLY   run only <name>.test.mjs (e.g. body), for working on one suite
# Screenshots and logs go to target/e2e-artifacts/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

APP="${AFTERMILE_E2E_APP:-$ROOT/target/debug/aftermile}"
ARTIFACTS="$ROOT/target/e2e-artifacts"

die() {
  echo "e2e: error: $*" >&2
  exit 1
}

[[ -x "$APP" ]] || die "$APP not found: build the UI and the app first (make ui build)"
for tool in node Xvfb dbus-run-session tauri-driver WebKitWebDriver; do
  command -v "$tool" >/dev/null || die "$tool not found: run scripts/setup.sh --test"
done

if [[ ! -d "$HERE/node_modules" || "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]]; then
  npm ci --prefix "$HERE" --ignore-scripts --no-audit --no-fund ||
    npm install --prefix "$HERE" --ignore-scripts --no-audit --no-fund --no-save
  touch "$HERE/node_modules/.package-lock.json"
fi

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"

DATA_DIR="$(mktemp -d -t aftermile-e2e.XXXXXX)"
DRIVER_PIDFILE="$ARTIFACTS/tauri-driver.pid"
XVFB_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # The tests stop tauri-driver themselves; this is the backstop if node died first.
  if [[ -s "$DRIVER_PIDFILE" ]]; then
    local pid
    pid="$(cat "$DRIVER_PIDFILE")"
    kill -TERM -- "-$pid" 2>/dev/null || true
    sleep 0.5
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$DRIVER_PIDFILE"
  fi
  if [[ -n "$XVFB_PID" ]]; then
    kill -TERM "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
  if ((rc == 0)); then
    rm -rf "$DATA_DIR"
  else
    [[ -s "$ARTIFACTS/session.log" ]] && tail -n 20 "$ARTIFACTS/session.log" | sed 's/^/e2e: session.log: /' >&2
    echo "e2e: failed (exit $rc); app data kept in $DATA_DIR, screenshots and logs in ${ARTIFACTS#"$ROOT"/}/" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# shellcheck source=../../scripts/lib/xvfb.sh
source "$ROOT/scripts/lib/xvfb.sh"
start_xvfb "$ARTIFACTS"

export AFTERMILE_DATA_DIR="$DATA_DIR"
export AFTERMILE_E2E_APP="$APP"
export AFTERMILE_E2E_ARTIFACTS="$ARTIFACTS"
export AFTERMILE_E2E_DRIVER_PIDFILE="$DRIVER_PIDFILE"
export NO_AT_BRIDGE=1 # no accessibility bus inside the private D-Bus session

echo "e2e: app $APP, DISPLAY=$DISPLAY, AFTERMILE_DATA_DIR=$DATA_DIR"
# Every test has its own timeout (see lib/harness.mjs), so a hang fails the run instead of stalling it.
# The bus daemon and the services it activates (portals, a11y bus) chatter on stdout and stderr: that
# goes to session.log, while node gets the real stdout and stderr back through fds 4 and 3.
# Each *.test.mjs is its own node process with its own tauri-driver and data dir; one at a time, since
# they share the driver's port and the display.
set +e
dbus-run-session -- bash -c 'exec 1>&4 2>&3 3>&- 4>&-; exec node --test --test-concurrency=1 "$@"' \
  _ "$HERE"/${AFTERMILE_E2E_ONLY:-*}.test.mjs 3>&2 4>&1 >"$ARTIFACTS/session.log" 2>&1
status=$?
set -e
# WebKitWebDriver's dropped connections, retried by the harness's proxy: kept visible in every run.
if [[ -s "$ARTIFACTS/webdriver-retries.log" ]]; then
  echo "e2e: WebDriver requests retried after a dropped connection: $(awk '{ s += $1 } END { print s }' "$ARTIFACTS/webdriver-retries.log")"
fi
exit "$status"
