// A month for the score card on a station fixture (station_fixture.h): dossiers received through the
// real desk (workflow::Receive / Apply) in February and March 2026 before the fixture's "now"
// (Thursday 2026-03-12 08:30), in four units of the sample catalog (one with a long name), some
// finished on time, some late, some open and due within a working day, so that the card has losses,
// the work lists are not empty, the trend has two months and the comparison three units or more.
// Used by tests/ui_model/scorecard_test.cpp and tests/ui_smoke/counter_screens_test.cpp.
#pragma once

#include <string>
#include <vector>

#include "ui_model/station_fixture.h"

namespace motcua::ui::testing {

struct ScoreCardMonth {
  std::vector<std::string> march_codes;  // received in March 2026, in the order received
  std::string late_code;                 // a March dossier finished after its due time
  std::string due_soon_code;             // open, due by the end of Friday 2026-03-13
};

// Fails the calling test on any error (check ::testing::Test::HasFailure()).
ScoreCardMonth SeedScoreCardMonth(StationFixture& f);

}  // namespace motcua::ui::testing
