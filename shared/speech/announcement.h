// The sentence the display board says when a counter calls a ticket (issue 14, queue): "Mời khách
// hàng số A một nghìn không trăm hai mươi ba đến quầy số năm" for ticket A1023 at counter 5, and its
// English form for the bilingual board. Text only; announcer.h turns it into audio with a chime.
//
// A ticket is 0-3 ASCII letters (a series, any case, said as capitals) followed by 1-9 digits:
// "A1023", "B7", "CD0042", "1023". Leading zeros are not said ("CD0042" is "C D bốn mươi hai"): the
// printed zeros pad the slip, and nobody says "không không". A counter is either 1-9 digits (said as
// a number) or a name, one line of at most kMaxCounterNameChars code points, said as given. ASCII spaces around
// either are ignored.
//
// How espeak-ng 1.51 reads the pieces (measured with Synthesizer::Phonemes; announcement_test.cpp
// keeps the proof):
//   - Vietnamese voice: a capital letter standing alone is read as its Vietnamese letter name: "A"
//     [aː] (the same as the word "a"), "B" [be] (bê), "C" [se] (xê), "D" [de], "K" [kaː] (ca), "Q"
//     [kwi] (quy), "W" [vekɛp] (vê kép), "Z" [zɛt] (dét). Letters must be separated: "CD" is read as
//     one syllable-ish word [sedˈe] and "AB" as the syllable [aːb], so the letters are joined by spaces.
//     The number words come out as words ("mốt" [moɜt], "lăm" [lam], "linh" [liɲ], "nghìn" [ŋi2n]),
//     never spelled letter by letter.
//   - English voice: "A 1023" is read with the article "a" [ɐ], not the letter [eɪ]; "A-1023" gives
//     [eɪ] and a short pause, so the letters are joined to the number by hyphens: "Ticket A-1023",
//     "Ticket C-D-42" (four letters run together, "ABCD12", are read as one word). The voice reads the
//     digits itself ("one thousand and twenty three").
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "speech/spoken_number.h"

namespace motcua::speech {

inline constexpr int kMaxTicketLetters = 3;
inline constexpr int kMaxTicketDigits = 9;        // up to kMaxSpokenNumber
inline constexpr int kMaxCounterNameChars = 40;   // code points, after NFC

// Checks a call before it is spoken, for callers that want to say why nothing will be.
// Errors, all kInvalid: "ticket"/"not_a_ticket" (not 0-3 letters then 1-9 digits: empty, a space, a
// hyphen, a Vietnamese letter, too many digits); "counter"/"empty"; and for a counter name the
// errors of CheckTextLine on "counter" ("bad_utf8", "control_character", "too_long").
Status CheckCall(std::string_view ticket, std::string_view counter);

// "Mời khách hàng số A một nghìn không trăm hai mươi ba đến quầy số năm" (ticket "A1023", counter "5");
// a named counter: "Mời khách hàng số B bảy đến quầy Tiếp nhận hồ sơ" (counter "Tiếp nhận hồ sơ", NFC).
// Numbers are read by VietnameseNumberWords with `reading`. Returns "" when CheckCall fails: nothing
// is said rather than something wrong.
std::string CallSentenceVi(std::string_view ticket, std::string_view counter, const NumberReading& reading = {});

// "Ticket A-1023, please go to counter 5"; "Ticket C-D-42, please go to counter Reception"; leading
// zeros dropped from both numbers. Returns "" when CheckCall fails.
std::string CallSentenceEn(std::string_view ticket, std::string_view counter);

}  // namespace motcua::speech
