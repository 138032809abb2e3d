// The 766 score of a center computed from its own store, before the portal computes it: dossiers
// become national records (dvc/dossier_mapping.h), catalog procedures become procedure facts, and the
// scorer (indicators/scorer.h) does the rest. Used by `motcua score --db`, the demo and the score card.
#pragma once

#include <vector>

#include "calendar/working_calendar.h"
#include "catalog/procedure.h"
#include "dossier/lifecycle.h"
#include "dvc/dossier_mapping.h"
#include "dvc/national_record.h"
#include "indicators/scorer.h"
#include "store/store.h"

namespace motcua::scoring {

// Every dossier received before the end of `period` (the scorer picks the ones each indicator counts:
// received in the period, or still open in it), as national records, in received order.
// `mapping.file_base_url` defaults to "urn:sha256:" here so that digitized files count locally as they
// will once synced with real links.
Result<std::vector<dvc::NationalRecord>> LoadNationalRecords(store::Store& store, const dossier::StatusMap& map,
                                                             const indicators::Period& period,
                                                             dvc::MappingOptions mapping = {});

struct StoreScore {
  std::vector<dvc::NationalRecord> records;  // the records the report's losses point into
  indicators::ScoreReport report;
};

// Scores the store for `period`, honouring the calendar's holidays for the working-day rules.
Result<StoreScore> ScoreStore(store::Store& store, const dossier::StatusMap& map,
                              const calendar::WorkingCalendar& calendar, const indicators::Period& period,
                              indicators::Grouping grouping = indicators::Grouping::kCenter,
                              const indicators::ScoringSettings& settings = {});

}  // namespace motcua::scoring
