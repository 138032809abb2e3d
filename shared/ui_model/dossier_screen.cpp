// The dossier screen's actions: lifecycle actions through workflow::Apply, the apology, digitizing
// components and results, the dossier's forms (Mẫu 01-05, the result handover record) and the handover
// to postal staff.
#include <algorithm>

#include "common/text.h"
#include "print/form_pdf.h"
#include "ui_model/internal/counter_apply.h"
#include "workflow/receipt_form.h"

namespace motcua::ui {
namespace {

void Fail(DossierModel& m, Error e, std::string form) {
  m.error = std::move(e);
  m.error_arg.clear();
  m.error_form = std::move(form);
  ++m.error_serial;
  m.notice_key.clear();
}

void Succeed(CounterModel& model, std::string notice_key) {
  model.dossier.error.reset();
  model.dossier.error_form.clear();
  model.dossier.notice_key = std::move(notice_key);
  model.worklist.stale = true;
}

print::FormHeader HeaderFor(const Station& s, Instant now) {
  return workflow::DeskFormHeader(s.desk.settings, LocalDateVn(now));
}

print::Applicant ApplicantOf(const dossier::Dossier& d) {
  return {d.applicant.name, d.applicant.id_number, d.applicant.address, d.applicant.phone, d.applicant.email};
}

print::ApologyForm ApologyFormFor(const dossier::Dossier& d, const Station& s, Instant now) {
  print::ApologyForm f;
  f.header = HeaderFor(s, now);
  f.apologizing_body = d.processing_unit;
  f.applicant = ApplicantOf(d);
  f.dossier_code = d.code;
  f.procedure_name = d.procedure_name;
  f.received_at = d.received_at;
  f.original_due_at = d.original_due_at;
  f.new_due_at = d.due_at;
  f.reason = d.apology_reason;
  return f;
}

print::SupplementRequestForm SupplementFormFor(const dossier::Dossier& d, const Station& s, Instant now,
                                               const std::string& officer) {
  print::SupplementRequestForm f;
  f.header = HeaderFor(s, now);
  f.dossier_code = d.code;
  f.receiving_unit = d.receiving_unit;
  f.applicant = ApplicantOf(d);
  f.procedure_name = d.procedure_name;
  f.received_at = d.received_at;
  if (!d.supplements.empty()) {
    const dossier::SupplementRequest& r = d.supplements.back();
    for (const std::string& item : r.items) f.items.push_back({.name = item});
    if (f.items.empty()) f.items.push_back({.name = r.reason});
    f.reasons.push_back(r.reason);
  }
  f.officer_name = officer;
  return f;
}

print::RefusalForm RefusalFormFor(const dossier::Dossier& d, const Station& s, Instant now, const std::string& officer) {
  print::RefusalForm f;
  f.header = HeaderFor(s, now);
  f.dossier_code = d.code;
  f.receiving_unit = d.receiving_unit;
  f.applicant = ApplicantOf(d);
  f.procedure_name = d.procedure_name;
  f.deciding_body = d.processing_unit;
  f.reasons.push_back(d.state_reason.empty() ? "…" : d.state_reason);
  f.signer_name = officer;
  return f;
}

// Mẫu 05 from the steps: the handover to the processing unit and the result coming back, with
// the result column judged against the due instant current at the time (trước / đúng / quá hạn).
print::ControlSlipForm ControlSlipFor(const dossier::Dossier& d, const Station& s, Instant now) {
  print::ControlSlipForm f;
  f.header = HeaderFor(s, now);
  f.dossier_code = d.code;
  f.applicant_name = d.applicant.name;
  f.procedure_name = d.procedure_name;
  f.received_at = d.received_at;
  f.due_at = d.due_at;
  f.processing_body = d.processing_unit;
  const std::string desk = "Bộ phận TN&TKQ";
  for (const dossier::Step& step : d.steps) {
    print::ControlStep c;
    if (step.state == dossier::State::kTransferred) {
      c.giving_unit = desk;
      c.receiving_unit = step.unit;
      c.handed_at = step.at;
      c.giver_name = step.actor;
    } else if (step.state == dossier::State::kDone) {
      c.giving_unit = step.unit;
      c.receiving_unit = desk;
      c.handed_at = step.at;
      c.receiver_name = step.actor;
      if (d.due_at) {
        const LocalDate done_day = LocalDateVn(step.at);
        const LocalDate due_day = LocalDateVn(*d.due_at);
        c.outcome = step.at > *d.due_at ? print::ControlStep::Outcome::kLate
                    : done_day < due_day ? print::ControlStep::Outcome::kEarly
                                         : print::ControlStep::Outcome::kOnTime;
      }
    } else if (step.state == dossier::State::kAwaitingSupplement) {
      c.giving_unit = step.unit;
      c.receiving_unit = desk;
      c.handed_at = step.at;
      c.note = step.content;
    } else {
      continue;
    }
    f.steps.push_back(std::move(c));
  }
  return f;
}

// "Số CCCD", "Số CMND", ...: how an ID number is labelled on a printed form (forms are in Vietnamese
// whatever the screen's language).
std::string IdNumberLabel(dossier::IdType t) {
  switch (t) {
    case dossier::IdType::kCccd: return "Số CCCD";
    case dossier::IdType::kCmnd: return "Số CMND";
    case dossier::IdType::kTaxCode: return "Mã số thuế";
    case dossier::IdType::kPassport: return "Số hộ chiếu";
    case dossier::IdType::kOther: return "Số giấy tờ";
  }
  return "Số giấy tờ";
}

// The handover record of a returned dossier, from what the core stored at the return (so a reprint
// says the same). The officer is the one who returned it: their shown name if they are signed in here,
// else their user name.
print::ResultHandoverForm ResultHandoverFor(const CounterModel& model, const dossier::Dossier& d, const Station& s) {
  MOTCUA_ASSERT(d.result_return.has_value(), "the handover record needs a returned dossier (result_return)");
  const dossier::ResultReturn& r = *d.result_return;
  print::ResultHandoverForm f;
  f.header = HeaderFor(s, r.at);
  f.dossier_code = d.code;
  f.procedure_name = d.procedure_name;
  f.applicant = ApplicantOf(d);
  f.applicant_id_label = IdNumberLabel(d.applicant.id_type);
  for (const dossier::ResultDocument& doc : d.results)
    f.results.push_back(doc.result_code.empty() ? doc.name : doc.name + " (số " + doc.result_code + ")");
  f.originals_returned = r.originals_returned;
  f.receiver_name = r.receiver_name;
  f.receiver_id_label = IdNumberLabel(r.receiver_id_type);
  f.receiver_id = r.receiver_id;
  f.handed_at = r.at;
  f.officer_name = model.session && model.session->user_name == r.by ? model.session->shown_name() : r.by;
  return f;
}

void PrintForm(CounterModel& model, const CounterBackend& backend, DossierForm which) {
  const dossier::Dossier& d = *model.dossier.dossier;
  const Station& s = *backend.station;
  const std::string officer = model.session->shown_name();
  switch (which) {
    case DossierForm::kReceipt: {
      Result<std::string> token = workflow::ReceiptTokenFor(s.desk, d);
      if (!token.has_value()) {
        Fail(model.dossier, token.error(), "print");
        return;
      }
      // The officer who received it signs, as on the first print.
      std::string receiver = d.steps.empty() ? officer : d.steps.front().actor;
      print::ReceiptForm f = workflow::MakeReceiptForm(d, s.desk.settings, *token, receiver);
      internal::StartPrint(model, backend, "form.receipt", d.code, "mau01",
                           [f = std::move(f)] { return print::RenderReceiptPdf(f); });
      return;
    }
    case DossierForm::kControlSlip: {
      print::ControlSlipForm f = ControlSlipFor(d, s, backend.now);
      internal::StartPrint(model, backend, "form.control_slip", d.code, "mau05",
                           [f = std::move(f)] { return print::RenderControlSlipPdf(f); });
      return;
    }
    case DossierForm::kApology: {
      print::ApologyForm f = ApologyFormFor(d, s, backend.now);
      internal::StartPrint(model, backend, "form.apology", d.code, "mau04",
                           [f = std::move(f)] { return print::RenderApologyPdf(f); });
      return;
    }
    case DossierForm::kSupplement: {
      print::SupplementRequestForm f = SupplementFormFor(d, s, backend.now, officer);
      internal::StartPrint(model, backend, "form.supplement", d.code,
                           "mau02-" + std::to_string(d.SupplementCount()),
                           [f = std::move(f)] { return print::RenderSupplementRequestPdf(f); });
      return;
    }
    case DossierForm::kRefusal: {
      print::RefusalForm f = RefusalFormFor(d, s, backend.now, officer);
      internal::StartPrint(model, backend, "form.refusal", d.code, "mau03",
                           [f = std::move(f)] { return print::RenderRefusalPdf(f); });
      return;
    }
    case DossierForm::kResultHandover: {
      print::ResultHandoverForm f = ResultHandoverFor(model, d, s);
      internal::StartPrint(model, backend, "form.result_handover", d.code, "giao-nhan-ket-qua",
                           [f = std::move(f)] { return print::RenderResultHandoverPdf(f); });
      return;
    }
  }
}

Status RequireOpenDossier(const CounterModel& model) {
  if (!model.dossier.dossier) return Invalid("code", "no_dossier_open", "open a dossier first");
  return Ok();
}

}  // namespace

namespace internal {

Status OpenDossierScreen(CounterModel& model, const CounterBackend& backend, const std::string& code) {
  MOTCUA_TRY(RequirePermission(model, workflow::Permission::kProcess));
  store::Store& st = *backend.station->store;
  MOTCUA_ASSIGN_OR_RETURN(auto found, st.GetDossier(code));
  if (!found) return NotFound("code", "no_such_dossier", "no dossier " + code);
  MOTCUA_ASSIGN_OR_RETURN(auto journal, st.ReadJournal({.dossier_code = code}));
  const std::string back = model.screen == kScreenDossier ? model.dossier.back_screen : model.screen;
  model.dossier = {};
  model.dossier.dossier = std::move(found);
  model.dossier.journal = std::move(journal);
  model.dossier.back_screen = back.empty() || back == kScreenDossier ? std::string(kScreenWorklist) : back;
  model.screen = std::string(kScreenDossier);
  return Ok();
}

Status ReloadDossier(CounterModel& model, const CounterBackend& backend) {
  if (!model.dossier.dossier) return Ok();
  store::Store& st = *backend.station->store;
  const std::string code = model.dossier.dossier->code;
  MOTCUA_ASSIGN_OR_RETURN(auto found, st.GetDossier(code));
  if (!found) return NotFound("code", "no_such_dossier", "no dossier " + code);
  MOTCUA_ASSIGN_OR_RETURN(auto journal, st.ReadJournal({.dossier_code = code}));
  model.dossier.dossier = std::move(found);
  model.dossier.journal = std::move(journal);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const RunLifecycleAction& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  const Station& s = *backend.station;
  workflow::ActionDetails details = a.details;
  if (a.action == dossier::Action::kTransfer && std::string_view(Trim(details.unit)).empty())
    details.unit = model.dossier.dossier->processing_unit;
  Result<dossier::Dossier> r = workflow::Apply(s.desk, ActorOf(model, backend), model.dossier.dossier->code,
                                               a.action, details, backend.now);
  if (!r.has_value()) {
    Fail(model.dossier, r.error(), dossier::ActionKey(a.action));
    return std::move(r.error());
  }
  MOTCUA_TRY(ReloadDossier(model, backend));
  Succeed(model, "dossier.notice.saved");
  // The papers the law attaches to some actions, printed at once: Mẫu 02 for a supplement request,
  // Mẫu 03 for a refusal after appraisal.
  if (a.action == dossier::Action::kRequestSupplement) PrintForm(model, backend, DossierForm::kSupplement);
  if (a.action == dossier::Action::kRefuse) PrintForm(model, backend, DossierForm::kRefusal);
  // The handover record both sides sign when the result is collected at the counter.
  if (a.action == dossier::Action::kReturnResult) PrintForm(model, backend, DossierForm::kResultHandover);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const RequestApology& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  Result<LocalMinute> when = ParseTypedMinute(Trim(a.new_due_text), "new_due_at");
  if (!when.has_value()) {
    Fail(model.dossier, when.error(), "apology");
    return std::move(when.error());
  }
  Result<dossier::Dossier> r = workflow::IssueApology(backend.station->desk, ActorOf(model, backend),
                                                      model.dossier.dossier->code, FromLocalVn(*when), a.reason,
                                                      backend.now);
  if (!r.has_value()) {
    Fail(model.dossier, r.error(), "apology");
    // Offer the next working instant with the refusal, in the form the officer types dates.
    if (r.error().rule == "not_working_time")
      if (auto next = workflow::WorkingDueAtOrAfter(backend.station->desk, FromLocalVn(*when)))
        model.dossier.error_arg = FormatDmyHm(ToLocalVn(*next));
    return std::move(r.error());
  }
  MOTCUA_TRY(ReloadDossier(model, backend));
  Succeed(model, "dossier.notice.apology_issued");
  PrintForm(model, backend, DossierForm::kApology);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ScanDossierComponent& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  const dossier::Dossier& d = *model.dossier.dossier;
  if (a.index < 0 || a.index >= static_cast<int>(d.components.size()))
    return Invalid("component", "no_such_component", "no component #" + std::to_string(a.index));
  Status s = RequirePermission(model, workflow::Permission::kDigitize);
  if (s.has_value()) s = StartScan(model, backend, {FileTargetKind::kDossierComponent, a.index, d.code}, d.components[a.index].name);
  if (!s.has_value()) Fail(model.dossier, s.error(), "component");
  return s;
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ImportDossierComponentFiles& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  const dossier::Dossier& d = *model.dossier.dossier;
  if (a.index < 0 || a.index >= static_cast<int>(d.components.size()))
    return Invalid("component", "no_such_component", "no component #" + std::to_string(a.index));
  Status s = RequirePermission(model, workflow::Permission::kDigitize);
  if (s.has_value())
    s = StartImport(model, backend, {FileTargetKind::kDossierComponent, a.index, d.code}, d.components[a.index].name,
                    a.paths);
  if (!s.has_value()) Fail(model.dossier, s.error(), "component");
  return s;
}

Status Apply(CounterModel& model, const CounterBackend& backend, const MarkDossierComponentReused& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  Result<dossier::Dossier> r =
      workflow::MarkComponentReused(backend.station->desk, ActorOf(model, backend), model.dossier.dossier->code,
                                    a.index, a.result_code, a.from_citizen_store, backend.now);
  if (!r.has_value()) {
    Fail(model.dossier, r.error(), "component");
    return std::move(r.error());
  }
  MOTCUA_TRY(ReloadDossier(model, backend));
  Succeed(model, "dossier.notice.saved");
  return Ok();
}

namespace {

Result<FileTarget> ResultTarget(const CounterModel& model, int index, const std::string& name,
                                const std::string& result_code, bool e_signed) {
  const dossier::Dossier& d = *model.dossier.dossier;
  FileTarget t{FileTargetKind::kDossierResult, index, d.code};
  if (index >= 0 && index < static_cast<int>(d.results.size())) {
    t.result_name = d.results[index].name;
  } else {
    t.index = -1;
    t.result_name = NormalizeNfc(Trim(name));
    if (t.result_name.empty()) return Invalid("result_name", "missing", "name the result document");
  }
  t.result_code = std::string(Trim(result_code));
  t.e_signed = e_signed;
  return t;
}

}  // namespace

Status Apply(CounterModel& model, const CounterBackend& backend, const ScanResultDocument& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  Result<FileTarget> t = ResultTarget(model, a.index, a.name, a.result_code, a.e_signed);
  Status s = t.has_value() ? RequirePermission(model, workflow::Permission::kDigitize) : Status(t.error());
  if (s.has_value()) s = StartScan(model, backend, *t, t->result_name);
  if (!s.has_value()) Fail(model.dossier, s.error(), "result");
  return s;
}

Status Apply(CounterModel& model, const CounterBackend& backend, const ImportResultDocument& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  Result<FileTarget> t = ResultTarget(model, a.index, a.name, a.result_code, a.e_signed);
  Status s = t.has_value() ? RequirePermission(model, workflow::Permission::kDigitize) : Status(t.error());
  if (s.has_value()) s = StartImport(model, backend, *t, t->result_name, a.paths);
  if (!s.has_value()) Fail(model.dossier, s.error(), "result");
  return s;
}

void DeliverDossierFile(CounterModel& model, const CounterBackend& backend, const FileTarget& target,
                        Result<dossier::Attachment> file) {
  const char* form = target.kind == FileTargetKind::kDossierResult ? "result" : "component";
  if (!file.has_value()) {
    Error e = file.error();
    if (e.field.empty() || e.field == "pages" || e.field == "image") e.field = "scanner";
    Fail(model.dossier, e, form);
    return;
  }
  const Station& s = *backend.station;
  const workflow::Actor actor = ActorOf(model, backend);
  Result<dossier::Dossier> r = [&]() -> Result<dossier::Dossier> {
    if (target.kind == FileTargetKind::kDossierComponent)
      return workflow::AttachComponentFile(s.desk, actor, target.dossier_code, target.index, *file, backend.now);
    dossier::ResultDocument doc;
    doc.name = target.result_name;
    doc.result_code = target.result_code;
    doc.file = *file;
    doc.e_signed = target.e_signed;
    return workflow::RecordResult(s.desk, actor, target.dossier_code, doc, backend.now);
  }();
  const bool on_screen = model.dossier.dossier && model.dossier.dossier->code == target.dossier_code;
  if (!r.has_value()) {
    if (on_screen) Fail(model.dossier, r.error(), form);
    else SetNotice(model, "notice.scan_error", ErrorMessage(model.lang, r.error()), Tone::kDanger);
    return;
  }
  if (on_screen) {
    (void)ReloadDossier(model, backend);
    Succeed(model, target.kind == FileTargetKind::kDossierResult ? "dossier.notice.result_saved"
                                                                  : "dossier.notice.saved");
  }
}

Status Apply(CounterModel& model, const CounterBackend& backend, const PrintDossierForm& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  const dossier::Dossier& d = *model.dossier.dossier;
  if (a.form == DossierForm::kApology && d.apology_count == 0) {
    Error e = Invalid("apology_count", "no_apology", "this dossier was never re-dated");
    Fail(model.dossier, e, "print");
    return e;
  }
  if (a.form == DossierForm::kResultHandover && !d.result_return) {
    Error e = Invalid("result_return", "not_returned", "the result was not returned yet");
    Fail(model.dossier, e, "print");
    return e;
  }
  if (a.form == DossierForm::kSupplement && d.supplements.empty()) {
    Error e = Invalid("supplements", "no_supplement", "no supplement was requested");
    Fail(model.dossier, e, "print");
    return e;
  }
  PrintForm(model, backend, a.form);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const HandToPostal& a) {
  MOTCUA_TRY(RequireOpenDossier(model));
  const Station& s = *backend.station;
  const workflow::Actor actor = ActorOf(model, backend);
  // The open outbound draft of this station, or a new one.
  Result<std::vector<postal::Manifest>> drafts =
      postal::ListManifests(*s.store, {.direction = postal::Direction::kOutbound, .status = postal::ManifestStatus::kDraft});
  if (!drafts.has_value()) {
    Fail(model.dossier, drafts.error(), "postal");
    return std::move(drafts.error());
  }
  std::string id;
  for (const postal::Manifest& m : *drafts)
    if (m.station == s.paths.station_id) {
      id = m.id;
      break;
    }
  if (id.empty()) {
    Result<postal::Manifest> created = postal::CreateManifest(s.desk, actor, postal::Direction::kOutbound, {}, {}, backend.now);
    if (!created.has_value()) {
      Fail(model.dossier, created.error(), "postal");
      return std::move(created.error());
    }
    id = created->id;
  }
  postal::OutboundItem item;
  item.lookup = model.dossier.dossier->code;
  item.parcel_number = a.parcel_number;
  item.originals_returned = a.originals_returned;
  item.no_digital_result_reason = a.no_digital_result_reason;
  Result<postal::Manifest> m = postal::AddOutboundItem(s.desk, actor, id, item, s.postal_settings, backend.now);
  if (!m.has_value()) {
    Fail(model.dossier, m.error(), "postal");
    return std::move(m.error());
  }
  (void)ReloadDossier(model, backend);
  Succeed(model, "dossier.notice.on_manifest");
  model.postal.stale = true;
  SetNotice(model, "notice.on_manifest", id, Tone::kSuccess);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const CloseDossier&) {
  const std::string back = model.dossier.back_screen.empty() ? std::string(kScreenWorklist) : model.dossier.back_screen;
  model.dossier.dossier.reset();
  model.dossier.journal.clear();
  return Apply(model, backend, Navigate{back});
}

}  // namespace internal
}  // namespace motcua::ui
