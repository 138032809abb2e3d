// Decode time of a receipt QR in a kiosk camera frame: scan::DecodeQr (ZXing 1.4) against zbar on
// the same frames, measured in the same run (style.md §5: never compare numbers across machines).
//
// Frames: 1280x720 grayscale from tests/scan/test_images.h CameraFrame(): a receipt-token QR
// (version 3) on white paper over a textured desk, rotated up to ±8°, contrast 35..225, lighting
// falling from 1.05 to 0.65 across the frame, 3x3 blur, σ6 noise, at random positions (seeds).
// Two scenarios: "near" (5 px/module, the receipt held ~20 cm from the kiosk camera) and "far"
// (3 px/module). Each frame is decoded `repeats` times by every decoder, decoders interleaved; then
// 10 frames with the same paper and no code (the idle cost of the scanner loop).
// Times are per-thread CPU time (robust when other processes share the machine) and wall time.
//
// Usage: bench_qr [frames] [repeats]   (defaults 30 and 3). Target: our near median <= 5 ms.
#include <time.h>
#include <zbar.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "codes/receipt_token.h"
#include "scan/qr_image.h"
#include "scan/test_images.h"

namespace {

using motcua::scan::GrayImage;
using Clock = std::chrono::steady_clock;

struct Sample {
  double cpu_ms;   // this thread's CPU time: steady even when other processes load the machine
  double wall_ms;  // elapsed time
};

struct Tally {
  std::vector<Sample> with_code;
  int decoded_ok = 0;  // frames whose text matched (counted on the first repeat)
  int frames = 0;
  std::vector<Sample> no_code;
  int false_reads = 0;  // text returned on a frame with no code
};

struct QrDecoder {
  const char* name;
  std::function<std::string(const GrayImage&)> decode;  // "" when nothing was found
};

double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, std::size_t(p * (v.size() - 1) + 0.5))];
}

std::vector<double> Cpu(const std::vector<Sample>& s) {
  std::vector<double> v;
  for (const auto& x : s) v.push_back(x.cpu_ms);
  return v;
}
std::vector<double> Wall(const std::vector<Sample>& s) {
  std::vector<double> v;
  for (const auto& x : s) v.push_back(x.wall_ms);
  return v;
}

class Zbar {
 public:
  Zbar() {
    scanner_ = zbar::zbar_image_scanner_create();
    zbar::zbar_image_scanner_set_config(scanner_, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner_, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  }
  ~Zbar() { zbar::zbar_image_scanner_destroy(scanner_); }
  Zbar(const Zbar&) = delete;
  Zbar& operator=(const Zbar&) = delete;

  std::string Decode(const GrayImage& img) {
    zbar::zbar_image_t* image = zbar::zbar_image_create();
    zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(image, unsigned(img.width), unsigned(img.height));
    zbar::zbar_image_set_data(image, img.pixels.data(), img.pixels.size(), nullptr);
    std::string text;
    if (zbar::zbar_scan_image(scanner_, image) > 0)
      if (const zbar::zbar_symbol_t* sym = zbar::zbar_image_first_symbol(image))
        text.assign(zbar::zbar_symbol_get_data(sym), zbar::zbar_symbol_get_data_length(sym));
    zbar::zbar_image_destroy(image);
    return text;
  }

 private:
  zbar::zbar_image_scanner_t* scanner_;
};

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  constexpr int kIdleFrames = 10;

  const std::string key(32, '\x11');
  const std::string token = *motcua::codes::MakeReceiptToken({"000.00.00.H56-261124-0042", "7KQM"}, key);

  Zbar zbar;
  auto ours = [](motcua::scan::QrDecodeOptions o) {
    return [o](const GrayImage& img) {
      auto r = motcua::scan::DecodeQr(img, o);
      return r ? *r : std::string();
    };
  };
  const std::vector<QrDecoder> decoders = {
      {"DecodeQr defaults (half size first)", ours({})},
      {"DecodeQr full size only", ours({.half_size_first_above_px = 0})},
      {"DecodeQr full size, try_harder/rotate off", ours({.try_harder = false, .try_rotate = false, .half_size_first_above_px = 0})},
      {"DecodeQr defaults + pre_blur", ours({.pre_blur = true})},
      {"zbar (QR only)", [&zbar](const GrayImage& img) { return zbar.Decode(img); }},
  };
  const std::size_t kZbar = decoders.size() - 1, kPreBlur = 3;

  auto time_one = [](const QrDecoder& d, const GrayImage& img, std::string* text) {
    const double c0 = ThreadCpuMs();
    const auto t0 = Clock::now();
    std::string got = d.decode(img);
    const Sample s{ThreadCpuMs() - c0, std::chrono::duration<double, std::milli>(Clock::now() - t0).count()};
    if (text) *text = std::move(got);
    return s;
  };

  std::printf("bench_qr: receipt token \"%s\" (%zu chars, %d modules); %d frames 1280x720 x %d repeats per "
              "scenario, plus %d frames with no code\n",
              token.c_str(), token.size(), motcua::scan::QrModuleCount(token), frames, repeats, kIdleFrames);
  struct Scenario {
    const char* name;
    int module_px;
  };
  double ours_near_cpu = 0, zbar_near_cpu = 0;
  for (const Scenario& scenario : {Scenario{"near: 5 px/module (code ~185 px wide)", 5},
                                   Scenario{"far: 3 px/module (code ~111 px wide)", 3}}) {
    const motcua::scan::testimg::CameraFrameOptions options{.module_px = scenario.module_px};
    std::vector<Tally> tally(decoders.size());
    for (const auto& d : decoders) (void)d.decode(motcua::scan::testimg::CameraFrame(token, options, 999));  // warm-up
    for (int f = 0; f < frames; ++f) {
      const GrayImage frame = motcua::scan::testimg::CameraFrame(token, options, 1000 + f);
      for (int r = 0; r < repeats; ++r)
        for (std::size_t k = 0; k < decoders.size(); ++k) {
          const std::size_t i = (k + r + f) % decoders.size();  // rotate the order: no decoder always first
          std::string text;
          tally[i].with_code.push_back(time_one(decoders[i], frame, r == 0 ? &text : nullptr));
          if (r == 0) {
            ++tally[i].frames;
            if (text == token) ++tally[i].decoded_ok;
          }
        }
    }
    for (int f = 0; f < kIdleFrames; ++f) {
      const GrayImage frame = motcua::scan::testimg::CameraFrame("", {.module_px = scenario.module_px, .with_code = false}, 5000 + f);
      for (int r = 0; r < repeats; ++r)
        for (std::size_t i = 0; i < decoders.size(); ++i) {
          std::string text;
          tally[i].no_code.push_back(time_one(decoders[i], frame, &text));
          if (!text.empty()) ++tally[i].false_reads;
        }
    }
    std::printf("\n%s\n", scenario.name);
    std::printf("  %-44s %9s %9s %9s %8s %11s\n", "decoder", "cpu med", "cpu p90", "wall med", "decoded",
                "no-code cpu");
    for (std::size_t i = 0; i < decoders.size(); ++i) {
      const Tally& t = tally[i];
      std::printf("  %-44s %7.2fms %7.2fms %7.2fms %4d/%-3d %9.2fms%s\n", decoders[i].name, Median(Cpu(t.with_code)),
                  Percentile(Cpu(t.with_code), 0.9), Median(Wall(t.with_code)), t.decoded_ok, t.frames,
                  Median(Cpu(t.no_code)), t.false_reads ? "  (false reads!)" : "");
    }
    const double ours_cpu = Median(Cpu(tally[0].with_code)), zbar_cpu = Median(Cpu(tally[kZbar].with_code));
    for (std::size_t i : {std::size_t(0), kPreBlur})
      std::printf("  ratio zbar / %s: %.1fx with a code (cpu medians), %.1fx with none\n", decoders[i].name,
                  zbar_cpu / Median(Cpu(tally[i].with_code)),
                  Median(Cpu(tally[kZbar].no_code)) / Median(Cpu(tally[i].no_code)));
    if (scenario.module_px == 5) ours_near_cpu = ours_cpu, zbar_near_cpu = zbar_cpu;
  }
  std::printf("\ntarget: DecodeQr median <= 5 ms on the near scenario: %.2f ms cpu, %s (zbar %.2f ms)\n", ours_near_cpu,
              ours_near_cpu <= 5.0 ? "met" : "MISSED", zbar_near_cpu);
  return 0;
}
