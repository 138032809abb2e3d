// A barcode/QR scanner read as its own device, on its own thread, reconnecting when unplugged. Two modes:
//
// Serial: most 2D imagers can present themselves as a USB virtual COM port (CDC-ACM, /dev/ttyACM*, or a
// stable /dev/serial/by-id/* link), which delivers the code's bytes unchanged: UTF-8 Vietnamese and '|'
// included, with no keyboard layout, IME or wedge timing in the way (stack.md §6; issue 16: a keyboard
// wedge typed "Nguyễn" as "Nguyn"). Wire format: one scan per line, ended by CR, LF or CR LF (scanners are
// configured with a suffix; either is accepted, and the empty "line" between CR and LF is no scan). Each
// line must be valid UTF-8; one that is not is reported as an error, never handed on as text, and the
// reader goes on with the next.
//
// Evdev: a scanner in its factory HID keyboard mode, read from its own input device
// (/dev/input/by-id/*-event-kbd) and grabbed exclusively (EVIOCGRAB), so its keys never reach the box
// that has the caret and no timing guess tells a scan from typing. Keys are decoded on a US layout
// (evdev_keys.h): like a wedge, a HID scanner cannot send Vietnamese letters, so these scans are
// keyboard-sourced and a CCCD's name is still checked for lost diacritics. The user running the counter
// needs read access to the device (Debian: the "input" group).
//
// ScannerDevice states (its own thread moves between them):
//   kConnecting -> kConnected   the path opened (serial: raw mode 8N1 at the baud asked for; evdev: a key
//                               device with Enter, grabbed)
//   kConnected  -> kConnecting  the device disappeared (unplugged: read() returns EIO, ENODEV or 0, poll()
//                               HUP): the partial scan is dropped, and the path is retried every
//                               reconnect_ms until it opens again (a by-id link comes back with it)
// Open failures while connecting are kept in last_error() and retried; nothing is final.
//
// Threads: public methods may be called from any thread; on_scan runs on the reader thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/result.h"

namespace motcua::scan {

// Splits a byte stream into scan lines (the wire format above). Pure: no I/O, no clock.
class ScanLineSplitter {
 public:
  explicit ScanLineSplitter(std::size_t max_line_bytes = 4096) : max_line_bytes_(max_line_bytes) {}

  // Feeds bytes as they came (any split, even inside a UTF-8 sequence). Returns the lines completed by
  // them, in order: the text without its CR/LF, or an error on field "scan":
  //   kInvalid/"bad_utf8"       the line is not valid UTF-8 (a scanner set to a legacy code page, noise)
  //   kInvalid/"line_too_long"  more than max_line_bytes without a CR or LF: the bytes so far are
  //                             dropped, and so is the rest up to the next CR or LF
  std::vector<Result<std::string>> Feed(std::string_view bytes);

  // Drops a partial line (the device went away mid-scan).
  void Reset();

 private:
  std::size_t max_line_bytes_;
  std::string line_;
  bool overflowed_ = false;  // dropping bytes up to the next CR or LF
};

struct ScannerDeviceOptions {
  int baud = 9600;            // serial: default 9600 bit/s (the usual factory setting); CDC-ACM ignores
                              // it. One of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200
  int reconnect_ms = 1000;    // default 1000 ms between attempts to open a missing device
  std::size_t max_line_bytes = 4096;  // default 4096 bytes: a CCCD QR is about 150
  // Called on the reader thread after a scan or an error has been queued (default none): e.g. push an
  // SDL event so a UI loop sleeping in SDL_WaitEventTimeout wakes at once. Must not block.
  std::function<void()> on_scan;
};

// True for the bauds ScannerDeviceOptions::baud accepts.
bool IsSupportedBaud(int baud);

class ScannerDevice {
 public:
  using Options = ScannerDeviceOptions;
  enum class Mode { kSerial, kEvdev };
  enum class State { kConnecting, kConnected };

  // Starts the reader thread at once, opening `path` (serial with O_NOCTTY: a scanner never becomes our
  // controlling terminal). An unsupported baud (serial) or an empty path is a failure kept in last_error()
  // (kInvalid/"bad_baud" on "baud", kInvalid/"missing" on "path"), and the thread then never opens anything.
  ScannerDevice(Mode mode, std::string path, Options options = {});
  ~ScannerDevice();  // stops and joins (within one poll interval, 100 ms)
  ScannerDevice(const ScannerDevice&) = delete;
  ScannerDevice& operator=(const ScannerDevice&) = delete;

  // Lines read since the last call, oldest first: complete scans, or why a line was rejected (see
  // ScanLineSplitter::Feed).
  std::vector<Result<std::string>> TakeScans();

  State state() const;
  // Why the device is not connected (open/termios/grab failure, the device gone), or a bad option:
  //   kNotFound/"no_device" on "path" (ENOENT, ENODEV, ENXIO), kUnavailable/"no_permission" on "path"
  //   (EACCES, EPERM), kUnavailable/"not_a_scanner" on "path" (serial: not a terminal; evdev: not an
  //   input device, or one with no Enter key), kUnavailable/"busy" on "path" (evdev: another program has
  //   grabbed it), kUnavailable/"device_error" on "path" (any other errno, with strerror in detail),
  //   kUnavailable/"device_gone" after a connected device vanished.
  // nullopt while connected or before the first attempt.
  std::optional<Error> last_error() const;
  // Times the device was opened (1 after the first connect, 2 after one reconnect, ...), for tests.
  int connects() const;
  const std::string& path() const { return path_; }
  Mode mode() const { return mode_; }

 private:
  void Run();

  const Mode mode_;
  const std::string path_;
  const Options options_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  State state_ = State::kConnecting;
  std::optional<Error> last_error_;
  std::optional<Error> bad_option_;
  std::vector<Result<std::string>> queue_;
  int connects_ = 0;
  std::thread thread_;  // last: starts after every member above is ready
};

// A device that may be a code scanner, for the settings screen's list.
struct FoundScannerDevice {
  std::string path;
  ScannerDevice::Mode mode;
};

// The candidates under dev_root (default "/dev"), each list sorted by name: serial scanners by their stable
// links (serial/by-id/*), then ttyACM* nodes; HID scanners by theirs (input/by-id/*-event-kbd: a keyboard
// interface; mice and joysticks are left out). Nothing found, or no such folders, is an empty list.
std::vector<FoundScannerDevice> FindScannerDevices(const std::string& dev_root = "/dev");

}  // namespace motcua::scan
