// Drawing helpers the kiosk's screens share: the top bar, big tiles, text boxes that the on-screen
// keyboard types into, the keyboard itself, QR codes. Like the screens, they call only ImGui and our
// widgets (style.md §4) and report what was touched as KioskActions.
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui_model/kiosk_view.h"

namespace motcua::kiosk {

using Actions = std::vector<ui::KioskAction>;

// How the screen is laid out this frame.
struct Layout {
  bool portrait = false;  // taller than wide (1080x1920) or set so
};

// What the screens keep between frames (ImGui keeps the rest by id).
struct ScreenState {
  int logo_taps = 0;          // taps on the top-left corner, for the hidden gesture
  double first_tap_s = 0.0;   // ImGui time of the first of them
  bool scrolling = false;     // a list is still moving (inertia): ask for another frame
  ui::KioskField scrolled_to = ui::KioskField::kNone;  // the focused box last scrolled into view
};

// "text##id".
inline std::string Label(std::string_view text, std::string_view id) {
  return std::string(text) + "##" + std::string(id);
}

// The top bar (centre, title, clock, language, accessibility switches, back and home), the notice
// under it, and the idle hint at the bottom. Returns the height left for the screen's content.
float DrawChrome(const ui::KioskChrome& chrome, const Layout& layout, ScreenState& state, Actions& actions);

// Begins and ends the scrolling content area of `height` px (drag to scroll, with inertia), `width` px
// wide (0 = the rest of the line).
void BeginContent(const char* id, float height, float width = 0.0f);
void EndContent(ScreenState& state);

// A big tile: label in bold, detail under it, wrapped inside. Appends the tile's action when tapped.
void DrawTile(const ui::KioskTile& tile, ImVec2 size, Actions& actions);
// Tiles in a grid of `columns`, each `height` px tall, filling the width.
void DrawTileGrid(const std::vector<ui::KioskTile>& tiles, int columns, float height, Actions& actions);

// A text box the keyboard types into: tapping it focuses it. Draws a caret when focused, and scrolls a
// box that has just got the focus into view.
void DrawTextBox(const ui::KioskTextBox& box, ScreenState& state, Actions& actions);

// A screen's fields with its keyboard: side by side in landscape (the keyboard on the right, at the
// bottom), the fields above the keyboard in portrait. The fields scroll; the keyboard stays put.
// A digits pad is kept narrow: a block of 3 x 5 keys is found faster than one across the screen.
void FieldsWithKeyboard(const char* id, float height, const std::optional<ui::KeyboardView>& keyboard,
                        const Layout& layout, ScreenState& state, Actions& actions,
                        const std::function<void()>& fields);

// The on-screen keyboard of `view`, `width` px wide at the cursor; appends PressKey.
void DrawKeyboard(const ui::KeyboardView& view, float width, Actions& actions);
// The height DrawKeyboard takes.
float KeyboardHeight(const ui::KeyboardView& view);

// A QR code of `text`, `size` px square, black on white with its quiet zone, at the cursor.
void DrawQr(const std::string& text, float size);

// A line of wrapped text in the current font; a heading in the heading font.
void Wrapped(std::string_view text);
void Heading(std::string_view text);

}  // namespace motcua::kiosk
