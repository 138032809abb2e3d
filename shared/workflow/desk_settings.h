// The center's desk settings as the store keeps them (text values under fixed keys), read by one
// function that refuses what it does not understand instead of silently falling back: a supplement
// policy spelled wrongly must not quietly become "restart" and move every due date.
//
//   key                                value                                   when absent
//   agency_id                          QCVN 102 identifier (codes/dossier_code.h)  kDefaultAgencyId
//   agency_name, receiving_unit,       one line, at most kMaxLabelChars            kDefaultAgencyName,
//   place_name                                                                     kDefaultReceivingUnit,
//                                                                                  kDefaultPlaceName
//   station_slot                       0 .. slot_count - 1                         0
//   slot_count                         1 .. codes' kMaxSlotCount                   10
//   supplement_policy                  "restart" | "shift"                         "restart"
//   calendar_profile                   a profile name of assets/calendar/hours.json  "default"
//   calendar_provisional_beyond_data   "true" | "false"                            "true"
//
// One loader for every program (the CLI, the counter, the kiosk, the board): one database prints one
// receipt header. The defaults are what `motcua init` writes when not told otherwise (the sample
// center), so an absent key reads as a fresh database would hold it.
// Pure: the caller passes a lookup (the store's GetSetting, or a map in tests and the fuzzer).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "workflow/desk.h"

namespace motcua::workflow {

inline constexpr const char* kDefaultAgencyId = "000.00.00.X00";  // QCVN 102's placeholder: not a real agency
inline constexpr const char* kDefaultAgencyName = "UBND TỈNH TUYÊN QUANG";
inline constexpr const char* kDefaultReceivingUnit = "Trung tâm Phục vụ hành chính công tỉnh";
inline constexpr const char* kDefaultPlaceName = "Tuyên Quang";

struct StationSettings {
  DeskSettings desk;
  std::string calendar_profile = "default";
  // Until next year's official schedule is added to assets/calendar, due dates that reach into it skip
  // weekends only and are flagged provisional, rather than refusing the dossier (default true).
  bool calendar_provisional_beyond_data = true;
};

using SettingLookup = std::function<Result<std::optional<std::string>>(std::string_view key)>;

// Errors: the lookup's; kCorrupt/"bad_setting" naming the key (a stored value that breaks its rule:
// the database was edited by hand or written by a broken tool).
Result<StationSettings> ParseStationSettings(const SettingLookup& get);

}  // namespace motcua::workflow
