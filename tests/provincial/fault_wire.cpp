#include "fault_wire.h"

#include <arpa/inet.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <memory>
#include <thread>

namespace motcua::provincial {
namespace {

constexpr const char* kJson = "application/json";
constexpr int kSlowPieces = 10;  // the slow fault's body leaves in this many pieces

// What a proxy in front of the provincial system sends when its back end is down: not JSON.
constexpr const char* kProxyPage =
    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
    "<hr><center>nginx</center></body></html>\n";

int Port(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return -1;
}

// Waits (bounded) until the peer has acknowledged everything written on `fd`.
void WaitUntilAcknowledged(int fd) {
  for (int i = 0; i < 200; ++i) {
    int unacknowledged = 0;
    if (ioctl(fd, SIOCOUTQ, &unacknowledged) != 0 || unacknowledged == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Sends a TCP reset on `fd` and leaves the descriptor to its owner (httplib closes it).
void ResetConnection(int fd) {
  WaitUntilAcknowledged(fd);
  sockaddr unspecified{};
  unspecified.sa_family = AF_UNSPEC;
  (void)connect(fd, &unspecified, sizeof unspecified);
}

// Declares body.size() bytes, writes the first half, runs `after`, and gives up (httplib closes).
void SetHalfBody(httplib::Response& response, std::string body, std::function<void()> after) {
  const std::size_t declared = body.size();
  response.set_content_provider(
      declared, kJson,
      [body = std::move(body), after = std::move(after)](std::size_t, std::size_t, httplib::DataSink& sink) {
        sink.write(body.data(), body.size() / 2);
        if (after) after();
        return false;
      });
}

}  // namespace

int FindConnectionSocket(const httplib::Request& request) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    const std::string name = entry.path().filename().string();
    int fd = -1;
    if (std::from_chars(name.data(), name.data() + name.size(), fd).ec != std::errc()) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) continue;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) continue;
    if (Port(local) == request.local_port && Port(peer) == request.remote_port) return fd;
  }
  return -1;
}

void WriteUnprocessedFault(const Fault& fault, const httplib::Request& request, httplib::Response& response,
                           const FaultReplyBodies& bodies, const Waiter& wait) {
  switch (fault.kind) {
    case FaultKind::kHttp500:
    case FaultKind::kFailAfterStore:  // (not reached: it processes the call first)
    case FaultKind::kExpireSessions:  // (not reached: never armed)
    case FaultKind::kSlow:            // (not reached: it processes the call)
      response.status = 500;
      response.set_content(bodies.internal_error, kJson);
      return;
    case FaultKind::kHttp503:
      response.status = 503;
      response.set_header("Retry-After", std::to_string(fault.retry_after_seconds));
      response.set_content(bodies.busy, kJson);
      return;
    case FaultKind::kTimeout: {
      wait(std::chrono::milliseconds(fault.EffectiveDelayMs()));
      // Close before httplib writes: the client gets no byte at all. What httplib then tries to
      // write fails on the closed socket and is dropped.
      if (const int fd = FindConnectionSocket(request); fd >= 0) shutdown(fd, SHUT_RDWR);
      response.status = 500;
      return;
    }
    case FaultKind::kReset: {
      const int fd = FindConnectionSocket(request);
      SetHalfBody(response, bodies.internal_error, [fd] {
        if (fd >= 0) ResetConnection(fd);
      });
      return;
    }
    case FaultKind::kTruncated:
      SetHalfBody(response, bodies.internal_error, nullptr);
      return;
    case FaultKind::kInvalidJson:
      response.status = 200;
      response.set_content(kProxyPage, kJson);
      return;
    case FaultKind::kHuge:
      response.status = 200;
      response.set_content_provider(kHugeBodyBytes, kJson,
                                    [](std::size_t, std::size_t length, httplib::DataSink& sink) {
                                      static const std::string kFiller(64 * 1024, 'x');
                                      return sink.write(kFiller.data(), std::min(length, kFiller.size()));
                                    });
      return;
  }
}

void SetTrickledBody(httplib::Response& response, std::string body, std::chrono::milliseconds over, Waiter wait) {
  const std::size_t piece = std::max<std::size_t>(1, (body.size() + kSlowPieces - 1) / kSlowPieces);
  const std::size_t size = body.size();
  response.set_content_provider(
      size, kJson,
      [body = std::move(body), piece, over, wait = std::move(wait)](std::size_t offset, std::size_t length,
                                                                    httplib::DataSink& sink) {
        const std::size_t n = std::min(piece, length);
        if (!sink.write(body.data() + offset, n)) return false;
        if (offset + n < body.size() && !wait(over / kSlowPieces)) return false;
        return true;
      });
}

}  // namespace motcua::provincial
