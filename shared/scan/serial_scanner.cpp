#include "scan/serial_scanner.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "common/text.h"

namespace motcua::scan {
namespace {

constexpr int kSerialPollMs = 100;  // how often the reader looks at stop_ while the line is quiet

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
  return Unavailable("path", "device_error", detail);
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

SerialScanner::SerialScanner(std::string path, Options options)
    : path_(std::move(path)), options_(std::move(options)) {
  if (path_.empty())
    bad_option_ = Invalid("path", "missing", "no serial scanner path configured");
  else if (!IsSupportedBaud(options_.baud))
    bad_option_ = Invalid("baud", "bad_baud", "unsupported baud " + std::to_string(options_.baud));
  last_error_ = bad_option_;
  thread_ = std::thread([this] { Run(); });
}

SerialScanner::~SerialScanner() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::vector<Result<std::string>> SerialScanner::TakeScans() {
  std::lock_guard lock(mu_);
  std::vector<Result<std::string>> out;
  out.swap(queue_);
  return out;
}

SerialScanner::State SerialScanner::state() const {
  std::lock_guard lock(mu_);
  return state_;
}

std::optional<Error> SerialScanner::last_error() const {
  std::lock_guard lock(mu_);
  return last_error_;
}

int SerialScanner::connects() const {
  std::lock_guard lock(mu_);
  return connects_;
}

void SerialScanner::SetError(std::optional<Error> e) {
  std::lock_guard lock(mu_);
  last_error_ = std::move(e);
}

int SerialScanner::TryOpen() {
  const int fd = ::open(path_.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    SetError(OpenError(path_, errno, "open"));
    return -1;
  }
  // Raw 8N1: no echo, no line editing, no CR/LF translation, no signals from the data; reads return what
  // has arrived (VMIN 0 + O_NONBLOCK, with poll() for the waiting).
  termios tio{};
  if (::tcgetattr(fd, &tio) != 0) {
    SetError(OpenError(path_, errno, "not a serial device (tcgetattr)"));
    ::close(fd);
    return -1;
  }
  ::cfmakeraw(&tio);
  tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CSIZE | CRTSCTS);
  tio.c_cflag |= CS8 | CLOCAL | CREAD;
  tio.c_cc[VMIN] = 0;
  tio.c_cc[VTIME] = 0;
  const speed_t speed = SerialSpeed(options_.baud);
  ::cfsetispeed(&tio, speed);
  ::cfsetospeed(&tio, speed);
  if (::tcsetattr(fd, TCSANOW, &tio) != 0) {
    SetError(OpenError(path_, errno, "tcsetattr"));
    ::close(fd);
    return -1;
  }
  ::tcflush(fd, TCIFLUSH);  // bytes from before raw mode were cooked by the line discipline
  return fd;
}

void SerialScanner::Run() {
  if (bad_option_) return;
  ScanLineSplitter splitter(options_.max_line_bytes);
  for (;;) {
    int fd = -1;
    {
      std::unique_lock lock(mu_);
      if (stop_) return;
    }
    fd = TryOpen();
    if (fd < 0) {
      std::unique_lock lock(mu_);
      wake_.wait_for(lock, std::chrono::milliseconds(options_.reconnect_ms), [this] { return stop_; });
      continue;
    }
    {
      std::lock_guard lock(mu_);
      state_ = State::kConnected;
      last_error_.reset();
      ++connects_;
    }
    splitter.Reset();
    std::optional<Error> gone;
    for (;;) {
      {
        std::lock_guard lock(mu_);
        if (stop_) break;
      }
      pollfd p{fd, POLLIN, 0};
      const int ready = ::poll(&p, 1, kSerialPollMs);
      if (ready < 0) {
        if (errno == EINTR) continue;
        gone = Unavailable("path", "device_gone", path_ + ": poll: " + std::strerror(errno));
        break;
      }
      if (ready == 0) continue;
      char buf[512];
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n > 0) {
        std::vector<Result<std::string>> lines = splitter.Feed(std::string_view(buf, static_cast<std::size_t>(n)));
        if (!lines.empty()) {
          {
            std::lock_guard lock(mu_);
            for (auto& l : lines) queue_.push_back(std::move(l));
          }
          if (options_.on_scan) options_.on_scan();
        }
        continue;
      }
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        if ((p.revents & (POLLHUP | POLLERR | POLLNVAL)) == 0) continue;
      }
      // EOF, EIO or a hang-up: the device went away (unplugged, or a pseudo-terminal's master closed).
      gone = Unavailable("path", "device_gone",
                         path_ + ": " + (n < 0 ? std::strerror(errno) : "hung up") + "; waiting for it to return");
      break;
    }
    ::close(fd);
    std::unique_lock lock(mu_);
    if (stop_) return;
    state_ = State::kConnecting;
    last_error_ = gone;
    wake_.wait_for(lock, std::chrono::milliseconds(options_.reconnect_ms), [this] { return stop_; });
  }
}

}  // namespace motcua::scan
