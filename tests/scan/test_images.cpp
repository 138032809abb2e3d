#include "scan/test_images.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

namespace motcua::scan::testimg {
namespace {

std::uint8_t Clamp8(double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

// Bilinear sample at source pixel coordinates (pixel centres at integers); nullopt outside the image.
std::optional<double> SampleBilinear(const GrayImage& src, double sx, double sy) {
  if (sx < -0.5 || sy < -0.5 || sx > src.width - 0.5 || sy > src.height - 0.5) return std::nullopt;
  const int ix = std::clamp(int(std::floor(sx)), 0, src.width - 1);
  const int iy = std::clamp(int(std::floor(sy)), 0, src.height - 1);
  const int ix1 = std::min(ix + 1, src.width - 1), iy1 = std::min(iy + 1, src.height - 1);
  const double fx = std::clamp(sx - ix, 0.0, 1.0), fy = std::clamp(sy - iy, 0.0, 1.0);
  auto at = [&](int px, int py) { return double(src.pixels[std::size_t(py) * src.width + px]); };
  const double top = at(ix, iy) * (1 - fx) + at(ix1, iy) * fx;
  const double bottom = at(ix, iy1) * (1 - fx) + at(ix1, iy1) * fx;
  return top * (1 - fy) + bottom * fy;
}

using Mat3 = std::array<std::array<double, 3>, 3>;

// The homography from sheet coordinates (u, v, 1), centred on the sheet, to the image plane (before
// the in-plane roll), centred on the sheet's centre: P = R (u, v, 0) + (0, 0, f) projected at focal f.
Mat3 SheetToImage(double pitch_deg, double yaw_deg, double focal_px) {
  const double p = pitch_deg * std::numbers::pi / 180.0, y = yaw_deg * std::numbers::pi / 180.0;
  const double cp = std::cos(p), sp = std::sin(p), cy = std::cos(y), sy = std::sin(y);
  // R = Ry(yaw) * Rx(pitch); its first two columns.
  const double r1[3] = {cy, 0, -sy};
  const double r2[3] = {sy * sp, cp, cy * sp};
  const double f = focal_px;
  return Mat3{{{f * r1[0], f * r2[0], 0}, {f * r1[1], f * r2[1], 0}, {r1[2], r2[2], f}}};
}

Mat3 Inverse(const Mat3& m) {
  const double a = m[0][0], b = m[0][1], c = m[0][2], d = m[1][0], e = m[1][1], f = m[1][2], g = m[2][0],
               h = m[2][1], i = m[2][2];
  const double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  return Mat3{{{(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det},
               {(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det},
               {(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det}}};
}

// Largest distance from the sheet's centre to a projected corner (the sheet's reach in the frame).
double PerspectiveReach(const GrayImage& src, double pitch_deg, double yaw_deg, double focal_px) {
  const Mat3 h = SheetToImage(pitch_deg, yaw_deg, focal_px);
  double reach = 0;
  for (double u : {-src.width / 2.0, src.width / 2.0})
    for (double v : {-src.height / 2.0, src.height / 2.0}) {
      const double w = h[2][0] * u + h[2][1] * v + h[2][2];
      reach = std::max(reach, std::hypot((h[0][0] * u + h[0][1] * v) / w, (h[1][0] * u + h[1][1] * v) / w));
    }
  return reach;
}

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

void PastePerspective(GrayImage& dst, const GrayImage& src, double cx, double cy, double roll_deg, double pitch_deg,
                      double yaw_deg, double focal_px) {
  const double rad = roll_deg * std::numbers::pi / 180.0;
  const double c = std::cos(rad), s = std::sin(rad);
  const Mat3 inv = Inverse(SheetToImage(pitch_deg, yaw_deg, focal_px));
  const double reach = PerspectiveReach(src, pitch_deg, yaw_deg, focal_px) + 1;
  const int x0 = std::max(0, int(std::floor(cx - reach))), x1 = std::min(dst.width - 1, int(std::ceil(cx + reach)));
  const int y0 = std::max(0, int(std::floor(cy - reach))), y1 = std::min(dst.height - 1, int(std::ceil(cy + reach)));
  for (int y = y0; y <= y1; ++y)
    for (int x = x0; x <= x1; ++x) {
      // Undo the roll (as PasteRotated does), then the projection.
      const double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
      const double qx = c * dx - s * dy, qy = s * dx + c * dy;
      const double w = inv[2][0] * qx + inv[2][1] * qy + inv[2][2];
      if (w <= 0) continue;  // behind the sheet's horizon
      const double u = (inv[0][0] * qx + inv[0][1] * qy + inv[0][2]) / w;
      const double v = (inv[1][0] * qx + inv[1][1] * qy + inv[1][2]) / w;
      if (auto value = SampleBilinear(src, u + src.width / 2.0 - 0.5, v + src.height / 2.0 - 0.5))
        dst.pixels[std::size_t(y) * dst.width + x] = Clamp8(*value);
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

GrayImage GaussianBlur(const GrayImage& src, double sigma) {
  if (sigma <= 0) return src;
  const int radius = int(std::ceil(3 * sigma));
  std::vector<double> kernel(std::size_t(2 * radius + 1));
  double sum = 0;
  for (int k = -radius; k <= radius; ++k) sum += kernel[std::size_t(k + radius)] = std::exp(-k * k / (2 * sigma * sigma));
  for (double& k : kernel) k /= sum;
  const int w = src.width, h = src.height;
  std::vector<double> rows(std::size_t(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double acc = 0;
      for (int k = -radius; k <= radius; ++k)
        acc += kernel[std::size_t(k + radius)] * src.pixels[std::size_t(y) * w + std::clamp(x + k, 0, w - 1)];
      rows[std::size_t(y) * w + x] = acc;
    }
  GrayImage dst = Blank(w, h, 0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      double acc = 0;
      for (int k = -radius; k <= radius; ++k)
        acc += kernel[std::size_t(k + radius)] * rows[std::size_t(std::clamp(y + k, 0, h - 1)) * w + x];
      dst.pixels[std::size_t(y) * w + x] = Clamp8(acc);
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
  if (o.max_tilt_deg > 0) {
    constexpr double kFocalPx = 900;  // a 70° webcam at 1280 px wide
    std::uniform_real_distribution<double> tilt(-o.max_tilt_deg, o.max_tilt_deg);
    const double pitch = tilt(rng), yaw = tilt(rng), roll = angle(rng);
    const double reach = PerspectiveReach(paper, pitch, yaw, kFocalPx) + 2;
    std::uniform_real_distribution<double> cx(reach, std::max(reach, frame.width - reach));
    std::uniform_real_distribution<double> cy(reach, std::max(reach, frame.height - reach));
    const double x = cx(rng), y = cy(rng);
    PastePerspective(frame, paper, x, y, roll, pitch, yaw, kFocalPx);
  } else {
    // Kept as it was (argument evaluation order included): the seeds of earlier tests draw the same frames.
    const double reach = std::hypot(paper.width, paper.height) / 2 + 2;
    std::uniform_real_distribution<double> cx(reach, std::max(reach, frame.width - reach));
    std::uniform_real_distribution<double> cy(reach, std::max(reach, frame.height - reach));
    PasteRotated(frame, paper, cx(rng), cy(rng), angle(rng));
  }

  SetContrast(frame, 35, 225);
  ApplyLightingGradient(frame, 1.05, 0.65);
  frame = BoxBlur(frame, o.blur_radius_px);
  frame = GaussianBlur(frame, o.gaussian_blur_sigma);
  AddGaussianNoise(frame, o.noise_sigma, rng);
  return frame;
}

}  // namespace motcua::scan::testimg
