#!/bin/bash
# End-to-end run of motcua-board in a real X server (Xvfb, software GL, SDL's dummy sound device):
#   a station made with the CLI (init --demo, an administrator, areas A and B, tickets taken with
#   `motcua queue take`); the board started with --test; calls made from separate `motcua queue call`
#   and `queue recall` processes, as counters on other machines would, on the same database. Checks:
#   - the seeding at start lists the calls made before it and announces none of them;
#   - every later call is drawn within 1000 ms: the board's "call: ... drawn_unix_ms D" against the
#     script's clock when the CLI process that made the call exited (its transaction had committed by
#     then; the exit follows the commit by a few ms, so this is the latency of the board itself). The
#     time from the CLI's start, which adds its sign-in (argon2id) and start-up, is printed too;
#
#   - the calls are announced ("announce: A001 5") and then spoken ("spoken: vi Mời …") in the order
#     they were made, a recall too;
#   - with no sound device at all the board still runs, and says so.
# Then --tour draws every panel (late officers, communes, notices) with calls at 1920x1080, 1280x720
# and 3840x2160, and an empty day (a fresh database), into <out> as board-*.png.
#
# Usage: xvfb_board.sh <motcua-board> <motcua> <artifacts dir>
# Exit 0 = pass, 1 = fail, 77 = skipped (a tool is missing; a failure where CI runs).
set -u
BOARD=${1:?usage: xvfb_board.sh BOARD CLI OUT_DIR}
CLI=${2:?usage: xvfb_board.sh BOARD CLI OUT_DIR}
OUT=${3:?usage: xvfb_board.sh BOARD CLI OUT_DIR}

. "${0%/*}/../support/skip.sh"  # skip: exit 77, or a failure where CI runs
. "${0%/*}/../support/xvfb.sh"  # start_xvfb, wait_for, must_see

need_tools "apt-get install xvfb imagemagick" Xvfb identify
need_executables "$BOARD" "$CLI"

xvfb_workspace

fail() {
  echo "FAIL: $*"
  app_logs
  echo "--- CLI calls ---"; cat "$WORK/calls.txt" 2>/dev/null
  exit 1
}

DATA="$WORK/data"
ADMIN=admin
export MOTCUA_PASSWORD='Quan-tri@2026'
cli() { "$CLI" --data-dir "$DATA" "$@"; }
{
  cli init --demo &&
    MOTCUA_NEW_PASSWORD="$MOTCUA_PASSWORD" cli user add "$ADMIN" --role admin --name "Quản Trị" --if-no-admin &&
    cli --as "$ADMIN" queue area-set B --name "Đất đai - Xây dựng" &&
    "$BOARD" --data-dir "$DATA" --set board.rotation_seconds 5 --as "$ADMIN" &&
    "$BOARD" --data-dir "$DATA" --set board.notices "Giờ làm việc: sáng 7:30 – 11:30, chiều 13:30 – 17:00, thứ Hai đến thứ Sáu.
Nộp hồ sơ trực tuyến tại dichvucong.gov.vn: nhanh hơn, không phải chờ." --as "$ADMIN" &&
    for i in 1 2 3 4 5 6 7 8; do cli --as "$ADMIN" queue take --area A || exit 1; done &&
    for i in 1 2 3; do cli --as "$ADMIN" queue take --area B || exit 1; done &&
    cli --as "$ADMIN" queue call --counter 1 --areas A && # before the board starts: seeded, not announced
    # Dossiers of this month whose due date has passed (a 3-working-day commune procedure received on
    # the month's first days), for the officers' and communes' panels; before the 8th there are none yet
    # and the panels say so. A day the desk refuses (a weekend) is skipped.
    sed -e 's/"procedure_code": "1.004222"/"procedure_code": "1.004837"/' -e '/"cases"/d' \
      "${0%/*}/../../assets/samples/demo-dossier.json" >"$WORK/late.json" &&
    for day in 01 02 03; do
      cli --as "$ADMIN" --now "$(date +%Y-%m)-$day 08:30" receive --json "$WORK/late.json" || true
    done
} >"$WORK/init.txt" 2>&1 || { cat "$WORK/init.txt"; fail "setting up the station with the CLI failed"; }

mkdir -p "$OUT"
rm -f "$OUT"/board-*.png
start_xvfb 3840x2160
export SDL_AUDIODRIVER=dummy

now_ms() { date +%s%3N; }

# 1. Calls from other processes, on the board within a second, announced in order.
"$BOARD" --test --data-dir "$DATA" --size 1920x1080 >"$LOG" 2>"$WORK/stderr.txt" &
APP_PID=$!
must_see READY 60
must_see "seeded: 1 calls" 5
grep -q "^announce: A001 1" "$LOG" && fail "the call made before the board started was announced"

CALLS=("A 5" "A 2" "B 7" "A 10" "recall 5" "A 3")
EXPECT=("A002 5" "A003 2" "B001 7" "A004 10" "A002 5 recall" "A005 3")
declare -a STARTED EXITED
for i in "${!CALLS[@]}"; do
  set -- ${CALLS[$i]}
  STARTED[$i]=$(now_ms)
  if [ "$1" = recall ]; then
    cli --as "$ADMIN" queue recall --counter "$2" >>"$WORK/calls.txt" 2>&1 || fail "motcua queue recall failed"
  else
    cli --as "$ADMIN" queue call --counter "$2" --areas "$1" >>"$WORK/calls.txt" 2>&1 || fail "motcua queue call failed"
  fi
  EXITED[$i]=$(now_ms)
  must_see "call: ${EXPECT[$i]% recall} " 5
  sleep 1.2
done

latencies=()
for i in "${!EXPECT[@]}"; do
  e=${EXPECT[$i]}
  label=${e%% *}
  pattern="^call: ${e% recall} latency_ms"
  case "$e" in *recall) line=$(grep "$pattern.* recall$" "$LOG" | tail -n 1) ;; *) line=$(grep "$pattern" "$LOG" | grep -v ' recall$' | head -n 1) ;; esac
  [ -n "$line" ] || fail "no 'call:' line for $e"
  drawn=$(echo "$line" | sed -E 's/.*drawn_unix_ms ([0-9]+).*/\1/')
  ms=$((drawn - EXITED[$i]))
  latencies+=("$ms")
  echo "call $e: on screen $ms ms after its CLI process exited, $((drawn - STARTED[$i])) ms after it started ($line)"
  [ "$ms" -le 1000 ] || fail "$label took $ms ms to reach the board (limit 1000)"
done
sorted=$(printf '%s\n' "${latencies[@]}" | sort -n)
echo "latency_ms median $(echo "$sorted" | sed -n "$(( (${#latencies[@]} + 1) / 2 ))p") max $(echo "$sorted" | tail -n 1) over ${#latencies[@]} calls"

# Announced in the order made, each once; spoken in that order.
grep '^announce: ' "$LOG" | sed 's/^announce: //' >"$WORK/announced.txt"
printf '%s\n' "${EXPECT[@]}" >"$WORK/expected.txt"
diff "$WORK/expected.txt" "$WORK/announced.txt" >/dev/null ||
  { diff "$WORK/expected.txt" "$WORK/announced.txt"; fail "announcements not in the order of the calls"; }
wait_for "spoken: vi Mời khách hàng số A năm đến quầy số ba" 30 || fail "the last call was not spoken"
grep '^spoken: ' "$LOG" >"$WORK/spoken.txt"
cat >"$WORK/spoken-expected.txt" <<'SAID'
spoken: vi Mời khách hàng số A hai đến quầy số năm
spoken: vi Mời khách hàng số A ba đến quầy số hai
spoken: vi Mời khách hàng số B một đến quầy số bảy
spoken: vi Mời khách hàng số A bốn đến quầy số mười
spoken: vi Mời khách hàng số A hai đến quầy số năm
spoken: vi Mời khách hàng số A năm đến quầy số ba
SAID
diff "$WORK/spoken-expected.txt" "$WORK/spoken.txt" || fail "the calls were not spoken in order"
must_see "panel: communes" 15  # the rotation (board.rotation_seconds = 5) moved on
kill -TERM "$APP_PID"
wait "$APP_PID"
rc=$?
APP_PID=
[ $rc -eq 0 ] || fail "motcua-board did not exit with 0 after SIGTERM (got $rc)"

# 2. No sound device at all: the board runs, shows calls, and says why it is silent.
SDL_AUDIODRIVER=no-such-driver "$BOARD" --test --data-dir "$DATA" --size 1280x720 >"$LOG" 2>"$WORK/stderr.txt" &
APP_PID=$!
must_see READY 60
cli --as "$ADMIN" queue call --counter 4 --areas B >>"$WORK/calls.txt" 2>&1 || fail "motcua queue call failed"
must_see "call: B002 4 " 5
grep -q "silent: " "$WORK/stderr.txt" || fail "no 'silent:' line on stderr without a sound device"
kill -TERM "$APP_PID"
wait "$APP_PID"
APP_PID=

# 3. Screenshots: every panel at three sizes, and an empty day.
for size in 1920x1080 1280x720 3840x2160; do
  "$BOARD" --data-dir "$DATA" --size "$size" --no-audio --tour "$OUT" >"$WORK/tour.txt" 2>&1 ||
    { cat "$WORK/tour.txt"; fail "the tour at $size failed"; }
done
EMPTY="$WORK/empty"
"$CLI" --data-dir "$EMPTY" init >/dev/null 2>&1 || fail "init of the empty station failed"
mkdir -p "$WORK/empty-shots"
"$BOARD" --data-dir "$EMPTY" --size 1920x1080 --no-audio --tour "$WORK/empty-shots" >"$WORK/tour.txt" 2>&1 ||
  { cat "$WORK/tour.txt"; fail "the tour of the empty day failed"; }
for f in "$WORK"/empty-shots/board-*.png; do cp "$f" "$OUT/$(basename "$f" | sed 's/^board-/board-empty-/')"; done
for shot in calls officers communes notices offline; do
  for size in 1920x1080 1280x720 3840x2160; do
    f="$OUT/board-$shot-$size.png"
    [ -s "$f" ] || fail "no screenshot $f"
    [ "$(identify -format '%wx%h' "$f")" = "$size" ] || fail "$f is not $size"
  done
done
[ -s "$OUT/board-empty-calls-1920x1080.png" ] || fail "no screenshot of the empty day"
echo "screenshots: $(ls "$OUT"/board-*.png | wc -l) in $OUT"
echo PASS
