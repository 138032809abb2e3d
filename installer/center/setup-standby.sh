#!/bin/bash
# Sets up a center's hot standby (run as root on the standby machine, after setup-primary.sh ran on
# the primary and its motcua_replica.pgpass was copied into --secrets-dir here):
#   - the same TLS and client rules as the primary, so that once promoted it serves the stations;
#   - stops the cluster, empties its data directory, copies the primary with
#     pg_basebackup -R -X stream, and names itself in primary_conninfo (application_name=--name);
#   - starts it and waits until the primary lists it in pg_stat_replication with sync_state 'sync'.
# Why the name matters: the primary waits at commit only for a standby whose application_name is in
# its synchronous_standby_names. Without application_name in primary_conninfo the walreceiver
# reports the cluster's cluster_name ("15/main" on Debian), and the standby streams as 'async'.
# A standby that already streams synchronously from the same primary is not copied again (--rebuild
# forces it); a cluster that is a primary with a motcua database is not emptied (--force does it).
#
# Usage: setup-standby.sh --primary HOST --subnet CIDR --cert FILE --key FILE [--ca FILE]
#          [--primary-port 5432] [--cluster 15/main] [--port PORT] [--listen '*']
#          [--secrets-dir /etc/motcua/center] [--name motcua_standby] [--timeout 60] [--rebuild] [--force]
# --ca verifies the primary's certificate (sslmode=verify-full; HOST must be a name or address the
# certificate lists); without it the link is encrypted but the primary is not authenticated.
# Exit: 0 the standby is synchronous, 1 failed (the message says why), 2 a bad argument (nothing changed).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }

primary='' primary_port=5432 cluster=15/main port='' listen='*' subnet='' cert='' key='' ca=''
secrets=/etc/motcua/center name=motcua_standby timeout=60 rebuild=0 force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --primary) need_value "$1" $#; primary=$2; shift 2 ;;
    --primary-port) need_value "$1" $#; primary_port=$2; shift 2 ;;
    --cluster) need_value "$1" $#; cluster=$2; shift 2 ;;
    --port) need_value "$1" $#; port=$2; shift 2 ;;
    --listen) need_value "$1" $#; listen=$2; shift 2 ;;
    --subnet) need_value "$1" $#; subnet=$2; shift 2 ;;
    --cert) need_value "$1" $#; cert=$2; shift 2 ;;
    --key) need_value "$1" $#; key=$2; shift 2 ;;
    --ca) need_value "$1" $#; ca=$2; shift 2 ;;
    --secrets-dir) need_value "$1" $#; secrets=$2; shift 2 ;;
    --name) need_value "$1" $#; name=$2; shift 2 ;;
    --timeout) need_value "$1" $#; timeout=$2; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) bad_arg "$1" unknown_option "is not an option of $PROG (see --help)" ;;
  esac
done

[ -n "$primary" ] || bad_arg --primary required "is required: the primary's host name or address"
check_host --primary "$primary"
check_port --primary-port "$primary_port"
parse_cluster "$cluster"
[ -z "$port" ] || check_port --port "$port"
check_listen "$listen"
[ -n "$subnet" ] || bad_arg --subnet required "is required: the center's LAN, e.g. 192.168.1.0/24 (the promoted standby serves it)"
check_subnet "$subnet"
[ -n "$cert" ] || bad_arg --cert required "is required: this server's TLS certificate (PEM)"
[ -n "$key" ] || bad_arg --key required "is required: the certificate's private key (PEM)"
check_tls "$cert" "$key" "$ca"
check_abs_dir_arg --secrets-dir "$secrets"
check_app_name --name "$name"
[[ $timeout =~ ^[0-9]{1,4}$ ]] && [ "$timeout" -ge 1 ] || bad_arg --timeout not_seconds "\"$timeout\" is not a number of seconds (1-9999)"
secret=$secrets/motcua_replica.pgpass
[ -f "$secret" ] || bad_arg --secrets-dir no_replica_password "has no motcua_replica.pgpass; copy it from the primary's secrets directory"
check_secret_mode --secrets-dir "$secret"
[ -n "$(pgpass_password "$secret" motcua_replica)" ] ||
  bad_arg --secrets-dir no_replica_password "\"$secret\" has no line for motcua_replica"
need_root

ensure_server_package
ensure_cluster "$port"
case "$primary" in localhost|127.*|::1)
  [ "$primary_port" != "$PG_PORT" ] ||
    die "--primary $primary --primary-port $primary_port is this cluster ($PG_VER/$PG_NAME) itself; nothing was changed" ;;
esac

# A primary holding the center's data is never emptied by mistake (a wrong --cluster).
if cluster_online && [ "$(sql_value postgres "SELECT pg_is_in_recovery()")" = f ] &&
   [ "$(sql_value postgres "SELECT count(*) FROM pg_database WHERE datname = 'motcua'")" = 1 ] &&
   [ "$force" = 0 ]; then
  die "$PG_VER/$PG_NAME is a primary with a database motcua: it is not emptied without --force (is --cluster right?); nothing was changed"
fi

# --- configuration (the standby's own: pg_basebackup does not copy /etc/postgresql) ---
before=${#CHANGES[@]}
install_tls "$cert" "$key" "$ca"
write_server_conf standby "$listen" ''
write_hba "$subnet"
# The walreceiver runs as postgres, so it reads a postgres-owned copy of the password file.
passfile=$PG_CONF/motcua_replica.pgpass
put_file "$passfile" postgres 600 "password file of motcua_replica for the walreceiver" <"$secret"

if [ -n "$ca" ]; then
  tls="sslmode=verify-full sslrootcert=$TLS_DIR/ca.crt"
else
  tls="sslmode=require"
  warn "no --ca: the standby encrypts its link to the primary but does not verify the primary's certificate"
fi
conninfo="host=$primary port=$primary_port user=motcua_replica passfile=$passfile $tls application_name=$name"

# remote_sql SQL: runs SQL on the primary as motcua_replica (pg_read_all_stats: sees sync_state).
remote_sql() {
  printf '%s\n' "$1" | runuser -u postgres -- "$PG_BIN/psql" -X -w -q -A -t -v ON_ERROR_STOP=1 \
    "$conninfo dbname=postgres connect_timeout=10"
}

# --- the primary must accept us, and be waiting for this name, before anything is emptied ---
probe=$(remote_sql "SELECT CASE WHEN pg_is_in_recovery() THEN 't' ELSE 'f' END || ' ' || current_setting('synchronous_standby_names')" 2>&1) ||
  die "cannot reach the primary as motcua_replica ($primary:$primary_port): $probe"
[ "${probe%% *}" = f ] || die "$primary:$primary_port is itself a standby (in recovery); name the primary"
sync_names=${probe#* }
shopt -s nocasematch
if ! [[ $sync_names =~ (^|[^a-z0-9_])$name([^a-z0-9_]|$) || $sync_names =~ ^[[:space:]]*\*[[:space:]]*$ ]]; then
  shopt -u nocasematch
  die "the primary's synchronous_standby_names is '$sync_names', which does not name '$name': this standby would stream as 'async'. On the primary run setup-primary.sh with --standby-name $name (without --no-sync); nothing was copied"
fi
shopt -u nocasematch

sync_state() { remote_sql "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$name'" 2>/dev/null || true; }

if [ "$rebuild" = 0 ] && cluster_online &&
   [ "$(sql_value postgres "SELECT pg_is_in_recovery()")" = t ] &&
   [ "$(sql_value postgres "SHOW primary_conninfo")" = "$conninfo" ] &&
   [ "$(sync_state)" = sync ]; then
  say "$PG_VER/$PG_NAME already streams synchronously from $primary:$primary_port as $name; not copied again (--rebuild forces it)"
  apply_config "$before"
else
  if cluster_online; then
    pg_ctlcluster "$PG_VER" "$PG_NAME" stop -m fast
    changed "stopped $PG_VER/$PG_NAME"
  fi
  [[ $PG_DATA == /?*/* && -d $PG_DATA ]] || die "data directory \"$PG_DATA\" does not look like one; nothing was emptied"
  if [ -n "$(ls -A "$PG_DATA")" ] && [ ! -f "$PG_DATA/PG_VERSION" ]; then
    die "\"$PG_DATA\" is not empty and holds no PG_VERSION: not a PostgreSQL data directory, not emptied"
  fi
  find "$PG_DATA" -mindepth 1 -delete
  changed "emptied $PG_DATA"
  say "copying the primary $primary:$primary_port (pg_basebackup)"
  runuser -u postgres -- "$PG_BIN/pg_basebackup" -d "$conninfo" -D "$PG_DATA" -R -X stream \
    -c fast --no-password ||
    die "pg_basebackup from $primary:$primary_port failed (message above); $PG_DATA is left empty and $PG_VER/$PG_NAME stopped"
  changed "copied the primary into $PG_DATA"
  # -R wrote a primary_conninfo from its own connection; ours names the standby (application_name)
  # and reads the password from the file, so no password is written into the data directory.
  auto=$PG_DATA/postgresql.auto.conf
  { grep -v '^primary_conninfo' "$auto" || true
    printf "primary_conninfo = '%s'\n" "$conninfo"; } | put_file "$auto" postgres 600 "primary_conninfo with application_name=$name"
  [ -f "$PG_DATA/standby.signal" ] || die "pg_basebackup -R wrote no standby.signal in $PG_DATA"
  apply_config "$before"
fi

# --- wait until the primary counts this standby as synchronous ---
state=''
for _ in $(seq $((timeout * 2))); do
  state=$(sync_state)
  [ "$state" = sync ] && break
  sleep 0.5
done
if [ "$state" != sync ]; then
  if [ -z "$state" ]; then
    die "after ${timeout}s the primary does not list '$name' in pg_stat_replication; the standby's log ($(cluster_field 7)) ends with:
$(tail -n 15 "$(cluster_field 7)" 2>/dev/null)"
  fi
  die "after ${timeout}s the primary lists '$name' as '$state', not 'sync': its synchronous_standby_names is '$(remote_sql "SHOW synchronous_standby_names" 2>&1)'; on the primary run setup-primary.sh --standby-name $name (it reloads the setting)"
fi
say "standby $PG_VER/$PG_NAME (port $PG_PORT) streams from $primary:$primary_port as '$name': sync_state = sync"
[ "${#CHANGES[@]}" -gt 0 ] || say "nothing changed"
