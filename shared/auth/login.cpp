#include "auth/login.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "auth/internal/account_record.h"
#include "auth/internal/password_hash.h"
#include "common/text.h"

namespace motcua::auth {
namespace {

using internal::FromRecord;
using internal::Journal;
using internal::ToRecord;
using nlohmann::json;

enum class Purpose { kLogin, kUnlock };

const char* ContextKey(Purpose p) { return p == Purpose::kLogin ? "login" : "unlock"; }

// One error for an unknown name and a wrong password, word for word (login.h rule 2).
Error BadCredentials() {
  return Invalid("", "bad_credentials", "the user name or the password is wrong");
}

Error Locked(const Account& a) {
  return Conflict("user_name", "account_locked",
                  "the account is locked after repeated failed log-ins until " +
                      internal::LocalSecondText(*a.locked_until) + " (Vietnam time)");
}

Error Disabled() {
  return Conflict("user_name", "account_disabled", "the account is disabled; ask an administrator");
}

std::string FoldName(std::string_view name) {
  std::string out(Trim(name));
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Journals one refused attempt in its own transaction and returns `error` for the caller.
Result<Account> Refuse(store::Store& store, std::string_view actor, std::string_view station, Instant now,
                       json payload, Error error) {
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    return Journal(tx, "user.login_failed", actor, station, now, payload);
  }));
  return error;
}

// A wrong password: counts it (and maybe locks) in one read-modify-write transaction, so that two
// stations failing at the same moment both count.
Result<Account> CountFailure(store::Store& store, const std::string& name, Instant now, const AuthSettings& s,
                             Purpose purpose) {
  std::optional<Error> outcome;
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto record, tx.GetRecord(kUserRecordKind, name));
    if (!record) return Corrupt("user", "bad_record", "an account vanished during a log-in");
    MOTCUA_ASSIGN_OR_RETURN(Account a, FromRecord(*record));
    json payload = {{"user_name", name}, {"context", ContextKey(purpose)}};
    if (IsLocked(a, now)) {  // another station locked it meanwhile: a refused attempt, not counted
      payload["reason"] = "account_locked";
      outcome = Locked(a);
      return Journal(tx, "user.login_failed", name, s.station, now, payload);
    }
    a.failed_attempts += 1;
    payload["failed_attempts"] = a.failed_attempts;
    std::string type = "user.login_failed";
    if (a.failed_attempts >= s.max_failed_attempts) {
      a.locked_until = now + std::chrono::minutes(s.lockout_minutes);
      a.failed_attempts = 0;
      payload["locked_until"] = FormatInstantUtc(*a.locked_until);
      type = "user.locked";
      outcome = Locked(a);
    } else {
      payload["reason"] = "bad_password";
      outcome = BadCredentials();
    }
    MOTCUA_TRY(tx.PutRecord(ToRecord(a, now)));
    return Journal(tx, type, name, s.station, now, payload);
  }));
  return *outcome;
}

Result<Account> Attempt(store::Store& store, std::string_view user_name, std::string_view password, Instant now,
                        const AuthSettings& s, Purpose purpose) {
  const std::string name = FoldName(user_name);
  if (name.empty()) return Invalid("user_name", "required", "the user name is required");
  if (password.empty()) return Invalid("password", "required", "the password is required");
  MOTCUA_TRY(ValidateAuthSettings(s));
  const internal::HashCost cost{s.argon2_opslimit, s.argon2_memlimit_bytes};
  internal::Secret typed = internal::NormalizePassword(password);

  // A concurrent password change between reading the hash and writing the success is rare; start over.
  for (int round = 0; round < 3; ++round) {
    std::optional<store::Record> record;
    if (ValidateUserName(name)) {
      MOTCUA_ASSIGN_OR_RETURN(record, store.GetRecord(kUserRecordKind, name));
    }
    if (!record) {
      // Spend what a verification would, and record nothing of the typed name (login.h rule 2).
      (void)internal::HashPassword(typed.view(), cost);
      return Refuse(store, "", s.station, now, {{"reason", "unknown_user"}, {"context", ContextKey(purpose)}},
                    BadCredentials());
    }
    MOTCUA_ASSIGN_OR_RETURN(Account a, FromRecord(*record));
    if (IsLocked(a, now))
      return Refuse(store, name, s.station, now,
                    {{"user_name", name}, {"reason", "account_locked"}, {"context", ContextKey(purpose)}}, Locked(a));
    if (!internal::VerifyPassword(a.password_hash, typed.view())) return CountFailure(store, name, now, s, purpose);
    if (a.is_disabled)
      return Refuse(store, name, s.station, now,
                    {{"user_name", name}, {"reason", "account_disabled"}, {"context", ContextKey(purpose)}},
                    Disabled());

    std::optional<std::string> rehashed;
    if (internal::NeedsRehash(a.password_hash, cost)) {
      MOTCUA_ASSIGN_OR_RETURN(rehashed, internal::HashPassword(typed.view(), cost));
    }
    const std::string verified_hash = a.password_hash;
    std::optional<Error> outcome;
    bool changed_meanwhile = false;
    Account result;
    MOTCUA_TRY(store.Write([&](store::WriteTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(auto fresh, tx.GetRecord(kUserRecordKind, name));
      if (!fresh) return Corrupt("user", "bad_record", "an account vanished during a log-in");
      MOTCUA_ASSIGN_OR_RETURN(Account b, FromRecord(*fresh));
      if (b.password_hash != verified_hash) {
        changed_meanwhile = true;
        return Ok();  // nothing written; the next round reads the new hash
      }
      json payload = {{"user_name", name}, {"context", ContextKey(purpose)}};
      if (IsLocked(b, now) || b.is_disabled) {  // locked or disabled at another station meanwhile
        payload["reason"] = b.is_disabled ? "account_disabled" : "account_locked";
        outcome = b.is_disabled ? Disabled() : Locked(b);
        return Journal(tx, "user.login_failed", name, s.station, now, payload);
      }
      b.failed_attempts = 0;
      b.locked_until.reset();
      b.last_login_at = now;
      if (rehashed) b.password_hash = *rehashed;
      payload["rehashed"] = rehashed.has_value();
      MOTCUA_TRY(tx.PutRecord(ToRecord(b, now)));
      b.version += 1;
      MOTCUA_TRY(Journal(tx, purpose == Purpose::kLogin ? "user.logged_in" : "user.reauthenticated", name,
                         s.station, now, payload));
      result = std::move(b);
      return Ok();
    }));
    if (changed_meanwhile) continue;
    if (outcome) return *outcome;
    return result;
  }
  return Unavailable("user_name", "concurrent_change", "the account kept changing during the log-in; try again");
}

}  // namespace

Result<Account> Login(store::Store& store, std::string_view user_name, std::string_view password, Instant now,
                      const AuthSettings& settings) {
  return Attempt(store, user_name, password, now, settings, Purpose::kLogin);
}

Result<Account> Reauthenticate(store::Store& store, std::string_view user_name, std::string_view password,
                               Instant now, const AuthSettings& settings) {
  return Attempt(store, user_name, password, now, settings, Purpose::kUnlock);
}

Result<std::optional<Instant>> LockedUntil(store::Store& store, std::string_view user_name, Instant now) {
  const std::string name = FoldName(user_name);
  if (!ValidateUserName(name)) return std::optional<Instant>();
  MOTCUA_ASSIGN_OR_RETURN(auto record, store.GetRecord(kUserRecordKind, name));
  if (!record) return std::optional<Instant>();
  MOTCUA_ASSIGN_OR_RETURN(Account a, FromRecord(*record));
  if (!IsLocked(a, now)) return std::optional<Instant>();
  return a.locked_until;
}

}  // namespace motcua::auth
