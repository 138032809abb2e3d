// The counter app's model and actions, with no UI library: what the screens are built from and the only
// way they change. counter/main.cpp owns one CounterModel, builds views from it every frame, and
// applies the actions the screens and the scanner produce with ApplyCounterAction.
//
// Screens so far: login. Later screens (intake, work list, dossier, postal) add their state here,
// their actions to CounterAction, and a branch to ApplyCounterAction.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "common/result.h"
#include "common/time.h"
#include "ui_model/auth.h"
#include "ui_model/strings.h"

namespace motcua::ui {

// ---- Actions -------------------------------------------------------------------------------

// Enter or the sign-in button on the login screen. The password lives only in this action and
// the screen's buffer; DescribeForLog never prints it.
struct SubmitLogin {
  std::string user_name;
  std::string password;
};

struct SwitchLanguage {
  Lang lang = Lang::kVi;
};

// A keyboard-wedge scan recognised by the shell (wedge_scan.h), wherever the focus was.
struct ScanReceived {
  std::string text;
};

using CounterAction = std::variant<SubmitLogin, SwitchLanguage, ScanReceived>;

// One line for logs and --test output: the action's name and non-secret fields.
// "SubmitLogin user_name=nguyen.van.an" (never the password), "ScanReceived chars=42"
// (never the content: a CCCD QR is personal data).
std::string DescribeForLog(const CounterAction& action);

// ---- Model ---------------------------------------------------------------------------------

struct LoginModel {
  std::optional<Error> error;           // the last failed attempt, shown under the form
  int error_serial = 0;                 // +1 per failed attempt: the screen refocuses on a change
  std::optional<Instant> locked_until;  // set with an "account_locked" error, UTC
  std::string notice_key;               // string key of a one-line notice, "" for none
};

struct CounterModel {
  Lang lang = Lang::kVi;
  std::string station_name;   // e.g. "Quầy 3 — Trung tâm Phục vụ hành chính công tỉnh"
  std::string app_version;    // e.g. "0.1.0"
  LoginModel login;
  std::optional<SessionUser> session;  // set once signed in
};

// What applying actions needs from outside: the core's services and the time of the frame.
struct CounterBackend {
  Authenticator* auth = nullptr;  // required
  Instant now{};                  // when the actions are applied (the frame's time)
};

// Applies one action to the model.
//   SubmitLogin: trims the user name and normalises it to NFC, checks both fields are filled
//     (kInvalid/"required" on "user_name" or "password", without calling the authenticator), then
//     signs in. On success the session is set and the login error cleared; on failure the error
//     is recorded (error_serial + 1) and returned. Account locks also record locked_until.
//   SwitchLanguage: sets the language; never fails.
//   ScanReceived: before sign-in, shows the notice "login.scan_needs_login" and returns Ok (the
//     scan is not an error; nothing is read from it).
Status ApplyCounterAction(CounterModel& model, const CounterBackend& backend,
                          const CounterAction& action);

}  // namespace motcua::ui
