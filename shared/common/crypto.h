// Hashes, MACs, random bytes and identifiers, all from libsodium (Debian libsodium-dev).
// Call InitCrypto() once before use (idempotent, thread-safe).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua {

using Sha256Digest = std::array<std::uint8_t, 32>;

Status InitCrypto();

Sha256Digest Sha256(std::string_view bytes);
Sha256Digest HmacSha256(std::string_view key, std::string_view message);

// Constant-time comparison of equal-length byte strings.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

std::string RandomBytes(std::size_t n);
// A random string of `n` characters from `alphabet` (uniform, no modulo bias).
std::string RandomString(std::size_t n, std::string_view alphabet);

std::string ToHex(std::string_view bytes);  // lower case
std::string ToHex(const Sha256Digest& d);
// Errors: kInvalid/"bad_hex".
Result<std::string> FromHex(std::string_view hex, std::string_view field);

// RFC 4648 base32 without padding (A-Z2-7).
std::string ToBase32(std::string_view bytes);

// A random (version 4) UUID, lower-case canonical form.
std::string NewUuid();

}  // namespace motcua
