#include "ui_model/station.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "codes/receipt_token.h"
#include "scan/scanner_device.h"
#include "workflow/desk_settings.h"
#include "common/files.h"
#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::ui {
namespace {

namespace fs = std::filesystem;

std::string DeviceKey(const Station& s, std::string_view name) {
  return "station." + s.paths.station_id + "." + std::string(name);
}

Result<std::string> Setting(store::Store& store, const std::string& key, std::string_view fallback) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, store.GetSetting(key));
  return v ? *v : std::string(fallback);
}


Status LoadDevices(Station& s) {
  store::Store& st = *s.store;
  DeviceSettings& d = s.devices;
  MOTCUA_ASSIGN_OR_RETURN(d.name, Setting(st, DeviceKey(s, "name"), ""));
  MOTCUA_ASSIGN_OR_RETURN(d.printer_queue, Setting(st, DeviceKey(s, "printer_queue"), ""));
  MOTCUA_ASSIGN_OR_RETURN(d.cups_server, Setting(st, DeviceKey(s, "cups_server"), ""));
  MOTCUA_ASSIGN_OR_RETURN(d.print_wait_ms, IntSetting(st, DeviceKey(s, "print_wait_ms"), 10000));
  MOTCUA_ASSIGN_OR_RETURN(d.scanner_device, Setting(st, DeviceKey(s, "scanner_device"), ""));
  MOTCUA_ASSIGN_OR_RETURN(d.scan_dpi, IntSetting(st, DeviceKey(s, "scan_dpi"), 200));
  MOTCUA_ASSIGN_OR_RETURN(std::string color, Setting(st, DeviceKey(s, "scan_color"), "false"));
  d.scan_color = color == "true";
  MOTCUA_ASSIGN_OR_RETURN(d.scan_source, Setting(st, DeviceKey(s, "scan_source"), "flatbed"));
  MOTCUA_ASSIGN_OR_RETURN(d.import_dir, Setting(st, DeviceKey(s, "import_dir"), ""));
  MOTCUA_ASSIGN_OR_RETURN(d.queue_counter, Setting(st, DeviceKey(s, "queue_counter"), ""));
  MOTCUA_ASSIGN_OR_RETURN(d.scanner_mode, Setting(st, DeviceKey(s, "scanner_mode"), "wedge"));
  MOTCUA_ASSIGN_OR_RETURN(d.scanner_path, Setting(st, DeviceKey(s, "scanner_path"), ""));
  MOTCUA_ASSIGN_OR_RETURN(d.scanner_baud, IntSetting(st, DeviceKey(s, "scanner_baud"), 9600));
  return Ok();
}

Status LoadCalendarInto(Station& s, const std::string& profile) {
  MOTCUA_ASSIGN_OR_RETURN(
      auto cal, calendar::LoadCalendar(s.paths.assets_dir / "calendar",
                                       {.profile = profile,
                                        .weekdays_beyond_coverage = s.calendar_provisional_beyond_data}));
  s.calendar.emplace(std::move(cal));
  s.calendar_profile = profile;
  s.desk.calendar = &*s.calendar;
  return Ok();
}

}  // namespace

Result<int> IntSetting(store::Store& store, const std::string& key, int fallback) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, store.GetSetting(key));
  if (!v) return fallback;
  const std::optional<int> n = ParseDigits<int>(*v, {.allow_minus = true});
  if (!n) return Corrupt(key, "bad_setting", "setting " + key + " is not a number: '" + *v + "'");
  return *n;
}

Result<std::unique_ptr<store::Store>> OpenStationStore(const StationPaths& paths) {
  const std::string location = paths.db_path.empty() ? (paths.data_dir / "motcua.db").string() : paths.db_path.string();
  std::error_code ec;
  if (!store::IsCenterLocation(location)) {
    if (!fs::exists(location, ec))
      return NotFound("db", "database_missing", "no database at " + location + "; run `motcua init` first");
    return store::Open(location, {.create_if_missing = false});
  }
  // The message never quotes the connection string: it may hold a password.
  const std::string missing = "the center database holds no motcua data yet; run `motcua --db ... init` first";
  const fs::path chain_key = paths.data_dir / "center.chain-key";
  const bool had_key = fs::exists(chain_key, ec);
  auto opened = store::Open(location, {.create_if_missing = false, .files_dir = paths.data_dir.string()});
  if (!opened) {
    if (opened.error().rule == "schema_missing") return NotFound("db", "database_missing", missing);
    return opened.error();
  }
  MOTCUA_ASSIGN_OR_RETURN(store::JournalHead head, (*opened)->Head());
  if (head.seq > 0) return opened;
  // An empty journal: opening it made a chain key here, which must not outlive this look (the station
  // that runs init makes the center's; cli/session.cpp OpenDatabase does the same).
  opened->reset();
  if (!had_key) fs::remove(chain_key, ec);
  return NotFound("db", "database_missing", missing);
}

Status ValidateDeviceSettings(const DeviceSettings& d) {
  if (!IsValidUtf8(d.name)) return Invalid("name", "bad_utf8", "the station name is not valid UTF-8");
  if (d.print_wait_ms < 0 || d.print_wait_ms > 120000)
    return Invalid("print_wait_ms", "out_of_range", "print_wait_ms must be within 0..120000");
  if (d.scan_dpi < 75 || d.scan_dpi > 1200)
    return Invalid("scan_dpi", "out_of_range", "scan_dpi must be within 75..1200");
  if (d.scan_source != "flatbed" && d.scan_source != "adf" && d.scan_source != "adf_duplex")
    return Invalid("scan_source", "bad_value", "scan_source is flatbed, adf or adf_duplex");
  if (d.printer_queue.size() > 127 ||
      d.printer_queue.find_first_of(" \t/#\\") != std::string::npos)
    return Invalid("printer_queue", "bad_queue_name", "a CUPS queue name has no space, '/', '#' or '\\'");
  // The queue core refuses a counter name over 40 bytes (queue.cpp CheckCounter): refuse it here, where
  // the officer can fix it, rather than at the first call.
  const std::string_view counter = Trim(d.queue_counter);
  if (!IsValidUtf8(counter)) return Invalid("queue_counter", "bad_utf8", "the queue counter is not valid UTF-8");
  if (counter.size() > kMaxQueueCounterBytes)
    return Invalid("queue_counter", "too_long", "the queue counter is at most 40 bytes of UTF-8, e.g. \"5\"");
  if (std::any_of(counter.begin(), counter.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
    return Invalid("queue_counter", "control_character", "the queue counter holds a control character");
  if (d.scanner_mode != "wedge" && d.scanner_mode != "serial" && d.scanner_mode != "evdev")
    return Invalid("scanner_mode", "bad_value", "scanner_mode is wedge, serial or evdev");
  if (d.scanner_mode != "wedge") {
    const std::string_view path = Trim(d.scanner_path);
    if (path.empty()) return Invalid("scanner_path", "missing", d.scanner_mode + " mode needs the scanner's device path");
    if (path.front() != '/')
      return Invalid("scanner_path", "not_absolute", "the scanner path is absolute, e.g. /dev/ttyACM0");
  }
  if (d.scanner_mode == "serial" && !scan::IsSupportedBaud(d.scanner_baud))
    return Invalid("scanner_baud", "bad_baud", "scanner_baud is one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200");
  return Ok();
}

const catalog::Procedure* Station::FindProcedure(std::string_view code) const {
  auto it = std::lower_bound(procedures.begin(), procedures.end(), code,
                             [](const catalog::Procedure& p, std::string_view c) { return p.code < c; });
  if (it == procedures.end() || it->code != code) return nullptr;
  return &*it;
}

Status ReloadCatalog(Station& s) {
  MOTCUA_ASSIGN_OR_RETURN(auto procedures, s.store->LoadProcedures());
  std::sort(procedures.begin(), procedures.end(),
            [](const catalog::Procedure& a, const catalog::Procedure& b) { return a.code < b.code; });
  s.procedures = std::move(procedures);
  s.catalog_index = catalog::CatalogIndex(s.procedures);
  return Ok();
}

Result<std::unique_ptr<Station>> OpenStation(const StationPaths& paths) {
  auto s = std::make_unique<Station>();
  s->paths = paths;
  if (s->paths.db_path.empty()) s->paths.db_path = s->paths.data_dir / "motcua.db";
  MOTCUA_ASSIGN_OR_RETURN(s->store, OpenStationStore(s->paths));
  MOTCUA_TRY(LoadStationFromStore(*s));
  return s;
}

Status LoadStationFromStore(Station& s) {
  store::Store& st = *s.store;

  // The center's settings through the one loader the CLI uses too (workflow/desk_settings.h).
  MOTCUA_ASSIGN_OR_RETURN(workflow::StationSettings settings,
                          workflow::ParseStationSettings([&](std::string_view key) { return st.GetSetting(key); }));
  s.desk.settings = settings.desk;
  s.calendar_provisional_beyond_data = settings.calendar_provisional_beyond_data;
  MOTCUA_TRY(LoadCalendarInto(s, settings.calendar_profile));
  MOTCUA_ASSIGN_OR_RETURN(s.calendar_profiles, calendar::ListProfiles(s.paths.assets_dir / "calendar"));
  MOTCUA_ASSIGN_OR_RETURN(s.status_map, dossier::LoadStatusMap(s.paths.assets_dir / "dvc" / "status-map.json"));
  // Never a new key here: receipts already printed carry MACs under the old one (motcua init makes it).
  auto key = codes::LoadCenterKey(s.paths.data_dir / "center.key");
  if (!key && key.error().code == ErrorCode::kNotFound)
    return Corrupt("center_key", "center_key_missing",
                   "the center key is missing: restore center.key from the backup, or run `motcua init "
                   "--change-identity --as ADMIN`");
  if (!key) return key.error();
  s.desk.center_key = std::move(*key);
  s.desk.store = s.store.get();
  s.desk.files_root = s.paths.data_dir / "files";

  MOTCUA_TRY(ReloadCatalog(s));
  MOTCUA_ASSIGN_OR_RETURN(s.auth_settings, auth::LoadAuthSettings(st));
  s.auth_settings.station = s.paths.station_id;
  MOTCUA_ASSIGN_OR_RETURN(s.postal_settings, postal::LoadPostalSettings(st));
  MOTCUA_TRY(LoadDevices(s));
  return Ok();
}

Status SaveDeviceSettings(Station& s, const workflow::Actor& actor, const DeviceSettings& d, Instant now) {
  MOTCUA_TRY(ValidateDeviceSettings(d));
  const DeviceSettings clean{NormalizeNfc(Trim(d.name)), std::string(Trim(d.printer_queue)),
                             std::string(Trim(d.cups_server)), d.print_wait_ms,
                             std::string(Trim(d.scanner_device)), d.scan_dpi, d.scan_color,
                             d.scan_source, std::string(Trim(d.import_dir)),
                             NormalizeNfc(Trim(d.queue_counter)), d.scanner_mode,
                             std::string(Trim(d.scanner_path)), d.scanner_baud};
  const std::pair<const char*, std::string> values[] = {
      {"name", clean.name},
      {"printer_queue", clean.printer_queue},
      {"cups_server", clean.cups_server},
      {"print_wait_ms", std::to_string(clean.print_wait_ms)},
      {"scanner_device", clean.scanner_device},
      {"scan_dpi", std::to_string(clean.scan_dpi)},
      {"scan_color", clean.scan_color ? "true" : "false"},
      {"scan_source", clean.scan_source},
      {"import_dir", clean.import_dir},
      {"queue_counter", clean.queue_counter},
      {"scanner_mode", clean.scanner_mode},
      {"scanner_path", clean.scanner_path},
      {"scanner_baud", std::to_string(clean.scanner_baud)},
  };
  MOTCUA_TRY(s.store->Write([&](store::WriteTx& tx) -> Status {
    nlohmann::json changed = nlohmann::json::object();
    for (const auto& [name, value] : values) {
      MOTCUA_TRY(tx.PutSetting(DeviceKey(s, name), value));
      changed[DeviceKey(s, name)] = value;
    }
    auto e = tx.AppendEvent({"station.settings_changed", "", actor.user, actor.station, now, changed.dump()});
    if (!e) return e.error();
    return Ok();
  }));
  s.devices = clean;
  return Ok();
}

Status SaveCalendarProfile(Station& s, const workflow::Actor& actor, std::string_view profile, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, workflow::Permission::kManageCatalog));
  // Load first: an unknown or broken profile must leave the running calendar and the setting alone.
  MOTCUA_ASSIGN_OR_RETURN(
      auto cal, calendar::LoadCalendar(s.paths.assets_dir / "calendar",
                                       {.profile = std::string(profile),
                                        .weekdays_beyond_coverage = s.calendar_provisional_beyond_data}));
  MOTCUA_TRY(s.store->Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.PutSetting("calendar_profile", profile));
    nlohmann::json changed = {{"calendar_profile", std::string(profile)}};
    auto e = tx.AppendEvent({"station.settings_changed", "", actor.user, actor.station, now, changed.dump()});
    if (!e) return e.error();
    return Ok();
  }));
  s.calendar.emplace(std::move(cal));
  s.calendar_profile = std::string(profile);
  s.desk.calendar = &*s.calendar;
  return Ok();
}

StationPaths DefaultStationPaths(std::string station_id, const char* built_in_assets) {
  StationPaths paths;
  paths.data_dir = DefaultDataDir();
  const char* assets_env = std::getenv("MOTCUA_ASSETS_DIR");
  paths.assets_dir = assets_env != nullptr && *assets_env ? assets_env : built_in_assets;
  paths.station_id = std::move(station_id);
  return paths;
}

bool TakeStationFlag(const std::vector<std::string>& rest, std::size_t& i, StationPaths& paths) {
  if (i + 1 >= rest.size()) return false;
  const std::string& a = rest[i];
  std::filesystem::path* dir = a == "--data-dir" ? &paths.data_dir
                               : a == "--db"     ? &paths.db_path
                               : a == "--assets" ? &paths.assets_dir
                                                 : nullptr;
  if (dir) {
    *dir = rest[++i];
  } else if (a == "--station") {
    paths.station_id = rest[++i];
  } else {
    return false;
  }
  return true;
}

}  // namespace motcua::ui
