// Worked examples for the list rules of reports/lists.h: the points at stake per dossier (linear
// indicators, 5.4 full at 90%, 3.3 multiplied by the sync rate, nothing once full), the work-today
// kinds on a handful of dossiers made through the real desk, the officer responsible for a late
// dossier, the unit / commune ranking and the monthly trend.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "dossier/lifecycle.h"
#include "reports/document.h"
#include "reports/lists.h"
#include "scoring/store_scoring.h"
#include "support/fixtures.h"

namespace motcua::reports {
namespace {

using indicators::IndicatorId;
using indicators::ScoreCard;
using indicators::ScoringSettings;
using motcua::testing::At;
using std::chrono::hours;
using std::chrono::minutes;

// A card with every indicator and group present and zero counts; Set() fills the ones an example needs.
ScoreCard EmptyCard(std::string key = "") {
  ScoreCard c;
  c.key = key;
  c.label = key;
  c.indicators.resize(indicators::kIndicatorCount);
  for (int i = 0; i < indicators::kIndicatorCount; ++i) c.indicators[i].id = IndicatorId(i);
  c.groups.resize(indicators::kGroupCount);
  for (int g = 0; g < indicators::kGroupCount; ++g) {
    c.groups[g].group = indicators::IndicatorGroup(g);
    c.groups[g].max_points = indicators::BuiltInRules().versions.back()->groups[g].max_points;
  }
  return c;
}

// An indicator as the scorer leaves it: its threshold from the built-in rules (5.4 full at 0.9, 3.3 at 0.5).
void Set(ScoreCard& c, IndicatorId id, double max, std::int64_t num, std::int64_t den,
         std::optional<double> points = 1.0) {
  indicators::Indicator& i = c.indicators[int(id)];
  i.max_points = max;
  i.full_at = indicators::BuiltInRules().versions.back()->Get(id).full_at;
  i.numerator = num;
  i.denominator = den;
  i.ratio = den > 0 ? std::optional<double>(double(num) / double(den)) : std::nullopt;
  i.points = points;
}

// ---- PointsPerDossier ------------------------------------------------------------------------

TEST(PointsPerDossier, LinearIndicatorIsMaxOverDenominator) {
  // 4.1 (6 points, linear): 30 of 60 dossiers have an electronic result. One more is worth 6 / 60.
  ScoreCard c = EmptyCard();
  Set(c, IndicatorId::k4_1, 6, 30, 60, 3.0);
  const ScoringSettings s;
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k4_1, s), 0.1, 1e-12);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k4_1, s, -1), -0.1, 1e-12);
  // 2.1 (20 points): 95 of 100 on time; each late dossier cost 0.2.
  Set(c, IndicatorId::k2_1, 20, 95, 100, 19.0);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k2_1, s), 0.2, 1e-12);
}

TEST(PointsPerDossier, IsZeroAtFullPointsAndClampedAtBothEnds) {
  ScoreCard c = EmptyCard();
  const ScoringSettings s;
  // 60 of 60: nothing more to win, but one fewer loses 0.1.
  Set(c, IndicatorId::k4_1, 6, 60, 60, 6.0);
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k4_1, s), 0.0);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k4_1, s, -1), -0.1, 1e-12);
  // 0 of 60: nothing to lose, one more wins 0.1.
  Set(c, IndicatorId::k4_1, 6, 0, 60, 0.0);
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k4_1, s, -1), 0.0);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k4_1, s, +1), 0.1, 1e-12);
}

TEST(PointsPerDossier, SatisfactionIsFullAtNinetyPercent) {
  // 5.4: min(6, 6 × r / 0.9). Each dossier below 90% is worth 6 / (0.9 × D).
  ScoreCard c = EmptyCard();
  const ScoringSettings s;
  const double per = 6.0 / (0.9 * 100.0);  // 0.0667 with D = 100
  Set(c, IndicatorId::k5_4, 6, 80, 100, 5.33);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k5_4, s), per, 1e-12);
  // 89 → 90 reaches full points: still worth a whole step.
  Set(c, IndicatorId::k5_4, 6, 89, 100, 5.93);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k5_4, s), per, 1e-12);
  // At 90% the indicator is full: one more wins nothing, one fewer loses a step.
  Set(c, IndicatorId::k5_4, 6, 90, 100, 6.0);
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k5_4, s), 0.0);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k5_4, s, -1), -per, 1e-12);
  // Above 90% one fewer costs nothing either (91 → 90 is still full).
  Set(c, IndicatorId::k5_4, 6, 91, 100, 6.0);
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k5_4, s, -1), 0.0);
  // The card's own threshold is honoured (a setting or a rules version that makes it linear).
  Set(c, IndicatorId::k5_4, 6, 90, 100, 5.4);
  c.indicators[int(IndicatorId::k5_4)].full_at = 1.0;
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k5_4, s), 0.06, 1e-12);
}

TEST(PointsPerDossier, OnlineShareIsMultipliedByTheSyncRate) {
  // 3.3 (12 points, full at 50%): 20 of 100 online, 1.4 says 50 of them synced (rate 0.5).
  // Points = 12 × min(1, 0.20 × 0.5 / 0.5) = 2.4; with 21 online: 12 × 0.21 × 0.5 / 0.5 = 2.52.
  ScoreCard c = EmptyCard();
  Set(c, IndicatorId::k3_3, 12, 20, 100, 2.4);
  Set(c, IndicatorId::k1_4, 6, 50, 100, 3.0);
  const ScoringSettings s;
  ASSERT_TRUE(s.online_share_times_sync_rate);
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k3_3, s), 0.12, 1e-12);
  // Without the multiplier each online dossier is worth 12 / (0.5 × 100).
  ScoringSettings plain;
  plain.online_share_times_sync_rate = false;
  EXPECT_NEAR(PointsPerDossier(c, IndicatorId::k3_3, plain), 0.24, 1e-12);
  // Nothing synced: the online share is worth nothing until dossiers are synced.
  Set(c, IndicatorId::k1_4, 6, 0, 100, 0.0);
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k3_3, s), 0.0);
}

TEST(PointsPerSyncedDossier, AddsTheSyncRateAndTheOnlineShareItMultiplies) {
  // 1.4 (6, linear): 50 of 100 synced → 0.06 per dossier. 3.3 share 0.20, sync 0.50 → 0.51:
  // 12 × 0.20 × 0.01 / 0.5 = 0.048. Together 0.108.
  ScoreCard c = EmptyCard();
  Set(c, IndicatorId::k3_3, 12, 20, 100, 2.4);
  Set(c, IndicatorId::k1_4, 6, 50, 100, 3.0);
  EXPECT_NEAR(PointsPerSyncedDossier(c, {}), 0.108, 1e-12);
  ScoringSettings plain;
  plain.online_share_times_sync_rate = false;
  EXPECT_NEAR(PointsPerSyncedDossier(c, plain), 0.06, 1e-12);
}

TEST(PointsPerDossier, IsZeroForTrackingNullOrEmptyIndicators) {
  ScoreCard c = EmptyCard();
  const ScoringSettings s;
  Set(c, IndicatorId::k2_2, 0, 5, 10, 1.0);  // tracking only
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k2_2, s), 0.0);
  Set(c, IndicatorId::k4_2, 4, 5, 10, std::nullopt);  // no score
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k4_2, s), 0.0);
  Set(c, IndicatorId::k4_1, 6, 0, 0, 0.0);  // no dossiers
  EXPECT_EQ(PointsPerDossier(c, IndicatorId::k4_1, s), 0.0);
}

// ---- Keys -------------------------------------------------------------------------------------

TEST(WorkKindKey, NamesEveryKind) {
  const char* expected[kWorkKindCount] = {"due_soon",           "overdue_no_apology",  "components_not_digitized",
                                          "result_not_digitized", "not_synced",        "fee_not_paid_online",
                                          "unsatisfied_rating"};
  for (int k = 0; k < kWorkKindCount; ++k) EXPECT_STREQ(WorkKindKey(WorkKind(k)), expected[k]);
  EXPECT_STREQ(WorkActionKey(WorkAction::kFinishBeforeDue), "finish_before_due");
  EXPECT_STREQ(WorkActionKey(WorkAction::kContactApplicant), "contact_applicant");
  EXPECT_NE(std::string(WorkActionTextVi(WorkAction::kSync)).find("Cổng DVCQG"), std::string::npos);
  EXPECT_EQ(MonthKey(2026, 8), "2026-08");
  EXPECT_EQ(MonthKey(2025, 12), "2025-12");
}

// ---- Responsible officer ----------------------------------------------------------------------

dossier::Step StepAt(const char* at, const char* actor, dossier::State state) {
  return dossier::Step{At(at), actor, "", "", state};
}

TEST(ResponsibleAt, IsWhoeverHeldTheDossierAtTheDueTime) {
  using dossier::State;
  dossier::Dossier d;
  d.steps = {StepAt("2026-08-10 09:00", "tn.an", State::kReceived),
             StepAt("2026-08-10 10:00", "tn.an", State::kTransferred),
             StepAt("2026-08-10 11:00", "xl.tuphap", State::kInProgress),
             StepAt("2026-08-25 15:00", "xl.tuphap", State::kDone)};
  // Due 2026-08-19 09:00: the unit officer held it since the 10th.
  Responsible r = ResponsibleAt(d, At("2026-08-19 09:00"));
  EXPECT_EQ(r.officer, "xl.tuphap");
  EXPECT_EQ(r.basis, ResponsibleBasis::kHeldAtDue);
  EXPECT_EQ(r.step_at, At("2026-08-10 11:00"));
  // A step exactly at T counts ("at or before").
  r = ResponsibleAt(d, At("2026-08-10 11:00"));
  EXPECT_EQ(r.officer, "xl.tuphap");
  // One minute earlier the dossier had just been handed over: the officer who took it up next.
  r = ResponsibleAt(d, At("2026-08-10 10:59"));
  EXPECT_EQ(r.officer, "xl.tuphap");
  EXPECT_EQ(r.basis, ResponsibleBasis::kTookOverAfterHandover);
  // Before the handover the desk officer held it.
  r = ResponsibleAt(d, At("2026-08-10 09:59"));
  EXPECT_EQ(r.officer, "tn.an");
  EXPECT_EQ(r.basis, ResponsibleBasis::kHeldAtDue);
}

TEST(ResponsibleAt, IsNobodyWhenHandedOverAndNeverTakenUp) {
  using dossier::State;
  dossier::Dossier d;
  d.steps = {StepAt("2026-08-10 09:00", "tn.an", State::kReceived),
             StepAt("2026-08-10 10:00", "tn.an", State::kTransferred)};
  const Responsible r = ResponsibleAt(d, At("2026-08-19 09:00"));
  EXPECT_EQ(r.officer, "");
  EXPECT_EQ(r.basis, ResponsibleBasis::kUnassigned);
  EXPECT_EQ(r.step_at, At("2026-08-10 10:00"));
  EXPECT_EQ(ResponsibleAt(dossier::Dossier{}, At("2026-08-19 09:00")).basis, ResponsibleBasis::kNoSteps);
  EXPECT_STREQ(ResponsibleBasisKey(ResponsibleBasis::kUnassigned), "unassigned");
}

TEST(LateReferenceInstant, IsTheDueTimeOrTheRequestThatExceededTheAllowance) {
  dvc::NationalRecord r;
  r.due_at = At("2026-08-19 09:00");
  r.processed_at = At("2026-08-21 15:00");
  r.returned_at = At("2026-08-22 09:00");
  const ScoringSettings s;  // one supplement request allowed, processed-first
  EXPECT_EQ(LateReferenceInstant(r, indicators::LossReason::kOverdue, s), At("2026-08-19 09:00"));
  // Two requests: the second one (the first over the allowance) is when it went wrong.
  r.supplements.resize(2);
  r.supplements[0].requested_at = At("2026-08-14 10:00");
  r.supplements[1].requested_at = At("2026-08-12 10:00");  // out of order on purpose
  EXPECT_EQ(LateReferenceInstant(r, indicators::LossReason::kTooManySupplements, s), At("2026-08-14 10:00"));
  // No due date: the end of processing (NgayKetThucXuLy first by default; NgayTra when asked).
  EXPECT_EQ(LateReferenceInstant(r, indicators::LossReason::kUndatable, s), At("2026-08-21 15:00"));
  ScoringSettings returned_first;
  returned_first.terminal_time = ScoringSettings::TerminalTime::kReturnedFirst;
  EXPECT_EQ(LateReferenceInstant(r, indicators::LossReason::kOverMaxDuration, returned_first), At("2026-08-22 09:00"));
}

// ---- Unit comparison and communes -------------------------------------------------------------

ScoreCard UnitCard(const std::string& key, double total, std::int64_t dossiers, std::int64_t late) {
  ScoreCard c = EmptyCard(key);
  c.total_points = total;
  c.dossiers = dossiers;
  Set(c, IndicatorId::k2_1, 20, dossiers - late, dossiers, 20.0);
  c.groups[1].points = 20.0 * double(dossiers - late) / double(dossiers);
  return c;
}

indicators::ScoreReport FourUnits() {
  indicators::ScoreReport report;
  report.period = indicators::MonthPeriod(2026, 8);
  report.grouping = indicators::Grouping::kUnit;
  report.center = EmptyCard();
  // Sorted by key, as the scorer gives them.
  report.breakdown = {UnitCard("Sở Tư pháp", 80.5, 10, 1), UnitCard("UBND phường Phan Thiết", 71.25, 20, 4),
                      UnitCard("UBND xã Bình Minh", 60, 5, 5), UnitCard("UBND xã Minh Xuân", 71.25, 8, 0)};
  return report;
}

TEST(CompareUnits, RanksByTotalWithSharedRanksForTies) {
  const auto rows = CompareUnits(FourUnits());
  ASSERT_EQ(rows.size(), 4u);
  // 80.5 → 1; 71.25 twice → 2, 2 (ties in key order); 60 → 4 (competition ranking 1, 2, 2, 4).
  EXPECT_EQ(rows[0].unit, "Sở Tư pháp");
  EXPECT_EQ(rows[1].unit, "UBND phường Phan Thiết");
  EXPECT_EQ(rows[2].unit, "UBND xã Minh Xuân");
  EXPECT_EQ(rows[3].unit, "UBND xã Bình Minh");
  EXPECT_EQ(rows[0].rank, 1);
  EXPECT_EQ(rows[1].rank, 2);
  EXPECT_EQ(rows[2].rank, 2);
  EXPECT_EQ(rows[3].rank, 4);
  EXPECT_NEAR(rows[1].lost, 28.75, 1e-9);
  EXPECT_EQ(rows[1].late, 4);
  EXPECT_EQ(rows[3].late, 5);
  EXPECT_EQ(rows[0].dossiers, 10);
  EXPECT_EQ(rows[1].group_max[1], 20.0);
  // A center-only report has no units to compare.
  indicators::ScoreReport center = FourUnits();
  center.grouping = indicators::Grouping::kCenter;
  EXPECT_TRUE(CompareUnits(center).empty());
}

dvc::NationalRecord Rec(const std::string& unit, const std::string& procedure, const char* received) {
  dvc::NationalRecord r;
  r.dossier_code = unit + "/" + procedure + "/" + received;
  r.processing_unit = unit;
  r.procedure_code = procedure;
  r.received_at = At(received);
  return r;
}

catalog::Procedure Proc(const std::string& code, catalog::Level level) {
  catalog::Procedure p;
  p.code = code;
  p.level = level;
  return p;
}

TEST(BuildCommuneTable, CatalogRuleNeedsEveryProcedureCommuneOrBothAndOneCommune) {
  const auto report = FourUnits();
  const std::vector<catalog::Procedure> procedures = {Proc("1.000001", catalog::Level::kCommune),
                                                      Proc("1.000002", catalog::Level::kBoth),
                                                      Proc("2.000001", catalog::Level::kProvince)};
  const std::vector<dvc::NationalRecord> records = {
      // Minh Xuân: commune + both → a commune.
      Rec("UBND xã Minh Xuân", "1.000001", "2026-08-03 09:00"), Rec("UBND xã Minh Xuân", "1.000002", "2026-08-31 16:00"),
      // Phan Thiết: only "both" → could be a department: not listed.
      Rec("UBND phường Phan Thiết", "1.000002", "2026-08-05 09:00"),
      // Sở Tư pháp: a province procedure beside a commune one → not a commune.
      Rec("Sở Tư pháp", "1.000001", "2026-08-05 09:00"), Rec("Sở Tư pháp", "2.000001", "2026-08-06 09:00"),
      // Bình Minh: commune in August; the province procedure was received in July (outside the period).
      Rec("UBND xã Bình Minh", "1.000001", "2026-08-10 09:00"), Rec("UBND xã Bình Minh", "2.000001", "2026-07-31 16:59"),
      // A unit with no card in the report is never listed.
      Rec("UBND xã Không Thẻ", "1.000001", "2026-08-10 09:00")};
  const CommuneTable t = BuildCommuneTable(report, records, procedures, {});
  EXPECT_EQ(t.rule, CommuneRule::kCatalog);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].unit, "UBND xã Minh Xuân");
  EXPECT_EQ(t.rows[0].rank, 1);
  EXPECT_EQ(t.rows[1].unit, "UBND xã Bình Minh");
  EXPECT_EQ(t.rows[1].rank, 2);  // ranked among the communes only
  EXPECT_EQ(t.period.from, report.period.from);
}

TEST(BuildCommuneTable, SettingListsTheCommunesAndRanksThem) {
  const auto report = FourUnits();
  const CommuneTable t = BuildCommuneTable(report, {}, {}, {"UBND xã Minh Xuân", "UBND phường Phan Thiết", "Không có"});
  EXPECT_EQ(t.rule, CommuneRule::kSetting);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].unit, "UBND phường Phan Thiết");
  EXPECT_EQ(t.rows[1].unit, "UBND xã Minh Xuân");
  EXPECT_EQ(t.rows[0].rank, 1);
  EXPECT_EQ(t.rows[1].rank, 1);  // 71.25 each
}

// ---- Trend ------------------------------------------------------------------------------------

dvc::NationalRecord Returned(const std::string& code, const std::string& unit, const char* received) {
  dvc::NationalRecord r = Rec(unit, "1.000001", received);
  r.dossier_code = code;
  r.status = dvc::NationalStatus::kReturned;
  r.due_at = *r.received_at + hours(72);
  r.processed_at = *r.received_at + hours(24);
  r.returned_at = *r.received_at + hours(25);
  return r;
}

TEST(BuildTrend, CrossesTheYearAndKeepsEveryUnitOnEveryMonth) {
  const std::vector<dvc::NationalRecord> records = {
      Returned("A1", "UBND xã Minh Xuân", "2025-12-15 09:00"), Returned("A2", "UBND xã Minh Xuân", "2026-02-02 09:00"),
      Returned("B1", "Sở Tư pháp", "2026-02-03 09:00"), Returned("B2", "Sở Tư pháp", "2026-02-04 09:00")};
  indicators::ScoreInput base;
  base.records = &records;
  auto trend = BuildTrend(base, 2026, 2, 3);
  ASSERT_TRUE(trend) << trend.error().Describe();
  ASSERT_EQ(trend->center.size(), 3u);
  EXPECT_EQ(trend->center[0].year, 2025);
  EXPECT_EQ(trend->center[0].month, 12u);
  EXPECT_EQ(trend->center[1].year, 2026);
  EXPECT_EQ(trend->center[1].month, 1u);
  EXPECT_EQ(trend->center[2].month, 2u);
  EXPECT_EQ(trend->center[0].dossiers, 1);
  EXPECT_TRUE(trend->center[0].has_data);
  EXPECT_FALSE(trend->center[1].has_data);  // January: nothing received
  EXPECT_EQ(trend->center[2].dossiers, 3);
  ASSERT_EQ(trend->units.size(), 2u);  // sorted by key
  EXPECT_EQ(trend->units[0].unit, "Sở Tư pháp");
  EXPECT_EQ(trend->units[1].unit, "UBND xã Minh Xuân");
  for (const UnitTrend& u : trend->units) {
    ASSERT_EQ(u.months.size(), 3u) << u.unit;
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(u.months[i].year, trend->center[i].year) << u.unit << " " << i;
      EXPECT_EQ(u.months[i].month, trend->center[i].month) << u.unit << " " << i;
    }
  }
  // Sở Tư pháp only received in February; Minh Xuân in December and February.
  EXPECT_FALSE(trend->units[0].months[0].has_data);
  EXPECT_EQ(trend->units[0].months[2].dossiers, 2);
  EXPECT_TRUE(trend->units[1].months[0].has_data);
  EXPECT_FALSE(trend->units[1].months[1].has_data);
  EXPECT_EQ(trend->units[1].months[2].dossiers, 1);
  // Every dossier on time: a month with data scores the whole 2.1 (group 2, 20 points).
  EXPECT_EQ(trend->center[2].groups[1], 20.0);
}

TEST(BuildTrend, RefusesMonthsOutsideOneToSixtyAndBadMonths) {
  const std::vector<dvc::NationalRecord> none;
  indicators::ScoreInput base;
  base.records = &none;
  EXPECT_TRUE(BuildTrend(base, 2026, 8, 1));
  EXPECT_TRUE(BuildTrend(base, 2027, 8, 60));
  // Sixty months back from 08/2026 starts before QĐ 766 (23/06/2022): those months have no rules to
  // score by and show as months without data; the trend is still made.
  auto before = BuildTrend(base, 2026, 8, 60);
  ASSERT_TRUE(before) << before.error().Describe();
  ASSERT_EQ(before->center.size(), 60u);
  EXPECT_EQ(before->center[0].year, 2021);
  EXPECT_EQ(before->center[0].month, 9u);
  EXPECT_FALSE(before->center[0].has_data);
  for (int months : {0, 61}) {
    auto bad = BuildTrend(base, 2026, 8, months);
    ASSERT_FALSE(bad) << months;
    EXPECT_EQ(bad.error().field, "months");
    EXPECT_EQ(bad.error().rule, "out_of_range");
  }
  auto month = BuildTrend(base, 2026, 13, 3);
  ASSERT_FALSE(month);
  EXPECT_EQ(month.error().field, "month");
  EXPECT_EQ(month.error().rule, "bad_month");
}

// ---- Work today on a handful of dossiers made through the real desk ---------------------------
//
// "Now" is Thursday 2026-08-27 10:00; the next working day is Friday 28 (Monday 31 is a swapped day
// off, 1-2 September are National Day: assets/calendar/vn-2026.json). 1.004222 takes 7 working days,
// 9.999001 8 working hours (tests/support/fixtures.h).

constexpr const char* kUnit = "UBND xã Minh Xuân";

class WorkTodayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = motcua::testing::MakeTestDesk(dir_.path());
    ASSERT_NE(t_, nullptr);
    auto map = dossier::LoadStatusMap(std::filesystem::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
    ASSERT_TRUE(map) << map.error().Describe();
    map_ = *map;
  }

  dossier::Dossier Receive(const char* procedure, const char* at) {
    workflow::IntakeRequest req = motcua::testing::SampleIntake(procedure);
    req.processing_unit = kUnit;
    req.received_at = At(at);
    auto r = workflow::Receive(t_->desk, t_->officer, req, At(at));
    EXPECT_TRUE(r) << r.error().Describe();
    return r ? r->dossier : dossier::Dossier{};
  }
  void Apply(const std::string& code, dossier::Action a, Instant at, const workflow::ActionDetails& details = {}) {
    auto r = workflow::Apply(t_->desk, t_->officer, code, a, details, at);
    EXPECT_TRUE(r) << dossier::ActionKey(a) << " " << code << ": " << r.error().Describe();
  }
  Result<WorkToday> Build(indicators::Grouping grouping, const WorkOptions& options = {}) {
    auto scored = scoring::ScoreStore(*t_->store, map_, *t_->calendar, indicators::MonthPeriod(2026, 8), grouping);
    if (!scored) return scored.error();
    scored_ = std::move(*scored);
    return BuildWorkToday({&scored_.report, &scored_.records, t_->store.get(), &*t_->calendar}, now_, options);
  }
  static std::set<std::string> Codes(const UnitWork& u, WorkKind kind) {
    std::set<std::string> out;
    for (const WorkItem& item : u.items)
      if (item.kind == kind) out.insert(item.dossier_code);
    return out;
  }

  motcua::testing::TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
  dossier::StatusMap map_;
  scoring::StoreScore scored_;
  const Instant now_ = At("2026-08-27 10:00");
};

TEST_F(WorkTodayTest, SortsAHandfulOfDossiersIntoTheirKinds) {
  using dossier::Action;
  // Due Friday 28 14:00 (20 Aug + 7 working days: 21, 22 make-up, 24, 25, 26, 27, 28): due soon.
  const dossier::Dossier friday = Receive("1.004222", "2026-08-20 14:00");
  ASSERT_EQ(friday.due_at, At("2026-08-28 14:00"));
  // Due after the long weekend: not listed.
  const dossier::Dossier later = Receive("1.004222", "2026-08-21 14:00");
  ASSERT_GT(*later.due_at, At("2026-08-29 00:00"));
  // Due today at 15:00 or on Friday (8 working hours): due soon.
  const dossier::Dossier hours8 = Receive("9.999001", "2026-08-27 08:00");
  ASSERT_LT(*hours8.due_at, At("2026-08-29 00:00"));
  // Due 19 August, still open, no apology: overdue without an apology.
  const dossier::Dossier overdue = Receive("1.004222", "2026-08-10 09:00");
  ASSERT_LT(*overdue.due_at, now_);
  // Same, but the apology (Mẫu 04) was issued before the due date: not listed as overdue.
  const dossier::Dossier apologised = Receive("1.004222", "2026-08-10 09:30");
  {
    auto a = workflow::IssueApology(t_->desk, t_->officer, apologised.code, At("2026-09-10 09:30"), "Chờ xác minh",
                                    *apologised.due_at - hours(2));
    ASSERT_TRUE(a) << a.error().Describe();
  }
  // Overdue but waiting for a supplement: the clock is stopped, not listed.
  const dossier::Dossier paused = Receive("1.004222", "2026-08-10 10:00");
  Apply(paused.code, Action::kTransfer, At("2026-08-10 11:00"));
  Apply(paused.code, Action::kStartProcessing, At("2026-08-10 13:30"));
  Apply(paused.code, Action::kRequestSupplement, At("2026-08-11 09:00"),
        {.reason = "Thiếu giấy tờ", .items = {"Bản sao giấy tờ"}});
  // Finished on time without an electronic result; its papers were scanned.
  const dossier::Dossier done = Receive("1.004222", "2026-08-11 09:00");
  for (std::size_t k = 0; k < done.components.size(); ++k) {
    if (done.components[k].shown_only) continue;
    auto a = workflow::AttachComponentFile(t_->desk, t_->officer, done.code, int(k),
                                           {std::string(64, 'a' + char(k)), "application/pdf", 1, 1024, "scan.pdf", "",
                                            Instant{}},
                                           At("2026-08-11 09:10"));
    ASSERT_TRUE(a) << a.error().Describe();
  }
  Apply(done.code, Action::kTransfer, At("2026-08-11 10:00"));
  Apply(done.code, Action::kStartProcessing, At("2026-08-11 11:00"));
  Apply(done.code, Action::kMarkDone, At("2026-08-12 15:00"));

  auto today = Build(indicators::Grouping::kUnit);
  ASSERT_TRUE(today) << today.error().Describe();
  EXPECT_EQ(today->now, now_);
  ASSERT_EQ(today->units.size(), 1u);
  const UnitWork& u = today->units[0];
  EXPECT_EQ(u.unit, kUnit);
  EXPECT_TRUE(u.has_card);

  using Set = std::set<std::string>;
  EXPECT_EQ(Codes(u, WorkKind::kDueSoon), (Set{friday.code, hours8.code}));
  EXPECT_EQ(Codes(u, WorkKind::kOverdueNoApology), (Set{overdue.code}));
  EXPECT_EQ(Codes(u, WorkKind::kResultNotDigitized), (Set{done.code}));
  Set all{friday.code, later.code, hours8.code, overdue.code, apologised.code, paused.code, done.code};
  Set unscanned = all;
  unscanned.erase(done.code);
  EXPECT_EQ(Codes(u, WorkKind::kComponentsNotDigitized), unscanned);
  EXPECT_EQ(Codes(u, WorkKind::kNotSynced), all);  // no sync client has run
  EXPECT_EQ(u.counts[int(WorkKind::kDueSoon)], 2);
  EXPECT_EQ(u.counts[int(WorkKind::kOverdueNoApology)], 1);

  double recoverable = 0;
  for (const WorkItem& item : u.items) {
    if (item.recoverable) recoverable += item.points_unit;
    switch (item.kind) {
      case WorkKind::kDueSoon:
        EXPECT_EQ(item.action, WorkAction::kFinishBeforeDue);
        EXPECT_TRUE(item.recoverable);
        // 2.1 judges the month at its end, when these are late if not finished: at stake now.
        EXPECT_GT(item.points_unit, 0) << item.dossier_code;
        EXPECT_EQ(item.indicators, (std::vector<IndicatorId>{IndicatorId::k2_1, IndicatorId::k5_4}));
        EXPECT_EQ(item.applicant_name, motcua::testing::SampleIntake().applicant.name);
        break;
      case WorkKind::kOverdueNoApology:
        EXPECT_EQ(item.action, WorkAction::kApologizeAndFinish);
        EXPECT_FALSE(item.recoverable);
        EXPECT_EQ(item.due_at, overdue.due_at);
        break;
      case WorkKind::kResultNotDigitized:
        EXPECT_EQ(item.action, WorkAction::kAttachResult);  // done, not yet returned
        EXPECT_TRUE(item.recoverable);
        EXPECT_EQ(item.state, dossier::State::kDone);
        break;
      case WorkKind::kComponentsNotDigitized:
        EXPECT_EQ(item.action, WorkAction::kScanComponents);
        EXPECT_FALSE(item.detail.empty());
        break;
      default: break;
    }
  }
  EXPECT_NEAR(u.recoverable_points_unit, recoverable, 1e-12);
  // Items are grouped by kind in WorkKind order, then by due instant.
  for (std::size_t i = 1; i < u.items.size(); ++i) EXPECT_LE(u.items[i - 1].kind, u.items[i].kind) << i;
  const auto& first = u.items[0];
  const auto& second = u.items[1];
  ASSERT_EQ(first.kind, WorkKind::kDueSoon);
  EXPECT_LE(*first.due_at, *second.due_at);
}

TEST_F(WorkTodayTest, FiltersByUnitAndRefusesMissingSources) {
  Receive("1.004222", "2026-08-20 14:00");
  auto items = [](const WorkToday& w) {
    std::size_t n = 0;
    for (const UnitWork& u : w.units) n += u.items.size();
    return n;
  };
  auto mine = Build(indicators::Grouping::kUnit, {.unit = kUnit});
  ASSERT_TRUE(mine) << mine.error().Describe();
  ASSERT_EQ(mine->units.size(), 1u);
  EXPECT_EQ(mine->units[0].unit, kUnit);
  EXPECT_GT(items(*mine), 0u);
  auto other = Build(indicators::Grouping::kUnit, {.unit = "Sở Tư pháp"});
  ASSERT_TRUE(other) << other.error().Describe();
  EXPECT_EQ(items(*other), 0u);
  auto center = Build(indicators::Grouping::kCenter);
  ASSERT_TRUE(center);
  ASSERT_EQ(center->units.size(), 1u);
  EXPECT_EQ(center->units[0].unit, "");
  EXPECT_EQ(center->units[0].counts[int(WorkKind::kDueSoon)], 1);

  auto missing = BuildWorkToday({&scored_.report, &scored_.records, t_->store.get(), nullptr}, now_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(missing.error().field, "sources");
  EXPECT_EQ(missing.error().rule, "required");
  auto no_report = BuildLateOfficers({nullptr, &scored_.records, t_->store.get(), nullptr});
  ASSERT_FALSE(no_report);
  EXPECT_EQ(no_report.error().rule, "required");
}

}  // namespace
}  // namespace motcua::reports
