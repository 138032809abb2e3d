// The CSV, XLSX and PDF writers of reports/export.h, read back the way a user's tools read them: the
// CSV parsed as RFC 4180, the XLSX unzipped (it is a zip of XML parts), the PDF through poppler's
// pdftotext, pdfinfo and pdftoppm (tests/print/pdf_tools.h). And the writes: a path that cannot be
// written fails naming it and leaves nothing behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "print/pdf_tools.h"
#include "reports/export.h"
#include "support/fixtures.h"

namespace motcua::reports {
namespace {

namespace fs = std::filesystem;
using motcua::testing::At;
using print::testing::HaveTool;
using print::testing::ReadFile;

// ---- RFC 4180 reader (the test's own, strict) ----------------------------------------------------

// Records of `csv` (without a BOM). Fails the test on a bare LF or CR outside quotes, or a quote
// inside an unquoted field.
std::vector<std::vector<std::string>> ParseCsv(std::string_view csv) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      EXPECT_TRUE(field.empty() && !was_quoted) << "a quote inside an unquoted field at byte " << i;
      quoted = was_quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\r') {
      EXPECT_TRUE(i + 1 < csv.size() && csv[i + 1] == '\n') << "a CR without LF at byte " << i;
      ++i;
      record.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      records.push_back(std::move(record));
      record.clear();
    } else {
      EXPECT_NE(c, '\n') << "a bare LF outside quotes at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  EXPECT_TRUE(field.empty() && record.empty()) << "the last record has no CRLF";
  return records;
}

// A table with everything CSV must quote, every number format, and Vietnamese text.
Table MixedTable() {
  Table t;
  t.sheet = "Bảng thử";
  t.title = "Bảng thử nghiệm";
  t.columns = {{"Đơn vị", 2}, {"Ghi chú, lưu ý", 2}, {"Số hồ sơ", 1, true}, {"Điểm", 1, true}, {"Tỷ lệ (%)", 1, true}};
  t.rows = {
      {TextCell("UBND xã Minh Xuân"), TextCell("Có dấu phẩy, và \"ngoặc kép\""), IntegerCell(12345), PointsCell(67.7),
       PercentCell(0.852)},
      {TextCell("Sở Tư pháp"), TextCell("Dòng 1\nDòng 2"), IntegerCell(-3), PointsCell(-0.004),
       PercentCell(std::nullopt)},
      {TextCell("UBND phường Phan Thiết"), TextCell(""), IntegerCell(0), PointsCell(1234.5), PercentCell(1.0)},
      {TextCell("Xuống dòng\r\nkiểu Windows"), TextCell("\""), IntegerCell(1000000), PointsCell(0.005 + 0.001),
       PercentCell(0.0)},
  };
  return t;
}

Document OneTableDocument(Table t) {
  Document d;
  d.kind = "today";
  d.title = "BÁO CÁO THỬ";
  d.subtitle = "Trung tâm Phục vụ hành chính công tỉnh — tháng 08/2026";
  d.generated = "Lập lúc 10:00 27/08/2026";
  d.created_at = At("2026-08-27 10:00");
  d.blocks.push_back(std::move(t));
  return d;
}

TEST(RenderCsv, IsUtf8WithABomCrlfAndQuotedFieldsThatParseBack) {
  const std::string csv = RenderCsv(MixedTable());
  ASSERT_EQ(csv.substr(0, 3), kUtf8Bom);
  // The exact bytes of the header and first row: the documented format, byte for byte.
  const std::string body = csv.substr(3);
  EXPECT_EQ(body.substr(0, body.find("\r\n") + 2), "Đơn vị,\"Ghi chú, lưu ý\",Số hồ sơ,Điểm,Tỷ lệ (%)\r\n");
  EXPECT_NE(body.find("UBND xã Minh Xuân,\"Có dấu phẩy, và \"\"ngoặc kép\"\"\",12345,67.70,85.20\r\n"),
            std::string::npos)
      << body;
  const auto records = ParseCsv(body);
  ASSERT_EQ(records.size(), 5u);
  for (const auto& r : records) EXPECT_EQ(r.size(), 5u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"Đơn vị", "Ghi chú, lưu ý", "Số hồ sơ", "Điểm", "Tỷ lệ (%)"}));
  // Numbers: '.' decimal point, no thousands separator, two decimals; integers bare; percent as a
  // percentage; -0.004 is 0.00 (no "-0.00"); no value is an empty field.
  EXPECT_EQ(records[1], (std::vector<std::string>{"UBND xã Minh Xuân", "Có dấu phẩy, và \"ngoặc kép\"", "12345",
                                                  "67.70", "85.20"}));
  EXPECT_EQ(records[2], (std::vector<std::string>{"Sở Tư pháp", "Dòng 1\nDòng 2", "-3", "0.00", "—"}));
  EXPECT_EQ(records[3], (std::vector<std::string>{"UBND phường Phan Thiết", "", "0", "1234.50", "100.00"}));
  EXPECT_EQ(records[4], (std::vector<std::string>{"Xuống dòng\r\nkiểu Windows", "\"", "1000000", "0.01", "0.00"}));
}

TEST(RenderCsv, WritesTheDocumentsCsvTableAndRefusesADocumentWithoutOne) {
  Document d = OneTableDocument(MixedTable());
  Table other;
  other.columns = {{"Khác", 1}};
  other.rows = {{TextCell("bảng thứ hai")}};
  d.blocks.push_back(other);
  d.csv_table = 1;
  auto csv = RenderCsv(d);
  ASSERT_TRUE(csv) << csv.error().Describe();
  EXPECT_EQ(*csv, std::string(kUtf8Bom) + "Khác\r\nbảng thứ hai\r\n");
  d.blocks.clear();
  d.blocks.push_back(Paragraph{"chỉ có chữ", false});
  auto none = Render(d, ExportFormat::kCsv);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(none.error().field, "document");
  EXPECT_EQ(none.error().rule, "no_table");
}

TEST(ExportFormat, ComesFromTheKeyOrTheFileExtension) {
  EXPECT_EQ(*ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(*ParseExportFormat("XLSX"), ExportFormat::kXlsx);
  auto bad = ParseExportFormat("docx", "format");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "format");
  EXPECT_EQ(bad.error().rule, "bad_format");
  EXPECT_EQ(*FormatFromPath("/tmp/báo-cáo.PDF"), ExportFormat::kPdf);
  EXPECT_EQ(*FormatFromPath("a.b.xlsx"), ExportFormat::kXlsx);
  EXPECT_EQ(*FormatFromPath("x.csv"), ExportFormat::kCsv);
  for (const char* path : {"report", "x.docx", "dir.pdf/report", "csv", ""}) {
    auto f = FormatFromPath(path);
    ASSERT_FALSE(f) << path;
    EXPECT_EQ(f.error().field, "out") << path;
    EXPECT_EQ(f.error().rule, "bad_extension") << path;
  }
  for (ExportFormat f : {ExportFormat::kCsv, ExportFormat::kXlsx, ExportFormat::kPdf})
    EXPECT_EQ(*ParseExportFormat(ExportFormatKey(f)), f);
}

// ---- XLSX ------------------------------------------------------------------------------------------

std::string Unzip(const std::string& zip, const std::string& part) {
  auto r = motcua::testing::RunCommand({"unzip", "-p", zip, part});
  EXPECT_EQ(r.exit_code, 0) << "unzip -p " << zip << " " << part << ": " << r.err;
  return r.out;
}

// The formatCode of the cell whose value is `value` in a worksheet: its s="N" attribute picks the
// N-th <xf> of styles.xml's cellXfs, whose numFmtId names a <numFmt> (custom formats, 164 and up).
std::string NumberFormatOf(const std::string& sheet, const std::string& styles, const std::string& value) {
  const std::size_t v = sheet.find("<v>" + value + "</v>");
  if (v == std::string::npos) return "(no cell with " + value + ")";
  const std::size_t cell = sheet.rfind("<c ", v);
  const std::size_t s = sheet.find(" s=\"", cell);
  if (s == std::string::npos || s > v) return "(no style)";
  const int index = std::stoi(sheet.substr(s + 4));
  std::size_t xf = styles.find("<cellXfs");
  for (int i = 0; i <= index && xf != std::string::npos; ++i) xf = styles.find("<xf ", xf + 1);
  if (xf == std::string::npos) return "(no xf)";
  const std::size_t id = styles.find("numFmtId=\"", xf);
  const std::string num_fmt_id = styles.substr(id + 10, styles.find('"', id + 10) - (id + 10));
  const std::size_t fmt = styles.find("<numFmt numFmtId=\"" + num_fmt_id + "\" formatCode=\"");
  if (fmt == std::string::npos) return "(built-in " + num_fmt_id + ")";
  const std::size_t code = styles.find("formatCode=\"", fmt) + 12;
  return styles.substr(code, styles.find('"', code) - code);
}

class XlsxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HaveTool("unzip")) GTEST_SKIP() << "unzip is not installed (installer/packages.txt: unzip)";
  }
  print::testing::TempDir dir_;
};

TEST_F(XlsxTest, HasASheetPerTableWithVietnameseTextAndRealNumbers) {
  Document d = OneTableDocument(MixedTable());
  Table same_name = MixedTable();  // the same sheet name again: made unique
  same_name.title = "Bảng thứ hai";
  Table hidden = MixedTable();
  hidden.sheet = "Chỉ trong PDF";
  hidden.title = "Chỉ trong PDF";
  hidden.in_xlsx = false;
  Table odd = MixedTable();
  odd.sheet = "Bảng: chỉ số/tháng 08 [2026]? của các xã, phường";  // forbidden characters, 48 characters
  d.blocks.push_back(same_name);
  d.blocks.push_back(hidden);
  d.blocks.push_back(odd);
  const std::string path = dir_.File("báo-cáo.xlsx");
  const Status written = WriteDocument(d, path, ExportFormat::kXlsx);
  ASSERT_TRUE(written) << written.error().Describe();
  const std::string bytes = ReadFile(path);
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");

  auto list = motcua::testing::RunCommand({"unzip", "-l", path});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const char* part : {"xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                           "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "docProps/core.xml"})
    EXPECT_NE(list.out.find(part), std::string::npos) << part << " missing:\n" << list.out;
  EXPECT_EQ(list.out.find("xl/worksheets/sheet4.xml"), std::string::npos) << "the table not for XLSX got a sheet";

  // Sheet names: valid (31 characters, no []:*?/\) and unique.
  const std::string workbook = Unzip(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Bảng thử\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Bảng thử (2)\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Bảng- chỉ số-tháng 08 -2026-- c\""), std::string::npos) << workbook;
  EXPECT_EQ(workbook.find("Chỉ trong PDF"), std::string::npos);

  const std::string strings = Unzip(path, "xl/sharedStrings.xml");
  for (const char* s : {"Bảng thử nghiệm", "Bảng thứ hai", "Đơn vị", "Ghi chú, lưu ý", "Tỷ lệ (%)",
                        "UBND xã Minh Xuân", "Sở Tư pháp", "UBND phường Phan Thiết", "—"})
    EXPECT_NE(strings.find(s), std::string::npos) << s << " not in sharedStrings.xml";
  // Numbers are numbers (no "12.345" text), the title on row 1, headers on row 2, frozen below them.
  const std::string sheet = Unzip(path, "xl/worksheets/sheet1.xml");
  for (const char* v : {"<v>12345</v>", "<v>67.7</v>", "<v>0.852</v>", "<v>-3</v>", "<v>1234.5</v>", "<v>1000000</v>"})
    EXPECT_NE(sheet.find(v), std::string::npos) << v << " not in sheet1.xml";
  EXPECT_EQ(strings.find("12.345"), std::string::npos);
  EXPECT_EQ(strings.find("67,70"), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"A1\""), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"E6\""), std::string::npos);  // 4 data rows under title and header
  EXPECT_EQ(sheet.find("<c r=\"A7\""), std::string::npos);
  EXPECT_NE(sheet.find("ySplit=\"2\""), std::string::npos) << "headers not frozen";
  // Each number carries its format: "#,##0" for counts, "0.00" for points, "0.00%" for ratios.
  const std::string styles = Unzip(path, "xl/styles.xml");
  EXPECT_EQ(NumberFormatOf(sheet, styles, "12345"), "#,##0") << styles;
  EXPECT_EQ(NumberFormatOf(sheet, styles, "67.7"), "0.00") << styles;
  EXPECT_EQ(NumberFormatOf(sheet, styles, "0.852"), "0.00%") << styles;
  // The document's title and creation time (10:00 Vietnam time = 03:00 UTC).
  const std::string core = Unzip(path, "docProps/core.xml");
  EXPECT_NE(core.find("BÁO CÁO THỬ"), std::string::npos) << core;
  EXPECT_NE(core.find("2026-08-27T03:00:00Z"), std::string::npos) << core;
}

TEST_F(XlsxTest, ADocumentWithoutSheetsStillOpens) {
  Document d;
  d.title = "KHÔNG CÓ BẢNG";
  d.blocks.push_back(Paragraph{"chỉ có chữ", false});
  const std::string path = dir_.File("empty.xlsx");
  ASSERT_TRUE(WriteDocument(d, path, ExportFormat::kXlsx));
  EXPECT_NE(Unzip(path, "xl/sharedStrings.xml").find("KHÔNG CÓ BẢNG"), std::string::npos);
}

// ---- PDF -------------------------------------------------------------------------------------------

const char* const kUnits[] = {"UBND xã Minh Xuân", "UBND phường Phan Thiết", "Sở Tư pháp"};

std::string Code(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "HS-2608-%04d", i);
  return buf;
}

Document LongDocument() {
  Document d;
  d.kind = "scorecard";
  d.title = "BÁO CÁO BỘ CHỈ SỐ 766";
  d.subtitle = "Trung tâm Phục vụ hành chính công tỉnh — tháng 08/2026";
  d.generated = "Lập lúc 10:00 27/08/2026";
  d.created_at = At("2026-08-27 10:00");
  d.blocks.push_back(Paragraph{"Tổng điểm Toàn trung tâm: 71,25 / 100,00", true});
  BarChart chart;
  chart.title = "Tổng điểm các xã, phường";
  for (const char* u : kUnits) chart.bars.push_back({u, 71.25, 100, "71,25"});
  d.blocks.push_back(chart);
  Table t;
  t.sheet = "Việc cần làm";
  t.title = "Việc cần làm hôm nay — từng hồ sơ";
  t.columns = {{"Đơn vị", 2}, {"Mã hồ sơ", 2, false, true}, {"Việc cần làm", 3}, {"Điểm", 1, true}};
  for (int i = 1; i <= 150; ++i)
    t.rows.push_back({TextCell(kUnits[i % 3]), TextCell(Code(i)), TextCell("Quét, số hóa thành phần hồ sơ còn thiếu"),
                      PointsCell(0.05 * i)});
  d.blocks.push_back(t);
  Table limited = t;
  limited.title = "Bảng rút gọn trong PDF";
  limited.rows.resize(12);
  limited.pdf_row_limit = 5;
  limited.note = "Ghi chú dưới bảng rút gọn.";
  d.blocks.push_back(limited);
  Table xlsx_only = t;
  xlsx_only.title = "Bảng chỉ có trong XLSX";
  xlsx_only.in_pdf = false;
  d.blocks.push_back(xlsx_only);
  return d;
}

class PdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdftotext", "pdfinfo", "pdftoppm"})
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " is not installed (poppler-utils)";
  }
  print::testing::TempDir dir_;
};

TEST_F(PdfTest, PrintsTheTitleUnitsWithDiacriticsAndNumberedPages) {
  const std::string path = dir_.File("báo-cáo.pdf");
  const Status written = WriteDocument(LongDocument(), path, ExportFormat::kPdf);
  ASSERT_TRUE(written) << written.error().Describe();
  ASSERT_EQ(ReadFile(path).substr(0, 5), "%PDF-");

  const print::testing::PdfInfo info = print::testing::GetPdfInfo(path);
  EXPECT_EQ(info.size_name, "A4") << info.raw;
  ASSERT_GE(info.pages, 3) << "150 rows of a 4-column table do not fit on two A4 pages";
  EXPECT_NE(info.raw.find("BÁO CÁO BỘ CHỈ SỐ 766"), std::string::npos) << info.raw;
  const std::string n = std::to_string(info.pages);

  const std::string first = print::testing::PdfText(path, 1);
  EXPECT_NE(first.find("BÁO CÁO BỘ CHỈ SỐ 766"), std::string::npos) << first;
  EXPECT_NE(first.find("Trung tâm Phục vụ hành chính công tỉnh — tháng 08/2026"), std::string::npos) << first;
  EXPECT_NE(first.find("Lập lúc 10:00 27/08/2026"), std::string::npos);
  EXPECT_NE(first.find("Trang 1/" + n), std::string::npos) << first;
  for (const char* u : kUnits) EXPECT_NE(first.find(u), std::string::npos) << u;
  EXPECT_NE(first.find("71,25"), std::string::npos);

  // Every later page: its number, the running title, and the table's header repeated.
  const std::string second = print::testing::PdfText(path, 2);
  EXPECT_NE(second.find("Trang 2/" + n), std::string::npos) << second;
  EXPECT_NE(second.find("BÁO CÁO BỘ CHỈ SỐ 766"), std::string::npos) << second;
  EXPECT_NE(second.find("Mã hồ sơ"), std::string::npos) << second;
  EXPECT_NE(print::testing::PdfText(path, info.pages).find("Trang " + n + "/" + n), std::string::npos);

  // Every row once (the full table), the limited table's first 5 and a line saying how many more.
  const std::string all = print::testing::PdfText(path);
  for (int i = 1; i <= 150; ++i) {
    const int expected = i <= 5 ? 2 : 1;
    EXPECT_EQ(print::testing::CountOf(all, Code(i)), expected) << Code(i);
  }
  EXPECT_NE(all.find("… và 7 dòng khác"), std::string::npos);
  EXPECT_NE(all.find("Ghi chú dưới bảng rút gọn."), std::string::npos);
  EXPECT_EQ(all.find("Bảng chỉ có trong XLSX"), std::string::npos);
  EXPECT_NE(all.find("Sở Tư pháp"), std::string::npos);
  EXPECT_NE(all.find("7,50"), std::string::npos);  // row 150's points, Vietnamese text

  // The rendered page is A4-shaped, with ink on it and mostly paper.
  const scan::GrayImage page = print::testing::RenderGray(path, 1, 40);
  ASSERT_GT(page.width, 0);
  EXPECT_NEAR(double(page.height) / double(page.width), 297.0 / 210.0, 0.01);
  const auto dark = std::count_if(page.pixels.begin(), page.pixels.end(), [](std::uint8_t p) { return p < 128; });
  EXPECT_GT(dark, 200);
  EXPECT_LT(double(dark), 0.5 * double(page.pixels.size()));
}

TEST_F(PdfTest, AnEmptyTableSaysSo) {
  Table empty;
  empty.title = "Danh sách cán bộ để chậm";
  empty.columns = {{"Cán bộ", 1}};
  const std::string path = dir_.File("empty.pdf");
  ASSERT_TRUE(WriteDocument(OneTableDocument(empty), path, ExportFormat::kPdf));
  EXPECT_EQ(print::testing::GetPdfInfo(path).pages, 1);
  const std::string text = print::testing::PdfText(path);
  EXPECT_NE(text.find("Danh sách cán bộ để chậm"), std::string::npos) << text;
  EXPECT_NE(text.find("(Không có dòng nào.)"), std::string::npos) << text;
  EXPECT_NE(text.find("Trang 1/1"), std::string::npos) << text;
}

// ---- Writes ----------------------------------------------------------------------------------------

std::set<std::string> Listing(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

TEST(WriteDocument, FailsOnAnUnwritablePathNamingItAndLeavesNoFile) {
  motcua::testing::TempDir dir;
  std::ofstream(dir / "plain.txt") << "not a directory";
  const Document d = OneTableDocument(MixedTable());
  for (ExportFormat format : {ExportFormat::kCsv, ExportFormat::kXlsx, ExportFormat::kPdf}) {
    const std::string ext = ExportFormatKey(format);
    for (const fs::path& path : {dir / "missing" / ("r." + ext), dir / "plain.txt" / ("r." + ext)}) {
      const Status s = WriteDocument(d, path.string(), format);
      ASSERT_FALSE(s) << path;
      EXPECT_EQ(s.error().code, ErrorCode::kUnavailable) << path;
      EXPECT_EQ(s.error().field, "path") << path;
      EXPECT_EQ(s.error().rule, "unwritable_path") << path;
      EXPECT_NE(s.error().detail.find(path.string()), std::string::npos) << s.error().detail;
      EXPECT_FALSE(fs::exists(path)) << path;
    }
  }
  EXPECT_EQ(Listing(dir.path()), (std::set<std::string>{"plain.txt"}));
  EXPECT_EQ(ReadFile((dir / "plain.txt").string()), "not a directory");
}

TEST(WriteDocument, AFullDiskKeepsTheOldFileWhole) {
  motcua::testing::TinyFilesystem tiny(64);
  if (!tiny.mounted()) GTEST_SKIP() << tiny.why_not();
  const std::string path = (tiny.path() / "report.csv").string();
  Table small = MixedTable();
  ASSERT_TRUE(WriteDocument(OneTableDocument(small), path, ExportFormat::kCsv));
  const std::string old = ReadFile(path);
  Table big = MixedTable();
  for (int i = 0; i < 3000; ++i) {  // ~250 KB of CSV
    const std::vector<Cell> row = big.rows[std::size_t(i % 4)];
    big.rows.push_back(row);
  }
  const Status s = WriteDocument(OneTableDocument(big), path, ExportFormat::kCsv);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "path");
  EXPECT_EQ(s.error().rule, "write_failed");
  EXPECT_NE(s.error().detail.find(path), std::string::npos) << s.error().detail;
  EXPECT_EQ(ReadFile(path), old);
  EXPECT_EQ(Listing(tiny.path()), (std::set<std::string>{"report.csv"}));  // no temporary file left
}

TEST(WriteDocument, ReplacesAnOldFileWithTheWholeNewOne) {
  motcua::testing::TempDir dir;
  const std::string path = (dir / "r.csv").string();
  std::ofstream(path) << "cũ";
  const Document d = OneTableDocument(MixedTable());
  ASSERT_TRUE(WriteDocument(d, path, ExportFormat::kCsv));
  EXPECT_EQ(ReadFile(path), *RenderCsv(d));
  EXPECT_EQ(Listing(dir.path()), (std::set<std::string>{"r.csv"}));
}

}  // namespace
}  // namespace motcua::reports
