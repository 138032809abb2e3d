#include "ui_model/dossier_view.h"

#include <cstdio>

#include "calendar/working_calendar.h"
#include "ui_model/shell_view.h"

namespace motcua::ui {
namespace {

// Which permission an action needs (the same table as workflow/desk.cpp: only returning a result
// differs); the core checks it again.
workflow::Permission PermissionFor(dossier::Action a) {
  return a == dossier::Action::kReturnResult ? workflow::Permission::kReturnResult : workflow::Permission::kProcess;
}

Tone ToneForState(dossier::State s) {
  switch (s) {
    case dossier::State::kDone:
    case dossier::State::kReturned: return Tone::kSuccess;
    case dossier::State::kRefused:
    case dossier::State::kStopped:
    case dossier::State::kWithdrawn: return Tone::kNeutral;
    case dossier::State::kAwaitingSupplement:
    case dossier::State::kAwaitingPayment:
    case dossier::State::kWithdrawalRequested: return Tone::kWarning;
    default: return Tone::kInfo;
  }
}

Tone ToneForAction(dossier::Action a) {
  switch (a) {
    case dossier::Action::kRefuse:
    case dossier::Action::kStop:
    case dossier::Action::kConfirmWithdrawal: return Tone::kDanger;
    case dossier::Action::kMarkDone:
    case dossier::Action::kReturnResult:
    case dossier::Action::kTransfer:
    case dossier::Action::kReceiveSupplement: return Tone::kInfo;
    default: return Tone::kNeutral;
  }
}

std::string Pages(const std::vector<dossier::Attachment>& files) {
  int pages = 0;
  for (const auto& f : files) pages += f.pages;
  return std::to_string(pages);
}

std::string SuggestedNewDue(const Station& station, const dossier::Dossier& d, Instant now) {
  const Instant base = d.due_at && *d.due_at > now ? *d.due_at : now;
  const LocalMinute local = ToLocalVn(base);
  const LocalDate day = std::chrono::floor<std::chrono::days>(local);
  Result<LocalDate> later = calendar::AddWorkingDays(*station.calendar, day, 5);
  const LocalDate target = later.has_value() ? *later : day + std::chrono::days(7);
  return FormatDmyHm(target + (local - day));
}

}  // namespace

DossierView MakeDossierView(const CounterModel& model, const Station& station, Instant now) {
  const Lang lang = model.lang;
  const DossierModel& m = model.dossier;
  DossierView v;
  MOTCUA_ASSERT(m.dossier.has_value(), "MakeDossierView needs an open dossier (DossierModel::dossier)");
  const dossier::Dossier& d = *m.dossier;
  v.title = FormatText(Tr(lang, "dossier.title"), {{"code", d.code}});
  v.back_label = Tr(lang, "dossier.back");
  v.state_text = StateLabel(lang, d.state);
  v.state_tone = ToneForState(d.state);
  const workflow::Urgency u = workflow::ClassifyUrgency(*station.calendar, d.state, d.due_at, now);
  v.urgency_text = UrgencyLabel(lang, u);
  v.urgency_tone = ToneForUrgency(u);
  // One chip when the second would only repeat the first: "Chờ bổ sung" twice, or "Đã xong" beside
  // "Đã xử lý xong" (a finished dossier's state says it all).
  if (v.urgency_text == v.state_text || u == workflow::Urgency::kFinished) v.urgency_text.clear();

  auto fact = [&](const char* key, std::string value) {
    if (!value.empty()) v.facts.push_back({Tr(lang, key), std::move(value)});
  };
  fact("dossier.applicant", d.applicant.name);
  fact("dossier.id_number", d.applicant.id_number);
  fact("dossier.phone", d.applicant.phone);
  fact("dossier.address", d.applicant.address);
  fact("dossier.procedure", d.procedure_code + " · " + d.procedure_name);
  fact("dossier.unit", d.processing_unit);
  fact("dossier.received_at", FormatWhen(lang, d.received_at));
  fact("dossier.due_at", d.due_at ? FormatWhen(lang, *d.due_at) : std::string(Tr(lang, "intake.no_due_date")));
  if (d.original_due_at && d.due_at && *d.original_due_at != *d.due_at)
    fact("dossier.original_due_at", FormatWhen(lang, *d.original_due_at));
  fact("dossier.channel", Tr(lang, d.channel == dossier::Channel::kPostal   ? "channel.postal"
                                   : d.channel == dossier::Channel::kOnline ? "channel.online"
                                                                            : "channel.counter"));
  fact("dossier.delivery", d.delivery == dossier::Delivery::kPostal
                               ? std::string(Tr(lang, "delivery.postal")) + ": " + d.delivery_address
                               : std::string(Tr(lang, "delivery.counter")));
  fact("dossier.lookup_secret", d.lookup_secret);
  fact("dossier.state_reason", d.state_reason);
  if (d.result_return) {
    const dossier::ResultReturn& r = *d.result_return;
    const char* type_key = r.receiver_id_type == dossier::IdType::kCccd       ? "idtype.cccd"
                           : r.receiver_id_type == dossier::IdType::kCmnd     ? "idtype.cmnd"
                           : r.receiver_id_type == dossier::IdType::kPassport ? "idtype.passport"
                                                                              : nullptr;
    std::string id = r.receiver_id.empty() ? std::string()
                     : type_key != nullptr ? " (" + std::string(Tr(lang, type_key)) + " " + r.receiver_id + ")"
                                           : " (" + r.receiver_id + ")";
    fact("dossier.returned_to", r.receiver_name + id + ", " + FormatWhen(lang, r.at));
  }

  const bool can_digitize = SessionCan(model.session, workflow::Permission::kDigitize) && !dossier::IsTerminal(d.state);
  v.can_digitize = can_digitize;
  v.components_title = Tr(lang, "dossier.components");
  for (std::size_t i = 0; i < d.components.size(); ++i) {
    const dossier::Component& c = d.components[i];
    DossierComponentView cv;
    cv.index = static_cast<int>(i);
    cv.name = c.name;
    cv.can_digitize = can_digitize;
    if (!c.files.empty()) {
      cv.status = FormatText(Tr(lang, "dossier.component.files"), {{"pages", Pages(c.files)}});
      cv.tone = Tone::kSuccess;
    } else if (!c.reused_result_code.empty()) {
      cv.status = FormatText(Tr(lang, "intake.status.reused"), {{"code", c.reused_result_code}});
      cv.tone = Tone::kSuccess;
    } else if (c.from_citizen_store) {
      cv.status = Tr(lang, "dossier.component.citizen_store");
      cv.tone = Tone::kSuccess;
    } else if (c.shown_only) {
      cv.status = Tr(lang, "intake.status.shown_only");
      cv.tone = Tone::kSuccess;
    } else {
      cv.status = Tr(lang, "dossier.component.not_digitized");
      cv.tone = Tone::kWarning;
    }
    v.components.push_back(std::move(cv));
  }
  v.results_title = Tr(lang, "dossier.results");
  bool paper_without_copy = false;
  for (std::size_t i = 0; i < d.results.size(); ++i) {
    const dossier::ResultDocument& r = d.results[i];
    DossierResultView rv;
    rv.index = static_cast<int>(i);
    rv.name = r.name;
    rv.result_code = r.result_code;
    rv.paper_required = r.paper_required;
    rv.has_file = r.file.has_value();
    rv.e_signed = r.e_signed;
    if (r.file) {
      rv.status = Tr(lang, r.e_signed ? "dossier.result.signed" : "dossier.result.digitized");
      rv.tone = Tone::kSuccess;
    } else {
      rv.status = Tr(lang, r.paper_required ? "dossier.result.paper_no_copy" : "dossier.result.none");
      rv.tone = r.paper_required ? Tone::kWarning : Tone::kNeutral;
      paper_without_copy = paper_without_copy || r.paper_required;
    }
    v.results.push_back(std::move(rv));
  }
  v.scan_label = Tr(lang, "intake.scan");
  v.import_label = Tr(lang, "intake.import");
  v.reuse_label = Tr(lang, "intake.reuse");
  v.result_code_label = Tr(lang, "dossier.result_code");
  v.e_signed_label = Tr(lang, "dossier.e_signed");
  v.result_name_label = Tr(lang, "dossier.result_name");
  v.add_result_label = Tr(lang, "dossier.add_result");
  v.import_hint = Tr(lang, "intake.import_hint");

  // Timeline: every journal event, with the step it wrote when there is one (same time and actor).
  v.timeline_title = Tr(lang, "dossier.timeline");
  std::vector<bool> step_used(d.steps.size(), false);
  for (const store::JournalEvent& e : m.journal) {
    TimelineEntry t;
    t.when = FormatShortWhen(e.at);
    t.who = e.actor + (e.station.empty() ? "" : " · " + e.station);
    for (std::size_t i = 0; i < d.steps.size(); ++i) {
      if (step_used[i] || d.steps[i].actor != e.actor) continue;
      if (d.steps[i].at == e.at || (e.type == "dossier.received" && i == 0)) {
        t.what = d.steps[i].content;
        step_used[i] = true;
        break;
      }
    }
    if (t.what.empty()) {
      const char* label = FindString(lang, "event." + e.type);
      t.what = label != nullptr ? label : e.type;
    }
    v.timeline.push_back(std::move(t));
  }

  v.actions_title = Tr(lang, "dossier.actions");
  for (dossier::Action a : dossier::LegalActions(d.state)) {
    if (!SessionCan(model.session, PermissionFor(a))) continue;
    DossierActionView av;
    av.action = a;
    av.key = dossier::ActionKey(a);
    av.label = Tr(lang, "action." + av.key);
    av.tone = ToneForAction(a);
    av.needs_reason = a == dossier::Action::kRefuse || a == dossier::Action::kRequestSupplement ||
                      a == dossier::Action::kStop || a == dossier::Action::kRequestWithdrawal;
    av.needs_items = a == dossier::Action::kRequestSupplement;
    av.needs_unit = a == dossier::Action::kTransfer;
    av.needs_receiver = a == dossier::Action::kReturnResult;
    av.needs_payment_channel = a == dossier::Action::kRecordPayment;
    av.needs_digital_reason = a == dossier::Action::kReturnResult && paper_without_copy;
    av.default_unit = d.processing_unit;
    if (av.needs_receiver) {
      av.default_receiver_name = d.applicant.name;
      const dossier::IdType t = d.applicant.id_type;
      if (t == dossier::IdType::kCccd || t == dossier::IdType::kCmnd || t == dossier::IdType::kPassport) {
        av.default_receiver_id_type = t;
        av.default_receiver_id = d.applicant.id_number;
      }
    }
    v.actions.push_back(std::move(av));
  }
  v.reason_label = Tr(lang, "dossier.reason");
  v.items_label = Tr(lang, "dossier.items");
  v.unit_label = Tr(lang, "dossier.unit");
  v.receiver_name_label = Tr(lang, "dossier.receiver_name");
  v.receiver_id_label = Tr(lang, "dossier.receiver_id");
  v.receiver_id_type_label = Tr(lang, "dossier.receiver_id_type");
  for (auto [t, key] : {std::pair<dossier::IdType, const char*>{dossier::IdType::kCccd, "idtype.cccd"},
                        {dossier::IdType::kCmnd, "idtype.cmnd"},
                        {dossier::IdType::kPassport, "idtype.passport"}})
    v.receiver_id_types.push_back({static_cast<int>(t), Tr(lang, key), false});
  v.originals_label = Tr(lang, "dossier.originals_returned");
  v.digital_reason_label = Tr(lang, "dossier.no_digital_result_reason");
  v.payment_label = Tr(lang, "dossier.payment_channel");
  v.payment_channels = {Tr(lang, "payment.counter"), Tr(lang, "payment.national"), Tr(lang, "payment.provincial")};
  v.run_label = Tr(lang, "dossier.run");

  // The apology stays offered after the first one so that a second attempt meets the core's rule
  // (LEGAL: NĐ 61/2018, Art. 19.9) with its message, not a silently missing button.
  v.can_apologize = SessionCan(model.session, workflow::Permission::kProcess) && d.due_at && !dossier::IsFinished(d.state);
  v.apology_label = Tr(lang, "dossier.apology");
  if (d.apology_count > 0) v.apology_note = Tr(lang, "dossier.apology_once");
  v.new_due_label = Tr(lang, "dossier.new_due");
  if (v.can_apologize) v.default_new_due = SuggestedNewDue(station, d, now);

  v.can_hand_to_postal = d.state == dossier::State::kDone && d.delivery == dossier::Delivery::kPostal &&
                         SessionCan(model.session, workflow::Permission::kPostalHandover);
  v.postal_label = Tr(lang, "dossier.hand_to_postal");
  v.parcel_label = Tr(lang, "postal.parcel_number");

  v.prints.push_back({DossierForm::kReceipt, Tr(lang, "form.receipt")});
  v.prints.push_back({DossierForm::kControlSlip, Tr(lang, "form.control_slip")});
  if (d.apology_count > 0) v.prints.push_back({DossierForm::kApology, Tr(lang, "form.apology")});
  if (!d.supplements.empty()) v.prints.push_back({DossierForm::kSupplement, Tr(lang, "form.supplement")});
  if (d.state == dossier::State::kRefused) v.prints.push_back({DossierForm::kRefusal, Tr(lang, "form.refusal")});
  if (d.result_return) v.prints.push_back({DossierForm::kResultHandover, Tr(lang, "form.result_handover")});

  if (m.error) {
    v.error_text = ErrorMessage(lang, *m.error);
    if (!m.error_arg.empty()) v.error_text = FormatText(v.error_text, {{"next", m.error_arg}});
    v.error_form = m.error_form;
    v.error_field = m.error->field;
  }
  v.error_serial = m.error_serial;
  if (!m.notice_key.empty()) v.notice_text = Tr(lang, m.notice_key);
  v.is_busy = model.file_job.has_value();
  return v;
}

}  // namespace motcua::ui
