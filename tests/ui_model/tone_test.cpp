#include "ui_model/tone.h"

#include <gtest/gtest.h>

#include "ui_model/strings.h"

namespace motcua::ui {
namespace {

TEST(ToneForUrgency, OverdueIsDangerAndOnTrackIsSuccess) {
  EXPECT_EQ(ToneForUrgency(Urgency::kOverdue), Tone::kDanger);
  EXPECT_EQ(ToneForUrgency(Urgency::kDueToday), Tone::kWarning);
  EXPECT_EQ(ToneForUrgency(Urgency::kDueSoon), Tone::kInfo);
  EXPECT_EQ(ToneForUrgency(Urgency::kOnTrack), Tone::kSuccess);
}

TEST(UrgencyLabelKey, EveryUrgencyHasTextInBothLanguages) {
  TakeMissingKeys();
  for (Urgency u : {Urgency::kOverdue, Urgency::kDueToday, Urgency::kDueSoon, Urgency::kOnTrack}) {
    EXPECT_NE(FindString(Lang::kVi, UrgencyLabelKey(u)), nullptr) << UrgencyLabelKey(u);
    EXPECT_NE(FindString(Lang::kEn, UrgencyLabelKey(u)), nullptr) << UrgencyLabelKey(u);
  }
  EXPECT_STREQ(Tr(Lang::kVi, UrgencyLabelKey(Urgency::kOverdue)), "Quá hạn");
}

}  // namespace
}  // namespace motcua::ui
