#include "ui_model/auth.h"

namespace motcua::ui {

Result<SessionUser> PendingAuthenticator::SignIn(std::string_view user_name,
                                                 std::string_view password, Instant now) {
  (void)now;
  if (user_name.empty()) return Invalid("user_name", "required", "user name is empty");
  if (password.empty()) return Invalid("password", "required", "password is empty");
  return Unavailable("", "auth_backend_missing",
                     "no authentication backend is configured yet (the core's user module)");
}

}  // namespace motcua::ui
