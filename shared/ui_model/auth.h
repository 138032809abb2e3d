// The sign-in contract between the apps and the core. The apps only call it when they apply a
// SubmitLogin or SubmitUnlock action; StoreAuthenticator is the real one, over the core's account
// module (auth/login.h: argon2id hashes, 5 failed attempts lock the account for 5 minutes, roles).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "auth/accounts.h"
#include "common/result.h"
#include "common/time.h"
#include "store/store.h"

namespace motcua::ui {

struct SessionUser {
  std::string user_name;     // as stored, e.g. "nguyen.van.an"
  std::string display_name;  // NFC, e.g. "Nguyễn Văn An"
  std::string role;          // "officer" | "postal" | "supervisor" | "admin"
  std::string unit;          // the account's processing unit ("" = none): the work list's default filter
  // The name printed on forms and shown in the header: the display name, else the user name.
  const std::string& shown_name() const { return display_name.empty() ? user_name : display_name; }
};

// Every rule key an Authenticator may return. Each has screen text in both languages
// (tests/ui_model/auth_test.cpp); a new rule needs a new "error.<rule>" string first.
inline constexpr std::array<std::string_view, 6> kAuthErrorRules = {
    "required", "bad_credentials", "account_locked", "account_disabled", "database_busy", "bad_record"};

class Authenticator {
 public:
  virtual ~Authenticator() = default;

  // Checks a user name (trimmed, NFC) and a password (as typed) at `now`.
  // Errors:
  //   kInvalid/"required" on "user_name" or "password" when empty;
  //   kInvalid/"bad_credentials" with no field (never say which of the two was wrong);
  //   kConflict/"account_locked" on "user_name" while a lockout after failed attempts runs;
  //   kConflict/"account_disabled" on "user_name";
  //   kUnavailable/<rule> when the store cannot be read (a retry may work).
  virtual Result<SessionUser> SignIn(std::string_view user_name, std::string_view password, Instant now) = 0;

  // The lock screen's check of the signed-in user's password: the same rules and counting as SignIn.
  virtual Result<SessionUser> Reauthenticate(std::string_view user_name, std::string_view password,
                                             Instant now) {
    return SignIn(user_name, password, now);
  }

  // When a locked account opens again (UTC), or nullopt when it is not locked at `now`.
  virtual std::optional<Instant> LockedUntil(std::string_view user_name, Instant now) {
    (void)user_name;
    (void)now;
    return std::nullopt;
  }
};

// The accounts kept in the store (auth/login.h). Not owning; the store must outlive it.
class StoreAuthenticator final : public Authenticator {
 public:
  StoreAuthenticator(store::Store& store, auth::AuthSettings settings)
      : store_(&store), settings_(std::move(settings)) {}
  // Signs in against `store` from now on: a station that switched stores (offline_station.h RetryCenter).
  void Rebind(store::Store& store) { store_ = &store; }

  Result<SessionUser> SignIn(std::string_view user_name, std::string_view password, Instant now) override;
  Result<SessionUser> Reauthenticate(std::string_view user_name, std::string_view password,
                                     Instant now) override;
  std::optional<Instant> LockedUntil(std::string_view user_name, Instant now) override;

 private:
  store::Store* store_;  // never null
  auth::AuthSettings settings_;
};

// The session of an account.
SessionUser SessionFor(const auth::Account& account);

}  // namespace motcua::ui
