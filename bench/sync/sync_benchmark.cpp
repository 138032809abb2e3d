// Draining a sync backlog over loopback against what the provincial stand-in can take, in the same run.
//
//   drain:    sync::Worker::Drain of a backlog of journal events (dossiers received, transferred,
//             processed, done: 4 events and 4 steps each) to a fresh motcua-provincial: the outbox scan,
//             the mapping and wire writing, the HTTP exchanges, and one journaled acknowledgement per
//             call (sync state, cursor, event), each committed with synchronous=FULL
//   baseline: a minimal client sending the same payloads (the same wire texts, in the same batches of
//             50 records then 50 steps) to another fresh stand-in over one keep-alive connection, with
//             nothing recorded: the stand-in's own ingest rate for these payloads
//
// Each is run in rounds on a new backlog; the medians of events/s and the ratio drain/baseline are
// printed (issue 12 target: >= 0.7).
// Usage: bench_sync [rounds=5] [dossiers per round=2500]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "dvc/dossier_mapping.h"
#include "provincial_process.h"
#include "support/fixtures.h"
#include "sync/wire.h"
#include "sync/worker.h"

using namespace motcua;
using Steady = std::chrono::steady_clock;

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Backlog {
  std::unique_ptr<testing::TestDesk> desk;
  std::int64_t events = 0;
};

Backlog MakeBacklog(const std::filesystem::path& dir, int dossiers) {
  Backlog b;
  b.desk = testing::MakeTestDesk(dir);
  (void)testing::WriteJournaled(*b.desk->store, [](store::WriteTx& tx) {
    catalog::Procedure p = testing::ResidenceProcedure();
    p.field_code = "TEST.1.004222";
    return tx.UpsertProcedure(p);
  });
  Instant now = testing::At("2026-12-01 07:30");
  for (int i = 0; i < dossiers; ++i) {
    auto r = workflow::Receive(b.desk->desk, b.desk->officer, testing::SampleIntake(), now += std::chrono::minutes(1));
    if (!r) std::abort();
    workflow::ActionDetails transfer;
    transfer.unit = "Công an xã";
    for (auto [action, details] : {std::pair{dossier::Action::kTransfer, transfer},
                                   {dossier::Action::kStartProcessing, workflow::ActionDetails{}},
                                   {dossier::Action::kMarkDone, workflow::ActionDetails{}}})
      if (!workflow::Apply(b.desk->desk, b.desk->officer, r->dossier.code, action, details, now += std::chrono::minutes(1)))
        std::abort();
  }
  b.events = b.desk->store->Head().value().seq;
  return b;
}

// The same payloads the worker sends, through one keep-alive connection, nothing recorded.
double MinimalClient(store::Store& store, const dossier::StatusMap& map, testing::ProvincialProcess& server) {
  store::DossierQuery q;
  q.limit = 1'000'000;
  auto rows = store.ListDossiers(q);
  std::vector<std::string> files, steps;
  std::vector<sync::CapNote> notes;
  for (const auto& row : *rows) {
    auto d = store.GetDossier(row.code);
    dvc::NationalRecord record = dvc::ToNationalRecord(**d, map);
    record.field_code = "TEST.1.004222";
    files.push_back(sync::WireRecord(record, notes));
    for (const auto& s : dvc::ToProgressSteps(**d, map)) steps.push_back(sync::WireStep(s, notes));
  }
  httplib::Client client("127.0.0.1", server.port());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);  // as libcurl does; without it each call waits out a delayed ACK
  const sync::SyncSettings s = server.Settings();
  const httplib::Headers headers{{"dstcode", s.dstcode}};
  const auto started = Steady::now();
  auto login = client.Post(s.auth_path, headers, sync::LoginBody(s.username, server.Password()), "application/json");
  const std::string session = nlohmann::json::parse(login->body)["session"];
  auto send = [&](const std::vector<std::string>& items, bool records) {
    for (std::size_t from = 0; from < items.size(); from += 50) {
      std::vector<std::string> batch(items.begin() + long(from), items.begin() + long(std::min(items.size(), from + 50)));
      const std::string body = records ? sync::SyncFilesBody(session, s.unit_code, false, batch)
                                       : sync::SyncStepsBody(session, s.unit_code, batch);
      auto r = client.Post(s.integration_path, headers, body, "application/json");
      if (!r || r->status != 200) std::abort();
    }
  };
  send(files, true);
  send(steps, false);
  return std::chrono::duration<double>(Steady::now() - started).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 5;
  const int dossiers = argc > 2 ? std::atoi(argv[2]) : 2500;  // 4 events each: a 10,000-event backlog
  auto map = dossier::LoadStatusMap(std::filesystem::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
  if (!map) return 1;
  std::vector<double> drain_rates, baseline_rates, ratios;
  std::int64_t events = 0;
  for (int round = 0; round < rounds; ++round) {
    testing::TempDir dir;
    Backlog backlog = MakeBacklog(dir.path(), dossiers);
    events = backlog.events;
    double drain_s = 0, base_s = 0;
    {
      testing::TempDir server_dir;
      testing::ProvincialProcess server(server_dir.path());
      sync::Worker worker(*backlog.desk->store, *map, server.Settings(), server.Password());
      const auto started = Steady::now();
      auto drained = worker.Drain();
      drain_s = std::chrono::duration<double>(Steady::now() - started).count();
      if (!drained || !drained->idle) {
        std::fprintf(stderr, "drain failed: %s\n", drained ? "not idle" : drained.error().Describe().c_str());
        return 1;
      }
    }
    {
      testing::TempDir server_dir;
      testing::ProvincialProcess server(server_dir.path());
      base_s = MinimalClient(*backlog.desk->store, *map, server);
    }
    drain_rates.push_back(double(events) / drain_s);
    baseline_rates.push_back(double(events) / base_s);
    ratios.push_back(base_s / drain_s);
    std::printf("round %d: drain %.3f s, minimal client %.3f s\n", round + 1, drain_s, base_s);
  }
  std::printf("sync backlog: %d dossiers, %lld events, %d rounds (medians)\n", dossiers, static_cast<long long>(events),
              rounds);
  std::printf("  drain          %10.0f events/s\n", Median(drain_rates));
  std::printf("  minimal client %10.0f events/s  (the stand-in's ingest of the same payloads)\n", Median(baseline_rates));
  std::printf("  ratio drain/baseline %.2f (target >= 0.7)\n", Median(ratios));
  return 0;
}
