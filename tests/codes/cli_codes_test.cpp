// The `motcua cccd` and `motcua vietqr` verbs through the real binary (MOTCUA_BIN_DIR/motcua).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string ReadAll(int fd) {
  std::string s;
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) s.append(buf, static_cast<std::size_t>(n));
  return s;
}

// Runs the binary with exactly these arguments (no shell, so no quoting problems).
CliRun Motcua(const std::vector<std::string>& args) {
  const std::string bin = MOTCUA_BIN_DIR "/motcua";
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(bin.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  int out_pipe[2], err_pipe[2];
  EXPECT_EQ(::pipe(out_pipe), 0);
  EXPECT_EQ(::pipe(err_pipe), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  pid_t pid = 0;
  CliRun run;
  const int spawned = posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawned != 0) {
    ADD_FAILURE() << "cannot run " << bin;
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    return run;
  }
  run.out = ReadAll(out_pipe[0]);  // outputs here are small: no risk of a full stderr pipe
  run.err = ReadAll(err_pipe[0]);
  ::close(out_pipe[0]);
  ::close(err_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// Invented person (see tests/codes/cccd_test.cpp for the fixture conventions).
constexpr const char* kCard =
    "008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tổ 5, Phường Minh Xuân, Thành phố Tuyên Quang, "
    "Tuyên Quang|10082021\r\n";

TEST(CliCccd, PrintsTheFieldsAsJsonWithIsoDates) {
  CliRun r = Motcua({"cccd", kCard});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"id\":\"008190001234\",\"old_id\":\"070912345\",\"name\":\"Nguyễn Thị Mẫu\",\"birth_date\":\"1990-02-14\","
            "\"sex\":\"Nữ\",\"address\":\"Tổ 5, Phường Minh Xuân, Thành phố Tuyên Quang, Tuyên Quang\","
            "\"issue_date\":\"2021-08-10\"}\n");
}

TEST(CliCccd, PrintsAnEmptyOldIdWhenTheCardHasNone) {
  CliRun r = Motcua({"cccd", "001203004567|Trần Văn Giả|05062003|Nam|Hà Nội|20072021"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["old_id"], "");
  EXPECT_EQ(j["birth_date"], "2003-06-05");
  EXPECT_EQ(j["sex"], "Nam");
}

TEST(CliCccd, ExitsTwoNamingTheBadField) {
  struct Case {
    const char* text;
    const char* field;
  } cases[] = {
      {"00819000123|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021", "id"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|31022020|Nữ|Tuyên Quang|10082021", "birth_date"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|X|Tuyên Quang|10082021", "sex"},
      {"008190001234|", "cccd_qr"},
  };
  for (const auto& c : cases) {
    CliRun r = Motcua({"cccd", c.text});
    EXPECT_EQ(r.exit_code, 2) << c.text;
    EXPECT_EQ(r.out, "") << c.text;
    EXPECT_NE(r.err.find(std::string(c.field) + ":"), std::string::npos) << r.err;
  }
  CliRun missing = Motcua({"cccd"});
  EXPECT_EQ(missing.exit_code, 2);
}

TEST(CliCccd, JsonModeReportsTheErrorAsJson) {
  CliRun r = Motcua({"--json", "cccd", "00819000123A|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021"});
  EXPECT_EQ(r.exit_code, 2);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["error"]["field"], "id");
  EXPECT_EQ(j["error"]["rule"], "id_not_digits");
}

// The VietQR.io API documentation sample (see vietqr_test.cpp), byte for byte through the CLI.
TEST(CliVietQr, PrintsThePublishedPayload) {
  CliRun r = Motcua({"vietqr", "--bin", "970415", "--account", "113366668888", "--amount", "79000", "--purpose",
                  "Ung Ho Quy Vac Xin"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA53037045405790005802VN"
            "62220818Ung Ho Quy Vac Xin63043ACF\n");
}

TEST(CliVietQr, FoldsDiacriticsInThePurpose) {
  CliRun r = Motcua({"vietqr", "--bin=970415", "--account=0011001932418", "--amount=120000", "--purpose=ủng hộ lũ lụt"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN"
            "62170813ung ho lu lut6304C15C\n");
}

TEST(CliVietQr, ExitsTwoNamingTheBadFlag) {
  struct Case {
    std::vector<std::string> args;
    const char* field;
  } cases[] = {
      {{"vietqr", "--bin", "97041", "--account", "1133", "--amount", "1000", "--purpose", "Le phi"}, "bin"},
      {{"vietqr", "--bin", "970415", "--account", "11-33", "--amount", "1000", "--purpose", "Le phi"}, "account"},
      {{"vietqr", "--bin", "970415", "--account", "1133", "--amount", "0", "--purpose", "Le phi"}, "amount"},
      {{"vietqr", "--bin", "970415", "--account", "1133", "--amount", "12.500", "--purpose", "Le phi"}, "amount"},
      {{"vietqr", "--bin", "970415", "--account", "1133", "--amount", "-100", "--purpose", "Le phi"}, "amount"},
      {{"vietqr", "--bin", "970415", "--account", "1133", "--amount", "1000", "--purpose", "Lệ phí: 01"}, "purpose"},
      {{"vietqr", "--bin", "970415", "--account", "1133", "--amount", "1000"}, "purpose"},
      {{"vietqr", "--account", "1133", "--amount", "1000", "--purpose", "Le phi"}, "bin"},
  };
  for (const auto& c : cases) {
    CliRun r = Motcua(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.field << " " << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find(std::string(c.field) + ":"), std::string::npos) << r.err;
  }
}

}  // namespace
