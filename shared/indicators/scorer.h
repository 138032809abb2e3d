// The Decision 766 scorer (Bộ chỉ số 766, QĐ 766/QĐ-TTg of 23/6/2022), computed at the source over
// dossier records in the national sync shape (dvc/national_record.h), procedure-level facts from the
// catalog, and PAKN counts where known. Everything it knows of the portal is in domain.md §1.
//
// What it computes. For a period (month, quarter, year or from-to, in Vietnam dates) and a grouping
// (the whole center, each processing unit, each procedure): every indicator of domain.md §1.2 that the
// data allows, each with numerator, denominator, ratio, points and maximum, the group totals and the
// total out of 100, plus, for each indicator, the dossiers (or procedures) that cost points and why.
//
//   group (max)                      indicators (max points)
//   1 Công khai, minh bạch (18)      1.1 (6) 1.2 (4) 1.3 (2) 1.4 (6)
//   2 Tiến độ giải quyết (20)        2.1 (20); 2.2 tracking
//   3 Dịch vụ công trực tuyến (12)   3.3 (12) or 3.4 (12), by ScoringSettings::online_group; 3.1, 3.2 tracking
//   3 Thanh toán trực tuyến (10)     3.5 (2) 3.5b (2) 3.6 (6)
//   4 Số hóa hồ sơ (22)              4.1 (6) 4.2 (4) 4.6 (2) 4.3 (2) 4.4 (4) 4.5a (2) 4.5b (2)
//   5 Mức độ hài lòng (18)           5.2 (6) 5.3 (6) 5.4 (6); 5.1a, 5.1b tracking
//   The names, maxima and full-points thresholds are data: the rule book (rules.h, assets/rules/766.json),
//   whose version in force on the period's first day is used. Codes 3.4 and 4.6 are ours: the portal
//   description has no row for the 2026 "toàn trình" metric or for ELECTRONIC_CERTIFIED_COPY.
//
// Common rules (domain.md §1.2 "Common rules"):
//   - Points are computed from the raw counts and rounded only at the end, half away from zero, to
//     2 decimals. Ratios are never rounded (a scorer that rounds the ratio first is off by 0.01).
//   - Which dossiers count: those with NgayTiepNhan in the period (the portal's denominators of 2.1,
//     4.x and 5.4 are the same number for every unit in QD766's 08/2026 fixtures, and 4.3 says "hồ sơ
//     có ngày tiếp nhận trong kỳ"), excluding TrangThaiHoSo 1 (only registered) and 3 (not received).
//   - Every point where the sources disagree is a named field of ScoringSettings whose default is the
//     portal's observed behaviour; each field cites its source.
//   - "No score" (the portal's null) is std::nullopt points. How a null enters a group total is a
//     setting (default: it adds nothing, and the group maximum stays).
//
// Invariants of a ScoreReport (tested): 0 <= points <= max for every indicator (and group, and the
// total <= 100); numerator <= denominator; ratio == numerator / denominator when denominator > 0;
// turning a late dossier on-time never lowers any score.
//
// The core never reads the clock: "now" is only what ScoreInput says. Times are UTC Instants; the
// period and the working-day rules are in Vietnam civil dates.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/duration.h"
#include "common/result.h"
#include "common/time.h"
#include "dvc/national_record.h"
#include "indicators/rules.h"

namespace motcua::indicators {

// ---------------------------------------------------------------------------------------------
// Inputs.

// What the catalog knows of one procedure (TTHC). Everything is optional: an indicator that needs a
// missing fact leaves that procedure out and says so in its note.
struct ProcedureFacts {
  std::string code;                            // MaTTHC, e.g. "1.001193"; unique within the input
  std::string name;                            // for display
  // Publicity (group 1).
  std::optional<LocalDate> announced_on;       // date of the Quyết định công bố (QĐCB)
  std::optional<LocalDate> legal_effective_on; // latest effective date of its legal basis
  std::optional<LocalDate> publicized_on;      // the "Công khai" click on the CSDL QG về TTHC
  std::optional<bool> content_complete;        // the published record has all the parts of NĐ 63/2010
                                               //   Art. 8.2 (name, steps, method, components, deadline,
                                               //   subject, agency); nullopt = not checked
  // Online service (group 3).
  enum class OnlineLevel { kNone, kPartial, kFull };
  OnlineLevel online_level = OnlineLevel::kNone;   // DVCTT published: một phần / toàn trình
  bool full_online_eligible = false;               // flagged eligible for toàn trình in the CSDL QG
  bool has_fee = false;                            // a fee or charge (≠ 0) in the CSDL TTHC (3.5, 3.6)
  // Results and subjects (groups 3, 4).
  bool paper_result_required = false;  // the result must be issued as a paper / document (3.3, 4.1, 4.2)
  bool citizen_subject = false;        // "đối tượng thực hiện" includes citizens or foreigners (4.5a)
  // Duration, for dossiers synced without NgayHenTra (2.1).
  std::optional<calendar::Duration> max_duration;
  // The units (DonViXuLy / motcua_local.unit_code) whose remit includes the procedure. Empty: the
  // procedure belongs to the units that have dossiers of it in the period.
  std::vector<std::string> unit_codes;
};

// PAKN (phản ánh, kiến nghị) counts for the period, from the Cổng DVCQG PAKN system.
struct PaknCounts {
  std::int64_t total = 0;             // PAKN first received in the period
  std::int64_t on_time = 0;           // handled on time, or still within time (5.2 numerator)
  std::int64_t satisfied = 0;         // total − rated unsatisfied − overdue − repeated (5.3 numerator)
  std::int64_t about_procedures = 0;  // about rules / procedures (5.1)
  std::int64_t about_staff = 0;       // about staff behaviour (5.1)
};

// Communes offering e-certified copies from originals (ELECTRONIC_CERTIFIED_COPY, 4.6).
struct CertifiedCopyCounts {
  std::int64_t communes_offering = 0;
  std::int64_t communes_total = 0;
};

// A reporting period: whole Vietnam civil days, `from` and `to` both included.
struct Period {
  LocalDate from{};
  LocalDate to{};
};
Period MonthPeriod(int year, unsigned month);     // month 1..12
Period QuarterPeriod(int year, unsigned quarter); // quarter 1..4
Period YearPeriod(int year);
// Errors: kInvalid/"bad_period" on "period" when to < from.
Result<Period> MakePeriod(LocalDate from, LocalDate to);

enum class Grouping {
  kCenter,     // the whole input
  kUnit,       // one card per processing unit (motcua_local.unit_code, else DonViXuLy)
  kProcedure,  // one card per MaTTHC
};

// ---------------------------------------------------------------------------------------------
// Settings: every reading the sources allow, with the portal's observed behaviour as default.

// What a zero denominator scores.
enum class ZeroDenominator {
  kNoScore,     // null: the portal shows no score
  kZeroPoints,  // 0
  kFullPoints,  // the maximum
};

struct ScoringSettings {
  // --- 2.1 Tiến độ ---
  // Which dossiers 2.1 judges. kReceivedInPeriod: NgayTiepNhan in the period (default: the portal's
  // totalReceived equals the 4.x and 5.4 denominators for every unit, QD766 08/2026 fixtures).
  // kReceivedOrOpen: also dossiers received earlier and not finished when the period began (a reading
  // of "hồ sơ được tiếp nhận, xử lý trong kỳ", formula-document.ts 2.1).
  enum class ProgressPopulation { kReceivedInPeriod, kReceivedOrOpen };
  ProgressPopulation progress_population = ProgressPopulation::kReceivedInPeriod;
  // The end of processing when several terminal dates exist. kProcessedFirst: NgayKetThucXuLy ("Đã xử
  // lý xong") > NgayTra ("Đã trả kết quả") > NgayTuChoi (default: formula-document.ts 2.1, "Nếu tiến
  // trình xử lý có đồng thời trạng thái Đã xử lý xong, Đã trả kết quả thì ... ưu tiên ... Đã xử lý
  // xong"). kReturnedFirst: NgayTra first (what a citizen experiences).
  enum class TerminalTime { kProcessedFirst, kReturnedFirst };
  TerminalTime terminal_time = TerminalTime::kProcessedFirst;
  // More supplement requests than this make the dossier overdue (default 1: "Yêu cầu bổ sung hồ sơ
  // hơn 01 lần thì tính quá hạn", formula-document.ts 2.1).
  int max_supplement_requests = 1;
  // When an unfinished dossier is judged. kPeriodEnd: the last second of the period (default:
  // "Chưa có trạng thái hoàn thành → lấy ngày cuối kỳ báo cáo"). kEarlierOfPeriodEndAndNow: also
  // capped at ScoreInput::now, so that a dossier not yet due is not shown late mid-month.
  enum class UnfinishedJudgedAt { kPeriodEnd, kEarlierOfPeriodEndAndNow };
  UnfinishedJudgedAt unfinished_judged_at = UnfinishedJudgedAt::kPeriodEnd;
  // A dossier with no NgayHenTra whose procedure has no known maximum duration: the portal "cannot
  // score" it (domain.md §1.3 "Where the data comes from"), so by default it is not on time.
  bool undatable_counts_on_time = false;
  // 2.1 with no dossiers: 0 points (default: observed, Văn phòng UBND tỉnh Phú Thọ 08/2026,
  // totalReceived 0 → score 0).
  ZeroDenominator progress_zero = ZeroDenominator::kZeroPoints;

  // --- 1.x Công khai ---
  // kAnySync: synced records with NgayTiepNhan in the period (default: the description, and the
  // name the API still shows, "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG"). kSyncedOnTime: the 2026 METRICS
  // wording, "đồng bộ đúng hạn các thông tin tiến trình" (motcua_local.synced_on_time).
  enum class SyncCounting { kAnySync, kSyncedOnTime };
  SyncCounting sync_counting = SyncCounting::kAnySync;
  // A record without motcua_local.synced came from the sync itself, so it is synced (default: true).
  bool assume_synced_when_unknown = true;
  // 1.4 with no dossiers: no score (default: observed NO_NATIONAL_REPORT_DATA → score null, QD766
  // transparency fixture 08/2026); the description says the rate is 0 (kZeroPoints).
  ZeroDenominator sync_zero = ZeroDenominator::kNoScore;
  // Working days between the QĐCB and the legal effective date for 1.1 (default 5: a province; 20 for
  // a ministry), and from the QĐCB to the "Công khai" click for 1.2 (default 5; 10 for a ministry).
  int announce_lead_working_days = 5;
  int publicize_within_working_days = 5;
  // 1.1-1.3 with nothing to judge: no score (observed: PUBLISH_ON_TIME 0/0 → null, 08/2026).
  ZeroDenominator publicity_zero = ZeroDenominator::kNoScore;

  // --- 3 Dịch vụ công trực tuyến (12) ---
  // Which indicator carries the group's 12 points. The 2026 API scores one row (hồ sơ toàn trình ÷ hồ
  // sơ of TTHC eligible for toàn trình) but its formula is unresolved ("unresolved-on-m0",
  // SCORING_ANALYSIS_M0.md), so there is no observed behaviour to copy. kOnlineShare (default): 3.3
  // as the description scores it (share × sync rate, full at 50%). kFullOnlineShare2026: 3.4, linear
  // (a guess); 3.3 is then tracking only.
  enum class OnlineGroup { kOnlineShare, kFullOnlineShare2026 };
  OnlineGroup online_group = OnlineGroup::kOnlineShare;
  // Full-points thresholds (full_at) over the rule book's: nullopt (default) takes the rules' value.
  std::optional<double> online_share_full_at;  // 3.3 (rules: 0.5, "Đạt từ 50% trở lên sẽ đạt điểm tối đa")
  bool online_share_times_sync_rate = true;   // 3.3: "× Tỷ lệ đồng bộ hồ sơ" (formula-document.ts)
  ZeroDenominator online_zero = ZeroDenominator::kNoScore;  // no observation; null like 4.x

  // --- 3 Thanh toán trực tuyến (10) = 6·A + min(2, 2.5·B) + 2.5·C ---
  // Caps 2.5·C at 2, as QD766's display breakdown does (3.5: 2 points, target 80%). The reproduced
  // formula has no cap, but C ≤ 0.8 in every observation, where both readings agree (default: true).
  bool cap_fee_procedure_points = true;
  // A ratio with a zero denominator counts as 0 (observed, 984 parent/child, SCORING_ANALYSIS_M0.md).
  ZeroDenominator payment_zero = ZeroDenominator::kZeroPoints;

  // --- 4 Số hóa ---
  // 4.1's population. kAllDossiers (default: observed, ORIGINAL_RESULT_AVAILABLE's denominator equals
  // every unit's totalReceived in 08/2026, e.g. 588 = 588 for Ban quản lý các KCN Phú Thọ):
  // dossiers with an electronic result ÷ all dossiers. kPaperResultProcedures: the description, both
  // counts restricted to procedures that require a paper result. kCompletedPaperResult: the 2026
  // METRICS wording, completed / returned dossiers of those procedures.
  enum class ResultScope { kAllDossiers, kPaperResultProcedures, kCompletedPaperResult };
  ResultScope electronic_result_scope = ResultScope::kAllDossiers;
  // 4.2 reaches full points at this ratio. Conflict: the description says 80% (0.8); the 2026 API was
  // observed linear to 100% (the rules' 1.0; SCORING_ANALYSIS_M0.md "min(điểm tối đa, ...)").
  std::optional<double> digitized_full_at;
  // 4.3 (rules: 0.8; description and API agree: min(2, 2 × ratio / 80)).
  std::optional<double> reuse_full_at;
  // What shows reuse for 4.3. kDigitizedFlags (default: the description, HoSoCoThanhPhanSoHoa = 1 for
  // files synced from a province, TaiLieuNop.DuocSoHoa = 1 for files made on the portal).
  // kReuseFlags: TaiLieuNop.DuocTaiSuDung ∈ {1, 2} or a MaKetQuaThayThe (what "reuse" means in the
  // indicator's name and in Thanh Hóa's sync).
  enum class ReuseEvidence { kDigitizedFlags, kReuseFlags };
  ReuseEvidence reuse_evidence = ReuseEvidence::kDigitizedFlags;
  // DSKetNoiCSDL codes that mean the national population database (4.5). NOT FOUND: Thanh Hóa always
  // sends "7" but the code is undocumented, so none by default.
  std::vector<std::string> population_db_codes;
  // 4.x with no dossiers / procedures: no score (observed: 0/0 → null for every 4.x, 08/2026).
  ZeroDenominator digitization_zero = ZeroDenominator::kNoScore;

  // --- 5 Hài lòng ---
  std::optional<double> satisfaction_full_at;  // 5.4 (rules: 0.9: min(6, 6 × r / 0.9), description and API agree)
  // 5.4 with no dossiers: 0 (observed: "nếu denominator = 0: điểm = 0").
  ZeroDenominator satisfaction_zero = ZeroDenominator::kZeroPoints;
  // A unit with no PAKN. kFullPointsEach (default: observed, 5.2 and 5.3 each score 6, 492
  // observations). kSplitTo52And54: METRICS row 22, 5.3's 6 points are shared equally by 5.2 and
  // 5.4 (5.2 and 5.4 then have maximum 9, 5.3 maximum 0).
  enum class ZeroPakn { kFullPointsEach, kSplitTo52And54 };
  ZeroPakn zero_pakn = ZeroPakn::kFullPointsEach;
  // When no PAKN counts are given for a card. kTreatAsNone (default: most units have none, 08/2026
  // fixture; the note says "pakn_unknown"). kNoScore: 5.1-5.3 score null.
  enum class UnknownPakn { kTreatAsNone, kNoScore };
  UnknownPakn unknown_pakn = UnknownPakn::kTreatAsNone;

  // --- Totals ---
  // How a null indicator enters its group total (NOT established, domain.md §1.2). kAddsNothing
  // (default): the group keeps its maximum (consistent with the 08/2026 transparency fixture: 1.96 +
  // 6 = 7.96 of 18 with two nulls). kRescaleToAvailable: the group's points are scaled up to the
  // maximum of its non-null indicators.
  enum class NullInGroup { kAddsNothing, kRescaleToAvailable };
  NullInGroup null_in_group = NullInGroup::kAddsNothing;

  bool collect_losses = true;  // fill Indicator::losses / losing_procedures (default: true)
};

// Everything Score reads.
struct ScoreInput {
  const std::vector<dvc::NationalRecord>* records = nullptr;  // required; Loss::record_index points here
  std::vector<ProcedureFacts> procedures;                     // the catalog (may be empty)
  std::optional<PaknCounts> center_pakn;                      // for the center card
  std::map<std::string, PaknCounts> pakn_by_unit;             // per unit key (see Grouping::kUnit)
  std::optional<CertifiedCopyCounts> certified_copies;        // 4.6, center level
  Period period;
  Grouping grouping = Grouping::kCenter;
  // 1.4's denominator on the center card (formula-document.ts 1.4): the larger of the dossiers
  // received here and the national reporting system's (BCQG) count, when given; when both are 0, last
  // year's total ÷ 12 for a month, ÷ 4 for a quarter, as is for a year, pro rata by days otherwise
  // (with neither, the rate has no denominator: ScoringSettings::sync_zero).
  std::optional<std::int64_t> national_report_received;
  std::optional<std::int64_t> prior_year_received_total;
  // "Now", only for UnfinishedJudgedAt::kEarlierOfPeriodEndAndNow.
  std::optional<Instant> now;
  // Working days for 1.1, 1.2 and the no-NgayHenTra durations of 2.1. Empty: Monday to Friday. Plug
  // in calendar::WorkingCalendar here to honour holidays and make-up Saturdays.
  std::function<bool(LocalDate)> is_working_day;
  ScoringSettings settings;
  // The rules to score by. Null (default): BuiltInRules()' version in force on period.from.
  std::shared_ptr<const RuleSet> rules;
};

// ---------------------------------------------------------------------------------------------
// Output.

// Why a dossier (or procedure) cost points. JSON and the score card use ReasonKey().
enum class LossReason : std::uint8_t {
  kOverdue,                    // 2.1/5.4: finished after NgayHenTra (supplement time subtracted)
  kOverdueUnfinished,          // 2.1/5.4: not finished, past due when judged at the period's end
  kPendingSupplementLate,      // 2.1/5.4: the open supplement request came after NgayHenTra
  kTooManySupplements,         // 2.1/5.4: more supplement requests than allowed
  kOverMaxDuration,            // 2.1/5.4: no NgayHenTra, longer than the procedure's maximum duration
  kUndatable,                  // 2.1/5.4: no NgayHenTra and no known maximum duration
  kUnsatisfiedRating,          // 5.4: rated "không hài lòng"
  kPakn,                       // 5.4: a PAKN concerns it
  kNotSynced,                  // 1.4
  kNotSyncedOnTime,            // 1.4 (2026 wording)
  kNotOnline,                  // 3.3: filed directly or by post
  kOnlineWithoutElectronicResult,  // 3.3: online, but the paper-result procedure has no e-result
  kNotFullOnline,              // 3.4
  kNotPaidOnline,              // 3.6: has a fee, not paid online
  kNoElectronicResult,         // 4.1 (and 4.2 part 2)
  kComponentNotDigitized,      // 4.2: a submitted component has no file, or none was recorded
  kNoReusedData,               // 4.3
  kNotFromCitizenStore,        // 4.4
  kNoCitizenData,              // 4.5b
  // Procedure-level (losing_procedures carries codes, reason per indicator):
  kAnnouncedLate,              // 1.1
  kPublicizedLate,             // 1.2
  kContentIncomplete,          // 1.3
  kNoOnlineService,            // 3.1
  kNoOnlineDossier,            // 3.2
  kNoFeeDataSynced,            // 3.5
  kNoOnlinePayment,            // 3.5b
  kNoCitizenDataConnection,    // 4.5a
};
static_assert(static_cast<int>(LossReason::kNoCitizenDataConnection) < 32, "Loss::reason has 5 bits");
const char* ReasonKey(LossReason reason);  // "overdue", "too_many_supplements", ...

// One dossier behind a lost point. Packed into 4 bytes: a million dossiers lose several points each,
// and the lists are most of the report's memory (bench_indicators).
struct Loss {
  std::uint32_t record_index : 27;  // index into *ScoreInput::records (< kMaxRecords)
  LossReason reason : 5;
};
static_assert(sizeof(Loss) == 4, "Loss is packed into one 32-bit word");
inline constexpr std::size_t kMaxRecords = std::size_t{1} << 27;  // 134,217,728 dossiers per Score call
struct ProcedureLoss {
  std::string procedure_code;
  LossReason reason = LossReason::kAnnouncedLate;
};

struct Indicator {
  IndicatorId id = IndicatorId::k1_1;
  IndicatorGroup group = IndicatorGroup::kPublicity;
  // code, metric_code and name point into the rules the report holds (ScoreReport::rules).
  const char* code = "";         // "2.1"
  const char* metric_code = "";  // the 2026 API code, e.g. "DOSSIER_RECEIVING_SATISFACTION"; "" if none
  const char* name = "";         // Vietnamese, as the portal shows it
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
  std::optional<double> ratio;   // numerator / denominator in [0, 1]; nullopt when denominator == 0.
                                 //   For 2.2 the average processing time in days.
  std::optional<double> points;  // rounded to 2 decimals; nullopt = no score (the portal's null)
  double max_points = 0;         // 0 = tracking only
  double full_at = 1.0;          // the ratio that earns max_points (the rules', or a setting's)
  std::string note;              // data caveats, e.g. "pakn_unknown", "3 procedures lack legal_effective_on"
  std::vector<Loss> losses;                    // dossiers that cost points (empty for tracking indicators)
  std::vector<ProcedureLoss> losing_procedures;  // procedures that cost points (1.x, 3.1, 3.2, 3.5, 4.5a)
};

struct GroupTotal {
  IndicatorGroup group = IndicatorGroup::kPublicity;
  double points = 0;      // rounded to 2 decimals
  double max_points = 0;  // the rules' group maximum
};

// One score card: the center, a unit or a procedure.
struct ScoreCard {
  std::string key;    // "" for the center; the unit key or MaTTHC otherwise
  std::string label;  // display name: the unit key, or the procedure's name
  std::int64_t dossiers = 0;            // dossiers received in the period (the common denominator)
  std::vector<Indicator> indicators;    // kIndicatorCount entries, in IndicatorId order
  std::vector<GroupTotal> groups;       // kGroupCount entries, in IndicatorGroup order
  double total_points = 0;              // rounded to 2 decimals
  double total_max = 100;

  const Indicator& Get(IndicatorId id) const { return indicators[static_cast<int>(id)]; }
  const GroupTotal& Group(IndicatorGroup g) const { return groups[static_cast<int>(g)]; }
};

struct ScoreReport {
  std::shared_ptr<const RuleSet> rules;  // the version scored by (owns the indicators' names)
  Period period;
  Grouping grouping = Grouping::kCenter;
  ScoringSettings settings;         // the readings used (shown in the JSON report)
  ScoreCard center;                 // always the whole input
  std::vector<ScoreCard> breakdown; // one card per unit / procedure (sorted by key); empty for kCenter
};

// Scores the records. Errors (kInvalid, on the named field):
//   "records"/"required"                      input.records is null
//   "records"/"too_many"                      more than kMaxRecords records
//   "period"/"bad_period"                     period.to < period.from
//   "procedures[i].code"/"required"|"duplicate"
//   "pakn.<field>"/"out_of_range"             a negative count, or a part larger than `total`
//   "national_report_received"/"out_of_range", "prior_year_received_total"/"out_of_range"  negative
//   "settings.<field>"/"out_of_range"         a threshold outside (0, 1], a negative day count
//   "period"/"no_rules"  (kNotFound)           no version of the built-in rules applies (input.rules unset)
//   "is_working_day"/"no_working_day"          a working-day count the calendar cannot answer (JudgeTimeliness)
// Linear in the number of records; no clock, no I/O.
Result<ScoreReport> Score(const ScoreInput& input);

// Convenience: the entry point for callers holding records and a few options (the CLI, the store's
// --db mode, the score card).
Result<ScoreReport> Score(const std::vector<dvc::NationalRecord>& records, const std::vector<ProcedureFacts>& procedures,
                          Period period, Grouping grouping = Grouping::kCenter, const ScoringSettings& settings = {});

// ---------------------------------------------------------------------------------------------
// The per-dossier rule of 2.1, exposed for the score card and for tests.

struct TimelinessVerdict {
  bool counted = false;        // in 2.1's population
  bool on_time = false;
  bool finished = false;       // a terminal date was found (or a pending supplement ended the clock)
  std::optional<Instant> end_at;           // the end of processing used
  std::int64_t supplement_seconds = 0;     // citizen time subtracted
  std::optional<LossReason> reason;        // why not on time
};
struct TimelinessContext {
  Instant judge_unfinished_at;                 // the instant an unfinished dossier is judged at
  const ProcedureFacts* procedure = nullptr;   // for the no-NgayHenTra rule
  const std::function<bool(LocalDate)>* is_working_day = nullptr;  // null: Monday to Friday
};
// Applies 2.1 to one record (whether it is in the population is the caller's business: `counted`
// is left false here). Errors: kInvalid/"no_working_day" on "is_working_day" when the deadline of a
// working-day duration is needed and the calendar has no working day within 100,000 days (a broken
// calendar: the count is not left to stop silently).
Result<TimelinessVerdict> JudgeTimeliness(const dvc::NationalRecord& record, const TimelinessContext& context,
                                  const ScoringSettings& settings = {});

// The points an indicator's ratio earns on its card: PointsFor with the card's maximum and threshold.
inline double PointsFor(const Indicator& indicator, double ratio) {
  return PointsFor(indicator.max_points, indicator.full_at, ratio);
}

}  // namespace motcua::indicators
