# Sourced by the scripts that run the app on a virtual display (tests/e2e/run.sh, benches/app/run.sh).
# start_xvfb DIR: starts Xvfb on a display it picks itself, logs to DIR/xvfb.log, exports DISPLAY and
# sets XVFB_PID for the caller's clean-up. Dies (via the caller's `die`) when Xvfb does not come up.
start_xvfb() {
  local dir="$1" display_file="$1/xvfb.display"
  # Xvfb writes the number of the display it chose to the fd given with -displayfd.
  Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp 3>"$display_file" >"$dir/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do
    [[ -s "$display_file" ]] && break
    kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb exited: $(cat "$dir/xvfb.log")"
    sleep 0.1
  done
  [[ -s "$display_file" ]] || die "Xvfb did not start within 10 s"
  DISPLAY=":$(tr -dc '0-9' <"$display_file")"
  export DISPLAY
}
