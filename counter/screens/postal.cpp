#include "counter/screens/postal.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/keys.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

void DrawList(const ui::PostalView& v, PostalScreenState& s, std::vector<ui::CounterAction>& actions) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = std::floor((ImGui::GetContentRegionAvail().x - spacing) * 0.62f);
  ImGui::BeginChild("##postal_list", ImVec2(left_w, 0.0f), true);
  Heading(v.manifests_title);
  if (v.manifests.empty()) ui::MutedText(v.empty_text);
  if (!v.manifests.empty() &&
      ImGui::BeginTable("##manifests", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                               ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("id", ImGuiTableColumnFlags_WidthFixed, ui::Em(8.0f));
    ImGui::TableSetupColumn("direction", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("items", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthFixed, ui::Em(7.5f));
    for (std::size_t i = 0; i < v.manifests.size(); ++i) {
      const ui::ManifestRowView& m = v.manifests[i];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(m.id.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
        actions.emplace_back(ui::OpenManifest{m.id});
      ImGui::PopID();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(m.direction.c_str());
      ImGui::TableNextColumn();
      ui::Badge(m.status, m.tone);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(m.items.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(m.when.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  Heading(v.awaiting_title);
  for (const ui::AwaitingRowView& a : v.awaiting) {
    ImGui::BulletText("%s · %s", a.code.c_str(), a.applicant.c_str());
    ImGui::Indent();
    ui::MutedText(a.address);
    ImGui::Unindent();
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##postal_new", ImVec2(0.0f, 0.0f), true);
  if (v.can_manage) {
    if (s.organization.empty()) s.organization = v.default_organization;
    LabeledField(v.organization_label, "##organization", &s.organization);
    LabeledField(v.representative_label, "##representative", &s.representative);
    LabeledField(v.staff_id_label, "##staff_id", &s.staff_id);
    LabeledField(v.phone_label, "##postal_phone", &s.phone);
    postal::Party party;
    party.organization = s.organization;
    party.representative = s.representative;
    party.staff_id = s.staff_id;
    party.phone = s.phone;
    if (ui::Button(Label(v.new_inbound_label, "new_inbound").c_str(), {.tone = ui::Tone::kInfo, .width_px = -1.0f}))
      actions.emplace_back(ui::CreateManifest{postal::Direction::kInbound, party});
    if (ui::Button(Label(v.new_outbound_label, "new_outbound").c_str(), {.tone = ui::Tone::kInfo, .width_px = -1.0f}))
      actions.emplace_back(ui::CreateManifest{postal::Direction::kOutbound, party});
  }
  ImGui::EndChild();
}

void DrawOpen(const ui::PostalView& v, PostalScreenState& s, std::vector<ui::CounterAction>& actions) {
  const ui::OpenManifestView& o = v.open;
  if (s.seen_manifest != o.id) {
    s.seen_manifest = o.id;
    s.sign_postal = o.default_postal_representative;
    s.sign_staff_id = o.default_postal_staff_id;
    s.sign_center = o.default_center_representative;
    s.focus_lookup = true;
  }
  Heading(o.title);
  for (const auto& [label, value] : o.parties) {
    ui::MutedText(label + ": " + value);
  }
  ui::StatusBanner(o.scan_hint, ui::Tone::kInfo);
  if (o.can_add) {
    const bool focus = s.focus_lookup;
    s.focus_lookup = false;
    bool enter = LabeledField(o.lookup_label, "##lookup", &s.lookup,
                              {.has_error = v.error_field == "lookup" || v.error_field == "parcel_number" ||
                                            v.error_field.rfind("receipt_token", 0) == 0,
                               .request_focus = focus});
    if (!o.is_inbound) {
      enter |= LabeledField(v.open.set_parcel_label, "##outbound_parcel", &s.parcel, {});
      ImGui::Checkbox(o.originals_label.c_str(), &s.originals_returned);
    }
    if ((ui::Button(Label(o.add_label, "add_item").c_str(), {.tone = ui::Tone::kInfo}) || enter) && !s.lookup.empty()) {
      if (o.is_inbound) actions.emplace_back(ui::StartInboundItem{s.lookup});
      else actions.emplace_back(ui::AddOutboundItem{s.lookup, s.parcel, s.originals_returned, s.digital_reason});
      s.lookup.clear();
      s.parcel.clear();
      s.focus_lookup = true;
    }
  }
  if (!v.error_text.empty()) ui::StatusBanner(v.error_text, ui::Tone::kDanger);
  if (!v.notice_text.empty()) ui::StatusBanner(v.notice_text, ui::Tone::kSuccess);

  const float buttons_h = ImGui::GetFrameHeightWithSpacing() * (o.can_sign ? 5.5f : 2.0f);
  // The items fill what the form leaves, but never less than a few rows: at 1366x768 the form above left
  // them no height at all, and an added item was nowhere to be seen.
  const float items_h = std::max(ImGui::GetContentRegionAvail().y - buttons_h, ui::Em(9.0f));
  ImGui::BeginChild("##manifest_items", ImVec2(0.0f, items_h), true);
  if (ImGui::BeginTable("##items", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                          ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("parcel", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("code", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("person", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("delivery", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("do", ImGuiTableColumnFlags_WidthStretch, 2.4f);
    for (std::size_t i = 0; i < o.items.size(); ++i) {
      const ui::ManifestItemView& it = o.items[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(it.parcel.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(it.code.c_str());
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(it.person.c_str());
      ui::MutedText(it.procedure);
      ImGui::PopTextWrapPos();
      ImGui::TableNextColumn();
      if (!it.delivery.empty()) ui::Badge(it.delivery, it.delivery_tone);
      ImGui::TableNextColumn();
      std::string& text = s.item_text[it.ref];
      if (it.can_set_parcel || it.can_record_delivery) {
        ImGui::SetNextItemWidth(ui::Em(9.0f));
        ui::TextField("##item_text", &text, {.width_px = ui::Em(9.0f),
                                             .hint = it.can_set_parcel ? o.set_parcel_label.c_str() : o.receiver_label.c_str()});
        ImGui::SameLine();
      }
      if (it.can_set_parcel && ui::Button(Label(o.set_parcel_label, "set_parcel").c_str()))
        actions.emplace_back(ui::SetManifestItemParcel{it.ref, text});
      if (it.can_record_delivery) {
        if (ui::Button(Label(o.delivered_label, "delivered").c_str(), {.tone = ui::Tone::kSuccess}))
          actions.emplace_back(ui::RecordItemDelivery{it.ref, true, text, ""});
        ImGui::SameLine();
        if (ui::Button(Label(o.failed_label, "failed").c_str(), {.tone = ui::Tone::kWarning}))
          actions.emplace_back(ui::RecordItemDelivery{it.ref, false, "", text});
      }
      if (it.can_remove) {
        ui::SameLineIfFits(Label(o.remove_label, "remove").c_str());
        if (ui::Button(Label(o.remove_label, "remove").c_str())) actions.emplace_back(ui::RemoveManifestItem{it.ref});
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();

  if (o.can_sign) {
    const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
    ImGui::BeginGroup();
    LabeledField(o.postal_representative_label, "##sign_postal", &s.sign_postal,
                 {.has_error = v.error_field == "postal.representative", .width_px = third});
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    LabeledField(o.postal_staff_id_label, "##sign_staff", &s.sign_staff_id, {.width_px = third});
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    LabeledField(o.center_representative_label, "##sign_center", &s.sign_center,
                 {.has_error = v.error_field == "center.representative", .width_px = third});
    ImGui::EndGroup();
    if (ui::Button(Label(o.sign_label, "sign").c_str(), {.tone = ui::Tone::kInfo, .is_big = true}) ||
        (ui::HotKeyPressed(ui::HotKey::kF10) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))) {
      postal::SignRequest r;
      r.postal_representative = s.sign_postal;
      r.postal_staff_id = s.sign_staff_id;
      r.center_representative = s.sign_center;
      actions.emplace_back(ui::SignOpenManifest{r});
    }
    ImGui::SameLine();
  }
  if (ui::Button(Label(o.print_label, "print_manifest").c_str())) actions.emplace_back(ui::PrintOpenManifest{});
  ImGui::SameLine();
  if (o.can_cancel) {
    ImGui::SetNextItemWidth(ui::Em(12.0f));
    ui::TextField("##cancel_reason", &s.cancel_reason, {.width_px = ui::Em(12.0f), .hint = o.reason_label.c_str()});
    ImGui::SameLine();
    if (ui::Button(Label(o.cancel_label, "cancel_manifest").c_str(), {.tone = ui::Tone::kDanger}))
      actions.emplace_back(ui::CancelOpenManifest{s.cancel_reason});
    ImGui::SameLine();
  }
  if (ui::Button(Label(o.close_label, "close_manifest").c_str())) actions.emplace_back(ui::CloseManifest{});
}

}  // namespace

void DrawPostal(const ui::PostalView& v, PostalScreenState& s, std::vector<ui::CounterAction>& actions) {
  ui::TextIn(ui::FontRole::kHeading, v.title);
  if (v.has_open) {
    DrawOpen(v, s, actions);
    return;
  }
  if (!v.error_text.empty()) ui::StatusBanner(v.error_text, ui::Tone::kDanger);
  if (!v.notice_text.empty()) ui::StatusBanner(v.notice_text, ui::Tone::kSuccess);
  DrawList(v, s, actions);
}

}  // namespace motcua::counter
