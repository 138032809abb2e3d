// The ESC/POS byte protocol (print/escpos.h): raster jobs byte for byte, their decoder, and the
// DLE EOT status answers bit by bit (Epson ESC/POS Command Reference, DLE EOT).
#include "print/escpos.h"

#include <gtest/gtest.h>

#include <random>

namespace motcua::print {
namespace {

scan::GrayImage Blank(int w, int h) { return {w, h, std::vector<std::uint8_t>(std::size_t(w) * h, 255)}; }
void Black(scan::GrayImage& img, int x, int y) { img.pixels[std::size_t(y) * img.width + x] = 0; }

std::string Bytes(std::initializer_list<int> list) {
  std::string s;
  for (int b : list) s += char(b);
  return s;
}

// Worked example: a 10 x 3 image. Row 0: dots at x = 0 and x = 9; row 1: all ten; row 2: none.
// 10 dots pad to 2 bytes per row; x = 9 is the second byte's bit 6 (0x40); x = 8, 9 give 0xc0.
scan::GrayImage TenByThree() {
  scan::GrayImage img = Blank(10, 3);
  Black(img, 0, 0);
  Black(img, 9, 0);
  for (int x = 0; x < 10; ++x) Black(img, x, 1);
  return img;
}

TEST(EncodeRasterJob, TenByThreeGivesExactBytes) {
  const std::string expected = Bytes({0x1b, 0x40,                                      // ESC @
                                      0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00,  // GS v 0: 2 x 3
                                      0x80, 0x40, 0xff, 0xc0, 0x00, 0x00,              // rows
                                      0x1b, 0x64, 0x03,                                // ESC d 3
                                      0x1d, 0x56, 0x42, 0x00});                        // GS V 66 0
  EXPECT_EQ(EncodeRasterJob(TenByThree()), expected);
  EXPECT_EQ(EncodeRasterJob(TenByThree(), /*cut=*/false), expected.substr(0, expected.size() - 4));
}

TEST(EncodeRasterJob, GreyBelowHalfPrintsAndAboveDoesNot) {
  scan::GrayImage img = Blank(8, 1);
  img.pixels[0] = 127;  // prints
  img.pixels[1] = 128;  // does not
  const std::string job = EncodeRasterJob(img, false);
  EXPECT_EQ(std::uint8_t(job[10]), 0x80);
}

TEST(EncodeRasterJob, SplitsTallImagesInto255RowBands) {
  const std::string job = EncodeRasterJob(Blank(16, 600));
  // Bands of 255, 255 and 90 rows, each 2 bytes wide.
  std::size_t at = 2;
  for (int rows : {255, 255, 90}) {
    ASSERT_EQ(job.substr(at, 8), Bytes({0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, rows, 0x00})) << "band at " << at;
    at += 8 + 2 * std::size_t(rows);
  }
  EXPECT_EQ(job.substr(at), Bytes({0x1b, 0x64, 0x03, 0x1d, 0x56, 0x42, 0x00}));
}

TEST(EncodeRasterJob, EmptyImageIsInitFeedAndCut) {
  EXPECT_EQ(EncodeRasterJob(scan::GrayImage{}), Bytes({0x1b, 0x40, 0x1b, 0x64, 0x03, 0x1d, 0x56, 0x42, 0x00}));
}

// Data bytes 10 04 would be taken by the printer as DLE EOT (a status request) in mid-image.
TEST(EncodeRasterJob, NeverSendsARealTimeSequenceInImageData) {
  for (int second : {0x04, 0x05, 0x14}) {
    scan::GrayImage img = Blank(16, 1);
    Black(img, 3, 0);  // byte 0 = 0x10
    for (int bit = 0; bit < 8; ++bit)
      if (second & (0x80 >> bit)) Black(img, 8 + bit, 0);
    const std::string job = EncodeRasterJob(img, false);
    EXPECT_EQ(std::uint8_t(job[10]), 0x18) << "second byte " << second;
    EXPECT_EQ(std::uint8_t(job[11]), second);
    // What prints: one extra dot at x = 4, beside the dot at x = 3.
    auto decoded = DecodeRasterJob(job);
    ASSERT_TRUE(decoded.has_value()) << decoded.error().Describe();
    scan::GrayImage expected = img;
    Black(expected, 4, 0);
    EXPECT_EQ(decoded->pixels, expected.pixels);
  }
  // 0x10 followed by anything else is sent as it is.
  scan::GrayImage img = Blank(16, 1);
  Black(img, 3, 0);
  Black(img, 8, 0);  // second byte 0x80
  EXPECT_EQ(std::uint8_t(EncodeRasterJob(img)[10]), 0x10);
}

TEST(DecodeRasterJob, TenByThreeDecodesToThePaddedImage) {
  auto decoded = DecodeRasterJob(EncodeRasterJob(TenByThree()));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().Describe();
  EXPECT_EQ(decoded->width, 16);
  EXPECT_EQ(decoded->height, 3);
  const scan::GrayImage original = TenByThree();
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 16; ++x)
      EXPECT_EQ(decoded->pixels[std::size_t(y) * 16 + x], x < 10 ? original.pixels[std::size_t(y) * 10 + x] : 255)
          << x << "," << y;
}

// Property (fixed seed): a random 0/255 image decodes back to itself, except the dots the
// real-time guard adds, and its job holds no real-time sequence inside image data.
TEST(DecodeRasterJob, RoundTripsRandomImages) {
  const unsigned seed = 20261207;
  std::mt19937 rng(seed);
  for (int trial = 0; trial < 20; ++trial) {
    const int w = 8 + int(rng() % 600), h = 1 + int(rng() % 700);
    scan::GrayImage img = Blank(w, h);
    for (auto& p : img.pixels) p = (rng() & 1) ? 0 : 255;
    const std::string job = EncodeRasterJob(img);
    auto decoded = DecodeRasterJob(job);
    ASSERT_TRUE(decoded.has_value()) << "seed " << seed << " trial " << trial << ": " << decoded.error().Describe();
    ASSERT_EQ(decoded->height, h);
    ASSERT_EQ(decoded->width, (w + 7) / 8 * 8);
    int added = 0;
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < decoded->width; ++x) {
        const std::uint8_t want = x < w ? img.pixels[std::size_t(y) * w + x] : 255;
        const std::uint8_t got = decoded->pixels[std::size_t(y) * decoded->width + x];
        if (want == got) continue;
        // Only the guard's dot: bit 4 of a byte that was 0x10 (x % 8 == 4), now black.
        ASSERT_EQ(x % 8, 4) << "seed " << seed << " trial " << trial << " at " << x << "," << y;
        ASSERT_EQ(got, 0);
        ++added;
      }
    // No band data holds 10 04 / 10 05 / 10 14.
    for (std::size_t i = 2; i + 1 < job.size(); ++i)
      if (job[i] == 0x10) {
        ASSERT_TRUE(job[i + 1] != 0x04 && job[i + 1] != 0x05 && job[i + 1] != 0x14) << i;
      }
    (void)added;
  }
}

TEST(DecodeRasterJob, RejectsBrokenJobsNamingTheRule) {
  const std::string good = EncodeRasterJob(TenByThree());
  struct Case {
    std::string bytes;
    const char* rule;
  } cases[] = {
      {"", "missing_init"},
      {good.substr(2), "missing_init"},
      {good.substr(0, 12), "truncated"},              // band data cut short
      {good.substr(0, 6), "truncated"},               // band header cut short
      {Bytes({0x1b, 0x40, 0x1b, 0x64}), "truncated"},  // ESC d without n
      {Bytes({0x1b, 0x40, 0x1d, 0x76, 0x30, 0x01, 0x01, 0x00, 0x01, 0x00, 0xff}), "bad_band"},  // double width
      {Bytes({0x1b, 0x40, 0x1d, 0x76, 0x30, 0x00, 0x00, 0x00, 0x01, 0x00}), "bad_band"},        // zero width
      {Bytes({0x1b, 0x40, 0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0xff, 0x1d, 0x76, 0x30, 0x00, 0x02, 0x00,
              0x01, 0x00, 0xff, 0xff}),
       "bad_band"},  // width changes between bands
      {good + "x", "unexpected_byte"},                // after the cut
      {Bytes({0x1b, 0x40, 0x41}), "unexpected_byte"},
      {Bytes({0x1b, 0x40, 0x1d, 0x56, 0x30, 0x00}), "unexpected_byte"},  // GS V 48: a full cut we never send
  };
  for (const auto& c : cases) {
    auto r = DecodeRasterJob(c.bytes);
    ASSERT_FALSE(r.has_value()) << c.rule;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().field, "bytes");
    EXPECT_EQ(r.error().rule, c.rule) << r.error().detail;
  }
}

TEST(StatusRequest, IsDleEotN) {
  EXPECT_EQ(StatusRequest(1), Bytes({0x10, 0x04, 0x01}));
  EXPECT_EQ(StatusRequest(4), Bytes({0x10, 0x04, 0x04}));
}

// One row per bit the Epson reference defines, each set alone on an otherwise ready printer.
TEST(ParsePrinterStatus, ReadsEachEpsonBit) {
  struct Case {
    int n;             // which answer (1..4) carries the bit
    std::uint8_t raw;  // that answer
    const char* what;
    bool online, cover_open, paper_out, paper_near_end, error, mechanical, autocutter, unrecoverable, autorecover;
  } cases[] = {
      {1, 0x12, "ready", true, false, false, false, false, false, false, false, false},
      {1, 0x16, "n1 bit 2: drawer pin 3 high (not a problem)", true, false, false, false, false, false, false, false, false},
      {1, 0x1a, "n1 bit 3: offline", false, false, false, false, false, false, false, false, false},
      {1, 0x32, "n1 bit 5: waiting for online recovery (online bit still clear)", true, false, false, false, false, false, false, false, false},
      {1, 0x52, "n1 bit 6: feed button pressed", true, false, false, false, false, false, false, false, false},
      {2, 0x16, "n2 bit 2: cover open", true, true, false, false, false, false, false, false, false},
      {2, 0x1a, "n2 bit 3: paper fed by the button", true, false, false, false, false, false, false, false, false},
      {2, 0x32, "n2 bit 5: stopped by paper end", true, false, true, false, false, false, false, false, false},
      {2, 0x52, "n2 bit 6: error", true, false, false, false, true, false, false, false, false},
      {3, 0x16, "n3 bit 2: mechanical error", true, false, false, false, true, true, false, false, false},
      {3, 0x1a, "n3 bit 3: autocutter error", true, false, false, false, true, false, true, false, false},
      {3, 0x32, "n3 bit 5: unrecoverable error", true, false, false, false, true, false, false, true, false},
      {3, 0x52, "n3 bit 6: auto-recoverable error", true, false, false, false, true, false, false, false, true},
      {4, 0x1e, "n4 bits 2,3: near end", true, false, false, true, false, false, false, false, false},
      {4, 0x16, "n4 bit 2 alone: near end", true, false, false, true, false, false, false, false, false},
      {4, 0x72, "n4 bits 5,6: paper end", true, false, true, false, false, false, false, false, false},
      {4, 0x52, "n4 bit 6 alone: paper end", true, false, true, false, false, false, false, false, false},
  };
  for (const auto& c : cases) {
    std::array<std::uint8_t, 4> raw{0x12, 0x12, 0x12, 0x12};
    raw[c.n - 1] = c.raw;
    auto s = ParsePrinterStatus(raw);
    ASSERT_TRUE(s.has_value()) << c.what << ": " << s.error().Describe();
    EXPECT_EQ(s->online, c.online) << c.what;
    EXPECT_EQ(s->cover_open, c.cover_open) << c.what;
    EXPECT_EQ(s->paper_out, c.paper_out) << c.what;
    EXPECT_EQ(s->paper_near_end, c.paper_near_end) << c.what;
    EXPECT_EQ(s->error, c.error) << c.what;
    EXPECT_EQ(s->mechanical_error, c.mechanical) << c.what;
    EXPECT_EQ(s->autocutter_error, c.autocutter) << c.what;
    EXPECT_EQ(s->unrecoverable_error, c.unrecoverable) << c.what;
    EXPECT_EQ(s->auto_recoverable_error, c.autorecover) << c.what;
    EXPECT_EQ(s->raw, raw);
  }
}

TEST(ParsePrinterStatus, RejectsBytesWithWrongFixedBits) {
  struct Case {
    int index;
    std::uint8_t raw;
  } cases[] = {{0, 0x00}, {1, 0x10}, {2, 0x02}, {3, 0x13}, {0, 0x92}, {3, 'A'}};
  for (const auto& c : cases) {
    std::array<std::uint8_t, 4> raw{0x12, 0x12, 0x12, 0x12};
    raw[c.index] = c.raw;
    auto s = ParsePrinterStatus(raw);
    ASSERT_FALSE(s.has_value()) << int(c.raw);
    EXPECT_EQ(s.error().rule, "bad_status_byte");
    EXPECT_EQ(s.error().field, "raw[" + std::to_string(c.index) + "]");
  }
}

TEST(CheckReady, RefusesWithOneRulePerCauseInOrder) {
  auto status = [](std::array<std::uint8_t, 4> raw) { return ParsePrinterStatus(raw).value(); };
  struct Case {
    std::array<std::uint8_t, 4> raw;
    const char* rule;  // "" = ready
  } cases[] = {
      {{0x12, 0x12, 0x12, 0x12}, ""},
      {{0x12, 0x12, 0x12, 0x1e}, ""},                       // near end: still prints
      {{0x1a, 0x16, 0x12, 0x12}, "printer_cover_open"},
      {{0x1a, 0x16, 0x12, 0x7e}, "printer_cover_open"},     // cover open wins over the paper sensor
      {{0x1a, 0x32, 0x12, 0x7e}, "printer_paper_out"},      // as the stand-in answers
      {{0x12, 0x12, 0x12, 0x72}, "printer_paper_out"},      // end sensor alone
      {{0x1a, 0x52, 0x1a, 0x12}, "printer_error"},          // autocutter jam
      {{0x12, 0x12, 0x32, 0x12}, "printer_error"},
      {{0x1a, 0x12, 0x12, 0x12}, "printer_offline"},        // offline, no cause given
  };
  for (const auto& c : cases) {
    Status r = CheckReady(status(c.raw));
    if (std::string(c.rule).empty()) {
      EXPECT_TRUE(r.has_value()) << r.error().Describe();
      continue;
    }
    ASSERT_FALSE(r.has_value()) << c.rule;
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(r.error().field, "printer");
    EXPECT_EQ(r.error().rule, c.rule) << r.error().detail;
  }
}

}  // namespace
}  // namespace motcua::print
