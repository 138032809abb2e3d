// common/text.h CheckTextLine: what a name, an address or a reason may hold.
#include "common/text.h"

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
