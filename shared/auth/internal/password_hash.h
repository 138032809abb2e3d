// argon2id password hashes through libsodium (crypto_pwhash_str_alg with ALG_ARGON2ID13). The stored
// form is libsodium's self-describing string "$argon2id$v=19$m=<KiB>,t=<passes>,p=1$<salt>$<hash>",
// so a hash made under older cost settings still verifies and can be recognised for a rehash.
//
// Passwords are compared after NFC normalisation (NormalizePassword): Vietnamese input methods differ
// between stations (Unikey/ibus-bamboo may send "ă" precomposed or as "a" + U+0306), and the same
// typed password must give the same bytes everywhere. Bytes that are not valid UTF-8 are kept as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua::auth::internal {

struct HashCost {
  std::uint64_t opslimit = 0;        // argon2 passes (t)
  std::size_t memlimit_bytes = 0;    // argon2 memory (m), bytes
};

// A copy of a secret that is wiped (sodium_memzero) when it goes out of scope.
class Secret {
 public:
  explicit Secret(std::string value) : value_(std::move(value)) {}
  ~Secret();
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  std::string_view view() const { return value_; }

 private:
  std::string value_;
};

// The NFC form of a password that is valid UTF-8, else the bytes unchanged.
Secret NormalizePassword(std::string_view password);

// Errors: kInvalid/"out_of_range" on "argon2_opslimit" or "argon2_memlimit_bytes" when the cost is outside
// libsodium's limits; kUnavailable/"hash_failed" when libsodium cannot allocate the memory.
Result<std::string> HashPassword(std::string_view normalized_password, const HashCost& cost);

// True iff `hash` is a well-formed libsodium password string matching the password. Takes about as long
// as HashPassword with the hash's own cost.
bool VerifyPassword(std::string_view hash, std::string_view normalized_password);

// True when `hash` is not an argon2id string or was made with a cost other than `cost`.
bool NeedsRehash(std::string_view hash, const HashCost& cost);

// Checks the cost against libsodium's argon2id limits (the errors of HashPassword).
Status ValidateHashCost(const HashCost& cost);

}  // namespace motcua::auth::internal
