// A byte link to one ESC/POS printer: a TCP connection or an open device file, with every wait
// bounded by a deadline. Private to motcua_print (ticket_printer.cpp).
//
// The file descriptor is non-blocking: each read and write first poll()s for readiness until the
// deadline, so no call can block forever (a printer that stops reading, a dead network peer).
// TCP writes use MSG_NOSIGNAL, so a peer that closed raises no SIGPIPE.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "print/escpos.h"

namespace motcua::print::internal {

using Clock = std::chrono::steady_clock;

class PrinterLink {
 public:
  // Connects (kTcp: non-blocking connect, waiting at most until `deadline`) or opens (kDevice:
  // O_RDWR | O_NOCTTY | O_NONBLOCK; a terminal, i.e. a serial printer, is switched to raw mode so
  // that no byte is translated or echoed; its speed is left as configured).
  // Errors: kUnavailable/"printer_offline" on "printer", the detail naming the target and reason.
  static Result<PrinterLink> Open(const PrinterTarget& target, Clock::time_point deadline);

  PrinterLink(PrinterLink&& other) noexcept;
  PrinterLink& operator=(PrinterLink&&) = delete;
  PrinterLink(const PrinterLink&) = delete;
  ~PrinterLink();

  // Writes all of `bytes` by `deadline`. Errors: kUnavailable/"printer_offline" ("wrote N of M
  // bytes" and why: timeout, connection reset, device gone).
  Status WriteAll(std::string_view bytes, Clock::time_point deadline);

  // Reads one byte by `deadline`. Errors: kUnavailable/"printer_offline" (no answer in time, or the
  // connection closed).
  Result<std::uint8_t> ReadByte(Clock::time_point deadline);

  // Discards whatever the printer sent unasked (a stray status, an echo) without waiting.
  void DiscardPending();

  const std::string& name() const { return name_; }  // the target, for error details

 private:
  PrinterLink(int fd, bool is_socket, std::string name) : fd_(fd), is_socket_(is_socket), name_(std::move(name)) {}
  // poll() for `events` until `deadline`; false on timeout. EINTR restarts with the time left.
  bool WaitFor(short events, Clock::time_point deadline, std::string* why);

  int fd_ = -1;
  bool is_socket_ = false;
  std::string name_;
};

}  // namespace motcua::print::internal
