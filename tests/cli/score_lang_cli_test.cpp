// `motcua score`'s table in both languages of the global --lang, through the real binary, against the
// score card's view of the same report (ui_model/scorecard_view.h): every number the screen shows is
// printed the same way by the CLI, "13,33" in Vietnamese and "13.33" in English (issue 16), because
// both go through common/number_format.h.
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "dvc/national_record.h"
#include "indicators/scorer.h"
#include "support/fixtures.h"
#include "ui_model/scorecard_view.h"

namespace motcua {
namespace {

using motcua::testing::RunCli;
using motcua::testing::TempDir;

// Three dossiers of one commune in 08/2026, synced, received directly: A1 and A3 finished early, A2 a
// day late. Worked example: 2.1 = 2/3 = 66,67% → 20 × 2/3 = 13,33 of 20; 1.4 = 3/3 → 6,00; 5.4 =
// 2/3 → 6 × (2/3) / 0.9 = 4,44; with no PAKN entered, 5.2 and 5.3 have no data (the portal counts 6
// each); total 35,77 (domain.md §1.2).
constexpr const char* kRecords = R"([
  {"MaHoSo": "A1", "MaTTHC": "1.004222", "NgayTiepNhan": "20260803080000", "NgayHenTra": "20260810170000",
   "NgayKetThucXuLy": "20260805100000", "TrangThaiHoSo": "9", "DonViXuLy": "UBND xã Yên Sơn"},
  {"MaHoSo": "A2", "MaTTHC": "1.004222", "NgayTiepNhan": "20260804080000", "NgayHenTra": "20260811170000",
   "NgayKetThucXuLy": "20260812100000", "TrangThaiHoSo": "9", "DonViXuLy": "UBND xã Yên Sơn"},
  {"MaHoSo": "A3", "MaTTHC": "1.004222", "NgayTiepNhan": "20260805080000", "NgayHenTra": "20260812170000",
   "NgayKetThucXuLy": "20260806100000", "TrangThaiHoSo": "9", "DonViXuLy": "UBND xã Yên Sơn"}])";

class ScoreLangCli : public ::testing::Test {
 protected:
  void SetUp() override {
    input_ = (dir_ / "records.json").string();
    std::ofstream(input_) << kRecords;
    auto records = dvc::ParseNationalRecords(kRecords);
    ASSERT_TRUE(records.has_value()) << records.error().Describe();
    records_ = std::move(*records);
    auto report = indicators::Score(records_, {}, indicators::MonthPeriod(2026, 8));
    ASSERT_TRUE(report.has_value()) << report.error().Describe();
    report_ = std::move(*report);
  }
  // The table in `lang` ("" = the default), as printed.
  std::string Table(const std::string& lang) {
    std::vector<std::string> args{"--data-dir", dir_.path().string(), "--assets", MOTCUA_ASSETS_DIR};
    if (!lang.empty()) args.insert(args.end(), {"--lang", lang});
    args.insert(args.end(), {"score", "--input", input_, "--month", "2026-08"});
    const auto r = RunCli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  // The supervisor's score card of the same report in `lang`: what the screen shows.
  ui::ScoreCardView Screen(ui::Lang lang) const {
    return ui::MakeScoreCardView(ui::ScoreCardInput{.role = workflow::Role::kSupervisor, .lang = lang,
                                                    .report = &report_, .records = &records_});
  }
  // Every number the screen shows for the center is in the table, written the same way.
  void ExpectTheScreensNumbers(const std::string& table, ui::Lang lang) {
    const ui::ScoreCardView v = Screen(lang);
    ASSERT_TRUE(v.allowed);
    EXPECT_NE(table.find(v.total_text), std::string::npos) << v.total_text << "\n" << table;
    for (const ui::GroupBar& g : v.groups) EXPECT_NE(table.find(g.value_text), std::string::npos) << g.value_text;
    int compared = 0;
    for (const ui::IndicatorGroupView& g : v.indicator_groups)
      for (const ui::IndicatorRow& r : g.rows) {
        if (r.is_tracking) continue;
        const std::size_t line = table.find("     " + r.code + " ");
        ASSERT_NE(line, std::string::npos) << r.code;
        const std::string text = table.substr(line, table.find('\n', line) - line);
        EXPECT_NE(text.find(r.points_text), std::string::npos) << r.code << ": " << r.points_text << " | " << text;
        if (r.has_data) {
          EXPECT_NE(text.find(r.ratio_text), std::string::npos) << r.code << ": " << r.ratio_text;
        }
        ++compared;
      }
    EXPECT_GE(compared, 15);
  }

  TempDir dir_;
  std::string input_;
  std::vector<dvc::NationalRecord> records_;
  indicators::ScoreReport report_;
};

TEST_F(ScoreLangCli, VietnameseByDefaultWritesNumbersAsTheScreenDoes) {
  const std::string table = Table("");
  EXPECT_EQ(table, Table("vi"));
  ExpectTheScreensNumbers(table, ui::Lang::kVi);
  // The worked example, spelled out.
  EXPECT_NE(table.find("TỔNG ĐIỂM"), std::string::npos);
  EXPECT_NE(table.find("35,77 / 100"), std::string::npos) << table;
  EXPECT_NE(table.find("66,67%   13,33 / 20"), std::string::npos) << table;
  EXPECT_NE(table.find("4,44 / 6"), std::string::npos) << table;
  EXPECT_NE(table.find("Chưa có dữ liệu (tính 6,00 / 6)"), std::string::npos) << table;  // 5.2, 5.3
  EXPECT_EQ(table.find("13.33"), std::string::npos) << "no decimal point in Vietnamese output";
  EXPECT_EQ(table.find("66.67%"), std::string::npos);
}

TEST_F(ScoreLangCli, EnglishKeepsTheDecimalPoint) {
  const std::string table = Table("en");
  ExpectTheScreensNumbers(table, ui::Lang::kEn);
  EXPECT_NE(table.find("TOTAL"), std::string::npos);
  EXPECT_NE(table.find("35.77 / 100"), std::string::npos) << table;
  EXPECT_NE(table.find("66.67%   13.33 / 20"), std::string::npos) << table;
  EXPECT_NE(table.find("Dossiers processed early or on time"), std::string::npos) << table;
  EXPECT_NE(table.find("No data (counted 6.00 / 6)"), std::string::npos) << table;
  EXPECT_EQ(table.find("13,33"), std::string::npos);
}

TEST_F(ScoreLangCli, JsonIsNeverLocalizedAndAnUnknownLanguageIsBadInput) {
  const auto json = RunCli({"--data-dir", dir_.path().string(), "--lang", "vi", "--json", "score", "--input", input_,
                            "--month", "2026-08"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"points\":35.77"), std::string::npos) << json.out.substr(0, 400);
  const auto bad = RunCli({"--data-dir", dir_.path().string(), "--lang", "fr", "score", "--input", input_});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("lang"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("unknown_language"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace motcua
