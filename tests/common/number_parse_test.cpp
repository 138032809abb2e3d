// The one whole-number parser (common/number_parse.h): worked examples of what people and files
// actually hand us (a fullwidth digit from a Vietnamese IME, a pasted " 1", a 20-digit account number
// typed into an amount), both sides of each type's range and of a digit cap, and the sign rules.
#include "common/number_parse.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace motcua {
namespace {

struct IntCase {
  const char* text;
  std::optional<int> want;
  const char* source;
};

TEST(ParseDigits, WorkedExamplesAsInt) {
  const IntCase cases[] = {
      {"0", 0, "the smallest"},
      {"7", 7, "one digit"},
      {"300", 300, "kiosk.idle_seconds as typed"},
      {"0042", 42, "leading zeros: a ticket A0042"},
      {"2147483647", 2147483647, "INT_MAX: 10 digits"},
      {"2147483648", std::nullopt, "INT_MAX + 1: out of range, never wrapped"},
      {"9999999999", std::nullopt, "10 digits past INT_MAX"},
      {"00000000001", std::nullopt, "11 digits, though the value is 1: over int's 10"},
      {"", std::nullopt, "empty: a blank field"},
      {"+1", std::nullopt, "a plus sign"},
      {"-1", std::nullopt, "a minus sign, not asked for"},
      {" 1", std::nullopt, "pasted with a space before"},
      {"1 ", std::nullopt, "pasted with a space after"},
      {"1.000", std::nullopt, "a Vietnamese thousands separator"},
      {"1,5", std::nullopt, "a decimal comma"},
      {"0x1F", std::nullopt, "hex"},
      {"\xEF\xBC\x91", std::nullopt, "\"１\" U+FF11 FULLWIDTH DIGIT ONE, from an IME in full-width mode"},
      {"1\xEF\xBC\x90", std::nullopt, "\"1０\": an ASCII digit then a fullwidth one"},
      {"\xD9\xA1", std::nullopt, "U+0661 ARABIC-INDIC DIGIT ONE"},
  };
  for (const IntCase& c : cases) EXPECT_EQ(ParseDigits<int>(c.text), c.want) << c.source << ": \"" << c.text << "\"";
}

TEST(ParseDigits, AStringViewWithANulInsideIsRefused) {
  EXPECT_EQ(ParseDigits<int>(std::string_view("1\0", 2)), std::nullopt);
}

TEST(ParseDigits, TwentyDigitsFitOnlyAnUnsigned64) {
  // 20 digits: an account number typed into an amount field, or UINT64_MAX itself.
  EXPECT_EQ(ParseDigits<std::int64_t>("18446744073709551615"), std::nullopt);
  EXPECT_EQ(ParseDigits<std::uint64_t>("18446744073709551615"), std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(ParseDigits<std::uint64_t>("18446744073709551616"), std::nullopt) << "UINT64_MAX + 1";
  EXPECT_EQ(ParseDigits<std::uint64_t>("99999999999999999999"), std::nullopt);
  EXPECT_EQ(ParseDigits<std::uint64_t>("000000000000000000001"), std::nullopt) << "21 digits";
  EXPECT_EQ(ParseDigits<std::int64_t>("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(ParseDigits<std::int64_t>("9223372036854775808"), std::nullopt) << "INT64_MAX + 1";
  EXPECT_EQ(ParseDigits<std::int64_t>("09223372036854775807"), std::nullopt) << "20 digits, one a leading zero";
}

TEST(ParseDigits, MaxDigitsCapsTheTextNotTheValue) {
  // The CLI's flags take 1-9 digits; a setting up to 12 (kiosk_settings).
  EXPECT_EQ(ParseDigits<int>("999999999", {.max_digits = 9}), 999999999);
  EXPECT_EQ(ParseDigits<int>("1000000000", {.max_digits = 9}), std::nullopt) << "10 digits, though an int holds it";
  EXPECT_EQ(ParseDigits<int>("0000000005", {.max_digits = 9}), std::nullopt) << "leading zeros count";
  EXPECT_EQ(ParseDigits<std::int64_t>("999999999999", {.max_digits = 12}), 999999999999);
  EXPECT_EQ(ParseDigits<std::int64_t>("1000000000000", {.max_digits = 12}), std::nullopt);
  EXPECT_EQ(ParseDigits<int>("", {.max_digits = 9}), std::nullopt);
  // A cap above the type's own still refuses what does not fit.
  EXPECT_EQ(ParseDigits<int>("99999999999", {.max_digits = 30}), std::nullopt);
}

TEST(ParseDigits, AMinusOnlyWhenAskedAndOnlyForSignedTypes) {
  const DigitsOptions signed_ok{.allow_minus = true};
  EXPECT_EQ(ParseDigits<int>("-1", signed_ok), -1);
  EXPECT_EQ(ParseDigits<int>("-0", signed_ok), 0);
  EXPECT_EQ(ParseDigits<int>("-2147483648", signed_ok), std::numeric_limits<int>::min()) << "INT_MIN";
  EXPECT_EQ(ParseDigits<int>("-2147483649", signed_ok), std::nullopt) << "INT_MIN - 1";
  EXPECT_EQ(ParseDigits<std::int64_t>("-9223372036854775808", signed_ok), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(ParseDigits<int>("-", signed_ok), std::nullopt) << "a sign alone";
  EXPECT_EQ(ParseDigits<int>("--1", signed_ok), std::nullopt);
  EXPECT_EQ(ParseDigits<int>("- 1", signed_ok), std::nullopt);
  EXPECT_EQ(ParseDigits<int>("+1", signed_ok), std::nullopt) << "never a plus";
  EXPECT_EQ(ParseDigits<int>("1-", signed_ok), std::nullopt);
  EXPECT_EQ(ParseDigits<unsigned>("-1", signed_ok), std::nullopt) << "unsigned: no minus, never wrapped";
  EXPECT_EQ(ParseDigits<unsigned>("-0", signed_ok), std::nullopt);
  // The sign is not a digit: a 2-digit cap takes "-12".
  EXPECT_EQ(ParseDigits<int>("-12", {.max_digits = 2, .allow_minus = true}), -12);
  EXPECT_EQ(ParseDigits<int>("-123", {.max_digits = 2, .allow_minus = true}), std::nullopt);
}

TEST(ParseDigits, SmallTypesCheckTheirOwnRange) {
  EXPECT_EQ(ParseDigits<std::uint8_t>("255"), 255);
  EXPECT_EQ(ParseDigits<std::uint8_t>("256"), std::nullopt);
  EXPECT_EQ(ParseDigits<std::int16_t>("-32768", {.allow_minus = true}), -32768);
  EXPECT_EQ(ParseDigits<std::int16_t>("32768"), std::nullopt);
}

TEST(IsAsciiDigits, OnlyNonEmptyAsciiDigitRuns) {
  EXPECT_TRUE(IsAsciiDigits("0"));
  EXPECT_TRUE(IsAsciiDigits("079123456789")) << "a CCCD number keeps its leading zero";
  EXPECT_FALSE(IsAsciiDigits(""));
  EXPECT_FALSE(IsAsciiDigits("-1"));
  EXPECT_FALSE(IsAsciiDigits("12 34"));
  EXPECT_FALSE(IsAsciiDigits("\xEF\xBC\x91"));
  EXPECT_TRUE(IsAsciiDigit('0'));
  EXPECT_TRUE(IsAsciiDigit('9'));
  EXPECT_FALSE(IsAsciiDigit('/')) << "'0' - 1";
  EXPECT_FALSE(IsAsciiDigit(':')) << "'9' + 1";
}

}  // namespace
}  // namespace motcua
