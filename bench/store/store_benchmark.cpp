// Intake throughput against SQLite's own commit rate, in the same run and the same mode.
//
//   intake:   workflow::Receive of a dossier with 8 components (code allocation, validation, due date,
//             dossier row + 8 component rows + fee + step + journal event with its hash, one transaction)
//   baseline: one single-row INSERT per transaction (BEGIN IMMEDIATE; INSERT; COMMIT) on the same
//             kind of file, with the same journal_mode and synchronous setting
//
// Each is run in rounds; the median rate of the rounds is reported with the ratio intake/baseline
// (issue 2 target: >= 0.5). Both synchronous=FULL (motcua's default) and NORMAL are measured. Since the
// keyed journal (issue 11), an intake also seals its rows (reads them back for their digest), hashes its
// event with HMAC and appends a line to the anchor file.
//
// Then the whole `journal verify` over the dossiers received (keyed chain, every row against its seal,
// the anchor) against a baseline that only reads every dossier back (GetDossier for each): the ratio
// says what checking costs over reading.
// Usage: bench_store [rounds=7] [transactions per round=300]
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "common/crypto.h"
#include "support/fixtures.h"
#include "workflow/desk.h"

using namespace motcua;
using Steady = std::chrono::steady_clock;

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

catalog::Procedure EightComponentProcedure() {
  catalog::Procedure p = motcua::testing::HoursProcedure();
  p.code = "9.999008";
  p.components.clear();
  for (int i = 1; i <= 8; ++i)
    p.components.push_back({"TP" + std::to_string(i), "Thành phần hồ sơ số " + std::to_string(i), "", 1, 1, false, true});
  return p;
}

double RawInsertRate(const std::string& path, bool full, int n) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  sqlite3_exec(db, full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
  sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, payload TEXT)", nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(payload) VALUES (?1)", -1, &st, nullptr);
  const std::string payload(200, 'x');
  auto t0 = Steady::now();
  for (int i = 0; i < n; ++i) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(st, 1, payload.data(), int(payload.size()), SQLITE_STATIC);
    sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  double secs = std::chrono::duration<double>(Steady::now() - t0).count();
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n / secs;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 7;
  const int per_round = argc > 2 ? std::atoi(argv[2]) : 300;
  (void)InitCrypto();
  for (bool full : {true, false}) {
    motcua::testing::TempDir dir;
    auto store = store::OpenSqliteStore((dir / "bench.db").string(), {.synchronous_full = full});
    auto cal = calendar::LoadCalendar(std::filesystem::path(MOTCUA_ASSETS_DIR) / "calendar");
    if (!store || !cal) {
      std::fprintf(stderr, "set-up failed\n");
      return 1;
    }
    if (!motcua::testing::WriteJournaled(**store, [&](store::WriteTx& tx) {
          return tx.UpsertProcedure(EightComponentProcedure());
        })) {
      std::fprintf(stderr, "set-up failed: the procedure\n");
      return 1;
    }
    workflow::Desk desk;
    desk.store = store->get();
    desk.calendar = &*cal;
    desk.settings.agency_id = "000.00.00.H56";
    desk.settings.slot_count = 1;  // one station: the whole 9,999-a-day range
    desk.center_key = std::string(32, 'k');
    const workflow::Actor actor{"can.bo.a", workflow::Role::kOfficer, "station-1"};
    std::vector<double> intake, raw;
    int day = 0;
    for (int r = 0; r < rounds; ++r) {
      auto t0 = Steady::now();
      for (int i = 0; i < per_round; ++i) {
        workflow::IntakeRequest req = motcua::testing::SampleIntake("9.999008");
        const Instant at = motcua::testing::At("2026-03-02 09:00") + std::chrono::days(day++ / 5000);
        req.received_at = at;
        auto res = workflow::Receive(desk, actor, req, at);
        if (!res) {
          std::fprintf(stderr, "intake failed: %s\n", res.error().Describe().c_str());
          return 1;
        }
      }
      intake.push_back(per_round / std::chrono::duration<double>(Steady::now() - t0).count());
      raw.push_back(RawInsertRate((dir / "raw.db").string(), full, per_round));
    }
    const double mi = Median(intake), mr = Median(raw);
    std::printf("synchronous=%-6s intake (8 components + sealed journal) %8.0f tx/s | raw single-row commits %8.0f "
                "tx/s | ratio %.2f (target >= 0.5)\n",
                full ? "FULL" : "NORMAL", mi, mr, mi / mr);
    if (!full) continue;
    std::vector<double> verify, read;
    auto summaries = (*store)->ListDossiers({.limit = 1000000});
    for (int r = 0; r < rounds; ++r) {
      auto t0 = Steady::now();
      auto check = (*store)->VerifyJournal();
      if (!check || !check->ok) {
        std::fprintf(stderr, "verify failed\n");
        return 1;
      }
      verify.push_back(std::chrono::duration<double>(Steady::now() - t0).count());
      t0 = Steady::now();
      for (const auto& d : *summaries) (void)(*store)->GetDossier(d.code);
      read.push_back(std::chrono::duration<double>(Steady::now() - t0).count());
    }
    std::printf("journal verify of %zu dossiers (%d rounds): %.1f ms | reading each back: %.1f ms | ratio %.2f\n",
                summaries->size(), rounds, Median(verify) * 1e3, Median(read) * 1e3, Median(verify) / Median(read));
  }
  return 0;
}
