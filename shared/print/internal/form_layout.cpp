// The one engine that lays out every form template (form_template_format.h) on pdf_canvas.h pages:
// the blocks' geometry (heading, title, lines, items, tables, signatures, notes, the QR block),
// sections, running titles and page numbers, and the choice of density.
#include <algorithm>
#include <map>

#include "print/internal/form_template_format.h"
#include "scan/qr_image.h"

namespace motcua::print::internal {
namespace {

using QrCodes = std::map<std::string, scan::GrayImage, std::less<>>;

// Lays one density of a template out on a canvas.
class Layout {
 public:
  Layout(const FormTemplate& t, const FormData& data, const PdfOptions& options, const Density& dz,
         const QrCodes& qrs, Canvas& c)
      : t_(t), data_(data), options_(options), dz_(dz), z_(dz.sizes), qrs_(qrs), c_(c),
        flags_{nullptr, nullptr, nullptr, &dz.flags}, root_{&data.root(), nullptr, &flags_, nullptr},
        env_{&t, options.code_font, dz.sizes.large} {}

  // One section per item of the template's "sections" list (at least one), each from a new page.
  void Compose() {
    const std::vector<Scope>* items = t_.sections.empty() ? nullptr : Items(root_, t_.sections);
    const std::size_t n = items && !items->empty() ? items->size() : 1;
    for (std::size_t i = 0; i < n; ++i) {
      const Ctx section = items && !items->empty() ? Ctx{&(*items)[i], nullptr, &root_, nullptr} : root_;
      c_.SetDecorator(Chrome(Render(t_.running_title, section)));
      c_.BeginSection();
      Blocks(t_.blocks, section);
    }
  }

 private:
  std::string Render(const Text& text, const Ctx& ctx) const { return RenderText(text, ctx, env_); }
  const std::string& Header(std::string_view name) const { return data_.root().Get(name); }

  // The running title on continuation pages, and the page number in the bottom margin when the
  // section has more than one page (or on every page, with "page_numbers": "always").
  Canvas::Decorator Chrome(std::string running_markup) {
    const double size = z_.small;
    return [this, running_markup, size](Canvas& c, int page, int pages) {
      if (pages > 1 || (t_.always_number && pages > 0)) {
        const PhraseArgs args = {{"page", std::to_string(page)}, {"pages", std::to_string(pages)}};
        const std::string footer = RenderText(t_.page_number, Ctx{nullptr, &args, nullptr, nullptr}, env_);
        c.DrawAt(footer, {.size_pt = size, .align = Align::kCenter}, c.left(), c.bottom() + 0.45 * size, c.width());
      }
      if (page > 1 && !running_markup.empty()) {
        const double h = c.DrawAt("<i>" + running_markup + "</i>", {.size_pt = size}, c.left(), c.top(), c.width());
        c.Line(c.left(), c.top() + h + 2, c.right(), c.top() + h + 2, 0.4);
        c.set_y(c.top() + h + 8);
      }
    };
  }

  void Blocks(const std::vector<Block>& blocks, const Ctx& ctx) {
    for (const Block& b : blocks)
      if (!b.when || Holds(*b.when, ctx)) One(b, ctx);
  }

  void One(const Block& b, const Ctx& ctx) {
    switch (b.kind) {
      case Block::Kind::kHeadingWithMotto: HeadingWithMotto(); break;
      case Block::Kind::kHeadingIssuerOnly: HeadingIssuerOnly(); break;
      case Block::Kind::kTitle: {
        c_.Flow("<b>" + Render(b.text, ctx) + "</b>", {.size_pt = z_.title, .align = Align::kCenter});
        const std::string sub = Render(b.subtitle, ctx);
        if (!sub.empty()) c_.Flow("<i>" + sub + "</i>", {.size_pt = z_.title * 0.8, .align = Align::kCenter});
        c_.Advance(z_.title * 0.6 * dz_.spacing);
        break;
      }
      case Block::Kind::kLine:
        c_.Flow(Render(b.text, ctx), {.size_pt = z_.body});
        c_.Advance(z_.body * 0.1);
        break;
      case Block::Kind::kParagraph:
        c_.Flow(Render(b.text, ctx), {.size_pt = b.size.In(z_), .align = b.align});
        break;
      case Block::Kind::kSpace: c_.Advance(z_.body * b.amount * dz_.spacing); break;
      case Block::Kind::kSpacePt: c_.Advance(b.amount); break;
      case Block::Kind::kItem:
        Item(Render(b.marker, ctx), Render(b.text, ctx), {.size_pt = b.size.In(z_), .align = b.align}, b.indent_pt,
             b.hang_pt);
        break;
      case Block::Kind::kEach:
        if (const std::vector<Scope>* items = Items(ctx, b.list))
          for (const Scope& item : *items) Blocks(b.blocks, Ctx{&item, nullptr, &ctx, nullptr});
        break;
      case Block::Kind::kGroup: Blocks(b.blocks, ctx); break;
      case Block::Kind::kTable: Table(b.table, ctx); break;
      case Block::Kind::kSignatures: Signatures(b, ctx); break;
      case Block::Kind::kNotes: Notes(b, ctx); break;
      case Block::Kind::kQrCode: QrBlock(b, ctx); break;
    }
  }

  // The heading of every administrative document: issuing body on the left (parent bodies in
  // regular type, the issuing body itself in bold, a short rule under it; LEGAL: NĐ 30/2020/NĐ-CP,
  // Phụ lục I), the national motto on the right with a rule as long as its last line, then the
  // number (left) and the place and date (right, italic).
  void HeadingWithMotto() {
    Canvas& c = c_;
    const double size = z_.header;
    const TextStyle center{.size_pt = size, .align = Align::kCenter};
    std::string right;
    double widest = 0, last = 0;
    for (const std::string& m : t_.motto) {
      const std::string line = "<b>" + m + "</b>";
      right += (right.empty() ? "" : "\n") + line;
      last = c.MeasureWidth(line, center);
      widest = std::max(widest, last);
    }
    const double gap = 4;
    const double right_w = std::clamp(widest + 4, c.width() * 0.5, c.width() * 0.62);
    const double left_w = c.width() - right_w - gap;
    const double x_right = c.right() - right_w;
    const double y0 = c.y();

    std::vector<std::string> lines;
    for (const char* name : {"header.governing_body", "header.agency", "header.unit"})
      if (!Header(name).empty()) lines.push_back(Esc(Header(name)));
    std::string left;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i) left += "\n";
      left += i + 1 == lines.size() ? "<b>" + lines[i] + "</b>" : lines[i];
    }
    double left_h = 0;
    if (!left.empty()) {
      left_h = c.DrawAt(left, center, c.left(), y0, left_w);
      const double rule = std::min(left_w / 3, 60.0);
      const double cx = c.left() + left_w / 2;
      c.Line(cx - rule / 2, y0 + left_h + 2.5, cx + rule / 2, y0 + left_h + 2.5, 0.5);
    }
    const double right_h = c.DrawAt(right, center, x_right, y0, right_w);
    const double cxr = x_right + right_w / 2;
    c.Line(cxr - last / 2, y0 + right_h + 1.5, cxr + last / 2, y0 + right_h + 1.5, 0.5);

    const double y1 = y0 + std::max(left_h, right_h) + 6;
    double number_h = 0;
    if (!Header("header.document_number").empty())
      number_h = c.DrawAt(Esc(Header("header.document_number")), center, c.left(), y1, left_w);
    const double date_h = c.DrawAt("<i>" + Esc(Header("header.date")) + "</i>", center, x_right, y1, right_w);
    c.set_y(y1 + std::max(number_h, date_h) + size * 0.9);
  }

  // The heading of a register (the tracking book): only the issuing body, no motto.
  void HeadingIssuerOnly() {
    Canvas& c = c_;
    const std::string& governing = Header("header.governing_body");
    const std::string& agency = Header("header.agency");
    const std::string& unit = Header("header.unit");
    std::string left;
    if (!governing.empty()) left += Esc(governing) + "\n";
    if (!agency.empty()) left += (unit.empty() ? "<b>" + Esc(agency) + "</b>" : Esc(agency)) + "\n";
    if (!unit.empty()) left += "<b>" + Esc(unit) + "</b>\n";
    if (left.empty()) return;
    left.pop_back();
    const double w = c.width() * 0.4;
    const double h = c.DrawAt(left, {.size_pt = z_.header, .align = Align::kCenter}, c.left(), c.y(), w);
    c.Line(c.left() + w / 2 - 30, c.y() + h + 1.5, c.left() + w / 2 + 30, c.y() + h + 1.5, 0.5);
    c.Advance(h + 6);
  }

  // A numbered or bulleted entry with a hanging indent: the marker at `indent`, the text at
  // indent + hang. The first line is kept with its marker.
  void Item(const std::string& marker, const std::string& text, const TextStyle& style, double indent, double hang) {
    c_.KeepTogether(c_.Measure("Ấy", style, 100));
    c_.DrawAt(marker, style, c_.left() + indent, c_.y(), hang);
    c_.Flow(text, style, c_.left() + indent + hang, c_.width() - indent - hang);
  }

  // Signature columns, never split across pages. One signer sits in the right half, as on
  // Vietnamese administrative documents; two or more share the width.
  void Signatures(const Block& b, const Ctx& ctx) {
    Canvas& c = c_;
    const double size = z_.body;
    const double sign_space = dz_.sign_space_pt.value_or(b.sign_space_pt);
    const TextStyle center{.size_pt = size, .align = Align::kCenter};
    const double col_w = b.signers.size() == 1 ? c.width() / 2 : c.width() / double(b.signers.size());
    struct Shown {
      std::string top, name;
    };
    std::vector<Shown> shown;
    double block_h = 0;
    for (const Signer& s : b.signers) {
      Shown one{"<b>" + Render(s.title, ctx) + "</b>\n<i>" + Render(s.hint, ctx) + "</i>", Render(s.name, ctx)};
      if (!one.name.empty()) one.name = "<b>" + one.name + "</b>";
      double h = c.Measure(one.top, center, col_w) + sign_space;
      if (!one.name.empty()) h += c.Measure(one.name, center, col_w);
      block_h = std::max(block_h, h);
      shown.push_back(std::move(one));
    }
    c.Advance(size * 0.6 * dz_.spacing);
    c.KeepTogether(block_h);
    const double y0 = c.y();
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const double x = shown.size() == 1 ? c.left() + col_w : c.left() + col_w * double(i);
      const double h = c.DrawAt(shown[i].top, center, x, y0, col_w);
      if (!shown[i].name.empty()) c.DrawAt(shown[i].name, center, x, y0 + h + sign_space, col_w);
    }
    c.set_y(y0 + block_h + size * 0.6 * dz_.spacing);
  }

  void Notes(const Block& b, const Ctx& ctx) {
    const std::vector<Scope>* items = Items(ctx, b.list);
    if (!items || items->empty()) return;
    const double size = z_.small;
    const TextStyle style{.size_pt = size, .align = Align::kJustify};
    c_.Advance(size * 0.3);
    const std::string label = Render(b.text, ctx);
    if (!label.empty()) c_.Flow("<b><i>" + label + "</i></b>", style);
    for (const Scope& note : *items) {
      const Ctx item{&note, nullptr, &ctx, nullptr};
      Item(Render(b.marker, item), "<i>" + Esc(note.Get("text")) + "</i>", style, 0, size * 0.9);
    }
  }

  // The text (the dossier code, large and copyable) beside the QR symbol, with the caption under the
  // text; both vertically centred on the symbol. No QR (an empty value): the text alone, full width.
  void QrBlock(const Block& b, const Ctx& ctx) {
    Canvas& c = c_;
    const auto it = qrs_.find(b.value);
    const scan::GrayImage* qr = it != qrs_.end() ? &it->second : nullptr;
    const double qr_side = qr ? std::max(options_.qr_side_mm, qr->width * options_.qr_min_module_mm) * kPtPerMm : 0;
    const TextStyle body{.size_pt = z_.body};
    const double quiet = qr ? 4 * qr_side / qr->width : 0;
    const double text_w = qr ? c.width() - qr_side - quiet - 4 : c.width();
    const std::string text = Render(b.text, ctx);
    const std::string caption = qr ? Render(b.caption, ctx) : "";
    const std::string hint = caption.empty() ? "" : "<i>" + caption + "</i>";
    const TextStyle hint_style{.size_pt = z_.small};
    const double text_h = c.Measure(text, body, text_w);
    const double hint_h = hint.empty() ? 0 : c.Measure(hint, hint_style, text_w) + 2;
    const double block_h = std::max(text_h + hint_h, qr_side);
    c.KeepTogether(block_h + 2);
    const double y0 = c.y();
    const double text_y = y0 + (block_h - text_h - hint_h) / 2;
    c.DrawAt(text, body, c.left(), text_y, text_w);
    if (!hint.empty()) c.DrawAt(hint, hint_style, c.left(), text_y + text_h + 2, text_w);
    if (qr) c.QrModules(qr->pixels, qr->width, c.right() - qr_side, y0, qr_side);
    c.set_y(y0 + block_h + z_.body * 0.6 * dz_.spacing);
  }

  void Table(const TableBlock& t, const Ctx& ctx) {
    Canvas& c = c_;
    TableSpec spec;
    spec.header_style.size_pt = t.header_size.In(z_);
    spec.body_style.size_pt = t.size.In(z_);
    for (const HeaderCell& h : t.header)
      spec.header.push_back({Render(h.text, ctx), h.col, h.col_span, h.row, h.row_span});
    if (t.header_rows > 0) spec.header_rows = t.header_rows;
    std::vector<std::vector<std::string>> rows;
    for (const RowGroup& g : t.rows) {
      const std::vector<Scope>* items = Items(ctx, g.list);
      if (!items) continue;
      for (const Scope& item : *items) {
        const Ctx row_ctx{&item, nullptr, &ctx, nullptr};
        std::vector<std::string>& row = rows.emplace_back();
        for (const Text& cell : g.cells) row.push_back(Render(cell, row_ctx));
      }
    }
    // Column widths: fixed as given, fitted to their widest cell (codes and parcel numbers stay on
    // one line; past the maximum they wrap between characters), the rest shared by weight.
    std::vector<double> width(t.columns.size(), 0.0);
    double fixed = 0, shares = 0;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      const Column& col = t.columns[i];
      if (col.fit) {
        double w = 0;
        for (const std::vector<std::string>& row : rows) w = std::max(w, c.MeasureWidth(row[i], spec.body_style));
        if (col.fit_header)
          for (const TableHeaderCell& h : spec.header)
            if (h.col == int(i) && h.col_span == 1) w = std::max(w, c.MeasureWidth(h.markup, spec.body_style));
        width[i] = std::clamp(w + 2 * spec.padding_pt + 1, col.fit_min_pt, col.fit_max_pt);
      } else {
        width[i] = col.width_pt;
      }
      (width[i] > 0 ? fixed += width[i] : shares += col.share);
    }
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      spec.columns.push_back({width[i] > 0 ? width[i] : std::max(0.0, c.width() - fixed) * t.columns[i].share / shares,
                              t.columns[i].align});
    c.Table(spec, rows);
  }

  const FormTemplate& t_;
  const FormData& data_;
  const PdfOptions& options_;
  const Density& dz_;
  const TypeSizes& z_;
  const QrCodes& qrs_;
  Canvas& c_;
  const Ctx flags_;
  const Ctx root_;
  const TextEnv env_;
};

// The QR symbols the template's qr_code blocks show, as module bitmaps (one byte per module).
Status EncodeQrCodes(const std::vector<Block>& blocks, const FormData& data, QrCodes& out) {
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::kQrCode && !out.count(b.value)) {
      const std::string& text = data.root().Get(b.value);
      if (text.empty()) continue;
      auto encoded = scan::EncodeQr(text, {.module_px = 1, .quiet_zone_modules = 0});
      if (!encoded) {
        Error e = encoded.error();
        const Scope::Value* v = data.root().Find(b.value);
        e.field = v ? v->field : b.value;
        return e;
      }
      out.emplace(b.value, std::move(*encoded));
    }
    MOTCUA_TRY(EncodeQrCodes(b.blocks, data, out));
  }
  return Ok();
}

}  // namespace

Result<PdfDocument> RenderForm(const FormTemplate& t, const FormData& data, const PdfOptions& options) {
  MOTCUA_ASSERT(!t.densities.empty(), "a loaded template has at least one density");
  QrCodes qrs;
  MOTCUA_TRY(EncodeQrCodes(t.blocks, data, qrs));
  const Fonts fonts{.body_family = options.body_font, .mono_family = options.code_font};
  auto compose_at = [&](const Density& dz) {
    return [&t, &data, &options, &qrs, &dz](Canvas& c) { Layout(t, data, options, dz, qrs, c).Compose(); };
  };
  const Ctx root{&data.root(), nullptr, nullptr, nullptr};
  const TextEnv env{&t, options.code_font, t.densities[0].sizes.large};
  const PdfMetadata meta{.title = RenderText(t.pdf_title, root, env, false),
                         .subject = RenderText(t.pdf_subject, root, env, false),
                         .create_date = data.pdf_date};
  std::size_t sections = 1;
  if (!t.sections.empty())
    if (const std::vector<Scope>* items = Items(root, t.sections)) sections = std::max<std::size_t>(1, items->size());

  // The first density is the form's own; the others are tried, in order, only when a section does
  // not fit one page with it (the receipt: one page per copy). The first with which every section
  // fits wins; if none fits, the one that needs the fewest pages.
  MOTCUA_ASSIGN_OR_RETURN(PdfBytes first, RenderTwoPass(t.page, fonts, meta, compose_at(t.densities[0])));
  if (first.page_count <= int(sections) || t.densities.size() == 1)
    return PdfDocument{std::move(first.bytes), first.page_count};
  std::size_t best = 0;
  int best_pages = first.page_count;
  for (std::size_t i = 1; i < t.densities.size(); ++i) {
    MOTCUA_ASSIGN_OR_RETURN(std::vector<int> counts, MeasureSectionPages(t.page, fonts, compose_at(t.densities[i])));
    int pages = 0;
    for (int n : counts) pages += n;
    if (pages < best_pages) {
      best = i;
      best_pages = pages;
    }
    if (pages <= int(sections)) break;
  }
  if (best == 0) return PdfDocument{std::move(first.bytes), first.page_count};
  MOTCUA_ASSIGN_OR_RETURN(PdfBytes pdf, RenderTwoPass(t.page, fonts, meta, compose_at(t.densities[best])));
  return PdfDocument{std::move(pdf.bytes), pdf.page_count};
}

}  // namespace motcua::print::internal
