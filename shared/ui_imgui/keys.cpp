#include "ui_imgui/keys.h"

#include <SDL_scancode.h>

#include <optional>

#include "common/number_parse.h"

namespace motcua::ui {

int HotKeyIndex(HotKey key) {
  const int k = static_cast<int>(key);
  if (key <= HotKey::kF12) return SDL_SCANCODE_F1 + k;  // F1..F12 are consecutive scancodes
  if (key <= HotKey::kDigit9) return SDL_SCANCODE_1 + (k - static_cast<int>(HotKey::kDigit1));
  return SDL_SCANCODE_L;
}

bool HotKeyPressed(HotKey key, bool ctrl) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl != ctrl || io.KeyAlt) return false;
  return ImGui::IsKeyPressed(HotKeyIndex(key), false);
}

bool ParseFunctionKey(const char* text, HotKey* out) {
  if (text == nullptr || text[0] != 'F') return false;
  const std::optional<int> n = ParseDigits<int>(text + 1, {.max_digits = 2});
  if (!n || *n < 1 || *n > 12) return false;
  *out = static_cast<HotKey>(*n - 1);
  return true;
}

}  // namespace motcua::ui
