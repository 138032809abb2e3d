#include "speech/chime.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace motcua::speech {
namespace {

constexpr double kSecondNoteAt = 0.35;    // seconds
constexpr double kDecay = 0.25;           // seconds: the fundamental falls to 1/e after this
constexpr double kFadeIn = 0.005;         // seconds
constexpr double kFadeOut = 0.040;        // seconds, at the very end

struct Partial {
  double multiple;   // of the note's frequency
  double level;      // relative to the fundamental
  double decay;      // time constant, seconds
};
// A struck bar: the overtones are quieter and die sooner than the fundamental.
constexpr Partial kPartials[] = {{1.0, 1.0, kDecay}, {2.0, 0.35, kDecay / 2}, {3.0, 0.12, kDecay / 3}};

// Adds one note, struck at `start` seconds, to `out` (one float per sample).
void AddNote(std::vector<double>& out, int rate, double frequency, double start) {
  const auto first = static_cast<std::size_t>(std::lround(start * rate));
  for (std::size_t i = first; i < out.size(); ++i) {
    const double t = double(i - first) / rate;
    const double attack = std::min(1.0, t / kFadeIn);
    double v = 0;
    for (const Partial& p : kPartials)
      v += p.level * std::exp(-t / p.decay) * std::sin(2 * std::numbers::pi * frequency * p.multiple * t);
    out[i] += attack * v;
  }
}

}  // namespace

Pcm Chime(int sample_rate) {
  Pcm pcm;
  pcm.sample_rate = sample_rate;
  if (sample_rate < 8000 || sample_rate > 192000) return pcm;
  const auto n = static_cast<std::size_t>(std::int64_t{sample_rate} * kChimeLength.count() / 1000);
  std::vector<double> wave(n, 0.0);
  AddNote(wave, sample_rate, 659.25, 0.0);            // E5: "ding"
  AddNote(wave, sample_rate, 523.25, kSecondNoteAt);  // C5: "dong"
  // Fade-out: a raised-cosine ramp reaching exactly zero at the last sample.
  const auto fade = static_cast<std::size_t>(kFadeOut * sample_rate);
  for (std::size_t k = 0; k < fade && k < n; ++k) {
    const double x = double(k) / double(fade);  // 0 at the last sample
    wave[n - 1 - k] *= 0.5 - 0.5 * std::cos(std::numbers::pi * x);
  }
  double peak = 0;
  for (double v : wave) peak = std::max(peak, std::abs(v));
  const double scale = peak > 0 ? kChimePeak / peak : 0;
  pcm.samples.reserve(n);
  for (double v : wave) pcm.samples.push_back(static_cast<std::int16_t>(std::lround(v * scale)));
  return pcm;
}

Pcm Concat(const Pcm& a, const Pcm& b, std::chrono::milliseconds gap) {
  Pcm out;
  out.sample_rate = (a.sample_rate > 0 || !a.samples.empty()) ? a.sample_rate : b.sample_rate;
  const int rate = out.sample_rate;
  const auto gap_samples =
      rate > 0 ? static_cast<std::size_t>(std::max<std::int64_t>(0, gap.count()) * rate / 1000) : 0;
  out.samples.reserve(a.samples.size() + gap_samples + b.samples.size());
  out.samples = a.samples;
  out.samples.resize(a.samples.size() + gap_samples, 0);
  if (b.sample_rate == rate || b.samples.empty() || b.sample_rate <= 0 || rate <= 0) {
    out.samples.insert(out.samples.end(), b.samples.begin(), b.samples.end());
    return out;
  }
  // Linear interpolation of b at a's rate.
  const auto n = static_cast<std::size_t>(std::int64_t(b.samples.size()) * rate / b.sample_rate);
  const double step = double(b.sample_rate) / rate;
  for (std::size_t i = 0; i < n; ++i) {
    const double pos = i * step;
    const auto j = static_cast<std::size_t>(pos);
    const double frac = pos - double(j);
    const double s0 = b.samples[std::min(j, b.samples.size() - 1)];
    const double s1 = b.samples[std::min(j + 1, b.samples.size() - 1)];
    out.samples.push_back(static_cast<std::int16_t>(std::lround(s0 + (s1 - s0) * frac)));
  }
  return out;
}

}  // namespace motcua::speech
