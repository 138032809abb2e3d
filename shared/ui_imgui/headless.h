// ImGui without a window, for tests (tests/ui_smoke): a context with our theme and fonts, frames
// run like imgui's example_null, and input set directly on ImGuiIO (the 1.86 legacy input fields,
// stack.md §13). Combined with the widgets' item locator, a test can click "##submit" by name.
// Any IM_ASSERT inside ImGui aborts the test process: Debian builds libimgui.a with asserts on.
#pragma once

#include <imgui.h>

#include <functional>
#include <memory>
#include <string_view>

#include "common/result.h"
#include "ui_imgui/keys.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::ui {

struct HeadlessOptions {
  ThemeKind theme = ThemeKind::kCounter;  // default counter
  float scale = 1.0f;                     // default 1
  ThemeVariant variant;                   // default: normal text and contrast
  int width_px = 1366;                    // default 1366x768, the counter's smallest target screen
  int height_px = 768;
};

class HeadlessUi {
 public:
  // Creates and makes current a fresh ImGui context. Errors: those of LoadFonts().
  static Result<std::unique_ptr<HeadlessUi>> Create(const HeadlessOptions& options = {});
  ~HeadlessUi();
  HeadlessUi(const HeadlessUi&) = delete;
  HeadlessUi& operator=(const HeadlessUi&) = delete;

  // Runs one frame: NewFrame, draw(), Render. Item rectangles are recorded afresh.
  void Frame(const std::function<void()>& draw);
  // Runs `n` frames with no new input.
  void Frames(int n, const std::function<void()>& draw);

  void Resize(int width_px, int height_px);
  // Switches the theme variant between frames, as the shell does for Frame::theme_request (theme,
  // fonts, atlas). Errors: those of LoadFonts().
  Status SetThemeVariant(ThemeVariant variant);
  // Clicks the item recorded under `id` (see FindItemRect): move there, press for one frame,
  // release for one frame, then lift the pointer off-screen (as the touch fix does). Returns false
  // when no such item was drawn on the previous frame.
  bool Click(std::string_view id, const std::function<void()>& draw);
  void ClickAt(ImVec2 pos, const std::function<void()>& draw);
  // A finger drag: hover `from`, press, move to `to` in `steps` equal frames, release there, then
  // lift the pointer off-screen (one frame each). steps < 1 counts as 1.
  void Drag(ImVec2 from, ImVec2 to, int steps, const std::function<void()>& draw);
  // Turns the mouse wheel over `pos` by `notches` (negative scrolls down), then lifts the pointer off-screen.
  void Wheel(ImVec2 pos, float notches, const std::function<void()>& draw);
  // Types UTF-8 text into whatever has keyboard focus, one frame.
  void Type(std::string_view utf8, const std::function<void()>& draw);
  // Presses and releases a named key (Enter, Tab, Escape, Backspace...) over two frames.
  void PressKey(ImGuiKey key, const std::function<void()>& draw);
  // Presses and releases a function key, a digit or L (keys.h), with Ctrl held when `ctrl`.
  void PressHotKey(HotKey key, const std::function<void()>& draw, bool ctrl = false);

  ImGuiIO& io() { return ImGui::GetIO(); }

 private:
  HeadlessUi(ImGuiContext* context, const HeadlessOptions& options) : context_(context), options_(options) {}
  ImGuiContext* context_ = nullptr;
  HeadlessOptions options_;
};

// The largest vertical scroll of the ImGui window called `name` on the last frame (0 = everything
// fits), or -1 when there is no such window. A screen that must fit without scrolling checks 0.
float WindowScrollMaxY(const char* name);

}  // namespace motcua::ui
