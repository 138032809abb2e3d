// Touch input for ImGui 1.86, which cannot tell a finger from a mouse (stack.md §5).
//
// TouchHoverFix: after a tap the pointer stays where the finger lifted, so that widget stays
// highlighted ("sticky hover"). Keep the position for one frame after the release, so the release
// still counts as a click, then move the pointer off-screen. SDL's backend rewrites io.MousePos in
// its NewFrame, so Apply() must run after ImGui_ImplSDL2_NewFrame() and before ImGui::NewFrame().
//
// DragToScroll: ImGui has no finger scrolling. A press anywhere in a scrollable window (on a
// button too) is a tap until the finger has travelled more than the theme's press_slop_px
// (kiosk: 12 px at scale 1). Past that the press becomes a drag, states per press:
//   pressed --(moved > slop)--> dragging --(release)--> coasting --(velocity < 15 px/s, an edge,
//   or a new press)--> still
//   pressed --(release within slop)--> still: a tap; the button under the finger fires.
// While dragging the content follows the finger and the drag owns the pointer (ImGui's active
// item), so no button under the finger highlights or fires, and Button() refuses a release that
// ended a drag (PressBecameDrag). After the release the content coasts at the finger's speed over
// its last 80 ms, slowing exponentially (time constant 0.35 s) and stopping at the edges. Any new
// press stops the coasting; one on the coasting list itself presses nothing (a finger catching
// the list).
//
// DragToScrollOnVoid: the older, counter-style variant: only drags that start on empty space
// scroll, a drag that starts on a widget still belongs to the widget; no inertia.
#pragma once

#include <imgui.h>

union SDL_Event;

namespace motcua::ui {

struct TouchHoverFix {
  bool touch_only = true;       // default true: a kiosk with no mouse, every press is a finger
  bool last_was_touch = false;  // stations with both: did the last press come from a finger?
  int frames_up = 0;            // frames since the finger lifted

  // Call for every SDL event (after ImGui_ImplSDL2_ProcessEvent).
  void OnEvent(const SDL_Event& event);
  // Call between ImGui_ImplSDL2_NewFrame() and ImGui::NewFrame().
  void Apply(ImGuiIO& io);
};

// Call inside a scrollable window or child, after its items and its own child windows, before
// End()/EndChild(); in a scrolling table (BeginDataTable), before EndDataTable(). Scrolls
// vertically only. When windows nest, the innermost one that can scroll takes the press (each
// must call DragToScroll). Returns true while the content is moving (dragged
// this frame or coasting): the app must then ask for the next frame at once (Frame::animate), or
// the coasting stalls until the next input. Time comes from io.DeltaTime, so tests are exact.
// Needs the state of the window from the frame before: a window not drawn for a frame starts
// afresh (no coasting carried over).
bool DragToScroll();

// The press-to-drag rule for widgets: true on the frame the left button is released after a press
// that travelled more than CurrentMetrics().press_slop_px (always false when the slop is 0, the
// counter). A widget that reported a click on this frame must drop it.
bool PressBecameDrag();

// Call inside a scrollable window or child, after its items.
void DragToScrollOnVoid();

}  // namespace motcua::ui
