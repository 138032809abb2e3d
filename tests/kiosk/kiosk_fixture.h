// A kiosk over a real station (tests/ui_model/station_fixture.h): SQLite, the sample catalog, a dossier
// received at the counter by an officer through the intake actions, and its real receipt token.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ui_model/kiosk_app.h"
#include "ui_model/kiosk_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui::testing {

// The fixture's citizen, as the CCCD QR (kCccdQr) fills the applicant.
inline constexpr const char* kCitizenName = "Nguyễn Thị Hồng Nhung";
inline constexpr const char* kCitizenId = "001190012345";

struct KioskFixture {
  std::unique_ptr<StationFixture> counter;  // the station the officer received the dossier at
  KioskSettings settings;
  KioskModel model;
  std::string code;   // the dossier received (procedure 9.999001: 8 working hours, a 10,000 VND fee)
  std::string token;  // its receipt QR token
  std::string secret;
  std::vector<queue::PriorityGroup> groups;   // assets/queue/priority_groups.json
  KioskBackend::TicketPrinter print_ticket;   // default: PDFs in tickets_dir
  motcua::testing::TempDir tickets_dir;

  KioskBackend Backend();
  Status Do(const KioskAction& action) { return ApplyKioskAction(model, Backend(), action); }
  // Moves the clock by `seconds` and ticks with no input.
  bool IdleFor(int seconds);
  // Types `keys` on the on-screen keyboard into the focused field (Telex on a letters field).
  void Type(std::string_view keys);
  // Every string of every view of the current model, in both languages (what could reach the screen).
  std::vector<std::string> EveryViewString();
};

std::unique_ptr<KioskFixture> MakeKiosk(const std::string& procedure_code = "9.999001");

// A key of the on-screen keyboard.
OskKey CharKey(char32_t c);
OskKey Key(OskKeyKind kind);

}  // namespace motcua::ui::testing
