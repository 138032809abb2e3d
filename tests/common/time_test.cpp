// Dates and times as officers type and read them (issue 16: the counter showed DD/MM/YYYY and asked for
// YYYY-MM-DD). Worked examples of ParseTypedMinute, FormatDmy and FormatDmyHm.
#include "common/time.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

LocalMinute At(int y, unsigned m, unsigned d, int h, int min) {
  return LocalMinute{std::chrono::local_days{std::chrono::year{y} / m / d}.time_since_epoch() +
                     std::chrono::hours{h} + std::chrono::minutes{min}};
}

TEST(ParseTypedMinute, TakesTheShownFormTheShortFormAndIso) {
  EXPECT_EQ(*ParseTypedMinute("20/03/2026 08:00", "t"), At(2026, 3, 20, 8, 0));
  EXPECT_EQ(*ParseTypedMinute("5/3/2026 8:00", "t"), At(2026, 3, 5, 8, 0));
  EXPECT_EQ(*ParseTypedMinute("05/03/2026  14:30", "t"), At(2026, 3, 5, 14, 30)) << "two spaces, as typed";
  EXPECT_EQ(*ParseTypedMinute("2026-03-20 08:00", "t"), At(2026, 3, 20, 8, 0));
  EXPECT_EQ(*ParseTypedMinute("29/02/2028 17:00", "t"), At(2028, 2, 29, 17, 0)) << "a leap day";
}

TEST(ParseTypedMinute, RefusesWhatIsNotARealDateAndTimeNamingTheField) {
  for (const char* bad : {"", "20/03/2026", "03/20/2026 08:00", "30/02/2026 08:00", "20/03/26 08:00",
                          "20-03-2026 08:00", "20/03/2026 24:00", "20/03/2026 8:60", "20/003/2026 08:00",
                          "2026-03-20", "20/03/2026 08:00 sáng"}) {
    auto t = ParseTypedMinute(bad, "new_due_at");
    ASSERT_FALSE(t) << bad;
    EXPECT_EQ(t.error().field, "new_due_at") << bad;
    EXPECT_EQ(t.error().rule, "bad_datetime") << bad;
  }
}

TEST(FormatDmy, WritesDayMonthYearWithLeadingZeros) {
  EXPECT_EQ(FormatDmy(std::chrono::floor<std::chrono::days>(At(2026, 3, 5, 0, 0))), "05/03/2026");
  EXPECT_EQ(FormatDmyHm(At(2026, 12, 31, 7, 5)), "31/12/2026 07:05");
  EXPECT_EQ(*ParseTypedMinute(FormatDmyHm(At(2026, 12, 31, 7, 5)), "t"), At(2026, 12, 31, 7, 5));
}

}  // namespace
}  // namespace motcua
