#include "speech/speech.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <utility>

#include "common/text.h"

namespace motcua::speech {
namespace {

constexpr std::size_t kMaxVoiceNameChars = 40;

// The process's one espeak-ng engine. Every member, and every espeak-ng call, is guarded by `mu`.
struct Engine {
  std::mutex mu;
  bool started = false;
  std::optional<std::string> start_failure;   // why espeak-ng could not start; sticky
  int sample_rate = 0;                        // from espeak-ng once started
  std::string voice;                          // the voice espeak-ng has loaded; "" = none or unsure
  // The synthesis in progress (set only while espeak_ng_Synthesize runs, under mu):
  std::vector<std::int16_t>* out = nullptr;
  const std::function<bool()>* keep_going = nullptr;
  bool cancelled = false;
};

Engine& TheEngine() {
  static Engine engine;
  return engine;
}

// espeak-ng's synth callback: runs inside espeak_ng_Synthesize, on the caller's thread, with the
// engine's mutex held by that caller. Returning 1 makes espeak-ng stop (ENS_SPEECH_STOPPED).
int OnSynth(short* wav, int sample_count, espeak_EVENT* /*events*/) {
  Engine& e = TheEngine();
  if (wav != nullptr && sample_count > 0 && e.out != nullptr) e.out->insert(e.out->end(), wav, wav + sample_count);
  if (e.keep_going != nullptr && *e.keep_going && !(*e.keep_going)()) {
    e.cancelled = true;
    return 1;
  }
  return 0;
}

std::string StatusMessage(espeak_ng_STATUS status) {
  char buf[512] = {};
  espeak_ng_GetStatusCodeMessage(status, buf, sizeof buf);
  return buf;
}

Error NoVoice(std::string_view voice, const std::string& why) {
  return Unavailable("voice", "no_voice",
                     "espeak-ng has no voice \"" + std::string(voice) + "\": " + why +
                         " (the voices come from the espeak-ng-data package)");
}

// Letters, digits, '-', '_', '+': what espeak-ng voice and variant names use. Anything else (a path,
// a space) is refused before espeak-ng, which would try to open it as a file, sees it.
bool IsVoiceName(std::string_view voice) {
  if (voice.empty() || voice.size() > kMaxVoiceNameChars) return false;
  for (char c : voice) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '+';
    if (!ok) return false;
  }
  return true;
}

Status StartLocked(Engine& e, std::string_view voice) {
  if (!e.started && !e.start_failure) {
    espeak_ng_InitializePath(nullptr);  // ESPEAK_DATA_PATH, else the packaged data
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (status == ENS_OK) status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (status != ENS_OK) {
      e.start_failure = "espeak-ng did not start: " + StatusMessage(status);
    } else {
      espeak_SetSynthCallback(OnSynth);
      e.sample_rate = espeak_ng_GetSampleRate();
      e.started = true;
    }
  }
  if (e.start_failure) return NoVoice(voice, *e.start_failure);
  return Ok();
}

Status SelectVoiceLocked(Engine& e, std::string_view voice) {
  MOTCUA_TRY(StartLocked(e, voice));
  if (!IsVoiceName(voice)) return NoVoice(voice, "not a voice name (letters, digits, - _ + only)");
  if (e.voice == voice) return Ok();
  const std::string name(voice);
  const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(name.c_str());
  if (status != ENS_OK) {
    e.voice.clear();  // espeak-ng may have half-loaded it: set the next voice afresh
    return NoVoice(voice, StatusMessage(status));
  }
  e.voice = name;
  return Ok();
}

// Valid UTF-8 in NFC, with C0 control characters as spaces: espeak-ng stops at a NUL and has nothing
// to say for the others. NFC because espeak-ng's Vietnamese rules are written for precomposed letters.
Result<std::string> PrepareText(std::string_view utf8_text) {
  if (!IsValidUtf8(utf8_text)) return Invalid("text", "bad_utf8", "the text to speak is not valid UTF-8");
  std::string text = NormalizeNfc(utf8_text);
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  return text;
}

}  // namespace

std::chrono::milliseconds Duration(const Pcm& pcm) {
  if (pcm.sample_rate <= 0) return std::chrono::milliseconds{0};
  return std::chrono::milliseconds{static_cast<std::int64_t>(pcm.samples.size()) * 1000 / pcm.sample_rate};
}

Result<std::unique_ptr<Synthesizer>> Synthesizer::Open(std::string_view voice) {
  Engine& e = TheEngine();
  std::lock_guard lock(e.mu);
  MOTCUA_TRY(SelectVoiceLocked(e, voice));
  return std::unique_ptr<Synthesizer>(new Synthesizer(e.sample_rate));
}

Result<Pcm> Synthesizer::Speak(std::string_view utf8_text, std::string_view voice) {
  return SpeakUnless(utf8_text, voice, {});
}

Result<Pcm> Synthesizer::SpeakUnless(std::string_view utf8_text, std::string_view voice,
                                     const std::function<bool()>& keep_going) {
  MOTCUA_ASSIGN_OR_RETURN(std::string text, PrepareText(utf8_text));
  Engine& e = TheEngine();
  std::lock_guard lock(e.mu);
  MOTCUA_TRY(SelectVoiceLocked(e, voice));
  Pcm pcm;
  pcm.sample_rate = e.sample_rate;
  e.out = &pcm.samples;
  e.keep_going = &keep_going;
  e.cancelled = false;
  const espeak_ng_STATUS status = espeak_ng_Synthesize(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                                       espeakCHARS_UTF8, nullptr, nullptr);
  e.out = nullptr;
  e.keep_going = nullptr;
  if (e.cancelled) return Unavailable("text", "cancelled", "synthesis cancelled by a newer request");
  if (status != ENS_OK)
    return Unavailable("text", "synthesis_failed", "espeak-ng could not speak the text: " + StatusMessage(status));
  return pcm;
}

Result<std::string> Synthesizer::Phonemes(std::string_view utf8_text, std::string_view voice) {
  MOTCUA_ASSIGN_OR_RETURN(std::string text, PrepareText(utf8_text));
  Engine& e = TheEngine();
  std::lock_guard lock(e.mu);
  MOTCUA_TRY(SelectVoiceLocked(e, voice));
  std::string out;
  const void* next = text.c_str();
  // One clause per call; espeak-ng sets `next` to null after the last. Each call consumes at least one
  // character, so the bound only guards against a library bug.
  for (std::size_t i = 0; next != nullptr && i <= text.size(); ++i) {
    const char* clause = espeak_TextToPhonemes(&next, espeakCHARS_UTF8, espeakPHONEMES_IPA);
    if (clause == nullptr || *clause == '\0') continue;
    if (!out.empty()) out += ' ';
    out += clause;
  }
  return out;
}

Narrator::Narrator(std::unique_ptr<Synthesizer> synthesizer, Sink sink, ErrorSink on_error)
    : synthesizer_(std::move(synthesizer)),
      sink_(std::move(sink)),
      on_error_(std::move(on_error)),
      worker_([this] { Run(); }) {
  MOTCUA_ASSERT(synthesizer_ != nullptr, "Narrator needs a Synthesizer: pass the one Synthesizer::Open gave");
  MOTCUA_ASSERT(sink_ != nullptr, "Narrator needs a sink to hand the audio to");
}

Narrator::~Narrator() {
  {
    std::lock_guard lock(mu_);
    quit_ = true;
    ++generation_;  // abandons a synthesis in progress
    pending_.reset();
  }
  changed_.notify_all();
  worker_.join();
}

Status Narrator::Say(std::string_view utf8_text, std::string_view voice) {
  if (!IsValidUtf8(utf8_text)) return Invalid("text", "bad_utf8", "the text to speak is not valid UTF-8");
  {
    std::lock_guard lock(mu_);
    const std::uint64_t generation = ++generation_;
    pending_ = Job{std::string(utf8_text), std::string(voice), generation};
  }
  changed_.notify_all();
  return Ok();
}

void Narrator::Stop() {
  std::unique_lock lock(mu_);
  ++generation_;
  pending_.reset();
  changed_.notify_all();
  if (std::this_thread::get_id() == worker_.get_id()) return;  // called from the sink: it is us
  changed_.wait(lock, [&] { return !delivering_; });
}

bool Narrator::WaitIdle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return changed_.wait_for(lock, timeout, [&] { return !pending_ && !busy_; });
}

void Narrator::Run() {
  std::unique_lock lock(mu_);
  for (;;) {
    changed_.wait(lock, [&] { return quit_ || pending_.has_value(); });
    if (quit_) return;
    Job job = std::move(*pending_);
    pending_.reset();
    busy_ = true;
    lock.unlock();

    const std::function<bool()> current = [this, generation = job.generation] {
      return generation_.load() == generation;
    };
    Result<Pcm> pcm = synthesizer_->SpeakUnless(job.text, job.voice, current);

    lock.lock();
    // Deciding under mu_ makes Stop() exact: it bumps the generation under mu_ too, so either it came
    // first (nothing is delivered) or it waits below for delivering_ to clear.
    const bool still_current = generation_.load() == job.generation;
    const bool report_error = !pcm && pcm.error().rule != "cancelled" && on_error_;
    if (still_current && (pcm || report_error)) {
      delivering_ = true;
      lock.unlock();
      if (pcm) {
        sink_(Utterance{std::move(job.text), std::move(job.voice), std::move(pcm).value()});
      } else {
        on_error_(pcm.error());
      }
      lock.lock();
      delivering_ = false;
    }
    busy_ = false;
    changed_.notify_all();
  }
}

}  // namespace motcua::speech
