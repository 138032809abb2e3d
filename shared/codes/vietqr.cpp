#include "codes/vietqr.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>

#include "codes/internal/ascii.h"
#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::codes {
namespace {

using namespace internal;

bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// ID + two-digit length + value. Callers guarantee 1 <= value.size() <= 99.
std::string Tlv(std::string_view id, std::string_view value) {
  char len[3];
  std::snprintf(len, sizeof len, "%02zu", value.size());
  return std::string(id) + len + std::string(value);
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, 4, c, error);
  if (!error) out.append(buf, len);
}

}  // namespace

std::uint16_t Crc16CcittFalse(std::string_view bytes) {
  std::uint16_t crc = 0xFFFF;
  for (unsigned char b : bytes) {
    crc ^= static_cast<std::uint16_t>(b << 8);
    for (int i = 0; i < 8; ++i)
      crc = (crc & 0x8000) ? static_cast<std::uint16_t>((crc << 1) ^ 0x1021) : static_cast<std::uint16_t>(crc << 1);
  }
  return crc;
}

std::string PurposeForDossier(std::string_view dossier_code) {
  std::string purpose(dossier_code);
  for (char& c : purpose)
    if (c == '.' || c == '-') c = ' ';
  if (purpose.size() > kVietQrMaxPurposeChars) {
    purpose.erase(0, purpose.size() - kVietQrMaxPurposeChars);
    if (const auto space = purpose.find(' '); space != std::string::npos && purpose.front() != ' ')
      purpose.erase(0, space + 1);  // no cut agency part: start at a whole segment
  }
  while (!purpose.empty() && purpose.front() == ' ') purpose.erase(0, 1);
  return purpose;
}

std::string FoldPurposeToAscii(std::string_view utf8) {
  if (!IsValidUtf8(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size()))), status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string out;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;  // the diacritics, after NFD
    if (c == 0x0110) c = 'D';                            // Đ has no decomposition
    if (c == 0x0111) c = 'd';                            // đ
    if (u_isUWhiteSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    AppendUtf8(out, c);
  }
  return out;
}

Result<std::string> MakeVietQrPayload(const VietQrRequest& request) {
  if (request.bank_bin.size() != 6 || !IsAsciiDigits(request.bank_bin))
    return Invalid("bank_bin", "bad_bin", "the bank BIN must be 6 digits, got \"" + request.bank_bin + "\"");
  if (request.account.empty() || request.account.size() > kVietQrMaxAccountChars ||
      !std::all_of(request.account.begin(), request.account.end(), IsAsciiAlnum))
    return Invalid("account", "bad_account", "the account must be 1-19 letters or digits");
  if (request.amount_vnd < 1 || request.amount_vnd > kVietQrMaxAmountVnd)
    return Invalid("amount_vnd", "bad_amount",
                   "the amount must be a whole number of dong from 1 to 9999999999999, got " +
                       std::to_string(request.amount_vnd));
  if (!IsValidUtf8(request.purpose)) return Invalid("purpose", "bad_utf8", "the purpose is not valid UTF-8");
  const std::string purpose = FoldPurposeToAscii(request.purpose);
  if (purpose.empty()) return Invalid("purpose", "empty_purpose", "the transfer purpose is empty");
  for (char c : purpose)
    if (!IsAsciiAlnum(c) && c != ' ')
      return Invalid("purpose", "purpose_bad_character",
                     "banks accept only letters, digits and spaces in the transfer purpose; \"" + purpose +
                         "\" contains '" + (static_cast<unsigned char>(c) < 0x80 ? std::string(1, c) : std::string("non-ASCII")) + "'");
  if (purpose.size() > kVietQrMaxPurposeChars)
    return Invalid("purpose", "purpose_too_long",
                   "the transfer purpose is limited to 25 characters; \"" + purpose + "\" has " +
                       std::to_string(purpose.size()));

  std::string payload = Tlv("00", "01") + Tlv("01", "12") +
                        Tlv("38", Tlv("00", "A000000727") +
                                      Tlv("01", Tlv("00", request.bank_bin) + Tlv("01", request.account)) +
                                      Tlv("02", "QRIBFTTA")) +
                        Tlv("53", "704") + Tlv("54", std::to_string(request.amount_vnd)) + Tlv("58", "VN") +
                        Tlv("62", Tlv("08", purpose)) + "6304";
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", unsigned(Crc16CcittFalse(payload)));
  return payload + crc;
}

Result<std::vector<EmvField>> ParseEmvTlv(std::string_view payload) {
  std::vector<EmvField> fields;
  std::size_t i = 0;
  while (i < payload.size()) {
    if (i + 4 > payload.size() || !IsAsciiDigits(payload.substr(i, 4)))
      return Invalid("payload", "bad_tlv", "expected a 2-digit ID and 2-digit length at offset " + std::to_string(i));
    const std::size_t len = ParseDigits<std::size_t>(payload.substr(i + 2, 2)).value_or(0);
    if (len == 0 || i + 4 + len > payload.size())
      return Invalid("payload", "bad_tlv", "object at offset " + std::to_string(i) + " has a bad length");
    fields.push_back({std::string(payload.substr(i, 2)), std::string(payload.substr(i + 4, len))});
    i += 4 + len;
  }
  return fields;
}

Status VerifyEmvCrc(std::string_view payload) {
  if (payload.size() < 8 || payload.substr(payload.size() - 8, 4) != "6304")
    return Invalid("payload", "missing_crc", "the payload does not end with a CRC object (6304XXXX)");
  char crc[5];
  std::snprintf(crc, sizeof crc, "%04X", unsigned(Crc16CcittFalse(payload.substr(0, payload.size() - 4))));
  std::string got(payload.substr(payload.size() - 4));
  for (char& c : got)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');  // some generators write lower case
  if (got != crc)
    return Invalid("payload", "bad_crc", "the CRC does not match (expected " + std::string(crc) + ")");
  return Ok();
}

}  // namespace motcua::codes
