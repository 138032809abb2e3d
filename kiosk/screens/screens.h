// The kiosk's screens: each draws one view (ui_model/kiosk_view.h) and appends what was touched.
// DrawKiosk builds the current screen's view and draws it, so kiosk/main.cpp and the headless tests
// call one function.
#pragma once

#include "kiosk/screens/common.h"

namespace motcua::kiosk {

void DrawHome(const ui::KioskHomeView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawGroups(const ui::KioskGroupsView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawProcedures(const ui::KioskProceduresView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawSearch(const ui::KioskSearchView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawProcedure(const ui::KioskProcedureView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawCheck(const ui::KioskCheckView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawStatus(const ui::KioskStatusView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawRate(const ui::KioskRateView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawPostal(const ui::KioskPostalView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawPay(const ui::KioskPayView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawThanks(const ui::KioskThanksView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawQueueAreas(const ui::KioskQueueAreasView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawQueuePriority(const ui::KioskQueuePriorityView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawTicket(const ui::KioskTicketView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawPin(const ui::KioskPinView& v, const Layout& l, ScreenState& s, Actions& a);
void DrawAdmin(const ui::KioskAdminView& v, const Layout& l, ScreenState& s, Actions& a);

// One full-window frame of the current screen.
void DrawKiosk(const ui::KioskModel& m, const ui::KioskBackend& b, const Layout& l, ScreenState& s, Actions& a);

}  // namespace motcua::kiosk
