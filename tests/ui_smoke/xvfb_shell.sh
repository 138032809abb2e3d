#!/bin/bash
# The app shell in a real X server (Xvfb, software GL): runs the ui_smoke binary's RunShellUnderX
# tests, which switch the theme variant between frames (fonts and GL font texture rebuilt) and
# capture chosen frames as PNG (Frame::screenshot_request). The PNGs stay in <artifacts dir> to
# be looked at: shell-normal.png, shell-high-contrast.png, shell-large-text.png, and with the
# on-screen keyboard built, shell-osk-landscape.png and shell-osk-portrait-large-contrast.png.
# Usage: xvfb_shell.sh <path to tests_ui_smoke> <artifacts dir>
# Exit 0 = pass, 1 = fail, 77 = skipped (Xvfb missing; ctest shows it as skipped).
set -u
BIN=${1:?usage: xvfb_shell.sh TEST_BIN OUT_DIR}
OUT=${2:?usage: xvfb_shell.sh TEST_BIN OUT_DIR}

. "${0%/*}/../support/skip.sh"  # skip: exit 77, or a failure where CI runs

command -v xvfb-run >/dev/null 2>&1 || skip "'xvfb-run' is not installed (apt-get install xvfb)"
mkdir -p "$OUT"
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
MOTCUA_SHELL_SHOTS="$OUT" xvfb-run -a -s "-screen 0 1920x1920x24" \
  "$BIN" --gtest_filter='RunShellUnderX.*' >"$LOG" 2>&1
rc=$?
cat "$LOG"
if grep -q '\[  SKIPPED \]' "$LOG"; then echo "FAIL: the test skipped under Xvfb (no DISPLAY?)"; exit 1; fi
if ! grep -q '\[  PASSED  \]' "$LOG" || grep -q '\[  FAILED  \]' "$LOG"; then
  echo "FAIL: RunShellUnderX did not pass"
  exit 1
fi
exit $rc
