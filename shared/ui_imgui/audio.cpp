#include "ui_imgui/audio.h"

#include <SDL.h>

#include <cstdio>

namespace motcua::ui {

AudioOut::AudioOut(int sample_rate) {
  std::lock_guard lock(mu_);
  if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
    reason_ = std::string("no audio: SDL audio init failed: ") + SDL_GetError();
    return;
  }
  subsystem_ = true;
  OpenLocked(sample_rate);
}

AudioOut::~AudioOut() {
  std::lock_guard lock(mu_);
  CloseLocked();
  if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void AudioOut::OpenLocked(int sample_rate) {
  if (sample_rate <= 0) {
    reason_ = "no audio: bad sample rate " + std::to_string(sample_rate);
    return;
  }
  SDL_AudioSpec want{};
  want.freq = sample_rate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 1024;        // ~46 ms at 22050 Hz: latency is not critical for guidance
  want.callback = nullptr;    // queue mode (SDL_QueueAudio)
  SDL_AudioSpec have{};
  // allowed_changes 0: SDL converts from exactly this format to whatever the device uses.
  const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (device == 0) {
    reason_ = std::string("no audio: cannot open an output device: ") + SDL_GetError();
    return;
  }
  device_ = device;
  sample_rate_ = sample_rate;
  reason_.clear();
  SDL_PauseAudioDevice(device_, 0);  // devices open paused; an empty queue plays silence
}

void AudioOut::CloseLocked() {
  if (device_ != 0) SDL_CloseAudioDevice(device_);
  device_ = 0;
  sample_rate_ = 0;
}

bool AudioOut::available() const {
  std::lock_guard lock(mu_);
  return device_ != 0;
}

std::string AudioOut::reason() const {
  std::lock_guard lock(mu_);
  return reason_;
}

void AudioOut::Play(const speech::Pcm& pcm) {
  std::lock_guard lock(mu_);
  if (device_ == 0 || pcm.samples.empty()) return;
  if (pcm.sample_rate != sample_rate_) {
    CloseLocked();
    OpenLocked(pcm.sample_rate);
    if (device_ == 0) return;
  }
  SDL_ClearQueuedAudio(device_);
  const auto bytes = static_cast<Uint32>(pcm.samples.size() * sizeof(std::int16_t));
  if (SDL_QueueAudio(device_, pcm.samples.data(), bytes) != 0)
    std::fprintf(stderr, "motcua: audio: cannot queue %u bytes: %s\n", unsigned(bytes), SDL_GetError());
}

void AudioOut::Stop() {
  std::lock_guard lock(mu_);
  if (device_ != 0) SDL_ClearQueuedAudio(device_);
}

std::uint32_t AudioOut::queued_bytes() const {
  std::lock_guard lock(mu_);
  return device_ == 0 ? 0 : SDL_GetQueuedAudioSize(device_);
}

int AudioOut::sample_rate() const {
  std::lock_guard lock(mu_);
  return sample_rate_;
}

}  // namespace motcua::ui
