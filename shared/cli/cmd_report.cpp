// motcua report: what lost the 766 points, as a file for the supervisor or for publication.
//
//   motcua report scorecard|today|officers|communes|trend [--month YYYY-MM] [--unit U] [--months N]
//                 --out FILE.csv|FILE.xlsx|FILE.pdf
//
// The database's dossiers (global --db) are scored by unit for the month (default: the current month,
// Vietnam time, --now honoured), with their ratings and the PAKN counts entered with `motcua rating
// pakn`. Kinds (reports/document.h): scorecard = everything on one document; today = work to do
// today behind each lost point; officers = the public list of officers with late dossiers; communes =
// the communes' results, ranked (communes: the setting reports.commune_units, else the catalog level);
// trend = the last --months months (default 6) per unit. The format follows the file's extension
// (reports/export.h: CSV in UTF-8 with a BOM, XLSX one sheet per table, PDF A4). Writes are atomic.
// Exit 2 on bad input (the message names the flag), 1 on other failures.
#include <filesystem>
#include <ostream>
#include <system_error>

#include "cli/cli.h"
#include "cli/session.h"
#include "common/number_parse.h"
#include "reports/export.h"
#include "reports/store_report.h"

namespace motcua::cli {
namespace {

struct ReportOptions {
  std::string kind;
  int year = 0;
  unsigned month = 0;
  std::string unit;
  int months = 6;
  std::string out;
  reports::ExportFormat format = reports::ExportFormat::kPdf;
};

Result<ReportOptions> ParseReportOptions(Context& ctx, Args& args) {
  ReportOptions o;
  MOTCUA_ASSIGN_OR_RETURN(auto month, args.Flag("month"));
  MOTCUA_ASSIGN_OR_RETURN(auto unit, args.Flag("unit"));
  MOTCUA_ASSIGN_OR_RETURN(auto months, args.Flag("months"));
  MOTCUA_ASSIGN_OR_RETURN(o.out, args.RequiredFlag("out"));
  MOTCUA_ASSIGN_OR_RETURN(o.format, reports::FormatFromPath(o.out));
  // Checked before the month is scored: a typo in the folder is bad input, not a failure after work.
  const std::filesystem::path folder = std::filesystem::path(o.out).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
    return Invalid("out", "no_such_directory",
                   "--out " + o.out + ": \"" + folder.string() + "\" is not an existing folder");
  if (unit) o.unit = *unit;
  if (months) {
    o.months = ParseDigits<int>(*months, {.max_digits = 9}).value_or(0);  // 0: not a number
    if (o.months < 1 || o.months > 60)
      return Invalid("months", "out_of_range", "--months must be a whole number from 1 to 60");
  }
  if (month) {
    MOTCUA_ASSIGN_OR_RETURN(auto ym, ParseMonthFlag(*month));
    o.year = ym.first;
    o.month = ym.second;
  } else {
    const std::chrono::year_month_day today{LocalDateVn(ctx.Now())};
    o.year = int(today.year());
    o.month = unsigned(today.month());
  }
  MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
  if (rest.empty())
    return Invalid("kind", "required", "say which report: scorecard, today, officers, communes or trend");
  if (rest.size() > 1) return Invalid("arguments", "unexpected", "unexpected argument " + rest[1]);
  if (reports::IsReportKind(rest[0])) o.kind = rest[0];
  if (o.kind.empty())
    return Invalid("kind", "bad_kind",
                   "the report is one of scorecard, today, officers, communes, trend; got \"" + rest[0] + "\"");
  return o;
}

Result<reports::Document> Build(Context& ctx, Session& s, const ReportOptions& o) {
  return reports::BuildStoreReport(*s.store, s.status_map, *s.calendar,
                                   {.kind = o.kind,
                                    .year = o.year,
                                    .month = o.month,
                                    .unit = o.unit,
                                    .months = o.months,
                                    .now = ctx.Now(),
                                    .center_name = s.desk.settings.receiving_unit});
}

int RunReport(Context& ctx, Args& args) {
  auto options = ParseReportOptions(ctx, args);
  if (!options) return ReportError(ctx, options.error());
  auto session = OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  auto document = Build(ctx, **session, *options);
  if (!document) return ReportError(ctx, document.error());
  Status written = reports::WriteDocument(*document, options->out, options->format);
  if (!written) return ReportError(ctx, written.error());
  std::size_t rows = 0;
  if (const reports::Table* t = document->CsvTable()) rows = t->rows.size();
  if (ctx.json) {
    *ctx.out << "{\"kind\":\"" << options->kind << "\",\"format\":\"" << reports::ExportFormatKey(options->format)
             << "\",\"rows\":" << rows << "}\n";
  } else {
    *ctx.out << "Đã ghi " << options->out << " (" << options->kind << ", "
             << reports::ExportFormatKey(options->format) << ", " << rows << " dòng)\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("report",
                   "report scorecard|today|officers|communes|trend [--month YYYY-MM] [--unit U] [--months N] "
                   "--out FILE.csv|FILE.xlsx|FILE.pdf",
                   "766 score card reports from the database: work to do today, officers with late dossiers, "
                   "communes' results, monthly trend, as CSV, XLSX or PDF",
                   RunReport);

}  // namespace motcua::cli
