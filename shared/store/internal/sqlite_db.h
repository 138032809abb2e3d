// The SQLite side of sql.h: a connection to one database file, statements prepared once and cached per
// SQL text, and SQLite's result codes turned into motcua Errors (stack.md §11).
#pragma once

#include <sqlite3.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "store/internal/sql.h"
#include "store/store.h"

namespace motcua::store::internal {

// Maps a SQLite result code to an Error: BUSY/LOCKED → kUnavailable/"database_busy",
// FULL → kUnavailable/"disk_full", CORRUPT/NOTADB → kCorrupt, CONSTRAINT → kConflict, else kUnavailable.
Error SqliteError(sqlite3* db, int rc, std::string_view what);

// A store.h Lease on SQLite: flock(LOCK_EX | LOCK_NB) on <db_path>.lease-<name>, created with motcua's
// private mode; ":memory:" is always granted. Errors: kConflict/"lease_held";
// kUnavailable/"lease_unavailable" (the file cannot be opened).
Result<std::unique_ptr<Lease>> TrySqliteLease(const std::string& db_path, std::string_view name);

// Copies the database `from` into `to` with SQLite's online backup API, in one step: the source is read
// in one read transaction (a consistent snapshot; writers in WAL mode go on meanwhile) and the
// destination written in one write transaction (others with it open see the old or the new content,
// never a mix; its WAL is handled by SQLite). `to` is created if missing. Used by store::Backup (live →
// copy) and store::Restore (checked copy → live). Errors: SqliteError's; "database_busy" after
// `busy_timeout_ms` of waiting for the destination's lock.
Status CopySqliteDatabase(const std::string& from, const std::string& to, int busy_timeout_ms);

// SQLite chains in the writer's transaction (Connection::ChainsAfterCommit): nothing ever waits.
inline Error NoPendingEvents() {
  return Invalid("journal", "no_pending_events", "a SQLite database keeps no waiting events");
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection() = default;
  ~SqliteConnection() override;

  Status Open(const std::string& path, bool create, int busy_timeout_ms, bool synchronous_full);

  Status Exec(std::string_view sql) override;
  Result<Statement> Prepare(const char* sql) override;
  Status BeginWrite() override;
  Status BeginSnapshot() override;
  Status Commit() override;
  void Rollback() override;
  bool IsTransient(const Error&) const override { return false; }  // writers never overlap
  bool LocksRowsRead() const override { return false; }
  Status LockChainHead() override { return Ok(); }                  // BEGIN IMMEDIATE holds it
  Status AppendEventRow(const EventRow& e) override;
  bool ChainsAfterCommit() const override { return false; }
  Status SubmitEventRow(const EventRow&) override { return NoPendingEvents(); }
  Status SealEventRows(const std::vector<std::pair<std::int64_t, EventRow>>&) override { return NoPendingEvents(); }
  Result<bool> TryLockChainHead() override { return true; }
  Result<bool> LockChainHeadWithin(std::chrono::milliseconds) override { return true; }
  Result<int> LockedSchemaVersion() override;
  Status UpgradeSchema(int from) override;
  Status CheckIntegrity() override;

 private:
  // Exec, retried while the database is busy until the busy timeout has passed. SQLite's busy handler
  // covers most waits; in WAL mode it is skipped when a lock is contended in a way SQLite deems a
  // deadlock risk (stack.md §11), so a writer would otherwise give up long before the timeout.
  Status Waiting(const std::function<Status()>& run);
  // Transaction control as cached statements: parsing BEGIN anew costs ~10% of an intake.
  Status Run(const char* sql);

  sqlite3* db_ = nullptr;
  int busy_timeout_ms_ = 0;
  std::map<const char*, std::unique_ptr<Cursor>> cache_;
};

}  // namespace motcua::store::internal
