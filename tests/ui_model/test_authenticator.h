// A small but honest Authenticator for view-model tests, standing in for the core's user module
// (not written yet): a fixed table of users with plain passwords, a 5-attempt lockout of 5 minutes
// (issue 3, item 1), and a disabled account. It follows the contract in ui_model/auth.h exactly.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "ui_model/auth.h"

namespace motcua::ui::testing {

class TableAuthenticator final : public Authenticator {
 public:
  struct Account {
    std::string password;
    SessionUser user;
    bool is_disabled = false;
    int failures = 0;
    std::optional<Instant> locked_until;
  };

  void Add(std::string user_name, std::string password, std::string display_name,
           std::string role, bool is_disabled = false) {
    Account a;
    a.password = std::move(password);
    a.user = SessionUser{user_name, std::move(display_name), std::move(role)};
    a.is_disabled = is_disabled;
    accounts_[std::move(user_name)] = std::move(a);
  }

  int calls = 0;

  Result<SessionUser> SignIn(std::string_view user_name, std::string_view password,
                             Instant now) override {
    ++calls;
    if (user_name.empty()) return Invalid("user_name", "required", "empty");
    if (password.empty()) return Invalid("password", "required", "empty");
    auto it = accounts_.find(std::string(user_name));
    if (it == accounts_.end()) return Invalid("", "bad_credentials", "no such user");
    Account& a = it->second;
    if (a.is_disabled) return Conflict("user_name", "account_disabled", "disabled");
    if (a.locked_until && *a.locked_until > now) return Conflict("user_name", "account_locked", "locked");
    if (a.password != password) {
      if (++a.failures >= 5) {
        a.locked_until = now + std::chrono::minutes(5);
        a.failures = 0;
        return Conflict("user_name", "account_locked", "locked after 5 failures");
      }
      return Invalid("", "bad_credentials", "wrong password");
    }
    a.failures = 0;
    return a.user;
  }

  std::optional<Instant> LockedUntil(std::string_view user_name, Instant now) override {
    auto it = accounts_.find(std::string(user_name));
    if (it == accounts_.end() || !it->second.locked_until || *it->second.locked_until <= now)
      return std::nullopt;
    return it->second.locked_until;
  }

 private:
  std::map<std::string, Account, std::less<>> accounts_;
};

}  // namespace motcua::ui::testing
