#include "ui_imgui/osk_widget.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "ui_imgui/fonts.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::ui {
namespace {

constexpr float kKeyGapPx = 8.0f;  // at scale 1: keys close enough to read as one keyboard

float RowUnits(const OskRow& row) {
  float units = 0.0f;
  for (const OskKey& key : row.keys) units += std::max(key.width_units, 0.0f);
  return units;
}

}  // namespace

std::string OskKeyLocatorName(const OskKey& key) {
  switch (key.kind) {
    case OskKeyKind::kChar: return "osk_" + key.label;
    case OskKeyKind::kBackspace: return "osk_backspace";
    case OskKeyKind::kShift: return "osk_shift";
    case OskKeyKind::kSpace: return "osk_space";
    case OskKeyKind::kLayoutSwitch: return "osk_layout";
    case OskKeyKind::kDone: return "osk_done";
    case OskKeyKind::kClear: return "osk_clear";
  }
  return "osk_key";
}

std::optional<OskKey> DrawOnScreenKeyboard(const std::vector<OskRow>& rows, float width_px,
                                           float key_height_px, Lang lang) {
  const ThemeMetrics& m = CurrentMetrics();
  const float width = width_px > 0.0f ? width_px : ImGui::GetContentRegionAvail().x;
  const float key_height = std::floor(std::max(key_height_px, m.touch_target_px));
  const float gap = std::floor(kKeyGapPx * m.scale);
  float max_units = 0.0f;
  for (const OskRow& row : rows) max_units = std::max(max_units, RowUnits(row));
  if (max_units <= 0.0f) return std::nullopt;
  // Row width = units * unit + (units - 1) * gap for any mix of key widths (see the header).
  const float unit = std::max(1.0f, (width - (max_units - 1.0f) * gap) / max_units);

  std::optional<OskKey> pressed;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  float y = origin.y;
  ImGui::PushID("osk");
  ImGui::BeginGroup();
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const OskRow& row = rows[r];
    const float units = RowUnits(row);
    if (row.keys.empty() || units <= 0.0f) continue;
    const float row_width = units * unit + (units - 1.0f) * gap;
    float x = origin.x + (width - row_width) * 0.5f;
    ImGui::PushID(static_cast<int>(r));
    for (std::size_t k = 0; k < row.keys.size(); ++k) {
      const OskKey& key = row.keys[k];
      const float u = std::max(key.width_units, 0.0f);
      if (u <= 0.0f) continue;
      const float key_width = u * unit + (u - 1.0f) * gap;
      // Whole pixels: crisp outlines, and the gaps stay equal along the row.
      const float left = std::round(x);
      const float right = std::round(x + key_width);
      ImGui::SetCursorScreenPos(ImVec2(left, y));
      ImGui::PushID(static_cast<int>(k));
      const bool is_char = key.kind == OskKeyKind::kChar;
      if (is_char) ImGui::PushFont(GetFont(FontRole::kHeading));
      const std::string label =
          std::string(is_char ? key.label.c_str() : Tr(lang, key.label)) + "##" + OskKeyLocatorName(key);
      const Tone tone = key.kind == OskKeyKind::kDone ? Tone::kInfo : Tone::kNeutral;
      // Button sizes its height from the label and the touch target: the key height wins when it
      // is larger, because a key is drawn with padding that fits any label in the heading font.
      ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                          ImVec2(ImGui::GetStyle().FramePadding.x * 0.25f,
                                 std::max(0.0f, (key_height - ImGui::GetFontSize()) * 0.5f)));
      if (Button(label.c_str(), {.tone = tone, .width_px = right - left})) pressed = key;
      ImGui::PopStyleVar();
      if (is_char) ImGui::PopFont();
      ImGui::PopID();
      x += key_width + gap;
    }
    ImGui::PopID();
    y += key_height + gap;
  }
  // The group's extent is the keyboard's full width and height, gaps between rows included.
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, std::max(0.0f, y - gap - origin.y)));
  ImGui::EndGroup();
  ImGui::PopID();
  return pressed;
}

}  // namespace motcua::ui
