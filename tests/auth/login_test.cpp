// Log-in (auth/login.h): the lockout of issue 3 item 1 ("5 failed attempts lock the account for 5
// minutes") at fixed instants, no user enumeration, disabled accounts, rehashing, concurrent failures at
// two stations, the UI's error-rule contract (ui_model/auth.h), and secrets kept out of the database file,
// the journal and every error.
#include "auth/login.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "auth/internal/account_record.h"
#include "auth/internal/password_hash.h"
#include "auth_fixtures.h"
#include "ui_model/auth.h"

namespace motcua::auth {
namespace {

using motcua::testing::At;
using nlohmann::json;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::AuthTest;
using testing::kAdminPassword;
using testing::kOfficerPassword;

constexpr const char* kWrong = "Sai-mật-khẩu-99";

void ExpectRule(const Result<Account>& r, ErrorCode code, const std::string& field, const std::string& rule) {
  ASSERT_FALSE(r.has_value()) << "expected " << rule << ", signed in as " << r->user_name;
  EXPECT_EQ(r.error().code, code) << r.error().Describe();
  EXPECT_EQ(r.error().field, field) << r.error().Describe();
  EXPECT_EQ(r.error().rule, rule) << r.error().Describe();
}

class LoginTest : public AuthTest {
 protected:
  void SetUp() override {
    AuthTest::SetUp();
    AddFixtureUsers();
  }
  Result<Account> Try(const char* password, Instant at) {
    return Login(*store_, "nguyen.van.an", password, at, settings_);
  }
  std::string LastEventType() { return Journal().back().type; }
};

TEST_F(LoginTest, RightPasswordSignsInAndReturnsTheAccount) {
  const Instant t = At("2026-11-23 08:00");
  auto r = Try(kOfficerPassword, t);
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->user_name, "nguyen.van.an");
  EXPECT_EQ(r->display_name, "Nguyễn Văn An");
  EXPECT_EQ(r->role, workflow::Role::kOfficer);
  EXPECT_EQ(r->unit, "Phòng Tư pháp");
  EXPECT_EQ(r->last_login_at, t);
  const auto e = Journal().back();
  EXPECT_EQ(e.type, "user.logged_in");
  EXPECT_EQ(e.actor, "nguyen.van.an");
  EXPECT_EQ(e.station, "station-1");
  EXPECT_EQ(e.at, t);
}

TEST_F(LoginTest, UserNameIsTrimmedAndCaseFolded) {
  auto r = Login(*store_, "  Nguyen.Van.An ", kOfficerPassword, At("2026-11-23 08:00"), settings_);
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->user_name, "nguyen.van.an");
}

TEST_F(LoginTest, PasswordTypedInAnotherNormalisationFormStillMatches) {
  ASSERT_TRUE(SetPassword(*store_, admin_, "nguyen.van.an", "m\xC4\x83t-kh\xE1\xBA\xA9u-01", At("2026-11-23 08:00"),
                          settings_));
  // The same letters as sent by an input method that decomposes: "a" + U+0306, "a" + U+0302 + U+0309.
  EXPECT_TRUE(Try("ma\xCC\x86t-kha\xCC\x82\xCC\x89u-01", At("2026-11-23 08:01")));
}

TEST_F(LoginTest, EmptyFieldsAreRequiredAndNothingIsJournaled) {
  const auto before = JournalSize();
  ExpectRule(Login(*store_, "  ", kOfficerPassword, At("2026-11-23 08:00"), settings_), ErrorCode::kInvalid,
             "user_name", "required");
  ExpectRule(Login(*store_, "nguyen.van.an", "", At("2026-11-23 08:00"), settings_), ErrorCode::kInvalid, "password",
             "required");
  EXPECT_EQ(JournalSize(), before);
}

TEST_F(LoginTest, UnknownUserAndWrongPasswordGiveTheSameError) {
  auto unknown = Login(*store_, "tran.van.khong", kOfficerPassword, At("2026-11-23 08:00"), settings_);
  auto malformed = Login(*store_, "Người Lạ", kOfficerPassword, At("2026-11-23 08:00"), settings_);
  auto wrong = Try(kWrong, At("2026-11-23 08:00"));
  for (const auto* r : {&unknown, &malformed, &wrong}) ExpectRule(*r, ErrorCode::kInvalid, "", "bad_credentials");
  EXPECT_EQ(unknown.error().detail, wrong.error().detail);
  EXPECT_EQ(malformed.error().detail, wrong.error().detail);
  // The unknown names are not recorded anywhere: they are often a password typed into the wrong box.
  for (const auto& e : Journal()) {
    EXPECT_EQ(e.payload_json.find("tran.van.khong"), std::string::npos) << e.payload_json;
    EXPECT_EQ(e.actor.find("tran.van.khong"), std::string::npos);
  }
  const auto events = Journal();
  EXPECT_EQ(json::parse(events[events.size() - 3].payload_json)["reason"], "unknown_user");
  EXPECT_EQ(json::parse(events.back().payload_json)["reason"], "bad_password");
}

TEST_F(LoginTest, FifthFailureLocksForFiveMinutesThenTheRightPasswordWorksAgain) {
  // Issue 3 item 1: "5 failed attempts lock the account for 5 minutes".
  const Instant t0 = At("2026-11-23 08:00");
  for (int i = 1; i <= 4; ++i) {
    SCOPED_TRACE(i);
    ExpectRule(Try(kWrong, t0 + seconds(10 * i)), ErrorCode::kInvalid, "", "bad_credentials");
    EXPECT_EQ(Stored("nguyen.van.an").failed_attempts, i);
  }
  const Instant t5 = t0 + seconds(50);
  ExpectRule(Try(kWrong, t5), ErrorCode::kConflict, "user_name", "account_locked");
  EXPECT_EQ(LastEventType(), "user.locked");
  EXPECT_EQ(LockedUntil(*store_, "nguyen.van.an", t5).value(), t5 + minutes(5));
  EXPECT_NE(Try(kWrong, t5).error().detail.find("2026-11-23 08:05:50"), std::string::npos)
      << "the refusal says until when (Vietnam time)";

  // The 6th attempt inside the 5 minutes is refused even with the right password...
  ExpectRule(Try(kOfficerPassword, t5 + seconds(1)), ErrorCode::kConflict, "user_name", "account_locked");
  ExpectRule(Try(kOfficerPassword, t5 + minutes(5) - seconds(1)), ErrorCode::kConflict, "user_name",
             "account_locked");
  EXPECT_EQ(LastEventType(), "user.login_failed");
  // ...and attempts during the lock neither extend it nor count.
  EXPECT_EQ(Stored("nguyen.van.an").locked_until, t5 + minutes(5));
  EXPECT_EQ(Stored("nguyen.van.an").failed_attempts, 0);

  // At 5 minutes + 1 second it works, and the count starts from zero.
  auto back = Try(kOfficerPassword, t5 + minutes(5) + seconds(1));
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_EQ(back->failed_attempts, 0);
  EXPECT_FALSE(back->locked_until);
  EXPECT_EQ(LockedUntil(*store_, "nguyen.van.an", t5 + minutes(5) + seconds(1)).value(), std::nullopt);
}

TEST_F(LoginTest, LockEndsExactlyFiveMinutesAfterTheFifthFailure) {
  const Instant t0 = At("2026-11-23 14:00");
  for (int i = 0; i < 5; ++i) (void)Try(kWrong, t0);
  ASSERT_EQ(LockedUntil(*store_, "nguyen.van.an", t0).value(), t0 + minutes(5));
  ExpectRule(Try(kOfficerPassword, t0 + minutes(5) - seconds(1)), ErrorCode::kConflict, "user_name", "account_locked");
  EXPECT_TRUE(Try(kOfficerPassword, t0 + minutes(5)));  // locked while now < locked_until
}

TEST_F(LoginTest, SuccessResetsTheCountSoFailuresMustBeConsecutive) {
  const Instant t0 = At("2026-11-23 08:00");
  for (int i = 0; i < 4; ++i) (void)Try(kWrong, t0);
  ASSERT_TRUE(Try(kOfficerPassword, t0 + seconds(5)));
  EXPECT_EQ(Stored("nguyen.van.an").failed_attempts, 0);
  for (int i = 0; i < 4; ++i) ExpectRule(Try(kWrong, t0 + seconds(10)), ErrorCode::kInvalid, "", "bad_credentials");
  EXPECT_TRUE(Try(kOfficerPassword, t0 + seconds(20)));
}

TEST_F(LoginTest, LockoutSettingsAreHonoured) {
  settings_.max_failed_attempts = 3;
  settings_.lockout_minutes = 15;
  const Instant t0 = At("2026-11-23 08:00");
  (void)Try(kWrong, t0);
  (void)Try(kWrong, t0);
  ExpectRule(Try(kWrong, t0), ErrorCode::kConflict, "user_name", "account_locked");
  EXPECT_EQ(LockedUntil(*store_, "nguyen.van.an", t0).value(), t0 + minutes(15));
}

TEST_F(LoginTest, DisabledAccountIsRefusedOnlyToTheRightPassword) {
  ASSERT_TRUE(DisableUser(*store_, admin_, "nguyen.van.an", At("2026-11-23 07:45")));
  ExpectRule(Try(kOfficerPassword, At("2026-11-23 08:00")), ErrorCode::kConflict, "user_name", "account_disabled");
  EXPECT_EQ(json::parse(Journal().back().payload_json)["reason"], "account_disabled");
  // With a wrong password a disabled account looks like any other wrong attempt.
  ExpectRule(Try(kWrong, At("2026-11-23 08:01")), ErrorCode::kInvalid, "", "bad_credentials");
  ASSERT_TRUE(EnableUser(*store_, admin_, "nguyen.van.an", At("2026-11-23 08:02")));
  EXPECT_TRUE(Try(kOfficerPassword, At("2026-11-23 08:03")));
}

TEST_F(LoginTest, AnAdminUnlocksByEnablingOrSettingAPassword) {
  const Instant t0 = At("2026-11-23 09:00");
  for (int i = 0; i < 5; ++i) (void)Try(kWrong, t0);
  ASSERT_TRUE(LockedUntil(*store_, "nguyen.van.an", t0).value());
  auto enabled = EnableUser(*store_, admin_, "nguyen.van.an", t0 + seconds(30));
  ASSERT_TRUE(enabled) << enabled.error().Describe();
  EXPECT_EQ(json::parse(Journal().back().payload_json)["was_locked"], true);
  EXPECT_TRUE(Try(kOfficerPassword, t0 + minutes(1)));

  for (int i = 0; i < 5; ++i) (void)Try(kWrong, t0 + minutes(2));
  ASSERT_TRUE(SetPassword(*store_, admin_, "nguyen.van.an", "mat-khau-cap-lai", t0 + minutes(3), settings_));
  EXPECT_TRUE(Try("mat-khau-cap-lai", t0 + minutes(3)));
}

TEST_F(LoginTest, EveryAttemptJournalsExactlyOneEvent) {
  const Instant t = At("2026-11-23 08:00");
  std::size_t n = JournalSize();
  auto step = [&](const char* user, const char* password, const char* type) {
    (void)Login(*store_, user, password, t, settings_);
    auto events = Journal();
    ASSERT_EQ(events.size(), n + 1) << type;
    EXPECT_EQ(events.back().type, type);
    EXPECT_EQ(events.back().dossier_code, "");
    n = events.size();
  };
  step("nguyen.van.an", kOfficerPassword, "user.logged_in");
  step("khong.ai", kWrong, "user.login_failed");
  for (int i = 0; i < 4; ++i) step("nguyen.van.an", kWrong, "user.login_failed");
  step("nguyen.van.an", kWrong, "user.locked");
  step("nguyen.van.an", kOfficerPassword, "user.login_failed");
  auto verify = store_->VerifyJournal();
  ASSERT_TRUE(verify);
  EXPECT_TRUE(verify->ok) << verify->problem;
}

TEST_F(LoginTest, ReauthenticateCountsAndLocksLikeLogin) {
  const Instant t0 = At("2026-11-23 10:00");
  auto ok = Reauthenticate(*store_, "nguyen.van.an", kOfficerPassword, t0, settings_);
  ASSERT_TRUE(ok) << ok.error().Describe();
  EXPECT_EQ(LastEventType(), "user.reauthenticated");
  EXPECT_EQ(json::parse(Journal().back().payload_json)["context"], "unlock");
  for (int i = 0; i < 4; ++i)
    ExpectRule(Reauthenticate(*store_, "nguyen.van.an", kWrong, t0, settings_), ErrorCode::kInvalid, "",
               "bad_credentials");
  // The lock screen is no way round the lockout: the 5th failure, made there, locks the log-in too.
  ExpectRule(Reauthenticate(*store_, "nguyen.van.an", kWrong, t0, settings_), ErrorCode::kConflict, "user_name",
             "account_locked");
  ExpectRule(Try(kOfficerPassword, t0 + minutes(1)), ErrorCode::kConflict, "user_name", "account_locked");
}

TEST_F(LoginTest, ImportedHashesVerifyAndAreRehashedToTheCurrentCost) {
  // Two published hashes stand for accounts carried over from other systems:
  //  - phc-winner-argon2 src/test.c: argon2id, m=256 KiB, t=2, "password";
  //  - php-src ext/sodium/tests/pwhash_argon2i.phpt: argon2i (libsodium's default before 1.0.15), "password".
  const char* hashes[] = {
      "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      "$argon2i$v=19$m=4096,t=3,p=1$MzE4ODFiZWFlMjAzOWUAAA$FWUV6tsyJ32qThiLi1cCsLIbf3dIOG/RwXcTzt536KY",
  };
  Instant t = At("2026-11-23 08:00");
  for (const char* hash : hashes) {
    SCOPED_TRACE(hash);
    ASSERT_TRUE(motcua::testing::WriteJournaled(*store_, [&](store::WriteTx& tx) -> Status {
      auto record = tx.GetRecord(kUserRecordKind, "nguyen.van.an");
      auto a = internal::FromRecord(**record);
      a->password_hash = hash;
      return tx.PutRecord(internal::ToRecord(*a, t));
    }));
    ExpectRule(Try("Password", t), ErrorCode::kInvalid, "", "bad_credentials");
    auto r = Try("password", t + seconds(1));
    ASSERT_TRUE(r) << r.error().Describe();
    EXPECT_EQ(r->password_hash.rfind("$argon2id$v=19$m=8,t=1,p=1$", 0), 0u) << r->password_hash;
    EXPECT_EQ(json::parse(Journal().back().payload_json)["rehashed"], true);
    EXPECT_EQ(Stored("nguyen.van.an").password_hash, r->password_hash);
    // Signing in again with the same settings keeps the hash.
    auto again = Try("password", t + seconds(2));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->password_hash, r->password_hash);
    EXPECT_EQ(json::parse(Journal().back().payload_json)["rehashed"], false);
    t += minutes(1);
  }
}

TEST_F(LoginTest, RaisingTheCostRehashesOnTheNextLogin) {
  settings_.argon2_opslimit = 3;
  auto r = Try(kOfficerPassword, At("2026-11-23 08:00"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->password_hash.rfind("$argon2id$v=19$m=8,t=3,p=1$", 0), 0u) << r->password_hash;
  EXPECT_TRUE(internal::VerifyPassword(r->password_hash, kOfficerPassword));
}

TEST_F(LoginTest, FailuresAtTwoStationsAtOnceBothCount) {
  // Two stations share the database file (architecture.md, "one machine"), each with its own connection.
  // Each fails kPerStation times, started together; every failure must be counted: a count read outside
  // the write transaction would lose some (or fail them with stale_update).
  constexpr int kPerStation = 12;
  settings_.max_failed_attempts = 100;
  const std::string path = (dir_ / "motcua.db").string();
  std::atomic<int> ready{0};
  std::vector<std::string> problems[2];
  auto station = [&](int index) {
    auto store = store::OpenSqliteStore(path);
    if (!store) {
      problems[index].push_back(store.error().Describe());
      return;
    }
    AuthSettings s = settings_;
    s.station = "station-" + std::to_string(index + 1);
    ready.fetch_add(1);
    while (ready.load() < 2) std::this_thread::yield();
    for (int i = 0; i < kPerStation; ++i) {
      auto r = Login(**store, "nguyen.van.an", kWrong, At("2026-11-23 08:00"), s);
      if (r || r.error().rule != "bad_credentials")
        problems[index].push_back(r ? "signed in" : r.error().Describe());
    }
  };
  std::thread a(station, 0), b(station, 1);
  a.join();
  b.join();
  EXPECT_TRUE(problems[0].empty()) << problems[0].front();
  EXPECT_TRUE(problems[1].empty()) << problems[1].front();
  EXPECT_EQ(Stored("nguyen.van.an").failed_attempts, 2 * kPerStation);
  int failed_events = 0;
  std::set<std::string> stations;
  for (const auto& e : Journal())
    if (e.type == "user.login_failed") ++failed_events, stations.insert(e.station);
  EXPECT_EQ(failed_events, 2 * kPerStation);
  EXPECT_EQ(stations, (std::set<std::string>{"station-1", "station-2"}));
}

TEST_F(LoginTest, FifthFailureSpreadOverTwoStationsStillLocks) {
  const std::string path = (dir_ / "motcua.db").string();
  auto other = store::OpenSqliteStore(path);
  ASSERT_TRUE(other);
  const Instant t = At("2026-11-23 08:00");
  for (int i = 0; i < 2; ++i) (void)Try(kWrong, t);
  for (int i = 0; i < 2; ++i) (void)Login(**other, "nguyen.van.an", kWrong, t, settings_);
  ExpectRule(Try(kWrong, t), ErrorCode::kConflict, "user_name", "account_locked");
  ExpectRule(Login(**other, "nguyen.van.an", kOfficerPassword, t, settings_), ErrorCode::kConflict, "user_name",
             "account_locked");
}

// Reads every file of the database (main file, -wal, -shm) as bytes.
std::string DatabaseBytes(const std::filesystem::path& dir) {
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    all += ss.str();
  }
  return all;
}

TEST_F(LoginTest, PasswordsNeverReachTheDatabaseFileTheJournalOrAnError) {
  const Instant t = At("2026-11-23 08:00");
  std::vector<Error> errors;
  auto keep = [&](const Result<Account>& r) {
    if (!r) errors.push_back(r.error());
  };
  keep(Try(kOfficerPassword, t));
  keep(Try(kWrong, t));
  keep(Login(*store_, kOfficerPassword, kOfficerPassword, t, settings_));  // the password typed as the name
  keep(Reauthenticate(*store_, "nguyen.van.an", kOfficerPassword, t, settings_));
  const char* renewed = "Mật-khẩu-mới-2027";
  ASSERT_TRUE(SetPassword(*store_, admin_, "nguyen.van.an", renewed, t, settings_));
  for (int i = 0; i < 5; ++i) keep(Try(kWrong, t + seconds(1)));
  keep(Try(renewed, t + seconds(2)));  // refused: locked
  if (auto bad = SetPassword(*store_, admin_, "nguyen.van.an", "ngắn", t, settings_); !bad) errors.push_back(bad.error());
  ASSERT_GE(errors.size(), 8u);

  const std::vector<std::string> secrets = {kAdminPassword, kOfficerPassword, kWrong, renewed, "ngắn"};
  const std::string db = DatabaseBytes(dir_.path());
  ASSERT_GT(db.size(), 4096u);
  ASSERT_NE(db.find("nguyen.van.an"), std::string::npos) << "the search must be able to find text";
  for (const std::string& s : secrets) {
    EXPECT_EQ(db.find(s), std::string::npos) << "password in the database files: " << s;
    for (const Error& e : errors) EXPECT_EQ(e.Describe().find(s), std::string::npos) << e.Describe();
  }
  for (const auto& e : Journal()) {
    const std::string text = e.type + e.actor + e.station + e.payload_json;
    for (const std::string& s : secrets) EXPECT_EQ(text.find(s), std::string::npos) << e.type << ": " << text;
    EXPECT_EQ(text.find("$argon2"), std::string::npos) << "a hash in the journal: " << text;
  }
}

TEST_F(LoginTest, ErrorRulesAreTheOnesTheSignInScreenKnows) {
  // ui_model/auth.h kAuthErrorRules lists every rule an Authenticator may return, each with screen text.
  // Drive Login into each of its refusals and check the rule is in that list with the contract's code/field.
  const std::set<std::string_view> known(ui::kAuthErrorRules.begin(), ui::kAuthErrorRules.end());
  const Instant t = At("2026-11-23 08:00");
  std::vector<Result<Account>> results;
  results.push_back(Login(*store_, "", kOfficerPassword, t, settings_));
  results.push_back(Login(*store_, "nguyen.van.an", "", t, settings_));
  results.push_back(Login(*store_, "khong.ai", kWrong, t, settings_));
  for (int i = 0; i < 5; ++i) results.push_back(Try(kWrong, t));
  results.push_back(Try(kOfficerPassword, t));
  ASSERT_TRUE(DisableUser(*store_, admin_, "quan.tri", t).error().rule == "last_admin");
  ASSERT_TRUE(AddUser(*store_, admin_, {"tam.nghi", "Tạm Nghỉ", workflow::Role::kOfficer, ""}, "tam-nghi-01", t,
                      settings_));
  ASSERT_TRUE(DisableUser(*store_, admin_, "tam.nghi", t));
  results.push_back(Login(*store_, "tam.nghi", "tam-nghi-01", t, settings_));
  std::set<std::string> seen;
  for (const auto& r : results) {
    ASSERT_FALSE(r.has_value());
    const Error& e = r.error();
    EXPECT_TRUE(known.count(e.rule)) << "rule the UI has no text for: " << e.Describe();
    seen.insert(e.rule);
    if (e.rule == "required") {
      EXPECT_TRUE(e.field == "user_name" || e.field == "password");
    }
    if (e.rule == "bad_credentials") {
      EXPECT_EQ(e.code, ErrorCode::kInvalid);
      EXPECT_EQ(e.field, "");
    }
    if (e.rule == "account_locked" || e.rule == "account_disabled") {
      EXPECT_EQ(e.code, ErrorCode::kConflict);
      EXPECT_EQ(e.field, "user_name");
    }
  }
  EXPECT_EQ(seen, (std::set<std::string>{"required", "bad_credentials", "account_locked", "account_disabled"}));
}

}  // namespace
}  // namespace motcua::auth
