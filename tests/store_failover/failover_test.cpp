// Failover under load (issue 15): a center's primary is stopped abruptly while station processes receive
// dossiers, and its synchronous standby is promoted. Every dossier a station was told was received (its
// code printed after Receive returned) must be on the promoted server, no code may be issued twice, the
// stations must carry on by themselves through their multi-host connection string, and the journal must
// verify against every station's anchor.
//
// Why it holds: with synchronous_standby_names naming the standby, the primary answers a COMMIT only once
// the standby has flushed it, so an acknowledged commit is on the standby when the primary dies. A COMMIT
// whose answer was lost is "commit_unknown": the writer repeats the same request_id, which either finds
// the dossier the lost commit made or receives it afresh (failover_writer.cpp).
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "store/store.h"
#include "support/fixtures.h"
#include "support/pg_server.h"
#include "support/test_database.h"

namespace motcua {
namespace {

using motcua::testing::PgServer;
using motcua::testing::TempDir;

struct Station {
  pid_t pid = -1;
  int out = -1;
  std::filesystem::path dir;
  std::string buffer;
  std::vector<std::string> codes;     // acknowledged, in order
  std::map<std::string, int> unsure;  // "? <rule>" lines by rule
};

Station StartStation(const std::string& conninfo, const std::filesystem::path& dir, int slot) {
  Station s;
  s.dir = dir;
  int fds[2];
  if (::pipe(fds) != 0) return s;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    const std::string exe = std::string(MOTCUA_BIN_DIR) + "/motcua_failover_writer";
    const std::string slot_text = std::to_string(slot);
    ::execl(exe.c_str(), exe.c_str(), conninfo.c_str(), dir.c_str(), slot_text.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  s.pid = pid;
  s.out = fds[0];
  return s;
}

// Reads whatever the station printed; complete lines only count.
void Drain(Station& s) {
  char chunk[4096];
  for (;;) {
    pollfd p{s.out, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) break;
    ssize_t n = ::read(s.out, chunk, sizeof chunk);
    if (n <= 0) break;
    s.buffer.append(chunk, std::size_t(n));
  }
  std::size_t nl;
  while ((nl = s.buffer.find('\n')) != std::string::npos) {
    std::string line = s.buffer.substr(0, nl);
    s.buffer.erase(0, nl + 1);
    if (line.rfind("? ", 0) == 0) ++s.unsure[line.substr(2)];
    else s.codes.push_back(line);
  }
}

// Reads from every station until each has acknowledged `more` codes beyond `from[i]`; false on timeout
// or when a station exits on its own (it only stops when killed).
bool WaitForProgress(std::vector<Station>& stations, const std::vector<std::size_t>& from, std::size_t more,
                     std::chrono::seconds timeout, std::string& why) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    bool all = true;
    for (std::size_t i = 0; i < stations.size(); ++i) {
      Drain(stations[i]);
      int status = 0;
      if (::waitpid(stations[i].pid, &status, WNOHANG) == stations[i].pid) {
        why = "station " + std::to_string(i) + " exited on its own (status " + std::to_string(status) + ")";
        stations[i].pid = -1;
        return false;
      }
      all = all && stations[i].codes.size() >= from[i] + more;
    }
    if (all) return true;
    if (std::chrono::steady_clock::now() >= deadline) {
      why = "timed out; acknowledged per station:";
      for (std::size_t i = 0; i < stations.size(); ++i)
        why += " " + std::to_string(stations[i].codes.size()) + " (from " + std::to_string(from[i]) + ")";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

std::vector<std::size_t> Counts(const std::vector<Station>& stations) {
  std::vector<std::size_t> out;
  for (const auto& s : stations) out.push_back(s.codes.size());
  return out;
}

std::string DatabaseName(const std::string& conninfo) {
  const auto at = conninfo.find("dbname=");
  if (at == std::string::npos) return "";
  return conninfo.substr(at + 7, conninfo.find(' ', at) - at - 7);
}

TEST(Failover, AcknowledgedDossiersSurvivePromotionAndStationsReconnect) {
  auto primary = PgServer::StartPrimary();
  ASSERT_TRUE(primary) << primary.error().Describe();
  auto owner_conninfo = (*primary)->CreateDatabase();
  ASSERT_TRUE(owner_conninfo) << owner_conninfo.error().Describe();
  const std::string db = DatabaseName(*owner_conninfo);
  // The stations connect as the center's station role (README "Run a center"), which exists before the
  // owner's first start grants it its rights.
  ASSERT_TRUE(motcua::testing::TestDatabase::EnsureStationRole(primary->get()));

  TempDir dir;
  const auto setup_dir = dir / "owner";
  std::filesystem::create_directories(setup_dir);
  {
    auto owner = store::Open(*owner_conninfo, {.files_dir = setup_dir.string()});
    ASSERT_TRUE(owner) << owner.error().Describe();
    ASSERT_TRUE(motcua::testing::WriteJournaled(**owner, [](store::WriteTx& tx) {
      return tx.UpsertProcedure(motcua::testing::ResidenceProcedure());
    }));
  }
  auto standby = PgServer::StartStandby(**primary, /*synchronous=*/true);
  ASSERT_TRUE(standby) << standby.error().Describe();

  // What every station is configured with: both servers, the read-write one wanted.
  const std::string multi_host = "host=" + (*primary)->socket_dir().string() + "," +
                                 (*standby)->socket_dir().string() + " port=" + std::to_string((*primary)->port()) +
                                 "," + std::to_string((*standby)->port()) + " user=motcua_station dbname=" + db +
                                 " target_session_attrs=read-write connect_timeout=2";
  constexpr int kStations = 4;
  std::vector<Station> stations;
  for (int i = 0; i < kStations; ++i) {
    const auto station_dir = dir / ("station-" + std::to_string(i));
    std::filesystem::create_directories(station_dir);
    // The same chain key on every station, each its own anchor.
    std::filesystem::copy_file(setup_dir / "center.chain-key", station_dir / "center.chain-key");
    stations.push_back(StartStation(multi_host, station_dir, i));
    ASSERT_GT(stations.back().pid, 0);
  }
  auto kill_all = [&] {
    for (auto& s : stations) {
      if (s.pid > 0) {
        ::kill(s.pid, SIGKILL);
        ::waitpid(s.pid, nullptr, 0);
        s.pid = -1;
      }
      Drain(s);  // lines written before the kill count
    }
  };

  std::string why;
  bool ok = WaitForProgress(stations, std::vector<std::size_t>(kStations, 0), 20, std::chrono::seconds(60), why);
  if (!ok) kill_all();
  ASSERT_TRUE(ok) << "before the failure: " << why;

  // The failure: the primary's processes die at once, mid-transaction for some stations.
  ASSERT_TRUE((*primary)->Kill());
  const auto at_kill = Counts(stations);
  // A while with no read-write server at all: stations get kUnavailable and keep trying.
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  while (std::chrono::steady_clock::now() < until) {
    for (auto& s : stations) Drain(s);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const auto before_promotion = Counts(stations);
  Status promoted = (*standby)->Promote();
  if (!promoted) kill_all();
  ASSERT_TRUE(promoted) << promoted.error().Describe();

  ok = WaitForProgress(stations, before_promotion, 20, std::chrono::seconds(60), why);
  kill_all();
  ASSERT_TRUE(ok) << "after the promotion, every station must carry on by itself: " << why;

  // No code twice: within a station (a repeated request must find its dossier, not make another) and
  // across stations (each has its own slot of numbers).
  std::set<std::string> acknowledged;
  std::map<std::string, int> unsure;
  for (std::size_t i = 0; i < stations.size(); ++i) {
    for (const auto& code : stations[i].codes)
      EXPECT_TRUE(acknowledged.insert(code).second) << "code " << code << " was acknowledged twice";
    for (const auto& [rule, n] : stations[i].unsure) unsure[rule] += n;
  }

  // The promoted server has every acknowledged dossier; the journal verifies with each station's anchor.
  for (const auto& station : stations) {
    auto promoted_store = store::Open((*standby)->ConnInfo(db, "motcua_station"),
                                      {.create_if_missing = false, .files_dir = station.dir.string()});
    ASSERT_TRUE(promoted_store) << promoted_store.error().Describe();
    auto check = (*promoted_store)->VerifyJournal();
    ASSERT_TRUE(check) << check.error().Describe();
    EXPECT_TRUE(check->ok) << station.dir << ": " << check->problem;
  }
  auto promoted_store = store::Open((*standby)->ConnInfo(db, "motcua_station"),
                                    {.create_if_missing = false, .files_dir = stations[0].dir.string()});
  ASSERT_TRUE(promoted_store) << promoted_store.error().Describe();
  auto events = (*promoted_store)->ReadJournal({.limit = 1000000});
  ASSERT_TRUE(events) << events.error().Describe();
  std::map<std::string, int> receipts;
  for (const auto& e : *events)
    if (e.type == "dossier.received") ++receipts[e.dossier_code];
  auto count = (*promoted_store)->CountDossiers();
  ASSERT_TRUE(count);
  EXPECT_EQ(receipts.size(), std::size_t(*count)) << "each stored dossier has one receipt event";
  for (const auto& code : acknowledged) {
    auto d = (*promoted_store)->GetDossier(code);
    ASSERT_TRUE(d) << d.error().Describe();
    ASSERT_TRUE(*d) << "acknowledged dossier " << code << " is missing on the promoted server";
    EXPECT_EQ((*d)->components.size(), 2u) << code;
    EXPECT_EQ(receipts[code], 1) << code;
  }
  std::cout << "[ failover ] " << acknowledged.size() << " acknowledged (" << at_kill[0] + at_kill[1] + at_kill[2] + at_kill[3]
            << " before the kill), " << *count << " stored; retried:";
  for (const auto& [rule, n] : unsure) std::cout << " " << rule << "×" << n;
  std::cout << "\n";
}

// A station that only reads (a board, a kiosk's lookups, the procedure read before an intake) finds a
// lost connection outside any transaction: the read that finds it fails with kUnavailable, and the next
// one connects again instead of running its prepared statements on the dead connection forever.
TEST(Failover, AReadOutsideATransactionReconnectsAfterTheServerRestarts) {
  auto server = PgServer::StartPrimary();
  ASSERT_TRUE(server) << server.error().Describe();
  auto conninfo = (*server)->CreateDatabase();
  ASSERT_TRUE(conninfo) << conninfo.error().Describe();
  TempDir dir;
  auto store = store::Open(*conninfo, {.files_dir = dir.path().string()});
  ASSERT_TRUE(store) << store.error().Describe();
  ASSERT_TRUE(motcua::testing::WriteJournaled(**store, [](store::WriteTx& tx) {
    return tx.UpsertProcedure(motcua::testing::ResidenceProcedure());
  }));
  ASSERT_TRUE((*store)->GetProcedure("1.004222"));  // its statement is now prepared on this connection
  ASSERT_TRUE((*server)->Kill());
  ASSERT_TRUE((*server)->Start());
  auto first = (*store)->GetProcedure("1.004222");
  if (!first) {
    EXPECT_EQ(first.error().code, ErrorCode::kUnavailable) << first.error().Describe();
    EXPECT_EQ(first.error().rule, "connection_lost") << first.error().Describe();
  }
  auto second = (*store)->GetProcedure("1.004222");
  ASSERT_TRUE(second) << second.error().Describe();
  EXPECT_TRUE(*second);
}

}  // namespace
}  // namespace motcua
