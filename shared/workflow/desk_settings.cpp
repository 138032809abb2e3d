#include "workflow/desk_settings.h"

#include "codes/dossier_code.h"
#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::workflow {
namespace {

Error Bad(std::string_view key, const std::string& why) {
  return Corrupt(std::string(key), "bad_setting", "the setting " + std::string(key) + " " + why);
}

Result<std::string> Text(const SettingLookup& get, std::string_view key, const std::string& fallback) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, get(key));
  if (!v) return fallback;
  if (auto ok = CheckTextLine(*v, key, kMaxLabelChars); !ok) return Bad(key, ok.error().detail);
  return *v;
}

Result<int> Number(const SettingLookup& get, std::string_view key, int fallback, int lo, int hi) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, get(key));
  if (!v) return fallback;
  const std::optional<int> n = ParseDigits<int>(*v);
  if (!n || *n < lo || *n > hi)
    return Bad(key, "is \"" + *v + "\"; expected a whole number from " + std::to_string(lo) + " to " +
                        std::to_string(hi));
  return *n;
}

// One of `choices` (the first is the default).
Result<std::string> Choice(const SettingLookup& get, std::string_view key, std::initializer_list<const char*> choices) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, get(key));
  if (!v) return std::string(*choices.begin());
  std::string names;
  for (const char* c : choices) {
    if (*v == c) return *v;
    names += std::string(names.empty() ? "" : " or ") + c;
  }
  return Bad(key, "is \"" + *v + "\"; expected " + names);
}

}  // namespace

Result<StationSettings> ParseStationSettings(const SettingLookup& get) {
  StationSettings out;
  DeskSettings& d = out.desk;
  MOTCUA_ASSIGN_OR_RETURN(d.agency_id, Text(get, "agency_id", kDefaultAgencyId));
  if (auto ok = codes::ValidateAgencyIdentifier(d.agency_id, "agency_id"); !ok)
    return Bad("agency_id", ok.error().detail);
  MOTCUA_ASSIGN_OR_RETURN(d.agency_name, Text(get, "agency_name", kDefaultAgencyName));
  MOTCUA_ASSIGN_OR_RETURN(d.receiving_unit, Text(get, "receiving_unit", kDefaultReceivingUnit));
  MOTCUA_ASSIGN_OR_RETURN(d.place_name, Text(get, "place_name", kDefaultPlaceName));
  MOTCUA_ASSIGN_OR_RETURN(d.slot_count, Number(get, "slot_count", 10, 1, codes::kMaxSlotCount));
  MOTCUA_ASSIGN_OR_RETURN(d.station_slot, Number(get, "station_slot", 0, 0, d.slot_count - 1));
  MOTCUA_ASSIGN_OR_RETURN(std::string policy, Choice(get, "supplement_policy", {"restart", "shift"}));
  d.supplement_policy = policy == "shift" ? SupplementPolicy::kShift : SupplementPolicy::kRestart;
  MOTCUA_ASSIGN_OR_RETURN(out.calendar_profile, Text(get, "calendar_profile", "default"));
  MOTCUA_ASSIGN_OR_RETURN(std::string provisional, Choice(get, "calendar_provisional_beyond_data", {"true", "false"}));
  out.calendar_provisional_beyond_data = provisional == "true";
  return out;
}

}  // namespace motcua::workflow
