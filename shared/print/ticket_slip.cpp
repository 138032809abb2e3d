#include "print/ticket_slip.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cmath>
#include <cstdint>

#include "common/text.h"
#include "print/form_pdf.h"
#include "print/internal/pdf_canvas.h"
#include "print/internal/ticket_layout.h"

namespace motcua::print {
namespace {

// Valid UTF-8, NFC, and no control characters but "\n" (Pango draws others as hex boxes).
Status CleanText(std::string& text, const char* field) {
  if (!IsValidUtf8(text)) return Invalid(field, "bad_utf8", std::string(field) + " is not valid UTF-8");
  std::string out;
  out.reserve(text.size());
  for (char c : NormalizeNfc(text)) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7f) continue;
    out += c;
  }
  text = std::move(out);
  return Ok();
}

Result<TicketSlip> Clean(TicketSlip slip) {
  MOTCUA_TRY(CleanText(slip.header, "header"));
  MOTCUA_TRY(CleanText(slip.area_name, "area_name"));
  MOTCUA_TRY(CleanText(slip.number, "number"));
  MOTCUA_TRY(CleanText(slip.priority_label, "priority_label"));
  MOTCUA_TRY(CleanText(slip.issued_at_text, "issued_at_text"));
  MOTCUA_TRY(CleanText(slip.ahead_text, "ahead_text"));
  MOTCUA_TRY(CleanText(slip.wait_text, "wait_text"));
  MOTCUA_TRY(CleanText(slip.footer, "footer"));
  // The payload is encoded, not drawn: only checked (the QR encoder rejects bad UTF-8 too).
  if (!IsValidUtf8(slip.qr_payload)) return Invalid("qr_payload", "bad_utf8", "qr_payload is not valid UTF-8");
  if (Trim(slip.number).empty()) return Invalid("number", "required", "number must not be empty");
  return slip;
}

Result<internal::TicketLayout> Lay(const TicketSlip& slip, int width_dots) {
  if (width_dots < kMinTicketWidthDots || width_dots > kMaxTicketWidthDots)
    return Invalid("width_dots", "out_of_range",
                   "width_dots must be in [" + std::to_string(kMinTicketWidthDots) + ", " +
                       std::to_string(kMaxTicketWidthDots) + "], got " + std::to_string(width_dots));
  MOTCUA_ASSIGN_OR_RETURN(TicketSlip clean, Clean(slip));
  return internal::LayOutTicket(clean, width_dots);
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<scan::GrayImage> RenderTicketRaster(const TicketSlip& slip, int width_dots) {
  MOTCUA_ASSIGN_OR_RETURN(internal::TicketLayout layout, Lay(slip, width_dots));
  const int w = layout.width_dots, h = layout.height_dots;
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  internal::DrawTicket(cr, layout);
  cairo_destroy(cr);
  cairo_surface_flush(surface);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    const std::string why = cairo_status_to_string(cairo_surface_status(surface));
    cairo_surface_destroy(surface);
    return Unavailable("image", "render_failed", "cairo: " + why);
  }

  // Threshold at mid-grey: antialiased glyph edges become whole dots or nothing, which keeps
  // strokes their drawn width (a dither would print grey fuzz on a thermal head).
  scan::GrayImage out{w, h, std::vector<std::uint8_t>(std::size_t(w) * h)};
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
    for (int x = 0; x < w; ++x) {
      const std::uint32_t px = row[x];  // xRGB, native endian
      const int lum = (int((px >> 16) & 0xff) * 299 + int((px >> 8) & 0xff) * 587 + int(px & 0xff) * 114) / 1000;
      out.pixels[std::size_t(y) * w + x] = lum < 128 ? 0 : 255;
    }
  }
  cairo_surface_destroy(surface);
  return out;
}

Result<std::string> RenderTicketPdf(const TicketSlip& slip) {
  constexpr int kWidthDots = 576;  // the 80 mm layout
  MOTCUA_ASSIGN_OR_RETURN(internal::TicketLayout layout, Lay(slip, kWidthDots));
  const double page_w = 80 * internal::kPtPerMm;
  const double scale = 1 / internal::kTicketDotsPerPt;  // points per dot
  const double margin_y = 3 * internal::kPtPerMm;
  const double page_h = std::ceil(layout.height_dots * scale + 2 * margin_y);

  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendToString, &bytes, page_w, page_h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "motcua");
  cairo_t* cr = cairo_create(surface);
  cairo_translate(cr, (page_w - kWidthDots * scale) / 2, margin_y);
  cairo_scale(cr, scale, scale);
  internal::DrawTicket(cr, layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return Unavailable("pdf", "pdf_render_failed", std::string("cairo: ") + cairo_status_to_string(status));
  return bytes;
}

Status WriteTicketPdf(const TicketSlip& slip, const std::string& path) {
  MOTCUA_ASSIGN_OR_RETURN(std::string bytes, RenderTicketPdf(slip));
  return WriteFileAtomically(path, bytes);
}

}  // namespace motcua::print
