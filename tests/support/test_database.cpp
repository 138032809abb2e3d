#include "support/test_database.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <optional>

#include "support/pg_server.h"

namespace motcua::testing {
namespace {

namespace fs = std::filesystem;

// The one database of this process on the shared server; its schemas are the tests' databases.
Result<std::string> ProcessDatabase() {
  static std::mutex mu;
  static std::optional<Result<std::string>> name;
  std::lock_guard lock(mu);
  if (!name) {
    PgServer& server = PgServer::Shared();
    auto conninfo = server.CreateDatabase();
    if (!conninfo) {
      name = conninfo.error();
    } else {
      const std::string key = "dbname=";
      name = conninfo->substr(conninfo->rfind(key) + key.size());
    }
  }
  return *name;
}

int AppendRow(void* out, int columns, char** values, char**) {
  auto* rows = static_cast<TestDatabase::Rows*>(out);
  rows->emplace_back();
  for (int i = 0; i < columns; ++i) rows->back().push_back(values[i] ? values[i] : "");
  return 0;
}

}  // namespace

const char* BackendName(Backend b) { return b == Backend::kPostgres ? "postgres" : "sqlite"; }

Backend BackendFromEnvironment() {
  const char* v = std::getenv("MOTCUA_TEST_BACKEND");
  return v && std::string(v) == "postgres" ? Backend::kPostgres : Backend::kSqlite;
}

Result<TestDatabase> TestDatabase::Create(Backend backend, const fs::path& dir) {
  TestDatabase db;
  db.backend_ = backend;
  db.files_dir_ = dir;
  if (backend == Backend::kSqlite) {
    db.location_ = (dir / "t.db").string();
    return db;
  }
  MOTCUA_ASSIGN_OR_RETURN(db.database_, ProcessDatabase());
  static std::atomic<int> next{0};
  db.schema_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(++next);
  MOTCUA_TRY(PgServer::Shared().Exec(db.database_, "CREATE SCHEMA " + db.schema_));
  db.location_ = db.LocationAs("motcua");
  return db;
}

Status TestDatabase::EnsureStationRole(const PgServer* server) {
  return (server ? *server : PgServer::Shared()).Exec("postgres",
                                 "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'motcua_station') "
                                 "THEN CREATE ROLE motcua_station LOGIN; END IF; END $$");
}

std::string TestDatabase::LocationAs(const std::string& user) const {
  return PgServer::Shared().ConnInfo(database_, user) + " options='-c search_path=" + schema_ + "'";
}

Result<std::unique_ptr<store::Store>> TestDatabase::Open(store::OpenOptions options) const {
  options.files_dir = files_dir_.string();
  return store::Open(location_, options);
}

Result<TestDatabase::Rows> TestDatabase::Sql(const std::string& sql) const {
  if (backend_ == Backend::kPostgres)
    return PgServer::Shared().Query(database_, "SET search_path = " + schema_ + ";\n" + sql);
  sqlite3* db = nullptr;
  if (sqlite3_open(location_.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    return Unavailable("sql", "open_failed", "cannot open " + location_);
  }
  Rows rows;
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), AppendRow, &rows, &message);
  std::string why = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  if (rc != SQLITE_OK) return Invalid("sql", "refused", why);
  return rows;
}

Result<TestDatabase::Rows> TestDatabase::SqlAs(const std::string& user, const std::string& sql) const {
  PGconn* conn = PQconnectdb(LocationAs(user).c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn);
    PQfinish(conn);
    return Unavailable("sql", "connect_failed", why);
  }
  PGresult* res = PQexec(conn, sql.c_str());
  Rows rows;
  const ExecStatusType st = PQresultStatus(res);
  std::string why = PQresultErrorMessage(res);
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  const std::string rule = std::string("sqlstate_") + (state ? state : "");
  for (int r = 0; r < PQntuples(res); ++r) {
    rows.emplace_back();
    for (int c = 0; c < PQnfields(res); ++c) rows.back().push_back(PQgetvalue(res, r, c));
  }
  PQclear(res);
  PQfinish(conn);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return Invalid("sql", rule, why);
  return rows;
}

fs::path TestDatabase::chain_key_path() const {
  return backend_ == Backend::kSqlite ? fs::path(store::ChainKeyPath(location_)) : files_dir_ / "center.chain-key";
}
fs::path TestDatabase::anchor_path() const {
  return backend_ == Backend::kSqlite ? fs::path(store::AnchorPath(location_)) : files_dir_ / "center.anchor";
}

Status TestDatabase::Exec(const std::string& sql) const {
  MOTCUA_TRY(Sql(sql));
  return Ok();
}

}  // namespace motcua::testing
