// The queue ticket's layout, computed once in dots and then drawn onto any cairo surface: a raster
// image at 1 unit = 1 dot, or a PDF page scaled to 203 dpi. Private to motcua_print (ticket_slip.cpp).
//
// Pango's context resolution is 72, so a font size of N units is N dots tall on the raster
// (stack.md §12.1). Hinting is off so that measuring and drawing, raster and PDF, agree.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "print/ticket_slip.h"

typedef struct _cairo cairo_t;
typedef struct _PangoLayout PangoLayout;

namespace motcua::print::internal {

inline constexpr double kTicketDotsPerPt = 203.0 / 72.0;  // a 203-dpi thermal head

struct TicketLayout {
  struct Text {
    PangoLayout* layout = nullptr;  // owned (unreffed by ~TicketLayout)
    double x = 0, y = 0;            // top-left of the layout's logical box, in dots
    bool white = false;             // white text (on a black band)
  };
  struct Box {
    double x = 0, y = 0, w = 0, h = 0;  // a filled black rectangle, in dots
  };
  int width_dots = 0;
  int height_dots = 0;
  std::vector<Text> texts;
  std::vector<Box> boxes;
  // The QR symbol without its quiet zone: modules x modules bytes, 0 = dark; empty = no QR code.
  std::vector<unsigned char> qr_modules;
  int qr_count = 0;         // modules per side
  int qr_x = 0, qr_y = 0;   // top-left of the symbol proper, whole dots
  int qr_module_dots = 0;   // whole dots per module

  TicketLayout() = default;
  TicketLayout(const TicketLayout&) = delete;
  TicketLayout& operator=(const TicketLayout&) = delete;
  TicketLayout(TicketLayout&&) noexcept;
  TicketLayout& operator=(TicketLayout&&) = delete;
  ~TicketLayout();
};

// Lays out `slip` (already checked: valid UTF-8, NFC, number present) at `width_dots`.
// Errors: kInvalid/"text_too_long" on "qr_payload" (the symbol would not fit the width at 4 dots
// per module), kInvalid/"bad_utf8" on "qr_payload" (from the QR encoder).
Result<TicketLayout> LayOutTicket(const TicketSlip& slip, int width_dots);

// Draws the layout on `cr` in its current user space (1 unit = 1 dot), black on what is there.
void DrawTicket(cairo_t* cr, const TicketLayout& layout);

}  // namespace motcua::print::internal
