// Audio output for spoken guidance (speech/speech.h makes the PCM): one SDL2 audio device fed by
// SDL_QueueAudio, no callback. A kiosk says one thing at a time, so Play() replaces what is playing.
//
// Audio is optional equipment: with no sound device (SDL's audio init or the device open failing, as
// under Xvfb in CI), AudioOut is unavailable, says why in one line, and Play() does nothing; the app
// runs on. SDL_AUDIODRIVER=dummy gives a device that consumes the queue in real time without sound,
// for tests. No SDL type appears here, so including this header pulls in no SDL.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

#include "speech/speech.h"

namespace motcua::ui {

class AudioOut {
 public:
  // Starts SDL's audio subsystem (SDL_InitSubSystem: with or without the shell's SDL_Init before
  // it; no window needed) and opens the default output device for signed 16-bit mono at
  // `sample_rate` Hz (default 22050, espeak-ng's rate). SDL converts if the hardware wants another
  // format. Failing that, the object is unavailable (see reason()).
  explicit AudioOut(int sample_rate = 22050);
  ~AudioOut();  // closes the device and releases SDL's audio subsystem
  AudioOut(const AudioOut&) = delete;
  AudioOut& operator=(const AudioOut&) = delete;

  bool available() const;
  // Why there is no audio, one line ("no audio: SDL audio init failed: ..."); "" when available.
  std::string reason() const;

  // Drops whatever is queued and starts `pcm` (SDL_ClearQueuedAudio, then SDL_QueueAudio). A pcm at
  // another sample rate reopens the device at that rate (unavailable if that fails). Does nothing when
  // unavailable or for an empty pcm. Safe from any thread (a Narrator's sink calls it on its own).
  void Play(const speech::Pcm& pcm);
  // Silence now: drops the queue. Safe from any thread; nothing when unavailable.
  void Stop();

  // Bytes still queued (2 per sample), 0 when unavailable; for tests and "still speaking" checks.
  std::uint32_t queued_bytes() const;
  // The device's sample rate in Hz; 0 when unavailable.
  int sample_rate() const;

 private:
  void OpenLocked(int sample_rate);  // sets device_ or reason_
  void CloseLocked();

  mutable std::mutex mu_;
  bool subsystem_ = false;      // guarded by mu_: we hold a reference on SDL's audio subsystem
  std::uint32_t device_ = 0;    // guarded by mu_: SDL_AudioDeviceID, 0 = none
  int sample_rate_ = 0;         // guarded by mu_: of device_, Hz
  std::string reason_;          // guarded by mu_
};

}  // namespace motcua::ui
