// QueryStatus and PrintTicket (declared in print/escpos.h): the printing sequence over a link.
#include <array>

#include "print/escpos.h"
#include "print/internal/printer_link.h"
#include "print/ticket_slip.h"

namespace motcua::print {
namespace {

using internal::Clock;
using internal::PrinterLink;

// Asks DLE EOT 1..4 one at a time, each answer before the next question: a printer that answers
// only some (or echoes) is caught at the first odd byte instead of misreading a later one.
Result<PrinterStatus> AskStatus(PrinterLink& link, Clock::time_point deadline) {
  link.DiscardPending();
  std::array<std::uint8_t, 4> raw{};
  for (int n = 1; n <= 4; ++n) {
    MOTCUA_TRY(link.WriteAll(StatusRequest(n), deadline));
    MOTCUA_ASSIGN_OR_RETURN(raw[n - 1], link.ReadByte(deadline));
  }
  auto status = ParsePrinterStatus(raw);
  if (!status) return Unavailable("printer", "printer_bad_answer", link.name() + ": " + status.error().detail);
  return status;
}

bool PlainFileName(const std::string& name) {
  return !name.empty() && name[0] != '.' && name.find('/') == std::string::npos &&
         name.find('\0') == std::string::npos;
}

}  // namespace

Result<PrinterStatus> QueryStatus(const PrinterTarget& target, std::chrono::milliseconds timeout) {
  if (target.kind == PrinterKind::kPdf)
    return Invalid("printer_target", "bad_printer_target", FormatPrinterTarget(target) + ": a PDF target has no status");
  const auto deadline = Clock::now() + timeout;
  MOTCUA_ASSIGN_OR_RETURN(PrinterLink link, PrinterLink::Open(target, deadline));
  return AskStatus(link, deadline);
}

Status PrintTicket(const PrinterTarget& target, const TicketSlip& slip, const TicketPrintOptions& options) {
  if (target.kind == PrinterKind::kPdf) {
    if (!PlainFileName(options.pdf_file_name))
      return Invalid("pdf_file_name", "bad_file_name",
                     "\"" + options.pdf_file_name + "\" is not a plain file name (no '/', not starting with '.')");
    return WriteTicketPdf(slip, target.path + "/" + options.pdf_file_name + ".pdf");
  }
  // Render first: a bad ticket never reaches the printer, and rendering time does not eat into the
  // printer's timeouts.
  MOTCUA_ASSIGN_OR_RETURN(scan::GrayImage image, RenderTicketRaster(slip, options.width_dots));
  const std::string job = EncodeRasterJob(image, options.cut);

  MOTCUA_ASSIGN_OR_RETURN(PrinterLink link, PrinterLink::Open(target, Clock::now() + options.connect_timeout));
  const auto deadline = Clock::now() + options.total_timeout;
  MOTCUA_ASSIGN_OR_RETURN(PrinterStatus before, AskStatus(link, deadline));
  MOTCUA_TRY(CheckReady(before));
  MOTCUA_TRY(link.WriteAll(job, deadline));
  auto after = AskStatus(link, deadline);
  if (!after) {
    after.error().detail += " (after the job)";
    return std::move(after.error());
  }
  Status ready = CheckReady(*after);
  if (!ready) {
    ready.error().detail += " (after the job)";
    return ready;
  }
  return Ok();
}

}  // namespace motcua::print
