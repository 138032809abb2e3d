#include "ui_imgui/touch.h"

#include <SDL.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include "ui_imgui/theme.h"

namespace motcua::ui {
namespace {

constexpr double kVelocityWindowS = 0.080;   // the finger's speed is measured over its last 80 ms
constexpr float kCoastTimeConstantS = 0.35f; // speed falls to 1/e every 0.35 s: a 2000 px/s flick
                                             // coasts ~700 px, for ~1.8 s
constexpr float kStopSpeedPxPerS = 15.0f;    // at scale 1; slower than this the list stops
constexpr float kMaxSpeedPxPerS = 8000.0f;   // at scale 1; caps a flick measured over one frame

struct Sample {
  double t_s;  // ImGui::GetTime()
  float y_px;  // io.MousePos.y
};

struct DragScrollState {
  int last_frame = -1;        // ImGui frame count of the last DragToScroll call for the window
  std::uint64_t last_call = 0;  // g_calls then
  bool pressed = false;       // the current press started in this window and is ours to watch
  bool dragging = false;      // it travelled past the slop: the content follows the finger
  bool owns_pointer = false;  // drag_id is ImGui's active item, so nothing under the finger fires
  float position_px = 0.0f;   // scroll position kept unrounded (ImGui floors Scroll.y)
  float velocity_px_s = 0.0f; // coasting speed; > 0 scrolls down (content moves up); 0 = still
  std::vector<Sample> samples;
};

// Each window's state is found through a handle kept in the window's own ImGui storage, so a new
// context (tests make many, often at the same address, with the same window names) never sees
// an old one's state.
std::map<int, DragScrollState> g_states;
int g_next_handle = 1;
std::uint64_t g_calls = 0;  // DragToScroll calls so far, to forget states of windows long gone

DragScrollState& StateOf(ImGuiWindow* window) {
  ++g_calls;
  if (g_states.size() > 64) {
    std::erase_if(g_states, [](const auto& entry) { return entry.second.last_call + 10000 < g_calls; });
  }
  int* handle = window->StateStorage.GetIntRef(window->GetID("##drag_to_scroll_state"), 0);
  if (*handle == 0) *handle = g_next_handle++;
  DragScrollState& s = g_states[*handle];
  s.last_call = g_calls;
  return s;
}

// Inner windows call DragToScroll before their parents, so the innermost scrollable window takes
// a press first; the claim (the frame it was taken on) lives in the root window's storage.
int* PressClaim(ImGuiWindow* window) {
  ImGuiWindow* root = window->RootWindow;
  return root->StateStorage.GetIntRef(root->GetID("##drag_to_scroll_claim"), -1);
}

void TakePointer(DragScrollState& s, ImGuiID drag_id, ImGuiWindow* window) {
  ImGuiContext& g = *GImGui;
  if (g.ActiveId != drag_id) ImGui::SetActiveID(drag_id, window);
  g.MovingWindow = nullptr;  // a press on empty space starts "moving" the window: not any more
  s.owns_pointer = true;
}

// The finger's vertical speed over its last kVelocityWindowS, in px/s (0 with one sample).
float FingerSpeed(const std::vector<Sample>& samples, double now_s) {
  if (samples.size() < 2) return 0.0f;
  const Sample* first = &samples.back();
  for (const Sample& s : samples) {
    if (now_s - s.t_s <= kVelocityWindowS + 1e-6) {
      first = &s;
      break;
    }
  }
  const Sample& last = samples.back();
  const double dt = last.t_s - first->t_s;
  if (dt < 1e-4) return 0.0f;
  return static_cast<float>((last.y_px - first->y_px) / dt);
}

float SlopPx() {
  const float slop = CurrentMetrics().press_slop_px;
  return slop > 0.0f ? slop : ImGui::GetIO().MouseDragThreshold;
}

}  // namespace

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

namespace motcua::ui {

bool PressBecameDrag() {
  const float slop = CurrentMetrics().press_slop_px;
  const ImGuiIO& io = ImGui::GetIO();
  return slop > 0.0f && io.MouseReleased[0] && io.MouseDragMaxDistanceSqr[0] > slop * slop;
}

bool DragToScroll() {
  ImGuiContext& g = *GImGui;
  ImGuiWindow* window = g.CurrentWindow;
  ImGuiIO& io = g.IO;
  DragScrollState& s = StateOf(window);
  if (s.last_frame != g.FrameCount - 1) s = DragScrollState{};
  s.last_frame = g.FrameCount;
  const ImGuiID drag_id = window->GetID("##drag_to_scroll");
  const float scroll_max = window->ScrollMax.y;
  const double now = g.Time;
  const bool pos_valid = ImGui::IsMousePosValid();
  const float scale = CurrentMetrics().scale;
  bool moved = false;

  if (io.MouseClicked[0]) {
    const bool was_coasting = s.velocity_px_s != 0.0f;
    s = DragScrollState{.last_frame = g.FrameCount, .last_call = g_calls};
    int* claim = PressClaim(window);
    const bool claimed = *claim == g.FrameCount;
    const bool hovered = g.HoveredWindow != nullptr && ImGui::IsWindowChildOf(g.HoveredWindow, window, false);
    // Scrollbars are drawn in Begin(), so a press on ours is already its active item.
    const bool on_scrollbar = g.ActiveId != 0 && g.ActiveId == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y);
    if (hovered && !claimed && !on_scrollbar && scroll_max > 0.0f && pos_valid) {
      *claim = g.FrameCount;
      s.pressed = true;
      s.position_px = window->Scroll.y;
      s.samples.push_back({now, io.MousePos.y});
      // A finger that catches a coasting list stops it; it did not aim at what lies under it.
      if (was_coasting) TakePointer(s, drag_id, window);
    }
  } else if (s.pressed && io.MouseDown[0]) {
    if (pos_valid) {
      s.samples.push_back({now, io.MousePos.y});
      std::erase_if(s.samples, [&](const Sample& x) { return now - x.t_s > 2.0 * kVelocityWindowS; });
      if (!s.dragging) {
        const ImVec2 d(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
        const float slop = SlopPx();
        if (d.x * d.x + d.y * d.y > slop * slop) {
          s.dragging = true;
          s.position_px = window->Scroll.y;
          TakePointer(s, drag_id, window);
        }
      }
      if (s.dragging && io.MouseDelta.y != 0.0f) {
        s.position_px = std::clamp(s.position_px - io.MouseDelta.y, 0.0f, scroll_max);
        ImGui::SetScrollY(s.position_px);  // the content follows the finger
        moved = true;
      }
    }
  } else if (s.pressed) {  // released
    if (s.dragging) {
      if (pos_valid) s.samples.push_back({now, io.MousePos.y});
      const float max_speed = kMaxSpeedPxPerS * scale;
      s.velocity_px_s = std::clamp(-FingerSpeed(s.samples, now), -max_speed, max_speed);
      if (std::fabs(s.velocity_px_s) < kStopSpeedPxPerS * scale) s.velocity_px_s = 0.0f;
    }
    if (s.owns_pointer && g.ActiveId == drag_id) ImGui::ClearActiveID();
    s.pressed = s.dragging = s.owns_pointer = false;
    s.samples.clear();
  }
  if (s.owns_pointer) ImGui::KeepAliveID(drag_id);

  if (!s.pressed && s.velocity_px_s != 0.0f) {
    if (std::fabs(window->Scroll.y - std::floor(s.position_px)) > 1.5f) {
      s.velocity_px_s = 0.0f;  // something else scrolled (the wheel, the scrollbar, the app): it wins
    } else {
      const float dt = io.DeltaTime;
      s.position_px += s.velocity_px_s * dt;
      s.velocity_px_s *= std::exp(-dt / kCoastTimeConstantS);
      if (s.position_px <= 0.0f || s.position_px >= scroll_max) {
        s.position_px = std::clamp(s.position_px, 0.0f, scroll_max);
        s.velocity_px_s = 0.0f;  // no bounce: an edge stops the list
      }
      if (std::fabs(s.velocity_px_s) < kStopSpeedPxPerS * scale) s.velocity_px_s = 0.0f;
      ImGui::SetScrollY(s.position_px);
      moved = true;
    }
  }
  // A scroll set this frame lands in the next frame's Begin(): that frame is needed too.
  return moved || s.velocity_px_s != 0.0f;
}

}  // namespace motcua::ui
