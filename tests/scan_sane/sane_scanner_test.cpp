// ScanPages and ListScanners against SANE's virtual `test` scanner (sane-test(5), libsane1), loaded
// by the real libsane through a temp SANE_CONFIG_DIR (stack.md §12.3a). The backend's own options
// stand in for hardware trouble: `read-return-value` makes sane_read() fail with a chosen status
// (a jam, an open cover, ...), `read-limit` splits a page into many small reads so that a scan can
// be cancelled part-way, and the feeder source reports empty after 10 sheets.
#include "scan/sane_scanner.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <thread>

#include "digitize/file_store.h"
#include "scan/pages_pdf.h"
#include "scan_sane/test_support.h"

namespace motcua::scan {
namespace {

using testing::DarkShare;
using testing::TempDir;

class SaneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = testing::SaneTestBackendMissing()) GTEST_SKIP() << *why;
  }
};

// The test backend computes pixels = (int)(dpi * mm / 25.4), as a real backend does from its
// geometry options (test.c sane_get_parameters).
int Px(int dpi, double mm) { return static_cast<int>(dpi * mm / 25.4); }

ScanOptions Small(int dpi = 50) {
  // A 40 x 30 mm area: quick, yet several 10-mm grid squares.
  return ScanOptions{.device_name = "test:0", .resolution_dpi = dpi, .width_mm = 40, .height_mm = 30,
                     .backend_options = {{"test-picture", "Grid"}}};
}

bool HasBothShades(const ScannedPage& page) {
  double dark = DarkShare(page);
  return dark > 0.2 && dark < 0.8;
}

TEST_F(SaneTest, ListScannersListsBothTestDevices) {
  auto list = ListScanners();
  ASSERT_TRUE(list) << list.error().Describe();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "test:0");
  EXPECT_EQ((*list)[1].name, "test:1");
  for (const ScannerInfo& s : *list) {
    EXPECT_EQ(s.vendor, "Noname");
    EXPECT_EQ(s.model, "frontend-tester");
    EXPECT_EQ(s.type, "virtual device");
  }
}

TEST_F(SaneTest, ScanPagesFlatbedGivesOneGrayPageOfTheAreaAsked) {
  auto pages = ScanPages({.device_name = "test:1", .resolution_dpi = 100, .width_mm = 210, .height_mm = 297,
                          .backend_options = {{"test-picture", "Grid"}}});
  ASSERT_TRUE(pages) << pages.error().Describe();
  ASSERT_EQ(pages->size(), 1u);
  const ScannedPage& p = pages->front();
  EXPECT_EQ(p.format, PixelFormat::kGray8);
  EXPECT_EQ(p.dpi, 100);
  EXPECT_EQ(p.width_px, Px(100, 210));   // 826
  EXPECT_EQ(p.height_px, Px(100, 297));  // 1169
  EXPECT_EQ(p.pixels.size(), std::size_t(p.width_px) * p.height_px);
  EXPECT_TRUE(HasBothShades(p)) << DarkShare(p);
}

TEST_F(SaneTest, ScanPagesDefaultsToTheFirstScannerTheWholeBedAt200DpiGray) {
  // Every option at its default except the picture (the backend's default is solid black).
  auto pages = ScanPages({.backend_options = {{"test-picture", "Grid"}}});
  ASSERT_TRUE(pages) << pages.error().Describe();
  ASSERT_EQ(pages->size(), 1u);
  const ScannedPage& p = pages->front();
  EXPECT_EQ(p.dpi, 200);
  EXPECT_EQ(p.format, PixelFormat::kGray8);
  // The bed is 300 x 300 mm (test.conf); the backend's own default area is only 80 x 100 mm.
  EXPECT_EQ(p.width_px, Px(200, 300));
  EXPECT_EQ(p.height_px, Px(200, 300));
}

TEST_F(SaneTest, ScanPagesAreaWiderThanTheBedIsClampedToTheBed) {
  ScanOptions o = Small();
  o.width_mm = 400;
  auto pages = ScanPages(o);
  ASSERT_TRUE(pages) << pages.error().Describe();
  EXPECT_EQ(pages->front().width_px, Px(50, 300));
  EXPECT_EQ(pages->front().height_px, Px(50, 30));
}

TEST_F(SaneTest, ScanPagesResolutionBeyondTheDeviceUsesItsMaximum) {
  // The test backend offers 1..1200 dpi; the page reports what was used, so the PDF is sized right.
  auto pages = ScanPages({.device_name = "test:0", .resolution_dpi = 2400, .width_mm = 5, .height_mm = 5});
  ASSERT_TRUE(pages) << pages.error().Describe();
  EXPECT_EQ(pages->front().dpi, 1200);
  EXPECT_EQ(pages->front().width_px, Px(1200, 5));
}

TEST_F(SaneTest, ScanPagesA4At300DpiBecomesAnA4PdfPage) {
  if (!testing::HaveTool("pdfinfo")) GTEST_SKIP() << "pdfinfo (poppler-utils) not installed";
  auto pages = ScanPages({.device_name = "test:0", .resolution_dpi = 300, .width_mm = 210, .height_mm = 297,
                          .backend_options = {{"test-picture", "Grid"}}});
  ASSERT_TRUE(pages) << pages.error().Describe();
  EXPECT_EQ(pages->front().width_px, 2480);
  EXPECT_EQ(pages->front().height_px, 3507);
  auto pdf = PagesToPdf(*pages);
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
  ASSERT_EQ(info.boxes.size(), 1u) << info.raw;
  EXPECT_NEAR(info.boxes[0].width_pt, 595, 1) << info.raw;   // A4 is 595.3 x 841.9 pt
  EXPECT_NEAR(info.boxes[0].height_pt, 842, 1) << info.raw;
}

TEST_F(SaneTest, ScanPagesFeederScansThePagesAskedInFeedOrder) {
  for (int wanted : {1, 3}) {
    std::vector<int> pages_seen;
    ScanOptions o = Small();
    o.source = ScanSource::kAdf;
    o.max_pages = wanted;
    o.on_progress = [&](const ScanProgress& p) {
      if (pages_seen.empty() || pages_seen.back() != p.page) pages_seen.push_back(p.page);
    };
    auto pages = ScanPages(o);
    ASSERT_TRUE(pages) << pages.error().Describe();
    ASSERT_EQ(int(pages->size()), wanted);
    std::vector<int> expected;
    for (int i = 1; i <= wanted; ++i) expected.push_back(i);
    EXPECT_EQ(pages_seen, expected);
    for (const ScannedPage& p : *pages) {
      EXPECT_EQ(p.width_px, Px(50, 40));
      EXPECT_EQ(p.height_px, Px(50, 30));
      EXPECT_TRUE(HasBothShades(p));
    }
  }
}

TEST_F(SaneTest, ScanPagesFeederWithoutLimitScansUntilTheFeederIsEmpty) {
  // The test backend's feeder holds 10 sheets (sane-test(5)): the 11th sane_start() is NO_DOCS.
  ScanOptions o = Small(25);
  o.source = ScanSource::kAdf;
  auto pages = ScanPages(o);
  ASSERT_TRUE(pages) << pages.error().Describe();
  EXPECT_EQ(pages->size(), 10u);
}

TEST_F(SaneTest, ScanPagesFlatbedIgnoresMaxPagesAndScansOnePage) {
  ScanOptions o = Small();
  o.max_pages = 5;
  auto pages = ScanPages(o);
  ASSERT_TRUE(pages) << pages.error().Describe();
  EXPECT_EQ(pages->size(), 1u);
}

TEST_F(SaneTest, ScanPagesColorGivesRgbPixels) {
  ScanOptions o = Small();
  o.color_mode = ColorMode::kColor;
  o.backend_options = {{"test-picture", "Color pattern"}};
  auto pages = ScanPages(o);
  ASSERT_TRUE(pages) << pages.error().Describe();
  const ScannedPage& p = pages->front();
  EXPECT_EQ(p.format, PixelFormat::kRgb24);
  ASSERT_EQ(p.pixels.size(), std::size_t(p.width_px) * p.height_px * 3);
  bool coloured = false;
  for (std::size_t i = 0; i + 2 < p.pixels.size() && !coloured; i += 3)
    coloured = p.pixels[i] != p.pixels[i + 1] || p.pixels[i + 1] != p.pixels[i + 2];
  EXPECT_TRUE(coloured) << "every pixel is gray";
}

// Frames the device sends in other shapes must come out as the same pixels as the plain 8-bit
// single-pass scan of the same picture.
struct FrameCase {
  const char* what;
  ColorMode mode;
  std::vector<BackendOption> extra;
  double bytes_per_frame;  // the device's frame size against the plain scan's: proof the shape changed
};

TEST_F(SaneTest, ScanPagesConvertsEveryFrameShapeToTheSamePixels) {
  const std::vector<FrameCase> cases = {
      {"16-bit gray", ColorMode::kGray, {{"depth", "16"}}, 2.0},
      {"1-bit lineart", ColorMode::kGray, {{"depth", "1"}}, 1.0 / 8},
      {"16-bit colour", ColorMode::kColor, {{"depth", "16"}}, 2.0},
      {"three-pass colour", ColorMode::kColor, {{"three-pass", "yes"}}, 1.0 / 3},
      {"three-pass colour, BGR order", ColorMode::kColor, {{"three-pass", "yes"}, {"three-pass-order", "BGR"}},
       1.0 / 3},
      {"4096-byte reads", ColorMode::kGray, {{"read-limit", "yes"}, {"read-limit-size", "4096"}}, 1.0},
  };
  for (const FrameCase& c : cases) {
    SCOPED_TRACE(c.what);
    ScanOptions base = Small();
    base.color_mode = c.mode;
    std::int64_t reference_frame = 0, frame = 0;
    base.on_progress = [&](const ScanProgress& p) { reference_frame = p.bytes_expected; };
    auto reference = ScanPages(base);
    ASSERT_TRUE(reference) << reference.error().Describe();
    ScanOptions o = base;
    o.backend_options.insert(o.backend_options.end(), c.extra.begin(), c.extra.end());
    o.on_progress = [&](const ScanProgress& p) { frame = p.bytes_expected; };
    auto pages = ScanPages(o);
    ASSERT_TRUE(pages) << pages.error().Describe();
    // 1-bit rows round up to whole bytes, hence the tolerance.
    EXPECT_NEAR(double(frame) / double(reference_frame), c.bytes_per_frame, 0.01);
    const ScannedPage& want = reference->front();
    const ScannedPage& got = pages->front();
    EXPECT_EQ(got.format, want.format);
    EXPECT_EQ(got.width_px, want.width_px);
    EXPECT_EQ(got.height_px, want.height_px);
    EXPECT_TRUE(got.pixels == want.pixels);
  }
}

TEST_F(SaneTest, ScanPagesDropsRowPaddingTheDeviceSends) {
  // ppl-loss: the backend sends each row 5 pixels short of its bytes_per_line (padding).
  ScanOptions o = Small();
  o.backend_options.push_back({"ppl-loss", "5"});
  auto pages = ScanPages(o);
  ASSERT_TRUE(pages) << pages.error().Describe();
  const ScannedPage& p = pages->front();
  EXPECT_EQ(p.width_px, Px(50, 40) - 5);
  EXPECT_EQ(p.height_px, Px(50, 30));
  EXPECT_EQ(p.pixels.size(), std::size_t(p.width_px) * p.height_px);
}

TEST_F(SaneTest, ScanPagesUnknownDeviceIsScannerNotFound) {
  for (const char* name : {"test:7", "nosuchbackend:0"}) {
    SCOPED_TRACE(name);
    auto pages = ScanPages({.device_name = name});
    ASSERT_FALSE(pages);
    EXPECT_EQ(pages.error().code, ErrorCode::kNotFound);
    EXPECT_EQ(pages.error().field, "device_name");
    EXPECT_EQ(pages.error().rule, "scanner_not_found");
  }
}

// libsane reads SANE_CONFIG_DIR once per process, so this runs in a fresh process (a death test
// in the "threadsafe" style re-executes the binary) whose dll.conf lists no backend.
[[noreturn]] void ScanWithNoBackend(const std::string& config_dir) {
  setenv("SANE_CONFIG_DIR", config_dir.c_str(), 1);
  auto list = ListScanners();
  auto pages = ScanPages();
  const bool ok = list && list->empty() && !pages && pages.error().code == ErrorCode::kNotFound &&
                  pages.error().field == "scanner" && pages.error().rule == "no_scanner";
  std::fprintf(stderr, "%s\n", pages ? "scanned" : pages.error().Describe().c_str());
  std::error_code ec;
  std::filesystem::remove_all(config_dir, ec);  // this process skips the TempDir's destructor
  std::exit(ok ? 0 : 1);
}

TEST(ScanPagesNoScanner, ReportsNoScannerWhenSaneFindsNone) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  TempDir empty;
  testing::WriteFile(empty.File("dll.conf"), "");
  EXPECT_EXIT(ScanWithNoBackend(empty.path()), ::testing::ExitedWithCode(0), "no_scanner");
}

struct StatusCase {
  const char* sane_status;  // the test backend's read-return-value
  ErrorCode code;
  const char* field;
  const char* rule;
};

TEST_F(SaneTest, ScanPagesMapsEveryDeviceFailureToItsRule) {
  const std::vector<StatusCase> cases = {
      {"SANE_STATUS_JAMMED", ErrorCode::kUnavailable, "scanner", "paper_jammed"},
      {"SANE_STATUS_COVER_OPEN", ErrorCode::kUnavailable, "scanner", "cover_open"},
      {"SANE_STATUS_DEVICE_BUSY", ErrorCode::kUnavailable, "scanner", "scanner_busy"},
      {"SANE_STATUS_IO_ERROR", ErrorCode::kUnavailable, "scanner", "scanner_io_error"},
      {"SANE_STATUS_NO_DOCS", ErrorCode::kUnavailable, "source", "no_documents"},
      {"SANE_STATUS_ACCESS_DENIED", ErrorCode::kUnavailable, "scanner", "scanner_access_denied"},
      {"SANE_STATUS_CANCELLED", ErrorCode::kUnavailable, "scanner", "scan_cancelled"},
      {"SANE_STATUS_NO_MEM", ErrorCode::kUnavailable, "scanner", "scanner_error"},
      {"SANE_STATUS_INVAL", ErrorCode::kUnavailable, "scanner", "scanner_error"},
  };
  for (const StatusCase& c : cases) {
    for (ScanSource source : {ScanSource::kFlatbed, ScanSource::kAdf}) {
      SCOPED_TRACE(std::string(c.sane_status) + (source == ScanSource::kAdf ? " (feeder)" : " (flatbed)"));
      ScanOptions o = Small();
      o.source = source;
      o.backend_options.push_back({"read-return-value", c.sane_status});
      auto pages = ScanPages(o);
      ASSERT_FALSE(pages);
      EXPECT_EQ(pages.error().code, c.code);
      EXPECT_EQ(pages.error().field, c.field);
      EXPECT_EQ(pages.error().rule, c.rule);
    }
  }
}

TEST_F(SaneTest, ScanPagesNoStateLeaksFromAFailedCallToTheNext) {
  ScanOptions jammed = Small();
  jammed.backend_options.push_back({"read-return-value", "SANE_STATUS_JAMMED"});
  ASSERT_FALSE(ScanPages(jammed));
  // The same device, options left at their defaults: the jam setting died with the last session.
  auto pages = ScanPages(Small());
  ASSERT_TRUE(pages) << pages.error().Describe();
  EXPECT_EQ(pages->size(), 1u);
}

// A scan split into 256-byte reads, cancelled at the 10th check. (The page, 18 KB, fits in the
// test backend's pipe, so its reader thread has finished when the scan stops: see kSettleBeforeCancel
// in sane_scanner.cpp for why that matters.)
TEST_F(SaneTest, ScanPagesCancelStopsMidPageAndTheNextScanWorks) {
  int checks = 0;
  std::int64_t last_bytes = 0, expected = 0;
  ScanOptions o = Small(100);
  o.backend_options.push_back({"read-limit", "yes"});
  o.backend_options.push_back({"read-limit-size", "256"});
  o.cancel_requested = [&] { return ++checks == 10; };
  o.on_progress = [&](const ScanProgress& p) {
    last_bytes = p.bytes_read;
    expected = p.bytes_expected;
  };
  auto pages = ScanPages(o);
  ASSERT_FALSE(pages);
  EXPECT_EQ(pages.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(pages.error().field, "scanner");
  EXPECT_EQ(pages.error().rule, "scan_cancelled");
  EXPECT_EQ(checks, 10);           // not asked again once it said stop
  EXPECT_EQ(last_bytes, 8 * 256);  // asked before the sheet was fed, then before each of 9 reads
  EXPECT_EQ(expected, std::int64_t(Px(100, 40)) * Px(100, 30));
  auto again = ScanPages(Small());
  ASSERT_TRUE(again) << again.error().Describe();
}

TEST_F(SaneTest, ScanPagesCancelFromAnotherThreadStopsTheWorker) {
  std::atomic<bool> cancel{false};
  std::atomic<bool> started{false};
  ScanOptions o = Small(100);
  o.source = ScanSource::kAdf;
  // 1024-byte reads, each delayed 2 ms by the backend: the 10 sheets would take over 20 s.
  o.backend_options = {{"test-picture", "Grid"}, {"read-limit", "yes"}, {"read-limit-size", "1024"},
                       {"read-delay", "yes"}, {"read-delay-duration", "2000"}};
  o.cancel_requested = [&] { return cancel.load(); };
  o.on_progress = [&](const ScanProgress&) { started = true; };
  Result<std::vector<ScannedPage>> result = Error{};
  const auto t0 = std::chrono::steady_clock::now();
  std::thread worker([&] { result = ScanPages(o); });
  while (!started) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  cancel = true;
  worker.join();
  const auto elapsed = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().rule, "scan_cancelled");
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

// sanei_thread resets SIGPIPE to SIG_DFL after each scan; a counter app that ignores SIGPIPE
// (for its sockets) must keep ignoring it.
TEST_F(SaneTest, ScanPagesLeavesTheProgramsSigpipeDispositionAlone) {
  struct sigaction ignore {}, before {}, after {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ASSERT_EQ(sigaction(SIGPIPE, &ignore, &before), 0);
  auto pages = ScanPages(Small());
  ASSERT_EQ(sigaction(SIGPIPE, &before, &after), 0);
  ASSERT_TRUE(pages) << pages.error().Describe();
  EXPECT_TRUE(after.sa_handler == SIG_IGN) << "SIGPIPE is no longer ignored after a scan";
}

TEST_F(SaneTest, ScanPagesCallsFromTwoThreadsAreSerialised) {
  // Without the mutex the second sane_open of test:0 would fail with "device busy", or the two
  // sane_init()/sane_exit() pairs would tear the backend list down under each other.
  Result<std::vector<ScannedPage>> a = Error{}, b = Error{};
  std::thread ta([&] { a = ScanPages(Small(100)); });
  std::thread tb([&] { b = ScanPages(Small(100)); });
  ta.join();
  tb.join();
  ASSERT_TRUE(a) << a.error().Describe();
  ASSERT_TRUE(b) << b.error().Describe();
  EXPECT_TRUE(a->front().pixels == b->front().pixels);
}

struct OptionCase {
  const char* what;
  ScanOptions options;
  ErrorCode code;
  const char* field;
  const char* rule;
};

TEST_F(SaneTest, ScanPagesRejectsBadOptionsNamingTheField) {
  auto with = [](auto change) {
    ScanOptions o = Small();
    change(o);
    return o;
  };
  const std::vector<OptionCase> cases = {
      {"resolution 0", with([](ScanOptions& o) { o.resolution_dpi = 0; }), ErrorCode::kInvalid, "resolution_dpi",
       "bad_resolution"},
      {"resolution 9601", with([](ScanOptions& o) { o.resolution_dpi = 9601; }), ErrorCode::kInvalid,
       "resolution_dpi", "bad_resolution"},
      {"max_pages -1", with([](ScanOptions& o) { o.max_pages = -1; }), ErrorCode::kInvalid, "max_pages",
       "bad_max_pages"},
      {"width -1", with([](ScanOptions& o) { o.width_mm = -1; }), ErrorCode::kInvalid, "width_mm", "bad_scan_area"},
      {"height NaN", with([](ScanOptions& o) { o.height_mm = std::nan(""); }), ErrorCode::kInvalid, "height_mm",
       "bad_scan_area"},
      {"duplex on a simplex feeder", with([](ScanOptions& o) { o.source = ScanSource::kAdfDuplex; }),
       ErrorCode::kInvalid, "source", "source_unsupported"},
      {"unknown option", with([](ScanOptions& o) { o.backend_options.push_back({"brightness", "10"}); }),
       ErrorCode::kInvalid, "backend_options", "unknown_backend_option"},
      {"bool that is not", with([](ScanOptions& o) { o.backend_options.push_back({"read-limit", "maybe"}); }),
       ErrorCode::kInvalid, "backend_options", "bad_backend_option"},
      {"int that is not", with([](ScanOptions& o) { o.backend_options.push_back({"ppl-loss", "5x"}); }),
       ErrorCode::kInvalid, "backend_options", "bad_backend_option"},
      {"string not in the list", with([](ScanOptions& o) { o.backend_options.push_back({"test-picture", "Cat"}); }),
       ErrorCode::kInvalid, "backend_options", "bad_backend_option"},
      {"inactive option", with([](ScanOptions& o) { o.backend_options = {{"read-limit-size", "10"}}; }),
       ErrorCode::kInvalid, "backend_options", "bad_backend_option"},
  };
  for (const OptionCase& c : cases) {
    SCOPED_TRACE(c.what);
    auto pages = ScanPages(c.options);
    ASSERT_FALSE(pages);
    EXPECT_EQ(pages.error().code, c.code);
    EXPECT_EQ(pages.error().field, c.field);
    EXPECT_EQ(pages.error().rule, c.rule);
  }
}

// The whole path of one dossier component: three sheets through the feeder, one PDF, stored in
// the content-addressed file store, which counts the pages again through poppler.
TEST_F(SaneTest, ScannedFeederBatchBecomesAStoredPdfWithOnePagePerSheet) {
  if (!testing::HaveTool("pdfinfo") || !testing::HaveTool("pdftoppm"))
    GTEST_SKIP() << "pdfinfo/pdftoppm (poppler-utils) not installed";
  auto pages = ScanPages({.device_name = "test:0", .resolution_dpi = 150, .source = ScanSource::kAdf,
                          .max_pages = 3, .width_mm = 210, .height_mm = 297,
                          .backend_options = {{"test-picture", "Grid"}}});
  ASSERT_TRUE(pages) << pages.error().Describe();
  ASSERT_EQ(pages->size(), 3u);
  auto pdf = PagesToPdf(*pages, {.title = "Tờ khai thay đổi thông tin cư trú"});
  ASSERT_TRUE(pdf) << pdf.error().Describe();

  auto counted = digitize::CountPages(*pdf, "application/pdf");
  ASSERT_TRUE(counted) << counted.error().Describe();
  EXPECT_EQ(*counted, 3);
  TempDir dir;
  testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
  EXPECT_EQ(info.pages, 3) << info.raw;
  for (const testing::PdfPageBox& box : info.boxes) {
    EXPECT_NEAR(box.width_pt, 210 / 25.4 * 72, 0.5);
    EXPECT_NEAR(box.height_pt, 297 / 25.4 * 72, 0.5);
  }
  for (int page = 1; page <= 3; ++page) {
    ScannedPage rendered = testing::RenderGray(*pdf, page, 50, dir);
    ASSERT_GT(rendered.width_px, 0) << "page " << page << " did not render";
    EXPECT_TRUE(HasBothShades(rendered)) << "page " << page << " dark share " << DarkShare(rendered);
  }

  auto stored = digitize::StoreBytes(dir.File("store"), *pdf);
  ASSERT_TRUE(stored) << stored.error().Describe();
  EXPECT_EQ(stored->mime, "application/pdf");
  EXPECT_EQ(stored->pages, 3);
}

}  // namespace
}  // namespace motcua::scan
