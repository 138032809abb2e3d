#include "print/forms.h"

#include <cstdio>

#include "common/number_format.h"

namespace motcua::print {
namespace {

using namespace std::chrono;

}  // namespace

std::string FormatVnDateTime(Instant at) {
  const LocalMinute local = ToLocalVn(at);
  const LocalDate day = floor<days>(local);
  const year_month_day ymd{day};
  const minutes tod = local - day;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%02d giờ %02d phút, ngày %02u tháng %02u năm %04d",
                int(tod.count() / 60), int(tod.count() % 60), unsigned(ymd.day()),
                unsigned(ymd.month()), int(ymd.year()));
  return buf;
}

std::string FormatPlaceDate(const std::string& place, std::optional<LocalDate> on) {
  std::string out = place.empty() ? std::string() : place + ", ";
  if (!on) return out + "ngày …… tháng …… năm ……";
  const year_month_day ymd{*on};
  const unsigned m = unsigned(ymd.month());
  char buf[64];
  // LEGAL: NĐ 30/2020/NĐ-CP, Phụ lục I, I.5: a leading zero for days 1-9 and for months 1 and 2.
  std::snprintf(buf, sizeof buf, m <= 2 ? "ngày %02u tháng %02u năm %04d" : "ngày %02u tháng %u năm %04d",
                unsigned(ymd.day()), m, int(ymd.year()));
  return out + buf;
}

std::string FormatShortDateTime(Instant at) {
  const LocalMinute local = ToLocalVn(at);
  const LocalDate day = floor<days>(local);
  const year_month_day ymd{day};
  const minutes tod = local - day;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d %02d:%02d", unsigned(ymd.day()),
                unsigned(ymd.month()), int(ymd.year()), int(tod.count() / 60), int(tod.count() % 60));
  return buf;
}

std::string JournalAnchorText(std::int64_t seq, std::string_view hash) {
  const std::string number = FormatInteger(seq, NumberStyle::kVi);
  std::string groups;
  for (std::size_t i = 0; i < 32 && i < hash.size(); i += 8)
    groups += (groups.empty() ? "" : " ") + std::string(hash.substr(i, 8));
  return "Nhật ký điện tử đến sự kiện số " + number + ", mã " + groups + " (motcua journal verify)";
}

}  // namespace motcua::print
