#include "counter/screens/dossier.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cfloat>

#include <algorithm>
#include <cmath>

#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

constexpr const char* kDossierReusePopup = "##dossier_reuse";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string line = text.substr(start, end - start);
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

void FormError(const ui::DossierView& v, const std::string& form) {
  if (v.error_form == form && !v.error_text.empty()) ui::StatusBanner(v.error_text, ui::Tone::kDanger);
}

bool FieldHasError(const ui::DossierView& v, const std::string& form, const char* field) {
  return v.error_form == form && v.error_field == field;
}

void DrawFacts(const ui::DossierView& v) {
  ui::Badge(v.state_text, v.state_tone);
  if (!v.urgency_text.empty()) {
    ImGui::SameLine();
    ui::Badge(v.urgency_text, v.urgency_tone);
  }
  if (ImGui::BeginTable("##facts", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ui::Em(8.5f));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    for (const ui::LabeledValue& f : v.facts) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ui::MutedText(f.label);
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(f.value.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
  }
}

void DrawComponents(const ui::DossierView& v, DossierScreenState& s, std::vector<ui::CounterAction>& actions) {
  Heading(v.components_title);
  FormError(v, "component");
  if (!ImGui::BeginTable("##dossier_components", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
    return;
  ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("status", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("do", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  for (const ui::DossierComponentView& c : v.components) {
    ImGui::PushID(c.index);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    ui::Badge(c.status, c.tone);
    ImGui::TableNextColumn();
    if (c.can_digitize) {
      // The buttons wrap inside the cell (on one line the third was clipped at 1366 px).
      const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
      if (ui::Button(Label(v.scan_label, "scan").c_str(), {.is_enabled = !v.is_busy}))
        actions.emplace_back(ui::ScanDossierComponent{c.index});
      const std::string import_label = Label(v.import_label, "import");
      SameLineIfFits(import_label, right);
      if (ui::Button(import_label.c_str(), {.is_enabled = !v.is_busy})) {
        s.import_component = c.index;
        s.import_result = -2;
        s.open_picker = true;
      }
      const std::string reuse_label = Label(v.reuse_label, "reuse");
      SameLineIfFits(reuse_label, right);
      if (ui::Button(reuse_label.c_str())) {
        s.reuse_index = c.index;
        s.open_reuse = true;
      }
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void DrawResults(const ui::DossierView& v, DossierScreenState& s, std::vector<ui::CounterAction>& actions) {
  Heading(v.results_title);
  FormError(v, "result");
  auto result_row = [&](int index, const std::string& name, const std::string& status, ui::Tone tone,
                        const std::string& code) {
    ImGui::PushID(index);
    ImGui::PushTextWrapPos(0.0f);
    if (index >= 0) {
      ImGui::TextUnformatted(name.c_str());
      ImGui::SameLine();
      ui::Badge(status, tone);
    }
    ImGui::PopTextWrapPos();
    if (v.can_digitize) {
      std::string& buffer = s.result_codes.try_emplace(index, code).first->second;
      bool& signed_flag = s.e_signed.try_emplace(index, false).first->second;
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(v.result_code_label.c_str());
      ImGui::SameLine();
      ui::TextField("##result_code", &buffer, {.width_px = ui::Em(11.0f)});
      ImGui::SameLine();
      ImGui::Checkbox(v.e_signed_label.c_str(), &signed_flag);
      ImGui::SameLine();
      const std::string extra = index < 0 ? s.extra_result_name : name;
      if (ui::Button(Label(v.scan_label, "scan_result").c_str(), {.is_enabled = !v.is_busy}))
        actions.emplace_back(ui::ScanResultDocument{index, extra, buffer, signed_flag});
      ImGui::SameLine();
      if (ui::Button(Label(v.import_label, "import_result").c_str(), {.is_enabled = !v.is_busy})) {
        s.import_result = index;
        s.import_component = -1;
        s.open_picker = true;
      }
    }
    ImGui::PopID();
  };
  for (const ui::DossierResultView& r : v.results) result_row(r.index, r.name, r.status, r.tone, r.result_code);
  if (v.can_digitize) {
    ui::MutedText(v.add_result_label);
    ImGui::TextUnformatted(v.result_name_label.c_str());
    ui::TextField("##extra_result_name", &s.extra_result_name, {.has_error = FieldHasError(v, "result", "result_name")});
    result_row(-1, s.extra_result_name, "", ui::Tone::kNeutral, "");
  }
}

void DrawActionForm(const ui::DossierView& v, const ui::DossierActionView& a, DossierScreenState& s, bool focus,
                    std::vector<ui::CounterAction>& actions) {
  bool submit = false;
  ImGui::Indent();
  if (a.needs_unit) {
    if (s.unit.empty()) s.unit = a.default_unit;
    submit |= LabeledField(v.unit_label, "##unit", &s.unit, {.request_focus = focus});
  }
  if (a.needs_reason)
    submit |= LabeledField(v.reason_label, "##reason", &s.reason,
                           {.has_error = FieldHasError(v, a.key, "reason"), .request_focus = focus});
  if (a.needs_items) {
    ImGui::TextUnformatted(v.items_label.c_str());
    ImGui::InputTextMultiline("##items", &s.items, ImVec2(-FLT_MIN, ui::Em(3.5f)));
  }
  if (a.needs_receiver) {
    submit |= LabeledField(v.receiver_name_label, "##receiver_name", &s.receiver_name,
                           {.has_error = FieldHasError(v, a.key, "receiver_name"), .request_focus = focus});
    ImGui::TextUnformatted(v.receiver_id_type_label.c_str());
    std::vector<ui::ChoiceItem> types = v.receiver_id_types;
    for (ui::ChoiceItem& t : types) t.is_selected = t.value == s.receiver_id_type;
    if (const int picked = ChoiceRow("receiver_id_type", types); picked >= 0) s.receiver_id_type = picked;
    submit |= LabeledField(v.receiver_id_label, "##receiver_id", &s.receiver_id,
                           {.has_error = FieldHasError(v, a.key, "receiver_id") ||
                                         FieldHasError(v, a.key, "receiver_id_type")});
    ImGui::Checkbox(v.originals_label.c_str(), &s.originals_returned);
  }
  if (a.needs_digital_reason)
    submit |= LabeledField(v.digital_reason_label, "##digital_reason", &s.digital_reason,
                           {.has_error = FieldHasError(v, a.key, "no_digital_result_reason")});
  if (a.needs_payment_channel) {
    ImGui::TextUnformatted(v.payment_label.c_str());
    for (std::size_t i = 0; i < v.payment_channels.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      ImGui::RadioButton(v.payment_channels[i].c_str(), &s.payment_channel, static_cast<int>(i));
    }
  }
  FormError(v, a.key);
  if (ui::Button(Label(v.run_label + ": " + a.label, "run_" + a.key).c_str(), {.tone = a.tone == ui::Tone::kNeutral ? ui::Tone::kInfo : a.tone}) ||
      submit) {
    workflow::ActionDetails d;
    d.reason = s.reason;
    d.items = Lines(s.items);
    d.unit = s.unit;
    d.paid_online = s.payment_channel;
    d.receiver_name = s.receiver_name;
    d.receiver_id = s.receiver_id;
    d.receiver_id_type = static_cast<dossier::IdType>(s.receiver_id_type);
    d.originals_returned = s.originals_returned;
    d.no_digital_result_reason = s.digital_reason;
    actions.emplace_back(ui::RunLifecycleAction{a.action, d});
  }
  ImGui::Unindent();
}

void DrawActions(const ui::DossierView& v, DossierScreenState& s, std::vector<ui::CounterAction>& actions) {
  Heading(v.actions_title);
  bool focus = s.focus_form;
  s.focus_form = false;
  for (const ui::DossierActionView& a : v.actions) {
    const bool open = s.active_form == a.key;
    if (ui::Button(Label(a.label, "action_" + a.key).c_str(), {.tone = open ? ui::Tone::kInfo : ui::Tone::kNeutral,
                                                               .width_px = -1.0f})) {
      s.active_form = open ? "" : a.key;
      s.focus_form = !open;
      if (!open && a.needs_receiver) {  // prefilled with the applicant, who usually collects
        s.receiver_name = a.default_receiver_name;
        s.receiver_id = a.default_receiver_id;
        s.receiver_id_type = static_cast<int>(a.default_receiver_id_type);
      }
    }
    if (open) DrawActionForm(v, a, s, focus, actions);
  }
  if (v.can_apologize) {
    const bool open = s.active_form == "apology";
    if (ui::Button(Label(v.apology_label, "action_apology").c_str(),
                   {.tone = open ? ui::Tone::kInfo : ui::Tone::kNeutral, .width_px = -1.0f})) {
      s.active_form = open ? "" : "apology";
      s.focus_form = !open;
      if (s.new_due.empty()) s.new_due = v.default_new_due;
    }
    if (open) {
      ImGui::Indent();
      if (!v.apology_note.empty()) ui::StatusBanner(v.apology_note, ui::Tone::kWarning);
      bool submit = LabeledField(v.new_due_label, "##new_due", &s.new_due,
                                 {.has_error = FieldHasError(v, "apology", "new_due_at"), .request_focus = focus});
      submit |= LabeledField(v.reason_label, "##apology_reason", &s.reason,
                             {.has_error = FieldHasError(v, "apology", "reason")});
      FormError(v, "apology");
      if (ui::Button(Label(v.run_label + ": " + v.apology_label, "run_apology").c_str(), {.tone = ui::Tone::kInfo}) || submit)
        actions.emplace_back(ui::RequestApology{s.new_due, s.reason});
      ImGui::Unindent();
    }
  }
  if (v.can_hand_to_postal) {
    const bool open = s.active_form == "postal";
    if (ui::Button(Label(v.postal_label, "action_postal").c_str(),
                   {.tone = open ? ui::Tone::kInfo : ui::Tone::kNeutral, .width_px = -1.0f})) {
      s.active_form = open ? "" : "postal";
      s.focus_form = !open;
    }
    if (open) {
      ImGui::Indent();
      bool submit = LabeledField(v.parcel_label, "##parcel", &s.parcel,
                                 {.has_error = FieldHasError(v, "postal", "parcel_number"), .request_focus = focus});
      ImGui::Checkbox(v.originals_label.c_str(), &s.originals_returned);
      bool any_paper = false;
      for (const auto& r : v.results) any_paper = any_paper || (r.paper_required && !r.has_file);
      if (any_paper) submit |= LabeledField(v.digital_reason_label, "##postal_digital_reason", &s.digital_reason, {});
      FormError(v, "postal");
      if (ui::Button(Label(v.run_label + ": " + v.postal_label, "run_postal").c_str(), {.tone = ui::Tone::kInfo}) || submit)
        actions.emplace_back(ui::HandToPostal{s.parcel, s.originals_returned, s.digital_reason});
      ImGui::Unindent();
    }
  }
  ImGui::Separator();
  FormError(v, "print");
  for (std::size_t i = 0; i < v.prints.size(); ++i) {
    const std::string label = Label(v.prints[i].second, "print_" + std::to_string(i));
    if (i > 0) ui::SameLineIfFits(label.c_str());
    if (ui::Button(label.c_str())) actions.emplace_back(ui::PrintDossierForm{v.prints[i].first});
  }
}

void DrawTimeline(const ui::DossierView& v) {
  Heading(v.timeline_title);
  if (!ImGui::BeginTable("##timeline", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                                              ImGuiTableFlags_BordersInnerH))
    return;
  ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthFixed, ui::Em(7.5f));
  ImGui::TableSetupColumn("who", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch, 2.5f);
  for (const ui::TimelineEntry& t : v.timeline) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(t.when.c_str());
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);
    ui::MutedText(t.who);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(t.what.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::EndTable();
}

void DrawPopups(const ui::DossierView& v, const ui::FileBrowserView& files, DossierScreenState& s,
                std::vector<ui::CounterAction>& actions) {
  const bool focus = s.open_reuse;
  if (s.open_reuse) ImGui::OpenPopup(kDossierReusePopup);
  if (s.open_picker) {
    ImGui::OpenPopup(kFilePickerPopup);
    actions.emplace_back(ui::BrowseFiles{files.dir});
  }
  s.open_reuse = s.open_picker = false;
  if (ImGui::BeginPopupModal(kDossierReusePopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ImGui::TextUnformatted(v.result_code_label.c_str());
    const bool enter = ui::TextField("##dossier_reuse_code", &s.reuse_code, {.request_focus = focus, .width_px = ui::Em(18.0f)});
    if (ui::Button(Label(v.reuse_label, "dossier_reuse_ok").c_str(), {.tone = ui::Tone::kInfo}) || enter) {
      actions.emplace_back(ui::MarkDossierComponentReused{s.reuse_index, s.reuse_code, false});
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ui::Button(Label(files.cancel_label, "dossier_reuse_cancel").c_str()) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  std::vector<std::string> chosen;
  if (DrawFilePicker(files, s.picker, actions, &chosen)) {
    if (s.import_component >= 0) {
      actions.emplace_back(ui::ImportDossierComponentFiles{s.import_component, std::move(chosen)});
    } else if (s.import_result >= -1) {
      const int i = s.import_result;
      const std::string name = i < 0 ? s.extra_result_name : "";
      actions.emplace_back(ui::ImportResultDocument{i, name, s.result_codes[i], s.e_signed[i], std::move(chosen)});
    }
  }
}

}  // namespace

void DrawDossier(const ui::DossierView& v, const ui::FileBrowserView& files, DossierScreenState& s,
                 std::vector<ui::CounterAction>& actions) {
  if (s.code != v.title) {  // another dossier: forget the forms of the previous one
    s = {};
    s.code = v.title;
  }
  ui::TextIn(ui::FontRole::kHeading, v.title);
  ImGui::SameLine();
  if (ui::Button(Label(v.back_label, "dossier_back").c_str())) actions.emplace_back(ui::CloseDossier{});
  if (!v.notice_text.empty()) ui::StatusBanner(v.notice_text, ui::Tone::kSuccess);
  if (v.error_form.empty()) ErrorLine(v.error_text);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float left_w = std::floor((ImGui::GetContentRegionAvail().x - spacing) * 0.55f);
  ImGui::BeginChild("##dossier_left", ImVec2(left_w, 0.0f), true);
  DrawFacts(v);
  DrawComponents(v, s, actions);
  DrawResults(v, s, actions);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##dossier_right", ImVec2(0.0f, 0.0f), true);
  DrawActions(v, s, actions);
  DrawTimeline(v);
  ImGui::EndChild();
  DrawPopups(v, files, s, actions);
}

}  // namespace motcua::counter
