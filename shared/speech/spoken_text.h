// Dates and times written the way espeak-ng should read them aloud. Why this exists: espeak-ng reads
// digits as numbers and nothing more, so a printed date comes out wrong. With the Vietnamese voice
// "05/12/2026" is read "không năm mười hai hai nghìn không trăm hai mươi sáu" (no "ngày", no "tháng":
// a list of numbers) and "16:30" is read "mười sáu ba mươi"; with the English voice "05/12/2026" is
// "zero five slash twelve slash two thousand and twenty-six" and "16:00" "sixteen zero zero".
// (Measured with espeak-ng 1.51's phoneme output; tests/speech/spoken_text_test.cpp keeps the proof.)
// The words here spell the structure out and leave the numbers as digits, which both voices read
// correctly in their own language.
//
// The Vietnamese forms follow the receipt (print/forms.cpp prints "16 giờ 30 phút, ngày 05 tháng 12
// năm 2026"), without the leading zeros, which espeak-ng would read as "không".
// Every function returns "" for an impossible date or time (2026-02-30, 24:00): nothing is spoken
// rather than something wrong. Years 1-9999 only.
#pragma once

#include <string>

#include "common/time.h"

namespace motcua::speech {

// "ngày 5 tháng 12 năm 2026".
std::string SpokenDateVi(int year, unsigned month, unsigned day);
// "5 December 2026".
std::string SpokenDateEn(int year, unsigned month, unsigned day);

// "16 giờ 30 phút"; on the hour "16 giờ"; 24-hour clock as Vietnamese offices write it.
std::string SpokenTimeVi(unsigned hour, unsigned minute);
// "4:30 pm"; on the hour "4 pm"; "12:05 am" just after midnight, "12 pm" at noon. The 12-hour form
// because espeak-ng's English voice reads "16:00" as "sixteen zero zero" but "4 pm" as "four p m".
std::string SpokenTimeEn(unsigned hour, unsigned minute);

// A Vietnam civil date (common/time.h).
std::string SpokenDateVi(LocalDate date);
std::string SpokenDateEn(LocalDate date);

// An instant in Vietnam time (UTC+7), seconds dropped:
// "16 giờ 30 phút, ngày 5 tháng 12 năm 2026" and "4:30 pm on 5 December 2026".
std::string SpokenDateTimeVi(Instant at);
std::string SpokenDateTimeEn(Instant at);

}  // namespace motcua::speech
