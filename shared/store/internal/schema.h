// Schema migrations for the SQLite backend, keyed by PRAGMA user_version (stack.md §11).
#pragma once

#include <functional>

#include "store/internal/sqlite_db.h"

namespace motcua::store::internal {

// Brings the database to kSchemaVersion in one write transaction, then runs `after` inside the same
// transaction with the version the file had (0 for a new file); an error from `after` rolls all back.
// Errors: kInvalid/"schema_too_new" if the file was written by a newer motcua.
Status Migrate(Connection& db, const std::function<Status(int from)>& after);

}  // namespace motcua::store::internal
