// Seals (journal.h (4)): the digest of a stored row and of the rows that belong to it, on either engine.
// A digest covers every non-NULL column by name, type and value, so a column added later as NULL leaves
// old digests valid while any edit of a value changes them. Both engines give the same digest for the same
// rows (integers as integers, text as text), so seals survive a move from one engine to the other.
//
// Entities: "dossier:<code>" (the dossiers row with its components, component files, result documents,
// fees, steps, supplements and the attachments its files name), "record:<kind>/<key>", "setting:<key>",
// "procedure:<code>". Records of a kind beginning with kScratchKindPrefix (store.h) are never sealed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "store/internal/sql.h"

namespace motcua::store::internal {

std::string DossierEntity(std::string_view code);
std::string RecordEntity(std::string_view kind, std::string_view key);
std::string SettingEntity(std::string_view key);
std::string ProcedureEntity(std::string_view code);

// The entity's digest (lower-case hex SHA-256), or nullopt when its row does not exist.
// Errors: the database's; kCorrupt/"bad_entity" for a name of none of the four shapes.
Result<std::optional<std::string>> DigestEntity(Connection& db, std::string_view entity);

// Every sealable entity stored now (dossiers, non-scratch records, settings, procedures).
Result<std::vector<std::string>> ListEntities(Connection& db);

}  // namespace motcua::store::internal
