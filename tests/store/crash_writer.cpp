// The crash test's child: receives dossiers in a loop as fast as it can and prints each code on
// stdout (flushed) only after Receive has returned, i.e. after the commit. The parent SIGKILLs it at
// random moments. Usage: motcua_crash_writer DB_DIR
#include <cstdio>
#include <string>

#include "common/crypto.h"
#include "digitize/file_store.h"
#include "support/fixtures.h"

using namespace motcua;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: motcua_crash_writer DB_DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  (void)InitCrypto();
  auto store = store::OpenSqliteStore((dir / "motcua.db").string());
  if (!store) {
    std::fprintf(stderr, "open: %s\n", store.error().Describe().c_str());
    return 1;
  }
  auto cal = calendar::LoadCalendar(std::filesystem::path(MOTCUA_ASSETS_DIR) / "calendar");
  if (!cal) return 1;
  Status s = motcua::testing::WriteJournaled(
      **store, [&](store::WriteTx& tx) { return tx.UpsertProcedure(motcua::testing::ResidenceProcedure()); });
  if (!s) return 1;
  workflow::Desk desk;
  desk.store = store->get();
  desk.calendar = &*cal;
  desk.settings.agency_id = "000.00.00.H56";
  desk.settings.receiving_unit = "Bộ phận một cửa thử nghiệm";
  desk.center_key = std::string(32, 'k');
  desk.files_root = dir / "files";
  const workflow::Actor actor{"can.bo.a", workflow::Role::kOfficer, "station-1"};

  // A station issues at most 999 codes a day (codes/dossier_code.h), so spread the dossiers over days,
  // from the first years the shipped calendar covers: the soak's 500 kills wrote more than the 34,000
  // dossiers that fit between 2026-11-24 and the first due date the calendar cannot compute (2027).
  auto existing = (*store)->CountDossiers();
  if (!existing) return 1;
  for (long i = *existing;; ++i) {
    const Instant at = motcua::testing::At("2024-01-02 09:00") + std::chrono::days(i / 900);
    // Each dossier carries a scanned page of its own, stored before the transaction.
    auto file = digitize::StoreBytes(desk.files_root, motcua::testing::TinyPdf(1 + int(i % 3)) + "%" + std::to_string(i));
    if (!file) return 1;
    workflow::IntakeRequest r = motcua::testing::SampleIntake();
    r.received_at = at;
    dossier::Attachment scan{file->sha256, file->mime, file->pages, file->size_bytes, "scan.pdf", actor.user, {}};
    r.components = std::vector<workflow::IntakeComponent>{
        {"TP1", std::nullopt, std::nullopt, false, "", false, {scan}},
        {"TP2", std::nullopt, std::nullopt, false, "", false, {scan}},
        {"TP3", std::nullopt, std::nullopt, false, "", false, {}}};
    auto received = workflow::Receive(desk, actor, r, at);
    if (!received) {
      std::fprintf(stderr, "receive: %s\n", received.error().Describe().c_str());
      return 1;
    }
    std::printf("%s\n", received->dossier.code.c_str());
    std::fflush(stdout);
  }
}
