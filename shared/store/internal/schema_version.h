// The schema version both backends migrate to, a store detail (callers see only "schema_too_new").
#pragma once

#include <string>

#include "common/result.h"

namespace motcua::store::internal {

inline constexpr int kSchemaVersion = 5;

// One numbered step of an engine's schema: the SQL that brings version - 1 to `version`.
struct Migration {
  int version;
  const char* sql;
};

inline Error SchemaTooNew(int found) {
  return Invalid("database", "schema_too_new",
                 "the database has schema version " + std::to_string(found) + "; this motcua knows up to " +
                     std::to_string(kSchemaVersion) + ": install a newer motcua on this station");
}

}  // namespace motcua::store::internal
