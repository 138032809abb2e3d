// `motcua lookup` through the real binary, on a demo database made by `motcua init --demo` with a dossier
// received by `motcua receive`: the public view in plain words and as JSON (no full name, ID or
// phone), and for every bad token exactly "invalid token" on standard error, nothing on standard
// output, exit 2. Also a kiosk account made with `motcua user add --role kiosk`: it rates, and is
// refused an officer's verb.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "codes/receipt_token.h"
#include "support/fixtures.h"

namespace motcua {
namespace {

using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;
using nlohmann::json;

class LookupCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(motcua::testing::PrepareCliStation(dir_ / "motcua.db", "2026-11-23 08:00"));
    std::ofstream(dir_ / "d.json") << R"({
      "procedure_code": "1.004222",
      "applicant": {"id_type": "cccd", "id_number": "001090123456", "name": "Nguyễn Thị Thử",
                    "phone": "0912345678", "email": "thu.nguyen@example.vn",
                    "address": "Tổ 1, phường Phan Thiết"},
      "cases": ["Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"]
    })";
    auto received = Run({"--as", "admin", "--json", "receive", "--json", (dir_ / "d.json").string()},
                        "2026-11-23 09:00");
    ASSERT_EQ(received.exit_code, 0) << received.err;
    const json j = json::parse(received.out);
    code_ = j["code"];
    token_ = j["receipt_token"];
    auto verified = codes::VerifyReceiptToken(token_, ReadKey());
    ASSERT_TRUE(verified) << verified.error().Describe();
    secret_ = verified->lookup_secret;
  }
  std::string ReadKey() {
    std::ifstream in(dir_ / "center.key", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // No --as: lookup is read-only and needs no sign-in.
  CommandResult Run(std::vector<std::string> args, const char* now = "2026-11-24 10:00") {
    std::vector<std::string> full = {"--db", (dir_ / "motcua.db").string(), "--assets", MOTCUA_ASSETS_DIR,
                                     "--now", now};
    full.insert(full.end(), args.begin(), args.end());
    return RunCli(full);
  }

  TempDir dir_;
  std::string code_, token_, secret_;
};

TEST_F(LookupCliTest, PrintsThePublicViewInPlainWords) {
  auto r = Run({"lookup", token_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("Dossier:    " + code_ + "\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Applicant:  Nguyễn T** T**\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Status:     received\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Received:   2026-11-23 09:00\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Due:        2026-12-02 09:00\n"), std::string::npos) << r.out;  // 7 working days
  EXPECT_NE(r.out.find("Next:       wait\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2026-11-23 09:00  received  Tiếp nhận hồ sơ"), std::string::npos) << r.out;
  for (const char* personal : {"Nguyễn Thị Thử", "001090123456", "0912345678", "thu.nguyen", "Phan Thiết", "admin"})
    EXPECT_EQ(r.out.find(personal), std::string::npos) << personal << " in " << r.out;
  // Past the due minute, not finished: late.
  auto late = Run({"lookup", token_}, "2026-12-02 09:01");
  EXPECT_NE(late.out.find("Due:        2026-12-02 09:00 (late)\n"), std::string::npos) << late.out;
}

TEST_F(LookupCliTest, PrintsJsonWithoutPersonalData) {
  auto r = Run({"lookup", token_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["dossier_code"], code_);
  EXPECT_EQ(j["applicant_name"], "Nguyễn T** T**");
  EXPECT_EQ(j["status"], "received");
  EXPECT_EQ(j["due_at"], "2026-12-02T09:00:00+07:00");
  EXPECT_EQ(j["result_place"], "Trung tâm Phục vụ hành chính công tỉnh");
  EXPECT_EQ(j["can_register_postal_return"], true);
  EXPECT_EQ(j["is_rated"], false);
  for (const char* personal : {"Nguyễn Thị Thử", "001090123456", "0912345678", "thu.nguyen", "Phan Thiết", "admin"})
    EXPECT_EQ(r.out.find(personal), std::string::npos) << personal << " in " << r.out;
  auto global = Run({"--json", "lookup", token_});  // --json before the verb, as other verbs take it
  ASSERT_EQ(global.exit_code, 0) << global.err;
  EXPECT_EQ(json::parse(global.out)["dossier_code"], code_);
}

TEST_F(LookupCliTest, EveryBadTokenPrintsOnlyInvalidToken) {
  std::string forged = token_;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  std::string altered = token_;
  altered.replace(altered.find(code_), code_.size(), code_.substr(0, code_.size() - 1) + "9");
  const std::string foreign = *codes::MakeReceiptToken({code_, secret_}, std::string(32, 'x'));
  const std::string other_secret = secret_ == "2345" ? "2346" : "2345";
  const std::string wrong_secret = *codes::MakeReceiptToken({code_, other_secret}, ReadKey());
  struct Case {
    const char* what;
    std::string token;
  };
  const std::vector<Case> cases = {
      {"forged (one MAC character changed)", forged},
      {"altered code", altered},
      {"another center's key", foreign},
      {"wrong secret under this center's key", wrong_secret},
      {"truncated", token_.substr(0, 30)},
      {"empty", ""},
      {"garbage", "xin chào"},
      {"CCCD QR text", "001090123456||Nguyễn Thị Thử|01011990|Nữ|Tổ 1, phường Phan Thiết|15042021"},
  };
  for (const Case& c : cases) {
    for (bool as_json : {false, true}) {
      std::vector<std::string> args = {"lookup", c.token};
      if (as_json) args.push_back("--json");
      auto r = Run(args);
      EXPECT_EQ(r.exit_code, 2) << c.what;
      EXPECT_EQ(r.err, "invalid token\n") << c.what;
      EXPECT_EQ(r.out, "") << c.what;
    }
  }
}

TEST_F(LookupCliTest, TakesATypedCodeAndSecret) {
  std::string lower = code_ + " ";
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string secret = secret_;
  for (char& c : secret) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto r = Run({"lookup", "--code", lower, "--secret", secret, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["dossier_code"], code_);
  auto wrong = Run({"lookup", "--code", code_, "--secret", secret_ == "2345" ? "2346" : "2345"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err, "invalid token\n");
  EXPECT_EQ(wrong.out, "");
}

TEST_F(LookupCliTest, UsageErrorsNameTheFieldAndHelpPrintsUsage) {
  auto none = Run({"lookup"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("token"), std::string::npos) << none.err;
  auto both = Run({"lookup", token_, "--code", code_, "--secret", secret_});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
  auto half = Run({"lookup", "--code", code_});
  EXPECT_EQ(half.exit_code, 2);
  EXPECT_NE(half.err.find("secret"), std::string::npos) << half.err;
  auto help = Run({"lookup", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE((help.out + help.err).find("lookup TOKEN [--json]"), std::string::npos) << help.out << help.err;
}

TEST_F(LookupCliTest, AKioskAccountRatesAndIsRefusedOfficersVerbs) {
  ASSERT_EQ(::setenv("MOTCUA_NEW_PASSWORD", motcua::testing::kCliPassword, 1), 0);
  auto added = Run({"--as", "admin", "user", "add", "kiosk.sanh.a", "--role", "kiosk", "--name", "Ki-ốt sảnh A"});
  ::unsetenv("MOTCUA_NEW_PASSWORD");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("(kiosk, Ki-ốt sảnh A)"), std::string::npos) << added.out;
  auto rated = Run({"--as", "kiosk.sanh.a", "rating", "add", code_, "--value", "2", "--source", "kiosk"});
  ASSERT_EQ(rated.exit_code, 0) << rated.err;
  auto shown = Run({"lookup", token_, "--json"});
  EXPECT_EQ(json::parse(shown.out)["is_rated"], true);
  auto advance = Run({"--as", "kiosk.sanh.a", "advance", code_, "--to", "transferred"});
  EXPECT_EQ(advance.exit_code, 2);
  EXPECT_NE(advance.err.find("not_allowed"), std::string::npos) << advance.err;
}

}  // namespace
}  // namespace motcua
