#include "store/internal/sqlite_db.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace motcua::store::internal {

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

Statement& Statement::Bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Statement& Statement::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, rc, sqlite3_sql(stmt_));
}

Status Statement::Run() {
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Ok();
  }
}

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col)) : std::string();
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  if (db_) sqlite3_close_v2(db_);
}

Status Connection::Open(const std::string& path, bool create, int busy_timeout_ms) {
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
  return Ok();
}

Status Connection::ExecWaiting(std::string_view sql) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
  for (int attempt = 0;; ++attempt) {
    Status s = Exec(sql);
    if (s || s.error().rule != "database_busy" || std::chrono::steady_clock::now() >= deadline) return s;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(5 << std::min(attempt, 4), 50)));
  }
}

Status Connection::Exec(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (message) sqlite3_free(message);
  if (rc != SQLITE_OK) return SqliteError(db_, rc, sql.substr(0, 60));
  return Ok();
}

Result<Statement> Connection::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  sqlite3_stmt* stmt = nullptr;
  if (it != cache_.end()) {
    stmt = it->second;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  } else {
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db_, rc, sql);
    cache_.emplace(sql, stmt);
  }
  return Statement(db_, stmt);
}

}  // namespace motcua::store::internal
