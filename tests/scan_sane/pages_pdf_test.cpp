// PagesToPdf and ImagesToPdf, checked through poppler: digitize::CountPages (poppler-cpp, what the
// file store uses) and poppler-utils (pdfinfo for page boxes and dates, pdftoppm to render,
// pdfimages for how each image is stored). Pages are built in code; the SANE path is in
// sane_scanner_test.cpp.
#include "scan/pages_pdf.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <random>

#include "digitize/file_store.h"
#include "scan_sane/test_support.h"

#if MOTCUA_TEST_HAVE_LIBJPEG
#include <jpeglib.h>
#endif

namespace motcua::scan {
namespace {

using testing::TempDir;

bool HavePoppler() {
  return testing::HaveTool("pdfinfo") && testing::HaveTool("pdftoppm") && testing::HaveTool("pdfimages");
}
#define REQUIRE_POPPLER() \
  if (!HavePoppler()) GTEST_SKIP() << "pdfinfo/pdftoppm/pdfimages (poppler-utils) not installed"

ScannedPage Uniform(int w, int h, int dpi, std::uint8_t level) {
  return ScannedPage{PixelFormat::kGray8, w, h, dpi, std::vector<std::uint8_t>(std::size_t(w) * h, level)};
}

ScannedPage Noise(int w, int h, int dpi, unsigned seed, PixelFormat format = PixelFormat::kGray8) {
  ScannedPage p{format, w, h, dpi, std::vector<std::uint8_t>(std::size_t(w) * h * BytesPerPixel(format))};
  std::mt19937 rng(seed);
  for (auto& v : p.pixels) v = static_cast<std::uint8_t>(rng());
  return p;
}

// A gray A4 page at 200 dpi as paper comes off a scanner: lines of glyph-like strokes on a light
// background, both with ±6 levels of grain (fibre, toner, sensor noise); `grain` = false gives the
// same text on pure white (what a clean digital original or the test backend produce).
ScannedPage A4Document(bool grain, unsigned seed = 20260305) {
  const int w = 1654, h = 2339;  // A4 at 200 dpi
  ScannedPage p = Uniform(w, h, 200, 255);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> glyph_w(6, 14), space(2, 5), word(2, 9), noise(-6, 6);
  std::vector<bool> ink(std::size_t(w) * h, false);
  for (int line_top = 160; line_top + 24 < h - 160; line_top += 40) {
    int x = 150;
    while (x < w - 150) {
      for (int g = word(rng); g > 0 && x < w - 150; --g) {
        const int gw = glyph_w(rng);
        // A glyph: two vertical strokes and a bar, 3 px thick, 24 px tall.
        for (int y = line_top; y < line_top + 24; ++y)
          for (int t = 0; t < 3; ++t) {
            ink[std::size_t(y) * w + x + t] = true;
            ink[std::size_t(y) * w + x + gw - 3 + t] = true;
          }
        for (int xx = x; xx < x + gw; ++xx)
          for (int t = 0; t < 3; ++t) ink[std::size_t(line_top + 10 + t) * w + xx] = true;
        x += gw + space(rng);
      }
      x += 12;
    }
  }
  for (std::size_t i = 0; i < p.pixels.size(); ++i) {
    const int base = ink[i] ? 40 : (grain ? 236 : 255);
    p.pixels[i] = static_cast<std::uint8_t>(std::clamp(base + (grain ? noise(rng) : 0), 0, 255));
  }
  return p;
}

double MeanAbsDiff(const ScannedPage& a, const ScannedPage& b) {
  if (a.pixels.size() != b.pixels.size() || a.pixels.empty()) return 1e9;
  double sum = 0;
  for (std::size_t i = 0; i < a.pixels.size(); ++i) sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
  return sum / double(a.pixels.size());
}

double DarkShareOf(const ScannedPage& p) { return testing::DarkShare(p); }


// ---- page size --------------------------------------------------------------------------------

struct SizeCase {
  const char* what;
  int w, h, dpi;
  double width_pt, height_pt;
};

TEST(PageSizeOf, IsPixelsTimes72OverDpi) {
  const std::vector<SizeCase> cases = {
      // A4 is 210 x 297 mm = 595.28 x 841.89 pt. Scans round to whole pixels.
      {"A4 at 300 dpi", 2480, 3508, 300, 595.2, 841.92},
      {"A4 at 200 dpi", 1654, 2339, 200, 595.44, 842.04},
      {"A4 at 150 dpi", 1240, 1754, 150, 595.2, 841.92},
      {"A5 at 200 dpi", 1165, 1654, 200, 419.4, 595.44},
      {"one pixel at 72 dpi", 1, 1, 72, 1, 1},
      {"unknown dpi uses the 200-dpi fallback", 200, 400, 0, 72, 144},
  };
  for (const SizeCase& c : cases) {
    SCOPED_TRACE(c.what);
    PageSizePt size = PageSizeOf(ScannedPage{PixelFormat::kGray8, c.w, c.h, c.dpi, {}});
    EXPECT_NEAR(size.width_pt, c.width_pt, 1e-9);
    EXPECT_NEAR(size.height_pt, c.height_pt, 1e-9);
  }
}

TEST(PagesToPdf, A4At300DpiIsAnA4Page) {
  REQUIRE_POPPLER();
  auto pdf = PagesToPdf({Uniform(2480, 3508, 300, 200)});
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
  ASSERT_EQ(info.boxes.size(), 1u) << info.raw;
  EXPECT_NEAR(info.boxes[0].width_pt, 595.2, 0.01) << info.raw;
  EXPECT_NEAR(info.boxes[0].height_pt, 841.92, 0.01) << info.raw;
}

// Property: every page of a PDF has exactly its own size, whatever the mix (fixed seed; the inputs
// are printed on failure).
TEST(PagesToPdf, EveryPageHasItsOwnSizeProperty) {
  REQUIRE_POPPLER();
  const unsigned seed = 7031;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> side(1, 900), dpi(50, 600);
  std::vector<ScannedPage> pages;
  std::string inputs;
  for (int i = 0; i < 12; ++i) {
    pages.push_back(Uniform(side(rng), side(rng), dpi(rng), 128));
    inputs += " [" + std::to_string(pages.back().width_px) + "x" + std::to_string(pages.back().height_px) + "@" +
              std::to_string(pages.back().dpi) + "]";
  }
  auto pdf = PagesToPdf(pages);
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
  ASSERT_EQ(info.boxes.size(), pages.size()) << "seed " << seed << inputs << "\n" << info.raw;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    PageSizePt want = PageSizeOf(pages[i]);
    // pdfinfo prints sizes with up to 3 decimals.
    EXPECT_NEAR(info.boxes[i].width_pt, want.width_pt, 0.01) << "seed " << seed << " page " << i + 1 << inputs;
    EXPECT_NEAR(info.boxes[i].height_pt, want.height_pt, 0.01) << "seed " << seed << " page " << i + 1 << inputs;
  }
}

// ---- content ----------------------------------------------------------------------------------

// Mean of a page without its outer `border` pixels (rendering blends the page edge with white).
double InnerMean(const ScannedPage& p, int border = 3) {
  double sum = 0;
  int n = 0;
  for (int y = border; y < p.height_px - border; ++y)
    for (int x = border; x < p.width_px - border; ++x, ++n) sum += p.pixels[std::size_t(y) * p.width_px + x];
  return n == 0 ? -1 : sum / n;
}

TEST(PagesToPdf, KeepsThePagesInOrder) {
  REQUIRE_POPPLER();
  const std::vector<std::uint8_t> levels = {0, 80, 160, 240, 40};
  std::vector<ScannedPage> pages;
  for (std::uint8_t level : levels) pages.push_back(Uniform(100, 140, 100, level));
  auto pdf = PagesToPdf(pages);
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    ScannedPage r = testing::RenderGray(*pdf, int(i) + 1, 100, dir);
    EXPECT_NEAR(InnerMean(r), levels[i], 0.5) << "page " << i + 1;
  }
}

// pdfimages writes an image's samples as stored (as PPM, gray repeated in R, G and B): the exact
// pixels must come back.
// (Rendering cannot show this: poppler smooths every image drawn at less than 4x, even at 1:1.)
TEST(PagesToPdf, LosslessGrayStoresTheExactPixels) {
  REQUIRE_POPPLER();
  ScannedPage page = Noise(240, 180, 150, 99);  // noise defeats any lossy coder
  auto pdf = PagesToPdf({page});
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  testing::WriteFile(dir.File("n.pdf"), *pdf);
  ASSERT_EQ(testing::Run("pdfimages " + dir.File("n.pdf") + " " + dir.File("img")).exit_code, 0);
  const std::string ppm = testing::ReadFile(dir.File("img-000.ppm"));
  const std::string header = "P6\n240 180\n255\n";
  ASSERT_EQ(ppm.substr(0, header.size()), header);
  ASSERT_EQ(ppm.size(), header.size() + 3 * page.pixels.size());
  std::size_t differ = 0;
  for (std::size_t i = 0; i < page.pixels.size(); ++i)
    for (int c = 0; c < 3; ++c) differ += std::uint8_t(ppm[header.size() + 3 * i + c]) != page.pixels[i];
  EXPECT_EQ(differ, 0u);
}

TEST(PagesToPdf, StoresGrayAsGrayAndColourAsColour) {
  REQUIRE_POPPLER();
  ScannedPage black_and_white = Uniform(64, 48, 100, 255);
  std::fill(black_and_white.pixels.begin(), black_and_white.pixels.begin() + 64 * 24, 0);
  ScannedPage rgb_but_gray = Uniform(4, 4, 100, 7);
  rgb_but_gray.format = PixelFormat::kRgb24;
  rgb_but_gray.pixels.resize(48, 7);
  auto pdf = PagesToPdf({Noise(64, 48, 100, 1), Noise(64, 48, 100, 2, PixelFormat::kRgb24), black_and_white,
                         rgb_but_gray});
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  std::vector<testing::PdfImage> images = testing::ListImages(*pdf, dir);
  ASSERT_EQ(images.size(), 4u);
  EXPECT_EQ(images[2].color, "gray");  // only black and white: one bit per pixel
  EXPECT_EQ(images[2].bpc, 1);
  EXPECT_EQ(images[3].color, "gray");  // colour pixels with R = G = B cost one byte, not three
  EXPECT_EQ(images[3].bpc, 8);
  EXPECT_EQ(images[0].color, "gray");  // one byte per pixel, not three
  EXPECT_EQ(images[0].bpc, 8);
  EXPECT_EQ(images[0].enc, "image");   // Flate
  EXPECT_EQ(images[1].color, "rgb");
  EXPECT_EQ(images[1].enc, "image");
}

TEST(PagesToPdf, SamePagesGiveTheSameBytesAndTheDateOnlyWhenGiven) {
  REQUIRE_POPPLER();
  std::vector<ScannedPage> pages = {Noise(50, 70, 100, 5)};
  auto a = PagesToPdf(pages);
  auto b = PagesToPdf(pages);
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(*a == *b) << "two runs differ: the file store would keep two copies";
  TempDir dir;
  EXPECT_EQ(testing::GetPdfInfo(*a, dir).creation_date, "");

  // 2026-03-05 02:30 UTC is 09:30 in Vietnam.
  auto dated = PagesToPdf(pages, {.title = "Giấy xác nhận thông tin về cư trú",
                                  .created_at = FromUnixSeconds(1772677800)});
  ASSERT_TRUE(dated) << dated.error().Describe();
  testing::PdfInfo info = testing::GetPdfInfo(*dated, dir);
  EXPECT_NE(info.raw.find("Title:           Giấy xác nhận thông tin về cư trú"), std::string::npos) << info.raw;
  EXPECT_EQ(info.creation_date, "Thu Mar  5 02:30:00 2026 UTC") << info.raw;  // pdfinfo shows UTC
  // Vietnam time in the file (cairo 1.16 leaves out the "D:" prefix; poppler reads it regardless).
  EXPECT_NE(dated->find("/CreationDate (20260305093000+07'00)"), std::string::npos);
}

TEST(PagesToPdf, CountPagesAndTheFileStoreSeeEveryPage) {
  for (int n : {1, 3, 12}) {
    SCOPED_TRACE(n);
    std::vector<ScannedPage> pages;
    for (int i = 0; i < n; ++i) pages.push_back(Uniform(120, 170, 100, std::uint8_t(20 * i)));
    auto pdf = PagesToPdf(pages);
    ASSERT_TRUE(pdf) << pdf.error().Describe();
    auto counted = digitize::CountPages(*pdf, "application/pdf");
    ASSERT_TRUE(counted) << counted.error().Describe();
    EXPECT_EQ(*counted, n);
    TempDir dir;
    auto stored = digitize::StoreBytes(dir.File("store"), *pdf);
    ASSERT_TRUE(stored) << stored.error().Describe();
    EXPECT_EQ(stored->pages, n);
    EXPECT_EQ(stored->mime, "application/pdf");
  }
}

// ---- encodings and their sizes ----------------------------------------------------------------

#if MOTCUA_TEST_HAVE_LIBJPEG
constexpr bool kHaveJpeg = true;
#else
constexpr bool kHaveJpeg = false;
#endif
#define REQUIRE_JPEG() \
  if (!kHaveJpeg) GTEST_SKIP() << "built without libjpeg (libjpeg-dev)"

TEST(PagesToPdf, JpegEncodingStoresDctAndStaysCloseToTheScan) {
  REQUIRE_POPPLER();
  REQUIRE_JPEG();
  const ScannedPage page = A4Document(/*grain=*/true);
  auto jpeg = PagesToPdf({page}, {.encoding = PdfImageEncoding::kJpeg, .jpeg_quality = 80});
  auto lossless = PagesToPdf({page});
  ASSERT_TRUE(jpeg && lossless);
  TempDir dir;
  std::vector<testing::PdfImage> images = testing::ListImages(*jpeg, dir);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].enc, "jpeg");
  EXPECT_EQ(images[0].color, "gray");
  // Both rendered the same way, at the scan's own 200 dpi.
  ScannedPage a = testing::RenderGray(*jpeg, 1, 200, dir);
  ScannedPage b = testing::RenderGray(*lossless, 1, 200, dir);
  EXPECT_LT(MeanAbsDiff(a, b), 3.0);
  EXPECT_NEAR(DarkShareOf(a), DarkShareOf(b), 0.002);  // every stroke still there
}

// The figures quoted in pages_pdf.h. Real paper's grain is what makes lossless pages large.
TEST(PagesToPdf, GrayA4At200DpiFileSizes) {
  REQUIRE_JPEG();
  struct Row {
    const char* what;
    bool grain;
    PagesPdfOptions options;
    std::size_t bytes = 0;
  };
  std::vector<Row> rows = {
      {"paper, lossless", true, {}},
      {"paper, JPEG q80", true, {.encoding = PdfImageEncoding::kJpeg, .jpeg_quality = 80}},
      {"paper, JPEG q60", true, {.encoding = PdfImageEncoding::kJpeg, .jpeg_quality = 60}},
      {"clean, lossless", false, {}},
      {"clean, JPEG q80", false, {.encoding = PdfImageEncoding::kJpeg, .jpeg_quality = 80}},
  };
  const ScannedPage paper = A4Document(true), clean = A4Document(false);
  for (Row& row : rows) {
    auto pdf = PagesToPdf({row.grain ? paper : clean}, row.options);
    ASSERT_TRUE(pdf) << pdf.error().Describe();
    row.bytes = pdf->size();
    std::cout << "  gray A4 200 dpi, " << row.what << ": " << row.bytes / 1024 << " KiB\n";
    RecordProperty(row.what, std::to_string(row.bytes));
  }
  EXPECT_GT(rows[0].bytes, 1000u * 1024);      // grain does not Flate-compress away
  EXPECT_LT(rows[1].bytes, rows[0].bytes / 2.5);  // JPEG pays off on paper
  EXPECT_LT(rows[2].bytes, rows[1].bytes);
  EXPECT_LT(rows[3].bytes, 200u * 1024);        // a clean page is small either way
  EXPECT_LT(rows[3].bytes, rows[4].bytes);      // and JPEG only adds ringing to it
}

// ---- errors -----------------------------------------------------------------------------------

struct ErrorCase {
  const char* what;
  std::vector<ScannedPage> pages;
  PagesPdfOptions options;
  const char* field;
  const char* rule;
};

TEST(PagesToPdf, RejectsBadInputNamingTheField) {
  ScannedPage short_buffer = Uniform(10, 10, 100, 0);
  short_buffer.pixels.pop_back();
  ScannedPage rgb_as_gray = Uniform(10, 10, 100, 0);
  rgb_as_gray.format = PixelFormat::kRgb24;
  const std::vector<ErrorCase> cases = {
      {"no pages", {}, {}, "pages", "no_pages"},
      {"buffer one byte short", {Uniform(10, 10, 100, 0), short_buffer}, {}, "pages", "bad_page"},
      {"RGB page with a gray buffer", {rgb_as_gray}, {}, "pages", "bad_page"},
      {"zero width", {ScannedPage{PixelFormat::kGray8, 0, 10, 100, {}}}, {}, "pages", "bad_page"},
      {"wider than cairo allows", {Uniform(32768, 1, 300, 0)}, {}, "pages", "bad_page"},
      {"negative dpi", {Uniform(10, 10, -1, 0)}, {}, "pages", "bad_page"},
      {"over 200 inches", {Uniform(14401, 10, 72, 0)}, {}, "pages", "bad_page"},
      {"JPEG quality 0", {Uniform(10, 10, 100, 0)}, {.encoding = PdfImageEncoding::kJpeg, .jpeg_quality = 0},
       "jpeg_quality", "bad_jpeg_quality"},
      {"JPEG quality 101", {Uniform(10, 10, 100, 0)}, {.encoding = PdfImageEncoding::kJpeg, .jpeg_quality = 101},
       "jpeg_quality", "bad_jpeg_quality"},
      {"fallback dpi 0", {Uniform(10, 10, 0, 0)}, {.fallback_dpi = 0}, "fallback_dpi", "bad_dpi"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.what);
    auto pdf = PagesToPdf(c.pages, c.options);
    ASSERT_FALSE(pdf);
    EXPECT_EQ(pdf.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(pdf.error().field, c.field);
    EXPECT_EQ(pdf.error().rule, c.rule);
  }
}

TEST(PagesToPdf, BadPageDetailNamesThePage) {
  ScannedPage bad = Uniform(10, 10, 100, 0);
  bad.pixels.clear();
  auto pdf = PagesToPdf({Uniform(10, 10, 100, 0), Uniform(10, 10, 100, 0), bad});
  ASSERT_FALSE(pdf);
  EXPECT_NE(pdf.error().detail.find("page 3"), std::string::npos) << pdf.error().detail;
}

// ---- imported images --------------------------------------------------------------------------

std::uint32_t Crc32(const unsigned char* data, std::size_t n) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) {
    c ^= data[i];
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
  }
  return ~c;
}

void PutBe32(std::string& s, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) s.push_back(char((v >> shift) & 0xFF));
}

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A w x h PNG whose left half is black and right half white, written by cairo; with `dpi` > 0 a
// pHYs chunk (pixels per metre) is added after IHDR, as scanners write it.
std::string HalfBlackPng(int w, int h, int dpi) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_rectangle(cr, 0, 0, w / 2.0, h);
  cairo_fill(cr);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(s, AppendPng, &png);
  cairo_surface_destroy(s);
  if (dpi > 0) {
    std::string chunk = "pHYs";
    const auto ppm = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    PutBe32(chunk, ppm);
    PutBe32(chunk, ppm);
    chunk.push_back(1);  // unit: metre
    std::string full;
    PutBe32(full, 9);
    full += chunk;
    PutBe32(full, Crc32(reinterpret_cast<const unsigned char*>(chunk.data()), chunk.size()));
    png.insert(8 + 25, full);  // signature (8) + IHDR chunk (4 + 4 + 13 + 4)
  }
  return png;
}

#if MOTCUA_TEST_HAVE_LIBJPEG
// A w x h gray JPEG, left half black (only the top-left quarter with `quarter`), with JFIF density
// `dpi` (0 = aspect ratio only) and, when orientation > 0, an EXIF APP1 segment holding that
// orientation (big-endian TIFF, as cameras from several makers write it).
std::string HalfBlackJpeg(int w, int h, int dpi, int orientation, bool quarter = false) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr jerr;
  cinfo.err = jpeg_std_error(&jerr);
  jpeg_create_compress(&cinfo);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &out, &size);
  cinfo.image_width = w;
  cinfo.image_height = h;
  cinfo.input_components = 1;
  cinfo.in_color_space = JCS_GRAYSCALE;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 90, TRUE);
  cinfo.density_unit = dpi > 0 ? 1 : 0;
  cinfo.X_density = cinfo.Y_density = dpi > 0 ? dpi : 1;
  jpeg_start_compress(&cinfo, TRUE);
  if (orientation > 0) {
    // "Exif\0\0", TIFF header MM 42 offset 8, IFD0 with one entry: 0x0112 SHORT 1 value.
    const unsigned char exif[] = {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1,
                                  0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (unsigned char)orientation, 0, 0, 0, 0, 0, 0};
    jpeg_write_marker(&cinfo, JPEG_APP0 + 1, exif, sizeof exif);
  }
  std::vector<unsigned char> row(w);
  while (cinfo.next_scanline < cinfo.image_height) {
    const bool top = int(cinfo.next_scanline) < h / 2;
    for (int x = 0; x < w; ++x) row[x] = x < w / 2 && (top || !quarter) ? 0 : 255;
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&cinfo, &r, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string bytes(reinterpret_cast<char*>(out), size);
  std::free(out);
  return bytes;
}
#endif

// Dark share of each half and each quarter of a rendered page, to see where the black part of an
// image ended up.
struct Halves {
  double left = 0, right = 0, top = 0, bottom = 0;
  double quarter[2][2] = {{0, 0}, {0, 0}};  // [row: top, bottom][column: left, right]
};
Halves DarkHalves(const ScannedPage& p) {
  Halves hv;
  const double n = double(p.width_px) * p.height_px;
  for (int y = 0; y < p.height_px; ++y)
    for (int x = 0; x < p.width_px; ++x) {
      const bool dark = p.pixels[std::size_t(y) * p.width_px + x] < 128;
      const bool right = x >= p.width_px / 2, bottom = y >= p.height_px / 2;
      (right ? hv.right : hv.left) += dark / (n / 2);
      (bottom ? hv.bottom : hv.top) += dark / (n / 2);
      hv.quarter[bottom][right] += dark / (n / 4);
    }
  return hv;
}

TEST(ImagesToPdf, PngPageSizeComesFromItsStatedResolution) {
  REQUIRE_POPPLER();
  auto pdf = ImagesToPdf({HalfBlackPng(300, 600, 300)});
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
  ASSERT_EQ(info.boxes.size(), 1u) << info.raw;
  EXPECT_NEAR(info.boxes[0].width_pt, 72, 0.01);  // 300 px at 300 dpi = 1 inch
  EXPECT_NEAR(info.boxes[0].height_pt, 144, 0.01);
  Halves hv = DarkHalves(testing::RenderGray(*pdf, 1, 72, dir));
  EXPECT_GT(hv.left, 0.9);
  EXPECT_LT(hv.right, 0.1);
}

TEST(ImagesToPdf, ImageWithoutUsableResolutionIsFittedIntoA4) {
  REQUIRE_POPPLER();
  // No pHYs; 72 dpi stated (as phones do); landscape: each fits inside A4 in its own orientation.
  auto pdf = ImagesToPdf({HalfBlackPng(400, 600, 0), HalfBlackPng(400, 600, 72), HalfBlackPng(900, 300, 0)});
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
  ASSERT_EQ(info.boxes.size(), 3u) << info.raw;
  for (int i : {0, 1}) {
    EXPECT_NEAR(info.boxes[i].height_pt, 841.89, 0.01) << "page " << i + 1;  // taller than A4's shape
    EXPECT_NEAR(info.boxes[i].width_pt, 841.89 * 400 / 600, 0.01) << "page " << i + 1;
  }
  EXPECT_NEAR(info.boxes[2].width_pt, 841.89, 0.01);  // landscape A4, width-bound
  EXPECT_NEAR(info.boxes[2].height_pt, 841.89 / 3, 0.01);
}

TEST(ImagesToPdf, JpegIsEmbeddedUnchangedAndSizedByItsDensity) {
  REQUIRE_POPPLER();
  REQUIRE_JPEG();
#if MOTCUA_TEST_HAVE_LIBJPEG
  const std::string jpeg = HalfBlackJpeg(400, 200, 200, 0);
  auto pdf = ImagesToPdf({jpeg});
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  TempDir dir;
  testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
  ASSERT_EQ(info.boxes.size(), 1u);
  EXPECT_NEAR(info.boxes[0].width_pt, 144, 0.01);  // 400 px at 200 dpi = 2 in
  EXPECT_NEAR(info.boxes[0].height_pt, 72, 0.01);
  testing::WriteFile(dir.File("in.pdf"), *pdf);
  ASSERT_EQ(testing::Run("pdfimages -j " + dir.File("in.pdf") + " " + dir.File("img")).exit_code, 0);
  EXPECT_TRUE(testing::ReadFile(dir.File("img-000.jpg")) == jpeg) << "the JPEG was re-encoded";
#endif
}

struct OrientationCase {
  int orientation;
  bool portrait;  // upright page shape for a 600 x 400 (landscape) image
  int row, col;   // the quarter where the stored image's top-left quarter must show
};

TEST(ImagesToPdf, JpegExifOrientationShowsThePhotoUpright) {
  REQUIRE_POPPLER();
  REQUIRE_JPEG();
#if MOTCUA_TEST_HAVE_LIBJPEG
  // EXIF 2.32, tag 0x0112, e.g. 6: "the 0th row is the visual right-hand side of the image, and the
  // 0th column is the visual top", i.e. turn the stored image a quarter clockwise to view it.
  const std::vector<OrientationCase> cases = {
      {1, false, 0, 0}, {2, false, 0, 1}, {3, false, 1, 1}, {4, false, 1, 0},
      {5, true, 0, 0},  {6, true, 0, 1},  {7, true, 1, 1},  {8, true, 1, 0},
  };
  TempDir dir;
  for (const OrientationCase& c : cases) {
    SCOPED_TRACE("orientation " + std::to_string(c.orientation));
    auto pdf = ImagesToPdf({HalfBlackJpeg(600, 400, 0, c.orientation, /*quarter=*/true)});
    ASSERT_TRUE(pdf) << pdf.error().Describe();
    testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
    ASSERT_EQ(info.boxes.size(), 1u);
    EXPECT_EQ(info.boxes[0].height_pt > info.boxes[0].width_pt, c.portrait);
    Halves hv = DarkHalves(testing::RenderGray(*pdf, 1, 40, dir));
    for (int row : {0, 1})
      for (int col : {0, 1}) {
        if (row == c.row && col == c.col) EXPECT_GT(hv.quarter[row][col], 0.9) << row << "," << col;
        else EXPECT_LT(hv.quarter[row][col], 0.1) << row << "," << col;
      }
  }
#endif
}

TEST(ImagesToPdf, MixedFilesKeepTheirOrderAndTheStoreCountsThem) {
  REQUIRE_JPEG();
#if MOTCUA_TEST_HAVE_LIBJPEG
  const std::string a = HalfBlackPng(100, 100, 0), b = HalfBlackJpeg(100, 150, 0, 0), c = HalfBlackPng(150, 100, 0);
  auto pdf = ImagesToPdf({a, b, c}, {.title = "Ảnh chụp giấy tờ"});
  ASSERT_TRUE(pdf) << pdf.error().Describe();
  auto counted = digitize::CountPages(*pdf, "application/pdf");
  ASSERT_TRUE(counted);
  EXPECT_EQ(*counted, 3);
  if (HavePoppler()) {
    TempDir dir;
    testing::PdfInfo info = testing::GetPdfInfo(*pdf, dir);
    ASSERT_EQ(info.boxes.size(), 3u);
    EXPECT_NEAR(info.boxes[0].width_pt, info.boxes[0].height_pt, 0.01);  // square
    EXPECT_GT(info.boxes[1].height_pt, info.boxes[1].width_pt);            // portrait
    EXPECT_GT(info.boxes[2].width_pt, info.boxes[2].height_pt);            // landscape
  }
#endif
}

struct ImageErrorCase {
  const char* what;
  std::vector<std::string> files;
  const char* rule;
  const char* detail_part;
};

TEST(ImagesToPdf, RejectsFilesItCannotReadNamingTheFile) {
  const std::string png = HalfBlackPng(50, 50, 0);
  std::vector<ImageErrorCase> cases = {
      {"no files", {}, "no_files", ""},
      {"a GIF", {png, "GIF89a\x01\x00\x01\x00"}, "unsupported_image", "file 2"},
      {"a PDF", {"%PDF-1.4\n"}, "unsupported_image", "file 1"},
      {"empty", {""}, "unsupported_image", "file 1"},
      {"truncated PNG", {png, png.substr(0, png.size() / 2)}, "unreadable_image", "file 2"},
  };
#if MOTCUA_TEST_HAVE_LIBJPEG
  const std::string jpeg = HalfBlackJpeg(50, 50, 0, 0);
  cases.push_back({"truncated JPEG header", {jpeg.substr(0, 20)}, "unreadable_image", "file 1"});
#endif
  for (const ImageErrorCase& c : cases) {
    SCOPED_TRACE(c.what);
    std::vector<std::string_view> views(c.files.begin(), c.files.end());
    auto pdf = ImagesToPdf(views);
    ASSERT_FALSE(pdf);
    EXPECT_EQ(pdf.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(pdf.error().field, "files");
    EXPECT_EQ(pdf.error().rule, c.rule);
    EXPECT_NE(pdf.error().detail.find(c.detail_part), std::string::npos) << pdf.error().detail;
  }
}

}  // namespace
}  // namespace motcua::scan
