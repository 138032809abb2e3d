// The work list: search, urgency chips with counts, state and procedure filters, and a table of the
// dossiers, most urgent first, drawn with a list clipper so 2,000 rows cost what the visible ones do.
// Keyboard: type to search (the box has the caret), Up/Down select, Enter opens, F5 refreshes; a
// receipt QR scanned anywhere opens its dossier (the app routes scans).
#pragma once

#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/worklist_view.h"

namespace motcua::counter {

struct WorklistScreenState {
  std::string search;
  std::string seen_search;
  int selected = 0;           // position in the visible rows
  bool focus_search = true;   // the caret goes to the search box when the screen opens
  bool scroll_to_selected = false;
  float row_height_px = 0.0f;  // measured by the clipper, for scrolling to the selection
};

void DrawWorklist(const ui::WorklistView& view, WorklistScreenState& state, std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
