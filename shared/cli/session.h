// What most CLI verbs need: the store, the calendar, the status map and the desk settings, opened
// from the global options. The center key and the file store live beside the database:
// <db dir>/center.key and <db dir>/files/.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "calendar/working_calendar.h"
#include "cli/cli.h"
#include "dossier/lifecycle.h"
#include "store/store.h"
#include "workflow/desk.h"

namespace motcua::cli {

// The sample defaults `init` writes. The agency identifier is a placeholder in the QCVN 102 shape:
// the real identifier of the receiving agency was NOT FOUND (domain.md §4.4); set it with
// `motcua init --agency`.
inline constexpr const char* kSampleAgencyId = "000.00.00.X00";
inline constexpr const char* kSampleAgencyName = "UBND TỈNH TUYÊN QUANG";
inline constexpr const char* kSampleReceivingUnit = "Trung tâm Phục vụ hành chính công tỉnh";

struct Session {
  std::unique_ptr<store::Store> store;
  std::optional<calendar::WorkingCalendar> calendar;  // set by OpenSession
  dossier::StatusMap status_map;
  workflow::Desk desk;
  workflow::Actor actor;
};

std::filesystem::path DbDir(const Context& ctx);
std::filesystem::path CenterKeyPath(const Context& ctx);
std::filesystem::path FilesRoot(const Context& ctx);

// Opens an initialised database. Errors: kNotFound/"database_missing" (run `motcua init`), and those
// of the store, the calendar files and the status map.
Result<std::unique_ptr<Session>> OpenSession(const Context& ctx);

// Reads a whole file. Errors: kInvalid/"cannot_read" naming `field` (a path given on the command line
// that cannot be read is bad input).
Result<std::string> ReadFile(const std::filesystem::path& path, std::string_view field);

}  // namespace motcua::cli
