// motcua telex KEYS...: prints the Vietnamese text that Telex composes from the keystrokes KEYS
// (text/telex.h), on one line in NFC: `motcua telex "nguyeenx vawn an"` → "nguyễn văn an". Several
// arguments are typed one after another with a space between them. Exit 2 with no argument.
#include <ostream>

#include "cli/cli.h"
#include "text/telex.h"

namespace motcua::cli {
namespace {

int RunTelex(Context& ctx, Args& args) {
  auto keys = args.Positional();
  if (!keys) return ReportError(ctx, keys.error());
  if (keys->empty())
    return ReportError(ctx, Invalid("keys", "missing_argument", "telex wants the keystrokes, e.g. motcua telex \"nguyeenx\""));
  text::TelexComposer composer;
  for (std::size_t i = 0; i < keys->size(); ++i) {
    if (i > 0) composer.Type(U' ');
    composer.TypeKeys((*keys)[i]);
  }
  *ctx.out << composer.Text() << "\n";
  return kExitOk;
}

}  // namespace
}  // namespace motcua::cli

MOTCUA_CLI_COMMAND("telex", "telex KEYS...", "Print the Vietnamese text that Telex composes from the keystrokes KEYS",
                   motcua::cli::RunTelex);
