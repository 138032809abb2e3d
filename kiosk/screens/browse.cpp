// Finding a procedure: home, groups, lists, search, one procedure's page.
#include <algorithm>

#include "kiosk/screens/screens.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::kiosk {
namespace {

// A procedure row: a full-width tile with its name and one line of time and fees.
void ProcedureRows(const std::vector<ui::KioskProcedureRow>& rows, Actions& a) {
  const float height = ui::CurrentMetrics().touch_target_px * 1.8f;
  for (const ui::KioskProcedureRow& row : rows)
    DrawTile({"proc_" + row.code, row.name, row.detail, ui::OpenProcedure{row.code}},
             ImVec2(ImGui::GetContentRegionAvail().x, height), a);
}

}  // namespace

void DrawHome(const ui::KioskHomeView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##home", height);
  Heading(v.welcome);
  ImGui::Spacing();
  // The queue tile, when tickets print, spans the width above the others: most people come for it first.
  const float rows = (l.portrait ? 4.0f : 2.0f) + (v.queue_tile ? 1.0f : 0.0f);
  const float tile_h = std::max(ui::CurrentMetrics().touch_target_px * 2.0f,
                                (ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 2.0f) / rows -
                                    ImGui::GetStyle().ItemSpacing.y);
  if (v.queue_tile) DrawTile(*v.queue_tile, ImVec2(ImGui::GetContentRegionAvail().x, tile_h), a);
  DrawTileGrid(v.tiles, l.portrait ? 1 : 2, tile_h, a);
  if (!v.camera_line.empty()) ImGui::TextDisabled("%s", v.camera_line.c_str());
  EndContent(s);
}

void DrawGroups(const ui::KioskGroupsView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##groups", height);
  const float tile_h = ui::CurrentMetrics().touch_target_px * 2.2f;
  DrawTile(v.search, ImVec2(ImGui::GetContentRegionAvail().x, tile_h), a);
  ImGui::Spacing();
  DrawTileGrid(v.tiles, l.portrait ? 2 : 3, tile_h, a);
  EndContent(s);
}

void DrawProcedures(const ui::KioskProceduresView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##procedures", height);
  Heading(v.heading);
  if (v.rows.empty()) Wrapped(v.empty_text);
  ProcedureRows(v.rows, a);
  EndContent(s);
}

void DrawSearch(const ui::KioskSearchView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  FieldsWithKeyboard("##search", height, v.keyboard, l, s, a, [&] {
    DrawTextBox(v.box, s, a);
    if (ui::BigButton(Label(v.submit_label, "search_submit").c_str())) a.emplace_back(ui::SubmitSearch{});
    ProcedureRows(v.preview, a);
  });
}

void DrawProcedure(const ui::KioskProcedureView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##procedure", height);
  Heading(v.name);
  ImGui::TextDisabled("%s", v.code_line.c_str());
  const float qr_size = l.portrait ? ui::Em(9.0f) : ui::Em(8.0f);
  // Landscape: the text on the left, the QR on the right; portrait: the QR first, then the text.
  auto qr = [&] {
    if (v.qr_text.empty()) return;
    DrawQr(v.qr_text, qr_size);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + qr_size);
    ImGui::TextUnformatted(v.qr_caption.c_str());
    ImGui::PopTextWrapPos();
  };
  if (l.portrait) qr();
  const float text_width = l.portrait ? 0.0f : ImGui::GetContentRegionAvail().x - qr_size - ui::Em(1.0f);
  ImGui::BeginGroup();
  if (text_width > 0.0f) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
  for (const ui::KioskSection& section : v.sections) {
    ImGui::Spacing();
    ImGui::PushFont(ui::GetFont(ui::FontRole::kBodyBold));
    ImGui::TextWrapped("%s", section.heading.c_str());
    ImGui::PopFont();
    for (const std::string& line : section.lines) ImGui::TextWrapped("• %s", line.c_str());
  }
  if (text_width > 0.0f) ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  if (!l.portrait && !v.qr_text.empty()) {
    // The QR stays in view at the top right while the text scrolls.
    const ImVec2 keep = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - qr_size, ImGui::GetScrollY() + ui::Em(0.5f)));
    ImGui::BeginGroup();
    qr();
    ImGui::EndGroup();
    ImGui::SetCursorPos(keep);
  }
  EndContent(s);
}

}  // namespace motcua::kiosk
