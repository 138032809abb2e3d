#include "scan/qr_image.h"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <stdexcept>

#include "common/text.h"

namespace motcua::scan {
namespace {

// ZXing's writer takes error correction on a 0-8 scale: 3 or 4 is level M (stack.md §8.2).
constexpr int kEccLevelM = 4;

Result<ZXing::BitMatrix> EncodeMatrix(std::string_view utf8) {
  if (utf8.empty()) return Invalid("text", "empty_text", "nothing to encode");
  if (!IsValidUtf8(utf8)) return Invalid("text", "bad_utf8", "text is not valid UTF-8");
  try {
    return ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
        .setEncoding(ZXing::CharacterSet::UTF8)
        .setEccLevel(kEccLevelM)
        .setMargin(0)
        .encode(std::string(utf8), 0, 0);
  } catch (const std::exception& e) {
    return Invalid("text", "text_too_long", std::string("cannot encode as a QR code: ") + e.what());
  }
}

// 3x3 box blur (edges clamped) into a packed buffer, as two passes of running sums: about 1 ms for a
// 1280x720 frame, where the naive 9-tap loop took several.
std::vector<std::uint8_t> BoxBlur3x3(const std::uint8_t* pixels, int width, int height, int row_stride,
                                     int pixel_stride) {
  std::vector<std::uint16_t> rows(std::size_t(width) * height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* in = pixels + std::size_t(y) * row_stride;
    std::uint16_t* out = &rows[std::size_t(y) * width];
    auto at = [&](int x) { return std::uint16_t(in[std::size_t(std::clamp(x, 0, width - 1)) * pixel_stride]); };
    for (int x = 0; x < width; ++x) out[x] = std::uint16_t(at(x - 1) + at(x) + at(x + 1));
  }
  std::vector<std::uint8_t> blurred(std::size_t(width) * height);
  for (int y = 0; y < height; ++y) {
    const std::uint16_t* up = &rows[std::size_t(std::max(y - 1, 0)) * width];
    const std::uint16_t* mid = &rows[std::size_t(y) * width];
    const std::uint16_t* down = &rows[std::size_t(std::min(y + 1, height - 1)) * width];
    std::uint8_t* out = &blurred[std::size_t(y) * width];
    for (int x = 0; x < width; ++x) out[x] = static_cast<std::uint8_t>((up[x] + mid[x] + down[x]) / 9);
  }
  return blurred;
}

// [1 2 1] x [1 2 1] / 16 (edges clamped) into a packed buffer, rounded; the same two passes as BoxBlur3x3.
std::vector<std::uint8_t> BinomialBlur3x3(const std::uint8_t* pixels, int width, int height, int row_stride,
                                          int pixel_stride) {
  std::vector<std::uint16_t> rows(std::size_t(width) * height);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* in = pixels + std::size_t(y) * row_stride;
    std::uint16_t* out = &rows[std::size_t(y) * width];
    auto at = [&](int x) { return std::uint16_t(in[std::size_t(std::clamp(x, 0, width - 1)) * pixel_stride]); };
    for (int x = 0; x < width; ++x) out[x] = std::uint16_t(at(x - 1) + 2 * at(x) + at(x + 1));
  }
  std::vector<std::uint8_t> blurred(std::size_t(width) * height);
  for (int y = 0; y < height; ++y) {
    const std::uint16_t* up = &rows[std::size_t(std::max(y - 1, 0)) * width];
    const std::uint16_t* mid = &rows[std::size_t(y) * width];
    const std::uint16_t* down = &rows[std::size_t(std::min(y + 1, height - 1)) * width];
    std::uint8_t* out = &blurred[std::size_t(y) * width];
    for (int x = 0; x < width; ++x) out[x] = static_cast<std::uint8_t>((up[x] + 2 * mid[x] + down[x] + 8) / 16);
  }
  return blurred;
}

// Each output pixel is the mean of a 2x2 block (an odd last row or column is dropped).
std::vector<std::uint8_t> HalfSize(const std::uint8_t* pixels, int width, int height, int row_stride,
                                   int pixel_stride) {
  const int w = width / 2, h = height / 2;
  std::vector<std::uint8_t> half(std::size_t(w) * h);
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* r0 = pixels + std::size_t(2 * y) * row_stride;
    const std::uint8_t* r1 = r0 + row_stride;
    std::uint8_t* out = &half[std::size_t(y) * w];
    for (int x = 0; x < w; ++x) {
      const std::size_t a = std::size_t(2 * x) * pixel_stride, b = a + pixel_stride;
      out[x] = static_cast<std::uint8_t>((r0[a] + r0[b] + r1[a] + r1[b] + 2) / 4);
    }
  }
  return half;
}

}  // namespace

QrDecodeOptions KioskCameraDecodeOptions() {
  return {.pre_blur = true, .pre_blur_kernel = QrPreBlurKernel::kBinomial, .pre_blur_half_size = false};
}

int QrModuleCount(std::string_view utf8) {
  auto m = EncodeMatrix(utf8);
  return m ? m->width() : 0;
}

Result<GrayImage> EncodeQr(std::string_view utf8, const QrEncodeOptions& options) {
  if (options.module_px < 1 || options.quiet_zone_modules < 0)
    return Invalid("module_px", "bad_qr_options", "module_px must be >= 1 and the quiet zone >= 0");
  MOTCUA_ASSIGN_OR_RETURN(ZXing::BitMatrix matrix, EncodeMatrix(utf8));
  const int modules = matrix.width() + 2 * options.quiet_zone_modules;
  GrayImage img;
  img.width = img.height = modules * options.module_px;
  img.pixels.assign(std::size_t(img.width) * img.height, 255);
  for (int my = 0; my < matrix.height(); ++my)
    for (int mx = 0; mx < matrix.width(); ++mx) {
      if (!matrix.get(mx, my)) continue;
      const int x0 = (mx + options.quiet_zone_modules) * options.module_px;
      const int y0 = (my + options.quiet_zone_modules) * options.module_px;
      for (int y = y0; y < y0 + options.module_px; ++y)
        std::fill_n(&img.pixels[std::size_t(y) * img.width + x0], options.module_px, 0);
    }
  return img;
}

Result<std::string> DecodeQr(const std::uint8_t* pixels, int width, int height, int row_stride,
                             int pixel_stride, const QrDecodeOptions& options) {
  if (!pixels || width <= 0 || height <= 0 || pixel_stride < 1 || row_stride < 0 ||
      (row_stride != 0 && row_stride < (width - 1) * pixel_stride + 1))
    return Invalid("image", "bad_image", "empty image or bad dimensions");
  if (row_stride == 0) row_stride = width * pixel_stride;
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  hints.setTryHarder(options.try_harder);
  hints.setTryRotate(options.try_rotate);
  hints.setCharacterSet("UTF-8");
  hints.setTryDownscale(options.try_downscale);
  hints.setBinarizer(options.binarizer == QrBinarizer::kGlobalHistogram ? ZXing::Binarizer::GlobalHistogram
                                                                        : ZXing::Binarizer::LocalAverage);
  // One decode attempt; nullopt when nothing was found.
  auto attempt = [&](const std::uint8_t* px, int w, int h, int rs, int ps,
                     bool blur) -> std::optional<std::string> {
    std::vector<std::uint8_t> blurred;
    if (blur) {
      blurred = options.pre_blur_kernel == QrPreBlurKernel::kBinomial ? BinomialBlur3x3(px, w, h, rs, ps)
                                                                      : BoxBlur3x3(px, w, h, rs, ps);
      px = blurred.data();
      rs = w;
      ps = 1;
    }
    ZXing::Result r = ZXing::ReadBarcode(ZXing::ImageView(px, w, h, ZXing::ImageFormat::Lum, rs, ps), hints);
    if (!r.isValid()) return std::nullopt;
    return r.text();
  };
  try {
    if (options.half_size_first_above_px > 0 && std::max(width, height) > options.half_size_first_above_px) {
      const std::vector<std::uint8_t> half = HalfSize(pixels, width, height, row_stride, pixel_stride);
      if (auto text = attempt(half.data(), width / 2, height / 2, width / 2, 1,
                              options.pre_blur && options.pre_blur_half_size))
        return *std::move(text);
    }
    if (auto text = attempt(pixels, width, height, row_stride, pixel_stride, options.pre_blur))
      return *std::move(text);
    return NotFound("image", "no_qr_code", "no readable QR code in the image");
  } catch (const std::exception& e) {
    return NotFound("image", "no_qr_code", std::string("decoder failed: ") + e.what());
  }
}

}  // namespace motcua::scan
