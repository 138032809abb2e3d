// motcua receive --json FILE [--request-id ID]: receive a dossier described by a JSON file (the format
// of workflow/intake_json.h); prints its code and due date.
//
// Relative file paths are resolved against the JSON file's folder. Every scan is read and checked, and
// the whole request validated, before the first file is copied into the file store: a refused dossier
// leaves no file behind. With --request-id (or "request_id" in the file) a retry after a crash or a lost
// reply prints the dossier received the first time instead of receiving a second one. The file's own
// "received_at" is accepted only on a demo database (cli.h "Time").
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/session.h"
#include "common/files.h"
#include "workflow/intake_json.h"

namespace motcua::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

int RunReceive(Context& ctx, Args& args) {
  auto file = args.RequiredFlag("json");
  if (!file) return ReportError(ctx, file.error());
  auto request_id = args.Flag("request-id");
  if (!request_id) return ReportError(ctx, request_id.error());
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("arguments", "unexpected", "unexpected argument " + rest->front()) : rest.error());
  auto text = ReadFile(*file, "json", kMaxJsonFileBytes);
  if (!text) return ReportError(ctx, text.error());
  auto parsed = workflow::ParseIntakeJson(*text, fs::path(*file).parent_path());
  if (!parsed) return ReportError(ctx, parsed.error());
  if (*request_id) parsed->request.request_id = **request_id;
  auto files = workflow::ReadIntakeFiles(*parsed);
  if (!files) return ReportError(ctx, files.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  if (parsed->has_received_at && !(*session)->is_demo)
    return ReportError(ctx, Invalid("received_at", "not_a_demo_database",
                                    "a dossier file may set its own receipt time only on a demo database; here "
                                    "the receipt time is the moment it is received"));
  auto received = workflow::ReceiveWithFiles((*session)->desk, (*session)->actor, std::move(parsed->request),
                                             std::move(*files), ctx.Now());
  if (!received) return ReportError(ctx, received.error());
  const dossier::Dossier& d = received->dossier;
  for (const auto& w : received->warnings)
    if (w == "due_at_provisional")
      *ctx.err << "motcua: warning: the due date falls in a year without an official day-off schedule in "
                  "assets/calendar; only weekends were skipped\n";
  if (received->replayed)
    *ctx.err << "motcua: note: request " << d.request_id << " was received before as " << d.code
             << "; nothing new was received\n";
  const std::string due = d.due_at ? FormatLocalMinute(ToLocalVn(*d.due_at)) : "";
  if (ctx.json) {
    PrintJson(ctx, json{{"code", d.code},
                        {"due_at", d.due_at ? json(due) : json(nullptr)},
                        {"received_at", FormatLocalMinute(ToLocalVn(d.received_at))},
                        {"receipt_token", received->receipt_token},
                        {"replayed", received->replayed}});
  } else {
    *ctx.out << d.code << " " << (d.due_at ? due : "no-due-date") << "\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("receive", "receive --json FILE [--request-id ID] --as USER",
                   "receive a dossier described by FILE; prints its code and due date (YYYY-MM-DD HH:MM); a retry "
                   "with the same request id prints the same dossier",
                   RunReceive);

}  // namespace motcua::cli
