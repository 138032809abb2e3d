// motcua journal verify | journal list [CODE]
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/session.h"

namespace motcua::cli {
namespace {

int RunJournal(Context& ctx, Args& args) {
  if (args.Switch("json")) ctx.json = true;
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->empty() || ((*rest)[0] != "verify" && (*rest)[0] != "list"))
    return ReportError(ctx, Invalid("subcommand", "missing", "usage: motcua journal verify | journal list [CODE]"));
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  store::Store& store = *(*session)->store;
  if ((*rest)[0] == "list") {
    store::JournalQuery q;
    if (rest->size() > 1) q.dossier_code = (*rest)[1];
    auto events = store.ReadJournal(q);
    if (!events) return ReportError(ctx, events.error());
    for (const auto& e : *events)
      *ctx.out << e.seq << "  " << FormatInstantUtc(e.at) << "  " << e.type << "  " << e.dossier_code << "  "
               << e.actor << "@" << e.station << "  " << e.payload_json << "\n";
    return kExitOk;
  }
  auto integrity = store.CheckIntegrity();
  auto check = store.VerifyJournal();
  if (!check) return ReportError(ctx, check.error());
  const bool ok = integrity.has_value() && check->ok;
  if (ctx.json) {
    *ctx.out << nlohmann::json{{"ok", ok},
                               {"events", check->events},
                               {"integrity", integrity ? "ok" : integrity.error().detail},
                               {"first_bad_seq", check->first_bad_seq},
                               {"problem", check->problem}}
                    .dump()
             << "\n";
  } else if (ok) {
    *ctx.out << "ok: " << check->events << " journal events, chain intact; database integrity ok\n";
  } else {
    if (!integrity) *ctx.out << "database integrity: " << integrity.error().detail << "\n";
    if (!check->ok) *ctx.out << "journal broken at event " << check->first_bad_seq << ": " << check->problem << "\n";
  }
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

MOTCUA_CLI_COMMAND("journal", "journal verify | journal list [CODE]",
                   "verify the journal's hash chain and the database, or list events", RunJournal);

}  // namespace motcua::cli
