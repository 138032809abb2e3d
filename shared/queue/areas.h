// The queue's configuration: service areas (khu vực / nhóm dịch vụ), the priority groups the law puts
// first, and the center's queue settings.
//
// A service area is a line of citizens with its own letter and numbers ("A", A001, A002, ...): a group
// of fields (lĩnh vực) or procedures, served by the counters it names. Areas are store Records of kind
// "queue.area" (key = the letter), journaled "queue.area_saved", so every station of a center sees the
// same lines. `motcua init` creates the areas of assets/queue/areas.json (at least "A").
//
// Priority groups are data (assets/queue/priority_groups.json): who the law says is served first at a
// public counter. Which groups apply is the center's choice; the file says where each comes from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "roles/roles.h"
#include "speech/spoken_number.h"
#include "store/store.h"

namespace motcua::queue {

inline constexpr const char* kAreaKind = "queue.area";

struct Area {
  std::string letter;                   // "A" .. "Z", or two letters ("AB"): the ticket's prefix
  std::string name;                     // shown on the kiosk and the board, e.g. "Đất đai - Xây dựng"
  std::string name_en;                  // the same in English ("" = use `name`)
  std::string icon;                     // an icon key the apps draw ("general", "land", ...; "" = general)
  std::vector<std::string> fields;      // catalog fields (lĩnh vực) served here; may be empty
  std::vector<std::string> procedures;  // catalog procedure codes served here; may be empty
  std::vector<std::string> counters;    // counters that call this line ("5", "Quầy 5"); empty = every counter
  int first_number = 1;                 // the day's first number (1..9000, default 1)
  int digits = 3;                       // numbers are zero-padded to this width (1..6, default 3): A007
  bool active = true;                   // an inactive area takes no new tickets (its line can still be called)
  std::int64_t version = 0;             // the store record's version (0 = new)
};

// Errors (kInvalid): ("letter", "bad_letter") unless 1-2 capital letters A-Z; ("name", "required" /
// "too_long" / "bad_utf8"); ("first_number", "out_of_range"); ("digits", "out_of_range");
// ("counters", "bad_counter") for an empty or over-long counter name.
Status ValidateArea(const Area& area);

// Creates or replaces an area (area.version = the version read, 0 to create). Needs
// Permission::kManageCatalog. Errors: ValidateArea's; ("role", "not_allowed"); the store's
// (kConflict "duplicate_record" / "stale_update").
Result<Area> SaveArea(store::Store& store, const roles::Actor& actor, const Area& area, Instant now);
// As SaveArea, inside a caller's transaction (`motcua init` writes its areas with its other settings).
Status SaveAreaInTx(store::WriteTx& tx, const roles::Actor& actor, const Area& area, Instant now);

// Every area, by letter. Errors: the store's; kCorrupt ("queue.area", "bad_record").
Result<std::vector<Area>> ListAreas(store::Store& store);
Result<std::optional<Area>> GetArea(store::Store& store, std::string_view letter);
// Reads an area record. Errors: kCorrupt ("queue.area", "bad_record").
Result<Area> AreaFromRecord(const store::Record& r);

// The areas `counter` calls: those naming it, and those naming no counter at all.
std::vector<Area> AreasForCounter(const std::vector<Area>& areas, std::string_view counter);

// The areas a center starts with. Errors: kInvalid ("areas", "bad_file") naming what is wrong, the
// file's read errors, ValidateArea's.
Result<std::vector<Area>> LoadDefaultAreas(const std::filesystem::path& assets_dir);

struct PriorityGroup {
  std::string key;      // "elderly", "disability", ...
  std::string name;     // Vietnamese, as the kiosk shows it
  std::string name_en;
  std::string icon;     // icon key for the kiosk
  std::string basis;    // where the law says so (and whether that is verified)
};

// assets/queue/priority_groups.json. Errors: kInvalid ("priority_groups", "bad_file"); read errors.
Result<std::vector<PriorityGroup>> LoadPriorityGroups(const std::filesystem::path& assets_dir);

// The center's queue settings (store settings "queue.*").
struct QueueSettings {
  // At most this many priority tickets are called in a row in one area while a normal ticket waits
  // there; the next call then takes the normal one (nobody waits forever). 0 = no priority at all.
  int priority_streak_max = 3;             // "queue.priority_streak_max", 0..20, default 3
  int default_service_minutes = 8;         // "queue.service_minutes", 1..240: the estimate with no history
  int estimate_samples = 20;               // "queue.estimate_samples", 3..500: recent services in the estimate
};
// Errors: kCorrupt ("queue.priority_streak_max" | ..., "bad_setting") for a value that is not a whole
// number in range; the store's.
Result<QueueSettings> LoadQueueSettings(store::Store& store);

// The queue's settings keys: the three above and how the board reads numbers aloud
// ("queue.speech.thousand" nghìn|ngàn, "queue.speech.zero_tens" linh|lẻ, "queue.speech.four" tư|bốn).
const char* const* QueueSettingKeys();  // nullptr-terminated
// Checks and stores one of them, journaling "station.settings_changed". Needs Permission::kManageCatalog.
// Errors: ("key", "unknown_setting"); (key, "out_of_range" / "not_a_choice"); ("role", "not_allowed");
// the store's. Nothing changes on an error.
Status SaveQueueSetting(store::Store& store, const roles::Actor& actor, std::string_view key,
                        std::string_view value, Instant now);
// How the center reads numbers aloud (the queue.speech.* settings; northern when unset).
// Errors: kCorrupt (key, "bad_setting") for a stored value that is not a choice; the store's.
Result<speech::NumberReading> LoadNumberReading(store::Store& store);

}  // namespace motcua::queue
