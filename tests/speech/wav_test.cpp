#include "speech/wav.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "speech/chime.h"

namespace motcua::speech {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class WavFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("motcua-wav-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  // Files in the folder other than `keep`: a left-over temporary file would show here.
  std::vector<std::string> Others(const std::string& keep) const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename() != keep) names.push_back(e.path().filename());
    return names;
  }
  fs::path dir_;
};

// The canonical header, byte for byte, for three samples at 22050 Hz.
TEST(EncodeWav, HeaderBytes) {
  const std::string wav = EncodeWav(Pcm{22050, {1, -2, 0x1234}});
  const unsigned char expected[] = {
      'R', 'I', 'F', 'F', 42, 0, 0, 0,  'W', 'A', 'V', 'E',   // 36 + 6 data bytes
      'f', 'm', 't', ' ', 16, 0, 0, 0,                         // fmt chunk of 16 bytes
      1, 0, 1, 0,                                              // PCM, mono
      0x22, 0x56, 0, 0,                                        // 22050
      0x44, 0xAC, 0, 0,                                        // 44100 bytes a second
      2, 0, 16, 0,                                             // 2 bytes a frame, 16 bits
      'd', 'a', 't', 'a', 6, 0, 0, 0,                          // 6 data bytes
      1, 0, 0xFE, 0xFF, 0x34, 0x12,                            // 1, -2, 0x1234 little-endian
  };
  ASSERT_EQ(wav.size(), sizeof expected);
  for (std::size_t i = 0; i < sizeof expected; ++i)
    EXPECT_EQ(static_cast<unsigned char>(wav[i]), expected[i]) << "byte " << i;
}

TEST(EncodeWav, EmptyAudioIsAValidFile) {
  const std::string wav = EncodeWav(Pcm{22050, {}});
  EXPECT_EQ(wav.size(), kWavHeaderBytes);
  const Pcm back = DecodeWav(wav).value();
  EXPECT_EQ(back.sample_rate, 22050);
  EXPECT_TRUE(back.samples.empty());
}

TEST(EncodeWav, NothingForAnImpossibleRate) {
  EXPECT_EQ(EncodeWav(Pcm{0, {1}}), "");
  EXPECT_EQ(EncodeWav(Pcm{-1, {1}}), "");
}

TEST(DecodeWav, RoundTripsTheChimeAndExtremes) {
  Pcm pcm = Chime();
  pcm.samples.push_back(32767);
  pcm.samples.push_back(-32768);
  const Pcm back = DecodeWav(EncodeWav(pcm)).value();
  EXPECT_EQ(back.sample_rate, pcm.sample_rate);
  EXPECT_EQ(back.samples, pcm.samples);
  const Pcm other = DecodeWav(EncodeWav(Pcm{48000, {5, 6}})).value();
  EXPECT_EQ(other.sample_rate, 48000);
}

TEST(DecodeWav, RefusesAnythingElse) {
  const std::string good = EncodeWav(Pcm{22050, {1, 2, 3}});
  auto rule_of = [](std::string bytes) {
    auto r = DecodeWav(bytes);
    EXPECT_FALSE(r);
    if (r) return std::string("decoded");
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().field, "wav");
    return r.error().rule;
  };
  EXPECT_EQ(rule_of(""), "truncated");
  EXPECT_EQ(rule_of(good.substr(0, 43)), "truncated");
  EXPECT_EQ(rule_of(good.substr(0, good.size() - 2)), "truncated");
  EXPECT_EQ(rule_of(good + "xx"), "trailing_bytes");
  std::string s = good;
  s[0] = 'X';
  EXPECT_EQ(rule_of(s), "not_riff");
  s = good;
  s[8] = 'X';
  EXPECT_EQ(rule_of(s), "not_riff");
  s = good;
  s[4] = 0;  // RIFF size disagrees
  EXPECT_EQ(rule_of(s), "not_riff");
  s = good;
  s[20] = 3;  // IEEE float
  EXPECT_EQ(rule_of(s), "unsupported_format");
  s = good;
  s[22] = 2;  // stereo
  EXPECT_EQ(rule_of(s), "unsupported_format");
  s = good;
  s[34] = 8;  // 8-bit
  EXPECT_EQ(rule_of(s), "unsupported_format");
  s = good;
  s[28] = 0;  // byte rate no longer rate * 2
  EXPECT_EQ(rule_of(s), "unsupported_format");
  s = good;
  s[24] = s[25] = 0;  // rate 0 (and byte rate 0)
  s[28] = s[29] = 0;
  EXPECT_EQ(rule_of(s), "unsupported_format");
  s = good;
  s[36] = 'L';  // a LIST chunk where data should be
  EXPECT_EQ(rule_of(s), "not_data");
  s = good + "x";  // odd data size
  s[40] = 7;
  s[4] = 43;
  EXPECT_EQ(rule_of(s), "unsupported_format");
}

TEST_F(WavFileTest, WritesTheEncodedBytes) {
  const Pcm pcm = Chime();
  const fs::path path = dir_ / "call.wav";
  ASSERT_TRUE(WriteWav(pcm, path.string()));
  EXPECT_EQ(ReadAll(path), EncodeWav(pcm));
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  EXPECT_TRUE(Others("call.wav").empty());
  // Overwriting replaces the file whole.
  ASSERT_TRUE(WriteWav(Pcm{22050, {9}}, path.string()));
  EXPECT_EQ(DecodeWav(ReadAll(path)).value().samples, std::vector<std::int16_t>{9});
  EXPECT_TRUE(Others("call.wav").empty());
}

TEST_F(WavFileTest, BadPathsSayWhyAndLeaveNothing) {
  const Pcm pcm{22050, {1, 2}};
  for (const std::string& path : {std::string(""), (dir_ / "missing" / "a.wav").string(), dir_.string() + "/",
                                   dir_.string()}) {
    const Status s = WriteWav(pcm, path);
    ASSERT_FALSE(s) << path;
    EXPECT_EQ(s.error().code, ErrorCode::kUnavailable) << path;
    EXPECT_EQ(s.error().field, "path");
    EXPECT_EQ(s.error().rule, "unwritable_path") << path;
  }
  const Status missing = WriteWav(pcm, (dir_ / "missing" / "a.wav").string());
  EXPECT_NE(missing.error().detail.find("No such file or directory"), std::string::npos) << missing.error().detail;
  EXPECT_TRUE(Others("").empty());

  const Status no_rate = WriteWav(Pcm{0, {1}}, (dir_ / "a.wav").string());
  ASSERT_FALSE(no_rate);
  EXPECT_EQ(no_rate.error().field, "pcm");
  EXPECT_EQ(no_rate.error().rule, "bad_sample_rate");
  EXPECT_FALSE(fs::exists(dir_ / "a.wav"));
}

// A write that runs out of room (here a file-size limit, which fails write() like a full disk does:
// the real kernel path, no mock) leaves the old file as it was and no temporary file behind.
TEST_F(WavFileTest, AFailedWriteLeavesTheOldFile) {
  const fs::path path = dir_ / "call.wav";
  ASSERT_TRUE(WriteWav(Pcm{22050, {1, 2, 3}}, path.string()));
  const std::string before = ReadAll(path);

  struct rlimit old_limit {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);  // else the kernel kills us on the write
  struct rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const Status s = WriteWav(Chime(), path.string());  // 44 KB
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);

  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().field, "path");
  EXPECT_EQ(s.error().rule, "write_failed");
  EXPECT_NE(s.error().detail.find("File too large"), std::string::npos) << s.error().detail;
  EXPECT_NE(s.error().detail.find(path.string()), std::string::npos) << s.error().detail;
  EXPECT_EQ(ReadAll(path), before);
  EXPECT_TRUE(Others("call.wav").empty());
}

}  // namespace
}  // namespace motcua::speech
