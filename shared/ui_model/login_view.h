// The counter's login screen as plain data (style.md §4): every text already translated and
// formatted, every decision (which box is red, where the caret goes) already taken.
// counter/screens/login.cpp draws it; tests/ui_model/login_view_test.cpp checks it with no display.
#pragma once

#include <string>

#include "common/time.h"
#include "ui_model/counter_app.h"
#include "ui_model/tone.h"

namespace motcua::ui {

enum class LoginField { kNone, kUserName, kPassword };

struct LoginView {
  std::string app_title;        // "Bộ phận Một cửa — Tiếp nhận và trả kết quả"
  std::string subtitle;
  std::string title;            // "Đăng nhập"
  std::string user_label;       // "Tên đăng nhập"
  std::string password_label;   // "Mật khẩu"
  std::string submit_label;     // "Đăng nhập"
  std::string hint;             // how to use the keyboard here
  std::string switch_language_label;  // names the other language: "English" / "Tiếng Việt"
  Lang switch_to = Lang::kEn;

  std::string error_text;                   // "" when there is no error
  LoginField error_field = LoginField::kNone;  // the box drawn with an error border
  int error_serial = 0;                     // changes on each failed attempt
  LoginField focus_after_error = LoginField::kUserName;  // where the caret goes when it changes

  std::string notice_text;                  // "" for none: e.g. a scan before sign-in, signed in
  Tone notice_tone = Tone::kInfo;

  std::string station_line;   // "Máy trạm: Quầy 3"; "" when no station name is configured
  std::string version_line;   // "Phiên bản 0.1.0"
};

// Builds the login view at `now` (used for "try again at HH:MM" during a lockout, shown in
// Vietnam time). The error line is ErrorMessage() of the last failure plus, for a lock, the time it
// ends (or nothing more when the authenticator gave no time or it has passed).
LoginView MakeLoginView(const CounterModel& model, Instant now);

}  // namespace motcua::ui
