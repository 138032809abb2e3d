#include "ui_imgui/osk_widget.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ui_imgui/app_shell.h"
#include "ui_imgui/headless.h"

namespace motcua::ui {
namespace {

OskKey Char(std::string label, char32_t ch) {
  OskKey key;
  key.kind = OskKeyKind::kChar;
  key.label = std::move(label);
  key.ch = ch;
  return key;
}

OskKey Special(OskKeyKind kind, std::string label, float width_units) {
  OskKey key;
  key.kind = kind;
  key.label = std::move(label);
  key.width_units = width_units;
  return key;
}

OskRow Letters(std::string_view ascii) {
  OskRow row;
  for (char c : ascii) row.keys.push_back(Char(std::string(1, c), static_cast<char32_t>(c)));
  return row;
}

// A Telex-like keyboard of 10 units on every full row (as osk.h has it), wide keys on the last
// two rows, and a precomposed Vietnamese letter so labels with marks are exercised.
std::vector<OskRow> SampleRows() {
  std::vector<OskRow> rows = {Letters("1234567890"), Letters("qwertyuiop"), Letters("asdfghjkl")};
  OskRow third;
  third.keys.push_back(Special(OskKeyKind::kShift, "osk.shift", 1.5f));
  for (char c : std::string_view("zxcvbnm")) third.keys.push_back(Char(std::string(1, c), static_cast<char32_t>(c)));
  third.keys.push_back(Special(OskKeyKind::kBackspace, "osk.backspace", 1.5f));
  rows.push_back(third);
  OskRow last;
  last.keys.push_back(Special(OskKeyKind::kLayoutSwitch, "osk.to_digits", 1.5f));
  last.keys.push_back(Char("đ", U'đ'));
  last.keys.push_back(Special(OskKeyKind::kSpace, "osk.space", 4.0f));
  last.keys.push_back(Special(OskKeyKind::kClear, "osk.clear", 1.5f));
  last.keys.push_back(Special(OskKeyKind::kDone, "osk.done", 2.0f));
  rows.push_back(last);
  return rows;
}

struct Keyboard {
  std::vector<OskRow> rows = SampleRows();
  float width_px = 0.0f;
  float key_height_px = 0.0f;
  std::vector<OskKey> pressed;
  ImVec2 size;

  void Draw() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::Begin("kiosk", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::TextUnformatted("Họ và tên");
    if (std::optional<OskKey> key = DrawOnScreenKeyboard(rows, width_px, key_height_px)) pressed.push_back(*key);
    size = ImGui::GetItemRectSize();
    ImGui::End();
  }
};

class OskWidgetTest : public ::testing::Test {
 protected:
  void Create(int width, int height, ThemeVariant variant = {}) {
    ui.reset();  // one context at a time: the old one's destructor turns the item locator off
    auto created = HeadlessUi::Create(
        {.theme = ThemeKind::kKiosk, .variant = variant, .width_px = width, .height_px = height});
    ASSERT_TRUE(created.has_value()) << created.error().Describe();
    ui = std::move(created).value();
    ui->Frames(2, draw);
  }
  // The labels of special keys are string-table keys (osk.h): drop any the table does not have yet.
  void TearDown() override { TakeMissingKeys(); }
  std::unique_ptr<HeadlessUi> ui;
  Keyboard kb;
  std::function<void()> draw = [this] { kb.Draw(); };
};

TEST_F(OskWidgetTest, ReturnsTheTappedKeyOnce) {
  Create(1920, 1080);
  ASSERT_TRUE(ui->Click("osk_a", draw));
  ASSERT_TRUE(ui->Click("osk_đ", draw));
  ASSERT_TRUE(ui->Click("osk_backspace", draw));
  ASSERT_TRUE(ui->Click("osk_space", draw));
  ASSERT_TRUE(ui->Click("osk_done", draw));
  ui->Frames(3, draw);
  ASSERT_EQ(kb.pressed.size(), 5u);
  EXPECT_EQ(kb.pressed[0].kind, OskKeyKind::kChar);
  EXPECT_EQ(kb.pressed[0].ch, U'a');
  EXPECT_EQ(kb.pressed[1].ch, U'đ');
  EXPECT_EQ(kb.pressed[1].label, "đ");
  EXPECT_EQ(kb.pressed[2].kind, OskKeyKind::kBackspace);
  EXPECT_EQ(kb.pressed[3].kind, OskKeyKind::kSpace);
  EXPECT_EQ(kb.pressed[4].kind, OskKeyKind::kDone);
}

TEST_F(OskWidgetTest, TypingTheSameKeyTwiceQuicklyGivesItTwice) {
  Create(1920, 1080);
  // "dd" in Telex is đ: the second tap must not be lost as a double-click.
  ASSERT_TRUE(ui->Click("osk_d", draw));
  ASSERT_TRUE(ui->Click("osk_d", draw));
  ASSERT_EQ(kb.pressed.size(), 2u);
  EXPECT_EQ(kb.pressed[1].ch, U'd');
}

TEST_F(OskWidgetTest, ADragAcrossTheKeysTypesNothing) {
  Create(1920, 1080);
  const ImVec2 from = FindItemRect("osk_q")->Center();
  const ImVec2 to = FindItemRect("osk_w")->Center();
  ui->Drag(from, ImVec2(from.x + 20.0f, from.y), 2, draw);  // stays on q, 20 px > the 12 px slop
  ui->Drag(from, to, 4, draw);                              // slides onto w
  EXPECT_TRUE(kb.pressed.empty());
}

TEST_F(OskWidgetTest, KeysAreTouchTargetsInBothOrientations) {
  for (auto [width, height] : {std::pair{1920, 1080}, std::pair{1080, 1920}}) {
    Create(width, height);
    const float content = static_cast<float>(width) - 2.0f * ImGui::GetStyle().WindowPadding.x;
    for (const OskRow& row : kb.rows) {
      float left = -FLT_MAX;
      for (const OskKey& key : row.keys) {
        const auto rect = FindItemRect(OskKeyLocatorName(key));
        ASSERT_TRUE(rect.has_value()) << OskKeyLocatorName(key);
        EXPECT_GE(rect->Height(), 64.0f) << OskKeyLocatorName(key) << " at " << width;
        EXPECT_GE(rect->Width(), 64.0f) << OskKeyLocatorName(key) << " at " << width;
        EXPECT_GT(rect->min.x, left) << "keys overlap at " << OskKeyLocatorName(key);
        left = rect->max.x;
      }
    }
    // The widest rows fill the width; the narrower "asdf" row is centred under them.
    const ItemRect q = *FindItemRect("osk_q");
    const ItemRect p = *FindItemRect("osk_p");
    const ItemRect a = *FindItemRect("osk_a");
    const ItemRect l = *FindItemRect("osk_l");
    EXPECT_NEAR(p.max.x - q.min.x, content, 10.0f) << width;
    EXPECT_NEAR(a.min.x - q.min.x, p.max.x - l.max.x, 1.5f) << width;
    // A 10-key row: ~100 px keys in portrait, ~180 px in landscape.
    EXPECT_GE(q.Width(), width < height ? 90.0f : 170.0f);
    EXPECT_NEAR(kb.size.x, content, 1.0f);
  }
}

TEST_F(OskWidgetTest, WideKeysLineUpWithTheOnesAbove) {
  Create(1920, 1080);
  // The 4-unit space key is as wide as four 1-unit keys and the three gaps between them (q..r).
  const ItemRect q = *FindItemRect("osk_q");
  const ItemRect r = *FindItemRect("osk_r");
  const ItemRect space = *FindItemRect("osk_space");
  EXPECT_NEAR(space.Width(), r.max.x - q.min.x, 2.0f);
}

TEST_F(OskWidgetTest, KeyHeightFollowsTheRequestAndLargeText) {
  Create(1920, 1080);
  kb.key_height_px = 96.0f;
  ui->Frames(2, draw);
  EXPECT_EQ(FindItemRect("osk_a")->Height(), 96.0f);
  kb.key_height_px = 10.0f;  // below the touch target: the touch target wins
  ui->Frames(2, draw);
  EXPECT_EQ(FindItemRect("osk_a")->Height(), 64.0f);
  Create(1080, 1920, {.large_text = true});
  EXPECT_GE(FindItemRect("osk_a")->Height(), 83.0f);
}

TEST_F(OskWidgetTest, NoRowsDrawNothingAndReturnNothing) {
  Create(1920, 1080);
  kb.rows.clear();
  ui->Frames(2, draw);
  EXPECT_FALSE(FindItemRect("osk_a").has_value());
  EXPECT_TRUE(kb.pressed.empty());
}

// Drawn for real under Xvfb (ui_smoke.xvfb_shell runs RunShellUnderX.*), to be looked at:
// shell-osk-landscape.png (1920x1080) and shell-osk-portrait-large-contrast.png (1080x1920,
// large text and high contrast). Special keys show "[osk....]" until the string table has them.
TEST(RunShellUnderX, DrawsTheKeyboardInBothOrientations) {
  if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "no X display: ctest runs this under Xvfb";
  const char* shots = std::getenv("MOTCUA_SHELL_SHOTS");
  const std::filesystem::path dir =
      shots != nullptr ? std::filesystem::path(shots) : std::filesystem::temp_directory_path() / "motcua_shell_test";
  struct Shot {
    int width, height;
    ThemeVariant variant;
    const char* name;
  };
  for (const Shot& shot : {Shot{1920, 1080, {}, "shell-osk-landscape.png"},
                           Shot{1080, 1920, {.large_text = true, .high_contrast = true},
                                "shell-osk-portrait-large-contrast.png"}}) {
    std::filesystem::remove(dir / shot.name);
    ShellOptions options;
    options.title = "motcua-osk-test";
    options.theme = ThemeKind::kKiosk;
    options.variant = shot.variant;
    options.width_px = shot.width;
    options.height_px = shot.height;
    options.frames = 4;
    options.ready_after_frames = 0;
    options.wedge_scan = false;
    options.screenshot_path = (dir / shot.name).string();
    const std::vector<OskRow> rows = SampleRows();
    const int rc = RunShell(options, [&](Frame& frame) {
      const ImVec2 size = frame.window_size_px;
      ImGui::SetNextWindowPos(ImVec2(0, 0));
      ImGui::SetNextWindowSize(size);
      ImGui::Begin("kiosk", nullptr, ImGuiWindowFlags_NoDecoration);
      TextIn(FontRole::kHeading, "Họ và tên người nhận");
      std::string text = "Nguyễn Văn Ấn";
      TextField("##name", &text);
      // The keyboard sits at the bottom, as on the kiosk.
      const float key_height = CurrentMetrics().touch_target_px + 16.0f;
      const float height = 5.0f * key_height + 4.0f * 8.0f;
      ImGui::SetCursorPosY(size.y - ImGui::GetStyle().WindowPadding.y - height);
      DrawOnScreenKeyboard(rows, 0.0f, key_height);
      ImGui::End();
    });
    EXPECT_EQ(rc, 0) << shot.name;
    EXPECT_TRUE(std::filesystem::exists(dir / shot.name)) << shot.name;
  }
  TakeMissingKeys();
}

}  // namespace
}  // namespace motcua::ui
