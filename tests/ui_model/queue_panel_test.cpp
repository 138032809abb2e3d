// The counter's queue call panel (issue 14, section "Counter") over a real station and the real queue
// core: the queue_counter device setting, the panel shown only to receiving officers at a station with
// a counter, next / recall / no-show / transfer / finish changing the store as queue/queue.h says,
// counts refreshed at most every 2 s and at once after an action, dossiers received while serving
// linked to the ticket at "Xong" and at "Gọi số tiếp theo", and a ticket's QR scanned at the counter.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "queue/areas.h"
#include "queue/queue.h"
#include "ui_model/counter_app.h"
#include "ui_model/intake_view.h"
#include "ui_model/settings_view.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

using queue::TicketState;

// Monday 2026-12-07, 08:30 Vietnam time: the day the tickets below are taken.
constexpr const char* kToday = "2026-12-07 08:30";

class QueuePanelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = testing::MakeStation(kToday);
    ASSERT_NE(f, nullptr);
    // A: every counter calls it; B: only counter 7 (the land desk); C: counter 5 names it.
    AddArea({"A", "Tiếp nhận chung", "General intake"});
    AddArea({"B", "Đất đai - Xây dựng", "Land and construction", "land", {}, {}, {"7"}});
    AddArea({"C", "Tư pháp - Hộ tịch", "Justice and civil status", "", {}, {}, {"5"}, 1, 3});
  }

  void AddArea(queue::Area a) {
    auto saved = queue::SaveArea(Store(), admin, a, f->clock.Now());
    ASSERT_TRUE(saved.has_value()) << saved.error().Describe();
  }
  store::Store& Store() { return *f->station->store; }
  CounterModel& model() { return f->model; }
  void Tick() { TickCounter(f->model, f->Backend(), false); }

  // The officer sets this station's queue counter on the settings screen.
  void SetCounter(const std::string& counter) {
    DeviceSettings d = f->station->devices;
    d.queue_counter = counter;
    Status s = f->Do(SaveDevices{d});
    ASSERT_TRUE(s.has_value()) << s.error().Describe();
  }
  std::string Take(const std::string& area, const std::string& priority = "") {
    auto t = queue::TakeTicket(Store(), kiosk, {area, priority}, groups, f->clock.Now());
    EXPECT_TRUE(t.has_value()) << t.error().Describe();
    return t.has_value() ? t->ticket.label : "";
  }
  queue::Ticket Ticket(const std::string& label) {
    auto t = queue::FindTicket(Store(), LocalDateVn(f->clock.Now()), label);
    EXPECT_TRUE(t.has_value() && t->has_value()) << label;
    return t.has_value() && t->has_value() ? **t : queue::Ticket{};
  }
  std::optional<QueuePanelView> Panel() { return MakeShellView(model(), f->clock.Now()).queue_panel; }
  // An officer signed in at counter 5 with the panel read.
  void OfficerAtCounter5() {
    f->SignIn(testing::kOfficer);
    SetCounter("5");
    Tick();
  }

  std::unique_ptr<testing::StationFixture> f;
  workflow::Actor admin{testing::kAdmin, workflow::Role::kAdmin, "station-1"};
  workflow::Actor kiosk{"kiosk-1", workflow::Role::kKiosk, "kiosk-1"};
  std::vector<queue::PriorityGroup> groups{{"elderly", "Người cao tuổi", "Older people", "", ""}};
};

// ---- the queue_counter setting -------------------------------------------------------------------------

TEST_F(QueuePanelTest, QueueCounterIsStoredTrimmedAndReloadedWithTheStation) {
  f->SignIn(testing::kOfficer);
  SetCounter("  5 ");
  EXPECT_EQ(f->station->devices.queue_counter, "5");
  auto stored = Store().GetSetting("station.station-1.queue_counter");
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  EXPECT_EQ(**stored, "5");
  auto reopened = OpenStation({.data_dir = f->dir.path(), .assets_dir = MOTCUA_ASSETS_DIR});
  ASSERT_TRUE(reopened.has_value()) << reopened.error().Describe();
  EXPECT_EQ((*reopened)->devices.queue_counter, "5");
  // The settings screen offers the field, with its label.
  const SettingsView v = MakeSettingsView(model(), *f->station);
  EXPECT_EQ(v.devices.queue_counter, "5");
  EXPECT_EQ(v.queue_counter_label, "Số quầy gọi số (ví dụ: 5)");
}

TEST_F(QueuePanelTest, QueueCounterOver40BytesOrWithControlCharactersIsRefusedAndChangesNothing) {
  f->SignIn(testing::kOfficer);
  const std::int64_t events = f->JournalCount();
  struct Case {
    std::string counter;
    const char* rule;
  };
  const Case cases[] = {
      {std::string(41, '9'), "too_long"},
      {"Quầy tiếp nhận hồ sơ đất đai số 5 (tầng 2)", "too_long"},  // 47 bytes of UTF-8, 41 characters
      {"5\t6", "control_character"},
      {std::string("5\x7f"), "control_character"},
      {std::string("5\xc3"), "bad_utf8"},
  };
  for (const Case& c : cases) {
    DeviceSettings d = f->station->devices;
    d.queue_counter = c.counter;
    Status s = f->Do(SaveDevices{d});
    ASSERT_FALSE(s.has_value()) << c.counter;
    EXPECT_EQ(s.error().field, "queue_counter") << c.counter;
    EXPECT_EQ(s.error().rule, c.rule) << c.counter;
  }
  EXPECT_EQ(f->JournalCount(), events);
  EXPECT_EQ(f->station->devices.queue_counter, "");
  const SettingsView v = MakeSettingsView(model(), *f->station);
  EXPECT_EQ(v.error_field, "queue_counter");
  EXPECT_EQ(v.error_text, "Số quầy gọi số có ký tự không hợp lệ.");
  // Both ends of the range: 40 bytes and one byte are taken.
  SetCounter(std::string(40, '9'));
  SetCounter("5");
  EXPECT_EQ(f->station->devices.queue_counter, "5");
}

// ---- when the panel shows ------------------------------------------------------------------------------

TEST_F(QueuePanelTest, PanelIsHiddenWithoutAQueueCounter) {
  f->SignIn(testing::kOfficer);
  Tick();
  EXPECT_FALSE(Panel().has_value());
  SetCounter("5");
  Tick();
  ASSERT_TRUE(Panel().has_value());
  EXPECT_EQ(Panel()->counter_text, "Quầy 5");
  EXPECT_EQ(Panel()->idle_text, "Chưa gọi số nào.");
  EXPECT_FALSE(Panel()->has_ticket);
  // Cleared again in the settings: hidden at once.
  SetCounter("");
  EXPECT_FALSE(Panel().has_value());
}

TEST_F(QueuePanelTest, PanelIsHiddenFromARoleThatMayNotReceiveAndTheCoreRefusesItsActions) {
  DeviceSettings d = f->station->devices;
  d.queue_counter = "5";
  ASSERT_TRUE(SaveDeviceSettings(*f->station, admin, d, f->clock.Now()).has_value());
  Take("A");
  f->SignIn(testing::kPostal);
  Tick();
  EXPECT_FALSE(Panel().has_value());
  const std::int64_t events = f->JournalCount();
  // An action that reached the model anyway (a stale frame) is refused.
  Status s = f->Do(CallNextTicket{});
  EXPECT_EQ(s.error().field, "role");
  EXPECT_EQ(s.error().rule, "not_allowed");
  EXPECT_EQ(f->Do(FinishTicket{}).error().rule, "not_allowed");
  EXPECT_EQ(f->Do(TransferTicket{"B"}).error().rule, "not_allowed");
  ASSERT_TRUE(f->Do(ScanReceived{"MCQ:2026-12-07:A001"}).has_value());
  EXPECT_EQ(model().notice_key, "notice.scan_not_for_role") << "the ticket scan is not used either";
  EXPECT_EQ(f->JournalCount(), events);
  EXPECT_EQ(Ticket("A001").state, TicketState::kWaiting);
}

// ---- the buttons -------------------------------------------------------------------------------------

TEST_F(QueuePanelTest, NextRecallNoShowTransferAndFinishChangeTheStoreAsTheCoreSays) {
  Take("A");                    // A001
  Take("A");                    // A002
  Take("B");                    // B001: counter 7's line, never called here
  OfficerAtCounter5();
  ASSERT_TRUE(Panel().has_value());
  EXPECT_EQ(Panel()->waiting_text, "Đang chờ: A 2 · C 0") << "counter 5 calls A (every counter) and C (names it)";

  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  queue::Ticket a1 = Ticket("A001");
  EXPECT_EQ(a1.state, TicketState::kCalled);
  EXPECT_EQ(a1.counter, "5");
  EXPECT_EQ(a1.officer, testing::kOfficer);
  EXPECT_EQ(Panel()->ticket_label, "A001");
  EXPECT_EQ(Panel()->message_text, "Đã gọi số A001.");

  f->clock.Advance(std::chrono::seconds(30));
  ASSERT_TRUE(f->Do(RecallTicket{}).has_value());
  EXPECT_EQ(Ticket("A001").recalls, 1);
  EXPECT_EQ(Panel()->message_text, "Đã gọi lại số A001.");

  ASSERT_TRUE(f->Do(MarkTicketNoShow{}).has_value());
  a1 = Ticket("A001");
  EXPECT_EQ(a1.state, TicketState::kWaiting) << "a first no-show goes back to the end of the line";
  EXPECT_EQ(a1.no_shows, 1);
  EXPECT_FALSE(Panel()->has_ticket);
  EXPECT_EQ(Panel()->message_text, "Số A001 vắng mặt: đưa về cuối hàng chờ.");

  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  EXPECT_EQ(Ticket("A002").state, TicketState::kCalled) << "A001 went behind A002";
  ASSERT_EQ(Panel()->transfer_to.size(), 2u);
  EXPECT_EQ(Panel()->transfer_to[0].area, "B");
  EXPECT_EQ(Panel()->transfer_to[0].label, "B · Đất đai - Xây dựng");
  ASSERT_TRUE(f->Do(TransferTicket{"B"}).has_value());
  const queue::Ticket a2 = Ticket("A002");
  EXPECT_EQ(a2.state, TicketState::kWaiting);
  EXPECT_EQ(a2.area, "B");
  EXPECT_EQ(Panel()->message_text, "Đã chuyển số A002 sang khu vực B.");

  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  EXPECT_EQ(Ticket("A001").state, TicketState::kCalled);
  ASSERT_TRUE(f->Do(FinishTicket{}).has_value());
  a1 = Ticket("A001");
  EXPECT_EQ(a1.state, TicketState::kDone);
  EXPECT_TRUE(a1.dossier_codes.empty());
  EXPECT_EQ(Panel()->message_text, "Đã xong số A001.");

  // Nobody left in A or C (A002 and B001 wait in B, counter 7's line).
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  EXPECT_FALSE(Panel()->has_ticket);
  EXPECT_EQ(Panel()->message_text, "Không còn ai chờ.");
  EXPECT_EQ(Ticket("B001").state, TicketState::kWaiting);

  // The journal holds the core's events, by this officer at this station.
  auto journal = Store().ReadJournal({});
  ASSERT_TRUE(journal.has_value());
  std::vector<std::string> types;
  for (const store::JournalEvent& e : *journal)
    if (e.type.rfind("queue.", 0) == 0 && e.type != "queue.area_saved" && e.type != "queue.taken") {
      types.push_back(e.type);
      EXPECT_EQ(e.actor, testing::kOfficer);
      EXPECT_EQ(e.station, "station-1");
    }
  EXPECT_EQ(types, (std::vector<std::string>{"queue.called", "queue.recalled", "queue.no_show", "queue.called",
                                             "queue.transferred", "queue.called", "queue.finished"}));
}

TEST_F(QueuePanelTest, RefusedActionsAreShownInWordsAndChangeNothing) {
  Take("A");
  OfficerAtCounter5();
  const std::int64_t events = f->JournalCount();
  Status s = f->Do(RecallTicket{});
  EXPECT_EQ(s.error().rule, "nothing_called");
  EXPECT_EQ(Panel()->message_text, "Quầy chưa gọi số nào: bấm Gọi số tiếp theo.");
  EXPECT_EQ(Panel()->message_tone, Tone::kDanger);
  EXPECT_EQ(f->Do(FinishTicket{}).error().rule, "nothing_called");
  EXPECT_EQ(f->Do(MarkTicketNoShow{}).error().rule, "nothing_called");
  EXPECT_EQ(f->JournalCount(), events);

  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  const std::int64_t called = f->JournalCount();
  s = f->Do(TransferTicket{"A"});
  EXPECT_EQ(s.error().field, "area");
  EXPECT_EQ(s.error().rule, "same_area");
  EXPECT_EQ(Panel()->message_text, "Số này đang ở khu vực A rồi.");
  s = f->Do(TransferTicket{"Z"});
  EXPECT_EQ(s.error().rule, "no_such_area");
  EXPECT_EQ(Panel()->message_text, "Không có khu vực Z.");
  EXPECT_EQ(f->JournalCount(), called);
  EXPECT_EQ(Ticket("A001").state, TicketState::kCalled);
  // English, the same refusal.
  ASSERT_TRUE(f->Do(SwitchLanguage{Lang::kEn}).has_value());
  EXPECT_EQ(Panel()->message_text, "There is no area Z.");
  EXPECT_EQ(Panel()->counter_text, "Counter 5");
}

TEST_F(QueuePanelTest, APriorityTicketShowsItsGroupAndHowLongItWaited) {
  Take("A", "elderly");
  OfficerAtCounter5();
  f->clock.Advance(std::chrono::minutes(12) + std::chrono::seconds(40));
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  ASSERT_TRUE(Panel().has_value());
  EXPECT_TRUE(Panel()->is_priority);
  // The group's name as assets/queue/priority_groups.json gives it (the kiosk shows the same).
  EXPECT_EQ(Panel()->ticket_detail, "Ưu tiên: Người cao tuổi (từ đủ 60 tuổi) · đã chờ 12 phút");
  ASSERT_TRUE(f->Do(SwitchLanguage{Lang::kEn}).has_value());
  EXPECT_EQ(Panel()->ticket_detail, "Priority: Older person (60 or over) · waited 12 min");
}

// ---- refreshing ----------------------------------------------------------------------------------------

TEST_F(QueuePanelTest, CountsRefreshAtMostEveryTwoSecondsAndAtOnceAfterAnAction) {
  Take("A");
  Take("A");
  OfficerAtCounter5();
  EXPECT_EQ(Panel()->waiting_text, "Đang chờ: A 2 · C 0");
  Take("C", "elderly");  // a kiosk issues a ticket meanwhile
  for (int frame = 0; frame < 100; ++frame) Tick();  // the same instant: no store read per frame
  EXPECT_EQ(Panel()->waiting_text, "Đang chờ: A 2 · C 0");
  f->clock.Advance(std::chrono::seconds(1));
  Tick();
  EXPECT_EQ(Panel()->waiting_text, "Đang chờ: A 2 · C 0");
  f->clock.Advance(std::chrono::seconds(1));
  Tick();
  EXPECT_EQ(Panel()->waiting_text, "Đang chờ: A 2 · C 1 (1 ưu tiên)");
  // An action reads again at once, without a tick: the priority ticket went first.
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  EXPECT_EQ(Panel()->ticket_label, "C001");
  EXPECT_EQ(Panel()->waiting_text, "Đang chờ: A 2 · C 0");
  // A change made elsewhere (the CLI finishing the ticket) shows within 2 s.
  ASSERT_TRUE(queue::Finish(Store(), admin, "5", {}, f->clock.Now()).has_value());
  f->clock.Advance(std::chrono::seconds(2));
  Tick();
  EXPECT_FALSE(Panel()->has_ticket);
}

// ---- linking the dossiers received -----------------------------------------------------------------------

TEST_F(QueuePanelTest, DossiersReceivedWhileServingAreLinkedAtFinish) {
  Take("A");
  OfficerAtCounter5();
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  EXPECT_EQ(Panel()->ticket_detail, "đã chờ dưới 1 phút · 1 hồ sơ đã nhận");
  ASSERT_TRUE(f->Do(FinishTicket{}).has_value());
  const queue::Ticket a1 = Ticket("A001");
  EXPECT_EQ(a1.state, TicketState::kDone);
  EXPECT_EQ(a1.dossier_codes, std::vector<std::string>{code});
  EXPECT_EQ(Panel()->message_text, "Đã xong số A001; hồ sơ đã nhận được gắn với số này.");
  EXPECT_TRUE(model().queue.dossier_codes.empty());
  // The journal's queue.finished event carries the code too.
  auto journal = Store().ReadJournal({});
  ASSERT_TRUE(journal.has_value());
  const store::JournalEvent& last = journal->back();
  EXPECT_EQ(last.type, "queue.finished");
  EXPECT_EQ(nlohmann::json::parse(last.payload_json).at("dossier_codes"), nlohmann::json::array({code}));
}

TEST_F(QueuePanelTest, DossiersReceivedWhileServingAreLinkedWhenTheNextTicketIsCalled) {
  Take("A");
  Take("A");
  OfficerAtCounter5();
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  const std::string first = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_TRUE(f->Do(FinishIntake{}).has_value());
  const std::string second = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  ASSERT_NE(first, second);
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  const queue::Ticket a1 = Ticket("A001");
  EXPECT_EQ(a1.state, TicketState::kDone);
  EXPECT_EQ(a1.dossier_codes, (std::vector<std::string>{first, second}));
  EXPECT_EQ(Ticket("A002").state, TicketState::kCalled);
  EXPECT_TRUE(Ticket("A002").dossier_codes.empty());
  EXPECT_EQ(Panel()->ticket_label, "A002");
  // Nothing received from A002: "Xong" links nothing.
  ASSERT_TRUE(f->Do(FinishTicket{}).has_value());
  EXPECT_TRUE(Ticket("A002").dossier_codes.empty());
}

TEST_F(QueuePanelTest, ADossierReceivedWithNoTicketCalledIsLinkedToNone) {
  Take("A");
  OfficerAtCounter5();
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());
  ASSERT_TRUE(f->Do(FinishTicket{}).has_value());
  EXPECT_TRUE(Ticket("A001").dossier_codes.empty()) << "received before A001 was called: not its dossier";
}

// ---- a ticket's QR scanned at the counter -------------------------------------------------------------

TEST_F(QueuePanelTest, TicketQrScanCallsThatTicketAndOpensTheIntake) {
  Take("A");
  Take("A");
  OfficerAtCounter5();
  ASSERT_TRUE(f->Do(Navigate{std::string(kScreenWorklist)}).has_value());
  // A002 comes to the counter with the ticket in hand, before A001 is called.
  ASSERT_TRUE(f->Do(ScanReceived{"MCQ:2026-12-07:A002\r"}).has_value());
  EXPECT_EQ(Ticket("A002").state, TicketState::kCalled);
  EXPECT_EQ(Ticket("A002").counter, "5");
  EXPECT_EQ(Ticket("A001").state, TicketState::kWaiting);
  EXPECT_EQ(model().screen, kScreenIntake);
  EXPECT_EQ(Panel()->ticket_label, "A002");
  EXPECT_EQ(MakeIntakeView(model(), *f->station, f->clock.Now()).queue_line, "Số thứ tự: A002");
  // The same ticket scanned again: it is already here, nothing is called.
  const std::int64_t events = f->JournalCount();
  ASSERT_TRUE(f->Do(ScanReceived{"MCQ:2026-12-07:A002"}).has_value());
  EXPECT_EQ(f->JournalCount(), events);
  EXPECT_EQ(Panel()->message_text, "Quầy đang phục vụ số A002.");
  // A dossier received for A002, then A001's ticket scanned (typed with Caps Lock on): A002 is
  // finished with its dossier first, then A001 called.
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  ASSERT_TRUE(f->Do(ScanReceived{"mcq:2026-12-07:a001"}).has_value());
  EXPECT_EQ(Ticket("A002").state, TicketState::kDone);
  EXPECT_EQ(Ticket("A002").dossier_codes, std::vector<std::string>{code});
  EXPECT_EQ(Ticket("A001").state, TicketState::kCalled);
  EXPECT_FALSE(model().intake.outcome.has_value()) << "the last receipt gave way to the next citizen's intake";
  EXPECT_EQ(MakeIntakeView(model(), *f->station, f->clock.Now()).queue_line, "Số thứ tự: A001");
}

TEST_F(QueuePanelTest, BadOrOtherDayTicketQrGivesItsMessageAndChangesNothing) {
  Take("A");
  Take("A");
  OfficerAtCounter5();
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());  // A001 served
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_TRUE(f->Do(FinishTicket{}).has_value());    // A001 done
  ASSERT_TRUE(f->Do(CallNextTicket{}).has_value());  // A002 served...
  const std::string code2 = testing::ReceiveThroughIntake(*f, "9.999002");  // ... with a dossier
  ASSERT_FALSE(code2.empty());
  ASSERT_TRUE(f->Do(Navigate{std::string(kScreenWorklist)}).has_value());
  const std::int64_t events = f->JournalCount();
  struct Case {
    const char* scan;
    const char* rule;
    const char* text;
  };
  const Case cases[] = {
      {"MCQ:2026-12-06:A003", "other_day", "Số thứ tự này của ngày 06/12/2026, không dùng được hôm nay."},
      {"MCQ:2026-12-08:A001", "other_day", "Số thứ tự này của ngày 08/12/2026, không dùng được hôm nay."},
      {"MCQ:2026-12-07:A009", "no_such_ticket", "Hôm nay không có số A009."},
      {"MCQ:2026-12-07:A001", "not_waiting", "Số A001 không còn chờ: đã được gọi, đã xong hoặc đã bỏ."},
      {"MCQ:2026-12-07", "bad_ticket_qr", "Mã QR này không phải mã số thứ tự hợp lệ."},
      {"MCQ:hello", "bad_ticket_qr", "Mã QR này không phải mã số thứ tự hợp lệ."},
  };
  for (const Case& c : cases) {
    Status s = f->Do(ScanReceived{c.scan});
    ASSERT_FALSE(s.has_value()) << c.scan;
    EXPECT_EQ(s.error().field, "ticket") << c.scan;
    EXPECT_EQ(s.error().rule, c.rule) << c.scan;
    EXPECT_EQ(Panel()->message_text, c.text) << c.scan;
    EXPECT_EQ(Panel()->message_tone, Tone::kDanger);
    EXPECT_EQ(model().screen, kScreenWorklist) << c.scan << ": the intake is not opened";
  }
  EXPECT_EQ(f->JournalCount(), events) << "nothing was written";
  EXPECT_EQ(Ticket("A002").state, TicketState::kCalled) << "the served ticket was not finished by a refused scan";
  EXPECT_EQ(model().queue.dossier_codes, std::vector<std::string>{code2});
  (void)code;
}

TEST_F(QueuePanelTest, TicketScanAtAStationWithoutACounterOnlySaysSo) {
  Take("A");
  f->SignIn(testing::kOfficer);
  Tick();
  ASSERT_TRUE(f->Do(ScanReceived{"MCQ:2026-12-07:A001"}).has_value());
  EXPECT_EQ(model().notice_key, "queue.notice.no_counter");
  EXPECT_EQ(Ticket("A001").state, TicketState::kWaiting);
  // Other scans are routed as before: a CCCD still opens the intake.
  ASSERT_TRUE(f->Do(ScanReceived{testing::kCccdQr}).has_value());
  EXPECT_EQ(model().intake.draft.name, "Nguyễn Thị Hồng Nhung");
}

// ---- text ----------------------------------------------------------------------------------------------

// Every (field, rule) the panel meets, from queue/queue.h's contracts and the panel's own, has its own
// words in both languages, never the generic text of its error code.
TEST(QueueErrorText, EveryRuleThePanelMeetsHasItsOwnText) {
  const std::pair<const char*, const char*> rules[] = {
      {"role", "not_allowed"},           {"counter", "required"},          {"counter", "bad_counter"},
      {"counter", "nothing_called"},     {"areas", "required"},            {"area", "no_such_area"},
      {"area", "same_area"},             {"ticket", "no_such_ticket"},     {"ticket", "not_waiting"},
      {"ticket", "bad_ticket"},          {"ticket", "bad_ticket_qr"},      {"ticket", "other_day"},
      {"dossier_codes", "no_such_dossier"}, {"dossier_codes", "too_many"}, {"db", "database_busy"},
      {"queue.ticket", "bad_record"},
  };
  for (const auto& [field, rule] : rules)
    for (Lang lang : {Lang::kVi, Lang::kEn}) {
      const Error e{ErrorCode::kConflict, field, rule, "detail"};
      EXPECT_NE(QueueErrorText(lang, e, "A001"), Tr(lang, "error.code.conflict")) << field << "/" << rule;
      EXPECT_EQ(QueueErrorText(lang, e, "A001").find('['), std::string::npos) << field << "/" << rule;
    }
  EXPECT_TRUE(TakeMissingKeys().empty());
  EXPECT_EQ(DescribeForLog(TransferTicket{"B"}), "TransferTicket to_area=B");
  EXPECT_EQ(DescribeForLog(CallNextTicket{}), "CallNextTicket");
}

}  // namespace
}  // namespace motcua::ui
