#include "scan/scanner_device.h"

#include <fcntl.h>
#include <libevdev/libevdev.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>

#include "common/text.h"
#include "scan/evdev_keys.h"

namespace motcua::scan {
namespace {

constexpr int kDevicePollMs = 100;  // how often the reader looks at stop_ while the device is quiet

speed_t SerialSpeed(int baud) {
  switch (baud) {
    case 1200: return B1200;
    case 2400: return B2400;
    case 4800: return B4800;
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    default: return B0;
  }
}

Error OpenError(const std::string& path, int err, const char* what) {
  const std::string detail = path + ": " + what + ": " + std::strerror(err);
  if (err == ENOENT || err == ENODEV || err == ENXIO) return NotFound("path", "no_device", detail);
  if (err == EACCES || err == EPERM)
    return Unavailable("path", "no_permission", detail + " (the counter's user needs access to the device)");
  return Unavailable("path", "device_error", detail);
}

Error GoneError(const std::string& path, const char* why) {
  return Unavailable("path", "device_gone", path + ": " + why + "; waiting for it to return");
}

// One opened device: its fd to poll, and what to do when it is readable.
class Link {
 public:
  virtual ~Link() { ::close(fd_); }
  int fd() const { return fd_; }
  // Reads what has arrived, appending finished scans (and refused lines) to `out`. Returns an error when
  // the device has gone away.
  virtual std::optional<Error> ReadReady(std::vector<Result<std::string>>& out) = 0;

 protected:
  explicit Link(int fd) : fd_(fd) {}
  const int fd_;
};

class SerialLink final : public Link {
 public:
  SerialLink(int fd, std::string path, std::size_t max_line_bytes)
      : Link(fd), path_(std::move(path)), splitter_(max_line_bytes) {}

  std::optional<Error> ReadReady(std::vector<Result<std::string>>& out) override {
    char buf[512];
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n > 0) {
      for (auto& line : splitter_.Feed(std::string_view(buf, static_cast<std::size_t>(n)))) out.push_back(std::move(line));
      return std::nullopt;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return std::nullopt;
    // EOF, EIO or a hang-up: the device went away (unplugged, or a pseudo-terminal's master closed).
    return GoneError(path_, n < 0 ? std::strerror(errno) : "hung up");
  }

 private:
  std::string path_;
  ScanLineSplitter splitter_;
};

Result<std::unique_ptr<Link>> OpenSerial(const std::string& path, const ScannerDeviceOptions& options) {
  const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return OpenError(path, errno, "open");
  auto link = std::make_unique<SerialLink>(fd, path, options.max_line_bytes);  // closes fd on every return
  // Raw 8N1: no echo, no line editing, no CR/LF translation, no signals from the data; reads return what
  // has arrived (VMIN 0 + O_NONBLOCK, with poll() for the waiting).
  termios tio{};
  if (::tcgetattr(fd, &tio) != 0) {
    if (errno == ENOTTY)
      return Unavailable("path", "not_a_scanner", path + ": not a serial device (is the scanner in HID mode? use evdev)");
    return OpenError(path, errno, "tcgetattr");
  }
  ::cfmakeraw(&tio);
  tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CSIZE | CRTSCTS);
  tio.c_cflag |= CS8 | CLOCAL | CREAD;
  tio.c_cc[VMIN] = 0;
  tio.c_cc[VTIME] = 0;
  const speed_t speed = SerialSpeed(options.baud);
  ::cfsetispeed(&tio, speed);
  ::cfsetospeed(&tio, speed);
  if (::tcsetattr(fd, TCSANOW, &tio) != 0) return OpenError(path, errno, "tcsetattr");
  ::tcflush(fd, TCIFLUSH);  // bytes from before raw mode were cooked by the line discipline
  return std::unique_ptr<Link>(std::move(link));
}

class EvdevLink final : public Link {
 public:
  EvdevLink(int fd, std::string path, std::size_t max_line_bytes)
      : Link(fd), path_(std::move(path)), decoder_(max_line_bytes) {}
  ~EvdevLink() override {
    if (dev_ != nullptr) {
      libevdev_grab(dev_, LIBEVDEV_UNGRAB);
      libevdev_free(dev_);
    }
  }

  // Takes the device: it must be an input device with an Enter key, and nobody else may hold it.
  std::optional<Error> Take() {
    const int rc = libevdev_new_from_fd(fd_, &dev_);
    if (rc < 0) {
      dev_ = nullptr;
      if (-rc == ENOTTY || -rc == EINVAL)
        return Unavailable("path", "not_a_scanner", path_ + ": not an input device (/dev/input/by-id/*-event-kbd)");
      return OpenError(path_, -rc, "libevdev");
    }
    if (!libevdev_has_event_code(dev_, EV_KEY, KEY_ENTER))
      return Unavailable("path", "not_a_scanner",
                         path_ + ": \"" + (libevdev_get_name(dev_) ? libevdev_get_name(dev_) : "?") +
                             "\" has no Enter key: not a keyboard-mode scanner");
    if (const int g = libevdev_grab(dev_, LIBEVDEV_GRAB); g < 0) {
      if (-g == EBUSY) return Unavailable("path", "busy", path_ + ": another program holds the device (EVIOCGRAB)");
      return OpenError(path_, -g, "grab");
    }
    return std::nullopt;
  }

  std::optional<Error> ReadReady(std::vector<Result<std::string>>& out) override {
    input_event ev{};
    unsigned flag = LIBEVDEV_READ_FLAG_NORMAL;
    for (;;) {
      const int rc = libevdev_next_event(dev_, flag, &ev);
      if (rc == -EAGAIN) {
        if (flag == LIBEVDEV_READ_FLAG_SYNC) {  // resynced: back to the normal stream
          flag = LIBEVDEV_READ_FLAG_NORMAL;
          continue;
        }
        return std::nullopt;
      }
      if (rc == LIBEVDEV_READ_STATUS_SYNC) {
        // The kernel's buffer overflowed (SYN_DROPPED): keys of the scan in progress were lost, so it is
        // dropped rather than handed on with letters missing; the resync events only restore key state.
        if (flag == LIBEVDEV_READ_FLAG_NORMAL) {
          decoder_.Reset();
          out.push_back(Invalid("scan", "events_dropped", path_ + ": the scanner sent faster than it was read; scan again"));
        }
        flag = LIBEVDEV_READ_FLAG_SYNC;
        continue;
      }
      if (rc < 0) return GoneError(path_, std::strerror(-rc));
      if (flag == LIBEVDEV_READ_FLAG_SYNC) continue;
      if (std::optional<std::string> text = decoder_.Feed({ev.type, ev.code, ev.value})) out.emplace_back(std::move(*text));
    }
  }

 private:
  std::string path_;
  EvdevKeyDecoder decoder_;
  libevdev* dev_ = nullptr;
};

Result<std::unique_ptr<Link>> OpenEvdev(const std::string& path, const ScannerDeviceOptions& options) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return OpenError(path, errno, "open");
  auto link = std::make_unique<EvdevLink>(fd, path, options.max_line_bytes);
  if (std::optional<Error> e = link->Take()) return *e;
  return std::unique_ptr<Link>(std::move(link));
}

}  // namespace

std::vector<Result<std::string>> ScanLineSplitter::Feed(std::string_view bytes) {
  std::vector<Result<std::string>> out;
  for (char c : bytes) {
    if (c == '\r' || c == '\n') {
      if (overflowed_) {
        overflowed_ = false;
      } else if (!line_.empty()) {
        if (IsValidUtf8(line_))
          out.emplace_back(std::move(line_));
        else
          out.emplace_back(Invalid("scan", "bad_utf8",
                                   "the scanner sent a line that is not UTF-8 (" + std::to_string(line_.size()) +
                                       " bytes); set the scanner to UTF-8 output"));
      }
      line_.clear();
      continue;
    }
    if (overflowed_) continue;
    if (line_.size() >= max_line_bytes_) {
      out.emplace_back(Invalid("scan", "line_too_long",
                               "more than " + std::to_string(max_line_bytes_) + " bytes without CR or LF"));
      line_.clear();
      overflowed_ = true;
      continue;
    }
    line_.push_back(c);
  }
  return out;
}

void ScanLineSplitter::Reset() {
  line_.clear();
  overflowed_ = false;
}

bool IsSupportedBaud(int baud) { return SerialSpeed(baud) != B0; }

ScannerDevice::ScannerDevice(Mode mode, std::string path, Options options)
    : mode_(mode), path_(std::move(path)), options_(std::move(options)) {
  if (path_.empty())
    bad_option_ = Invalid("path", "missing", "no scanner device path configured");
  else if (mode_ == Mode::kSerial && !IsSupportedBaud(options_.baud))
    bad_option_ = Invalid("baud", "bad_baud", "unsupported baud " + std::to_string(options_.baud));
  last_error_ = bad_option_;
  thread_ = std::thread([this] { Run(); });
}

ScannerDevice::~ScannerDevice() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::vector<Result<std::string>> ScannerDevice::TakeScans() {
  std::lock_guard lock(mu_);
  std::vector<Result<std::string>> out;
  out.swap(queue_);
  return out;
}

ScannerDevice::State ScannerDevice::state() const {
  std::lock_guard lock(mu_);
  return state_;
}

std::optional<Error> ScannerDevice::last_error() const {
  std::lock_guard lock(mu_);
  return last_error_;
}

int ScannerDevice::connects() const {
  std::lock_guard lock(mu_);
  return connects_;
}

void ScannerDevice::Run() {
  if (bad_option_) return;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      if (stop_) return;
    }
    Result<std::unique_ptr<Link>> opened = mode_ == Mode::kSerial ? OpenSerial(path_, options_) : OpenEvdev(path_, options_);
    if (!opened.has_value()) {
      std::unique_lock lock(mu_);
      last_error_ = opened.error();
      wake_.wait_for(lock, std::chrono::milliseconds(options_.reconnect_ms), [this] { return stop_; });
      continue;
    }
    std::unique_ptr<Link> link = std::move(*opened);
    {
      std::lock_guard lock(mu_);
      state_ = State::kConnected;
      last_error_.reset();
      ++connects_;
    }
    std::optional<Error> gone;
    for (;;) {
      {
        std::lock_guard lock(mu_);
        if (stop_) break;
      }
      pollfd p{link->fd(), POLLIN, 0};
      const int ready = ::poll(&p, 1, kDevicePollMs);
      if (ready < 0) {
        if (errno == EINTR) continue;
        gone = GoneError(path_, std::strerror(errno));
        break;
      }
      if (ready == 0) continue;
      std::vector<Result<std::string>> scans;
      gone = link->ReadReady(scans);
      if (!gone && scans.empty() && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) gone = GoneError(path_, "hung up");
      if (!scans.empty()) {
        {
          std::lock_guard lock(mu_);
          for (auto& s : scans) queue_.push_back(std::move(s));
        }
        if (options_.on_scan) options_.on_scan();
      }
      if (gone) break;
    }
    link.reset();
    std::unique_lock lock(mu_);
    if (stop_) return;
    state_ = State::kConnecting;
    last_error_ = gone;
    wake_.wait_for(lock, std::chrono::milliseconds(options_.reconnect_ms), [this] { return stop_; });
  }
}

namespace {

// Names in `dir` that pass `keep`, sorted; none when the folder is missing or unreadable.
std::vector<std::string> EntriesOf(const std::filesystem::path& dir, bool (*keep)(std::string_view name)) {
  std::vector<std::string> out;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (const std::string name = it->path().filename().string(); keep(name)) out.push_back((dir / name).string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<FoundScannerDevice> FindScannerDevices(const std::string& dev_root) {
  const std::filesystem::path root(dev_root);
  std::vector<FoundScannerDevice> found;
  for (std::string& p : EntriesOf(root / "serial" / "by-id", [](std::string_view) { return true; }))
    found.push_back({std::move(p), ScannerDevice::Mode::kSerial});
  for (std::string& p : EntriesOf(root, [](std::string_view n) { return n.rfind("ttyACM", 0) == 0; }))
    found.push_back({std::move(p), ScannerDevice::Mode::kSerial});
  for (std::string& p : EntriesOf(root / "input" / "by-id", [](std::string_view n) {
         return n.size() >= 10 && n.substr(n.size() - 10) == "-event-kbd";
       }))
    found.push_back({std::move(p), ScannerDevice::Mode::kEvdev});
  return found;
}

}  // namespace motcua::scan
