#include "ui_imgui/audio.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <thread>

namespace motcua::ui {
namespace {

using namespace std::chrono_literals;

// A 440 Hz tone, `ms` long.
speech::Pcm Tone(int ms, int sample_rate = 22050) {
  speech::Pcm pcm;
  pcm.sample_rate = sample_rate;
  pcm.samples.resize(std::size_t(sample_rate) * ms / 1000);
  for (std::size_t i = 0; i < pcm.samples.size(); ++i)
    pcm.samples[i] = std::int16_t(8000 * std::sin(2 * M_PI * 440 * double(i) / sample_rate));
  return pcm;
}

std::uint32_t Bytes(int ms, int sample_rate = 22050) { return std::uint32_t(sample_rate) * ms / 1000 * 2; }

// SDL reads SDL_AUDIODRIVER when its audio subsystem starts, i.e. in each AudioOut here (none
// outlives its test, so the subsystem stops in between).
class AudioOutTest : public ::testing::Test {
 protected:
  void UseDriver(const char* driver) { ASSERT_EQ(setenv("SDL_AUDIODRIVER", driver, 1), 0); }
  void TearDown() override { unsetenv("SDL_AUDIODRIVER"); }
};

TEST_F(AudioOutTest, QueuesAndPlaysOnTheDummyDriver) {
  UseDriver("dummy");
  AudioOut out;
  ASSERT_TRUE(out.available()) << out.reason();
  EXPECT_EQ(out.reason(), "");
  EXPECT_EQ(out.sample_rate(), 22050);

  out.Play(Tone(2000));
  const std::uint32_t queued = out.queued_bytes();
  EXPECT_GT(queued, Bytes(1000));  // the dummy device consumes in real time: most is still queued
  EXPECT_LE(queued, Bytes(2000));

  // A newer Play replaces the rest of the old audio rather than queueing behind it.
  out.Play(Tone(100));
  EXPECT_LE(out.queued_bytes(), Bytes(100));

  // And it does get played: the queue drains.
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (out.queued_bytes() > 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
  EXPECT_EQ(out.queued_bytes(), 0u);

  out.Play(Tone(1000));
  out.Stop();
  EXPECT_EQ(out.queued_bytes(), 0u);
}

TEST_F(AudioOutTest, ReopensAtAnotherSampleRate) {
  UseDriver("dummy");
  AudioOut out;
  ASSERT_TRUE(out.available()) << out.reason();
  out.Play(Tone(1000, 16000));
  EXPECT_TRUE(out.available());
  EXPECT_EQ(out.sample_rate(), 16000);
  EXPECT_GT(out.queued_bytes(), Bytes(500, 16000));
  EXPECT_LE(out.queued_bytes(), Bytes(1000, 16000));
}

TEST_F(AudioOutTest, EmptyPcmChangesNothing) {
  UseDriver("dummy");
  AudioOut out;
  ASSERT_TRUE(out.available()) << out.reason();
  out.Play(Tone(1000));
  const std::uint32_t before = out.queued_bytes();
  out.Play(speech::Pcm{});
  EXPECT_GT(out.queued_bytes(), 0u);
  EXPECT_LE(out.queued_bytes(), before);
}

// Like a CI machine without a sound card: the object says why in one line and Play does nothing.
TEST_F(AudioOutTest, WithoutADeviceIsUnavailableAndPlayDoesNothing) {
  UseDriver("no-such-driver");
  AudioOut out;
  EXPECT_FALSE(out.available());
  const std::string reason = out.reason();
  EXPECT_EQ(reason.rfind("no audio: ", 0), 0u) << reason;
  EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
  out.Play(Tone(500));
  out.Stop();
  EXPECT_EQ(out.queued_bytes(), 0u);
  EXPECT_EQ(out.sample_rate(), 0);
}

// The Narrator's sink plays from its own thread while the UI thread may stop it.
TEST_F(AudioOutTest, PlayAndStopFromSeveralThreads) {
  UseDriver("dummy");
  AudioOut out;
  ASSERT_TRUE(out.available()) << out.reason();
  const speech::Pcm tone = Tone(200);
  std::thread player([&] {
    for (int i = 0; i < 200; ++i) out.Play(tone);
  });
  for (int i = 0; i < 200; ++i) out.Stop();
  player.join();
  EXPECT_LE(out.queued_bytes(), Bytes(200));
}

}  // namespace
}  // namespace motcua::ui
