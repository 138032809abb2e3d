// The 766 rules as data: groups, indicators, maxima and thresholds, one version per period they apply
// to, read from assets/rules/766.json (architecture.md rule 4: law is data). The scorer computes each
// indicator's ratio in code (what counts is the portal's business logic, domain.md §1.2); how many points a
// ratio earns, and out of how many, is here. A rule change for a new period is a new version in the asset
// and a test, not a code change.
//
// Format (format 1; assets/rules/README.md):
//   {"format": 1, "versions": [{"id", "applies_from": "YYYY-MM-DD", "applies_to": "YYYY-MM-DD" | null,
//     "source", "groups": [{"key", "max", "rounded": "per_indicator" (default) | "once"}],
//     "indicators": [{"code", "group", "metric_code"?, "name", "max", "full_at"? (default 1),
//                     "alternative_to"? (the code it replaces when a setting chooses it)}]}]}
//   Keys starting with "why" or "about", and "source", are notes for people and are not read.
//
// Checked on load (kInvalid, field names the place, e.g. "versions[0].indicators[8].full_at"):
//   "bad_json", "bad_format"          not JSON, or not format 1
//   "unknown_indicator" / "duplicate" / "missing"   every indicator code the scorer knows, once
//   "unknown_group" / "wrong_group"   a group key the scorer does not know, or an indicator in another group
//   "out_of_range"                    a maximum < 0, full_at outside (0, 1], a group max <= 0
//   "sums_differ"                     a group's maximum is not the sum of its indicators' (alternatives
//                                     not counted), or the groups do not sum to 100
//   "bad_date" / "overlap" / "gap"    applies_from/to malformed; versions overlapping or leaving a gap
//                                     (sorted by applies_from; only the last may be open-ended)
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::indicators {

enum class IndicatorGroup {
  kPublicity,     // 1 Công khai, minh bạch
  kProgress,      // 2 Tiến độ giải quyết
  kOnline,        // 3 Dịch vụ công trực tuyến
  kPayment,       // 3 Thanh toán trực tuyến
  kDigitization,  // 4 Số hóa hồ sơ
  kSatisfaction,  // 5 Mức độ hài lòng
};
inline constexpr int kGroupCount = 6;
const char* GroupKey(IndicatorGroup group);  // "publicity", "progress", ... (JSON, the apps' string keys)

enum class IndicatorId {
  k1_1, k1_2, k1_3, k1_4,
  k2_1, k2_2,
  k3_1, k3_2, k3_3, k3_4,
  k3_5, k3_5b, k3_6,
  k4_1, k4_2, k4_6, k4_3, k4_4, k4_5a, k4_5b,
  k5_1a, k5_1b, k5_2, k5_3, k5_4,
};
inline constexpr int kIndicatorCount = 25;
const char* IndicatorCode(IndicatorId id);  // "1.1", "3.5b", ...

struct IndicatorRule {
  IndicatorId id = IndicatorId::k1_1;
  IndicatorGroup group = IndicatorGroup::kPublicity;
  std::string code;         // "2.1"
  std::string metric_code;  // the API's code, "" if none
  std::string name;         // Vietnamese, as the portal shows it
  double max_points = 0;    // 0 = tracking only
  double full_at = 1.0;     // the ratio that earns max_points; in (0, 1]
  std::optional<IndicatorId> alternative_to;  // scored instead of that one when a setting says so
};

struct GroupRule {
  IndicatorGroup group = IndicatorGroup::kPublicity;
  double max_points = 0;
  bool rounded_once = false;  // the group's points are its indicators' unrounded points summed, rounded
                              //   once (payment); otherwise the sum of the rounded indicator points
};

// One version of the rules.
struct RuleSet {
  std::string id;  // "766-api-2026"
  LocalDate applies_from{};
  std::optional<LocalDate> applies_to;  // nullopt = still in force
  std::array<IndicatorRule, kIndicatorCount> indicators;  // in IndicatorId order
  std::array<GroupRule, kGroupCount> groups;              // in IndicatorGroup order
  double total_max = 100;

  const IndicatorRule& Get(IndicatorId id) const { return indicators[static_cast<int>(id)]; }
  const GroupRule& Group(IndicatorGroup g) const { return groups[static_cast<int>(g)]; }
  bool AppliesOn(LocalDate day) const { return day >= applies_from && (!applies_to || day <= *applies_to); }
};

// Every version, sorted by applies_from.
struct RuleBook {
  std::vector<std::shared_ptr<const RuleSet>> versions;

  // The version in force on `day` (a period is scored by the rules in force on its first day). Errors:
  // kNotFound/"no_rules" on "period" when no version covers the day.
  Result<std::shared_ptr<const RuleSet>> For(LocalDate day) const;
};

// Parses and checks a rule book (errors: see the file comment).
Result<RuleBook> ParseRuleBook(std::string_view json);
// Reads and parses a file. Errors: kNotFound/"no_file" on "rules", and those of ParseRuleBook.
Result<RuleBook> LoadRuleBook(const std::filesystem::path& path);
// The rule book built in: assets/rules/766.json as it was at build time (embedded by CMake), for callers
// that are given no file. Parsed once; a built-in book that fails its own checks is a build defect and
// aborts with the error (a test parses the asset too).
const RuleBook& BuiltInRules();

// The points a ratio earns under an indicator's rule: max_points × min(1, max(0, ratio) / full_at),
// unrounded (RoundPoints rounds). The one formula behind the scorer, the reports' per-dossier points and
// the exports.
double PointsFor(double max_points, double full_at, double ratio);
inline double PointsFor(const IndicatorRule& rule, double ratio) { return PointsFor(rule.max_points, rule.full_at, ratio); }

// Half away from zero to 2 decimals, robust to binary noise (6.685 → 6.69).
double RoundPoints(double points);

}  // namespace motcua::indicators
