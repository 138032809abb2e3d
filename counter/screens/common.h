// Small drawing helpers the counter's screens share. Like the screens, they call only ImGui and our
// widgets (style.md §4).
#pragma once

#include <imgui.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ui_imgui/widgets.h"
#include "ui_model/intake_view.h"

namespace motcua::counter {

// "text##id": a visible label with a stable ImGui id.
inline std::string Label(std::string_view text, std::string_view id) {
  return std::string(text) + "##" + std::string(id);
}

// A row of buttons of which one is selected (radio buttons that are easy to hit). Returns the value
// of the button clicked this frame, or -1.
int ChoiceRow(const char* id, std::span<const ui::ChoiceItem> items);

// A label above a one-line field. Returns true when Enter was pressed in it.
bool LabeledField(const std::string& label, const char* id, std::string* value,
                  const ui::TextFieldOptions& options = {});

// An error line in the danger tone, only when `text` is not empty.
void ErrorLine(const std::string& text);
// A wrapped heading in the heading font.
void Heading(const std::string& text);
// True when no text field has the keyboard and no popup is open: single-key shortcuts may act.
bool ShortcutsFree();
// True on the frame Esc goes down while nothing else consumes it (no active field, no popup).
bool EscapePressed();

// Where a printed form went (ui::PrintPlaceView) in `width_px`: the line in its tone with the "Mở"
// button (OpenPrintedPdf) beside it, the PDF's path under a printer's line, why opening failed.
void DrawPrintPlace(const ui::PrintPlaceView& place, float width_px, std::vector<ui::CounterAction>& actions);

// Call between two buttons of a row: keeps the next button (labelled `label`, "text##id") on the
// line when it fits before `right_x` (a screen x, e.g. a table cell's right edge), else lets it
// start a new line, so a row of buttons wraps instead of running out of a cell, clipped.
void SameLineIfFits(const std::string& label, float right_x);

}  // namespace motcua::counter
