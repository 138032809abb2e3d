// `motcua rating ...` through the real binary: add, the second rating refused, a supervisor's
// replacement (the CLI acts as the administrator), show, list tallies, PAKN counts, and exit 2 naming
// the field for bad input.
#include <gtest/gtest.h>

#include "rating/rating.h"
#include "support/fixtures.h"

namespace motcua {
namespace {

using motcua::testing::At;
using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;

class RatingCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(motcua::testing::PrepareCliStation(dir_ / "motcua.db", "2026-08-10 08:00", {"--no-catalog"}));
    auto t = motcua::testing::MakeTestDesk(dir_.path());
    ASSERT_TRUE(t);
    for (int i = 0; i < 2; ++i) {
      auto in = motcua::testing::SampleIntake();
      in.received_at = At("2026-08-10 09:00");
      auto r = workflow::Receive(t->desk, t->officer, in, At("2026-08-10 09:00"));
      ASSERT_TRUE(r) << r.error().Describe();
      codes_.push_back(r->dossier.code);
    }
  }
  CommandResult Run(std::vector<std::string> args) {
    std::vector<std::string> full = {"--db", (dir_ / "motcua.db").string(), "--assets", MOTCUA_ASSETS_DIR,
                                     "--now", "2026-08-12 10:00", "--as", "admin"};
    full.insert(full.end(), args.begin(), args.end());
    return RunCli(full);
  }

  TempDir dir_;
  std::vector<std::string> codes_;
};

TEST_F(RatingCliTest, AddsShowsAndRefusesASecondRating) {
  auto added = Run({"rating", "add", codes_[0], "--value", "0", "--source", "counter", "--counter", "Quầy 2",
                    "--criteria", "2,1,,0", "--complaint"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("Không hài lòng (0)"), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("quầy Quầy 2"), std::string::npos) << added.out;
  auto again = Run({"rating", "add", codes_[0], "--value", "2"});
  EXPECT_EQ(again.exit_code, 1) << again.out;  // a conflict, not bad input
  EXPECT_NE(again.err.find("already_rated"), std::string::npos) << again.err;
  auto replaced = Run({"rating", "add", codes_[0], "--value", "1", "--source", "paper", "--replace-reason",
                       "Nhập nhầm phiếu giấy"});
  ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
  auto shown = Run({"rating", "show", codes_[0]});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("Hài lòng (1), paper"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("thay cho: Không hài lòng (0), lý do: Nhập nhầm phiếu giấy"), std::string::npos)
      << shown.out;
  auto journal = Run({"journal", "list", codes_[0]});
  EXPECT_NE(journal.out.find("rating.recorded"), std::string::npos) << journal.out;
  EXPECT_NE(journal.out.find("rating.replaced"), std::string::npos) << journal.out;
}

TEST_F(RatingCliTest, ListsTalliesByUnit) {
  ASSERT_EQ(Run({"rating", "add", codes_[0], "--value", "2"}).exit_code, 0);
  ASSERT_EQ(Run({"rating", "add", codes_[1], "--value", "0"}).exit_code, 0);
  auto listed = Run({"rating", "list", "--month", "2026-08"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  // Vietnamese by default, the share written as the score card writes numbers (decimal comma).
  EXPECT_NE(listed.out.find("Công an cấp xã: 2 đánh giá, rất hài lòng 1, hài lòng 0, không hài lòng 1, hài lòng 50,00%"),
            std::string::npos)
      << listed.out;
  auto english = Run({"--lang", "en", "rating", "list", "--month", "2026-08"});
  ASSERT_EQ(english.exit_code, 0) << english.err;
  EXPECT_NE(english.out.find("Công an cấp xã: 2 ratings, very satisfied 1, satisfied 0, unsatisfied 1, satisfied 50.00%"),
            std::string::npos)
      << english.out;
  auto july = Run({"rating", "list", "--month", "2026-07"});
  EXPECT_EQ(july.out, "");
}

TEST_F(RatingCliTest, StoresPaknCounts) {
  auto r = Run({"rating", "pakn", "--unit", "Sở Tư pháp", "--month", "2026-08", "--received", "12", "--on-time", "11",
                "--unsatisfied", "1", "--repeated", "0"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("PAKN Sở Tư pháp 2026-08: tiếp nhận 12, đúng hạn 11"), std::string::npos) << r.out;
  auto over = Run({"rating", "pakn", "--unit", "Sở Tư pháp", "--month", "2026-08", "--received", "1", "--on-time", "2",
                   "--unsatisfied", "0", "--repeated", "0"});
  EXPECT_EQ(over.exit_code, 2);
  EXPECT_NE(over.err.find("on_time"), std::string::npos) << over.err;
  EXPECT_NE(over.err.find("exceeds_received"), std::string::npos) << over.err;
}

TEST_F(RatingCliTest, BadInputExitsTwoNamingTheField) {
  struct Case {
    std::vector<std::string> args;
    const char* expect;
  };
  const std::vector<Case> cases = {
      {{"rating", "add", "X", "--value", "5"}, "value"},
      {{"rating", "add", "X", "--value", "1", "--source", "sms"}, "source"},
      {{"rating", "add", "X", "--value", "1", "--criteria", "2,3"}, "criteria[1]"},
      {{"rating", "add", "X", "--value", "1", "--criteria", "1,1,1,1,1,1,1,1,1,1"}, "too_many"},
      {{"rating", "add", "--value", "1"}, "dossier_code"},
      {{"rating", "pakn", "--unit", "U", "--month", "2026-13", "--received", "1", "--on-time", "1", "--unsatisfied",
        "0", "--repeated", "0"},
       "month"},
      {{"rating", "pakn", "--unit", "U", "--month", "2026-08", "--received", "x", "--on-time", "1", "--unsatisfied",
        "0", "--repeated", "0"},
       "received"},
      {{"rating", "frobnicate"}, "subcommand"},
  };
  for (const Case& c : cases) {
    auto r = Run(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.expect << ": " << r.err;
    EXPECT_NE(r.err.find(c.expect), std::string::npos) << c.expect << ": " << r.err;
  }
  auto missing = Run({"rating", "add", "000.00.00.H56-260810-9999", "--value", "1"});
  EXPECT_EQ(missing.exit_code, 2);  // a code that names no dossier
  EXPECT_NE(missing.err.find("no_such_dossier"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace motcua
