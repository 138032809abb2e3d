// The display board's model (ui_model/board_model.h) over a real station: the feed of calls from the
// journal, the seeding at start, the counters and waiting counts, the settings, the announcements and
// the rotation of the public panel with an injected clock.
#include "ui_model/board_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "board/board_fixture.h"
#include "ui_model/scorecard_fixture.h"

namespace motcua::ui::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::vector<std::string> Labels(const BoardModel& m) {
  std::vector<std::string> out;
  for (const BoardCall& c : m.recent) out.push_back(c.label + "@" + c.counter + (c.recall ? "!" : ""));
  return out;
}

TEST(BoardFeed, PicksUpEachNewCallExactlyOnce) {
  BoardFixture f;
  f.Seed();
  f.Take("A");
  f.Take("A");
  EXPECT_THAT(f.Poll(), IsEmpty());  // taking a ticket is not a call
  f.Call("5");
  EXPECT_THAT(Said(f.Poll()), ElementsAre("A001 5 vi"));
  EXPECT_THAT(f.Poll(), IsEmpty());  // seen once
  f.Call("2");
  EXPECT_THAT(Said(f.Poll()), ElementsAre("A002 2 vi"));
  EXPECT_THAT(Labels(f.model), ElementsAre("A002@2", "A001@5"));
  ASSERT_TRUE(f.model.newest.has_value());
  EXPECT_EQ(f.model.newest->label, "A002");
}

TEST(BoardFeed, AnnouncesSeveralCallsOfOnePollInTheOrderTheyWereMade) {
  BoardFixture f;
  f.Seed();
  for (int i = 0; i < 3; ++i) f.Take("A");
  f.Take("B");
  f.Call("3");
  f.Call("1", {"B"});
  f.Call("10");
  EXPECT_THAT(Said(f.Poll()), ElementsAre("A001 3 vi", "B001 1 vi", "A002 10 vi"));
}

TEST(BoardFeed, RecallIsAnnouncedAgainAndMovesTheTicketUp) {
  BoardFixture f;
  f.Seed();
  f.Take("A");
  f.Take("A");
  f.Call("5");
  f.Call("6");
  f.Poll();
  f.Recall("5");
  EXPECT_THAT(Said(f.Poll()), ElementsAre("A001 5 vi recall"));
  EXPECT_THAT(Labels(f.model), ElementsAre("A001@5!", "A002@6"));  // once in the list, on top
}

TEST(BoardFeed, SeedingFillsTheLastCallsWithoutAnnouncingThem) {
  BoardFixture f;
  for (int i = 0; i < 8; ++i) f.Take("A");
  for (int i = 0; i < 8; ++i) f.Call(std::to_string(i + 1));
  f.Seed();
  EXPECT_EQ(f.model.recent.size(), static_cast<std::size_t>(kBoardRecentCalls));
  EXPECT_EQ(f.model.recent.front().label, "A008");
  EXPECT_EQ(f.model.recent.back().label, "A003");
  EXPECT_FALSE(f.model.newest.has_value());  // nothing lit
  EXPECT_THAT(f.Poll(), IsEmpty());          // and nothing said
}

TEST(BoardFeed, SeedingLeavesYesterdaysCallsOut) {
  BoardFixture f;
  f.Take("A");
  f.Call("1");
  f.Advance(24 * 3600);
  f.Seed();
  EXPECT_THAT(f.model.recent, IsEmpty());
  EXPECT_THAT(f.model.counters, IsEmpty());  // counter 1 still "serves" yesterday's ticket: not shown
}

TEST(BoardFeed, ANewDayEmptiesTheList) {
  BoardFixture f;
  f.Seed();
  f.Take("A");
  f.Call("1");
  f.Poll();
  ASSERT_EQ(f.model.recent.size(), 1u);
  f.Advance(24 * 3600);
  EXPECT_THAT(f.Poll(), IsEmpty());
  EXPECT_THAT(f.model.recent, IsEmpty());
}

TEST(BoardCounters, AreSortedOneTwoThenTen) {
  BoardFixture f;
  for (int i = 0; i < 4; ++i) f.Take("A");
  f.Call("10");
  f.Call("2");
  f.Call("1");
  f.Call("3");
  f.Seed();
  std::vector<std::string> counters;
  for (const queue::CounterCall& c : f.model.counters) counters.push_back(c.counter);
  EXPECT_THAT(counters, ElementsAre("1", "2", "3", "10"));
}

TEST(BoardCounters, WaitingCountsFollowTheLines) {
  BoardFixture f;
  f.Seed();
  f.Take("A");
  f.Take("A", "elderly");
  f.Take("A");
  f.Take("B");
  f.Poll();
  EXPECT_EQ(f.model.waiting["A"].Total(), 3);
  EXPECT_EQ(f.model.waiting["A"].priority, 1);
  EXPECT_EQ(f.model.waiting["B"].Total(), 1);
  f.Call("1", {"A"});  // the priority ticket first
  f.Poll();
  EXPECT_EQ(f.model.waiting["A"].Total(), 2);
  EXPECT_EQ(f.model.waiting["A"].priority, 0);
}

TEST(BoardSettings, DefaultsAreNorthernFifteenSecondsNoEnglish) {
  BoardFixture f;
  auto s = LoadBoardSettings(f.Store());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->rotation_seconds, 15);
  EXPECT_EQ(s->highlight_seconds, 10);
  EXPECT_FALSE(s->announce_english);
  EXPECT_THAT(s->notices, IsEmpty());
  EXPECT_EQ(s->reading.thousand, speech::Thousand::kNghin);
}

TEST(BoardSettings, BadValuesAreRefusedNamingTheKeyAndWriteNothing) {
  BoardFixture f;
  const std::int64_t before = f.station->JournalCount();
  struct Case {
    const char* key;
    const char* value;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"board.rotation_seconds", "4", "board.rotation_seconds", "out_of_range"},   // below 5
      {"board.rotation_seconds", "601", "board.rotation_seconds", "out_of_range"}, // above 600
      {"board.rotation_seconds", "15s", "board.rotation_seconds", "bad_value"},
      {"board.highlight_seconds", "1", "board.highlight_seconds", "out_of_range"},
      {"board.announce_english", "yes", "board.announce_english", "bad_value"},
      {"queue.speech.thousand", "nghìn nghìn", "queue.speech.thousand", "not_a_choice"},
      {"queue.speech.four", "4", "queue.speech.four", "not_a_choice"},
      {"board.notices", "Giờ làm việc\tsáng", "board.notices", "control_character"},
      {"board.colour", "red", "key", "unknown_setting"},
  };
  for (const Case& c : cases) {
    Status s = f.Set(c.key, c.value);
    ASSERT_FALSE(s.has_value()) << c.key << "=" << c.value;
    EXPECT_EQ(s.error().field, c.field) << c.key << "=" << c.value;
    EXPECT_EQ(s.error().rule, c.rule) << c.key << "=" << c.value;
  }
  Status officer = SaveBoardSetting(f.Store(), f.officer, "board.rotation_seconds", "20", f.Now());
  ASSERT_FALSE(officer.has_value());
  EXPECT_EQ(officer.error().rule, "not_allowed");
  EXPECT_EQ(f.station->JournalCount(), before);
}

TEST(BoardSettings, BoundariesAndNoticesAreStoredAndJournaled) {
  BoardFixture f;
  ASSERT_TRUE(f.Set("board.rotation_seconds", "5").has_value());
  ASSERT_TRUE(f.Set("board.rotation_seconds", "600").has_value());
  ASSERT_TRUE(f.Set("board.notices", "  Giờ làm việc: 7:30 – 17:00\r\n\n Nộp hồ sơ trực tuyến tại dichvucong.gov.vn ").has_value());
  ASSERT_TRUE(f.Set("queue.speech.thousand", "ngan").has_value());
  ASSERT_TRUE(f.Set("queue.speech.zero_tens", "lẻ").has_value());
  ASSERT_TRUE(f.Set("board.announce_english", "true").has_value());
  auto s = LoadBoardSettings(f.Store());
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->rotation_seconds, 600);
  EXPECT_THAT(s->notices, ElementsAre("Giờ làm việc: 7:30 – 17:00", "Nộp hồ sơ trực tuyến tại dichvucong.gov.vn"));
  EXPECT_EQ(s->reading.thousand, speech::Thousand::kNgan);
  EXPECT_EQ(s->reading.zero_tens, speech::ZeroTens::kLe);
  EXPECT_TRUE(s->announce_english);
  auto events = f.Store().ReadJournal({});
  ASSERT_TRUE(events.has_value());
  EXPECT_EQ(events->back().type, "station.settings_changed");
}

// Worked example: ticket A1024 at counter 5, read the southern way (ngàn, lẻ, bốn), then in English.
TEST(BoardAnnouncements, UseTheCentersNumberReadingAndEnglishWhenAsked) {
  BoardSettings s;
  s.reading = {speech::Thousand::kNgan, speech::ZeroTens::kLe, speech::FourAfterTens::kBon};
  const BoardCall call{1, "A1024", "5", "A", {}, false};
  auto said = AnnouncementsFor(call, s);
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(said[0].sentence, "Mời khách hàng số A một ngàn không trăm hai mươi bốn đến quầy số năm");
  s.announce_english = true;
  s.reading = {};
  said = AnnouncementsFor(call, s);
  ASSERT_EQ(said.size(), 2u);
  EXPECT_EQ(said[0].sentence, "Mời khách hàng số A một nghìn không trăm hai mươi tư đến quầy số năm");
  EXPECT_EQ(said[1].voice, "en");
  EXPECT_THAT(said[1].sentence, HasSubstr("A-1024"));
  EXPECT_THAT(AnnouncementsFor({1, "A-1", "5", "A", {}, false}, s), IsEmpty());  // not a ticket: silence
}

TEST(BoardFeed, SaysCallsWithTheStoredReading) {
  BoardFixture f;
  ASSERT_TRUE(f.Set("queue.speech.four", "bốn").has_value());
  f.Seed();
  queue::Area b;
  b.letter = "C";
  b.name = "Chứng thực";
  b.first_number = 24;
  ASSERT_TRUE(queue::SaveArea(f.Store(), f.admin, b, f.Now()).has_value());
  f.Take("C");
  f.Call("5", {"C"});
  auto said = f.Poll();
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(said[0].sentence, "Mời khách hàng số C hai mươi bốn đến quầy số năm");
}

BoardPublicLists ListsWith(int officers, int communes) {
  BoardPublicLists l;
  l.year = 2026;
  l.month = 3;
  l.dossiers = 40;
  for (int i = 0; i < officers; ++i) l.officers.rows.push_back({"Sở Tư pháp", "o" + std::to_string(i), "Cán bộ", 1, {}});
  for (int i = 0; i < communes; ++i) l.communes.rows.push_back({i + 1, "Xã " + std::to_string(i), "", 4, 80});
  return l;
}

std::vector<std::string> SlideNames(const BoardModel& m) {
  std::vector<std::string> out;
  for (const BoardSlide& s : m.slides)
    out.push_back(std::string(BoardPanelKey(s.panel)) + " " + std::to_string(s.page + 1) + "/" + std::to_string(s.pages));
  return out;
}

TEST(BoardRotation, GoesThroughEveryPageOfEachListThenTheNotices) {
  BoardFixture f;
  ASSERT_TRUE(f.Set("board.notices", "Một\nHai\nBa\nBốn").has_value());
  f.Seed();
  SetBoardLists(f.model, ListsWith(kBoardRowsPerSlide + 1, 2));
  EXPECT_THAT(SlideNames(f.model),
              ElementsAre("officers 1/2", "officers 2/2", "communes 1/1", "notices 1/2", "notices 2/2"));
}

TEST(BoardRotation, EmptyListsStillGetTheirSlideAndNoNoticesNoSlide) {
  BoardFixture f;
  f.Seed();
  EXPECT_THAT(SlideNames(f.model), ElementsAre("officers 1/1", "communes 1/1"));  // "loading" / "no data"
}

TEST(BoardRotation, MovesEveryRotationSecondsAndWrapsAround) {
  BoardFixture f;
  ASSERT_TRUE(f.Set("board.rotation_seconds", "15").has_value());
  ASSERT_TRUE(f.Set("board.notices", "Giờ làm việc 7:30 – 17:00").has_value());
  f.Seed();
  SetBoardLists(f.model, ListsWith(1, 1));
  ASSERT_EQ(f.model.slides.size(), 3u);
  const Instant t0 = f.Now();
  EXPECT_FALSE(TickRotation(f.model, t0));  // starts the clock
  EXPECT_FALSE(TickRotation(f.model, t0 + std::chrono::seconds(14)));
  EXPECT_EQ(f.model.slide, 0u);
  EXPECT_TRUE(TickRotation(f.model, t0 + std::chrono::seconds(15)));
  EXPECT_EQ(f.model.slide, 1u);
  EXPECT_FALSE(TickRotation(f.model, t0 + std::chrono::seconds(29)));
  EXPECT_TRUE(TickRotation(f.model, t0 + std::chrono::seconds(30)));
  EXPECT_EQ(f.model.slide, 2u);
  EXPECT_TRUE(TickRotation(f.model, t0 + std::chrono::seconds(45)));
  EXPECT_EQ(f.model.slide, 0u);  // back to the officers
}

TEST(BoardRotation, FreshListsKeepThePanelOnScreen) {
  BoardFixture f;
  f.Seed();
  SetBoardLists(f.model, ListsWith(1, 1));
  f.model.slide = 1;  // communes
  SetBoardLists(f.model, ListsWith(kBoardRowsPerSlide * 2, 1));
  ASSERT_LT(f.model.slide, f.model.slides.size());
  EXPECT_EQ(f.model.slides[f.model.slide].panel, BoardPanel::kCommunes);
}

TEST(BoardHighlight, LastsHighlightSecondsFromWhenTheBoardSawTheCall) {
  BoardFixture f;
  f.Seed();
  f.Take("A");
  f.Call("1");
  f.Poll();
  const Instant seen = f.Now();
  EXPECT_TRUE(IsHighlighted(f.model, seen + std::chrono::seconds(9)));
  EXPECT_FALSE(IsHighlighted(f.model, seen + std::chrono::seconds(10)));
}

// The score card's month (scorecard_fixture.h): a dossier finished late in March 2026.
TEST(BoardPublicListsTest, AreTheScoreCardsListsOfTheMonth) {
  BoardFixture f;
  const ScoreCardMonth month = SeedScoreCardMonth(*f.station);
  ASSERT_FALSE(::testing::Test::HasFailure());
  auto lists = LoadBoardPublicLists(f.Store(), f.station->station->status_map, *f.station->station->calendar, f.Now());
  ASSERT_TRUE(lists.has_value()) << lists.error().Describe();
  EXPECT_EQ(lists->year, 2026);
  EXPECT_EQ(lists->month, 3u);
  EXPECT_EQ(lists->dossiers, static_cast<std::int64_t>(month.march_codes.size()));
  bool listed = false;
  for (const reports::LateDossier& d : lists->officers.dossiers) listed = listed || d.dossier_code == month.late_code;
  EXPECT_TRUE(listed) << "the dossier finished late is on the officers' list";
}

TEST(BoardPublicListsTest, AnEmptyMonthHasNoRows) {
  BoardFixture f;
  auto lists = LoadBoardPublicLists(f.Store(), f.station->station->status_map, *f.station->station->calendar, f.Now());
  ASSERT_TRUE(lists.has_value()) << lists.error().Describe();
  EXPECT_EQ(lists->dossiers, 0);
  EXPECT_THAT(lists->officers.rows, IsEmpty());
  EXPECT_THAT(lists->communes.rows, IsEmpty());
}

}  // namespace
}  // namespace motcua::ui::testing

namespace motcua::ui::testing {
namespace {

// The board reads the database that the counters write from other processes: a second connection
// stands in for them (tests/board_e2e runs real separate processes).
TEST(BoardFeed, FollowsCallsMadeThroughAnotherConnection) {
  BoardFixture f;
  f.Seed();
  auto other = store::OpenSqliteStore((f.station->dir.path() / "motcua.db").string());
  ASSERT_TRUE(other.has_value()) << other.error().Describe();
  const std::vector<queue::PriorityGroup> groups;
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(queue::TakeTicket(**other, f.officer, {"A", ""}, groups, f.Now()).has_value());
  for (const char* counter : {"5", "2", "7"}) {
    auto called = queue::CallNext(**other, f.officer, counter, {"A"}, f.Now());
    ASSERT_TRUE(called.has_value()) << called.error().Describe();
    auto said = f.Poll();
    ASSERT_EQ(said.size(), 1u) << "after the call at counter " << counter;
    EXPECT_EQ(said[0].counter, counter);
  }
  EXPECT_EQ(f.model.counters.size(), 3u);
}

}  // namespace
}  // namespace motcua::ui::testing
