// Whole numbers as Vietnamese words, the way a caller at a service center reads a ticket number aloud
// ("A1023" is called "A một nghìn không trăm hai mươi ba"). Why not leave the digits to espeak-ng:
// its Vietnamese voice always says "ngàn" (southern) and cannot be told which regional forms the
// center uses; and it reads a ticket with leading zeros digit by digit ("0042": "không không bốn hai").
//
// The rules, for numbers 0 … 999 999 999, read in classes of three digits (triệu, nghìn, đơn vị)
// from the left:
//   (1) digits: không một hai ba bốn năm sáu bảy tám chín; 10 is "mười", tens ≥ 20 are "<digit> mươi".
//   (2) a units 1 after a tens digit ≥ 2 is "mốt" (21 hai mươi mốt); after "mười" it stays "một"
//       (11 mười một) and after linh/lẻ too (101 một trăm linh một).
//   (3) a units 5 after "mười" or "mươi" is "lăm" (15 mười lăm, 25 hai mươi lăm); after linh/lẻ it
//       stays "năm" (105 một trăm linh năm).
//   (4) a units 4 after a tens digit ≥ 2 is "tư" or "bốn" (a setting: 24 hai mươi tư / hai mươi bốn);
//       after "mười" it is always "bốn" (14 mười bốn), after linh/lẻ too (104 một trăm linh bốn).
//   (5) a zero tens before a non-zero units, once a hundreds is said, is "linh" (northern) or "lẻ"
//       (southern), a setting: 105 một trăm linh năm / một trăm lẻ năm.
//   (6) 1000 is "nghìn" (northern) or "ngàn" (southern), a setting; 10^6 is "triệu".
//   (7) the first class is read as written (1023 một nghìn…, 15015 mười lăm nghìn…); every later class
//       that is not all zeros is read with all three places, so a zero hundreds is said: 1023 "một
//       nghìn không trăm hai mươi ba", 2001 "hai nghìn không trăm linh một".
//   (8) a later class of all zeros says nothing: 1 000 000 "một triệu", 1 100 "một nghìn một trăm",
//       1 000 001 "một triệu không trăm linh một".
// Rule (8) for 1 000 001: the school reading (Toán 4, "Triệu và lớp triệu": split into classes and
// read each class left to right) has no words for an empty class, and the textbook answers read
// a later class in full (Toán 5 p. 147: 472 036 953 "bốn trăm bảy mươi hai triệu không trăm ba mươi
// sáu nghìn chín trăm năm mươi ba", doctailieu.com/dap-an-bai-1-trang-147-sgk-toan-5). So the
// millions are followed directly by the units class read in full: "một triệu không trăm linh một".
// Not "một triệu linh một" (a colloquial short form that drops the place of the 1) and not
// "một triệu không nghìn không trăm linh một" (spoken for clarity by some, never in the textbooks).
// vietnamesemaestro.com/grammar/big-numbers gives a third form, "năm triệu không trăm nghìn không trăm
// linh một" for 5 000 001; a ticket number never reaches a million, so the choice is for completeness.
//
// Sources for rules (1)-(6): vietnamese.nil.seattle.wa.us/numbers (mốt after 21…91 but not 11;
// lăm for 15…95 "but not numerals ending in 05"; linh northern, lẻ southern); Wikipedia (vi) "Cách đếm
// của người Việt" (mốt after a tens digit ≥ 2; "tư hay bốn … cách gọi là tư thông dụng hơn"; lăm after
// tens; "Nghìn và ngàn là cách gọi như nhau"; 107 một trăm lẻ bảy); vietnamesemaestro.com/grammar/
// big-numbers (nghìn northern, ngàn southern; "If there is a zero in the hundreds, read it as không
// trăm": 1001 một nghìn không trăm linh một, 1035 một nghìn không trăm ba mươi lăm, 704 508 bảy trăm
// linh bốn nghìn năm trăm linh tám); a Toán 3 summary ("Sau 'mươi' và 'mười' đọc là 'lăm'", 25 305
// hai mươi lăm nghìn ba trăm linh năm). The colloquial short forms (hai mốt, một trăm mốt, hăm, nhăm)
// are not produced: a call must be understood by everyone in the hall.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua::speech {

enum class Thousand { kNghin, kNgan };      // "nghìn" (northern) or "ngàn" (southern)
enum class ZeroTens { kLinh, kLe };         // "linh" (northern) or "lẻ" (southern), as in 105
enum class FourAfterTens { kTu, kBon };     // "tư" or "bốn" for a units 4 after a tens ≥ 2, as in 24

// The regional choices for reading numbers; the defaults are the northern (Hà Nội) forms, the ones the
// school books print.
struct NumberReading {
  Thousand thousand = Thousand::kNghin;     // default "nghìn"
  ZeroTens zero_tens = ZeroTens::kLinh;     // default "linh"
  FourAfterTens four = FourAfterTens::kTu;  // default "tư"
};

// The choices from setting strings, each one of (case and accents as shown; the ASCII spelling is
// accepted too, for settings files typed without a Vietnamese keyboard; "" keeps the default):
//   thousand:  "nghìn" | "nghin"   or  "ngàn" | "ngan"
//   zero_tens: "linh"              or  "lẻ" | "le"
//   four:      "tư" | "tu"         or  "bốn" | "bon"
// Text is NFC-normalised and surrounding ASCII spaces are ignored.
// Errors: kInvalid/"not_a_choice" on "thousand", "zero_tens" or "four" (the first at fault), naming
// the value and the allowed ones; kInvalid/"bad_utf8" on that field for bytes that are not UTF-8.
Result<NumberReading> ParseNumberReading(std::string_view thousand, std::string_view zero_tens,
                                         std::string_view four);

// The largest number VietnameseNumberWords spells.
inline constexpr std::int64_t kMaxSpokenNumber = 999'999'999;

// `n` in Vietnamese words, lower case, single spaces: 1023 → "một nghìn không trăm hai mươi ba".
// Outside 0 … kMaxSpokenNumber (a negative number, a billion or more) it returns the decimal digits
// ("-5", "1000000000"), which espeak-ng still reads as a number: something close is said rather
// than nothing.
std::string VietnameseNumberWords(std::int64_t n, const NumberReading& reading = {});

}  // namespace motcua::speech
