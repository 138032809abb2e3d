// Accounts (auth/accounts.h): bootstrap, roles gating every change, the user-name and password rules,
// argon2id hashes, one journal event per change and nothing written by a refused change.
// The rules are issue 3 item 1 ("Log in") and the task brief for the auth module: user names of
// lower-case letters, digits and dots (3-32), passwords of at least 8 characters not equal to the user name.
#include "auth/accounts.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <string>

#include "auth/internal/password_hash.h"
#include "auth_fixtures.h"

namespace motcua::auth {
namespace {

using motcua::testing::At;
using nlohmann::json;
using testing::AuthTest;
using testing::kAdminPassword;
using testing::kOfficerPassword;

void ExpectError(const Error& e, ErrorCode code, const std::string& field, const std::string& rule) {
  EXPECT_EQ(e.code, code) << e.Describe();
  EXPECT_EQ(e.field, field) << e.Describe();
  EXPECT_EQ(e.rule, rule) << e.Describe();
}

template <class T>
void ExpectError(const Result<T>& r, ErrorCode code, const std::string& field, const std::string& rule) {
  ASSERT_FALSE(r.has_value()) << "expected " << field << "/" << rule;
  ExpectError(r.error(), code, field, rule);
}

// ---- user names and passwords --------------------------------------------------------------

TEST(ValidateUserName, WorkedExamplesAtBothEndsOfEveryRule) {
  struct Case {
    std::string name;
    std::string rule;  // "" = valid
  } cases[] = {
      {"nguyen.van.an", ""},            // the usual given-name pattern, folded to ASCII
      {"an1", ""},                      // 3 characters: the shortest allowed
      {"an", "too_short"},              // 2
      {std::string(32, 'a'), ""},       // 32: the longest allowed
      {std::string(33, 'a'), "too_long"},
      {"", "required"},
      {"nguyễn.an", "bad_character"},   // Vietnamese letters do not type the same on every layout
      {"Nguyen.An", "bad_character"},   // callers fold case first (AddUser, Login do)
      {"nguyen van", "bad_character"},
      {"nguyen_van", "bad_character"},
      {".nguyen", "bad_dot"},
      {"nguyen.", "bad_dot"},
      {"nguyen..an", "bad_dot"},
      {"a.b", ""},
  };
  for (const Case& c : cases) {
    Status s = ValidateUserName(c.name);
    if (c.rule.empty()) {
      EXPECT_TRUE(s) << c.name << ": " << s.error().Describe();
    } else {
      ASSERT_FALSE(s) << c.name;
      EXPECT_EQ(s.error().field, "user_name") << c.name;
      EXPECT_EQ(s.error().rule, c.rule) << c.name;
    }
  }
}

TEST(ValidatePassword, CountsCharactersNotBytesAndRefusesTheUserName) {
  const AuthSettings s;  // 8 characters by default
  struct Case {
    std::string password;
    std::string rule;
  } cases[] = {
      {"1234567", "too_short"},                  // 7
      {"12345678", ""},                          // 8: the boundary
      {"mậtkhẩu", "too_short"},                  // 7 characters, 11 bytes
      {"mậtkhẩu1", ""},                          // 8 characters
      {"ma\xCC\xA3\xCC\x82tkha\xCC\x82\xCC\x89u", "too_short"},  // NFD "mậtkhẩu": 7 once composed
      {"", "required"},
      {"Nguyen.Van.An", "same_as_user_name"},    // ignoring case
      {"\xFF\xFE" "abcdefgh", "bad_utf8"},
      {std::string(1024, 'x'), ""},
      {std::string(1025, 'x'), "too_long"},
  };
  for (const Case& c : cases) {
    Status r = ValidatePassword(c.password, "nguyen.van.an", s);
    if (c.rule.empty()) {
      EXPECT_TRUE(r) << c.password.size() << " bytes: " << r.error().Describe();
    } else {
      ASSERT_FALSE(r) << c.password.size() << " bytes, expected " << c.rule;
      EXPECT_EQ(r.error().field, "password");
      EXPECT_EQ(r.error().rule, c.rule);
      EXPECT_EQ(r.error().detail.find(c.password.empty() ? "\x01" : c.password), std::string::npos)
          << "the detail quotes the password";
    }
  }
}

TEST(ValidatePassword, MinimumLengthIsASetting) {
  AuthSettings twelve;
  twelve.min_password_length = 12;
  EXPECT_EQ(ValidatePassword("12345678901", "an1", twelve).error().rule, "too_short");
  EXPECT_TRUE(ValidatePassword("123456789012", "an1", twelve));
}

TEST(ValidateAuthSettings, RefusesCostsLibsodiumWouldRefuse) {
  AuthSettings s;
  s.argon2_memlimit_bytes = kArgon2MemMinBytes - 1;
  ExpectError(ValidateAuthSettings(s).error(), ErrorCode::kInvalid, "argon2_memlimit_bytes", "out_of_range");
  s = AuthSettings{};
  s.argon2_opslimit = 0;
  ExpectError(ValidateAuthSettings(s).error(), ErrorCode::kInvalid, "argon2_opslimit", "out_of_range");
  s = AuthSettings{};
  s.max_failed_attempts = 0;
  ExpectError(ValidateAuthSettings(s).error(), ErrorCode::kInvalid, "max_failed_attempts", "out_of_range");
  EXPECT_TRUE(ValidateAuthSettings(AuthSettings{}));
}

// ---- argon2id --------------------------------------------------------------------------------

TEST(PasswordHash, VerifiesTheArgon2ReferenceVector) {
  // phc-winner-argon2 src/test.c: argon2id v=19, m=256 KiB, t=2, p=1, password "password", salt "somesalt".
  const char* reference = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
  ASSERT_TRUE(InitCrypto());
  EXPECT_TRUE(internal::VerifyPassword(reference, "password"));
  EXPECT_FALSE(internal::VerifyPassword(reference, "Password"));
  EXPECT_FALSE(internal::VerifyPassword(reference, "password "));
  EXPECT_FALSE(internal::VerifyPassword("", "password"));
  EXPECT_FALSE(internal::VerifyPassword("not a hash", "password"));
  EXPECT_TRUE(internal::NeedsRehash(reference, {kArgon2OpsMin, kArgon2MemMinBytes}));
  EXPECT_FALSE(internal::NeedsRehash(reference, {2, 256 * 1024}));
}

TEST(PasswordHash, SameTextInNfcAndNfdVerifies) {
  // "ă" typed by one input method as U+0103, by another as "a" + U+0306 (combining breve).
  auto nfc = internal::NormalizePassword("m\xC4\x83t-kh\xE1\xBA\xA9u-01");
  auto nfd = internal::NormalizePassword("ma\xCC\x86t-kha\xCC\x82\xCC\x89u-01");
  EXPECT_EQ(nfc.view(), nfd.view());
  auto hash = internal::HashPassword(nfc.view(), {kArgon2OpsMin, kArgon2MemMinBytes});
  ASSERT_TRUE(hash) << hash.error().Describe();
  EXPECT_TRUE(internal::VerifyPassword(*hash, nfd.view()));
}

TEST_F(AuthTest, AddUserStoresAnArgon2idStringWithTheConfiguredCost) {
  AddFixtureUsers();
  const Account an = Stored("nguyen.van.an");
  // MIN cost: m = 8192 bytes = 8 KiB, t = 1 pass, one lane; 16-byte salt and 32-byte hash in base64.
  EXPECT_TRUE(std::regex_match(an.password_hash,
                               std::regex(R"(\$argon2id\$v=19\$m=8,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43})")))
      << an.password_hash;
  EXPECT_TRUE(internal::VerifyPassword(an.password_hash, kOfficerPassword));
  // Two accounts with the same password get different salts.
  auto same = AddUser(*store_, admin_, {"tran.thi.binh", "Trần Thị Bình", workflow::Role::kOfficer, ""},
                      kOfficerPassword, At("2026-11-23 08:00"), settings_);
  ASSERT_TRUE(same);
  EXPECT_NE(same->password_hash, an.password_hash);
}

TEST_F(AuthTest, AddUserHashesWithInteractiveCostByDefault) {
  AddFixtureUsers();
  // The one hash of the suite at the real default: 2 passes, 64 MiB.
  auto a = AddUser(*store_, admin_, {"le.van.cuong", "Lê Văn Cường", workflow::Role::kPostal, ""}, "buu-chinh-2026",
                   At("2026-11-23 08:00"), AuthSettings{});
  ASSERT_TRUE(a) << a.error().Describe();
  EXPECT_EQ(a->password_hash.rfind("$argon2id$v=19$m=65536,t=2,p=1$", 0), 0u) << a->password_hash;
}

// ---- bootstrap -------------------------------------------------------------------------------

TEST_F(AuthTest, BootstrapCreatesTheFirstAdminWithoutAnActingUser) {
  ASSERT_TRUE(NeedsBootstrap(*store_).value());
  auto admin = BootstrapAdmin(*store_, {"  Quan.Tri ", " Quản Trị Viên ", workflow::Role::kAdmin, ""}, kAdminPassword,
                              At("2026-11-23 07:30"), settings_);
  ASSERT_TRUE(admin) << admin.error().Describe();
  EXPECT_EQ(admin->user_name, "quan.tri");  // trimmed, lower case
  EXPECT_EQ(admin->display_name, "Quản Trị Viên");
  EXPECT_FALSE(NeedsBootstrap(*store_).value());
  auto events = Journal();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "user.added");
  EXPECT_EQ(events[0].actor, "quan.tri");
  EXPECT_EQ(events[0].station, "station-1");
  EXPECT_EQ(json::parse(events[0].payload_json)["bootstrap"], true);
  EXPECT_EQ(json::parse(events[0].payload_json)["role"], "admin");
}

TEST_F(AuthTest, BootstrapIsRefusedOnceAnAdminExists) {
  AddFixtureUsers();
  const auto before = JournalSize();
  ExpectError(BootstrapAdmin(*store_, {"ke.gian", "Kẻ Gian", workflow::Role::kAdmin, ""}, "mat-khau-gian",
                             At("2026-11-23 09:00"), settings_),
              ErrorCode::kConflict, "actor", "admin_exists");
  EXPECT_EQ(JournalSize(), before);
  EXPECT_FALSE(store_->GetRecord(kUserRecordKind, "ke.gian").value());
}

TEST_F(AuthTest, BootstrapRefusesAFirstUserWhoIsNotAnAdmin) {
  ExpectError(BootstrapAdmin(*store_, {"nguyen.van.an", "Nguyễn Văn An", workflow::Role::kOfficer, ""},
                             kOfficerPassword, At("2026-11-23 07:30"), settings_),
              ErrorCode::kInvalid, "role", "first_user_must_be_admin");
  EXPECT_TRUE(NeedsBootstrap(*store_).value());
  EXPECT_EQ(JournalSize(), 0u);
}

TEST_F(AuthTest, AddUserBeforeBootstrapIsRefused) {
  // With no accounts at all, even an actor claiming to be an admin has no stored account.
  ExpectError(AddUser(*store_, admin_, {"nguyen.van.an", "Nguyễn Văn An", workflow::Role::kOfficer, ""},
                      kOfficerPassword, At("2026-11-23 07:30"), settings_),
              ErrorCode::kNotFound, "actor", "no_such_user");
  EXPECT_EQ(JournalSize(), 0u);
}

// Account names refuse control characters: a newline or an escape in a name breaks printed forms and
// exports, and lets one name masquerade as another on screen.
TEST_F(AuthTest, NamesRefuseControlCharacters) {
  AddFixtureUsers();
  const auto before = JournalSize();
  ExpectError(AddUser(*store_, admin_, {"le.thi.c", "Lê Thị\nC", workflow::Role::kOfficer, ""}, "mot-mat-khau-dai",
                      At("2026-11-23 09:00"), settings_),
              ErrorCode::kInvalid, "display_name", "control_character");
  ExpectError(AddUser(*store_, admin_, {"le.thi.c", "Lê Thị C", workflow::Role::kOfficer, "Phòng\x1b[31m"},
                      "mot-mat-khau-dai", At("2026-11-23 09:00"), settings_),
              ErrorCode::kInvalid, "unit", "control_character");
  EXPECT_EQ(JournalSize(), before);
}

// ---- roles -----------------------------------------------------------------------------------

TEST_F(AuthTest, OnlyAnAdminMayAddUsers) {
  AddFixtureUsers();
  const auto before = JournalSize();
  const NewUser someone{"pham.van.dung", "Phạm Văn Dũng", workflow::Role::kOfficer, ""};
  for (workflow::Role role : {workflow::Role::kOfficer, workflow::Role::kPostal, workflow::Role::kSupervisor}) {
    workflow::Actor actor{"nguyen.van.an", role, "station-2"};
    ExpectError(AddUser(*store_, actor, someone, "mot-mat-khau", At("2026-11-23 09:00"), settings_),
                ErrorCode::kInvalid, "role", "not_allowed");
  }
  // An actor claiming a role its stored account does not have is refused inside the transaction.
  workflow::Actor forged{"nguyen.van.an", workflow::Role::kAdmin, "station-2"};
  ExpectError(AddUser(*store_, forged, someone, "mot-mat-khau", At("2026-11-23 09:00"), settings_),
              ErrorCode::kInvalid, "role", "not_allowed");
  workflow::Actor ghost{"khong.ton.tai", workflow::Role::kAdmin, "station-2"};
  ExpectError(AddUser(*store_, ghost, someone, "mot-mat-khau", At("2026-11-23 09:00"), settings_),
              ErrorCode::kNotFound, "actor", "no_such_user");
  EXPECT_EQ(JournalSize(), before);
  EXPECT_FALSE(store_->GetRecord(kUserRecordKind, "pham.van.dung").value());
  // Non-admins may not disable, enable, list, or set another account's password either.
  ExpectError(DisableUser(*store_, officer_, "quan.tri", At("2026-11-23 09:00")), ErrorCode::kInvalid, "role",
              "not_allowed");
  ExpectError(EnableUser(*store_, officer_, "quan.tri", At("2026-11-23 09:00")), ErrorCode::kInvalid, "role",
              "not_allowed");
  ExpectError(ListUsers(*store_, officer_), ErrorCode::kInvalid, "role", "not_allowed");
  ExpectError(SetPassword(*store_, officer_, "quan.tri", "mat-khau-moi-1", At("2026-11-23 09:00"), settings_),
              ErrorCode::kInvalid, "role", "not_allowed");
  ExpectError(GetUser(*store_, officer_, "quan.tri"), ErrorCode::kInvalid, "role", "not_allowed");
  EXPECT_TRUE(GetUser(*store_, officer_, "nguyen.van.an"));  // one's own account
  EXPECT_EQ(JournalSize(), before);
}

TEST_F(AuthTest, ADisabledAdminCanNoLongerChangeAccounts) {
  AddFixtureUsers();
  auto second = AddUser(*store_, admin_, {"tran.quan.tri", "Trần Quản Trị", workflow::Role::kAdmin, ""},
                        "quan-tri-so-2", At("2026-11-23 08:00"), settings_);
  ASSERT_TRUE(second);
  ASSERT_TRUE(DisableUser(*store_, {"tran.quan.tri", workflow::Role::kAdmin, "s"}, "quan.tri", At("2026-11-23 08:10")));
  // quan.tri's session still carries the admin role, but the stored account is disabled.
  ExpectError(AddUser(*store_, admin_, {"pham.van.dung", "Phạm Văn Dũng", workflow::Role::kOfficer, ""},
                      "mot-mat-khau", At("2026-11-23 08:20"), settings_),
              ErrorCode::kConflict, "actor", "account_disabled");
}

// ---- the operations --------------------------------------------------------------------------

TEST_F(AuthTest, AddUserCleansTheFieldsAndJournalsOneEvent) {
  AddFixtureUsers();
  const auto before = JournalSize();
  // Display name typed in NFD ("Đỗ Thị Hằng" with combining marks) is stored in NFC.
  const std::string nfd_name = "\xC4\x90o\xCC\x82\xCC\x83 Thi\xCC\xA3 Ha\xCC\x86\xCC\x80ng";
  auto a = AddUser(*store_, admin_, {"Do.Thi.Hang", nfd_name, workflow::Role::kSupervisor, " Một cửa "},
                   "giam-sat-2026", At("2026-11-23 08:00"), settings_);
  ASSERT_TRUE(a) << a.error().Describe();
  EXPECT_EQ(a->user_name, "do.thi.hang");
  EXPECT_EQ(a->display_name, "Đỗ Thị Hằng");
  EXPECT_EQ(a->unit, "Một cửa");
  EXPECT_EQ(a->created_at, At("2026-11-23 08:00"));
  EXPECT_EQ(Stored("do.thi.hang").display_name, "Đỗ Thị Hằng");
  auto events = Journal();
  ASSERT_EQ(events.size(), before + 1);
  const auto& e = events.back();
  EXPECT_EQ(e.type, "user.added");
  EXPECT_EQ(e.actor, "quan.tri");
  EXPECT_EQ(e.dossier_code, "");
  const json payload = json::parse(e.payload_json);
  EXPECT_EQ(payload["user_name"], "do.thi.hang");
  EXPECT_EQ(payload["role"], "supervisor");
  EXPECT_FALSE(payload.contains("password_hash"));
}

TEST_F(AuthTest, AddUserRefusesBadFieldsAndDuplicatesWritingNothing) {
  AddFixtureUsers();
  const auto before = JournalSize();
  const Instant t = At("2026-11-23 08:00");
  ExpectError(AddUser(*store_, admin_, {"NGUYEN.VAN.AN", "Trùng Tên", workflow::Role::kOfficer, ""}, "mot-mat-khau", t,
                      settings_),
              ErrorCode::kConflict, "user_name", "user_exists");
  ExpectError(AddUser(*store_, admin_, {"an", "An", workflow::Role::kOfficer, ""}, "mot-mat-khau", t, settings_),
              ErrorCode::kInvalid, "user_name", "too_short");
  ExpectError(AddUser(*store_, admin_, {"pham.dung", "  ", workflow::Role::kOfficer, ""}, "mot-mat-khau", t, settings_),
              ErrorCode::kInvalid, "display_name", "required");
  ExpectError(AddUser(*store_, admin_, {"pham.dung", "Phạm Dũng", workflow::Role::kOfficer, ""}, "ngan", t, settings_),
              ErrorCode::kInvalid, "password", "too_short");
  ExpectError(AddUser(*store_, admin_, {"pham.dung", "Phạm Dũng", workflow::Role::kOfficer, ""}, "Pham.Dung", t,
                      settings_),
              ErrorCode::kInvalid, "password", "same_as_user_name");
  ExpectError(AddUser(*store_, admin_, {"pham.dung", "Phạm Dũng", workflow::Role::kOfficer, "\xC3"}, "mot-mat-khau", t,
                      settings_),
              ErrorCode::kInvalid, "unit", "bad_utf8");
  EXPECT_EQ(JournalSize(), before);
  EXPECT_EQ(ListUsers(*store_, admin_)->size(), 2u);
}

TEST_F(AuthTest, DisableAndEnableJournalOneEventEach) {
  AddFixtureUsers();
  auto off = DisableUser(*store_, admin_, "nguyen.van.an", At("2026-11-23 10:00"));
  ASSERT_TRUE(off) << off.error().Describe();
  EXPECT_TRUE(off->is_disabled);
  EXPECT_TRUE(Stored("nguyen.van.an").is_disabled);
  EXPECT_EQ(store_->GetRecord(kUserRecordKind, "nguyen.van.an").value()->status, "disabled");
  EXPECT_EQ(Journal().back().type, "user.disabled");
  const auto before = JournalSize();
  ExpectError(DisableUser(*store_, admin_, "nguyen.van.an", At("2026-11-23 10:01")), ErrorCode::kConflict,
              "user_name", "already_disabled");
  ExpectError(DisableUser(*store_, admin_, "khong.co", At("2026-11-23 10:01")), ErrorCode::kNotFound, "user_name",
              "no_such_user");
  EXPECT_EQ(JournalSize(), before);

  auto on = EnableUser(*store_, admin_, "nguyen.van.an", At("2026-11-23 11:00"));
  ASSERT_TRUE(on) << on.error().Describe();
  EXPECT_FALSE(on->is_disabled);
  EXPECT_EQ(on->changed_at, At("2026-11-23 11:00"));
  const auto event = Journal().back();
  EXPECT_EQ(event.type, "user.enabled");
  EXPECT_EQ(json::parse(event.payload_json)["was_disabled"], true);
  EXPECT_EQ(json::parse(event.payload_json)["was_locked"], false);
  ExpectError(EnableUser(*store_, admin_, "nguyen.van.an", At("2026-11-23 11:01")), ErrorCode::kConflict, "user_name",
              "already_enabled");
}

TEST_F(AuthTest, TheLastEnabledAdminCannotBeDisabled) {
  AddFixtureUsers();
  ExpectError(DisableUser(*store_, admin_, "quan.tri", At("2026-11-23 10:00")), ErrorCode::kConflict, "user_name",
              "last_admin");
  ASSERT_TRUE(AddUser(*store_, admin_, {"tran.quan.tri", "Trần Quản Trị", workflow::Role::kAdmin, ""},
                      "quan-tri-so-2", At("2026-11-23 10:05"), settings_));
  ASSERT_TRUE(DisableUser(*store_, admin_, "quan.tri", At("2026-11-23 10:10")));
  const workflow::Actor second{"tran.quan.tri", workflow::Role::kAdmin, "station-3"};
  ExpectError(DisableUser(*store_, second, "tran.quan.tri", At("2026-11-23 10:20")), ErrorCode::kConflict, "user_name",
              "last_admin");
  // Re-enabling an admin puts it back in the index, so the other one can be disabled again.
  ASSERT_TRUE(EnableUser(*store_, second, "quan.tri", At("2026-11-23 10:30")));
  EXPECT_TRUE(DisableUser(*store_, admin_, "tran.quan.tri", At("2026-11-23 10:40")));
  EXPECT_FALSE(NeedsBootstrap(*store_).value());
}

TEST_F(AuthTest, SetPasswordByAnAdminOrByTheAccountItself) {
  AddFixtureUsers();
  auto by_admin = SetPassword(*store_, admin_, "nguyen.van.an", "mat-khau-moi-1", At("2026-11-23 12:00"), settings_);
  ASSERT_TRUE(by_admin) << by_admin.error().Describe();
  EXPECT_TRUE(internal::VerifyPassword(Stored("nguyen.van.an").password_hash, "mat-khau-moi-1"));
  EXPECT_EQ(json::parse(Journal().back().payload_json)["by_self"], false);
  auto by_self = SetPassword(*store_, officer_, "nguyen.van.an", "mat-khau-moi-2", At("2026-11-23 12:05"), settings_);
  ASSERT_TRUE(by_self) << by_self.error().Describe();
  EXPECT_TRUE(internal::VerifyPassword(Stored("nguyen.van.an").password_hash, "mat-khau-moi-2"));
  EXPECT_FALSE(internal::VerifyPassword(Stored("nguyen.van.an").password_hash, "mat-khau-moi-1"));
  const auto event = Journal().back();
  EXPECT_EQ(event.type, "user.password_changed");
  EXPECT_EQ(event.actor, "nguyen.van.an");
  EXPECT_EQ(json::parse(event.payload_json)["by_self"], true);
  ExpectError(SetPassword(*store_, admin_, "khong.co", "mat-khau-moi-3", At("2026-11-23 12:10"), settings_),
              ErrorCode::kNotFound, "user_name", "no_such_user");
  ExpectError(SetPassword(*store_, admin_, "nguyen.van.an", "ngan", At("2026-11-23 12:10"), settings_),
              ErrorCode::kInvalid, "password", "too_short");
}

TEST_F(AuthTest, ListUsersIsSortedByName) {
  AddFixtureUsers();
  ASSERT_TRUE(AddUser(*store_, admin_, {"buu.ta", "Bưu Tá", workflow::Role::kPostal, ""}, "buu-chinh-01",
                      At("2026-11-23 08:00"), settings_));
  auto users = ListUsers(*store_, admin_);
  ASSERT_TRUE(users) << users.error().Describe();
  ASSERT_EQ(users->size(), 3u);
  EXPECT_EQ((*users)[0].user_name, "buu.ta");
  EXPECT_EQ((*users)[1].user_name, "nguyen.van.an");
  EXPECT_EQ((*users)[1].unit, "Phòng Tư pháp");
  EXPECT_EQ((*users)[1].role, workflow::Role::kOfficer);
  EXPECT_EQ((*users)[2].user_name, "quan.tri");
}

TEST_F(AuthTest, LoadAuthSettingsReadsTheStoreAndRefusesNonsense) {
  auto defaults = LoadAuthSettings(*store_);
  ASSERT_TRUE(defaults) << defaults.error().Describe();
  EXPECT_EQ(defaults->max_failed_attempts, 5);
  EXPECT_EQ(defaults->lockout_minutes, 5);
  EXPECT_EQ(defaults->idle_lock_minutes, 10);
  EXPECT_EQ(defaults->min_password_length, 8);
  EXPECT_EQ(defaults->argon2_memlimit_bytes, kArgon2MemInteractiveBytes);
  auto put = [&](const char* key, const char* value) {
    ASSERT_TRUE(
        motcua::testing::WriteJournaled(*store_, [&](store::WriteTx& tx) { return tx.PutSetting(key, value); }));
  };
  put("auth.max_failed_attempts", "3");
  put("auth.idle_lock_minutes", "15");
  put("auth.argon2_memlimit_bytes", "8192");
  auto s = LoadAuthSettings(*store_, {.station = "station-9"});
  ASSERT_TRUE(s) << s.error().Describe();
  EXPECT_EQ(s->max_failed_attempts, 3);
  EXPECT_EQ(s->idle_lock_minutes, 15);
  EXPECT_EQ(s->argon2_memlimit_bytes, 8192u);
  EXPECT_EQ(s->station, "station-9");
  put("auth.lockout_minutes", "năm");
  ExpectError(LoadAuthSettings(*store_), ErrorCode::kCorrupt, "auth.lockout_minutes", "bad_setting");
  put("auth.lockout_minutes", "0");
  ExpectError(LoadAuthSettings(*store_), ErrorCode::kInvalid, "lockout_minutes", "out_of_range");
}

TEST_F(AuthTest, SavePolicyIsReadBackByEveryStationAndJournaled) {
  AddFixtureUsers();
  AuthSettings policy = settings_;
  policy.min_password_length = 10;
  policy.max_failed_attempts = 3;
  policy.lockout_minutes = 30;
  policy.idle_lock_minutes = 5;
  ExpectError(SavePolicy(*store_, officer_, policy, At("2026-11-23 09:00")), ErrorCode::kInvalid, "role",
              "not_allowed");
  auto saved = SavePolicy(*store_, admin_, policy, At("2026-11-23 09:00"));
  ASSERT_TRUE(saved) << saved.error().Describe();
  auto loaded = LoadAuthSettings(*store_);
  ASSERT_TRUE(loaded) << loaded.error().Describe();
  EXPECT_EQ(loaded->min_password_length, 10);
  EXPECT_EQ(loaded->max_failed_attempts, 3);
  EXPECT_EQ(loaded->lockout_minutes, 30);
  EXPECT_EQ(loaded->idle_lock_minutes, 5);
  EXPECT_EQ(loaded->argon2_memlimit_bytes, kArgon2MemMinBytes);
  const auto e = Journal().back();
  EXPECT_EQ(e.type, "auth.policy_changed");
  EXPECT_EQ(json::parse(e.payload_json)["lockout_minutes"], 30);
  const auto before = JournalSize();
  policy.lockout_minutes = 0;
  ExpectError(SavePolicy(*store_, admin_, policy, At("2026-11-23 09:10")), ErrorCode::kInvalid, "lockout_minutes",
              "out_of_range");
  EXPECT_EQ(JournalSize(), before);
  EXPECT_EQ(LoadAuthSettings(*store_)->lockout_minutes, 30);
}

}  // namespace
}  // namespace motcua::auth
