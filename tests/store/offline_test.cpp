// A station that lost the center (store/offline.h): it mirrors what it needs while the center answers,
// receives dossiers in its own SQLite store under its offline slot, and forwards every event exactly once
// when the center is back, refusing (never merging) a dossier the center changed meanwhile. The center is
// SQLite or PostgreSQL alike.
#include "store/offline.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fixtures.h"
#include "support/test_database.h"
#include "workflow/desk.h"

namespace motcua::store {
namespace {

using motcua::testing::At;
using motcua::testing::Backend;
using motcua::testing::TempDir;
using motcua::testing::TestDatabase;

constexpr int kOfflineSlot = 9;  // this station's offline range: no station issues codes from it online

class OfflineStation : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ::setenv("MOTCUA_TEST_BACKEND", motcua::testing::BackendName(GetParam()), 1);
    center_ = motcua::testing::MakeTestDesk(center_dir_.path());
    ::unsetenv("MOTCUA_TEST_BACKEND");
    ASSERT_TRUE(center_);
    auto local = OpenSqliteStore((local_dir_ / "offline.db").string());
    ASSERT_TRUE(local) << local.error().Describe();
    local_ = std::move(*local);
    auto mirrored = MirrorForOffline(*center_->store, *local_, {"user"}, "station-3", At("2026-12-07 07:30"));
    ASSERT_TRUE(mirrored) << mirrored.error().Describe();
    EXPECT_GT(*mirrored, 0);
    offline_desk_ = center_->desk;
    offline_desk_.store = local_.get();
    offline_desk_.settings.station_slot = kOfflineSlot;
  }

  std::string ReceiveOffline(const char* when) {
    auto r = workflow::Receive(offline_desk_, center_->officer, motcua::testing::SampleIntake(), At(when));
    EXPECT_TRUE(r) << r.error().Describe();
    return r ? r->dossier.code : "";
  }

  ForwardReport Forward() {
    auto report = ForwardOffline(*local_, *center_->store, "station-3", At("2026-12-07 11:00"));
    EXPECT_TRUE(report) << report.error().Describe();
    return report ? *report : ForwardReport{};
  }

  // How many center events carry each local event's uuid.
  std::map<std::string, int> ForwardedUuids() {
    std::map<std::string, int> seen;
    auto events = center_->store->ReadJournal({.limit = 100000});  // kept: a loop over *temporary dangles
    EXPECT_TRUE(events);
    for (const JournalEvent& e : *events) {
      auto p = nlohmann::json::parse(e.payload_json, nullptr, false);
      if (p.is_object() && p.contains("offline_event")) ++seen[p["offline_event"].get<std::string>()];
    }
    return seen;
  }

  TempDir center_dir_, local_dir_;
  std::unique_ptr<motcua::testing::TestDesk> center_;
  std::unique_ptr<Store> local_;
  workflow::Desk offline_desk_;
};
INSTANTIATE_TEST_SUITE_P(Centers, OfflineStation, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return std::string(motcua::testing::BackendName(info.param)); });

TEST_P(OfflineStation, MirrorsTheCatalogAndSettingsOnceAndThenHasNothingToCopy) {
  EXPECT_EQ(local_->LoadProcedures()->size(), center_->store->LoadProcedures()->size());
  EXPECT_EQ(*MirrorForOffline(*center_->store, *local_, {"user"}, "station-3", At("2026-12-07 08:00")), 0);
}

TEST_P(OfflineStation, DossiersReceivedOfflineReachTheCenterUnderTheirCodesExactlyOnce) {
  const std::string a = ReceiveOffline("2026-12-07 08:00");
  const std::string b = ReceiveOffline("2026-12-07 08:10");
  // The offline slot's numbers: 9000, 9001, ... with ten slots (codes/dossier_code.h).
  EXPECT_NE(a.find("-9000"), std::string::npos) << a;
  ASSERT_TRUE(workflow::Apply(offline_desk_, center_->officer, b, dossier::Action::kTransfer, {.unit = "Công an xã"},
                              At("2026-12-07 08:20")));
  ForwardReport first = Forward();
  EXPECT_EQ(first.forwarded, 3);
  EXPECT_TRUE(first.refused_dossiers.empty());
  auto at_center = center_->store->GetDossier(b);
  ASSERT_TRUE(at_center && *at_center);
  EXPECT_EQ((*at_center)->processing_unit, "Công an xã");
  EXPECT_EQ((*at_center)->applicant.name, (*local_->GetDossier(b))->applicant.name);
  EXPECT_TRUE(*center_->store->GetDossier(a));
  // Again: nothing more; then one more offline intake goes alone.
  EXPECT_EQ(Forward().forwarded, 0);
  ReceiveOffline("2026-12-07 09:00");
  EXPECT_EQ(Forward().forwarded, 1);
  for (const auto& [uuid, n] : ForwardedUuids()) EXPECT_EQ(n, 1) << uuid;
  EXPECT_EQ(ForwardedUuids().size(), 4u);
  auto check = center_->store->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
}

TEST_P(OfflineStation, AChangeMadeOfflineAfterTheCenterChangedTheDossierIsRefusedNotMerged) {
  const std::string code = ReceiveOffline("2026-12-07 08:00");
  ASSERT_EQ(Forward().forwarded, 1);
  // The center moves on (another officer transfers it) while the station, offline again, changes it too.
  ASSERT_TRUE(workflow::Apply(center_->desk, center_->officer, code, dossier::Action::kTransfer, {.unit = "Phòng Tư pháp"},
                              At("2026-12-07 09:00")));
  ASSERT_TRUE(workflow::Apply(offline_desk_, center_->officer, code, dossier::Action::kTransfer, {.unit = "Công an xã"},
                              At("2026-12-07 09:05")));
  ForwardReport report = Forward();
  EXPECT_EQ(report.forwarded, 0);
  EXPECT_EQ(report.refused, 1);
  ASSERT_EQ(report.refused_dossiers.size(), 1u);
  EXPECT_EQ(report.refused_dossiers[0].code, code);
  EXPECT_EQ(report.refused_dossiers[0].rule, "changed_at_center");
  EXPECT_EQ((*center_->store->GetDossier(code))->processing_unit, "Phòng Tư pháp");  // the center's stands
  EXPECT_EQ((*local_->GetDossier(code))->processing_unit, "Công an xã");               // the station's is kept
  auto refused = center_->store->ReadJournal({.dossier_code = code});
  EXPECT_EQ(refused->back().type, "offline.event_refused");
}

TEST_P(OfflineStation, ADossierWhoseCodeTheCenterAlreadyHasIsRefused) {
  const std::string code = ReceiveOffline("2026-12-07 08:00");
  dossier::Dossier impostor = **local_->GetDossier(code);
  impostor.applicant.name = "Người Khác";
  impostor.request_id.clear();
  ASSERT_TRUE(motcua::testing::WriteJournaled(*center_->store, [&](WriteTx& tx) { return tx.InsertDossier(impostor); }));
  ForwardReport report = Forward();
  ASSERT_EQ(report.refused_dossiers.size(), 1u);
  EXPECT_EQ(report.refused_dossiers[0].rule, "code_taken_at_center");
  EXPECT_EQ((*center_->store->GetDossier(code))->applicant.name, "Người Khác");
}

// Forwarding killed at random instants and started again: every event reaches the center exactly once.
TEST_P(OfflineStation, AForwardingKilledAtAnyInstantAndRunAgainForwardsEachEventOnce) {
  constexpr int kDossiers = 30;
  for (int i = 0; i < kDossiers; ++i) ReceiveOffline("2026-12-07 08:00");
  auto open_center = center_->open_another;
  const std::string local_path = (local_dir_ / "offline.db").string();
  for (int round = 0; round < 4; ++round) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      auto center = open_center();
      auto local = OpenSqliteStore(local_path);
      if (!center || !local) ::_exit(3);
      (void)ForwardOffline(**local, **center, "station-3", At("2026-12-07 11:00"));
      ::_exit(0);
    }
    ::usleep(20'000 + round * 15'000);
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
  }
  Forward();  // whatever the killed runs left
  auto seen = ForwardedUuids();
  EXPECT_EQ(seen.size(), std::size_t(kDossiers));
  for (const auto& [uuid, n] : seen) EXPECT_EQ(n, 1) << uuid;
  EXPECT_TRUE(center_->store->VerifyJournal()->ok);
}

}  // namespace
}  // namespace motcua::store

namespace motcua::store {
namespace {

// A station opened against its center: mirrored while the center answers, working on its own store when it
// does not, and forwarding at the next open what it received meanwhile.
TEST(OpenStation, WorksAloneWhileTheCenterIsUnreachableAndForwardsWhenItIsBack) {
  TempDir center_dir, station_dir;
  ::setenv("MOTCUA_TEST_BACKEND", "postgres", 1);
  auto center = motcua::testing::MakeTestDesk(center_dir.path());
  ::unsetenv("MOTCUA_TEST_BACKEND");
  ASSERT_TRUE(center);
  // The station has the center's chain key (the installer copies it to every station).
  std::filesystem::copy_file(center_dir / "center.chain-key", station_dir / "center.chain-key");
  const Instant now = At("2026-12-07 08:00");
  {
    auto online = OpenStation(center->location, station_dir.path(), {"user"}, "station-3", now);
    ASSERT_TRUE(online) << online.error().Describe();
    EXPECT_FALSE(online->offline());
    EXPECT_EQ(online->local->LoadProcedures()->size(), center->store->LoadProcedures()->size());
  }
  std::string code;
  {
    auto alone = OpenStation("host=127.0.0.1 port=1 dbname=motcua user=motcua_station connect_timeout=2",
                             station_dir.path(), {"user"}, "station-3", now);
    ASSERT_TRUE(alone) << alone.error().Describe();
    ASSERT_TRUE(alone->offline());
    workflow::Desk desk = center->desk;
    desk.store = &alone->active();
    desk.settings.station_slot = kOfflineSlot;
    auto r = workflow::Receive(desk, center->officer, motcua::testing::SampleIntake(), now);
    ASSERT_TRUE(r) << r.error().Describe();
    code = r->dossier.code;
  }
  EXPECT_FALSE(*center->store->GetDossier(code));
  auto back = OpenStation(center->location, station_dir.path(), {"user"}, "station-3", At("2026-12-07 09:00"));
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_FALSE(back->offline());
  EXPECT_EQ(back->forwarded.forwarded, 1);
  EXPECT_TRUE(*center->store->GetDossier(code));
}

}  // namespace
}  // namespace motcua::store
