#include "cli/dossier_json.h"

#include "workflow/desk.h"

namespace motcua::cli {

using nlohmann::json;

std::string LocalText(const std::optional<Instant>& t) {
  return t ? FormatLocalMinute(ToLocalVn(*t)) : std::string();
}

namespace {
json OptTime(const std::optional<Instant>& t) { return t ? json(LocalText(t)) : json(nullptr); }

json AttachmentJson(const dossier::Attachment& a) {
  return {{"sha256", a.sha256}, {"mime", a.mime}, {"pages", a.pages}, {"size_bytes", a.size_bytes},
          {"file_name", a.file_name}, {"added_by", a.added_by}, {"added_at", LocalText(a.added_at)}};
}
}  // namespace

json DossierToJson(const dossier::Dossier& d, const dossier::StatusMap& map) {
  json components = json::array();
  for (const auto& c : d.components) {
    json files = json::array();
    for (const auto& f : c.files) files.push_back(AttachmentJson(f));
    components.push_back({{"code", c.code}, {"name", c.name}, {"originals", c.originals}, {"copies", c.copies},
                          {"shown_only", c.shown_only}, {"reused_result_code", c.reused_result_code},
                          {"from_citizen_store", c.from_citizen_store}, {"digitized", c.IsDigitized()},
                          {"files", files}});
  }
  json results = json::array();
  for (const auto& r : d.results)
    results.push_back({{"name", r.name}, {"result_code", r.result_code}, {"paper_required", r.paper_required},
                       {"e_signed", r.e_signed}, {"file", r.file ? AttachmentJson(*r.file) : json(nullptr)}});
  json fees = json::array();
  for (const auto& f : d.fees)
    fees.push_back({{"name", f.name}, {"amount_vnd", f.amount_vnd}, {"paid_at", OptTime(f.paid_at)},
                    {"paid_online", f.paid_online}});
  json steps = json::array();
  for (const auto& s : d.steps)
    steps.push_back({{"at", LocalText(s.at)}, {"actor", s.actor}, {"unit", s.unit}, {"content", s.content},
                     {"state", dossier::StateKey(s.state)}});
  json supplements = json::array();
  for (const auto& s : d.supplements)
    supplements.push_back({{"requested_at", LocalText(s.requested_at)}, {"requested_by", s.requested_by},
                           {"reason", s.reason}, {"items", s.items}, {"received_at", OptTime(s.received_at)},
                           {"due_before", OptTime(s.due_before)}, {"due_after", OptTime(s.due_after)}});
  const char* channels[] = {"", "counter", "online", "postal"};
  const auto& a = d.applicant;
  json out = {
      {"code", d.code},
      {"procedure_code", d.procedure_code},
      {"procedure_name", d.procedure_name},
      {"state", dossier::StateKey(d.state)},
      {"state_name", dossier::StateNameVi(d.state)},
      {"national_status", map.National(d.state)},
      {"channel", channels[static_cast<int>(d.channel)]},
      {"delivery", d.delivery == dossier::Delivery::kPostal ? "postal" : "counter"},
      {"delivery_address", d.delivery_address},
      {"agency_id", d.agency_id},
      {"receiving_unit", d.receiving_unit},
      {"processing_unit", d.processing_unit},
      {"applicant",
       {{"kind", a.kind == dossier::ApplicantKind::kIndividual ? "individual" : "organization"},
        {"id_number", a.id_number}, {"name", a.name}, {"phone", a.phone}, {"email", a.email},
        {"address", a.address}}},
      {"summary", d.summary},
      {"duration", d.duration ? json(calendar::FormatDuration(*d.duration)) : json(nullptr)},
      {"received_at", LocalText(d.received_at)},
      {"due_at", OptTime(d.due_at)},
      {"original_due_at", OptTime(d.original_due_at)},
      {"finished_at", OptTime(d.finished_at)},
      {"returned_at", OptTime(d.returned_at)},
      {"apology_count", d.apology_count},
      {"apology_reason", d.apology_reason},
      {"supplement_count", d.SupplementCount()},
      {"state_reason", d.state_reason},
      {"components", components},
      {"results", results},
      {"fees", fees},
      {"supplements", supplements},
      {"steps", steps},
      {"version", d.version},
  };
  if (d.result_return) {
    const dossier::ResultReturn& r = *d.result_return;
    out["result_return"] = {{"at", LocalText(r.at)},
                            {"receiver_name", r.receiver_name},
                            {"receiver_id_type", workflow::IdTypeKey(r.receiver_id_type)},
                            {"receiver_id", r.receiver_id},
                            {"originals_returned", r.originals_returned},
                            {"no_digital_result_reason", r.no_digital_result_reason},
                            {"by", r.by}};
  }
  return out;
}

}  // namespace motcua::cli
