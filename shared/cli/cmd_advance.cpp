// motcua advance CODE --to STATE [...]: move a dossier along its lifecycle (dossier/lifecycle.h).
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/dossier_json.h"
#include "cli/session.h"
#include "common/number_parse.h"

namespace motcua::cli {
namespace {

int RunAdvance(Context& ctx, Args& args) {
  if (args.Switch("json")) ctx.json = true;
  auto to = args.RequiredFlag("to");
  if (!to) return ReportError(ctx, to.error());
  workflow::ActionDetails details;
  std::optional<std::string> items, paid;
  for (auto [flag, dest] : {std::pair<const char*, std::string*>{"reason", &details.reason},
                            {"unit", &details.unit},
                            {"receiver-name", &details.receiver_name},
                            {"receiver-id", &details.receiver_id},
                            {"no-digital-reason", &details.no_digital_result_reason}}) {
    auto v = args.Flag(flag);
    if (!v) return ReportError(ctx, v.error());
    if (*v) *dest = **v;
  }
  auto id_type_flag = args.Flag("receiver-id-type");  // cccd (default), cmnd, passport, other
  if (!id_type_flag) return ReportError(ctx, id_type_flag.error());
  if (*id_type_flag) {
    auto type = workflow::ParseIdType(**id_type_flag, "receiver-id-type");
    if (!type) return ReportError(ctx, type.error());
    details.receiver_id_type = *type;
  }
  auto items_flag = args.Flag("items");  // "paper one;paper two"
  if (!items_flag) return ReportError(ctx, items_flag.error());
  if (*items_flag) {
    std::stringstream ss(**items_flag);
    for (std::string item; std::getline(ss, item, ';');)
      if (!item.empty()) details.items.push_back(item);
  }
  auto paid_flag = args.Flag("paid-online");
  if (!paid_flag) return ReportError(ctx, paid_flag.error());
  if (*paid_flag) {
    const std::optional<int> paid = ParseDigits<int>(**paid_flag, {.max_digits = 1});
    if (!paid || *paid > 2) return ReportError(ctx, Invalid("paid-online", "bad_value", "--paid-online is 0, 1 or 2"));
    details.paid_online = *paid;
  }
  details.originals_returned = args.Switch("originals-returned");
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Invalid("code", "missing", "usage: motcua advance CODE --to STATE"));
  auto target = dossier::ParseState(*to, "to");
  if (!target) return ReportError(ctx, target.error());

  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  const std::string& code = (*rest)[0];
  auto current = (*session)->store->GetDossier(code);
  if (!current) return ReportError(ctx, current.error());
  if (!*current) return ReportError(ctx, NotFound("code", "no_such_dossier", "no dossier " + code));
  auto action = dossier::ActionTo((*current)->state, *target);
  if (!action) return ReportError(ctx, action.error());
  auto d = workflow::Apply((*session)->desk, (*session)->actor, code, *action, details, ctx.Now());
  if (!d) return ReportError(ctx, d.error());
  if (ctx.json) {
    PrintJson(ctx, DossierToJson(*d, (*session)->status_map));
  } else {
    *ctx.out << d->code << " " << dossier::StateKey(d->state) << " " << (d->due_at ? LocalText(d->due_at) : "no-due-date")
             << "\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("advance",
                   "advance CODE --to STATE [--reason TEXT] [--unit NAME] [--items \"A;B\"] [--paid-online 0|1|2] "
                   "[--receiver-name NAME --receiver-id ID [--receiver-id-type cccd|cmnd|passport|other] "
                   "--originals-returned] [--no-digital-reason TEXT]",
                   "move a dossier to STATE (received, transferred, in_progress, awaiting_supplement, "
                   "awaiting_payment, done, returned, withdrawal_requested, withdrawn, stopped, refused)",
                   RunAdvance);

}  // namespace motcua::cli
