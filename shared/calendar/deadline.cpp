#include "calendar/deadline.h"

namespace motcua::calendar {
namespace {

using namespace std::chrono;
using internal::DayTable;
using internal::Pos;

LocalMinute ToLocal(const DayTable& t, Pos p) {
  return LocalMinute{t.DateOf(p.day).time_since_epoch() + minutes{p.minute}};
}

// Date `index` (maybe outside the table) at `minute`, moved to the next working instant.
Result<LocalMinute> AtOrAfter(const WorkingCalendar& cal, std::int64_t index, std::int32_t minute) {
  const DayTable& t = cal.table();
  if (index < 0 || index >= t.size()) return internal::NotCovering(cal, t.DateOf(index));
  Pos out;
  if (!internal::NextWorking(t, Pos{static_cast<std::int32_t>(index), minute}, &out))
    return internal::NotCovering(cal, t.DateOf(t.size()));
  return ToLocal(t, out);
}

}  // namespace

Result<LocalMinute> ComputeDue(const WorkingCalendar& cal, LocalMinute received, Duration d) {
  if (d.amount < 0)
    return Invalid("duration", "bad_duration", "a duration must not be negative, got " + FormatDuration(d));
  const DayTable& t = cal.table();
  const local_days received_day = floor<days>(received);
  const std::int64_t received_index = std::int64_t(received_day.time_since_epoch().count()) - t.first_day;
  if (received_index < 0 || received_index >= t.size()) return internal::NotCovering(cal, received_day);

  Pos start;
  if (!internal::NextWorking(t, Pos{static_cast<std::int32_t>(received_index),
                                    static_cast<std::int32_t>((received - received_day).count())},
                             &start))
    return internal::NotCovering(cal, t.DateOf(t.size()));
  if (d.amount == 0) return ToLocal(t, start);

  switch (d.unit) {
    case DurationUnit::kWorkingHours: {
      Pos end;
      if (!internal::ConsumeWorkingMinutes(t, start, std::int64_t(d.amount) * 60, &end))
        return internal::NotCovering(cal, t.DateOf(t.size()));
      return ToLocal(t, end);
    }
    case DurationUnit::kWorkingDays: {
      // start.day is a working day, so its ordinal is working_days_before[start.day + 1] - 1.
      const std::int64_t ordinal = std::int64_t(t.working_days_before[start.day + 1]) - 1 + d.amount;
      if (ordinal >= static_cast<std::int64_t>(t.working_day_index.size()))
        return internal::NotCovering(cal, t.DateOf(t.size()));
      return AtOrAfter(cal, t.working_day_index[ordinal], start.minute);
    }
    case DurationUnit::kCalendarDays:
      return AtOrAfter(cal, std::int64_t(start.day) + d.amount, start.minute);
    case DurationUnit::kMonths: {
      const year_month_day ymd{t.DateOf(start.day)};
      const year_month target = year_month{ymd.year(), ymd.month()} + months{d.amount};
      const day last = year_month_day_last{target.year(), month_day_last{target.month()}}.day();
      const local_days due_day{target / std::min(ymd.day(), last)};  // clamped to the month's end
      return AtOrAfter(cal, std::int64_t(due_day.time_since_epoch().count()) - t.first_day, start.minute);
    }
  }
  return Invalid("duration", "bad_duration", "unknown duration unit");
}

}  // namespace motcua::calendar
