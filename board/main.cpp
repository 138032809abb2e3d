// motcua-board: the queue's display board on a TV in the waiting hall (issue 14, "Display board"). This
// file only sets up the backend (the station's store, the voice, the sound, a thread that scores the
// month for the public lists), runs the shell's frame loop and feeds the model; the model and the view
// live in shared/ui_model/board_*.h, the screen in board/screens/board.cpp.
//
// The loop: the shell wakes it at least every kBoardPollInterval (ShellOptions::idle_tick_ms), and at once
// when the journal watcher (ui_model/live_journal.h: PostgreSQL's NOTIFY, or a SQLite file's head read
// every 250 ms) saw the journal move; a frame that is due (BoardPollDue) reads the new calls (PollBoard);
// each is queued on the Announcer (chime + sentence, one after another, never overlapping) and drawn in
// the same frame. While the watcher cannot reach the center's database the board says so in a banner.
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "board/screens/board.h"
#include "common/crypto.h"
#include "common/files.h"
#include "common/time.h"
#include "speech/announcer.h"
#include "ui_imgui/app_shell.h"
#include "ui_imgui/audio.h"
#include "ui_model/auth.h"
#include "ui_model/board_model.h"
#include "ui_model/board_view.h"
#include "ui_model/live_journal.h"
#include "ui_model/station.h"

namespace {

using namespace motcua;
using Clock = std::chrono::system_clock;

void PrintUsage() {
  std::printf(
      "usage: motcua-board [options]\n"
      "  --data-dir DIR       the center's data (default: $MOTCUA_DATA_DIR, /var/lib/motcua as root, ...)\n"
      "  --db PATH|CONNINFO   the database (default: DIR/motcua.db), or a center's PostgreSQL\n"
      "                       database: a postgresql:// URL or libpq connection string (password\n"
      "                       from libpq's password file; chain key and anchor in DIR)\n"
      "  --assets DIR         calendar and status map (default: $MOTCUA_ASSETS_DIR or the built-in path)\n"
      "  --station ID         this board's station id (default board-1)\n"
      "  --no-audio           do not open a sound device (calls are still queued and shown)\n"
      "  --tour DIR           draw the board with each panel of the rotation, then as it shows a\n"
      "                       center database out of reach (\"offline\"), and save\n"
      "                       board-<shot>-<W>x<H>.png into DIR, then quit\n"
      "  --set KEY VALUE      store a board setting (board.*, queue.speech.*) and quit; needs --as USER\n"
      "                       (an administrator) and the password in $MOTCUA_PASSWORD or on standard input\n"
      "  --as USER            who sets it\n"
      "settings (shared by every board of the center):\n"
      "  board.rotation_seconds 5..600 (15), board.highlight_seconds 2..60 (10), board.notices (lines),\n"
      "  board.announce_english true|false (false), queue.speech.thousand nghìn|ngàn,\n"
      "  queue.speech.zero_tens linh|lẻ, queue.speech.four tư|bốn\n"
      "The UI scale follows the window (--size, or the desktop with --fullscreen) unless --scale is given.\n"
      "%s",
      ui::ShellUsage());
}

std::int64_t UnixMs(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
Instant ToInstant(Clock::time_point t) { return std::chrono::floor<std::chrono::seconds>(t); }

void Wake() {
  SDL_Event wake{};
  wake.type = SDL_USEREVENT;
  SDL_PushEvent(&wake);
}

// Scores the month on a thread of its own every kBoardListsInterval: scoring a large store takes a while,
// and the clock, the blink and the rotation must go on meanwhile. It shares the board's one connection
// under `store_mu` (the main thread skips a poll while the loader holds it, so a call waits at most one
// scoring): on SQLite a second connection of this process would break the first (store::OpenSqliteStore
// opens and closes the database file with open(2)/close(2), which drops every POSIX lock this process
// holds on it; another process's close then deletes the WAL under the board, which stops seeing calls).
// A center's PostgreSQL database has no such trap, but one connection serves both engines alike.
class ListsLoader {
 public:
  ListsLoader(store::Store& store, std::mutex& store_mu, const dossier::StatusMap& map,
              const calendar::WorkingCalendar& cal)
      : store_(store), store_mu_(store_mu), map_(map), calendar_(cal), worker_([this] { Run(); }) {}
  ~ListsLoader() {
    {
      std::lock_guard lock(mu_);
      quit_ = true;
    }
    changed_.notify_all();
    worker_.join();
  }
  // The newest result not yet taken: lists or an error.
  std::optional<Result<ui::BoardPublicLists>> Take() {
    std::lock_guard lock(mu_);
    auto out = std::move(result_);
    result_.reset();
    return out;
  }

 private:
  void Run() {
    std::unique_lock lock(mu_);
    while (!quit_) {
      lock.unlock();
      Result<ui::BoardPublicLists> r = Load();
      lock.lock();
      result_ = std::move(r);
      Wake();
      changed_.wait_for(lock, ui::kBoardListsInterval, [this] { return quit_; });
    }
  }
  Result<ui::BoardPublicLists> Load() {
    std::lock_guard store_lock(store_mu_);
    const auto started = std::chrono::steady_clock::now();
    auto lists = ui::LoadBoardPublicLists(store_, map_, calendar_, ToInstant(Clock::now()));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    std::fprintf(stderr, "motcua-board: public lists scored in %lld ms\n", static_cast<long long>(ms.count()));
    return lists;
  }

  store::Store& store_;
  std::mutex& store_mu_;
  const dossier::StatusMap& map_;
  const calendar::WorkingCalendar& calendar_;
  std::mutex mu_;
  std::condition_variable changed_;
  bool quit_ = false;                                   // guarded by mu_
  std::optional<Result<ui::BoardPublicLists>> result_;  // guarded by mu_
  std::thread worker_;                                  // last
};

// --test output: "call: A001 5 latency_ms N at_unix_ms T drawn_unix_ms D" once a call is on screen (the
// frame that drew it was swapped: printed at the start of the next frame, which is asked for at once);
// N = D − the event's time (whole seconds, so N over-counts by up to 1 s; the e2e compares D with its
// own clock instead).
class CallTrace {
 public:
  void FrameStarted() {
    const std::int64_t drawn = UnixMs(Clock::now());
    for (const ui::BoardCall& c : drawn_)
      std::printf("call: %s %s latency_ms %lld at_unix_ms %lld drawn_unix_ms %lld%s\n", c.label.c_str(),
                  c.counter.c_str(), static_cast<long long>(drawn - ToUnixSeconds(c.at) * 1000),
                  static_cast<long long>(ToUnixSeconds(c.at) * 1000), static_cast<long long>(drawn),
                  c.recall ? " recall" : "");
    drawn_.clear();
  }
  void Drawn(std::vector<ui::BoardCall> calls) {
    for (ui::BoardCall& c : calls) drawn_.push_back(std::move(c));
  }
  bool pending() const { return !drawn_.empty(); }

 private:
  std::vector<ui::BoardCall> drawn_;
};

struct Options {
  ui::StationPaths paths;
  bool no_audio = false;
  std::string tour_dir;
  std::string set_key, set_value, as_user;
  bool has_set = false;
  bool scale_given = false;
};

// --set: one setting, signed in as an administrator (the password never on the command line).
int SetSetting(ui::Station& station, const Options& o) {
  if (o.as_user.empty()) {
    std::fprintf(stderr, "motcua-board: --set needs --as USER [required]\n");
    return 2;
  }
  std::string password;
  if (const char* env = std::getenv("MOTCUA_PASSWORD"); env != nullptr && *env) password = env;
  else std::getline(std::cin, password);
  auto settings = auth::LoadAuthSettings(*station.store);
  if (!settings) {
    std::fprintf(stderr, "motcua-board: %s\n", settings.error().Describe().c_str());
    return 1;
  }
  ui::StoreAuthenticator auth(*station.store, *settings);
  const Instant now = ToInstant(Clock::now());
  auto user = auth.SignIn(o.as_user, password, now);
  if (!user) {
    std::fprintf(stderr, "motcua-board: sign-in: %s\n", user.error().Describe().c_str());
    return 1;
  }
  auto role = workflow::ParseRole(user->role);
  if (!role) {
    std::fprintf(stderr, "motcua-board: %s\n", role.error().Describe().c_str());
    return 1;
  }
  if (Status s = ui::SaveBoardSetting(*station.store, station.ActorFor(user->user_name, *role), o.set_key,
                                      o.set_value, now);
      !s) {
    std::fprintf(stderr, "motcua-board: %s\n", s.error().Describe().c_str());
    return s.error().code == ErrorCode::kInvalid ? 2 : 1;
  }
  std::printf("%s set\n", o.set_key.c_str());
  return 0;
}

// The window's size before the window exists: --size, or the desktop's with --fullscreen.
void PickScale(ui::ShellOptions& shell) {
  int w = shell.width_px, h = shell.height_px;
  if (shell.fullscreen && SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {
    SDL_DisplayMode mode;
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
      w = mode.w;
      h = mode.h;
    }
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }
  // The kiosk theme's fonts (body 30, heading 40, large 56 at scale 1) at 1.25 × the window's size
  // relative to 1080p: body 37 px for the 36-40 px text, heading 50 for the 48 px titles, large 70 for
  // the 64 px calls; the 135 px tickets are the large font drawn bigger.
  const float s = 1.25f * std::min(static_cast<float>(w) / 1920.0f, static_cast<float>(h) / 1080.0f);
  shell.scale = std::clamp(s, 0.5f, 4.0f);
}

// --tour: each shot drawn for a few frames, then saved.
class Tour {
 public:
  explicit Tour(std::string dir) : dir_(std::move(dir)) {}
  bool active() const { return !dir_.empty(); }
  // Before drawing: sets the model for the step. False when the tour is over.
  bool Step(ui::BoardModel& m, Instant now) {
    if (frames_ != 0) return step_ < Steps(m);
    if (step_ >= Steps(m)) return false;
    if (step_ == 0) {  // the newest call lit, on the first slide
      if (!m.recent.empty()) {
        m.newest = m.recent.front();
        m.newest_seen_at = now;
      }
      m.slide = 0;
      shot_ = "calls";
    } else if (step_ == Steps(m) - 1) {  // last: the banner of a center database out of reach
      m.newest.reset();
      m.slide = 0;
      m.feed.state = store::FeedState::kReconnecting;
      m.feed.since = now - std::chrono::minutes(2);
      shot_ = "offline";
    } else {
      m.newest.reset();
      m.slide = static_cast<std::size_t>(step_ - 1);
      const ui::BoardSlide& s = m.slides[m.slide];
      shot_ = ui::BoardPanelKey(s.panel);
      if (s.page > 0) shot_ += "-p" + std::to_string(s.page + 1);
    }
    return true;
  }
  void AfterFrame(ui::Frame& frame) {
    frame.animate = true;
    if (++frames_ < 3) return;
    const int w = static_cast<int>(frame.window_size_px.x), h = static_cast<int>(frame.window_size_px.y);
    frame.screenshot_request = (std::filesystem::path(dir_) / ("board-" + shot_ + "-" + std::to_string(w) + "x" +
                                                              std::to_string(h) + ".png")).string();
    std::printf("shot: %s\n", frame.screenshot_request.c_str());
    frames_ = 0;
    ++step_;
  }

 private:
  static int Steps(const ui::BoardModel& m) { return 2 + static_cast<int>(m.slides.size()); }
  std::string dir_;
  int step_ = 0;
  int frames_ = 0;
  std::string shot_;
};

int Run(int argc, char** argv) {
  ui::ShellOptions defaults;
  defaults.title = "motcua — Bảng gọi số";
  defaults.theme = ui::ThemeKind::kKiosk;
  defaults.variant.high_contrast = true;  // white on black: read from across the hall
  defaults.width_px = 1920;
  defaults.height_px = 1080;
  defaults.min_width_px = 640;
  defaults.min_height_px = 360;
  defaults.hide_cursor = true;
  defaults.wedge_scan = false;
  defaults.idle_tick_ms = static_cast<int>(ui::kBoardPollInterval.count());
  Result<ui::ParsedArgs> parsed = ui::ParseShellArgs(argc, argv, defaults);
  if (!parsed) {
    std::fprintf(stderr, "motcua-board: %s\n", parsed.error().Describe().c_str());
    return 2;
  }
  ui::ShellOptions shell = parsed->options;

  Options o;
  for (int i = 1; i < argc; ++i)
    if (std::string_view(argv[i]) == "--scale") o.scale_given = true;
  o.paths = ui::DefaultStationPaths("board-1", MOTCUA_DEFAULT_ASSETS_DIR);
  const std::vector<std::string>& rest = parsed->rest;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const std::string& a = rest[i];
    const bool has_value = i + 1 < rest.size();
    if (a == "--help" || a == "-h") {
      PrintUsage();
      return 0;
    } else if (ui::TakeStationFlag(rest, i, o.paths)) {
      continue;
    } else if (a == "--no-audio") {
      o.no_audio = true;
    } else if (a == "--tour" && has_value) {
      o.tour_dir = rest[++i];
    } else if (a == "--set" && i + 2 < rest.size()) {
      o.has_set = true;
      o.set_key = rest[++i];
      o.set_value = rest[++i];
    } else if (a == "--as" && has_value) {
      o.as_user = rest[++i];
    } else {
      std::fprintf(stderr, "motcua-board: %s: unknown option or missing value [unknown_option]\n", a.c_str());
      return 2;
    }
  }
  if (!o.scale_given) PickScale(shell);

  if (Status s = InitCrypto(); !s) {
    std::fprintf(stderr, "motcua-board: %s\n", s.error().Describe().c_str());
    return 1;
  }
  Result<std::unique_ptr<ui::Station>> opened = ui::OpenStation(o.paths);
  if (!opened) {
    std::fprintf(stderr, "motcua-board: cannot open the station: %s\n", opened.error().Describe().c_str());
    return opened.error().code == ErrorCode::kInvalid ? 2 : 1;
  }
  ui::Station& station = **opened;
  if (o.has_set) return SetSetting(station, o);
  store::Store& store = *station.store;

  ui::BoardModel model;
  if (Status s = ui::SeedBoard(model, store, ToInstant(Clock::now())); !s) {
    std::fprintf(stderr, "motcua-board: %s\n", s.error().Describe().c_str());
    return 1;
  }
  if (shell.test_mode)
    std::printf("seeded: %zu calls, last_seq %lld\n", model.recent.size(), static_cast<long long>(model.last_seq));

  // The journal watcher; without one (it could not be opened) the board reads the journal on the clock.
  std::unique_ptr<ui::JournalWatcher> watcher;
  if (o.tour_dir.empty()) {
    auto watching = ui::WatchJournal(station.paths.db_path.string(), model.last_seq, Wake);
    if (watching) watcher = std::move(*watching);
    else std::fprintf(stderr, "motcua-board: no change feed, polling: %s\n", watching.error().Describe().c_str());
  }
  std::string feed_state;  // for the log line when it changes

  Tour tour(o.tour_dir);
  std::mutex store_mu;  // the store's connection: the frame loop's polls and the lists loader take turns
  std::unique_ptr<ListsLoader> loader;
  if (tour.active()) {  // the shots need the lists now
    auto lists = ui::LoadBoardPublicLists(store, station.status_map, *station.calendar, ToInstant(Clock::now()));
    if (!lists) {
      std::fprintf(stderr, "motcua-board: public lists: %s\n", lists.error().Describe().c_str());
      return 1;
    }
    ui::SetBoardLists(model, std::move(*lists));
  } else {
    loader = std::make_unique<ListsLoader>(store, store_mu, station.status_map, *station.calendar);
  }

  // The voice and the sound. Either may be missing (no espeak-ng voice, no sound card): the board then
  // shows the calls without saying them, and says so once, small, on screen and on stderr.
  std::unique_ptr<ui::AudioOut> audio;
  std::unique_ptr<speech::Announcer> announcer;
  bool audio_started = false;
  const bool trace = shell.test_mode;

  Clock::time_point last_poll{};
  CallTrace call_trace;
  std::string last_error;
  std::string panel_line;

  return ui::RunShell(shell, [&](ui::Frame& frame) {
    if (trace) call_trace.FrameStarted();
    const Clock::time_point wall = Clock::now();
    const Instant now = ToInstant(wall);
    if (!audio_started) {  // SDL's audio needs the window's SDL_Init: on the first frame
      audio_started = true;
      if (o.no_audio) {
        model.audio_problem = "sound off (--no-audio)";
      } else {
        audio = std::make_unique<ui::AudioOut>();
        if (!audio->available()) model.audio_problem = audio->reason();
      }
      auto synthesizer = speech::Synthesizer::Open("vi");
      if (synthesizer) {
        announcer = std::make_unique<speech::Announcer>(
            std::move(*synthesizer),
            [&audio, trace](const speech::Utterance& u) {
              if (audio) audio->Play(u.pcm);
              if (trace) {
                std::printf("spoken: %s %s\n", u.voice.c_str(), u.text.c_str());
                std::fflush(stdout);
              }
            },
            speech::AnnouncerOptions{},
            [](const Error& e) { std::fprintf(stderr, "motcua-board: speech: %s\n", e.Describe().c_str()); });
      } else if (model.audio_problem.empty()) {
        model.audio_problem = synthesizer.error().Describe();
      }
      if (!model.audio_problem.empty()) std::fprintf(stderr, "motcua-board: silent: %s\n", model.audio_problem.c_str());
    }

    // The journal, when the watcher saw it move (or on the clock without one; the tour shows a still board).
    std::optional<std::int64_t> journal_head;
    if (watcher) {
      const ui::LiveJournal live = watcher->Snapshot();
      journal_head = live.head_seq;
      model.feed = live.status;
      const std::string state = store::FeedStateKey(live.status.state);
      if (state != feed_state && !(feed_state.empty() && state == "connecting")) {
        std::fprintf(stderr, "motcua-board: change feed %s%s%s\n", state.c_str(),
                     live.status.problem.empty() ? "" : ": ", live.status.problem.c_str());
        if (trace) std::printf("feed: %s\n", state.c_str());
        feed_state = state;
      }
    }
    std::vector<ui::BoardCall> fresh;
    std::unique_lock store_lock(store_mu, std::try_to_lock);  // else the loader is scoring: poll next time
    if (!tour.active() && store_lock.owns_lock() && ui::BoardPollDue(model, journal_head, last_poll, wall)) {
      last_poll = wall;
      const std::int64_t seq_before = model.last_seq;
      Result<std::vector<ui::BoardAnnouncement>> said = ui::PollBoard(model, store, now);
      if (!said) {
        const std::string line = said.error().Describe();
        if (line != last_error) std::fprintf(stderr, "motcua-board: %s\n", line.c_str());
        if (trace && line != last_error) std::printf("error: %s [%s]\n", said.error().field.c_str(), said.error().rule.c_str());
        last_error = line;  // the store reconnects at the next poll's first read
      } else {
        last_error.clear();
        for (const ui::BoardAnnouncement& a : *said) {
          if (trace && a.voice == "vi")
            std::printf("announce: %s %s%s\n", a.label.c_str(), a.counter.c_str(), a.recall ? " recall" : "");
          if (announcer) {
            if (Status s = announcer->Announce(a.sentence, a.voice); !s)
              std::fprintf(stderr, "motcua-board: announce: %s\n", s.error().Describe().c_str());
          }
        }
        // The calls this poll took, for the latency line.
        for (const ui::BoardCall& c : model.recent)
          if (c.seq > seq_before) fresh.push_back(c);
        std::sort(fresh.begin(), fresh.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
      }
    }
    if (loader) {
      if (auto lists = loader->Take()) {
        if (lists->has_value()) {
          ui::SetBoardLists(model, std::move(**lists));
        } else {
          model.lists_error = lists->error().Describe();
          std::fprintf(stderr, "motcua-board: public lists: %s\n", model.lists_error.c_str());
        }
      }
    }
    if (tour.active() && !tour.Step(model, now)) {
      frame.quit = true;
      return;
    }
    if (!tour.active()) ui::TickRotation(model, now);
    if (trace && !model.slides.empty()) {
      const ui::BoardSlide& s = model.slides[std::min(model.slide, model.slides.size() - 1)];
      const std::string line = std::string(ui::BoardPanelKey(s.panel)) + " " + std::to_string(s.page + 1) + "/" +
                               std::to_string(s.pages);
      if (line != panel_line) std::printf("panel: %s\n", line.c_str());
      panel_line = line;
    }

    // Blink: on for the first half of each second since the call was seen.
    const auto since = wall - Clock::time_point(std::chrono::duration_cast<Clock::duration>(
                                  model.newest_seen_at.time_since_epoch()));
    const bool blink_on = tour.active() ||
                          (std::chrono::duration_cast<std::chrono::milliseconds>(since).count() / 500) % 2 == 0;
    ui::BoardViewOptions view_options{.width_px = static_cast<int>(frame.window_size_px.x),
                                      .height_px = static_cast<int>(frame.window_size_px.y),
                                      .lang = shell.lang,
                                      .blink_on = blink_on};
    board::DrawBoard(ui::MakeBoardView(model, now, view_options));

    if (trace && !fresh.empty()) {
      call_trace.Drawn(std::move(fresh));
      frame.animate = true;  // the next frame at once: it prints the time the call reached the screen
    }
    if (tour.active()) tour.AfterFrame(frame);
    if (trace) std::fflush(stdout);
  });
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "motcua-board: internal error: %s\n", e.what());
    return 1;
  }
}
