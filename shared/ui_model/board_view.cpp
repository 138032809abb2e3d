#include "ui_model/board_view.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "reports/document.h"
#include "ui_model/live_journal.h"
#include "ui_model/shell_view.h"

namespace motcua::ui {
namespace {

// Bold Noto Sans digits are 0.57 em wide and capitals about 0.65: ~0.6 em a character keeps a label inside.
constexpr float kLabelEmWidth = 0.6f;

std::string MonthText(int year, unsigned month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%04d", month, year);
  return buf;
}

std::string CounterText(Lang lang, const std::string& counter) {
  // A numbered counter is "Quầy 5"; a named one ("Tiếp nhận hồ sơ") is shown as named.
  const bool number = !counter.empty() && std::all_of(counter.begin(), counter.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  // No arrow character: U+2192 is outside the UI font's glyph ranges (ui_imgui/fonts.h); Draw draws one.
  return number ? FormatText(Tr(lang, "board.counter"), {{"counter", counter}}) : counter;
}

// What both public lists share: the key, the basis, the title with the month, the date of the figures, and
// the plain sentence that stands in for an empty table (still loading, no dossier this month, nobody on the
// list). `prefix` is the list's string-table prefix ("board.officers"). False when `p` is complete already.
bool ListPanelHead(const BoardModel& m, const BoardSlide& s, Lang lang, const std::string& prefix, bool rows_empty,
                   BoardPanelView& p) {
  p.key = BoardPanelKey(s.panel);
  p.basis = Tr(lang, prefix + ".basis");
  if (!m.lists) {
    p.title = Tr(lang, prefix + ".title_loading");
    p.empty_text = Tr(lang, "board.lists_loading");
    return false;
  }
  const BoardPublicLists& l = *m.lists;
  const std::string month = MonthText(l.year, l.month);
  p.title = FormatText(Tr(lang, prefix + ".title"), {{"month", month}});
  p.as_of = FormatText(Tr(lang, "board.as_of"), {{"date", FormatDmy(LocalDateVn(l.computed_at))}});
  if (rows_empty) {
    p.empty_text = FormatText(Tr(lang, l.dossiers == 0 ? "board.no_dossiers" : prefix + ".none"), {{"month", month}});
    return false;
  }
  if (s.pages > 1) p.page_text = std::to_string(s.page + 1) + "/" + std::to_string(s.pages);
  return true;
}

BoardPanelView OfficersPanel(const BoardModel& m, const BoardSlide& s, Lang lang) {
  BoardPanelView p;
  if (!ListPanelHead(m, s, lang, "board.officers", !m.lists || m.lists->officers.rows.empty(), p)) return p;
  p.table.columns = {Tr(lang, "board.officers.officer"), Tr(lang, "board.officers.unit"),
                     Tr(lang, "board.officers.late")};
  p.table.column_fractions = {0.40f, 0.42f, 0.18f};
  p.table.right_aligned = {false, false, true};
  const auto& rows = m.lists->officers.rows;
  const std::size_t from = static_cast<std::size_t>(s.page) * kBoardRowsPerSlide;
  for (std::size_t i = from; i < rows.size() && i < from + kBoardRowsPerSlide; ++i) {
    const reports::OfficerLate& r = rows[i];
    const std::string who = r.officer.empty() ? Tr(lang, "board.officers.unassigned") : r.officer_name;
    p.table.rows.push_back({who, r.unit.empty() ? "—" : r.unit, std::to_string(r.late)});
  }
  return p;
}

BoardPanelView CommunesPanel(const BoardModel& m, const BoardSlide& s, Lang lang) {
  BoardPanelView p;
  if (!ListPanelHead(m, s, lang, "board.communes", !m.lists || m.lists->communes.rows.empty(), p)) return p;
  p.table.columns = {Tr(lang, "board.communes.rank"), Tr(lang, "board.communes.unit"),
                     Tr(lang, "board.communes.dossiers"), Tr(lang, "board.communes.total")};
  p.table.column_fractions = {0.10f, 0.52f, 0.18f, 0.20f};
  p.table.right_aligned = {true, false, true, true};
  const auto& rows = m.lists->communes.rows;
  const std::size_t from = static_cast<std::size_t>(s.page) * kBoardRowsPerSlide;
  for (std::size_t i = from; i < rows.size() && i < from + kBoardRowsPerSlide; ++i) {
    const reports::UnitRow& r = rows[i];
    p.table.rows.push_back({std::to_string(r.rank), r.label.empty() ? r.unit : r.label, std::to_string(r.dossiers),
                            reports::FormatPointsVi(r.total)});
  }
  return p;
}

BoardPanelView NoticesPanel(const BoardModel& m, const BoardSlide& s, Lang lang) {
  BoardPanelView p;
  p.key = BoardPanelKey(s.panel);
  p.title = Tr(lang, "board.notices.title");
  const std::size_t from = static_cast<std::size_t>(s.page) * kBoardNoticesPerSlide;
  for (std::size_t i = from; i < m.settings.notices.size() && i < from + kBoardNoticesPerSlide; ++i)
    p.lines.push_back(m.settings.notices[i]);
  if (s.pages > 1) p.page_text = std::to_string(s.page + 1) + "/" + std::to_string(s.pages);
  return p;
}

}  // namespace

BoardLayout MakeBoardLayout(int width_px, int height_px, std::size_t counters) {
  BoardLayout l;
  const float w = static_cast<float>(std::max(width_px, 320));
  const float h = static_cast<float>(std::max(height_px, 240));
  const float s = std::min(w / 1920.0f, h / 1080.0f);
  auto px = [&](float v) { return std::floor(v * s); };
  l.width_px = w;
  l.height_px = h;
  l.scale = s;
  l.margin_px = px(24);
  l.gap_px = px(16);
  l.big_px = px(64);
  l.heading_px = px(48);
  l.body_px = px(40);
  l.small_px = px(36);
  l.notice_px = px(44);
  l.row_height_px = px(48);
  l.header_height_px = px(96);
  l.calls_top_px = l.header_height_px;
  l.bottom_height_px = px(440);
  l.bottom_top_px = h - l.bottom_height_px;
  l.calls_height_px = l.bottom_top_px - l.calls_top_px - l.gap_px;
  const float inner_w = w - 2 * l.margin_px - l.gap_px;
  l.counters_width_px = std::floor(inner_w * 0.60f);
  l.recent_width_px = inner_w - l.counters_width_px;
  l.waiting_width_px = std::floor(inner_w * 0.34f);
  l.panel_width_px = inner_w - l.waiting_width_px;

  const int n = static_cast<int>(counters);
  l.tile_columns = n <= 1 ? 1 : n <= 4 ? 2 : n <= 9 ? 3 : 4;
  l.tile_rows = std::max(1, (n + l.tile_columns - 1) / l.tile_columns);
  l.tile_width_px = std::floor((l.counters_width_px - (l.tile_columns - 1) * l.gap_px) / l.tile_columns);
  // The tiles' area starts under its title line.
  const float tiles_h = l.calls_height_px - l.heading_px - l.gap_px;
  l.tile_height_px = std::floor((tiles_h - (l.tile_rows - 1) * l.gap_px) / l.tile_rows);
  // The ticket: an eighth of the screen's height, less only when many counters share the tiles.
  const float fit_height = l.tile_height_px - l.big_px - 1.5f * l.gap_px;
  l.display_px = std::floor(std::max(l.big_px, std::min(h / 8.0f + 1.0f, fit_height)));
  return l;
}

BoardView MakeBoardView(const BoardModel& m, Instant now, const BoardViewOptions& o) {
  const Lang lang = o.lang;
  BoardView v;
  v.layout = MakeBoardLayout(o.width_px, o.height_px, m.counters.size());
  v.title = Tr(lang, "board.title");
  v.center_name = m.center_name;
  v.clock_text = FormatWhen(lang, now);

  const bool highlight = IsHighlighted(m, now);
  v.counters_title = Tr(lang, "board.counters_title");
  std::size_t longest = 1;
  for (const queue::CounterCall& c : m.counters) {
    BoardCounterTile t;
    t.label = c.label;
    t.counter_text = CounterText(lang, c.counter);
    t.is_newest = highlight && m.newest && m.newest->label == c.label && m.newest->counter == c.counter;
    t.highlighted = t.is_newest && o.blink_on;
    longest = std::max(longest, c.label.size());
    v.counters.push_back(std::move(t));
  }
  // Keep the longest label inside its tile (Draw also shrinks any text that would overflow).
  const float fit_width = v.layout.tile_width_px * 0.92f / (kLabelEmWidth * static_cast<float>(longest));
  v.layout.display_px = std::floor(std::max(v.layout.big_px, std::min(v.layout.display_px, fit_width)));
  if (v.counters.empty()) v.counters_empty = Tr(lang, "board.counters_empty");

  v.recent_title = Tr(lang, "board.recent_title");
  for (const BoardCall& c : m.recent) {
    BoardRecentRow r;
    r.label = c.label;
    r.counter_text = CounterText(lang, c.counter);
    r.mark = c.recall ? Tr(lang, "board.recall") : "";
    r.is_newest = highlight && m.newest && m.newest->seq == c.seq;
    v.recent.push_back(std::move(r));
  }
  if (v.recent.empty()) v.recent_empty = Tr(lang, "board.recent_empty");

  v.waiting_title = Tr(lang, "board.waiting_title");
  for (const queue::Area& a : m.areas) {
    if (!a.active) continue;
    const auto it = m.waiting.find(a.letter);
    const queue::WaitingCount count = it == m.waiting.end() ? queue::WaitingCount{} : it->second;
    BoardAreaRow row;
    row.letter = a.letter;
    row.name = lang == Lang::kEn && !a.name_en.empty() ? a.name_en : a.name;
    row.count_text = std::to_string(count.Total());
    if (count.priority > 0)
      row.priority_text = FormatText(Tr(lang, "board.priority"), {{"count", std::to_string(count.priority)}});
    v.waiting.push_back(std::move(row));
  }
  if (v.waiting.empty()) v.waiting_empty = Tr(lang, "board.waiting_empty");

  const BoardSlide slide = m.slide < m.slides.size() ? m.slides[m.slide] : BoardSlide{};
  switch (slide.panel) {
    case BoardPanel::kLateOfficers: v.panel = OfficersPanel(m, slide, lang); break;
    case BoardPanel::kCommunes: v.panel = CommunesPanel(m, slide, lang); break;
    case BoardPanel::kNotices: v.panel = NoticesPanel(m, slide, lang); break;
  }

  std::vector<std::string> status;
  if (!m.audio_problem.empty()) status.push_back(Tr(lang, "board.no_sound"));
  if (m.store_error) status.push_back(Tr(lang, "board.store_error"));
  if (!m.lists_error.empty()) status.push_back(Tr(lang, "board.lists_error"));
  for (const std::string& s : status) v.status_line += (v.status_line.empty() ? "" : " · ") + s;
  v.banner = LiveBanner(m.feed, lang);
  return v;
}

}  // namespace motcua::ui
