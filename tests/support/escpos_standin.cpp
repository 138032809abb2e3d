#include "support/escpos_standin.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace motcua::testing {
namespace {

// Answers to DLE EOT 1..4 (bit meanings in print/escpos.h, from Epson's ESC/POS reference).
// Fixed bits: 0x12. Offline: n=1 bit 3 (0x08). Cover open: n=2 bit 2 (0x04). Paper end stop:
// n=2 bit 5 (0x20). Roll paper near-end + end sensors: n=4 bits 2,3 + 5,6 (0x0c | 0x60).
constexpr std::uint8_t kReady[4] = {0x12, 0x12, 0x12, 0x12};
constexpr std::uint8_t kPaperOut[4] = {0x1a, 0x32, 0x12, 0x7e};
constexpr std::uint8_t kCoverOpen[4] = {0x1a, 0x16, 0x12, 0x12};

bool WriteFully(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += std::size_t(n);
  }
  return true;
}

// Waits for `fd` or the wake pipe; true when `fd` is readable (or hung up).
bool WaitReadable(int fd, int wake_fd) {
  for (;;) {
    pollfd p[2] = {{fd, POLLIN, 0}, {wake_fd, POLLIN, 0}};
    const int n = poll(p, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 || p[1].revents) return false;
    if (p[0].revents) return true;
  }
}

}  // namespace

std::optional<StandinState> ParseStandinState(std::string_view text) {
  if (text == "ok") return StandinState::kOk;
  if (text == "paper_out") return StandinState::kPaperOut;
  if (text == "cover_open") return StandinState::kCoverOpen;
  if (text == "offline") return StandinState::kOffline;
  if (text == "paper_out_after_job") return StandinState::kPaperOutAfterJob;
  return std::nullopt;
}

// ---- StandinPrinter ------------------------------------------------------------------------------

std::string StandinPrinter::Answer(int n) {
  ++status_requests_;
  StandinState s = state_;
  if (s == StandinState::kPaperOutAfterJob) s = got_job_bytes_ ? StandinState::kPaperOut : StandinState::kOk;
  switch (s) {
    case StandinState::kOffline: return {};
    case StandinState::kPaperOut: return std::string(1, char(kPaperOut[n - 1]));
    case StandinState::kCoverOpen: return std::string(1, char(kCoverOpen[n - 1]));
    default: return std::string(1, char(kReady[n - 1]));
  }
}

std::string StandinPrinter::Feed(std::string_view bytes) {
  std::string data = pending_ + std::string(bytes);
  pending_.clear();
  std::string answers;
  std::size_t i = 0;
  while (i < data.size()) {
    if (data[i] == 0x10) {
      if (i + 3 > data.size()) {  // DLE or DLE EOT split across reads: wait for the rest
        pending_ = data.substr(i);
        break;
      }
      const int n = data[i + 2];
      if (data[i + 1] == 0x04 && n >= 1 && n <= 4) {
        answers += Answer(n);
        i += 3;
        continue;
      }
    }
    job_ += data[i++];
    got_job_bytes_ = true;
  }
  return answers;
}

std::string StandinPrinter::TakeJob() {
  // A lone DLE still pending at the end of a connection was job data.
  job_ += pending_;
  pending_.clear();
  std::string out;
  out.swap(job_);
  return out;
}

// ---- EscposStandin (TCP) -------------------------------------------------------------------------

std::unique_ptr<EscposStandin> EscposStandin::Start(const StandinOptions& options, std::string* error) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(std::uint16_t(options.port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 8) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    *error = std::string("cannot listen on 127.0.0.1:") + std::to_string(options.port) + ": " + std::strerror(errno);
    if (fd >= 0) close(fd);
    return nullptr;
  }
  return std::unique_ptr<EscposStandin>(new EscposStandin(options, fd, ntohs(addr.sin_port)));
}

EscposStandin::EscposStandin(const StandinOptions& options, int listen_fd, int port)
    : options_(options), listen_fd_(listen_fd), port_(port), printer_(options.state) {
  if (pipe2(wake_, O_CLOEXEC) != 0) std::abort();
  thread_ = std::thread([this] { Run(); });
}

EscposStandin::~EscposStandin() {
  (void)!write(wake_[1], "x", 1);
  thread_.join();
  close(listen_fd_);
  close(wake_[0]);
  close(wake_[1]);
}

void EscposStandin::Run() {
  while (WaitReadable(listen_fd_, wake_[0])) {
    const int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    Serve(fd);
  }
}

void EscposStandin::Serve(int fd) {
  {
    std::lock_guard lock(mu_);
    ++connections_;
  }
  char buf[16384];
  while (WaitReadable(fd, wake_[0])) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    std::string answers;
    {
      std::lock_guard lock(mu_);
      answers = printer_.Feed(std::string_view(buf, std::size_t(n)));
    }
    if (!answers.empty() && send(fd, answers.data(), answers.size(), MSG_NOSIGNAL) < 0) break;
  }
  close(fd);
  std::lock_guard lock(mu_);
  std::string job = printer_.TakeJob();
  if (job.empty()) return;
  jobs_.push_back(job);
  if (!options_.dir.empty()) {
    std::ofstream out(options_.dir + "/job-" + std::to_string(jobs_.size()) + ".bin", std::ios::binary);
    out << job;
  }
}

std::vector<std::string> EscposStandin::jobs() const {
  std::lock_guard lock(mu_);
  return jobs_;
}

int EscposStandin::status_requests() const {
  std::lock_guard lock(mu_);
  return printer_.status_requests();
}

int EscposStandin::connections() const {
  std::lock_guard lock(mu_);
  return connections_;
}

// ---- EscposPtyStandin ----------------------------------------------------------------------------

std::unique_ptr<EscposPtyStandin> EscposPtyStandin::Start(StandinState state, std::string* error) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  char name[128] = {};
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, sizeof name) != 0) {
    *error = std::string("cannot create a pseudo-terminal: ") + std::strerror(errno);
    if (master >= 0) close(master);
    return nullptr;
  }
  const int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (slave < 0) {
    *error = std::string("cannot open ") + name + ": " + std::strerror(errno);
    close(master);
    return nullptr;
  }
  return std::unique_ptr<EscposPtyStandin>(new EscposPtyStandin(state, master, slave, name));
}

EscposPtyStandin::EscposPtyStandin(StandinState state, int master_fd, int slave_fd, std::string path)
    : master_fd_(master_fd), slave_fd_(slave_fd), path_(std::move(path)), printer_(state) {
  if (pipe2(wake_, O_CLOEXEC) != 0) std::abort();
  thread_ = std::thread([this] { Run(); });
}

EscposPtyStandin::~EscposPtyStandin() {
  (void)!write(wake_[1], "x", 1);
  thread_.join();
  close(slave_fd_);
  close(master_fd_);
  close(wake_[0]);
  close(wake_[1]);
}

void EscposPtyStandin::Run() {
  char buf[16384];
  while (WaitReadable(master_fd_, wake_[0])) {
    const ssize_t n = read(master_fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    std::string answers;
    {
      std::lock_guard lock(mu_);
      answers = printer_.Feed(std::string_view(buf, std::size_t(n)));
    }
    if (!answers.empty() && !WriteFully(master_fd_, answers)) break;
  }
}

std::string EscposPtyStandin::job() const {
  std::lock_guard lock(mu_);
  return printer_.job();
}

int EscposPtyStandin::status_requests() const {
  std::lock_guard lock(mu_);
  return printer_.status_requests();
}

}  // namespace motcua::testing
