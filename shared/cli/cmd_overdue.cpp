// motcua overdue --at "YYYY-MM-DD HH:MM": dossiers past their due instant and still open, oldest first.
// A dossier awaiting a supplement is not listed: its clock is paused.
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/dossier_json.h"
#include "cli/session.h"

namespace motcua::cli {
namespace {

int RunOverdue(Context& ctx, Args& args) {
  if (args.Switch("json")) ctx.json = true;
  auto at_text = args.Flag("at");
  if (!at_text) return ReportError(ctx, at_text.error());
  auto unit = args.Flag("unit");
  if (!unit) return ReportError(ctx, unit.error());
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("arguments", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  Instant at = ctx.Now();
  if (*at_text) {
    auto t = ParseLocalMinute(**at_text, "at");
    if (!t) return ReportError(ctx, t.error());
    at = FromLocalVn(*t);
  }
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  using dossier::State;
  store::DossierQuery q;
  q.states = {State::kSubmitted, State::kReceived, State::kTransferred, State::kInProgress, State::kAwaitingPayment,
              State::kWithdrawalRequested};
  q.due_before = at;
  q.processing_unit = unit->value_or("");
  q.limit = 100000;
  auto rows = (*session)->store->ListDossiers(q);
  if (!rows) return ReportError(ctx, rows.error());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : *rows) {
    auto late = calendar::WorkingTimeBetween(*(*session)->calendar, ToLocalVn(*r.due_at), ToLocalVn(at));
    const long late_minutes = late ? static_cast<long>(late->count()) : -1;
    if (ctx.json) {
      list.push_back({{"code", r.code}, {"due_at", LocalText(r.due_at)}, {"state", dossier::StateKey(r.state)},
                      {"procedure_code", r.procedure_code}, {"processing_unit", r.processing_unit},
                      {"applicant_name", r.applicant_name}, {"late_working_minutes", late_minutes}});
    } else {
      *ctx.out << r.code << "  " << LocalText(r.due_at) << "  " << dossier::StateKey(r.state) << "  "
               << r.procedure_code << "  " << r.processing_unit << "  " << r.applicant_name << "\n";
    }
  }
  if (ctx.json) PrintJson(ctx, list);
  else *ctx.out << rows->size() << " overdue at " << FormatLocalMinute(ToLocalVn(at)) << "\n";
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("overdue", "overdue [--at \"YYYY-MM-DD HH:MM\"] [--unit NAME] [--json]",
                   "list open dossiers past their due instant (default: now)", RunOverdue);

}  // namespace motcua::cli
