// The busy-day load run on one PostgreSQL (issue 15). Starts its own throwaway server (PgServer of
// tests/support), loads a center (a procedure, queue area A), then runs at once, as separate processes
// over the real store: 30 counters (intakes with components, supplements asked and brought on every 5th,
// results done and returned on every 4th, calling tickets), 10 kiosks (taking tickets,
// status look-ups by receipt token) and a board (headless BoardModel polling). Full size: 5,000 intakes,
// 20,000 look-ups, 3,000 tickets taken and called; --scale 0.1 is a quick run.
//
// Afterwards it checks that nothing is lost (every acknowledged code is stored, the dossier count equals
// them), that no code, ticket or call is duplicated, and that the journal verifies; then prints p50/p99
// of intake commit and status look-up, intake commits per second, and pgbench's TPS (TPC-B-like, as
// many clients as counters, same server, same run) for the ratio.
//
//   build/bin/bench_pg_load [--scale F] [--counters N] [--kiosks N] [--queue 0|1]
//
// --queue 0 leaves the tickets out (to tell the queue's contention from the intakes' own).
//
// Each process writes its acknowledgements and latencies to a file of its own in the run's folder
// (lines "code C", "ticket L", "call L", "intake MS", "lookup MS"); the driver reads them afterwards.
#include <signal.h>
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
#include "support/fixtures.h"
#include "support/pg_server.h"
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
      auto t = queue::CallNext(*store, officer, counter, {"A"}, Now());
      if (!t && t.error().code == ErrorCode::kConflict) {
        // Every counter races for the head of the one line; the store's retries can all be lost
        // (reported by the run as "call races lost"): the officer presses the button again.
        out << "callrace 1" << std::endl;
        continue;
      }
      if (!t) Die("call", t.error());
      if (*t) {
        out << "call " << (*t)->label << std::endl;
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
      auto t = queue::TakeTicket(*store, kiosk, {"A", ""}, {}, Now());
      if (!t) Die("take", t.error());
      out << "ticket " << t->ticket.label << std::endl;
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

int RunBoard(const std::string& conninfo, const fs::path& dir, const fs::path& stop_file) {
  auto store = OpenStation(conninfo, dir);
  ui::BoardModel model;
  if (Status s = ui::SeedBoard(model, *store, Now()); !s) Die("board seed", s.error());
  int polls = 0, announced = 0;
  std::error_code ec;
  while (!fs::exists(stop_file, ec)) {
    auto a = ui::PollBoard(model, *store, Now());
    if (!a) Die("board poll", a.error());
    announced += int(a->size());
    ++polls;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  std::ofstream(dir / "results.txt") << "polls " << polls << "\nannounced " << announced << "\n";
  return 0;
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

int Drive(double scale, int counters, int kiosks, bool with_queue) {
  (void)InitCrypto();
  const int intakes = int(5000 * scale), lookups = int(20000 * scale), tickets = with_queue ? int(3000 * scale) : 0;
  auto server = testing::PgServer::StartPrimary({.settings = {"max_connections=200"}});
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
  std::vector<pid_t> workers;
  const pid_t board = Spawn({"bench_pg_load", "board", *conninfo, station_dir("board").string(), stop_file.string()});
  const auto start = Clock::now();
  for (int i = 0; i < counters; ++i) {
    const int n = intakes / counters + (i < intakes % counters), c = tickets / counters + (i < tickets % counters);
    workers.push_back(Spawn({"bench_pg_load", "counter", *conninfo, station_dir("counter-" + std::to_string(i)).string(),
                             std::to_string(i), std::to_string(n), std::to_string(c)}));
  }
  for (int i = 0; i < kiosks; ++i) {
    const int t = tickets / kiosks + (i < tickets % kiosks), l = lookups / kiosks + (i < lookups % kiosks);
    workers.push_back(Spawn({"bench_pg_load", "kiosk", *conninfo, station_dir("kiosk-" + std::to_string(i)).string(),
                             std::to_string(i), std::to_string(t), std::to_string(l)}));
  }
  // Where the server's sessions wait, sampled every 50 ms while the stations run (pg_stat_activity):
  // the answer to "why is an intake slow" without instrumenting the store.
  std::map<std::string, int> waits, row_waits;
  const std::string db_name = conninfo->substr(conninfo->find("dbname=") + 7);
  std::atomic<bool> sampling{true};
  std::thread sampler([&] {
    while (sampling) {
      auto rows = (*server)->Query("postgres",
                                   "SELECT COALESCE(wait_event_type || ':' || wait_event, 'CPU'), count(*) FROM "
                                   "pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' "
                                   "AND pid <> pg_backend_pid() GROUP BY 1");
      if (rows)
        for (const auto& r : *rows) waits[r[0]] += std::atoi(r[1].c_str());
      // Row locks waited for, by table (a tuple lock names its relation).
      auto held = (*server)->Query(db_name, "SELECT 'waiting for a row of ' || c.relname, count(*) FROM pg_locks l "
                                            "JOIN pg_class c ON c.oid = l.relation WHERE NOT l.granted AND "
                                            "l.locktype = 'tuple' GROUP BY 1");
      if (held)
        for (const auto& r : *held) row_waits[r[0]] += std::atoi(r[1].c_str());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  int failed = 0;
  for (pid_t w : workers) {
    int status = 0;
    ::waitpid(w, &status, 0);
    failed += !(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  const double seconds = Ms(start) / 1000;
  sampling = false;
  sampler.join();
  std::ofstream(stop_file) << "stop\n";
  ::waitpid(board, nullptr, 0);

  // What the processes acknowledged.
  std::vector<double> intake_ms, lookup_ms;
  std::map<std::string, int> codes, taken, called;
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
  auto check_store = OpenStation(*conninfo, setup);
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

  const double tps = PgbenchTps(**server, counters);
  const double commits_per_s = double(intake_ms.size()) / seconds;
  std::printf("bench_pg_load: scale %.2f, %d counters, %d kiosks, %.1f s\n", scale, counters, kiosks, seconds);
  std::printf("  intakes %zu, look-ups %zu, tickets taken %zu, called %zu (call races lost after the store's "
              "retries: %d), supplements %zu, results %zu, journal events %lld; board%s\n", intake_ms.size(),
              lookup_ms.size(), taken.size(), called.size(), call_races, supplemented.size(), resulted.size(),
              (long long)check->events, board_line.c_str());
  std::printf("  intake commit  p50 %6.1f ms  p99 %6.1f ms  (target p99 <= 100 ms)\n", Percentile(intake_ms, 0.5),
              Percentile(intake_ms, 0.99));
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
  std::printf("  checks: %s\n", problems == 0 ? "nothing lost, no duplicate, journal verifies" : "FAILED");
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
  double scale = 1;
  int counters = 30, kiosks = 10;
  bool with_queue = true;
  for (std::size_t i = 1; i + 1 < a.size(); i += 2) {
    if (a[i] == "--scale") scale = std::stod(a[i + 1]);
    else if (a[i] == "--counters") counters = std::stoi(a[i + 1]);
    else if (a[i] == "--kiosks") kiosks = std::stoi(a[i + 1]);
    else if (a[i] == "--queue") with_queue = a[i + 1] != "0";
    else {
      std::fprintf(stderr, "usage: bench_pg_load [--scale F] [--counters N] [--kiosks N] [--queue 0|1]\n");
      return 2;
    }
  }
  return Drive(scale, counters, kiosks, with_queue);
}
