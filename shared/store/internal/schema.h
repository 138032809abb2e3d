// Schema migrations for the SQLite backend, keyed by PRAGMA user_version (stack.md §11).
#pragma once

#include "store/internal/sqlite_db.h"

namespace motcua::store::internal {

// Brings the database to kSchemaVersion in one transaction. Errors: kInvalid/"schema_too_new" if the
// file was written by a newer motcua.
Status Migrate(Connection& db);

}  // namespace motcua::store::internal
