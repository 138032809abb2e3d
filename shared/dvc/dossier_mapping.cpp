#include "dvc/dossier_mapping.h"

#include <algorithm>

namespace motcua::dvc {

NationalRecord ToNationalRecord(const dossier::Dossier& d, const dossier::StatusMap& status_map,
                                const MappingOptions& options) {
  using dossier::State;
  NationalRecord r;
  r.dossier_code = d.code;
  r.procedure_code = d.procedure_code;
  r.procedure_name = d.procedure_name;
  r.field_code = d.field_code;
  r.field_name = d.field_name;
  r.applicant_name = d.applicant.name;
  r.applicant_kind = d.applicant.kind == dossier::ApplicantKind::kIndividual ? 1 : 2;
  r.applicant_id_number = d.applicant.id_number;
  r.summary = d.summary.empty() ? d.procedure_name : d.summary;
  r.submitted_at = d.received_at;
  if (d.state != State::kSubmitted) r.received_at = d.received_at;
  r.due_at = options.send_redated_due ? d.due_at : d.original_due_at;
  r.processed_at = d.finished_at;
  r.returned_at = d.returned_at;
  if (d.state == State::kRefused) r.refused_at = d.finished_at;
  r.status = static_cast<NationalStatus>(status_map.National(d.state));
  r.channel = static_cast<Channel>(static_cast<int>(d.channel));
  r.result_delivery = static_cast<int>(d.delivery);
  r.processing_unit = d.processing_unit;
  r.vneid_authenticated = d.vneid_verified;
  for (const auto& f : d.fees) r.online_payment = std::max(r.online_payment, f.paid_online);

  auto url = [&](const std::string& sha256) {
    return options.file_base_url.empty() ? std::string() : options.file_base_url + sha256;
  };
  for (const auto& c : d.components) {
    if (c.shown_only) continue;  // seen, not kept: nothing was submitted
    const bool reused = !c.reused_result_code.empty() || c.from_citizen_store;
    r.has_digitized_components = r.has_digitized_components || reused;
    SubmittedDocument base;
    base.component_code = c.code;
    base.name = c.name;
    base.digitized = c.IsDigitized();
    base.reuse = c.reused_result_code.empty() ? (c.from_citizen_store ? 1 : 0) : 2;
    base.from_citizen_store = c.from_citizen_store;
    base.replacing_result_code = c.reused_result_code;
    if (c.files.empty()) {
      r.documents.push_back(base);
      continue;
    }
    for (const auto& f : c.files) {
      SubmittedDocument doc = base;
      doc.attachment_id = f.sha256;
      doc.name = f.file_name.empty() ? c.name : f.file_name;
      doc.file_url = url(f.sha256);
      r.documents.push_back(std::move(doc));
    }
  }
  for (const auto& f : d.fees) {
    FeeLine line;
    line.name = f.name;
    line.amount_vnd = f.amount_vnd;
    line.collection_point = 1;  // collected at reception
    line.kind = 1;
    r.fees.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < d.supplements.size(); ++i) {
    const auto& s = d.supplements[i];
    SupplementRequest out;
    out.id = d.code + "-BS" + std::to_string(i + 1);
    out.requested_by = s.requested_by;
    out.content = s.reason;
    out.requested_at = s.requested_at;
    out.received_by = s.received_by;
    out.answered_at = s.received_at;
    out.due_before = s.due_before;
    out.due_after = s.due_after;
    r.supplements.push_back(std::move(out));
  }
  for (const auto& res : d.results) {
    ResultDocument out;
    out.name = res.name;
    out.result_code = res.result_code;
    if (res.file) {
      out.document_id = res.file->sha256;
      out.file_url = url(res.file->sha256);
    }
    r.results.push_back(std::move(out));
  }
  LocalFacts local;
  local.unit_code = d.processing_unit;
  local.synced = options.synced;
  r.local = local;
  return r;
}

std::vector<ProgressStep> ToProgressSteps(const dossier::Dossier& d, const dossier::StatusMap& status_map) {
  std::vector<ProgressStep> out;
  out.reserve(d.steps.size());
  for (const dossier::Step& s : d.steps) {
    ProgressStep p;
    p.dossier_code = d.code;
    p.handler = s.actor;
    p.unit = s.unit;
    p.at = s.at;
    p.content = s.content.empty() ? dossier::StateNameVi(s.state) : s.content;
    p.status = static_cast<NationalStatus>(status_map.National(s.state));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace motcua::dvc
