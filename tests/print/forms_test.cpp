// The text formats the forms print (print/forms.h).
#include "print/forms.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>

#include "print/sample_forms.h"
#include "support/dates.h"

namespace motcua::print {
namespace {

using namespace std::chrono;
using testing::At;

using motcua::testing::Day;

// Worked example: the receipt format of domain.md §2.3 ("HH giờ mm phút, ngày dd tháng MM năm yyyy"),
// for the sample dossier received Thu 12/03/2026 08:30 Vietnam time (01:30 UTC).
TEST(FormatVnDateTime, PrintsVietnamCivilTimeZeroPadded) {
  EXPECT_EQ(FormatVnDateTime(At(2026, 3, 12, 8, 30)), "08 giờ 30 phút, ngày 12 tháng 03 năm 2026");
  EXPECT_EQ(FormatVnDateTime(At(2026, 1, 5, 14, 5)), "14 giờ 05 phút, ngày 05 tháng 01 năm 2026");
}

TEST(FormatVnDateTime, ConvertsUtcAcrossMidnightAtUtcPlusSeven) {
  // 16:59 UTC on 11/03 is 23:59 on 11/03 in Vietnam; 17:00 UTC is already 00:00 on 12/03.
  const Instant before = sys_days{year{2026} / March / day{11}} + hours{16} + minutes{59};
  const Instant after = sys_days{year{2026} / March / day{11}} + hours{17};
  EXPECT_EQ(FormatVnDateTime(before), "23 giờ 59 phút, ngày 11 tháng 03 năm 2026");
  EXPECT_EQ(FormatVnDateTime(after), "00 giờ 00 phút, ngày 12 tháng 03 năm 2026");
}

TEST(FormatVnDateTime, DropsSecondsWithoutRoundingUp) {
  EXPECT_EQ(FormatVnDateTime(At(2026, 3, 12, 8, 30) + seconds{59}), "08 giờ 30 phút, ngày 12 tháng 03 năm 2026");
}

// NĐ 30/2020 date line: leading zero for days 1-9 and for months 1 and 2 only.
TEST(FormatPlaceDate, ZeroPadsSmallDaysAndOnlyJanuaryAndFebruary) {
  EXPECT_EQ(FormatPlaceDate("Tuyên Quang", Day(2026, 3, 5)), "Tuyên Quang, ngày 05 tháng 3 năm 2026");
  EXPECT_EQ(FormatPlaceDate("Tuyên Quang", Day(2026, 2, 10)), "Tuyên Quang, ngày 10 tháng 02 năm 2026");
  EXPECT_EQ(FormatPlaceDate("Tuyên Quang", Day(2026, 1, 9)), "Tuyên Quang, ngày 09 tháng 01 năm 2026");
  EXPECT_EQ(FormatPlaceDate("Hà Giang", Day(2026, 12, 31)), "Hà Giang, ngày 31 tháng 12 năm 2026");
  EXPECT_EQ(FormatPlaceDate("Tuyên Quang", Day(2026, 10, 10)), "Tuyên Quang, ngày 10 tháng 10 năm 2026");
}

TEST(FormatPlaceDate, UnsetDatePrintsDotsAndEmptyPlaceIsOmitted) {
  EXPECT_EQ(FormatPlaceDate("Tuyên Quang", std::nullopt), "Tuyên Quang, ngày …… tháng …… năm ……");
  EXPECT_EQ(FormatPlaceDate("", Day(2026, 3, 12)), "ngày 12 tháng 3 năm 2026");
}

TEST(FormatShortDateTime, PrintsDayMonthYearHourMinute) {
  EXPECT_EQ(FormatShortDateTime(At(2026, 3, 12, 8, 30)), "12/03/2026 08:30");
  EXPECT_EQ(FormatShortDateTime(At(2026, 12, 31, 23, 59)), "31/12/2026 23:59");
}

}  // namespace
}  // namespace motcua::print
