#include "queue/areas.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "common/files.h"
#include "common/number_parse.h"
#include "common/text.h"
#include "queue/internal/ticket_record.h"
#include "workflow/desk.h"

namespace motcua::queue {
namespace {

using nlohmann::json;

constexpr int kMaxCounterChars = 40;

bool IsLetterCode(std::string_view s) {
  if (s.empty() || s.size() > 2) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

json AreaToJson(const Area& a) {
  return {{"letter", a.letter},         {"name", a.name},     {"name_en", a.name_en},
          {"icon", a.icon},             {"fields", a.fields}, {"procedures", a.procedures},
          {"counters", a.counters},     {"first_number", a.first_number},
          {"digits", a.digits},         {"active", a.active}};
}

// Reads an area from a record body or the defaults file; throws nlohmann's exceptions on a wrong type.
Area AreaFromJson(const json& j) {
  Area a;
  a.letter = j.at("letter").get<std::string>();
  a.name = j.at("name").get<std::string>();
  a.name_en = j.value("name_en", "");
  a.icon = j.value("icon", "");
  a.fields = j.value("fields", std::vector<std::string>{});
  a.procedures = j.value("procedures", std::vector<std::string>{});
  a.counters = j.value("counters", std::vector<std::string>{});
  a.first_number = j.value("first_number", 1);
  a.digits = j.value("digits", 3);
  a.active = j.value("active", true);
  return a;
}

}  // namespace

Result<Area> AreaFromRecord(const store::Record& r) {
  const json j = json::parse(r.body_json, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Corrupt("queue.area", "bad_record", "queue area \"" + r.key + "\" is not a JSON object");
  try {
    Area a = AreaFromJson(j);
    a.version = r.version;
    return a;
  } catch (const json::exception& e) {
    return Corrupt("queue.area", "bad_record", "queue area \"" + r.key + "\": " + e.what());
  }
}

namespace {

Result<int> IntSetting(store::Store& store, const char* key, int fallback, int lo, int hi) {
  MOTCUA_ASSIGN_OR_RETURN(auto text, store.GetSetting(key));
  if (!text || text->empty()) return fallback;
  const std::optional<int> v = ParseDigits<int>(*text, {.max_digits = 4});
  if (!v || *v < lo || *v > hi)
    return Corrupt(key, "bad_setting",
                   std::string(key) + " must be a whole number from " + std::to_string(lo) + " to " +
                       std::to_string(hi) + ", got \"" + *text + "\"");
  return *v;
}

}  // namespace

Status ValidateArea(const Area& a) {
  if (!IsLetterCode(a.letter))
    return Invalid("letter", "bad_letter", "an area's letter is 1 or 2 capital letters A-Z, got \"" + a.letter + "\"");
  if (a.name.empty()) return Invalid("name", "required", "an area needs a name");
  MOTCUA_TRY(CheckTextLine(a.name, "name", kMaxLabelChars));
  MOTCUA_TRY(CheckTextLine(a.name_en, "name_en", kMaxLabelChars));
  MOTCUA_TRY(CheckTextLine(a.icon, "icon", kMaxCodeChars));
  if (a.first_number < 1 || a.first_number > 9000)
    return Invalid("first_number", "out_of_range", "the first number is 1 to 9000");
  if (a.digits < 1 || a.digits > 6) return Invalid("digits", "out_of_range", "numbers are padded to 1 to 6 digits");
  for (const std::string& c : a.counters) {
    if (c.empty() || !IsValidUtf8(c) || c.size() > std::size_t(kMaxCounterChars))
      return Invalid("counters", "bad_counter", "a counter is named by 1 to 40 characters, got \"" + c + "\"");
  }
  for (const std::string& f : a.fields) MOTCUA_TRY(CheckTextLine(f, "fields", kMaxLabelChars));
  for (const std::string& p : a.procedures) MOTCUA_TRY(CheckTextLine(p, "procedures", kMaxCodeChars));
  return Ok();
}

Status SaveAreaInTx(store::WriteTx& tx, const roles::Actor& actor, const Area& area, Instant now) {
  MOTCUA_TRY(ValidateArea(area));
  const json body = AreaToJson(area);
  MOTCUA_TRY(tx.PutRecord({kAreaKind, area.letter, area.active ? "active" : "inactive", now, body.dump(),
                           area.version}));
  return internal::AppendQueueEvent(tx, actor, "queue.area_saved", now, body.dump());
}

Result<Area> SaveArea(store::Store& store, const roles::Actor& actor, const Area& area, Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kManageCatalog));
  MOTCUA_TRY(store.Write([&](store::WriteTx& tx) { return SaveAreaInTx(tx, actor, area, now); }));
  Area saved = area;
  saved.version = area.version + 1;
  return saved;
}

Result<std::vector<Area>> ListAreas(store::Store& store) {
  store::RecordQuery q;
  q.kind = kAreaKind;
  MOTCUA_ASSIGN_OR_RETURN(auto records, store.ListRecords(q));
  std::vector<Area> out;
  for (const store::Record& r : records) {
    MOTCUA_ASSIGN_OR_RETURN(Area a, AreaFromRecord(r));
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const Area& x, const Area& y) { return x.letter < y.letter; });
  return out;
}

Result<std::optional<Area>> GetArea(store::Store& store, std::string_view letter) {
  MOTCUA_ASSIGN_OR_RETURN(auto r, store.GetRecord(kAreaKind, letter));
  if (!r) return std::optional<Area>();
  MOTCUA_ASSIGN_OR_RETURN(Area a, AreaFromRecord(*r));
  return std::optional<Area>(std::move(a));
}

std::vector<Area> AreasForCounter(const std::vector<Area>& areas, std::string_view counter) {
  std::vector<Area> out;
  for (const Area& a : areas) {
    if (a.counters.empty() || std::find(a.counters.begin(), a.counters.end(), counter) != a.counters.end())
      out.push_back(a);
  }
  return out;
}

Result<std::vector<Area>> LoadDefaultAreas(const std::filesystem::path& assets_dir) {
  const auto path = assets_dir / "queue" / "areas.json";
  MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadRegularFile(path, "areas", kMaxJsonFileBytes));
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("areas") || !j["areas"].is_array() || j["areas"].empty())
    return Invalid("areas", "bad_file", path.string() + ": expected {\"areas\": [at least one area]}");
  std::vector<Area> out;
  try {
    for (const json& item : j["areas"]) out.push_back(AreaFromJson(item));
  } catch (const json::exception& e) {
    return Invalid("areas", "bad_file", path.string() + ": " + e.what());
  }
  for (const Area& a : out) MOTCUA_TRY(ValidateArea(a));
  return out;
}

Result<std::vector<PriorityGroup>> LoadPriorityGroups(const std::filesystem::path& assets_dir) {
  const auto path = assets_dir / "queue" / "priority_groups.json";
  MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadRegularFile(path, "priority_groups", kMaxJsonFileBytes));
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("groups") || !j["groups"].is_array())
    return Invalid("priority_groups", "bad_file", path.string() + ": expected {\"groups\": [...]}");
  std::vector<PriorityGroup> out;
  try {
    for (const json& g : j["groups"]) {
      PriorityGroup p{g.at("key").get<std::string>(), g.at("name").get<std::string>(), g.value("name_en", ""),
                      g.value("icon", ""), g.value("basis", "")};
      if (p.key.empty() || p.name.empty())
        return Invalid("priority_groups", "bad_file", path.string() + ": a group needs a key and a name");
      out.push_back(std::move(p));
    }
  } catch (const json::exception& e) {
    return Invalid("priority_groups", "bad_file", path.string() + ": " + e.what());
  }
  return out;
}

const char* const* QueueSettingKeys() {
  static constexpr const char* kKeys[] = {"queue.priority_streak_max", "queue.service_minutes",
                                          "queue.estimate_samples",    "queue.speech.thousand",
                                          "queue.speech.zero_tens",    "queue.speech.four",
                                          nullptr};
  return kKeys;
}

Status SaveQueueSetting(store::Store& store, const roles::Actor& actor, std::string_view key,
                        std::string_view value, Instant now) {
  MOTCUA_TRY(roles::Require(actor, roles::Permission::kManageCatalog));
  const std::string k(key);
  struct Range {
    const char* key;
    int lo, hi;
  };
  static constexpr Range kRanges[] = {{"queue.priority_streak_max", 0, 20},
                                      {"queue.service_minutes", 1, 240},
                                      {"queue.estimate_samples", 3, 500}};
  bool known = false;
  for (const Range& r : kRanges) {
    if (k != r.key) continue;
    known = true;
    const int v = ParseDigits<int>(value, {.max_digits = 4}).value_or(-1);  // -1: not a number
    if (v < r.lo || v > r.hi)
      return Invalid(k, "out_of_range", k + " is a whole number from " + std::to_string(r.lo) + " to " +
                                            std::to_string(r.hi));
  }
  if (k.rfind("queue.speech.", 0) == 0) {
    known = k == "queue.speech.thousand" || k == "queue.speech.zero_tens" || k == "queue.speech.four";
    if (known) {
      const std::string_view none;
      auto parsed = speech::ParseNumberReading(k == "queue.speech.thousand" ? value : none,
                                               k == "queue.speech.zero_tens" ? value : none,
                                               k == "queue.speech.four" ? value : none);
      if (!parsed) return Invalid(k, parsed.error().rule, parsed.error().detail);
    }
  }
  if (!known) return Invalid("key", "unknown_setting", "no queue setting \"" + k + "\"");
  const std::string clean = NormalizeNfc(value);
  return workflow::SaveJournaledSetting(store, actor, k, clean, clean, now);
}

Result<speech::NumberReading> LoadNumberReading(store::Store& store) {
  constexpr const char* kKeys[3] = {"queue.speech.thousand", "queue.speech.zero_tens", "queue.speech.four"};
  std::string values[3];
  for (int i = 0; i < 3; ++i) {
    MOTCUA_ASSIGN_OR_RETURN(auto v, store.GetSetting(kKeys[i]));
    values[i] = v.value_or("");
  }
  auto reading = speech::ParseNumberReading(values[0], values[1], values[2]);
  if (!reading) return Corrupt(reading.error().field, "bad_setting", reading.error().detail);
  return reading;
}

Result<QueueSettings> LoadQueueSettings(store::Store& store) {
  QueueSettings s;
  MOTCUA_ASSIGN_OR_RETURN(s.priority_streak_max,
                          IntSetting(store, "queue.priority_streak_max", s.priority_streak_max, 0, 20));
  MOTCUA_ASSIGN_OR_RETURN(s.default_service_minutes,
                          IntSetting(store, "queue.service_minutes", s.default_service_minutes, 1, 240));
  MOTCUA_ASSIGN_OR_RETURN(s.estimate_samples, IntSetting(store, "queue.estimate_samples", s.estimate_samples, 3, 500));
  return s;
}

}  // namespace motcua::queue
