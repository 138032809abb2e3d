#include "ui_imgui/touch.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <cfloat>

#include "ui_imgui/headless.h"

namespace motcua::ui {
namespace {

TEST(TouchHoverFix, KeepsPositionOneFrameAfterReleaseThenLifts) {
  ImGuiIO io;  // a plain struct: Apply only reads MouseDown and writes MousePos
  TouchHoverFix fix;  // touch_only: a kiosk
  io.MousePos = ImVec2(100, 200);
  io.MouseDown[0] = true;
  fix.Apply(io);
  EXPECT_EQ(io.MousePos.x, 100);
  io.MouseDown[0] = false;
  fix.Apply(io);  // the release frame: the click must still land on the button
  EXPECT_EQ(io.MousePos.x, 100);
  fix.Apply(io);
  EXPECT_EQ(io.MousePos.x, -FLT_MAX);
  EXPECT_EQ(io.MousePos.y, -FLT_MAX);
}

TEST(TouchHoverFix, LeavesAMouseAloneOnMixedStations) {
  ImGuiIO io;
  TouchHoverFix fix{.touch_only = false};
  SDL_Event e{};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.which = 0;  // a real mouse
  fix.OnEvent(e);
  io.MousePos = ImVec2(10, 10);
  fix.Apply(io);
  fix.Apply(io);
  EXPECT_EQ(io.MousePos.x, 10);

  e.button.which = SDL_TOUCH_MOUSEID;  // a finger, seen through SDL's mouse emulation
  fix.OnEvent(e);
  fix.Apply(io);
  fix.Apply(io);
  EXPECT_EQ(io.MousePos.x, -FLT_MAX);
}

TEST(DragToScrollOnVoid, DragOnEmptySpaceScrollsAndDragOnButtonDoesNot) {
  auto created = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .width_px = 800, .height_px = 600});
  ASSERT_TRUE(created.has_value());
  HeadlessUi& ui = **created;
  float scroll_y = 0;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("list", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    for (int i = 0; i < 40; ++i) {
      ImGui::PushID(i);
      Button("Thủ tục", {.width_px = 300});  // buttons on the left, empty space on the right
      ImGui::PopID();
    }
    DragToScrollOnVoid();
    scroll_y = ImGui::GetScrollY();
    ImGui::End();
  };
  ImGuiIO& io = ui.io();
  ui.Frames(2, draw);
  // Drag upwards on the empty right half: the content follows the finger.
  io.MousePos = ImVec2(600, 500);
  ui.Frame(draw);
  io.MouseDown[0] = true;
  ui.Frame(draw);
  for (int step = 1; step <= 10; ++step) {
    io.MousePos = ImVec2(600, 500 - 30.0f * step);
    ui.Frame(draw);
  }
  io.MouseDown[0] = false;
  ui.Frame(draw);
  EXPECT_NEAR(scroll_y, 300.0f, 31.0f);

  // The same drag starting on a button leaves the scroll alone.
  const float before = scroll_y;
  io.MousePos = ImVec2(100, 300);
  ui.Frame(draw);
  io.MouseDown[0] = true;
  ui.Frame(draw);
  for (int step = 1; step <= 5; ++step) {
    io.MousePos = ImVec2(100, 300 - 30.0f * step);
    ui.Frame(draw);
  }
  io.MouseDown[0] = false;
  ui.Frame(draw);
  EXPECT_EQ(scroll_y, before);
}

}  // namespace
}  // namespace motcua::ui
