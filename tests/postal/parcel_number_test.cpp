// Parcel numbers: the UPU S10 check digit and operator formats.
// Worked examples: the s10 npm package's README and tests (catcher-in-the-try/s10: EB000717618HK,
// EB000717595HK, check digits of 00071758, 96633102, 76129403) and the BWIPP UPU S10 page
// (EE471108151FR; RR47312482 + its check digit, 9 by hand: 4*8+7*6+3*4+1*2+2*3+4*5+8*9+2*7 = 200,
// 200 mod 11 = 2, 11 - 2 = 9).
#include "postal/parcel_number.h"

#include <gtest/gtest.h>
#include <random>

namespace motcua::postal {
namespace {

TEST(S10CheckDigit, MatchesPublishedExamples) {
  EXPECT_EQ(S10CheckDigit("00071761"), 8);  // EB000717618HK
  EXPECT_EQ(S10CheckDigit("00071759"), 5);  // EB000717595HK
  EXPECT_EQ(S10CheckDigit("00071758"), 1);
  EXPECT_EQ(S10CheckDigit("96633102"), 0);  // 11 - (166 mod 11) = 10, written 0
  EXPECT_EQ(S10CheckDigit("76129403"), 8);
  EXPECT_EQ(S10CheckDigit("47110815"), 1);  // EE471108151FR
  EXPECT_EQ(S10CheckDigit("47312482"), 9);  // RR473124829GB
}

TEST(S10CheckDigit, MapsTenToZeroAndElevenToFive) {
  EXPECT_EQ(S10CheckDigit("00000000"), 5);  // sum 0: 11 - 0 = 11, written 5
  EXPECT_EQ(S10CheckDigit("96633102"), 0);  // sum mod 11 = 1: 10, written 0
  EXPECT_EQ(S10CheckDigit("00000001"), 4);  // sum 7: 11 - 7
}

TEST(S10CheckDigit, RefusesAnythingButEightDigits) {
  EXPECT_EQ(S10CheckDigit("0007176"), -1);
  EXPECT_EQ(S10CheckDigit("000717610"), -1);
  EXPECT_EQ(S10CheckDigit("0007176A"), -1);
  EXPECT_EQ(S10CheckDigit(""), -1);
}

TEST(ValidateParcelNumber, AcceptsS10WithTheRightDigitInAnySpacingOrCase) {
  const ParcelNumberRules rules;
  for (const char* ok : {"EB000717618HK", "EB000717595HK", "EE471108151FR", "RR473124829GB", "ee 471 108 151 fr",
                         " EB000717618HK\t"}) {
    auto r = ValidateParcelNumber(ok, rules);
    ASSERT_TRUE(r) << ok << ": " << r.error().Describe();
    EXPECT_TRUE(HasS10Shape(*r)) << *r;
  }
  EXPECT_EQ(*ValidateParcelNumber("ee 471 108 151 fr", rules), "EE471108151FR");
}

TEST(ValidateParcelNumber, RefusesAWrongCheckDigitNamingTheExpectedOne) {
  const ParcelNumberRules rules;
  for (const char* bad : {"EB000717594HK", "EB000717535HK", "EB900717618HK", "EE471108152FR"}) {
    auto r = ValidateParcelNumber(bad, rules, "items[0].parcel_number");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "items[0].parcel_number");
    EXPECT_EQ(r.error().rule, "bad_check_digit") << bad;
  }
  EXPECT_NE(ValidateParcelNumber("EB000717594HK", rules).error().detail.find("should be 5"), std::string::npos);
  // Even when an operator pattern would match it: an S10-shaped number is judged as S10.
  const ParcelNumberRules loose{.other_formats = {"@@#########@@"}};
  EXPECT_EQ(ValidateParcelNumber("EB000717594HK", loose).error().rule, "bad_check_digit");
}

TEST(ValidateParcelNumber, RefusesOtherShapesUnlessConfigured) {
  const ParcelNumberRules rules;
  EXPECT_EQ(ValidateParcelNumber("", rules).error().rule, "missing");
  EXPECT_EQ(ValidateParcelNumber("   ", rules).error().rule, "missing");
  EXPECT_EQ(ValidateParcelNumber("EB00071761ĐHK", rules).error().rule, "bad_characters");
  EXPECT_EQ(ValidateParcelNumber("EB_000717618HK", rules).error().rule, "bad_characters");
  EXPECT_EQ(ValidateParcelNumber("1234567890", rules).error().rule, "unknown_format");
  EXPECT_EQ(ValidateParcelNumber("EB00071761HK", rules).error().rule, "unknown_format");  // 12 characters

  const ParcelNumberRules viettel{.other_formats = {"##########", "VTP-########"}};
  EXPECT_EQ(*ValidateParcelNumber("1234567890", viettel), "1234567890");
  EXPECT_EQ(*ValidateParcelNumber("vtp-12345678", viettel), "VTP-12345678");
  EXPECT_EQ(ValidateParcelNumber("VTQ-12345678", viettel).error().rule, "unknown_format");
  EXPECT_EQ(ValidateParcelNumber("123456789", viettel).error().rule, "unknown_format");

  const ParcelNumberRules no_s10{.accept_s10 = false, .other_formats = {"*****"}};
  EXPECT_EQ(ValidateParcelNumber("EB000717618HK", no_s10).error().rule, "unknown_format");
  EXPECT_EQ(*ValidateParcelNumber("a1b2c", no_s10), "A1B2C");
}

TEST(ValidateParcelPattern, AcceptsOnlyThePatternAlphabet) {
  EXPECT_TRUE(ValidateParcelPattern("VTP-##########"));
  EXPECT_TRUE(ValidateParcelPattern("@@*#"));
  EXPECT_EQ(ValidateParcelPattern("").error().rule, "bad_pattern");
  EXPECT_EQ(ValidateParcelPattern("vtp###").error().rule, "bad_pattern");  // literals are upper case
  EXPECT_EQ(ValidateParcelPattern("[0-9]+").error().field, "parcel_formats");
}

// Property (fixed seed): a number built with S10CheckDigit validates, and every other check digit
// is refused naming the right one.
TEST(ValidateParcelNumber, PropertyOnlyTheComputedCheckDigitIsAccepted) {
  std::mt19937 rng(20161216);  // QĐ 45/2016 came into force on 16/12/2016
  std::uniform_int_distribution<int> digit(0, 9), letter(0, 25);
  const ParcelNumberRules rules;
  for (int n = 0; n < 2000; ++n) {
    std::string serial;
    for (int i = 0; i < 8; ++i) serial.push_back(static_cast<char>('0' + digit(rng)));
    const std::string service = {static_cast<char>('A' + letter(rng)), static_cast<char>('A' + letter(rng))};
    const int check = S10CheckDigit(serial);
    ASSERT_GE(check, 0) << serial;
    for (int d = 0; d <= 9; ++d) {
      const std::string number = service + serial + std::to_string(d) + "VN";
      auto r = ValidateParcelNumber(number, rules);
      if (d == check) {
        ASSERT_TRUE(r) << "seed 20161216, case " << n << ": " << number << " " << r.error().Describe();
      } else {
        ASSERT_FALSE(r) << "seed 20161216, case " << n << ": " << number;
        ASSERT_EQ(r.error().rule, "bad_check_digit") << number;
      }
    }
  }
}

}  // namespace
}  // namespace motcua::postal
