// JSON for the scorer: the procedure-facts file the CLI reads with --procedures, and the score report
// it prints with --json (also what the score card and exports consume).
//
// Procedure facts file: a JSON array of objects with snake_case keys (our own format, not the
// national contract), every key but "code" optional:
//   {"code": "1.001193", "name": "...",
//    "announced_on": "2026-07-01", "legal_effective_on": "2026-07-15", "publicized_on": "2026-07-03",
//    "content_complete": true, "online_level": "none" | "partial" | "full", "full_online_eligible": false,
//    "has_fee": true, "paper_result_required": true, "citizen_subject": true,
//    "max_duration": "3wd" (calendar/duration.h text form), "unit_codes": ["STP", "SXD"]}
// Dates are Vietnam civil dates, YYYY-MM-DD. Unknown keys are ignored.
// Errors (kInvalid; field "procedures[i].<key>"): "bad_json", "not_an_array", "not_an_object",
// "bad_type", "bad_date", "bad_online_level", "bad_duration", "required" (code), "duplicate" (code).
//
// Report JSON: {"period": {"from", "to"}, "grouping": "center" | "unit" | "procedure",
//   "settings": {NAME: VALUE, ...}, "center": CARD, "breakdown": [CARD, ...]}, where
//   CARD = {"key", "label", "dossiers", "points", "max",
//           "groups": [{"key", "name", "points", "max"}],
//           "indicators": [{"code", "metric_code", "name", "group", "numerator", "denominator",
//                           "ratio" (0..1 or null), "points" (or null), "max", "note",
//                           "losing_count", "losing_dossiers": [{"dossier_code", "reason"}],
//                           "losing_procedures": [{"procedure_code", "reason"}]}]}
// Counts known outside the dossiers (CLI --counts FILE): PAKN from the Cổng DVCQG PAKN system and
// the communes offering e-certified copies, every key optional:
//   {"pakn": {"total": 247, "on_time": 182, "satisfied": 137, "about_procedures": 179, "about_staff": 62},
//    "pakn_by_unit": {"STP": {"total": 0}},
//    "certified_copies": {"communes_offering": 7, "communes_total": 9},
//    "national_report_received": 2300, "prior_year_received_total": 26000}
// Errors (kInvalid): "counts"/"bad_json" | "not_an_object"; "counts.<path>"/"bad_type" for a count that
// is not a whole number >= 0. (Consistency, e.g. on_time <= total, is checked by Score.)
//
// losing_dossiers lists at most ReportJsonOptions::max_losses_listed entries (losing_count says how
// many there are); losing_procedures are all listed.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "dvc/national_record.h"
#include "indicators/scorer.h"

namespace motcua::indicators {

Result<std::vector<ProcedureFacts>> ParseProcedureFacts(std::string_view json);

struct OutsideCounts {
  std::optional<PaknCounts> center_pakn;
  std::map<std::string, PaknCounts> pakn_by_unit;
  std::optional<CertifiedCopyCounts> certified_copies;
  std::optional<std::int64_t> national_report_received;   // 1.4, see ScoreInput
  std::optional<std::int64_t> prior_year_received_total;  // 1.4, see ScoreInput
};
Result<OutsideCounts> ParseOutsideCounts(std::string_view json);
std::string WriteProcedureFacts(const std::vector<ProcedureFacts>& procedures);

// The named settings of ScoringSettings as text, for the CLI (--setting NAME=VALUE) and the report's
// "settings" object. NAME is the field name; VALUE is, by type:
//   enums     the enumerator without its k, in snake_case ("received_or_open", "split_to_52_and_54");
//   ZeroDenominator  "no_score" | "zero" | "full";
//   booleans  "true" | "false";  integers and thresholds  decimal text;
//   population_db_codes  a comma-separated list ("7" or "7,DC").
// Errors: kInvalid "setting"/"unknown_setting" (detail lists the names), "setting.NAME"/"bad_value"
// (detail lists the accepted values or range).
Status ApplySetting(ScoringSettings& settings, std::string_view name, std::string_view value);
std::vector<std::string> SettingNames();
std::string SettingsToJson(const ScoringSettings& settings);  // {"progress_population": "received_in_period", ...}

struct ReportJsonOptions {
  std::size_t max_losses_listed = 0;  // dossier codes listed per indicator (default: 0, counts only)
  bool pretty = false;                // indented output (default: false)
};
// `records` must be the vector the report was scored from (loss indices point into it).
std::string ReportToJson(const ScoreReport& report, const std::vector<dvc::NationalRecord>& records,
                         const ReportJsonOptions& options = {});

const char* GroupingKey(Grouping grouping);  // "center", "unit", "procedure"

}  // namespace motcua::indicators
