// Keyboard shortcuts beyond the keys ImGui 1.86 names (ImGuiKey_ has Tab, arrows, Enter, Escape, a few
// letters, but no function keys or digits). Both the SDL backend and the headless test context index
// io.KeysDown[] by SDL scancode for these (the headless context maps ImGui's named keys above 256, out
// of their way), so one table serves the app and the tests.
#pragma once

#include <imgui.h>

namespace motcua::ui {

enum class HotKey {
  kF1, kF2, kF3, kF4, kF5, kF6, kF7, kF8, kF9, kF10, kF11, kF12,
  kDigit1, kDigit2, kDigit3, kDigit4, kDigit5, kDigit6, kDigit7, kDigit8, kDigit9,
  kL,  // Ctrl+L locks the screen
};

// The io.KeysDown[] index of a hot key (its SDL scancode).
int HotKeyIndex(HotKey key);

// True on the frame `key` goes down (no auto-repeat), with Ctrl held exactly when `ctrl` is true.
bool HotKeyPressed(HotKey key, bool ctrl = false);

// Parses "F2", "F10", ... as printed on tabs; false for anything else.
bool ParseFunctionKey(const char* text, HotKey* out);

}  // namespace motcua::ui
