// A real counter station for view-model tests: a fresh data directory initialised like `motcua init`
// (settings, the shipped sample catalog of 107 real procedures plus the fictional 9.999xxx test
// procedures of tests/support/fixtures.h), real accounts through the auth module (argon2id at its
// cheapest cost, so tests stay fast), opened with ui::OpenStation. Nothing is mocked: actions go
// through the core into SQLite, PDFs are rendered by cairo, scans come from SANE's test backend.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "support/fixtures.h"
#include "ui_model/auth.h"
#include "ui_model/counter_app.h"
#include "ui_model/offline_station.h"
#include "ui_model/station.h"

namespace motcua::ui::testing {

// Accounts every fixture has (password kPassword for all).
inline constexpr const char* kPassword = "Mk@2026-counter";
inline constexpr const char* kAdmin = "quan.tri";           // admin
inline constexpr const char* kOfficer = "nguyen.van.an";    // officer, no unit
inline constexpr const char* kUnitOfficer = "tran.thi.binh";  // officer of "Sở Tư pháp"
inline constexpr const char* kPostal = "le.van.cuong";      // postal
inline constexpr const char* kSupervisor = "pham.thi.dung"; // supervisor

// A CCCD QR of a fictional citizen (the layout of codes/cccd.h; consistent with its ID: province 001,
// female born in the 1900s, 1990).
inline constexpr const char* kCccdQr =
    "001190012345|012345678|Nguyễn Thị Hồng Nhung|01011990|Nữ|Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội|15042021";

// Points SANE at its virtual `test` scanner (a temp SANE_CONFIG_DIR with dll.conf = "test"); libsane
// reads the variable once per process, so call this before anything scans. Returns why scanning
// cannot be tested here ("" when it can).
std::string UseSaneTestBackend();

struct StationFixture {
  motcua::testing::TempDir dir;
  std::unique_ptr<Station> station;
  std::unique_ptr<StoreAuthenticator> auth;
  FixedClock clock{FromUnixSeconds(0)};
  CounterModel model;

  CounterBackend Backend() { return {auth.get(), station.get(), clock.Now()}; }
  // Applies an action at the clock's time; returns its status.
  Status Do(const CounterAction& action) { return ApplyCounterAction(model, Backend(), action); }
  // Signs `user` in (fails the test if it cannot).
  void SignIn(const std::string& user);
  // Finishes running jobs (scans, prints) at the clock's time; fails the test after 60 s.
  void Wait();
  // Journal events so far (to check that a refused action wrote nothing).
  std::int64_t JournalCount();
  std::int64_t DossierCount();
};

// 2026-03-12 08:30 Vietnam time (a Thursday) unless told otherwise. With `center` (a PostgreSQL connection
// string) the data goes to that center database and the station opens through OpenCounterStation
// (offline_station.h) with the data directory as its own, and station-1 has offline slot 9.
std::unique_ptr<StationFixture> MakeStation(const char* local_now = "2026-03-12 08:30", const std::string& center = "");

// Receives a complete dossier of `procedure_code` for the fixture's citizen, through the intake actions
// (CCCD scan, procedure, every missing paper marked shown), and returns its code.
std::string ReceiveThroughIntake(StationFixture& f, const std::string& procedure_code);

}  // namespace motcua::ui::testing
