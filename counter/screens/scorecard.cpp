#include "counter/screens/scorecard.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

void Emit(std::vector<ui::CounterAction>& actions, ui::ScoreCardAction a) {
  actions.emplace_back(ui::ScoreCardCommand{std::move(a)});
}

ImU32 Color(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }
ImU32 ToneFill(ui::Tone t) { return Color(ui::ColorsFor(t).fill); }

void ColoredText(ui::Tone tone, const std::string& text) {
  // The tone's fill is the strong colour; on the light counter theme it reads as text too. Neutral
  // (no score, tracking only) is muted.
  ImGui::PushStyleColor(ImGuiCol_Text, tone == ui::Tone::kNeutral ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled)
                                                                  : ui::ColorsFor(tone).fill);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
}

float TextW(const std::string& s) { return ImGui::CalcTextSize(s.c_str(), nullptr, true).x; }

// Month navigation, refresh and language: one line.
void DrawTopBar(const ui::ScoreCardView& v, std::vector<ui::CounterAction>& actions) {
  ui::TextIn(ui::FontRole::kHeading, v.title);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ui::TextIn(ui::FontRole::kBodyBold, v.period_text);
  if (!v.allowed) return;
  ImGui::SameLine();
  if (ui::Button(Label(v.previous_month_label, "sc_prev_month").c_str())) Emit(actions, v.previous_month);
  ImGui::SameLine();
  if (ui::Button(Label(v.next_month_label, "sc_next_month").c_str(), {.is_enabled = v.has_next_month}))
    Emit(actions, v.next_month);
  ImGui::SameLine();
  if (ui::Button(Label(v.refresh_label, "sc_refresh").c_str())) Emit(actions, ui::scorecard::Refresh{});
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ui::MutedText(v.as_of_text);
}

// The units as a two-column table: the name (wrapped, long department names are common) and its total
// in a badge of its tone; a click anywhere on the row selects the unit.
void DrawUnits(const ui::ScoreCardView& v, std::vector<ui::CounterAction>& actions) {
  ui::TextIn(ui::FontRole::kBodyBold, v.units_title);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##sc_units_table", 2, flags, ImVec2(0.0f, ImGui::GetContentRegionAvail().y))) return;
  float total_w = 0.0f;
  for (const ui::UnitTab& u : v.units) total_w = std::max(total_w, TextW(u.total_text));
  ImGui::TableSetupColumn("unit", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("total", ImGuiTableColumnFlags_WidthFixed, total_w + ImGui::GetStyle().FramePadding.x * 1.5f);
  const float min_h = ui::CurrentMetrics().touch_target_px - 2.0f * ImGui::GetStyle().CellPadding.y;
  for (std::size_t i = 0; i < v.units.size(); ++i) {
    const ui::UnitTab& u = v.units[i];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(i));
    const float wrap_w = ImGui::GetContentRegionAvail().x;
    const float text_h = ImGui::CalcTextSize(u.label.c_str(), nullptr, false, wrap_w).y;
    const ImVec2 pos = ImGui::GetCursorPos();
    if (ImGui::Selectable("##sc_unit", u.is_selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(0.0f, std::max(text_h, min_h))))
      Emit(actions, u.select);
    ImGui::SetCursorPos(ImVec2(pos.x, pos.y + std::max(0.0f, (min_h - text_h) * 0.5f)));
    ImGui::PushTextWrapPos(0.0f);
    if (i == 0) ImGui::PushFont(ui::GetFont(ui::FontRole::kBodyBold));
    ImGui::TextUnformatted(u.label.c_str());
    if (i == 0) ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (min_h - ImGui::GetTextLineHeight()) * 0.5f));
    ui::Badge(u.total_text, u.tone);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// The selected card: total, points lost, dossiers; the six group bars beside it.
void DrawSummary(const ui::ScoreCardView& v) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float left_w = std::max(ui::Em(12.0f), ImGui::GetContentRegionAvail().x * 0.3f);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + left_w);
  ui::TextIn(ui::FontRole::kBodyBold, v.scope_label);
  ImGui::PopTextWrapPos();
  ImGui::PushFont(ui::GetFont(ui::FontRole::kLarge));
  ColoredText(v.total_tone, v.total_text);
  ImGui::PopFont();
  ImGui::TextUnformatted(v.lost_text.c_str());
  ui::MutedText(v.dossiers_text);
  ImGui::Dummy(ImVec2(left_w, 0.0f));
  ImGui::EndGroup();
  ImGui::SameLine(0.0f, style.ItemSpacing.x * 2);

  // Group bars: label, bar (track + fill in the group's tone), "points / max", "−lost".
  ImGui::BeginGroup();
  float label_w = 0.0f, value_w = 0.0f, lost_w = 0.0f;
  for (const ui::GroupBar& g : v.groups) {
    label_w = std::max(label_w, TextW(g.label));
    value_w = std::max(value_w, TextW(g.value_text));
    lost_w = std::max(lost_w, TextW(g.lost_text));
  }
  const float avail = ImGui::GetContentRegionAvail().x;
  const float gap = style.ItemSpacing.x;
  const float bar_w = std::max(ui::Em(4.0f), std::min(v.layout.group_bar_width_px,
                                                      avail - label_w - value_w - lost_w - 4 * gap));
  const float line_h = ImGui::GetTextLineHeightWithSpacing();
  const float bar_h = std::min(v.layout.bar_height_px, ImGui::GetTextLineHeight() * 0.8f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec4 track_color = ImGui::GetStyleColorVec4(ImGuiCol_Border);
  track_color.w *= 0.35f;  // a faint track shows the full length even at 0 points
  const ImU32 track = Color(track_color);
  const ImU32 text = Color(ImGui::GetStyleColorVec4(ImGuiCol_Text));
  const ImU32 muted = Color(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  for (const ui::GroupBar& g : v.groups) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddText(p, text, g.label.c_str());
    const float bx = p.x + label_w + gap;
    const float by = p.y + (ImGui::GetTextLineHeight() - bar_h) * 0.5f;
    dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bar_w, by + bar_h), track, 3.0f);
    if (g.fraction > 0.0f)
      dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bar_w * g.fraction, by + bar_h), ToneFill(g.tone), 3.0f);
    dl->AddText(ImVec2(bx + bar_w + gap, p.y), text, g.value_text.c_str());
    if (!g.lost_text.empty()) dl->AddText(ImVec2(bx + bar_w + 2 * gap + value_w, p.y), muted, g.lost_text.c_str());
    ImGui::Dummy(ImVec2(label_w + bar_w + value_w + lost_w + 3 * gap, line_h - style.ItemSpacing.y));
  }
  ImGui::EndGroup();
}

void DrawPartButtons(const ui::ScoreCardView& v, ScoreCardScreenState& s) {
  struct Part {
    ScoreCardPart part;
    const std::string* label;
    const char* id;
  };
  const Part parts[] = {{ScoreCardPart::kIndicators, &v.indicators_title, "sc_part_indicators"},
                        {ScoreCardPart::kWork, &v.work_title, "sc_part_work"},
                        {ScoreCardPart::kTrend, &v.trend_title, "sc_part_trend"},
                        {ScoreCardPart::kExports, &v.exports_title, "sc_part_exports"}};
  for (std::size_t i = 0; i < std::size(parts); ++i) {
    if (i > 0) ImGui::SameLine();
    std::string label = *parts[i].label;
    if (parts[i].part == ScoreCardPart::kTrend && !v.comparison.empty()) label += " · " + v.comparison_title;
    const bool selected = s.part == parts[i].part;
    if (ui::Button(Label(label, parts[i].id).c_str(), {.tone = selected ? ui::Tone::kInfo : ui::Tone::kNeutral}))
      s.part = parts[i].part;
  }
}

// "▸ text" / "▾ text" in the info tone (the triangle is drawn: the UI font has no arrow glyphs), a
// button of its own: returns true on the frame it is clicked, anywhere on the triangle or the text.
// It sits on the line under the indicator's name, outside the row's one-line Selectable, so it must
// take its own clicks. Recorded for tests as `locator_id`.
bool Disclosure(bool open, const std::string& text, const std::string& locator_id) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 size(h + TextW(text), h);
  const bool clicked = ImGui::InvisibleButton("##sc_drill", size);
  ui::RecordLastItem(locator_id);
  const bool hovered = ImGui::IsItemHovered();
  if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const ImU32 col = ToneFill(ui::Tone::kInfo);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float r = h * 0.25f;
  const ImVec2 c(p.x + h * 0.5f, p.y + h * 0.5f);
  if (open)
    dl->AddTriangleFilled(ImVec2(c.x - r, c.y - r * 0.6f), ImVec2(c.x + r, c.y - r * 0.6f), ImVec2(c.x, c.y + r), col);
  else
    dl->AddTriangleFilled(ImVec2(c.x - r * 0.6f, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x - r * 0.6f, c.y + r), col);
  dl->AddText(ImVec2(p.x + h, p.y), col, text.c_str());
  if (hovered) dl->AddLine(ImVec2(p.x + h, p.y + h - 1.0f), ImVec2(p.x + size.x, p.y + h - 1.0f), col);
  return clicked;
}

void WrappedCell(const std::string& text) {
  ImGui::TableNextColumn();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopTextWrapPos();
}

void DrawIndicators(const ui::ScoreCardView& v, ScoreCardScreenState& s, std::vector<ui::CounterAction>& actions) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##sc_indicators", 6, flags, ImVec2(0.0f, ImGui::GetContentRegionAvail().y))) return;
  const auto& c = v.indicator_columns;
  // Fixed columns as wide as their widest text (header or cell), so that nothing is cut off.
  std::array<float, 6> widths{};
  for (int i = 0; i < 6; ++i) widths[i] = TextW(c[i]);
  for (const ui::IndicatorGroupView& g : v.indicator_groups) {
    widths[4] = std::max(widths[4], TextW(g.points_text));
    for (const ui::IndicatorRow& r : g.rows) {
      widths[0] = std::max(widths[0], TextW(r.code));
      widths[2] = std::max(widths[2], TextW(r.counts_text));
      widths[3] = std::max(widths[3], TextW(r.ratio_text));
      widths[4] = std::max(widths[4], TextW(r.points_text));
      widths[5] = std::max(widths[5], TextW(r.lost_text));
    }
  }
  const float pad = ImGui::GetStyle().CellPadding.x * 2 + 2.0f;
  ImGui::TableSetupColumn(c[0].c_str(), ImGuiTableColumnFlags_WidthFixed, widths[0] + pad);
  ImGui::TableSetupColumn(c[1].c_str(), ImGuiTableColumnFlags_WidthStretch);
  for (int i = 2; i < 6; ++i) ImGui::TableSetupColumn(c[i].c_str(), ImGuiTableColumnFlags_WidthFixed, widths[i] + pad);
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableHeadersRow();
  int row_id = 0;
  for (const ui::IndicatorGroupView& g : v.indicator_groups) {
    ImGui::TableNextRow();
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, Color(ImGui::GetStyleColorVec4(ImGuiCol_Header)));
    ImGui::TableSetColumnIndex(1);
    ui::TextIn(ui::FontRole::kBodyBold, g.title);
    ImGui::TableSetColumnIndex(4);
    ui::TextIn(ui::FontRole::kBodyBold, g.points_text);
    for (const ui::IndicatorRow& r : g.rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(row_id++);
      const bool can_expand = !r.losses.empty() || !r.more_text.empty();
      const bool open = s.expanded.count(r.code) > 0;
      bool toggle = false;
      if (can_expand) {  // the row's first line: a click there toggles too
        toggle = ImGui::Selectable("##sc_ind", open, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap);
        ui::RecordLastItem("sc_row_" + r.code);
        ImGui::SameLine(0.0f, 0.0f);
      }
      ImGui::TextUnformatted(r.code.c_str());
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(r.name.c_str());
      ImGui::PopTextWrapPos();
      if (!r.no_data_note.empty()) ui::MutedText(r.no_data_note);  // why a "no data" row still counts
      if (can_expand && !r.expand_label.empty()) toggle |= Disclosure(open, r.expand_label, "sc_drill_" + r.code);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.counts_text.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(r.ratio_text.c_str());
      ImGui::TableNextColumn();
      ColoredText(r.is_tracking ? ui::Tone::kNeutral : r.tone, r.points_text);
      ImGui::TableNextColumn();
      if (!r.lost_text.empty()) ColoredText(ui::Tone::kDanger, r.lost_text);
      ImGui::PopID();
      if (toggle) {  // drawn as it was this frame; the list opens (or closes) on the next
        if (open) s.expanded.erase(r.code);
        else s.expanded.insert(r.code);
      }
      if (!open) continue;
      for (const ui::LossRow& l : r.losses) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(1);
        ImGui::PushID(row_id++);
        ImGui::Indent(ui::Em(1.0f));
        const std::string text = l.applicant.empty() ? l.code : l.code + " — " + l.applicant;
        if (l.open) {
          if (ImGui::Selectable(text.c_str(), false,
                                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            Emit(actions, *l.open);
          ui::RecordLastItem("sc_loss_" + r.code + "_" + l.code);
          if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        } else {
          ImGui::TextUnformatted(text.c_str());
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", l.reason.c_str());  // why it cost points, after the dossier
        ImGui::Unindent(ui::Em(1.0f));
        ImGui::PopID();
      }
      if (!r.more_text.empty()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(1);
        ui::MutedText(r.more_text);
      }
    }
  }
  ImGui::EndTable();
}

void DrawWork(const ui::ScoreCardView& v, std::vector<ui::CounterAction>& actions) {
  ImGui::BeginChild("##sc_work", ImVec2(0.0f, 0.0f), false);
  ui::TextIn(ui::FontRole::kBodyBold, v.work_points_text);
  ui::MutedText(v.points_method);
  if (v.work.empty()) ui::MutedText(v.work_empty_text);
  const auto& c = v.work_columns;
  int row_id = 0;
  for (std::size_t k = 0; k < v.work.size(); ++k) {
    const ui::WorkSection& sec = v.work[k];
    ImGui::PushID(static_cast<int>(k));
    ImGui::PushStyleColor(ImGuiCol_Header, ui::ColorsFor(sec.tone).fill);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::ColorsFor(sec.tone).text);
    const bool open = ImGui::CollapsingHeader((sec.title + "##sc_work_kind").c_str(),
                                              k < 2 ? ImGuiTreeNodeFlags_DefaultOpen : ImGuiTreeNodeFlags_None);
    ImGui::PopStyleColor(2);
    if (open && ImGui::BeginTable("##sc_work_table", 6,
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter)) {
      ImGui::TableSetupColumn(c[0].c_str(), ImGuiTableColumnFlags_WidthFixed,
                              std::max(TextW(c[0]), TextW("000.00.00.H00-260827-0001")) + 8.0f);
      ImGui::TableSetupColumn(c[1].c_str(), ImGuiTableColumnFlags_WidthStretch, 0.8f);
      ImGui::TableSetupColumn(c[2].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn(c[3].c_str(), ImGuiTableColumnFlags_WidthFixed, std::max(TextW(c[3]), TextW("00:00 00/00/0000")) + 8.0f);
      ImGui::TableSetupColumn(c[4].c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
      ImGui::TableSetupColumn(c[5].c_str(), ImGuiTableColumnFlags_WidthFixed, std::max(TextW(c[5]), TextW("đã mất 0,00")) + 8.0f);
      ImGui::TableHeadersRow();
      for (const ui::WorkRow& r : sec.rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::PushID(row_id++);
        if (ImGui::Selectable(r.code.c_str(), false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
          Emit(actions, r.open);
        ImGui::PopID();
        WrappedCell(r.applicant);
        WrappedCell(r.procedure);
        WrappedCell(r.due_text);
        WrappedCell(r.detail.empty() ? r.todo : r.todo + " (" + r.detail + ")");
        ImGui::TableNextColumn();
        if (!r.points_text.empty()) ui::TextIn(ui::FontRole::kBodyBold, r.points_text);
      }
      ImGui::EndTable();
      if (!sec.more_text.empty()) ui::MutedText(sec.more_text);
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

// Monthly totals as vertical bars (0..100), drawn with the window's ImDrawList.
void DrawTrendChart(const ui::ScoreCardView& v) {
  ui::TextIn(ui::FontRole::kBodyBold, v.trend_title);
  if (v.trend.empty()) return;
  const ImGuiStyle& style = ImGui::GetStyle();
  float label_w = 0.0f;
  for (const ui::TrendBar& b : v.trend) label_w = std::max({label_w, TextW(b.label), TextW(b.value_text)});
  const float slot_w = std::max(v.layout.trend_bar_width_px, label_w) + style.ItemSpacing.x * 2;
  const float chart_h = std::max(ui::Em(4.0f), v.layout.trend_chart_height_px - 2 * ImGui::GetTextLineHeightWithSpacing());
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float total_h = line + chart_h + line + style.ItemSpacing.y * 2;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 axis = Color(ImGui::GetStyleColorVec4(ImGuiCol_Border));
  const ImU32 text = Color(ImGui::GetStyleColorVec4(ImGuiCol_Text));
  const ImU32 muted = Color(ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  const ImU32 grid = Color(ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  const float base_y = origin.y + line + style.ItemSpacing.y + chart_h;
  const float width = slot_w * static_cast<float>(v.trend.size());
  for (int q = 1; q <= 4; ++q) {  // 25, 50, 75, 100 points
    const float y = base_y - chart_h * static_cast<float>(q) / 4.0f;
    dl->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + width, y), grid);
  }
  dl->AddLine(ImVec2(origin.x, base_y), ImVec2(origin.x + width, base_y), axis, 1.5f);
  const float bar_w = std::min(v.layout.trend_bar_width_px, slot_w - style.ItemSpacing.x * 2);
  for (std::size_t i = 0; i < v.trend.size(); ++i) {
    const ui::TrendBar& b = v.trend[i];
    const float cx = origin.x + slot_w * (static_cast<float>(i) + 0.5f);
    const float top = base_y - chart_h * b.fraction;
    if (b.has_data) {
      const ui::Tone tone = b.value >= 90 ? ui::Tone::kSuccess : b.value >= 70 ? ui::Tone::kWarning : ui::Tone::kDanger;
      dl->AddRectFilled(ImVec2(cx - bar_w / 2, top), ImVec2(cx + bar_w / 2, base_y), ToneFill(tone), 3.0f);
    }
    const float vw = TextW(b.value_text);
    dl->AddText(ImVec2(cx - vw / 2, top - line - 2.0f), b.has_data ? text : muted, b.value_text.c_str());
    const float lw = TextW(b.label);
    dl->AddText(ImVec2(cx - lw / 2, base_y + style.ItemSpacing.y), muted, b.label.c_str());
  }
  ImGui::Dummy(ImVec2(width, total_h));
}

void DrawComparison(const ui::ScoreCardView& v, std::vector<ui::CounterAction>& actions) {
  if (v.comparison.empty()) return;
  ui::TextIn(ui::FontRole::kBodyBold, v.comparison_title);
  const int n = static_cast<int>(v.comparison_columns.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("##sc_comparison", n, flags, ImVec2(0.0f, ImGui::GetContentRegionAvail().y))) return;
  const float pad = ImGui::GetStyle().CellPadding.x * 2 + 4.0f;
  float unit_w = TextW(v.comparison_columns[1]);
  for (const ui::ComparisonRow& r : v.comparison) unit_w = std::max(unit_w, TextW(r.label));
  unit_w = std::min(unit_w, ui::Em(14.0f));  // long names wrap
  for (int i = 0; i < n; ++i) {
    const std::string& h = v.comparison_columns[i];
    const float w = i == 1 ? unit_w : std::max(TextW(h), TextW("100,00"));
    ImGui::TableSetupColumn(h.c_str(), ImGuiTableColumnFlags_WidthFixed, w + pad);
  }
  ImGui::TableSetupScrollFreeze(2, 1);
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < v.comparison.size(); ++i) {
    const ui::ComparisonRow& r = v.comparison[i];
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable((r.rank_text + "##sc_cmp").c_str(), r.is_selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
      Emit(actions, r.select);
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(r.label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.dossiers_text.c_str());
    ImGui::TableNextColumn();
    ColoredText(r.tone, r.total_text);
    for (const std::string& g : r.group_texts) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(g.c_str());
    }
    ImGui::TableNextColumn();
    ColoredText(ui::Tone::kDanger, r.lost_text);
  }
  ImGui::EndTable();
}

void DrawExports(const ui::ScoreCardView& v, std::vector<ui::CounterAction>& actions) {
  ImGui::Spacing();
  for (std::size_t i = 0; i < v.exports.size(); ++i) {
    const ui::ExportButton& b = v.exports[i];
    if (i > 0 && ImGui::GetContentRegionAvail().x > TextW(b.label) + ui::Em(2.0f) && i % 3 != 0) ImGui::SameLine();
    if (ui::Button(Label(b.label, "sc_export_" + std::to_string(i)).c_str(),
                   {.tone = i == 0 ? ui::Tone::kInfo : ui::Tone::kNeutral}))
      Emit(actions, b.action);
  }
  if (!v.last_export_text.empty()) {
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(v.last_export_text.c_str());
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

void DrawScoreCard(const ui::ScoreCardView& v, ScoreCardScreenState& s, std::vector<ui::CounterAction>& actions) {
  DrawTopBar(v, actions);
  ErrorLine(v.error_text);
  if (!v.allowed) {
    ui::StatusBanner(v.denied_text, ui::Tone::kWarning);
    return;
  }
  if (v.units.empty()) {  // nothing scored (yet): the empty line and the way to score again
    ui::MutedText(v.empty_text);
    return;
  }
  // A new card opens with the indicator that lost the most points unfolded: the first thing to look at.
  std::string card = v.trend.empty() ? v.period_text : v.trend.back().label;  // "03/2026" in both languages
  for (const ui::UnitTab& u : v.units)
    if (u.is_selected) card += "|" + u.key;
  if (s.expanded_for != card) {
    s.expanded_for = card;
    s.expanded.clear();
    const ui::IndicatorRow* worst = nullptr;
    for (const ui::IndicatorGroupView& g : v.indicator_groups)
      for (const ui::IndicatorRow& r : g.rows)
        if (!r.losses.empty() && (worst == nullptr || r.lost_points > worst->lost_points)) worst = &r;
    if (worst != nullptr) s.expanded.insert(worst->code);
  }
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = std::min(v.layout.unit_list_width_px, std::floor(ImGui::GetContentRegionAvail().x * 0.25f));
  ImGui::BeginChild("##sc_units", ImVec2(left_w, 0.0f), true);
  DrawUnits(v, actions);
  ImGui::EndChild();
  ImGui::SameLine(0.0f, spacing);
  ImGui::BeginChild("##sc_card", ImVec2(0.0f, 0.0f), true);
  DrawSummary(v);
  if (!v.empty_text.empty()) ui::MutedText(v.empty_text);
  ImGui::Separator();
  DrawPartButtons(v, s);
  switch (s.part) {
    case ScoreCardPart::kIndicators: DrawIndicators(v, s, actions); break;
    case ScoreCardPart::kWork: DrawWork(v, actions); break;
    case ScoreCardPart::kTrend:
      DrawTrendChart(v);
      DrawComparison(v, actions);
      break;
    case ScoreCardPart::kExports: DrawExports(v, actions); break;
  }
  ImGui::EndChild();
}

}  // namespace motcua::counter
