#include "scoring/store_scoring.h"

#include <algorithm>

#include "indicators/catalog_facts.h"

namespace motcua::scoring {

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
  input.procedures = indicators::FactsFromCatalog(procedures);
  input.period = period;
  input.grouping = grouping;
  input.settings = settings;
  input.is_working_day = [&calendar](LocalDate d) { return calendar::IsWorkingDay(calendar, d); };
  MOTCUA_ASSIGN_OR_RETURN(result.report, indicators::Score(input));
  return result;
}

}  // namespace motcua::scoring
