// Manifests and intake requests as JSON: the body of a manifest's store record, `motcua postal show
// --json`, and the item files of `motcua postal add` (the same dossier shape as `motcua receive --json`).
//
// Intake JSON (keys other than procedure_code and applicant are optional):
// {
//   "procedure_code": "1.004222",
//   "applicant": {"kind": "individual|organization", "id_type": "cccd|cmnd|tax_code|passport|other",
//                 "id_number": "...", "name": "...", "phone": "...", "email": "...", "address": "..."}
//             or {"cccd_qr": "<the text of a CCCD QR code>", "phone": "...", "email": "..."},
//   "channel": "counter|online|postal", "delivery": "counter|postal", "delivery_address": "...",
//   "processing_unit": "...", "summary": "...", "sets": 1, "vneid_verified": false,
//   "cases": ["<component group>", ...],
//   "components": [{"code": "TP1", "originals": 1, "copies": 0, "shown_only": false, "reused_result_code": "",
//                   "from_citizen_store": false,
//                   "files": [{"sha256": "<64 hex>", "mime": "application/pdf", "pages": 1, "size_bytes": 0,
//                              "file_name": "", "added_by": "", "added_at": "YYYY-MM-DDTHH:MM:SSZ"}]}],
//   "fees": [{"name": "...", "amount_vnd": 8000}]
// }
// Files are already in the file store (digitize/file_store.h): the CLI stores paths first.
// Times in manifests are UTC, "YYYY-MM-DDTHH:MM:SSZ".
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "postal/manifest.h"
#include "workflow/desk.h"

namespace motcua::postal {

std::string IntakeToJson(const workflow::IntakeRequest& r);  // a JSON object, keys as above

// Errors, kInvalid naming the field with `field_prefix` before it (e.g. "dossier.applicant.name"):
// "bad_json", "not_an_object", "missing", "not_a_string", "not_an_integer", "not_a_boolean",
// "not_an_array", "bad_value" (an enum key not listed); codes::ParseCccdQr's errors for a cccd_qr.
Result<workflow::IntakeRequest> IntakeFromJson(std::string_view json, std::string_view field_prefix = "");

std::string ManifestToJson(const Manifest& m);  // every field of Manifest except `version`

// Reads what ManifestToJson wrote. Errors: kCorrupt/"bad_manifest" on "manifest", naming what is wrong.
Result<Manifest> ManifestFromJson(std::string_view json);

}  // namespace motcua::postal
