// The intake's outcome after F10, drawn headless over a real station: it tells the officer where the
// receipt went (the PDF's path at a station with no printer; the queue and CUPS job when printed) and
// its "Mở" button starts the desktop's opener on the PDF (a stand-in script named by MOTCUA_OPENER).
// Writes counter-intake-outcome-*.png under build/artifacts/screens to look at.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "ui_smoke/counter_frame.h"
#include "ui_model/intake_view.h"

namespace motcua::counter {
namespace {

namespace fs = std::filesystem;

class IntakeOutcomeScreenTest : public testing::CounterFrameTest {
 protected:
  void SetUp() override {
    CounterFrameTest::SetUp();
    if (f) f->SignIn(ui::testing::kOfficer);
  }
  void TearDown() override { ::unsetenv("MOTCUA_OPENER"); }
};

TEST_F(IntakeOutcomeScreenTest, SaysWhereTheReceiptWentAndMoOpensIt) {
  const std::string code = ui::testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  ASSERT_EQ(f->model.print_job->phase, ui::PrintPhase::kSavedOnly);
  const std::string pdf = f->model.print_job->pdf_path;

  // No printer at this station: "Đã lưu PDF: <path>", then "Mở".
  Shoot("counter-intake-outcome-saved-vi-1366.png");
  headless->Resize(1024, 600);
  Shoot("counter-intake-outcome-saved-vi-1024.png");
  headless->Resize(1366, 768);
  headless->Frames(3, Frame());  // Click aims at where the last frame drew the button

  const fs::path script = f->dir.path() / "opener.sh";
  const fs::path record = f->dir.path() / "opened.txt";
  std::ofstream(script) << "#!/bin/sh\nprintf '%s' \"$1\" > '" << record.string() << "'\n";
  ::chmod(script.c_str(), 0755);
  ::setenv("MOTCUA_OPENER", script.c_str(), 1);
  ASSERT_TRUE(headless->Click("open_pdf", Frame())) << "no \"Mở\" button on the outcome";
  for (int i = 0; i < 500 && !f->model.opener.running.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    headless->Frame(Frame());
  }
  ASSERT_TRUE(f->model.opener.running.empty()) << "the stand-in opener did not finish";
  std::ifstream in(record);
  std::ostringstream opened;
  opened << in.rdbuf();
  EXPECT_EQ(opened.str(), pdf);
  EXPECT_TRUE(errors.empty()) << errors.front();

  // Opening failed: said in words under the line.
  ::setenv("MOTCUA_OPENER", "/nonexistent/xdg-open", 1);
  ASSERT_TRUE(headless->Click("open_pdf", Frame()));
  Shoot("counter-intake-outcome-open-failed-vi-1366.png");
  EXPECT_NE(ui::MakeIntakeView(f->model, *f->station, f->clock.Now()).outcome->print->open_error, "");

  // As a printed receipt shows (the phase and job number FinishPrint sets after CUPS accepted it;
  // the real exchange with a cupsd is tests/ui_model/cups).
  f->model.opener.error.reset();
  f->model.print_job->phase = ui::PrintPhase::kPrinted;
  f->model.print_job->queue = "quay3";
  f->model.print_job->cups_job_id = 42;
  Shoot("counter-intake-outcome-printed-vi-1366.png");
  EXPECT_EQ(ui::MakeIntakeView(f->model, *f->station, f->clock.Now()).outcome->print->text,
            "Đã gửi máy in quay3, lệnh số 42.");
  f->model.lang = ui::Lang::kEn;
  Shoot("counter-intake-outcome-printed-en-1366.png");
}

}  // namespace
}  // namespace motcua::counter
