// The kiosk camera: grayscale frames from a V4L2 device (through libv4l2, which converts MJPEG and
// other formats for us) or from image files (tests and demos), and a CameraScanner that decodes them
// on a thread of its own and hands decoded texts to the UI thread.
//
// Threads: a FrameSource is used by one thread at a time (the scanner's). CameraScanner's public
// methods may be called from any thread; its callback runs on the scanner thread.
//
// Scanner states: kRunning -> kStopped when a finite source is exhausted ("end_of_frames");
// kRunning -> kFailed on any other source error (the camera unplugged, a file that is not an
// image); both are final. SetPaused() does not change the state.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "scan/qr_image.h"

namespace motcua::scan {

// One frame and the steady-clock instant it was captured (the V4L2 buffer's monotonic timestamp when
// the driver gives one, else the instant it was handed over).
struct Frame {
  GrayImage image;
  std::chrono::steady_clock::time_point captured;
};

// A source of grayscale frames.
class FrameSource {
 public:
  virtual ~FrameSource() = default;
  // Blocks until the next frame, at most `timeout_ms` (>= 0). Errors: kUnavailable/"frame_timeout"
  // when no frame came in time (try again); kNotFound/"end_of_frames" when a finite source is
  // exhausted; anything else is the source's own failure (see each Open*).
  virtual Result<Frame> Next(int timeout_ms) = 0;
  // "/dev/video0 1280x720 YUYV" or "3 image files"; for logs and the admin screen.
  virtual std::string Describe() const = 0;
};

// A V4L2 capture device through libv4l2: v4l2_open/v4l2_ioctl, mmap streaming with 4 buffers.
// Formats, first that the device accepts at the requested size: GREY, YUYV (native, no conversion),
// then YUV420 (libv4l converts from MJPEG, JPEG, Bayer, ... in user space); the frame is the Y plane.
// The size is a request: the driver may pick the nearest it has (Describe() says what it took).
// Next() returns the newest frame the driver holds: frames that queued up while the caller was busy
// (decoding) are dropped, so a slow decoder never works on stale images.
// Errors, all on field "device" and naming the device and the system error:
//   kNotFound/"no_camera"     the device does not exist, or is not a V4L2 video capture device
//   kUnavailable/"camera_busy" another process holds it (EBUSY)
//   kUnavailable/"camera_error" anything else (permission denied, no streaming, a failed ioctl, the
//                                camera unplugged while streaming: Next() reports it this way too)
//   kInvalid/"bad_size"       width or height < 1
Result<std::unique_ptr<FrameSource>> OpenV4l2Camera(const std::string& device = "/dev/video0", int width = 1280,
                                                    int height = 720);

// Image files as frames, in the given order; a folder stands for its image files (extensions png,
// jpg, jpeg, pgm, ppm, pnm, bmp, any case) sorted by name. `loop` repeats them forever (a demo);
// otherwise Next() returns "end_of_frames" after the last. Frames are delivered no faster than one
// per `interval_ms` (default 100 ms, about 10 fps; 0 = as fast as asked), each captured "now".
// Files are checked to exist here and decoded on each Next() (a file that fails to load is that
// Next()'s error, with LoadGrayImage's rules, and the source moves past it).
// Errors: kInvalid/"no_image_files" on "paths" for an empty list; kNotFound/"file_not_found" on "path"
// naming a path that does not exist; kNotFound/"no_image_files" on "path" naming a folder with no
// image files; kInvalid/"bad_interval" on "interval_ms" when it is negative.
Result<std::unique_ptr<FrameSource>> OpenImageFiles(const std::vector<std::string>& paths, bool loop,
                                                    int interval_ms = 100);

// Loads a PNG, JPEG, PGM/PPM or BMP file as 8-bit gray (colour is converted to luma, 16-bit PNGs are
// reduced to 8 bits). Errors, on field "path" naming the file: kNotFound/"file_not_found";
// kUnavailable/"file_unreadable" (permissions, a folder, I/O); kInvalid/"bad_image_file" when the
// content is not an image these formats can read (with the image decoder's reason).
Result<GrayImage> LoadGrayImage(const std::string& path);

// Runs a FrameSource on its own thread, decodes each frame with `Options::decode` (default
// KioskCameraDecodeOptions()), and hands decoded texts to the UI thread. The same text is reported
// once until it has been out of view (not decoded in any frame) for `repeat_after_ms`, so a QR held
// still is not read 30 times. The source always gives its newest frame (see OpenV4l2Camera), so frames
// are dropped while the decoder is busy.
struct CameraScannerOptions {
  int repeat_after_ms = 3000;  // default 3000 ms; 0 reports every frame that decodes
  QrDecodeOptions decode = KioskCameraDecodeOptions();  // default: what bench_qr measured best
  // Called on the scanner thread after a text has been queued (default none): e.g. push an SDL event
  // so a UI loop that sleeps in SDL_WaitEventTimeout wakes up at once. Must not block.
  std::function<void()> on_decoded;
};

class CameraScanner {
 public:
  using Options = CameraScannerOptions;  // declared outside: GCC rejects `= {}` of a nested aggregate
  enum class State { kRunning, kStopped, kFailed };
  // A decoded text and the instant the frame holding it was captured (for the kiosk's latency bench).
  struct Decoded {
    std::string text;
    std::chrono::steady_clock::time_point captured;
  };

  // Starts the thread at once. A null source gives a scanner in kFailed ("no_source").
  explicit CameraScanner(std::unique_ptr<FrameSource> source, Options options = {});
  ~CameraScanner();  // stops and joins (within one frame timeout, 100 ms, plus one decode)
  CameraScanner(const CameraScanner&) = delete;
  CameraScanner& operator=(const CameraScanner&) = delete;

  // Texts decoded since the last Take* call, oldest first (either call empties the queue).
  std::vector<std::string> TakeDecoded();
  std::vector<Decoded> TakeDecodedWithTimes();

  State state() const;
  // Why the scanner failed: Describe() of the source's error ("" unless kFailed).
  std::string error() const;
  // The same as an Error (field, rule) for the UI's message table; nullopt unless kFailed.
  std::optional<Error> failure() const;
  // The source's Describe(), taken at construction.
  const std::string& source_description() const { return description_; }
  // Frames taken from the source and decoded (with or without a code), for tests and benches.
  std::int64_t frames_processed() const;

  // While paused the thread takes no frames (saves CPU while no screen needs the camera). Frames
  // captured before the pause ended are discarded when it ends, so a stale frame never decodes.
  void SetPaused(bool paused);

 private:
  void Run();

  std::unique_ptr<FrameSource> source_;
  const Options options_;
  const std::string description_;

  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool paused_ = false;
  std::chrono::steady_clock::time_point resumed_at_{};
  State state_ = State::kRunning;
  std::optional<Error> failure_;
  std::vector<Decoded> queue_;
  std::int64_t frames_ = 0;

  // Scanner thread only: when each text was last decoded (captured time).
  std::map<std::string, std::chrono::steady_clock::time_point> last_seen_;

  std::thread thread_;  // last: starts after every member above is ready
};

}  // namespace motcua::scan
