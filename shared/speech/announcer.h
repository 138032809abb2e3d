// The display board's caller (issue 14, queue): plays a chime and then says a call ("Mời khách hàng
// số A một nghìn không trăm hai mươi ba đến quầy số năm", announcement.h), one call at a time, in the
// order the counters pressed "call".
//
// Unlike Narrator (speech.h), which keeps only the newest text because a kiosk speaks the screen in
// front of the citizen, an Announcer is a FIFO: every call must be heard, and two calls must never
// overlap, or neither is understood. Its worker thread takes the oldest call, synthesises chime +
// sentence (RenderCall), hands the audio to the sink, and then waits for the audio's duration plus
// `gap` before it takes the next. The wait is what keeps calls apart: the sink only starts playback
// (AudioOut::Play returns at once), so the worker waits out the audio itself.
//
// States of one call: pending [Announce] -> synthesising [worker] -> delivering [worker calls the sink]
// -> playing [worker waits duration + gap] -> done. At most `max_pending` calls wait; one more drops
// the oldest waiting call (never the one playing) and counts it in dropped(): on a board that has
// fallen that far behind, the oldest call is the one whose citizen has most likely gone to the counter
// already. A call whose synthesis fails (no voice) goes to the error sink and the next call follows.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "common/result.h"
#include "speech/speech.h"

namespace motcua::speech {

struct AnnouncerOptions {
  std::size_t max_pending = 20;                    // calls waiting behind the one playing; 0 counts as 1
  std::chrono::milliseconds chime_gap{200};        // silence between the chime and the sentence
  std::chrono::milliseconds gap{800};              // silence after a call before the next one starts
};

// One call's audio: Chime(), `chime_gap` of silence, then `sentence` spoken in `voice` ("vi" or "en").
// Synchronous; for the Announcer's worker and for the CLI, which writes it to a WAV file.
// Errors: as Synthesizer::Speak (kInvalid/"bad_utf8" on "text", kUnavailable/"no_voice" on "voice").
Result<Pcm> RenderCall(Synthesizer& synthesizer, std::string_view sentence, std::string_view voice = "vi",
                       std::chrono::milliseconds chime_gap = AnnouncerOptions{}.chime_gap);

class Announcer {
 public:
  // Receives each call's audio (with its sentence and voice, so a board can light up the ticket being
  // said) on the announcer's thread; it should start playback and return. Must not call the Announcer's
  // destructor; may call Announce().
  using Sink = std::function<void(const Utterance&)>;
  // Failures of a synthesis (no_voice), on the announcer's thread; may be empty.
  using ErrorSink = std::function<void(const Error&)>;
  // Waits while a call plays. Empty: a real wait, cut short by the destructor. Tests inject a fake
  // clock that returns at once, so they measure play windows without sleeping.
  using Sleep = std::function<void(std::chrono::milliseconds)>;

  Announcer(std::unique_ptr<Synthesizer> synthesizer, Sink sink, AnnouncerOptions options = {},
            ErrorSink on_error = {}, Sleep sleep = {});
  ~Announcer();  // drops pending calls, ends a wait in progress, joins the thread
  Announcer(const Announcer&) = delete;
  Announcer& operator=(const Announcer&) = delete;

  // Queues a call behind the others. Cheap: never waits for espeak-ng.
  // Errors (nothing queued): kInvalid/"bad_utf8" on "text"; kInvalid/"empty" on "text" for a sentence
  // of only spaces (a chime with nothing after it calls nobody).
  Status Announce(std::string sentence, std::string voice = "vi");

  // Waits until no call is pending, being synthesised, delivered or played (including its gap);
  // false if `timeout` passed first.
  bool WaitIdle(std::chrono::milliseconds timeout);

  // Calls dropped because max_pending were already waiting, since construction.
  std::uint64_t dropped() const;
  // Calls waiting (not counting one being synthesised, delivered or played).
  std::size_t pending() const;

 private:
  struct Call {
    std::string sentence;
    std::string voice;
  };
  void Run();
  void RealSleep(std::chrono::milliseconds duration);

  std::unique_ptr<Synthesizer> synthesizer_;
  Sink sink_;
  AnnouncerOptions options_;
  ErrorSink on_error_;
  Sleep sleep_;

  mutable std::mutex mu_;
  std::condition_variable changed_;  // signalled on every change below
  std::deque<Call> queue_;           // guarded by mu_; front = oldest
  bool busy_ = false;                // guarded by mu_: the worker holds a call (any state after pending)
  bool quit_ = false;                // guarded by mu_
  std::uint64_t dropped_ = 0;        // guarded by mu_
  std::thread worker_;               // last: starts after everything above is ready
};

}  // namespace motcua::speech
