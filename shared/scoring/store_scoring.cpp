#include "scoring/store_scoring.h"

#include <algorithm>

namespace motcua::scoring {

indicators::ProcedureFacts FactsFromProcedure(const catalog::Procedure& p) {
  indicators::ProcedureFacts f;
  f.code = p.code;
  f.name = p.name;
  f.announced_on = p.announced_on;
  using OL = indicators::ProcedureFacts::OnlineLevel;
  f.online_level = p.online_level == catalog::OnlineLevel::kFull      ? OL::kFull
                   : p.online_level == catalog::OnlineLevel::kPartial ? OL::kPartial
                                                                      : OL::kNone;
  f.has_fee = std::any_of(p.fees.begin(), p.fees.end(), [](const catalog::Fee& fee) { return fee.amount_vnd > 0; });
  f.paper_result_required =
      std::any_of(p.results.begin(), p.results.end(), [](const catalog::ResultDocument& r) { return r.paper_required; });
  f.citizen_subject = p.subject == "citizen" || p.subject == "both";
  if (!p.processing.no_due_date) f.max_duration = p.processing.standard;
  return f;
}

Result<std::vector<dvc::NationalRecord>> LoadNationalRecords(store::Store& store, const dossier::StatusMap& map,
                                                             const indicators::Period& period,
                                                             dvc::MappingOptions mapping) {
  if (mapping.file_base_url.empty()) mapping.file_base_url = "urn:sha256:";
  store::DossierQuery q;
  q.received_before = FromLocalVn(LocalMinute{(period.to + std::chrono::days(1)).time_since_epoch()});
  q.limit = 10'000'000;
  MOTCUA_ASSIGN_OR_RETURN(auto rows, store.ListDossiers(q));
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.received_at != b.received_at ? a.received_at < b.received_at : a.code < b.code;
  });
  std::vector<dvc::NationalRecord> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    MOTCUA_ASSIGN_OR_RETURN(auto d, store.GetDossier(row.code));
    if (d) out.push_back(dvc::ToNationalRecord(*d, map, mapping));
  }
  return out;
}

Result<StoreScore> ScoreStore(store::Store& store, const dossier::StatusMap& map,
                              const calendar::WorkingCalendar& calendar, const indicators::Period& period,
                              indicators::Grouping grouping, const indicators::ScoringSettings& settings) {
  StoreScore result;
  MOTCUA_ASSIGN_OR_RETURN(result.records, LoadNationalRecords(store, map, period));
  MOTCUA_ASSIGN_OR_RETURN(auto procedures, store.LoadProcedures());
  indicators::ScoreInput input;
  input.records = &result.records;
  for (const auto& p : procedures) input.procedures.push_back(FactsFromProcedure(p));
  input.period = period;
  input.grouping = grouping;
  input.settings = settings;
  input.is_working_day = [&calendar](LocalDate d) { return calendar::IsWorkingDay(calendar, d); };
  MOTCUA_ASSIGN_OR_RETURN(result.report, indicators::Score(input));
  return result;
}

}  // namespace motcua::scoring
