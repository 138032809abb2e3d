// The PDF writers (print/form_pdf.h), checked through poppler: pdfinfo for pages and paper size,
// pdftotext for the exact Vietnamese text, pdftotext -bbox for "nothing off the page", pdftoppm for
// the rendered QR (decoded with scan::DecodeQr), pdffonts for the embedded faces.
#include "print/form_pdf.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <random>

#include "common/text.h"
#include "print/pdf_tools.h"
#include "print/sample_forms.h"
#include "scan/qr_image.h"

namespace motcua::print {
namespace {

using namespace testing;

// A5 is 148 x 210 mm = 419.53 x 595.28 pt; A4 210 x 297 mm = 595.28 x 841.89 pt.
constexpr double kA5W = 419.53, kA5H = 595.28, kA4W = 595.28, kA4H = 841.89;

class FormPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm", "pdffonts"})
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " missing: install poppler-utils";
  }
  // Writes with the given writer and fails the test on an error.
  template <class Form, class Writer>
  std::string Write(const Form& form, Writer writer, const std::string& name) {
    const std::string path = dir_.File(name);
    const Status s = writer(form, path, PdfOptions{});
    EXPECT_TRUE(s.has_value()) << s.error().Describe();
    return path;
  }
  // Every word lies inside the page, away from the edges (nothing clipped, nothing in the bleed).
  static void ExpectAllWordsInsidePages(const std::string& pdf) {
    const auto words = PdfWords(pdf);
    ASSERT_FALSE(words.empty());
    for (const Word& w : words) {
      EXPECT_GE(w.x_min, 10.0) << "page " << w.page << " word \"" << w.text << "\"";
      EXPECT_LE(w.x_max, w.page_width - 10.0) << "page " << w.page << " word \"" << w.text << "\"";
      EXPECT_GE(w.y_min, 10.0) << "page " << w.page << " word \"" << w.text << "\"";
      EXPECT_LE(w.y_max, w.page_height - 10.0) << "page " << w.page << " word \"" << w.text << "\"";
    }
  }
  TempDir dir_;
};

// ---- Mẫu 01 ------------------------------------------------------------------------------------

TEST_F(FormPdfTest, ReceiptIsTwoA5PagesOneCopyEach) {
  const std::string pdf = Write(SampleReceipt(), WriteReceiptPdf, "receipt.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  EXPECT_EQ(info.pages, 2) << info.raw;
  EXPECT_NEAR(info.width_pt, kA5W, 0.05);
  EXPECT_NEAR(info.height_pt, kA5H, 0.05);
  EXPECT_NEAR(info.width_pt, kA5W, 0.05);
  const std::string page1 = PdfText(pdf, 1), page2 = PdfText(pdf, 2);
  EXPECT_NE(page1.find("(Liên 1: Lưu)"), std::string::npos) << page1;
  EXPECT_EQ(page1.find("Liên 2"), std::string::npos);
  EXPECT_NE(page2.find("(Liên 2: Giao người nộp hồ sơ)"), std::string::npos) << page2;
  // The two copies carry the same content.
  for (const std::string& page : {page1, page2}) {
    EXPECT_NE(page.find(kDossierCode), std::string::npos);
    EXPECT_NE(page.find("NGƯỜI NỘP HỒ SƠ"), std::string::npos);
    EXPECT_NE(page.find("NGƯỜI TIẾP NHẬN HỒ SƠ"), std::string::npos);
  }
}

TEST_F(FormPdfTest, ReceiptTextKeepsEveryVietnameseDiacritic) {
  const std::string pdf = Write(SampleReceipt(), WriteReceiptPdf, "receipt.pdf");
  const std::string text = PdfText(pdf, 1);
  for (const char* expected : {
           "UBND TỈNH TUYÊN QUANG", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Tuyên Quang, ngày 12 tháng 3 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
           "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Mã hồ sơ:", "000.00.00.H60-260312-0001",
           "Mã tra cứu: 7KQM", "Tiếp nhận hồ sơ của: Nguyễn Thị Hằng", "Số CCCD/Mã số thuế: 008190001234",
           "Nội dung yêu cầu giải quyết: Đăng ký thường trú", "1. Thành phần hồ sơ nộp gồm:",
           "1) Tờ khai thay đổi thông tin cư trú (Mẫu CT01) (01 bản chính)",
           "xuất trình bản chính để đối chiếu", "tái sử dụng kết quả số 000.00.00.H60-250110-0042",
           "2. Số lượng hồ sơ: 01 bộ", "3. Thời gian giải quyết hồ sơ theo quy định: 07 ngày làm việc",
           "4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 12 tháng 03 năm 2026",
           "5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 30 phút, ngày 23 tháng 03 năm 2026",
           "6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả",
           "7. Phí, lệ phí: Lệ phí đăng ký cư trú: 20.000 ₫", "Vào Sổ theo dõi hồ sơ, Quyển số: 01, Số thứ tự: 125",
           "Trần Văn Đức"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
  }
}

TEST_F(FormPdfTest, ReceiptPrintsNfcEvenFromDecomposedInput) {
  ReceiptForm form = SampleReceipt();
  // "Nguyễn Thị Hằng" typed with combining marks (NFD), as some scanners and IMEs deliver it.
  form.applicant.name = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Ha\xCC\x86\xCC\x80ng";
  ASSERT_NE(form.applicant.name, "Nguyễn Thị Hằng");
  const std::string pdf = Write(form, WriteReceiptPdf, "nfd.pdf");
  const std::string text = PdfText(pdf, 1);
  EXPECT_NE(text.find("Nguyễn Thị Hằng"), std::string::npos) << text;
  EXPECT_EQ(text.find("\xCC\x82"), std::string::npos) << "combining circumflex left in the text";
}

TEST_F(FormPdfTest, ReceiptQrDecodesToTheTokenOnBothCopies) {
  const std::string pdf = Write(SampleReceipt(), WriteReceiptPdf, "receipt.pdf");
  for (int page : {1, 2}) {
    const scan::GrayImage img = RenderGray(pdf, page, 150);
    ASSERT_GT(img.width, 0) << "pdftoppm failed on page " << page;
    // A5 at 150 dpi: 874 x 1240 pixels.
    EXPECT_NEAR(img.width, 874, 1);
    EXPECT_NEAR(img.height, 1240, 1);
    const auto decoded = scan::DecodeQr(img, {.try_harder = false, .try_rotate = false});
    ASSERT_TRUE(decoded.has_value()) << "page " << page << ": " << decoded.error().Describe();
    EXPECT_EQ(*decoded, kQrToken);
  }
}

TEST_F(FormPdfTest, ReceiptQrStillDecodesAtKioskCameraLikeResolution) {
  // 100 dpi is about what a 1280x720 camera sees of an A5 sheet held at arm's length.
  const std::string pdf = Write(SampleReceipt(), WriteReceiptPdf, "receipt.pdf");
  const auto decoded = scan::DecodeQr(RenderGray(pdf, 1, 100));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().Describe();
  EXPECT_EQ(*decoded, kQrToken);
}

TEST_F(FormPdfTest, ReceiptEmbedsNotoSansAndTheMonospaceFace) {
  const std::string pdf = Write(SampleReceipt(), WriteReceiptPdf, "receipt.pdf");
  const std::string fonts = testing::Run("pdffonts " + pdf).output;
  EXPECT_NE(fonts.find("NotoSans-Regular"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("NotoSans-Bold"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("DejaVuSansMono-Bold"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find(" no "), std::string::npos) << "every font must be embedded:\n" << fonts;
}

TEST_F(FormPdfTest, ReceiptWith25ComponentsFlowsToMorePagesWithoutClipping) {
  ReceiptForm form = SampleReceipt();
  form.components.clear();
  for (int i = 1; i <= 25; ++i)
    form.components.push_back({.name = "Thành phần số " + std::to_string(i) +
                                       ": bản sao giấy tờ chứng minh thông tin nhân thân và quan hệ gia đình "
                                       "của người đăng ký thường trú tại địa chỉ mới",
                               .originals = i % 2, .copies = 1, .shown_only = i % 5 == 0});
  const std::string pdf = Write(form, WriteReceiptPdf, "long.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  ASSERT_GT(info.pages, 2);
  ASSERT_EQ(info.pages % 2, 0) << "both copies must take the same number of pages";
  const int per_copy = info.pages / 2;
  const std::string all = PdfText(pdf);
  for (int i = 1; i <= 25; ++i) {
    const std::string marker = "Thành phần số " + std::to_string(i) + ":";
    EXPECT_EQ(CountOf(all, marker), 2) << marker;
  }
  // Each copy ends with its signatures and notes, and continuation pages say so.
  EXPECT_EQ(CountOf(all, "NGƯỜI TIẾP NHẬN HỒ SƠ"), 2);
  EXPECT_EQ(CountOf(all, "qua dịch vụ bưu chính công ích."), 2);
  EXPECT_NE(PdfText(pdf, 2).find("(tiếp theo)"), std::string::npos);
  EXPECT_NE(PdfText(pdf, 1).find("Trang 1/" + std::to_string(per_copy)), std::string::npos);
  EXPECT_NE(PdfText(pdf, per_copy + 1).find("Liên 2"), std::string::npos);
  ExpectAllWordsInsidePages(pdf);
  SavePng(pdf, 2, 110, ArtifactsDir() + "/mau01_receipt_25_components_p2.png");
}

// The smallest type a receipt may use (form_pdf.h): body 7.5 pt, notes 7 pt. pdftotext -bbox gives
// a word the height of its font's ascent + descent: 1.362 x the size for Noto Sans.
constexpr double kNotoBoxPerPt = 1.362;
void ExpectNoTextBelow(const std::string& pdf, double min_pt) {
  for (const Word& w : PdfWords(pdf)) {
    if (w.text.find("…") != std::string::npos || w.text == "7KQM") continue;  // dots and the mono secret
    EXPECT_GE(w.y_max - w.y_min, min_pt * kNotoBoxPerPt - 0.05) << "page " << w.page << " word \"" << w.text << "\"";
  }
}

// Issue 16: the demo dossier (DemoReceipt, sample_forms.h) made a 4-page receipt: each copy's notes
// spilled onto a page of their own. Each copy now fits its page, signatures and notes included.
TEST_F(FormPdfTest, ReceiptOfTheDemoDossierIsOnePagePerCopyWithItsSignatures) {
  const std::string pdf = Write(DemoReceipt(), WriteReceiptPdf, "demo.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  ASSERT_EQ(info.pages, 2) << "one page per copy";
  for (int page : {1, 2}) {
    const std::string text = PdfText(pdf, page);
    EXPECT_NE(text.find(page == 1 ? "(Liên 1: Lưu)" : "(Liên 2: Giao người nộp hồ sơ)"), std::string::npos) << text;
    for (const char* expected : {"4) Tờ khai thay đổi thông tin cư trú", "7. Phí, lệ phí: 20.000 ₫",
                                 "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Nguyễn Thị Mẫu", "demo",
                                 "Ghi chú:", "qua dịch vụ bưu chính công ích."})
      EXPECT_NE(text.find(expected), std::string::npos) << "page " << page << " lacks \"" << expected << "\":\n" << text;
    EXPECT_EQ(text.find("Phí, lệ phí: Phí, lệ phí"), std::string::npos) << text;
    EXPECT_EQ(text.find("Trang "), std::string::npos) << "a one-page copy has no page numbers";
  }
  ExpectAllWordsInsidePages(pdf);
  ExpectNoTextBelow(pdf, 7);
  // People look at these (build/artifacts/screens/receipt-demo-p1.png, -p2.png).
  const std::string screens = ArtifactsDir() + "/../screens";
  std::filesystem::create_directories(screens);
  for (int page : {1, 2})
    EXPECT_TRUE(SavePng(pdf, page, 110, screens + "/receipt-demo-p" + std::to_string(page) + ".png"));
}

TEST_F(FormPdfTest, ReceiptKeepsBodyTextReadableWhileFitting) {
  // The densest layout still sets the papers' names at 7.5 pt or more.
  const std::string pdf = Write(DemoReceipt(), WriteReceiptPdf, "demo.pdf");
  for (const Word& w : PdfWords(pdf))
    if (w.text == "Thông" || w.text == "Nội" || w.text == "NGƯỜI")
      EXPECT_GE(w.y_max - w.y_min, 7.5 * kNotoBoxPerPt - 0.05) << "page " << w.page << " word \"" << w.text << "\"";
}

TEST_F(FormPdfTest, ReceiptThatCannotFitAtTheFloorFlowsWithWholeSignatureBlocks) {
  // Twelve papers with the portal's full names (1.004222, tthc-components-fixes.json, items 4 and 14
  // run past 100 words): no readable layout holds them on one A5 page.
  ReceiptForm form = DemoReceipt();
  form.components.clear();
  for (int i = 0; i < 12; ++i)
    form.components.push_back(
        {.name = "Thông tin chứng minh về chỗ ở hợp pháp được khai thác trong căn cước điện tử, tài khoản định "
                 "danh điện tử trên hệ thống định danh và xác thực điện tử qua Ứng dụng định danh quốc gia hoặc "
                 "trong Cơ sở dữ liệu quốc gia về dân cư, Cơ sở dữ liệu về cư trú (giấy số " + std::to_string(i + 1) + ")",
         .originals = 1});
  const std::string pdf = Write(form, WriteReceiptPdf, "long.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  ASSERT_EQ(info.pages, 4) << "two pages per copy";
  EXPECT_NE(PdfText(pdf, 1).find("Trang 1/2"), std::string::npos);
  for (int page : {2, 4}) {
    const std::string text = PdfText(pdf, page);
    EXPECT_NE(text.find("(tiếp theo)"), std::string::npos) << text;
    EXPECT_NE(text.find("NGƯỜI TIẾP NHẬN HỒ SƠ"), std::string::npos) << text;
    EXPECT_NE(text.find("demo"), std::string::npos) << "the officer's name stays with the signature";
  }
  ExpectAllWordsInsidePages(pdf);
  ExpectNoTextBelow(pdf, 7);
}

TEST_F(FormPdfTest, ReceiptQrCaptionSendsToTheKioskUnlessALookupAddressIsSet) {
  // The QR holds a receipt token, not an address: only the center's kiosk reads it.
  const std::string kiosk_only = PdfText(Write(SampleReceipt(), WriteReceiptPdf, "kiosk.pdf"), 1);
  EXPECT_NE(kiosk_only.find("Tra cứu, đánh giá tại ki-ốt của Trung tâm: quét mã QR này hoặc nhập mã hồ sơ và mã "
                            "tra cứu."),
            std::string::npos)
      << kiosk_only;
  EXPECT_EQ(kiosk_only.find("điện thoại)"), std::string::npos) << "no phone scan is offered";
  ReceiptForm form = SampleReceipt();
  form.lookup_address = "https://dichvucong.tuyenquang.gov.vn/tra-cuu";
  const std::string both = PdfText(Write(form, WriteReceiptPdf, "address.pdf"), 1);
  EXPECT_NE(both.find("Tra cứu, đánh giá: quét mã QR này tại ki-ốt của Trung tâm, hoặc nhập mã hồ sơ và mã tra "
                      "cứu tại ki-ốt hay tại https://dichvucong.tuyenquang.gov.vn/tra-cuu."),
            std::string::npos)
      << both;
  ReceiptForm no_qr = SampleReceipt();
  no_qr.qr_token.clear();
  EXPECT_EQ(PdfText(Write(no_qr, WriteReceiptPdf, "no_qr.pdf"), 1).find("Tra cứu, đánh giá"), std::string::npos);
}

TEST_F(FormPdfTest, ReceiptFeeNamedLikeItsLabelPrintsTheAmountOnly) {
  ReceiptForm form = SampleReceipt();
  form.fees = {{"Phí, lệ phí", 20000}};
  EXPECT_NE(PdfText(Write(form, WriteReceiptPdf, "one.pdf"), 1).find("7. Phí, lệ phí: 20.000 ₫ "), std::string::npos);
  form.fees = {{"phí, lệ phí:", 20000}, {"", 5000}, {"Lệ phí cấp bản sao", 3000}};
  const std::string text = PdfText(Write(form, WriteReceiptPdf, "three.pdf"), 1);
  EXPECT_NE(text.find("7. Phí, lệ phí: 20.000 ₫; 5.000 ₫; Lệ phí cấp bản sao: 3.000 ₫; tổng cộng: 28.000 ₫"),
            std::string::npos)
      << text;
  EXPECT_EQ(CountOf(text, "hí, lệ phí"), 1) << text;
}

// Property: whatever the list (0-40 components, names 1-60 words), each copy holds every component
// exactly once, the copies have equal page counts, and no word leaves the page.
TEST_F(FormPdfTest, ReceiptOfAnyComponentListKeepsEveryLineOnThePage) {
  const unsigned seed = 20260312;
  std::mt19937 rng(seed);
  const std::vector<std::string> words = {"giấy", "tờ", "chứng", "minh", "chỗ", "ở", "hợp", "pháp", "bản",
                                          "sao", "Quyết", "định", "của", "Ủy", "ban", "nhân", "dân", "tỉnh",
                                          "Tuyên", "Quang", "về", "việc", "cấp", "đổi", "Giấy", "khai", "sinh"};
  for (int round = 0; round < 8; ++round) {
    ReceiptForm form = SampleReceipt();
    form.components.clear();
    const int n = std::uniform_int_distribution<int>(0, 40)(rng);
    std::string description = "seed " + std::to_string(seed) + " round " + std::to_string(round) + ": " +
                              std::to_string(n) + " components, word counts";
    for (int i = 0; i < n; ++i) {
      const int len = std::uniform_int_distribution<int>(1, 60)(rng);
      std::string name = "TP" + std::to_string(i + 1) + "#";
      for (int w = 0; w < len; ++w) name += " " + words[rng() % words.size()];
      description += " " + std::to_string(len);
      form.components.push_back({.name = name, .copies = int(rng() % 3)});
    }
    SCOPED_TRACE(description);
    const std::string pdf = Write(form, WriteReceiptPdf, "prop" + std::to_string(round) + ".pdf");
    const PdfInfo info = GetPdfInfo(pdf);
    EXPECT_EQ(info.pages % 2, 0);
    const std::string all = PdfText(pdf);
    for (int i = 0; i < n; ++i) EXPECT_EQ(CountOf(all, "TP" + std::to_string(i + 1) + "#"), 2) << "component " << i + 1;
    ExpectAllWordsInsidePages(pdf);
  }
}

TEST_F(FormPdfTest, ReceiptWithoutCopyLabelsIsOnePage) {
  ReceiptForm form = SampleReceipt();
  form.copy_labels.clear();
  const std::string pdf = Write(form, WriteReceiptPdf, "one.pdf");
  EXPECT_EQ(GetPdfInfo(pdf).pages, 1);
  EXPECT_EQ(PdfText(pdf).find("Liên"), std::string::npos);
}

TEST_F(FormPdfTest, ReceiptForPostalDeliveryPrintsTheAddress) {
  ReceiptForm form = SampleReceipt();
  form.delivery = {ResultDelivery::Kind::kPostal, "Số 12 đường Chiến Thắng Sông Lô, phường Minh Xuân"};
  form.due_at.reset();
  const std::string text = PdfText(Write(form, WriteReceiptPdf, "postal.pdf"), 1);
  EXPECT_NE(text.find("qua dịch vụ bưu chính công ích, địa chỉ: Số 12 đường Chiến Thắng Sông Lô"), std::string::npos)
      << text;
  EXPECT_NE(text.find("5. Thời gian trả kết quả giải quyết hồ sơ: …… giờ …… phút"), std::string::npos) << text;
}

TEST_F(FormPdfTest, RenderingTwiceGivesIdenticalBytes) {
  // A reprint must be the same document: no clock, no random ids.
  const auto a = RenderReceiptPdf(SampleReceipt());
  const auto b = RenderReceiptPdf(SampleReceipt());
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_EQ(a->page_count, 2);
  EXPECT_EQ(a->bytes, b->bytes);
}

// ---- Mẫu 02-05 ---------------------------------------------------------------------------------

TEST_F(FormPdfTest, SupplementRequestListsWhatToAddWithCountsAndReasons) {
  const std::string pdf = Write(SampleSupplementRequest(), WriteSupplementRequestPdf, "mau02.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  EXPECT_NEAR(info.width_pt, kA5W, 0.05);
  EXPECT_EQ(info.pages, 1);
  const std::string text = PdfText(pdf);
  for (const char* expected :
       {"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Số: 15/HDHS", "Tiếp nhận hồ sơ của: Nguyễn Thị Hằng",
        "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", "Bản chính", "Bản sao chứng thực", "Bản photo",
        "Văn bản đồng ý cho đăng ký thường trú của chủ hộ", "Tờ khai đã nộp thiếu chữ ký của chủ hộ",
        "Lý do: Hồ sơ chưa có ý kiến đồng ý của chủ hộ theo khoản 1 Điều 21 Luật Cư trú 2020.",
        "số điện thoại 0207 3822 123", "NGƯỜI HƯỚNG DẪN"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
  ExpectAllWordsInsidePages(pdf);
}

TEST_F(FormPdfTest, SupplementTableOf40RowsRepeatsItsHeaderOnEveryPage) {
  SupplementRequestForm form = SampleSupplementRequest();
  form.items.clear();
  for (int i = 1; i <= 40; ++i)
    form.items.push_back({.name = "Giấy tờ cần bổ sung số " + std::to_string(i), .originals = 1, .copies = i % 3});
  const std::string pdf = Write(form, WriteSupplementRequestPdf, "mau02_long.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  ASSERT_GE(info.pages, 2);
  for (int p = 1; p <= info.pages; ++p) {
    const std::string page = PdfText(pdf, p);
    if (page.find("Giấy tờ cần bổ sung số") == std::string::npos) continue;  // the signature page
    EXPECT_NE(page.find("Thành phần hồ sơ cần bổ sung, hoàn thiện"), std::string::npos) << "page " << p;
  }
  const std::string all = PdfText(pdf);
  for (int i = 1; i <= 40; ++i) EXPECT_EQ(CountOf(all, "Giấy tờ cần bổ sung số " + std::to_string(i) + " "), 1) << i;
  ExpectAllWordsInsidePages(pdf);
}

TEST_F(FormPdfTest, RefusalStatesTheReasons) {
  const std::string pdf = Write(SampleRefusal(), WriteRefusalPdf, "mau03.pdf");
  EXPECT_NEAR(GetPdfInfo(pdf).width_pt, kA5W, 0.05);
  const std::string text = PdfText(pdf);
  for (const char* expected :
       {"PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Công an phường Minh Xuân từ chối tiếp nhận, giải quyết hồ sơ",
        "1. Chỗ ở đề nghị đăng ký thường trú", "Điều 23 Luật Cư trú 2020",
        "Xin thông báo cho Ông/Bà được biết và thực hiện./.", "NGƯỜI TIẾP NHẬN HỒ SƠ"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
}

TEST_F(FormPdfTest, ApologyGivesOriginalAndNewDatesAndReason) {
  const std::string pdf = Write(SampleApology(), WriteApologyPdf, "mau04.pdf");
  EXPECT_NEAR(GetPdfInfo(pdf).width_pt, kA5W, 0.05);
  const std::string text = PdfText(pdf);
  for (const char* expected :
       {"PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 02/PXL", "Kính gửi: Nguyễn Thị Hằng",
        "Tuyên Quang, ngày 20 tháng 3 năm 2026", "08 giờ 30 phút, ngày 23 tháng 03 năm 2026",
        "14 giờ 00 phút, ngày 27 tháng 03 năm 2026", "cần xác minh thêm thông tin về chỗ ở hợp pháp",
        "xin lỗi Ông/Bà", "TRƯỞNG CÔNG AN PHƯỜNG", "Lê Quang Vinh"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
}

TEST_F(FormPdfTest, ControlSlipTabulatesEveryHandover) {
  const std::string pdf = Write(SampleControlSlip(), WriteControlSlipPdf, "mau05.pdf");
  EXPECT_NEAR(GetPdfInfo(pdf).width_pt, kA5W, 0.05);
  const std::string text = PdfText(pdf);
  for (const char* expected :
       {"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "GHI CHÚ", "1. Giao: Bộ phận TN&TKQ", "2. Nhận: Công an phường Minh Xuân",
        "14 giờ 10 phút, ngày 12 tháng 03 năm 2026", "Đúng hạn", "Trước hạn", "Trả trước hạn 01 ngày",
        "Phạm Thu Trang"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
  ExpectAllWordsInsidePages(pdf);
}

// ---- Mẫu 06 and the postal manifest ------------------------------------------------------------

TEST_F(FormPdfTest, TrackingBookIsA4LandscapeWithNumberedPages) {
  const std::string pdf = Write(SampleTrackingBook(60), WriteTrackingBookPdf, "mau06.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  EXPECT_NEAR(info.width_pt, kA4H, 0.05);
  EXPECT_NEAR(info.height_pt, kA4W, 0.05);
  ASSERT_GE(info.pages, 3);
  for (int p = 1; p <= info.pages; ++p) {
    const std::string page = PdfText(pdf, p);
    EXPECT_NE(page.find("Trang " + std::to_string(p) + "/" + std::to_string(info.pages)), std::string::npos)
        << "page " << p << ": " << page;
    EXPECT_NE(page.find("Hẹn trả kết quả"), std::string::npos) << "header missing on page " << p;
  }
  const std::string all = PdfText(pdf);
  EXPECT_NE(all.find("SỔ THEO DÕI HỒ SƠ"), std::string::npos);
  EXPECT_NE(all.find("Quyển số: 01 — Năm 2026"), std::string::npos) << all.substr(0, 600);
  for (int i = 1; i <= 60; ++i) {
    char code[40];
    std::snprintf(code, sizeof code, "-%04d", i);
    EXPECT_EQ(CountOf(all, code), 1) << code;
  }
  // The journal's anchor, once, under the last row (store/journal.h (5)).
  const std::string last = PdfText(pdf, info.pages);
  EXPECT_NE(last.find("Nhật ký điện tử đến sự kiện số 1.234, mã 3f9a2b7c 91d0e4aa 5b6c0d1e 22ff8a90"), std::string::npos)
      << last;
  EXPECT_EQ(CountOf(all, "Nhật ký điện tử"), 1);
  ExpectAllWordsInsidePages(pdf);
}

TEST(JournalAnchorText, GroupsTheFirst128BitsOfTheHash) {
  EXPECT_EQ(JournalAnchorText(57, "006b2804790ea858d06fdfad6c7cb0509a7f1e3b2c4d5e6f7a8b9c0d1e2f3a4b"),
            "Nhật ký điện tử đến sự kiện số 57, mã 006b2804 790ea858 d06fdfad 6c7cb050 (motcua journal verify)");
}

TEST_F(FormPdfTest, InboundManifestNamesParcelsAndTheLegalFilingTime) {
  const std::string pdf =
      Write(SampleManifest(HandoverManifestForm::Direction::kPostalToCenter, 6), WriteHandoverManifestPdf, "in.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  EXPECT_EQ(info.size_name, "A4");
  EXPECT_NEAR(info.width_pt, kA4W, 0.05);
  const std::string text = PdfText(pdf);
  for (const char* expected :
       {"BIÊN BẢN GIAO NHẬN HỒ SƠ", "Hôm nay, vào hồi 09 giờ 15 phút, ngày 12 tháng 03 năm 2026",
        "BÊN GIAO: Bưu điện tỉnh Tuyên Quang", "BÊN NHẬN: Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang",
        "Số phiếu gửi", "EB123456700VN", "EB123456705VN", "Người gửi",
        "Thời điểm ký Biên bản này là thời điểm tiếp nhận hồ sơ", "Tổng cộng: 06 hồ sơ",
        "ĐẠI DIỆN BÊN GIAO", "ĐẠI DIỆN BÊN NHẬN", "Hà Văn Sơn"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
}

TEST_F(FormPdfTest, OutboundManifestHandsResultsToThePostalWorker) {
  const std::string pdf =
      Write(SampleManifest(HandoverManifestForm::Direction::kCenterToPostal, 3), WriteHandoverManifestPdf, "out.pdf");
  const std::string text = PdfText(pdf);
  for (const char* expected :
       {"BIÊN BẢN GIAO NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "BÊN GIAO: Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang", "BÊN NHẬN: Bưu điện tỉnh Tuyên Quang",
        "Người nhận", "000.00.00.H60-260312-0012", "Tổng cộng: 03 kết quả"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing \"" << expected << "\" in:\n" << text;
  EXPECT_EQ(text.find("thời điểm tiếp nhận hồ sơ"), std::string::npos);
}

TEST_F(FormPdfTest, ManifestOf80ParcelsFlowsAndKeepsSignaturesTogether) {
  const std::string pdf =
      Write(SampleManifest(HandoverManifestForm::Direction::kPostalToCenter, 80), WriteHandoverManifestPdf, "big.pdf");
  const PdfInfo info = GetPdfInfo(pdf);
  ASSERT_GE(info.pages, 2);
  const std::string last = PdfText(pdf, info.pages);
  EXPECT_NE(last.find("ĐẠI DIỆN BÊN GIAO"), std::string::npos);
  EXPECT_NE(last.find("Hà Văn Sơn"), std::string::npos) << "the signer's name must stay with the signature block";
  EXPECT_NE(last.find("Tổng cộng: 80 hồ sơ"), std::string::npos);
  ExpectAllWordsInsidePages(pdf);
}

// ---- Errors ------------------------------------------------------------------------------------

TEST_F(FormPdfTest, UnwritablePathIsUnavailableNamingThePath) {
  const std::string missing_dir = dir_.File("no-such-dir/receipt.pdf");
  const Status s = WriteReceiptPdf(SampleReceipt(), missing_dir);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().field, "path");
  EXPECT_EQ(s.error().rule, "unwritable_path");
  EXPECT_NE(s.error().detail.find(missing_dir), std::string::npos) << s.error().detail;

  WriteFile(dir_.File("plain-file"), "x");
  const Status under_file = WriteReceiptPdf(SampleReceipt(), dir_.File("plain-file/receipt.pdf"));
  ASSERT_FALSE(under_file.has_value());
  EXPECT_EQ(under_file.error().rule, "unwritable_path");
}

TEST_F(FormPdfTest, FailedWriteLeavesTheOldFileWholeAndNoTempFile) {
  const std::string path = dir_.File("receipt.pdf");
  WriteFile(path, "the earlier receipt");
  // Simulate a full disk: the file-size limit makes write() fail with EFBIG past 4 KiB.
  struct rlimit old_limit;
  getrlimit(RLIMIT_FSIZE, &old_limit);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  const Status s = WriteReceiptPdf(SampleReceipt(), path);
  setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);

  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(s.error().field, "path");
  EXPECT_EQ(s.error().rule, "write_failed");
  EXPECT_NE(s.error().detail.find(path), std::string::npos);
  EXPECT_EQ(ReadFile(path), "the earlier receipt");
  int entries = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_.path())) {
    ++entries;
    EXPECT_EQ(e.path().filename(), "receipt.pdf") << "left behind: " << e.path();
  }
  EXPECT_EQ(entries, 1);
}

TEST_F(FormPdfTest, WriteReplacesAnExistingFileWhole) {
  const std::string path = dir_.File("receipt.pdf");
  WriteFile(path, "old");
  ASSERT_TRUE(WriteReceiptPdf(SampleReceipt(), path).has_value());
  const auto expected = RenderReceiptPdf(SampleReceipt());
  ASSERT_TRUE(expected.has_value());
  EXPECT_EQ(ReadFile(path), expected->bytes);
}

void ExpectInvalid(const Status& s, const std::string& field, const std::string& rule) {
  ASSERT_FALSE(s.has_value()) << "expected " << field << "/" << rule;
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(s.error().field, field);
  EXPECT_EQ(s.error().rule, rule);
}

Status StatusOf(const Result<PdfDocument>& r) { return r ? Ok() : Status(r.error()); }

TEST(FormPdfErrors, MissingRequiredFieldsNameTheField) {
  ReceiptForm no_code = SampleReceipt();
  no_code.dossier_code = "  ";
  ExpectInvalid(StatusOf(RenderReceiptPdf(no_code)), "dossier_code", "required");

  ReceiptForm no_name = SampleReceipt();
  no_name.applicant.name.clear();
  ExpectInvalid(StatusOf(RenderReceiptPdf(no_name)), "applicant.name", "required");

  ReceiptForm no_time = SampleReceipt();
  no_time.received_at.reset();
  ExpectInvalid(StatusOf(RenderReceiptPdf(no_time)), "received_at", "required");

  SupplementRequestForm no_items = SampleSupplementRequest();
  no_items.items.clear();
  ExpectInvalid(StatusOf(RenderSupplementRequestPdf(no_items)), "items", "required");

  RefusalForm no_reason = SampleRefusal();
  no_reason.reasons.clear();
  ExpectInvalid(StatusOf(RenderRefusalPdf(no_reason)), "reasons", "required");

  HandoverManifestForm no_parcel = SampleManifest(HandoverManifestForm::Direction::kPostalToCenter, 2);
  no_parcel.items[1].postal_receipt_number.clear();
  ExpectInvalid(StatusOf(RenderHandoverManifestPdf(no_parcel)), "items[1].postal_receipt_number", "required");
}

TEST(FormPdfErrors, BadUtf8NamesTheExactField) {
  ReceiptForm form = SampleReceipt();
  form.components[1].name = "Gi\xE1\xBA";  // truncated 3-byte sequence
  ExpectInvalid(StatusOf(RenderReceiptPdf(form)), "components[1].name", "bad_utf8");

  TrackingBookForm book = SampleTrackingBook(3);
  book.rows[2].applicant_name = "\xFF";
  ExpectInvalid(StatusOf(RenderTrackingBookPdf(book)), "rows[2].applicant_name", "bad_utf8");
}

TEST(FormPdfErrors, CountsBelowTheirMinimumAreOutOfRange) {
  ReceiptForm zero_sets = SampleReceipt();
  zero_sets.sets = 0;
  ExpectInvalid(StatusOf(RenderReceiptPdf(zero_sets)), "sets", "out_of_range");
  ReceiptForm one_set = SampleReceipt();
  one_set.sets = 1;
  EXPECT_TRUE(RenderReceiptPdf(one_set).has_value());

  ReceiptForm negative = SampleReceipt();
  negative.components[0].copies = -1;
  ExpectInvalid(StatusOf(RenderReceiptPdf(negative)), "components[0].copies", "out_of_range");
}

TEST(FormPdfErrors, ApologyNewDateMustBeAfterTheOriginal) {
  ApologyForm same = SampleApology();
  same.new_due_at = same.original_due_at;
  ExpectInvalid(StatusOf(RenderApologyPdf(same)), "new_due_at", "not_after");
  ApologyForm one_minute_later = SampleApology();
  one_minute_later.new_due_at = *one_minute_later.original_due_at + std::chrono::minutes(1);
  EXPECT_TRUE(RenderApologyPdf(one_minute_later).has_value());
}

TEST(FormPdfErrors, QrTokenBeyondQrCapacityIsTextTooLong) {
  ReceiptForm form = SampleReceipt();
  form.qr_token = std::string(5000, 'A');
  ExpectInvalid(StatusOf(RenderReceiptPdf(form)), "qr_token", "text_too_long");
}

TEST(FormPdfErrors, ControlCharactersInDataDoNotBreakTheMarkup) {
  ReceiptForm form = SampleReceipt();
  form.applicant.name = "Nguyễn <b>Thị</b> & \x01Hằng";
  const auto r = RenderReceiptPdf(form);
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  TempDir dir;
  WriteFile(dir.File("m.pdf"), r->bytes);
  EXPECT_NE(PdfText(dir.File("m.pdf"), 1).find("Nguyễn <b>Thị</b> & Hằng"), std::string::npos);
}

// ---- Artifacts for people to look at ----------------------------------------------------------

TEST_F(FormPdfTest, SavesAPngOfEveryFormUnderTheBuildTree) {
  const std::string out = ArtifactsDir();
  struct Item {
    std::string name;
    std::string pdf;
  };
  std::vector<Item> items = {
      {"mau01_receipt", Write(SampleReceipt(), WriteReceiptPdf, "a1.pdf")},
      {"mau02_supplement_request", Write(SampleSupplementRequest(), WriteSupplementRequestPdf, "a2.pdf")},
      {"mau03_refusal", Write(SampleRefusal(), WriteRefusalPdf, "a3.pdf")},
      {"mau04_apology", Write(SampleApology(), WriteApologyPdf, "a4.pdf")},
      {"mau05_control_slip", Write(SampleControlSlip(), WriteControlSlipPdf, "a5.pdf")},
      {"mau06_tracking_book", Write(SampleTrackingBook(30), WriteTrackingBookPdf, "a6.pdf")},
      {"manifest_postal_to_center",
       Write(SampleManifest(HandoverManifestForm::Direction::kPostalToCenter, 6), WriteHandoverManifestPdf, "a7.pdf")},
      {"manifest_center_to_postal",
       Write(SampleManifest(HandoverManifestForm::Direction::kCenterToPostal, 4), WriteHandoverManifestPdf, "a8.pdf")},
  };
  for (const Item& it : items) {
    const std::string png = out + "/" + it.name + ".png";
    std::filesystem::remove(png);
    EXPECT_TRUE(SavePng(it.pdf, 1, 110, png)) << it.name;
    EXPECT_TRUE(std::filesystem::exists(png)) << png;
    std::filesystem::copy_file(it.pdf, out + "/" + it.name + ".pdf",
                               std::filesystem::copy_options::overwrite_existing);
  }
  EXPECT_TRUE(SavePng(items[0].pdf, 2, 110, out + "/mau01_receipt_p2.png"));
}

}  // namespace
}  // namespace motcua::print
