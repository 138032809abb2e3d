#include "counter/screens/worklist.h"

#include <imgui.h>

#include <algorithm>

#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/keys.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

// A combo over filter options; returns the key chosen this frame, or nullptr.
const std::string* FilterCombo(const char* id, const std::string& label, const std::vector<ui::FilterOption>& options,
                               float width) {
  const std::string* chosen = nullptr;
  std::string preview;
  for (const ui::FilterOption& o : options)
    if (o.is_selected) preview = o.label;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const ui::FilterOption& o : options)
      if (ImGui::Selectable(o.label.c_str(), o.is_selected)) chosen = &o.key;
    ImGui::EndCombo();
  }
  return chosen;
}

}  // namespace

void DrawWorklist(const ui::WorklistView& v, WorklistScreenState& s, std::vector<ui::CounterAction>& actions) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ui::TextIn(ui::FontRole::kHeading, v.title);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ui::MutedText(v.scan_hint);

  // Search box and buttons.
  if (v.search != s.seen_search) {
    s.search = v.search;
    s.seen_search = v.search;
  }
  const std::string refresh = Label(v.refresh_label, "refresh");
  const std::string book = Label(v.print_book_label, "print_book");
  auto width = [&](const std::string& l) { return ImGui::CalcTextSize(l.c_str(), nullptr, true).x + 2 * style.FramePadding.x; };
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(v.search_label.c_str());
  ImGui::SameLine();
  const float field_w = ImGui::GetContentRegionAvail().x - width(refresh) - width(book) - 2 * style.ItemSpacing.x;
  const bool enter = ui::TextField("##worklist_search", &s.search,
                                   {.request_focus = s.focus_search, .width_px = field_w, .hint = v.search_hint.c_str()});
  const bool search_active = ImGui::IsItemActive();
  s.focus_search = false;
  if (s.search != s.seen_search) {
    s.seen_search = s.search;
    s.selected = 0;
    actions.emplace_back(ui::SetWorklistSearch{s.search});
  }
  ImGui::SameLine();
  if (ui::Button(refresh.c_str()) || (ui::HotKeyPressed(ui::HotKey::kF5) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)))
    actions.emplace_back(ui::RefreshWorklist{});
  ImGui::SameLine();
  if (ui::Button(book.c_str())) actions.emplace_back(ui::PrintTrackingBook{});

  // Urgency chips with counts.
  for (std::size_t i = 0; i < v.chips.size(); ++i) {
    const ui::UrgencyChip& c = v.chips[i];
    if (i > 0) ImGui::SameLine();
    const ui::Tone tone = c.is_selected ? (c.tone == ui::Tone::kNeutral ? ui::Tone::kInfo : c.tone) : ui::Tone::kNeutral;
    ImGui::PushID(static_cast<int>(i));
    if (ui::Button(Label(c.label, "chip").c_str(), {.tone = tone})) {
      actions.emplace_back(ui::SetWorklistUrgencyFilter{c.urgency});
      s.selected = 0;
    }
    if (!c.is_selected && c.urgency) {
      // A coloured edge tells the chips apart before one is chosen.
      const ImVec2 min = ImGui::GetItemRectMin();
      const ImVec2 max = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x, max.y - 4.0f), max,
                                                ImGui::ColorConvertFloat4ToU32(ui::ColorsFor(c.tone).fill));
    }
    ImGui::PopID();
  }
  // State and procedure filters, own unit.
  if (const std::string* key = FilterCombo("##state_filter", v.state_label, v.states, ui::Em(11.0f))) {
    actions.emplace_back(ui::SetWorklistStateFilter{*key});
    s.selected = 0;
  }
  ImGui::SameLine();
  if (const std::string* code = FilterCombo("##procedure_filter", v.procedure_label, v.procedures, ui::Em(22.0f))) {
    actions.emplace_back(ui::SetWorklistProcedureFilter{*code});
    s.selected = 0;
  }
  if (v.shows_own_unit) {
    ImGui::SameLine();
    bool own = v.only_own_unit;
    if (ImGui::Checkbox(v.own_unit_label.c_str(), &own)) actions.emplace_back(ui::SetWorklistOwnUnit{own});
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ui::MutedText(v.count_text);
  ErrorLine(v.error_text);

  // Keyboard selection (from the search box too: typing then Down, Enter opens).
  const int count = v.visible != nullptr ? static_cast<int>(v.visible->size()) : 0;
  if (ShortcutsFree() || search_active) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) {
      s.selected = std::min(s.selected + 1, count - 1);
      s.scroll_to_selected = true;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) {
      s.selected = std::max(s.selected - 1, 0);
      s.scroll_to_selected = true;
    }
  }
  s.selected = std::clamp(s.selected, 0, std::max(count - 1, 0));
  if (count > 0 && (enter || (ShortcutsFree() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false))))
    actions.emplace_back(ui::OpenDossier{(*v.rows)[(*v.visible)[s.selected]].code});

  // The code (25 fixed-width characters) needs ~8.6 em; the rest goes to the applicant's name,
  // which at 1366 px was clipped ("Nguyễn Thị Hồng N") with the code column at 12.5 em.
  const ui::TableColumn columns[] = {
      {v.col_code.c_str(), ui::Em(10.0f)},   {v.col_applicant.c_str(), 0.0f, 1.5f},
      {v.col_procedure.c_str(), 0.0f, 1.6f}, {v.col_received.c_str(), ui::Em(7.5f)},
      {v.col_due.c_str(), ui::Em(7.5f)},     {v.col_state.c_str(), ui::Em(8.5f)},
      {v.col_urgency.c_str(), ui::Em(9.5f)}};
  if (count == 0) {
    ui::MutedText(v.empty_text);
    return;
  }
  if (!ui::BeginDataTable("##worklist_table", columns)) return;
  if (s.scroll_to_selected && s.row_height_px > 0.0f) {
    // Keep the selected row in view (the header row is frozen above the scrolled rows).
    const float top = s.selected * s.row_height_px;
    const float view_h = ImGui::GetWindowHeight() - ImGui::GetFrameHeightWithSpacing() - s.row_height_px;
    if (top < ImGui::GetScrollY()) ImGui::SetScrollY(top);
    else if (top > ImGui::GetScrollY() + view_h) ImGui::SetScrollY(top - view_h);
  }
  s.scroll_to_selected = false;
  ImGuiListClipper clipper;
  clipper.Begin(count);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ui::WorklistRow& r = (*v.rows)[(*v.visible)[i]];
      if (ui::DataTableRow(i, r.code, i == s.selected)) {
        // A click opens the dossier: one event, like Enter on the selected row.
        s.selected = i;
        actions.emplace_back(ui::OpenDossier{r.code});
      }
      ui::NextCellText(r.applicant_name);
      ui::NextCellText(r.procedure_name);
      ui::NextCellText(r.received_text);
      ui::NextCellText(r.due_text);
      ui::NextCellText(v.state_labels[static_cast<int>(r.state)]);
      const int u = static_cast<int>(r.urgency);
      ui::NextCellBadge(v.urgency_labels[u], v.urgency_tones[u]);
    }
    if (clipper.DisplayEnd > clipper.DisplayStart) s.row_height_px = clipper.ItemsHeight;
  }
  ui::EndDataTable();
}

}  // namespace motcua::counter
