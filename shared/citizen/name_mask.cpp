#include "citizen/name_mask.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

#include "common/text.h"

namespace motcua::citizen {
namespace {

constexpr std::string_view kMask = "**";

bool IsSpace(UChar32 c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0xA0; }

// A mark that belongs to the letter before it (a tone or vowel mark left uncomposed by NFC).
bool IsCombiningMark(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

// The words of NFC text, split at white space. False for invalid UTF-8.
bool SplitWords(std::string_view text, std::vector<std::string_view>& words) {
  const auto n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) return false;
    if (IsSpace(c)) {
      if (start >= 0) words.push_back(text.substr(start, at - start));
      start = -1;
    } else if (start < 0) {
      start = at;
    }
  }
  if (start >= 0) words.push_back(text.substr(start));
  return true;
}

// The first grapheme of a word: its first code point and the combining marks that follow it.
std::string_view FirstGrapheme(std::string_view word) {
  const auto n = static_cast<int32_t>(word.size());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, n, c);
  while (i < n) {
    int32_t next = i;
    U8_NEXT(word.data(), next, n, c);
    if (c < 0 || !IsCombiningMark(c)) break;
    i = next;
  }
  return word.substr(0, i);
}

std::string Join(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

}  // namespace

std::string MaskName(std::string_view full_name) {
  const std::string nfc = NormalizeNfc(full_name);
  std::vector<std::string_view> words;
  if (!SplitWords(nfc, words)) return std::string(kMask);
  if (words.empty()) return {};
  std::string out;
  if (words.size() > 1) out = words.front();
  for (std::size_t k = words.size() > 1 ? 1 : 0; k < words.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += FirstGrapheme(words[k]);
    out += kMask;
  }
  return out;
}

std::string PublicApplicantName(const dossier::Applicant& applicant) {
  if (applicant.kind != dossier::ApplicantKind::kOrganization) return MaskName(applicant.name);
  const std::string nfc = NormalizeNfc(applicant.name);
  std::vector<std::string_view> words;
  if (!SplitWords(nfc, words)) return std::string(kMask);
  return Join(words);
}

}  // namespace motcua::citizen
