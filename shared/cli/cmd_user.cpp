// motcua user add|disable|enable|passwd|list|policy: officer accounts (auth/accounts.h).
//
// Who acts: the global `--as USER` names the acting account, which signs in like at a counter
// (cli/session.h SignIn: the attempt counts towards its lockout and is journaled). Its password comes
// from $MOTCUA_PASSWORD, else from the first line of standard input. On a database with no administrator yet, `user add` without
// --as creates the first administrator (--role admin), and from then on --as names an administrator.
// `--if-no-admin` makes that first-run step safe to repeat (installer/run-main.sh runs it at every
// start): once an administrator exists it adds nothing, asks nothing and exits 0.
// The password being set (`add`, `passwd`) comes from $MOTCUA_NEW_PASSWORD, else from the next line of
// standard input (on a terminal: asked twice, not echoed). No password is ever taken from the command
// line: it would show in `ps` and the shell's history. The environment variables are meant for scripts
// and tests on a machine the operator controls.
//
// `user policy` prints the password and lockout policy every station applies (auth.* settings,
// auth::LoadAuthSettings); given options, an administrator (--as) changes it (auth::SavePolicy).
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iterator>
#include <iostream>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "auth/accounts.h"
#include "auth/login.h"
#include "cli/session.h"
#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::cli {
namespace {

using nlohmann::json;

constexpr const char* kUsage =
    "user add USER --role officer|postal|supervisor|admin|kiosk --name NAME [--unit UNIT] [--as ADMIN | --if-no-admin]\n"
    "  user disable USER --as ADMIN | user enable USER --as ADMIN\n"
    "  user passwd USER [--as USER] | user list [--json] --as ADMIN\n"
    "  user policy [--min-password-length N] [--max-failed-attempts N] [--lockout-minutes N]\n"
    "              [--idle-lock-minutes N] [--argon2-opslimit N] [--argon2-memlimit-bytes N] [--as ADMIN]";

// The password to set: $MOTCUA_NEW_PASSWORD, else standard input (twice on a terminal).
Result<std::string> NewPassword(Context& ctx, const std::string& user) {
  if (const char* env = std::getenv("MOTCUA_NEW_PASSWORD"); env && *env) return std::string(env);
  MOTCUA_ASSIGN_OR_RETURN(std::string first, ReadSecretLine(ctx, "new password for " + user + ": ", "new_password"));
  if (::isatty(STDIN_FILENO) == 1) {
    MOTCUA_ASSIGN_OR_RETURN(std::string again, ReadSecretLine(ctx, "the same again: ", "new_password"));
    if (again != first) return Invalid("new_password", "mismatch", "the two passwords differ");
  }
  return first;
}

Result<std::unique_ptr<store::Store>> OpenStore(const Context& ctx) { return OpenDatabase(ctx, /*create=*/false); }

std::string StatusText(const auth::Account& a, Instant now) {
  if (a.is_disabled) return "disabled";
  if (auth::IsLocked(a, now)) return "locked until " + FormatLocalMinute(ToLocalVn(*a.locked_until));
  return "active";
}

// An account for output: never the hash.
json AccountJson(const auth::Account& a, Instant now) {
  auto instant = [](const std::optional<Instant>& t) { return t ? json(FormatInstantUtc(*t)) : json(nullptr); };
  return {{"user_name", a.user_name},
          {"display_name", a.display_name},
          {"role", workflow::RoleKey(a.role)},
          {"unit", a.unit},
          {"status", a.is_disabled ? "disabled" : auth::IsLocked(a, now) ? "locked" : "active"},
          {"failed_attempts", a.failed_attempts},
          {"locked_until", instant(auth::IsLocked(a, now) ? a.locked_until : std::nullopt)},
          {"created_at", FormatInstantUtc(a.created_at)},
          {"changed_at", FormatInstantUtc(a.changed_at)},
          {"last_login_at", instant(a.last_login_at)}};
}

// The policy flags of `user policy`, each setting one AuthSettings field.
constexpr const char* kPolicyFlags[][2] = {
    {"min-password-length", "min_password_length"}, {"max-failed-attempts", "max_failed_attempts"},
    {"lockout-minutes", "lockout_minutes"},         {"idle-lock-minutes", "idle_lock_minutes"},
    {"argon2-opslimit", "argon2_opslimit"},         {"argon2-memlimit-bytes", "argon2_memlimit_bytes"},
};

json PolicyJson(const auth::AuthSettings& s) {
  return {{"min_password_length", s.min_password_length},     {"max_failed_attempts", s.max_failed_attempts},
          {"lockout_minutes", s.lockout_minutes},             {"idle_lock_minutes", s.idle_lock_minutes},
          {"argon2_opslimit", s.argon2_opslimit},             {"argon2_memlimit_bytes", s.argon2_memlimit_bytes}};
}

int PrintPolicy(Context& ctx, const auth::AuthSettings& s) {
  const json j = PolicyJson(s);
  if (ctx.json) {
    PrintJson(ctx, j);
    return kExitOk;
  }
  for (const auto& [flag, key] : kPolicyFlags) *ctx.out << key << " " << DumpJson(j[key]) << "\n";
  return kExitOk;
}

// Applies "--flag N" to the field named `key`. Errors: kInvalid/"not_a_number" naming the flag.
Status SetPolicyField(auth::AuthSettings& s, std::string_view flag, std::string_view key, const std::string& text) {
  const std::optional<long long> parsed = ParseDigits<long long>(text);
  if (!parsed || *parsed > (1LL << 40))
    return Invalid(std::string(flag), "not_a_number", "--" + std::string(flag) + " takes a whole number");
  const long long v = *parsed;
  if (key == "min_password_length") s.min_password_length = static_cast<int>(std::min<long long>(v, 1 << 20));
  if (key == "max_failed_attempts") s.max_failed_attempts = static_cast<int>(std::min<long long>(v, 1 << 20));
  if (key == "lockout_minutes") s.lockout_minutes = static_cast<int>(std::min<long long>(v, 1 << 20));
  if (key == "idle_lock_minutes") s.idle_lock_minutes = static_cast<int>(std::min<long long>(v, 1 << 20));
  if (key == "argon2_opslimit") s.argon2_opslimit = static_cast<std::uint64_t>(v);
  if (key == "argon2_memlimit_bytes") s.argon2_memlimit_bytes = static_cast<std::size_t>(v);
  return Ok();
}

int Done(Context& ctx, const auth::Account& a, const std::string& text) {
  if (ctx.json) PrintJson(ctx, AccountJson(a, ctx.Now()));
  else *ctx.out << text << "\n";
  return kExitOk;
}

int RunUser(Context& ctx, Args& args) {
  if (args.Switch("json")) ctx.json = true;
  const bool if_no_admin = args.Switch("if-no-admin");
  const std::optional<std::string> as = ctx.as.empty() ? std::nullopt : std::optional<std::string>(ctx.as);
  auto role_flag = args.Flag("role");
  auto name_flag = args.Flag("name");
  auto unit_flag = args.Flag("unit");
  for (const auto* f : {&role_flag, &name_flag, &unit_flag})
    if (!*f) return ReportError(ctx, f->error());
  std::vector<std::pair<int, std::string>> policy_given;  // index into kPolicyFlags, value
  for (int i = 0; i < static_cast<int>(std::size(kPolicyFlags)); ++i) {
    auto v = args.Flag(kPolicyFlags[i][0]);
    if (!v) return ReportError(ctx, v.error());
    if (*v) policy_given.emplace_back(i, **v);
  }
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  const std::vector<std::string>& pos = *rest;
  if (pos.empty()) return ReportError(ctx, Invalid("subcommand", "missing", std::string("usage: motcua ") + kUsage));
  const std::string& sub = pos[0];
  const bool takes_user = sub == "add" || sub == "disable" || sub == "enable" || sub == "passwd";
  if (!takes_user && sub != "list" && sub != "policy")
    return ReportError(ctx, Invalid("subcommand", "unknown_subcommand",
                                    "unknown subcommand \"" + sub + "\"; usage: motcua " + kUsage));
  if (takes_user && pos.size() != 2)
    return ReportError(ctx, Invalid("user_name", "required", "usage: motcua " + std::string(kUsage)));
  if (!takes_user && pos.size() != 1)
    return ReportError(ctx, Invalid("arguments", "unexpected", "unexpected argument " + pos[1]));
  if (sub != "add" && (*role_flag || *name_flag || *unit_flag || if_no_admin))
    return ReportError(ctx, Invalid(*role_flag ? "role" : *name_flag ? "name" : *unit_flag ? "unit" : "if-no-admin",
                                    "unexpected", "--role, --name, --unit and --if-no-admin belong to `user add`"));
  if (sub != "policy" && !policy_given.empty())
    return ReportError(ctx, Invalid(kPolicyFlags[policy_given.front().first][0], "unexpected",
                                    "the policy options belong to `user policy`"));
  const std::string target = takes_user ? pos[1] : std::string();

  auto store = OpenStore(ctx);
  if (!store) return ReportError(ctx, store.error());
  store::Store& db = **store;
  auto settings = auth::LoadAuthSettings(db, {.station = ctx.station});
  if (!settings) return ReportError(ctx, settings.error());
  const Instant now = ctx.Now();

  if (sub == "add") {
    if (!*role_flag) return ReportError(ctx, Invalid("role", "missing_flag", "--role is required"));
    if (!*name_flag) return ReportError(ctx, Invalid("name", "missing_flag", "--name is required"));
    auto role = workflow::ParseRole(**role_flag);
    if (!role) return ReportError(ctx, role.error());
    auth::NewUser user{target, **name_flag, *role, unit_flag->value_or("")};
    // Check what can be checked before asking for any password.
    std::string folded(Trim(target));
    for (char& c : folded) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (auto s = auth::ValidateUserName(folded); !s) return ReportError(ctx, s.error());
    auto bootstrap = auth::NeedsBootstrap(db);
    if (!bootstrap) return ReportError(ctx, bootstrap.error());
    if (if_no_admin && as)
      return ReportError(ctx, Invalid("if-no-admin", "unexpected", "--if-no-admin creates the first administrator: no --as"));
    if (if_no_admin && !*bootstrap) {
      *ctx.out << "an administrator exists; nothing added\n";
      return kExitOk;
    }
    Result<auth::Account> added = Error{};
    if (!as) {
      if (auto clock = CheckClockOverride(ctx, db); !clock) return ReportError(ctx, clock.error());
      if (!*bootstrap)
        return ReportError(ctx, Invalid("as", "required",
                                        "an administrator exists: name the acting administrator with --as ADMIN"));
      if (*role != workflow::Role::kAdmin)
        return ReportError(ctx, Invalid("role", "first_user_must_be_admin",
                                        "the first account must be an administrator (--role admin)"));
      auto password = NewPassword(ctx, folded);
      if (!password) return ReportError(ctx, password.error());
      added = auth::BootstrapAdmin(db, user, *password, now, *settings);
      std::fill(password->begin(), password->end(), '\0');
    } else {
      auto actor = SignIn(ctx, db);
      if (!actor) return ReportError(ctx, actor.error());
      auto password = NewPassword(ctx, folded);
      if (!password) return ReportError(ctx, password.error());
      added = auth::AddUser(db, *actor, user, *password, now, *settings);
      std::fill(password->begin(), password->end(), '\0');
    }
    if (!added) {
      if (added.error().field == "display_name") added.error().field = "name";  // the flag's name
      return ReportError(ctx, added.error());
    }
    return Done(ctx, *added,
                "added " + added->user_name + " (" + workflow::RoleKey(added->role) + ", " + added->display_name + ")");
  }

  if (sub == "passwd") {
    // Without --as the account changes its own password and signs in with the current one.
    if (!as) ctx.as = target;
    auto actor = SignIn(ctx, db);
    if (!actor) return ReportError(ctx, actor.error());
    auto password = NewPassword(ctx, target);
    if (!password) return ReportError(ctx, password.error());
    auto changed = auth::SetPassword(db, *actor, target, *password, now, *settings);
    std::fill(password->begin(), password->end(), '\0');
    if (!changed) return ReportError(ctx, changed.error());
    return Done(ctx, *changed, "password changed for " + changed->user_name);
  }

  if (sub == "policy" && policy_given.empty()) return PrintPolicy(ctx, *settings);
  auth::AuthSettings policy = *settings;
  for (const auto& [index, value] : policy_given)
    if (auto s = SetPolicyField(policy, kPolicyFlags[index][0], kPolicyFlags[index][1], value); !s)
      return ReportError(ctx, s.error());
  if (!as)
    return ReportError(ctx, Invalid("as", "required", "name the acting administrator with --as ADMIN"));
  auto actor = SignIn(ctx, db);
  if (!actor) return ReportError(ctx, actor.error());
  if (sub == "disable" || sub == "enable") {
    auto a = sub == "disable" ? auth::DisableUser(db, *actor, target, now) : auth::EnableUser(db, *actor, target, now);
    if (!a) return ReportError(ctx, a.error());
    return Done(ctx, *a, sub + "d " + a->user_name);
  }
  if (sub == "policy") {
    auto saved = auth::SavePolicy(db, *actor, policy, now);
    if (!saved) return ReportError(ctx, saved.error());
    return PrintPolicy(ctx, *saved);
  }
  auto users = auth::ListUsers(db, *actor);
  if (!users) return ReportError(ctx, users.error());
  if (ctx.json) {
    json out = json::array();
    for (const auth::Account& a : *users) out.push_back(AccountJson(a, now));
    PrintJson(ctx, out);
    return kExitOk;
  }
  for (const auth::Account& a : *users)
    *ctx.out << a.user_name << "  " << workflow::RoleKey(a.role) << "  " << StatusText(a, now) << "  "
             << (a.unit.empty() ? "-" : a.unit) << "  " << a.display_name << "\n";
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("user", kUsage,
                   "officer accounts; the acting user's password from $MOTCUA_PASSWORD or stdin, a new password "
                   "from $MOTCUA_NEW_PASSWORD or stdin",
                   RunUser);

}  // namespace motcua::cli
