// A citizen's dossier: checking it, its status, rating, postal return, paying, thanks.
#include <algorithm>

#include "kiosk/screens/screens.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::kiosk {
namespace {

// Three choices as big buttons in a row; returns the index tapped or -1.
int Choices(const std::string& id, const std::vector<ui::KioskChoice>& choices, float min_width) {
  int tapped = -1;
  const float width = std::max(min_width, (ImGui::GetContentRegionAvail().x - 2.0f * ImGui::GetStyle().ItemSpacing.x) / 3.0f);
  for (std::size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    const ui::KioskChoice& c = choices[i];
    if (ui::Button(Label(c.label, id + "_" + std::to_string(i)).c_str(),
                   {.tone = c.is_selected ? ui::Tone::kInfo : ui::Tone::kNeutral, .width_px = width}))
      tapped = static_cast<int>(i);
  }
  return tapped;
}

void FeeTable(const std::vector<ui::KioskFeeRow>& fees) {
  for (const ui::KioskFeeRow& f : fees) {
    ImGui::TextWrapped("%s: %s", f.name.c_str(), f.amount.c_str());
    ImGui::SameLine();
    ui::Badge(f.paid, f.is_paid ? ui::Tone::kSuccess : ui::Tone::kWarning);
  }
}

}  // namespace

void DrawCheck(const ui::KioskCheckView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  FieldsWithKeyboard("##check", height, v.keyboard, l, s, a, [&] {
    // Scanning first: it is the quickest way, and typing is the fallback.
    ui::StatusBanner(v.scan_heading, ui::Tone::kInfo);
    Wrapped(v.scan_hint);
    if (!v.camera_line.empty()) ImGui::TextDisabled("%s", v.camera_line.c_str());
    ImGui::Spacing();
    Heading(v.type_heading);
    DrawTextBox(v.code, s, a);
    DrawTextBox(v.secret, s, a);
    if (ui::BigButton(Label(v.submit_label, "check_submit").c_str(), {.tone = ui::Tone::kInfo, .is_enabled = v.submit_enabled}))
      a.emplace_back(ui::SubmitTyped{});
  });
}

void DrawStatus(const ui::KioskStatusView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##status", height);
  ImGui::TextDisabled("%s", v.code_line.c_str());
  Heading(v.procedure);
  Wrapped(v.applicant);
  ImGui::Spacing();
  ImGui::PushFont(ui::GetFont(ui::FontRole::kLarge));
  ui::StatusBanner(v.state_label, v.state_tone);
  ImGui::PopFont();
  ImGui::PushFont(ui::GetFont(ui::FontRole::kBodyBold));
  Wrapped(v.due_line);
  ImGui::PopFont();
  if (!v.late_line.empty()) ui::StatusBanner(v.late_line, ui::Tone::kDanger);

  ImGui::Spacing();
  Heading(v.next_heading);
  for (const std::string& line : v.next_lines) Wrapped(line);
  if (!v.fees.empty()) {
    ImGui::Spacing();
    FeeTable(v.fees);
  }
  ImGui::Spacing();
  const float tile_h = ui::CurrentMetrics().touch_target_px * 1.4f;
  DrawTileGrid(v.actions, l.portrait ? 1 : 3, tile_h, a);

  ImGui::Spacing();
  for (const ui::KioskTimelineRow& row : v.timeline) {
    ImGui::TextDisabled("%s", row.when.c_str());
    ImGui::SameLine(ui::Em(8.0f));
    Wrapped(row.what);
  }
  EndContent(s);
}

void DrawRate(const ui::KioskRateView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  FieldsWithKeyboard("##rate", height, v.keyboard, l, s, a, [&] {
    ImGui::TextDisabled("%s", v.code_line.c_str());
    Heading(v.overall_question);
    static constexpr int kValues[] = {2, 1, 0};
    if (int i = Choices("overall", v.overall, 0.0f); i >= 0) a.emplace_back(ui::SetOverall{kValues[i]});
    if (ui::BigButton(Label(v.submit_label, "rate_submit").c_str())) a.emplace_back(ui::SubmitRating{});
    ImGui::Spacing();
    Heading(v.criteria_heading);
    for (std::size_t i = 0; i < v.criteria.size(); ++i) {
      Wrapped(std::to_string(i + 1) + ". " + v.criteria[i].label);
      if (int c = Choices("crit" + std::to_string(i), v.criteria[i].choices, 0.0f); c >= 0)
        a.emplace_back(ui::SetCriterion{static_cast<int>(i), kValues[c]});
    }
    DrawTextBox(v.comment, s, a);
  });
}

void DrawPostal(const ui::KioskPostalView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  FieldsWithKeyboard("##postal", height, v.keyboard, l, s, a, [&] {
    Wrapped(v.intro);
    if (!v.postage_line.empty()) Wrapped(v.postage_line);
    for (const ui::KioskTextBox& box : v.boxes) DrawTextBox(box, s, a);
    if (ui::BigButton(Label(v.submit_label, "postal_submit").c_str())) a.emplace_back(ui::SubmitPostal{});
  });
}

void DrawPay(const ui::KioskPayView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##pay", height);
  FeeTable(v.fees);
  ImGui::Spacing();
  if (!v.qr_payload.empty()) {
    // Large enough for a phone held at arm's length: half the short side of the screen.
    const float size = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetIO().DisplaySize.y) * (l.portrait ? 0.7f : 0.45f);
    ImGui::BeginGroup();
    DrawQr(v.qr_payload, size);
    ImGui::EndGroup();
    if (!l.portrait) ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushFont(ui::GetFont(ui::FontRole::kLarge));
    Wrapped(v.amount_line);
    ImGui::PopFont();
    Wrapped(v.account_line);
    Wrapped(v.purpose_line);
    ImGui::Spacing();
    Wrapped(v.note);
    ImGui::EndGroup();
  } else {
    ui::StatusBanner(v.note, ui::Tone::kInfo);
  }
  EndContent(s);
}

void DrawThanks(const ui::KioskThanksView& v, const Layout& l, ScreenState& s, Actions& a) {
  const float height = DrawChrome(v.chrome, l, s, a);
  BeginContent("##thanks", height);
  ImGui::PushFont(ui::GetFont(ui::FontRole::kLarge));
  ui::StatusBanner(v.text, ui::Tone::kSuccess);
  ImGui::PopFont();
  ImGui::Spacing();
  DrawTile(v.home, ImVec2(ImGui::GetContentRegionAvail().x, ui::CurrentMetrics().touch_target_px * 1.6f), a);
  EndContent(s);
}

}  // namespace motcua::kiosk
