// motcua queue: tickets, calls and figures of the queue (queue/queue.h), for operators and checks.
//
//   motcua queue take --area A [--priority GROUP] [--printer TARGET]   prints the ticket, e.g. "A1023";
//                     --printer also prints it (tcp://HOST[:9100], file:/dev/usb/lp0, pdf:/DIR) or fails
//   motcua queue call --counter 5 [--areas A,B] [--ticket A1023]
//   motcua queue recall|noshow --counter 5
//   motcua queue transfer --counter 5 --to B
//   motcua queue finish --counter 5 [--dossiers CODE,CODE]
//   motcua queue list [--day YYYY-MM-DD] [--area A]
//   motcua queue stats [--day YYYY-MM-DD]
//   motcua queue announce --ticket A1023 --counter 5 [--wav FILE] [--en]   (cmd_queue_speech.cpp)
//   motcua queue set KEY VALUE | show                   the queue.* settings (queue/areas.h)
//   motcua queue areas | groups
//   motcua queue area-set A --name NAME [--name-en NAME] [--counters 1,2] [--fields F;F] [--procedures C,C]
//                         [--first-number N] [--digits N] [--icon KEY] [--inactive]
//
// Writing verbs sign in with --as (cli.h). `call` without --areas calls the areas that name the counter
// (and those naming none). Without --day, lists are today's (Vietnam time).
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/queue_cli.h"
#include "cli/session.h"
#include "common/number_parse.h"
#include "queue/figures.h"
#include "queue/queue.h"

namespace motcua::cli {
namespace {

using nlohmann::ordered_json;

std::vector<std::string> SplitList(std::string_view text, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in{std::string(text)};
  while (std::getline(in, item, sep))
    if (!item.empty()) out.push_back(item);
  return out;
}

std::string Minutes(std::optional<std::chrono::seconds> s) {
  if (!s) return "-";
  return std::to_string((s->count() + 30) / 60) + " min";
}

ordered_json TicketJson(const queue::Ticket& t) {
  ordered_json j = {{"ticket", t.label},
                    {"day", FormatLocalDate(t.day)},
                    {"area", t.area},
                    {"priority", t.priority},
                    {"state", queue::TicketStateKey(t.state)},
                    {"taken_at", FormatInstantUtc(t.taken_at)},
                    {"counter", t.counter},
                    {"no_shows", t.no_shows},
                    {"recalls", t.recalls},
                    {"waited_seconds", t.waited_seconds},
                    {"dossier_codes", t.dossier_codes}};
  return j;
}

void PrintTicket(Context& ctx, const queue::Ticket& t) {
  if (ctx.json) return PrintJson(ctx, TicketJson(t));
  *ctx.out << t.label << " " << queue::TicketStateKey(t.state);
  if (!t.counter.empty()) *ctx.out << " counter " << t.counter;
  if (!t.priority.empty()) *ctx.out << " priority " << t.priority;
  if (!t.dossier_codes.empty()) {
    *ctx.out << " dossiers";
    for (const auto& c : t.dossier_codes) *ctx.out << " " << c;
  }
  *ctx.out << "\n";
}

Result<LocalDate> DayFlag(Context& ctx, Args& args) {
  MOTCUA_ASSIGN_OR_RETURN(auto day, args.Flag("day"));
  if (!day) return LocalDateVn(ctx.Now());
  return ParseLocalDate(*day, "day");
}

Status NoPositional(Args& args) {
  MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
  if (!rest.empty()) return Invalid("arguments", "unexpected", "unexpected argument " + rest[0]);
  return Ok();
}

int Take(Context& ctx, Args& args) {
  queue::TakeRequest request;
  std::optional<std::string> printer;
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(request.area, args.RequiredFlag("area"));
    MOTCUA_ASSIGN_OR_RETURN(auto priority, args.Flag("priority"));
    if (priority) request.priority = *priority;
    MOTCUA_ASSIGN_OR_RETURN(printer, args.Flag("printer"));
    return NoPositional(args);
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto groups = queue::LoadPriorityGroups(ctx.assets_dir);
  if (!groups) return ReportError(ctx, groups.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  Session& s = **session;
  queue::IssueHook print;
  if (printer) print = TicketPrinter(s, *printer, *groups);
  auto issued = queue::TakeTicket(*s.store, s.actor, request, *groups, ctx.Now(), print);
  if (!issued) return ReportError(ctx, issued.error());
  if (ctx.json) {
    ordered_json j = TicketJson(issued->ticket);
    j["ahead"] = issued->estimate.ahead;
    j["estimated_wait_minutes"] = issued->estimate.wait.count();
    j["estimate_samples"] = issued->estimate.samples;
    j["qr"] = queue::TicketQrPayload(issued->ticket);
    PrintJson(ctx, j);
  } else {
    *ctx.out << issued->ticket.label << "\n";
  }
  return kExitOk;
}

// The areas a counter calls when --areas is not given.
Result<std::vector<std::string>> CounterAreas(store::Store& store, const std::string& counter) {
  MOTCUA_ASSIGN_OR_RETURN(auto areas, queue::ListAreas(store));
  std::vector<std::string> out;
  for (const queue::Area& a : queue::AreasForCounter(areas, counter)) out.push_back(a.letter);
  return out;
}

int Call(Context& ctx, Args& args) {
  std::string counter;
  std::optional<std::string> areas_flag, ticket;
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(counter, args.RequiredFlag("counter"));
    MOTCUA_ASSIGN_OR_RETURN(areas_flag, args.Flag("areas"));
    MOTCUA_ASSIGN_OR_RETURN(ticket, args.Flag("ticket"));
    return NoPositional(args);
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  Session& s = **session;
  if (ticket) {
    auto t = queue::CallTicket(*s.store, s.actor, counter, *ticket, ctx.Now());
    if (!t) return ReportError(ctx, t.error());
    PrintTicket(ctx, *t);
    return kExitOk;
  }
  std::vector<std::string> areas;
  if (areas_flag) {
    areas = SplitList(*areas_flag, ',');
  } else {
    auto found = CounterAreas(*s.store, counter);
    if (!found) return ReportError(ctx, found.error());
    areas = std::move(*found);
  }
  auto t = queue::CallNext(*s.store, s.actor, counter, areas, ctx.Now());
  if (!t) return ReportError(ctx, t.error());
  if (!*t) {
    if (ctx.json) PrintJson(ctx, ordered_json{{"ticket", nullptr}});
    else *ctx.out << "nobody waiting\n";
    return kExitOk;
  }
  PrintTicket(ctx, **t);
  return kExitOk;
}

// recall, noshow, transfer, finish: an action on the counter's called ticket.
int CounterAction(Context& ctx, Args& args, const std::string& sub) {
  std::string counter;
  std::string to;
  std::vector<std::string> dossiers;
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(counter, args.RequiredFlag("counter"));
    if (sub == "transfer") {
      MOTCUA_ASSIGN_OR_RETURN(to, args.RequiredFlag("to"));
    }
    if (sub == "finish") {
      MOTCUA_ASSIGN_OR_RETURN(auto list, args.Flag("dossiers"));
      if (list) dossiers = SplitList(*list, ',');
    }
    return NoPositional(args);
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  Session& s = **session;
  Result<queue::Ticket> t = sub == "recall"     ? queue::Recall(*s.store, s.actor, counter, ctx.Now())
                            : sub == "noshow"   ? queue::NoShow(*s.store, s.actor, counter, ctx.Now())
                            : sub == "transfer" ? queue::Transfer(*s.store, s.actor, counter, to, ctx.Now())
                                                : queue::Finish(*s.store, s.actor, counter, dossiers, ctx.Now());
  if (!t) return ReportError(ctx, t.error());
  PrintTicket(ctx, *t);
  return kExitOk;
}

int List(Context& ctx, Args& args) {
  std::optional<std::string> area;
  LocalDate day{};
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(day, DayFlag(ctx, args));
    MOTCUA_ASSIGN_OR_RETURN(area, args.Flag("area"));
    return NoPositional(args);
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto tickets = queue::ListTickets(*(*session)->store, day, area.value_or(""));
  if (!tickets) return ReportError(ctx, tickets.error());
  if (ctx.json) {
    ordered_json a = ordered_json::array();
    for (const auto& t : *tickets) a.push_back(TicketJson(t));
    PrintJson(ctx, a);
    return kExitOk;
  }
  for (const auto& t : *tickets) PrintTicket(ctx, t);
  return kExitOk;
}

int Stats(Context& ctx, Args& args) {
  LocalDate day{};
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(day, DayFlag(ctx, args));
    return NoPositional(args);
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto figures = queue::DayFigures(*(*session)->store, day);
  if (!figures) return ReportError(ctx, figures.error());
  ordered_json rows = ordered_json::array();
  for (const queue::AreaFigures& f : *figures) {
    auto secs = [](std::optional<std::chrono::seconds> s) { return s ? ordered_json(s->count()) : ordered_json(); };
    rows.push_back({{"area", f.area},
                    {"taken", f.taken},
                    {"waiting_priority", f.waiting_priority},
                    {"waiting_normal", f.waiting_normal},
                    {"called", f.called},
                    {"done", f.done},
                    {"dropped", f.dropped},
                    {"no_shows", f.no_shows},
                    {"median_wait_seconds", secs(f.median_wait)},
                    {"median_service_seconds", secs(f.median_service)}});
    if (!ctx.json)
      *ctx.out << f.area << ": taken " << f.taken << ", waiting " << f.Waiting() << " (priority "
               << f.waiting_priority << "), at a counter " << f.called << ", done " << f.done << ", dropped "
               << f.dropped << ", no-shows " << f.no_shows << ", median wait " << Minutes(f.median_wait)
               << ", median service " << Minutes(f.median_service) << "\n";
  }
  if (ctx.json) PrintJson(ctx, ordered_json{{"day", FormatLocalDate(day)}, {"areas", rows}});
  return kExitOk;
}

int Areas(Context& ctx, Args& args) {
  if (Status s = NoPositional(args); !s) return ReportError(ctx, s.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto areas = queue::ListAreas(*(*session)->store);
  if (!areas) return ReportError(ctx, areas.error());
  for (const queue::Area& a : *areas) {
    *ctx.out << a.letter << " " << a.name << (a.active ? "" : " (inactive)") << ", counters ";
    if (a.counters.empty()) *ctx.out << "all";
    for (std::size_t i = 0; i < a.counters.size(); ++i) *ctx.out << (i ? "," : "") << a.counters[i];
    *ctx.out << ", from " << a.first_number << "\n";
  }
  return kExitOk;
}

int Groups(Context& ctx, Args& args) {
  if (Status s = NoPositional(args); !s) return ReportError(ctx, s.error());
  auto groups = queue::LoadPriorityGroups(ctx.assets_dir);
  if (!groups) return ReportError(ctx, groups.error());
  for (const queue::PriorityGroup& g : *groups) *ctx.out << g.key << " " << g.name << " (" << g.basis << ")\n";
  return kExitOk;
}

int AreaSet(Context& ctx, Args& args) {
  queue::Area area;
  auto fill = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(area.name, args.RequiredFlag("name"));
    MOTCUA_ASSIGN_OR_RETURN(auto name_en, args.Flag("name-en"));
    area.name_en = name_en.value_or("");
    MOTCUA_ASSIGN_OR_RETURN(auto icon, args.Flag("icon"));
    area.icon = icon.value_or("");
    MOTCUA_ASSIGN_OR_RETURN(auto counters, args.Flag("counters"));
    if (counters) area.counters = SplitList(*counters, ',');
    MOTCUA_ASSIGN_OR_RETURN(auto fields, args.Flag("fields"));
    if (fields) area.fields = SplitList(*fields, ';');
    MOTCUA_ASSIGN_OR_RETURN(auto procedures, args.Flag("procedures"));
    if (procedures) area.procedures = SplitList(*procedures, ',');
    for (const auto& [flag, target] : {std::pair{"first-number", &area.first_number}, {"digits", &area.digits}}) {
      MOTCUA_ASSIGN_OR_RETURN(auto text, args.Flag(flag));
      if (!text) continue;
      const std::optional<int> n = ParseDigits<int>(*text, {.max_digits = 9});
      if (!n) return Invalid(flag, "bad_number", std::string("--") + flag + " is a whole number");
      *target = *n;
    }
    area.active = !args.Switch("inactive");
    MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
    if (rest.size() != 1) return Invalid("letter", "required", "queue area-set LETTER --name NAME ...");
    area.letter = rest[0];
    return queue::ValidateArea(area);
  };
  if (Status s = fill(); !s) return ReportError(ctx, s.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  Session& s = **session;
  auto existing = queue::GetArea(*s.store, area.letter);
  if (!existing) return ReportError(ctx, existing.error());
  if (*existing) area.version = (*existing)->version;
  auto saved = queue::SaveArea(*s.store, s.actor, area, ctx.Now());
  if (!saved) return ReportError(ctx, saved.error());
  *ctx.out << "area " << saved->letter << " saved\n";
  return kExitOk;
}

// queue set KEY VALUE | queue show: the queue.* settings (areas.h QueueSettingKeys).
int Settings(Context& ctx, Args& args, bool set) {
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (set && rest->size() != 2) return ReportError(ctx, Invalid("key", "required", "queue set KEY VALUE"));
  if (!set && !rest->empty()) return ReportError(ctx, Invalid("arguments", "unexpected", "queue show"));
  if (set) {
    auto session = OpenSessionAs(ctx);
    if (!session) return ReportError(ctx, session.error());
    Session& s = **session;
    if (Status saved = queue::SaveQueueSetting(*s.store, s.actor, (*rest)[0], (*rest)[1], ctx.Now()); !saved)
      return ReportError(ctx, saved.error());
  }
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  for (const char* const* key = queue::QueueSettingKeys(); *key; ++key) {
    auto value = (*session)->store->GetSetting(*key);
    if (!value) return ReportError(ctx, value.error());
    *ctx.out << *key << " = " << value->value_or("") << "\n";
  }
  return kExitOk;
}

int RunQueue(Context& ctx, Args& args) {
  const auto& rest = args.Remaining();
  std::string sub = !rest.empty() && !rest[0].empty() && rest[0][0] != '-' ? rest[0] : std::string();
  Args sub_args(std::vector<std::string>(rest.begin() + (sub.empty() ? 0 : 1), rest.end()));
  if (sub == "take") return Take(ctx, sub_args);
  if (sub == "call") return Call(ctx, sub_args);
  if (sub == "recall" || sub == "noshow" || sub == "transfer" || sub == "finish")
    return CounterAction(ctx, sub_args, sub);
  if (sub == "list") return List(ctx, sub_args);
  if (sub == "stats") return Stats(ctx, sub_args);
  if (sub == "areas") return Areas(ctx, sub_args);
  if (sub == "groups") return Groups(ctx, sub_args);
  if (sub == "area-set") return AreaSet(ctx, sub_args);
  if (sub == "announce") return Announce(ctx, sub_args);
  if (sub == "set" || sub == "show") return Settings(ctx, sub_args, sub == "set");
  return ReportError(ctx, Invalid("subcommand", "bad_subcommand",
                                  "queue take|call|recall|noshow|transfer|finish|list|stats|areas|groups|area-set|"
                                  "announce|set|show, got \"" + sub + "\""));
}

}  // namespace

MOTCUA_CLI_COMMAND("queue",
                   "queue take --area A [--priority GROUP] [--printer TARGET] | call --counter C [--areas A,B] "
                   "[--ticket A1023] | recall|noshow --counter C | transfer --counter C --to B | finish --counter C "
                   "[--dossiers CODE,CODE] | list [--day YYYY-MM-DD] [--area A] | stats [--day YYYY-MM-DD] | areas | "
                   "groups | area-set LETTER --name NAME [--name-en N] [--counters 1,2] [--fields F;F] "
                   "[--procedures C,C] [--first-number N] [--digits N] [--icon KEY] [--inactive] | "
                   "announce --ticket A1023 --counter 5 [--wav FILE] [--en] | set KEY VALUE | show",
                   "queue tickets: take, call, recall, no-show, transfer, finish; lists, figures and announcements",
                   RunQueue);

}  // namespace motcua::cli
