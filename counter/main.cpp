// motcua-counter: the desktop client for counter officers, postal staff and supervisors (issue 3).
// This file only sets up the backend (the station: store, calendar, catalog, devices; the accounts),
// runs the shell's frame loop, and applies actions (style.md §1). Screens live in counter/screens/,
// view models in shared/ui_model/.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/crypto.h"
#include "common/files.h"
#include "common/time.h"
#include "counter/screens/registry.h"
#include "scan/scanner_device.h"
#include "ui_imgui/app_shell.h"
#include "ui_model/action.h"
#include "ui_model/auth.h"
#include "ui_model/counter_app.h"
#include "ui_model/live_journal.h"
#include "ui_model/offline_station.h"
#include "ui_model/station.h"
#include "ui_model/sync_runner.h"

namespace {

using namespace motcua;

void PrintUsage() {
  std::printf(
      "usage: motcua-counter [options]\n"
      "  --data-dir DIR     the station's data (default: $MOTCUA_DATA_DIR, /var/lib/motcua as root,\n"
      "                     else $XDG_DATA_HOME/motcua or ~/.local/share/motcua); run `motcua init` first\n"
      "  --db PATH|CONNINFO the database (default: DIR/motcua.db), or a center's PostgreSQL\n"
      "                     database: a postgresql:// URL or libpq connection string (password\n"
      "                     from libpq's password file; chain key and anchor in DIR). While the center\n"
      "                     is unreachable the counter works offline on DIR/offline.db, with codes from\n"
      "                     its offline slot (setting station.<ID>.offline_slot), sent on when it is back\n"
      "  --assets DIR       calendar and status map (default: $MOTCUA_ASSETS_DIR or the built-in path)\n"
      "  --station ID       this station's id on journal events and its device settings (default station-1)\n"
      "%s", ui::ShellUsage());
}

// --test output: what a scripted run waits for, never personal data (codes and file paths only).
struct TestTrace {
  std::string screen;
  std::string outcome_code;
  int print_attempt = 0;
  ui::PrintPhase print_phase = ui::PrintPhase::kWorking;
  std::string print_path;
  bool file_job = false;
  int intake_errors = 0;

  void Report(const ui::CounterModel& m) {
    if (m.screen != screen && m.session) {
      screen = m.screen;
      std::printf("screen: %s\n", screen.c_str());
    }
    const std::string code = m.intake.outcome ? m.intake.outcome->dossier_code : "";
    if (code != outcome_code) {
      outcome_code = code;
      if (!code.empty()) std::printf("received: %s\n", code.c_str());
    }
    if (file_job && !m.file_job) std::printf("file_job: finished\n");
    file_job = m.file_job.has_value();
    if (m.intake.error_serial != intake_errors) {
      intake_errors = m.intake.error_serial;
      if (m.intake.error) std::printf("intake_error: %s %s\n", m.intake.error->field.c_str(), m.intake.error->rule.c_str());
    }
    if (m.print_job && m.print_job->phase != ui::PrintPhase::kWorking &&
        (m.print_job->attempts != print_attempt || m.print_job->pdf_path != print_path ||
         m.print_job->phase != print_phase)) {
      print_attempt = m.print_job->attempts;
      print_path = m.print_job->pdf_path;
      print_phase = m.print_job->phase;
      static constexpr const char* kPhases[] = {"working", "printed", "queued", "saved_only", "failed"};
      std::printf("print: %s %s %s\n", kPhases[static_cast<int>(print_phase)], print_path.c_str(),
                  m.print_job->error ? m.print_job->error->rule.c_str() : "");
    }
  }
};

int Run(int argc, char** argv) {
  ui::ShellOptions defaults;
  defaults.title = "motcua — Quầy tiếp nhận";
  defaults.theme = ui::ThemeKind::kCounter;
  defaults.width_px = 1366;  // the smallest counter screen; resizable up to 1920x1080 and beyond
  defaults.height_px = 768;
  Result<ui::ParsedArgs> parsed = ui::ParseShellArgs(argc, argv, defaults);
  if (!parsed.has_value()) {
    std::fprintf(stderr, "motcua-counter: %s\n", parsed.error().Describe().c_str());
    return 2;
  }
  const ui::ShellOptions& options = parsed->options;

  ui::StationPaths paths = ui::DefaultStationPaths("station-1", MOTCUA_DEFAULT_ASSETS_DIR);
  const std::vector<std::string>& rest = parsed->rest;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    if (a == "--help" || a == "-h") {
      PrintUsage();
      return 0;
    }
    if (!ui::TakeStationFlag(rest, i, paths)) {
      std::fprintf(stderr, "motcua-counter: %s: unknown option or missing value [unknown_option]\n", a.c_str());
      return 2;
    }
  }

  if (Status s = InitCrypto(); !s.has_value()) {
    std::fprintf(stderr, "motcua-counter: %s\n", s.error().Describe().c_str());
    return 1;
  }
  SystemClock clock;
  ui::CounterModel model;
  // A station of a center keeps working on its own store while the center is unreachable (offline_station.h).
  Result<std::unique_ptr<ui::Station>> opened = ui::OpenCounterStation(paths, model.offline, clock.Now());
  if (!opened.has_value()) {
    std::fprintf(stderr, "motcua-counter: cannot open the station: %s\n", opened.error().Describe().c_str());
    return opened.error().code == ErrorCode::kInvalid ? 2 : 1;
  }
  ui::Station& station = **opened;
  ui::StoreAuthenticator auth(*station.store, station.auth_settings);
  if (model.offline.offline) std::fprintf(stderr, "motcua-counter: the center is unreachable: working offline\n");
  // The provincial sync on its own thread and store handle (sync_runner.h); idle until configured.
  ui::SyncRunner sync_runner({.db_path = station.paths.db_path.string(),
                              .data_dir = station.paths.data_dir.string(),
                              .station_id = station.paths.station_id,
                              .status_map = station.status_map,
                              .clock = &clock});

  model.lang = options.lang;
  model.app_version = MOTCUA_VERSION;
  model.station_name = station.devices.name.empty() ? station.paths.station_id : station.devices.name;

  // What other stations write (live_journal.h): the watcher asks for a frame when the journal moves, and
  // TickCounter refreshes the lists it touched. Without one the lists refresh on their clocks.
  std::unique_ptr<ui::JournalWatcher> watcher;
  if (auto head = station.store->Head(); head.has_value()) {
    auto watching = ui::WatchJournal(station.paths.db_path.string(), head->seq, [] {
      SDL_Event wake{};
      wake.type = SDL_USEREVENT;
      SDL_PushEvent(&wake);
    });
    if (watching.has_value()) watcher = std::move(*watching);
    else std::fprintf(stderr, "motcua-counter: no change feed: %s\n", watching.error().Describe().c_str());
  }

  // A code scanner read as its own device (station.<id>.scanner_mode serial or evdev, ui_model/station.h): on
  // its own thread, reconnecting when unplugged; its scans join the wedge's each frame, those from a serial
  // port marked so their Vietnamese letters are trusted. A wedge scanner keeps working beside it. Made again
  // when the settings screen changes the mode, path or speed.
  std::unique_ptr<scan::ScannerDevice> scanner_device;
  ui::DeviceSettings scanner_settings;  // what scanner_device was made from
  const auto follow_scanner_settings = [&] {
    const ui::DeviceSettings& d = station.devices;
    if (scanner_device && d.scanner_mode == scanner_settings.scanner_mode && d.scanner_path == scanner_settings.scanner_path &&
        d.scanner_baud == scanner_settings.scanner_baud)
      return;
    scanner_device.reset();
    scanner_settings = d;
    model.scanner_device = {};
    if (d.scanner_mode == "wedge") return;
    scanner_device = std::make_unique<scan::ScannerDevice>(
        d.scanner_mode == "serial" ? scan::ScannerDevice::Mode::kSerial : scan::ScannerDevice::Mode::kEvdev, d.scanner_path,
        scan::ScannerDeviceOptions{.baud = d.scanner_baud, .on_scan = [] {
          SDL_Event wake{};
          wake.type = SDL_USEREVENT;
          SDL_PushEvent(&wake);
        }});
    model.scanner_device.path = d.scanner_path;
  };
  std::string scanner_status;  // the last state logged, so each change is logged once

  counter::CounterScreens screens;
  std::vector<ui::CounterAction> actions;
  std::optional<Error> last_failure;  // the last frame's failed action: FollowCenter reads it
  TestTrace trace;
  return ui::RunShell(options, [&](ui::Frame& frame) {
    const Instant now = clock.Now();
    const ui::CounterBackend backend{.auth = &auth, .station = &station, .now = now, .sync = &sync_runner};
    for (std::string& scan : frame.scans) actions.emplace_back(ui::ScanReceived{std::move(scan)});
    bool device_input = false;
    follow_scanner_settings();
    if (scanner_device) {
      const ui::ScanSource source =
          scanner_device->mode() == scan::ScannerDevice::Mode::kSerial ? ui::ScanSource::kSerial : ui::ScanSource::kKeyboard;
      for (Result<std::string>& line : scanner_device->TakeScans()) {
        device_input = true;
        if (line.has_value()) {
          actions.emplace_back(ui::ScanReceived{std::move(*line), source});
          model.scanner_device.refused.reset();
        } else {
          std::fprintf(stderr, "motcua-counter: code scanner: a scan was refused: %s\n", line.error().Describe().c_str());
          model.scanner_device.refused = line.error();
        }
      }
      model.scanner_device.error = scanner_device->last_error();
      const std::string status = model.scanner_device.error ? model.scanner_device.error->Describe() : "connected to " + scanner_device->path();
      if (status != scanner_status) {
        std::fprintf(stderr, "motcua-counter: code scanner: %s\n", status.c_str());
        scanner_status = status;
      }
    }
    // Offline, the station tries the center when due (the shell's slow tick brings a frame every second);
    // online, it goes offline when an action found the center gone or the feed has been reconnecting a while.
    const bool was_offline = model.offline.offline;
    if (ui::FollowCenter(station, model.offline, model.live.status, last_failure ? &*last_failure : nullptr, now,
                         ui::StationKind::kCounter)) {
      auth.Rebind(*station.store);
      model.worklist.stale = true;
      model.queue.stale = true;
      model.live.read_seq = -1;  // the other store's journal
      model.live.status = {};    // the feed's word is about the center; offline it is not read
      std::fprintf(stderr, "motcua-counter: %s\n",
                   was_offline ? "the center answers again: back online" : "the center is lost: working offline");
    }
    if (watcher && !model.offline.offline) {
      const ui::LiveJournal live = watcher->Snapshot();
      if (options.test_mode && live.status.state != model.live.status.state)
        std::printf("feed: %s\n", store::FeedStateKey(live.status.state));
      model.live.watching = true;
      model.live.head_seq = live.head_seq;
      model.live.status = live.status;
    }
    ui::TickCounter(model, backend, frame.had_input || device_input);

    counter::DrawCounter({model, station, now}, screens, actions);

    if (options.test_mode)
      for (const ui::CounterAction& a : actions) std::printf("action: %s\n", ui::DescribeForLog(a).c_str());
    const ui::ApplyReport report =
        ui::ApplyActions(actions, [&](const ui::CounterAction& a) { return ui::ApplyCounterAction(model, backend, a); });
    last_failure = report.error;
    if (options.test_mode) {
      if (report.error) std::printf("error: %s [%s]\n", report.error->field.c_str(), report.error->rule.c_str());
      trace.Report(model);
      std::fflush(stdout);
    }
    // Keep frames coming while a scan or print runs, so its end shows at once.
    if (ui::HasPendingJobs(model)) frame.animate = true;
  });
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {  // style.md §2: one catch-all per main
    std::fprintf(stderr, "motcua-counter: fatal: %s\n", e.what());
    return 1;
  }
}
