// workflow::ParseIntakeJson (workflow/intake_json.h) over any bytes: the dossier file of `motcua receive
// --json`, a postal manifest's item, the demo's sample. A failure is kInvalid with a rule; a success keeps
// the header's promises: whole numbers in range (never wrapped), every file ref names a listed component.
#include "fuzz_check.h"
#include "workflow/intake_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  const auto parsed = workflow::ParseIntakeJson(fuzz::AsText(data, size), "/fuzz");
  if (!parsed) {
    FUZZ_CHECK(parsed.error().code == ErrorCode::kInvalid, fuzz::Why(parsed));
    FUZZ_CHECK(!parsed.error().rule.empty(), fuzz::Why(parsed));
    return 0;
  }
  const workflow::IntakeRequest& r = parsed->request;
  FUZZ_CHECK(!r.procedure_code.empty(), "procedure_code is required");
  FUZZ_CHECK(r.sets >= 1 && r.sets <= workflow::kMaxPaperCount, std::to_string(r.sets));
  const std::size_t listed = r.components ? r.components->size() : 0;
  for (const auto& f : parsed->files) FUZZ_CHECK(f.component < listed, f.path.string());
  if (r.components)
    for (const auto& c : *r.components) {
      FUZZ_CHECK(!c.originals || (*c.originals >= 0 && *c.originals <= workflow::kMaxPaperCount), c.code);
      FUZZ_CHECK(!c.copies || (*c.copies >= 0 && *c.copies <= workflow::kMaxPaperCount), c.code);
    }
  if (r.fees)
    for (const auto& f : *r.fees)
      FUZZ_CHECK(f.amount_vnd >= 0 && f.amount_vnd <= workflow::kMaxFeeVnd, std::to_string(f.amount_vnd));
  FUZZ_CHECK(parsed->has_received_at == r.received_at.has_value(), "received_at");
  return 0;
}
