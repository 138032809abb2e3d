#include "common/time.h"

#include <cstdio>
#include <optional>

#include "common/number_parse.h"

namespace motcua {
namespace {

using namespace std::chrono;

// The date of parsed fields; false when a field did not parse or the date does not exist.
bool MakeYmd(std::optional<int> y, std::optional<int> m, std::optional<int> d, year_month_day& out) {
  if (!y || !m || !d) return false;
  out = year{*y} / month{unsigned(*m)} / day{unsigned(*d)};
  return out.ok();
}

bool ParseYmd(std::string_view s, year_month_day& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  return MakeYmd(ParseDigits<int>(s.substr(0, 4)), ParseDigits<int>(s.substr(5, 2)), ParseDigits<int>(s.substr(8, 2)),
                 out);
}

// "D/M/YYYY" or "DD/MM/YYYY", as a date is written by hand in Vietnam.
bool ParseDmy(std::string_view s, year_month_day& out) {
  const std::size_t first = s.find('/');
  const std::size_t second = first == std::string_view::npos ? first : s.find('/', first + 1);
  if (second == std::string_view::npos || first < 1 || first > 2 || second - first - 1 < 1 || second - first - 1 > 2 ||
      s.size() - second - 1 != 4)
    return false;
  return MakeYmd(ParseDigits<int>(s.substr(second + 1)), ParseDigits<int>(s.substr(first + 1, second - first - 1)),
                 ParseDigits<int>(s.substr(0, first)), out);
}

bool ParseHm(std::string_view s, minutes& out) {
  if (s.size() != 5 || s[2] != ':') return false;
  const std::optional<int> h = ParseDigits<int>(s.substr(0, 2)), m = ParseDigits<int>(s.substr(3, 2));
  if (!h || !m || *h > 23 || *m > 59) return false;
  out = hours{*h} + minutes{*m};
  return true;
}

}  // namespace

LocalMinute ToLocalVn(Instant at) {
  return LocalMinute{floor<minutes>(at.time_since_epoch() + kVietnamUtcOffset)};
}

Instant FromLocalVn(LocalMinute local) {
  return Instant{duration_cast<seconds>(local.time_since_epoch() - kVietnamUtcOffset)};
}

LocalDate LocalDateVn(Instant at) { return floor<days>(ToLocalVn(at)); }

Result<LocalMinute> ParseLocalMinute(std::string_view text, std::string_view field) {
  year_month_day ymd;
  minutes hm;
  if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T') || !ParseYmd(text.substr(0, 10), ymd) ||
      !ParseHm(text.substr(11, 5), hm))
    return Invalid(std::string(field), "bad_datetime",
                   "expected a real date and time as YYYY-MM-DD HH:MM, got \"" + std::string(text) + "\"");
  return LocalMinute{local_days{ymd}.time_since_epoch() + hm};
}

Result<LocalDate> ParseLocalDate(std::string_view text, std::string_view field) {
  year_month_day ymd;
  if (!ParseYmd(text, ymd))
    return Invalid(std::string(field), "bad_date",
                   "expected a real date as YYYY-MM-DD, got \"" + std::string(text) + "\"");
  return local_days{ymd};
}

Result<LocalMinute> ParseTypedMinute(std::string_view text, std::string_view field) {
  const std::size_t space = text.find(' ');
  year_month_day ymd;
  minutes hm;
  if (space != std::string_view::npos && ParseDmy(text.substr(0, space), ymd)) {
    std::string_view time = text.substr(space + 1);
    while (time.starts_with(' ')) time.remove_prefix(1);
    const std::string padded = time.size() == 4 ? "0" + std::string(time) : std::string(time);  // "8:00"
    if (ParseHm(padded, hm)) return LocalMinute{local_days{ymd}.time_since_epoch() + hm};
  } else if (auto iso = ParseLocalMinute(text, field)) {
    return iso;
  }
  return Invalid(std::string(field), "bad_datetime",
                 "expected a real date and time as DD/MM/YYYY HH:MM (or YYYY-MM-DD HH:MM), got \"" +
                     std::string(text) + "\"");
}

std::string FormatDmy(LocalDate d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(ymd.day()), unsigned(ymd.month()), int(ymd.year()));
  return buf;
}

std::string FormatDmyHm(LocalMinute t) {
  const auto day = floor<days>(t);
  const minutes tod = t - day;
  char buf[8];
  std::snprintf(buf, sizeof buf, " %02d:%02d", int(tod.count() / 60), int(tod.count() % 60));
  return FormatDmy(day) + buf;
}

std::string FormatLocalMinute(LocalMinute t) {
  auto day = floor<days>(t);
  year_month_day ymd{day};
  auto tod = t - day;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), int(duration_cast<hours>(tod).count()), int(tod.count() % 60));
  return buf;
}

std::string FormatLocalDate(LocalDate d) {
  year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::string FormatInstantUtc(Instant at) {
  auto day = floor<days>(at);
  year_month_day ymd{day};
  hh_mm_ss hms{at - day};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), int(hms.hours().count()), int(hms.minutes().count()),
                int(hms.seconds().count()));
  return buf;
}

Result<Instant> ParseInstantUtc(std::string_view text, std::string_view field) {
  auto bad = [&] {
    return Invalid(std::string(field), "bad_instant",
                   "expected YYYY-MM-DDTHH:MM:SSZ or an offset like +07:00, got \"" + std::string(text) + "\"");
  };
  year_month_day ymd;
  minutes hm;
  if (text.size() < 20 || text[10] != 'T' || text[16] != ':' || !ParseYmd(text.substr(0, 10), ymd) ||
      !ParseHm(text.substr(11, 5), hm))
    return bad();
  const std::optional<int> sec = ParseDigits<int>(text.substr(17, 2));
  if (!sec || *sec > 59) return bad();
  std::string_view zone = text.substr(19);
  minutes offset{0};
  if (zone == "Z") {
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-')) {
    minutes off;
    if (!ParseHm(zone.substr(1), off)) return bad();
    offset = zone[0] == '+' ? off : -off;
  } else {
    return bad();
  }
  const Instant at{sys_days{ymd}.time_since_epoch() + hm + seconds{*sec} - offset};
  // FormatInstantUtc writes four year digits: an offset must not carry the instant out of 0000-9999
  // ("0000-01-01T00:00:00+00:01" is in year -1), or what was read could not be written back.
  const int utc_year = int(year_month_day{floor<days>(at)}.year());
  if (utc_year < 0 || utc_year > 9999) return bad();
  return at;
}

Instant SystemClock::Now() const { return floor<seconds>(system_clock::now()); }

}  // namespace motcua
