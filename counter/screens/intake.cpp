#include "counter/screens/intake.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/keys.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

using ui::IntakeField;
using ui::IntakeFocus;

constexpr const char* kIntakeReusePopup = "##reuse_popup";
constexpr const char* kSlipPopup = "##slip_popup";
constexpr const char* kDiscardPopup = "##discard_popup";

void ApplicantInput(const char* id, ui::SyncedText& t, const std::string& value, ui::ApplicantField field,
                    bool has_error, bool focus, std::vector<ui::CounterAction>& actions, float width = -1.0f) {
  bool changed = false;
  ui::SyncedTextField(id, &t, value, {.has_error = has_error, .request_focus = focus, .width_px = width}, &changed);
  if (changed) actions.emplace_back(ui::SetApplicantField{field, t.buffer});
}

void ApplicantField(const std::string& label, const char* id, ui::SyncedText& t, const std::string& value,
                    ui::ApplicantField field, bool has_error, bool focus, std::vector<ui::CounterAction>& actions,
                    float width = -1.0f) {
  ImGui::TextUnformatted(label.c_str());
  ApplicantInput(id, t, value, field, has_error, focus, actions, width);
}

void FieldError(const ui::IntakeView& v, IntakeField field) {
  if (v.error_field == field && !v.error_text.empty()) ui::StatusBanner(v.error_text, ui::Tone::kDanger);
}

void DrawOutcome(const ui::IntakeOutcomeView& o, std::vector<ui::CounterAction>& actions) {
  const float width = std::min(ui::Em(34.0f), ImGui::GetContentRegionAvail().x);
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - width) * 0.5f));
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::Em(1.0f));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ui::StatusBanner(o.title, o.tone, width);
  if (!o.code.empty()) ui::TextIn(ui::FontRole::kLarge, o.code);
  for (const std::string& line : o.lines) ImGui::TextUnformatted(line.c_str());
  if (o.print) DrawPrintPlace(*o.print, width, actions);
  ImGui::Dummy(ImVec2(0.0f, ui::Em(0.5f)));
  if (ui::BigButton(Label(o.next_label, "intake_next").c_str()) ||
      (ShortcutsFree() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)))
    actions.emplace_back(ui::FinishIntake{});
  if (!o.open_label.empty()) {
    ImGui::SameLine();
    if (ui::Button(Label(o.open_label, "intake_open").c_str(), {.is_big = true}))
      actions.emplace_back(ui::OpenDossier{o.code});
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
}

void DrawApplicant(const ui::IntakeView& v, IntakeScreenState& s, IntakeFocus focus,
                   std::vector<ui::CounterAction>& actions) {
  Heading(v.applicant_title);
  if (!v.queue_line.empty()) {
    ImGui::SameLine();
    ui::Badge(v.queue_line, ui::Tone::kInfo);
  }
  if (!v.manifest_line.empty()) ui::StatusBanner(v.manifest_line, ui::Tone::kInfo);
  ui::MutedText(v.scan_hint);
  const int id_type = ChoiceRow("id_type", v.id_types);
  if (id_type >= 0) actions.emplace_back(ui::SetApplicantIdType{static_cast<dossier::IdType>(id_type)});
  ApplicantField(v.id_label, "##id_number", s.id_number, v.id_number, ui::ApplicantField::kIdNumber,
                 v.error_field == IntakeField::kIdNumber, focus == IntakeFocus::kIdNumber, actions);
  FieldError(v, IntakeField::kIdNumber);
  if (!v.id_hint.empty()) ui::StatusBanner(v.id_hint, ui::Tone::kWarning);
  if (!v.card_line.empty()) ui::MutedText(v.card_line);
  if (!v.card_warning.empty()) ui::StatusBanner(v.card_warning, ui::Tone::kWarning);
  if (!v.diacritics_warning.empty()) {
    ui::StatusBanner(v.diacritics_warning, ui::Tone::kWarning);
    if (ui::Button(Label(v.confirm_card_text_label, "confirm_card_text").c_str()))
      actions.emplace_back(ui::ConfirmCardText{});
  }
  ApplicantField(v.name_label, "##name", s.name, v.name, ui::ApplicantField::kName, v.error_field == IntakeField::kName,
                 focus == IntakeFocus::kName, actions);
  FieldError(v, IntakeField::kName);
  // Phone and email side by side: the labels in one row, the boxes in the next. In one row per
  // field, ImGui 1.86 gives a cell the text baseline of the previous cell's last line (the phone
  // box's FramePadding.y), so the email label and box sat 7 px lower than the phone's. No vertical
  // cell padding, and the label row is as tall as a label plus ItemSpacing.y: the same spacing as
  // the fields above and below.
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(style.CellPadding.x, 0.0f));
  if (ImGui::BeginTable("##contact", 2, ImGuiTableFlags_SizingStretchSame)) {
    ImGui::TableNextRow(ImGuiTableRowFlags_None, ImGui::GetTextLineHeight() + style.ItemSpacing.y);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.phone_label.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.email_label.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ApplicantInput("##phone", s.phone, v.phone, ui::ApplicantField::kPhone, v.error_field == IntakeField::kPhone,
                   focus == IntakeFocus::kPhone, actions);
    ImGui::TableNextColumn();
    ApplicantInput("##email", s.email, v.email, ui::ApplicantField::kEmail, v.error_field == IntakeField::kEmail,
                   focus == IntakeFocus::kEmail, actions);
    ImGui::EndTable();
  }
  ImGui::PopStyleVar();
  FieldError(v, IntakeField::kPhone);
  FieldError(v, IntakeField::kEmail);
  ApplicantField(v.address_label, "##address", s.address, v.address, ui::ApplicantField::kAddress,
                 v.error_field == IntakeField::kAddress, focus == IntakeFocus::kAddress, actions);
  FieldError(v, IntakeField::kAddress);
}

void DrawProcedure(const ui::IntakeView& v, IntakeScreenState& s, IntakeFocus focus,
                   std::vector<ui::CounterAction>& actions) {
  ImGui::Separator();
  Heading(v.procedure_title);
  FieldError(v, IntakeField::kProcedure);
  if (v.has_procedure && !s.choosing_procedure) {
    ImGui::PushFont(ui::GetFont(ui::FontRole::kBodyBold));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(v.procedure.name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ui::MutedText(v.procedure.detail);
    if (ui::Button(Label(v.change_procedure_label, "change_procedure").c_str())) {
      s.choosing_procedure = true;
      s.seen_focus_serial = -2;  // focus the search box next frame
    }
    return;
  }
  ImGui::TextUnformatted(v.search_label.c_str());
  bool changed = false;
  const bool enter = ui::SyncedTextField("##procedure_search", &s.query, v.query,
                                 {.has_error = v.error_field == IntakeField::kProcedure,
                                  .request_focus = focus == IntakeFocus::kProcedureSearch,
                                  .hint = v.search_hint.c_str()},
                                 &changed);
  if (changed) {
    actions.emplace_back(ui::SetProcedureQuery{s.query.buffer});
    s.hit_index = 0;
  }
  if (ImGui::IsItemActive() || ImGui::IsItemFocused()) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) s.hit_index++;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) s.hit_index--;
  }
  s.hit_index = std::clamp(s.hit_index, 0, std::max(0, static_cast<int>(v.hits.size()) - 1));
  if (enter && !v.hits.empty()) {
    actions.emplace_back(ui::PickProcedure{v.hits[s.hit_index].code});
    s.choosing_procedure = false;
  }
  if (!v.no_hits_text.empty()) ui::MutedText(v.no_hits_text);
  for (std::size_t i = 0; i < v.hits.size(); ++i) {
    const ui::ProcedureHitView& h = v.hits[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushTextWrapPos(0.0f);
    if (ImGui::Selectable(("##hit" + h.code).c_str(), static_cast<int>(i) == s.hit_index, 0,
                          ImVec2(0.0f, ImGui::GetTextLineHeight() * 2.0f + 2.0f))) {
      actions.emplace_back(ui::PickProcedure{h.code});
      s.choosing_procedure = false;
    }
    ImGui::SameLine(ImGui::GetStyle().ItemSpacing.x);
    ImGui::BeginGroup();
    ImGui::TextUnformatted(h.name.c_str());
    ui::MutedText(h.detail);
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    ImGui::PopID();
  }
  if (!v.recent.empty()) {
    ImGui::Dummy(ImVec2(0.0f, ui::Em(0.2f)));
    ImGui::TextUnformatted(v.recent_title.c_str());
    for (std::size_t i = 0; i < v.recent.size(); ++i) {
      const ui::ProcedureHitView& h = v.recent[i];
      const std::string label = Label(h.shortcut + "  " + h.name, "recent_" + std::to_string(i + 1));
      if (ui::Button(label.c_str(), {.width_px = -1.0f})) {
        actions.emplace_back(ui::PickRecentProcedure{static_cast<int>(i) + 1});
        s.choosing_procedure = false;
      }
    }
  }
}

void DrawComponentRow(const ui::IntakeView& v, const ui::ComponentRowView& row, IntakeScreenState& s, bool selected,
                      std::vector<ui::CounterAction>& actions) {
  ImGui::PushID(row.index);
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  std::string text = row.name;
  if (!row.is_required) text += " *";
  if (ImGui::Selectable("##select", selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                        ImVec2(0.0f, 0.0f)))
    s.selected = row.index;
  ImGui::SameLine(0.0f, 0.0f);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetColumnWidth());
  if (row.is_flagged) ImGui::PushStyleColor(ImGuiCol_Text, ui::ColorsFor(ui::Tone::kDanger).fill);
  ImGui::TextUnformatted(text.c_str());
  if (row.is_flagged) ImGui::PopStyleColor();
  if (!row.counts.empty()) ui::MutedText(row.counts);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::TableNextColumn();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetColumnWidth());
  ui::Badge(row.status, row.tone);
  ImGui::PopTextWrapPos();
  ImGui::TableNextColumn();
  if (selected) {
    // The selected paper's row in the header colour, all of it (the selectable covers one line).
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_Header));
    // Each button goes beside the previous one when it fits in the cell, else on a new line:
    // on one line, the third button ran out of the table at 1366 px and was clipped.
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    auto next = [&](std::string label) {
      SameLineIfFits(label, right);
      return label;
    };
    if (ui::Button(Label(v.scan_label, "scan_component").c_str(), {.tone = ui::Tone::kInfo, .is_enabled = !v.is_busy}))
      actions.emplace_back(ui::ScanComponent{row.index});
    if (ui::Button(next(Label(v.import_label, "import_component")).c_str(), {.is_enabled = !v.is_busy})) {
      s.import_index = row.index;
      s.open_picker = true;
    }
    if (row.mode != ui::ComponentMode::kShownOnly) {
      if (ui::Button(next(Label(v.shown_only_label, "shown_only")).c_str()))
        actions.emplace_back(ui::SetComponentMode{row.index, ui::ComponentMode::kShownOnly, ""});
    }
    if (ui::Button(next(Label(v.reuse_label, "reuse")).c_str())) {
      s.reuse_index = row.index;
      s.reuse_code = row.reused_result_code;
      s.open_reuse = true;
    }
    if (row.mode != ui::ComponentMode::kMissing && row.mode != ui::ComponentMode::kNotProvided) {
      if (ui::Button(next(Label(v.clear_label, "clear_component")).c_str()))
        actions.emplace_back(ui::SetComponentMode{row.index, ui::ComponentMode::kMissing, ""});
    }
  }
  ImGui::PopID();
}

void DrawChecklist(const ui::IntakeView& v, IntakeScreenState& s, IntakeFocus focus,
                   std::vector<ui::CounterAction>& actions) {
  Heading(v.checklist_title);
  if (!v.has_procedure) return;
  if (!v.checklist_summary.empty()) ui::MutedText(v.checklist_summary);
  FieldError(v, IntakeField::kComponents);
  FieldError(v, IntakeField::kScanner);
  // Selection: when the picked paper has just been handed in, move on to the next missing one.
  int selected = s.selected >= 0 ? s.selected : v.next_missing;
  bool selected_missing = false;
  std::vector<int> order;
  for (const ui::ComponentGroupView& g : v.groups)
    for (const ui::ComponentRowView& r : g.rows) {
      order.push_back(r.index);
      if (r.index == selected) selected_missing = r.mode == ui::ComponentMode::kMissing;
    }
  if (s.selected >= 0 && s.selected_was_missing && !selected_missing && v.next_missing >= 0) {
    s.selected = v.next_missing;
    selected = v.next_missing;
    selected_missing = true;
  }
  s.selected_was_missing = selected_missing;
  if (ShortcutsFree() && !order.empty()) {
    auto it = std::find(order.begin(), order.end(), selected);
    int pos = it == order.end() ? 0 : static_cast<int>(it - order.begin());
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) s.selected = order[std::min<int>(pos + 1, order.size() - 1)];
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) s.selected = order[std::max(pos - 1, 0)];
  }
  if (!v.is_busy && ui::HotKeyPressed(ui::HotKey::kF5) && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    actions.emplace_back(ui::ScanComponent{s.selected >= 0 ? s.selected : -1});
  (void)focus;

  for (const ui::ComponentGroupView& g : v.groups) {
    ImGui::PushID(g.heading.group.c_str());
    if (g.heading.is_every_case) {
      ImGui::PushFont(ui::GetFont(ui::FontRole::kBodyBold));
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(g.heading.label.c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopFont();
    } else {
      bool chosen = g.heading.is_chosen;
      if (ImGui::Checkbox("##case", &chosen)) actions.emplace_back(ui::ToggleCase{g.heading.group, chosen});
      ImGui::SameLine();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(g.heading.label.c_str());
      ImGui::PopTextWrapPos();
    }
    if (!g.rows.empty() &&
        ImGui::BeginTable("##components", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                                 ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
      ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthStretch, 1.4f);
      ImGui::TableSetupColumn("actions", ImGuiTableColumnFlags_WidthStretch, 2.6f);
      for (const ui::ComponentRowView& r : g.rows) DrawComponentRow(v, r, s, r.index == selected, actions);
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
}

void DrawDelivery(const ui::IntakeView& v, IntakeScreenState& s, IntakeFocus focus,
                  std::vector<ui::CounterAction>& actions) {
  ImGui::Separator();
  if (!v.fees.empty() || !v.fees_total.empty()) {
    ImGui::TextUnformatted(v.fees_title.c_str());
    for (const ui::FeeLineView& f : v.fees) {
      ImGui::BulletText("%s: %s", f.name.c_str(), f.amount.c_str());
    }
    ui::MutedText(v.fees_total);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(v.channel_label.c_str());
  ImGui::SameLine();
  const int channel = ChoiceRow("channel", v.channels);
  if (channel >= 0) actions.emplace_back(ui::SetChannel{static_cast<dossier::Channel>(channel)});
  if (v.shows_received_at) {
    bool changed = false;
    ImGui::TextUnformatted(v.received_at_label.c_str());
    ui::SyncedTextField("##received_at", &s.received_at, v.received_at_text,
                {.has_error = v.error_field == IntakeField::kReceivedAt}, &changed);
    if (changed) actions.emplace_back(ui::SetReceivedAt{s.received_at.buffer});
    FieldError(v, IntakeField::kReceivedAt);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(v.delivery_label.c_str());
  ImGui::SameLine();
  const int delivery = ChoiceRow("delivery", v.deliveries);
  if (delivery >= 0) actions.emplace_back(ui::SetDelivery{static_cast<dossier::Delivery>(delivery)});
  ui::SameLineIfFits((v.sets_label + "     ").c_str());  // the label and its box wrap together
  ImGui::TextUnformatted(v.sets_label.c_str());
  ImGui::SameLine();
  int sets = v.sets;
  // No +/- buttons (step 0): beside the big touch-sized buttons they took the box's width and clipped the
  // number (issue 16); the officer types it.
  ImGui::SetNextItemWidth(ui::Em(3.5f));
  if (ImGui::InputInt("##sets", &sets, 0, 0) && sets != v.sets && sets >= 1) actions.emplace_back(ui::SetSets{sets});
  ui::RecordLastItem("sets");
  if (v.shows_delivery_address) {
    bool changed = false;
    ImGui::TextUnformatted(v.delivery_address_label.c_str());
    ui::SyncedTextField("##delivery_address", &s.delivery_address, v.delivery_address,
                {.has_error = v.error_field == IntakeField::kDeliveryAddress,
                 .request_focus = focus == IntakeFocus::kDeliveryAddress},
                &changed);
    if (changed) actions.emplace_back(ui::SetDeliveryAddress{s.delivery_address.buffer});
    FieldError(v, IntakeField::kDeliveryAddress);
  }
  if (!v.due_line.empty()) ui::StatusBanner(v.due_line, v.due_tone);
}

void DrawButtons(const ui::IntakeView& v, IntakeScreenState& s, std::vector<ui::CounterAction>& actions) {
  // Errors with no field of their own on this screen (the role, the store, a sequence, ...).
  if (v.error_field == IntakeField::kNone || v.error_field == IntakeField::kReason) ErrorLine(v.error_text);
  const bool confirm_key = ui::HotKeyPressed(ui::HotKey::kF10) ||
                           (ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false));
  if (ui::BigButton(Label(v.confirm_label, "confirm_intake").c_str(),
                    {.tone = ui::Tone::kInfo, .width_px = -1.0f, .is_enabled = v.can_confirm}) ||
      (confirm_key && v.can_confirm && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)))
    actions.emplace_back(ui::ConfirmIntake{});
  if (v.manifest_line.empty()) {
    if (ui::Button(Label(v.supplement_label, "supplement_slip").c_str())) {
      s.slip = IntakeScreenState::Slip::kSupplement;
      s.open_slip = true;
    }
    ui::SameLineIfFits(Label(v.refusal_label, "refusal_slip").c_str());
    if (ui::Button(Label(v.refusal_label, "refusal_slip").c_str())) {
      s.slip = IntakeScreenState::Slip::kRefusal;
      s.open_slip = true;
    }
    ui::SameLineIfFits(Label(v.discard_label, "discard_intake").c_str());
  }
  if (ui::Button(Label(v.discard_label, "discard_intake").c_str())) s.open_discard = true;
  ui::MutedText(v.keys_hint);
}

void DrawPopups(const ui::IntakeView& v, const ui::FileBrowserView& files, IntakeScreenState& s,
                std::vector<ui::CounterAction>& actions) {
  if (s.open_reuse) ImGui::OpenPopup(kIntakeReusePopup);
  if (s.open_slip) ImGui::OpenPopup(kSlipPopup);
  if (s.open_discard) ImGui::OpenPopup(kDiscardPopup);
  if (s.open_picker) {
    ImGui::OpenPopup(kFilePickerPopup);
    actions.emplace_back(ui::BrowseFiles{files.dir});
  }
  const bool focus_reuse = s.open_reuse, focus_slip = s.open_slip;
  s.open_reuse = s.open_slip = s.open_discard = s.open_picker = false;
  const bool esc = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);

  if (ImGui::BeginPopupModal(kIntakeReusePopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::TextUnformatted(v.reuse_code_label.c_str());
    const bool enter = ui::TextField("##reuse_code", &s.reuse_code, {.request_focus = focus_reuse, .width_px = ui::Em(18.0f)});
    if (ui::Button(Label(v.reuse_label, "reuse_ok").c_str(), {.tone = ui::Tone::kInfo}) || enter) {
      actions.emplace_back(ui::SetComponentMode{s.reuse_index, ui::ComponentMode::kReused, s.reuse_code});
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::Button(Label(v.clear_label, "reuse_cancel").c_str()) || esc) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal(kSlipPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    const bool supplement = s.slip == IntakeScreenState::Slip::kSupplement;
    Heading(supplement ? v.supplement_label : v.refusal_label);
    ImGui::TextUnformatted(v.reason_label.c_str());
    const bool enter = ui::TextField("##slip_reason", &s.slip_reason, {.request_focus = focus_slip, .width_px = ui::Em(28.0f)});
    if (ui::Button(Label(supplement ? v.supplement_label : v.refusal_label, "slip_ok").c_str(),
                   {.tone = ui::Tone::kInfo}) ||
        enter) {
      if (supplement) actions.emplace_back(ui::IssueSupplementSlip{s.slip_reason});
      else actions.emplace_back(ui::IssueRefusalSlip{s.slip_reason});
      s.slip_reason.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::Button(Label(v.clear_label, "slip_cancel").c_str()) || esc) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal(kDiscardPopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::PushTextWrapPos(ui::Em(26.0f));
    ImGui::TextUnformatted(v.discard_confirm_text.c_str());
    ImGui::PopTextWrapPos();
    if (ui::Button(Label(v.discard_label, "discard_ok").c_str(), {.tone = ui::Tone::kDanger})) {
      actions.emplace_back(ui::DiscardIntake{});
      s = {};
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::Button(Label(v.clear_label, "discard_cancel").c_str()) || esc) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  std::vector<std::string> chosen;
  if (DrawFilePicker(files, s.picker, actions, &chosen) && s.import_index >= 0)
    actions.emplace_back(ui::ImportComponentFiles{s.import_index, std::move(chosen)});
}

}  // namespace

void DrawIntake(const ui::IntakeView& v, const ui::FileBrowserView& files, IntakeScreenState& s,
                std::vector<ui::CounterAction>& actions) {
  if (v.outcome) {
    DrawOutcome(*v.outcome, actions);
    s.choosing_procedure = false;
    s.selected = -1;
    return;
  }
  IntakeFocus focus = IntakeFocus::kNone;
  // Coming back to the screen (F2, Esc from elsewhere): the caret goes where the work stands, so a
  // scan lands in a text box and the next keys make sense.
  const int frame = ImGui::GetFrameCount();
  if (frame != s.last_drawn_frame + 1)
    focus = v.id_number.empty() ? IntakeFocus::kIdNumber : !v.has_procedure ? IntakeFocus::kProcedureSearch
                                                                          : IntakeFocus::kNone;
  s.last_drawn_frame = frame;
  if (v.focus_serial != s.seen_focus_serial) {
    focus = s.seen_focus_serial == -2 ? IntakeFocus::kProcedureSearch : v.focus;
    s.seen_focus_serial = v.focus_serial;
    if (v.focus == IntakeFocus::kComponents) s.choosing_procedure = false;
  }
  if (v.error_serial != s.seen_error_serial) s.seen_error_serial = v.error_serial;
  for (int slot = 1; slot <= 9; ++slot)
    if (ui::HotKeyPressed(static_cast<ui::HotKey>(static_cast<int>(ui::HotKey::kDigit1) + slot - 1), true) &&
        slot <= static_cast<int>(v.recent.size())) {
      actions.emplace_back(ui::PickRecentProcedure{slot});
      s.choosing_procedure = false;
    }

  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = std::floor((ImGui::GetContentRegionAvail().x - spacing) * 0.4f);
  ImGui::BeginChild("##intake_left", ImVec2(left_w, 0.0f), true);
  DrawApplicant(v, s, focus, actions);
  DrawProcedure(v, s, focus, actions);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##intake_right", ImVec2(0.0f, 0.0f), true);
  DrawChecklist(v, s, focus, actions);
  if (v.has_procedure) DrawDelivery(v, s, focus, actions);
  DrawButtons(v, s, actions);
  ImGui::EndChild();
  DrawPopups(v, files, s, actions);
}

}  // namespace motcua::counter
