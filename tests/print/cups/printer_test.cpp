// Printing against a real CUPS scheduler started by each test in a temporary directory
// (stack.md §12.3a), with a fake network printer on loopback. Labelled `cups`; skipped with the
// reason when cupsd is not installed.
#include "print/printer.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "print/cups/cups_sandbox.h"
#include "print/form_pdf.h"
#include "print/sample_forms.h"

namespace motcua::print {
namespace {

using namespace testing;

class CupsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = CupsSandbox::SkipReason();
    if (!why.empty()) GTEST_SKIP() << why;
    const std::string err = cups_.Start();
    ASSERT_EQ(err, "") << err;
    server_.address = cups_.socket_path();
    auto pdf = RenderReceiptPdf(SampleReceipt());
    ASSERT_TRUE(pdf.has_value()) << pdf.error().Describe();
    receipt_ = pdf->bytes;
  }
  void TearDown() override {
    if (HasFailure()) std::cerr << "---- cupsd error_log (tail) ----\n" << cups_.ErrorLog() << "\n";
  }
  CupsSandbox cups_;
  CupsServer server_;
  std::string receipt_;
};

TEST_F(CupsTest, PrintedWhenTheNetworkPrinterReceivesEveryByte) {
  FakePrinter printer;
  ASSERT_EQ(cups_.AddSocketQueue("quay3", printer.port()), "");
  const auto out = PrintPdf(server_, "quay3", receipt_, {.title = "Mẫu 01 000.00.00.H60-260312-0001"});
  ASSERT_TRUE(out.has_value()) << out.error().Describe();
  EXPECT_EQ(out->kind, PrintOutcome::Kind::kPrinted);
  EXPECT_EQ(out->job_state, JobState::kCompleted);
  EXPECT_GT(out->job_id, 0);
  EXPECT_EQ(printer.WaitForBytes(receipt_.size(), 5000), receipt_);
}

TEST_F(CupsTest, CopiesAreAllSentToThePrinter) {
  FakePrinter printer;
  ASSERT_EQ(cups_.AddSocketQueue("quay3", printer.port()), "");
  const auto out = PrintPdf(server_, "quay3", receipt_, {.copies = 2});
  ASSERT_TRUE(out.has_value()) << out.error().Describe();
  EXPECT_EQ(out->kind, PrintOutcome::Kind::kPrinted);
  EXPECT_EQ(printer.WaitForBytes(2 * receipt_.size(), 5000), receipt_ + receipt_);
}

TEST_F(CupsTest, PrinterSwitchedOffIsUnreachableAndTheJobIsCancelled) {
  FakePrinter printer;
  const int port = printer.port();
  printer.Stop();  // nothing listens on the port any more: connections are refused
  ASSERT_EQ(cups_.AddSocketQueue("quay3", port), "");
  const auto started = std::chrono::steady_clock::now();
  const auto out = PrintPdf(server_, "quay3", receipt_, {.wait_ms = 2500});
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(out.has_value()) << "a switched-off printer must not be reported as printed";
  EXPECT_EQ(out.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(out.error().field, "queue");
  EXPECT_EQ(out.error().rule, "printer_unreachable");
  EXPECT_NE(out.error().detail.find("The printer may not exist or is unavailable at this time"), std::string::npos)
      << out.error().detail;
  EXPECT_LT(took, std::chrono::milliseconds(2500 + 2000)) << "the wait must be bounded by wait_ms";
  // The first job of a fresh scheduler is job 1; it was cancelled so a reprint cannot print twice.
  const auto job = GetJobStatus(server_, 1);
  ASSERT_TRUE(job.has_value()) << job.error().Describe();
  EXPECT_EQ(job->state, JobState::kCanceled) << JobStateName(job->state);
}

TEST_F(CupsTest, PrinterOffWithoutCancelLeavesTheJobQueued) {
  FakePrinter printer;
  const int port = printer.port();
  printer.Stop();
  ASSERT_EQ(cups_.AddSocketQueue("quay3", port), "");
  const auto out = PrintPdf(server_, "quay3", receipt_, {.wait_ms = 1500, .cancel_unprinted = false});
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().rule, "printer_unreachable");
  const auto job = GetJobStatus(server_, 1);
  ASSERT_TRUE(job.has_value()) << job.error().Describe();
  EXPECT_EQ(job->state, JobState::kProcessing) << JobStateName(job->state);
  EXPECT_FALSE(job->state_message.empty());
  ASSERT_TRUE(CancelJob(server_, 1).has_value());
  EXPECT_EQ(GetJobStatus(server_, 1)->state, JobState::kCanceled);
  EXPECT_TRUE(CancelJob(server_, 1).has_value()) << "cancelling a finished job is not an error";
}

TEST_F(CupsTest, MissingQueueIsNoSuchPrinter) {
  const auto out = PrintPdf(server_, "quay99", receipt_);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(out.error().field, "queue");
  EXPECT_EQ(out.error().rule, "no_such_printer");
  EXPECT_NE(out.error().detail.find("quay99"), std::string::npos);
  const auto q = GetQueue(server_, "quay99");
  ASSERT_FALSE(q.has_value());
  EXPECT_EQ(q.error().rule, "no_such_printer");
}

TEST_F(CupsTest, StoppedQueueIsRefusedBeforeAnyJobExists) {
  FakePrinter printer;
  ASSERT_EQ(cups_.AddSocketQueue("quay3", printer.port()), "");
  ASSERT_EQ(cups_.Admin("cupsdisable -r 'Hết giấy' quay3").exit_code, 0);
  const auto out = PrintPdf(server_, "quay3", receipt_);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(out.error().field, "queue");
  EXPECT_EQ(out.error().rule, "printer_stopped");
  EXPECT_NE(out.error().detail.find("Hết giấy"), std::string::npos) << out.error().detail;
  const auto job = GetJobStatus(server_, 1);
  ASSERT_FALSE(job.has_value());
  EXPECT_EQ(job.error().rule, "no_such_job");
}

TEST_F(CupsTest, RejectingQueueIsNotAccepting) {
  FakePrinter printer;
  ASSERT_EQ(cups_.AddSocketQueue("quay3", printer.port()), "");
  ASSERT_EQ(cups_.Admin("cupsreject quay3").exit_code, 0);
  const auto out = PrintPdf(server_, "quay3", receipt_);
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().rule, "printer_not_accepting");
  EXPECT_EQ(out.error().field, "queue");
}

TEST_F(CupsTest, WaitZeroReturnsQueuedAndTheJobCompletesLater) {
  FakePrinter printer;
  ASSERT_EQ(cups_.AddSocketQueue("quay3", printer.port()), "");
  const auto out = PrintPdf(server_, "quay3", receipt_, {.wait_ms = 0});
  ASSERT_TRUE(out.has_value()) << out.error().Describe();
  ASSERT_GT(out->job_id, 0);
  // Either CUPS was quicker than our one status query, or the job is still on its way.
  JobState state = out->job_state;
  for (int i = 0; i < 100 && state != JobState::kCompleted; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto s = GetJobStatus(server_, out->job_id);
    ASSERT_TRUE(s.has_value()) << s.error().Describe();
    state = s->state;
  }
  EXPECT_EQ(state, JobState::kCompleted) << JobStateName(state);
  EXPECT_EQ(printer.WaitForBytes(receipt_.size(), 5000), receipt_);
}

TEST_F(CupsTest, ListQueuesGivesEveryQueueWithItsStateAndTheDefault) {
  FakePrinter a, b;
  ASSERT_EQ(cups_.AddSocketQueue("quay3", a.port()), "");
  ASSERT_EQ(cups_.AddSocketQueue("kiosk1", b.port()), "");
  ASSERT_EQ(cups_.Admin("lpadmin -d quay3").exit_code, 0);
  ASSERT_EQ(cups_.Admin("lpadmin -p quay3 -D 'Máy in quầy 3' -L 'Tầng 1'").exit_code, 0);
  ASSERT_EQ(cups_.Admin("cupsdisable kiosk1").exit_code, 0);
  const auto list = ListQueues(server_);
  ASSERT_TRUE(list.has_value()) << list.error().Describe();
  ASSERT_EQ(list->size(), 2u);
  const QueueInfo& kiosk = (*list)[0];
  const QueueInfo& counter = (*list)[1];
  EXPECT_EQ(kiosk.name, "kiosk1");
  EXPECT_EQ(kiosk.state, PrinterState::kStopped);
  EXPECT_FALSE(kiosk.is_default);
  EXPECT_EQ(counter.name, "quay3");
  EXPECT_EQ(counter.state, PrinterState::kIdle);
  EXPECT_TRUE(counter.is_default);
  EXPECT_TRUE(counter.is_accepting_jobs);
  EXPECT_EQ(counter.info, "Máy in quầy 3");
  EXPECT_EQ(counter.location, "Tầng 1");
}

TEST_F(CupsTest, ListQueuesOnAnEmptySchedulerIsEmpty) {
  const auto list = ListQueues(server_);
  ASSERT_TRUE(list.has_value()) << list.error().Describe();
  EXPECT_TRUE(list->empty());
}

TEST_F(CupsTest, SandboxStopKillsItsScheduler) {
  const pid_t pid = cups_.pid();
  ASSERT_GT(pid, 0);
  ASSERT_EQ(kill(pid, 0), 0);
  cups_.Stop();
  EXPECT_EQ(kill(pid, 0), -1) << "cupsd " << pid << " still running after Stop()";
  const auto list = ListQueues(server_);
  ASSERT_FALSE(list.has_value());
  EXPECT_EQ(list.error().rule, "cups_unreachable");
}

// ---- No scheduler needed ------------------------------------------------------------------------

TEST(PrintPdf, SchedulerNotRunningIsCupsUnreachable) {
  TempDir dir;
  const CupsServer nowhere{.address = dir.File("no-cupsd.sock"), .connect_timeout_ms = 1000};
  const auto out = PrintPdf(nowhere, "quay3", "%PDF-1.5");
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(out.error().field, "server");
  EXPECT_EQ(out.error().rule, "cups_unreachable");
  EXPECT_NE(out.error().detail.find(nowhere.address), std::string::npos) << out.error().detail;
  const auto list = ListQueues(nowhere);
  ASSERT_FALSE(list.has_value());
  EXPECT_EQ(list.error().rule, "cups_unreachable");
}

TEST(PrintPdf, BadArgumentsAreRejectedBeforeConnecting) {
  const CupsServer nowhere{.address = "/nonexistent/cups.sock"};
  for (const char* bad : {"", "quầy 3", "a/b", "a#b", "quay\x01"}) {
    const auto out = PrintPdf(nowhere, bad, "%PDF");
    ASSERT_FALSE(out.has_value());
    EXPECT_EQ(out.error().field, "queue") << bad;
    EXPECT_EQ(out.error().rule, "bad_queue_name") << bad;
  }
  EXPECT_EQ(PrintPdf(nowhere, std::string(128, 'q'), "%PDF").error().rule, "bad_queue_name");
  EXPECT_EQ(PrintPdf(nowhere, std::string(127, 'q'), "%PDF").error().rule, "cups_unreachable");
  for (int copies : {0, 100, -1}) {
    const auto out = PrintPdf(nowhere, "quay3", "%PDF", {.copies = copies});
    ASSERT_FALSE(out.has_value());
    EXPECT_EQ(out.error().field, "copies");
    EXPECT_EQ(out.error().rule, "out_of_range");
  }
  EXPECT_EQ(PrintPdf(nowhere, "quay3", "%PDF", {.copies = 99}).error().rule, "cups_unreachable");
  EXPECT_EQ(PrintPdf(nowhere, "quay3", "").error().rule, "empty_document");
}

TEST(PrintPdfFile, MissingFileIsNoSuchFile) {
  const auto out = PrintPdfFile({.address = "/nonexistent/cups.sock"}, "quay3", "/nonexistent/receipt.pdf");
  ASSERT_FALSE(out.has_value());
  EXPECT_EQ(out.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(out.error().field, "path");
  EXPECT_EQ(out.error().rule, "no_such_file");
}

}  // namespace
}  // namespace motcua::print
