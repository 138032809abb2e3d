#include "print/internal/pdf_canvas.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

#include "common/result.h"

namespace motcua::print::internal {
namespace {

// Slack for floating-point comparisons of positions, in points.
constexpr double kEpsPt = 0.01;

double FromPango(int units) { return double(units) / PANGO_SCALE; }

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  if (closure) static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PangoAlignment ToPango(Align a) {
  switch (a) {
    case Align::kCenter: return PANGO_ALIGN_CENTER;
    case Align::kRight: return PANGO_ALIGN_RIGHT;
    default: return PANGO_ALIGN_LEFT;
  }
}

// One laid-out line, in the layout's own coordinates (points).
struct LineBox {
  PangoLayoutLine* line;  // owned by the layout
  double x;               // left of the logical rectangle (includes alignment offset)
  double top;
  double height;
  double baseline;        // from the layout's top
};

std::vector<LineBox> Lines(PangoLayout* layout) {
  std::vector<LineBox> out;
  PangoLayoutIter* it = pango_layout_get_iter(layout);
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    out.push_back({pango_layout_iter_get_line_readonly(it), FromPango(logical.x), FromPango(logical.y),
                   FromPango(logical.height), FromPango(pango_layout_iter_get_baseline(it))});
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  return out;
}

}  // namespace

std::string Esc(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t') continue;
    if (u == 0x7f) continue;
    clean += c;
  }
  gchar* escaped = g_markup_escape_text(clean.data(), gssize(clean.size()));
  std::string out(escaped);
  g_free(escaped);
  return out;
}

Canvas::Canvas(const PageSetup& page, const Fonts& fonts, std::string* sink, const PdfMetadata& meta,
               std::vector<int> known_section_pages)
    : page_(page), fonts_(fonts), sink_(sink), known_section_pages_(std::move(known_section_pages)) {
  surface_ = cairo_pdf_surface_create_for_stream(AppendToString, sink_, page_.width_pt, page_.height_pt);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "motcua");
  if (!meta.title.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  if (!meta.subject.empty())
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  if (!meta.create_date.empty())
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, meta.create_date.c_str());
  cr_ = cairo_create(surface_);

  // Glyph positions must not depend on hinting: the measuring pass and the drawing pass, and the
  // PDF and a later raster rendering, all see the same metrics.
  pango_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(pango_, options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(pango_, 72);  // 1 pt per unit (stack.md §12.1)
  pango_cairo_update_context(cr_, pango_);
  y_ = content_top_ = top();
}

Canvas::~Canvas() {
  if (pango_) g_object_unref(pango_);
  if (cr_) cairo_destroy(cr_);
  if (surface_) {
    if (!finished_) cairo_surface_finish(surface_);
    cairo_surface_destroy(surface_);
  }
}

bool Canvas::AtPageTop() const { return y_ <= content_top_ + kEpsPt; }

void Canvas::StartPage() {
  ++page_count_;
  if (section_pages_.empty()) section_pages_.push_back(0);
  const int section = int(section_pages_.size()) - 1;
  const int in_section = ++section_pages_.back();
  y_ = top();
  if (decorator_) {
    const int known = section < int(known_section_pages_.size()) ? known_section_pages_[section] : 0;
    decorator_(*this, in_section, known);
  }
  content_top_ = y_;
}

void Canvas::BeginSection() {
  if (page_count_ > 0) cairo_show_page(cr_);
  section_pages_.push_back(0);
  StartPage();
}

void Canvas::NewPage() {
  if (page_count_ > 0) cairo_show_page(cr_);
  StartPage();
}

PangoLayout* Canvas::MakeLayout(std::string_view markup, const TextStyle& style, double width) {
  PangoLayout* layout = pango_layout_new(pango_);
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, style.mono ? fonts_.mono_family.c_str() : fonts_.body_family.c_str());
  pango_font_description_set_absolute_size(desc, style.size_pt * PANGO_SCALE);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  if (width > 0) {
    pango_layout_set_width(layout, int(std::floor(width * PANGO_SCALE)));
    // Words first; a code with no spaces longer than the column still breaks between characters.
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(layout, ToPango(style.align));
  pango_layout_set_justify(layout, style.align == Align::kJustify);
  // Pango 1.44+ draws a hyphen where it breaks inside a word; in a dossier code or a parcel number
  // that would print a character that is not there, so breaks stay invisible.
  const std::string text = "<span insert_hyphens=\"false\">" + std::string(markup) + "</span>";
  pango_layout_set_markup(layout, text.c_str(), int(text.size()));
  return layout;
}

void Canvas::Flow(std::string_view markup, const TextStyle& style, double x, double width) {
  if (page_count_ == 0) BeginSection();
  PangoLayout* layout = MakeLayout(markup, style, width);
  for (const LineBox& line : Lines(layout)) {
    // A line taller than a whole page (impossible at form sizes) is drawn at the top anyway
    // rather than looping.
    if (y_ + line.height > bottom() + kEpsPt && !AtPageTop()) NewPage();
    if (drawing()) {
      cairo_move_to(cr_, x + line.x, y_ + line.baseline - line.top);
      pango_cairo_show_layout_line(cr_, line.line);
    }
    y_ += line.height;
  }
  g_object_unref(layout);
}

double Canvas::Measure(std::string_view markup, const TextStyle& style, double width) {
  PangoLayout* layout = MakeLayout(markup, style, width);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  g_object_unref(layout);
  return FromPango(h);
}

double Canvas::MeasureWidth(std::string_view markup, const TextStyle& style) {
  PangoLayout* layout = MakeLayout(markup, style, -1);
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  g_object_unref(layout);
  return FromPango(w);
}

double Canvas::DrawAt(std::string_view markup, const TextStyle& style, double x, double y, double width) {
  if (page_count_ == 0) BeginSection();
  PangoLayout* layout = MakeLayout(markup, style, width);
  if (drawing()) {
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout);
  }
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  g_object_unref(layout);
  return FromPango(h);
}

void Canvas::KeepTogether(double height) {
  if (page_count_ == 0) BeginSection();
  if (y_ + height > bottom() + kEpsPt && !AtPageTop()) NewPage();
}

void Canvas::Line(double x0, double y0, double x1, double y1, double width_pt) {
  if (!drawing()) return;
  cairo_save(cr_);
  cairo_set_line_width(cr_, width_pt);
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_move_to(cr_, x0, y0);
  cairo_line_to(cr_, x1, y1);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

void Canvas::Rect(double x, double y, double w, double h, double width_pt) {
  if (!drawing()) return;
  cairo_save(cr_);
  cairo_set_line_width(cr_, width_pt);
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

void Canvas::QrModules(const std::vector<std::uint8_t>& gray, int modules, double x, double y, double side) {
  MOTCUA_ASSERT(gray.size() == std::size_t(modules) * std::size_t(modules), "QR bitmap must be modules^2 bytes");
  const double m = side / modules;
  if (!drawing()) return;
  cairo_save(cr_);
  cairo_new_path(cr_);
  for (int row = 0; row < modules; ++row) {
    int col = 0;
    while (col < modules) {
      if (gray[std::size_t(row) * modules + col] >= 128) { ++col; continue; }
      int end = col;
      while (end < modules && gray[std::size_t(row) * modules + end] < 128) ++end;
      // Every rectangle winds the same way, so the single nonzero fill is their union.
      cairo_rectangle(cr_, x + col * m, y + row * m, (end - col) * m, m);
      col = end;
    }
  }
  cairo_set_source_rgb(cr_, 0, 0, 0);
  cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr_);
  cairo_restore(cr_);
}

double Canvas::MeasureTableHeader(const TableSpec& spec, const std::vector<double>& col_x,
                                  std::vector<double>* row_heights) {
  std::vector<double> h(std::max(spec.header_rows, 1), 0.0);
  const double pad2 = 2 * spec.padding_pt;
  auto cell_width = [&](const TableHeaderCell& c) { return col_x[c.col + c.col_span] - col_x[c.col]; };
  for (const auto& c : spec.header)
    if (c.row_span == 1)
      h[c.row] = std::max(h[c.row], Measure(c.markup, spec.header_style, cell_width(c) - pad2) + pad2);
  // A cell spanning rows grows the last row it covers if the rows it spans are too short.
  for (const auto& c : spec.header) {
    if (c.row_span == 1) continue;
    const double need = Measure(c.markup, spec.header_style, cell_width(c) - pad2) + pad2;
    double have = 0;
    for (int r = c.row; r < c.row + c.row_span; ++r) have += h[r];
    if (need > have) h[c.row + c.row_span - 1] += need - have;
  }
  if (row_heights) *row_heights = h;
  double total = 0;
  for (double v : h) total += v;
  return total;
}

double Canvas::DrawTableHeader(const TableSpec& spec, const std::vector<double>& col_x) {
  std::vector<double> h;
  const double total = MeasureTableHeader(spec, col_x, &h);
  std::vector<double> row_y(h.size() + 1, y_);
  for (std::size_t r = 0; r < h.size(); ++r) row_y[r + 1] = row_y[r] + h[r];
  for (const auto& c : spec.header) {
    const double x0 = col_x[c.col], x1 = col_x[c.col + c.col_span];
    const double y0 = row_y[c.row], y1 = row_y[c.row + c.row_span];
    const double text_w = x1 - x0 - 2 * spec.padding_pt;
    const double text_h = Measure(c.markup, spec.header_style, text_w);
    DrawAt(c.markup, spec.header_style, x0 + spec.padding_pt, y0 + (y1 - y0 - text_h) / 2, text_w);
    Rect(x0, y0, x1 - x0, y1 - y0, spec.line_width_pt);
  }
  y_ += total;
  return total;
}

void Canvas::Table(const TableSpec& spec, const std::vector<std::vector<std::string>>& rows) {
  if (page_count_ == 0) BeginSection();
  std::vector<double> col_x{left()};
  for (const auto& c : spec.columns) col_x.push_back(col_x.back() + c.width_pt);
  const double pad = spec.padding_pt;
  const bool has_header = !spec.header.empty();
  const double header_h = has_header ? MeasureTableHeader(spec, col_x, nullptr) : 0;
  auto new_page_with_header = [&] {
    NewPage();
    if (has_header) DrawTableHeader(spec, col_x);
  };

  // The header never sits alone at the foot of a page: it needs one body line below it.
  const double min_row = Measure("X", spec.body_style, 100) + 2 * pad;
  KeepTogether(header_h + min_row);
  if (has_header) DrawTableHeader(spec, col_x);

  for (const auto& row : rows) {
    MOTCUA_ASSERT(row.size() == spec.columns.size(), "table row needs one cell per column");
    std::vector<PangoLayout*> layouts;
    std::vector<std::vector<LineBox>> lines;
    double row_h = 0;
    for (std::size_t c = 0; c < row.size(); ++c) {
      TextStyle style = spec.body_style;
      style.align = spec.columns[c].align;
      layouts.push_back(MakeLayout(row[c], style, spec.columns[c].width_pt - 2 * pad));
      lines.push_back(Lines(layouts.back()));
      double h = 0;
      for (const auto& l : lines.back()) h += l.height;
      row_h = std::max(row_h, h);
    }
    std::vector<std::size_t> next(row.size(), 0);
    bool first_chunk = true;
    for (;;) {
      const double avail = bottom() - y_ - 2 * pad;
      const bool fresh = y_ <= content_top_ + header_h + kEpsPt;
      // Keep a row whole when it fits on a fresh page; split only rows taller than a page.
      if (first_chunk && !fresh && row_h + 2 * pad <= bottom() - content_top_ - header_h &&
          row_h > avail + kEpsPt) {
        new_page_with_header();
        continue;
      }
      // Take, per cell, the lines that fit; at least one line somewhere or move on a page.
      std::vector<std::size_t> take_end(row.size());
      double chunk_h = 0;
      bool any = false, remaining = false;
      for (std::size_t c = 0; c < row.size(); ++c) {
        double h = 0;
        std::size_t i = next[c];
        while (i < lines[c].size() && h + lines[c][i].height <= avail + kEpsPt) h += lines[c][i++].height;
        take_end[c] = i;
        any = any || i > next[c];
        remaining = remaining || i < lines[c].size();
        chunk_h = std::max(chunk_h, h);
      }
      if (!any && remaining) {
        if (fresh) {
          // Not even one line fits on an empty page: draw one line per cell anyway.
          for (std::size_t c = 0; c < row.size(); ++c)
            if (next[c] < lines[c].size()) {
              take_end[c] = next[c] + 1;
              chunk_h = std::max(chunk_h, lines[c][next[c]].height);
            }
        } else {
          new_page_with_header();
          continue;
        }
      }
      for (std::size_t c = 0; c < row.size(); ++c) {
        double ly = y_ + pad;
        const double x = col_x[c] + pad;
        for (std::size_t i = next[c]; i < take_end[c] && drawing(); ++i) {
          const LineBox& l = lines[c][i];
          cairo_move_to(cr_, x + l.x, ly + l.baseline - l.top);
          pango_cairo_show_layout_line(cr_, l.line);
          ly += l.height;
        }
        next[c] = take_end[c];
        Rect(col_x[c], y_, col_x[c + 1] - col_x[c], chunk_h + 2 * pad, spec.line_width_pt);
      }
      y_ += chunk_h + 2 * pad;
      first_chunk = false;
      bool done = true;
      for (std::size_t c = 0; c < row.size(); ++c) done = done && next[c] >= lines[c].size();
      if (done) break;
      new_page_with_header();
    }
    for (PangoLayout* l : layouts) g_object_unref(l);
  }
}

Status Canvas::Finish() {
  if (page_count_ == 0) BeginSection();  // an empty document still has one page
  cairo_surface_finish(surface_);
  finished_ = true;
  const cairo_status_t status = cairo_surface_status(surface_);
  if (status != CAIRO_STATUS_SUCCESS)
    return Unavailable("pdf", "pdf_render_failed", std::string("cairo: ") + cairo_status_to_string(status));
  return Ok();
}

Result<std::vector<int>> MeasureSectionPages(const PageSetup& page, const Fonts& fonts,
                                             const std::function<void(Canvas&)>& compose) {
  Canvas measure(page, fonts, nullptr, {}, {});
  compose(measure);
  MOTCUA_TRY(measure.Finish());
  return measure.section_pages();
}

Result<PdfBytes> RenderTwoPass(const PageSetup& page, const Fonts& fonts, const PdfMetadata& meta,
                               const std::function<void(Canvas&)>& compose) {
  MOTCUA_ASSIGN_OR_RETURN(std::vector<int> counts, MeasureSectionPages(page, fonts, compose));
  PdfBytes out;
  Canvas canvas(page, fonts, &out.bytes, meta, counts);
  compose(canvas);
  MOTCUA_TRY(canvas.Finish());
  out.page_count = canvas.page_count();
  MOTCUA_ASSERT(canvas.section_pages() == counts, "form composition must be deterministic across passes");
  return out;
}

}  // namespace motcua::print::internal
