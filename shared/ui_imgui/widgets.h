// Small widgets both apps use, drawn in the current theme (theme.h). Each takes plain data and
// returns what the user did; none holds state between frames except what ImGui keeps by ID.
//
// Test hook: with SetItemLocatorEnabled(true), every widget here records its screen rectangle
// under its label each frame, so tests/ui_smoke can click "##submit" by name (the Debian build of
// ImGui has no test engine, stack.md §13).
#pragma once

#include <imgui.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ui_imgui/fonts.h"
#include "ui_model/tone.h"

namespace motcua::ui {

// ---- Buttons --------------------------------------------------------------------------------

struct ButtonOptions {
  Tone tone = Tone::kNeutral;  // default neutral (grey); kInfo is the primary action colour
  bool is_big = false;         // default false; true = at least CurrentMetrics().big_button_height_px
  float width_px = 0.0f;       // default 0 = fit the label; < 0 = fill the available width
  bool is_enabled = true;      // default true; false = drawn greyed and never returns true
  float height_px = 0.0f;      // default 0 = the theme's minimum; more for a tile
};

// A button in the theme: at least touch_target_px tall (kiosk: 64 px at scale 1). Returns true on
// the frame it is clicked (press and release on it: a finger sliding off cancels, stack.md §5).
// A press that travelled further than the theme's press_slop_px before the release is a drag and
// never fires (kiosk: 12 px at scale 1; the counter has no slop, so mouse clicks are unchanged).
bool Button(const char* label, const ButtonOptions& options = {});
// Between buttons of a row: stays on the line when a plain Button with `next_label` still fits beside the
// last item, else lets it start the next line, so a row of buttons wraps on a narrow screen instead of
// running off its edge (issue 16: "Hủy hồ sơ" cut at 1024 px).
void SameLineIfFits(const char* next_label);

// The main action of a screen: big and primary-coloured unless told otherwise.
inline bool BigButton(const char* label, ButtonOptions options = {.tone = Tone::kInfo}) {
  options.is_big = true;
  return Button(label, options);
}

// ---- Text ------------------------------------------------------------------------------------

// A box with wrapped text in the tone's colours: errors, notices, confirmations.
// width_px: 0 = the available width (default).
void StatusBanner(std::string_view text, Tone tone, float width_px = 0.0f);

// A small coloured pill on the current line, e.g. an urgency label in a work-list row.
void Badge(std::string_view text, Tone tone);
inline void UrgencyBadge(Urgency urgency, std::string_view label) {
  Badge(label, ToneForUrgency(urgency));
}

// Text in a font role (see fonts.h), e.g. TextIn(FontRole::kHeading, "Đăng nhập").
void TextIn(FontRole role, std::string_view text);
// Wrapped text in the theme's muted colour, for hints under a form.
void MutedText(std::string_view text);

// ---- Fields ----------------------------------------------------------------------------------

struct TextFieldOptions {
  bool is_password = false;      // default false; true shows bullets
  bool has_error = false;        // default false; true draws the error border (danger tone)
  bool request_focus = false;    // default false; true puts the caret here on this frame
  float width_px = -1.0f;        // default -1 = fill the available width
  const char* hint = nullptr;    // grey text shown while empty (default none)
};

// One-line text input over a std::string. `id` is an ImGui label ("##user"). Returns true on the
// frame Enter is pressed in it.
bool TextField(const char* id, std::string* value, const TextFieldOptions& options = {});

// True while a password box (a TextField with is_password) had the keyboard caret in the frame being
// drawn: call it after the frame's widgets, before the next NewFrame. The shell reads it to pass keys straight through its wedge-scan
// detector while a password is typed (issue 16: a password typed quickly at login was taken for a
// scan). False with no ImGui context.
bool IsPasswordFieldActive();

// A text box that mirrors a value kept in a model (the screens' way to edit view data): when the
// model's value changes from elsewhere (a scan filled it) the box shows it at once, even while the
// caret is in it (the edit in progress is dropped), and what the user types is reported through
// `*changed` so the screen can send it back as an action.
struct SyncedText {
  std::string buffer;  // what the box shows
  std::string seen;    // the model value the buffer last agreed with
};
// Returns true on the frame Enter is pressed in it.
bool SyncedTextField(const char* id, SyncedText* text, const std::string& model_value,
                     const TextFieldOptions& options, bool* changed);

// ---- Tables ----------------------------------------------------------------------------------

struct TableColumn {
  const char* label = "";
  float width_px = 0.0f;  // default 0 = stretch; > 0 = fixed width
  float weight = 1.0f;    // default 1: share of the stretch space
};

// A scrolling table with a frozen header row, row stripes and borders. height_px: 0 = fill the
// rest of the window. Call EndDataTable() only when it returned true.
bool BeginDataTable(const char* id, std::span<const TableColumn> columns, float height_px = 0.0f);
void EndDataTable();

// Starts a row that is selectable across all columns, with `first_cell` as its first cell's text.
// Returns true when the row was clicked (a drag past press_slop_px is not a click, as for Button). Fill the other cells with NextCell / ImGui::TableNextColumn.
bool DataTableRow(int row_id, std::string_view first_cell, bool is_selected);
void NextCellText(std::string_view text);
void NextCellBadge(std::string_view text, Tone tone);

// ---- Layout helpers --------------------------------------------------------------------------

// `n` times the current font size, in px: size things in text units, not pixels.
float Em(float n);

// ---- Test hook -------------------------------------------------------------------------------

struct ItemRect {
  ImVec2 min;
  ImVec2 max;
  ImVec2 Center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
  float Height() const { return max.y - min.y; }
  float Width() const { return max.x - min.x; }
};
void SetItemLocatorEnabled(bool enabled);
// Records the last ImGui item's rectangle under `id`, for items a screen draws with ImGui directly (a
// table row's Selectable, an InvisibleButton), so that tests find them with FindItemRect like the
// widgets above. Does nothing while the locator is off.
void RecordLastItem(std::string_view id);
// Forgets recorded rectangles (call before each frame).
void ClearItemRects();
// The rectangle recorded under `id`: the full label, or the part after "##".
std::optional<ItemRect> FindItemRect(std::string_view id);
// Every rectangle recorded this frame, named by its id (the part after "##", else the label): a
// scripted run under a real X server prints them so xdotool can tap by name (tests/kiosk_e2e).
std::vector<std::pair<std::string, ItemRect>> RecordedItemRects();

}  // namespace motcua::ui
