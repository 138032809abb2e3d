#include "server_clock.h"

#include <cstdio>

#include "dvc/national_record.h"

namespace motcua::provincial {

Instant ServerClock::Now() const {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) + offset_;
}

std::string FormatHttpDate(Instant at) {
  using namespace std::chrono;
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const sys_days day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{at - day};
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02u %s %04d %02d:%02d:%02d GMT", kDays[weekday{day}.c_encoding()],
                unsigned(ymd.day()), kMonths[unsigned(ymd.month()) - 1], int(ymd.year()), int(time.hours().count()),
                int(time.minutes().count()), int(time.seconds().count()));
  return text;
}

std::string FormatServerTime(Instant at) { return dvc::FormatNationalDate(at); }

}  // namespace motcua::provincial
