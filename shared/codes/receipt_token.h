// The receipt QR token: what the QR on the receipt (Mẫu 01) holds, so that a kiosk can find the
// dossier and trust the scan with no network (status look-up, satisfaction rating).
//
// LEGAL: TT 01/2018/TT-VPCP, Art. 19.2 allows a barcode or QR alongside the mã hồ sơ (domain.md §2.3).
//
// Text form, version 1 (every character is in the QR alphanumeric set 0-9 A-Z . - : so the encoder
// uses alphanumeric mode, 5.5 bits a character; a 13-character agency identifier gives a 54-character
// token, a version-3 QR (29x29 modules) at error correction M):
//
//   MC1:<dossier code>:<lookup secret>:<key id>:<mac>
//   MC1:000.00.00.H56-261124-0001:7KQM:K7:ERVX2RWWPXMQMMTU      (under the key bytes 00 01 .. 1f)
//
//   dossier code   as dossier_code.h formats it
//   lookup secret  4 characters from kLookupSecretAlphabet (the "mã tra cứu" printed beside the
//                  code, like OpenCPS's 4-character secret): proves the holder saw the receipt
//   key id         first 2 base32 characters of HMAC-SHA256(key, "motcua-receipt-key-id"): tells a
//                  token made under another center's (or a rotated) key from a forged one; it reveals
//                  10 bits about an HMAC output, nothing about the key
//   mac            RFC 4648 base32 (A-Z2-7, 16 characters, no padding) of the first 10 bytes (80 bits)
//                  of HMAC-SHA256(center key, everything before the last ':'). 80 bits is far beyond
//                  what an offline forger can guess, at half the length of a full MAC
//
// Verification is offline and constant-time on the MAC. It upper-cases ASCII first, because a
// keyboard-wedge scanner with Caps Lock on types the token in lower case, and trims white space.
// A forged and an altered token cannot be told apart (both fail the MAC: "bad_mac"); every other
// failure has its own rule key, listed at VerifyReceiptToken.
//
// The center key is 32 random bytes, one per center (all its stations and kiosks hold the same file).
// It never appears in any error text or log.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua::codes {

// Digits and capitals without 0 O 1 I L U (read aloud or copied by hand, these get confused).
inline constexpr std::string_view kLookupSecretAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr std::size_t kLookupSecretLength = 4;
inline constexpr std::size_t kCenterKeyBytes = 32;
inline constexpr std::string_view kReceiptTokenPrefix = "MC1";

struct ReceiptToken {
  std::string dossier_code;   // e.g. "000.00.00.H56-261124-0001"
  std::string lookup_secret;  // e.g. "7KQM"
};

// A fresh random lookup secret (libsodium, uniform over the alphabet). Calls InitCrypto() itself.
std::string NewLookupSecret();

// True if `secret` is exactly kLookupSecretLength characters of kLookupSecretAlphabet.
bool IsLookupSecret(std::string_view secret);

// The token text for the receipt QR. Errors: kInvalid on "dossier_code" (the ParseDossierCode rules),
// kInvalid/"bad_lookup_secret" on "lookup_secret", kInvalid/"bad_key_size" on "center_key".
Result<std::string> MakeReceiptToken(const ReceiptToken& token, std::string_view center_key);

// Checks a scanned token under this center's key and returns what it holds.
// Errors, all kInvalid on field "receipt_token" except the key check:
//   "not_a_receipt_token"  does not start with "MC<digits>:" (e.g. a CCCD or VietQR shown by mistake)
//   "unsupported_version"  MC<n> with n other than 1 (a newer or older format)
//   "truncated"            fewer than five ':'-separated parts, or a MAC shorter than 16 characters
//   "bad_format"           extra parts, or a key id or MAC that is not base32 of the right length
//   "bad_dossier_code"     the code part is not a valid dossier code
//   "bad_lookup_secret"    the secret is not 4 characters of kLookupSecretAlphabet
//   "wrong_key"            made under another key (another center, or before a key rotation)
//   "bad_mac"              the MAC does not match: forged or altered
//   kInvalid/"bad_key_size" on "center_key" when center_key is not 32 bytes.
Result<ReceiptToken> VerifyReceiptToken(std::string_view token, std::string_view center_key);

// Reads an existing center key (no file is created: a missing key on a database that has printed
// receipts must not silently become a new one). Errors: kNotFound/"no_key_file" on "center_key"; the
// others of LoadOrCreateCenterKey.
Result<std::string> LoadCenterKey(const std::filesystem::path& path);

// Reads the center key from `path`, or creates it (32 random bytes, mode 0600) when the file does not
// exist. Creation is atomic: the bytes go to a private temporary file in the same folder, are synced,
// and are then hard-linked into place, so a reader never sees a partial key and two processes racing
// to create it end up with the same key (the loser reads the winner's). Missing parent folders are
// created (mode 0700).
// Errors: kCorrupt/"bad_key_size" on "center_key" when the file is not exactly 32 bytes (it is never
// overwritten: receipts already printed depend on it); kUnavailable/"key_io" on "center_key" for an
// I/O failure (the message names the path and the system error, never the key).
Result<std::string> LoadOrCreateCenterKey(const std::filesystem::path& path);

}  // namespace motcua::codes
