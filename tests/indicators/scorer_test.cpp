// Tests for indicators/scorer.h. Worked examples come from two sources, named on each test:
//   [DESC]  the portal's formula description, "Mô tả công thức tính chỉ số 766.docx" (QD766
//           web/src/formula-document.ts), whose rules are restated in domain.md §1.2;
//   [08/2026] the portal's published numbers for Phú Thọ, month 08/2026 (QD766 tests/fixtures/
//           {dvc-progress-tree, handling-satisfaction, dossier-digitized, formality-online-payment-tree,
//           transparency}/month-all.json): numerator, denominator and score per unit. We rebuild
//           dossiers giving the same counts and check that we score what the portal scored.
#include "indicators/scorer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "indicators/month_generator.h"
#include "support/dates.h"

namespace motcua::indicators {
namespace {

using namespace std::chrono;
using dvc::Channel;
using dvc::NationalRecord;
using dvc::NationalStatus;

Instant Vn(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return Instant{sys_days{year{y} / month{mo} / day{d}}.time_since_epoch() + hours{h} + minutes{mi} + seconds{s} -
                 hours{7}};
}
using motcua::testing::Day;

const Period kAugust = MonthPeriod(2026, 8);
const Instant kEndOfAugust = Vn(2026, 8, 31, 23, 59, 59);

NationalRecord Open(std::string code, Instant received, std::optional<Instant> due) {
  NationalRecord r;
  r.dossier_code = std::move(code);
  r.procedure_code = "1.000001";
  r.received_at = received;
  r.due_at = due;
  r.status = NationalStatus::kProcessing;
  r.channel = Channel::kDirect;
  return r;
}
NationalRecord Finished(std::string code, Instant received, std::optional<Instant> due, Instant processed) {
  NationalRecord r = Open(std::move(code), received, due);
  r.processed_at = processed;
  r.status = NationalStatus::kProcessed;
  return r;
}
dvc::SupplementRequest Supplement(Instant asked, std::optional<Instant> answered) {
  dvc::SupplementRequest s;
  s.requested_at = asked;
  s.answered_at = answered;
  return s;
}
// `on_time` dossiers finished the day after receipt, the rest three days after a one-day due date.
std::vector<NationalRecord> Dossiers(int total, int on_time, const std::string& prefix = "HS") {
  std::vector<NationalRecord> v;
  v.reserve(std::size_t(total));
  for (int i = 0; i < total; ++i) {
    const Instant received = Vn(2026, 8, 3 + unsigned(i % 20), 8, 0);
    const Instant due = received + days{1};
    v.push_back(Finished(prefix + std::to_string(i), received, due, i < on_time ? received + hours{20} : due + days{2}));
  }
  return v;
}

ScoreInput Input(const std::vector<NationalRecord>& records, Period period = kAugust) {
  ScoreInput in;
  in.records = &records;
  in.period = period;
  return in;
}
ScoreReport MustScore(const ScoreInput& in) {
  auto r = Score(in);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().Describe());
  return r ? std::move(*r) : ScoreReport{};
}
std::optional<double> PointsOf(const ScoreReport& r, IndicatorId id) { return r.center.Get(id).points; }

TimelinessContext AtEndOfAugust(const ProcedureFacts* p = nullptr) { return TimelinessContext{kEndOfAugust, p, nullptr}; }

// ---------------------------------------------------------------------------------------------
// RoundPoints / PointsFor.

TEST(RoundPoints, RoundsHalfAwayFromZeroDespiteBinaryNoise) {
  EXPECT_EQ(RoundPoints(6.685), 6.69);   // 6.685 is 6.68499999... in binary
  EXPECT_EQ(RoundPoints(2.675), 2.68);
  EXPECT_EQ(RoundPoints(1.005), 1.01);
  EXPECT_EQ(RoundPoints(16.5306), 16.53);
  EXPECT_EQ(RoundPoints(0.004999), 0.0);
  EXPECT_EQ(RoundPoints(0), 0.0);
  EXPECT_EQ(RoundPoints(20), 20.0);
}

TEST(PointsFor, IsLinearUpToTheThresholdAndFlatAfter) {
  EXPECT_DOUBLE_EQ(PointsFor(6, 0.9, 0.45), 3.0);
  EXPECT_DOUBLE_EQ(PointsFor(6, 0.9, 0.9), 6.0);
  EXPECT_DOUBLE_EQ(PointsFor(6, 0.9, 1.0), 6.0);
  EXPECT_DOUBLE_EQ(PointsFor(6, 0.9, 0.0), 0.0);
}

// ---------------------------------------------------------------------------------------------
// 2.1, one dossier at a time [DESC 2.1].

TEST(JudgeTimeliness, FinishedAtTheDueInstantIsOnTimeAndOneSecondLaterIsNot) {
  // "Đúng hạn: Ngày kết thúc xử lý hồ sơ <, = ngày hẹn trả."
  const Instant received = Vn(2026, 8, 3, 8, 0), due = Vn(2026, 8, 5, 17, 0);
  EXPECT_TRUE(JudgeTimeliness(Finished("A", received, due, due), AtEndOfAugust())->on_time);
  const auto late = *JudgeTimeliness(Finished("A", received, due, due + seconds{1}), AtEndOfAugust());
  EXPECT_FALSE(late.on_time);
  EXPECT_EQ(late.reason, LossReason::kOverdue);
}

TEST(JudgeTimeliness, SubtractsTheCitizensSupplementTime) {
  // Received Mon 03/8 08:00, due Fri 07/8 17:00; supplement asked Tue 09:00, answered Thu 09:00 (48 h);
  // finished Sat 08/8 10:00: 41 h late on the clock, 7 h early once the 48 h are subtracted.
  NationalRecord r = Finished("A", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 7, 17, 0), Vn(2026, 8, 8, 10, 0));
  EXPECT_FALSE(JudgeTimeliness(r, AtEndOfAugust())->on_time);
  r.supplements.push_back(Supplement(Vn(2026, 8, 4, 9, 0), Vn(2026, 8, 6, 9, 0)));
  const auto v = *JudgeTimeliness(r, AtEndOfAugust());
  EXPECT_TRUE(v.on_time);
  EXPECT_EQ(v.supplement_seconds, 48 * 3600);
  // Finished 49 h after due: still late by one hour.
  r.processed_at = Vn(2026, 8, 9, 18, 0);
  EXPECT_FALSE(JudgeTimeliness(r, AtEndOfAugust())->on_time);
}

TEST(JudgeTimeliness, MoreThanOneSupplementRequestIsOverdue) {
  // "trừ trường hợp Yêu cầu bổ sung hồ sơ hơn 01 lần thì tính quá hạn": early, but two requests.
  NationalRecord r = Finished("A", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 14, 17, 0), Vn(2026, 8, 6, 10, 0));
  r.supplements.push_back(Supplement(Vn(2026, 8, 3, 9, 0), Vn(2026, 8, 4, 9, 0)));
  EXPECT_TRUE(JudgeTimeliness(r, AtEndOfAugust())->on_time);
  r.supplements.push_back(Supplement(Vn(2026, 8, 4, 10, 0), Vn(2026, 8, 5, 9, 0)));
  const auto v = *JudgeTimeliness(r, AtEndOfAugust());
  EXPECT_FALSE(v.on_time);
  EXPECT_EQ(v.reason, LossReason::kTooManySupplements);
  ScoringSettings two;
  two.max_supplement_requests = 2;
  EXPECT_TRUE(JudgeTimeliness(r, AtEndOfAugust(), two)->on_time);
}

TEST(JudgeTimeliness, PendingSupplementEndsTheClockAtTheRequest) {
  // Due 07/8; still waiting for the citizen at the end of August. Asked on 05/8: on time; asked on
  // 10/8 (after the due date): late.
  NationalRecord r = Open("A", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 7, 17, 0));
  r.status = NationalStatus::kSupplementRequested;
  r.supplements.push_back(Supplement(Vn(2026, 8, 5, 10, 0), std::nullopt));
  auto v = *JudgeTimeliness(r, AtEndOfAugust());
  EXPECT_TRUE(v.on_time);
  EXPECT_TRUE(v.finished);
  EXPECT_EQ(v.end_at, Vn(2026, 8, 5, 10, 0));
  r.supplements[0].requested_at = Vn(2026, 8, 10, 10, 0);
  v = *JudgeTimeliness(r, AtEndOfAugust());
  EXPECT_FALSE(v.on_time);
  EXPECT_EQ(v.reason, LossReason::kPendingSupplementLate);
}

TEST(JudgeTimeliness, UnfinishedDossierIsJudgedAtTheEndOfThePeriod) {
  // "Chưa có trạng thái hoàn thành → lấy ngày cuối kỳ báo cáo là ngày kết thúc xử lý."
  const NationalRecord due_in_september = Open("A", Vn(2026, 8, 25, 8, 0), Vn(2026, 9, 2, 17, 0));
  EXPECT_TRUE(JudgeTimeliness(due_in_september, AtEndOfAugust())->on_time);
  const NationalRecord due_in_august = Open("B", Vn(2026, 8, 20, 8, 0), Vn(2026, 8, 28, 17, 0));
  const auto v = *JudgeTimeliness(due_in_august, AtEndOfAugust());
  EXPECT_FALSE(v.on_time);
  EXPECT_FALSE(v.finished);
  EXPECT_EQ(v.reason, LossReason::kOverdueUnfinished);
  // Due at the last second of the period: on time.
  EXPECT_TRUE(JudgeTimeliness(Open("C", Vn(2026, 8, 20, 8, 0), kEndOfAugust), AtEndOfAugust())->on_time);
}

TEST(Score, UnfinishedCanBeJudgedAtNowMidMonth) {
  const std::vector<NationalRecord> records = {Open("B", Vn(2026, 8, 20, 8, 0), Vn(2026, 8, 28, 17, 0))};
  ScoreInput in = Input(records);
  in.now = Vn(2026, 8, 24, 9, 0);
  EXPECT_EQ(PointsOf(MustScore(in), IndicatorId::k2_1), 0.0) << "default: judged at the period's end";
  in.settings.unfinished_judged_at = ScoringSettings::UnfinishedJudgedAt::kEarlierOfPeriodEndAndNow;
  EXPECT_EQ(PointsOf(MustScore(in), IndicatorId::k2_1), 20.0);
}

TEST(JudgeTimeliness, ProcessedIsPreferredOverReturned) {
  // "Nếu tiến trình xử lý có đồng thời trạng thái Đã xử lý xong, Đã trả kết quả thì hệ thống ưu tiên
  // lấy thời gian Đã xử lý xong." Processed 2 h before due, handed over 2 days after.
  NationalRecord r = Finished("A", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 5, 17, 0), Vn(2026, 8, 5, 15, 0));
  r.returned_at = Vn(2026, 8, 7, 9, 0);
  r.status = NationalStatus::kReturned;
  EXPECT_TRUE(JudgeTimeliness(r, AtEndOfAugust())->on_time);
  ScoringSettings returned_first;
  returned_first.terminal_time = ScoringSettings::TerminalTime::kReturnedFirst;
  EXPECT_FALSE(JudgeTimeliness(r, AtEndOfAugust(), returned_first)->on_time);
  // Only NgayTra: it ends the clock.
  r.processed_at.reset();
  EXPECT_EQ(JudgeTimeliness(r, AtEndOfAugust())->end_at, Vn(2026, 8, 7, 9, 0));
}

TEST(JudgeTimeliness, RefusalEndsTheClock) {
  NationalRecord r = Open("A", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 5, 17, 0));
  r.status = NationalStatus::kStopped;
  r.refused_at = Vn(2026, 8, 4, 8, 0);
  const auto v = *JudgeTimeliness(r, AtEndOfAugust());
  EXPECT_TRUE(v.on_time);
  EXPECT_TRUE(v.finished);
}

TEST(JudgeTimeliness, WithoutDueDateUsesTheProceduresMaximumDuration) {
  // "Nếu không có ngày hẹn trả: Thời gian kết thúc − Thời gian bắt đầu − Thời gian bổ sung <= Thời
  // hạn tối đa." 3 working days from Friday 07/8 end on Wednesday 12/8 (the weekend skipped).
  ProcedureFacts p;
  p.code = "1.000001";
  p.max_duration = calendar::Duration{3, calendar::DurationUnit::kWorkingDays};
  NationalRecord r = Finished("A", Vn(2026, 8, 7, 10, 0), std::nullopt, Vn(2026, 8, 12, 16, 0));
  EXPECT_TRUE(JudgeTimeliness(r, AtEndOfAugust(&p))->on_time);
  r.processed_at = Vn(2026, 8, 13, 8, 0);
  auto v = *JudgeTimeliness(r, AtEndOfAugust(&p));
  EXPECT_FALSE(v.on_time);
  EXPECT_EQ(v.reason, LossReason::kOverMaxDuration);
  // A day off on Monday 10/8 moves the end to Thursday 13/8.
  const std::function<bool(LocalDate)> monday_off = [](LocalDate d) {
    const weekday wd{d};
    return wd != Saturday && wd != Sunday && d != Day(2026, 8, 10);
  };
  EXPECT_TRUE(JudgeTimeliness(r, TimelinessContext{kEndOfAugust, &p, &monday_off})->on_time);
  // The supplement time is subtracted here too.
  r.processed_at = Vn(2026, 8, 14, 10, 0);
  EXPECT_FALSE(JudgeTimeliness(r, AtEndOfAugust(&p))->on_time);
  r.supplements.push_back(Supplement(Vn(2026, 8, 10, 9, 0), Vn(2026, 8, 12, 9, 0)));
  EXPECT_TRUE(JudgeTimeliness(r, AtEndOfAugust(&p))->on_time);
}

TEST(JudgeTimeliness, WithoutDueDateCalendarDaysAndMonths) {
  ProcedureFacts p;
  p.code = "1.000001";
  p.max_duration = calendar::Duration{15, calendar::DurationUnit::kCalendarDays};
  const Instant received = Vn(2026, 8, 3, 10, 0);
  EXPECT_TRUE(JudgeTimeliness(Finished("A", received, std::nullopt, received + days{15}), AtEndOfAugust(&p))->on_time);
  EXPECT_FALSE(JudgeTimeliness(Finished("A", received, std::nullopt, received + days{15} + seconds{1}),
                               AtEndOfAugust(&p))
                   ->on_time);
  // One month from 31/1 ends on the last day of February (the day is clamped).
  p.max_duration = calendar::Duration{1, calendar::DurationUnit::kMonths};
  const Instant jan31 = Vn(2026, 1, 31, 10, 0);
  const TimelinessContext ctx{Vn(2026, 3, 31, 23, 59, 59), &p, nullptr};
  EXPECT_TRUE(JudgeTimeliness(Finished("A", jan31, std::nullopt, Vn(2026, 2, 28, 10, 0)), ctx)->on_time);
  EXPECT_FALSE(JudgeTimeliness(Finished("A", jan31, std::nullopt, Vn(2026, 2, 28, 10, 1)), ctx)->on_time);
}

TEST(JudgeTimeliness, WithoutDueDateOrDurationIsNotOnTimeByDefault) {
  const NationalRecord r = Finished("A", Vn(2026, 8, 3, 8, 0), std::nullopt, Vn(2026, 8, 3, 9, 0));
  const auto v = *JudgeTimeliness(r, AtEndOfAugust());
  EXPECT_FALSE(v.on_time);
  EXPECT_EQ(v.reason, LossReason::kUndatable);
  ScoringSettings lenient;
  lenient.undatable_counts_on_time = true;
  EXPECT_TRUE(JudgeTimeliness(r, AtEndOfAugust(), lenient)->on_time);
}

// ---------------------------------------------------------------------------------------------
// 2.1 and 5.4 over a unit [08/2026].

TEST(Score, MatchesPortalProgressAndSatisfactionForBanQuanLyKcn) {
  // Ban quản lý các khu công nghiệp - Phú Thọ: totalReceived 588, totalOnTime 486 → 16.53;
  // DOSSIER_RECEIVING_SATISFACTION 486/588 → 5.51.
  const auto records = Dossiers(588, 486);
  const ScoreReport r = MustScore(Input(records));
  const Indicator& progress = r.center.Get(IndicatorId::k2_1);
  EXPECT_EQ(progress.numerator, 486);
  EXPECT_EQ(progress.denominator, 588);
  EXPECT_EQ(progress.points, 16.53);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kProgress).points, 16.53);
  EXPECT_EQ(r.center.Get(IndicatorId::k5_4).points, 5.51);
  EXPECT_EQ(progress.losses.size(), 102u);
}

TEST(Score, MatchesPortalForSoGiaoDucWhereRatingsAndPaknCostSatisfaction) {
  // Sở Giáo dục và Đào tạo: totalOnTime 207 of 326 → 12.7; satisfaction 205/326 → 4.19 (two on-time
  // dossiers carry a PAKN or a "dislike").
  auto records = Dossiers(326, 207);
  records[0].local = dvc::LocalFacts{.rating_unsatisfied = true};
  records[1].local = dvc::LocalFacts{.has_pakn = true};
  const ScoreReport r = MustScore(Input(records));
  EXPECT_EQ(PointsOf(r, IndicatorId::k2_1), 12.7);
  const Indicator& sat = r.center.Get(IndicatorId::k5_4);
  EXPECT_EQ(sat.numerator, 205);
  EXPECT_EQ(sat.points, 4.19);
  ASSERT_GE(sat.losses.size(), 2u);
  EXPECT_EQ(sat.losses[0].reason, LossReason::kUnsatisfiedRating);
  EXPECT_EQ(sat.losses[1].reason, LossReason::kPakn);
}

TEST(Score, MatchesPortalSatisfactionAtAndAboveNinetyPercent) {
  // UBND xã Xuân Lũng: 939/1038 = 90.46% → 6 (full from 90%); 2.1 → 18.09.
  // Sở Công Thương: 332/482 = 68.88% → 4.59; 2.1 → 13.78.
  {
    const auto records = Dossiers(1038, 939);
    const ScoreReport r = MustScore(Input(records));
    EXPECT_EQ(PointsOf(r, IndicatorId::k5_4), 6.0);
    EXPECT_EQ(PointsOf(r, IndicatorId::k2_1), 18.09);
  }
  {
    const auto records = Dossiers(482, 332);
    const ScoreReport r = MustScore(Input(records));
    EXPECT_EQ(PointsOf(r, IndicatorId::k5_4), 4.59);
    EXPECT_EQ(PointsOf(r, IndicatorId::k2_1), 13.78);
  }
}

TEST(Score, ZeroDossiersScoreZeroForProgressAndSatisfaction) {
  // Văn phòng UBND tỉnh: totalReceived 0 → 2.1 score 0; DOSSIER_RECEIVING_SATISFACTION 0/0 → 0.
  // Sở Ngoại vụ: 0 of 2 on time → 0.
  const std::vector<NationalRecord> none;
  const ScoreReport r = MustScore(Input(none));
  EXPECT_EQ(PointsOf(r, IndicatorId::k2_1), 0.0);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_4), 0.0);
  EXPECT_FALSE(r.center.Get(IndicatorId::k2_1).ratio.has_value());
  const auto two_late = Dossiers(2, 0);
  EXPECT_EQ(PointsOf(MustScore(Input(two_late)), IndicatorId::k2_1), 0.0);
  ScoreInput in = Input(none);
  in.settings.progress_zero = ZeroDenominator::kNoScore;
  EXPECT_FALSE(PointsOf(MustScore(in), IndicatorId::k2_1).has_value());
}

TEST(Score, SatisfactionSubtractsOverduePaknAndDislikeOnce) {
  // 10 dossiers: 2 late, 1 on time with a dislike, 1 late with a PAKN (counted once) → 7/10.
  auto records = Dossiers(10, 8);
  records[2].local = dvc::LocalFacts{.rating_unsatisfied = true};
  records[9].local = dvc::LocalFacts{.has_pakn = true};
  const ScoreReport r = MustScore(Input(records));
  EXPECT_EQ(r.center.Get(IndicatorId::k5_4).numerator, 7);
  EXPECT_DOUBLE_EQ(*r.center.Get(IndicatorId::k5_4).ratio, 0.7);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_4), 4.67);  // 6 × 0.7 / 0.9
}

// ---------------------------------------------------------------------------------------------
// Which dossiers count.

TEST(Score, CountsOnlyDossiersReceivedInThePeriodAndNotRefusedAtTheDesk) {
  std::vector<NationalRecord> records;
  records.push_back(Finished("IN", Vn(2026, 8, 1, 0, 0), Vn(2026, 8, 3, 17, 0), Vn(2026, 8, 3, 9, 0)));
  records.push_back(Finished("LAST", Vn(2026, 8, 31, 23, 59, 59), Vn(2026, 9, 3, 17, 0), Vn(2026, 9, 1, 9, 0)));
  records.push_back(Finished("JULY", Vn(2026, 7, 31, 23, 59, 59), Vn(2026, 8, 3, 17, 0), Vn(2026, 8, 3, 9, 0)));
  records.push_back(Finished("SEPT", Vn(2026, 9, 1, 0, 0), Vn(2026, 9, 3, 17, 0), Vn(2026, 9, 3, 9, 0)));
  NationalRecord registered = Open("REG", Vn(2026, 8, 5, 8, 0), std::nullopt);
  registered.received_at.reset();
  registered.submitted_at = Vn(2026, 8, 5, 8, 0);
  registered.status = NationalStatus::kRegistered;
  records.push_back(registered);
  NationalRecord refused = Open("NOT", Vn(2026, 8, 5, 8, 0), Vn(2026, 8, 7, 17, 0));
  refused.status = NationalStatus::kNotReceived;
  records.push_back(refused);
  const ScoreReport r = MustScore(Input(records));
  EXPECT_EQ(r.center.dossiers, 2);
  EXPECT_EQ(r.center.Get(IndicatorId::k2_1).denominator, 2);
}

TEST(Score, ReceivedOrOpenAlsoJudgesDossiersCarriedOver) {
  std::vector<NationalRecord> records;
  records.push_back(Open("OPEN", Vn(2026, 7, 20, 8, 0), Vn(2026, 8, 5, 17, 0)));          // late, still open
  records.push_back(Finished("DONE", Vn(2026, 7, 20, 8, 0), Vn(2026, 8, 5, 17, 0), Vn(2026, 7, 25, 8, 0)));
  records.push_back(Finished("AUG", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 5, 17, 0), Vn(2026, 8, 4, 8, 0)));
  ScoreInput in = Input(records);
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k2_1).denominator, 1);
  in.settings.progress_population = ScoringSettings::ProgressPopulation::kReceivedOrOpen;
  const ScoreReport r = MustScore(in);
  EXPECT_EQ(r.center.Get(IndicatorId::k2_1).denominator, 2) << "the one finished in July is not judged";
  EXPECT_EQ(r.center.Get(IndicatorId::k2_1).numerator, 1);
  EXPECT_EQ(r.center.dossiers, 1) << "only 2.1 widens its population";
}

// ---------------------------------------------------------------------------------------------
// 1.4 and 3.3.

TEST(Score, SyncRateCountsRecordsTheLocalSystemKnowsAreNotSynced) {
  // UBND Phường Việt Trì: DOSSIER_SYNC 2247/2247 → 6 [08/2026].
  auto records = Dossiers(2247, 2247);
  EXPECT_EQ(PointsOf(MustScore(Input(records)), IndicatorId::k1_4), 6.0);
  for (int i = 0; i < 247; ++i) records[std::size_t(i)].local = dvc::LocalFacts{.synced = false};
  const ScoreReport r = MustScore(Input(records));
  EXPECT_EQ(r.center.Get(IndicatorId::k1_4).numerator, 2000);
  EXPECT_EQ(PointsOf(r, IndicatorId::k1_4), 5.34);  // 6 × 2000 / 2247
  EXPECT_EQ(r.center.Get(IndicatorId::k1_4).losses.size(), 247u);
  EXPECT_EQ(r.center.Get(IndicatorId::k1_4).losses[0].reason, LossReason::kNotSynced);
  // The 2026 wording counts records synced on time.
  ScoreInput in = Input(records);
  in.settings.sync_counting = ScoringSettings::SyncCounting::kSyncedOnTime;
  records[300].local = dvc::LocalFacts{.synced = true, .synced_on_time = false};
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k1_4).numerator, 1999);
}

TEST(Score, SyncRateWithNoDossiersShowsNoScoreByDefault) {
  // Văn phòng UBND tỉnh: DOSSIER_SYNC 0/0 → null (NO_NATIONAL_REPORT_DATA) [08/2026].
  const std::vector<NationalRecord> none;
  ScoreInput in = Input(none);
  EXPECT_FALSE(PointsOf(MustScore(in), IndicatorId::k1_4).has_value());
  in.settings.sync_zero = ZeroDenominator::kZeroPoints;  // the description: "tỷ lệ hồ sơ đồng bộ = 0"
  EXPECT_EQ(PointsOf(MustScore(in), IndicatorId::k1_4), 0.0);
}

TEST(Score, SyncDenominatorTakesTheLargerNationalCountOrLastYearsShare) {
  // [DESC 1.4] the denominator is the larger of the two counts; with none, last year's total ÷ 12.
  const auto records = Dossiers(100, 100);
  ScoreInput in = Input(records);
  in.national_report_received = 120;
  ScoreReport r = MustScore(in);
  EXPECT_EQ(r.center.Get(IndicatorId::k1_4).denominator, 120);
  EXPECT_EQ(PointsOf(r, IndicatorId::k1_4), 5.0);
  EXPECT_EQ(r.center.Get(IndicatorId::k1_4).note, "denominator from the national report");
  in.national_report_received = 80;  // smaller: ours wins
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k1_4).denominator, 100);
  const std::vector<NationalRecord> none;
  ScoreInput empty = Input(none);
  empty.prior_year_received_total = 1200;
  r = MustScore(empty);
  EXPECT_EQ(r.center.Get(IndicatorId::k1_4).denominator, 100);  // 1200 / 12
  EXPECT_EQ(PointsOf(r, IndicatorId::k1_4), 0.0);
  empty.period = QuarterPeriod(2026, 3);
  EXPECT_EQ(MustScore(empty).center.Get(IndicatorId::k1_4).denominator, 300);
  empty.period = YearPeriod(2026);
  EXPECT_EQ(MustScore(empty).center.Get(IndicatorId::k1_4).denominator, 1200);
}

TEST(Score, OnlineShareIsMultipliedBySyncRateAndFullAtFiftyPercent) {
  // [DESC 3.3] 10 dossiers, 4 online: 40% → 12 × 0.4 / 0.5 = 9.6; 5 online: 12; 5 online with one
  // record unsynced: 50% × 90% = 45% → 10.8.
  auto records = Dossiers(10, 10);
  for (int i = 0; i < 4; ++i) records[std::size_t(i)].channel = Channel::kOnline;
  records[9].channel = Channel::kUnknown;  // null counts as direct
  EXPECT_EQ(PointsOf(MustScore(Input(records)), IndicatorId::k3_3), 9.6);
  records[4].channel = Channel::kOnline;
  EXPECT_EQ(PointsOf(MustScore(Input(records)), IndicatorId::k3_3), 12.0);
  records[9].local = dvc::LocalFacts{.synced = false};
  const ScoreReport r = MustScore(Input(records));
  EXPECT_DOUBLE_EQ(*r.center.Get(IndicatorId::k3_3).ratio, 0.45);
  EXPECT_EQ(PointsOf(r, IndicatorId::k3_3), 10.8);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kOnline).points, 10.8);
  ScoreInput plain = Input(records);
  plain.settings.online_share_times_sync_rate = false;
  EXPECT_EQ(PointsOf(MustScore(plain), IndicatorId::k3_3), 12.0);
}

TEST(Score, OnlineDossierOfPaperResultProcedureNeedsCodedElectronicResult) {
  // [DESC 3.3] "(2) cấp kết quả giải quyết điện tử đối với TTHC yêu cầu trả kết quả bằng văn bản
  // giấy tờ (có mã kết quả + đường links kết quả)".
  auto records = Dossiers(4, 4);
  for (auto& r : records) r.channel = Channel::kOnline;
  records[0].results.push_back({.file_url = "https://kq/1", .result_code = "KQ.1"});
  records[1].results.push_back({.file_url = "https://kq/2"});  // link without the result code
  std::vector<ProcedureFacts> catalog(1);
  catalog[0].code = "1.000001";
  catalog[0].paper_result_required = true;
  ScoreInput in = Input(records);
  in.procedures = catalog;
  const ScoreReport r = MustScore(in);
  const Indicator& online = r.center.Get(IndicatorId::k3_3);
  EXPECT_EQ(online.numerator, 1);
  ASSERT_EQ(online.losses.size(), 3u);
  EXPECT_EQ(online.losses[0].reason, LossReason::kOnlineWithoutElectronicResult);
}

TEST(Score, FullOnlineGroupSettingMovesTheTwelvePointsTo3_4) {
  auto records = Dossiers(4, 4);
  records[0].channel = Channel::kOnline;
  std::vector<ProcedureFacts> catalog(1);
  catalog[0].code = "1.000001";
  catalog[0].online_level = ProcedureFacts::OnlineLevel::kFull;
  catalog[0].full_online_eligible = true;
  ScoreInput in = Input(records);
  in.procedures = catalog;
  ScoreReport r = MustScore(in);
  EXPECT_FALSE(PointsOf(r, IndicatorId::k3_4).has_value());
  EXPECT_EQ(r.center.Get(IndicatorId::k3_4).max_points, 0);
  in.settings.online_group = ScoringSettings::OnlineGroup::kFullOnlineShare2026;
  r = MustScore(in);
  EXPECT_EQ(PointsOf(r, IndicatorId::k3_4), 3.0);  // 12 × 1/4
  EXPECT_FALSE(PointsOf(r, IndicatorId::k3_3).has_value());
  EXPECT_EQ(r.center.Group(IndicatorGroup::kOnline).points, 3.0);
}

// ---------------------------------------------------------------------------------------------
// Online payment = 6·A + min(2, 2.5·B) + 2.5·C [08/2026, SCORING_ANALYSIS_M0.md].

struct PaymentCase {
  const char* unit;
  int fee_procedures;       // totalFeeFormality (Y)
  int with_fee_data;        // totalFeeDossierFormality (X)
  int with_online_payment;  // totalDossierOnlineFormalityPaymentSuccess
  int obligations;          // totalDossierFinancialObligation
  int paid;                 // totalDossierOnlinePaymentSuccess
  double score;
};

TEST(Score, MatchesPortalOnlinePaymentScores) {
  const PaymentCase cases[] = {
      {"UBND Phường Việt Trì", 35, 7, 12, 1707, 1516, 6.69},
      {"Ban quản lý các khu công nghiệp", 3, 0, 2, 7, 7, 7.67},
      {"Sở Công Thương", 8, 0, 7, 44, 44, 8.0},
      {"Văn phòng UBND tỉnh", 1, 0, 0, 0, 0, 0.0},
      {"UBND xã Bản Nguyên", 37, 11, 18, 1429, 1310, 7.46},
  };
  for (const PaymentCase& c : cases) {
    SCOPED_TRACE(c.unit);
    std::vector<ProcedureFacts> catalog(std::size_t(c.fee_procedures));
    for (int p = 0; p < c.fee_procedures; ++p) {
      catalog[std::size_t(p)].code = "2." + std::to_string(100000 + p);
      catalog[std::size_t(p)].has_fee = true;
    }
    // Dossier i belongs to procedure i mod (procedures with online payments, at least 1); the first
    // `with_fee_data` procedures sync a fee line, the others rely on the catalog's fee.
    const int spread = std::max(1, std::max(c.with_online_payment, c.with_fee_data));
    std::vector<NationalRecord> records;
    for (int i = 0; i < c.obligations; ++i) {
      const int p = i % spread;
      NationalRecord r = Finished("HS" + std::to_string(i), Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 5, 17, 0),
                                  Vn(2026, 8, 4, 8, 0));
      r.procedure_code = catalog[std::size_t(p)].code;
      if (p < c.with_fee_data) r.fees.push_back({.name = "Lệ phí", .amount_vnd = 20000});
      const bool pays = i < c.paid && p < c.with_online_payment;
      if (pays) r.online_payment = i % 2 ? 1 : 2;
      records.push_back(std::move(r));
    }
    // Paid count must match: pad the paid ones if the spread put some on non-paying procedures.
    int paid = 0;
    for (const auto& r : records) paid += r.online_payment != 0;
    ASSERT_EQ(paid, c.paid) << "test data construction";
    ScoreInput in = Input(records);
    in.procedures = catalog;
    const ScoreReport r = MustScore(in);
    EXPECT_EQ(r.center.Get(IndicatorId::k3_6).numerator, c.paid);
    EXPECT_EQ(r.center.Get(IndicatorId::k3_6).denominator, c.obligations);
    EXPECT_EQ(r.center.Get(IndicatorId::k3_5b).numerator, c.with_online_payment);
    EXPECT_EQ(r.center.Get(IndicatorId::k3_5).numerator, c.with_fee_data);
    EXPECT_EQ(r.center.Get(IndicatorId::k3_5).denominator, c.fee_procedures);
    EXPECT_EQ(r.center.Group(IndicatorGroup::kPayment).points, c.score);
  }
}

TEST(Score, DossiersWhoseFeeLinesAreAllZeroHaveNoFinancialObligation) {
  // [DESC 3.6] denominator = dossiers of fee procedures − those whose DanhSachLePhi all have Gia 0.
  std::vector<ProcedureFacts> catalog(1);
  catalog[0].code = "1.000001";
  catalog[0].has_fee = true;
  auto records = Dossiers(4, 4);
  records[0].fees = {{.amount_vnd = 0}, {.amount_vnd = 0}};  // exempt
  records[1].fees = {{.amount_vnd = 0}, {.amount_vnd = 5000}};
  records[2].online_payment = 1;
  records[3].online_payment = 3;  // "other" is not an online payment
  ScoreInput in = Input(records);
  in.procedures = catalog;
  const ScoreReport report_a = MustScore(in);
  const Indicator& a = report_a.center.Get(IndicatorId::k3_6);
  EXPECT_EQ(a.denominator, 3);
  EXPECT_EQ(a.numerator, 1);
  ASSERT_EQ(a.losses.size(), 2u);
  EXPECT_EQ(a.losses[0].reason, LossReason::kNotPaidOnline);
}

TEST(Score, UncappedFeeProcedureTermFollowsTheReproducedFormula) {
  // C = 1: the reproduced formula gives 2.5·C = 2.5; QD766's breakdown caps it at 2 (the default).
  std::vector<ProcedureFacts> catalog(1);
  catalog[0].code = "1.000001";
  catalog[0].has_fee = true;
  auto records = Dossiers(1, 1);
  records[0].fees = {{.amount_vnd = 5000}};
  records[0].online_payment = 1;
  ScoreInput in = Input(records);
  in.procedures = catalog;
  EXPECT_EQ(MustScore(in).center.Group(IndicatorGroup::kPayment).points, 10.0);
  in.settings.cap_fee_procedure_points = false;
  const ScoreReport r = MustScore(in);
  EXPECT_EQ(PointsOf(r, IndicatorId::k3_5), 2.5);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kPayment).points, 10.0) << "the group never exceeds its 10";
}

// ---------------------------------------------------------------------------------------------
// Digitization [08/2026].

TEST(Score, MatchesPortalDigitizationForBanQuanLyKcn) {
  // ORIGINAL_RESULT_AVAILABLE 385/588 → 3.93; SO_HOA 312/588 → 2.12; REUSED 0 → 0; PERSONAL_STORAGE
  // 0 → 0; CITIZEN_DATA_CONNECTED_DOSSIER 588/588 → 2; _FORMALITY 10/42 → 0.48; certified copy → 2;
  // group total 10.53 of 22.
  std::vector<ProcedureFacts> catalog(42);
  for (int p = 0; p < 42; ++p) {
    catalog[std::size_t(p)].code = "2." + std::to_string(200000 + p);
    catalog[std::size_t(p)].citizen_subject = true;
    catalog[std::size_t(p)].unit_codes = {"H44.03"};
  }
  auto records = Dossiers(588, 486);
  for (int i = 0; i < 588; ++i) {
    NationalRecord& r = records[std::size_t(i)];
    r.procedure_code = catalog[std::size_t(i % 10)].code;
    r.processing_unit = "H44.03";
    r.vneid_authenticated = true;
    if (i < 385) r.results.push_back({.file_url = "https://kq/" + std::to_string(i)});
    r.documents.push_back({.component_code = "TP1", .file_url = i < 312 ? "https://f/" + std::to_string(i) : ""});
  }
  ScoreInput in = Input(records);
  in.procedures = catalog;
  in.certified_copies = CertifiedCopyCounts{1, 1};
  in.grouping = Grouping::kUnit;
  const ScoreReport r = MustScore(in);
  ASSERT_EQ(r.breakdown.size(), 1u);
  for (const ScoreCard* card : {&r.center, &r.breakdown[0]}) {
    SCOPED_TRACE(card->key);
    EXPECT_EQ(card->Get(IndicatorId::k4_1).points, 3.93);
    EXPECT_EQ(card->Get(IndicatorId::k4_2).points, 2.12);
    EXPECT_EQ(card->Get(IndicatorId::k4_3).points, 0.0);
    EXPECT_EQ(card->Get(IndicatorId::k4_4).points, 0.0);
    EXPECT_EQ(card->Get(IndicatorId::k4_5b).points, 2.0);
    EXPECT_EQ(card->Get(IndicatorId::k4_5a).numerator, 10);
    EXPECT_EQ(card->Get(IndicatorId::k4_5a).denominator, 42);
    EXPECT_EQ(card->Get(IndicatorId::k4_5a).points, 0.48);
    EXPECT_EQ(card->Get(IndicatorId::k4_6).points, 2.0);
    EXPECT_EQ(card->Group(IndicatorGroup::kDigitization).points, 10.53);
  }
  EXPECT_EQ(r.center.Get(IndicatorId::k4_5a).losing_procedures.size(), 32u);
  EXPECT_EQ(r.center.Get(IndicatorId::k4_2).losses.size(), 276u);
}

TEST(Score, DigitizationThresholdIsASetting) {
  // Sở Giáo dục và Đào tạo: SO_HOA_GIAY_TO_GIAI_QUYET 261/326 = 80.06% → 3.2 (API linear to 100%);
  // the description's "≥ 80% = full" would give 4.
  auto records = Dossiers(326, 326);
  for (int i = 0; i < 326; ++i)
    records[std::size_t(i)].documents.push_back({.file_url = i < 261 ? "https://f/x" : ""});
  ScoreInput in = Input(records);
  EXPECT_EQ(PointsOf(MustScore(in), IndicatorId::k4_2), 3.2);
  in.settings.digitized_full_at = 0.8;
  EXPECT_EQ(PointsOf(MustScore(in), IndicatorId::k4_2), 4.0);
}

TEST(Score, DigitizedMeansEveryLiveComponentHasAFileAndPaperResultsAreIssued) {
  std::vector<ProcedureFacts> catalog(1);
  catalog[0].code = "1.000001";
  catalog[0].paper_result_required = true;
  auto records = Dossiers(4, 4);
  records[0].documents = {{.file_url = "f1"}, {.file_url = "f2"}};  // no result yet
  records[1].documents = {{.file_url = "f1"}, {.is_deleted = true}};
  records[1].results = {{.file_url = "kq"}};
  records[2].documents = {{.file_url = "f1"}, {.file_url = ""}};
  records[2].results = {{.file_url = "kq"}};
  // records[3]: no component recorded at all
  ScoreInput in = Input(records);
  in.procedures = catalog;
  const ScoreReport report_d = MustScore(in);
  const Indicator& d = report_d.center.Get(IndicatorId::k4_2);
  EXPECT_EQ(d.numerator, 1);
  ASSERT_EQ(d.losses.size(), 3u);
  EXPECT_EQ(d.losses[0].reason, LossReason::kNoElectronicResult);
  EXPECT_EQ(d.losses[1].reason, LossReason::kComponentNotDigitized);
  EXPECT_EQ(d.losses[2].reason, LossReason::kComponentNotDigitized);
}

TEST(Score, ReuseReachesFullPointsAtEightyPercent) {
  // UBND Phường Việt Trì: REUSED_DIGITIZED_DATA 35/2971 → 0.03; Phú Thọ 3160/184513 → 0.04 (≈0.034).
  auto records = Dossiers(2971, 2971);
  for (int i = 0; i < 35; ++i) records[std::size_t(i)].has_digitized_components = true;
  EXPECT_EQ(PointsOf(MustScore(Input(records)), IndicatorId::k4_3), 0.03);
  for (int i = 0; i < 2377; ++i) records[std::size_t(i)].has_digitized_components = true;  // 80.01%
  EXPECT_EQ(PointsOf(MustScore(Input(records)), IndicatorId::k4_3), 2.0);
  records[2376].has_digitized_components = false;  // 79.97%
  EXPECT_EQ(PointsOf(MustScore(Input(records)), IndicatorId::k4_3), 2.0);  // 1.9992 rounds to 2.00
  for (int i = 2300; i < 2377; ++i) records[std::size_t(i)].has_digitized_components = false;  // 77.41%
  EXPECT_EQ(PointsOf(MustScore(Input(records)), IndicatorId::k4_3), 1.94);
}

TEST(Score, ReuseEvidenceIsASetting) {
  auto records = Dossiers(4, 4);
  records[0].has_digitized_components = true;                 // HoSoCoThanhPhanSoHoa = 1
  records[1].documents = {{.file_url = "f", .digitized = true}};  // DuocSoHoa = 1 (made on the portal)
  records[2].documents = {{.file_url = "f", .reuse = 2}};          // DuocTaiSuDung = 2
  records[3].documents = {{.file_url = "f", .replacing_result_code = "KQ.1"}};
  ScoreInput in = Input(records);
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k4_3).numerator, 2);
  in.settings.reuse_evidence = ScoringSettings::ReuseEvidence::kReuseFlags;
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k4_3).numerator, 2);
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k4_3).losses[0].record_index, 0u);
}

TEST(Score, CitizenStoreAndPopulationDataFlags) {
  auto records = Dossiers(5, 5);
  records[0].documents = {{.file_url = "f", .from_citizen_store = true}};  // 4.4 and 4.5b
  records[1].local = dvc::LocalFacts{.result_in_citizen_store = true};     // 4.4
  records[2].vneid_authenticated = true;                                   // 4.5b
  records[3].connected_databases = {"7"};                                  // 4.5b only if "7" is configured
  ScoreInput in = Input(records);
  ScoreReport r = MustScore(in);
  EXPECT_EQ(r.center.Get(IndicatorId::k4_4).numerator, 2);
  EXPECT_EQ(r.center.Get(IndicatorId::k4_5b).numerator, 2);
  in.settings.population_db_codes = {"7"};
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k4_5b).numerator, 3);
}

TEST(Score, ElectronicResultScopeIsASetting) {
  std::vector<ProcedureFacts> catalog(2);
  catalog[0].code = "1.000001";
  catalog[0].paper_result_required = true;
  catalog[1].code = "1.000002";
  auto records = Dossiers(4, 4);
  records[0].results = {{.file_url = "kq"}};
  records[2].procedure_code = "1.000002";
  records[3].procedure_code = "1.000002";
  records[3].results = {{.file_url = "kq"}};
  records[1].status = NationalStatus::kProcessing;
  records[1].processed_at.reset();
  ScoreInput in = Input(records);
  in.procedures = catalog;
  auto counts = [&] {
    const ScoreReport report_e = MustScore(in);
  const Indicator& e = report_e.center.Get(IndicatorId::k4_1);
    return std::pair{e.numerator, e.denominator};
  };
  EXPECT_EQ(counts(), (std::pair<std::int64_t, std::int64_t>{2, 4}));
  in.settings.electronic_result_scope = ScoringSettings::ResultScope::kPaperResultProcedures;
  EXPECT_EQ(counts(), (std::pair<std::int64_t, std::int64_t>{1, 2}));
  in.settings.electronic_result_scope = ScoringSettings::ResultScope::kCompletedPaperResult;
  EXPECT_EQ(counts(), (std::pair<std::int64_t, std::int64_t>{1, 1}));
}

TEST(Score, ZeroDossiersShowNoDigitizationScoreAndAddNothingToTheGroup) {
  // Văn phòng UBND tỉnh: every per-dossier 4.x is 0/0 → null; 4.5a 0/3 → 0; certified copy 2; group
  // total 2 of 22 [08/2026].
  std::vector<ProcedureFacts> catalog(3);
  for (int p = 0; p < 3; ++p) {
    catalog[std::size_t(p)].code = "2." + std::to_string(300000 + p);
    catalog[std::size_t(p)].citizen_subject = true;
  }
  const std::vector<NationalRecord> none;
  ScoreInput in = Input(none);
  in.procedures = catalog;
  in.certified_copies = CertifiedCopyCounts{1, 1};
  ScoreReport r = MustScore(in);
  for (IndicatorId id : {IndicatorId::k4_1, IndicatorId::k4_2, IndicatorId::k4_3, IndicatorId::k4_4, IndicatorId::k4_5b})
    EXPECT_FALSE(PointsOf(r, id).has_value()) << r.center.Get(id).code;
  EXPECT_EQ(PointsOf(r, IndicatorId::k4_5a), 0.0);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kDigitization).points, 2.0);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kDigitization).max_points, 22.0);
  // Rescaling instead: 2 points of the 4 available (4.5a and 4.6) → 11 of 22.
  in.settings.null_in_group = ScoringSettings::NullInGroup::kRescaleToAvailable;
  r = MustScore(in);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kDigitization).points, 11.0);
}

// ---------------------------------------------------------------------------------------------
// Group 5: PAKN [08/2026].

TEST(Score, MatchesPortalPaknScores) {
  // UBND tỉnh Phú Thọ: 247 PAKN, 182 on time → 4.42; 137 satisfied → 3.33; 179 about procedures
  // (72.47%) and 62 about staff (25.1%), tracking only. UBND xã Lâm Thao: 2/2 → 6, 0/2 → 0.
  const std::vector<NationalRecord> none;
  ScoreInput in = Input(none);
  in.center_pakn = PaknCounts{247, 182, 137, 179, 62};
  ScoreReport r = MustScore(in);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_2), 4.42);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_3), 3.33);
  EXPECT_NEAR(*r.center.Get(IndicatorId::k5_1a).ratio, 0.7247, 0.00005);
  EXPECT_NEAR(*r.center.Get(IndicatorId::k5_1b).ratio, 0.2510, 0.00005);
  EXPECT_FALSE(PointsOf(r, IndicatorId::k5_1a).has_value());
  in.center_pakn = PaknCounts{2, 2, 0, 0, 2};
  r = MustScore(in);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_2), 6.0);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_3), 0.0);
}

TEST(Score, NoPaknGivesFullPointsEachOrSplitsBySetting) {
  // Ban quản lý các KCN: 0 PAKN → 5.2 = 6, 5.3 = 6, with 5.4 486/588 → 5.51: group 17.51 [08/2026].
  const auto records = Dossiers(588, 486);
  ScoreInput in = Input(records);
  in.center_pakn = PaknCounts{};
  ScoreReport r = MustScore(in);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_2), 6.0);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_3), 6.0);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kSatisfaction).points, 17.51);
  EXPECT_TRUE(r.center.Get(IndicatorId::k5_2).note.empty());
  // METRICS row 22: 5.3's points shared by 5.2 and 5.4 → 9 + 9 × 0.8265 / 0.9 = 9 + 8.27.
  in.settings.zero_pakn = ScoringSettings::ZeroPakn::kSplitTo52And54;
  r = MustScore(in);
  EXPECT_EQ(r.center.Get(IndicatorId::k5_2).max_points, 9.0);
  EXPECT_EQ(r.center.Get(IndicatorId::k5_3).max_points, 0.0);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_4), 8.27);
  EXPECT_EQ(r.center.Group(IndicatorGroup::kSatisfaction).points, 17.27);
}

TEST(Score, UnknownPaknIsTreatedAsNoneOrNoScoreBySetting) {
  const auto records = Dossiers(10, 10);
  ScoreInput in = Input(records);
  ScoreReport r = MustScore(in);
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_2), 6.0);
  EXPECT_EQ(r.center.Get(IndicatorId::k5_2).note, "pakn_unknown");
  in.settings.unknown_pakn = ScoringSettings::UnknownPakn::kNoScore;
  r = MustScore(in);
  EXPECT_FALSE(PointsOf(r, IndicatorId::k5_2).has_value());
  EXPECT_FALSE(PointsOf(r, IndicatorId::k5_3).has_value());
  EXPECT_EQ(r.center.Group(IndicatorGroup::kSatisfaction).points, 6.0);
}

// ---------------------------------------------------------------------------------------------
// Group 1 from the catalog [DESC 1.1-1.3].

TEST(Score, AnnouncedFiveWorkingDaysBeforeTheEffectiveDateIsOnTime) {
  // Effective Monday 17/8/2026; 5 working days before is Monday 10/8. QĐCB on 10/8: on time; on 11/8:
  // late. A QĐCB in July is outside the period.
  std::vector<ProcedureFacts> catalog(3);
  for (int p = 0; p < 3; ++p) {
    catalog[std::size_t(p)].code = "2." + std::to_string(400000 + p);
    catalog[std::size_t(p)].legal_effective_on = Day(2026, 8, 17);
  }
  catalog[0].announced_on = Day(2026, 8, 10);
  catalog[1].announced_on = Day(2026, 8, 11);
  catalog[2].announced_on = Day(2026, 7, 30);
  const std::vector<NationalRecord> none;
  ScoreInput in = Input(none);
  in.procedures = catalog;
  ScoreReport r = MustScore(in);
  const Indicator& i11 = r.center.Get(IndicatorId::k1_1);
  EXPECT_EQ(i11.numerator, 1);
  EXPECT_EQ(i11.denominator, 2);
  EXPECT_EQ(i11.points, 3.0);
  ASSERT_EQ(i11.losing_procedures.size(), 1u);
  EXPECT_EQ(i11.losing_procedures[0].procedure_code, "2.400001");
  // With Friday 14/8 a day off, 5 working days before 17/8 is Friday 7/8: both are late.
  in.is_working_day = [](LocalDate d) {
    const weekday wd{d};
    return wd != Saturday && wd != Sunday && d != Day(2026, 8, 14);
  };
  EXPECT_EQ(MustScore(in).center.Get(IndicatorId::k1_1).numerator, 0);
}

TEST(Score, PublicizedWithinFiveWorkingDaysOfTheDecision) {
  // QĐCB Monday 3/8 → deadline Monday 10/8. Clicked 10/8: on time; 11/8: late; not yet clicked with the
  // deadline in the period: late; QĐCB 28/8 (deadline in September) and not clicked: not yet due.
  std::vector<ProcedureFacts> catalog(4);
  for (int p = 0; p < 4; ++p) {
    catalog[std::size_t(p)].code = "2." + std::to_string(500000 + p);
    catalog[std::size_t(p)].announced_on = Day(2026, 8, 3);
  }
  catalog[0].publicized_on = Day(2026, 8, 10);
  catalog[1].publicized_on = Day(2026, 8, 11);
  catalog[3].announced_on = Day(2026, 8, 28);
  const std::vector<NationalRecord> none;
  ScoreInput in = Input(none);
  in.procedures = catalog;
  const ScoreReport report_i12 = MustScore(in);
  const Indicator& i12 = report_i12.center.Get(IndicatorId::k1_2);
  EXPECT_EQ(i12.numerator, 1);
  EXPECT_EQ(i12.denominator, 3);
  EXPECT_EQ(i12.points, 1.33);
}

TEST(Score, ContentCompletenessAndUnitsShowTheCentersPublicity) {
  // UBND tỉnh Phú Thọ: PUBLIC_CONTENT_FULL 87/89 → 1.96, shown unchanged on every unit; 1.1 and 1.2
  // with nothing announced in the month are null [08/2026 transparency fixture].
  std::vector<ProcedureFacts> catalog(90);
  for (int p = 0; p < 90; ++p) {
    catalog[std::size_t(p)].code = "2." + std::to_string(600000 + p);
    if (p < 89) catalog[std::size_t(p)].content_complete = p < 87;  // the 90th was never checked
  }
  auto records = Dossiers(3, 3);
  records[0].processing_unit = "A";
  records[1].processing_unit = "B";
  records[2].processing_unit = "B";
  ScoreInput in = Input(records);
  in.procedures = catalog;
  in.grouping = Grouping::kUnit;
  const ScoreReport r = MustScore(in);
  EXPECT_EQ(PointsOf(r, IndicatorId::k1_3), 1.96);
  EXPECT_FALSE(PointsOf(r, IndicatorId::k1_1).has_value());
  EXPECT_FALSE(PointsOf(r, IndicatorId::k1_2).has_value());
  // 1.96 + 6 (all synced) = 7.96 of 18, the nulls adding nothing.
  EXPECT_EQ(r.center.Group(IndicatorGroup::kPublicity).points, 7.96);
  ASSERT_EQ(r.breakdown.size(), 2u);
  for (const ScoreCard& unit : r.breakdown) {
    EXPECT_EQ(unit.Get(IndicatorId::k1_3).points, 1.96) << unit.key;
    EXPECT_EQ(unit.Get(IndicatorId::k1_3).numerator, 87) << unit.key;
  }
}

// ---------------------------------------------------------------------------------------------
// Grouping, totals, losses, validation.

TEST(Score, UnitCardsPartitionTheCenter) {
  auto records = Dossiers(30, 20);
  for (int i = 0; i < 30; ++i) {
    records[std::size_t(i)].processing_unit = i % 3 == 0 ? "Sở Tư pháp" : "UBND xã Yên Sơn";
    if (i % 5 == 0) records[std::size_t(i)].local = dvc::LocalFacts{.unit_code = "STP"};  // overrides DonViXuLy
  }
  ScoreInput in = Input(records);
  in.grouping = Grouping::kUnit;
  const ScoreReport r = MustScore(in);
  ASSERT_EQ(r.breakdown.size(), 3u);
  EXPECT_EQ(r.breakdown[0].key, "STP");
  std::int64_t dossiers = 0, on_time = 0;
  for (const ScoreCard& c : r.breakdown) {
    dossiers += c.dossiers;
    on_time += c.Get(IndicatorId::k2_1).numerator;
  }
  EXPECT_EQ(dossiers, 30);
  EXPECT_EQ(on_time, 20);
  EXPECT_EQ(r.center.Get(IndicatorId::k2_1).numerator, 20);
}

TEST(Score, ProcedureCardsCoverDossiersAndCatalogAndHidePakn) {
  auto records = Dossiers(4, 4);
  records[3].procedure_code = "1.000002";
  std::vector<ProcedureFacts> catalog(2);
  catalog[0].code = "1.000001";
  catalog[0].name = "Đăng ký khai sinh";
  catalog[1].code = "1.000009";  // no dossier this month
  ScoreInput in = Input(records);
  in.procedures = catalog;
  in.grouping = Grouping::kProcedure;
  in.center_pakn = PaknCounts{3, 3, 3, 0, 0};
  const ScoreReport r = MustScore(in);
  ASSERT_EQ(r.breakdown.size(), 3u);
  EXPECT_EQ(r.breakdown[0].key, "1.000001");
  EXPECT_EQ(r.breakdown[0].label, "Đăng ký khai sinh");
  EXPECT_EQ(r.breakdown[0].dossiers, 3);
  EXPECT_EQ(r.breakdown[2].key, "1.000009");
  EXPECT_EQ(r.breakdown[2].dossiers, 0);
  EXPECT_FALSE(r.breakdown[0].Get(IndicatorId::k5_2).points.has_value());
  EXPECT_EQ(r.breakdown[0].Get(IndicatorId::k5_2).note, "not per procedure");
  EXPECT_EQ(PointsOf(r, IndicatorId::k5_2), 6.0);
}

TEST(Score, TotalIsTheSumOfGroupTotals) {
  auto month = testing::GenerateMonth({.seed = 42, .dossiers = 1500});
  ScoreInput in;
  in.records = &month.records;
  in.procedures = month.procedures;
  in.pakn_by_unit = month.pakn_by_unit;
  in.certified_copies = month.certified_copies;
  in.period = month.period;
  const ScoreReport r = MustScore(in);
  double sum = 0, max = 0;
  for (const GroupTotal& g : r.center.groups) {
    sum += g.points;
    max += g.max_points;
  }
  EXPECT_NEAR(r.center.total_points, sum, 1e-9);
  EXPECT_EQ(max, 100.0);
  EXPECT_GT(r.center.total_points, 30.0);
  EXPECT_LT(r.center.total_points, 100.0);
}

TEST(Score, LossesNameTheDossiersAndCanBeSwitchedOff) {
  std::vector<NationalRecord> records;
  records.push_back(Finished("OK", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 5, 17, 0), Vn(2026, 8, 4, 8, 0)));
  records.push_back(Finished("LATE", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 5, 17, 0), Vn(2026, 8, 6, 8, 0)));
  records.push_back(Open("OPEN", Vn(2026, 8, 3, 8, 0), Vn(2026, 8, 5, 17, 0)));
  ScoreInput in = Input(records);
  ScoreReport r = MustScore(in);
  const auto& losses = r.center.Get(IndicatorId::k2_1).losses;
  ASSERT_EQ(losses.size(), 2u);
  EXPECT_EQ(records[losses[0].record_index].dossier_code, "LATE");
  EXPECT_EQ(losses[0].reason, LossReason::kOverdue);
  EXPECT_EQ(records[losses[1].record_index].dossier_code, "OPEN");
  EXPECT_EQ(losses[1].reason, LossReason::kOverdueUnfinished);
  EXPECT_STREQ(ReasonKey(losses[1].reason), "overdue_unfinished");
  in.settings.collect_losses = false;
  r = MustScore(in);
  for (const Indicator& ind : r.center.indicators) {
    EXPECT_TRUE(ind.losses.empty()) << ind.code;
    EXPECT_TRUE(ind.losing_procedures.empty()) << ind.code;
  }
  EXPECT_EQ(r.center.Get(IndicatorId::k2_1).numerator, 1);
}

TEST(Score, RejectsInvalidInputNamingTheField) {
  const std::vector<NationalRecord> none;
  struct Case {
    std::function<void(ScoreInput&)> change;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {[](ScoreInput& in) { in.records = nullptr; }, "records", "required"},
      {[](ScoreInput& in) { in.period = Period{Day(2026, 8, 2), Day(2026, 8, 1)}; }, "period", "bad_period"},
      {[](ScoreInput& in) { in.procedures = {ProcedureFacts{.code = "1"}, ProcedureFacts{.code = "1"}}; },
       "procedures[1].code", "duplicate"},
      {[](ScoreInput& in) { in.procedures = {ProcedureFacts{}}; }, "procedures[0].code", "required"},
      {[](ScoreInput& in) { in.center_pakn = PaknCounts{2, 3}; }, "pakn.on_time", "out_of_range"},
      {[](ScoreInput& in) { in.center_pakn = PaknCounts{-1}; }, "pakn.total", "out_of_range"},
      {[](ScoreInput& in) { in.pakn_by_unit["STP"] = PaknCounts{1, 0, 2}; }, "pakn[STP].satisfied", "out_of_range"},
      {[](ScoreInput& in) { in.settings.digitized_full_at = 0; }, "settings.digitized_full_at", "out_of_range"},
      {[](ScoreInput& in) { in.settings.satisfaction_full_at = 1.5; }, "settings.satisfaction_full_at", "out_of_range"},
      {[](ScoreInput& in) { in.settings.max_supplement_requests = -1; }, "settings.max_supplement_requests",
       "out_of_range"},
      {[](ScoreInput& in) { in.certified_copies = CertifiedCopyCounts{3, 2}; }, "certified_copies.communes_offering",
       "out_of_range"},
      {[](ScoreInput& in) { in.national_report_received = -1; }, "national_report_received", "out_of_range"},
  };
  for (const Case& c : cases) {
    ScoreInput in = Input(none);
    c.change(in);
    auto r = Score(in);
    ASSERT_FALSE(r.has_value()) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << c.field;
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_EQ(r.error().rule, c.rule) << c.field;
  }
  auto p = MakePeriod(Day(2026, 8, 2), Day(2026, 8, 1));
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().rule, "bad_period");
}

TEST(Period, MonthQuarterAndYearCoverWholeDays) {
  EXPECT_EQ(MonthPeriod(2026, 2).to, Day(2026, 2, 28));
  EXPECT_EQ(MonthPeriod(2028, 2).to, Day(2028, 2, 29));
  EXPECT_EQ(QuarterPeriod(2026, 3).from, Day(2026, 7, 1));
  EXPECT_EQ(QuarterPeriod(2026, 3).to, Day(2026, 9, 30));
  EXPECT_EQ(YearPeriod(2026).to, Day(2026, 12, 31));
}

// ---------------------------------------------------------------------------------------------
// Properties (fixed seeds; the seed and settings are printed on failure).

ScoringSettings RandomSettings(testing::Rng& rng, std::ostringstream& log) {
  ScoringSettings s;
  s.progress_population = ScoringSettings::ProgressPopulation(rng.Below(2));
  s.terminal_time = ScoringSettings::TerminalTime(rng.Below(2));
  s.max_supplement_requests = rng.Between(0, 2);
  s.unfinished_judged_at = ScoringSettings::UnfinishedJudgedAt(rng.Below(2));
  s.undatable_counts_on_time = rng.Chance(50);
  s.progress_zero = ZeroDenominator(rng.Below(3));
  s.sync_counting = ScoringSettings::SyncCounting(rng.Below(2));
  s.online_group = ScoringSettings::OnlineGroup(rng.Below(2));
  s.cap_fee_procedure_points = rng.Chance(50);
  s.electronic_result_scope = ScoringSettings::ResultScope(rng.Below(3));
  s.digitized_full_at = rng.Chance(50) ? 1.0 : 0.8;
  s.reuse_evidence = ScoringSettings::ReuseEvidence(rng.Below(2));
  s.zero_pakn = ScoringSettings::ZeroPakn(rng.Below(2));
  s.unknown_pakn = ScoringSettings::UnknownPakn(rng.Below(2));
  s.null_in_group = ScoringSettings::NullInGroup(rng.Below(2));
  if (rng.Chance(50)) s.population_db_codes = {"7"};
  log << "population=" << int(s.progress_population) << " terminal=" << int(s.terminal_time)
      << " max_supp=" << s.max_supplement_requests << " unfinished=" << int(s.unfinished_judged_at)
      << " undatable=" << s.undatable_counts_on_time << " progress_zero=" << int(s.progress_zero)
      << " sync=" << int(s.sync_counting) << " online=" << int(s.online_group) << " cap=" << s.cap_fee_procedure_points
      << " eresult=" << int(s.electronic_result_scope) << " digitized_full_at=" << s.digitized_full_at.value_or(1.0)
      << " reuse=" << int(s.reuse_evidence) << " zero_pakn=" << int(s.zero_pakn)
      << " unknown_pakn=" << int(s.unknown_pakn) << " null_in_group=" << int(s.null_in_group);
  return s;
}

void ExpectWithinBounds(const ScoreCard& card) {
  for (const Indicator& ind : card.indicators) {
    SCOPED_TRACE(std::string(ind.code) + " card " + card.key);
    if (ind.points) {
      EXPECT_GE(*ind.points, 0.0);
      EXPECT_LE(*ind.points, ind.max_points + 1e-9);
    }
    if (ind.id == IndicatorId::k2_2) continue;  // minutes over dossiers
    EXPECT_GE(ind.numerator, 0);
    EXPECT_LE(ind.numerator, ind.denominator);
    if (ind.denominator > 0 && ind.id != IndicatorId::k3_3 && ind.id != IndicatorId::k5_1a &&
        ind.id != IndicatorId::k5_1b) {
      EXPECT_DOUBLE_EQ(*ind.ratio, double(ind.numerator) / double(ind.denominator));
    }
    if (ind.ratio) {
      EXPECT_GE(*ind.ratio, 0.0);
      EXPECT_LE(*ind.ratio, 1.0);
    }
  }
  double total = 0;
  for (const GroupTotal& g : card.groups) {
    EXPECT_GE(g.points, 0.0) << GroupKey(g.group);
    EXPECT_LE(g.points, g.max_points) << GroupKey(g.group);
    total += g.points;
  }
  EXPECT_NEAR(card.total_points, total, 1e-6);
  EXPECT_LE(card.total_points, 100.0);
}

TEST(ScoreProperty, ScoresStayWithinTheirMaximaForAnySettings) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    testing::Rng rng(seed * 7919);
    std::ostringstream log;
    log << "seed " << seed << ": ";
    ScoreInput in;
    in.settings = RandomSettings(rng, log);
    in.grouping = Grouping(rng.Below(3));
    log << " grouping=" << int(in.grouping);
    SCOPED_TRACE(log.str());
    auto month = testing::GenerateMonth({.seed = seed, .dossiers = 800, .units = 1 + rng.Below(5),
                                         .procedures = 3 + rng.Below(20)});
    in.records = &month.records;
    in.procedures = month.procedures;
    if (rng.Chance(70)) in.pakn_by_unit = month.pakn_by_unit;
    if (rng.Chance(50)) in.certified_copies = month.certified_copies;
    in.period = month.period;
    in.now = Vn(2026, 8, 20, 12, 0);
    const ScoreReport r = MustScore(in);
    ExpectWithinBounds(r.center);
    for (const ScoreCard& c : r.breakdown) ExpectWithinBounds(c);
  }
}

TEST(ScoreProperty, MakingALateDossierOnTimeNeverLowersAnyScore) {
  for (std::uint64_t seed : {3u, 11u}) {
    auto month = testing::GenerateMonth({.seed = seed, .dossiers = 700});
    ScoreInput in;
    in.records = &month.records;
    in.procedures = month.procedures;
    in.pakn_by_unit = month.pakn_by_unit;
    in.period = month.period;
    in.grouping = Grouping::kUnit;
    ScoreReport before = MustScore(in);
    int flipped = 0;
    for (std::size_t i = 0; i < month.records.size() && flipped < 40; ++i) {
      if (!month.truth[i].in_population || month.truth[i].on_time) continue;
      NationalRecord& r = month.records[i];
      SCOPED_TRACE("seed " + std::to_string(seed) + " dossier " + r.dossier_code + " scenario " +
                   month.truth[i].scenario);
      r.supplements.clear();
      r.due_at = *r.received_at + days{30};
      r.processed_at = *r.received_at + hours{1};
      ++flipped;
      const ScoreReport after = MustScore(in);
      EXPECT_GT(after.center.Get(IndicatorId::k2_1).numerator, before.center.Get(IndicatorId::k2_1).numerator);
      for (int k = 0; k < kIndicatorCount; ++k) {
        const auto& b = before.center.indicators[std::size_t(k)];
        const auto& a = after.center.indicators[std::size_t(k)];
        if (b.points && a.points) {
          EXPECT_GE(*a.points, *b.points) << b.code;
        }
      }
      EXPECT_GE(after.center.total_points, before.center.total_points);
      before = after;
    }
    EXPECT_EQ(flipped, 40) << "seed " << seed;
  }
}

}  // namespace
}  // namespace motcua::indicators
