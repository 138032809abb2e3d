// A seeded month of a center's activity, made through the real desk (workflow::Receive, Apply,
// IssueApology, AttachComponentFile, RecordResult) and rating module into a real SQLite store, for the
// reports' tests, the CLI test and the score card view's test.
//
// The center: two communes (UBND xã Minh Xuân, UBND phường Phan Thiết: 1.004222 and the fictional
// 9.999001, both commune-level in the catalog) and one department (Sở Tư pháp: the fictional province-
// level 9.999003 with a fee). Officers: two at the one-stop desk (tn.an, tn.binh) and one per unit
// (xl.minhxuan, xl.phanthiet, xl.tuphap), with accounts and display names. "Now" is Thursday
// 2026-08-27 10:00 (the next working day is Friday 28; Saturday 22 was a make-up working day and Monday
// 31 a swapped day off, assets/calendar/vn-2026.json). July 2026 has a few dossiers, all returned on
// time, for the trend.
//
// For each dossier the generator records what it DID (DossierTruth): whether the papers and the result
// were scanned, who held it when, whether it was finished, late, paused, paid online, re-dated, rated
// unsatisfied. The tests count the expected lists from these truths with plain loops; nothing here
// calls the scorer or the reports.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dossier/lifecycle.h"
#include "support/fixtures.h"

namespace motcua::reports::testing {

inline constexpr const char* kMinhXuan = "UBND xã Minh Xuân";
inline constexpr const char* kPhanThiet = "UBND phường Phan Thiết";
inline constexpr const char* kTuPhap = "Sở Tư pháp";

enum class Hold {
  kUnitOfficer,    // transferred, then taken up by the unit's officer at once
  kLateTakeover,   // transferred, taken up only after the due time (if before now)
  kDesk,           // never transferred: the desk officer holds it
  kHandedOver,     // transferred and never taken up
};

struct DossierTruth {
  std::string code;
  std::string unit;
  std::string procedure_code;
  std::string applicant_name;
  bool in_august = false;
  Hold hold = Hold::kUnitOfficer;
  bool components_digitized = false;
  bool result_digitized = false;
  bool fee = false;          // the procedure has a fee
  bool paid = false;         // the fee was paid (online or at the counter)
  bool paid_online = false;  // paid through the portal or the provincial gateway
  bool finished = false;     // marked done (and maybe returned)
  bool returned = false;
  bool paused = false;       // a supplement request is pending
  bool apology = false;
  bool rated = false;
  bool unsatisfied = false;
  Instant received_at{};
  std::optional<Instant> original_due_at;
  std::optional<Instant> current_due_at;   // after an apology
  std::optional<Instant> finished_at;
  bool late_now = false;             // finished after the due time, or open and past it at "now"
  std::string expected_officer;      // for a late dossier: who held it (ResponsibleAt's rule); "" = nobody
};

struct SeedOptions {
  std::uint64_t seed = 766;
  int august_dossiers = 420;
  int july_dossiers = 30;
};

struct SeededCenter {
  std::unique_ptr<motcua::testing::TestDesk> t;
  dossier::StatusMap status_map;
  Instant now{};
  std::vector<DossierTruth> truth;
  std::vector<std::string> units;  // sorted
};

// Builds the center in `dir` (the database is dir/motcua.db). Fails the calling test on any error.
std::unique_ptr<SeededCenter> SeedCenter(const std::filesystem::path& dir, const SeedOptions& options = {});

// The officers' display names the generator gave their accounts.
std::string DisplayName(const std::string& user);

}  // namespace motcua::reports::testing
