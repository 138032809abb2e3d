#include "postal/parcel_number.h"

#include <algorithm>

#include "common/number_parse.h"

namespace motcua::postal {
namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool Matches(std::string_view pattern, std::string_view number) {
  if (pattern.size() != number.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char p = pattern[i], c = number[i];
    const bool ok = p == '#'   ? IsAsciiDigit(c)
                    : p == '@' ? IsUpper(c)
                    : p == '*' ? (IsAsciiDigit(c) || IsUpper(c))
                               : p == c;
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string NormalizeParcelNumber(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsSpace(c)) continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

int S10CheckDigit(std::string_view serial) {
  static constexpr int kWeights[8] = {8, 6, 4, 2, 3, 5, 9, 7};
  if (serial.size() != 8 || !std::all_of(serial.begin(), serial.end(), IsAsciiDigit)) return -1;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (serial[i] - '0') * kWeights[i];
  const int c = 11 - sum % 11;
  return c == 10 ? 0 : c == 11 ? 5 : c;
}

bool HasS10Shape(std::string_view n) {
  return n.size() == 13 && IsUpper(n[0]) && IsUpper(n[1]) && std::all_of(n.begin() + 2, n.begin() + 11, IsAsciiDigit) &&
         IsUpper(n[11]) && IsUpper(n[12]);
}

Result<std::string> ValidateParcelNumber(std::string_view text, const ParcelNumberRules& rules,
                                         std::string_view field) {
  const std::string n = NormalizeParcelNumber(text);
  const std::string f(field);
  if (n.empty()) return Invalid(f, "missing", "a parcel number (số phiếu gửi) is required");
  if (!std::all_of(n.begin(), n.end(), [](char c) { return IsAsciiDigit(c) || IsUpper(c) || c == '-'; }))
    return Invalid(f, "bad_characters", "a parcel number has only letters A-Z, digits and '-', got \"" + n + "\"");
  if (rules.accept_s10 && HasS10Shape(n)) {
    const int expected = S10CheckDigit(std::string_view(n).substr(2, 8));
    if (n[10] - '0' != expected)
      return Invalid(f, "bad_check_digit",
                     "\"" + n + "\" fails the UPU S10 check: its check digit should be " + std::to_string(expected) +
                         ", not " + n[10] + " (misread or mistyped?)");
    return n;
  }
  for (const std::string& p : rules.other_formats)
    if (Matches(p, n)) return n;
  std::string accepted = rules.accept_s10 ? "UPU S10 (e.g. EB000717618HK)" : "";
  for (const std::string& p : rules.other_formats) accepted += (accepted.empty() ? "" : ", ") + p;
  if (accepted.empty()) accepted = "none configured";
  return Invalid(f, "unknown_format", "\"" + n + "\" is not a parcel number of an accepted format: " + accepted);
}

Status ValidateParcelPattern(std::string_view pattern, std::string_view field) {
  const bool ok = !pattern.empty() && std::all_of(pattern.begin(), pattern.end(), [](char c) {
    return IsAsciiDigit(c) || IsUpper(c) || c == '-' || c == '#' || c == '@' || c == '*';
  });
  if (!ok)
    return Invalid(std::string(field), "bad_pattern",
                   "\"" + std::string(pattern) + "\" is not a parcel pattern ('#' digit, '@' letter, '*' either, "
                   "A-Z 0-9 - literal)");
  return Ok();
}

}  // namespace motcua::postal
