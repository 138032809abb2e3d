// The board's view (ui_model/board_view.h): the sizes a hall needs (tickets an eighth of the screen,
// no text under 36 px at 1080p), the highlight's blink, plain sentences instead of empty tables, and
// every string present in both languages.
#include "ui_model/board_view.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "board/board_fixture.h"

namespace motcua::ui::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(BoardLayoutTest, TicketsAreAnEighthOfTheScreenAndNoTextIsSmallerThan36PxAt1080p) {
  for (std::size_t counters : {1u, 2u, 4u, 6u}) {
    const BoardLayout l = MakeBoardLayout(1920, 1080, counters);
    EXPECT_GE(l.display_px, 1080.0f / 8) << counters << " counters";
    EXPECT_GE(l.small_px, 36.0f);
    EXPECT_GE(l.tile_height_px, l.display_px + l.big_px) << counters << " counters";
  }
  // The same proportions at 720p and 2160p.
  EXPECT_GE(MakeBoardLayout(1280, 720, 4).display_px, 720.0f / 8);
  EXPECT_GE(MakeBoardLayout(3840, 2160, 4).display_px, 2160.0f / 8);
  EXPECT_GE(MakeBoardLayout(3840, 2160, 4).small_px, 72.0f);
}

TEST(BoardViewTest, ShowsEachCounterAndLightsTheNewestCallWhileItBlinks) {
  BoardFixture f;
  f.Seed();
  for (int i = 0; i < 3; ++i) f.Take("A");
  f.Call("10");
  f.Call("2");
  f.Poll();
  BoardView v = MakeBoardView(f.model, f.Now(), {.blink_on = true});
  ASSERT_EQ(v.counters.size(), 2u);
  EXPECT_EQ(v.counters[0].label, "A002");
  EXPECT_EQ(v.counters[0].counter_text, "Quầy 2");
  EXPECT_TRUE(v.counters[0].highlighted);
  EXPECT_FALSE(v.counters[1].highlighted);
  EXPECT_EQ(v.recent.front().label, "A002");
  EXPECT_TRUE(v.recent.front().is_newest);
  // The blink's off phase keeps the frame but not the fill; after highlight_seconds, neither.
  v = MakeBoardView(f.model, f.Now(), {.blink_on = false});
  EXPECT_FALSE(v.counters[0].highlighted);
  EXPECT_TRUE(v.counters[0].is_newest);
  v = MakeBoardView(f.model, f.Now() + std::chrono::seconds(10), {.blink_on = true});
  EXPECT_FALSE(v.counters[0].is_newest);
  EXPECT_FALSE(v.recent.front().is_newest);
}

TEST(BoardViewTest, RecallIsMarkedAndNamedCountersKeepTheirName) {
  BoardFixture f;
  f.Seed();
  f.Take("A");
  f.Call("Tiếp nhận hồ sơ");
  f.Recall("Tiếp nhận hồ sơ");
  f.Poll();
  const BoardView v = MakeBoardView(f.model, f.Now());
  ASSERT_EQ(v.recent.size(), 1u);
  EXPECT_EQ(v.recent[0].counter_text, "Tiếp nhận hồ sơ");
  EXPECT_EQ(v.recent[0].mark, "gọi lại");
}

TEST(BoardViewTest, WaitingRowsPerAreaWithPriority) {
  BoardFixture f;
  f.Seed();
  f.Take("A");
  f.Take("A", "elderly");
  f.Poll();
  const BoardView v = MakeBoardView(f.model, f.Now());
  ASSERT_EQ(v.waiting.size(), 2u);
  EXPECT_EQ(v.waiting[0].letter, "A");
  EXPECT_EQ(v.waiting[0].name, "Tư pháp - Hộ tịch");
  EXPECT_EQ(v.waiting[0].count_text, "2");
  EXPECT_EQ(v.waiting[0].priority_text, "1 ưu tiên");
  EXPECT_EQ(v.waiting[1].count_text, "0");
}

TEST(BoardViewTest, AnEmptyMonthSaysSoInsteadOfAnEmptyTable) {
  BoardFixture f;
  f.Seed();
  auto lists = LoadBoardPublicLists(f.Store(), f.station->station->status_map, *f.station->station->calendar, f.Now());
  ASSERT_TRUE(lists.has_value());
  SetBoardLists(f.model, std::move(*lists));
  BoardView v = MakeBoardView(f.model, f.Now());
  EXPECT_EQ(v.panel.key, "officers");
  EXPECT_EQ(v.panel.title, "Cán bộ để hồ sơ trễ hạn – tháng 03/2026");
  EXPECT_EQ(v.panel.as_of, "Số liệu đến ngày 12/03/2026");
  EXPECT_EQ(v.panel.empty_text, "Chưa có hồ sơ nào được tiếp nhận trong tháng 03/2026.");
  EXPECT_THAT(v.panel.table.rows, IsEmpty());
  EXPECT_EQ(v.counters_empty, "Chưa có quầy nào gọi số");
  EXPECT_EQ(v.recent_empty, "Chưa gọi số nào hôm nay");
}

TEST(BoardViewTest, ListsArePagedAndCarryTheirDate) {
  BoardFixture f;
  f.Seed();
  BoardPublicLists l;
  l.computed_at = f.Now();
  l.year = 2026;
  l.month = 3;
  l.dossiers = 12;
  for (int i = 0; i < 7; ++i) l.officers.rows.push_back({"Sở Tư pháp", "u" + std::to_string(i), "Trần Thị Bình", 2, {}});
  l.officers.rows.push_back({"UBND xã Minh Xuân", "", "", 1, {}});
  l.communes.rows.push_back({1, "UBND xã Minh Xuân", "", 5, 72.5});
  SetBoardLists(f.model, std::move(l));
  f.model.slide = 1;  // officers, page 2
  BoardView v = MakeBoardView(f.model, f.Now());
  EXPECT_EQ(v.panel.page_text, "2/2");
  ASSERT_EQ(v.panel.table.rows.size(), 3u);
  EXPECT_THAT(v.panel.table.rows[2], ElementsAre("Chưa phân công", "UBND xã Minh Xuân", "1"));
  f.model.slide = 2;  // communes
  v = MakeBoardView(f.model, f.Now());
  EXPECT_EQ(v.panel.key, "communes");
  EXPECT_EQ(v.panel.as_of, "Số liệu đến ngày 12/03/2026");
  EXPECT_THAT(v.panel.table.rows[0], ElementsAre("1", "UBND xã Minh Xuân", "5", "72,50"));
}

TEST(BoardViewTest, SaysOnceThatThereIsNoSound) {
  BoardFixture f;
  f.Seed();
  f.model.audio_problem = "no audio: SDL audio init failed";
  EXPECT_EQ(MakeBoardView(f.model, f.Now()).status_line, "Không có loa: số gọi không được đọc to");
  EXPECT_EQ(MakeBoardView(f.model, f.Now(), {.lang = Lang::kEn}).status_line, "No sound: calls are not read aloud");
}

TEST(BoardViewTest, EveryStringExistsInBothLanguages) {
  BoardFixture f;
  ASSERT_TRUE(f.Set("board.notices", "Giờ làm việc 7:30 – 17:00").has_value());
  f.Seed();
  f.Take("A");
  f.Call("1");
  f.Recall("1");
  f.Poll();
  f.model.audio_problem = "x";
  f.model.store_error = Error{ErrorCode::kUnavailable, "db", "database_busy", ""};
  f.model.lists_error = "x";
  TakeMissingKeys();
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    for (std::size_t slide = 0; slide < 3; ++slide) {
      f.model.slide = slide;
      (void)MakeBoardView(f.model, f.Now(), {.lang = lang});
    }
    BoardPublicLists l;
    l.year = 2026;
    l.month = 3;
    SetBoardLists(f.model, l);
    for (std::size_t slide = 0; slide < f.model.slides.size(); ++slide) {
      f.model.slide = slide;
      (void)MakeBoardView(f.model, f.Now(), {.lang = lang});
    }
    f.model.lists.reset();
  }
  EXPECT_THAT(TakeMissingKeys(), IsEmpty());
}

}  // namespace
}  // namespace motcua::ui::testing
