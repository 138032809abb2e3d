// What most CLI verbs need: the store, the calendar, the status map and the desk settings, opened
// from the global options. The database (--db) is a SQLite file or a center's PostgreSQL database (a
// postgresql:// URL or libpq key=value words, store::IsCenterLocation). The center key and the file
// store live in the database's directory (DbDir): beside a SQLite file, <db dir>/center.key and
// <db dir>/files/; for a center database, the station's data directory (--data-dir), which also holds
// the center's chain key and this station's anchor (store.h OpenOptions::files_dir).
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

// The sample defaults `init` writes are workflow's (desk_settings.h kDefault*: one loader, one set of
// defaults). The agency identifier is a placeholder in the QCVN 102 shape: the real identifier of the
// receiving agency was NOT FOUND (domain.md §4.4); set it with `motcua init --agency`.

// "true" on a database created for demos and tests (`motcua init --demo`), the only kind on which --now
// and a dossier file's own received_at are accepted. Written once, at creation; sealed like every setting.
inline constexpr const char* kDemoDatabaseSetting = "demo_database";

struct Session {
  std::unique_ptr<store::Store> store;
  std::optional<calendar::WorkingCalendar> calendar;  // set by OpenSession
  dossier::StatusMap status_map;
  workflow::Desk desk;
  workflow::Actor actor;   // set by OpenSessionAs: the signed-in account
  bool is_demo = false;    // kDemoDatabaseSetting
};

// True when --db names a center's PostgreSQL database rather than a SQLite file.
bool IsCenter(const Context& ctx);
// The database as messages name it: the file's path, or "the center database on HOST:PORT,... (DBNAME)".
// Never the connection string itself, which may hold a password.
std::string DatabaseName(const Context& ctx);
// The SQLite file's folder, or ctx.data_dir for a center database.
std::filesystem::path DbDir(const Context& ctx);
std::filesystem::path CenterKeyPath(const Context& ctx);
std::filesystem::path FilesRoot(const Context& ctx);

// Opens the database --db names, for every verb. Without `create`, a database that does not exist yet is
// kNotFound/"database_missing" on "db" (run `motcua init`): no file; for a center, no motcua schema
// (the store's "schema_missing") or an empty journal. With `create` (init), a missing one is created
// empty: the file, or the schema when the role connecting owns the center database.
// Errors: those, and the store's.
Result<std::unique_ptr<store::Store>> OpenDatabase(const Context& ctx, bool create);

// Opens an initialised database. Errors: kNotFound/"database_missing" (run `motcua init`), and those
// of the store, the calendar files and the status map.
Result<std::unique_ptr<Session>> OpenSession(const Context& ctx);

// For verbs that change data: OpenSession, then signs ctx.as in (SignIn). Errors: OpenSession's,
// SignIn's.
Result<std::unique_ptr<Session>> OpenSessionAs(Context& ctx);

// Signs ctx.as in at `store` as a counter would (auth::Login: argon2id, lockout, one journal event per
// attempt) and returns the actor. Errors: ("as", "required") without --as; ("now", "not_a_demo_database")
// when --now was given and the database is not a demo one; ("password", "required") without a password;
// Login's ("bad_credentials", "account_locked", "account_disabled").
Result<workflow::Actor> SignIn(Context& ctx, store::Store& store);

// True when the store is a demo database (kDemoDatabaseSetting).
Result<bool> IsDemoDatabase(store::Store& store);

// --now on a database that is not a demo one, for a verb that writes. Errors: ("now", "not_a_demo_database").
Status CheckClockOverride(const Context& ctx, store::Store& store);

// One line of standard input, without echo when it is a terminal (prompting on ctx.err first).
// Errors: kInvalid/"required" on `field` at end of input.
Result<std::string> ReadSecretLine(Context& ctx, const std::string& prompt, std::string_view field);

// What `motcua init` creates a database with (cmd_init.cpp).
struct InitOption;
struct InitOptions {
  std::vector<std::pair<const InitOption*, std::string>> given;  // settings given on the command line
  bool demo = false;             // --demo: made for demos and tests (kDemoDatabaseSetting)
  bool no_catalog = false;       // --no-catalog: no sample catalog
  bool change_identity = false;  // --change-identity: an administrator asks to change the agency id or key
};

// Creates a new database at ctx.db_path, all or nothing (cmd_init.cpp says how); on a center, writes the
// initial state into its empty database. Errors: ("now", "not_a_demo_database"); kConflict ("db",
// "created_meanwhile") when another process created it (or wrote a center database's first events) first;
// the store's.
Status CreateDatabase(const Context& ctx, const InitOptions& options);

// Reads a whole regular file of at most `max_bytes` (common/files.h ReadRegularFile). A path given on the
// command line that cannot be read is bad input: kInvalid/"cannot_read", "not_a_regular_file", "too_large".
Result<std::string> ReadFile(const std::filesystem::path& path, std::string_view field, std::int64_t max_bytes);

}  // namespace motcua::cli
