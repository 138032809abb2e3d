// The motcua CLI contract, through the real binary: init, catalog, receive, show, advance, apology,
// attach, overdue, journal verify; exit 0 / 2 (bad input, naming the field) / 1 (other failures).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fixtures.h"

namespace motcua {
namespace {

using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;
using nlohmann::json;

// On the engine MOTCUA_TEST_BACKEND names: the suite runs again on PostgreSQL (CMakeLists BOTH_BACKENDS),
// with --db a connection string and the station's files in --data-dir.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    station_ = motcua::testing::MakeCliStation(dir_.path());
    ASSERT_TRUE(motcua::testing::PrepareCliStation(station_, "2026-11-23 08:00"));
  }
  // Runs with this test's (demo) database, the source tree's assets, a fixed clock and the administrator.
  CommandResult Run(std::vector<std::string> args, const char* now = "2026-11-23 09:00") {
    std::vector<std::string> full = station_.Args();
    full.insert(full.end(), {"--assets", MOTCUA_ASSETS_DIR, "--now", now, "--as", "admin"});
    full.insert(full.end(), args.begin(), args.end());
    return RunCli(full);
  }
  std::string WriteFile(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  std::string ReceiveSample(const char* now = "2026-11-23 09:00") {
    auto r = Run({"receive", "--json", WriteFile("d.json", kDossier)}, now);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, r.out.find(' '));
  }

  static constexpr const char* kDossier = R"({
    "procedure_code": "1.004222",
    "applicant": {"id_type": "cccd", "id_number": "001090123456", "name": "Nguyễn Thị Thử",
                  "phone": "0912345678", "address": "Tổ 1, phường Phan Thiết"},
    "cases": ["Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"]
  })";

  TempDir dir_;
  motcua::testing::CliStation station_;
};

TEST_F(CliTest, InitLoadsTheSampleCatalogAndIsRepeatable) {
  auto again = Run({"--json", "init"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto j = json::parse(again.out);
  EXPECT_GE(j["procedures"].get<int>(), 40);
  EXPECT_EQ(j["agency_id"], "000.00.00.X00");
  // The agency identifier identifies the center: an administrator changes it only by asking for exactly that.
  auto refused = Run({"init", "--agency", "000.00.00.H56"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("identity_change_not_asked"), std::string::npos) << refused.err;
  auto set = Run({"init", "--agency", "000.00.00.H56", "--change-identity"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(json::parse(Run({"--json", "init"}).out)["agency_id"], "000.00.00.H56");
  EXPECT_NE(Run({"journal", "list"}).out.find("station.identity_changed"), std::string::npos);
  auto bad = Run({"init", "--agency", "h56 lower"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("agency"), std::string::npos) << bad.err;
}

TEST_F(CliTest, CatalogSearchIgnoresDiacriticsAndCase) {
  auto r = Run({"catalog", "search", "thuong tru"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "1.004222  Đăng ký thường trú  [7wd]");
  auto upper = Run({"--json", "catalog", "search", "ĐĂNG KÝ THƯỜNG TRÚ"});
  EXPECT_EQ(json::parse(upper.out).at(0)["code"], "1.004222");
}

TEST_F(CliTest, CatalogImportRejectsABadFileNamingTheField) {
  auto bad = Run({"catalog", "import", WriteFile("bad.json", R"({"procedures": [{"code": "1.2", "name": "x"}]})")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("code"), std::string::npos) << bad.err;
  auto missing = Run({"catalog", "import", (dir_ / "none.json").string()});
  EXPECT_NE(missing.exit_code, 0);
}

TEST_F(CliTest, ReceivePrintsTheCodeAndDueDate) {
  auto r = Run({"receive", "--json", WriteFile("d.json", kDossier)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Monday 2026-11-23 09:00 + 7 working days.
  EXPECT_EQ(r.out, "000.00.00.X00-261123-0001 2026-12-02 09:00\n");
  auto j = Run({"--json", "receive", "--json", (dir_ / "d.json").string()});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  auto out = json::parse(j.out);
  EXPECT_EQ(out["code"], "000.00.00.X00-261123-0002");
  EXPECT_EQ(out["due_at"], "2026-12-02 09:00");
  EXPECT_EQ(out["receipt_token"].get<std::string>().rfind("MC1", 0), 0u);
}

TEST_F(CliTest, ReceiveAcceptsACccdQrString) {
  auto r = Run({"receive", "--json", WriteFile("qr.json", R"({"procedure_code": "1.004222",
    "applicant": {"cccd_qr": "001090123456||Nguyễn Thị Thử|01011990|Nữ|Tổ 1, phường Phan Thiết|15042021"}})")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto show = Run({"--json", "show", r.out.substr(0, r.out.find(' '))});
  EXPECT_EQ(json::parse(show.out)["applicant"]["name"], "Nguyễn Thị Thử");
}

TEST_F(CliTest, BadInputExitsTwoNamingTheFieldAndWritesNothing) {
  auto r = Run({"receive", "--json", WriteFile("bad.json", R"({"procedure_code": "1.004222",
    "applicant": {"id_number": "00109012345", "name": "Nguyễn Thị Thử"}})")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("applicant.id_number"), std::string::npos) << r.err;
  auto not_json = Run({"receive", "--json", WriteFile("nj.json", "{not json")});
  EXPECT_EQ(not_json.exit_code, 2);
  auto bad_date = Run({"receive", "--json", WriteFile("bd.json", R"({"procedure_code": "1.004222",
    "received_at": "2026-02-30 09:00", "applicant": {"id_number": "001090123456", "name": "A"}})")});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("received_at"), std::string::npos) << bad_date.err;
  EXPECT_EQ(Run({"overdue", "--at", "2030-01-01 00:00"}).out, "0 overdue at 2030-01-01 00:00\n");
  EXPECT_EQ(Run({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(Run({"show", "000.00.00.X00-261123-9999"}).exit_code, 2);  // a code that names nothing
}

TEST_F(CliTest, AMissingDatabaseSaysToRunInit) {
  auto r = RunCli({"--db", (dir_ / "nowhere" / "x.db").string(), "--assets", MOTCUA_ASSETS_DIR, "show", "X"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("motcua init"), std::string::npos) << r.err;
}

TEST_F(CliTest, AdvanceFollowsTheLifecycleAndRefusesIllegalMoves) {
  const std::string code = ReceiveSample();
  auto illegal = Run({"advance", code, "--to", "returned", "--receiver-name", "A"}, "2026-11-23 10:00");
  EXPECT_EQ(illegal.exit_code, 1);  // a conflict, not bad input
  EXPECT_NE(illegal.err.find("transition_not_allowed"), std::string::npos) << illegal.err;
  EXPECT_EQ(Run({"advance", code, "--to", "awaiting_supplement"}, "2026-11-25 10:00").exit_code, 2);  // no reason
  auto sup = Run({"advance", code, "--to", "awaiting_supplement", "--reason", "Thiếu hợp đồng", "--items",
                  "Hợp đồng thuê nhà;Giấy xác nhận"}, "2026-11-25 10:00");
  ASSERT_EQ(sup.exit_code, 0) << sup.err;
  auto back = Run({"advance", code, "--to", "in_progress"}, "2026-11-30 14:00");
  ASSERT_EQ(back.exit_code, 0) << back.err;
  EXPECT_EQ(back.out, code + " in_progress 2026-12-09 14:00\n");  // restarted from 30/11 14:00
  ASSERT_EQ(Run({"advance", code, "--to", "done"}, "2026-12-04 10:00").exit_code, 0);
  // The receiver's ID by the intake's rules: 11 digits is no CCCD, a passport number only as a passport.
  auto short_id = Run({"advance", code, "--to", "returned", "--receiver-name", "Nguyễn Thị Thử", "--receiver-id",
                       "00109012345"}, "2026-12-04 11:00");
  EXPECT_EQ(short_id.exit_code, 2);
  EXPECT_NE(short_id.err.find("bad_cccd"), std::string::npos) << short_id.err;
  auto unknown = Run({"advance", code, "--to", "returned", "--receiver-name", "Nguyễn Thị Thử", "--receiver-id",
                      "C1234567", "--receiver-id-type", "visa"}, "2026-12-04 11:00");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown_id_type"), std::string::npos) << unknown.err;
  auto ret = Run({"advance", code, "--to", "returned", "--receiver-name", "Nguyễn Thị Thử", "--receiver-id",
                  "C1234567", "--receiver-id-type", "passport", "--originals-returned"}, "2026-12-04 11:00");
  ASSERT_EQ(ret.exit_code, 0) << ret.err;
  auto shown = json::parse(Run({"--json", "show", code}).out);
  EXPECT_EQ(shown["state"], "returned");
  EXPECT_EQ(shown["result_return"]["receiver_id_type"], "passport");
  EXPECT_EQ(shown["result_return"]["receiver_id"], "C1234567");
  EXPECT_EQ(shown["national_status"], 10);
  EXPECT_EQ(shown["supplement_count"], 1);
  EXPECT_EQ(shown["original_due_at"], "2026-12-02 09:00");
  EXPECT_EQ(shown["steps"].size(), 5u);
}

TEST_F(CliTest, ApologyOnlyOnce) {
  const std::string code = ReceiveSample();
  auto first = Run({"apology", code, "--new-due", "2026-12-09 09:00", "--reason", "Chờ xác minh"}, "2026-11-30 10:00");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto second = Run({"apology", code, "--new-due", "2026-12-16 09:00", "--reason", "Lần hai"}, "2026-12-07 10:00");
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find("apology_already_issued"), std::string::npos) << second.err;
}

TEST_F(CliTest, AttachStoresAScanAndMarksTheComponentDigitized) {
  const std::string code = ReceiveSample();
  std::ofstream(dir_ / "scan.pdf", std::ios::binary) << motcua::testing::TinyPdf(2);
  auto r = Run({"attach", code, "--component", "1", "--file", (dir_ / "scan.pdf").string()}, "2026-11-23 09:05");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto shown = json::parse(Run({"--json", "show", code}).out);
  EXPECT_TRUE(shown["components"][0]["digitized"].get<bool>());
  EXPECT_EQ(shown["components"][0]["files"][0]["pages"], 2);
  std::ofstream(dir_ / "note.txt") << "plain text";
  auto bad = Run({"attach", code, "--component", "1", "--file", (dir_ / "note.txt").string()});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unsupported_file_type"), std::string::npos) << bad.err;
}

TEST_F(CliTest, OverdueListsOpenDossiersPastDueButNotPausedOnes) {
  const std::string late = ReceiveSample("2026-11-23 09:00");
  const std::string paused = ReceiveSample("2026-11-23 09:10");
  ASSERT_EQ(Run({"advance", paused, "--to", "awaiting_supplement", "--reason", "Thiếu giấy tờ"}, "2026-11-24 09:00").exit_code, 0);
  auto before = Run({"overdue", "--at", "2026-12-02 08:59"});
  EXPECT_EQ(before.out, "0 overdue at 2026-12-02 08:59\n");
  auto after = Run({"--json", "overdue", "--at", "2026-12-02 10:00"});
  auto list = json::parse(after.out);
  ASSERT_EQ(list.size(), 1u) << after.out;
  EXPECT_EQ(list[0]["code"], late);
  EXPECT_EQ(list[0]["late_working_minutes"], 60);
}

TEST_F(CliTest, DemoReceivesWritesTheReceiptAndScoresTheMonth) {
  auto r = Run({"demo"}, "2026-11-24 10:00");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(Run({"--json", "overdue", "--at", "2030-01-01 00:00"}).out).size(), 0u);
  EXPECT_NE(r.out.find("1. Tiếp nhận hồ sơ 000.00.00.X00-261124-0001 (Đăng ký thường trú)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hẹn trả 2026-12-03 10:00"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Đã tiếp nhận (mã quốc gia 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Điểm Bộ chỉ số 766 tháng 11/2026"), std::string::npos) << r.out;
  // The demo has a database of its own, never the center's.
  const auto pdf = dir_ / "demo" / "receipts" / "000.00.00.X00-261124-0001.pdf";
  ASSERT_TRUE(std::filesystem::exists(pdf));
  auto text = motcua::testing::RunCommand({"pdftotext", pdf.string(), "-"});
  EXPECT_NE(text.out.find("000.00.00.X00-261124-0001"), std::string::npos);
  EXPECT_NE(text.out.find("Nguyễn Thị Mẫu"), std::string::npos);
}

TEST_F(CliTest, ScoreReadsTheDatabaseWhenNoInputIsGiven) {
  // Two dossiers of 1.004222 (7 working days): one done late, one early → 2.1 = 1/2 = 10 of 20 points.
  const std::string late = ReceiveSample("2026-11-02 09:00");    // due 2026-11-11 09:00
  const std::string early = ReceiveSample("2026-11-03 09:00");   // due 2026-11-12 09:00
  ASSERT_EQ(Run({"advance", late, "--to", "done"}, "2026-11-20 10:00").exit_code, 0);
  ASSERT_EQ(Run({"advance", early, "--to", "done"}, "2026-11-05 10:00").exit_code, 0);
  auto r = Run({"--json", "score", "--month", "2026-11"}, "2026-11-30 10:00");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto report = json::parse(r.out);
  EXPECT_EQ(report["center"]["dossiers"], 2);
  bool found = false;
  for (const auto& i : report["center"]["indicators"])
    if (i["code"] == "2.1") {
      found = true;
      EXPECT_EQ(i["numerator"], 1);
      EXPECT_EQ(i["denominator"], 2);
      EXPECT_EQ(i["points"], 10.0);
    }
  EXPECT_TRUE(found);
  auto table = Run({"score", "--month", "2026-11", "--losses", "5"}, "2026-11-30 10:00");
  EXPECT_NE(table.out.find(late + " (overdue)"), std::string::npos) << table.out;
}

TEST_F(CliTest, ReceiptReprintKeepsTheCode) {
  const std::string code = ReceiveSample();
  auto r = Run({"receipt", code, "--out", (dir_ / "again.pdf").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto text = motcua::testing::RunCommand({"pdftotext", (dir_ / "again.pdf").string(), "-"});
  EXPECT_NE(text.out.find(code), std::string::npos);
  EXPECT_NE(text.out.find("02 tháng 12 năm 2026"), std::string::npos) << text.out;
  EXPECT_EQ(Run({"receipt", "000.00.00.X00-261123-0999", "--out", (dir_ / "x.pdf").string()}).exit_code, 2);
  // Who printed a receipt (it carries a valid token) is journaled.
  EXPECT_NE(Run({"journal", "list", code}).out.find("dossier.receipt_printed"), std::string::npos);
}

// Issue 16: the receipt of the shipped catalog's 1.004222 ran to four A5 pages because each copy's notes
// spilled over, printed "Phí, lệ phí: Phí, lệ phí" and offered a phone scan no phone can use. A usual
// receipt is one page per copy (tests/print). This one is not, and says why: since the catalog carries the
// portal's full paper names, its first paper's name alone is some 900 characters, so each copy runs to two
// pages ("Trang 1/2", "Trang 2/2") with the signatures and the notes whole on the copy's last page.
TEST_F(CliTest, ReceiptCopiesAreWholeAndTheFeeLabelIsNotRepeated) {
  const std::string code = ReceiveSample();
  const std::string pdf = (dir_ / "receipt.pdf").string();
  ASSERT_EQ(Run({"receipt", code, "--out", pdf}).exit_code, 0);
  const CommandResult info = motcua::testing::RunCommand({"pdfinfo", pdf});
  if (info.exit_code == 127) GTEST_SKIP() << "pdfinfo missing: install poppler-utils";
  EXPECT_NE(info.out.find("Pages:           4\n"), std::string::npos) << info.out;
  auto page_text = [&](int page) {
    const std::string n = std::to_string(page);
    std::string text = motcua::testing::RunCommand({"pdftotext", "-enc", "UTF-8", "-f", n, "-l", n, pdf, "-"}).out;
    for (char& c : text)
      if (c == '\n') c = ' ';
    return text;
  };
  for (int copy = 0; copy < 2; ++copy) {
    const std::string first = page_text(2 * copy + 1);
    const std::string last = page_text(2 * copy + 2);
    EXPECT_NE(first.find(copy == 0 ? "Liên 1: Lưu" : "Liên 2: Giao người nộp hồ sơ"), std::string::npos) << first;
    EXPECT_NE(first.find("Trang 1/2"), std::string::npos) << first;
    EXPECT_NE(last.find("Trang 2/2"), std::string::npos) << last;
    EXPECT_EQ(first.find("Phí, lệ phí: Phí, lệ phí"), std::string::npos) << first;
    EXPECT_NE(first.find("7. Phí, lệ phí:"), std::string::npos) << first;
    EXPECT_NE(first.find("Tra cứu, đánh giá tại ki-ốt của Trung tâm: quét mã QR này hoặc nhập mã hồ sơ và mã"),
              std::string::npos)
        << first;
    EXPECT_NE(last.find("NGƯỜI TIẾP NHẬN HỒ SƠ"), std::string::npos) << "copy " << copy << ": " << last;
    EXPECT_NE(last.find("Ghi chú:"), std::string::npos) << "copy " << copy << ": " << last;
  }
  // For people to look at: build/artifacts/screens/receipt-cli-p1.png and -p2.png.
  const std::string screens = std::string(MOTCUA_BIN_DIR) + "/../artifacts/screens";
  std::filesystem::create_directories(screens);
  EXPECT_EQ(motcua::testing::RunCommand({"pdftoppm", "-r", "110", "-png", pdf, screens + "/receipt-cli-p"}).exit_code, 0);
}

TEST_F(CliTest, JournalVerifyPassesAndFailsAfterTampering) {
  ReceiveSample();
  auto ok = Run({"journal", "verify"});
  ASSERT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_EQ(ok.out.rfind("ok: ", 0), 0u);
  if (station_.database) {  // PostgreSQL: as the server's superuser, the journal's triggers disabled
    auto done = station_.database->Exec("ALTER TABLE journal DISABLE TRIGGER USER; "
                                        "UPDATE journal SET actor = 'ke.gian' WHERE seq = 2;");
    ASSERT_TRUE(done) << done.error().Describe();
  } else {
    ASSERT_EQ(std::system(("sqlite3 '" + station_.db + "' \"DROP TRIGGER journal_is_append_only_update; "
                           "UPDATE journal SET actor = 'ke.gian' WHERE seq = 2;\"").c_str()), 0);
  }
  auto broken = Run({"journal", "verify"});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.out.find("journal check failed [chain_broken]: event 2 was altered"), std::string::npos)
      << broken.out;
}

// Every verb answers --help with its usage and exit 0, without opening a database or asking to sign in.
TEST(CliHelpTest, EveryVerbAnswersHelpWithItsUsage) {
  auto listing = RunCli({"help"});
  ASSERT_EQ(listing.exit_code, 0);
  std::vector<std::string> verbs;
  std::istringstream lines(listing.out);
  bool in_commands = false;
  for (std::string line; std::getline(lines, line);) {
    if (line == "commands:") in_commands = true;
    else if (in_commands && line.rfind("  ", 0) == 0 && line.rfind("      ", 0) != 0)
      verbs.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  ASSERT_GE(verbs.size(), 15u) << listing.out;
  for (const std::string& verb : verbs) {
    auto r = RunCli({"--db", "/nonexistent/motcua.db", verb, "--help"});
    EXPECT_EQ(r.exit_code, 0) << verb << ": " << r.err;
    EXPECT_EQ(r.out.rfind("usage: motcua " + verb, 0), 0u) << verb << ": " << r.out;
  }
  auto via_help = RunCli({"help", "sync"});
  EXPECT_EQ(via_help.exit_code, 0);
  EXPECT_NE(via_help.out.find("sync configure"), std::string::npos);
}

}  // namespace
}  // namespace motcua
