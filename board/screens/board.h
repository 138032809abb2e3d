// The display board's one screen: draws a BoardView (ui_model/board_view.h) over the whole window.
// Nothing is clickable: a board is read from afar. Like every screen it calls only ImGui and our
// widgets (style.md §4): no store, no clock.
#pragma once

#include "ui_model/board_view.h"

namespace motcua::board {

void DrawBoard(const ui::BoardView& view);

}  // namespace motcua::board
