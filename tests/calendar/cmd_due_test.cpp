// `motcua due` through the real binary (MOTCUA_BIN_DIR/motcua): stdout, stderr and exit codes.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "calendar/calendar_fixtures.h"

namespace motcua::calendar {
namespace {

using namespace motcua::calendar::testing;

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs MOTCUA_BIN_DIR/motcua with `args` (no shell), with MOTCUA_ASSETS_DIR pointing at the source
// tree's assets unless the test passes --assets itself.
ProcessResult RunMotcua(const std::vector<std::string>& args) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return {};
  const std::string bin = std::string(MOTCUA_BIN_DIR) + "/motcua";
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    setenv("MOTCUA_ASSETS_DIR", MOTCUA_ASSETS_DIR, 1);
    setenv("MOTCUA_DATA_DIR", "/nonexistent/motcua-due-test", 1);  // `due` must not need a database
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(bin.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  ProcessResult r;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[4096];
  while (open_fds > 0 && poll(fds, 2, 10000) > 0) {
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(CmdDue, PrintsTheDueInstant) {
  const ProcessResult r = RunMotcua({"due", "--received", "2026-11-23 09:00", "--duration", "3wd"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2026-11-26 09:00\n");
  EXPECT_EQ(r.err, "");
}

TEST(CmdDue, IssueExamplesThroughTheBinary) {
  struct Row {
    const char* received;
    const char* duration;
    const char* due;
  };
  for (const Row& row : {Row{"2026-02-13 10:00", "1wd", "2026-02-23 10:00"},
                         Row{"2025-04-25 14:00", "1wd", "2025-04-26 14:00"},
                         Row{"2026-11-23 16:00", "2wh", "2026-11-24 08:30"},
                         Row{"2024-01-31 09:00", "1m", "2024-02-29 09:00"}}) {
    const ProcessResult r = RunMotcua({"due", "--received", row.received, "--duration", row.duration});
    EXPECT_EQ(r.exit_code, 0) << row.received << " " << row.duration << ": " << r.err;
    EXPECT_EQ(r.out, std::string(row.due) + "\n") << row.received << " " << row.duration;
  }
}

TEST(CmdDue, JsonBeforeTheVerbPrintsAnObject) {
  const ProcessResult r = RunMotcua({"--json", "due", "--received", "2026-11-23T09:00", "--duration", "3WD"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(j, nlohmann::json({{"received", "2026-11-23 09:00"}, {"duration", "3wd"}, {"due", "2026-11-26 09:00"}}));
}

TEST(CmdDue, ProfileAndCalendarDirectory) {
  ScratchDir dir;
  dir.CopyShipped();
  // Friday 16:00 + 1wd: Saturday 16:00 is closed for a Saturday-morning unit, so Monday 07:30.
  ProcessResult r = RunMotcua({"due", "--received", "2026-11-20 16:00", "--duration", "1wd", "--calendar", dir.path().string(),
                     "--profile", "saturday-morning"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2026-11-23 07:30\n");
  r = RunMotcua({"due", "--received", "2026-11-20 10:00", "--duration", "1wd", "--calendar", dir.path().string(),
                 "--profile", "saturday-morning"});
  EXPECT_EQ(r.out, "2026-11-21 10:00\n");
  r = RunMotcua({"due", "--received", "2026-11-20 10:00", "--duration", "1wd", "--calendar", dir.path().string()});
  EXPECT_EQ(r.out, "2026-11-23 10:00\n");
  // An example profile works but says so.
  r = RunMotcua({"due", "--received", "2025-10-15 12:45", "--duration", "0wh", "--profile",
                 "example-thai-nguyen-seasonal"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2025-10-15 13:00\n");
  EXPECT_NE(r.err.find("example"), std::string::npos) << r.err;
}

TEST(CmdDue, DefaultCalendarIsUnderTheAssetsDirectory) {
  ScratchDir assets;
  std::filesystem::create_directories(assets.path() / "calendar");
  for (const auto& f : std::filesystem::directory_iterator(AssetsCalendarDir()))
    if (f.path().extension() == ".json") std::filesystem::copy_file(f.path(), assets.path() / "calendar" / f.path().filename());
  std::filesystem::remove(assets.path() / "calendar" / "vn-2024.json");  // now 2025-2026 only
  ProcessResult r = RunMotcua({"--assets", assets.path().string(), "due", "--received", "2024-06-03 09:00", "--duration", "1wd"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("2024"), std::string::npos) << r.err;
  r = RunMotcua({"--assets", assets.path().string(), "due", "--received", "2025-06-03 09:00", "--duration", "1wd"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2025-06-04 09:00\n");
}

TEST(CmdDue, BadInputExitsTwoNamingTheField) {
  struct Row {
    std::vector<std::string> args;
    const char* field;  // appears in stderr as "field: ..."
    const char* rule;
  };
  const Row rows[] = {
      {{"due", "--received", "2026-02-30 09:00", "--duration", "3wd"}, "received", "bad_datetime"},
      {{"due", "--received", "2026-11-23", "--duration", "3wd"}, "received", "bad_datetime"},
      {{"due", "--received", "2026-11-23 09:00", "--duration", "3w"}, "duration", "bad_duration"},
      {{"due", "--received", "2026-11-23 09:00", "--duration", "-1wd"}, "duration", "bad_duration"},
      {{"due", "--received", "2026-12-31 10:00", "--duration", "1wd"}, "calendar", "calendar_not_covering"},
      {{"due", "--received", "2023-06-01 10:00", "--duration", "1wd"}, "calendar", "calendar_not_covering"},
      {{"due", "--received", "2026-11-23 09:00", "--duration", "1wd", "--profile", "nope"}, "profile", "unknown_profile"},
      {{"due", "--duration", "1wd"}, "received", "missing_flag"},
      {{"due", "--received", "2026-11-23 09:00"}, "duration", "missing_flag"},
  };
  for (const Row& row : rows) {
    const ProcessResult r = RunMotcua(row.args);
    EXPECT_EQ(r.exit_code, 2) << row.rule << ": " << r.err;
    EXPECT_EQ(r.out, "") << row.rule;
    EXPECT_NE(r.err.find(std::string(row.field) + ":"), std::string::npos) << row.rule << ": " << r.err;
    EXPECT_NE(r.err.find(row.rule), std::string::npos) << r.err;
  }
  // With --json the error is also an object on stdout.
  const ProcessResult r = RunMotcua({"--json", "due", "--received", "2026-12-31 10:00", "--duration", "1wd"});
  EXPECT_EQ(r.exit_code, 2);
  const auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(j["error"]["field"], "calendar");
  EXPECT_EQ(j["error"]["rule"], "calendar_not_covering");
  EXPECT_NE(j["error"]["detail"].get<std::string>().find("2027"), std::string::npos);
}

// A folder named on the command line that does not exist is bad input, as a missing file is.
TEST(CmdDue, MissingCalendarDirectoryIsBadInput) {
  const ProcessResult r = RunMotcua({"due", "--received", "2026-11-23 09:00", "--duration", "1wd", "--calendar", "/nonexistent/cal"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("calendar_not_found"), std::string::npos) << r.err;
}

TEST(CmdDue, ProvisionalSwitchComputesBeyondTheDataWithAWarning) {
  const ProcessResult r = RunMotcua({"due", "--received", "2026-12-31 10:00", "--duration", "1wd", "--provisional"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2027-01-01 10:00\n");
  EXPECT_NE(r.err.find("provisional"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace motcua::calendar
