// The X server's timestamp of a key event, read from SDL's system window-manager events.
//
// Why: SDL2 stamps events with SDL_GetTicks() when the app *pumps* its queue, so every key typed
// during a slow frame gets the same time, and a stall of 60 ms splits a scanner's burst. The X
// server stamps each key when it happens; SDL passes the raw XEvent on as SDL_SYSWMEVENT (once
// enabled) just before the SDL_KEYDOWN/SDL_TEXTINPUT/SDL_KEYUP it turns into.
//
// Kept in its own file because X11's headers #define Status, Bool and None, which clash with ours.
#pragma once

#include <cstdint>

union SDL_Event;

namespace motcua::ui::internal {

// Turns SDL_SYSWMEVENT on when the video driver is X11 (also under XWayland). Returns whether it
// did; on other drivers the shell keeps SDL's own timestamps.
bool EnableX11KeyTimes();

// When `event` is an SDL_SYSWMEVENT carrying an X KeyPress or KeyRelease, stores the X server
// time (milliseconds, wraps every ~49.7 days) in *x_time_ms and returns true.
bool X11KeyTime(const SDL_Event& event, std::uint32_t* x_time_ms);

}  // namespace motcua::ui::internal
