// The change feed (store/change_feed.h) on both engines, with real servers: a write on one station's
// store wakes a feed opened beside another's within a second; the latency over 50 writes is printed; a
// PostgreSQL server killed and started again is reported and then followed again.
#include "store/change_feed.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <limits>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "store/store.h"
#include "support/fixtures.h"
#include "support/pg_server.h"
#include "support/test_database.h"

namespace motcua::store {
namespace {

using motcua::testing::At;
using motcua::testing::Backend;
using motcua::testing::PgServer;
using motcua::testing::TempDir;
using motcua::testing::TestDatabase;
using Steady = std::chrono::steady_clock;
using std::chrono::milliseconds;

Status Ping(Store& store, int n) {
  return store.Write([&](WriteTx& tx) -> Status {
    auto e = tx.AppendEvent({"test.ping", "", "tester", "station-a", At("2026-11-23 09:00"),
                             "{\"n\":" + std::to_string(n) + "}"});
    if (!e) return e.error();
    return Ok();
  });
}

// Waits (at most 10 s) until the feed has connected: a wait of 0 ms does not wait for a connection.
bool Connected(ChangeFeed& feed) {
  const auto give_up = Steady::now() + std::chrono::seconds(10);
  while (Steady::now() < give_up)
    if (feed.WaitForChange(std::numeric_limits<std::int64_t>::max(), milliseconds(50)).status.state ==
        FeedState::kConnected)
      return true;
  return false;
}

double Ms(Steady::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

class FeedOnEachEngine : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto db = TestDatabase::Create(GetParam(), dir_.path());
    ASSERT_TRUE(db) << db.error().Describe();
    db_ = std::move(*db);
    auto a = db_->Open();
    ASSERT_TRUE(a) << a.error().Describe();
    writer_ = std::move(*a);
    auto b = db_->Open();
    ASSERT_TRUE(b) << b.error().Describe();
    reader_ = std::move(*b);
  }
  TempDir dir_;
  std::optional<TestDatabase> db_;
  std::unique_ptr<Store> writer_;  // station A
  std::unique_ptr<Store> reader_;  // station B, which the feed serves
};
INSTANTIATE_TEST_SUITE_P(Engines, FeedOnEachEngine, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return std::string(motcua::testing::BackendName(info.param)); });

TEST_P(FeedOnEachEngine, TimesOutQuietlyWhenNothingIsWritten) {
  auto feed = OpenChangeFeed(db_->location());
  ASSERT_TRUE(feed) << feed.error().Describe();
  EXPECT_EQ((*feed)->Status().state, FeedState::kConnecting);
  EXPECT_EQ((*feed)->Status().pushes, GetParam() == Backend::kPostgres);
  const auto started = Steady::now();
  ChangeWait w = (*feed)->WaitForChange(0, milliseconds(300));
  EXPECT_FALSE(w.changed);
  EXPECT_EQ(w.head_seq, 0);
  EXPECT_EQ(w.status.state, FeedState::kConnected);
  EXPECT_GE(Steady::now() - started, milliseconds(290));
}

TEST_P(FeedOnEachEngine, AHeadAlreadyPastReturnsAtOnce) {
  ASSERT_TRUE(Ping(*writer_, 1));
  ASSERT_TRUE(Ping(*writer_, 2));
  auto feed = OpenChangeFeed(db_->location());
  ASSERT_TRUE(feed);
  const auto started = Steady::now();
  ChangeWait w = (*feed)->WaitForChange(1, std::chrono::seconds(10));
  EXPECT_TRUE(w.changed);
  EXPECT_EQ(w.head_seq, 2);
  EXPECT_LT(Steady::now() - started, milliseconds(1000));
  // Caught up: a zero timeout is one check, no wait.
  w = (*feed)->WaitForChange(2, milliseconds(0));
  EXPECT_FALSE(w.changed);
  EXPECT_EQ(w.head_seq, 2);
}

TEST_P(FeedOnEachEngine, InterruptEndsAWaitAtOnce) {
  auto feed = OpenChangeFeed(db_->location());
  ASSERT_TRUE(feed);
  std::thread stopper([&] {
    std::this_thread::sleep_for(milliseconds(200));
    (*feed)->Interrupt();
  });
  const auto started = Steady::now();
  ChangeWait w = (*feed)->WaitForChange(0, std::chrono::seconds(30));
  stopper.join();
  EXPECT_FALSE(w.changed);
  EXPECT_LT(Steady::now() - started, milliseconds(5000));
}

// A write at station A wakes station B's waiter within 1 s, 50 times over; B then reads the event.
TEST_P(FeedOnEachEngine, AWriteOnOneStoreWakesAWaiterOnTheOtherWithinASecond) {
  auto opened = OpenChangeFeed(db_->location());
  ASSERT_TRUE(opened);
  ChangeFeed& feed = **opened;
  ASSERT_TRUE(Connected(feed));

  constexpr int kWrites = 50;
  std::vector<Steady::time_point> woke(kWrites + 1);
  std::atomic<std::int64_t> seen{0};
  std::thread waiter([&] {
    std::int64_t after = 0;
    const auto give_up = Steady::now() + std::chrono::seconds(60);
    while (after < kWrites && Steady::now() < give_up) {
      ChangeWait w = feed.WaitForChange(after, std::chrono::seconds(5));
      if (!w.changed) continue;
      const auto at = Steady::now();
      for (std::int64_t s = after + 1; s <= std::min<std::int64_t>(w.head_seq, kWrites); ++s) woke[s] = at;
      after = w.head_seq;
      seen = after;
    }
  });
  std::vector<double> latency_ms, write_ms;
  for (int i = 1; i <= kWrites; ++i) {
    const auto started = Steady::now();
    ASSERT_TRUE(Ping(*writer_, i));
    const auto written = Steady::now();
    while (seen.load() < i && Steady::now() - started < std::chrono::seconds(2)) std::this_thread::sleep_for(milliseconds(1));
    ASSERT_GE(seen.load(), i) << "write " << i << " woke nobody within 2 s";
    latency_ms.push_back(Ms(woke[i] - started));
    write_ms.push_back(Ms(written - started));
    // B reads what woke it.
    auto events = reader_->ReadJournal({.after_seq = i - 1});
    ASSERT_TRUE(events);
    ASSERT_FALSE(events->empty());
    EXPECT_EQ(events->front().seq, i);
    // Writes a few ms apart, so each wake is one write's (not a batch's).
    std::this_thread::sleep_for(milliseconds(5));
  }
  waiter.join();
  auto sorted = latency_ms;
  std::sort(sorted.begin(), sorted.end());
  std::sort(write_ms.begin(), write_ms.end());
  std::printf("[ feed %s ] write start -> waiter woken over %d writes: median %.1f ms, max %.1f ms "
              "(the write itself: median %.1f ms, max %.1f ms)\n",
              motcua::testing::BackendName(GetParam()), kWrites, sorted[sorted.size() / 2], sorted.back(),
              write_ms[write_ms.size() / 2], write_ms.back());
  EXPECT_LT(sorted.back(), 1000.0);
}

TEST(ChangeFeed, RefusesWhatItCannotFollow) {
  TempDir dir;
  auto empty = OpenChangeFeed("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "db");
  EXPECT_EQ(empty.error().rule, "missing");
  auto memory = OpenChangeFeed(":memory:");
  ASSERT_FALSE(memory);
  EXPECT_EQ(memory.error().rule, "not_shared");
  auto missing = OpenChangeFeed((dir / "nothing.db").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().rule, "database_missing");
  EXPECT_FALSE(std::filesystem::exists(dir / "nothing.db"));  // nothing made where nothing was
  auto bad_poll = OpenChangeFeed("host=/nowhere dbname=x", {.poll_interval = milliseconds(0)});
  ASSERT_FALSE(bad_poll);
  EXPECT_EQ(bad_poll.error().field, "poll_interval");
  EXPECT_EQ(bad_poll.error().rule, "out_of_range");
  auto bad_backoff = OpenChangeFeed("host=/nowhere dbname=x",
                                    {.backoff_initial = milliseconds(500), .backoff_max = milliseconds(100)});
  ASSERT_FALSE(bad_backoff);
  EXPECT_EQ(bad_backoff.error().field, "backoff_max");
}

TEST(ChangeFeed, ACenterNobodyAnswersIsReportedAsReconnectingWithoutTheConnectionString) {
  TempDir dir;
  // A socket directory with no server in it: every attempt fails at once.
  auto feed = OpenChangeFeed("host=" + dir.path().string() + " port=1 dbname=motcua password=secret-word");
  ASSERT_TRUE(feed);
  ChangeWait w = (*feed)->WaitForChange(0, milliseconds(700));
  EXPECT_FALSE(w.changed);
  EXPECT_EQ(w.status.state, FeedState::kReconnecting);
  EXPECT_NE(w.status.problem.find("cannot connect"), std::string::npos) << w.status.problem;
  EXPECT_EQ(w.status.problem.find("secret-word"), std::string::npos) << w.status.problem;
  EXPECT_EQ(w.status.reconnects, 0);
}

// Kill the server under a waiting feed: it says "reconnecting" (with when it began); start the server
// again: the feed reconnects by itself, counts it, and wakes on the next write, and on a write made
// while it was still away.
TEST(ChangeFeed, FollowsAPostgresServerThatWasKilledAndStartedAgain) {
  TempDir dir;
  auto server = PgServer::StartPrimary();
  ASSERT_TRUE(server) << server.error().Describe();
  auto dbname = (*server)->CreateDatabase();
  ASSERT_TRUE(dbname) << dbname.error().Describe();
  const std::string conninfo = *dbname;
  PgOptions po;
  po.chain_key_path = (dir / "center.chain-key").string();
  po.anchor_path = (dir / "center.anchor").string();
  auto store = OpenPgStore(conninfo, po);
  ASSERT_TRUE(store) << store.error().Describe();
  ASSERT_TRUE(Ping(**store, 1));

  auto opened = OpenChangeFeed(conninfo, {.backoff_initial = milliseconds(100), .backoff_max = milliseconds(1000)});
  ASSERT_TRUE(opened);
  ChangeFeed& feed = **opened;
  ChangeWait w = feed.WaitForChange(0, milliseconds(2000));
  ASSERT_TRUE(w.changed);
  ASSERT_EQ(w.head_seq, 1);
  ASSERT_EQ(w.status.state, FeedState::kConnected);

  // A waiter on another thread sees the server die.
  std::atomic<bool> reconnecting{false};
  std::thread waiter([&] {
    const auto give_up = Steady::now() + std::chrono::seconds(20);
    while (Steady::now() < give_up) {
      if (feed.WaitForChange(1, milliseconds(200)).status.state == FeedState::kReconnecting) {
        reconnecting = true;
        return;
      }
    }
  });
  const auto killed_at = Steady::now();
  ASSERT_TRUE((*server)->Kill());
  waiter.join();
  ASSERT_TRUE(reconnecting.load()) << "the feed never noticed the server was gone";
  FeedStatus down = feed.Status();
  EXPECT_EQ(down.state, FeedState::kReconnecting);
  EXPECT_FALSE(down.problem.empty());
  std::printf("[ feed postgres ] killed: reported \"reconnecting\" after %.0f ms: %s\n", Ms(Steady::now() - killed_at),
              down.problem.c_str());
  // Still down: waits go on quietly.
  w = feed.WaitForChange(1, milliseconds(500));
  EXPECT_FALSE(w.changed);
  EXPECT_EQ(w.status.state, FeedState::kReconnecting);
  EXPECT_EQ(w.status.since, down.since);  // the trouble's start, kept through the failed attempts

  ASSERT_TRUE((*server)->Start());
  const auto started_at = Steady::now();
  // The store writes as soon as the server is back (Write reconnects, retrying the statement that found the
  // connection dead), before the feed is back.
  Status again = Ping(**store, 2);
  ASSERT_TRUE(again) << again.error().Describe();
  w = feed.WaitForChange(1, std::chrono::seconds(15));
  EXPECT_TRUE(w.changed) << "the write made while the feed was away was not caught up";
  EXPECT_EQ(w.head_seq, 2);
  EXPECT_EQ(w.status.state, FeedState::kConnected);
  EXPECT_EQ(w.status.reconnects, 1);
  EXPECT_TRUE(w.status.problem.empty());
  std::printf("[ feed postgres ] restarted: connected again after %.0f ms\n", Ms(Steady::now() - started_at));

  // And the next write wakes it as before.
  std::thread writer([&] {
    std::this_thread::sleep_for(milliseconds(100));
    EXPECT_TRUE(Ping(**store, 3));
  });
  const auto waited = Steady::now();
  w = feed.WaitForChange(2, std::chrono::seconds(5));
  writer.join();
  EXPECT_TRUE(w.changed);
  EXPECT_EQ(w.head_seq, 3);
  EXPECT_LT(Steady::now() - waited, milliseconds(1100));
}

}  // namespace
}  // namespace motcua::store
