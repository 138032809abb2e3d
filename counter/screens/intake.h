// The intake screen (tiếp nhận hồ sơ): applicant and procedure on the left, the checklist, fees,
// delivery, due date and the confirm button on the right. Keyboard: a CCCD scan fills the applicant
// from anywhere; Ctrl+1..9 picks a recent procedure; Up/Down pick a paper, F5 scans it (the next
// missing one when none is picked), F10 confirms, Esc goes back with the draft kept.
#pragma once

#include <string>
#include <vector>

#include "counter/screens/shell.h"
#include "ui_imgui/widgets.h"
#include "ui_model/counter_app.h"
#include "ui_model/intake_view.h"
#include "ui_model/shell_view.h"

namespace motcua::counter {

struct IntakeScreenState {
  ui::SyncedText id_number, name, phone, email, address, query, delivery_address, received_at;
  int seen_focus_serial = -1;
  int last_drawn_frame = -10;        // ImGui frame count when last drawn: a gap means the screen reappeared
  int seen_error_serial = -1;
  int hit_index = 0;                 // the highlighted search hit (Up/Down in the search box)
  bool choosing_procedure = false;   // "change procedure" pressed: show the search again
  int selected = -1;                 // the selected paper (-1 = the next missing one)
  bool selected_was_missing = false;
  int reuse_index = -1;
  std::string reuse_code;
  int import_index = -1;
  FilePickerState picker;
  enum class Slip { kNone, kSupplement, kRefusal } slip = Slip::kNone;
  std::string slip_reason;
  bool open_reuse = false, open_slip = false, open_discard = false, open_picker = false;
};

void DrawIntake(const ui::IntakeView& view, const ui::FileBrowserView& files, IntakeScreenState& state,
                std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
