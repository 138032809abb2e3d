#include "ui_model/settings_view.h"

#include "ui_model/shell_view.h"

namespace motcua::ui {

SettingsView MakeSettingsView(const CounterModel& model, const Station& station) {
  const Lang lang = model.lang;
  const SettingsModel& s = model.settings;
  SettingsView v;
  v.title = Tr(lang, "settings.title");
  v.station_title = FormatText(Tr(lang, "settings.station"), {{"id", station.paths.station_id}});
  v.devices = station.devices;
  v.name_label = Tr(lang, "settings.name");
  v.queue_label = Tr(lang, "settings.queue");
  v.queue_counter_label = Tr(lang, "settings.queue_counter");
  v.queue_counter_note = Tr(lang, "settings.queue_counter_note");
  v.cups_label = Tr(lang, "settings.cups_server");
  v.wait_label = Tr(lang, "settings.print_wait");
  v.scanner_label = Tr(lang, "settings.scanner");
  v.dpi_label = Tr(lang, "settings.dpi");
  v.color_label = Tr(lang, "settings.color");
  v.source_label = Tr(lang, "settings.source");
  v.import_dir_label = Tr(lang, "settings.import_dir");
  v.save_label = Tr(lang, "settings.save");
  v.sources = {{"flatbed", Tr(lang, "settings.source.flatbed")},
               {"adf", Tr(lang, "settings.source.adf")},
               {"adf_duplex", Tr(lang, "settings.source.adf_duplex")}};
  v.find_printers_label = Tr(lang, "settings.find_printers");
  v.find_scanners_label = Tr(lang, "settings.find_scanners");
  for (const print::QueueInfo& q : s.queues) {
    std::string state = Tr(lang, q.state == print::PrinterState::kStopped ? "settings.printer.stopped"
                                 : q.state == print::PrinterState::kProcessing ? "settings.printer.busy"
                                                                               : "settings.printer.idle");
    v.queues.push_back({q.name, q.name + (q.info.empty() ? "" : " (" + q.info + ")") + " — " + state});
  }
  if (s.queue_job.valid()) v.queues_status = Tr(lang, "settings.searching");
  else if (s.queue_error) v.queues_status = ErrorMessage(lang, *s.queue_error);
  else if (s.queues_listed && s.queues.empty()) v.queues_status = Tr(lang, "settings.no_printers");
  for (const scan::ScannerInfo& sc : s.scanners)
    v.scanners.push_back({sc.name, sc.name + " — " + sc.vendor + " " + sc.model});
  if (s.scanner_job.valid()) v.scanners_status = Tr(lang, "settings.searching");
  else if (s.scanner_error) v.scanners_status = ErrorMessage(lang, *s.scanner_error);
  else if (s.scanners_listed && s.scanners.empty()) v.scanners_status = Tr(lang, "settings.no_scanners");
  v.no_printer_note = Tr(lang, "settings.no_printer_note");
  v.code_scanner_label = Tr(lang, "settings.code_scanner");
  v.code_scanner_path_label = Tr(lang, "settings.code_scanner.path");
  v.code_scanner_baud_label = Tr(lang, "settings.code_scanner.baud");
  v.code_scanner_note = Tr(lang, "settings.code_scanner.note");
  for (const char* mode : {"wedge", "serial", "evdev"})
    v.code_scanner_modes.emplace_back(mode, Tr(lang, std::string("settings.code_scanner.") + mode));
  for (const scan::FoundScannerDevice& d : s.code_scanners) {
    const std::string mode = d.mode == scan::ScannerDevice::Mode::kSerial ? "serial" : "evdev";
    v.code_scanners.push_back({d.path, mode, d.path + " — " + Tr(lang, "settings.code_scanner." + mode)});
  }
  if (const ScannerDeviceModel& d = model.scanner_device; !d.path.empty()) {
    v.code_scanner_state = ScannerBanner(d, lang);
    if (v.code_scanner_state.empty())
      v.code_scanner_state = FormatText(Tr(lang, "settings.code_scanner.connected"), {{"path", d.path}});
  }

  v.center_title = Tr(lang, "settings.center");
  v.can_manage_calendar = SessionCan(model.session, workflow::Permission::kManageCatalog);
  v.profile_label = Tr(lang, "settings.profile");
  v.profile = station.calendar_profile;
  v.profiles = station.calendar_profiles;
  v.save_profile_label = Tr(lang, "settings.save_profile");
  v.center_lines = FormatText(Tr(lang, "settings.center_lines"),
                              {{"agency", station.desk.settings.agency_id},
                               {"unit", station.desk.settings.receiving_unit}});
  if (s.error) {
    v.error_text = ErrorMessage(lang, *s.error);
    v.error_field = s.error->field;
  }
  v.error_serial = s.error_serial;
  if (!s.notice_key.empty()) v.notice_text = Tr(lang, s.notice_key);
  return v;
}

}  // namespace motcua::ui
