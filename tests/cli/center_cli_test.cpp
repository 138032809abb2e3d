// The motcua CLI on a center's PostgreSQL database (issue 15: "`motcua --db postgresql://…` accepts either
// form"), through the real binary and a real server (PgServer::Shared): init in place, two stations on one
// database, what "missing" means for a center, and a connection string that never shows in any output.
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/store.h"
#include "support/fixtures.h"
#include "support/test_database.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using motcua::testing::Backend;
using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;
using motcua::testing::TestDatabase;
using nlohmann::json;

// A password word in every connection string below: the trust-authenticated test server ignores it, and no
// output may ever show it.
constexpr const char* kSecret = "Secret-Not-Printed-42";

constexpr const char* kCenterDossier = R"({
  "procedure_code": "1.004222",
  "applicant": {"id_type": "cccd", "id_number": "001090123456", "name": "Nguyễn Thị Thử",
                "phone": "0912345678", "address": "Tổ 1, phường Phan Thiết"},
  "cases": ["Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"]
})";

class CenterCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = TestDatabase::Create(Backend::kPostgres, dir_ / "a");
    ASSERT_TRUE(db) << db.error().Describe();
    db_.emplace(*db);
    conninfo_ = db_->location() + " password=" + kSecret;
    std::ofstream(dir_ / "d.json") << kCenterDossier;
  }
  // Runs as a station whose data directory is `data`, on this test's center database.
  CommandResult Run(const fs::path& data, std::vector<std::string> args, const char* now = "2026-11-23 09:00") {
    std::vector<std::string> full = {"--db", conninfo_, "--data-dir", data.string(), "--assets", MOTCUA_ASSETS_DIR,
                                     "--now", now};
    full.insert(full.end(), args.begin(), args.end());
    CommandResult r = RunCli(full);
    EXPECT_EQ(r.out.find(kSecret), std::string::npos) << "stdout shows the password: " << r.out;
    EXPECT_EQ(r.err.find(kSecret), std::string::npos) << "stderr shows the password: " << r.err;
    return r;
  }

  TempDir dir_;
  std::optional<TestDatabase> db_;
  std::string conninfo_;
};

TEST_F(CenterCliTest, TwoStationsShareOneCenterDatabase) {
  const fs::path a = dir_ / "a", b = dir_ / "b";
  auto init = Run(a, {"--json", "init", "--demo"});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  const json created = json::parse(init.out);
  EXPECT_EQ(created["done"], "created");
  EXPECT_EQ(created["demo"], true);
  EXPECT_GE(created["procedures"].get<int>(), 40);
  EXPECT_EQ(created["db"].get<std::string>().rfind("the center database on ", 0), 0u) << created["db"];
  for (const char* f : {"center.chain-key", "center.anchor", "center.key"}) EXPECT_TRUE(fs::exists(a / f)) << f;
  EXPECT_FALSE(fs::exists(a / "motcua.db"));
  // The administrator, as a center's first run makes it; then station A works as usual.
  ASSERT_TRUE(motcua::testing::PrepareCliStation({conninfo_, a, std::nullopt}, "2026-11-23 08:00"));
  auto received = Run(a, {"--as", "admin", "receive", "--json", (dir_ / "d.json").string()});
  ASSERT_EQ(received.exit_code, 0) << received.err;
  const std::string code = received.out.substr(0, received.out.find(' '));
  EXPECT_EQ(code, "000.00.00.X00-261123-0001");
  auto shown = Run(a, {"--json", "show", code});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(json::parse(shown.out)["state"], "received");
  auto verify = Run(a, {"journal", "verify"});
  ASSERT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_EQ(verify.out.rfind("ok: ", 0), 0u) << verify.out;

  // Station B: its own data directory with copies of the center's chain key and center key.
  fs::create_directories(b);
  fs::copy_file(a / "center.chain-key", b / "center.chain-key");
  fs::copy_file(a / "center.key", b / "center.key");
  auto join = Run(b, {"init"});  // starts B's anchor of the center's journal
  ASSERT_EQ(join.exit_code, 0) << join.err;
  EXPECT_NE(join.out.find("(unchanged)"), std::string::npos) << join.out;
  EXPECT_NE(join.err.find("anchor of the center's journal starts at event"), std::string::npos) << join.err;
  EXPECT_TRUE(fs::exists(b / "center.anchor"));
  auto seen = Run(b, {"--json", "show", code});
  ASSERT_EQ(seen.exit_code, 0) << seen.err;
  EXPECT_EQ(json::parse(seen.out)["applicant"]["name"], "Nguyễn Thị Thử");
  auto verify_b = Run(b, {"journal", "verify"});
  EXPECT_EQ(verify_b.exit_code, 0) << verify_b.out << verify_b.err;
  // ... and B's dossier is A's too, numbered after A's.
  auto from_b = Run(b, {"--as", "admin", "--station", "station-2", "receive", "--json", (dir_ / "d.json").string()},
                    "2026-11-23 09:30");
  ASSERT_EQ(from_b.exit_code, 0) << from_b.err;
  EXPECT_EQ(from_b.out.substr(0, from_b.out.find(' ')), "000.00.00.X00-261123-0002");
  auto listed = Run(a, {"--json", "overdue", "--at", "2030-01-01 00:00"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(json::parse(listed.out).size(), 2u) << listed.out;
  // init on a center whose journal has events is the update path, from any station.
  auto again = Run(b, {"init", "--demo"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("(unchanged)"), std::string::npos) << again.out;
  EXPECT_EQ(Run(a, {"journal", "verify"}).exit_code, 0);
}

// "Missing" for a center: no motcua schema, or a schema whose journal is empty. Either way the verb says to
// run init, and a station that only looked keeps no chain key (it would not be the center's).
TEST_F(CenterCliTest, AnUninitialisedCenterDatabaseSaysToRunInit) {
  const fs::path a = dir_ / "a";
  fs::create_directories(a);
  auto no_schema = Run(a, {"show", "X"});
  EXPECT_EQ(no_schema.exit_code, 2);
  EXPECT_NE(no_schema.err.find("database_missing"), std::string::npos) << no_schema.err;
  EXPECT_NE(no_schema.err.find("motcua --db ... init"), std::string::npos) << no_schema.err;
  {
    auto empty = db_->Open();  // the schema, no events
    ASSERT_TRUE(empty) << empty.error().Describe();
  }
  fs::remove(a / "center.chain-key");
  auto no_events = Run(a, {"user", "list", "--as", "admin"});
  EXPECT_EQ(no_events.exit_code, 2);
  EXPECT_NE(no_events.err.find("database_missing"), std::string::npos) << no_events.err;
  EXPECT_FALSE(fs::exists(a / "center.chain-key"));
}

TEST_F(CenterCliTest, AnUnreachableServerIsNamedByItsHostNeverByTheString) {
  conninfo_ = std::string("host=127.0.0.1 port=1 dbname=motcua connect_timeout=2 password=") + kSecret;
  auto r = Run(dir_ / "a", {"show", "X"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("database_unavailable"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("127.0.0.1"), std::string::npos) << r.err;
  conninfo_ = std::string("postgresql://motcua:") + kSecret + "@127.0.0.1:1/motcua?connect_timeout=2";
  auto url = Run(dir_ / "a", {"init"});
  EXPECT_EQ(url.exit_code, 1);
  EXPECT_NE(url.err.find("127.0.0.1"), std::string::npos) << url.err;
  auto help = RunCli({"help"});
  EXPECT_NE(help.out.find("postgresql://"), std::string::npos) << help.out;
}

// Two inits racing on one empty center database: one writes the initial state; the other loses the race
// ("created_meanwhile"), or finds it written and, holding no copy of the center's chain key, says so
// ("chain_key_missing"). The journal holds one initialisation.
TEST_F(CenterCliTest, TwoInitsRacingInitialiseOnce) {
  std::vector<pid_t> children;
  for (const char* station : {"a", "b"}) {
    fs::create_directories(dir_ / station);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      CommandResult r = RunCli({"--db", conninfo_, "--data-dir", (dir_ / station).string(), "--assets",
                                MOTCUA_ASSETS_DIR, "--now", "2026-11-23 08:00", "init", "--demo"});
      std::ofstream(dir_ / (std::string(station) + ".out")) << r.exit_code << "\n" << r.out << r.err;
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) ::waitpid(pid, nullptr, 0);
  int created = 0;
  for (const char* station : {"a", "b"}) {
    std::ifstream in(dir_ / (std::string(station) + ".out"));
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.rfind("0\n", 0) == 0 && text.find("(created)") != std::string::npos) ++created;
    else
      EXPECT_TRUE(text.find("created_meanwhile") != std::string::npos ||
                  text.find("chain_key_missing") != std::string::npos)
          << station << ": " << text;
  }
  EXPECT_EQ(created, 1);
  auto events = db_->Sql("SELECT count(*) FROM journal WHERE type = 'station.initialised'");
  ASSERT_TRUE(events) << events.error().Describe();
  EXPECT_EQ(events->at(0).at(0), "1");
}

}  // namespace
}  // namespace motcua
