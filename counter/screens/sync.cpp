#include "counter/screens/sync.h"

#include <imgui.h>

#include <array>

#include "counter/screens/common.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {

void DrawSync(const ui::SyncScreenView& view, SyncScreenState&, std::vector<ui::CounterAction>& actions) {
  Heading(view.title);
  ui::StatusBanner(view.badge.text, view.badge.tone);
  if (!view.badge.skew_text.empty()) ui::StatusBanner(view.badge.skew_text, ui::Tone::kDanger);
  for (const std::string& line : view.status_lines) ImGui::TextUnformatted(line.c_str());
  ImGui::Spacing();
  Heading(view.parked_heading);
  ui::MutedText(view.parked_intro);
  if (!view.resend_hint.empty()) ui::MutedText(view.resend_hint);
  ErrorLine(view.error_text);
  if (!view.notice_text.empty()) ui::StatusBanner(view.notice_text, ui::Tone::kSuccess);
  if (view.rows.empty()) {
    ui::MutedText(view.empty_text);
    return;
  }
  // The button sits beside the code it acts on; the server's reason, last, stretches and wraps (a fixed
  // column last is cut at the table's right edge in ImGui 1.86 with a stretch column before it).
  const float button_w = ImGui::CalcTextSize(view.resend_label.c_str()).x + 2 * ImGui::GetStyle().FramePadding.x +
                         ui::Em(1.0f);
  const std::array<ui::TableColumn, 4> columns{{{view.code_label.c_str(), ui::Em(13.0f)},
                                                {view.when_label.c_str(), ui::Em(9.5f)},
                                                {"", button_w},
                                                {view.message_label.c_str(), 0.0f}}};
  if (!ui::BeginDataTable("##parked", columns)) return;
  for (std::size_t i = 0; i < view.rows.size(); ++i) {
    const ui::ParkedRowView& row = view.rows[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(row.code.c_str());
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(row.when_text.c_str());
    ImGui::TableNextColumn();
    if (ui::Button(Label(view.resend_label, "resend_" + row.code).c_str(), {.is_enabled = view.can_resend}))
      actions.emplace_back(ui::ResendParkedRecord{row.code});
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", row.message.c_str());  // the server's reason, whole: it says what to fix
  }
  ui::EndDataTable();
}

}  // namespace motcua::counter
