// LoadCalendar and ListProfiles (calendar/working_calendar.h): the shipped files, and every way a data
// file can be wrong, each with the exact code, field (file and JSON Pointer) and rule.
#include <gtest/gtest.h>

#include "calendar/calendar_fixtures.h"
#include "calendar/working_calendar.h"

namespace motcua::calendar {
namespace {

using namespace motcua::calendar::testing;

const char kHours[] = R"({"format_version": 1, "profiles": {
  "default": {"hours": {"weekdays": [["07:30", "11:30"], ["13:30", "17:00"]]}}
}})";

std::string YearFile(int year, const std::string& entries) {
  return R"({"format_version": 1, "year": )" + std::to_string(year) + R"(, "country": "VN", "entries": [)" + entries +
         "]}";
}

const char kQuocKhanh2026[] =
    R"json({"date": "2026-09-02", "kind": "holiday", "name": "Quốc khánh (2/9)", "source": "TB 9441/TB-BNV"})json";

struct LoadCase {
  const char* what;
  std::vector<std::pair<std::string, std::string>> files;  // name, contents
  ErrorCode code;
  const char* field;
  const char* rule;
};

void ExpectLoadError(const LoadCase& c, const CalendarOptions& options = {}) {
  ScratchDir dir;
  for (const auto& [name, text] : c.files) dir.Write(name, text);
  auto cal = LoadCalendar(dir.path(), options);
  ASSERT_FALSE(cal.has_value()) << c.what;
  EXPECT_EQ(cal.error().code, c.code) << c.what << ": " << cal.error().Describe();
  EXPECT_EQ(cal.error().field, c.field) << c.what << ": " << cal.error().Describe();
  EXPECT_EQ(cal.error().rule, c.rule) << c.what << ": " << cal.error().Describe();
}

TEST(LoadCalendar, LoadsTheShippedFilesForEveryProfile) {
  auto names = ListProfiles(AssetsCalendarDir());
  ASSERT_TRUE(names.has_value()) << names.error().Describe();
  EXPECT_EQ(*names, (std::vector<std::string>{"default", "example-bac-giang-seasonal", "example-thai-nguyen-seasonal",
                                              "saturday-full-day", "saturday-morning"}));
  for (const std::string& name : *names) {
    auto cal = LoadCalendar(AssetsCalendarDir(), {.profile = name});
    ASSERT_TRUE(cal.has_value()) << name << ": " << cal.error().Describe();
    EXPECT_EQ(cal->profile().name, name);
    EXPECT_EQ(cal->first_year(), 2024);
    EXPECT_EQ(cal->last_year(), 2026);
  }
}

TEST(LoadCalendar, ResolvesExtendsAndSeasons) {
  const HoursProfile& sat = Shipped("saturday-morning").profile();
  EXPECT_EQ(sat.hours.weekdays, (DayHours{Iv(7, 30, 11, 30), Iv(13, 30, 17, 0)}));  // from "default"
  EXPECT_EQ(sat.hours.saturday, (DayHours{Iv(7, 30, 11, 30)}));                      // its own
  EXPECT_TRUE(sat.hours.sunday.empty());
  const HoursProfile& tn = Shipped("example-thai-nguyen-seasonal").profile();
  ASSERT_EQ(tn.seasons.size(), 1u);
  EXPECT_EQ(tn.seasons[0].name, "mùa đông");
  EXPECT_EQ(tn.seasons[0].from, std::chrono::October / 15);
  EXPECT_EQ(tn.seasons[0].to, std::chrono::April / 14);
  EXPECT_EQ(tn.seasons[0].hours.weekdays, (DayHours{Iv(7, 30, 11, 30), Iv(13, 0, 17, 0)}));
}

TEST(LoadCalendar, ChildHoursReachInheritedSeasons) {
  // A Saturday profile over a seasonal parent keeps Saturday open in the parent's winter too.
  ScratchDir dir;
  dir.Write("vn-2026.json", YearFile(2026, ""));
  dir.Write("hours.json", R"({"format_version": 1, "profiles": {
    "seasonal": {"hours": {"weekdays": [["07:30", "11:30"], ["13:30", "17:00"]]},
                 "seasons": [{"name": "winter", "from": "10-15", "to": "04-14",
                              "hours": {"weekdays": [["08:00", "12:00"], ["13:00", "16:30"]]}}]},
    "seasonal-saturday": {"extends": "seasonal", "hours": {"saturday": [["08:00", "11:00"]]}}
  }})");
  auto cal = LoadCalendar(dir.path(), {.profile = "seasonal-saturday"});
  ASSERT_TRUE(cal.has_value()) << cal.error().Describe();
  EXPECT_EQ(*WorkingHoursOn(*cal, D("2026-12-05")), DayHours{Iv(8, 0, 11, 0)});                       // winter Saturday
  EXPECT_EQ(*WorkingHoursOn(*cal, D("2026-12-07")), (DayHours{Iv(8, 0, 12, 0), Iv(13, 0, 16, 30)}));  // winter Monday
  EXPECT_EQ(*WorkingHoursOn(*cal, D("2026-06-01")), (DayHours{Iv(7, 30, 11, 30), Iv(13, 30, 17, 0)}));
}

TEST(LoadCalendar, NormalisesNamesToNfc) {
  ScratchDir dir;
  dir.Write("hours.json", kHours);
  // "Quốc" with a decomposed ố (o + U+0302 + U+0301).
  dir.Write("vn-2026.json", YearFile(2026, R"({"date": "2026-09-02", "kind": "holiday", "name": "Quo\u0302\u0301c khánh",
                                               "source": "x"})"));
  auto cal = LoadCalendar(dir.path());
  ASSERT_TRUE(cal.has_value()) << cal.error().Describe();
  EXPECT_EQ(FindEntry(*cal, D("2026-09-02"))->name, "Quốc khánh");
}

TEST(LoadCalendar, ReportsMissingPieces) {
  auto missing = LoadCalendar("/nonexistent/motcua/calendar");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().field, "calendar");
  EXPECT_EQ(missing.error().rule, "calendar_not_found");

  ExpectLoadError({"no year files", {{"hours.json", kHours}}, ErrorCode::kNotFound, "calendar", "calendar_no_years"});
  ExpectLoadError({"no hours.json", {{"vn-2026.json", YearFile(2026, "")}}, ErrorCode::kNotFound, "hours.json",
                   "hours_not_found"});
  ExpectLoadError({"a gap between years",
                   {{"hours.json", kHours}, {"vn-2024.json", YearFile(2024, "")}, {"vn-2026.json", YearFile(2026, "")}},
                   ErrorCode::kInvalid, "calendar", "calendar_year_missing"});
  ExpectLoadError({"bad file name", {{"hours.json", kHours}, {"vn-26.json", YearFile(2026, "")}}, ErrorCode::kInvalid,
                   "vn-26.json", "calendar_bad_file_name"});
}

TEST(LoadCalendar, ReportsBrokenYearFiles) {
  const LoadCase cases[] = {
      {"not JSON", {{"vn-2026.json", "{\"year\": 2026,"}}, ErrorCode::kCorrupt, "vn-2026.json", "calendar_bad_json"},
      {"not an object", {{"vn-2026.json", "[]"}}, ErrorCode::kCorrupt, "vn-2026.json#", "calendar_bad_format"},
      {"unsupported version",
       {{"vn-2026.json", R"({"format_version": 2, "year": 2026, "country": "VN", "entries": []})"}},
       ErrorCode::kCorrupt, "vn-2026.json#/format_version", "calendar_bad_format"},
      {"unknown top-level key",
       {{"vn-2026.json", R"({"format_version": 1, "year": 2026, "country": "VN", "entries": [], "holidays": []})"}},
       ErrorCode::kCorrupt, "vn-2026.json#/holidays", "calendar_bad_format"},
      {"entries not an array",
       {{"vn-2026.json", R"({"format_version": 1, "year": 2026, "country": "VN", "entries": {}})"}},
       ErrorCode::kCorrupt, "vn-2026.json#/entries", "calendar_bad_format"},
      {"year mismatch", {{"vn-2026.json", YearFile(2025, "")}}, ErrorCode::kInvalid, "vn-2026.json#/year",
       "calendar_year_mismatch"},
      {"year not an integer",
       {{"vn-2026.json", R"({"format_version": 1, "year": "2026", "country": "VN", "entries": []})"}},
       ErrorCode::kCorrupt, "vn-2026.json#/year", "calendar_bad_format"},
      {"misspelt entry key",
       {{"vn-2026.json", YearFile(2026, std::string(kQuocKhanh2026) + R"(, {"date": "2026-08-31",
           "kind": "swapped_day_off", "name": "x", "source": "y", "swaped_with": "2026-08-22"})")}},
       ErrorCode::kCorrupt, "vn-2026.json#/entries/1/swaped_with", "calendar_bad_format"},
      {"missing source",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2026-09-02", "kind": "holiday", "name": "x"})")}},
       ErrorCode::kCorrupt, "vn-2026.json#/entries/0/source", "calendar_bad_format"},
      {"name not a string",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2026-09-02", "kind": "holiday", "name": 2, "source": "y"})")}},
       ErrorCode::kCorrupt, "vn-2026.json#/entries/0/name", "calendar_bad_format"},
      {"impossible date",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2026-02-30", "kind": "holiday", "name": "x", "source": "y"})")}},
       ErrorCode::kInvalid, "vn-2026.json#/entries/0/date", "calendar_bad_date"},
      {"date in another year",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2025-09-02", "kind": "holiday", "name": "x", "source": "y"})")}},
       ErrorCode::kInvalid, "vn-2026.json#/entries/0/date", "calendar_date_outside_year"},
      {"unknown kind",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2026-09-02", "kind": "holyday", "name": "x", "source": "y"})")}},
       ErrorCode::kInvalid, "vn-2026.json#/entries/0/kind", "calendar_bad_kind"},
      {"empty name",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2026-09-02", "kind": "holiday", "name": "", "source": "y"})")}},
       ErrorCode::kInvalid, "vn-2026.json#/entries/0/name", "calendar_missing_name"},
      {"make-up working day on a weekday",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2026-08-21", "kind": "makeup_working_day", "name": "x",
           "source": "y", "swapped_with": "2026-08-31"})")}},
       ErrorCode::kInvalid, "vn-2026.json#/entries/0/kind", "calendar_kind_weekday"},
      {"duplicate date",
       {{"vn-2026.json", YearFile(2026, std::string(kQuocKhanh2026) + "," + kQuocKhanh2026)}}, ErrorCode::kInvalid,
       "vn-2026.json#/entries/1/date", "calendar_duplicate_date"},
      {"swap without its make-up day",
       {{"vn-2026.json", YearFile(2026, R"({"date": "2026-08-31", "kind": "swapped_day_off", "name": "x",
           "source": "y", "swapped_with": "2026-08-22"})")}},
       ErrorCode::kInvalid, "vn-2026.json#/entries/0/swapped_with", "calendar_swap_unpaired"},
  };
  for (LoadCase c : cases) {
    c.files.emplace_back("hours.json", kHours);
    ExpectLoadError(c);
  }
}

TEST(LoadCalendar, ReportsBrokenHoursFiles) {
  auto profiles = [](const std::string& body) {
    return R"({"format_version": 1, "profiles": {)" + body + "}}";
  };
  const LoadCase cases[] = {
      {"not JSON", {{"hours.json", "{"}}, ErrorCode::kCorrupt, "hours.json", "calendar_bad_json"},
      {"bad time",
       {{"hours.json", profiles(R"("default": {"hours": {"weekdays": [["07:30", "25:00"]]}})")}}, ErrorCode::kInvalid,
       "hours.json#/profiles/default/hours/weekdays/0/1", "hours_bad_time"},
      {"time without leading zero",
       {{"hours.json", profiles(R"("default": {"hours": {"weekdays": [["7:30", "11:30"]]}})")}}, ErrorCode::kInvalid,
       "hours.json#/profiles/default/hours/weekdays/0/0", "hours_bad_time"},
      {"overlapping intervals",
       {{"hours.json", profiles(R"("default": {"hours": {"weekdays": [["07:30", "12:00"], ["11:30", "17:00"]]}})")}},
       ErrorCode::kInvalid, "hours.json#/profiles/default/hours/weekdays/1", "hours_bad_interval"},
      {"interval not a pair",
       {{"hours.json", profiles(R"("default": {"hours": {"weekdays": [["07:30"]]}})")}}, ErrorCode::kCorrupt,
       "hours.json#/profiles/default/hours/weekdays/0", "calendar_bad_format"},
      {"misspelt day",
       {{"hours.json", profiles(R"("default": {"hours": {"weekday": [["07:30", "11:30"]]}})")}}, ErrorCode::kCorrupt,
       "hours.json#/profiles/default/hours/weekday", "calendar_bad_format"},
      {"no weekday hours",
       {{"hours.json", profiles(R"("default": {"hours": {"saturday": [["07:30", "11:30"]]}})")}}, ErrorCode::kInvalid,
       "hours.json#/profiles/default/hours/weekdays", "hours_no_weekday_hours"},
      {"unknown parent",
       {{"hours.json", profiles(R"("default": {"extends": "base"})")}}, ErrorCode::kInvalid,
       "hours.json#/profiles/default/extends", "hours_bad_extends"},
      {"extends cycle",
       {{"hours.json", profiles(R"("default": {"extends": "b"}, "b": {"extends": "default"})")}}, ErrorCode::kInvalid,
       "hours.json#/profiles/b/extends", "hours_bad_extends"},
      {"bad season date",
       {{"hours.json", profiles(R"("default": {"hours": {"weekdays": [["07:30", "11:30"]]},
           "seasons": [{"name": "w", "from": "10-32", "to": "04-14", "hours": {}}]})")}},
       ErrorCode::kInvalid, "hours.json#/profiles/default/seasons/0/from", "hours_bad_season"},
      {"overlapping seasons",
       {{"hours.json", profiles(R"("default": {"hours": {"weekdays": [["07:30", "11:30"]]},
           "seasons": [{"name": "w", "from": "10-15", "to": "04-14", "hours": {}},
                       {"name": "s", "from": "04-14", "to": "10-14", "hours": {}}]})")}},
       ErrorCode::kInvalid, "hours.json#/profiles/default/seasons", "hours_bad_season"},
  };
  for (LoadCase c : cases) {
    c.files.emplace_back("vn-2026.json", YearFile(2026, ""));
    ExpectLoadError(c);
  }
}

TEST(LoadCalendar, UnknownProfileIsBadInputListingTheNames) {
  ScratchDir dir;
  dir.CopyShipped();
  auto cal = LoadCalendar(dir.path(), {.profile = "saturday"});
  ASSERT_FALSE(cal.has_value());
  EXPECT_EQ(cal.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(cal.error().field, "profile");
  EXPECT_EQ(cal.error().rule, "unknown_profile");
  EXPECT_NE(cal.error().detail.find("saturday-morning"), std::string::npos) << cal.error().detail;
}

TEST(LoadCalendar, AddingANextYearFileExtendsCoverage) {
  // What an administrator does when the 2027 notice is published (assets/calendar/README.md).
  ScratchDir dir;
  dir.CopyShipped();
  dir.Write("vn-2027.json", YearFile(2027, R"({"date": "2027-01-01", "kind": "holiday", "name": "Tết Dương lịch",
                                               "source": "Bộ luật Lao động 2019, Điều 112"})"));
  auto cal = LoadCalendar(dir.path());
  ASSERT_TRUE(cal.has_value()) << cal.error().Describe();
  EXPECT_EQ(cal->last_year(), 2027);
  EXPECT_EQ(DueText(*cal, "2026-12-31 10:00", "1wd"), "2027-01-04 10:00");
  EXPECT_EQ(DueText(Shipped(), "2026-12-31 10:00", "1wd"), "error calendar_not_covering");
}

}  // namespace
}  // namespace motcua::calendar
