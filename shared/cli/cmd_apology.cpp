// motcua apology CODE --new-due "YYYY-MM-DD HH:MM" --reason TEXT: re-date a dossier once (Mẫu 04).
#include <ostream>

#include "cli/dossier_json.h"
#include "cli/session.h"

namespace motcua::cli {
namespace {

int RunApology(Context& ctx, Args& args) {
  auto due = args.RequiredFlag("new-due");
  if (!due) return ReportError(ctx, due.error());
  auto reason = args.RequiredFlag("reason");
  if (!reason) return ReportError(ctx, reason.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Invalid("code", "missing", "usage: motcua apology CODE --new-due ..."));
  auto when = ParseLocalMinute(*due, "new-due");
  if (!when) return ReportError(ctx, when.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto d = workflow::IssueApology((*session)->desk, (*session)->actor, (*rest)[0], FromLocalVn(*when), *reason, ctx.Now());
  if (!d) return ReportError(ctx, d.error());
  *ctx.out << d->code << " " << LocalText(d->due_at) << " (original " << LocalText(d->original_due_at) << ")\n";
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("apology", "apology CODE --new-due \"YYYY-MM-DD HH:MM\" --reason TEXT",
                   "apologise and re-date a dossier (allowed once; the original due date is kept)", RunApology);

}  // namespace motcua::cli
