// Returning a result at the counter, drawn headless over a real station: the return form opens
// prefilled with the applicant's name and CCCD, a mistyped ID is refused in words under the form, and
// the return writes the handover record, rendered to PNG with pdftoppm. Writes counter-return-*.png
// under build/artifacts/screens to look at.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "ui_smoke/counter_frame.h"
#include "support/fixtures.h"
#include "ui_model/dossier_view.h"

namespace motcua::counter {
namespace {

namespace fs = std::filesystem;

class ReturnFormScreenTest : public testing::CounterFrameTest {
 protected:
  void SetUp() override {
    CounterFrameTest::SetUp();
    if (f) f->SignIn(ui::testing::kOfficer);
  }
};

TEST_F(ReturnFormScreenTest, PrefilledRefusedThenReturnedWithTheHandoverRecord) {
  const std::string code = ui::testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  ASSERT_TRUE(f->Do(ui::OpenDossier{code}).has_value());
  ASSERT_TRUE(f->Do(ui::RunLifecycleAction{dossier::Action::kMarkDone, {}}).has_value());
  headless->Frames(3, Frame());
  ASSERT_TRUE(headless->Click("action_return_result", Frame())) << "no return button";
  Shoot("counter-return-form-vi-1366.png");

  // A digit too many in the prefilled CCCD: refused, named, nothing returned.
  ASSERT_TRUE(headless->Click("receiver_id", Frame()));
  headless->Type("9", Frame());
  ASSERT_TRUE(headless->Click("run_return_result", Frame()));
  headless->Frames(2, Frame());
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.back(), "receiver_id/bad_cccd");
  EXPECT_EQ(f->model.dossier.dossier->state, dossier::State::kDone);
  Shoot("counter-return-refused-vi-1366.png");
  EXPECT_EQ(ui::MakeDossierView(f->model, *f->station, f->clock.Now()).error_text,
            "Số CCCD của người nhận kết quả phải có đúng 12 chữ số.");

  // Closed and opened again: the applicant's own CCCD, returned.
  ASSERT_TRUE(headless->Click("action_return_result", Frame()));
  ASSERT_TRUE(headless->Click("action_return_result", Frame()));
  ASSERT_TRUE(headless->Click("run_return_result", Frame()));
  for (int i = 0; i < 300 && f->model.print_job && f->model.print_job->form_key != "form.result_handover"; ++i)
    headless->Frame(Frame());
  f->Wait();
  headless->Frames(3, Frame());
  ASSERT_EQ(f->model.dossier.dossier->state, dossier::State::kReturned);
  ASSERT_TRUE(f->model.dossier.dossier->result_return.has_value());
  EXPECT_EQ(f->model.dossier.dossier->result_return->receiver_id, "001190012345");
  Shoot("counter-return-done-vi-1366.png");
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->form_key, "form.result_handover");

  const fs::path out = fs::path(MOTCUA_BIN_DIR) / ".." / "artifacts" / "screens" / "counter-return-handover-record";
  const auto r = motcua::testing::RunCommand({"pdftoppm", "-png", "-r", "110", "-singlefile",
                                              f->model.print_job->pdf_path, out.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::printf("handover record: %s.png\n", out.c_str());
}

}  // namespace
}  // namespace motcua::counter
