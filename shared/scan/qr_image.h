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

struct QrDecodeOptions {
  bool try_harder = true;   // default true: slower, finds small or damaged codes
  bool try_rotate = true;   // default true
  // Default false: a 3x3 box blur first. It rescues impulse and sensor noise (stack.md §8.4): set it
  // for camera frames (bench_qr: a 3 px/module receipt in a noisy 720p frame decodes 30/30 with it,
  // 10/30 without), not for crisp renders at 1-2 px/module, which it smears.
  bool pre_blur = false;
  // Frames whose longer side exceeds this many pixels (default 960) are first decoded at half size
  // (each pixel the mean of a 2x2 block) and only then, if nothing was found, at full size. A 720p
  // kiosk frame with a receipt QR of >= 4 px per module decodes about 8x faster this way (bench_qr);
  // smaller codes still decode, at the cost of both passes. 0 = always full size only.
  int half_size_first_above_px = 960;
};

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
