#include "counter/screens/shell.h"

#include <imgui.h>

#include <algorithm>

#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/keys.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

constexpr ImGuiWindowFlags kFullScreen = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

void GlobalKeys(const ui::ShellView& view, std::vector<ui::CounterAction>& actions) {
  for (const ui::NavTab& tab : view.tabs) {
    ui::HotKey key;
    if (!tab.hotkey.empty() && ui::ParseFunctionKey(tab.hotkey.c_str(), &key) && ui::HotKeyPressed(key) &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
      actions.emplace_back(ui::Navigate{tab.key});
  }
  if (ui::HotKeyPressed(ui::HotKey::kL, true)) actions.emplace_back(ui::LockScreen{});
  if (view.print && view.print->can_reprint && ui::HotKeyPressed(ui::HotKey::kF8) &&
      !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
    actions.emplace_back(ui::ReprintLast{});
  if (EscapePressed()) actions.emplace_back(ui::GoBack{});
  // The call panel's keys: F12 calls the next ticket, F11 calls the served one again (the tabs take
  // F2-F9, F10 receives, F8 reprints; function keys never type into a focused field). F12 sits away
  // from F10 so a slip on "receive" does not send the citizen away; the other buttons have no key.
  if (view.queue_panel && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
    if (ui::HotKeyPressed(ui::HotKey::kF12)) actions.emplace_back(ui::CallNextTicket{});
    if (view.queue_panel->has_ticket && ui::HotKeyPressed(ui::HotKey::kF11)) actions.emplace_back(ui::RecallTicket{});
  }
}

// Keeps the next item (`width_px` wide) on the current line when it fits before `right_x`, else lets
// it start a new line: the panel is one line on a wide screen and wraps on a 1024 px one.
struct Flow {
  float right_x = 0.0f;
  bool first = true;
  void Place(float width_px) {
    if (!first && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width_px <= right_x) ImGui::SameLine();
    first = false;
  }
  void Text(const std::string& text, ui::FontRole role = ui::FontRole::kBody, const ImVec4* color = nullptr) {
    ImGui::PushFont(ui::GetFont(role));
    Place(ImGui::CalcTextSize(text.c_str()).x);
    ImGui::AlignTextToFramePadding();
    if (color != nullptr) ImGui::PushStyleColor(ImGuiCol_Text, *color);
    ImGui::TextUnformatted(text.c_str());
    if (color != nullptr) ImGui::PopStyleColor();
    ImGui::PopFont();
  }
  // A pill centred on the line's buttons (a badge is shorter than a frame).
  void Badge(const std::string& text, ui::Tone tone, ui::FontRole role = ui::FontRole::kBody) {
    ImGui::PushFont(ui::GetFont(role));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float pad_x = std::floor(style.FramePadding.x * 0.6f), pad_y = std::floor(style.FramePadding.y * 0.35f);
    const float width = ImGui::CalcTextSize(text.c_str()).x + 2.0f * pad_x;
    const float avail = right_x - ImGui::GetCursorScreenPos().x;
    Place(std::min(width, avail));
    const float offset = (ImGui::GetFrameHeight() - ImGui::GetTextLineHeight() - 2.0f * pad_y) * 0.5f;
    if (offset > 0.0f) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + offset);
    ui::Badge(text, tone);
    ImGui::PopFont();
  }
  bool Button(const std::string& label, const ui::ButtonOptions& options = {}) {
    Place(ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2.0f * ImGui::GetStyle().FramePadding.x);
    return ui::Button(label.c_str(), options);
  }
};

constexpr const char* kTransferPopup = "##queue_transfer_popup";

// The queue call panel: the counter, the served ticket, the lines' waiting counts, the buttons, and
// the last action's result in words.
void DrawQueuePanel(const ui::QueuePanelView& p, std::vector<ui::CounterAction>& actions) {
  Flow flow{ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x};
  const ImVec4 muted = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
  flow.Text(p.counter_text, ui::FontRole::kBodyBold);
  if (p.has_ticket) {
    flow.Text(p.serving_title);
    flow.Badge(p.ticket_label, p.is_priority ? ui::Tone::kWarning : ui::Tone::kInfo, ui::FontRole::kBodyBold);
    flow.Text(p.ticket_detail, ui::FontRole::kBody, &muted);
  } else {
    flow.Text(p.idle_text, ui::FontRole::kBody, &muted);
  }
  flow.Text("|", ui::FontRole::kBody, &muted);
  flow.Text(p.waiting_text);
  if (flow.Button(Label(p.next_label, "queue_next"), {.tone = ui::Tone::kInfo})) actions.emplace_back(ui::CallNextTicket{});
  if (flow.Button(Label(p.recall_label, "queue_recall"), {.is_enabled = p.has_ticket}))
    actions.emplace_back(ui::RecallTicket{});
  if (flow.Button(Label(p.no_show_label, "queue_no_show"), {.is_enabled = p.has_ticket}))
    actions.emplace_back(ui::MarkTicketNoShow{});
  if (flow.Button(Label(p.transfer_label, "queue_transfer"), {.is_enabled = p.has_ticket && !p.transfer_to.empty()}))
    ImGui::OpenPopup(kTransferPopup);
  if (flow.Button(Label(p.finish_label, "queue_finish"), {.tone = ui::Tone::kSuccess, .is_enabled = p.has_ticket}))
    actions.emplace_back(ui::FinishTicket{});
  // Beside the buttons when it fits; a long refusal wraps on its own line.
  if (!p.message_text.empty()) flow.Badge(p.message_text, p.message_tone);
  if (ImGui::BeginPopup(kTransferPopup)) {
    ImGui::TextUnformatted(p.transfer_title.c_str());
    for (const ui::QueueTransferOption& o : p.transfer_to)
      if (ui::Button(Label(o.label, "queue_transfer_" + o.area).c_str(), {.width_px = ui::Em(22.0f)})) {
        actions.emplace_back(ui::TransferTicket{o.area});
        ImGui::CloseCurrentPopup();
      }
    if (ui::Button(Label(p.cancel_label, "queue_transfer_cancel").c_str()) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

}  // namespace

void BeginShell(const ui::ShellView& view, ShellScreenState& state, std::vector<ui::CounterAction>& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("##counter", nullptr, kFullScreen);
  GlobalKeys(view, actions);
  const ImGuiStyle& style = ImGui::GetStyle();

  // Tabs on the left, the user's controls on the right.
  for (const ui::NavTab& tab : view.tabs) {
    const std::string label = Label(tab.hotkey.empty() ? tab.label : tab.hotkey + "  " + tab.label, "tab_" + tab.key);
    if (ui::Button(label.c_str(), {.tone = tab.is_current ? ui::Tone::kInfo : ui::Tone::kNeutral}))
      actions.emplace_back(ui::Navigate{tab.key});
    ImGui::SameLine();
  }
  const std::string lang = Label(view.switch_language_label, "switch_language");
  const std::string lock = Label(view.lock_label, "lock");
  const std::string sign_out = Label(view.sign_out_label, "sign_out");
  auto width = [&](const std::string& l) { return ImGui::CalcTextSize(l.c_str(), nullptr, true).x + 2 * style.FramePadding.x; };
  const float right = width(lang) + width(lock) + width(sign_out) + 2 * style.ItemSpacing.x;
  const float user_w = ImGui::CalcTextSize(view.user_line.c_str()).x;
  const float avail_right = ImGui::GetWindowContentRegionMax().x;
  const float user_x = avail_right - right - style.ItemSpacing.x - user_w;
  // A supervisor's six tabs leave no room for the controls on a 1024 px screen: they take the next line.
  if (ImGui::GetCursorPosX() + right > avail_right) ImGui::NewLine();
  if (user_x > ImGui::GetCursorPosX()) {
    ImGui::SetCursorPosX(user_x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(view.user_line.c_str());
    ImGui::SameLine();
  }
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), avail_right - right));
  if (ui::Button(lang.c_str())) actions.emplace_back(ui::SwitchLanguage{view.switch_to});
  ImGui::SameLine();
  if (ui::Button(lock.c_str())) actions.emplace_back(ui::LockScreen{});
  ImGui::SameLine();
  if (ui::Button(sign_out.c_str())) actions.emplace_back(ui::SignOut{});
  if (!view.banner.empty()) ui::StatusBanner(view.banner, view.banner_tone, ImGui::GetContentRegionAvail().x);
  if (!view.notice_text.empty()) {
    const std::string close = Label(view.dismiss_label, "dismiss_notice");
    const float close_w = width(close);
    ui::StatusBanner(view.notice_text, view.notice_tone,
                     ImGui::GetContentRegionAvail().x - close_w - style.ItemSpacing.x);
    ImGui::SameLine();
    if (ui::Button(close.c_str())) actions.emplace_back(ui::DismissNotice{});
  }
  if (view.queue_panel) {
    ImGui::Separator();
    DrawQueuePanel(*view.queue_panel, actions);
  }
  ImGui::Separator();
  const float bottom = std::max(state.bottom_height_px, ImGui::GetFrameHeightWithSpacing() + style.WindowPadding.y);
  ImGui::BeginChild("##content", ImVec2(0.0f, -bottom), false, ImGuiWindowFlags_NoBackground);
}

void EndShell(const ui::ShellView& view, ShellScreenState& state, std::vector<ui::CounterAction>& actions) {
  ImGui::EndChild();
  const float top = ImGui::GetCursorPosY();
  ImGui::Separator();
  if (view.job) {
    const ui::JobLine& job = *view.job;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(job.text.c_str());
    ImGui::SameLine();
    if (job.fraction >= 0.0f) {
      ImGui::ProgressBar(job.fraction, ImVec2(ui::Em(10.0f), 0.0f));
      ImGui::SameLine();
    }
    if (ui::Button(Label(job.cancel_label, "cancel_job").c_str())) actions.emplace_back(ui::CancelFileJob{});
  }
  if (view.print) {
    const ui::PrintLine& p = *view.print;
    const std::string reprint = Label(p.reprint_label, "reprint");
    const float reprint_w = ImGui::CalcTextSize(reprint.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
    ui::StatusBanner(p.text, p.tone, ImGui::GetContentRegionAvail().x - reprint_w - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.path_text.c_str());
    ImGui::SameLine();
    if (ui::Button(reprint.c_str(), {.is_enabled = p.can_reprint})) actions.emplace_back(ui::ReprintLast{});
  }
  // The last line: station and time, then the sync badge (and the clock-skew warning, never hidden).
  const std::string where = view.station_line.empty() ? view.clock_text : view.station_line + " · " + view.clock_text;
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(where.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ui::Badge(view.sync.text, view.sync.tone);
  if (!view.sync.skew_text.empty()) {
    ImGui::SameLine();
    ui::Badge(view.sync.skew_text, ui::Tone::kDanger);
  }
  state.bottom_height_px = ImGui::GetCursorPosY() - top;
  ImGui::End();
}

void DrawLock(const ui::LockView& view, LockScreenState& state, std::vector<ui::CounterAction>& actions) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::Begin("##lock", nullptr, kFullScreen);
  bool focus = state.focus_next;
  state.focus_next = false;
  if (view.error_serial != state.seen_error_serial) {
    state.seen_error_serial = view.error_serial;
    focus = true;
  }
  const float width = std::min(ui::Em(24.0f), ImGui::GetContentRegionAvail().x);
  ImGui::SetCursorPos(ImVec2(std::max(0.0f, (ImGui::GetWindowWidth() - width) * 0.5f), ImGui::GetWindowHeight() * 0.22f));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ui::TextIn(ui::FontRole::kLarge, view.title);
  ImGui::TextUnformatted(view.user_line.c_str());
  ui::MutedText(view.explanation);
  ImGui::Dummy(ImVec2(0.0f, ui::Em(0.3f)));
  bool submit = LabeledField(view.password_label, "##unlock_password", &state.password,
                             {.is_password = true, .has_error = !view.error_text.empty(), .request_focus = focus,
                              .width_px = width});
  if (!view.error_text.empty()) ui::StatusBanner(view.error_text, ui::Tone::kDanger, width);
  if (ui::BigButton(Label(view.unlock_label, "unlock").c_str(), {.tone = ui::Tone::kInfo, .width_px = width})) submit = true;
  if (ui::Button(Label(view.sign_out_label, "lock_sign_out").c_str(), {.width_px = width}))
    actions.emplace_back(ui::SignOut{});
  ui::MutedText(view.hint);
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  if (submit) {
    actions.emplace_back(ui::SubmitUnlock{state.password});
    std::fill(state.password.begin(), state.password.end(), '\0');
    state.password.clear();
  }
  ImGui::End();
}

bool DrawFilePicker(const ui::FileBrowserView& view, FilePickerState& state, std::vector<ui::CounterAction>& actions,
                    std::vector<std::string>* chosen_out) {
  bool confirmed = false;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(std::min(viewport->WorkSize.x * 0.8f, ui::Em(40.0f)), viewport->WorkSize.y * 0.75f),
                           ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                 viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                          ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(kFilePickerPopup, nullptr, ImGuiWindowFlags_NoTitleBar)) return false;
  Heading(view.title);
  ui::MutedText(view.dir);
  if (!view.parent.empty() && ui::Button(Label(view.up_label, "files_up").c_str()))
    actions.emplace_back(ui::BrowseFiles{view.parent});
  ErrorLine(view.error_text);
  const float footer = ImGui::GetFrameHeightWithSpacing() * 4.0f + ImGui::GetTextLineHeightWithSpacing() * 2.0f;
  ImGui::BeginChild("##files", ImVec2(0.0f, -footer), true);
  if (view.entries.empty()) ui::MutedText(view.empty_text);
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    const ui::FileBrowserEntryView& e = view.entries[i];
    const auto pos = std::find(state.chosen.begin(), state.chosen.end(), e.path);
    const bool is_chosen = pos != state.chosen.end();
    std::string label = e.label;
    if (is_chosen) label = std::to_string(pos - state.chosen.begin() + 1) + ". " + label;
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(label.c_str(), is_chosen, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (e.is_dir) {
        actions.emplace_back(ui::BrowseFiles{e.path});
      } else if (is_chosen) {
        state.chosen.erase(pos);
      } else {
        state.chosen.push_back(e.path);
      }
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  ui::MutedText(view.hint);
  ImGui::TextUnformatted(view.path_label.c_str());
  const bool typed_enter = ui::TextField("##typed_path", &state.typed_path);
  const bool can_import = !state.chosen.empty() || !state.typed_path.empty();
  if (ui::Button(Label(view.import_label, "files_import").c_str(), {.tone = ui::Tone::kInfo, .is_enabled = can_import}) ||
      (typed_enter && can_import)) {
    std::vector<std::string> paths = state.chosen;
    if (!state.typed_path.empty()) {
      // Several typed paths are separated by ';' (the field's hint says so).
      std::string rest = state.typed_path;
      std::size_t start = 0;
      while (start <= rest.size()) {
        const std::size_t end = std::min(rest.find(';', start), rest.size());
        std::string p = rest.substr(start, end - start);
        while (!p.empty() && p.front() == ' ') p.erase(p.begin());
        while (!p.empty() && p.back() == ' ') p.pop_back();
        if (!p.empty()) paths.push_back(p);
        start = end + 1;
      }
    }
    *chosen_out = std::move(paths);
    state = {};
    confirmed = true;
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ui::Button(Label(view.cancel_label, "files_cancel").c_str()) ||
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    state = {};
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return confirmed;
}

}  // namespace motcua::counter
