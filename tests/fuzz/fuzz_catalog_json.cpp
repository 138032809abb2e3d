// catalog::ParseCatalogDocument, ParseCatalogJson and ParseProcedureJson (catalog/catalog_json.h).
// The header's contract, checked on every success:
//   - every procedure passes ValidateProcedure and the codes are unique;
//   - export is canonical: Parse(Export(x)) == x, and Export of that is byte-identical;
//   - ParseCatalogJson reads the same procedures ParseCatalogDocument does (or fails the same way).
// Failures must be kInvalid, or kConflict/"duplicate_code", with a rule key.
#include <set>

#include "catalog/catalog_json.h"
#include "fuzz_check.h"

namespace {

using motcua::fuzz::Why;

template <class R>
void CheckError(const R& r) {
  using motcua::ErrorCode;
  const auto& e = r.error();
  FUZZ_CHECK(!e.rule.empty(), Why(r));
  FUZZ_CHECK(e.code == ErrorCode::kInvalid || (e.code == ErrorCode::kConflict && e.rule == "duplicate_code"), Why(r));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  using namespace motcua::catalog;
  const std::string_view text = fuzz::AsText(data, size);

  const auto doc = ParseCatalogDocument(text);
  const auto procedures = ParseCatalogJson(text);
  FUZZ_CHECK(doc.has_value() == procedures.has_value(), Why(doc) + " vs " + Why(procedures));
  if (doc) {
    FUZZ_CHECK(doc->procedures == *procedures, "ParseCatalogJson read other procedures");
    std::set<std::string> codes;
    for (const Procedure& p : doc->procedures) {
      const Status valid = ValidateProcedure(p);
      FUZZ_CHECK(valid.has_value(), Why(valid));
      FUZZ_CHECK(codes.insert(p.code).second, "duplicate code " + p.code);
    }
    const std::string exported = CatalogDocumentToJson(*doc);
    const auto again = ParseCatalogDocument(exported);
    FUZZ_CHECK(again.has_value(), exported + " -> " + Why(again));
    FUZZ_CHECK(*again == *doc, "Parse(Export(x)) != x:\n" + exported);
    FUZZ_CHECK(CatalogDocumentToJson(*again) == exported, "export not canonical:\n" + exported);
  } else {
    CheckError(doc);
  }

  const auto procedure = ParseProcedureJson(text);
  if (procedure) {
    const Status valid = ValidateProcedure(*procedure);
    FUZZ_CHECK(valid.has_value(), Why(valid));
    const std::string exported = ProcedureToJson(*procedure);
    const auto again = ParseProcedureJson(exported);
    FUZZ_CHECK(again.has_value(), exported + " -> " + Why(again));
    FUZZ_CHECK(*again == *procedure, "ParseProcedureJson(ProcedureToJson(x)) != x:\n" + exported);
    FUZZ_CHECK(ProcedureToJson(*again) == exported, "export not canonical:\n" + exported);
  } else {
    CheckError(procedure);
  }
  return 0;
}
