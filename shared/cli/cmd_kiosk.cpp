// motcua kiosk: the self-service kiosks' settings (ui_model/kiosk_settings.h), shared by every kiosk
// of the center.
//
//   motcua kiosk show                      every kiosk.* setting and its value (the PIN: set or not)
//   motcua kiosk set KEY VALUE --as USER   one setting, checked (administrators: kManageCatalog)
//   motcua kiosk pin --as USER             the administrator PIN behind the hidden gesture, 4-12 digits,
//                                          from $MOTCUA_NEW_PIN or the first line of standard input
//                                          (stored as an argon2id hash; kManageUsers)
// Exit 2 on bad input, naming the key.
#include <cstdlib>
#include <ostream>

#include "cli/cli.h"
#include "cli/session.h"
#include "ui_model/kiosk_settings.h"

namespace motcua::cli {
namespace {

int Show(Context& ctx, Args& args) {
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (!rest->empty()) return ReportError(ctx, Invalid("arguments", "unexpected", "kiosk show takes no argument"));
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  store::Store& store = *(*session)->store;
  auto settings = ui::LoadKioskSettings(store);  // refuses a stored value that is not valid, naming it
  if (!settings) return ReportError(ctx, settings.error());
  for (const char* const* key = ui::KioskSettingKeys(); *key; ++key) {
    auto value = store.GetSetting(*key);
    if (!value) return ReportError(ctx, value.error());
    *ctx.out << *key << " = " << (*value ? **value : std::string("(default)")) << "\n";
  }
  *ctx.out << "kiosk.admin_pin_hash = " << (settings->admin_pin_hash.empty() ? "(not set)" : "(set)") << "\n";
  return kExitOk;
}

int Set(Context& ctx, Args& args) {
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 2) return ReportError(ctx, Invalid("arguments", "required", "kiosk set KEY VALUE"));
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  if (Status s = ui::SaveKioskSetting(*(*session)->store, (*session)->actor, (*rest)[0], (*rest)[1], ctx.Now()); !s)
    return ReportError(ctx, s.error());
  *ctx.out << (*rest)[0] << " = " << (*rest)[1] << "\n";
  return kExitOk;
}

int Pin(Context& ctx, Args& args) {
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (!rest->empty())
    return ReportError(ctx, Invalid("pin", "on_command_line", "the PIN is read from $MOTCUA_NEW_PIN or standard input"));
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  std::string pin;
  if (const char* env = std::getenv("MOTCUA_NEW_PIN"); env && *env) {
    pin = env;
  } else {
    auto line = ReadSecretLine(ctx, "kiosk PIN (4-12 digits): ", "pin");
    if (!line) return ReportError(ctx, line.error());
    pin = *line;
  }
  if (Status s = ui::SaveKioskPin(*(*session)->store, (*session)->actor, pin, ctx.Now()); !s)
    return ReportError(ctx, s.error());
  *ctx.out << "kiosk PIN set\n";
  return kExitOk;
}

int RunKiosk(Context& ctx, Args& args) {
  const auto& rest = args.Remaining();
  std::string sub = !rest.empty() && !rest[0].empty() && rest[0][0] != '-' ? rest[0] : std::string();
  Args sub_args(std::vector<std::string>(rest.begin() + (sub.empty() ? 0 : 1), rest.end()));
  if (sub == "show") return Show(ctx, sub_args);
  if (sub == "set") return Set(ctx, sub_args);
  if (sub == "pin") return Pin(ctx, sub_args);
  return ReportError(ctx, Invalid("subcommand", "bad_subcommand", "kiosk show|set|pin, got \"" + sub + "\""));
}

}  // namespace

MOTCUA_CLI_COMMAND("kiosk", "kiosk show | set KEY VALUE | pin",
                   "the self-service kiosks' settings (idle time, VietQR account, postage, ...) and admin PIN",
                   RunKiosk);

}  // namespace motcua::cli
