// The two looks of motcua, as ImGui styles plus the few sizes our widgets need.
//   kCounter: a dense but readable desktop (1366x768 to 1920x1080, mouse + keyboard + scanner).
//   kKiosk:   a public touch panel: every clickable item at least 64 px tall at scale 1 (a fingertip
//             is ~10 mm; 64 px is ~13 mm on a 21.5" 1080p panel), text at AAA contrast (>= 7:1).
// Sizes are pixels at scale 1 and are multiplied by the configured scale (stack.md §7: a fixed
// panel gets a configured scale, not a guessed DPI). ApplyTheme must run before LoadFonts' first
// frame and again (with fonts reloaded) when the scale changes, between frames.
#pragma once

#include <imgui.h>

#include "ui_model/tone.h"

namespace motcua::ui {

enum class ThemeKind { kCounter, kKiosk };

// Pixel sizes after scaling.
struct ThemeMetrics {
  ThemeKind kind = ThemeKind::kCounter;
  float scale = 1.0f;               // the configured scale (default 1.0)
  float body_px = 20.0f;            // body font size (ImGui size: ascent - descent)
  float heading_px = 26.0f;         // headings, bold
  float large_px = 34.0f;           // titles and numbers read from afar, bold
  float big_button_height_px = 44;  // minimum height of BigButton
  float touch_target_px = 0.0f;     // minimum height of every clickable item; 0 = no minimum
  float error_border_px = 2.0f;     // border of a field with an error
};

// The metrics of `kind` at `scale` (scale is clamped to [0.5, 4]).
ThemeMetrics MetricsFor(ThemeKind kind, float scale);

// Sets ImGui::GetStyle() for `kind` at `scale` (ScaleAllSizes) and remembers the metrics for the
// widgets. Needs a current ImGui context.
void ApplyTheme(ThemeKind kind, float scale);

// The metrics of the last ApplyTheme (counter at scale 1 before any call).
const ThemeMetrics& CurrentMetrics();

// Colours of a tone in the current theme: a fill and the text drawn on it (>= 4.5:1 contrast).
struct ToneColors {
  ImVec4 fill;
  ImVec4 text;
};
ToneColors ColorsFor(Tone tone);

// WCAG 2 contrast ratio of two opaque colours, 1..21 (tests and theme checks).
float ContrastRatio(const ImVec4& a, const ImVec4& b);

}  // namespace motcua::ui
