#include "common/number_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace motcua {
namespace {

// Inserts `sep` between groups of three digits of an unsigned digit string.
std::string GroupThousands(const std::string& digits, char sep) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string FormatDecimal(double value, int decimals, NumberStyle style) {
  if (!std::isfinite(value)) return "—";
  decimals = std::clamp(decimals, 0, 6);
  char buf[400];  // |value| < 1.8e308: at most 309 digits before the point
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string text = buf;
  bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  if (text.find_first_not_of("0.") == std::string::npos) negative = false;  // "-0.00" -> "0.00"
  const std::size_t point = text.find('.');
  const std::string whole = text.substr(0, point);
  const bool vi = style == NumberStyle::kVi;
  std::string out = (negative ? "-" : "") + GroupThousands(whole, vi ? '.' : ',');
  if (point != std::string::npos) out += (vi ? ',' : '.') + text.substr(point + 1);
  return out;
}

std::string FormatInteger(std::int64_t value, NumberStyle style) {
  // The magnitude as unsigned: -INT64_MIN does not fit an int64_t.
  const std::uint64_t magnitude = value < 0 ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
  const std::string grouped = GroupThousands(std::to_string(magnitude), style == NumberStyle::kVi ? '.' : ',');
  return value < 0 ? "-" + grouped : grouped;
}

std::string FormatVnd(std::int64_t amount_vnd) { return FormatInteger(amount_vnd, NumberStyle::kVi) + " ₫"; }

std::string FormatPercent(double ratio, NumberStyle style) { return FormatDecimal(ratio * 100.0, 2, style) + "%"; }

}  // namespace motcua
