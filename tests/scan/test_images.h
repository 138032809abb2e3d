// Synthetic camera conditions for QR tests and the QR benchmark: rotations (exact and bilinear),
// blur, Gaussian and salt-and-pepper noise, uneven lighting, and a 1280x720 "kiosk camera" frame with
// a receipt QR on paper held over a desk. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <random>
#include <string_view>

#include "scan/qr_image.h"

namespace motcua::scan::testimg {

GrayImage Blank(int width, int height, std::uint8_t value);

// Quarter turns clockwise (1 = 90°, 2 = 180°, 3 = 270°), exact pixel moves.
GrayImage RotateQuarterTurns(const GrayImage& src, int quarter_turns);

// Draws `src` rotated by `degrees` (counter-clockwise on screen) with its centre at (cx, cy) in
// `dst`, bilinear resampling; pixels outside the rotated source keep dst's content.
void PasteRotated(GrayImage& dst, const GrayImage& src, double cx, double cy, double degrees);

// `src` rotated by `degrees` on a canvas just large enough, the corners filled with `fill`.
GrayImage RotateBilinear(const GrayImage& src, double degrees, std::uint8_t fill = 255);

// Draws `src` as a flat sheet seen through a pinhole camera: tilted back by `pitch_deg` (about its
// horizontal axis, bottom edge away from the lens for positive values) and turned by `yaw_deg` (about its
// vertical axis), then rotated by `roll_deg` in the image plane, its centre at (cx, cy) in `dst` and at
// scale 1 there. `focal_px` is the camera's focal length in pixels (about 900 for a 70° 720p webcam):
// the smaller it is, the stronger the keystone. Bilinear; pixels outside the sheet keep dst's content.
// With pitch = yaw = 0 this draws what PasteRotated(dst, src, cx, cy, roll_deg) draws.
void PastePerspective(GrayImage& dst, const GrayImage& src, double cx, double cy, double roll_deg, double pitch_deg,
                      double yaw_deg, double focal_px);

// (2r+1)x(2r+1) box blur, edges clamped. radius 0 returns a copy.
GrayImage BoxBlur(const GrayImage& src, int radius);

// Gaussian blur (separable kernel truncated at 3 sigma, edges clamped): a lens out of focus. sigma <= 0
// returns a copy.
GrayImage GaussianBlur(const GrayImage& src, double sigma);

void AddGaussianNoise(GrayImage& img, double sigma, std::mt19937& rng);
// Sets `fraction` of the pixels to 0 or 255 (half each on average).
void AddSaltAndPepper(GrayImage& img, double fraction, std::mt19937& rng);
// Maps 0..255 to black_level..white_level (a camera never sees pure black and white).
void SetContrast(GrayImage& img, std::uint8_t black_level, std::uint8_t white_level);
// Multiplies by a gain that falls linearly from `gain_left_top` at the top-left corner to
// `gain_right_bottom` at the bottom-right (a window on one side, shade on the other).
void ApplyLightingGradient(GrayImage& img, double gain_left_top, double gain_right_bottom);

struct CameraFrameOptions {
  int width_px = 1280;            // default 1280 (720p camera)
  int height_px = 720;            // default 720
  int module_px = 5;              // default 5 px per module: a 2.5 cm receipt QR ~20 cm from the lens
  double max_rotation_deg = 8.0;  // default 8: the receipt is held roughly upright
  // Default 0: the receipt faces the lens. Otherwise it is tilted back and turned by up to this many
  // degrees each way (PastePerspective, focal length 900 px): a receipt held at an angle.
  double max_tilt_deg = 0.0;
  int blur_radius_px = 1;         // default 1 (3x3 box): focus and motion
  double gaussian_blur_sigma = 0.0;  // default 0 (none); applied after the box blur: out of focus
  double noise_sigma = 6.0;       // default 6 grey levels of sensor noise
  bool with_code = true;          // default true; false draws the same paper with no code
};

// A frame: a textured desk, a white receipt with `text` as a QR (4-module quiet zone plus a paper
// margin) at a random position and rotation, lighting falling from 1.05 to 0.65 across the frame,
// contrast 35..225, blur and noise. Deterministic for `seed`.
GrayImage CameraFrame(std::string_view text, const CameraFrameOptions& options, std::uint32_t seed);

}  // namespace motcua::scan::testimg
