// The kiosk's queue tickets (issue 14): choosing an area, declaring a priority group, and the ticket
// printed inside the ticket's own transaction, so a ticket that did not print is never issued (no
// phantom number is ever called). Part of the kiosk model (kiosk_app.h); the views are in kiosk_view.h.
#pragma once

#include <string>

#include "print/ticket_slip.h"
#include "ui_model/kiosk_app.h"

namespace motcua::ui {

// Reads the active areas and their waiting counts into the session (when kQueueAreas opens: the screen
// itself reads nothing). Errors: the store's.
Status LoadQueueAreas(KioskModel& m, const KioskBackend& b);
// kQueueAreas → kQueuePriority for an active area. Errors: ("area", "no_such_area" / "area_closed").
Status ApplyChooseQueueArea(KioskModel& m, const KioskBackend& b, const std::string& area);
// Takes and prints the ticket; kTicket on success. A print failure keeps the citizen on kQueuePriority
// with the printer's problem in plain words ("kiosk.ticket.error.<rule>") and returns the error.
Status ApplyTakeQueueTicket(KioskModel& m, const KioskBackend& b, const std::string& priority);

// The printed ticket's text in `lang` (the center, the area, the number, the priority, when, people
// ahead, the estimated wait, the QR a counter scans).
print::TicketSlip MakeTicketSlip(const queue::IssuedTicket& issued, const queue::Area& area,
                                 const std::vector<queue::PriorityGroup>& groups, const std::string& center_name,
                                 Lang lang);

// Navigation and notices shared by the kiosk model's files.
void KioskGo(KioskModel& m, KioskScreen to);
void KioskNotice(CitizenSession& c, std::string key, Tone tone, std::string arg = "");

}  // namespace motcua::ui
