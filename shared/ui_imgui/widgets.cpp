#include "ui_imgui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <string>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "ui_imgui/theme.h"
#include "ui_imgui/touch.h"

namespace motcua::ui {
namespace {

bool g_locator_enabled = false;
std::map<std::string, ItemRect, std::less<>> g_item_rects;

void NoteItem(std::string_view label) {
  if (!g_locator_enabled) return;
  g_item_rects[std::string(label)] = ItemRect{ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
}

ImVec2 Add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

// How far to push a line of text down so it sits in the middle of a row that is taller than the
// text (kiosk rows are at least touch_target_px tall).
float CellTextOffset() {
  const float content = CurrentMetrics().touch_target_px - 2.0f * ImGui::GetStyle().CellPadding.y;
  return std::max(0.0f, std::floor((content - ImGui::GetFontSize()) * 0.5f));
}

}  // namespace

void SameLineIfFits(const char* next_label) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::CalcTextSize(next_label, nullptr, true).x + 2.0f * style.FramePadding.x;
  const float right_edge = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;  // a table's cell too
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right_edge) ImGui::SameLine();
}

bool Button(const char* label, const ButtonOptions& options) {
  const ThemeMetrics& m = CurrentMetrics();
  const ImGuiStyle& style = ImGui::GetStyle();
  if (options.is_big) ImGui::PushFont(GetFont(FontRole::kBodyBold));
  const ImVec2 label_size = ImGui::CalcTextSize(label, nullptr, true);
  float min_height = m.touch_target_px;
  if (options.is_big) min_height = std::max(min_height, m.big_button_height_px);
  const float height = std::max({label_size.y + 2.0f * style.FramePadding.y, min_height, options.height_px});
  float width = options.width_px;
  if (width < 0.0f) {
    width = ImGui::GetContentRegionAvail().x;
  } else if (width == 0.0f && options.is_big) {
    width = label_size.x + 4.0f * style.FramePadding.x;  // big buttons get generous side room
  }

  int pushed_colors = 0;
  if (options.tone != Tone::kNeutral) {
    const ToneColors c = ColorsFor(options.tone);
    ImGui::PushStyleColor(ImGuiCol_Button, c.fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.fill_hovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.fill_active);
    ImGui::PushStyleColor(ImGuiCol_Text, c.text);
    pushed_colors = 4;
  }
  if (!options.is_enabled) ImGui::BeginDisabled();
  // A press that travelled past the theme's slop was a drag (a finger scrolling a list), not a tap.
  const bool clicked = ImGui::Button(label, ImVec2(width, height)) && !PressBecameDrag();
  if (!options.is_enabled) ImGui::EndDisabled();
  ImGui::PopStyleColor(pushed_colors);
  if (options.is_big) ImGui::PopFont();
  NoteItem(label);
  return clicked && options.is_enabled;
}

void StatusBanner(std::string_view text, Tone tone, float width_px) {
  const ToneColors c = ColorsFor(tone);
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 pad = style.FramePadding;
  const float width = std::max(width_px > 0.0f ? width_px : ImGui::GetContentRegionAvail().x, 4.0f * pad.x);
  const float wrap = width - 2.0f * pad.x;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const ImVec2 text_size = ImGui::CalcTextSize(begin, end, false, wrap);
  const ImVec2 size(width, text_size.y + 2.0f * pad.y);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(pos, Add(pos, size), ImGui::ColorConvertFloat4ToU32(c.fill), style.FrameRounding);
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), Add(pos, pad),
                ImGui::ColorConvertFloat4ToU32(c.text), begin, end, wrap);
  ImGui::Dummy(size);
}

void Badge(std::string_view text, Tone tone) {
  const ToneColors c = ColorsFor(tone);
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 pad(std::floor(style.FramePadding.x * 0.6f), std::floor(style.FramePadding.y * 0.35f));
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  // Wider than the space left (a narrow table column): wrap onto more lines instead of running
  // past the column's edge, where the cell clips it mid-word.
  const float wrap_width = std::max(ImGui::GetContentRegionAvail().x - 2.0f * pad.x, ImGui::GetFontSize());
  const ImVec2 one_line = ImGui::CalcTextSize(begin, end);
  const bool wraps = one_line.x > wrap_width;
  const ImVec2 text_size = wraps ? ImGui::CalcTextSize(begin, end, false, wrap_width) : one_line;
  const ImVec2 size(text_size.x + 2.0f * pad.x, text_size.y + 2.0f * pad.y);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = std::min(size.y, ImGui::GetFontSize() + 2.0f * pad.y) * 0.5f;
  draw->AddRectFilled(pos, Add(pos, size), ImGui::ColorConvertFloat4ToU32(c.fill), rounding);
  draw->AddText(nullptr, 0.0f, Add(pos, pad), ImGui::ColorConvertFloat4ToU32(c.text), begin, end,
                wraps ? wrap_width : 0.0f);
  ImGui::Dummy(size);
}

void TextIn(FontRole role, std::string_view text) {
  ImGui::PushFont(GetFont(role));
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopFont();
}

void MutedText(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

namespace {

// ImGui 1.86 selects a box's whole text when code gives it the focus (SetKeyboardFocusHere), so the next key
// would replace what the officer typed there (issue 16: a refused confirm wiped the ID number). The caret
// goes to the end instead, nothing selected. The request takes effect a frame later, when the box becomes
// active: a flag in the window's storage carries it there.
// The frame (of which ImGui context) in which a password TextField last had the caret: IsPasswordFieldActive.
// ImGui 1.86 keeps no flags of the active box that say "password" after the frame, so the widget notes it.
struct PasswordActiveNote {
  const ImGuiContext* context = nullptr;
  int frame = -1;
};
PasswordActiveNote g_password_active;

int CaretToEndOnFocus(ImGuiInputTextCallbackData* data) {
  bool* pending = static_cast<bool*>(data->UserData);
  if (*pending) {
    data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
    *pending = false;
  }
  return 0;
}

}  // namespace

bool TextField(const char* id, std::string* value, const TextFieldOptions& options) {
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways;
  if (options.is_password) flags |= ImGuiInputTextFlags_Password;
  if (options.has_error) {
    ImGui::PushStyleColor(ImGuiCol_Border, ColorsFor(Tone::kDanger).fill);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, CurrentMetrics().error_border_px);
  }
  const ImGuiID caret_key = ImGui::GetID(id) + 1;  // beside the box's own id in the window's storage
  if (options.request_focus) {
    ImGui::SetKeyboardFocusHere();
    ImGui::GetStateStorage()->SetBool(caret_key, true);
  }
  bool* caret_pending = ImGui::GetStateStorage()->GetBoolRef(caret_key, false);
  ImGui::SetNextItemWidth(options.width_px < 0.0f ? -FLT_MIN : options.width_px);
  const bool entered = options.hint != nullptr
                           ? ImGui::InputTextWithHint(id, options.hint, value, flags, CaretToEndOnFocus, caret_pending)
                           : ImGui::InputText(id, value, flags, CaretToEndOnFocus, caret_pending);
  if (options.has_error) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  if (options.is_password && ImGui::IsItemActive())
    g_password_active = {ImGui::GetCurrentContext(), ImGui::GetFrameCount()};
  NoteItem(id);
  return entered;
}

bool IsPasswordFieldActive() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g != nullptr && g == g_password_active.context && g->FrameCount == g_password_active.frame;
}

bool SyncedTextField(const char* id, SyncedText* text, const std::string& model_value,
                     const TextFieldOptions& options, bool* changed) {
  if (model_value != text->seen) {
    // An active InputText keeps its own copy of the text and would write it back over the new
    // value: end the edit first.
    if (ImGui::GetActiveID() == ImGui::GetID(id)) ImGui::ClearActiveID();
    text->buffer = model_value;
    text->seen = model_value;
  }
  const bool entered = TextField(id, &text->buffer, options);
  if (text->buffer != text->seen) {
    text->seen = text->buffer;
    *changed = true;
  }
  return entered;
}

bool BeginDataTable(const char* id, std::span<const TableColumn> columns, float height_px) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable;
  const float height = height_px > 0.0f ? height_px : ImGui::GetContentRegionAvail().y;
  if (columns.empty() || !ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, ImVec2(0.0f, height)))
    return false;
  for (const TableColumn& c : columns) {
    if (c.width_px > 0.0f)
      ImGui::TableSetupColumn(c.label, ImGuiTableColumnFlags_WidthFixed, c.width_px);
    else
      ImGui::TableSetupColumn(c.label, ImGuiTableColumnFlags_WidthStretch, c.weight);
  }
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  return true;
}

void EndDataTable() { ImGui::EndTable(); }

bool DataTableRow(int row_id, std::string_view first_cell, bool is_selected) {
  const ThemeMetrics& m = CurrentMetrics();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::TableNextRow(ImGuiTableRowFlags_None, m.touch_target_px);
  ImGui::TableSetColumnIndex(0);
  ImGui::PushID(row_id);
  const float select_height = std::max(0.0f, m.touch_target_px - 2.0f * style.CellPadding.y);
  const bool clicked = ImGui::Selectable(
      "##row", is_selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
      ImVec2(0.0f, select_height)) && !PressBecameDrag();
  ImGui::PopID();
  ImGui::SameLine(0.0f, 0.0f);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + CellTextOffset());
  ImGui::TextUnformatted(first_cell.data(), first_cell.data() + first_cell.size());
  return clicked;
}

void NextCellText(std::string_view text) {
  ImGui::TableNextColumn();
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + CellTextOffset());
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

void NextCellBadge(std::string_view text, Tone tone) {
  ImGui::TableNextColumn();
  Badge(text, tone);
}

float Em(float n) { return n * ImGui::GetFontSize(); }

void SetItemLocatorEnabled(bool enabled) {
  g_locator_enabled = enabled;
  if (!enabled) g_item_rects.clear();
}

void RecordLastItem(std::string_view id) { NoteItem(id); }

void ClearItemRects() { g_item_rects.clear(); }

std::optional<ItemRect> FindItemRect(std::string_view id) {
  if (auto it = g_item_rects.find(id); it != g_item_rects.end()) return it->second;
  for (const auto& [label, rect] : g_item_rects) {
    const std::size_t hashes = label.find("##");
    if (hashes != std::string::npos && std::string_view(label).substr(hashes + 2) == id) return rect;
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, ItemRect>> RecordedItemRects() {
  std::vector<std::pair<std::string, ItemRect>> out;
  for (const auto& [label, rect] : g_item_rects) {
    const std::size_t hashes = label.find("##");
    out.emplace_back(hashes == std::string::npos ? label : label.substr(hashes + 2), rect);
  }
  return out;
}

}  // namespace motcua::ui
