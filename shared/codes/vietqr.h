// VietQR payment payloads: the text of a QR that any Vietnamese banking app scans to pre-fill a
// NAPAS 247 transfer (fees and charges paid at the counter or the kiosk).
//
// Format: EMVCo merchant-presented QR (EMV QRCPS) as profiled by NAPAS ("Technical Specifications on
// NAPAS QR Switching", v1.5.2): a sequence of ID(2 digits) LENGTH(2 digits) VALUE objects, values
// 1-99 characters, nested templates for 38 and 62. We emit, in this order:
//   00 "01"                payload format indicator
//   01 "12"                point of initiation: dynamic (the QR carries an amount for one payment)
//   38 { 00 "A000000727"   NAPAS's globally unique identifier
//        01 { 00 <BIN>     beneficiary bank's 6-digit NAPAS BIN
//             01 <account> } beneficiary account, 1-19 alphanumerics
//        02 "QRIBFTTA" }   service: inter-bank fund transfer to an account
//   53 "704"               currency VND (ISO 4217)
//   54 <amount>            whole đồng, no separators (VND has no minor unit), 1-13 digits
//   58 "VN"
//   62 { 08 <purpose> }    purpose of transaction (the transfer content the center reconciles on)
//   63 <CRC>               CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR)
//                          over everything before it including "6304", as 4 upper-case hex digits.
//
// Purpose text and diacritics: banks' apps and NAPAS expect transfer content in ASCII without
// diacritics, at most 25 characters, letters, digits and spaces only (EMV QRCPS limits ID 62's
// sub-objects to 25; VietQR.io's generator documents the same). We therefore fold Vietnamese letters
// to their base letter keeping case ("Lệ phí Đăng ký" → "Le phi Dang ky"), collapse white space, and
// then REJECT anything still outside [A-Za-z0-9 ] or longer than 25, rather than silently dropping
// characters: the purpose is what the center matches payments on, so it must be exactly what the
// caller meant. Callers build purposes such as "LP 2611240001" from the dossier code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::codes {

inline constexpr std::size_t kVietQrMaxPurposeChars = 25;
inline constexpr std::size_t kVietQrMaxAccountChars = 19;
inline constexpr std::int64_t kVietQrMaxAmountVnd = 9'999'999'999'999;  // 13 digits

struct VietQrRequest {
  std::string bank_bin;         // 6-digit NAPAS BIN, e.g. "970415" (VietinBank)
  std::string account;          // beneficiary account, 1-19 characters [0-9A-Za-z]
  std::int64_t amount_vnd = 0;  // whole đồng, 1..kVietQrMaxAmountVnd
  std::string purpose;          // UTF-8; folded to ASCII as described above
};

// The payload text. Errors, all kInvalid: "bad_bin" on "bank_bin"; "bad_account" on "account";
// "bad_amount" on "amount_vnd" (zero, negative, or more than 13 digits); on "purpose": "bad_utf8",
// "empty_purpose", "purpose_bad_character" (after folding, naming the character),
// "purpose_too_long" (more than 25 characters after folding).
Result<std::string> MakeVietQrPayload(const VietQrRequest& request);

// Vietnamese (and other Latin) diacritics removed, keeping case; Đ/đ → D/d; runs of white space
// collapsed to one space and trimmed. Other characters are kept as they are. Invalid UTF-8 is
// returned unchanged.
std::string FoldPurposeToAscii(std::string_view utf8);

// The transfer content for a dossier's fees: its code with the separators as spaces, which a banking
// app accepts and an officer still reads as the code ("000.00.00.H56-261124-0001" →
// "000 00 00 H56 261124 0001", 25 characters). A code longer than kVietQrMaxPurposeChars keeps its
// date and number and as much of the agency identifier's end as fits ("...H56 261124 0001").
std::string PurposeForDossier(std::string_view dossier_code);

// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF. Check value: "123456789" → 0x29B1.
std::uint16_t Crc16CcittFalse(std::string_view bytes);

struct EmvField {
  std::string id;     // two digits, e.g. "38"
  std::string value;  // raw value (a nested template is parsed again with ParseEmvTlv)
};

// One level of ID-LENGTH-VALUE objects. Errors: kInvalid/"bad_tlv" on "payload" when an ID or length
// is not two digits, a length is 00, or a value runs past the end.
Result<std::vector<EmvField>> ParseEmvTlv(std::string_view payload);

// Checks that the payload ends with "6304" + the CRC of everything before it.
// Errors: kInvalid on "payload": "missing_crc", "bad_crc".
Status VerifyEmvCrc(std::string_view payload);

}  // namespace motcua::codes
