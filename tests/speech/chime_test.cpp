#include "speech/chime.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace motcua::speech {
namespace {

using namespace std::chrono_literals;

// Power of `frequency` in samples [from, to) (Goertzel), normalised by the length.
double PowerAt(const Pcm& pcm, double frequency, std::size_t from, std::size_t to) {
  const double w = 2 * std::numbers::pi * frequency / pcm.sample_rate;
  double s1 = 0, s2 = 0;
  for (std::size_t i = from; i < to; ++i) {
    const double s = pcm.samples[i] + 2 * std::cos(w) * s1 - s2;
    s2 = s1;
    s1 = s;
  }
  const double n = double(to - from);
  return (s1 * s1 + s2 * s2 - 2 * std::cos(w) * s1 * s2) / (n * n);
}

int Peak(const Pcm& pcm, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  int peak = 0;
  for (std::size_t i = from; i < std::min(to, pcm.samples.size()); ++i) peak = std::max(peak, std::abs(int{pcm.samples[i]}));
  return peak;
}

TEST(Chime, LastsOneSecondAtEachRate) {
  for (int rate : {8000, 16000, 22050, 44100, 48000}) {
    const Pcm chime = Chime(rate);
    EXPECT_EQ(chime.sample_rate, rate);
    EXPECT_EQ(chime.samples.size(), std::size_t(rate)) << rate;
    EXPECT_EQ(Duration(chime), kChimeLength) << rate;
  }
  EXPECT_EQ(Chime().sample_rate, 22050);
}

TEST(Chime, NeverClipsAndPeaksAtTheSetLevel) {
  const Pcm chime = Chime();
  EXPECT_EQ(Peak(chime), kChimePeak);
  EXPECT_LT(Peak(chime), 32767);
  EXPECT_GT(*std::min_element(chime.samples.begin(), chime.samples.end()), -32768);
}

// No clicks: the first and last samples are (near) zero, and no step between neighbouring samples is
// larger than a 659 Hz sine at the peak level can make (2π·f/rate·peak ≈ 3000 at 22050 Hz, plus
// the harmonics; a click would be a jump of the order of the peak itself).
TEST(Chime, StartsAndEndsWithoutAClick) {
  const Pcm chime = Chime();
  EXPECT_LT(std::abs(chime.samples.front()), 100);
  EXPECT_EQ(chime.samples.back(), 0);
  EXPECT_LT(Peak(chime, chime.samples.size() - 20), 200);  // the fade-out's last ~1 ms
  int max_step = 0;
  for (std::size_t i = 1; i < chime.samples.size(); ++i)
    max_step = std::max(max_step, std::abs(chime.samples[i] - chime.samples[i - 1]));
  EXPECT_LT(max_step, 6000);
}

// "Ding" (E5, 659 Hz) in the first 0.35 s, "dong" (C5, 523 Hz) after it.
TEST(Chime, DingThenDong) {
  const Pcm chime = Chime();
  const std::size_t split = 22050 * 35 / 100;
  const std::size_t window = 22050 / 10;  // 0.1 s after each strike
  EXPECT_GT(PowerAt(chime, 659.25, 0, window), 20 * PowerAt(chime, 523.25, 0, window));
  EXPECT_GT(PowerAt(chime, 523.25, split, split + window), 5 * PowerAt(chime, 659.25, split, split + window));
  // It decays: the last tenth is much quieter than the strike.
  EXPECT_LT(Peak(chime, chime.samples.size() * 9 / 10), kChimePeak / 5);
  // Both notes are loud: the second strike reaches at least half the peak.
  EXPECT_GT(Peak(chime, split, split + window), kChimePeak / 2);
}

TEST(Chime, ImpossibleRateGivesNothing) {
  EXPECT_TRUE(Chime(0).samples.empty());
  EXPECT_TRUE(Chime(-22050).samples.empty());
  EXPECT_TRUE(Chime(7999).samples.empty());
  EXPECT_TRUE(Chime(192001).samples.empty());
  EXPECT_EQ(Chime(192000).samples.size(), 192000u);
}

TEST(Concat, PutsTheGapBetween) {
  const Pcm a{22050, {1, 2, 3}};
  const Pcm b{22050, {4, 5}};
  const Pcm ab = Concat(a, b, 1ms);  // 22.05 samples: 22 of silence
  ASSERT_EQ(ab.samples.size(), 3u + 22u + 2u);
  EXPECT_EQ(ab.sample_rate, 22050);
  EXPECT_EQ(ab.samples[0], 1);
  EXPECT_EQ(ab.samples[2], 3);
  EXPECT_EQ(ab.samples[3], 0);
  EXPECT_EQ(ab.samples[24], 0);
  EXPECT_EQ(ab.samples[25], 4);
  EXPECT_EQ(ab.samples[26], 5);
  EXPECT_EQ(Concat(a, b, 0ms).samples, (std::vector<std::int16_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(Concat(a, b, -5ms).samples, (std::vector<std::int16_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(Duration(Concat(Chime(), Chime(), 200ms)), 2200ms);
}

TEST(Concat, EmptyFirstTakesTheSecondsRate) {
  const Pcm b{16000, {7, 8}};
  const Pcm out = Concat(Pcm{0, {}}, b, 0ms);
  EXPECT_EQ(out.sample_rate, 16000);
  EXPECT_EQ(out.samples, b.samples);
}

TEST(Concat, ResamplesTheSecondToTheFirstsRate) {
  const Pcm a{22050, {}};
  const Pcm b{11025, {0, 100, 200, 300}};
  const Pcm out = Concat(a, b, 0ms);
  EXPECT_EQ(out.sample_rate, 22050);
  EXPECT_EQ(out.samples, (std::vector<std::int16_t>{0, 50, 100, 150, 200, 250, 300, 300}));
  // A second of 44.1 kHz audio stays a second long.
  const Pcm hi{44100, std::vector<std::int16_t>(44100, 1000)};
  EXPECT_EQ(Duration(Concat(a, hi, 0ms)), 1000ms);
}

}  // namespace
}  // namespace motcua::speech
