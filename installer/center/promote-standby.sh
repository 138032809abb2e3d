#!/bin/bash
# Promotes a center's hot standby to primary (run as root on the standby machine) when the primary
# is lost. Checks first, because promoting while the old primary still runs gives two primaries that
# both accept dossiers (split brain):
#   - the cluster exists, runs, and is a standby (already a primary: nothing to do, exit 0);
#   - its walreceiver no longer streams from the primary (waits up to 10 s for it to notice a
#     primary that just stopped), and with --primary, the primary refuses connections;
#   - --force skips these two, for an operator who knows the primary is gone (machine off, unplugged).
# Then pg_ctlcluster promote, and waits until the server accepts writes. Stations whose connection
# string lists both servers with target_session_attrs=read-write reconnect to it by themselves.
#
# Usage: promote-standby.sh [--cluster 15/main] [--primary HOST [--primary-port 5432]] [--timeout 60] [--force]
# Exit: 0 promoted (or already a primary), 1 refused or failed (the message says why), 2 a bad argument.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

cluster=15/main primary='' primary_port=5432 timeout=60 force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster) need_value "$1" $#; cluster=$2; shift 2 ;;
    --primary) need_value "$1" $#; primary=$2; shift 2 ;;
    --primary-port) need_value "$1" $#; primary_port=$2; shift 2 ;;
    --timeout) need_value "$1" $#; timeout=$2; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) bad_arg "$1" unknown_option "is not an option of $PROG (see --help)" ;;
  esac
done
parse_cluster "$cluster"
[ -z "$primary" ] || check_host --primary "$primary"
check_port --primary-port "$primary_port"
[[ $timeout =~ ^[0-9]{1,4}$ ]] && [ "$timeout" -ge 1 ] || bad_arg --timeout not_seconds "\"$timeout\" is not a number of seconds (1-9999)"
need_root

PG_BIN=/usr/lib/postgresql/$PG_VER/bin
cluster_exists || die "there is no cluster $PG_VER/$PG_NAME (pg_lsclusters lists them)"
ensure_cluster ''
cluster_online || die "$PG_VER/$PG_NAME is not running; start it (pg_ctlcluster $PG_VER $PG_NAME start) and run this again"
if [ "$(sql_value postgres "SELECT pg_is_in_recovery()")" = f ]; then
  say "$PG_VER/$PG_NAME is already a primary (not in recovery); nothing to do"
  exit 0
fi

say "standby $PG_VER/$PG_NAME on port $PG_PORT: $(sql_value postgres "SELECT format('received up to %s, replayed up to %s, last transaction replayed at %s', pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn(), coalesce(pg_last_xact_replay_timestamp()::text, 'never'))")"

# --- is the primary really gone? ---
streaming=''
for _ in $(seq 20); do
  streaming=$(sql_value postgres "SELECT format('%s:%s', sender_host, sender_port) FROM pg_stat_wal_receiver WHERE status = 'streaming'")
  [ -n "$streaming" ] || break
  sleep 0.5
done
if [ -n "$streaming" ]; then
  if [ "$force" = 0 ]; then
    die "the primary ($streaming) is still streaming to this standby: promoting now would make two primaries. Stop the primary first (on it: pg_ctlcluster VERSION NAME stop), or pass --force if it is gone for sure; nothing was changed"
  fi
  warn "--force: promoting although the primary ($streaming) still streams to this standby; keep the old primary stopped"
fi
if [ -n "$primary" ] && "$PG_BIN/pg_isready" -q -h "$primary" -p "$primary_port" -t 3; then
  if [ "$force" = 0 ]; then
    die "the primary $primary:$primary_port still accepts connections: promoting now would make two primaries. Stop it first, or pass --force; nothing was changed"
  fi
  warn "--force: promoting although $primary:$primary_port still accepts connections"
fi

# --- promote ---
pg_ctlcluster "$PG_VER" "$PG_NAME" promote || die "pg_ctlcluster $PG_VER $PG_NAME promote failed; see $(cluster_field 7)"
for _ in $(seq $((timeout * 2))); do
  [ "$(sql_value postgres "SELECT pg_is_in_recovery()")" = f ] && break
  sleep 0.5
done
[ "$(sql_value postgres "SELECT pg_is_in_recovery()")" = f ] ||
  die "$PG_VER/$PG_NAME is still in recovery after ${timeout}s; see $(cluster_field 7)"
[ "$(sql_value postgres "SHOW transaction_read_only")" = off ] ||
  die "$PG_VER/$PG_NAME left recovery but its sessions are read-only (default_transaction_read_only?)"
say "promoted: $PG_VER/$PG_NAME on port $PG_PORT accepts writes"

sync_names=$(sql_value postgres "SHOW synchronous_standby_names")
if [ -n "$sync_names" ]; then
  warn "synchronous_standby_names is '$sync_names': every commit waits for such a standby. Until one runs, use setup-primary.sh --no-sync on this machine"
else
  warn "this server has no standby now: a commit is on this machine's disk only"
fi
cat <<EOF
Next steps:
  1. Keep the old primary stopped: started as it is, it would be a second primary.
  2. On this machine: setup-primary.sh --cluster $PG_VER/$PG_NAME --subnet ... --cert ... --key ...
     (as for the first primary; commits then wait for the standby of step 3, so do it right before).
  3. On the old primary's machine: setup-standby.sh --primary <this machine> --cluster ... --subnet ...
     (copies this server; the old primary's data is discarded).
EOF
