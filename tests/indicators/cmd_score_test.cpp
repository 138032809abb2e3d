// `motcua score`, tested through the real binary (build/bin/motcua): files in, table or JSON out,
// exit codes 0 / 2 and error messages that name the field.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "common/number_format.h"
#include "dvc/national_record.h"
#include "indicators/month_generator.h"
#include "indicators/scorer.h"
#include "indicators/scorer_json.h"

namespace motcua::indicators {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class ScoreCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("motcua_score_test_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  // Runs build/bin/motcua with `args` (already shell-quoted), with its own data dir.
  CliRun Motcua(const std::string& args) {
    const std::string out = (dir_ / "stdout").string(), err = (dir_ / "stderr").string();
    const std::string cmd = "MOTCUA_DATA_DIR='" + dir_.string() + "' '" + std::string(MOTCUA_BIN_DIR) +
                            "/motcua' " + args + " >'" + out + "' 2>'" + err + "'";
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream o(out), e(err);
    std::stringstream so, se;
    so << o.rdbuf();
    se << e.rdbuf();
    r.out = so.str();
    r.err = se.str();
    return r;
  }

  fs::path dir_;
};

TEST_F(ScoreCli, JsonOutputIsExactlyTheLibrarysReport) {
  const auto month = testing::GenerateMonth({.seed = 21, .dossiers = 1200});
  const std::string input = Write("dossiers.json", dvc::WriteNationalRecords(month.records));
  const std::string catalog = Write("catalog.json", WriteProcedureFacts(month.procedures));
  Json counts = {{"pakn_by_unit", Json::object()}, {"certified_copies", {{"communes_offering", 7}, {"communes_total", 9}}}};
  for (const auto& [unit, p] : month.pakn_by_unit)
    counts["pakn_by_unit"][unit] = {{"total", p.total}, {"on_time", p.on_time}, {"satisfied", p.satisfied},
                                    {"about_procedures", p.about_procedures}, {"about_staff", p.about_staff}};
  const std::string counts_path = Write("counts.json", counts.dump());

  const CliRun run = Motcua("--json score --input '" + input + "' --month 2026-08 --by unit --procedures '" + catalog +
                         "' --counts '" + counts_path + "' --losses 5");
  ASSERT_EQ(run.exit_code, 0) << run.err;

  // The same inputs through the library (records re-read from the same file text).
  auto records = dvc::ParseNationalRecords(dvc::WriteNationalRecords(month.records));
  ASSERT_TRUE(records.has_value());
  ScoreInput in;
  in.records = &*records;
  in.procedures = month.procedures;
  in.pakn_by_unit = month.pakn_by_unit;
  in.certified_copies = month.certified_copies;
  in.period = MonthPeriod(2026, 8);
  in.grouping = Grouping::kUnit;
  auto report = Score(in);
  ASSERT_TRUE(report.has_value());
  EXPECT_EQ(run.out, ReportToJson(*report, *records, {.max_losses_listed = 5}) + "\n");
  const Json j = Json::parse(run.out);
  EXPECT_EQ(j["breakdown"].size(), month.unit_keys.size());
  EXPECT_EQ(j["center"]["indicators"][4]["losing_dossiers"].size(), 5u);
}

TEST_F(ScoreCli, TablePrintsVietnameseNamesPointsAndLosingDossiers) {
  const auto month = testing::GenerateMonth({.seed = 4, .dossiers = 500});
  const std::string input = Write("dossiers.json", dvc::WriteNationalRecords(month.records));
  const CliRun run = Motcua("score --input '" + input + "' --from 2026-08-01 --to 2026-08-31 --losses 2");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ScoreInput in;
  in.records = &month.records;
  in.period = MonthPeriod(2026, 8);
  auto report = Score(in);
  ASSERT_TRUE(report.has_value());
  // Vietnamese by default: numbers as the score card writes them (decimal comma).
  const std::string total = FormatDecimal(report->center.total_points, 2, NumberStyle::kVi) + " / 100";
  EXPECT_NE(run.out.find("TỔNG ĐIỂM"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find(total), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn"), std::string::npos);
  EXPECT_NE(run.out.find("2. Tiến độ giải quyết"), std::string::npos);
  EXPECT_NE(run.out.find("theo dõi"), std::string::npos) << "tracking indicators are marked";
  const Loss& first_late = report->center.Get(IndicatorId::k2_1).losses.at(0);
  EXPECT_NE(run.out.find(month.records[first_late.record_index].dossier_code + " (" + ReasonKey(first_late.reason) + ")"),
            std::string::npos)
      << run.out;
}

TEST_F(ScoreCli, MalformedDossierExitsTwoNamingRecordAndField) {
  std::string json = "[";
  for (int i = 0; i < 13; ++i) {
    if (i) json += ",";
    json += R"({"MaHoSo":"HS)" + std::to_string(i) + R"(","NgayTiepNhan":"20260803080000")" +
            (i == 12 ? R"(,"NgayHenTra":"2026-08-32")" : "") + "}";
  }
  json += "]";
  const std::string input = Write("bad.json", json);
  CliRun run = Motcua("score --input '" + input + "' --month 2026-08");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("[12].NgayHenTra"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("bad_date"), std::string::npos) << run.err;
  EXPECT_TRUE(run.out.empty());
  run = Motcua("--json score --input '" + input + "' --month 2026-08");
  EXPECT_EQ(run.exit_code, 2);
  const Json j = Json::parse(run.out);
  EXPECT_EQ(j["error"]["field"], "[12].NgayHenTra");
  EXPECT_EQ(j["error"]["rule"], "bad_date");
}

TEST_F(ScoreCli, BadArgumentsExitTwoNamingTheFlag) {
  const std::string input = Write("ok.json", R"([{"MaHoSo": "A", "NgayTiepNhan": "20260803080000"}])");
  const std::string not_json = Write("nope.json", "[{");
  const std::string bad_catalog = Write("catalog.json", R"([{"code": "1", "max_duration": "forever"}])");
  struct Case {
    std::string args;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"score --input '" + (dir_ / "missing.json").string() + "'", "input", "cannot_read"},
      {"score --input '" + not_json + "'", "[0]", "bad_json"},
      {"score --input '" + input + "' --month 2026-13", "month", "bad_month"},
      {"score --input '" + input + "' --quarter 2026-Q5", "quarter", "bad_quarter"},
      {"score --input '" + input + "' --from 2026-08-01", "to", "missing_flag"},
      {"score --input '" + input + "' --from 2026-08-31 --to 2026-08-01", "period", "bad_period"},
      {"score --input '" + input + "' --month 2026-08 --year 2026", "period", "conflicting_flags"},
      {"score --input '" + input + "' --by office", "by", "bad_grouping"},
      {"score --input '" + input + "' --procedures '" + bad_catalog + "'", "procedures[0].max_duration", "bad_duration"},
      {"score --input '" + input + "' --losses many", "losses", "bad_number"},
      {"score --input '" + input + "' extra", "arguments", "unexpected"},
  };
  for (const Case& c : cases) {
    const CliRun run = Motcua(c.args);
    EXPECT_EQ(run.exit_code, 2) << c.args << "\n" << run.err;
    EXPECT_NE(run.err.find(std::string(c.field) + ": "), std::string::npos) << c.args << "\n" << run.err;
    EXPECT_NE(run.err.find(std::string("[") + c.rule + "]"), std::string::npos) << c.args << "\n" << run.err;
  }
}

TEST_F(ScoreCli, SettingsPickAnotherReadingOfTheSources) {
  // Sở Giáo dục và Đào tạo, 08/2026: 261 of 326 dossiers digitized → 3.2 (API, linear to 100%) or 4
  // (the description's "≥ 80% = full").
  std::string json = "[";
  for (int i = 0; i < 326; ++i) {
    if (i) json += ",";
    json += R"({"MaHoSo":"HS)" + std::to_string(i) +
            R"(","NgayTiepNhan":"20260803080000","NgayHenTra":"20260805170000","TaiLieuNop":[{"DuongDanTaiTepTin":")" +
            (i < 261 ? "https://f/x" : "") + R"("}]})";
  }
  const std::string input = Write("sgd.json", json + "]");
  auto digitized = [](const CliRun& run) {
    return Json::parse(run.out)["center"]["indicators"][static_cast<int>(IndicatorId::k4_2)]["points"].get<double>();
  };
  CliRun run = Motcua("--json score --input '" + input + "' --month 2026-08");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(digitized(run), 3.2);
  run = Motcua("--json score --input '" + input + "' --month 2026-08 --setting digitized_full_at=0.8 "
               "--setting zero_pakn=split_to_52_and_54");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(digitized(run), 4.0);
  EXPECT_EQ(Json::parse(run.out)["settings"]["zero_pakn"], "split_to_52_and_54");
  run = Motcua("score --input '" + input + "' --setting digitised_full_at=0.8");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("[unknown_setting]"), std::string::npos) << run.err;
  run = Motcua("score --input '" + input + "' --setting zero_pakn=half");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("setting.zero_pakn: "), std::string::npos) << run.err;
  run = Motcua("score --input '" + input + "' --setting zero_pakn");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("[bad_setting]"), std::string::npos) << run.err;
}

TEST_F(ScoreCli, AcceptsTheShippedCatalogAsProcedures) {
  // assets/catalog/catalog.json: 107 procedures, 26 with a fee > 0, 86 open to citizens.
  const std::string input = Write("ok.json", R"([{"MaHoSo": "A", "MaTTHC": "1.001193", "NgayTiepNhan": "20260803080000"}])");
  const CliRun run = Motcua("--json score --input '" + input + "' --month 2026-08 --procedures '" +
                            std::string(MOTCUA_ASSETS_DIR) + "/catalog/catalog.json'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const Json j = Json::parse(run.out);
  EXPECT_EQ(j["center"]["indicators"][static_cast<int>(IndicatorId::k3_5)]["denominator"], 26);
  EXPECT_EQ(j["center"]["indicators"][static_cast<int>(IndicatorId::k4_5a)]["denominator"], 86);
  EXPECT_EQ(j["center"]["indicators"][static_cast<int>(IndicatorId::k3_1)]["denominator"], 107);
}

TEST_F(ScoreCli, PeriodDefaultsToTheCurrentMonthInVietnam) {
  const std::string input = Write("ok.json", R"([{"MaHoSo": "A", "NgayTiepNhan": "20260803080000"}])");
  // 31/8 23:30 in Vietnam is still August (16:30 UTC).
  CliRun run = Motcua("--json --now \"2026-08-31 23:30\" score --input '" + input + "'");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  Json j = Json::parse(run.out);
  EXPECT_EQ(j["period"]["from"], "2026-08-01");
  EXPECT_EQ(j["center"]["dossiers"], 1);
  run = Motcua("--json score --input '" + input + "' --quarter 2026-Q3");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  j = Json::parse(run.out);
  EXPECT_EQ(j["period"]["to"], "2026-09-30");
}

}  // namespace
}  // namespace motcua::indicators
