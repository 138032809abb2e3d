#include "kiosk/kiosk_fixture.h"

#include <gtest/gtest.h>

#include "codes/receipt_token.h"
#include "print/escpos.h"

namespace motcua::ui::testing {
namespace {

void Add(std::vector<std::string>& out, const std::string& s) {
  if (!s.empty()) out.push_back(s);
}
void AddChrome(std::vector<std::string>& out, const KioskChrome& c) {
  for (const std::string* s : {&c.center_name, &c.title, &c.message, &c.spoken, &c.idle_hint}) Add(out, *s);
}
void AddBox(std::vector<std::string>& out, const KioskTextBox& b) {
  Add(out, b.label);
  Add(out, b.text);
}
void AddTiles(std::vector<std::string>& out, const std::vector<KioskTile>& tiles) {
  for (const KioskTile& t : tiles) {
    Add(out, t.label);
    Add(out, t.detail);
  }
}

void AddViews(std::vector<std::string>& out, const KioskModel& m, const KioskBackend& b) {
  {
    const KioskHomeView v = MakeKioskHomeView(m, b);
    AddChrome(out, v.chrome);
    AddTiles(out, v.tiles);
  }
  {
    const KioskCheckView v = MakeKioskCheckView(m, b);
    AddChrome(out, v.chrome);
    AddBox(out, v.code);
    AddBox(out, v.secret);
  }
  {
    const KioskStatusView v = MakeKioskStatusView(m, b);
    AddChrome(out, v.chrome);
    for (const std::string* s : {&v.code_line, &v.procedure, &v.applicant, &v.state_label, &v.due_line, &v.late_line})
      Add(out, *s);
    for (const std::string& s : v.next_lines) Add(out, s);
    for (const KioskTimelineRow& r : v.timeline) Add(out, r.what);
    for (const KioskFeeRow& f : v.fees) Add(out, f.name);
  }
  {
    const KioskRateView v = MakeKioskRateView(m, b);
    AddChrome(out, v.chrome);
    Add(out, v.code_line);
    AddBox(out, v.comment);
  }
  {
    const KioskPostalView v = MakeKioskPostalView(m, b);
    AddChrome(out, v.chrome);
    for (const KioskTextBox& box : v.boxes) AddBox(out, box);
  }
  {
    const KioskPayView v = MakeKioskPayView(m, b);
    AddChrome(out, v.chrome);
    for (const std::string* s : {&v.qr_payload, &v.amount_line, &v.purpose_line, &v.note}) Add(out, *s);
  }
  {
    const KioskSearchView v = MakeKioskSearchView(m, b);
    AddBox(out, v.box);
  }
  {
    const KioskThanksView v = MakeKioskThanksView(m, b);
    Add(out, v.text);
  }
  {
    const KioskQueueAreasView v = MakeKioskQueueAreasView(m, b);
    AddChrome(out, v.chrome);
    AddTiles(out, v.tiles);
    const KioskQueuePriorityView p = MakeKioskQueuePriorityView(m, b);
    AddTiles(out, p.groups);
    for (const std::string* s : {&p.area_line, &p.question, &p.note}) Add(out, *s);
    const KioskTicketView t = MakeKioskTicketView(m, b);
    for (const std::string* s : {&t.number, &t.area_line, &t.priority_line, &t.ahead_line, &t.wait_line,
                                 &t.printed_line, &t.chrome.spoken})
      Add(out, *s);
  }
}

}  // namespace

OskKey CharKey(char32_t c) {
  OskKey k;
  k.kind = c == U' ' ? OskKeyKind::kSpace : OskKeyKind::kChar;
  k.ch = c;
  return k;
}

OskKey Key(OskKeyKind kind) {
  OskKey k;
  k.kind = kind;
  return k;
}

KioskBackend KioskFixture::Backend() {
  StationFixture& f = *counter;
  return {.store = f.station->store.get(),
          .desk = &f.station->desk,
          .procedures = &f.station->procedures,
          .index = &f.station->catalog_index,
          .settings = settings,
          .actor = {"kiosk@kiosk-1", workflow::Role::kKiosk, "kiosk-1"},
          .now = f.clock.Now(),
          .priority_groups = &groups,
          .print_ticket = print_ticket};
}

bool KioskFixture::IdleFor(int seconds) {
  counter->clock.Set(counter->clock.Now() + std::chrono::seconds(seconds));
  return TickKiosk(model, Backend(), false);
}

void KioskFixture::Type(std::string_view keys) {
  for (char c : keys) ASSERT_TRUE(Do(PressKey{CharKey(static_cast<unsigned char>(c))}).has_value());
}

std::vector<std::string> KioskFixture::EveryViewString() {
  std::vector<std::string> out;
  const Lang keep = model.citizen.lang;
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    model.citizen.lang = lang;
    AddViews(out, model, Backend());
  }
  model.citizen.lang = keep;
  return out;
}

std::unique_ptr<KioskFixture> MakeKiosk(const std::string& procedure_code) {
  auto k = std::make_unique<KioskFixture>();
  k->counter = MakeStation();
  k->counter->SignIn(kOfficer);
  k->code = ReceiveThroughIntake(*k->counter, procedure_code);
  EXPECT_FALSE(k->code.empty());
  auto d = k->counter->station->store->GetDossier(k->code);
  EXPECT_TRUE(d.has_value() && d->has_value());
  if (d && *d) {
    auto token = workflow::ReceiptTokenFor(k->counter->station->desk, **d);
    EXPECT_TRUE(token.has_value());
    if (token) k->token = *token;
    k->secret = (*d)->lookup_secret;
  }
  auto groups = queue::LoadPriorityGroups(MOTCUA_ASSETS_DIR);
  EXPECT_TRUE(groups.has_value());
  if (groups) k->groups = *groups;
  const std::string dir = k->tickets_dir.path().string();
  k->print_ticket = [dir](const print::TicketSlip& slip, const std::string& stem) {
    print::TicketPrintOptions options;
    options.pdf_file_name = stem;
    return print::PrintTicket({print::PrinterKind::kPdf, "", 0, dir}, slip, options);
  };
  k->model = MakeKioskModel(k->Backend());
  return k;
}

}  // namespace motcua::ui::testing
