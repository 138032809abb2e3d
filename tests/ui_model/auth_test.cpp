#include "ui_model/auth.h"

#include <gtest/gtest.h>

#include "ui_model/strings.h"

namespace motcua::ui {
namespace {

const Instant kNow = FromUnixSeconds(1767229200);  // 2026-01-01 08:00 Vietnam time

TEST(PendingAuthenticator, RefusesEveryAttemptAsBackendMissing) {
  PendingAuthenticator auth;
  const Result<SessionUser> r = auth.SignIn("nguyen.van.an", "mat-khau", kNow);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().field, "");
  EXPECT_EQ(r.error().rule, "auth_backend_missing");
  EXPECT_EQ(auth.LockedUntil("nguyen.van.an", kNow), std::nullopt);
}

TEST(PendingAuthenticator, ChecksRequiredFieldsFirst) {
  PendingAuthenticator auth;
  const Result<SessionUser> no_user = auth.SignIn("", "x", kNow);
  ASSERT_FALSE(no_user.has_value());
  EXPECT_EQ(no_user.error().field, "user_name");
  EXPECT_EQ(no_user.error().rule, "required");
  const Result<SessionUser> no_password = auth.SignIn("an", "", kNow);
  ASSERT_FALSE(no_password.has_value());
  EXPECT_EQ(no_password.error().field, "password");
  EXPECT_EQ(no_password.error().rule, "required");
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
