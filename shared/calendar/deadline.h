// Deadline arithmetic: the due instant (NgayHenTra, `due_at` once converted to UTC) of a dossier
// received at a local instant, for a published processing duration (thời hạn giải quyết).
//
// The rule (the calendar issue, implemented exactly; working time as in working_calendar.h):
//   start = the receipt instant, moved to the next working-time instant when outside working time
//           (Friday 17:30 -> Monday 07:30; 12:00 -> 13:30; 11:30 -> 13:30 by convention B1).
//   Nwh  working hours: consume N hours of working time from `start`. The end may be a closing minute
//        (convention B2): 16:00 + 1wh = 17:00 the same day, not 07:30 the next.
//   Nwd  working days: the N-th working day after start's date, at start's time of day; if that time
//        is outside that day's working time, the next working-time instant after it.
//   Nd   calendar days: start's date + N days, at start's time of day; if outside working time, the
//        next working-time instant.
//   Nm   months: start's date + N months, the day clamped to the month's end (Jan 31 + 1m = Feb 28 or
//        29), at start's time of day; if outside working time, the next working-time instant.
//   N == 0 returns `start` for every unit.
//
// Worked examples (tests/calendar/deadline_test.cpp):
//   2026-11-23 09:00 + 3wd = 2026-11-26 09:00;   2026-02-13 10:00 + 1wd = 2026-02-23 10:00 (Tết);
//   2025-04-25 14:00 + 1wd = 2025-04-26 14:00 (make-up Saturday);   2026-11-23 16:00 + 2wh = 2026-11-24 08:30.
//
// Properties (tested with fixed seeds): every result satisfies IsWithinWorkingHours; a later receipt never
// gives an earlier due instant, for wh, wd and d; for Nwh, WorkingTimeBetween(start, due) == N h; for Nwd
// with a profile whose working days all share one set of hours, WorkingDaysBetween(start date, due date)
// == N.
//
// Known consequence of the month rule (kept because the rule is the issue's, to the letter): the clamp
// maps several start dates onto one month end, and then the time of day decides, so Nm is NOT monotonic
// when the clamp applies. 2024-01-30 10:00 + 1m = 2024-02-29 10:00 but 2024-01-31 09:00 + 1m =
// 2024-02-29 09:00. With hours that differ between days (Saturday service, seasons) even the DATE can go
// back: with "saturday-morning", 2026-01-28 13:30 + 1m = Sat 02-28 13:30 (closed) -> 03-02 07:30, while
// 2026-01-29 07:30 + 1m = 02-28 07:30. Without a clamp on either start, Nm is monotonic.
//
// Not applied here, on purpose: the 15:00 transfer rule (LEGAL: NĐ 61/2018, Art. 18.2-18.3) moves the
// paper file, not the clock start (domain.md §6.4); the supplement restart (Art. 19.4) and the single
// extension (Art. 19.9) are the dossier lifecycle's, which calls ComputeDue with a new `received`.
#pragma once

#include "calendar/duration.h"
#include "calendar/working_calendar.h"
#include "common/result.h"
#include "common/time.h"

namespace motcua::calendar {

// The due instant, Vietnam local time. The result always satisfies IsWithinWorkingHours.
// Errors: kInvalid/"bad_duration" on field "duration" if d.amount < 0;
//         kInvalid/"calendar_not_covering" on field "calendar", naming the first uncovered year needed
//         (the receipt's own year included).
Result<LocalMinute> ComputeDue(const WorkingCalendar& cal, LocalMinute received, Duration d);

}  // namespace motcua::calendar
