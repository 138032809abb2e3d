#include "speech/announcer.h"

#include <gtest/gtest.h>

#include <future>
#include <iostream>

#include "speech/announcement.h"
#include "speech/chime.h"
#include "speech/spoken_number.h"
#include "speech/wav.h"

namespace motcua::speech {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::unique_ptr<Synthesizer> OpenVietnameseVoice() {
  auto synth = Synthesizer::Open("vi");
  EXPECT_TRUE(synth) << synth.error().Describe();
  return synth ? std::move(synth).value() : nullptr;
}

// A fake clock for the announcer's waits: sleeping advances it, nothing really sleeps. The sink
// records each call's play window [start, start + duration) on that clock.
struct FakeBoard {
  struct Window {
    std::string sentence;
    std::string voice;
    std::chrono::milliseconds start;
    std::chrono::milliseconds end;
  };
  std::mutex mu;
  std::chrono::milliseconds now{0};
  std::vector<Window> played;

  Announcer::Sink Sink() {
    return [this](const Utterance& u) {
      std::lock_guard lock(mu);
      played.push_back({u.text, u.voice, now, now + Duration(u.pcm)});
    };
  }
  Announcer::Sleep Sleep() {
    return [this](std::chrono::milliseconds d) {
      std::lock_guard lock(mu);
      now += d;
    };
  }
};

TEST(RenderCall, ChimeThenGapThenSpeech) {
  auto synth = OpenVietnameseVoice();
  ASSERT_NE(synth, nullptr);
  const Pcm speech = synth->Speak("Mời khách hàng số A bảy").value();
  const Pcm call = RenderCall(*synth, "Mời khách hàng số A bảy", "vi", 200ms).value();
  EXPECT_EQ(call.sample_rate, 22050);
  // espeak-ng is not bit-for-bit repeatable: compare lengths to within 50 ms.
  const auto expected = kChimeLength + 200ms + Duration(speech);
  EXPECT_NEAR(double(Duration(call).count()), double(expected.count()), 50.0);
  // The chime is at the front, then silence.
  const Pcm chime = Chime(22050);
  EXPECT_TRUE(std::equal(chime.samples.begin(), chime.samples.end(), call.samples.begin()));
  for (std::size_t i = chime.samples.size(); i < chime.samples.size() + 22050 / 5; ++i)
    ASSERT_EQ(call.samples[i], 0) << i;
}

TEST(RenderCall, ReportsAMissingVoice) {
  auto synth = OpenVietnameseVoice();
  ASSERT_NE(synth, nullptr);
  auto r = RenderCall(*synth, "xin chào", "zz-none");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "voice");
  EXPECT_EQ(r.error().rule, "no_voice");
}

// The example through espeak-ng, to a WAV file: its length and the synthesis time are the
// figures the report gives (printed below).
TEST(RenderCall, TheA1023CallHasAPlausibleLength) {
  auto synth = OpenVietnameseVoice();
  ASSERT_NE(synth, nullptr);
  const std::string sentence = CallSentenceVi("A1023", "5");
  (void)synth->Speak("khởi động");  // the first synthesis loads the voice; time a warm one
  const auto t0 = Clock::now();
  const Pcm call = RenderCall(*synth, sentence).value();
  const auto took = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0);
  const std::string wav = EncodeWav(call);
  std::cout << "[ figures ] A1023 call: " << Duration(call).count() << " ms of audio incl. "
            << kChimeLength.count() << " ms chime + 200 ms gap; synthesised in " << took.count() / 1000.0
            << " ms; WAV " << wav.size() << " bytes\n";
  EXPECT_GE(Duration(call), 2500ms);
  EXPECT_LE(Duration(call), 8000ms);
  EXPECT_EQ(DecodeWav(wav).value().samples.size(), call.samples.size());
}

TEST(Announcer, CallsReachTheSinkInOrderAndNeverOverlap) {
  FakeBoard board;
  {
    Announcer announcer(OpenVietnameseVoice(), board.Sink(), {.gap = 800ms}, {}, board.Sleep());
    ASSERT_TRUE(announcer.Announce(CallSentenceVi("A1023", "5")));
    ASSERT_TRUE(announcer.Announce(CallSentenceVi("B7", "2")));
    ASSERT_TRUE(announcer.Announce(CallSentenceEn("A1024", "3"), "en"));
    ASSERT_TRUE(announcer.WaitIdle(30s));
    EXPECT_EQ(announcer.dropped(), 0u);
    EXPECT_EQ(announcer.pending(), 0u);
  }
  std::lock_guard lock(board.mu);
  ASSERT_EQ(board.played.size(), 3u);
  EXPECT_EQ(board.played[0].sentence, "Mời khách hàng số A một nghìn không trăm hai mươi ba đến quầy số năm");
  EXPECT_EQ(board.played[1].sentence, "Mời khách hàng số B bảy đến quầy số hai");
  EXPECT_EQ(board.played[2].sentence, "Ticket A-1024, please go to counter 3");
  EXPECT_EQ(board.played[2].voice, "en");
  for (std::size_t i = 0; i < board.played.size(); ++i) {
    const auto& w = board.played[i];
    EXPECT_GT(w.end - w.start, kChimeLength + 500ms) << i;  // a chime and words, not silence
    if (i > 0) {
      EXPECT_GE(w.start, board.played[i - 1].end + 800ms) << "call " << i << " overlaps the one before";
    }
  }
}

TEST(Announcer, DropsTheOldestPendingBeyondTheLimit) {
  FakeBoard board;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> first_in_sink;
  std::atomic<bool> first = true;
  auto sink = [&, inner = board.Sink()](const Utterance& u) {
    inner(u);
    if (first.exchange(false)) {
      first_in_sink.set_value();
      released.wait();  // hold the worker so the queue fills
    }
  };
  std::vector<std::string> said;
  {
    Announcer announcer(OpenVietnameseVoice(), sink, {.max_pending = 20}, {}, board.Sleep());
    ASSERT_TRUE(announcer.Announce("số không"));
    first_in_sink.get_future().wait();
    for (int i = 1; i <= 25; ++i) ASSERT_TRUE(announcer.Announce("số " + VietnameseNumberWords(i)));
    EXPECT_EQ(announcer.pending(), 20u);
    EXPECT_EQ(announcer.dropped(), 5u);  // calls 1-5
    release.set_value();
    ASSERT_TRUE(announcer.WaitIdle(60s));
    EXPECT_EQ(announcer.dropped(), 5u);
  }
  std::lock_guard lock(board.mu);
  ASSERT_EQ(board.played.size(), 21u);
  EXPECT_EQ(board.played[0].sentence, "số không");
  for (int i = 6; i <= 25; ++i) EXPECT_EQ(board.played[i - 5].sentence, "số " + VietnameseNumberWords(i));
}

TEST(Announcer, AFailedCallIsReportedAndTheNextFollows) {
  FakeBoard board;
  std::mutex mu;
  std::vector<Error> errors;
  {
    Announcer announcer(OpenVietnameseVoice(), board.Sink(), {}, [&](const Error& e) {
      std::lock_guard lock(mu);
      errors.push_back(e);
    }, board.Sleep());
    ASSERT_TRUE(announcer.Announce("số một", "zz-none"));
    ASSERT_TRUE(announcer.Announce("số hai"));
    ASSERT_TRUE(announcer.WaitIdle(30s));
  }
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rule, "no_voice");
  ASSERT_EQ(board.played.size(), 1u);
  EXPECT_EQ(board.played[0].sentence, "số hai");
}

TEST(Announcer, RefusesEmptyAndBrokenText) {
  FakeBoard board;
  Announcer announcer(OpenVietnameseVoice(), board.Sink(), {}, {}, board.Sleep());
  const Status empty = announcer.Announce("   ");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "text");
  EXPECT_EQ(empty.error().rule, "empty");
  const Status bad = announcer.Announce("s\xF4\x80");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "bad_utf8");
  EXPECT_EQ(announcer.pending(), 0u);
  EXPECT_TRUE(announcer.WaitIdle(1s));
}

// With the real wait, the announcer holds the next call for the audio's length, and its destructor
// does not sit out a call's remaining seconds.
TEST(Announcer, RealWaitHoldsTheNextCallAndStopsAtOnce) {
  std::mutex mu;
  std::vector<Clock::time_point> starts;
  std::vector<std::chrono::milliseconds> lengths;
  std::promise<void> second;
  auto sink = [&](const Utterance& u) {
    std::lock_guard lock(mu);
    starts.push_back(Clock::now());
    lengths.push_back(Duration(u.pcm));
    if (starts.size() == 2) second.set_value();
  };
  auto announcer = std::make_unique<Announcer>(OpenVietnameseVoice(), sink, AnnouncerOptions{.gap = 100ms});
  ASSERT_TRUE(announcer->Announce("một"));
  ASSERT_TRUE(announcer->Announce("Mời khách hàng số A một nghìn không trăm hai mươi ba đến quầy số năm"));
  ASSERT_EQ(second.get_future().wait_for(20s), std::future_status::ready);
  {
    std::lock_guard lock(mu);
    EXPECT_GE(starts[1] - starts[0], lengths[0] + 100ms);
  }
  // The second call's audio lasts seconds; the destructor must not wait for it.
  const auto t0 = Clock::now();
  announcer.reset();
  EXPECT_LT(Clock::now() - t0, 1s);
}

}  // namespace
}  // namespace motcua::speech
