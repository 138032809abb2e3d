// The failover test's station: receives dossiers in a loop on a center database, printing each code on
// stdout (flushed) only after Receive has returned it, i.e. after the commit was acknowledged. A receipt
// the store could not complete (kUnavailable: the primary gone, no read-write server yet, or
// "commit_unknown") prints "? <rule>" and is tried again with the same request_id, as a counter repeats a
// request it is unsure of: if the lost commit did happen, the retry finds that dossier (replayed) and prints
// its code then, so every intake is acknowledged exactly once.
// Usage: motcua_failover_writer CONNINFO FILES_DIR SLOT
#include <cstdio>
#include <string>
#include <thread>

#include "common/crypto.h"
#include "digitize/file_store.h"
#include "support/fixtures.h"

using namespace motcua;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: motcua_failover_writer CONNINFO FILES_DIR SLOT\n");
    return 2;
  }
  const std::string conninfo = argv[1];
  const std::filesystem::path dir = argv[2];
  const int slot = std::atoi(argv[3]);
  (void)InitCrypto();
  auto store = store::Open(conninfo, {.create_if_missing = false, .files_dir = dir.string()});
  if (!store) {
    std::fprintf(stderr, "open: %s\n", store.error().Describe().c_str());
    return 1;
  }
  auto cal = calendar::LoadCalendar(std::filesystem::path(MOTCUA_ASSETS_DIR) / "calendar");
  if (!cal) return 1;
  workflow::Desk desk;
  desk.store = store->get();
  desk.calendar = &*cal;
  desk.settings.agency_id = "000.00.00.H56";
  desk.settings.receiving_unit = "Bộ phận một cửa thử nghiệm";
  desk.settings.station_slot = slot;
  desk.center_key = std::string(32, 'k');
  desk.files_root = dir / "files";
  const workflow::Actor actor{"can.bo.a", workflow::Role::kOfficer, "station-" + std::to_string(slot)};

  for (long i = 0;; ++i) {
    // A slot issues 999 codes a day at most (codes/dossier_code.h): spread the dossiers over days.
    const Instant at = motcua::testing::At("2026-11-24 09:00") + std::chrono::days(i / 900);
    auto file = digitize::StoreBytes(desk.files_root, motcua::testing::TinyPdf(1) + "%" + std::to_string(i));
    if (!file) return 1;
    workflow::IntakeRequest r = motcua::testing::SampleIntake();
    r.received_at = at;
    r.request_id = "failover-" + std::to_string(slot) + "-" + std::to_string(i);
    dossier::Attachment scan{file->sha256, file->mime, file->pages, file->size_bytes, "scan.pdf", actor.user, {}};
    r.components = std::vector<workflow::IntakeComponent>{
        {"TP1", std::nullopt, std::nullopt, false, "", false, {scan}},
        {"TP2", std::nullopt, std::nullopt, false, "", false, {scan}}};
    for (;;) {
      auto received = workflow::Receive(desk, actor, r, at);
      if (received) {
        std::printf("%s\n", received->dossier.code.c_str());
        std::fflush(stdout);
        break;
      }
      if (received.error().code != ErrorCode::kUnavailable) {
        std::fprintf(stderr, "receive: %s\n", received.error().Describe().c_str());
        return 1;
      }
      std::printf("? %s\n", received.error().rule.c_str());
      if (received.error().rule != "database_unavailable")  // the usual while no server is read-write
        std::fprintf(stderr, "station %d: %s\n", slot, received.error().Describe().c_str());
      std::fflush(stdout);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}
