#include "ui_model/login_view.h"

#include <gtest/gtest.h>

#include "ui_model/station_fixture.h"
#include "ui_model/strings.h"

namespace motcua::ui {
namespace {

const Instant kNow = FromUnixSeconds(1767229200);  // 2026-01-01 08:00 Vietnam time

CounterModel Model(Lang lang = Lang::kVi) {
  CounterModel m;
  m.lang = lang;
  m.station_name = "Quầy 3";
  m.app_version = "0.1.0";
  return m;
}

TEST(MakeLoginView, FreshVietnameseScreen) {
  TakeMissingKeys();
  const LoginView v = MakeLoginView(Model(), kNow);
  EXPECT_EQ(v.title, "Đăng nhập");
  EXPECT_EQ(v.user_label, "Tên đăng nhập");
  EXPECT_EQ(v.password_label, "Mật khẩu");
  EXPECT_EQ(v.submit_label, "Đăng nhập");
  EXPECT_EQ(v.switch_language_label, "English");
  EXPECT_EQ(v.switch_to, Lang::kEn);
  EXPECT_EQ(v.error_text, "");
  EXPECT_EQ(v.error_field, LoginField::kNone);
  EXPECT_EQ(v.notice_text, "");
  EXPECT_EQ(v.station_line, "Máy trạm: Quầy 3");
  EXPECT_EQ(v.version_line, "Phiên bản 0.1.0");
  EXPECT_TRUE(TakeMissingKeys().empty());
}

TEST(MakeLoginView, EnglishScreenOffersVietnamese) {
  const LoginView v = MakeLoginView(Model(Lang::kEn), kNow);
  EXPECT_EQ(v.title, "Sign in");
  EXPECT_EQ(v.switch_language_label, "Tiếng Việt");
  EXPECT_EQ(v.switch_to, Lang::kVi);
}

TEST(MakeLoginView, NoStationLineWithoutStationName) {
  CounterModel m = Model();
  m.station_name.clear();
  EXPECT_EQ(MakeLoginView(m, kNow).station_line, "");
}

TEST(MakeLoginView, MissingUserNameHighlightsUserBox) {
  CounterModel m = Model();
  m.login.error = Invalid("user_name", "required", "");
  m.login.error_serial = 1;
  const LoginView v = MakeLoginView(m, kNow);
  EXPECT_EQ(v.error_text, "Vui lòng nhập tên đăng nhập.");
  EXPECT_EQ(v.error_field, LoginField::kUserName);
  EXPECT_EQ(v.focus_after_error, LoginField::kUserName);
  EXPECT_EQ(v.error_serial, 1);
}

TEST(MakeLoginView, WrongPairHighlightsNothingAndRefocusesPassword) {
  CounterModel m = Model();
  m.login.error = Invalid("", "bad_credentials", "");
  const LoginView v = MakeLoginView(m, kNow);
  EXPECT_EQ(v.error_text, "Tên đăng nhập hoặc mật khẩu không đúng.");
  EXPECT_EQ(v.error_field, LoginField::kNone);
  EXPECT_EQ(v.focus_after_error, LoginField::kPassword);
}

TEST(MakeLoginView, LockShowsVietnamTimeItEnds) {
  CounterModel m = Model();
  m.login.error = Conflict("user_name", "account_locked", "");
  m.login.locked_until = kNow + std::chrono::minutes(5);  // 08:05 in Vietnam (01:05 UTC)
  const LoginView v = MakeLoginView(m, kNow);
  EXPECT_EQ(v.error_text,
            "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Có thể thử lại lúc 08:05.");
  // Once the time has passed, the line no longer promises a time.
  EXPECT_EQ(MakeLoginView(m, kNow + std::chrono::minutes(5)).error_text,
            "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần.");
}

TEST(MakeLoginView, ViewOfAppliedActionsEndToEnd) {
  // Real accounts (auth/login.h) in a fresh station.
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  (void)f->Do(SubmitLogin{testing::kOfficer, "sai"});
  EXPECT_EQ(MakeLoginView(f->model, f->clock.Now()).error_text, "Tên đăng nhập hoặc mật khẩu không đúng.");
  ASSERT_TRUE(f->Do(SubmitLogin{testing::kOfficer, testing::kPassword}).has_value());
  const LoginView v = MakeLoginView(f->model, f->clock.Now());
  EXPECT_EQ(v.error_text, "");
  EXPECT_EQ(v.notice_text, "Đã đăng nhập: Nguyễn Văn An — Cán bộ tiếp nhận và trả kết quả.");
  EXPECT_EQ(v.notice_tone, Tone::kSuccess);
}

TEST(MakeLoginView, ScanBeforeLoginIsAWarningNotice) {
  CounterModel m = Model();
  m.login.notice_key = "login.scan_needs_login";
  const LoginView v = MakeLoginView(m, kNow);
  EXPECT_EQ(v.notice_text, "Đã nhận mã quét. Vui lòng đăng nhập trước khi quét hồ sơ.");
  EXPECT_EQ(v.notice_tone, Tone::kWarning);
}

TEST(MakeLoginView, EveryStateInBothLanguagesUsesOnlyKnownKeys) {
  TakeMissingKeys();
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    CounterModel m = Model(lang);
    (void)MakeLoginView(m, kNow);
    for (const Error& e : {Invalid("user_name", "required", ""), Invalid("password", "required", ""),
                           Invalid("", "bad_credentials", ""), Conflict("user_name", "account_locked", ""),
                           Conflict("user_name", "account_disabled", ""),
                           Unavailable("", "database_busy", "")}) {
      m.login.error = e;
      m.login.locked_until = kNow + std::chrono::minutes(5);
      const LoginView v = MakeLoginView(m, kNow);
      EXPECT_NE(v.error_text.find_first_not_of(' '), std::string::npos);
      EXPECT_EQ(v.error_text.find('['), std::string::npos) << e.rule;
    }
    m.login.notice_key = "login.scan_needs_login";
    (void)MakeLoginView(m, kNow);
    for (const char* role : {"officer", "postal", "supervisor", "admin"}) {
      m.session = SessionUser{"u", "Người Dùng", role};
      EXPECT_EQ(MakeLoginView(m, kNow).notice_text.find("— " + std::string(role)), std::string::npos)
          << "role " << role << " has no text";
    }
  }
  EXPECT_EQ(TakeMissingKeys(), std::vector<std::string>{});
}

}  // namespace
}  // namespace motcua::ui
