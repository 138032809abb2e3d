#include "indicators/catalog_facts.h"

#include "catalog/catalog_json.h"
#include "indicators/scorer_json.h"

namespace motcua::indicators {

ProcedureFacts FactsFromCatalog(const catalog::Procedure& p) {
  ProcedureFacts f;
  f.code = p.code;
  f.name = p.name;
  f.announced_on = p.announced_on;
  switch (p.online_level) {
    case catalog::OnlineLevel::kNone: f.online_level = ProcedureFacts::OnlineLevel::kNone; break;
    case catalog::OnlineLevel::kPartial: f.online_level = ProcedureFacts::OnlineLevel::kPartial; break;
    case catalog::OnlineLevel::kFull: f.online_level = ProcedureFacts::OnlineLevel::kFull; break;
  }
  f.full_online_eligible = f.online_level == ProcedureFacts::OnlineLevel::kFull;
  for (const catalog::Fee& fee : p.fees) f.has_fee = f.has_fee || fee.amount_vnd > 0;
  for (const catalog::ResultDocument& r : p.results) f.paper_result_required = f.paper_result_required || r.paper_required;
  f.citizen_subject = p.subject == "citizen" || p.subject == "both";
  f.max_duration = p.processing.standard;
  return f;
}

std::vector<ProcedureFacts> FactsFromCatalog(const std::vector<catalog::Procedure>& procedures) {
  std::vector<ProcedureFacts> out;
  out.reserve(procedures.size());
  for (const catalog::Procedure& p : procedures) out.push_back(FactsFromCatalog(p));
  return out;
}

Result<std::vector<ProcedureFacts>> ParseProcedureFile(std::string_view json) {
  std::size_t i = 0;
  while (i < json.size() && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) ++i;
  if (i < json.size() && json[i] == '{') {
    MOTCUA_ASSIGN_OR_RETURN(catalog::CatalogDocument doc, catalog::ParseCatalogDocument(json));
    return FactsFromCatalog(doc.procedures);
  }
  return ParseProcedureFacts(json);
}

}  // namespace motcua::indicators
