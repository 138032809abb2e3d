// The trust contract of the motcua CLI, through the real binary: who may change data, who may set the
// clock, what identifies the center, how init fails, what the files' modes are, and input that cannot
// hurt (control characters, wrapped numbers, FIFOs, invalid UTF-8, a busy database). A killed init:
// tests/store/init_crash_test.cpp.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <thread>

#include "store/store.h"
#include "support/fixtures.h"

namespace motcua {
namespace {

namespace fs = std::filesystem;
using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;
using nlohmann::json;

constexpr const char* kDossier = R"({
  "procedure_code": "1.004222",
  "applicant": {"id_type": "cccd", "id_number": "001090123456", "name": "Nguyễn Thị Thử",
                "phone": "0912345678", "address": "Tổ 1, phường Phan Thiết"},
  "cases": ["Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"]
})";

// SQLite's own tests (a database file, its locks) run once, with the SQLite suite.
#define SKIP_ON_POSTGRES()                                                                \
  if (motcua::testing::BackendFromEnvironment() == motcua::testing::Backend::kPostgres) { \
    GTEST_SKIP() << "SQLite's own";                                                      \
  }

// On the engine MOTCUA_TEST_BACKEND names (CMakeLists BOTH_BACKENDS): <dir>/data is the data directory,
// holding the SQLite file or, beside a center's PostgreSQL database, the station's keys and anchor.
class TrustCliTest : public ::testing::Test {
 protected:
  // A real database (no --demo): the clock is the system's.
  void SetUp() override {
    station_ = motcua::testing::MakeCliStation(dir_ / "data");
    ASSERT_TRUE(motcua::testing::PrepareCliStation(station_, ""));
  }
  const std::string& Db() const { return station_.db; }
  CommandResult Run(std::vector<std::string> args) {
    std::vector<std::string> full = station_.Args();
    full.insert(full.end(), {"--assets", MOTCUA_ASSETS_DIR});
    full.insert(full.end(), args.begin(), args.end());
    return RunCli(full);
  }
  std::string WriteFile(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  std::string Journal() { return Run({"journal", "list"}).out; }

  TempDir dir_;
  motcua::testing::CliStation station_;
};

TEST_F(TrustCliTest, WritingVerbsActAsASignedInAccountAndReadOnlyOnesNeedNone) {
  const std::string file = WriteFile("d.json", kDossier);
  auto anonymous = Run({"receive", "--json", file});
  EXPECT_EQ(anonymous.exit_code, 2);
  EXPECT_NE(anonymous.err.find("as: this command changes data"), std::string::npos) << anonymous.err;
  auto actor = Run({"--actor", "admin", "receive", "--json", file});
  EXPECT_EQ(actor.exit_code, 2);
  EXPECT_NE(actor.err.find("--actor is gone"), std::string::npos) << actor.err;
  ::setenv("MOTCUA_PASSWORD", "sai-mat-khau", 1);
  auto wrong = Run({"--as", "admin", "receive", "--json", file});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("bad_credentials"), std::string::npos) << wrong.err;
  ::setenv("MOTCUA_PASSWORD", motcua::testing::kCliPassword, 1);
  auto ok = Run({"--as", "admin", "receive", "--json", file});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const std::string code = ok.out.substr(0, ok.out.find(' '));
  // The journal says who: the account, its failed attempt, its sign-in, then the dossier.
  const std::string journal = Journal();
  EXPECT_NE(journal.find("user.login_failed"), std::string::npos) << journal;
  EXPECT_NE(journal.find("dossier.received  " + code + "  admin@station-1"), std::string::npos) << journal;
  ::unsetenv("MOTCUA_PASSWORD");
  for (std::vector<std::string> read : {std::vector<std::string>{"show", code}, {"overdue"}, {"journal", "verify"},
                                        {"catalog", "search", "thuong tru"}, {"score", "--month", "2026-11"}})
    EXPECT_EQ(Run(read).exit_code, 0) << read[0];
}

TEST_F(TrustCliTest, RolesGateWhatAnAccountMayDo) {
  ::setenv("MOTCUA_NEW_PASSWORD", "Buu-chinh-2026", 1);
  ASSERT_EQ(Run({"--as", "admin", "user", "add", "buu.ta", "--role", "postal", "--name", "Bưu tá"}).exit_code, 0);
  ::unsetenv("MOTCUA_NEW_PASSWORD");
  ::setenv("MOTCUA_PASSWORD", "Buu-chinh-2026", 1);
  auto receive = Run({"--as", "buu.ta", "receive", "--json", WriteFile("d.json", kDossier)});
  EXPECT_EQ(receive.exit_code, 2);
  EXPECT_NE(receive.err.find("role: a postal account may not receive"), std::string::npos) << receive.err;
  auto import = Run({"--as", "buu.ta", "catalog", "import", (fs::path(MOTCUA_ASSETS_DIR) / "catalog" / "catalog.json").string()});
  EXPECT_EQ(import.exit_code, 2);
  EXPECT_NE(import.err.find("not_allowed"), std::string::npos) << import.err;
  ::setenv("MOTCUA_PASSWORD", motcua::testing::kCliPassword, 1);
}

// The on-time indicator cannot be gamed by back-dating on a real database.
TEST_F(TrustCliTest, TheClockCanBeSetOnlyOnADemoDatabase) {
  auto now = Run({"--as", "admin", "--now", "2026-01-05 09:00", "receive", "--json", WriteFile("d.json", kDossier)});
  EXPECT_EQ(now.exit_code, 2);
  EXPECT_NE(now.err.find("now: --now sets the clock only on a database created for demos"), std::string::npos)
      << now.err;
  json back_dated = json::parse(kDossier);
  back_dated["received_at"] = "2026-01-05 09:00";
  auto file_time = Run({"--as", "admin", "receive", "--json", WriteFile("b.json", back_dated.dump())});
  EXPECT_EQ(file_time.exit_code, 2);
  EXPECT_NE(file_time.err.find("received_at"), std::string::npos) << file_time.err;
  EXPECT_EQ(Run({"--json", "overdue", "--at", "2030-01-01 00:00"}).out, "[]\n") << "nothing was received";
  // Read-only verbs may look at any instant.
  EXPECT_EQ(Run({"--now", "2026-01-05 09:00", "overdue"}).exit_code, 0);
  // The demo mark is fixed when a database is created.
  auto mark = Run({"--as", "admin", "init", "--demo"});
  EXPECT_EQ(mark.exit_code, 2);
  EXPECT_NE(mark.err.find("fixed_at_creation"), std::string::npos) << mark.err;
}

TEST(DemoDatabase, IsMarkedAtCreationShownAndJournaled) {
  SKIP_ON_POSTGRES();
  TempDir dir;
  const std::string db = (dir / "motcua.db").string();
  ASSERT_TRUE(motcua::testing::PrepareCliStation(db, "2026-11-23 08:00"));
  std::ofstream(dir / "d.json") << kDossier;
  auto r = RunCli({"--db", db, "--assets", MOTCUA_ASSETS_DIR, "--as", "admin", "--now", "2026-11-23 09:00", "receive",
                   "--json", (dir / "d.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto show = RunCli({"--db", db, "--assets", MOTCUA_ASSETS_DIR, "show", r.out.substr(0, r.out.find(' '))});
  EXPECT_EQ(show.out.rfind("CƠ SỞ DỮ LIỆU TRÌNH DIỄN/THỬ NGHIỆM (demo)", 0), 0u) << show.out;
  auto journal = RunCli({"--db", db, "--assets", MOTCUA_ASSETS_DIR, "journal", "list"}).out;
  EXPECT_NE(journal.find("\"demo\":true"), std::string::npos) << journal;
  // Every event keeps the wall clock beside the time --now gave it.
  EXPECT_NE(journal.find("(recorded "), std::string::npos) << journal;
}

TEST_F(TrustCliTest, InitKeepsTheCentersIdentityUnlessAnAdministratorAsksForExactlyThat) {
  auto unchanged = Run({"init"});
  ASSERT_EQ(unchanged.exit_code, 0) << unchanged.err;
  EXPECT_NE(unchanged.out.find("(unchanged)"), std::string::npos) << unchanged.out;
  auto agency = Run({"--as", "admin", "init", "--agency", "000.00.00.H56"});
  EXPECT_EQ(agency.exit_code, 2);
  EXPECT_NE(agency.err.find("identity_change_not_asked"), std::string::npos) << agency.err;
  // The key file gone: no verb that writes quietly makes a new one (printed receipts depend on it).
  const fs::path key = dir_ / "data" / "center.key";
  auto read_key = [&] {
    std::ifstream in(key, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  const std::string before = read_key();
  ASSERT_FALSE(before.empty());
  fs::remove(key);
  auto receive = Run({"--as", "admin", "receive", "--json", WriteFile("d.json", kDossier)});
  EXPECT_EQ(receive.exit_code, 1);
  EXPECT_NE(receive.err.find("center_key_missing"), std::string::npos) << receive.err;
  EXPECT_FALSE(fs::exists(key));
  EXPECT_EQ(Run({"--as", "admin", "init"}).exit_code, 2);
  auto renewed = Run({"--as", "admin", "init", "--change-identity", "--agency", "000.00.00.H56"});
  ASSERT_EQ(renewed.exit_code, 0) << renewed.err;
  EXPECT_TRUE(fs::exists(key));
  EXPECT_NE(read_key(), before);  // a new key, never the old one silently restored
  const std::string journal = Journal();
  EXPECT_NE(journal.find("station.identity_changed"), std::string::npos) << journal;
  EXPECT_NE(journal.find(R"("center_key":"new")"), std::string::npos) << journal;
  EXPECT_NE(journal.find(R"("agency_id":{"from":"000.00.00.X00","to":"000.00.00.H56"})"), std::string::npos);
}

TEST_F(TrustCliTest, TheCentersFilesArePrivate) {
  ASSERT_EQ(Run({"--as", "admin", "receive", "--json", WriteFile("d.json", kDossier)}).exit_code, 0);
  auto mode = [](const fs::path& p) {
    struct stat st{};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777;
  };
  const fs::path data = dir_ / "data";
  EXPECT_EQ(mode(data), 0750u);
  const bool center = station_.database.has_value();
  for (const char* f : center ? std::vector<const char*>{"center.chain-key", "center.anchor", "center.key"}
                              : std::vector<const char*>{"motcua.db", "motcua.db.chain-key", "motcua.db.anchor",
                                                         "center.key"})
    EXPECT_EQ(mode(data / f), 0600u) << f;
}

// A failed init leaves nothing behind (a killed one: tests/store/init_crash_test.cpp).
TEST(InitAtomicity, AFailedInitLeavesNothing) {
  SKIP_ON_POSTGRES();
  TempDir dir;
  fs::create_directories(dir / "assets" / "catalog");
  std::ofstream(dir / "assets" / "catalog" / "catalog.json") << R"({"procedures": [{"code": "broken"}]})";
  const std::string db = (dir / "data" / "motcua.db").string();
  auto r = RunCli({"--db", db, "--assets", (dir / "assets").string(), "init"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_FALSE(fs::exists(db));
  if (fs::exists(dir / "data")) {
    for (const auto& e : fs::directory_iterator(dir / "data"))
      EXPECT_EQ(e.path().filename().string().find("motcua.db"), std::string::npos) << "left: " << e.path();
  }
}

TEST_F(TrustCliTest, InputThatCannotHurt) {
  auto run = [&](const json& dossier) {
    return Run({"--as", "admin", "receive", "--json", WriteFile("x.json", dossier.dump())});
  };
  json d = json::parse(kDossier);
  json esc = d;
  esc["applicant"]["name"] = "Nguyễn\x1b[2J Thị Thử";
  auto control = run(esc);
  EXPECT_EQ(control.exit_code, 2);
  EXPECT_NE(control.err.find("applicant.name: applicant.name contains the control character U+001B"),
            std::string::npos)
      << control.err;
  json crlf = d;
  crlf["applicant"]["address"] = "Tổ 1\r\nphường Phan Thiết";
  EXPECT_NE(run(crlf).err.find("control_character"), std::string::npos);
  json long_name = d;
  long_name["applicant"]["name"] = std::string(101, 'a');
  EXPECT_NE(run(long_name).err.find("applicant.name has 101 characters; at most 100"), std::string::npos);
  json copies = d;
  copies["components"] = json::array({{{"code", "TP1"}, {"copies", 4294967297LL}}});
  auto wrapped = run(copies);
  EXPECT_EQ(wrapped.exit_code, 2);
  EXPECT_NE(wrapped.err.find("components[0].copies"), std::string::npos) << wrapped.err;
  json fees = d;
  fees["fees"] = json::array({{{"name", "a"}, {"amount_vnd", 9000000000000000000LL}},
                              {{"name", "b"}, {"amount_vnd", 9000000000000000000LL}}});
  EXPECT_NE(run(fees).err.find("fees[0].amount_vnd"), std::string::npos);
  json unknown = d;
  unknown["procedure_code"] = "9.999999";
  auto no_procedure = run(unknown);
  EXPECT_EQ(no_procedure.exit_code, 2);
  EXPECT_NE(no_procedure.err.find("no_such_procedure"), std::string::npos) << no_procedure.err;
  // Files: a FIFO neither hangs nor passes; a missing scan is bad input; nothing was received.
  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  auto fifo = Run({"--as", "admin", "receive", "--json", (dir_ / "fifo").string()});
  EXPECT_EQ(fifo.exit_code, 2);
  EXPECT_NE(fifo.err.find("not_a_regular_file"), std::string::npos) << fifo.err;
  json missing_scan = d;
  missing_scan["components"] = json::array({{{"code", "TP1"}, {"files", {"no-such-scan.pdf"}}}});
  auto scan = run(missing_scan);
  EXPECT_EQ(scan.exit_code, 2);
  EXPECT_NE(scan.err.find("components[0].files"), std::string::npos) << scan.err;
  EXPECT_EQ(Run({"--json", "overdue", "--at", "2030-01-01 00:00"}).out, "[]\n");
  // Invalid UTF-8 in what the command line named: a clean JSON error, never a crash.
  auto bad_utf8 = Run({"--json", "show", "X\xff"});
  auto j = json::parse(bad_utf8.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << bad_utf8.out;
  if (station_.database) {
    // PostgreSQL refuses text that is not UTF-8 (SQLSTATE 22021): bad input, said so.
    EXPECT_EQ(bad_utf8.exit_code, 2);
    EXPECT_EQ(j["error"]["rule"], "not_utf8");
  } else {
    EXPECT_EQ(bad_utf8.exit_code, 2);
    EXPECT_EQ(j["error"]["rule"], "no_such_dossier");
  }
}

// A scan that is checked and good, in a dossier refused for another reason, leaves no file behind.
TEST_F(TrustCliTest, ARefusedDossierLeavesNoFileBehind) {
  std::ofstream(dir_ / "scan.pdf", std::ios::binary) << motcua::testing::TinyPdf(1);
  json d = json::parse(kDossier);
  d["components"] = json::array({{{"code", "TP1"}, {"files", {(dir_ / "scan.pdf").string()}}}});
  d["applicant"]["phone"] = "12";  // refused by the desk, after the scan was read and checked
  auto r = Run({"--as", "admin", "receive", "--json", WriteFile("x.json", d.dump())});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("applicant.phone"), std::string::npos) << r.err;
  const fs::path files = dir_ / "data" / "files";
  if (fs::exists(files)) {
    for (const auto& e : fs::recursive_directory_iterator(files))
      EXPECT_FALSE(e.is_regular_file()) << "left behind: " << e.path();
  }
}

// A retry after a crash or a lost reply never makes a second dossier.
TEST_F(TrustCliTest, ReceiveWithARequestIdIsIdempotent) {
  const std::string file = WriteFile("d.json", kDossier);
  auto first = Run({"--as", "admin", "--json", "receive", "--json", file, "--request-id", "quay-3:0001"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto again = Run({"--as", "admin", "--json", "receive", "--json", file, "--request-id", "quay-3:0001"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out)["code"], json::parse(first.out)["code"]);
  EXPECT_EQ(json::parse(again.out)["replayed"], true);
  EXPECT_EQ(json::parse(again.out)["receipt_token"], json::parse(first.out)["receipt_token"]);
  json other = json::parse(kDossier);
  other["applicant"]["id_number"] = "001090654321";
  auto reused = Run({"--as", "admin", "receive", "--json", WriteFile("o.json", other.dump()), "--request-id",
                     "quay-3:0001"});
  EXPECT_EQ(reused.exit_code, 1);
  EXPECT_NE(reused.err.find("request_id_reused"), std::string::npos) << reused.err;
  const std::string journal = Journal();
  std::size_t received = 0;
  for (std::size_t at = 0; (at = journal.find("dossier.received", at)) != std::string::npos; ++at) ++received;
  EXPECT_EQ(received, 1u);
  EXPECT_EQ(Run({"--as", "admin", "receive", "--json", file, "--request-id", "bad id!"}).exit_code, 2);
}

// A writer waits for a busy database up to the busy timeout (5 s) instead of giving up after a moment.
TEST_F(TrustCliTest, AWriteWaitsForABusyDatabase) {
  SKIP_ON_POSTGRES();
  auto r = Run({"--as", "admin", "receive", "--json", WriteFile("d.json", kDossier)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string code = r.out.substr(0, r.out.find(' '));
  // Another process holds the write lock for 2 seconds.
  const pid_t holder = ::fork();
  if (holder == 0) {
    const std::string script = "BEGIN IMMEDIATE;\nINSERT INTO sequences VALUES ('lock', 1);\n.shell sleep 2\nROLLBACK;\n";
    FILE* p = ::popen(("sqlite3 '" + Db() + "' >/dev/null 2>&1").c_str(), "w");
    if (p) {
      std::fputs(script.c_str(), p);
      ::pclose(p);
    }
    ::_exit(0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  const auto start = std::chrono::steady_clock::now();
  auto advance = Run({"--as", "admin", "advance", code, "--to", "transferred"});
  const auto waited = std::chrono::steady_clock::now() - start;
  ::waitpid(holder, nullptr, 0);
  EXPECT_EQ(advance.exit_code, 0) << advance.err;
  EXPECT_GT(waited, std::chrono::milliseconds(1000)) << "the lock was held: the write must have waited";
}

}  // namespace
}  // namespace motcua
