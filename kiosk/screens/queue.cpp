// The queue screens: the service areas, the priority question, and the ticket issued.
#include <algorithm>

#include "kiosk/screens/screens.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::kiosk {

void DrawQueueAreas(const ui::KioskQueueAreasView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##queue_areas", height);
  Heading(v.intro);
  if (!v.empty_text.empty()) Wrapped(v.empty_text);
  DrawTileGrid(v.tiles, l.portrait ? 1 : 2, ui::CurrentMetrics().touch_target_px * 2.4f, a);
  EndContent(s);
}

void DrawQueuePriority(const ui::KioskQueuePriorityView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##queue_priority", height);
  if (!v.area_line.empty()) Wrapped(v.area_line);
  Heading(v.question);
  const float tile_h = ui::CurrentMetrics().touch_target_px * 1.8f;
  DrawTile(v.none, ImVec2(ImGui::GetContentRegionAvail().x, tile_h), a);
  ImGui::Spacing();
  DrawTileGrid(v.groups, l.portrait ? 1 : 2, tile_h, a);
  ImGui::Spacing();
  Wrapped(v.note);
  EndContent(s);
}

void DrawTicket(const ui::KioskTicketView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##ticket", height);
  const float width = ImGui::GetContentRegionAvail().x;
  // Centred on one line; a line too long for the width (a long area name, large text, portrait) wraps.
  auto centred = [&](ImFont* font, float size, const std::string& text, ImU32 color) {
    const ImVec2 one_line = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    const float wrap = one_line.x > width ? width : 0.0f;
    const ImVec2 extent = wrap > 0.0f ? font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str()) : one_line;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(font, size, ImVec2(at.x + std::max(0.0f, (width - extent.x) * 0.5f), at.y),
                                        color, text.c_str(), nullptr, wrap);
    ImGui::Dummy(ImVec2(width, extent.y));
  };
  ImFont* large = ui::GetFont(ui::FontRole::kLarge);
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
  centred(large, large->FontSize, v.number_caption, ink);
  // The number fills about a quarter of the screen's height: it is what the citizen compares with the board.
  const float number_px = std::min(ImGui::GetMainViewport()->Size.y * 0.22f, width / 4.0f);
  centred(large, number_px, v.number, ImGui::GetColorU32(ui::ColorsFor(ui::Tone::kSuccess).fill));
  for (const std::string* line : {&v.area_line, &v.priority_line, &v.ahead_line, &v.wait_line})
    if (!line->empty()) centred(large, large->FontSize, *line, ink);
  ImGui::Spacing();
  Wrapped(v.printed_line);
  ImGui::Spacing();
  DrawTile(v.home, ImVec2(width, ui::CurrentMetrics().touch_target_px * 1.6f), a);
  EndContent(s);
}

}  // namespace motcua::kiosk
