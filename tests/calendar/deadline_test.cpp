// ComputeDue (calendar/deadline.h): the issue's worked examples, every holiday block of domain.md §6.2,
// each unit with its edge cases, coverage errors, and fixed-seed property tests against a naive oracle.
#include "calendar/deadline.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>

#include "calendar/calendar_fixtures.h"
#include "calendar/naive_deadline.h"

namespace motcua::calendar {
namespace {

using namespace std::chrono;
using namespace motcua::calendar::testing;

struct DueCase {
  const char* received;
  const char* duration;
  const char* due;  // "YYYY-MM-DD HH:MM" or "error <rule>"
  const char* why;  // the source or the boundary the row checks
};

void ExpectCases(const WorkingCalendar& cal, std::initializer_list<DueCase> cases) {
  for (const DueCase& c : cases)
    EXPECT_EQ(DueText(cal, c.received, c.duration), c.due)
        << c.received << " + " << c.duration << " (" << c.why << ")";
}

// ---- the issue's examples ----

TEST(ComputeDue, IssueWorkedExamples) {
  ExpectCases(Shipped(), {
      {"2026-11-23 09:00", "3wd", "2026-11-26 09:00", "issue: plain week"},
      {"2026-02-13 10:00", "1wd", "2026-02-23 10:00", "issue: Tết Bính Ngọ 14/02-22/02 (Công văn 9859/VPCP-KGVX)"},
      {"2025-04-25 14:00", "1wd", "2025-04-26 14:00", "issue: make-up Saturday 26/04/2025 (Công văn 8726/VPCP-KGVX)"},
      {"2026-11-23 16:00", "2wh", "2026-11-24 08:30", "issue: 1 h today, 1 h tomorrow morning"},
  });
}

// ---- every block of domain.md §6.2: last working day before, first after ----

struct Block {
  const char* first_off;
  const char* last_off;
  const char* last_working_before;  // nullptr when that day is before the covered years
  const char* first_working_after;
  const char* source;
};

const Block kBlocks[] = {
    {"2024-01-01", "2024-01-01", nullptr, "2024-01-02", "2024 Tết Dương lịch (statutory)"},
    {"2024-02-08", "2024-02-14", "2024-02-07", "2024-02-15", "2024 Tết Giáp Thìn (TB 5015/TB-LĐTBXH)"},
    {"2024-04-18", "2024-04-18", "2024-04-17", "2024-04-19", "2024 Giỗ Tổ (chinhphu.vn)"},
    {"2024-04-27", "2024-05-01", "2024-04-26", "2024-05-02", "2024 30/4-1/5, Mon 29/04 swapped (CV 2450/VPCP-KGVX)"},
    {"2024-08-31", "2024-09-03", "2024-08-30", "2024-09-04", "2024 Quốc khánh (TB 5015/TB-LĐTBXH)"},
    {"2025-01-01", "2025-01-01", "2024-12-31", "2025-01-02", "2025 Tết Dương lịch (statutory)"},
    {"2025-01-25", "2025-02-02", "2025-01-24", "2025-02-03", "2025 Tết Ất Tỵ (TNT 1048c435257f9932.md)"},
    {"2025-04-05", "2025-04-07", "2025-04-04", "2025-04-08", "2025 Giỗ Tổ (TNT 8a4e84165d9538d2.md)"},
    {"2025-04-30", "2025-05-04", "2025-04-29", "2025-05-05", "2025 30/4-1/5, Fri 02/05 swapped (CV 8726/VPCP-KGVX)"},
    {"2025-08-30", "2025-09-02", "2025-08-29", "2025-09-03", "2025 Quốc khánh (TNT 545aeb53e8f71b1d.md)"},
    {"2026-01-01", "2026-01-01", "2025-12-31", "2026-01-02", "2026 Tết Dương lịch (TNT e047808a7048ad30.md)"},
    {"2026-02-14", "2026-02-22", "2026-02-13", "2026-02-23", "2026 Tết Bính Ngọ (CV 9859/VPCP-KGVX; TB 9441/TB-BNV)"},
    {"2026-04-25", "2026-04-27", "2026-04-24", "2026-04-28", "2026 Giỗ Tổ on Sunday, Monday off (TNT e047808a7048ad30.md)"},
    {"2026-04-30", "2026-05-03", "2026-04-29", "2026-05-04", "2026 30/4-1/5 (TNT e047808a7048ad30.md)"},
    {"2026-08-29", "2026-09-02", "2026-08-28", "2026-09-03", "2026 Quốc khánh, Mon 31/08 swapped (TB 9441/TB-BNV)"},
};

TEST(ComputeDue, OneWorkingDayCrossesEachHolidayBlock) {
  for (const Block& b : kBlocks) {
    if (!b.last_working_before) continue;
    const std::string received = std::string(b.last_working_before) + " 10:00";
    EXPECT_EQ(DueText(Shipped(), received.c_str(), "1wd"), std::string(b.first_working_after) + " 10:00") << b.source;
    // One working hour before the close on the last day ends at the close (B2), and one more minute
    // is the first minute of the first morning after the block.
    const std::string late = std::string(b.last_working_before) + " 16:00";
    EXPECT_EQ(DueText(Shipped(), late.c_str(), "1wh"), std::string(b.last_working_before) + " 17:00") << b.source;
    const std::string later = std::string(b.last_working_before) + " 16:01";
    EXPECT_EQ(DueText(Shipped(), later.c_str(), "1wh"), std::string(b.first_working_after) + " 07:31") << b.source;
  }
}

TEST(ComputeDue, ReceiptInsideHolidayBlockStartsFirstMorningAfter) {
  for (const Block& b : kBlocks) {
    const std::string received = std::string(b.first_off) + " 09:00";
    EXPECT_EQ(DueText(Shipped(), received.c_str(), "0wh"), std::string(b.first_working_after) + " 07:30") << b.source;
    EXPECT_EQ(DueText(Shipped(), received.c_str(), "1wd"),
              FormatLocalDate(*AddWorkingDays(Shipped(), D(b.first_working_after), 1)) + " 07:30")
        << b.source;
  }
}

TEST(ComputeDue, SwappedMonday2024CountsMakeupSaturday) {
  // CV 2450/VPCP-KGVX: Mon 29/04/2024 off, Sat 04/05/2024 worked instead.
  ExpectCases(Shipped(), {
      {"2024-04-26 09:00", "1wd", "2024-05-02 09:00", "29/04 swapped, 30/04 and 01/05 holidays"},
      {"2024-04-26 09:00", "3wd", "2024-05-04 09:00", "the third working day is the make-up Saturday"},
      {"2024-04-26 09:00", "4wd", "2024-05-06 09:00", "Sunday 05/05 is not a working day"},
      {"2024-04-29 09:00", "0wd", "2024-05-02 07:30", "a receipt on the swapped Monday starts on 02/05"},
      {"2024-05-03 16:30", "1wh", "2024-05-04 08:00", "working hours run through the make-up Saturday"},
      {"2024-05-04 09:00", "0wd", "2024-05-04 09:00", "the make-up Saturday is working time"},
  });
}

TEST(ComputeDue, QuocKhanh2026WithMakeupSaturday) {
  // TB 9441/TB-BNV: Sat 22/08/2026 worked for Mon 31/08; off Sat 29/08 - Wed 02/09.
  ExpectCases(Shipped(), {
      {"2026-08-21 10:00", "1wd", "2026-08-22 10:00", "Friday + 1wd = the make-up Saturday"},
      {"2026-08-21 10:00", "2wd", "2026-08-24 10:00", "then Monday"},
      {"2026-08-22 16:00", "2wh", "2026-08-24 08:30", "make-up Saturday keeps weekday hours (to 17:00)"},
      {"2026-08-28 10:00", "1wd", "2026-09-03 10:00", "Friday before the break + 1wd = Thursday after"},
      {"2026-08-31 10:00", "0wh", "2026-09-03 07:30", "the swapped Monday is off"},
  });
}

TEST(ComputeDue, GioTo2026CompensatoryMonday) {
  ExpectCases(Shipped(), {
      {"2026-04-24 10:00", "1wd", "2026-04-28 10:00", "Sun 26/04 holiday, Mon 27/04 compensatory"},
      {"2026-04-24 10:00", "2wd", "2026-04-29 10:00", "then Wed 29/04 (Thu 30/04 is a holiday)"},
      {"2026-04-24 10:00", "3wd", "2026-05-04 10:00", "30/04, 01/05 and the weekend are off"},
  });
}

// ---- each unit ----

TEST(ComputeDue, WorkingHoursBoundaries) {
  ExpectCases(Shipped(), {
      {"2026-11-23 07:30", "4wh", "2026-11-23 11:30", "B2: consuming exactly to 11:30 ends at 11:30"},
      {"2026-11-23 07:31", "4wh", "2026-11-23 13:31", "one minute later rolls over lunch"},
      {"2026-11-23 13:30", "3wh", "2026-11-23 16:30", "inside the afternoon"},
      {"2026-11-23 16:00", "1wh", "2026-11-23 17:00", "B2: consuming exactly to 17:00 ends at 17:00"},
      {"2026-11-23 16:01", "1wh", "2026-11-24 07:31", "one minute more: the next morning"},
      {"2026-11-23 07:30", "8wh", "2026-11-24 08:00", "a working day is 7.5 h with the default profile"},
      {"2026-11-23 11:29", "1wh", "2026-11-23 14:29", "1 min before lunch + 59 min after"},
      {"2026-11-23 11:30", "1wh", "2026-11-23 14:30", "B1: 11:30 is outside working time -> 13:30"},
      {"2026-11-23 12:00", "1wh", "2026-11-23 14:30", "issue: 12:00 -> 13:30"},
      {"2026-11-23 13:29", "1wh", "2026-11-23 14:30", "13:29 is still lunch"},
      {"2026-11-23 06:00", "1wh", "2026-11-23 08:30", "before opening -> 07:30"},
      {"2026-11-20 17:30", "1wh", "2026-11-23 08:30", "issue: Friday 17:30 -> Monday 07:30"},
      {"2026-11-20 17:00", "1wh", "2026-11-23 08:30", "B1: 17:00 is outside working time"},
      {"2026-11-20 16:59", "1wh", "2026-11-23 08:29", "16:59 is working time: 1 min Friday, 59 min Monday"},
      {"2026-02-13 16:00", "2wh", "2026-02-23 08:30", "across Tết Bính Ngọ"},
      {"2026-11-23 09:00", "0wh", "2026-11-23 09:00", "0 is the start itself"},
      {"2026-11-23 23:59", "0wh", "2026-11-24 07:30", "0 still moves the start into working time"},
  });
}

TEST(ComputeDue, WorkingDaysKeepTimeOfDay) {
  ExpectCases(Shipped(), {
      {"2026-11-23 07:30", "1wd", "2026-11-24 07:30", "opening minute"},
      {"2026-11-23 16:59", "1wd", "2026-11-24 16:59", "last working minute"},
      {"2026-11-23 17:00", "1wd", "2026-11-25 07:30", "B1: 17:00 starts the next morning"},
      {"2026-11-23 11:30", "1wd", "2026-11-24 13:30", "B1: 11:30 starts at 13:30"},
      {"2026-11-21 10:00", "1wd", "2026-11-24 07:30", "Saturday receipt starts Monday 07:30"},
      {"2026-11-20 10:00", "5wd", "2026-11-27 10:00", "a full week"},
      {"2026-11-23 09:00", "0wd", "2026-11-23 09:00", "0 is the start itself"},
  });
}

TEST(ComputeDue, CalendarDaysLandOnWorkingTime) {
  ExpectCases(Shipped(), {
      {"2026-11-23 09:00", "3d", "2026-11-26 09:00", "a weekday"},
      {"2026-11-23 09:00", "5d", "2026-11-30 07:30", "Saturday 28/11 -> Monday 07:30"},
      {"2026-11-23 12:00", "1d", "2026-11-24 13:30", "the start moved to 13:30 keeps 13:30"},
      {"2026-02-10 10:00", "5d", "2026-02-23 07:30", "Sunday 15/02 inside Tết -> 23/02 07:30"},
      {"2026-11-21 10:00", "2d", "2026-11-25 07:30", "Saturday receipt: start Monday 07:30, + 2 days"},
      {"2026-11-23 09:00", "0d", "2026-11-23 09:00", "0 is the start itself"},
  });
}

TEST(ComputeDue, MonthsClampToMonthEnd) {
  ExpectCases(Shipped(), {
      {"2024-01-31 09:00", "1m", "2024-02-29 09:00", "Jan 31 + 1m in a leap year = Feb 29"},
      {"2024-07-31 09:00", "2m", "2024-09-30 09:00", "31 -> 30"},
      {"2026-03-31 10:00", "1m", "2026-05-04 07:30", "Apr 30 is a holiday -> first working morning"},
      {"2025-10-31 10:00", "1m", "2025-12-01 07:30", "Nov 30 is a Sunday"},
      {"2024-01-15 14:00", "12m", "2025-01-15 14:00", "twelve months"},
      {"2025-12-15 10:00", "2m", "2026-02-23 07:30", "Feb 15 is inside Tết Bính Ngọ"},
      {"2026-11-23 09:00", "0m", "2026-11-23 09:00", "0 is the start itself"},
  });
  // Jan 31 of a non-leap year is in Tết (2025) or a Saturday (2026) in the shipped data, so check the
  // clamp to Feb 28 on a plain calendar.
  ExpectCases(PlainCalendar(2025, 2025), {
      {"2025-01-31 09:00", "1m", "2025-02-28 09:00", "Jan 31 + 1m in a common year = Feb 28"},
      {"2025-01-28 09:00", "1m", "2025-02-28 09:00", "Jan 28 + 1m = Feb 28 too"},
  });
}

TEST(ComputeDue, MonthClampCanInvertTheOrderOfReceipts) {
  // Documented in deadline.h. Both land on Feb 29 at their own time of day, so the later receipt gets
  // the earlier due instant (same date).
  EXPECT_EQ(DueText(Shipped(), "2024-01-30 10:00", "1m"), "2024-02-29 10:00");
  EXPECT_EQ(DueText(Shipped(), "2024-01-31 09:00", "1m"), "2024-02-29 09:00");
  // With Saturday-morning hours the date itself goes back: 13:30 is closed on Saturday 28/02/2026.
  EXPECT_EQ(DueText(Shipped("saturday-morning"), "2026-01-28 12:27", "1m"), "2026-03-02 07:30");
  EXPECT_EQ(DueText(Shipped("saturday-morning"), "2026-01-29 03:34", "1m"), "2026-02-28 07:30");
}

// ---- coverage and bad input ----

TEST(ComputeDue, FailsNamingTheYearWhenTheCalendarEnds) {
  for (const char* duration : {"1wd", "1wh", "1d", "1m"}) {
    auto due = ComputeDue(Shipped(), T("2026-12-31 16:30"), Dur(duration));
    ASSERT_FALSE(due.has_value()) << duration;
    EXPECT_EQ(due.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(due.error().field, "calendar");
    EXPECT_EQ(due.error().rule, "calendar_not_covering");
    EXPECT_NE(due.error().detail.find("2027"), std::string::npos) << due.error().detail;
  }
  // The start itself needs 2027: 31/12/2026 is a Thursday, the receipt is after closing.
  auto start = ComputeDue(Shipped(), T("2026-12-31 17:00"), Dur("0wh"));
  ASSERT_FALSE(start.has_value());
  EXPECT_EQ(start.error().rule, "calendar_not_covering");
  // A receipt before the data.
  auto before = ComputeDue(Shipped(), T("2023-12-29 10:00"), Dur("1wd"));
  ASSERT_FALSE(before.has_value());
  EXPECT_EQ(before.error().rule, "calendar_not_covering");
  EXPECT_NE(before.error().detail.find("2023"), std::string::npos) << before.error().detail;
  // Inside the data the last day still works.
  EXPECT_EQ(DueText(Shipped(), "2026-12-31 16:00", "1wh"), "2026-12-31 17:00");
}

TEST(ComputeDue, ProvisionalWeekdaysBeyondCoverageWhenAsked) {
  auto cal = LoadCalendar(AssetsCalendarDir(), {.weekdays_beyond_coverage = true});
  ASSERT_TRUE(cal.has_value()) << cal.error().Describe();
  // Plain Mon-Fri: the 2027 Tết Dương lịch is not known yet, so 01/01/2027 counts (provisional).
  EXPECT_EQ(DueText(*cal, "2026-12-31 10:00", "1wd"), "2027-01-01 10:00");
  EXPECT_TRUE(IsProvisional(*cal, D("2027-01-01")));
  EXPECT_FALSE(IsProvisional(*cal, D("2026-12-31")));
  // The published data still applies inside the covered years.
  EXPECT_EQ(DueText(*cal, "2026-02-13 10:00", "1wd"), "2026-02-23 10:00");
  // Before the data as well.
  EXPECT_EQ(DueText(*cal, "2023-12-29 16:00", "2wh"), "2024-01-02 08:30");
  // Beyond the provisional window the error comes back.
  auto far = ComputeDue(*cal, T("2026-12-31 10:00"), Duration{9999, DurationUnit::kMonths});
  ASSERT_FALSE(far.has_value());
  EXPECT_EQ(far.error().rule, "calendar_not_covering");
}

TEST(ComputeDue, NegativeAmountIsBadDuration) {
  auto due = ComputeDue(Shipped(), T("2026-11-23 09:00"), Duration{-1, DurationUnit::kWorkingDays});
  ASSERT_FALSE(due.has_value());
  EXPECT_EQ(due.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(due.error().field, "duration");
  EXPECT_EQ(due.error().rule, "bad_duration");
}

// ---- the two readings of Saturday service (domain.md §6.3: NOT FOUND) ----

TEST(ComputeDue, SaturdayMorningProfileCountsSaturdays) {
  const WorkingCalendar& sat = Shipped("saturday-morning");
  ExpectCases(sat, {
      {"2026-11-20 10:00", "1wd", "2026-11-21 10:00", "Saturday morning is working time"},
      {"2026-11-20 16:00", "1wd", "2026-11-23 07:30", "16:00 is outside Saturday's hours -> Monday 07:30"},
      {"2026-11-21 11:00", "1wh", "2026-11-23 08:00", "30 min Saturday, 30 min Monday"},
      {"2026-11-21 12:00", "0wh", "2026-11-23 07:30", "Saturday afternoon is closed"},
      {"2026-02-13 10:00", "1wd", "2026-02-23 10:00", "Saturdays inside Tết are closed (weekend_in_break)"},
      {"2024-04-26 10:00", "1wd", "2024-05-02 10:00", "Saturday 27/04/2024 inside the break is closed"},
  });
  // The other reading: the unit opens on Saturday but deadlines run on the default profile.
  EXPECT_EQ(DueText(Shipped(), "2026-11-20 10:00", "1wd"), "2026-11-23 10:00");
  EXPECT_TRUE(IsWorkingTime(sat, T("2026-11-21 10:00")));
  EXPECT_FALSE(IsWorkingTime(Shipped(), T("2026-11-21 10:00")));
}

TEST(ComputeDue, SeasonalExampleSwitchesHoursOnItsDates) {
  const WorkingCalendar& cal = Shipped("example-thai-nguyen-seasonal");
  ExpectCases(cal, {
      {"2025-10-14 12:45", "0wh", "2025-10-14 13:30", "14/10 is still summer: afternoon from 13:30"},
      {"2025-10-15 12:45", "0wh", "2025-10-15 13:00", "15/10 is winter: afternoon from 13:00"},
      {"2025-04-14 12:45", "0wh", "2025-04-14 13:00", "14/04 is the last winter day"},
      {"2025-04-15 12:45", "0wh", "2025-04-15 13:30", "15/04 is summer again"},
      {"2025-10-14 16:00", "2wh", "2025-10-15 08:30", "hours run into the new season"},
      {"2025-10-14 13:15", "1wd", "2025-10-15 13:30", "13:15 is lunch in summer: the start is 13:30"},
      {"2025-10-15 13:15", "1wd", "2025-10-16 13:15", "13:15 is working time in winter"},
      {"2025-04-14 13:15", "1wd", "2025-04-15 13:30", "13:15 is lunch in summer -> 13:30"},
  });
}

// ---- properties (fixed seeds; every failure prints its inputs) ----

// A random receipt minute in [from, to).
LocalMinute RandomMinute(std::mt19937_64& rng, LocalMinute from, LocalMinute to) {
  const auto span = static_cast<std::uint64_t>((to - from).count());
  return from + minutes{static_cast<std::int64_t>(rng() % span)};
}

Duration RandomDuration(std::mt19937_64& rng) {
  switch (rng() % 4) {
    case 0: return Duration{static_cast<int>(rng() % 81), DurationUnit::kWorkingHours};
    case 1: return Duration{static_cast<int>(rng() % 31), DurationUnit::kWorkingDays};
    case 2: return Duration{static_cast<int>(rng() % 61), DurationUnit::kCalendarDays};
    default: return Duration{static_cast<int>(rng() % 4), DurationUnit::kMonths};
  }
}

std::string Inputs(std::uint64_t seed, int iteration, const std::string& profile, LocalMinute received, Duration d) {
  std::ostringstream os;
  os << "seed " << seed << " iteration " << iteration << " profile " << profile << " received "
     << FormatLocalMinute(received) << " duration " << FormatDuration(d);
  return os.str();
}

const char* const kProfiles[] = {"default", "saturday-morning", "saturday-full-day", "example-thai-nguyen-seasonal",
                                 "example-bac-giang-seasonal"};

TEST(ComputeDueProperty, AgreesWithNaiveWalkIncludingCoverageErrors) {
  constexpr std::uint64_t kSeed = 20260214;
  std::mt19937_64 rng(kSeed);
  int failures = 0;
  for (const char* profile : kProfiles) {
    const WorkingCalendar& cal = Shipped(profile);
    for (int i = 0; i < 20000 && failures < 10; ++i) {
      // Up to the very end of 2026 so that some results need 2027 and must fail in both.
      const LocalMinute received = RandomMinute(rng, T("2024-01-01 00:00"), T("2027-01-01 00:00"));
      const Duration d = RandomDuration(rng);
      auto fast = ComputeDue(cal, received, d);
      auto slow = naive::Due(cal, received, d);
      const bool same = fast.has_value() == slow.has_value() && (!slow || *fast == *slow);
      if (!same) {
        ++failures;
        ADD_FAILURE() << Inputs(kSeed, i, profile, received, d) << ": table "
                      << (fast ? FormatLocalMinute(*fast) : fast.error().Describe()) << ", naive "
                      << (slow ? FormatLocalMinute(*slow) : "not covered");
      }
      if (!fast && fast.error().rule != "calendar_not_covering")
        ADD_FAILURE() << Inputs(kSeed, i, profile, received, d) << ": " << fast.error().Describe();
    }
  }
}

TEST(ComputeDueProperty, ResultIsNeverOutsideWorkingHours) {
  constexpr std::uint64_t kSeed = 42;
  std::mt19937_64 rng(kSeed);
  for (const char* profile : kProfiles) {
    const WorkingCalendar& cal = Shipped(profile);
    for (int i = 0; i < 20000; ++i) {
      // Late enough in 2026 for the longest random duration (3m + a few days) to stay inside 2026.
      const LocalMinute received = RandomMinute(rng, T("2024-01-01 00:00"), T("2026-08-01 00:00"));
      const Duration d = RandomDuration(rng);
      auto due = ComputeDue(cal, received, d);
      ASSERT_TRUE(due.has_value()) << Inputs(kSeed, i, profile, received, d) << ": " << due.error().Describe();
      ASSERT_TRUE(IsWithinWorkingHours(cal, *due))
          << Inputs(kSeed, i, profile, received, d) << ": due " << FormatLocalMinute(*due);
      ASSERT_GE(*due, received) << Inputs(kSeed, i, profile, received, d);
    }
  }
}

TEST(ComputeDueProperty, LaterReceiptNeverGivesEarlierDue) {
  constexpr std::uint64_t kSeed = 7;
  std::mt19937_64 rng(kSeed);
  for (const char* profile : kProfiles) {
    const WorkingCalendar& cal = Shipped(profile);
    for (int i = 0; i < 20000; ++i) {
      const LocalMinute r1 = RandomMinute(rng, T("2024-01-01 00:00"), T("2026-09-01 00:00"));
      const LocalMinute r2 = r1 + minutes{static_cast<std::int64_t>(rng() % (4 * 24 * 60))};
      Duration d = RandomDuration(rng);
      auto due1 = ComputeDue(cal, r1, d);
      auto due2 = ComputeDue(cal, r2, d);
      ASSERT_TRUE(due1 && due2) << Inputs(kSeed, i, profile, r1, d);
      const std::string why = Inputs(kSeed, i, profile, r1, d) + " vs received " + FormatLocalMinute(r2) + ": " +
                              FormatLocalMinute(*due1) + " then " + FormatLocalMinute(*due2);
      if (d.unit != DurationUnit::kMonths) {
        ASSERT_LE(*due1, *due2) << why;
      } else {
        // Months (deadline.h): monotonic unless the month clamp applied to either start. Even then,
        // due DATES stay monotonic when every working day has the same hours.
        const bool uniform_hours = std::string(profile) == "default" || std::string(profile) == "saturday-full-day";
        if (uniform_hours) {
          ASSERT_LE(floor<days>(*due1), floor<days>(*due2)) << why;
        }
        auto s1 = NextWorkingInstant(cal, r1);
        auto s2 = NextWorkingInstant(cal, r2);
        const auto clamped = [&](LocalMinute s) {
          const year_month_day ymd{floor<days>(s)};
          return !(year_month_day{ymd + months{d.amount}}.ok());
        };
        if (!clamped(*s1) && !clamped(*s2)) {
          ASSERT_LE(*due1, *due2) << why;
        }
      }
    }
  }
}

TEST(ComputeDueProperty, WorkingDaysBetweenStartAndDueIsN) {
  constexpr std::uint64_t kSeed = 1504;
  std::mt19937_64 rng(kSeed);
  for (const char* profile : {"default", "saturday-full-day", "saturday-morning"}) {
    const WorkingCalendar& cal = Shipped(profile);
    for (int i = 0; i < 20000; ++i) {
      const LocalMinute received = RandomMinute(rng, T("2024-01-01 00:00"), T("2026-10-01 00:00"));
      const Duration d{static_cast<int>(rng() % 40), DurationUnit::kWorkingDays};
      auto start = NextWorkingInstant(cal, received);
      auto due = ComputeDue(cal, received, d);
      ASSERT_TRUE(start && due) << Inputs(kSeed, i, profile, received, d);
      auto n = WorkingDaysBetween(cal, floor<days>(*start), floor<days>(*due));
      ASSERT_TRUE(n.has_value()) << Inputs(kSeed, i, profile, received, d);
      if (std::string(profile) != "saturday-morning") {
        // Every working day shares one set of hours, so the time of day always fits.
        ASSERT_EQ(*n, d.amount) << Inputs(kSeed, i, profile, received, d) << ": due " << FormatLocalMinute(*due);
      } else {
        // An afternoon start landing on a Saturday morning moves on to the next working day.
        ASSERT_GE(*n, d.amount) << Inputs(kSeed, i, profile, received, d) << ": due " << FormatLocalMinute(*due);
        ASSERT_LE(*n, d.amount + 1) << Inputs(kSeed, i, profile, received, d) << ": due " << FormatLocalMinute(*due);
      }
      auto back = AddWorkingDays(cal, floor<days>(*start), d.amount);
      ASSERT_TRUE(back.has_value());
      ASSERT_EQ(WorkingDaysBetween(cal, floor<days>(*start), *back).value_or(-1), d.amount)
          << Inputs(kSeed, i, profile, received, d);
    }
  }
}

TEST(ComputeDueProperty, WorkingTimeBetweenStartAndDueIsNHours) {
  constexpr std::uint64_t kSeed = 1710;
  std::mt19937_64 rng(kSeed);
  for (const char* profile : kProfiles) {
    const WorkingCalendar& cal = Shipped(profile);
    for (int i = 0; i < 20000; ++i) {
      const LocalMinute received = RandomMinute(rng, T("2024-01-01 00:00"), T("2026-10-01 00:00"));
      const Duration d{static_cast<int>(rng() % 200), DurationUnit::kWorkingHours};
      auto start = NextWorkingInstant(cal, received);
      auto due = ComputeDue(cal, received, d);
      ASSERT_TRUE(start && due) << Inputs(kSeed, i, profile, received, d);
      ASSERT_EQ(WorkingTimeBetween(cal, *start, *due).value_or(minutes{-1}), hours{d.amount})
          << Inputs(kSeed, i, profile, received, d) << ": due " << FormatLocalMinute(*due);
      ASSERT_EQ(WorkingTimeBetween(cal, received, *start).value_or(minutes{-1}), minutes{0})
          << Inputs(kSeed, i, profile, received, d);
    }
  }
}

}  // namespace
}  // namespace motcua::calendar
