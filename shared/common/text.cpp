#include "common/text.h"

#include <cstdio>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace motcua {

bool IsValidUtf8(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

namespace {

// True if `s` is valid UTF-8 whose code points all lie below U+0300 (ASCII, Latin-1, Latin Extended-A
// and -B: ă, đ, ơ, ư, ...), in U+1E00-U+1EFF (Latin Extended Additional: ạ, ế, ữ, ...) or in
// U+2010-U+2027 (dashes, quotes, ellipsis). Each of these has NFC_Quick_Check=Yes and combining class
// 0 (text_test.cpp checks every one against ICU), so such text is NFC as it stands: Vietnamese text
// is, unless it carries separate combining marks. False for anything else; ICU then decides.
bool IsPlainNfc(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    if (p[0] < 0x80) {
      ++p;
    } else if (p[0] >= 0xC2 && p[0] <= 0xCB && end - p >= 2 && (p[1] & 0xC0) == 0x80) {  // U+0080-U+02FF
      p += 2;
    } else if (end - p >= 3 && (p[2] & 0xC0) == 0x80 &&
               ((p[0] == 0xE1 && p[1] >= 0xB8 && p[1] <= 0xBB) ||             // U+1E00-U+1EFF
                (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0xA7))) {  // U+2010-U+2027
      p += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string NormalizeNfc(std::string_view utf8) {
  if (IsPlainNfc(utf8)) return std::string(utf8);
  if (!IsValidUtf8(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  // Most text is NFC already: checked on the UTF-8 itself, before any conversion to UTF-16.
  const icu::StringPiece piece(utf8.data(), int32_t(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(piece);
  icu::UnicodeString out = nfc->normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string CapitalizeFirst(std::string_view utf8) {
  if (utf8.empty() || !IsValidUtf8(utf8)) return std::string(utf8);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const UChar32 first = text.char32At(0);
  text.replace(0, U16_LENGTH(first), icu::UnicodeString(u_toupper(first)));
  std::string out;
  text.toUTF8String(out);
  return NormalizeNfc(out);
}

std::string FoldForSearch(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  bool pending_space = false;
  auto emit = [&](UChar32 c) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, c, error);
    if (!error) out.append(buf, len);
  };
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0) continue;
    if (c < 0x80) {  // fast path for ASCII
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) emit(c);
      else if (c >= 'A' && c <= 'Z') emit(c + 32);
      else pending_space = true;
      continue;
    }
    if (c == 0x0110 || c == 0x0111) {  // Đ đ have no decomposition
      emit('d');
      continue;
    }
    icu::UnicodeString decomposed;
    if (U_SUCCESS(status)) decomposed = nfd->normalize(icu::UnicodeString(c), status);
    for (int32_t k = 0; k < decomposed.length();) {
      UChar32 d = decomposed.char32At(k);
      k += U16_LENGTH(d);
      int8_t type = u_charType(d);
      if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) continue;
      if (u_isalnum(d)) emit(u_tolower(d));
      else pending_space = true;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace motcua

namespace motcua {

std::size_t CountCodePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

Status CheckTextLine(std::string_view s, std::string_view field, int max_chars) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  int chars = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return Invalid(std::string(field), "bad_utf8", std::string(field) + " is not valid UTF-8");
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
                         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    if (control) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      return Invalid(std::string(field), "control_character",
                     std::string(field) + " contains the control character " + code);
    }
    ++chars;
  }
  if (chars > max_chars)
    return Invalid(std::string(field), "too_long",
                   std::string(field) + " has " + std::to_string(chars) + " characters; at most " +
                       std::to_string(max_chars) + " are accepted");
  return Ok();
}

}  // namespace motcua
