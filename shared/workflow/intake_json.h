// An intake request written as JSON: the file `motcua receive --json FILE` reads, a postal manifest's
// item, the headless demo's sample. Parsing opens no file and touches no store, so it can be fuzzed.
//
// {
//   "request_id": "...",                     optional idempotency key (desk.h IntakeRequest::request_id)
//   "procedure_code": "1.001193",            required
//   "applicant": {"kind": "individual|organization", "id_type": "cccd|cmnd|tax_code|passport|other",
//                 "id_number": "...", "name": "...", "phone": "...", "email": "...", "address": "..."}
//             or {"cccd_qr": "<the text of a CCCD QR code>", "phone": "...", "email": "..."},
//   "channel": "counter|online|postal", "delivery": "counter|postal", "delivery_address": "...",
//   "processing_unit": "...", "summary": "...", "sets": 1, "received_at": "YYYY-MM-DD HH:MM",
//   "cases": ["<component group of the catalog>", ...],
//   "components": [{"code": "TP1", "originals": 1, "copies": 0, "shown_only": false,
//                   "reused_result_code": "", "from_citizen_store": false, "files": ["scan.pdf"]}],
//   "fees": [{"name": "...", "amount_vnd": 8000}], "vneid_verified": false
// }
// Unknown keys are ignored ("about" documents a sample). Whole numbers must be JSON integers that fit
// their range (sets, originals and copies 0..99, amount_vnd 0..kMaxFeeVnd): 4294967297 copies is an
// error, never 1. Text is checked by the desk when received (caps, control characters).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>
#include <vector>

#include "workflow/desk.h"

namespace motcua::workflow {

inline constexpr std::size_t kMaxIntakeJsonBytes = 1 << 20;  // 1 MiB (common/files.h kMaxJsonFileBytes)

// A file a component names, resolved against the JSON file's folder.
struct IntakeFileRef {
  std::size_t component = 0;  // index into request.components
  std::filesystem::path path;
};

struct ParsedIntake {
  IntakeRequest request;  // components' `files` empty: see `files`
  std::vector<IntakeFileRef> files;
  bool has_received_at = false;  // the JSON set "received_at" (allowed on demo databases only)
};

// Errors, kInvalid, naming the JSON field (e.g. "components[2].copies"): "bad_json", "too_large",
// "not_an_object", "missing", "not_a_string", "not_an_integer", "out_of_range", "not_a_boolean",
// "bad_value", "not_an_array"; the CCCD QR parser's (codes/cccd.h) for "cccd_qr";
// ("received_at", "bad_datetime").
Result<ParsedIntake> ParseIntakeJson(std::string_view text, const std::filesystem::path& base);

// Reads every file `parsed` names (ReadRegularFile: regular files of at most kMaxScanFileBytes), for
// ReceiveWithFiles. Errors: ReadRegularFile's, on "components[i].files".
Result<std::vector<PendingFile>> ReadIntakeFiles(const ParsedIntake& parsed);

}  // namespace motcua::workflow
