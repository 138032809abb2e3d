// Every kiosk screen drawn headless over a real station (tests/kiosk/kiosk_fixture.h), the way
// kiosk/main.cpp runs a frame, in both orientations, both text sizes and high contrast: each must draw
// without an ImGui assert, and every target a finger can press must be at least the theme's touch target
// (64 px at scale 1, 84 px with large text). A tap on a tile goes where the tile says. An offline kiosk says
// so on every screen (PNGs).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/kiosk_fixture.h"
#include "kiosk/screens/screens.h"
#include "ui_imgui/headless.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"
#include "ui_smoke/frame_png.h"

namespace motcua::kiosk {
namespace {

using ui::KioskScreen;

struct Look {
  const char* name;
  int width;
  int height;
  ui::ThemeVariant variant;
};
constexpr Look kLooks[] = {
    {"landscape", 1920, 1080, {}},
    {"portrait", 1080, 1920, {}},
    {"landscape-large", 1920, 1080, {.large_text = true}},
    {"portrait-large", 1080, 1920, {.large_text = true}},
    {"landscape-contrast", 1920, 1080, {.high_contrast = true}},
};

// Draws the kiosk's current screen like a frame of kiosk/main.cpp and applies what was touched.
struct Frame {
  ui::testing::KioskFixture& k;
  Layout layout;
  ScreenState state;

  void operator()() {
    Actions actions;
    DrawKiosk(k.model, k.Backend(), layout, state, actions);
    for (const ui::KioskAction& a : actions) (void)k.Do(a);
  }
};

// The screens a citizen can reach, each from the home screen with the fixture's receipt where needed.
std::vector<std::vector<ui::KioskAction>> Journeys(const ui::testing::KioskFixture& k) {
  return {
      {},
      {ui::OpenScreen{KioskScreen::kFields}},
      {ui::OpenGroup{"hộ tịch"}},
      {ui::OpenProcedure{"1.001193"}},
      {ui::OpenScreen{KioskScreen::kSearch}},
      {ui::OpenScreen{KioskScreen::kCheck}},
      {ui::Scanned{k.token}},
      {ui::Scanned{k.token}, ui::OpenScreen{KioskScreen::kRate}},
      {ui::Scanned{k.token}, ui::OpenScreen{KioskScreen::kPostal}},
      {ui::Scanned{k.token}, ui::OpenScreen{KioskScreen::kPay}},
      {ui::HiddenGesture{}},
  };
}

TEST(KioskScreens, EveryTargetIsAtLeastTheTouchTargetInEveryLook) {
  auto k = ui::testing::MakeKiosk();
  k->settings.bank_bin = "970415";
  k->settings.bank_account = "113366668888";
  for (const Look& look : kLooks) {
    auto hl = ui::HeadlessUi::Create({.theme = ui::ThemeKind::kKiosk, .width_px = look.width, .height_px = look.height});
    ASSERT_TRUE(hl.has_value()) << hl.error().Describe();
    ASSERT_TRUE((*hl)->SetThemeVariant(look.variant).has_value());
    ui::SetItemLocatorEnabled(true);
    const float target = ui::CurrentMetrics().touch_target_px;
    EXPECT_GE(target, look.variant.large_text ? 83.0f : 64.0f);
    EXPECT_GE(ui::CurrentMetrics().body_px, 28.0f);
    for (const auto& journey : Journeys(*k)) {
      ASSERT_TRUE(k->Do(ui::GoHome{}).has_value());
      for (const ui::KioskAction& a : journey) ASSERT_TRUE(k->Do(a).has_value());
      Frame frame{*k, {.portrait = look.height > look.width}, {}};
      (*hl)->Frames(3, [&] { frame(); });
      const std::string where = std::string(look.name) + " " + ui::KioskScreenKey(k->model.citizen.screen);
      int targets = 0;
      for (const auto& [id, rect] : ui::RecordedItemRects()) {
        if (id == "logo") continue;  // the hidden gesture's corner, not a citizen's target
        ++targets;
        EXPECT_GE(rect.Height(), target - 0.5f) << where << ": '" << id << "' is " << rect.Height() << " px tall";
        EXPECT_GE(rect.Width(), target - 0.5f) << where << ": '" << id << "' is " << rect.Width() << " px wide";
      }
      EXPECT_GT(targets, 3) << where;
    }
    ui::SetItemLocatorEnabled(false);
  }
}

TEST(KioskScreens, TappingTheTilesGoesWhereTheySay) {
  auto k = ui::testing::MakeKiosk();
  auto hl = ui::HeadlessUi::Create({.theme = ui::ThemeKind::kKiosk, .width_px = 1920, .height_px = 1080});
  ASSERT_TRUE(hl.has_value());
  ui::SetItemLocatorEnabled(true);
  Frame frame{*k, {}, {}};
  auto draw = [&] { frame(); };
  (*hl)->Frames(2, draw);
  ASSERT_TRUE((*hl)->Click("tile_find", draw));
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kFields);
  (*hl)->Frames(2, draw);
  ASSERT_TRUE((*hl)->Click("group_0", draw));
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kProcedures);
  (*hl)->Frames(2, draw);
  ASSERT_TRUE((*hl)->Click("home", draw));
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kHome);
  (*hl)->Frames(2, draw);
  ASSERT_TRUE((*hl)->Click("tile_check", draw));
  EXPECT_EQ(k->model.citizen.screen, KioskScreen::kCheck);
  (*hl)->Frames(2, draw);
  // The digits pad types into the code box; a tap on the secret box moves the keyboard there.
  ASSERT_TRUE((*hl)->Click("osk_1", draw));
  EXPECT_EQ(k->model.citizen.code.Text(), "1");
  ASSERT_TRUE((*hl)->Click("box_3", draw));  // KioskField::kSecret
  EXPECT_EQ(k->model.citizen.focus, ui::KioskField::kSecret);
  ui::SetItemLocatorEnabled(false);
}

// Issue 15: the kiosk without the center's database (KioskModel::offline) says so above every screen, offers
// no ticket, and answers a scanned receipt with "genuine, dossier ..., status unavailable"; drawn in both
// orientations and languages, PNGs under artifacts/screens/ to look at.
TEST(KioskScreens, AnOfflineKioskSaysSoAndOnlyVerifiesReceipts) {
  auto k = ui::testing::MakeKiosk();
  k->print_ticket = {};  // kiosk/main.cpp sets no printer offline
  k->model.offline = true;
  ui::TakeMissingKeys();
  for (const Look& look : {kLooks[0], kLooks[1]}) {
    auto hl = ui::HeadlessUi::Create({.theme = ui::ThemeKind::kKiosk, .width_px = look.width, .height_px = look.height});
    ASSERT_TRUE(hl.has_value()) << hl.error().Describe();
    for (ui::Lang lang : {ui::Lang::kVi, ui::Lang::kEn}) {
      ASSERT_TRUE(k->Do(ui::GoHome{}).has_value());
      k->model.citizen.lang = lang;
      Frame frame{*k, {.portrait = look.height > look.width}, {}};
      const std::string suffix = std::string("-") + ui::LangCode(lang) + "-" + look.name + ".png";
      (*hl)->Frames(3, [&] { frame(); });
      EXPECT_FALSE(ui::testing::WriteFramePng("kiosk-offline-home" + suffix).empty());
      EXPECT_FALSE(ui::MakeKioskHomeView(k->model, k->Backend()).queue_tile);
      ASSERT_TRUE(k->Do(ui::Scanned{k->token}).has_value());
      EXPECT_EQ(k->model.citizen.screen, KioskScreen::kCheck);
      EXPECT_FALSE(k->model.citizen.status);
      (*hl)->Frames(3, [&] { frame(); });
      EXPECT_FALSE(ui::testing::WriteFramePng("kiosk-offline-receipt" + suffix).empty());
    }
  }
  EXPECT_TRUE(ui::TakeMissingKeys().empty());
}

}  // namespace
}  // namespace motcua::kiosk
