#include "ui_imgui/fonts.h"

#include <gtest/gtest.h>

#include <string>

#include "ui_imgui/headless.h"
#include "ui_model/strings.h"

namespace motcua::ui {
namespace {

// Decodes UTF-8 into code points (the table is validated UTF-8 by tests/ui_model).
std::vector<unsigned> CodePoints(std::string_view s) {
  std::vector<unsigned> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    unsigned c = 0;
    int n = 0;
    if (b < 0x80) { c = b; n = 1; }
    else if (b < 0xE0) { c = b & 0x1F; n = 2; }
    else if (b < 0xF0) { c = b & 0x0F; n = 3; }
    else { c = b & 0x07; n = 4; }
    for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

class FontsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = HeadlessUi::Create();
    ASSERT_TRUE(created.has_value()) << created.error().Describe();
    ui = std::move(created).value();
  }
  std::unique_ptr<HeadlessUi> ui;
};

TEST_F(FontsTest, EveryCharacterOfEveryUiStringHasAGlyphInEveryFont) {
  for (FontRole role : {FontRole::kBody, FontRole::kBodyBold, FontRole::kHeading, FontRole::kLarge}) {
    ImFont* font = GetFont(role);
    ASSERT_NE(font, nullptr);
    for (const UiString& s : AllStrings()) {
      for (std::string_view text : {s.vi, s.en}) {
        for (unsigned c : CodePoints(text)) {
          ASSERT_LE(c, 0xFFFFu) << "ImWchar is 16-bit in Debian's build (stack.md §3)";
          EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
              << s.key << ": U+" << std::hex << c << " would render as '?' (font " << static_cast<int>(role) << ")";
        }
      }
    }
  }
}

TEST_F(FontsTest, CoversVietnameseCapitalsWithStackedMarksAndPunctuation) {
  // The letters stack.md §4 lists as the hard cases, plus — “ ” … ₫ € №.
  const std::string hard = "ứồỦĐảòộẫậặẳỗữựỹỸỞỢỮ ỒN ẨN ỄN ẬT ẶC ẲN ỮA ỰC ĐẶNG ỦY — “ ” … ₫ € №";
  ImFont* body = GetFont(FontRole::kBody);
  for (unsigned c : CodePoints(hard))
    EXPECT_NE(body->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr) << "U+" << std::hex << c;
}

TEST_F(FontsTest, LeavesCombiningMarksOutSoNfdShowsUpAsWrong) {
  // NFD input must be normalised before display; the atlas deliberately has no U+0300..0323.
  EXPECT_EQ(GetFont(FontRole::kBody)->FindGlyphNoFallback(0x0300), nullptr);
}

TEST_F(FontsTest, LoadsFourFontsAtTheThemeSizes) {
  const ThemeMetrics& m = CurrentMetrics();
  EXPECT_EQ(ImGui::GetIO().Fonts->Fonts.Size, 4);
  EXPECT_EQ(GetFont(FontRole::kBody)->FontSize, m.body_px);
  EXPECT_EQ(GetFont(FontRole::kHeading)->FontSize, m.heading_px);
  EXPECT_EQ(GetFont(FontRole::kLarge)->FontSize, m.large_px);
  // FreeType keeps the counter's atlas small (stack.md §4: 512x1024 for one font at 28 px).
  EXPECT_LE(ImGui::GetIO().Fonts->TexWidth * ImGui::GetIO().Fonts->TexHeight, 2048 * 2048);
  std::printf("counter atlas: %dx%d\n", ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight);
}

TEST_F(FontsTest, MissingFontFileIsUnavailableOnFontPath) {
  FontOptions o;
  o.bold_path = "/nonexistent/NotoSans-Bold.ttf";
  const Status s = LoadFonts(o);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().field, "font_path");
  EXPECT_EQ(s.error().rule, "font_missing");
}

TEST(UiGlyphRanges, AddsPunctuationDongAndNumeroToVietnamese) {
  bool has_dash = false, has_dong = false, has_numero = false, has_a_breve = false;
  for (const ImWchar* r = UiGlyphRanges(); r[0] != 0; r += 2) {
    auto in = [&](unsigned c) { return r[0] <= c && c <= r[1]; };
    has_dash |= in(0x2014);
    has_dong |= in(0x20AB);
    has_numero |= in(0x2116);
    has_a_breve |= in(0x0103);
  }
  EXPECT_TRUE(has_dash);
  EXPECT_TRUE(has_dong);
  EXPECT_TRUE(has_numero);
  EXPECT_TRUE(has_a_breve);
}

}  // namespace
}  // namespace motcua::ui
