#include "scan/camera.h"

#include <gtest/gtest.h>
#include <stb_image_write.h>  // the implementation is in libstb

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <vector>

#include "codes/receipt_token.h"
#include "scan/test_images.h"
#include "support/fixtures.h"

namespace motcua::scan {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using testing::TempDir;

std::string Token(const char* dossier_code) {
  const std::string key(32, '\x5a');
  return *codes::MakeReceiptToken({dossier_code, "7KQM"}, key);
}

void WritePng(const std::filesystem::path& path, const GrayImage& img) {
  ASSERT_NE(stbi_write_png(path.c_str(), img.width, img.height, 1, img.pixels.data(), img.width), 0) << path;
}

void WriteJpeg(const std::filesystem::path& path, const GrayImage& img, int quality) {
  ASSERT_NE(stbi_write_jpg(path.c_str(), img.width, img.height, 1, img.pixels.data(), quality), 0) << path;
}

void WriteText(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

GrayImage QrImage(const std::string& text, int module_px = 4) { return *EncodeQr(text, {.module_px = module_px}); }

// A frame the size of a QR image with no code: the scanner decodes nothing in it.
GrayImage Paper() { return testimg::Blank(200, 150, 240); }

// Waits (at most 30 s) until the scanner leaves kRunning.
CameraScanner::State WaitUntilDone(const CameraScanner& scanner) {
  const auto deadline = Clock::now() + 30s;
  while (scanner.state() == CameraScanner::State::kRunning && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  return scanner.state();
}

std::unique_ptr<FrameSource> Files(const std::vector<std::string>& paths, int interval_ms = 5, bool loop = false) {
  auto source = OpenImageFiles(paths, loop, interval_ms);
  EXPECT_TRUE(source) << source.error().Describe();
  return source ? std::move(*source) : nullptr;
}

// --- LoadGrayImage -------------------------------------------------------------------------------

TEST(LoadGrayImage, ReadsGrayPngExactly) {
  TempDir dir;
  const GrayImage qr = QrImage(Token("000.00.00.H56-261124-0001"));
  WritePng(dir / "qr.png", qr);
  auto got = LoadGrayImage((dir / "qr.png").string());
  ASSERT_TRUE(got) << got.error().Describe();
  EXPECT_EQ(got->width, qr.width);
  EXPECT_EQ(got->height, qr.height);
  EXPECT_EQ(got->pixels, qr.pixels);
}

// stb_image's luma is (77 R + 150 G + 29 B) >> 8: red 255 -> 76, green 255 -> 149, blue 255 -> 28,
// white -> 255 (the ITU-R BT.601 weights 0.299/0.587/0.114 in 8-bit fixed point).
TEST(LoadGrayImage, ConvertsColourToLuma) {
  TempDir dir;
  const unsigned char rgb[] = {255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255};
  ASSERT_NE(stbi_write_png((dir / "rgb.png").c_str(), 4, 1, 3, rgb, 12), 0);
  auto got = LoadGrayImage((dir / "rgb.png").string());
  ASSERT_TRUE(got) << got.error().Describe();
  EXPECT_EQ(got->pixels, (std::vector<std::uint8_t>{76, 149, 28, 255}));
}

TEST(LoadGrayImage, ReadsAJpegWellEnoughToDecodeItsQr) {
  TempDir dir;
  const std::string token = Token("000.00.00.H56-261124-0002");
  WriteJpeg(dir / "frame.jpg", testimg::CameraFrame(token, {.module_px = 4}, 7), 85);
  auto got = LoadGrayImage((dir / "frame.jpg").string());
  ASSERT_TRUE(got) << got.error().Describe();
  EXPECT_EQ(got->width, 1280);
  EXPECT_EQ(got->height, 720);
  auto text = DecodeQr(*got, KioskCameraDecodeOptions());
  ASSERT_TRUE(text) << text.error().Describe();
  EXPECT_EQ(*text, token);
}

TEST(LoadGrayImage, ReadsABinaryPgm) {
  TempDir dir;
  std::ofstream(dir / "tiny.pgm", std::ios::binary) << "P5\n3 2\n255\n" << std::string("\x00\x10\x20\x30\x40\xff", 6);
  auto got = LoadGrayImage((dir / "tiny.pgm").string());
  ASSERT_TRUE(got) << got.error().Describe();
  EXPECT_EQ(got->width, 3);
  EXPECT_EQ(got->height, 2);
  EXPECT_EQ(got->pixels, (std::vector<std::uint8_t>{0x00, 0x10, 0x20, 0x30, 0x40, 0xff}));
}

TEST(LoadGrayImage, NamesAMissingFile) {
  TempDir dir;
  const std::string path = (dir / "nope.png").string();
  auto got = LoadGrayImage(path);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(got.error().field, "path");
  EXPECT_EQ(got.error().rule, "file_not_found");
  EXPECT_NE(got.error().detail.find(path), std::string::npos) << got.error().detail;
}

TEST(LoadGrayImage, RejectsAFileThatIsNotAnImage) {
  TempDir dir;
  const std::string path = (dir / "receipt.png").string();
  WriteText(path, "this is not a PNG\n");
  auto got = LoadGrayImage(path);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(got.error().field, "path");
  EXPECT_EQ(got.error().rule, "bad_image_file");
  EXPECT_NE(got.error().detail.find(path), std::string::npos) << got.error().detail;
}

TEST(LoadGrayImage, RejectsAFolder) {
  TempDir dir;
  auto got = LoadGrayImage(dir.path().string());
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(got.error().rule, "file_unreadable");
}

// --- OpenImageFiles ------------------------------------------------------------------------------

TEST(OpenImageFiles, DeliversFilesInOrderThenEndOfFrames) {
  TempDir dir;
  // Sizes tell the frames apart.
  WritePng(dir / "b.png", testimg::Blank(20, 10, 1));
  WritePng(dir / "a.png", testimg::Blank(30, 10, 2));
  auto source = Files({(dir / "b.png").string(), (dir / "a.png").string()}, 0);
  ASSERT_TRUE(source);
  EXPECT_EQ(source->Describe(), "2 image files");
  for (int width : {20, 30}) {
    auto frame = source->Next(1000);
    ASSERT_TRUE(frame) << frame.error().Describe();
    EXPECT_EQ(frame->image.width, width);
    EXPECT_LE(frame->captured, Clock::now());
  }
  auto end = source->Next(1000);
  ASSERT_FALSE(end);
  EXPECT_EQ(end.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(end.error().rule, "end_of_frames");
}

TEST(OpenImageFiles, AFolderMeansItsImageFilesSortedByName) {
  TempDir dir;
  std::filesystem::create_directory(dir / "frames");
  WritePng(dir / "frames" / "02.png", testimg::Blank(22, 10, 1));
  WriteJpeg(dir / "frames" / "01.JPG", testimg::Blank(21, 10, 1), 90);
  WritePng(dir / "frames" / "10.png", testimg::Blank(30, 10, 1));
  WriteText(dir / "frames" / "notes.txt", "not an image");
  std::filesystem::create_directory(dir / "frames" / "sub.png");  // a folder, not a frame
  WritePng(dir / "last.png", testimg::Blank(40, 10, 1));
  auto source = Files({(dir / "frames").string(), (dir / "last.png").string()}, 0);
  ASSERT_TRUE(source);
  EXPECT_EQ(source->Describe(), "4 image files");
  for (int width : {21, 22, 30, 40}) {
    auto frame = source->Next(1000);
    ASSERT_TRUE(frame) << frame.error().Describe();
    EXPECT_EQ(frame->image.width, width);
  }
  EXPECT_EQ(source->Next(1000).error().rule, "end_of_frames");
}

TEST(OpenImageFiles, LoopsForeverWhenAsked) {
  TempDir dir;
  WritePng(dir / "a.png", testimg::Blank(20, 10, 1));
  WritePng(dir / "b.png", testimg::Blank(30, 10, 1));
  auto source = Files({dir.path().string()}, 0, /*loop=*/true);
  ASSERT_TRUE(source);
  EXPECT_EQ(source->Describe(), "2 image files, looping");
  for (int width : {20, 30, 20, 30, 20}) {
    auto frame = source->Next(1000);
    ASSERT_TRUE(frame) << frame.error().Describe();
    EXPECT_EQ(frame->image.width, width);
  }
}

// Frames come no faster than interval_ms; a Next() whose timeout ends first says "frame_timeout" and
// the frame is still delivered on a later call.
TEST(OpenImageFiles, PacesFramesAtTheInterval) {
  TempDir dir;
  WritePng(dir / "a.png", Paper());
  auto source = Files({dir.path().string()}, 80, /*loop=*/true);
  ASSERT_TRUE(source);
  const auto t0 = Clock::now();
  ASSERT_TRUE(source->Next(0));  // the first frame is due at once
  auto early = source->Next(0);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(early.error().rule, "frame_timeout");
  ASSERT_TRUE(source->Next(1000));
  ASSERT_TRUE(source->Next(1000));
  EXPECT_GE(Clock::now() - t0, 160ms);
}

TEST(OpenImageFiles, NamesAMissingFile) {
  TempDir dir;
  WritePng(dir / "a.png", Paper());
  const std::string missing = (dir / "receipt-42.png").string();
  auto source = OpenImageFiles({(dir / "a.png").string(), missing}, false);
  ASSERT_FALSE(source);
  EXPECT_EQ(source.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(source.error().field, "path");
  EXPECT_EQ(source.error().rule, "file_not_found");
  EXPECT_NE(source.error().detail.find(missing), std::string::npos) << source.error().detail;
}

TEST(OpenImageFiles, RejectsAnEmptyListAFolderWithoutImagesAndANegativeInterval) {
  TempDir dir;
  WriteText(dir / "readme.txt", "no images here");
  auto none = OpenImageFiles({}, false);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(none.error().field, "paths");
  EXPECT_EQ(none.error().rule, "no_image_files");

  auto empty = OpenImageFiles({dir.path().string()}, false);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(empty.error().field, "path");
  EXPECT_EQ(empty.error().rule, "no_image_files");
  EXPECT_NE(empty.error().detail.find(dir.path().string()), std::string::npos);

  WritePng(dir / "a.png", Paper());
  auto negative = OpenImageFiles({dir.path().string()}, false, -1);
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(negative.error().field, "interval_ms");
  EXPECT_EQ(negative.error().rule, "bad_interval");
}

// --- OpenV4l2Camera: no camera device exists on the build machines (and no kernel modules for
// v4l2loopback), so only the error paths are tested here; capture itself is not.

TEST(OpenV4l2Camera, AMissingDeviceIsNoCamera) {
  std::string device;
  for (int n = 99; n >= 64 && device.empty(); --n)
    if (!std::filesystem::exists("/dev/video" + std::to_string(n))) device = "/dev/video" + std::to_string(n);
  ASSERT_FALSE(device.empty());
  auto camera = OpenV4l2Camera(device);
  ASSERT_FALSE(camera);
  EXPECT_EQ(camera.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(camera.error().field, "device");
  EXPECT_EQ(camera.error().rule, "no_camera");
  EXPECT_EQ(camera.error().detail, "no camera at " + device + " (No such file or directory)");
}

TEST(OpenV4l2Camera, SomethingThatIsNotAV4l2DeviceIsNoCamera) {
  TempDir dir;
  WriteText(dir / "video0", "a plain file");
  std::filesystem::create_directory(dir / "video1");
  for (const std::string& path :
       {std::string("/dev/null"), (dir / "video0").string(), (dir / "video1").string()}) {
    auto camera = OpenV4l2Camera(path);
    ASSERT_FALSE(camera) << path;
    EXPECT_EQ(camera.error().code, ErrorCode::kNotFound) << path;
    EXPECT_EQ(camera.error().rule, "no_camera") << path;
    EXPECT_NE(camera.error().detail.find(path + " is not a V4L2 device"), std::string::npos) << camera.error().detail;
  }
}

TEST(OpenV4l2Camera, RejectsANonPositiveSize) {
  for (auto [w, h] : {std::pair{0, 720}, std::pair{1280, -1}}) {
    auto camera = OpenV4l2Camera("/dev/video0", w, h);
    ASSERT_FALSE(camera);
    EXPECT_EQ(camera.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(camera.error().rule, "bad_size");
  }
}

// --- CameraScanner -------------------------------------------------------------------------------

// Receipt tokens as a clean render and in synthetic 720p camera frames (near, far, tilted, blurred),
// between frames with no code: each is decoded, in order.
TEST(CameraScanner, DecodesReceiptTokensFromImageFiles) {
  TempDir dir;
  const std::vector<std::string> tokens = {Token("000.00.00.H56-261124-0001"), Token("000.00.00.H56-261124-0002"),
                                           Token("000.00.00.H56-261124-0003"), Token("000.00.00.H56-261124-0004"),
                                           Token("000.00.00.H56-261124-0005")};
  WritePng(dir / "00.png", QrImage(tokens[0]));
  WritePng(dir / "01.png", testimg::CameraFrame("", {.with_code = false}, 1));
  WritePng(dir / "02.png", testimg::CameraFrame(tokens[1], {.module_px = 5}, 2));
  WritePng(dir / "03.png", testimg::CameraFrame(tokens[2], {.module_px = 3}, 3));
  WritePng(dir / "04.png", testimg::CameraFrame(tokens[3], {.module_px = 4, .max_rotation_deg = 25, .max_tilt_deg = 30}, 4));
  WriteJpeg(dir / "05.jpg", testimg::CameraFrame(tokens[4], {.module_px = 4, .gaussian_blur_sigma = 1.5}, 5), 90);
  CameraScanner scanner(Files({dir.path().string()}));
  EXPECT_EQ(scanner.source_description(), "6 image files");
  EXPECT_EQ(WaitUntilDone(scanner), CameraScanner::State::kStopped);
  EXPECT_EQ(scanner.TakeDecoded(), tokens);
  EXPECT_EQ(scanner.frames_processed(), 6);
  EXPECT_EQ(scanner.error(), "");
  EXPECT_FALSE(scanner.failure());
}

// A code held still is reported once; another code is reported at once; with repeat_after_ms 0
// every frame that decodes is reported.
TEST(CameraScanner, ReportsTheSameTextOnceWhileItStaysInView) {
  TempDir dir;
  const std::string a = Token("000.00.00.H56-261124-0011"), b = Token("000.00.00.H56-261124-0012");
  WritePng(dir / "a.png", QrImage(a));
  WritePng(dir / "b.png", QrImage(b));
  WritePng(dir / "none.png", Paper());
  const std::vector<std::string> files = {(dir / "a.png").string(), (dir / "a.png").string(),
                                          (dir / "none.png").string(), (dir / "a.png").string(),
                                          (dir / "b.png").string(), (dir / "b.png").string(),
                                          (dir / "a.png").string()};
  {
    CameraScanner scanner(Files(files), {.repeat_after_ms = 3000});
    EXPECT_EQ(WaitUntilDone(scanner), CameraScanner::State::kStopped);
    EXPECT_EQ(scanner.TakeDecoded(), (std::vector<std::string>{a, b}));
  }
  {
    CameraScanner scanner(Files(files), {.repeat_after_ms = 0});
    EXPECT_EQ(WaitUntilDone(scanner), CameraScanner::State::kStopped);
    EXPECT_EQ(scanner.TakeDecoded(), (std::vector<std::string>{a, a, a, b, b, a}));
  }
}

// Out of view for at least repeat_after_ms (frames 80 ms apart: a, none, none, a is >= 240 ms), the
// same code is reported again.
TEST(CameraScanner, ReportsATextAgainAfterItWasOutOfViewLongEnough) {
  TempDir dir;
  const std::string a = Token("000.00.00.H56-261124-0021");
  WritePng(dir / "a.png", QrImage(a));
  WritePng(dir / "none.png", Paper());
  const std::vector<std::string> files = {(dir / "a.png").string(), (dir / "none.png").string(),
                                          (dir / "none.png").string(), (dir / "a.png").string()};
  CameraScanner scanner(Files(files, 80), {.repeat_after_ms = 200});
  EXPECT_EQ(WaitUntilDone(scanner), CameraScanner::State::kStopped);
  const auto decoded = scanner.TakeDecodedWithTimes();
  ASSERT_EQ(decoded.size(), 2u);
  EXPECT_EQ(decoded[0].text, a);
  EXPECT_EQ(decoded[1].text, a);
  EXPECT_GE(decoded[1].captured - decoded[0].captured, 200ms);
  EXPECT_LE(decoded[1].captured, Clock::now());
}

TEST(CameraScanner, TakeEmptiesTheQueueAndCallsBackOnEachText) {
  TempDir dir;
  const std::string a = Token("000.00.00.H56-261124-0031"), b = Token("000.00.00.H56-261124-0032");
  WritePng(dir / "1.png", QrImage(a));
  WritePng(dir / "2.png", QrImage(b));
  std::atomic<int> calls = 0;
  CameraScanner scanner(Files({dir.path().string()}), {.on_decoded = [&] { ++calls; }});
  EXPECT_EQ(WaitUntilDone(scanner), CameraScanner::State::kStopped);
  EXPECT_EQ(calls.load(), 2);
  EXPECT_EQ(scanner.TakeDecoded(), (std::vector<std::string>{a, b}));
  EXPECT_TRUE(scanner.TakeDecoded().empty());
  EXPECT_TRUE(scanner.TakeDecodedWithTimes().empty());
}

// A file that stops being an image fails the scanner with an error naming it.
TEST(CameraScanner, FailsOnAFileThatIsNotAnImageAndSaysWhich) {
  TempDir dir;
  WritePng(dir / "1.png", QrImage(Token("000.00.00.H56-261124-0041")));
  WriteText(dir / "2.png", "truncated");
  CameraScanner scanner(Files({dir.path().string()}));
  EXPECT_EQ(WaitUntilDone(scanner), CameraScanner::State::kFailed);
  ASSERT_TRUE(scanner.failure());
  EXPECT_EQ(scanner.failure()->rule, "bad_image_file");
  EXPECT_NE(scanner.error().find((dir / "2.png").string()), std::string::npos) << scanner.error();
  EXPECT_EQ(scanner.TakeDecoded().size(), 1u);  // what came before is still delivered
}

TEST(CameraScanner, WithoutASourceIsFailed) {
  CameraScanner scanner(nullptr);
  EXPECT_EQ(scanner.state(), CameraScanner::State::kFailed);
  ASSERT_TRUE(scanner.failure());
  EXPECT_EQ(scanner.failure()->rule, "no_source");
}

// Paused, the scanner takes no frames; resumed, it goes on.
TEST(CameraScanner, TakesNoFramesWhilePaused) {
  TempDir dir;
  WritePng(dir / "a.png", Paper());
  CameraScanner scanner(Files({dir.path().string()}, 10, /*loop=*/true));
  const auto deadline = Clock::now() + 10s;
  while (scanner.frames_processed() < 3 && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  ASSERT_GE(scanner.frames_processed(), 3);
  scanner.SetPaused(true);
  std::this_thread::sleep_for(300ms);  // a frame in flight when pausing finishes
  const std::int64_t paused_at = scanner.frames_processed();
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(scanner.frames_processed(), paused_at);
  EXPECT_EQ(scanner.state(), CameraScanner::State::kRunning);
  scanner.SetPaused(false);
  while (scanner.frames_processed() < paused_at + 3 && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  EXPECT_GE(scanner.frames_processed(), paused_at + 3);
}

// The destructor stops a source that never ends within a frame timeout and a decode.
TEST(CameraScanner, StopsALoopingSourceQuickly) {
  TempDir dir;
  WritePng(dir / "a.png", testimg::CameraFrame("", {.with_code = false}, 1));
  auto scanner = std::make_unique<CameraScanner>(Files({dir.path().string()}, 1000, /*loop=*/true));
  std::this_thread::sleep_for(50ms);
  const auto t0 = Clock::now();
  scanner.reset();
  EXPECT_LT(Clock::now() - t0, 1s);
}

}  // namespace
}  // namespace motcua::scan
