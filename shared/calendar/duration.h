// A processing duration as published for a procedure (thời hạn giải quyết): an amount and a unit.
// Text form, used by the CLI and JSON files: "8wh" working hours, "3wd" working days, "15d" calendar
// days, "1m" months. How each unit turns into a due instant is in deadline.h.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua::calendar {

enum class DurationUnit {
  kWorkingHours,  // "wh": hours of working time
  kWorkingDays,   // "wd": ngày làm việc
  kCalendarDays,  // "d": ngày (calendar days)
  kMonths,        // "m": tháng
};

struct Duration {
  int amount = 0;  // >= 0; 0 means "the same instant, moved into working time"
  DurationUnit unit = DurationUnit::kWorkingDays;
  friend bool operator==(const Duration&, const Duration&) = default;
};

// Parses "<N><unit>" with N in 0..9999 and unit one of wh, wd, d, m (case-insensitive).
// Errors: kInvalid/"bad_duration" on `field`.
Result<Duration> ParseDuration(std::string_view text, std::string_view field = "duration");
std::string FormatDuration(const Duration& d);  // "3wd"
const char* DurationUnitSuffix(DurationUnit unit);

}  // namespace motcua::calendar
