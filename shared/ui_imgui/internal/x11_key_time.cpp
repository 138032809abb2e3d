#include "ui_imgui/internal/x11_key_time.h"

#include <SDL.h>
#include <SDL_syswm.h>  // pulls in Xlib.h (SDL_VIDEO_DRIVER_X11 is set in Debian's build)

#include <cstring>

namespace motcua::ui::internal {

bool EnableX11KeyTimes() {
#if defined(SDL_VIDEO_DRIVER_X11)
  const char* driver = SDL_GetCurrentVideoDriver();
  if (driver == nullptr || std::strcmp(driver, "x11") != 0) return false;
  SDL_EventState(SDL_SYSWMEVENT, SDL_ENABLE);
  return true;
#else
  return false;
#endif
}

bool X11KeyTime(const SDL_Event& event, std::uint32_t* x_time_ms) {
#if defined(SDL_VIDEO_DRIVER_X11)
  if (event.type != SDL_SYSWMEVENT || event.syswm.msg == nullptr ||
      event.syswm.msg->subsystem != SDL_SYSWM_X11)
    return false;
  const XEvent& x = event.syswm.msg->msg.x11.event;
  if (x.type != KeyPress && x.type != KeyRelease) return false;
  *x_time_ms = static_cast<std::uint32_t>(x.xkey.time);
  return true;
#else
  (void)event;
  (void)x_time_ms;
  return false;
#endif
}

}  // namespace motcua::ui::internal
