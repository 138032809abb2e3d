// Touch input for ImGui 1.86, which cannot tell a finger from a mouse (stack.md §5).
//
// TouchHoverFix: after a tap the pointer stays where the finger lifted, so that widget stays
// highlighted ("sticky hover"). Keep the position for one frame after the release, so the release
// still counts as a click, then move the pointer off-screen. SDL's backend rewrites io.MousePos in
// its NewFrame, so Apply() must run after ImGui_ImplSDL2_NewFrame() and before ImGui::NewFrame().
//
// DragToScrollOnVoid: ImGui has no finger scrolling. A drag that starts on empty space of a
// scrollable window scrolls it; a drag that starts on a widget still belongs to the widget.
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

// Call inside a scrollable window or child, after its items.
void DragToScrollOnVoid();

}  // namespace motcua::ui
