#include "scan/camera.h"

#include <fcntl.h>
#include <libv4l2.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <stb_image.h>  // the implementation is in libstb: never define STB_IMAGE_IMPLEMENTATION
#include <sys/mman.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

namespace motcua::scan {
namespace {

using Clock = std::chrono::steady_clock;

// Bounds every wait of the scanner thread, so that stopping or pausing takes effect within it.
constexpr int kScannerPollMs = 100;

std::string SystemError(int err) { return std::error_code(err, std::generic_category()).message(); }

std::string FourCc(std::uint32_t f) {
  std::string s;
  for (int i = 0; i < 4; ++i) {
    const char c = static_cast<char>((f >> (8 * i)) & 0xff);
    if (c != ' ' && c != 0) s += c;
  }
  return s;
}

// ioctl through libv4l2, retried on EINTR.
int Xioctl(int fd, unsigned long request, void* arg) {
  int r;
  do r = v4l2_ioctl(fd, request, arg);
  while (r < 0 && errno == EINTR);
  return r;
}

Error CameraError(const std::string& device, const std::string& what, int err) {
  if (err == EBUSY)
    return Unavailable("device", "camera_busy", device + " is in use by another program (" + what + ": " +
                                                    SystemError(err) + ")");
  if (err == ENODEV || err == ENXIO)
    return Unavailable("device", "camera_error", device + " was disconnected (" + what + ": " + SystemError(err) + ")");
  return Unavailable("device", "camera_error", device + ": " + what + " failed: " + SystemError(err));
}

// --- V4L2 -----------------------------------------------------------------------------------------

class V4l2Camera final : public FrameSource {
 public:
  struct Buffer {
    void* start = MAP_FAILED;
    std::size_t length = 0;
  };

  V4l2Camera(std::string device, int fd) : device_(std::move(device)), fd_(fd) {}
  ~V4l2Camera() override {
    if (streaming_) {
      v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      Xioctl(fd_, VIDIOC_STREAMOFF, &type);
    }
    for (const Buffer& b : buffers_)
      if (b.start != MAP_FAILED) v4l2_munmap(b.start, b.length);
    if (fd_ >= 0) v4l2_close(fd_);
  }
  V4l2Camera(const V4l2Camera&) = delete;
  V4l2Camera& operator=(const V4l2Camera&) = delete;

  // Capabilities, format, buffers, stream on.
  Status Start(int width, int height) {
    v4l2_capability cap{};
    if (Xioctl(fd_, VIDIOC_QUERYCAP, &cap) < 0)
      return NotFound("device", "no_camera", device_ + " is not a V4L2 device (VIDIOC_QUERYCAP: " + SystemError(errno) + ")");
    const std::uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
    if (!(caps & V4L2_CAP_VIDEO_CAPTURE))
      return NotFound("device", "no_camera",
                      device_ + " (" + reinterpret_cast<const char*>(cap.card) + ") is not a video capture device");
    if (!(caps & V4L2_CAP_STREAMING))
      return Unavailable("device", "camera_error", device_ + " cannot stream (no V4L2_CAP_STREAMING)");

    MOTCUA_TRY(ChooseFormat(width, height));

    // Ask for 30 frames per second; drivers that cannot change it keep their own rate.
    v4l2_streamparm parm{};
    parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    parm.parm.capture.timeperframe = {1, 30};
    (void)Xioctl(fd_, VIDIOC_S_PARM, &parm);

    v4l2_requestbuffers req{};
    req.count = 4;
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (Xioctl(fd_, VIDIOC_REQBUFS, &req) < 0) return CameraError(device_, "VIDIOC_REQBUFS", errno);
    if (req.count < 2)
      return Unavailable("device", "camera_error", device_ + ": the driver gave " + std::to_string(req.count) + " buffer(s)");
    buffers_.resize(req.count);
    for (std::uint32_t i = 0; i < req.count; ++i) {
      v4l2_buffer buf{};
      buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      buf.memory = V4L2_MEMORY_MMAP;
      buf.index = i;
      if (Xioctl(fd_, VIDIOC_QUERYBUF, &buf) < 0) return CameraError(device_, "VIDIOC_QUERYBUF", errno);
      buffers_[i].length = buf.length;
      buffers_[i].start = v4l2_mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, buf.m.offset);
      if (buffers_[i].start == MAP_FAILED) return CameraError(device_, "mmap", errno);
      if (Xioctl(fd_, VIDIOC_QBUF, &buf) < 0) return CameraError(device_, "VIDIOC_QBUF", errno);
    }
    v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (Xioctl(fd_, VIDIOC_STREAMON, &type) < 0) return CameraError(device_, "VIDIOC_STREAMON", errno);
    streaming_ = true;
    return Ok();
  }

  Result<Frame> Next(int timeout_ms) override {
    pollfd p{fd_, POLLIN, 0};
    const int ready = poll(&p, 1, std::max(0, timeout_ms));
    if (ready < 0 && errno != EINTR) return CameraError(device_, "poll", errno);
    if (ready <= 0) return Unavailable("device", "frame_timeout", device_ + ": no frame within " + std::to_string(timeout_ms) + " ms");
    if (p.revents & (POLLERR | POLLHUP | POLLNVAL))
      return Unavailable("device", "camera_error", device_ + " stopped delivering frames (disconnected?)");

    // Dequeue everything the driver holds and keep the newest: older frames are stale by now.
    std::optional<v4l2_buffer> newest;
    for (;;) {
      v4l2_buffer buf{};
      buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      buf.memory = V4L2_MEMORY_MMAP;
      if (Xioctl(fd_, VIDIOC_DQBUF, &buf) < 0) {
        if (errno == EAGAIN) break;
        const int err = errno;
        if (newest) (void)Xioctl(fd_, VIDIOC_QBUF, &*newest);
        return CameraError(device_, "VIDIOC_DQBUF", err);
      }
      if (newest && Xioctl(fd_, VIDIOC_QBUF, &*newest) < 0) return CameraError(device_, "VIDIOC_QBUF", errno);
      newest = buf;
    }
    if (!newest) return Unavailable("device", "frame_timeout", device_ + ": woke up without a frame");

    Frame frame;
    frame.captured = Clock::now();
    // The driver's capture instant when it is on the monotonic clock (steady_clock on Linux) and sane.
    if ((newest->flags & V4L2_BUF_FLAG_TIMESTAMP_MASK) == V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC &&
        (newest->timestamp.tv_sec != 0 || newest->timestamp.tv_usec != 0)) {
      const Clock::time_point t{std::chrono::seconds(newest->timestamp.tv_sec) +
                                std::chrono::microseconds(newest->timestamp.tv_usec)};
      if (t <= frame.captured && frame.captured - t < std::chrono::seconds(1)) frame.captured = t;
    }
    const auto* data = static_cast<const std::uint8_t*>(buffers_[newest->index].start);
    const std::size_t used = newest->bytesused ? newest->bytesused : buffers_[newest->index].length;
    CopyLuma(data, used, frame.image);
    if (Xioctl(fd_, VIDIOC_QBUF, &*newest) < 0) return CameraError(device_, "VIDIOC_QBUF", errno);
    if (frame.image.pixels.empty())
      return Unavailable("device", "camera_error", device_ + ": a frame of " + std::to_string(used) + " bytes is too short");
    return frame;
  }

  std::string Describe() const override {
    return device_ + " " + std::to_string(width_) + "x" + std::to_string(height_) + " " + FourCc(pixelformat_) +
           (emulated_ ? " (converted by libv4l)" : "");
  }

 private:
  // The first of GREY, YUYV (at exactly the requested size: a webcam's YUYV is often limited to small
  // sizes or low rates, where MJPEG is not) and YUV420 (any size the driver picks) that S_FMT keeps.
  Status ChooseFormat(int width, int height) {
    struct Want {
      std::uint32_t pixelformat;
      bool exact_size;
    };
    for (const Want want : {Want{V4L2_PIX_FMT_GREY, true}, Want{V4L2_PIX_FMT_YUYV, true}, Want{V4L2_PIX_FMT_YUV420, false}}) {
      v4l2_format fmt{};
      fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      fmt.fmt.pix.width = std::uint32_t(width);
      fmt.fmt.pix.height = std::uint32_t(height);
      fmt.fmt.pix.pixelformat = want.pixelformat;
      fmt.fmt.pix.field = V4L2_FIELD_NONE;
      if (Xioctl(fd_, VIDIOC_S_FMT, &fmt) < 0) {
        if (errno == EBUSY) return CameraError(device_, "VIDIOC_S_FMT", errno);
        continue;
      }
      if (fmt.fmt.pix.pixelformat != want.pixelformat) continue;
      if (want.exact_size && (int(fmt.fmt.pix.width) != width || int(fmt.fmt.pix.height) != height)) continue;
      pixelformat_ = fmt.fmt.pix.pixelformat;
      width_ = int(fmt.fmt.pix.width);
      height_ = int(fmt.fmt.pix.height);
      const int min_line = pixelformat_ == V4L2_PIX_FMT_YUYV ? 2 * width_ : width_;
      bytes_per_line_ = std::max(int(fmt.fmt.pix.bytesperline), min_line);
      emulated_ = IsEmulated(pixelformat_);
      return Ok();
    }
    return Unavailable("device", "camera_error",
                       device_ + " offers none of GREY, YUYV, YUV420 (even through libv4l's conversion)");
  }

  bool IsEmulated(std::uint32_t pixelformat) const {
    for (std::uint32_t i = 0;; ++i) {
      v4l2_fmtdesc d{};
      d.index = i;
      d.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      if (Xioctl(fd_, VIDIOC_ENUM_FMT, &d) < 0) return false;
      if (d.pixelformat == pixelformat) return (d.flags & V4L2_FMT_FLAG_EMULATED) != 0;
    }
  }

  // The Y plane (GREY and YUV420: the first height rows; YUYV: every other byte).
  void CopyLuma(const std::uint8_t* data, std::size_t used, GrayImage& out) const {
    const std::size_t needed = std::size_t(bytes_per_line_) * (height_ - 1) +
                               std::size_t(pixelformat_ == V4L2_PIX_FMT_YUYV ? 2 * width_ : width_);
    if (used < needed) return;
    out.width = width_;
    out.height = height_;
    out.pixels.resize(std::size_t(width_) * height_);
    for (int y = 0; y < height_; ++y) {
      const std::uint8_t* row = data + std::size_t(y) * bytes_per_line_;
      std::uint8_t* dst = &out.pixels[std::size_t(y) * width_];
      if (pixelformat_ == V4L2_PIX_FMT_YUYV)
        for (int x = 0; x < width_; ++x) dst[x] = row[2 * x];
      else
        std::memcpy(dst, row, std::size_t(width_));
    }
  }

  std::string device_;
  int fd_ = -1;
  bool streaming_ = false;
  std::vector<Buffer> buffers_;
  std::uint32_t pixelformat_ = 0;
  int width_ = 0, height_ = 0, bytes_per_line_ = 0;
  bool emulated_ = false;
};

// --- Image files ----------------------------------------------------------------------------------

bool IsImageFileName(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (const char* e : {".png", ".jpg", ".jpeg", ".pgm", ".ppm", ".pnm", ".bmp"})
    if (ext == e) return true;
  return false;
}

class ImageFiles final : public FrameSource {
 public:
  ImageFiles(std::vector<std::string> files, bool loop, int interval_ms)
      : files_(std::move(files)), loop_(loop), interval_(interval_ms) {}

  Result<Frame> Next(int timeout_ms) override {
    if (next_ == files_.size()) {
      if (!loop_) return NotFound("path", "end_of_frames", "all " + std::to_string(files_.size()) + " image files were delivered");
      next_ = 0;
    }
    if (delivered_any_) {
      const Clock::time_point due = last_delivery_ + interval_;
      const Clock::time_point limit = Clock::now() + std::chrono::milliseconds(std::max(0, timeout_ms));
      std::this_thread::sleep_until(std::min(due, limit));
      if (Clock::now() < due) return Unavailable("path", "frame_timeout", "next image file not due yet");
    }
    const std::string& path = files_[next_++];
    last_delivery_ = Clock::now();
    delivered_any_ = true;
    MOTCUA_ASSIGN_OR_RETURN(GrayImage image, LoadGrayImage(path));
    return Frame{std::move(image), Clock::now()};
  }

  std::string Describe() const override {
    return std::to_string(files_.size()) + (files_.size() == 1 ? " image file" : " image files") + (loop_ ? ", looping" : "");
  }

 private:
  std::vector<std::string> files_;
  bool loop_;
  std::chrono::milliseconds interval_;
  std::size_t next_ = 0;
  bool delivered_any_ = false;
  Clock::time_point last_delivery_{};
};

}  // namespace

Result<std::unique_ptr<FrameSource>> OpenV4l2Camera(const std::string& device, int width, int height) {
  if (width < 1 || height < 1)
    return Invalid("device", "bad_size", "camera size " + std::to_string(width) + "x" + std::to_string(height) + " is not positive");
  const int fd = v4l2_open(device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT || err == ENODEV || err == ENXIO || err == ENOTDIR)
      return NotFound("device", "no_camera", "no camera at " + device + " (" + SystemError(err) + ")");
    // libv4l2 asks the device what it is on open: a plain file or a folder fails there.
    if (err == ENOTTY || err == EISDIR || err == EINVAL)
      return NotFound("device", "no_camera", device + " is not a V4L2 device (" + SystemError(err) + ")");
    if (err == EACCES || err == EPERM)
      return Unavailable("device", "camera_error", "cannot open " + device + ": " + SystemError(err) +
                                                       " (is the kiosk's user in the 'video' group?)");
    return CameraError(device, "open", err);
  }
  auto camera = std::make_unique<V4l2Camera>(device, fd);  // owns fd from here
  MOTCUA_TRY(camera->Start(width, height));
  return std::unique_ptr<FrameSource>(std::move(camera));
}

Result<std::unique_ptr<FrameSource>> OpenImageFiles(const std::vector<std::string>& paths, bool loop, int interval_ms) {
  namespace fs = std::filesystem;
  if (interval_ms < 0)
    return Invalid("interval_ms", "bad_interval", "the interval between image frames is negative: " + std::to_string(interval_ms));
  if (paths.empty()) return Invalid("paths", "no_image_files", "no image files or folders given");
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) return NotFound("path", "file_not_found", "no such image file or folder: " + path);
    if (!fs::is_directory(st)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> in_folder;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
      if (!it->is_directory() && IsImageFileName(it->path())) in_folder.push_back(it->path().string());
    if (ec) return Unavailable("path", "file_unreadable", "cannot list the folder " + path + ": " + ec.message());
    if (in_folder.empty())
      return NotFound("path", "no_image_files", "the folder " + path + " holds no .png, .jpg, .jpeg, .pgm, .ppm, .pnm or .bmp file");
    std::sort(in_folder.begin(), in_folder.end());
    files.insert(files.end(), in_folder.begin(), in_folder.end());
  }
  return std::unique_ptr<FrameSource>(std::make_unique<ImageFiles>(std::move(files), loop, interval_ms));
}

Result<GrayImage> LoadGrayImage(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    const int err = errno;
    if (err == ENOENT || err == ENOTDIR) return NotFound("path", "file_not_found", "no such image file: " + path);
    return Unavailable("path", "file_unreadable", "cannot read " + path + ": " + SystemError(err));
  }
  struct stat st{};
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    std::fclose(f);
    return Unavailable("path", "file_unreadable", "cannot read " + path + ": it is a folder");
  }
  int width = 0, height = 0, channels = 0;
  stbi_uc* data = stbi_load_from_file(f, &width, &height, &channels, 1);
  std::fclose(f);
  if (!data) {
    const char* why = stbi_failure_reason();
    return Invalid("path", "bad_image_file", path + " is not a PNG, JPEG, PGM/PPM or BMP image this decoder reads (" +
                                                 (why ? why : "unknown reason") + ")");
  }
  GrayImage image;
  image.width = width;
  image.height = height;
  image.pixels.assign(data, data + std::size_t(width) * height);
  stbi_image_free(data);
  return image;
}

// --- CameraScanner --------------------------------------------------------------------------------

CameraScanner::CameraScanner(std::unique_ptr<FrameSource> source, Options options)
    : source_(std::move(source)),
      options_(std::move(options)),
      description_(source_ ? source_->Describe() : std::string("no source")) {
  if (!source_) {
    state_ = State::kFailed;
    failure_ = Invalid("source", "no_source", "the camera scanner was given no frame source");
    return;
  }
  thread_ = std::thread([this] { Run(); });
}

CameraScanner::~CameraScanner() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void CameraScanner::Run() {
  const auto repeat_after = std::chrono::milliseconds(std::max(0, options_.repeat_after_ms));
  for (;;) {
    Clock::time_point resumed_at;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stop_ || !paused_; });
      if (stop_) return;
      resumed_at = resumed_at_;
    }
    Result<Frame> frame = source_->Next(kScannerPollMs);
    if (!frame) {
      if (frame.error().rule == "frame_timeout") continue;
      std::lock_guard lock(mu_);
      if (frame.error().rule == "end_of_frames") {
        state_ = State::kStopped;
      } else {
        state_ = State::kFailed;
        failure_ = frame.error();
      }
      return;
    }
    if (frame->captured < resumed_at) continue;  // captured before the last pause ended
    Result<std::string> text = DecodeQr(frame->image, options_.decode);
    bool report = false;
    if (text) {
      const Clock::time_point t = frame->captured;
      auto it = last_seen_.find(*text);
      report = it == last_seen_.end() || t - it->second >= repeat_after;
      last_seen_[*text] = t;
      // Forget texts out of view long enough to be reported again anyway.
      std::erase_if(last_seen_, [&](const auto& kv) { return t - kv.second > repeat_after && kv.first != *text; });
    }
    {
      std::lock_guard lock(mu_);
      ++frames_;
      if (report) queue_.push_back({*text, frame->captured});
    }
    if (report && options_.on_decoded) options_.on_decoded();
  }
}

std::vector<std::string> CameraScanner::TakeDecoded() {
  std::vector<std::string> texts;
  for (Decoded& d : TakeDecodedWithTimes()) texts.push_back(std::move(d.text));
  return texts;
}

std::vector<CameraScanner::Decoded> CameraScanner::TakeDecodedWithTimes() {
  std::lock_guard lock(mu_);
  return std::exchange(queue_, {});
}

CameraScanner::State CameraScanner::state() const {
  std::lock_guard lock(mu_);
  return state_;
}

std::string CameraScanner::error() const {
  std::lock_guard lock(mu_);
  return failure_ ? failure_->Describe() : std::string();
}

std::optional<Error> CameraScanner::failure() const {
  std::lock_guard lock(mu_);
  return failure_;
}

std::int64_t CameraScanner::frames_processed() const {
  std::lock_guard lock(mu_);
  return frames_;
}

void CameraScanner::SetPaused(bool paused) {
  {
    std::lock_guard lock(mu_);
    if (paused_ && !paused) resumed_at_ = Clock::now();
    paused_ = paused;
  }
  wake_.notify_all();
}

}  // namespace motcua::scan
