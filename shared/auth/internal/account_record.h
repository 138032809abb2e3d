// An Account as a store Record (kind "user") and the administrators' index (kind "auth", key "admins"),
// plus the journal helper the operations share.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "auth/accounts.h"

namespace motcua::auth::internal {

inline constexpr const char* kIndexKind = "auth";
inline constexpr const char* kAdminsKey = "admins";

// status "active" / "disabled"; updated_at = `now`; body without `version` (the record carries it).
store::Record ToRecord(const Account& account, Instant now);
// Errors: kCorrupt/"bad_record" on "user" for a body that is not a valid account.
Result<Account> FromRecord(const store::Record& record);

// The enabled administrators, and the index record's version (0 when it does not exist yet).
struct AdminIndex {
  std::set<std::string> enabled;
  std::int64_t version = 0;
  bool exists = false;
};
Result<AdminIndex> ReadAdminIndex(store::WriteTx& tx);
Result<AdminIndex> ReadAdminIndex(store::Store& store);
Status WriteAdminIndex(store::WriteTx& tx, const AdminIndex& index, Instant now);

// Appends one "user.*" event (dossier code ""). `payload` must hold no secret.
Status Journal(store::WriteTx& tx, const std::string& type, std::string_view actor, std::string_view station,
               Instant now, const nlohmann::json& payload);

// "YYYY-MM-DD HH:MM:SS" in Vietnam time, for messages.
std::string LocalSecondText(Instant at);

}  // namespace motcua::auth::internal
