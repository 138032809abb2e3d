// motcua CLI entry point: global options, then dispatch to the verb's cmd_<verb>.cpp.
#include <algorithm>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/cli.h"
#include "common/crypto.h"

#ifndef MOTCUA_DEFAULT_ASSETS_DIR
#define MOTCUA_DEFAULT_ASSETS_DIR "/usr/share/motcua"
#endif

namespace {

using namespace motcua;
using namespace motcua::cli;

void PrintUsage(std::ostream& os) {
  os << "usage: motcua [--db PATH|CONNINFO] [--data-dir DIR] [--assets DIR] [--station ID] [--as USER]\n"
        "              [--now \"YYYY-MM-DD HH:MM\"] [--lang vi|en] [--json] COMMAND [ARGS]\n\n"
        "The database defaults to <data dir>/motcua.db; the data directory to $MOTCUA_DATA_DIR,\n"
        "else /var/lib/motcua as root, else ~/.local/share/motcua.\n"
        "--db also takes a center's PostgreSQL database: a URL (postgresql://HOST[:PORT][,HOST2...]/DB?...)\n"
        "or a libpq connection string (\"host=... port=... dbname=... target_session_attrs=read-write\").\n"
        "Its password comes from libpq's password file (passfile=, $PGPASSFILE or ~/.pgpass), never from\n"
        "the command line; the center's chain key, center key and files live in the data directory.\n"
        "Commands that change data act as a signed-in account: --as USER, the password from\n"
        "$MOTCUA_PASSWORD or the first line of standard input. --now is accepted for them only on a\n"
        "database created with `motcua init --demo`.\n"
        "--lang sets the language of tables meant for people (default vi): numbers as the score card\n"
        "writes them, 28,68 in Vietnamese and 28.68 in English; --json output is never localized.\n\ncommands:\n";
  for (const auto& c : Commands()) os << "  " << c.usage << "\n      " << c.summary << "\n";
}

int Main(int argc, char** argv) {
  Context ctx;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  if (const char* env = std::getenv("MOTCUA_ASSETS_DIR"); env && *env) ctx.assets_dir = env;
  else ctx.assets_dir = MOTCUA_DEFAULT_ASSETS_DIR;

  std::vector<std::string> rest;
  for (int i = 1; i < argc; ++i) rest.emplace_back(argv[i]);
  // "--json" before the verb asks for JSON output; after the verb it belongs to the verb
  // (receive --json FILE). The value options below are accepted anywhere on the line.
  for (auto it = rest.begin(); it != rest.end() && it->rfind("--", 0) == 0;) {
    if (*it == "--json") {
      ctx.json = true;
      it = rest.erase(it);
    } else if (*it == "--help" || it + 1 == rest.end()) {
      break;
    } else {
      it += 2;  // a value option, handled below
    }
  }
  Args global(rest);
  std::string now_text, lang_text;
  for (auto [name, dest] : {std::pair<const char*, std::string*>{"db", &ctx.db_path},
                            {"data-dir", &ctx.data_dir},
                            {"assets", &ctx.assets_dir},
                            {"station", &ctx.station},
                            {"as", &ctx.as},
                            {"now", &now_text},
                            {"lang", &lang_text}}) {
    auto v = global.Flag(name);
    if (!v) return ReportError(ctx, v.error());
    if (*v) *dest = **v;
  }
  if (auto actor = global.Flag("actor"); !actor || *actor)
    return ReportError(ctx, Invalid("actor", "unknown_flag",
                                    "--actor is gone: name the signed-in account with --as USER (its password from "
                                    "$MOTCUA_PASSWORD or standard input)"));
  if (!now_text.empty()) {
    auto t = ParseLocalMinute(now_text, "now");
    if (!t) return ReportError(ctx, t.error());
    ctx.now = FromLocalVn(*t);
  }
  if (!lang_text.empty()) {
    auto lang = ui::ParseLang(lang_text);  // kInvalid/"unknown_language" on "lang"
    if (!lang) return ReportError(ctx, lang.error());
    ctx.lang = *lang;
  }
  if (ctx.data_dir.empty()) ctx.data_dir = DefaultDataDir();
  if (ctx.db_path.empty()) ctx.db_path = ctx.data_dir + "/motcua.db";
  if (auto s = InitCrypto(); !s) return ReportError(ctx, s.error());

  std::vector<std::string> args = global.Remaining();
  auto is_help = [](const std::string& a) { return a == "--help" || a == "-h"; };
  if (args.size() == 2 && args[0] == "help") args = {args[1], "--help"};  // motcua help VERB
  if (args.empty() || args[0] == "help" || is_help(args[0])) {
    PrintUsage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? kExitBadInput : kExitOk;
  }
  const std::string verb = args[0];
  args.erase(args.begin());
  for (const auto& c : Commands())
    if (verb == c.name) {
      // VERB --help: its usage, nothing run (no database opened, no sign-in asked).
      if (std::any_of(args.begin(), args.end(), is_help)) {
        std::cout << "usage: motcua " << c.usage << "\n  " << c.summary << "\n";
        return kExitOk;
      }
      Args verb_args(std::move(args));
      return c.run(ctx, verb_args);
    }
  return ReportError(ctx, Invalid("command", "unknown_command", "unknown command \"" + verb + "\"; try motcua help"));
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "motcua: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
}
