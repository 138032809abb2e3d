// The settings screen: this station's printer and scanner (found on request, on worker threads), and
// the center's working-hours profile for administrators.
#pragma once

#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/settings_view.h"

namespace motcua::counter {

struct SettingsScreenState {
  bool loaded = false;  // the form was filled from the stored settings
  ui::DeviceSettings devices;
  std::string wait_text, dpi_text, baud_text;
  std::string profile;
};

void DrawSettings(const ui::SettingsView& view, SettingsScreenState& state, std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
