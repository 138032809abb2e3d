// `motcua postal ...` through the real binary: an inbound manifest from a JSON file filed at the
// signing time, outbound results by code with delivery, the PDF (pdftotext), exit 2 naming the field.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fixtures.h"

namespace motcua {
namespace {

using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;
using nlohmann::json;

// Two dossiers picked up by the postal worker, one applicant from a CCCD QR.
constexpr const char* kInbound = R"({
  "postal": {"organization": "Bưu điện tỉnh Tuyên Quang", "representative": "Trần Văn Bưu", "staff_id": "BT-0042"},
  "center": {"representative": "Lê Thị Nhận"},
  "items": [
    {"parcel_number": "EB000717618HK",
     "dossier": {"procedure_code": "1.004222",
                 "applicant": {"id_type": "cccd", "id_number": "001090123456", "name": "Nguyễn Thị Thử",
                               "address": "Tổ 1, phường Phan Thiết"},
                 "cases": ["Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"],
                 "delivery": "postal", "delivery_address": "Tổ 1, phường Phan Thiết"}},
    {"parcel_number": "ee 471 108 151 fr", "note": "Kèm lệ phí",
     "dossier": {"procedure_code": "1.004222",
                 "applicant": {"cccd_qr": "008085001234||Phạm Văn Gửi|02031985|Nam|Thôn Đồng Tâm, xã Hùng Lợi|15042021"},
                 "cases": ["Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"]}}
  ]})";

class PostalCliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(motcua::testing::PrepareCliStation(dir_ / "motcua.db", "2026-11-27 08:00")); }
  CommandResult Run(std::vector<std::string> args, const char* now = "2026-11-27 15:40", bool json_out = false) {
    std::vector<std::string> full = {"--db", (dir_ / "motcua.db").string(), "--assets", MOTCUA_ASSETS_DIR,
                                     "--now", now, "--as", "admin"};
    if (json_out) full.push_back("--json");
    full.insert(full.end(), args.begin(), args.end());
    return RunCli(full);
  }
  std::string WriteFile(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  static std::string FirstWord(const std::string& s) { return s.substr(0, s.find_first_of(" \n")); }

  TempDir dir_;
};

std::string PdfText(const std::string& pdf) {
  std::string text;
  FILE* p = ::popen(("pdftotext -enc UTF-8 '" + pdf + "' - 2>/dev/null").c_str(), "r");
  if (!p) return text;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  ::pclose(p);
  // Collapse white space: table cells wrap phrases across lines.
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed.push_back(space ? ' ' : c);
  }
  return collapsed;
}

TEST_F(PostalCliTest, AnInboundManifestFromAFileFilesItsDossiersWhenSigned) {
  auto created = Run({"postal", "create", "inbound", "--json", WriteFile("in.json", kInbound)});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  EXPECT_EQ(created.out, "IN-261127-0001 draft 2 items\n");
  // Signed Friday 2026-11-27 16:30; 1.004222 takes 7 working days: due Tuesday 2026-12-08 16:30.
  auto signed_ = Run({"postal", "sign", "IN-261127-0001"}, "2026-11-27 16:30");
  ASSERT_EQ(signed_.exit_code, 0) << signed_.err;
  EXPECT_EQ(signed_.out,
            "IN-261127-0001 signed 2026-11-27 16:30\n"
            "EB000717618HK 000.00.00.X00-261127-0001 2026-12-08 16:30\n"
            "EE471108151FR 000.00.00.X00-261127-0002 2026-12-08 16:30\n");
  auto show = Run({"show", "000.00.00.X00-261127-0002"}, "2026-11-27 16:31", true);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  auto d = json::parse(show.out);
  EXPECT_EQ(d["channel"], "postal");
  EXPECT_EQ(d["received_at"], "2026-11-27 16:30");
  EXPECT_EQ(d["applicant"]["name"], "Phạm Văn Gửi");
  auto found = Run({"postal", "find", "EE471108151FR"}, "2026-11-27 16:31");
  EXPECT_EQ(found.out, "EE471108151FR IN-261127-0001 000.00.00.X00-261127-0002\n");
  auto list = Run({"postal", "list", "--direction", "inbound", "--status", "signed"}, "2026-11-27 16:31");
  EXPECT_EQ(list.out, "IN-261127-0001  inbound  signed  2 items  2026-11-27 16:30\n");
  auto json_show = Run({"postal", "show", "IN-261127-0001"}, "2026-11-27 16:31", true);
  ASSERT_EQ(json_show.exit_code, 0) << json_show.err;
  auto m = json::parse(json_show.out);
  EXPECT_EQ(m["status"], "signed");
  EXPECT_EQ(m["items"][1]["note"], "Kèm lệ phí");
  EXPECT_EQ(m["postal"]["staff_id"], "BT-0042");
}

TEST_F(PostalCliTest, BadInputExitsTwoNamingTheFieldAndSignsNothing) {
  json bad = json::parse(kInbound);
  bad["items"][1]["parcel_number"] = "EE471108152FR";  // wrong check digit
  auto r = Run({"postal", "create", "inbound", "--json", WriteFile("bad.json", bad.dump())});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("items[1].parcel_number"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad_check_digit"), std::string::npos) << r.err;
  // The draft keeps the first item; the second can be added once fixed.
  auto add = Run({"postal", "add", "IN-261127-0001", "--json",
                  WriteFile("one.json", json::parse(kInbound)["items"][1].dump())});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out, "IN-261127-0001 draft 2 items\n");

  json bad_id = json::parse(kInbound)["items"][0];
  bad_id["parcel_number"] = "RR473124829GB";
  bad_id["dossier"]["applicant"]["id_number"] = "00109012345";
  auto id = Run({"postal", "add", "IN-261127-0001", "--json", WriteFile("id.json", bad_id.dump())});
  EXPECT_EQ(id.exit_code, 2);
  EXPECT_NE(id.err.find("items[0].dossier.applicant.id_number"), std::string::npos) << id.err;

  EXPECT_EQ(Run({"postal", "frobnicate"}).exit_code, 2);
  EXPECT_EQ(Run({"postal", "create", "sideways"}).exit_code, 2);
  EXPECT_EQ(Run({"postal", "show", "IN-261127-0099"}).exit_code, 2);  // names no manifest
  EXPECT_EQ(Run({"postal", "create", "outbound"}).out, "OUT-261127-0001 draft 0 items\n");
  auto empty = Run({"postal", "sign", "OUT-261127-0001"});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("items"), std::string::npos) << empty.err;
  auto not_done = Run({"postal", "add", "OUT-261127-0001", "EB000717618HK"});  // listed, but not signed yet
  EXPECT_EQ(not_done.exit_code, 2);  // no such dossier: nothing was received
  EXPECT_EQ(Run({"overdue", "--at", "2030-01-01 00:00"}).out, "0 overdue at 2030-01-01 00:00\n");
}

TEST_F(PostalCliTest, OutboundResultsAreAddedSignedDeliveredAndPrinted) {
  auto received = Run({"receive", "--json", WriteFile("d.json", json::parse(kInbound)["items"][0]["dossier"].dump())},
                      "2026-11-23 09:00");
  ASSERT_EQ(received.exit_code, 0) << received.err;
  const std::string code = FirstWord(received.out);
  // Not done yet: refused naming the state.
  ASSERT_EQ(Run({"postal", "create", "outbound", "--postal-org", "Bưu điện tỉnh Tuyên Quang", "--postal-rep",
                 "Trần Văn Bưu", "--center-rep", "Lê Thị Nhận"},
                "2026-11-30 14:00").exit_code, 0);
  auto early = Run({"postal", "add", "OUT-261130-0001", code}, "2026-11-30 14:01");
  EXPECT_EQ(early.exit_code, 1);  // a conflict, not bad input
  EXPECT_NE(early.err.find("not_done"), std::string::npos) << early.err;
  ASSERT_EQ(Run({"advance", code, "--to", "done"}, "2026-11-30 14:02").exit_code, 0);
  auto pending = Run({"postal", "pending"}, "2026-11-30 14:03");
  EXPECT_EQ(FirstWord(pending.out), code);

  auto added = Run({"postal", "add", "OUT-261130-0001", code, "--parcel", "RR473124829GB", "--originals-returned"},
                   "2026-11-30 14:04");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(Run({"postal", "pending"}, "2026-11-30 14:05").out, "");
  auto signed_ = Run({"postal", "sign", "OUT-261130-0001"}, "2026-11-30 14:15");
  ASSERT_EQ(signed_.exit_code, 0) << signed_.err;
  EXPECT_EQ(signed_.out, "OUT-261130-0001 signed 2026-11-30 14:15\nRR473124829GB " + code + " returned\n");

  auto failed = Run({"postal", "deliver", "OUT-261130-0001", "RR473124829GB", "--failed", "Không có người nhận"},
                    "2026-12-01 10:00");
  ASSERT_EQ(failed.exit_code, 0) << failed.err;
  EXPECT_EQ(failed.out, "OUT-261130-0001 signed\n");
  auto missing = Run({"postal", "deliver", "OUT-261130-0001", code}, "2026-12-02 09:00");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("receiver_name"), std::string::npos) << missing.err;
  auto bad_at = Run({"postal", "deliver", "OUT-261130-0001", code, "--receiver", "A", "--at", "2026-02-30 09:00"},
                    "2026-12-02 09:00");
  EXPECT_EQ(bad_at.exit_code, 2);
  EXPECT_NE(bad_at.err.find("bad_datetime"), std::string::npos) << bad_at.err;
  auto delivered = Run({"postal", "deliver", "OUT-261130-0001", code, "--receiver", "Nguyễn Thị Thử", "--at",
                        "2026-12-02 08:45"}, "2026-12-02 09:00");
  ASSERT_EQ(delivered.exit_code, 0) << delivered.err;
  EXPECT_EQ(delivered.out, "OUT-261130-0001 delivered\n");
  auto show = Run({"show", code}, "2026-12-02 09:01", true);
  auto d = json::parse(show.out);
  EXPECT_EQ(d["state"], "returned");
  EXPECT_NE(d["steps"].back()["content"].get<std::string>().find("Nguyễn Thị Thử"), std::string::npos);

  const std::string pdf = (dir_ / "out.pdf").string();
  auto printed = Run({"postal", "pdf", "OUT-261130-0001", pdf}, "2026-12-02 09:02");
  ASSERT_EQ(printed.exit_code, 0) << printed.err;
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  const std::string text = PdfText(pdf);
  EXPECT_NE(text.find("RR473124829GB"), std::string::npos) << text;
  EXPECT_NE(text.find(code), std::string::npos) << text;
  EXPECT_NE(text.find("KẾT QUẢ"), std::string::npos) << text;
  EXPECT_NE(text.find("Kèm bản chính"), std::string::npos) << text;
  EXPECT_NE(text.find("(Tổ 1, phường Phan Thiết)"), std::string::npos) << text;  // the addressee column
}

}  // namespace
}  // namespace motcua
