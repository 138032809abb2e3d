// A seeded generator of one month of a center's activity, for the scorer's tests and benchmark.
//
// It draws dossiers for several units and procedures with realistic mixes (channels, supplements,
// lateness, digitization, payments, ratings, sync gaps, records outside the period) and, for each
// dossier, records what it MEANT to generate (DossierTruth): on time or not, online, paid, ... The
// outcome is decided first and the dates are then built to realise it with clear margins, so the
// truths do not depend on the scorer's own arithmetic; the tests count them with plain loops and
// compare with the scorer's numerators and denominators.
//
// Deterministic: SplitMix64 and integer arithmetic only (std:: distributions differ between standard
// libraries), so a seed gives the same month everywhere.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dvc/national_record.h"
#include "indicators/scorer.h"

namespace motcua::indicators::testing {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next();
  int Below(int n);                 // uniform in [0, n)
  int Between(int lo, int hi);      // uniform in [lo, hi]
  bool Chance(int percent);         // true with probability percent / 100
 private:
  std::uint64_t state_;
};

struct GeneratorOptions {
  std::uint64_t seed = 766;
  int year = 2026;
  unsigned month = 8;
  int dossiers = 4000;     // records drawn (about 90% fall in the period's population)
  int units = 5;           // processing units
  int procedures = 24;     // catalog procedures
  bool names = true;       // realistic Vietnamese names (false: short ASCII, for the benchmark)
};

// What the generator meant each record to be.
struct DossierTruth {
  std::string unit;              // the unit key
  int procedure = -1;            // index into GeneratedMonth::procedures
  bool in_population = false;    // received in the period and not status 1 / 3
  bool seen_in_period = false;   // received (or, if never received, submitted) in the period
  bool on_time = false;          // 2.1
  bool synced = false;           // 1.4
  bool online = false;           // KenhThucHien == 2
  bool online_counts = false;    // 3.3 numerator (paper-result rule applied)
  bool full_online_eligible = false, full_online = false;  // 3.4
  bool any_fee_line = false;     // a synced fee line with Gia != 0
  bool fee_obligation = false;   // 3.6 denominator
  bool paid_online = false;      // DuocThanhToanTrucTuyen 1 or 2
  bool eresult = false;          // an electronic result link (4.1)
  bool digitized = false;        // 4.2
  bool reused = false;           // 4.3 (default evidence)
  bool from_store = false;       // 4.4
  bool citizen_data = false;     // 4.5b (default settings: no population DB codes)
  bool unsatisfied = false, pakn = false;  // 5.4
  const char* scenario = "";     // the timeliness scenario drawn, for failure messages
};

// What the generator meant each procedure to be, for group 1.
struct ProcedureTruth {
  bool announced_in_period = false;
  bool announced_on_time = false;      // 1.1 (only with a legal effective date)
  bool has_legal_date = false;
  bool publicize_in_population = false;  // 1.2
  bool publicized_on_time = false;
};

struct GeneratedMonth {
  Period period;
  std::vector<dvc::NationalRecord> records;
  std::vector<ProcedureFacts> procedures;
  std::map<std::string, PaknCounts> pakn_by_unit;
  CertifiedCopyCounts certified_copies;
  std::vector<std::string> unit_keys;
  std::vector<DossierTruth> truth;          // parallel to records
  std::vector<ProcedureTruth> procedure_truth;  // parallel to procedures
};

GeneratedMonth GenerateMonth(const GeneratorOptions& options = {});

}  // namespace motcua::indicators::testing
