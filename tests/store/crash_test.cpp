// Nothing is lost: a writer receiving dossiers is SIGKILLed at random moments, 60 times (the soak run,
// ctest -L soak, 500 times: MOTCUA_CRASH_KILLS); after each
// kill the database passes integrity_check, the journal verifies (through the real `motcua journal
// verify`), and every dossier whose code the writer printed (i.e. acknowledged) exists with all its
// components, its scans on disk, and its journal event.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <algorithm>
#include <cstdlib>
#include <random>
#include <set>
#include <thread>

#include "digitize/file_store.h"
#include "store/store.h"
#include "support/fixtures.h"

namespace motcua {
namespace {

using motcua::testing::TempDir;

struct Child {
  pid_t pid = -1;
  int out = -1;
};

Child StartWriter(const std::filesystem::path& dir) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    const std::string exe = std::string(MOTCUA_BIN_DIR) + "/motcua_crash_writer";
    ::execl(exe.c_str(), exe.c_str(), dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  return {pid, fds[0]};
}

// Reads whatever the child printed; complete lines only are acknowledged codes.
void ReadCodes(int fd, std::string& buffer, std::set<std::string>& acknowledged) {
  char chunk[4096];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) break;
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) break;
    buffer.append(chunk, std::size_t(n));
  }
  std::size_t nl;
  while ((nl = buffer.find('\n')) != std::string::npos) {
    acknowledged.insert(buffer.substr(0, nl));
    buffer.erase(0, nl + 1);
  }
}

TEST(CrashSafety, EveryAcknowledgedDossierSurvivesSigkill) {
  TempDir dir;
  std::set<std::string> acknowledged;
  std::mt19937 rng(424242);
  const char* kills_env = std::getenv("MOTCUA_CRASH_KILLS");
  const int kKills = kills_env != nullptr ? std::max(1, std::atoi(kills_env)) : 60;
  for (int kill_no = 0; kill_no < kKills; ++kill_no) {
    Child child = StartWriter(dir.path());
    ASSERT_GT(child.pid, 0);
    std::string buffer;
    const std::set<std::string> before = acknowledged;
    // Kill at a random moment: sometimes during start-up, mostly mid-stream.
    const int delay_ms = 30 + int(rng() % 470);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(delay_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      ReadCodes(child.out, buffer, acknowledged);
      std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    ::kill(child.pid, SIGKILL);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    ReadCodes(child.out, buffer, acknowledged);  // lines already written before the kill count
    ::close(child.out);
    ASSERT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0))
        << "writer failed on its own at kill " << kill_no << " (exit " << WEXITSTATUS(status) << ")";

    auto store = store::OpenSqliteStore((dir / "motcua.db").string(), {.create_if_missing = false});
    if (!store) {
      // Killed before it ever created the database.
      ASSERT_TRUE(acknowledged.empty()) << store.error().Describe();
      continue;
    }
    ASSERT_TRUE((*store)->CheckIntegrity()) << "kill " << kill_no;
    auto check = (*store)->VerifyJournal();
    ASSERT_TRUE(check && check->ok) << "kill " << kill_no << ": " << (check ? check->problem : "");
    auto count = (*store)->CountDossiers();
    auto events = (*store)->ReadJournal({.limit = 1000000});
    std::size_t received_events = 0;
    for (const auto& e : *events) received_events += e.type == "dossier.received";
    EXPECT_EQ(received_events, std::size_t(*count)) << "each stored dossier has exactly one receipt event";
    EXPECT_GE(std::size_t(*count), acknowledged.size());
    // The codes acknowledged in this round are checked now; all of them again at the end.
    const bool last_round = kill_no == kKills - 1;
    for (const auto& code : acknowledged) {
      if (!last_round && before.count(code)) continue;
      auto d = (*store)->GetDossier(code);
      ASSERT_TRUE(d && *d) << "acknowledged dossier " << code << " is missing after kill " << kill_no;
      ASSERT_EQ((*d)->components.size(), 3u) << code;
      for (int c = 0; c < 2; ++c) {
        ASSERT_EQ((*d)->components[c].files.size(), 1u) << code;
        EXPECT_TRUE(digitize::ReadStored(dir / "files", (*d)->components[c].files[0].sha256)) << code;
      }
    }
    store->reset();
    // The operator's check, through the real CLI (every 20th kill: the check above is the same one).
    if (kill_no % 20 != 19) continue;
    auto r = motcua::testing::RunCli({"--db", (dir / "motcua.db").string(), "--assets", MOTCUA_ASSETS_DIR,
                                      "journal", "verify"});
    ASSERT_EQ(r.exit_code, 0) << "kill " << kill_no << ": " << r.out << r.err;
  }
  std::cout << "[ crash    ] " << kKills << " kills, " << acknowledged.size() << " acknowledged dossiers, all present\n";
  EXPECT_GT(acknowledged.size(), 50u) << "the writer made too little progress for the test to mean much";
}

}  // namespace
}  // namespace motcua
