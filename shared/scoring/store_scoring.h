// The 766 score of a center computed from its own store, before the portal computes it: dossiers
// become national records (dvc/dossier_mapping.h), catalog procedures become procedure facts, and the
// scorer (indicators/scorer.h) does the rest. Used by `motcua score --db`, the demo and the score card.
//
// Ratings and PAKN (rating/rating.h) reach the scorer here: a dossier rated "không hài lòng" gets
// motcua_local.rating_unsatisfied, one whose rating came with a complaint gets motcua_local.has_pakn
// (both lower indicator 5.4), and the PAKN counts a supervisor entered become ScoreInput::pakn_by_unit
// and center_pakn (indicators 5.2 and 5.3).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/working_calendar.h"
#include "catalog/procedure.h"
#include "dossier/lifecycle.h"
#include "dvc/dossier_mapping.h"
#include "dvc/national_record.h"
#include "indicators/scorer.h"
#include "rating/rating.h"
#include "store/store.h"

namespace motcua::scoring {

// Every dossier received before the end of `period` (the scorer picks the ones each indicator counts:
// received in the period, or still open in it), as national records, in received order.
// `mapping.file_base_url` defaults to "urn:sha256:" here so that digitized files count locally as they
// will once synced with real links. Each record's motcua_local carries the dossier's rating flags
// (rating_unsatisfied: value 0; has_pakn: the rating came with a complaint), whenever it was rated, and
// what the sync knows (sync/state.h): synced once the provincial system accepted the file, synced_on_time
// once it also holds every step, none acknowledged late.
Result<std::vector<dvc::NationalRecord>> LoadNationalRecords(store::Store& store, const dossier::StatusMap& map,
                                                             const indicators::Period& period,
                                                             dvc::MappingOptions mapping = {});

// The PAKN counts of a period for the scorer: every month the period touches (a partial month counts
// whole: the counts are monthly), summed per unit. The center's counts are the sum over units, or
// nullopt when no unit has counts for those months (the scorer then applies its "unknown PAKN" setting;
// so does a unit with no entry).
struct PaknInput {
  std::optional<indicators::PaknCounts> center;
  std::map<std::string, indicators::PaknCounts> by_unit;
};
Result<PaknInput> LoadPaknCounts(store::Store& store, const indicators::Period& period);

// One unit-month as the scorer counts it: total = received, on_time as entered, satisfied =
// received − unsatisfied − overdue − repeated with overdue = received − on_time (5.3, domain.md §1.2),
// floored at 0: the counts do not say how the three groups overlap, so they are taken as disjoint.
indicators::PaknCounts ToPaknCounts(const rating::PaknMonth& month);

struct StoreScore {
  std::vector<dvc::NationalRecord> records;  // the records the report's losses point into
  indicators::ScoreReport report;
};

// Scores the store for `period`, honouring the calendar's holidays for the working-day rules, with the
// ratings on the records and the PAKN counts of LoadPaknCounts.
Result<StoreScore> ScoreStore(store::Store& store, const dossier::StatusMap& map,
                              const calendar::WorkingCalendar& calendar, const indicators::Period& period,
                              indicators::Grouping grouping = indicators::Grouping::kCenter,
                              const indicators::ScoringSettings& settings = {});

}  // namespace motcua::scoring
