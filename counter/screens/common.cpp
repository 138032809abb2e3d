#include "counter/screens/common.h"

#include "ui_imgui/fonts.h"

namespace motcua::counter {

int ChoiceRow(const char* id, std::span<const ui::ChoiceItem> items) {
  int clicked = -1;
  ImGui::PushID(id);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ui::ChoiceItem& item = items[i];
    const std::string label = Label(item.label, std::string(id) + "_" + std::to_string(item.value));
    if (i > 0) ui::SameLineIfFits(label.c_str());  // wraps on a narrow panel ("Khác" was cut at 1024 px)
    if (ui::Button(label.c_str(), {.tone = item.is_selected ? ui::Tone::kInfo : ui::Tone::kNeutral}))
      clicked = item.value;
  }
  ImGui::PopID();
  return clicked;
}

bool LabeledField(const std::string& label, const char* id, std::string* value, const ui::TextFieldOptions& options) {
  ImGui::TextUnformatted(label.c_str());
  return ui::TextField(id, value, options);
}

void ErrorLine(const std::string& text) {
  if (!text.empty()) ui::StatusBanner(text, ui::Tone::kDanger);
}

void DrawPrintPlace(const ui::PrintPlaceView& place, float width_px, std::vector<ui::CounterAction>& actions) {
  const std::string open = place.open_label.empty() ? "" : Label(place.open_label, "open_pdf");
  const ImGuiStyle& style = ImGui::GetStyle();
  const float open_w =
      open.empty() ? 0.0f : ImGui::CalcTextSize(open.c_str(), nullptr, true).x + 2 * style.FramePadding.x + style.ItemSpacing.x;
  ui::StatusBanner(place.text, place.tone, width_px - open_w);
  if (!open.empty()) {
    ImGui::SameLine();
    if (ui::Button(open.c_str())) actions.emplace_back(ui::OpenPrintedPdf{});
  }
  if (!place.path_text.empty()) ui::MutedText(place.path_text);
  if (!place.open_error.empty()) ui::StatusBanner(place.open_error, ui::Tone::kDanger, width_px);
}

void Heading(const std::string& text) {
  ImGui::PushFont(ui::GetFont(ui::FontRole::kHeading));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
}

bool ShortcutsFree() {
  return !ImGui::IsAnyItemActive() && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
}

bool EscapePressed() {
  return ShortcutsFree() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
}

void SameLineIfFits(const std::string& label, float right_x) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2.0f * style.FramePadding.x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right_x) ImGui::SameLine();
}

}  // namespace motcua::counter
