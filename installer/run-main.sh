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
  # First run: the counter needs an account to sign in. Create the administrator here, on the
  # terminal (the password is asked twice, never echoed); on later runs this adds nothing.
  if [ -t 0 ]; then
    "$bin/motcua" user add admin --role admin --name "Quản trị viên" --if-no-admin
  else
    echo "motcua: no terminal; if there is no account yet, create one with:" \
      "$bin/motcua user add admin --role admin --name \"Quản trị viên\" --if-no-admin"
  fi
  exec "$bin/motcua-counter"
fi
echo "motcua: no display found; running the headless demo instead of the counter application"
exec "$bin/motcua" demo
