// ESC/POS thermal printing of queue tickets (stack.md §12.4): the byte protocol (a raster job, the
// real-time status queries and their answers), printer targets, and printing over TCP (port 9100)
// or a device file (/dev/usb/lp0), with a PDF fallback for stations with no thermal printer.
//
// Why raster: code page 1258 lacks most precomposed Vietnamese letters and user-defined characters
// are not on every printer, so the whole ticket is one 1-bit image (ticket_slip.h) sent as GS v 0.
//
// Printing a ticket (PrintTicket), for a tcp or device target:
//   connect/open -> status (DLE EOT 1..4) -> refuse if not ready, having sent NO job byte
//   -> the job -> status again -> fail if the printer reports a problem after the job.
// Every wait is bounded (connect timeout, then one deadline for the whole exchange); writes never
// raise SIGPIPE. Not thread-safe per target: one ticket at a time per printer (the kiosk's print
// worker serialises them).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "print/ticket_slip.h"
#include "scan/qr_image.h"

namespace motcua::print {

// ---- The byte protocol ---------------------------------------------------------------------------

// Rows per GS v 0 band: older and cheaper printers take at most 255 rows (one byte of yL) per
// command, and a band never outgrows a small receive buffer (255 x 72 bytes = 18 KB at 576 dots).
inline constexpr int kMaxBandRows = 255;
inline constexpr int kFeedLinesBeforeCut = 3;  // ESC d n: blank lines so the cut misses the footer

// A complete print job for a black-and-white image (a pixel < 128 prints a dot):
//   ESC @                                   1B 40            initialise
//   GS v 0 0 xL xH yL yH d...  per band     1D 76 30 00 ...  raster, normal density; x = bytes per
//                                                            row, y = rows (<= kMaxBandRows); each
//                                                            byte is 8 dots, MSB = leftmost; the
//                                                            width is padded with white to whole bytes
//   ESC d n                                 1B 64 03         print and feed n lines
//   GS V 66 0  (only when `cut`)            1D 56 42 00      feed to the cutter and cut partially
// Real-time guard: printers act on DLE EOT / DLE ENQ / DLE DC4 (10 04, 10 05, 10 14) wherever
// they appear, even inside image data (Epson: "the printer processes it as DLE EOT"), and DLE DC4
// can pulse a drawer or power the printer off. So a data byte 0x10 followed by 04, 05 or 14 is sent
// as 0x18: one extra dot beside a dot already black, invisible on the ticket.
// An image with no pixels gives init, feed and cut only.
std::string EncodeRasterJob(const scan::GrayImage& bw, bool cut = true);

// Parses a job as EncodeRasterJob writes it, for tests and the printer stand-in: what the printer
// would print, as a 0/255 image whose width is the padded width (bytes per row x 8). Accepts the
// commands above in that order (any number of bands, ESC d, an optional GS V 65/66 n).
// Errors, all kInvalid on field "bytes" (the detail names the byte offset):
//   "missing_init"       the job does not start with ESC @;
//   "bad_band"           a GS v 0 with a mode other than 0, zero width or height, or a width that
//                        differs from the first band's;
//   "truncated"          a command or a band's data ends early;
//   "unexpected_byte"    anything else (including bytes after the cut).
Result<scan::GrayImage> DecodeRasterJob(std::string_view bytes);

// The real-time status request DLE EOT n (10 04 n), n = 1 printer, 2 offline cause, 3 error cause,
// 4 roll paper sensor. Each is answered with one byte, even while the printer is offline.
std::string StatusRequest(int n);

// The answers to DLE EOT 1..4, as defined in the Epson ESC/POS Command Reference, "DLE EOT:
// Transmit real-time status" (download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_eot.html).
// Every answer has bit 1 and bit 4 set and bits 0 and 7 clear (0x12 under mask 0x93).
//   n = 1 printer:     bit 2 drawer kick-out connector pin 3 high; bit 3 offline; bit 5 waiting
//                      for online recovery; bit 6 paper feed button pressed.
//   n = 2 offline:     bit 2 cover open; bit 3 paper being fed by the FEED button; bit 5 printing
//                      stopped by a paper end; bit 6 an error occurred.
//   n = 3 error:       bit 2 mechanical error (recoverable: e.g. a jam); bit 3 autocutter error;
//                      bit 5 unrecoverable error; bit 6 automatically recoverable error (head hot).
//   n = 4 roll paper:  bits 2,3 near-end sensor: paper near its end; bits 5,6 end sensor: no paper.
struct PrinterStatus {
  bool online = false;          // n=1 bit 3 clear
  bool cover_open = false;      // n=2 bit 2
  bool paper_out = false;       // n=4 bits 5,6 or n=2 bit 5
  bool paper_near_end = false;  // n=4 bits 2,3: print, but tell staff to change the roll
  bool error = false;           // n=2 bit 6, or any of n=3 bits 2, 3, 5, 6
  bool mechanical_error = false;     // n=3 bit 2
  bool autocutter_error = false;     // n=3 bit 3
  bool unrecoverable_error = false;  // n=3 bit 5
  bool auto_recoverable_error = false;  // n=3 bit 6
  std::array<std::uint8_t, 4> raw{};    // the answers to DLE EOT 1, 2, 3, 4
};

// Errors: kInvalid/"bad_status_byte" on field "raw[i]" when an answer's fixed bits are wrong (it is
// not a DLE EOT answer: e.g. a stray byte or an echo).
Result<PrinterStatus> ParsePrinterStatus(const std::array<std::uint8_t, 4>& raw);

// Why a printer with this status must not be sent a ticket, checked in this order (an open cover
// makes the paper sensors unreliable): kUnavailable on field "printer" with rule
// "printer_cover_open", "printer_paper_out", "printer_error", or "printer_offline" (offline for
// another reason, e.g. waiting for online recovery). Ok() when it can print (paper_near_end is not
// a reason to refuse).
Status CheckReady(const PrinterStatus& status);

// ---- Targets -------------------------------------------------------------------------------------

enum class PrinterKind {
  kTcp,     // a network printer's raw port
  kDevice,  // a device file: usblp (/dev/usb/lp0) or a serial line (/dev/ttyUSB0)
  kPdf,     // no thermal printer: each ticket is written as a PDF into a directory
};

struct PrinterTarget {
  PrinterKind kind = PrinterKind::kTcp;
  std::string host;  // kTcp: an IPv4 or IPv6 literal (no brackets), as written
  int port = 9100;   // kTcp
  std::string path;  // kDevice: the device file; kPdf: the directory (absolute, no trailing "/")
};

// Accepts:
//   tcp://HOST[:PORT]       HOST a loopback or LAN address: IPv4 127/8, 10/8, 172.16/12,
//                           192.168/16, 169.254/16, "localhost" (= 127.0.0.1), or an IPv6 literal
//                           in brackets: [::1], fc00::/7, fe80::/10. PORT 1..65535, default 9100.
//                           Why literals only: a name lookup has no timeout and could hang a
//                           kiosk; why no public address: a ticket never leaves the center's LAN.
//   file:/ABSOLUTE/PATH     a device file, e.g. file:/dev/usb/lp0
//   /ABSOLUTE/PATH          the same
//   pdf:/ABSOLUTE/DIR       write PDFs there (a trailing "/" is dropped)
// Errors: kInvalid/"bad_printer_target" on field "printer_target", the detail naming the rule
// broken (unknown scheme, relative path, bad port, name instead of address, public address, ...).
Result<PrinterTarget> ParsePrinterTarget(std::string_view text);

// The canonical text of a target ("tcp://192.168.1.50:9100", "file:/dev/usb/lp0", "pdf:/var/x");
// ParsePrinterTarget(FormatPrinterTarget(t)) gives t back.
std::string FormatPrinterTarget(const PrinterTarget& target);

// ---- Printing ------------------------------------------------------------------------------------

struct TicketPrintOptions {
  int width_dots = 576;  // raster width in dots (default 576: 80 mm paper at 203 dpi; 384 = 58 mm)
  bool cut = true;       // partial cut after the ticket (default true)
  std::chrono::milliseconds connect_timeout{2000};  // TCP connect or device open (default 2 s)
  // The whole exchange after connecting: both status queries and the job (default 4 s). A 576-dot
  // ticket is about 60 KB (10 cm of paper); a printer takes data about as fast as it prints once
  // its receive buffer is full, so at 150-250 mm/s the job needs 0.4-0.7 s.
  std::chrono::milliseconds total_timeout{4000};
  // kPdf targets: DIR/<name>.pdf; a plain name, no "/" (default "ticket"). A PDF is always the
  // 80 mm layout (width_dots does not apply).
  std::string pdf_file_name = "ticket";
};

// Connects, asks DLE EOT 1..4 and returns the parsed answers. `timeout` bounds everything
// (connecting included). Errors, kUnavailable on field "printer": "printer_offline" (cannot
// connect or open, or no answer in time; the detail says which), "printer_bad_answer" (an answer
// that is not a status byte); kInvalid/"bad_printer_target" for a kPdf target (no printer to ask).
Result<PrinterStatus> QueryStatus(const PrinterTarget& target, std::chrono::milliseconds timeout);

// Prints one ticket (see the sequence at the top of this file). For a kPdf target, writes
// DIR/<pdf_file_name>.pdf atomically (WriteTicketPdf) and asks no printer.
// Errors:
//   those of RenderTicketRaster (kInvalid, bad ticket: nothing is sent) or WriteTicketPdf;
//   kInvalid/"bad_file_name" on "pdf_file_name" (empty, "/", or a leading ".");
//   kUnavailable on "printer": "printer_offline", "printer_bad_answer" (as QueryStatus) before the
//   job, or "printer_cover_open" / "printer_paper_out" / "printer_error" from CheckReady: nothing
//   of the job was sent. After the job: the same rules when the second status shows a problem
//   (e.g. the paper ran out mid-ticket; the detail says "after the job"), and "printer_offline"
//   when writing the job fails or times out (the detail says how many bytes were sent).
Status PrintTicket(const PrinterTarget& target, const TicketSlip& slip, const TicketPrintOptions& options = {});

}  // namespace motcua::print
