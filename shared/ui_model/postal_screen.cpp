// The postal screen's actions over postal/manifest.h: manifests both ways, items by scan, signing,
// delivery confirmation and the manifest as PDF.
#include "common/text.h"
#include "postal/manifest_form.h"
#include "print/form_pdf.h"
#include "ui_model/internal/counter_apply.h"

namespace motcua::ui {
namespace {

void Fail(PostalModel& p, Error e) {
  p.error = std::move(e);
  ++p.error_serial;
  p.notice_key.clear();
}

void Succeed(PostalModel& p, std::string notice, std::string arg = "") {
  p.error.reset();
  p.notice_key = std::move(notice);
  p.notice_arg = std::move(arg);
  p.stale = true;
}

Status RequireOpen(const CounterModel& model) {
  if (!model.postal.open) return Invalid("manifest", "no_manifest_open", "open a manifest first");
  return Ok();
}

// Applies a manifest operation's result to the open manifest.
Status Take(CounterModel& model, Result<postal::Manifest> r, std::string notice, std::string arg = "") {
  if (!r.has_value()) {
    Fail(model.postal, r.error());
    return std::move(r.error());
  }
  model.postal.open = std::move(r).value();
  Succeed(model.postal, std::move(notice), std::move(arg));
  return Ok();
}

}  // namespace

namespace internal {

Status LoadPostal(CounterModel& model, const CounterBackend& backend) {
  PostalModel& p = model.postal;
  store::Store& st = *backend.station->store;
  p.stale = false;
  Result<std::vector<postal::Manifest>> list = postal::ListManifests(st, {.limit = 100});
  if (!list.has_value()) {
    Fail(p, list.error());
    return std::move(list.error());
  }
  p.manifests = std::move(list).value();
  Result<std::vector<postal::AwaitingResult>> awaiting = postal::ListAwaitingPostalDispatch(st, 1000);
  if (awaiting.has_value()) p.awaiting = std::move(awaiting).value();
  if (p.open) {
    Result<postal::Manifest> fresh = postal::GetManifest(st, p.open->id);
    if (fresh.has_value()) p.open = std::move(fresh).value();
  }
  return Ok();
}

bool RoutePostalScan(CounterModel& model, const CounterBackend& backend, const std::string& text) {
  if (!model.postal.open || model.postal.open->status != postal::ManifestStatus::kDraft) return false;
  if (model.postal.open->direction == postal::Direction::kOutbound) {
    // A receipt QR, a dossier code or a parcel number: the dossier whose result goes out.
    (void)Apply(model, backend, AddOutboundItem{std::string(Trim(text)), "", false, ""});
    return true;
  }
  // Inbound: a CCCD belongs to the dossier being entered (handled as a CCCD); anything else is the
  // parcel's Phiếu gửi number, which starts entering the next dossier.
  if (text.find('|') != std::string::npos) return false;
  (void)Apply(model, backend, StartInboundItem{std::string(Trim(text))});
  return true;
}

Status Apply(CounterModel& model, const CounterBackend& backend, const CreateManifest& a) {
  const Station& s = *backend.station;
  postal::Party center;
  center.representative = model.session->display_name;
  if (SessionCan(model.session, workflow::Permission::kReceive)) center.user = model.session->user_name;
  postal::Party party = a.postal;
  party.organization = NormalizeNfc(Trim(party.organization));
  party.representative = NormalizeNfc(Trim(party.representative));
  Result<postal::Manifest> r =
      postal::CreateManifest(s.desk, ActorOf(model, backend), a.direction, party, center, backend.now);
  if (!r.has_value()) {
    Fail(model.postal, r.error());
    return std::move(r.error());
  }
  const std::string id = r->id;
  return Take(model, std::move(r), "postal.notice.created", id);
}

Status Apply(CounterModel& model, const CounterBackend& backend, const OpenManifest& a) {
  Result<postal::Manifest> r = postal::GetManifest(*backend.station->store, a.id);
  if (!r.has_value()) {
    Fail(model.postal, r.error());
    return std::move(r.error());
  }
  model.postal.open = std::move(r).value();
  model.postal.error.reset();
  model.postal.notice_key.clear();
  model.screen = std::string(kScreenPostal);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const CloseManifest&) {
  model.postal.open.reset();
  model.postal.error.reset();
  model.postal.notice_key.clear();
  return LoadPostal(model, backend);
}

Status Apply(CounterModel& model, const CounterBackend& backend, const StartInboundItem& a) {
  MOTCUA_TRY(RequireOpen(model));
  const postal::Manifest& m = *model.postal.open;
  if (m.direction != postal::Direction::kInbound) {
    Error e = Invalid("direction", "wrong_direction", "results go out on an outbound manifest");
    Fail(model.postal, e);
    return e;
  }
  Result<std::string> parcel = postal::ValidateParcelNumber(a.parcel_number, backend.station->postal_settings.parcel_numbers);
  if (!parcel.has_value()) {
    Fail(model.postal, parcel.error());
    return std::move(parcel.error());
  }
  if (!SessionCan(model.session, workflow::Permission::kReceive)) {
    Error e = Invalid("role", "not_allowed", "the center's officer enters the dossiers of an inbound manifest");
    Fail(model.postal, e);
    return e;
  }
  // A fresh intake for this parcel (an earlier unfinished draft is kept in the store until then).
  if (model.intake.active) SaveDraftIfDirty(model, backend);
  model.intake = {};
  model.intake.active = true;
  model.intake.draft.started_at = backend.now;
  model.intake.draft.channel = dossier::Channel::kPostal;
  model.intake.draft.manifest_id = m.id;
  model.intake.draft.parcel_number = *parcel;
  model.intake.focus = IntakeFocus::kIdNumber;
  ++model.intake.focus_serial;
  model.intake.dirty = true;
  model.screen = std::string(kScreenIntake);
  model.postal.error.reset();
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const AddOutboundItem& a) {
  MOTCUA_TRY(RequireOpen(model));
  const Station& s = *backend.station;
  postal::OutboundItem item{a.lookup, a.parcel_number, a.originals_returned, a.no_digital_result_reason, ""};
  Result<postal::Manifest> r = postal::AddOutboundItem(s.desk, ActorOf(model, backend), model.postal.open->id, item,
                                                       s.postal_settings, backend.now);
  Status st = Take(model, std::move(r), "postal.notice.item_added");
  if (st.has_value()) model.worklist.stale = true;
  return st;
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SetManifestItemParcel& a) {
  MOTCUA_TRY(RequireOpen(model));
  const Station& s = *backend.station;
  return Take(model,
              postal::SetItemParcelNumber(s.desk, ActorOf(model, backend), model.postal.open->id, a.item_ref,
                                          a.parcel_number, s.postal_settings, backend.now),
              "postal.notice.saved");
}

Status Apply(CounterModel& model, const CounterBackend& backend, const RemoveManifestItem& a) {
  MOTCUA_TRY(RequireOpen(model));
  return Take(model,
              postal::RemoveItem(backend.station->desk, ActorOf(model, backend), model.postal.open->id, a.item_ref,
                                 backend.now),
              "postal.notice.saved");
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SignOpenManifest& a) {
  MOTCUA_TRY(RequireOpen(model));
  postal::SignRequest request = a.request;
  if (request.center_user.empty() && SessionCan(model.session, workflow::Permission::kReceive))
    request.center_user = model.session->user_name;
  if (request.center_representative.empty() && SessionCan(model.session, workflow::Permission::kReceive))
    request.center_representative = model.session->display_name;
  Result<postal::SignResult> r = postal::SignManifest(backend.station->desk, ActorOf(model, backend),
                                                      model.postal.open->id, request, backend.now);
  if (!r.has_value()) {
    Fail(model.postal, r.error());
    return std::move(r.error());
  }
  model.postal.open = r->manifest;
  Succeed(model.postal, "postal.notice.signed", r->manifest.id);
  model.worklist.stale = true;
  return Apply(model, backend, PrintOpenManifest{});
}

Status Apply(CounterModel& model, const CounterBackend& backend, const CancelOpenManifest& a) {
  MOTCUA_TRY(RequireOpen(model));
  return Take(model,
              postal::CancelManifest(backend.station->desk, ActorOf(model, backend), model.postal.open->id, a.reason,
                                     backend.now),
              "postal.notice.cancelled");
}

Status Apply(CounterModel& model, const CounterBackend& backend, const RecordItemDelivery& a) {
  MOTCUA_TRY(RequireOpen(model));
  postal::DeliveryReport report;
  report.delivered = a.delivered;
  report.receiver_name = a.receiver_name;
  report.reason = a.reason;
  return Take(model,
              postal::RecordDelivery(backend.station->desk, ActorOf(model, backend), model.postal.open->id, a.item_ref,
                                     report, backend.now),
              a.delivered ? "postal.notice.delivered" : "postal.notice.delivery_failed");
}

Status Apply(CounterModel& model, const CounterBackend& backend, const PrintOpenManifest&) {
  MOTCUA_TRY(RequireOpen(model));
  const Station& s = *backend.station;
  postal::ManifestFormSettings settings = postal::FormSettingsFor(s.desk.settings);
  if (model.postal.open->status == postal::ManifestStatus::kDraft) settings.draft_at = backend.now;
  Result<print::HandoverManifestForm> form = postal::MakeManifestForm(*model.postal.open, settings);
  if (!form.has_value()) {
    Fail(model.postal, form.error());
    return std::move(form.error());
  }
  const std::string stem = "bien-ban-" + model.postal.open->id;
  StartPrint(model, backend, "form.manifest", "", stem,
             [f = std::move(form).value()] { return print::RenderHandoverManifestPdf(f); });
  return Ok();
}

}  // namespace internal
}  // namespace motcua::ui
