// The queue over a real SQLite store: numbering, the priority rule and its cap, recall, no-show,
// transfer, finish with dossiers, a print failure that issues nothing, a restart in the middle of the
// day, the wait estimate, the board's call feed, and two processes calling at the same instant.
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "queue/figures.h"
#include "queue/queue.h"
#include "support/fixtures.h"

namespace motcua {
namespace {

using motcua::testing::At;
using motcua::testing::TempDir;
using queue::TicketState;

class QueueTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }

  void Open() {
    desk_.reset();
    desk_ = motcua::testing::MakeTestDesk(dir_.path());
    ASSERT_TRUE(desk_);
    if (auto a = queue::GetArea(Store(), "A"); a && *a) return;
    AddArea({"A", "Tiếp nhận chung"});
    AddArea({"B", "Đất đai", "Land", "land", {}, {}, {"7"}, 1001, 4});
  }
  store::Store& Store() { return *desk_->store; }

  void AddArea(queue::Area a) {
    auto saved = queue::SaveArea(Store(), admin_, a, At("2026-12-07 07:00"));
    ASSERT_TRUE(saved) << saved.error().Describe();
  }
  void SetSetting(const std::string& key, const std::string& value) {
    ASSERT_TRUE(motcua::testing::WriteJournaled(Store(), [&](store::WriteTx& tx) { return tx.PutSetting(key, value); }));
  }

  std::string Take(const std::string& area, const char* at, const std::string& priority = "") {
    auto t = queue::TakeTicket(Store(), kiosk_, {area, priority}, groups_, At(at));
    EXPECT_TRUE(t) << t.error().Describe();
    return t ? t->ticket.label : "";
  }
  std::string Next(const char* at, std::vector<std::string> areas = {"A"}, const std::string& counter = "5") {
    auto t = queue::CallNext(Store(), desk_->officer, counter, areas, At(at));
    EXPECT_TRUE(t) << t.error().Describe();
    return t && *t ? (*t)->label : "";
  }
  std::int64_t Events() {
    auto head = Store().Head();
    return head ? head->seq : -1;
  }

  TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> desk_;
  workflow::Actor admin_{"admin", workflow::Role::kAdmin, "station-1"};
  workflow::Actor kiosk_{"kiosk-1", workflow::Role::kKiosk, "kiosk-1"};
  std::vector<queue::PriorityGroup> groups_{{"elderly", "Người cao tuổi", "", "", ""},
                                            {"disability", "Người khuyết tật", "", "", ""}};
};

TEST_F(QueueTest, NumbersRunPerAreaAndDayFromTheAreasFirstNumber) {
  EXPECT_EQ(Take("A", "2026-12-07 07:30"), "A001");
  EXPECT_EQ(Take("A", "2026-12-07 07:31"), "A002");
  EXPECT_EQ(Take("B", "2026-12-07 07:31"), "B1001");  // first_number 1001, 4 digits
  EXPECT_EQ(Take("B", "2026-12-07 07:32"), "B1002");
  // The Vietnam civil day, not UTC's: 06:59 on the 8th (23:59 UTC on the 7th) is a new day at the center.
  EXPECT_EQ(Take("A", "2026-12-08 06:59"), "A001");
  EXPECT_EQ(Take("A", "2026-12-08 23:59"), "A002");
  auto t = queue::FindTicket(Store(), LocalDateVn(At("2026-12-07 09:00")), "a2");  // typed loosely
  ASSERT_TRUE(t && *t);
  EXPECT_EQ((*t)->label, "A002");
  EXPECT_EQ((*t)->Key(), "2026-12-07/A/000002");
  EXPECT_EQ((*t)->state, TicketState::kWaiting);
}

TEST_F(QueueTest, BadRequestsAreRefusedAndWriteNothing) {
  const auto before = Events();
  auto no_area = queue::TakeTicket(Store(), kiosk_, {"Z", ""}, groups_, At("2026-12-07 08:00"));
  ASSERT_FALSE(no_area);
  EXPECT_EQ(no_area.error().rule, "no_such_area");
  auto no_group = queue::TakeTicket(Store(), kiosk_, {"A", "vip"}, groups_, At("2026-12-07 08:00"));
  ASSERT_FALSE(no_group);
  EXPECT_EQ(no_group.error().field, "priority");
  EXPECT_EQ(no_group.error().rule, "unknown_group");
  workflow::Actor postal{"buu.ta", workflow::Role::kPostal, "station-1"};
  auto refused = queue::TakeTicket(Store(), postal, {"A", ""}, groups_, At("2026-12-07 08:00"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, "not_allowed");
  Take("A", "2026-12-07 08:01");
  // A kiosk hands out tickets but never calls them.
  auto kiosk_call = queue::CallNext(Store(), kiosk_, "5", {"A"}, At("2026-12-07 08:02"));
  ASSERT_FALSE(kiosk_call);
  EXPECT_EQ(kiosk_call.error().rule, "not_allowed");
  EXPECT_EQ(Events(), before + 1);  // only the one ticket taken
  EXPECT_FALSE(queue::ParseTicketLabel("1023"));
  EXPECT_FALSE(queue::ParseTicketLabel("ABC1"));
  EXPECT_FALSE(queue::ParseTicketLabel("A1234567"));
  EXPECT_FALSE(queue::ParseTicketLabel("Á12"));
}

TEST_F(QueueTest, PriorityTicketsGoFirstFirstComeFirstServedAmongThem) {
  Take("A", "2026-12-07 07:30");                // A001 normal
  Take("A", "2026-12-07 07:31");                // A002 normal
  Take("A", "2026-12-07 07:32", "disability");  // A003
  Take("A", "2026-12-07 07:33", "elderly");     // A004
  EXPECT_EQ(Next("2026-12-07 07:40"), "A003");
  EXPECT_EQ(Next("2026-12-07 07:41"), "A004");
  EXPECT_EQ(Next("2026-12-07 07:42"), "A001");
  EXPECT_EQ(Next("2026-12-07 07:43"), "A002");
  EXPECT_EQ(Next("2026-12-07 07:44"), "");  // nobody waits
}

TEST_F(QueueTest, AtMostTheSettingsPriorityCallsPassAWaitingNormalTicket) {
  SetSetting("queue.priority_streak_max", "2");
  Take("A", "2026-12-07 07:30");  // A001 normal, waiting from the start
  for (int i = 0; i < 4; ++i) Take("A", "2026-12-07 07:31", "elderly");  // A002..A005
  EXPECT_EQ(Next("2026-12-07 07:40"), "A002");
  EXPECT_EQ(Next("2026-12-07 07:41"), "A003");
  EXPECT_EQ(Next("2026-12-07 07:42"), "A001");  // two passed it: its turn
  EXPECT_EQ(Next("2026-12-07 07:43"), "A004");
  EXPECT_EQ(Next("2026-12-07 07:44"), "A005");
  // With nobody normal waiting, priority calls pass nobody and do not count.
  Take("A", "2026-12-07 07:45", "elderly");  // A006
  Take("A", "2026-12-07 07:45", "elderly");  // A007
  EXPECT_EQ(Next("2026-12-07 07:46"), "A006");
  Take("A", "2026-12-07 07:47");  // A008 normal
  EXPECT_EQ(Next("2026-12-07 07:48"), "A007");
  Take("A", "2026-12-07 07:48", "elderly");  // A009
  EXPECT_EQ(Next("2026-12-07 07:49"), "A009");
  EXPECT_EQ(Next("2026-12-07 07:50"), "A008");
}

TEST_F(QueueTest, ACapOfZeroServesEveryoneInTakingOrder) {
  SetSetting("queue.priority_streak_max", "0");
  Take("A", "2026-12-07 07:30");
  Take("A", "2026-12-07 07:31", "elderly");
  EXPECT_EQ(Next("2026-12-07 07:40"), "A001");
  EXPECT_EQ(Next("2026-12-07 07:41"), "A002");
}

TEST_F(QueueTest, ANoShowGoesBackToTheEndOnceThenIsDropped) {
  Take("A", "2026-12-07 07:30");  // A001
  Take("A", "2026-12-07 07:31");  // A002
  EXPECT_EQ(Next("2026-12-07 07:40"), "A001");
  auto first = queue::NoShow(Store(), desk_->officer, "5", At("2026-12-07 07:42"));
  ASSERT_TRUE(first) << first.error().Describe();
  EXPECT_EQ(first->state, TicketState::kWaiting);
  EXPECT_EQ(first->no_shows, 1);
  auto none = queue::CurrentTicket(Store(), "5");
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  EXPECT_EQ(Next("2026-12-07 07:43"), "A002");  // A001 went to the end, behind A002
  EXPECT_EQ(Next("2026-12-07 07:50"), "A001");  // (finishing A002)
  auto second = queue::NoShow(Store(), desk_->officer, "5", At("2026-12-07 07:52"));
  ASSERT_TRUE(second);
  EXPECT_EQ(second->state, TicketState::kDropped);
  EXPECT_EQ(Next("2026-12-07 07:53"), "");
  auto nothing = queue::NoShow(Store(), desk_->officer, "5", At("2026-12-07 07:54"));
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().rule, "nothing_called");
}

TEST_F(QueueTest, RecallRepeatsTheCallAndTheBoardSeesBothInOrder) {
  auto head = Store().Head();
  ASSERT_TRUE(head);
  Take("A", "2026-12-07 07:30");
  EXPECT_EQ(Next("2026-12-07 07:40"), "A001");
  auto again = queue::Recall(Store(), desk_->officer, "5", At("2026-12-07 07:41"));
  ASSERT_TRUE(again) << again.error().Describe();
  EXPECT_EQ(again->recalls, 1);
  EXPECT_EQ(again->state, TicketState::kCalled);
  auto feed = queue::CallsSince(Store(), head->seq);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->calls.size(), 2u);
  EXPECT_EQ(feed->calls[0].label, "A001");
  EXPECT_EQ(feed->calls[0].counter, "5");
  EXPECT_FALSE(feed->calls[0].recall);
  EXPECT_TRUE(feed->calls[1].recall);
  // Polling on from the last seq read gives nothing twice.
  auto later = queue::CallsSince(Store(), feed->last_seq);
  ASSERT_TRUE(later);
  EXPECT_TRUE(later->calls.empty());
  auto now = queue::CountersNow(Store());
  ASSERT_TRUE(now);
  ASSERT_EQ(now->size(), 1u);
  EXPECT_EQ((*now)[0].label, "A001");
}

TEST_F(QueueTest, ATransferKeepsTheNumberAndTheTakingTimeAsItsPlace) {
  Take("A", "2026-12-07 07:30");  // A001
  Take("B", "2026-12-07 07:35");  // B1001, taken after A001
  EXPECT_EQ(Next("2026-12-07 07:40"), "A001");
  auto moved = queue::Transfer(Store(), desk_->officer, "5", "B", At("2026-12-07 07:45"));
  ASSERT_TRUE(moved) << moved.error().Describe();
  EXPECT_EQ(moved->label, "A001");
  EXPECT_EQ(moved->area, "B");
  EXPECT_EQ(moved->state, TicketState::kWaiting);
  EXPECT_EQ(Next("2026-12-07 07:46", {"B"}, "7"), "A001");  // ahead of B1001: it waited since 07:30
  EXPECT_EQ(Next("2026-12-07 07:50", {"B"}, "7"), "B1001");
  auto same = queue::Transfer(Store(), desk_->officer, "7", "B", At("2026-12-07 07:51"));
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().rule, "same_area");
  auto nowhere = queue::Transfer(Store(), desk_->officer, "7", "Q", At("2026-12-07 07:51"));
  ASSERT_FALSE(nowhere);
  EXPECT_EQ(nowhere.error().rule, "no_such_area");
}

TEST_F(QueueTest, FinishingLinksTheDossiersReceivedFromTheTicket) {
  Take("A", "2026-12-07 07:30");
  EXPECT_EQ(Next("2026-12-07 07:40"), "A001");
  auto in = motcua::testing::SampleIntake();
  in.received_at = At("2026-12-07 07:50");
  auto received = workflow::Receive(desk_->desk, desk_->officer, in, At("2026-12-07 07:50"));
  ASSERT_TRUE(received) << received.error().Describe();
  const auto before = Events();
  auto unknown = queue::Finish(Store(), desk_->officer, "5", {"000.00.00.H00-261207-9999"}, At("2026-12-07 07:55"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().rule, "no_such_dossier");
  EXPECT_EQ(Events(), before);
  auto done = queue::Finish(Store(), desk_->officer, "5", {received->dossier.code}, At("2026-12-07 07:55"));
  ASSERT_TRUE(done) << done.error().Describe();
  EXPECT_EQ(done->state, TicketState::kDone);
  EXPECT_EQ(done->dossier_codes, std::vector<std::string>{received->dossier.code});
  EXPECT_EQ(done->waited_seconds, 10 * 60);
  auto events = Store().ReadJournal({"", before, 100});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().type, "queue.finished");
  EXPECT_NE(events->front().payload_json.find("\"served_seconds\":900"), std::string::npos)
      << events->front().payload_json;
  EXPECT_EQ(events->front().dossier_code, "");  // the sync outbox sends dossiers' events, not the queue's
}

TEST_F(QueueTest, CallingTheNextFinishesTheCountersTicket) {
  Take("A", "2026-12-07 07:30");
  Take("A", "2026-12-07 07:31");
  EXPECT_EQ(Next("2026-12-07 07:40"), "A001");
  EXPECT_EQ(Next("2026-12-07 07:47"), "A002");
  auto tickets = queue::ListTickets(Store(), LocalDateVn(At("2026-12-07 08:00")), "A");
  ASSERT_TRUE(tickets);
  ASSERT_EQ(tickets->size(), 2u);
  EXPECT_EQ((*tickets)[0].state, TicketState::kDone);
  EXPECT_EQ(*(*tickets)[0].finished_at - *(*tickets)[0].called_at, std::chrono::minutes(7));
  EXPECT_EQ((*tickets)[1].state, TicketState::kCalled);
  // "Next" with nobody waiting still closes the counter's ticket.
  EXPECT_EQ(Next("2026-12-07 07:55"), "");
  auto current = queue::CurrentTicket(Store(), "5");
  ASSERT_TRUE(current);
  EXPECT_FALSE(*current);
}

TEST_F(QueueTest, CallingTheNextLinksTheServedTicketsDossiersInTheSameTransaction) {
  Take("A", "2026-12-07 07:30");
  Take("A", "2026-12-07 07:31");
  EXPECT_EQ(Next("2026-12-07 07:40"), "A001");
  auto in = motcua::testing::SampleIntake();
  in.received_at = At("2026-12-07 07:45");
  auto received = workflow::Receive(desk_->desk, desk_->officer, in, At("2026-12-07 07:45"));
  ASSERT_TRUE(received) << received.error().Describe();
  // An unknown code refuses the whole call: A001 is not finished, A002 not called.
  auto refused = queue::CallNext(Store(), desk_->officer, "5", {"A"}, At("2026-12-07 07:50"), {"nope"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, "no_such_dossier");
  auto still = queue::CurrentTicket(Store(), "5");
  ASSERT_TRUE(still && *still);
  EXPECT_EQ((*still)->label, "A001");
  auto next = queue::CallNext(Store(), desk_->officer, "5", {"A"}, At("2026-12-07 07:50"), {received->dossier.code});
  ASSERT_TRUE(next && *next) << (next ? "" : next.error().Describe());
  EXPECT_EQ((*next)->label, "A002");
  auto a001 = queue::FindTicket(Store(), LocalDateVn(At("2026-12-07 07:50")), "A001");
  ASSERT_TRUE(a001 && *a001);
  EXPECT_EQ((*a001)->state, TicketState::kDone);
  EXPECT_EQ((*a001)->dossier_codes, std::vector<std::string>{received->dossier.code});
  EXPECT_TRUE(queue::LooksLikeTicketQr("mcq:2026-12-07:a2"));  // Caps Lock at a wedge scanner
  auto lower = queue::ParseTicketQr("mcq:2026-12-07:a2");
  ASSERT_TRUE(lower);
  EXPECT_EQ(lower->label.area, "A");
}

TEST_F(QueueTest, CallingATicketByItsLabel) {
  Take("A", "2026-12-07 07:30");
  Take("A", "2026-12-07 07:31");
  auto t = queue::CallTicket(Store(), desk_->officer, "5", "A002", At("2026-12-07 07:40"));
  ASSERT_TRUE(t) << t.error().Describe();
  EXPECT_EQ(t->label, "A002");
  auto again = queue::CallTicket(Store(), desk_->officer, "6", "A002", At("2026-12-07 07:41"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().rule, "not_waiting");
  auto missing = queue::CallTicket(Store(), desk_->officer, "6", "A099", At("2026-12-07 07:41"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().rule, "no_such_ticket");
}

TEST_F(QueueTest, AFailedPrintIssuesNoTicketAndGivesTheNumberBack) {
  Take("A", "2026-12-07 07:30");  // A001
  const auto before = Events();
  std::string tried;
  auto failed = queue::TakeTicket(Store(), kiosk_, {"A", ""}, groups_, At("2026-12-07 07:31"),
                                  [&](const queue::IssuedTicket& t) -> Status {
                                    tried = t.ticket.label;
                                    return Unavailable("printer", "printer_paper_out", "paper out");
                                  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().rule, "printer_paper_out");
  EXPECT_EQ(tried, "A002");
  EXPECT_EQ(Events(), before);
  auto waiting = queue::CountWaiting(Store(), LocalDateVn(At("2026-12-07 07:31")), "A");
  ASSERT_TRUE(waiting);
  EXPECT_EQ(waiting->Total(), 1);
  EXPECT_EQ(Take("A", "2026-12-07 07:32"), "A002");  // nobody will ever be called for a phantom A002
}

TEST_F(QueueTest, ARestartInTheMiddleOfTheDayKeepsNumbersAndTheLine) {
  Take("A", "2026-12-07 07:30");
  Take("A", "2026-12-07 07:31", "elderly");
  Take("A", "2026-12-07 07:32");
  EXPECT_EQ(Next("2026-12-07 07:40"), "A002");
  Open();  // the station restarts: a new store on the same file
  EXPECT_EQ(Take("A", "2026-12-07 09:00"), "A004");
  auto current = queue::CurrentTicket(Store(), "5");
  ASSERT_TRUE(current && *current);
  EXPECT_EQ((*current)->label, "A002");
  EXPECT_EQ(Next("2026-12-07 09:01"), "A001");
  EXPECT_EQ(Next("2026-12-07 09:02"), "A003");
  auto check = Store().VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
}

TEST_F(QueueTest, TheWaitEstimateUsesTheMedianOfRecentServicesAndTheActiveCounters) {
  const Instant t0 = At("2026-12-07 07:30");
  // No history: the default service time (8 minutes) per round.
  for (int i = 0; i < 4; ++i) Take("A", "2026-12-07 07:30");
  auto e = queue::EstimateWait(Store(), "A", false, t0);
  ASSERT_TRUE(e) << e.error().Describe();
  EXPECT_EQ(e->ahead, 4);
  EXPECT_EQ(e->samples, 0);
  EXPECT_EQ(e->counters, 1);
  EXPECT_EQ(e->wait, std::chrono::minutes(32));
  // Three services of 4, 6 and 30 minutes at two counters: median 6, two counters.
  Next("2026-12-07 08:00", {"A"}, "5");
  Next("2026-12-07 08:00", {"A"}, "6");
  ASSERT_TRUE(queue::Finish(Store(), desk_->officer, "5", {}, At("2026-12-07 08:04")));
  ASSERT_TRUE(queue::Finish(Store(), desk_->officer, "6", {}, At("2026-12-07 08:30")));
  Next("2026-12-07 08:30", {"A"}, "5");
  ASSERT_TRUE(queue::Finish(Store(), desk_->officer, "5", {}, At("2026-12-07 08:36")));
  for (int i = 0; i < 4; ++i) Take("A", "2026-12-07 08:40");  // 5 waiting now
  e = queue::EstimateWait(Store(), "A", false, At("2026-12-07 08:40"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->ahead, 5);
  EXPECT_EQ(e->samples, 3);
  EXPECT_EQ(e->median_service, std::chrono::minutes(6));
  EXPECT_EQ(e->counters, 2);
  EXPECT_EQ(e->wait, std::chrono::minutes(18));  // ceil(5 / 2) = 3 rounds of 6 minutes
  // A priority ticket counts only the priority tickets ahead of it.
  e = queue::EstimateWait(Store(), "A", true, At("2026-12-07 08:40"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->ahead, 0);
  EXPECT_EQ(e->wait, std::chrono::minutes(0));
  // An hour later nobody called A: the counters the area names (none) count as one.
  e = queue::EstimateWait(Store(), "A", false, At("2026-12-07 09:40"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->counters, 1);
  EXPECT_EQ(e->wait, std::chrono::minutes(30));
}

TEST_F(QueueTest, DayFiguresCountEveryState) {
  Take("A", "2026-12-07 07:30");
  Take("A", "2026-12-07 07:31", "elderly");
  Take("A", "2026-12-07 07:32");
  Take("B", "2026-12-07 07:33");
  Next("2026-12-07 07:40");  // A002 priority
  Next("2026-12-07 07:45");  // finishes A002 (5 min), calls A001 (waited 15 min)
  ASSERT_TRUE(queue::NoShow(Store(), desk_->officer, "5", At("2026-12-07 07:46")));
  auto f = queue::DayFigures(Store(), LocalDateVn(At("2026-12-07 08:00")));
  ASSERT_TRUE(f) << f.error().Describe();
  ASSERT_EQ(f->size(), 2u);
  const queue::AreaFigures& a = (*f)[0];
  EXPECT_EQ(a.area, "A");
  EXPECT_EQ(a.taken, 3);
  EXPECT_EQ(a.waiting_normal, 2);  // A003 and A001 back in line
  EXPECT_EQ(a.waiting_priority, 0);
  EXPECT_EQ(a.done, 1);
  EXPECT_EQ(a.no_shows, 1);
  EXPECT_EQ(a.median_service, std::chrono::minutes(5));
  EXPECT_EQ((*f)[1].area, "B");
  EXPECT_EQ((*f)[1].Waiting(), 1);
}

TEST_F(QueueTest, TicketQrRoundTripsAndRefusesOtherCodes) {
  auto t = queue::TakeTicket(Store(), kiosk_, {"B", ""}, groups_, At("2026-12-07 07:30"));
  ASSERT_TRUE(t);
  const std::string qr = queue::TicketQrPayload(t->ticket);
  EXPECT_EQ(qr, "MCQ:2026-12-07:B1001");
  auto ref = queue::ParseTicketQr(qr);
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->label.area, "B");
  EXPECT_EQ(ref->label.number, 1001);
  EXPECT_EQ(FormatLocalDate(ref->day), "2026-12-07");
  for (const char* bad : {"MCQ:2026-13-07:B1", "MCQ:2026-12-07:", "MCQ:2026-12-07:1001", "000.00.00.H56-261207-0001",
                          "MCQ2026-12-07:B1"}) {
    auto r = queue::ParseTicketQr(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().rule, "bad_ticket_qr");
  }
}

// Two counters press "next" at the same instant, from two processes on one database: every ticket is
// called exactly once.
TEST_F(QueueTest, TwoProcessesCallingAtOnceNeverGetTheSameTicket) {
  constexpr int kTickets = 200;
  for (int i = 0; i < kTickets; ++i) Take("A", "2026-12-07 07:30");
  auto open_another = desk_->open_another;
  desk_.reset();  // the children open their own connections
  int start[2];
  ASSERT_EQ(::pipe(start), 0);  // closed by the parent once both children are ready: the starting gun
  std::vector<pid_t> children;
  for (const char* counter : {"5", "6"}) {
    const std::string out = (dir_ / (std::string("calls-") + counter)).string();
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      auto store = open_another();
      if (!store) ::_exit(3);
      workflow::Actor officer{std::string("can.bo.") + counter, workflow::Role::kOfficer, counter};
      std::ofstream calls(out);
      ::close(start[1]);
      char gun;
      if (::read(start[0], &gun, 1) != 0) ::_exit(5);
      for (;;) {
        auto t = queue::CallNext(**store, officer, counter, {"A"}, At("2026-12-07 08:00"));
        if (!t) ::_exit(4);
        if (!*t) break;
        calls << (*t)->label << "\n" << std::flush;
        // An officer presses "next" now and then, not in a tight loop: SQLite's busy handler backs off in
        // steps of milliseconds, so a process that never pauses would starve the other (correct, not fair).
        ::usleep(1000);
      }
      calls.close();
      ::_exit(0);
    }
    children.push_back(pid);
  }
  ::close(start[0]);
  ::usleep(100'000);  // both children have opened the database
  ::close(start[1]);
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child exit " << WEXITSTATUS(status);
  }
  std::multiset<std::string> called;
  std::vector<std::size_t> per_counter;
  for (const char* counter : {"5", "6"}) {
    std::ifstream in(dir_ / (std::string("calls-") + counter));
    std::string label;
    std::size_t n = 0;
    while (in >> label) {
      called.insert(label);
      ++n;
    }
    per_counter.push_back(n);
  }
  EXPECT_EQ(called.size(), std::size_t(kTickets));
  EXPECT_EQ(std::set<std::string>(called.begin(), called.end()).size(), std::size_t(kTickets)) << "a ticket called twice";
  EXPECT_GT(per_counter[0], 0u);
  EXPECT_GT(per_counter[1], 0u);
  Open();
  auto check = Store().VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
}

}  // namespace
}  // namespace motcua
