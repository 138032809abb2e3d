// Whole numbers read from text: settings, command-line flags, file names, scanned tickets, wire fields.
// The one parser behind every place that reads digits, so that each accepts the same thing:
//   - ASCII digits '0'-'9' only: no '+', no spaces around or inside, no thousands separators, no
//     other Unicode digit (a fullwidth "１" from a Vietnamese IME, Arabic-Indic digits), no locale;
//   - one leading '-' only where the caller asks for it (DigitsOptions::allow_minus);
//   - never empty, never more digits than the caller allows (leading zeros count: "007" is 3 digits),
//     never a value outside the type's range (no wrap-around, no clamping).
// Each caller keeps its own error (field, rule, text): these functions only say yes or no. Callers
// check their own bounds (10..3600 seconds, a month 1..12) on the value returned.
#pragma once

#include <charconv>
#include <concepts>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>

namespace motcua {

// '0'..'9' and nothing else.
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// True for non-empty text made only of ASCII digits: "007" yes; "", "+1", " 1", "1 ", "１" no.
constexpr bool IsAsciiDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!IsAsciiDigit(c)) return false;
  return true;
}

struct DigitsOptions {
  // The most digits accepted, leading zeros counted; a '-' is not a digit. 0 = as many as the largest
  // value of the type has (default: 0, i.e. 10 for int, 19 for std::int64_t, 20 for std::uint64_t).
  int max_digits = 0;
  // Accept one leading '-' (default: false). Signed types only: for an unsigned type a '-' is refused.
  // "-0" reads as 0.
  bool allow_minus = false;
};

// `text` as a whole number of type Int, or nullopt when it is not one by the rules of the file comment:
// "" / "-" / "+1" / " 1" / "1 " / "1.0" / "１" -> nullopt; "0042" -> 42; "2147483648" as int -> nullopt
// (out of range); 20 digits as std::int64_t -> nullopt (more digits than INT64_MAX has).
template <std::integral Int>
  requires(!std::same_as<Int, bool>)
std::optional<Int> ParseDigits(std::string_view text, DigitsOptions options = {}) {
  std::string_view digits = text;
  if (options.allow_minus && std::is_signed_v<Int> && digits.starts_with('-')) digits.remove_prefix(1);
  const int max_digits = options.max_digits > 0 ? options.max_digits : std::numeric_limits<Int>::digits10 + 1;
  if (!IsAsciiDigits(digits) || digits.size() > static_cast<std::size_t>(max_digits)) return std::nullopt;
  Int value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;  // out of Int's range
  return value;
}

}  // namespace motcua
