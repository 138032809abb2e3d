# Sourced by the Xvfb tests (tests/*/xvfb_*.sh). They set WORK (a temp folder), LOG (the app's stdout
# file) and fail(), or call xvfb_workspace for the usual ones; APP_PID is the app under test once started.

# xvfb_workspace: WORK, LOG, APP_PID and XVFB_PID, and a trap that stops the app and the X server and
# removes WORK when the script ends.
xvfb_workspace() {
  WORK=$(mktemp -d)
  LOG="$WORK/stdout.txt"
  APP_PID=
  XVFB_PID=
  trap xvfb_cleanup EXIT
}
xvfb_cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}

# app_logs: the tail of the app's stdout and stderr, for a failure's message.
app_logs() {
  echo "--- app stdout ---"; tail -n 60 "$LOG" 2>/dev/null
  echo "--- app stderr ---"; tail -n 40 "$WORK/stderr.txt" 2>/dev/null
}

# start_xvfb WxH: our own X server on a free display (-displayfd picks one and tells us), exported as
# DISPLAY, its pid in XVFB_PID, with software GL. -noreset: an X server resets when its last client
# disconnects, which would drop keymaps bound with xmodmap before the app connects. It and xdotool run
# at a higher priority where allowed: they stand in for a hardware scanner, which a busy build machine
# cannot slow down; the app itself runs at normal priority. (Without root, nice only warns.)
start_xvfb() {
  exec 3>"$WORK/display"
  nice -n -10 Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp -noreset >"$WORK/xvfb.txt" 2>&1 &
  XVFB_PID=$!
  exec 3>&-
  for _ in $(seq 200); do [ -s "$WORK/display" ] && break; sleep 0.1; done
  [ -s "$WORK/display" ] || { cat "$WORK/xvfb.txt"; fail "Xvfb did not start"; }
  export DISPLAY=":$(head -n 1 "$WORK/display")"
  export LIBGL_ALWAYS_SOFTWARE=1
  unset SDL_VIDEODRIVER WAYLAND_DISPLAY
}

# wait_for PATTERN SECONDS: until a line of the app's stdout has PATTERN (fixed string). Returns 1 on
# timeout (callers decide whether that fails the test); fails at once if the app has exited.
wait_for() {
  local deadline=$((SECONDS + $2))
  until grep -qF -- "$1" "$LOG" 2>/dev/null; do
    [ $SECONDS -ge $deadline ] && return 1
    kill -0 "$APP_PID" 2>/dev/null || fail "the app exited before printing '$1'"
    sleep 0.1
  done
}
must_see() { wait_for "$1" "$2" || fail "no '$1' on stdout within $2 s"; }

# tap ID: a finger on the item the app last reported under ID (apps in --test mode print "item: ID X Y"
# once a screen is drawn); WID is the app's window.
tap() {
  local line x y
  must_see "item: $1 " 10
  line=$(grep "^item: $1 " "$LOG" | tail -n 1)
  [ -n "$line" ] || fail "the app reported no item '$1'"
  x=$(echo "$line" | cut -d' ' -f3)
  y=$(echo "$line" | cut -d' ' -f4)
  xdotool mousemove --window "$WID" "$x" "$y" mousedown 1
  sleep 0.15
  xdotool mouseup 1
  sleep 0.3
}
