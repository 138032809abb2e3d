// The board's screen (board/screens/board.cpp) drawn headless at the three TV sizes, over a fixture
// view with calls, areas and each panel: any ImGui assertion fails the test.
#include <gtest/gtest.h>

#include "board/board_fixture.h"
#include "board/screens/board.h"
#include "ui_imgui/headless.h"

namespace motcua::ui::testing {
namespace {

TEST(DrawBoard, DrawsEveryPanelAtEachTvSize) {
  BoardFixture f;
  ASSERT_TRUE(f.Set("board.notices", "Giờ làm việc: 7:30 – 17:00, thứ Hai đến thứ Sáu").has_value());
  f.Seed();
  for (int i = 0; i < 8; ++i) f.Take(i % 2 ? "A" : "B");
  for (const char* counter : {"1", "2", "3", "10", "Tiếp nhận hồ sơ"}) f.Call(counter);
  f.Poll();
  BoardPublicLists l;
  l.year = 2026;
  l.month = 3;
  l.dossiers = 3;
  l.officers.rows.push_back({"Sở Tư pháp", "tran.thi.binh", "Trần Thị Bình", 2, {}});
  SetBoardLists(f.model, l);
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}, std::pair{3840, 2160}}) {
    auto ui = HeadlessUi::Create({.theme = ThemeKind::kKiosk, .scale = 1.25f * h / 1080.0f,
                                  .variant = {.high_contrast = true}, .width_px = w, .height_px = h});
    ASSERT_TRUE(ui.has_value()) << ui.error().Describe();
    for (std::size_t slide = 0; slide < f.model.slides.size(); ++slide) {
      f.model.slide = slide;
      const BoardView v = MakeBoardView(f.model, f.Now(), {.width_px = w, .height_px = h});
      (*ui)->Frames(2, [&] { board::DrawBoard(v); });
    }
  }
}

}  // namespace
}  // namespace motcua::ui::testing
