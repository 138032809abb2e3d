// The sync's settings: what configure refuses, and the password file that must stay private.
#include "sync/settings.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/fixtures.h"
#include "sync/worker.h"

namespace motcua::sync {
namespace {

class SyncSettingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    password_ = (dir_.path() / "password").string();
    std::ofstream(password_) << "bí-mật\n";
    ::chmod(password_.c_str(), 0600);
    s_.base_url = "https://dvc.example.gov.vn";
    s_.auth_path = "/api/auth/login";
    s_.integration_path = "/api/integration";
    s_.dstcode = "H56";
    s_.unit_code = "000.00.00.H56";
    s_.username = "motcua";
    s_.password_file = password_;
  }
  testing::TempDir dir_;
  std::string password_;
  SyncSettings s_;
};

TEST_F(SyncSettingsTest, ThePasswordIsTheFilesFirstLine) {
  auto p = ReadPassword(password_);
  ASSERT_TRUE(p) << p.error().Describe();
  EXPECT_EQ(*p, "bí-mật");
  EXPECT_TRUE(CheckSyncSettings(s_));
}

TEST_F(SyncSettingsTest, APasswordFileOthersMayReadIsRefusedNamingTheModeNotTheSecret) {
  ::chmod(password_.c_str(), 0644);
  auto p = ReadPassword(password_);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().rule, "password_file_not_private");
  EXPECT_NE(p.error().detail.find("0644"), std::string::npos) << p.error().detail;
  EXPECT_NE(p.error().detail.find(password_), std::string::npos);
  EXPECT_EQ(p.error().detail.find("bí-mật"), std::string::npos);
  ::chmod(password_.c_str(), 0640);
  EXPECT_EQ(CheckSyncSettings(s_).error().rule, "password_file_not_private");
}

TEST_F(SyncSettingsTest, ConfigureRefusesWhatCannotWork) {
  SyncSettings s = s_;
  s.base_url = "http://dvc.example.gov.vn";
  EXPECT_EQ(CheckSyncSettings(s).error().rule, "insecure_url");
  s = s_;
  s.auth_path = "api/login";
  EXPECT_EQ(CheckSyncSettings(s).error().rule, "bad_path");
  s = s_;
  s.dstcode.clear();
  EXPECT_EQ(CheckSyncSettings(s).error().field, "dstcode");
  s = s_;
  s.batch_size = 101;
  EXPECT_EQ(CheckSyncSettings(s).error().rule, "out_of_range");
  s = s_;
  s.password_file = (dir_.path() / "missing").string();
  EXPECT_EQ(CheckSyncSettings(s).error().rule, "cannot_read");
}

TEST_F(SyncSettingsTest, SettingsRoundTripAndAHandEditedValueIsCorrupt) {
  s_.batch_size = 25;
  s_.ca_file = "/etc/ssl/certs/ca.pem";
  auto back = ParseSyncSettings(WriteSyncSettings(s_));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->batch_size, 25);
  EXPECT_EQ(back->ca_file, s_.ca_file);
  EXPECT_EQ(back->password_file, s_.password_file);
  EXPECT_EQ(WriteSyncSettings(s_).find("bí-mật"), std::string::npos);
  EXPECT_EQ(ParseSyncSettings("[]").error().rule, "bad_setting");
  EXPECT_EQ(ParseSyncSettings(R"({"batch_size":"50"})").error().rule, "bad_setting");
}

TEST(BackoffTest, FullJitterDoublesUpToTheCapAndHonoursRetryAfter) {
  Backoff b(std::chrono::milliseconds(1000), std::chrono::minutes(5));
  for (int attempt = 0; attempt < 20; ++attempt) {
    const auto ceiling = std::min<std::int64_t>(300'000, std::int64_t(1000) << std::min(attempt, 30));
    const auto wait = b.Next();
    EXPECT_GE(wait.count(), 0);
    EXPECT_LE(wait.count(), ceiling) << attempt;
  }
  b.Reset();
  EXPECT_GE(b.Next(30).count(), 30'000);  // the server's Retry-After wins over a short jitter
  EXPECT_LE(b.Next(86'400).count(), 3'600'000);
}

}  // namespace
}  // namespace motcua::sync
