#include "ui_imgui/app_shell.h"

#include <gtest/gtest.h>

#include <vector>

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

TEST(ParseShellArgs, AcceptsBoundarySizesAndScales) {
  EXPECT_TRUE(Parse({"--size", "320x240"}).has_value());
  EXPECT_TRUE(Parse({"--size", "7680x4320"}).has_value());
  EXPECT_FALSE(Parse({"--size", "7681x4320"}).has_value());
  EXPECT_TRUE(Parse({"--scale", "0.5"}).has_value());
  EXPECT_TRUE(Parse({"--scale", "4"}).has_value());
  EXPECT_TRUE(Parse({"--frames", "0"}).has_value());
}

}  // namespace
}  // namespace motcua::ui
