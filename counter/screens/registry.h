// The counter's screens as a list (ui_model CounterScreens() gives their keys, tab labels, hot keys and
// permissions; this file gives their drawing). A new screen is a row in each list: main.cpp does not
// change. Each entry owns its screen's widget state.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/time.h"
#include "counter/screens/login.h"
#include "counter/screens/shell.h"
#include "ui_model/counter_app.h"

namespace motcua::counter {

struct ScreenContext {
  const ui::CounterModel& model;
  const ui::Station& station;
  Instant now;
};

using DrawScreenFn = std::function<void(const ScreenContext&, std::vector<ui::CounterAction>&)>;

struct ScreenEntry {
  std::string key;   // a ui::ScreenSpec key
  DrawScreenFn draw; // builds the screen's view from the context and draws it
};

std::vector<ScreenEntry> MakeCounterScreens();

struct CounterScreens {
  LoginScreenState login;
  LockScreenState lock;
  ShellScreenState shell;
  std::vector<ScreenEntry> screens = MakeCounterScreens();
};

// One frame of the app: the login screen before sign-in, the lock screen while locked, otherwise the
// shell around the current screen.
void DrawCounter(const ScreenContext& ctx, CounterScreens& screens, std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
