// motcua-provincial score --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--setting NAME=VALUE]...
//                         [--catalog FILE]
// The Decision 766 indicators computed from what the stand-in received, with the core's scorer: the
// stored records go through dvc::ParseNationalRecords exactly as `records` prints them, then
// indicators::Score for the whole center. Records received here carry no motcua_local (the validator
// refuses it), so each counts as synced (1.4), as the province sees it. Working days are Monday to
// Friday (no holiday calendar); --catalog adds the procedure facts (indicators/catalog_facts.h).
// --json prints indicators::ReportToJson; otherwise a table of every indicator.
#include <cstdio>
#include <ostream>

#include "catalog/catalog_json.h"
#include "commands.h"
#include "dvc/national_record.h"
#include "indicators/catalog_facts.h"
#include "indicators/scorer.h"
#include "indicators/scorer_json.h"
#include "records_json.h"
#include "storage.h"

namespace motcua::provincial {
namespace {

struct ScoreFlags {
  std::string db;
  indicators::Period period;
  bool json = false;
  indicators::ScoringSettings settings;
  std::string catalog;  // "" = no procedure facts
};

Result<ScoreFlags> ParseScoreFlags(Args& args) {
  ScoreFlags f;
  f.json = args.Switch("json");
  MOTCUA_ASSIGN_OR_RETURN(f.db, args.RequiredFlag("db"));
  MOTCUA_ASSIGN_OR_RETURN(std::string from_text, args.RequiredFlag("from"));
  MOTCUA_ASSIGN_OR_RETURN(std::string to_text, args.RequiredFlag("to"));
  MOTCUA_ASSIGN_OR_RETURN(LocalDate from, ParseLocalDate(from_text, "from"));
  MOTCUA_ASSIGN_OR_RETURN(LocalDate to, ParseLocalDate(to_text, "to"));
  MOTCUA_ASSIGN_OR_RETURN(f.period, indicators::MakePeriod(from, to));
  MOTCUA_ASSIGN_OR_RETURN(auto settings, args.Flags("setting"));
  for (const std::string& setting : settings) {
    const std::size_t eq = setting.find('=');
    if (eq == std::string::npos)
      return Invalid("setting", "bad_setting", "expected --setting NAME=VALUE, got \"" + setting + "\"");
    MOTCUA_TRY(indicators::ApplySetting(f.settings, setting.substr(0, eq), setting.substr(eq + 1)));
  }
  MOTCUA_ASSIGN_OR_RETURN(auto catalog_path, args.Flag("catalog"));
  if (catalog_path) f.catalog = *catalog_path;
  MOTCUA_TRY(args.Done());
  return f;
}

std::string Number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", v);
  return text;
}

void PrintTable(std::ostream& out, const indicators::ScoreReport& report) {
  const indicators::ScoreCard& card = report.center;
  out << "Bộ chỉ số 766 (QĐ 766/QĐ-TTg) trên dữ liệu tỉnh nhận được, kỳ " << FormatLocalDate(report.period.from)
      << " đến " << FormatLocalDate(report.period.to) << "\n"
      << card.dossiers << " hồ sơ tiếp nhận trong kỳ; tổng điểm " << Number(card.total_points) << " / "
      << Number(card.total_max) << "\n";
  for (const indicators::GroupTotal& g : card.groups) {
    out << "\n" << indicators::GroupKey(g.group) << ": " << Number(g.points) << " / " << Number(g.max_points) << "\n";
    for (const indicators::Indicator& ind : card.indicators) {
      if (ind.group != g.group) continue;
      out << "  " << ind.code << "  " << ind.name << "  " << ind.numerator << "/" << ind.denominator << "  "
          << (ind.ratio ? Number(*ind.ratio * 100) + "%" : "—") << "  ";
      if (ind.max_points <= 0) out << "theo dõi";
      else out << (ind.points ? Number(*ind.points) : "—") << " / " << Number(ind.max_points);
      out << "\n";
    }
  }
}

}  // namespace

int RunScore(Args& args, std::ostream& out, std::ostream& err) {
  auto flags = ParseScoreFlags(args);
  if (!flags) return ReportError(err, flags.error());
  auto store = ProvincialStore::Open(flags->db, /*create=*/false);
  if (!store) return ReportError(err, store.error());
  auto stored = StoredRecordsJson(**store);
  if (!stored) return ReportError(err, stored.error());
  auto records = dvc::ParseNationalRecords(stored->dump(-1, ' ', false, Json::error_handler_t::replace));
  if (!records) return ReportError(err, records.error());
  std::vector<indicators::ProcedureFacts> procedures;
  if (!flags->catalog.empty()) {
    auto catalog = catalog::LoadCatalogFile(flags->catalog);
    if (!catalog) return ReportError(err, catalog.error());
    procedures = indicators::FactsFromCatalog(*catalog);
  }
  auto report = indicators::Score(*records, procedures, flags->period, indicators::Grouping::kCenter, flags->settings);
  if (!report) return ReportError(err, report.error());
  if (flags->json) out << indicators::ReportToJson(*report, *records) << std::endl;
  else PrintTable(out, *report);
  return kExitOk;
}

}  // namespace motcua::provincial
