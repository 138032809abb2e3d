#!/bin/bash
# tests/support/pg_server.sh, the shell twin of PgServer: a server answers on its socket and on
# loopback with fsync on; pg_server_stop, the EXIT trap (next to a trap the script already had) and the
# watchdog (after SIGKILL) each leave no postmaster and no directory behind; bad DIRs are refused.
set -u
SUPPORT="$(cd "$(dirname "$0")/../support" && pwd)"
# shellcheck source=../support/pg_server.sh
source "$SUPPORT/pg_server.sh"
fail() { echo "FAIL: $*"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

gone() {  # gone PID: no such process, or a zombie
  [ ! -e "/proc/$1" ] || [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = Z ]
}
wait_gone() {  # wait_gone PID DIR SECONDS
  local deadline=$((SECONDS + $3))
  until gone "$1" && [ ! -e "$2" ]; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.05
  done
}

# 1. Start, query over the socket and over TCP, stop.
pg_server_start "$WORK/pg" || fail "pg_server_start"
[ "$PG_SOCKET_DIR" = "$WORK/pg" ] || fail "PG_SOCKET_DIR=$PG_SOCKET_DIR"
[ "$PG_CONNINFO" = "host=$WORK/pg port=$PG_PORT user=motcua dbname=postgres" ] || fail "PG_CONNINFO=$PG_CONNINFO"
[ "$(pg_server_psql 'SHOW fsync')" = on ] || fail "fsync is not on"
[ "$(pg_server_psql 'SHOW listen_addresses')" = 127.0.0.1 ] || fail "listen_addresses"
[ "$(pg_server_psql "SELECT current_setting('server_version_num')::int / 10000")" = 15 ] || fail "not PostgreSQL 15"
got=$("$PG_BINDIR/psql" -X -A -t "host=127.0.0.1 port=$PG_PORT user=motcua dbname=postgres" \
      -c "SELECT 'hồ sơ ' || 1") || fail "no TCP connection"
[ "$got" = "hồ sơ 1" ] || fail "TCP query gave '$got'"
pg_server_psql "SELECT * FROM no_such_table" 2>/dev/null && fail "a failing statement returned 0"
pg_server_psql "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('giữ')" || fail "create table"
pg_server_kill
pg_server_psql "SELECT 1" 2>/dev/null && fail "a killed server still answers"
pg_server_restart || fail "pg_server_restart"
[ "$(pg_server_psql 'SELECT v FROM kept')" = "giữ" ] || fail "the restarted server lost its data"
pid=$(head -n 1 "$PG_SOCKET_DIR/data/postmaster.pid")
pg_server_start "$WORK/pg2" 2>/dev/null && fail "a second server in one script was accepted"
pg_server_stop
wait_gone "$pid" "$WORK/pg" 0 || fail "pg_server_stop left postmaster $pid or $WORK/pg"
[ -z "${PG_PORT:-}" ] || fail "PG_PORT still set after stop"
echo "ok: start, queries, kill and restart with the data kept, stop"

# 2. A script that exits normally stops its server through the EXIT trap, and its own trap still runs.
out=$(bash -c 'source "$1/pg_server.sh"; trap "touch $2/own-trap-ran" EXIT
               pg_server_start "$2/exit" || exit 1
               echo "$(head -n 1 "$PG_SOCKET_DIR/data/postmaster.pid") $PG_SOCKET_DIR"' _ "$SUPPORT" "$WORK") \
  || fail "child script failed"
read -r pid dir <<<"$out"
[ -n "$pid" ] && [ "$dir" = "$WORK/exit" ] || fail "child printed '$out'"
wait_gone "$pid" "$dir" 1 || fail "normal exit left postmaster $pid or $dir"
[ -e "$WORK/own-trap-ran" ] || fail "the script's own EXIT trap did not run"
echo "ok: EXIT trap"

# 3. SIGKILL: no trap runs; the watchdog stops the server and removes the directory.
out=$(bash -c 'source "$1/pg_server.sh"; pg_server_start "$2/killed" || exit 1
               echo "$(head -n 1 "$PG_SOCKET_DIR/data/postmaster.pid") $PG_SOCKET_DIR"; kill -9 $$' _ "$SUPPORT" "$WORK")
read -r pid dir <<<"$out"
[ -n "$pid" ] && [ "$dir" = "$WORK/killed" ] || fail "killed child printed '$out'"
start=$SECONDS
wait_gone "$pid" "$dir" 10 || fail "10 s after SIGKILL: postmaster $pid or $dir still there"
echo "ok: watchdog after SIGKILL ($((SECONDS - start)) s)"

# 4. Refusals: a DIR with files in it is not taken over.
mkdir -p "$WORK/full" && touch "$WORK/full/keep"
err=$(pg_server_start "$WORK/full" 2>&1) && fail "a non-empty DIR was accepted"
case "$err" in *"is not empty"*) ;; *) fail "refusal said: $err" ;; esac
[ -e "$WORK/full/keep" ] || fail "the refused DIR lost its file"
echo "ok: refusals"
echo PASS
