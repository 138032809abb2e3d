#include "ui_model/auth.h"

#include "auth/login.h"

namespace motcua::ui {

SessionUser SessionFor(const auth::Account& account) {
  return {account.user_name, account.display_name, workflow::RoleKey(account.role), account.unit};
}

Result<SessionUser> StoreAuthenticator::SignIn(std::string_view user_name, std::string_view password,
                                               Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auth::Account account, auth::Login(*store_, user_name, password, now, settings_));
  return SessionFor(account);
}

Result<SessionUser> StoreAuthenticator::Reauthenticate(std::string_view user_name, std::string_view password,
                                                       Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auth::Account account,
                          auth::Reauthenticate(*store_, user_name, password, now, settings_));
  return SessionFor(account);
}

std::optional<Instant> StoreAuthenticator::LockedUntil(std::string_view user_name, Instant now) {
  Result<std::optional<Instant>> until = auth::LockedUntil(*store_, user_name, now);
  return until.has_value() ? *until : std::nullopt;
}

}  // namespace motcua::ui
