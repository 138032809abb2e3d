// Numbers as people read them, in Vietnamese or English: the one formatter behind the score card
// (ui_model), the reports' PDF text (reports/document.h) and the motcua CLI's text output, so that a
// score reads the same on the screen and in `motcua score` ("28,68" in Vietnamese, "28.68" in English).
//   Vietnamese: decimal comma, '.' between thousands   1.234,56   12.345   28,68%
//   English:    decimal point, ',' between thousands   1,234.56   12,345   28.68%
// Machine-readable output (JSON, CSV, XLSX numbers) does not come through here: it writes plain
// C-locale numbers.
#pragma once

#include <cstdint>
#include <string>

namespace motcua {

enum class NumberStyle {
  kVi,  // 1.234,56
  kEn,  // 1,234.56
};

// `value` with exactly `decimals` digits after the separator (0..6; others are clamped), rounded to
// nearest as printf("%.*f") does on the binary value (callers pass points already rounded by
// indicators::RoundPoints). Thousands are grouped after rounding (999.995 -> "1.000,00"). A value that
// rounds to zero prints without a sign ("0,00", never "-0,00"); NaN and infinities print as "—".
std::string FormatDecimal(double value, int decimals, NumberStyle style);

// 12345 -> "12.345" / "12,345"; -1234 -> "-1.234"; every std::int64_t, INT64_MIN included.
std::string FormatInteger(std::int64_t value, NumberStyle style);

// An amount of đồng as the printed forms write it: FormatInteger's Vietnamese grouping, a space, then the
// đồng sign U+20AB. 1250000 -> "1.250.000 ₫"; 0 -> "0 ₫"; -50000 -> "-50.000 ₫"; every std::int64_t.
// The screens' amounts go through ui::FormatMoney (ui_model/shell_view.h) instead, which follows the
// screen's language ("1,250,000 VND" in English).
std::string FormatVnd(std::int64_t amount_vnd);

// A ratio as a percentage with 2 decimals: 0.2868 -> "28,68%" / "28.68%".
std::string FormatPercent(double ratio, NumberStyle style);

}  // namespace motcua
