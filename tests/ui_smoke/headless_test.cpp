#include "ui_imgui/headless.h"

#include <gtest/gtest.h>

namespace motcua::ui {
namespace {

TEST(HeadlessUi, RunsFramesAtTheRequestedSize) {
  auto ui = HeadlessUi::Create({.width_px = 1920, .height_px = 1080});
  ASSERT_TRUE(ui.has_value()) << ui.error().Describe();
  ImVec2 display;
  (*ui)->Frame([&] { display = ImGui::GetIO().DisplaySize; });
  EXPECT_EQ(display.x, 1920);
  EXPECT_EQ(display.y, 1080);
  (*ui)->Resize(1366, 768);
  (*ui)->Frame([&] { display = ImGui::GetIO().DisplaySize; });
  EXPECT_EQ(display.x, 1366);
}

TEST(HeadlessUi, ClickReturnsFalseForAnItemNotDrawn) {
  auto ui = HeadlessUi::Create();
  ASSERT_TRUE(ui.has_value());
  auto draw = [] {
    ImGui::Begin("w");
    ImGui::End();
  };
  (*ui)->Frame(draw);
  EXPECT_FALSE((*ui)->Click("##nothing", draw));
}

TEST(WindowScrollMaxY, IsZeroWhenContentFitsAndPositiveWhenNot) {
  auto ui = HeadlessUi::Create({.width_px = 800, .height_px = 600});
  ASSERT_TRUE(ui.has_value());
  int lines = 3;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration);
    for (int i = 0; i < lines; ++i) ImGui::TextUnformatted("Dòng chữ");
    ImGui::End();
  };
  (*ui)->Frames(2, draw);
  EXPECT_EQ(WindowScrollMaxY("page"), 0.0f);
  lines = 200;
  (*ui)->Frames(2, draw);
  EXPECT_GT(WindowScrollMaxY("page"), 0.0f);
  EXPECT_EQ(WindowScrollMaxY("no such window"), -1.0f);
}

}  // namespace
}  // namespace motcua::ui
