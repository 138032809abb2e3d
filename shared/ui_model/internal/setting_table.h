// Reading a table of store settings (kiosk.*, board.*) into a struct through the one function that knows
// each key's rules, so a value edited by hand into the database is refused by name, never half-read.
#pragma once

#include <string>

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

}  // namespace motcua::ui::internal
