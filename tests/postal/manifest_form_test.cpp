// The printed manifest from a stored one: MakeManifestForm's fields, and the PDF through poppler
// (pdftotext holds every parcel number and dossier code). PNGs go to <build>/artifacts/forms.
#include "postal/manifest_form.h"

#include <gtest/gtest.h>

#include "print/form_pdf.h"
#include "print/pdf_tools.h"
#include "postal/s10.h"
#include "support/fixtures.h"

namespace motcua::postal {
namespace {

using motcua::testing::At;
using motcua::testing::SampleIntake;
namespace pt = motcua::print::testing;

using motcua::testing::S10;

class ManifestFormTest : public ::testing::Test {
 protected:
  void SetUp() override { t_ = motcua::testing::MakeTestDesk(dir_.path()); }

  // An inbound manifest of `n` dossiers signed Friday 2026-11-27 16:30.
  Manifest SignedInbound(int n) {
    auto m = CreateManifest(t_->desk, t_->officer, Direction::kInbound,
                            {"Bưu điện tỉnh Tuyên Quang", "Trần Văn Bưu", "Bưu tá", "0912000111", "BT-0042", ""},
                            {"", "Lê Thị Nhận", "Chuyên viên", "", "", ""}, At("2026-11-27 15:40"));
    EXPECT_TRUE(m);
    for (int i = 0; i < n; ++i) {
      workflow::IntakeRequest r = SampleIntake();
      r.applicant.name = "Người gửi số " + std::to_string(i + 1);
      EXPECT_TRUE(AddInboundItem(t_->desk, t_->officer, m->id, {S10(1000 + i), r, i == 0 ? "Kèm lệ phí" : ""}, {},
                                 At("2026-11-27 15:45")));
    }
    auto s = SignManifest(t_->desk, t_->officer, m->id, {}, At("2026-11-27 16:30"));
    EXPECT_TRUE(s) << s.error().Describe();
    return s->manifest;
  }

  motcua::testing::TempDir dir_;
  std::unique_ptr<motcua::testing::TestDesk> t_;
};

TEST_F(ManifestFormTest, FillsTheFormFromASignedManifest) {
  const Manifest m = SignedInbound(2);
  auto f = MakeManifestForm(m, {.header = {.governing_body = "UBND TỈNH TUYÊN QUANG", .place = "Tuyên Quang"}});
  ASSERT_TRUE(f) << f.error().Describe();
  EXPECT_EQ(f->direction, print::HandoverManifestForm::Direction::kPostalToCenter);
  EXPECT_EQ(f->signed_at, At("2026-11-27 16:30"));
  EXPECT_EQ(f->header.document_number, "Số: " + m.id);
  EXPECT_EQ(f->header.dated_on, LocalDateVn(At("2026-11-27 16:30")));
  EXPECT_EQ(f->location, "Bộ phận một cửa thử nghiệm");
  EXPECT_EQ(f->postal.representative, "Trần Văn Bưu");
  EXPECT_EQ(f->center.representative, "Lê Thị Nhận");
  ASSERT_EQ(f->items.size(), 2u);
  EXPECT_EQ(f->items[0].postal_receipt_number, S10(1000));
  EXPECT_EQ(f->items[0].dossier_code, "000.00.00.H56-261127-0001");
  EXPECT_EQ(f->items[0].person_name, "Người gửi số 1");
  EXPECT_EQ(f->items[0].procedure_name, "Đăng ký thường trú");
  EXPECT_EQ(f->items[0].note, "Kèm lệ phí");
}

TEST_F(ManifestFormTest, ADraftPrintsOnlyAsAPreview) {
  auto m = CreateManifest(t_->desk, t_->officer, Direction::kOutbound, {"Bưu điện tỉnh Tuyên Quang"}, {},
                          At("2026-11-30 14:00"));
  ASSERT_TRUE(m);
  EXPECT_EQ(MakeManifestForm(*m).error().rule, "not_signed");
  EXPECT_EQ(MakeManifestForm(*m, {.draft_at = At("2026-11-30 14:00")}).error().field, "items");
}

TEST_F(ManifestFormTest, ThePdfListsEveryParcelNumberAndCode) {
  for (const char* tool : {"pdftotext", "pdfinfo", "pdftoppm"})
    if (!pt::HaveTool(tool)) GTEST_SKIP() << tool << " missing: install poppler-utils";
  const Manifest m = SignedInbound(12);
  auto f = MakeManifestForm(m, {.header = {.governing_body = "UBND TỈNH TUYÊN QUANG",
                                           .agency = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                                           .place = "Tuyên Quang"}});
  ASSERT_TRUE(f);
  pt::TempDir tmp;
  const std::string pdf = tmp.File("manifest.pdf");
  const Status written = print::WriteHandoverManifestPdf(*f, pdf);
  ASSERT_TRUE(written) << written.error().Describe();
  const std::string text = pt::PdfText(pdf);
  EXPECT_NE(text.find("BIÊN BẢN GIAO NHẬN HỒ SƠ"), std::string::npos) << text;
  EXPECT_NE(text.find("16 giờ 30 phút, ngày 27 tháng 11 năm 2026"), std::string::npos) << text;
  EXPECT_NE(text.find(m.id), std::string::npos);
  for (const ManifestItem& item : m.items) {
    EXPECT_NE(text.find(item.parcel_number), std::string::npos) << item.parcel_number;
    EXPECT_NE(text.find(item.dossier_code), std::string::npos) << item.dossier_code;
  }
  EXPECT_NE(text.find("Trần Văn Bưu"), std::string::npos);
  EXPECT_EQ(pt::GetPdfInfo(pdf).size_name, "A4");
  pt::SavePng(pdf, 1, 100, pt::ArtifactsDir() + "/postal-manifest-inbound.png");
}

TEST_F(ManifestFormTest, AnOutboundPdfAddressesEachResult) {
  for (const char* tool : {"pdftotext", "pdftoppm"})
    if (!pt::HaveTool(tool)) GTEST_SKIP() << tool << " missing: install poppler-utils";
  auto m = CreateManifest(t_->desk, t_->officer, Direction::kOutbound,
                          {"Bưu điện tỉnh Tuyên Quang", "Trần Văn Bưu", "Bưu tá", "", "BT-0042", ""},
                          {"", "Lê Thị Nhận", "Chuyên viên", "", "", ""}, At("2026-11-30 14:00"));
  ASSERT_TRUE(m);
  for (int i = 0; i < 3; ++i) {
    workflow::IntakeRequest r = SampleIntake();
    r.applicant.name = "Người nhận số " + std::to_string(i + 1);
    r.delivery = dossier::Delivery::kPostal;
    r.delivery_address = "Số " + std::to_string(10 + i) + ", đường Quang Trung, phường Phan Thiết, tỉnh Tuyên Quang";
    auto got = workflow::Receive(t_->desk, t_->officer, r, At("2026-11-23 09:00"));
    ASSERT_TRUE(got);
    ASSERT_TRUE(workflow::Apply(t_->desk, t_->officer, got->dossier.code, dossier::Action::kMarkDone, {},
                                At("2026-11-30 09:00")));
    ASSERT_TRUE(AddOutboundItem(t_->desk, t_->officer, m->id,
                                {.lookup = got->receipt_token, .parcel_number = S10(5000 + i), .originals_returned = i == 0},
                                {}, At("2026-11-30 14:01")));
  }
  auto s = SignManifest(t_->desk, t_->officer, m->id, {}, At("2026-11-30 14:15"));
  ASSERT_TRUE(s) << s.error().Describe();
  auto f = MakeManifestForm(s->manifest, FormSettingsFor(t_->desk.settings));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->direction, print::HandoverManifestForm::Direction::kCenterToPostal);
  EXPECT_EQ(f->items[0].person_name, "Người nhận số 1 (Số 10, đường Quang Trung, phường Phan Thiết, tỉnh Tuyên Quang)");
  EXPECT_EQ(f->items[0].note, "Kèm bản chính");
  EXPECT_EQ(f->items[1].note, "");
  EXPECT_EQ(f->header.unit, "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ");
  pt::TempDir tmp;
  const std::string pdf = tmp.File("out.pdf");
  ASSERT_TRUE(print::WriteHandoverManifestPdf(*f, pdf));
  const std::string text = pt::PdfText(pdf);
  EXPECT_NE(text.find("BIÊN BẢN GIAO NHẬN KẾT QUẢ"), std::string::npos) << text;
  for (const ManifestItem& item : s->manifest.items) EXPECT_NE(text.find(item.parcel_number), std::string::npos);
  pt::SavePng(pdf, 1, 100, pt::ArtifactsDir() + "/postal-manifest-outbound.png");
}

}  // namespace
}  // namespace motcua::postal
