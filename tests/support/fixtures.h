// Test fixtures shared by the core's tests: a temporary directory, a procedure catalog built in code,
// a desk over a fresh SQLite store with the real calendar files, and a way to run the real CLI.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/working_calendar.h"
#include "catalog/procedure.h"
#include "store/store.h"
#include "support/test_database.h"
#include "workflow/desk.h"

namespace motcua::testing {

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// "YYYY-MM-DD HH:MM" in Vietnam time → Instant; aborts the test on a bad literal.
Instant At(const char* local);

// Procedures for intake tests. ResidenceProcedure is the real "1.004222 Đăng ký thường trú" with its
// published duration (7 working days), its components shortened to three. The others are fictional,
// with codes in a range the national catalog does not use (9.999xxx), for rules the real data lacks:
// a working-hours duration with a fee, and no due date.
catalog::Procedure ResidenceProcedure();   // "1.004222", 7wd, TP1 + TP2 required, TP3 optional
catalog::Procedure HoursProcedure();       // "9.999001", 8wh, fee 10,000 VND, one paper result
catalog::Procedure NoDueDateProcedure();   // "9.999002", no due date

// A desk over a new SQLite store in `dir`, with the real calendar and the two procedures above.
struct TestDesk {
  std::unique_ptr<store::Store> store;
  std::optional<calendar::WorkingCalendar> calendar;  // always set by MakeTestDesk
  workflow::Desk desk;
  workflow::Actor officer{"can.bo.a", workflow::Role::kOfficer, "station-1"};
  std::size_t setup_events = 0;  // events the set-up journaled (loading the procedures), before any test's
  std::string location;  // what store::Open takes for this database (a file, or a connection string)
  // Another connection to the same database, as a second station's (SQLite's file or the same schema).
  std::function<Result<std::unique_ptr<store::Store>>()> open_another;
};
std::unique_ptr<TestDesk> MakeTestDesk(const std::filesystem::path& dir, workflow::DeskSettings settings = {});

// Runs `body` in a write transaction and journals one "test.write" event after it, as every real change
// journals its own (store.h: a transaction that writes without an event is refused).
Status WriteJournaled(store::Store& store, const std::function<Status(store::WriteTx&)>& body);

// A minimal valid intake for `procedure_code` from a fictional applicant.
workflow::IntakeRequest SampleIntake(const std::string& procedure_code = "1.004222");

// A tiny tmpfs mounted for the test's life, to make a disk fill up for real. Needs root and a
// kernel that allows the mount; otherwise mounted() is false and why_not() says why (tests skip).
class TinyFilesystem {
 public:
  explicit TinyFilesystem(int size_kib);
  ~TinyFilesystem();
  bool mounted() const { return mounted_; }
  const std::string& why_not() const { return why_not_; }
  const std::filesystem::path& path() const { return dir_.path(); }

 private:
  TempDir dir_;
  bool mounted_ = false;
  std::string why_not_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs build/bin/motcua with `args` (no shell, standard input /dev/null), capturing stdout and stderr.
CommandResult RunCli(const std::vector<std::string>& args);

// The administrator PrepareCliStation creates, and its password.
inline constexpr const char* kCliAdmin = "admin";
inline constexpr const char* kCliPassword = "Mật-khẩu-thử-2026";

// A station for CLI tests, as a center sets one up: `motcua init --demo` at `db` (a demo database, so tests
// may fix the clock with --now `now`; `extra_init_args` are added; with `now` empty, a real database at
// real time instead), the cheapest argon2id cost, and the administrator kCliAdmin created as on a first
// run. Sets $MOTCUA_PASSWORD in this process, so every
// writing verb a test runs with `--as admin` signs in. Adds a test failure and returns false on error.
bool PrepareCliStation(const std::filesystem::path& db, const std::string& now,
                       const std::vector<std::string>& extra_init_args = {});

// Where a CLI test's station keeps its database: a SQLite file, or a center's PostgreSQL database (a
// connection string) with the station's data directory holding its keys, anchor and files.
struct CliStation {
  std::string db;                      // what --db takes
  std::filesystem::path data_dir;      // what --data-dir takes
  std::optional<TestDatabase> database;  // PostgreSQL: the schema (for tests that reach behind the CLI)
  std::vector<std::string> Args() const { return {"--db", db, "--data-dir", data_dir.string()}; }
};
// A station in `dir` on the engine MOTCUA_TEST_BACKEND names (test_database.h): SQLite <dir>/motcua.db,
// or a fresh schema of the test process's PostgreSQL server with `dir` as its data directory.
// Adds a test failure and returns a station with an empty db on error.
CliStation MakeCliStation(const std::filesystem::path& dir);
// PrepareCliStation on either engine.
bool PrepareCliStation(const CliStation& station, const std::string& now,
                       const std::vector<std::string>& extra_init_args = {});
// Runs any program found on PATH (argv[0]) with `argv`, no shell.
CommandResult RunCommand(const std::vector<std::string>& argv);

// A small valid one-page PDF (hand-written objects with a correct xref table).
std::string TinyPdf(int pages = 1);

}  // namespace motcua::testing
