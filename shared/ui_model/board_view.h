// The display board as plain data (style.md §4): every text translated and formatted, every size in
// pixels chosen here, so board/screens/board.cpp only lays boxes and text out with ImGui.
//
// Layout of a landscape TV (sizes for 1920x1080; everything scales with min(w/1920, h/1080)):
//   header (96 px)      the title and the center's name; the clock and date on the right
//   calls (~544 px)     left 60 %: a tile per counter serving a ticket today: the ticket in display
//                       size (h/8 = 135 px, read from 8 m) over "→ Quầy 5"; the newest call's tile
//                       blinks for board.highlight_seconds. Right 40 %: the last 6 calls.
//   bottom (~440 px)    left: the waiting counts per area (letter, name, count); right: the rotating
//                       panel (late officers, communes' results, notices), each list with its date
//                       "Số liệu đến ngày …" and a plain sentence when it has no rows.
// No text is smaller than 36 px at 1080p (small_px); tables use 40 px (body_px).
#pragma once

#include <string>
#include <vector>

#include "common/time.h"
#include "ui_model/board_model.h"
#include "ui_model/strings.h"

namespace motcua::ui {

struct BoardViewOptions {
  int width_px = 1920;   // the window (default 1920x1080)
  int height_px = 1080;
  Lang lang = Lang::kVi;
  bool blink_on = true;  // the highlight's phase: the app flips it twice a second
};

// Pixel sizes for the frame, computed from the window (see the file comment).
struct BoardLayout {
  float width_px = 1920, height_px = 1080;
  float scale = 1.0f;             // min(w / 1920, h / 1080)
  float margin_px = 24;
  float gap_px = 16;
  float header_height_px = 96;
  float calls_top_px = 96, calls_height_px = 544;
  float bottom_top_px = 640, bottom_height_px = 440;
  float counters_width_px = 1128;  // the tiles' area
  float recent_width_px = 720;     // the last calls
  float waiting_width_px = 560;
  float panel_width_px = 1288;
  int tile_columns = 1, tile_rows = 1;
  float tile_width_px = 0, tile_height_px = 0;
  // Font sizes (ImGui size, ascent - descent).
  float display_px = 135;   // ticket labels in the tiles: >= h / 8
  float big_px = 64;        // the last calls, "→ Quầy 5"
  float heading_px = 48;    // titles
  float body_px = 40;       // tables, area rows, notices
  float small_px = 36;      // the status line, "Số liệu đến ngày …", recall marks: the smallest text
  float notice_px = 44;     // the notices (wrapped)
  float row_height_px = 48; // a table row
};

struct BoardCounterTile {
  std::string label;         // "A001"
  std::string counter_text;  // "Quầy 5" (Draw puts an arrow before it), or the counter's name
  bool highlighted = false;  // the newest call, in its blink's "on" phase
  bool is_newest = false;    // the newest call (blinking or not)
};

struct BoardRecentRow {
  std::string label;         // "A001"
  std::string counter_text;  // "Quầy 5" (after a drawn arrow)
  std::string mark;          // "gọi lại" for a recall, else ""
  bool is_newest = false;
};

struct BoardAreaRow {
  std::string letter;      // "A"
  std::string name;        // "Tư pháp - Hộ tịch"
  std::string count_text;  // "12" (priority ones included)
  std::string priority_text;  // "3 ưu tiên" or ""
};

struct BoardTable {
  std::vector<std::string> columns;
  std::vector<float> column_fractions;  // of the panel's width; sum 1
  std::vector<bool> right_aligned;      // numbers
  std::vector<std::vector<std::string>> rows;
};

struct BoardPanelView {
  std::string key;         // BoardPanelKey: names screenshots and --test lines
  std::string title;       // "Cán bộ để hồ sơ trễ hạn – tháng 12/2026"
  std::string as_of;       // "Số liệu đến ngày 07/12/2026" ("" for notices)
  std::string page_text;   // "1/2", "" for a single page
  std::string basis;       // the legal basis, one short line ("Công khai theo Chỉ thị …"), may be ""
  BoardTable table;        // empty for notices
  std::vector<std::string> lines;  // the notices of this page
  std::string empty_text;  // set instead of an empty table: "Chưa có hồ sơ nào trong tháng 12/2026."
};

struct BoardView {
  std::string title;        // "Bảng gọi số"
  std::string center_name;
  std::string clock_text;   // "08:30, Thứ Hai 07/12/2026"
  std::string counters_title;
  std::vector<BoardCounterTile> counters;  // by counter
  std::string counters_empty;              // when no counter serves anyone yet
  std::string recent_title;
  std::vector<BoardRecentRow> recent;      // newest first
  std::string recent_empty;
  std::string waiting_title;
  std::vector<BoardAreaRow> waiting;       // by letter
  std::string waiting_empty;
  BoardPanelView panel;
  std::string status_line;  // small: no sound, a store problem; "" when all is well
  std::string banner;       // the center's database unreachable (LiveBanner), a strip under the header;
                            // "" when connected
  BoardLayout layout;
};

BoardLayout MakeBoardLayout(int width_px, int height_px, std::size_t counters);
BoardView MakeBoardView(const BoardModel& model, Instant now, const BoardViewOptions& options = {});

}  // namespace motcua::ui
