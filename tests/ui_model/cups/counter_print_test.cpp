// Printing from the counter through a real CUPS scheduler (tests/print/cups: a cupsd per test and a
// fake network printer on loopback). A switched-off printer must say so in Vietnamese, keep the
// dossier, and a reprint once it is back must send the same receipt (the same code). Labelled `cups`;
// skipped with the reason when cupsd is not installed.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "print/cups/cups_sandbox.h"
#include "ui_model/intake_view.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

using print::testing::CupsSandbox;
using print::testing::FakePrinter;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CounterPrintTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = CupsSandbox::SkipReason();
    if (!why.empty()) GTEST_SKIP() << why;
    ASSERT_EQ(cups.Start(), "");
    f = testing::MakeStation();
    ASSERT_NE(f, nullptr);
    f->SignIn(testing::kOfficer);
  }
  void UsePrinter(const std::string& queue, int wait_ms) {
    DeviceSettings d = f->station->devices;
    d.printer_queue = queue;
    d.cups_server = cups.socket_path();
    d.print_wait_ms = wait_ms;
    ASSERT_TRUE(f->Do(SaveDevices{d}).has_value());
  }
  CupsSandbox cups;
  std::unique_ptr<testing::StationFixture> f;
};

TEST_F(CounterPrintTest, ReceiptGoesToThePrinter) {
  FakePrinter printer;
  ASSERT_EQ(cups.AddSocketQueue("quay3", printer.port()), "");
  UsePrinter("quay3", 10000);
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kPrinted)
      << (f->model.print_job->error ? f->model.print_job->error->Describe() : "");
  const std::string pdf = Slurp(f->model.print_job->pdf_path);
  EXPECT_EQ(printer.WaitForBytes(pdf.size(), 5000), pdf);
  EXPECT_EQ(MakeShellView(f->model, f->clock.Now()).print->text,
            "Đã in Giấy tiếp nhận và hẹn trả (Mẫu 01) " + code + ".");
  // The intake's outcome names the queue and CUPS' job number, and where the PDF is.
  const int job = f->model.print_job->cups_job_id;
  EXPECT_GT(job, 0);
  const IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  ASSERT_TRUE(v.outcome && v.outcome->print);
  EXPECT_EQ(v.outcome->print->text, "Đã gửi máy in quay3, lệnh số " + std::to_string(job) + ".");
  EXPECT_EQ(v.outcome->print->path_text, "Tệp PDF: " + f->model.print_job->pdf_path);
  EXPECT_EQ(v.outcome->print->open_label, "Mở");
}

TEST_F(CounterPrintTest, PrinterOffSaysWhyKeepsTheDossierAndReprintKeepsTheCode) {
  int port = 0;
  {
    FakePrinter off;
    port = off.port();
    off.Stop();  // switched off: connections to its port are refused
  }
  ASSERT_EQ(cups.AddSocketQueue("quay3", port), "");
  UsePrinter("quay3", 1500);
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty()) << "the dossier is received whatever the printer does";
  EXPECT_EQ(f->DossierCount(), 1);
  ASSERT_TRUE(f->model.print_job.has_value());
  ASSERT_EQ(f->model.print_job->phase, PrintPhase::kFailed);
  ASSERT_TRUE(f->model.print_job->error.has_value());
  EXPECT_EQ(f->model.print_job->error->rule, "printer_unreachable");
  ShellView v = MakeShellView(f->model, f->clock.Now());
  ASSERT_TRUE(v.print.has_value());
  EXPECT_EQ(v.print->tone, Tone::kDanger);
  EXPECT_EQ(v.print->text,
            "Không in được Giấy tiếp nhận và hẹn trả (Mẫu 01) " + code +
                ": Máy in không phản hồi: máy có thể đang tắt, rút cáp hoặc sai địa chỉ. Bật máy in rồi in lại. "
                "Nhấn In lại khi đã khắc phục; mã hồ sơ giữ nguyên.");
  EXPECT_TRUE(v.print->can_reprint);
  EXPECT_EQ(v.print->reprint_label, "In lại (F8)");
  // The printer is back (on a new port: the queue follows it); the reprint sends the same file.
  const std::string pdf = Slurp(f->model.print_job->pdf_path);
  FakePrinter back;
  ASSERT_EQ(cups.AddSocketQueue("quay3", back.port()), "");
  ASSERT_TRUE(cups.Admin("cupsenable quay3").exit_code == 0);
  UsePrinter("quay3", 10000);
  ASSERT_TRUE(f->Do(ReprintLast{}).has_value());
  f->Wait();
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kPrinted)
      << (f->model.print_job->error ? f->model.print_job->error->Describe() : "");
  EXPECT_EQ(f->model.print_job->dossier_code, code);
  EXPECT_EQ(back.WaitForBytes(pdf.size(), 5000), pdf);
  EXPECT_EQ(f->DossierCount(), 1);
}

TEST(CounterPrint, NoSchedulerIsNamedPlainly) {
  std::unique_ptr<testing::StationFixture> f = testing::MakeStation();
  ASSERT_NE(f, nullptr);
  f->SignIn(testing::kOfficer);
  DeviceSettings d = f->station->devices;
  d.printer_queue = "quay3";
  d.cups_server = (f->dir.path() / "no-cupsd.sock").string();
  ASSERT_TRUE(f->Do(SaveDevices{d}).has_value());
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  ASSERT_EQ(f->model.print_job->phase, PrintPhase::kFailed);
  EXPECT_EQ(f->model.print_job->error->rule, "cups_unreachable");
  EXPECT_NE(MakeShellView(f->model, f->clock.Now()).print->text.find("Không kết nối được dịch vụ in (CUPS)"),
            std::string::npos);
}

}  // namespace
}  // namespace motcua::ui
