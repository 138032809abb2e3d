// The citizen's public view: what LookupByToken and LookupByCode return, the single "invalid_token"
// error whatever is wrong, the next action in each state, lateness on both sides of the due minute,
// and a dossier full of personal data whose JSON must contain none of it. Worked examples use the real
// 2026 calendar: 1.004222 received Monday 2026-11-23 09:00 is due Wednesday 2026-12-02 09:00.
#include "citizen/public_status.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "codes/receipt_token.h"
#include "rating/rating.h"
#include "support/fixtures.h"

namespace motcua::citizen {
namespace {

using dossier::Action;
using dossier::State;
using motcua::testing::At;
using motcua::testing::SampleIntake;
using motcua::testing::TempDir;
using nlohmann::json;
using workflow::Actor;
using workflow::Role;

const Actor kKiosk{"kiosk.sanh.a", Role::kKiosk, "kiosk-1"};

class PublicStatusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = motcua::testing::MakeTestDesk(dir_.path());
    ASSERT_TRUE(t_);
    Receive(SampleIntake());
  }
  void Receive(workflow::IntakeRequest in, const char* when = "2026-11-23 09:00") {
    in.received_at = At(when);
    auto r = workflow::Receive(t_->desk, t_->officer, in, At(when));
    ASSERT_TRUE(r) << r.error().Describe();
    code_ = r->dossier.code;
    secret_ = r->dossier.lookup_secret;
    token_ = r->receipt_token;
  }
  void Do(Action a, const char* when, workflow::ActionDetails details = {}) {
    if (details.reason.empty()) details.reason = "lý do";
    if (details.receiver_name.empty()) details.receiver_name = "Người nhận";
    auto r = workflow::Apply(t_->desk, t_->officer, code_, a, details, At(when));
    ASSERT_TRUE(r) << dossier::ActionKey(a) << ": " << r.error().Describe();
  }
  PublicStatus Look(const char* when) {
    auto r = LookupByToken(*t_->store, t_->desk, token_, At(when));
    EXPECT_TRUE(r) << r.error().Describe();
    return r ? *r : PublicStatus{};
  }

  TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
  std::string code_, secret_, token_;
};

TEST_F(PublicStatusTest, AValidTokenGivesThePublicView) {
  auto r = LookupByToken(*t_->store, t_->desk, token_, At("2026-11-24 10:00"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->dossier_code, "000.00.00.H56-261123-0001");
  EXPECT_EQ(r->procedure_code, "1.004222");
  EXPECT_EQ(r->procedure_name, "Đăng ký thường trú");
  EXPECT_EQ(r->applicant_name, "Nguyễn T** T**");
  EXPECT_EQ(r->received_at, At("2026-11-23 09:00"));
  ASSERT_TRUE(r->due_at);
  EXPECT_EQ(*r->due_at, At("2026-12-02 09:00"));
  EXPECT_FALSE(r->is_late);
  EXPECT_EQ(r->state, State::kReceived);
  EXPECT_EQ(r->state_key, "received");
  EXPECT_EQ(r->next_action, NextAction::kWait);
  ASSERT_EQ(r->timeline.size(), 1u);
  EXPECT_EQ(r->timeline[0].key, "received");
  EXPECT_EQ(r->timeline[0].text, "Tiếp nhận hồ sơ");
  EXPECT_EQ(r->delivery, dossier::Delivery::kCounter);
  EXPECT_TRUE(r->can_register_postal_return);
  EXPECT_FALSE(r->is_rated);
  EXPECT_EQ(r->result_place, "Bộ phận một cửa thử nghiệm");
  // A wedge scanner with Caps Lock types the token in lower case: still the same dossier.
  std::string lower = token_;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto scanned = LookupByToken(*t_->store, t_->desk, "  " + lower + "\n", At("2026-11-24 10:00"));
  ASSERT_TRUE(scanned) << scanned.error().Describe();
  EXPECT_EQ(scanned->dossier_code, code_);
}

TEST_F(PublicStatusTest, EveryBadTokenIsTheSameError) {
  const std::string key = t_->desk.center_key;
  std::string forged = token_;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';  // one MAC character changed
  std::string altered = token_;
  altered.replace(altered.find("-0001"), 5, "-0002");  // another dossier's number, same MAC
  const std::string other_secret = secret_ == "2345" ? "2346" : "2345";
  struct Case {
    const char* what;
    std::string token;
  };
  const std::vector<Case> cases = {
      {"forged MAC", forged},
      {"altered code", altered},
      {"another center's key", *codes::MakeReceiptToken({code_, secret_}, std::string(32, 'x'))},
      {"truncated", token_.substr(0, token_.size() - 3)},
      {"cut at a colon", token_.substr(0, token_.rfind(':'))},
      {"empty", ""},
      {"garbage", "hello world"},
      {"CCCD QR text", "001090123456||Nguyễn Thị Thử|01011990|Nữ|Tổ 1, phường Phan Thiết|15042021"},
      {"newer version", "MC2" + token_.substr(3)},
      {"far too long", std::string(10000, 'A')},
      {"unknown dossier under a valid MAC", *codes::MakeReceiptToken({"000.00.00.H56-261123-0999", secret_}, key)},
      {"wrong secret under a valid MAC", *codes::MakeReceiptToken({code_, other_secret}, key)},
  };
  for (const Case& c : cases) {
    auto r = LookupByToken(*t_->store, t_->desk, c.token, At("2026-11-24 10:00"));
    ASSERT_FALSE(r) << c.what;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << c.what;
    EXPECT_EQ(r.error().field, "token") << c.what;
    EXPECT_EQ(r.error().rule, "invalid_token") << c.what;
    // The detail is the same too: a log tells no more than the answer.
    EXPECT_EQ(r.error().detail, "not a valid receipt token, or code and secret, for this center") << c.what;
  }
}

TEST_F(PublicStatusTest, ATypedCodeAndSecretWorkInAnyCase) {
  std::string lower_code = code_;
  for (char& c : lower_code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string lower_secret = secret_;
  for (char& c : lower_secret) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto r = LookupByCode(*t_->store, t_->desk, " " + lower_code + " ", " " + lower_secret + " ", At("2026-11-24 10:00"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->dossier_code, code_);
  const std::string other_secret = secret_ == "2345" ? "2346" : "2345";
  const std::pair<std::string, std::string> bad[] = {
      {code_, other_secret},                          // wrong secret
      {"000.00.00.H56-261123-0999", secret_},         // no such dossier
      {code_, secret_.substr(0, 3)},                  // secret too short
      {code_, "OOOO"},                                // O is not in the secret alphabet
      {"not a code", secret_},
      {"", ""},
  };
  for (const auto& [code, secret] : bad) {
    auto e = LookupByCode(*t_->store, t_->desk, code, secret, At("2026-11-24 10:00"));
    ASSERT_FALSE(e) << code << " " << secret;
    EXPECT_EQ(e.error().field, "token");
    EXPECT_EQ(e.error().rule, "invalid_token");
  }
}

TEST_F(PublicStatusTest, AMisconfiguredCenterKeyIsNotABadToken) {
  workflow::Desk broken = t_->desk;
  broken.center_key = "short";
  auto by_token = LookupByToken(*t_->store, broken, token_, At("2026-11-24 10:00"));
  ASSERT_FALSE(by_token);
  EXPECT_EQ(by_token.error().field, "center_key");
  EXPECT_EQ(by_token.error().rule, "bad_key_size");
  auto by_code = LookupByCode(*t_->store, broken, code_, secret_, At("2026-11-24 10:00"));
  ASSERT_FALSE(by_code);
  EXPECT_EQ(by_code.error().rule, "bad_key_size");
}

TEST_F(PublicStatusTest, IsLateOnlyPastTheDueMinute) {
  EXPECT_FALSE(Look("2026-12-02 09:00").is_late);  // the due minute itself is on time
  EXPECT_TRUE(Look("2026-12-02 09:01").is_late);
}

TEST_F(PublicStatusTest, FinishedAfterTheDueInstantStaysLate) {
  Do(Action::kMarkDone, "2026-12-03 10:00");
  auto p = Look("2026-12-10 10:00");
  EXPECT_TRUE(p.is_late);
  ASSERT_TRUE(p.finished_at);
  EXPECT_EQ(*p.finished_at, At("2026-12-03 10:00"));
}

TEST_F(PublicStatusTest, FinishedBeforeTheDueInstantIsNeverLate) {
  Do(Action::kMarkDone, "2026-12-01 10:00");
  auto p = Look("2026-12-10 10:00");
  EXPECT_FALSE(p.is_late);
  EXPECT_EQ(p.state_key, "result_ready");
  EXPECT_EQ(p.next_action, NextAction::kCollectResult);
}

TEST_F(PublicStatusTest, ASupplementListsThePapersAndPausesTheClock) {
  workflow::ActionDetails details;
  details.reason = "Thiếu giấy tờ";
  details.items = {"Bản sao giấy khai sinh", "Văn bản đồng ý của chủ hộ"};
  Do(Action::kRequestSupplement, "2026-11-25 10:00", details);
  auto p = Look("2026-12-05 10:00");  // past the old due date, but the clock is paused
  EXPECT_EQ(p.state_key, "awaiting_supplement");
  EXPECT_EQ(p.next_action, NextAction::kSupplement);
  EXPECT_EQ(p.supplement_items, (std::vector<std::string>{"Bản sao giấy khai sinh", "Văn bản đồng ý của chủ hộ"}));
  EXPECT_EQ(p.supplement_items_withheld, 0);
  EXPECT_TRUE(p.is_clock_paused);
  EXPECT_FALSE(p.is_late);
  EXPECT_EQ(p.timeline.back().key, "supplement_requested");
  EXPECT_EQ(p.timeline.back().text, "Yêu cầu bổ sung: Thiếu giấy tờ");
  Do(Action::kReceiveSupplement, "2026-12-07 10:00");
  auto after = Look("2026-12-07 10:05");
  EXPECT_EQ(after.next_action, NextAction::kWait);
  EXPECT_TRUE(after.supplement_items.empty());
  EXPECT_EQ(after.timeline.back().key, "supplement_received");
  // The restart rule: 7 working days from Monday 2026-12-07 10:00 is Wednesday 2026-12-16 10:00.
  EXPECT_EQ(*after.due_at, At("2026-12-16 10:00"));
}

TEST_F(PublicStatusTest, AFeeToPayShowsUntilThePaymentIsRecorded) {
  Receive(SampleIntake("9.999001"));  // 10,000 VND "Lệ phí thử nghiệm"
  Do(Action::kRequestPayment, "2026-11-23 10:00");
  auto due = Look("2026-11-23 11:00");
  EXPECT_EQ(due.next_action, NextAction::kPayFee);
  ASSERT_EQ(due.fees.size(), 1u);
  EXPECT_EQ(due.fees[0].name, "Lệ phí thử nghiệm");
  EXPECT_EQ(due.fees[0].amount_vnd, 10000);
  EXPECT_FALSE(due.fees[0].is_paid);
  EXPECT_EQ(due.unpaid_vnd, 10000);
  Do(Action::kRecordPayment, "2026-11-23 14:00");
  auto paid = Look("2026-11-23 14:05");
  EXPECT_TRUE(paid.fees[0].is_paid);
  EXPECT_EQ(paid.unpaid_vnd, 0);
  EXPECT_EQ(paid.next_action, NextAction::kWait);
  EXPECT_EQ(paid.timeline.back().key, "fee_paid");
}

TEST_F(PublicStatusTest, ADoneResultNamesTheCounterOrThePost) {
  ASSERT_TRUE(motcua::testing::WriteJournaled(*t_->store, [](store::WriteTx& tx) {
    return tx.PutSetting(kResultCounterSetting, "Quầy số 5");
  }));
  Do(Action::kMarkDone, "2026-11-30 10:00");
  auto counter = Look("2026-11-30 11:00");
  EXPECT_EQ(counter.next_action, NextAction::kCollectResult);
  EXPECT_EQ(counter.result_place, "Bộ phận một cửa thử nghiệm");
  EXPECT_EQ(counter.result_counter, "Quầy số 5");
  EXPECT_TRUE(counter.can_register_postal_return);
  ASSERT_TRUE(workflow::RegisterPostalReturn(t_->desk, kKiosk, code_, {"Trần Văn Bình", "0987654321", "Thôn 3"},
                                             At("2026-11-30 11:05")));
  auto post = Look("2026-11-30 11:10");
  EXPECT_EQ(post.next_action, NextAction::kAwaitPostalDelivery);
  EXPECT_EQ(post.delivery, dossier::Delivery::kPostal);
  EXPECT_EQ(post.timeline.back().key, "update");
  EXPECT_TRUE(post.can_register_postal_return);  // the address may still be corrected
  Do(Action::kReturnResult, "2026-12-01 09:00");
  auto returned = Look("2026-12-01 10:00");
  EXPECT_EQ(returned.next_action, NextAction::kNone);
  EXPECT_EQ(returned.state_key, "returned");
  EXPECT_FALSE(returned.can_register_postal_return);
}

TEST_F(PublicStatusTest, ClosedDossiersSayWhatIsLeft) {
  Do(Action::kRefuse, "2026-11-23 10:00");
  auto refused = Look("2026-11-23 11:00");
  EXPECT_EQ(refused.state_key, "refused");
  EXPECT_EQ(refused.next_action, NextAction::kContactCounter);
  EXPECT_FALSE(refused.can_register_postal_return);
  Receive(SampleIntake());
  Do(Action::kRequestWithdrawal, "2026-11-24 09:00");
  EXPECT_EQ(Look("2026-11-24 09:30").next_action, NextAction::kWait);
  Do(Action::kConfirmWithdrawal, "2026-11-24 10:00");
  auto withdrawn = Look("2026-11-24 10:30");
  EXPECT_EQ(withdrawn.state_key, "withdrawn");
  EXPECT_EQ(withdrawn.next_action, NextAction::kNone);
}

TEST_F(PublicStatusTest, ARatingIsOfferedOnlyOnce) {
  EXPECT_FALSE(Look("2026-11-23 10:00").is_rated);
  rating::NewRating n;
  n.dossier_code = code_;
  n.value = rating::RatingValue::kVerySatisfied;
  auto rated = rating::RecordRating(*t_->store, kKiosk, n, At("2026-11-23 10:00"));
  ASSERT_TRUE(rated) << rated.error().Describe();
  EXPECT_TRUE(Look("2026-11-23 10:01").is_rated);
}

TEST_F(PublicStatusTest, TheTimelineNamesEachStepInPlainWords) {
  Do(Action::kTransfer, "2026-11-23 10:00");
  Do(Action::kStartProcessing, "2026-11-23 11:00");
  ASSERT_TRUE(workflow::RecordResult(t_->desk, t_->officer, code_, {"Thông báo kết quả giải quyết", "", false,
                                                                    std::nullopt, false, "", {}},
                                     At("2026-11-24 09:00")));
  Do(Action::kMarkDone, "2026-11-24 10:00");
  workflow::ActionDetails long_words;
  long_words.receiver_name = "Người nhận";
  long_words.step_content = std::string(300, 'x');
  Do(Action::kReturnResult, "2026-11-25 10:00", long_words);
  auto p = Look("2026-11-25 11:00");
  std::vector<std::string> keys;
  for (const auto& s : p.timeline) keys.push_back(s.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"received", "transferred", "in_progress", "update", "result_ready",
                                            "returned"}));
  EXPECT_EQ(p.timeline[1].text, "Chuyển hồ sơ đến Công an cấp xã");
  EXPECT_EQ(p.timeline[1].at, At("2026-11-23 10:00"));
  EXPECT_EQ(p.timeline.back().text, std::string(kMaxTimelineTextChars, 'x') + "…");  // capped
}

// A dossier full of personal data, taken through supplement, postal return, return and rating: its
// public JSON must contain none of it.
TEST_F(PublicStatusTest, NoPersonalDataLeavesThroughTheJson) {
  auto in = SampleIntake();
  in.applicant.email = "thu.nguyen@example.vn";
  in.delivery = dossier::Delivery::kPostal;
  in.delivery_address = "Số 7 ngõ Hoa Sữa, phường Minh Xuân";
  Receive(in);
  workflow::ActionDetails supplement;
  supplement.reason = "Thiếu giấy tờ của bà Nguyễn Thị Thử";
  supplement.items = {"Bản sao giấy khai sinh", "Bản sao CCCD số 001090123456"};
  Do(Action::kRequestSupplement, "2026-11-24 09:00", supplement);
  auto waiting = Look("2026-11-24 10:00");
  EXPECT_EQ(waiting.supplement_items, std::vector<std::string>{"Bản sao giấy khai sinh"});
  EXPECT_EQ(waiting.supplement_items_withheld, 1);  // it names the ID number
  EXPECT_EQ(waiting.timeline.back().key, "supplement_requested");
  EXPECT_EQ(waiting.timeline.back().text, "");  // the reason names the applicant
  const std::string waiting_json = PublicStatusJson(waiting);
  EXPECT_EQ(waiting_json.find("001090123456"), std::string::npos) << waiting_json;
  EXPECT_EQ(waiting_json.find("Nguyễn Thị Thử"), std::string::npos) << waiting_json;

  Do(Action::kReceiveSupplement, "2026-11-25 09:00");
  Do(Action::kMarkDone, "2026-11-26 09:00");
  ASSERT_TRUE(workflow::RegisterPostalReturn(t_->desk, kKiosk, code_,
                                             {"Phạm Thị Nhận", "0977 111 222", "Thôn 5, xã Tân Long"},
                                             At("2026-11-26 10:00")));
  workflow::ActionDetails handover;
  handover.receiver_name = "Lê Văn Giao";
  handover.receiver_id = "002085001234";
  Do(Action::kReturnResult, "2026-11-27 09:00", handover);
  rating::NewRating n;
  n.dossier_code = code_;
  n.value = rating::RatingValue::kSatisfied;
  n.officer = t_->officer.user;
  n.comment = "Cán bộ can.bo.a hướng dẫn tận tình";
  ASSERT_TRUE(rating::RecordRating(*t_->store, kKiosk, n, At("2026-11-27 10:00")));

  auto p = Look("2026-11-27 11:00");
  EXPECT_EQ(p.applicant_name, "Nguyễn T** T**");
  EXPECT_TRUE(p.is_rated);
  EXPECT_EQ(p.timeline.back().key, "returned");
  EXPECT_EQ(p.timeline.back().text, "");  // "Trả kết quả cho Lê Văn Giao"
  const std::string text = PublicStatusJson(p);
  ASSERT_TRUE(json::accept(text)) << text;
  for (const char* personal : {"Nguyễn Thị Thử", "Thị Thử", "001090123456", "0912345678", "thu.nguyen@example.vn",
                               "Tổ 1, phường Phan Thiết", "Phan Thiết", "Số 7 ngõ Hoa Sữa", "Hoa Sữa",
                               "Thôn 5, xã Tân Long", "Tân Long", "Phạm Thị Nhận", "0977 111 222", "0977111222",
                               "Lê Văn Giao", "002085001234", "can.bo.a", "kiosk.sanh.a", "Thiếu giấy tờ của bà",
                               "tận tình"})
    EXPECT_EQ(text.find(personal), std::string::npos) << personal << " in " << text;
}

TEST(MakePublicStatus, WithholdsStepWordingThatNamesSomeone) {
  dossier::Dossier d;
  d.code = "000.00.00.H56-261123-0001";
  d.applicant.name = "An";  // a one-word name: the mask shows "A**", so no step may show "An"
  d.applicant.id_number = "001090123456";
  d.steps = {{At("2026-11-23 09:00"), "can.bo.a", "UBND", "Tiếp nhận hồ sơ", State::kReceived},
             {At("2026-11-24 09:00"), "can.bo.a", "UBND", "Gọi điện cho an, hẹn bổ sung", State::kReceived},
             {At("2026-11-24 10:00"), "can.bo.a", "UBND", "Đối chiếu CCCD 001 090 123 456", State::kReceived},
             {At("2026-11-24 11:00"), "can.bo.a", "UBND", "Giao cho Can Bo A xử lý", State::kInProgress},
             {At("2026-11-24 12:00"), "can.bo.a", "UBND", "Bàn giao cho ông Minh", State::kInProgress}};
  const PublicStatus p = MakePublicStatus(d, {.withheld = {"Minh"}}, At("2026-11-25 09:00"));
  EXPECT_EQ(p.applicant_name, "A**");
  ASSERT_EQ(p.timeline.size(), 5u);
  EXPECT_EQ(p.timeline[0].text, "Tiếp nhận hồ sơ");  // "nhận" holds "an" but not as a word
  EXPECT_EQ(p.timeline[1].text, "");                 // the name, in another case
  EXPECT_EQ(p.timeline[2].text, "");                 // the ID number, spaced out
  EXPECT_EQ(p.timeline[3].text, "");                 // an officer's user name
  EXPECT_EQ(p.timeline[4].text, "");                 // a caller's withheld string
  EXPECT_EQ(p.timeline[3].key, "in_progress");       // the key stays
  // An organisation's name is public: a step naming it is shown.
  d.applicant.kind = dossier::ApplicantKind::kOrganization;
  d.applicant.name = "Công ty TNHH Minh An";
  d.steps[1].content = "Gọi điện cho Công ty TNHH Minh An";
  EXPECT_EQ(MakePublicStatus(d, {}, At("2026-11-25 09:00")).timeline[1].text, "Gọi điện cho Công ty TNHH Minh An");
}

TEST_F(PublicStatusTest, TheJsonHasItsKeysInOrderAndInstantsInVietnamTime) {
  Receive(SampleIntake("9.999002"));  // no due date
  auto p = Look("2026-11-23 10:00");
  const json j = json::parse(PublicStatusJson(p));
  // nlohmann::json (not ordered) sorts keys on parsing; the text itself keeps the documented order.
  const std::string text = PublicStatusJson(p);
  EXPECT_EQ(text.rfind("{\"dossier_code\":", 0), 0u) << text;
  EXPECT_LT(text.find("\"procedure_code\""), text.find("\"applicant_name\""));
  EXPECT_LT(text.find("\"timeline\""), text.find("\"as_of\""));
  EXPECT_EQ(j["received_at"], "2026-11-23T09:00:00+07:00");
  EXPECT_TRUE(j["due_at"].is_null());
  EXPECT_TRUE(j["finished_at"].is_null());
  EXPECT_EQ(j["state"], "received");
  EXPECT_EQ(j["status"], "received");
  EXPECT_EQ(j["next_action"], "wait");
  EXPECT_EQ(j["delivery"], "counter");
  EXPECT_EQ(j["applicant_name"], "Nguyễn T** T**");
  EXPECT_EQ(j["timeline"][0]["at"], "2026-11-23T09:00:00+07:00");
  EXPECT_EQ(j["timeline"][0]["key"], "received");
  EXPECT_EQ(j["as_of"], "2026-11-23T10:00:00+07:00");
  EXPECT_EQ(j.size(), 23u);
}

TEST(FormatInstantVn, WritesVietnamTimeWithItsOffset) {
  EXPECT_EQ(FormatInstantVn(At("2026-11-23 09:00")), "2026-11-23T09:00:00+07:00");
  // 17:30:15 UTC on 31 December is 00:30:15 on 1 January in Vietnam.
  const Instant utc = FromUnixSeconds(1798738215);  // 2026-12-31T17:30:15Z
  EXPECT_EQ(FormatInstantUtc(utc), "2026-12-31T17:30:15Z");
  EXPECT_EQ(FormatInstantVn(utc), "2027-01-01T00:30:15+07:00");
}

TEST(PublicStateKey, NamesEveryStateInPlainWords) {
  EXPECT_STREQ(PublicStateKey(State::kTransferred), "in_progress");
  EXPECT_STREQ(PublicStateKey(State::kDone), "result_ready");
  EXPECT_STREQ(PublicStateKey(State::kAwaitingPayment), "awaiting_payment");
  EXPECT_STREQ(NextActionKey(NextAction::kAwaitPostalDelivery), "await_postal_delivery");
}

}  // namespace
}  // namespace motcua::citizen
