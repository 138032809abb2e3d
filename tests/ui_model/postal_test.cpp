// The postal screens over postal/manifest.h: an inbound manifest whose dossiers are entered through the
// intake screen and received when it is signed (the signing time is the filing time, QĐ 45/2016
// Art. 7), an outbound manifest filled by scanning receipts, signing, delivery and the manifest PDF.
#include "ui_model/postal_view.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"
#include "ui_model/intake_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

postal::Party PostOffice() {
  postal::Party p;
  p.organization = "Bưu điện tỉnh Tuyên Quang";
  p.representative = "Lê Văn Cường";
  p.staff_id = "BD-0421";
  return p;
}

class PostalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = testing::MakeStation("2026-03-12 08:30");
    ASSERT_NE(f, nullptr);
    f->SignIn(testing::kOfficer);
    ASSERT_TRUE(f->Do(Navigate{std::string(kScreenPostal)}).has_value());
  }
  PostalView View() { return MakePostalView(f->model, f->clock.Now()); }
  std::unique_ptr<testing::StationFixture> f;
};

TEST_F(PostalTest, InboundDossiersAreEnteredOnTheIntakeScreenAndReceivedAtSigning) {
  ASSERT_TRUE(f->Do(CreateManifest{postal::Direction::kInbound, PostOffice()}).has_value());
  ASSERT_TRUE(f->model.postal.open.has_value());
  const std::string id = f->model.postal.open->id;
  EXPECT_EQ(id.rfind("IN-260312-", 0), 0u) << id;
  // A bad parcel number is refused at the postal screen, with nothing started.
  Status bad = f->Do(ScanReceived{"EE471108152FR"});
  EXPECT_TRUE(bad.has_value()) << "a scan is routed, not an error of the scan";
  EXPECT_EQ(f->model.postal.error->rule, "bad_check_digit");
  EXPECT_EQ(View().error_text, "Số phiếu gửi sai chữ số kiểm tra; hãy quét lại hoặc nhập đúng.");
  // The parcel's number scanned: the intake opens for its dossier.
  ASSERT_TRUE(f->Do(ScanReceived{"ee 471 108 151 fr"}).has_value());
  EXPECT_EQ(f->model.screen, kScreenIntake);
  EXPECT_EQ(f->model.intake.draft.parcel_number, "EE471108151FR");
  EXPECT_EQ(f->model.intake.draft.channel, dossier::Channel::kPostal);
  IntakeView iv = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(iv.manifest_line, "Hồ sơ nhận qua bưu chính: biên bản " + id + ", phiếu gửi EE471108151FR");
  EXPECT_EQ(iv.confirm_label, "Thêm vào biên bản bưu chính (F10)");
  ASSERT_TRUE(f->Do(ScanReceived{testing::kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  for (int i : MissingComponents(f->model.intake.draft))
    ASSERT_TRUE(f->Do(SetComponentMode{i, ComponentMode::kShownOnly, ""}).has_value());
  ASSERT_TRUE(f->Do(ConfirmIntake{}).has_value());
  EXPECT_EQ(f->DossierCount(), 0) << "received only when the manifest is signed";
  ASSERT_TRUE(f->model.intake.outcome.has_value());
  EXPECT_EQ(f->model.intake.outcome->kind, IntakeOutcome::Kind::kAddedToManifest);
  ASSERT_TRUE(f->Do(FinishIntake{}).has_value());
  EXPECT_EQ(f->model.screen, kScreenPostal);
  ASSERT_EQ(f->model.postal.open->items.size(), 1u);
  // Signed at 10:05 (Thursday): 5 working days from the signing, Thursday 2026-03-19 10:05.
  f->clock.Set(motcua::testing::At("2026-03-12 10:05"));
  postal::SignRequest sign;
  sign.postal_representative = "Lê Văn Cường";
  sign.postal_staff_id = "BD-0421";
  ASSERT_TRUE(f->Do(SignOpenManifest{sign}).has_value()) << (f->model.postal.error ? f->model.postal.error->Describe() : "");
  EXPECT_EQ(f->model.postal.open->status, postal::ManifestStatus::kSigned);
  ASSERT_EQ(f->DossierCount(), 1);
  const std::string code = f->model.postal.open->items[0].dossier_code;
  Result<std::optional<dossier::Dossier>> d = f->station->store->GetDossier(code);
  ASSERT_TRUE(d.has_value() && d->has_value());
  EXPECT_EQ((*d)->channel, dossier::Channel::kPostal);
  EXPECT_EQ(FormatLocalMinute(ToLocalVn((*d)->received_at)), "2026-03-12 10:05");
  EXPECT_EQ(FormatLocalMinute(ToLocalVn(*(*d)->due_at)), "2026-03-19 10:05");
  f->Wait();
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->form_key, "form.manifest");
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kSavedOnly);
}

TEST_F(PostalTest, OutboundResultsAreAddedByScanningTheReceiptAndDeliveredAfterSigning) {
  // A done dossier whose result goes by post.
  ASSERT_TRUE(f->Do(StartIntake{}).has_value());
  ASSERT_TRUE(f->Do(ScanReceived{testing::kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}).has_value());
  ASSERT_TRUE(f->Do(SetComponentMode{0, ComponentMode::kShownOnly, ""}).has_value());
  ASSERT_TRUE(f->Do(SetDelivery{dossier::Delivery::kPostal}).has_value());
  ASSERT_TRUE(f->Do(ConfirmIntake{}).has_value());
  f->Wait();
  const std::string code = f->model.intake.outcome->dossier_code;
  const workflow::Actor actor{testing::kOfficer, workflow::Role::kOfficer, "station-1"};
  ASSERT_TRUE(workflow::Apply(f->station->desk, actor, code, dossier::Action::kMarkDone, {}, f->clock.Now()).has_value());
  Result<std::optional<dossier::Dossier>> d = f->station->store->GetDossier(code);
  Result<std::string> token = workflow::ReceiptTokenFor(f->station->desk, **d);
  ASSERT_TRUE(token.has_value());

  ASSERT_TRUE(f->Do(Navigate{std::string(kScreenPostal)}).has_value());
  ASSERT_EQ(View().awaiting.size(), 1u);
  EXPECT_EQ(View().awaiting[0].code, code);
  ASSERT_TRUE(f->Do(CreateManifest{postal::Direction::kOutbound, PostOffice()}).has_value());
  ASSERT_TRUE(f->Do(ScanReceived{*token}).has_value());
  ASSERT_EQ(f->model.postal.open->items.size(), 1u);
  EXPECT_EQ(f->model.postal.open->items[0].dossier_code, code);
  // Scanned twice: the second is refused, naming why.
  ASSERT_TRUE(f->Do(ScanReceived{*token}).has_value());
  EXPECT_EQ(f->model.postal.error->rule, "already_on_manifest");
  PostalView v = View();
  ASSERT_EQ(v.open.items.size(), 1u);
  EXPECT_TRUE(v.open.items[0].can_set_parcel);
  EXPECT_FALSE(f->Do(SignOpenManifest{{"Lê Văn Cường", "BD-0421", "", ""}}).has_value());
  EXPECT_EQ(f->model.postal.error->field, "items[0].parcel_number");
  ASSERT_TRUE(f->Do(SetManifestItemParcel{code, "EE471108151FR"}).has_value());
  ASSERT_TRUE(f->Do(SignOpenManifest{{"Lê Văn Cường", "BD-0421", "", ""}}).has_value());
  Result<std::optional<dossier::Dossier>> returned = f->station->store->GetDossier(code);
  EXPECT_EQ((*returned)->state, dossier::State::kReturned);
  v = View();
  EXPECT_EQ(v.open.items[0].delivery, "Chờ phát");
  EXPECT_TRUE(v.open.items[0].can_record_delivery);
  Status no_name = f->Do(RecordItemDelivery{"EE471108151FR", true, " ", ""});
  EXPECT_EQ(no_name.error().field, "receiver_name");
  ASSERT_TRUE(f->Do(RecordItemDelivery{"EE471108151FR", false, "", "Không có người nhận"}).has_value());
  EXPECT_EQ(View().open.items[0].delivery, "Phát không thành công: Không có người nhận");
  ASSERT_TRUE(f->Do(RecordItemDelivery{"EE471108151FR", true, "Nguyễn Thị Hồng Nhung", ""}).has_value());
  EXPECT_EQ(f->model.postal.open->status, postal::ManifestStatus::kDelivered);
  EXPECT_EQ(View().open.items[0].delivery, "Đã phát cho Nguyễn Thị Hồng Nhung");
}

TEST_F(PostalTest, PostalStaffCanManageManifestsButNotReceiveDossiers) {
  ASSERT_TRUE(f->Do(SignOut{}).has_value());
  f->SignIn(testing::kPostal);
  ASSERT_TRUE(f->Do(CreateManifest{postal::Direction::kInbound, PostOffice()}).has_value());
  ASSERT_TRUE(f->Do(ScanReceived{"EE471108151FR"}).has_value());
  ASSERT_TRUE(f->model.postal.error.has_value());
  EXPECT_EQ(f->model.postal.error->rule, "not_allowed");
  EXPECT_EQ(f->model.screen, kScreenPostal);
}

TEST_F(PostalTest, ListShowsManifestsAndCancelNeedsAReason) {
  ASSERT_TRUE(f->Do(CreateManifest{postal::Direction::kInbound, PostOffice()}).has_value());
  Status s = f->Do(CancelOpenManifest{" "});
  EXPECT_EQ(s.error().field, "reason");
  ASSERT_TRUE(f->Do(CancelOpenManifest{"Lập nhầm"}).has_value());
  ASSERT_TRUE(f->Do(CloseManifest{}).has_value());
  PostalView v = View();
  ASSERT_EQ(v.manifests.size(), 1u);
  EXPECT_EQ(v.manifests[0].status, "Đã hủy");
  EXPECT_EQ(v.manifests[0].direction, "Bưu chính giao Trung tâm");
  EXPECT_EQ(v.default_organization, "Bưu điện tỉnh Tuyên Quang");
  TakeMissingKeys();
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    f->model.lang = lang;
    (void)View();
    ASSERT_TRUE(f->Do(OpenManifest{v.manifests[0].id}).has_value());
    (void)View();
    ASSERT_TRUE(f->Do(CloseManifest{}).has_value());
  }
  EXPECT_TRUE(TakeMissingKeys().empty());
}

}  // namespace
}  // namespace motcua::ui
