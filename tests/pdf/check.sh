#!/usr/bin/env bash
# `make pdf-check`: the typical briefing sheet must print to exactly one page holding every section,
# on A4 and on US Letter, both through headless Chromium (the HTML sheet, as Print gives it) and
# through the app's own PDF route (aftermile-pdf, as Save as PDF gives it).
#
# Needs chromium and poppler-utils (pdfinfo, pdftotext): `make setup-test` installs them.
# Keeps the files in target/pdf-check/ for a look (pdftoppm -png -r 60 …).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/target/pdf-check"
rm -rf "$OUT"
mkdir -p "$OUT"

for tool in chromium pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "pdf-check: $tool not found (run make setup-test)" >&2; exit 1; }
done

cargo run --quiet -p aftermile-pdf --example briefing_fixture -- "$OUT"

# The headings the sheet must show, as html.rs HEADINGS names them, plus the title.
HEADINGS=("Massage briefing" "Races" "Last 14 days of training" "Areas of concern" "Session goals" "Pressure"
  "Health notes" "Last massage" "Red flags" "Therapist's notes")

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

fail=0
check() { # <pdf> <A4|Letter>
  local pdf="$1" size="$2" pages dims text h
  pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
  dims="$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')"
  if [[ "$pages" != 1 ]]; then
    echo "FAIL $pdf: $pages pages, want 1" >&2
    fail=1
  fi
  # A4 is 595 x 842 pt, Letter 612 x 792 pt; Chromium and krilla round differently.
  local w h_pt
  w="$(awk '{printf "%d", $1 + 0.5}' <<<"$dims")"
  h_pt="$(awk '{printf "%d", $3 + 0.5}' <<<"$dims")"
  case "$size" in
    A4) [[ "$w" == 595 && "$h_pt" == 842 ]] || { echo "FAIL $pdf: page is $dims, want A4" >&2; fail=1; } ;;
    Letter) [[ "$w" == 612 && "$h_pt" == 792 ]] || { echo "FAIL $pdf: page is $dims, want Letter" >&2; fail=1; } ;;
  esac
  # Headings may be set in capitals and with a typographic apostrophe: compare folded.
  text="$(pdftotext -layout "$pdf" - | tr '’' "'" | tr '[:upper:]' '[:lower:]' | tr -s ' \n' ' ')"
  for h in "${HEADINGS[@]}"; do
    if ! grep -qF -- "$(tr '[:upper:]' '[:lower:]' <<<"$h")" <<<"$text"; then
      echo "FAIL $pdf: no \"$h\"" >&2
      fail=1
    fi
  done
  # And the runner's data, not just the frame.
  for want in "alex morgan" "winter half marathon" "nut oils"; do
    grep -qF -- "$want" <<<"$text" || { echo "FAIL $pdf: no \"$want\"" >&2; fail=1; }
  done
  echo "pdf-check: $pdf: $pages page, $dims"
}

for paper in a4 letter; do
  size=A4
  [[ "$paper" == letter ]] && size=Letter
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$OUT/chromium-$paper.pdf" \
    "file://$OUT/sheet-$paper.html" >/dev/null 2>&1
  check "$OUT/chromium-$paper.pdf" "$size"
  check "$OUT/rust-$paper.pdf" "$size"
done

if ((fail)); then
  echo "pdf-check: FAILED (files in ${OUT#"$ROOT"/})" >&2
  exit 1
fi
echo "pdf-check: ok"
