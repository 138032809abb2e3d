// The 766 rules as data (indicators/rules.h): the shipped asset, what a broken file is told, and a rule
// change for a new period made in data alone, scored on each side of the change.
#include "indicators/rules.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "indicators/scorer.h"

namespace motcua::indicators::rules_testing {
namespace {

using namespace std::chrono;
using Json = nlohmann::json;

Json AssetJson() {
  std::ifstream in(std::filesystem::path(MOTCUA_ASSETS_DIR) / "rules" / "766.json");
  return Json::parse(in);
}

Result<RuleBook> Parse(const Json& j) { return ParseRuleBook(j.dump()); }

Json& IndicatorOf(Json& version, const std::string& code) {
  for (Json& i : version["indicators"])
    if (i["code"] == code) return i;
  ADD_FAILURE() << "no " << code;
  return version;
}

TEST(Rules, TheShippedAssetIsTheBuiltInBookAndItsSumsHold) {
  Result<RuleBook> file = LoadRuleBook(std::filesystem::path(MOTCUA_ASSETS_DIR) / "rules" / "766.json");
  ASSERT_TRUE(file.has_value()) << file.error().Describe();
  const RuleBook& built_in = BuiltInRules();
  ASSERT_EQ(file->versions.size(), built_in.versions.size());
  const RuleSet& r = *built_in.versions.front();
  EXPECT_EQ(r.id, file->versions.front()->id);
  EXPECT_EQ(r.id, "766-api-2026");
  EXPECT_EQ(FormatLocalDate(r.applies_from), "2022-06-23");  // QĐ 766/QĐ-TTg of 23/6/2022
  EXPECT_FALSE(r.applies_to.has_value());
  // domain.md §1.1: 18 + 20 + 12 + 10 + 22 + 18 = 100.
  const double groups[kGroupCount] = {18, 20, 12, 10, 22, 18};
  for (int g = 0; g < kGroupCount; ++g) EXPECT_EQ(r.groups[g].max_points, groups[g]) << GroupKey(IndicatorGroup(g));
  EXPECT_EQ(r.total_max, 100);
  EXPECT_TRUE(r.Group(IndicatorGroup::kPayment).rounded_once);
  EXPECT_FALSE(r.Group(IndicatorGroup::kProgress).rounded_once);
  // The thresholds that were literals in two places: 3.3 at 50%, 3.5 and 3.5b at 80% (min(2, 2.5·r)),
  // 4.2 at 100% (observed), 4.3 at 80%, 5.4 at 90%.
  EXPECT_EQ(r.Get(IndicatorId::k3_3).full_at, 0.5);
  EXPECT_EQ(r.Get(IndicatorId::k3_5).full_at, 0.8);
  EXPECT_EQ(r.Get(IndicatorId::k3_5b).full_at, 0.8);
  EXPECT_EQ(r.Get(IndicatorId::k4_2).full_at, 1.0);
  EXPECT_EQ(r.Get(IndicatorId::k4_3).full_at, 0.8);
  EXPECT_EQ(r.Get(IndicatorId::k5_4).full_at, 0.9);
  EXPECT_EQ(r.Get(IndicatorId::k3_4).alternative_to, IndicatorId::k3_3);
  for (int i = 0; i < kIndicatorCount; ++i) EXPECT_EQ(r.indicators[i].code, IndicatorCode(IndicatorId(i)));
  EXPECT_EQ(r.Get(IndicatorId::k2_1).name, "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn");
}

TEST(PointsFor, ReadsTheRuleWorkedExamples) {
  const RuleSet& r = *BuiltInRules().versions.front();
  // 3.5b: min(2, 2.5 × 0.4) = 1; at 0.8 and above, 2.
  EXPECT_DOUBLE_EQ(PointsFor(r.Get(IndicatorId::k3_5b), 0.4), 1.0);
  EXPECT_DOUBLE_EQ(PointsFor(r.Get(IndicatorId::k3_5b), 0.9), 2.0);
  // 5.4: 6 × 0.81 / 0.9 = 5.4.
  EXPECT_NEAR(PointsFor(r.Get(IndicatorId::k5_4), 0.81), 5.4, 1e-12);
  // 2.1: linear, 20 × 0.95 = 19.
  EXPECT_DOUBLE_EQ(PointsFor(r.Get(IndicatorId::k2_1), 0.95), 19.0);
  // Tracking indicators earn nothing; a negative ratio earns nothing.
  EXPECT_EQ(PointsFor(r.Get(IndicatorId::k2_2), 1.0), 0.0);
  EXPECT_EQ(PointsFor(r.Get(IndicatorId::k2_1), -0.5), 0.0);
}

TEST(Rules, ABrokenFileIsRefusedWithThePlaceNamed) {
  struct Case {
    const char* what;
    std::function<void(Json&)> change;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"a zero threshold (one copy gave full points, the other none)",
       [](Json& j) { IndicatorOf(j["versions"][0], "5.4")["full_at"] = 0; }, "versions[0].indicators[24].full_at",
       "out_of_range"},
      {"an unknown indicator", [](Json& j) { IndicatorOf(j["versions"][0], "2.2")["code"] = "2.9"; },
       "versions[0].indicators[5].code", "unknown_indicator"},
      {"an indicator twice", [](Json& j) { IndicatorOf(j["versions"][0], "2.2")["code"] = "2.1"; },
       "versions[0].indicators[5].code", "duplicate"},
      {"an indicator missing", [](Json& j) { j["versions"][0]["indicators"].erase(5); }, "versions[0].indicators",
       "missing"},
      {"an indicator moved to another group",
       [](Json& j) { IndicatorOf(j["versions"][0], "2.2")["group"] = "publicity"; }, "versions[0].indicators[5].group",
       "wrong_group"},
      {"a maximum that breaks its group's sum", [](Json& j) { IndicatorOf(j["versions"][0], "2.1")["max"] = 21; },
       "versions[0].groups", "sums_differ"},
      {"groups not summing to 100",
       [](Json& j) {
         j["versions"][0]["groups"][1]["max"] = 21;
         IndicatorOf(j["versions"][0], "2.1")["max"] = 21;
       },
       "versions[0].groups", "sums_differ"},
      {"a negative maximum", [](Json& j) { IndicatorOf(j["versions"][0], "2.2")["max"] = -1; },
       "versions[0].indicators[5].max", "out_of_range"},
      {"a bad date", [](Json& j) { j["versions"][0]["applies_from"] = "2026-02-30"; }, "versions[0].applies_from",
       "bad_date"},
      {"overlapping versions",
       [](Json& j) {
         Json second = j["versions"][0];
         second["id"] = "second";
         second["applies_from"] = "2026-01-01";
         j["versions"].push_back(second);
       },
       "rules.versions", "overlap"},
      {"a gap between versions",
       [](Json& j) {
         j["versions"][0]["applies_to"] = "2025-12-30";
         Json second = j["versions"][0];
         second["id"] = "second";
         second["applies_from"] = "2026-01-01";
         second["applies_to"] = nullptr;
         j["versions"].push_back(second);
       },
       "rules.versions", "gap"},
      {"another format", [](Json& j) { j["format"] = 2; }, "rules.format", "bad_format"},
  };
  for (const Case& c : cases) {
    Json j = AssetJson();
    c.change(j);
    Result<RuleBook> book = Parse(j);
    ASSERT_FALSE(book.has_value()) << c.what;
    EXPECT_EQ(book.error().field, c.field) << c.what << ": " << book.error().Describe();
    EXPECT_EQ(book.error().rule, c.rule) << c.what << ": " << book.error().Describe();
  }
  EXPECT_EQ(ParseRuleBook("{").error().rule, "bad_json");
  EXPECT_EQ(LoadRuleBook("/nonexistent/766.json").error().rule, "no_file");
}

// 100 dossiers received in a month, `on_time` of them finished the next day, the rest late.
std::vector<dvc::NationalRecord> Month(int year, unsigned month, int on_time) {
  std::vector<dvc::NationalRecord> v;
  for (int i = 0; i < 100; ++i) {
    dvc::NationalRecord r;
    r.dossier_code = "HS-" + std::to_string(month) + "-" + std::to_string(i);
    r.received_at = Instant{sys_days{std::chrono::year{year} / std::chrono::month{month} / day{3}}.time_since_epoch() + hours{1}};
    r.due_at = *r.received_at + days{1};
    r.processed_at = *r.received_at + (i < on_time ? hours{20} : days{3});
    r.status = dvc::NationalStatus::kProcessed;
    r.channel = dvc::Channel::kDirect;
    v.push_back(std::move(r));
  }
  return v;
}

// A new version from 09/2026 (invented for the test: 5.4 linear, 1.4 worth 8 and 1.1 worth 4) is a data
// change: August is scored by the old rules, September by the new, with no code touched.
TEST(Rules, ARuleChangeForANewPeriodIsAChangeOfData) {
  Json j = AssetJson();
  j["versions"][0]["applies_to"] = "2026-08-31";
  Json next = j["versions"][0];
  next["id"] = "test-2026-09";
  next["applies_from"] = "2026-09-01";
  next["applies_to"] = nullptr;
  IndicatorOf(next, "5.4")["full_at"] = 1.0;
  IndicatorOf(next, "1.4")["max"] = 8;
  IndicatorOf(next, "1.1")["max"] = 4;
  j["versions"].push_back(next);
  Result<RuleBook> book = Parse(j);
  ASSERT_TRUE(book.has_value()) << book.error().Describe();

  const auto august_records = Month(2026, 8, 80);
  const auto september_records = Month(2026, 9, 80);
  ScoreInput august;
  august.records = &august_records;
  august.period = MonthPeriod(2026, 8);
  august.rules = *book->For(august.period.from);
  ScoreInput september = august;
  september.records = &september_records;
  september.period = MonthPeriod(2026, 9);
  september.rules = *book->For(september.period.from);

  Result<ScoreReport> a = Score(august);
  Result<ScoreReport> s = Score(september);
  ASSERT_TRUE(a.has_value() && s.has_value());
  EXPECT_EQ(a->rules->id, "766-api-2026");
  EXPECT_EQ(s->rules->id, "test-2026-09");
  // 80 of 100 on time and none unhappy: 5.4's ratio is 0.8 in both months.
  EXPECT_EQ(a->center.Get(IndicatorId::k5_4).points, 5.33);  // 6 × 0.8 / 0.9
  EXPECT_EQ(s->center.Get(IndicatorId::k5_4).points, 4.8);   // 6 × 0.8
  EXPECT_EQ(a->center.Get(IndicatorId::k1_4).max_points, 6);
  EXPECT_EQ(s->center.Get(IndicatorId::k1_4).max_points, 8);
  EXPECT_EQ(s->center.Get(IndicatorId::k1_4).points, 8);  // every record came through the sync
  EXPECT_EQ(a->center.Get(IndicatorId::k2_1).points, s->center.Get(IndicatorId::k2_1).points);  // 16 in both
  EXPECT_EQ(s->center.Group(IndicatorGroup::kPublicity).max_points, 18);
  // The built-in book still scores September by the shipped version.
  september.rules = nullptr;
  EXPECT_EQ(Score(september)->rules->id, "766-api-2026");
  // Before QĐ 766 no version applies, and the error says so.
  ScoreInput early = august;
  early.rules = nullptr;
  early.period = MonthPeriod(2021, 1);
  EXPECT_EQ(Score(early).error().rule, "no_rules");
}

// The scorer's working-day counts stop after 100,000 days with an error, never a silent wrong date.
TEST(Rules, ACalendarWithNoWorkingDayIsAnErrorNotASilentDeadline) {
  const auto records = Month(2026, 8, 80);
  std::vector<dvc::NationalRecord> undated = records;
  for (auto& r : undated) {
    r.due_at.reset();
    r.procedure_code = "1.000001";
  }
  ScoreInput in;
  in.records = &undated;
  in.period = MonthPeriod(2026, 8);
  ProcedureFacts p;
  p.code = "1.000001";
  p.max_duration = calendar::Duration{5, calendar::DurationUnit::kWorkingDays};
  in.procedures = {p};
  in.is_working_day = [](LocalDate) { return false; };
  Result<ScoreReport> r = Score(in);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "is_working_day");
  EXPECT_EQ(r.error().rule, "no_working_day");
  // The same with a calendar that has working days scores.
  in.is_working_day = nullptr;
  EXPECT_TRUE(Score(in).has_value());
}

}  // namespace
}  // namespace motcua::indicators::rules_testing
