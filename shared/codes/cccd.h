// The QR code printed on Vietnamese identity cards: the chip CCCD (thẻ căn cước công dân, issued 2021 to
// 30 June 2024) and the thẻ căn cước issued from 1 July 2024 under the 2023 Law on Identification
// (Luật Căn cước 26/2023/QH15; card form in TT 16/2024/TT-BCA). One UTF-8 string of '|'-separated
// fields. No official specification of the string was found; these are the layouts that public
// sources show (domain.md §5), all accepted:
//
//   (A) chip CCCD, 7 fields:
//         <12-digit ID>|<old CMND>|<full name>|<birth DDMMYYYY>|<Nam|Nữ>|<address>|<issue DDMMYYYY>
//         001090123456|012345678|Nguyễn Văn A|01011990|Nam|<địa chỉ thường trú>|15042021
//       Sources: domain.md §5 (a public ParsedCccd parser, the "định dạng chuẩn của Bộ Công An" note,
//       dangbaokhoa/identity-card README.md); nguyenson-toray/customize_erpnext
//       customize_erpnext/www/employee-self-update-info/readme.md (a sample issued in 2021).
//   (B) (A) with the old-ID slot empty, "<ID>||<name>|..." (presumably people without an old CMND):
//       ThanhMinhKQ/htbinbin tests/test_identity_parser.py (a made-up sample), and samples in code
//       comments (a Flutter scanner, a React scanner, a Java form) whose repositories the index did not
//       name; the Flutter one is of layout D, issued 2025.
//   (C) 6 fields, no old-ID slot, "<ID>|<name>|<birth>|<sex>|<address>|<issue>": phalconsupply/phongkham
//       docs/QR_SCANNER.md and the examples of other parsers. No real sample of it was seen (maybe an
//       app that drops the empty slot, maybe a wrong guess); sources disagree, so it is accepted too.
//   (D) thẻ căn cước (every sample issued after 1 July 2024): (A) or (B) then four empty fields, 11 in all,
//         <ID>|<old CMND or empty>|<name>|<birth>|<sex>|<address>|<issue>||||
//       Samples issued in 2024, 2025 and 2026: ThanhMinhKQ/htbinbin tests/test_identity_parser.py;
//       nguyenson-toray/customize_erpnext (as above); ADPL-190400/APP_CAMERA_FULL_OPTIONS
//       ui/dialogs/employee_form_dialog.py, which calls the four empty fields fixed in this format.
//   (E) something in the fields after the issue date. LEGAL: TT 16/2024/TT-BCA, Art. 6, as quoted by the
//       press (the text itself was not found): the QR holds the ID, name, birth date, sex, place of
//       residence, issue date, the 9-digit CMND (if any), cancelled ID numbers (if any) and the names of
//       the father and mother (for some cards: the quote is cut off there). No public sample fills the
//       trailing slots, and none says which slot holds what. So the fields after the issue date are kept
//       verbatim in extra_fields and never read: not as parents' names, not as an expiry date (the
//       customize_erpnext readme says the QR has none; htbinbin too computes it from the birth date).
//   NOT FOUND: a sample of a child's card (under 6 or under 14), and the order of the trailing slots.
//   The quoted list has a place of residence for every card, so a QR without an address is still rejected.
//
// How the fields are found: by their shape, never by counting from the end.
//   1. The first field is the ID.
//   2. The birth date is the 8-digit field followed by a sex field: fields 4-5 with the old-ID slot, 3-4
//      without it. If neither pair fits, a second field that is empty or all digits is an old ID (a name
//      never is), and the errors below name whichever field breaks the pattern.
//   3. The address starts right after sex. Its first part is always address, even if it looks like a date.
//   4. The issue date is the FIRST later field that is a date: after trimming white space, exactly eight
//      ASCII digits forming a real DDMMYYYY day in 1900 or later. The fields in between are address
//      parts (joined back with '|'); the fields after it go to extra_fields.
// Address part or date? An address part carries letters or punctuation ("Số 12", "Lô 3, KCN Hòa Khánh")
// or, when it is only digits, digits that are no real date ("12345678": month 34; "31022020"); those
// stay in the address. A '|' artefact that leaves a bare real date between two address parts
// ("Số 12|01022020|Hà Nội|15042021") cannot be told from an issue date: 01022020 is then taken as the
// issue date and the rest goes to extra_fields; should it fall before the birth date the parse stops with
// "issued_before_birth". No source shows such an address.
//
// What else the parser forgives, because scanners and cards do it:
//   - leading/trailing white space, CR and LF (keyboard-wedge scanners end with Enter), and empty
//     fields at the end (the four of layout D among them);
//   - text in NFD or mixed normalisation (name, address and extra fields come back NFC, stack.md §4);
//   - sex in any letter case, with or without the diacritic ("NỮ", "Nu"); it comes back "Nam"/"Nữ".
// What it rejects, naming the field: see ParseCccdQr. An old CMND may have 9 digits or 12 (12-digit
// CMNDs were issued from 2012 to 2016).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::codes {

struct CccdData {
  std::string id;          // 12 digits (số định danh cá nhân)
  std::string old_id;      // the old CMND number, 9 or 12 digits; "" when absent
  std::string name;        // NFC, trimmed
  LocalDate birth_date;    // civil date
  std::string sex;         // exactly "Nam" or "Nữ" (NFC)
  std::string address;     // nơi thường trú (nơi cư trú on cards from 2024), NFC, trimmed; '|' kept inside
  LocalDate issue_date;    // civil date; never before birth_date (the same day is allowed)
  // The fields after the issue date (layout E above), NFC and trimmed, in order, with the empty ones at
  // the end dropped and empty ones in between kept as "" so that positions survive. Empty for layouts
  // A-D. Not interpreted: no source shows what each slot holds (see above).
  std::vector<std::string> extra_fields;
};

// Errors, all kInvalid:
//   on "cccd_qr": "empty", "bad_utf8", "too_few_fields" (fewer than 6 fields once the empty ones at the
//     end are dropped, or too few after sex for an address and an issue date: e.g. 6 fields that
//     include an old-ID slot);
//   on "id": "id_not_digits", "bad_id_length" (not 12 digits, e.g. 11 or 13);
//   on "old_id": "old_id_not_digits", "bad_old_id_length";
//   on "name": "empty_name";
//   on "birth_date": "bad_date" (not 8 digits DDMMYYYY or not a real date: 31022020);
//   on "issue_date": "bad_date" (no date after the address; the detail quotes the first 8-digit field
//     there that is no real date, else the last field);
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
