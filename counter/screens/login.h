// The counter's login screen: user name, password, Enter to sign in, a Vietnamese error line,
// and a language switch. Draws a LoginView (ui_model/login_view.h) and emits CounterActions;
// it calls nothing else (style.md §4).
#pragma once

#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/login_view.h"

namespace motcua::counter {

// Widget state of the login screen, owned by the app. Never holds domain data.
struct LoginScreenState {
  std::string user_name;       // the user name box
  std::string password;        // the password box; wiped after each submit
  int seen_error_serial = 0;   // the view's error_serial last acted on
  int last_drawn_frame = -2;   // ImGui's frame count when last drawn: the caret goes to the user name box
                               // whenever the screen appears (at start, after sign-out)
  ui::LoginField focus_next = ui::LoginField::kNone;  // a focus request for the next frame
  float card_height_px = 0.0f; // the card's height on the last frame, to centre it
};

// Draws the screen over the whole viewport. Enter in the user name box moves to the password box
// (or submits when a password is already typed); Enter in the password box or the button submits.
// A new failed attempt (view.error_serial changed) moves the caret to view.focus_after_error.
void DrawLogin(const ui::LoginView& view, LoginScreenState& state,
               std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
