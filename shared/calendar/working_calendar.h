// The working calendar: which local (Vietnam) minutes are working time, for one hours profile.
//
// What it holds. Law is data (architecture.md rule 4): the days off and make-up working days come
// from assets/calendar/vn-YYYY.json, one file per year, and the working hours from
// assets/calendar/hours.json (formats in assets/calendar/README.md). A WorkingCalendar is built from
// them once, validated, and is then immutable and cheap to query (a per-day table indexed by day
// number, with prefix counts of working days and working minutes).
//
// The rule (the calendar issue, implemented exactly):
//   working time of a date = the profile's hours for its day of the week (Mon-Fri "weekdays",
//   "saturday", "sunday"; a seasonal profile picks the season by month and day), EXCEPT
//     - none on a day listed as holiday, compensatory day off, swapped day off or weekend-in-break;
//     - the Mon-Fri ("weekdays") hours on a make-up working day (ngày làm bù), whatever its weekday.
//   A working day is a date with any working time.
//
// Boundary conventions (decided here; tests on both sides of each in working_calendar_test.cpp):
//   (B1) Working intervals are half-open, [open, close): with the default profile 07:30 and 13:30 are
//        working time; 11:30 and 17:00 are not. So a receipt at exactly 11:30 starts at 13:30, and a
//        receipt at 17:00 starts the next working day at 07:30.
//   (B2) The END of a span of working time may be a closing minute: consuming working time up to
//        exactly 17:00 ends at 17:00 (it does not roll to the next morning), and exactly to 11:30
//        ends at 11:30. IsWithinWorkingHours() is the closed-interval test such an end satisfies.
//   (B3) Days are local (Vietnam, UTC+7, no DST) civil dates; minutes are minutes after local midnight.
//
// Coverage. The calendar covers the contiguous years [first_year(), last_year()] of its data files.
// Any computation that needs a day outside them fails with kInvalid/"calendar_not_covering" on field
// "calendar", naming the year in `detail`: the due date is printed on the citizen's receipt and becomes
// binding, so we do not guess. With CalendarOptions::weekdays_beyond_coverage the days outside the data
// (up to kProvisionalYearsBefore before and kProvisionalYearsAfter after) follow the profile's weekly
// hours with no holidays at all: PROVISIONAL, for planning only, and flagged by IsProvisional() so a
// screen can say so. Beyond that window the error above is returned regardless.
//
// Saturday service (domain.md §6.3): whether a Saturday receipt starts the processing clock is NOT
// FOUND. The "saturday-*" profiles make Saturday hours working time (Saturdays then count as working
// days). For the other reading, compute deadlines with "default" and use the Saturday profile only
// for opening hours (IsWorkingTime). Both readings are tested.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/internal/day_table.h"
#include "common/result.h"
#include "common/time.h"

namespace motcua::calendar {

// How far a calendar built with weekdays_beyond_coverage reaches past its data (in whole years).
inline constexpr int kProvisionalYearsBefore = 10;
inline constexpr int kProvisionalYearsAfter = 50;

// The kind of a listed day. JSON spelling in quotes.
enum class DayKind : std::uint8_t {
  kHoliday,             // "holiday": ngày lễ, Tết (Labour Code 2019 Art. 112). May fall on a weekend:
                        //   it is then recorded for the record only; its compensation is its own entry.
  kCompensatoryDayOff,  // "compensatory_day_off": nghỉ bù (Art. 111.3). Mon-Fri only.
  kSwappedDayOff,       // "swapped_day_off": nghỉ hoán đổi. Mon-Fri only; names its make-up day.
  kMakeupWorkingDay,    // "makeup_working_day": làm bù. Sat or Sun only; names its swapped day off.
  kWeekendInBreak,      // "weekend_in_break": a Sat or Sun inside an official break. No effect on
                        //   Mon-Fri hours; closes Saturday-service profiles for that day.
};
const char* DayKindName(DayKind kind);  // the JSON spelling
// Errors: kInvalid/"calendar_bad_kind" on `field`.
Result<DayKind> ParseDayKind(std::string_view text, std::string_view field);
bool IsDayOff(DayKind kind);  // every kind but kMakeupWorkingDay

// One listed day of a year file.
struct DayEntry {
  LocalDate date{};
  DayKind kind = DayKind::kHoliday;
  std::string name;                       // Vietnamese, NFC, e.g. "Quốc khánh (2/9)"; required
  std::string source;                     // the notice it comes from; required
  std::optional<LocalDate> swapped_with;  // the paired day: required for kSwappedDayOff and
                                          //   kMakeupWorkingDay, forbidden otherwise
  std::string note;                       // optional, e.g. the lunar date "mùng 1 tháng Giêng"
  std::string origin;  // where it came from, for errors: "vn-2024.json#/entries/5"; empty if built in code
};

// [begin, end) in minutes after local midnight, 0 <= begin < end <= 24 h.
struct TimeInterval {
  std::chrono::minutes begin{0};
  std::chrono::minutes end{0};
  friend bool operator==(const TimeInterval&, const TimeInterval&) = default;
};
// A day's working intervals: sorted, separated by a gap (end < next begin), at most
// internal::kMaxIntervalsPerDay. Empty = closed.
using DayHours = std::vector<TimeInterval>;

struct WeekHours {
  DayHours weekdays;  // Monday to Friday, and every make-up working day; must not be empty
  DayHours saturday;  // empty = closed (the default)
  DayHours sunday;    // empty = closed (the default)
};

// A season replaces the profile's week hours on the dates from..to, inclusive, every year; `to`
// before `from` wraps over the new year (winter: 10-15 .. 04-14). Seasons of a profile do not overlap.
struct Season {
  std::string name;                 // e.g. "mùa đông"
  std::chrono::month_day from{};    // first day (inclusive)
  std::chrono::month_day to{};      // last day (inclusive)
  WeekHours hours;                  // fully resolved (hours.json may list only what changes)
};

struct HoursProfile {
  std::string name;              // key in hours.json, e.g. "default", "saturday-morning"
  WeekHours hours;               // outside every season
  std::vector<Season> seasons;   // may be empty
  bool is_example = false;       // "example": true in hours.json: shipped as an illustration only
};

// Everything a calendar is built from. LoadCalendar fills it from files; tests build it in code.
struct CalendarSpec {
  int first_year = 0;                     // covered years, inclusive; entries must lie within
  int last_year = 0;
  std::vector<DayEntry> entries;          // any order; validated and sorted by BuildCalendar
  HoursProfile profile;
  bool weekdays_beyond_coverage = false;  // see "Coverage" above (default: off)
};

struct CalendarOptions {
  std::string profile = "default";        // key in hours.json (default: "default")
  bool weekdays_beyond_coverage = false;  // provisional Mon-Fri pattern outside the data (default: off)
};

// Validated, sorted days plus the hours profile in use; covers [first_year, last_year].
class WorkingCalendar {
 public:
  int first_year() const { return first_year_; }  // first year of published data
  int last_year() const { return last_year_; }    // last year of published data
  bool weekdays_beyond_coverage() const { return weekdays_beyond_coverage_; }
  const HoursProfile& profile() const { return profile_; }
  const std::vector<DayEntry>& entries() const { return entries_; }  // sorted by date, unique dates

  // The per-day table the queries run on. Not part of the API: deadline.cpp and the benchmark.
  const internal::DayTable& table() const { return table_; }

 private:
  friend Result<WorkingCalendar> BuildCalendar(CalendarSpec spec);
  WorkingCalendar() = default;

  int first_year_ = 0;
  int last_year_ = 0;
  bool weekdays_beyond_coverage_ = false;
  HoursProfile profile_;
  std::vector<DayEntry> entries_;
  internal::DayTable table_;
};

// Validates `spec` and builds the per-day table. Errors, all kInvalid unless noted; `field` names the
// entry ("vn-2025.json#/entries/3/kind", or "entries/3/kind" when built in code) or "profile/...":
//   "calendar_bad_years"         first_year > last_year, or outside 1900..9000
//   "calendar_date_outside_year" an entry outside [first_year, last_year]
//   "calendar_duplicate_date"    two entries on one date
//   "calendar_missing_name" / "calendar_missing_source" / "calendar_bad_text" (not valid UTF-8)
//   "calendar_kind_weekday"      a compensatory or swapped day off on Sat/Sun, a make-up working day or
//                                weekend_in_break on Mon-Fri
//   "calendar_swap_unpaired"     swapped_with missing, pointing at the wrong kind, or not pointing back;
//                                or present on a kind that takes none
//   "hours_bad_interval"         begin >= end, outside 00:00-24:00, unsorted, overlapping or touching
//   "hours_too_many_intervals"   more than internal::kMaxIntervalsPerDay in a day
//   "hours_no_weekday_hours"     empty weekday hours (base or a season)
//   "hours_bad_season"           an invalid month-day, or two seasons sharing a date
Result<WorkingCalendar> BuildCalendar(CalendarSpec spec);

// Reads <dir>/vn-YYYY.json (every such file; the years must be contiguous) and <dir>/hours.json, picks
// options.profile, and builds the calendar. Names are NFC-normalised. Errors:
//   kNotFound/"calendar_not_found" (field "calendar"): `dir` missing or not a directory
//   kNotFound/"calendar_no_years" (field "calendar"): no vn-YYYY.json in `dir`
//   kNotFound/"hours_not_found" (field "hours.json"): no hours.json
//   kUnavailable/"calendar_unreadable" (field = file name): the file cannot be read
//   kCorrupt/"calendar_bad_json" (field = file name): not JSON (detail has the parser's position)
//   kCorrupt/"calendar_bad_format" (field = file#/pointer): a missing key, a wrong JSON type, an
//     unknown key (typos must not silently drop data), or an unsupported format_version
//   kInvalid/"calendar_bad_file_name" (field = file name): vn-*.json not named vn-YYYY.json
//   kInvalid/"calendar_year_mismatch" (field = file#/year): "year" differs from the file name
//   kInvalid/"calendar_year_missing" (field "calendar"): a gap between the first and last year
//   kInvalid/"calendar_bad_date" (field = file#/pointer): a date that is not YYYY-MM-DD
//   kInvalid/"hours_bad_time" (field = hours.json#/pointer): a time that is not HH:MM (24:00 allowed)
//   kInvalid/"hours_bad_extends" (field = hours.json#/profiles/<name>/extends): unknown parent or a cycle
//   kInvalid/"unknown_profile" (field "profile"): options.profile not in hours.json (detail lists them)
//   and every BuildCalendar error, with the file named in `field`.
Result<WorkingCalendar> LoadCalendar(const std::filesystem::path& dir, const CalendarOptions& options = {});

// The profile names in <dir>/hours.json, sorted. Errors as LoadCalendar's for hours.json.
Result<std::vector<std::string>> ListProfiles(const std::filesystem::path& dir);

// True iff `t` lies in a working interval of its date (half-open, B1). False for dates the calendar
// does not cover (use NextWorkingInstant when you need to know).
bool IsWorkingTime(const WorkingCalendar& cal, LocalMinute t);
// True iff `t` lies in a closed working interval [open, close] of its date: working time or a closing
// minute (B2). Every due instant ComputeDue returns satisfies this. False for uncovered dates.
bool IsWithinWorkingHours(const WorkingCalendar& cal, LocalMinute t);
// True iff date `d` has any working time. False for uncovered dates.
bool IsWorkingDay(const WorkingCalendar& cal, LocalDate d);
// True iff `d` is outside the published data but inside the provisional window
// (only with weekdays_beyond_coverage).
bool IsProvisional(const WorkingCalendar& cal, LocalDate d);
// The calendar's entry for `d`, or nullptr if the date is not listed.
const DayEntry* FindEntry(const WorkingCalendar& cal, LocalDate d);
// The working intervals of date `d` (empty when closed). Errors: "calendar_not_covering".
Result<DayHours> WorkingHoursOn(const WorkingCalendar& cal, LocalDate d);

// `t` itself if it is working time, else the first working minute after it (11:30 -> 13:30,
// Friday 17:30 -> Monday 07:30, the eve of Tết -> the first working morning after it).
// Errors: kInvalid/"calendar_not_covering" (field "calendar") naming the first year it would need.
Result<LocalMinute> NextWorkingInstant(const WorkingCalendar& cal, LocalMinute t);

// Working minutes in [from, to); 0 if to <= from. Errors: "calendar_not_covering" for either end.
Result<std::chrono::minutes> WorkingTimeBetween(const WorkingCalendar& cal, LocalMinute from, LocalMinute to);

// Working days in (from, to]: `from` itself is never counted, `to` is; 0 if to <= from.
// Errors: "calendar_not_covering" if a day in (from, to] is not covered.
Result<int> WorkingDaysBetween(const WorkingCalendar& cal, LocalDate from, LocalDate to);

// The n-th working day after `start` (start itself is never counted; n == 0 returns start, even if
// start is not a working day). n < 0 is kInvalid/"bad_duration" on field "duration".
// Errors: "calendar_not_covering" naming the first year it would need.
Result<LocalDate> AddWorkingDays(const WorkingCalendar& cal, LocalDate start, int n);

namespace internal {
// kInvalid/"calendar_not_covering" on field "calendar" for the local date `day`, naming its year.
// Shared with deadline.cpp so the wording is the same everywhere.
Error NotCovering(const WorkingCalendar& cal, LocalDate day);
// Checks one day's hours (convention: `field` points at the array). Errors: "hours_bad_interval",
// "hours_too_many_intervals".
Status ValidateDayHours(const DayHours& hours, const std::string& field);
// Checks a week and its seasons. Errors: the above, "hours_no_weekday_hours", "hours_bad_season".
Status ValidateProfile(const HoursProfile& profile, const std::string& field);
}  // namespace internal

}  // namespace motcua::calendar
