#include "store/internal/pg_db.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

namespace motcua::store::internal {
namespace {

// Type oids of pg_type.h (server headers are not in libpq-dev).
constexpr Oid kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kOidOid = 26,
              kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

class PgCursor final : public Cursor {
 public:
  PgCursor(PGconn* conn, std::string name, int params, const char* sql)
      : conn_(conn), name_(std::move(name)), params_(static_cast<std::size_t>(params)), sql_(sql) {}
  ~PgCursor() override { Clear(); }

  void BindInt(int i, std::int64_t v) override { Param(i) = std::to_string(v); }
  void BindText(int i, std::string_view v) override { Param(i) = std::string(v); }
  void BindNull(int i) override { Param(i).reset(); }

  Result<bool> Step() override {
    if (!res_) {
      std::vector<const char*> values(params_.size());
      for (std::size_t i = 0; i < params_.size(); ++i) values[i] = params_[i] ? params_[i]->c_str() : nullptr;
      res_ = PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0);
      const ExecStatusType st = PQresultStatus(res_);
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        Error e = PgError(conn_, res_, sql_);
        Clear();
        return e;
      }
      row_ = -1;
    }
    ++row_;
    return row_ < PQntuples(res_);
  }
  void Reset() override {
    Clear();
    for (auto& p : params_) p.reset();
  }
  int ColumnCount() const override { return PQnfields(res_); }
  std::string ColumnName(int col) const override { return PQfname(res_, col); }
  ColumnType Type(int col) const override {
    if (PQgetisnull(res_, row_, col)) return ColumnType::kNull;
    switch (PQftype(res_, col)) {
      case kInt8Oid:
      case kInt2Oid:
      case kInt4Oid:
      case kOidOid:
      case kBoolOid: return ColumnType::kInteger;
      case kFloat4Oid:
      case kFloat8Oid:
      case kNumericOid: return ColumnType::kFloat;
      case kByteaOid: return ColumnType::kBlob;
      default: return ColumnType::kText;
    }
  }
  std::int64_t Int(int col) const override {
    const char* v = PQgetvalue(res_, row_, col);
    if (PQftype(res_, col) == kBoolOid) return v[0] == 't' ? 1 : 0;
    return std::strtoll(v, nullptr, 10);
  }
  double Float(int col) const override { return std::strtod(PQgetvalue(res_, row_, col), nullptr); }
  std::string Text(int col) const override {
    if (PQgetisnull(res_, row_, col)) return std::string();
    return std::string(PQgetvalue(res_, row_, col), static_cast<std::size_t>(PQgetlength(res_, row_, col)));
  }
  std::int64_t Changes() const override {
    if (!res_) return changes_;
    const char* n = PQcmdTuples(res_);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
  }

 private:
  std::optional<std::string>& Param(int i) {
    if (static_cast<std::size_t>(i) > params_.size()) params_.resize(static_cast<std::size_t>(i));
    return params_[static_cast<std::size_t>(i - 1)];
  }
  void Clear() {
    if (res_) {
      changes_ = Changes();
      PQclear(res_);
    }
    res_ = nullptr;
  }

  PGconn* conn_;
  std::string name_;
  std::vector<std::optional<std::string>> params_;
  const char* sql_;
  PGresult* res_ = nullptr;
  int row_ = -1;
  std::int64_t changes_ = 0;
};

// The hosts a connection string names, for errors (never the string itself: it may hold a password).
std::string HostsOf(PGconn* conn) {
  const char* host = conn ? PQhost(conn) : nullptr;
  const char* port = conn ? PQport(conn) : nullptr;
  return std::string(host && *host ? host : "?") + ":" + (port && *port ? port : "?");
}

std::string FirstLine(const char* message) {
  std::string m = message ? message : "";
  if (auto nl = m.find('\n'); nl != std::string::npos) m.resize(nl);
  return m;
}

// store.h Lease on PostgreSQL. The session's lock lives as long as `conn_`; the connection is never
// re-established, since a new session would not hold the lock.
class PgLease final : public Lease {
 public:
  explicit PgLease(PGconn* conn) : conn_(conn) {}
  ~PgLease() override { PQfinish(conn_); }  // the server releases the lock with the session
  bool Held() override {
    if (PQstatus(conn_) != CONNECTION_OK) return false;
    PGresult* res = PQexec(conn_, "SELECT 1");
    const bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    PQclear(res);
    return ok && PQstatus(conn_) == CONNECTION_OK;
  }

 private:
  PGconn* conn_;
};

}  // namespace

int LeaseLockKey(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return static_cast<int>(h);  // two's complement (C++20): every bit of the hash is kept
}

Result<std::unique_ptr<Lease>> TryPgLease(const std::string& conninfo, int connect_timeout_s, std::string_view name) {
  // The client side notices a server that vanished (keepalives; tcp_user_timeout bounds a send that is
  // never acknowledged) so Held() cannot hang for the minutes of TCP's own retries. Words of the
  // caller's string come after these and override them. Unix sockets ignore all four.
  const std::string timeout = std::to_string(connect_timeout_s);
  const char* keys[] = {"connect_timeout", "fallback_application_name", "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "tcp_user_timeout", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "motcua-lease", "10", "3", "3", "20000", conninfo.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn) return Unavailable("database", "database_unavailable", "libpq could not allocate a connection");
  if (PQstatus(conn) != CONNECTION_OK) {
    Error e = Unavailable("database", "database_unavailable",
                          "cannot connect to the center database: " + FirstLine(PQerrorMessage(conn)));
    PQfinish(conn);
    return e;
  }
  auto lease = std::make_unique<PgLease>(conn);  // closes the connection on every return below
  // The server side: a station whose machine vanished stops holding the lease once its keepalives go
  // unanswered (10 s idle + 3 probes 3 s apart), not after the kernel's two hours.
  PGresult* set = PQexec(conn, "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 3; "
                               "SET tcp_keepalives_count = 3");
  PQclear(set);  // best effort: a Unix socket has no keepalives and the settings are then ignored
  const std::string k1 = std::to_string(kLeaseLockClass), k2 = std::to_string(LeaseLockKey(name));
  const char* params[] = {k1.c_str(), k2.c_str()};
  PGresult* res = PQexecParams(conn, "SELECT pg_try_advisory_lock(CAST($1 AS INTEGER), CAST($2 AS INTEGER))", 2,
                               nullptr, params, nullptr, nullptr, 0);
  if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
    Error e = PgError(conn, res, "pg_try_advisory_lock");
    PQclear(res);
    return e;
  }
  const bool granted = PQgetvalue(res, 0, 0)[0] == 't';
  PQclear(res);
  if (!granted)
    return Conflict("lease", "lease_held", "another station holds the lease \"" + std::string(name) + "\"");
  return std::unique_ptr<Lease>(std::move(lease));
}

Error PgError(PGconn* conn, const PGresult* res, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state ? state : "";
  std::string detail = std::string(what.substr(0, 80)) + ": " +
                       FirstLine(res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  // An error the server did not describe (no SQLSTATE) came from libpq itself. Seen when a primary is
  // stopped abruptly: "server closed the connection unexpectedly" while PQstatus still said OK, so the
  // next transaction ran on the dead connection once more instead of reconnecting. Reading what is left
  // on the socket makes libpq notice the end of the stream and mark the connection bad.
  if (conn && sqlstate.empty() && PQstatus(conn) == CONNECTION_OK) (void)PQconsumeInput(conn);
  if (conn && PQstatus(conn) == CONNECTION_BAD)
    return Unavailable("database", "connection_lost", "lost the connection to " + HostsOf(conn) + ": " + detail);
  if (sqlstate == "40001") return Unavailable("database", "serialization_failure", detail);
  if (sqlstate == "40P01") return Unavailable("database", "deadlock", detail);
  if (sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0)
    return Unavailable("database", "connection_lost", detail);
  if (sqlstate == "25006") return Unavailable("database", "read_only", detail);  // a standby
  if (sqlstate.rfind("23", 0) == 0) return Conflict("database", "constraint_failed", detail);
  // Text that is not UTF-8 (a scanner's stray byte, a bad argument): the input's fault, as SQLite would
  // simply find nothing for it.
  if (sqlstate == "22021") return Invalid("text", "not_utf8", detail);
  if (sqlstate == "42501") return Unavailable("database", "permission_denied", detail);
  if (sqlstate == "53100") return Unavailable("database", "disk_full", detail);
  if (sqlstate == "55P03") return Unavailable("database", "lock_timeout", detail);
  if (sqlstate == "MC001") return Corrupt("journal", "chain_broken", detail);
  return Unavailable("database", "database_error", detail + (sqlstate.empty() ? "" : " [" + sqlstate + "]"));
}

std::string ToPgParameters(std::string_view sql, int& params) {
  std::string out;
  out.reserve(sql.size());
  params = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    if (!quoted && c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out.push_back('$');
      int n = 0;
      while (i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
        n = n * 10 + (sql[i + 1] - '0');
        out.push_back(sql[++i]);
      }
      params = std::max(params, n);
      continue;
    }
    out.push_back(c);
  }
  return out;
}

PgConnection::~PgConnection() {
  cache_.clear();
  if (conn_) PQfinish(conn_);
}

Status PgConnection::Open(const std::string& conninfo, int connect_timeout_s, bool create_schema) {
  conninfo_ = conninfo;
  connect_timeout_s_ = connect_timeout_s;
  create_schema_ = create_schema;
  return Connect();
}

Status PgConnection::Connect() {
  in_transaction_ = false;
  if (conn_) PQfinish(conn_);
  cache_.clear();
  // connect_timeout first: words of the caller's string, expanded in place of dbname, override it.
  const std::string timeout = std::to_string(connect_timeout_s_);
  const char* keys[] = {"connect_timeout", "fallback_application_name", "client_encoding", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "motcua", "UTF8", conninfo_.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn_) return Unavailable("database", "database_unavailable", "libpq could not allocate a connection");
  if (PQstatus(conn_) != CONNECTION_OK)
    return Unavailable("database", "database_unavailable",
                       "cannot connect to the center database: " + FirstLine(PQerrorMessage(conn_)));
  return Ok();
}

Status PgConnection::EnsureConnected() {
  if (conn_ && PQstatus(conn_) == CONNECTION_OK) return Ok();
  return Connect();
}

Status PgConnection::Exec(std::string_view sql) {
  const std::string text(sql);
  PGresult* res = PQexec(conn_, text.c_str());
  const ExecStatusType st = PQresultStatus(res);
  Status out = Ok();
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) out = PgError(conn_, res, sql);
  PQclear(res);
  return out;
}

Result<Statement> PgConnection::Prepare(const char* sql) {
  // A read outside any transaction (GetProcedure before an intake, a board's lists) is where a station
  // that only reads finds a lost connection: without this it would run its cached statements on the
  // dead connection forever. Inside a transaction a lost connection must fail the transaction instead
  // (the statements before it are gone with it), so no reconnect there.
  if (!in_transaction_) MOTCUA_TRY(EnsureConnected());
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->Reset();
    return Statement(it->second.get());
  }
  int params = 0;
  const std::string text = ToPgParameters(sql, params);
  std::string name = "m" + std::to_string(++next_name_);
  PGresult* res = PQprepare(conn_, name.c_str(), text.c_str(), params, nullptr);
  if (PQresultStatus(res) != PGRES_COMMAND_OK) {
    Error e = PgError(conn_, res, sql);
    PQclear(res);
    return e;
  }
  PQclear(res);
  auto cursor = std::make_unique<PgCursor>(conn_, std::move(name), params, sql);
  Cursor* raw = cursor.get();
  cache_.emplace(sql, std::move(cursor));
  return Statement(raw);
}

Status PgConnection::BeginWrite() {
  MOTCUA_TRY(EnsureConnected());
  MOTCUA_TRY(Exec("BEGIN ISOLATION LEVEL READ COMMITTED"));
  in_transaction_ = true;
  return Ok();
}

Status PgConnection::BeginSnapshot() {
  MOTCUA_TRY(EnsureConnected());
  MOTCUA_TRY(Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  in_transaction_ = true;
  return Ok();
}

Status PgConnection::Commit() {
  in_transaction_ = false;
  Status s = Exec("COMMIT");
  if (!s && s.error().rule == "connection_lost")
    return Unavailable("database", "commit_unknown",
                       "the connection was lost while committing: whether the change was saved is unknown; "
                       "look it up before repeating it (" + s.error().detail + ")");
  return s;
}

void PgConnection::Rollback() {
  in_transaction_ = false;
  if (conn_ && PQstatus(conn_) == CONNECTION_OK) (void)Exec("ROLLBACK");
}

bool PgConnection::IsTransient(const Error& e) const {
  // A lost race between stations (store.h "Isolation") is as transient as the server's own verdicts.
  return e.rule == "serialization_failure" || e.rule == "deadlock" || e.rule == "connection_lost" ||
         e.rule == "read_only" || e.rule == "stale_update" || e.rule == "duplicate_record";
}

Status PgConnection::LockChainHead() {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare("SELECT pg_advisory_xact_lock(CAST(?1 AS BIGINT))"));
  return s.Bind(1, static_cast<std::int64_t>(kChainLockKey)).Run();
}

Status PgConnection::AppendEventRow(const EventRow& e) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare(
      "SELECT motcua_append_event(CAST(?1 AS BIGINT), ?2, ?3, ?4, ?5, ?6, CAST(?7 AS BIGINT), "
      "CAST(?8 AS BIGINT), ?9, ?10, ?11, ?12)"));
  return s.Bind(1, e.seq).Bind(2, e.uuid).Bind(3, e.type).Bind(4, e.dossier_code).Bind(5, e.actor)
      .Bind(6, e.station).Bind(7, e.at).Bind(8, e.recorded_at).Bind(9, e.payload).Bind(10, e.seals)
      .Bind(11, e.prev_hash).Bind(12, e.hash).Run();
}

Result<bool> PgConnection::TryLockChainHead() {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare("SELECT CAST(pg_try_advisory_xact_lock(CAST(?1 AS BIGINT)) AS INT)"));
  s.Bind(1, static_cast<std::int64_t>(kChainLockKey));
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  const bool locked = row && s.Int(0) == 1;
  if (row) (void)s.Step();
  return locked;
}

Result<bool> PgConnection::LockChainHeadWithin(std::chrono::milliseconds timeout) {
  if (timeout.count() <= 0) return false;
  // One round trip: the subquery sets the transaction's lock_timeout before the lock is asked for (a
  // subquery calling a volatile function is run as its own step, never merged into the outer query).
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare(
      "SELECT pg_advisory_xact_lock(CAST(?2 AS BIGINT)) FROM (SELECT set_config('lock_timeout', ?1, true)) AS t"));
  s.Bind(1, std::to_string(timeout.count()) + "ms").Bind(2, static_cast<std::int64_t>(kChainLockKey));
  Status locked = s.Run();
  if (!locked && locked.error().rule == "lock_timeout") return false;
  if (!locked) return locked.error();
  return true;
}

Status PgConnection::SubmitEventRow(const EventRow& e) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare(
      "SELECT motcua_submit_event(?1, ?2, ?3, ?4, ?5, CAST(?6 AS BIGINT), CAST(?7 AS BIGINT), ?8, ?9)"));
  return s.Bind(1, e.uuid).Bind(2, e.type).Bind(3, e.dossier_code).Bind(4, e.actor).Bind(5, e.station)
      .Bind(6, e.at).Bind(7, e.recorded_at).Bind(8, e.payload).Bind(9, e.seals).Run();
}

Status PgConnection::SealEventRows(const std::vector<std::pair<std::int64_t, EventRow>>& rows) {
  // motcua_seal_event once per row of the four lists, in their order (unnest yields the lists' elements in
  // order, and each call checks that its event follows the head: one out of order fails the transaction).
  // Ids, numbers and hex hashes hold no comma.
  std::string ids, seqs, prevs, hashes;
  for (const auto& [id, e] : rows) {
    const char* sep = ids.empty() ? "" : ",";
    ids += sep + std::to_string(id);
    seqs += sep + std::to_string(e.seq);
    prevs += sep + e.prev_hash;
    hashes += sep + e.hash;
  }
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare(
      "SELECT motcua_seal_event(i, n, p, h) FROM unnest(CAST(string_to_array(?1, ',') AS BIGINT[]), "
      "CAST(string_to_array(?2, ',') AS BIGINT[]), string_to_array(?3, ','), string_to_array(?4, ',')) AS u(i, n, p, h)"));
  return s.Bind(1, ids).Bind(2, seqs).Bind(3, prevs).Bind(4, hashes).Run();
}

Result<bool> PgConnection::OwnsDatabase() {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare(
      "SELECT CAST(count(*) AS BIGINT) FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba "
      "WHERE d.datname = current_database() AND (r.rolname = current_user OR "
      "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user))"));
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  return row && s.Int(0) > 0;
}

Status PgConnection::CheckIntegrity() {
  // PostgreSQL checks its pages itself (checksums, WAL); what a station can check is that the tables it
  // needs answer and that the foreign keys hold, which the server enforces on every write.
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare("SELECT CAST(count(*) AS BIGINT) FROM journal_head"));
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Corrupt("database", "integrity_check_failed", "the journal head cannot be read");
  return Ok();
}

}  // namespace motcua::store::internal
