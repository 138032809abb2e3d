#include "calendar/duration.h"

#include <charconv>

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
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4) return bad();
  int amount = 0;
  std::from_chars(text.data(), text.data() + digits, amount);
  std::string suffix;
  for (char c : text.substr(digits)) suffix.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  Duration d{amount, DurationUnit::kWorkingDays};
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
