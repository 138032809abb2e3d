// Due-date computations per second: calendar::ComputeDue (per-day table, prefix counts) against a naive
// baseline in the same run (style.md §5: never compare numbers across machines). The baseline is
// tests/calendar/naive_deadline.h, the oracle of the property tests: a day-by-day walk that looks each
// date up in the holiday list again at every step, as deadline code is commonly written.
//
// Inputs: random receipt minutes in 2024-01-01 .. 2026-06-30 (fixed seed) on the shipped calendar
// (assets/calendar, profile "default"), with random amounts per unit: 1-40wh, 1-20wd, 1-30d, 1-3m.
// Each measurement is repeated; we print the median rate over repetitions, and the ratio of medians.
// Rates use this thread's CPU time, which stays steady when other processes share the machine.
// Also measured: the error path (receipts in 2027, not covered) and loading the calendar.
//
// Usage: bench_calendar [calendar_dir] [repetitions]   (defaults: the source tree's assets, 7).
// Target: >= 1 M computations/s for every unit.
#include <time.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "calendar/deadline.h"
#include "calendar/naive_deadline.h"
#include "calendar/working_calendar.h"

namespace {

using namespace motcua;
using namespace motcua::calendar;
using namespace std::chrono;

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

template <class T>
inline void DoNotOptimize(const T& value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

struct Input {
  LocalMinute received;
  Duration duration;
};

std::vector<Input> MakeInputs(std::mt19937_64& rng, std::size_t n, DurationUnit unit, LocalMinute from, LocalMinute to) {
  const int max_amount = unit == DurationUnit::kWorkingHours  ? 40
                         : unit == DurationUnit::kWorkingDays ? 20
                         : unit == DurationUnit::kCalendarDays ? 30
                                                               : 3;
  const auto span = static_cast<std::uint64_t>((to - from).count());
  std::vector<Input> in(n);
  for (Input& i : in) {
    i.received = from + minutes{static_cast<std::int64_t>(rng() % span)};
    i.duration = Duration{1 + static_cast<int>(rng() % max_amount), unit};
  }
  return in;
}

// Computations per second (CPU time), median over `reps` passes over `inputs`.
template <class Fn>
double MedianRate(const std::vector<Input>& inputs, int reps, Fn&& fn) {
  std::vector<double> rates;
  for (int r = 0; r < reps; ++r) {
    const double t0 = ThreadCpuSeconds();
    for (const Input& i : inputs) fn(i);
    const double dt = ThreadCpuSeconds() - t0;
    rates.push_back(double(inputs.size()) / std::max(dt, 1e-9));
  }
  return Median(rates);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : std::string(MOTCUA_ASSETS_DIR) + "/calendar";
  const int reps = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;

  std::vector<double> load_ms;
  for (int r = 0; r < reps; ++r) {
    const double t0 = ThreadCpuSeconds();
    auto cal = LoadCalendar(dir);
    load_ms.push_back((ThreadCpuSeconds() - t0) * 1e3);
    if (!cal) {
      std::fprintf(stderr, "bench_calendar: %s\n", cal.error().Describe().c_str());
      return 1;
    }
  }
  auto loaded = LoadCalendar(dir);
  const WorkingCalendar& cal = *loaded;

  const LocalMinute from = *ParseLocalMinute("2024-01-01 00:00", "from");
  const LocalMinute to = *ParseLocalMinute("2026-06-30 00:00", "to");
  std::mt19937_64 rng(20240504);
  constexpr std::size_t kFastInputs = 200000;
  constexpr std::size_t kNaiveInputs = 5000;

  std::printf("bench_calendar: calendar %s (%d-%d, profile %s), %d repetitions, medians of CPU-time rates\n",
              dir.c_str(), cal.first_year(), cal.last_year(), cal.profile().name.c_str(), reps);
  std::printf("%-22s %16s %16s %10s %s\n", "unit", "table (M/s)", "naive (k/s)", "ratio", "check");

  bool all_met = true;
  for (DurationUnit unit : {DurationUnit::kWorkingHours, DurationUnit::kWorkingDays, DurationUnit::kCalendarDays,
                            DurationUnit::kMonths}) {
    const auto fast_inputs = MakeInputs(rng, kFastInputs, unit, from, to);
    const auto naive_inputs = MakeInputs(rng, kNaiveInputs, unit, from, to);
    // Same answers on the baseline's inputs, or the comparison would be meaningless.
    std::size_t mismatches = 0;
    for (const Input& i : naive_inputs) {
      auto a = ComputeDue(cal, i.received, i.duration);
      auto b = naive::Due(cal, i.received, i.duration);
      if (!a || !b || *a != *b) ++mismatches;
    }
    std::int64_t sink = 0;
    const double fast = MedianRate(fast_inputs, reps, [&](const Input& i) {
      auto due = ComputeDue(cal, i.received, i.duration);
      sink += due ? due->time_since_epoch().count() : 1;
      DoNotOptimize(sink);
    });
    const double slow = MedianRate(naive_inputs, reps, [&](const Input& i) {
      auto due = naive::Due(cal, i.received, i.duration);
      sink += due ? due->time_since_epoch().count() : 1;
      DoNotOptimize(sink);
    });
    const std::string name = std::string("ComputeDue ") + DurationUnitSuffix(unit);
    std::printf("%-22s %16.2f %16.1f %9.0fx %s\n", name.c_str(), fast / 1e6, slow / 1e3, fast / slow,
                mismatches ? "MISMATCH" : "same results");
    all_met = all_met && fast >= 1e6 && mismatches == 0;
  }

  // The error path: receipts in 2027, which the shipped calendar does not cover.
  {
    const auto inputs = MakeInputs(rng, kFastInputs, DurationUnit::kWorkingDays, *ParseLocalMinute("2027-01-01 00:00", "f"),
                                   *ParseLocalMinute("2027-12-31 00:00", "t"));
    std::int64_t sink = 0;
    const double rate = MedianRate(inputs, reps, [&](const Input& i) {
      auto due = ComputeDue(cal, i.received, i.duration);
      sink += due ? 0 : static_cast<std::int64_t>(due.error().detail.size());
      DoNotOptimize(sink);
    });
    std::printf("%-22s %16.2f %16s %10s %s\n", "ComputeDue (uncovered)", rate / 1e6, "-", "-",
                "error path: builds calendar_not_covering");
  }
  std::printf("LoadCalendar: median %.2f ms (3 year files + hours.json, table 2024-2026)\n", Median(load_ms));
  std::printf("target >= 1 M/s for every unit: %s\n", all_met ? "met" : "NOT MET");
  return 0;
}
