// Officer accounts (issue 3, item 1): who may sign in at a counter, with which role and for which
// processing unit, and the administrator's operations on them.
//
// Storage: one store Record of kind "user" per account (key = the user name), status "active" or
// "disabled", body = the account as JSON (password hash included, never the password). One more record,
// kind "auth" key "admins", lists the enabled administrators: its absence means the database has no
// administrator yet (first run, see BootstrapAdmin), and reading it inside a transaction lets "never
// disable the last administrator" hold even when two administrators act at once.
//
// Every operation that changes an account is one store transaction that writes the record and exactly
// one journal event (architecture.md rule 2): "user.added", "user.disabled", "user.enabled",
// "user.password_changed"; log-ins (login.h) add "user.logged_in", "user.reauthenticated",
// "user.login_failed" and "user.locked". No payload, error or log line ever holds a password or a hash.
//
// Roles gate every operation here, in the core: changing accounts needs Permission::kManageUsers
// (roles/roles.h), checked twice: against the Actor the caller passes, and inside the transaction
// against the acting account as stored (it must exist, be enabled and still have that permission), so a
// session opened before its administrator was disabled can no longer change anything.
//
// Passwords: argon2id (libsodium crypto_pwhash_str_alg, ALG_ARGON2ID13), cost from AuthSettings, NFC
// normalised before hashing (auth/internal/password_hash.h says why).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "roles/roles.h"
#include "store/store.h"

namespace motcua::auth {

// libsodium's argon2id cost presets (crypto_pwhash_argon2id_*; checked against sodium.h in accounts.cpp).
inline constexpr std::uint64_t kArgon2OpsInteractive = 2;                  // passes
inline constexpr std::size_t kArgon2MemInteractiveBytes = 64u * 1024 * 1024;  // 64 MiB
inline constexpr std::uint64_t kArgon2OpsMin = 1;
inline constexpr std::size_t kArgon2MemMinBytes = 8192;  // 8 KiB: for tests only, far too cheap for real use

inline constexpr const char* kUserRecordKind = "user";

struct AuthSettings {
  int min_password_length = 8;   // characters (Unicode code points); default 8
  int max_failed_attempts = 5;   // consecutive failed log-ins that lock the account; default 5
  int lockout_minutes = 5;       // how long a lock lasts; default 5 minutes
  int idle_lock_minutes = 10;    // the apps lock the screen after this long without input; default 10
                                 // minutes (the UI's job; kept here so every station reads one policy)
  std::uint64_t argon2_opslimit = kArgon2OpsInteractive;         // default INTERACTIVE (2 passes)
  std::size_t argon2_memlimit_bytes = kArgon2MemInteractiveBytes;  // default INTERACTIVE (64 MiB)
  std::string station;           // this station's id, written on log-in journal events; default ""
};

// Checks the ranges: min_password_length 1-128, max_failed_attempts 1-100, lockout_minutes 1-1440,
// idle_lock_minutes 1-1440, argon2 limits within libsodium's. Errors: kInvalid/"out_of_range" naming the field.
Status ValidateAuthSettings(const AuthSettings& settings);

// Reads the policy from the store's settings, so every station and the CLI apply the same one. Keys
// (each optional, a decimal number): auth.min_password_length, auth.max_failed_attempts,
// auth.lockout_minutes, auth.idle_lock_minutes, auth.argon2_opslimit, auth.argon2_memlimit_bytes.
// Missing keys keep `defaults`. Errors: kCorrupt/"bad_setting" naming the key for a non-number;
// ValidateAuthSettings' errors; the store's.
Result<AuthSettings> LoadAuthSettings(store::Store& store, AuthSettings defaults = {});

// Stores `policy` as the auth.* settings LoadAuthSettings reads, so every station applies it (its
// station field is not stored). Journals "auth.policy_changed" with the six values. Stored hashes are
// left alone: each is rehashed at its account's next successful log-in (login.h rule 6).
// Errors: ValidateAuthSettings'; the actor checks of AddUser.
Result<AuthSettings> SavePolicy(store::Store& store, const roles::Actor& actor, const AuthSettings& policy,
                                Instant now);

struct Account {
  std::string user_name;       // lower-case letters, digits and dots, 3-32 (ValidateUserName)
  std::string display_name;    // NFC, e.g. "Nguyễn Văn An"
  roles::Role role = roles::Role::kOfficer;
  std::string unit;            // processing unit, for filtering work lists; "" = none
  bool is_disabled = false;
  std::string password_hash;   // "$argon2id$v=19$..."; never print, log or journal it
  int failed_attempts = 0;     // consecutive failed log-ins since the last success or lock
  std::optional<Instant> locked_until;  // UTC; the account is locked while now < locked_until
  Instant created_at{};        // UTC
  Instant changed_at{};        // UTC, last administrative change (add, disable, enable, password)
  std::optional<Instant> last_login_at;  // UTC, last successful log-in or screen unlock
  std::int64_t version = 0;    // the store record's version (store.h Record)
};

// True while a lockout runs at `now` (now < locked_until).
bool IsLocked(const Account& account, Instant now);

struct NewUser {
  std::string user_name;     // trimmed and folded to lower case before the checks
  std::string display_name;  // required; trimmed and NFC-normalised
  roles::Role role = roles::Role::kOfficer;
  std::string unit;          // optional; trimmed and NFC-normalised
};

// User names: 3-32 of a-z, 0-9 and '.', not starting or ending with a dot, no two dots in a row
// ("nguyen.van.an"). Plain ASCII so they type the same on every keyboard layout and input method.
// Errors on "user_name": kInvalid/"required", "too_short", "too_long", "bad_character", "bad_dot".
Status ValidateUserName(std::string_view user_name);

// Password rule: at least settings.min_password_length characters (code points, after NFC), at most
// 1024 bytes, valid UTF-8, not equal to the user name (ignoring ASCII case).
// Errors on "password": kInvalid/"required", "too_short", "too_long", "bad_utf8", "same_as_user_name".
Status ValidatePassword(std::string_view password, std::string_view user_name, const AuthSettings& settings);

// True when the database has no administrator yet (first run): BootstrapAdmin may then create one.
Result<bool> NeedsBootstrap(store::Store& store);

// First run only: creates the first administrator with no acting user, journaling "user.added"
// (payload "bootstrap": true, actor = the new administrator, station = settings.station).
// Errors: kInvalid ("role", "first_user_must_be_admin"); kConflict ("actor", "admin_exists") once any
// administrator exists; the checks of AddUser.
Result<Account> BootstrapAdmin(store::Store& store, const NewUser& user, std::string_view password, Instant now,
                               const AuthSettings& settings = {});

// Creates an account. Journals "user.added" (user name, display name, role, unit).
// Errors: ("role", "not_allowed") unless the actor may manage users; ("actor", "no_such_user") /
// ("actor", "account_disabled") for an acting account that is missing or disabled; ValidateUserName's and
// ValidatePassword's; ("display_name", "required" / "bad_utf8" / "too_long" (over 100 characters));
// ("unit", "bad_utf8" / "too_long"); kConflict ("user_name", "user_exists").
Result<Account> AddUser(store::Store& store, const roles::Actor& actor, const NewUser& user,
                        std::string_view password, Instant now, const AuthSettings& settings = {});

// Disables an account: it can no longer sign in; its history stays. Journals "user.disabled".
// Errors: the actor checks of AddUser; kNotFound ("user_name", "no_such_user"); kConflict
// ("user_name", "already_disabled"); kConflict ("user_name", "last_admin") for the last enabled administrator.
Result<Account> DisableUser(store::Store& store, const roles::Actor& actor, std::string_view user_name, Instant now);

// Lets an account sign in again: clears the disabled flag and any lockout with its failed-attempt count
// (so an administrator can also unlock a locked account at once). Journals "user.enabled" with
// "was_disabled" and "was_locked". Errors: the actor checks; ("user_name", "no_such_user");
// kConflict ("user_name", "already_enabled") when it was neither disabled nor locked at `now`.
Result<Account> EnableUser(store::Store& store, const roles::Actor& actor, std::string_view user_name, Instant now);

// Sets a new password. Allowed to an actor who may manage users, or to the account itself
// (actor.user == user_name; the caller has just authenticated it). Clears any lockout and the failed
// count. Journals "user.password_changed" ("by_self"). Errors: ("role", "not_allowed"); the actor checks;
// ("user_name", "no_such_user"); ValidatePassword's; kConflict ("user_name", "account_disabled") for a
// disabled account changing its own password.
Result<Account> SetPassword(store::Store& store, const roles::Actor& actor, std::string_view user_name,
                            std::string_view new_password, Instant now, const AuthSettings& settings = {});

// Every account, sorted by user name. Requires kManageUsers (checked against the stored actor too).
Result<std::vector<Account>> ListUsers(store::Store& store, const roles::Actor& actor);

// One account: the actor's own, or any with kManageUsers. Errors: ("user_name", "no_such_user"), the actor checks.
Result<Account> GetUser(store::Store& store, const roles::Actor& actor, std::string_view user_name);

// A short secret that is not an account's password (a kiosk's administrator PIN), hashed with argon2id
// at libsodium's INTERACTIVE cost like the default password policy. Errors: HashPassword's
// (kUnavailable/"hash_failed"). VerifySecret is false for an empty or malformed hash.
Result<std::string> HashSecret(std::string_view secret);
bool VerifySecret(std::string_view hash, std::string_view secret);

}  // namespace motcua::auth
