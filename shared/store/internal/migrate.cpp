// MigrateSchema (sql.h): the transaction around each engine's migrations, written once.
#include "store/internal/schema_version.h"
#include "store/internal/sql.h"

namespace motcua::store::internal {

Status MigrateSchema(Connection& db, const std::function<Status(int from)>& after) {
  MOTCUA_TRY(db.BeginWrite());
  Status done = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(int current, db.LockedSchemaVersion());
    if (current > kSchemaVersion) return SchemaTooNew(current);
    if (current < kSchemaVersion) MOTCUA_TRY(db.UpgradeSchema(current));
    MOTCUA_TRY(after(current));
    return db.Commit();
  }();
  if (!done) db.Rollback();
  return done;
}

}  // namespace motcua::store::internal
