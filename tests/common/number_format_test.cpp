// The one number formatter (common/number_format.h): worked examples in both styles, both sides of
// each rounding and grouping boundary, and the extremes; đồng amounts as the printed forms write them.
#include "common/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace motcua {
namespace {

struct DecimalCase {
  double value;
  int decimals;
  const char* vi;
  const char* en;
  const char* source;
};

TEST(FormatDecimal, WorkedExamplesInBothStyles) {
  const DecimalCase cases[] = {
      {28.68, 2, "28,68", "28.68", "issue 16: a score as the card shows it"},
      {67.7, 2, "67,70", "67.70", "Tuyên Quang 01/2024, 67.7/100 (domain.md §9)"},
      {100, 2, "100,00", "100.00", "a full total"},
      {0, 2, "0,00", "0.00", "nothing"},
      {-0.004, 2, "0,00", "0.00", "rounds to zero: no minus sign"},
      {-0.005001, 2, "-0,01", "-0.01", "just past it: the sign stays"},
      {-2, 2, "-2,00", "-2.00", "points lost"},
      {999.994, 2, "999,99", "999.99", "below the first thousand"},
      {999.996, 2, "1.000,00", "1,000.00", "rounding carries into the thousands"},
      {1234567.891, 2, "1.234.567,89", "1,234,567.89", "two separators"},
      {-1234.5, 1, "-1.234,5", "-1,234.5", "negative, one decimal"},
      {2.5, 0, "2", "2", "no decimals: printf's round-half-even on 2.5"},
      {1234, 0, "1.234", "1,234", "no decimals, grouped"},
      {1.5, 9, "1,500000", "1.500000", "decimals clamped to 6"},
      {1.5, -1, "2", "2", "decimals clamped to 0"},
  };
  for (const DecimalCase& c : cases) {
    EXPECT_EQ(FormatDecimal(c.value, c.decimals, NumberStyle::kVi), c.vi) << c.source;
    EXPECT_EQ(FormatDecimal(c.value, c.decimals, NumberStyle::kEn), c.en) << c.source;
  }
}

TEST(FormatDecimal, NotANumberPrintsADash) {
  EXPECT_EQ(FormatDecimal(std::nan(""), 2, NumberStyle::kVi), "—");
  EXPECT_EQ(FormatDecimal(std::numeric_limits<double>::infinity(), 2, NumberStyle::kEn), "—");
  EXPECT_EQ(FormatDecimal(1e300, 0, NumberStyle::kEn).size(), 301u + 100u);  // 301 digits, 100 commas
}

TEST(FormatInteger, GroupsThousandsEveryThreeDigits) {
  EXPECT_EQ(FormatInteger(0, NumberStyle::kVi), "0");
  EXPECT_EQ(FormatInteger(999, NumberStyle::kVi), "999");
  EXPECT_EQ(FormatInteger(1000, NumberStyle::kVi), "1.000");
  EXPECT_EQ(FormatInteger(1000, NumberStyle::kEn), "1,000");
  EXPECT_EQ(FormatInteger(1234567, NumberStyle::kVi), "1.234.567");
  EXPECT_EQ(FormatInteger(-1234, NumberStyle::kVi), "-1.234");
  EXPECT_EQ(FormatInteger(std::numeric_limits<std::int64_t>::min(), NumberStyle::kEn),
            "-9,223,372,036,854,775,808");
  EXPECT_EQ(FormatInteger(std::numeric_limits<std::int64_t>::max(), NumberStyle::kVi),
            "9.223.372.036.854.775.807");
}

// Amounts as on fee notices: "20.000 đồng" (TT 75/2022/TT-BTC), printed with the đồng sign.
TEST(FormatVnd, GroupsThousandsWithDotsAndAppendsDongSign) {
  EXPECT_EQ(FormatVnd(0), "0 ₫");
  EXPECT_EQ(FormatVnd(999), "999 ₫");
  EXPECT_EQ(FormatVnd(1000), "1.000 ₫");
  EXPECT_EQ(FormatVnd(20000), "20.000 ₫");
  EXPECT_EQ(FormatVnd(100000), "100.000 ₫");
  EXPECT_EQ(FormatVnd(1250000), "1.250.000 ₫");
  EXPECT_EQ(FormatVnd(-50000), "-50.000 ₫");
}

TEST(FormatVnd, HandlesTheExtremesOfInt64) {
  EXPECT_EQ(FormatVnd(std::numeric_limits<std::int64_t>::max()), "9.223.372.036.854.775.807 ₫");
  EXPECT_EQ(FormatVnd(std::numeric_limits<std::int64_t>::min()), "-9.223.372.036.854.775.808 ₫");
}

TEST(FormatPercent, ShowsTheRatioTimesAHundredWithTwoDecimals) {
  EXPECT_EQ(FormatPercent(0.2868, NumberStyle::kVi), "28,68%");
  EXPECT_EQ(FormatPercent(0.2868, NumberStyle::kEn), "28.68%");
  EXPECT_EQ(FormatPercent(3.0 / 11.0, NumberStyle::kVi), "27,27%");
  EXPECT_EQ(FormatPercent(1, NumberStyle::kVi), "100,00%");
  EXPECT_EQ(FormatPercent(0, NumberStyle::kEn), "0.00%");
}

}  // namespace
}  // namespace motcua
