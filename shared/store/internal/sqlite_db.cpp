#include "store/internal/sqlite_db.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <thread>

#include "common/files.h"

namespace motcua::store::internal {
namespace {

class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteCursor() override { sqlite3_finalize(stmt_); }

  void BindInt(int i, std::int64_t v) override { sqlite3_bind_int64(stmt_, i, v); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) override { sqlite3_bind_null(stmt_, i); }
  Result<bool> Step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db_, rc, sqlite3_sql(stmt_));
  }
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  int ColumnCount() const override { return sqlite3_column_count(stmt_); }
  std::string ColumnName(int col) const override { return sqlite3_column_name(stmt_, col); }
  ColumnType Type(int col) const override {
    switch (sqlite3_column_type(stmt_, col)) {
      case SQLITE_NULL: return ColumnType::kNull;
      case SQLITE_INTEGER: return ColumnType::kInteger;
      case SQLITE_FLOAT: return ColumnType::kFloat;
      case SQLITE_BLOB: return ColumnType::kBlob;
      default: return ColumnType::kText;
    }
  }
  std::int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Float(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const override {
    const void* p = sqlite3_column_type(stmt_, col) == SQLITE_BLOB ? sqlite3_column_blob(stmt_, col)
                                                                    : sqlite3_column_text(stmt_, col);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
  }
  std::int64_t Changes() const override { return sqlite3_changes64(db_); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// The lock is the open file description's: closing `fd_` (or the process dying) releases it.
class SqliteLease final : public Lease {
 public:
  explicit SqliteLease(int fd) : fd_(fd) {}
  ~SqliteLease() override {
    if (fd_ >= 0) ::close(fd_);
  }
  bool Held() override { return true; }  // nothing but this process's end can take it away

 private:
  int fd_;
};

}  // namespace

Result<std::unique_ptr<Lease>> TrySqliteLease(const std::string& db_path, std::string_view name) {
  if (db_path == ":memory:") return std::unique_ptr<Lease>(std::make_unique<SqliteLease>(-1));
  const std::string path = db_path + ".lease-" + std::string(name);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    return Unavailable("lease", "lease_unavailable", "cannot open " + path + ": " + std::strerror(errno));
  MakeFilePrivate(fd);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK)
      return Conflict("lease", "lease_held", "another process holds the lease \"" + std::string(name) + "\"");
    return Unavailable("lease", "lease_unavailable", "cannot lock " + path + ": " + std::strerror(err));
  }
  return std::unique_ptr<Lease>(std::make_unique<SqliteLease>(fd));
}

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  std::string detail = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Unavailable("database", "database_busy", detail);
    case SQLITE_FULL: return Unavailable("database", "disk_full", detail);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Corrupt("database", "not_a_database", detail);
    case SQLITE_CONSTRAINT: return Conflict("database", "constraint_failed", detail);
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY: return Unavailable("database", "database_unavailable", detail);
    default: return Unavailable("database", "database_error", detail);
  }
}

Status CopySqliteDatabase(const std::string& from, const std::string& to, int busy_timeout_ms) {
  sqlite3* src = nullptr;
  sqlite3* dst = nullptr;
  auto close = [&] {
    if (src) sqlite3_close_v2(src);
    if (dst) sqlite3_close_v2(dst);
  };
  int rc = sqlite3_open_v2(from.c_str(), &src, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(src, rc, "open " + from);
    close();
    return e;
  }
  rc = sqlite3_open_v2(to.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(dst, rc, "open " + to);
    close();
    return e;
  }
  sqlite3_busy_timeout(src, busy_timeout_ms);
  sqlite3_busy_timeout(dst, busy_timeout_ms);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
  if (!b) {
    Error e = SqliteError(dst, sqlite3_errcode(dst), "backup " + from + " to " + to);
    close();
    return e;
  }
  // All pages in one step: a step that gives up the source's read lock midway would restart the copy
  // whenever another connection writes, and a busy destination is waited for by its busy handler.
  rc = sqlite3_backup_step(b, -1);
  const int finish = sqlite3_backup_finish(b);
  if (rc == SQLITE_DONE) rc = finish;
  Status out = rc == SQLITE_OK || rc == SQLITE_DONE ? Ok() : Status(SqliteError(dst, rc, "backup " + from + " to " + to));
  close();
  return out;
}

SqliteConnection::~SqliteConnection() {
  cache_.clear();  // finalize every statement before the connection closes
  if (db_) sqlite3_close_v2(db_);
}

Status SqliteConnection::Open(const std::string& path, bool create, int busy_timeout_ms, bool synchronous_full) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = SqliteError(db_, rc, "open " + path);
    if (!create && rc == SQLITE_CANTOPEN) e = NotFound("database", "database_missing", "no database at " + path);
    return e;
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  busy_timeout_ms_ = busy_timeout_ms;
  // journal_mode=WAL is persistent; synchronous must be set per connection (Debian's default is FULL;
  // stack.md §11).
  MOTCUA_TRY(Waiting([&] { return Exec("PRAGMA journal_mode = WAL"); }));
  MOTCUA_TRY(Exec(synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL"));
  return Exec("PRAGMA foreign_keys = ON");
}

Status SqliteConnection::Waiting(const std::function<Status()>& run) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  for (int attempt = 0;; ++attempt) {
    Status s = run();
    if (s || s.error().rule != "database_busy" || std::chrono::steady_clock::now() >= deadline) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 << std::min(attempt, 4), 50)));
  }
}

Status SqliteConnection::Exec(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (message) sqlite3_free(message);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, sql.substr(0, 60));
  return Ok();
}

Result<Statement> SqliteConnection::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->Reset();
    return Statement(it->second.get());
  }
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
  auto cursor = std::make_unique<SqliteCursor>(db_, stmt);
  Cursor* raw = cursor.get();
  cache_.emplace(sql, std::move(cursor));
  return Statement(raw);
}

Status SqliteConnection::Run(const char* sql) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare(sql));
  return s.Run();
}

Status SqliteConnection::BeginWrite() {
  return Waiting([&] { return Run("BEGIN IMMEDIATE"); });
}
Status SqliteConnection::BeginSnapshot() { return Run("BEGIN"); }
Status SqliteConnection::Commit() { return Run("COMMIT"); }
void SqliteConnection::Rollback() { (void)Run("ROLLBACK"); }

Status SqliteConnection::AppendEventRow(const EventRow& e) {
  MOTCUA_ASSIGN_OR_RETURN(Statement ins, Prepare(
      "INSERT INTO journal(seq, uuid, type, dossier_code, actor, station, at, recorded_at, payload, seals, "
      "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
  MOTCUA_TRY(ins.Bind(1, e.seq).Bind(2, e.uuid).Bind(3, e.type).Bind(4, e.dossier_code).Bind(5, e.actor)
                 .Bind(6, e.station).Bind(7, e.at).Bind(8, e.recorded_at).Bind(9, e.payload).Bind(10, e.seals)
                 .Bind(11, e.prev_hash).Bind(12, e.hash).Run());
  MOTCUA_ASSIGN_OR_RETURN(Statement head, Prepare(
      "INSERT INTO journal_head(id, seq, hash) VALUES (1, ?1, ?2) "
      "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash"));
  return head.Bind(1, e.seq).Bind(2, e.hash).Run();
}

Status SqliteConnection::CheckIntegrity() {
  std::string report;
  {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, Prepare("PRAGMA integrity_check"));
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      report += s.Text(0) + "\n";
    }
  }
  if (report != "ok\n") return Corrupt("database", "integrity_check_failed", report);
  MOTCUA_ASSIGN_OR_RETURN(Statement fk, Prepare("PRAGMA foreign_key_check"));
  MOTCUA_ASSIGN_OR_RETURN(bool bad, fk.Step());
  if (bad) return Corrupt("database", "foreign_key_check_failed", "a row of " + fk.Text(0) + " points at nothing");
  return Ok();
}

}  // namespace motcua::store::internal
