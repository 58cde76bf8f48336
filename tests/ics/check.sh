#!/usr/bin/env bash
# The .ics export, parsed by a real iCalendar parser (Python's `icalendar`, installed from PyPI into
# a venv under target/ on first use). Run by `make test` through `make ics-check`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/ics-check"
VENV="$OUT/venv"
mkdir -p "$OUT"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import icalendar' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'icalendar>=5,<7'
fi
cargo run --quiet -p aftermile-core --example ics_fixture -- "$OUT/reminders.ics"
"$VENV/bin/python" "$ROOT/tests/ics/check.py" "$OUT/reminders.ics"
