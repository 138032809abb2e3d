#include "board/screens/board.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

#include "ui_imgui/fonts.h"
#include "ui_imgui/theme.h"

namespace motcua::board {
namespace {

using ui::FontRole;

// The atlas font whose size is nearest above `px` looks best scaled: the theme's sizes are picked
// (board/main.cpp) so that body ≈ small/body text, heading ≈ headings, large ≈ the last calls.
ImFont* FontFor(float px, bool bold) {
  if (!bold) return ui::GetFont(FontRole::kBody);  // the only regular face
  const float body = ui::GetFont(FontRole::kBody)->FontSize;
  const float heading = ui::GetFont(FontRole::kHeading)->FontSize;
  if (px <= body * 1.12f) return ui::GetFont(bold ? FontRole::kBodyBold : FontRole::kBody);
  if (px <= heading * 1.12f) return ui::GetFont(FontRole::kHeading);
  return ui::GetFont(FontRole::kLarge);
}

ImVec2 Measure(ImFont* font, float px, std::string_view text) {
  return font->CalcTextSizeA(px, 1e9f, 0.0f, text.data(), text.data() + text.size());
}

// `text` cut to `max_width` with "…" when it does not fit.
std::string Ellipsize(ImFont* font, float px, std::string_view text, float max_width) {
  if (Measure(font, px, text).x <= max_width) return std::string(text);
  std::string out(text);
  while (!out.empty()) {
    // Drop one UTF-8 character from the end.
    do out.pop_back();
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80);
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (Measure(font, px, out + "\xE2\x80\xA6").x <= max_width) return out + "\xE2\x80\xA6";
  }
  return "";
}

enum class Align { kLeft, kCenter, kRight };

// One line of text in the box [x, x + width) at baseline-top y; shrinks (down to 75 %) before it cuts.
float Text(ImDrawList* dl, std::string_view text, float px, bool bold, ImVec2 at, float width, ImU32 color,
           Align align = Align::kLeft, bool shrink = false) {
  ImFont* font = FontFor(px, bold);
  float size = px;
  if (shrink) {
    const float w = Measure(font, size, text).x;
    if (w > width) size = std::max(px * 0.75f, size * width / w);
  }
  const std::string shown = Ellipsize(font, size, text, width);
  const float w = Measure(font, size, shown).x;
  float x = at.x;
  if (align == Align::kCenter) x += (width - w) * 0.5f;
  if (align == Align::kRight) x += width - w;
  // At the box's vertical middle when shrunk, so a smaller label stays centred.
  const float y = at.y + (px - size) * 0.5f;
  dl->AddText(font, size, ImVec2(std::floor(x), std::floor(y)), color, shown.data(), shown.data() + shown.size());
  return w;
}

// A right arrow (the font has no U+2192), `px` tall text's x-height, at `at`; returns its width.
float Arrow(ImDrawList* dl, ImVec2 at, float px, ImU32 color) {
  const float w = px * 0.7f, cy = at.y + px * 0.55f, head = px * 0.28f, thick = std::max(2.0f, px * 0.09f);
  dl->AddLine(ImVec2(at.x, cy), ImVec2(at.x + w - head * 0.6f, cy), color, thick);
  dl->AddTriangleFilled(ImVec2(at.x + w - head, cy - head), ImVec2(at.x + w, cy), ImVec2(at.x + w - head, cy + head),
                        color);
  return w + px * 0.25f;
}

ImU32 Col(const ImVec4& c) { return ImGui::GetColorU32(c); }

void Header(ImDrawList* dl, const ui::BoardView& v) {
  const ui::BoardLayout& l = v.layout;
  const ui::ToneColors info = ui::ColorsFor(ui::Tone::kInfo);
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(l.width_px, l.header_height_px), Col(info.fill));
  const float clock_w = l.width_px * 0.34f;
  const float title_w = l.width_px - 2 * l.margin_px - clock_w - l.gap_px;
  const float y = (l.header_height_px - l.heading_px) * 0.5f - (v.status_line.empty() ? 0 : l.small_px * 0.3f);
  std::string title = v.title;
  if (!v.center_name.empty()) title += " \xC2\xB7 " + v.center_name;  // " · "
  Text(dl, title, l.heading_px, true, ImVec2(l.margin_px, y), title_w, Col(info.text));
  const float cx = l.width_px - l.margin_px - clock_w;
  if (v.status_line.empty()) {
    Text(dl, v.clock_text, l.heading_px, true, ImVec2(cx, y), clock_w, Col(info.text), Align::kRight);
  } else {
    const float top = (l.header_height_px - l.body_px - l.small_px) * 0.5f;
    Text(dl, v.clock_text, l.body_px, true, ImVec2(cx, top), clock_w, Col(info.text), Align::kRight);
    Text(dl, v.status_line, l.small_px, false, ImVec2(cx - clock_w * 0.5f, top + l.body_px), clock_w * 1.5f,
         Col(info.text), Align::kRight);
  }
}

void SectionTitle(ImDrawList* dl, const ui::BoardLayout& l, std::string_view text, ImVec2 at, float width) {
  Text(dl, text, l.heading_px, true, at, width, ImGui::GetColorU32(ImGuiCol_Text));
}

void Counters(ImDrawList* dl, const ui::BoardView& v) {
  const ui::BoardLayout& l = v.layout;
  const ImVec2 origin(l.margin_px, l.calls_top_px + l.gap_px * 0.5f);
  SectionTitle(dl, l, v.counters_title, origin, l.counters_width_px);
  const float top = origin.y + l.heading_px + l.gap_px;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 panel = ImGui::GetColorU32(ImGuiCol_FrameBg);
  const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
  if (v.counters.empty()) {
    Text(dl, v.counters_empty, l.big_px, false, ImVec2(origin.x, top + l.gap_px), l.counters_width_px, text);
    return;
  }
  const ui::ToneColors hot = ui::ColorsFor(ui::Tone::kWarning);
  for (std::size_t i = 0; i < v.counters.size(); ++i) {
    const ui::BoardCounterTile& t = v.counters[i];
    const int col = static_cast<int>(i) % l.tile_columns, row = static_cast<int>(i) / l.tile_columns;
    if (row >= l.tile_rows) break;
    const ImVec2 a(origin.x + col * (l.tile_width_px + l.gap_px), top + row * (l.tile_height_px + l.gap_px));
    const ImVec2 b(a.x + l.tile_width_px, a.y + l.tile_height_px);
    const float rounding = l.gap_px * 0.75f;
    dl->AddRectFilled(a, b, t.highlighted ? Col(hot.fill) : panel, rounding);
    if (t.is_newest) dl->AddRect(a, b, Col(hot.fill), rounding, 0, std::max(3.0f, l.gap_px * 0.4f));
    else dl->AddRect(a, b, border, rounding, 0, std::max(2.0f, 2.0f * l.scale));
    const ImU32 ink = t.highlighted ? Col(hot.text) : text;
    // The ticket and the counter, centred as one block in the tile.
    const float block = l.display_px + l.gap_px * 0.5f + l.big_px;
    const float y = a.y + (l.tile_height_px - block) * 0.5f;
    const float inner = l.tile_width_px - 2 * l.gap_px;
    Text(dl, t.label, l.display_px, true, ImVec2(a.x + l.gap_px, y), inner, ink, Align::kCenter, true);
    // "→ Quầy 5", centred.
    ImFont* font = FontFor(l.big_px, true);
    const float arrow_w = l.big_px * 0.95f;
    const std::string shown = Ellipsize(font, l.big_px, t.counter_text, inner - arrow_w);
    const float w = arrow_w + Measure(font, l.big_px, shown).x;
    const float x = a.x + l.gap_px + std::max(0.0f, (inner - w) * 0.5f);
    const float cy = y + l.display_px + l.gap_px * 0.5f;
    Arrow(dl, ImVec2(x, cy), l.big_px, ink);
    Text(dl, shown, l.big_px, true, ImVec2(x + arrow_w, cy), inner - arrow_w, ink);
  }
}

void Recent(ImDrawList* dl, const ui::BoardView& v) {
  const ui::BoardLayout& l = v.layout;
  const ImVec2 origin(l.margin_px + l.counters_width_px + l.gap_px, l.calls_top_px + l.gap_px * 0.5f);
  const float width = l.recent_width_px;
  SectionTitle(dl, l, v.recent_title, origin, width);
  const float top = origin.y + l.heading_px + l.gap_px;
  const float bottom = l.calls_top_px + l.calls_height_px;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  dl->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + width, bottom), ImGui::GetColorU32(ImGuiCol_FrameBg),
                    l.gap_px * 0.75f);
  if (v.recent.empty()) {
    Text(dl, v.recent_empty, l.body_px, false, ImVec2(origin.x + l.gap_px, top + l.gap_px), width - 2 * l.gap_px, text);
    return;
  }
  const float row_h = (bottom - top) / static_cast<float>(ui::kBoardRecentCalls);
  const ui::ToneColors hot = ui::ColorsFor(ui::Tone::kWarning);
  for (std::size_t i = 0; i < v.recent.size(); ++i) {
    const ui::BoardRecentRow& r = v.recent[i];
    const float y = top + row_h * static_cast<float>(i);
    if (r.is_newest)
      dl->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + row_h), Col(hot.fill), l.gap_px * 0.75f);
    else if (i > 0)
      dl->AddLine(ImVec2(origin.x + l.gap_px, y), ImVec2(origin.x + width - l.gap_px, y),
                  ImGui::GetColorU32(ImGuiCol_Border), 1.0f);
    const ImU32 ink = r.is_newest ? Col(hot.text) : text;
    const float px = std::min(l.big_px, row_h * 0.78f);
    const float ty = y + (row_h - px) * 0.5f;
    const float label_w = width * 0.36f;
    Text(dl, r.label, px, true, ImVec2(origin.x + l.gap_px, ty), label_w - l.gap_px, ink, Align::kLeft, true);
    const float ax = origin.x + label_w;
    const float aw = Arrow(dl, ImVec2(ax, ty), px, ink);
    const float mark_w = r.mark.empty() ? 0.0f : width * 0.24f;
    Text(dl, r.counter_text, px, true, ImVec2(ax + aw, ty), width - label_w - aw - mark_w - l.gap_px, ink);
    if (!r.mark.empty())
      Text(dl, r.mark, l.small_px, false, ImVec2(origin.x + width - mark_w - l.gap_px, y + (row_h - l.small_px) * 0.5f),
           mark_w, ink, Align::kRight);
  }
}

void Waiting(ImDrawList* dl, const ui::BoardView& v) {
  const ui::BoardLayout& l = v.layout;
  const ImVec2 origin(l.margin_px, l.bottom_top_px);
  const float width = l.waiting_width_px;
  SectionTitle(dl, l, v.waiting_title, origin, width);
  const float top = origin.y + l.heading_px + l.gap_px;
  const float bottom = l.height_px - l.margin_px;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  dl->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + width, bottom), ImGui::GetColorU32(ImGuiCol_FrameBg),
                    l.gap_px * 0.75f);
  if (v.waiting.empty()) {
    Text(dl, v.waiting_empty, l.body_px, false, ImVec2(origin.x + l.gap_px, top + l.gap_px), width - 2 * l.gap_px, text);
    return;
  }
  // Up to four areas share the height; more get the smallest rows that still fit two lines.
  const float rows = static_cast<float>(std::max<std::size_t>(4, v.waiting.size()));
  const float row_h = std::max(l.body_px + l.small_px + l.gap_px * 0.5f, (bottom - top) / rows);
  const ui::ToneColors badge = ui::ColorsFor(ui::Tone::kInfo);
  const float count_w = l.heading_px * 2.2f;
  for (std::size_t i = 0; i < v.waiting.size(); ++i) {
    const ui::BoardAreaRow& r = v.waiting[i];
    const float y = top + row_h * static_cast<float>(i);
    if (y + row_h > bottom + 1.0f) break;  // more areas than rows: the first ones are shown
    const float badge_side = row_h - l.gap_px;
    const ImVec2 ba(origin.x + l.gap_px * 0.5f, y + l.gap_px * 0.5f);
    dl->AddRectFilled(ba, ImVec2(ba.x + badge_side * 1.1f, ba.y + badge_side), Col(badge.fill), l.gap_px * 0.4f);
    Text(dl, r.letter, l.heading_px, true, ImVec2(ba.x, ba.y + (badge_side - l.heading_px) * 0.5f), badge_side * 1.1f,
         Col(badge.text), Align::kCenter, true);
    const float nx = ba.x + badge_side * 1.1f + l.gap_px;
    const float name_w = origin.x + width - count_w - nx - l.gap_px;
    if (r.priority_text.empty() || row_h < l.body_px + l.small_px) {
      Text(dl, r.name, l.body_px, false, ImVec2(nx, y + (row_h - l.body_px) * 0.5f), name_w, text);
    } else {
      const float block = l.body_px + l.small_px;
      const float ny = y + (row_h - block) * 0.5f;
      Text(dl, r.name, l.body_px, false, ImVec2(nx, ny), name_w, text);
      Text(dl, r.priority_text, l.small_px, false, ImVec2(nx, ny + l.body_px), name_w, text);
    }
    Text(dl, r.count_text, l.heading_px, true, ImVec2(origin.x + width - count_w - l.gap_px, y + (row_h - l.heading_px) * 0.5f),
         count_w, text, Align::kRight);
  }
}

void Panel(ImDrawList* dl, const ui::BoardView& v) {
  const ui::BoardLayout& l = v.layout;
  const ui::BoardPanelView& p = v.panel;
  const ImVec2 origin(l.margin_px + l.waiting_width_px + l.gap_px, l.bottom_top_px);
  const float width = l.panel_width_px;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const float page_w = p.page_text.empty() ? 0.0f : l.heading_px * 2.5f;
  SectionTitle(dl, l, p.title, origin, width - page_w);
  if (!p.page_text.empty())
    Text(dl, p.page_text, l.body_px, false, ImVec2(origin.x + width - page_w, origin.y + (l.heading_px - l.body_px)),
         page_w, text, Align::kRight);
  const float top = origin.y + l.heading_px + l.gap_px;
  const float bottom = l.height_px - l.margin_px;
  dl->AddRectFilled(ImVec2(origin.x, top), ImVec2(origin.x + width, bottom), ImGui::GetColorU32(ImGuiCol_FrameBg),
                    l.gap_px * 0.75f);
  const float inner_x = origin.x + l.gap_px, inner_w = width - 2 * l.gap_px;
  float y = top + l.gap_px * 0.5f;
  if (!p.as_of.empty() || !p.basis.empty()) {
    const float as_of_w = Text(dl, p.as_of, l.small_px, true, ImVec2(inner_x, y), inner_w * 0.5f, text);
    Text(dl, p.basis, l.small_px, false, ImVec2(inner_x + as_of_w + l.gap_px, y), inner_w - as_of_w - l.gap_px, text,
         Align::kRight);
    y += l.small_px + l.gap_px * 0.5f;
  }
  if (!p.empty_text.empty()) {
    ImFont* font = FontFor(l.heading_px, true);
    dl->AddText(font, l.heading_px, ImVec2(inner_x, y + l.gap_px), text, p.empty_text.data(),
                p.empty_text.data() + p.empty_text.size(), inner_w);
    return;
  }
  if (!p.lines.empty()) {
    ImFont* font = FontFor(l.notice_px, false);
    y += l.gap_px * 0.5f;
    for (const std::string& line : p.lines) {
      const float bullet = l.notice_px * 0.8f;
      const ImVec2 size = font->CalcTextSizeA(l.notice_px, 1e9f, inner_w - bullet, line.data(), line.data() + line.size());
      if (y + size.y > bottom) break;
      dl->AddCircleFilled(ImVec2(inner_x + bullet * 0.35f, y + l.notice_px * 0.55f), l.notice_px * 0.14f, text);
      dl->AddText(font, l.notice_px, ImVec2(inner_x + bullet, y), text, line.data(), line.data() + line.size(),
                  inner_w - bullet);
      y += size.y + l.gap_px * 0.75f;
    }
    return;
  }
  const ui::BoardTable& t = p.table;
  auto row = [&](const std::vector<std::string>& cells, bool bold) {
    float x = inner_x;
    for (std::size_t c = 0; c < cells.size() && c < t.column_fractions.size(); ++c) {
      const float w = inner_w * t.column_fractions[c];
      const bool right = c < t.right_aligned.size() && t.right_aligned[c];
      Text(dl, cells[c], l.body_px, bold, ImVec2(x + (right ? 0 : 0), y + (l.row_height_px - l.body_px) * 0.5f),
           w - l.gap_px, text, right ? Align::kRight : Align::kLeft);
      x += w;
    }
    y += l.row_height_px;
  };
  row(t.columns, true);
  dl->AddLine(ImVec2(inner_x, y), ImVec2(inner_x + inner_w, y), ImGui::GetColorU32(ImGuiCol_Border), 2.0f);
  for (const auto& cells : t.rows) {
    if (y + l.row_height_px > bottom) break;
    row(cells, false);
  }
}

}  // namespace

// The lost-connection banner: in place of the header, in the error colours, so it is read from across the
// hall and nobody takes the frozen board for a quiet one, while the calls and the lines below stay whole.
void Banner(ImDrawList* dl, const ui::BoardView& v) {
  if (v.banner.empty()) return;
  const ui::BoardLayout& l = v.layout;
  const ui::ToneColors bad = ui::ColorsFor(ui::Tone::kDanger);
  const float h = l.header_height_px;
  const ImVec2 a(0, 0), b(l.width_px, h);
  dl->AddRectFilled(a, b, Col(bad.fill));
  Text(dl, v.banner, l.body_px, true, ImVec2(l.margin_px, a.y + (h - l.body_px) * 0.5f), l.width_px - 2 * l.margin_px,
       Col(bad.text), Align::kCenter, true);
}

void DrawBoard(const ui::BoardView& v) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(v.layout.width_px, v.layout.height_px));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
  ImGui::Begin("##board", nullptr, kFlags);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  Header(dl, v);
  Counters(dl, v);
  Recent(dl, v);
  Waiting(dl, v);
  Panel(dl, v);
  Banner(dl, v);
  ImGui::End();
  ImGui::PopStyleVar(2);
}

}  // namespace motcua::board
