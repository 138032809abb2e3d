// SIGKILL the syncing process (`motcua sync run`) at random moments while it drains against the
// provincial stand-in; afterwards every change is on the server exactly once in effect: each dossier
// once, field by field as the station holds it, each step once. The count of records sent again is
// reported. MOTCUA_SYNC_KILLS sets the number of kills (default 20; the closing notes' figures are
// for 100).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <random>
#include <thread>

#include "dvc/dossier_mapping.h"
#include "provincial_process.h"
#include "support/fixtures.h"
#include "sync/settings.h"
#include "sync/state.h"
#include "sync/wire.h"
#include "sync/worker.h"

namespace motcua::sync {
namespace {

using Json = nlohmann::json;

pid_t StartSync(const std::string& db) {
  const std::string bin = std::string(MOTCUA_BIN_DIR) + "/motcua";
  std::vector<std::string> args{bin, "--db", db, "sync", "run"};
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::freopen("/dev/null", "w", stdout);
    ::freopen("/dev/null", "w", stderr);
    ::execv(bin.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

TEST(SyncCrashTest, KillingTheSyncerAtRandomMomentsLosesNothingAndDuplicatesNothing) {
  testing::TempDir dir;
  auto desk = testing::MakeTestDesk(dir.path());
  ASSERT_TRUE(testing::WriteJournaled(*desk->store, [](store::WriteTx& tx) {
    catalog::Procedure p = testing::ResidenceProcedure();
    p.field_code = "TEST.1.004222";  // as pulled from the province (the test catalog has none)
    return tx.UpsertProcedure(p);
  }));
  testing::ProvincialProcess server(dir.path());
  ASSERT_TRUE(server.running());
  ASSERT_TRUE(testing::WriteJournaled(*desk->store, [&](store::WriteTx& tx) {
    return tx.PutSetting(kSyncSettingsKey, WriteSyncSettings(server.Settings()));
  }));
  auto map = dossier::LoadStatusMap(std::filesystem::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
  ASSERT_TRUE(map);
  const std::string db = (dir.path() / "motcua.db").string();

  const int kills = std::getenv("MOTCUA_SYNC_KILLS") ? std::atoi(std::getenv("MOTCUA_SYNC_KILLS")) : 20;
  std::mt19937 random(20261207);
  Instant now = testing::At("2026-12-07 08:00");
  std::vector<std::string> codes;
  int n = 0;
  for (int k = 0; k < kills; ++k) {
    // New work keeps arriving while the syncer is killed again and again.
    for (int i = 0; i < 8; ++i) {
      auto r = workflow::Receive(desk->desk, desk->officer, testing::SampleIntake(), now += std::chrono::minutes(1));
      ASSERT_TRUE(r) << "kill " << k << ", dossier " << i << ": " << r.error().Describe();
      codes.push_back(r->dossier.code);
      if (++n % 2 == 0) {
        workflow::ActionDetails transfer;
        transfer.unit = "Công an xã";
        ASSERT_TRUE(workflow::Apply(desk->desk, desk->officer, r->dossier.code, dossier::Action::kTransfer, transfer, now));
      }
    }
    const pid_t pid = StartSync(db);
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 600)(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
  }
  // A killed syncer's lease is taken over at once (its process is gone); one clean drain.
  Worker worker(*desk->store, *map, server.Settings(), server.Password());
  auto drained = worker.Drain();
  ASSERT_TRUE(drained) << drained.error().Describe();
  ASSERT_TRUE(drained->idle);

  const Json records = server.Records();
  ASSERT_TRUE(records.is_array());
  std::map<std::string, Json> by_code;
  for (const Json& r : records) EXPECT_TRUE(by_code.emplace(r["MaHoSo"], r).second) << r["MaHoSo"];
  ASSERT_EQ(by_code.size(), codes.size());
  for (const std::string& code : codes) {
    auto d = desk->store->GetDossier(code);
    ASSERT_TRUE(d && *d);
    const auto steps = dvc::ToProgressSteps(**d, *map);
    EXPECT_EQ(by_code[code]["QuaTrinhXuLy"].size(), steps.size()) << code;
    EXPECT_EQ(by_code[code]["TrangThaiHoSo"], std::to_string(map->National((*d)->state))) << code;
  }
  EXPECT_EQ(server.Stats()["duplicate_steps"], 0);
  auto check = desk->store->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
  const Json stats = server.Stats();
  // What was sent more than once shows on the server: creates refused as existing, and updates.
  std::printf("[ sync kills ] %d kills, %zu dossiers; the server's counts: %s\n", kills, codes.size(),
              stats.dump().c_str());
}

}  // namespace
}  // namespace motcua::sync
