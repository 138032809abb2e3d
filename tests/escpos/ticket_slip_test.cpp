// The queue ticket as a picture (print/ticket_slip.h): raster and PDF, diacritics, sizes, the QR
// code read back, and nothing clipped. Leaves build/artifacts/screens/ticket-slip*.png to look at.
#include "print/ticket_slip.h"

#include <gtest/gtest.h>
#include <stb_image_write.h>  // the implementation is in libstb

#include <algorithm>
#include <chrono>
#include <iostream>

#include "escpos/sample_ticket.h"
#include "print/escpos.h"
#include "print/pdf_tools.h"

namespace motcua::print {
namespace {

using testing::SampleTicket;
using testing::ScreensDir;

const char* kDiacritics = "Nguyễn Thị Hoà, Ưu tiên, đường Quang Trung";

bool OnlyBlackAndWhite(const scan::GrayImage& img) {
  return std::all_of(img.pixels.begin(), img.pixels.end(), [](std::uint8_t p) { return p == 0 || p == 255; });
}

struct Box {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;  // inclusive; x1 < 0 = no black pixel
  int height() const { return y1 - y0 + 1; }
  int width() const { return x1 - x0 + 1; }
};

// Bounding box of the black pixels in rows [from_row, to_row).
Box BlackBox(const scan::GrayImage& img, int from_row, int to_row) {
  Box b;
  for (int y = from_row; y < to_row; ++y)
    for (int x = 0; x < img.width; ++x)
      if (img.pixels[std::size_t(y) * img.width + x] == 0) {
        b.x0 = std::min(b.x0, x), b.x1 = std::max(b.x1, x);
        b.y0 = std::min(b.y0, y), b.y1 = std::max(b.y1, y);
      }
  return b;
}

// The first row below the top rule (the header's underline): where the number area starts.
int RowBelowRule(const scan::GrayImage& img) {
  for (int y = 0; y < img.height; ++y) {
    int black = 0;
    for (int x = 0; x < img.width; ++x) black += img.pixels[std::size_t(y) * img.width + x] == 0;
    if (black > img.width * 9 / 10) {
      while (y < img.height && img.pixels[std::size_t(y) * img.width + img.width / 2] == 0) ++y;
      return y;
    }
  }
  return -1;
}

void SavePng(const scan::GrayImage& img, const std::string& name) {
  const std::string path = ScreensDir() + "/" + name;
  ASSERT_NE(stbi_write_png(path.c_str(), img.width, img.height, 1, img.pixels.data(), img.width), 0) << path;
}

TEST(RenderTicketRaster, SampleTicketIs576DotsBlackAndWhiteWithAReadableQr) {
  auto img = RenderTicketRaster(SampleTicket());
  ASSERT_TRUE(img.has_value()) << img.error().Describe();
  EXPECT_EQ(img->width, 576);
  EXPECT_GT(img->height, 600);
  EXPECT_LT(img->height, 1600);  // 8 dots per mm: under 20 cm of paper
  EXPECT_EQ(img->pixels.size(), std::size_t(img->width) * img->height);
  EXPECT_TRUE(OnlyBlackAndWhite(*img));
  auto text = scan::DecodeQr(*img);
  ASSERT_TRUE(text.has_value()) << text.error().Describe();
  EXPECT_EQ(*text, SampleTicket().qr_payload);
  SavePng(*img, "ticket-slip.png");
}

TEST(RenderTicketRaster, FiftyEightMillimetrePaperWrapsMoreButKeepsEverything) {
  auto narrow = RenderTicketRaster(SampleTicket(), 384);
  auto wide = RenderTicketRaster(SampleTicket(), 576);
  ASSERT_TRUE(narrow.has_value()) << narrow.error().Describe();
  EXPECT_EQ(narrow->width, 384);
  EXPECT_TRUE(OnlyBlackAndWhite(*narrow));
  EXPECT_GT(narrow->height, wide->height - 200);  // same text size: more lines, a smaller number
  auto text = scan::DecodeQr(*narrow);
  ASSERT_TRUE(text.has_value()) << text.error().Describe();
  EXPECT_EQ(*text, SampleTicket().qr_payload);
  SavePng(*narrow, "ticket-slip-58mm.png");
}

TEST(RenderTicketRaster, NothingTouchesTheEdges) {
  TicketSlip slip = SampleTicket();
  slip.footer = std::string(kDiacritics) + ". " + kDiacritics + ". " + kDiacritics + ". Số-điện-thoại-đường-dây-nóng-"
                "0207.3822.222-rất-dài-không-có-khoảng-trắng";
  slip.area_name = "Khu vực: Đất đai, Tài nguyên và Môi trường, Xây dựng, Giao thông vận tải, Công Thương";
  for (int width : {kMinTicketWidthDots, 384, 576, kMaxTicketWidthDots}) {
    auto img = RenderTicketRaster(slip, width);
    ASSERT_TRUE(img.has_value()) << width << ": " << img.error().Describe();
    const Box all = BlackBox(*img, 0, img->height);
    EXPECT_GE(all.x0, 8) << width;
    EXPECT_LE(all.x1, width - 9) << width;
    EXPECT_GE(all.y0, 4) << width;
    EXPECT_LE(all.y1, img->height - 5) << width;  // the last line is not cut off at the bottom
  }
}

// The number's glyphs are a quarter of the width tall unless that would not fit across.
TEST(RenderTicketRaster, NumberIsAQuarterOfTheWidthTall) {
  for (int width : {384, 576}) {
    TicketSlip slip;
    slip.number = "101";
    auto img = RenderTicketRaster(slip, width);
    ASSERT_TRUE(img.has_value()) << img.error().Describe();
    const int below = RowBelowRule(*img);
    ASSERT_GT(below, 0);
    const Box number = BlackBox(*img, below, img->height);
    EXPECT_NEAR(number.height(), width / 4, 3) << width;
    EXPECT_NEAR((number.x0 + number.x1) / 2.0, width / 2.0, 3) << width;  // centred
  }
  // A long number shrinks to the width instead of being clipped.
  TicketSlip slip;
  slip.number = "A1023-B2047";
  auto img = RenderTicketRaster(slip, 576);
  ASSERT_TRUE(img.has_value());
  const Box number = BlackBox(*img, RowBelowRule(*img), img->height);
  EXPECT_GE(number.x0, 12);
  EXPECT_LE(number.x1, 576 - 13);
  EXPECT_LT(number.height(), 576 / 4);
}

TEST(RenderTicketRaster, DiacriticsAreDrawnAndNfdPrintsLikeNfc) {
  TicketSlip nfc;
  nfc.number = "B007";
  nfc.footer = kDiacritics;
  TicketSlip nfd = nfc;
  // "Nguyễn" with e + circumflex (U+0302) + tilde (U+0303), "Hoà" with a + grave (U+0300).
  nfd.footer = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Hoa\xCC\x80, U\xCC\x9Bu tie\xCC\x82n, \xC4\x91u\xCC\x9Bo\xCC\x9B\xCC\x80ng Quang Trung";
  TicketSlip bare = nfc;
  bare.footer = "Nguyen Thi Hoa, Uu tien, duong Quang Trung";
  auto a = RenderTicketRaster(nfc), b = RenderTicketRaster(nfd), c = RenderTicketRaster(bare);
  ASSERT_TRUE(a.has_value() && b.has_value() && c.has_value());
  EXPECT_EQ(a->pixels, b->pixels);
  EXPECT_NE(a->pixels, c->pixels);
}

TEST(RenderTicketRaster, OptionalPartsAreLeftOutWhenEmpty) {
  TicketSlip slip = SampleTicket();
  slip.qr_payload.clear();
  auto img = RenderTicketRaster(slip);
  ASSERT_TRUE(img.has_value());
  auto qr = scan::DecodeQr(*img);
  ASSERT_FALSE(qr.has_value());
  EXPECT_EQ(qr.error().rule, "no_qr_code");
  TicketSlip minimal;
  minimal.number = "C1";
  auto small = RenderTicketRaster(minimal);
  ASSERT_TRUE(small.has_value());
  EXPECT_LT(small->height, img->height / 2);
}

TEST(RenderTicketRaster, RejectsBadInputNamingFieldAndRule) {
  struct Case {
    TicketSlip slip;
    int width;
    const char* field;
    const char* rule;
  };
  auto with = [](auto change) {
    TicketSlip s = SampleTicket();
    change(s);
    return s;
  };
  const Case cases[] = {
      {with([](TicketSlip& s) { s.area_name = "Khu v\xff"; }), 576, "area_name", "bad_utf8"},
      {with([](TicketSlip& s) { s.footer = "\xc3"; }), 576, "footer", "bad_utf8"},
      {with([](TicketSlip& s) { s.qr_payload = "x\xfe"; }), 576, "qr_payload", "bad_utf8"},
      {with([](TicketSlip& s) { s.number = ""; }), 576, "number", "required"},
      {with([](TicketSlip& s) { s.number = "   "; }), 576, "number", "required"},
      {SampleTicket(), kMinTicketWidthDots - 1, "width_dots", "out_of_range"},
      {SampleTicket(), kMaxTicketWidthDots + 1, "width_dots", "out_of_range"},
      {SampleTicket(), 0, "width_dots", "out_of_range"},
      // 600 bytes need a version-22 symbol (105 modules): 113 x 4 dots with the quiet zone > 384.
      {with([](TicketSlip& s) { s.qr_payload = std::string(600, 'a'); }), 384, "qr_payload", "text_too_long"},
      // Beyond any QR version at level M.
      {with([](TicketSlip& s) { s.qr_payload = std::string(3000, 'a'); }), 576, "qr_payload", "text_too_long"},
  };
  for (const auto& c : cases) {
    auto r = RenderTicketRaster(c.slip, c.width);
    ASSERT_FALSE(r.has_value()) << c.field << "/" << c.rule;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().field, c.field) << r.error().detail;
    EXPECT_EQ(r.error().rule, c.rule) << r.error().detail;
  }
  // Both ends of the width range are accepted.
  EXPECT_TRUE(RenderTicketRaster(SampleTicket(), kMinTicketWidthDots).has_value());
  EXPECT_TRUE(RenderTicketRaster(SampleTicket(), kMaxTicketWidthDots).has_value());
}

TEST(WriteTicketPdf, WritesAnEightyMillimetrePageWithRealTextAndAReadableQr) {
  testing::TempDir dir;
  const std::string pdf = dir.File("ticket.pdf");
  TicketSlip slip = SampleTicket();
  ASSERT_TRUE(WriteTicketPdf(slip, pdf).has_value());
  const auto info = testing::GetPdfInfo(pdf);
  EXPECT_EQ(info.pages, 1) << info.raw;
  EXPECT_NEAR(info.width_pt, 80 * 72 / 25.4, 0.5) << info.raw;
  EXPECT_GT(info.height_pt, 200);
  const std::string text = testing::PdfText(pdf);
  for (const char* want : {"TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "A1023", "Ưu tiên: người cao tuổi",
                           "Trước quý khách: 12 người", "Thời gian chờ dự kiến: khoảng 25 phút", kDiacritics})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n in: " << text;
  const scan::GrayImage page = testing::RenderGray(pdf, 1, 300);
  ASSERT_GT(page.width, 0) << "pdftoppm failed";
  auto qr = scan::DecodeQr(page);
  ASSERT_TRUE(qr.has_value()) << qr.error().Describe();
  EXPECT_EQ(*qr, slip.qr_payload);
  EXPECT_TRUE(testing::SavePng(pdf, 1, 203, ScreensDir() + "/ticket-slip-pdf.png"));
}

TEST(WriteTicketPdf, UnwritablePathChangesNothing) {
  testing::TempDir dir;
  Status r = WriteTicketPdf(SampleTicket(), dir.File("missing/ticket.pdf"));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().field, "path");
  EXPECT_EQ(r.error().rule, "unwritable_path");
  TicketSlip bad = SampleTicket();
  bad.number = "";
  Status invalid = WriteTicketPdf(bad, dir.File("t.pdf"));
  ASSERT_FALSE(invalid.has_value());
  EXPECT_EQ(invalid.error().rule, "required");
  EXPECT_FALSE(std::filesystem::exists(dir.File("t.pdf")));
}

// Figures for the report (printed, not asserted beyond sanity): render time and job size.
TEST(RenderTicketRaster, TypicalTicketCostAndSize) {
  ASSERT_TRUE(RenderTicketRaster(SampleTicket()).has_value());  // loads fontconfig
  constexpr int kRuns = 20;
  std::size_t bytes = 0;
  int height = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRuns; ++i) {
    auto img = RenderTicketRaster(SampleTicket());
    ASSERT_TRUE(img.has_value());
    height = img->height;
    bytes = EncodeRasterJob(*img).size();
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / kRuns;
  std::cout << "[ figures  ] sample ticket 576 x " << height << " dots (" << height / 8.0 << " mm), job "
            << bytes << " bytes, render " << ms << " ms per ticket\n";
  EXPECT_LT(ms, 500);
}

}  // namespace
}  // namespace motcua::print
