#include "ui_model/kiosk_queue.h"

#include <algorithm>

#include "queue/figures.h"
#include "ui_model/shell_view.h"

namespace motcua::ui {
namespace {

std::string CenterName(const KioskBackend& b) {
  return b.desk->settings.receiving_unit.empty() ? b.desk->settings.agency_name : b.desk->settings.receiving_unit;
}

// The printer's problems a citizen can understand; anything else is "the ticket could not be printed".
std::string TicketErrorKey(const Error& e) {
  for (const char* rule : {"printer_paper_out", "printer_cover_open", "printer_offline", "printer_error",
                           "area_closed", "numbers_exhausted"})
    if (e.rule == rule) return std::string("kiosk.ticket.error.") + rule;
  return "kiosk.ticket.error.other";
}

}  // namespace

print::TicketSlip MakeTicketSlip(const queue::IssuedTicket& issued, const queue::Area& area,
                                 const std::vector<queue::PriorityGroup>& groups, const std::string& center_name,
                                 Lang lang) {
  const queue::Ticket& t = issued.ticket;
  print::TicketSlip slip;
  slip.header = center_name;
  slip.area_name = lang == Lang::kEn && !area.name_en.empty() ? area.name_en : area.name;
  slip.number = t.label;
  for (const queue::PriorityGroup& g : groups)
    if (g.key == t.priority)
      slip.priority_label = FormatText(Tr(lang, "kiosk.ticket.priority_line"),
                                       {{"group", lang == Lang::kEn && !g.name_en.empty() ? g.name_en : g.name}});
  slip.issued_at_text = FormatWhen(lang, t.taken_at);
  if (issued.estimate.ahead == 0) {
    slip.ahead_text = Tr(lang, "kiosk.ticket.ahead_none");
  } else {
    slip.ahead_text = FormatText(Tr(lang, "kiosk.ticket.ahead"), {{"n", std::to_string(issued.estimate.ahead)}});
    slip.wait_text =
        FormatText(Tr(lang, "kiosk.ticket.wait"), {{"minutes", std::to_string(issued.estimate.wait.count())}});
  }
  slip.qr_payload = queue::TicketQrPayload(t);
  slip.footer = Tr(lang, "kiosk.ticket.footer");
  return slip;
}

namespace {

// Offline, a ticket would be numbered apart from the center's line (kiosk_app.h KioskModel::offline).
Status RefuseOffline(CitizenSession& c) {
  KioskNotice(c, "kiosk.offline.no_ticket", Tone::kWarning);
  return Unavailable("queue", "offline", "the center's database is unreachable: no queue tickets");
}

}  // namespace

Status LoadQueueAreas(KioskModel& m, const KioskBackend& b) {
  std::vector<QueueAreaChoice>& out = m.citizen.queue_areas;
  out.clear();
  if (m.offline) return RefuseOffline(m.citizen);
  MOTCUA_ASSIGN_OR_RETURN(std::vector<queue::Area> areas, queue::ListAreas(*b.store));
  const LocalDate today = LocalDateVn(b.now);
  for (queue::Area& a : areas) {
    if (!a.active) continue;
    MOTCUA_ASSIGN_OR_RETURN(queue::WaitingCount waiting, queue::CountWaiting(*b.store, today, a.letter));
    out.push_back({std::move(a), waiting.Total()});
  }
  return Ok();
}

Status ApplyChooseQueueArea(KioskModel& m, const KioskBackend& b, const std::string& letter) {
  auto area = queue::GetArea(*b.store, letter);
  if (!area) return area.error();
  if (!*area) return NotFound("area", "no_such_area", "no queue area " + letter);
  if (!(*area)->active) {
    KioskNotice(m.citizen, "kiosk.ticket.error.area_closed", Tone::kWarning);
    return Conflict("area", "area_closed", "area " + letter + " takes no tickets now");
  }
  m.citizen.queue_area = std::move(**area);
  KioskGo(m, KioskScreen::kQueuePriority);
  return Ok();
}

Status ApplyTakeQueueTicket(KioskModel& m, const KioskBackend& b, const std::string& priority) {
  CitizenSession& c = m.citizen;
  if (c.screen != KioskScreen::kQueuePriority || !c.queue_area || !b.print_ticket || !b.priority_groups)
    return Ok();
  if (m.offline) return RefuseOffline(c);
  const queue::Area& area = *c.queue_area;
  const std::string center = CenterName(b);
  const Lang lang = c.lang;
  auto issued = queue::TakeTicket(*b.store, b.actor, {area.letter, priority}, *b.priority_groups, b.now,
                                  [&](const queue::IssuedTicket& t) {
                                    const print::TicketSlip slip =
                                        MakeTicketSlip(t, area, *b.priority_groups, center, lang);
                                    return b.print_ticket(slip, FormatLocalDate(t.ticket.day) + "-" + t.ticket.label);
                                  });
  if (!issued) {
    KioskNotice(c, TicketErrorKey(issued.error()), Tone::kDanger);
    return issued.error();
  }
  c.ticket = std::move(*issued);
  KioskGo(m, KioskScreen::kTicket);
  c.back.clear();  // the ticket is taken: no way back to take a second one by mistake, only home
  return Ok();
}

}  // namespace motcua::ui
