#include "speech/spoken_text.h"

#include <array>
#include <chrono>

namespace motcua::speech {
namespace {

using namespace std::chrono;

bool IsRealDate(int y, unsigned m, unsigned d) {
  return y >= 1 && y <= 9999 && year_month_day{year{y}, month{m}, day{d}}.ok();
}

bool IsRealTime(unsigned h, unsigned m) { return h <= 23 && m <= 59; }

year_month_day Ymd(LocalDate date) { return year_month_day{date}; }

}  // namespace

std::string SpokenDateVi(int y, unsigned m, unsigned d) {
  if (!IsRealDate(y, m, d)) return "";
  return "ngày " + std::to_string(d) + " tháng " + std::to_string(m) + " năm " + std::to_string(y);
}

std::string SpokenDateEn(int y, unsigned m, unsigned d) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (!IsRealDate(y, m, d)) return "";
  return std::to_string(d) + " " + kMonths[m - 1] + " " + std::to_string(y);
}

std::string SpokenTimeVi(unsigned h, unsigned m) {
  if (!IsRealTime(h, m)) return "";
  std::string out = std::to_string(h) + " giờ";
  if (m != 0) out += " " + std::to_string(m) + " phút";
  return out;
}

std::string SpokenTimeEn(unsigned h, unsigned m) {
  if (!IsRealTime(h, m)) return "";
  const unsigned h12 = h % 12 == 0 ? 12 : h % 12;
  std::string out = std::to_string(h12);
  if (m != 0) out += (m < 10 ? ":0" : ":") + std::to_string(m);
  out += h < 12 ? " am" : " pm";
  return out;
}

std::string SpokenDateVi(LocalDate date) {
  const year_month_day ymd = Ymd(date);
  return SpokenDateVi(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

std::string SpokenDateEn(LocalDate date) {
  const year_month_day ymd = Ymd(date);
  return SpokenDateEn(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

std::string SpokenDateTimeVi(Instant at) {
  const LocalMinute local = ToLocalVn(at);
  const LocalDate date = floor<days>(local);
  const minutes of_day = local - date;
  const std::string d = SpokenDateVi(date);
  if (d.empty()) return "";
  return SpokenTimeVi(unsigned(of_day.count() / 60), unsigned(of_day.count() % 60)) + ", " + d;
}

std::string SpokenDateTimeEn(Instant at) {
  const LocalMinute local = ToLocalVn(at);
  const LocalDate date = floor<days>(local);
  const minutes of_day = local - date;
  const std::string d = SpokenDateEn(date);
  if (d.empty()) return "";
  return SpokenTimeEn(unsigned(of_day.count() / 60), unsigned(of_day.count() % 60)) + " on " + d;
}

}  // namespace motcua::speech
