// Private to the calendar module (and its benchmark): the per-day table a WorkingCalendar queries,
// and the three primitive walks over it that every public query is built from.
//
// Day i of the table is local date first_day + i, for 0 <= i < size(). Invariants, established by
// BuildCalendar and relied on by every function below:
//   (1) schedules[0] is the closed day (count == 0); schedule_of[i] indexes schedules.
//   (2) working_days_before[i] = number of working days among days [0, i); size() + 1 entries.
//   (3) working_day_index[k] = index of the k-th (0-based) working day; strictly increasing;
//       working_day_index.size() == working_days_before[size()].
//   (4) working_minutes_before[i] = working minutes in days [0, i); size() + 1 entries.
//   (5) a schedule's intervals are sorted with a gap between neighbours, inside [0, kMinutesPerDay],
//       and a working day's schedule has count >= 1.
// So "the n-th working day after day i" is one array read and "working minutes before an instant" is
// one read plus at most kMaxIntervalsPerDay additions, where a naive walk is O(days) or O(minutes).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/time.h"

namespace motcua::calendar::internal {

inline constexpr int kMaxIntervalsPerDay = 4;
inline constexpr int kMinutesPerDay = 24 * 60;

struct Schedule {
  std::int32_t count = 0;                                 // intervals in use
  std::array<std::int32_t, kMaxIntervalsPerDay> begin{};  // minutes after midnight, inclusive
  std::array<std::int32_t, kMaxIntervalsPerDay> end{};    // minutes after midnight, exclusive
  std::int32_t total_minutes = 0;
  friend bool operator==(const Schedule&, const Schedule&) = default;
};

struct DayTable {
  std::int32_t first_day = 0;   // local_days count (days since 1970-01-01) of index 0
  std::int32_t data_first = 0;  // index of the first day of published data (before it: provisional)
  std::int32_t data_end = 0;    // index one past the last day of published data (from it: provisional)
  std::vector<Schedule> schedules;
  std::vector<std::uint16_t> schedule_of;
  std::vector<std::int32_t> working_days_before;
  std::vector<std::int32_t> working_day_index;
  std::vector<std::int64_t> working_minutes_before;

  std::int32_t size() const { return static_cast<std::int32_t>(schedule_of.size()); }
  const Schedule& ScheduleAt(std::int32_t i) const { return schedules[schedule_of[i]]; }
  // The local date of day `index` (also outside the table).
  LocalDate DateOf(std::int64_t index) const {
    return LocalDate{std::chrono::days{first_day + index}};
  }
};

// A minute of the table: day index and minutes after that day's midnight (0..1439).
struct Pos {
  std::int32_t day = 0;
  std::int32_t minute = 0;
};

// The first working minute at or after `p` (p.day in [0, size())). False if the table has none.
inline bool NextWorking(const DayTable& t, Pos p, Pos* out) {
  const Schedule& s = t.ScheduleAt(p.day);
  for (int k = 0; k < s.count; ++k)
    if (p.minute < s.end[k]) {
      *out = Pos{p.day, std::max(p.minute, s.begin[k])};
      return true;
    }
  const std::int32_t ordinal = t.working_days_before[p.day + 1];  // first working day after p.day
  if (ordinal >= static_cast<std::int32_t>(t.working_day_index.size())) return false;
  const std::int32_t j = t.working_day_index[ordinal];
  *out = Pos{j, t.ScheduleAt(j).begin[0]};
  return true;
}

// Working minutes in days [0, p.day) plus those of p.day before p.minute. p.day may equal size()
// only with p.minute == 0.
inline std::int64_t WorkingMinutesBefore(const DayTable& t, Pos p) {
  std::int64_t w = t.working_minutes_before[p.day];
  if (p.day == t.size()) return w;
  const Schedule& s = t.ScheduleAt(p.day);
  for (int k = 0; k < s.count && p.minute > s.begin[k]; ++k) w += std::min(p.minute, s.end[k]) - s.begin[k];
  return w;
}

// Where `amount` (> 0) working minutes counted from the working minute `start` are used up: the end of
// the last minute consumed, so possibly a closing minute (convention B2). False if the table ends first.
inline bool ConsumeWorkingMinutes(const DayTable& t, Pos start, std::int64_t amount, Pos* out) {
  const std::int64_t target = WorkingMinutesBefore(t, start) + amount;
  // The answer is day j with working_minutes_before[j] < target <= working_minutes_before[j + 1].
  // Gallop from start.day + 1 (deadlines are mostly short), then binary-search the bracket.
  const auto& wmb = t.working_minutes_before;
  const std::size_t n = wmb.size();
  std::size_t lo = static_cast<std::size_t>(start.day) + 1, hi = lo, step = 1;
  while (hi < n && wmb[hi] < target) {
    lo = hi + 1;
    hi += step;
    step <<= 1;
  }
  const auto it = std::lower_bound(wmb.begin() + static_cast<std::ptrdiff_t>(lo),
                                   wmb.begin() + static_cast<std::ptrdiff_t>(std::min(hi + 1, n)), target);
  if (it == wmb.end()) return false;
  const auto j = static_cast<std::int32_t>(it - wmb.begin()) - 1;
  std::int64_t offset = target - wmb[j];  // in (0, total_minutes of day j]
  const Schedule& s = t.ScheduleAt(j);
  for (int k = 0; k < s.count; ++k) {
    const std::int64_t len = s.end[k] - s.begin[k];
    if (offset <= len) {
      *out = Pos{j, s.begin[k] + static_cast<std::int32_t>(offset)};
      return true;
    }
    offset -= len;
  }
  return false;  // unreachable while invariant (4) holds
}

}  // namespace motcua::calendar::internal
