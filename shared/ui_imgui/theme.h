// The two looks of motcua, as ImGui styles plus the few sizes our widgets need.
//   kCounter: a dense but readable desktop (1366x768 to 1920x1080, mouse + keyboard + scanner).
//   kKiosk:   a public touch panel: every clickable item at least 64 px tall at scale 1 (a fingertip
//             is ~10 mm; 64 px is ~13 mm on a 21.5" 1080p panel), text at AAA contrast (>= 7:1).
// Sizes are pixels at scale 1 and are multiplied by the configured scale (stack.md §7: a fixed
// panel gets a configured scale, not a guessed DPI). ApplyTheme must run before LoadFonts' first
// frame and again (with fonts reloaded) when the scale or the variant changes, between frames
// (ApplyThemeWithFonts in fonts.h; the shell does it for Frame::theme_request).
//
// Variants (issue 13, accessibility), for either kind:
//   large_text:    every font size x1.3 (rounded up, so never less than 1.3x), and touch targets,
//                  big buttons and frame padding grow with the text.
//   high_contrast: white text on black, thick yellow outlines on every button and field (3 px on
//                  the kiosk, 2 px on the counter), tone fills light enough for black text at >= 7:1.
//                  Every text/background pair the theme uses is >= 7:1 (tests/ui_smoke/theme_test.cpp).
#pragma once

#include <imgui.h>

#include "ui_model/tone.h"

namespace motcua::ui {

enum class ThemeKind { kCounter, kKiosk };

struct ThemeVariant {
  bool large_text = false;     // default off; on = fonts and touch targets x1.3
  bool high_contrast = false;  // default off; on = white/yellow on black, >= 7:1 everywhere
  friend bool operator==(const ThemeVariant&, const ThemeVariant&) = default;
};

// Factor large_text applies to font sizes and touch targets.
inline constexpr float kLargeTextFactor = 1.3f;

// Pixel sizes after scaling.
struct ThemeMetrics {
  ThemeKind kind = ThemeKind::kCounter;
  ThemeVariant variant;             // default: normal text, normal contrast
  float scale = 1.0f;               // the configured scale (default 1.0)
  float body_px = 20.0f;            // body font size (ImGui size: ascent - descent)
  float heading_px = 26.0f;         // headings, bold
  float large_px = 34.0f;           // titles and numbers read from afar, bold
  float big_button_height_px = 44;  // minimum height of BigButton
  float touch_target_px = 0.0f;     // minimum height of every clickable item; 0 = no minimum
  float error_border_px = 2.0f;     // border of a field with an error
  // How far a press may travel and still be a tap. Beyond it the press is a drag: DragToScroll
  // (touch.h) scrolls and Button (widgets.h) does not fire on release. Kiosk 12 px at scale 1 (a
  // fingertip wobbles); counter 0 = a press never turns into a drag, so a mouse click that
  // wanders stays a click, as on any desktop.
  float press_slop_px = 0.0f;
};

// The metrics of `kind` at `scale` (scale is clamped to [0.5, 4]) in `variant`. Sizes are
// floor(size * scale); with large_text, ceil(size * scale * 1.3).
ThemeMetrics MetricsFor(ThemeKind kind, float scale, ThemeVariant variant = {});

// Sets ImGui::GetStyle() and io.MouseDragThreshold for `kind` at `scale` (ScaleAllSizes) in
// `variant`, and remembers the metrics for the widgets. Needs a current ImGui context; call
// between frames, and reload the fonts after it (fonts.h ApplyThemeWithFonts does both).
void ApplyTheme(ThemeKind kind, float scale, ThemeVariant variant = {});

// The metrics of the last ApplyTheme (counter at scale 1 before any call).
const ThemeMetrics& CurrentMetrics();

// Colours of a tone in the current theme and variant: a fill, the fill of a hovered and of a
// pressed button in that tone, and the text drawn on all three (>= 4.5:1 contrast; >= 7:1 in the
// high_contrast variant). Hovered and pressed fills move away from the text's
// lightness (darker under white text, lighter under black), so the contrast only grows.
struct ToneColors {
  ImVec4 fill;
  ImVec4 text;
  ImVec4 fill_hovered;
  ImVec4 fill_active;
};
ToneColors ColorsFor(Tone tone);

// WCAG 2 contrast ratio of two opaque colours, 1..21 (tests and theme checks).
float ContrastRatio(const ImVec4& a, const ImVec4& b);

}  // namespace motcua::ui
