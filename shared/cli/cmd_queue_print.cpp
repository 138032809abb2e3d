// `motcua queue take --printer TARGET`: the kiosk's ticket (ui_model/kiosk_queue.h MakeTicketSlip) on an
// ESC/POS printer (tcp://HOST[:9100], file:/dev/usb/lp0) or as a PDF (pdf:/DIR), from the command line.
#include "cli/queue_cli.h"
#include "common/files.h"
#include "print/escpos.h"
#include "ui_model/kiosk_queue.h"

namespace motcua::cli {

queue::IssueHook TicketPrinter(Session& session, const std::string& target_text,
                               const std::vector<queue::PriorityGroup>& groups) {
  store::Store* store = session.store.get();
  const workflow::DeskSettings settings = session.desk.settings;
  return [=](const queue::IssuedTicket& issued) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(print::PrinterTarget target, print::ParsePrinterTarget(target_text));
    if (target.kind == print::PrinterKind::kPdf) MOTCUA_TRY(CreatePrivateDirectories(target.path, "printer"));
    MOTCUA_ASSIGN_OR_RETURN(auto area, queue::GetArea(*store, issued.ticket.area));
    if (!area) return NotFound("area", "no_such_area", "no queue area " + issued.ticket.area);
    const std::string center = settings.receiving_unit.empty() ? settings.agency_name : settings.receiving_unit;
    print::TicketPrintOptions options;
    options.pdf_file_name = FormatLocalDate(issued.ticket.day) + "-" + issued.ticket.label;
    return print::PrintTicket(target, ui::MakeTicketSlip(issued, *area, groups, center, ui::Lang::kVi), options);
  };
}

}  // namespace motcua::cli
