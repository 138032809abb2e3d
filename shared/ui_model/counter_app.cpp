#include "ui_model/counter_app.h"

#include "common/text.h"
#include "ui_model/action.h"

namespace motcua::ui {
namespace {

std::size_t CountCodePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

Status ApplySubmitLogin(CounterModel& model, const CounterBackend& backend,
                        const SubmitLogin& submit) {
  LoginModel& login = model.login;
  login.notice_key.clear();
  const std::string user_name = NormalizeNfc(Trim(submit.user_name));
  Result<SessionUser> user = [&]() -> Result<SessionUser> {
    if (user_name.empty()) return Invalid("user_name", "required", "user name is empty");
    if (submit.password.empty()) return Invalid("password", "required", "password is empty");
    MOTCUA_ASSERT(backend.auth != nullptr, "CounterBackend::auth must be set before applying actions");
    return backend.auth->SignIn(user_name, submit.password, backend.now);
  }();
  if (user.has_value()) {
    model.session = std::move(user).value();
    login.error.reset();
    login.locked_until.reset();
    return Ok();
  }
  login.error = user.error();
  ++login.error_serial;
  login.locked_until.reset();
  if (user.error().rule == "account_locked")
    login.locked_until = backend.auth->LockedUntil(user_name, backend.now);
  return std::move(user.error());
}

}  // namespace

std::string DescribeForLog(const CounterAction& action) {
  return std::visit(
      Overloaded{
          [](const SubmitLogin& a) { return "SubmitLogin user_name=" + std::string(Trim(a.user_name)); },
          [](const SwitchLanguage& a) { return std::string("SwitchLanguage lang=") + LangCode(a.lang); },
          [](const ScanReceived& a) {
            return "ScanReceived chars=" + std::to_string(CountCodePoints(a.text));
          },
      },
      action);
}

Status ApplyCounterAction(CounterModel& model, const CounterBackend& backend,
                          const CounterAction& action) {
  return std::visit(
      Overloaded{
          [&](const SubmitLogin& a) { return ApplySubmitLogin(model, backend, a); },
          [&](const SwitchLanguage& a) {
            model.lang = a.lang;
            return Ok();
          },
          [&](const ScanReceived&) {
            if (!model.session) model.login.notice_key = "login.scan_needs_login";
            return Ok();
          },
      },
      action);
}

}  // namespace motcua::ui
