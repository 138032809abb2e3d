// WriteFileAtomically (declared in print/form_pdf.h): temp file + fsync + rename, so a reader (or a
// printer spooler picking the file up) sees the old file or the whole new one, never a torn PDF.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "print/form_pdf.h"

namespace motcua::print {
namespace {

std::string DirOf(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

Error PathError(const char* rule, const std::string& what, const std::string& path, int err) {
  return Unavailable("path", rule, what + " \"" + path + "\": " + std::strerror(err));
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view bytes) {
  if (path.empty() || path.back() == '/')
    return Unavailable("path", "unwritable_path", "not a file path: \"" + path + "\"");
  const std::string dir = DirOf(path);
  const std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  std::string tmp = dir + "/." + base + ".tmp-XXXXXX";
  const int fd = mkstemp(tmp.data());
  if (fd < 0) return PathError("unwritable_path", "cannot create a file next to", path, errno);
  // mkstemp creates 0600; a form is an ordinary document. (umask is not consulted: reading it
  // means setting it, which races with other threads.)
  fchmod(fd, 0644);

  auto fail = [&](const char* what, int err) {
    close(fd);
    unlink(tmp.c_str());
    return PathError("write_failed", what, path, err);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write", errno);
    }
    if (n == 0) return fail("cannot write", EIO);
    done += std::size_t(n);
  }
  if (fsync(fd) != 0) return fail("cannot sync", errno);
  if (close(fd) != 0) {
    const int err = errno;
    unlink(tmp.c_str());
    return PathError("write_failed", "cannot close", path, err);
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    unlink(tmp.c_str());
    return PathError("write_failed", "cannot rename into", path, err);
  }
  // Make the rename itself durable; failure here does not undo a complete, visible file.
  const int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    fsync(dir_fd);
    close(dir_fd);
  }
  return Ok();
}

}  // namespace motcua::print
