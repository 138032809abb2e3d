#include "common/files.h"

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace motcua {
namespace {

namespace fs = std::filesystem;

// The "motcua" group's id, or -1 when the system has no such group.
gid_t MotcuaGroup() {
  std::vector<char> buf(4096);
  group g{};
  group* found = nullptr;
  if (::getgrnam_r("motcua", &g, buf.data(), buf.size(), &found) != 0 || !found) return static_cast<gid_t>(-1);
  return found->gr_gid;
}

}  // namespace

Result<std::string> ReadRegularFile(const fs::path& path, std::string_view field, std::int64_t max_bytes) {
  const std::string name = path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return Invalid(std::string(field), "cannot_read", "cannot open " + name + ": " + std::strerror(errno));
  struct stat st{};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Invalid(std::string(field), "not_a_regular_file", name + " is not a regular file");
  }
  if (st.st_size > max_bytes) {
    ::close(fd);
    return Invalid(std::string(field), "too_large",
                   name + " has " + std::to_string(st.st_size) + " bytes; at most " + std::to_string(max_bytes) +
                       " are accepted");
  }
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  for (;;) {
    if (done == bytes.size()) {
      // The file may have grown since fstat: read on, still under the cap.
      if (static_cast<std::int64_t>(bytes.size()) >= max_bytes + 1) break;
      bytes.resize(std::min<std::size_t>(bytes.size() + 65536, static_cast<std::size_t>(max_bytes) + 1));
    }
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return Invalid(std::string(field), "cannot_read", "cannot read " + name + ": " + std::strerror(err));
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  bytes.resize(done);
  if (static_cast<std::int64_t>(done) > max_bytes)
    return Invalid(std::string(field), "too_large", name + " grew past " + std::to_string(max_bytes) + " bytes");
  return bytes;
}

unsigned PrivateFileMode() { return MotcuaGroup() == static_cast<gid_t>(-1) ? 0600u : 0640u; }

bool MakeFilePrivate(int fd) {
  const gid_t group = MotcuaGroup();
  if (group != static_cast<gid_t>(-1)) (void)::fchown(fd, static_cast<uid_t>(-1), group);
  return ::fchmod(fd, group == static_cast<gid_t>(-1) ? 0600 : 0640) == 0;
}

Status CreatePrivateDirectories(const fs::path& dir, std::string_view field) {
  if (dir.empty()) return Ok();
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  const gid_t group = MotcuaGroup();
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0750) != 0 && errno != EEXIST)
      return Unavailable(std::string(field), "cannot_create_directory",
                         "cannot create " + it->string() + ": " + std::strerror(errno));
    // mkdir's mode passes through the umask; say exactly what we mean.
    (void)::chmod(it->c_str(), 0750);
    if (group != static_cast<gid_t>(-1)) (void)::chown(it->c_str(), static_cast<uid_t>(-1), group);
  }
  if (!fs::is_directory(dir, ec))
    return Unavailable(std::string(field), "cannot_create_directory", dir.string() + " is not a folder");
  return Ok();
}

std::string DefaultDataDir() {
  if (const char* env = std::getenv("MOTCUA_DATA_DIR"); env && *env) return env;
  if (geteuid() == 0) return "/var/lib/motcua";
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/motcua";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/motcua";
  return "./motcua-data";
}

}  // namespace motcua
