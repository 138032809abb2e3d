// The QR code printed on the chip citizen identity card (CCCD, thẻ căn cước công dân): one UTF-8
// string of '|'-separated fields (domain.md §5; no official BCA specification was found, this is the
// consensus of independent readers):
//
//   <12-digit ID>|<old 9-digit CMND, often empty>|<full name>|<birth DDMMYYYY>|<Nam|Nữ>|<address>|<issue DDMMYYYY>
//   001090123456|012345678|Nguyễn Văn A|01011990|Nam|<địa chỉ thường trú>|15042021
//
// What the parser forgives, because scanners and cards do it:
//   - no old-ID field at all (6 fields: the second field is then the name, told apart because a
//     name is never all digits);
//   - extra '|' inside the address (every field between sex and the last one is the address; they
//     are joined back with '|');
//   - leading/trailing white space, CR and LF (keyboard-wedge scanners end with Enter), and empty
//     fields after the issue date;
//   - text in NFD or mixed normalisation (name and address come back NFC, stack.md §4);
//   - sex in any letter case, with or without the diacritic ("NỮ", "Nu"); it comes back "Nam"/"Nữ".
// What it rejects, naming the field: see ParseCccdQr. An old CMND may have 9 digits or 12 (12-digit
// CMNDs were issued from 2012 to 2016).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"

namespace motcua::codes {

struct CccdData {
  std::string id;          // 12 digits (số định danh cá nhân)
  std::string old_id;      // the old CMND number, 9 or 12 digits; "" when absent
  std::string name;        // NFC, trimmed
  LocalDate birth_date;    // civil date
  std::string sex;         // exactly "Nam" or "Nữ" (NFC)
  std::string address;     // permanent address (nơi thường trú), NFC, trimmed
  LocalDate issue_date;    // civil date
};

// Errors, all kInvalid:
//   on "cccd_qr": "empty", "bad_utf8", "too_few_fields" (fewer than 6 fields, or 6 fields that
//     include an old-ID slot and so leave no address);
//   on "id": "id_not_digits", "bad_id_length" (not 12 digits, e.g. 11 or 13);
//   on "old_id": "old_id_not_digits", "bad_old_id_length";
//   on "name": "empty_name";
//   on "birth_date" / "issue_date": "bad_date" (not 8 digits DDMMYYYY or not a real date: 31022020);
//   on "sex": "unknown_sex";
//   on "address": "empty_address";
//   on "issue_date": "issued_before_birth".
Result<CccdData> ParseCccdQr(std::string_view text);

// Cross-checks the ID number against the rest (TT 07/2016/TT-BCA, Art. 7: digits 1-3 the province
// of birth registration, digit 4 century and sex, digits 5-6 the birth year's last two digits).
// Advisory: the counter shows a warning, it does not refuse the card (a later correction of a birth
// date may leave an ID that no longer matches). Errors, kInvalid on "id": "id_bad_province",
// "id_sex_century_mismatch", "id_birth_year_mismatch".
Status CheckCccdConsistency(const CccdData& data);

}  // namespace motcua::codes
