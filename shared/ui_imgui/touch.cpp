#include "ui_imgui/touch.h"

#include <SDL.h>

#include <cfloat>

namespace motcua::ui {

void TouchHoverFix::OnEvent(const SDL_Event& event) {
  if (event.type == SDL_FINGERDOWN) {
    last_was_touch = true;
  } else if (event.type == SDL_MOUSEBUTTONDOWN) {
    // SDL synthesises mouse events from touches with which == SDL_TOUCH_MOUSEID. X11 pointer
    // emulation may hide that, which is why a kiosk keeps touch_only = true.
    last_was_touch = event.button.which == SDL_TOUCH_MOUSEID;
  }
}

void TouchHoverFix::Apply(ImGuiIO& io) {
  if (!(touch_only || last_was_touch) || io.MouseDown[0]) {
    frames_up = 0;
    return;
  }
  // Frame 0 after the release keeps the position (the click still lands); later frames lift it.
  if (frames_up++ >= 1) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void DragToScrollOnVoid() {
  ImGuiIO& io = ImGui::GetIO();
  bool* dragging = ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID("##drag_to_scroll"), false);
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsWindowHovered() && !ImGui::IsAnyItemHovered())
    *dragging = true;
  if (!io.MouseDown[0]) *dragging = false;
  if (*dragging && io.MouseDelta.y != 0.0f && io.MouseDelta.y > -FLT_MAX / 2)
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);  // the content follows the finger
}

}  // namespace motcua::ui
