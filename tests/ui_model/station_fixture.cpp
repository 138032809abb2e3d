#include "ui_model/station_fixture.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "auth/accounts.h"
#include "catalog/catalog_json.h"
#include "codes/receipt_token.h"
#include "common/crypto.h"
#include "scan/sane_scanner.h"

namespace motcua::ui::testing {
namespace fs = std::filesystem;

std::string UseSaneTestBackend() {
  static const std::string why = [] {
    static motcua::testing::TempDir config;  // lives for the whole test program
    std::ofstream(config.path() / "dll.conf") << "test\n";
    ::setenv("SANE_CONFIG_DIR", config.path().c_str(), 1);
    Result<std::vector<scan::ScannerInfo>> found = scan::ListScanners({.local_only = true});
    if (!found.has_value()) return "libsane did not start: " + found.error().Describe();
    for (const scan::ScannerInfo& s : *found)
      if (s.name == "test:0") return std::string();
    return std::string("SANE's test backend is not installed (package libsane1: libsane-test.so)");
  }();
  return why;
}

std::unique_ptr<StationFixture> MakeStation(const char* local_now, const std::string& center) {
  (void)InitCrypto();
  auto f = std::make_unique<StationFixture>();
  f->clock.Set(motcua::testing::At(local_now));
  const fs::path db = f->dir.path() / "motcua.db";
  {
    Result<std::unique_ptr<store::Store>> st =
        center.empty() ? store::OpenSqliteStore(db.string())
                       : store::Open(center, {.create_if_missing = true, .files_dir = f->dir.path().string()});
    EXPECT_TRUE(st.has_value()) << st.error().Describe();
    if (!st.has_value()) return nullptr;
    Result<std::vector<catalog::Procedure>> real =
        catalog::LoadCatalogFile(fs::path(MOTCUA_ASSETS_DIR) / "catalog" / "catalog.json");
    EXPECT_TRUE(real.has_value()) << real.error().Describe();
    Status s = motcua::testing::WriteJournaled(**st, [&](store::WriteTx& tx) -> Status {
      const std::pair<const char*, const char*> settings[] = {
          {"agency_id", "000.00.00.H56"},
          {"agency_name", "UBND TỈNH TUYÊN QUANG"},
          {"receiving_unit", "Trung tâm Phục vụ hành chính công tỉnh"},
          {"station_slot", "0"},
          {"slot_count", "10"},
          {"calendar_profile", "default"},
          // The cheapest argon2id cost libsodium allows: the tests check the rules, not the hash cost.
          {"auth.argon2_opslimit", "1"},
          {"auth.argon2_memlimit_bytes", "8192"},
      };
      for (const auto& [k, v] : settings) MOTCUA_TRY(tx.PutSetting(k, v));
      // offline_station.h: the codes station-1 issues while the center is lost.
      if (!center.empty()) MOTCUA_TRY(tx.PutSetting("station.station-1.offline_slot", "9"));
      if (real.has_value())
        for (const catalog::Procedure& p : *real) MOTCUA_TRY(tx.UpsertProcedure(p));
      for (const catalog::Procedure& p :
           {motcua::testing::HoursProcedure(), motcua::testing::NoDueDateProcedure()})
        MOTCUA_TRY(tx.UpsertProcedure(p));
      return Ok();
    });
    EXPECT_TRUE(s.has_value()) << s.error().Describe();
    Result<auth::AuthSettings> policy = auth::LoadAuthSettings(**st);
    EXPECT_TRUE(policy.has_value());
    const Instant now = f->clock.Now();
    Result<auth::Account> admin = auth::BootstrapAdmin(**st, {kAdmin, "Quản Trị Viên", workflow::Role::kAdmin, ""},
                                                       kPassword, now, *policy);
    EXPECT_TRUE(admin.has_value()) << admin.error().Describe();
    const workflow::Actor actor{kAdmin, workflow::Role::kAdmin, "station-1"};
    const auth::NewUser users[] = {
        {kOfficer, "Nguyễn Văn An", workflow::Role::kOfficer, ""},
        {kUnitOfficer, "Trần Thị Bình", workflow::Role::kOfficer, "Sở Tư pháp"},
        {kPostal, "Lê Văn Cường", workflow::Role::kPostal, ""},
        {kSupervisor, "Phạm Thị Dung", workflow::Role::kSupervisor, ""},
    };
    for (const auth::NewUser& u : users) {
      Result<auth::Account> a = auth::AddUser(**st, actor, u, kPassword, now, *policy);
      EXPECT_TRUE(a.has_value()) << a.error().Describe();
    }
  }
  EXPECT_TRUE(codes::LoadOrCreateCenterKey(f->dir.path() / "center.key").has_value());  // as motcua init does
  Result<std::unique_ptr<Station>> opened =
      center.empty() ? OpenStation({.data_dir = f->dir.path(), .assets_dir = MOTCUA_ASSETS_DIR})
                     : OpenCounterStation({.data_dir = f->dir.path(), .db_path = center, .assets_dir = MOTCUA_ASSETS_DIR},
                                          f->model.offline, f->clock.Now());
  EXPECT_TRUE(opened.has_value()) << opened.error().Describe();
  if (!opened.has_value()) return nullptr;
  f->station = std::move(opened).value();
  f->auth = std::make_unique<StoreAuthenticator>(*f->station->store, f->station->auth_settings);
  f->model.app_version = "0.1.0";
  return f;
}

void StationFixture::SignIn(const std::string& user) {
  Status s = Do(SubmitLogin{user, kPassword});
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  ASSERT_TRUE(model.session.has_value());
}

void StationFixture::Wait() {
  EXPECT_TRUE(WaitForCounterJobs(model, Backend(), std::chrono::seconds(60))) << "a job did not finish in 60 s";
}

std::int64_t StationFixture::JournalCount() {
  Result<std::vector<store::JournalEvent>> all = station->store->ReadJournal({});
  return all.has_value() ? static_cast<std::int64_t>(all->size()) : -1;
}

std::int64_t StationFixture::DossierCount() {
  Result<std::int64_t> n = station->store->CountDossiers();
  return n.has_value() ? *n : -1;
}

std::string ReceiveThroughIntake(StationFixture& f, const std::string& procedure_code) {
  EXPECT_TRUE(f.Do(ScanReceived{kCccdQr}).has_value());
  EXPECT_TRUE(f.Do(PickProcedure{procedure_code}).has_value());
  for (int i : MissingComponents(f.model.intake.draft))
    EXPECT_TRUE(f.Do(SetComponentMode{i, ComponentMode::kShownOnly, ""}).has_value());
  Status s = f.Do(ConfirmIntake{});
  EXPECT_TRUE(s.has_value()) << s.error().Describe();
  f.Wait();
  if (!f.model.intake.outcome) return "";
  return f.model.intake.outcome->dossier_code;
}

}  // namespace motcua::ui::testing
