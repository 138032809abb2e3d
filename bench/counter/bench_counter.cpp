// build/bin/bench_counter: the counter's two figures from issue 3, measured headless (ImGui without a
// window, like tests/ui_smoke) over a real station in a temp directory.
//
//   1. CPU time per frame of the work list with 2,000 dossiers: a station with 2,000 dossiers received
//      through workflow::Receive over the last working days (five real procedures, every urgency), an
//      officer signed in on the work list, and the app's frame (tick the model, build the views, draw
//      the shell and the list through the screen registry, apply no action) run N times. Reported: the
//      median thread CPU time per frame, against an empty-frame baseline (NewFrame + Render with no
//      window) in the same run, and the one store query that fills the cache. Target: median <= 4 ms.
//   2. Input events to receive a 5-component dossier from a CCCD scan with scanned papers (keys and
//      clicks; the scan counts as one): the keyboard path of the intake screen driven headless, with
//      SANE's test scanner (skipped, saying why, without it). Target: <= 15.
//
// Usage: bench_counter [frames]   (default 600). Not part of ctest.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "auth/accounts.h"
#include "catalog/catalog_json.h"
#include "codes/receipt_token.h"
#include "common/crypto.h"
#include "counter/screens/registry.h"
#include "scan/sane_scanner.h"
#include "support/bench_station.h"
#include "ui_imgui/headless.h"
#include "ui_model/action.h"
#include "ui_model/counter_app.h"
#include "ui_model/station.h"

namespace {

using namespace motcua;
namespace fs = std::filesystem;
using bench::kPassword;
using bench::Median;
using bench::TempDir;
using bench::ThreadCpuMs;

constexpr int kDossiers = 2000;
constexpr const char* kCccd =
    "001190012345|012345678|Nguyễn Thị Hồng Nhung|01011990|Nữ|Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội|15042021";

Instant At(const char* local) { return FromLocalVn(*ParseLocalMinute(local, "bench")); }

[[noreturn]] void Die(const char* what, const Error& e) { bench::Die("bench_counter", what, e); }

// A data directory like `motcua init` makes, an officer, and `dossiers` dossiers received over the
// working days before `now`.
void Populate(const fs::path& dir, Instant now, int dossiers) {
  std::unique_ptr<store::Store> st = bench::PopulateStation("bench_counter", dir, now);
  store::Store& s = *st;
  Result<std::vector<catalog::Procedure>> cat = s.LoadProcedures();
  if (!cat.has_value()) Die("catalog", cat.error());

  Result<calendar::WorkingCalendar> cal = calendar::LoadCalendar(fs::path(MOTCUA_ASSETS_DIR) / "calendar");
  if (!cal.has_value()) Die("calendar", cal.error());
  workflow::Desk desk;
  desk.store = &s;
  desk.calendar = &*cal;
  desk.settings.agency_id = "000.00.00.H56";
  desk.settings.receiving_unit = "Trung tâm Phục vụ hành chính công tỉnh";
  desk.center_key = std::string(32, 'b');
  desk.files_root = dir / "files";
  const workflow::Actor officer{"nguyen.van.an", workflow::Role::kOfficer, "bench"};
  const char* procedures[] = {"3.000347", "3.000348", "1.001193", "1.000656", "2.000635"};
  const char* family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
  const char* middle[] = {"Văn", "Thị", "Hữu", "Thu", "Minh", "Ngọc"};
  const char* given[] = {"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Lan", "Long", "Nhung"};
  // Spread over the last 12 working days, 08:00-16:30, so every urgency occurs.
  std::vector<LocalDate> days;
  for (LocalDate d = LocalDateVn(now); days.size() < 12; d -= std::chrono::days(1))
    if (calendar::IsWorkingDay(*cal, d)) days.push_back(d);
  for (int i = 0; i < dossiers; ++i) {
    const catalog::Procedure* p = nullptr;
    for (const catalog::Procedure& c : *cat)
      if (c.code == procedures[i % 5]) p = &c;
    workflow::IntakeRequest r;
    r.procedure_code = p->code;
    char id[16];
    std::snprintf(id, sizeof id, "0010%02d%06d", 60 + i % 40, i);
    r.applicant.id_number = id;
    r.applicant.name = std::string(family[i % 8]) + " " + middle[(i / 8) % 6] + " " + given[(i / 48) % 10];
    const LocalDate day = days[i % days.size()];
    r.received_at = FromLocalVn(LocalMinute(day) + std::chrono::minutes(8 * 60 + (i * 7) % 510));
    if (*r.received_at > now) r.received_at = now - std::chrono::minutes(1 + i % 50);
    std::vector<workflow::IntakeComponent> comps;
    for (const catalog::Component& c : p->components)
      if (c.required) comps.push_back({.code = c.code, .shown_only = true});
    r.components = comps;
    Result<workflow::IntakeResult> got = workflow::Receive(desk, officer, r, now);
    if (!got.has_value()) Die("receive", got.error());
    // Move some along the lifecycle: supplements, transfers, done.
    const std::string& code = got->dossier.code;
    if (i % 7 == 0) (void)workflow::Apply(desk, officer, code, dossier::Action::kTransfer, {}, now);
    if (i % 11 == 0) (void)workflow::Apply(desk, officer, code, dossier::Action::kRequestSupplement, {.reason = "Thiếu giấy tờ"}, now);
    if (i % 13 == 0) (void)workflow::Apply(desk, officer, code, dossier::Action::kMarkDone, {}, now);
  }
}

struct App {
  std::unique_ptr<ui::Station> station;
  std::unique_ptr<ui::StoreAuthenticator> auth;
  ui::CounterModel model;
  counter::CounterScreens screens;
  std::vector<ui::CounterAction> pending;
  Instant now;

  ui::CounterBackend Backend() { return {auth.get(), station.get(), now}; }
  void Frame() {
    const ui::CounterBackend b = Backend();
    ui::TickCounter(model, b, false);
    counter::DrawCounter({model, *station, now}, screens, pending);
    (void)ui::ApplyActions(pending, [&](const ui::CounterAction& a) { return ui::ApplyCounterAction(model, b, a); });
  }
};

std::string SaneBackend() {
  static TempDir config;
  std::ofstream(config.path / "dll.conf") << "test\n";
  ::setenv("SANE_CONFIG_DIR", config.path.c_str(), 1);
  Result<std::vector<scan::ScannerInfo>> found = scan::ListScanners({.local_only = true});
  if (!found.has_value()) return "libsane did not start";
  for (const scan::ScannerInfo& s : *found)
    if (s.name == "test:0") return "";
  return "SANE's test backend is not installed (libsane1)";
}

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 600;
  (void)InitCrypto();
  const Instant now = At("2026-03-12 10:00");  // a Thursday
  TempDir dir;
  const auto setup_start = std::chrono::steady_clock::now();
  Populate(dir.path, now, kDossiers);
  const double setup_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - setup_start).count();

  App app;
  app.now = now;
  Result<std::unique_ptr<ui::Station>> st = ui::OpenStation({.data_dir = dir.path, .assets_dir = MOTCUA_ASSETS_DIR});
  if (!st.has_value()) Die("station", st.error());
  app.station = std::move(st).value();
  app.auth = std::make_unique<ui::StoreAuthenticator>(*app.station->store, app.station->auth_settings);
  if (Status s = ui::ApplyCounterAction(app.model, app.Backend(), ui::SubmitLogin{"nguyen.van.an", kPassword}); !s.has_value())
    Die("sign-in", s.error());
  // The one store query of a refresh, timed on its own.
  const double q0 = ThreadCpuMs();
  const auto w0 = std::chrono::steady_clock::now();
  if (Status s = ui::ApplyCounterAction(app.model, app.Backend(), ui::Navigate{"worklist"}); !s.has_value())
    Die("work list", s.error());
  const double query_cpu_ms = ThreadCpuMs() - q0;
  const double query_wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count();
  ui::TakeMissingKeys();
  app.model.worklist.state_key = "all";
  ui::FilterWorklist(app.model.worklist);

  Result<std::unique_ptr<ui::HeadlessUi>> ui_made = ui::HeadlessUi::Create({.width_px = 1366, .height_px = 768});
  if (!ui_made.has_value()) Die("imgui", ui_made.error());
  ui::HeadlessUi& headless = **ui_made;
  ui::SetItemLocatorEnabled(false);  // the locator is a test hook; the app runs without it

  // Warm up both (font atlas glyph caches, table state), then alternate so both see the same load.
  for (int i = 0; i < 30; ++i) {
    headless.Frame([] {});
    headless.Frame([&] { app.Frame(); });
  }
  std::vector<double> empty_ms, list_ms;
  for (int i = 0; i < frames; ++i) {
    double t = ThreadCpuMs();
    headless.Frame([] {});
    empty_ms.push_back(ThreadCpuMs() - t);
    t = ThreadCpuMs();
    headless.Frame([&] { app.Frame(); });
    list_ms.push_back(ThreadCpuMs() - t);
  }
  const std::size_t shown = app.model.worklist.visible.size();
  const double empty = Median(empty_ms);
  const double list = Median(list_ms);
  std::printf("bench_counter: work list, %zu dossiers in the store, %zu rows listed, 1366x768\n",
              app.model.worklist.rows.size(), shown);
  std::printf("  setup: %d dossiers received through workflow::Receive in %.1f s\n", kDossiers, setup_s);
  std::printf("  store query filling the cache (once per refresh, not per frame): %.1f ms CPU, %.1f ms wall\n",
              query_cpu_ms, query_wall_ms);
  std::printf("  %-44s median %7.3f ms CPU/frame (%d frames)\n", "empty frame (baseline)", empty, frames);
  std::printf("  %-44s median %7.3f ms CPU/frame (%d frames)\n", "work list frame (tick + views + draw)", list, frames);
  std::printf("  ratio work list / empty: %.1fx; target <= 4 ms: %s\n", empty > 0 ? list / empty : 0.0,
              list <= 4.0 ? "met" : "NOT met");
  if (!ui::TakeMissingKeys().empty()) std::printf("  warning: missing UI strings\n");

  // ---- 2. input events for a 5-component intake from a CCCD scan --------------------------------
  if (std::string why = SaneBackend(); !why.empty()) {
    std::printf("intake input events: skipped (%s)\n", why.c_str());
    return 0;
  }
  auto frame = [&] { app.Frame(); };
  int events = 0;
  (void)ui::ApplyCounterAction(app.model, app.Backend(), ui::Navigate{"intake"});
  // Yesterday this officer received a "Đổi giấy phép lái xe" (3.000347, 5 required papers): recent #1.
  app.model.recent_procedures.insert(app.model.recent_procedures.begin(), "3.000347");
  headless.Frames(3, frame);
  auto wait_jobs = [&] {
    while (ui::HasPendingJobs(app.model)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      headless.Frame(frame);
    }
    headless.Frames(2, frame);
  };
  app.pending.emplace_back(ui::ScanReceived{kCccd});  // the card: one trigger pull
  ++events;
  headless.Frame(frame);
  headless.PressHotKey(ui::HotKey::kDigit1, frame, /*ctrl=*/true);  // Ctrl+1: the recent procedure
  ++events;
  for (int paper = 0; paper < 5; ++paper) {  // F5 per paper; the next missing one is selected by itself
    headless.PressHotKey(ui::HotKey::kF5, frame);
    ++events;
    wait_jobs();
  }
  headless.PressHotKey(ui::HotKey::kF10, frame);  // receive and print
  ++events;
  wait_jobs();
  const bool received = app.model.intake.outcome.has_value() && !app.model.intake.outcome->dossier_code.empty();
  int scanned = 0;
  if (received) {
    Result<std::optional<dossier::Dossier>> d = app.station->store->GetDossier(app.model.intake.outcome->dossier_code);
    if (d.has_value() && d->has_value())
      for (const dossier::Component& c : (*d)->components) scanned += c.files.empty() ? 0 : 1;
  }
  std::printf("intake input events: %d (CCCD scan 1, Ctrl+1 procedure 1, F5 x5 scans, F10 receive 1); "
              "dossier %s with %d scanned papers; target <= 15: %s\n",
              events, received ? app.model.intake.outcome->dossier_code.c_str() : "NOT received", scanned,
              received && events <= 15 ? "met" : "NOT met");
  return received ? 0 : 1;
}
