// A self-service kiosk's settings: store settings under "kiosk.", shared by every kiosk of a center
// (one database), so an administrator sets them once with `motcua kiosk set KEY VALUE`.
//
//   kiosk.idle_seconds     10..3600 (default 60): no touch for this long returns home and wipes the citizen
//   kiosk.orientation      auto (default: from the window's shape) | landscape | portrait
//   kiosk.postage_vnd      0..10 000 000 (default 0 = not shown): the postage for a result sent home
//   kiosk.bank_bin         6-digit NAPAS BIN of the agency's bank; with kiosk.bank_account, VietQR is offered
//   kiosk.bank_account     the agency's account for fees (1-19 of 0-9 A-Z a-z)
//   kiosk.account_name     the account holder's name, shown under the VietQR
//   kiosk.result_counter   where results are handed over ("Quầy số 3"); default "" = the receiving unit
//   kiosk.procedure_url    the public page of a procedure, "{code}" replaced by its code (default below);
//                          a procedure whose researched sources hold a national portal page uses that page
//   kiosk.speech           on | off (default off): spoken guidance when the kiosk starts or resets
//   kiosk.typed_lookup_failures / _window_seconds / _pause_seconds   (default 5 / 600 / 60): typed
//                          lookups pause after that many wrong code+secret pairs within the window
//   kiosk.ticket_printer   the queue ticket printer (print/escpos.h ParsePrinterTarget): tcp://HOST[:9100],
//                          file:/dev/usb/lp0, pdf:/DIR; default "" = PDFs in <data dir>/tickets/
//   kiosk.ticket_width_dots  384 (58 mm paper) .. 832 (default 576: 80 mm at 203 dpi)
//   kiosk.admin_pin_hash   argon2id of the administrator's PIN (`motcua kiosk pin`); "" = no way out
//                          from the screen (the service unit still stops it)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"
#include "store/store.h"
#include "workflow/desk.h"

namespace motcua::ui {

// UNVERIFIED: the national portal's pages are addressed by an internal id today (the researched sources
// hold links like https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<uuid>); this search address by code is
// the fallback for procedures without one. A setting, so a province can point it at its own portal.
inline constexpr std::string_view kDefaultProcedureUrl =
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh.html?keyword={code}";

enum class KioskOrientation { kAuto, kLandscape, kPortrait };

struct KioskSettings {
  int idle_seconds = 60;
  KioskOrientation orientation = KioskOrientation::kAuto;
  std::int64_t postage_vnd = 0;
  std::string bank_bin;
  std::string bank_account;
  std::string account_name;
  std::string result_counter;
  std::string procedure_url = std::string(kDefaultProcedureUrl);
  bool speech = false;
  int typed_lookup_failures = 5;
  int typed_lookup_window_seconds = 600;
  int typed_lookup_pause_seconds = 60;
  std::string ticket_printer;
  int ticket_width_dots = 576;
  std::string admin_pin_hash;  // never shown or logged

  bool HasVietQr() const { return !bank_bin.empty() && !bank_account.empty(); }
};

// Every key of the table above, in order (for `motcua kiosk show` and the unknown-key error).
const char* const* KioskSettingKeys();

// Reads the kiosk.* settings. Errors: kCorrupt/"bad_setting" on the key whose stored value is not valid.
Result<KioskSettings> LoadKioskSettings(store::Store& store);

// Checks and stores one setting (not the PIN: SaveKioskPin), journaling "station.settings_changed".
// Needs Permission::kManageCatalog. Errors: ("key", "unknown_setting"); ("<key>", "out_of_range" /
// "bad_value"); ("role", "not_allowed"); the store's. Nothing changes on an error.
Status SaveKioskSetting(store::Store& store, const workflow::Actor& actor, std::string_view key,
                        std::string_view value, Instant now);

// Stores the argon2id hash of a 4-12 digit PIN. Needs Permission::kManageUsers.
// Errors: ("pin", "bad_pin"); ("role", "not_allowed"); the store's.
Status SaveKioskPin(store::Store& store, const workflow::Actor& actor, std::string_view pin, Instant now);

// True when `pin` matches the stored hash (false when no PIN is set). Costs one argon2id verification.
bool CheckKioskPin(const KioskSettings& settings, std::string_view pin);

// The public page of a procedure: a researched national-portal source when the procedure has one,
// else settings.procedure_url with "{code}" replaced.
std::string ProcedureUrl(const KioskSettings& settings, std::string_view code,
                         const std::vector<std::string>& sources);

}  // namespace motcua::ui
