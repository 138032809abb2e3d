#include "ui_model/postal_view.h"

#include "ui_model/shell_view.h"

namespace motcua::ui {
namespace {

std::string DirectionLabel(Lang lang, postal::Direction d) {
  return Tr(lang, d == postal::Direction::kInbound ? "postal.inbound" : "postal.outbound");
}

std::string StatusLabel(Lang lang, postal::ManifestStatus s) {
  return Tr(lang, std::string("postal.status.") + postal::ManifestStatusKey(s));
}

Tone StatusTone(postal::ManifestStatus s) {
  switch (s) {
    case postal::ManifestStatus::kDraft: return Tone::kWarning;
    case postal::ManifestStatus::kSigned: return Tone::kInfo;
    case postal::ManifestStatus::kDelivered: return Tone::kSuccess;
    case postal::ManifestStatus::kCancelled: return Tone::kNeutral;
  }
  return Tone::kNeutral;
}

}  // namespace

PostalView MakePostalView(const CounterModel& model, Instant now) {
  (void)now;
  const Lang lang = model.lang;
  const PostalModel& p = model.postal;
  PostalView v;
  v.title = Tr(lang, "postal.title");
  v.can_manage = SessionCan(model.session, workflow::Permission::kPostalHandover);
  v.manifests_title = Tr(lang, "postal.manifests");
  for (const postal::Manifest& m : p.manifests) {
    ManifestRowView r;
    r.id = m.id;
    r.direction = DirectionLabel(lang, m.direction);
    r.status = StatusLabel(lang, m.status);
    r.tone = StatusTone(m.status);
    r.items = FormatText(Tr(lang, "postal.items_count"), {{"n", std::to_string(m.items.size())}});
    r.when = FormatShortWhen(m.signed_at.value_or(m.created_at));
    r.postal_party = m.postal.organization + (m.postal.representative.empty() ? "" : " · " + m.postal.representative);
    v.manifests.push_back(std::move(r));
    if (v.default_organization.empty() && !m.postal.organization.empty()) v.default_organization = m.postal.organization;
  }
  v.awaiting_title = Tr(lang, "postal.awaiting");
  for (const postal::AwaitingResult& a : p.awaiting)
    v.awaiting.push_back({a.dossier_code, a.applicant_name, a.delivery_address,
                          a.finished_at ? FormatShortWhen(*a.finished_at) : ""});
  v.new_inbound_label = Tr(lang, "postal.new_inbound");
  v.new_outbound_label = Tr(lang, "postal.new_outbound");
  v.open_label = Tr(lang, "postal.open");
  v.organization_label = Tr(lang, "postal.organization");
  v.representative_label = Tr(lang, "postal.representative");
  v.staff_id_label = Tr(lang, "postal.staff_id");
  v.phone_label = Tr(lang, "postal.phone");
  v.empty_text = Tr(lang, "postal.empty");

  if (p.open) {
    const postal::Manifest& m = *p.open;
    OpenManifestView& o = v.open;
    v.has_open = true;
    o.id = m.id;
    o.title = FormatText(Tr(lang, "postal.manifest_title"),
                         {{"id", m.id}, {"direction", DirectionLabel(lang, m.direction)}, {"status", StatusLabel(lang, m.status)}});
    o.is_inbound = m.direction == postal::Direction::kInbound;
    o.is_draft = m.status == postal::ManifestStatus::kDraft;
    o.parties.push_back({Tr(lang, "postal.postal_side"),
                         m.postal.organization + (m.postal.representative.empty() ? "" : " · " + m.postal.representative)});
    o.parties.push_back({Tr(lang, "postal.center_side"),
                         m.center.organization + (m.center.representative.empty() ? "" : " · " + m.center.representative)});
    if (m.signed_at) o.parties.push_back({Tr(lang, "postal.signed_at"), FormatWhen(lang, *m.signed_at)});
    for (const postal::ManifestItem& item : m.items) {
      ManifestItemView iv;
      iv.ref = item.parcel_number.empty() ? item.dossier_code : item.parcel_number;
      iv.parcel = item.parcel_number;
      iv.code = item.dossier_code;
      iv.person = item.person_name;
      iv.procedure = item.procedure_name;
      iv.can_remove = o.is_draft && v.can_manage;
      iv.can_set_parcel = o.is_draft && !o.is_inbound && v.can_manage;
      if (!o.is_inbound && !o.is_draft) {
        switch (item.delivery.status) {
          case postal::DeliveryStatus::kPending:
            iv.delivery = Tr(lang, "postal.delivery.pending");
            iv.delivery_tone = Tone::kInfo;
            break;
          case postal::DeliveryStatus::kDelivered:
            iv.delivery = FormatText(Tr(lang, "postal.delivery.delivered"), {{"name", item.delivery.receiver_name}});
            iv.delivery_tone = Tone::kSuccess;
            break;
          case postal::DeliveryStatus::kFailed:
            iv.delivery = FormatText(Tr(lang, "postal.delivery.failed"), {{"reason", item.delivery.reason}});
            iv.delivery_tone = Tone::kWarning;
            break;
        }
        iv.can_record_delivery = m.status == postal::ManifestStatus::kSigned &&
                                 item.delivery.status != postal::DeliveryStatus::kDelivered && v.can_manage;
      }
      o.items.push_back(std::move(iv));
    }
    o.can_add = o.is_draft && v.can_manage;
    o.add_label = Tr(lang, o.is_inbound ? "postal.add_inbound" : "postal.add_outbound");
    o.lookup_label = Tr(lang, o.is_inbound ? "postal.parcel_number" : "postal.lookup");
    o.scan_hint = Tr(lang, !o.is_draft ? "postal.scan_hint_signed"
                           : o.is_inbound ? "postal.scan_hint_inbound"
                                          : "postal.scan_hint_outbound");
    o.can_sign = o.is_draft && !m.items.empty() && v.can_manage;
    o.sign_label = Tr(lang, "postal.sign");
    o.postal_representative_label = Tr(lang, "postal.postal_representative");
    o.postal_staff_id_label = Tr(lang, "postal.staff_id");
    o.center_representative_label = Tr(lang, "postal.center_representative");
    o.default_postal_representative = m.postal.representative;
    o.default_postal_staff_id = m.postal.staff_id;
    o.default_center_representative = m.center.representative;
    o.can_cancel = o.is_draft && v.can_manage;
    o.cancel_label = Tr(lang, "postal.cancel");
    o.print_label = Tr(lang, "postal.print");
    o.close_label = Tr(lang, "postal.close");
    o.delivered_label = Tr(lang, "postal.delivered");
    o.failed_label = Tr(lang, "postal.failed");
    o.receiver_label = Tr(lang, "postal.receiver");
    o.reason_label = Tr(lang, "dossier.reason");
    o.remove_label = Tr(lang, "postal.remove");
    o.set_parcel_label = Tr(lang, "postal.set_parcel");
    o.originals_label = Tr(lang, "dossier.originals_returned");
    o.digital_reason_label = Tr(lang, "dossier.no_digital_result_reason");
  }
  if (p.error) {
    v.error_text = ErrorMessage(lang, *p.error);
    v.error_field = p.error->field;
  }
  v.error_serial = p.error_serial;
  if (!p.notice_key.empty()) v.notice_text = FormatText(Tr(lang, p.notice_key), {{"arg", p.notice_arg}});
  return v;
}

}  // namespace motcua::ui
