// The sign-in contract between the apps and the core. The core's user module implements
// Authenticator (argon2id hashes, lockout after failed attempts, roles; issue 3 item 1); the apps
// only call it when they apply a SubmitLogin action. Until that module lands, the counter runs with
// PendingAuthenticator, which refuses every attempt with a clear message instead of pretending.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"

namespace motcua::ui {

struct SessionUser {
  std::string user_name;     // as stored, e.g. "nguyen.van.an"
  std::string display_name;  // NFC, e.g. "Nguyễn Văn An"
  std::string role;          // "officer" | "postal" | "supervisor" | "admin"
};

// Every rule key an Authenticator may return. Each has screen text in both languages
// (tests/ui_model/auth_test.cpp); a new rule needs a new "error.<rule>" string first.
inline constexpr std::array<std::string_view, 5> kAuthErrorRules = {
    "required", "bad_credentials", "account_locked", "account_disabled", "auth_backend_missing"};

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
  virtual Result<SessionUser> SignIn(std::string_view user_name, std::string_view password,
                                     Instant now) = 0;

  // When a locked account opens again (UTC), or nullopt when it is not locked at `now`.
  virtual std::optional<Instant> LockedUntil(std::string_view user_name, Instant now) {
    (void)user_name;
    (void)now;
    return std::nullopt;
  }
};

// Stands in until the core's user module exists: every attempt gets
// kUnavailable/"auth_backend_missing" (after the "required" checks), so the screen says plainly
// that sign-in is not connected.
class PendingAuthenticator final : public Authenticator {
 public:
  Result<SessionUser> SignIn(std::string_view user_name, std::string_view password,
                             Instant now) override;
};

}  // namespace motcua::ui
