// The application shell both apps run in: an SDL2 window with an OpenGL 3 context, Dear ImGui 1.86
// with our theme and fonts, and a frame loop that calls the app's function once per frame.
//
// What the shell does so apps don't have to:
//   - idles: after input it draws a few frames to settle, then sleeps in SDL_WaitEventTimeout until
//     the next event (or a slow tick: 1 s, or 0.5 s while a text field blinks); frames are paced to
//     at most ~60 per second even when the driver ignores vsync (Xvfb);
//   - turns SDL text input on only while ImGui wants text (stack.md §6), and points the IME
//     candidate window at the caret;
//   - puts a keyboard-wedge scan detector (ui_model/wedge_scan.h) in front of ImGui: scans are
//     handed to the app in Frame::scans and never typed into a field; typing passes through.
//     While a password box has the caret (widgets.h IsPasswordFieldActive, as of the last frame
//     drawn) the detector is flushed and bypassed: a password is never a scan, however fast it is
//     typed, and a scanner fired into a password box types into it like a keyboard;
//     On X11 the detector sees the X server's key times, not SDL's pump times, so a slow frame
//     does not split a burst (internal/x11_key_time.h);
//   - hands keyboard events to ImGui at most one press-and-release of a key per frame, since
//     1.86 reads keys as a state array and would lose an Enter pressed and released in one frame;
//   - fixes sticky hover after taps (kiosk theme);
//   - switches the theme variant (large text, high contrast) between frames when the app asks
//     (Frame::theme_request): style, fonts and the GL font texture are rebuilt before the next
//     frame;
//   - scripted runs for tests: --frames N, --screenshot PATH (PNG of the last frame), a "READY"
//     line on stdout once the first frames are on screen, --size WxH, --lang vi|en, --test;
//     --large-text and --high-contrast start in that theme variant. The app can also ask for a
//     PNG of any frame (Frame::screenshot_request), so one run can capture many screens;
//     --wedge-gap-ms N for scanners (or test drivers) slower than the detector's default.
//     SIGTERM or SIGINT (turned into SDL_QUIT by SDL) ends the loop after one more frame, so a
//     test can stop the app when it is done and still get its screenshot.
// MOTCUA_TRACE_KEYS=1 in the environment prints each key event's kind and time to stderr (never
// the characters), to measure a scanner model's timing on site.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "ui_imgui/theme.h"
#include "ui_model/strings.h"
#include "ui_model/wedge_scan.h"

namespace motcua::ui {

struct ShellOptions {
  std::string title = "motcua";       // window title (xdotool finds the window by it)
  ThemeKind theme = ThemeKind::kCounter;
  ThemeVariant variant;               // --large-text, --high-contrast: the starting variant (default
                                      // neither); the app may change it (Frame::theme_request)
  float scale = 1.0f;                 // --scale F: UI scale (default 1.0), 0.5..4
  int width_px = 1366;                // --size WxH: initial window size (default 1366x768)
  int height_px = 768;
  int min_width_px = 1024;            // the window cannot be made smaller (default 1024x600)
  int min_height_px = 600;
  bool fullscreen = false;            // --fullscreen: desktop-sized borderless (default off)
  bool hide_cursor = false;           // default off; a touch-only kiosk turns it on
  Lang lang = Lang::kVi;              // --lang vi|en: the app's starting language (default vi)
  std::string screenshot_path;        // --screenshot PATH: write the last frame as PNG (default none)
  int frames = 0;                     // --frames N: quit after N frames (default 0 = run until closed)
  int ready_after_frames = 3;         // "READY" is printed after this many frames (default 3)
  bool test_mode = false;             // --test: the app may print its actions (never secrets)
  int idle_tick_ms = 1000;            // longest sleep while idle (default 1000 ms)
  bool wedge_scan = true;             // default on: detect keyboard-wedge scans
  WedgeOptions wedge;                 // detector settings (defaults in wedge_scan.h); --wedge-gap-ms N
                                      // sets max_gap_ms (10..1000) for a slow scanner model measured
                                      // on site with MOTCUA_TRACE_KEYS=1
};

struct ParsedArgs {
  ShellOptions options;
  std::vector<std::string> rest;  // arguments the shell does not know, in order, for the app
};

// Parses the shell flags above out of argv over `defaults`. Errors (kInvalid, field = the flag):
// "missing_value", "bad_size" (--size not WxH within 320x240..7680x4320), "bad_number"
// (--frames < 0 or --scale outside 0.5..4), "unknown_language" (--lang).
Result<ParsedArgs> ParseShellArgs(int argc, const char* const* argv, ShellOptions defaults = {});

// Usage lines for the shell flags, for the app's --help.
const char* ShellUsage();

// What the app sees and sets each frame.
struct Frame {
  int index = 0;                   // frames drawn before this one
  std::vector<std::string> scans;  // wedge scans completed since the previous frame, in order
  bool had_input = false;          // a key, click, wheel, touch or scan since the previous frame
                                   // (idle locking counts from the last one)
  bool quit = false;               // set to leave the loop after this frame
  bool animate = false;            // set to get the next frame at once instead of idling
  ImVec2 window_size_px;           // the window's size (io.DisplaySize), filled by the shell: pick
                                   // landscape or portrait from it (IsPortrait)
  // Set to switch the theme variant: applied after this frame and before the next one (style,
  // fonts, font texture), so the next frame is the first drawn in it. A failure to load the fonts
  // is printed and ends the run with exit code 1.
  std::optional<ThemeVariant> theme_request;
  // Set to a PNG path to capture THIS frame once it is rendered (parent folders are created). A
  // failure is printed and makes the exit code 1; the run goes on. A frame that also sets
  // theme_request is captured in the old variant.
  std::string screenshot_request;

  bool IsPortrait() const { return window_size_px.y > window_size_px.x; }
};

// Runs between ImGui::NewFrame() and ImGui::Render(): draw, collect actions, apply them.
using FrameFn = std::function<void(Frame&)>;

// Opens the window and runs frames until the window is closed, SIGTERM/SIGINT, Frame::quit or
// --frames. Returns the process exit code: 0, or 1 after printing why to stderr (no display, no
// GL context, fonts missing, the screenshot could not be written).
int RunShell(const ShellOptions& options, const FrameFn& frame_fn);

}  // namespace motcua::ui
