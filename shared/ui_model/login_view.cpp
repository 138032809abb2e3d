#include "ui_model/login_view.h"

#include <cstdio>

#include "ui_model/strings.h"

namespace motcua::ui {
namespace {

std::string FormatHourMinuteVn(Instant at) {
  const LocalMinute local = ToLocalVn(at);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss<std::chrono::minutes> hm(local - day);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(hm.hours().count()),
                static_cast<int>(hm.minutes().count()));
  return buf;
}

}  // namespace

LoginView MakeLoginView(const CounterModel& model, Instant now) {
  const Lang lang = model.lang;
  LoginView v;
  v.app_title = Tr(lang, "app.counter_title");
  v.subtitle = Tr(lang, "login.subtitle");
  v.title = Tr(lang, "login.title");
  v.user_label = Tr(lang, "login.user");
  v.password_label = Tr(lang, "login.password");
  v.submit_label = Tr(lang, "login.submit");
  v.hint = Tr(lang, "login.hint");
  v.switch_language_label = Tr(lang, "login.switch_language");
  v.switch_to = lang == Lang::kVi ? Lang::kEn : Lang::kVi;

  const LoginModel& login = model.login;
  v.error_serial = login.error_serial;
  if (login.error) {
    v.error_text = ErrorMessage(lang, *login.error);
    if (login.error->rule == "account_locked" && login.locked_until && *login.locked_until > now) {
      v.error_text += ' ';
      v.error_text += FormatText(Tr(lang, "login.locked_until"),
                                 {{"time", FormatHourMinuteVn(*login.locked_until)}});
    }
    if (login.error->field == "user_name") {
      v.error_field = LoginField::kUserName;
      v.focus_after_error = LoginField::kUserName;
    } else if (login.error->field == "password") {
      v.error_field = LoginField::kPassword;
      v.focus_after_error = LoginField::kPassword;
    } else {
      // No single field at fault (wrong pair, service down): no red box, retype the password.
      v.focus_after_error = LoginField::kPassword;
    }
  }

  if (model.session) {
    const SessionUser& u = *model.session;
    const char* role = FindString(lang, "role." + u.role);
    v.notice_text = FormatText(Tr(lang, "login.signed_in"),
                               {{"name", u.shown_name()},
                                {"role", role != nullptr ? role : u.role}});
    v.notice_tone = Tone::kSuccess;
  } else if (!login.notice_key.empty()) {
    v.notice_text = Tr(lang, login.notice_key);
    v.notice_tone = Tone::kWarning;
  }

  if (!model.station_name.empty())
    v.station_line = FormatText(Tr(lang, "login.station"), {{"station", model.station_name}});
  v.version_line = FormatText(Tr(lang, "login.version"), {{"version", model.app_version}});
  return v;
}

}  // namespace motcua::ui
