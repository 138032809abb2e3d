#include "reports/store_report.h"

#include <optional>

#include "common/text.h"
#include "print/forms.h"
#include "reports/lists.h"
#include "scoring/store_scoring.h"

namespace motcua::reports {

bool IsReportKind(std::string_view kind) {
  for (const char* k : kReportKinds)
    if (kind == k) return true;
  return false;
}

Result<Document> BuildStoreReport(store::Store& store, const dossier::StatusMap& status_map,
                                  const calendar::WorkingCalendar& calendar, const StoreReportRequest& request) {
  // Unit keys are stored in NFC; a unit typed or pasted decomposed must find the same unit.
  StoreReportRequest o = request;
  o.unit = NormalizeNfc(o.unit);
  if (!IsReportKind(o.kind))
    return Invalid("kind", "bad_kind",
                   "the report is one of scorecard, today, officers, communes, trend; got \"" + o.kind + "\"");
  if (o.month < 1 || o.month > 12 || o.year < 1 || o.year > 9999)
    return Invalid("month", "bad_month", "month must be 1-12 of a year 1-9999");
  if (o.months < 1 || o.months > 60) return Invalid("months", "out_of_range", "the trend covers 1 to 60 months");
  MOTCUA_ASSIGN_OR_RETURN(store::JournalHead head, store.Head());
  const ReportHeader header{o.center_name, o.unit, o.now, print::JournalAnchorText(head.seq, head.hash)};
  if (o.kind == std::string_view("trend")) {
    MOTCUA_ASSIGN_OR_RETURN(auto trend, BuildStoreTrend(store, status_map, calendar, o.year, o.month, o.months));
    return TrendDocument(trend, header);
  }
  const indicators::Period period = indicators::MonthPeriod(o.year, o.month);
  MOTCUA_ASSIGN_OR_RETURN(auto scored,
                          scoring::ScoreStore(store, status_map, calendar, period, indicators::Grouping::kUnit));
  const Sources src{&scored.report, &scored.records, &store, &calendar};

  std::optional<WorkToday> today;
  std::optional<LateOfficers> officers;
  std::optional<CommuneTable> communes;
  std::optional<TrendReport> trend;
  const bool all = o.kind == std::string_view("scorecard");
  if (all || o.kind == std::string_view("today")) {
    MOTCUA_ASSIGN_OR_RETURN(auto built, BuildWorkToday(src, o.now, {.unit = o.unit}));
    today = std::move(built);
  }
  if (all || o.kind == std::string_view("officers")) {
    MOTCUA_ASSIGN_OR_RETURN(auto names, LoadOfficerNames(store));
    MOTCUA_ASSIGN_OR_RETURN(auto built, BuildLateOfficers(src, {.unit = o.unit, .officer_names = names, .now = o.now}));
    officers = std::move(built);
  }
  if (all || o.kind == std::string_view("communes")) {
    MOTCUA_ASSIGN_OR_RETURN(auto listed, LoadCommuneUnits(store));
    MOTCUA_ASSIGN_OR_RETURN(auto procedures, store.LoadProcedures());
    communes = BuildCommuneTable(scored.report, scored.records, procedures, listed);
  }
  if (all) {
    MOTCUA_ASSIGN_OR_RETURN(auto built, BuildStoreTrend(store, status_map, calendar, o.year, o.month, o.months));
    trend = std::move(built);
  }
  if (o.kind == std::string_view("today")) return TodayDocument(*today, header);
  if (o.kind == std::string_view("officers")) return OfficersDocument(*officers, header);
  if (o.kind == std::string_view("communes")) return CommunesDocument(*communes, header);
  const ScoreCardParts parts{&scored.report, &*today, &*trend, &*officers, &*communes};
  return ScoreCardDocument(parts, header);
}

std::string ReportFileName(const StoreReportRequest& o, ExportFormat format) {
  std::string name = o.kind + "-" + MonthKey(o.year, o.month);
  if (!o.unit.empty()) {
    std::string slug;
    for (char c : FoldForSearch(o.unit)) {
      const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep) slug += c;
      else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (!slug.empty()) name += "-" + slug;
  }
  return name + "." + ExportFormatKey(format);
}

}  // namespace motcua::reports
