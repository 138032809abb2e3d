// Call-next latency with 10,000 tickets waiting (issue 14), against the same call with 10 waiting, in
// the same run (a ratio: these machines are noisy). Each call is one real transaction on a SQLite file
// with synchronous=FULL, as a counter makes it: it finishes the counter's ticket, walks the line's index
// to the head of each priority class, updates the line's streak, and journals the events. Taking a
// ticket (which counts the line and reads recent services for the estimate) is measured too.
//
//   build/bin/bench_queue [--waiting N] [--calls N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "queue/figures.h"
#include "queue/queue.h"
#include "support/bench_station.h"

namespace motcua {
namespace {

constexpr const char* kProgram = "bench_queue";

struct Figures {
  double call_wall_ms = 0;
  double call_cpu_ms = 0;
  double take_wall_ms = 0;
};

double WallMs(std::chrono::steady_clock::time_point from) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - from).count();
}

// A line of `waiting` tickets (one in ten a priority one), then `calls` calls and 50 takes, timed.
Figures Measure(int waiting, int calls) {
  bench::TempDir dir;
  const std::string db = (dir.path / "queue.db").string();
  const roles::Actor admin{"quan.tri", roles::Role::kAdmin, "station-1"};
  const roles::Actor kiosk{"kiosk-1", roles::Role::kKiosk, "kiosk-1"};
  const roles::Actor officer{"nguyen.van.an", roles::Role::kOfficer, "station-5"};
  const std::vector<queue::PriorityGroup> groups{{"elderly", "Người cao tuổi", "", "", ""}};
  FixedClock clock(FromLocalVn(LocalMinute{LocalDate{std::chrono::year{2026} / 12 / 7}} + std::chrono::hours(7)));
  {
    // The line is filled without waiting for the disk: only the calls are what is measured.
    auto fill = store::OpenSqliteStore(db, {.synchronous_full = false});
    if (!fill) bench::Die(kProgram, "open", fill.error());
    if (auto a = queue::SaveArea(**fill, admin, {"A", "Tiếp nhận và trả kết quả"}, clock.Now()); !a)
      bench::Die(kProgram, "area", a.error());
    for (int i = 0; i < waiting; ++i) {
      if (i % 3 == 0) clock.Advance(std::chrono::seconds(1));
      auto t = queue::TakeTicket(**fill, kiosk, {"A", i % 10 == 0 ? "elderly" : ""}, groups, clock.Now());
      if (!t) bench::Die(kProgram, "take", t.error());
    }
  }
  auto store = store::OpenSqliteStore(db);
  if (!store) bench::Die(kProgram, "open", store.error());
  std::vector<double> wall, cpu, take;
  for (int i = 0; i < calls; ++i) {
    clock.Advance(std::chrono::seconds(30));
    const double cpu0 = bench::ThreadCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    auto t = queue::CallNext(**store, officer, "5", {"A"}, clock.Now());
    wall.push_back(WallMs(t0));
    cpu.push_back(bench::ThreadCpuMs() - cpu0);
    if (!t) bench::Die(kProgram, "call", t.error());
    if (!*t) bench::Die(kProgram, "call", Error{ErrorCode::kNotFound, "", "empty", "the line ran out"});
    // Keep the line as long as it was: one taken for each called.
    auto refill = queue::TakeTicket(**store, kiosk, {"A", ""}, groups, clock.Now());
    if (!refill) bench::Die(kProgram, "take", refill.error());
  }
  for (int i = 0; i < 50; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto t = queue::TakeTicket(**store, kiosk, {"A", ""}, groups, clock.Now());
    take.push_back(WallMs(t0));
    if (!t) bench::Die(kProgram, "take", t.error());
  }
  return {bench::Median(wall), bench::Median(cpu), bench::Median(take)};
}

int Run(int argc, char** argv) {
  int waiting = 10'000, calls = 201;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--waiting") == 0) waiting = std::atoi(argv[i + 1]);
    else if (std::strcmp(argv[i], "--calls") == 0) calls = std::atoi(argv[i + 1]);
  }
  const Figures base = Measure(10, calls);
  const Figures big = Measure(waiting, calls);
  std::printf("call next, 10 waiting:      median %.2f ms wall, %.2f ms CPU (%d calls)\n", base.call_wall_ms,
              base.call_cpu_ms, calls);
  std::printf("call next, %d waiting:   median %.2f ms wall, %.2f ms CPU (%d calls)\n", waiting, big.call_wall_ms,
              big.call_cpu_ms, calls);
  std::printf("ratio %d / 10 waiting: %.2fx wall, %.2fx CPU\n", waiting, big.call_wall_ms / base.call_wall_ms,
              big.call_cpu_ms / base.call_cpu_ms);
  std::printf("take a ticket: median %.2f ms with 10 waiting, %.2f ms with %d waiting\n", base.take_wall_ms,
              big.take_wall_ms, waiting);
  return 0;
}

}  // namespace
}  // namespace motcua

int main(int argc, char** argv) { return motcua::Run(argc, argv); }
