// The settings screen's actions: this station's printer and scanner, the center's hours profile, and
// finding the devices (on worker threads: a SANE network probe or an unreachable CUPS server can take
// seconds).
#include "ui_model/internal/counter_apply.h"

namespace motcua::ui::internal {
namespace {

void Fail(SettingsModel& s, Error e) {
  s.error = std::move(e);
  ++s.error_serial;
  s.notice_key.clear();
}

}  // namespace

Status Apply(CounterModel& model, const CounterBackend& backend, const SaveDevices& a) {
  const std::string counter_before = backend.station->devices.queue_counter;
  Status s = SaveDeviceSettings(*backend.station, ActorOf(model, backend), a.devices, backend.now);
  if (!s.has_value()) {
    Fail(model.settings, s.error());
    return s;
  }
  model.settings.error.reset();
  model.settings.notice_key = "settings.notice.saved";
  if (!backend.station->devices.name.empty()) model.station_name = backend.station->devices.name;
  // Another counter (or none): the panel shows it at once; dossiers remembered for the old counter's
  // ticket are not linked to the new one's.
  if (backend.station->devices.queue_counter != counter_before) {
    model.queue.dossier_codes.clear();
    model.queue.linked_ticket_key.clear();
    model.queue.error.reset();
    model.queue.notice_key.clear();
  }
  (void)LoadQueuePanel(model, backend);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SaveCalendarProfileChoice& a) {
  Status s = SaveCalendarProfile(*backend.station, ActorOf(model, backend), a.profile, backend.now);
  if (!s.has_value()) {
    Fail(model.settings, s.error());
    return s;
  }
  model.settings.error.reset();
  model.settings.notice_key = "settings.notice.profile_saved";
  model.worklist.stale = true;  // urgencies follow the new hours
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const FindScanners&) {
  model.settings.code_scanners = scan::FindScannerDevices();  // a folder listing: no need to wait for it
  if (model.settings.scanner_job.valid()) return Ok();
  model.settings.scanner_job = std::async(std::launch::async, [] { return scan::ListScanners(); });
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const FindPrinters&) {
  if (model.settings.queue_job.valid()) return Ok();
  print::CupsServer server;
  server.address = backend.station->devices.cups_server;
  model.settings.queue_job = std::async(std::launch::async, [server] { return print::ListQueues(server); });
  return Ok();
}

}  // namespace motcua::ui::internal
