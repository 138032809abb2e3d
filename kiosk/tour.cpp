#include "kiosk/tour.h"

#include <filesystem>

#include "ui_model/kiosk_app.h"

namespace motcua::kiosk {
namespace {

// Frames a step waits before its screenshot: a theme change and ImGui's auto-sizing settle in two.
constexpr int kFramesPerStep = 4;

void Type(std::string_view keys, std::vector<ui::KioskAction>& actions) {
  for (char c : keys) {
    ui::OskKey key;
    key.kind = c == ' ' ? ui::OskKeyKind::kSpace : ui::OskKeyKind::kChar;
    key.ch = static_cast<char32_t>(c);
    key.label = std::string(1, c);
    actions.emplace_back(ui::PressKey{key});
  }
}

}  // namespace

void Tour::Step(const ui::KioskModel& m, const ui::KioskBackend& b, ui::Frame&, std::vector<ui::KioskAction>& a) {
  if (frames_ != 0) return;
  using ui::KioskScreen;
  using ui::OpenScreen;
  const std::vector<ui::ProcedureGroup> groups = ui::ProcedureGroups(*b.procedures);
  switch (step_) {
    case 0: shot_ = "home"; break;
    case 1: a.emplace_back(OpenScreen{KioskScreen::kFields}); shot_ = "fields"; break;
    case 2:
      if (!groups.empty()) a.emplace_back(ui::OpenGroup{groups.front().key});
      shot_ = "procedures";
      break;
    case 3:
      for (const catalog::Procedure& p : *b.procedures)
        if (!groups.empty() && p.group == groups.front().key) {
          a.emplace_back(ui::OpenProcedure{p.code});
          break;
        }
      shot_ = "procedure";
      break;
    case 4:
      a.emplace_back(OpenScreen{KioskScreen::kSearch});
      Type("khai sinh", a);
      shot_ = "search";
      break;
    case 5:
      a.emplace_back(OpenScreen{KioskScreen::kCheck});
      Type("000.00.00.", a);
      shot_ = "check";
      break;
    case 6:
      shot_.clear();
      if (!token_.empty()) {
        a.emplace_back(ui::Scanned{token_});
        shot_ = "status";
      }
      break;
    case 7:
      shot_.clear();
      if (m.citizen.status && !m.citizen.status->is_rated) {
        a.emplace_back(OpenScreen{KioskScreen::kRate});
        a.emplace_back(ui::SetOverall{2});
        a.emplace_back(ui::SetCriterion{0, 1});
        shot_ = "rate";
      }
      break;
    case 8:
      shot_.clear();
      if (m.citizen.status && m.citizen.status->can_register_postal_return) {
        a.emplace_back(ui::KioskBack{});
        a.emplace_back(OpenScreen{KioskScreen::kPostal});
        Type("Nguyen Van An", a);
        shot_ = "postal";
      }
      break;
    case 9:
      shot_.clear();
      if (m.citizen.screen == KioskScreen::kPostal) {  // registered for real: the tour's station is a test's
        a.emplace_back(ui::FocusField{ui::KioskField::kPostalPhone});
        Type("0912345678", a);
        a.emplace_back(ui::FocusField{ui::KioskField::kPostalAddress});
        Type("So 12 duong Tran Phu", a);
        a.emplace_back(ui::SubmitPostal{});
        shot_ = "thanks";
      }
      break;
    case 10:
      shot_.clear();
      if (!token_.empty()) {
        a.emplace_back(ui::Scanned{token_});
        a.emplace_back(OpenScreen{KioskScreen::kPay});
        shot_ = "pay";
      }
      break;
    case 11:  // not through GoHome: it would reset the look the tour is drawing (large text, contrast)
      a.emplace_back(OpenScreen{KioskScreen::kQueueAreas});
      shot_ = "queue_areas";
      break;
    case 12:
      a.emplace_back(ui::ChooseQueueArea{"A"});
      shot_ = "queue_priority";
      break;
    case 13:
      shot_.clear();
      if (m.citizen.screen == KioskScreen::kQueuePriority) {  // a real ticket: the tour's station is a test's
        a.emplace_back(ui::TakeQueueTicket{""});
        shot_ = "ticket";
      }
      break;
    case 14: a.emplace_back(ui::HiddenGesture{}); shot_ = "admin_pin"; break;
    default: finished_ = true; break;
  }
}

void Tour::AfterFrame(const ui::KioskModel& m, const Layout& layout, ui::Frame& frame) {
  if (!active()) return;
  if (shot_.empty()) {  // nothing to show for this step: next
    ++step_;
    frames_ = 0;
    return;
  }
  if (++frames_ < kFramesPerStep) {
    frame.animate = true;
    return;
  }
  std::string name = "kiosk-" + shot_ + (layout.portrait ? "-portrait" : "-landscape");
  if (m.citizen.large_text) name += "-large";
  if (m.citizen.high_contrast) name += "-contrast";
  frame.screenshot_request = (std::filesystem::path(dir_) / (name + ".png")).string();
  frame.animate = true;
  ++step_;
  frames_ = 0;
}

}  // namespace motcua::kiosk
