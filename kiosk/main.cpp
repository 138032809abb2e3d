// motcua-kiosk: the citizens' fullscreen touch app (issue 13). This file only sets up the backend (the
// station's store and catalog, the kiosk settings, the camera, the voice), runs the shell's frame loop
// and applies actions (style.md §1). Screens live in kiosk/screens/, the model in shared/ui_model/.
#include <SDL.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/crypto.h"
#include "common/files.h"
#include "common/time.h"
#include "kiosk/screens/screens.h"
#include "kiosk/tour.h"
#include "print/escpos.h"
#include "queue/areas.h"
#include "scan/camera.h"
#include "speech/speech.h"
#include "ui_imgui/app_shell.h"
#include "ui_imgui/audio.h"
#include "ui_imgui/widgets.h"
#include "ui_model/kiosk_app.h"
#include "ui_model/offline_station.h"
#include "ui_model/kiosk_view.h"
#include "ui_model/station.h"

namespace {

using namespace motcua;

void PrintUsage() {
  std::printf(
      "usage: motcua-kiosk [options]\n"
      "  --data-dir DIR       the center's data (default: $MOTCUA_DATA_DIR, /var/lib/motcua as root, ...);\n"
      "                       run `motcua init` first\n"
      "  --db PATH|CONNINFO   the database (default: DIR/motcua.db), or a center's PostgreSQL\n"
      "                       database: a postgresql:// URL or libpq connection string (password\n"
      "                       from libpq's password file; chain key and anchor in DIR)\n"
      "  --assets DIR         calendar and status map (default: $MOTCUA_ASSETS_DIR or the built-in path)\n"
      "  --station ID         this kiosk's station id, recorded on its journal events (default kiosk-1)\n"
      "  --camera DEVICE      the V4L2 camera (default /dev/video0)\n"
      "  --camera-file PATH   image files (PNG, JPEG) or a folder of them as camera frames, in order;\n"
      "                       repeatable (tests and demos)\n"
      "  --no-camera          do not open a camera (the wedge scanner and typing still work)\n"
      "  --orientation O      auto (default: from the window's shape), landscape or portrait\n"
      "  --tour DIR           draw every screen once and save kiosk-<screen>-<orientation>.png into DIR,\n"
      "                       then quit; --tour-token TOKEN shows that dossier's screens too\n"
      "%s",
      ui::ShellUsage());
}

// --test output: what a scripted run waits for. Codes and screen names only, never a citizen's data.
struct TestTrace {
  std::string screen;
  std::string code;
  std::string message;
  std::string ticket;
  std::string items_screen;  // the screen whose items were last printed
  int items_count = 0;

  // "item: ID CX CY" for each tappable item, in window pixels, once per screen (and again when the
  // screen gains items): tests tap them with xdotool.
  void ReportItems(const ui::KioskModel& m) {
    const auto rects = ui::RecordedItemRects();
    const std::string now_screen = KioskScreenKey(m.citizen.screen);
    if (now_screen == items_screen && static_cast<int>(rects.size()) == items_count) return;
    items_screen = now_screen;
    items_count = static_cast<int>(rects.size());
    for (const auto& [id, rect] : rects) {
      const ImVec2 c = rect.Center();
      std::printf("item: %s %d %d\n", id.c_str(), static_cast<int>(c.x), static_cast<int>(c.y));
    }
  }

  void Report(const ui::KioskModel& m) {
    const ui::CitizenSession& c = m.citizen;
    if (KioskScreenKey(c.screen) != screen) {
      screen = KioskScreenKey(c.screen);
      std::printf("screen: %s\n", screen.c_str());
    }
    const std::string now_code = c.status ? c.status->dossier_code : "";
    if (now_code != code) {
      code = now_code;
      if (!code.empty()) std::printf("status: %s %s\n", code.c_str(), c.status->state_key.c_str());
    }
    if (c.message_key != message) {
      message = c.message_key;
      if (!message.empty()) std::printf("message: %s\n", message.c_str());
    }
    const std::string now_ticket = c.ticket ? c.ticket->ticket.label : "";
    if (now_ticket != ticket) {
      ticket = now_ticket;
      if (!ticket.empty())
        std::printf("ticket: %s ahead %d wait_min %d\n", ticket.c_str(), c.ticket->estimate.ahead,
                    static_cast<int>(c.ticket->estimate.wait.count()));
    }
  }
};

// The queue ticket printer of kiosk.ticket_printer, or PDFs in <data dir>/tickets/ when none is set.
// Errors: the target's (a setting checked when saved, so only a hand-edited database) and the folder's.
Result<ui::KioskBackend::TicketPrinter> TicketPrinterFor(const ui::KioskSettings& settings,
                                                         const std::filesystem::path& data_dir) {
  std::string target_text = settings.ticket_printer;
  if (target_text.empty()) {
    const std::filesystem::path dir = std::filesystem::absolute(data_dir / "tickets");
    MOTCUA_TRY(CreatePrivateDirectories(dir, "kiosk.ticket_printer"));
    target_text = "pdf:" + dir.string();
  }
  MOTCUA_ASSIGN_OR_RETURN(print::PrinterTarget target, print::ParsePrinterTarget(target_text));
  const int width = settings.ticket_width_dots;
  return ui::KioskBackend::TicketPrinter([target, width](const print::TicketSlip& slip, const std::string& stem) {
    print::TicketPrintOptions options;
    options.width_dots = width;
    options.pdf_file_name = stem;
    return print::PrintTicket(target, slip, options);
  });
}

// --test output for bench/kiosk/latency.sh: "latency_ms: MS CODE" from the capture of a camera frame
// holding a receipt QR to the status page for it on screen. A decoded text is applied before the frame
// that takes it draws, so that frame draws the page; it is on screen once the frame's buffers are
// swapped, i.e. at the start of the next frame (which may include the rest of the shell's 1/60 s frame
// slot). A scan that does not end on the status page (a refused token) prints nothing.
class ScanLatency {
 public:
  // At the start of each frame: prints the scan whose page the previous frame drew.
  void FrameStarted() {
    if (phase_ != Phase::kDrawn) return;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - captured_).count();
    std::printf("latency_ms: %.1f %s\n", ms, code_.c_str());
    phase_ = Phase::kIdle;
  }
  // A decoded text taken this frame (the last one wins: its page is what the screen shows).
  void Decoded(std::chrono::steady_clock::time_point captured) {
    captured_ = captured;
    phase_ = Phase::kTaken;
  }
  // After the screen was drawn: the scan applied before drawing has its page drawn now.
  void Drawn(const ui::KioskModel& m) {
    if (phase_ != Phase::kApplied) return;
    const bool shown = m.citizen.screen == ui::KioskScreen::kStatus && m.citizen.status;
    if (shown) code_ = m.citizen.status->dossier_code;
    phase_ = shown ? Phase::kDrawn : Phase::kIdle;
  }
  // After this frame's scans were applied (before drawing).
  void Applied() {
    if (phase_ == Phase::kTaken) phase_ = Phase::kApplied;
  }

 private:
  enum class Phase { kIdle, kTaken, kApplied, kDrawn };
  Phase phase_ = Phase::kIdle;
  std::chrono::steady_clock::time_point captured_{};
  std::string code_;
};

struct Options {
  ui::StationPaths paths;
  std::string camera_device = "/dev/video0";
  std::vector<std::string> camera_files;
  bool no_camera = false;
  std::string orientation;  // "" = the setting
  std::string tour_dir;
  std::string tour_token;
};

// The camera: image files when given, else the V4L2 device. A camera that cannot start is not an error:
// the kiosk says so on its screens and the wedge scanner and typing still work.
std::unique_ptr<scan::CameraScanner> StartCamera(const Options& o, std::string& problem) {
  if (o.no_camera) return nullptr;
  Result<std::unique_ptr<scan::FrameSource>> source =
      !o.camera_files.empty() ? scan::OpenImageFiles(o.camera_files, /*loop=*/false)
                              : scan::OpenV4l2Camera(o.camera_device);
  if (!source) {
    problem = source.error().Describe();
    return nullptr;
  }
  // A decoded QR wakes the frame loop at once (it sleeps until an event), so the status page follows the
  // frame that held the code without waiting for the next idle tick.
  scan::CameraScanner::Options options;
  options.on_decoded = [] {
    SDL_Event wake{};
    wake.type = SDL_USEREVENT;
    SDL_PushEvent(&wake);
  };
  return std::make_unique<scan::CameraScanner>(std::move(*source), std::move(options));
}

int Run(int argc, char** argv) {
  ui::ShellOptions defaults;
  defaults.title = "motcua — Kiosk dịch vụ công";
  defaults.theme = ui::ThemeKind::kKiosk;
  defaults.width_px = 1920;
  defaults.height_px = 1080;
  defaults.min_width_px = 720;
  defaults.min_height_px = 720;
  defaults.hide_cursor = true;
  Result<ui::ParsedArgs> parsed = ui::ParseShellArgs(argc, argv, defaults);
  if (!parsed) {
    std::fprintf(stderr, "motcua-kiosk: %s\n", parsed.error().Describe().c_str());
    return 2;
  }
  ui::ShellOptions shell = parsed->options;

  Options o;
  o.paths = ui::DefaultStationPaths("kiosk-1", MOTCUA_DEFAULT_ASSETS_DIR);
  const std::vector<std::string>& rest = parsed->rest;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    const bool has_value = i + 1 < rest.size();
    if (a == "--help" || a == "-h") {
      PrintUsage();
      return 0;
    } else if (ui::TakeStationFlag(rest, i, o.paths)) {
      continue;
    } else if (a == "--camera" && has_value) {
      o.camera_device = rest[++i];
    } else if (a == "--camera-file" && has_value) {
      o.camera_files.push_back(rest[++i]);
    } else if (a == "--no-camera") {
      o.no_camera = true;
    } else if (a == "--orientation" && has_value) {
      o.orientation = rest[++i];
      if (o.orientation != "auto" && o.orientation != "landscape" && o.orientation != "portrait") {
        std::fprintf(stderr, "motcua-kiosk: --orientation: use auto, landscape or portrait [bad_value]\n");
        return 2;
      }
    } else if (a == "--tour" && has_value) {
      o.tour_dir = rest[++i];
    } else if (a == "--tour-token" && has_value) {
      o.tour_token = rest[++i];
    } else {
      std::fprintf(stderr, "motcua-kiosk: %s: unknown option or missing value [unknown_option]\n", a.c_str());
      return 2;
    }
  }

  if (Status s = InitCrypto(); !s) {
    std::fprintf(stderr, "motcua-kiosk: %s\n", s.error().Describe().c_str());
    return 1;
  }
  // A kiosk of a center keeps serving the catalog from its own copy while the center is unreachable
  // (offline_station.h), and goes back to the center when it answers again.
  ui::OfflineModel offline;
  Result<std::unique_ptr<ui::Station>> opened = ui::OpenKioskStation(o.paths, offline, SystemClock().Now());
  if (!opened) {
    std::fprintf(stderr, "motcua-kiosk: cannot open the station: %s\n", opened.error().Describe().c_str());
    return opened.error().code == ErrorCode::kInvalid ? 2 : 1;
  }
  ui::Station& station = **opened;
  Result<ui::KioskSettings> settings = ui::LoadKioskSettings(*station.store);
  if (!settings) {
    std::fprintf(stderr, "motcua-kiosk: %s\n", settings.error().Describe().c_str());
    return 1;
  }

  SystemClock clock;
  std::vector<queue::PriorityGroup> priority_groups;
  ui::KioskBackend backend{.store = station.store.get(),
                           .desk = &station.desk,
                           .procedures = &station.procedures,
                           .index = &station.catalog_index,
                           .settings = *settings,
                           .actor = {"kiosk@" + station.paths.station_id, workflow::Role::kKiosk, station.paths.station_id},
                           .now = clock.Now()};
  auto groups = queue::LoadPriorityGroups(o.paths.assets_dir);
  auto printer = TicketPrinterFor(*settings, station.paths.data_dir);
  // Offline, tickets would be numbered apart from the center's line: the queue tile is not shown then.
  if (offline.offline)
    std::fprintf(stderr, "motcua-kiosk: the center is unreachable: working offline (no tickets, no status)\n");
  if (groups && printer) {
    priority_groups = std::move(*groups);
    backend.priority_groups = &priority_groups;
    backend.print_ticket = std::move(*printer);
  } else {
    // Without them the kiosk still serves lookups; the queue tile is not shown.
    std::fprintf(stderr, "motcua-kiosk: no queue tickets: %s\n",
                 (groups ? printer.error() : groups.error()).Describe().c_str());
  }
  // The kiosk's own account may look dossiers up; the core checks every other act (rate, postal return).
  if (Status s = workflow::Require(backend.actor, workflow::Permission::kCitizenLookup); !s) {
    std::fprintf(stderr, "motcua-kiosk: %s\n", s.error().Describe().c_str());
    return 1;
  }
  ui::KioskModel model = ui::MakeKioskModel(backend);
  model.offline = offline.offline;
  model.citizen.lang = shell.lang;

  std::string camera_problem;
  std::unique_ptr<scan::CameraScanner> camera = StartCamera(o, camera_problem);
  if (!camera && !o.no_camera) {
    std::fprintf(stderr, "motcua-kiosk: no camera: %s\n", camera_problem.c_str());
    model.camera_status_key = "kiosk.camera.none";
  }

  // The voice: synthesis on its own thread, played through SDL audio. Either may be missing (no
  // espeak-ng voice, no sound card): the kiosk then stays silent and says so once on stderr.
  std::unique_ptr<ui::AudioOut> audio;
  std::unique_ptr<speech::Narrator> narrator;
  int spoken_serial = -1;

  if (shell.test_mode) ui::SetItemLocatorEnabled(true);
  kiosk::ScreenState screen_state;
  std::vector<ui::KioskAction> actions;
  TestTrace trace;
  ScanLatency latency;
  kiosk::Tour tour(o.tour_dir, o.tour_token);
  // The shell starts in --large-text / --high-contrast when asked (screenshots): the citizen's
  // switches start there too, and the theme follows the switches from then on.
  ui::ThemeVariant variant = shell.variant;
  model.citizen.large_text = variant.large_text;
  model.citizen.high_contrast = variant.high_contrast;

  std::optional<Error> last_failure;  // the last failed action: FollowCenter reads it
  auto Apply = [&](const ui::KioskAction& a) {
    Status s = ui::ApplyKioskAction(model, backend, a);
    if (!s) last_failure = s.error();
    if (!s && shell.test_mode) std::printf("error: %s [%s]\n", s.error().field.c_str(), s.error().rule.c_str());
  };

  return ui::RunShell(shell, [&](ui::Frame& frame) {
    if (shell.test_mode) latency.FrameStarted();
    backend.now = clock.Now();
    // Offline when an action found the center gone; back when it answers, between citizens (at the home
    // screen). What the citizen had read came from the other store: the session starts again.
    if (ui::KioskFollowCenter(model, backend, station, offline, last_failure ? &*last_failure : nullptr)) {
      std::fprintf(stderr, "motcua-kiosk: %s\n",
                   model.offline ? "the center is lost: working offline" : "the center answers again: back online");
    }
    last_failure.reset();
    if (!audio) {
      // SDL's audio needs the window's SDL_Init; opened on the first frame.
      audio = std::make_unique<ui::AudioOut>();
      if (!audio->available()) std::fprintf(stderr, "motcua-kiosk: silent: %s\n", audio->reason().c_str());
      auto synthesizer = speech::Synthesizer::Open("vi");
      if (synthesizer) {
        narrator = std::make_unique<speech::Narrator>(
            std::move(*synthesizer), [&audio](speech::Utterance u) { audio->Play(u.pcm); },
            [](const Error& e) { std::fprintf(stderr, "motcua-kiosk: speech: %s\n", e.Describe().c_str()); });
      } else {
        std::fprintf(stderr, "motcua-kiosk: no spoken guidance: %s\n", synthesizer.error().Describe().c_str());
      }
    }

    // Scans (wedge and camera) are applied before drawing, so the frame that takes a receipt already
    // shows its status page: one software-GL frame (30-50 ms) sooner (bench/kiosk/latency.sh).
    std::vector<ui::KioskAction> scans;
    for (std::string& scan : frame.scans) scans.emplace_back(ui::Scanned{std::move(scan)});
    if (camera && camera->state() == scan::CameraScanner::State::kFailed && model.camera_status_key.empty()) {
      // Unplugged or broken mid-run: say so on the screens; the wedge scanner and typing still work.
      std::fprintf(stderr, "motcua-kiosk: camera stopped: %s\n", camera->error().c_str());
      model.camera_status_key = "kiosk.camera.none";
    }
    if (camera)
      for (scan::CameraScanner::Decoded& d : camera->TakeDecodedWithTimes()) {
        if (shell.test_mode) latency.Decoded(d.captured);
        scans.emplace_back(ui::Scanned{std::move(d.text)});
      }
    // The tour's steps are touches too: a slow machine must not reset the kiosk in the middle of one.
    const bool reset = ui::TickKiosk(model, backend, frame.had_input || !scans.empty() || tour.active());
    for (const ui::KioskAction& a : scans) Apply(a);
    latency.Applied();
    if (reset && shell.test_mode) std::printf("idle_reset\n");
    if (tour.active()) tour.Step(model, backend, frame, actions);

    // The theme follows the citizen's switches (and returns to the defaults at the reset).
    const ui::ThemeVariant wanted{model.citizen.large_text, model.citizen.high_contrast};
    if (wanted.large_text != variant.large_text || wanted.high_contrast != variant.high_contrast) {
      variant = wanted;
      frame.theme_request = variant;
    }
    kiosk::Layout layout;
    const std::string orientation = !o.orientation.empty() ? o.orientation
                                    : backend.settings.orientation == ui::KioskOrientation::kLandscape ? "landscape"
                                    : backend.settings.orientation == ui::KioskOrientation::kPortrait  ? "portrait"
                                                                                                        : "auto";
    layout.portrait = orientation == "portrait" || (orientation == "auto" && frame.IsPortrait());

    if (shell.test_mode) ui::ClearItemRects();
    kiosk::DrawKiosk(model, backend, layout, screen_state, actions);
    if (screen_state.scrolling) frame.animate = true;
    if (shell.test_mode) trace.ReportItems(model);
    latency.Drawn(model);

    for (const ui::KioskAction& a : actions) Apply(a);
    actions.clear();
    if (narrator && model.speak_serial != spoken_serial) {
      if (model.citizen.speech)
        (void)narrator->Say(ui::KioskSpokenText(model, backend), model.citizen.lang == ui::Lang::kVi ? "vi" : "en");
      else
        narrator->Stop();  // switched off (or the reset): silence at once
    }
    spoken_serial = model.speak_serial;
    if (shell.test_mode) {
      trace.Report(model);
      std::fflush(stdout);
    }
    if (model.quit || tour.finished()) frame.quit = true;
    tour.AfterFrame(model, layout, frame);
  });
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "motcua-kiosk: internal error: %s\n", e.what());
    return 1;
  }
}
