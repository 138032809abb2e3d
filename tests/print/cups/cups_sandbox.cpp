#include "print/cups/cups_sandbox.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace motcua::print::testing {
namespace {

std::string FindProgram(const std::string& name) {
  for (const char* dir : {"/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"}) {
    const std::string p = std::string(dir) + "/" + name;
    if (access(p.c_str(), X_OK) == 0) return p;
  }
  return "";
}

bool SocketAccepts(const std::string& path) {
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

void Chown(const std::string& path, uid_t uid, gid_t gid) {
  if (chown(path.c_str(), uid, gid) != 0) { /* best effort: cupsd reports what it cannot use */ }
}

}  // namespace

std::string CupsSandbox::SkipReason() {
  if (FindProgram("cupsd").empty()) return "cupsd is not installed (Debian package cups-daemon)";
  if (FindProgram("lpadmin").empty()) return "lpadmin is not installed (Debian package cups-client)";
  return "";
}

CupsSandbox::~CupsSandbox() { Stop(); }

std::string CupsSandbox::Start() {
  const std::string d = dir_.path();
  socket_ = d + "/cups.sock";
  std::string user, group;
  uid_t uid;
  gid_t gid;
  if (geteuid() == 0) {
    // cupsd refuses "User root"; backends run as lp, which must reach the spool and cache.
    const passwd* pw = getpwnam("lp");
    const struct group* gr = getgrnam("lp");
    if (!pw || !gr) return "no lp user or group to run the CUPS backends as";
    user = "lp";
    group = "lp";
    uid = pw->pw_uid;
    gid = gr->gr_gid;
  } else {
    const passwd* pw = getpwuid(geteuid());
    const struct group* gr = getgrgid(getegid());
    if (!pw || !gr) return "cannot name the current user and group";
    user = pw->pw_name;
    group = gr->gr_name;
    uid = geteuid();
    gid = getegid();
  }
  chmod(d.c_str(), 0755);
  for (const char* sub : {"spool", "spool/tmp", "cache", "state", "log", "ppd"}) {
    const std::string p = d + "/" + sub;
    mkdir(p.c_str(), 0775);
  }
  for (const char* sub : {"spool", "spool/tmp", "cache"}) Chown(d + "/" + sub, uid, gid);

  std::ofstream(d + "/cupsd.conf") << "LogLevel debug\n"
                                      "Listen " << socket_ << "\n"
                                      "Browsing No\n"
                                      "WebInterface No\n"
                                      "DefaultAuthType None\n"
                                      "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                      "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n";
  std::ofstream(d + "/cups-files.conf") << "User " << user << "\nGroup " << group << "\nSystemGroup root"
                                        << "\nServerRoot " << d << "\nRequestRoot " << d << "/spool\nTempDir " << d
                                        << "/spool/tmp\nCacheDir " << d << "/cache\nStateDir " << d
                                        << "/state\nAccessLog " << d << "/log/access_log\nErrorLog " << d
                                        << "/log/error_log\nPageLog " << d
                                        << "/log/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n";

  const std::string cupsd = FindProgram("cupsd");
  const std::string conf = d + "/cupsd.conf", files = d + "/cups-files.conf", out = d + "/log/cupsd.out";
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) return std::string("fork: ") + std::strerror(errno);
  if (pid_ == 0) {
    // The scheduler must not outlive a crashed test.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(127);
    const int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    execl(cupsd.c_str(), "cupsd", "-f", "-c", conf.c_str(), "-s", files.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (SocketAccepts(socket_)) return "";
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return "cupsd exited at start: " + ReadFile(out) + ErrorLog();
    }
    usleep(20 * 1000);
  }
  return "cupsd did not open " + socket_ + " within 10 s: " + ErrorLog();
}

void CupsSandbox::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  int status = 0;
  while (waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      break;
    }
    usleep(10 * 1000);
  }
  pid_ = -1;
}

CommandResult CupsSandbox::Admin(const std::string& command_line) const {
  return Run("CUPS_SERVER=" + socket_ + " " + command_line);
}

std::string CupsSandbox::AddSocketQueue(const std::string& name, int port) const {
  const CommandResult r =
      Admin("lpadmin -p " + name + " -v socket://127.0.0.1:" + std::to_string(port) + " -E -m raw");
  return r.exit_code == 0 ? "" : "lpadmin failed (" + std::to_string(r.exit_code) + "): " + r.output;
}

std::string CupsSandbox::ErrorLog() const {
  const std::string log = ReadFile(dir_.path() + "/log/error_log");
  return log.size() > 4000 ? log.substr(log.size() - 4000) : log;
}

FakePrinter::FakePrinter() {
  listen_fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  listen(listen_fd_, 4);
  thread_ = std::thread([this] { Loop(); });
}

FakePrinter::~FakePrinter() { Stop(); }

void FakePrinter::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (listen_fd_ >= 0) {
    close(listen_fd_);
    listen_fd_ = -1;
  }
}

void FakePrinter::Loop() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    const int conn = accept(listen_fd_, nullptr, nullptr);
    if (conn < 0) continue;
    ++connections_;
    char buf[65536];
    for (;;) {
      pollfd q{conn, POLLIN, 0};
      if (poll(&q, 1, 50) <= 0) {
        if (stop_) break;
        continue;
      }
      const ssize_t n = read(conn, buf, sizeof buf);
      if (n <= 0) break;
      std::lock_guard<std::mutex> lock(mu_);
      received_.append(buf, std::size_t(n));
    }
    close(conn);
  }
}

std::string FakePrinter::WaitForBytes(std::size_t size, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (received_.size() >= size) return received_;
    }
    usleep(10 * 1000);
  }
  return Received();
}

std::string FakePrinter::Received() {
  std::lock_guard<std::mutex> lock(mu_);
  return received_;
}

}  // namespace motcua::print::testing
