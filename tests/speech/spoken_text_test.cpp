#include "speech/spoken_text.h"

#include <gtest/gtest.h>

#include "speech/speech.h"

namespace motcua::speech {
namespace {

using namespace std::chrono;

// The receipt's due date (print/forms.cpp prints "16 giờ 30 phút, ngày 05 tháng 12 năm 2026").
TEST(SpokenDateVi, SpellsDayMonthYearWithoutLeadingZeros) {
  EXPECT_EQ(SpokenDateVi(2026, 12, 5), "ngày 5 tháng 12 năm 2026");
  EXPECT_EQ(SpokenDateVi(2027, 1, 21), "ngày 21 tháng 1 năm 2027");
  EXPECT_EQ(SpokenDateVi(2024, 2, 29), "ngày 29 tháng 2 năm 2024");  // leap day
  EXPECT_EQ(SpokenDateVi(2026, 12, 31), "ngày 31 tháng 12 năm 2026");
  EXPECT_EQ(SpokenDateVi(1, 1, 1), "ngày 1 tháng 1 năm 1");
  EXPECT_EQ(SpokenDateVi(9999, 12, 31), "ngày 31 tháng 12 năm 9999");
}

TEST(SpokenDateEn, SpellsTheMonthName) {
  EXPECT_EQ(SpokenDateEn(2026, 12, 5), "5 December 2026");
  EXPECT_EQ(SpokenDateEn(2027, 1, 21), "21 January 2027");
  EXPECT_EQ(SpokenDateEn(2024, 2, 29), "29 February 2024");
  EXPECT_EQ(SpokenDateEn(2026, 9, 2), "2 September 2026");
}

TEST(SpokenDate, SaysNothingForAnImpossibleDate) {
  for (auto [y, m, d] : {std::tuple{2026, 2u, 29u}, {2026, 4u, 31u}, {2026, 13u, 1u}, {2026, 0u, 1u},
                         {2026, 1u, 0u}, {2026, 1u, 32u}, {0, 1u, 1u}, {10000, 1u, 1u}, {-5, 1u, 1u}}) {
    EXPECT_EQ(SpokenDateVi(y, m, d), "") << y << "-" << m << "-" << d;
    EXPECT_EQ(SpokenDateEn(y, m, d), "") << y << "-" << m << "-" << d;
  }
}

TEST(SpokenTimeVi, HoursAndMinutesLikeTheReceipt) {
  EXPECT_EQ(SpokenTimeVi(16, 30), "16 giờ 30 phút");
  EXPECT_EQ(SpokenTimeVi(16, 0), "16 giờ");
  EXPECT_EQ(SpokenTimeVi(8, 5), "8 giờ 5 phút");
  EXPECT_EQ(SpokenTimeVi(0, 0), "0 giờ");
  EXPECT_EQ(SpokenTimeVi(23, 59), "23 giờ 59 phút");
  EXPECT_EQ(SpokenTimeVi(24, 0), "");
  EXPECT_EQ(SpokenTimeVi(12, 60), "");
}

TEST(SpokenTimeEn, TwelveHourClockBothSidesOfNoonAndMidnight) {
  EXPECT_EQ(SpokenTimeEn(16, 30), "4:30 pm");
  EXPECT_EQ(SpokenTimeEn(16, 0), "4 pm");
  EXPECT_EQ(SpokenTimeEn(16, 5), "4:05 pm");
  EXPECT_EQ(SpokenTimeEn(0, 0), "12 am");
  EXPECT_EQ(SpokenTimeEn(0, 5), "12:05 am");
  EXPECT_EQ(SpokenTimeEn(11, 59), "11:59 am");
  EXPECT_EQ(SpokenTimeEn(12, 0), "12 pm");
  EXPECT_EQ(SpokenTimeEn(23, 59), "11:59 pm");
  EXPECT_EQ(SpokenTimeEn(24, 0), "");
  EXPECT_EQ(SpokenTimeEn(9, 60), "");
}

TEST(SpokenDate, TakesALocalDate) {
  const LocalDate date = local_days{year{2026} / 12 / 5};
  EXPECT_EQ(SpokenDateVi(date), "ngày 5 tháng 12 năm 2026");
  EXPECT_EQ(SpokenDateEn(date), "5 December 2026");
}

// Instants are UTC; what is spoken is Vietnam time (UTC+7), seconds dropped.
TEST(SpokenDateTime, ReadsTheInstantInVietnamTime) {
  auto at = [](const char* utc) { return ParseInstantUtc(utc, "at").value(); };
  EXPECT_EQ(SpokenDateTimeVi(at("2026-12-05T09:30:00Z")), "16 giờ 30 phút, ngày 5 tháng 12 năm 2026");
  EXPECT_EQ(SpokenDateTimeEn(at("2026-12-05T09:30:00Z")), "4:30 pm on 5 December 2026");
  EXPECT_EQ(SpokenDateTimeVi(at("2026-12-05T09:30:59Z")), "16 giờ 30 phút, ngày 5 tháng 12 năm 2026");
  // 17:00 UTC on New Year's Eve is already midnight of the next year in Hà Nội.
  EXPECT_EQ(SpokenDateTimeVi(at("2026-12-31T17:00:00Z")), "0 giờ, ngày 1 tháng 1 năm 2027");
  EXPECT_EQ(SpokenDateTimeEn(at("2026-12-31T17:00:00Z")), "12 am on 1 January 2027");
  EXPECT_EQ(SpokenDateTimeVi(at("2026-12-31T16:59:00Z")), "23 giờ 59 phút, ngày 31 tháng 12 năm 2026");
  EXPECT_EQ(SpokenDateTimeVi(at("2026-06-01T01:00:00Z")), "8 giờ, ngày 1 tháng 6 năm 2026");
}

// Why spoken_text.h exists, as espeak-ng's own phoneme output shows it. With the Vietnamese voice
// "05/12/2026" carries neither "ngày" (ŋˈa2j) nor "tháng" (tˈaːɜŋ) and "16:30" has no "giờ" (zˈəː2);
// the spoken forms have them. With the English voice the slashes are read out ("slash").
TEST(SpokenText, IsWhatEspeakNeedsToReadDatesAsDates) {
  auto synth = Synthesizer::Open("vi");
  ASSERT_TRUE(synth) << synth.error().Describe();
  auto vi = [&](std::string_view text) { return (*synth)->Phonemes(text, "vi").value(); };
  auto en = [&](std::string_view text) { return (*synth)->Phonemes(text, "en").value(); };

  const std::string printed = vi("05/12/2026");
  EXPECT_EQ(printed.find("ŋˈa2j"), std::string::npos) << printed;
  EXPECT_EQ(printed.find("tˈaːɜŋ"), std::string::npos) << printed;
  const std::string spoken = vi(SpokenDateVi(2026, 12, 5));
  EXPECT_NE(spoken.find("ŋˈa2j"), std::string::npos) << spoken;
  EXPECT_NE(spoken.find("tˈaːɜŋ"), std::string::npos) << spoken;
  EXPECT_NE(spoken.find("mˈyə2jhˈaːɪ"), std::string::npos) << spoken;  // "mười hai": 12 as a number

  EXPECT_EQ(vi("16:30").find("zˈəː2"), std::string::npos) << vi("16:30");
  EXPECT_NE(vi(SpokenTimeVi(16, 30)).find("zˈəː2"), std::string::npos) << vi(SpokenTimeVi(16, 30));

  EXPECT_NE(en("05/12/2026").find("slˈaʃ"), std::string::npos) << en("05/12/2026");
  const std::string spoken_en = en(SpokenDateEn(2026, 12, 5));
  EXPECT_EQ(spoken_en.find("slˈaʃ"), std::string::npos) << spoken_en;
  EXPECT_NE(spoken_en.find("dɪsˈɛmbə"), std::string::npos) << spoken_en;
  EXPECT_NE(en("16:00").find("zˈiəɹəʊ"), std::string::npos) << en("16:00");     // "sixteen zero zero"
  EXPECT_EQ(en(SpokenTimeEn(16, 0)).find("zˈiəɹəʊ"), std::string::npos) << en(SpokenTimeEn(16, 0));
}

}  // namespace
}  // namespace motcua::speech
