#include "auth/internal/password_hash.h"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "common/crypto.h"
#include "common/text.h"

namespace motcua::auth::internal {

Secret::~Secret() {
  if (!value_.empty()) sodium_memzero(value_.data(), value_.size());
}

Secret NormalizePassword(std::string_view password) {
  return Secret(IsValidUtf8(password) ? NormalizeNfc(password) : std::string(password));
}

Status ValidateHashCost(const HashCost& cost) {
  if (cost.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || cost.opslimit > crypto_pwhash_argon2id_OPSLIMIT_MAX)
    return Invalid("argon2_opslimit", "out_of_range",
                   "argon2id passes must be between " + std::to_string(crypto_pwhash_argon2id_OPSLIMIT_MIN) +
                       " and " + std::to_string(crypto_pwhash_argon2id_OPSLIMIT_MAX));
  if (cost.memlimit_bytes < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
      cost.memlimit_bytes > crypto_pwhash_argon2id_MEMLIMIT_MAX)
    return Invalid("argon2_memlimit_bytes", "out_of_range",
                   "argon2id memory must be at least " + std::to_string(crypto_pwhash_argon2id_MEMLIMIT_MIN) +
                       " bytes");
  return Ok();
}

Result<std::string> HashPassword(std::string_view normalized_password, const HashCost& cost) {
  MOTCUA_TRY(ValidateHashCost(cost));
  MOTCUA_TRY(InitCrypto());  // idempotent; callers need not remember it for hashing
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, normalized_password.data(), normalized_password.size(), cost.opslimit,
                            cost.memlimit_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Unavailable("password", "hash_failed",
                       "argon2id could not allocate " + std::to_string(cost.memlimit_bytes) + " bytes");
  return std::string(out);
}

namespace {
// libsodium takes the string as char[crypto_pwhash_STRBYTES], NUL-terminated: give it exactly that.
using HashBuffer = std::array<char, crypto_pwhash_STRBYTES>;
bool ToBuffer(std::string_view hash, HashBuffer& buffer) {
  buffer.fill('\0');
  if (hash.empty() || hash.size() >= buffer.size()) return false;
  std::copy(hash.begin(), hash.end(), buffer.begin());
  return true;
}
}  // namespace

bool VerifyPassword(std::string_view hash, std::string_view normalized_password) {
  HashBuffer buffer;
  if (!ToBuffer(hash, buffer) || !InitCrypto()) return false;
  return crypto_pwhash_str_verify(buffer.data(), normalized_password.data(), normalized_password.size()) == 0;
}

bool NeedsRehash(std::string_view hash, const HashCost& cost) {
  HashBuffer buffer;
  if (!ToBuffer(hash, buffer)) return true;
  // 1: other parameters; -1: not an argon2id string (e.g. argon2i, libsodium's default before 1.0.15).
  return crypto_pwhash_argon2id_str_needs_rehash(buffer.data(), cost.opslimit, cost.memlimit_bytes) != 0;
}

}  // namespace motcua::auth::internal
