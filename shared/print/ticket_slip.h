// A queue ticket (số thứ tự) as a picture: a 1-bit raster for ESC/POS thermal printers (escpos.h)
// and the same layout as a PDF for stations with no thermal printer.
//
// Every text comes from the caller (the apps' string tables): the core adds no words of its own.
// Layout, top to bottom, each line centred and word-wrapped inside the paper width:
//   header (bold; "\n" starts a new line) / a rule / area_name (bold) / number (bold, huge: its
//   glyphs are about a quarter of the width tall, shrunk only if the number would not fit the width)
//   / priority_label (white on a black band; omitted when empty) / issued_at_text / ahead_text /
//   wait_text (each omitted when empty) / the QR code (omitted when qr_payload is empty) / footer.
// Sizes are physical, for a 203-dpi head (8 dots per mm): body text 9 pt (25 dots), so a 58 mm
// roll (384 dots) wraps more than an 80 mm one (576 dots) but prints text of the same size.
// The QR code has whole dots per module (at least 4, about 0.5 mm, which a phone reads at arm's
// length), a 4-module quiet zone, and is centred; nothing is drawn across its quiet zone.
#pragma once

#include <string>

#include "common/result.h"
#include "scan/qr_image.h"

namespace motcua::print {

struct TicketSlip {
  std::string header;          // e.g. the center's name; may hold one "\n" (two lines)
  std::string area_name;       // the service area (khu vực) the ticket queues for
  std::string number;          // "A1023": printed very large; required
  std::string priority_label;  // "" or e.g. "Ưu tiên: người cao tuổi"
  std::string issued_at_text;  // "08:15 07/12/2026", already formatted by the caller
  std::string ahead_text;      // "Trước quý khách: 12 người"
  std::string wait_text;       // "Thời gian chờ dự kiến: khoảng 25 phút"
  std::string qr_payload;      // encoded as a QR code (UTF-8, ECC M); empty = no QR code
  std::string footer;
};

// Width limits for RenderTicketRaster, in dots: 58 mm paper at 203 dpi has 384 printable dots,
// 80 mm paper 576 (some 80 mm heads: 640). Narrower than 320 cannot hold the number; wider than
// 832 (104 mm, the widest common ESC/POS head) is not a ticket.
inline constexpr int kMinTicketWidthDots = 320;
inline constexpr int kMaxTicketWidthDots = 832;

// The ticket as black-and-white pixels (every pixel 0 or 255), `width_dots` wide and as tall as the
// content needs. Text is normalised to NFC first (NFD input prints the same). Pure function of its
// input; about 2.5 ms for a full 80 mm ticket on the 2-core development VM once fontconfig is
// loaded (the first call in a process loads it: ~50 ms more).
// Errors (nothing is rendered):
//   kInvalid/"bad_utf8"       a text field is not valid UTF-8 (field named, e.g. "footer");
//   kInvalid/"required"       number is empty or blank (field "number");
//   kInvalid/"out_of_range"   width_dots outside [kMinTicketWidthDots, kMaxTicketWidthDots];
//   kInvalid/"text_too_long"  qr_payload does not fit a QR code at 4 dots per module across the
//                             width (field "qr_payload");
//   kUnavailable/"render_failed"  cairo could not draw (out of memory), field "image".
Result<scan::GrayImage> RenderTicketRaster(const TicketSlip& slip, int width_dots = 576);

// The same ticket as a PDF: an 80 mm wide page, as tall as the content (the 576-dot layout drawn at
// 203 dpi, so it prints at the thermal ticket's size), real text and a vector QR code.
// Errors: those of RenderTicketRaster, and kUnavailable/"pdf_render_failed".
Result<std::string> RenderTicketPdf(const TicketSlip& slip);

// RenderTicketPdf written to `path` atomically (WriteFileAtomically in form_pdf.h): the file holds
// the old content or the whole new PDF, never a part. Errors: those of RenderTicketPdf, and
// kUnavailable/"unwritable_path" or "write_failed" on field "path".
Status WriteTicketPdf(const TicketSlip& slip, const std::string& path);

}  // namespace motcua::print
