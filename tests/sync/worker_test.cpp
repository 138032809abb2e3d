// The sync worker against the provincial stand-in, a real server over loopback: whole lifecycles,
// updates, refusals parked, faults on the wire, and what the local scorer learns.
#include "sync/worker.h"

#include <gtest/gtest.h>

#include <map>

#include "dvc/dossier_mapping.h"
#include "provincial_process.h"
#include "scoring/store_scoring.h"
#include "support/fixtures.h"

namespace motcua::sync {
namespace {

using dossier::Action;
using Json = nlohmann::json;

class SyncWorkerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    desk_ = testing::MakeTestDesk(dir_.path());
    // The test catalog's procedures carry a field code, as they do once pulled from the province
    // (the shipped sample catalog has none: no public source gives them).
    ASSERT_TRUE(testing::WriteJournaled(*desk_->store, [](store::WriteTx& tx) -> Status {
      for (catalog::Procedure p : {testing::ResidenceProcedure(), testing::HoursProcedure(), testing::NoDueDateProcedure()}) {
        p.field_code = "TEST." + p.code;
        if (p.field_name.empty()) p.field_name = "Lĩnh vực thử nghiệm";
        MOTCUA_TRY(tx.UpsertProcedure(p));
      }
      return Ok();
    }));
    auto map = dossier::LoadStatusMap(std::filesystem::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
    ASSERT_TRUE(map);
    status_map_ = *map;
    server_ = std::make_unique<testing::ProvincialProcess>(dir_.path());
    ASSERT_TRUE(server_->running()) << "motcua-provincial did not start";
  }

  std::unique_ptr<Worker> MakeWorker() {
    WorkerOptions o;
    o.http.timeout_ms = 2000;
    o.http.low_speed_seconds = 2;
    return std::make_unique<Worker>(*desk_->store, status_map_, server_->Settings(), server_->Password(), o);
  }

  std::string Receive(int i) {
    workflow::IntakeRequest r = testing::SampleIntake();
    r.applicant.name = "Nguyễn Văn " + std::to_string(i);
    auto got = workflow::Receive(desk_->desk, desk_->officer, r, now_);
    EXPECT_TRUE(got) << got.error().Describe();
    return got ? got->dossier.code : "";
  }

  void Act(const std::string& code, Action action, workflow::ActionDetails details = {}) {
    now_ += std::chrono::minutes(10);
    auto d = workflow::Apply(desk_->desk, desk_->officer, code, action, details, now_);
    ASSERT_TRUE(d) << code << " " << dossier::ActionKey(action) << ": " << d.error().Describe();
  }

  // A whole life: transfer, processing, a supplement asked and received, done, returned.
  void Lifecycle(const std::string& code) {
    workflow::ActionDetails transfer;
    transfer.unit = "Công an xã Tân Trào";
    Act(code, Action::kTransfer, transfer);
    Act(code, Action::kStartProcessing);
    workflow::ActionDetails supplement;
    supplement.reason = "Thiếu bản sao giấy tờ chỗ ở";
    supplement.items = {"Hợp đồng thuê nhà"};
    Act(code, Action::kRequestSupplement, supplement);
    Act(code, Action::kReceiveSupplement);
    Act(code, Action::kMarkDone);
    workflow::ActionDetails ret;
    ret.receiver_name = "Nguyễn Văn An";
    ret.receiver_id = "001203012345";
    Act(code, Action::kReturnResult, ret);
  }

  // Drains until idle, as `sync run --once` does after errors (no backoff wait: tests are fast).
  void DrainUntilIdle(Worker& w, int attempts = 20) {
    for (int i = 0; i < attempts; ++i) {
      auto r = w.Drain();
      if (r && r->idle) return;
    }
    ADD_FAILURE() << "the outbox did not drain in " << attempts << " attempts";
  }

  // Every local dossier is on the server exactly once, field by field, with every step exactly once.
  void ExpectServerEqualsLocal(const std::vector<std::string>& codes) {
    const Json records = server_->Records();
    ASSERT_TRUE(records.is_array()) << records;
    std::map<std::string, Json> by_code;
    for (const Json& r : records) {
      EXPECT_TRUE(by_code.emplace(r["MaHoSo"].get<std::string>(), r).second) << "twice: " << r["MaHoSo"];
    }
    EXPECT_EQ(by_code.size(), codes.size());
    for (const std::string& code : codes) {
      auto d = desk_->store->GetDossier(code);
      ASSERT_TRUE(d && *d);
      std::vector<CapNote> notes;
      Json local = Json::parse(WireRecord(dvc::ToNationalRecord(**d, status_map_), notes));
      ASSERT_TRUE(by_code.contains(code)) << code;
      Json remote = by_code[code];
      const Json steps = remote["QuaTrinhXuLy"];
      remote.erase("QuaTrinhXuLy");
      local["MaLinhVuc"] = remote["MaLinhVuc"];  // filled from the catalog by the worker
      EXPECT_EQ(remote, local) << code;
      const auto local_steps = dvc::ToProgressSteps(**d, status_map_);
      ASSERT_EQ(steps.size(), local_steps.size()) << code;
      for (std::size_t i = 0; i < local_steps.size(); ++i)
        EXPECT_EQ(steps[i], Json::parse(WireStep(local_steps[i], notes))) << code << " step " << i;
    }
  }

  testing::TempDir dir_;
  std::unique_ptr<testing::TestDesk> desk_;
  dossier::StatusMap status_map_;
  std::unique_ptr<testing::ProvincialProcess> server_;
  Instant now_ = testing::At("2026-12-07 08:00");
};

TEST_F(SyncWorkerTest, WholeLifecyclesReachTheServerExactlyOnce) {
  std::vector<std::string> codes;
  for (int i = 0; i < 12; ++i) codes.push_back(Receive(i));
  for (int i = 0; i < 12; i += 2) Lifecycle(codes[std::size_t(i)]);
  auto worker = MakeWorker();
  auto drained = worker->Drain();
  ASSERT_TRUE(drained) << drained.error().Describe();
  EXPECT_TRUE(drained->idle);
  EXPECT_EQ(drained->files_acked, 12);
  EXPECT_EQ(drained->parked, 0);
  ExpectServerEqualsLocal(codes);
  auto pending = CountPending(*desk_->store);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->dossiers, 0);
  EXPECT_EQ(server_->Stats()["duplicate_steps"], 0);

  // Later changes go as updates, and only their new steps.
  Lifecycle(codes[1]);
  ASSERT_TRUE(worker->Drain());
  ExpectServerEqualsLocal(codes);
  EXPECT_EQ(server_->Stats()["duplicate_steps"], 0);

  // Indicator 1.4 locally: every record synced.
  auto records = scoring::LoadNationalRecords(*desk_->store, status_map_, indicators::MonthPeriod(2026, 12));
  ASSERT_TRUE(records);
  for (const auto& r : *records) {
    ASSERT_TRUE(r.local && r.local->synced) << r.dossier_code;
    EXPECT_TRUE(*r.local->synced) << r.dossier_code;
  }
}

// Indicator 1.4 in its 2026 wording counts a dossier whose steps were all synced on time: acknowledged
// within on_time_minutes of the step (the worker's clock is fixed here, two hours after the step).
TEST_F(SyncWorkerTest, StepsAcknowledgedPastTheLimitMakeTheDossierNotSyncedOnTime) {
  const std::string code = Receive(1);
  SyncSettings strict = server_->Settings();
  strict.on_time_minutes = 60;
  FixedClock two_hours_later(now_ + std::chrono::hours(2));
  WorkerOptions o;
  o.clock = &two_hours_later;
  Worker late(*desk_->store, status_map_, strict, server_->Password(), o);
  ASSERT_TRUE(late.Drain());
  auto records = scoring::LoadNationalRecords(*desk_->store, status_map_, indicators::MonthPeriod(2026, 12));
  ASSERT_TRUE(records);
  ASSERT_EQ(records->size(), 1u);
  EXPECT_TRUE(*records->front().local->synced);
  EXPECT_FALSE(*records->front().local->synced_on_time);
  auto state = LoadDossierState(*desk_->store, code);
  ASSERT_TRUE(state && *state);
  EXPECT_EQ((*state)->late_steps, 1);
}

TEST_F(SyncWorkerTest, StepsAcknowledgedWithinTheLimitAreOnTime) {
  Receive(1);
  FixedClock soon(now_ + std::chrono::minutes(5));
  WorkerOptions o;
  o.clock = &soon;
  Worker worker(*desk_->store, status_map_, server_->Settings(), server_->Password(), o);
  ASSERT_TRUE(worker.Drain());
  auto records = scoring::LoadNationalRecords(*desk_->store, status_map_, indicators::MonthPeriod(2026, 12));
  ASSERT_TRUE(records);
  EXPECT_TRUE(*records->front().local->synced_on_time);
}

TEST_F(SyncWorkerTest, ANewProcessAsksWhatTheServerHoldsAndNeverSendsAStepTwice) {
  std::vector<std::string> codes{Receive(1), Receive(2)};
  ASSERT_TRUE(MakeWorker()->Drain());
  Lifecycle(codes[0]);
  // The server stores the steps, then the reply is lost: the worker cannot know they landed.
  ASSERT_TRUE(server_->Fault("fail_after_store", 1));
  auto first = MakeWorker();
  auto failed = first->Drain();
  EXPECT_FALSE(failed);
  auto second = MakeWorker();  // a restart
  DrainUntilIdle(*second);
  ExpectServerEqualsLocal(codes);
  EXPECT_EQ(server_->Stats()["duplicate_steps"], 0);
}

TEST_F(SyncWorkerTest, ARefusedRecordIsParkedWithTheServersWordsAndGoesAgainOnceFixed) {
  // Procedure 9.999002 without its national field code, as in a catalog never pulled from the province.
  auto set_field_code = [&](const std::string& code) {
    ASSERT_TRUE(testing::WriteJournaled(*desk_->store, [&](store::WriteTx& tx) {
      catalog::Procedure p = testing::NoDueDateProcedure();
      p.field_code = code;
      p.field_name = "Lĩnh vực thử nghiệm";
      return tx.UpsertProcedure(p);
    }));
  };
  set_field_code("");
  const std::string good = Receive(1);
  auto got = workflow::Receive(desk_->desk, desk_->officer, testing::SampleIntake("9.999002"), now_);
  ASSERT_TRUE(got) << got.error().Describe();
  const std::string bad = got->dossier.code;
  auto worker = MakeWorker();
  auto drained = worker->Drain();
  ASSERT_TRUE(drained) << drained.error().Describe();
  EXPECT_EQ(drained->files_acked, 1);
  EXPECT_EQ(drained->parked, 1);
  auto parked = LoadDossierStates(*desk_->store, "parked");
  ASSERT_TRUE(parked);
  ASSERT_TRUE(parked->contains(bad));
  EXPECT_NE(parked->at(bad).parked_message.find("MaLinhVuc"), std::string::npos) << parked->at(bad).parked_message;
  auto pending = CountPending(*desk_->store);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->dossiers, 0);  // parked is not pending: it never blocks the rest
  EXPECT_EQ(pending->parked, 1);

  // Fixed in the catalog, and a supervisor asks for it to go again (RequestResend: what `motcua sync retry` does).
  set_field_code("TEST.9.999002");
  ASSERT_TRUE(RequestResend(*desk_->store, bad, "giam.sat", "station-1", now_));

  drained = worker->Drain();
  ASSERT_TRUE(drained) << drained.error().Describe();
  EXPECT_EQ(drained->files_acked, 1);
  EXPECT_EQ(drained->parked, 0);
  ExpectServerEqualsLocal({good, bad});
}

TEST_F(SyncWorkerTest, OneSyncerPerDatabaseAndALeaseRunsOutForADeadHolder) {
  Receive(1);
  WorkerOptions a, b;
  a.holder = "station-1@another-host:1";  // on another machine: its life cannot be checked from here
  b.holder = "station-2@another-host:2";
  Worker first(*desk_->store, status_map_, server_->Settings(), server_->Password(), a);
  Worker second(*desk_->store, status_map_, server_->Settings(), server_->Password(), b);
  ASSERT_TRUE(first.Drain());
  auto refused = second.Drain();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, "sync_busy");
  EXPECT_NE(refused.error().detail.find("station-1@another-host:1"), std::string::npos);
  // Its holder stopped answering: after kLeaseSeconds the lease is anyone's.
  FixedClock later(SystemClock().Now() + std::chrono::seconds(kLeaseSeconds + 1));
  b.clock = &later;
  Worker third(*desk_->store, status_map_, server_->Settings(), server_->Password(), b);
  EXPECT_TRUE(third.Drain());
  // A clean stop gives it back at once.
  third.Release();
  EXPECT_TRUE(first.Drain());
}

TEST_F(SyncWorkerTest, EveryFaultOnTheWireEndsWithEverythingThereExactlyOnce) {
  std::vector<std::string> codes;
  auto worker = MakeWorker();
  int i = 0;
  for (const char* fault : {"http500", "http503", "timeout", "reset", "invalid_json", "truncated", "huge",
                            "expire_sessions", "fail_after_store", "slow"}) {
    for (int k = 0; k < 3; ++k) codes.push_back(Receive(i++));
    Lifecycle(codes[codes.size() - 3]);
    ASSERT_TRUE(server_->Fault(fault, 1, /*delay_ms=*/2500, /*retry_after=*/1)) << fault;
    if (std::string(fault) == "invalid_json") {  // a malformed reply is an error the status reports
      auto failed = worker->Drain();
      ASSERT_FALSE(failed);
      EXPECT_EQ(failed.error().rule, "bad_reply");
      auto status = LoadSyncStatus(*desk_->store);
      ASSERT_TRUE(status);
      EXPECT_EQ(status->last_error_rule, "bad_reply");
    }
    DrainUntilIdle(*worker);
    server_->ClearFaults();
    SCOPED_TRACE(fault);
    EXPECT_EQ(server_->Stats()["faults_fired"][fault], 1);
    ExpectServerEqualsLocal(codes);
  }
  EXPECT_EQ(server_->Stats()["duplicate_steps"], 0);
  auto status = LoadSyncStatus(*desk_->store);
  ASSERT_TRUE(status);
  EXPECT_GT(status->files_resent, 0);  // fail_after_store at least
}

}  // namespace
}  // namespace motcua::sync
