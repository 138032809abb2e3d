// A real CUPS scheduler per test, in a temporary directory (stack.md §12.3a), and a fake network
// printer: a loopback TCP listener that records every byte a socket:// queue sends it.
//
// The scheduler listens only on a domain socket inside its directory; nothing of the machine's own
// CUPS (/etc/cups, /var/spool/cups, /run/cups) is read or touched. As root it runs its backends as
// User lp (cupsd refuses root), otherwise as the current user. It dies with the test process
// (PR_SET_PDEATHSIG) and is stopped by the destructor (SIGTERM, then SIGKILL after 5 s).
#pragma once

#include <sys/types.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "print/pdf_tools.h"

namespace motcua::print::testing {

class CupsSandbox {
 public:
  // Why the sandbox cannot run here ("" if it can): cupsd or lpadmin missing.
  static std::string SkipReason();

  CupsSandbox() = default;
  ~CupsSandbox();
  CupsSandbox(const CupsSandbox&) = delete;
  CupsSandbox& operator=(const CupsSandbox&) = delete;

  // Writes the configuration, starts cupsd and waits (<= 10 s) for its socket. "" on success,
  // otherwise what went wrong with the tail of its error log.
  std::string Start();
  void Stop();

  const std::string& socket_path() const { return socket_; }
  pid_t pid() const { return pid_; }

  // Runs a CUPS admin command (lpadmin, cupsdisable, cupsreject, ...) against this scheduler.
  CommandResult Admin(const std::string& command_line) const;
  // lpadmin -p NAME -v socket://127.0.0.1:PORT -E -m raw (a raw queue: bytes go through untouched).
  std::string AddSocketQueue(const std::string& name, int port) const;

  std::string ErrorLog() const;

 private:
  TempDir dir_;
  std::string socket_;
  pid_t pid_ = -1;
};

class FakePrinter {
 public:
  FakePrinter();  // listening on 127.0.0.1, an ephemeral port
  ~FakePrinter();
  FakePrinter(const FakePrinter&) = delete;
  FakePrinter& operator=(const FakePrinter&) = delete;

  int port() const { return port_; }
  // Closes the listening socket: later connections are refused, like a switched-off printer.
  void Stop();
  // Waits up to timeout_ms for `size` bytes in total; returns what arrived.
  std::string WaitForBytes(std::size_t size, int timeout_ms);
  std::string Received();
  int connections() const { return connections_; }

 private:
  void Loop();
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::mutex mu_;
  std::string received_;
  std::thread thread_;
};

}  // namespace motcua::print::testing
