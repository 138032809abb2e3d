// The sync screen: the state of the provincial sync in full (what the shell's badge sums up), and
// the records the provincial system refused, each with the server's reason and a "Gửi lại" button
// (grey without Permission::kResendSync). Draws ui::SyncScreenView only.
#pragma once

#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/sync_view.h"

namespace motcua::counter {

struct SyncScreenState {};  // nothing of its own: the list is the model's

void DrawSync(const ui::SyncScreenView& view, SyncScreenState& state, std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
