// The dossier screen: the actions the lifecycle allows for the role, each applied through the core
// with the forms the law attaches (Mẫu 02, 03, 04), the apology's single re-date, returning a result
// (a paper result with no digitized copy asks for a reason), digitizing results, Mẫu 05, the
// timeline from the journal, and the handover to postal staff.
#include "ui_model/dossier_view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/fixtures.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

std::vector<dossier::Action> Offered(const DossierView& v) {
  std::vector<dossier::Action> out;
  for (const DossierActionView& a : v.actions) out.push_back(a.action);
  return out;
}

const DossierActionView* Find(const DossierView& v, dossier::Action a) {
  for (const DossierActionView& x : v.actions)
    if (x.action == a) return &x;
  return nullptr;
}

class DossierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = testing::MakeStation();
    ASSERT_NE(f, nullptr);
    f->SignIn(testing::kOfficer);
    // 9.999001: 8 working hours, a 10,000 VND fee, and a paper result ("Giấy chứng nhận thử nghiệm").
    code = testing::ReceiveThroughIntake(*f, "9.999001");
    ASSERT_FALSE(code.empty());
    ASSERT_TRUE(f->Do(OpenDossier{code}).has_value());
  }
  DossierView View() { return MakeDossierView(f->model, *f->station, f->clock.Now()); }
  Status Run(dossier::Action a, workflow::ActionDetails d = {}) { return f->Do(RunLifecycleAction{a, d}); }
  dossier::State State() { return f->model.dossier.dossier->state; }
  std::unique_ptr<testing::StationFixture> f;
  std::string code;
};

TEST_F(DossierTest, OffersTheLegalActionsOfTheStateForTheRole) {
  DossierView v = View();
  EXPECT_EQ(v.title, "Hồ sơ " + code);
  EXPECT_EQ(v.state_text, "Đã tiếp nhận");
  std::vector<dossier::Action> expected = dossier::LegalActions(dossier::State::kReceived);
  EXPECT_EQ(Offered(v), expected);
  const DossierActionView* transfer = Find(v, dossier::Action::kTransfer);
  ASSERT_NE(transfer, nullptr);
  EXPECT_TRUE(transfer->needs_unit);
  EXPECT_EQ(transfer->default_unit, "Đơn vị thử nghiệm");
  EXPECT_TRUE(Find(v, dossier::Action::kRefuse)->needs_reason);
  EXPECT_TRUE(v.can_apologize);
  EXPECT_FALSE(v.can_hand_to_postal);
  // Postal staff cannot open dossiers at all; the core would refuse their actions anyway.
  const workflow::Actor postal{testing::kPostal, workflow::Role::kPostal, "station-1"};
  Result<dossier::Dossier> r = workflow::Apply(f->station->desk, postal, code, dossier::Action::kTransfer, {}, f->clock.Now());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "not_allowed");
}

TEST_F(DossierTest, TimelineComesFromTheJournal) {
  DossierView v = View();
  ASSERT_EQ(v.timeline.size(), 1u);
  EXPECT_EQ(v.timeline[0].what, "Tiếp nhận hồ sơ");
  EXPECT_EQ(v.timeline[0].who, "nguyen.van.an · station-1");
  EXPECT_EQ(v.timeline[0].when, "12/03/2026 08:30");
  ASSERT_TRUE(Run(dossier::Action::kTransfer).has_value());
  v = View();
  ASSERT_EQ(v.timeline.size(), 2u);
  EXPECT_EQ(v.timeline[1].what, "Chuyển hồ sơ đến Đơn vị thử nghiệm");
}

TEST_F(DossierTest, SupplementRequestPausesTheClockAndPrintsMau02) {
  ASSERT_TRUE(Run(dossier::Action::kTransfer).has_value());
  Status s = Run(dossier::Action::kRequestSupplement, {.reason = "  "});
  EXPECT_EQ(s.error().field, "reason");
  EXPECT_EQ(f->model.dossier.error_form, "request_supplement");
  EXPECT_EQ(View().error_text, "Cần ghi lý do.");
  ASSERT_TRUE(Run(dossier::Action::kRequestSupplement,
                  {.reason = "Bản sao chưa được chứng thực", .items = {"Bản sao chứng thực giấy khai sinh"}})
                  .has_value());
  EXPECT_EQ(State(), dossier::State::kAwaitingSupplement);
  f->Wait();
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->form_key, "form.supplement");
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kSavedOnly);
  EXPECT_EQ(View().state_text, "Chờ bổ sung");
  EXPECT_EQ(View().urgency_text, "") << "the same words once, not as a second chip (issue 16)";
  ASSERT_TRUE(Run(dossier::Action::kReceiveSupplement).has_value());
  EXPECT_EQ(State(), dossier::State::kInProgress);
}

// Dates are typed the way they are shown (DD/MM/YYYY HH:MM); the next working instant is offered that way.
TEST_F(DossierTest, AnApologyOnADayOffIsRefusedOfferingTheNextWorkingTime) {
  Status sunday = f->Do(RequestApology{"05/04/2026 09:00", "Cần xác minh thêm"});  // a Sunday
  ASSERT_FALSE(sunday.has_value());
  EXPECT_EQ(sunday.error().rule, "not_working_time");
  EXPECT_EQ(View().error_text,
            "Ngày hẹn mới rơi vào ngày nghỉ, ngày lễ hoặc ngoài giờ làm việc; thời điểm làm việc gần nhất: "
            "06/04/2026 07:30.");
  ASSERT_TRUE(f->Do(RequestApology{"06/04/2026 07:30", "Cần xác minh thêm"}).has_value());
  EXPECT_EQ(FormatDmyHm(ToLocalVn(*f->model.dossier.dossier->due_at)), "06/04/2026 07:30");
}

TEST_F(DossierTest, AnApologyDateMayAlsoBeTypedIsoAndTheSuggestionIsShownDayFirst) {
  EXPECT_EQ(View().default_new_due.substr(2, 1), "/") << View().default_new_due;
  ASSERT_TRUE(f->Do(RequestApology{"2026-04-06 07:30", "Cần xác minh thêm"}).has_value());
  EXPECT_EQ(FormatDmyHm(ToLocalVn(*f->model.dossier.dossier->due_at)), "06/04/2026 07:30");
}

TEST_F(DossierTest, ApologyReDatesOnceAndASecondIsRefusedWithTheLawsReason) {
  const Instant due = *f->model.dossier.dossier->due_at;
  Status bad = f->Do(RequestApology{"20-03-2026", "Cần xác minh thêm"});
  EXPECT_EQ(bad.error().field, "new_due_at");
  EXPECT_EQ(bad.error().rule, "bad_datetime");
  bad = f->Do(RequestApology{"12/03/2026 09:00", "Cần xác minh thêm"});
  EXPECT_EQ(bad.error().rule, "not_later");
  const DossierView before = View();
  EXPECT_FALSE(before.default_new_due.empty());
  ASSERT_TRUE(f->Do(RequestApology{before.default_new_due, "Cần xác minh thêm với cơ quan khác"}).has_value());
  EXPECT_GT(*f->model.dossier.dossier->due_at, due);
  EXPECT_EQ(f->model.dossier.dossier->original_due_at, due);
  f->Wait();
  EXPECT_EQ(f->model.print_job->form_key, "form.apology");
  EXPECT_NE(f->model.print_job->pdf_path.find("mau04.pdf"), std::string::npos);
  DossierView after = View();
  EXPECT_EQ(after.apology_note, "Hồ sơ đã được hẹn lại một lần; pháp luật chỉ cho phép hẹn lại một lần.");
  const std::int64_t events = f->JournalCount();
  Status second = f->Do(RequestApology{"30/04/2026 08:00", "Lại chậm"});
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().field, "apology_count");
  EXPECT_EQ(second.error().rule, "apology_already_issued");
  EXPECT_EQ(View().error_text,
            "Hồ sơ đã được hẹn lại một lần; không được hẹn lại lần thứ hai (Điều 19.9, Nghị định 61/2018).");
  EXPECT_EQ(f->JournalCount(), events);
}

TEST_F(DossierTest, ReturningAPaperResultWithoutDigitizedCopyAsksForAReason) {
  ASSERT_TRUE(Run(dossier::Action::kMarkDone).has_value());
  DossierView v = View();
  EXPECT_EQ(v.state_text, "Đã xử lý xong");
  EXPECT_EQ(v.urgency_text, "") << "no second chip saying \"Đã xong\" (issue 16)";
  const DossierActionView* ret = Find(v, dossier::Action::kReturnResult);
  ASSERT_NE(ret, nullptr);
  EXPECT_TRUE(ret->needs_receiver);
  EXPECT_TRUE(ret->needs_digital_reason) << "the catalog's result is a paper one, with no digitized copy";
  Status s = Run(dossier::Action::kReturnResult, {.receiver_name = "Nguyễn Thị Hồng Nhung", .receiver_id = "001190012345"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "no_digital_result_reason");
  EXPECT_EQ(View().error_text, "Kết quả bản giấy chưa được số hóa: hãy ghi lý do trước khi trả.");
  s = Run(dossier::Action::kReturnResult, {.receiver_name = " ", .no_digital_result_reason = "x"});
  EXPECT_EQ(s.error().field, "receiver_name");
  ASSERT_TRUE(Run(dossier::Action::kReturnResult, {.receiver_name = "Nguyễn Thị Hồng Nhung",
                                                   .receiver_id = "001190012345",
                                                   .originals_returned = true,
                                                   .no_digital_result_reason = "Kết quả có dấu nổi, chưa số hóa được"})
                  .has_value());
  EXPECT_EQ(State(), dossier::State::kReturned);
  ASSERT_TRUE(f->model.dossier.dossier->result_return.has_value());
  EXPECT_TRUE(f->model.dossier.dossier->result_return->originals_returned);
  EXPECT_TRUE(View().actions.empty()) << "nothing follows a returned result";
}

TEST_F(DossierTest, DigitizedResultWithCodeAndSignatureNeedsNoReason) {
  motcua::testing::TempDir in;
  std::ofstream(in.path() / "ket-qua.pdf", std::ios::binary) << motcua::testing::TinyPdf(1);
  ASSERT_TRUE(f->Do(ImportResultDocument{0, "", "KQ.TEST.1", true, {(in.path() / "ket-qua.pdf").string()}}).has_value());
  f->Wait();
  const dossier::ResultDocument& r = f->model.dossier.dossier->results.at(0);
  ASSERT_TRUE(r.file.has_value()) << (f->model.dossier.error ? f->model.dossier.error->Describe() : "");
  EXPECT_TRUE(r.e_signed);
  EXPECT_EQ(r.result_code, "KQ.TEST.1");
  EXPECT_EQ(View().results.at(0).status, "Đã số hóa, đã ký số");
  ASSERT_TRUE(Run(dossier::Action::kMarkDone).has_value());
  EXPECT_FALSE(Find(View(), dossier::Action::kReturnResult)->needs_digital_reason);
  EXPECT_TRUE(Run(dossier::Action::kReturnResult, {.receiver_name = "Nguyễn Thị Hồng Nhung"}).has_value());
  // An extra result needs its name.
  Status s = f->Do(ImportResultDocument{-1, " ", "", false, {(in.path() / "ket-qua.pdf").string()}});
  EXPECT_EQ(s.error().field, "result_name");
}

TEST_F(DossierTest, PapersDigitizedAfterIntakeAreJournaled) {
  motcua::testing::TempDir in;
  std::ofstream(in.path() / "don.pdf", std::ios::binary) << motcua::testing::TinyPdf(2);
  const std::int64_t events = f->JournalCount();
  ASSERT_TRUE(f->Do(ImportDossierComponentFiles{0, {(in.path() / "don.pdf").string()}}).has_value());
  f->Wait();
  EXPECT_EQ(f->model.dossier.dossier->components.at(0).files.size(), 1u);
  EXPECT_EQ(f->JournalCount(), events + 1);
  EXPECT_EQ(View().components.at(0).status, "Đã số hóa (2 trang)");
  ASSERT_TRUE(f->Do(MarkDossierComponentReused{1, "KQ.G07.000122", false}).has_value());
  EXPECT_EQ(f->model.dossier.dossier->components.at(1).reused_result_code, "KQ.G07.000122");
}

// Return at the counter: the form opens with the applicant's name and CCCD; a bad ID number is refused
// naming the field and leaves the dossier unreturned; the return prints the handover record, which
// the prints list offers again.
TEST_F(DossierTest, TheReturnFormIsPrefilledWithTheApplicant) {
  ASSERT_TRUE(Run(dossier::Action::kMarkDone).has_value());
  const DossierView v = View();
  const DossierActionView* ret = Find(v, dossier::Action::kReturnResult);
  ASSERT_NE(ret, nullptr);
  EXPECT_EQ(ret->default_receiver_name, "Nguyễn Thị Hồng Nhung");
  EXPECT_EQ(ret->default_receiver_id_type, dossier::IdType::kCccd);
  EXPECT_EQ(ret->default_receiver_id, "001190012345");
  ASSERT_EQ(v.receiver_id_types.size(), 3u);
  EXPECT_EQ(v.receiver_id_types[2].label, "Hộ chiếu");
  EXPECT_EQ(v.receiver_id_types[2].value, static_cast<int>(dossier::IdType::kPassport));
}

TEST_F(DossierTest, ABadReceiverIdIsRefusedAndTheDossierStaysUnreturned) {
  ASSERT_TRUE(Run(dossier::Action::kMarkDone).has_value());
  const std::int64_t events = f->JournalCount();
  Status s = Run(dossier::Action::kReturnResult, {.receiver_name = "Trần Văn Nhận",
                                                  .receiver_id = "00119001234",  // 11 digits
                                                  .no_digital_result_reason = "Kết quả có dấu nổi"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "receiver_id");
  EXPECT_EQ(s.error().rule, "bad_cccd");
  EXPECT_EQ(f->model.dossier.error_form, "return_result");
  EXPECT_EQ(View().error_text, "Số CCCD của người nhận kết quả phải có đúng 12 chữ số.");
  s = Run(dossier::Action::kReturnResult, {.receiver_name = "Trần Văn Nhận",
                                           .receiver_id = "C1234567",  // a passport number, marked CCCD
                                           .no_digital_result_reason = "Kết quả có dấu nổi"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().rule, "bad_cccd");
  EXPECT_EQ(State(), dossier::State::kDone);
  EXPECT_FALSE(f->model.dossier.dossier->result_return.has_value());
  EXPECT_EQ(f->JournalCount(), events);
  ASSERT_TRUE(f->model.print_job.has_value());  // the intake's receipt
  EXPECT_NE(f->model.print_job->form_key, "form.result_handover") << "no handover record for a refused return";
}

TEST_F(DossierTest, AReturnPrintsTheHandoverRecordWhichCanBeReprinted) {
  ASSERT_TRUE(Run(dossier::Action::kMarkDone).has_value());
  ASSERT_TRUE(Run(dossier::Action::kReturnResult, {.receiver_name = "Trần Văn Nhận",
                                                   .receiver_id = "C1234567",
                                                   .receiver_id_type = dossier::IdType::kPassport,
                                                   .originals_returned = true,
                                                   .no_digital_result_reason = "Kết quả có dấu nổi"})
                  .has_value());
  EXPECT_EQ(State(), dossier::State::kReturned);
  f->Wait();
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->form_key, "form.result_handover");
  const std::string pdf = (f->station->FormsDir() / code / "giao-nhan-ket-qua.pdf").string();
  EXPECT_EQ(f->model.print_job->pdf_path, pdf);
  const std::string text = motcua::testing::RunCommand({"pdftotext", "-enc", "UTF-8", pdf, "-"}).out;
  for (const char* want : {"PHIẾU GIAO NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Trần Văn Nhận",
                           "Số hộ chiếu: C1234567", "Nguyễn Thị Hồng Nhung", "NGƯỜI NHẬN KẾT QUẢ",
                           "NGƯỜI TRẢ KẾT QUẢ", "đã trả lại"})
    EXPECT_NE(text.find(want), std::string::npos) << want << " not in:\n" << text;
  EXPECT_NE(text.find(code), std::string::npos) << text;

  const DossierView v = View();
  const auto listed = std::find_if(v.prints.begin(), v.prints.end(),
                                   [](const auto& p) { return p.first == DossierForm::kResultHandover; });
  ASSERT_NE(listed, v.prints.end());
  EXPECT_EQ(listed->second, "Phiếu giao nhận kết quả");
  std::filesystem::remove(pdf);
  ASSERT_TRUE(f->Do(PrintDossierForm{DossierForm::kResultHandover}).has_value());
  f->Wait();
  EXPECT_TRUE(std::filesystem::exists(pdf));
}

TEST_F(DossierTest, NoHandoverRecordBeforeTheReturn) {
  EXPECT_EQ(f->Do(PrintDossierForm{DossierForm::kResultHandover}).error().rule, "not_returned");
}

TEST_F(DossierTest, ControlSlipAndReceiptReprintKeepTheCode) {
  ASSERT_TRUE(Run(dossier::Action::kTransfer).has_value());
  ASSERT_TRUE(Run(dossier::Action::kMarkDone).has_value());
  ASSERT_TRUE(f->Do(PrintDossierForm{DossierForm::kControlSlip}).has_value());
  f->Wait();
  EXPECT_EQ(f->model.print_job->pdf_path, (f->station->FormsDir() / code / "mau05.pdf").string());
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kSavedOnly);
  ASSERT_TRUE(f->Do(PrintDossierForm{DossierForm::kReceipt}).has_value());
  f->Wait();
  EXPECT_EQ(f->model.print_job->pdf_path, (f->station->FormsDir() / code / "mau01.pdf").string());
  Status s = f->Do(PrintDossierForm{DossierForm::kApology});
  EXPECT_EQ(s.error().rule, "no_apology");
}

TEST_F(DossierTest, RefusalAfterAppraisalPrintsMau03) {
  ASSERT_TRUE(Run(dossier::Action::kRefuse, {.reason = "Hồ sơ không thuộc thẩm quyền"}).has_value());
  EXPECT_EQ(State(), dossier::State::kRefused);
  f->Wait();
  EXPECT_EQ(f->model.print_job->form_key, "form.refusal");
}

TEST_F(DossierTest, HandingAPostalResultToPostalStaffPutsItOnTheOutboundManifest) {
  // A dossier whose result goes by post.
  ASSERT_TRUE(f->Do(CloseDossier{}).has_value());
  ASSERT_TRUE(f->Do(StartIntake{}).has_value());
  ASSERT_TRUE(f->Do(ScanReceived{testing::kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}).has_value());
  ASSERT_TRUE(f->Do(SetComponentMode{0, ComponentMode::kShownOnly, ""}).has_value());
  ASSERT_TRUE(f->Do(SetDelivery{dossier::Delivery::kPostal}).has_value());
  ASSERT_TRUE(f->Do(ConfirmIntake{}).has_value());
  f->Wait();
  const std::string postal_code = f->model.intake.outcome->dossier_code;
  ASSERT_TRUE(f->Do(OpenDossier{postal_code}).has_value());
  EXPECT_FALSE(View().can_hand_to_postal) << "not done yet";
  ASSERT_TRUE(Run(dossier::Action::kMarkDone).has_value());
  EXPECT_TRUE(View().can_hand_to_postal);
  Status bad = f->Do(HandToPostal{"EE471108152FR", false, ""});
  EXPECT_EQ(bad.error().field, "parcel_number");
  EXPECT_EQ(bad.error().rule, "bad_check_digit");
  ASSERT_TRUE(f->Do(HandToPostal{"EE471108151FR", true, ""}).has_value());
  EXPECT_EQ(f->model.notice_key, "notice.on_manifest");
  Result<std::vector<postal::Manifest>> drafts = postal::ListManifests(
      *f->station->store, {.direction = postal::Direction::kOutbound, .status = postal::ManifestStatus::kDraft});
  ASSERT_TRUE(drafts.has_value());
  ASSERT_EQ(drafts->size(), 1u);
  ASSERT_EQ(drafts->front().items.size(), 1u);
  EXPECT_EQ(drafts->front().items[0].dossier_code, postal_code);
}

TEST_F(DossierTest, ViewsHaveEveryTextInBothLanguages) {
  TakeMissingKeys();
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    f->model.lang = lang;
    (void)View();
  }
  ASSERT_TRUE(Run(dossier::Action::kTransfer).has_value());
  ASSERT_TRUE(Run(dossier::Action::kStartProcessing).has_value());
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    f->model.lang = lang;
    (void)View();
  }
  for (dossier::Action a : {dossier::Action::kAccept, dossier::Action::kRefuse, dossier::Action::kTransfer,
                            dossier::Action::kStartProcessing, dossier::Action::kRequestSupplement,
                            dossier::Action::kReceiveSupplement, dossier::Action::kRequestPayment,
                            dossier::Action::kRecordPayment, dossier::Action::kMarkDone,
                            dossier::Action::kReturnResult, dossier::Action::kRequestWithdrawal,
                            dossier::Action::kConfirmWithdrawal, dossier::Action::kStop}) {
    EXPECT_NE(FindString(Lang::kVi, std::string("action.") + dossier::ActionKey(a)), nullptr) << dossier::ActionKey(a);
    EXPECT_NE(FindString(Lang::kEn, std::string("action.") + dossier::ActionKey(a)), nullptr) << dossier::ActionKey(a);
  }
  EXPECT_TRUE(TakeMissingKeys().empty());
}

}  // namespace
}  // namespace motcua::ui
