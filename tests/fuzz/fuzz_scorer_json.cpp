// The scorer's input files (indicators/scorer_json.h, catalog_facts.h): ParseProcedureFacts (the
// --procedures facts file), ParseProcedureFile (that or a catalog document), ParseOutsideCounts
// (--counts) and ApplySetting (--setting NAME=VALUE, tried on inputs that hold a '=').
// Checked: a facts file read back from WriteProcedureFacts gives the same file; codes are non-empty and
// unique; counts are >= 0; errors are kInvalid with the header's field prefix and rule keys.
#include <algorithm>
#include <array>
#include <unordered_set>

#include "indicators/catalog_facts.h"
#include "indicators/scorer_json.h"
#include "fuzz_check.h"

namespace {

using motcua::fuzz::Why;

template <class R, std::size_t N>
void CheckError(const R& r, std::string_view field_prefix, const std::array<std::string_view, N>& rules) {
  const motcua::Error& e = r.error();
  FUZZ_CHECK(e.code == motcua::ErrorCode::kInvalid, Why(r));
  FUZZ_CHECK(std::string_view(e.field).substr(0, field_prefix.size()) == field_prefix, Why(r));
  FUZZ_CHECK(std::find(rules.begin(), rules.end(), e.rule) != rules.end(), Why(r));
}

void CheckCounts(const motcua::indicators::PaknCounts& p) {
  FUZZ_CHECK(p.total >= 0 && p.on_time >= 0 && p.satisfied >= 0 && p.about_procedures >= 0 && p.about_staff >= 0,
             "a negative PAKN count");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  using namespace motcua::indicators;
  const std::string_view text = fuzz::AsText(data, size);

  const auto facts = ParseProcedureFacts(text);
  if (facts) {
    std::unordered_set<std::string> codes;
    for (const ProcedureFacts& p : *facts) FUZZ_CHECK(!p.code.empty() && codes.insert(p.code).second, p.code);
    const std::string written = WriteProcedureFacts(*facts);
    const auto back = ParseProcedureFacts(written);
    FUZZ_CHECK(back.has_value(), written + " -> " + Why(back));
    FUZZ_CHECK(WriteProcedureFacts(*back) == written, "write/read/write differs:\n" + written);
  } else {
    static constexpr std::array<std::string_view, 9> kRules = {
        "bad_json", "not_an_array", "not_an_object", "bad_type", "bad_date", "bad_online_level",
        "bad_duration", "required", "duplicate"};
    CheckError(facts, "procedures", kRules);
  }

  const auto file = ParseProcedureFile(text);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') {
    FUZZ_CHECK(file.has_value() == facts.has_value(), Why(file) + " vs " + Why(facts));
    if (file) FUZZ_CHECK(WriteProcedureFacts(*file) == WriteProcedureFacts(*facts), "two readings of one file");
  }

  const auto counts = ParseOutsideCounts(text);
  if (counts) {
    if (counts->center_pakn) CheckCounts(*counts->center_pakn);
    for (const auto& [unit, p] : counts->pakn_by_unit) CheckCounts(p);
    if (counts->certified_copies)
      FUZZ_CHECK(counts->certified_copies->communes_offering >= 0 && counts->certified_copies->communes_total >= 0,
                 "a negative commune count");
    FUZZ_CHECK(counts->national_report_received.value_or(0) >= 0, "negative national_report_received");
    FUZZ_CHECK(counts->prior_year_received_total.value_or(0) >= 0, "negative prior_year_received_total");
  } else {
    static constexpr std::array<std::string_view, 3> kRules = {"bad_json", "not_an_object", "bad_type"};
    CheckError(counts, "counts", kRules);
  }

  if (const std::size_t eq = text.find('='); eq != std::string_view::npos && size < 256) {
    ScoringSettings settings;
    const Status applied = ApplySetting(settings, text.substr(0, eq), text.substr(eq + 1));
    if (applied) (void)SettingsToJson(settings);
    else FUZZ_CHECK(applied.error().rule == "unknown_setting" || applied.error().rule == "bad_value", Why(applied));
  }
  return 0;
}
