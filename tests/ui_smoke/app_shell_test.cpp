#include "ui_imgui/app_shell.h"

#include <gtest/gtest.h>
#include <stb_image.h>  // the implementation is in libstb

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "ui_imgui/fonts.h"
#include "ui_imgui/widgets.h"

namespace motcua::ui {
namespace {

Result<ParsedArgs> Parse(std::vector<const char*> args, ShellOptions defaults = {}) {
  args.insert(args.begin(), "motcua-counter");
  return ParseShellArgs(static_cast<int>(args.size()), args.data(), std::move(defaults));
}

TEST(ParseShellArgs, ReadsTheScriptedRunFlags) {
  const auto parsed = Parse({"--screenshot", "build/artifacts/screens/login.png", "--frames", "30",
                             "--size", "1920x1080", "--lang", "en", "--test", "--scale", "1.25"});
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  const ShellOptions& o = parsed->options;
  EXPECT_EQ(o.screenshot_path, "build/artifacts/screens/login.png");
  EXPECT_EQ(o.frames, 30);
  EXPECT_EQ(o.width_px, 1920);
  EXPECT_EQ(o.height_px, 1080);
  EXPECT_EQ(o.lang, Lang::kEn);
  EXPECT_TRUE(o.test_mode);
  EXPECT_FLOAT_EQ(o.scale, 1.25f);
  EXPECT_TRUE(parsed->rest.empty());
}

TEST(ParseShellArgs, KeepsDefaultsAndPassesUnknownArgumentsOn) {
  ShellOptions defaults;
  defaults.title = "kiosk";
  defaults.theme = ThemeKind::kKiosk;
  const auto parsed = Parse({"--station", "Quầy 3", "--fullscreen"}, defaults);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->options.title, "kiosk");
  EXPECT_EQ(parsed->options.theme, ThemeKind::kKiosk);
  EXPECT_EQ(parsed->options.width_px, 1366);
  EXPECT_TRUE(parsed->options.fullscreen);
  EXPECT_EQ(parsed->rest, (std::vector<std::string>{"--station", "Quầy 3"}));
}

TEST(ParseShellArgs, RejectsBadValuesNamingTheFlag) {
  struct Case {
    std::vector<const char*> args;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {{"--size", "1366"}, "--size", "bad_size"},
      {{"--size", "1366x"}, "--size", "bad_size"},
      {{"--size", "100x100"}, "--size", "bad_size"},       // below 320x240
      {{"--size", "1366x768x24"}, "--size", "bad_size"},
      {{"--frames", "-1"}, "--frames", "bad_number"},
      {{"--frames", "ten"}, "--frames", "bad_number"},
      {{"--scale", "5"}, "--scale", "bad_number"},
      {{"--scale", "0.4"}, "--scale", "bad_number"},
      {{"--lang", "fr"}, "--lang", "unknown_language"},
      {{"--screenshot"}, "--screenshot", "missing_value"},
  };
  for (const Case& c : cases) {
    const auto parsed = Parse(c.args);
    ASSERT_FALSE(parsed.has_value()) << c.args[0] << " " << (c.args.size() > 1 ? c.args[1] : "");
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(parsed.error().field, c.field);
    EXPECT_EQ(parsed.error().rule, c.rule);
  }
}

TEST(ParseShellArgs, ReadsTheThemeVariantFlags) {
  const auto none = Parse({});
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->options.variant, ThemeVariant{});
  const auto both = Parse({"--large-text", "--high-contrast"});
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(both->options.variant, (ThemeVariant{.large_text = true, .high_contrast = true}));
  EXPECT_TRUE(both->rest.empty());
  const auto one = Parse({"--high-contrast"});
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->options.variant, (ThemeVariant{.high_contrast = true}));
}

TEST(Frame, IsPortraitWhenTallerThanWide) {
  Frame frame;
  frame.window_size_px = ImVec2(1920, 1080);
  EXPECT_FALSE(frame.IsPortrait());
  frame.window_size_px = ImVec2(1080, 1920);
  EXPECT_TRUE(frame.IsPortrait());
}

TEST(ParseShellArgs, AcceptsBoundarySizesAndScales) {
  EXPECT_TRUE(Parse({"--size", "320x240"}).has_value());
  EXPECT_TRUE(Parse({"--size", "7680x4320"}).has_value());
  EXPECT_FALSE(Parse({"--size", "7681x4320"}).has_value());
  EXPECT_TRUE(Parse({"--scale", "0.5"}).has_value());
  EXPECT_TRUE(Parse({"--scale", "4"}).has_value());
  EXPECT_TRUE(Parse({"--frames", "0"}).has_value());
}

// The colour of pixel (x, y) of a PNG, 0xRRGGBB, or -1 when it cannot be read.
long PixelAt(const std::filesystem::path& png, int x, int y) {
  int w = 0, h = 0, channels = 0;
  unsigned char* data = stbi_load(png.c_str(), &w, &h, &channels, 3);
  if (data == nullptr) return -1;
  long rgb = -1;
  if (x < w && y < h) {
    const unsigned char* p = data + 3 * (static_cast<std::size_t>(y) * w + x);
    rgb = (static_cast<long>(p[0]) << 16) | (p[1] << 8) | p[2];
  }
  stbi_image_free(data);
  return rgb;
}

// A real window and GL context: run by ctest under Xvfb (ui_smoke.xvfb_shell, xvfb_shell.sh),
// skipped by the plain test run, which has no display. MOTCUA_SHELL_SHOTS names the folder the
// screenshots go to (default: a temporary folder).
TEST(RunShellUnderX, SwitchesTheVariantBetweenFramesAndCapturesRequestedFrames) {
  if (std::getenv("DISPLAY") == nullptr) GTEST_SKIP() << "no X display: ctest runs this under Xvfb";
  const char* shots = std::getenv("MOTCUA_SHELL_SHOTS");
  const std::filesystem::path dir =
      shots != nullptr ? std::filesystem::path(shots) : std::filesystem::temp_directory_path() / "motcua_shell_test";
  std::filesystem::remove(dir / "shell-normal.png");
  std::filesystem::remove(dir / "shell-high-contrast.png");
  std::filesystem::remove(dir / "shell-large-text.png");
  ShellOptions options;
  options.title = "motcua-shell-test";
  options.theme = ThemeKind::kKiosk;
  options.width_px = 1080;
  options.height_px = 1200;
  options.frames = 20;  // a safety net: the frame function quits at frame 8
  options.ready_after_frames = 0;
  options.wedge_scan = false;
  std::vector<float> body_px;
  std::vector<float> font_px;
  ImVec2 window_size;
  const int rc = RunShell(options, [&](Frame& frame) {
    window_size = frame.window_size_px;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("shell", nullptr, ImGuiWindowFlags_NoDecoration);
    TextIn(FontRole::kLarge, "Tra cứu hồ sơ — Nguyễn Văn An");
    ImGui::TextUnformatted("Chữ thường: ả ẫ ự ỵ đ Ạ");
    font_px.push_back(ImGui::GetFontSize());
    Button("Quét mã biên nhận##scan");
    BigButton("Đánh giá##rate", {.tone = Tone::kInfo});
    StatusBanner("Đã có kết quả, mời đến quầy số 3", Tone::kSuccess);
    ImGui::End();
    body_px.push_back(CurrentMetrics().body_px);
    switch (frame.index) {
      case 2:
        frame.screenshot_request = (dir / "shell-normal.png").string();
        frame.theme_request = ThemeVariant{.high_contrast = true};
        break;
      case 4:
        frame.screenshot_request = (dir / "shell-high-contrast.png").string();
        frame.theme_request = ThemeVariant{.large_text = true};
        break;
      case 6:
        frame.screenshot_request = (dir / "shell-large-text.png").string();
        break;
      case 8:
        frame.quit = true;
        break;
    }
  });
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(window_size.x, 1080.0f);
  EXPECT_EQ(window_size.y, 1200.0f);
  ASSERT_EQ(body_px.size(), 9u);
  EXPECT_EQ(body_px[2], 30.0f);  // the frame that asked is still drawn in the old variant
  EXPECT_EQ(body_px[3], 30.0f);  // high contrast: same sizes
  EXPECT_EQ(body_px[5], 39.0f);  // large text from the frame after the request
  EXPECT_EQ(font_px[5], 39.0f);  // and the fonts were rebuilt to match
  // The window's background in each capture (a corner, away from any text).
  EXPECT_EQ(PixelAt(dir / "shell-normal.png", 2, 1190), 0xFFFFFF);
  EXPECT_EQ(PixelAt(dir / "shell-high-contrast.png", 2, 1190), 0x000000);
  EXPECT_EQ(PixelAt(dir / "shell-large-text.png", 2, 1190), 0xFFFFFF);
}

}  // namespace
}  // namespace motcua::ui
