// The report documents of reports/document.h: the Vietnamese number and date text, then each report
// kind built from a small seeded month (seeded_center.h) — its tables' rows, columns and totals
// against the lists they come from, the public list's privacy, and every string in NFC.
#include <gtest/gtest.h>

#include <set>

#include "common/text.h"
#include "reports/document.h"
#include "reports/lists.h"
#include "reports/store_report.h"
#include "scoring/store_scoring.h"
#include "seeded_center.h"

namespace motcua::reports {
namespace {

using indicators::IndicatorId;
using motcua::testing::At;

// ---- Number and date text -----------------------------------------------------------------------

TEST(FormatVi, NumbersUseADecimalCommaAndDotsBetweenThousands) {
  struct {
    double points;
    const char* text;
  } points[] = {{67.7, "67,70"},   {0, "0,00"},          {-0.004, "0,00"},  {-0.006, "-0,01"},
                {100, "100,00"},   {1234.5, "1.234,50"}, {19.1, "19,10"},   {2.5, "2,50"}};
  for (const auto& p : points) EXPECT_EQ(FormatPointsVi(p.points), p.text) << p.points;
  EXPECT_EQ(FormatIntegerVi(0), "0");
  EXPECT_EQ(FormatIntegerVi(999), "999");
  EXPECT_EQ(FormatIntegerVi(1000), "1.000");
  EXPECT_EQ(FormatIntegerVi(12345), "12.345");
  EXPECT_EQ(FormatIntegerVi(-1234567), "-1.234.567");
  EXPECT_EQ(FormatPercentVi(0.852), "85,20%");
  EXPECT_EQ(FormatPercentVi(1.0), "100,00%");
  EXPECT_EQ(FormatPercentVi(std::nullopt), "—");
}

TEST(FormatVi, DatesAreVietnamTime) {
  EXPECT_EQ(FormatInstantVi(At("2026-08-20 14:30")), "14:30 20/08/2026");
  // 17:00 UTC on 31 December is already New Year's Day in Vietnam.
  EXPECT_EQ(FormatInstantVi(FromUnixSeconds(1798736400)), "00:00 01/01/2027");
  EXPECT_EQ(MonthLabelVi(2026, 8), "08/2026");
  EXPECT_EQ(PeriodTextVi(indicators::MonthPeriod(2026, 8)), "tháng 08/2026");
  EXPECT_EQ(PeriodTextVi(indicators::MonthPeriod(2028, 2)), "tháng 02/2028");  // leap year: 29 days
  auto half = indicators::MakePeriod(indicators::MonthPeriod(2026, 8).from, indicators::MonthPeriod(2026, 8).from +
                                                                                std::chrono::days(14));
  ASSERT_TRUE(half);
  EXPECT_EQ(PeriodTextVi(*half), "01/08/2026 – 15/08/2026");
  // A whole month plus one day is not "tháng".
  auto longer = indicators::MakePeriod(indicators::MonthPeriod(2026, 8).from, indicators::MonthPeriod(2026, 9).from);
  ASSERT_TRUE(longer);
  EXPECT_EQ(PeriodTextVi(*longer), "01/08/2026 – 01/09/2026");
}

TEST(Cell, KeepsTheNumberAndTheVietnameseText) {
  const Cell i = IntegerCell(1234);
  EXPECT_EQ(i.text, "1.234");
  EXPECT_EQ(i.number, 1234.0);
  EXPECT_EQ(i.format, NumberFormat::kInteger);
  const Cell p = PointsCell(67.7);
  EXPECT_EQ(p.text, "67,70");
  EXPECT_EQ(p.number, 67.7);
  const Cell r = PercentCell(0.852);
  EXPECT_EQ(r.text, "85,20%");
  EXPECT_EQ(r.number, 0.852);  // the ratio, not the percentage
  EXPECT_EQ(r.format, NumberFormat::kPercent);
  const Cell none = PercentCell(std::nullopt);
  EXPECT_EQ(none.text, "—");
  EXPECT_FALSE(none.number);
  EXPECT_EQ(none.format, NumberFormat::kText);
  EXPECT_FALSE(TextCell("Sở Tư pháp").number);
}

TEST(Document, CsvTableCountsTablesOnlyAndFallsBackToTheFirst) {
  Document d;
  EXPECT_EQ(d.CsvTable(), nullptr);
  Table a, b;
  a.title = "A";
  b.title = "B";
  d.blocks = {Paragraph{"x", false}, a, BarChart{}, b};
  d.csv_table = 1;
  ASSERT_NE(d.CsvTable(), nullptr);
  EXPECT_EQ(d.CsvTable()->title, "B");
  EXPECT_EQ(d.Tables().size(), 2u);
  d.csv_table = 7;  // out of range: the first table
  EXPECT_EQ(d.CsvTable()->title, "A");
}

// ---- Documents of a small seeded month -----------------------------------------------------------

constexpr const char* kCenterName = "Trung tâm Phục vụ hành chính công tỉnh";

// Every string a document holds, for the NFC and privacy checks.
std::vector<std::string> AllText(const Document& d) {
  std::vector<std::string> out{d.kind, d.title, d.subtitle, d.generated};
  for (const Block& b : d.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) out.push_back(p->text);
    if (const auto* t = std::get_if<Table>(&b)) {
      out.insert(out.end(), {t->sheet, t->title, t->note});
      for (const Column& c : t->columns) out.push_back(c.header);
      for (const auto& row : t->rows)
        for (const Cell& c : row) out.push_back(c.text);
    }
    if (const auto* chart = std::get_if<BarChart>(&b)) {
      out.insert(out.end(), {chart->title, chart->note});
      for (const Bar& bar : chart->bars) out.insert(out.end(), {bar.label, bar.value_text});
    }
  }
  return out;
}

void ExpectWellFormed(const Document& d) {
  for (const Table* t : d.Tables())
    for (std::size_t r = 0; r < t->rows.size(); ++r)
      EXPECT_EQ(t->rows[r].size(), t->columns.size()) << d.kind << " / " << t->title << " row " << r;
  for (const std::string& s : AllText(d)) EXPECT_EQ(NormalizeNfc(s), s) << d.kind << ": not NFC: " << s;
  EXPECT_NE(d.CsvTable(), nullptr) << d.kind;
}

std::vector<const BarChart*> Charts(const Document& d) {
  std::vector<const BarChart*> out;
  for (const Block& b : d.blocks)
    if (const auto* c = std::get_if<BarChart>(&b)) out.push_back(c);
  return out;
}

class DocumentTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new motcua::testing::TempDir;
    center_ = testing::SeedCenter(dir_->path(), {.august_dossiers = 60, .july_dossiers = 8}).release();
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
  ReportHeader Header(std::string unit = "") const { return {kCenterName, std::move(unit), center_->now}; }
  WorkToday Today() const {
    auto t = BuildWorkToday(Src(), center_->now);
    EXPECT_TRUE(t) << t.error().Describe();
    return t ? *t : WorkToday{};
  }
  LateOfficers Officers() const {
    auto names = LoadOfficerNames(*center_->t->store);
    EXPECT_TRUE(names);
    auto o = BuildLateOfficers(Src(), {.officer_names = names ? *names : std::map<std::string, std::string>{},
                                       .now = center_->now});
    EXPECT_TRUE(o) << o.error().Describe();
    return o ? *o : LateOfficers{};
  }
  CommuneTable Communes() const {
    auto procedures = center_->t->store->LoadProcedures();
    EXPECT_TRUE(procedures);
    return BuildCommuneTable(scored_->report, scored_->records, procedures ? *procedures : std::vector<catalog::Procedure>{},
                             {});
  }
  TrendReport Trend() const {
    auto t = BuildStoreTrend(*center_->t->store, center_->status_map, *center_->t->calendar, 2026, 8, 3);
    EXPECT_TRUE(t) << t.error().Describe();
    return t ? *t : TrendReport{};
  }

  static motcua::testing::TempDir* dir_;
  static testing::SeededCenter* center_;
  static scoring::StoreScore* scored_;
};
motcua::testing::TempDir* DocumentTest::dir_ = nullptr;
testing::SeededCenter* DocumentTest::center_ = nullptr;
scoring::StoreScore* DocumentTest::scored_ = nullptr;

TEST_F(DocumentTest, TodayHasASummaryRowPerUnitAndARowPerItem) {
  const WorkToday today = Today();
  const Document d = TodayDocument(today, Header());
  ExpectWellFormed(d);
  EXPECT_EQ(d.kind, "today");
  EXPECT_EQ(d.title, "VIỆC CẦN LÀM HÔM NAY THEO BỘ CHỈ SỐ 766");
  EXPECT_EQ(d.subtitle, std::string(kCenterName) + " — tháng 08/2026");
  EXPECT_EQ(d.generated, "Lập lúc 10:00 27/08/2026");
  EXPECT_EQ(d.created_at, center_->now);
  const auto tables = d.Tables();
  ASSERT_EQ(tables.size(), 2u);
  const Table& summary = *tables[0];
  const Table& items = *tables[1];
  EXPECT_EQ(d.CsvTable(), &items);
  // Summary: unit, the 7 kinds, the recoverable points.
  ASSERT_EQ(summary.columns.size(), 1u + kWorkKindCount + 1u);
  EXPECT_EQ(summary.columns[1].header, "Sắp đến hạn");
  EXPECT_TRUE(summary.columns[1].numeric);
  ASSERT_EQ(summary.rows.size(), today.units.size());
  ASSERT_EQ(today.units.size(), 3u);
  std::size_t item_count = 0;
  for (std::size_t u = 0; u < today.units.size(); ++u) {
    const UnitWork& unit = today.units[u];
    const auto& row = summary.rows[u];
    EXPECT_EQ(row[0].text, unit.label);
    for (int k = 0; k < kWorkKindCount; ++k) EXPECT_EQ(row[1 + k].number, double(unit.counts[k])) << unit.unit << k;
    EXPECT_EQ(row.back().number, unit.recoverable_points_unit);
    EXPECT_EQ(row.back().text, FormatPointsVi(unit.recoverable_points_unit));
    item_count += unit.items.size();
  }
  // Items: one row per item in unit order, with the kind's title, the code and the applicant (an
  // officers' document), the action in Vietnamese, and the points.
  ASSERT_EQ(items.rows.size(), item_count);
  ASSERT_GT(item_count, 0u);
  EXPECT_EQ(items.columns.size(), 12u);
  EXPECT_TRUE(items.columns[2].mono);
  EXPECT_EQ(items.pdf_row_limit, 0u);  // the today report prints every item
  EXPECT_EQ(items.note, kPointsMethodVi);
  std::size_t r = 0;
  for (const UnitWork& unit : today.units)
    for (const WorkItem& item : unit.items) {
      const auto& row = items.rows[r++];
      EXPECT_EQ(row[1].text, WorkKindTitleVi(item.kind));
      EXPECT_EQ(row[2].text, item.dossier_code);
      EXPECT_EQ(row[3].text, item.applicant_name);
      EXPECT_EQ(row[6].text, WorkActionTextVi(item.action));
      EXPECT_EQ(row[9].number, item.points_unit);
      EXPECT_EQ(row[10].number, item.points_center);
      EXPECT_EQ(row[11].text, item.recoverable ? "Có" : "Không");
    }
}

TEST_F(DocumentTest, OfficersListIsPublicWithoutApplicantData) {
  const LateOfficers officers = Officers();
  ASSERT_FALSE(officers.dossiers.empty()) << "the seed should have late dossiers";
  const Document d = OfficersDocument(officers, Header());
  ExpectWellFormed(d);
  EXPECT_EQ(d.title, "DANH SÁCH CÁN BỘ, CÔNG CHỨC ĐỂ XẢY RA CHẬM GIẢI QUYẾT TTHC");
  const auto tables = d.Tables();
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(d.CsvTable(), tables[0]);
  const Table& list = *tables[0];
  ASSERT_EQ(list.rows.size(), officers.rows.size());
  double late_total = 0;
  for (std::size_t i = 0; i < list.rows.size(); ++i) {
    const OfficerLate& o = officers.rows[i];
    EXPECT_EQ(list.rows[i][0].number, double(i + 1));  // STT
    EXPECT_EQ(list.rows[i][1].text, o.unit);
    EXPECT_EQ(list.rows[i][2].text, o.officer.empty() ? "(chưa phân công)" : testing::DisplayName(o.officer));
    EXPECT_EQ(list.rows[i][3].text, o.officer);
    EXPECT_EQ(list.rows[i][4].number, double(o.late));
    for (const std::string& code : o.dossier_codes) EXPECT_NE(list.rows[i][5].text.find(code), std::string::npos);
    late_total += *list.rows[i][4].number;
  }
  EXPECT_EQ(late_total, double(officers.dossiers.size()));
  EXPECT_EQ(tables[1]->rows.size(), officers.dossiers.size());
  // Published: no applicant's name or ID anywhere in it.
  const auto text = AllText(d);
  for (const auto& t : center_->truth)
    for (const std::string& s : text) {
      EXPECT_EQ(s.find(t.applicant_name), std::string::npos) << "applicant " << t.applicant_name << " in: " << s;
    }
}

TEST_F(DocumentTest, CommunesAreRankedWithTheRuleInTheNote) {
  const CommuneTable communes = Communes();
  const Document d = CommunesDocument(communes, Header());
  ExpectWellFormed(d);
  const auto tables = d.Tables();
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = *tables[0];
  // Rank, name, dossiers, total, the six groups, lost, late.
  ASSERT_EQ(t.columns.size(), 4u + indicators::kGroupCount + 2u);
  EXPECT_EQ(t.columns[1].header, "Xã, phường");
  EXPECT_EQ(t.columns[5].header, "Tiến độ (20)");
  ASSERT_EQ(t.rows.size(), 2u);
  std::set<std::string> names{t.rows[0][1].text, t.rows[1][1].text};
  EXPECT_EQ(names, (std::set<std::string>{testing::kMinhXuan, testing::kPhanThiet}));
  for (std::size_t i = 0; i < 2; ++i) {
    const UnitRow& row = communes.rows[i];
    EXPECT_EQ(t.rows[i][0].number, double(row.rank));
    EXPECT_EQ(t.rows[i][3].number, row.total);
    EXPECT_EQ(t.rows[i][3].text, FormatPointsVi(row.total));
    double groups = 0;
    for (int g = 0; g < indicators::kGroupCount; ++g) groups += *t.rows[i][4 + g].number;
    EXPECT_NEAR(groups, row.total, 0.04) << row.unit;  // group totals add up to the total (rounding)
    EXPECT_NEAR(*t.rows[i][10].number, 100 - row.total, 1e-9);
  }
  EXPECT_GE(*t.rows[0][3].number, *t.rows[1][3].number);
  EXPECT_NE(t.note.find("cấp xã"), std::string::npos);
  const auto charts = Charts(d);
  ASSERT_EQ(charts.size(), 1u);
  ASSERT_EQ(charts[0]->bars.size(), 2u);
  EXPECT_EQ(charts[0]->bars[0].value, communes.rows[0].total);
  EXPECT_EQ(charts[0]->bars[0].max, 100);
}

TEST_F(DocumentTest, TrendHasARowPerMonthForTheCenterAndEachUnit) {
  const TrendReport trend = Trend();
  const Document d = TrendDocument(trend, Header());
  ExpectWellFormed(d);
  EXPECT_EQ(d.subtitle, std::string(kCenterName) + " — từ tháng 06/2026 đến tháng 08/2026");
  const Table& t = *d.CsvTable();
  ASSERT_EQ(t.columns.size(), 4u + indicators::kGroupCount);
  ASSERT_EQ(trend.units.size(), 3u);
  ASSERT_EQ(t.rows.size(), 3u * (1 + trend.units.size()));
  // The center first: June had no dossiers ("—"), July and August have totals.
  EXPECT_EQ(t.rows[0][0].text, "Toàn trung tâm");
  EXPECT_EQ(t.rows[0][1].text, "06/2026");
  EXPECT_EQ(t.rows[0][3].text, "—");
  EXPECT_FALSE(t.rows[0][3].number);
  EXPECT_EQ(t.rows[2][1].text, "08/2026");
  EXPECT_EQ(t.rows[2][2].number, double(scored_->report.center.dossiers));
  EXPECT_EQ(t.rows[2][3].number, scored_->report.center.total_points);
  // Then each unit's three months, under its name.
  EXPECT_EQ(t.rows[3][0].text, trend.units[0].label);
  EXPECT_EQ(t.rows[5][3].number, trend.units[0].months[2].total);
  const auto charts = Charts(d);
  ASSERT_EQ(charts.size(), 1u);
  ASSERT_EQ(charts[0]->bars.size(), 3u);
  EXPECT_EQ(charts[0]->bars[0].value_text, "không có hồ sơ");
  EXPECT_EQ(charts[0]->bars[2].value_text, FormatPointsVi(scored_->report.center.total_points));
}

TEST_F(DocumentTest, ScoreCardHoldsEveryPartWithTheFlatTableForCsv) {
  const WorkToday today = Today();
  const LateOfficers officers = Officers();
  const CommuneTable communes = Communes();
  const TrendReport trend = Trend();
  const Document d = ScoreCardDocument({&scored_->report, &today, &trend, &officers, &communes}, Header());
  ExpectWellFormed(d);
  EXPECT_EQ(d.title, "BÁO CÁO BỘ CHỈ SỐ 766");
  const indicators::ScoreCard& center = scored_->report.center;
  ASSERT_TRUE(std::holds_alternative<Paragraph>(d.blocks[0]));
  EXPECT_EQ(std::get<Paragraph>(d.blocks[0]).text,
            "Tổng điểm Toàn trung tâm: " + FormatPointsVi(center.total_points) + " / 100,00 (" +
                FormatIntegerVi(center.dossiers) + " hồ sơ tiếp nhận trong kỳ)");
  // Group bars: six groups and the total, each "points / max".
  const auto charts = Charts(d);
  ASSERT_GE(charts.size(), 1u);
  ASSERT_EQ(charts[0]->bars.size(), std::size_t(indicators::kGroupCount) + 1);
  for (int g = 0; g < indicators::kGroupCount; ++g) {
    EXPECT_EQ(charts[0]->bars[g].value, center.groups[g].points);
    EXPECT_EQ(charts[0]->bars[g].value_text,
              FormatPointsVi(center.groups[g].points) + " / " + FormatPointsVi(center.groups[g].max_points));
  }
  EXPECT_EQ(charts[0]->bars.back().label, "TỔNG ĐIỂM");
  EXPECT_EQ(charts[0]->bars.back().value, center.total_points);

  const auto tables = d.Tables();
  std::vector<std::string> titles;
  for (const Table* t : tables) titles.push_back(t->sheet);
  EXPECT_EQ(titles, (std::vector<std::string>{"Bảng chỉ số", "Chỉ số", "So sánh đơn vị", "Xu hướng",
                                              "Tóm tắt việc cần làm", "Việc cần làm", "Cán bộ để chậm",
                                              "Kết quả cấp xã"}));
  // The indicator table of the center: one row per indicator; points + lost = max.
  const Table& ind = *tables[0];
  ASSERT_EQ(ind.rows.size(), std::size_t(indicators::kIndicatorCount));
  EXPECT_FALSE(ind.in_xlsx);
  const indicators::Indicator& i21 = center.Get(IndicatorId::k2_1);
  const auto& row21 = ind.rows[int(IndicatorId::k2_1)];
  EXPECT_EQ(row21[0].text, "2.1");
  EXPECT_EQ(row21[2].number, double(i21.numerator));
  EXPECT_EQ(row21[3].number, double(i21.denominator));
  EXPECT_EQ(row21[4].number, i21.ratio);
  EXPECT_EQ(row21[5].number, i21.points);
  EXPECT_NEAR(*row21[5].number + *row21[7].number, 20.0, 1e-9);
  EXPECT_EQ(row21[8].number, double(i21.losses.size()));
  EXPECT_EQ(ind.rows[int(IndicatorId::k2_2)][5].text, "theo dõi");  // tracking only
  // No PAKN this month: 5.2 has nothing to score. The PDF says so as the score card does, and keeps the
  // 6 points the portal counts (issue 16: it printed a bare "6,00").
  indicators::ScoreReport no_pakn = scored_->report;
  indicators::Indicator& i52 = no_pakn.center.indicators[int(IndicatorId::k5_2)];
  i52.numerator = i52.denominator = 0;
  i52.ratio.reset();
  i52.points = 6.0;  // ZeroPakn::kFullPointsEach, as the scorer gives it
  const Document without = ScoreCardDocument({&no_pakn, nullptr, nullptr, nullptr, nullptr}, Header());
  const auto& row52 = without.Tables()[0]->rows[int(IndicatorId::k5_2)];
  EXPECT_EQ(row52[5].text, "Chưa có dữ liệu (tính 6,00)");
  EXPECT_EQ(row52[5].number, 6.0);
  // The flat table (the CSV) has every card: the center and the three units, 25 rows each.
  EXPECT_EQ(d.CsvTable(), tables[1]);
  EXPECT_FALSE(tables[1]->in_pdf);
  EXPECT_EQ(tables[1]->rows.size(), std::size_t(indicators::kIndicatorCount) * 4);
  EXPECT_EQ(tables[2]->rows.size(), 3u);  // unit comparison
  EXPECT_EQ(tables[5]->pdf_row_limit, 40u);
  std::size_t items = 0;
  for (const auto& u : today.units) items += u.items.size();
  EXPECT_EQ(tables[5]->rows.size(), items);

  // Limited to one unit: that unit's card, no comparison, the flat table has its 25 rows only.
  const Document one = ScoreCardDocument({&scored_->report, nullptr, nullptr, nullptr, nullptr}, Header(testing::kTuPhap));
  ExpectWellFormed(one);
  EXPECT_NE(one.subtitle.find(std::string("Đơn vị: ") + testing::kTuPhap), std::string::npos);
  EXPECT_EQ(one.Tables().size(), 2u);
  EXPECT_EQ(one.CsvTable()->rows.size(), std::size_t(indicators::kIndicatorCount));
  EXPECT_EQ(one.CsvTable()->rows[0][0].text, testing::kTuPhap);
  EXPECT_EQ(std::get<Paragraph>(one.blocks[0]).text.rfind(std::string("Tổng điểm ") + testing::kTuPhap, 0), 0u);
}

TEST_F(DocumentTest, StoreReportNormalizesTheUnitToNfc) {
  // "UBND xã Minh Xuân" decomposed (a + U+0303, a + U+0302), as typed on some keyboards: the same unit.
  const std::string nfd = "UBND xa\xCC\x83 Minh Xua\xCC\x82n";
  ASSERT_NE(nfd, testing::kMinhXuan);
  ASSERT_EQ(NormalizeNfc(nfd), testing::kMinhXuan);
  StoreReportRequest req{.kind = "today", .year = 2026, .month = 8, .unit = nfd, .now = center_->now,
                         .center_name = kCenterName};
  auto d = BuildStoreReport(*center_->t->store, center_->status_map, *center_->t->calendar, req);
  ASSERT_TRUE(d) << d.error().Describe();
  ExpectWellFormed(*d);
  req.unit = testing::kMinhXuan;
  auto same = BuildStoreReport(*center_->t->store, center_->status_map, *center_->t->calendar, req);
  ASSERT_TRUE(same);
  EXPECT_EQ(d->subtitle, same->subtitle);
  ASSERT_EQ(d->Tables().size(), same->Tables().size());
  EXPECT_EQ(d->CsvTable()->rows.size(), same->CsvTable()->rows.size());
  EXPECT_GT(same->CsvTable()->rows.size(), 0u);
  EXPECT_EQ(ReportFileName(req, ExportFormat::kCsv), "today-2026-08-ubnd-xa-minh-xuan.csv");
}

}  // namespace
}  // namespace motcua::reports
