#include "ui_model/counter_app.h"

#include <gtest/gtest.h>

#include "test_authenticator.h"

namespace motcua::ui {
namespace {

const Instant kNow = FromUnixSeconds(1767229200);  // 2026-01-01 08:00 Vietnam time

class CounterAppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auth.Add("nguyen.van.an", "Mk@2026!", "Nguyễn Văn An", "officer");
    auth.Add("tran.thi.binh", "buu-chinh-1", "Trần Thị Bình", "postal");
    auth.Add("le.van.cu", "cu-123456", "Lê Văn Cư", "officer", /*is_disabled=*/true);
  }
  Status Apply(const CounterAction& action, Instant now = kNow) {
    return ApplyCounterAction(model, CounterBackend{.auth = &auth, .now = now}, action);
  }

  testing::TableAuthenticator auth;
  CounterModel model;
};

TEST_F(CounterAppTest, SubmitLoginWithRightPasswordOpensSession) {
  ASSERT_TRUE(Apply(SubmitLogin{"nguyen.van.an", "Mk@2026!"}).has_value());
  ASSERT_TRUE(model.session.has_value());
  EXPECT_EQ(model.session->display_name, "Nguyễn Văn An");
  EXPECT_EQ(model.session->role, "officer");
  EXPECT_FALSE(model.login.error.has_value());
}

TEST_F(CounterAppTest, SubmitLoginTrimsUserName) {
  ASSERT_TRUE(Apply(SubmitLogin{"  tran.thi.binh \t", "buu-chinh-1"}).has_value());
  EXPECT_EQ(model.session->user_name, "tran.thi.binh");
}

TEST_F(CounterAppTest, EmptyUserNameIsRequiredWithoutAskingTheAuthenticator) {
  const Status s = Apply(SubmitLogin{"   ", "x"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "user_name");
  EXPECT_EQ(s.error().rule, "required");
  EXPECT_EQ(auth.calls, 0);
  EXPECT_EQ(model.login.error_serial, 1);
  EXPECT_FALSE(model.session.has_value());
}

TEST_F(CounterAppTest, EmptyPasswordIsRequired) {
  const Status s = Apply(SubmitLogin{"nguyen.van.an", ""});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "password");
  EXPECT_EQ(s.error().rule, "required");
  EXPECT_EQ(auth.calls, 0);
}

TEST_F(CounterAppTest, WrongPasswordRecordsErrorAndBumpsSerial) {
  const Status s = Apply(SubmitLogin{"nguyen.van.an", "sai"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().rule, "bad_credentials");
  ASSERT_TRUE(model.login.error.has_value());
  EXPECT_EQ(model.login.error->rule, "bad_credentials");
  EXPECT_EQ(model.login.error_serial, 1);
  ASSERT_FALSE(Apply(SubmitLogin{"nguyen.van.an", "sai nữa"}).has_value());
  EXPECT_EQ(model.login.error_serial, 2);
  EXPECT_FALSE(model.session.has_value());
}

TEST_F(CounterAppTest, FifthFailureLocksForFiveMinutesAndRecordsUntil) {
  for (int i = 0; i < 4; ++i) ASSERT_EQ(Apply(SubmitLogin{"nguyen.van.an", "sai"}).error().rule, "bad_credentials");
  const Status fifth = Apply(SubmitLogin{"nguyen.van.an", "sai"});
  EXPECT_EQ(fifth.error().rule, "account_locked");
  ASSERT_TRUE(model.login.locked_until.has_value());
  EXPECT_EQ(*model.login.locked_until, kNow + std::chrono::minutes(5));
  // Even the right password is refused during the lock, and accepted once it has passed.
  EXPECT_EQ(Apply(SubmitLogin{"nguyen.van.an", "Mk@2026!"}, kNow + std::chrono::minutes(4)).error().rule,
            "account_locked");
  EXPECT_TRUE(Apply(SubmitLogin{"nguyen.van.an", "Mk@2026!"}, kNow + std::chrono::minutes(5)).has_value());
  EXPECT_FALSE(model.login.locked_until.has_value());
  EXPECT_FALSE(model.login.error.has_value());
}

TEST_F(CounterAppTest, DisabledAccountIsRefusedOnUserName) {
  const Status s = Apply(SubmitLogin{"le.van.cu", "cu-123456"});
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(s.error().field, "user_name");
  EXPECT_EQ(s.error().rule, "account_disabled");
}

TEST_F(CounterAppTest, PendingAuthenticatorGivesBackendMissing) {
  PendingAuthenticator pending;
  const Status s = ApplyCounterAction(model, CounterBackend{.auth = &pending, .now = kNow},
                                      SubmitLogin{"nguyen.van.an", "Mk@2026!"});
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().rule, "auth_backend_missing");
}

TEST_F(CounterAppTest, SwitchLanguageChangesLanguage) {
  ASSERT_TRUE(Apply(SwitchLanguage{Lang::kEn}).has_value());
  EXPECT_EQ(model.lang, Lang::kEn);
  ASSERT_TRUE(Apply(SwitchLanguage{Lang::kVi}).has_value());
  EXPECT_EQ(model.lang, Lang::kVi);
}

TEST_F(CounterAppTest, ScanBeforeLoginShowsNoticeAndIsNotAnError) {
  ASSERT_TRUE(Apply(ScanReceived{"079203001234|025123456|Nguyễn Thị Ánh Tuyết"}).has_value());
  EXPECT_EQ(model.login.notice_key, "login.scan_needs_login");
  // The next attempt clears the notice.
  (void)Apply(SubmitLogin{"nguyen.van.an", "sai"});
  EXPECT_EQ(model.login.notice_key, "");
}

TEST(DescribeForLog, NeverContainsPasswordOrScanContent) {
  const std::string login = DescribeForLog(SubmitLogin{" nguyen.van.an ", "Mk@2026!"});
  EXPECT_EQ(login, "SubmitLogin user_name=nguyen.van.an");
  EXPECT_EQ(login.find("Mk@2026!"), std::string::npos);
  EXPECT_EQ(DescribeForLog(ScanReceived{"079203001234|Nguyễn"}), "ScanReceived chars=19");
  EXPECT_EQ(DescribeForLog(SwitchLanguage{Lang::kEn}), "SwitchLanguage lang=en");
}

}  // namespace
}  // namespace motcua::ui
