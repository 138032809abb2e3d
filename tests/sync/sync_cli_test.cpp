// `motcua sync` as operators and outside checks use it, against the provincial stand-in.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "provincial_process.h"
#include "support/fixtures.h"

namespace {

namespace fs = std::filesystem;
using motcua::testing::RunCli;
using Json = nlohmann::json;

class SyncCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(motcua::testing::PrepareCliStation(Db(), ""));
    server_ = std::make_unique<motcua::testing::ProvincialProcess>(dir_.path());
    ASSERT_TRUE(server_->running());
  }
  std::string Db() const { return (dir_.path() / "data" / "motcua.db").string(); }
  motcua::testing::CommandResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db()});
    auto r = RunCli(args);
    EXPECT_EQ(r.out.find(server_->Password()), std::string::npos) << "the password was printed";
    EXPECT_EQ(r.err.find(server_->Password()), std::string::npos) << "the password was printed";
    return r;
  }
  motcua::testing::CommandResult Configure(const std::string& url) {
    const auto s = server_->Settings();
    return Run({"--as", "admin", "sync", "configure", "--url", url, "--auth-path", s.auth_path, "--integration-path",
                s.integration_path, "--dstcode", s.dstcode, "--madonvi", s.unit_code, "--username", s.username,
                "--password-file", s.password_file});
  }
  std::string ReceiveSample() {
    auto r = Run({"--as", "admin", "--json", "receive", "--json", std::string(MOTCUA_ASSETS_DIR) + "/samples/demo-dossier.json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto j = Json::parse(r.out, nullptr, false);
    return j.is_object() && j.contains("code") ? j["code"].get<std::string>() : "";
  }

  motcua::testing::TempDir dir_;
  std::unique_ptr<motcua::testing::ProvincialProcess> server_;
};

TEST_F(SyncCliTest, APasswordFileOthersMayReadIsRefusedNamingTheFileAndItsMode) {
  const std::string file = server_->Settings().password_file;
  ::chmod(file.c_str(), 0644);
  auto r = Configure(server_->Settings().base_url);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("0644"), std::string::npos) << r.err;
}

TEST_F(SyncCliTest, RunOnceDrainsAndStatusShowsTheParkedRecordWithTheServersWords) {
  ASSERT_EQ(Configure(server_->Settings().base_url).exit_code, 0);
  const std::string code = ReceiveSample();
  ASSERT_FALSE(code.empty());
  auto before = Json::parse(Run({"--json", "sync", "status"}).out, nullptr, false);
  ASSERT_TRUE(before.is_object());
  EXPECT_EQ(before["pending_dossiers"], 1);

  // The shipped catalog has no national field codes (no public source gives them): the strict server
  // refuses the record, which is parked and blocks nothing.
  auto run = Run({"sync", "run", "--once", "--max-seconds", "30"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  auto status = Json::parse(Run({"--json", "sync", "status"}).out, nullptr, false);
  ASSERT_TRUE(status.is_object());
  EXPECT_EQ(status["pending_dossiers"], 0);
  ASSERT_EQ(status["parked"].size(), 1u) << status;
  EXPECT_EQ(status["parked"][0]["code"], code);
  EXPECT_NE(status["parked"][0]["message"].get<std::string>().find("MaLinhVuc"), std::string::npos) << status;
  EXPECT_FALSE(status["clock_skew_warning"].get<bool>());
  auto parked = Run({"sync", "parked"});
  EXPECT_NE(parked.out.find(code), std::string::npos);

  // Sending it again is a supervisor's act, signed in.
  EXPECT_EQ(Run({"sync", "retry", code}).exit_code, 2);
  EXPECT_EQ(Run({"--as", "admin", "sync", "retry", code}).exit_code, 0);
  EXPECT_EQ(Json::parse(Run({"--json", "sync", "status"}).out)["pending_dossiers"], 1);

  // The journal holds the settings, never the password.
  auto journal = Run({"journal", "list"});
  EXPECT_NE(journal.out.find("sync.configured"), std::string::npos);
  EXPECT_NE(journal.out.find("sync.parked"), std::string::npos);
  EXPECT_EQ(Run({"journal", "verify"}).exit_code, 0);
}

// The real first day: the shipped catalog has no national field codes, so the strict server parks the
// record; the catalog pulled from the province brings them (a new catalog version, the old one kept for
// the open dossier), and the parked record, sent again, is accepted.
TEST_F(SyncCliTest, TheCatalogPulledFromTheProvinceUnparksTheRecordsItBlocked) {
  auto catalog = Json::parse(std::ifstream(std::string(MOTCUA_ASSETS_DIR) + "/catalog/catalog.json"));
  for (auto& p : catalog["procedures"])
    if (p["code"] == "1.004222") p["field_code"] = "TEST.LV.CT";  // fictional: the real code is not public
  const fs::path file = dir_.path() / "province-catalog.json";
  std::ofstream(file) << catalog.dump();
  server_.reset();
  server_ = std::make_unique<motcua::testing::ProvincialProcess>(dir_.path(), std::vector<std::string>{"--catalog", file.string()});
  ASSERT_TRUE(server_->running());
  ASSERT_EQ(Configure(server_->Settings().base_url).exit_code, 0);
  const std::string code = ReceiveSample();
  ASSERT_EQ(Run({"sync", "run", "--once", "--max-seconds", "30"}).exit_code, 0);
  ASSERT_EQ(Json::parse(Run({"--json", "sync", "status"}).out)["parked"].size(), 1u);

  EXPECT_EQ(Run({"sync", "catalog"}).exit_code, 2);  // an administrator's act
  auto pulled = Run({"--as", "admin", "--json", "sync", "catalog"});
  ASSERT_EQ(pulled.exit_code, 0) << pulled.err;
  const Json pull = Json::parse(pulled.out);
  EXPECT_EQ(pull["version"], 1);
  EXPECT_EQ(pull["changed"], Json::array({"1.004222"}));
  EXPECT_EQ(pull["kept_previous"], Json::array({"1.004222"}));  // an open dossier was received under it
  EXPECT_EQ(Json::parse(Run({"--as", "admin", "--json", "sync", "catalog"}).out)["changed"].size(), 0u);

  ASSERT_EQ(Run({"--as", "admin", "sync", "retry", code}).exit_code, 0);
  ASSERT_EQ(Run({"sync", "run", "--once", "--max-seconds", "30"}).exit_code, 0);
  auto status = Json::parse(Run({"--json", "sync", "status"}).out);
  EXPECT_EQ(status["parked"].size(), 0u) << status;
  EXPECT_EQ(status["pending_dossiers"], 0);
  const Json records = server_->Records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["MaLinhVuc"], "TEST.LV.CT");
  EXPECT_EQ(Run({"journal", "verify"}).exit_code, 0);
}

TEST_F(SyncCliTest, RunOnceWithTheServerDownExitsOneSayingWhy) {
  ASSERT_EQ(Configure(server_->Settings().base_url).exit_code, 0);
  ReceiveSample();
  server_->Kill();
  auto run = Run({"sync", "run", "--once", "--max-seconds", "3"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("connect_failed"), std::string::npos) << run.err;
  auto status = Json::parse(Run({"--json", "sync", "status"}).out, nullptr, false);
  ASSERT_TRUE(status.is_object());
  EXPECT_TRUE(status["offline"].get<bool>());
  EXPECT_EQ(status["last_error_rule"], "connect_failed");
  EXPECT_EQ(status["pending_dossiers"], 1);
}

TEST_F(SyncCliTest, ConfigureRefusesPlainHttpToAnotherHost) {
  auto r = Configure("http://dvc.example.gov.vn");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("insecure_url"), std::string::npos) << r.err;
}

TEST_F(SyncCliTest, AServerWhoseClockIsFiveMinutesAheadIsShownNotCorrected) {
  server_.reset();
  server_ = std::make_unique<motcua::testing::ProvincialProcess>(dir_.path(), std::vector<std::string>{"--clock-offset-seconds", "300"});
  ASSERT_TRUE(server_->running());
  ASSERT_EQ(Configure(server_->Settings().base_url).exit_code, 0);
  ReceiveSample();
  EXPECT_EQ(Run({"sync", "run", "--once", "--max-seconds", "30"}).exit_code, 0);
  auto status = Json::parse(Run({"--json", "sync", "status"}).out, nullptr, false);
  ASSERT_TRUE(status.is_object());
  EXPECT_TRUE(status["clock_skew_warning"].get<bool>());
  EXPECT_NEAR(status["clock_skew_seconds"].get<double>(), 300, 5);
  EXPECT_NE(Run({"sync", "status"}).out.find("WARNING"), std::string::npos);
}

}  // namespace
