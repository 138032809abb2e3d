// The board following the center live (issue 15): on PostgreSQL a ticket called by another process is on
// the board model within 1 s, woken by the change feed (no polling); the banner while the feed is
// reconnecting, in both languages; and when BoardPollDue reads the store.
//
// The caller is a separate process: this test binary run again (posix_spawn of /proc/self/exe) with
// --gtest_filter on BoardLiveChild.CallsNext and MOTCUA_BOARD_LIVE_CHILD naming the database, so it opens
// its own connection, calls, commits and exits, as a counter on another machine would. (`motcua queue
// call` itself cannot open a center database on this branch yet: the CLI opens SQLite only.)
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "common/crypto.h"
#include "queue/areas.h"
#include "queue/queue.h"
#include "support/fixtures.h"
#include "support/test_database.h"
#include "ui_model/board_model.h"
#include "ui_model/board_view.h"
#include "ui_model/live_journal.h"

extern char** environ;

namespace motcua::ui {
namespace {

using motcua::testing::Backend;
using motcua::testing::TempDir;
using motcua::testing::TestDatabase;
using Steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr const char* kChildVar = "MOTCUA_BOARD_LIVE_CHILD";  // "<counter>\n<location>\n<files dir>"
const workflow::Actor kAdmin{"quan.tri", workflow::Role::kAdmin, "board-test"};
const workflow::Actor kOfficer{"nguyen.van.an", workflow::Role::kOfficer, "counter-test"};

Instant WallNow() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }
double Ms(Steady::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

// The other process: calls the next ticket of area A at the counter it is told, then exits.
TEST(BoardLiveChild, CallsNext) {
  const char* spec = std::getenv(kChildVar);
  if (spec == nullptr) GTEST_SKIP() << "run by BoardLive.SeesACallMadeByAnotherProcessWithinASecond";
  const std::string s = spec;
  const auto a = s.find('\n'), b = s.find('\n', a + 1);
  const std::string counter = s.substr(0, a), location = s.substr(a + 1, b - a - 1), files = s.substr(b + 1);
  ASSERT_TRUE(InitCrypto());
  auto store = store::Open(location, {.files_dir = files});
  ASSERT_TRUE(store) << store.error().Describe();
  auto called = queue::CallNext(**store, kOfficer, counter, {"A"}, WallNow());
  ASSERT_TRUE(called) << called.error().Describe();
  ASSERT_TRUE(*called);
}

// Runs the child for `counter`; returns its exit status.
int RunCaller(const TestDatabase& db, const std::string& counter) {
  std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  std::vector<std::string> env_text;
  for (char** e = environ; *e; ++e) env_text.emplace_back(*e);
  env_text.push_back(std::string(kChildVar) + "=" + counter + "\n" + db.location() + "\n" + db.files_dir().string());
  std::vector<char*> env;
  for (std::string& e : env_text) env.push_back(e.data());
  env.push_back(nullptr);
  std::string filter = "--gtest_filter=BoardLiveChild.CallsNext";
  char* argv[] = {self.data(), filter.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv, env.data()) != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(BoardLive, SeesACallMadeByAnotherProcessWithinASecondOnPostgres) {
  ASSERT_TRUE(InitCrypto());
  TempDir dir;
  auto db = TestDatabase::Create(Backend::kPostgres, dir.path());
  ASSERT_TRUE(db) << db.error().Describe();
  auto opened = db->Open();
  ASSERT_TRUE(opened) << opened.error().Describe();
  store::Store& store = **opened;
  queue::Area area;
  area.letter = "A";
  area.name = "Tư pháp - Hộ tịch";
  ASSERT_TRUE(queue::SaveArea(store, kAdmin, area, WallNow()));
  constexpr int kCalls = 5;
  for (int i = 0; i < kCalls; ++i) ASSERT_TRUE(queue::TakeTicket(store, kOfficer, {"A", ""}, {}, WallNow()));

  BoardModel model;
  ASSERT_TRUE(SeedBoard(model, store, WallNow()));
  std::mutex mu;
  std::condition_variable woke;
  int wakes = 0;
  auto watcher = WatchJournal(db->location(), model.last_seq, [&] {
    std::lock_guard lock(mu);
    ++wakes;
    woke.notify_all();
  });
  ASSERT_TRUE(watcher) << watcher.error().Describe();
  EXPECT_TRUE((*watcher)->Snapshot().status.pushes);

  std::vector<double> from_exit, from_spawn;
  for (int i = 1; i <= kCalls; ++i) {
    const std::string counter = std::to_string(i);
    // The board's frame loop, on this thread: it sleeps until the watcher wakes it, then polls if due.
    std::optional<Steady::time_point> exited;
    const auto spawned = Steady::now();
    std::thread caller([&] {
      EXPECT_EQ(RunCaller(*db, counter), 0) << "the caller process failed";
      std::lock_guard lock(mu);
      exited = Steady::now();
    });
    std::vector<BoardAnnouncement> said;
    const auto give_up = Steady::now() + std::chrono::seconds(20);
    while (said.empty() && Steady::now() < give_up) {
      {
        std::unique_lock lock(mu);
        woke.wait_for(lock, std::chrono::seconds(1), [&] { return wakes > 0; });
        wakes = 0;
      }
      const LiveJournal live = (*watcher)->Snapshot();
      model.feed = live.status;
      // Never on the clock: only the feed's head makes this poll (the refresh interval is 30 s).
      if (live.head_seq <= model.last_seq) continue;
      auto r = PollBoard(model, store, WallNow());
      ASSERT_TRUE(r) << r.error().Describe();
      said = *r;
    }
    const auto seen = Steady::now();
    caller.join();
    ASSERT_EQ(said.size(), 1u) << "the call at counter " << counter << " never reached the board";
    EXPECT_EQ(said[0].counter, counter);
    EXPECT_EQ(said[0].label, "A00" + std::to_string(i));
    ASSERT_TRUE(exited);
    from_exit.push_back(Ms(seen - *exited));  // negative: seen before the caller had even exited
    from_spawn.push_back(Ms(seen - spawned));
    EXPECT_LT(from_exit.back(), 1000.0);
  }
  EXPECT_EQ(model.counters.size(), static_cast<std::size_t>(kCalls));
  std::sort(from_exit.begin(), from_exit.end());
  std::sort(from_spawn.begin(), from_spawn.end());
  std::printf("[ board postgres ] call seen by the board model, after the caller process exited: median %.1f ms, "
              "max %.1f ms; after it was started: median %.1f ms, max %.1f ms (%d calls)\n",
              from_exit[from_exit.size() / 2], from_exit.back(), from_spawn[from_spawn.size() / 2], from_spawn.back(),
              kCalls);
}

TEST(BoardLive, PollsWhenTheFeedMovedOrOnTheSlowClocksOnly) {
  BoardModel m;
  const auto t0 = std::chrono::system_clock::now();
  EXPECT_TRUE(BoardPollDue(m, 0, t0 - milliseconds(300), t0));  // not seeded yet: on the 250 ms clock
  m.seeded = true;
  m.last_seq = 10;
  m.refreshed_at = std::chrono::floor<std::chrono::seconds>(t0);
  m.day = LocalDateVn(m.refreshed_at);
  EXPECT_FALSE(BoardPollDue(m, 10, t0 - std::chrono::seconds(5), t0));  // nothing new: no read
  EXPECT_TRUE(BoardPollDue(m, 11, t0, t0));                             // the feed moved: at once
  EXPECT_TRUE(BoardPollDue(m, 10, t0, t0 + std::chrono::seconds(31)));  // settings and areas, every 30 s
  EXPECT_TRUE(BoardPollDue(m, std::nullopt, t0 - milliseconds(250), t0));  // no feed: every 250 ms
  EXPECT_FALSE(BoardPollDue(m, std::nullopt, t0 - milliseconds(100), t0));
  m.store_error = Unavailable("database", "connection_lost", "gone");
  EXPECT_TRUE(BoardPollDue(m, 10, t0 - milliseconds(250), t0));  // a failed read is retried on the clock
}

TEST(BoardLive, TheBannerShowsWhileReconnectingInBothLanguagesAndClearsWhenConnected) {
  BoardModel m;
  m.feed.state = store::FeedState::kReconnecting;
  m.feed.since = FromLocalVn(std::chrono::local_days{std::chrono::year{2026} / 3 / 12} + std::chrono::hours(10) +
                             std::chrono::minutes(42));
  const Instant now = m.feed.since + std::chrono::seconds(30);
  BoardView vi = MakeBoardView(m, now, {.lang = Lang::kVi});
  EXPECT_EQ(vi.banner, "Mất kết nối cơ sở dữ liệu trung tâm từ 10:42, đang kết nối lại…");
  BoardView en = MakeBoardView(m, now, {.lang = Lang::kEn});
  EXPECT_EQ(en.banner, "Lost the connection to the center's database at 10:42; reconnecting…");
  m.feed.state = store::FeedState::kConnected;
  EXPECT_EQ(MakeBoardView(m, now).banner, "");
  m.feed.state = store::FeedState::kConnecting;  // the first connection: nothing to say yet
  EXPECT_EQ(MakeBoardView(m, now).banner, "");
  EXPECT_TRUE(TakeMissingKeys().empty());
}

}  // namespace
}  // namespace motcua::ui
