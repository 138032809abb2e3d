#include "codes/cccd.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>
#include <vector>

#include "common/text.h"
#include "codes/internal/ascii.h"

namespace motcua::codes {
namespace {

using namespace internal;

using namespace std::chrono;

// The date a field holds, if it is one: after trimming white space, exactly eight ASCII digits DDMMYYYY
// forming a real day in 1900 or later. The only test ParseCccdQr uses to read a field as a date.
std::optional<LocalDate> DateIn(std::string_view raw) {
  const std::string_view text = Trim(raw);
  if (text.size() != 8 || !IsAsciiDigits(text)) return std::nullopt;
  const year_month_day ymd = year{DigitsValue(text.substr(4, 4))} / month{unsigned(DigitsValue(text.substr(2, 2)))} /
                             day{unsigned(DigitsValue(text.substr(0, 2)))};
  if (!ymd.ok() || int(ymd.year()) < 1900) return std::nullopt;
  return local_days{ymd};
}

// DDMMYYYY → civil date, or "bad_date" on `field` quoting the text.
Result<LocalDate> ParseDdmmyyyy(std::string_view raw, const char* field) {
  const std::string_view text = Trim(raw);
  if (text.size() != 8 || !IsAsciiDigits(text))
    return Invalid(field, "bad_date", "expected DDMMYYYY, got \"" + std::string(text) + "\"");
  if (const std::optional<LocalDate> date = DateIn(text)) return *date;
  return Invalid(field, "bad_date", "\"" + std::string(text) + "\" is not a real date");
}

Status CheckDigits(std::string_view value, const char* field, const char* not_digits_rule) {
  if (value.empty() || !IsAsciiDigits(value))
    return Invalid(field, not_digits_rule, std::string(field) + " must be digits only");
  return Ok();
}

// Province codes of TT 07/2016/TT-BCA (the 63 provinces before the 2025 merger; numbers already
// issued keep them).
constexpr std::array<int, 63> kProvinceCodes = {
    1,  2,  4,  6,  8,  10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33,
    34, 35, 36, 37, 38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66,
    67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96};

}  // namespace

Result<CccdData> ParseCccdQr(std::string_view raw) {
  std::string_view text = Trim(raw);
  if (text.empty()) return Invalid("cccd_qr", "empty", "the scanned CCCD text is empty");
  if (!IsValidUtf8(text)) return Invalid("cccd_qr", "bad_utf8", "the scanned CCCD text is not valid UTF-8");

  std::vector<std::string_view> parts = Split(text, '|');
  while (!parts.empty() && Trim(parts.back()).empty()) parts.pop_back();  // "...|15042021|"
  if (parts.size() < 6)
    return Invalid("cccd_qr", "too_few_fields",
                   "a CCCD QR has at least 6 '|'-separated fields (7 with the old-ID slot, then possibly more after "
                   "the issue date); got " + std::to_string(parts.size()));
  // Where is the old-ID slot? Anchor on "<DDMMYYYY>|<sex>", which sits at fields 4-5 with the slot and
  // at 3-4 without it; failing both (a bad date or sex follows), a second field that is empty or
  // digits is an old ID, since a name never is. The errors below then name the bad field.
  const auto is_sex = [](std::string_view s) {
    const std::string f = FoldForSearch(NormalizeNfc(Trim(s)));
    return f == "nam" || f == "nu";
  };
  const auto is_date = [](std::string_view s) { return Trim(s).size() == 8 && IsAsciiDigits(Trim(s)); };
  const std::string_view second = Trim(parts[1]);
  bool has_old_slot;
  if (parts.size() >= 7 && is_date(parts[3]) && is_sex(parts[4])) has_old_slot = true;
  else if (is_date(parts[2]) && is_sex(parts[3])) has_old_slot = false;
  else has_old_slot = second.empty() || IsAsciiDigits(second);
  const std::size_t base = has_old_slot ? 2 : 1;
  if (parts.size() < base + 5)
    return Invalid("cccd_qr", "too_few_fields",
                   "the CCCD QR leaves no room after sex for both an address and an issue date");

  CccdData out;
  out.id = std::string(Trim(parts[0]));
  MOTCUA_TRY(CheckDigits(out.id, "id", "id_not_digits"));
  if (out.id.size() != 12)
    return Invalid("id", "bad_id_length", "the CCCD number has 12 digits, got " + std::to_string(out.id.size()));
  if (has_old_slot && !second.empty()) {
    out.old_id = std::string(second);
    MOTCUA_TRY(CheckDigits(out.old_id, "old_id", "old_id_not_digits"));
    if (out.old_id.size() != 9 && out.old_id.size() != 12)
      return Invalid("old_id", "bad_old_id_length",
                     "an old CMND number has 9 or 12 digits, got " + std::to_string(out.old_id.size()));
  }

  out.name = NormalizeNfc(Trim(parts[base]));
  if (out.name.empty()) return Invalid("name", "empty_name", "the name field is empty");
  MOTCUA_ASSIGN_OR_RETURN(out.birth_date, ParseDdmmyyyy(parts[base + 1], "birth_date"));

  const std::string sex = FoldForSearch(NormalizeNfc(Trim(parts[base + 2])));
  if (sex == "nam") out.sex = "Nam";
  else if (sex == "nu") out.sex = "N\u1EEF";  // "Nữ", NFC
  else return Invalid("sex", "unknown_sex", "sex must be \"Nam\" or \"Nữ\", got \"" + std::string(Trim(parts[base + 2])) + "\"");

  // The address starts right after sex; the issue date is the first later field that is a date (the
  // header says why the first, and how an address part is told from a date).
  const std::size_t address_begin = base + 3;
  std::size_t issue_at = parts.size();
  for (std::size_t i = address_begin + 1; i < parts.size(); ++i) {
    if (DateIn(parts[i])) {
      issue_at = i;
      break;
    }
  }
  if (issue_at == parts.size()) {
    // No date after the address: quote the first field there that was meant as one (8 digits, no real
    // day), else the last field, where a 7-field card keeps its issue date.
    std::size_t quoted = parts.size() - 1;
    for (std::size_t i = address_begin + 1; i < parts.size(); ++i) {
      if (Trim(parts[i]).size() == 8 && IsAsciiDigits(Trim(parts[i]))) {
        quoted = i;
        break;
      }
    }
    const std::string quoted_text(Trim(parts[quoted]));
    return Invalid("issue_date", "bad_date",
                   quoted_text.size() == 8 && IsAsciiDigits(quoted_text)
                       ? "\"" + quoted_text + "\" is not a real date"
                       : "no DDMMYYYY issue date after the address; the last field is \"" + quoted_text + "\"");
  }

  std::string address;
  for (std::size_t i = address_begin; i < issue_at; ++i) {
    if (i > address_begin) address += '|';
    address += parts[i];
  }
  out.address = NormalizeNfc(Trim(address));
  if (out.address.empty()) return Invalid("address", "empty_address", "the address field is empty");

  out.issue_date = *DateIn(parts[issue_at]);
  if (out.issue_date < out.birth_date)
    return Invalid("issue_date", "issued_before_birth", "the card's issue date is before the birth date");
  for (std::size_t i = issue_at + 1; i < parts.size(); ++i) out.extra_fields.push_back(NormalizeNfc(Trim(parts[i])));
  return out;
}

Status CheckCccdConsistency(const CccdData& data) {
  if (data.id.size() != 12 || !IsAsciiDigits(data.id))
    return Invalid("id", "bad_id_length", "the CCCD number has 12 digits");
  const int province = DigitsValue(std::string_view(data.id).substr(0, 3));
  if (!std::binary_search(kProvinceCodes.begin(), kProvinceCodes.end(), province))
    return Invalid("id", "id_bad_province", "the first three digits are not a province code");
  const int birth_year = int(year_month_day{data.birth_date}.year());
  const int century = birth_year / 100 - 19;  // 0 for 1900-1999, 1 for 2000-2099, ...
  const int expected = 2 * century + (data.sex == "Nam" ? 0 : 1);
  if (century < 0 || century > 4 || data.id[3] - '0' != expected)
    return Invalid("id", "id_sex_century_mismatch",
                   "digit 4 of the CCCD number does not match the sex and birth century");
  if (DigitsValue(std::string_view(data.id).substr(4, 2)) != birth_year % 100)
    return Invalid("id", "id_birth_year_mismatch", "digits 5-6 of the CCCD number do not match the birth year");
  return Ok();
}

}  // namespace motcua::codes
