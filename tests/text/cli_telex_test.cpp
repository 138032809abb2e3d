// `motcua telex` through the real binary (MOTCUA_BIN_DIR/motcua).
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures.h"

namespace motcua::testing {
namespace {

TEST(CliTelex, PrintsTheComposedTextOnOneLine) {
  CommandResult r = RunCli({"telex", "nguyeenx"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "nguyễn\n");
  EXPECT_EQ(r.err, "");

  r = RunCli({"telex", "Coojng hoaf xax hooji chur nghiax Vieejt Nam"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Cộng hoà xã hội chủ nghĩa Việt Nam\n");
}

TEST(CliTelex, TypesSeveralArgumentsWithSpacesBetween) {
  CommandResult r = RunCli({"telex", "Nguyeenx", "Vawn", "An"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Nguyễn Văn An\n");
  r = RunCli({"telex", ""});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "\n");
}

TEST(CliTelex, WithoutKeysExitsTwoWithOneLine) {
  CommandResult r = RunCli({"telex"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("keys"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;  // exactly one line
}

TEST(CliTelex, HelpPrintsTheUsage) {
  CommandResult r = RunCli({"telex", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("usage: motcua telex KEYS"), std::string::npos) << r.out;
  r = RunCli({"help"});
  EXPECT_NE(r.out.find("telex KEYS"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace motcua::testing
