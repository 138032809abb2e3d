// The motcua command-line tool: a stable contract for operators and tests.
//   exit 0 on success, 2 on bad input (the message names the field; a procedure, dossier or file that
//   the command line names and that does not exist is bad input too), 1 on any other failure.
// Each verb lives in cmd_<verb>.cpp and registers itself with MOTCUA_CLI_COMMAND; main.cpp only
// parses the global options and dispatches.
//
// Who acts: a verb that changes data acts as a signed-in account, named with the global --as USER and
// checked like a sign-in at a counter (auth/login.h: argon2id, lockout, the attempt journaled); the
// password comes from $MOTCUA_PASSWORD, else from the first line of standard input. The account's role
// then gates the verb in the core (roles/roles.h). Read-only verbs need no sign-in.
//
// Language: the tables meant for people (`score`, `rating list`) follow the global --lang vi|en
// (default vi, the center's language), numbers included, through the score card's own formatter
// (common/number_format.h): "28,68" in Vietnamese, "28.68" in English. `demo` speaks Vietnamese only
// (its numbers too); operator messages stay English; --json output is machine-readable, never localized.
//
// Time: the clock is the system's. --now sets it only on a database created for demos and tests
// (`motcua init --demo`, fixed at creation); on any other database a verb that writes refuses it, so the
// on-time indicator cannot be gamed by back-dating.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "common/files.h"
#include "common/result.h"
#include "common/time.h"
#include "ui_model/strings.h"

namespace motcua::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Global options, parsed before the verb (or anywhere on the line).
struct Context {
  std::string db_path;      // --db PATH (default: <data dir>/motcua.db)
  std::string data_dir;     // --data-dir DIR (default: $MOTCUA_DATA_DIR, /var/lib/motcua as root,
                            //   else $XDG_DATA_HOME/motcua or ~/.local/share/motcua)
  std::string assets_dir;   // --assets DIR (default: $MOTCUA_ASSETS_DIR, else the built-in path)
  std::string station = "station-1";  // --station ID: the station recorded on journal events
  std::string as;                     // --as USER: the account a writing verb signs in as ("" = none)
  bool json = false;                  // --json: machine-readable output
  ui::Lang lang = ui::Lang::kVi;      // --lang vi|en: the language of text output (default vi)
  std::optional<Instant> now;         // --now "YYYY-MM-DD HH:MM" (Vietnam time): fixes the clock (demo
                                      //   databases only, for verbs that write)
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;

  Instant Now() const;
  NumberStyle numbers() const { return ui::NumberStyleFor(lang); }  // "28,68" (vi) / "28.68" (en)
};

// Arguments after the verb, with "--flag VALUE" and "--switch" access.
class Args {
 public:
  explicit Args(std::vector<std::string> args) : args_(std::move(args)) {}
  // Value of --name, removing both tokens. Missing flag: nullopt. Flag without value: error.
  Result<std::optional<std::string>> Flag(std::string_view name);
  Result<std::string> RequiredFlag(std::string_view name);
  bool Switch(std::string_view name);  // true if --name is present (and removes it)
  // The remaining positional arguments; an unknown --flag left over is an error.
  Result<std::vector<std::string>> Positional();
  const std::vector<std::string>& Remaining() const { return args_; }

 private:
  std::vector<std::string> args_;
};

using CommandFn = int (*)(Context&, Args&);

struct Command {
  const char* name;     // "catalog", "receive", ...
  const char* usage;    // "receive --json FILE"
  const char* summary;  // one line
  CommandFn run;
};

bool RegisterCommand(const Command& command);
const std::vector<Command>& Commands();

// Prints the error (English, naming the field) to ctx.err, and as {"error":...} on ctx.out with
// --json; returns kExitBadInput for kInvalid and kNotFound, kExitFailure otherwise.
int ReportError(Context& ctx, const Error& error);

// Prints `j` and a newline on ctx.out. Text that is not valid UTF-8 (a file name, a mistyped code from
// the command line) is printed with U+FFFD in its place instead of ending the program.
void PrintJson(Context& ctx, const nlohmann::json& j, int indent = -1);
void PrintJson(Context& ctx, const nlohmann::ordered_json& j, int indent = -1);  // keys in insertion order
std::string DumpJson(const nlohmann::json& j, int indent = -1);

using motcua::DefaultDataDir;  // common/files.h

// --month's "YYYY-MM": the year and the month 1-12. Errors: kInvalid/"bad_month" on field "month".
Result<std::pair<int, unsigned>> ParseMonthFlag(std::string_view text);

}  // namespace motcua::cli

#define MOTCUA_CLI_CONCAT_INNER_(a, b) a##b
#define MOTCUA_CLI_CONCAT_(a, b) MOTCUA_CLI_CONCAT_INNER_(a, b)
#define MOTCUA_CLI_COMMAND(name, usage, summary, fn)                                       \
  static const bool MOTCUA_CLI_CONCAT_(motcua_cli_registered_, __LINE__) =                 \
      ::motcua::cli::RegisterCommand({name, usage, summary, fn})
