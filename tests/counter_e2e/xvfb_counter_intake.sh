#!/bin/bash
# End-to-end run of motcua-counter in a real X server (Xvfb, software GL), the way a counter works:
#   a fresh data directory (motcua init) and an officer added through the auth CLI (motcua user add);
#   sign-in typed with xdotool; a CCCD QR typed as keystrokes at scanner speed (xdotool type), which
#   the app must recognise as a keyboard-wedge scan and turn into the applicant; the procedure found by
#   typing words without accents; five papers scanned from SANE's test backend (F5); F10 receives the
#   dossier and writes the receipt (Mẫu 01) as PDF; the PDF is rendered with pdftoppm, its QR decoded
#   with ZXing and the dossier found in the database by it (counter_e2e_receipt_probe); then the work
#   list, the dossier, the postal and settings screens and the lock screen.
# A screenshot of every screen goes to <out>: NN-<screen>.png (X captures with ImageMagick `import`),
# receipt-page1.png (the PDF's first page) and counter-last-frame.png (the app's own last frame).
#
# Why the Vietnamese letters are bound first (xmodmap): xdotool types a character that has no key in
# the keymap by rebinding a spare keycode for each keystroke and reverting it at once; an X client
# that reads the event after the revert sees another symbol, so letters get lost at scanner speed.
# Binding the QR's letters to spare keycodes beforehand is what a scanner set to a Vietnamese layout
# amounts to, and xdotool then types at the speed asked.
# Xvfb must run with -noreset: by default an X server resets when its last client disconnects, and a
# reset restores the keymap. xmodmap runs before the app connects, so without -noreset its bindings
# vanish the moment it exits, xdotool falls back to rebinding keycode 8 for every letter, and the
# app looks keycode 8 up after the revert (NoSymbol: no text). That lost 11 of the QR's 12
# Vietnamese letters. The bindings are checked after xmodmap, so this cannot come back unnoticed.
#
# Usage: xvfb_counter_intake.sh <motcua-counter> <motcua> <receipt probe> <artifacts dir>
# Exit 0 = pass, 1 = fail, 77 = skipped (a tool is missing; ctest shows it as skipped).
set -u
BIN=${1:?usage: xvfb_counter_intake.sh COUNTER CLI PROBE OUT_DIR}
CLI=${2:?usage: xvfb_counter_intake.sh COUNTER CLI PROBE OUT_DIR}
PROBE=${3:?usage: xvfb_counter_intake.sh COUNTER CLI PROBE OUT_DIR}
OUT=${4:?usage: xvfb_counter_intake.sh COUNTER CLI PROBE OUT_DIR}

. "${0%/*}/../support/skip.sh"  # skip: exit 77, or a failure where CI runs
. "${0%/*}/../support/xvfb.sh"  # start_xvfb, wait_for, must_see

need_tools "apt-get install xvfb xdotool x11-xserver-utils imagemagick poppler-utils sane-utils" Xvfb xdotool xmodmap import identify pdftoppm scanimage
need_executables "$BIN" "$CLI" "$PROBE"

WORK=$(mktemp -d)
LOG="$WORK/stdout.txt"
APP_PID=
XVFB_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  echo "--- app stdout ---"; cat "$LOG" 2>/dev/null
  echo "--- app stderr ---"; tail -n 40 "$WORK/stderr.txt" 2>/dev/null
  exit 1
}

# SANE's virtual scanner, without touching /etc/sane.d (stack.md §12.3a).
mkdir -p "$WORK/sane"
echo test >"$WORK/sane/dll.conf"
export SANE_CONFIG_DIR="$WORK/sane"
if ! scanimage -L 2>/dev/null | grep -q "test:0"; then
  skip "SANE's test backend is not available (package libsane1 ships libsane-test.so)"
fi

# A fresh station: the database with the sample catalog, an administrator and one officer.
DATA="$WORK/data"
OFFICER=nguyen.van.an
OFFICER_PASSWORD='Mk@2026-xvfb'
{
  "$CLI" --data-dir "$DATA" init &&
    MOTCUA_NEW_PASSWORD='Quan-tri@2026' "$CLI" --data-dir "$DATA" user add quan.tri --role admin --name "Quản Trị" &&
    MOTCUA_PASSWORD='Quan-tri@2026' MOTCUA_NEW_PASSWORD="$OFFICER_PASSWORD" \
      "$CLI" --data-dir "$DATA" user add "$OFFICER" --role officer --name "Nguyễn Văn An" --as quan.tri
} >"$WORK/init.txt" 2>&1 || { cat "$WORK/init.txt"; fail "setting up the station with the CLI failed"; }

mkdir -p "$OUT"
rm -f "$OUT"/[0-9][0-9]-*.png "$OUT/receipt-page1.png" "$OUT/counter-last-frame.png"

start_xvfb 1366x768

# The citizen's card: a fictional CCCD QR (codes/cccd.h layout), 103 characters.
QR='001190012345|012345678|Nguyễn Thị Hồng Nhung|01011990|Nữ|Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội|15042021'
QR_CHARS=103
# Its non-ASCII letters as X keysyms: à ế ễ ị ố ồ ộ ữ.
KEYSYMS="U00E0 U1EBF U1EC5 U1ECB U1ED1 U1ED3 U1ED9 U1EEF"
free_codes=$(xmodmap -pke | awk 'NF <= 3 && $2 >= 90 {print $2}')
set -- $free_codes
bindings=()
bound_codes=()
for k in $KEYSYMS; do
  [ $# -gt 0 ] || fail "no spare keycode left to bind $k"
  bindings+=(-e "keycode $1 = $k")
  bound_codes+=("$1")
  shift
done
xmodmap "${bindings[@]}" || fail "xmodmap could not bind the QR's letters"
# The bindings must outlive xmodmap's connection (see -noreset above).
keymap=$(xmodmap -pke)
for code in "${bound_codes[@]}"; do
  echo "$keymap" | awk -v c="$code" '$2 == c && NF > 3 {found = 1} END {exit !found}' ||
    fail "keycode $code lost its binding after xmodmap exited (was the X server reset?)"
done

count() { grep -cF -- "$1" "$LOG" 2>/dev/null; }
shot() {  # shot NAME: the screen as the officer sees it now
  sleep 0.5
  import -window root "$OUT/$1.png" || fail "import could not capture $1"
}

"$BIN" --test --data-dir "$DATA" --size 1366x768 --frames 36000 \
  --screenshot "$OUT/counter-last-frame.png" >"$LOG" 2>"$WORK/stderr.txt" &
APP_PID=$!
must_see READY 60
WID=$(xdotool search --sync --onlyvisible --name '^motcua' | head -n 1)
[ -n "$WID" ] || fail "no window named motcua"
xdotool mousemove --window "$WID" 683 400
xdotool windowfocus --sync "$WID"
shot 01-login

# Sign in at human speed.
xdotool type --delay 150 "$OFFICER"
xdotool key Tab
xdotool type --delay 150 "$OFFICER_PASSWORD"
xdotool key Return
must_see "screen: intake" 30
shot 02-intake-empty

# The card, scanned: a burst of keystrokes ending with Enter, while the ID box has the caret. On a
# machine so loaded that xdotool or Xvfb stalls past the detector's 50 ms mid-burst, the burst is
# typing, not a scan: try again (3 times).
for attempt in 1 2 3; do
  before=$(count "action: ScanReceived")
  nice -n -10 xdotool type --delay 12 --args 1 "$QR" key Return
  sleep 1.5
  if grep -qF "action: ScanReceived chars=$QR_CHARS" "$LOG" && ! grep -qF "intake_error:" "$LOG"; then break; fi
  echo "attempt $attempt: the card was not read as one scan ($(($(count 'action: ScanReceived') - before)) scans)"
  [ "$attempt" -eq 3 ] && fail "3 scans of the card in a row were not recognised"
  sed -i '/^intake_error:/d' "$LOG"
  xdotool key ctrl+a BackSpace
done
shot 03-intake-applicant

# The procedure: a few words without accents in the search box (it has the caret after the scan).
xdotool type --delay 150 "doi giay phep lai xe"
sleep 0.5
xdotool key Return
must_see "action: PickProcedure code=3.000347" 15
shot 04-intake-checklist

# Five papers, each scanned from SANE's test backend with F5 (the next missing paper is selected).
for paper in 1 2 3 4 5; do
  xdotool key F5
  must_see "action: ScanComponent" 10
  for _ in $(seq 300); do [ "$(count 'file_job: finished')" -ge "$paper" ] && break; sleep 0.1; done
  [ "$(count 'file_job: finished')" -ge "$paper" ] || fail "scan $paper did not finish within 30 s"
  sleep 0.3
  grep -qF "intake_error:" "$LOG" && fail "scan $paper failed"
done
shot 05-intake-scanned

# F10: one transaction, then the receipt PDF (no printer is set: saved as PDF).
xdotool key F10
must_see "received: " 20
must_see "print: saved_only " 30
CODE=$(grep -m1 '^received: ' "$LOG" | cut -d' ' -f2)
PDF=$(grep -m1 '^print: saved_only ' "$LOG" | cut -d' ' -f3)
[ -s "$PDF" ] || fail "no receipt PDF at '$PDF'"
shot 06-intake-received

# The receipt: render page 1, decode its QR with ZXing, find the dossier in the database by it.
pdftoppm -r 200 -gray -f 1 -l 1 -singlefile "$PDF" "$WORK/receipt" || fail "pdftoppm could not render $PDF"
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$PDF" "$OUT/receipt-page1" || fail "pdftoppm could not render $PDF as PNG"
PROBED=$("$PROBE" "$DATA" "$WORK/receipt.pgm") || fail "the receipt's QR did not lead to the dossier: $PROBED"
echo "receipt QR: $PROBED"
[ "$PROBED" = "dossier: $CODE procedure: 3.000347 components: 5 scanned: 5" ] ||
  fail "the receipt's QR names '$PROBED', expected dossier $CODE with 5 scanned papers"

# The other screens.
xdotool key F3
must_see "screen: worklist" 15
shot 07-worklist
xdotool key Return  # the search box has the caret; Enter opens the selected (only) dossier
must_see "screen: dossier" 15
must_see "action: OpenDossier code=$CODE" 5
shot 08-dossier
xdotool key F4
must_see "screen: postal" 15
shot 09-postal
xdotool key F9
must_see "screen: settings" 15
shot 10-settings
xdotool key ctrl+l
must_see "action: LockScreen" 10
shot 11-lock
xdotool type --delay 150 "$OFFICER_PASSWORD"
xdotool key Return
must_see "action: SubmitUnlock" 10

# A shortcut never types (issue 16): Ctrl+1 with the caret in the next citizen's empty ID box picks the
# procedure last used and puts no "1" in the box.
xdotool key F2
sleep 0.5
xdotool key Return  # the outcome's "next citizen"
must_see "action: FinishIntake" 10
sleep 0.5
mark=$(wc -l <"$LOG")
xdotool key ctrl+1
must_see "action: PickRecentProcedure" 10
sleep 0.5
tail -n +"$mark" "$LOG" | grep -q "^action: SetApplicantField field=id_number" && fail "Ctrl+1 also typed into the ID box"
shot 12-intake-ctrl1

kill -TERM "$APP_PID"
wait "$APP_PID"
rc=$?
APP_PID=
[ $rc -eq 0 ] || fail "motcua-counter did not exit with 0 after SIGTERM (got $rc)"
grep -qF -- "$OFFICER_PASSWORD" "$LOG" "$WORK/stderr.txt" && fail "the password appeared in the output"
grep -qF -- "Hồng Nhung" "$LOG" && fail "the applicant's name appeared in the output"
for png in "$OUT"/[0-9][0-9]-*.png "$OUT/counter-last-frame.png"; do
  size=$(identify -format '%wx%h' "$png") || fail "$png is not an image"
  [ "$size" = "1366x768" ] || fail "$png is $size, not 1366x768"
  colours=$(identify -format '%k' "$png")
  [ "$colours" -gt 20 ] || fail "$png has only $colours colours"
done
echo "PASS: dossier $CODE received from a scanned CCCD; screenshots in $OUT"
exit 0
