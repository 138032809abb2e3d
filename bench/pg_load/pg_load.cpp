// The busy-day load run on one PostgreSQL (issue 15). Starts its own throwaway server (PgServer of
// tests/support), loads a center (a procedure, queue area A), then runs at once, as separate processes
// over the real store: 30 counters (intakes with components, supplements asked and brought on every 5th,
// results done and returned on every 4th, calling tickets), 10 kiosks (taking tickets,
// status look-ups by receipt token) and a board (headless BoardModel polling). Full size: 5,000 intakes,
// 20,000 look-ups, 3,000 tickets taken and called; --scale 0.1 is a quick run.
//
// Afterwards it checks that nothing is lost (every acknowledged code is stored, the dossier count equals
// them), that no code, ticket or call is duplicated, that the journal verifies, and that the board, stopped
// only once it has read the journal up to its final head (or 30 s after the stations' end), announced
// every call; and that the month's 766 indicators computed on PostgreSQL equal those computed on SQLite
// from the same events (CheckIndicators: a fresh SQLite store receives every journal event through
// store/offline.h ForwardOffline, each with the dossier it names as stored: an event's payload says what
// changed, not the whole dossier, so the dossier travels with its event as it does from an offline
// station to its center; and both are scored by scoring/store_scoring.h ScoreStore, by unit:
// every indicator's numerator, denominator and points). Then it prints p50/p99
// of intake commit and status look-up, intake commits per second, and pgbench's TPS (TPC-B-like, as
// many clients as counters, same server, same run) for the ratio.
//
//   build/bin/bench_pg_load [--scale F] [--counters N] [--kiosks N] [--queue 0|1] [--profile 0|1]
//
// --queue 0 leaves the tickets out (to tell the queue's contention from the intakes' own). --profile 1 loads
// pg_stat_statements into the server and lists the statements the stations sent, per intake.
//
// Where the time goes, without instrumenting the store: every 50 ms the sessions of each role (named by
// application_name) are sampled from pg_stat_activity (running, waiting for what, or waiting for their
// client), with the statements waiting on a lock and the records rows they queue for; the CPU used by each
// role's processes (their rusage), by the server (its processes' /proc times) and by the whole machine
// (anyone's) over the run; and the server's commits (pg_stat_database).
//
// Each process writes its acknowledgements and latencies to a file of its own in the run's folder
// (lines "code C", "ticket L", "call L", "intake MS", "lookup MS", "take MS", "callms MS", the board's
// "announce L"); the driver reads them afterwards.
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "citizen/public_status.h"
#include "common/crypto.h"
#include "digitize/file_store.h"
#include "queue/areas.h"
#include "queue/queue.h"
#include "rating/rating.h"
#include "scoring/store_scoring.h"
#include "store/offline.h"
#include "support/fixtures.h"
#include "support/pg_server.h"
#include "sync/state.h"
#include "ui_model/board_model.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kAgency = "000.00.00.H56";
const std::string kCenterKey(32, 'k');

[[noreturn]] void Die(const std::string& what, const Error& e) {
  std::fprintf(stderr, "bench_pg_load: %s: %s\n", what.c_str(), e.Describe().c_str());
  std::exit(1);
}

double Ms(Clock::time_point from) { return std::chrono::duration<double, std::milli>(Clock::now() - from).count(); }

Instant Now() { return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::unique_ptr<store::Store> OpenStation(const std::string& conninfo, const fs::path& dir) {
  auto s = store::Open(conninfo, {.create_if_missing = false, .busy_timeout_ms = 30000, .files_dir = dir.string()});
  if (!s) Die("open " + dir.string(), s.error());
  return std::move(*s);
}

workflow::Desk MakeDesk(store::Store& store, const calendar::WorkingCalendar& cal, int slot, const fs::path& dir) {
  workflow::Desk desk;
  desk.store = &store;
  desk.calendar = &cal;
  desk.settings.agency_id = kAgency;
  desk.settings.receiving_unit = "Trung tâm Phục vụ hành chính công";
  desk.settings.station_slot = slot;
  desk.settings.slot_count = 50;  // 199 codes a day per slot: 5,000 / 30 counters fit in one day
  desk.center_key = kCenterKey;
  desk.files_root = dir / "files";
  return desk;
}

// ---- the processes -----------------------------------------------------------------------------------

int RunCounter(const std::string& conninfo, const fs::path& dir, int index, int intakes, int calls) {
  auto store = OpenStation(conninfo, dir);
  auto cal = calendar::LoadCalendar(fs::path(MOTCUA_ASSETS_DIR) / "calendar");
  if (!cal) Die("calendar", cal.error());
  workflow::Desk desk = MakeDesk(*store, *cal, index, dir);
  const workflow::Actor officer{"can.bo." + std::to_string(index), workflow::Role::kOfficer,
                                "counter-" + std::to_string(index + 1)};
  const std::string counter = std::to_string(index + 1);
  std::ofstream out(dir / "results.txt");
  auto scan_file = digitize::StoreBytes(desk.files_root, motcua::testing::TinyPdf(2) + "%" + std::to_string(index));
  if (!scan_file) Die("scan", scan_file.error());
  const dossier::Attachment scan{scan_file->sha256, scan_file->mime, scan_file->pages, scan_file->size_bytes,
                                 "scan.pdf", officer.user, {}};
  int called = 0;
  const auto give_up = Clock::now() + std::chrono::minutes(10);
  for (int i = 0; i < intakes || called < calls; ++i) {
    if (i < intakes) {
      workflow::IntakeRequest r = motcua::testing::SampleIntake();
      r.request_id = "load-" + std::to_string(index) + "-" + std::to_string(i);
      r.applicant.id_number = "0010901" + std::to_string(10000 + index * 1000 + i % 1000);
      r.components = std::vector<workflow::IntakeComponent>{
          {"TP1", std::nullopt, std::nullopt, false, "", false, {scan}},
          {"TP2", std::nullopt, std::nullopt, false, "", false, {scan}},
          {"TP3", std::nullopt, std::nullopt, false, "", false, {}}};
      const auto t0 = Clock::now();
      auto received = workflow::Receive(desk, officer, r, Now());
      const double ms = Ms(t0);
      if (!received) Die("receive", received.error());
      out << "code " << received->dossier.code << "\nintake " << ms << std::endl;  // flushed: acknowledged
      // A busy day's later steps on some of them: a supplement asked for and brought (every 5th), a
      // result done and handed back (every 4th).
      const std::string& code = received->dossier.code;
      if (i % 5 == 1) {
        auto asked = workflow::Apply(desk, officer, code, dossier::Action::kRequestSupplement,
                                     {.reason = "Thiếu tờ khai", .items = {"Tờ khai"}}, Now());
        if (!asked) Die("supplement", asked.error());
        auto brought = workflow::Apply(desk, officer, code, dossier::Action::kReceiveSupplement, {}, Now());
        if (!brought) Die("supplement received", brought.error());
        out << "supplement " << code << std::endl;
      } else if (i % 4 == 3) {
        auto done = workflow::Apply(desk, officer, code, dossier::Action::kMarkDone, {}, Now());
        if (!done) Die("done", done.error());
        auto returned = workflow::Apply(desk, officer, code, dossier::Action::kReturnResult,
                                        {.receiver_name = r.applicant.name, .receiver_id = r.applicant.id_number,
                                         .no_digital_result_reason = "Kết quả bản giấy, chưa số hóa"},
                                        Now());
        if (!returned) Die("result", returned.error());
        out << "result " << code << std::endl;
      }
    }
    // A counter calls a ticket after every 1-2 intakes while it still has calls to make.
    if (called < calls && (i >= intakes || i % 2 == 0 || calls > intakes)) {
      const auto t0 = Clock::now();
      auto t = queue::CallNext(*store, officer, counter, {"A"}, Now());
      const double ms = Ms(t0);
      if (!t && t.error().code == ErrorCode::kConflict) {
        // Every counter races for the head of the one line; the store's retries can all be lost
        // (reported by the run as "call races lost"): the officer presses the button again.
        out << "callrace 1" << std::endl;
        continue;
      }
      if (!t) Die("call", t.error());
      if (*t) {
        out << "call " << (*t)->label << "\ncallms " << ms << std::endl;
        ++called;
      } else if (i >= intakes) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // nobody waits yet
      }
    }
    if (Clock::now() > give_up) {
      std::fprintf(stderr, "counter %d: gave up with %d of %d calls\n", index, called, calls);
      return 1;
    }
  }
  out.flush();
  return 0;
}

int RunKiosk(const std::string& conninfo, const fs::path& dir, int index, int tickets, int lookups) {
  auto store = OpenStation(conninfo, dir);
  auto cal = calendar::LoadCalendar(fs::path(MOTCUA_ASSETS_DIR) / "calendar");
  if (!cal) Die("calendar", cal.error());
  workflow::Desk desk = MakeDesk(*store, *cal, 0, dir);
  const workflow::Actor kiosk{"kiosk-" + std::to_string(index), workflow::Role::kKiosk, "kiosk-" + std::to_string(index)};
  std::ofstream out(dir / "results.txt");
  std::mt19937 rng(index);
  std::vector<std::string> tokens;
  int taken = 0, looked = 0;
  while (taken < tickets || looked < lookups) {
    // Citizens take tickets at a steady pace across the run, and look their dossiers up in between.
    if (taken < tickets && (looked * tickets >= taken * std::max(1, lookups) || looked >= lookups)) {
      const auto t0 = Clock::now();
      auto t = queue::TakeTicket(*store, kiosk, {"A", ""}, {}, Now());
      const double ms = Ms(t0);
      if (!t) Die("take", t.error());
      out << "ticket " << t->ticket.label << "\ntake " << ms << std::endl;
      ++taken;
      continue;
    }
    if (tokens.empty() || looked % 50 == 0) {  // the receipts citizens hold: some recent dossiers
      auto list = store->ListDossiers({.limit = 200, .offset = int(rng() % 50)});
      if (!list) Die("list", list.error());
      if (list->empty()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (taken >= tickets) continue;
      }
      tokens.clear();
      for (int k = 0; k < 10 && !list->empty(); ++k) {
        auto d = store->GetDossier((*list)[rng() % list->size()].code);
        if (!d || !*d) continue;
        auto token = workflow::ReceiptTokenFor(desk, **d);
        if (token) tokens.push_back(*token);
      }
      if (tokens.empty()) continue;
    }
    const auto t0 = Clock::now();
    auto status = citizen::LookupByToken(*store, desk, tokens[rng() % tokens.size()], Now());
    const double ms = Ms(t0);
    if (!status) Die("lookup", status.error());
    out << "lookup " << ms << "\n";
    ++looked;
  }
  return 0;
}

// The board polls as a hall's board does (every 250 ms) until the driver's stop file names the journal's
// last event ("stop SEQ", written once every station is done) and the board has read up to it, or 30 s
// after the stop file appeared. It writes "ready" once seeded (the driver starts the stations then), and
// each call it announced ("announce LABEL", the Vietnamese announcement of a first call).
int RunBoard(const std::string& conninfo, const fs::path& dir, const fs::path& stop_file) {
  auto store = OpenStation(conninfo, dir);
  ui::BoardModel model;
  if (Status s = ui::SeedBoard(model, *store, Now()); !s) Die("board seed", s.error());
  std::ofstream(dir / "ready") << model.last_seq << "\n";
  std::ofstream out(dir / "results.txt");
  int polls = 0, announced = 0;
  std::int64_t final_seq = -1;  // known once the stop file is there
  Clock::time_point give_up{};
  for (;;) {
    if (final_seq < 0 && fs::exists(stop_file)) {
      std::ifstream in(stop_file);
      std::string word;
      in >> word >> final_seq;
      if (word != "stop" || final_seq < 0) Die("board", Invalid("stop", "bad_stop_file", "no \"stop SEQ\" in " + stop_file.string()));
      give_up = Clock::now() + std::chrono::seconds(30);
    }
    if (final_seq >= 0 && (model.last_seq >= final_seq || Clock::now() > give_up)) break;
    auto a = ui::PollBoard(model, *store, Now());
    if (!a) Die("board poll", a.error());
    for (const ui::BoardAnnouncement& one : *a)
      if (one.voice == "vi" && !one.recall) {
        out << "announce " << one.label << "\n";
        ++announced;
      }
    ++polls;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  out << "polls " << polls << "\nannounced " << announced << "\nboard_seq " << model.last_seq << "\n";
  return 0;
}

// ---- the indicators, on PostgreSQL and on SQLite -------------------------------------------------------

struct IndicatorCheck {
  int compared = 0;          // indicators compared (every card's)
  int cards = 0;             // the center's card and one per unit
  std::int64_t dossiers = 0; // the center card's dossiers received in the month
  double total_points = 0;   // the center's score
  store::ForwardReport forwarded;
  double forward_s = 0;      // how long forwarding the events to SQLite took
  std::string difference;    // "" when every indicator agrees, else the first difference
};

std::string Points(const std::optional<double>& p) {
  if (!p) return "no score";
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", *p);
  return text;
}

// The first difference between two score cards' indicators (numerator, denominator, points), their group
// totals and totals; "" when there is none. Exact comparisons: both come from the same records.
std::string CompareCards(const indicators::ScoreCard& pg, const indicators::ScoreCard& lite) {
  const std::string card = pg.key.empty() ? "the center" : "unit " + pg.key;
  if (pg.key != lite.key) return "cards " + pg.key + " and " + lite.key + " are not the same unit";
  if (pg.dossiers != lite.dossiers)
    return card + ": " + std::to_string(pg.dossiers) + " dossiers, SQLite " + std::to_string(lite.dossiers);
  if (pg.indicators.size() != lite.indicators.size()) return card + ": not the same indicators";
  for (std::size_t i = 0; i < pg.indicators.size(); ++i) {
    const indicators::Indicator &a = pg.indicators[i], &b = lite.indicators[i];
    const std::string at = card + ", indicator " + a.code + ": ";
    if (a.numerator != b.numerator || a.denominator != b.denominator)
      return at + std::to_string(a.numerator) + "/" + std::to_string(a.denominator) + " on PostgreSQL, " +
             std::to_string(b.numerator) + "/" + std::to_string(b.denominator) + " on SQLite";
    if (a.points != b.points) return at + Points(a.points) + " points on PostgreSQL, " + Points(b.points) + " on SQLite";
  }
  for (std::size_t g = 0; g < pg.groups.size() && g < lite.groups.size(); ++g)
    if (pg.groups[g].points != lite.groups[g].points)
      return card + ", group " + indicators::GroupKey(pg.groups[g].group) + ": " + Points(pg.groups[g].points) +
             " points on PostgreSQL, " + Points(lite.groups[g].points) + " on SQLite";
  if (pg.total_points != lite.total_points)
    return card + ": " + Points(pg.total_points) + " points on PostgreSQL, " + Points(lite.total_points) + " on SQLite";
  return "";
}

// The month's 766 indicators of the run on PostgreSQL against those computed on SQLite from the same events:
// a fresh SQLite store receives what the scorer reads besides dossiers (procedures, settings, ratings, PAKN
// counts and sync states: MirrorForOffline) and then every event of the PostgreSQL journal, in order, each
// with the dossier it names as stored there (ForwardOffline, the path a station's offline journal takes to
// its center). Both are scored as the monthly report scores them (ScoreStore, by unit).
IndicatorCheck CheckIndicators(store::Store& center, const fs::path& dir, Instant now) {
  IndicatorCheck out;
  auto lite = store::OpenSqliteStore((dir / "replayed.db").string(), {.synchronous_full = false});
  if (!lite) Die("replay store", lite.error());
  auto mirrored = store::MirrorForOffline(center, **lite, {rating::kRatingKind, rating::kPaknKind,
                                                          sync::kDossierStateKind}, "bench-replay", now);
  if (!mirrored) Die("mirror to SQLite", mirrored.error());
  const auto forward_started = Clock::now();
  auto forwarded = store::ForwardOffline(center, **lite, "bench-replay", now);
  out.forward_s = Ms(forward_started) / 1000;
  if (!forwarded) Die("forward to SQLite", forwarded.error());
  out.forwarded = *forwarded;
  if (forwarded->refused > 0) {
    out.difference = std::to_string(forwarded->refused) + " events refused by the SQLite store (" +
                     forwarded->refused_dossiers.front().code + ": " + forwarded->refused_dossiers.front().detail + ")";
    return out;
  }
  auto replayed = (*lite)->VerifyJournal();
  if (!replayed) Die("verify SQLite", replayed.error());
  if (!replayed->ok) {
    out.difference = "the SQLite journal does not verify: " + replayed->problem;
    return out;
  }
  auto map = dossier::LoadStatusMap(fs::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
  if (!map) Die("status map", map.error());
  auto cal = calendar::LoadCalendar(fs::path(MOTCUA_ASSETS_DIR) / "calendar");
  if (!cal) Die("calendar", cal.error());
  const std::chrono::year_month_day today{LocalDateVn(now)};
  const indicators::Period month = indicators::MonthPeriod(int(today.year()), unsigned(today.month()));
  auto on_pg = scoring::ScoreStore(center, *map, *cal, month, indicators::Grouping::kUnit);
  if (!on_pg) Die("score on PostgreSQL", on_pg.error());
  auto on_lite = scoring::ScoreStore(**lite, *map, *cal, month, indicators::Grouping::kUnit);
  if (!on_lite) Die("score on SQLite", on_lite.error());
  const indicators::ScoreReport &a = on_pg->report, &b = on_lite->report;
  out.dossiers = a.center.dossiers;
  out.total_points = a.center.total_points;
  if (a.breakdown.size() != b.breakdown.size()) {
    out.difference = std::to_string(a.breakdown.size()) + " unit cards on PostgreSQL, " +
                     std::to_string(b.breakdown.size()) + " on SQLite";
    return out;
  }
  std::vector<std::pair<const indicators::ScoreCard*, const indicators::ScoreCard*>> cards = {{&a.center, &b.center}};
  for (std::size_t i = 0; i < a.breakdown.size(); ++i) cards.emplace_back(&a.breakdown[i], &b.breakdown[i]);
  for (const auto& [x, y] : cards) {
    out.difference = CompareCards(*x, *y);
    if (!out.difference.empty()) return out;
    ++out.cards;
    out.compared += int(x->indicators.size());
  }
  return out;
}

// ---- the driver ---------------------------------------------------------------------------------------

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("PGAPPNAME", ("motcua_" + args[1]).c_str(), 1);  // names the station's sessions on the server
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv("/proc/self/exe", argv.data());
    ::_exit(127);
  }
  return pid;
}

// pgbench's TPS on the same server: TPC-B-like, `clients` clients, 10 s (scale 10 tables).
double PgbenchTps(testing::PgServer& server, int clients) {
  auto db = server.CreateDatabase();
  if (!db) Die("pgbench database", db.error());
  const std::string bindir = "/usr/lib/postgresql/15/bin/";
  const std::string conn = "'" + *db + "'";
  const std::string init = bindir + "pgbench -q -i -s 10 " + conn + " >/dev/null 2>&1";
  if (std::system(init.c_str()) != 0) {
    std::fprintf(stderr, "bench_pg_load: pgbench -i failed\n");
    return 0;
  }
  const std::string run = bindir + "pgbench -n -c " + std::to_string(clients) + " -j 2 -T 10 " + conn + " 2>/dev/null";
  FILE* p = ::popen(run.c_str(), "r");
  if (!p) return 0;
  std::string text;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, p)) text += buf;
  ::pclose(p);
  const auto at = text.find("tps = ");
  return at == std::string::npos ? 0 : std::atof(text.c_str() + at + 6);
}

// What the run is asked for (the command line's flags).
struct LoadOptions {
  double scale = 1;         // --scale: 1 = 5,000 intakes, 20,000 look-ups, 3,000 tickets
  int counters = 30;        // --counters
  int kiosks = 10;          // --kiosks
  bool with_queue = true;   // --queue 0 leaves the tickets out
  bool profile = false;     // --profile 1: pg_stat_statements on the server, its statements listed after
};

// CPU seconds (user + system) of process `pid` itself, or of its children it has reaped (/proc/<pid>/stat
// utime, stime or cutime, cstime).
double CpuSeconds(pid_t pid, bool reaped_children) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream rest(text.substr(close + 1));
  std::vector<std::string> f;  // f[0] is field 3 (state), so field n is f[n - 3]
  for (std::string w; rest >> w;) f.push_back(w);
  if (f.size() < 15) return 0;
  const int at = reaped_children ? 16 - 3 : 14 - 3;
  return (std::atof(f[at].c_str()) + std::atof(f[at + 1].c_str())) / double(::sysconf(_SC_CLK_TCK));
}

// The server's CPU seconds so far: the postmaster, every live child (background writers, sessions) and
// every child it has reaped (the sessions of stations that closed).
double ServerCpuSeconds(pid_t postmaster) {
  double total = CpuSeconds(postmaster, false) + CpuSeconds(postmaster, true);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "stat");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(text.substr(close + 1));
    std::string state, ppid;
    rest >> state >> ppid;
    if (std::atoi(ppid.c_str()) == postmaster) total += CpuSeconds(std::atoi(name.c_str()), false);
  }
  return total;
}

// The machine's busy CPU seconds so far, over every core (/proc/stat: all but idle and iowait), whoever used them.
double MachineBusySeconds() {
  std::ifstream in("/proc/stat");
  std::string cpu;
  double v[10] = {};
  in >> cpu;
  for (double& x : v) in >> x;
  return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / double(::sysconf(_SC_CLK_TCK));
}

int Drive(const LoadOptions& o) {
  (void)InitCrypto();
  const double scale = o.scale;
  const int counters = o.counters, kiosks = o.kiosks;
  const int intakes = int(5000 * scale), lookups = int(20000 * scale), tickets = o.with_queue ? int(3000 * scale) : 0;
  std::vector<std::string> settings = {"max_connections=200"};
  if (o.profile) settings.insert(settings.end(), {"shared_preload_libraries=pg_stat_statements",
                                                  "pg_stat_statements.track=top"});
  auto server = testing::PgServer::StartPrimary({.settings = settings});
  if (!server) Die("server", server.error());
  auto conninfo = (*server)->CreateDatabase();
  if (!conninfo) Die("database", conninfo.error());
  motcua::testing::TempDir run;
  const fs::path setup = run / "setup";
  fs::create_directories(setup);
  {
    auto store = store::Open(*conninfo, {.files_dir = setup.string()});
    if (!store) Die("create", store.error());
    const workflow::Actor admin{"quan.tri", workflow::Role::kAdmin, "setup"};
    Status s = motcua::testing::WriteJournaled(**store, [](store::WriteTx& tx) -> Status {
      MOTCUA_TRY(tx.PutSetting("agency_id", kAgency));
      return tx.UpsertProcedure(motcua::testing::ResidenceProcedure());
    });
    if (!s) Die("load", s.error());
    if (auto a = queue::SaveArea(**store, admin, {"A", "Tiếp nhận và trả kết quả"}, Now()); !a) Die("area", a.error());
  }
  auto station_dir = [&](const std::string& name) {
    const fs::path d = run / name;
    fs::create_directories(d);
    fs::copy_file(setup / "center.chain-key", d / "center.chain-key", fs::copy_options::skip_existing);
    return d;
  };
  const fs::path stop_file = run / "stop";
  const std::string db_name = conninfo->substr(conninfo->find("dbname=") + 7);
  if (o.profile) {
    if (Status s = (*server)->Exec(db_name, "CREATE EXTENSION pg_stat_statements"); !s) Die("profile", s.error());
    if (Status s = (*server)->Exec(db_name, "SELECT pg_stat_statements_reset()"); !s) Die("profile", s.error());
  }
  // Commits on the server (pg_stat_database; a session reports its counts at the latest when it closes).
  auto commits_now = [&]() -> std::int64_t {
    auto rows = (*server)->Query("postgres", "SELECT xact_commit FROM pg_stat_database WHERE datname = '" + db_name + "'");
    return rows && !rows->empty() ? std::atoll((*rows)[0][0].c_str()) : 0;
  };
  const std::int64_t commits_before = commits_now();
  const pid_t postmaster = (*server)->postmaster_pid();
  const double server_cpu_before = ServerCpuSeconds(postmaster), machine_before = MachineBusySeconds();
  std::map<pid_t, std::string> role_of;
  std::map<std::string, double> client_cpu;  // role -> CPU seconds of its processes (wait4's rusage)
  std::vector<pid_t> workers;
  const pid_t board = Spawn({"bench_pg_load", "board", *conninfo, station_dir("board").string(), stop_file.string()});
  role_of[board] = "board";
  for (int waited_ms = 0; !fs::exists(run / "board" / "ready"); waited_ms += 20) {
    if (waited_ms > 30000) Die("board", Unavailable("board", "not_ready", "the board did not seed within 30 s"));
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const auto start = Clock::now();
  for (int i = 0; i < counters; ++i) {
    const int n = intakes / counters + (i < intakes % counters), c = tickets / counters + (i < tickets % counters);
    workers.push_back(Spawn({"bench_pg_load", "counter", *conninfo, station_dir("counter-" + std::to_string(i)).string(),
                             std::to_string(i), std::to_string(n), std::to_string(c)}));
    role_of[workers.back()] = "counter";
  }
  for (int i = 0; i < kiosks; ++i) {
    const int t = tickets / kiosks + (i < tickets % kiosks), l = lookups / kiosks + (i < lookups % kiosks);
    workers.push_back(Spawn({"bench_pg_load", "kiosk", *conninfo, station_dir("kiosk-" + std::to_string(i)).string(),
                             std::to_string(i), std::to_string(t), std::to_string(l)}));
    role_of[workers.back()] = "kiosk";
  }
  // Where the server's sessions wait, sampled every 50 ms while the stations run (pg_stat_activity):
  // the answer to "why is an intake slow" without instrumenting the store.
  std::map<std::string, int> waits, row_waits, lock_statements, hot_records;
  std::map<std::string, std::map<std::string, int>> role_states;  // role -> state or wait -> samples
  std::atomic<bool> sampling{true};
  std::atomic<int> sample_rounds{0};
  std::thread sampler([&] {
    while (sampling) {
      // Every station's session (application_name motcua_<role>, set by Spawn): running on the server
      // ("active", with what it waits for) or waiting for its client ("idle in transaction": the client's
      // turn inside a transaction; "idle": between transactions).
      auto rows = (*server)->Query("postgres",
                                   "SELECT substr(application_name, 8), state, COALESCE(wait_event_type || ':' || "
                                   "wait_event, 'CPU'), count(*) FROM pg_stat_activity WHERE backend_type = "
                                   "'client backend' AND application_name LIKE 'motcua_%' GROUP BY 1, 2, 3");
      if (rows)
        for (const auto& r : *rows) {
          const int n = std::atoi(r[3].c_str());
          if (r[1] == "active") waits[r[2]] += n;
          role_states[r[0]][r[1] == "active" ? r[2] : r[1]] += n;
        }
      // Row locks waited for, by table (a tuple lock names its relation).
      auto held = (*server)->Query(db_name, "SELECT 'waiting for a row of ' || c.relname, count(*) FROM pg_locks l "
                                            "JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted AND "
                                            "l.locktype = 'tuple' GROUP BY 1");
      if (held)
        for (const auto& r : *held) row_waits[r[0]] += std::atoi(r[1].c_str());
      // Which statements wait on a lock (the first waiter of a row waits on the holder's transaction, the
      // others on the row's tuple lock), and which records rows they queue for: the hot row by name.
      auto stmts = (*server)->Query(db_name, "SELECT wait_event, regexp_replace(left(query, 110), '\\s+', ' ', 'g'), "
                                             "count(*) FROM pg_stat_activity WHERE state = 'active' AND "
                                             "wait_event_type = 'Lock' AND pid <> pg_backend_pid() GROUP BY 1, 2");
      if (stmts)
        for (const auto& r : *stmts) lock_statements[r[0] + ": " + r[1]] += std::atoi(r[2].c_str());
      auto locked = (*server)->Query(db_name, "SELECT r.kind || ' ' || r.key, count(*) FROM records r JOIN "
                                            "(SELECT format('(%s,%s)', l.page, l.tuple)::tid AS t FROM pg_locks l "
                                            "JOIN pg_class c ON c.oid = l.relation WHERE l.locktype = 'tuple' AND "
                                            "c.relname = 'records') w ON r.ctid = w.t GROUP BY 1");
      if (locked)
        for (const auto& r : *locked) hot_records[r[0]] += std::atoi(r[1].c_str());
      ++sample_rounds;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  int failed = 0;
  auto reap = [&](pid_t pid) {
    int status = 0;
    struct rusage ru {};
    ::wait4(pid, &status, 0, &ru);
    client_cpu[role_of[pid]] += double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                                double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
  };
  for (pid_t w : workers) failed += !reap(w);
  const double seconds = Ms(start) / 1000;
  sampling = false;
  sampler.join();
  // Every station is done. Opening a store chains what may still wait (store.h): the journal's final head,
  // which the board must read up to before it stops.
  auto check_store = OpenStation(*conninfo, setup);
  auto final_head = check_store->Head();
  if (!final_head) Die("head", final_head.error());
  std::ofstream(run / "stop.tmp") << "stop " << final_head->seq << "\n";
  fs::rename(run / "stop.tmp", stop_file);
  reap(board);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server reaps the closed sessions
  const double server_cpu = ServerCpuSeconds(postmaster) - server_cpu_before;
  const double machine_cpu = MachineBusySeconds() - machine_before;
  const std::int64_t commits = commits_now() - commits_before;
  testing::PgServer::Rows statement_rows;  // --profile: what the stations sent, read before the checks add theirs
  if (o.profile) {
    // Every statement a station sent (pg_stat_statements, top level: one round trip each; BEGIN and COMMIT
    // included), without the sampler's own queries.
    auto rows = (*server)->Query(db_name, "SELECT calls, round(total_exec_time), regexp_replace(left(query, 100), "
                                          "'\\s+', ' ', 'g') FROM pg_stat_statements WHERE dbid = (SELECT oid FROM "
                                          "pg_database WHERE datname = current_database()) AND query NOT LIKE "
                                          "'%pg_stat_activity%' AND query NOT LIKE '%pg_locks%' AND query NOT LIKE "
                                          "'%pg_stat_statements%' ORDER BY calls DESC");
    if (!rows) Die("profile", rows.error());
    statement_rows = std::move(*rows);
  }

  // What the processes acknowledged.
  std::vector<double> intake_ms, lookup_ms, take_ms, call_ms;
  std::map<std::string, int> codes, taken, called, announced;
  std::int64_t board_seq = -1;
  std::set<std::string> supplemented, resulted;
  int call_races = 0;
  std::string board_line;
  for (const auto& entry : fs::directory_iterator(run.path())) {
    std::ifstream in(entry.path() / "results.txt");
    std::string kind, value;
    while (in >> kind >> value) {
      if (kind == "code") ++codes[value];
      else if (kind == "ticket") ++taken[value];
      else if (kind == "call") ++called[value];
      else if (kind == "callrace") ++call_races;
      else if (kind == "supplement") supplemented.insert(value);
      else if (kind == "result") resulted.insert(value);
      else if (kind == "intake") intake_ms.push_back(std::atof(value.c_str()));
      else if (kind == "lookup") lookup_ms.push_back(std::atof(value.c_str()));
      else if (kind == "take") take_ms.push_back(std::atof(value.c_str()));
      else if (kind == "callms") call_ms.push_back(std::atof(value.c_str()));
      else if (kind == "announce") ++announced[value];
      else if (kind == "board_seq") board_seq = std::atoll(value.c_str());
      else if (kind == "polls" || kind == "announced") board_line += " " + kind + "=" + value;
    }
  }
  int problems = failed;
  auto dupes = [&](const std::map<std::string, int>& m, const char* what) {
    for (const auto& [k, n] : m)
      if (n > 1) {
        std::printf("DUPLICATE %s %s (%d times)\n", what, k.c_str(), n);
        ++problems;
      }
  };
  dupes(codes, "code");
  dupes(taken, "ticket");
  dupes(called, "call");
  dupes(announced, "announcement");
  // The board announced every call once it had read the whole journal.
  int unannounced = 0;
  for (const auto& [label, n] : called)
    if (!announced.count(label)) {
      if (++unannounced == 1) std::printf("BOARD: call %s was never announced\n", label.c_str());
      ++problems;
    }
  if (board_seq < final_head->seq) {
    std::printf("BOARD: read to event %lld of %lld within 30 s of the stations' end\n", (long long)board_seq,
                (long long)final_head->seq);
    ++problems;
  }
  auto count = check_store->CountDossiers();
  if (!count) Die("count", count.error());
  if (std::size_t(*count) != codes.size()) {
    std::printf("LOST: %zu codes acknowledged, %lld dossiers stored\n", codes.size(), (long long)*count);
    ++problems;
  }
  for (const auto& [code, n] : codes) {
    auto d = check_store->GetDossier(code);
    if (!d || !*d) {
      std::printf("LOST: %s\n", code.c_str());
      ++problems;
      continue;
    }
    if (supplemented.count(code) && ((*d)->SupplementCount() != 1 || (*d)->state != dossier::State::kInProgress)) {
      std::printf("LOST: the supplement of %s\n", code.c_str());
      ++problems;
    }
    if (resulted.count(code) && (*d)->state != dossier::State::kReturned) {
      std::printf("LOST: the result of %s\n", code.c_str());
      ++problems;
    }
  }
  auto day_tickets = queue::ListTickets(*check_store, LocalDateVn(Now()));
  if (!day_tickets) Die("tickets", day_tickets.error());
  if (day_tickets->size() != taken.size()) {
    std::printf("LOST: %zu tickets acknowledged, %zu stored\n", taken.size(), day_tickets->size());
    ++problems;
  }
  auto check = check_store->VerifyJournal();
  if (!check) Die("verify", check.error());
  if (!check->ok) {
    std::printf("JOURNAL: %s\n", check->problem.c_str());
    ++problems;
  }

  const auto indicators_started = Clock::now();
  const IndicatorCheck indicators = CheckIndicators(*check_store, run.path(), Now());
  const double indicators_s = Ms(indicators_started) / 1000;
  if (!indicators.difference.empty()) {
    std::printf("INDICATORS: %s\n", indicators.difference.c_str());
    ++problems;
  }

  const double tps = PgbenchTps(**server, counters);
  const double commits_per_s = double(intake_ms.size()) / seconds;
  std::printf("bench_pg_load: scale %.2f, %d counters, %d kiosks, %.1f s\n", scale, counters, kiosks, seconds);
  std::printf("  intakes %zu, look-ups %zu, tickets taken %zu, called %zu (call races lost after the store's "
              "retries: %d), supplements %zu, results %zu, journal events %lld; board%s\n", intake_ms.size(),
              lookup_ms.size(), taken.size(), called.size(), call_races, supplemented.size(), resulted.size(),
              (long long)check->events, board_line.c_str());
  std::printf("  board: announced %zu of %zu calls, read to event %lld (the journal's head: %lld)\n",
              announced.size(), called.size(), (long long)board_seq, (long long)final_head->seq);
  if (indicators.difference.empty())
    std::printf("  indicators: %d equal to SQLite's (%d cards: the center and %d unit(s); %lld dossiers this month, "
                "%.2f points; %d events forwarded to SQLite in %.1f s, all in %.1f s)\n", indicators.compared,
                indicators.cards, indicators.cards - 1, (long long)indicators.dossiers, indicators.total_points,
                indicators.forwarded.forwarded, indicators.forward_s, indicators_s);
  std::printf("  intake commit  p50 %6.1f ms  p99 %6.1f ms  (target p99 <= 100 ms)\n", Percentile(intake_ms, 0.5),
              Percentile(intake_ms, 0.99));
  if (!take_ms.empty())
    std::printf("  ticket taken   p50 %6.1f ms  p99 %6.1f ms;  ticket called  p50 %6.1f ms  p99 %6.1f ms\n",
                Percentile(take_ms, 0.5), Percentile(take_ms, 0.99), Percentile(call_ms, 0.5), Percentile(call_ms, 0.99));
  std::printf("  status lookup  p50 %6.1f ms  p99 %6.1f ms  (target p99 <= 50 ms)\n", Percentile(lookup_ms, 0.5),
              Percentile(lookup_ms, 0.99));
  std::printf("  intake commits/s %.1f, pgbench TPS %.1f (%d clients), ratio %.2f (target >= 0.3)\n", commits_per_s,
              tps, counters, tps > 0 ? commits_per_s / tps : 0.0);
  std::vector<std::pair<int, std::string>> by_count;
  int samples = 0;
  for (const auto& [w, n] : waits) {
    by_count.emplace_back(n, w);
    samples += n;
  }
  std::sort(by_count.rbegin(), by_count.rend());
  std::printf("  active sessions were (pg_stat_activity samples):");
  for (std::size_t i = 0; i < by_count.size() && i < 6; ++i)
    std::printf(" %s %.0f%%", by_count[i].second.c_str(), 100.0 * by_count[i].first / std::max(1, samples));
  std::printf("\n ");
  for (const auto& [w, n] : row_waits) std::printf(" %s: %d samples;", w.c_str(), n);
  std::printf("\n");
  auto top = [](const std::map<std::string, int>& m, std::size_t n) {
    std::vector<std::pair<int, std::string>> v;
    for (const auto& [k, c] : m) v.emplace_back(c, k);
    std::sort(v.rbegin(), v.rend());
    if (v.size() > n) v.resize(n);
    return v;
  };
  for (const auto& [role, states] : role_states) {
    int total = 0;
    for (const auto& [k, n] : states) total += n;
    std::printf("  %s sessions (%.1f on average):", role.c_str(), double(total) / std::max(1, sample_rounds.load()));
    for (const auto& [n, what] : top(states, 7)) std::printf(" %s %.0f%%", what.c_str(), 100.0 * n / std::max(1, total));
    std::printf("\n");
  }
  // Where the time goes: the CPU each side used, against what the machine had (2 cores shared with others).
  const double cores = double(::sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("  CPU seconds over the run's %.1f s (%.0f core-seconds on %.0f cores; machine busy %.1f, anyone's): "
              "counters %.1f, kiosks %.1f, board %.1f, server %.1f\n", seconds, seconds * cores, cores, machine_cpu,
              client_cpu["counter"], client_cpu["kiosk"], client_cpu["board"], server_cpu);
  std::printf("  server commits %lld (pg_stat_database), %.1f per intake; counter CPU per intake %.1f ms\n",
              (long long)commits, intake_ms.empty() ? 0.0 : double(commits) / double(intake_ms.size()),
              intake_ms.empty() ? 0.0 : 1000 * client_cpu["counter"] / double(intake_ms.size()));
  if (o.profile) {
    std::int64_t statements = 0;
    for (const auto& r : statement_rows) statements += std::atoll(r[0].c_str());
    const double per = intake_ms.empty() ? 0.0 : 1.0 / double(intake_ms.size());
    std::printf("  statements sent %lld, %.1f per intake, %.1f per commit; the most called (calls per intake, "
                "server ms):\n", (long long)statements, double(statements) * per,
                commits > 0 ? double(statements) / double(commits) : 0.0);
    for (std::size_t i = 0; i < statement_rows.size() && i < 40; ++i)
      std::printf("    %6.2f %8s  %s\n", std::atof(statement_rows[i][0].c_str()) * per, statement_rows[i][1].c_str(),
                  statement_rows[i][2].c_str());
  }
  std::printf("  statements waiting on a lock (samples):\n");
  for (const auto& [n, what] : top(lock_statements, 6)) std::printf("    %5d  %s\n", n, what.c_str());
  std::printf("  records rows queued for (samples):");
  for (const auto& [n, what] : top(hot_records, 6)) std::printf(" %s: %d;", what.c_str(), n);
  std::printf("\n");
  std::printf("  checks: %s\n", problems == 0 ? "nothing lost, no duplicate, journal verifies, every call announced, "
                                                "indicators equal to SQLite's"
                                              : "FAILED");
  return problems == 0 ? 0 : 1;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) {
  using namespace motcua;
  std::vector<std::string> a(argv, argv + argc);
  if (a.size() >= 2 && a[1] == "counter" && a.size() == 7) {
    (void)InitCrypto();
    return RunCounter(a[2], a[3], std::stoi(a[4]), std::stoi(a[5]), std::stoi(a[6]));
  }
  if (a.size() >= 2 && a[1] == "kiosk" && a.size() == 7) {
    (void)InitCrypto();
    return RunKiosk(a[2], a[3], std::stoi(a[4]), std::stoi(a[5]), std::stoi(a[6]));
  }
  if (a.size() >= 2 && a[1] == "board" && a.size() == 5) {
    (void)InitCrypto();
    return RunBoard(a[2], a[3], a[4]);
  }
  LoadOptions o;
  for (std::size_t i = 1; i < a.size(); i += 2) {
    const bool has_value = i + 1 < a.size();
    if (a[i] == "--scale" && has_value) o.scale = std::stod(a[i + 1]);
    else if (a[i] == "--counters" && has_value) o.counters = std::stoi(a[i + 1]);
    else if (a[i] == "--kiosks" && has_value) o.kiosks = std::stoi(a[i + 1]);
    else if (a[i] == "--queue" && has_value) o.with_queue = a[i + 1] != "0";
    else if (a[i] == "--profile" && has_value) o.profile = a[i + 1] != "0";
    else {
      std::fprintf(stderr, "usage: bench_pg_load [--scale F] [--counters N] [--kiosks N] [--queue 0|1] [--profile 0|1]\n");
      return 2;
    }
  }
  return Drive(o);
}
