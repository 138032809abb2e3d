// calendar/working_calendar.h: boundary conventions B1/B2, the queries, the shipped data against
// domain.md §6.2 day by day, and BuildCalendar's validation of calendars built in code.
// (File loading and its errors: load_calendar_test.cpp.)
#include "calendar/working_calendar.h"

#include <gtest/gtest.h>

#include <set>

#include "calendar/calendar_fixtures.h"
#include "common/text.h"

namespace motcua::calendar {
namespace {

using namespace std::chrono;
using namespace motcua::calendar::testing;

// ---- B1: working intervals are half-open ----

TEST(IsWorkingTime, HalfOpenIntervalsOnBothSidesOfEachBoundary) {
  const WorkingCalendar& cal = Shipped();
  struct Row {
    const char* t;
    bool working;
  };
  for (const Row& r : {Row{"2026-11-23 07:29", false}, Row{"2026-11-23 07:30", true}, Row{"2026-11-23 11:29", true},
                       Row{"2026-11-23 11:30", false}, Row{"2026-11-23 13:29", false}, Row{"2026-11-23 13:30", true},
                       Row{"2026-11-23 16:59", true}, Row{"2026-11-23 17:00", false}, Row{"2026-11-23 00:00", false},
                       Row{"2026-11-21 10:00", false} /* Saturday */, Row{"2026-02-17 10:00", false} /* mùng 1 */,
                       Row{"2025-04-26 10:00", true} /* make-up Saturday */})
    EXPECT_EQ(IsWorkingTime(cal, T(r.t)), r.working) << r.t;
}

// ---- B2: a span may end on a closing minute ----

TEST(IsWithinWorkingHours, ClosingMinutesCountButNotTheMinuteAfter) {
  const WorkingCalendar& cal = Shipped();
  struct Row {
    const char* t;
    bool within;
  };
  for (const Row& r : {Row{"2026-11-23 07:29", false}, Row{"2026-11-23 07:30", true}, Row{"2026-11-23 11:30", true},
                       Row{"2026-11-23 11:31", false}, Row{"2026-11-23 13:29", false}, Row{"2026-11-23 17:00", true},
                       Row{"2026-11-23 17:01", false}, Row{"2026-11-21 10:00", false}})
    EXPECT_EQ(IsWithinWorkingHours(cal, T(r.t)), r.within) << r.t;
}

TEST(IsWithinWorkingHours, MidnightClosesA24HourInterval) {
  HoursProfile p;
  p.name = "round-the-clock";
  p.hours.weekdays = {Iv(0, 0, 24, 0)};
  const WorkingCalendar cal = PlainCalendar(2026, 2026, p);
  EXPECT_TRUE(IsWithinWorkingHours(cal, T("2026-11-21 00:00")));   // Saturday 00:00 closes Friday
  EXPECT_FALSE(IsWorkingTime(cal, T("2026-11-21 00:00")));
  EXPECT_EQ(FormatLocalMinute(*ComputeDue(cal, T("2026-11-20 23:00"), Dur("1wh"))), "2026-11-21 00:00");
}

TEST(NextWorkingInstant, MovesIntoTheNextInterval) {
  const WorkingCalendar& cal = Shipped();
  struct Row {
    const char* t;
    const char* next;
  };
  for (const Row& r : {Row{"2026-11-23 09:00", "2026-11-23 09:00"}, Row{"2026-11-23 07:29", "2026-11-23 07:30"},
                       Row{"2026-11-23 11:29", "2026-11-23 11:29"}, Row{"2026-11-23 11:30", "2026-11-23 13:30"},
                       Row{"2026-11-23 12:00", "2026-11-23 13:30"}, Row{"2026-11-23 16:59", "2026-11-23 16:59"},
                       Row{"2026-11-23 17:00", "2026-11-24 07:30"}, Row{"2026-11-20 17:30", "2026-11-23 07:30"},
                       Row{"2026-02-13 17:00", "2026-02-23 07:30"}, Row{"2025-04-25 17:00", "2025-04-26 07:30"}}) {
    auto next = NextWorkingInstant(cal, T(r.t));
    ASSERT_TRUE(next.has_value()) << r.t;
    EXPECT_EQ(FormatLocalMinute(*next), r.next) << r.t;
  }
}

TEST(WorkingTimeBetween, CountsHalfOpenRanges) {
  const WorkingCalendar& cal = Shipped();
  auto between = [&](const char* a, const char* b) { return WorkingTimeBetween(cal, T(a), T(b)).value().count(); };
  EXPECT_EQ(between("2026-11-23 07:30", "2026-11-24 07:30"), 450);  // one default day: 4 h + 3.5 h
  EXPECT_EQ(between("2026-11-23 11:00", "2026-11-23 14:00"), 60);
  EXPECT_EQ(between("2026-11-23 09:00", "2026-11-23 09:00"), 0);
  EXPECT_EQ(between("2026-11-24 09:00", "2026-11-23 09:00"), 0);  // to <= from
  EXPECT_EQ(between("2026-02-13 07:30", "2026-02-23 07:30"), 450);  // Tết Bính Ngọ has none
  EXPECT_EQ(between("2026-11-20 00:00", "2026-11-23 00:00"), 450);  // the weekend has none
  EXPECT_EQ(between("2026-12-31 00:00", "2027-01-01 00:00"), 450);  // up to the end of coverage
  auto outside = WorkingTimeBetween(cal, T("2026-12-31 00:00"), T("2027-01-01 00:01"));
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().rule, "calendar_not_covering");
}

TEST(WorkingDaysBetween, CountsTheOpenClosedRange) {
  const WorkingCalendar& cal = Shipped();
  auto between = [&](const char* a, const char* b) { return WorkingDaysBetween(cal, D(a), D(b)).value(); };
  EXPECT_EQ(between("2026-11-23", "2026-11-23"), 0);
  EXPECT_EQ(between("2026-11-23", "2026-11-24"), 1);
  EXPECT_EQ(between("2026-11-20", "2026-11-23"), 1);  // Friday to Monday
  EXPECT_EQ(between("2026-11-24", "2026-11-23"), 0);  // to <= from
  EXPECT_EQ(between("2026-02-13", "2026-02-23"), 1);  // across Tết Bính Ngọ
  EXPECT_EQ(between("2025-12-31", "2026-01-02"), 1);  // across Tết Dương lịch and the year
  EXPECT_EQ(between("2024-04-26", "2024-05-06"), 4);  // 02/05, 03/05, Sat 04/05 (make-up), 06/05
  EXPECT_EQ(between("2023-12-31", "2024-01-02"), 1);  // `from` itself need not be covered
  auto outside = WorkingDaysBetween(cal, D("2026-12-30"), D("2027-01-04"));
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().rule, "calendar_not_covering");
  EXPECT_NE(outside.error().detail.find("2027"), std::string::npos);
}

TEST(AddWorkingDays, SkipsTetHolidayWeek) {
  const WorkingCalendar& cal = Shipped();
  EXPECT_EQ(FormatLocalDate(*AddWorkingDays(cal, D("2026-02-13"), 1)), "2026-02-23");
  EXPECT_EQ(FormatLocalDate(*AddWorkingDays(cal, D("2026-02-14"), 1)), "2026-02-23");  // from a day off
  EXPECT_EQ(FormatLocalDate(*AddWorkingDays(cal, D("2026-02-14"), 0)), "2026-02-14");  // n == 0: start itself
  EXPECT_EQ(FormatLocalDate(*AddWorkingDays(cal, D("2025-01-24"), 1)), "2025-02-03");  // Tết Ất Tỵ
  auto negative = AddWorkingDays(cal, D("2026-02-13"), -1);
  ASSERT_FALSE(negative.has_value());
  EXPECT_EQ(negative.error().rule, "bad_duration");
  EXPECT_EQ(negative.error().field, "duration");
  auto beyond = AddWorkingDays(cal, D("2026-12-31"), 1);
  ASSERT_FALSE(beyond.has_value());
  EXPECT_EQ(beyond.error().rule, "calendar_not_covering");
}

TEST(WorkingHoursOn, GivesEachDayItsIntervals) {
  const DayHours weekday = {Iv(7, 30, 11, 30), Iv(13, 30, 17, 0)};
  EXPECT_EQ(*WorkingHoursOn(Shipped(), D("2026-11-23")), weekday);
  EXPECT_EQ(*WorkingHoursOn(Shipped(), D("2024-05-04")), weekday);  // make-up Saturday: weekday hours
  EXPECT_TRUE(WorkingHoursOn(Shipped(), D("2024-05-05"))->empty());
  EXPECT_EQ(*WorkingHoursOn(Shipped("saturday-morning"), D("2026-11-21")), DayHours{Iv(7, 30, 11, 30)});
  EXPECT_EQ(*WorkingHoursOn(Shipped("saturday-full-day"), D("2026-11-21")), weekday);
  // A Saturday inside an official break is closed for Saturday service too.
  EXPECT_TRUE(WorkingHoursOn(Shipped("saturday-full-day"), D("2024-04-27"))->empty());
  EXPECT_EQ(WorkingHoursOn(Shipped(), D("2027-01-04")).error().rule, "calendar_not_covering");
}

TEST(FindEntry, ReturnsTheListedDay) {
  const DayEntry* e = FindEntry(Shipped(), D("2024-05-04"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->kind, DayKind::kMakeupWorkingDay);
  ASSERT_TRUE(e->swapped_with.has_value());
  EXPECT_EQ(FormatLocalDate(*e->swapped_with), "2024-04-29");
  EXPECT_NE(e->name.find("Làm bù"), std::string::npos);
  EXPECT_NE(e->source.find("2450/VPCP-KGVX"), std::string::npos);
  EXPECT_EQ(FindEntry(Shipped(), D("2024-05-06")), nullptr);
}

// ---- the shipped data, day by day, against domain.md §6.2 ----

TEST(ShippedCalendar, MatchesDomainTableDayByDay) {
  // Mon-Fri days off and make-up Saturdays, read off domain.md §6.2 by hand.
  const std::set<std::string> weekdays_off = {
      "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-18",
      "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03",  //
      "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
      "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02",  //
      "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27",
      "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"};
  const std::set<std::string> makeup = {"2024-05-04", "2025-04-26", "2026-08-22"};
  const WorkingCalendar& cal = Shipped();
  EXPECT_EQ(cal.first_year(), 2024);
  EXPECT_EQ(cal.last_year(), 2026);
  int working = 0;
  for (LocalDate d = D("2024-01-01"); d <= D("2026-12-31"); d += days{1}) {
    const std::string s = FormatLocalDate(d);
    const weekday w{d};
    const bool expected = makeup.count(s) || (w != Saturday && w != Sunday && !weekdays_off.count(s));
    EXPECT_EQ(IsWorkingDay(cal, d), expected) << s;
    working += expected ? 1 : 0;
  }
  EXPECT_EQ(WorkingDaysBetween(cal, D("2023-12-31"), D("2026-12-31")).value(), working);
}

TEST(ShippedCalendar, EveryEntryHasNameKindAndSource) {
  for (const DayEntry& e : Shipped().entries()) {
    EXPECT_FALSE(e.name.empty()) << FormatLocalDate(e.date);
    EXPECT_FALSE(e.source.empty()) << FormatLocalDate(e.date);
    EXPECT_EQ(e.name, NormalizeNfc(e.name)) << FormatLocalDate(e.date);
  }
  EXPECT_EQ(FindEntry(Shipped(), D("2026-04-27"))->kind, DayKind::kCompensatoryDayOff);
  EXPECT_EQ(FindEntry(Shipped(), D("2026-04-26"))->kind, DayKind::kHoliday);  // on a Sunday
  EXPECT_EQ(FindEntry(Shipped(), D("2026-08-31"))->kind, DayKind::kSwappedDayOff);
  EXPECT_EQ(FindEntry(Shipped(), D("2025-05-02"))->kind, DayKind::kSwappedDayOff);
}

TEST(ShippedCalendar, ProfilesAreFlaggedAsExamplesOrNot) {
  EXPECT_FALSE(Shipped("default").profile().is_example);
  EXPECT_FALSE(Shipped("saturday-morning").profile().is_example);
  EXPECT_TRUE(Shipped("example-thai-nguyen-seasonal").profile().is_example);
  EXPECT_TRUE(Shipped("example-bac-giang-seasonal").profile().is_example);
  EXPECT_TRUE(Shipped("default").profile().seasons.empty());  // Tuyên Quang hours: NOT FOUND, no seasons
}

// ---- BuildCalendar validation (calendars built in code) ----

Error BuildError(std::vector<DayEntry> entries, HoursProfile profile = DefaultHours(), int first = 2026, int last = 2026) {
  CalendarSpec spec;
  spec.first_year = first;
  spec.last_year = last;
  spec.entries = std::move(entries);
  spec.profile = std::move(profile);
  auto cal = BuildCalendar(std::move(spec));
  EXPECT_FALSE(cal.has_value());
  return cal ? Error{} : cal.error();
}

TEST(BuildCalendar, AcceptsAPairedSwap) {
  CalendarSpec spec;
  spec.first_year = spec.last_year = 2026;
  spec.profile = DefaultHours();
  spec.entries = {Entry("2026-08-31", DayKind::kSwappedDayOff, "2026-08-22"),
                  Entry("2026-08-22", DayKind::kMakeupWorkingDay, "2026-08-31")};
  auto cal = BuildCalendar(spec);
  ASSERT_TRUE(cal.has_value()) << cal.error().Describe();
  EXPECT_TRUE(IsWorkingDay(*cal, D("2026-08-22")));
  EXPECT_FALSE(IsWorkingDay(*cal, D("2026-08-31")));
  EXPECT_EQ(FormatLocalDate(cal->entries().front().date), "2026-08-22");  // sorted
}

TEST(BuildCalendar, RejectsEntriesThatBreakARule) {
  struct Row {
    std::vector<DayEntry> entries;
    const char* field;
    const char* rule;
  };
  DayEntry no_name = Entry("2026-01-01", DayKind::kHoliday);
  no_name.name = "  ";
  DayEntry no_source = Entry("2026-01-01", DayKind::kHoliday);
  no_source.source = "";
  DayEntry bad_utf8 = Entry("2026-01-01", DayKind::kHoliday);
  bad_utf8.name = "T\xe1t";
  const Row rows[] = {
      {{Entry("2025-12-31", DayKind::kHoliday)}, "entries/0/date", "calendar_date_outside_year"},
      {{Entry("2026-01-01", DayKind::kHoliday), Entry("2026-01-01", DayKind::kHoliday)}, "entries/1/date",
       "calendar_duplicate_date"},
      {{no_name}, "entries/0/name", "calendar_missing_name"},
      {{no_source}, "entries/0/source", "calendar_missing_source"},
      {{bad_utf8}, "entries/0/name", "calendar_bad_text"},
      {{Entry("2026-04-25", DayKind::kCompensatoryDayOff)}, "entries/0/kind", "calendar_kind_weekday"},  // Saturday
      {{Entry("2026-08-24", DayKind::kMakeupWorkingDay, "2026-08-31")}, "entries/0/kind", "calendar_kind_weekday"},
      {{Entry("2026-08-24", DayKind::kWeekendInBreak)}, "entries/0/kind", "calendar_kind_weekday"},  // Monday
      {{Entry("2026-08-31", DayKind::kSwappedDayOff)}, "entries/0/swapped_with", "calendar_swap_unpaired"},
      {{Entry("2026-08-31", DayKind::kSwappedDayOff, "2026-08-22")}, "entries/0/swapped_with",
       "calendar_swap_unpaired"},  // the make-up day is not listed
      {{Entry("2026-08-31", DayKind::kSwappedDayOff, "2026-08-22"),
        Entry("2026-08-22", DayKind::kMakeupWorkingDay, "2026-08-29")},
       "entries/0/swapped_with", "calendar_swap_unpaired"},  // it does not point back
      {{Entry("2026-01-01", DayKind::kHoliday, "2026-01-03")}, "entries/0/swapped_with", "calendar_swap_unpaired"},
  };
  for (const Row& r : rows) {
    const Error e = BuildError(r.entries);
    EXPECT_EQ(e.code, ErrorCode::kInvalid) << r.rule;
    EXPECT_EQ(e.field, r.field) << r.rule << ": " << e.Describe();
    EXPECT_EQ(e.rule, r.rule) << e.Describe();
  }
}

TEST(BuildCalendar, RejectsBadHours) {
  struct Row {
    WeekHours hours;
    std::vector<Season> seasons;
    const char* field;
    const char* rule;
  };
  const DayHours ok = {Iv(7, 30, 11, 30)};
  const Row rows[] = {
      {{{Iv(11, 30, 7, 30)}, {}, {}}, {}, "profile/p/hours/weekdays/0", "hours_bad_interval"},
      {{{Iv(7, 30, 7, 30)}, {}, {}}, {}, "profile/p/hours/weekdays/0", "hours_bad_interval"},
      {{{Iv(7, 30, 24, 1)}, {}, {}}, {}, "profile/p/hours/weekdays/0", "hours_bad_interval"},
      {{{Iv(7, 30, 12, 0), Iv(11, 0, 17, 0)}, {}, {}}, {}, "profile/p/hours/weekdays/1", "hours_bad_interval"},
      {{{Iv(7, 30, 11, 30), Iv(11, 30, 17, 0)}, {}, {}}, {}, "profile/p/hours/weekdays/1", "hours_bad_interval"},
      {{{Iv(13, 30, 17, 0), Iv(7, 30, 11, 30)}, {}, {}}, {}, "profile/p/hours/weekdays/1", "hours_bad_interval"},
      {{{Iv(1, 0, 2, 0), Iv(3, 0, 4, 0), Iv(5, 0, 6, 0), Iv(7, 0, 8, 0), Iv(9, 0, 10, 0)}, {}, {}},
       {}, "profile/p/hours/weekdays", "hours_too_many_intervals"},
      {{{}, ok, {}}, {}, "profile/p/hours/weekdays", "hours_no_weekday_hours"},
      {{ok, {}, {}}, {Season{"a", October / 15, April / 14, {ok, {}, {}}}, Season{"b", April / 1, April / 30, {ok, {}, {}}}},
       "profile/p/seasons", "hours_bad_season"},
      {{ok, {}, {}}, {Season{"a", February / 30, March / 1, {ok, {}, {}}}}, "profile/p/seasons/0", "hours_bad_season"},
      {{ok, {}, {}}, {Season{"a", October / 15, April / 14, {{}, {}, {}}}}, "profile/p/seasons/0/hours/weekdays",
       "hours_no_weekday_hours"},
  };
  for (const Row& r : rows) {
    HoursProfile p;
    p.name = "p";
    p.hours = r.hours;
    p.seasons = r.seasons;
    const Error e = BuildError({}, p);
    EXPECT_EQ(e.field, r.field) << e.Describe();
    EXPECT_EQ(e.rule, r.rule) << e.Describe();
  }
}

TEST(BuildCalendar, RejectsBadYears) {
  EXPECT_EQ(BuildError({}, DefaultHours(), 2026, 2025).rule, "calendar_bad_years");
  EXPECT_EQ(BuildError({}, DefaultHours(), 1800, 2025).rule, "calendar_bad_years");
}

TEST(DayKind, ParsesEveryJsonSpelling) {
  for (DayKind k : {DayKind::kHoliday, DayKind::kCompensatoryDayOff, DayKind::kSwappedDayOff,
                    DayKind::kMakeupWorkingDay, DayKind::kWeekendInBreak})
    EXPECT_EQ(*ParseDayKind(DayKindName(k), "kind"), k);
  auto bad = ParseDayKind("holyday", "kind");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().rule, "calendar_bad_kind");
  EXPECT_EQ(bad.error().field, "kind");
  EXPECT_FALSE(IsDayOff(DayKind::kMakeupWorkingDay));
  EXPECT_TRUE(IsDayOff(DayKind::kWeekendInBreak));
}

}  // namespace
}  // namespace motcua::calendar
