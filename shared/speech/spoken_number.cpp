#include "speech/spoken_number.h"

#include <array>
#include <initializer_list>

#include "common/text.h"

namespace motcua::speech {
namespace {

constexpr std::array<const char*, 10> kDigit = {"không", "một", "hai", "ba",  "bốn",
                                                "năm",   "sáu", "bảy", "tám", "chín"};

void Append(std::string& out, std::string_view word) {
  if (!out.empty()) out += ' ';
  out += word;
}

// One class of three digits (0 … 999). `full` says all three places, as a class after the first
// must (rule 7): 23 → "không trăm hai mươi ba"; otherwise leading zero places are silent: 23 → "hai
// mươi ba". The caller never passes 0 (rule 8: an empty class says nothing).
void AppendClass(std::string& out, int value, bool full, const NumberReading& r) {
  const int hundreds = value / 100;
  const int tens = value / 10 % 10;
  const int units = value % 10;
  const bool hundreds_said = full || hundreds > 0;
  if (hundreds_said) {
    Append(out, kDigit[hundreds]);
    Append(out, "trăm");
  }
  if (tens == 0) {
    if (units == 0) return;
    // Rule 5; after linh/lẻ the digit keeps its own name (rules 2-4: "linh một", "linh bốn", "linh năm").
    if (hundreds_said) Append(out, r.zero_tens == ZeroTens::kLinh ? "linh" : "lẻ");
    Append(out, kDigit[units]);
    return;
  }
  if (tens == 1) {
    Append(out, "mười");
    if (units == 5) Append(out, "lăm");           // rule 3
    else if (units != 0) Append(out, kDigit[units]);  // 11 mười một, 14 mười bốn (rules 2, 4)
    return;
  }
  Append(out, kDigit[tens]);
  Append(out, "mươi");
  switch (units) {
    case 0: break;
    case 1: Append(out, "mốt"); break;                                            // rule 2
    case 4: Append(out, r.four == FourAfterTens::kTu ? "tư" : "bốn"); break;  // rule 4
    case 5: Append(out, "lăm"); break;                                            // rule 3
    default: Append(out, kDigit[units]);
  }
}

// Matches `value` (NFC, trimmed) against the spellings of each choice; "" keeps `current`.
template <class E>
Result<E> ParseChoice(std::string_view value, std::string_view field, E current,
                      std::initializer_list<std::pair<std::string_view, E>> choices, std::string_view allowed) {
  if (!IsValidUtf8(value)) return Invalid(std::string(field), "bad_utf8", "the setting is not valid UTF-8");
  const std::string text = NormalizeNfc(Trim(value));
  if (text.empty()) return current;
  for (const auto& [spelling, choice] : choices)
    if (text == spelling) return choice;
  return Invalid(std::string(field), "not_a_choice",
                 "\"" + text + "\" is not a choice for " + std::string(field) + "; allowed: " + std::string(allowed));
}

}  // namespace

Result<NumberReading> ParseNumberReading(std::string_view thousand, std::string_view zero_tens,
                                         std::string_view four) {
  NumberReading r;
  MOTCUA_ASSIGN_OR_RETURN(r.thousand,
                          ParseChoice(thousand, "thousand", r.thousand,
                                      {{"nghìn", Thousand::kNghin}, {"nghin", Thousand::kNghin},
                                       {"ngàn", Thousand::kNgan}, {"ngan", Thousand::kNgan}},
                                      "nghìn (nghin), ngàn (ngan)"));
  MOTCUA_ASSIGN_OR_RETURN(r.zero_tens,
                          ParseChoice(zero_tens, "zero_tens", r.zero_tens,
                                      {{"linh", ZeroTens::kLinh}, {"lẻ", ZeroTens::kLe}, {"le", ZeroTens::kLe}},
                                      "linh, lẻ (le)"));
  MOTCUA_ASSIGN_OR_RETURN(r.four, ParseChoice(four, "four", r.four,
                                              {{"tư", FourAfterTens::kTu}, {"tu", FourAfterTens::kTu},
                                               {"bốn", FourAfterTens::kBon}, {"bon", FourAfterTens::kBon}},
                                              "tư (tu), bốn (bon)"));
  return r;
}

std::string VietnameseNumberWords(std::int64_t n, const NumberReading& reading) {
  if (n < 0 || n > kMaxSpokenNumber) return std::to_string(n);
  if (n == 0) return kDigit[0];
  const int classes[3] = {static_cast<int>(n / 1'000'000), static_cast<int>(n / 1000 % 1000),
                          static_cast<int>(n % 1000)};
  const char* names[3] = {"triệu", reading.thousand == Thousand::kNghin ? "nghìn" : "ngàn", nullptr};
  std::string out;
  bool first = true;
  for (int i = 0; i < 3; ++i) {
    if (classes[i] == 0) continue;  // rule 8 (a leading empty class is not there at all)
    AppendClass(out, classes[i], /*full=*/!first, reading);
    if (names[i] != nullptr) Append(out, names[i]);
    first = false;
  }
  return out;
}

}  // namespace motcua::speech
