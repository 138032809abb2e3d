// A small page-layout engine over cairo's PDF surface and pango: flowing paragraphs that break
// between lines (never clipping), tables whose rows split across pages with the header repeated,
// kept-together blocks, vector QR codes, and sections with per-section page counts for
// "Trang 1/2" footers. Private to motcua_print: form_pdf.cpp is its only user.
//
// Units: PDF points (1/72 in). Text sizes are absolute points: pango's context resolution is set
// to 72 dpi so that 1 pango unit of size = 1 pt on the PDF surface (stack.md §12.1, the 96-dpi pitfall).
// Coordinates grow right and down from the page's top-left corner.
//
// Text is Pango markup: callers escape every piece of data with Esc() and add <b>, <i>, <span>.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _PangoContext PangoContext;
typedef struct _PangoLayout PangoLayout;

namespace motcua::print::internal {

inline constexpr double kPtPerMm = 72.0 / 25.4;

enum class Align { kLeft, kCenter, kRight, kJustify };

struct TextStyle {
  double size_pt = 9;          // absolute font size in points (default 9)
  Align align = Align::kLeft;  // default left
  bool mono = false;           // the monospace face (dossier codes) instead of the body face
};

struct PageSetup {
  double width_pt = 0;
  double height_pt = 0;
  double margin_left_pt = 0;
  double margin_right_pt = 0;
  double margin_top_pt = 0;
  double margin_bottom_pt = 0;
};

struct Fonts {
  std::string body_family = "Noto Sans";
  std::string mono_family = "DejaVu Sans Mono";
};

struct PdfMetadata {
  std::string title;
  std::string subject;
  std::string create_date;  // "YYYY-MM-DDThh:mm:ss+07:00"; empty = cairo's default (now)
};

struct TableColumn {
  double width_pt = 0;
  Align align = Align::kLeft;
};

// A header cell covering columns [col, col + col_span) and header rows [row, row + row_span).
struct TableHeaderCell {
  std::string markup;
  int col = 0;
  int col_span = 1;
  int row = 0;
  int row_span = 1;
};

struct TableSpec {
  std::vector<TableColumn> columns;     // widths sum to the table width
  std::vector<TableHeaderCell> header;  // empty = no header row
  int header_rows = 1;                  // rows the header cells span in total
  TextStyle header_style{.size_pt = 8, .align = Align::kCenter};
  TextStyle body_style{.size_pt = 8.5};
  double padding_pt = 2.5;     // inside each cell, all four sides
  double line_width_pt = 0.6;  // cell borders
};

// Escapes data for Pango markup and drops C0 control characters other than tab and newline
// (pango rejects them even as character references). Input must be valid UTF-8.
std::string Esc(std::string_view text);

class Canvas {
 public:
  // Draws on every new page before any content; page_in_section counts from 1; section_pages is
  // the section's page count from the measuring pass, 0 during that pass. A decorator may draw and
  // move y() down but must not start pages (no Flow, no Table, no NewPage).
  using Decorator = std::function<void(Canvas&, int page_in_section, int section_pages)>;

  // sink == nullptr lays pages out without drawing (the measuring pass): page breaks depend only
  // on layout metrics, which are the same in both passes.
  Canvas(const PageSetup& page, const Fonts& fonts, std::string* sink, const PdfMetadata& meta,
         std::vector<int> known_section_pages);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  void SetDecorator(Decorator decorator) { decorator_ = std::move(decorator); }

  // Starts a section on a new page (the first call starts page 1).
  void BeginSection();
  void NewPage();

  double page_width() const { return page_.width_pt; }
  double page_height() const { return page_.height_pt; }
  double left() const { return page_.margin_left_pt; }
  double right() const { return page_.width_pt - page_.margin_right_pt; }
  double width() const { return right() - left(); }
  double top() const { return page_.margin_top_pt; }
  double bottom() const { return page_.height_pt - page_.margin_bottom_pt; }
  double y() const { return y_; }
  void set_y(double y) { y_ = y; }
  void Advance(double dy) { y_ += dy; }
  bool AtPageTop() const;

  // Draws `markup` in [x, x + width] from y(), one line at a time, starting a new page whenever
  // the next line would cross bottom(); y() ends just below the last line.
  void Flow(std::string_view markup, const TextStyle& style, double x, double width);
  void Flow(std::string_view markup, const TextStyle& style) { Flow(markup, style, left(), width()); }

  // Height of `markup` laid out at `width`, without drawing.
  double Measure(std::string_view markup, const TextStyle& style, double width);
  // Natural width of one unwrapped line of `markup`.
  double MeasureWidth(std::string_view markup, const TextStyle& style);
  // Draws at a fixed place without page breaks; returns the height used. For running headers,
  // footers and side-by-side blocks already placed with KeepTogether.
  double DrawAt(std::string_view markup, const TextStyle& style, double x, double y, double width);

  // Starts a new page unless `height` fits between y() and bottom().
  void KeepTogether(double height);

  void Line(double x0, double y0, double x1, double y1, double width_pt = 0.6);
  void Rect(double x, double y, double w, double h, double width_pt = 0.6);
  // Dark modules of a QR symbol (gray: modules x modules bytes, 0 = dark) as one filled path of
  // squares, so abutting modules show no seams; (x, y) is the top-left of the symbol proper.
  void QrModules(const std::vector<std::uint8_t>& gray, int modules, double x, double y, double side);

  // Draws a table from y(); rows split between lines across pages and the header repeats on every
  // page the table reaches. Each row holds one markup string per column.
  void Table(const TableSpec& spec, const std::vector<std::vector<std::string>>& rows);

  int page_count() const { return page_count_; }
  const std::vector<int>& section_pages() const { return section_pages_; }

  // Ends the document; with a sink, the PDF bytes are in it. Errors: kUnavailable/"pdf_render_failed".
  Status Finish();

 private:
  PangoLayout* MakeLayout(std::string_view markup, const TextStyle& style, double width);
  double DrawTableHeader(const TableSpec& spec, const std::vector<double>& col_x);
  double MeasureTableHeader(const TableSpec& spec, const std::vector<double>& col_x,
                            std::vector<double>* row_heights);
  void StartPage();
  // The measuring pass lays text out (that fixes every page break) but draws nothing.
  bool drawing() const { return sink_ != nullptr; }

  PageSetup page_;
  Fonts fonts_;
  std::string* sink_;
  std::vector<int> known_section_pages_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* pango_ = nullptr;
  Decorator decorator_;
  double y_ = 0;
  double content_top_ = 0;  // y() right after the decorator ran on this page
  int page_count_ = 0;
  std::vector<int> section_pages_;
  bool finished_ = false;
};

struct PdfBytes {
  std::string bytes;
  int page_count = 0;
};

// The measuring pass alone: how many pages each section of `compose` takes, drawing nothing. Lets
// a form try a denser layout when one does not fit (the receipt's one page per copy). About a
// third of what RenderTwoPass costs for the same compose.
Result<std::vector<int>> MeasureSectionPages(const PageSetup& page, const Fonts& fonts,
                                             const std::function<void(Canvas&)>& compose);

// Runs `compose` twice: once to count each section's pages, then for real with the counts known
// (so footers can say "Trang 1/3"). `compose` must be deterministic.
Result<PdfBytes> RenderTwoPass(const PageSetup& page, const Fonts& fonts, const PdfMetadata& meta,
                               const std::function<void(Canvas&)>& compose);

}  // namespace motcua::print::internal
