// LoadCalendar and ListProfiles: assets/calendar/vn-YYYY.json and hours.json into a CalendarSpec.
// Formats: assets/calendar/README.md. Every error names the file and the JSON Pointer of the value
// at fault in `field` ("vn-2025.json#/entries/3/kind"), so an administrator can find it.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "common/json_place.h"

#include "calendar/working_calendar.h"
#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::calendar {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::chrono;

constexpr int kFormatVersion = 1;
constexpr const char* kHoursFile = "hours.json";

// A place in one file: "vn-2025.json#/entries/3".
using Where = JsonPlace;

Error BadFormat(const Where& w, const std::string& what) {
  return Corrupt(w.Field(), "calendar_bad_format", w.Field() + ": " + what);
}

const char* TypeName(const json& j) { return j.type_name(); }

Status CheckObject(const json& j, const Where& w, std::initializer_list<std::string_view> allowed) {
  if (!j.is_object()) return BadFormat(w, std::string("expected an object, found ") + TypeName(j));
  for (auto it = j.begin(); it != j.end(); ++it)
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return BadFormat(w / it.key(), "unknown key \"" + it.key() + "\" (allowed: " + list + ")");
    }
  return Ok();
}

// The string at j[key]; nullopt if absent and optional.
Result<std::optional<std::string>> GetString(const json& j, std::string_view key, const Where& w, bool required) {
  auto it = j.find(std::string(key));
  if (it == j.end()) {
    if (required) return BadFormat(w / key, "missing key \"" + std::string(key) + "\"");
    return std::optional<std::string>();
  }
  if (!it->is_string()) return BadFormat(w / key, std::string("expected a string, found ") + TypeName(*it));
  return std::optional<std::string>(it->get<std::string>());
}

Result<int> GetInt(const json& j, std::string_view key, const Where& w) {
  auto it = j.find(std::string(key));
  if (it == j.end()) return BadFormat(w / key, "missing key \"" + std::string(key) + "\"");
  if (!it->is_number_integer()) return BadFormat(w / key, std::string("expected an integer, found ") + TypeName(*it));
  const auto v = it->get<std::int64_t>();
  if (v < -100000 || v > 100000) return BadFormat(w / key, "integer out of range");
  return static_cast<int>(v);
}

Status CheckVersion(const json& doc, const Where& w) {
  MOTCUA_ASSIGN_OR_RETURN(int version, GetInt(doc, "format_version", w));
  if (version != kFormatVersion)
    return BadFormat(w / "format_version", "unsupported format_version " + std::to_string(version) + " (this build reads " +
                                               std::to_string(kFormatVersion) + ")");
  return Ok();
}

Result<json> ReadJson(const fs::path& path) {
  const std::string name = path.filename().string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unavailable(name, "calendar_unreadable", "cannot open " + path.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Unavailable(name, "calendar_unreadable", "cannot read " + path.string());
  try {
    return json::parse(buf.str());
  } catch (const json::exception& e) {  // nlohmann reports syntax and UTF-8 errors by throwing
    return Corrupt(name, "calendar_bad_json", name + " is not valid JSON: " + e.what());
  }
}

Result<LocalDate> GetDate(const json& j, std::string_view key, const Where& w, bool required,
                          std::optional<LocalDate>* optional_out = nullptr) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, GetString(j, key, w, required));
  if (!text) {
    if (optional_out) optional_out->reset();
    return LocalDate{};
  }
  auto d = ParseLocalDate(*text, (w / key).Field());
  if (!d) return Invalid((w / key).Field(), "calendar_bad_date", (w / key).Field() + ": " + d.error().detail);
  if (optional_out) *optional_out = *d;
  return *d;
}

// ---- year files ----

// "vn-2025.json" -> 2025; -1 if the name is not vn-*.json at all; 0 if it is but not vn-YYYY.json.
int YearFromFileName(const std::string& name) {
  if (name.size() < 8 || name.rfind("vn-", 0) != 0 || name.substr(name.size() - 5) != ".json") return -1;
  const std::string middle = name.substr(3, name.size() - 8);
  return middle.size() == 4 ? ParseDigits<int>(middle).value_or(0) : 0;
}

Status ParseYearFile(const fs::path& path, int file_year, std::vector<DayEntry>& out) {
  MOTCUA_ASSIGN_OR_RETURN(json doc, ReadJson(path));
  const Where root{path.filename().string(), ""};
  MOTCUA_TRY(CheckObject(doc, root, {"format_version", "year", "country", "description", "entries"}));
  MOTCUA_TRY(CheckVersion(doc, root));
  MOTCUA_ASSIGN_OR_RETURN(int y, GetInt(doc, "year", root));
  if (y != file_year)
    return Invalid((root / "year").Field(), "calendar_year_mismatch",
                   root.file + " says \"year\": " + std::to_string(y) + "; the file name says " + std::to_string(file_year));
  MOTCUA_ASSIGN_OR_RETURN(auto country, GetString(doc, "country", root, true));
  if (*country != "VN") return BadFormat(root / "country", "country must be \"VN\", found \"" + *country + "\"");
  MOTCUA_TRY(GetString(doc, "description", root, false));
  auto entries = doc.find("entries");
  if (entries == doc.end()) return BadFormat(root / "entries", "missing key \"entries\"");
  if (!entries->is_array()) return BadFormat(root / "entries", std::string("expected an array, found ") + TypeName(*entries));
  for (std::size_t i = 0; i < entries->size(); ++i) {
    const json& j = (*entries)[i];
    const Where w = root / "entries" / i;
    MOTCUA_TRY(CheckObject(j, w, {"date", "kind", "name", "source", "note", "swapped_with"}));
    DayEntry e;
    e.origin = w.Field();
    MOTCUA_ASSIGN_OR_RETURN(e.date, GetDate(j, "date", w, true));
    if (int(year_month_day{e.date}.year()) != file_year)
      return Invalid((w / "date").Field(), "calendar_date_outside_year",
                     w.Field() + " (" + FormatLocalDate(e.date) + "): the date is not in " + std::to_string(file_year));
    MOTCUA_ASSIGN_OR_RETURN(auto kind, GetString(j, "kind", w, true));
    MOTCUA_ASSIGN_OR_RETURN(e.kind, ParseDayKind(*kind, (w / "kind").Field()));
    MOTCUA_ASSIGN_OR_RETURN(auto name, GetString(j, "name", w, true));
    MOTCUA_ASSIGN_OR_RETURN(auto source, GetString(j, "source", w, true));
    MOTCUA_ASSIGN_OR_RETURN(auto note, GetString(j, "note", w, false));
    // nlohmann has already rejected ill-formed UTF-8; store NFC (text.h).
    e.name = NormalizeNfc(*name);
    e.source = NormalizeNfc(*source);
    if (note) e.note = NormalizeNfc(*note);
    MOTCUA_TRY(GetDate(j, "swapped_with", w, false, &e.swapped_with));
    out.push_back(std::move(e));
  }
  return Ok();
}

// ---- hours.json ----

struct PartialWeek {
  std::optional<DayHours> weekdays, saturday, sunday;
};
struct RawSeason {
  std::string name;
  month_day from{}, to{};
  PartialWeek hours;
};
struct RawProfile {
  Where where;
  PartialWeek hours;
  std::optional<std::vector<RawSeason>> seasons;
  std::optional<std::string> extends;
  bool example = false;
};

Result<minutes> ParseHhMm(const json& j, const Where& w) {
  if (!j.is_string()) return BadFormat(w, std::string("expected \"HH:MM\", found ") + TypeName(j));
  const std::string s = j.get<std::string>();
  const bool shape = s.size() == 5 && s[2] == ':';
  const int h = shape ? ParseDigits<int>(std::string_view(s).substr(0, 2)).value_or(-1) : -1;
  const int m = shape ? ParseDigits<int>(std::string_view(s).substr(3, 2)).value_or(-1) : -1;
  if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0))
    return Invalid(w.Field(), "hours_bad_time", w.Field() + ": expected a time HH:MM from 00:00 to 24:00, got \"" + s + "\"");
  return minutes{h * 60 + m};
}

Result<DayHours> ParseDayHours(const json& j, const Where& w) {
  if (!j.is_array()) return BadFormat(w, std::string("expected an array of [\"HH:MM\", \"HH:MM\"], found ") + TypeName(j));
  DayHours out;
  for (std::size_t k = 0; k < j.size(); ++k) {
    const json& pair = j[k];
    if (!pair.is_array() || pair.size() != 2) return BadFormat(w / k, "expected [\"HH:MM\", \"HH:MM\"]");
    MOTCUA_ASSIGN_OR_RETURN(minutes b, ParseHhMm(pair[0], w / k / 0));
    MOTCUA_ASSIGN_OR_RETURN(minutes e, ParseHhMm(pair[1], w / k / 1));
    out.push_back({b, e});
  }
  MOTCUA_TRY(internal::ValidateDayHours(out, w.Field()));
  return out;
}

Result<PartialWeek> ParsePartialWeek(const json& j, const Where& w) {
  MOTCUA_TRY(CheckObject(j, w, {"weekdays", "saturday", "sunday"}));
  PartialWeek out;
  for (auto [key, dest] : {std::pair<const char*, std::optional<DayHours>*>{"weekdays", &out.weekdays},
                           {"saturday", &out.saturday},
                           {"sunday", &out.sunday}}) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    MOTCUA_ASSIGN_OR_RETURN(DayHours h, ParseDayHours(*it, w / key));
    *dest = std::move(h);
  }
  return out;
}

Result<month_day> ParseMonthDay(const json& j, std::string_view key, const Where& w) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, GetString(j, key, w, true));
  const std::string& s = *text;
  const bool shape = s.size() == 5 && s[2] == '-';
  const int m = shape ? ParseDigits<int>(std::string_view(s).substr(0, 2)).value_or(0) : 0;
  const int d = shape ? ParseDigits<int>(std::string_view(s).substr(3, 2)).value_or(0) : 0;
  const month_day md{month{unsigned(m)}, day{unsigned(d)}};
  if (!(year{2000} / md).ok())
    return Invalid((w / key).Field(), "hours_bad_season", (w / key).Field() + ": expected a month-day MM-DD, got \"" + s + "\"");
  return md;
}

Result<std::map<std::string, RawProfile>> ParseHoursFile(const fs::path& dir) {
  const fs::path path = dir / kHoursFile;
  std::error_code ec;
  if (!fs::exists(path, ec))
    return NotFound(kHoursFile, "hours_not_found", "no " + std::string(kHoursFile) + " in " + dir.string());
  MOTCUA_ASSIGN_OR_RETURN(json doc, ReadJson(path));
  const Where root{kHoursFile, ""};
  MOTCUA_TRY(CheckObject(doc, root, {"format_version", "profiles"}));
  MOTCUA_TRY(CheckVersion(doc, root));
  auto profiles = doc.find("profiles");
  if (profiles == doc.end()) return BadFormat(root / "profiles", "missing key \"profiles\"");
  if (!profiles->is_object()) return BadFormat(root / "profiles", "expected an object of named profiles");
  std::map<std::string, RawProfile> out;
  for (auto it = profiles->begin(); it != profiles->end(); ++it) {
    const Where w = root / "profiles" / it.key();
    const json& j = it.value();
    MOTCUA_TRY(CheckObject(j, w, {"description", "source", "applies_to", "example", "extends", "hours", "seasons"}));
    RawProfile p;
    p.where = w;
    MOTCUA_TRY(GetString(j, "description", w, false));
    MOTCUA_TRY(GetString(j, "source", w, false));
    if (auto a = j.find("applies_to"); a != j.end()) {
      if (!a->is_array()) return BadFormat(w / "applies_to", "expected an array of strings");
      for (std::size_t k = 0; k < a->size(); ++k)
        if (!(*a)[k].is_string()) return BadFormat(w / "applies_to" / k, "expected a string");
    }
    if (auto e = j.find("example"); e != j.end()) {
      if (!e->is_boolean()) return BadFormat(w / "example", "expected true or false");
      p.example = e->get<bool>();
    }
    MOTCUA_ASSIGN_OR_RETURN(p.extends, GetString(j, "extends", w, false));
    if (auto h = j.find("hours"); h != j.end()) {
      MOTCUA_ASSIGN_OR_RETURN(p.hours, ParsePartialWeek(*h, w / "hours"));
    }
    if (auto s = j.find("seasons"); s != j.end()) {
      if (!s->is_array()) return BadFormat(w / "seasons", "expected an array of seasons");
      std::vector<RawSeason> seasons;
      for (std::size_t k = 0; k < s->size(); ++k) {
        const json& sj = (*s)[k];
        const Where sw = w / "seasons" / k;
        MOTCUA_TRY(CheckObject(sj, sw, {"name", "from", "to", "hours"}));
        RawSeason rs;
        MOTCUA_ASSIGN_OR_RETURN(auto name, GetString(sj, "name", sw, true));
        rs.name = NormalizeNfc(*name);
        MOTCUA_ASSIGN_OR_RETURN(rs.from, ParseMonthDay(sj, "from", sw));
        MOTCUA_ASSIGN_OR_RETURN(rs.to, ParseMonthDay(sj, "to", sw));
        auto h = sj.find("hours");
        if (h == sj.end()) return BadFormat(sw / "hours", "missing key \"hours\"");
        MOTCUA_ASSIGN_OR_RETURN(rs.hours, ParsePartialWeek(*h, sw / "hours"));
        seasons.push_back(std::move(rs));
      }
      p.seasons = std::move(seasons);
    }
    out.emplace(it.key(), std::move(p));
  }
  return out;
}

void Apply(const PartialWeek& over, WeekHours& week) {
  if (over.weekdays) week.weekdays = *over.weekdays;
  if (over.saturday) week.saturday = *over.saturday;
  if (over.sunday) week.sunday = *over.sunday;
}

// Resolves "extends": the ancestors' hours, overridden from the root down; the nearest "seasons" list;
// each season = the resolved week overridden by what the season lists.
Result<HoursProfile> ResolveProfile(const std::map<std::string, RawProfile>& raw, const std::string& name) {
  std::vector<const RawProfile*> chain;
  std::set<std::string> seen;
  for (std::string cur = name;;) {
    const RawProfile& p = raw.at(cur);
    chain.push_back(&p);
    seen.insert(cur);
    if (!p.extends) break;
    const Where w = p.where / "extends";
    if (!raw.count(*p.extends))
      return Invalid(w.Field(), "hours_bad_extends", w.Field() + ": no profile named \"" + *p.extends + "\"");
    if (seen.count(*p.extends))
      return Invalid(w.Field(), "hours_bad_extends", w.Field() + ": \"" + *p.extends + "\" makes a cycle");
    cur = *p.extends;
  }
  HoursProfile out;
  out.name = name;
  out.is_example = chain.front()->example;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) Apply((*it)->hours, out.hours);
  for (const RawProfile* p : chain)
    if (p->seasons) {
      for (const RawSeason& rs : *p->seasons) {
        Season s{rs.name, rs.from, rs.to, out.hours};
        Apply(rs.hours, s.hours);
        out.seasons.push_back(std::move(s));
      }
      break;
    }
  MOTCUA_TRY(internal::ValidateProfile(out, chain.front()->where.Field()));
  return out;
}

}  // namespace

Result<std::vector<std::string>> ListProfiles(const fs::path& dir) {
  MOTCUA_ASSIGN_OR_RETURN(auto raw, ParseHoursFile(dir));
  std::vector<std::string> names;
  for (const auto& [name, p] : raw) names.push_back(name);
  return names;
}

Result<WorkingCalendar> LoadCalendar(const fs::path& dir, const CalendarOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return NotFound("calendar", "calendar_not_found", "no calendar directory at " + dir.string());
  std::map<int, fs::path> year_files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const int y = YearFromFileName(name);
    if (y < 0) continue;
    if (y == 0)
      return Invalid(name, "calendar_bad_file_name", name + ": calendar year files are named vn-YYYY.json");
    year_files.emplace(y, it->path());
  }
  if (ec) return Unavailable("calendar", "calendar_unreadable", "cannot list " + dir.string() + ": " + ec.message());
  if (year_files.empty())
    return NotFound("calendar", "calendar_no_years", "no vn-YYYY.json year files in " + dir.string());

  CalendarSpec spec;
  spec.first_year = year_files.begin()->first;
  spec.last_year = year_files.rbegin()->first;
  for (int y = spec.first_year; y <= spec.last_year; ++y)
    if (!year_files.count(y))
      return Invalid("calendar", "calendar_year_missing",
                     "vn-" + std::to_string(y) + ".json is missing: the calendar must cover " +
                         std::to_string(spec.first_year) + "-" + std::to_string(spec.last_year) + " without gaps");
  for (const auto& [y, path] : year_files) MOTCUA_TRY(ParseYearFile(path, y, spec.entries));

  MOTCUA_ASSIGN_OR_RETURN(auto raw, ParseHoursFile(dir));
  if (!raw.count(options.profile)) {
    std::string names;
    for (const auto& [name, p] : raw) names += (names.empty() ? "" : ", ") + name;
    return Invalid("profile", "unknown_profile",
                   "no hours profile \"" + options.profile + "\" in " + std::string(kHoursFile) + " (profiles: " + names + ")");
  }
  MOTCUA_ASSIGN_OR_RETURN(spec.profile, ResolveProfile(raw, options.profile));
  spec.weekdays_beyond_coverage = options.weekdays_beyond_coverage;
  return BuildCalendar(std::move(spec));
}

}  // namespace motcua::calendar
