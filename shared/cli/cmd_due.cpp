// motcua due: the due instant of a receipt, from the working calendar (calendar/deadline.h).
//   motcua due --received "2026-11-23 09:00" --duration 3wd       ->  2026-11-26 09:00
//   motcua --json due ...  ->  {"received":"2026-11-23 09:00","duration":"3wd","due":"2026-11-26 09:00"}
// Exit 2 on a bad --received (field "received"), a bad --duration (field "duration"), an unknown
// --profile (field "profile") or a year the calendar does not cover (field "calendar").
#include <iostream>

#include <nlohmann/json.hpp>

#include "calendar/deadline.h"
#include "calendar/duration.h"
#include "calendar/working_calendar.h"
#include "cli/cli.h"

namespace motcua::cli {
namespace {

struct DueOptions {
  std::string received;       // --received "YYYY-MM-DD HH:MM", Vietnam local time
  std::string duration;       // --duration 8wh | 3wd | 15d | 1m
  std::string calendar_dir;   // --calendar DIR (default: <assets dir>/calendar)
  std::string profile = "default";  // --profile NAME, a key of hours.json (default: "default")
  bool weekdays_beyond_coverage = false;  // --provisional: plain Mon-Fri outside the data (default: off)
};

Result<DueOptions> ParseDueArgs(const Context& ctx, Args& args) {
  DueOptions o;
  MOTCUA_ASSIGN_OR_RETURN(o.received, args.RequiredFlag("received"));
  MOTCUA_ASSIGN_OR_RETURN(o.duration, args.RequiredFlag("duration"));
  MOTCUA_ASSIGN_OR_RETURN(auto dir, args.Flag("calendar"));
  o.calendar_dir = dir ? *dir : ctx.assets_dir + "/calendar";
  MOTCUA_ASSIGN_OR_RETURN(auto profile, args.Flag("profile"));
  if (profile) o.profile = *profile;
  o.weekdays_beyond_coverage = args.Switch("provisional");
  MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
  if (!rest.empty()) return Invalid("arguments", "unexpected_argument", "unexpected argument \"" + rest[0] + "\"");
  return o;
}

int RunDue(Context& ctx, Args& args) {
  auto options = ParseDueArgs(ctx, args);
  if (!options) return ReportError(ctx, options.error());
  const DueOptions& o = *options;
  // Check the inputs before touching the calendar files, so a typo is reported as such.
  auto received = ParseLocalMinute(o.received, "received");
  if (!received) return ReportError(ctx, received.error());
  auto duration = calendar::ParseDuration(o.duration, "duration");
  if (!duration) return ReportError(ctx, duration.error());
  auto cal = calendar::LoadCalendar(o.calendar_dir,
                                    {.profile = o.profile, .weekdays_beyond_coverage = o.weekdays_beyond_coverage});
  if (!cal) return ReportError(ctx, cal.error());
  if (cal->profile().is_example)
    *ctx.err << "motcua: warning: hours profile \"" << o.profile << "\" is an example, not Tuyên Quang's hours\n";
  auto due = calendar::ComputeDue(*cal, *received, *duration);
  if (!due) return ReportError(ctx, due.error());
  if (calendar::IsProvisional(*cal, std::chrono::floor<std::chrono::days>(*due)))
    *ctx.err << "motcua: warning: the due date is provisional: the calendar has no data for its year\n";
  if (ctx.json) {
    const nlohmann::ordered_json j = {{"received", FormatLocalMinute(*received)},
                              {"duration", calendar::FormatDuration(*duration)},
                              {"due", FormatLocalMinute(*due)}};
    PrintJson(ctx, j);
  } else {
    *ctx.out << FormatLocalMinute(*due) << "\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("due",
                   "due --received \"YYYY-MM-DD HH:MM\" --duration 3wd [--calendar DIR] [--profile NAME] [--provisional]",
                   "print the due instant (Vietnam time) for a receipt and a duration (8wh, 3wd, 15d, 1m)", RunDue);

}  // namespace motcua::cli
