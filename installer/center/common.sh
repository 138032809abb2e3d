# Shared by setup-primary.sh, setup-standby.sh and promote-standby.sh (sourced, never run).
#
# What every script here keeps true:
#   - every argument is validated before anything changes; a bad one prints
#     "<script>: error: <field>: <what is wrong> (rule: <key>); nothing was changed" and exits 2;
#   - a password never appears on a command line (argv is world-readable in /proc) nor in a log:
#     SQL carrying one is piped from the shell's builtin printf into psql's stdin, in a session that
#     turns statement logging off first, and each lives in a 0600 libpq password file;
#   - files are replaced only when their content, owner or mode differ (write to a temporary file in
#     the same directory, then rename), and each replacement is reported, so a second run over an
#     unchanged set-up changes nothing and says so.
#
# The server's settings live in /etc/postgresql/VER/NAME/conf.d/motcua.conf, read after
# postgresql.conf (Debian's include_dir = 'conf.d' closes that file), and its client rules in a block
# at the top of pg_hba.conf (the first matching line wins). Neither is in the data directory, so
# pg_basebackup does not carry the primary's copy to the standby: each server has its own.

set -euo pipefail
shopt -s lastpipe  # `... | put_file` runs put_file in this shell, so CHANGES keeps its entries
umask 077

PROG=${0##*/}
CHANGES=()

say() { printf '%s: %s\n' "$PROG" "$*"; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
# bad_arg FIELD RULE WHAT: refuse a bad argument before any change.
bad_arg() {
  printf '%s: error: %s: %s (rule: %s); nothing was changed\n' "$PROG" "$1" "$3" "$2" >&2
  exit 2
}
changed() { CHANGES+=("$*"); say "changed: $*"; }

need_root() {
  [ "$(id -u)" -eq 0 ] || die "must run as root (it edits /etc/postgresql and runs commands as the postgres user)"
}

# need_value OPTION "$#": an option that takes a value must have one.
need_value() { [ "$2" -ge 2 ] || bad_arg "$1" missing_value "needs a value"; }

# --- validation (no side effects) -------------------------------------------------------------------

# parse_cluster VALUE: sets PG_VER and PG_NAME from "VERSION/NAME" (e.g. 15/main).
parse_cluster() {
  [[ $1 =~ ^([0-9]{2})/([A-Za-z0-9_][A-Za-z0-9_.-]{0,62})$ ]] ||
    bad_arg --cluster not_version_slash_name "\"$1\" is not VERSION/NAME, e.g. 15/main"
  PG_VER=${BASH_REMATCH[1]}
  PG_NAME=${BASH_REMATCH[2]}
}

check_port() {  # check_port FIELD VALUE
  [[ $2 =~ ^[0-9]{1,5}$ ]] && [ "$2" -ge 1 ] && [ "$2" -le 65535 ] ||
    bad_arg "$1" not_a_port "\"$2\" is not a TCP port (1-65535)"
}

# check_subnet VALUE: an IPv4 or IPv6 network in CIDR form whose host bits are zero. pg_hba.conf
# would accept 192.168.1.7/24, but an operator who typed that most likely meant one host or the
# whole LAN, so it is refused with the network spelled out. /0 (the whole Internet) is refused too.
check_subnet() {
  local v=$1 ip len
  [[ $v == */* ]] || bad_arg --subnet not_cidr "\"$v\" has no /prefix length, e.g. 192.168.1.0/24"
  ip=${v%/*} len=${v##*/}
  [[ $len =~ ^[0-9]{1,3}$ ]] || bad_arg --subnet not_cidr "\"$v\": prefix length \"$len\" is not a number"
  if [[ $ip =~ ^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]]; then
    local i n=0
    for i in 1 2 3 4; do
      local o=${BASH_REMATCH[$i]}
      { [ "${#o}" -gt 1 ] && [ "${o:0:1}" = 0 ]; } && bad_arg --subnet not_cidr "\"$v\": octet \"$o\" has a leading zero"
      [ "$o" -le 255 ] || bad_arg --subnet not_cidr "\"$v\": octet $o is over 255"
      n=$(( (n << 8) | o ))
    done
    [ "$len" -le 32 ] || bad_arg --subnet not_cidr "\"$v\": an IPv4 prefix length is 1-32"
    [ "$len" -ge 1 ] || bad_arg --subnet too_wide "\"$v\" would admit every address; name the center's LAN"
    local mask=$(( len == 32 ? 0 : (1 << (32 - len)) - 1 ))
    if (( n & mask )); then
      local net=$(( n & ~mask & 0xffffffff ))
      bad_arg --subnet host_bits_set "\"$v\" has host bits set; the network is $((net >> 24)).$(((net >> 16) & 255)).$(((net >> 8) & 255)).$((net & 255))/$len"
    fi
  elif [[ $ip =~ ^[0-9A-Fa-f:]+$ && $ip == *:* ]]; then
    # IPv6: the form is checked here; PostgreSQL checks the rest when it reloads pg_hba.conf, and
    # the script then fails with its message (the reload keeps the old rules until they are fixed).
    [ "$len" -le 128 ] || bad_arg --subnet not_cidr "\"$v\": an IPv6 prefix length is 1-128"
    [ "$len" -ge 1 ] || bad_arg --subnet too_wide "\"$v\" would admit every address; name the center's LAN"
  else
    bad_arg --subnet not_cidr "\"$v\" is not an IPv4 or IPv6 network, e.g. 192.168.1.0/24"
  fi
}

check_host() {  # check_host FIELD VALUE: a DNS name or an IP address, as libpq's host= takes it
  [[ $2 =~ ^[A-Za-z0-9:][A-Za-z0-9.:-]{0,252}$ ]] ||
    bad_arg "$1" not_a_host "\"$2\" is not a host name or IP address"
}

check_listen() {  # '*' or a comma-separated list of host names / addresses
  [ "$1" = '*' ] && return 0
  [[ $1 =~ ^[A-Za-z0-9.:-]+(,[A-Za-z0-9.:-]+)*$ ]] ||
    bad_arg --listen not_a_listen_list "\"$1\" is not '*' or a comma-separated list of addresses"
}

check_app_name() {  # the standby's application_name, matched by synchronous_standby_names
  [[ $2 =~ ^[a-z][a-z0-9_]{0,62}$ ]] ||
    bad_arg "$1" not_an_identifier "\"$2\" must be lower-case letters, digits and _, starting with a letter (at most 63)"
}

check_abs_dir_arg() {  # check_abs_dir_arg FIELD VALUE
  [[ $2 == /* && $2 != *$'\n'* && $2 != *:* ]] ||
    bad_arg "$1" not_an_absolute_path "\"$2\" is not an absolute path (without ':')"
}

check_readable_file() {  # check_readable_file FIELD PATH
  [ -f "$2" ] || bad_arg "$1" no_such_file "\"$2\" is not a file"
  [ -r "$2" ] || bad_arg "$1" unreadable "\"$2\" cannot be read"
}

# check_tls CERT KEY [CA]: PEM files PostgreSQL will accept at start. Checked with openssl now,
# because a bad certificate found at restart leaves the server down.
check_tls() {
  local cert=$1 key=$2 ca=${3:-}
  check_readable_file --cert "$cert"
  check_readable_file --key "$key"
  command -v openssl >/dev/null || die "openssl is missing (apt-get install openssl)"
  openssl x509 -in "$cert" -noout 2>/dev/null ||
    bad_arg --cert not_pem_certificate "\"$cert\" is not a PEM certificate"
  openssl x509 -in "$cert" -noout -checkend 0 >/dev/null 2>&1 ||
    bad_arg --cert expired "\"$cert\" has expired ($(openssl x509 -in "$cert" -noout -enddate))"
  # An empty passphrase: the server cannot prompt for one at start, so an encrypted key fails here.
  local key_pub cert_pub
  key_pub=$(openssl pkey -in "$key" -passin pass: -pubout 2>/dev/null) ||
    bad_arg --key not_pem_private_key "\"$key\" is not an unencrypted PEM private key"
  cert_pub=$(openssl x509 -in "$cert" -noout -pubkey)
  [ "$key_pub" = "$cert_pub" ] ||
    bad_arg --key key_does_not_match_cert "\"$key\" is not the private key of \"$cert\""
  if [ -n "$ca" ]; then
    check_readable_file --ca "$ca"
    openssl x509 -in "$ca" -noout 2>/dev/null || bad_arg --ca not_pem_certificate "\"$ca\" is not a PEM certificate"
    openssl verify -CAfile "$ca" "$cert" >/dev/null 2>&1 ||
      bad_arg --cert not_signed_by_ca "\"$cert\" does not verify against --ca \"$ca\""
  fi
}

# --- the cluster -------------------------------------------------------------------------------------

# ensure_server_package: installs postgresql-VER where it is missing (a fresh Debian 12 of this
# project's kind has it; stack.md §19).
ensure_server_package() {
  PG_BIN=/usr/lib/postgresql/$PG_VER/bin
  [ -x "$PG_BIN/postgres" ] && command -v pg_createcluster >/dev/null && return 0
  say "installing postgresql-$PG_VER"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "postgresql-$PG_VER" "postgresql-client-$PG_VER" openssl >/dev/null
  [ -x "$PG_BIN/postgres" ] || die "postgresql-$PG_VER did not install $PG_BIN/postgres"
  changed "installed postgresql-$PG_VER"
}

cluster_exists() { [ -f "/etc/postgresql/$PG_VER/$PG_NAME/postgresql.conf" ]; }

# cluster_field N: column N of `pg_lsclusters -h` for this cluster (3 port, 4 status, 6 data dir).
cluster_field() {
  pg_lsclusters -h | awk -v v="$PG_VER" -v n="$PG_NAME" -v f="$1" '$1 == v && $2 == n { print $f }'
}
cluster_online() { [[ $(cluster_field 4) == online* ]]; }

# ensure_cluster PORT: creates VER/NAME when missing (UTF-8, C.UTF-8 locale), on PORT or, when PORT
# is empty, on the next free one pg_createcluster picks. Sets PG_CONF, PG_PORT, PG_DATA, PG_SOCKDIR.
ensure_cluster() {
  local port=$1
  if ! cluster_exists; then
    pg_createcluster "$PG_VER" "$PG_NAME" ${port:+-p "$port"} --locale C.UTF-8 -e UTF8 >/dev/null
    changed "created cluster $PG_VER/$PG_NAME"
  fi
  PG_CONF=/etc/postgresql/$PG_VER/$PG_NAME
  if [ -n "$port" ] && [ "$(cluster_field 3)" != "$port" ]; then
    pg_conftool -- "$PG_VER" "$PG_NAME" set port "$port"
    changed "port of $PG_VER/$PG_NAME set to $port"
    if cluster_online; then  # still on the old port, where nothing here would look for it
      pg_ctlcluster "$PG_VER" "$PG_NAME" restart || die "$PG_VER/$PG_NAME did not restart on port $port"
      changed "restarted $PG_VER/$PG_NAME on port $port"
    fi
  fi
  PG_PORT=$(cluster_field 3)
  PG_DATA=$(cluster_field 6)
  PG_SOCKDIR=$(pg_conftool -s -- "$PG_VER" "$PG_NAME" show unix_socket_directories 2>/dev/null || echo /var/run/postgresql)
  PG_SOCKDIR=${PG_SOCKDIR%%,*}
  PG_SOCKDIR=${PG_SOCKDIR:-/var/run/postgresql}
  [[ -n $PG_PORT && $PG_DATA == /* ]] || die "cannot read the port and data directory of $PG_VER/$PG_NAME from pg_lsclusters"
}

# psql_local DB: runs the SQL on stdin as the postgres superuser over the cluster's socket, printing
# unaligned tuples. synchronous_commit=local, so that the set-up itself never waits for a standby
# that is not there yet (synchronous_standby_names may already name it).
psql_local() {
  PGOPTIONS='-c synchronous_commit=local' runuser -u postgres -- "$PG_BIN/psql" -X -q -A -t \
    -v ON_ERROR_STOP=1 -h "$PG_SOCKDIR" -p "$PG_PORT" -d "$1"
}
sql_value() { printf '%s\n' "$2" | psql_local "$1"; }  # sql_value DB "SELECT ...": one value

# --- files ------------------------------------------------------------------------------------------

file_state() { stat -c '%U:%G %a' "$1" 2>/dev/null || true; }

# put_file DEST OWNER MODE WHAT: writes stdin to DEST unless DEST already has that content, owner
# and mode. Replaces by rename, so a reader never sees half a file.
put_file() {
  local dest=$1 owner=$2 mode=$3 what=$4 tmp
  tmp=$(mktemp "$(dirname "$dest")/.motcua.XXXXXX")
  cat >"$tmp"
  if [ -f "$dest" ] && cmp -s "$tmp" "$dest" && [ "$(file_state "$dest")" = "$owner:$owner $mode" ]; then
    rm -f "$tmp"
    return 0
  fi
  chown "$owner:$owner" "$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$dest"
  changed "$what ($dest)"
}

# install_tls CERT KEY [CA]: copies the operator's files next to the cluster's configuration,
# owned by postgres (the server refuses a key others can read). Sets TLS_DIR.
install_tls() {
  TLS_DIR=$PG_CONF/motcua-tls
  if [ ! -d "$TLS_DIR" ]; then
    install -d -o postgres -g postgres -m 0700 "$TLS_DIR"
    changed "created $TLS_DIR"
  fi
  put_file "$TLS_DIR/server.crt" postgres 644 "TLS certificate" <"$1"
  put_file "$TLS_DIR/server.key" postgres 600 "TLS private key" <"$2"
  if [ -n "${3:-}" ]; then
    put_file "$TLS_DIR/ca.crt" postgres 644 "TLS CA certificate" <"$3"
  elif [ -f "$TLS_DIR/ca.crt" ]; then
    rm -f "$TLS_DIR/ca.crt"
    changed "removed $TLS_DIR/ca.crt (no --ca given)"
  fi
}

# write_server_conf ROLE LISTEN [SYNC_NAMES]: conf.d/motcua.conf for a primary or a standby. Both
# carry the primary's settings, so a promoted standby serves stations and a new standby as is.
# A standby's synchronous_standby_names stays empty: once promoted it has no standby of its own, and
# a name there would make every commit wait forever (setup-primary.sh on it adds one back).
write_server_conf() {
  local role=$1 listen=$2 sync=${3:-}
  {
    printf '# Written by installer/center/setup-%s.sh; edits here are overwritten. See README.md, "Run a center".\n' "$role"
    printf "listen_addresses = '%s'\n" "$listen"
    printf "ssl = on\n"
    printf "ssl_cert_file = '%s'\n" "$TLS_DIR/server.crt"
    printf "ssl_key_file = '%s'\n" "$TLS_DIR/server.key"
    if [ -f "$TLS_DIR/ca.crt" ]; then printf "ssl_ca_file = '%s'\n" "$TLS_DIR/ca.crt"; fi
    printf "ssl_min_protocol_version = 'TLSv1.2'\n"
    printf "password_encryption = 'scram-sha-256'\n"
    printf "wal_level = replica\n"
    printf "max_wal_senders = 10\n"
    printf "# WAL kept for a standby that was away for a short while (a restart, a cable).\n"
    printf "wal_keep_size = '1GB'\n"
    printf "hot_standby = on\n"
    printf "# A commit returns once the standby named here has flushed it to disk.\n"
    printf "synchronous_standby_names = '%s'\n" "$sync"
    printf "synchronous_commit = on\n"
  } | put_file "$PG_CONF/conf.d/motcua.conf" postgres 644 "server settings"
}

# write_hba SUBNET: the motcua block at the top of pg_hba.conf (replacing an earlier one). The first
# matching line wins, so the closing rejects keep the motcua roles off Debian's default lines below
# (host all all 127.0.0.1/32 would otherwise let a station in without TLS).
write_hba() {
  local subnet=$1 hba=$PG_CONF/pg_hba.conf
  {
    echo '# BEGIN motcua (installer/center/setup-*.sh rewrite this block; put your own lines below it)'
    echo '# the owner runs migrations on this machine, over the socket'
    printf '%-8s %-12s %-46s %-18s %s\n' local motcua motcua_owner '' scram-sha-256
    echo '# counters, kiosks and boards: TLS only'
    printf '%-8s %-12s %-46s %-18s %s\n' hostssl motcua motcua_station "$subnet" scram-sha-256
    echo '# the standby: streaming, and reading pg_stat_replication (setup-standby.sh waits for sync)'
    printf '%-8s %-12s %-46s %-18s %s\n' hostssl replication motcua_replica "$subnet" scram-sha-256
    printf '%-8s %-12s %-46s %-18s %s\n' hostssl postgres motcua_replica "$subnet" scram-sha-256
    echo '# anything else for these roles: no TLS, another network, another database'
    printf '%-8s %-12s %-46s %-18s %s\n' local all motcua_owner,motcua_station,motcua_replica '' reject
    printf '%-8s %-12s %-46s %-18s %s\n' host all motcua_owner,motcua_station,motcua_replica all reject
    printf '%-8s %-12s %-46s %-18s %s\n' host replication motcua_owner,motcua_station,motcua_replica all reject
    echo '# END motcua'
    sed '/^# BEGIN motcua/,/^# END motcua/d' "$hba"
  } | put_file "$hba" postgres 640 "client rules"
}

# apply_config: starts the cluster if it is down; otherwise reloads when a file changed, and
# restarts when the reload left a setting waiting for one (port, listen_addresses, wal_level...).
apply_config() {
  local before=$1  # ${#CHANGES[@]} before the configuration steps
  if ! cluster_online; then
    pg_ctlcluster "$PG_VER" "$PG_NAME" start || die "$PG_VER/$PG_NAME did not start; see $(cluster_field 7)"
    changed "started $PG_VER/$PG_NAME"
    return 0
  fi
  [ "${#CHANGES[@]}" -gt "$before" ] || return 0
  local loaded errors pending i
  loaded=$(sql_value postgres "SELECT pg_conf_load_time()")
  pg_ctlcluster "$PG_VER" "$PG_NAME" reload
  # The reload is a signal: wait until the postmaster has read the files (new sessions then see it).
  for i in $(seq 50); do
    [ "$(sql_value postgres "SELECT pg_conf_load_time() > '$loaded'")" = t ] && break
    sleep 0.2
  done
  errors=$(sql_value postgres "SELECT string_agg(format('line %s: %s', line_number, error), '; ') FROM pg_hba_file_rules WHERE error IS NOT NULL")
  [ -z "$errors" ] || die "pg_hba.conf has errors, PostgreSQL kept its earlier rules: $errors"
  errors=$(sql_value postgres "SELECT string_agg(format('%s: %s', name, error), '; ') FROM pg_file_settings WHERE error IS NOT NULL")
  [ -z "$errors" ] || die "the settings have errors: $errors"
  pending=$(sql_value postgres "SELECT string_agg(name, ', ') FROM pg_settings WHERE pending_restart")
  if [ -n "$pending" ]; then
    pg_ctlcluster "$PG_VER" "$PG_NAME" restart || die "$PG_VER/$PG_NAME did not restart; see $(cluster_field 7)"
    changed "restarted $PG_VER/$PG_NAME (for $pending)"
  else
    changed "reloaded $PG_VER/$PG_NAME"
  fi
}

# --- secrets ----------------------------------------------------------------------------------------

new_password() {  # 32 hex digits from /dev/urandom: no ':' or '\' to escape in a password file
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# pgpass_password FILE USER: the password of USER in a libpq password file, or nothing.
pgpass_password() {
  [ -f "$1" ] || return 0
  awk -F: -v u="$2" '$4 == u { print $5; exit }' "$1"
}

# check_secret_mode FIELD FILE: libpq ignores a password file others can read, and so do we.
check_secret_mode() {
  local mode
  mode=$(stat -c '%a' "$2")
  [[ $mode == 600 || $mode == 400 ]] ||
    bad_arg "$1" secret_file_mode "\"$2\" has mode $mode; a password file must be 0600 (chmod 600 \"$2\")"
}
