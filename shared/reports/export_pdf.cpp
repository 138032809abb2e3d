// The PDF writer of reports/export.h, over the print module's page-layout engine
// (print/internal/pdf_canvas.h: two passes for "Trang x/y", tables split between rows across pages
// with the header repeated, pango at 72 dpi).
#include <algorithm>

#include "print/internal/pdf_canvas.h"
#include "reports/export.h"

namespace motcua::reports {
namespace {

using print::internal::Align;
using print::internal::Canvas;
using print::internal::Esc;
using print::internal::kPtPerMm;
using print::internal::TextStyle;

constexpr double kBody = 8.5;
constexpr double kSmall = 7.5;

print::internal::PageSetup A4() {
  return {210 * kPtPerMm, 297 * kPtPerMm, 14 * kPtPerMm, 14 * kPtPerMm, 14 * kPtPerMm, 16 * kPtPerMm};
}

std::string PdfDate(Instant at) {
  std::string s = FormatLocalMinute(ToLocalVn(at));  // "YYYY-MM-DD HH:MM"
  s[10] = 'T';
  return s + ":00+07:00";
}

std::string Mono(const std::string& text) { return "<span font_family=\"DejaVu Sans Mono\">" + Esc(text) + "</span>"; }

void Heading(Canvas& c, const std::string& text) {
  c.Advance(6);
  c.KeepTogether(c.Measure("<b>" + Esc(text) + "</b>", {.size_pt = 10.5}, c.width()) + 40);
  c.Flow("<b>" + Esc(text) + "</b>", {.size_pt = 10.5});
  c.Advance(3);
}

void DrawParagraph(Canvas& c, const Paragraph& p) {
  if (p.heading) {
    Heading(c, p.text);
    return;
  }
  c.Flow(Esc(p.text), {.size_pt = kBody, .align = Align::kJustify});
  c.Advance(3);
}

void DrawTable(Canvas& c, const Table& t) {
  Heading(c, t.title);
  if (t.rows.empty()) {
    c.Flow("<i>(Không có dòng nào.)</i>", {.size_pt = kBody});
    return;
  }
  double total = 0;
  for (const Column& col : t.columns) total += std::max(0.1, col.width);
  print::internal::TableSpec spec;
  spec.header_style = {.size_pt = kSmall, .align = Align::kCenter};
  spec.body_style = {.size_pt = kSmall};
  spec.padding_pt = 2;
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    const Column& col = t.columns[i];
    spec.columns.push_back({c.width() * std::max(0.1, col.width) / total, col.numeric ? Align::kRight : Align::kLeft});
    spec.header.push_back({"<b>" + Esc(col.header) + "</b>", int(i), 1, 0, 1});
  }
  const std::size_t shown = t.pdf_row_limit && t.rows.size() > t.pdf_row_limit ? t.pdf_row_limit : t.rows.size();
  std::vector<std::vector<std::string>> rows;
  rows.reserve(shown);
  for (std::size_t r = 0; r < shown; ++r) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const std::string& text = i < t.rows[r].size() ? t.rows[r][i].text : std::string();
      cells.push_back(t.columns[i].mono ? Mono(text) : Esc(text));
    }
    rows.push_back(std::move(cells));
  }
  c.Table(spec, rows);
  if (shown < t.rows.size())
    c.Flow("<i>… và " + std::to_string(t.rows.size() - shown) +
               " dòng khác: xem đầy đủ trong tệp XLSX hoặc CSV của báo cáo này.</i>",
           {.size_pt = kSmall});
  if (!t.note.empty()) {
    c.Advance(2);
    c.Flow("<i>" + Esc(t.note) + "</i>", {.size_pt = kSmall, .align = Align::kJustify});
  }
}

void DrawBars(Canvas& c, const BarChart& chart) {
  Heading(c, chart.title);
  const double label_w = c.width() * 0.32, value_w = c.width() * 0.16;
  const double bar_w = c.width() - label_w - value_w - 8;
  const double bar_h = 8;
  for (const Bar& bar : chart.bars) {
    const TextStyle style{.size_pt = kBody};
    const double label_h = c.Measure(Esc(bar.label), style, label_w - 6);
    const double row_h = std::max(bar_h + 4, label_h) + 3;
    c.KeepTogether(row_h);
    const double y = c.y();
    c.DrawAt(Esc(bar.label), style, c.left(), y, label_w - 6);
    const double x = c.left() + label_w;
    const double frac = bar.max > 0 ? std::clamp(bar.value / bar.max, 0.0, 1.0) : 0.0;
    c.Rect(x, y + 1, bar_w, bar_h, 0.4);
    if (frac > 0) c.Line(x, y + 1 + bar_h / 2, x + bar_w * frac, y + 1 + bar_h / 2, bar_h - 2.5);
    c.DrawAt(Esc(bar.value_text), {.size_pt = kBody, .align = Align::kRight}, c.right() - value_w, y, value_w);
    c.set_y(y + row_h);
  }
  if (!chart.note.empty()) c.Flow("<i>" + Esc(chart.note) + "</i>", {.size_pt = kSmall});
}

}  // namespace

Result<std::string> RenderPdf(const Document& d) {
  print::internal::PdfMetadata meta{.title = d.title, .subject = d.subtitle, .create_date = PdfDate(d.created_at)};
  auto compose = [&](Canvas& c) {
    const std::string running = Esc(d.title) + " — " + Esc(d.subtitle);
    c.SetDecorator([running](Canvas& cv, int page, int pages) {
      const std::string footer = "Trang " + std::to_string(page) + (pages > 0 ? "/" + std::to_string(pages) : "");
      cv.DrawAt(footer, {.size_pt = kSmall, .align = Align::kCenter}, cv.left(), cv.bottom() + 0.6 * kSmall * 1.5,
                cv.width());
      if (page > 1) {
        const double h = cv.DrawAt("<i>" + running + "</i>", {.size_pt = kSmall}, cv.left(), cv.top(), cv.width());
        cv.Line(cv.left(), cv.top() + h + 2, cv.right(), cv.top() + h + 2, 0.4);
        cv.set_y(cv.top() + h + 8);
      }
    });
    c.BeginSection();
    c.Flow("<b>" + Esc(d.title) + "</b>", {.size_pt = 14, .align = Align::kCenter});
    if (!d.subtitle.empty()) c.Flow(Esc(d.subtitle), {.size_pt = 10, .align = Align::kCenter});
    if (!d.generated.empty()) c.Flow("<i>" + Esc(d.generated) + "</i>", {.size_pt = kSmall, .align = Align::kRight});
    if (!d.journal_anchor.empty())
      c.Flow("<i>" + Esc(d.journal_anchor) + "</i>", {.size_pt = kSmall, .align = Align::kRight});
    c.Line(c.left(), c.y() + 2, c.right(), c.y() + 2, 0.6);
    c.Advance(6);
    for (const Block& b : d.blocks) {
      if (const Paragraph* p = std::get_if<Paragraph>(&b)) DrawParagraph(c, *p);
      else if (const Table* t = std::get_if<Table>(&b)) {
        if (t->in_pdf) DrawTable(c, *t);
      } else if (const BarChart* chart = std::get_if<BarChart>(&b)) DrawBars(c, *chart);
    }
  };
  auto pdf = print::internal::RenderTwoPass(A4(), {}, meta, compose);
  if (!pdf) return Unavailable("pdf", "pdf_render_failed", pdf.error().detail);
  return std::move(pdf->bytes);
}

}  // namespace motcua::reports
