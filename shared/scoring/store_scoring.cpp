#include "scoring/store_scoring.h"

#include <algorithm>

#include "indicators/catalog_facts.h"
#include "sync/state.h"

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
  MOTCUA_ASSIGN_OR_RETURN(auto synced, sync::LoadDossierStates(store));
  MOTCUA_ASSIGN_OR_RETURN(auto ratings, rating::ListRatings(store));
  std::map<std::string, const rating::Rating*> rated;
  for (const rating::Rating& r : ratings) rated.emplace(r.dossier_code, &r);
  std::vector<dvc::NationalRecord> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    MOTCUA_ASSIGN_OR_RETURN(auto d, store.GetDossier(row.code));
    if (!d) continue;
    dvc::NationalRecord record = dvc::ToNationalRecord(*d, map, mapping);
    if (!record.local) record.local.emplace();
    if (auto it = synced.find(d->code); it != synced.end()) {
      // The portal scores what it received: the file with NgayTiepNhan (1.4), and for the 2026
      // wording every step acknowledged within the on-time limit (sync/settings.h on_time_minutes).
      const sync::DossierSyncState& s = it->second;
      record.local->synced = s.created;
      record.local->synced_on_time = s.created && s.late_steps == 0 && s.steps_acked >= int(d->steps.size());
    } else {
      record.local->synced = false;
      record.local->synced_on_time = false;
    }
    if (auto it = rated.find(d->code); it != rated.end()) {
      if (!record.local) record.local.emplace();
      record.local->rating_unsatisfied = it->second->value == rating::RatingValue::kUnsatisfied;
      record.local->has_pakn = it->second->has_complaint;
    }
    out.push_back(std::move(record));
  }
  return out;
}

indicators::PaknCounts ToPaknCounts(const rating::PaknMonth& m) {
  indicators::PaknCounts c;
  c.total = m.received;
  c.on_time = m.on_time;
  c.satisfied = std::max<std::int64_t>(0, m.on_time - m.unsatisfied - m.repeated);
  return c;
}

Result<PaknInput> LoadPaknCounts(store::Store& store, const indicators::Period& period) {
  const std::chrono::year_month_day from{period.from}, to{period.to};
  MOTCUA_ASSIGN_OR_RETURN(auto months, rating::ListPaknCounts(store, int(from.year()), unsigned(from.month()),
                                                               int(to.year()), unsigned(to.month())));
  PaknInput out;
  for (const rating::PaknMonth& m : months) {
    const indicators::PaknCounts c = ToPaknCounts(m);
    if (!out.center) out.center.emplace();
    for (indicators::PaknCounts* sum : {&out.by_unit[m.unit], &*out.center}) {
      sum->total += c.total;
      sum->on_time += c.on_time;
      sum->satisfied += c.satisfied;
    }
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
  MOTCUA_ASSIGN_OR_RETURN(PaknInput pakn, LoadPaknCounts(store, period));
  input.center_pakn = pakn.center;
  input.pakn_by_unit = std::move(pakn.by_unit);
  MOTCUA_ASSIGN_OR_RETURN(result.report, indicators::Score(input));
  return result;
}

}  // namespace motcua::scoring
