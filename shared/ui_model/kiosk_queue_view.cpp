// The kiosk's queue screens (kiosk_view.h): areas, priority, the ticket issued.
#include <algorithm>

#include "ui_model/kiosk_view.h"

namespace motcua::ui {
namespace {

std::string AreaName(const KioskModel& m, const queue::Area& a) {
  return m.citizen.lang == Lang::kEn && !a.name_en.empty() ? a.name_en : a.name;
}

std::string GroupName(const KioskModel& m, const queue::PriorityGroup& g) {
  return m.citizen.lang == Lang::kEn && !g.name_en.empty() ? g.name_en : g.name;
}

}  // namespace

KioskQueueAreasView MakeKioskQueueAreasView(const KioskModel& m, const KioskBackend& b) {
  KioskQueueAreasView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.queue_areas");
  v.intro = Tr(m.citizen.lang, "kiosk.queue.intro");
  for (const QueueAreaChoice& c : m.citizen.queue_areas) {
    KioskTile tile{"area_" + c.area.letter, AreaName(m, c.area),
                   FormatText(Tr(m.citizen.lang, "kiosk.queue.waiting"), {{"n", std::to_string(c.waiting)}}),
                   ChooseQueueArea{c.area.letter}};
    tile.badge = c.area.letter;
    v.tiles.push_back(std::move(tile));
  }
  if (v.tiles.empty()) v.empty_text = Tr(m.citizen.lang, "kiosk.queue.no_area");
  v.chrome.spoken = v.chrome.title + ". " + v.intro;
  return v;
}

KioskQueuePriorityView MakeKioskQueuePriorityView(const KioskModel& m, const KioskBackend& b) {
  KioskQueuePriorityView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.queue_priority");
  if (const auto& area = m.citizen.queue_area)
    v.area_line = FormatText(Tr(m.citizen.lang, "kiosk.queue.area_line"), {{"letter", area->letter}, {"name", AreaName(m, *area)}});
  v.question = Tr(m.citizen.lang, "kiosk.queue.priority_question");
  v.none = {"priority_none", Tr(m.citizen.lang, "kiosk.queue.priority_none"), Tr(m.citizen.lang, "kiosk.queue.priority_none_detail"),
            TakeQueueTicket{""}, true, Tone::kInfo};
  if (b.priority_groups)
    for (const queue::PriorityGroup& g : *b.priority_groups)
      v.groups.push_back({"priority_" + g.key, GroupName(m, g), "", TakeQueueTicket{g.key}});
  v.note = Tr(m.citizen.lang, "kiosk.queue.priority_note");
  v.chrome.spoken = v.chrome.title + ". " + v.question;
  return v;
}

KioskTicketView MakeKioskTicketView(const KioskModel& m, const KioskBackend& b) {
  KioskTicketView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.ticket");
  v.home = {"ticket_done", Tr(m.citizen.lang, "kiosk.ticket.done"), "", GoHome{}, true, Tone::kInfo};
  if (!m.citizen.ticket) return v;
  const queue::IssuedTicket& issued = *m.citizen.ticket;
  const queue::Ticket& t = issued.ticket;
  v.number_caption = Tr(m.citizen.lang, "kiosk.ticket.number_caption");
  v.number = t.label;
  if (const auto& area = m.citizen.queue_area)
    v.area_line = FormatText(Tr(m.citizen.lang, "kiosk.queue.area_line"), {{"letter", area->letter}, {"name", AreaName(m, *area)}});
  if (b.priority_groups)
    for (const queue::PriorityGroup& g : *b.priority_groups)
      if (g.key == t.priority)
        v.priority_line = FormatText(Tr(m.citizen.lang, "kiosk.ticket.priority_line"), {{"group", GroupName(m, g)}});
  if (issued.estimate.ahead == 0) {
    v.ahead_line = Tr(m.citizen.lang, "kiosk.ticket.ahead_none");
  } else {
    v.ahead_line = FormatText(Tr(m.citizen.lang, "kiosk.ticket.ahead"), {{"n", std::to_string(issued.estimate.ahead)}});
    v.wait_line = FormatText(Tr(m.citizen.lang, "kiosk.ticket.wait"), {{"minutes", std::to_string(issued.estimate.wait.count())}});
  }
  v.printed_line = Tr(m.citizen.lang, "kiosk.ticket.printed");
  // Spoken without the zero padding: espeak-ng reads "A007" as "A không không bảy".
  v.chrome.spoken = FormatText(Tr(m.citizen.lang, "kiosk.ticket.spoken"),
                               {{"letter", t.origin_area}, {"number", std::to_string(t.number)}}) +
                    ". " + v.ahead_line;
  return v;
}

}  // namespace motcua::ui
