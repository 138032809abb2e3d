#!/bin/bash
# Sets up a center's primary PostgreSQL server (run as root on the database machine):
#   - the cluster (created when missing), TLS with the operator's certificate, the LAN's client rules,
#     streaming replication with one synchronous standby (stack.md §19);
#   - the roles motcua_owner (owns the database, runs migrations over the local socket),
#     motcua_station (every counter, kiosk and board, over TLS) and motcua_replica (the standby);
#   - the database motcua (UTF-8, C.UTF-8), closed to PUBLIC, CONNECT for the two login roles;
#   - a generated password per role, in a 0600 libpq password file under --secrets-dir.
# Idempotent: a second run over the same set-up changes nothing and says so.
#
# Usage: setup-primary.sh --subnet CIDR --cert FILE --key FILE [--ca FILE] [--cluster 15/main]
#          [--port PORT] [--listen '*'] [--secrets-dir /etc/motcua/center]
#          [--standby-name motcua_standby | --no-sync] [--new-passwords]
# A role that already has a password but whose file is missing under --secrets-dir (a promoted
# standby's machine, where only motcua_replica.pgpass was copied) stops the run: a new password would
# lock every station out. Copy the files from the other server, or pass --new-passwords to replace them.
# Exit: 0 done, 1 failed (the message says where), 2 a bad argument (nothing was changed).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; }

cluster=15/main subnet='' cert='' key='' ca='' port='' listen='*'
secrets=/etc/motcua/center standby_name=motcua_standby sync=1 new_passwords=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cluster) need_value "$1" $#; cluster=$2; shift 2 ;;
    --subnet) need_value "$1" $#; subnet=$2; shift 2 ;;
    --cert) need_value "$1" $#; cert=$2; shift 2 ;;
    --key) need_value "$1" $#; key=$2; shift 2 ;;
    --ca) need_value "$1" $#; ca=$2; shift 2 ;;
    --port) need_value "$1" $#; port=$2; shift 2 ;;
    --listen) need_value "$1" $#; listen=$2; shift 2 ;;
    --secrets-dir) need_value "$1" $#; secrets=$2; shift 2 ;;
    --standby-name) need_value "$1" $#; standby_name=$2; shift 2 ;;
    --no-sync) sync=0; shift ;;
    --new-passwords) new_passwords=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) bad_arg "$1" unknown_option "is not an option of $PROG (see --help)" ;;
  esac
done

parse_cluster "$cluster"
[ -n "$subnet" ] || bad_arg --subnet required "is required: the center's LAN, e.g. 192.168.1.0/24"
check_subnet "$subnet"
[ -n "$cert" ] || bad_arg --cert required "is required: the server's TLS certificate (PEM)"
[ -n "$key" ] || bad_arg --key required "is required: the certificate's private key (PEM)"
check_tls "$cert" "$key" "$ca"
[ -z "$port" ] || check_port --port "$port"
check_listen "$listen"
check_abs_dir_arg --secrets-dir "$secrets"
check_app_name --standby-name "$standby_name"
need_root

ensure_server_package
ensure_cluster "$port"

# check_password_files: stops the run when a role has a password but no file holds it (see above).
check_password_files() {
  local missing=() role
  for role in motcua_owner motcua_station motcua_replica; do
    if [ -z "$(pgpass_password "$secrets/$role.pgpass" "$role")" ] &&
       [ "$(sql_value postgres "SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = '$role'")" = 'SCRAM-SHA-256$' ]; then
      missing+=("$role")
    fi
  done
  if [ "${#missing[@]}" -gt 0 ] && [ "$new_passwords" = 0 ]; then
    die "role(s) ${missing[*]} already have a password, but $secrets has no password file for them (rule: password_file_missing): copy the .pgpass files from the other server into $secrets, or pass --new-passwords to replace the passwords (stations then need the new motcua_station.pgpass)"
  fi
}

# On a running server this is checked before any change; on a stopped one, once it has started.
if cluster_online; then check_password_files; fi

# --- configuration ---
before=${#CHANGES[@]}
install_tls "$cert" "$key" "$ca"
sync_names=''
[ "$sync" = 0 ] || sync_names=$standby_name
write_server_conf primary "$listen" "$sync_names"
write_hba "$subnet"
apply_config "$before"
[ "$(sql_value postgres "SELECT pg_is_in_recovery()")" = f ] ||
  die "$PG_VER/$PG_NAME is a standby (in recovery); run promote-standby.sh on it first, or pick the primary's cluster"

# --- secrets ---
check_password_files
if [ ! -d "$secrets" ]; then
  install -d -m 0700 "$secrets"
  changed "created $secrets"
elif [ "$(stat -c '%a' "$secrets")" != 700 ]; then
  chmod 0700 "$secrets"
  changed "mode of $secrets set to 0700"
fi

# password_file ROLE "DB...": writes the role's libpq password file (host:port:db:user:password, with *
# for host and port so that one file serves a multi-host connection string), keeping the password
# already on file or generating one when there is none (then sets NEW_PASSWORD=1).
password_file() {
  local role=$1 db=$2 file=$secrets/$1.pgpass pw
  pw=$(pgpass_password "$file" "$role")
  NEW_PASSWORD=0
  if [ -z "$pw" ]; then
    pw=$(new_password)
    NEW_PASSWORD=1
  fi
  { printf '# %s: libpq password file (passfile=%s). Keep it 0600.\n' "$role" "$file"
    for d in $db; do printf '*:*:%s:%s:%s\n' "$d" "$role" "$pw"; done
  } | put_file "$file" root 600 "password file of $role"
}

# set_password ROLE FILE: gives the role the password on file when the role has none, or has one
# that is not a SCRAM verifier. The SQL goes through stdin (builtin printf: never in argv), in a
# session that logs no statement, so the password reaches neither `ps` nor the server log.
set_password() {
  local role=$1 file=$2 pw
  pw=$(pgpass_password "$file" "$role")
  # It goes into a SQL string literal: a hand-edited file with a quote in it must not get there.
  [[ $pw =~ ^[A-Za-z0-9._+/=-]{16,}$ ]] ||
    die "the password of $role in $file is not 16 or more letters, digits or ._+/=- (rule: password_form); it was not used"
  printf '%s\n' \
    "SET log_statement = 'none';" "SET log_min_error_statement = 'panic';" \
    "SET log_min_duration_statement = -1;" "SET pg_stat_statements.track_utility = off;" \
    "SET password_encryption = 'scram-sha-256';" \
    "ALTER ROLE $role PASSWORD '$pw';" | psql_local postgres >/dev/null
}

role_sql() {  # role_sql ROLE ATTRIBUTES: the CREATE/ALTER ROLE options the role must have
  case "$1" in
    motcua_owner) echo 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION' ;;
    motcua_station) echo 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION' ;;
    motcua_replica) echo 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE REPLICATION' ;;
  esac
}

for role in motcua_owner motcua_station motcua_replica; do
  db=motcua
  # The standby streams (replication) and reads pg_stat_replication (database postgres).
  [ "$role" != motcua_replica ] || db='replication postgres'
  file=$secrets/$role.pgpass
  password_file "$role" "$db"
  want="t f f f $([ "$role" = motcua_replica ] && echo t || echo f)"
  have=$(sql_value postgres "SELECT concat_ws(' ', rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication) FROM pg_roles WHERE rolname = '$role'")
  if [ -z "$have" ]; then
    sql_value postgres "CREATE ROLE $role $(role_sql "$role")" >/dev/null
    changed "created role $role"
  elif [ "$have" != "$want" ]; then
    sql_value postgres "ALTER ROLE $role $(role_sql "$role")" >/dev/null
    changed "attributes of role $role set to $(role_sql "$role")"
  fi
  verifier=$(sql_value postgres "SELECT coalesce(left(rolpassword, 14), '') FROM pg_authid WHERE rolname = '$role'")
  if [ "$NEW_PASSWORD" = 1 ] || [ "$verifier" != 'SCRAM-SHA-256$' ]; then
    set_password "$role" "$file"
    changed "password of $role set (SCRAM) from $file"
  fi
done

# The standby reads pg_stat_replication's details (sync_state) through motcua_replica.
if [ "$(sql_value postgres "SELECT pg_has_role('motcua_replica', 'pg_read_all_stats', 'MEMBER')")" != t ]; then
  sql_value postgres "GRANT pg_read_all_stats TO motcua_replica" >/dev/null
  changed "granted pg_read_all_stats to motcua_replica"
fi

# --- the database ---
db_state=$(sql_value postgres "SELECT pg_get_userbyid(datdba) || ' ' || pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'motcua'")
if [ -z "$db_state" ]; then
  # C.UTF-8: byte-order collation, the same on every machine; Vietnamese ordering, where a query
  # needs it, is the store's choice of an ICU collation per column.
  sql_value postgres "CREATE DATABASE motcua OWNER motcua_owner ENCODING 'UTF8' LOCALE 'C.UTF-8' TEMPLATE template0" >/dev/null
  changed "created database motcua"
else
  [ "${db_state#* }" = UTF8 ] || die "database motcua exists with encoding ${db_state#* }, not UTF8; it was left as is"
  if [ "${db_state%% *}" != motcua_owner ]; then
    sql_value postgres "ALTER DATABASE motcua OWNER TO motcua_owner" >/dev/null
    changed "owner of database motcua set to motcua_owner (was ${db_state%% *})"
  fi
fi
# PUBLIC keeps CONNECT on a new database until it is revoked (datacl NULL means the defaults).
public_acl=$(sql_value postgres "SELECT d.datacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(d.datacl) a WHERE a.grantee = 0) FROM pg_database d WHERE datname = 'motcua'")
if [ "$public_acl" = t ]; then
  sql_value postgres "REVOKE ALL ON DATABASE motcua FROM PUBLIC" >/dev/null
  changed "revoked PUBLIC's privileges on database motcua"
fi
for role in motcua_owner motcua_station; do
  granted=$(sql_value postgres "SELECT EXISTS (SELECT 1 FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = 'motcua' AND a.grantee = '$role'::regrole AND a.privilege_type = 'CONNECT')")
  if [ "$granted" != t ]; then
    sql_value postgres "GRANT CONNECT ON DATABASE motcua TO $role" >/dev/null
    changed "granted CONNECT on database motcua to $role"
  fi
done

# --- report ---
if [ "$sync" = 0 ]; then
  warn "no synchronous standby (--no-sync): a commit no longer waits for the standby; run again without --no-sync once it is back"
else
  state=$(sql_value postgres "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$standby_name'")
  case "$state" in
    sync) say "standby $standby_name is connected and synchronous" ;;
    '') say "no standby named $standby_name is connected yet: until one is, every commit waits for it (run setup-standby.sh on the standby machine)" ;;
    *) warn "standby $standby_name is connected as '$state', not 'sync'" ;;
  esac
fi
if [ "${#CHANGES[@]}" -eq 0 ]; then
  say "nothing changed: $PG_VER/$PG_NAME on port $PG_PORT was already set up"
else
  say "done: ${#CHANGES[@]} change(s) on $PG_VER/$PG_NAME, port $PG_PORT"
fi
say "password files: $secrets/motcua_station.pgpass (copy to every station), $secrets/motcua_replica.pgpass (copy to the standby), $secrets/motcua_owner.pgpass (migrations)"
