// The kiosk's queue tile over a real station: area → priority → a printed ticket (a real PDF, or a real
// ESC/POS stream to the stand-in printer on loopback TCP), the number, the people ahead and the wait; a
// printer that is out of paper issues no ticket and says why; the idle reset forgets the ticket.
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/kiosk_fixture.h"
#include "print/escpos.h"
#include "queue/figures.h"
#include "scan/qr_image.h"
#include "support/escpos_standin.h"

namespace motcua::ui::testing {
namespace {

class KioskQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    k_ = MakeKiosk();
    ASSERT_TRUE(k_);
    workflow::Actor admin{"admin", workflow::Role::kAdmin, "station-1"};
    for (queue::Area a : {queue::Area{"A", "Tiếp nhận và trả kết quả"},
                          queue::Area{"B", "Đất đai - Xây dựng", "Land and construction", "land", {}, {}, {"7"}}}) {
      auto saved = queue::SaveArea(Store(), admin, a, k_->counter->clock.Now());
      ASSERT_TRUE(saved) << saved.error().Describe();
    }
  }
  store::Store& Store() { return *k_->counter->station->store; }
  LocalDate Today() { return LocalDateVn(k_->counter->clock.Now()); }

  // Home → queue → area → priority; returns the ticket's label ("" when none was issued).
  std::string TakeTicket(const std::string& area, const std::string& priority = "") {
    EXPECT_TRUE(k_->Do(GoHome{}));
    EXPECT_TRUE(k_->Do(OpenScreen{KioskScreen::kQueueAreas}));
    EXPECT_TRUE(k_->Do(ChooseQueueArea{area}));
    EXPECT_EQ(k_->model.citizen.screen, KioskScreen::kQueuePriority);
    (void)k_->Do(TakeQueueTicket{priority});
    return k_->model.citizen.ticket ? k_->model.citizen.ticket->ticket.label : "";
  }

  std::unique_ptr<KioskFixture> k_;
};

TEST_F(KioskQueueTest, TheHomeOffersTheQueueAndTheAreasShowTheirLetterAndWaitingCount) {
  const KioskHomeView home = MakeKioskHomeView(k_->model, k_->Backend());
  ASSERT_TRUE(home.queue_tile);
  EXPECT_EQ(home.queue_tile->label, "Lấy số thứ tự");
  TakeTicket("A");
  ASSERT_TRUE(k_->Do(GoHome{}));
  ASSERT_TRUE(k_->Do(OpenScreen{KioskScreen::kQueueAreas}));
  const KioskQueueAreasView v = MakeKioskQueueAreasView(k_->model, k_->Backend());
  ASSERT_EQ(v.tiles.size(), 2u);
  EXPECT_EQ(v.tiles[0].badge, "A");
  EXPECT_EQ(v.tiles[0].label, "Tiếp nhận và trả kết quả");
  EXPECT_EQ(v.tiles[0].detail, "Đang chờ: 1 người");
  EXPECT_EQ(v.tiles[1].detail, "Đang chờ: 0 người");
  // No printer, no tile: a kiosk that cannot print must not hand out numbers.
  k_->print_ticket = nullptr;
  EXPECT_FALSE(MakeKioskHomeView(k_->model, k_->Backend()).queue_tile);
}

TEST_F(KioskQueueTest, ATicketIsPrintedAndShowsTheNumberThePeopleAheadAndTheWait) {
  EXPECT_EQ(TakeTicket("A"), "A001");
  EXPECT_EQ(k_->model.citizen.screen, KioskScreen::kTicket);
  EXPECT_TRUE(std::filesystem::exists(k_->tickets_dir.path() / (FormatLocalDate(Today()) + "-A001.pdf")));
  KioskTicketView v = MakeKioskTicketView(k_->model, k_->Backend());
  EXPECT_EQ(v.number, "A001");
  EXPECT_EQ(v.area_line, "Lĩnh vực: A — Tiếp nhận và trả kết quả");
  EXPECT_EQ(v.ahead_line, "Không có ai phía trước, quý khách sẽ được gọi ngay");
  EXPECT_EQ(v.wait_line, "");
  EXPECT_EQ(v.chrome.spoken, "Số thứ tự của quý khách là A 1. Không có ai phía trước, quý khách sẽ được gọi ngay");

  EXPECT_EQ(TakeTicket("A"), "A002");
  v = MakeKioskTicketView(k_->model, k_->Backend());
  EXPECT_EQ(v.ahead_line, "Trước quý khách: 1 người");
  EXPECT_EQ(v.wait_line, "Thời gian chờ dự kiến: khoảng 8 phút");  // the default service time, no history

  // A priority ticket is ahead of both: nobody in front of it.
  EXPECT_EQ(TakeTicket("A", "elderly"), "A003");
  v = MakeKioskTicketView(k_->model, k_->Backend());
  EXPECT_EQ(v.priority_line, "Ưu tiên: Người cao tuổi (từ đủ 60 tuổi)");
  EXPECT_EQ(v.ahead_line, "Không có ai phía trước, quý khách sẽ được gọi ngay");
  k_->model.citizen.lang = Lang::kEn;
  v = MakeKioskTicketView(k_->model, k_->Backend());
  EXPECT_EQ(v.priority_line, "Priority: Older person (60 or over)");
  auto waiting = queue::CountWaiting(Store(), Today(), "A");
  ASSERT_TRUE(waiting);
  EXPECT_EQ(waiting->priority, 1);
  EXPECT_EQ(waiting->normal, 2);
}

TEST_F(KioskQueueTest, APrinterOutOfPaperIssuesNoTicketAndSaysWhy) {
  std::string why;
  auto printer = motcua::testing::EscposStandin::Start({.state = motcua::testing::StandinState::kPaperOut}, &why);
  ASSERT_TRUE(printer) << why;
  const print::PrinterTarget target{print::PrinterKind::kTcp, "127.0.0.1", printer->port(), ""};
  k_->print_ticket = [target](const print::TicketSlip& slip, const std::string&) {
    return print::PrintTicket(target, slip);
  };
  const auto events = k_->counter->JournalCount();
  EXPECT_EQ(TakeTicket("A"), "");
  EXPECT_EQ(k_->model.citizen.screen, KioskScreen::kQueuePriority);
  EXPECT_EQ(k_->model.citizen.message_key, "kiosk.ticket.error.printer_paper_out");
  EXPECT_EQ(MakeKioskQueuePriorityView(k_->model, k_->Backend()).chrome.message,
            "Máy in vé đã hết giấy nên chưa cấp được số. Xin mời liên hệ quầy hướng dẫn.");
  EXPECT_EQ(k_->counter->JournalCount(), events);
  EXPECT_TRUE(printer->jobs().empty());
  auto tickets = queue::ListTickets(Store(), Today());
  ASSERT_TRUE(tickets);
  EXPECT_TRUE(tickets->empty());  // no phantom number for a counter to call
}

TEST_F(KioskQueueTest, AThermalPrinterReceivesTheTicketWithItsQr) {
  std::string why;
  auto printer = motcua::testing::EscposStandin::Start({}, &why);
  ASSERT_TRUE(printer) << why;
  const print::PrinterTarget target{print::PrinterKind::kTcp, "127.0.0.1", printer->port(), ""};
  k_->print_ticket = [target](const print::TicketSlip& slip, const std::string&) {
    return print::PrintTicket(target, slip);
  };
  EXPECT_EQ(TakeTicket("B"), "B001");
  for (int i = 0; i < 100 && printer->jobs().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(printer->jobs().size(), 1u);
  auto image = print::DecodeRasterJob(printer->jobs().front());
  ASSERT_TRUE(image) << image.error().Describe();
  auto qr = scan::DecodeQr(*image);
  ASSERT_TRUE(qr) << qr.error().Describe();
  EXPECT_EQ(*qr, "MCQ:" + FormatLocalDate(Today()) + ":B001");
}

TEST_F(KioskQueueTest, TheIdleResetForgetsTheTicket) {
  EXPECT_EQ(TakeTicket("A"), "A001");
  EXPECT_TRUE(k_->IdleFor(k_->settings.idle_seconds + 1));
  EXPECT_EQ(k_->model.citizen.screen, KioskScreen::kHome);
  EXPECT_FALSE(k_->model.citizen.ticket);
  EXPECT_FALSE(k_->model.citizen.queue_area);
}

TEST_F(KioskQueueTest, AnInactiveAreaIsNotOffered) {
  workflow::Actor admin{"admin", workflow::Role::kAdmin, "station-1"};
  auto b = queue::GetArea(Store(), "B");
  ASSERT_TRUE(b && *b);
  queue::Area closed = **b;
  closed.active = false;
  ASSERT_TRUE(queue::SaveArea(Store(), admin, closed, k_->counter->clock.Now()));
  ASSERT_TRUE(k_->Do(OpenScreen{KioskScreen::kQueueAreas}));
  const KioskQueueAreasView v = MakeKioskQueueAreasView(k_->model, k_->Backend());
  ASSERT_EQ(v.tiles.size(), 1u);
  EXPECT_EQ(v.tiles[0].badge, "A");
  auto refused = k_->Do(ChooseQueueArea{"B"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, "area_closed");
}

}  // namespace
}  // namespace motcua::ui::testing
