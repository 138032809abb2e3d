// The supervisor's score card in the counter (issue 6): the model scores the month by unit when the
// screen is entered, the view is built from it, and ScoreCardCommands change the unit and the month,
// open dossiers, export files and switch the language, all without a display. Roles: only a role with
// Permission::kViewScores gets the tab, the data and the actions.
#include "ui_model/scorecard_view.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "rating/rating.h"
#include "support/fixtures.h"
#include "ui_model/counter_app.h"
#include "ui_model/scorecard_fixture.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

using motcua::testing::At;

std::set<std::string> PlaceholdersOf(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
    const std::size_t end = text.find('}', i);
    if (end == std::string_view::npos) break;
    out.insert(std::string(text.substr(i, end - i + 1)));
  }
  return out;
}

TEST(ScoreCardStrings, SortedUniqueInBothLanguagesWithTheSamePlaceholders) {
  // The score card's strings are the "scorecard." keys of the one table (ui_model/strings.cpp).
  std::vector<UiString> table;
  for (const UiString& s : AllStrings())
    if (s.key.rfind("scorecard.", 0) == 0) table.push_back(s);
  ASSERT_FALSE(table.empty());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const UiString& s = table[i];
    if (i > 0) {
      EXPECT_LT(table[i - 1].key, s.key) << "sorted and unique";
    }
    EXPECT_FALSE(s.vi.empty()) << s.key;
    EXPECT_FALSE(s.en.empty()) << s.key;
    EXPECT_EQ(PlaceholdersOf(s.vi), PlaceholdersOf(s.en)) << s.key;
    EXPECT_STREQ(Tr(Lang::kVi, s.key), std::string(s.vi).c_str()) << s.key;
    EXPECT_STREQ(Tr(Lang::kEn, s.key), std::string(s.en).c_str()) << s.key;
  }
}

class ScoreCardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = testing::MakeStation("2026-03-12 08:30");  // Thursday
    ASSERT_NE(f, nullptr);
    month = testing::SeedScoreCardMonth(*f);
    ASSERT_FALSE(HasFailure());
  }
  Status Do(ScoreCardAction a) { return f->Do(ScoreCardCommand{std::move(a)}); }
  ScoreCardView View() { return MakeScoreCardView(f->model, f->clock.Now()); }
  void EnterAsSupervisor() {
    f->SignIn(testing::kSupervisor);
    Status s = f->Do(Navigate{std::string(kScreenScoreCard)});
    ASSERT_TRUE(s.has_value()) << s.error().Describe();
    ASSERT_EQ(f->model.screen, kScreenScoreCard);
    ASSERT_TRUE(f->model.scorecard.scored.has_value());
  }

  std::unique_ptr<testing::StationFixture> f;
  testing::ScoreCardMonth month;
};

TEST_F(ScoreCardTest, OfficerHasNoTabIsRefusedAndGetsNoScoreData) {
  f->SignIn(testing::kOfficer);
  for (const NavTab& t : MakeShellView(f->model, f->clock.Now()).tabs) EXPECT_NE(t.key, kScreenScoreCard);
  const Status nav = f->Do(Navigate{std::string(kScreenScoreCard)});
  ASSERT_FALSE(nav.has_value());
  EXPECT_EQ(nav.error().rule, "not_allowed");
  EXPECT_NE(f->model.screen, kScreenScoreCard);
  const Status refresh = Do(scorecard::Refresh{});
  ASSERT_FALSE(refresh.has_value());
  EXPECT_EQ(refresh.error().field, "role");
  EXPECT_EQ(refresh.error().rule, "not_allowed");
  const Status exported = Do(scorecard::ExportScoreCard{reports::ExportFormat::kCsv, "scorecard"});
  ASSERT_FALSE(exported.has_value());
  EXPECT_EQ(exported.error().rule, "not_allowed");
  EXPECT_FALSE(f->model.scorecard.scored.has_value());
  const ScoreCardView v = View();
  EXPECT_FALSE(v.allowed);
  EXPECT_FALSE(v.denied_text.empty());
  EXPECT_TRUE(v.units.empty());
  EXPECT_TRUE(v.indicator_groups.empty());
  EXPECT_TRUE(v.work.empty());
}

TEST_F(ScoreCardTest, SupervisorHasTheTabAndEnteringScoresTheCurrentMonthByUnit) {
  f->SignIn(testing::kSupervisor);
  bool has_tab = false;
  for (const NavTab& t : MakeShellView(f->model, f->clock.Now()).tabs) has_tab |= t.key == kScreenScoreCard;
  EXPECT_TRUE(has_tab);
  EnterAsSupervisor();
  const ScoreCardModel& sc = f->model.scorecard;
  EXPECT_EQ(sc.year, 2026);
  EXPECT_EQ(sc.month, 3u);
  EXPECT_EQ(sc.scored->report.center.dossiers, std::int64_t(month.march_codes.size()));
  EXPECT_GE(sc.scored->report.breakdown.size(), 3u);
  ASSERT_TRUE(sc.trend.has_value());
  EXPECT_EQ(sc.trend->center.size(), std::size_t(kScoreCardTrendMonths));

  const ScoreCardView v = View();
  ASSERT_TRUE(v.allowed);
  EXPECT_EQ(v.period_text, "Tháng 03/2026");
  EXPECT_FALSE(v.has_next_month);
  ASSERT_EQ(v.units.size(), sc.scored->report.breakdown.size() + 1);
  EXPECT_TRUE(v.units[0].is_selected);  // the center first, selected
  EXPECT_EQ(v.units[0].label, "Toàn trung tâm");
  EXPECT_EQ(v.groups.size(), std::size_t(indicators::kGroupCount));
  EXPECT_EQ(v.comparison.size(), sc.scored->report.breakdown.size());
  ASSERT_EQ(v.trend.size(), std::size_t(kScoreCardTrendMonths));
  EXPECT_TRUE(v.trend[4].has_data);   // February
  EXPECT_TRUE(v.trend[5].has_data);   // March
  EXPECT_FALSE(v.trend[0].has_data);  // October 2025: nothing yet
  // The late March dossier is behind 2.1's lost points, one click from its dossier.
  bool late_listed = false;
  for (const IndicatorGroupView& g : v.indicator_groups)
    for (const IndicatorRow& r : g.rows)
      if (r.code == "2.1")
        for (const LossRow& l : r.losses) late_listed |= l.open && l.open->code == month.late_code;
  EXPECT_TRUE(late_listed);
  // Today's work: the dossier due on Friday is in "due within one working day".
  bool due_soon = false;
  for (const WorkSection& s : v.work)
    if (s.kind == reports::WorkKind::kDueSoon)
      for (const WorkRow& r : s.rows) due_soon |= r.open.code == month.due_soon_code;
  EXPECT_TRUE(due_soon);
}

TEST_F(ScoreCardTest, SelectUnitShowsThatUnitsCardAndItsWorkOnly) {
  EnterAsSupervisor();
  const std::string unit = f->model.scorecard.scored->report.breakdown.at(0).key;
  ASSERT_TRUE(Do(scorecard::SelectUnit{unit}).has_value());
  const ScoreCardView v = View();
  EXPECT_EQ(v.scope_label, unit);
  for (const UnitTab& t : v.units) EXPECT_EQ(t.is_selected, t.key == unit) << t.key;
  for (const WorkSection& s : v.work)
    for (const WorkRow& r : s.rows) EXPECT_EQ(r.unit, unit) << r.code;
  for (const ComparisonRow& r : v.comparison) EXPECT_EQ(r.is_selected, r.unit == unit);
  ASSERT_TRUE(Do(scorecard::SelectUnit{""}).has_value());
  EXPECT_TRUE(View().units[0].is_selected);
}

TEST_F(ScoreCardTest, ChangeMonthGoesBackAndNeverPastTheCurrentMonth) {
  EnterAsSupervisor();
  ASSERT_TRUE(Do(scorecard::ChangeMonth{-1}).has_value());
  EXPECT_EQ(f->model.scorecard.month, 2u);
  ScoreCardView v = View();
  EXPECT_EQ(v.period_text, "Tháng 02/2026");
  EXPECT_TRUE(v.has_next_month);
  EXPECT_EQ(f->model.scorecard.scored->report.center.dossiers, 3);
  ASSERT_TRUE(Do(scorecard::ChangeMonth{-2}).has_value());  // across the year
  EXPECT_EQ(f->model.scorecard.year, 2025);
  EXPECT_EQ(f->model.scorecard.month, 12u);
  EXPECT_FALSE(View().empty_text.empty());  // no dossiers in December
  ASSERT_TRUE(Do(scorecard::ChangeMonth{+5}).has_value());  // stops at March 2026
  EXPECT_EQ(f->model.scorecard.year, 2026);
  EXPECT_EQ(f->model.scorecard.month, 3u);
  EXPECT_FALSE(View().has_next_month);
}

TEST_F(ScoreCardTest, OpenDossierOpensTheDossierScreenAndEscComesBack) {
  EnterAsSupervisor();
  ASSERT_TRUE(Do(scorecard::OpenDossier{month.late_code}).has_value());
  EXPECT_EQ(f->model.screen, kScreenDossier);
  ASSERT_TRUE(f->model.dossier.dossier.has_value());
  EXPECT_EQ(f->model.dossier.dossier->code, month.late_code);
  ASSERT_TRUE(f->Do(GoBack{}).has_value());
  EXPECT_EQ(f->model.screen, kScreenScoreCard);
  EXPECT_TRUE(f->model.scorecard.scored.has_value());
  // An unknown code leaves the card and says so.
  EXPECT_FALSE(Do(scorecard::OpenDossier{"KHONG-CO"}).has_value());
  EXPECT_EQ(f->model.screen, kScreenScoreCard);
}

TEST_F(ScoreCardTest, ExportWritesEachFormatIntoTheExportsFolderAndSaysWhere) {
  EnterAsSupervisor();
  const std::filesystem::path exports = f->station->paths.data_dir / "exports";
  struct Case {
    reports::ExportFormat format;
    const char* kind;
    const char* file;
  };
  const Case cases[] = {{reports::ExportFormat::kPdf, "scorecard", "scorecard-2026-03.pdf"},
                        {reports::ExportFormat::kXlsx, "scorecard", "scorecard-2026-03.xlsx"},
                        {reports::ExportFormat::kCsv, "scorecard", "scorecard-2026-03.csv"},
                        {reports::ExportFormat::kXlsx, "today", "today-2026-03.xlsx"},
                        {reports::ExportFormat::kPdf, "officers", "officers-2026-03.pdf"},
                        {reports::ExportFormat::kPdf, "communes", "communes-2026-03.pdf"}};
  for (const Case& c : cases) {
    const Status s = Do(scorecard::ExportScoreCard{c.format, c.kind});
    ASSERT_TRUE(s.has_value()) << c.file << ": " << s.error().Describe();
    const std::filesystem::path path = exports / c.file;
    EXPECT_TRUE(std::filesystem::exists(path)) << path;
    EXPECT_GT(std::filesystem::file_size(path), 100u) << path;
    EXPECT_EQ(f->model.scorecard.export_path, path.string());
    EXPECT_EQ(f->model.notice_key, "scorecard.exported");
    EXPECT_EQ(f->model.notice_arg, path.string());
    EXPECT_EQ(View().last_export_text, "Đã xuất báo cáo: " + path.string());
  }
  // One unit's card: the unit's name, folded to ASCII, in the file name.
  ASSERT_TRUE(Do(scorecard::SelectUnit{"Công an cấp Xã"}).has_value());
  ASSERT_TRUE(Do(scorecard::ExportScoreCard{reports::ExportFormat::kCsv, "scorecard"}).has_value());
  EXPECT_TRUE(std::filesystem::exists(exports / "scorecard-2026-03-cong-an-cap-xa.csv"));
}

TEST_F(ScoreCardTest, BothLanguagesBuildWithNoMissingKeyAndSwitchLanguageSwitches) {
  EnterAsSupervisor();
  TakeMissingKeys();
  const ScoreCardView vi = View();
  ASSERT_TRUE(Do(scorecard::SwitchLanguage{Lang::kEn}).has_value());
  EXPECT_EQ(f->model.lang, Lang::kEn);
  const ScoreCardView en = View();
  EXPECT_EQ(vi.title, "Phiếu điểm Bộ chỉ số 766");
  EXPECT_EQ(en.title, "766 indicator score card");
  EXPECT_EQ(en.period_text, "Month 03/2026");
  EXPECT_EQ(en.units.at(0).label, "Whole center");
  const std::string unit = f->model.scorecard.scored->report.breakdown.at(0).key;
  ASSERT_TRUE(Do(scorecard::SelectUnit{unit}).has_value());
  (void)View();
  EXPECT_TRUE(TakeMissingKeys().empty());
  // The log line names the command, never applicant data.
  EXPECT_EQ(DescribeForLog(ScoreCardCommand{scorecard::OpenDossier{"X"}}), "ScoreCardCommand open code=X");
}

const IndicatorRow* FindRow(const ScoreCardView& v, std::string_view code) {
  for (const IndicatorGroupView& g : v.indicator_groups)
    for (const IndicatorRow& r : g.rows)
      if (r.code == code) return &r;
  return nullptr;
}

// Issue 16: an indicator with an empty denominator says "Chưa có dữ liệu" instead of a score. Worked
// examples over the seeded March 2026 (11 dossiers received; 3 finished on time, 2 late, 6 open and
// overdue at the month's end):
//   - no PAKN entered, no rating: 5.2 and 5.3 have 0 / 0, "no data"; the group still counts their 6
//     points each, as the portal does (domain.md §1.2: "5.2 and 5.3 → full 6", 492 observations; the
//     scorer's ZeroPakn setting), and the row says so; 1.1 (no procedure dates) has no data and no
//     points. 5.4's denominator is the dossiers, not the ratings: 3 / 11, 6 × (3/11) / 0.9 = 1.82.
//   - one unit's PAKN for March, 3 received, 2 on time, 1 rated unsatisfied: 5.2 = 6 × 2/3 = 4.00;
//     5.3 = 6 × (3 − 1 unsatisfied − 1 overdue) / 3 = 2.00 (ToPaknCounts).
//   - one "không hài lòng" rating on an on-time dossier: 5.4 = 6 × (2/11) / 0.9 = 1.2121 -> 1.21.
TEST_F(ScoreCardTest, EmptyDenominatorSaysNoDataAndRatingsScoreByTheFormula) {
  EnterAsSupervisor();
  ScoreCardView v = View();
  for (const char* code : {"5.2", "5.3"}) {
    const IndicatorRow* r = FindRow(v, code);
    ASSERT_NE(r, nullptr) << code;
    EXPECT_FALSE(r->has_data) << code;
    EXPECT_EQ(r->points_text, "Chưa có dữ liệu") << code;
    EXPECT_EQ(r->counts_text, "0 / 0") << code;
    EXPECT_EQ(r->ratio_text, "—") << code;
    EXPECT_EQ(r->tone, Tone::kNeutral) << code;
    EXPECT_EQ(r->no_data_note, "Mẫu số bằng 0: Cổng DVCQG tính 6,00 điểm cho chỉ số này") << code;
    EXPECT_EQ(r->lost_text, "") << code;
  }
  const IndicatorRow* i11 = FindRow(v, "1.1");
  ASSERT_NE(i11, nullptr);
  EXPECT_EQ(i11->points_text, "Chưa có dữ liệu");
  EXPECT_EQ(i11->no_data_note, "");  // the portal shows null: it adds nothing
  const IndicatorRow* i54 = FindRow(v, "5.4");
  ASSERT_NE(i54, nullptr);
  EXPECT_TRUE(i54->has_data);
  EXPECT_EQ(i54->counts_text, "3 / 11");
  EXPECT_EQ(i54->points_text, "1,82 / 6");
  EXPECT_EQ(v.groups.at(5).value_text, "13,82 / 18");  // 6 + 6 + 1.82
  ASSERT_TRUE(Do(scorecard::SwitchLanguage{Lang::kEn}).has_value());
  EXPECT_EQ(FindRow(View(), "5.2")->points_text, "No data");
  ASSERT_TRUE(Do(scorecard::SwitchLanguage{Lang::kVi}).has_value());

  const std::string unit = f->model.scorecard.scored->report.breakdown.at(0).key;
  const workflow::Actor supervisor{testing::kSupervisor, workflow::Role::kSupervisor, "station-1"};
  const rating::PaknMonth pakn{.unit = unit, .year = 2026, .month = 3, .received = 3, .on_time = 2, .unsatisfied = 1};
  ASSERT_TRUE(rating::RecordPaknCounts(*f->station->store, supervisor, pakn, f->clock.Now()).has_value());
  const workflow::Actor kiosk{testing::kOfficer, workflow::Role::kOfficer, "station-1"};
  const rating::NewRating unhappy{.dossier_code = month.march_codes.at(1), .value = rating::RatingValue::kUnsatisfied};
  ASSERT_TRUE(rating::RecordRating(*f->station->store, kiosk, unhappy, f->clock.Now()).has_value());
  ASSERT_TRUE(Do(scorecard::Refresh{}).has_value());
  v = View();
  const IndicatorRow* i52 = FindRow(v, "5.2");
  EXPECT_TRUE(i52->has_data);
  EXPECT_EQ(i52->counts_text, "2 / 3");
  EXPECT_EQ(i52->ratio_text, "66,67%");
  EXPECT_EQ(i52->points_text, "4,00 / 6");
  EXPECT_EQ(i52->lost_text, "-2,00");
  const IndicatorRow* i53 = FindRow(v, "5.3");
  EXPECT_EQ(i53->counts_text, "1 / 3");
  EXPECT_EQ(i53->points_text, "2,00 / 6");
  EXPECT_EQ(FindRow(v, "5.4")->counts_text, "2 / 11");
  EXPECT_EQ(FindRow(v, "5.4")->ratio_text, "18,18%");
  EXPECT_EQ(FindRow(v, "5.4")->points_text, "1,21 / 6");
  EXPECT_EQ(v.groups.at(5).value_text, "7,21 / 18");  // 4 + 2 + 1.21
  // Another unit has no PAKN entered: no data there.
  ASSERT_TRUE(Do(scorecard::SelectUnit{f->model.scorecard.scored->report.breakdown.at(1).key}).has_value());
  EXPECT_EQ(FindRow(View(), "5.2")->points_text, "Chưa có dữ liệu");
}

TEST_F(ScoreCardTest, RefreshScoresAgainAfterAChange) {
  EnterAsSupervisor();
  const std::int64_t before = f->model.scorecard.scored->report.center.dossiers;
  const workflow::Actor front{testing::kOfficer, workflow::Role::kOfficer, "station-1"};
  workflow::IntakeRequest req = motcua::testing::SampleIntake("1.004222");
  req.received_at = f->clock.Now();
  ASSERT_TRUE(workflow::Receive(f->station->desk, front, req, f->clock.Now()).has_value());
  EXPECT_EQ(f->model.scorecard.scored->report.center.dossiers, before);  // cached: no scoring per frame
  f->clock.Advance(std::chrono::minutes(5));
  ASSERT_TRUE(Do(scorecard::Refresh{}).has_value());
  EXPECT_EQ(f->model.scorecard.scored->report.center.dossiers, before + 1);
  EXPECT_EQ(f->model.scorecard.loaded_at, f->clock.Now());
}

}  // namespace
}  // namespace motcua::ui
