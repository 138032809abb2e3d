#include "ui_model/kiosk_settings.h"

#include <algorithm>
#include <cstring>

#include "auth/accounts.h"
#include "common/number_parse.h"
#include "common/text.h"
#include "ui_model/internal/setting_table.h"
#include "print/escpos.h"
#include "print/ticket_slip.h"

namespace motcua::ui {
namespace {

constexpr const char* kKeys[] = {
    "kiosk.idle_seconds",          "kiosk.orientation",
    "kiosk.postage_vnd",           "kiosk.bank_bin",
    "kiosk.bank_account",          "kiosk.account_name",
    "kiosk.result_counter",        "kiosk.procedure_url",
    "kiosk.speech",                "kiosk.typed_lookup_failures",
    "kiosk.typed_lookup_window_seconds", "kiosk.typed_lookup_pause_seconds",
    "kiosk.ticket_printer",        "kiosk.ticket_width_dots",
    nullptr,
};
constexpr const char* kPinKey = "kiosk.admin_pin_hash";

bool IsAccountChar(char c) { return IsAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

Error Bad(std::string_view key, const char* rule, std::string detail) {
  return Invalid(std::string(key), rule, std::move(detail));
}

// Parses `value` for `key` into `s` (the one place that knows each key's rules).
Status Assign(KioskSettings& s, std::string_view key, std::string_view raw) {
  const std::string_view value = Trim(raw);
  auto number = [&](std::int64_t lo, std::int64_t hi) {
    return internal::WholeNumberSetting<std::int64_t>(key, value, lo, hi, 12);
  };
  if (key == "kiosk.idle_seconds") {
    MOTCUA_ASSIGN_OR_RETURN(auto n, number(10, 3600));
    s.idle_seconds = static_cast<int>(n);
  } else if (key == "kiosk.orientation") {
    if (value == "auto") s.orientation = KioskOrientation::kAuto;
    else if (value == "landscape") s.orientation = KioskOrientation::kLandscape;
    else if (value == "portrait") s.orientation = KioskOrientation::kPortrait;
    else return Bad(key, "bad_value", "kiosk.orientation must be auto, landscape or portrait");
  } else if (key == "kiosk.postage_vnd") {
    MOTCUA_ASSIGN_OR_RETURN(s.postage_vnd, number(0, 10'000'000));
  } else if (key == "kiosk.bank_bin") {
    if (!value.empty() && (value.size() != 6 || !IsAsciiDigits(value)))
      return Bad(key, "bad_value", "kiosk.bank_bin must be the bank's 6-digit NAPAS BIN");
    s.bank_bin = std::string(value);
  } else if (key == "kiosk.bank_account") {
    if (!value.empty() && (value.size() > 19 || !std::all_of(value.begin(), value.end(), IsAccountChar)))
      return Bad(key, "bad_value", "kiosk.bank_account must be 1-19 letters and digits");
    s.bank_account = std::string(value);
  } else if (key == "kiosk.account_name" || key == "kiosk.result_counter") {
    MOTCUA_TRY(CheckTextLine(value, key, kMaxLabelChars));
    (key == "kiosk.account_name" ? s.account_name : s.result_counter) = NormalizeNfc(value);
  } else if (key == "kiosk.procedure_url") {
    MOTCUA_TRY(CheckTextLine(value, key, 300));
    if (!value.starts_with("https://") && !value.starts_with("http://"))
      return Bad(key, "bad_value", "kiosk.procedure_url must be an http(s) address");
    s.procedure_url = std::string(value);
  } else if (key == "kiosk.ticket_printer") {
    if (!value.empty()) MOTCUA_TRY(print::ParsePrinterTarget(value));
    s.ticket_printer = std::string(value);
  } else if (key == "kiosk.ticket_width_dots") {
    MOTCUA_ASSIGN_OR_RETURN(std::int64_t n, number(print::kMinTicketWidthDots, print::kMaxTicketWidthDots));
    s.ticket_width_dots = static_cast<int>(n);
  } else if (key == "kiosk.speech") {
    if (value != "on" && value != "off") return Bad(key, "bad_value", "kiosk.speech must be on or off");
    s.speech = value == "on";
  } else if (key == "kiosk.typed_lookup_failures") {
    MOTCUA_ASSIGN_OR_RETURN(auto n, number(1, 100));
    s.typed_lookup_failures = static_cast<int>(n);
  } else if (key == "kiosk.typed_lookup_window_seconds") {
    MOTCUA_ASSIGN_OR_RETURN(auto n, number(10, 86400));
    s.typed_lookup_window_seconds = static_cast<int>(n);
  } else if (key == "kiosk.typed_lookup_pause_seconds") {
    MOTCUA_ASSIGN_OR_RETURN(auto n, number(1, 86400));
    s.typed_lookup_pause_seconds = static_cast<int>(n);
  } else {
    return Invalid("key", "unknown_setting",
                 std::string(key) + " is not a kiosk setting (motcua kiosk show lists them)");
  }
  return Ok();
}

}  // namespace

const char* const* KioskSettingKeys() { return kKeys; }

Result<KioskSettings> LoadKioskSettings(store::Store& store) {
  KioskSettings s;
  MOTCUA_TRY(internal::ReadSettingTable(store, kKeys, s, Assign));
  MOTCUA_ASSIGN_OR_RETURN(auto pin, store.GetSetting(kPinKey));
  if (pin) s.admin_pin_hash = *pin;
  return s;
}

Status SaveKioskSetting(store::Store& store, const workflow::Actor& actor, std::string_view key,
                        std::string_view value, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, workflow::Permission::kManageCatalog));
  KioskSettings check;
  MOTCUA_TRY(Assign(check, key, value));
  const std::string clean = NormalizeNfc(Trim(value));
  return workflow::SaveJournaledSetting(store, actor, key, clean, clean, now);
}

Status SaveKioskPin(store::Store& store, const workflow::Actor& actor, std::string_view pin, Instant now) {
  MOTCUA_TRY(workflow::Require(actor, workflow::Permission::kManageUsers));
  if (pin.size() < 4 || pin.size() > 12 || !IsAsciiDigits(pin))
    return Bad("pin", "bad_pin", "the kiosk PIN must be 4-12 digits");
  MOTCUA_ASSIGN_OR_RETURN(auto hash, auth::HashSecret(pin));
  // The journal says that the PIN changed, never the hash.
  return workflow::SaveJournaledSetting(store, actor, kPinKey, hash, "(changed)", now);
}

bool CheckKioskPin(const KioskSettings& settings, std::string_view pin) {
  if (settings.admin_pin_hash.empty() || pin.empty()) return false;
  return auth::VerifySecret(settings.admin_pin_hash, pin);
}

std::string ProcedureUrl(const KioskSettings& settings, std::string_view code,
                         const std::vector<std::string>& sources) {
  // A source reads "DVCQG: https://dichvucong.gov.vn/thu-tuc-hanh-chinh/<id> <where it was read>".
  constexpr std::string_view kPortalPage = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/";
  for (const std::string& source : sources) {
    const auto at = source.find(kPortalPage);
    if (at == std::string::npos) continue;
    const auto end = source.find_first_of(" \t", at);
    return source.substr(at, end == std::string::npos ? std::string::npos : end - at);
  }
  std::string url = settings.procedure_url;
  if (const auto at = url.find("{code}"); at != std::string::npos) url.replace(at, 6, code);
  return url;
}

}  // namespace motcua::ui
