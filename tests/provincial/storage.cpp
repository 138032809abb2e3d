#include "storage.h"

#include <sqlite3.h>

#include <map>
#include <system_error>

namespace motcua::provincial {
namespace {

constexpr int kSchemaVersion = 1;
constexpr int kBusyTimeoutMs = 5000;  // another process (`records`, `score`) may be reading

constexpr const char* kSchema = R"sql(
CREATE TABLE records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_code TEXT NOT NULL UNIQUE,
  unit_code TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at_unix_s INTEGER NOT NULL,
  updated_at_unix_s INTEGER,
  updates INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE steps (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  dossier_code TEXT NOT NULL REFERENCES records(dossier_code),
  body TEXT NOT NULL,
  canonical TEXT NOT NULL,
  received_at_unix_s INTEGER NOT NULL
);
CREATE INDEX steps_by_dossier ON steps(dossier_code, canonical);
PRAGMA user_version = 1;
)sql";

Error SqliteError(sqlite3* db, std::string_view what) {
  return Unavailable("db", "sqlite", std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Status Exec(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return SqliteError(db, sql);
  return Ok();
}

// One prepared statement, finalized on scope exit. Values are only ever bound, never spliced in.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Statement& Bind(int i, std::string_view text) {
    // A null pointer would bind SQL NULL; an empty view may carry one.
    sqlite3_bind_text(stmt_, i, text.data() ? text.data() : "", static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // true while a row is available.
  Result<bool> Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db_, sqlite3_sql(stmt_));
  }
  Status Run() {
    auto row = Step();
    if (!row) return row.error();
    return Ok();
  }
  std::string Text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }
  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

#define PROVINCIAL_PREPARE(var, db, sql)                    \
  Statement var(db, sql);                                   \
  if (!var.ok()) return SqliteError(db, "prepare " sql)

Result<std::vector<std::string>> LoadSteps(sqlite3* db, std::string_view dossier_code) {
  PROVINCIAL_PREPARE(stmt, db, "SELECT body FROM steps WHERE dossier_code = ?1 ORDER BY seq");
  stmt.Bind(1, dossier_code);
  std::vector<std::string> steps;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    steps.push_back(stmt.Text(0));
  }
  return steps;
}

}  // namespace

Result<bool> Tx::HasRecord(std::string_view dossier_code) {
  PROVINCIAL_PREPARE(stmt, db_, "SELECT 1 FROM records WHERE dossier_code = ?1");
  stmt.Bind(1, dossier_code);
  return stmt.Step();
}

Status Tx::InsertRecord(std::string_view dossier_code, std::string_view unit_code, std::string_view body, Instant at) {
  PROVINCIAL_PREPARE(stmt, db_,
                     "INSERT INTO records (dossier_code, unit_code, body, created_at_unix_s) VALUES (?1, ?2, ?3, ?4)");
  stmt.Bind(1, dossier_code).Bind(2, unit_code).Bind(3, body).Bind(4, ToUnixSeconds(at));
  return stmt.Run();
}

Status Tx::ReplaceRecord(std::string_view dossier_code, std::string_view unit_code, std::string_view body, Instant at) {
  PROVINCIAL_PREPARE(stmt, db_,
                     "UPDATE records SET unit_code = ?2, body = ?3, updated_at_unix_s = ?4, updates = updates + 1 "
                     "WHERE dossier_code = ?1");
  stmt.Bind(1, dossier_code).Bind(2, unit_code).Bind(3, body).Bind(4, ToUnixSeconds(at));
  MOTCUA_TRY(stmt.Run());
  if (sqlite3_changes(db_) != 1) return NotFound("MaHoSo", "not_found", "no record " + std::string(dossier_code));
  return Ok();
}

Result<bool> Tx::HasStep(std::string_view dossier_code, std::string_view canonical) {
  PROVINCIAL_PREPARE(stmt, db_, "SELECT 1 FROM steps WHERE dossier_code = ?1 AND canonical = ?2 LIMIT 1");
  stmt.Bind(1, dossier_code).Bind(2, canonical);
  return stmt.Step();
}

Status Tx::AppendStep(std::string_view dossier_code, std::string_view body, std::string_view canonical, Instant at) {
  PROVINCIAL_PREPARE(stmt, db_,
                     "INSERT INTO steps (dossier_code, body, canonical, received_at_unix_s) VALUES (?1, ?2, ?3, ?4)");
  stmt.Bind(1, dossier_code).Bind(2, body).Bind(3, canonical).Bind(4, ToUnixSeconds(at));
  return stmt.Run();
}

Result<std::optional<StoredRecord>> Tx::LoadRecord(std::string_view dossier_code) {
  PROVINCIAL_PREPARE(stmt, db_, "SELECT body FROM records WHERE dossier_code = ?1");
  stmt.Bind(1, dossier_code);
  MOTCUA_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<StoredRecord>();
  StoredRecord record{std::string(dossier_code), stmt.Text(0), {}};
  MOTCUA_ASSIGN_OR_RETURN(record.steps, LoadSteps(db_, dossier_code));
  return std::optional<StoredRecord>(std::move(record));
}

Result<std::vector<StoredRecord>> Tx::LoadAll() {
  // One pass over each table (not one query per record): a demo database may hold many records.
  std::vector<StoredRecord> records;
  std::map<std::string, std::size_t, std::less<>> index;  // dossier_code -> position in records
  {
    PROVINCIAL_PREPARE(stmt, db_, "SELECT dossier_code, body FROM records ORDER BY seq");
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      index[stmt.Text(0)] = records.size();
      records.push_back(StoredRecord{stmt.Text(0), stmt.Text(1), {}});
    }
  }
  PROVINCIAL_PREPARE(stmt, db_, "SELECT dossier_code, body FROM steps ORDER BY seq");
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    auto it = index.find(stmt.Text(0));
    if (it == index.end()) return Corrupt("db", "orphan_step", "a step of " + stmt.Text(0) + ", which has no record");
    records[it->second].steps.push_back(stmt.Text(1));
  }
  return records;
}

Result<std::unique_ptr<ProvincialStore>> ProvincialStore::Open(const std::filesystem::path& path, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::exists(path, ec))
    return NotFound("db", "not_found", "no database at " + path.string());
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error e = SqliteError(db, "open " + path.string());
    sqlite3_close(db);
    return e;
  }
  std::unique_ptr<ProvincialStore> store(new ProvincialStore(db));
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  // journal_mode=WAL persists in the file; synchronous is per connection (Debian's default is FULL,
  // said here so nobody "optimises" it to NORMAL: a reply of success must survive a power loss).
  MOTCUA_TRY(Exec(db, "PRAGMA journal_mode = WAL"));
  MOTCUA_TRY(Exec(db, "PRAGMA synchronous = FULL"));
  MOTCUA_TRY(Exec(db, "PRAGMA foreign_keys = ON"));

  std::int64_t version = 0;
  std::int64_t tables = 0;
  {
    Statement v(db, "PRAGMA user_version");
    if (!v.ok()) return SqliteError(db, "user_version");
    MOTCUA_ASSIGN_OR_RETURN(bool row, v.Step());
    if (row) version = v.Int(0);
    Statement t(db, "SELECT count(*) FROM sqlite_schema");
    if (!t.ok()) return SqliteError(db, "sqlite_schema");
    MOTCUA_ASSIGN_OR_RETURN(bool trow, t.Step());
    if (trow) tables = t.Int(0);
  }
  if (version == 0 && tables == 0) {
    MOTCUA_TRY(store->Transaction(true, [&](Tx&) { return Exec(db, kSchema); }));
  } else if (version != kSchemaVersion) {
    return Corrupt("db", "unknown_schema",
                   path.string() + " is not a motcua-provincial database (user_version " + std::to_string(version) + ")");
  }
  return store;
}

ProvincialStore::~ProvincialStore() { sqlite3_close(db_); }

Status ProvincialStore::Transaction(bool write, const std::function<Status(Tx&)>& body) {
  std::lock_guard lock(mutex_);
  MOTCUA_TRY(Exec(db_, write ? "BEGIN IMMEDIATE" : "BEGIN"));
  Tx tx(db_);
  Status result = body(tx);
  if (result) result = Exec(db_, "COMMIT");
  if (!result) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  return result;
}

}  // namespace motcua::provincial
