// What lost the 766 points, as lists a supervisor can act on (issue 6, score card): the work to do
// today behind each lost point, the monthly trend, the comparison between units, the public list of
// officers with late dossiers and the table of commune results (LEGAL: Tuyên Quang People's
// Committee directive of 03/2024, items 1.2 and 8.2: publish the officers who let TTHC run late and
// the communes' results; docs/directive-tuyen-quang-2024.txt).
//
// Everything here reads a ScoreReport (indicators/scorer.h), the national records its losses point
// into, and the store (dossiers for their current state, due date, apology and steps). Nothing here
// writes, and nothing reads the clock: "now" is a parameter.
//
// Points at stake (PointsPerDossier). For each indicator the estimate is the change in the card's
// points if ONE more dossier of the indicator's denominator met its rule (numerator + 1, same
// denominator), under the formula the scorer applies: max × min(1, ratio ÷ full_at), with full_at
// 1 for the linear indicators (so max ÷ denominator per dossier), 0.9 for 5.4, the setting for 4.2,
// 4.3 and 3.3, and for 3.3 the online share multiplied by the sync rate. It is 0 once an indicator is
// at full points or has no score. A work item adds the estimates of the indicators its action
// improves; interactions are ignored (4.2 needs both the papers and, for a paper-result procedure, the
// result, so scanning the papers of a dossier that also lacks its result gains less than shown). The
// points are the UNIT's card (points_unit) and the center's (points_center), unrounded.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/working_calendar.h"
#include "catalog/procedure.h"
#include "common/result.h"
#include "common/time.h"
#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "dvc/national_record.h"
#include "indicators/scorer.h"
#include "store/store.h"
#include "workflow/desk.h"

namespace motcua::reports {

// What every list reads. Not owning.
struct Sources {
  const indicators::ScoreReport* report = nullptr;            // required; Grouping::kUnit gives per-unit
                                                              //   lists, kCenter one list for the center
  const std::vector<dvc::NationalRecord>* records = nullptr;  // required: the records the losses index
  store::Store* store = nullptr;                              // required: dossiers as they are now
  const calendar::WorkingCalendar* calendar = nullptr;        // required by BuildWorkToday (urgency)
};

// ---------------------------------------------------------------------------------------------
// Points per dossier (see the file comment).

// The change in `card`'s points for indicator `id` if its numerator moved by `delta` (+1: one more
// dossier meets the rule; -1: one fewer), clamped to [0, denominator]. Positive for +1, negative or 0
// for -1. 0 for a tracking indicator, a null score or an empty denominator.
double PointsPerDossier(const indicators::ScoreCard& card, indicators::IndicatorId id,
                        const indicators::ScoringSettings& settings, int delta = +1);
// The same for one more synced dossier: 1.4 rises, and so does 3.3 when it is multiplied by the sync
// rate (ScoringSettings::online_share_times_sync_rate).
double PointsPerSyncedDossier(const indicators::ScoreCard& card, const indicators::ScoringSettings& settings);

// ---------------------------------------------------------------------------------------------
// Work to do today.

enum class WorkKind {
  kDueSoon,                // not finished, due today or by the end of the next working day
  kOverdueNoApology,       // not finished, past its due time, no apology (Mẫu 04) issued
  kComponentsNotDigitized, // 4.2: a submitted paper has no scan
  kResultNotDigitized,     // 4.1: done or returned without an electronic result
  kNotSynced,              // 1.4: not on the Cổng DVCQG yet
  kFeeNotPaidOnline,       // 3.6: a fee not paid online
  kUnsatisfiedRating,      // 5.4: rated "không hài lòng"
};
inline constexpr int kWorkKindCount = 7;
const char* WorkKindKey(WorkKind kind);  // "due_soon", "overdue_no_apology", "components_not_digitized",
                                         // "result_not_digitized", "not_synced", "fee_not_paid_online",
                                         // "unsatisfied_rating"

// What to do about an item. Keys for the apps' string tables; ActionTextVi gives the Vietnamese.
enum class WorkAction {
  kFinishBeforeDue,      // finish it, or apologise at least one working day before the due date
  kApologizeAndFinish,   // issue the apology and new date (Mẫu 04) now, and finish
  kScanComponents,       // scan the papers listed in `detail`
  kAttachResult,         // attach the digitized (e-signed) result
  kNothingToRecover,     // closed: nothing can be attached any more; learn for the next ones
  kSync,                 // get it synced (check the sync queue)
  kGuideOnlinePayment,   // guide the applicant to pay online (VietQR / Cổng DVCQG)
  kPaidAtCounter,        // already paid at the counter: guide online payment next time
  kContactApplicant,     // call the applicant, find out why, put it right
};
const char* WorkActionKey(WorkAction action);  // "finish_before_due", ... (the apps' string keys)

struct WorkItem {
  WorkKind kind = WorkKind::kDueSoon;
  WorkAction action = WorkAction::kFinishBeforeDue;
  std::string dossier_code;
  std::string applicant_name;   // as stored: the counter is an officers' screen; never publish it
  std::string procedure_code;
  std::string procedure_name;
  std::string unit;             // the unit key the item is listed under
  std::optional<dossier::State> state;  // the dossier's state now (nullopt: not in the store)
  std::optional<Instant> due_at;        // the current due instant (after an apology), if any
  std::optional<Instant> judged_due_at; // the due instant 766 judges against (the synced NgayHenTra)
  std::string detail;           // Vietnamese: the papers not scanned, the fee amount, ...
  std::vector<indicators::IndicatorId> indicators;  // the indicators the action improves
  double points_unit = 0;       // the unit card's points at stake (see the file comment)
  double points_center = 0;     // the center card's points at stake
  bool recoverable = false;     // acting now can still win or keep these points
  std::optional<std::uint32_t> record_index;  // into *Sources::records when the dossier is in the report
};

struct UnitWork {
  std::string unit;    // the unit key; "" for the center when the report is not by unit
  std::string label;   // display name
  bool has_card = false;  // the report has a card for the unit (it received dossiers in the period)
  std::vector<WorkItem> items;  // by kind (WorkKind order), then due instant, then code
  std::array<int, kWorkKindCount> counts{};
  double recoverable_points_unit = 0;  // sum over recoverable items
};

struct WorkToday {
  Instant now{};
  indicators::Period period;
  std::vector<UnitWork> units;  // sorted by unit key
};

struct WorkOptions {
  std::string unit;  // "" = every unit (default)
};

// Builds the lists.
//   kDueSoon and kOverdueNoApology come from the store: every dossier not finished and not waiting for
//     a supplement, classified by workflow::ClassifyUrgency against its CURRENT due instant, whatever
//     month it was received in. kDueSoon is kDueToday or kDueWithinOneWorkingDay (due by the end of
//     the next working day: the counter work list's "sắp đến hạn"), so a supervisor sees on Thursday
//     what falls due on Friday while it can still be finished or apologised for a day ahead. Their points are counted only when the dossier is in the report's
//     2.1 population. An overdue dossier's points are already lost (766 judges the synced due date,
//     which an apology does not move), so it is not recoverable: the apology is owed by law (LEGAL:
//     NĐ 61/2018 Art. 19.9).
//   The other kinds come from the report's losses of the unit's card: 4.2 (kComponentNotDigitized),
//     4.1 for dossiers done or returned (an unfinished dossier has no result to digitize yet), 1.4,
//     3.6, and 5.4 for dossiers whose record is flagged rating_unsatisfied.
// Errors: kInvalid "sources"/"required" for a missing source; the store's.
Result<WorkToday> BuildWorkToday(const Sources& sources, Instant now, const WorkOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Officers with late dossiers (public: codes, procedures and officers; no applicant name or ID).
//
// The late dossiers are 2.1's losses on the center card (one rule for every unit). The officer
// responsible for one of them is whoever HELD it at the reference instant T:
//   T = the due instant judged (the synced NgayHenTra) for a dossier finished late or still open past
//       it (and for a pending supplement requested after it); T = the instant of the supplement request
//       that exceeded the allowed count for kTooManySupplements; T = the end of processing (or, if
//       open, the last step) when the dossier had no due date.
//   The holder is the actor of the last processing step at or before T (steps record who acted and
//   after each step the dossier stays with that actor) with one exception: a step that handed the
//   dossier to a processing unit (state "transferred") leaves it with nobody, so the officer who next
//   acted on it is responsible (he took it over late); if nobody has yet, the officer is "" and the
//   list says "chưa phân công" under the unit. Why: once handed over, the desk officer can no longer
//   act on it; until an officer of the unit takes it up, only the unit (its head) is accountable, and
//   the officer who took it up after T is the first person who held it while it ran late.
enum class ResponsibleBasis {
  kHeldAtDue,            // the last step at or before T
  kTookOverAfterHandover,// the first step after a handover that preceded T
  kUnassigned,           // handed over and never taken up
  kNoSteps,              // the dossier has no steps (or is not in the store)
};
const char* ResponsibleBasisKey(ResponsibleBasis basis);

struct Responsible {
  std::string officer;  // user name; "" when unassigned
  ResponsibleBasis basis = ResponsibleBasis::kNoSteps;
  std::optional<Instant> step_at;  // the step that decided it
};
// The rule above for one dossier and reference instant.
Responsible ResponsibleAt(const dossier::Dossier& d, Instant reference);
// The reference instant T for a late record (the 2.1 verdict's reason and the record's dates).
std::optional<Instant> LateReferenceInstant(const dvc::NationalRecord& record, indicators::LossReason reason,
                                            const indicators::ScoringSettings& settings);

struct LateDossier {
  std::string dossier_code;
  std::string procedure_code;
  std::string procedure_name;
  std::string unit;
  std::optional<Instant> due_at;  // the due instant judged (synced NgayHenTra)
  std::optional<Instant> end_at;  // when processing ended; nullopt = still open
  indicators::LossReason reason = indicators::LossReason::kOverdue;
  Responsible responsible;
};

struct OfficerLate {
  std::string unit;
  std::string officer;       // user name; "" = not assigned
  std::string officer_name;  // display name from the account, else the user name
  std::int64_t late = 0;     // late dossiers
  std::vector<std::string> dossier_codes;  // sorted
};

struct LateOfficers {
  indicators::Period period;
  std::vector<OfficerLate> rows;      // by unit, then late count (most first), then officer
  std::vector<LateDossier> dossiers;  // by unit, officer, code
  std::int64_t not_yet_late = 0;      // 2.1 losses left out because their reference instant is after `now`
};

struct OfficerOptions {
  std::string unit;                                      // "" = every unit
  std::map<std::string, std::string> officer_names;      // user name -> display name (LoadOfficerNames)
  // The month in progress is judged at its end, so 2.1 counts an open dossier due later this month as
  // late already. A public list must not name anyone for that: with `now`, a loss whose reference
  // instant is after `now` is left out (counted in not_yet_late). nullopt: every loss (a past period).
  std::optional<Instant> now;
};
// Errors: kInvalid "sources"/"required"; the store's.
Result<LateOfficers> BuildLateOfficers(const Sources& sources, const OfficerOptions& options = {});

// Display names of the officer accounts (records of kind "user", field "display_name"; auth/accounts.h).
// Accounts that do not parse are skipped: a name is a nicety here, never a reason to fail a report.
Result<std::map<std::string, std::string>> LoadOfficerNames(store::Store& store);

// ---------------------------------------------------------------------------------------------
// Unit comparison and the commune table.

struct UnitRow {
  int rank = 0;              // 1 = best total; equal totals share a rank (1, 2, 2, 4)
  std::string unit;
  std::string label;
  std::int64_t dossiers = 0;
  double total = 0;          // of 100
  double lost = 0;           // 100 − total
  std::array<double, indicators::kGroupCount> groups{};     // points per group
  std::array<double, indicators::kGroupCount> group_max{};  // the groups' maxima
  std::int64_t late = 0;     // 2.1 losses
};
// Every unit card of a kUnit report, ranked. Empty for other groupings.
std::vector<UnitRow> CompareUnits(const indicators::ScoreReport& report);

// How a unit is known to be a commune (cấp xã). kSetting: listed in the setting "reports.commune_units"
// (unit keys separated by ';' or new lines). kCatalog, when that setting is absent: every procedure of
// the unit's dossiers in the period has catalog level kCommune or kBoth, and at least one kCommune
// (a unit with only kBoth procedures could be a department as well).
enum class CommuneRule { kSetting, kCatalog };
inline constexpr const char* kCommuneUnitsSetting = "reports.commune_units";
struct CommuneTable {
  indicators::Period period;
  CommuneRule rule = CommuneRule::kCatalog;
  std::vector<UnitRow> rows;  // the communes, ranked among themselves
};
// `commune_units` empty: the catalog rule. Units not in the report (no dossiers in the period) are not
// listed.
CommuneTable BuildCommuneTable(const indicators::ScoreReport& report, const std::vector<dvc::NationalRecord>& records,
                               const std::vector<catalog::Procedure>& procedures,
                               const std::vector<std::string>& commune_units);
// The setting, split and trimmed; empty when unset.
Result<std::vector<std::string>> LoadCommuneUnits(store::Store& store);

// ---------------------------------------------------------------------------------------------
// Monthly trend.

struct MonthScore {
  int year = 0;
  unsigned month = 0;
  bool has_data = false;     // a card existed (dossiers received that month)
  std::int64_t dossiers = 0;
  double total = 0;
  std::array<double, indicators::kGroupCount> groups{};
};
struct UnitTrend {
  std::string unit;
  std::string label;
  std::vector<MonthScore> months;  // parallel to TrendReport::center
};
struct TrendReport {
  std::vector<MonthScore> center;  // oldest first
  std::vector<UnitTrend> units;    // sorted by unit key; units seen in any month
};

// PAKN counts per month key "YYYY-MM" (scoring::LoadPaknCounts gives them for the store).
struct MonthPakn {
  std::optional<indicators::PaknCounts> center;
  std::map<std::string, indicators::PaknCounts> by_unit;
};
// Scores `months` months ending with (last_year, last_month), by unit, from one set of records:
// `base` supplies the records, procedures, working days and settings; its period, grouping and PAKN
// are replaced per month (losses are not collected). Errors: kInvalid "months"/"out_of_range" outside
// 1..60; the scorer's.
Result<TrendReport> BuildTrend(const indicators::ScoreInput& base, int last_year, unsigned last_month, int months,
                               const std::map<std::string, MonthPakn>& pakn = {});

// The trend of a store: its records loaded once (up to the end of the last month), its catalog, the
// calendar's working days and each month's PAKN counts (scoring/store_scoring.h).
Result<TrendReport> BuildStoreTrend(store::Store& store, const dossier::StatusMap& status_map,
                                    const calendar::WorkingCalendar& calendar, int last_year, unsigned last_month,
                                    int months, const indicators::ScoringSettings& settings = {});

std::string MonthKey(int year, unsigned month);  // "2026-08"

}  // namespace motcua::reports
