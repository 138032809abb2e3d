// Opening a station and its settings: the devices of this station and the center's hours profile,
// each change journaled, bad values refused at their field.
#include "ui_model/station.h"

#include <gtest/gtest.h>

#include "ui_model/settings_view.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

TEST(OpenStation, MissingDatabaseSaysToRunInit) {
  motcua::testing::TempDir dir;
  Result<std::unique_ptr<Station>> s = OpenStation({.data_dir = dir.path(), .assets_dir = MOTCUA_ASSETS_DIR});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "db");
  EXPECT_EQ(s.error().rule, "database_missing");
}

TEST(OpenStation, ReadsTheCentersSettingsAndTheCatalog) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  const Station& s = *f->station;
  EXPECT_EQ(s.desk.settings.agency_id, "000.00.00.H56");
  EXPECT_EQ(s.calendar_profile, "default");
  EXPECT_GE(s.procedures.size(), 109u);  // 107 real + 2 test procedures
  ASSERT_NE(s.FindProcedure("1.004222"), nullptr);
  EXPECT_EQ(s.FindProcedure("1.004222")->name, "Đăng ký thường trú");
  EXPECT_EQ(s.FindProcedure("0.000000"), nullptr);
  EXPECT_EQ(s.devices.scan_dpi, 200);
  EXPECT_EQ(s.devices.printer_queue, "");
  EXPECT_EQ(s.FormsDir(), f->dir.path() / "forms");
}

TEST(SaveDeviceSettings, StoresPerStationJournalsAndSurvivesAReopen) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  f->SignIn(testing::kOfficer);
  DeviceSettings d = f->station->devices;
  d.name = "Quầy 3";
  d.printer_queue = "quay3-a5";
  d.scan_dpi = 300;
  d.scan_source = "adf";
  EXPECT_EQ(d.scanner_mode, "wedge");  // the default
  d.scanner_mode = "serial";
  d.scanner_path = " /dev/serial/by-id/usb-Scanner-if00 ";
  d.scanner_baud = 115200;
  const std::int64_t events = f->JournalCount();
  ASSERT_TRUE(f->Do(SaveDevices{d}).has_value());
  EXPECT_EQ(f->JournalCount(), events + 1);
  EXPECT_EQ(f->model.station_name, "Quầy 3");
  Result<std::unique_ptr<Station>> again = OpenStation({.data_dir = f->dir.path(), .assets_dir = MOTCUA_ASSETS_DIR});
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ((*again)->devices.printer_queue, "quay3-a5");
  EXPECT_EQ((*again)->devices.scan_dpi, 300);
  EXPECT_EQ((*again)->devices.scan_source, "adf");
  EXPECT_EQ((*again)->devices.scanner_mode, "serial");
  EXPECT_EQ((*again)->devices.scanner_path, "/dev/serial/by-id/usb-Scanner-if00");
  EXPECT_EQ((*again)->devices.scanner_baud, 115200);
  // Another station keeps its own devices.
  Result<std::unique_ptr<Station>> other =
      OpenStation({.data_dir = f->dir.path(), .assets_dir = MOTCUA_ASSETS_DIR, .station_id = "station-2"});
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ((*other)->devices.printer_queue, "");
}

TEST(SaveDeviceSettings, BadValuesAreRefusedAtTheirField) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  f->SignIn(testing::kOfficer);
  const std::int64_t events = f->JournalCount();
  struct Case {
    DeviceSettings d;
    const char* field;
    const char* rule;
  };
  DeviceSettings base = f->station->devices;
  Case cases[] = {{base, "scan_dpi", "out_of_range"},
                  {base, "print_wait_ms", "out_of_range"},
                  {base, "printer_queue", "bad_queue_name"},
                  {base, "scan_source", "bad_value"},
                  {base, "scanner_mode", "bad_value"},
                  {base, "scanner_path", "missing"},
                  {base, "scanner_path", "not_absolute"},
                  {base, "scanner_baud", "bad_baud"},
                  {base, "scanner_path", "missing"}};
  cases[0].d.scan_dpi = 50;
  cases[1].d.print_wait_ms = -1;
  cases[2].d.printer_queue = "máy in/quầy 3";
  cases[3].d.scan_source = "camera";
  cases[4].d.scanner_mode = "hid";  // unknown: refused, never silently taken for "wedge"
  cases[5].d.scanner_mode = "serial";
  cases[5].d.scanner_path = "  ";
  cases[6].d.scanner_mode = "serial";
  cases[6].d.scanner_path = "ttyACM0";
  cases[7].d.scanner_mode = "serial";
  cases[7].d.scanner_path = "/dev/ttyACM0";
  cases[7].d.scanner_baud = 9601;
  cases[8].d.scanner_mode = "evdev";  // a HID scanner's own device needs its path too (its baud is not read)
  cases[8].d.scanner_baud = 9601;
  for (const Case& c : cases) {
    Status s = f->Do(SaveDevices{c.d});
    ASSERT_FALSE(s.has_value()) << c.field;
    EXPECT_EQ(s.error().field, c.field);
    EXPECT_EQ(s.error().rule, c.rule);
    SettingsView v = MakeSettingsView(f->model, *f->station);
    EXPECT_EQ(v.error_field, c.field);
    EXPECT_EQ(v.error_text.find('['), std::string::npos) << v.error_text;
  }
  EXPECT_EQ(f->JournalCount(), events);
}

// A code scanner of its own device: what the shell's banner and the settings screen say of it.
TEST(ScannerDevice, TheBannerSaysWhatIsWrongAndTheSettingsItsState) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  f->SignIn(testing::kOfficer);
  ScannerDeviceModel& d = f->model.scanner_device;
  EXPECT_EQ(ScannerBanner(d, Lang::kVi), "");  // a wedge only: nothing to say
  EXPECT_EQ(MakeSettingsView(f->model, *f->station).code_scanner_state, "");

  d.path = "/dev/ttyACM0";
  EXPECT_EQ(ScannerBanner(d, Lang::kVi), "");
  EXPECT_EQ(MakeSettingsView(f->model, *f->station).code_scanner_state, "Đã kết nối /dev/ttyACM0.");
  d.error = NotFound("path", "no_device", "/dev/ttyACM0: open: No such file or directory");
  EXPECT_EQ(ScannerBanner(d, Lang::kVi),
            "Không thấy máy quét mã /dev/ttyACM0; cắm máy quét vào (máy đang chờ), hoặc sửa đường dẫn trong Cài đặt.");
  EXPECT_EQ(MakeShellView(f->model, f->clock.Now()).banner, ScannerBanner(d, Lang::kVi));
  EXPECT_EQ(MakeShellView(f->model, f->clock.Now()).banner_tone, Tone::kWarning);
  EXPECT_EQ(MakeSettingsView(f->model, *f->station).code_scanner_state, ScannerBanner(d, Lang::kVi));
  // The scan just refused is said first: it is what the officer just did.
  d.refused = Invalid("scan", "bad_utf8", "35 bytes");
  EXPECT_EQ(ScannerBanner(d, Lang::kEn),
            "The code scanner sent text that is not UTF-8, so it was dropped; set the scanner to UTF-8 and scan again.");
  // A rule without its own sentence still says something true, never a bracketed key.
  d.refused.reset();
  d.error = Unavailable("path", "some_new_rule", "");
  EXPECT_EQ(ScannerBanner(d, Lang::kEn),
            "The code scanner /dev/ttyACM0 reports a device error; unplug and replug it, or tell the administrator.");
  d.error.reset();
  EXPECT_EQ(MakeShellView(f->model, f->clock.Now()).banner, "");
}

TEST(SaveCalendarProfile, OnlyAdministratorsAndOnlyKnownProfiles) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  f->SignIn(testing::kOfficer);
  EXPECT_FALSE(MakeSettingsView(f->model, *f->station).can_manage_calendar);
  Status s = f->Do(SaveCalendarProfileChoice{"saturday-morning"});
  EXPECT_EQ(s.error().rule, "not_allowed");
  ASSERT_TRUE(f->Do(SignOut{}).has_value());
  f->SignIn(testing::kAdmin);
  EXPECT_TRUE(MakeSettingsView(f->model, *f->station).can_manage_calendar);
  s = f->Do(SaveCalendarProfileChoice{"no-such-profile"});
  EXPECT_EQ(s.error().rule, "unknown_profile");
  EXPECT_EQ(f->station->calendar_profile, "default");
  ASSERT_TRUE(f->Do(SaveCalendarProfileChoice{"saturday-morning"}).has_value());
  EXPECT_EQ(f->station->calendar_profile, "saturday-morning");
  // Saturday morning is working time now.
  EXPECT_TRUE(calendar::IsWorkingDay(*f->station->calendar, LocalDateVn(motcua::testing::At("2026-03-14 09:00"))));
}

}  // namespace
}  // namespace motcua::ui
