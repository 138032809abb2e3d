// The settings screen as plain data: this station's printer and scanner (any signed-in account sets
// up its own station) and the center's hours profile (administrators only).
#pragma once

#include <string>
#include <vector>

#include "ui_model/counter_app.h"

namespace motcua::ui {

struct DeviceOption {
  std::string name;    // what the setting takes (queue name, SANE device name)
  std::string label;   // "Máy in quầy 3 (HP LaserJet) — sẵn sàng"
};

struct SettingsView {
  std::string title;
  std::string station_title;
  DeviceSettings devices;          // the values stored now (the form starts from them)
  std::string queue_counter_label;  // "Số quầy gọi số (bảng hiển thị đọc số này)"
  std::string queue_counter_note;   // empty = no call panel at this station
  std::string name_label, queue_label, cups_label, wait_label, scanner_label, dpi_label, color_label,
      source_label, import_dir_label, save_label;
  std::vector<std::pair<std::string, std::string>> sources;  // key, label
  std::string find_printers_label, find_scanners_label;
  std::vector<DeviceOption> queues;
  std::string queues_status;       // "Đang tìm…", "Không có máy in", an error
  std::vector<DeviceOption> scanners;
  std::string scanners_status;
  std::string no_printer_note;     // what happens with no queue set

  // The code scanner (scanner_mode, scanner_path, scanner_baud): its modes as key, label; the devices found
  // (name = path, mode = the mode it takes); its state now ("Đã kết nối …", or ScannerBanner's sentence;
  // "" in wedge mode).
  std::string code_scanner_label, code_scanner_path_label, code_scanner_baud_label, code_scanner_note;
  std::vector<std::pair<std::string, std::string>> code_scanner_modes;
  struct CodeScannerOption {
    std::string path, mode, label;  // "/dev/ttyACM0", "serial", "/dev/ttyACM0 — Cổng nối tiếp (USB CDC)"
  };
  std::vector<CodeScannerOption> code_scanners;
  std::string code_scanner_state;

  std::string center_title;
  bool can_manage_calendar = false;
  std::string profile_label;
  std::string profile;             // current
  std::vector<std::string> profiles;
  std::string save_profile_label;
  std::string center_lines;        // agency and unit, read-only here (`motcua init` sets them)

  std::string error_text;
  std::string error_field;
  int error_serial = 0;
  std::string notice_text;
};

SettingsView MakeSettingsView(const CounterModel& model, const Station& station);

}  // namespace motcua::ui
