// motcua lookup TOKEN [--json] | motcua lookup --code CODE --secret XXXX [--json]: the citizen's public
// view of a dossier (citizen/public_status.h), as the kiosk's status page shows it: masked name, dates,
// whether it is late, what to do next, fees, delivery, timeline. Read-only, no sign-in.
//
// Contract for scripts and tests: a bad token (malformed, truncated, forged, altered, made under another
// center's key, for an unknown dossier, a wrong secret; whatever is wrong with it) exits 2 with exactly
// the one line "invalid token" on standard error and nothing on standard output, with or without --json,
// so that the answer tells a guesser nothing. A usage error (no token, a token and --code together)
// exits 2 naming the field as other verbs do; a missing database or center key exits as they do.
#include <ostream>

#include "citizen/public_status.h"
#include "cli/session.h"
#include "common/text.h"

namespace motcua::cli {
namespace {

constexpr const char* kUsage = "lookup TOKEN [--json] | lookup --code CODE --secret XXXX [--json]";

struct LookupOptions {
  std::optional<std::string> token;
  std::optional<std::string> code;
  std::optional<std::string> secret;
};

Result<LookupOptions> ParseLookup(Args& args) {
  LookupOptions o;
  MOTCUA_ASSIGN_OR_RETURN(o.code, args.Flag("code"));
  MOTCUA_ASSIGN_OR_RETURN(o.secret, args.Flag("secret"));
  MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
  if (rest.size() > 1) return Invalid("arguments", "unexpected", "unexpected argument; usage: motcua " + std::string(kUsage));
  if (rest.size() == 1) o.token = rest[0];
  if (o.token && (o.code || o.secret))
    return Invalid("token", "unexpected", "give a token or --code and --secret, not both; usage: motcua " +
                                              std::string(kUsage));
  if (!o.token && !o.code && !o.secret)
    return Invalid("token", "missing", "usage: motcua " + std::string(kUsage));
  if (!o.token && !o.code) return Invalid("code", "missing_flag", "--secret needs --code");
  if (!o.token && !o.secret) return Invalid("secret", "missing_flag", "--code needs --secret");
  return o;
}

std::string LocalTime(Instant t) { return FormatLocalMinute(ToLocalVn(t)); }

std::string Money(std::int64_t vnd) {
  std::string digits = std::to_string(vnd);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out + " VND";
}

std::string Words(std::string_view key) {
  std::string out(key);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

void PrintPlain(std::ostream& o, const citizen::PublicStatus& p) {
  using citizen::NextAction;
  o << "Dossier:    " << p.dossier_code << "\n"
    << "Procedure:  " << p.procedure_code << " " << p.procedure_name << "\n"
    << "Applicant:  " << p.applicant_name << "\n"
    << "Status:     " << Words(p.state_key) << "\n"
    << "Received:   " << LocalTime(p.received_at) << "\n"
    << "Due:        " << (p.due_at ? LocalTime(*p.due_at) : "no due date");
  if (p.is_clock_paused) o << " (paused while a supplement is awaited)";
  if (p.is_late) o << " (late)";
  o << "\n";
  if (p.finished_at) o << "Finished:   " << LocalTime(*p.finished_at) << "\n";
  o << "Next:       " << Words(citizen::NextActionKey(p.next_action));
  if (p.next_action == NextAction::kCollectResult) {
    o << " at " << p.result_place;
    if (!p.result_counter.empty()) o << ", " << p.result_counter;
  }
  o << "\n";
  for (const std::string& item : p.supplement_items) o << "  - " << item << "\n";
  if (p.supplement_items_withheld > 0)
    o << "  - and " << p.supplement_items_withheld << " more: ask at the counter\n";
  if (!p.fees.empty()) {
    o << "Fees:\n";
    for (const auto& f : p.fees)
      o << "  " << f.name << ": " << Money(f.amount_vnd) << (f.is_paid ? " (paid)" : " (not paid)") << "\n";
  }
  o << "Delivery:   " << (p.delivery == dossier::Delivery::kPostal ? "by post" : "at the counter");
  if (p.can_register_postal_return) o << " (postal return can be registered)";
  o << "\n"
    << "Rated:      " << (p.is_rated ? "yes" : "no") << "\n"
    << "Timeline:\n";
  for (const auto& s : p.timeline) {
    o << "  " << LocalTime(s.at) << "  " << Words(s.key);
    if (!s.text.empty()) o << "  " << s.text;
    o << "\n";
  }
}

int RunLookup(Context& ctx, Args& args) {
  if (args.Switch("json")) ctx.json = true;
  auto options = ParseLookup(args);
  if (!options) return ReportError(ctx, options.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  if ((*session)->desk.center_key.empty())
    return ReportError(ctx, Corrupt("center_key", "center_key_missing",
                                    "the center key " + CenterKeyPath(ctx).string() +
                                        " is missing: no receipt token can be checked without it"));
  store::Store& store = *(*session)->store;
  const workflow::Desk& desk = (*session)->desk;
  auto status = options->token ? citizen::LookupByToken(store, desk, *options->token, ctx.Now())
                               : citizen::LookupByCode(store, desk, *options->code, *options->secret, ctx.Now());
  if (!status) {
    if (status.error().rule == "invalid_token") {
      *ctx.err << "invalid token\n";
      return kExitBadInput;
    }
    return ReportError(ctx, status.error());
  }
  if (ctx.json) {
    *ctx.out << citizen::PublicStatusJson(*status) << "\n";
    return kExitOk;
  }
  PrintPlain(*ctx.out, *status);
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("lookup", kUsage,
                   "a dossier's public status as the kiosk shows it (masked name), from its receipt token or "
                   "code and secret",
                   RunLookup);

}  // namespace motcua::cli
