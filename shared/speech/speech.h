// Spoken guidance: text to audio with espeak-ng (libespeak-ng, data from the espeak-ng-data package),
// offline and without a sound device. The kiosk speaks each screen's title and its key result
// (issue 13, accessibility); playing the audio is the apps' business (ui_imgui/audio.h).
//
// espeak-ng keeps all of its state in globals (the voice, the synth callback, the wave generator). So
// the engine here is one per process: initialised by the first Synthesizer::Open, never terminated
// (espeak-ng 1.51 cannot be re-initialised reliably), and every call into it, from any Synthesizer on
// any thread, is serialised by one process-wide mutex. A Synthesizer is a handle on that engine:
// several may exist, they share it. espeak-ng's output is not bit-for-bit repeatable (the same text
// twice differs by a few samples), so compare durations or phonemes, never sample arrays.
//
// Narrator runs synthesis on a thread of its own for a UI loop that must not wait for it. It keeps at
// most one pending text: a kiosk speaks the screen in front of the citizen, not a backlog.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/result.h"

namespace motcua::speech {

// Mono signed 16-bit audio.
struct Pcm {
  int sample_rate = 22050;             // samples per second (espeak-ng's voices all use 22050)
  std::vector<std::int16_t> samples;   // mono
};

// Length of the audio, rounded down to whole milliseconds; 0 for an empty Pcm or a rate <= 0.
std::chrono::milliseconds Duration(const Pcm& pcm);

class Synthesizer {
 public:
  // Initialises the process's espeak-ng engine if needed and checks that `voice` exists.
  // `voice` is an espeak-ng voice name: "vi" (Vietnamese) or "en" (English) are the ones motcua
  // uses; letters, digits, '-', '_' and '+' (a variant, "en+f3") only, at most 40 characters.
  // Errors: kUnavailable/"no_voice" on "voice", naming the voice, when espeak-ng has no such voice or
  // its data cannot be loaded (espeak-ng-data not installed, or ESPEAK_DATA_PATH pointing elsewhere);
  // a failed engine start is remembered, so later Opens fail the same way without retrying.
  static Result<std::unique_ptr<Synthesizer>> Open(std::string_view voice = "vi");

  Synthesizer(const Synthesizer&) = delete;
  Synthesizer& operator=(const Synthesizer&) = delete;

  // Speaks `utf8_text` (NFC-normalised first; espeak-ng reads digits as numbers in the voice's
  // language, so pass dates through spoken_text.h) with `voice` at the engine's default speed.
  // Synchronous: returns when the whole text is synthesised (1.5 ms for a 1 s screen title, 12-20 ms
  // for 7 s of status sentence on the 2-core dev machine).
  // Safe from any thread; concurrent calls take turns. Empty text gives a short silence, not an error.
  // Errors: kInvalid/"bad_utf8" on "text"; kUnavailable/"no_voice" on "voice" as in Open.
  Result<Pcm> Speak(std::string_view utf8_text, std::string_view voice = "vi");

  // How espeak-ng would pronounce `utf8_text`, in IPA (tones as digits, "tʃˈaː2w" for "chào"),
  // clauses joined by a space. For tests and diagnostics: it shows which words a voice knows.
  // Errors as Speak.
  Result<std::string> Phonemes(std::string_view utf8_text, std::string_view voice = "vi");

  int sample_rate() const { return sample_rate_; }

 private:
  friend class Narrator;
  explicit Synthesizer(int sample_rate) : sample_rate_(sample_rate) {}
  // Speak, giving up with kUnavailable/"cancelled" on "text" as soon as `keep_going()` returns false
  // (checked every 60 ms of audio produced, from the calling thread).
  Result<Pcm> SpeakUnless(std::string_view utf8_text, std::string_view voice,
                          const std::function<bool()>& keep_going);

  int sample_rate_;
};

// One finished text, as handed to a Narrator's sink.
struct Utterance {
  std::string text;   // as given to Say()
  std::string voice;  // as given to Say()
  Pcm pcm;
};

// Synthesis on a thread of its own. Say() is cheap and never waits for espeak-ng. States of the
// one-slot queue: idle -> pending [Say] -> synthesising [worker] -> delivering [worker calls the sink]
// -> idle. A Say() in any state replaces the pending text and abandons a synthesis in progress; Stop()
// drops both. Only the newest text reaches the sink; text superseded before its synthesis finished
// never does.
class Narrator {
 public:
  // Receives each finished utterance, on the narrator's thread (so it must be thread-safe with
  // respect to the app: AudioOut::Play is). It may call Say() and Stop().
  using Sink = std::function<void(Utterance)>;
  // Failures of a synthesis (no_voice) go here, on the narrator's thread; may be empty.
  using ErrorSink = std::function<void(const Error&)>;

  Narrator(std::unique_ptr<Synthesizer> synthesizer, Sink sink, ErrorSink on_error = {});
  ~Narrator();  // Stop(), then joins the thread
  Narrator(const Narrator&) = delete;
  Narrator& operator=(const Narrator&) = delete;

  // Queues `utf8_text` in `voice` ("vi" or "en"), replacing whatever is not yet delivered.
  // Errors (the queue left as it was): kInvalid/"bad_utf8" on "text".
  Status Say(std::string_view utf8_text, std::string_view voice = "vi");

  // Drops the pending text and cancels a synthesis in progress. When it returns, the sink is not
  // running for an earlier text (unless Stop is called from the sink itself) and will not be called
  // for one. The narrator stays usable (a later Say() speaks). For the kiosk's "speech off".
  void Stop();

  // Waits until nothing is pending, synthesising or being delivered; false if `timeout` passed first.
  // For tests and orderly shutdown.
  bool WaitIdle(std::chrono::milliseconds timeout);

 private:
  struct Job {
    std::string text;
    std::string voice;
    std::uint64_t generation = 0;
  };
  void Run();

  std::unique_ptr<Synthesizer> synthesizer_;
  Sink sink_;
  ErrorSink on_error_;

  std::mutex mu_;
  std::condition_variable changed_;        // signalled on every state change below
  std::optional<Job> pending_;             // guarded by mu_
  bool busy_ = false;                      // guarded by mu_: the worker holds a job (synth or sink)
  bool delivering_ = false;                // guarded by mu_: the worker is inside the sink
  bool quit_ = false;                      // guarded by mu_
  // Bumped by every Say() and Stop(); a job whose generation is no longer current is abandoned.
  // Atomic so the synthesis callback can check it without taking mu_.
  std::atomic<std::uint64_t> generation_{0};
  std::thread worker_;                     // last: starts after everything above is ready
};

}  // namespace motcua::speech
