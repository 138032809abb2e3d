#include "print/internal/printer_link.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace motcua::print::internal {
namespace {

Error Offline(const std::string& name, const std::string& why) {
  return Unavailable("printer", "printer_offline", name + ": " + why);
}

int MillisLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : left > 1'000'000 ? 1'000'000 : int(left);
}

Result<PrinterLink> Fail(int fd, const std::string& name, const std::string& why) {
  if (fd >= 0) close(fd);
  return Offline(name, why);
}

}  // namespace

PrinterLink::PrinterLink(PrinterLink&& other) noexcept
    : fd_(other.fd_), is_socket_(other.is_socket_), name_(std::move(other.name_)) {
  other.fd_ = -1;
}

PrinterLink::~PrinterLink() {
  if (fd_ >= 0) close(fd_);
}

Result<PrinterLink> PrinterLink::Open(const PrinterTarget& target, Clock::time_point deadline) {
  const std::string name = FormatPrinterTarget(target);
  if (target.kind == PrinterKind::kDevice) {
    const int fd = open(target.path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return Offline(name, std::string("cannot open: ") + std::strerror(errno));
    if (isatty(fd)) {
      termios tio{};
      if (tcgetattr(fd, &tio) != 0) return Fail(fd, name, std::string("tcgetattr: ") + std::strerror(errno));
      cfmakeraw(&tio);
      tio.c_cflag |= CLOCAL | CREAD;
      if (tcsetattr(fd, TCSANOW, &tio) != 0) return Fail(fd, name, std::string("tcsetattr: ") + std::strerror(errno));
    }
    return PrinterLink(fd, false, name);
  }
  MOTCUA_ASSERT(target.kind == PrinterKind::kTcp, "a PDF target has no link");

  sockaddr_storage addr{};
  socklen_t addr_len = 0;
  int family = AF_INET;
  if (target.host.find(':') != std::string::npos) {
    auto* a6 = reinterpret_cast<sockaddr_in6*>(&addr);
    a6->sin6_family = family = AF_INET6;
    a6->sin6_port = htons(std::uint16_t(target.port));
    if (inet_pton(AF_INET6, target.host.c_str(), &a6->sin6_addr) != 1) return Offline(name, "bad IPv6 address");
    addr_len = sizeof(sockaddr_in6);
  } else {
    auto* a4 = reinterpret_cast<sockaddr_in*>(&addr);
    a4->sin_family = AF_INET;
    a4->sin_port = htons(std::uint16_t(target.port));
    if (inet_pton(AF_INET, target.host.c_str(), &a4->sin_addr) != 1) return Offline(name, "bad IPv4 address");
    addr_len = sizeof(sockaddr_in);
  }
  const int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return Offline(name, std::string("socket: ") + std::strerror(errno));
  // Status queries are 3 bytes: send them at once, not after Nagle's delay.
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), addr_len) != 0) {
    if (errno != EINPROGRESS) return Fail(fd, name, std::string("connect: ") + std::strerror(errno));
    PrinterLink pending(fd, true, name);
    std::string why;
    if (!pending.WaitFor(POLLOUT, deadline, &why)) return Offline(name, "connect: " + why);
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0) err = errno;
    if (err != 0) return Offline(name, std::string("connect: ") + std::strerror(err));
    return pending;
  }
  return PrinterLink(fd, true, name);
}

bool PrinterLink::WaitFor(short events, Clock::time_point deadline, std::string* why) {
  for (;;) {
    pollfd p{fd_, events, 0};
    const int n = poll(&p, 1, MillisLeft(deadline));
    if (n > 0) {
      if (p.revents & events) return true;
      // POLLERR/POLLHUP without the wanted event: the next read or write reports the reason.
      if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return true;
    }
    if (n < 0 && errno != EINTR) {
      *why = std::string("poll: ") + std::strerror(errno);
      return false;
    }
    if (n == 0 || Clock::now() >= deadline) {
      *why = "timed out";
      return false;
    }
  }
}

Status PrinterLink::WriteAll(std::string_view bytes, Clock::time_point deadline) {
  std::size_t done = 0;
  auto fail = [&](const std::string& why) {
    return Offline(name_, "wrote " + std::to_string(done) + " of " + std::to_string(bytes.size()) + " bytes: " + why);
  };
  while (done < bytes.size()) {
    std::string why;
    if (!WaitFor(POLLOUT, deadline, &why)) return fail(why);
    const ssize_t n = is_socket_ ? send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL)
                                 : write(fd_, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) {
        if (Clock::now() >= deadline) return fail("timed out");
        continue;
      }
      return fail(std::strerror(errno));
    }
    if (n == 0) return fail("the printer accepts no more data");
    done += std::size_t(n);
  }
  return Ok();
}

Result<std::uint8_t> PrinterLink::ReadByte(Clock::time_point deadline) {
  for (;;) {
    std::string why;
    if (!WaitFor(POLLIN, deadline, &why)) return Offline(name_, "no status answer: " + why);
    std::uint8_t b = 0;
    const ssize_t n = read(fd_, &b, 1);
    if (n == 1) return b;
    if (n == 0) return Offline(name_, "no status answer: the printer closed the connection");
    if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) {
      if (Clock::now() >= deadline) return Offline(name_, "no status answer: timed out");
      // A device that polls readable but has nothing (usblp between packets): wait a moment.
      if (!is_socket_) usleep(2000);
      continue;
    }
    return Offline(name_, std::string("no status answer: ") + std::strerror(errno));
  }
}

void PrinterLink::DiscardPending() {
  char buf[256];
  for (int i = 0; i < 64; ++i) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 0) <= 0 || !(p.revents & POLLIN)) return;
    if (read(fd_, buf, sizeof buf) <= 0) return;
  }
}

}  // namespace motcua::print::internal
