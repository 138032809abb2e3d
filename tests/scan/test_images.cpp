#include "scan/test_images.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace motcua::scan::testimg {
namespace {

std::uint8_t Clamp8(double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

}  // namespace

GrayImage Blank(int width, int height, std::uint8_t value) {
  GrayImage img;
  img.width = width;
  img.height = height;
  img.pixels.assign(std::size_t(width) * height, value);
  return img;
}

GrayImage RotateQuarterTurns(const GrayImage& src, int quarter_turns) {
  const int q = ((quarter_turns % 4) + 4) % 4;
  const int w = src.width, h = src.height;
  GrayImage dst = Blank(q % 2 ? h : w, q % 2 ? w : h, 255);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int dx = x, dy = y;
      if (q == 1) dx = h - 1 - y, dy = x;
      else if (q == 2) dx = w - 1 - x, dy = h - 1 - y;
      else if (q == 3) dx = y, dy = w - 1 - x;
      dst.pixels[std::size_t(dy) * dst.width + dx] = src.pixels[std::size_t(y) * w + x];
    }
  return dst;
}

void PasteRotated(GrayImage& dst, const GrayImage& src, double cx, double cy, double degrees) {
  const double rad = degrees * std::numbers::pi / 180.0;
  const double c = std::cos(rad), s = std::sin(rad);
  const double half_w = src.width / 2.0, half_h = src.height / 2.0;
  const double reach = std::hypot(half_w, half_h) + 1;
  const int x0 = std::max(0, int(std::floor(cx - reach))), x1 = std::min(dst.width - 1, int(std::ceil(cx + reach)));
  const int y0 = std::max(0, int(std::floor(cy - reach))), y1 = std::min(dst.height - 1, int(std::ceil(cy + reach)));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      // Inverse rotation of the destination pixel centre into source coordinates.
      const double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
      const double sx = c * dx - s * dy + half_w - 0.5;
      const double sy = s * dx + c * dy + half_h - 0.5;
      if (sx < -0.5 || sy < -0.5 || sx > src.width - 0.5 || sy > src.height - 0.5) continue;
      const int ix = std::clamp(int(std::floor(sx)), 0, src.width - 1);
      const int iy = std::clamp(int(std::floor(sy)), 0, src.height - 1);
      const int ix1 = std::min(ix + 1, src.width - 1), iy1 = std::min(iy + 1, src.height - 1);
      const double fx = std::clamp(sx - ix, 0.0, 1.0), fy = std::clamp(sy - iy, 0.0, 1.0);
      auto at = [&](int px, int py) { return double(src.pixels[std::size_t(py) * src.width + px]); };
      const double top = at(ix, iy) * (1 - fx) + at(ix1, iy) * fx;
      const double bottom = at(ix, iy1) * (1 - fx) + at(ix1, iy1) * fx;
      dst.pixels[std::size_t(y) * dst.width + x] = Clamp8(top * (1 - fy) + bottom * fy);
    }
}

GrayImage RotateBilinear(const GrayImage& src, double degrees, std::uint8_t fill) {
  const double rad = degrees * std::numbers::pi / 180.0;
  const double c = std::abs(std::cos(rad)), s = std::abs(std::sin(rad));
  const int w = int(std::ceil(src.width * c + src.height * s)) + 2;
  const int h = int(std::ceil(src.width * s + src.height * c)) + 2;
  GrayImage dst = Blank(w, h, fill);
  PasteRotated(dst, src, w / 2.0, h / 2.0, degrees);
  return dst;
}

GrayImage BoxBlur(const GrayImage& src, int radius) {
  if (radius <= 0) return src;
  const int w = src.width, h = src.height, n = 2 * radius + 1;
  std::vector<int> rows(std::size_t(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int sum = 0;
      for (int k = -radius; k <= radius; ++k) sum += src.pixels[std::size_t(y) * w + std::clamp(x + k, 0, w - 1)];
      rows[std::size_t(y) * w + x] = sum;
    }
  GrayImage dst = Blank(w, h, 0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int sum = 0;
      for (int k = -radius; k <= radius; ++k) sum += rows[std::size_t(std::clamp(y + k, 0, h - 1)) * w + x];
      dst.pixels[std::size_t(y) * w + x] = static_cast<std::uint8_t>((sum + n * n / 2) / (n * n));
    }
  return dst;
}

void AddGaussianNoise(GrayImage& img, double sigma, std::mt19937& rng) {
  std::normal_distribution<double> noise(0.0, sigma);
  for (auto& p : img.pixels) p = Clamp8(p + noise(rng));
}

void AddSaltAndPepper(GrayImage& img, double fraction, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (auto& p : img.pixels) {
    const double r = u(rng);
    if (r < fraction / 2) p = 0;
    else if (r < fraction) p = 255;
  }
}

void SetContrast(GrayImage& img, std::uint8_t black_level, std::uint8_t white_level) {
  for (auto& p : img.pixels) p = Clamp8(black_level + (white_level - black_level) * (p / 255.0));
}

void ApplyLightingGradient(GrayImage& img, double gain_left_top, double gain_right_bottom) {
  const double span = double(img.width - 1 + img.height - 1);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const double t = span > 0 ? (x + y) / span : 0.0;
      auto& p = img.pixels[std::size_t(y) * img.width + x];
      p = Clamp8(p * (gain_left_top + (gain_right_bottom - gain_left_top) * t));
    }
}

GrayImage CameraFrame(std::string_view text, const CameraFrameOptions& o, std::uint32_t seed) {
  std::mt19937 rng(seed);
  // Desk: mid grey with a coarse wood-like texture.
  GrayImage frame = Blank(o.width_px, o.height_px, 0);
  std::uniform_real_distribution<double> phase(0.0, 6.28);
  const double p1 = phase(rng), p2 = phase(rng);
  for (int y = 0; y < frame.height; ++y)
    for (int x = 0; x < frame.width; ++x)
      frame.pixels[std::size_t(y) * frame.width + x] =
          Clamp8(120 + 18 * std::sin(x * 0.021 + p1 + 0.6 * std::sin(y * 0.013 + p2)) + 8 * std::sin(y * 0.11 + p1));

  // Receipt: the QR with its quiet zone on white paper with a margin of 6 modules.
  GrayImage paper;
  if (o.with_code) {
    auto qr = EncodeQr(text, {.module_px = o.module_px});
    if (qr) {
      const int margin = 6 * o.module_px;
      paper = Blank(qr->width + 2 * margin, qr->height + 2 * margin + 10 * o.module_px, 250);
      for (int y = 0; y < qr->height; ++y)
        std::copy_n(&qr->pixels[std::size_t(y) * qr->width], qr->width,
                    &paper.pixels[std::size_t(y + margin) * paper.width + margin]);
    }
  }
  if (paper.width == 0) paper = Blank(45 * o.module_px, 55 * o.module_px, 250);
  // Some printed text lines under the code, as on a real receipt.
  for (int line = 0; line < 3; ++line) {
    const int y = paper.height - (3 - line) * 3 * o.module_px;
    for (int x = 6 * o.module_px; x < paper.width - 6 * o.module_px; ++x)
      if ((x / o.module_px) % 5 != 4) paper.pixels[std::size_t(y) * paper.width + x] = 60;
  }

  std::uniform_real_distribution<double> angle(-o.max_rotation_deg, o.max_rotation_deg);
  const double reach = std::hypot(paper.width, paper.height) / 2 + 2;
  std::uniform_real_distribution<double> cx(reach, std::max(reach, frame.width - reach));
  std::uniform_real_distribution<double> cy(reach, std::max(reach, frame.height - reach));
  PasteRotated(frame, paper, cx(rng), cy(rng), angle(rng));

  SetContrast(frame, 35, 225);
  ApplyLightingGradient(frame, 1.05, 0.65);
  frame = BoxBlur(frame, o.blur_radius_px);
  AddGaussianNoise(frame, o.noise_sigma, rng);
  return frame;
}

}  // namespace motcua::scan::testimg
