#!/usr/bin/env bash
# The release binary is what the .deb ships: it must hold none of the test hooks
# (src-tauri/src/hooks.rs) nor the bench probe (AFTERMILE_PERF). Debug builds have the hooks; this looks for their names in
# target/release/aftermile, where `cargo build --release` put it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${1:-$ROOT/target/release/aftermile}"
[[ -x "$BIN" ]] || { echo "release-check: $BIN not built" >&2; exit 1; }

fail=0
for hook in AFTERMILE_SAVE_DIR AFTERMILE_OPEN_FILE AFTERMILE_CONFIRM AFTERMILE_TEST_PANIC AFTERMILE_FAULT AFTERMILE_PERF; do
  if grep -qa "$hook" "$BIN"; then
    echo "release-check: FAIL $hook is in the release binary" >&2
    fail=1
  fi
done
# The portable data-folder override is a feature, not a hook: it must still be there.
grep -qa AFTERMILE_DATA_DIR "$BIN" || { echo "release-check: FAIL AFTERMILE_DATA_DIR missing" >&2; fail=1; }
size=$(stat -c %s "$BIN")
echo "release-check: $BIN, $((size / 1024 / 1024)) MB, no test hooks: $([[ $fail == 0 ]] && echo yes || echo NO)"
exit "$fail"
