// A killed `motcua init` leaves either no database or a complete one. In the store_crash binary, with the
// crash test: both kill processes at chosen moments, which a sanitized build's timing would change, so
// they run in the release pass only (installer/setup.sh).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <gtest/gtest.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "support/fixtures.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using motcua::testing::RunCli;
using motcua::testing::TempDir;
using nlohmann::json;

// A killed init leaves either no database or a complete one (settings, catalog, journal that
// verifies). Fixed seed; 25 kills at moments spread over one whole init's run (measured first, so a
// slower build, sanitized or loaded, is killed across its own run too).
TEST(InitAtomicity, AKilledInitLeavesNoDatabaseOrACompleteOne) {
  std::mt19937 rng(20261206);
  int none = 0, complete = 0;
  std::chrono::milliseconds whole{0};
  {
    TempDir dir;
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(RunCli({"--db", (dir / "m.db").string(), "--assets", MOTCUA_ASSETS_DIR, "init"}).exit_code, 0);
    whole = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  }
  for (int round = 0; round < 25; ++round) {
    TempDir dir;
    const std::string db = (dir / "motcua.db").string();
    const pid_t pid = ::fork();
    if (pid == 0) {
      const int null_fd = ::open("/dev/null", O_WRONLY);
      ::dup2(null_fd, 1);
      ::dup2(null_fd, 2);
      const std::string bin = std::string(MOTCUA_BIN_DIR) + "/motcua";
      ::execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "--assets", MOTCUA_ASSETS_DIR, "init",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % (whole.count() * 6 / 5 + 1)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!fs::exists(db)) {
      ++none;
      continue;
    }
    ++complete;
    auto show = RunCli({"--db", db, "--assets", MOTCUA_ASSETS_DIR, "--json", "init"});  // changes nothing
    ASSERT_EQ(show.exit_code, 0) << "round " << round << ": " << show.err;
    EXPECT_EQ(json::parse(show.out)["procedures"], 107) << "round " << round;
    auto verify = RunCli({"--db", db, "--assets", MOTCUA_ASSETS_DIR, "journal", "verify"});
    EXPECT_EQ(verify.exit_code, 0) << "round " << round << ": " << verify.out << verify.err;
  }
  std::cout << "[ init     ] 25 kills over " << whole.count() << " ms: " << none << " left no database, " << complete << " a complete one\n";
  EXPECT_GT(none, 0);
  EXPECT_GT(complete, 0);
}

}  // namespace
}  // namespace motcua
