#include "counter/screens/settings.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "common/number_parse.h"
#include "common/text.h"
#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

// A typed whole number (spaces around it allowed), or `fallback` for anything else: the core then
// refuses the fallback by name (ui::SaveDevices).
int ParseInt(const std::string& text, int fallback) { return ParseDigits<int>(Trim(text)).value_or(fallback); }

// A text field with the found devices in a combo beside it.
void DeviceField(const std::string& label, const char* id, std::string* value, const std::vector<ui::DeviceOption>& options,
                 bool has_error) {
  ImGui::TextUnformatted(label.c_str());
  const float combo_w = ui::Em(2.0f);
  ui::TextField(id, value, {.has_error = has_error, .width_px = ImGui::GetContentRegionAvail().x - combo_w - ImGui::GetStyle().ItemSpacing.x});
  ImGui::SameLine();
  ImGui::SetNextItemWidth(combo_w);
  if (ImGui::BeginCombo((std::string(id) + "_found").c_str(), "", ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft)) {
    for (const ui::DeviceOption& o : options)
      if (ImGui::Selectable(o.label.c_str(), o.name == *value)) *value = o.name;
    ImGui::EndCombo();
  }
}

// The code scanner: its mode, and for a device of its own the path (with the devices found) and the
// serial speed; its state now under them.
void DrawCodeScanner(const ui::SettingsView& v, SettingsScreenState& s) {
  Heading(v.code_scanner_label);
  for (std::size_t i = 0; i < v.code_scanner_modes.size(); ++i) {
    if (i > 0) ui::SameLineIfFits(v.code_scanner_modes[i].second.c_str());
    if (ImGui::RadioButton(v.code_scanner_modes[i].second.c_str(), s.devices.scanner_mode == v.code_scanner_modes[i].first))
      s.devices.scanner_mode = v.code_scanner_modes[i].first;
  }
  if (s.devices.scanner_mode != "wedge") {
    std::vector<ui::DeviceOption> found;
    for (const auto& d : v.code_scanners)
      if (d.mode == s.devices.scanner_mode) found.push_back({d.path, d.label});
    DeviceField(v.code_scanner_path_label, "##scanner_path", &s.devices.scanner_path, found,
                v.error_field == "scanner_path");
    if (s.devices.scanner_mode == "serial")
      LabeledField(v.code_scanner_baud_label, "##scanner_baud", &s.baud_text,
                   {.has_error = v.error_field == "scanner_baud", .width_px = ui::Em(8.0f)});
  }
  ImGui::PushTextWrapPos(0.0f);
  if (!v.code_scanner_state.empty()) ImGui::TextUnformatted(v.code_scanner_state.c_str());
  ui::MutedText(v.code_scanner_note);
  ImGui::PopTextWrapPos();
}

}  // namespace

void DrawSettings(const ui::SettingsView& v, SettingsScreenState& s, std::vector<ui::CounterAction>& actions) {
  if (!s.loaded) {
    s.devices = v.devices;
    s.wait_text = std::to_string(v.devices.print_wait_ms);
    s.dpi_text = std::to_string(v.devices.scan_dpi);
    s.baud_text = std::to_string(v.devices.scanner_baud);
    s.profile = v.profile;
    s.loaded = true;
  }
  ui::TextIn(ui::FontRole::kHeading, v.title);
  if (!v.notice_text.empty()) ui::StatusBanner(v.notice_text, ui::Tone::kSuccess);
  ErrorLine(v.error_text);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = std::floor((ImGui::GetContentRegionAvail().x - spacing) * 0.6f);
  ImGui::BeginChild("##station_settings", ImVec2(left_w, 0.0f), true);
  Heading(v.station_title);
  LabeledField(v.name_label, "##station_name", &s.devices.name, {.has_error = v.error_field == "name"});
  LabeledField(v.queue_counter_label, "##queue_counter", &s.devices.queue_counter,
               {.has_error = v.error_field == "queue_counter", .width_px = ui::Em(10.0f)});
  ui::MutedText(v.queue_counter_note);
  DeviceField(v.queue_label, "##printer_queue", &s.devices.printer_queue, v.queues, v.error_field == "printer_queue");
  ui::MutedText(v.no_printer_note);
  if (ui::Button(Label(v.find_printers_label, "find_printers").c_str())) actions.emplace_back(ui::FindPrinters{});
  if (!v.queues_status.empty()) {
    ImGui::SameLine();
    ui::MutedText(v.queues_status);
  }
  LabeledField(v.cups_label, "##cups_server", &s.devices.cups_server);
  LabeledField(v.wait_label, "##print_wait", &s.wait_text, {.has_error = v.error_field == "print_wait_ms"});
  ImGui::Separator();
  DeviceField(v.scanner_label, "##scanner_device", &s.devices.scanner_device, v.scanners, v.error_field == "device_name");
  if (ui::Button(Label(v.find_scanners_label, "find_scanners").c_str())) actions.emplace_back(ui::FindScanners{});
  if (!v.scanners_status.empty()) {
    ImGui::SameLine();
    ui::MutedText(v.scanners_status);
  }
  LabeledField(v.dpi_label, "##scan_dpi", &s.dpi_text, {.has_error = v.error_field == "scan_dpi"});
  ImGui::Checkbox(v.color_label.c_str(), &s.devices.scan_color);
  ImGui::TextUnformatted(v.source_label.c_str());
  for (std::size_t i = 0; i < v.sources.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::RadioButton(v.sources[i].second.c_str(), s.devices.scan_source == v.sources[i].first))
      s.devices.scan_source = v.sources[i].first;
  }
  LabeledField(v.import_dir_label, "##import_dir", &s.devices.import_dir);
  ImGui::Separator();
  DrawCodeScanner(v, s);
  if (ui::BigButton(Label(v.save_label, "save_devices").c_str())) {
    ui::DeviceSettings d = s.devices;
    d.print_wait_ms = ParseInt(s.wait_text, -1);
    d.scan_dpi = ParseInt(s.dpi_text, -1);
    d.scanner_baud = ParseInt(s.baud_text, -1);
    actions.emplace_back(ui::SaveDevices{d});
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##center_settings", ImVec2(0.0f, 0.0f), true);
  Heading(v.center_title);
  ImGui::PushTextWrapPos(0.0f);
  ui::MutedText(v.center_lines);
  ImGui::PopTextWrapPos();
  ImGui::TextUnformatted(v.profile_label.c_str());
  if (!v.can_manage_calendar) ImGui::BeginDisabled();
  for (const std::string& p : v.profiles)
    if (ImGui::RadioButton(p.c_str(), s.profile == p)) s.profile = p;
  if (ui::Button(Label(v.save_profile_label, "save_profile").c_str(), {.is_enabled = v.can_manage_calendar}))
    actions.emplace_back(ui::SaveCalendarProfileChoice{s.profile});
  if (!v.can_manage_calendar) ImGui::EndDisabled();
  ImGui::EndChild();
}

}  // namespace motcua::counter
