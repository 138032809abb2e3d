// The form templates (assets/forms/, print/internal/form_template.h): a form's wording follows its
// file without a rebuild; where the files are found; a missing or broken file is an error naming the
// file and the place, never a crash or an empty page; templates load once per process from any thread.
// Each test works on its own copy of assets/forms (PdfOptions::forms_dir), since a loaded template
// stays loaded for the process.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "print/form_pdf.h"
#include "print/pdf_tools.h"
#include "print/sample_forms.h"

namespace motcua::print {
namespace {

namespace fs = std::filesystem;
using namespace testing;

class FormTemplateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(HaveTool("pdftotext")) << "pdftotext missing: install poppler-utils";
    fs::copy(fs::path(MOTCUA_ASSETS_DIR) / "forms", forms_);
  }
  // Replaces `from` (which must occur) by `to` in the copy of `file`.
  void Edit(const std::string& file, const std::string& from, const std::string& to) {
    const std::string path = forms_ + "/" + file;
    std::string text = ReadFile(path);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << "\"" << from << "\" not in " << file;
    text.replace(at, from.size(), to);
    WriteFile(path, text);
  }
  PdfOptions Options() const { return {.forms_dir = forms_}; }
  std::string TextOf(const Result<PdfDocument>& doc) {
    EXPECT_TRUE(doc.has_value()) << doc.error().Describe();
    if (!doc) return "";
    const std::string pdf = dir_.File("form.pdf");
    WriteFile(pdf, doc->bytes);
    return PdfText(pdf);
  }
  static void ExpectBadTemplate(const Result<PdfDocument>& doc, const std::string& field, const std::string& says) {
    ASSERT_FALSE(doc.has_value()) << "expected bad_template at " << field;
    EXPECT_EQ(doc.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(doc.error().rule, "bad_template");
    EXPECT_EQ(doc.error().field, field) << doc.error().detail;
    EXPECT_NE(doc.error().detail.find(says), std::string::npos) << doc.error().detail;
  }

  TempDir dir_;
  const std::string forms_ = dir_.File("forms");
};

TEST_F(FormTemplateTest, WordingFollowsTheTemplateFileWithoutARebuild) {
  // A new circular rewords the refusal's closing sentence and the receipt's fee label.
  Edit("mau03_refusal.json", "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
       "Đề nghị Ông/Bà liên hệ Bộ phận một cửa để được hướng dẫn./.");
  Edit("mau01_receipt.json", "\"fee_label\": \"Phí, lệ phí\"", "\"fee_label\": \"Lệ phí\"");
  const std::string refusal = TextOf(RenderRefusalPdf(SampleRefusal(), Options()));
  EXPECT_NE(refusal.find("Đề nghị Ông/Bà liên hệ Bộ phận một cửa để được hướng dẫn./."), std::string::npos) << refusal;
  EXPECT_EQ(refusal.find("Xin thông báo"), std::string::npos);
  ReceiptForm form = SampleReceipt();
  form.fees = {{"Lệ phí", 20000}};
  const std::string receipt = TextOf(RenderReceiptPdf(form, Options()));
  EXPECT_NE(receipt.find("7. Lệ phí: 20.000 ₫ "), std::string::npos) << receipt;
}

TEST_F(FormTemplateTest, AssetsDirectoryComesFromTheEnvironment) {
  Edit("mau04_apology.json", "Trân trọng cảm ơn sự hợp tác của Ông/Bà./.", "Trân trọng./.");
  const char* old = std::getenv("MOTCUA_ASSETS_DIR");
  const std::string saved = old ? old : "";
  setenv("MOTCUA_ASSETS_DIR", dir_.path().c_str(), 1);  // <dir>/forms is the edited copy
  const Result<PdfDocument> doc = RenderApologyPdf(SampleApology());
  if (old) setenv("MOTCUA_ASSETS_DIR", saved.c_str(), 1);
  else unsetenv("MOTCUA_ASSETS_DIR");
  const std::string text = TextOf(doc);
  EXPECT_NE(text.find("Trân trọng./."), std::string::npos) << text;
  EXPECT_EQ(text.find("cảm ơn sự hợp tác"), std::string::npos);
}

TEST_F(FormTemplateTest, MissingFilesAreNotFoundNamingTheFile) {
  fs::remove(forms_ + "/mau05_control_slip.json");
  const Result<PdfDocument> slip = RenderControlSlipPdf(SampleControlSlip(), Options());
  ASSERT_FALSE(slip.has_value());
  EXPECT_EQ(slip.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(slip.error().rule, "form_template");
  EXPECT_EQ(slip.error().field, "mau05_control_slip.json");
  EXPECT_NE(slip.error().detail.find(forms_ + "/mau05_control_slip.json"), std::string::npos) << slip.error().detail;

  fs::remove(forms_ + "/common.json");
  const Result<PdfDocument> receipt = RenderReceiptPdf(SampleReceipt(), Options());
  ASSERT_FALSE(receipt.has_value());
  EXPECT_EQ(receipt.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(receipt.error().field, "common.json");

  const Result<PdfDocument> nowhere = RenderReceiptPdf(SampleReceipt(), {.forms_dir = dir_.File("no-such-dir")});
  ASSERT_FALSE(nowhere.has_value());
  EXPECT_EQ(nowhere.error().rule, "form_template");
}

TEST_F(FormTemplateTest, JsonSyntaxErrorNamesTheLine) {
  // Line 7 of the refusal's file loses its closing quote and comma.
  const std::string text = ReadFile(forms_ + "/mau03_refusal.json");
  std::size_t line_start = 0;
  for (int line = 1; line < 7; ++line) line_start = text.find('\n', line_start) + 1;
  ASSERT_EQ(text.compare(line_start, 20, "  \"running_title\": \""), 0) << "line 7 moved: " << text.substr(line_start, 40);
  Edit("mau03_refusal.json", "(tiếp theo)\",", "(tiếp theo)");
  ExpectBadTemplate(RenderRefusalPdf(SampleRefusal(), Options()), "mau03_refusal.json:7", "mau03_refusal.json:7:40: not valid JSON");
}

TEST_F(FormTemplateTest, MistakesNameTheFileAndTheKey) {
  struct Mistake {
    std::string file, from, to, field, says;
  };
  const std::vector<Mistake> mistakes = {
      {"mau03_refusal.json", "{deciding_body|dots}", "{deciding_bodyy|dots}", "mau03_refusal.json#/blocks/10/paragraph",
       "unknown placeholder {deciding_bodyy}"},
      {"mau03_refusal.json", "{deciding_body|dots}", "{deciding_body|dotted}", "mau03_refusal.json#/blocks/10/paragraph",
       "unknown filter |dotted"},
      {"mau03_refusal.json", "\"paragraph\": \"Xin thông báo", "\"paragrph\": \"Xin thông báo",
       "mau03_refusal.json#/blocks/14", "no block kind"},
      {"mau03_refusal.json", "\"align\": \"justify\"}", "\"align\": \"justify\", \"colour\": \"red\"}",
       "mau03_refusal.json#/blocks/10/colour", "unknown key \"colour\""},
      {"mau03_refusal.json", "Xin thông báo cho", "<b>Xin thông báo cho", "mau03_refusal.json#/blocks/14/paragraph",
       "markup pango cannot read"},
      {"mau03_refusal.json", "hiện hành, {deciding_body|dots}", "hiện hành, [{deciding_body|dots}",
       "mau03_refusal.json#/blocks/10/paragraph", "a [ without its ]"},
      {"mau03_refusal.json", "\"if\": \"dossier_code\"", "\"if\": \"dossier_code and\"", "mau03_refusal.json#/blocks/2/if",
       "the condition ends too early"},
      {"mau03_refusal.json", "\"each\": \"reasons\"", "\"each\": \"reason\"", "mau03_refusal.json#/blocks/12/each",
       "\"reason\" is not a list"},
      {"mau03_refusal.json", "\"sign_space\": 34", "\"sign_space\": \"34\"", "mau03_refusal.json#/blocks/15/sign_space",
       "expected a number"},
      {"mau01_receipt.json", "\"fee_total\": \"tổng cộng: <b>{total}</b>\"", "\"fee_totl\": \"tổng cộng: <b>{total}</b>\"",
       "mau01_receipt.json#/phrases/fee_total", "missing key \"fee_total\""},
      {"mau01_receipt.json", "\"copies\": \"{count} bản sao\"", "\"copies\": \"{number} bản sao\"",
       "mau01_receipt.json#/phrases/copies", "unknown placeholder {number}"},
      {"mau05_control_slip.json", "{\"width\": 118}", "{\"width\": 400}", "mau05_control_slip.json#/blocks/11/table/columns",
       "the columns need at least"},
      {"mau06_tracking_book.json", "{\"text\": \"<b>Ngày, tháng, năm</b>\", \"columns\": 5}",
       "{\"text\": \"<b>Ngày, tháng, năm</b>\", \"columns\": 4}", "mau06_tracking_book.json#/blocks/2/table/header",
       "header row 1 leaves column 14 empty"},
  };
  for (const Mistake& m : mistakes) {
    SCOPED_TRACE(m.file + ": " + m.to);
    TempDir dir;
    const std::string forms = dir.File("forms");
    fs::copy(fs::path(MOTCUA_ASSETS_DIR) / "forms", forms);
    std::string text = ReadFile(forms + "/" + m.file);
    const std::size_t at = text.find(m.from);
    ASSERT_NE(at, std::string::npos) << m.from;
    text.replace(at, m.from.size(), m.to);
    WriteFile(forms + "/" + m.file, text);
    const PdfOptions options{.forms_dir = forms};
    if (m.file == "mau01_receipt.json") ExpectBadTemplate(RenderReceiptPdf(SampleReceipt(), options), m.field, m.says);
    if (m.file == "mau03_refusal.json") ExpectBadTemplate(RenderRefusalPdf(SampleRefusal(), options), m.field, m.says);
    if (m.file == "mau05_control_slip.json")
      ExpectBadTemplate(RenderControlSlipPdf(SampleControlSlip(), options), m.field, m.says);
    if (m.file == "mau06_tracking_book.json")
      ExpectBadTemplate(RenderTrackingBookPdf(SampleTrackingBook(2), options), m.field, m.says);
  }
}

TEST_F(FormTemplateTest, ABrokenCommonFileIsReportedThere) {
  Edit("common.json", "\"page_number\": \"Trang {page}/{pages}\"", "\"page_number\": \"Trang {page}/{pagez}\"");
  ExpectBadTemplate(RenderRefusalPdf(SampleRefusal(), Options()), "common.json#/page_number", "unknown placeholder {pagez}");
}

// The template language, worked through the refusal's closing line: optional parts, flags and
// lists inside them, alternatives, conditions with not/and/or/( ), literal brackets and braces, and
// values escaped wherever they land.
TEST_F(FormTemplateTest, TextsPrintOptionalPartsAlternativesAndEscapedValues) {
  Edit("mau03_refusal.json", "{\"paragraph\": \"Xin thông báo cho Ông/Bà được biết và thực hiện./.\"}",
       "{\"paragraph\": \"A[ có mã {dossier_code}][ đơn vị {receiving_unit}] {{x}} [[y]] B\"},"
       "{\"paragraph\": [{\"if\": \"not dossier_code and (receiving_unit or reasons)\", \"text\": \"C1 {receiving_unit|dots}\"},"
       "                 {\"text\": \"C2 {receiving_unit|short_dots}\"}]},"
       "{\"line\": \"D có lý do\", \"if\": \"reasons\"}");
  RefusalForm form = SampleRefusal();
  form.dossier_code.clear();
  form.receiving_unit = "Quầy <3> & \"A\"";
  const std::string text = TextOf(RenderRefusalPdf(form, Options()));
  EXPECT_NE(text.find("A đơn vị Quầy <3> & \"A\" {x} [y] B"), std::string::npos) << text;
  EXPECT_NE(text.find("C1 Quầy <3> & \"A\""), std::string::npos) << text;
  EXPECT_NE(text.find("D có lý do"), std::string::npos) << text;

  form.dossier_code = "X-1";
  form.receiving_unit.clear();
  const std::string other = TextOf(RenderRefusalPdf(form, Options()));
  EXPECT_NE(other.find("A có mã X-1 {x} [y] B"), std::string::npos) << other;
  EXPECT_NE(other.find("C2 ……………"), std::string::npos) << other;
}

TEST_F(FormTemplateTest, LoadsOncePerProcessFromManyThreads) {
  // Four threads print at once from a directory nobody has loaded: one load, the same bytes.
  std::vector<Result<PdfDocument>> out(4, Result<PdfDocument>(Invalid("", "", "not run")));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < out.size(); ++i)
    threads.emplace_back([&, i] { out[i] = RenderReceiptPdf(SampleReceipt(), Options()); });
  for (std::thread& t : threads) t.join();
  for (const auto& r : out) {
    ASSERT_TRUE(r.has_value()) << r.error().Describe();
    EXPECT_EQ(r->bytes, out[0]->bytes);
  }
  // Loaded: the file is not read again (an edit takes effect at the next start of the app).
  fs::remove(forms_ + "/mau01_receipt.json");
  EXPECT_TRUE(RenderReceiptPdf(SampleReceipt(), Options()).has_value());
}

TEST_F(FormTemplateTest, AFixedFileIsReadAtTheNextPrint) {
  Edit("mau04_apology.json", "\"blocks\": [", "\"blocks\": [ {\"lin\": \"x\"},");
  ASSERT_FALSE(RenderApologyPdf(SampleApology(), Options()).has_value());
  Edit("mau04_apology.json", "{\"lin\": \"x\"},", "");
  EXPECT_TRUE(RenderApologyPdf(SampleApology(), Options()).has_value());
}

TEST_F(FormTemplateTest, InputErrorsStillNameTheFieldWithATemplateLoaded) {
  ResultHandoverForm form = SampleResultHandover();
  form.results.push_back("Gi\xE1\xBA");
  const Result<PdfDocument> r = RenderResultHandoverPdf(form, Options());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field, "results[2]");
  EXPECT_EQ(r.error().rule, "bad_utf8");
}

}  // namespace
}  // namespace motcua::print
