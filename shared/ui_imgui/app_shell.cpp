#include "ui_imgui/app_shell.h"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <GL/gl.h>
#include <signal.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <optional>

#include "common/number_parse.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/internal/x11_key_time.h"
#include "ui_imgui/screenshot.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/touch.h"
#include "ui_imgui/widgets.h"

namespace motcua::ui {
namespace {

constexpr int kSettleFrames = 3;      // frames drawn after any input before idling again
constexpr Uint32 kFrameMinMs = 16;    // ~60 frames per second at most
constexpr Uint32 kCaretTickMs = 500;  // idle redraw while a text field is active (caret blink)

// SIGTERM/SIGINT end the loop (app_shell.h). The shell handles them itself rather than through
// SDL's handler: after the e2e test's SANE scans (tests/counter_e2e) a SIGTERM killed the app
// (exit 143) instead of ending the loop, so something in-process (most likely a SANE backend's
// reader, which sets up its own signal actions) had put the default action back; without scans
// the same SIGTERM exited 0. The shell puts its handler back every frame when it was replaced.
// While idle, the signal is seen at the next wake-up (at most idle_tick_ms).
volatile sig_atomic_t g_quit_signal = 0;

void OnQuitSignal(int) { g_quit_signal = 1; }

void InstallQuitSignals() {
  for (int sig : {SIGTERM, SIGINT}) {
    struct sigaction current {};
    if (sigaction(sig, nullptr, &current) == 0 && current.sa_handler == OnQuitSignal) continue;
    struct sigaction action {};
    action.sa_handler = OnQuitSignal;
    sigemptyset(&action.sa_mask);
    sigaction(sig, &action, nullptr);
  }
}

// A decimal number such as "1.25" (whole numbers go through common/number_parse.h).
std::optional<float> ParseDecimal(std::string_view text) {
  float out = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return out;
}

// ---- The loop's state, kept together so event handling can be split into small functions. ----
class Shell {
 public:
  Shell(const ShellOptions& options, const FrameFn& frame_fn)
      : options_(options), frame_fn_(frame_fn), detector_(options.wedge) {}

  int Run();

 private:
  bool Init();
  bool ApplyVariant(ThemeVariant variant);
  void Shutdown();
  void Handle(const SDL_Event& e);
  void Forward(const SDL_Event& e);
  void FeedWedge(const SDL_Event& e);
  void TakeWedge(WedgeOutput out);
  void FeedKeysToImGui();
  void NoteX11KeyTime(std::uint32_t x_time_ms, Uint32 received_ms);
  bool TextInputActive() const { return text_input_on_; }

  const ShellOptions& options_;
  const FrameFn& frame_fn_;
  WedgeScanDetector detector_;
  std::map<std::uint64_t, SDL_Event> held_;  // events inside the detector, by tag
  std::deque<SDL_Event> key_queue_;          // keyboard events on their way to ImGui
  std::uint64_t next_tag_ = 1;
  std::vector<std::string> pending_scans_;
  TouchHoverFix touch_fix_;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  bool imgui_ready_ = false;
  bool quit_ = false;
  bool input_seen_ = false;   // any event this iteration
  bool user_input_ = false;   // a key, button, wheel, touch or scan since the last frame
  bool text_input_on_ = true; // SDL starts with text input on (stack.md §6)
  // X server key times mapped onto SDL ticks (see internal/x11_key_time.h). The offset is the
  // smallest (received - X time) seen: both clocks are monotonic milliseconds on this machine, so
  // the smallest difference is the one with no queueing delay in it.
  bool has_x_offset_ = false;
  std::int64_t x_offset_ms_ = 0;
  std::optional<std::int64_t> key_time_ms_;  // time of the key event being dispatched
  // The last event was a shortcut's key press (Ctrl+1, Alt+x): X11 sends the key's character right after it
  // as SDL_TEXTINPUT ("1"), which is the shortcut's, never typing for the focused box (issue 16: Ctrl+1
  // picked the recent procedure and also added "1" to the ID number).
  bool shortcut_text_follows_ = false;
  // A password box had the caret when the last frame was drawn (widgets.h IsPasswordFieldActive): keys
  // go straight to ImGui, never through the wedge detector, so a fast typist's password is never taken
  // for a scan (issue 16), and never held back or handed to the app as a scan's text.
  bool password_focus_ = false;
  bool trace_keys_ = std::getenv("MOTCUA_TRACE_KEYS") != nullptr;
};

void Shell::NoteX11KeyTime(std::uint32_t x_time_ms, Uint32 received_ms) {
  const std::int64_t candidate = static_cast<std::int64_t>(received_ms) - x_time_ms;
  // A jump of a minute means the X time wrapped or the server restarted: start again.
  if (!has_x_offset_ || candidate < x_offset_ms_ || candidate > x_offset_ms_ + 60000) {
    x_offset_ms_ = candidate;
    has_x_offset_ = true;
  }
  key_time_ms_ = static_cast<std::int64_t>(x_time_ms) + x_offset_ms_;
}

void Shell::Forward(const SDL_Event& e) {
  input_seen_ = true;
  if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT) {
    key_queue_.push_back(e);  // ImGui gets them in FeedKeysToImGui(), at most one press per key
    return;
  }
  ImGui_ImplSDL2_ProcessEvent(&e);
  touch_fix_.OnEvent(e);
}

void Shell::FeedKeysToImGui() {
  // ImGui 1.86 reads keys as a "down" array once per frame, so a press and release of Enter in
  // the same frame would be lost (1.87 added input trickling for this). Hand ImGui keyboard
  // events in order, and stop at the release of a key it reads that was pressed this frame:
  // the rest waits for the next frame. Apps read function keys, and Ctrl+digits and Ctrl+L, by
  // scancode too (keys.h), so those count as read; plain digits and letters are text and flow on.
  ImGuiIO& io = ImGui::GetIO();
  auto imgui_reads = [&](SDL_Scancode scancode, Uint16 mod) {
    if (scancode >= SDL_SCANCODE_F1 && scancode <= SDL_SCANCODE_F12) return true;
    if ((mod & KMOD_CTRL) != 0 &&
        ((scancode >= SDL_SCANCODE_1 && scancode <= SDL_SCANCODE_9) || scancode == SDL_SCANCODE_L))
      return true;
    for (int k = 0; k < ImGuiKey_COUNT; ++k)
      if (io.KeyMap[k] == static_cast<int>(scancode)) return true;
    return false;
  };
  // A modifier's release waits too once such a key went down: xdotool's "ctrl+l" (and a quick
  // hand) releases Ctrl before L, and ImGui must see L down with Ctrl still held.
  auto is_modifier = [](SDL_Scancode scancode) {
    return scancode >= SDL_SCANCODE_LCTRL && scancode <= SDL_SCANCODE_RGUI;
  };
  std::vector<SDL_Scancode> pressed_this_frame;
  while (!key_queue_.empty()) {
    const SDL_Event& e = key_queue_.front();
    if (e.type == SDL_KEYUP &&
        ((!pressed_this_frame.empty() && is_modifier(e.key.keysym.scancode)) ||
         std::find(pressed_this_frame.begin(), pressed_this_frame.end(), e.key.keysym.scancode) !=
             pressed_this_frame.end()))
      break;
    if (e.type == SDL_KEYDOWN && imgui_reads(e.key.keysym.scancode, e.key.keysym.mod))
      pressed_this_frame.push_back(e.key.keysym.scancode);
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_KEYDOWN || e.type == SDL_KEYUP) {
      // The 1.86 backend sets the modifiers from SDL_GetModState(): the state after every event
      // pumped so far. These events can be frames late (this queue, the wedge detector's hold-back),
      // so Ctrl+L typed in 2 ms would reach ImGui as a plain L with Ctrl already up. Use the
      // modifiers the event itself carries.
      const Uint16 mod = e.key.keysym.mod;
      io.KeyShift = (mod & KMOD_SHIFT) != 0;
      io.KeyCtrl = (mod & KMOD_CTRL) != 0;
      io.KeyAlt = (mod & KMOD_ALT) != 0;
      io.KeySuper = (mod & KMOD_GUI) != 0;
    }
    key_queue_.pop_front();
  }
}

void Shell::TakeWedge(WedgeOutput out) {
  for (const WedgeEvent& w : out.released) {
    auto it = held_.find(w.tag);
    if (it == held_.end()) continue;
    Forward(it->second);
    held_.erase(it);
  }
  for (const WedgeEvent& w : out.swallowed) {
    auto it = held_.find(w.tag);
    if (it == held_.end()) continue;
    // Releases still reach ImGui, so no key whose press got through stays down.
    if (it->second.type == SDL_KEYUP) Forward(it->second);
    held_.erase(it);
  }
  if (out.scan) {
    pending_scans_.push_back(std::move(*out.scan));
    input_seen_ = true;
  }
}

void Shell::FeedWedge(const SDL_Event& e) {
  WedgeEvent w;
  w.tag = next_tag_++;
  w.at_ms = key_time_ms_.value_or(static_cast<std::int64_t>(e.common.timestamp));
  if (e.type == SDL_TEXTINPUT) {
    w.key = WedgeKey::kText;
    w.text = e.text.text;
  } else if (e.type == SDL_KEYUP) {
    w.key = WedgeKey::kNeutral;
  } else {  // SDL_KEYDOWN
    const SDL_Keycode sym = e.key.keysym.sym;
    const Uint16 mod = e.key.keysym.mod;
    const bool is_modifier = sym == SDLK_LSHIFT || sym == SDLK_RSHIFT || sym == SDLK_CAPSLOCK ||
                             sym == SDLK_LCTRL || sym == SDLK_RCTRL || sym == SDLK_LALT ||
                             sym == SDLK_RALT || sym == SDLK_LGUI || sym == SDLK_RGUI ||
                             sym == SDLK_NUMLOCKCLEAR || sym == SDLK_MODE;
    const std::string text = UsLayoutText(sym, (mod & KMOD_SHIFT) != 0, (mod & KMOD_CAPS) != 0);
    // Auto-repeat is not a sign of a person: SDL's X11 backend flags a release followed by a press
    // of the same key at the same X time as a repeat, which is exactly what a scanner typing "00"
    // produces. Timing alone decides; only a repeated Enter is never a scan's end.
    if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) {
      w.key = e.key.repeat ? WedgeKey::kOther : WedgeKey::kEnter;
    } else if (is_modifier) {
      w.key = WedgeKey::kNeutral;
    } else if ((mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) != 0 || text.empty()) {
      w.key = WedgeKey::kOther;
    } else if (TextInputActive()) {
      w.key = WedgeKey::kNeutral;  // its character follows as SDL_TEXTINPUT
    } else {
      w.key = WedgeKey::kText;     // no text input: the key press is all we get
      w.text = text;
    }
  }
  held_.emplace(w.tag, e);
  if (trace_keys_) {
    // Kinds and times only, never the characters: this could be a password.
    static constexpr const char* kKinds[] = {"text", "enter", "neutral", "other"};
    std::fprintf(stderr, "motcua: key at_ms=%lld kind=%s bytes=%zu x_time=%d\n",
                 static_cast<long long>(w.at_ms), kKinds[static_cast<int>(w.key)], w.text.size(),
                 key_time_ms_.has_value() ? 1 : 0);
  }
  TakeWedge(detector_.Feed(std::move(w)));
}

void Shell::Handle(const SDL_Event& e) {
  input_seen_ = true;
  const bool shortcut_text = e.type == SDL_TEXTINPUT && shortcut_text_follows_;
  // AltGr (right Alt) types characters on some layouts: only Ctrl, left Alt and the GUI key make shortcuts.
  shortcut_text_follows_ = e.type == SDL_KEYDOWN && (e.key.keysym.mod & (KMOD_CTRL | KMOD_LALT | KMOD_GUI)) != 0;
  if (shortcut_text) return;
  if (e.type == SDL_KEYDOWN || e.type == SDL_TEXTINPUT || e.type == SDL_MOUSEBUTTONDOWN ||
      e.type == SDL_MOUSEWHEEL || e.type == SDL_FINGERDOWN)
    user_input_ = true;
  switch (e.type) {
    case SDL_SYSWMEVENT: {
      std::uint32_t x_time_ms = 0;
      if (internal::X11KeyTime(e, &x_time_ms)) NoteX11KeyTime(x_time_ms, e.common.timestamp);
      return;  // ImGui has no use for raw window-system events
    }
    case SDL_QUIT:
      quit_ = true;
      return;
    case SDL_WINDOWEVENT:
      if (e.window.windowID == SDL_GetWindowID(window_)) {
        if (e.window.event == SDL_WINDOWEVENT_CLOSE) quit_ = true;
        if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) TakeWedge(detector_.Flush());
      }
      Forward(e);
      return;
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
      if (options_.wedge_scan && !password_focus_) {
        FeedWedge(e);
        return;
      }
      Forward(e);
      return;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_FINGERDOWN:
      TakeWedge(detector_.Flush());  // typing lands where it was typed, before the click moves focus
      Forward(e);
      return;
    default:
      Forward(e);
      return;
  }
}

bool Shell::Init() {
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");  // ours instead (InstallQuitSignals)
  InstallQuitSignals();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "motcua: cannot start SDL video: %s\n", SDL_GetError());
    return false;
  }
  // OpenGL 3.0 + GLSL 130: what ImGui's example uses on Linux; llvmpipe and every GPU we target
  // provide it (stack.md §13).
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options_.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  window_ = SDL_CreateWindow(options_.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                             options_.width_px, options_.height_px, flags);
  if (window_ == nullptr) {
    std::fprintf(stderr, "motcua: cannot open a window: %s\n", SDL_GetError());
    return false;
  }
  SDL_SetWindowMinimumSize(window_, std::min(options_.min_width_px, options_.width_px),
                           std::min(options_.min_height_px, options_.height_px));
  gl_ = SDL_GL_CreateContext(window_);
  if (gl_ == nullptr) {
    std::fprintf(stderr, "motcua: cannot create an OpenGL 3.0 context: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(window_, gl_);
  SDL_GL_SetSwapInterval(1);  // vsync where the driver offers it; pacing covers the rest
  if (options_.hide_cursor) SDL_ShowCursor(SDL_DISABLE);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  imgui_ready_ = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini next to the binary: layout comes from code
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  if (Status s = ApplyThemeWithFonts(options_.theme, options_.scale, options_.variant); !s.has_value()) {
    std::fprintf(stderr, "motcua: %s\n", s.error().Describe().c_str());
    return false;
  }
  if (!ImGui_ImplSDL2_InitForOpenGL(window_, gl_) || !ImGui_ImplOpenGL3_Init("#version 130")) {
    std::fprintf(stderr, "motcua: cannot start the ImGui SDL2/OpenGL3 backends\n");
    return false;
  }
  io.ImeSetInputScreenPosFn = [](int x, int y) {
    SDL_Rect r{x, y, 1, 1};
    SDL_SetTextInputRect(&r);
  };
  touch_fix_.touch_only = options_.theme == ThemeKind::kKiosk;
  if (options_.wedge_scan) internal::EnableX11KeyTimes();
  // Text input stays off until a field is active: keeps scanners and idle keys away from the IME.
  SDL_StopTextInput();
  text_input_on_ = false;
  return true;
}

// Between frames: the new style and fonts, and the font atlas uploaded again (the 1.86 OpenGL3
// backend only uploads it when its device objects are created).
bool Shell::ApplyVariant(ThemeVariant variant) {
  if (Status s = ApplyThemeWithFonts(options_.theme, options_.scale, variant); !s.has_value()) {
    std::fprintf(stderr, "motcua: theme change: %s\n", s.error().Describe().c_str());
    return false;
  }
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  if (!ImGui_ImplOpenGL3_CreateFontsTexture()) {
    std::fprintf(stderr, "motcua: theme change: cannot upload the font texture\n");
    return false;
  }
  return true;
}

void Shell::Shutdown() {
  if (imgui_ready_) {
    if (ImGui::GetIO().BackendRendererUserData != nullptr) ImGui_ImplOpenGL3_Shutdown();
    if (ImGui::GetIO().BackendPlatformUserData != nullptr) ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (gl_ != nullptr) SDL_GL_DeleteContext(gl_);
  if (window_ != nullptr) SDL_DestroyWindow(window_);
  SDL_Quit();
}

int Shell::Run() {
  if (!Init()) {
    Shutdown();
    return 1;
  }
  ImGuiIO& io = ImGui::GetIO();
  int exit_code = 0;
  int busy_frames = kSettleFrames;
  bool animate = false;
  // A run with --frames is scripted: frames come back to back (paced), never idle, so N frames
  // take a predictable ~N/60 s.
  const bool scripted = options_.frames > 0;
  std::optional<ThemeVariant> theme_request;  // asked for by the previous frame
  for (int index = 0;; ++index) {
    const Uint32 frame_start = SDL_GetTicks();
    input_seen_ = false;
    SDL_Event e;
    if (busy_frames == 0 && !animate && !quit_ && !scripted) {
      Uint32 timeout = static_cast<Uint32>(options_.idle_tick_ms);
      if (io.WantTextInput) timeout = std::min(timeout, kCaretTickMs);
      if (detector_.IsHolding()) {
        const std::int64_t wait = detector_.NextDeadlineMs() - static_cast<std::int64_t>(SDL_GetTicks());
        timeout = static_cast<Uint32>(std::clamp<std::int64_t>(wait, 1, timeout));
      }
      if (SDL_WaitEventTimeout(&e, static_cast<int>(timeout)) != 0) Handle(e);
    }
    while (SDL_PollEvent(&e) != 0) Handle(e);
    InstallQuitSignals();
    if (g_quit_signal != 0) quit_ = true;
    TakeWedge(detector_.Poll(SDL_GetTicks()));
    FeedKeysToImGui();
    if (!key_queue_.empty()) input_seen_ = true;  // keys left for the next frame
    busy_frames = input_seen_ ? kSettleFrames : std::max(0, busy_frames - 1);

    if (theme_request) {
      if (!ApplyVariant(*theme_request)) {
        exit_code = 1;
        break;
      }
      theme_request.reset();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    touch_fix_.Apply(io);
    ImGui::NewFrame();
    Frame frame;
    frame.index = index;
    frame.scans.swap(pending_scans_);
    frame.had_input = user_input_ || !frame.scans.empty();
    frame.window_size_px = io.DisplaySize;
    user_input_ = false;
    frame_fn_(frame);
    if (const bool password_focus = IsPasswordFieldActive(); password_focus != password_focus_) {
      password_focus_ = password_focus;
      // Keys typed before the box got the caret (they were held while this frame was drawn) belong to the
      // password: released now, in order, ahead of the bypassed ones.
      if (password_focus_) TakeWedge(detector_.Flush());
      if (trace_keys_) std::fprintf(stderr, "motcua: key detector %s\n", password_focus_ ? "bypassed (password)" : "on");
    }
    ImGui::Render();
    animate = frame.animate || frame.theme_request.has_value();
    theme_request = frame.theme_request;
    const bool last = quit_ || frame.quit || (options_.frames > 0 && index + 1 >= options_.frames);

    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!frame.screenshot_request.empty()) {
      if (Status s = WriteScreenshotPng(frame.screenshot_request, w, h); !s.has_value()) {
        std::fprintf(stderr, "motcua: screenshot: %s\n", s.error().Describe().c_str());
        exit_code = 1;
      }
    }
    if (last && !options_.screenshot_path.empty()) {
      if (Status s = WriteScreenshotPng(options_.screenshot_path, w, h); !s.has_value()) {
        std::fprintf(stderr, "motcua: screenshot: %s\n", s.error().Describe().c_str());
        exit_code = 1;
      }
    }
    SDL_GL_SwapWindow(window_);

    if (io.WantTextInput != text_input_on_) {  // stack.md §6
      text_input_on_ = io.WantTextInput;
      if (text_input_on_) SDL_StartTextInput(); else SDL_StopTextInput();
    }
    if (options_.ready_after_frames > 0 && index + 1 == options_.ready_after_frames) {
      std::printf("READY\n");
      std::fflush(stdout);
    }
    if (last) break;
    // Pace to ~60 fps without missing input: wait for the rest of the frame *in* the event queue,
    // so keys get timestamps close to when they were typed (the wedge detector relies on them).
    for (;;) {
      const Uint32 spent = SDL_GetTicks() - frame_start;
      if (spent >= kFrameMinMs || quit_) break;
      if (SDL_WaitEventTimeout(&e, static_cast<int>(kFrameMinMs - spent)) == 0) break;
      Handle(e);
      busy_frames = kSettleFrames;
    }
  }
  Shutdown();
  return exit_code;
}

}  // namespace

const char* ShellUsage() {
  return "  --size WxH         window size in pixels (default 1366x768)\n"
         "  --scale F          UI scale, 0.5..4 (default 1)\n"
         "  --fullscreen       borderless full screen\n"
         "  --lang vi|en       language at start (default vi)\n"
         "  --screenshot PATH  write the last frame as PNG\n"
         "  --large-text       fonts and touch targets x1.3\n"
         "  --high-contrast    white and yellow on black\n"
         "  --frames N         quit after N frames\n"
         "  --test             print actions to stdout (never passwords or scan contents)\n"
         "  --wedge-gap-ms N   longest gap between a keyboard-wedge scanner's keys (default 50)\n";
}

Result<ParsedArgs> ParseShellArgs(int argc, const char* const* argv, ShellOptions defaults) {
  ParsedArgs parsed;
  parsed.options = std::move(defaults);
  ShellOptions& o = parsed.options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string_view& out) -> Status {
      if (i + 1 >= argc) return Invalid(std::string(arg), "missing_value", std::string(arg) + " needs a value");
      out = argv[++i];
      return Ok();
    };
    std::string_view v;
    if (arg == "--size") {
      MOTCUA_TRY(value(v));
      const std::size_t x = v.find('x');
      const std::optional<int> w = x == std::string_view::npos ? std::nullopt : ParseDigits<int>(v.substr(0, x));
      const std::optional<int> h = x == std::string_view::npos ? std::nullopt : ParseDigits<int>(v.substr(x + 1));
      if (!w || !h || *w < 320 || *h < 240 || *w > 7680 || *h > 4320)
        return Invalid("--size", "bad_size", "--size wants WxH within 320x240..7680x4320, got '" + std::string(v) + "'");
      o.width_px = *w;
      o.height_px = *h;
    } else if (arg == "--scale") {
      MOTCUA_TRY(value(v));
      const std::optional<float> s = ParseDecimal(v);
      if (!s || !(*s >= 0.5f && *s <= 4.0f))
        return Invalid("--scale", "bad_number", "--scale wants a number in 0.5..4, got '" + std::string(v) + "'");
      o.scale = *s;
    } else if (arg == "--frames") {
      MOTCUA_TRY(value(v));
      const std::optional<int> n = ParseDigits<int>(v);
      if (!n) return Invalid("--frames", "bad_number", "--frames wants a count >= 0, got '" + std::string(v) + "'");
      o.frames = *n;
    } else if (arg == "--screenshot") {
      MOTCUA_TRY(value(v));
      o.screenshot_path = std::string(v);
    } else if (arg == "--lang") {
      MOTCUA_TRY(value(v));
      Result<Lang> lang = ParseLang(v);
      if (!lang.has_value()) {
        Error e = lang.error();
        e.field = "--lang";
        return e;
      }
      o.lang = *lang;
    } else if (arg == "--wedge-gap-ms") {
      MOTCUA_TRY(value(v));
      const std::optional<int> n = ParseDigits<int>(v);
      if (!n || *n < 10 || *n > 1000)
        return Invalid("--wedge-gap-ms", "bad_number", "--wedge-gap-ms wants 10..1000, got '" + std::string(v) + "'");
      o.wedge.max_gap_ms = *n;
    } else if (arg == "--large-text") {
      o.variant.large_text = true;
    } else if (arg == "--high-contrast") {
      o.variant.high_contrast = true;
    } else if (arg == "--fullscreen") {
      o.fullscreen = true;
    } else if (arg == "--test") {
      o.test_mode = true;
    } else {
      parsed.rest.emplace_back(arg);
    }
  }
  return parsed;
}

int RunShell(const ShellOptions& options, const FrameFn& frame_fn) {
  Shell shell(options, frame_fn);
  return shell.Run();
}

}  // namespace motcua::ui
