// The desk's operations: intake, codes, due dates, supplements, apology, return, roles, atomicity.
// Worked examples use the real 2026 calendar (assets/calendar) and the fixtures' procedures.
#include "workflow/desk.h"

#include <gtest/gtest.h>
#include <set>
#include <thread>

#include "codes/receipt_token.h"
#include "support/fixtures.h"

namespace motcua::workflow {
namespace {

using dossier::Action;
using dossier::State;
using motcua::testing::At;
using motcua::testing::SampleIntake;
using motcua::testing::TempDir;

std::string Local(const std::optional<Instant>& t) { return t ? FormatLocalMinute(ToLocalVn(*t)) : "none"; }

class DeskTest : public ::testing::Test {
 protected:
  void SetUp() override { t_ = motcua::testing::MakeTestDesk(dir_.path()); }
  Result<IntakeResult> ReceiveAt(const char* when, IntakeRequest r = SampleIntake()) {
    r.received_at = At(when);
    return Receive(t_->desk, t_->officer, r, At(when));
  }
  // Events since the set-up.
  std::size_t JournalSize() { return t_->store->ReadJournal({})->size() - t_->setup_events; }

  TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
};

TEST_F(DeskTest, ReceivesWithCodeAndDueDate) {
  // Monday 2026-11-23 09:00 + 7 working days (1.004222, "07 ngày làm việc") = Wednesday 2026-12-02 09:00.
  auto r = ReceiveAt("2026-11-23 09:00");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->dossier.code, "000.00.00.H56-261123-0001");
  EXPECT_EQ(Local(r->dossier.due_at), "2026-12-02 09:00");
  EXPECT_EQ(r->dossier.original_due_at, r->dossier.due_at);
  EXPECT_EQ(r->dossier.state, State::kReceived);
  ASSERT_EQ(r->dossier.components.size(), 2u);  // the two required papers by default
  EXPECT_EQ(r->dossier.steps.size(), 1u);
  // The receipt token verifies with the center key and names the dossier.
  auto token = codes::VerifyReceiptToken(r->receipt_token, t_->desk.center_key);
  ASSERT_TRUE(token) << token.error().Describe();
  EXPECT_EQ(token->dossier_code, r->dossier.code);
  EXPECT_EQ(JournalSize(), 1u);
  auto second = ReceiveAt("2026-11-23 09:05");
  EXPECT_EQ(second->dossier.code, "000.00.00.H56-261123-0002");
  auto next_day = ReceiveAt("2026-11-24 08:00");
  EXPECT_EQ(next_day->dossier.code, "000.00.00.H56-261124-0001");
}

TEST_F(DeskTest, WorkingHourDurationsCountWorkingTime) {
  // 16:00 + 8 working hours: 1 h to 17:00, 4 h on Tuesday morning, 3 h after 13:30 → 16:30.
  auto r = ReceiveAt("2026-11-23 16:00", SampleIntake("9.999001"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(Local(r->dossier.due_at), "2026-11-24 16:30");
  ASSERT_EQ(r->dossier.fees.size(), 1u);
  EXPECT_EQ(r->dossier.fees[0].amount_vnd, 10000);
}

TEST_F(DeskTest, ReceiptOnAFridayEveningStartsMonday) {
  // Friday 2026-11-27 17:30 is after hours: the clock starts Monday 07:30; + 7 wd = Wednesday 2026-12-09 07:30.
  auto r = ReceiveAt("2026-11-27 17:30");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(Local(r->dossier.due_at), "2026-12-09 07:30");
  EXPECT_EQ(Local(r->dossier.received_at), "2026-11-27 17:30");  // the legal receipt time is kept
}

TEST_F(DeskTest, ProcedureWithoutDueDateHasNone) {
  auto r = ReceiveAt("2026-11-23 09:00", SampleIntake("9.999002"));
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_FALSE(r->dossier.due_at);
  EXPECT_FALSE(r->dossier.duration);
}

TEST_F(DeskTest, ADueDateBeyondTheCalendarIsRefusedOrFlaggedProvisional) {
  // 2026-12-24 + 7 wd reaches January 2027, whose official schedule is not in assets/calendar.
  auto refused = ReceiveAt("2026-12-24 09:00");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule, "calendar_not_covering");
  EXPECT_EQ(*t_->store->CountDossiers(), 0);
  auto cal = calendar::LoadCalendar(std::filesystem::path(MOTCUA_ASSETS_DIR) / "calendar",
                                    {.weekdays_beyond_coverage = true});
  ASSERT_TRUE(cal);
  t_->desk.calendar = &*cal;
  auto flagged = ReceiveAt("2026-12-24 09:00");
  ASSERT_TRUE(flagged) << flagged.error().Describe();
  // Fri 25, Mon 28, Tue 29, Wed 30, Thu 31 (2026), then Fri 1 and Mon 4 January 2027 by weekdays only.
  EXPECT_EQ(Local(flagged->dossier.due_at), "2027-01-04 09:00");
  EXPECT_EQ(flagged->warnings, std::vector<std::string>{"due_at_provisional"});
}

TEST_F(DeskTest, StationSlotsNeverShareNumbers) {
  t_->desk.settings.station_slot = 3;
  auto r = ReceiveAt("2026-11-23 09:00");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->dossier.code, "000.00.00.H56-261123-3000");
}

TEST_F(DeskTest, BadApplicantChangesNothing) {
  IntakeRequest r = SampleIntake();
  r.applicant.id_number = "00109012345";  // 11 digits
  auto result = ReceiveAt("2026-11-23 09:00", r);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "applicant.id_number");
  EXPECT_EQ(result.error().rule, "bad_cccd");
  EXPECT_EQ(*t_->store->CountDossiers(), 0);
  EXPECT_EQ(JournalSize(), 0u);
  // The failed attempt consumed no number either.
  EXPECT_EQ(ReceiveAt("2026-11-23 09:00")->dossier.code, "000.00.00.H56-261123-0001");
}

TEST(ValidateApplicant, NamesTheFieldAndRule) {
  dossier::Applicant a{dossier::ApplicantKind::kIndividual, dossier::IdType::kCccd, "001090123456", "Lê Văn Thử"};
  EXPECT_TRUE(ValidateApplicant(a));
  a.phone = "091234";
  EXPECT_EQ(ValidateApplicant(a).error().field, "applicant.phone");
  a.phone = "+84 912 345 678";
  EXPECT_TRUE(ValidateApplicant(a));
  a.email = "a@b@c";
  EXPECT_EQ(ValidateApplicant(a).error().rule, "bad_email");
  a.email = "";
  a.name = "  ";
  EXPECT_EQ(ValidateApplicant(a).error().field, "applicant.name");
  a.name = "Công ty TNHH Thử";
  a.id_type = dossier::IdType::kTaxCode;
  a.id_number = "5000123456-001";
  EXPECT_TRUE(ValidateApplicant(a));
  a.id_number = "50001234";
  EXPECT_EQ(ValidateApplicant(a).error().rule, "bad_tax_code");
  a.id_type = dossier::IdType::kCmnd;
  a.id_number = "070123456";
  EXPECT_TRUE(ValidateApplicant(a));
}

TEST_F(DeskTest, RefusesMissingOrUnknownComponentsAndUnknownProcedures) {
  IntakeRequest r = SampleIntake();
  r.components = std::vector<IntakeComponent>{{"TP1"}};
  auto missing = ReceiveAt("2026-11-23 09:00", r);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().rule, "missing_required_component");
  EXPECT_NE(missing.error().detail.find("TP2"), std::string::npos);
  r.components = std::vector<IntakeComponent>{{"TP1"}, {"TP2"}, {"TP9"}};
  EXPECT_EQ(ReceiveAt("2026-11-23 09:00", r).error().rule, "unknown_component");
  auto unknown = ReceiveAt("2026-11-23 09:00", SampleIntake("1.999999"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().field, "procedure_code");
  EXPECT_EQ(*t_->store->CountDossiers(), 0);
}

TEST_F(DeskTest, PostalDeliveryNeedsAnAddressAndFutureReceiptsAreRefused) {
  IntakeRequest r = SampleIntake();
  r.delivery = dossier::Delivery::kPostal;
  EXPECT_EQ(ReceiveAt("2026-11-23 09:00", r).error().field, "delivery_address");
  r = SampleIntake();
  r.received_at = At("2026-11-24 09:00");
  auto future = Receive(t_->desk, t_->officer, r, At("2026-11-23 09:00"));
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().rule, "in_the_future");
}

TEST_F(DeskTest, PostalStaffMayNotChangeDossiers) {
  Actor postal{"buu.dien", Role::kPostal, "station-2"};
  auto r = Receive(t_->desk, postal, SampleIntake(), At("2026-11-23 09:00"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "role");
  EXPECT_EQ(r.error().rule, "not_allowed");
  auto ok = ReceiveAt("2026-11-23 09:00");
  auto moved = Apply(t_->desk, postal, ok->dossier.code, Action::kTransfer, {}, At("2026-11-23 10:00"));
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().rule, "not_allowed");
}

TEST_F(DeskTest, SupplementRestartsTheClockAndKeepsTheOriginalDueDate) {
  // LEGAL: NĐ 61/2018 Art. 19.4: the deadline restarts once the complete supplement is received.
  auto r = ReceiveAt("2026-11-23 09:00");
  const std::string code = r->dossier.code;
  auto asked = Apply(t_->desk, t_->officer, code, Action::kRequestSupplement,
                     {.reason = "Thiếu giấy tờ chứng minh chỗ ở", .items = {"Hợp đồng thuê nhà"}}, At("2026-11-25 10:00"));
  ASSERT_TRUE(asked) << asked.error().Describe();
  EXPECT_EQ(asked->state, State::kAwaitingSupplement);
  EXPECT_TRUE(asked->IsClockPaused());
  auto back = Apply(t_->desk, t_->officer, code, Action::kReceiveSupplement, {}, At("2026-11-30 14:00"));
  ASSERT_TRUE(back) << back.error().Describe();
  // Monday 30/11 14:00 + 7 wd = Wednesday 2026-12-09 14:00.
  EXPECT_EQ(Local(back->due_at), "2026-12-09 14:00");
  EXPECT_EQ(Local(back->original_due_at), "2026-12-02 09:00");
  EXPECT_EQ(back->SupplementCount(), 1);
  EXPECT_EQ(Local(back->supplements[0].due_before), "2026-12-02 09:00");
  EXPECT_EQ(Local(back->supplements[0].due_after), "2026-12-09 14:00");
  EXPECT_EQ(back->state, State::kInProgress);
  EXPECT_EQ(JournalSize(), 3u);
}

TEST_F(DeskTest, SupplementCanShiftTheClockInstead) {
  t_->desk.settings.supplement_policy = SupplementPolicy::kShift;
  auto r = ReceiveAt("2026-11-23 09:00");
  const std::string code = r->dossier.code;
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kRequestSupplement, {.reason = "Thiếu tờ khai"},
                    At("2026-11-25 10:00")));
  // Waited Thu 26, Fri 27, Mon 30 = 3 working days: 2026-12-02 09:00 + 3 wd = Monday 2026-12-07 09:00.
  auto back = Apply(t_->desk, t_->officer, code, Action::kReceiveSupplement, {}, At("2026-11-30 14:00"));
  ASSERT_TRUE(back);
  EXPECT_EQ(Local(back->due_at), "2026-12-07 09:00");
}

TEST_F(DeskTest, SupplementRequiresAReason) {
  auto r = ReceiveAt("2026-11-23 09:00");
  auto s = Apply(t_->desk, t_->officer, r->dossier.code, Action::kRequestSupplement, {}, At("2026-11-24 09:00"));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "reason");
  EXPECT_EQ(JournalSize(), 1u);
}

TEST_F(DeskTest, ApologyOnceKeepsTheOriginalDueDate) {
  // LEGAL: NĐ 61/2018 Art. 19.9: the return date may be re-set only once.
  auto r = ReceiveAt("2026-11-23 09:00");
  const std::string code = r->dossier.code;
  auto first = IssueApology(t_->desk, t_->officer, code, At("2026-12-09 09:00"), "Chờ xác minh của cơ quan khác",
                            At("2026-11-30 10:00"));
  ASSERT_TRUE(first) << first.error().Describe();
  EXPECT_EQ(Local(first->due_at), "2026-12-09 09:00");
  EXPECT_EQ(Local(first->original_due_at), "2026-12-02 09:00");
  EXPECT_EQ(first->apology_count, 1);
  auto second = IssueApology(t_->desk, t_->officer, code, At("2026-12-16 09:00"), "Lần nữa", At("2026-12-07 10:00"));
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_EQ(second.error().rule, "apology_already_issued");
  EXPECT_EQ(Local((*t_->store->GetDossier(code))->due_at), "2026-12-09 09:00");
  EXPECT_EQ(JournalSize(), 2u);
}

// The citizen comes back on the new date: a Sunday, a holiday or an evening is refused, naming the next
// working instant (the default hours: 07:30-11:30, 13:30-17:00 in winter, calendar/hours.json).
TEST_F(DeskTest, ApologyDateMustBeWorkingTime) {
  auto r = ReceiveAt("2026-11-23 09:00");
  const std::string code = r->dossier.code;
  auto sunday = IssueApology(t_->desk, t_->officer, code, At("2026-12-06 09:00"), "Chờ xác minh", At("2026-11-30 10:00"));
  ASSERT_FALSE(sunday);
  EXPECT_EQ(sunday.error().field, "new_due_at");
  EXPECT_EQ(sunday.error().rule, "not_working_time");
  EXPECT_NE(sunday.error().detail.find("the next working instant is 2026-12-07 07:30"), std::string::npos)
      << sunday.error().detail;
  auto evening = IssueApology(t_->desk, t_->officer, code, At("2026-12-07 18:00"), "Chờ xác minh", At("2026-11-30 10:00"));
  ASSERT_FALSE(evening);
  EXPECT_NE(evening.error().detail.find("the next working instant is 2026-12-08 07:30"), std::string::npos)
      << evening.error().detail;
  auto lunch = WorkingDueAtOrAfter(t_->desk, At("2026-12-07 12:00"));
  ASSERT_TRUE(lunch);
  EXPECT_EQ(Local(*lunch), "2026-12-07 13:30");
  EXPECT_EQ(Local(*WorkingDueAtOrAfter(t_->desk, At("2026-12-07 17:00"))), "2026-12-07 17:00");  // closing minute
  auto monday = IssueApology(t_->desk, t_->officer, code, At("2026-12-07 07:30"), "Chờ xác minh", At("2026-11-30 10:00"));
  EXPECT_TRUE(monday) << monday.error().Describe();
}

TEST_F(DeskTest, ApologyMustMoveTheDateLater) {
  auto r = ReceiveAt("2026-11-23 09:00");
  auto s = IssueApology(t_->desk, t_->officer, r->dossier.code, At("2026-12-01 09:00"), "Sớm hơn", At("2026-11-30 10:00"));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "not_later");
}

TEST_F(DeskTest, ReturningAPaperResultWithoutADigitalCopyNeedsAReason) {
  auto r = ReceiveAt("2026-11-23 09:00", SampleIntake("9.999001"));
  const std::string code = r->dossier.code;
  auto early = Apply(t_->desk, t_->officer, code, Action::kReturnResult, {.receiver_name = "Nguyễn Thị Thử"},
                     At("2026-11-23 10:00"));
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().rule, "transition_not_allowed");  // no result returned before done
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kMarkDone, {}, At("2026-11-24 09:00")));
  auto no_reason = Apply(t_->desk, t_->officer, code, Action::kReturnResult, {.receiver_name = "Nguyễn Thị Thử"},
                         At("2026-11-24 10:00"));
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "no_digital_result_reason");
  auto returned = Apply(t_->desk, t_->officer, code, Action::kReturnResult,
                        {.receiver_name = "Nguyễn Thị Thử", .receiver_id = "001090123456", .originals_returned = true,
                         .no_digital_result_reason = "Máy quét hỏng"},
                        At("2026-11-24 10:00"));
  ASSERT_TRUE(returned) << returned.error().Describe();
  EXPECT_EQ(returned->state, State::kReturned);
  EXPECT_EQ(returned->result_return->no_digital_result_reason, "Máy quét hỏng");
  // Nothing can happen to a returned dossier, withdrawal included.
  EXPECT_EQ(Apply(t_->desk, t_->officer, code, Action::kRequestWithdrawal, {.reason = "x"}, At("2026-11-25 10:00"))
                .error().rule, "transition_not_allowed");
}

TEST_F(DeskTest, ADigitizedResultNeedsNoReason) {
  auto r = ReceiveAt("2026-11-23 09:00", SampleIntake("9.999001"));
  const std::string code = r->dossier.code;
  dossier::ResultDocument result{"Giấy chứng nhận thử nghiệm", "KQ.TEST.1", true,
                                 dossier::Attachment{std::string(64, 'b'), "application/pdf", 1, 100, "kq.pdf"}, true};
  ASSERT_TRUE(RecordResult(t_->desk, t_->officer, code, result, At("2026-11-24 08:00")));
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kMarkDone, {}, At("2026-11-24 09:00")));
  auto returned = Apply(t_->desk, t_->officer, code, Action::kReturnResult, {.receiver_name = "Nguyễn Thị Thử"},
                        At("2026-11-24 10:00"));
  ASSERT_TRUE(returned) << returned.error().Describe();
  ASSERT_EQ(returned->results.size(), 1u);  // the catalog's slot was filled, not duplicated
  EXPECT_TRUE(returned->results[0].e_signed);
}

// The receiver's ID by the rules the intake uses for the applicant (CheckIdNumber), worked examples.
TEST(CheckIdNumber, WorkedExamplesForWhoCollectsTheResult) {
  using dossier::IdType;
  struct Case {
    IdType type;
    const char* id;
    const char* rule;  // "" = accepted
  } cases[] = {
      {IdType::kCccd, "001090123456", ""},             // 12 digits: a CCCD
      {IdType::kCccd, "00109012345", "bad_cccd"},      // 11 digits: one short
      {IdType::kCccd, "0010901234567", "bad_cccd"},    // 13 digits: one too many
      {IdType::kCccd, "00109012345A", "bad_cccd"},     // a letter
      {IdType::kCccd, "C1234567", "bad_cccd"},         // a passport number typed as a CCCD
      {IdType::kCmnd, "012345678", ""},                // 9 digits: an old CMND
      {IdType::kCmnd, "001090123456", "bad_cmnd"},     // a CCCD number marked CMND
      {IdType::kPassport, "C1234567", ""},             // a Vietnamese passport: a letter and 7 digits
      {IdType::kPassport, "C123", "bad_passport"},     // too short
      {IdType::kPassport, "C1234-567", "bad_passport"},
      {IdType::kOther, "", "missing"},
  };
  for (const Case& c : cases) {
    Status s = CheckIdNumber(c.type, c.id, "receiver_id");
    if (std::string_view(c.rule).empty()) {
      EXPECT_TRUE(s) << c.id << ": " << s.error().Describe();
    } else {
      ASSERT_FALSE(s) << c.id;
      EXPECT_EQ(s.error().field, "receiver_id") << c.id;
      EXPECT_EQ(s.error().rule, c.rule) << c.id;
    }
  }
}

TEST_F(DeskTest, TheReceiversIdIsCheckedByItsTypeAndAFailureChangesNothing) {
  auto r = ReceiveAt("2026-11-23 09:00");
  const std::string code = r->dossier.code;
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kMarkDone, {}, At("2026-11-24 09:00")));
  auto attempt = [&](std::string id, dossier::IdType type) {
    return Apply(t_->desk, t_->officer, code, Action::kReturnResult,
                 {.receiver_name = "Trần Văn Nhận", .receiver_id = std::move(id), .receiver_id_type = type},
                 At("2026-11-24 10:00"));
  };
  auto eleven = attempt("00109012345", dossier::IdType::kCccd);
  ASSERT_FALSE(eleven);
  EXPECT_EQ(eleven.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(eleven.error().field, "receiver_id");
  EXPECT_EQ(eleven.error().rule, "bad_cccd");
  auto passport_as_cccd = attempt("C1234567", dossier::IdType::kCccd);
  ASSERT_FALSE(passport_as_cccd);
  EXPECT_EQ(passport_as_cccd.error().rule, "bad_cccd");
  auto tax = attempt("0101234567", dossier::IdType::kTaxCode);
  ASSERT_FALSE(tax);
  EXPECT_EQ(tax.error().field, "receiver_id_type");
  auto still = t_->store->GetDossier(code);
  ASSERT_TRUE(still && *still);
  EXPECT_EQ((*still)->state, State::kDone);  // refused: nothing changed
  EXPECT_FALSE((*still)->result_return);

  auto passport = attempt(" C1234567 ", dossier::IdType::kPassport);
  ASSERT_TRUE(passport) << passport.error().Describe();
  auto stored = t_->store->GetDossier(code);
  ASSERT_TRUE(stored && *stored && (*stored)->result_return);
  EXPECT_EQ((*stored)->result_return->receiver_id, "C1234567");
  EXPECT_EQ((*stored)->result_return->receiver_id_type, dossier::IdType::kPassport);  // kept by the store
}

TEST_F(DeskTest, ANineDigitCmndAndATwelveDigitCccdAreAccepted) {
  for (auto [id, type] : {std::pair<const char*, dossier::IdType>{"012345678", dossier::IdType::kCmnd},
                          {"001090123456", dossier::IdType::kCccd}}) {
    auto r = ReceiveAt("2026-11-23 09:00");
    ASSERT_TRUE(Apply(t_->desk, t_->officer, r->dossier.code, Action::kMarkDone, {}, At("2026-11-24 09:00")));
    auto returned = Apply(t_->desk, t_->officer, r->dossier.code, Action::kReturnResult,
                          {.receiver_name = "Trần Văn Nhận", .receiver_id = id, .receiver_id_type = type},
                          At("2026-11-24 10:00"));
    ASSERT_TRUE(returned) << id << ": " << returned.error().Describe();
    EXPECT_EQ(returned->result_return->receiver_id_type, type);
  }
}

TEST_F(DeskTest, DigitizesComponentsAfterIntake) {
  auto r = ReceiveAt("2026-11-23 09:00");
  const std::string code = r->dossier.code;
  dossier::Attachment scan{std::string(64, 'c'), "application/pdf", 3, 2048, "tp1.pdf"};
  auto d = AttachComponentFile(t_->desk, t_->officer, code, 0, scan, At("2026-11-23 09:10"));
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_TRUE(d->components[0].IsDigitized());
  EXPECT_EQ(d->components[0].files[0].added_by, "can.bo.a");
  auto reused = MarkComponentReused(t_->desk, t_->officer, code, 1, "KQ.G07.000122", false, At("2026-11-23 09:11"));
  ASSERT_TRUE(reused);
  EXPECT_TRUE(reused->components[1].IsDigitized());
  EXPECT_EQ(AttachComponentFile(t_->desk, t_->officer, code, 7, scan, At("2026-11-23 09:12")).error().rule,
            "no_such_component");
}

TEST_F(DeskTest, WithdrawalAndStopEndTheDossier) {
  auto a = ReceiveAt("2026-11-23 09:00");
  ASSERT_TRUE(Apply(t_->desk, t_->officer, a->dossier.code, Action::kRequestWithdrawal, {.reason = "Công dân đề nghị"},
                    At("2026-11-24 09:00")));
  auto w = Apply(t_->desk, t_->officer, a->dossier.code, Action::kConfirmWithdrawal, {}, At("2026-11-24 09:30"));
  ASSERT_TRUE(w);
  EXPECT_EQ(w->state, State::kWithdrawn);
  EXPECT_TRUE(w->finished_at);
  auto b = ReceiveAt("2026-11-23 09:00");
  auto s = Apply(t_->desk, t_->officer, b->dossier.code, Action::kStop, {.reason = "Thông báo dừng"}, At("2026-11-24 09:00"));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->state, State::kStopped);
}

TEST_F(DeskTest, EveryOperationWritesExactlyOneJournalEvent) {
  auto r = ReceiveAt("2026-11-23 09:00");
  const std::string code = r->dossier.code;
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kTransfer, {.unit = "Công an xã"}, At("2026-11-23 10:00")));
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kStartProcessing, {}, At("2026-11-23 11:00")));
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kMarkDone, {}, At("2026-11-24 11:00")));
  auto events = t_->store->ReadJournal({.dossier_code = code});
  ASSERT_EQ(events->size(), 4u);
  EXPECT_EQ(events->at(0).type, "dossier.received");
  EXPECT_EQ(events->at(1).type, "dossier.transfer");
  EXPECT_EQ(events->at(3).type, "dossier.mark_done");
  EXPECT_EQ((*t_->store->GetDossier(code))->steps.size(), 4u);
  EXPECT_EQ((*t_->store->GetDossier(code))->processing_unit, "Công an xã");
  EXPECT_TRUE(t_->store->VerifyJournal()->ok);
}

TEST_F(DeskTest, TwoConnectionsReceivingAtOnceNeverShareACode) {
  // Two stations share one database: the SQLite file (architecture.md "One machine") or a center's.
  auto second = t_->open_another();
  ASSERT_TRUE(second);
  Desk other = t_->desk;
  other.store = second->get();
  std::vector<std::string> codes_a, codes_b;
  auto run = [&](const Desk& desk, std::vector<std::string>& out) {
    for (int i = 0; i < 40; ++i) {
      auto r = Receive(desk, t_->officer, SampleIntake(), At("2026-11-23 09:00"));
      if (r) out.push_back(r->dossier.code);
    }
  };
  std::thread ta(run, std::cref(t_->desk), std::ref(codes_a));
  std::thread tb(run, std::cref(other), std::ref(codes_b));
  ta.join();
  tb.join();
  std::set<std::string> all(codes_a.begin(), codes_a.end());
  all.insert(codes_b.begin(), codes_b.end());
  EXPECT_EQ(codes_a.size() + codes_b.size(), 80u);
  EXPECT_EQ(all.size(), 80u);
  EXPECT_TRUE(t_->store->VerifyJournal()->ok);
}

TEST_F(DeskTest, AHookRunsInTheSameTransactionAndItsFailureUndoesEverything) {
  IntakeRequest r = SampleIntake();
  auto failed = Receive(t_->desk, t_->officer, r, At("2026-11-23 09:00"),
                        [](store::WriteTx&, const dossier::Dossier&) -> Status {
                          return Invalid("manifest", "forced", "the module's own write failed");
                        });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().field, "manifest");
  EXPECT_EQ(*t_->store->CountDossiers(), 0);
  EXPECT_EQ(JournalSize(), 0u);
  auto ok = Receive(t_->desk, t_->officer, r, At("2026-11-23 09:00"),
                    [](store::WriteTx& tx, const dossier::Dossier& d) -> Status {
                      return tx.PutRecord({"manifest", "M1", "signed", Instant{}, R"({"dossier":")" + d.code + R"("})", 0});
                    });
  ASSERT_TRUE(ok);
  EXPECT_TRUE(*t_->store->GetRecord("manifest", "M1"));
}

TEST_F(DeskTest, NotesAddAStepAndAnEventWithoutChangingState) {
  auto r = ReceiveAt("2026-11-23 09:00", SampleIntake("9.999001"));
  const std::string code = r->dossier.code;
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kMarkDone, {}, At("2026-11-24 09:00")));
  ASSERT_TRUE(Apply(t_->desk, t_->officer, code, Action::kReturnResult,
                    {.receiver_name = "Bưu điện", .no_digital_result_reason = "Gửi bản giấy"}, At("2026-11-24 10:00")));
  Actor postal{"buu.dien", Role::kPostal, "station-2"};
  auto noted = AppendNote(t_->desk, postal, code, Permission::kPostalHandover, "dossier.result_delivered",
                          "Đã phát kết quả cho công dân", R"({"parcel":"EB123456789VN"})", At("2026-11-25 15:00"));
  ASSERT_TRUE(noted) << noted.error().Describe();
  EXPECT_EQ(noted->state, State::kReturned);
  EXPECT_EQ(noted->steps.back().content, "Đã phát kết quả cho công dân");
  auto events = t_->store->ReadJournal({.dossier_code = code});
  EXPECT_EQ(events->back().type, "dossier.result_delivered");
  EXPECT_NE(events->back().payload_json.find("EB123456789VN"), std::string::npos);
  EXPECT_EQ(AppendNote(t_->desk, postal, code, Permission::kProcess, "x", "y", "{}", At("2026-11-25 15:00"))
                .error().rule, "not_allowed");
}

TEST_F(DeskTest, ClassifiesUrgency) {
  const auto& cal = *t_->calendar;
  const Instant now = At("2026-11-24 10:00");  // Tuesday
  EXPECT_EQ(ClassifyUrgency(cal, State::kInProgress, At("2026-11-24 09:00"), now), Urgency::kOverdue);
  EXPECT_EQ(ClassifyUrgency(cal, State::kInProgress, At("2026-11-24 16:00"), now), Urgency::kDueToday);
  EXPECT_EQ(ClassifyUrgency(cal, State::kInProgress, At("2026-11-25 16:00"), now), Urgency::kDueWithinOneWorkingDay);
  EXPECT_EQ(ClassifyUrgency(cal, State::kInProgress, At("2026-11-26 08:00"), now), Urgency::kOnTrack);
  EXPECT_EQ(ClassifyUrgency(cal, State::kAwaitingSupplement, At("2026-11-24 09:00"), now), Urgency::kPaused);
  EXPECT_EQ(ClassifyUrgency(cal, State::kDone, At("2026-11-24 09:00"), now), Urgency::kFinished);
  EXPECT_EQ(ClassifyUrgency(cal, State::kInProgress, std::nullopt, now), Urgency::kNoDueDate);
  // Friday: the next working day is Monday, so a Monday due date is "within one working day".
  EXPECT_EQ(ClassifyUrgency(cal, State::kInProgress, At("2026-11-30 10:00"), At("2026-11-27 10:00")),
            Urgency::kDueWithinOneWorkingDay);
}

}  // namespace
}  // namespace motcua::workflow
