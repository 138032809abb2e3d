// Vietnamese text helpers. Everything that enters the core from outside (catalog files, scanners,
// the network, typed input) is normalised to NFC before it is stored or shown: ImGui does no
// shaping and draws NFD marks on top of each other (stack.md §4).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua {

bool IsValidUtf8(std::string_view s);

// NFC form of UTF-8 text. Invalid UTF-8 is returned unchanged (callers validate first).
std::string NormalizeNfc(std::string_view utf8);

// Search key: lower case, diacritics removed, đ → d, runs of spaces and punctuation collapsed to one
// space, trimmed. "Đăng ký THƯỜNG TRÚ" → "dang ky thuong tru".
std::string FoldForSearch(std::string_view utf8);

// How many code points `utf8` holds (its lead bytes; invalid UTF-8 is counted byte by byte).
std::size_t CountCodePoints(std::string_view utf8);

// Trims ASCII white space at both ends.
std::string_view Trim(std::string_view s);

// The text with its first letter in upper case, NFC: "hộ tịch" → "Hộ tịch", "đất đai" → "Đất đai".
// Invalid UTF-8 is returned unchanged.
std::string CapitalizeFirst(std::string_view utf8);

}  // namespace motcua

namespace motcua {

// Length caps for text that enters the core (code points, after NFC). One table, so the counter, the
// CLI and imports refuse the same things; a field's cap is also stated where the field is declared.
inline constexpr int kMaxNameChars = 100;      // a person's or an organisation's name, an account's name
inline constexpr int kMaxAddressChars = 300;   // an address
inline constexpr int kMaxReasonChars = 1000;   // a reason, a note, a supplement item, a summary
inline constexpr int kMaxLabelChars = 200;     // a unit, a fee's or a paper's name, a short label
inline constexpr int kMaxCodeChars = 64;       // an identifier: a procedure or component code, an ID number

// Checks one line of text from outside (a name, an address, a reason): valid UTF-8, no control
// characters (C0 including NUL, TAB, CR, LF and ESC; DEL; C1; the line and paragraph separators
// U+2028/9; the bidirectional overrides U+202A-E and U+2066-9, which reorder what is printed), and at
// most `max_chars` code points. Why: such characters break printed forms and CSV/XLSX exports, let a
// value masquerade as another on screen, and have no place in a name. Errors on `field`, all
// kInvalid: "bad_utf8", "control_character", "too_long".
Status CheckTextLine(std::string_view text, std::string_view field, int max_chars);

}  // namespace motcua
