#include "speech/speech.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace motcua::speech {
namespace {

using namespace std::chrono_literals;

double Rms(const Pcm& pcm) {
  if (pcm.samples.empty()) return 0;
  double sum = 0;
  for (std::int16_t s : pcm.samples) sum += double(s) * s;
  return std::sqrt(sum / double(pcm.samples.size()));
}

std::unique_ptr<Synthesizer> OpenVi() {
  auto synth = Synthesizer::Open("vi");
  EXPECT_TRUE(synth) << synth.error().Describe();
  return synth ? std::move(synth).value() : nullptr;
}

// Enough text for espeak-ng to take a visible time (about 100 s of audio).
std::string LongText() {
  std::string text;
  for (int i = 0; i < 25; ++i) text += "Hồ sơ của ông bà đã được tiếp nhận, ngày 5 tháng 12 năm 2026. ";
  return text;
}

TEST(Duration, RoundsDownToWholeMilliseconds) {
  EXPECT_EQ(Duration(Pcm{22050, std::vector<std::int16_t>(22050)}), 1000ms);
  EXPECT_EQ(Duration(Pcm{22050, std::vector<std::int16_t>(22)}), 0ms);    // 0.998 ms
  EXPECT_EQ(Duration(Pcm{22050, std::vector<std::int16_t>(23)}), 1ms);
  EXPECT_EQ(Duration(Pcm{16000, std::vector<std::int16_t>(8000)}), 500ms);
  EXPECT_EQ(Duration(Pcm{22050, {}}), 0ms);
  EXPECT_EQ(Duration(Pcm{0, std::vector<std::int16_t>(10)}), 0ms);
}

TEST(Synthesizer, OpensTheVietnameseAndEnglishVoices) {
  for (const char* voice : {"vi", "en"}) {
    auto synth = Synthesizer::Open(voice);
    ASSERT_TRUE(synth) << voice << ": " << synth.error().Describe();
    EXPECT_EQ((*synth)->sample_rate(), 22050) << voice;
  }
}

TEST(Synthesizer, SpeaksVietnameseAsAudibleAudio) {
  auto synth = OpenVi();
  ASSERT_NE(synth, nullptr);
  auto pcm = synth->Speak("Xin chào");
  ASSERT_TRUE(pcm) << pcm.error().Describe();
  EXPECT_EQ(pcm->sample_rate, 22050);
  EXPECT_GT(Duration(*pcm), 300ms);
  EXPECT_LT(Duration(*pcm), 3000ms);
  EXPECT_GT(Rms(*pcm), 500.0);  // measured ~3800; silence would be 0
}

// Proof that the Vietnamese voice reads the text, not an English voice spelling it. The phonemes show
// the tone of "chào" (the digit 2, dấu huyền) that "chao" lacks; the audio differs in length where the
// voice knows the words ("tiếp" is Vietnamese; "tiep" is looked up as English); the English voice
// spells "cứu" and "hồ" letter by letter, so the same text takes it far longer.
TEST(Synthesizer, UsesTheVietnameseVoiceForVietnameseText) {
  auto synth = OpenVi();
  ASSERT_NE(synth, nullptr);
  const std::string tone = synth->Phonemes("Xin chào").value();
  const std::string flat = synth->Phonemes("Xin chao").value();
  EXPECT_EQ(tone, "sˈin tʃˈaː2w");
  EXPECT_EQ(flat, "sˈin tʃˈaːw");

  const auto with_marks = Duration(synth->Speak("Hồ sơ đã được tiếp nhận").value());
  const auto without = Duration(synth->Speak("Ho so da duoc tiep nhan").value());
  EXPECT_GT(std::abs((with_marks - without).count()), with_marks.count() / 10)
      << with_marks.count() << " ms vs " << without.count() << " ms";

  const auto vi = Duration(synth->Speak("Tra cứu hồ sơ", "vi").value());
  const auto en = Duration(synth->Speak("Tra cứu hồ sơ", "en").value());
  EXPECT_GT(en, 2 * vi) << "vi " << vi.count() << " ms, en " << en.count() << " ms";
}

TEST(Synthesizer, RefusesAVoiceItDoesNotHave) {
  auto missing = Synthesizer::Open("zz-none");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(missing.error().field, "voice");
  EXPECT_EQ(missing.error().rule, "no_voice");
  EXPECT_NE(missing.error().detail.find("\"zz-none\""), std::string::npos) << missing.error().detail;

  // Names that are not voice names never reach espeak-ng (it would open them as files).
  for (const char* bad : {"", "../vi", "/etc/passwd", "vi en", "a-very-long-voice-name-that-no-one-uses-x"}) {
    auto r = Synthesizer::Open(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().rule, "no_voice") << bad;
  }

  // A failed voice change leaves the synthesizer working.
  auto synth = OpenVi();
  ASSERT_NE(synth, nullptr);
  auto bad = synth->Speak("Xin chào", "zz-none");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "no_voice");
  auto good = synth->Speak("Xin chào", "vi");
  ASSERT_TRUE(good) << good.error().Describe();
  EXPECT_GT(Duration(*good), 300ms);
  EXPECT_EQ(synth->Phonemes("Xin chào", "vi").value(), "sˈin tʃˈaː2w");
}

TEST(Synthesizer, RefusesInvalidUtf8) {
  auto synth = OpenVi();
  ASSERT_NE(synth, nullptr);
  for (std::string_view bad : {std::string_view("\xC3\x28"), std::string_view("Xin ch\xE0o"),
                               std::string_view("\xED\xA0\x80")}) {  // truncated, Latin-1, a surrogate
    auto pcm = synth->Speak(bad);
    ASSERT_FALSE(pcm);
    EXPECT_EQ(pcm.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(pcm.error().field, "text");
    EXPECT_EQ(pcm.error().rule, "bad_utf8");
    auto phonemes = synth->Phonemes(bad);
    ASSERT_FALSE(phonemes);
    EXPECT_EQ(phonemes.error().rule, "bad_utf8");
  }
}

TEST(Synthesizer, EmptyTextIsAShortSilenceNotAnError) {
  auto synth = OpenVi();
  ASSERT_NE(synth, nullptr);
  auto pcm = synth->Speak("");
  ASSERT_TRUE(pcm) << pcm.error().Describe();
  EXPECT_LT(Duration(*pcm), 100ms);
  EXPECT_EQ(synth->Phonemes("").value(), "");
}

// Decomposed input (NFD, as some keyboards and files give it) is read like the composed form, and a NUL
// or a line break inside the text does not cut it short.
TEST(Synthesizer, ReadsDecomposedTextAndControlCharactersLikePlainText) {
  auto synth = OpenVi();
  ASSERT_NE(synth, nullptr);
  EXPECT_EQ(synth->Phonemes("Xin cha\xCC\x80o").value(), "sˈin tʃˈaː2w");  // a + U+0300
  EXPECT_EQ(synth->Phonemes(std::string_view("Xin\0chào", 9)).value(), "sˈin tʃˈaː2w");
  EXPECT_EQ(synth->Phonemes("Xin\nchào").value(), "sˈin tʃˈaː2w");
}

// espeak-ng is one global engine; Synthesizers on several threads take turns and each gets its own
// text's audio (same length as when spoken alone, within espeak-ng's few-sample jitter).
TEST(Synthesizer, SpeaksFromSeveralThreadsAtOnce) {
  const std::vector<std::string> texts = {"Tra cứu hồ sơ", "Đánh giá sự hài lòng", "Nộp phí bằng VietQR",
                                          "Hello, this is the English voice"};
  std::vector<std::chrono::milliseconds> alone;
  std::vector<std::string> alone_phonemes;
  {
    auto synth = OpenVi();
    ASSERT_NE(synth, nullptr);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const char* voice = i == 3 ? "en" : "vi";
      alone.push_back(Duration(synth->Speak(texts[i], voice).value()));
      alone_phonemes.push_back(synth->Phonemes(texts[i], voice).value());
    }
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    threads.emplace_back([&, i] {
      auto synth = Synthesizer::Open("vi");  // one handle per thread, sharing the engine
      if (!synth) {
        ++failures;
        return;
      }
      const char* voice = i == 3 ? "en" : "vi";
      for (int round = 0; round < 5; ++round) {
        auto pcm = (*synth)->Speak(texts[i], voice);
        auto phonemes = (*synth)->Phonemes(texts[i], voice);
        if (!pcm || !phonemes || *phonemes != alone_phonemes[i] ||
            std::abs((Duration(*pcm) - alone[i]).count()) > alone[i].count() / 20) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

// Collects what a Narrator delivers; the sink can be made to hold the narrator's thread.
struct SinkRecorder {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<Utterance> heard;
  bool hold = false;      // the sink waits while this is true
  int entered = 0;        // sink calls started

  Narrator::Sink Sink() {
    return [this](Utterance u) {
      std::unique_lock lock(mu);
      ++entered;
      cv.notify_all();
      cv.wait(lock, [&] { return !hold; });
      heard.push_back(std::move(u));
    };
  }
  void WaitEntered(int n) {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, 10s, [&] { return entered >= n; }));
  }
  void Release() {
    std::lock_guard lock(mu);
    hold = false;
    cv.notify_all();
  }
  std::vector<std::string> Texts() {
    std::lock_guard lock(mu);
    std::vector<std::string> out;
    for (const auto& u : heard) out.push_back(u.text);
    return out;
  }
};

TEST(Narrator, HandsTheSpokenTextToTheSink) {
  SinkRecorder rec;
  Narrator narrator(OpenVi(), rec.Sink());
  ASSERT_TRUE(narrator.Say("Tra cứu hồ sơ"));
  ASSERT_TRUE(narrator.WaitIdle(10s));
  std::lock_guard lock(rec.mu);
  ASSERT_EQ(rec.heard.size(), 1u);
  EXPECT_EQ(rec.heard[0].text, "Tra cứu hồ sơ");
  EXPECT_EQ(rec.heard[0].voice, "vi");
  EXPECT_GT(Duration(rec.heard[0].pcm), 300ms);
  EXPECT_GT(Rms(rec.heard[0].pcm), 500.0);
}

// While the first title is being delivered, two more screens go by: only the newest is spoken next.
TEST(Narrator, ANewerSayReplacesTextNotYetStarted) {
  SinkRecorder rec;
  rec.hold = true;
  Narrator narrator(OpenVi(), rec.Sink());
  ASSERT_TRUE(narrator.Say("Trang chủ"));
  rec.WaitEntered(1);
  ASSERT_TRUE(narrator.Say("Tra cứu hồ sơ"));
  ASSERT_TRUE(narrator.Say("Đánh giá", "vi"));
  rec.Release();
  ASSERT_TRUE(narrator.WaitIdle(10s));
  EXPECT_EQ(rec.Texts(), (std::vector<std::string>{"Trang chủ", "Đánh giá"}));
}

TEST(Narrator, RefusesInvalidUtf8AndKeepsWhatWasQueued) {
  SinkRecorder rec;
  rec.hold = true;
  Narrator narrator(OpenVi(), rec.Sink());
  ASSERT_TRUE(narrator.Say("Trang chủ"));
  rec.WaitEntered(1);
  ASSERT_TRUE(narrator.Say("Tra cứu hồ sơ"));
  Status bad = narrator.Say("\xC3\x28");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "text");
  EXPECT_EQ(bad.error().rule, "bad_utf8");
  rec.Release();
  ASSERT_TRUE(narrator.WaitIdle(10s));
  EXPECT_EQ(rec.Texts(), (std::vector<std::string>{"Trang chủ", "Tra cứu hồ sơ"}));
}

TEST(Narrator, ReportsAMissingVoiceToTheErrorSink) {
  SinkRecorder rec;
  std::mutex mu;
  std::vector<Error> errors;
  Narrator narrator(OpenVi(), rec.Sink(), [&](const Error& e) {
    std::lock_guard lock(mu);
    errors.push_back(e);
  });
  ASSERT_TRUE(narrator.Say("Xin chào", "zz-none"));
  ASSERT_TRUE(narrator.WaitIdle(10s));
  ASSERT_TRUE(narrator.Say("Xin chào", "vi"));
  ASSERT_TRUE(narrator.WaitIdle(10s));
  std::lock_guard lock(mu);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rule, "no_voice");
  EXPECT_EQ(rec.Texts(), (std::vector<std::string>{"Xin chào"}));
}

// Stop() cancels a long synthesis: the narrator is idle again well before espeak-ng would have
// finished the text, and nothing reaches the sink.
TEST(Narrator, StopCancelsASynthesisInProgress) {
  const std::string text = LongText();
  auto synth = OpenVi();
  ASSERT_NE(synth, nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(synth->Speak(text));
  const auto full = std::chrono::steady_clock::now() - t0;

  SinkRecorder rec;
  Narrator narrator(std::move(synth), rec.Sink());
  const auto t1 = std::chrono::steady_clock::now();
  ASSERT_TRUE(narrator.Say(text));
  std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(full) / 10);
  narrator.Stop();
  ASSERT_TRUE(narrator.WaitIdle(10s));
  const auto stopped = std::chrono::steady_clock::now() - t1;
  EXPECT_LT(stopped, full * 0.8) << "full synthesis "
                                 << std::chrono::duration_cast<std::chrono::milliseconds>(full).count() << " ms";
  EXPECT_TRUE(rec.Texts().empty());

  // Still usable afterwards.
  ASSERT_TRUE(narrator.Say("Xin chào"));
  ASSERT_TRUE(narrator.WaitIdle(10s));
  EXPECT_EQ(rec.Texts(), (std::vector<std::string>{"Xin chào"}));
}

// Stop()'s promise, at random moments (fixed seed): once it returns, the sink is never called for
// anything said before it.
TEST(Narrator, NothingSaidBeforeStopReachesTheSinkAfterIt) {
  std::atomic<int> calls{0};
  Narrator narrator(OpenVi(), [&](Utterance) { ++calls; });
  const unsigned seed = 20261205;
  std::mt19937 rng(seed);
  for (int round = 0; round < 30; ++round) {
    ASSERT_TRUE(narrator.Say(round % 2 ? "Tra cứu hồ sơ" : "Xin chào"));
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 3000));
    narrator.Stop();
    const int at_stop = calls.load();
    ASSERT_TRUE(narrator.WaitIdle(10s));
    EXPECT_EQ(calls.load(), at_stop) << "seed " << seed << " round " << round;
  }
}

TEST(Narrator, TheSinkMayCallStopAndSay) {
  std::mutex mu;
  std::vector<std::string> heard;
  Narrator* self = nullptr;
  Narrator narrator(OpenVi(), [&](Utterance u) {
    std::lock_guard lock(mu);
    heard.push_back(u.text);
    if (u.text == "Trang chủ") {
      self->Stop();
      ASSERT_TRUE(self->Say("Tra cứu hồ sơ"));
    }
  });
  self = &narrator;
  ASSERT_TRUE(narrator.Say("Trang chủ"));
  ASSERT_TRUE(narrator.WaitIdle(10s));
  std::lock_guard lock(mu);
  EXPECT_EQ(heard, (std::vector<std::string>{"Trang chủ", "Tra cứu hồ sơ"}));
}

TEST(Narrator, DestroyingItAbandonsPendingWork) {
  std::atomic<int> calls{0};
  const auto t0 = std::chrono::steady_clock::now();
  {
    Narrator narrator(OpenVi(), [&](Utterance) { ++calls; });
    ASSERT_TRUE(narrator.Say(LongText()));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 10s);
  EXPECT_EQ(calls.load(), 0);
}

}  // namespace
}  // namespace motcua::speech
