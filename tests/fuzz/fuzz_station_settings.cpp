// workflow::ParseStationSettings (workflow/desk_settings.h) over stored settings as an intruder or a
// broken tool could leave them. The input is lines "key=value"; each value is what GetSetting would
// return. A failure is kCorrupt/"bad_setting" naming a key; a success keeps the table's ranges.
#include <map>
#include <string>

#include "codes/dossier_code.h"
#include "fuzz_check.h"
#include "workflow/desk_settings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  std::map<std::string, std::string, std::less<>> stored;
  std::string_view rest = fuzz::AsText(data, size);
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    const auto eq = line.find('=');
    if (eq != std::string_view::npos) stored[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
  }
  const auto parsed = workflow::ParseStationSettings([&](std::string_view key) -> Result<std::optional<std::string>> {
    auto it = stored.find(key);
    return it == stored.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
  if (!parsed) {
    FUZZ_CHECK(parsed.error().code == ErrorCode::kCorrupt && parsed.error().rule == "bad_setting", fuzz::Why(parsed));
    FUZZ_CHECK(!parsed.error().field.empty(), fuzz::Why(parsed));
    return 0;
  }
  const workflow::DeskSettings& d = parsed->desk;
  FUZZ_CHECK(d.slot_count >= 1 && d.slot_count <= codes::kMaxSlotCount, std::to_string(d.slot_count));
  FUZZ_CHECK(d.station_slot >= 0 && d.station_slot < d.slot_count, std::to_string(d.station_slot));
  FUZZ_CHECK(codes::ValidateAgencyIdentifier(d.agency_id).has_value(), d.agency_id);
  FUZZ_CHECK(codes::SlotCapacity(d.station_slot, d.slot_count).has_value(), "capacity");
  return 0;
}
