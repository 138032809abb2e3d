// motcua user add|disable|enable|passwd|list through the real binary (build/bin/motcua): bootstrap of the
// first administrator, --as with the password from $MOTCUA_PASSWORD or standard input, exit 2 naming the
// field on bad input, and no password or hash in any output.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "auth/auth_fixtures.h"
#include "auth/login.h"
#include "support/fixtures.h"

extern char** environ;

namespace motcua::auth {
namespace {

using motcua::testing::CommandResult;
using motcua::testing::TempDir;
using nlohmann::json;

using testing::kAdminPassword;
using testing::kOfficerPassword;

// Like testing::RunCli, with extra environment variables and text on standard input. The two password
// variables of the test process itself are never passed on, so each test says exactly what the CLI sees.
CommandResult RunCliWith(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                         const std::string& input) {
  CommandResult result;
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) return result;
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    if (entry.rfind("MOTCUA_PASSWORD=", 0) == 0 || entry.rfind("MOTCUA_NEW_PASSWORD=", 0) == 0) continue;
    env_s.push_back(entry);
  }
  for (const auto& [k, v] : env) env_s.push_back(k + "=" + v);
  std::vector<std::string> argv_s{std::string(MOTCUA_BIN_DIR) + "/motcua"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv, envp;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  // The input is a few lines, far below the pipe's buffer: write it all, then close so the CLI sees EOF.
  if (!input.empty()) (void)!::write(in_pipe[1], input.data(), input.size());
  ::close(in_pipe[1]);
  auto drain = [](int fd, std::string& into) {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) into.append(buf, static_cast<std::size_t>(n));
  };
  drain(out_pipe[0], result.out);
  drain(err_pipe[0], result.err);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

class UserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto init = Run({"init", "--no-catalog", "--demo"});  // a demo database: the tests fix the clock
    ASSERT_EQ(init.exit_code, 0) << init.err;
    // Cheap argon2id (libsodium's MIN limits) so the suite stays fast; the policy is read from the store
    // settings by the CLI exactly as in production (auth::LoadAuthSettings).
    auto store = store::OpenSqliteStore(Db());
    ASSERT_TRUE(store);
    ASSERT_TRUE(motcua::testing::WriteJournaled(**store, [](store::WriteTx& tx) -> Status {
      MOTCUA_TRY(tx.PutSetting("auth.argon2_opslimit", "1"));
      return tx.PutSetting("auth.argon2_memlimit_bytes", "8192");
    }));
  }
  std::string Db() const { return (dir_ / "motcua.db").string(); }
  CommandResult Run(std::vector<std::string> args, std::map<std::string, std::string> env = {},
                    const std::string& input = "", const char* now = "2026-11-23 09:00") {
    std::vector<std::string> full = {"--db", Db(), "--assets", MOTCUA_ASSETS_DIR, "--now", now, "--station", "may-01"};
    full.insert(full.end(), args.begin(), args.end());
    auto r = RunCliWith(full, env, input);
    outputs_ += r.out + r.err;
    return r;
  }
  void Bootstrap() {
    auto r = Run({"user", "add", "quan.tri", "--role", "admin", "--name", "Quản Trị Viên"},
                 {{"MOTCUA_NEW_PASSWORD", kAdminPassword}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void AddOfficer() {
    auto r = Run({"user", "add", "nguyen.van.an", "--role", "officer", "--name", "Nguyễn Văn An", "--unit",
                  "Phòng Tư pháp", "--as", "quan.tri"},
                 {{"MOTCUA_PASSWORD", kAdminPassword}, {"MOTCUA_NEW_PASSWORD", kOfficerPassword}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  json ListJson() {
    auto r = Run({"user", "list", "--json", "--as", "quan.tri"}, {{"MOTCUA_PASSWORD", kAdminPassword}});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  // Signs in through the core on the CLI's database.
  Result<Account> CoreLogin(const std::string& user, const std::string& password, const char* now) {
    auto store = store::OpenSqliteStore(Db());
    if (!store) return store.error();
    return Login(**store, user, password, motcua::testing::At(now),
                 {.argon2_opslimit = kArgon2OpsMin, .argon2_memlimit_bytes = kArgon2MemMinBytes});
  }

  TempDir dir_;
  std::string outputs_;  // everything every run printed
};

TEST_F(UserCliTest, FirstAddCreatesTheAdminThenAnAdminIsRequired) {
  auto first = Run({"user", "add", "quan.tri", "--role", "admin", "--name", "Quản Trị Viên"},
                   {{"MOTCUA_NEW_PASSWORD", kAdminPassword}});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "added quan.tri (admin, Quản Trị Viên)\n");

  auto no_actor = Run({"user", "add", "nguyen.van.an", "--role", "officer", "--name", "Nguyễn Văn An"},
                      {{"MOTCUA_NEW_PASSWORD", kOfficerPassword}});
  EXPECT_EQ(no_actor.exit_code, 2);
  EXPECT_NE(no_actor.err.find("as: "), std::string::npos) << no_actor.err;
  EXPECT_NE(no_actor.err.find("[required]"), std::string::npos) << no_actor.err;

  AddOfficer();
  const json users = ListJson();
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0]["user_name"], "nguyen.van.an");
  EXPECT_EQ(users[0]["display_name"], "Nguyễn Văn An");
  EXPECT_EQ(users[0]["unit"], "Phòng Tư pháp");
  EXPECT_EQ(users[0]["role"], "officer");
  EXPECT_EQ(users[0]["status"], "active");
  EXPECT_FALSE(users[0].contains("password_hash"));
  EXPECT_EQ(users[1]["user_name"], "quan.tri");
  EXPECT_TRUE(CoreLogin("nguyen.van.an", kOfficerPassword, "2026-11-23 09:30"));
}

TEST_F(UserCliTest, TheFirstAccountMustBeAnAdmin) {
  auto r = Run({"user", "add", "nguyen.van.an", "--role", "officer", "--name", "Nguyễn Văn An"},
               {{"MOTCUA_NEW_PASSWORD", kOfficerPassword}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("role: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("first_user_must_be_admin"), std::string::npos) << r.err;
}

TEST_F(UserCliTest, IfNoAdminCreatesTheFirstAdminOnceThenAsksNothing) {
  // installer/run-main.sh runs this at every start of the counter.
  const std::vector<std::string> first_run{"user", "add", "admin", "--role", "admin", "--name", "Quản trị viên",
                                           "--if-no-admin"};
  auto first = Run(first_run, {}, std::string(kAdminPassword) + "\n");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "added admin (admin, Quản trị viên)\n");
  auto again = Run(first_run, {}, "no password is read\n");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, "an administrator exists; nothing added\n");
  auto list = Run({"user", "list", "--json", "--as", "admin"}, {{"MOTCUA_PASSWORD", kAdminPassword}});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(json::parse(list.out).size(), 1u);  // still one account
  auto with_as = Run({"user", "add", "x.y", "--role", "admin", "--name", "X", "--if-no-admin", "--as", "admin"},
                     {{"MOTCUA_PASSWORD", kAdminPassword}});
  EXPECT_EQ(with_as.exit_code, 2);
  EXPECT_NE(with_as.err.find("if-no-admin: "), std::string::npos) << with_as.err;
  auto on_list = Run({"user", "list", "--if-no-admin", "--as", "admin"}, {{"MOTCUA_PASSWORD", kAdminPassword}});
  EXPECT_EQ(on_list.exit_code, 2);
}

TEST_F(UserCliTest, PasswordsComeFromStandardInputWhenTheEnvironmentHasNone) {
  auto boot = Run({"user", "add", "quan.tri", "--role", "admin", "--name", "Quản Trị Viên"}, {},
                  std::string(kAdminPassword) + "\n");
  ASSERT_EQ(boot.exit_code, 0) << boot.err;
  // First line: the acting admin's password; second line: the new account's.
  auto add = Run({"user", "add", "nguyen.van.an", "--role", "officer", "--name", "Nguyễn Văn An", "--as", "quan.tri"},
                 {}, std::string(kAdminPassword) + "\n" + kOfficerPassword + "\r\n");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_TRUE(CoreLogin("nguyen.van.an", kOfficerPassword, "2026-11-23 09:30"));
  auto none = Run({"user", "list", "--as", "quan.tri"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("password: "), std::string::npos) << none.err;
}

TEST_F(UserCliTest, BadInputExitsTwoNamingTheField) {
  Bootstrap();
  const std::map<std::string, std::string> env = {{"MOTCUA_PASSWORD", kAdminPassword},
                                                  {"MOTCUA_NEW_PASSWORD", kOfficerPassword}};
  struct Case {
    std::vector<std::string> args;
    std::string field;
  } cases[] = {
      {{"user", "add", "nguyen.van.an", "--role", "chief", "--name", "An", "--as", "quan.tri"}, "role"},
      {{"user", "add", "nguyen.van.an", "--name", "An", "--as", "quan.tri"}, "role"},
      {{"user", "add", "nguyen.van.an", "--role", "officer", "--as", "quan.tri"}, "name"},
      {{"user", "add", "nguyen.van.an", "--role", "officer", "--name", " ", "--as", "quan.tri"}, "name"},
      {{"user", "add", "an", "--role", "officer", "--name", "An", "--as", "quan.tri"}, "user_name"},
      {{"user", "add", "nguyễn.an", "--role", "officer", "--name", "An", "--as", "quan.tri"}, "user_name"},
      {{"user", "add", "--role", "officer", "--name", "An", "--as", "quan.tri"}, "user_name"},
      {{"user", "add", "nguyen.van.an", "--role", "officer", "--name", "An", "--password", "x", "--as", "quan.tri"},
       "password"},  // no password on the command line: an unknown option
      {{"user", "rename", "nguyen.van.an", "--as", "quan.tri"}, "subcommand"},
      {{"user"}, "subcommand"},
      {{"user", "disable", "nguyen.van.an"}, "as"},
      {{"user", "disable", "nguyen.van.an", "--role", "admin", "--as", "quan.tri"}, "role"},
  };
  for (const Case& c : cases) {
    auto r = Run(c.args, env);
    EXPECT_EQ(r.exit_code, 2) << c.args.back() << ": " << r.err;
    EXPECT_NE(r.err.find(c.field + ": "), std::string::npos) << "expected field " << c.field << " in: " << r.err;
  }
  auto short_password = Run({"user", "add", "nguyen.van.an", "--role", "officer", "--name", "An", "--as", "quan.tri"},
                            {{"MOTCUA_PASSWORD", kAdminPassword}, {"MOTCUA_NEW_PASSWORD", "ngan"}});
  EXPECT_EQ(short_password.exit_code, 2);
  EXPECT_NE(short_password.err.find("password: "), std::string::npos) << short_password.err;
  EXPECT_NE(short_password.err.find("[too_short]"), std::string::npos) << short_password.err;
  EXPECT_EQ(ListJson().size(), 1u);  // nothing was added
}

TEST_F(UserCliTest, AWrongAdminPasswordAddsNothingAndFiveLockTheAdmin) {
  Bootstrap();
  for (int i = 1; i <= 4; ++i) {
    auto r = Run({"user", "list", "--as", "quan.tri"}, {{"MOTCUA_PASSWORD", "doan-mo-mat-khau"}});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("[bad_credentials]"), std::string::npos) << r.err;
  }
  auto fifth = Run({"user", "add", "ke.gian", "--role", "admin", "--name", "Kẻ Gian", "--as", "quan.tri"},
                   {{"MOTCUA_PASSWORD", "doan-mo-mat-khau"}, {"MOTCUA_NEW_PASSWORD", "mat-khau-gian"}});
  EXPECT_EQ(fifth.exit_code, 1) << fifth.err;
  EXPECT_NE(fifth.err.find("[account_locked]"), std::string::npos) << fifth.err;
  EXPECT_NE(fifth.err.find("2026-11-23 09:05:00"), std::string::npos) << fifth.err;
  auto locked = Run({"user", "list", "--as", "quan.tri"}, {{"MOTCUA_PASSWORD", kAdminPassword}}, "", "2026-11-23 09:04");
  EXPECT_EQ(locked.exit_code, 1) << locked.err;
  auto later = Run({"user", "list", "--as", "quan.tri"}, {{"MOTCUA_PASSWORD", kAdminPassword}}, "", "2026-11-23 09:05");
  EXPECT_EQ(later.exit_code, 0) << later.err;
  EXPECT_EQ(later.out.find("ke.gian"), std::string::npos);
}

TEST_F(UserCliTest, DisableEnableAndPasswd) {
  Bootstrap();
  AddOfficer();
  const std::map<std::string, std::string> admin = {{"MOTCUA_PASSWORD", kAdminPassword}};
  auto off = Run({"user", "disable", "nguyen.van.an", "--as", "quan.tri"}, admin);
  ASSERT_EQ(off.exit_code, 0) << off.err;
  EXPECT_EQ(off.out, "disabled nguyen.van.an\n");
  auto table = Run({"user", "list", "--as", "quan.tri"}, admin);
  EXPECT_NE(table.out.find("nguyen.van.an  officer  disabled  Phòng Tư pháp  Nguyễn Văn An\n"), std::string::npos)
      << table.out;
  auto again = Run({"user", "disable", "nguyen.van.an", "--as", "quan.tri"}, admin);
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("already_disabled"), std::string::npos) << again.err;
  auto last = Run({"user", "disable", "quan.tri", "--as", "quan.tri"}, admin);
  EXPECT_EQ(last.exit_code, 1);
  EXPECT_NE(last.err.find("last_admin"), std::string::npos) << last.err;
  auto on = Run({"user", "enable", "nguyen.van.an", "--as", "quan.tri"}, admin);
  ASSERT_EQ(on.exit_code, 0) << on.err;
  EXPECT_EQ(on.out, "enabled nguyen.van.an\n");

  // An administrator sets a password; then the officer changes it himself (no --as: acting as himself).
  auto reset = Run({"user", "passwd", "nguyen.van.an", "--as", "quan.tri"},
                   {{"MOTCUA_PASSWORD", kAdminPassword}, {"MOTCUA_NEW_PASSWORD", "mat-khau-cap-lai"}});
  ASSERT_EQ(reset.exit_code, 0) << reset.err;
  EXPECT_EQ(reset.out, "password changed for nguyen.van.an\n");
  auto self = Run({"user", "passwd", "nguyen.van.an"}, {}, "mat-khau-cap-lai\nmat-khau-cua-toi\n");
  ASSERT_EQ(self.exit_code, 0) << self.err;
  EXPECT_TRUE(CoreLogin("nguyen.van.an", "mat-khau-cua-toi", "2026-11-23 09:30"));
  EXPECT_FALSE(CoreLogin("nguyen.van.an", "mat-khau-cap-lai", "2026-11-23 09:31"));
  // An officer may not change someone else's password.
  auto other = Run({"user", "passwd", "quan.tri", "--as", "nguyen.van.an"},
                   {{"MOTCUA_PASSWORD", "mat-khau-cua-toi"}, {"MOTCUA_NEW_PASSWORD", "chiem-quyen-01"}});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("role: "), std::string::npos) << other.err;
  EXPECT_NE(other.err.find("[not_allowed]"), std::string::npos) << other.err;
}

TEST_F(UserCliTest, PolicyIsShownToAnyoneAndChangedByAnAdmin) {
  Bootstrap();
  auto shown = Run({"user", "policy"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out,
            "min_password_length 8\nmax_failed_attempts 5\nlockout_minutes 5\nidle_lock_minutes 10\n"
            "argon2_opslimit 1\nargon2_memlimit_bytes 8192\n");
  auto no_admin = Run({"user", "policy", "--lockout-minutes", "15"});
  EXPECT_EQ(no_admin.exit_code, 2);
  EXPECT_NE(no_admin.err.find("as: "), std::string::npos) << no_admin.err;
  auto bad = Run({"user", "policy", "--lockout-minutes", "mười lăm", "--as", "quan.tri"},
                 {{"MOTCUA_PASSWORD", kAdminPassword}});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("lockout-minutes: "), std::string::npos) << bad.err;
  auto zero = Run({"user", "policy", "--max-failed-attempts", "0", "--as", "quan.tri"},
                  {{"MOTCUA_PASSWORD", kAdminPassword}});
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("max_failed_attempts: "), std::string::npos) << zero.err;
  auto set = Run({"--json", "user", "policy", "--lockout-minutes", "15", "--max-failed-attempts", "3", "--as",
                  "quan.tri"},
                 {{"MOTCUA_PASSWORD", kAdminPassword}});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  const json j = json::parse(set.out);
  EXPECT_EQ(j["lockout_minutes"], 15);
  EXPECT_EQ(j["max_failed_attempts"], 3);
  EXPECT_EQ(j["argon2_memlimit_bytes"], 8192);
  // The new policy applies at once: the 3rd failure now locks, for 15 minutes.
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(Run({"user", "list", "--as", "quan.tri"}, {{"MOTCUA_PASSWORD", "sai-mat-khau-9"}}).exit_code, 2);
  auto third = Run({"user", "list", "--as", "quan.tri"}, {{"MOTCUA_PASSWORD", "sai-mat-khau-9"}});
  EXPECT_EQ(third.exit_code, 1);
  EXPECT_NE(third.err.find("until 2026-11-23 09:15:00"), std::string::npos) << third.err;
  auto policy_option_elsewhere = Run({"user", "list", "--lockout-minutes", "15", "--as", "quan.tri"},
                                     {{"MOTCUA_PASSWORD", kAdminPassword}});
  EXPECT_EQ(policy_option_elsewhere.exit_code, 2);
  EXPECT_NE(policy_option_elsewhere.err.find("lockout-minutes: "), std::string::npos) << policy_option_elsewhere.err;
}

TEST_F(UserCliTest, TheJournalRecordsWhoDidWhatFromWhichStation) {
  Bootstrap();
  AddOfficer();
  auto journal = Run({"journal", "list"});
  ASSERT_EQ(journal.exit_code, 0) << journal.err;
  // user.added (bootstrap), user.logged_in (quan.tri signs in for --as), user.added.
  EXPECT_NE(journal.out.find("user.added    quan.tri@may-01"), std::string::npos) << journal.out;
  EXPECT_NE(journal.out.find("user.logged_in    quan.tri@may-01"), std::string::npos) << journal.out;
  auto verify = Run({"journal", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out;
}

TEST_F(UserCliTest, NoOutputEverShowsAPasswordOrAHash) {
  Bootstrap();
  AddOfficer();
  (void)ListJson();
  (void)Run({"--json", "user", "list", "--as", "quan.tri"}, {{"MOTCUA_PASSWORD", "sai-mat-khau-9"}});
  (void)Run({"user", "passwd", "nguyen.van.an"}, {}, std::string(kOfficerPassword) + "\nngan\n");
  (void)Run({"journal", "list"});
  (void)Run({"--json", "user", "add", "le.thi.hoa", "--role", "postal", "--name", "Lê Thị Hoa", "--as", "quan.tri"},
            {{"MOTCUA_PASSWORD", kAdminPassword}, {"MOTCUA_NEW_PASSWORD", "buu-chinh-2026"}});
  ASSERT_NE(outputs_.find("le.thi.hoa"), std::string::npos) << outputs_;
  for (const char* secret : {kAdminPassword, kOfficerPassword, "sai-mat-khau-9", "buu-chinh-2026", "$argon2"})
    EXPECT_EQ(outputs_.find(secret), std::string::npos) << secret << " in:\n" << outputs_;
}

}  // namespace
}  // namespace motcua::auth
