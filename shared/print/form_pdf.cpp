#include "print/form_pdf.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

#include "common/text.h"
#include "print/internal/pdf_canvas.h"
#include "scan/qr_image.h"

namespace motcua::print {
namespace {

using internal::Align;
using internal::Canvas;
using internal::Esc;
using internal::TextStyle;

constexpr double kMm = internal::kPtPerMm;

internal::PageSetup A5Portrait() { return {148 * kMm, 210 * kMm, 15 * kMm, 10 * kMm, 8 * kMm, 10 * kMm}; }
internal::PageSetup A4Portrait() { return {210 * kMm, 297 * kMm, 25 * kMm, 15 * kMm, 15 * kMm, 15 * kMm}; }
internal::PageSetup A4Landscape() { return {297 * kMm, 210 * kMm, 12 * kMm, 10 * kMm, 10 * kMm, 12 * kMm}; }

// Font sizes in points for one paper size.
struct Sizes {
  double header;  // the two-column heading
  double title;
  double body;
  double small;   // notes, hints, footers
  double code;    // the dossier code on the receipt
  double table;
};
constexpr Sizes kA5Sizes{7.5, 10.5, 8.5, 7, 12.5, 7.5};
constexpr Sizes kA4Sizes{10, 13.5, 11, 9, 13, 9.5};
constexpr Sizes kBookSizes{9, 13, 9.5, 8, 10, 7.5};

// Room for handwriting where a value is missing.
const std::string kDots = "…………………………………………";
const std::string kShortDots = "……………";

std::string OrDots(const std::string& value) { return value.empty() ? kDots : Esc(value); }
std::string Bold(const std::string& value) { return value.empty() ? kDots : "<b>" + Esc(value) + "</b>"; }
std::string Two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}
std::string TimeOrDots(const std::optional<Instant>& at) {
  return at ? FormatVnDateTime(*at) : "…… giờ …… phút, ngày …… tháng …… năm ……";
}
std::string PdfDate(Instant at) {
  std::string s = FormatLocalMinute(ToLocalVn(at));  // "YYYY-MM-DD HH:MM"
  s[10] = 'T';
  return s + ":00+07:00";
}
std::string PdfDate(const FormHeader& h) {
  return h.dated_on ? FormatLocalDate(*h.dated_on) + "T00:00:00+07:00" : std::string();
}

// Width of a column that must show each of `cells` on one line (codes, parcel numbers), within
// [min_pt, max_pt]; beyond max_pt the cell wraps between characters (never with a hyphen).
double FitColumn(Canvas& c, const std::vector<std::string>& cells, const TextStyle& style, double pad_pt,
                 double min_pt, double max_pt) {
  double w = 0;
  for (const std::string& cell : cells) w = std::max(w, c.MeasureWidth(cell, style));
  return std::clamp(w + 2 * pad_pt + 1, min_pt, max_pt);
}

// Column widths: the fixed ones as given (> 0), the others share what is left by weight.
std::vector<internal::TableColumn> Columns(double total_pt, const std::vector<double>& fixed_pt,
                                           const std::vector<double>& weights, const std::vector<Align>& align) {
  double fixed = 0, weight = 0;
  for (std::size_t i = 0; i < fixed_pt.size(); ++i) (fixed_pt[i] > 0 ? fixed += fixed_pt[i] : weight += weights[i]);
  std::vector<internal::TableColumn> out;
  for (std::size_t i = 0; i < fixed_pt.size(); ++i)
    out.push_back({fixed_pt[i] > 0 ? fixed_pt[i] : (total_pt - fixed) * weights[i] / weight, align[i]});
  return out;
}

// ---- Input checks: UTF-8, NFC, required fields -------------------------------------------------

class Cleaner {
 public:
  void Text(std::string& s, const std::string& field) {
    if (error_) return;
    if (!IsValidUtf8(s)) {
      error_ = Invalid(field, "bad_utf8", field + " is not valid UTF-8");
      return;
    }
    s = NormalizeNfc(s);
  }
  void Texts(std::vector<std::string>& list, const std::string& field) {
    for (std::size_t i = 0; i < list.size(); ++i) Text(list[i], field + "[" + std::to_string(i) + "]");
  }
  void Required(const std::string& s, const std::string& field) {
    if (!error_ && Trim(s).empty()) error_ = Invalid(field, "required", field + " must not be empty");
  }
  void Required(const std::optional<Instant>& at, const std::string& field) {
    if (!error_ && !at) error_ = Invalid(field, "required", field + " must be set");
  }
  void AtLeast(int value, int min, const std::string& field) {
    if (!error_ && value < min)
      error_ = Invalid(field, "out_of_range",
                       field + " must be at least " + std::to_string(min) + ", got " + std::to_string(value));
  }
  void NonEmptyList(std::size_t n, const std::string& field) {
    if (!error_ && n == 0) error_ = Invalid(field, "required", field + " must list at least one entry");
  }
  void Header(FormHeader& h) {
    Text(h.governing_body, "header.governing_body");
    Text(h.agency, "header.agency");
    Text(h.unit, "header.unit");
    Text(h.document_number, "header.document_number");
    Text(h.place, "header.place");
  }
  void Person(Applicant& a, const std::string& p) {
    Text(a.name, p + ".name");
    Text(a.id_number, p + ".id_number");
    Text(a.address, p + ".address");
    Text(a.phone, p + ".phone");
    Text(a.email, p + ".email");
  }
  void Components(std::vector<ComponentLine>& list, const std::string& p) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string f = p + "[" + std::to_string(i) + "]";
      ComponentLine& c = list[i];
      Text(c.name, f + ".name");
      Text(c.reused_from, f + ".reused_from");
      Text(c.note, f + ".note");
      Required(c.name, f + ".name");
      AtLeast(c.originals, 0, f + ".originals");
      AtLeast(c.certified_copies, 0, f + ".certified_copies");
      AtLeast(c.copies, 0, f + ".copies");
    }
  }
  Status status() const { return error_ ? Status(*error_) : Ok(); }

 private:
  std::optional<Error> error_;
};

// ---- Building blocks --------------------------------------------------------------------------

// Running title on continuation pages and "Trang n/N" in the bottom margin when a section has more
// than one page (or always, for the book).
Canvas::Decorator Chrome(std::string running_markup, double size, bool always_number) {
  return [running_markup, size, always_number](Canvas& c, int page, int pages) {
    if (pages > 1 || (always_number && pages > 0)) {
      const std::string footer = "Trang " + std::to_string(page) + "/" + std::to_string(pages);
      c.DrawAt(footer, {.size_pt = size, .align = Align::kCenter}, c.left(), c.bottom() + 0.45 * size,
               c.width());
    }
    if (page > 1 && !running_markup.empty()) {
      const double h = c.DrawAt("<i>" + running_markup + "</i>", {.size_pt = size}, c.left(), c.top(), c.width());
      c.Line(c.left(), c.top() + h + 2, c.right(), c.top() + h + 2, 0.4);
      c.set_y(c.top() + h + 8);
    }
  };
}

// The heading of every administrative document: issuing body on the left (parent bodies in
// regular type, the issuing body itself in bold, a short rule under it; LEGAL: NĐ 30/2020/NĐ-CP,
// Phụ lục I), national motto on the right with a rule as long as its second line, then the number
// (left) and the place and date (right, italic).
void FormHeading(Canvas& c, const FormHeader& h, double size) {
  const TextStyle center{.size_pt = size, .align = Align::kCenter};
  const std::string motto1 = "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>";
  const std::string motto2 = "<b>Độc lập - Tự do - Hạnh phúc</b>";
  const double gap = 4;
  const double right_w = std::clamp(c.MeasureWidth(motto1, center) + 4, c.width() * 0.5, c.width() * 0.62);
  const double left_w = c.width() - right_w - gap;
  const double x_right = c.right() - right_w;
  const double y0 = c.y();

  std::vector<std::string> lines;
  for (const std::string* s : {&h.governing_body, &h.agency, &h.unit})
    if (!s->empty()) lines.push_back(Esc(*s));
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
  const double right_h = c.DrawAt(motto1 + "\n" + motto2, center, x_right, y0, right_w);
  const double rule = c.MeasureWidth(motto2, center);
  const double cxr = x_right + right_w / 2;
  c.Line(cxr - rule / 2, y0 + right_h + 1.5, cxr + rule / 2, y0 + right_h + 1.5, 0.5);

  const double y1 = y0 + std::max(left_h, right_h) + 6;
  double number_h = 0;
  if (!h.document_number.empty()) number_h = c.DrawAt(Esc(h.document_number), center, c.left(), y1, left_w);
  const double date_h =
      c.DrawAt("<i>" + Esc(FormatPlaceDate(h.place, h.dated_on)) + "</i>", center, x_right, y1, right_w);
  c.set_y(y1 + std::max(number_h, date_h) + size * 0.9);
}

void Title(Canvas& c, const std::string& title, double size, const std::string& sub_markup = "") {
  c.Flow("<b>" + Esc(title) + "</b>", {.size_pt = size, .align = Align::kCenter});
  if (!sub_markup.empty()) c.Flow(sub_markup, {.size_pt = size * 0.8, .align = Align::kCenter});
  c.Advance(size * 0.6);
}

// One "Label: value" line (wrapping under itself); label is plain text, value is markup.
void Field(Canvas& c, const std::string& label, const std::string& value_markup, double size) {
  c.Flow(Esc(label) + value_markup, {.size_pt = size});
  c.Advance(size * 0.1);
}

// A numbered or bulleted entry with a hanging indent: the marker at `indent`, the text at
// indent + hang. The first line is kept with its marker.
void Item(Canvas& c, const std::string& marker_markup, const std::string& text_markup, const TextStyle& style,
          double indent, double hang) {
  c.KeepTogether(c.Measure("Ấy", style, 100));
  c.DrawAt(marker_markup, style, c.left() + indent, c.y(), hang);
  c.Flow(text_markup, style, c.left() + indent + hang, c.width() - indent - hang);
}

struct Signer {
  std::string title;  // "NGƯỜI NỘP HỒ SƠ"
  std::string hint;   // "(Ký và ghi rõ họ tên)"
  std::string name;   // printed under the signing space; empty = nothing
};

// Signature columns, never split across pages. One signer sits in the right half, as on
// Vietnamese administrative documents; two share the width.
// `gap_scale` scales the space above and below the block (default 1).
void Signatures(Canvas& c, const std::vector<Signer>& signers, double size, double sign_space_pt,
                double gap_scale = 1.0) {
  const TextStyle center{.size_pt = size, .align = Align::kCenter};
  const double col_w = c.width() / 2;
  auto markup_top = [](const Signer& s) { return "<b>" + Esc(s.title) + "</b>\n<i>" + Esc(s.hint) + "</i>"; };
  double block_h = 0;
  for (const Signer& s : signers) {
    double h = c.Measure(markup_top(s), center, col_w) + sign_space_pt;
    if (!s.name.empty()) h += c.Measure("<b>" + Esc(s.name) + "</b>", center, col_w);
    block_h = std::max(block_h, h);
  }
  c.Advance(size * 0.6 * gap_scale);
  c.KeepTogether(block_h);
  const double y0 = c.y();
  for (std::size_t i = 0; i < signers.size(); ++i) {
    const double x = signers.size() == 1 ? c.left() + col_w : c.left() + col_w * double(i);
    const Signer& s = signers[i];
    const double h = c.DrawAt(markup_top(s), center, x, y0, col_w);
    if (!s.name.empty()) c.DrawAt("<b>" + Esc(s.name) + "</b>", center, x, y0 + h + sign_space_pt, col_w);
  }
  c.set_y(y0 + block_h + size * 0.6 * gap_scale);
}

void Notes(Canvas& c, const std::vector<std::string>& notes, double size) {
  if (notes.empty()) return;
  const TextStyle style{.size_pt = size, .align = Align::kJustify};
  c.Advance(size * 0.3);
  c.Flow("<b><i>Ghi chú:</i></b>", style);
  for (const std::string& n : notes) Item(c, "-", "<i>" + Esc(n) + "</i>", style, 0, size * 0.9);
}

// "01 bản chính, 01 bản sao chứng thực; xuất trình bản chính để đối chiếu; ..."
std::string ComponentDetails(const ComponentLine& line) {
  std::vector<std::string> counts;
  if (line.originals > 0) counts.push_back(Two(line.originals) + " bản chính");
  if (line.certified_copies > 0) counts.push_back(Two(line.certified_copies) + " bản sao chứng thực");
  if (line.copies > 0) counts.push_back(Two(line.copies) + " bản sao");
  std::vector<std::string> parts;
  if (!counts.empty()) {
    std::string joined;
    for (std::size_t i = 0; i < counts.size(); ++i) joined += (i ? ", " : "") + counts[i];
    parts.push_back(joined);
  }
  if (line.shown_only) parts.push_back("xuất trình bản chính để đối chiếu");
  if (!line.reused_from.empty()) parts.push_back("tái sử dụng kết quả số " + line.reused_from);
  if (!line.note.empty()) parts.push_back(line.note);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

// The applicant block shared by Mẫu 01-03. `compact`: the ID number shares the phone and e-mail
// line (one line less, for a receipt that must fit its page).
void ApplicantFields(Canvas& c, const std::string& receiving_unit, const Applicant& a,
                     const std::string& procedure_name, double size, bool compact = false) {
  if (!receiving_unit.empty()) Field(c, "Bộ phận tiếp nhận và trả kết quả: ", Esc(receiving_unit), size);
  Field(c, "Tiếp nhận hồ sơ của: ", Bold(a.name), size);
  const std::string id = a.id_number.empty() ? "" : "Số CCCD/Mã số thuế: " + Esc(a.id_number);
  if (!id.empty() && !compact) Field(c, "", id, size);
  if (!compact) Field(c, "Địa chỉ: ", OrDots(a.address), size);
  const std::string contact = "Số điện thoại: " + (a.phone.empty() ? kShortDots : Esc(a.phone)) +
                              "    Email: " + (a.email.empty() ? kShortDots : Esc(a.email));
  Field(c, "", compact && !id.empty() ? id + "    " + contact : contact, size);
  if (compact) Field(c, "Địa chỉ: ", OrDots(a.address), size);
  Field(c, "Nội dung yêu cầu giải quyết: ", Bold(procedure_name), size);
}

Status WritePdf(const Result<PdfDocument>& doc, const std::string& path) {
  if (!doc) return doc.error();
  return WriteFileAtomically(path, doc->bytes);
}

internal::Fonts PdfFonts(const PdfOptions& options) {
  return {.body_family = options.body_font, .mono_family = options.code_font};
}

Result<PdfDocument> Render(const internal::PageSetup& page, const PdfOptions& options,
                           const internal::PdfMetadata& meta, const std::function<void(Canvas&)>& compose) {
  MOTCUA_ASSIGN_OR_RETURN(internal::PdfBytes pdf, internal::RenderTwoPass(page, PdfFonts(options), meta, compose));
  return PdfDocument{std::move(pdf.bytes), pdf.page_count};
}

}  // namespace

// ---- Mẫu 01 --------------------------------------------------------------------------------------

namespace {

// How densely one copy of the receipt is set. RenderReceiptPdf takes the first entry with which
// every copy fits one A5 page, so the usual two copies make two sheets, each signed on its own.
// The last entry is the readability floor: body text 7.5 pt, heading and notes 7 pt. A copy that
// does not fit even then (a checklist of a dozen long papers) flows onto continuation pages
// ("Trang 1/2", signature block kept whole) at the density that needs the fewest pages.
struct ReceiptDensity {
  Sizes z;
  double gap;            // scale of the space between blocks (1 = the spacing of the other forms)
  double sign_space_pt;  // room to sign above each name
  bool compact_contact;  // ID number, phone and e-mail on one line
};
constexpr ReceiptDensity kReceiptDensities[] = {
    {kA5Sizes, 1.0, 26, false},
    {kA5Sizes, 0.4, 26, true},
    {{7.5, 10.5, 8, 7, 12, 7.5}, 0.3, 22, true},
    {{7, 10, 7.5, 7, 11.5, 7.5}, 0.3, 22, true},
};

// The label of item 7 and, folded (FoldForSearch), the fee names that only repeat it.
constexpr std::string_view kFeeLabel = "Phí, lệ phí";

// Item 7's value: "Lệ phí đăng ký cư trú: <b>20.000 ₫</b>; …; tổng cộng: …". A fee named like the
// label itself (many catalog entries call their only fee "Phí, lệ phí") or not named at all prints
// its amount alone: "7. Phí, lệ phí: 20.000 ₫", never "Phí, lệ phí: Phí, lệ phí: 20.000 ₫".
std::string FeesMarkup(const std::vector<FeeLine>& fees) {
  const std::string label_key = FoldForSearch(kFeeLabel);
  std::string out;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < fees.size(); ++i) {
    const std::string key = FoldForSearch(fees[i].name);
    const bool named = !key.empty() && key != label_key;
    out += (i ? "; " : "") + (named ? Esc(fees[i].name) + ": " : std::string()) + "<b>" +
           Esc(FormatVnd(fees[i].amount_vnd)) + "</b>";
    total += fees[i].amount_vnd;
  }
  if (fees.size() > 1) out += "; tổng cộng: <b>" + Esc(FormatVnd(total)) + "</b>";
  return out;
}

// The caption beside the receipt QR, saying only what is true. The QR holds a receipt token
// (codes/receipt_token.h), not an address: a phone camera shows it as text and nothing more, and
// only the center's kiosk (which holds the center key) can verify it. So the QR is for the kiosk;
// the code and secret can also be typed there, or at form.lookup_address when one is set.
std::string QrCaption(const ReceiptForm& f) {
  if (f.lookup_address.empty())
    return "Tra cứu, đánh giá tại ki-ốt của Trung tâm: quét mã QR này hoặc nhập mã hồ sơ và mã tra cứu.";
  return "Tra cứu, đánh giá: quét mã QR này tại ki-ốt của Trung tâm, hoặc nhập mã hồ sơ và mã tra cứu tại "
         "ki-ốt hay tại " + f.lookup_address + ".";
}

}  // namespace

Result<PdfDocument> RenderReceiptPdf(const ReceiptForm& input, const PdfOptions& options) {
  ReceiptForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.title, "title");
  k.Text(f.dossier_code, "dossier_code");
  k.Text(f.lookup_secret, "lookup_secret");
  k.Text(f.qr_token, "qr_token");
  k.Text(f.lookup_address, "lookup_address");
  k.Text(f.receiving_unit, "receiving_unit");
  k.Person(f.applicant, "applicant");
  k.Text(f.procedure_name, "procedure_name");
  k.Components(f.components, "components");
  k.Text(f.legal_duration_text, "legal_duration_text");
  k.Text(f.delivery.place, "delivery.place");
  for (std::size_t i = 0; i < f.fees.size(); ++i) k.Text(f.fees[i].name, "fees[" + std::to_string(i) + "].name");
  k.Text(f.officer_name, "officer_name");
  k.Texts(f.copy_labels, "copy_labels");
  k.Texts(f.notes, "notes");
  k.Required(f.dossier_code, "dossier_code");
  k.Required(f.applicant.name, "applicant.name");
  k.Required(f.procedure_name, "procedure_name");
  k.Required(f.received_at, "received_at");
  k.AtLeast(f.sets, 1, "sets");
  k.AtLeast(f.book_number, 0, "book_number");
  k.AtLeast(f.book_sequence, 0, "book_sequence");
  MOTCUA_TRY(k.status());

  // The QR as a module bitmap: one byte per module, drawn as vector squares.
  std::optional<scan::GrayImage> qr;
  if (!f.qr_token.empty()) {
    auto encoded = scan::EncodeQr(f.qr_token, {.module_px = 1, .quiet_zone_modules = 0});
    if (!encoded) {
      Error e = encoded.error();
      e.field = "qr_token";
      return e;
    }
    qr = std::move(*encoded);
  }
  const double qr_side =
      qr ? std::max(options.qr_side_mm, qr->width * options.qr_min_module_mm) * kMm : 0;

  std::vector<std::string> labels = f.copy_labels;
  if (labels.empty()) labels.push_back("");

  auto compose_at = [&](const ReceiptDensity& dz) {
    return [&, dz](Canvas& c) {
      const Sizes& z = dz.z;
      for (const std::string& label : labels) {
        std::string running = "Mã hồ sơ: " + Esc(f.dossier_code);
        if (!label.empty()) running += " — " + Esc(label);
        c.SetDecorator(Chrome(running + " (tiếp theo)", z.small, false));
        c.BeginSection();
        FormHeading(c, f.header, z.header);
        c.Flow("<b>" + Esc(f.title) + "</b>", {.size_pt = z.title, .align = Align::kCenter});
        if (!label.empty()) c.Flow("<i>(" + Esc(label) + ")</i>", {.size_pt = z.title * 0.8, .align = Align::kCenter});
        c.Advance(z.title * 0.6 * dz.gap);

        // Dossier code (large, monospace, copyable text) beside the QR.
        const TextStyle body{.size_pt = z.body};
        const double quiet = qr ? 4 * qr_side / qr->width : 0;
        const double text_w = qr ? c.width() - qr_side - quiet - 4 : c.width();
        std::string code_markup = "Mã hồ sơ:\n<span font_family=\"" + Esc(options.code_font) + "\" size=\"" +
                                  std::to_string(int(z.code * 1024)) + "\" weight=\"bold\">" +
                                  Esc(f.dossier_code) + "</span>";
        if (!f.lookup_secret.empty())
          code_markup += "\nMã tra cứu: <span font_family=\"" + Esc(options.code_font) + "\" weight=\"bold\">" +
                         Esc(f.lookup_secret) + "</span>";
        const std::string hint = qr ? "<i>" + Esc(QrCaption(f)) + "</i>" : "";
        const TextStyle hint_style{.size_pt = z.small};
        const double code_h = c.Measure(code_markup, body, text_w);
        const double hint_h = hint.empty() ? 0 : c.Measure(hint, hint_style, text_w) + 2;
        const double block_h = std::max(code_h + hint_h, qr_side);
        c.KeepTogether(block_h + 2);
        const double y0 = c.y();
        const double text_y = y0 + (block_h - code_h - hint_h) / 2;
        c.DrawAt(code_markup, body, c.left(), text_y, text_w);
        if (!hint.empty()) c.DrawAt(hint, hint_style, c.left(), text_y + code_h + 2, text_w);
        if (qr) c.QrModules(qr->pixels, qr->width, c.right() - qr_side, y0, qr_side);
        c.set_y(y0 + block_h + z.body * 0.6 * dz.gap);

        ApplicantFields(c, f.receiving_unit, f.applicant, f.procedure_name, z.body, dz.compact_contact);
        Field(c, "1. Thành phần hồ sơ nộp gồm:", "", z.body);
        if (f.components.empty()) Item(c, "1)", kDots, body, 8, 14);
        for (std::size_t i = 0; i < f.components.size(); ++i) {
          const ComponentLine& line = f.components[i];
          const std::string details = ComponentDetails(line);
          std::string text = Esc(line.name);
          if (!details.empty()) text += " <i>(" + Esc(details) + ")</i>";
          Item(c, std::to_string(i + 1) + ")", text, body, 8, 16);
          c.Advance(z.body * 0.1 * dz.gap);
        }
        Field(c, "2. Số lượng hồ sơ: ", "<b>" + Two(f.sets) + "</b> bộ", z.body);
        Field(c, "3. Thời gian giải quyết hồ sơ theo quy định: ", OrDots(f.legal_duration_text), z.body);
        Field(c, "4. Thời gian nhận hồ sơ: ", "<b>" + Esc(TimeOrDots(f.received_at)) + "</b>", z.body);
        Field(c, "5. Thời gian trả kết quả giải quyết hồ sơ: ", "<b>" + Esc(TimeOrDots(f.due_at)) + "</b>",
              z.body);
        if (f.delivery.kind == ResultDelivery::Kind::kPostal)
          Field(c, "6. Đăng ký nhận kết quả tại: ",
                "nhà, qua dịch vụ bưu chính công ích, địa chỉ: <b>" + OrDots(f.delivery.place) + "</b>", z.body);
        else
          Field(c, "6. Đăng ký nhận kết quả tại: ", OrDots(f.delivery.place), z.body);
        if (!f.fees.empty()) Field(c, "7. " + std::string(kFeeLabel) + ": ", FeesMarkup(f.fees), z.body);
        c.Advance(z.body * 0.3 * dz.gap);
        Field(c, "",
              "<i>Vào Sổ theo dõi hồ sơ, Quyển số: " + (f.book_number ? Two(f.book_number) : kShortDots) +
                  ", Số thứ tự: " + (f.book_sequence ? Two(f.book_sequence) : kShortDots) + "</i>",
              z.body);
        Signatures(c,
                   {{"NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", f.applicant.name},
                    {"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", f.officer_name}},
                   z.body, dz.sign_space_pt, dz.gap);
        Notes(c, f.notes, z.small);
      }
    };
  };
  internal::PdfMetadata meta{.title = f.title + " " + f.dossier_code, .subject = "Mẫu 01",
                             .create_date = PdfDate(*f.received_at)};
  // The usual receipt fits at the first density: one rendering, as for the other forms.
  MOTCUA_ASSIGN_OR_RETURN(PdfDocument first, Render(A5Portrait(), options, meta, compose_at(kReceiptDensities[0])));
  if (first.page_count <= int(labels.size())) return first;
  std::size_t best = 0;
  int best_pages = first.page_count;
  for (std::size_t i = 1; i < std::size(kReceiptDensities); ++i) {
    MOTCUA_ASSIGN_OR_RETURN(std::vector<int> sections,
                            internal::MeasureSectionPages(A5Portrait(), PdfFonts(options),
                                                          compose_at(kReceiptDensities[i])));
    int pages = 0;
    for (int n : sections) pages += n;
    if (pages < best_pages) {
      best = i;
      best_pages = pages;
    }
    if (pages <= int(labels.size())) break;
  }
  if (best == 0) return first;
  return Render(A5Portrait(), options, meta, compose_at(kReceiptDensities[best]));
}

// ---- Mẫu 02 --------------------------------------------------------------------------------------

Result<PdfDocument> RenderSupplementRequestPdf(const SupplementRequestForm& input, const PdfOptions& options) {
  SupplementRequestForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.title, "title");
  k.Text(f.dossier_code, "dossier_code");
  k.Text(f.receiving_unit, "receiving_unit");
  k.Person(f.applicant, "applicant");
  k.Text(f.procedure_name, "procedure_name");
  k.Components(f.items, "items");
  k.Texts(f.reasons, "reasons");
  k.Text(f.contact_text, "contact_text");
  k.Text(f.officer_name, "officer_name");
  k.Required(f.applicant.name, "applicant.name");
  k.Required(f.procedure_name, "procedure_name");
  k.NonEmptyList(f.items.size(), "items");
  MOTCUA_TRY(k.status());

  const Sizes z = kA5Sizes;
  auto compose = [&](Canvas& c) {
    c.SetDecorator(Chrome(Esc(f.title) + (f.dossier_code.empty() ? "" : " — Mã hồ sơ: " + Esc(f.dossier_code)) +
                              " (tiếp theo)",
                          z.small, false));
    c.BeginSection();
    FormHeading(c, f.header, z.header);
    Title(c, f.title, z.title);
    if (!f.dossier_code.empty())
      Field(c, "Mã hồ sơ: ",
            "<span font_family=\"" + Esc(options.code_font) + "\" weight=\"bold\">" + Esc(f.dossier_code) + "</span>",
            z.body);
    ApplicantFields(c, f.receiving_unit, f.applicant, f.procedure_name, z.body);
    if (f.received_at) Field(c, "Thời gian tiếp nhận: ", Esc(FormatVnDateTime(*f.received_at)), z.body);
    c.Advance(z.body * 0.3);
    Field(c, "", "<b>Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:</b>", z.body);

    internal::TableSpec table;
    const double w_tt = 20, w_n = 38, w_cert = 46;
    table.columns = {{w_tt, Align::kCenter},
                     {c.width() - w_tt - 2 * w_n - w_cert},
                     {w_n, Align::kCenter},
                     {w_cert, Align::kCenter},
                     {w_n, Align::kCenter}};
    table.header = {{"<b>TT</b>", 0},
                    {"<b>Thành phần hồ sơ cần bổ sung, hoàn thiện</b>", 1},
                    {"<b>Bản chính</b>", 2},
                    {"<b>Bản sao chứng thực</b>", 3},
                    {"<b>Bản photo</b>", 4}};
    table.header_style.size_pt = z.table - 0.5;
    table.body_style.size_pt = z.table;
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < f.items.size(); ++i) {
      const ComponentLine& it = f.items[i];
      std::string name = Esc(it.name);
      if (it.shown_only) name += "\n<i>Xuất trình bản chính để đối chiếu</i>";
      if (!it.reused_from.empty()) name += "\n<i>Tái sử dụng kết quả số " + Esc(it.reused_from) + "</i>";
      if (!it.note.empty()) name += "\n<i>" + Esc(it.note) + "</i>";
      auto n = [](int v) { return v > 0 ? Two(v) : std::string(); };
      rows.push_back({std::to_string(i + 1), name, n(it.originals), n(it.certified_copies), n(it.copies)});
    }
    c.Table(table, rows);
    c.Advance(z.body * 0.5);

    if (f.reasons.size() == 1) {
      Field(c, "Lý do: ", Esc(f.reasons[0]), z.body);
    } else {
      Field(c, "Lý do:", f.reasons.empty() ? " " + kDots : "", z.body);
      for (const std::string& r : f.reasons) Item(c, "-", Esc(r), {.size_pt = z.body}, 6, 9);
    }
    const std::string contact =
        f.contact_text.empty()
            ? "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với " + kShortDots +
                  " số điện thoại " + kShortDots + " để được hướng dẫn."
            : f.contact_text;
    c.Advance(z.body * 0.2);
    c.Flow(Esc(contact), {.size_pt = z.body, .align = Align::kJustify});
    Signatures(c, {{"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", f.officer_name}}, z.body, 34);
  };
  internal::PdfMetadata meta{.title = f.title, .subject = "Mẫu 02",
                             .create_date = f.received_at ? PdfDate(*f.received_at) : PdfDate(f.header)};
  return Render(A5Portrait(), options, meta, compose);
}

// ---- Mẫu 03 --------------------------------------------------------------------------------------

Result<PdfDocument> RenderRefusalPdf(const RefusalForm& input, const PdfOptions& options) {
  RefusalForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.title, "title");
  k.Text(f.dossier_code, "dossier_code");
  k.Text(f.receiving_unit, "receiving_unit");
  k.Person(f.applicant, "applicant");
  k.Text(f.procedure_name, "procedure_name");
  k.Text(f.deciding_body, "deciding_body");
  k.Texts(f.reasons, "reasons");
  k.Text(f.signer_title, "signer_title");
  k.Text(f.signer_name, "signer_name");
  k.Required(f.applicant.name, "applicant.name");
  k.Required(f.procedure_name, "procedure_name");
  k.NonEmptyList(f.reasons.size(), "reasons");
  for (std::size_t i = 0; i < f.reasons.size(); ++i) k.Required(f.reasons[i], "reasons[" + std::to_string(i) + "]");
  MOTCUA_TRY(k.status());

  const Sizes z = kA5Sizes;
  const std::string body_name = f.deciding_body.empty() ? f.header.agency : f.deciding_body;
  auto compose = [&](Canvas& c) {
    c.SetDecorator(Chrome(Esc(f.title) + " (tiếp theo)", z.small, false));
    c.BeginSection();
    FormHeading(c, f.header, z.header);
    Title(c, f.title, z.title);
    if (!f.dossier_code.empty())
      Field(c, "Mã hồ sơ: ",
            "<span font_family=\"" + Esc(options.code_font) + "\" weight=\"bold\">" + Esc(f.dossier_code) + "</span>",
            z.body);
    ApplicantFields(c, f.receiving_unit, f.applicant, f.procedure_name, z.body);
    c.Advance(z.body * 0.3);
    const TextStyle just{.size_pt = z.body, .align = Align::kJustify};
    c.Flow("Qua nghiên cứu, xem xét, đối chiếu với các quy định hiện hành, " + OrDots(body_name) +
               " từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
           just);
    c.Advance(z.body * 0.2);
    for (std::size_t i = 0; i < f.reasons.size(); ++i)
      Item(c, std::to_string(i + 1) + ".", Esc(f.reasons[i]), just, 6, 12);
    c.Advance(z.body * 0.3);
    c.Flow("Xin thông báo cho Ông/Bà được biết và thực hiện./.", {.size_pt = z.body});
    Signatures(c, {{f.signer_title, "(Ký và ghi rõ họ tên)", f.signer_name}}, z.body, 34);
  };
  internal::PdfMetadata meta{.title = f.title, .subject = "Mẫu 03", .create_date = PdfDate(f.header)};
  return Render(A5Portrait(), options, meta, compose);
}

// ---- Mẫu 04 --------------------------------------------------------------------------------------

Result<PdfDocument> RenderApologyPdf(const ApologyForm& input, const PdfOptions& options) {
  ApologyForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.title, "title");
  k.Text(f.apologizing_body, "apologizing_body");
  k.Person(f.applicant, "applicant");
  k.Text(f.dossier_code, "dossier_code");
  k.Text(f.procedure_name, "procedure_name");
  k.Text(f.reason, "reason");
  k.Text(f.signer_title, "signer_title");
  k.Text(f.signer_name, "signer_name");
  k.Required(f.applicant.name, "applicant.name");
  k.Required(f.dossier_code, "dossier_code");
  k.Required(f.procedure_name, "procedure_name");
  k.Required(f.received_at, "received_at");
  k.Required(f.original_due_at, "original_due_at");
  k.Required(f.new_due_at, "new_due_at");
  k.Required(f.reason, "reason");
  MOTCUA_TRY(k.status());
  if (*f.new_due_at <= *f.original_due_at)
    return Invalid("new_due_at", "not_after",
                   "the new date " + FormatVnDateTime(*f.new_due_at) + " is not after the original date " +
                       FormatVnDateTime(*f.original_due_at));

  const Sizes z = kA5Sizes;
  const std::string body_name = Esc(f.apologizing_body.empty() ? f.header.agency : f.apologizing_body);
  auto compose = [&](Canvas& c) {
    c.SetDecorator(Chrome(Esc(f.title) + " — Mã hồ sơ: " + Esc(f.dossier_code) + " (tiếp theo)", z.small, false));
    c.BeginSection();
    FormHeading(c, f.header, z.header);
    Title(c, f.title, z.title);
    c.Flow("Kính gửi: " + Bold(f.applicant.name), {.size_pt = z.body, .align = Align::kCenter});
    c.Advance(z.body * 0.5);
    Field(c, "Địa chỉ: ", OrDots(f.applicant.address), z.body);
    Field(c, "Số điện thoại: ", f.applicant.phone.empty() ? kShortDots : Esc(f.applicant.phone), z.body);
    const TextStyle just{.size_pt = z.body, .align = Align::kJustify};
    c.Advance(z.body * 0.3);
    c.Flow("Vào lúc " + Esc(FormatVnDateTime(*f.received_at)) + ", " + body_name +
               " tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ: <b>" + Esc(f.dossier_code) + "</b>, nội dung yêu cầu giải quyết: " +
               Esc(f.procedure_name) + ".",
           just);
    c.Advance(z.body * 0.2);
    c.Flow("Thời hạn trả kết quả ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: " +
               Esc(FormatVnDateTime(*f.original_due_at)) + ".",
           just);
    c.Advance(z.body * 0.2);
    c.Flow("Tuy nhiên, đến nay " + body_name + " chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng hạn. Lý do: " +
               Esc(f.reason) + ".",
           just);
    c.Advance(z.body * 0.2);
    c.Flow("Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. " + body_name +
               " xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào: <b>" + Esc(FormatVnDateTime(*f.new_due_at)) +
               "</b>.",
           just);
    c.Advance(z.body * 0.2);
    c.Flow("Trân trọng cảm ơn sự hợp tác của Ông/Bà./.", {.size_pt = z.body});
    Signatures(c, {{f.signer_title, "(Ký, ghi rõ họ tên và đóng dấu)", f.signer_name}}, z.body, 38);
  };
  internal::PdfMetadata meta{.title = f.title + " " + f.dossier_code, .subject = "Mẫu 04",
                             .create_date = PdfDate(f.header)};
  return Render(A5Portrait(), options, meta, compose);
}

// ---- Mẫu 05 --------------------------------------------------------------------------------------

Result<PdfDocument> RenderControlSlipPdf(const ControlSlipForm& input, const PdfOptions& options) {
  ControlSlipForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.title, "title");
  k.Text(f.dossier_code, "dossier_code");
  k.Text(f.receipt_number, "receipt_number");
  k.Text(f.applicant_name, "applicant_name");
  k.Text(f.procedure_name, "procedure_name");
  k.Text(f.processing_body, "processing_body");
  k.Text(f.coordinating_bodies, "coordinating_bodies");
  for (std::size_t i = 0; i < f.steps.size(); ++i) {
    const std::string p = "steps[" + std::to_string(i) + "]";
    ControlStep& s = f.steps[i];
    k.Text(s.giving_unit, p + ".giving_unit");
    k.Text(s.receiving_unit, p + ".receiving_unit");
    k.Text(s.giver_name, p + ".giver_name");
    k.Text(s.receiver_name, p + ".receiver_name");
    k.Text(s.note, p + ".note");
  }
  k.Texts(f.notes, "notes");
  k.Required(f.dossier_code, "dossier_code");
  k.Required(f.applicant_name, "applicant_name");
  k.Required(f.procedure_name, "procedure_name");
  k.AtLeast(f.blank_rows, 0, "blank_rows");
  MOTCUA_TRY(k.status());

  const Sizes z = kA5Sizes;
  auto compose = [&](Canvas& c) {
    c.SetDecorator(Chrome(Esc(f.title) + " — Mã hồ sơ: " + Esc(f.dossier_code) + " (tiếp theo)", z.small, false));
    c.BeginSection();
    FormHeading(c, f.header, z.header);
    Title(c, f.title, z.title);
    Field(c, "Mã hồ sơ: ",
          "<span font_family=\"" + Esc(options.code_font) + "\" weight=\"bold\">" + Esc(f.dossier_code) + "</span>",
          z.body);
    Field(c, "", "<i>(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: " +
                     Esc(f.receipt_number.empty() ? f.dossier_code : f.receipt_number) + ")</i>",
          z.body);
    Field(c, "Hồ sơ của: ", Bold(f.applicant_name), z.body);
    Field(c, "Nội dung yêu cầu giải quyết: ", Esc(f.procedure_name), z.body);
    Field(c, "Thời gian nhận hồ sơ: ", Esc(TimeOrDots(f.received_at)), z.body);
    Field(c, "Thời gian hẹn trả kết quả: ", Esc(TimeOrDots(f.due_at)), z.body);
    Field(c, "Cơ quan (bộ phận) giải quyết hồ sơ: ", OrDots(f.processing_body), z.body);
    if (!f.coordinating_bodies.empty())
      Field(c, "Cơ quan phối hợp giải quyết hồ sơ: ", Esc(f.coordinating_bodies), z.body);
    c.Advance(z.body * 0.5);

    internal::TableSpec table;
    const double w_result = 66, w_note = 52, w_time = 118;
    table.columns = {{c.width() - w_result - w_note - w_time},
                     {w_time},
                     {w_result, Align::kCenter},
                     {w_note}};
    table.header = {{"<b>TÊN CƠ QUAN</b>", 0},
                    {"<b>THỜI GIAN GIAO, NHẬN HỒ SƠ</b>", 1},
                    {"<b>KẾT QUẢ GIẢI QUYẾT HỒ SƠ</b>\n<i>(Trước hạn/ đúng hạn/ quá hạn)</i>", 2},
                    {"<b>GHI CHÚ</b>", 3}};
    table.header_style.size_pt = z.table - 1;
    table.body_style.size_pt = z.table - 0.5;
    auto outcome = [](ControlStep::Outcome o) -> std::string {
      switch (o) {
        case ControlStep::Outcome::kEarly: return "Trước hạn";
        case ControlStep::Outcome::kOnTime: return "Đúng hạn";
        case ControlStep::Outcome::kLate: return "Quá hạn";
        default: return "";
      }
    };
    std::vector<std::vector<std::string>> rows;
    for (const ControlStep& s : f.steps) {
      rows.push_back(
          {"1. Giao: " + OrDots(s.giving_unit) + "\n2. Nhận: " + OrDots(s.receiving_unit),
           Esc(TimeOrDots(s.handed_at)) + "\n<i>Người giao</i>\n\n" +
               (s.giver_name.empty() ? std::string() : "<b>" + Esc(s.giver_name) + "</b>") +
               "\n<i>Người nhận</i>\n\n" +
               (s.receiver_name.empty() ? std::string() : "<b>" + Esc(s.receiver_name) + "</b>"),
           "<b>" + Esc(outcome(s.outcome)) + "</b>", Esc(s.note)});
    }
    for (int i = 0; i < f.blank_rows; ++i)
      rows.push_back({"1. Giao: " + kShortDots + "\n2. Nhận: " + kShortDots,
                      Esc(TimeOrDots(std::nullopt)) + "\n<i>Người giao</i>\n\n\n<i>Người nhận</i>\n\n", "", ""});
    c.Table(table, rows);
    Notes(c, f.notes, z.small);
  };
  internal::PdfMetadata meta{.title = f.title + " " + f.dossier_code, .subject = "Mẫu 05",
                             .create_date = f.received_at ? PdfDate(*f.received_at) : PdfDate(f.header)};
  return Render(A5Portrait(), options, meta, compose);
}

// ---- Mẫu 06 --------------------------------------------------------------------------------------

Result<PdfDocument> RenderTrackingBookPdf(const TrackingBookForm& input, const PdfOptions& options) {
  TrackingBookForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.title, "title");
  k.Text(f.period_text, "period_text");
  for (std::size_t i = 0; i < f.rows.size(); ++i) {
    const std::string p = "rows[" + std::to_string(i) + "]";
    TrackingBookRow& r = f.rows[i];
    k.Text(r.dossier_code, p + ".dossier_code");
    k.Text(r.procedure_name, p + ".procedure_name");
    k.Text(r.applicant_name, p + ".applicant_name");
    k.Text(r.applicant_contact, p + ".applicant_contact");
    k.Text(r.handling_body, p + ".handling_body");
    k.Text(r.note, p + ".note");
    k.AtLeast(r.sequence, 0, p + ".sequence");
    k.AtLeast(r.sets, 0, p + ".sets");
  }
  k.AtLeast(f.year, 0, "year");
  k.AtLeast(f.book_number, 0, "book_number");
  MOTCUA_TRY(k.status());

  const Sizes z = kBookSizes;
  auto compose = [&](Canvas& c) {
    c.SetDecorator(Chrome(Esc(f.title) + (f.year ? " năm " + std::to_string(f.year) : "") + " (tiếp theo)",
                          z.small, true));
    c.BeginSection();
    // The book carries only the issuing body (no motto): it is a register, not a letter.
    std::string left;
    if (!f.header.governing_body.empty()) left += Esc(f.header.governing_body) + "\n";
    if (!f.header.agency.empty()) left += (f.header.unit.empty() ? "<b>" + Esc(f.header.agency) + "</b>" : Esc(f.header.agency)) + "\n";
    if (!f.header.unit.empty()) left += "<b>" + Esc(f.header.unit) + "</b>\n";
    if (!left.empty()) {
      left.pop_back();
      const double w = c.width() * 0.4;
      const double h = c.DrawAt(left, {.size_pt = z.header, .align = Align::kCenter}, c.left(), c.y(), w);
      c.Line(c.left() + w / 2 - 30, c.y() + h + 1.5, c.left() + w / 2 + 30, c.y() + h + 1.5, 0.5);
      c.Advance(h + 6);
    }
    std::string sub;
    if (f.book_number) sub += "Quyển số: " + Two(f.book_number);
    if (f.year) sub += (sub.empty() ? "" : " — ") + std::string("Năm ") + std::to_string(f.year);
    if (!f.period_text.empty()) sub += (sub.empty() ? "" : " — ") + f.period_text;
    Title(c, f.title, z.title, sub.empty() ? "" : "<i>" + Esc(sub) + "</i>");

    // Columns: UNVERIFIED. The official column list of Mẫu 06 (TT 01/2018) is NOT FOUND; this is
    // the list domain.md §2.3 gives as the common reading (STT, code, procedure, sets, applicant,
    // address/phone, lead body, the five dates, signature, note). Confirm against the circular.
    internal::TableSpec table;
    table.header_style.size_pt = z.table;
    table.body_style.size_pt = z.table;
    std::vector<std::string> codes;
    for (const TrackingBookRow& r : f.rows) codes.push_back(Esc(r.dossier_code));
    const double code_w = FitColumn(c, codes, table.body_style, table.padding_pt, 70, 150);
    const std::vector<double> weights = {0, 0, 104, 0, 72, 80, 70, 50, 50, 54, 54, 52, 40, 40};
    const std::vector<double> fixed = {22, code_w, 0, 30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    std::vector<Align> align(14, Align::kLeft);
    for (int i : {0, 3, 7, 8, 9, 10, 11}) align[i] = Align::kCenter;
    table.columns = Columns(c.width(), fixed, weights, align);
    auto spanning = [](const char* text, int col) { return internal::TableHeaderCell{text, col, 1, 0, 2}; };
    table.header_rows = 2;
    table.header = {spanning("<b>STT</b>", 0),
                    spanning("<b>Mã hồ sơ</b>", 1),
                    spanning("<b>Tên thủ tục hành chính</b>", 2),
                    spanning("<b>Số lượng hồ sơ (bộ)</b>", 3),
                    spanning("<b>Tên cá nhân, tổ chức</b>", 4),
                    spanning("<b>Địa chỉ, số điện thoại</b>", 5),
                    spanning("<b>Cơ quan chủ trì giải quyết</b>", 6),
                    {"<b>Ngày, tháng, năm</b>", 7, 5, 0, 1},
                    {"<b>Nhận hồ sơ</b>", 7, 1, 1, 1},
                    {"<b>Hẹn trả kết quả</b>", 8, 1, 1, 1},
                    {"<b>Chuyển hồ sơ đến cơ quan giải quyết</b>", 9, 1, 1, 1},
                    {"<b>Nhận kết quả từ cơ quan giải quyết</b>", 10, 1, 1, 1},
                    {"<b>Trả kết quả cho cá nhân, tổ chức</b>", 11, 1, 1, 1},
                    spanning("<b>Ký nhận</b>", 12),
                    spanning("<b>Ghi chú</b>", 13)};
    auto when = [](const std::optional<Instant>& at) { return at ? Esc(FormatShortDateTime(*at)) : std::string(); };
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < f.rows.size(); ++i) {
      const TrackingBookRow& r = f.rows[i];
      rows.push_back({std::to_string(r.sequence ? r.sequence : int(i + 1)), Esc(r.dossier_code),
                      Esc(r.procedure_name), r.sets > 0 ? Two(r.sets) : "", Esc(r.applicant_name),
                      Esc(r.applicant_contact), Esc(r.handling_body), when(r.received_at), when(r.due_at),
                      when(r.transferred_at), when(r.result_received_at), when(r.returned_at), "",
                      Esc(r.note)});
    }
    c.Table(table, rows);
    if (!f.journal_anchor.empty()) {
      c.Advance(4);
      c.Flow("<i>" + Esc(f.journal_anchor) + "</i>", {.size_pt = z.table, .align = Align::kRight});
    }
  };
  internal::PdfMetadata meta{.title = f.title, .subject = "Mẫu 06", .create_date = PdfDate(f.header)};
  return Render(A4Landscape(), options, meta, compose);
}

// ---- Biên bản giao nhận (postal) ------------------------------------------------------------------

Result<PdfDocument> RenderHandoverManifestPdf(const HandoverManifestForm& input, const PdfOptions& options) {
  HandoverManifestForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.location, "location");
  for (auto [party, name] : {std::pair{&f.postal, "postal"}, std::pair{&f.center, "center"}}) {
    k.Text(party->organization, std::string(name) + ".organization");
    k.Text(party->representative, std::string(name) + ".representative");
    k.Text(party->position, std::string(name) + ".position");
    k.Text(party->phone, std::string(name) + ".phone");
  }
  for (std::size_t i = 0; i < f.items.size(); ++i) {
    const std::string p = "items[" + std::to_string(i) + "]";
    HandoverItem& it = f.items[i];
    k.Text(it.postal_receipt_number, p + ".postal_receipt_number");
    k.Text(it.dossier_code, p + ".dossier_code");
    k.Text(it.person_name, p + ".person_name");
    k.Text(it.procedure_name, p + ".procedure_name");
    k.Text(it.note, p + ".note");
    k.Required(it.postal_receipt_number, p + ".postal_receipt_number");
    k.AtLeast(it.sets, 1, p + ".sets");
  }
  k.Required(f.signed_at, "signed_at");
  k.Required(f.postal.organization, "postal.organization");
  k.Required(f.center.organization, "center.organization");
  k.NonEmptyList(f.items.size(), "items");
  MOTCUA_TRY(k.status());

  const bool inbound = f.direction == HandoverManifestForm::Direction::kPostalToCenter;
  const HandoverParty& giver = inbound ? f.postal : f.center;
  const HandoverParty& taker = inbound ? f.center : f.postal;
  const std::string title =
      inbound ? "BIÊN BẢN GIAO NHẬN HỒ SƠ" : "BIÊN BẢN GIAO NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
  const Sizes z = kA4Sizes;
  auto compose = [&](Canvas& c) {
    c.SetDecorator(Chrome(Esc(title) + " — " + Esc(FormatVnDateTime(*f.signed_at)) + " (tiếp theo)", z.small, false));
    c.BeginSection();
    FormHeading(c, f.header, z.header);
    Title(c, title, z.title,
          "<i>(Qua dịch vụ bưu chính công ích theo Quyết định số 45/2016/QĐ-TTg)</i>");
    const TextStyle body{.size_pt = z.body, .align = Align::kJustify};
    c.Flow("Hôm nay, vào hồi " + Esc(FormatVnDateTime(*f.signed_at)) + ", tại " + OrDots(f.location) +
               ", chúng tôi gồm:",
           body);
    c.Advance(z.body * 0.3);
    auto party = [&](const char* side, const HandoverParty& p) {
      c.Flow(std::string("<b>") + side + ": " + Esc(p.organization) + "</b>", {.size_pt = z.body});
      std::string line = "Ông/Bà: " + OrDots(p.representative) + "    Chức vụ: " +
                         (p.position.empty() ? kShortDots : Esc(p.position));
      if (!p.phone.empty()) line += "    Điện thoại: " + Esc(p.phone);
      Item(c, "", line, {.size_pt = z.body}, 0, 12);
      c.Advance(z.body * 0.3);
    };
    party("BÊN GIAO", giver);
    party("BÊN NHẬN", taker);
    c.Flow(inbound ? "Hai bên tiến hành giao nhận hồ sơ thủ tục hành chính như sau:"
                   : "Hai bên tiến hành giao nhận kết quả giải quyết thủ tục hành chính để chuyển phát đến tổ "
                     "chức, cá nhân như sau:",
           body);
    c.Advance(z.body * 0.4);

    internal::TableSpec table;
    table.header_style.size_pt = z.table;
    table.body_style.size_pt = z.table;
    std::vector<std::string> parcels{"<b>Số phiếu gửi</b>"}, codes{"<b>Mã hồ sơ</b>"};
    for (const HandoverItem& it : f.items) {
      parcels.push_back(Esc(it.postal_receipt_number));
      codes.push_back(Esc(it.dossier_code));
    }
    const double parcel_w = FitColumn(c, parcels, table.body_style, table.padding_pt, 50, 120);
    const double code_w = FitColumn(c, codes, table.body_style, table.padding_pt, 60, 150);
    table.columns = Columns(c.width(), {24, parcel_w, code_w, 0, 0, 36, 0}, {0, 0, 0, 90, 120, 0, 46},
                            {Align::kCenter, Align::kLeft, Align::kLeft, Align::kLeft, Align::kLeft, Align::kCenter,
                             Align::kLeft});
    table.header = {{"<b>STT</b>", 0},
                    {"<b>Số phiếu gửi</b>", 1},
                    {"<b>Mã hồ sơ</b>", 2},
                    {inbound ? "<b>Người gửi</b>" : "<b>Người nhận</b>", 3},
                    {"<b>Thủ tục hành chính</b>", 4},
                    {"<b>Số lượng (bộ)</b>", 5},
                    {"<b>Ghi chú</b>", 6}};
    std::vector<std::vector<std::string>> rows;
    int sets = 0;
    for (std::size_t i = 0; i < f.items.size(); ++i) {
      const HandoverItem& it = f.items[i];
      sets += it.sets;
      rows.push_back({std::to_string(i + 1), Esc(it.postal_receipt_number), Esc(it.dossier_code),
                      Esc(it.person_name), Esc(it.procedure_name), Two(it.sets), Esc(it.note)});
    }
    c.Table(table, rows);
    c.Advance(z.body * 0.5);
    c.Flow("Tổng cộng: <b>" + Two(int(f.items.size())) + "</b> " + (inbound ? "hồ sơ" : "kết quả") + " (<b>" +
               Two(sets) + "</b> bộ).",
           body);
    c.Advance(z.body * 0.3);
    if (inbound) {
      c.Flow("Hai bên đã kiểm đếm, đối chiếu hồ sơ với Phiếu gửi; hồ sơ đầy đủ, còn nguyên niêm phong. "
             "Thời điểm ký Biên bản này là thời điểm tiếp nhận hồ sơ (Điều 7 Quyết định số 45/2016/QĐ-TTg).",
             body);
    } else {
      c.Flow("Hai bên đã kiểm đếm, đối chiếu kết quả giải quyết thủ tục hành chính và bản chính giấy tờ trả "
             "lại (nếu có) với Phiếu gửi; bên nhận đóng gói, niêm phong trước sự chứng kiến của bên giao "
             "(Điều 9 Quyết định số 45/2016/QĐ-TTg).",
             body);
    }
    c.Advance(z.body * 0.3);
    c.Flow("Biên bản được lập thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản./.", body);
    Signatures(c,
               {{"ĐẠI DIỆN BÊN GIAO", "(Ký, ghi rõ họ tên)", giver.representative},
                {"ĐẠI DIỆN BÊN NHẬN", "(Ký, ghi rõ họ tên)", taker.representative}},
               z.body, 50);
  };
  internal::PdfMetadata meta{.title = title, .subject = "Biên bản giao nhận hồ sơ qua bưu chính",
                             .create_date = PdfDate(*f.signed_at)};
  return Render(A4Portrait(), options, meta, compose);
}

// ---- Result handover at the counter ------------------------------------------------------------

Result<PdfDocument> RenderResultHandoverPdf(const ResultHandoverForm& input, const PdfOptions& options) {
  ResultHandoverForm f = input;
  Cleaner k;
  k.Header(f.header);
  k.Text(f.title, "title");
  k.Text(f.center_name, "center_name");
  k.Text(f.dossier_code, "dossier_code");
  k.Text(f.procedure_name, "procedure_name");
  k.Person(f.applicant, "applicant");
  k.Text(f.applicant_id_label, "applicant_id_label");
  k.Texts(f.results, "results");
  k.Text(f.receiver_name, "receiver_name");
  k.Text(f.receiver_id_label, "receiver_id_label");
  k.Text(f.receiver_id, "receiver_id");
  k.Text(f.officer_name, "officer_name");
  k.Text(f.body, "body");
  k.Required(f.dossier_code, "dossier_code");
  k.Required(f.procedure_name, "procedure_name");
  k.Required(f.applicant.name, "applicant.name");
  k.Required(f.receiver_name, "receiver_name");
  k.Required(f.handed_at, "handed_at");
  MOTCUA_TRY(k.status());

  const Sizes z = kA5Sizes;
  const std::string place = f.center_name.empty() ? f.header.agency : f.center_name;
  auto compose = [&](Canvas& c) {
    c.SetDecorator(Chrome(Esc(f.title) + " — Mã hồ sơ: " + Esc(f.dossier_code) + " (tiếp theo)", z.small, false));
    c.BeginSection();
    FormHeading(c, f.header, z.header);
    Title(c, f.title, z.title);
    Field(c, "Mã hồ sơ: ",
          "<span font_family=\"" + Esc(options.code_font) + "\" weight=\"bold\">" + Esc(f.dossier_code) + "</span>",
          z.body);
    Field(c, "Thủ tục hành chính: ", Bold(f.procedure_name), z.body);
    Field(c, "Người nộp hồ sơ: ", Bold(f.applicant.name), z.body);
    if (!f.applicant.id_number.empty()) Field(c, f.applicant_id_label + ": ", Esc(f.applicant.id_number), z.body);
    const TextStyle just{.size_pt = z.body, .align = Align::kJustify};
    c.Advance(z.body * 0.3);
    c.Flow("Vào lúc " + Esc(FormatVnDateTime(*f.handed_at)) + ", tại " + OrDots(place) + ":", just);
    c.Advance(z.body * 0.2);
    c.Flow(Esc(f.body), just);
    c.Advance(z.body * 0.2);
    c.Flow("<b>1. Kết quả giao:</b>", {.size_pt = z.body});
    if (f.results.empty()) {
      Item(c, "-", "Kết quả giải quyết thủ tục hành chính của hồ sơ nêu trên.", just, 6, 10);
    } else {
      for (const std::string& r : f.results) Item(c, "-", Esc(r), just, 6, 10);
    }
    Field(c, "Bản chính giấy tờ giữ lại để đối chiếu: ",
          f.originals_returned ? "đã trả lại cho người nhận." : "không có hoặc chưa trả.", z.body);
    c.Advance(z.body * 0.2);
    c.Flow("<b>2. Người nhận kết quả:</b>", {.size_pt = z.body});
    Field(c, "Họ và tên: ", Bold(f.receiver_name), z.body);
    Field(c, f.receiver_id_label + ": ", f.receiver_id.empty() ? kDots : "<b>" + Esc(f.receiver_id) + "</b>", z.body);
    Field(c, "Thời điểm nhận: ", Esc(FormatVnDateTime(*f.handed_at)), z.body);
    c.Advance(z.body * 0.2);
    c.Flow("<b>3. Người trả kết quả:</b> " + OrDots(f.officer_name), {.size_pt = z.body});
    Signatures(c,
               {{"NGƯỜI NHẬN KẾT QUẢ", "(Ký và ghi rõ họ tên)", f.receiver_name},
                {"NGƯỜI TRẢ KẾT QUẢ", "(Ký và ghi rõ họ tên)", f.officer_name}},
               z.body, 34);
  };
  internal::PdfMetadata meta{.title = f.title + " " + f.dossier_code, .subject = "Phiếu giao nhận kết quả",
                             .create_date = PdfDate(*f.handed_at)};
  return Render(A5Portrait(), options, meta, compose);
}

// ---- Write* ---------------------------------------------------------------------------------------

Status WriteReceiptPdf(const ReceiptForm& form, const std::string& path, const PdfOptions& options) {
  return WritePdf(RenderReceiptPdf(form, options), path);
}
Status WriteSupplementRequestPdf(const SupplementRequestForm& form, const std::string& path,
                                 const PdfOptions& options) {
  return WritePdf(RenderSupplementRequestPdf(form, options), path);
}
Status WriteRefusalPdf(const RefusalForm& form, const std::string& path, const PdfOptions& options) {
  return WritePdf(RenderRefusalPdf(form, options), path);
}
Status WriteApologyPdf(const ApologyForm& form, const std::string& path, const PdfOptions& options) {
  return WritePdf(RenderApologyPdf(form, options), path);
}
Status WriteControlSlipPdf(const ControlSlipForm& form, const std::string& path, const PdfOptions& options) {
  return WritePdf(RenderControlSlipPdf(form, options), path);
}
Status WriteTrackingBookPdf(const TrackingBookForm& form, const std::string& path, const PdfOptions& options) {
  return WritePdf(RenderTrackingBookPdf(form, options), path);
}
Status WriteHandoverManifestPdf(const HandoverManifestForm& form, const std::string& path,
                                const PdfOptions& options) {
  return WritePdf(RenderHandoverManifestPdf(form, options), path);
}
Status WriteResultHandoverPdf(const ResultHandoverForm& form, const std::string& path, const PdfOptions& options) {
  return WritePdf(RenderResultHandoverPdf(form, options), path);
}

}  // namespace motcua::print
