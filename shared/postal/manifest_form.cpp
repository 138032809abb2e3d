#include "postal/manifest_form.h"

#include "workflow/receipt_form.h"

namespace motcua::postal {
namespace {

print::HandoverParty ToParty(const Party& p) { return {p.organization, p.representative, p.position, p.phone}; }

}  // namespace

ManifestFormSettings FormSettingsFor(const workflow::DeskSettings& desk) {
  ManifestFormSettings s;
  s.header = workflow::DeskFormHeader(desk, std::nullopt);
  return s;
}

Result<print::HandoverManifestForm> MakeManifestForm(const Manifest& m, const ManifestFormSettings& settings) {
  const std::optional<Instant> at = m.signed_at ? m.signed_at : settings.draft_at;
  if (!at)
    return Invalid("status", "not_signed", "manifest " + m.id + " is not signed yet: nothing to print but a draft");
  if (m.items.empty()) return Invalid("items", "empty", "manifest " + m.id + " has no items");
  print::HandoverManifestForm f;
  f.header = settings.header;
  if (f.header.document_number.empty()) f.header.document_number = "Số: " + m.id;
  if (!f.header.dated_on) f.header.dated_on = LocalDateVn(*at);
  f.direction = m.direction == Direction::kInbound ? print::HandoverManifestForm::Direction::kPostalToCenter
                                                   : print::HandoverManifestForm::Direction::kCenterToPostal;
  f.signed_at = *at;
  f.location = settings.location.empty() ? m.center.organization : settings.location;
  f.postal = ToParty(m.postal);
  f.center = ToParty(m.center);
  for (const ManifestItem& it : m.items) {
    print::HandoverItem line;
    line.postal_receipt_number = it.parcel_number;
    line.dossier_code = it.dossier_code;
    line.person_name = it.person_name;
    line.procedure_name = it.procedure_name;
    line.sets = it.sets;
    std::string note = it.note;
    auto add = [&](const std::string& s) {
      if (s.empty()) return;
      note += (note.empty() ? "" : "; ") + s;
    };
    // The addressee's column is wide enough for the address; the note column is not.
    if (m.direction == Direction::kOutbound && !it.delivery_address.empty())
      line.person_name += " (" + it.delivery_address + ")";
    if (m.direction == Direction::kOutbound && it.originals_returned) add("Kèm bản chính");
    line.note = note;
    f.items.push_back(std::move(line));
  }
  return f;
}

}  // namespace motcua::postal
