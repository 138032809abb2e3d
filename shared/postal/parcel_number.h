// Parcel numbers (số Phiếu gửi / số hiệu bưu gửi): the number the postal operator prints on the
// Phiếu gửi of each dossier or result it carries. The handover manifest lists the number of every
// item (LEGAL: QĐ 45/2016/QĐ-TTg, Art. 7 and 9; domain.md §7), and an officer may find a dossier by it.
//
// Accepted shapes:
//   - UPU S10 (the 13-character identifier of registered and EMS items, which Vietnam Post uses):
//     two letters (service indicator), an 8-digit serial number, a check digit, two letters (ISO
//     country code of the issuing operator): "EB000717618HK", "EE471108151FR". The check digit is
//     always verified, because a misread or mistyped number would link the wrong dossier.
//     Rule: weights 8 6 4 2 3 5 9 7 on the serial's digits; c = 11 - (sum mod 11); c = 10 gives 0
//     and c = 11 gives 5 (UPU S10 standard, "Identification of postal items - 13-character
//     identifier").
//   - Other operators' formats, as a setting (ParcelNumberRules::other_formats): patterns where '#'
//     is a digit, '@' a letter, '*' a letter or a digit, and any other character stands for itself.
//     E.g. "VTP##########" or "##########". No such format is known to be used for bưu chính công ích
//     in Tuyên Quang (NOT FOUND), so none is accepted by default.
//
// Numbers are compared in their normalised form: ASCII white space removed anywhere (S10 numbers are
// printed spaced, "EE 471 108 151 FR") and letters upper-cased (a wedge scanner with Caps Lock on
// types lower case).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::postal {

struct ParcelNumberRules {
  bool accept_s10 = true;                  // default true: S10 numbers with a correct check digit
  std::vector<std::string> other_formats;  // default none; patterns as described above
};

// White space removed, ASCII letters upper-cased; other characters are kept as they are.
std::string NormalizeParcelNumber(std::string_view text);

// The S10 check digit (0-9) of an 8-digit serial number, or -1 if `serial` is not exactly 8 digits.
int S10CheckDigit(std::string_view serial);

// True when `normalized` has the S10 shape (2 letters, 9 digits, 2 letters), whatever its check digit.
bool HasS10Shape(std::string_view normalized);

// Validates a parcel number and returns its normalised form. An S10-shaped number is judged by the
// S10 rule alone (even if an operator pattern would also match it).
// Errors, all kInvalid on `field`:
//   "missing"          empty after normalisation;
//   "bad_characters"   a character other than A-Z, 0-9 and '-' (e.g. Vietnamese letters);
//   "bad_check_digit"  S10 shape with a wrong check digit (the detail gives the expected digit);
//   "unknown_format"   matches neither S10 (when accepted) nor any operator pattern.
Result<std::string> ValidateParcelNumber(std::string_view text, const ParcelNumberRules& rules,
                                         std::string_view field = "parcel_number");

// Checks an operator pattern. Errors: kInvalid/"bad_pattern" on `field` (empty, or a character
// other than A-Z, 0-9, '-', '#', '@', '*').
Status ValidateParcelPattern(std::string_view pattern, std::string_view field = "parcel_formats");

}  // namespace motcua::postal
