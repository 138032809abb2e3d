// The two-note chime ("ding-dong") the display board plays before each call, so that people in the
// hall look up before the number is said, and joining of audio clips. Synthesised here, not loaded
// from a file: nothing to install or lose, and the same sound on every station.
//
// The chime: E5 (659.25 Hz) struck at 0 s, then C5 (523.25 Hz) struck at 0.35 s, a descending major
// third like a door bell. Each note is a decaying tone (time constant 0.25 s) with its 2nd and 3rd
// harmonics (decaying faster, as a struck bar's do); the first keeps ringing softly under the second.
// No clicks: every note starts with a 5 ms fade-in and the whole ends with a 40 ms fade-out to exact
// zero. The peak is scaled to kChimePeak, below full scale, so the chime never clips and sits
// slightly under espeak-ng's loudest speech samples.
#pragma once

#include <chrono>
#include <cstdint>

#include "speech/speech.h"

namespace motcua::speech {

inline constexpr std::chrono::milliseconds kChimeLength{1000};  // 0.35 s + 0.65 s for the second note
inline constexpr std::int16_t kChimePeak = 16000;                // of 32767: about -6 dBFS

// The chime at `sample_rate` samples per second: kChimeLength long (to the sample, rounded down).
// Rates from 8000 to 192000 Hz; any other rate gives an empty Pcm with that rate (nothing to play,
// rather than a broken sound).
Pcm Chime(int sample_rate = 22050);

// `a`, then `gap` of silence, then `b`, at a's sample rate. When the rates differ, `b` is resampled
// to a's rate (linear interpolation: enough for speech and the chime; espeak-ng and Chime() both use
// 22050 Hz, so in motcua this never happens). An empty `a` with a rate <= 0 takes b's rate. A
// negative gap counts as zero.
Pcm Concat(const Pcm& a, const Pcm& b, std::chrono::milliseconds gap);

}  // namespace motcua::speech
