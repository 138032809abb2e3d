// One counter station's backend, opened once at start: the store, the working calendar, the status
// map, the desk (agency settings, center key, file store), the procedure catalog with its search
// index, the log-in and postal policies, and this station's own devices (printer queue, scanner).
//
// Where things live (the CLI uses the same layout, cli/session.h):
//   <data dir>/motcua.db      the store (SQLite), unless the database setting (--db) names a center's
//                             PostgreSQL database (a postgresql:// URL or libpq key=value words)
//   <data dir>/center.chain-key, center.anchor   a center database's chain key and this station's
//                             anchor of its journal (store.h OpenOptions::files_dir)
//   <data dir>/center.key     the center's receipt-token key (created on first use)
//   <data dir>/files/         scans and imported files, content-addressed (digitize/file_store.h)
//   <data dir>/forms/         every form this station printed, as PDF, one file per print
//
// Settings. The center's settings are the store's (agency_id, receiving_unit, calendar_profile,
// supplement_policy, auth.*, postal.*: shared by every station and the CLI). A station's own devices
// are store settings too, under "station.<station id>.<name>", so a station keeps its printer and
// scanner when it is reinstalled, and an administrator can see every station's set-up in one place.
// Changing either journals one "station.settings_changed" event (who, which keys), like `motcua init`.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/accounts.h"
#include "calendar/working_calendar.h"
#include "catalog/procedure.h"
#include "catalog/search.h"
#include "common/result.h"
#include "dossier/lifecycle.h"
#include "postal/manifest.h"
#include "queue/queue.h"
#include "store/store.h"
#include "workflow/desk.h"

namespace motcua::ui {

struct StationPaths {
  std::filesystem::path data_dir;    // required: holds the database, the key, files/ and forms/
  std::filesystem::path db_path;     // default "" = <data_dir>/motcua.db; a SQLite file, or a center's
                                     //   PostgreSQL connection string (store::IsCenterLocation), kept as is
  std::filesystem::path assets_dir;  // required: calendar/, dvc/ (the catalog comes from the store)
  std::string station_id = "station-1";  // default "station-1": recorded on every journal event
};

// The longest queue counter name queue/queue.h takes, in bytes of UTF-8.
inline constexpr std::size_t kMaxQueueCounterBytes = queue::kMaxCounterBytes;

// What an app starts with: the data directory of common/files.h DefaultDataDir, $MOTCUA_ASSETS_DIR (else
// `built_in_assets`), and `station_id`.
StationPaths DefaultStationPaths(std::string station_id, const char* built_in_assets);
// Takes --data-dir, --db, --assets or --station VALUE at rest[i], moving i onto its value. False for any
// other argument, or one of these without a value (the app reports it as unknown). --db takes a file or
// a center's connection string alike.
bool TakeStationFlag(const std::vector<std::string>& rest, std::size_t& i, StationPaths& paths);

// This station's devices. Keys under "station.<id>.": printer_queue, cups_server, print_wait_ms,
// scanner_device, scan_dpi, scan_color, scan_source, import_dir, name, queue_counter, scanner_mode,
// scanner_path, scanner_baud.
struct DeviceSettings {
  std::string name;            // shown on screens, e.g. "Quầy 3"; default "" = the station id
  std::string printer_queue;   // CUPS queue for forms; default "" = no printer: forms are saved as PDF only
  std::string cups_server;     // default "" = libcups' default ($CUPS_SERVER, then the local scheduler)
  int print_wait_ms = 10000;   // default 10000: how long to watch a print job before calling it queued
  std::string scanner_device;  // SANE device name; default "" = the first scanner SANE finds
  int scan_dpi = 200;          // default 200 dpi (scan/sane_scanner.h says why)
  bool scan_color = false;     // default false: 8-bit gray
  std::string scan_source = "flatbed";  // "flatbed" (default), "adf" or "adf_duplex" (document feeder)
  std::string import_dir;      // where the file picker opens; default "" = $HOME
  // The counter this station calls queue tickets to, as the board announces it ("5"; queue/queue.h
  // names counters by it, and an area's `counters` list it). Default "" = this station calls no
  // tickets: the shell shows no call panel.
  std::string queue_counter;
  // How code scanners (CCCD QR, receipts, tickets) reach this station (issue 16). "wedge" (default): a
  // keyboard-wedge scanner types into the app and the shell's detector picks its bursts out (wedge_scan.h);
  // it cannot type Vietnamese letters, so a CCCD scan without any is flagged (counter_app.h
  // CardTextMayHaveLostDiacritics). "serial": a scanner in USB serial mode (CDC-ACM) read from scanner_path
  // (scan/scanner_device.h), bytes unchanged, UTF-8 Vietnamese intact. "evdev": a scanner in HID keyboard
  // mode read from its own input device at scanner_path, grabbed so its keys never reach a box; no timing
  // guess, but no Vietnamese letters either (flagged as for a wedge). A wedge scanner works beside either.
  std::string scanner_mode = "wedge";
  std::string scanner_path;   // serial: e.g. "/dev/serial/by-id/usb-<maker>-if00" (stable across
                              // replugging) or "/dev/ttyACM0"; evdev: "/dev/input/by-id/usb-<maker>-event-kbd";
                              // default "" (required in serial and evdev modes)
  int scanner_baud = 9600;    // serial mode: bit/s, default 9600; CDC-ACM ignores it (scan/scanner_device.h)
};

// Checks ranges: print_wait_ms 0..120000, scan_dpi 75..1200, the queue name as CUPS takes it (no space,
// '/', '#'), the scan source, the queue counter (what queue/queue.h takes: at most 40 bytes of UTF-8,
// and no control character, which a board could not show). Errors: kInvalid/"out_of_range" on
// "print_wait_ms" / "scan_dpi"; kInvalid/"bad_queue_name" on "printer_queue"; kInvalid/"bad_value" on
// "scan_source"; kInvalid/"bad_utf8" on "name"; kInvalid/"too_long" / "bad_utf8" / "control_character"
// on "queue_counter" (checked after trimming, as it is stored); kInvalid/"bad_value" on "scanner_mode" (not
// "wedge", "serial" or "evdev"); in serial and evdev modes kInvalid/"missing" / "not_absolute" on
// "scanner_path"; in serial mode kInvalid/"bad_baud" on "scanner_baud" (scan/scanner_device.h IsSupportedBaud).
Status ValidateDeviceSettings(const DeviceSettings& devices);

struct Station {
  StationPaths paths;
  std::unique_ptr<store::Store> store;
  std::optional<calendar::WorkingCalendar> calendar;  // always set by OpenStation
  std::string calendar_profile;                       // the profile in use ("default", ...)
  std::vector<std::string> calendar_profiles;         // every profile in assets/calendar/hours.json
  bool calendar_provisional_beyond_data = true;       // see cli/session.cpp
  dossier::StatusMap status_map;
  workflow::Desk desk;                                // points at *store and *calendar
  std::vector<catalog::Procedure> procedures;         // the store's catalog, by code
  catalog::CatalogIndex catalog_index;                // over `procedures`
  auth::AuthSettings auth_settings;                   // the center's log-in policy (station set)
  postal::PostalSettings postal_settings;
  DeviceSettings devices;
  // A station of a center (offline_station.h): its own store (<data_dir>/offline.db) while `store` is the
  // center's; null on a one-machine (SQLite) station and while offline.
  std::unique_ptr<store::Store> own_store;

  std::filesystem::path FormsDir() const { return paths.data_dir / "forms"; }
  // A station of a center working on its own store because the center's database did not answer.
  bool is_offline() const { return !own_store && store::IsCenterLocation(paths.db_path.string()); }
  // nullptr when the catalog has no such code.
  const catalog::Procedure* FindProcedure(std::string_view code) const;
  // The actor for `user` with `role` at this station.
  workflow::Actor ActorFor(const std::string& user, workflow::Role role) const {
    return {user, role, paths.station_id};
  }
};

// Opens the station's store: store::Open on paths.db_path (default <data_dir>/motcua.db) with
// files_dir = paths.data_dir. A database that does not exist yet is kNotFound/"database_missing" on
// "db": no file; for a center, no motcua schema or an empty journal. Errors: that, and the store's.
// The sync runner opens its own handle with it (sync_runner.h).
Result<std::unique_ptr<store::Store>> OpenStationStore(const StationPaths& paths);

// Opens an initialised data directory. Errors: kNotFound/"database_missing" on "db" (run `motcua
// init` first); the store's, the calendar's (calendar/working_calendar.h LoadCalendar), the status
// map's, the center key's, LoadAuthSettings' and LoadPostalSettings'; kCorrupt/"bad_setting" naming
// the setting that is not a number.
Result<std::unique_ptr<Station>> OpenStation(const StationPaths& paths);

// The whole-number setting `key`, `fallback` when it is not set. Errors: kCorrupt/"bad_setting" on `key`
// when it is not a whole number; the store's.
Result<int> IntSetting(store::Store& store, const std::string& key, int fallback);

// Reads into `station` everything OpenStation reads from its store (settings, calendar, status map, center
// key, catalog, log-in and postal policies, devices) from station.store, and points the desk at it: used
// again when a station switches stores (offline_station.h). Errors: OpenStation's after opening the store.
Status LoadStationFromStore(Station& station);

// Stores this station's devices (ValidateDeviceSettings first) and journals "station.settings_changed".
// Any signed-in account may set up its own station. Errors: those of ValidateDeviceSettings and the store.
Status SaveDeviceSettings(Station& station, const workflow::Actor& actor, const DeviceSettings& devices,
                          Instant now);

// Switches the center's hours profile (every station's due dates follow it) and reloads the calendar.
// Needs Permission::kManageCatalog. Errors: ("role", "not_allowed"); ("profile", "unknown_profile");
// the calendar's and the store's. On an error nothing changes.
Status SaveCalendarProfile(Station& station, const workflow::Actor& actor, std::string_view profile, Instant now);

// Reloads the catalog from the store (after `motcua catalog import`) and rebuilds the index.
Status ReloadCatalog(Station& station);

}  // namespace motcua::ui
