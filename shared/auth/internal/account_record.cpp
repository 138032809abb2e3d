#include "auth/internal/account_record.h"

#include <exception>

namespace motcua::auth::internal {
namespace {

using nlohmann::json;

json OptionalInstant(const std::optional<Instant>& t) {
  return t ? json(FormatInstantUtc(*t)) : json(nullptr);
}

Result<std::optional<Instant>> ReadOptionalInstant(const json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::optional<Instant>();
  if (!body[key].is_string()) return Corrupt("user", "bad_record", std::string(key) + " is not a string");
  MOTCUA_ASSIGN_OR_RETURN(Instant t, ParseInstantUtc(body[key].get<std::string>(), key));
  return std::optional<Instant>(t);
}

}  // namespace

store::Record ToRecord(const Account& a, Instant now) {
  json body = {{"user_name", a.user_name},
               {"display_name", a.display_name},
               {"role", roles::RoleKey(a.role)},
               {"unit", a.unit},
               {"is_disabled", a.is_disabled},
               {"password_hash", a.password_hash},
               {"failed_attempts", a.failed_attempts},
               {"locked_until", OptionalInstant(a.locked_until)},
               {"created_at", FormatInstantUtc(a.created_at)},
               {"changed_at", FormatInstantUtc(a.changed_at)},
               {"last_login_at", OptionalInstant(a.last_login_at)}};
  return store::Record{kUserRecordKind, a.user_name, a.is_disabled ? "disabled" : "active", now, body.dump(),
                       a.version};
}

Result<Account> FromRecord(const store::Record& record) {
  const json body = json::parse(record.body_json, nullptr, false);
  auto bad = [&](const std::string& what) {
    return Corrupt("user", "bad_record", "the account record \"" + record.key + "\" is damaged: " + what);
  };
  if (body.is_discarded() || !body.is_object()) return bad("not a JSON object");
  Account a;
  try {
    a.user_name = body.at("user_name").get<std::string>();
    a.display_name = body.at("display_name").get<std::string>();
    auto role = roles::ParseRole(body.at("role").get<std::string>());
    if (!role) return bad("unknown role");
    a.role = *role;
    a.unit = body.value("unit", std::string());
    a.is_disabled = body.at("is_disabled").get<bool>();
    a.password_hash = body.at("password_hash").get<std::string>();
    a.failed_attempts = body.value("failed_attempts", 0);
  } catch (const std::exception& e) {
    return bad(e.what());
  }
  if (a.user_name != record.key) return bad("user_name differs from the key");
  auto locked = ReadOptionalInstant(body, "locked_until");
  auto last = ReadOptionalInstant(body, "last_login_at");
  auto created = ReadOptionalInstant(body, "created_at");
  auto changed = ReadOptionalInstant(body, "changed_at");
  if (!locked || !last || !created || !changed || !*created || !*changed) return bad("a bad instant");
  a.locked_until = *locked;
  a.last_login_at = *last;
  a.created_at = **created;
  a.changed_at = **changed;
  a.version = record.version;
  return a;
}

namespace {
Result<AdminIndex> ParseIndex(const std::optional<store::Record>& record) {
  AdminIndex index;
  if (!record) return index;
  index.exists = true;
  index.version = record->version;
  const json body = json::parse(record->body_json, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("enabled") || !body["enabled"].is_array())
    return Corrupt("user", "bad_record", "the administrators' index is damaged");
  for (const json& name : body["enabled"]) {
    if (!name.is_string()) return Corrupt("user", "bad_record", "the administrators' index is damaged");
    index.enabled.insert(name.get<std::string>());
  }
  return index;
}
}  // namespace

Result<AdminIndex> ReadAdminIndex(store::WriteTx& tx) {
  MOTCUA_ASSIGN_OR_RETURN(auto record, tx.GetRecord(kIndexKind, kAdminsKey));
  return ParseIndex(record);
}

Result<AdminIndex> ReadAdminIndex(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(auto record, store.GetRecord(kIndexKind, kAdminsKey));
  return ParseIndex(record);
}

Status WriteAdminIndex(store::WriteTx& tx, const AdminIndex& index, Instant now) {
  json body = {{"enabled", json::array()}};
  for (const std::string& name : index.enabled) body["enabled"].push_back(name);
  return tx.PutRecord({kIndexKind, kAdminsKey, "", now, body.dump(), index.version});
}

Status Journal(store::WriteTx& tx, const std::string& type, std::string_view actor, std::string_view station,
               Instant now, const nlohmann::json& payload) {
  auto e = tx.AppendEvent({type, "", std::string(actor), std::string(station), now, payload.dump()});
  if (!e) return e.error();
  return Ok();
}

std::string LocalSecondText(Instant at) {
  const auto seconds = ToUnixSeconds(at) % 60;
  std::string s = FormatLocalMinute(ToLocalVn(at));
  s += ':';
  s += static_cast<char>('0' + seconds / 10);
  s += static_cast<char>('0' + seconds % 10);
  return s;
}

}  // namespace motcua::auth::internal
