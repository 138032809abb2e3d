// The counter's login screen drawn headless over fixture views: every state at the smallest,
// default and largest window sizes must draw without an ImGui assert and fit without scrolling;
// clicks and keys must produce exactly the expected actions.
#include "counter/screens/login.h"

#include <gtest/gtest.h>

#include <variant>

#include "ui_imgui/headless.h"
#include "ui_model/strings.h"

namespace motcua::counter {
namespace {

using ui::CounterAction;
using ui::HeadlessUi;

const Instant kNow = FromUnixSeconds(1767229200);  // 2026-01-01 08:00 Vietnam time

ui::CounterModel BaseModel(ui::Lang lang = ui::Lang::kVi) {
  ui::CounterModel m;
  m.lang = lang;
  m.station_name = "Quầy 3 — Trung tâm Phục vụ hành chính công tỉnh";
  m.app_version = "0.1.0";
  return m;
}

// Every state the login screen can be in, in both languages.
std::vector<std::pair<std::string, ui::LoginView>> FixtureViews() {
  std::vector<std::pair<std::string, ui::LoginView>> out;
  for (ui::Lang lang : {ui::Lang::kVi, ui::Lang::kEn}) {
    const std::string suffix = lang == ui::Lang::kVi ? "/vi" : "/en";
    ui::CounterModel m = BaseModel(lang);
    out.emplace_back("fresh" + suffix, ui::MakeLoginView(m, kNow));
    m.login.error = Invalid("user_name", "required", "");
    m.login.error_serial = 1;
    out.emplace_back("user_required" + suffix, ui::MakeLoginView(m, kNow));
    m.login.error = Conflict("user_name", "account_locked", "");
    m.login.locked_until = kNow + std::chrono::minutes(5);
    m.login.error_serial = 2;
    out.emplace_back("locked" + suffix, ui::MakeLoginView(m, kNow));
    m.login.notice_key = "login.scan_needs_login";
    out.emplace_back("locked_and_notice" + suffix, ui::MakeLoginView(m, kNow));
    m.login = {};
    m.session = ui::SessionUser{"nguyen.van.an", "Nguyễn Văn An", "officer"};
    out.emplace_back("signed_in" + suffix, ui::MakeLoginView(m, kNow));
  }
  return out;
}

class LoginScreenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = HeadlessUi::Create({.width_px = 1366, .height_px = 768});
    ASSERT_TRUE(created.has_value()) << created.error().Describe();
    ui = std::move(created).value();
    view = ui::MakeLoginView(model, kNow);
  }
  void Draw() { DrawLogin(view, state, actions); }
  std::function<void()> Drawer() {
    return [this] { Draw(); };
  }

  std::unique_ptr<HeadlessUi> ui;
  ui::CounterModel model = BaseModel();
  ui::LoginView view;
  LoginScreenState state;
  std::vector<CounterAction> actions;
};

TEST_F(LoginScreenTest, EveryFixtureDrawsAndFitsAtEverySupportedSize) {
  ui::TakeMissingKeys();
  const std::pair<int, int> sizes[] = {{1024, 600}, {1366, 768}, {1920, 1080}};
  for (const auto& [name, fixture] : FixtureViews()) {
    for (const auto& [w, h] : sizes) {
      ui->Resize(w, h);
      LoginScreenState s;
      std::vector<CounterAction> a;
      ui->Frames(4, [&] { DrawLogin(fixture, s, a); });
      EXPECT_EQ(ui::WindowScrollMaxY("##login"), 0.0f) << name << " at " << w << "x" << h;
      EXPECT_TRUE(a.empty()) << name;
      // The card must sit fully inside the window.
      const auto submit = ui::FindItemRect("submit");
      ASSERT_TRUE(submit.has_value()) << name;
      EXPECT_LE(submit->max.y, static_cast<float>(h)) << name << " at " << w << "x" << h;
      EXPECT_GE(submit->min.x, 0.0f);
      EXPECT_LE(submit->max.x, static_cast<float>(w));
    }
  }
  EXPECT_TRUE(ui::TakeMissingKeys().empty());
}

TEST_F(LoginScreenTest, TypingAndEnterSubmitsUserAndPassword) {
  ui->Frames(3, Drawer());  // the user-name box takes the caret on its own
  ui->Type("nguyen.van.an", Drawer());
  ui->PressKey(ImGuiKey_Tab, Drawer());
  ui->Type("Mk@2026!", Drawer());
  ui->PressKey(ImGuiKey_Enter, Drawer());
  ASSERT_EQ(actions.size(), 1u);
  const auto* submit = std::get_if<ui::SubmitLogin>(&actions[0]);
  ASSERT_NE(submit, nullptr);
  EXPECT_EQ(submit->user_name, "nguyen.van.an");
  EXPECT_EQ(submit->password, "Mk@2026!");
  EXPECT_EQ(state.password, "") << "the password box is wiped after each submit";
  EXPECT_EQ(state.user_name, "nguyen.van.an");
}

TEST_F(LoginScreenTest, EnterInUserNameMovesToPasswordWhenItIsEmpty) {
  ui->Frames(3, Drawer());
  ui->Type("nguyen.van.an", Drawer());
  ui->PressKey(ImGuiKey_Enter, Drawer());
  EXPECT_TRUE(actions.empty());
  ui->Frames(2, Drawer());
  ui->Type("Mk@2026!", Drawer());
  EXPECT_EQ(state.password, "Mk@2026!") << "the caret should have moved to the password box";
  ui->PressKey(ImGuiKey_Enter, Drawer());
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(std::get<ui::SubmitLogin>(actions[0]).user_name, "nguyen.van.an");
}

TEST_F(LoginScreenTest, ClickingTheButtonSubmits) {
  state.user_name = "tran.thi.binh";
  state.password = "buu-chinh-1";
  ui->Frames(2, Drawer());
  ASSERT_TRUE(ui->Click("submit", Drawer()));
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(std::get<ui::SubmitLogin>(actions[0]).password, "buu-chinh-1");
}

TEST_F(LoginScreenTest, LanguageButtonAsksForTheOtherLanguage) {
  ui->Frames(2, Drawer());
  ASSERT_TRUE(ui->Click("switch_language", Drawer()));
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(std::get<ui::SwitchLanguage>(actions[0]).lang, ui::Lang::kEn);
}

TEST_F(LoginScreenTest, NewErrorPutsTheCaretInThePasswordBox) {
  ui->Frames(3, Drawer());
  ui->Type("nguyen.van.an", Drawer());
  // The app applied a failed attempt: a wrong pair, no single field at fault.
  model.login.error = Invalid("", "bad_credentials", "");
  model.login.error_serial = 1;
  view = ui::MakeLoginView(model, kNow);
  ui->Frames(2, Drawer());
  ui->Type("again", Drawer());
  EXPECT_EQ(state.password, "again");
  EXPECT_EQ(state.user_name, "nguyen.van.an");
}

TEST_F(LoginScreenTest, KeyboardOnlyRunNeedsNoMouse) {
  // Counted input events for a sign-in: the typed characters, one Tab, one Enter.
  ui->Frames(3, Drawer());
  ui->Type("an", Drawer());
  ui->PressKey(ImGuiKey_Tab, Drawer());
  ui->Type("pw", Drawer());
  ui->PressKey(ImGuiKey_Enter, Drawer());
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(std::get<ui::SubmitLogin>(actions[0]).user_name, "an");
}

}  // namespace
}  // namespace motcua::counter
