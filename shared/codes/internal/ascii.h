// Small ASCII helpers shared by the codes module's parsers (not part of its public interface).
#pragma once

#include <string_view>
#include <vector>

#include "common/number_parse.h"

namespace motcua::codes::internal {

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Value of a run of digits the caller checked with IsAsciiDigits (common/number_parse.h), at most 9 of
// them; 0 for anything else.
inline int DigitsValue(std::string_view s) { return ParseDigits<int>(s, {.max_digits = 9}).value_or(0); }

// Every field between separators, empty ones included ("a||b" → "a", "", "b"; "" → one empty field).
inline std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace motcua::codes::internal
