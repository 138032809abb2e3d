// A fresh database for one test on either engine, so a test of the store or of anything above it runs
// on SQLite and on PostgreSQL alike (issue 15). SQLite: a file in the test's directory. PostgreSQL: a
// schema of its own in one database of the test process's throwaway server (PgServer::Shared()), reached
// with search_path set to it, so tests neither see nor wait for each other and nothing needs cleaning.
//
// The engine of the fixtures (MakeTestDesk, OpenTestStore) is SQLite unless the environment says
// MOTCUA_TEST_BACKEND=postgres: CTest runs the suites of the core a second time that way (tests/CMakeLists
// motcua_test(... BOTH_BACKENDS)).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace motcua::testing {

class PgServer;

enum class Backend { kSqlite, kPostgres };
const char* BackendName(Backend b);  // "sqlite", "postgres": for parameterized test names
// MOTCUA_TEST_BACKEND from the environment (default SQLite).
Backend BackendFromEnvironment();

class TestDatabase {
 public:
  // A new empty database of `backend`; SQLite's file and every engine's chain key and anchor in `dir`.
  static Result<TestDatabase> Create(Backend backend, const std::filesystem::path& dir);

  Backend backend() const { return backend_; }
  // What store::Open takes: the file path, or the connection string with the schema's search_path.
  const std::string& location() const { return location_; }
  const std::filesystem::path& files_dir() const { return files_dir_; }
  // The schema of a PostgreSQL database ("" for SQLite).
  const std::string& schema() const { return schema_; }

  // The role every station of a center connects as (installer/center), made once on `server` (default the
  // process's shared test server): a schema migrated after it exists grants it a station's rights.
  static Status EnsureStationRole(const PgServer* server = nullptr);

  // store::Open on this database, with its files in files_dir().
  Result<std::unique_ptr<store::Store>> Open(store::OpenOptions options = {}) const;

  // Runs SQL outside the store as the database's owner (a test tampering with rows): SQLite's dialect or
  // PostgreSQL's, as the test writes it for the engine. Returns the last statement's rows.
  using Rows = std::vector<std::vector<std::string>>;
  Result<Rows> Sql(const std::string& sql) const;
  Status Exec(const std::string& sql) const;
  // PostgreSQL: the connection string of this schema for another role (tests of privileges), and SQL run
  // as that role.
  std::string LocationAs(const std::string& user) const;
  Result<Rows> SqlAs(const std::string& user, const std::string& sql) const;

  // The chain key and anchor files store::Open uses for this database.
  std::filesystem::path chain_key_path() const;
  std::filesystem::path anchor_path() const;

 private:
  Backend backend_ = Backend::kSqlite;
  std::string location_;
  std::filesystem::path files_dir_;
  std::string database_;  // PostgreSQL: the database holding the schema
  std::string schema_;
};

}  // namespace motcua::testing
