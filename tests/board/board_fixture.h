// A display board over a real station (tests/ui_model/station_fixture.h: SQLite in a temp dir, the
// sample catalog, real accounts), with two service areas and the queue core's real tickets and calls.
// Time is the station's FixedClock: 2026-03-12 08:30 Vietnam time unless moved.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "queue/areas.h"
#include "queue/queue.h"
#include "ui_model/board_model.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui::testing {

struct BoardFixture {
  std::unique_ptr<StationFixture> station = MakeStation();
  workflow::Actor admin{kAdmin, workflow::Role::kAdmin, "station-1"};
  workflow::Actor officer{kOfficer, workflow::Role::kOfficer, "station-1"};
  BoardModel model;

  BoardFixture() {
    for (const auto& [letter, name] : {std::pair{"A", "Tư pháp - Hộ tịch"}, std::pair{"B", "Đất đai"}}) {
      queue::Area a;
      a.letter = letter;
      a.name = name;
      auto saved = queue::SaveArea(Store(), admin, a, Now());
      EXPECT_TRUE(saved.has_value()) << saved.error().Describe();
    }
  }
  store::Store& Store() { return *station->station->store; }
  Instant Now() { return station->clock.Now(); }
  void Advance(int seconds) { station->clock.Advance(std::chrono::seconds(seconds)); }

  std::string Take(const std::string& area, const std::string& priority = "") {
    std::vector<queue::PriorityGroup> groups = {{"elderly", "Người cao tuổi", "Elderly", "", ""}};
    auto t = queue::TakeTicket(Store(), officer, {area, priority}, groups, Now());
    EXPECT_TRUE(t.has_value()) << t.error().Describe();
    return t ? t->ticket.label : "";
  }
  std::string Call(const std::string& counter, const std::vector<std::string>& areas = {"A", "B"}) {
    auto t = queue::CallNext(Store(), officer, counter, areas, Now());
    EXPECT_TRUE(t.has_value()) << t.error().Describe();
    return t && *t ? (*t)->label : "";
  }
  void Recall(const std::string& counter) {
    auto t = queue::Recall(Store(), officer, counter, Now());
    EXPECT_TRUE(t.has_value()) << t.error().Describe();
  }
  void Seed() {
    Status s = SeedBoard(model, Store(), Now());
    ASSERT_TRUE(s.has_value()) << s.error().Describe();
  }
  std::vector<BoardAnnouncement> Poll() {
    auto r = PollBoard(model, Store(), Now());
    EXPECT_TRUE(r.has_value()) << r.error().Describe();
    return r ? *r : std::vector<BoardAnnouncement>{};
  }
  Status Set(std::string_view key, std::string_view value) {
    return SaveBoardSetting(Store(), admin, key, value, Now());
  }
};

// "A001 5 vi" for each announcement: easy to compare as a list.
inline std::vector<std::string> Said(const std::vector<BoardAnnouncement>& said) {
  std::vector<std::string> out;
  for (const BoardAnnouncement& a : said)
    out.push_back(a.label + " " + a.counter + " " + a.voice + (a.recall ? " recall" : ""));
  return out;
}

}  // namespace motcua::ui::testing
