// The kiosk's on-screen keyboard, drawn: rows of big keys from the model's layout
// (ui_model/osk.h: OskRows, OskKey). The widget only draws and reports the key tapped; the model
// (OskField::Press) decides what the key does, so Telex composition, shift and the digits layout
// are tested without ImGui. A character key shows its label as is; every other key's label is a
// string-table key (osk.h), shown as Tr(lang, label), so a missing entry shows as "[osk.done]"
// and is recorded for the apps' missing-key tests.
//
// Layout: every row shares one key unit, sized so the row with the most units
// (sum of width_units) fills width_px; a key of u units is u units wide plus the gaps it spans,
// so a 2-unit key lines up with two 1-unit keys. Shorter rows are centred. Keys are at least the
// theme's touch target tall (kiosk: 64 px at scale 1); a 10-key row in portrait (1080 px wide)
// gives keys of ~100 px, in landscape (1920 px) ~180 px. Character keys use the heading font, so
// a Vietnamese letter with its marks is readable from arm's length; "Done" is the primary colour.
//
// Keys are our Button (widgets.h): a key fires on release, a finger sliding off cancels, and a
// press that became a drag (touch.h) never types.
//
// Test hook: each key is recorded in the item locator (widgets.h) as "osk_<label>" for a
// character key (e.g. "osk_a", "osk_Ă", "osk_7") and "osk_backspace", "osk_shift", "osk_space",
// "osk_layout", "osk_done", "osk_clear" for the others.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui_model/osk.h"
#include "ui_model/strings.h"

namespace motcua::ui {

// Draws `rows` at the cursor, `width_px` wide (<= 0: the available width) with keys
// max(key_height_px, CurrentMetrics().touch_target_px) tall and 8 px gaps (at scale 1), labels in
// `lang`, and returns the key tapped this frame, if any (a copy of the row's key). Empty rows and
// keys of width_units <= 0 take no space. Call inside a window; the whole keyboard is one item
// for layout (a group), as wide as width_px.
std::optional<OskKey> DrawOnScreenKeyboard(const std::vector<OskRow>& rows, float width_px,
                                           float key_height_px, Lang lang = Lang::kVi);

// The item-locator name of `key` (see above), for tests and for screens that place their own keys.
std::string OskKeyLocatorName(const OskKey& key);

}  // namespace motcua::ui
