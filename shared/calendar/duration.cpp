#include "calendar/duration.h"

#include <optional>

#include "common/number_parse.h"

namespace motcua::calendar {

const char* DurationUnitSuffix(DurationUnit unit) {
  switch (unit) {
    case DurationUnit::kWorkingHours: return "wh";
    case DurationUnit::kWorkingDays: return "wd";
    case DurationUnit::kCalendarDays: return "d";
    case DurationUnit::kMonths: return "m";
  }
  return "?";
}

Result<Duration> ParseDuration(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return Invalid(std::string(field), "bad_duration",
                   "expected <N>wh, <N>wd, <N>d or <N>m (e.g. 3wd), got \"" + std::string(text) + "\"");
  };
  std::size_t digits = 0;
  while (digits < text.size() && IsAsciiDigit(text[digits])) ++digits;
  const std::optional<int> amount = ParseDigits<int>(text.substr(0, digits), {.max_digits = 4});
  if (!amount) return bad();
  std::string suffix;
  for (char c : text.substr(digits)) suffix.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  Duration d{*amount, DurationUnit::kWorkingDays};
  if (suffix == "wh") d.unit = DurationUnit::kWorkingHours;
  else if (suffix == "wd") d.unit = DurationUnit::kWorkingDays;
  else if (suffix == "d") d.unit = DurationUnit::kCalendarDays;
  else if (suffix == "m") d.unit = DurationUnit::kMonths;
  else return bad();
  return d;
}

std::string FormatDuration(const Duration& d) {
  return std::to_string(d.amount) + DurationUnitSuffix(d.unit);
}

}  // namespace motcua::calendar
