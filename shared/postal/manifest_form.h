// The printed handover manifest (Biên bản giao nhận hồ sơ / kết quả, print/forms.h
// HandoverManifestForm) built from a stored manifest, for print/form_pdf.h's
// WriteHandoverManifestPdf. Only the form's plain structs are used here, so this module does not link
// the PDF writer: the caller (the counter app, the CLI) does.
#pragma once

#include <optional>

#include "common/result.h"
#include "postal/manifest.h"
#include "print/forms.h"
#include "workflow/desk.h"

namespace motcua::postal {

struct ManifestFormSettings {
  // The heading: governing body, agency, unit, place. An empty document_number becomes
  // "Số: <manifest id>"; an unset dated_on becomes the signing date (Vietnam civil date).
  print::FormHeader header;
  std::string location;  // where the handover took place; default: the center party's organization
  // A draft has no signing time: set this to print it for checking before signing (the time printed
  // is this one). Unset (default): a draft is refused.
  std::optional<Instant> draft_at;
};

// The heading the receipt uses (workflow/receipt_form.h): the desk's agency name over its receiving
// unit, and "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ".
ManifestFormSettings FormSettingsFor(const workflow::DeskSettings& desk);

// Fills the form: parties (giver and taker follow the direction), the signing time, and per item its
// parcel number, dossier code (inbound: after signing), person (outbound: "name (delivery address)"),
// procedure, sets and a note (the item's note; outbound: "Kèm bản chính" when originals go back).
// Errors: kInvalid/"not_signed" on "status" for a draft without draft_at; kInvalid/"empty" on "items"
// for a manifest with no items (the paper form needs at least one).
Result<print::HandoverManifestForm> MakeManifestForm(const Manifest& m, const ManifestFormSettings& settings = {});

}  // namespace motcua::postal
