// The dossier lifecycle table and the national status map (domain.md §2.4, §4.3).
#include "dossier/lifecycle.h"

#include <gtest/gtest.h>

namespace motcua::dossier {
namespace {

using A = Action;
using S = State;

TEST(NextState, FollowsTheCounterPath) {
  // receive → transfer → process → done → return: the everyday path at a one-stop desk.
  EXPECT_EQ(*NextState(S::kReceived, A::kTransfer), S::kTransferred);
  EXPECT_EQ(*NextState(S::kTransferred, A::kStartProcessing), S::kInProgress);
  EXPECT_EQ(*NextState(S::kInProgress, A::kMarkDone), S::kDone);
  EXPECT_EQ(*NextState(S::kDone, A::kReturnResult), S::kReturned);
}

TEST(NextState, SupplementPausesAndResumes) {
  EXPECT_EQ(*NextState(S::kInProgress, A::kRequestSupplement), S::kAwaitingSupplement);
  EXPECT_EQ(*NextState(S::kAwaitingSupplement, A::kReceiveSupplement), S::kInProgress);
}

TEST(NextState, RefusesReturningBeforeDone) {
  for (S s : {S::kReceived, S::kTransferred, S::kInProgress, S::kAwaitingSupplement, S::kAwaitingPayment}) {
    auto r = NextState(s, A::kReturnResult);
    ASSERT_FALSE(r) << StateKey(s);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().field, "state");
    EXPECT_EQ(r.error().rule, "transition_not_allowed");
  }
}

TEST(NextState, RefusesWithdrawalOnceDone) {
  // "files already at 9 or 10 cannot be stopped" (domain.md §2.4, one vendor's rule; NĐ 118 Art. 21).
  for (S s : {S::kDone, S::kReturned}) {
    EXPECT_FALSE(NextState(s, A::kRequestWithdrawal)) << StateKey(s);
    EXPECT_FALSE(NextState(s, A::kStop)) << StateKey(s);
  }
}

TEST(NextState, NothingLeavesATerminalState) {
  for (S s : {S::kRefused, S::kWithdrawn, S::kStopped, S::kReturned}) {
    EXPECT_TRUE(IsTerminal(s));
    EXPECT_TRUE(LegalActions(s).empty()) << StateKey(s);
  }
  EXPECT_FALSE(IsTerminal(S::kDone));
  EXPECT_TRUE(IsFinished(S::kDone));
  EXPECT_EQ(LegalActions(S::kDone), std::vector<Action>{A::kReturnResult});
}

TEST(ActionTo, FindsTheActionForATargetState) {
  EXPECT_EQ(*ActionTo(S::kReceived, S::kAwaitingSupplement), A::kRequestSupplement);
  EXPECT_EQ(*ActionTo(S::kWithdrawalRequested, S::kWithdrawn), A::kConfirmWithdrawal);
  auto r = ActionTo(S::kReceived, S::kReturned);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rule, "transition_not_allowed");
}

TEST(ParseState, RoundTripsEveryKeyAndNamesTheField) {
  for (int i = 0; i < kStateCount; ++i) {
    S s = static_cast<S>(i);
    EXPECT_EQ(*ParseState(StateKey(s)), s);
  }
  auto bad = ParseState("finished", "to");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "to");
  EXPECT_EQ(bad.error().rule, "unknown_state");
}

TEST(StatusMap, ShippedFileMapsEveryStateToTheNationalCodes) {
  auto map = LoadStatusMap(std::string(MOTCUA_ASSETS_DIR) + "/dvc/status-map.json");
  ASSERT_TRUE(map) << map.error().Describe();
  // domain.md §4.3: 1 Mới đăng ký, 2 Được tiếp nhận, 3 Không được tiếp nhận, 4 Đang xử lý,
  // 5 Yêu cầu bổ sung, 6 Nghĩa vụ tài chính, 7 Công dân yêu cầu rút, 8 Dừng xử lý, 9 Đã xử lý xong, 10 Đã trả.
  EXPECT_EQ(map->National(S::kSubmitted), 1);
  EXPECT_EQ(map->National(S::kReceived), 2);
  EXPECT_EQ(map->National(S::kRefused), 3);
  EXPECT_EQ(map->National(S::kTransferred), 4);
  EXPECT_EQ(map->National(S::kInProgress), 4);
  EXPECT_EQ(map->National(S::kAwaitingSupplement), 5);
  EXPECT_EQ(map->National(S::kAwaitingPayment), 6);
  EXPECT_EQ(map->National(S::kWithdrawalRequested), 7);
  EXPECT_EQ(map->National(S::kStopped), 8);
  EXPECT_EQ(map->National(S::kDone), 9);
  EXPECT_EQ(map->National(S::kReturned), 10);
  EXPECT_STREQ(NationalStatusNameVi(9), "Đã xử lý xong");
}

TEST(StatusMap, RejectsAMissingStateOrACodeOutOfRange) {
  auto missing = ParseStatusMap(R"({"map": {"received": 2}})");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().rule, "bad_status_map");
  EXPECT_EQ(missing.error().field, "status_map.submitted");

  std::string json = R"({"map": {"submitted": 1, "received": 2, "refused": 3, "transferred": 4, "in_progress": 4,
    "awaiting_supplement": 5, "awaiting_payment": 6, "withdrawal_requested": 7, "withdrawn": 7, "stopped": 8,
    "done": 9, "returned": 11}})";
  auto out_of_range = ParseStatusMap(json);
  ASSERT_FALSE(out_of_range);
  EXPECT_EQ(out_of_range.error().field, "status_map.returned");
  EXPECT_FALSE(ParseStatusMap("not json"));

  // 4294967298 is 2^32 + 2: read as an int it became 2 (fuzz_status_map checks each code against the file).
  const std::string_view eleven = "\"returned\": 11";
  const std::string wrapped = std::string(json).replace(json.find(eleven), eleven.size(), "\"returned\": 4294967298");
  auto too_large = ParseStatusMap(wrapped);
  ASSERT_FALSE(too_large) << wrapped;
  EXPECT_EQ(too_large.error().field, "status_map.returned");
}

TEST(ValidateDossier, ChecksTheInvariants) {
  Dossier d;
  d.code = "000.00.00.H56-261124-0001";
  d.procedure_code = "1.004222";
  d.applicant.name = "Nguyễn Thị Thử";
  EXPECT_TRUE(ValidateDossier(d));
  d.apology_count = 2;
  EXPECT_EQ(ValidateDossier(d).error().rule, "apology_already_issued");
  d.apology_count = 0;
  d.state = S::kAwaitingSupplement;  // awaiting with no open request
  EXPECT_EQ(ValidateDossier(d).error().rule, "supplement_state_mismatch");
  d.supplements.push_back({});
  EXPECT_TRUE(ValidateDossier(d));
  d.due_at = Instant{};
  EXPECT_EQ(ValidateDossier(d).error().rule, "due_without_original");
}

}  // namespace
}  // namespace motcua::dossier
