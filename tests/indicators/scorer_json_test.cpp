// Tests for indicators/scorer_json.h: the procedure-facts file and the report JSON.
#include "indicators/scorer_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "indicators/month_generator.h"

namespace motcua::indicators {
namespace {

using Json = nlohmann::json;

TEST(ParseProcedureFacts, ReadsEveryKey) {
  auto facts = ParseProcedureFacts(R"([
    {"code": "1.001193", "name": "Đăng ký khai sinh", "announced_on": "2026-07-01", "legal_effective_on": "2026-07-15",
     "publicized_on": "2026-07-03", "content_complete": true, "online_level": "full", "full_online_eligible": true,
     "has_fee": true, "paper_result_required": true, "citizen_subject": true, "max_duration": "3wd",
     "unit_codes": ["STP", "XYS"], "unknown": {"x": 1}},
    {"code": "2.000815", "online_level": null, "content_complete": null, "max_duration": null}
  ])");
  ASSERT_TRUE(facts.has_value()) << facts.error().Describe();
  ASSERT_EQ(facts->size(), 2u);
  const ProcedureFacts& p = facts->front();
  EXPECT_EQ(p.code, "1.001193");
  EXPECT_EQ(p.name, "Đăng ký khai sinh");
  EXPECT_EQ(p.announced_on, LocalDate{std::chrono::local_days{std::chrono::year{2026} / 7 / 1}});
  EXPECT_EQ(p.content_complete, true);
  EXPECT_EQ(p.online_level, ProcedureFacts::OnlineLevel::kFull);
  EXPECT_TRUE(p.full_online_eligible && p.has_fee && p.paper_result_required && p.citizen_subject);
  ASSERT_TRUE(p.max_duration.has_value());
  EXPECT_EQ(p.max_duration->amount, 3);
  EXPECT_EQ(p.max_duration->unit, calendar::DurationUnit::kWorkingDays);
  EXPECT_EQ(p.unit_codes, (std::vector<std::string>{"STP", "XYS"}));
  const ProcedureFacts& q = (*facts)[1];
  EXPECT_FALSE(q.content_complete.has_value());
  EXPECT_EQ(q.online_level, ProcedureFacts::OnlineLevel::kNone);
  EXPECT_FALSE(q.max_duration.has_value());
}

TEST(ParseProcedureFacts, ErrorsNameTheProcedureAndKey) {
  struct Case {
    const char* json;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"{}", "procedures", "not_an_array"},
      {"[", "procedures", "bad_json"},
      {"[1e400]", "procedures", "bad_json"},  // nlohmann's out_of_range, not a parse_error (fuzz_scorer_json)
      {"[1]", "procedures[0]", "not_an_object"},
      {R"([{"name": "x"}])", "procedures[0].code", "required"},
      {R"([{"code": "1"}, {"code": "1"}])", "procedures[1].code", "duplicate"},
      {R"([{"code": "1", "announced_on": "2026-02-30"}])", "procedures[0].announced_on", "bad_date"},
      {R"([{"code": "1", "publicized_on": 20260801}])", "procedures[0].publicized_on", "bad_type"},
      {R"([{"code": "1", "online_level": "level4"}])", "procedures[0].online_level", "bad_online_level"},
      {R"([{"code": "1", "max_duration": "3 weeks"}])", "procedures[0].max_duration", "bad_duration"},
      {R"([{"code": "1", "has_fee": "yes"}])", "procedures[0].has_fee", "bad_type"},
      {R"([{"code": "1", "unit_codes": "STP"}])", "procedures[0].unit_codes", "bad_type"},
  };
  for (const Case& c : cases) {
    auto facts = ParseProcedureFacts(c.json);
    ASSERT_FALSE(facts.has_value()) << c.json;
    EXPECT_EQ(facts.error().field, c.field) << c.json;
    EXPECT_EQ(facts.error().rule, c.rule) << c.json << " -> " << facts.error().Describe();
  }
}

TEST(WriteProcedureFacts, RoundTrips) {
  const auto month = testing::GenerateMonth({.seed = 3, .dossiers = 10, .procedures = 40});
  const std::string once = WriteProcedureFacts(month.procedures);
  auto parsed = ParseProcedureFacts(once);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  EXPECT_EQ(WriteProcedureFacts(*parsed), once);
}

TEST(ParseOutsideCounts, ReadsPaknCertifiedCopiesAndReportCounts) {
  auto counts = ParseOutsideCounts(R"({"pakn": {"total": 247, "on_time": 182, "satisfied": 137,
      "about_procedures": 179, "about_staff": 62}, "pakn_by_unit": {"STP": {"total": 0}, "XYS": {"total": 2,
      "on_time": 2}}, "certified_copies": {"communes_offering": 7, "communes_total": 9},
      "national_report_received": 2300, "prior_year_received_total": null})");
  ASSERT_TRUE(counts.has_value()) << counts.error().Describe();
  ASSERT_TRUE(counts->center_pakn.has_value());
  EXPECT_EQ(counts->center_pakn->satisfied, 137);
  EXPECT_EQ(counts->pakn_by_unit.at("XYS").on_time, 2);
  EXPECT_EQ(counts->pakn_by_unit.at("STP").total, 0);
  EXPECT_EQ(counts->certified_copies->communes_total, 9);
  EXPECT_EQ(counts->national_report_received, 2300);
  EXPECT_FALSE(counts->prior_year_received_total.has_value());
  auto empty = ParseOutsideCounts("{}");
  ASSERT_TRUE(empty.has_value());
  EXPECT_FALSE(empty->center_pakn.has_value());
}

TEST(ParseOutsideCounts, ErrorsNameTheCount) {
  struct Case {
    const char* json;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"[]", "counts", "not_an_object"},
      {"{", "counts", "bad_json"},
      {R"({"pakn": {"total": 1e400}})", "counts", "bad_json"},  // out_of_range, as above
      {R"({"pakn": {"total": -1}})", "counts.pakn.total", "bad_type"},
      {R"({"pakn": {"total": 2.5}})", "counts.pakn.total", "bad_type"},
      {R"({"pakn_by_unit": {"STP": {"on_time": "3"}}})", "counts.pakn_by_unit.STP.on_time", "bad_type"},
      {R"({"pakn_by_unit": []})", "counts.pakn_by_unit", "bad_type"},
      {R"({"certified_copies": {"communes_total": true}})", "counts.certified_copies.communes_total", "bad_type"},
      {R"({"national_report_received": "many"})", "counts.national_report_received", "bad_type"},
  };
  for (const Case& c : cases) {
    auto counts = ParseOutsideCounts(c.json);
    ASSERT_FALSE(counts.has_value()) << c.json;
    EXPECT_EQ(counts.error().field, c.field) << c.json;
    EXPECT_EQ(counts.error().rule, c.rule) << c.json;
  }
}

TEST(ApplySetting, SetsEveryKindOfSetting) {
  ScoringSettings s;
  ASSERT_TRUE(ApplySetting(s, "progress_population", "received_or_open"));
  EXPECT_EQ(s.progress_population, ScoringSettings::ProgressPopulation::kReceivedOrOpen);
  ASSERT_TRUE(ApplySetting(s, "zero_pakn", "split_to_52_and_54"));
  EXPECT_EQ(s.zero_pakn, ScoringSettings::ZeroPakn::kSplitTo52And54);
  ASSERT_TRUE(ApplySetting(s, "sync_zero", "zero"));
  EXPECT_EQ(s.sync_zero, ZeroDenominator::kZeroPoints);
  ASSERT_TRUE(ApplySetting(s, "digitized_full_at", "0.8"));
  EXPECT_EQ(s.digitized_full_at, 0.8);
  ASSERT_TRUE(ApplySetting(s, "max_supplement_requests", "2"));
  EXPECT_EQ(s.max_supplement_requests, 2);
  ASSERT_TRUE(ApplySetting(s, "cap_fee_procedure_points", "false"));
  EXPECT_FALSE(s.cap_fee_procedure_points);
  ASSERT_TRUE(ApplySetting(s, "population_db_codes", " 7, DC ,"));
  EXPECT_EQ(s.population_db_codes, (std::vector<std::string>{"7", "DC"}));
}

TEST(ApplySetting, RejectsUnknownNamesAndBadValues) {
  ScoringSettings s;
  struct Case {
    const char* name;
    const char* value;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"digitised_full_at", "0.8", "setting", "unknown_setting"},
      {"digitized_full_at", "80", "setting.digitized_full_at", "bad_value"},
      {"digitized_full_at", "0", "setting.digitized_full_at", "bad_value"},
      {"zero_pakn", "split", "setting.zero_pakn", "bad_value"},
      {"collect_losses", "yes", "setting.collect_losses", "bad_value"},
      {"max_supplement_requests", "-1", "setting.max_supplement_requests", "bad_value"},
      {"announce_lead_working_days", "5wd", "setting.announce_lead_working_days", "bad_value"},
      // Not UTF-8: SettingsToJson then threw nlohmann's type_error (found by fuzz_scorer_json).
      {"population_db_codes", "7,\xFF", "setting.population_db_codes", "bad_value"},
  };
  for (const Case& c : cases) {
    Status st = ApplySetting(s, c.name, c.value);
    ASSERT_FALSE(st) << c.name << "=" << c.value;
    EXPECT_EQ(st.error().field, c.field) << c.name;
    EXPECT_EQ(st.error().rule, c.rule) << c.name;
  }
  EXPECT_EQ(ScoringSettings{}.digitized_full_at, s.digitized_full_at) << "a rejected value changes nothing";
}

TEST(SettingsToJson, WritesInvalidUtf8SetInCodeAsReplacementCharacters) {
  ScoringSettings s;
  s.population_db_codes = {"7\xFF"};  // not through ApplySetting, which refuses it
  const Json j = Json::parse(SettingsToJson(s));
  EXPECT_EQ(j["population_db_codes"][0], "7\uFFFD");
}

TEST(SettingsToJson, ListsEverySettingAndRoundTripsThroughApplySetting) {
  ScoringSettings changed;
  changed.terminal_time = ScoringSettings::TerminalTime::kReturnedFirst;
  changed.reuse_full_at = 0.5;
  changed.population_db_codes = {"7"};
  const Json j = Json::parse(SettingsToJson(changed));
  EXPECT_EQ(j.size(), SettingNames().size());
  EXPECT_EQ(j["terminal_time"], "returned_first");
  EXPECT_EQ(j["progress_zero"], "zero");
  ScoringSettings rebuilt;
  for (const auto& [name, value] : j.items()) {
    const std::string text = value.is_string()  ? value.get<std::string>()
                             : value.is_array() ? (value.empty() ? "" : value[0].get<std::string>())
                                                : value.dump();
    ASSERT_TRUE(ApplySetting(rebuilt, name, text)) << name << "=" << text;
  }
  EXPECT_EQ(SettingsToJson(rebuilt), SettingsToJson(changed));
  EXPECT_NE(SettingsToJson(rebuilt), SettingsToJson(ScoringSettings{}));
}

TEST(ReportToJson, CarriesEveryIndicatorWithNullsAndLosses) {
  const auto month = testing::GenerateMonth({.seed = 8, .dossiers = 400});
  ScoreInput in;
  in.records = &month.records;
  in.procedures = month.procedures;
  in.period = month.period;
  in.grouping = Grouping::kUnit;
  auto report = Score(in);
  ASSERT_TRUE(report.has_value());
  const Json j = Json::parse(ReportToJson(*report, month.records, {.max_losses_listed = 3}));
  EXPECT_EQ(j["period"]["from"], "2026-08-01");
  EXPECT_EQ(j["period"]["to"], "2026-08-31");
  EXPECT_EQ(j["grouping"], "unit");
  EXPECT_TRUE(j["settings"]["digitized_full_at"].is_null());  // unset: the rules' threshold
  EXPECT_EQ(j["rules"]["id"], "766-api-2026");
  EXPECT_EQ(j["breakdown"].size(), report->breakdown.size());
  const Json& center = j["center"];
  EXPECT_EQ(center["max"], 100);
  EXPECT_DOUBLE_EQ(center["points"].get<double>(), report->center.total_points);
  ASSERT_EQ(center["groups"].size(), std::size_t(kGroupCount));
  EXPECT_EQ(center["groups"][1]["key"], "progress");
  EXPECT_FALSE(center["groups"][1].contains("name"));  // words are the apps' (their string tables)
  EXPECT_EQ(center["groups"][1]["max"], 20);
  ASSERT_EQ(center["indicators"].size(), std::size_t(kIndicatorCount));
  const Json& progress = center["indicators"][static_cast<int>(IndicatorId::k2_1)];
  EXPECT_EQ(progress["code"], "2.1");
  EXPECT_EQ(progress["name"], "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn");
  EXPECT_EQ(progress["numerator"], report->center.Get(IndicatorId::k2_1).numerator);
  EXPECT_EQ(progress["losing_count"], report->center.Get(IndicatorId::k2_1).losses.size());
  ASSERT_EQ(progress["losing_dossiers"].size(), 3u);
  const std::uint32_t first = report->center.Get(IndicatorId::k2_1).losses[0].record_index;
  EXPECT_EQ(progress["losing_dossiers"][0]["dossier_code"], month.records[first].dossier_code);
  EXPECT_TRUE(center["indicators"][static_cast<int>(IndicatorId::k2_2)]["points"].is_null());
  const Json& tracking = center["indicators"][static_cast<int>(IndicatorId::k5_1a)];
  EXPECT_EQ(tracking["max"], 0);
}

}  // namespace
}  // namespace motcua::indicators
