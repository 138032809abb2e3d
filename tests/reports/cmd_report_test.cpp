// `motcua report` through the real binary: a database made with `motcua init` and a few dossiers
// received with `motcua receive`, then every kind in every format written to a file and read back;
// bad input exits 2 with a message naming the flag and writes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "print/pdf_tools.h"
#include "reports/export.h"
#include "reports/store_report.h"
#include "support/fixtures.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;
using nlohmann::json;

constexpr const char* kNow = "2026-08-27 10:00";  // Thursday; Friday 28 is the next working day

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::set<std::string> Listing(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

class ReportCliTest : public ::testing::Test {
 protected:
  // One database for the suite: init and a handful of August dossiers (the reports only read it).
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    fs::create_directory(dir_->path() / "out");
    ok_ = Init();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(ok_) << "the database could not be made"; }

  static CommandResult Run(std::vector<std::string> args, const char* now = kNow) {
    std::vector<std::string> full = {"--db", (dir_->path() / "motcua.db").string(), "--assets", MOTCUA_ASSETS_DIR,
                                     "--now", now, "--as", "admin"};
    full.insert(full.end(), args.begin(), args.end());
    return RunCli(full);
  }
  static bool Receive(const std::string& unit, const char* received_at) {
    const fs::path file = dir_->path() / "d.json";
    std::ofstream(file) << json{{"procedure_code", "1.004222"},
                                {"processing_unit", unit},
                                {"received_at", received_at},
                                {"applicant",
                                 {{"id_type", "cccd"},
                                  {"id_number", "001090123456"},
                                  {"name", "Nguyễn Thị Thử"},
                                  {"phone", "0912345678"},
                                  {"address", "Tổ 1, phường Phan Thiết"}}},
                                {"cases", {"Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"}}}
                                   .dump();
    auto r = Run({"receive", "--json", file.string()}, received_at);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0;
  }
  static bool Init() {
    if (!motcua::testing::PrepareCliStation(dir_->path() / "motcua.db", "2026-08-01 08:00")) return false;
    // Overdue (due 19 August), due soon (Friday 28), and one due after the long weekend.
    return Receive("UBND xã Minh Xuân", "2026-08-10 09:00") && Receive("UBND xã Minh Xuân", "2026-08-20 14:00") &&
           Receive("Sở Tư pháp", "2026-08-21 14:00") && Receive("Sở Tư pháp", "2026-08-24 09:00");
  }
  static fs::path Out(const std::string& name) { return dir_->path() / "out" / name; }

  static TempDir* dir_;
  static bool ok_;
};
TempDir* ReportCliTest::dir_ = nullptr;
bool ReportCliTest::ok_ = false;

TEST_F(ReportCliTest, EveryKindInEveryFormatWritesItsFile) {
  for (const char* kind : reports::kReportKinds) {
    for (const char* ext : {"csv", "xlsx", "pdf"}) {
      const fs::path out = Out(std::string(kind) + "." + ext);
      auto r = Run({"report", kind, "--month", "2026-08", "--months", "3", "--out", out.string()});
      ASSERT_EQ(r.exit_code, 0) << kind << " " << ext << ": " << r.err;
      EXPECT_EQ(r.err, "");
      ASSERT_TRUE(fs::exists(out)) << out;
      const std::string bytes = Slurp(out);
      EXPECT_EQ(r.out.rfind("Đã ghi " + out.string() + " (" + kind + ", " + ext + ", ", 0), 0u) << r.out;
      if (std::string(ext) == "csv") {
        EXPECT_EQ(bytes.substr(0, 3), reports::kUtf8Bom) << kind;
        // "N dòng": the CSV has the header and N records (no line breaks inside these fields).
        const std::size_t open = r.out.rfind(", ") + 2;
        const int rows = std::stoi(r.out.substr(open));
        std::size_t lines = 0;
        for (std::size_t p = bytes.find("\r\n"); p != std::string::npos; p = bytes.find("\r\n", p + 2)) ++lines;
        EXPECT_EQ(lines, std::size_t(rows) + 1) << kind << "\n" << bytes;
      } else if (std::string(ext) == "xlsx") {
        EXPECT_EQ(bytes.substr(0, 2), "PK") << kind;
      } else {
        EXPECT_EQ(bytes.substr(0, 5), "%PDF-") << kind;
      }
    }
  }
  // No temporary files left beside them (".<name>.tmp-XXXXXX").
  for (const std::string& name : Listing(dir_->path() / "out")) EXPECT_NE(name[0], '.') << name;
}

TEST_F(ReportCliTest, FilesHoldTheStoresDossiersInVietnamese) {
  // The work list as CSV: the due-soon and overdue dossiers of Minh Xuân, under Vietnamese headers.
  const fs::path csv = Out("today-minh-xuan.csv");
  auto r = Run({"--json", "report", "today", "--month", "2026-08", "--unit", "UBND xã Minh Xuân", "--out", csv.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["kind"], "today");
  EXPECT_EQ(j["format"], "csv");
  const std::string text = Slurp(csv);
  EXPECT_NE(text.find("Đơn vị,Loại việc,Mã hồ sơ"), std::string::npos) << text;
  EXPECT_NE(text.find("UBND xã Minh Xuân,Sắp đến hạn (trong 1 ngày làm việc)"), std::string::npos) << text;
  EXPECT_NE(text.find("UBND xã Minh Xuân,Quá hạn chưa xin lỗi"), std::string::npos) << text;
  EXPECT_EQ(text.find("Sở Tư pháp"), std::string::npos) << "limited to one unit";
  EXPECT_GE(j["rows"].get<int>(), 2);

  // The score card as PDF: the title, the period and the units with their diacritics.
  if (print::testing::HaveTool("pdftotext")) {
    const fs::path pdf = Out("scorecard.pdf");
    auto p = Run({"report", "scorecard", "--month", "2026-08", "--out", pdf.string()});
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const std::string all = print::testing::PdfText(pdf.string());
    EXPECT_NE(all.find("BÁO CÁO BỘ CHỈ SỐ 766"), std::string::npos) << all;
    EXPECT_NE(all.find("tháng 08/2026"), std::string::npos);
    EXPECT_NE(all.find("UBND xã Minh Xuân"), std::string::npos);
    EXPECT_NE(all.find("Sở Tư pháp"), std::string::npos);
    // The journal's head is printed on the report: a paper anchor of the electronic journal.
    auto store = store::OpenSqliteStore((dir_->path() / "motcua.db").string(), {.create_if_missing = false});
    ASSERT_TRUE(store);
    const store::JournalHead head = *(*store)->Head();
    EXPECT_NE(all.find("Nhật ký điện tử đến sự kiện số " + std::to_string(head.seq)), std::string::npos) << all;
    EXPECT_NE(all.find(head.hash.substr(0, 8) + " " + head.hash.substr(8, 8)), std::string::npos) << all;
  }
  // The trend defaults to 6 months ending with the current month (--now: August 2026).
  const fs::path trend = Out("trend-default.csv");
  auto t = Run({"report", "trend", "--out", trend.string()});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  const std::string trend_csv = Slurp(trend);
  EXPECT_NE(trend_csv.find("Toàn trung tâm,03/2026,"), std::string::npos) << trend_csv;
  EXPECT_NE(trend_csv.find("Toàn trung tâm,08/2026,4,"), std::string::npos) << trend_csv;
  EXPECT_EQ(trend_csv.find("02/2026"), std::string::npos);
}

TEST_F(ReportCliTest, BadInputExitsTwoNamingTheFlagAndWritesNothing) {
  const fs::path bad_dir = dir_->path() / "bad";
  fs::create_directory(bad_dir);
  std::ofstream(bad_dir / "plain.txt") << "a file, not a directory";
  const std::string out = (bad_dir / "r.pdf").string();
  struct Case {
    std::vector<std::string> args;
    const char* field;  // the "error: <field>:" the message must name
  } cases[] = {
      {{"report", "everything", "--out", out}, "kind"},
      {{"report", "--out", out}, "kind"},
      {{"report", "today", "--month", "2026-13", "--out", out}, "month"},
      {{"report", "today", "--month", "2026-00", "--out", out}, "month"},
      {{"report", "today", "--month", "2026-8", "--out", out}, "month"},
      {{"report", "today", "--month", "08/2026", "--out", out}, "month"},
      {{"report", "trend", "--months", "0", "--out", out}, "months"},
      {{"report", "trend", "--months", "61", "--out", out}, "months"},
      {{"report", "trend", "--months", "six", "--out", out}, "months"},
      {{"report", "today", "--out", (bad_dir / "r.docx").string()}, "out"},
      {{"report", "today"}, "out"},
  };
  for (const Case& c : cases) {
    std::string line;
    for (const auto& a : c.args) line += a + " ";
    auto r = Run(c.args);
    EXPECT_EQ(r.exit_code, 2) << line << "\n" << r.err;
    EXPECT_NE(r.err.find(std::string("error: ") + c.field + ":"), std::string::npos) << line << "\n" << r.err;
    EXPECT_EQ(r.out, "") << line;
  }
  EXPECT_EQ(Listing(bad_dir), (std::set<std::string>{"plain.txt"}));
  // The boundaries next to the refused values work.
  auto ok = Run({"report", "trend", "--month", "2026-12", "--months", "60", "--out", (bad_dir / "t.csv").string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  ok = Run({"report", "trend", "--month", "2026-01", "--months", "1", "--out", (bad_dir / "t.csv").string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

// An --out in a missing directory, or under a file: bad input found before the month is scored,
// naming the flag and the path; nothing written.
TEST_F(ReportCliTest, UnwritableOutputIsBadInputNamingOut) {
  const fs::path bad_dir = dir_->path() / "unwritable-2";
  fs::create_directory(bad_dir);
  std::ofstream(bad_dir / "plain.txt") << "a file, not a directory";
  for (const fs::path& out : {bad_dir / "missing" / "r.pdf", bad_dir / "plain.txt" / "r.csv"}) {
    auto r = Run({"report", "today", "--month", "2026-08", "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << out << "\n" << r.err;
    EXPECT_NE(r.err.find("error: out:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(out.string()), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "") << out;
  }
  EXPECT_EQ(Listing(bad_dir), (std::set<std::string>{"plain.txt"}));
}

}  // namespace
}  // namespace motcua
