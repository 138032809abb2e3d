#include "digitize/file_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include <poppler-document.h>

#include "common/crypto.h"
#include "common/files.h"

namespace motcua::digitize {
namespace fs = std::filesystem;
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

Error WriteFailed(const fs::path& where, const std::string& what) {
  return Unavailable("file", "write_failed", "cannot write " + where.string() + ": " + what);
}

Status SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return WriteFailed(dir, std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return WriteFailed(dir, std::strerror(errno));
  return Ok();
}

// Writes `bytes` to `final_path` through a temporary file and a rename.
Status WriteAtomically(const fs::path& final_path, std::string_view bytes) {
  const fs::path dir = final_path.parent_path();
  if (auto made = CreatePrivateDirectories(dir, "file"); !made) return WriteFailed(dir, made.error().detail);
  std::string tmpl = (dir / ".tmp-XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return WriteFailed(dir, std::strerror(errno));
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(tmpl.c_str());
      return WriteFailed(dir, why);
    }
    p += n;
    left -= std::size_t(n);
  }
  if (::fsync(fd) != 0 || !MakeFilePrivate(fd)) {
    std::string why = std::strerror(errno);
    ::close(fd);
    ::unlink(tmpl.c_str());
    return WriteFailed(dir, why);
  }
  ::close(fd);
  if (::rename(tmpl.c_str(), final_path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmpl.c_str());
    return WriteFailed(final_path, why);
  }
  return SyncDirectory(dir);
}

}  // namespace

Result<std::string> DetectMime(std::string_view bytes) {
  if (bytes.empty()) return Invalid("file", "empty_file", "the file is empty");
  if (StartsWith(bytes, "%PDF-")) return std::string("application/pdf");
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return std::string("image/jpeg");
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n")) return std::string("image/png");
  return Invalid("file", "unsupported_file_type", "only PDF, JPEG and PNG files can be attached");
}

Result<int> CountPages(std::string_view bytes, std::string_view mime) {
  if (mime != "application/pdf") return 1;
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Invalid("file", "unreadable_pdf", "the PDF cannot be read");
  if (doc->is_locked()) return Invalid("file", "encrypted_pdf", "the PDF is password-protected");
  int pages = doc->pages();
  if (pages < 1) return Invalid("file", "unreadable_pdf", "the PDF has no pages");
  return pages;
}

fs::path StoredPath(const fs::path& root, std::string_view sha256) {
  return root / std::string(sha256.substr(0, 2)) / std::string(sha256);
}

Result<StoredFile> InspectBytes(std::string_view bytes) {
  MOTCUA_ASSIGN_OR_RETURN(std::string mime, DetectMime(bytes));
  MOTCUA_ASSIGN_OR_RETURN(int pages, CountPages(bytes, mime));
  return StoredFile{ToHex(Sha256(bytes)), mime, pages, static_cast<std::int64_t>(bytes.size())};
}

Result<StoredFile> StoreBytes(const fs::path& root, std::string_view bytes) {
  MOTCUA_ASSIGN_OR_RETURN(StoredFile f, InspectBytes(bytes));
  const fs::path path = StoredPath(root, f.sha256);
  std::error_code ec;
  if (fs::exists(path, ec)) {
    auto existing = ReadStored(root, f.sha256);
    if (existing) return f;  // same content already stored
    // A damaged copy is replaced by the good bytes we hold.
  }
  MOTCUA_TRY(WriteAtomically(path, bytes));
  f.newly_stored = true;
  return f;
}

Result<StoredFile> StoreFile(const fs::path& root, const fs::path& source) {
  MOTCUA_ASSIGN_OR_RETURN(std::string bytes, ReadRegularFile(source, "file", kMaxScanFileBytes));
  return StoreBytes(root, bytes);
}

void RemoveStored(const fs::path& root, std::string_view sha256) {
  std::error_code ec;
  fs::remove(StoredPath(root, sha256), ec);
}

Result<std::string> ReadStored(const fs::path& root, std::string_view sha256) {
  const fs::path path = StoredPath(root, sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("file", "file_missing", "stored file " + std::string(sha256) + " is missing");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (ToHex(Sha256(bytes)) != sha256)
    return Corrupt("file", "hash_mismatch", "stored file " + std::string(sha256) + " does not match its hash");
  return bytes;
}

}  // namespace motcua::digitize
