// Vietnamese text helpers. Everything that enters the core from outside (catalog files, scanners,
// the network, typed input) is normalised to NFC before it is stored or shown: ImGui does no
// shaping and draws NFD marks on top of each other (stack.md §4).
#pragma once

#include <string>
#include <string_view>

namespace motcua {

bool IsValidUtf8(std::string_view s);

// NFC form of UTF-8 text. Invalid UTF-8 is returned unchanged (callers validate first).
std::string NormalizeNfc(std::string_view utf8);

// Search key: lower case, diacritics removed, đ → d, runs of spaces and punctuation collapsed to one
// space, trimmed. "Đăng ký THƯỜNG TRÚ" → "dang ky thuong tru".
std::string FoldForSearch(std::string_view utf8);

// Trims ASCII white space at both ends.
std::string_view Trim(std::string_view s);

}  // namespace motcua
