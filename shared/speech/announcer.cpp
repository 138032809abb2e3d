#include "speech/announcer.h"

#include <algorithm>
#include <utility>

#include "common/text.h"
#include "speech/chime.h"

namespace motcua::speech {

Result<Pcm> RenderCall(Synthesizer& synthesizer, std::string_view sentence, std::string_view voice,
                       std::chrono::milliseconds chime_gap) {
  MOTCUA_ASSIGN_OR_RETURN(Pcm speech, synthesizer.Speak(sentence, voice));
  return Concat(Chime(speech.sample_rate), speech, chime_gap);
}

Announcer::Announcer(std::unique_ptr<Synthesizer> synthesizer, Sink sink, AnnouncerOptions options,
                     ErrorSink on_error, Sleep sleep)
    : synthesizer_(std::move(synthesizer)),
      sink_(std::move(sink)),
      options_(options),
      on_error_(std::move(on_error)),
      sleep_(std::move(sleep)),
      worker_([this] { Run(); }) {
  MOTCUA_ASSERT(synthesizer_ != nullptr, "Announcer needs a Synthesizer: pass the one Synthesizer::Open gave");
  MOTCUA_ASSERT(sink_ != nullptr, "Announcer needs a sink to hand the audio to");
}

Announcer::~Announcer() {
  {
    std::lock_guard lock(mu_);
    quit_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  worker_.join();
}

Status Announcer::Announce(std::string sentence, std::string voice) {
  if (!IsValidUtf8(sentence)) return Invalid("text", "bad_utf8", "the call to announce is not valid UTF-8");
  if (Trim(sentence).empty()) return Invalid("text", "empty", "the call to announce has no words");
  {
    std::lock_guard lock(mu_);
    const std::size_t limit = options_.max_pending == 0 ? 1 : options_.max_pending;
    while (queue_.size() >= limit) {
      queue_.pop_front();
      ++dropped_;
    }
    queue_.push_back(Call{std::move(sentence), std::move(voice)});
  }
  changed_.notify_all();
  return Ok();
}

bool Announcer::WaitIdle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return changed_.wait_for(lock, timeout, [&] { return queue_.empty() && !busy_; });
}

std::uint64_t Announcer::dropped() const {
  std::lock_guard lock(mu_);
  return dropped_;
}

std::size_t Announcer::pending() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

void Announcer::RealSleep(std::chrono::milliseconds duration) {
  std::unique_lock lock(mu_);
  changed_.wait_for(lock, duration, [&] { return quit_; });
}

void Announcer::Run() {
  std::unique_lock lock(mu_);
  for (;;) {
    changed_.wait(lock, [&] { return quit_ || !queue_.empty(); });
    if (quit_) return;
    Call call = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();

    Result<Pcm> pcm = RenderCall(*synthesizer_, call.sentence, call.voice, options_.chime_gap);
    if (pcm) {
      const auto play = Duration(*pcm) + std::max(options_.gap, std::chrono::milliseconds{0});
      sink_(Utterance{std::move(call.sentence), std::move(call.voice), std::move(pcm).value()});
      // The sink only started playback: the next call waits until this one has been heard.
      if (sleep_) {
        sleep_(play);
      } else {
        RealSleep(play);
      }
    } else if (on_error_) {
      on_error_(pcm.error());
    }

    lock.lock();
    busy_ = false;
    changed_.notify_all();
  }
}

}  // namespace motcua::speech
