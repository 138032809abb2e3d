# Sourced by script tests that need a PostgreSQL 15 server: the shell twin of tests/support/pg_server.h
# (read its header for the why). Needs bash 4.1+ (automatic {fd} redirections).
#
#   pg_server_start DIR   initdb + start a fresh server in DIR (created; must be empty or missing; removed
#                         again by pg_server_stop), listening only on a Unix socket in DIR and on
#                         127.0.0.1 at a free port, fsync on, trust auth, superuser `motcua`. Exports
#                         PG_PORT, PG_SOCKET_DIR (= DIR), PG_CONNINFO (database postgres) and PG_BINDIR.
#                         Returns 1 with the tool's output or the log's tail on stderr if it fails.
#   pg_server_psql SQL    runs SQL as the superuser in database postgres; prints unaligned tuples;
#                         ON_ERROR_STOP, so a failing statement makes it return non-zero.
#   pg_server_kill        stops the server abruptly (-m immediate), keeping its data, as a lost server.
#   pg_server_restart     starts a killed server again on the same port and socket (the same PG_CONNINFO).
#   pg_server_stop        stops the server (-m immediate: the data is thrown away) and renames DIR to
#                         DIR.removing, which the watchdog deletes in the background.
#
# One server per script. It is stopped when the script exits: pg_server_start adds pg_server_stop to the
# EXIT trap (keeping a trap already set; a trap set later replaces it). Whatever the way the script ends,
# SIGKILL included, a watchdog also stops it: a process started by pg_server_start reads a pipe whose
# write end only the script holds (pg_ctl is run with that descriptor closed, so the server does not
# inherit it) and cleans up at end of file. Children the script leaves running keep that descriptor, so
# they delay the watchdog until they exit.
#
# As root, initdb and pg_ctl run as `postgres` (runuser), DIR is chowned to it, and any parent directory
# that `postgres` cannot enter (mktemp -d makes 0700 directories) gets search permission (go+x) added.

PG_BINDIR=${MOTCUA_PG_BINDIR:-$(/usr/lib/postgresql/15/bin/pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)}
export PG_BINDIR
PG_SERVER_DIR=
PG_WATCHDOG_FD=

_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The watchdog: setsid, so a signal to the script's process group does not reach it; no stdout/stderr
# of the script's, so whoever reads the script's output is not kept waiting for it.
_pg_watchdog() {
  local runas=
  [ "$(id -u)" = 0 ] && runas=runuser
  exec {PG_WATCHDOG_FD}> >(exec setsid sh -c '
    IFS= read -r word
    if [ "$word" = done ]; then rm -rf "$1.removing"; exit 0; fi
    if [ -n "$3" ]; then runuser -u postgres -- "$2" -D "$1/data" -m immediate -w stop
    else "$2" -D "$1/data" -m immediate -w stop; fi
    rm -rf "$1"' motcua-pg-watchdog "$1" "$PG_BINDIR/pg_ctl" "$runas" >/dev/null 2>&1)
}

pg_server_start() {
  local dir=${1:?pg_server_start: DIR missing}
  if [ -n "$PG_SERVER_DIR" ]; then
    echo "pg_server_start: a server already runs in $PG_SERVER_DIR (one per script)" >&2
    return 1
  fi
  if [ ! -x "$PG_BINDIR/initdb" ]; then
    echo "pg_server_start: no PostgreSQL 15 server in $PG_BINDIR (install postgresql-15, listed in installer/packages.txt)" >&2
    return 1
  fi
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd) || return 1
  if [ -n "$(ls -A "$dir")" ]; then
    echo "pg_server_start: $dir is not empty (the server owns DIR and removes it when it stops)" >&2
    return 1
  fi
  # A Unix socket path is at most 107 bytes.
  if [ ${#dir} -gt 88 ]; then
    echo "pg_server_start: $dir is too long for a Unix socket path" >&2
    return 1
  fi
  if [ "$(id -u)" = 0 ]; then
    local up=$dir
    until runuser -u postgres -- test -x "$dir"; do
      up=$(dirname "$up")
      [ "$up" = / ] && { echo "pg_server_start: postgres cannot enter $dir" >&2; return 1; }
      runuser -u postgres -- test -x "$up" || chmod go+x "$up"
    done
    chown postgres: "$dir" || return 1
  fi
  _pg_watchdog "$dir"
  PG_SERVER_DIR=$dir
  local prev
  prev=$(trap -p EXIT)
  if [ -n "$prev" ]; then
    eval "set -- $prev"   # trap -- 'COMMAND' EXIT
    trap "pg_server_stop; $3" EXIT
  else
    trap pg_server_stop EXIT
  fi

  # --no-sync and recovery_init_sync_method=syncfs: see pg_server.cpp (start-up cost, not durability).
  if ! _pg_as_owner "$PG_BINDIR/initdb" -D "$dir/data" -A trust -U motcua -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$dir/tool.out" 2>&1 {PG_WATCHDOG_FD}>&-; then
    echo "pg_server_start: initdb failed:" >&2
    cat "$dir/tool.out" >&2
    return 1
  fi
  # A random port, and another on "Address already in use" (no bind(0) from bash).
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if _pg_ctl_start "$dir" "$port"; then
      export PG_PORT=$port PG_SOCKET_DIR=$dir
      export PG_CONNINFO="host=$dir port=$port user=motcua dbname=postgres"
      return 0
    fi
    grep -q "Address already in use" "$dir/postgres.log" 2>/dev/null || break
    : >"$dir/postgres.log"
  done
  echo "pg_server_start: the server did not start on port $port:" >&2
  cat "$dir/tool.out" >&2
  echo "--- log ---" >&2
  tail -n 20 "$dir/postgres.log" >&2
  return 1
}

_pg_ctl_start() {  # DIR PORT
  _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$1/data" -l "$1/postgres.log" -w -t 60 start \
    -o "-k '$1' -p $2 -c listen_addresses=127.0.0.1 -c fsync=on -c recovery_init_sync_method=syncfs" \
    >"$1/tool.out" 2>&1 {PG_WATCHDOG_FD}>&-
}

pg_server_kill() {
  _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_SERVER_DIR/data" -m immediate -w stop >/dev/null 2>&1 {PG_WATCHDOG_FD}>&-
}

pg_server_restart() {
  _pg_ctl_start "$PG_SERVER_DIR" "$PG_PORT" || { cat "$PG_SERVER_DIR/tool.out" >&2; return 1; }
}

pg_server_psql() {
  "$PG_BINDIR/psql" -X -q -A -t -v ON_ERROR_STOP=1 "$PG_CONNINFO" -c "$1"
}

pg_server_stop() {
  [ -n "$PG_SERVER_DIR" ] || return 0
  if [ -f "$PG_SERVER_DIR/data/postmaster.pid" ]; then
    _pg_as_owner "$PG_BINDIR/pg_ctl" -D "$PG_SERVER_DIR/data" -m immediate -w stop >/dev/null 2>&1 {PG_WATCHDOG_FD}>&-
  fi
  # Deleting a cluster's ~1,000 files takes seconds: rename it away, the watchdog deletes it.
  mv "$PG_SERVER_DIR" "$PG_SERVER_DIR.removing" 2>/dev/null || rm -rf "$PG_SERVER_DIR"
  # In a subshell: were the watchdog gone, SIGPIPE would end only the subshell, not the script.
  (echo done >&"$PG_WATCHDOG_FD") 2>/dev/null
  exec {PG_WATCHDOG_FD}>&-
  PG_SERVER_DIR=
  PG_WATCHDOG_FD=
  unset PG_PORT PG_SOCKET_DIR PG_CONNINFO
}
