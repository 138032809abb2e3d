#!/bin/bash
# The center's set-up scripts (installer/center) on two throwaway Debian clusters on this machine,
# loopback only: a primary and a standby on free ports, data and logs under a temporary directory,
# a throwaway CA and server certificate (SAN DNS:localhost, IP:127.0.0.1). Checks, in order:
#   - bad arguments are refused with the field and rule named, and change nothing;
#   - setup-primary.sh: password files 0600 in a 0700 directory; passwords in no log and no output;
#   - setup-standby.sh: the primary lists the standby with sync_state 'sync';
#   - a station logs in over TLS with sslmode=verify-full; without TLS, with a wrong password, to
#     another database, or as the owner over TCP, it is refused; the owner works over the socket;
#   - PUBLIC cannot connect to motcua; the station has CONNECT;
#   - a committed row is on the standby; with the standby stopped, a commit waits (synchronous);
#   - a second setup-primary.sh changes nothing (files, passwords, no restart) and says so;
#   - promote-standby.sh refuses while the primary streams; after `stop -m immediate` of the primary
#     it promotes, and the station's multi-host connection string (target_session_attrs=read-write)
#     writes to the promoted standby, which has every committed row;
#   - setup-standby.sh refuses a name the primary does not wait for; setup-primary.sh on the promoted
#     standby refuses to replace passwords it has no file for, and keeps them when it has.
# Both clusters are dropped at exit (trap), also on failure.
#
# Usage: center_install.sh <installer/center directory>
# Exit 0 = pass, 1 = fail, 77 = skipped (not root, or a tool missing; a failure where CI runs).
set -u
CENTER=${1:?usage: center_install.sh INSTALLER_CENTER_DIR}
CENTER=$(cd "$CENTER" && pwd)

. "${0%/*}/../support/skip.sh"  # skip: exit 77, or a failure where CI runs

if [ "$(id -u)" -ne 0 ]; then
  if [ -n "${CI:-}" ]; then
    echo "FAIL: CI is set and this test is not root: it creates PostgreSQL clusters (pg_createcluster) and runs commands as postgres; run ctest as root"
    exit 1
  fi
  echo "SKIP: not root (pg_createcluster and runuser need root)"
  exit 77
fi
for tool in pg_createcluster pg_dropcluster pg_ctlcluster pg_lsclusters openssl runuser timeout; do
  command -v "$tool" >/dev/null 2>&1 || skip "'$tool' is not installed (installer/packages.txt: postgresql-15, openssl)"
done
B=/usr/lib/postgresql/15/bin
[ -x "$B/postgres" ] && [ -x "$B/psql" ] || skip "PostgreSQL 15 is not installed (apt-get install postgresql-15)"

# Clusters of an earlier run that was killed outright (SIGKILL skips the trap): its pid is gone.
for c in $(pg_lsclusters -h | awk '$1 == 15 && $2 ~ /^motcua_t[0-9]+_[ps]$/ { print $2 }'); do
  pid=${c#motcua_t}
  kill -0 "${pid%_*}" 2>/dev/null || pg_dropcluster --stop 15 "$c" >/dev/null 2>&1
done

W=$(mktemp -d /tmp/motcua-center.XXXXXX)
chmod 755 "$W"  # the postgres user reaches the data directories below it
P=motcua_t$$_p
S=motcua_t$$_s
cleanup() {
  local c
  for c in "$P" "$S"; do
    [ -f "/etc/postgresql/15/$c/postgresql.conf" ] && pg_dropcluster --stop 15 "$c" >/dev/null 2>&1
  done
  rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

LOGS=()
fail() {
  echo "FAIL: $*"
  local f
  for f in "$W"/*.out "${LOGS[@]}"; do
    [ -f "$f" ] && { echo "--- $f (last 30 lines) ---"; tail -n 30 "$f"; }
  done
  exit 1
}
pass() { echo "ok ($SECONDS s): $*"; }

# free_port: a port neither a cluster (even a stopped one) nor a listener uses.
free_port() {
  local p used
  used=" $(pg_lsclusters -h | awk '{ printf "%s ", $3 }')"
  while :; do
    p=$(( 20000 + RANDOM % 40000 ))
    [[ $used == *" $p "* ]] && continue
    [[ ${TAKEN:-} == *" $p "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    TAKEN="${TAKEN:-} $p "
    echo "$p"
    return
  done
}
PP=$(free_port)
SP=$(free_port)

# --- a throwaway CA and server certificate ---
T=$W/tls
mkdir -p "$T"
{
  openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=motcua test CA" -keyout "$T/ca.key" -out "$T/ca.crt" &&
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
      -subj "/CN=localhost" -keyout "$T/server.key" -out "$T/server.csr" &&
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$T/san.ext" &&
    openssl x509 -req -in "$T/server.csr" -CA "$T/ca.crt" -CAkey "$T/ca.key" -CAcreateserial \
      -days 2 -extfile "$T/san.ext" -out "$T/server.crt"
} >"$W/openssl.out" 2>&1 || fail "openssl could not make the test certificates"
# A second, unrelated key: a certificate/key mismatch must be refused.
openssl genpkey -algorithm ec -pkeyopt ec_paramgen_curve:prime256v1 -out "$T/other.key" 2>>"$W/openssl.out"

# --- the two clusters, data and logs under $W ---
for c in "$P:$PP" "$S:$SP"; do
  pg_createcluster 15 "${c%%:*}" -p "${c##*:}" -d "$W/${c%%:*}" -l "$W/${c%%:*}.log" \
    --locale C.UTF-8 -e UTF8 >"$W/createcluster.out" 2>&1 || fail "pg_createcluster ${c%%:*}"
  LOGS+=("$W/${c%%:*}.log")
done
# Every statement logged on the primary: the password check at the end then means something.
pg_conftool 15 "$P" set log_statement all || fail "pg_conftool set log_statement"
pass "clusters $P (port $PP) and $S (port $SP)"

SECRETS=$W/secrets
COMMON=(--subnet 127.0.0.0/8 --cert "$T/server.crt" --key "$T/server.key" --ca "$T/ca.crt"
        --listen 127.0.0.1 --secrets-dir "$SECRETS")
primary_setup() { bash "$CENTER/setup-primary.sh" --cluster "15/$P" --port "$PP" "${COMMON[@]}" "$@"; }
standby_setup() {
  bash "$CENTER/setup-standby.sh" --cluster "15/$S" --port "$SP" --primary 127.0.0.1 \
    --primary-port "$PP" "${COMMON[@]}" --timeout 30 "$@"
}
psql_as_postgres() {  # psql_as_postgres PORT DB SQL
  runuser -u postgres -- "$B/psql" -X -A -t -q -h /var/run/postgresql -p "$1" -d "$2" -c "$3"
}
CA=$T/ca.crt
station() {  # station PORT [SQL] [extra conninfo]: the station's connection, as its passfile gives it
  "$B/psql" -X -w -A -t -q -v ON_ERROR_STOP=1 \
    "host=localhost port=$1 dbname=motcua user=motcua_station passfile=$SECRETS/motcua_station.pgpass sslmode=verify-full sslrootcert=$CA connect_timeout=5 ${3:-}" \
    -c "${2:-SELECT 1}"
}

# --- bad arguments: refused, field and rule named, nothing changed ---
conf_sum() { cat "/etc/postgresql/15/$P"/*.conf "/etc/postgresql/15/$P"/conf.d/* 2>/dev/null | md5sum; }
before=$(conf_sum)
expect_refused() {  # expect_refused FIELD RULE ARGS...: exit 2, "FIELD: ... (rule: RULE)" on stderr
  local field=$1 rule=$2 out rc
  shift 2
  out=$("$@" 2>&1); rc=$?
  [ "$rc" = 2 ] || fail "expected exit 2 for $field/$rule, got $rc: $out"
  [[ $out == *"error: $field: "*"(rule: $rule); nothing was changed"* ]] || fail "expected $field/$rule, got: $out"
  pass "refused $field ($rule)"
}
primary_without() {  # primary_without OPTION ARGS...: setup-primary.sh with every common option but one
  local skip=$1 a=() i
  shift
  for ((i = 0; i < ${#COMMON[@]}; i += 2)); do
    [ "${COMMON[i]}" = "$skip" ] || a+=("${COMMON[i]}" "${COMMON[i + 1]}")
  done
  bash "$CENTER/setup-primary.sh" --cluster "15/$P" --port "$PP" "${a[@]}" "$@"
}
expect_refused --subnet required primary_without --subnet
expect_refused --subnet host_bits_set primary_without --subnet --subnet 127.0.0.1/8
expect_refused --subnet not_cidr primary_without --subnet --subnet 192.168.1.0
expect_refused --subnet not_cidr primary_without --subnet --subnet 192.168.300.0/24
expect_refused --subnet too_wide primary_without --subnet --subnet 0.0.0.0/0
expect_refused --port not_a_port primary_setup --port 70000
expect_refused --cluster not_version_slash_name primary_setup --cluster main
expect_refused --key key_does_not_match_cert primary_without --key --key "$T/other.key"
expect_refused --cert no_such_file primary_without --cert --cert "$W/nope.crt"
expect_refused --standby-name not_an_identifier primary_setup --standby-name 'Bad Name'
expect_refused --primary required bash "$CENTER/setup-standby.sh" --cluster "15/$S" "${COMMON[@]}"
expect_refused --secrets-dir no_replica_password standby_setup
[ "$(conf_sum)" = "$before" ] || fail "a refused run changed the primary's configuration"
[ ! -e "$SECRETS" ] || fail "a refused run created $SECRETS"

# --- the primary ---
primary_setup >"$W/primary1.out" 2>&1 || fail "setup-primary.sh (first run)"
pass "setup-primary.sh: $(grep -c 'changed:' "$W/primary1.out") changes"
[ "$(stat -c %a "$SECRETS")" = 700 ] || fail "$SECRETS is not 0700"
PASSWORDS=()
for r in motcua_owner motcua_station motcua_replica; do
  f=$SECRETS/$r.pgpass
  [ "$(stat -c '%a %U' "$f")" = "600 root" ] || fail "$f is $(stat -c '%a %U' "$f"), not 600 root"
  lines=$(grep -v '^#' "$f" | sed 's/:[0-9a-f]\{32\}$/:PW/' | tr '\n' ' ')
  case "$r" in
    motcua_replica) want="*:*:replication:$r:PW *:*:postgres:$r:PW " ;;
    *) want="*:*:motcua:$r:PW " ;;
  esac
  [ "$lines" = "$want" ] || fail "$f: lines '$lines', expected '$want' (PW = 32 hex digits)"
  line=$(grep -v '^#' "$f" | head -n 1)
  PASSWORDS+=("${line##*:}")
  [ "$(psql_as_postgres "$PP" postgres "SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = '$r'")" = 'SCRAM-SHA-256$' ] ||
    fail "$r has no SCRAM verifier"
done
pass "three password files (0600, libpq format), SCRAM verifiers"

# --- the standby ---
cp "$SECRETS/motcua_replica.pgpass" "$W/replica.pgpass"
chmod 644 "$SECRETS/motcua_replica.pgpass"
expect_refused --secrets-dir secret_file_mode standby_setup
chmod 600 "$SECRETS/motcua_replica.pgpass"
standby_setup >"$W/standby.out" 2>&1 || fail "setup-standby.sh"
grep -q "sync_state = sync" "$W/standby.out" || fail "setup-standby.sh did not report sync"
state=$(psql_as_postgres "$PP" postgres "SELECT application_name || ' ' || sync_state FROM pg_stat_replication")
[ "$state" = "motcua_standby sync" ] || fail "pg_stat_replication on the primary: '$state'"
pass "standby streams: $state"
[ "$(psql_as_postgres "$SP" postgres "SELECT pg_is_in_recovery()")" = t ] || fail "the standby is not in recovery"
grep -q "^primary_conninfo = '.*application_name=motcua_standby'" "$W/$S/postgresql.auto.conf" ||
  fail "primary_conninfo lacks application_name"
! grep -qi "password=" "$W/$S/postgresql.auto.conf" || fail "a password was written into the standby's data directory"

# --- who may connect ---
ssl=$(station "$PP" "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()" 2>&1) || fail "station login over TLS: $ssl"
[ "$ssl" = t ] || fail "station session is not TLS: $ssl"
pass "station over TLS, sslmode=verify-full"
out=$(station "$PP" "SELECT 1" "sslmode=disable" 2>&1) && fail "a station without TLS was let in"
[[ $out == *"pg_hba.conf rejects connection"* ]] || fail "non-TLS refusal: unexpected message: $out"
pass "station without TLS refused"
printf '*:*:motcua:motcua_station:%s\n' 0123456789abcdef0123456789abcdef >"$W/wrong.pgpass"
chmod 600 "$W/wrong.pgpass"
out=$(station "$PP" "SELECT 1" "passfile=$W/wrong.pgpass" 2>&1) && fail "a wrong password was let in"
[[ $out == *"password authentication failed"* ]] || fail "wrong password: unexpected message: $out"
pass "wrong password refused"
out=$(station "$PP" "SELECT 1" "dbname=postgres" 2>&1) && fail "the station reached database postgres"
pass "station to another database refused"
out=$("$B/psql" -X -w -At "host=127.0.0.1 port=$PP dbname=motcua user=motcua_owner passfile=$SECRETS/motcua_owner.pgpass sslmode=require" -c "SELECT 1" 2>&1) &&
  fail "the owner logged in over TCP"
pass "owner over TCP refused"
OWNER="host=/var/run/postgresql port=$PP dbname=motcua user=motcua_owner passfile=$SECRETS/motcua_owner.pgpass"
"$B/psql" -X -w -q -v ON_ERROR_STOP=1 "$OWNER" >"$W/owner.out" 2>&1 <<'SQL' || fail "owner over the socket"
CREATE TABLE dossier (id int PRIMARY KEY, note text NOT NULL);
GRANT SELECT, INSERT ON dossier TO motcua_station;
SQL
pass "owner over the local socket (created a table)"
acl=$(psql_as_postgres "$PP" postgres "SELECT concat_ws(' ', datacl IS NOT NULL AND NOT EXISTS (SELECT 1 FROM aclexplode(datacl) a WHERE a.grantee = 0), has_database_privilege('motcua_replica', 'motcua', 'CONNECT'), has_database_privilege('motcua_station', 'motcua', 'CONNECT'), datacl) FROM pg_database WHERE datname = 'motcua'")
[[ $acl == "t f t "* ]] || fail "database motcua's privileges (PUBLIC revoked, replica, station): $acl"
pass "database motcua: PUBLIC revoked, station has CONNECT ($acl)"

# --- synchronous replication ---
station "$PP" "INSERT INTO dossier VALUES (1, 'received before the failover')" >/dev/null || fail "station insert"
row=''
for _ in $(seq 50); do  # commit waits for the standby's flush; its replay follows a moment later
  row=$(psql_as_postgres "$SP" motcua "SELECT note FROM dossier WHERE id = 1" 2>/dev/null) && [ -n "$row" ] && break
  sleep 0.1
done
[ "$row" = "received before the failover" ] || fail "the committed row is not on the standby: '$row'"
pass "committed row is on the standby"
pg_ctlcluster 15 "$S" stop -m fast || fail "stopping the standby"
timeout 3 "$B/psql" -X -w -q "host=localhost port=$PP dbname=motcua user=motcua_station passfile=$SECRETS/motcua_station.pgpass sslmode=verify-full sslrootcert=$CA" \
  -c "INSERT INTO dossier VALUES (2, 'committed while the standby was down')" >/dev/null 2>&1
rc=$?
[ "$rc" = 124 ] || fail "with the standby stopped a commit returned (exit $rc): it did not wait for the standby"
pass "with the standby stopped, a commit waits (not acknowledged within 3 s)"
pg_ctlcluster 15 "$S" start || fail "restarting the standby"
state=''
for _ in $(seq 100); do
  state=$(psql_as_postgres "$PP" postgres "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'motcua_standby'")
  [ "$state" = sync ] && break
  sleep 0.2
done
[ "$state" = sync ] || fail "the restarted standby is '$state', not sync"
pass "restarted standby is sync again"

# --- a second run changes nothing ---
snapshot() {
  {
    md5sum "/etc/postgresql/15/$P/pg_hba.conf" "/etc/postgresql/15/$P/conf.d/motcua.conf" \
      "/etc/postgresql/15/$P/postgresql.conf" "/etc/postgresql/15/$P/motcua-tls/"* "$SECRETS"/*
    stat -c '%n %a %U %Y' "/etc/postgresql/15/$P/pg_hba.conf" "/etc/postgresql/15/$P/conf.d/motcua.conf" "$SECRETS"/*
    head -n 1 "$W/$P/postmaster.pid"
    psql_as_postgres "$PP" postgres "SELECT rolname, rolpassword FROM pg_authid WHERE rolname LIKE 'motcua%' ORDER BY 1"
    psql_as_postgres "$PP" postgres "SELECT pg_conf_load_time(), datacl FROM pg_database WHERE datname = 'motcua'"
  } 2>&1
}
s1=$(snapshot)
primary_setup >"$W/primary2.out" 2>&1 || fail "setup-primary.sh (second run)"
s2=$(snapshot)
[ "$s1" = "$s2" ] || fail "the second run changed something: $(diff <(echo "$s1") <(echo "$s2"))"
grep -q "nothing changed" "$W/primary2.out" || fail "the second run did not say 'nothing changed'"
! grep -q "^setup-primary.sh: changed:" "$W/primary2.out" || fail "the second run reported a change"
grep -q "standby motcua_standby is connected and synchronous" "$W/primary2.out" || fail "the second run did not see the standby"
pass "second setup-primary.sh: nothing changed, no reload, no restart"
standby_setup >"$W/standby2.out" 2>&1 || fail "setup-standby.sh (second run)"
grep -q "not copied again" "$W/standby2.out" && grep -q "nothing changed" "$W/standby2.out" ||
  fail "the second setup-standby.sh did not keep the running standby"
pass "second setup-standby.sh: kept the synchronous standby as is"
# A name the primary does not wait for would stream 'async' (stack.md §19's first try): refused
# before anything is stopped or copied.
out=$(standby_setup --name other_standby 2>&1) && fail "setup-standby.sh accepted a name the primary does not wait for"
[[ $out == *"does not name 'other_standby'"*"nothing was copied"* ]] || fail "unexpected refusal: $out"
[ "$(psql_as_postgres "$PP" postgres "SELECT application_name || ' ' || sync_state FROM pg_stat_replication")" = "motcua_standby sync" ] ||
  fail "the refused setup-standby.sh disturbed the running standby"
pass "setup-standby.sh --name other_standby refused (the primary waits for motcua_standby); standby untouched"

# --- failover ---
out=$(bash "$CENTER/promote-standby.sh" --cluster "15/$S" 2>&1) && fail "promote-standby.sh promoted while the primary streams"
[[ $out == *"still streaming"* ]] || fail "promote refusal: unexpected message: $out"
[ "$(psql_as_postgres "$SP" postgres "SELECT pg_is_in_recovery()")" = t ] || fail "the refused promotion changed the standby"
pass "promote-standby.sh refuses while the primary streams"
MULTI="host=localhost,localhost port=$PP,$SP target_session_attrs=read-write"
[ "$(station "$PP" "SELECT inet_server_port()" "$MULTI")" = "$PP" ] || fail "the multi-host string did not pick the primary"
pg_ctlcluster 15 "$P" stop -m immediate || fail "stopping the primary (-m immediate)"
bash "$CENTER/promote-standby.sh" --cluster "15/$S" --primary 127.0.0.1 --primary-port "$PP" >"$W/promote.out" 2>&1 ||
  fail "promote-standby.sh"
[ "$(psql_as_postgres "$SP" postgres "SELECT pg_is_in_recovery()")" = f ] || fail "the standby is still in recovery"
port=$(station "$PP" "INSERT INTO dossier VALUES (3, 'received after the failover') RETURNING inet_server_port()" "$MULTI" 2>&1) ||
  fail "station write through the multi-host string: $port"
[ "$port" = "$SP" ] || fail "the station wrote to port '$port', not the promoted standby ($SP)"
rows=$(station "$PP" "SELECT string_agg(id::text, ',' ORDER BY id) FROM dossier" "$MULTI")
[ "$rows" = "1,2,3" ] || fail "rows on the promoted standby: '$rows' (expected 1,2,3)"
pass "after promote-standby.sh the station writes to the promoted standby (rows $rows)"
bash "$CENTER/promote-standby.sh" --cluster "15/$S" >"$W/promote2.out" 2>&1 && grep -q "already a primary" "$W/promote2.out" ||
  fail "a second promote-standby.sh did not say 'already a primary'"
pass "second promote-standby.sh: already a primary"
# The promoted standby becomes the primary: setup-primary.sh there without the password files
# refuses (new passwords would lock the stations out); with them, it keeps every password.
out=$(bash "$CENTER/setup-primary.sh" --cluster "15/$S" --port "$SP" "${COMMON[@]/$SECRETS/$W/empty}" --no-sync 2>&1) &&
  fail "setup-primary.sh replaced passwords it had no file for"
[[ $out == *"(rule: password_file_missing)"* ]] || fail "unexpected refusal: $out"
[ ! -e "$W/empty/motcua_station.pgpass" ] || fail "the refused run wrote a password file"
grep -q "^# Written by installer/center/setup-standby.sh" "/etc/postgresql/15/$S/conf.d/motcua.conf" ||
  fail "the refused run rewrote the server settings"
pass "setup-primary.sh on the promoted standby without the password files: refused"
bash "$CENTER/setup-primary.sh" --cluster "15/$S" --port "$SP" "${COMMON[@]}" --no-sync >"$W/primary3.out" 2>&1 ||
  fail "setup-primary.sh on the promoted standby"
! grep -q "password of" "$W/primary3.out" || fail "setup-primary.sh on the promoted standby changed a password"
[ "$(station "$SP" "SELECT count(*) FROM dossier")" = 3 ] || fail "the station lost its login on the new primary"
pass "setup-primary.sh --no-sync on the promoted standby: passwords kept, station still logs in"
# --- no password in a log or in the scripts' output ---
for pw in "${PASSWORDS[@]}"; do
  for f in "$W"/*.log "$W"/*.out; do
    ! grep -qF "$pw" "$f" || fail "a password is in $f"
  done
done
grep -q "statement: CREATE ROLE motcua_station" "$W/$P.log" || fail "log_statement = all did not log the set-up's statements"
pass "no password in the server logs (log_statement = all) or the scripts' output"

echo "PASS"
