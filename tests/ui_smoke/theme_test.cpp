#include "ui_imgui/theme.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

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
