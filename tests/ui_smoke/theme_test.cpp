#include "ui_imgui/theme.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "ui_imgui/headless.h"
#include "ui_imgui/widgets.h"

namespace motcua::ui {
namespace {

TEST(ContrastRatio, MatchesWcagWorkedExamples) {
  // WCAG 2: black on white is 21:1; a colour on itself is 1:1; #767676 on white is ~4.54:1.
  EXPECT_NEAR(ContrastRatio(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)), 21.0f, 0.01f);
  EXPECT_NEAR(ContrastRatio(ImVec4(0.5f, 0.2f, 0.1f, 1), ImVec4(0.5f, 0.2f, 0.1f, 1)), 1.0f, 1e-4f);
  const float grey = 0x76 / 255.0f;
  EXPECT_NEAR(ContrastRatio(ImVec4(grey, grey, grey, 1), ImVec4(1, 1, 1, 1)), 4.54f, 0.01f);
}

// Every text/background pair a theme draws, as (name, text, background).
struct ColorPair {
  std::string name;
  ImVec4 text;
  ImVec4 background;
};

std::vector<ColorPair> PairsOfCurrentTheme() {
  const ImGuiStyle& s = ImGui::GetStyle();
  const ImVec4* c = s.Colors;
  std::vector<ColorPair> pairs;
  for (auto [name, bg] : {std::pair{"WindowBg", ImGuiCol_WindowBg}, std::pair{"ChildBg", ImGuiCol_ChildBg},
                          std::pair{"PopupBg", ImGuiCol_PopupBg}, std::pair{"FrameBg", ImGuiCol_FrameBg},
                          std::pair{"Button", ImGuiCol_Button}, std::pair{"ButtonHovered", ImGuiCol_ButtonHovered},
                          std::pair{"ButtonActive", ImGuiCol_ButtonActive}, std::pair{"Header", ImGuiCol_Header},
                          std::pair{"HeaderHovered", ImGuiCol_HeaderHovered},
                          std::pair{"HeaderActive", ImGuiCol_HeaderActive},
                          std::pair{"TextSelectedBg", ImGuiCol_TextSelectedBg}})
    pairs.push_back({std::string("Text on ") + name, c[ImGuiCol_Text], c[bg]});
  pairs.push_back({"TextDisabled on WindowBg", c[ImGuiCol_TextDisabled], c[ImGuiCol_WindowBg]});
  pairs.push_back({"TextDisabled on ChildBg", c[ImGuiCol_TextDisabled], c[ImGuiCol_ChildBg]});
  const char* tone_names[] = {"neutral", "info", "success", "warning", "danger"};
  for (Tone t : {Tone::kNeutral, Tone::kInfo, Tone::kSuccess, Tone::kWarning, Tone::kDanger}) {
    const ToneColors tc = ColorsFor(t);
    const std::string tone = tone_names[static_cast<int>(t)];
    pairs.push_back({tone + " text on fill", tc.text, tc.fill});
    pairs.push_back({tone + " text on hovered fill", tc.text, tc.fill_hovered});
    pairs.push_back({tone + " text on pressed fill", tc.text, tc.fill_active});
  }
  return pairs;
}

// WCAG 2.1 SC 1.4.3 (AA): 4.5:1 for body text; SC 1.4.6 (AAA): 7:1. The kiosk's own text pairs
// (issue 13) and everything in high contrast meet AAA; the rest meets AA.
float NeededRatio(ThemeKind kind, ThemeVariant variant, const std::string& pair) {
  if (variant.high_contrast) return 7.0f;
  const bool is_text_pair = pair.rfind("Text on ", 0) == 0 && pair.find("Selected") == std::string::npos;
  if (kind == ThemeKind::kKiosk && is_text_pair) return 7.0f;
  return 4.5f;
}

struct ThemeCase {
  ThemeKind kind;
  ThemeVariant variant;
};

std::string CaseName(const ::testing::TestParamInfo<ThemeCase>& info) {
  std::string name = info.param.kind == ThemeKind::kKiosk ? "Kiosk" : "Counter";
  if (info.param.variant.large_text) name += "LargeText";
  if (info.param.variant.high_contrast) name += "HighContrast";
  return name;
}

class ThemeVariantTest : public ::testing::TestWithParam<ThemeCase> {};

TEST_P(ThemeVariantTest, EveryTextPairMeetsWcagAa) {
  const ThemeCase tc = GetParam();
  auto ui = HeadlessUi::Create({.theme = tc.kind, .variant = tc.variant});
  ASSERT_TRUE(ui.has_value()) << ui.error().Describe();
  for (const ColorPair& p : PairsOfCurrentTheme()) {
    const float ratio = ContrastRatio(p.text, p.background);
    EXPECT_GE(ratio, NeededRatio(tc.kind, tc.variant, p.name)) << p.name << ": " << ratio << ":1";
    EXPECT_GE(ratio, 4.5f) << p.name;
  }
}

TEST_P(ThemeVariantTest, KioskSizesHoldInEveryVariant) {
  const ThemeCase tc = GetParam();
  const ThemeMetrics m = MetricsFor(tc.kind, 1.0f, tc.variant);
  const ThemeMetrics normal = MetricsFor(tc.kind, 1.0f, {.high_contrast = tc.variant.high_contrast});
  EXPECT_EQ(m.variant, tc.variant);
  if (tc.kind == ThemeKind::kKiosk) {
    EXPECT_GE(m.body_px, 28.0f);
    EXPECT_GE(m.touch_target_px, 64.0f);
  }
  if (tc.variant.large_text) {
    EXPECT_GE(m.body_px, 1.3f * normal.body_px);
    EXPECT_GE(m.heading_px, 1.3f * normal.heading_px);
    EXPECT_GE(m.large_px, 1.3f * normal.large_px);
    EXPECT_GE(m.touch_target_px, 1.3f * normal.touch_target_px);
    EXPECT_GE(m.big_button_height_px, 1.3f * normal.big_button_height_px);
  }
}

INSTANTIATE_TEST_SUITE_P(
    AllThemes, ThemeVariantTest,
    ::testing::Values(ThemeCase{ThemeKind::kCounter, {}}, ThemeCase{ThemeKind::kCounter, {.large_text = true}},
                      ThemeCase{ThemeKind::kCounter, {.high_contrast = true}},
                      ThemeCase{ThemeKind::kCounter, {.large_text = true, .high_contrast = true}},
                      ThemeCase{ThemeKind::kKiosk, {}}, ThemeCase{ThemeKind::kKiosk, {.large_text = true}},
                      ThemeCase{ThemeKind::kKiosk, {.high_contrast = true}},
                      ThemeCase{ThemeKind::kKiosk, {.large_text = true, .high_contrast = true}}),
    CaseName);

TEST(KioskTheme, HighContrastIsLightOnBlackWithThickOutlines) {
  auto ui = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .variant = {.high_contrast = true}});
  ASSERT_TRUE(ui.has_value()) << ui.error().Describe();
  const ImGuiStyle& s = ImGui::GetStyle();
  EXPECT_NEAR(ContrastRatio(s.Colors[ImGuiCol_WindowBg], ImVec4(0, 0, 0, 1)), 1.0f, 1e-3f);
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_Text], s.Colors[ImGuiCol_WindowBg]), 20.0f);
  // Buttons are black like the window: the outline shows where they are, so it must stand out.
  EXPECT_GE(s.FrameBorderSize, 3.0f);
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_Border], s.Colors[ImGuiCol_WindowBg]), 7.0f);
  EXPECT_GT(CurrentMetrics().error_border_px, s.FrameBorderSize);
  // Every tone fill is light, under black text, so a banner stands out from the black window.
  for (Tone t : {Tone::kNeutral, Tone::kInfo, Tone::kSuccess, Tone::kWarning, Tone::kDanger}) {
    EXPECT_NEAR(ContrastRatio(ColorsFor(t).text, ImVec4(0, 0, 0, 1)), 1.0f, 1e-3f) << static_cast<int>(t);
    EXPECT_GE(ContrastRatio(ColorsFor(t).fill, s.Colors[ImGuiCol_WindowBg]), 7.0f) << static_cast<int>(t);
  }
}

TEST(KioskTheme, LargeTextKeepsEveryClickableItemATouchTarget) {
  auto ui = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .variant = {.large_text = true},
                                .width_px = 1080, .height_px = 1920});
  ASSERT_TRUE(ui.has_value()) << ui.error().Describe();
  float raw_button_px = 0, font_px = 0;
  auto draw = [&] {
    ImGui::Begin("kiosk");
    Button("Tra cứu hồ sơ##plain");
    BigButton("Đánh giá##big");
    ImGui::Button("Nút ImGui");
    raw_button_px = ImGui::GetItemRectSize().y;
    font_px = ImGui::GetFontSize();
    ImGui::End();
  };
  (*ui)->Frames(2, draw);
  const ThemeMetrics& m = CurrentMetrics();
  EXPECT_EQ(font_px, m.body_px);
  EXPECT_EQ(m.body_px, 39.0f);  // 30 px x 1.3
  EXPECT_GE(FindItemRect("plain")->Height(), m.touch_target_px);
  EXPECT_GE(FindItemRect("big")->Height(), m.big_button_height_px);
  EXPECT_GE(raw_button_px, m.touch_target_px);
}

TEST(HeadlessUi, SwitchesTheVariantBetweenFrames) {
  auto created = HeadlessUi::Create({.theme = ThemeKind::kKiosk});
  ASSERT_TRUE(created.has_value()) << created.error().Describe();
  HeadlessUi& ui = **created;
  float font_px = 0;
  ImVec4 text;
  auto draw = [&] {
    ImGui::Begin("w");
    TextIn(FontRole::kBody, "Mời bạn chọn thủ tục");
    font_px = ImGui::GetFontSize();
    text = ImGui::GetStyle().Colors[ImGuiCol_Text];
    ImGui::End();
  };
  ui.Frame(draw);
  EXPECT_EQ(font_px, 30.0f);
  ASSERT_TRUE(ui.SetThemeVariant({.large_text = true, .high_contrast = true}).has_value());
  ui.Frame(draw);
  EXPECT_EQ(font_px, 39.0f);
  EXPECT_EQ(text.x, 1.0f);  // white text
  ASSERT_TRUE(ui.SetThemeVariant({}).has_value());
  ui.Frame(draw);
  EXPECT_EQ(font_px, 30.0f);
  EXPECT_EQ(text.x, 0.0f);
}

class ThemeTest : public ::testing::TestWithParam<ThemeKind> {};

TEST_P(ThemeTest, TextContrastMeetsTheThemesLevel) {
  auto ui = HeadlessUi::Create({.theme = GetParam()});
  ASSERT_TRUE(ui.has_value()) << ui.error().Describe();
  const ImGuiStyle& s = ImGui::GetStyle();
  // Kiosk: WCAG AAA (7:1) for the public; counter: AA (4.5:1) for staff at a desk.
  const float need = GetParam() == ThemeKind::kKiosk ? 7.0f : 4.5f;
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_Text], s.Colors[ImGuiCol_WindowBg]), need);
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_Text], s.Colors[ImGuiCol_ChildBg]), need);
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_Text], s.Colors[ImGuiCol_FrameBg]), need);
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_Text], s.Colors[ImGuiCol_Button]), need);
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_Text], s.Colors[ImGuiCol_ButtonHovered]), need);
  EXPECT_GE(ContrastRatio(s.Colors[ImGuiCol_TextDisabled], s.Colors[ImGuiCol_WindowBg]), 4.5f);
  for (Tone t : {Tone::kNeutral, Tone::kInfo, Tone::kSuccess, Tone::kWarning, Tone::kDanger}) {
    const ToneColors c = ColorsFor(t);
    EXPECT_GE(ContrastRatio(c.text, c.fill), 4.5f) << "tone " << static_cast<int>(t);
  }
}

INSTANTIATE_TEST_SUITE_P(BothThemes, ThemeTest,
                         ::testing::Values(ThemeKind::kCounter, ThemeKind::kKiosk));

TEST(KioskTheme, EveryClickableItemIsAtLeast64PxTallAtScale1) {
  auto ui = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .scale = 1.0f, .width_px = 1080, .height_px = 1920});
  ASSERT_TRUE(ui.has_value()) << ui.error().Describe();
  std::string text;
  float imgui_button_px = 0, imgui_input_px = 0;
  auto draw = [&] {
    ImGui::Begin("kiosk");
    Button("Lấy số thứ tự##plain");
    BigButton("Đánh giá##big");
    Button("OK##short");
    TextField("##field", &text);
    ImGui::Button("Nút ImGui");  // a raw ImGui button inherits the theme's padding
    imgui_button_px = ImGui::GetItemRectSize().y;
    char raw[16] = "";
    ImGui::InputText("##raw", raw, sizeof raw);
    imgui_input_px = ImGui::GetItemRectSize().y;
    ImGui::End();
  };
  (*ui)->Frames(2, draw);
  for (const char* id : {"plain", "big", "short", "##field"}) {
    const auto rect = FindItemRect(id);
    ASSERT_TRUE(rect.has_value()) << id;
    EXPECT_GE(rect->Height(), 64.0f) << id;
  }
  EXPECT_GE(FindItemRect("big")->Height(), 88.0f);
  EXPECT_GE(imgui_button_px, 64.0f);
  EXPECT_GE(imgui_input_px, 64.0f);
}

TEST(CounterTheme, RowsStayDenseAtScale1) {
  auto ui = HeadlessUi::Create({.theme = ThemeKind::kCounter});
  ASSERT_TRUE(ui.has_value());
  std::string text;
  (*ui)->Frames(2, [&] {
    ImGui::Begin("counter");
    Button("Tiếp nhận##plain");
    TextField("##field", &text);
    ImGui::End();
  });
  EXPECT_LE(FindItemRect("plain")->Height(), 40.0f);
  EXPECT_GE(FindItemRect("plain")->Height(), 30.0f);
}

TEST(MetricsFor, ScalesEverySizeAndClampsTheScale) {
  const ThemeMetrics one = MetricsFor(ThemeKind::kKiosk, 1.0f);
  const ThemeMetrics two = MetricsFor(ThemeKind::kKiosk, 2.0f);
  EXPECT_EQ(one.touch_target_px, 64.0f);
  EXPECT_EQ(two.touch_target_px, 128.0f);
  EXPECT_EQ(two.body_px, 2.0f * one.body_px);
  EXPECT_EQ(MetricsFor(ThemeKind::kCounter, 100.0f).scale, 4.0f);
  EXPECT_EQ(MetricsFor(ThemeKind::kCounter, 0.0f).scale, 0.5f);
  EXPECT_EQ(MetricsFor(ThemeKind::kCounter, 1.0f).touch_target_px, 0.0f);
  // Large text rounds up: never below 1.3x, at any scale.
  const ThemeMetrics large = MetricsFor(ThemeKind::kKiosk, 1.5f, {.large_text = true});
  const ThemeMetrics normal = MetricsFor(ThemeKind::kKiosk, 1.5f);
  EXPECT_EQ(normal.body_px, 45.0f);
  EXPECT_EQ(large.body_px, 59.0f);  // ceil(30 x 1.5 x 1.3 = 58.5)
  EXPECT_EQ(large.large_px, 110.0f);  // ceil(56 x 1.5 x 1.3 = 109.2)
  EXPECT_EQ(MetricsFor(ThemeKind::kKiosk, 1.0f).press_slop_px, 12.0f);
  EXPECT_EQ(MetricsFor(ThemeKind::kKiosk, 2.0f).press_slop_px, 24.0f);
  EXPECT_EQ(MetricsFor(ThemeKind::kCounter, 1.0f).press_slop_px, 0.0f);
}

TEST(ApplyTheme, AppliedTwiceDoesNotCompoundTheScale) {
  auto ui = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .scale = 1.5f});
  ASSERT_TRUE(ui.has_value());
  const float once = ImGui::GetStyle().FramePadding.y;
  ApplyTheme(ThemeKind::kKiosk, 1.5f);
  EXPECT_EQ(ImGui::GetStyle().FramePadding.y, once);
  EXPECT_EQ(once, std::floor(17.0f * 1.5f));
}

}  // namespace
}  // namespace motcua::ui
