// The forms of forms.h as PDF: each form's data, checked and given to its template under
// assets/forms/ (the wording and layout; format in assets/forms/README.md), which the one engine of
// internal/form_template.h lays out. What is left here per form: which names its template may use
// (its FormSchema, documented in the README), the input checks of form_pdf.h, and values the
// program works out (formatted times, fallbacks, the receipt's paper details and fee line).
#include "print/form_pdf.h"

#include <cstdio>
#include <map>
#include <tuple>

#include "common/number_format.h"
#include "common/text.h"
#include "print/internal/form_template.h"
#include "print/internal/pdf_canvas.h"

namespace motcua::print {
namespace {

using internal::FormData;
using internal::FormSchema;
using internal::FormTemplate;
using internal::Phrase;
using internal::PhraseText;
using internal::Scope;
using internal::ScopeSchema;
using internal::ValueKind;

std::string Two(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}
std::string TimeOrEmpty(const std::optional<Instant>& at) { return at ? FormatVnDateTime(*at) : std::string(); }
std::string PdfDate(Instant at) {
  std::string s = FormatLocalMinute(ToLocalVn(at));  // "YYYY-MM-DD HH:MM"
  s[10] = 'T';
  return s + ":00+07:00";
}
std::string PdfDate(const FormHeader& h) {
  return h.dated_on ? FormatLocalDate(*h.dated_on) + "T00:00:00+07:00" : std::string();
}

// ---- Schemas: the names each form's template may use ----------------------------------------------

// Texts, then flags, then lists with their items' names.
ScopeSchema Names(std::initializer_list<const char*> texts, std::initializer_list<const char*> flags = {},
                  std::initializer_list<std::pair<const char*, ScopeSchema>> lists = {}) {
  ScopeSchema s;
  for (const char* t : texts) s.names[t] = ValueKind::kText;
  for (const char* f : flags) s.names[f] = ValueKind::kFlag;
  for (const auto& [name, items] : lists) s.lists[name] = items;
  return s;
}

ScopeSchema WithApplicant(ScopeSchema s) {
  for (const char* t : {"applicant.name", "applicant.id_number", "applicant.address", "applicant.phone",
                        "applicant.email"})
    s.names[t] = ValueKind::kText;
  return s;
}

// The papers of Mẫu 01 (plus their {details}) and Mẫu 02.
ScopeSchema ComponentNames() {
  return Names({"name", "originals", "certified_copies", "copies", "reused_from", "note"}, {"shown_only"});
}

FormSchema Schema(const char* file, ScopeSchema root, std::map<std::string, std::vector<std::string>, std::less<>> phrases = {}) {
  return internal::CompleteSchema({file, std::move(root), std::move(phrases)});
}

// ---- Binding ----------------------------------------------------------------------------------------

// Loads the template of `schema`, lets `bind` fill the form's data (it may use the template's
// phrases) and lays the template out. A template error comes first, then the first input error.
template <class Bind>
Result<PdfDocument> Print(const FormSchema& schema, const PdfOptions& options, Bind bind) {
  MOTCUA_ASSIGN_OR_RETURN(std::shared_ptr<const FormTemplate> t,
                          internal::LoadFormTemplate(schema, internal::FormsDirectory(options)));
  FormData data(schema);
  bind(data, *t);
  MOTCUA_TRY(data.status());
  return internal::RenderForm(*t, data, options);
}

void SetApplicant(Scope& s, const Applicant& a) {
  s.Text("applicant.name", a.name);
  s.Text("applicant.id_number", a.id_number);
  s.Text("applicant.address", a.address);
  s.Text("applicant.phone", a.phone);
  s.Text("applicant.email", a.email);
}

void RequiredInstant(FormData& d, const std::optional<Instant>& at, const std::string& field) {
  if (!at) d.Fail(Invalid(field, "required", field + " must be set"));
}

// Papers: each checked (name required, counts not negative); counts as "01" or "".
void SetComponents(FormData& d, Scope& s, const char* list, const std::vector<ComponentLine>& lines) {
  s.List(list);
  for (const ComponentLine& c : lines) {
    Scope& item = s.Add(list);
    item.Text("name", c.name);
    item.Text("reused_from", c.reused_from);
    item.Text("note", c.note);
    item.Required("name");
    const std::string field = list + ("[" + std::to_string(&c - lines.data()) + "]");
    d.AtLeast(c.originals, 0, field + ".originals");
    d.AtLeast(c.certified_copies, 0, field + ".certified_copies");
    d.AtLeast(c.copies, 0, field + ".copies");
    item.Text("originals", c.originals > 0 ? Two(c.originals) : "");
    item.Text("certified_copies", c.certified_copies > 0 ? Two(c.certified_copies) : "");
    item.Text("copies", c.copies > 0 ? Two(c.copies) : "");
    item.Flag("shown_only", c.shown_only);
  }
}

Status WritePdf(const Result<PdfDocument>& doc, const std::string& path) {
  if (!doc) return doc.error();
  return WriteFileAtomically(path, doc->bytes);
}

// ---- Mẫu 01 -------------------------------------------------------------------------------------------

const FormSchema& ReceiptSchema() {
  static const FormSchema s = Schema(
      "mau01_receipt.json",
      WithApplicant(Names({"title", "dossier_code", "lookup_secret", "qr_token", "lookup_address", "receiving_unit",
                           "procedure_name", "sets", "legal_duration_text", "received_at", "due_at", "delivery.place",
                           "fee_label", "fees_text", "officer_name", "book_number", "book_sequence"},
                          {"postal_delivery"},
                          {{"copies", Names({"label"})},
                           {"components", [] {
                              ScopeSchema c = ComponentNames();
                              c.names["details"] = ValueKind::kText;
                              return c;
                            }()},
                           {"fees", Names({"name", "amount"})},
                           {"notes", Names({"text"})}})),
      {{"originals", {"count"}}, {"certified_copies", {"count"}}, {"copies", {"count"}}, {"shown_only", {}},
       {"reused_from", {"code"}}, {"fee_label", {}}, {"fee", {"name", "amount"}}, {"fee_unnamed", {"amount"}},
       {"fee_total", {"total"}}});
  return s;
}

// A paper's details, "01 bản chính, 01 bản sao chứng thực; xuất trình bản chính để đối chiếu; …",
// from the template's phrases: counts joined by ", ", the parts by "; ".
std::string ComponentDetails(const FormTemplate& t, const ComponentLine& line, const Scope& item) {
  std::vector<std::string> counts;
  if (line.originals > 0) counts.push_back(Phrase(t, "originals", {{"count", Two(line.originals)}}));
  if (line.certified_copies > 0) counts.push_back(Phrase(t, "certified_copies", {{"count", Two(line.certified_copies)}}));
  if (line.copies > 0) counts.push_back(Phrase(t, "copies", {{"count", Two(line.copies)}}));
  std::vector<std::string> parts;
  if (!counts.empty()) {
    std::string joined;
    for (std::size_t i = 0; i < counts.size(); ++i) joined += (i ? ", " : "") + counts[i];
    parts.push_back(joined);
  }
  if (line.shown_only) parts.push_back(Phrase(t, "shown_only"));
  if (!item.Get("reused_from").empty()) parts.push_back(Phrase(t, "reused_from", {{"code", item.Get("reused_from")}}));
  if (!item.Get("note").empty()) parts.push_back(internal::Esc(item.Get("note")));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

// Item 7: "Lệ phí đăng ký cư trú: <b>20.000 ₫</b>; …; tổng cộng: …". A fee named like the label
// itself (many catalog entries call their only fee "Phí, lệ phí") or not named at all prints its
// amount alone: "7. Phí, lệ phí: 20.000 ₫", never "Phí, lệ phí: Phí, lệ phí: 20.000 ₫".
std::string FeesMarkup(const FormTemplate& t, const Scope& s, const std::vector<FeeLine>& fees) {
  const std::string label_key = FoldForSearch(s.Get("fee_label"));
  const std::vector<Scope>& items = s.Find("fees")->items;  // set with the cleaned names
  std::string out;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < fees.size(); ++i) {
    const std::string& name = items[i].Get("name");
    const std::string key = FoldForSearch(name);
    const std::string amount = FormatVnd(fees[i].amount_vnd);
    out += (i ? "; " : "") + (!key.empty() && key != label_key ? Phrase(t, "fee", {{"name", name}, {"amount", amount}})
                                                              : Phrase(t, "fee_unnamed", {{"amount", amount}}));
    total += fees[i].amount_vnd;
  }
  if (fees.size() > 1) out += "; " + Phrase(t, "fee_total", {{"total", FormatVnd(total)}});
  return out;
}

}  // namespace

Result<PdfDocument> RenderReceiptPdf(const ReceiptForm& f, const PdfOptions& options) {
  return Print(ReceiptSchema(), options, [&](FormData& d, const FormTemplate& t) {
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("title", f.title);
    s.Text("dossier_code", f.dossier_code);
    s.Text("lookup_secret", f.lookup_secret);
    s.Text("qr_token", f.qr_token);
    s.Text("lookup_address", f.lookup_address);
    s.Text("receiving_unit", f.receiving_unit);
    SetApplicant(s, f.applicant);
    s.Text("procedure_name", f.procedure_name);
    SetComponents(d, s, "components", f.components);
    s.Text("legal_duration_text", f.legal_duration_text);
    s.Text("delivery.place", f.delivery.place);
    s.List("fees");
    for (std::size_t i = 0; i < f.fees.size(); ++i) {
      Scope& fee = s.Add("fees");
      fee.Text("name", f.fees[i].name);
      fee.Text("amount", FormatVnd(f.fees[i].amount_vnd));
    }
    s.Text("officer_name", f.officer_name);
    // One section per copy label; none = one copy without a label.
    s.List("copies");
    for (std::size_t i = 0; i < f.copy_labels.size(); ++i)
      s.Add("copies").Text("label", f.copy_labels[i], "copy_labels[" + std::to_string(i) + "]");
    if (f.copy_labels.empty()) s.Add("copies").Text("label", "", "copy_labels");
    s.TextList("notes", f.notes, "notes");
    s.Required("dossier_code");
    s.Required("applicant.name");
    s.Required("procedure_name");
    RequiredInstant(d, f.received_at, "received_at");
    d.AtLeast(f.sets, 1, "sets");
    d.AtLeast(f.book_number, 0, "book_number");
    d.AtLeast(f.book_sequence, 0, "book_sequence");
    if (!d.ok()) return;

    std::vector<Scope>& items = s.ItemsOf("components");
    for (std::size_t i = 0; i < f.components.size(); ++i)
      items[i].Markup("details", ComponentDetails(t, f.components[i], items[i]));
    s.Text("fee_label", PhraseText(t, "fee_label"));
    s.Markup("fees_text", FeesMarkup(t, s, f.fees));
    s.Text("sets", Two(f.sets));
    s.Text("received_at", TimeOrEmpty(f.received_at));
    s.Text("due_at", TimeOrEmpty(f.due_at));
    s.Flag("postal_delivery", f.delivery.kind == ResultDelivery::Kind::kPostal);
    s.Text("book_number", f.book_number ? Two(f.book_number) : "");
    s.Text("book_sequence", f.book_sequence ? Two(f.book_sequence) : "");
    d.pdf_date = PdfDate(*f.received_at);
  });
}

// ---- Mẫu 02 -------------------------------------------------------------------------------------------

Result<PdfDocument> RenderSupplementRequestPdf(const SupplementRequestForm& f, const PdfOptions& options) {
  static const FormSchema schema = Schema(
      "mau02_supplement_request.json",
      WithApplicant(Names({"title", "dossier_code", "receiving_unit", "procedure_name", "received_at", "contact_text",
                           "officer_name"},
                          {"one_reason", "several_reasons"},
                          {{"items", ComponentNames()}, {"reasons", Names({"text"})}})));
  return Print(schema, options, [&](FormData& d, const FormTemplate&) {
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("title", f.title);
    s.Text("dossier_code", f.dossier_code);
    s.Text("receiving_unit", f.receiving_unit);
    SetApplicant(s, f.applicant);
    s.Text("procedure_name", f.procedure_name);
    SetComponents(d, s, "items", f.items);
    s.TextList("reasons", f.reasons, "reasons");
    s.Text("contact_text", f.contact_text);
    s.Text("officer_name", f.officer_name);
    s.Required("applicant.name");
    s.Required("procedure_name");
    s.NonEmpty("items", "items");
    s.Text("received_at", TimeOrEmpty(f.received_at));
    s.Flag("one_reason", f.reasons.size() == 1);
    s.Flag("several_reasons", f.reasons.size() > 1);
    d.pdf_date = f.received_at ? PdfDate(*f.received_at) : PdfDate(f.header);
  });
}

// ---- Mẫu 03 -------------------------------------------------------------------------------------------

Result<PdfDocument> RenderRefusalPdf(const RefusalForm& f, const PdfOptions& options) {
  static const FormSchema schema = Schema(
      "mau03_refusal.json",
      WithApplicant(Names({"title", "dossier_code", "receiving_unit", "procedure_name", "deciding_body", "signer_title",
                           "signer_name"},
                          {}, {{"reasons", Names({"text"})}})));
  return Print(schema, options, [&](FormData& d, const FormTemplate&) {
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("title", f.title);
    s.Text("dossier_code", f.dossier_code);
    s.Text("receiving_unit", f.receiving_unit);
    SetApplicant(s, f.applicant);
    s.Text("procedure_name", f.procedure_name);
    s.Text("deciding_body", f.deciding_body);
    s.TextList("reasons", f.reasons, "reasons");
    s.Text("signer_title", f.signer_title);
    s.Text("signer_name", f.signer_name);
    s.Required("applicant.name");
    s.Required("procedure_name");
    s.NonEmpty("reasons", "reasons");
    for (Scope& r : s.ItemsOf("reasons")) r.Required("text");
    if (s.Get("deciding_body").empty()) s.Text("deciding_body", s.Get("header.agency"));
    d.pdf_date = PdfDate(f.header);
  });
}

// ---- Mẫu 04 -------------------------------------------------------------------------------------------

Result<PdfDocument> RenderApologyPdf(const ApologyForm& f, const PdfOptions& options) {
  static const FormSchema schema = Schema(
      "mau04_apology.json",
      WithApplicant(Names({"title", "apologizing_body", "dossier_code", "procedure_name", "received_at",
                           "original_due_at", "new_due_at", "reason", "signer_title", "signer_name"})));
  return Print(schema, options, [&](FormData& d, const FormTemplate&) {
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("title", f.title);
    s.Text("apologizing_body", f.apologizing_body);
    SetApplicant(s, f.applicant);
    s.Text("dossier_code", f.dossier_code);
    s.Text("procedure_name", f.procedure_name);
    s.Text("reason", f.reason);
    s.Text("signer_title", f.signer_title);
    s.Text("signer_name", f.signer_name);
    s.Required("applicant.name");
    s.Required("dossier_code");
    s.Required("procedure_name");
    RequiredInstant(d, f.received_at, "received_at");
    RequiredInstant(d, f.original_due_at, "original_due_at");
    RequiredInstant(d, f.new_due_at, "new_due_at");
    s.Required("reason");
    if (!d.ok()) return;
    if (*f.new_due_at <= *f.original_due_at)
      d.Fail(Invalid("new_due_at", "not_after",
                     "the new date " + FormatVnDateTime(*f.new_due_at) + " is not after the original date " +
                         FormatVnDateTime(*f.original_due_at)));
    if (s.Get("apologizing_body").empty()) s.Text("apologizing_body", s.Get("header.agency"));
    s.Text("received_at", FormatVnDateTime(*f.received_at));
    s.Text("original_due_at", FormatVnDateTime(*f.original_due_at));
    s.Text("new_due_at", FormatVnDateTime(*f.new_due_at));
    d.pdf_date = PdfDate(f.header);
  });
}

// ---- Mẫu 05 -------------------------------------------------------------------------------------------

Result<PdfDocument> RenderControlSlipPdf(const ControlSlipForm& f, const PdfOptions& options) {
  static const FormSchema schema = Schema(
      "mau05_control_slip.json",
      Names({"title", "dossier_code", "receipt_number", "applicant_name", "procedure_name", "received_at", "due_at",
             "processing_body", "coordinating_bodies"},
            {},
            {{"steps", Names({"giving_unit", "receiving_unit", "handed_at", "giver_name", "receiver_name", "note"},
                             {"early", "on_time", "late"})},
             {"blank_rows", Names({})},
             {"notes", Names({"text"})}}));
  return Print(schema, options, [&](FormData& d, const FormTemplate&) {
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("title", f.title);
    s.Text("dossier_code", f.dossier_code);
    s.Text("receipt_number", f.receipt_number);
    s.Text("applicant_name", f.applicant_name);
    s.Text("procedure_name", f.procedure_name);
    s.Text("processing_body", f.processing_body);
    s.Text("coordinating_bodies", f.coordinating_bodies);
    s.List("steps");
    for (const ControlStep& step : f.steps) {
      Scope& item = s.Add("steps");
      item.Text("giving_unit", step.giving_unit);
      item.Text("receiving_unit", step.receiving_unit);
      item.Text("giver_name", step.giver_name);
      item.Text("receiver_name", step.receiver_name);
      item.Text("note", step.note);
      item.Text("handed_at", TimeOrEmpty(step.handed_at));
      item.Flag("early", step.outcome == ControlStep::Outcome::kEarly);
      item.Flag("on_time", step.outcome == ControlStep::Outcome::kOnTime);
      item.Flag("late", step.outcome == ControlStep::Outcome::kLate);
    }
    s.TextList("notes", f.notes, "notes");
    s.Required("dossier_code");
    s.Required("applicant_name");
    s.Required("procedure_name");
    d.AtLeast(f.blank_rows, 0, "blank_rows");
    s.List("blank_rows");
    for (int i = 0; i < f.blank_rows; ++i) s.Add("blank_rows");
    if (s.Get("receipt_number").empty()) s.Text("receipt_number", s.Get("dossier_code"));
    s.Text("received_at", TimeOrEmpty(f.received_at));
    s.Text("due_at", TimeOrEmpty(f.due_at));
    d.pdf_date = f.received_at ? PdfDate(*f.received_at) : PdfDate(f.header);
  });
}

// ---- Mẫu 06 -------------------------------------------------------------------------------------------

Result<PdfDocument> RenderTrackingBookPdf(const TrackingBookForm& f, const PdfOptions& options) {
  static const FormSchema schema = Schema(
      "mau06_tracking_book.json",
      Names({"title", "year", "book_line", "journal_anchor"}, {},
            {{"rows", Names({"dossier_code", "procedure_name", "sets", "applicant_name", "applicant_contact",
                             "handling_body", "received_at", "due_at", "transferred_at", "result_received_at",
                             "returned_at", "note"})}}),
      {{"book_number", {"number"}}, {"year", {"year"}}, {"separator", {}}});
  return Print(schema, options, [&](FormData& d, const FormTemplate& t) {
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("title", f.title);
    const std::string period = s.Text("book_line", f.period_text, "period_text");
    s.List("rows");
    for (std::size_t i = 0; i < f.rows.size(); ++i) {
      const TrackingBookRow& r = f.rows[i];
      const std::string p = "rows[" + std::to_string(i) + "]";
      Scope& item = s.Add("rows");
      item.Text("dossier_code", r.dossier_code);
      item.Text("procedure_name", r.procedure_name);
      item.Text("applicant_name", r.applicant_name);
      item.Text("applicant_contact", r.applicant_contact);
      item.Text("handling_body", r.handling_body);
      item.Text("note", r.note);
      d.AtLeast(r.sequence, 0, p + ".sequence");
      d.AtLeast(r.sets, 0, p + ".sets");
      if (r.sequence) item.Text("n", std::to_string(r.sequence));
      item.Text("sets", r.sets > 0 ? Two(r.sets) : "");
      auto when = [](const std::optional<Instant>& at) { return at ? FormatShortDateTime(*at) : std::string(); };
      item.Text("received_at", when(r.received_at));
      item.Text("due_at", when(r.due_at));
      item.Text("transferred_at", when(r.transferred_at));
      item.Text("result_received_at", when(r.result_received_at));
      item.Text("returned_at", when(r.returned_at));
    }
    d.AtLeast(f.year, 0, "year");
    d.AtLeast(f.book_number, 0, "book_number");
    s.Text("journal_anchor", f.journal_anchor);
    if (!d.ok()) return;
    // "Quyển số: 01 — Năm 2026 — Tháng 03/2026": the parts there are, joined.
    std::vector<std::string> parts;
    if (f.book_number) parts.push_back(PhraseText(t, "book_number", {{"number", Two(f.book_number)}}));
    if (f.year) parts.push_back(PhraseText(t, "year", {{"year", std::to_string(f.year)}}));
    if (!period.empty()) parts.push_back(period);
    std::string line;
    for (std::size_t i = 0; i < parts.size(); ++i) line += (i ? PhraseText(t, "separator") : "") + parts[i];
    s.Text("book_line", line, "period_text");
    s.Text("year", f.year ? std::to_string(f.year) : "");
    d.pdf_date = PdfDate(f.header);
  });
}

// ---- Biên bản giao nhận (postal) ----------------------------------------------------------------------

Result<PdfDocument> RenderHandoverManifestPdf(const HandoverManifestForm& f, const PdfOptions& options) {
  static const FormSchema schema = Schema(
      "postal_manifest.json",
      Names({"title", "signed_at", "location", "item_count", "set_count", "giver.organization", "giver.representative",
             "giver.position", "giver.phone", "taker.organization", "taker.representative", "taker.position",
             "taker.phone"},
            {"inbound", "outbound"},
            {{"items", Names({"postal_receipt_number", "dossier_code", "person_name", "procedure_name", "sets",
                              "note"})}}),
      {{"title_inbound", {}}, {"title_outbound", {}}});
  return Print(schema, options, [&](FormData& d, const FormTemplate& t) {
    const bool inbound = f.direction == HandoverManifestForm::Direction::kPostalToCenter;
    // The postal side gives (inbound) or takes (outbound); the center the other way round.
    const std::string postal = inbound ? "giver." : "taker.", center = inbound ? "taker." : "giver.";
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("location", f.location);
    for (const auto& [side, party, name] : {std::tuple{postal, &f.postal, "postal"}, std::tuple{center, &f.center, "center"}}) {
      const std::string field = name;
      s.Text(side + "organization", party->organization, field + ".organization");
      s.Text(side + "representative", party->representative, field + ".representative");
      s.Text(side + "position", party->position, field + ".position");
      s.Text(side + "phone", party->phone, field + ".phone");
    }
    s.List("items");
    int sets = 0;
    for (std::size_t i = 0; i < f.items.size(); ++i) {
      const HandoverItem& it = f.items[i];
      Scope& item = s.Add("items");
      item.Text("postal_receipt_number", it.postal_receipt_number);
      item.Text("dossier_code", it.dossier_code);
      item.Text("person_name", it.person_name);
      item.Text("procedure_name", it.procedure_name);
      item.Text("note", it.note);
      item.Required("postal_receipt_number");
      d.AtLeast(it.sets, 1, "items[" + std::to_string(i) + "].sets");
      item.Text("sets", Two(it.sets));
      sets += it.sets;
    }
    RequiredInstant(d, f.signed_at, "signed_at");
    s.Required(postal + "organization");
    s.Required(center + "organization");
    s.NonEmpty("items", "items");
    if (!d.ok()) return;
    s.Flag("inbound", inbound);
    s.Flag("outbound", !inbound);
    s.Text("title", PhraseText(t, inbound ? "title_inbound" : "title_outbound"));
    s.Text("signed_at", FormatVnDateTime(*f.signed_at));
    s.Text("item_count", Two(int(f.items.size())));
    s.Text("set_count", Two(sets));
    d.pdf_date = PdfDate(*f.signed_at);
  });
}

// ---- Phiếu giao nhận kết quả ----------------------------------------------------------------------------

Result<PdfDocument> RenderResultHandoverPdf(const ResultHandoverForm& f, const PdfOptions& options) {
  static const FormSchema schema = Schema(
      "result_handover.json",
      WithApplicant(Names({"title", "center_name", "dossier_code", "procedure_name", "applicant_id_label",
                           "receiver_name", "receiver_id_label", "receiver_id", "handed_at", "officer_name", "body"},
                          {"originals_returned"}, {{"results", Names({"text"})}})));
  return Print(schema, options, [&](FormData& d, const FormTemplate&) {
    Scope& s = d.root();
    d.SetHeader(f.header);
    s.Text("title", f.title);
    s.Text("center_name", f.center_name);
    s.Text("dossier_code", f.dossier_code);
    s.Text("procedure_name", f.procedure_name);
    SetApplicant(s, f.applicant);
    s.Text("applicant_id_label", f.applicant_id_label);
    s.TextList("results", f.results, "results");
    s.Text("receiver_name", f.receiver_name);
    s.Text("receiver_id_label", f.receiver_id_label);
    s.Text("receiver_id", f.receiver_id);
    s.Text("officer_name", f.officer_name);
    s.Text("body", f.body);
    s.Required("dossier_code");
    s.Required("procedure_name");
    s.Required("applicant.name");
    s.Required("receiver_name");
    RequiredInstant(d, f.handed_at, "handed_at");
    if (!d.ok()) return;
    if (s.Get("center_name").empty()) s.Text("center_name", s.Get("header.agency"));
    s.Flag("originals_returned", f.originals_returned);
    s.Text("handed_at", FormatVnDateTime(*f.handed_at));
    d.pdf_date = PdfDate(*f.handed_at);
  });
}

// ---- Write* -------------------------------------------------------------------------------------------

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
