// The work list: one store query per refresh, urgency from the calendar, filters and counts in memory,
// search by code, name (diacritics ignored) or ID number, and the view over the cached rows.
#include "ui_model/worklist_view.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

using motcua::testing::At;

// Receives a dossier of 3.000347 (Đổi giấy phép lái xe, 5 working days) at `received` (Vietnam time),
// every paper shown, straight through the core.
std::string ReceiveAt(testing::StationFixture& f, const char* received, const std::string& name,
                      const std::string& id, const std::string& procedure = "3.000347") {
  const catalog::Procedure* p = f.station->FindProcedure(procedure);
  EXPECT_NE(p, nullptr);
  workflow::IntakeRequest r;
  r.procedure_code = procedure;
  r.applicant.id_number = id;
  r.applicant.name = name;
  r.received_at = At(received);
  std::vector<workflow::IntakeComponent> comps;
  for (const catalog::Component& c : p->components)
    if (c.required) comps.push_back({.code = c.code, .shown_only = true});
  r.components = comps;
  const workflow::Actor actor{testing::kOfficer, workflow::Role::kOfficer, "station-1"};
  Result<workflow::IntakeResult> got = workflow::Receive(f.station->desk, actor, r, f.clock.Now());
  EXPECT_TRUE(got.has_value()) << got.error().Describe();
  return got.has_value() ? got->dossier.code : "";
}

class WorklistTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = testing::MakeStation("2026-03-12 08:30");  // Thursday
    ASSERT_NE(f, nullptr);
    // 5 working days each (worked out on the 2026 calendar, no holidays in March):
    overdue = ReceiveAt(*f, "2026-03-02 08:00", "Nguyễn Văn Quá", "001090000001");    // due Mon 03-09 08:00
    today = ReceiveAt(*f, "2026-03-05 10:00", "Trần Thị Hôm", "001190000002");        // due Thu 03-12 10:00
    tomorrow = ReceiveAt(*f, "2026-03-06 10:00", "Lê Văn Mai", "001090000003");       // due Fri 03-13 10:00
    on_track = ReceiveAt(*f, "2026-03-12 08:00", "Phạm Thị Đúng Hạn", "001190000004");  // due Thu 03-19 08:00
    paused = ReceiveAt(*f, "2026-03-11 08:00", "Đỗ Văn Chờ", "001090000005");
    const workflow::Actor actor{testing::kOfficer, workflow::Role::kOfficer, "station-1"};
    ASSERT_TRUE(workflow::Apply(f->station->desk, actor, paused, dossier::Action::kRequestSupplement,
                                {.reason = "Thiếu bản sao giấy phép lái xe"}, f->clock.Now())
                    .has_value());
    f->SignIn(testing::kOfficer);
    ASSERT_TRUE(f->Do(Navigate{std::string(kScreenWorklist)}).has_value());
  }
  std::vector<std::string> VisibleCodes() {
    std::vector<std::string> out;
    for (int i : f->model.worklist.visible) out.push_back(f->model.worklist.rows[i].code);
    return out;
  }
  std::unique_ptr<testing::StationFixture> f;
  std::string overdue, today, tomorrow, on_track, paused;
};

TEST_F(WorklistTest, RowsAreClassifiedAndSortedMostUrgentFirst) {
  EXPECT_EQ(VisibleCodes(), (std::vector<std::string>{overdue, today, tomorrow, on_track, paused}));
  const WorklistModel& w = f->model.worklist;
  EXPECT_EQ(w.urgency_counts[static_cast<int>(workflow::Urgency::kOverdue)], 1);
  EXPECT_EQ(w.urgency_counts[static_cast<int>(workflow::Urgency::kDueToday)], 1);
  EXPECT_EQ(w.urgency_counts[static_cast<int>(workflow::Urgency::kDueWithinOneWorkingDay)], 1);
  EXPECT_EQ(w.urgency_counts[static_cast<int>(workflow::Urgency::kOnTrack)], 1);
  EXPECT_EQ(w.urgency_counts[static_cast<int>(workflow::Urgency::kPaused)], 1);
  WorklistView v = MakeWorklistView(f->model, f->clock.Now());
  ASSERT_EQ(v.chips.size(), 6u);
  EXPECT_EQ(v.chips[0].label, "Tất cả (5)");
  EXPECT_EQ(v.chips[1].label, "Quá hạn (1)");
  EXPECT_EQ(v.chips[1].tone, Tone::kDanger);
  EXPECT_EQ(v.chips[2].label, "Đến hạn hôm nay (1)");
  EXPECT_EQ(v.chips[3].label, "Còn 1 ngày làm việc (1)");
  EXPECT_EQ(v.chips[4].label, "Trong hạn (1)");
  EXPECT_EQ(v.count_text, "5 / 5 hồ sơ");
  const WorklistRow& first = (*v.rows)[(*v.visible)[0]];
  EXPECT_EQ(first.due_text, "09/03/2026 08:00");
  EXPECT_EQ(v.state_labels[static_cast<int>(dossier::State::kAwaitingSupplement)], "Chờ bổ sung");
}

TEST_F(WorklistTest, UrgencyStateAndProcedureFiltersCombine) {
  ASSERT_TRUE(f->Do(SetWorklistUrgencyFilter{workflow::Urgency::kOverdue}).has_value());
  EXPECT_EQ(VisibleCodes(), std::vector<std::string>{overdue});
  // Counts stay those of every urgency, so the chips still tell the whole picture.
  EXPECT_EQ(f->model.worklist.urgency_counts[static_cast<int>(workflow::Urgency::kOnTrack)], 1);
  ASSERT_TRUE(f->Do(SetWorklistUrgencyFilter{std::nullopt}).has_value());
  ASSERT_TRUE(f->Do(SetWorklistStateFilter{"awaiting_supplement"}).has_value());
  EXPECT_EQ(VisibleCodes(), std::vector<std::string>{paused});
  EXPECT_FALSE(f->Do(SetWorklistStateFilter{"no_such_state"}).has_value());
  ASSERT_TRUE(f->Do(SetWorklistStateFilter{"open"}).has_value());
  ASSERT_TRUE(f->Do(SetWorklistProcedureFilter{"1.004222"}).has_value());
  EXPECT_TRUE(VisibleCodes().empty());
  EXPECT_EQ(MakeWorklistView(f->model, f->clock.Now()).empty_text, "Không có hồ sơ phù hợp với bộ lọc.");
}

TEST_F(WorklistTest, SearchByNameWithoutDiacriticsByIdAndByCode) {
  ASSERT_TRUE(f->Do(SetWorklistSearch{"pham thi dung"}).has_value());
  EXPECT_EQ(VisibleCodes(), std::vector<std::string>{on_track});
  ASSERT_TRUE(f->Do(SetWorklistSearch{"Đỗ Văn"}).has_value());
  EXPECT_EQ(VisibleCodes(), std::vector<std::string>{paused});
  ASSERT_TRUE(f->Do(SetWorklistSearch{"001190000002"}).has_value());
  EXPECT_EQ(VisibleCodes(), std::vector<std::string>{today});
  ASSERT_TRUE(f->Do(SetWorklistSearch{tomorrow}).has_value());
  EXPECT_EQ(VisibleCodes(), std::vector<std::string>{tomorrow});
  ASSERT_TRUE(f->Do(SetWorklistSearch{"khong ai"}).has_value());
  EXPECT_TRUE(VisibleCodes().empty());
}

TEST_F(WorklistTest, TheStoreIsReadOnRefreshNotPerFrame) {
  const Instant loaded = *f->model.worklist.loaded_at;
  const std::string code = ReceiveAt(*f, "2026-03-12 08:20", "Hồ Sơ Mới", "001090000009");
  for (int frame = 0; frame < 100; ++frame) {
    TickCounter(f->model, f->Backend(), false);
    (void)MakeWorklistView(f->model, f->clock.Now());
  }
  EXPECT_EQ(*f->model.worklist.loaded_at, loaded);
  EXPECT_EQ(f->model.worklist.rows.size(), 5u) << "still the cached rows";
  f->clock.Advance(std::chrono::seconds(kWorklistRefreshSeconds));
  TickCounter(f->model, f->Backend(), false);
  EXPECT_EQ(f->model.worklist.rows.size(), 6u) << "refreshed after the interval";
  // After a change made here the list refreshes at once.
  const std::string through = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(through.empty());
  EXPECT_TRUE(f->model.worklist.stale);
}

TEST_F(WorklistTest, AnOfficerWithAUnitSeesItsDossiersByDefault) {
  ASSERT_TRUE(f->Do(SignOut{}).has_value());
  f->SignIn(testing::kUnitOfficer);  // unit "Sở Tư pháp"; every dossier here is processed by another unit
  ASSERT_TRUE(f->Do(Navigate{std::string(kScreenWorklist)}).has_value());
  EXPECT_TRUE(f->model.worklist.only_own_unit);
  EXPECT_TRUE(f->model.worklist.rows.empty());
  WorklistView v = MakeWorklistView(f->model, f->clock.Now());
  EXPECT_TRUE(v.shows_own_unit);
  EXPECT_EQ(v.own_unit_label, "Chỉ hồ sơ của Sở Tư pháp");
  ASSERT_TRUE(f->Do(SetWorklistOwnUnit{false}).has_value());
  EXPECT_EQ(f->model.worklist.rows.size(), 5u);
}

TEST_F(WorklistTest, OpeningADossierGoesToItsScreenAndBack) {
  ASSERT_TRUE(f->Do(OpenDossier{today}).has_value());
  EXPECT_EQ(f->model.screen, kScreenDossier);
  ASSERT_TRUE(f->Do(CloseDossier{}).has_value());
  EXPECT_EQ(f->model.screen, kScreenWorklist);
  Status s = f->Do(OpenDossier{"000.00.00.H56-260312-0999"});
  EXPECT_EQ(s.error().rule, "no_such_dossier");
  EXPECT_EQ(f->model.screen, kScreenWorklist);
}

TEST_F(WorklistTest, TrackingBookPrintsTheRowsOnScreen) {
  ASSERT_TRUE(f->Do(PrintTrackingBook{}).has_value());
  f->Wait();
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kSavedOnly);
  EXPECT_NE(f->model.print_job->pdf_path.find("mau06.pdf"), std::string::npos);
  // The journal's head is printed under the book (store/journal.h (5)).
  auto text = motcua::testing::RunCommand({"pdftotext", "-layout", f->model.print_job->pdf_path, "-"});
  const store::JournalHead head = *f->station->store->Head();
  EXPECT_NE(text.out.find("Nhật ký điện tử đến sự kiện số"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find(head.hash.substr(0, 8)), std::string::npos) << text.out;
  ASSERT_TRUE(f->Do(SetWorklistSearch{"khong ai"}).has_value());
  Status s = f->Do(PrintTrackingBook{});
  EXPECT_EQ(s.error().rule, "empty");
}

TEST(WorklistRowMatches, CodePrefixIdPrefixAndNameWords) {
  WorklistRow r;
  r.code = "000.00.00.H56-260312-0001";
  r.applicant_id = "001190012345";
  r.search_name = "nguyen thi hong nhung";
  EXPECT_TRUE(WorklistRowMatches(r, "", ""));
  EXPECT_TRUE(WorklistRowMatches(r, "000 00 00 h56", "000.00.00.H56"));
  EXPECT_TRUE(WorklistRowMatches(r, "0011900", "0011900"));
  EXPECT_TRUE(WorklistRowMatches(r, "hong ng", "HONG NG"));
  EXPECT_FALSE(WorklistRowMatches(r, "hong an", "HONG AN"));
  EXPECT_FALSE(WorklistRowMatches(r, "190012345", "190012345")) << "ID numbers match from their start";
}

}  // namespace
}  // namespace motcua::ui
