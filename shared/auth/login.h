// Signing in (issue 3, item 1) and unlocking an idle-locked screen.
//
// Rules, in the order they are applied:
//   1. An empty user name or password is refused at once: kInvalid/"required" on "user_name" / "password".
//   2. An unknown user name and a wrong password give the same error, kInvalid/"bad_credentials" with no
//      field and the same detail (no user enumeration); an unknown name costs the same argon2id work as a
//      known one, so timing does not tell them apart either. The typed name of an unknown account is never
//      recorded: it is often a password typed into the wrong box.
//   3. While an account is locked (now < locked_until) every attempt is refused with
//      kConflict/"account_locked" on "user_name", even with the right password, and the password is not
//      checked at all (the lock must not become a password oracle); such attempts do not extend the lock.
//   4. A wrong password adds one to the failed count; the max_failed_attempts-th (default 5th) locks the
//      account for lockout_minutes (default 5) and already answers "account_locked". The count restarts
//      from 0 with the lock. The read-modify-write of the count is one store transaction, so failures at
//      two stations at the same moment both count.
//   5. A disabled account with the right password gets kConflict/"account_disabled" on "user_name" (with a
//      wrong password it is rule 4, so the flag is shown only to someone who knows the password).
//   6. Success resets the failed count, records last_login_at and, when the stored hash was made with other
//      argon2id costs than the settings', stores a new hash (crypto_pwhash_str_needs_rehash).
// Each attempt journals exactly one event: "user.logged_in" (or "user.reauthenticated"), "user.login_failed"
// ("reason": "unknown_user" | "bad_password" | "account_locked" | "account_disabled"), or "user.locked".
// Other errors are the store's (kUnavailable/"database_busy", ...) and kCorrupt/"bad_record" on "user".
// The rule keys are those of ui_model/auth.h kAuthErrorRules.
#pragma once

#include <optional>
#include <string_view>

#include "auth/accounts.h"

namespace motcua::auth {

// Signs in at `now` (UTC). The user name is trimmed and compared in lower case; the password is used as
// typed (NFC-normalised, not trimmed). Returns the account for the session.
Result<Account> Login(store::Store& store, std::string_view user_name, std::string_view password, Instant now,
                      const AuthSettings& settings = {});

// The lock screen's check after idle_lock_minutes: the same rules and counting as Login (a lock screen must
// not be a way round the lockout), journaling "user.reauthenticated" on success.
Result<Account> Reauthenticate(store::Store& store, std::string_view user_name, std::string_view password,
                               Instant now, const AuthSettings& settings = {});

// When a locked account opens again (UTC), or nullopt when `user_name` is unknown or not locked at `now`.
Result<std::optional<Instant>> LockedUntil(store::Store& store, std::string_view user_name, Instant now);

}  // namespace motcua::auth
