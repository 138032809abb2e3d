// Reading a table of store settings (kiosk.*, board.*) into a struct through the one function that knows
// each key's rules, so a value edited by hand into the database is refused by name, never half-read.
#pragma once

#include <string>
#include <string_view>

#include "common/number_parse.h"
#include "common/result.h"
#include "store/store.h"

namespace motcua::ui::internal {

// For each key of the nullptr-terminated `keys` the store holds, `assign(settings, key, value)`.
// Errors: the store's; kCorrupt (key, "bad_setting") for a stored value `assign` refuses.
template <class Settings, class Assign>
Status ReadSettingTable(store::Store& store, const char* const* keys, Settings& settings, Assign assign) {
  for (const char* const* key = keys; *key; ++key) {
    MOTCUA_ASSIGN_OR_RETURN(auto value, store.GetSetting(*key));
    if (!value) continue;
    if (Status st = assign(settings, *key, *value); !st.has_value())
      return Corrupt(*key, "bad_setting",
                     "the stored setting " + std::string(*key) + " is not valid: " + st.error().detail);
  }
  return Ok();
}

// A whole-number setting in lo..hi: ASCII digits only, no sign, at most `max_digits` of them (0: as many
// as Int's largest value has; common/number_parse.h). Errors: kInvalid (key, "bad_value") for anything
// else, a value out of Int's range included; kInvalid (key, "out_of_range") naming lo..hi.
template <class Int>
Result<Int> WholeNumberSetting(std::string_view key, std::string_view value, Int lo, Int hi, int max_digits = 0) {
  const std::optional<Int> n = ParseDigits<Int>(value, {.max_digits = max_digits});
  if (!n) return Invalid(std::string(key), "bad_value", std::string(key) + " must be a whole number");
  if (*n < lo || *n > hi)
    return Invalid(std::string(key), "out_of_range",
                   std::string(key) + " must be within " + std::to_string(lo) + ".." + std::to_string(hi));
  return *n;
}

}  // namespace motcua::ui::internal
