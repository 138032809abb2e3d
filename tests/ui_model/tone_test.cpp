#include "ui_model/tone.h"

#include <gtest/gtest.h>

#include "ui_model/strings.h"

namespace motcua::ui {
namespace {

constexpr Urgency kAll[] = {Urgency::kOverdue, Urgency::kDueToday, Urgency::kDueWithinOneWorkingDay,
                            Urgency::kOnTrack, Urgency::kPaused,   Urgency::kNoDueDate,
                            Urgency::kFinished};

TEST(ToneForUrgency, OverdueIsDangerAndOnTrackIsSuccess) {
  EXPECT_EQ(ToneForUrgency(Urgency::kOverdue), Tone::kDanger);
  EXPECT_EQ(ToneForUrgency(Urgency::kDueToday), Tone::kWarning);
  EXPECT_EQ(ToneForUrgency(Urgency::kDueWithinOneWorkingDay), Tone::kInfo);
  EXPECT_EQ(ToneForUrgency(Urgency::kOnTrack), Tone::kSuccess);
  EXPECT_EQ(ToneForUrgency(Urgency::kPaused), Tone::kNeutral);
  EXPECT_EQ(ToneForUrgency(Urgency::kFinished), Tone::kNeutral);
}

TEST(UrgencyLabelKey, EveryUrgencyHasTextInBothLanguages) {
  TakeMissingKeys();
  for (Urgency u : kAll) {
    EXPECT_NE(FindString(Lang::kVi, UrgencyLabelKey(u)), nullptr) << UrgencyLabelKey(u);
    EXPECT_NE(FindString(Lang::kEn, UrgencyLabelKey(u)), nullptr) << UrgencyLabelKey(u);
  }
  EXPECT_STREQ(Tr(Lang::kVi, UrgencyLabelKey(Urgency::kOverdue)), "Quá hạn");
  EXPECT_STREQ(Tr(Lang::kVi, UrgencyLabelKey(Urgency::kDueWithinOneWorkingDay)), "Còn 1 ngày làm việc");
}

}  // namespace
}  // namespace motcua::ui
