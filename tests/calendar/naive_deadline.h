// A deliberately naive implementation of the calendar rule (deadline.h), for two jobs:
//   - the oracle of the property tests: it shares no code with the per-day table, so agreement
//     between the two is evidence that the table and its prefix counts are right;
//   - the baseline of bench/calendar: the way deadline code is commonly written (a day-by-day walk
//     that looks each date up in the holiday list again at every step).
// It reads only the public data of a WorkingCalendar (profile, entries, covered years).
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>

#include "calendar/deadline.h"

namespace motcua::calendar::naive {

using namespace std::chrono;

inline bool Covered(const WorkingCalendar& cal, LocalDate d) {
  const int y = int(year_month_day{d}.year());
  if (cal.weekdays_beyond_coverage())
    return y >= cal.first_year() - kProvisionalYearsBefore && y <= cal.last_year() + kProvisionalYearsAfter;
  return y >= cal.first_year() && y <= cal.last_year();
}

// The hours of date d, looking everything up again: season by linear scan, holiday by linear scan.
inline std::optional<DayHours> HoursOn(const WorkingCalendar& cal, LocalDate d) {
  if (!Covered(cal, d)) return std::nullopt;
  const year_month_day ymd{d};
  const month_day md{ymd.month(), ymd.day()};
  const WeekHours* week = &cal.profile().hours;
  for (const Season& s : cal.profile().seasons) {
    const bool in = s.from <= s.to ? (s.from <= md && md <= s.to) : (md >= s.from || md <= s.to);
    if (in) week = &s.hours;
  }
  const int y = int(ymd.year());
  const bool published = y >= cal.first_year() && y <= cal.last_year();
  if (published)
    for (const DayEntry& e : cal.entries())
      if (e.date == d) return e.kind == DayKind::kMakeupWorkingDay ? week->weekdays : DayHours{};
  const weekday w{d};
  if (w == Saturday) return week->saturday;
  if (w == Sunday) return week->sunday;
  return week->weekdays;
}

// First working minute at or after t (minute by minute within a day, day by day across days).
inline std::optional<LocalMinute> NextWorking(const WorkingCalendar& cal, LocalMinute t) {
  LocalDate d = floor<days>(t);
  minutes m = t - d;
  for (int guard = 0; guard < 400 * 366; ++guard) {
    auto hours = HoursOn(cal, d);
    if (!hours) return std::nullopt;
    for (const TimeInterval& iv : *hours)
      if (m < iv.end) return LocalMinute{d.time_since_epoch() + std::max(m, iv.begin)};
    d += days{1};
    m = minutes{0};
  }
  return std::nullopt;
}

inline std::optional<LocalMinute> Due(const WorkingCalendar& cal, LocalMinute received, Duration dur) {
  auto start = NextWorking(cal, received);
  if (!start) return std::nullopt;
  const LocalDate start_day = floor<days>(*start);
  const minutes tod = *start - start_day;
  if (dur.amount == 0) return start;
  switch (dur.unit) {
    case DurationUnit::kWorkingHours: {
      minutes left{std::int64_t(dur.amount) * 60};
      LocalDate d = start_day;
      minutes m = tod;
      for (;;) {
        auto hours = HoursOn(cal, d);
        if (!hours) return std::nullopt;
        for (const TimeInterval& iv : *hours) {
          if (m >= iv.end) continue;
          const minutes from = std::max(m, iv.begin);
          if (left <= iv.end - from) return LocalMinute{d.time_since_epoch() + from + left};
          left -= iv.end - from;
        }
        d += days{1};
        m = minutes{0};
      }
    }
    case DurationUnit::kWorkingDays: {
      LocalDate d = start_day;
      for (int counted = 0; counted < dur.amount;) {
        d += days{1};
        auto hours = HoursOn(cal, d);
        if (!hours) return std::nullopt;
        if (!hours->empty()) ++counted;
      }
      return NextWorking(cal, LocalMinute{d.time_since_epoch() + tod});
    }
    case DurationUnit::kCalendarDays:
      return NextWorking(cal, LocalMinute{(start_day + days{dur.amount}).time_since_epoch() + tod});
    case DurationUnit::kMonths: {
      const year_month_day ymd{start_day};
      year_month_day target = ymd + months{dur.amount};
      if (!target.ok()) target = year_month_day_last{target.year(), month_day_last{target.month()}};
      return NextWorking(cal, LocalMinute{local_days{target}.time_since_epoch() + tod});
    }
  }
  return std::nullopt;
}

}  // namespace motcua::calendar::naive
