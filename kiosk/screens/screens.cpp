// The administrator's two screens, and DrawKiosk: one full-window frame of the current screen.
#include "kiosk/screens/screens.h"

#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::kiosk {

void DrawPin(const ui::KioskPinView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  FieldsWithKeyboard("##pin", height, v.keyboard, l, s, a, [&] { DrawTextBox(v.pin, s, a); });
}

void DrawAdmin(const ui::KioskAdminView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##admin", height);
  for (const std::string& line : v.lines) Wrapped(line);
  ImGui::Spacing();
  if (ui::BigButton(Label(v.exit_label, "admin_exit").c_str(), {.tone = ui::Tone::kDanger})) a.emplace_back(ui::AdminExit{});
  EndContent(s);
}

void DrawKiosk(const ui::KioskModel& m, const ui::KioskBackend& b, const Layout& l, ScreenState& s, Actions& a) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("##kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  s.scrolling = false;
  using ui::KioskScreen;
  switch (m.citizen.screen) {
    case KioskScreen::kHome: DrawHome(ui::MakeKioskHomeView(m, b), l, s, a); break;
    case KioskScreen::kFields: DrawGroups(ui::MakeKioskGroupsView(m, b), l, s, a); break;
    case KioskScreen::kProcedures: DrawProcedures(ui::MakeKioskProceduresView(m, b), l, s, a); break;
    case KioskScreen::kSearch: DrawSearch(ui::MakeKioskSearchView(m, b), l, s, a); break;
    case KioskScreen::kProcedure: DrawProcedure(ui::MakeKioskProcedureView(m, b), l, s, a); break;
    case KioskScreen::kCheck: DrawCheck(ui::MakeKioskCheckView(m, b), l, s, a); break;
    case KioskScreen::kStatus: DrawStatus(ui::MakeKioskStatusView(m, b), l, s, a); break;
    case KioskScreen::kRate: DrawRate(ui::MakeKioskRateView(m, b), l, s, a); break;
    case KioskScreen::kPostal: DrawPostal(ui::MakeKioskPostalView(m, b), l, s, a); break;
    case KioskScreen::kPay: DrawPay(ui::MakeKioskPayView(m, b), l, s, a); break;
    case KioskScreen::kQueueAreas: DrawQueueAreas(ui::MakeKioskQueueAreasView(m, b), l, s, a); break;
    case KioskScreen::kQueuePriority: DrawQueuePriority(ui::MakeKioskQueuePriorityView(m, b), l, s, a); break;
    case KioskScreen::kTicket: DrawTicket(ui::MakeKioskTicketView(m, b), l, s, a); break;
    case KioskScreen::kThanks: DrawThanks(ui::MakeKioskThanksView(m, b), l, s, a); break;
    case KioskScreen::kAdminPin: DrawPin(ui::MakeKioskPinView(m, b), l, s, a); break;
    case KioskScreen::kAdmin: DrawAdmin(ui::MakeKioskAdminView(m, b), l, s, a); break;
  }
  ImGui::End();
}

}  // namespace motcua::kiosk
