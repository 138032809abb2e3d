// A seeded month made through the real desk (seeded_center.h): every list is checked against what the
// generator did, counted here with plain loops, and the trend against month-by-month scoring.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "reports/lists.h"
#include "reports/store_report.h"
#include "scoring/store_scoring.h"
#include "seeded_center.h"

namespace motcua::reports {
namespace {

using motcua::testing::At;
using testing::DossierTruth;
using testing::SeededCenter;

using CodeSets = std::map<std::pair<std::string, WorkKind>, std::set<std::string>>;

class SeededMonthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new motcua::testing::TempDir;
    center_ = testing::SeedCenter(dir_->path()).release();
    if (!center_) return;
    auto scored = scoring::ScoreStore(*center_->t->store, center_->status_map, *center_->t->calendar,
                                      indicators::MonthPeriod(2026, 8), indicators::Grouping::kUnit);
    if (!scored) {
      ADD_FAILURE() << scored.error().Describe();
      return;
    }
    scored_ = new scoring::StoreScore(std::move(*scored));
  }
  static void TearDownTestSuite() {
    delete scored_;
    delete center_;
    delete dir_;
    scored_ = nullptr;
    center_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(center_, nullptr);
    ASSERT_NE(scored_, nullptr);
  }
  Sources Src() const { return {&scored_->report, &scored_->records, center_->t->store.get(), &*center_->t->calendar}; }
  const DossierTruth* Truth(const std::string& code) const {
    for (const auto& t : center_->truth)
      if (t.code == code) return &t;
    return nullptr;
  }

  static motcua::testing::TempDir* dir_;
  static SeededCenter* center_;
  static scoring::StoreScore* scored_;
};
motcua::testing::TempDir* SeededMonthTest::dir_ = nullptr;
SeededCenter* SeededMonthTest::center_ = nullptr;
scoring::StoreScore* SeededMonthTest::scored_ = nullptr;

// The expected lists, from the generator's truths only. "Within one working day" of Thursday
// 2026-08-27 is up to the end of Friday 2026-08-28 (assets/calendar/vn-2026.json).
CodeSets ExpectedWork(const std::vector<DossierTruth>& truth, Instant now) {
  CodeSets out;
  const Instant end_of_friday = At("2026-08-29 00:00");
  for (const DossierTruth& t : truth) {
    auto add = [&](WorkKind k) { out[{t.unit, k}].insert(t.code); };
    if (!t.finished && !t.paused && t.current_due_at) {
      if (*t.current_due_at >= now && *t.current_due_at < end_of_friday) add(WorkKind::kDueSoon);
      if (*t.current_due_at < now && !t.apology) add(WorkKind::kOverdueNoApology);
    }
    if (!t.in_august) continue;
    if (!t.components_digitized) add(WorkKind::kComponentsNotDigitized);
    if (t.finished && !t.result_digitized) add(WorkKind::kResultNotDigitized);
    add(WorkKind::kNotSynced);  // nothing is synced: no sync client has run
    if (t.fee && !t.paid_online) add(WorkKind::kFeeNotPaidOnline);
    if (t.unsatisfied) add(WorkKind::kUnsatisfiedRating);
  }
  return out;
}

TEST_F(SeededMonthTest, GeneratedAVariedMonth) {
  // The mix the tests rely on is actually there (seed 766).
  std::map<std::string, int> count;
  for (const auto& t : center_->truth) {
    count["all"]++;
    if (t.late_now) count["late"]++;
    if (t.apology) count["apology"]++;
    if (t.paused) count["paused"]++;
    if (t.unsatisfied) count["unsatisfied"]++;
    if (t.late_now && t.expected_officer.empty()) count["unassigned"]++;
    if (t.hold == testing::Hold::kLateTakeover && t.late_now && !t.expected_officer.empty()) count["takeover"]++;
  }
  EXPECT_EQ(count["all"], 450);
  for (const char* k : {"late", "apology", "paused", "unsatisfied", "unassigned", "takeover"})
    EXPECT_GE(count[k], 3) << k;
  EXPECT_EQ(scored_->report.breakdown.size(), 3u);
}

TEST_F(SeededMonthTest, WorkTodayMatchesWhatWasDone) {
  auto today = BuildWorkToday(Src(), center_->now);
  ASSERT_TRUE(today) << today.error().Describe();
  CodeSets got;
  for (const UnitWork& u : today->units)
    for (const WorkItem& item : u.items) {
      const bool inserted = got[std::make_pair(u.unit, item.kind)].insert(item.dossier_code).second;
      EXPECT_TRUE(inserted)
          << "listed twice: " << item.dossier_code << " " << WorkKindKey(item.kind);
    }
  const CodeSets expected = ExpectedWork(center_->truth, center_->now);
  std::set<std::pair<std::string, WorkKind>> keys;
  for (const auto& [k, v] : got) keys.insert(k);
  for (const auto& [k, v] : expected) keys.insert(k);
  for (const auto& key : keys) {
    const auto g = got.count(key) ? got.at(key) : std::set<std::string>{};
    const auto e = expected.count(key) ? expected.at(key) : std::set<std::string>{};
    EXPECT_EQ(g, e) << key.first << " / " << WorkKindKey(key.second);
  }
  EXPECT_GE(expected.size(), 18u);  // every kind in every unit, or nearly
}

TEST_F(SeededMonthTest, WorkItemsCarryTheApplicantTheActionAndHonestPoints) {
  auto today = BuildWorkToday(Src(), center_->now);
  ASSERT_TRUE(today);
  for (const UnitWork& u : today->units) {
    EXPECT_TRUE(u.has_card) << u.unit;
    double recoverable = 0;
    for (const WorkItem& item : u.items) {
      const DossierTruth* t = Truth(item.dossier_code);
      ASSERT_NE(t, nullptr) << item.dossier_code;
      EXPECT_EQ(item.applicant_name, t->applicant_name);
      EXPECT_GE(item.points_unit, 0) << item.dossier_code;
      EXPECT_GE(item.points_center, 0) << item.dossier_code;
      EXPECT_LE(item.points_center, item.points_unit + 1e-9) << item.dossier_code;  // the center has more dossiers
      switch (item.kind) {
        case WorkKind::kComponentsNotDigitized:
          EXPECT_EQ(item.recoverable, !t->returned) << item.dossier_code;
          EXPECT_EQ(item.action, t->returned ? WorkAction::kNothingToRecover : WorkAction::kScanComponents);
          EXPECT_FALSE(item.detail.empty());
          break;
        case WorkKind::kResultNotDigitized:
          EXPECT_EQ(item.recoverable, !t->returned) << item.dossier_code;
          break;
        case WorkKind::kFeeNotPaidOnline:
          EXPECT_EQ(item.recoverable, !t->paid && !t->finished) << item.dossier_code;
          EXPECT_EQ(item.action, item.recoverable ? WorkAction::kGuideOnlinePayment
                                 : t->paid        ? WorkAction::kPaidAtCounter
                                                  : WorkAction::kNothingToRecover);
          break;
        case WorkKind::kOverdueNoApology:
          EXPECT_FALSE(item.recoverable);  // 766 judges the synced due date: already lost
          EXPECT_EQ(item.action, WorkAction::kApologizeAndFinish);
          break;
        case WorkKind::kDueSoon:
          EXPECT_TRUE(item.recoverable);
          // Due this week and received in August: 2.1 judges it at the month's end, so it is at stake.
          if (t->in_august) {
            EXPECT_GT(item.points_unit, 0) << item.dossier_code;
          }
          break;
        case WorkKind::kNotSynced: {
          const auto* card = &scored_->report.breakdown[0];
          for (const auto& c : scored_->report.breakdown)
            if (c.key == u.unit) card = &c;
          // 1.4 is at 0%: each synced dossier is worth 6 / D, and 3.3 rises with it.
          EXPECT_NEAR(item.points_unit, PointsPerSyncedDossier(*card, scored_->report.settings), 1e-12);
          EXPECT_GE(item.points_unit, 6.0 / double(card->dossiers) - 1e-12);
          break;
        }
        default: break;
      }
      if (item.recoverable) recoverable += item.points_unit;
    }
    EXPECT_NEAR(u.recoverable_points_unit, recoverable, 1e-9);
  }
}

TEST_F(SeededMonthTest, CenterListHoldsEveryUnitsItems) {
  auto center = scoring::ScoreStore(*center_->t->store, center_->status_map, *center_->t->calendar,
                                    indicators::MonthPeriod(2026, 8), indicators::Grouping::kCenter);
  ASSERT_TRUE(center);
  auto whole = BuildWorkToday({&center->report, &center->records, center_->t->store.get(), &*center_->t->calendar},
                              center_->now);
  auto by_unit = BuildWorkToday(Src(), center_->now);
  ASSERT_TRUE(whole && by_unit);
  ASSERT_EQ(whole->units.size(), 1u);
  EXPECT_EQ(whole->units[0].unit, "");
  std::size_t total = 0;
  for (const auto& u : by_unit->units) total += u.items.size();
  EXPECT_EQ(whole->units[0].items.size(), total);
  // One unit only.
  auto one = BuildWorkToday(Src(), center_->now, {.unit = testing::kTuPhap});
  ASSERT_EQ(one->units.size(), 1u);
  EXPECT_EQ(one->units[0].unit, testing::kTuPhap);
}

TEST_F(SeededMonthTest, OfficersWithLateDossiersMatchWhoHeldThem) {
  auto names = LoadOfficerNames(*center_->t->store);
  ASSERT_TRUE(names);
  EXPECT_EQ(names->at("xl.tuphap"), "Phạm Minh Pháp");
  auto officers = BuildLateOfficers(Src(), {.officer_names = *names, .now = center_->now});
  ASSERT_TRUE(officers) << officers.error().Describe();
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> expected;
  std::int64_t not_yet_late = 0;
  const Instant month_end = At("2026-09-01 00:00");
  for (const auto& t : center_->truth) {
    if (!t.in_august) continue;
    if (t.late_now) expected[{t.unit, t.expected_officer}].push_back(t.code);
    else if (!t.finished && !t.paused && *t.original_due_at >= center_->now && *t.original_due_at < month_end)
      ++not_yet_late;
  }
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> got;
  for (const OfficerLate& row : officers->rows) {
    got[{row.unit, row.officer}] = row.dossier_codes;
    EXPECT_EQ(row.late, std::int64_t(row.dossier_codes.size()));
    EXPECT_EQ(row.officer_name, row.officer.empty() ? "" : testing::DisplayName(row.officer));
  }
  for (auto& [k, v] : expected) std::sort(v.begin(), v.end());
  EXPECT_EQ(got, expected);
  EXPECT_EQ(officers->not_yet_late, not_yet_late);
  // Rows: by unit, most late first.
  for (std::size_t i = 1; i < officers->rows.size(); ++i) {
    const auto& a = officers->rows[i - 1];
    const auto& b = officers->rows[i];
    EXPECT_TRUE(a.unit < b.unit || (a.unit == b.unit && a.late >= b.late)) << i;
  }
  // Without `now` (a closed month) every 2.1 loss is listed.
  auto all = BuildLateOfficers(Src());
  std::int64_t listed = 0;
  for (const auto& row : all->rows) listed += row.late;
  EXPECT_EQ(listed, std::int64_t(scored_->report.center.Get(indicators::IndicatorId::k2_1).losses.size()));
}

TEST_F(SeededMonthTest, CommunesAreTheTwoCommuneUnitsRanked) {
  auto procedures = center_->t->store->LoadProcedures();
  ASSERT_TRUE(procedures);
  const CommuneTable table = BuildCommuneTable(scored_->report, scored_->records, *procedures, {});
  EXPECT_EQ(table.rule, CommuneRule::kCatalog);
  ASSERT_EQ(table.rows.size(), 2u);
  std::set<std::string> units{table.rows[0].unit, table.rows[1].unit};
  EXPECT_EQ(units, (std::set<std::string>{testing::kMinhXuan, testing::kPhanThiet}));
  EXPECT_GE(table.rows[0].total, table.rows[1].total);
  EXPECT_EQ(table.rows[0].rank, 1);
  for (const auto& row : table.rows) {
    const indicators::ScoreCard* card = nullptr;
    for (const auto& c : scored_->report.breakdown)
      if (c.key == row.unit) card = &c;
    ASSERT_NE(card, nullptr);
    EXPECT_EQ(row.total, card->total_points);
    EXPECT_EQ(row.dossiers, card->dossiers);
  }
  const CommuneTable listed = BuildCommuneTable(scored_->report, scored_->records, *procedures, {testing::kTuPhap});
  EXPECT_EQ(listed.rule, CommuneRule::kSetting);
  ASSERT_EQ(listed.rows.size(), 1u);
  EXPECT_EQ(listed.rows[0].unit, testing::kTuPhap);
}

TEST_F(SeededMonthTest, TrendMatchesScoringEachMonthOnItsOwn) {
  auto trend = BuildStoreTrend(*center_->t->store, center_->status_map, *center_->t->calendar, 2026, 8, 3);
  ASSERT_TRUE(trend) << trend.error().Describe();
  ASSERT_EQ(trend->center.size(), 3u);
  EXPECT_EQ(trend->center[0].month, 6u);
  EXPECT_FALSE(trend->center[0].has_data);
  ASSERT_EQ(trend->units.size(), 3u);
  for (int k = 1; k < 3; ++k) {
    const unsigned month = 6 + unsigned(k);
    auto alone = scoring::ScoreStore(*center_->t->store, center_->status_map, *center_->t->calendar,
                                     indicators::MonthPeriod(2026, month), indicators::Grouping::kUnit);
    ASSERT_TRUE(alone);
    EXPECT_TRUE(trend->center[k].has_data);
    EXPECT_EQ(trend->center[k].total, alone->report.center.total_points) << month;
    EXPECT_EQ(trend->center[k].dossiers, alone->report.center.dossiers) << month;
    for (int g = 0; g < indicators::kGroupCount; ++g)
      EXPECT_EQ(trend->center[k].groups[g], alone->report.center.groups[g].points) << month << " group " << g;
    for (const auto& card : alone->report.breakdown) {
      const UnitTrend* u = nullptr;
      for (const auto& x : trend->units)
        if (x.unit == card.key) u = &x;
      ASSERT_NE(u, nullptr) << card.key;
      ASSERT_EQ(u->months.size(), 3u);
      EXPECT_EQ(u->months[k].total, card.total_points) << card.key << " " << month;
    }
  }
  // August is the month scored for the lists.
  EXPECT_EQ(trend->center[2].total, scored_->report.center.total_points);
}

TEST_F(SeededMonthTest, StoreReportBuildsEveryKindAndRefusesBadRequests) {
  for (const char* kind : kReportKinds) {
    auto doc = BuildStoreReport(*center_->t->store, center_->status_map, *center_->t->calendar,
                                {.kind = kind, .year = 2026, .month = 8, .now = center_->now, .center_name = "TT"});
    ASSERT_TRUE(doc) << kind << ": " << doc.error().Describe();
    EXPECT_EQ(doc->kind, kind);
    EXPECT_NE(doc->CsvTable(), nullptr) << kind;
  }
  // The CLI's and the counter's score card are the same document: its work table has today's items.
  auto card = BuildStoreReport(*center_->t->store, center_->status_map, *center_->t->calendar,
                               {.kind = "today", .year = 2026, .month = 8, .unit = testing::kTuPhap, .now = center_->now});
  ASSERT_TRUE(card);
  auto bad = BuildStoreReport(*center_->t->store, center_->status_map, *center_->t->calendar,
                              {.kind = "everything", .year = 2026, .month = 8});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "bad_kind");
  bad = BuildStoreReport(*center_->t->store, center_->status_map, *center_->t->calendar,
                         {.kind = "today", .year = 2026, .month = 13});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "bad_month");
  bad = BuildStoreReport(*center_->t->store, center_->status_map, *center_->t->calendar,
                         {.kind = "trend", .year = 2026, .month = 8, .months = 0});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "out_of_range");
}

TEST(ReportFileName, FoldsTheUnitToAsciiWords) {
  EXPECT_EQ(ReportFileName({.kind = "scorecard", .year = 2026, .month = 8}, ExportFormat::kPdf), "scorecard-2026-08.pdf");
  EXPECT_EQ(ReportFileName({.kind = "today", .year = 2026, .month = 8, .unit = "UBND phường Phan Thiết"},
                           ExportFormat::kXlsx),
            "today-2026-08-ubnd-phuong-phan-thiet.xlsx");
  EXPECT_EQ(ReportFileName({.kind = "trend", .year = 2025, .month = 12, .unit = "Sở Tư pháp / (Đăng ký)"},
                           ExportFormat::kCsv),
            "trend-2025-12-so-tu-phap-dang-ky.csv");
  EXPECT_EQ(ReportFileName({.kind = "officers", .year = 2026, .month = 1, .unit = "!!!"}, ExportFormat::kCsv),
            "officers-2026-01.csv");
}

}  // namespace
}  // namespace motcua::reports
