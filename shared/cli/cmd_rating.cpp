// motcua rating: citizens' satisfaction ratings and the monthly PAKN counts (rating/rating.h).
//
//   motcua rating add CODE --value 0|1|2 [--source kiosk|counter|online|paper] [--counter ID]
//                 [--officer USER] [--criteria A,B,...] [--complaint] [--comment TEXT]
//                 [--at "YYYY-MM-DD HH:MM"] [--replace-reason TEXT]
//   motcua rating show CODE
//   motcua rating list [--month YYYY-MM] [--unit U] [--by counter|officer|unit]
//   motcua rating pakn --unit U --month YYYY-MM --received N --on-time N --unsatisfied N --repeated N
//
// --value is the overall answer (2 rất hài lòng, 1 hài lòng, 0 không hài lòng); --criteria gives up to
// nine answers of TT 01/2018 Art. 13 (2, 1 or 0; an empty item is "not answered"). A dossier is rated
// once: a second `add` is refused unless --replace-reason is given by a supervisor (the CLI acts as the
// administrator). `list` tallies the ratings (default by unit), in the language of the global --lang
// ("hài lòng 50,00%" / "satisfied 50.00%"). `pakn` stores a unit's counts for a
// month, replacing an earlier entry. Exit 2 on bad input, naming the field.
#include <cstdio>
#include <ostream>

#include "cli/cli.h"
#include "cli/session.h"
#include "common/number_format.h"
#include "common/number_parse.h"
#include "rating/rating.h"

namespace motcua::cli {
namespace {

// A count typed on the command line: 1-12 digits.
std::optional<std::int64_t> ParseCount(std::string_view s) { return ParseDigits<std::int64_t>(s, {.max_digits = 12}); }

Result<rating::Criteria> ParseCriteria(const std::string& text) {
  rating::Criteria c{};
  std::size_t i = 0, start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (i >= std::size_t(rating::kCriteriaCount))
      return Invalid("criteria", "too_many", "at most 9 criteria (TT 01/2018 Art. 13)");
    if (!item.empty()) {
      const std::optional<std::int64_t> v = ParseCount(item);
      if (!v || *v > 2)
        return Invalid("criteria[" + std::to_string(i) + "]", "out_of_range",
                       "criterion " + std::to_string(i + 1) + " is answered 0, 1 or 2, got \"" + item + "\"");
      c[i] = int(*v);
    }
    ++i;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return c;
}

void PrintRating(Context& ctx, const rating::Rating& r) {
  if (ctx.json) {
    *ctx.out << "{\"dossier_code\":\"" << r.dossier_code << "\",\"value\":" << int(r.value) << ",\"source\":\""
             << rating::RatingSourceKey(r.source) << "\",\"has_complaint\":" << (r.has_complaint ? "true" : "false")
             << ",\"replaced\":" << r.replaced.size() << "}\n";
    return;
  }
  *ctx.out << r.dossier_code << ": " << rating::RatingValueNameVi(r.value) << " (" << int(r.value) << "), "
           << rating::RatingSourceKey(r.source) << ", " << FormatLocalMinute(ToLocalVn(r.rated_at));
  if (!r.counter_id.empty()) *ctx.out << ", quầy " << r.counter_id;
  if (!r.officer.empty()) *ctx.out << ", cán bộ " << r.officer;
  if (r.has_complaint) *ctx.out << ", kèm phản ánh, kiến nghị";
  *ctx.out << "\n";
  for (const auto& old : r.replaced)
    *ctx.out << "  thay cho: " << rating::RatingValueNameVi(old.value) << " (" << int(old.value) << "), lý do: "
             << old.reason << ", bởi " << old.replaced_by << "\n";
}

int Add(Context& ctx, Args& args) {
  rating::NewRating in;
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(std::string value, args.RequiredFlag("value"));
    MOTCUA_ASSIGN_OR_RETURN(in.value, rating::ParseRatingValue(value));
    MOTCUA_ASSIGN_OR_RETURN(auto source, args.Flag("source"));
    if (source) {
      MOTCUA_ASSIGN_OR_RETURN(in.source, rating::ParseRatingSource(*source));
    }
    MOTCUA_ASSIGN_OR_RETURN(auto counter, args.Flag("counter"));
    if (counter) in.counter_id = *counter;
    MOTCUA_ASSIGN_OR_RETURN(auto officer, args.Flag("officer"));
    if (officer) in.officer = *officer;
    MOTCUA_ASSIGN_OR_RETURN(auto criteria, args.Flag("criteria"));
    if (criteria) {
      MOTCUA_ASSIGN_OR_RETURN(in.criteria, ParseCriteria(*criteria));
    }
    MOTCUA_ASSIGN_OR_RETURN(auto comment, args.Flag("comment"));
    if (comment) in.comment = *comment;
    MOTCUA_ASSIGN_OR_RETURN(auto at, args.Flag("at"));
    if (at) {
      MOTCUA_ASSIGN_OR_RETURN(LocalMinute local, ParseLocalMinute(*at, "at"));
      in.rated_at = FromLocalVn(local);
    }
    MOTCUA_ASSIGN_OR_RETURN(auto reason, args.Flag("replace-reason"));
    if (reason) in.replace_reason = *reason;
    in.has_complaint = args.Switch("complaint");
    MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
    if (rest.empty()) return Invalid("dossier_code", "required", "give the dossier code: rating add CODE --value N");
    if (rest.size() > 1) return Invalid("arguments", "unexpected", "unexpected argument " + rest[1]);
    in.dossier_code = rest[0];
    return Ok();
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto r = rating::RecordRating(*(*session)->store, (*session)->actor, in, ctx.Now());
  if (!r) return ReportError(ctx, r.error());
  PrintRating(ctx, *r);
  return kExitOk;
}

int Show(Context& ctx, Args& args) {
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (rest->size() != 1) return ReportError(ctx, Invalid("dossier_code", "required", "rating show CODE"));
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto r = rating::GetRating(*(*session)->store, rest->front());
  if (!r) return ReportError(ctx, r.error());
  if (!*r) return ReportError(ctx, NotFound("dossier_code", "not_rated", "dossier " + rest->front() + " has no rating"));
  PrintRating(ctx, **r);
  return kExitOk;
}

int ListRatings(Context& ctx, Args& args) {
  rating::RatingQuery q;
  rating::TallyBy by = rating::TallyBy::kUnit;
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto month, args.Flag("month"));
    if (month) {
      MOTCUA_ASSIGN_OR_RETURN(auto ym, ParseMonthFlag(*month));
      const std::chrono::year_month first{std::chrono::year{ym.first}, std::chrono::month{ym.second}};
      q.rated_from = FromLocalVn(LocalMinute{LocalDate{first / 1}.time_since_epoch()});
      q.rated_before = FromLocalVn(LocalMinute{LocalDate{(first + std::chrono::months{1}) / 1}.time_since_epoch()});
    }
    MOTCUA_ASSIGN_OR_RETURN(auto unit, args.Flag("unit"));
    if (unit) q.unit = *unit;
    MOTCUA_ASSIGN_OR_RETURN(auto by_text, args.Flag("by"));
    if (by_text) {
      if (*by_text == "counter") by = rating::TallyBy::kCounter;
      else if (*by_text == "officer") by = rating::TallyBy::kOfficer;
      else if (*by_text == "unit") by = rating::TallyBy::kUnit;
      else return Invalid("by", "bad_value", "--by must be counter, officer or unit");
    }
    MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
    if (!rest.empty()) return Invalid("arguments", "unexpected", "unexpected argument " + rest[0]);
    return Ok();
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto ratings = rating::ListRatings(*(*session)->store, q);
  if (!ratings) return ReportError(ctx, ratings.error());
  for (const rating::TallyRow& row : rating::TallyRatings(*ratings, by)) {
    const auto share = row.tally.SatisfiedShare();
    const std::string pct = FormatPercent(share.value_or(0.0), ctx.numbers());  // "50,00%" / "50.00%"
    const rating::RatingTally& t = row.tally;
    auto n = [&](std::int64_t v) { return FormatInteger(v, ctx.numbers()); };  // "1.234" / "1,234"
    if (ctx.lang == ui::Lang::kVi)
      *ctx.out << (row.key.empty() ? "(không rõ)" : row.key) << ": " << n(t.Total()) << " đánh giá, rất hài lòng "
               << n(t.very_satisfied) << ", hài lòng " << n(t.satisfied) << ", không hài lòng " << n(t.unsatisfied)
               << ", hài lòng " << pct << "\n";
    else
      *ctx.out << (row.key.empty() ? "(unknown)" : row.key) << ": " << n(t.Total()) << " ratings, very satisfied "
               << n(t.very_satisfied) << ", satisfied " << n(t.satisfied) << ", unsatisfied " << n(t.unsatisfied)
               << ", satisfied " << pct << "\n";
  }
  return kExitOk;
}

int Pakn(Context& ctx, Args& args) {
  rating::PaknMonth p;
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(p.unit, args.RequiredFlag("unit"));
    MOTCUA_ASSIGN_OR_RETURN(std::string month, args.RequiredFlag("month"));
    MOTCUA_ASSIGN_OR_RETURN(auto ym, ParseMonthFlag(month));
    p.year = ym.first;
    p.month = ym.second;
    const std::pair<const char*, std::int64_t*> counts[] = {
        {"received", &p.received}, {"on-time", &p.on_time}, {"unsatisfied", &p.unsatisfied}, {"repeated", &p.repeated}};
    for (const auto& [flag, target] : counts) {
      MOTCUA_ASSIGN_OR_RETURN(std::string text, args.RequiredFlag(flag));
      std::string field = flag;
      for (char& c : field)
        if (c == '-') c = '_';
      const std::optional<std::int64_t> count = ParseCount(text);
      if (!count) return Invalid(field, "bad_number", "--" + std::string(flag) + " must be a whole number >= 0");
      *target = *count;
    }
    MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
    if (!rest.empty()) return Invalid("arguments", "unexpected", "unexpected argument " + rest[0]);
    return Ok();
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  auto session = OpenSessionAs(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto stored = rating::RecordPaknCounts(*(*session)->store, (*session)->actor, p, ctx.Now());
  if (!stored) return ReportError(ctx, stored.error());
  *ctx.out << "PAKN " << stored->unit << " " << rating::PaknKey(stored->year, stored->month, "").substr(0, 7)
           << ": tiếp nhận " << stored->received << ", đúng hạn " << stored->on_time << ", không hài lòng "
           << stored->unsatisfied << ", lặp lại " << stored->repeated << "\n";
  return kExitOk;
}

int RunRating(Context& ctx, Args& args) {
  const auto& rest = args.Remaining();
  // The subcommand comes first: "rating add CODE --value 2".
  std::string sub = !rest.empty() && !rest[0].empty() && rest[0][0] != '-' ? rest[0] : std::string();
  Args sub_args(std::vector<std::string>(rest.begin() + (sub.empty() ? 0 : 1), rest.end()));
  if (sub == "add") return Add(ctx, sub_args);
  if (sub == "show") return Show(ctx, sub_args);
  if (sub == "list") return ListRatings(ctx, sub_args);
  if (sub == "pakn") return Pakn(ctx, sub_args);
  return ReportError(ctx, Invalid("subcommand", "bad_subcommand", "rating add|show|list|pakn, got \"" + sub + "\""));
}

}  // namespace

MOTCUA_CLI_COMMAND("rating",
                   "rating add CODE --value 0|1|2 [--source kiosk|counter|online|paper] [--counter ID] "
                   "[--officer USER] [--criteria A,B,...] [--complaint] [--comment TEXT] [--at \"YYYY-MM-DD HH:MM\"] "
                   "[--replace-reason TEXT] | show CODE | list [--month YYYY-MM] [--unit U] "
                   "[--by counter|officer|unit] | pakn --unit U --month YYYY-MM --received N --on-time N "
                   "--unsatisfied N --repeated N",
                   "citizens' satisfaction ratings per dossier and counter, and the monthly PAKN counts",
                   RunRating);

}  // namespace motcua::cli
