// The frame every signed-in screen sits in: a top bar (tabs with their function keys, the user, the
// language switch, lock and sign-out, a notice line) and a bottom bar (the running scan with its
// progress, the last print with its result and a reprint button, the station and the time). At a
// station with a queue counter, the queue call panel sits under the top bar. Global keys: the tabs'
// F-keys, Ctrl+L locks, F8 reprints, Esc goes back; with the call panel, F12 calls the next ticket and
// F11 calls the served one again.
#pragma once

#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/shell_view.h"

namespace motcua::counter {

struct ShellScreenState {
  float bottom_height_px = 0.0f;  // measured on the previous frame
};

// Opens the full-screen window, draws the top bar and opens the content region; the screen draws
// into it; EndShell closes it and draws the bottom bar.
void BeginShell(const ui::ShellView& view, ShellScreenState& state, std::vector<ui::CounterAction>& actions);
void EndShell(const ui::ShellView& view, ShellScreenState& state, std::vector<ui::CounterAction>& actions);

// The lock screen (no shell around it).
struct LockScreenState {
  std::string password;
  int seen_error_serial = -1;
  bool focus_next = true;
};
void DrawLock(const ui::LockView& view, LockScreenState& state, std::vector<ui::CounterAction>& actions);

// The file picker popup, opened by a screen with ImGui::OpenPopup(kFilePickerPopup). `on_import`
// receives the chosen paths and returns the action to queue.
inline constexpr const char* kFilePickerPopup = "##file_picker";
struct FilePickerState {
  std::vector<std::string> chosen;  // in the order picked
  std::string typed_path;
};
// Returns true on the frame the officer confirmed; `chosen_out` then holds the paths.
bool DrawFilePicker(const ui::FileBrowserView& view, FilePickerState& state, std::vector<ui::CounterAction>& actions,
                    std::vector<std::string>* chosen_out);

}  // namespace motcua::counter
