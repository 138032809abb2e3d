// A thin RAII layer over the sqlite3 C API: a connection, prepared statements cached per SQL text,
// and SQLite result codes turned into motcua Errors. Every statement is prepared with parameters;
// no SQL is ever built from values.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <utility>

#include "common/result.h"

namespace motcua::store::internal {

// Maps a SQLite result code to an Error: BUSY/LOCKED → kUnavailable/"database_busy",
// FULL → kUnavailable/"disk_full", CORRUPT/NOTADB → kCorrupt, CONSTRAINT → kConflict, else kUnavailable.
Error SqliteError(sqlite3* db, int rc, std::string_view what);

// A cached statement in use. Resets it when it goes out of scope: a SELECT stepped to a row and left
// there keeps a read transaction open on the connection, and once another process has written, the
// next write on this connection fails with SQLITE_BUSY_SNAPSHOT (a counter beside a sync process).
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement() {
    if (stmt_) sqlite3_reset(stmt_);
  }
  // Binds by 1-based index. Empty optionals bind NULL.
  Statement& Bind(int i, std::int64_t v);
  Statement& Bind(int i, int v) { return Bind(i, static_cast<std::int64_t>(v)); }
  Statement& Bind(int i, bool v) { return Bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
  Statement& Bind(int i, std::string_view v);
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& BindNull(int i);
  template <class T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Steps once: true while a row is available, false when done.
  Result<bool> Step();
  // Runs to completion, for statements without rows.
  Status Run();

  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  std::string Text(int col) const;
  sqlite3_stmt* raw() const { return stmt_; }
  std::optional<std::int64_t> OptInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<std::int64_t>(Int(col));
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  Connection() = default;
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Status Open(const std::string& path, bool create, int busy_timeout_ms);
  // Runs SQL text with no parameters (schema, pragmas, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // Exec, retried while the database is busy until the busy timeout has passed. SQLite's busy handler
  // covers most waits; in WAL mode it is skipped when a lock is contended in a way SQLite deems a
  // deadlock risk (stack.md §11), so a writer would otherwise give up long before the timeout.
  Status ExecWaiting(std::string_view sql);
  // A reset, ready-to-bind statement for `sql`, prepared once and cached.
  Result<Statement> Prepare(const char* sql);
  std::int64_t Changes() const { return sqlite3_changes64(db_); }
  sqlite3* raw() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  int busy_timeout_ms_ = 0;
  std::map<const char*, sqlite3_stmt*> cache_;
};

}  // namespace motcua::store::internal
