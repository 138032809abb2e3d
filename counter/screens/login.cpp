#include "counter/screens/login.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "counter/screens/common.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/widgets.h"

namespace motcua::counter {
namespace {

// Overwrites before clearing, so the password does not linger in the heap block.
void WipePassword(std::string& s) {
  std::fill(s.begin(), s.end(), '\0');
  s.clear();
}

}  // namespace

void DrawLogin(const ui::LoginView& view, LoginScreenState& state,
               std::vector<ui::CounterAction>& actions) {
  using ui::LoginField;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags window_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##login", nullptr, window_flags);
  const ImGuiStyle& style = ImGui::GetStyle();

  // Which box gets the caret this frame.
  LoginField focus = state.focus_next;
  state.focus_next = LoginField::kNone;
  const int frame = ImGui::GetFrameCount();
  if (frame != state.last_drawn_frame + 1) focus = LoginField::kUserName;  // it appears: at start, after a sign-out
  state.last_drawn_frame = frame;
  if (view.error_serial != state.seen_error_serial) {
    state.seen_error_serial = view.error_serial;
    focus = view.focus_after_error;
  }

  // Top bar: the app's name, and the language switch on the right.
  ui::TextIn(ui::FontRole::kHeading, view.app_title);
  {
    const std::string label = Label(view.switch_language_label, "switch_language");
    const float width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2.0f * style.FramePadding.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - width);
    if (ui::Button(label.c_str())) actions.emplace_back(ui::SwitchLanguage{view.switch_to});
  }
  ImGui::Separator();
  const float top_bar_bottom = ImGui::GetCursorPosY();

  // The card, centred with last frame's height (the first frame is placed near the top).
  const float card_width = std::min(ui::Em(24.0f), ImGui::GetContentRegionAvail().x);
  const float padding = ui::Em(1.2f);
  const float outer_width = card_width + 2.0f * padding;
  const float footer_height = 2.0f * ImGui::GetTextLineHeightWithSpacing() + style.WindowPadding.y;
  const float free_height = ImGui::GetWindowHeight() - top_bar_bottom - footer_height;
  const float card_y = top_bar_bottom + std::max(style.ItemSpacing.y, (free_height - state.card_height_px) * 0.5f);
  const float card_x = std::max(style.WindowPadding.x, (ImGui::GetWindowWidth() - outer_width) * 0.5f);

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->ChannelsSplit(2);  // the card's background goes under its content, drawn after it
  draw->ChannelsSetCurrent(1);
  ImGui::SetCursorPos(ImVec2(card_x + padding, card_y + padding));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(card_x + padding + card_width);

  ui::TextIn(ui::FontRole::kLarge, view.title);
  ui::MutedText(view.subtitle);
  ImGui::Dummy(ImVec2(0.0f, ui::Em(0.3f)));
  if (!view.notice_text.empty()) ui::StatusBanner(view.notice_text, view.notice_tone, card_width);

  bool submit = false;
  ImGui::TextUnformatted(view.user_label.c_str());
  if (ui::TextField("##user", &state.user_name,
                    {.has_error = view.error_field == LoginField::kUserName,
                     .request_focus = focus == LoginField::kUserName,
                     .width_px = card_width})) {
    if (state.password.empty() && !state.user_name.empty())
      state.focus_next = LoginField::kPassword;
    else
      submit = true;
  }
  ImGui::TextUnformatted(view.password_label.c_str());
  if (ui::TextField("##password", &state.password,
                    {.is_password = true,
                     .has_error = view.error_field == LoginField::kPassword,
                     .request_focus = focus == LoginField::kPassword,
                     .width_px = card_width}))
    submit = true;

  if (!view.error_text.empty()) ui::StatusBanner(view.error_text, ui::Tone::kDanger, card_width);
  ImGui::Dummy(ImVec2(0.0f, ui::Em(0.2f)));
  if (ui::BigButton(Label(view.submit_label, "submit").c_str(), {.tone = ui::Tone::kInfo, .width_px = card_width}))
    submit = true;
  ui::MutedText(view.hint);

  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 content_min = ImGui::GetItemRectMin();
  const ImVec2 content_max = ImGui::GetItemRectMax();
  state.card_height_px = content_max.y - content_min.y + 2.0f * padding;
  draw->ChannelsSetCurrent(0);
  const ImVec2 card_min(content_min.x - padding, content_min.y - padding);
  const ImVec2 card_max(content_min.x + card_width + padding, content_max.y + padding);
  draw->AddRectFilled(card_min, card_max, ImGui::GetColorU32(ImGuiCol_ChildBg), style.ChildRounding);
  draw->AddRect(card_min, card_max, ImGui::GetColorU32(ImGuiCol_Border), style.ChildRounding);
  draw->ChannelsMerge();

  // Footer: which station and which version, for support calls.
  ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, ImGui::GetWindowHeight() - footer_height));
  if (!view.station_line.empty()) ui::MutedText(view.station_line);
  ui::MutedText(view.version_line);

  if (submit) {
    actions.emplace_back(ui::SubmitLogin{state.user_name, state.password});
    WipePassword(state.password);
  }
  ImGui::End();
}

}  // namespace motcua::counter
