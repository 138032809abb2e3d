// motcua score: the Decision 766 scores of a set of dossiers in the national sync shape.
//
//   motcua [--json] score --input FILE.json
//          [--month YYYY-MM | --quarter YYYY-Qn | --year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD]
//          [--by unit|procedure] [--procedures CATALOG.json] [--counts COUNTS.json] [--losses N]
//          [--setting NAME=VALUE]...
//
// FILE.json is a JSON array of dossier objects as dvc/national_record.h reads them; CATALOG.json is
// either the shipped catalog (assets/catalog/catalog.json, indicators/catalog_facts.h) or a
// procedure-facts array, and COUNTS.json is described in indicators/scorer_json.h. The period defaults to the current month
// (Vietnam time, --now honoured). The table names every indicator with its numerator/denominator,
// ratio and points/max, in the language of the global --lang (default vi) with numbers written as the
// score card writes them ("28,68" / "28.68"); an indicator with an empty denominator says "Chưa có dữ
// liệu" and what the total counts for it, as the card does. --losses N lists up to N dossiers (or procedures)
// behind each lost point. --setting picks another reading where the sources disagree (names and
// values in indicators/scorer_json.h; defaults are the portal's observed behaviour). Exit 2 on
// malformed input, naming the field ("[12].NgayHenTra").
//
// The --db mode (records read from the store) plugs in at LoadRecords below: everything after it
// goes through indicators::Score and is shared.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "cli/cli.h"
#include "cli/session.h"
#include "common/files.h"
#include "common/number_format.h"
#include "common/number_parse.h"
#include "common/text.h"
#include "dvc/national_record.h"
#include "indicators/catalog_facts.h"
#include "indicators/scorer.h"
#include "indicators/scorer_json.h"
#include "scoring/store_scoring.h"
#include "ui_model/strings.h"

namespace motcua::cli {
namespace {

using indicators::Grouping;
using indicators::Indicator;
using indicators::IndicatorGroup;
using indicators::ScoreCard;
using indicators::ScoreReport;

struct ScoreOptions {
  std::string input_path;       // --input ("" = the dossiers of the database, global --db)
  std::string procedures_path;  // --procedures ("" = no catalog)
  std::string counts_path;      // --counts ("" = no PAKN / certified-copy counts)
  indicators::Period period;
  Grouping grouping = Grouping::kCenter;
  std::size_t losses = 0;       // --losses N: dossiers listed per indicator
  indicators::ScoringSettings settings;  // --setting NAME=VALUE (repeatable): another reading of the sources
};

Result<indicators::Period> ParsePeriod(Args& args, Instant now) {
  MOTCUA_ASSIGN_OR_RETURN(auto month, args.Flag("month"));
  MOTCUA_ASSIGN_OR_RETURN(auto quarter, args.Flag("quarter"));
  MOTCUA_ASSIGN_OR_RETURN(auto year_text, args.Flag("year"));
  MOTCUA_ASSIGN_OR_RETURN(auto from, args.Flag("from"));
  MOTCUA_ASSIGN_OR_RETURN(auto to, args.Flag("to"));
  const int given = int(month.has_value()) + int(quarter.has_value()) + int(year_text.has_value()) +
                    int(from.has_value() || to.has_value());
  if (given > 1)
    return Invalid("period", "conflicting_flags", "give one of --month, --quarter, --year or --from/--to");
  if (month) {
    MOTCUA_ASSIGN_OR_RETURN(auto ym, ParseMonthFlag(*month));
    return indicators::MonthPeriod(ym.first, ym.second);
  }
  if (quarter) {
    const std::string& q = *quarter;
    const bool shape = q.size() == 7 && q[4] == '-' && (q[5] == 'Q' || q[5] == 'q');
    const std::optional<int> y = shape ? ParseDigits<int>(q.substr(0, 4)) : std::nullopt;
    const int n = shape ? ParseDigits<int>(q.substr(6, 1)).value_or(0) : 0;
    if (!y || n < 1 || n > 4) return Invalid("quarter", "bad_quarter", "expected --quarter YYYY-Qn, got \"" + q + "\"");
    return indicators::QuarterPeriod(*y, unsigned(n));
  }
  if (year_text) {
    const std::optional<int> y = year_text->size() == 4 ? ParseDigits<int>(*year_text) : std::nullopt;
    if (!y) return Invalid("year", "bad_year", "expected --year YYYY, got \"" + *year_text + "\"");
    return indicators::YearPeriod(*y);
  }
  if (from || to) {
    if (!from) return Invalid("from", "missing_flag", "--to needs --from");
    if (!to) return Invalid("to", "missing_flag", "--from needs --to");
    MOTCUA_ASSIGN_OR_RETURN(LocalDate f, ParseLocalDate(*from, "from"));
    MOTCUA_ASSIGN_OR_RETURN(LocalDate t, ParseLocalDate(*to, "to"));
    return indicators::MakePeriod(f, t);
  }
  const std::chrono::year_month_day today{LocalDateVn(now)};
  return indicators::MonthPeriod(int(today.year()), unsigned(today.month()));
}

Result<ScoreOptions> ParseScoreOptions(Context& ctx, Args& args) {
  ScoreOptions o;
  if (args.Switch("json")) ctx.json = true;
  MOTCUA_ASSIGN_OR_RETURN(auto input, args.Flag("input"));
  if (input) o.input_path = *input;
  MOTCUA_ASSIGN_OR_RETURN(auto procedures, args.Flag("procedures"));
  if (procedures) o.procedures_path = *procedures;
  MOTCUA_ASSIGN_OR_RETURN(auto counts, args.Flag("counts"));
  if (counts) o.counts_path = *counts;
  MOTCUA_ASSIGN_OR_RETURN(auto by, args.Flag("by"));
  if (by) {
    if (*by == "unit") o.grouping = Grouping::kUnit;
    else if (*by == "procedure") o.grouping = Grouping::kProcedure;
    else if (*by == "center") o.grouping = Grouping::kCenter;
    else return Invalid("by", "bad_grouping", "--by must be unit or procedure, got \"" + *by + "\"");
  }
  MOTCUA_ASSIGN_OR_RETURN(auto losses, args.Flag("losses"));
  if (losses) {
    const std::optional<int> n = ParseDigits<int>(*losses, {.max_digits = 9});
    if (!n) return Invalid("losses", "bad_number", "--losses must be a whole number >= 0");
    o.losses = std::size_t(*n);
  }
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(auto setting, args.Flag("setting"));
    if (!setting) break;
    const std::size_t eq = setting->find('=');
    if (eq == std::string::npos)
      return Invalid("setting", "bad_setting", "expected --setting NAME=VALUE, got \"" + *setting + "\"");
    MOTCUA_TRY(indicators::ApplySetting(o.settings, setting->substr(0, eq), setting->substr(eq + 1)));
  }
  MOTCUA_ASSIGN_OR_RETURN(o.period, ParsePeriod(args, ctx.Now()));
  MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
  if (!rest.empty()) return Invalid("arguments", "unexpected", "unexpected argument " + rest.front());
  return o;
}

// Where the records come from: a file in the national shape, or the database's own dossiers
// (scoring/store_scoring.h), which then also supplies the catalog and the calendar.
Result<std::vector<dvc::NationalRecord>> LoadRecords(const ScoreOptions& o, Session* session) {
  if (session) return scoring::LoadNationalRecords(*session->store, session->status_map, o.period);
  MOTCUA_ASSIGN_OR_RETURN(std::string text, ReadFile(o.input_path, "input", kMaxScoreInputBytes));
  return dvc::ParseNationalRecords(text);
}

// --- the table ---

// Pads (or cuts, with "…") to `width` columns.
std::string Fit(std::string_view utf8, std::size_t width) {
  if (CountCodePoints(utf8) <= width) return std::string(utf8) + std::string(width - CountCodePoints(utf8), ' ');
  std::string out;
  std::size_t cols = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (cols + 1 == width) break;
    out.append(utf8.substr(i, len));
    ++cols;
    i += len;
  }
  return out + "…";
}

// The table's words in the language of --lang: the score card's strings (ui_model/strings.h), so that
// the CLI and the screen say the same; numbers through the same formatter as the screen
// (common/number_format.h).
struct TableText {
  ui::Lang lang = ui::Lang::kVi;
  bool vi() const { return lang == ui::Lang::kVi; }
  const char* operator()(std::string_view key) const { return ui::Tr(lang, key); }
  std::string Number(double v) const { return FormatDecimal(v, 2, ui::NumberStyleFor(lang)); }
  std::string Count(std::int64_t n) const { return FormatInteger(n, ui::NumberStyleFor(lang)); }
  // A maximum: "20"; "2,50" / "2.50" if it has a fraction.
  std::string Max(double v) const {
    return v == double(static_cast<long>(v)) ? std::to_string(static_cast<long>(v)) : Number(v);
  }
};

std::string RightAlign(const std::string& s, std::size_t width) {
  return CountCodePoints(s) >= width ? s : std::string(width - CountCodePoints(s), ' ') + s;
}

const char* GroupNumber(IndicatorGroup g) {
  switch (g) {
    case IndicatorGroup::kPublicity: return "1.";
    case IndicatorGroup::kProgress: return "2.";
    case IndicatorGroup::kOnline: return "3a.";
    case IndicatorGroup::kPayment: return "3b.";
    case IndicatorGroup::kDigitization: return "4.";
    case IndicatorGroup::kSatisfaction: return "5.";
  }
  return "";
}

void PrintIndicator(std::ostream& os, const Indicator& ind, const std::vector<dvc::NationalRecord>& records,
                    std::size_t losses, const TableText& t) {
  const bool is_2_2 = ind.id == indicators::IndicatorId::k2_2;
  std::string counts = t.Count(ind.numerator) + "/" + t.Count(ind.denominator);
  std::string ratio = "—";
  if (ind.ratio) ratio = is_2_2 ? t.Number(*ind.ratio) + (t.vi() ? " ngày" : " days") : FormatPercent(*ind.ratio, ui::NumberStyleFor(t.lang));
  if (is_2_2) counts = t.Count(ind.denominator) + (t.vi() ? " hs" : " doss.");
  std::string points;
  if (ind.max_points <= 0) {
    points = t("scorecard.tracking");
  } else if (ind.denominator == 0) {  // as the score card says it: no data, and what the total counts anyway
    points = std::string(t("scorecard.no_data")) + " (" +
             (ind.points ? (t.vi() ? "tính " : "counted ") + t.Number(*ind.points) : std::string("—")) + " / " +
             t.Max(ind.max_points) + ")";
  } else if (!ind.points) {
    points = "— / " + t.Max(ind.max_points) + " (" + t("scorecard.no_score") + ")";
  } else {
    points = t.Number(*ind.points) + " / " + t.Max(ind.max_points);
  }
  const std::string name = t.vi() ? std::string(ind.name) : t(std::string("scorecard.indicator.") + ind.code);
  os << "     " << Fit(ind.code, 5) << Fit(name, 62) << RightAlign(counts, 15) << RightAlign(ratio, 10) << "   "
     << points << "\n";
  if (!ind.note.empty() && ind.note.find("numerator in minutes") == std::string::npos)
    os << "          (" << ind.note << ")\n";
  if (losses == 0) return;
  std::size_t shown = 0;
  for (const indicators::Loss& l : ind.losses) {
    if (shown++ == losses) break;
    os << "          - " << (l.record_index < records.size() ? records[l.record_index].dossier_code : "?") << " ("
       << indicators::ReasonKey(l.reason) << ")\n";
  }
  for (const indicators::ProcedureLoss& pl : ind.losing_procedures) {
    if (shown++ == losses) break;
    os << "          - TTHC " << pl.procedure_code << " (" << indicators::ReasonKey(pl.reason) << ")\n";
  }
  const std::size_t total = ind.losses.size() + ind.losing_procedures.size();
  if (total > losses) os << "          … " << t.Count(std::int64_t(total - losses)) << (t.vi() ? " dòng khác" : " more") << "\n";
}

void PrintCard(std::ostream& os, const ScoreCard& card, const std::string& title,
               const std::vector<dvc::NationalRecord>& records, std::size_t losses, const TableText& t) {
  os << title << " (" << ui::FormatText(t("scorecard.dossiers"), {{"n", t.Count(card.dossiers)}}) << ")\n";
  os << "  " << Fit(t.vi() ? "TỔNG ĐIỂM" : "TOTAL", 98) << t.Number(card.total_points) << " / " << t.Max(card.total_max)
     << "\n";
  for (const indicators::GroupTotal& g : card.groups) {
    const std::string name = t(std::string("scorecard.group.") + indicators::GroupKey(g.group));
    os << "  " << Fit(std::string(GroupNumber(g.group)) + " " + name, 98) << t.Number(g.points) << " / "
       << t.Max(g.max_points) << "\n";
    for (const Indicator& ind : card.indicators)
      if (ind.group == g.group) PrintIndicator(os, ind, records, losses, t);
  }
}

void PrintTable(std::ostream& os, const ScoreReport& report, const std::vector<dvc::NationalRecord>& records,
                std::size_t losses, const TableText& t) {
  os << (t.vi() ? "Bộ chỉ số 766 (QĐ 766/QĐ-TTg), kỳ " : "766 indicator set (QĐ 766/QĐ-TTg), period ")
     << FormatLocalDate(report.period.from) << (t.vi() ? " đến " : " to ") << FormatLocalDate(report.period.to)
     << "\n\n";
  PrintCard(os, report.center, t("scorecard.center"), records, losses, t);
  for (const ScoreCard& card : report.breakdown) {
    os << "\n";
    const char* kind = report.grouping == Grouping::kUnit ? (t.vi() ? "Đơn vị " : "Unit ") : (t.vi() ? "TTHC " : "Procedure ");
    const std::string title = std::string(kind) + (card.key.empty() ? (t.vi() ? "(không rõ)" : "(unknown)") : card.key) +
                              (card.label != card.key && !card.label.empty() ? " — " + card.label : "");
    PrintCard(os, card, title, records, losses, t);
  }
}

int RunScore(Context& ctx, Args& args) {
  auto options = ParseScoreOptions(ctx, args);
  if (!options) return ReportError(ctx, options.error());
  const ScoreOptions& o = *options;

  std::unique_ptr<Session> session;
  if (o.input_path.empty()) {
    auto opened = OpenSession(ctx);
    if (!opened) return ReportError(ctx, opened.error());
    session = std::move(*opened);
  }
  auto records = LoadRecords(o, session.get());
  if (!records) return ReportError(ctx, records.error());
  // Working days for 1.1, 1.2 and dossiers without a due date: the calendar's, holidays included.
  std::optional<calendar::WorkingCalendar> file_calendar;
  const calendar::WorkingCalendar* cal = session ? &*session->calendar : nullptr;
  if (!cal) {
    auto loaded = calendar::LoadCalendar(std::filesystem::path(ctx.assets_dir) / "calendar",
                                         {.weekdays_beyond_coverage = true});
    if (loaded) cal = &file_calendar.emplace(std::move(*loaded));
  }

  indicators::ScoreInput in;
  in.records = &*records;
  in.period = o.period;
  in.grouping = o.grouping;
  in.now = ctx.Now();
  in.settings = o.settings;
  if (cal) in.is_working_day = [cal](LocalDate d) { return calendar::IsWorkingDay(*cal, d); };
  if (session && o.procedures_path.empty()) {
    auto procedures = session->store->LoadProcedures();
    if (!procedures) return ReportError(ctx, procedures.error());
    in.procedures = indicators::FactsFromCatalog(*procedures);
  }
  if (!o.procedures_path.empty()) {
    auto text = ReadFile(o.procedures_path, "procedures", kMaxCatalogFileBytes);
    if (!text) return ReportError(ctx, text.error());
    auto facts = indicators::ParseProcedureFile(*text);
    if (!facts) return ReportError(ctx, facts.error());
    in.procedures = std::move(*facts);
  }
  if (!o.counts_path.empty()) {
    auto text = ReadFile(o.counts_path, "counts", kMaxJsonFileBytes);
    if (!text) return ReportError(ctx, text.error());
    auto counts = indicators::ParseOutsideCounts(*text);
    if (!counts) return ReportError(ctx, counts.error());
    in.center_pakn = counts->center_pakn;
    in.pakn_by_unit = std::move(counts->pakn_by_unit);
    in.certified_copies = counts->certified_copies;
    in.national_report_received = counts->national_report_received;
    in.prior_year_received_total = counts->prior_year_received_total;
  }
  auto report = indicators::Score(in);
  if (!report) return ReportError(ctx, report.error());

  if (ctx.json) {
    *ctx.out << indicators::ReportToJson(*report, *records, {.max_losses_listed = o.losses}) << "\n";
  } else {
    PrintTable(*ctx.out, *report, *records, o.losses, TableText{ctx.lang});
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("score",
                   "score [--input FILE.json] [--month YYYY-MM | --quarter YYYY-Qn | --year YYYY | --from YYYY-MM-DD "
                   "--to YYYY-MM-DD] [--by unit|procedure] [--procedures CATALOG.json] [--counts COUNTS.json] "
                   "[--losses N] [--setting NAME=VALUE]... [--json]",
                   "Decision 766 indicator scores of national-shaped dossier records (FILE.json), or of the "
                   "database's dossiers (global --db) when --input is not given",
                   RunScore);

}  // namespace motcua::cli
