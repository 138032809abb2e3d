// calendar/duration.h: the text form of a processing duration.
#include "calendar/duration.h"

#include <gtest/gtest.h>

namespace motcua::calendar {
namespace {

TEST(ParseDuration, ReadsEveryUnitCaseInsensitively) {
  struct Row {
    const char* text;
    Duration expected;
  };
  for (const Row& r : {Row{"8wh", {8, DurationUnit::kWorkingHours}}, Row{"3wd", {3, DurationUnit::kWorkingDays}},
                       Row{"15d", {15, DurationUnit::kCalendarDays}}, Row{"1m", {1, DurationUnit::kMonths}},
                       Row{"3WD", {3, DurationUnit::kWorkingDays}}, Row{"0wd", {0, DurationUnit::kWorkingDays}},
                       Row{"9999m", {9999, DurationUnit::kMonths}}}) {
    auto d = ParseDuration(r.text);
    ASSERT_TRUE(d.has_value()) << r.text;
    EXPECT_EQ(*d, r.expected) << r.text;
  }
}

TEST(ParseDuration, RejectsMalformedTextNamingTheField) {
  for (const char* text : {"", "wd", "3", "3w", "3 wd", "-1wd", "10000wd", "3wdx", "1.5wh"}) {
    auto d = ParseDuration(text, "processing_duration");
    ASSERT_FALSE(d.has_value()) << text;
    EXPECT_EQ(d.error().code, ErrorCode::kInvalid) << text;
    EXPECT_EQ(d.error().field, "processing_duration") << text;
    EXPECT_EQ(d.error().rule, "bad_duration") << text;
  }
}

TEST(FormatDuration, RoundTrips) {
  for (const char* text : {"8wh", "3wd", "15d", "1m", "0wd"}) EXPECT_EQ(FormatDuration(*ParseDuration(text)), text);
}

}  // namespace
}  // namespace motcua::calendar
