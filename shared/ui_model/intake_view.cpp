#include "ui_model/intake_view.h"

#include "calendar/deadline.h"
#include "common/text.h"
#include "ui_model/shell_view.h"
#include "workflow/receipt_form.h"

namespace motcua::ui {
namespace {

std::string DurationText(Lang lang, const catalog::Procedure& p) {
  if (p.processing.no_due_date || !p.processing.standard) return Tr(lang, "intake.no_due_date");
  const calendar::Duration& d = *p.processing.standard;
  if (lang == Lang::kVi) return workflow::DurationTextVi(d);
  const char* unit = d.unit == calendar::DurationUnit::kWorkingHours  ? "working hours"
                     : d.unit == calendar::DurationUnit::kWorkingDays ? "working days"
                     : d.unit == calendar::DurationUnit::kCalendarDays ? "days"
                                                                       : "months";
  return std::to_string(d.amount) + " " + unit;
}

ProcedureHitView HitFor(Lang lang, const catalog::Procedure& p, std::string shortcut = "") {
  std::string detail = p.code;
  if (!p.agency.empty()) detail += " · " + p.agency;
  detail += " · " + DurationText(lang, p);
  return {p.code, NormalizeNfc(p.name), std::move(detail), std::move(shortcut)};
}

std::string Counts(Lang lang, const DraftComponent& c) {
  std::string out;
  auto add = [&](int n, const char* key) {
    if (n <= 0) return;
    if (!out.empty()) out += ", ";
    out += FormatText(Tr(lang, key), {{"n", std::to_string(n)}});
  };
  add(c.originals, "intake.originals");
  add(c.copies, "intake.copies");
  return out;
}

int PageCount(const DraftComponent& c) {
  int pages = 0;
  for (const auto& f : c.files) pages += f.pages;
  return pages;
}

std::string IdHint(Lang lang, const IntakeDraft& d) {
  const std::string id(Trim(d.id_number));
  if (id.empty()) return "";
  int digits = 0;
  bool all_digits = true;
  for (char c : id) {
    if (c >= '0' && c <= '9') ++digits;
    else all_digits = false;
  }
  if (d.id_type == dossier::IdType::kCccd && (!all_digits || digits != 12))
    return FormatText(Tr(lang, "intake.id_hint_cccd"), {{"n", std::to_string(id.size())}});
  if (d.id_type == dossier::IdType::kCmnd && (!all_digits || digits != 9))
    return FormatText(Tr(lang, "intake.id_hint_cmnd"), {{"n", std::to_string(id.size())}});
  return "";
}

void DueLine(IntakeView& v, Lang lang, const IntakeDraft& d, const catalog::Procedure& p, const Station& station,
             Instant now) {
  std::optional<calendar::Duration> duration;
  if (!p.processing.no_due_date) {
    duration = d.channel == dossier::Channel::kOnline && p.processing.online ? p.processing.online
                                                                             : p.processing.standard;
  }
  if (!duration) {
    v.due_line = Tr(lang, "intake.no_due_date");
    v.due_tone = Tone::kNeutral;
    return;
  }
  Instant received = now;
  if (d.channel == dossier::Channel::kPostal && !std::string_view(Trim(d.received_at_text)).empty()) {
    Result<LocalMinute> at = ParseTypedMinute(Trim(d.received_at_text), "received_at");
    if (!at.has_value()) {
      v.due_line = ErrorMessage(lang, at.error());
      v.due_tone = Tone::kDanger;
      return;
    }
    received = FromLocalVn(*at);
  }
  Result<LocalMinute> due = calendar::ComputeDue(*station.calendar, ToLocalVn(received), *duration);
  if (!due.has_value()) {
    v.due_line = ErrorMessage(lang, due.error());
    v.due_tone = Tone::kDanger;
    return;
  }
  const Instant due_at = FromLocalVn(*due);
  v.due_line = FormatText(Tr(lang, "intake.due_line"), {{"when", FormatWhen(lang, due_at)}, {"duration", DurationText(lang, p)}});
  v.due_tone = Tone::kInfo;
  if (calendar::IsProvisional(*station.calendar, LocalDateVn(due_at))) {
    v.due_line += " " + std::string(Tr(lang, "intake.due_provisional"));
    v.due_tone = Tone::kWarning;
  }
}

void Outcome(IntakeView& v, Lang lang, const IntakeOutcome& o) {
  IntakeOutcomeView out;
  switch (o.kind) {
    case IntakeOutcome::Kind::kReceived:
      out.title = Tr(lang, "intake.outcome.received");
      out.code = o.dossier_code;
      out.lines.push_back(FormatText(Tr(lang, "intake.outcome.applicant"), {{"name", o.applicant_name}}));
      out.lines.push_back(o.due_at ? FormatText(Tr(lang, "intake.outcome.due"), {{"when", FormatWhen(lang, *o.due_at)}})
                                   : std::string(Tr(lang, "intake.no_due_date")));
      for (const std::string& w : o.warnings) {
        out.lines.push_back(Tr(lang, "warning." + w));
        out.tone = Tone::kWarning;
      }
      out.open_label = Tr(lang, "intake.outcome.open");
      break;
    case IntakeOutcome::Kind::kSupplementSlip:
      out.title = Tr(lang, "intake.outcome.supplement");
      out.lines.push_back(FormatText(Tr(lang, "intake.outcome.applicant"), {{"name", o.applicant_name}}));
      out.lines.push_back(Tr(lang, "intake.outcome.no_dossier"));
      out.tone = Tone::kWarning;
      break;
    case IntakeOutcome::Kind::kRefusalSlip:
      out.title = Tr(lang, "intake.outcome.refusal");
      out.lines.push_back(FormatText(Tr(lang, "intake.outcome.applicant"), {{"name", o.applicant_name}}));
      out.lines.push_back(Tr(lang, "intake.outcome.no_dossier"));
      out.tone = Tone::kWarning;
      break;
    case IntakeOutcome::Kind::kAddedToManifest:
      out.title = FormatText(Tr(lang, "intake.outcome.manifest"), {{"id", o.manifest_id}});
      out.lines.push_back(FormatText(Tr(lang, "intake.outcome.applicant"), {{"name", o.applicant_name}}));
      out.lines.push_back(Tr(lang, "intake.outcome.manifest_note"));
      break;
  }
  out.next_label = Tr(lang, o.kind == IntakeOutcome::Kind::kAddedToManifest ? "intake.outcome.back_to_manifest"
                                                                            : "intake.outcome.next");
  v.outcome = std::move(out);
}

}  // namespace

IntakeField IntakeFieldForError(const Error& e) {
  const std::string& f = e.field;
  // The CCCD QR parser's fields ("id", "name", "address", ...: codes/cccd.h) belong to the card, shown
  // with the ID box where the scan landed.
  if (f == "cccd_qr" || f == "id" || f == "old_id" || f == "applicant.id_number" || f == "birth_date" ||
      f == "issue_date" || f == "sex" || f == "name" || f == "address")
    return IntakeField::kIdNumber;
  if (f == "applicant.name") return IntakeField::kName;
  if (f == "applicant.phone") return IntakeField::kPhone;
  if (f == "applicant.email") return IntakeField::kEmail;
  if (f == "applicant.address") return IntakeField::kAddress;
  if (f == "procedure_code") return IntakeField::kProcedure;
  if (f == "components" || f == "component" || f == "cases" || f == "reused_result_code" || f == "file" ||
      f == "files")
    return IntakeField::kComponents;
  if (f == "delivery_address") return IntakeField::kDeliveryAddress;
  if (f == "received_at") return IntakeField::kReceivedAt;
  if (f == "reason") return IntakeField::kReason;
  if (f == "scanner" || f == "device_name" || f == "source") return IntakeField::kScanner;
  return IntakeField::kNone;
}

IntakeView MakeIntakeView(const CounterModel& model, const Station& station, Instant now) {
  const Lang lang = model.lang;
  const IntakeModel& in = model.intake;
  const IntakeDraft& d = in.draft;
  IntakeView v;
  v.title = Tr(lang, "intake.title");
  // The citizen's queue ticket, when the counter serves one (the shell's call panel shows the same).
  if (!model.queue.counter.empty() && model.queue.serving)
    v.queue_line = FormatText(Tr(lang, "queue.intake_line"), {{"ticket", model.queue.serving->label}});
  if (in.outcome) {
    Outcome(v, lang, *in.outcome);
    // Where the receipt (or the slip) went, once F10 printed it.
    using Kind = IntakeOutcome::Kind;
    const Kind kind = in.outcome->kind;
    if (kind != Kind::kAddedToManifest)
      v.outcome->print = MakePrintPlaceView(model, kind == Kind::kReceived ? "form.receipt"
                                                   : kind == Kind::kSupplementSlip ? "form.supplement"
                                                                                   : "form.refusal",
                                            in.outcome->dossier_code);
    return v;
  }
  if (!d.manifest_id.empty())
    v.manifest_line = FormatText(Tr(lang, "intake.manifest_line"), {{"id", d.manifest_id}, {"parcel", d.parcel_number}});

  // applicant
  v.applicant_title = Tr(lang, "intake.applicant");
  v.scan_hint = Tr(lang, "intake.scan_hint");
  const std::pair<dossier::IdType, const char*> id_types[] = {{dossier::IdType::kCccd, "idtype.cccd"},
                                                               {dossier::IdType::kCmnd, "idtype.cmnd"},
                                                               {dossier::IdType::kPassport, "idtype.passport"},
                                                               {dossier::IdType::kTaxCode, "idtype.tax_code"},
                                                               {dossier::IdType::kOther, "idtype.other"}};
  for (const auto& [t, key] : id_types) v.id_types.push_back({static_cast<int>(t), Tr(lang, key), d.id_type == t});
  v.id_label = Tr(lang, "intake.id_number");
  v.name_label = Tr(lang, "intake.name");
  v.phone_label = Tr(lang, "intake.phone");
  v.email_label = Tr(lang, "intake.email");
  v.address_label = Tr(lang, "intake.address");
  v.id_number = d.id_number;
  v.name = d.name;
  v.phone = d.phone;
  v.email = d.email;
  v.address = d.address;
  if (d.from_cccd)
    v.card_line = FormatText(Tr(lang, "intake.card_line"), {{"birth", d.birth_date_text}, {"sex", d.sex}});
  if (!d.cccd_warning.empty()) v.card_warning = Tr(lang, "warning.cccd." + d.cccd_warning);
  if (d.diacritics_unchecked) {
    v.diacritics_warning = Tr(lang, "warning.cccd.diacritics_lost");
    v.confirm_card_text_label = Tr(lang, "intake.confirm_card_text");
  }
  v.id_hint = IdHint(lang, d);

  // procedure
  v.procedure_title = Tr(lang, "intake.procedure");
  v.search_label = Tr(lang, "intake.search");
  v.search_hint = Tr(lang, "intake.search_hint");
  v.query = d.procedure_query;
  for (const catalog::SearchHit& h : in.hits)
    if (h.index < station.procedures.size()) v.hits.push_back(HitFor(lang, station.procedures[h.index]));
  if (!d.procedure_query.empty() && v.hits.empty()) v.no_hits_text = Tr(lang, "intake.no_hits");
  v.recent_title = Tr(lang, "intake.recent");
  for (std::size_t i = 0; i < model.recent_procedures.size(); ++i)
    if (const catalog::Procedure* p = station.FindProcedure(model.recent_procedures[i]))
      v.recent.push_back(HitFor(lang, *p, "Ctrl+" + std::to_string(i + 1)));
  v.change_procedure_label = Tr(lang, "intake.change_procedure");
  const catalog::Procedure* proc = d.procedure_code.empty() ? nullptr : station.FindProcedure(d.procedure_code);
  if (proc != nullptr) {
    v.has_procedure = true;
    v.procedure = HitFor(lang, *proc);
  }

  // checklist
  v.checklist_title = Tr(lang, "intake.checklist");
  v.cases_hint = Tr(lang, "intake.cases_hint");
  v.scan_label = Tr(lang, "intake.scan");
  v.import_label = Tr(lang, "intake.import");
  v.shown_only_label = Tr(lang, "intake.shown_only");
  v.reuse_label = Tr(lang, "intake.reuse");
  v.clear_label = Tr(lang, "intake.clear");
  v.import_hint = Tr(lang, "intake.import_hint");
  v.reuse_code_label = Tr(lang, "intake.reuse_code");
  int handed = 0, needed = 0;
  const std::vector<int> missing = MissingComponents(d);
  v.next_missing = missing.empty() ? -1 : missing.front();
  const int scanning =
      model.file_job && model.file_job->target.kind == FileTargetKind::kIntakeComponent ? model.file_job->target.index : -1;
  for (std::size_t i = 0; i < d.components.size(); ++i) {
    const DraftComponent& c = d.components[i];
    if (v.groups.empty() || v.groups.back().heading.group != c.group) {
      ComponentGroupView g;
      g.heading.group = c.group;
      g.heading.label = c.group.empty() ? std::string(Tr(lang, "intake.group_default")) : c.group;
      g.heading.is_every_case = catalog::AppliesToEveryCase(c.group);
      g.heading.is_chosen = ComponentApplies(d, c);
      v.groups.push_back(std::move(g));
    }
    if (!ComponentApplies(d, c)) continue;
    ComponentRowView row;
    row.index = static_cast<int>(i);
    row.name = c.name;
    row.counts = Counts(lang, c);
    row.mode = c.mode;
    row.is_required = c.required;
    row.is_flagged = std::find(in.flagged.begin(), in.flagged.end(), static_cast<int>(i)) != in.flagged.end();
    row.is_scanning = scanning == static_cast<int>(i);
    row.reused_result_code = c.reused_result_code;
    switch (c.mode) {
      case ComponentMode::kMissing:
        row.status = Tr(lang, "intake.status.missing");
        row.tone = row.is_flagged ? Tone::kDanger : Tone::kWarning;
        break;
      case ComponentMode::kNotProvided:
        row.status = Tr(lang, "intake.status.not_provided");
        row.tone = Tone::kNeutral;
        break;
      case ComponentMode::kFile:
        row.status = FormatText(Tr(lang, "intake.status.file"),
                                {{"files", std::to_string(c.files.size())}, {"pages", std::to_string(PageCount(c))}});
        row.tone = Tone::kSuccess;
        break;
      case ComponentMode::kShownOnly:
        row.status = Tr(lang, "intake.status.shown_only");
        row.tone = Tone::kSuccess;
        break;
      case ComponentMode::kReused:
        row.status = FormatText(Tr(lang, "intake.status.reused"), {{"code", c.reused_result_code}});
        row.tone = Tone::kSuccess;
        break;
    }
    if (row.is_scanning) {
      row.status = Tr(lang, "intake.status.scanning");
      row.tone = Tone::kInfo;
    }
    if (c.required) {
      ++needed;
      if (c.mode != ComponentMode::kMissing) ++handed;
    }
    v.groups.back().rows.push_back(std::move(row));
  }
  if (proc != nullptr)
    v.checklist_summary = FormatText(Tr(lang, "intake.checklist_summary"),
                                     {{"done", std::to_string(handed)}, {"total", std::to_string(needed)}});

  // fees, channel, delivery, due date
  v.fees_title = Tr(lang, "intake.fees");
  if (proc != nullptr) {
    const char* channel = d.channel == dossier::Channel::kPostal ? "postal" : d.channel == dossier::Channel::kOnline ? "online" : "counter";
    std::int64_t total = 0;
    for (const catalog::Fee& f : proc->fees)
      if (f.channel.empty() || f.channel == channel) {
        v.fees.push_back({NormalizeNfc(f.name), FormatMoney(lang, f.amount_vnd)});
        total += f.amount_vnd;
      }
    if (!v.fees.empty()) v.fees_total = FormatText(Tr(lang, "intake.fees_total"), {{"amount", FormatMoney(lang, total)}});
    else if (!proc->fees_as_published.empty()) v.fees_total = NormalizeNfc(proc->fees_as_published);
    else v.fees_total = Tr(lang, "intake.no_fees");
  }
  v.channel_label = Tr(lang, "intake.channel");
  v.channels = {{static_cast<int>(dossier::Channel::kCounter), Tr(lang, "channel.counter"), d.channel == dossier::Channel::kCounter},
                {static_cast<int>(dossier::Channel::kPostal), Tr(lang, "channel.postal"), d.channel == dossier::Channel::kPostal}};
  v.shows_received_at = d.channel == dossier::Channel::kPostal;
  v.received_at_label = Tr(lang, "intake.received_at");
  v.received_at_text = d.received_at_text;
  v.delivery_label = Tr(lang, "intake.delivery");
  v.deliveries = {{static_cast<int>(dossier::Delivery::kCounter), Tr(lang, "delivery.counter"), d.delivery == dossier::Delivery::kCounter}};
  if (proc == nullptr || proc->postal_allowed)
    v.deliveries.push_back({static_cast<int>(dossier::Delivery::kPostal), Tr(lang, "delivery.postal"), d.delivery == dossier::Delivery::kPostal});
  v.shows_delivery_address = d.delivery == dossier::Delivery::kPostal;
  v.delivery_address_label = Tr(lang, "intake.delivery_address");
  v.delivery_address = d.delivery_address;
  v.sets_label = Tr(lang, "intake.sets");
  v.sets = d.sets;
  if (proc != nullptr) DueLine(v, lang, d, *proc, station, now);

  // actions
  v.is_busy = model.file_job.has_value();
  v.can_confirm = proc != nullptr && !v.is_busy && in.active;
  v.confirm_label = Tr(lang, d.manifest_id.empty() ? "intake.confirm" : "intake.confirm_manifest");
  v.supplement_label = Tr(lang, "intake.supplement");
  v.refusal_label = Tr(lang, "intake.refusal");
  v.reason_label = Tr(lang, "intake.reason");
  v.discard_label = Tr(lang, "intake.discard");
  v.discard_confirm_text = Tr(lang, "intake.discard_confirm");
  v.keys_hint = Tr(lang, "intake.keys_hint");

  if (in.error) {
    v.error_text = ErrorMessage(lang, *in.error);
    v.error_field = IntakeFieldForError(*in.error);
    if (v.error_field == IntakeField::kIdNumber && (in.error->field == "cccd_qr" || in.error->field == "id" ||
                                                    in.error->field == "old_id" || in.error->field == "birth_date" ||
                                                    in.error->field == "issue_date" || in.error->field == "sex" ||
                                                    in.error->field == "name" || in.error->field == "address"))
      v.error_text = FormatText(Tr(lang, "intake.bad_card"), {{"why", v.error_text}});
  }
  v.error_serial = in.error_serial;
  v.focus = in.focus;
  v.focus_serial = in.focus_serial;
  return v;
}

}  // namespace motcua::ui
