// `motcua queue ...` through the real binary: the default area after init, take/call/no-show/transfer/
// finish/list/stats, a print failure that issues nothing (the stand-in printer out of paper on loopback
// TCP), the announcement's words and its WAV, and exit 2 naming the field for bad input.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "speech/wav.h"
#include "support/escpos_standin.h"
#include "support/fixtures.h"

namespace motcua {
namespace {

using motcua::testing::CommandResult;
using motcua::testing::RunCli;
using motcua::testing::TempDir;

class QueueCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(motcua::testing::PrepareCliStation(dir_ / "motcua.db", "2026-12-07 07:00", {"--no-catalog"}));
  }
  CommandResult Run(std::vector<std::string> args, const char* now = "2026-12-07 08:00") {
    std::vector<std::string> full = {"--db", (dir_ / "motcua.db").string(), "--assets", MOTCUA_ASSETS_DIR,
                                     "--now", now, "--as", "admin"};
    full.insert(full.end(), args.begin(), args.end());
    return RunCli(full);
  }

  TempDir dir_;
};

TEST_F(QueueCliTest, InitCreatesAreaAAndTicketsAreTakenCalledAndListed) {
  auto areas = Run({"queue", "areas"});
  ASSERT_EQ(areas.exit_code, 0) << areas.err;
  EXPECT_EQ(areas.out, "A Tiếp nhận và trả kết quả, counters all, from 1\n");
  EXPECT_EQ(Run({"queue", "take", "--area", "A"}, "2026-12-07 08:00").out, "A001\n");
  EXPECT_EQ(Run({"queue", "take", "--area", "A"}, "2026-12-07 08:01").out, "A002\n");
  auto priority = Run({"--json", "queue", "take", "--area", "A", "--priority", "elderly"}, "2026-12-07 08:02");
  ASSERT_EQ(priority.exit_code, 0) << priority.err;
  EXPECT_NE(priority.out.find("\"ticket\":\"A003\""), std::string::npos) << priority.out;
  EXPECT_NE(priority.out.find("\"ahead\":0"), std::string::npos) << priority.out;
  EXPECT_NE(priority.out.find("\"qr\":\"MCQ:2026-12-07:A003\""), std::string::npos) << priority.out;

  EXPECT_EQ(Run({"queue", "call", "--counter", "5"}, "2026-12-07 08:10").out, "A003 called counter 5 priority elderly\n");
  EXPECT_EQ(Run({"queue", "call", "--counter", "6"}, "2026-12-07 08:11").out, "A001 called counter 6\n");
  EXPECT_EQ(Run({"queue", "noshow", "--counter", "6"}, "2026-12-07 08:12").out, "A001 waiting counter 6\n");
  EXPECT_EQ(Run({"queue", "recall", "--counter", "5"}, "2026-12-07 08:13").out,
            "A003 called counter 5 priority elderly\n");
  EXPECT_EQ(Run({"queue", "finish", "--counter", "5"}, "2026-12-07 08:20").out,
            "A003 done counter 5 priority elderly\n");
  auto list = Run({"queue", "list"}, "2026-12-07 08:21");
  EXPECT_EQ(list.out,
            "A001 waiting counter 6\n"
            "A002 waiting\n"
            "A003 done counter 5 priority elderly\n");
  auto stats = Run({"queue", "stats"}, "2026-12-07 08:21");
  EXPECT_EQ(stats.out,
            "A: taken 3, waiting 2 (priority 0), at a counter 0, done 1, dropped 0, no-shows 1, median wait 10 min, "
            "median service 10 min\n");  // waits 8 and 11 min: median 9.5, rounded
  auto nobody = Run({"queue", "call", "--counter", "5", "--areas", "B"}, "2026-12-07 08:22");
  EXPECT_EQ(nobody.exit_code, 0) << nobody.err;
  EXPECT_EQ(nobody.out, "nobody waiting\n");
  // A new day starts again at 1.
  EXPECT_EQ(Run({"queue", "take", "--area", "A"}, "2026-12-08 07:30").out, "A001\n");
}

TEST_F(QueueCliTest, AreasAreConfiguredAndTransfersKeepTheNumber) {
  auto set = Run({"queue", "area-set", "B", "--name", "Đất đai - Xây dựng", "--counters", "7,8", "--first-number",
                  "1001", "--digits", "4"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(Run({"queue", "take", "--area", "B"}, "2026-12-07 08:00").out, "B1001\n");
  EXPECT_EQ(Run({"queue", "take", "--area", "A"}, "2026-12-07 08:01").out, "A001\n");
  // Counter 7 calls B (it names 7) and A (it names no counter); counter 5 calls only A.
  EXPECT_EQ(Run({"queue", "call", "--counter", "5"}, "2026-12-07 08:05").out, "A001 called counter 5\n");
  EXPECT_EQ(Run({"queue", "transfer", "--counter", "5", "--to", "B"}, "2026-12-07 08:06").out, "A001 waiting counter 5\n");
  EXPECT_EQ(Run({"queue", "call", "--counter", "7"}, "2026-12-07 08:07").out, "B1001 called counter 7\n");
  EXPECT_EQ(Run({"queue", "call", "--counter", "7"}, "2026-12-07 08:08").out, "A001 called counter 7\n");
}

TEST_F(QueueCliTest, APrinterOutOfPaperIssuesNoTicket) {
  std::string why;
  auto printer = motcua::testing::EscposStandin::Start({.state = motcua::testing::StandinState::kPaperOut}, &why);
  ASSERT_TRUE(printer) << why;
  const std::string target = "tcp://127.0.0.1:" + std::to_string(printer->port());
  auto failed = Run({"queue", "take", "--area", "A", "--printer", target});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("printer_paper_out"), std::string::npos) << failed.err;
  EXPECT_EQ(Run({"queue", "list"}).out, "");
  EXPECT_TRUE(printer->jobs().empty());
  auto pdf = Run({"queue", "take", "--area", "A", "--printer", "pdf:" + (dir_ / "tickets").string()});
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  EXPECT_EQ(pdf.out, "A001\n");  // the failed print gave its number back
  EXPECT_TRUE(std::filesystem::exists(dir_ / "tickets" / "2026-12-07-A001.pdf"));
}

TEST_F(QueueCliTest, TheAnnouncementReadsNumbersAsVietnameseSpeakersDo) {
  struct Case {
    const char* ticket;
    const char* counter;
    const char* words;
  };
  for (const Case& c : {Case{"A1023", "5", "Mời khách hàng số A một nghìn không trăm hai mươi ba đến quầy số năm"},
                        Case{"A001", "1", "Mời khách hàng số A một đến quầy số một"},
                        Case{"B0105", "14", "Mời khách hàng số B một trăm linh năm đến quầy số mười bốn"},
                        Case{"C021", "25", "Mời khách hàng số C hai mươi mốt đến quầy số hai mươi lăm"},
                        Case{"A024", "10", "Mời khách hàng số A hai mươi tư đến quầy số mười"},
                        Case{"A015", "2", "Mời khách hàng số A mười lăm đến quầy số hai"}}) {
    auto r = Run({"queue", "announce", "--ticket", c.ticket, "--counter", c.counter});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, std::string(c.words) + "\n") << c.ticket;
  }
  // The southern reading, as settings.
  ASSERT_EQ(Run({"queue", "set", "queue.speech.thousand", "ngàn"}).exit_code, 0);
  ASSERT_EQ(Run({"queue", "set", "queue.speech.zero_tens", "lẻ"}).exit_code, 0);
  ASSERT_EQ(Run({"queue", "set", "queue.speech.four", "bốn"}).exit_code, 0);
  EXPECT_EQ(Run({"queue", "announce", "--ticket", "A1024", "--counter", "5"}).out,
            "Mời khách hàng số A một ngàn không trăm hai mươi bốn đến quầy số năm\n");
  EXPECT_EQ(Run({"queue", "announce", "--ticket", "A105", "--counter", "5"}).out,
            "Mời khách hàng số A một trăm lẻ năm đến quầy số năm\n");
  auto bad = Run({"queue", "set", "queue.speech.four", "tám"});
  EXPECT_EQ(bad.exit_code, 2);
  auto unknown = Run({"queue", "set", "queue.colour", "red"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown_setting"), std::string::npos) << unknown.err;
}

TEST_F(QueueCliTest, TheAnnouncementWavHasAPlausibleLength) {
  const std::string wav = (dir_ / "call.wav").string();
  auto r = Run({"queue", "announce", "--ticket", "A1023", "--counter", "5", "--wav", wav});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(wav, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto pcm = speech::DecodeWav(bytes.str());
  ASSERT_TRUE(pcm) << pcm.error().Describe();
  const auto ms = speech::Duration(*pcm).count();
  EXPECT_GT(ms, 2500);  // chime (1 s) + about 3.5 s of speech
  EXPECT_LT(ms, 8000);
}

TEST_F(QueueCliTest, BadInputExitsTwoNamingTheField) {
  auto no_area = Run({"queue", "take", "--area", "Z"});
  EXPECT_EQ(no_area.exit_code, 2);
  EXPECT_NE(no_area.err.find("no_such_area"), std::string::npos) << no_area.err;
  auto group = Run({"queue", "take", "--area", "A", "--priority", "vip"});
  EXPECT_EQ(group.exit_code, 2);
  EXPECT_NE(group.err.find("unknown_group"), std::string::npos) << group.err;
  auto ticket = Run({"queue", "announce", "--ticket", "A10B", "--counter", "5"});
  EXPECT_EQ(ticket.exit_code, 2);
  EXPECT_NE(ticket.err.find("ticket"), std::string::npos) << ticket.err;
  auto target = Run({"queue", "take", "--area", "A", "--printer", "http://printer"});
  EXPECT_EQ(target.exit_code, 2);
  EXPECT_NE(target.err.find("bad_printer_target"), std::string::npos) << target.err;
  auto letter = Run({"queue", "area-set", "a1", "--name", "X"});
  EXPECT_EQ(letter.exit_code, 2);
  EXPECT_NE(letter.err.find("bad_letter"), std::string::npos) << letter.err;
  auto nothing = Run({"queue", "recall", "--counter", "9"});
  EXPECT_EQ(nothing.exit_code, 1);  // a conflict, not bad input
  EXPECT_NE(nothing.err.find("nothing_called"), std::string::npos) << nothing.err;
  EXPECT_EQ(Run({"queue", "list"}).out, "");
}

}  // namespace
}  // namespace motcua
