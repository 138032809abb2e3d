// Ratings and PAKN counts: one rating per dossier, replacement only by a supervisor with a reason, one
// record and one journal event per write, and the validation rules, each with its exact (field, rule).
// Worked examples: TT 01/2018 Art. 13 (nine criteria, 2/1/0) and Thanh Hóa's TraLoi11 (2/1/0) as
// domain.md §8 records them.
#include "rating/rating.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace motcua::rating {
namespace {

using motcua::testing::At;
using motcua::testing::SampleIntake;
using motcua::testing::TempDir;
using workflow::Actor;
using workflow::Role;

class RatingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = motcua::testing::MakeTestDesk(dir_.path());
    auto r = workflow::Receive(t_->desk, t_->officer, [] {
      auto in = SampleIntake();
      in.received_at = At("2026-11-23 09:00");
      return in;
    }(), At("2026-11-23 09:00"));
    ASSERT_TRUE(r) << r.error().Describe();
    code_ = r->dossier.code;
  }
  // Events since the set-up.
  std::size_t JournalSize() { return t_->store->ReadJournal({})->size() - t_->setup_events; }
  NewRating Sample(RatingValue v = RatingValue::kVerySatisfied) {
    NewRating n;
    n.dossier_code = code_;
    n.value = v;
    n.source = RatingSource::kKiosk;
    n.counter_id = "Quầy 3";
    n.officer = "can.bo.a";
    return n;
  }

  TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
  std::string code_;
  Actor kiosk_{"kiosk-1", Role::kKiosk, "kiosk-1"};  // a kiosk's station account (Permission::kRate)
  Actor supervisor_{"lanh.dao", Role::kSupervisor, "station-9"};
};

TEST(RatingValue, ParsesDigitsAndKeys) {
  // TraLoi11: 2 rất hài lòng, 1 hài lòng, 0 không hài lòng (domain.md §8, Thanh Hóa).
  EXPECT_EQ(*ParseRatingValue("2"), RatingValue::kVerySatisfied);
  EXPECT_EQ(*ParseRatingValue("1"), RatingValue::kSatisfied);
  EXPECT_EQ(*ParseRatingValue("0"), RatingValue::kUnsatisfied);
  EXPECT_EQ(*ParseRatingValue("unsatisfied"), RatingValue::kUnsatisfied);
  EXPECT_STREQ(RatingValueNameVi(RatingValue::kUnsatisfied), "Không hài lòng");
  auto bad = ParseRatingValue("3");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "value");
  EXPECT_EQ(bad.error().rule, "bad_value");
  auto bad_source = ParseRatingSource("sms");
  ASSERT_FALSE(bad_source);
  EXPECT_EQ(bad_source.error().rule, "bad_value");
  EXPECT_EQ(*ParseRatingSource("paper"), RatingSource::kPaper);
}

TEST_F(RatingTest, RecordsOneRecordAndOneJournalEvent) {
  const std::size_t before = JournalSize();
  NewRating n = Sample();
  n.criteria = {2, 2, 1, 2, std::nullopt, 2, 2, std::nullopt, 1};  // TT 01/2018 Art. 13, criteria 5 and 8 unasked
  n.comment = "Cán bộ hướng dẫn tận tình";
  auto r = RecordRating(*t_->store, kiosk_, n, At("2026-11-23 10:00"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->unit, "Công an cấp xã");  // the dossier's processing unit
  EXPECT_EQ(JournalSize(), before + 1);
  auto events = t_->store->ReadJournal({.dossier_code = code_});
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().type, "rating.recorded");
  EXPECT_EQ(events->back().actor, "kiosk-1");
  auto rec = t_->store->GetRecord(kRatingKind, code_);
  ASSERT_TRUE(rec && *rec);
  EXPECT_EQ((*rec)->status, "very_satisfied");
  auto back = GetRating(*t_->store, code_);
  ASSERT_TRUE(back && *back);
  EXPECT_EQ((*back)->value, RatingValue::kVerySatisfied);
  EXPECT_EQ((*back)->criteria[2], 1);
  EXPECT_FALSE((*back)->criteria[4].has_value());
  EXPECT_EQ((*back)->comment, "Cán bộ hướng dẫn tận tình");
  EXPECT_EQ((*back)->rated_at, At("2026-11-23 10:00"));
}

TEST_F(RatingTest, RefusesControlCharactersInWhatACitizenTypes) {
  const std::size_t before = JournalSize();
  NewRating n = Sample();
  n.comment = std::string("Tốt\0ẩn", 9);
  auto r = RecordRating(*t_->store, kiosk_, n, At("2026-11-23 10:00"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "comment");
  EXPECT_EQ(r.error().rule, "control_character");
  EXPECT_EQ(JournalSize(), before);
}

TEST_F(RatingTest, RefusesASecondRatingAndWritesNothing) {
  ASSERT_TRUE(RecordRating(*t_->store, kiosk_, Sample(), At("2026-11-23 10:00")));
  const std::size_t before = JournalSize();
  auto again = RecordRating(*t_->store, kiosk_, Sample(RatingValue::kUnsatisfied), At("2026-11-23 10:05"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "dossier_code");
  EXPECT_EQ(again.error().rule, "already_rated");
  EXPECT_EQ(JournalSize(), before);
  EXPECT_EQ((*GetRating(*t_->store, code_))->value, RatingValue::kVerySatisfied);
}

TEST_F(RatingTest, RequiresTheRatePermission) {
  // Postal staff carry dossiers; they do not rate on a citizen's behalf. A kiosk and an officer may.
  const std::size_t before = JournalSize();
  auto postal = RecordRating(*t_->store, {"buu.dien", Role::kPostal, "station-2"}, Sample(), At("2026-11-23 10:00"));
  ASSERT_FALSE(postal);
  EXPECT_EQ(postal.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(postal.error().field, "role");
  EXPECT_EQ(postal.error().rule, "not_allowed");
  EXPECT_EQ(JournalSize(), before);
  auto officer = RecordRating(*t_->store, t_->officer, Sample(), At("2026-11-23 10:00"));
  ASSERT_TRUE(officer) << officer.error().Describe();
  // A kiosk may not replace a rating: that takes Permission::kViewScores too.
  NewRating fix = Sample(RatingValue::kUnsatisfied);
  fix.replace_reason = "nhầm";
  auto kiosk = RecordRating(*t_->store, kiosk_, fix, At("2026-11-23 10:05"));
  ASSERT_FALSE(kiosk);
  EXPECT_EQ(kiosk.error().rule, "not_allowed");
}

TEST_F(RatingTest, OnlyASupervisorWithAReasonReplacesARating) {
  ASSERT_TRUE(RecordRating(*t_->store, kiosk_, Sample(RatingValue::kUnsatisfied), At("2026-11-23 10:00")));
  // An officer may not overwrite a citizen's "không hài lòng", even with a reason.
  NewRating fix = Sample(RatingValue::kSatisfied);
  fix.source = RatingSource::kPaper;
  fix.replace_reason = "Phiếu giấy nhập nhầm hồ sơ";
  auto officer = RecordRating(*t_->store, t_->officer, fix, At("2026-11-24 08:00"));
  ASSERT_FALSE(officer);
  EXPECT_EQ(officer.error().field, "role");
  EXPECT_EQ(officer.error().rule, "not_allowed");
  const std::size_t before = JournalSize();
  auto replaced = RecordRating(*t_->store, supervisor_, fix, At("2026-11-24 08:00"));
  ASSERT_TRUE(replaced) << replaced.error().Describe();
  EXPECT_EQ(replaced->value, RatingValue::kSatisfied);
  ASSERT_EQ(replaced->replaced.size(), 1u);
  EXPECT_EQ(replaced->replaced[0].value, RatingValue::kUnsatisfied);
  EXPECT_EQ(replaced->replaced[0].reason, "Phiếu giấy nhập nhầm hồ sơ");
  EXPECT_EQ(replaced->replaced[0].replaced_by, "lanh.dao");
  EXPECT_EQ(JournalSize(), before + 1);
  auto events = t_->store->ReadJournal({.dossier_code = code_});
  EXPECT_EQ(events->back().type, "rating.replaced");
  EXPECT_NE(events->back().payload_json.find("\"previous\""), std::string::npos);
  // The history survives a reload.
  auto back = GetRating(*t_->store, code_);
  ASSERT_EQ((*back)->replaced.size(), 1u);
  EXPECT_EQ((*back)->replaced[0].recorded_by, "kiosk-1");
}

TEST_F(RatingTest, ReplacingWithoutARatingIsAConflict) {
  NewRating fix = Sample();
  fix.replace_reason = "Nhập lại";
  auto r = RecordRating(*t_->store, supervisor_, fix, At("2026-11-24 08:00"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().rule, "not_rated");
}

TEST_F(RatingTest, ValidatesEachFieldAndNamesIt) {
  struct Case {
    const char* what;
    std::function<void(NewRating&)> change;
    Instant now;
    const char* field;
    const char* rule;
    ErrorCode code;
  };
  const Instant ok_now = At("2026-11-23 10:00");
  const std::vector<Case> cases = {
      {"no code", [](NewRating& n) { n.dossier_code = "  "; }, ok_now, "dossier_code", "required", ErrorCode::kInvalid},
      {"unknown dossier", [](NewRating& n) { n.dossier_code = "000.00.00.H56-261123-9999"; }, ok_now, "dossier_code",
       "no_such_dossier", ErrorCode::kNotFound},
      {"criterion 3", [](NewRating& n) { n.criteria[2] = 3; }, ok_now, "criteria[2]", "out_of_range", ErrorCode::kInvalid},
      {"criterion -1", [](NewRating& n) { n.criteria[8] = -1; }, ok_now, "criteria[8]", "out_of_range",
       ErrorCode::kInvalid},
      {"bad utf-8", [](NewRating& n) { n.comment = "\xC3("; }, ok_now, "comment", "bad_utf8", ErrorCode::kInvalid},
      {"long comment", [](NewRating& n) { n.comment = std::string(kMaxCommentBytes + 1, 'a'); }, ok_now, "comment",
       "too_long", ErrorCode::kInvalid},
      // 5 minutes of clock skew are tolerated, 6 are not.
      {"future", [](NewRating& n) { n.rated_at = At("2026-11-23 10:06"); }, ok_now, "rated_at", "in_the_future",
       ErrorCode::kInvalid},
      {"before receipt", [](NewRating& n) { n.rated_at = At("2026-11-23 08:59"); }, ok_now, "rated_at",
       "before_receipt", ErrorCode::kInvalid},
  };
  const std::size_t before = JournalSize();
  for (const Case& c : cases) {
    NewRating n = Sample();
    c.change(n);
    auto r = RecordRating(*t_->store, kiosk_, n, c.now);
    ASSERT_FALSE(r) << c.what;
    EXPECT_EQ(r.error().field, c.field) << c.what;
    EXPECT_EQ(r.error().rule, c.rule) << c.what;
    EXPECT_EQ(r.error().code, c.code) << c.what;
  }
  EXPECT_EQ(JournalSize(), before);
  // Both sides of the boundaries pass: 5 minutes ahead, the receipt minute itself.
  NewRating edge = Sample();
  edge.rated_at = At("2026-11-23 10:05");
  EXPECT_TRUE(RecordRating(*t_->store, kiosk_, edge, ok_now));
}

TEST_F(RatingTest, TalliesPerCounterOfficerAndUnit) {
  ASSERT_TRUE(RecordRating(*t_->store, kiosk_, Sample(RatingValue::kUnsatisfied), At("2026-11-23 10:00")));
  std::vector<std::string> codes{code_};
  for (int i = 0; i < 3; ++i) {
    auto in = SampleIntake();
    in.received_at = At("2026-11-23 09:30");
    auto r = workflow::Receive(t_->desk, t_->officer, in, At("2026-11-23 09:30"));
    ASSERT_TRUE(r);
    NewRating n = Sample(i == 0 ? RatingValue::kSatisfied : RatingValue::kVerySatisfied);
    n.dossier_code = r->dossier.code;
    n.counter_id = i == 2 ? "Quầy 5" : "Quầy 3";
    n.criteria[0] = i;  // 0, 1, 2
    n.has_complaint = i == 1;
    ASSERT_TRUE(RecordRating(*t_->store, kiosk_, n, At("2026-11-23 11:00")));
  }
  auto all = ListRatings(*t_->store);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 4u);
  const auto by_counter = TallyRatings(*all, TallyBy::kCounter);
  ASSERT_EQ(by_counter.size(), 2u);
  EXPECT_EQ(by_counter[0].key, "Quầy 3");
  EXPECT_EQ(by_counter[0].tally.Total(), 3);
  EXPECT_EQ(by_counter[0].tally.unsatisfied, 1);
  EXPECT_EQ(by_counter[0].tally.satisfied, 1);
  EXPECT_EQ(by_counter[0].tally.very_satisfied, 1);
  EXPECT_NEAR(*by_counter[0].tally.SatisfiedShare(), 2.0 / 3.0, 1e-12);
  EXPECT_EQ(by_counter[0].tally.with_complaint, 1);
  EXPECT_EQ(by_counter[0].tally.criteria_answers[0], 2);
  EXPECT_EQ(by_counter[0].tally.criteria_points[0], 1);  // 0 + 1
  EXPECT_EQ(by_counter[1].key, "Quầy 5");
  const auto by_unit = TallyRatings(*all, TallyBy::kUnit);
  ASSERT_EQ(by_unit.size(), 1u);
  EXPECT_EQ(by_unit[0].tally.Total(), 4);
  EXPECT_FALSE(RatingTally{}.SatisfiedShare().has_value());
  // Queries by instant are half-open: [from, before).
  auto window = ListRatings(*t_->store, {.rated_from = At("2026-11-23 10:00"), .rated_before = At("2026-11-23 11:00")});
  ASSERT_EQ(window->size(), 1u);
  EXPECT_EQ((*window)[0].dossier_code, code_);
}

TEST_F(RatingTest, PaknCountsNeedASupervisorAndConsistentCounts) {
  PaknMonth p{.unit = "Sở Tư pháp", .year = 2026, .month = 8, .received = 10, .on_time = 9, .unsatisfied = 1, .repeated = 0};
  auto officer = RecordPaknCounts(*t_->store, t_->officer, p, At("2026-09-01 08:00"));
  ASSERT_FALSE(officer);
  EXPECT_EQ(officer.error().rule, "not_allowed");
  struct Case {
    std::function<void(PaknMonth&)> change;
    const char* field;
    const char* rule;
  };
  const std::vector<Case> cases = {
      {[](PaknMonth& x) { x.unit = " "; }, "unit", "required"},
      {[](PaknMonth& x) { x.month = 13; }, "month", "bad_month"},
      {[](PaknMonth& x) { x.received = -1; }, "received", "out_of_range"},
      {[](PaknMonth& x) { x.on_time = 11; }, "on_time", "exceeds_received"},
      {[](PaknMonth& x) { x.unsatisfied = 11; }, "unsatisfied", "exceeds_received"},
      {[](PaknMonth& x) { x.repeated = -2; }, "repeated", "out_of_range"},
  };
  for (const Case& c : cases) {
    PaknMonth bad = p;
    c.change(bad);
    auto r = RecordPaknCounts(*t_->store, supervisor_, bad, At("2026-09-01 08:00"));
    ASSERT_FALSE(r) << c.field;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_EQ(r.error().rule, c.rule);
  }
  const std::size_t before = JournalSize();
  ASSERT_TRUE(RecordPaknCounts(*t_->store, supervisor_, p, At("2026-09-01 08:00")));
  // Entering the month again corrects it: one record, the event carries the previous values.
  p.on_time = 10;
  auto corrected = RecordPaknCounts(*t_->store, supervisor_, p, At("2026-09-02 08:00"));
  ASSERT_TRUE(corrected) << corrected.error().Describe();
  EXPECT_EQ(corrected->version, 2);
  EXPECT_EQ(JournalSize(), before + 2);
  auto events = t_->store->ReadJournal({.after_seq = std::int64_t(before)});
  EXPECT_EQ(events->back().type, "pakn.recorded");
  EXPECT_NE(events->back().payload_json.find("\"previous\":{"), std::string::npos);
  auto listed = ListPaknCounts(*t_->store, 2026, 8, 2026, 8);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].on_time, 10);
  EXPECT_EQ((*listed)[0].unit, "Sở Tư pháp");
  EXPECT_TRUE(ListPaknCounts(*t_->store, 2026, 9, 2026, 12)->empty());
  EXPECT_EQ(PaknKey(2026, 8, "Sở Tư pháp"), "2026-08/Sở Tư pháp");
}

}  // namespace
}  // namespace motcua::rating
