// Shared set-up for the auth tests: a fresh SQLite store in a temporary directory, cheap argon2id costs,
// a first administrator and one officer.
//
// Cost: the tests hash with libsodium's MIN limits (1 pass, 8 KiB) through AuthSettings, so the ~100
// hashes of the suite take milliseconds instead of the ~0.1 s each that the INTERACTIVE default (2 passes,
// 64 MiB) costs. One test (AddUser.HashesWithInteractiveCostByDefault) pays for the real default once.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "auth/accounts.h"
#include "auth/login.h"
#include "common/crypto.h"
#include "support/fixtures.h"

namespace motcua::auth::testing {

inline AuthSettings FastSettings() {
  return AuthSettings{.argon2_opslimit = kArgon2OpsMin, .argon2_memlimit_bytes = kArgon2MemMinBytes,
                      .station = "station-1"};
}

// Passwords of the fixture accounts, with Vietnamese letters as officers really type them.
inline constexpr const char* kAdminPassword = "Quản-trị-2026!";
inline constexpr const char* kOfficerPassword = "Mật-khẩu-tiếp-nhận-1";

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    auto s = store::OpenSqliteStore((dir_ / "motcua.db").string());
    ASSERT_TRUE(s) << s.error().Describe();
    store_ = std::move(*s);
  }

  // quan.tri (admin) by bootstrap, then nguyen.van.an (officer, unit "Phòng Tư pháp").
  void AddFixtureUsers() {
    auto admin = BootstrapAdmin(*store_, {"quan.tri", "Quản Trị Viên", workflow::Role::kAdmin, ""},
                                kAdminPassword, motcua::testing::At("2026-11-23 07:30"), settings_);
    ASSERT_TRUE(admin) << admin.error().Describe();
    auto officer = AddUser(*store_, admin_, {"nguyen.van.an", "Nguyễn Văn An", workflow::Role::kOfficer, "Phòng Tư pháp"},
                           kOfficerPassword, motcua::testing::At("2026-11-23 07:31"), settings_);
    ASSERT_TRUE(officer) << officer.error().Describe();
  }

  std::vector<store::JournalEvent> Journal() { return store_->ReadJournal({}).value(); }
  std::size_t JournalSize() { return Journal().size(); }
  Account Stored(const std::string& name) { return GetUser(*store_, admin_, name).value(); }

  motcua::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  AuthSettings settings_ = FastSettings();
  workflow::Actor admin_{"quan.tri", workflow::Role::kAdmin, "station-1"};
  workflow::Actor officer_{"nguyen.van.an", workflow::Role::kOfficer, "station-2"};
};

}  // namespace motcua::auth::testing
