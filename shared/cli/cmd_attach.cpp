// motcua attach CODE --component N --file PATH | --result NAME [--result-code C] [--e-signed] --file PATH
// Digitization: attach a scan to a component (1-based, as `show` numbers them) or record a result.
#include <ostream>

#include "cli/session.h"
#include "common/number_parse.h"
#include "digitize/file_store.h"

namespace motcua::cli {
namespace {

int RunAttach(Context& ctx, Args& args) {
  auto file = args.Flag("file");
  auto component = args.Flag("component");
  auto result = args.Flag("result");
  auto result_code = args.Flag("result-code");
  for (auto* r : {&file, &component, &result, &result_code})
    if (!*r) return ReportError(ctx, r->error());
  const bool e_signed = args.Switch("e-signed");
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Invalid("code", "missing", "usage: motcua attach CODE ..."));
  if (!!*component == !!*result)
    return ReportError(ctx, Invalid("component", "missing", "give either --component N or --result NAME"));
  if (*component && !*file) return ReportError(ctx, Invalid("file", "missing", "--file PATH is required"));

  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto& s = **session;
  const int n = *component ? ParseDigits<int>(**component, {.max_digits = 9}).value_or(0) : 0;  // 0: not a number
  if (*component && n < 1)
    return ReportError(ctx, Invalid("component", "not_a_number", "--component takes a component's number, from 1"));
  std::optional<dossier::Attachment> attachment;
  std::optional<digitize::StoredFile> stored_file;
  if (*file) {
    auto stored = digitize::StoreFile(s.desk.files_root, **file);
    if (!stored) return ReportError(ctx, stored.error());
    stored_file = *stored;
    attachment = dossier::Attachment{stored->sha256, stored->mime, stored->pages, stored->size_bytes,
                                     std::filesystem::path(**file).filename().string(), (*session)->actor.user, ctx.Now()};
  }
  Result<dossier::Dossier> d = Invalid("", "", "");
  if (*component) {
    d = workflow::AttachComponentFile(s.desk, s.actor, (*rest)[0], n - 1, *attachment, ctx.Now());
  } else {
    dossier::ResultDocument r;
    r.name = **result;
    r.result_code = result_code->value_or("");
    r.e_signed = e_signed;
    r.file = attachment;
    d = workflow::RecordResult(s.desk, s.actor, (*rest)[0], r, ctx.Now());
  }
  if (!d) {
    if (stored_file && stored_file->newly_stored) digitize::RemoveStored(s.desk.files_root, stored_file->sha256);
    return ReportError(ctx, d.error());
  }
  *ctx.out << d->code << " " << (attachment ? attachment->sha256 : std::string("recorded")) << "\n";
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("attach",
                   "attach CODE (--component N --file PATH | --result NAME [--result-code C] [--e-signed] [--file PATH]) --as USER",
                   "digitize: attach a scan (PDF, JPEG, PNG) to component N, or record a result document", RunAttach);

}  // namespace motcua::cli
