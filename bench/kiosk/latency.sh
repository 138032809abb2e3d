#!/bin/bash
# The kiosk's scan latency (issue 13): from the capture of the camera frame holding a receipt's QR to
# the status page for it on screen, in a real X server (Xvfb) with software GL (Mesa llvmpipe), median
# against the 150 ms target, and the decode of that frame alone as the baseline measured in the same
# run (the ratio says how much the UI adds to what the camera thread must spend anyway).
#
# How: a station made with the CLI (init, an administrator, K dossiers received from the sample JSON,
# their receipts written with `motcua receipt` and page 1 rendered to PNG by pdftoppm at 150 dpi, as in
# tests/kiosk_e2e/xvfb_kiosk.sh); motcua-kiosk --test at 1920x1080 with a folder of camera frames
# (10 per second): blank white frames of the receipt's size to let the app start, then the receipts in
# turn, each followed by 7 blank frames. The scanner reports a text again only after 3 s out of view,
# so K = 4 receipts x 8 frames = 3.2 s between two sights of the same one. For each scan the app
# prints "latency_ms: MS CODE" (kiosk/main.cpp, ScanLatency); the baseline is
# `bench_kiosk --decode receipt.png` (scan::DecodeQr with KioskCameraDecodeOptions, median of 30).
#
# Usage: latency.sh <motcua-kiosk> <motcua> <bench_kiosk> [scans]   (default 20 scans; at least 15)
#        or build/bin/bench_kiosk_latency [scans], which passes this build's binaries.
# Not part of ctest. Exit 0 when measured, or skipped for a missing tool (it says which); 1 when the
# run failed (no station, too few latency lines).
set -u
KIOSK=${1:?usage: latency.sh KIOSK CLI BENCH_KIOSK [scans]}
CLI=${2:?usage: latency.sh KIOSK CLI BENCH_KIOSK [scans]}
BENCH=${3:?usage: latency.sh KIOSK CLI BENCH_KIOSK [scans]}
SCANS=${4:-20}
[ "$SCANS" -ge 15 ] 2>/dev/null || { echo "latency.sh: scans must be a number >= 15 (got '$SCANS')"; exit 2; }
RECEIPTS=4
BLANKS_AFTER=7
BLANKS_FIRST=40
TARGET_MS=150

for tool in Xvfb pdftoppm convert identify; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench_kiosk_latency: skipped: '$tool' is not installed (apt-get install xvfb poppler-utils imagemagick)"
    exit 0
  fi
done
for f in "$KIOSK" "$CLI" "$BENCH"; do
  [ -x "$f" ] || { echo "latency.sh: $f is not an executable"; exit 1; }
done

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
. "${0%/*}/../../tests/support/xvfb.sh"  # start_xvfb
fail() {
  echo "latency.sh: FAIL: $*"
  [ -s "$LOG" ] && { echo "--- app stdout ---"; tail -n 30 "$LOG"; }
  [ -s "$WORK/stderr.txt" ] && { echo "--- app stderr ---"; tail -n 20 "$WORK/stderr.txt"; }
  exit 1
}

# The station and the receipts.
DATA="$WORK/data"
ADMIN=quan.tri
export MOTCUA_PASSWORD='Quan-tri@2026'
SAMPLE="${0%/*}/../../assets/samples/demo-dossier.json"
{
  "$CLI" --data-dir "$DATA" init &&
    MOTCUA_NEW_PASSWORD="$MOTCUA_PASSWORD" "$CLI" --data-dir "$DATA" user add "$ADMIN" --role admin --name "Quản Trị"
} >"$WORK/init.txt" 2>&1 || { cat "$WORK/init.txt"; fail "setting up the station with the CLI failed"; }
CODES=()
for i in $(seq "$RECEIPTS"); do
  "$CLI" --data-dir "$DATA" --as "$ADMIN" receive --json "$SAMPLE" >"$WORK/received.txt" 2>&1 ||
    { cat "$WORK/received.txt"; fail "motcua receive failed"; }
  code=$(grep -oE '[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4}' "$WORK/received.txt" | head -n 1)
  [ -n "$code" ] || { cat "$WORK/received.txt"; fail "no dossier code in receive's output"; }
  "$CLI" --data-dir "$DATA" --as "$ADMIN" receipt "$code" --out "$WORK/receipt-$i.pdf" >"$WORK/receipt.txt" 2>&1 ||
    { cat "$WORK/receipt.txt"; fail "motcua receipt failed"; }
  pdftoppm -r 150 -png -f 1 -l 1 -singlefile "$WORK/receipt-$i.pdf" "$WORK/receipt-$i" || fail "pdftoppm failed"
  CODES+=("$code")
done
SIZE=$(identify -format '%wx%h' "$WORK/receipt-1.png") || fail "identify could not read the receipt PNG"
convert -size "$SIZE" xc:white "$WORK/blank.png" || fail "convert could not make a blank frame"

# The camera's frames, in name order (hard links: no copies).
FRAMES="$WORK/frames"
mkdir -p "$FRAMES"
n=0
frame() { n=$((n + 1)); ln "$1" "$FRAMES/$(printf 'f%05d.png' "$n")"; }
for _ in $(seq "$BLANKS_FIRST"); do frame "$WORK/blank.png"; done
for s in $(seq "$SCANS"); do
  frame "$WORK/receipt-$(( (s - 1) % RECEIPTS + 1 )).png"
  for _ in $(seq "$BLANKS_AFTER"); do frame "$WORK/blank.png"; done
done

# The baseline: the decode of that frame alone.
BASE=$("$BENCH" --decode "$WORK/receipt-1.png" 30) || fail "bench_kiosk --decode failed: $BASE"
DECODE_MS=$(echo "$BASE" | sed -n 's/^decode_ms: \([0-9.]*\) wall.*/\1/p')
[ -n "$DECODE_MS" ] || fail "no decode time in: $BASE"

# The X server and the kiosk.
start_xvfb 1920x1080  # tests/support/xvfb.sh
export SDL_AUDIODRIVER=dummy

"$KIOSK" --test --data-dir "$DATA" --size 1920x1080 --camera-file "$FRAMES" >"$LOG" 2>"$WORK/stderr.txt" &
APP_PID=$!
deadline=$((SECONDS + n / 10 + 60))
until [ "$(grep -c '^latency_ms: ' "$LOG")" -ge "$SCANS" ]; do
  [ $SECONDS -ge $deadline ] && break
  kill -0 "$APP_PID" 2>/dev/null || fail "the kiosk exited early"
  sleep 0.5
done
kill -TERM "$APP_PID"
wait "$APP_PID" 2>/dev/null
APP_PID=

grep '^latency_ms: ' "$LOG" >"$WORK/latency.txt"
got=$(wc -l <"$WORK/latency.txt")
[ "$got" -ge 15 ] || fail "only $got latency lines (want at least 15 of $SCANS scans)"
while read -r _ _ code; do
  case " ${CODES[*]} " in *" $code "*) ;; *) fail "a latency line names $code, not one of the receipts" ;; esac
done <"$WORK/latency.txt"

echo "bench_kiosk_latency: camera frame (receipt QR, ${SIZE} px) -> status page on screen; Xvfb 1920x1080, software GL"
echo "  each scan (ms): $(cut -d' ' -f2 "$WORK/latency.txt" | tr '\n' ' ')"
cut -d' ' -f2 "$WORK/latency.txt" | sort -n | awk -v decode="$DECODE_MS" -v target="$TARGET_MS" '
  { v[NR] = $1 }
  END {
    median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "  %-40s median %7.1f ms  (min %.1f, max %.1f, %d scans)\n", "frame -> status page on screen", median, v[1], v[NR], NR
    printf "  %-40s median %7.1f ms  (bench_kiosk --decode, same frame, 30 runs)\n", "decode alone (baseline)", decode
    printf "  ratio %.1fx: the UI adds %.1f ms to the decode; target <= %d ms: %s\n", median / decode, median - decode,
           target, median <= target ? "met" : "NOT met"
  }'
exit 0
