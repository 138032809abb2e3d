// StoreAuthenticator over the core's accounts (auth/login.h), and screen text for every rule it returns.
#include "ui_model/auth.h"

#include <gtest/gtest.h>

#include "ui_model/station_fixture.h"
#include "ui_model/strings.h"

namespace motcua::ui {
namespace {

TEST(StoreAuthenticator, SignsInWithTheAccountsRoleAndUnit) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  Result<SessionUser> u = f->auth->SignIn(testing::kUnitOfficer, testing::kPassword, f->clock.Now());
  ASSERT_TRUE(u.has_value()) << u.error().Describe();
  EXPECT_EQ(u->user_name, "tran.thi.binh");
  EXPECT_EQ(u->display_name, "Trần Thị Bình");
  EXPECT_EQ(u->role, "officer");
  EXPECT_EQ(u->unit, "Sở Tư pháp");
}

TEST(StoreAuthenticator, UnknownUserAndWrongPasswordLookTheSame) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  Result<SessionUser> unknown = f->auth->SignIn("khong.co", "whatever-1", f->clock.Now());
  Result<SessionUser> wrong = f->auth->SignIn(testing::kOfficer, "whatever-1", f->clock.Now());
  ASSERT_FALSE(unknown.has_value());
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(unknown.error().rule, "bad_credentials");
  EXPECT_EQ(wrong.error().rule, "bad_credentials");
  EXPECT_EQ(unknown.error().field, wrong.error().field);
}

TEST(StoreAuthenticator, LockedUntilIsFiveMinutesAfterTheFifthFailure) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  const Instant now = f->clock.Now();
  EXPECT_EQ(f->auth->LockedUntil(testing::kOfficer, now), std::nullopt);
  for (int i = 0; i < 5; ++i) (void)f->auth->SignIn(testing::kOfficer, "sai", now);
  EXPECT_EQ(f->auth->LockedUntil(testing::kOfficer, now), now + std::chrono::minutes(5));
  // Unlocking the screen is no way round the lock.
  Result<SessionUser> r = f->auth->Reauthenticate(testing::kOfficer, testing::kPassword, now);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "account_locked");
}

TEST(AuthErrorRules, EveryRuleHasItsOwnScreenTextInBothLanguages) {
  for (std::string_view rule : kAuthErrorRules) {
    if (rule == "required") {
      // "required" is worded per field.
      for (const char* field : {"user_name", "password"}) {
        EXPECT_NE(FindString(Lang::kVi, "error." + std::string(field) + ".required"), nullptr) << field;
        EXPECT_NE(FindString(Lang::kEn, "error." + std::string(field) + ".required"), nullptr) << field;
      }
      continue;
    }
    EXPECT_NE(FindString(Lang::kVi, "error." + std::string(rule)), nullptr) << rule;
    EXPECT_NE(FindString(Lang::kEn, "error." + std::string(rule)), nullptr) << rule;
  }
}

}  // namespace
}  // namespace motcua::ui
