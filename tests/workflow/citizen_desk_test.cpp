// The kiosk's station role and the citizen-facing operations on the desk: the desk refuses a kiosk every
// officer's operation (the role's permission table is tests/roles/roles_test.cpp); RegisterPostalReturn
// changes the result delivery (HinhThuc) in one transaction with one journal event, and is refused once
// the result is returned or the dossier closed. Worked examples use the real 2026 calendar and the fixtures.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/fixtures.h"
#include "workflow/desk.h"

namespace motcua::workflow {
namespace {

using dossier::Action;
using dossier::Delivery;
using dossier::State;
using motcua::testing::At;
using motcua::testing::SampleIntake;
using motcua::testing::TempDir;
using nlohmann::json;

const Actor kKiosk{"kiosk.sanh.a", Role::kKiosk, "kiosk-1"};

class CitizenDeskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = motcua::testing::MakeTestDesk(dir_.path());
    ASSERT_TRUE(t_);
    auto in = SampleIntake();
    in.received_at = At("2026-11-23 09:00");
    auto r = Receive(t_->desk, t_->officer, in, At("2026-11-23 09:00"));
    ASSERT_TRUE(r) << r.error().Describe();
    code_ = r->dossier.code;
  }
  std::size_t JournalSize() { return t_->store->ReadJournal({})->size() - t_->setup_events; }
  json LastPayload() { return json::parse(t_->store->ReadJournal({.dossier_code = code_})->back().payload_json); }
  void Advance(std::initializer_list<Action> actions, const char* when) {
    for (Action a : actions) {
      ActionDetails details;
      details.reason = "lý do";
      details.receiver_name = "Nguyễn Thị Thử";
      auto r = Apply(t_->desk, t_->officer, code_, a, details, At(when));
      ASSERT_TRUE(r) << dossier::ActionKey(a) << ": " << r.error().Describe();
    }
  }

  TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
  std::string code_;
  const PostalReturnRequest request_{"Trần Văn Bình", "0987 654 321", "Số 12 đường Tân Trào, phường Minh Xuân"};
};

TEST_F(CitizenDeskTest, KioskIsRefusedEveryOfficerAction) {
  const std::size_t before = JournalSize();
  auto intake = Receive(t_->desk, kKiosk, SampleIntake(), At("2026-11-23 10:00"));
  ASSERT_FALSE(intake);
  EXPECT_EQ(intake.error().rule, "not_allowed");
  for (Action a : {Action::kTransfer, Action::kStartProcessing, Action::kRequestSupplement, Action::kMarkDone,
                   Action::kRefuse, Action::kReturnResult, Action::kStop}) {
    ActionDetails details;
    details.reason = "thử";
    details.receiver_name = "Người nhận";
    auto r = Apply(t_->desk, kKiosk, code_, a, details, At("2026-11-23 10:00"));
    ASSERT_FALSE(r) << dossier::ActionKey(a);
    EXPECT_EQ(r.error().field, "role") << dossier::ActionKey(a);
    EXPECT_EQ(r.error().rule, "not_allowed") << dossier::ActionKey(a);
  }
  auto note = AppendNote(t_->desk, kKiosk, code_, Permission::kProcess, "dossier.note", "ghi chú", "{}",
                         At("2026-11-23 10:00"));
  ASSERT_FALSE(note);
  EXPECT_EQ(note.error().rule, "not_allowed");
  auto apology = IssueApology(t_->desk, kKiosk, code_, At("2026-12-10 09:00"), "trễ", At("2026-11-23 10:00"));
  ASSERT_FALSE(apology);
  EXPECT_EQ(apology.error().rule, "not_allowed");
  auto result = RecordResult(t_->desk, kKiosk, code_, {"Kết quả", "", false, std::nullopt, false, "", {}},
                             At("2026-11-23 10:00"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().rule, "not_allowed");
  auto print = RecordReceiptPrint(t_->desk, kKiosk, *t_->store->GetDossier(code_).value(), "printer",
                                  At("2026-11-23 10:00"));
  ASSERT_FALSE(print);
  EXPECT_EQ(print.error().rule, "not_allowed");
  EXPECT_EQ(JournalSize(), before);  // nothing written
}

TEST_F(CitizenDeskTest, KioskRegistersPostalReturnInOneEvent) {
  const std::size_t before = JournalSize();
  auto r = RegisterPostalReturn(t_->desk, kKiosk, code_, request_, At("2026-11-24 10:00"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->delivery, Delivery::kPostal);
  EXPECT_EQ(r->delivery_address, "Số 12 đường Tân Trào, phường Minh Xuân");
  EXPECT_EQ(r->state, State::kReceived);  // the state does not change
  ASSERT_EQ(r->steps.size(), 2u);
  EXPECT_EQ(r->steps.back().content, "Đăng ký nhận kết quả qua dịch vụ bưu chính công ích");
  EXPECT_EQ(r->steps.back().actor, "kiosk.sanh.a");
  EXPECT_EQ(JournalSize(), before + 1);
  auto events = t_->store->ReadJournal({.dossier_code = code_});
  EXPECT_EQ(events->back().type, "dossier.delivery_changed");
  EXPECT_EQ(events->back().actor, "kiosk.sanh.a");
  EXPECT_EQ(events->back().station, "kiosk-1");
  const json payload = LastPayload();
  EXPECT_EQ(payload["from"], "counter");
  EXPECT_EQ(payload["to"], "postal");
  EXPECT_EQ(payload["name"], "Trần Văn Bình");
  EXPECT_EQ(payload["registrations"], 1);
  EXPECT_FALSE(payload.contains("previous"));
  // Stored: the dossier and the addressee's record.
  auto stored = t_->store->GetDossier(code_);
  EXPECT_EQ((*stored)->delivery, Delivery::kPostal);
  auto record = GetPostalReturn(*t_->store, code_);
  ASSERT_TRUE(record) << record.error().Describe();
  ASSERT_TRUE(record->has_value());
  EXPECT_EQ((*record)->name, "Trần Văn Bình");
  EXPECT_EQ((*record)->phone, "0987 654 321");
  EXPECT_EQ((*record)->registered_by, "kiosk.sanh.a");
  EXPECT_EQ((*record)->registered_at, At("2026-11-24 10:00"));
  // The journal still verifies with the record sealed by the event.
  auto check = t_->store->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok);
}

TEST_F(CitizenDeskTest, ASecondRegistrationReplacesTheFirst) {
  ASSERT_TRUE(RegisterPostalReturn(t_->desk, kKiosk, code_, request_, At("2026-11-24 10:00")));
  PostalReturnRequest moved{"Trần Văn Bình", "+84 987 654 322", "Thôn 3, xã Thái Bình"};
  auto r = RegisterPostalReturn(t_->desk, t_->officer, code_, moved, At("2026-11-25 08:00"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->delivery_address, "Thôn 3, xã Thái Bình");
  const json payload = LastPayload();
  EXPECT_EQ(payload["from"], "postal");
  EXPECT_EQ(payload["registrations"], 2);
  EXPECT_EQ(payload["previous"]["address"], "Số 12 đường Tân Trào, phường Minh Xuân");
  auto record = GetPostalReturn(*t_->store, code_);
  EXPECT_EQ((*record)->phone, "+84 987 654 322");
  EXPECT_EQ((*record)->registrations, 2);
  EXPECT_EQ((*record)->registered_by, t_->officer.user);
}

TEST_F(CitizenDeskTest, AllowedWhileTheResultWaitsAtTheCounter) {
  Advance({Action::kMarkDone}, "2026-11-30 10:00");
  auto r = RegisterPostalReturn(t_->desk, kKiosk, code_, request_, At("2026-11-30 15:00"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->state, State::kDone);
  EXPECT_EQ(r->delivery, Delivery::kPostal);
}

TEST_F(CitizenDeskTest, RefusedOnceTheResultIsReturned) {
  Advance({Action::kMarkDone, Action::kReturnResult}, "2026-11-30 10:00");
  const std::size_t before = JournalSize();
  auto r = RegisterPostalReturn(t_->desk, kKiosk, code_, request_, At("2026-11-30 15:00"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(r.error().field, "state");
  EXPECT_EQ(r.error().rule, "already_returned");
  EXPECT_EQ(JournalSize(), before);
  EXPECT_EQ((*t_->store->GetDossier(code_))->delivery, Delivery::kCounter);
  EXPECT_FALSE(GetPostalReturn(*t_->store, code_)->has_value());
}

TEST_F(CitizenDeskTest, RefusedForClosedDossiers) {
  struct Case {
    std::vector<Action> actions;
    State state;
  };
  const Case cases[] = {{{Action::kRefuse}, State::kRefused},
                        {{Action::kRequestWithdrawal, Action::kConfirmWithdrawal}, State::kWithdrawn},
                        {{Action::kStop}, State::kStopped}};
  for (const Case& c : cases) {
    auto in = SampleIntake();
    in.received_at = At("2026-11-23 09:30");
    auto received = Receive(t_->desk, t_->officer, in, At("2026-11-23 09:30"));
    ASSERT_TRUE(received) << received.error().Describe();
    code_ = received->dossier.code;
    for (Action a : c.actions) Advance({a}, "2026-11-24 09:00");
    auto r = RegisterPostalReturn(t_->desk, kKiosk, code_, request_, At("2026-11-24 10:00"));
    ASSERT_FALSE(r) << dossier::StateKey(c.state);
    EXPECT_EQ(r.error().code, ErrorCode::kConflict);
    EXPECT_EQ(r.error().field, "state");
    EXPECT_EQ(r.error().rule, "dossier_closed") << dossier::StateKey(c.state);
  }
}

TEST_F(CitizenDeskTest, ValidatesTheRequestLikeAnApplicant) {
  struct Case {
    PostalReturnRequest request;
    const char* field;
    const char* rule;
  };
  const std::string long_name(101, 'a');  // kMaxNameChars = 100
  const std::string long_address(301, 'a');  // kMaxAddressChars = 300
  const Case cases[] = {
      {{"", "0987654321", "Thôn 3"}, "name", "missing"},
      {{"   ", "0987654321", "Thôn 3"}, "name", "missing"},
      {{long_name, "0987654321", "Thôn 3"}, "name", "too_long"},
      {{"Trần\x1b[31m Bình", "0987654321", "Thôn 3"}, "name", "control_character"},
      {{"Trần Bình", "", "Thôn 3"}, "phone", "missing"},
      {{"Trần Bình", "09876543", "Thôn 3"}, "phone", "bad_phone"},      // 8 digits
      {{"Trần Bình", "098765432101", "Thôn 3"}, "phone", "bad_phone"},  // 12 digits
      {{"Trần Bình", "0987-abc-321", "Thôn 3"}, "phone", "bad_phone"},
      {{"Trần Bình", "0987654321", ""}, "address", "missing"},
      {{"Trần Bình", "0987654321", long_address}, "address", "too_long"},
      {{"Trần Bình", "0987654321", "Thôn 3\nxã Thái Bình"}, "address", "control_character"},
  };
  const std::size_t before = JournalSize();
  for (const Case& c : cases) {
    auto r = RegisterPostalReturn(t_->desk, kKiosk, code_, c.request, At("2026-11-24 10:00"));
    ASSERT_FALSE(r) << c.field << "/" << c.rule;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().field, c.field) << c.rule;
    EXPECT_EQ(r.error().rule, c.rule) << c.field;
    EXPECT_EQ(r.error().detail.find("098765"), std::string::npos) << "the phone never reaches an error detail";
  }
  EXPECT_EQ(JournalSize(), before);
  // Both ends of the phone rule: 9 and 11 digits; +84 counts as 0.
  for (const char* phone : {"098765432", "09876543210", "+84987654321"})
    EXPECT_TRUE(ValidatePostalReturn({"Trần Bình", phone, "Thôn 3"})) << phone;
}

TEST_F(CitizenDeskTest, RequiresThePermissionAndAnExistingDossier) {
  auto postal = RegisterPostalReturn(t_->desk, {"buu.dien", Role::kPostal, "s"}, code_, request_,
                                     At("2026-11-24 10:00"));
  ASSERT_FALSE(postal);
  EXPECT_EQ(postal.error().rule, "not_allowed");
  auto missing = RegisterPostalReturn(t_->desk, kKiosk, "000.00.00.H56-261123-0999", request_, At("2026-11-24 10:00"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().rule, "no_such_dossier");
}

}  // namespace
}  // namespace motcua::workflow
