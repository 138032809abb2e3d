// build/bin/motcua-provincial as a program: serve (its line, the port file, signals, refusals, a kill
// at any instant), records and score (the core scorer over what was received). Exit codes: 0 ok,
// 2 bad input, 1 other errors.
#include <signal.h>

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <thread>

#include "dvc/national_record.h"
#include "indicators/scorer.h"
#include "indicators/scorer_json.h"
#include "test_server.h"

namespace motcua::provincial {
namespace {

using testing::ChildServer;
using testing::kDstcode;
using testing::kPassword;
using testing::kUser;
using testing::RunTool;
using testing::SampleRecord;
using testing::SampleStep;
using testing::TempDir;
using testing::TestServer;
using testing::ToolResult;

std::string WritePasswordFile(const TempDir& dir) {
  const auto path = dir / "password";
  std::ofstream(path) << kPassword << "\n";
  return path.string();
}

std::vector<std::string> ServeArgs(const TempDir& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"serve",  "--db",   (dir / "p.db").string(), "--port",          "0",
                                "--dstcode", kDstcode, "--user",              kUser, "--password-file",
                                WritePasswordFile(dir)};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

int PortOf(const std::string& line) { return std::stoi(line.substr(line.rfind(':') + 1)); }

httplib::Result LoginTo(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(std::chrono::seconds(5));
  return client.Post("/api/auth/login", httplib::Headers{{"dstcode", kDstcode}},
                     Json{{"username", kUser}, {"password", kPassword}}.dump(), "application/json");
}

TEST(Serve, PrintsItsAddressWritesThePortFileAndStopsOnSigterm) {
  TempDir dir;
  ChildServer child(ServeArgs(dir, {"--port-file", (dir / "port").string()}));
  const auto line = child.ReadLine(std::chrono::seconds(10));
  ASSERT_TRUE(line.has_value()) << child.Stderr();
  ASSERT_TRUE(line->starts_with("listening on 127.0.0.1:")) << *line;
  const int port = PortOf(*line);
  std::ifstream port_file(dir / "port");
  int written = 0;
  port_file >> written;
  EXPECT_EQ(written, port);
  auto login = LoginTo(port);
  ASSERT_TRUE(login);
  EXPECT_EQ(Json::parse(login->body)["error_code"], "0");
  EXPECT_EQ(child.StopWith(SIGTERM, std::chrono::seconds(10)), 0);
  EXPECT_NE(child.Stderr().find("stopped (SIGTERM)"), std::string::npos) << child.Stderr();
  EXPECT_EQ(child.Stderr().find(kPassword), std::string::npos) << "the password is never printed";
}

TEST(Serve, StopsOnSigint) {
  TempDir dir;
  ChildServer child(ServeArgs(dir, {"--session-ttl", "30", "--clock-offset-seconds", "-3600", "--fault", "http503:1"}));
  const auto line = child.ReadLine(std::chrono::seconds(10));
  ASSERT_TRUE(line.has_value()) << child.Stderr();
  auto first = LoginTo(PortOf(*line));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 503) << "--fault http503:1 armed at start";
  EXPECT_EQ(child.StopWith(SIGINT, std::chrono::seconds(10)), 0);
}

TEST(Serve, RefusesBadInputWithExitCode2) {
  TempDir dir;
  struct Case {
    std::vector<std::string> args;
    std::string names;  // what the message must name
  };
  const std::string db = (dir / "p.db").string(), password = WritePasswordFile(dir);
  const Case cases[] = {
      {ServeArgs(dir, {"--host", "0.0.0.0"}), "not_loopback"},
      {ServeArgs(dir, {"--host", "192.168.1.10"}), "not_loopback"},
      {{"serve", "--db", db, "--port", "0", "--user", kUser, "--password-file", password}, "dstcode"},
      {{"serve", "--db", db, "--port", "abc", "--dstcode", kDstcode, "--user", kUser, "--password-file", password},
       "port"},
      {{"serve", "--db", db, "--port", "0", "--dstcode", kDstcode, "--user", kUser, "--password-file",
        (dir / "missing").string()},
       "password-file"},
      {ServeArgs(dir, {"--fault", "lag"}), "unknown_fault"},
      {ServeArgs(dir, {"--session-ttl", "0"}), "session-ttl"},
      {ServeArgs(dir, {"--verbose"}), "unknown option --verbose"},
      {ServeArgs(dir, {"--catalog", (dir / "missing.json").string()}), "file_not_found"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.names);
    const ToolResult r = RunTool(c.args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(c.names), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_FALSE(std::filesystem::exists(db)) << "nothing was created";
  EXPECT_EQ(RunTool({}).exit_code, 2);
  EXPECT_EQ(RunTool({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(RunTool({"--help"}).exit_code, 0);
}

TEST(Serve, AKillAtAnyInstantKeepsEveryAcknowledgedBatch) {
  TempDir dir;
  ChildServer child(ServeArgs(dir));
  const auto line = child.ReadLine(std::chrono::seconds(10));
  ASSERT_TRUE(line.has_value()) << child.Stderr();
  const int port = PortOf(*line);
  auto login = LoginTo(port);
  ASSERT_TRUE(login);
  const std::string session = Json::parse(login->body)["session"].get<std::string>();
  std::atomic<int> acknowledged{0};
  std::atomic<bool> done{false}, sender_ended{false};
  std::thread sender([&] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(std::chrono::seconds(2));
    for (int i = 0; i < 1000 && !done; ++i) {
      const Json body{{"session", session},
                      {"madonvi", testing::kUnit},
                      {"service", "DongBoHoSoMC"},
                      {"isUpdating", "False"},
                      {"data", Json::array({SampleRecord("K-" + std::to_string(i))})}};
      auto r = client.Post("/api/integration", httplib::Headers{{"dstcode", kDstcode}}, body.dump(), "application/json");
      if (!r || r->status != 200) break;
      ++acknowledged;
    }
    sender_ended = true;
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (acknowledged < 5 && !sender_ended && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_GE(acknowledged.load(), 5) << "the server should have acknowledged a few batches before the kill";
  EXPECT_EQ(child.StopWith(SIGKILL, std::chrono::seconds(10)), -1);  // killed, mid-stream
  done = true;
  sender.join();
  const ToolResult records = RunTool({"records", "--db", (dir / "p.db").string()});
  ASSERT_EQ(records.exit_code, 0) << records.err;
  const Json stored = Json::parse(records.out);
  // Every acknowledged batch is there; at most one more (committed, its reply lost to the kill).
  EXPECT_GE(stored.size(), static_cast<std::size_t>(acknowledged.load()));
  EXPECT_LE(stored.size(), static_cast<std::size_t>(acknowledged.load()) + 1);
  for (std::size_t i = 0; i < stored.size(); ++i) EXPECT_EQ(stored[i]["MaHoSo"], "K-" + std::to_string(i));
}

TEST(Records, PrintsEveryRecordWithItsSteps) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1"), SampleRecord("A-2")}, false).json["error_code"], "0");
  ASSERT_EQ(server.Steps({SampleStep("A-2", "20260803080000", "2"), SampleStep("A-2", "20260803090000", "4")})
                .json["error_code"],
            "0");
  const ToolResult r = RunTool({"records", "--db", server.db_path().string()});  // while the server runs
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json records = Json::parse(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["MaHoSo"], "A-1");
  EXPECT_EQ(records[0]["QuaTrinhXuLy"], Json::array());
  ASSERT_EQ(records[1]["QuaTrinhXuLy"].size(), 2u);
  EXPECT_EQ(records[1]["QuaTrinhXuLy"][1]["TrangThai"], "4");
  Json a1 = records[0];
  a1.erase("QuaTrinhXuLy");
  EXPECT_EQ(a1, SampleRecord("A-1"));
}

TEST(Records, MissingDatabaseIsBadInput) {
  TempDir dir;
  const ToolResult r = RunTool({"records", "--db", (dir / "none.db").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not_found"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

// Four dossiers of August 2026 in the national shape, as a sender would sync them.
std::vector<Json> AugustRecords() {
  Json on_time = SampleRecord("000.00.12.H60-260803-0001");
  on_time["TrangThaiHoSo"] = "10";
  on_time["KenhThucHien"] = "2";
  on_time["NgayKetThucXuLy"] = "20260804100000";
  on_time["NgayTra"] = "20260804140000";
  on_time["DanhSachGiayToKetQua"][0]["DuongDanTepTinKetQua"] = "https://dvc.example.vn/kq/1";
  Json late = SampleRecord("000.00.12.H60-260810-0002");
  late["NgayTiepNhan"] = "20260810080000";
  late["NgayHenTra"] = "20260812170000";
  late["NgayKetThucXuLy"] = "20260814100000";
  late["TrangThaiHoSo"] = "9";
  Json open = SampleRecord("000.00.12.H60-260820-0003");
  open["NgayTiepNhan"] = "20260820080000";
  open["NgayHenTra"] = "20260827170000";
  open["TrangThaiHoSo"] = "4";
  open["KenhThucHien"] = "3";
  Json july = SampleRecord("000.00.12.H60-260730-0004");  // outside the period
  july["NgayTiepNhan"] = "20260730080000";
  july["NgayHenTra"] = "20260731170000";
  return {on_time, late, open, july};
}

TEST(Score, EqualsTheCoreScorerOverTheSameRecords) {
  TestServer server;
  const std::vector<Json> sent = AugustRecords();
  ASSERT_EQ(server.Sync(sent, false).json["error_code"], "0");
  ASSERT_EQ(server.Steps({SampleStep(sent[0]["MaHoSo"].get<std::string>(), "20260803080000", "2")}).json["error_code"], "0");

  const ToolResult r = RunTool({"score", "--db", server.db_path().string(), "--from", "2026-08-01", "--to", "2026-08-31",
                                "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;

  auto records = dvc::ParseNationalRecords(Json(sent).dump());
  ASSERT_TRUE(records.has_value()) << records.error().Describe();
  const auto period = indicators::MakePeriod(std::chrono::local_days{std::chrono::year{2026} / 8 / 1},
                                             std::chrono::local_days{std::chrono::year{2026} / 8 / 31});
  ASSERT_TRUE(period.has_value());
  auto report = indicators::Score(*records, {}, *period);
  ASSERT_TRUE(report.has_value()) << report.error().Describe();
  EXPECT_EQ(r.out, indicators::ReportToJson(*report, *records) + "\n");
  EXPECT_EQ(report->center.dossiers, 3) << "July's dossier is outside the period";
  const auto& synced = report->center.Get(indicators::IndicatorId::k1_4);
  EXPECT_EQ(synced.numerator, synced.denominator) << "no motcua_local: everything received counts as synced";

  const ToolResult table = RunTool({"score", "--db", server.db_path().string(), "--from", "2026-08-01", "--to",
                                    "2026-08-31"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("3 hồ sơ tiếp nhận trong kỳ"), std::string::npos) << table.out;
}

TEST(Score, RefusesBadFlagsWithExitCode2) {
  TestServer server;
  const std::string db = server.db_path().string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"score", "--db", db, "--from", "2026-08-01"},
        std::vector<std::string>{"score", "--db", db, "--from", "2026-08-31", "--to", "2026-08-01"},
        std::vector<std::string>{"score", "--db", db, "--from", "01/08/2026", "--to", "2026-08-31"},
        std::vector<std::string>{"score", "--db", db, "--from", "2026-08-01", "--to", "2026-08-31", "--setting",
                                 "no_such_setting=1"}}) {
    const ToolResult r = RunTool(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_FALSE(r.err.empty());
  }
}

}  // namespace
}  // namespace motcua::provincial
