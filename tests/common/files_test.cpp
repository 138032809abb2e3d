// common/files.h: reading files from outside, and the modes of motcua's own folders.
#include "common/files.h"

#include <sys/stat.h>

#include <fstream>
#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using motcua::testing::TempDir;

TEST(ReadRegularFile, ReadsUpToItsCap) {
  TempDir dir;
  std::ofstream(dir / "a.json") << "{\"x\":1}";
  EXPECT_EQ(*ReadRegularFile(dir / "a.json", "json", 7), "{\"x\":1}");
  auto big = ReadRegularFile(dir / "a.json", "json", 6);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().rule, "too_large");
  EXPECT_EQ(big.error().field, "json");
}

TEST(ReadRegularFile, RefusesWhatIsNotARegularFileWithoutBlocking) {
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);  // a plain read would wait for a writer forever
  EXPECT_EQ(ReadRegularFile(dir / "fifo", "json", 100).error().rule, "not_a_regular_file");
  EXPECT_EQ(ReadRegularFile("/dev/zero", "json", 100).error().rule, "not_a_regular_file");
  EXPECT_EQ(ReadRegularFile(dir.path(), "json", 100).error().rule, "not_a_regular_file");
  auto missing = ReadRegularFile(dir / "none", "json", 100);
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(missing.error().rule, "cannot_read");
}

TEST(CreatePrivateDirectories, GivesTheFoldersItMakes0750AndLeavesOthersAlone) {
  TempDir dir;
  ::chmod(dir.path().c_str(), 0755);
  ASSERT_TRUE(CreatePrivateDirectories(dir / "a" / "b", "db"));
  struct stat st{};
  for (const fs::path& p : {dir / "a", dir / "a" / "b"}) {
    ASSERT_EQ(::stat(p.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0750u) << p;
  }
  ASSERT_EQ(::stat(dir.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u) << "an existing folder is not ours to change";
  std::ofstream(dir / "file");
  EXPECT_EQ(CreatePrivateDirectories(dir / "file", "db").error().rule, "cannot_create_directory");
}

}  // namespace
}  // namespace motcua
