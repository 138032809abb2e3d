// common/text.h CheckTextLine: what a name, an address or a reason may hold; NormalizeNfc.
#include "common/text.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <gtest/gtest.h>

namespace motcua {
namespace {

void ExpectRule(std::string_view text, int cap, const char* rule) {
  auto s = CheckTextLine(text, "name", cap);
  ASSERT_FALSE(s.has_value()) << "accepted: " << text;
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(s.error().field, "name");
  EXPECT_EQ(s.error().rule, rule) << s.error().Describe();
}

TEST(CheckTextLine, AcceptsVietnameseTextAndCountsCharactersNotBytes) {
  EXPECT_TRUE(CheckTextLine("Nguyễn Thị Hồng Nhung", "name", 21));  // 21 characters, 30 bytes
  ExpectRule("Nguyễn Thị Hồng Nhung!", 21, "too_long");
  EXPECT_TRUE(CheckTextLine("", "name", 0));
  EXPECT_TRUE(CheckTextLine("Tổ 5 – phường Phan Thiết (cũ)", "name", 100));
}

// The list (ESC, CR, LF, NUL), the rest of C0, DEL and C1, and the characters that reorder or
// break what is printed.
TEST(CheckTextLine, RefusesControlAndReorderingCharacters) {
  for (std::string_view bad : {std::string_view("a\x1b[2Jb"), std::string_view("a\rb"), std::string_view("a\nb"),
                               std::string_view("a\0b", 3), std::string_view("a\tb"), std::string_view("a\x7f"),
                               std::string_view("a\xc2\x85"),        // U+0085 NEXT LINE (C1)
                               std::string_view("a\xe2\x80\xa8"),    // U+2028 LINE SEPARATOR
                               std::string_view("a\xe2\x80\xae"),    // U+202E RIGHT-TO-LEFT OVERRIDE
                               std::string_view("a\xe2\x81\xa6")})   // U+2066 LEFT-TO-RIGHT ISOLATE
    ExpectRule(bad, 100, "control_character");
  auto s = CheckTextLine("a\x1b", "name", 100);
  EXPECT_EQ(s.error().detail, "name contains the control character U+001B");
}

TEST(CheckTextLine, RefusesInvalidUtf8) {
  ExpectRule("X\xff", 100, "bad_utf8");
  ExpectRule("\xe1\xbb", 100, "bad_utf8");  // a cut sequence
}

}  // namespace
}  // namespace motcua

TEST(CapitalizeFirst, UpperCasesTheFirstLetterWithItsMarks) {
  EXPECT_EQ(motcua::CapitalizeFirst("hộ tịch"), "Hộ tịch");
  EXPECT_EQ(motcua::CapitalizeFirst("đất đai"), "Đất đai");
  EXPECT_EQ(motcua::CapitalizeFirst("ưu tiên"), "Ưu tiên");
  EXPECT_EQ(motcua::CapitalizeFirst("o\xCC\x9B\xCC\x80 đâu"), "Ờ đâu");  // NFD in, NFC out
  EXPECT_EQ(motcua::CapitalizeFirst("Căn cước"), "Căn cước");
  EXPECT_EQ(motcua::CapitalizeFirst(""), "");
  EXPECT_EQ(motcua::CapitalizeFirst("\xFF" "abc"), "\xFF" "abc");  // invalid UTF-8 unchanged
}

// NormalizeNfc leaves text of a few ranges alone without asking ICU (text.cpp IsPlainNfc): below
// U+0300, U+1E00-U+1EFF and U+2010-U+2027. That holds only if every code point there is NFC as it
// stands, whatever surrounds it: NFC_Quick_Check=Yes and combining class 0. Checked here against ICU's
// Unicode data, every code point of the three ranges (and the first one past each, which is not).
TEST(NormalizeNfc, TheRangesItTrustsAreNfcInIcuData) {
  const UChar32 ranges[][2] = {{0x0000, 0x02FF}, {0x1E00, 0x1EFF}, {0x2010, 0x2027}};
  for (const auto& range : ranges) {
    for (UChar32 c = range[0]; c <= range[1]; ++c) {
      EXPECT_EQ(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK), UNORM_YES) << std::hex << "U+" << c;
      EXPECT_EQ(u_getCombiningClass(c), 0) << std::hex << "U+" << c;
    }
  }
  EXPECT_NE(u_getCombiningClass(0x0300), 0) << "U+0300 is a combining mark: outside the first range";
}

TEST(NormalizeNfc, ComposesMarksAfterTrustedLetters) {
  // Worked examples: NFD input (a letter, then combining marks) comes out composed, whether the letter
  // is ASCII, Latin-1 or Latin Extended Additional; NFC input comes out unchanged.
  EXPECT_EQ(motcua::NormalizeNfc("e\xCC\x81"), "é");                       // e + U+0301
  EXPECT_EQ(motcua::NormalizeNfc("Nguye\xCC\x82\xCC\x83n"), "Nguyễn");      // e + U+0302 + U+0303
  EXPECT_EQ(motcua::NormalizeNfc("\xE1\xBA\xA1\xCC\x82"), "ậ");             // ạ (U+1EA1) + U+0302
  EXPECT_EQ(motcua::NormalizeNfc("o\xCC\x9B\xCC\x80"), "ờ");               // o + U+031B + U+0300
  for (const char* nfc : {"Đăng ký khai sinh", "UBND xã Yên Sơn – “Một cửa”…", "Ưu tiên", "", "abc"})
    EXPECT_EQ(motcua::NormalizeNfc(nfc), nfc);
  // Outside the ranges ICU decides: Ω (U+2126 OHM SIGN) is not NFC; its NFC is U+03A9.
  EXPECT_EQ(motcua::NormalizeNfc("\xE2\x84\xA6"), "\xCE\xA9");
  EXPECT_EQ(motcua::NormalizeNfc("\xFF" "abc"), "\xFF" "abc");  // invalid UTF-8 unchanged
}
