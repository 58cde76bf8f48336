#!/usr/bin/env bash
# `make bench-app`: the bare window and Aftermile side by side on a virtual display and a private
# D-Bus session (see run.mjs). Expects the builds the Makefile target makes:
#   target/release/bare-window, target/bench-app/aftermile-perf, target/release/examples/ten_years
# Results: target/bench-app/results.md (the table), results.json, launches.log (every launch).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/target/bench-app"

die() {
  echo "bench-app: error: $*" >&2
  exit 1
}

export BENCH_BARE="${BENCH_BARE:-$ROOT/target/release/bare-window}"
export BENCH_APP="${BENCH_APP:-$OUT/aftermile-perf}"
SEED="$ROOT/target/release/examples/ten_years"
for bin in "$BENCH_BARE" "$BENCH_APP" "$SEED"; do
  [[ -x "$bin" ]] || die "$bin not built (run make bench-app)"
done
for tool in node Xvfb dbus-run-session; do
  command -v "$tool" >/dev/null || die "$tool not found: run scripts/setup.sh --test"
done

mkdir -p "$OUT"
export BENCH_OUT="$OUT"
export BENCH_DATA_DIR="$(mktemp -d -t aftermile-bench.XXXXXX)"
XVFB_PID=""
cleanup() {
  [[ -n "$XVFB_PID" ]] && kill -TERM "$XVFB_PID" 2>/dev/null
  rm -rf "$BENCH_DATA_DIR"
}
trap cleanup EXIT

"$SEED" "$BENCH_DATA_DIR"
# shellcheck source=../../scripts/lib/xvfb.sh
source "$ROOT/scripts/lib/xvfb.sh"
start_xvfb "$OUT"
export NO_AT_BRIDGE=1 # no accessibility bus inside the private D-Bus session
echo "bench-app: DISPLAY=$DISPLAY, data $BENCH_DATA_DIR"
# The bus daemon and the portals it starts chatter on stdout and stderr: that goes to session.log,
# while node gets the real stdout and stderr back through fds 4 and 3.
dbus-run-session -- bash -c 'exec 1>&4 2>&3 3>&- 4>&-; exec node "$@"' _ "$HERE/run.mjs" \
  3>&2 4>&1 >"$OUT/session.log" 2>&1
