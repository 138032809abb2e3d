#include "ui_imgui/touch.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <cfloat>
#include <string>

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


// A kiosk list: a bordered child of 40 full-width buttons (no empty space to start a drag on),
// the way a procedure list or a field's tiles are drawn.
struct KioskList {
  int count = 40;
  bool raw_imgui_buttons = false;  // ImGui::Button instead of ours: DragToScroll alone must hold
  int clicked = -1;
  int clicks = 0;
  bool moving = false;
  float scroll_y = 0.0f;
  float scroll_max = 0.0f;
  ImVec2 centres[40];  // of each button on the last frame, in screen pixels

  void Draw() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::BeginChild("list", ImVec2(0, 500), true);
    for (int i = 0; i < count; ++i) {
      const std::string label = "Thủ tục " + std::to_string(i) + "##proc" + std::to_string(i);
      const bool pressed = raw_imgui_buttons ? ImGui::Button(label.c_str(), ImVec2(-FLT_MIN, 64))
                                             : Button(label.c_str(), {.width_px = -1});
      centres[i] = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) * 0.5f,
                          (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) * 0.5f);
      if (pressed) {
        clicked = i;
        ++clicks;
      }
    }
    moving = DragToScroll();
    scroll_y = ImGui::GetScrollY();
    scroll_max = ImGui::GetScrollMaxY();
    ImGui::EndChild();
    ImGui::End();
  }
};

class DragToScrollTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .width_px = 800, .height_px = 600});
    ASSERT_TRUE(created.has_value()) << created.error().Describe();
    ui = std::move(created).value();
    ui->Frames(2, draw);
  }
  ImVec2 CentreOf(int i) const { return list.centres[i]; }
  // Runs frames until the list stops (or `limit` frames); returns how many ran.
  int RunUntilStill(int limit = 600) {
    int n = 0;
    while (list.moving && n < limit) {
      ui->Frame(draw);
      ++n;
    }
    return n;
  }
  std::unique_ptr<HeadlessUi> ui;
  KioskList list;
  std::function<void()> draw = [this] { list.Draw(); };
};

TEST_F(DragToScrollTest, ADragThatStartsOnAButtonScrollsAndDoesNotClick) {
  ASSERT_GT(list.scroll_max, 1000.0f);
  const ImVec2 start = CentreOf(5);
  // 300 px upwards in 10 frames: 30 px a frame, 1800 px/s.
  ui->Drag(start, ImVec2(start.x, start.y - 300.0f), 10, draw);
  EXPECT_EQ(list.clicks, 0);
  // The content followed the finger (the first 12 px are the tap slop), then coasted on.
  EXPECT_GE(list.scroll_y, 288.0f);
}

TEST_F(DragToScrollTest, ADragOnRawImGuiButtonsDoesNotClickEither) {
  list.raw_imgui_buttons = true;
  ui->Frames(2, draw);
  const ImVec2 start = CentreOf(5);
  ui->Drag(start, ImVec2(start.x, start.y - 200.0f), 10, draw);
  EXPECT_EQ(list.clicks, 0);
  EXPECT_GE(list.scroll_y, 188.0f);
}

TEST_F(DragToScrollTest, APlainTapClicksAndDoesNotScroll) {
  ASSERT_TRUE(ui->Click("proc3", draw));
  EXPECT_EQ(list.clicks, 1);
  EXPECT_EQ(list.clicked, 3);
  EXPECT_EQ(list.scroll_y, 0.0f);
  EXPECT_FALSE(list.moving);
}

TEST_F(DragToScrollTest, AFingerWobbleWithinTheSlopIsStillATap) {
  const ImVec2 start = CentreOf(2);
  ui->Drag(start, ImVec2(start.x + 7.0f, start.y - 7.0f), 3, draw);  // 9.9 px < 12 px
  EXPECT_EQ(list.clicks, 1);
  EXPECT_EQ(list.clicked, 2);
  EXPECT_EQ(list.scroll_y, 0.0f);
}

TEST_F(DragToScrollTest, CoastsAfterReleaseAndDecaysToAStop) {
  const ImVec2 start = CentreOf(5);
  ImGuiIO& io = ui->io();
  io.MousePos = start;
  ui->Frame(draw);
  io.MouseDown[0] = true;
  ui->Frame(draw);
  for (int step = 1; step <= 10; ++step) {
    io.MousePos = ImVec2(start.x, start.y - 30.0f * step);
    ui->Frame(draw);
  }
  io.MouseDown[0] = false;
  ui->Frame(draw);  // the release: 1350 px/s (90 px over the last 4 frames, the release's included)
  const float at_release = list.scroll_y;
  EXPECT_NEAR(at_release, 300.0f, 31.0f);
  EXPECT_TRUE(list.moving);
  // Each coasting frame moves less than the one before.
  std::vector<float> positions{list.scroll_y};
  for (int i = 0; i < 20; ++i) {
    ui->Frame(draw);
    positions.push_back(list.scroll_y);
  }
  for (std::size_t i = 2; i < positions.size(); ++i)
    EXPECT_LE(positions[i] - positions[i - 1], positions[i - 1] - positions[i - 2] + 1.0f) << i;
  EXPECT_GT(positions.back() - positions[1], 200.0f);
  const int frames = RunUntilStill();
  EXPECT_LT(frames, 180) << "should stop within 3 s at 60 fps";
  // 1350 px/s with a 0.35 s time constant coasts about 1350 x 0.35 = 472 px (483 px in 60 fps
  // steps, less the tail under 15 px/s).
  EXPECT_NEAR(list.scroll_y - at_release, 480.0f, 20.0f);
  const float stopped = list.scroll_y;
  ui->Frames(10, draw);
  EXPECT_EQ(list.scroll_y, stopped);
  EXPECT_FALSE(list.moving);
  EXPECT_EQ(list.clicks, 0);
}

TEST_F(DragToScrollTest, AFingerHeldStillBeforeReleaseDoesNotCoast) {
  const ImVec2 start = CentreOf(5);
  ImGuiIO& io = ui->io();
  io.MousePos = start;
  ui->Frame(draw);
  io.MouseDown[0] = true;
  ui->Frame(draw);
  for (int step = 1; step <= 10; ++step) {
    io.MousePos = ImVec2(start.x, start.y - 30.0f * step);
    ui->Frame(draw);
  }
  ui->Frames(6, draw);  // 100 ms without moving
  io.MouseDown[0] = false;
  ui->Frame(draw);
  const float at_release = list.scroll_y;
  ui->Frames(3, draw);
  EXPECT_EQ(list.scroll_y, at_release);
  EXPECT_FALSE(list.moving);
  EXPECT_EQ(list.clicks, 0);
}

TEST_F(DragToScrollTest, ATapOnACoastingListStopsItAndPressesNothing) {
  const ImVec2 start = CentreOf(5);
  ui->Drag(start, ImVec2(start.x, start.y - 300.0f), 10, draw);
  ui->Frames(5, draw);
  ASSERT_TRUE(list.moving);
  ui->ClickAt(ImVec2(400, 300), draw);
  EXPECT_EQ(list.clicks, 0);
  const float caught = list.scroll_y;
  ui->Frames(10, draw);
  EXPECT_EQ(list.scroll_y, caught);
  EXPECT_FALSE(list.moving);
  // The list is still: the next tap is a tap.
  ui->ClickAt(ImVec2(400, 300), draw);
  EXPECT_EQ(list.clicks, 1);
}

TEST_F(DragToScrollTest, AFlickStopsAtTheEnd) {
  list.count = 20;
  ui->Frames(2, draw);
  const ImVec2 start = CentreOf(5);
  ui->Drag(start, ImVec2(start.x, start.y - 300.0f), 3, draw);  // 100 px a frame: 6000 px/s
  RunUntilStill();
  EXPECT_FLOAT_EQ(list.scroll_y, list.scroll_max);
  EXPECT_FALSE(list.moving);
  // And back to the top.
  const ImVec2 from(400, 100);
  ui->Drag(from, ImVec2(400, 450), 3, draw);
  RunUntilStill();
  EXPECT_EQ(list.scroll_y, 0.0f);
}

TEST(DragToScroll, TheInnermostScrollableWindowTakesTheDrag) {
  auto created = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .width_px = 800, .height_px = 600});
  ASSERT_TRUE(created.has_value());
  HeadlessUi& ui = **created;
  float outer_y = 0, inner_y = 0;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("page", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::BeginChild("inner", ImVec2(0, 300), true);
    for (int i = 0; i < 30; ++i) ImGui::TextUnformatted("Thành phần hồ sơ");
    DragToScroll();
    inner_y = ImGui::GetScrollY();
    ImGui::EndChild();
    for (int i = 0; i < 30; ++i) ImGui::TextUnformatted("Lệ phí");
    DragToScroll();
    outer_y = ImGui::GetScrollY();
    ImGui::End();
  };
  ui.Frames(2, draw);
  ui.Drag(ImVec2(400, 250), ImVec2(400, 150), 5, draw);
  EXPECT_GT(inner_y, 80.0f);
  EXPECT_EQ(outer_y, 0.0f);
  ui.Frames(120, draw);
  ui.Drag(ImVec2(400, 500), ImVec2(400, 400), 5, draw);  // below the child: the page scrolls
  EXPECT_GT(outer_y, 80.0f);
}

TEST(DragToScroll, ScrollsADataTableWithoutSelectingARow) {
  auto created = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .width_px = 800, .height_px = 600});
  ASSERT_TRUE(created.has_value());
  HeadlessUi& ui = **created;
  const TableColumn columns[] = {{"Mã hồ sơ", 0, 2}, {"Trạng thái", 0, 1}};
  int selected = -1;
  float scroll_y = 0;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    if (BeginDataTable("##dossiers", columns, 500)) {
      for (int i = 0; i < 40; ++i) {
        if (DataTableRow(i, "000.00.12.H56-250101-00" + std::to_string(10 + i), selected == i)) selected = i;
        NextCellText("Đang xử lý");
      }
      DragToScroll();
      scroll_y = ImGui::GetScrollY();
      EndDataTable();
    }
    ImGui::End();
  };
  ui.Frames(2, draw);
  ui.Drag(ImVec2(300, 450), ImVec2(300, 250), 10, draw);
  EXPECT_EQ(selected, -1);
  EXPECT_GE(scroll_y, 188.0f);
  ui.Frames(120, draw);
  ui.ClickAt(ImVec2(300, 300), draw);
  EXPECT_GE(selected, 0);
}

TEST(PressBecameDrag, AWanderingPressIsNoClickOnTheKioskButStillOneOnTheCounter) {
  for (ThemeKind kind : {ThemeKind::kKiosk, ThemeKind::kCounter}) {
    auto created = HeadlessUi::Create({.theme = kind, .width_px = 800, .height_px = 600});
    ASSERT_TRUE(created.has_value());
    HeadlessUi& ui = **created;
    int clicks = 0;
    auto draw = [&] {
      ImGui::Begin("w");
      if (Button("Nộp hồ sơ##submit", {.width_px = 600})) ++clicks;
      ImGui::End();
    };
    ui.Frames(2, draw);
    const ImVec2 c = FindItemRect("submit")->Center();
    ui.Drag(c, ImVec2(c.x + 40.0f, c.y), 4, draw);  // stays on the button, travels 40 px
    EXPECT_EQ(clicks, kind == ThemeKind::kKiosk ? 0 : 1) << (kind == ThemeKind::kKiosk ? "kiosk" : "counter");
    ui.ClickAt(c, draw);
    EXPECT_EQ(clicks, kind == ThemeKind::kKiosk ? 1 : 2);
  }
}

TEST(TouchHoverFix, NoButtonStaysHighlightedAfterATap) {
  auto created = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .width_px = 800, .height_px = 600});
  ASSERT_TRUE(created.has_value());
  HeadlessUi& ui = **created;
  TouchHoverFix fix;
  int clicks = 0;
  bool hovered = false;
  auto draw = [&] {
    ImGui::Begin("w");
    if (Button("Lấy số##ticket")) ++clicks;
    hovered = ImGui::IsItemHovered();
    ImGui::End();
  };
  ImGuiIO& io = ui.io();
  auto frame = [&] {  // the shell's order: the backend sets the pointer, then the fix, then NewFrame
    fix.Apply(io);
    ui.Frame(draw);
  };
  frame();
  frame();  // a new window is hidden on its first frame: let it appear
  const ImVec2 c = FindItemRect("ticket")->Center();
  io.MousePos = c;
  io.MouseDown[0] = true;
  frame();
  EXPECT_TRUE(hovered);
  io.MouseDown[0] = false;
  frame();
  EXPECT_EQ(clicks, 1);
  for (int i = 0; i < 3; ++i) {
    io.MousePos = c;  // SDL's backend puts the last pointer position back every frame
    frame();
  }
  EXPECT_FALSE(hovered);
  EXPECT_EQ(clicks, 1);
}

}  // namespace
}  // namespace motcua::ui
