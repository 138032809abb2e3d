#include "calendar/working_calendar.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "common/text.h"

namespace motcua::calendar {
namespace {

using namespace std::chrono;
using internal::DayTable;
using internal::Pos;
using internal::Schedule;

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9000;

int YearOf(LocalDate d) { return int(year_month_day{d}.year()); }

bool IsWeekend(LocalDate d) {
  const weekday w{d};
  return w == Saturday || w == Sunday;
}

std::string HhMm(minutes m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", int(m.count() / 60), int(m.count() % 60));
  return buf;
}

// Where an entry is, for `field` and `detail`.
std::string EntryBase(const DayEntry& e, std::size_t index) {
  return e.origin.empty() ? "entries/" + std::to_string(index) : e.origin;
}
Error EntryError(const DayEntry& e, std::size_t index, const char* leaf, const char* rule, const std::string& why) {
  return Invalid(EntryBase(e, index) + "/" + leaf, rule,
                 EntryBase(e, index) + " (" + FormatLocalDate(e.date) + "): " + why);
}

bool InSeason(const Season& s, month_day md) {
  return s.from <= s.to ? (s.from <= md && md <= s.to) : (md >= s.from || md <= s.to);
}

const WeekHours& HoursFor(const HoursProfile& p, LocalDate d) {
  const year_month_day ymd{d};
  const month_day md{ymd.month(), ymd.day()};
  for (const Season& s : p.seasons)
    if (InSeason(s, md)) return s.hours;
  return p.hours;
}

Schedule ToSchedule(const DayHours& hours) {
  Schedule s;
  for (const TimeInterval& iv : hours) {
    s.begin[s.count] = static_cast<std::int32_t>(iv.begin.count());
    s.end[s.count] = static_cast<std::int32_t>(iv.end.count());
    s.total_minutes += s.end[s.count] - s.begin[s.count];
    ++s.count;
  }
  return s;
}

Status ValidateEntries(const CalendarSpec& spec) {
  for (std::size_t i = 0; i < spec.entries.size(); ++i) {
    const DayEntry& e = spec.entries[i];
    const int y = YearOf(e.date);
    if (y < spec.first_year || y > spec.last_year)
      return EntryError(e, i, "date", "calendar_date_outside_year",
                        "outside the calendar's years " + std::to_string(spec.first_year) + "-" +
                            std::to_string(spec.last_year));
    if (!IsValidUtf8(e.name) || !IsValidUtf8(e.source) || !IsValidUtf8(e.note))
      return EntryError(e, i, "name", "calendar_bad_text", "name, source and note must be UTF-8");
    if (Trim(e.name).empty()) return EntryError(e, i, "name", "calendar_missing_name", "every day needs a name");
    if (Trim(e.source).empty())
      return EntryError(e, i, "source", "calendar_missing_source", "every day needs the notice it comes from");
    const bool weekend = IsWeekend(e.date);
    switch (e.kind) {
      case DayKind::kHoliday: break;  // may fall on a weekend (recorded; compensation is its own entry)
      case DayKind::kCompensatoryDayOff:
      case DayKind::kSwappedDayOff:
        if (weekend)
          return EntryError(e, i, "kind", "calendar_kind_weekday",
                            std::string(DayKindName(e.kind)) + " must be Monday to Friday (a weekend is off already)");
        break;
      case DayKind::kMakeupWorkingDay:
      case DayKind::kWeekendInBreak:
        if (!weekend)
          return EntryError(e, i, "kind", "calendar_kind_weekday",
                            std::string(DayKindName(e.kind)) + " must be a Saturday or Sunday");
        break;
    }
    const bool needs_pair = e.kind == DayKind::kSwappedDayOff || e.kind == DayKind::kMakeupWorkingDay;
    if (needs_pair && !e.swapped_with)
      return EntryError(e, i, "swapped_with", "calendar_swap_unpaired",
                        std::string(DayKindName(e.kind)) + " must name its paired day in swapped_with");
    if (!needs_pair && e.swapped_with)
      return EntryError(e, i, "swapped_with", "calendar_swap_unpaired",
                        std::string(DayKindName(e.kind)) + " takes no swapped_with");
  }
  // Duplicates: report the later entry of the pair, in the order given.
  std::map<int, std::size_t> by_day;
  for (std::size_t i = 0; i < spec.entries.size(); ++i) {
    const DayEntry& e = spec.entries[i];
    const int day = e.date.time_since_epoch().count();
    auto [it, inserted] = by_day.emplace(day, i);
    if (!inserted)
      return EntryError(e, i, "date", "calendar_duplicate_date",
                        "the date is already listed at " + EntryBase(spec.entries[it->second], it->second));
  }
  for (std::size_t i = 0; i < spec.entries.size(); ++i) {
    const DayEntry& e = spec.entries[i];
    if (!e.swapped_with) continue;
    const DayKind partner_kind =
        e.kind == DayKind::kSwappedDayOff ? DayKind::kMakeupWorkingDay : DayKind::kSwappedDayOff;
    auto it = by_day.find(e.swapped_with->time_since_epoch().count());
    const DayEntry* partner = it == by_day.end() ? nullptr : &spec.entries[it->second];
    if (!partner || partner->kind != partner_kind || !partner->swapped_with || *partner->swapped_with != e.date)
      return EntryError(e, i, "swapped_with", "calendar_swap_unpaired",
                        "swapped_with " + FormatLocalDate(*e.swapped_with) + " must be a " +
                            DayKindName(partner_kind) + " entry whose swapped_with is " + FormatLocalDate(e.date));
  }
  return Ok();
}

}  // namespace

const char* DayKindName(DayKind kind) {
  switch (kind) {
    case DayKind::kHoliday: return "holiday";
    case DayKind::kCompensatoryDayOff: return "compensatory_day_off";
    case DayKind::kSwappedDayOff: return "swapped_day_off";
    case DayKind::kMakeupWorkingDay: return "makeup_working_day";
    case DayKind::kWeekendInBreak: return "weekend_in_break";
  }
  return "?";
}

Result<DayKind> ParseDayKind(std::string_view text, std::string_view field) {
  for (DayKind k : {DayKind::kHoliday, DayKind::kCompensatoryDayOff, DayKind::kSwappedDayOff,
                    DayKind::kMakeupWorkingDay, DayKind::kWeekendInBreak})
    if (text == DayKindName(k)) return k;
  return Invalid(std::string(field), "calendar_bad_kind",
                 "kind \"" + std::string(text) +
                     "\" is not one of holiday, compensatory_day_off, swapped_day_off, makeup_working_day, "
                     "weekend_in_break");
}

bool IsDayOff(DayKind kind) { return kind != DayKind::kMakeupWorkingDay; }

namespace internal {

Error NotCovering(const WorkingCalendar& cal, LocalDate day) {
  const int y = YearOf(day);
  std::string covered = std::to_string(cal.first_year()) + "-" + std::to_string(cal.last_year());
  if (cal.weekdays_beyond_coverage())
    covered += ", provisionally " + std::to_string(cal.first_year() - kProvisionalYearsBefore) + "-" +
               std::to_string(cal.last_year() + kProvisionalYearsAfter);
  return Invalid("calendar", "calendar_not_covering",
                 "the working calendar has no data for " + std::to_string(y) + " (it covers " + covered +
                     "); add vn-" + std::to_string(y) + ".json once that year's holiday notice is published");
}

Status ValidateDayHours(const DayHours& hours, const std::string& field) {
  if (hours.size() > static_cast<std::size_t>(kMaxIntervalsPerDay))
    return Invalid(field, "hours_too_many_intervals",
                   "at most " + std::to_string(kMaxIntervalsPerDay) + " working intervals a day");
  for (std::size_t k = 0; k < hours.size(); ++k) {
    const TimeInterval& iv = hours[k];
    const std::string where = field + "/" + std::to_string(k);
    if (iv.begin < minutes{0} || iv.end > minutes{kMinutesPerDay} || iv.begin >= iv.end)
      return Invalid(where, "hours_bad_interval",
                     "interval " + HhMm(iv.begin) + "-" + HhMm(iv.end) + " must satisfy 00:00 <= begin < end <= 24:00");
    if (k > 0 && hours[k - 1].end >= iv.begin)
      return Invalid(where, "hours_bad_interval",
                     "interval " + HhMm(iv.begin) + "-" + HhMm(iv.end) + " must start after the previous one ends (" +
                         HhMm(hours[k - 1].end) + "); list intervals in order with a break between them");
  }
  return Ok();
}

namespace {
Status ValidateWeek(const WeekHours& w, const std::string& field) {
  MOTCUA_TRY(ValidateDayHours(w.weekdays, field + "/weekdays"));
  MOTCUA_TRY(ValidateDayHours(w.saturday, field + "/saturday"));
  MOTCUA_TRY(ValidateDayHours(w.sunday, field + "/sunday"));
  if (w.weekdays.empty())
    return Invalid(field + "/weekdays", "hours_no_weekday_hours",
                   "Monday-Friday hours must not be empty (make-up working days use them too)");
  return Ok();
}
}  // namespace

Status ValidateProfile(const HoursProfile& profile, const std::string& field) {
  MOTCUA_TRY(ValidateWeek(profile.hours, field + "/hours"));
  for (std::size_t i = 0; i < profile.seasons.size(); ++i) {
    const Season& s = profile.seasons[i];
    const std::string where = field + "/seasons/" + std::to_string(i);
    // Month-days are checked against a leap year so 02-29 is allowed.
    if (!(year{2000} / s.from).ok() || !(year{2000} / s.to).ok())
      return Invalid(where, "hours_bad_season", "season \"" + s.name + "\" has an impossible month-day");
    MOTCUA_TRY(ValidateWeek(s.hours, where + "/hours"));
  }
  for (local_days d = local_days{year{2000} / January / 1}; d <= local_days{year{2000} / December / 31}; d += days{1}) {
    const year_month_day ymd{d};
    const month_day md{ymd.month(), ymd.day()};
    int hits = 0;
    for (const Season& s : profile.seasons) hits += InSeason(s, md) ? 1 : 0;
    if (hits > 1)
      return Invalid(field + "/seasons", "hours_bad_season",
                     "seasons overlap on " + FormatLocalDate(d).substr(5) + " (MM-DD); each date needs one season");
  }
  return Ok();
}

}  // namespace internal

Result<WorkingCalendar> BuildCalendar(CalendarSpec spec) {
  if (spec.first_year > spec.last_year || spec.first_year < kMinYear || spec.last_year > kMaxYear)
    return Invalid("calendar", "calendar_bad_years",
                   "years " + std::to_string(spec.first_year) + "-" + std::to_string(spec.last_year) +
                       " must be in order and within " + std::to_string(kMinYear) + "-" + std::to_string(kMaxYear));
  MOTCUA_TRY(internal::ValidateProfile(spec.profile, "profile/" + spec.profile.name));
  MOTCUA_TRY(ValidateEntries(spec));

  WorkingCalendar cal;
  cal.first_year_ = spec.first_year;
  cal.last_year_ = spec.last_year;
  cal.weekdays_beyond_coverage_ = spec.weekdays_beyond_coverage;
  cal.entries_ = std::move(spec.entries);
  std::sort(cal.entries_.begin(), cal.entries_.end(),
            [](const DayEntry& a, const DayEntry& b) { return a.date < b.date; });
  cal.profile_ = std::move(spec.profile);

  const int table_first_year = cal.first_year_ - (cal.weekdays_beyond_coverage_ ? kProvisionalYearsBefore : 0);
  const int table_last_year = cal.last_year_ + (cal.weekdays_beyond_coverage_ ? kProvisionalYearsAfter : 0);
  const local_days table_begin{year{table_first_year} / January / 1};
  const local_days table_end{year{table_last_year + 1} / January / 1};
  const local_days data_begin{year{cal.first_year_} / January / 1};
  const local_days data_end{year{cal.last_year_ + 1} / January / 1};

  DayTable& t = cal.table_;
  t.first_day = table_begin.time_since_epoch().count();
  t.data_first = static_cast<std::int32_t>((data_begin - table_begin).count());
  t.data_end = static_cast<std::int32_t>((data_end - table_begin).count());
  const auto n = static_cast<std::size_t>((table_end - table_begin).count());
  t.schedules.assign(1, Schedule{});  // invariant (1): index 0 is the closed day
  t.schedule_of.resize(n);
  t.working_days_before.assign(n + 1, 0);
  t.working_minutes_before.assign(n + 1, 0);
  t.working_day_index.clear();

  auto schedule_id = [&](const DayHours& hours) -> std::uint16_t {
    const Schedule s = ToSchedule(hours);
    if (s.count == 0) return 0;
    for (std::size_t k = 1; k < t.schedules.size(); ++k)
      if (t.schedules[k] == s) return static_cast<std::uint16_t>(k);
    t.schedules.push_back(s);
    return static_cast<std::uint16_t>(t.schedules.size() - 1);
  };

  auto entry = cal.entries_.begin();
  for (std::size_t i = 0; i < n; ++i) {
    const local_days d = table_begin + days{static_cast<int>(i)};
    while (entry != cal.entries_.end() && entry->date < d) ++entry;
    const WeekHours& week = HoursFor(cal.profile_, d);
    const DayHours* hours = nullptr;
    if (entry != cal.entries_.end() && entry->date == d) {
      hours = entry->kind == DayKind::kMakeupWorkingDay ? &week.weekdays : nullptr;
    } else {
      const weekday w{d};
      hours = w == Saturday ? &week.saturday : w == Sunday ? &week.sunday : &week.weekdays;
    }
    t.schedule_of[i] = hours ? schedule_id(*hours) : 0;
    const Schedule& s = t.schedules[t.schedule_of[i]];
    const bool working = s.count > 0;
    if (working) t.working_day_index.push_back(static_cast<std::int32_t>(i));
    t.working_days_before[i + 1] = t.working_days_before[i] + (working ? 1 : 0);
    t.working_minutes_before[i + 1] = t.working_minutes_before[i] + s.total_minutes;
  }
  MOTCUA_ASSERT(t.schedules.size() < 65536, "too many distinct day schedules for a 16-bit index");
  return cal;
}

namespace {

// The table position of a local minute, if covered.
bool Locate(const DayTable& t, LocalMinute lm, Pos* out) {
  const local_days d = floor<days>(lm);
  const std::int64_t i = std::int64_t(d.time_since_epoch().count()) - t.first_day;
  if (i < 0 || i >= t.size()) return false;
  *out = Pos{static_cast<std::int32_t>(i), static_cast<std::int32_t>((lm - d).count())};
  return true;
}

bool LocateDay(const DayTable& t, LocalDate d, std::int32_t* out) {
  const std::int64_t i = std::int64_t(d.time_since_epoch().count()) - t.first_day;
  if (i < 0 || i >= t.size()) return false;
  *out = static_cast<std::int32_t>(i);
  return true;
}

}  // namespace

bool IsWorkingTime(const WorkingCalendar& cal, LocalMinute t) {
  Pos p;
  if (!Locate(cal.table(), t, &p)) return false;
  const Schedule& s = cal.table().ScheduleAt(p.day);
  for (int k = 0; k < s.count; ++k)
    if (s.begin[k] <= p.minute && p.minute < s.end[k]) return true;
  return false;
}

bool IsWithinWorkingHours(const WorkingCalendar& cal, LocalMinute t) {
  const local_days d = floor<days>(t);
  if (t == d) {  // midnight may close the previous day's 24:00 interval
    Pos prev;
    if (Locate(cal.table(), t - minutes{1}, &prev)) {
      const Schedule& s = cal.table().ScheduleAt(prev.day);
      if (s.count > 0 && s.end[s.count - 1] == internal::kMinutesPerDay) return true;
    }
  }
  Pos p;
  if (!Locate(cal.table(), t, &p)) return false;
  const Schedule& s = cal.table().ScheduleAt(p.day);
  for (int k = 0; k < s.count; ++k)
    if (s.begin[k] <= p.minute && p.minute <= s.end[k]) return true;
  return false;
}

bool IsWorkingDay(const WorkingCalendar& cal, LocalDate d) {
  std::int32_t i;
  return LocateDay(cal.table(), d, &i) && cal.table().ScheduleAt(i).count > 0;
}

bool IsProvisional(const WorkingCalendar& cal, LocalDate d) {
  std::int32_t i;
  return LocateDay(cal.table(), d, &i) && (i < cal.table().data_first || i >= cal.table().data_end);
}

const DayEntry* FindEntry(const WorkingCalendar& cal, LocalDate d) {
  auto it = std::lower_bound(cal.entries().begin(), cal.entries().end(), d,
                             [](const DayEntry& e, LocalDate x) { return e.date < x; });
  return it != cal.entries().end() && it->date == d ? &*it : nullptr;
}

Result<DayHours> WorkingHoursOn(const WorkingCalendar& cal, LocalDate d) {
  std::int32_t i;
  if (!LocateDay(cal.table(), d, &i)) return internal::NotCovering(cal, d);
  const Schedule& s = cal.table().ScheduleAt(i);
  DayHours out;
  for (int k = 0; k < s.count; ++k) out.push_back({minutes{s.begin[k]}, minutes{s.end[k]}});
  return out;
}

Result<LocalMinute> NextWorkingInstant(const WorkingCalendar& cal, LocalMinute t) {
  const DayTable& table = cal.table();
  Pos p, out;
  if (!Locate(table, t, &p)) return internal::NotCovering(cal, floor<days>(t));
  if (!internal::NextWorking(table, p, &out)) return internal::NotCovering(cal, table.DateOf(table.size()));
  return LocalMinute{table.DateOf(out.day).time_since_epoch() + minutes{out.minute}};
}

Result<minutes> WorkingTimeBetween(const WorkingCalendar& cal, LocalMinute from, LocalMinute to) {
  if (to <= from) return minutes{0};
  const DayTable& table = cal.table();
  Pos a, b;
  if (!Locate(table, from, &a)) return internal::NotCovering(cal, floor<days>(from));
  if (!Locate(table, to, &b)) {
    // Midnight just after the last covered day is still a position of the table.
    const std::int64_t i = std::int64_t(floor<days>(to).time_since_epoch().count()) - table.first_day;
    if (!(i == table.size() && to == floor<days>(to))) return internal::NotCovering(cal, floor<days>(to));
    b = Pos{table.size(), 0};
  }
  return minutes{internal::WorkingMinutesBefore(table, b) - internal::WorkingMinutesBefore(table, a)};
}

Result<int> WorkingDaysBetween(const WorkingCalendar& cal, LocalDate from, LocalDate to) {
  if (to <= from) return 0;
  const DayTable& table = cal.table();
  std::int32_t first, last;  // the days counted are (from, to] = [from + 1, to]
  if (!LocateDay(table, from + days{1}, &first)) return internal::NotCovering(cal, from + days{1});
  if (!LocateDay(table, to, &last)) return internal::NotCovering(cal, to);
  return table.working_days_before[last + 1] - table.working_days_before[first];
}

Result<LocalDate> AddWorkingDays(const WorkingCalendar& cal, LocalDate start, int n) {
  if (n < 0)
    return Invalid("duration", "bad_duration", "a number of working days must not be negative, got " + std::to_string(n));
  const DayTable& table = cal.table();
  std::int32_t i;
  if (!LocateDay(table, start, &i)) return internal::NotCovering(cal, start);
  if (n == 0) return start;
  const std::int64_t ordinal = std::int64_t(table.working_days_before[i + 1]) + n - 1;
  if (ordinal >= static_cast<std::int64_t>(table.working_day_index.size()))
    return internal::NotCovering(cal, table.DateOf(table.size()));
  return table.DateOf(table.working_day_index[ordinal]);
}

}  // namespace motcua::calendar
