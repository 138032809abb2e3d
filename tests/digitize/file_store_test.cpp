// The content-addressed file store: type detection, page counts, idempotent atomic writes, damage.
#include "digitize/file_store.h"

#include <sys/mount.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include <fstream>
#include <gtest/gtest.h>

#include "common/crypto.h"
#include "common/files.h"
#include "support/fixtures.h"

namespace motcua::digitize {
namespace {

using motcua::testing::TempDir;
using motcua::testing::TinyPdf;

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "rest-of-png";
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "rest-of-jpeg";

TEST(DetectMime, RecognisesPdfJpegAndPngByContent) {
  EXPECT_EQ(*DetectMime(TinyPdf()), "application/pdf");
  EXPECT_EQ(*DetectMime(kJpeg), "image/jpeg");
  EXPECT_EQ(*DetectMime(kPng), "image/png");
  auto doc = DetectMime("PK\x03\x04 a .docx is a zip");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().rule, "unsupported_file_type");
  EXPECT_EQ(DetectMime("").error().rule, "empty_file");
}

TEST(CountPages, ReadsThePdfPageTree) {
  EXPECT_EQ(*CountPages(TinyPdf(1), "application/pdf"), 1);
  EXPECT_EQ(*CountPages(TinyPdf(4), "application/pdf"), 4);
  EXPECT_EQ(*CountPages(kPng, "image/png"), 1);
  auto broken = CountPages("%PDF-1.4\nthis is not really a pdf", "application/pdf");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().rule, "unreadable_pdf");
}

TEST(StoreBytes, StoresUnderTheHashAndIsIdempotent) {
  TempDir dir;
  const std::string pdf = TinyPdf(2);
  auto first = StoreBytes(dir.path(), pdf);
  ASSERT_TRUE(first) << first.error().Describe();
  EXPECT_EQ(first->sha256, ToHex(Sha256(pdf)));
  EXPECT_EQ(first->pages, 2);
  EXPECT_EQ(first->size_bytes, std::int64_t(pdf.size()));
  const auto path = StoredPath(dir.path(), first->sha256);
  EXPECT_EQ(path.parent_path().filename().string(), first->sha256.substr(0, 2));
  EXPECT_TRUE(std::filesystem::exists(path));
  auto second = StoreBytes(dir.path(), pdf);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->sha256, first->sha256);
  EXPECT_EQ(*ReadStored(dir.path(), first->sha256), pdf);
  // No temporary files are left behind.
  int entries = 0;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir.path())) entries += e.is_regular_file();
  EXPECT_EQ(entries, 1);
}

TEST(ReadStored, DetectsADamagedOrMissingFile) {
  TempDir dir;
  auto f = StoreBytes(dir.path(), kPng);
  ASSERT_TRUE(f);
  std::ofstream(StoredPath(dir.path(), f->sha256), std::ios::binary) << "tampered";
  auto damaged = ReadStored(dir.path(), f->sha256);
  ASSERT_FALSE(damaged);
  EXPECT_EQ(damaged.error().code, ErrorCode::kCorrupt);
  // Storing the good bytes again repairs it.
  ASSERT_TRUE(StoreBytes(dir.path(), kPng));
  EXPECT_TRUE(ReadStored(dir.path(), f->sha256));
  EXPECT_EQ(ReadStored(dir.path(), std::string(64, '0')).error().rule, "file_missing");
}

TEST(StoreBytes, ReportsAnUnwritableDirectoryAndLeavesNothing) {
  TempDir dir;
  std::filesystem::path target = dir.path();
  // Root ignores directory permissions: for root the folder is a read-only mount instead (EROFS).
  std::optional<motcua::testing::TinyFilesystem> read_only;
  if (::geteuid() == 0) {
    read_only.emplace(64);
    if (!read_only->mounted()) GTEST_SKIP() << read_only->why_not();
    ASSERT_EQ(::mount(nullptr, read_only->path().c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr), 0)
        << std::strerror(errno);
    target = read_only->path();
  } else {
    ::chmod(dir.path().c_str(), 0500);
  }
  auto r = StoreBytes(target, kPng);
  ::chmod(dir.path().c_str(), 0700);
  ASSERT_FALSE(r);
  EXPECT_TRUE(std::filesystem::is_empty(target));
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().rule, "write_failed");
}

TEST(StoreBytes, ReportsARootThatIsNotADirectory) {
  TempDir dir;
  std::ofstream(dir / "not-a-dir") << "x";
  auto r = StoreBytes(dir / "not-a-dir", kPng);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule, "write_failed");
}

TEST(StoreBytes, ReportsAFullDiskAndLeavesNoPartialFile) {
  motcua::testing::TinyFilesystem fs(64);  // a 64 KiB tmpfs
  if (!fs.mounted()) GTEST_SKIP() << fs.why_not();
  std::string big = kPng + std::string(200 * 1024, 'x');
  auto r = StoreBytes(fs.path(), big);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().rule, "write_failed");
  EXPECT_NE(r.error().detail.find("No space left"), std::string::npos) << r.error().detail;
  for (auto& e : std::filesystem::recursive_directory_iterator(fs.path()))
    EXPECT_FALSE(e.is_regular_file()) << "left behind: " << e.path();
  EXPECT_TRUE(StoreBytes(fs.path(), kPng)) << "a small file still fits afterwards";
}

TEST(StoreFile, ReportsAMissingSource) {
  TempDir dir;
  auto r = StoreFile(dir.path(), dir / "nope.pdf");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);  // a path given by the user: bad input
  EXPECT_EQ(r.error().rule, "cannot_read");
}

// A FIFO would block a plain read forever; a device or a folder is no scan; a huge file is refused before
// a byte of it is read.
TEST(StoreFile, RefusesWhatIsNotAScanFileWithoutHanging) {
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  auto fifo = StoreFile(dir.path() / "store", dir / "fifo");
  ASSERT_FALSE(fifo);
  EXPECT_EQ(fifo.error().rule, "not_a_regular_file");
  EXPECT_EQ(StoreFile(dir.path() / "store", "/dev/zero").error().rule, "not_a_regular_file");
  EXPECT_EQ(StoreFile(dir.path() / "store", dir.path()).error().rule, "not_a_regular_file");
  std::ofstream(dir / "huge.pdf").close();
  std::filesystem::resize_file(dir / "huge.pdf", kMaxScanFileBytes + 1);  // sparse: no disk used
  auto huge = StoreFile(dir.path() / "store", dir / "huge.pdf");
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().rule, "too_large");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "store"));
}

TEST(StoreBytes, KeepsCitizensPapersPrivate) {
  TempDir dir;
  auto f = StoreBytes(dir.path() / "files", kPng);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->newly_stored);
  struct stat st{};
  ASSERT_EQ(::stat(StoredPath(dir.path() / "files", f->sha256).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat((dir.path() / "files").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0750u);
  EXPECT_FALSE(StoreBytes(dir.path() / "files", kPng)->newly_stored);
}

}  // namespace
}  // namespace motcua::digitize
