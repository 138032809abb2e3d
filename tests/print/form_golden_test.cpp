// Golden texts: every form, in the sample cases below, prints exactly the text of its file under
// tests/print/golden/ (pdftotext -enc UTF-8, poppler-utils: the words, their line breaks and page
// breaks, compared byte for byte, nothing normalised). The files were written from the forms as
// they were drawn in code before their wording moved to assets/forms/ (issue 17), so the template
// engine must print the same words, in the same lines, on the same pages.
//
// The cases walk every branch a form's wording has: optional lines, empty lists, dotted blanks,
// both manifest directions, the receipt's denser layouts and its flowing copies, multi-page tables,
// and data that looks like markup.
//
// A deliberate change of wording: MOTCUA_UPDATE_GOLDEN=1 bin/tests_print --gtest_filter='FormGolden*'
// rewrites the files; read the diff before committing it. Every run leaves each case's PDF and text
// in <build>/artifacts/forms/golden/ for people to look at.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>

#include "print/form_pdf.h"
#include "print/pdf_tools.h"
#include "print/sample_forms.h"

namespace motcua::print {
namespace {

using namespace testing;
using Direction = HandoverManifestForm::Direction;

struct GoldenCase {
  std::string name;  // the golden file is golden/<name>.txt
  std::function<Result<PdfDocument>()> render;
};

void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

std::vector<GoldenCase> GoldenCases() {
  return {
      // ---- Mẫu 01 ----
      {"mau01_receipt", [] { return RenderReceiptPdf(SampleReceipt()); }},
      {"mau01_receipt_postal",
       [] {
         // Postal delivery, no appointment date, a lookup page, three fees (one named like the
         // label, one unnamed), no book numbers, no e-mail, no ID number, one copy label.
         ReceiptForm f = SampleReceipt();
         f.delivery = {ResultDelivery::Kind::kPostal, "Số 12 đường Chiến Thắng Sông Lô, phường Minh Xuân"};
         f.due_at.reset();
         f.lookup_address = "https://dichvucong.tuyenquang.gov.vn/tra-cuu";
         f.fees = {{"phí, lệ phí:", 20000}, {"", 5000}, {"Lệ phí cấp bản sao", 3000}};
         f.book_number = 0;
         f.book_sequence = 0;
         f.applicant.email.clear();
         f.applicant.id_number.clear();
         f.copy_labels = {"Liên 2: Giao người nộp hồ sơ"};
         f.sets = 2;
         return RenderReceiptPdf(f);
       }},
      {"mau01_receipt_bare",
       [] {
         // No QR, no copy labels, no papers, no fees, no lookup secret, no receiving unit, no notes.
         ReceiptForm f = SampleReceipt();
         f.qr_token.clear();
         f.lookup_secret.clear();
         f.copy_labels.clear();
         f.components.clear();
         f.fees.clear();
         f.receiving_unit.clear();
         f.notes.clear();
         f.legal_duration_text.clear();
         f.delivery.place.clear();
         f.applicant.address.clear();
         f.applicant.phone.clear();
         f.officer_name.clear();
         return RenderReceiptPdf(f);
       }},
      {"mau01_receipt_demo_dense", [] { return RenderReceiptPdf(DemoReceipt()); }},
      {"mau01_receipt_dense_no_id",
       [] {
         ReceiptForm f = DemoReceipt();
         f.applicant.id_number.clear();
         return RenderReceiptPdf(f);
       }},
      {"mau01_receipt_flowing",
       [] {
         // Twelve long papers: no layout fits one page, each copy flows onto a second.
         ReceiptForm f = DemoReceipt();
         f.components.clear();
         for (int i = 0; i < 12; ++i)
           f.components.push_back(
               {.name = "Thông tin chứng minh về chỗ ở hợp pháp được khai thác trong căn cước điện tử, tài khoản "
                        "định danh điện tử trên hệ thống định danh và xác thực điện tử qua Ứng dụng định danh "
                        "quốc gia hoặc trong Cơ sở dữ liệu quốc gia về dân cư (giấy số " + std::to_string(i + 1) + ")",
                .originals = 1, .certified_copies = i % 2, .copies = i % 3, .shown_only = i % 4 == 0,
                .note = i == 5 ? "nộp bổ sung sau" : ""});
         return RenderReceiptPdf(f);
       }},
      {"mau01_receipt_markup",
       [] {
         // Data that looks like Pango markup prints as typed.
         ReceiptForm f = SampleReceipt();
         f.applicant.name = "Nguyễn <b>Thị</b> & \x01Hằng";
         f.applicant.address = "Tổ 7 <span size=\"99999\">x</span> & 'y' \"z\"";
         f.procedure_name = "Đăng ký {thường} [trú] </i>";
         f.components[0].name = "Tờ khai <i>CT01</i> & {n}";
         f.components[0].note = "ghi chú <b>";
         f.fees = {{"Lệ phí <b>", 20000}};
         f.copy_labels = {"Liên 1: <Lưu>"};
         f.officer_name = "Trần & Đức";
         return RenderReceiptPdf(f);
       }},
      // ---- Mẫu 02 ----
      {"mau02_supplement_request", [] { return RenderSupplementRequestPdf(SampleSupplementRequest()); }},
      {"mau02_supplement_request_variants",
       [] {
         // A dossier code, no receiving unit, two reasons, no contact sentence, no reception time,
         // a reused paper.
         SupplementRequestForm f = SampleSupplementRequest();
         f.dossier_code = kDossierCode;
         f.receiving_unit = "Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang";
         f.reasons.push_back("Thiếu giấy tờ chứng minh quan hệ nhân thân.");
         f.contact_text.clear();
         f.received_at.reset();
         f.items.push_back({.name = "Giấy khai sinh", .copies = 2, .reused_from = "000.00.00.H60-250110-0042"});
         f.officer_name.clear();
         f.header.document_number.clear();
         f.header.dated_on.reset();
         return RenderSupplementRequestPdf(f);
       }},
      {"mau02_supplement_request_no_reason",
       [] {
         SupplementRequestForm f = SampleSupplementRequest();
         f.reasons.clear();
         return RenderSupplementRequestPdf(f);
       }},
      {"mau02_supplement_request_40_rows",
       [] {
         SupplementRequestForm f = SampleSupplementRequest();
         f.items.clear();
         for (int i = 1; i <= 40; ++i)
           f.items.push_back({.name = "Giấy tờ cần bổ sung số " + std::to_string(i), .originals = 1, .copies = i % 3});
         return RenderSupplementRequestPdf(f);
       }},
      // ---- Mẫu 03 ----
      {"mau03_refusal", [] { return RenderRefusalPdf(SampleRefusal()); }},
      {"mau03_refusal_variants",
       [] {
         // The header's agency decides; a dossier code; two reasons; the default signer title.
         RefusalForm f = SampleRefusal();
         f.deciding_body.clear();
         f.dossier_code = kDossierCode;
         f.reasons.push_back("Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan.");
         f.signer_title = RefusalForm{}.signer_title;
         f.signer_name.clear();
         f.header.governing_body.clear();
         f.header.unit.clear();
         return RenderRefusalPdf(f);
       }},
      // ---- Mẫu 04 ----
      {"mau04_apology", [] { return RenderApologyPdf(SampleApology()); }},
      {"mau04_apology_variants",
       [] {
         ApologyForm f = SampleApology();
         f.apologizing_body.clear();
         f.applicant.phone.clear();
         f.applicant.address.clear();
         f.signer_name.clear();
         return RenderApologyPdf(f);
       }},
      // ---- Mẫu 05 ----
      {"mau05_control_slip", [] { return RenderControlSlipPdf(SampleControlSlip()); }},
      {"mau05_control_slip_variants",
       [] {
         // A late step with nobody named and no time, a coordinating body, a receipt number, two
         // blank rows, no due time.
         ControlSlipForm f = SampleControlSlip();
         f.steps.push_back({.giving_unit = "Bộ phận TN&TKQ", .outcome = ControlStep::Outcome::kLate,
                            .note = "Chờ xác minh"});
         f.steps.push_back({});
         f.coordinating_bodies = "Phòng Tư pháp";
         f.receipt_number = "125/GTN";
         f.blank_rows = 2;
         f.due_at.reset();
         f.processing_body.clear();
         f.notes.clear();
         return RenderControlSlipPdf(f);
       }},
      {"mau05_control_slip_empty",
       [] {
         ControlSlipForm f = SampleControlSlip();
         f.steps.clear();
         f.blank_rows = 0;
         return RenderControlSlipPdf(f);
       }},
      // ---- Mẫu 06 ----
      {"mau06_tracking_book_60", [] { return RenderTrackingBookPdf(SampleTrackingBook(60)); }},
      {"mau06_tracking_book_empty",
       [] {
         // No rows, no year, no book number, no period, no anchor, only the governing body.
         TrackingBookForm f = SampleTrackingBook(0);
         f.year = 0;
         f.book_number = 0;
         f.period_text.clear();
         f.journal_anchor.clear();
         f.header.agency.clear();
         f.header.unit.clear();
         return RenderTrackingBookPdf(f);
       }},
      {"mau06_tracking_book_no_unit",
       [] {
         TrackingBookForm f = SampleTrackingBook(3);
         f.header.unit.clear();
         f.book_number = 0;
         f.rows[1].sequence = 41;
         f.rows[2].sets = 0;
         return RenderTrackingBookPdf(f);
       }},
      // ---- Biên bản giao nhận (postal) ----
      {"manifest_postal_to_center", [] { return RenderHandoverManifestPdf(SampleManifest(Direction::kPostalToCenter, 6)); }},
      {"manifest_center_to_postal", [] { return RenderHandoverManifestPdf(SampleManifest(Direction::kCenterToPostal, 3)); }},
      {"manifest_postal_to_center_80",
       [] { return RenderHandoverManifestPdf(SampleManifest(Direction::kPostalToCenter, 80)); }},
      {"manifest_variants",
       [] {
         HandoverManifestForm f = SampleManifest(Direction::kCenterToPostal, 2);
         f.location.clear();
         f.postal.position.clear();
         f.postal.representative.clear();
         f.center.phone = "0207 3822 123";
         f.items[1].sets = 3;
         f.items[1].note = "Hỏa tốc";
         return RenderHandoverManifestPdf(f);
       }},
      // ---- Phiếu giao nhận kết quả ----
      {"result_handover", [] { return RenderResultHandoverPdf(SampleResultHandover()); }},
      {"result_handover_variants",
       [] {
         ResultHandoverForm f = SampleResultHandover();
         f.results.clear();
         f.originals_returned = false;
         f.receiver_id.clear();
         f.officer_name.clear();
         f.applicant.id_number.clear();
         f.center_name.clear();
         return RenderResultHandoverPdf(f);
       }},
  };
}

std::string GoldenDir() { return std::string(MOTCUA_SOURCE_DIR) + "/tests/print/golden"; }

// The line number (1-based) and both lines where `a` and `b` first differ.
std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool more_a = bool(std::getline(a, la)), more_b = bool(std::getline(b, lb));
    if (!more_a && !more_b) return "no difference";
    if (!more_a || !more_b || la != lb)
      return "line " + std::to_string(line) + ":\n  golden: " + (more_a ? la : "<end>") +
             "\n  now:    " + (more_b ? lb : "<end>");
  }
}

class FormGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(FormGolden, PrintsTheGoldenText) {
  // poppler-utils is a test dependency (installer/packages.txt): its absence is a failure, not a skip.
  ASSERT_TRUE(HaveTool("pdftotext")) << "pdftotext missing: install poppler-utils";
  const GoldenCase& c = GetParam();
  const Result<PdfDocument> doc = c.render();
  ASSERT_TRUE(doc.has_value()) << doc.error().Describe();

  const std::string out_dir = ArtifactsDir() + "/golden";
  std::filesystem::create_directories(out_dir);
  const std::string pdf = out_dir + "/" + c.name + ".pdf";
  WriteFile(pdf, doc->bytes);
  const CommandResult text = testing::Run("pdftotext -enc UTF-8 " + pdf + " " + out_dir + "/" + c.name + ".txt");
  ASSERT_EQ(text.exit_code, 0) << text.output;
  const std::string now = ReadFile(out_dir + "/" + c.name + ".txt");
  ASSERT_FALSE(now.empty());

  const std::string golden_path = GoldenDir() + "/" + c.name + ".txt";
  if (const char* update = std::getenv("MOTCUA_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::filesystem::create_directories(GoldenDir());
    WriteFile(golden_path, now);
    ASSERT_EQ(ReadFile(golden_path), now) << "cannot write " << golden_path;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden_path)) << golden_path << " missing (MOTCUA_UPDATE_GOLDEN=1 writes it)";
  const std::string golden = ReadFile(golden_path);
  EXPECT_EQ(golden == now, true) << c.name << " differs from " << golden_path << " at "
                                 << FirstDifference(golden, now) << "\n(the new text: " << out_dir << "/"
                                 << c.name << ".txt)";
}

INSTANTIATE_TEST_SUITE_P(Forms, FormGolden, ::testing::ValuesIn(GoldenCases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) { return info.param.name; });

}  // namespace
}  // namespace motcua::print
