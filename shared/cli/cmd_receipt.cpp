// motcua receipt CODE --out FILE.pdf [--printer QUEUE]: the receipt (Mẫu 01) of a stored dossier,
// for the first print or a reprint; the code, token and dates are the dossier's own, never new ones.
// A receipt carries a valid token, so printing one is an act of a signed-in account, journaled as
// "dossier.receipt_printed".
#include <ostream>

#include "cli/session.h"
#include "print/form_pdf.h"
#include "print/printer.h"
#include "workflow/receipt_form.h"

namespace motcua::cli {
namespace {

int RunReceipt(Context& ctx, Args& args) {
  auto out = args.RequiredFlag("out");
  if (!out) return ReportError(ctx, out.error());
  auto printer = args.Flag("printer");
  if (!printer) return ReportError(ctx, printer.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Invalid("code", "missing", "usage: motcua receipt CODE --out FILE.pdf"));
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto& s = **session;
  auto d = s.store->GetDossier((*rest)[0]);
  if (!d) return ReportError(ctx, d.error());
  if (!*d) return ReportError(ctx, NotFound("code", "no_such_dossier", "no dossier " + (*rest)[0]));
  auto token = workflow::ReceiptTokenFor(s.desk, **d);
  if (!token) return ReportError(ctx, token.error());
  const std::string officer = (*d)->steps.empty() ? s.actor.user : (*d)->steps.front().actor;
  auto form = workflow::MakeReceiptForm(**d, s.desk.settings, *token, officer);
  if (auto w = print::WriteReceiptPdf(form, *out); !w) return ReportError(ctx, w.error());
  *ctx.out << "wrote " << *out << "\n";
  if (auto journaled = workflow::RecordReceiptPrint(s.desk, s.actor, **d, *printer ? "printer " + **printer : *out, ctx.Now());
      !journaled)
    return ReportError(ctx, journaled.error());
  if (*printer) {
    auto printed = print::PrintPdfFile(print::CupsServer{}, **printer, *out, {.copies = 1, .title = "Mẫu 01 " + (*d)->code});
    if (!printed) return ReportError(ctx, printed.error());
    *ctx.out << (printed->kind == print::PrintOutcome::Kind::kPrinted ? "printed" : "queued") << " as job "
             << printed->job_id << " on " << **printer << "\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("receipt", "receipt CODE --out FILE.pdf [--printer QUEUE] --as USER",
                   "write (and optionally print) the receipt Mẫu 01 of a dossier; a reprint keeps its code",
                   RunReceipt);

}  // namespace motcua::cli
