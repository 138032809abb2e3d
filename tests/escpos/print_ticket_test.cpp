// PrintTicket and QueryStatus (print/escpos.h) against the stand-in printer over real loopback TCP
// and a real pseudo-terminal (the device-file path), and the PDF target.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "escpos/sample_ticket.h"
#include "print/escpos.h"
#include "print/pdf_tools.h"
#include "support/escpos_standin.h"

namespace motcua::print {
namespace {

using motcua::testing::EscposPtyStandin;
using motcua::testing::EscposStandin;
using motcua::testing::StandinState;
using testing::SampleTicket;
using namespace std::chrono_literals;

PrinterTarget Tcp(int port) { return {.kind = PrinterKind::kTcp, .host = "127.0.0.1", .port = port}; }

std::unique_ptr<EscposStandin> StartStandin(StandinState state) {
  std::string error;
  auto s = EscposStandin::Start({.state = state}, &error);
  EXPECT_TRUE(s) << error;
  return s;
}

// The stand-in files a job when the client's connection ends, on its own thread: wait for it.
std::vector<std::string> JobsAfterClose(const EscposStandin& s, std::size_t expected) {
  const auto deadline = std::chrono::steady_clock::now() + 3s;
  while (s.jobs().size() < expected && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  std::this_thread::sleep_for(20ms);  // and nothing more arrives
  return s.jobs();
}

// What the printer received decodes to exactly what the renderer drew (the real-time guard may
// add a dot; the sample ticket has none to add, checked here too).
void ExpectJobIsTheTicket(const std::string& job, const TicketSlip& slip, int width) {
  auto printed = DecodeRasterJob(job);
  ASSERT_TRUE(printed.has_value()) << printed.error().Describe();
  auto rendered = RenderTicketRaster(slip, width);
  ASSERT_TRUE(rendered.has_value());
  EXPECT_EQ(printed->width, rendered->width);
  EXPECT_EQ(printed->height, rendered->height);
  EXPECT_EQ(printed->pixels, rendered->pixels);
  auto qr = scan::DecodeQr(*printed);
  ASSERT_TRUE(qr.has_value()) << qr.error().Describe();
  EXPECT_EQ(*qr, slip.qr_payload);
  EXPECT_EQ(job.substr(job.size() - 4), std::string("\x1d\x56\x42\x00", 4));  // partial cut
}

TEST(PrintTicket, ReadyPrinterReceivesTheTicketItRendered) {
  auto standin = StartStandin(StandinState::kOk);
  Status r = PrintTicket(Tcp(standin->port()), SampleTicket());
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  const auto jobs = JobsAfterClose(*standin, 1);
  ASSERT_EQ(jobs.size(), 1u);
  ExpectJobIsTheTicket(jobs[0], SampleTicket(), 576);
  EXPECT_EQ(standin->status_requests(), 8);  // DLE EOT 1..4 before and after the job
}

TEST(PrintTicket, FiftyEightMillimetreWidthIsSentAsRendered) {
  auto standin = StartStandin(StandinState::kOk);
  ASSERT_TRUE(PrintTicket(Tcp(standin->port()), SampleTicket(), {.width_dots = 384}).has_value());
  const auto jobs = JobsAfterClose(*standin, 1);
  ASSERT_EQ(jobs.size(), 1u);
  ExpectJobIsTheTicket(jobs[0], SampleTicket(), 384);
}

TEST(PrintTicket, RefusesAPrinterThatIsNotReadyAndSendsNoJobByte) {
  struct Case {
    StandinState state;
    const char* rule;
    int status_requests;  // the offline stand-in is asked once and never answers
  } cases[] = {
      {StandinState::kPaperOut, "printer_paper_out", 4},
      {StandinState::kCoverOpen, "printer_cover_open", 4},
      {StandinState::kOffline, "printer_offline", 1},
  };
  for (const auto& c : cases) {
    auto standin = StartStandin(c.state);
    const auto start = std::chrono::steady_clock::now();
    Status r = PrintTicket(Tcp(standin->port()), SampleTicket(), {.total_timeout = 300ms});
    const auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(r.has_value()) << c.rule;
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
    EXPECT_EQ(r.error().field, "printer");
    EXPECT_EQ(r.error().rule, c.rule) << r.error().detail;
    EXPECT_EQ(JobsAfterClose(*standin, 0).size(), 0u) << c.rule;
    EXPECT_EQ(standin->connections(), 1);
    EXPECT_EQ(standin->status_requests(), c.status_requests) << c.rule;
    EXPECT_LT(took, 2s) << c.rule;  // bounded by the timeout (plus rendering)
  }
}

TEST(PrintTicket, PaperRunningOutDuringTheJobIsAFailure) {
  auto standin = StartStandin(StandinState::kPaperOutAfterJob);
  Status r = PrintTicket(Tcp(standin->port()), SampleTicket());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "printer_paper_out");
  EXPECT_NE(r.error().detail.find("after the job"), std::string::npos) << r.error().detail;
  EXPECT_EQ(JobsAfterClose(*standin, 1).size(), 1u);  // the job was sent
}

TEST(PrintTicket, NobodyListeningIsOffline) {
  int port = 0;
  {
    auto standin = StartStandin(StandinState::kOk);
    port = standin->port();
  }  // closed: the port now refuses connections
  Status r = PrintTicket(Tcp(port), SampleTicket());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "printer_offline");
  EXPECT_NE(r.error().detail.find("connect"), std::string::npos) << r.error().detail;
}

// A listener whose accept queue is full drops new connection attempts: connect() would wait for
// minutes; the connect timeout ends it.
TEST(PrintTicket, ConnectTimeoutBoundsAnUnansweredConnect) {
  const int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(listener, 0), 0);
  ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  // Fill the accept queue (backlog 0 holds one) with connections nobody accepts.
  std::vector<int> fillers;
  for (int i = 0; i < 3; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    fillers.push_back(fd);
  }
  std::this_thread::sleep_for(50ms);
  const auto start = std::chrono::steady_clock::now();
  Status r = PrintTicket(Tcp(ntohs(addr.sin_port)), SampleTicket(), {.connect_timeout = 300ms});
  const auto took = std::chrono::steady_clock::now() - start;
  for (int fd : fillers) close(fd);
  close(listener);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "printer_offline");
  EXPECT_LT(took, 1500ms) << r.error().detail;
}

TEST(QueryStatus, ReportsWhatThePrinterAnswers) {
  auto ok = StartStandin(StandinState::kOk);
  auto s = QueryStatus(Tcp(ok->port()), 1s);
  ASSERT_TRUE(s.has_value()) << s.error().Describe();
  EXPECT_TRUE(s->online);
  EXPECT_FALSE(s->paper_out);
  EXPECT_EQ(s->raw, (std::array<std::uint8_t, 4>{0x12, 0x12, 0x12, 0x12}));

  auto out = StartStandin(StandinState::kPaperOut);
  auto p = QueryStatus(Tcp(out->port()), 1s);
  ASSERT_TRUE(p.has_value()) << p.error().Describe();
  EXPECT_FALSE(p->online);
  EXPECT_TRUE(p->paper_out);
  EXPECT_TRUE(p->paper_near_end);

  auto silent = StartStandin(StandinState::kOffline);
  auto q = QueryStatus(Tcp(silent->port()), 200ms);
  ASSERT_FALSE(q.has_value());
  EXPECT_EQ(q.error().rule, "printer_offline");

  auto pdf = QueryStatus({.kind = PrinterKind::kPdf, .path = "/tmp"}, 200ms);
  ASSERT_FALSE(pdf.has_value());
  EXPECT_EQ(pdf.error().rule, "bad_printer_target");
}

// ---- Device files: a pseudo-terminal plays /dev/usb/lp0 -----------------------------------------

std::unique_ptr<EscposPtyStandin> StartPty(StandinState state) {
  std::string error;
  auto s = EscposPtyStandin::Start(state, &error);
  EXPECT_TRUE(s) << error;
  return s;
}

std::string WaitForJob(const EscposPtyStandin& s, std::size_t size) {
  const auto deadline = std::chrono::steady_clock::now() + 3s;
  while (s.job().size() < size && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
  return s.job();
}

// The pty starts in cooked mode (echo, CR/LF translation): the ticket arrives intact only
// because the client switches a terminal to raw mode.
TEST(PrintTicket, DeviceFileReceivesTheTicket) {
  auto pty = StartPty(StandinState::kOk);
  auto target = ParsePrinterTarget("file:" + pty->device_path());
  ASSERT_TRUE(target.has_value());
  Status r = PrintTicket(*target, SampleTicket());
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  const std::string expected = EncodeRasterJob(RenderTicketRaster(SampleTicket()).value());
  const std::string job = WaitForJob(*pty, expected.size());
  EXPECT_EQ(job.size(), expected.size());
  EXPECT_TRUE(job == expected);
  ExpectJobIsTheTicket(job, SampleTicket(), 576);
  EXPECT_EQ(pty->status_requests(), 8);
}

TEST(PrintTicket, DeviceFileRefusalsSendNoJobByte) {
  for (auto [state, rule] : {std::pair{StandinState::kPaperOut, "printer_paper_out"},
                             std::pair{StandinState::kCoverOpen, "printer_cover_open"},
                             std::pair{StandinState::kOffline, "printer_offline"}}) {
    auto pty = StartPty(state);
    Status r = PrintTicket({.kind = PrinterKind::kDevice, .path = pty->device_path()}, SampleTicket(),
                           {.total_timeout = 300ms});
    ASSERT_FALSE(r.has_value()) << rule;
    EXPECT_EQ(r.error().rule, rule) << r.error().detail;
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(pty->job(), "") << rule;
  }
}

TEST(PrintTicket, MissingDeviceIsOffline) {
  Status r = PrintTicket({.kind = PrinterKind::kDevice, .path = "/dev/usb/lp-motcua-missing"}, SampleTicket());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "printer_offline");
  EXPECT_NE(r.error().detail.find("cannot open"), std::string::npos) << r.error().detail;
}

TEST(PrintTicket, BadTicketNeverReachesThePrinter) {
  auto standin = StartStandin(StandinState::kOk);
  TicketSlip bad = SampleTicket();
  bad.number = "";
  Status r = PrintTicket(Tcp(standin->port()), bad);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().rule, "required");
  EXPECT_EQ(standin->connections(), 0);
}

// ---- PDF targets ---------------------------------------------------------------------------------

TEST(PrintTicket, PdfTargetWritesARenderablePdf) {
  testing::TempDir dir;
  auto target = ParsePrinterTarget("pdf:" + dir.path());
  ASSERT_TRUE(target.has_value());
  Status r = PrintTicket(*target, SampleTicket(), {.pdf_file_name = "A1023"});
  ASSERT_TRUE(r.has_value()) << r.error().Describe();
  const std::string pdf = dir.File("A1023.pdf");
  const auto render = testing::Run("pdftoppm -r 100 -png -singlefile " + pdf + " " + dir.File("page"));
  EXPECT_EQ(render.exit_code, 0) << render.output;
  EXPECT_TRUE(std::filesystem::exists(dir.File("page.png")));
  EXPECT_NE(testing::PdfText(pdf).find("A1023"), std::string::npos);

  for (const char* name : {"", "../x", "a/b", ".hidden"}) {
    Status bad = PrintTicket(*target, SampleTicket(), {.pdf_file_name = name});
    ASSERT_FALSE(bad.has_value()) << name;
    EXPECT_EQ(bad.error().field, "pdf_file_name");
    EXPECT_EQ(bad.error().rule, "bad_file_name");
  }
  Status missing = PrintTicket({.kind = PrinterKind::kPdf, .path = dir.File("no-such-dir")}, SampleTicket());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().rule, "unwritable_path");
}

}  // namespace
}  // namespace motcua::print
