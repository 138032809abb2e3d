// motcua journal verify | journal list [CODE]
//
// verify runs the whole check of store/journal.h (the keyed chain, the head, every stored row against the
// state its events sealed, the anchor file) and the database's own integrity check; it prints the first
// problem with its rule key and exits 1 when anything is wrong.
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
    for (const auto& e : *events) {
      *ctx.out << e.seq << "  " << FormatInstantUtc(e.at) << "  " << e.type << "  " << e.dossier_code << "  "
               << e.actor << "@" << e.station << "  " << e.payload_json;
      // The wall clock, when it tells another story than the event's own time (a demo's --now).
      if (ToUnixSeconds(e.recorded_at) != 0 && (e.recorded_at - e.at > std::chrono::minutes(5) ||
                                                 e.at - e.recorded_at > std::chrono::minutes(5)))
        *ctx.out << "  (recorded " << FormatInstantUtc(e.recorded_at) << ")";
      *ctx.out << "\n";
    }
    return kExitOk;
  }
  auto integrity = store.CheckIntegrity();
  auto check = store.VerifyJournal();
  if (!check) return ReportError(ctx, check.error());
  const bool ok = integrity.has_value() && check->ok;
  if (ctx.json) {
    PrintJson(ctx, nlohmann::json{{"ok", ok},
                                  {"events", check->events},
                                  {"rows", check->rows},
                                  {"anchored_seq", check->anchored_seq},
                                  {"integrity", integrity ? "ok" : integrity.error().detail},
                                  {"first_bad_seq", check->first_bad_seq},
                                  {"rule", check->rule},
                                  {"problem", check->problem}});
  } else if (ok) {
    *ctx.out << "ok: " << check->events << " journal events, keyed chain intact; " << check->rows
             << " rows match their journaled state; anchored up to event " << check->anchored_seq
             << "; database integrity ok\n";
  } else {
    if (!integrity) *ctx.out << "database integrity: " << integrity.error().detail << "\n";
    if (!check->ok) *ctx.out << "journal check failed [" << check->rule << "]: " << check->problem << "\n";
  }
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

MOTCUA_CLI_COMMAND("journal", "journal verify | journal list [CODE]",
                   "verify the journal (keyed chain, rows against their journaled state, the anchor) and the database, or "
                   "list events", RunJournal);

}  // namespace motcua::cli
