// The counter model's session and navigation over real accounts (auth/login.h): sign-in and lockout,
// roles gating the screens (and the core refusing anyway), idle locking and unlocking, signing out,
// scans routed by what they are, and logs that never hold secrets.
#include "ui_model/counter_app.h"

#include <gtest/gtest.h>

#include "auth/accounts.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"
#include "workflow/desk.h"

namespace motcua::ui {
namespace {

using testing::kPassword;

class CounterAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = testing::MakeStation();
    ASSERT_NE(f, nullptr);
  }
  Status Apply(const CounterAction& a) { return f->Do(a); }
  CounterModel& model() { return f->model; }
  std::unique_ptr<testing::StationFixture> f;
};

TEST_F(CounterAppTest, SignInWithTheRightPasswordOpensTheRoleHomeScreen) {
  ASSERT_TRUE(Apply(SubmitLogin{"  nguyen.van.an \t", kPassword}).has_value());
  ASSERT_TRUE(model().session.has_value());
  EXPECT_EQ(model().session->user_name, "nguyen.van.an");
  EXPECT_EQ(model().session->display_name, "Nguyễn Văn An");
  EXPECT_EQ(model().session->role, "officer");
  EXPECT_EQ(model().screen, kScreenIntake) << "an officer starts at the intake";
  EXPECT_FALSE(model().login.error.has_value());
}

TEST_F(CounterAppTest, AKiosksStationAccountCannotSignInAtACounter) {
  auto policy = auth::LoadAuthSettings(*f->station->store);
  ASSERT_TRUE(policy);
  const workflow::Actor admin{testing::kAdmin, workflow::Role::kAdmin, "station-1"};
  auto added = auth::AddUser(*f->station->store, admin, {"kiosk.sanh", "Ki-ốt sảnh", workflow::Role::kKiosk, ""},
                             kPassword, f->clock.Now(), *policy);
  ASSERT_TRUE(added) << added.error().Describe();
  Status s = Apply(SubmitLogin{"kiosk.sanh", kPassword});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().rule, "kiosk_account");
  EXPECT_FALSE(model().session.has_value());
  EXPECT_EQ(ErrorMessage(Lang::kVi, *model().login.error),
            "Đây là tài khoản của ki-ốt, không dùng để đăng nhập tại quầy.");
}

TEST_F(CounterAppTest, EmptyFieldsAreRequiredWithoutAnAttempt) {
  const std::int64_t events = f->JournalCount();
  Status s = Apply(SubmitLogin{"   ", "x"});
  EXPECT_EQ(s.error().field, "user_name");
  EXPECT_EQ(s.error().rule, "required");
  s = Apply(SubmitLogin{"nguyen.van.an", ""});
  EXPECT_EQ(s.error().field, "password");
  EXPECT_EQ(s.error().rule, "required");
  EXPECT_EQ(model().login.error_serial, 2);
  EXPECT_EQ(f->JournalCount(), events) << "no attempt was made, so none was journaled";
}

TEST_F(CounterAppTest, FifthFailureLocksForFiveMinutes) {
  for (int i = 0; i < 4; ++i) ASSERT_EQ(Apply(SubmitLogin{"nguyen.van.an", "sai"}).error().rule, "bad_credentials");
  const Instant now = f->clock.Now();
  EXPECT_EQ(Apply(SubmitLogin{"nguyen.van.an", "sai"}).error().rule, "account_locked");
  ASSERT_TRUE(model().login.locked_until.has_value());
  EXPECT_EQ(*model().login.locked_until, now + std::chrono::minutes(5));
  f->clock.Advance(std::chrono::minutes(4));
  EXPECT_EQ(Apply(SubmitLogin{"nguyen.van.an", kPassword}).error().rule, "account_locked");
  f->clock.Advance(std::chrono::minutes(1));
  EXPECT_TRUE(Apply(SubmitLogin{"nguyen.van.an", kPassword}).has_value());
}

TEST_F(CounterAppTest, DisabledAccountIsRefusedOnUserName) {
  const workflow::Actor admin{testing::kAdmin, workflow::Role::kAdmin, "station-1"};
  ASSERT_TRUE(auth::DisableUser(*f->station->store, admin, testing::kPostal, f->clock.Now()).has_value());
  const Status s = Apply(SubmitLogin{testing::kPostal, kPassword});
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(s.error().field, "user_name");
  EXPECT_EQ(s.error().rule, "account_disabled");
}

TEST_F(CounterAppTest, RolesGateTheTabsAndTheCoreRefusesAnyway) {
  f->SignIn(testing::kPostal);
  EXPECT_EQ(model().screen, kScreenPostal) << "postal staff start at the postal screen";
  ShellView shell = MakeShellView(model(), f->clock.Now());
  std::vector<std::string> tabs;
  for (const NavTab& t : shell.tabs) tabs.push_back(t.key);
  EXPECT_EQ(tabs, (std::vector<std::string>{"postal", "settings"}));
  Status s = Apply(Navigate{std::string(kScreenIntake)});
  EXPECT_EQ(s.error().field, "role");
  EXPECT_EQ(s.error().rule, "not_allowed");
  EXPECT_EQ(model().screen, kScreenPostal);
  // Even an intake that reached the model (a stale screen) is refused by the core.
  s = Apply(StartIntake{});
  EXPECT_EQ(s.error().rule, "not_allowed");
  // A CCCD scanned at a postal account is not used.
  ASSERT_TRUE(Apply(ScanReceived{testing::kCccdQr}).has_value());
  EXPECT_EQ(model().notice_key, "notice.scan_not_for_role");
  EXPECT_FALSE(model().intake.active);

  ASSERT_TRUE(Apply(SignOut{}).has_value());
  f->SignIn(testing::kSupervisor);
  shell = MakeShellView(model(), f->clock.Now());
  tabs.clear();
  for (const NavTab& t : shell.tabs) tabs.push_back(t.key);
  EXPECT_EQ(tabs, (std::vector<std::string>{"intake", "worklist", "postal", "scorecard", "sync", "settings"}));
}

TEST_F(CounterAppTest, ScreenLocksAfterTheIdleTimeAndUnlocksWithThePassword) {
  f->SignIn(testing::kOfficer);
  ASSERT_TRUE(Apply(ScanReceived{testing::kCccdQr}).has_value());
  EXPECT_EQ(model().idle_lock_minutes, 10);
  f->clock.Advance(std::chrono::minutes(9));
  TickCounter(model(), f->Backend(), false);
  EXPECT_FALSE(model().lock.is_locked);
  f->clock.Advance(std::chrono::minutes(1));
  TickCounter(model(), f->Backend(), false);
  ASSERT_TRUE(model().lock.is_locked);
  // While locked, only the unlock, sign-out and language actions do anything.
  Status s = Apply(Navigate{std::string(kScreenWorklist)});
  EXPECT_EQ(s.error().rule, "screen_locked");
  s = Apply(SubmitUnlock{"sai"});
  EXPECT_EQ(s.error().rule, "bad_credentials");
  EXPECT_EQ(model().lock.error_serial, 1);
  EXPECT_EQ(MakeLockView(model(), f->clock.Now()).error_text, "Tên đăng nhập hoặc mật khẩu không đúng.");
  ASSERT_TRUE(Apply(SubmitUnlock{kPassword}).has_value());
  EXPECT_FALSE(model().lock.is_locked);
  EXPECT_EQ(model().intake.draft.name, "Nguyễn Thị Hồng Nhung") << "the work in progress survives the lock";
}

TEST_F(CounterAppTest, InputKeepsTheScreenUnlockedAndCtrlLLocksAtOnce) {
  f->SignIn(testing::kOfficer);
  for (int i = 0; i < 3; ++i) {
    f->clock.Advance(std::chrono::minutes(6));
    TickCounter(model(), f->Backend(), true);
  }
  EXPECT_FALSE(model().lock.is_locked);
  ASSERT_TRUE(Apply(LockScreen{}).has_value());
  EXPECT_TRUE(model().lock.is_locked);
  LockView v = MakeLockView(model(), f->clock.Now());
  EXPECT_EQ(v.user_line, "Nguyễn Văn An (nguyen.van.an)");
}

TEST_F(CounterAppTest, SignOutForgetsTheSessionButKeepsTheDraftInTheStore) {
  f->SignIn(testing::kOfficer);
  ASSERT_TRUE(Apply(ScanReceived{testing::kCccdQr}).has_value());
  ASSERT_TRUE(Apply(SignOut{}).has_value());
  EXPECT_FALSE(model().session.has_value());
  EXPECT_EQ(model().login.notice_key, "login.signed_out");
  EXPECT_FALSE(model().intake.active);
  f->SignIn(testing::kOfficer);
  EXPECT_EQ(model().intake.draft.name, "Nguyễn Thị Hồng Nhung");
}

TEST_F(CounterAppTest, ReceiptScanOpensItsDossierAndForgedTokensAreRefused) {
  f->SignIn(testing::kOfficer);
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  Result<std::optional<dossier::Dossier>> d = f->station->store->GetDossier(code);
  ASSERT_TRUE(d.has_value() && d->has_value());
  Result<std::string> token = workflow::ReceiptTokenFor(f->station->desk, **d);
  ASSERT_TRUE(token.has_value());
  ASSERT_TRUE(Apply(Navigate{std::string(kScreenWorklist)}).has_value());
  // A scanner with Caps Lock off types the token in lower case: still accepted.
  std::string lower = *token;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_TRUE(Apply(ScanReceived{lower + "\r"}).has_value());
  EXPECT_EQ(model().screen, kScreenDossier);
  ASSERT_TRUE(model().dossier.dossier.has_value());
  EXPECT_EQ(model().dossier.dossier->code, code);
  // Esc goes back to where it was opened from.
  ASSERT_TRUE(Apply(GoBack{}).has_value());
  EXPECT_EQ(model().screen, kScreenWorklist);
  // One character changed: refused with its reason, and nothing opens.
  std::string forged = *token;
  forged[forged.size() - 1] = forged.back() == 'A' ? 'B' : 'A';
  Status s = Apply(ScanReceived{forged});
  EXPECT_EQ(s.error().field, "receipt_token");
  EXPECT_EQ(s.error().rule, "bad_mac");
  EXPECT_EQ(model().screen, kScreenWorklist);
  EXPECT_EQ(MakeShellView(model(), f->clock.Now()).notice_text, "Mã QR giấy hẹn không hợp lệ (bị sửa hoặc giả mạo).");
  // A dossier code typed by a scanner opens it too; junk gets a notice.
  ASSERT_TRUE(Apply(ScanReceived{code}).has_value());
  EXPECT_EQ(model().screen, kScreenDossier);
  ASSERT_TRUE(Apply(ScanReceived{"HELLO-WORLD-123"}).has_value());
  EXPECT_EQ(model().notice_key, "notice.scan_unknown");
}

TEST_F(CounterAppTest, ScanBeforeSignInOnlyShowsANotice) {
  ASSERT_TRUE(Apply(ScanReceived{testing::kCccdQr}).has_value());
  EXPECT_EQ(model().login.notice_key, "login.scan_needs_login");
  EXPECT_FALSE(model().intake.active);
}

TEST_F(CounterAppTest, ActionsBeforeSignInAreRefused) {
  EXPECT_EQ(Apply(Navigate{std::string(kScreenWorklist)}).error().rule, "not_signed_in");
  EXPECT_EQ(Apply(StartIntake{}).error().rule, "not_signed_in");
}

TEST_F(CounterAppTest, SwitchLanguageChangesEveryText) {
  f->SignIn(testing::kOfficer);
  ASSERT_TRUE(Apply(SwitchLanguage{Lang::kEn}).has_value());
  ShellView v = MakeShellView(model(), f->clock.Now());
  EXPECT_EQ(v.tabs.front().label, "Intake");
  EXPECT_EQ(v.switch_language_label, "Tiếng Việt");
  EXPECT_EQ(v.clock_text, "08:30, Thursday 12/03/2026");
}

TEST(CounterScreens, EveryScreenHasATabLabelAndAPermission) {
  for (const ScreenSpec& s : CounterScreens()) {
    EXPECT_NE(FindString(Lang::kVi, s.label_key), nullptr) << s.key;
    EXPECT_NE(FindString(Lang::kEn, s.label_key), nullptr) << s.key;
    EXPECT_EQ(FindScreen(s.key), &s);
  }
  EXPECT_EQ(FindScreen("scores"), nullptr);
}

TEST(DescribeForLog, NeverContainsPasswordsScansOrApplicantData) {
  const std::string login = DescribeForLog(SubmitLogin{" nguyen.van.an ", "Mk@2026!"});
  EXPECT_EQ(login, "SubmitLogin user_name=nguyen.van.an");
  EXPECT_EQ(DescribeForLog(SubmitUnlock{"Mk@2026!"}), "SubmitUnlock");
  EXPECT_EQ(DescribeForLog(ScanReceived{"079203001234|Nguyễn"}), "ScanReceived chars=19");
  EXPECT_EQ(DescribeForLog(SetApplicantField{ApplicantField::kName, "Nguyễn Thị Hồng Nhung"}),
            "SetApplicantField field=name");
  EXPECT_EQ(DescribeForLog(SwitchLanguage{Lang::kEn}), "SwitchLanguage lang=en");
  EXPECT_EQ(DescribeForLog(ConfirmIntake{}), "ConfirmIntake");
  EXPECT_EQ(DescribeForLog(OpenDossier{"000.00.00.H56-260312-0001"}), "OpenDossier code=000.00.00.H56-260312-0001");
}

}  // namespace
}  // namespace motcua::ui
