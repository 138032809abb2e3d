// The PostgreSQL side of sql.h, over libpq (stack.md §19): statements prepared once per connection with
// PQprepare and run with PQexecPrepared, parameters only, sent as text and typed by the server from
// their use; SQLSTATEs turned into motcua Errors. A lost connection is re-established (with the same
// multi-host string, so a promoted standby is found) when the next transaction begins or the next
// statement outside a transaction is prepared; the call that found it lost fails with
// kUnavailable/"connection_lost" (Write retries it when COMMIT was not yet sent).
#pragma once

#include <libpq-fe.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "store/internal/sql.h"
#include "store/store.h"

namespace motcua::store::internal {

// Advisory lock keys ("motc" and a number): one for the journal's chain, one for migrations.
inline constexpr long long kChainLockKey = 0x6d6f746301LL;
inline constexpr long long kMigrationLockKey = 0x6d6f746302LL;

// The advisory lock keys of a store.h Lease named `name`: "motc" and the name's 32-bit FNV-1a hash.
inline constexpr int kLeaseLockClass = 0x6d6f7463;
int LeaseLockKey(std::string_view name);

// A store.h Lease on PostgreSQL: a connection of its own to `conninfo` holding the session advisory
// lock (kLeaseLockClass, LeaseLockKey(name)). Errors: kConflict/"lease_held";
// kUnavailable/"database_unavailable" (no connection), "database_error" (the server refused the lock
// function).
Result<std::unique_ptr<Lease>> TryPgLease(const std::string& conninfo, int connect_timeout_s, std::string_view name);

// Maps a failed result (or a failed connection when `res` is null) to an Error. 40001/40P01 →
// kUnavailable/"serialization_failure"|"deadlock"; a connection gone → kUnavailable/"connection_lost";
// 23xxx → kConflict/"constraint_failed"; 22021 → kInvalid/"not_utf8"; 42501 → kUnavailable/"permission_denied"; 53100 →
// kUnavailable/"disk_full"; 55P03 → kUnavailable/"lock_timeout"; else kUnavailable/"database_error".
Error PgError(PGconn* conn, const PGresult* res, std::string_view what);

// The SQL of sql.h (?1, ?2, ...) as PostgreSQL takes it ($1, $2, ...); `params` gets the highest number.
std::string ToPgParameters(std::string_view sql, int& params);

class PgConnection final : public Connection {
 public:
  PgConnection() = default;
  ~PgConnection() override;

  // `create_schema`: a new database gets its schema when this role owns it (else "schema_missing").
  Status Open(const std::string& conninfo, int connect_timeout_s, bool create_schema);

  Status Exec(std::string_view sql) override;
  Result<Statement> Prepare(const char* sql) override;
  Status BeginWrite() override;
  Status BeginSnapshot() override;
  Status Commit() override;
  void Rollback() override;
  bool IsTransient(const Error& e) const override;
  bool LocksRowsRead() const override { return true; }
  Status LockChainHead() override;
  Status AppendEventRow(const EventRow& e) override;
  bool ChainsAfterCommit() const override { return true; }
  Status SubmitEventRow(const EventRow& e) override;
  Status SealEventRows(const std::vector<std::pair<std::int64_t, EventRow>>& rows) override;
  Result<bool> TryLockChainHead() override;
  Result<bool> LockChainHeadWithin(std::chrono::milliseconds timeout) override;
  Result<int> LockedSchemaVersion() override;
  Status UpgradeSchema(int from) override;
  Status CheckIntegrity() override;

  PGconn* raw() const { return conn_; }

 private:
  Status Connect();
  // Before a transaction, or a statement run outside one: a connection found broken is made again (and
  // its statements forgotten).
  Status EnsureConnected();
  // Whether the role connected owns the database (and so may migrate it).
  Result<bool> OwnsDatabase();

  std::string conninfo_;
  int connect_timeout_s_ = 5;
  bool create_schema_ = true;
  PGconn* conn_ = nullptr;
  // Between BEGIN and COMMIT/ROLLBACK: a connection lost there is never replaced mid-transaction (the
  // statements after would run outside it), so the transaction fails and Write decides what to do.
  bool in_transaction_ = false;
  std::map<const char*, std::unique_ptr<Cursor>> cache_;
  int next_name_ = 0;
};

}  // namespace motcua::store::internal
