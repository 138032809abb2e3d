// --tour DIR: draws every kiosk screen once, in the order a citizen meets them, and saves each as
// DIR/kiosk-<screen>-<orientation>[-large][-contrast].png, then quits. With --tour-token the dossier's
// screens (status, rating, postal return, thanks, paying) are drawn for that receipt too: the tour
// registers postal return for it (a test's station, never a center's). The screenshots are
// how people look at the kiosk without standing at one (tests/kiosk_e2e runs it in both orientations,
// both text sizes and high contrast). It goes through the same actions a finger would.
#pragma once

#include <string>
#include <vector>

#include "kiosk/screens/common.h"
#include "ui_imgui/app_shell.h"

namespace motcua::kiosk {

class Tour {
 public:
  Tour(std::string dir, std::string token) : dir_(std::move(dir)), token_(std::move(token)) {}
  bool active() const { return !dir_.empty() && !finished_; }
  bool finished() const { return finished_; }
  // Before drawing: the step's actions, once, on its first frame.
  void Step(const ui::KioskModel& m, const ui::KioskBackend& b, ui::Frame& frame, std::vector<ui::KioskAction>& actions);
  // After drawing: on the step's last frame, asks the shell for the screenshot and moves on.
  void AfterFrame(const ui::KioskModel& m, const Layout& layout, ui::Frame& frame);

 private:
  std::string dir_;
  std::string token_;
  int step_ = 0;
  int frames_ = 0;
  bool finished_ = false;
  std::string shot_;  // the current step's screen name ("" = a step without a screenshot)
};

}  // namespace motcua::kiosk
