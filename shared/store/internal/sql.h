// The store's view of a SQL engine: a connection that prepares statements, and statements that bind
// parameters, step through rows and read columns. One store (sql_store.cpp) is written once over this
// layer; sqlite_db.h and pg_db.h implement it. Statements are written in the SQL both engines accept,
// with SQLite's numbered parameters ?1, ?2, ... (the PostgreSQL side renumbers them $1, $2, ...), so no
// statement is ever built from values.
//
// Where the two engines truly differ (transactions, locks, migrations, the integrity check, how an
// event joins the journal) the Connection has a method for it, so the store never asks which engine
// it runs on.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace motcua::store::internal {

enum class ColumnType { kNull, kInteger, kFloat, kText, kBlob };

// One prepared statement of an engine, owned by its Connection's cache.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void BindInt(int i, std::int64_t v) = 0;
  virtual void BindText(int i, std::string_view v) = 0;
  virtual void BindNull(int i) = 0;
  virtual Result<bool> Step() = 0;
  // Forgets the bindings and any rows not read, ready to bind again.
  virtual void Reset() = 0;
  virtual int ColumnCount() const = 0;
  virtual std::string ColumnName(int col) const = 0;
  virtual ColumnType Type(int col) const = 0;
  virtual std::int64_t Int(int col) const = 0;
  virtual double Float(int col) const = 0;
  virtual std::string Text(int col) const = 0;  // a text or blob column's bytes; "" for NULL
  // Rows the last run of this statement inserted, updated or deleted.
  virtual std::int64_t Changes() const = 0;
};

// A cached statement in use. Resets it when it goes out of scope: on SQLite a SELECT stepped to a row and
// left there keeps a read transaction open on the connection, and once another process has written, the
// next write on this connection fails with SQLITE_BUSY_SNAPSHOT (a counter beside a sync process).
class Statement {
 public:
  explicit Statement(Cursor* cursor) : c_(cursor) {}
  Statement(Statement&& other) noexcept : c_(std::exchange(other.c_, nullptr)) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement() {
    if (c_) c_->Reset();
  }
  // Binds by 1-based index. Empty optionals bind NULL; a parameter never bound is NULL.
  Statement& Bind(int i, std::int64_t v) {
    c_->BindInt(i, v);
    return *this;
  }
  Statement& Bind(int i, int v) { return Bind(i, static_cast<std::int64_t>(v)); }
  Statement& Bind(int i, bool v) { return Bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
  Statement& Bind(int i, std::string_view v) {
    c_->BindText(i, v);
    return *this;
  }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& BindNull(int i) {
    c_->BindNull(i);
    return *this;
  }
  template <class T>
  Statement& Bind(int i, const std::optional<T>& v) {
    return v ? Bind(i, *v) : BindNull(i);
  }

  // Steps once: true while a row is available, false when done.
  Result<bool> Step() { return c_->Step(); }
  // Runs to completion, for statements without rows.
  Status Run() {
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, Step());
      if (!row) return Ok();
    }
  }
  // Runs to completion; returns the rows it changed (a conditional UPDATE's answer).
  Result<std::int64_t> RunCounting() {
    MOTCUA_TRY(Run());
    return c_->Changes();
  }

  bool IsNull(int col) const { return c_->Type(col) == ColumnType::kNull; }
  std::int64_t Int(int col) const { return c_->Int(col); }
  std::string Text(int col) const { return c_->Text(col); }
  std::optional<std::int64_t> OptInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<std::int64_t>(Int(col));
  }
  const Cursor& cursor() const { return *c_; }

 private:
  Cursor* c_;
};

// An event as the journal table stores it (times in unix seconds).
struct EventRow {
  std::int64_t seq = 0;
  std::string uuid, type, dossier_code, actor, station;
  std::int64_t at = 0, recorded_at = 0;
  std::string payload, seals, prev_hash, hash;
};

class Connection {
 public:
  virtual ~Connection() = default;

  // Runs SQL text with no parameters (schema, transaction control).
  virtual Status Exec(std::string_view sql) = 0;
  // A reset, ready-to-bind statement for `sql` (a string literal or one that lives as long as the
  // connection: statements are cached by the text's address).
  virtual Result<Statement> Prepare(const char* sql) = 0;

  // A write transaction: SQLite's BEGIN IMMEDIATE (one writer at a time, waiting up to the busy timeout);
  // PostgreSQL's READ COMMITTED, where every write carries its own check (store.h "Isolation").
  virtual Status BeginWrite() = 0;
  // A read-only snapshot for reads that must agree with each other (a dossier and its children).
  virtual Status BeginSnapshot() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  // True when a failed transaction may simply be run again: the engine gave up on it because another
  // one ran at the same time (PostgreSQL's serialization failures and deadlocks, 40001 and 40P01).
  virtual bool IsTransient(const Error& e) const = 0;

  // Whether rows read to be changed inside a write transaction are locked as they are read (SELECT ... FOR
  // UPDATE): PostgreSQL's writers overlap; SQLite's never do, and it has no such clause.
  virtual bool LocksRowsRead() const = 0;

  // Inside a write transaction, before the journal's head is read to append after it: makes this
  // transaction the only one extending the chain until it ends (SQLite's writer lock already is).
  virtual Status LockChainHead() = 0;
  // Appends one hashed event after the head and moves the head to it, inside the write transaction.
  virtual Status AppendEventRow(const EventRow& e) = 0;

  // Whether a write transaction submits its events to wait (journal_pending) instead of chaining them
  // itself, so writers never hold the chain's lock through their commit (pg_schema.cpp, version 4).
  // SQLite: false, its one writer chains in its own transaction.
  virtual bool ChainsAfterCommit() const = 0;
  // Submits one event to wait, with its seals (seq, prev_hash and hash unused), inside the transaction.
  virtual Status SubmitEventRow(const EventRow& e) = 0;
  // Chains waiting events under the chain's lock, in the order given: each (pending id, e) as e's seq,
  // prev_hash and hash. One statement for all of them: the lock is held for one round trip, not one per event.
  virtual Status SealEventRows(const std::vector<std::pair<std::int64_t, EventRow>>& rows) = 0;
  // LockChainHead without waiting, inside a write transaction: false when another transaction holds it.
  virtual Result<bool> TryLockChainHead() = 0;
  // LockChainHead waiting at most `timeout` (nothing when it is not positive) for the transaction holding
  // it: false when the lock did not come in time, after which the transaction can only be rolled back.
  virtual Result<bool> LockChainHeadWithin(std::chrono::milliseconds timeout) = 0;

  // Migrations (MigrateSchema below runs them): inside the write transaction, takes the engine's lock
  // on migrating (SQLite's writer lock already is) and returns the stored schema version (0: new)...
  virtual Result<int> LockedSchemaVersion() = 0;
  // ...and brings a schema at version `from` to kSchemaVersion.
  virtual Status UpgradeSchema(int from) = 0;

  // The engine's own consistency check. Errors: kCorrupt with the engine's report.
  virtual Status CheckIntegrity() = 0;
};

// Brings the schema to kSchemaVersion in one write transaction under the engine's lock, then runs `after`
// inside it with the version found (0 for a new database); any error rolls all back.
// Errors: kInvalid/"schema_too_new" when a newer motcua wrote the database; the engine's.
Status MigrateSchema(Connection& db, const std::function<Status(int from)>& after);

}  // namespace motcua::store::internal
