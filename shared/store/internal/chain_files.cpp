#include "store/internal/chain_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

#include "common/crypto.h"
#include "common/files.h"
#include "common/number_parse.h"

namespace motcua::store::internal {
namespace {

namespace fs = std::filesystem;

constexpr const char* kKeyHeader = "motcua chain key 1";

Error KeyIo(const std::string& what, const fs::path& path, int err) {
  return Unavailable("chain_key", "chain_key_io", what + " " + path.string() + ": " + std::strerror(err));
}
Error AnchorIo(const std::string& what, const fs::path& path, int err) {
  return Unavailable("anchor", "anchor_io", what + " " + path.string() + ": " + std::strerror(err));
}

Status WriteAll(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Unavailable("", "io", std::strerror(n < 0 ? errno : EIO));
    done += static_cast<std::size_t>(n);
  }
  return Ok();
}

void SyncDirectoryOf(const fs::path& path) {
  const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

bool IsHex64(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::optional<Anchor> ParseAnchorLine(std::string_view line) {
  // "<seq> <hash> <YYYY-MM-DDTHH:MM:SSZ>"
  const auto a = line.find(' ');
  if (a == std::string_view::npos) return std::nullopt;
  const auto b = line.find(' ', a + 1);
  if (b == std::string_view::npos) return std::nullopt;
  Anchor out;
  out.seq = ParseDigits<std::int64_t>(line.substr(0, a), {.max_digits = 18}).value_or(0);  // 0: not a number
  if (out.seq < 1) return std::nullopt;
  out.hash = std::string(line.substr(a + 1, b - a - 1));
  if (!IsHex64(out.hash)) return std::nullopt;
  auto at = ParseInstantUtc(line.substr(b + 1), "anchor");
  if (!at) return std::nullopt;
  out.recorded_at = *at;
  return out;
}

std::string AnchorLine(const Anchor& a) {
  return std::to_string(a.seq) + " " + a.hash + " " + FormatInstantUtc(a.recorded_at) + "\n";
}

// Rewrites the file with its newest lines (by seq). Concurrent appends to the old file between the read
// and the rename are lost, which only makes the anchor lag.
void Compact(const fs::path& path) {
  auto file = ReadAnchorFile(path);
  if (!file || file->anchors.empty()) return;
  std::vector<Anchor> keep = file->anchors;
  std::sort(keep.begin(), keep.end(), [](const Anchor& x, const Anchor& y) { return x.seq < y.seq; });
  keep.erase(std::unique(keep.begin(), keep.end(), [](const Anchor& x, const Anchor& y) { return x.seq == y.seq; }),
             keep.end());
  if (keep.size() > kAnchorKeepLines) keep.erase(keep.begin(), keep.end() - kAnchorKeepLines);
  std::string text;
  for (const Anchor& a : keep) text += AnchorLine(a);
  const std::string tmp = path.string() + ".tmp-" + ToHex(RandomBytes(6));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return;
  MakeFilePrivate(fd);
  const bool written = WriteAll(fd, text).has_value() && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

}  // namespace

Result<std::optional<ChainKey>> ReadChainKey(const fs::path& path) {
  auto text = ReadRegularFile(path, "chain_key", 4096);
  if (!text) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return std::optional<ChainKey>();
    return Corrupt("chain_key", "bad_chain_key", text.error().detail);
  }
  std::istringstream in(*text);
  std::string header, key_word, key_hex, from_word, from_text;
  std::getline(in, header);
  in >> key_word >> key_hex >> from_word >> from_text;
  ChainKey k;
  auto raw = FromHex(key_hex, "chain_key");
  k.keyed_from_seq = ParseDigits<std::int64_t>(from_text, {.max_digits = 18}).value_or(0);  // 0: not a number
  if (header != kKeyHeader || key_word != "key" || from_word != "keyed-from" || !raw || raw->size() != 32 ||
      k.keyed_from_seq < 1)
    return Corrupt("chain_key", "bad_chain_key", path.string() + " is not a motcua chain key file");
  k.key = std::move(*raw);
  return std::optional<ChainKey>(std::move(k));
}

Result<ChainKey> CreateChainKey(const fs::path& path, std::int64_t keyed_from_seq) {
  MOTCUA_TRY(InitCrypto());
  ChainKey k{RandomBytes(32), keyed_from_seq};
  const std::string text = std::string(kKeyHeader) + "\nkey " + ToHex(k.key) + "\nkeyed-from " +
                           std::to_string(keyed_from_seq) + "\n";
  const std::string tmp = path.string() + ".tmp-" + ToHex(RandomBytes(6));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return KeyIo("cannot create", tmp, errno);
  MakeFilePrivate(fd);
  Status written = WriteAll(fd, text);
  if (written && ::fsync(fd) != 0) written = KeyIo("cannot sync", tmp, errno);
  ::close(fd);
  if (!written) {
    ::unlink(tmp.c_str());
    return KeyIo("cannot write", tmp, EIO);
  }
  // link() never replaces an existing file: when another process made the key first, keep theirs.
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_err = errno;
  ::unlink(tmp.c_str());
  if (linked != 0 && link_err != EEXIST) return KeyIo("cannot install", path, link_err);
  SyncDirectoryOf(path);
  if (linked == 0) return k;
  MOTCUA_ASSIGN_OR_RETURN(auto theirs, ReadChainKey(path));
  if (!theirs) return KeyIo("vanished:", path, ENOENT);
  return *theirs;
}

Result<AnchorFile> ReadAnchorFile(const fs::path& path) {
  AnchorFile out;
  std::error_code ec;
  if (!fs::exists(path, ec)) return out;
  auto text = ReadRegularFile(path, "anchor", 64 << 20);
  if (!text) return Unavailable("anchor", "anchor_io", text.error().detail);
  out.exists = true;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    const bool last = nl == std::string_view::npos;
    const std::string_view line = rest.substr(0, last ? rest.size() : nl);
    rest = last ? std::string_view() : rest.substr(nl + 1);
    if (line.empty()) continue;
    if (auto a = ParseAnchorLine(line)) out.anchors.push_back(std::move(*a));
    else if (!last && out.bad_line.empty()) out.bad_line = std::string(line.substr(0, 120));
  }
  return out;
}

std::optional<Anchor> LatestAnchor(const AnchorFile& file) {
  std::optional<Anchor> best;
  for (const Anchor& a : file.anchors)
    if (!best || a.seq > best->seq) best = a;
  return best;
}

Status AppendAnchor(const fs::path& path, const Anchor& anchor) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return AnchorIo("cannot open", path, errno);
  struct stat st{};
  const bool fresh = ::fstat(fd, &st) == 0 && st.st_size == 0;
  if (fresh) MakeFilePrivate(fd);
  // One write() of one short line: O_APPEND makes it land whole after every other writer's line.
  const std::string line = AnchorLine(anchor);
  const ssize_t n = ::write(fd, line.data(), line.size());
  const int err = errno;
  ::close(fd);
  if (n != static_cast<ssize_t>(line.size())) return AnchorIo("cannot append to", path, n < 0 ? err : EIO);
  if (st.st_size + static_cast<std::int64_t>(line.size()) > kAnchorCompactBytes) Compact(path);
  return Ok();
}

}  // namespace motcua::store::internal
