// Pcm as a WAV file: RIFF/WAVE, PCM (format 1), 16-bit signed, mono, little-endian, the canonical
// 44-byte header and nothing else:
//   offset  0 "RIFF", u32 36 + data bytes, "WAVE"
//   offset 12 "fmt ", u32 16, u16 1 (PCM), u16 1 (channel), u32 rate, u32 rate * 2 (bytes a second),
//             u16 2 (bytes a frame), u16 16 (bits a sample)
//   offset 36 "data", u32 data bytes, then the samples
// Every player, SDL_LoadWAV and the sox/aplay tools read this form. For the `motcua queue announce`
// CLI and for checking a call by ear; the apps play Pcm directly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "speech/speech.h"

namespace motcua::speech {

inline constexpr std::size_t kWavHeaderBytes = 44;
// The most samples a WAV can hold: its sizes are 32-bit (about 27 hours at 22050 Hz).
inline constexpr std::uint64_t kMaxWavSamples = (0xFFFFFFFFull - 36) / 2;

// The whole file's bytes. "" for a Pcm no WAV can hold (a sample rate <= 0, more than
// kMaxWavSamples samples): WriteWav says why. An empty Pcm gives a valid 44-byte file.
std::string EncodeWav(const Pcm& pcm);

// Writes EncodeWav(pcm) to `path` atomically: into a temporary file in the same folder, synced, then
// renamed over `path`, so a reader sees the old file or the whole new one, never half a file; on any
// failure the temporary file is removed and `path` is left as it was. The file gets mode 0644 (a
// recording of a public announcement, not a secret).
// Errors: kInvalid/"bad_sample_rate" on "pcm" (rate <= 0); kInvalid/"too_long" on "pcm";
// kUnavailable/"unwritable_path" on "path" (empty, a folder, a missing folder, no permission: no file
// could be created next to it); kUnavailable/"write_failed" on "path" (writing, syncing or renaming
// failed: a full disk or a file-size limit), each with the system's reason and the path.
Status WriteWav(const Pcm& pcm, const std::string& path);

// Reads back exactly the form EncodeWav writes; for tests and tools.
// Errors, all kInvalid on "wav": "truncated" (shorter than the header or than its data size says),
// "not_riff" (no "RIFF"/"WAVE" tags, or a RIFF size that disagrees with the data size),
// "unsupported_format" (a "fmt " chunk that is not 16-byte PCM, mono, 16-bit with consistent byte
// rates; a rate of 0; an odd number of data bytes), "not_data" (anything but "data" at offset 36: an
// extra chunk is not read), "trailing_bytes" (bytes after the data).
Result<Pcm> DecodeWav(std::string_view bytes);

}  // namespace motcua::speech
