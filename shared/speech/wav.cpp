#include "speech/wav.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace motcua::speech {
namespace {

void PutU16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>(v >> 8);
}
void PutU32(std::string& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((v >> shift) & 0xFF);
}
std::uint16_t GetU16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t GetU32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = v << 8 | static_cast<unsigned char>(b[at + i]);
  return v;
}

Status CheckEncodable(const Pcm& pcm) {
  if (pcm.sample_rate <= 0)
    return Invalid("pcm", "bad_sample_rate", "a WAV needs a positive sample rate, got " + std::to_string(pcm.sample_rate));
  if (pcm.samples.size() > kMaxWavSamples)
    return Invalid("pcm", "too_long", std::to_string(pcm.samples.size()) + " samples do not fit in a WAV file");
  return Ok();
}

std::string DirOf(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

Error PathError(const char* rule, const std::string& what, const std::string& path, int err) {
  return Unavailable("path", rule, what + " \"" + path + "\": " + std::strerror(err));
}

}  // namespace

std::string EncodeWav(const Pcm& pcm) {
  if (!CheckEncodable(pcm)) return "";
  const auto data_bytes = static_cast<std::uint32_t>(pcm.samples.size() * 2);
  const auto rate = static_cast<std::uint32_t>(pcm.sample_rate);
  std::string out;
  out.reserve(kWavHeaderBytes + data_bytes);
  out += "RIFF";
  PutU32(out, 36 + data_bytes);
  out += "WAVEfmt ";
  PutU32(out, 16);
  PutU16(out, 1);         // PCM
  PutU16(out, 1);         // mono
  PutU32(out, rate);
  PutU32(out, rate * 2);  // bytes a second
  PutU16(out, 2);         // bytes a frame
  PutU16(out, 16);        // bits a sample
  out += "data";
  PutU32(out, data_bytes);
  for (std::int16_t s : pcm.samples) PutU16(out, static_cast<std::uint16_t>(s));
  return out;
}

Status WriteWav(const Pcm& pcm, const std::string& path) {
  MOTCUA_TRY(CheckEncodable(pcm));
  if (path.empty() || path.back() == '/')
    return Unavailable("path", "unwritable_path", "not a file path: \"" + path + "\"");
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return Unavailable("path", "unwritable_path", "\"" + path + "\" is a folder, not a file");
  const std::string bytes = EncodeWav(pcm);
  const std::string dir = DirOf(path);
  const auto slash = path.find_last_of('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string tmp = dir + "/." + base + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return PathError("unwritable_path", "cannot create a file next to", path, errno);
  ::fchmod(fd, 0644);  // mkstemp creates 0600; umask is not consulted (reading it means setting it)

  auto fail = [&](const char* what, int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return PathError("write_failed", what, path, err);
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write", errno);
    }
    if (n == 0) return fail("cannot write", EIO);
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot sync", errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return PathError("write_failed", "cannot close", path, err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return PathError("write_failed", "cannot rename into", path, err);
  }
  // Make the rename durable; a failure here does not undo a complete, visible file.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return Ok();
}

Result<Pcm> DecodeWav(std::string_view b) {
  if (b.size() < kWavHeaderBytes)
    return Invalid("wav", "truncated", std::to_string(b.size()) + " bytes: shorter than a WAV header");
  if (b.substr(0, 4) != "RIFF" || b.substr(8, 4) != "WAVE") return Invalid("wav", "not_riff", "no RIFF/WAVE tags");
  if (b.substr(12, 4) != "fmt " || GetU32(b, 16) != 16 || GetU16(b, 20) != 1 || GetU16(b, 22) != 1 ||
      GetU16(b, 32) != 2 || GetU16(b, 34) != 16)
    return Invalid("wav", "unsupported_format", "only 16-bit mono PCM with a 16-byte fmt chunk is read");
  const std::uint32_t rate = GetU32(b, 24);
  if (rate == 0 || rate > 0x7FFFFFFF || GetU32(b, 28) != rate * 2)
    return Invalid("wav", "unsupported_format", "sample rate " + std::to_string(rate) + " with byte rate " +
                                                    std::to_string(GetU32(b, 28)) + " is not consistent");
  if (b.substr(36, 4) != "data") return Invalid("wav", "not_data", "expected the \"data\" chunk at offset 36");
  const std::uint32_t data_bytes = GetU32(b, 40);
  if (data_bytes % 2 != 0) return Invalid("wav", "unsupported_format", "odd data size for 16-bit samples");
  if (b.size() - kWavHeaderBytes < data_bytes)
    return Invalid("wav", "truncated", "the header says " + std::to_string(data_bytes) + " data bytes, the file has " +
                                           std::to_string(b.size() - kWavHeaderBytes));
  if (b.size() - kWavHeaderBytes > data_bytes)
    return Invalid("wav", "trailing_bytes", std::to_string(b.size() - kWavHeaderBytes - data_bytes) +
                                                " bytes after the data");
  if (GetU32(b, 4) != 36 + data_bytes)
    return Invalid("wav", "not_riff", "the RIFF size disagrees with the data size");
  Pcm pcm;
  pcm.sample_rate = static_cast<int>(rate);
  pcm.samples.resize(data_bytes / 2);
  for (std::size_t i = 0; i < pcm.samples.size(); ++i)
    pcm.samples[i] = static_cast<std::int16_t>(GetU16(b, kWavHeaderBytes + 2 * i));
  return pcm;
}

}  // namespace motcua::speech
