// build/bin/bench_indicators: parse 1,000,000 dossiers (national sync shape) from JSON in memory and
// score them, reporting parse time and score time separately as medians of a few runs, each next to a
// baseline measured in the same run on the same data:
//   parse: BM_ParseNationalRecords_By_SimdjsonOnDemand (the reader, dvc/national_record.h)  vs
//          BM_ParseJson_By_NullSax (nlohmann's lexer/parser with a SAX handler that only counts events:
//          the floor for any nlohmann-based reader);
//          BM_ParseJson_By_SimdjsonWalk (simdjson On-Demand indexing a padded copy and visiting every
//          value, building nothing: the floor for any On-Demand reader) beside the same baseline;
//   copy:  BM_PadCopy_By_HugePages (the reader's padded copy of the text: simdjson reads past the end
//          of its input)  vs  BM_PadCopy_By_SmallPages (the same copy faulted in 4 KiB at a time);
//   score: BM_Score_By_{Center,Unit,Procedure}  vs  BM_CountRecords_By_SinglePass (one pass that only
//          counts the records received in the period: the floor for any per-record pass);
//          BM_Score_By_Center_NoLosses shows what the lists of losing dossiers cost;
//   total: the reader's median plus BM_Score_By_Center's, wall and CPU.
// Wall and thread-CPU medians are both printed: the machine is shared, so wall time depends on load.
// The targets are <= 1 s to score 1,000,000 dossiers (issue 6) and <= 5 s to read and score them
// (issue 17) on this machine.
//
//   bench_indicators [--dossiers N] [--parse-runs N] [--score-runs N] [--ascii]
// --ascii draws short ASCII names instead of Vietnamese ones (smaller JSON, no NFC work).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include <sys/mman.h>

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "dvc/national_record.h"
#include "indicators/month_generator.h"
#include "indicators/scorer.h"

namespace {

using namespace motcua;
using Clock = std::chrono::steady_clock;

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// CPU seconds of this thread spent in the last Seconds() call: the machine is shared (2 cores, several
// engineers building), so wall time alone overstates the cost when others are busy.
double g_last_cpu = 0;

template <class F>
double Seconds(F&& f) {
  const double cpu0 = ThreadCpuSeconds();
  const auto start = Clock::now();
  f();
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  g_last_cpu = ThreadCpuSeconds() - cpu0;
  return wall;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

template <class T>
void DoNotOptimize(const T& value) {
  asm volatile("" : : "r,m"(value) : "memory");
}

struct NullSax {
  std::size_t events = 0;
  bool null() { return ++events; }
  bool boolean(bool) { return ++events; }
  bool number_integer(std::int64_t) { return ++events; }
  bool number_unsigned(std::uint64_t) { return ++events; }
  bool number_float(double, const std::string&) { return ++events; }
  bool string(std::string&) { return ++events; }
  bool binary(nlohmann::json::binary_t&) { return ++events; }
  bool start_object(std::size_t) { return ++events; }
  bool key(std::string&) { return ++events; }
  bool end_object() { return ++events; }
  bool start_array(std::size_t) { return ++events; }
  bool end_array() { return ++events; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

// Visits every value under `v` (keys, strings and numbers by their raw tokens), counting them: the
// least an On-Demand reader must do. False if simdjson reports an error.
bool WalkAll(simdjson::ondemand::value v, std::size_t& values) {
  ++values;
  simdjson::ondemand::json_type type;
  if (v.type().get(type)) return false;
  if (type == simdjson::ondemand::json_type::object) {
    simdjson::ondemand::object object;
    if (v.get_object().get(object)) return false;
    for (auto member : object) {
      simdjson::ondemand::field field;
      if (std::move(member).get(field)) return false;
      DoNotOptimize(field.key().raw());
      if (!WalkAll(field.value(), values)) return false;
    }
    return true;
  }
  if (type == simdjson::ondemand::json_type::array) {
    simdjson::ondemand::array array;
    if (v.get_array().get(array)) return false;
    for (auto element : array) {
      simdjson::ondemand::value item;
      if (std::move(element).get(item) || !WalkAll(item, values)) return false;
    }
    return true;
  }
  DoNotOptimize(v.raw_json_token());
  return true;
}

// Copies `text` into a fresh buffer with SIMDJSON_PADDING bytes after it, as the reader does; with
// `huge_pages`, the buffer is 2 MiB-aligned and advised MADV_HUGEPAGE (the reader's choice).
void PadCopy(const std::string& text, bool huge_pages) {
  constexpr std::size_t kHugePage = std::size_t(2) << 20;
  const std::size_t capacity = (text.size() + simdjson::SIMDJSON_PADDING + kHugePage - 1) / kHugePage * kHugePage;
  char* buffer = static_cast<char*>(huge_pages ? std::aligned_alloc(kHugePage, capacity) : std::malloc(capacity));
  if (buffer == nullptr) std::abort();
  if (huge_pages) madvise(buffer, capacity, MADV_HUGEPAGE);
  std::memcpy(buffer, text.data(), text.size());
  std::memset(buffer + text.size(), 0, capacity - text.size());
  DoNotOptimize(buffer[text.size() / 2]);
  std::free(buffer);
}

struct Timing {
  std::vector<double> wall, cpu;
  template <class F>
  void Measure(F&& f) {
    wall.push_back(Seconds(std::forward<F>(f)));
    cpu.push_back(g_last_cpu);
  }
};

void Row(const char* what, const char* name, const Timing& t, const char* baseline_name, const Timing& base) {
  const double w = Median(t.wall), c = Median(t.cpu), bw = Median(base.wall), bc = Median(base.cpu);
  std::printf("%-6s %-43s median %7.3f s wall %7.3f s cpu (%zu runs) | %-29s median %7.3f s wall %7.3f s cpu | "
              "ratio (cpu) %7.2f\n",
              what, name, w, c, t.wall.size(), baseline_name, bw, bc, bc > 0 ? c / bc : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  int dossiers = 1000000, parse_runs = 3, score_runs = 5;
  bool names = true;
  for (int i = 1; i < argc; ++i) {
    auto next = [&](int& out) {
      if (i + 1 < argc) out = std::atoi(argv[++i]);
    };
    if (!std::strcmp(argv[i], "--dossiers")) next(dossiers);
    else if (!std::strcmp(argv[i], "--parse-runs")) next(parse_runs);
    else if (!std::strcmp(argv[i], "--score-runs")) next(score_runs);
    else if (!std::strcmp(argv[i], "--ascii")) names = false;
    else {
      std::fprintf(stderr, "usage: bench_indicators [--dossiers N] [--parse-runs N] [--score-runs N] [--ascii]\n");
      return 2;
    }
  }

  // A month of a large center: 40 units, 400 procedures. Generated once, written to JSON once.
  indicators::testing::GeneratedMonth month;
  const double gen_s = Seconds([&] {
    month = indicators::testing::GenerateMonth(
        {.seed = 766, .dossiers = dossiers, .units = 40, .procedures = 400, .names = names});
  });
  std::string json;
  const double write_s = Seconds([&] { json = dvc::WriteNationalRecords(month.records); });
  const std::vector<indicators::ProcedureFacts> procedures = month.procedures;
  const indicators::Period period = month.period;
  month.records.clear();
  month.records.shrink_to_fit();
  std::printf("bench_indicators: %d dossiers (%s names), JSON %.1f MB in memory; generated in %.2f s, written in %.2f s\n",
              dossiers, names ? "Vietnamese" : "ASCII", double(json.size()) / 1e6, gen_s, write_s);

  // --- parse ---
  Timing parse, lex, walk, huge_copy, small_copy;
  std::vector<dvc::NationalRecord> records;
  for (int r = 0; r < parse_runs; ++r) {
    NullSax sax;
    lex.Measure([&] { nlohmann::json::sax_parse(json.begin(), json.end(), &sax); });
    DoNotOptimize(sax.events);
    {
      const simdjson::padded_string padded(json);
      std::size_t values = 0;
      bool walked = false;
      walk.Measure([&] {
        simdjson::ondemand::parser parser;
        simdjson::ondemand::document doc;
        simdjson::ondemand::array top;
        if (parser.iterate(padded).get(doc) || doc.get_array().get(top)) return;
        walked = true;
        for (auto element : top) {
          simdjson::ondemand::value item;
          if (std::move(element).get(item) || !WalkAll(item, values)) walked = false;
          if (!walked) return;
        }
      });
      if (!walked) {
        std::fprintf(stderr, "simdjson walk failed\n");
        return 1;
      }
      DoNotOptimize(values);
    }
    huge_copy.Measure([&] { PadCopy(json, true); });
    small_copy.Measure([&] { PadCopy(json, false); });
    records.clear();
    records.shrink_to_fit();
    bool ok = true;
    parse.Measure([&] {
      auto parsed = dvc::ParseNationalRecords(json);
      ok = parsed.has_value();
      if (ok) records = std::move(*parsed);
      else std::fprintf(stderr, "parse failed: %s\n", parsed.error().Describe().c_str());
    });
    if (!ok) return 1;
  }
  Row("parse", "BM_ParseNationalRecords_By_SimdjsonOnDemand", parse, "BM_ParseJson_By_NullSax", lex);
  std::printf("       %.0f dossiers/s, %.1f MB/s (cpu)\n", double(records.size()) / Median(parse.cpu),
              double(json.size()) / 1e6 / Median(parse.cpu));
  Row("parse", "BM_ParseJson_By_SimdjsonWalk", walk, "BM_ParseJson_By_NullSax", lex);
  Row("copy", "BM_PadCopy_By_HugePages", huge_copy, "BM_PadCopy_By_SmallPages", small_copy);
  json.clear();
  json.shrink_to_fit();

  // --- score ---
  const Instant start = Instant{period.from.time_since_epoch() - kVietnamUtcOffset};
  const Instant end = Instant{(period.to + std::chrono::days{1}).time_since_epoch() - kVietnamUtcOffset};
  Timing count;
  std::size_t counted = 0;
  for (int r = 0; r < score_runs; ++r) {
    count.Measure([&] {
      std::size_t n = 0;
      for (const auto& rec : records) n += rec.received_at && *rec.received_at >= start && *rec.received_at < end;
      counted = n;
    });
    DoNotOptimize(counted);
  }

  struct Variant {
    const char* name;
    indicators::Grouping grouping;
    bool losses;
  };
  // The first variant leaves out the lists of dossiers behind each lost point, to show their cost.
  const Variant variants[] = {{"BM_Score_By_Center_NoLosses", indicators::Grouping::kCenter, false},
                              {"BM_Score_By_Center", indicators::Grouping::kCenter, true},
                              {"BM_Score_By_Unit", indicators::Grouping::kUnit, true},
                              {"BM_Score_By_Procedure", indicators::Grouping::kProcedure, true}};
  double center_total = 0;
  Timing center;
  for (const Variant& v : variants) {
    indicators::ScoreInput in;
    in.records = &records;
    in.procedures = procedures;
    in.pakn_by_unit = month.pakn_by_unit;
    in.period = period;
    in.grouping = v.grouping;
    in.settings.collect_losses = v.losses;
    Timing t;
    for (int r = 0; r < score_runs; ++r) {
      t.Measure([&] {
        auto report = indicators::Score(in);
        if (!report) {
          std::fprintf(stderr, "score failed: %s\n", report.error().Describe().c_str());
          std::exit(1);
        }
        if (v.grouping == indicators::Grouping::kCenter) center_total = report->center.total_points;
        DoNotOptimize(report->center.total_points);
      });
    }
    Row("score", v.name, t, "BM_CountRecords_By_SinglePass", count);
    if (v.grouping == indicators::Grouping::kCenter && v.losses) center = t;
  }
  std::printf("       %zu records, %zu received in the period; center total %.2f / 100\n", records.size(), counted,
              center_total);
  std::printf("total  read + BM_Score_By_Center                       median %7.3f s wall %7.3f s cpu (target <= 5 s)\n",
              Median(parse.wall) + Median(center.wall), Median(parse.cpu) + Median(center.cpu));
  return 0;
}
