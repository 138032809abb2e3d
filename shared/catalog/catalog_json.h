// The catalog file: procedures as JSON, for import, export and the shipped sample catalog
// (assets/catalog/catalog.json; every key is documented in assets/catalog/README.md).
//
// File shape:
//   { "format": "motcua-catalog", "version": 1, "about": {...}, "procedures": [ {...}, ... ] }
// A bare array of procedures is accepted too. Values on disk: durations as "3wd"/"8wh"/"15d"/"1m"
// (calendar/duration.h), money as whole-đồng integers (`amount_vnd`), dates as "YYYY-MM-DD",
// null for "not recorded" (processing.standard/online, online_level, postal_allowed, announced_on).
//
// Import guarantees: every string is valid UTF-8 and is normalised to NFC; every procedure passes
// ValidateProcedure; codes are unique. Any failure returns the first error and no procedures.
// Errors name the JSON path in `field` (e.g. "procedures[3].processing.standard") and the
// procedure code in `detail` ("procedure 1.001193: ..."). Rule keys:
//   bad_json              not JSON (detail has the byte offset)              field ""
//   wrong_type            a key holds the wrong JSON type
//   unknown_key           a key this format does not define (catches typos)
//   unsupported_format    "format" is not "motcua-catalog"                    field "format"
//   unsupported_version   "version" is newer than this program reads          field "version"
//   required              code, name, or a component/fee/result name is missing or empty
//   bad_code              code is not d.dddddd
//   bad_duration          not <N>wh / <N>wd / <N>d / <N>m
//   bad_enum              level, subject, online_level, fee channel or collected_when not allowed
//   bad_date              announced_on is not YYYY-MM-DD
//   negative_amount       a fee amount below 0 đồng
//   bad_count             originals/copies below 0
//   no_due_date_with_duration   processing.no_due_date together with a duration
//   bad_utf8, not_nfc     (ValidateProcedure only: text built in code; imports are normalised)
//   duplicate_code        (kConflict) two procedures, or two components of one procedure, share a code
//   file_not_found (kNotFound), file_unreadable (kUnavailable), file_too_large   LoadCatalog*File
//
// Export is canonical: keys in a fixed order, every key written (null/""/[] when empty), two-space
// indentation, UTF-8 unescaped, a final newline. So Parse(Export(x)) == x and Export(Parse(file)) is
// byte-identical to a canonical file (tools/catalog/convert_research.py writes that form).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/procedure.h"
#include "common/result.h"

namespace motcua::catalog {

inline constexpr std::string_view kCatalogFormat = "motcua-catalog";
inline constexpr int kCatalogFormatVersion = 1;
inline constexpr std::uintmax_t kMaxCatalogFileBytes = 64u << 20;  // 64 MiB; the sample is ~0.5 MiB

// One source the catalog's values came from (the "about.sources" list).
struct CatalogSource {
  std::string id;        // "DVCQG", "VL2637", ...; per-procedure `sources` entries start with it
  std::string title;     // what it is: "Quyết định 2637/QĐ-UBND tỉnh Vĩnh Long, 16/11/2025 (...)"
  std::string location;  // where it was read: "owner/repo@commit path" or a URL
  std::string date;      // the date the source shows, as written there
  int procedures = 0;    // how many procedures cite it
  friend bool operator==(const CatalogSource&, const CatalogSource&) = default;
};

// Provenance of a catalog file. All empty for a catalog built in code; then "about" is not written.
struct CatalogAbout {
  std::string title;
  std::string scope;           // what the data covers and does not (e.g. not province-specific)
  std::string generated_by;    // the tool that wrote the file
  std::string generated_from;  // its input (name, record count, hash)
  std::vector<CatalogSource> sources;
  friend bool operator==(const CatalogAbout&, const CatalogAbout&) = default;
};

struct CatalogDocument {
  CatalogAbout about;
  std::vector<Procedure> procedures;  // in file order
  friend bool operator==(const CatalogDocument&, const CatalogDocument&) = default;
};

// Parses a catalog (object or bare array). Errors: see the rule keys above.
Result<CatalogDocument> ParseCatalogDocument(std::string_view json);
Result<std::vector<Procedure>> ParseCatalogJson(std::string_view json);

// Canonical JSON of a catalog. Never fails: invalid UTF-8 (possible only in procedures built in
// code, which ValidateProcedure rejects) is written as U+FFFD.
std::string CatalogDocumentToJson(const CatalogDocument& document);
std::string CatalogToJson(const std::vector<Procedure>& procedures);

// One procedure as a JSON object (the same keys as in a catalog), e.g. for a store column.
// ParseProcedureJson errors name fields without the "procedures[i]." prefix.
std::string ProcedureToJson(const Procedure& procedure);
Result<Procedure> ParseProcedureJson(std::string_view json);

// Reads and parses a catalog file (at most kMaxCatalogFileBytes).
// Errors: kNotFound/"file_not_found", kUnavailable/"file_unreadable", kInvalid/"file_too_large"
// (field "path"), then those of ParseCatalogDocument.
Result<CatalogDocument> LoadCatalogDocumentFile(const std::filesystem::path& path);
Result<std::vector<Procedure>> LoadCatalogFile(const std::filesystem::path& path);

// Checks the invariants listed in procedure.h plus the enumerations and NFC text. Fields are
// relative to the procedure ("components[2].code"); the first failure is returned.
Status ValidateProcedure(const Procedure& procedure);

// Stable names used in the JSON ("commune", "partial", ...) and their inverses.
const char* LevelName(Level level);
const char* OnlineLevelName(OnlineLevel level);
Result<Level> ParseLevel(std::string_view name, std::string_view field = "level");
Result<OnlineLevel> ParseOnlineLevel(std::string_view name, std::string_view field = "online_level");

}  // namespace motcua::catalog
