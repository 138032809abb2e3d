#include "codes/receipt_token.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <vector>

#include "codes/dossier_code.h"
#include "common/crypto.h"
#include "common/text.h"
#include "codes/internal/ascii.h"

namespace motcua::codes {
namespace {

using namespace internal;

constexpr std::size_t kMacBytes = 10;       // 80 bits
constexpr std::size_t kMacChars = 16;       // base32 of 10 bytes, no padding needed
constexpr std::size_t kKeyIdChars = 2;      // 10 bits
constexpr std::string_view kKeyIdLabel = "motcua-receipt-key-id";
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string_view DigestBytes(const Sha256Digest& d, std::size_t n) {
  return std::string_view(reinterpret_cast<const char*>(d.data()), n);
}

std::string KeyId(std::string_view key) {
  return ToBase32(DigestBytes(HmacSha256(key, kKeyIdLabel), 2)).substr(0, kKeyIdChars);
}

std::string Mac(std::string_view key, std::string_view signed_part) {
  return ToBase32(DigestBytes(HmacSha256(key, signed_part), kMacBytes));
}

bool IsBase32(std::string_view s) { return s.find_first_not_of(kBase32Alphabet) == std::string_view::npos; }

Status CheckKey(std::string_view key) {
  if (key.size() != kCenterKeyBytes)
    return Invalid("center_key", "bad_key_size",
                   "the center key must be " + std::to_string(kCenterKeyBytes) + " bytes, got " +
                       std::to_string(key.size()));
  return Ok();
}

Error TokenError(std::string rule, std::string detail) { return Invalid("receipt_token", std::move(rule), std::move(detail)); }

std::string SystemError(const std::string& what, const std::filesystem::path& path, int err) {
  return what + " " + path.string() + ": " + std::strerror(err);
}

// Reads the existing key file. ENOENT is reported as kNotFound so the caller can create it.
Result<std::string> ReadKeyFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return NotFound("center_key", "no_key_file", "no key file at " + path.string());
    return Unavailable("center_key", "key_io", SystemError("cannot open", path, err));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return Unavailable("center_key", "key_io", SystemError("cannot stat", path, err));
  }
  if (!S_ISREG(st.st_mode) || st.st_size != static_cast<off_t>(kCenterKeyBytes)) {
    ::close(fd);
    return Corrupt("center_key", "bad_key_size",
                   "the key file " + path.string() + " must be a regular file of exactly " +
                       std::to_string(kCenterKeyBytes) + " bytes; it holds " + std::to_string(st.st_size) +
                       " (never overwritten automatically: restore it from the center's backup)");
  }
  std::string key(kCenterKeyBytes, '\0');
  std::size_t got = 0;
  while (got < key.size()) {
    const ssize_t n = ::read(fd, key.data() + got, key.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      ::close(fd);
      return Unavailable("center_key", "key_io", SystemError("cannot read", path, err));
    }
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return key;
}

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Unavailable("center_key", "key_io", std::string("write failed: ") + std::strerror(n < 0 ? errno : EIO));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Ok();
}

void SyncDirectory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: the key is already durable in its own inode
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string NewLookupSecret() { return RandomString(kLookupSecretLength, kLookupSecretAlphabet); }

bool IsLookupSecret(std::string_view secret) {
  return secret.size() == kLookupSecretLength &&
         secret.find_first_not_of(kLookupSecretAlphabet) == std::string_view::npos;
}

Result<std::string> MakeReceiptToken(const ReceiptToken& token, std::string_view center_key) {
  MOTCUA_TRY(ParseDossierCode(token.dossier_code));
  if (Trim(token.dossier_code).size() != token.dossier_code.size())
    return Invalid("dossier_code", "bad_format", "the dossier code has surrounding white space");
  if (!IsLookupSecret(token.lookup_secret))
    return Invalid("lookup_secret", "bad_lookup_secret",
                   "the lookup secret must be 4 characters of " + std::string(kLookupSecretAlphabet));
  MOTCUA_TRY(CheckKey(center_key));
  std::string signed_part = std::string(kReceiptTokenPrefix) + ":" + token.dossier_code + ":" +
                            token.lookup_secret + ":" + KeyId(center_key);
  return signed_part + ":" + Mac(center_key, signed_part);
}

Result<ReceiptToken> VerifyReceiptToken(std::string_view token, std::string_view center_key) {
  MOTCUA_TRY(CheckKey(center_key));
  std::string text(Trim(token));
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');

  // "MC<digits>:" marks our tokens of any version.
  std::size_t digits_end = 2;
  while (digits_end < text.size() && IsAsciiDigit(text[digits_end])) ++digits_end;
  if (text.rfind("MC", 0) != 0 || digits_end == 2 || (digits_end < text.size() && text[digits_end] != ':'))
    return TokenError("not_a_receipt_token", "the scanned text is not a motcua receipt token");
  if (std::string_view(text).substr(0, digits_end) != kReceiptTokenPrefix)
    return TokenError("unsupported_version",
                      "token version " + text.substr(0, digits_end) + " is not supported (expected " +
                          std::string(kReceiptTokenPrefix) + ")");

  const std::vector<std::string_view> parts = Split(text, ':');
  if (parts.size() < 5) return TokenError("truncated", "the token is cut short (missing parts)");
  if (parts.size() > 5) return TokenError("bad_format", "the token has too many ':'-separated parts");
  const std::string_view code = parts[1], secret = parts[2], key_id = parts[3], mac = parts[4];
  if (mac.size() < kMacChars && IsBase32(mac)) return TokenError("truncated", "the token's MAC is cut short");
  if (mac.size() != kMacChars || !IsBase32(mac) || key_id.size() != kKeyIdChars || !IsBase32(key_id))
    return TokenError("bad_format", "the key id or MAC is not base32 of the expected length");
  if (auto parsed = ParseDossierCode(code); !parsed || Trim(code).size() != code.size())
    return TokenError("bad_dossier_code",
                      "the token's dossier code is invalid: " + (parsed ? std::string("white space") : parsed.error().Describe()));
  if (!IsLookupSecret(secret)) return TokenError("bad_lookup_secret", "the token's lookup secret is malformed");

  const std::string expected_key_id = KeyId(center_key);
  if (!ConstantTimeEqual(key_id, expected_key_id))
    return TokenError("wrong_key", "the token was made under another center key (another center, or a rotated key)");
  const std::size_t signed_len = text.size() - kMacChars - 1;
  const std::string expected_mac = Mac(center_key, std::string_view(text).substr(0, signed_len));
  if (!ConstantTimeEqual(mac, expected_mac))
    return TokenError("bad_mac", "the token's MAC does not match: forged or altered");
  return ReceiptToken{std::string(code), std::string(secret)};
}

Result<std::string> LoadCenterKey(const std::filesystem::path& path) { return ReadKeyFile(path); }

Result<std::string> LoadOrCreateCenterKey(const std::filesystem::path& path) {
  {
    auto existing = ReadKeyFile(path);
    if (existing || existing.error().code != ErrorCode::kNotFound) return existing;
  }
  const std::filesystem::path dir = path.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    if (std::filesystem::create_directories(dir, ec))
      std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    if (ec) return Unavailable("center_key", "key_io", "cannot create folder " + dir.string() + ": " + ec.message());
  }
  MOTCUA_TRY(InitCrypto());
  const std::filesystem::path tmp = path.string() + ".tmp-" + ToHex(RandomBytes(8));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("center_key", "key_io", SystemError("cannot create", tmp, errno));
  std::string key = RandomBytes(kCenterKeyBytes);
  Status written = WriteAll(fd, key);
  if (written && ::fchmod(fd, 0600) != 0) written = Unavailable("center_key", "key_io", SystemError("cannot chmod", tmp, errno));
  if (written && ::fsync(fd) != 0) written = Unavailable("center_key", "key_io", SystemError("cannot sync", tmp, errno));
  ::close(fd);
  if (!written) {
    ::unlink(tmp.c_str());
    return written.error();
  }
  // link() never replaces an existing file, unlike rename(): if another process created the key
  // meanwhile, keep theirs (receipts may already carry MACs under it).
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_err = errno;
  ::unlink(tmp.c_str());
  if (linked != 0 && link_err != EEXIST)
    return Unavailable("center_key", "key_io", SystemError("cannot install", path, link_err));
  SyncDirectory(dir);
  if (linked != 0) return ReadKeyFile(path);
  return key;
}

}  // namespace motcua::codes
