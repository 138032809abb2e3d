#!/bin/bash
# End-to-end run of motcua-kiosk in a real X server (Xvfb, software GL), the way a citizen uses it:
#   a station made with the CLI (init, an administrator, a dossier received with `motcua receive`, its
#   receipt Mẫu 01 written with `motcua receipt`); the receipt's first page rendered to PNG (pdftoppm)
#   and fed to the kiosk as its camera's frame (--camera-file): the kiosk decodes the QR, verifies the
#   token offline and shows that dossier's status; the rating is given by taps (xdotool clicks at the
#   item rectangles the app prints in --test mode) and then appears in `motcua rating show`; a forged
#   token typed at scanner speed (a keyboard-wedge scan) shows "Mã không hợp lệ" and nothing else; and
#   60 s without a touch (here kiosk.idle_seconds = 10) returns home with the citizen forgotten; and a
#   kiosk killed (SIGKILL) while showing a dossier starts again on its home screen.
# Then --tour draws every screen in both orientations, both text sizes and high contrast, into <out>
# as kiosk-<screen>-<landscape|portrait>[-large][-contrast].png.
#
# Usage: xvfb_kiosk.sh <motcua-kiosk> <motcua> <artifacts dir>
# Exit 0 = pass, 1 = fail, 77 = skipped (a tool is missing; a failure where CI runs).
set -u
KIOSK=${1:?usage: xvfb_kiosk.sh KIOSK CLI OUT_DIR}
CLI=${2:?usage: xvfb_kiosk.sh KIOSK CLI OUT_DIR}
OUT=${3:?usage: xvfb_kiosk.sh KIOSK CLI OUT_DIR}

. "${0%/*}/../support/skip.sh"  # skip: exit 77, or a failure where CI runs
. "${0%/*}/../support/xvfb.sh"  # start_xvfb, wait_for, must_see, tap

need_tools "apt-get install xvfb xdotool imagemagick poppler-utils zbar-tools" Xvfb xdotool identify import pdftoppm zbarimg
need_executables "$KIOSK" "$CLI"

xvfb_workspace

fail() {
  echo "FAIL: $*"
  app_logs
  exit 1
}

# The station: a database with the sample catalog, an administrator, one dossier and its receipt.
DATA="$WORK/data"
ADMIN=quan.tri
export MOTCUA_PASSWORD='Quan-tri@2026'
{
  "$CLI" --data-dir "$DATA" init &&
    MOTCUA_NEW_PASSWORD="$MOTCUA_PASSWORD" "$CLI" --data-dir "$DATA" user add "$ADMIN" --role admin --name "Quản Trị" &&
    "$CLI" --data-dir "$DATA" --as "$ADMIN" kiosk set kiosk.idle_seconds 10 &&
    "$CLI" --data-dir "$DATA" --as "$ADMIN" kiosk set kiosk.bank_bin 970415 &&
    "$CLI" --data-dir "$DATA" --as "$ADMIN" kiosk set kiosk.bank_account 113366668888 &&
    "$CLI" --data-dir "$DATA" --as "$ADMIN" kiosk set kiosk.account_name "UBND PHƯỜNG MINH XUÂN" &&
    "$CLI" --data-dir "$DATA" --as "$ADMIN" kiosk set kiosk.postage_vnd 30000 &&
    "$CLI" --data-dir "$DATA" --as "$ADMIN" receive --json "${0%/*}/../../assets/samples/demo-dossier.json" >"$WORK/received.txt"
} >"$WORK/init.txt" 2>&1 || { cat "$WORK/init.txt"; fail "setting up the station with the CLI failed"; }
CODE=$(grep -oE '[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}' "$WORK/received.txt" | head -n 1)
[ -n "$CODE" ] || { cat "$WORK/received.txt"; fail "no dossier code in receive's output"; }
"$CLI" --data-dir "$DATA" --as "$ADMIN" receipt "$CODE" --out "$WORK/receipt.pdf" >"$WORK/receipt.txt" 2>&1 ||
  { cat "$WORK/receipt.txt"; fail "motcua receipt failed"; }
# A receipt held up to the camera: page 1 at 150 dpi, as a phone-camera-sized frame would show it.
pdftoppm -r 150 -png -f 1 -l 1 -singlefile "$WORK/receipt.pdf" "$WORK/receipt" || fail "pdftoppm could not render the receipt"
APPLICANT_NAME="Nguyễn Thị Mẫu"  # the sample's applicant (its CCCD QR)
# The token the receipt's QR holds, read back by zbar: the tour shows that dossier's screens.
TOKEN=$(zbarimg -q --raw "$WORK/receipt.png" 2>/dev/null | grep '^MC1:' | head -n 1)
[ -n "$TOKEN" ] || fail "zbarimg found no receipt token on the rendered receipt"

mkdir -p "$OUT"
rm -f "$OUT"/kiosk-*.png

start_xvfb 1920x1920  # room for both orientations
export SDL_AUDIODRIVER=dummy

# 1. Every screen, in both orientations, both text sizes and high contrast (before the dossier is rated,
# so the rating screen is among them).
for variant in "" "--large-text" "--high-contrast"; do
  for size in 1920x1080 1080x1920; do
    "$KIOSK" --data-dir "$DATA" --size "$size" --no-camera --tour "$OUT" --tour-token "$TOKEN" $variant \
      >"$WORK/tour.txt" 2>&1 || { cat "$WORK/tour.txt"; fail "the tour ($size $variant) failed"; }
  done
done

# 1b. Each tour took a real ticket, printed as a PDF (no ticket printer configured): six runs, six numbers.
TICKETS=$("$CLI" --data-dir "$DATA" queue list) || fail "motcua queue list failed: $TICKETS"
[ "$(echo "$TICKETS" | grep -c ' waiting')" -eq 6 ] || fail "the tours should have left 6 waiting tickets: $TICKETS"
[ "$(ls "$DATA"/tickets/*-A00[1-6].pdf 2>/dev/null | wc -l)" -eq 6 ] || fail "no ticket PDFs in $DATA/tickets"

# 2. The receipt at the camera: its status.
"$KIOSK" --test --data-dir "$DATA" --size 1920x1080 --camera-file "$WORK/receipt.png" --frames 100000 \
  >"$LOG" 2>"$WORK/stderr.txt" &
APP_PID=$!
must_see READY 60
WID=$(xdotool search --sync --onlyvisible --name '^motcua' | head -n 1)
[ -n "$WID" ] || fail "no window named motcua"
must_see "status: $CODE" 30
must_see "screen: status" 5
import -window root -crop 1920x1080+0+0 "$OUT/kiosk-e2e-status.png" 2>/dev/null || true

# 3. The rating, by taps.
tap status_rate
must_see "screen: rate" 10
tap overall_0       # Rất hài lòng
tap rate_submit
must_see "screen: thanks" 10
RATING=$("$CLI" --data-dir "$DATA" rating show "$CODE") || fail "motcua rating show failed: $RATING"
echo "rating: $RATING"
echo "$RATING" | grep -qF "Rất hài lòng (2), kiosk" || fail "the kiosk's rating is not in the store: $RATING"

# 3b. A queue number by taps: the tile, the area, a priority group; six waiting tickets are ahead of it
# in number, none in priority.
tap home
must_see "screen: home" 10
tap tile_queue
must_see "screen: queue_areas" 10
tap area_A
must_see "screen: queue_priority" 10
tap priority_elderly
must_see "ticket: A007 ahead 0" 10
must_see "screen: ticket" 5
import -window root -crop 1920x1080+0+0 "$OUT/kiosk-e2e-ticket.png" 2>/dev/null || true
"$CLI" --data-dir "$DATA" queue list | grep -qF "A007 waiting priority elderly" || fail "ticket A007 is not in the store"

# 4. A forged token, typed at scanner speed: refused with one message.
FORGED="MC1:$CODE:7KQM:K7:ERVX2RWWPXMQMMTU"
xdotool type --delay 12 --args 1 "$FORGED" key Return
must_see "message: kiosk.invalid_code" 10
must_see "screen: check" 5

# 5. Idle: 10 s without a touch, then home with nothing of the citizen left.
must_see "idle_reset" 25
must_see "screen: home" 5
kill -TERM "$APP_PID"
wait "$APP_PID"
rc=$?
APP_PID=
[ $rc -eq 0 ] || fail "motcua-kiosk did not exit with 0 after SIGTERM (got $rc)"
# 6. Killed in the middle of a citizen's visit, it starts again on its home screen with nothing of them.
cp "$LOG" "$WORK/visit-stdout.txt"
cp "$WORK/stderr.txt" "$WORK/visit-stderr.txt"
"$KIOSK" --test --data-dir "$DATA" --size 1920x1080 --camera-file "$WORK/receipt.png" --frames 100000 \
  >"$LOG" 2>"$WORK/stderr.txt" &
APP_PID=$!
must_see "status: $CODE" 60
kill -KILL "$APP_PID"
wait "$APP_PID" 2>/dev/null
"$KIOSK" --test --data-dir "$DATA" --size 1920x1080 --no-camera --frames 100000 >"$LOG" 2>"$WORK/stderr.txt" &
APP_PID=$!
must_see READY 60
must_see "screen: home" 5
sleep 1
grep -qF "status:" "$LOG" && fail "the restarted kiosk showed a dossier"
kill -TERM "$APP_PID"
wait "$APP_PID"
APP_PID=
"$CLI" --data-dir "$DATA" journal verify >"$WORK/verify.txt" 2>&1 || { cat "$WORK/verify.txt"; fail "the journal does not verify after the kill"; }

if [ -n "$APPLICANT_NAME" ]; then
  grep -qF -- "$APPLICANT_NAME" "$WORK/visit-stdout.txt" "$WORK/visit-stderr.txt" "$LOG" &&
    fail "the applicant's name appeared in the output"
fi

count=$(ls "$OUT"/kiosk-*-landscape*.png 2>/dev/null | wc -l)
[ "$count" -ge 45 ] || fail "only $count landscape screenshots in $OUT (15 screens x 3 looks expected)"
for png in "$OUT"/kiosk-*-landscape*.png; do
  [ "$(identify -format '%wx%h' "$png")" = "1920x1080" ] || fail "$png is not 1920x1080"
done
for png in "$OUT"/kiosk-*-portrait*.png; do
  [ "$(identify -format '%wx%h' "$png")" = "1080x1920" ] || fail "$png is not 1080x1920"
done
echo "PASS: $(ls "$OUT"/kiosk-*.png | wc -l) screenshots in $OUT"
exit 0
