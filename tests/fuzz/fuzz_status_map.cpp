// dossier::ParseStatusMap (dossier/lifecycle.h): assets/dvc/status-map.json, the table from internal
// states to the national TrangThaiHoSo codes. A success must map every state to a code in 1-10, and
// to exactly the integer the file gives for it (a code is never silently changed). Errors are
// kInvalid/"bad_status_map".
#include <nlohmann/json.hpp>

#include "dossier/lifecycle.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  using namespace motcua::dossier;
  const std::string_view text = fuzz::AsText(data, size);
  const auto map = ParseStatusMap(text);
  if (!map) {
    FUZZ_CHECK(map.error().code == ErrorCode::kInvalid && map.error().rule == "bad_status_map",
               fuzz::Why(map));
    return 0;
  }
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(j.is_object() && j.contains("map"), "accepted without a map");
  for (int s = 0; s < kStateCount; ++s) {
    const State state = static_cast<State>(s);
    const int code = map->National(state);
    FUZZ_CHECK(code >= 1 && code <= 10, StateKey(state));
    const nlohmann::json& value = j["map"][StateKey(state)];
    FUZZ_CHECK(value.is_number_integer() && value.get<std::int64_t>() == code,
               std::string(StateKey(state)) + ": the file says " + value.dump() + ", the map holds " +
                   std::to_string(code));
  }
  return 0;
}
