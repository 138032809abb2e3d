// ProcedureFacts (indicators/scorer.h) from the procedure catalog (catalog/procedure.h), so that the
// shipped catalog (assets/catalog/catalog.json) can be the scorer's --procedures file.
//
// What the catalog holds and what it does not, field by field:
//   code, name, announced_on (QĐCB date), online_level, max_duration (processing.standard) — copied;
//   has_fee               a fee with amount_vnd > 0;
//   paper_result_required a result document with paper_required;
//   citizen_subject       subject "citizen" or "both";
//   full_online_eligible  taken as online_level == full (the catalog has no eligibility flag);
//   legal_effective_on, publicized_on, content_complete, unit_codes — not in the catalog: left empty,
//   so 1.1-1.3 score only what a facts file supplies.
#pragma once

#include <string_view>
#include <vector>

#include "catalog/procedure.h"
#include "common/result.h"
#include "indicators/scorer.h"

namespace motcua::indicators {

ProcedureFacts FactsFromCatalog(const catalog::Procedure& procedure);
std::vector<ProcedureFacts> FactsFromCatalog(const std::vector<catalog::Procedure>& procedures);

// Reads either form: a JSON object is a catalog document (catalog/catalog_json.h, errors as
// ParseCatalogDocument's), a JSON array a procedure-facts file (indicators/scorer_json.h).
Result<std::vector<ProcedureFacts>> ParseProcedureFile(std::string_view json);

}  // namespace motcua::indicators
