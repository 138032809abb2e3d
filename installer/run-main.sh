#!/bin/sh
# The main job on the embedded default: a local SQLite database with the sample catalog.
# With a display it starts the counter application; without one it says so in one line and runs
# the headless demo (receive a sample dossier, write its receipt PDF, show its status and the
# month's score).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/bin"
export MOTCUA_ASSETS_DIR="${MOTCUA_ASSETS_DIR:-$root/assets}"

"$bin/motcua" init >/dev/null
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$bin/motcua-counter" ]; then
  exec "$bin/motcua-counter"
fi
echo "motcua: no display found; running the headless demo instead of the counter application"
exec "$bin/motcua" demo
