#include "auth/accounts.h"

#include <algorithm>
#include <limits>
#include <type_traits>

#include <sodium.h>
#include <nlohmann/json.hpp>

#include "auth/internal/account_record.h"
#include "auth/internal/password_hash.h"
#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::auth {

static_assert(kArgon2OpsInteractive == crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);
static_assert(kArgon2MemInteractiveBytes == crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);
static_assert(kArgon2OpsMin == crypto_pwhash_argon2id_OPSLIMIT_MIN);
static_assert(kArgon2MemMinBytes == crypto_pwhash_argon2id_MEMLIMIT_MIN);

namespace {

using internal::AdminIndex;
using internal::FromRecord;
using internal::Journal;
using internal::ToRecord;
using nlohmann::json;
using roles::Permission;

constexpr int kMaxUserName = 32;
constexpr int kMinUserName = 3;
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr int kMaxDisplayName = 100;
constexpr int kMaxUnit = 200;

std::string FoldUserName(std::string_view name) {
  std::string out(Trim(name));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

internal::HashCost CostOf(const AuthSettings& s) { return {s.argon2_opslimit, s.argon2_memlimit_bytes}; }

Result<std::string> CleanText(std::string_view text, const char* field, int max_chars, bool required) {
  std::string_view t = Trim(text);
  if (required && t.empty()) return Invalid(field, "required", std::string(field) + " is required");
  if (!IsValidUtf8(t)) return Invalid(field, "bad_utf8", std::string(field) + " is not valid UTF-8");
  std::string nfc = NormalizeNfc(t);
  MOTCUA_TRY(CheckTextLine(nfc, field, max_chars));  // caps and control characters (common/text.h)
  return nfc;
}

Error NoSuchUser(std::string_view name) {
  return NotFound("user_name", "no_such_user", "no account \"" + std::string(name) + "\"");
}

// The acting account as stored must exist, be enabled and hold `p` (see accounts.h).
Status CheckStoredActor(const std::optional<store::Record>& record, const roles::Actor& actor, Permission p) {
  if (!record) return NotFound("actor", "no_such_user", "the acting user \"" + actor.user + "\" has no account");
  MOTCUA_ASSIGN_OR_RETURN(Account acting, FromRecord(*record));
  if (acting.is_disabled)
    return Conflict("actor", "account_disabled", "the acting account \"" + actor.user + "\" is disabled");
  return roles::Require({acting.user_name, acting.role, actor.station}, p);
}

Status RequireManagerInTx(store::WriteTx& tx, const roles::Actor& actor) {
  MOTCUA_ASSIGN_OR_RETURN(auto record, tx.GetRecord(kUserRecordKind, actor.user));
  return CheckStoredActor(record, actor, Permission::kManageUsers);
}

Status RequireManager(store::Store& store, const roles::Actor& actor) {
  MOTCUA_TRY(roles::Require(actor, Permission::kManageUsers));
  MOTCUA_ASSIGN_OR_RETURN(auto record, store.GetRecord(kUserRecordKind, actor.user));
  return CheckStoredActor(record, actor, Permission::kManageUsers);
}

Result<Account> LoadInTx(store::WriteTx& tx, std::string_view user_name) {
  MOTCUA_ASSIGN_OR_RETURN(auto record, tx.GetRecord(kUserRecordKind, user_name));
  if (!record) return NoSuchUser(user_name);
  return FromRecord(*record);
}

// Checks and cleans a new account and hashes its password (before any transaction: argon2id is slow
// on purpose and must not hold the database's write lock).
Result<Account> Prepare(const NewUser& user, std::string_view password, Instant now, const AuthSettings& settings) {
  MOTCUA_TRY(ValidateAuthSettings(settings));
  Account a;
  a.user_name = FoldUserName(user.user_name);
  MOTCUA_TRY(ValidateUserName(a.user_name));
  MOTCUA_ASSIGN_OR_RETURN(a.display_name, CleanText(user.display_name, "display_name", kMaxDisplayName, true));
  MOTCUA_ASSIGN_OR_RETURN(a.unit, CleanText(user.unit, "unit", kMaxUnit, false));
  MOTCUA_TRY(ValidatePassword(password, a.user_name, settings));
  a.role = user.role;
  internal::Secret normalized = internal::NormalizePassword(password);
  MOTCUA_ASSIGN_OR_RETURN(a.password_hash, internal::HashPassword(normalized.view(), CostOf(settings)));
  a.created_at = now;
  a.changed_at = now;
  return a;
}

json AddedPayload(const Account& a, bool bootstrap) {
  return {{"user_name", a.user_name},
          {"display_name", a.display_name},
          {"role", roles::RoleKey(a.role)},
          {"unit", a.unit},
          {"bootstrap", bootstrap}};
}

// Stores a new account (and the index when it is an administrator) with its "user.added" event.
Status InsertAccount(store::WriteTx& tx, Account& a, AdminIndex index, std::string_view actor,
                     std::string_view station, Instant now, bool bootstrap) {
  MOTCUA_ASSIGN_OR_RETURN(auto existing, tx.GetRecord(kUserRecordKind, a.user_name));
  if (existing)
    return Conflict("user_name", "user_exists", "an account \"" + a.user_name + "\" already exists");
  a.version = 0;
  MOTCUA_TRY(tx.PutRecord(ToRecord(a, now)));
  a.version = 1;
  if (a.role == roles::Role::kAdmin) {
    index.enabled.insert(a.user_name);
    MOTCUA_TRY(WriteAdminIndex(tx, index, now));
  }
  return Journal(tx, "user.added", actor, station, now, AddedPayload(a, bootstrap));
}

// A stored whole number; a '-' is read (the caller clamps, and ValidateAuthSettings refuses it by name).
Result<long long> ParseSettingNumber(const std::string& key, const std::string& text) {
  const std::optional<long long> v = ParseDigits<long long>(text, {.allow_minus = true});
  if (!v) return Corrupt(key, "bad_setting", "setting " + key + " is not a number: \"" + text + "\"");
  return *v;
}

}  // namespace

bool IsLocked(const Account& account, Instant now) { return account.locked_until && now < *account.locked_until; }

Status ValidateAuthSettings(const AuthSettings& s) {
  auto range = [](int v, int lo, int hi, const char* field) -> Status {
    if (v < lo || v > hi)
      return Invalid(field, "out_of_range",
                     std::string(field) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return Ok();
  };
  MOTCUA_TRY(range(s.min_password_length, 1, 128, "min_password_length"));
  MOTCUA_TRY(range(s.max_failed_attempts, 1, 100, "max_failed_attempts"));
  MOTCUA_TRY(range(s.lockout_minutes, 1, 1440, "lockout_minutes"));
  MOTCUA_TRY(range(s.idle_lock_minutes, 1, 1440, "idle_lock_minutes"));
  return internal::ValidateHashCost(CostOf(s));
}

Result<AuthSettings> LoadAuthSettings(store::Store& store, AuthSettings defaults) {
  AuthSettings s = std::move(defaults);
  // Reads auth.<name> into `field` when present; values out of any sane range fail ValidateAuthSettings.
  auto read = [&](const char* name, auto& field) -> Status {
    const std::string key = std::string("auth.") + name;
    MOTCUA_ASSIGN_OR_RETURN(auto text, store.GetSetting(key));
    if (!text) return Ok();
    MOTCUA_ASSIGN_OR_RETURN(long long v, ParseSettingNumber(key, *text));
    using Field = std::remove_reference_t<decltype(field)>;
    // Clamped into the field's type so that nothing wraps; ValidateAuthSettings then refuses the extremes.
    const long long lo = std::is_signed_v<Field> ? -1 : 0;
    const long long hi = std::is_signed_v<Field> ? std::numeric_limits<int>::max() : std::numeric_limits<long long>::max();
    field = static_cast<Field>(std::clamp<long long>(v, lo, hi));
    return Ok();
  };
  MOTCUA_TRY(read("min_password_length", s.min_password_length));
  MOTCUA_TRY(read("max_failed_attempts", s.max_failed_attempts));
  MOTCUA_TRY(read("lockout_minutes", s.lockout_minutes));
  MOTCUA_TRY(read("idle_lock_minutes", s.idle_lock_minutes));
  MOTCUA_TRY(read("argon2_opslimit", s.argon2_opslimit));
  MOTCUA_TRY(read("argon2_memlimit_bytes", s.argon2_memlimit_bytes));
  MOTCUA_TRY(ValidateAuthSettings(s));
  return s;
}

Result<AuthSettings> SavePolicy(store::Store& store, const roles::Actor& actor, const AuthSettings& policy,
                                Instant now) {
  MOTCUA_TRY(roles::Require(actor, Permission::kManageUsers));
  MOTCUA_TRY(ValidateAuthSettings(policy));
  const std::pair<const char*, long long> values[] = {
      {"min_password_length", policy.min_password_length},
      {"max_failed_attempts", policy.max_failed_attempts},
      {"lockout_minutes", policy.lockout_minutes},
      {"idle_lock_minutes", policy.idle_lock_minutes},
      {"argon2_opslimit", static_cast<long long>(policy.argon2_opslimit)},
      {"argon2_memlimit_bytes", static_cast<long long>(policy.argon2_memlimit_bytes)},
  };
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(RequireManagerInTx(tx, actor));
    json payload = json::object();
    for (const auto& [name, value] : values) {
      MOTCUA_TRY(tx.PutSetting(std::string("auth.") + name, std::to_string(value)));
      payload[name] = value;
    }
    return Journal(tx, "auth.policy_changed", actor.user, actor.station, now, payload);
  }));
  AuthSettings saved = policy;
  saved.station = actor.station;
  return saved;
}

Status ValidateUserName(std::string_view name) {
  if (name.empty()) return Invalid("user_name", "required", "the user name is required");
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'))
      return Invalid("user_name", "bad_character",
                     "a user name has only lower-case letters a-z, digits and dots (e.g. nguyen.van.an)");
  if (name.size() < static_cast<std::size_t>(kMinUserName))
    return Invalid("user_name", "too_short", "a user name has at least 3 characters");
  if (name.size() > static_cast<std::size_t>(kMaxUserName))
    return Invalid("user_name", "too_long", "a user name has at most 32 characters");
  if (name.front() == '.' || name.back() == '.' || name.find("..") != std::string_view::npos)
    return Invalid("user_name", "bad_dot", "a user name neither starts nor ends with a dot, nor has two in a row");
  return Ok();
}

Status ValidatePassword(std::string_view password, std::string_view user_name, const AuthSettings& settings) {
  // Details never quote the password.
  if (password.empty()) return Invalid("password", "required", "the password is required");
  if (password.size() > kMaxPasswordBytes)
    return Invalid("password", "too_long", "a password has at most " + std::to_string(kMaxPasswordBytes) + " bytes");
  if (!IsValidUtf8(password)) return Invalid("password", "bad_utf8", "the password is not valid UTF-8");
  internal::Secret normalized = internal::NormalizePassword(password);
  if (CountCodePoints(normalized.view()) < static_cast<std::size_t>(settings.min_password_length))
    return Invalid("password", "too_short",
                   "a password has at least " + std::to_string(settings.min_password_length) + " characters");
  if (FoldUserName(normalized.view()) == FoldUserName(user_name) && !user_name.empty())
    return Invalid("password", "same_as_user_name", "the password may not be the user name");
  return Ok();
}

Result<bool> NeedsBootstrap(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(AdminIndex index, internal::ReadAdminIndex(store));
  return !index.exists;
}

Result<Account> BootstrapAdmin(store::Store& store, const NewUser& user, std::string_view password, Instant now,
                               const AuthSettings& settings) {
  if (user.role != roles::Role::kAdmin)
    return Invalid("role", "first_user_must_be_admin", "the first account must be an administrator (--role admin)");
  MOTCUA_ASSIGN_OR_RETURN(Account a, Prepare(user, password, now, settings));
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(AdminIndex index, internal::ReadAdminIndex(tx));
    if (index.exists)
      return Conflict("actor", "admin_exists",
                      "an administrator exists already; an administrator must add accounts (--as ADMIN)");
    return InsertAccount(tx, a, index, a.user_name, settings.station, now, true);
  }));
  return a;
}

Result<Account> AddUser(store::Store& store, const roles::Actor& actor, const NewUser& user,
                        std::string_view password, Instant now, const AuthSettings& settings) {
  MOTCUA_TRY(roles::Require(actor, Permission::kManageUsers));
  MOTCUA_ASSIGN_OR_RETURN(Account a, Prepare(user, password, now, settings));
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(RequireManagerInTx(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(AdminIndex index, internal::ReadAdminIndex(tx));
    return InsertAccount(tx, a, index, actor.user, actor.station, now, false);
  }));
  return a;
}

Result<Account> DisableUser(store::Store& store, const roles::Actor& actor, std::string_view user_name,
                            Instant now) {
  MOTCUA_TRY(roles::Require(actor, Permission::kManageUsers));
  const std::string name = FoldUserName(user_name);
  Account result;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(RequireManagerInTx(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(Account a, LoadInTx(tx, name));
    if (a.is_disabled) return Conflict("user_name", "already_disabled", "\"" + name + "\" is disabled already");
    if (a.role == roles::Role::kAdmin) {
      MOTCUA_ASSIGN_OR_RETURN(AdminIndex index, internal::ReadAdminIndex(tx));
      index.enabled.erase(name);
      if (index.enabled.empty())
        return Conflict("user_name", "last_admin",
                        "\"" + name + "\" is the last enabled administrator; add another administrator first");
      MOTCUA_TRY(WriteAdminIndex(tx, index, now));
    }
    a.is_disabled = true;
    a.changed_at = now;
    MOTCUA_TRY(tx.PutRecord(ToRecord(a, now)));
    a.version += 1;
    MOTCUA_TRY(Journal(tx, "user.disabled", actor.user, actor.station, now, {{"user_name", name}}));
    result = std::move(a);
    return Ok();
  }));
  return result;
}

Result<Account> EnableUser(store::Store& store, const roles::Actor& actor, std::string_view user_name,
                           Instant now) {
  MOTCUA_TRY(roles::Require(actor, Permission::kManageUsers));
  const std::string name = FoldUserName(user_name);
  Account result;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(RequireManagerInTx(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(Account a, LoadInTx(tx, name));
    const bool was_disabled = a.is_disabled;
    const bool was_locked = IsLocked(a, now);
    if (!was_disabled && !was_locked)
      return Conflict("user_name", "already_enabled", "\"" + name + "\" is neither disabled nor locked");
    if (was_disabled && a.role == roles::Role::kAdmin) {
      MOTCUA_ASSIGN_OR_RETURN(AdminIndex index, internal::ReadAdminIndex(tx));
      index.enabled.insert(name);
      MOTCUA_TRY(WriteAdminIndex(tx, index, now));
    }
    a.is_disabled = false;
    a.failed_attempts = 0;
    a.locked_until.reset();
    a.changed_at = now;
    MOTCUA_TRY(tx.PutRecord(ToRecord(a, now)));
    a.version += 1;
    MOTCUA_TRY(Journal(tx, "user.enabled", actor.user, actor.station, now,
                       {{"user_name", name}, {"was_disabled", was_disabled}, {"was_locked", was_locked}}));
    result = std::move(a);
    return Ok();
  }));
  return result;
}

Result<Account> SetPassword(store::Store& store, const roles::Actor& actor, std::string_view user_name,
                            std::string_view new_password, Instant now, const AuthSettings& settings) {
  const std::string name = FoldUserName(user_name);
  const bool by_self = actor.user == name;
  if (!by_self) MOTCUA_TRY(roles::Require(actor, Permission::kManageUsers));
  MOTCUA_TRY(ValidateAuthSettings(settings));
  MOTCUA_TRY(ValidateUserName(name));
  MOTCUA_ASSIGN_OR_RETURN(auto existing, store.GetRecord(kUserRecordKind, name));
  if (!existing) return NoSuchUser(name);
  MOTCUA_TRY(ValidatePassword(new_password, name, settings));
  internal::Secret normalized = internal::NormalizePassword(new_password);
  MOTCUA_ASSIGN_OR_RETURN(std::string hash, internal::HashPassword(normalized.view(), CostOf(settings)));
  Account result;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    if (!by_self) MOTCUA_TRY(RequireManagerInTx(tx, actor));
    MOTCUA_ASSIGN_OR_RETURN(Account a, LoadInTx(tx, name));
    if (by_self && a.is_disabled)
      return Conflict("user_name", "account_disabled", "the account \"" + name + "\" is disabled");
    a.password_hash = hash;
    a.failed_attempts = 0;
    a.locked_until.reset();
    a.changed_at = now;
    MOTCUA_TRY(tx.PutRecord(ToRecord(a, now)));
    a.version += 1;
    MOTCUA_TRY(Journal(tx, "user.password_changed", actor.user, actor.station, now,
                       {{"user_name", name}, {"by_self", by_self}}));
    result = std::move(a);
    return Ok();
  }));
  return result;
}

Result<std::vector<Account>> ListUsers(store::Store& store, const roles::Actor& actor) {
  MOTCUA_TRY(RequireManager(store, actor));
  MOTCUA_ASSIGN_OR_RETURN(auto records, store.ListRecords({.kind = kUserRecordKind, .limit = 1'000'000}));
  std::vector<Account> out;
  out.reserve(records.size());
  for (const store::Record& r : records) {
    MOTCUA_ASSIGN_OR_RETURN(Account a, FromRecord(r));
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const Account& x, const Account& y) { return x.user_name < y.user_name; });
  return out;
}

Result<Account> GetUser(store::Store& store, const roles::Actor& actor, std::string_view user_name) {
  const std::string name = FoldUserName(user_name);
  if (actor.user != name) MOTCUA_TRY(RequireManager(store, actor));
  MOTCUA_ASSIGN_OR_RETURN(auto record, store.GetRecord(kUserRecordKind, name));
  if (!record) return NoSuchUser(name);
  return FromRecord(*record);
}

Result<std::string> HashSecret(std::string_view secret) {
  return internal::HashPassword(internal::NormalizePassword(secret).view(),
                                {kArgon2OpsInteractive, kArgon2MemInteractiveBytes});
}

bool VerifySecret(std::string_view hash, std::string_view secret) {
  return !hash.empty() && internal::VerifyPassword(hash, internal::NormalizePassword(secret).view());
}

}  // namespace motcua::auth
