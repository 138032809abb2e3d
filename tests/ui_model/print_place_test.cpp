// Where a printed form went, as the intake's outcome tells the officer after F10 (issue 16): the
// printer queue and CUPS job, or the PDF's path (MakePrintPlaceView, every phase, both languages),
// and "Mở", which starts the desktop's opener on the PDF without waiting for it (OpenPrintedPdf). The
// opener is a stand-in script named by MOTCUA_OPENER, so the test sees what it was called with.
// Printing through a real cupsd (the queue and job number) is in cups/counter_print_test.cpp.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "ui_model/intake_view.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

namespace fs = std::filesystem;

// A print job as FinishPrint leaves it (jobs.cpp), without running one.
CounterModel ModelWithReceiptJob(PrintPhase phase, bool is_saved) {
  CounterModel m;
  PrintJob job;
  job.form_key = "form.receipt";
  job.dossier_code = "000.00.00.X00-260312-0001";
  job.pdf_path = "/var/lib/motcua/forms/000.00.00.X00-260312-0001/mau01.pdf";
  job.phase = phase;
  job.queue = "quay3";
  job.cups_job_id = phase == PrintPhase::kPrinted || phase == PrintPhase::kQueued ? 42 : 0;
  job.is_saved = is_saved;
  if (phase == PrintPhase::kFailed)
    job.error = is_saved ? Unavailable("queue", "printer_stopped", "stopped") : Unavailable("path", "write_failed", "disk full");
  m.print_job.emplace(std::move(job));
  return m;
}

std::string PlaceText(const CounterModel& m) {
  const std::optional<PrintPlaceView> v = MakePrintPlaceView(m, "form.receipt", "000.00.00.X00-260312-0001");
  return v ? v->text : "(none)";
}

TEST(PrintPlaceView, SaysThePrinterQueueAndJobOrThePdfPathInEveryPhase) {
  const std::string path = "/var/lib/motcua/forms/000.00.00.X00-260312-0001/mau01.pdf";
  EXPECT_EQ(PlaceText(ModelWithReceiptJob(PrintPhase::kPrinted, true)), "Đã gửi máy in quay3, lệnh số 42.");
  EXPECT_EQ(PlaceText(ModelWithReceiptJob(PrintPhase::kQueued, true)),
            "Đã gửi máy in quay3, lệnh số 42; máy in đang xử lý.");
  EXPECT_EQ(PlaceText(ModelWithReceiptJob(PrintPhase::kSavedOnly, true)), "Đã lưu PDF: " + path);
  EXPECT_EQ(PlaceText(ModelWithReceiptJob(PrintPhase::kWorking, false)), "Đang gửi máy in quay3…");
  CounterModel no_queue = ModelWithReceiptJob(PrintPhase::kWorking, false);
  no_queue.print_job->queue.clear();
  EXPECT_EQ(PlaceText(no_queue), "Đang lưu PDF…");
  const std::string failed = PlaceText(ModelWithReceiptJob(PrintPhase::kFailed, true));
  EXPECT_EQ(failed.rfind("Chưa in được: ", 0), 0u) << failed;
  EXPECT_NE(failed.find(" Đã lưu PDF: " + path), std::string::npos) << failed;
  const std::string not_saved = PlaceText(ModelWithReceiptJob(PrintPhase::kFailed, false));
  EXPECT_EQ(not_saved.rfind("Không lưu được PDF: ", 0), 0u) << not_saved;

  // The PDF's path under a printer's line; "Mở" only once the PDF exists.
  const auto printed = MakePrintPlaceView(ModelWithReceiptJob(PrintPhase::kPrinted, true), "form.receipt",
                                          "000.00.00.X00-260312-0001");
  ASSERT_TRUE(printed.has_value());
  EXPECT_EQ(printed->tone, Tone::kSuccess);
  EXPECT_EQ(printed->path_text, "Tệp PDF: " + path);
  EXPECT_EQ(printed->open_label, "Mở");
  const auto saved = MakePrintPlaceView(ModelWithReceiptJob(PrintPhase::kSavedOnly, true), "form.receipt",
                                        "000.00.00.X00-260312-0001");
  EXPECT_EQ(saved->path_text, "") << "the text names the path already";
  for (PrintPhase p : {PrintPhase::kWorking, PrintPhase::kFailed})
    EXPECT_EQ(MakePrintPlaceView(ModelWithReceiptJob(p, false), "form.receipt", "000.00.00.X00-260312-0001")->open_label,
              "");

  // English through the string table.
  CounterModel en = ModelWithReceiptJob(PrintPhase::kPrinted, true);
  en.lang = Lang::kEn;
  EXPECT_EQ(PlaceText(en), "Sent to printer quay3, job 42.");
  en = ModelWithReceiptJob(PrintPhase::kSavedOnly, true);
  en.lang = Lang::kEn;
  EXPECT_EQ(PlaceText(en), "Saved as PDF: " + path);
  EXPECT_EQ(MakePrintPlaceView(en, "form.receipt", "000.00.00.X00-260312-0001")->open_label, "Open");

  // Another form or another dossier: nothing (the outcome shows only its own receipt).
  EXPECT_FALSE(MakePrintPlaceView(ModelWithReceiptJob(PrintPhase::kPrinted, true), "form.apology",
                                  "000.00.00.X00-260312-0001"));
  EXPECT_FALSE(MakePrintPlaceView(ModelWithReceiptJob(PrintPhase::kPrinted, true), "form.receipt",
                                  "000.00.00.X00-260312-0002"));
  EXPECT_FALSE(MakePrintPlaceView(CounterModel{}, "form.receipt", ""));
}

// A stand-in for xdg-open: records its arguments in `record` and exits with `exit_code`, after
// `sleep_s` seconds.
std::string WriteStandInOpener(const fs::path& dir, const std::string& name, int exit_code, int sleep_s = 0) {
  const fs::path script = dir / name;
  std::ofstream(script) << "#!/bin/sh\nprintf '%s|' \"$@\" > '" << (dir / (name + ".args")).string() << "'\n"
                        << (sleep_s ? "sleep " + std::to_string(sleep_s) + "\n" : "") << "exit " << exit_code << "\n";
  ::chmod(script.c_str(), 0755);
  return script.string();
}

std::string ReadOpenerArgs(const fs::path& file) {
  std::ifstream in(file);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class PrintPlaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = testing::MakeStation();
    ASSERT_NE(f, nullptr);
    f->SignIn(testing::kOfficer);
    code = testing::ReceiveThroughIntake(*f, "9.999002");
    ASSERT_FALSE(code.empty());
  }
  void TearDown() override { ::unsetenv("MOTCUA_OPENER"); }
  // Ticks the model (as each frame does) until every opener is reaped; false after 10 s.
  bool ReapOpeners() {
    for (int i = 0; i < 1000 && !f->model.opener.running.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      TickCounter(f->model, f->Backend(), false);
    }
    return f->model.opener.running.empty();
  }
  PrintPlaceView Place() {
    const IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
    EXPECT_TRUE(v.outcome && v.outcome->print) << "the outcome shows where the receipt went";
    return v.outcome && v.outcome->print ? *v.outcome->print : PrintPlaceView{};
  }
  std::unique_ptr<testing::StationFixture> f;
  std::string code;
};

TEST_F(PrintPlaceTest, OutcomeAfterF10SaysWhereTheReceiptWasSaved) {
  // No printer at this station: the receipt is a PDF, and the outcome says where.
  const std::string path = (f->station->FormsDir() / code / "mau01.pdf").string();
  const PrintPlaceView p = Place();
  EXPECT_EQ(p.text, "Đã lưu PDF: " + path);
  EXPECT_EQ(p.open_label, "Mở");
  EXPECT_EQ(p.open_error, "");
}

TEST_F(PrintPlaceTest, OpenRunsTheOpenerOnTheReceiptPdf) {
  const std::string opener = WriteStandInOpener(f->dir.path(), "opener.sh", 0);
  ::setenv("MOTCUA_OPENER", opener.c_str(), 1);
  ASSERT_TRUE(f->Do(OpenPrintedPdf{}).has_value());
  ASSERT_TRUE(ReapOpeners());
  EXPECT_EQ(ReadOpenerArgs(f->dir.path() / "opener.sh.args"), f->model.print_job->pdf_path + "|")
      << "called with the PDF's path, one argument";
  EXPECT_FALSE(f->model.opener.error.has_value());
  EXPECT_EQ(Place().open_error, "");
}

TEST_F(PrintPlaceTest, OpenNeverWaitsForTheOpener) {
  // A viewer run in the foreground may stay open all day: the action returns at once.
  const std::string opener = WriteStandInOpener(f->dir.path(), "slow.sh", 0, 30);
  ::setenv("MOTCUA_OPENER", opener.c_str(), 1);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(f->Do(OpenPrintedPdf{}).has_value());
  TickCounter(f->model, f->Backend(), false);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  ASSERT_EQ(f->model.opener.running.size(), 1u);
  EXPECT_FALSE(HasPendingJobs(f->model)) << "an open viewer is not a job to wait for";
  ::kill(f->model.opener.running[0].pid, SIGKILL);  // the child this test started
  ASSERT_TRUE(ReapOpeners());
}

TEST_F(PrintPlaceTest, OpenFailuresAreShownInWords) {
  // xdg-open's exit 3: no program for the file's type.
  const std::string failing = WriteStandInOpener(f->dir.path(), "no-viewer.sh", 3);
  ::setenv("MOTCUA_OPENER", failing.c_str(), 1);
  ASSERT_TRUE(f->Do(OpenPrintedPdf{}).has_value()) << "started: the failure comes later";
  ASSERT_TRUE(ReapOpeners());
  ASSERT_TRUE(f->model.opener.error.has_value());
  EXPECT_EQ(f->model.opener.error->rule, "opener_failed");
  EXPECT_EQ(Place().open_error,
            "Không mở được tệp PDF: " + failing + " dừng với mã lỗi 3. Kiểm tra máy đã cài chương trình xem PDF.");

  // No such program (xdg-utils not installed).
  ::setenv("MOTCUA_OPENER", "/nonexistent/xdg-open", 1);
  Status s = f->Do(OpenPrintedPdf{});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "opener");
  EXPECT_EQ(s.error().rule, "opener_not_found");
  EXPECT_EQ(Place().open_error,
            "Không mở được tệp PDF: máy này không có chương trình /nonexistent/xdg-open (gói xdg-utils).");
  f->model.lang = Lang::kEn;
  EXPECT_EQ(Place().open_error, "Cannot open the PDF: this computer has no /nonexistent/xdg-open program (package xdg-utils).");
  f->model.lang = Lang::kVi;

  // The PDF was removed: say so, and how to make it again. Nothing is started.
  const std::string opener = WriteStandInOpener(f->dir.path(), "opener.sh", 0);
  ::setenv("MOTCUA_OPENER", opener.c_str(), 1);
  fs::remove(f->model.print_job->pdf_path);
  s = f->Do(OpenPrintedPdf{});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().rule, "no_such_file");
  EXPECT_TRUE(f->model.opener.running.empty());
  EXPECT_EQ(Place().open_error,
            "Không mở được: tệp " + f->model.print_job->pdf_path + " không còn. Nhấn In lại (F8) để tạo lại.");
  // A reprint makes it again, and the next "Mở" clears the error.
  ASSERT_TRUE(f->Do(ReprintLast{}).has_value());
  f->Wait();
  ASSERT_TRUE(f->Do(OpenPrintedPdf{}).has_value());
  ASSERT_TRUE(ReapOpeners());
  EXPECT_EQ(Place().open_error, "");
  EXPECT_EQ(ReadOpenerArgs(f->dir.path() / "opener.sh.args"), f->model.print_job->pdf_path + "|");
}

TEST_F(PrintPlaceTest, SlipOutcomesSayWhereTheSlipWent) {
  ASSERT_TRUE(f->Do(FinishIntake{}).has_value());
  ASSERT_TRUE(f->Do(ScanReceived{testing::kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}).has_value());
  ASSERT_TRUE(f->Do(IssueSupplementSlip{"Thiếu tờ khai"}).has_value());
  f->Wait();
  const PrintPlaceView p = Place();
  EXPECT_EQ(p.text.rfind("Đã lưu PDF: ", 0), 0u) << p.text;
  EXPECT_NE(p.text.find("mau02.pdf"), std::string::npos) << p.text;
}

}  // namespace
}  // namespace motcua::ui
