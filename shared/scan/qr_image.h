// QR codes as images: encode text to a bitmap for screens, PDFs and printers, and decode text from
// grayscale camera frames or rendered pages. ZXing-cpp 1.4 underneath (stack.md §8): UTF-8 with ECI,
// error correction M, a quiet zone, and QR-only decode hints (8x cheaper on frames with no code).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::scan {

// 8-bit grayscale, row-major, 0 = black, 255 = white.
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // width * height bytes
};

struct QrEncodeOptions {
  int module_px = 4;           // pixels per module (default 4), >= 1
  int quiet_zone_modules = 4;  // white border in modules (default 4, the QR minimum)
};

// Errors: kInvalid/"empty_text", kInvalid/"text_too_long" (beyond QR capacity at level M),
// kInvalid/"bad_utf8".
Result<GrayImage> EncodeQr(std::string_view utf8, const QrEncodeOptions& options = {});

// Number of modules per side (without quiet zone) the text needs; 0 on error.
int QrModuleCount(std::string_view utf8);

// How ZXing turns gray into black and white (ZXing::Binarizer).
enum class QrBinarizer {
  kLocalAverage,     // ZXing's HybridBinarizer: a threshold per 8x8 block from its neighbourhood
  kGlobalHistogram,  // one threshold per row from its histogram: cheaper, weaker under uneven light
};

// The 3x3 kernel of QrDecodeOptions::pre_blur.
enum class QrPreBlurKernel {
  kBox,       // all nine weights 1/9: the strongest against impulse noise (stack.md §8.4)
  kBinomial,  // [1 2 1] x [1 2 1] / 16: smooths sensor noise as well and keeps 3 px modules sharper
};

struct QrDecodeOptions {
  bool try_harder = true;   // default true: slower, finds small or damaged codes
  bool try_rotate = true;   // default true
  // Default false: a 3x3 blur first (pre_blur_kernel). It rescues impulse and sensor noise (stack.md
  // §8.4): set it for camera frames (bench_qr: a 3 px/module receipt in a noisy 720p frame decodes
  // 30/30 with it, 10/30 without), not for crisp renders at 1-2 px/module, which it smears.
  bool pre_blur = false;
  QrPreBlurKernel pre_blur_kernel = QrPreBlurKernel::kBox;  // default kBox
  // Default true: with pre_blur, the half-size pass (below) is blurred too. false blurs only the
  // full-size pass: the half-size image is already a 2x2 mean, which halves the noise by itself.
  bool pre_blur_half_size = true;
  // Frames whose longer side exceeds this many pixels (default 960) are first decoded at half size
  // (each pixel the mean of a 2x2 block) and only then, if nothing was found, at full size. A 720p
  // kiosk frame with a receipt QR of >= 4 px per module decodes about 8x faster this way (bench_qr);
  // smaller codes still decode, at the cost of both passes. 0 = always full size only.
  int half_size_first_above_px = 960;
  QrBinarizer binarizer = QrBinarizer::kLocalAverage;  // default kLocalAverage
  // Default true: ZXing also tries its own downscaled copies of an image above 500 px (factor 3).
  bool try_downscale = true;
};

// What the kiosk camera decodes with: {.pre_blur = true, .pre_blur_kernel = kBinomial,
// .pre_blur_half_size = false}, the rest default. A 720p frame is read at half size unblurred first
// (the 2x2 mean is its own denoiser: a receipt at >= 4 px/module costs ~1.2 ms there), then at full
// size after a binomial 3x3 blur (a receipt at arm's length, 3 px/module).
// Chosen with bench_qr (30 frames x 3 repeats per scenario, 1280x720, against zbar in the same run on a
// 2-core Debian 12 machine): frames read of 30, median CPU ms, zbar's median / ours:
//   scenario                         kiosk               zbar          defaults     box pre_blur
//   near 5 px/module                 30  1.26 ms  34.7x  30  43.8 ms   30  1.19 ms  30  1.82 ms
//   far 3 px/module                  30  6.89 ms   6.2x  30  42.7 ms   10 10.25 ms  30  7.59 ms
//   tilted ±25°, ±30° perspective    30  1.12 ms  35.0x  30  39.4 ms   30  1.04 ms  30  6.81 ms
//   blurred Gaussian σ1.5            30  1.12 ms  35.6x   4  40.0 ms   30  1.03 ms  30  6.87 ms
//   box5 5x5 box blur                30  1.23 ms  34.0x  30  41.9 ms   30  1.14 ms  30  7.32 ms
//   far+tilted 3 px/module           29  7.88 ms   6.0x  26  47.1 ms    1 11.50 ms  24  8.42 ms
//   no code (idle frame)                 6.80 ms   5.7x      39.0 ms      10.26 ms      7.29 ms
// The box kernel smears tilted 3 px modules (24/30); blurring only the full-size pass keeps near
// frames at the half-size cost. Not for crisp renders at 1 px/module (the blur erases them): feed
// rendered receipts at >= 2 px/module.
QrDecodeOptions KioskCameraDecodeOptions();

// Decodes the first QR code in a grayscale frame. `row_stride` is bytes per row (0 = width *
// pixel_stride), `pixel_stride` bytes per pixel (1 for gray, 2 to read the Y plane of YUYV directly).
// Errors: kNotFound/"no_qr_code" on "image" when no code is found; kInvalid/"bad_image" on "image"
// for no pixels, width or height < 1, pixel_stride < 1, or a row_stride too short for `width` pixels.
Result<std::string> DecodeQr(const std::uint8_t* pixels, int width, int height, int row_stride = 0,
                             int pixel_stride = 1, const QrDecodeOptions& options = {});
inline Result<std::string> DecodeQr(const GrayImage& image, const QrDecodeOptions& options = {}) {
  return DecodeQr(image.pixels.data(), image.width, image.height, 0, 1, options);
}

}  // namespace motcua::scan
