// Ratings and PAKN counts reach the 766 scorer through the store (scoring/store_scoring.h): a "không
// hài lòng" rating and a complaint lower 5.4, the supervisor's PAKN counts score 5.2 and 5.3.
// Worked example (computed by hand from domain.md §1.2's formulas, real 2026 calendar):
//   two dossiers of 1.004222 received Mon 2026-11-23 (due Wed 2026-12-02, 7 working days), still open
//   at the end of November, so both on time for 2.1. One is rated 0.
//   5.4 = 6 × min(1, (1/2) / 0.9) = 3.33.
//   PAKN of the unit for 11/2026: received 10, on time 8, unsatisfied 1, repeated 1.
//   5.2 = 6 × 8/10 = 4.80; 5.3 = 6 × (10 − 1 − (10 − 8) − 1)/10 = 6 × 6/10 = 3.60.
#include "scoring/store_scoring.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace motcua::scoring {
namespace {

using indicators::IndicatorId;
using motcua::testing::At;
using motcua::testing::SampleIntake;
using motcua::testing::TempDir;

class StoreScoringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = motcua::testing::MakeTestDesk(dir_.path());
    auto map = dossier::LoadStatusMap(std::filesystem::path(MOTCUA_ASSETS_DIR) / "dvc" / "status-map.json");
    ASSERT_TRUE(map) << map.error().Describe();
    map_ = *map;
    for (int i = 0; i < 2; ++i) {
      auto in = SampleIntake();
      in.received_at = At("2026-11-23 09:00");
      auto r = workflow::Receive(t_->desk, t_->officer, in, At("2026-11-23 09:00"));
      ASSERT_TRUE(r) << r.error().Describe();
      codes_.push_back(r->dossier.code);
    }
  }
  Result<StoreScore> Score() {
    return ScoreStore(*t_->store, map_, *t_->calendar, indicators::MonthPeriod(2026, 11), indicators::Grouping::kUnit);
  }

  TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
  dossier::StatusMap map_;
  std::vector<std::string> codes_;
  workflow::Actor kiosk_{"kiosk-1", workflow::Role::kKiosk, "kiosk-1"};
  workflow::Actor supervisor_{"lanh.dao", workflow::Role::kSupervisor, "station-9"};
};

TEST_F(StoreScoringTest, RatingsSetTheLocalFlags) {
  ASSERT_TRUE(rating::RecordRating(*t_->store, kiosk_,
                                   {.dossier_code = codes_[0], .value = rating::RatingValue::kUnsatisfied},
                                   At("2026-11-24 09:00")));
  ASSERT_TRUE(rating::RecordRating(*t_->store, kiosk_,
                                   {.dossier_code = codes_[1], .value = rating::RatingValue::kSatisfied,
                                    .has_complaint = true},
                                   At("2026-11-24 09:00")));
  auto records = LoadNationalRecords(*t_->store, map_, indicators::MonthPeriod(2026, 11));
  ASSERT_TRUE(records) << records.error().Describe();
  ASSERT_EQ(records->size(), 2u);
  for (const auto& r : *records) {
    ASSERT_TRUE(r.local.has_value());
    EXPECT_EQ(r.local->rating_unsatisfied, r.dossier_code == codes_[0]) << r.dossier_code;
    EXPECT_EQ(r.local->has_pakn, r.dossier_code == codes_[1]) << r.dossier_code;
  }
}

TEST_F(StoreScoringTest, UnsatisfiedRatingLowersIndicator54) {
  auto before = Score();
  ASSERT_TRUE(before) << before.error().Describe();
  EXPECT_DOUBLE_EQ(*before->report.center.Get(IndicatorId::k5_4).points, 6.0);
  ASSERT_TRUE(rating::RecordRating(*t_->store, kiosk_,
                                   {.dossier_code = codes_[0], .value = rating::RatingValue::kUnsatisfied},
                                   At("2026-11-24 09:00")));
  auto after = Score();
  ASSERT_TRUE(after);
  const auto& i54 = after->report.center.Get(IndicatorId::k5_4);
  EXPECT_EQ(i54.numerator, 1);
  EXPECT_EQ(i54.denominator, 2);
  EXPECT_DOUBLE_EQ(*i54.points, 3.33);
  ASSERT_EQ(i54.losses.size(), 1u);
  EXPECT_EQ(i54.losses[0].reason, indicators::LossReason::kUnsatisfiedRating);
  // 2.1 does not move: the rating is about satisfaction, not time.
  EXPECT_DOUBLE_EQ(*after->report.center.Get(IndicatorId::k2_1).points, 20.0);
}

TEST_F(StoreScoringTest, PaknCountsScore52And53PerUnitAndCenter) {
  rating::PaknMonth p{.unit = "Công an cấp xã", .year = 2026, .month = 11, .received = 10, .on_time = 8,
                      .unsatisfied = 1, .repeated = 1};
  ASSERT_TRUE(rating::RecordPaknCounts(*t_->store, supervisor_, p, At("2026-11-30 16:00")));
  // Another month's counts stay out of November.
  p.month = 10;
  p.on_time = 0;
  ASSERT_TRUE(rating::RecordPaknCounts(*t_->store, supervisor_, p, At("2026-11-30 16:00")));
  auto loaded = LoadPaknCounts(*t_->store, indicators::MonthPeriod(2026, 11));
  ASSERT_TRUE(loaded);
  ASSERT_TRUE(loaded->center.has_value());
  EXPECT_EQ(loaded->center->total, 10);
  EXPECT_EQ(loaded->center->on_time, 8);
  EXPECT_EQ(loaded->center->satisfied, 6);
  ASSERT_EQ(loaded->by_unit.size(), 1u);
  auto scored = Score();
  ASSERT_TRUE(scored);
  for (const indicators::ScoreCard* card : {&scored->report.center, &scored->report.breakdown.at(0)}) {
    EXPECT_DOUBLE_EQ(*card->Get(IndicatorId::k5_2).points, 4.8) << card->key;
    EXPECT_DOUBLE_EQ(*card->Get(IndicatorId::k5_3).points, 3.6) << card->key;
  }
  // A quarter sums its months.
  auto quarter = LoadPaknCounts(*t_->store, indicators::QuarterPeriod(2026, 4));
  EXPECT_EQ(quarter->center->total, 20);
  EXPECT_EQ(quarter->center->on_time, 8);
}

TEST_F(StoreScoringTest, NoPaknEntriesLeaveTheCountsUnknown) {
  auto loaded = LoadPaknCounts(*t_->store, indicators::MonthPeriod(2026, 11));
  ASSERT_TRUE(loaded);
  EXPECT_FALSE(loaded->center.has_value());
  EXPECT_TRUE(loaded->by_unit.empty());
}

TEST(ToPaknCounts, FloorsOverlappingCountsAtZero) {
  // 5 received, 2 on time, 2 unsatisfied, 1 repeated: 5 − 2 − 3 − 1 < 0, taken as 0 (counts are disjoint).
  const auto c = ToPaknCounts({.unit = "x", .year = 2026, .month = 8, .received = 5, .on_time = 2, .unsatisfied = 2,
                               .repeated = 1});
  EXPECT_EQ(c.total, 5);
  EXPECT_EQ(c.on_time, 2);
  EXPECT_EQ(c.satisfied, 0);
  const auto d = ToPaknCounts({.unit = "x", .year = 2026, .month = 8, .received = 5, .on_time = 5});
  EXPECT_EQ(d.satisfied, 5);
}

}  // namespace
}  // namespace motcua::scoring
