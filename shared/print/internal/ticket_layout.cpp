#include "print/internal/ticket_layout.h"

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace motcua::print::internal {
namespace {

constexpr const char* kFamily = "Noto Sans";  // fonts-noto-core: every Vietnamese letter precomposed

// Text sizes in points at 203 dpi (converted to dots below).
constexpr double kHeaderPt = 9;
constexpr double kAreaPt = 11.5;
constexpr double kPriorityPt = 10;
constexpr double kBodyPt = 9;
constexpr double kFooterPt = 8;

constexpr int kQuietModules = 4;     // the QR quiet zone (ISO/IEC 18004 minimum)
constexpr int kMinModuleDots = 4;    // 0.5 mm at 203 dpi: the smallest module a phone reads reliably
constexpr int kMaxModuleDots = 6;    // 0.75 mm: larger only wastes paper
constexpr double kQrShareOfWidth = 0.55;  // the symbol's target side, as a share of the width

double Dots(double pt) { return pt * kTicketDotsPerPt; }

// A Pango context with 1 unit = 1 dot and no hinting (see the header).
PangoContext* NewContext() {
  PangoContext* ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(ctx, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(ctx, 72);
  // Font fallback and shaping pick Vietnamese-capable faces first.
  pango_context_set_language(ctx, pango_language_from_string("vi"));
  return ctx;
}

PangoLayout* NewLayout(PangoContext* ctx, const std::string& text, double size_dots, bool bold, double width) {
  PangoLayout* layout = pango_layout_new(ctx);
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, kFamily);
  pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(desc, size_dots * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  if (width > 0) {
    pango_layout_set_width(layout, int(std::floor(width * PANGO_SCALE)));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
  // No hyphen where a long word breaks: a ticket number or a code must not gain a character.
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
  pango_layout_set_attributes(layout, attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_text(layout, text.data(), int(text.size()));
  return layout;
}

double LayoutHeight(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  return double(h) / PANGO_SCALE;
}

class Builder {
 public:
  Builder(TicketLayout& out, int width_dots)
      : out_(out), ctx_(NewContext()), margin_(std::max(8.0, width_dots / 48.0)), y_(Dots(6)) {
    out_.width_dots = width_dots;
  }
  ~Builder() { g_object_unref(ctx_); }
  Builder(const Builder&) = delete;
  Builder& operator=(const Builder&) = delete;

  double content_width() const { return out_.width_dots - 2 * margin_; }
  double y() const { return y_; }
  void Gap(double dots) { y_ += dots; }

  // A centred, wrapped paragraph; nothing when text is empty.
  void Paragraph(const std::string& text, double size_pt, bool bold, double gap_after) {
    if (text.empty()) return;
    PangoLayout* layout = NewLayout(ctx_, text, Dots(size_pt), bold, content_width());
    out_.texts.push_back({layout, margin_, y_, false});
    y_ += LayoutHeight(layout) + gap_after;
  }

  void Rule(double thickness) {
    out_.boxes.push_back({margin_, std::round(y_), content_width(), thickness});
    y_ += thickness;
  }

  // The ticket number: its ink (not its line box) is a quarter of the width tall, unless that
  // would be wider than the paper; then it shrinks to the width.
  void Number(const std::string& text) {
    constexpr double kProbe = 100;
    PangoLayout* probe = NewLayout(ctx_, text, kProbe, true, -1);
    PangoRectangle ink, logical;
    pango_layout_get_pixel_extents(probe, &ink, &logical);
    g_object_unref(probe);
    double size = kProbe * (out_.width_dots / 4.0) / std::max(1, ink.height);
    const double natural_width = double(std::max(ink.width, logical.width)) * size / kProbe;
    // 2% slack: the probe's extents are whole pixels, and antialiased edges may add a dot.
    if (natural_width > 0.98 * content_width()) size *= 0.98 * content_width() / natural_width;

    PangoLayout* layout = NewLayout(ctx_, text, size, true, -1);
    pango_layout_get_extents(layout, &ink, &logical);
    const double ink_x = double(ink.x) / PANGO_SCALE, ink_y = double(ink.y) / PANGO_SCALE;
    const double ink_w = double(ink.width) / PANGO_SCALE, ink_h = double(ink.height) / PANGO_SCALE;
    // Centre the ink; its top sits at y().
    const double x = (out_.width_dots - ink_w) / 2 - ink_x;
    out_.texts.push_back({layout, x, y_ - ink_y, false});
    y_ += ink_h;
  }

  // White text on a black band as wide as the content.
  void Band(const std::string& text, double size_pt) {
    if (text.empty()) return;
    const double pad = Dots(3);
    PangoLayout* layout = NewLayout(ctx_, text, Dots(size_pt), true, content_width() - 2 * pad);
    const double h = LayoutHeight(layout) + 2 * pad;
    out_.boxes.push_back({margin_, y_, content_width(), h});
    out_.texts.push_back({layout, margin_ + pad, y_ + pad, true});
    y_ += h;
  }

  // The QR symbol with its quiet zone above and below, centred on whole dots.
  Status Qr(const std::string& payload) {
    if (payload.empty()) return Ok();
    auto modules = scan::EncodeQr(payload, {.module_px = 1, .quiet_zone_modules = 0});
    if (!modules) {
      Error e = std::move(modules.error());
      e.field = "qr_payload";
      return e;
    }
    const int count = modules->width;
    const int fit = out_.width_dots / (count + 2 * kQuietModules);
    if (fit < kMinModuleDots)
      return Invalid("qr_payload", "text_too_long",
                     "the QR code needs " + std::to_string(count) + " modules a side; at " +
                         std::to_string(kMinModuleDots) + " dots per module with its quiet zone it is wider than " +
                         std::to_string(out_.width_dots) + " dots");
    const int wanted = int(content_width() * kQrShareOfWidth) / count;
    const int module = std::clamp(wanted, kMinModuleDots, std::min(kMaxModuleDots, fit));
    const int side = count * module;
    const int quiet = kQuietModules * module;
    out_.qr_modules.assign(modules->pixels.begin(), modules->pixels.end());
    out_.qr_count = count;
    out_.qr_module_dots = module;
    out_.qr_x = (out_.width_dots - side) / 2;
    out_.qr_y = int(std::ceil(y_)) + quiet;
    y_ = out_.qr_y + side + quiet;
    return Ok();
  }

  void Finish(double bottom_margin) { out_.height_dots = int(std::ceil(y_ + bottom_margin)); }

 private:
  TicketLayout& out_;
  PangoContext* ctx_;
  double margin_;  // left and right, in dots
  double y_;
};

}  // namespace

TicketLayout::TicketLayout(TicketLayout&& other) noexcept
    : width_dots(other.width_dots),
      height_dots(other.height_dots),
      texts(std::move(other.texts)),
      boxes(std::move(other.boxes)),
      qr_modules(std::move(other.qr_modules)),
      qr_count(other.qr_count),
      qr_x(other.qr_x),
      qr_y(other.qr_y),
      qr_module_dots(other.qr_module_dots) {
  other.texts.clear();
}

TicketLayout::~TicketLayout() {
  for (Text& t : texts)
    if (t.layout) g_object_unref(t.layout);
}

Result<TicketLayout> LayOutTicket(const TicketSlip& slip, int width_dots) {
  TicketLayout out;
  Builder b(out, width_dots);
  b.Paragraph(slip.header, kHeaderPt, true, Dots(2));
  b.Rule(3);
  b.Gap(Dots(3));
  b.Paragraph(slip.area_name, kAreaPt, true, 0);
  b.Gap(Dots(5));
  b.Number(slip.number);
  b.Gap(Dots(5));
  b.Band(slip.priority_label, kPriorityPt);
  if (!slip.priority_label.empty()) b.Gap(Dots(3));
  b.Paragraph(slip.issued_at_text, kBodyPt, false, Dots(1));
  b.Paragraph(slip.ahead_text, kBodyPt, false, Dots(1));
  b.Paragraph(slip.wait_text, kBodyPt, false, Dots(1));
  MOTCUA_TRY(b.Qr(slip.qr_payload));
  if (slip.qr_payload.empty()) b.Gap(Dots(3));
  b.Paragraph(slip.footer, kFooterPt, false, 0);
  b.Finish(Dots(4));
  return out;
}

void DrawTicket(cairo_t* cr, const TicketLayout& layout) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const auto& box : layout.boxes) cairo_rectangle(cr, box.x, box.y, box.w, box.h);
  cairo_fill(cr);
  for (const auto& text : layout.texts) {
    const double c = text.white ? 1 : 0;
    cairo_set_source_rgb(cr, c, c, c);
    cairo_move_to(cr, text.x, text.y);
    pango_cairo_show_layout(cr, text.layout);
  }
  if (layout.qr_count > 0) {
    // Whole-dot squares with no antialiasing: each module is exactly module_dots x module_dots.
    const int n = layout.qr_count, m = layout.qr_module_dots;
    cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_new_path(cr);
    for (int row = 0; row < n; ++row) {
      int col = 0;
      while (col < n) {
        if (layout.qr_modules[std::size_t(row) * n + col] >= 128) {
          ++col;
          continue;
        }
        int end = col;
        while (end < n && layout.qr_modules[std::size_t(row) * n + end] < 128) ++end;
        cairo_rectangle(cr, layout.qr_x + col * m, layout.qr_y + row * m, (end - col) * m, m);
        col = end;
      }
    }
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

}  // namespace motcua::print::internal
