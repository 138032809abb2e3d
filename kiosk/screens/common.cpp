#include "kiosk/screens/common.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>

#include "scan/qr_image.h"
#include "ui_imgui/fonts.h"
#include "ui_imgui/osk_widget.h"
#include "ui_imgui/theme.h"
#include "ui_imgui/touch.h"
#include "ui_imgui/widgets.h"

namespace motcua::kiosk {
namespace {

constexpr int kLogoTapsForAdmin = 5;
constexpr double kLogoTapWindowS = 4.0;

// A switch drawn as a button whose fill says on (info tone) or off (neutral).
bool Toggle(const std::string& label, const char* id, bool on) {
  return ui::Button(Label(label, id).c_str(), {.tone = on ? ui::Tone::kInfo : ui::Tone::kNeutral});
}

}  // namespace

void Wrapped(std::string_view text) {
  if (text.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
}

void Heading(std::string_view text) {
  ImGui::PushFont(ui::GetFont(ui::FontRole::kHeading));
  Wrapped(text);
  ImGui::PopFont();
}

float DrawChrome(const ui::KioskChrome& chrome, const Layout& layout, ScreenState& state, Actions& actions) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // The centre's name is also the hidden gesture's target: five taps within a few seconds.
  ImGui::PushFont(ui::GetFont(ui::FontRole::kBodyBold));
  const ImVec2 name_pos = ImGui::GetCursorScreenPos();
  Wrapped(chrome.center_name);
  ImGui::PopFont();
  const ImVec2 name_end = ImGui::GetItemRectMax();
  ImGui::SetCursorScreenPos(name_pos);
  if (ImGui::InvisibleButton("##logo", ImVec2(std::max(1.0f, name_end.x - name_pos.x), std::max(1.0f, name_end.y - name_pos.y)))) {
    const double t = ImGui::GetTime();
    if (state.logo_taps == 0 || t - state.first_tap_s > kLogoTapWindowS) {
      state.logo_taps = 0;
      state.first_tap_s = t;
    }
    if (++state.logo_taps >= kLogoTapsForAdmin) {
      state.logo_taps = 0;
      actions.emplace_back(ui::HiddenGesture{});
    }
  }
  ImGui::TextDisabled("%s", chrome.clock_line.c_str());

  // The switches: on the right in landscape, on their own row in portrait.
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (!layout.portrait) ImGui::SetCursorPosY(style.WindowPadding.y);
  auto width_of = [&](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x + 2.0f * style.FramePadding.x + style.ItemSpacing.x; };
  const float switches_width = width_of(chrome.language_label) + width_of(chrome.large_text_label) +
                               width_of(chrome.contrast_label) + width_of(chrome.speech_label);
  ImGui::SetCursorPosX(std::max(style.WindowPadding.x, right - switches_width));
  if (ui::Button(Label(chrome.language_label, "language").c_str())) actions.emplace_back(ui::KioskSwitchLanguage{chrome.switch_to});
  ImGui::SameLine();
  if (Toggle(chrome.large_text_label, "large_text", chrome.large_text)) actions.emplace_back(ui::ToggleLargeText{});
  ImGui::SameLine();
  if (Toggle(chrome.contrast_label, "contrast", chrome.high_contrast)) actions.emplace_back(ui::ToggleContrast{});
  ImGui::SameLine();
  if (Toggle(chrome.speech_label, "speech", chrome.speech)) actions.emplace_back(ui::ToggleSpeech{});

  // Title, with back and home on its line.
  ImGui::Separator();
  if (chrome.show_back) {
    if (ui::Button(Label("‹ " + chrome.back_label, "back").c_str())) actions.emplace_back(ui::KioskBack{});
    ImGui::SameLine();
  }
  if (chrome.show_home) {
    if (ui::Button(Label(chrome.home_label, "home").c_str(), {.tone = ui::Tone::kInfo})) actions.emplace_back(ui::GoHome{});
    ImGui::SameLine();
  }
  ImGui::PushFont(ui::GetFont(ui::FontRole::kLarge));
  ImGui::AlignTextToFramePadding();
  Wrapped(chrome.title);
  ImGui::PopFont();
  if (!chrome.offline_line.empty()) ui::StatusBanner(chrome.offline_line, ui::Tone::kWarning);
  if (!chrome.message.empty()) ui::StatusBanner(chrome.message, chrome.message_tone);

  const float footer = ImGui::GetTextLineHeightWithSpacing() + style.WindowPadding.y;
  const float left = ImGui::GetWindowHeight() - ImGui::GetCursorPosY() - footer;
  // The idle hint sits at the bottom whatever the content does.
  const ImVec2 keep = ImGui::GetCursorPos();
  ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer);
  ImGui::TextDisabled("%s", chrome.idle_hint.c_str());
  ImGui::SetCursorPos(keep);
  return std::max(0.0f, left);
}

void BeginContent(const char* id, float height, float width) {
  ImGui::BeginChild(id, ImVec2(width, height), false, ImGuiWindowFlags_NoScrollWithMouse);
}

void EndContent(ScreenState& state) {
  if (ui::DragToScroll()) state.scrolling = true;
  ImGui::EndChild();
}

void DrawTile(const ui::KioskTile& tile, ImVec2 size, Actions& actions) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ui::Tone tone = tile.is_enabled ? tile.tone : ui::Tone::kNeutral;  // greyed text on a colour is unreadable
  if (ui::Button(("##" + tile.id).c_str(), {.tone = tone, .width_px = size.x, .is_enabled = tile.is_enabled,
                                            .height_px = size.y}))
    actions.push_back(tile.action);
  // The text goes on top of the button, wrapped inside it.
  const ImGuiStyle& style = ImGui::GetStyle();
  const ui::ToneColors colors = ui::ColorsFor(tone);
  const ImU32 ink = ImGui::GetColorU32(tone == ui::Tone::kNeutral ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : colors.text);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float pad = style.FramePadding.x * 2.0f;
  float left = at.x + pad;
  if (!tile.badge.empty()) {
    // A large letter in a disc, read from across the hall: the same letter the ticket and the board show.
    ImFont* large = ui::GetFont(ui::FontRole::kLarge);
    const float disc = std::min(size.y - pad, large->FontSize * 2.4f);
    const ImVec2 centre(at.x + pad + disc * 0.5f, at.y + size.y * 0.5f);
    draw->AddCircleFilled(centre, disc * 0.5f, ImGui::GetColorU32(ui::ColorsFor(ui::Tone::kInfo).fill));
    const float px = disc * 0.6f;
    const ImVec2 extent = large->CalcTextSizeA(px, FLT_MAX, 0.0f, tile.badge.c_str());
    draw->AddText(large, px, ImVec2(centre.x - extent.x * 0.5f, centre.y - extent.y * 0.5f),
                  ImGui::GetColorU32(ui::ColorsFor(ui::Tone::kInfo).text), tile.badge.c_str());
    left += disc + pad;
  }
  const float wrap = at.x + size.x - pad - left;
  ImFont* bold = ui::GetFont(ui::FontRole::kHeading);
  const ImVec2 label_size = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, wrap, tile.label.c_str());
  ImFont* body = ui::GetFont(ui::FontRole::kBody);
  const ImVec2 detail_size = tile.detail.empty() ? ImVec2(0, 0)
                                                 : body->CalcTextSizeA(body->FontSize, FLT_MAX, wrap, tile.detail.c_str());
  const float text_h = label_size.y + (tile.detail.empty() ? 0.0f : style.ItemSpacing.y + detail_size.y);
  float y = at.y + std::max(pad * 0.5f, (size.y - text_h) * 0.5f);
  const ImVec4 clip(at.x, at.y, at.x + size.x, at.y + size.y);
  draw->AddText(bold, bold->FontSize, ImVec2(left, y), tile.is_enabled ? ink : ImGui::GetColorU32(ImGuiCol_TextDisabled),
                tile.label.c_str(), nullptr, wrap, &clip);
  y += label_size.y + style.ItemSpacing.y;
  if (!tile.detail.empty())
    draw->AddText(body, body->FontSize, ImVec2(left, y), tile.is_enabled ? ink : ImGui::GetColorU32(ImGuiCol_TextDisabled),
                  tile.detail.c_str(), nullptr, wrap, &clip);
}

void DrawTileGrid(const std::vector<ui::KioskTile>& tiles, int columns, float height, Actions& actions) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = (ImGui::GetContentRegionAvail().x - style.ItemSpacing.x * static_cast<float>(columns - 1)) /
                      static_cast<float>(columns);
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
    DrawTile(tiles[i], ImVec2(width, height), actions);
  }
}

void DrawTextBox(const ui::KioskTextBox& box, ScreenState& state, Actions& actions) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::TextUnformatted(box.label.c_str());
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float height = std::max(ui::CurrentMetrics().touch_target_px, ImGui::GetFrameHeight());
  const std::string id = "##box_" + std::to_string(static_cast<int>(box.field));
  if (ui::Button(id.c_str(), {.width_px = width, .height_px = height})) actions.emplace_back(ui::FocusField{box.field});
  if (!box.is_focused && state.scrolled_to == box.field) state.scrolled_to = ui::KioskField::kNone;
  if (box.is_focused && state.scrolled_to != box.field) {
    const float top = ImGui::GetWindowPos().y;
    const float bottom = top + ImGui::GetWindowHeight();
    if (ImGui::GetItemRectMin().y < top || ImGui::GetItemRectMax().y > bottom) ImGui::SetScrollHereY(0.3f);
    state.scrolled_to = box.field;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 end(at.x + width, at.y + height);
  draw->AddRectFilled(at, end, ImGui::GetColorU32(ImGuiCol_FrameBg));
  const ImU32 border = box.has_error   ? ImGui::GetColorU32(ui::ColorsFor(ui::Tone::kDanger).fill)
                       : box.is_focused ? ImGui::GetColorU32(ui::ColorsFor(ui::Tone::kInfo).fill)
                                        : ImGui::GetColorU32(ImGuiCol_Border);
  draw->AddRect(at, end, border, 0.0f, 0, box.is_focused || box.has_error ? 4.0f : 1.5f);
  const float text_y = at.y + (height - ImGui::GetFontSize()) * 0.5f;
  const ImVec4 clip(at.x, at.y, end.x - style.FramePadding.x, end.y);
  if (box.text.empty()) {
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + style.FramePadding.x, text_y),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), box.placeholder.c_str(), nullptr, 0.0f, &clip);
  }
  // Long text shows its end: the part being typed.
  float text_w = ImGui::CalcTextSize(box.text.c_str()).x;
  const float room = width - 3.0f * style.FramePadding.x;
  const float x = at.x + style.FramePadding.x - std::max(0.0f, text_w - room);
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, text_y), ImGui::GetColorU32(ImGuiCol_Text),
                box.text.c_str(), nullptr, 0.0f, &clip);
  if (box.is_focused && std::fmod(ImGui::GetTime(), 1.0) < 0.6) {
    const float cx = std::min(x + text_w + 2.0f, end.x - style.FramePadding.x);
    draw->AddLine(ImVec2(cx, text_y), ImVec2(cx, text_y + ImGui::GetFontSize()), ImGui::GetColorU32(ImGuiCol_Text), 3.0f);
  }
}

void FieldsWithKeyboard(const char* id, float height, const std::optional<ui::KeyboardView>& keyboard,
                        const Layout& layout, ScreenState& state, Actions& actions,
                        const std::function<void()>& fields) {
  if (!keyboard) {
    BeginContent(id, height);
    fields();
    EndContent(state);
    return;
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const float keyboard_h = KeyboardHeight(*keyboard);
  const float width = ImGui::GetContentRegionAvail().x;
  const bool digits = keyboard->layout == ui::OskLayout::kDigits;
  if (layout.portrait) {
    BeginContent(id, std::max(ui::Em(6.0f), height - keyboard_h - style.ItemSpacing.y));
    fields();
    EndContent(state);
    const float keyboard_w = digits ? std::min(width, ui::Em(20.0f)) : width;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - keyboard_w) * 0.5f);
    DrawKeyboard(*keyboard, keyboard_w, actions);
    return;
  }
  const float keyboard_w = digits ? std::min(width * 0.4f, ui::Em(20.0f)) : width * 0.55f;
  BeginContent(id, height, width - keyboard_w - style.ItemSpacing.x);
  fields();
  EndContent(state);
  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::Dummy(ImVec2(keyboard_w, std::max(0.0f, height - keyboard_h - style.ItemSpacing.y)));
  DrawKeyboard(*keyboard, keyboard_w, actions);
  ImGui::EndGroup();
}

float KeyboardHeight(const ui::KeyboardView& view) {
  const auto rows = ui::OskRows(view.layout, view.shift, view.allow_letters);
  const float key = ui::CurrentMetrics().touch_target_px * 1.15f;
  return static_cast<float>(rows.size()) * (key + ImGui::GetStyle().ItemSpacing.y) + ImGui::GetStyle().ItemSpacing.y;
}

void DrawKeyboard(const ui::KeyboardView& view, float width, Actions& actions) {
  const float key = ui::CurrentMetrics().touch_target_px * 1.15f;
  if (auto pressed = ui::DrawOnScreenKeyboard(ui::OskRows(view.layout, view.shift, view.allow_letters), width, key, view.lang))
    actions.emplace_back(ui::PressKey{*pressed});
}

void DrawQr(const std::string& text, float size) {
  // Encoded once per text: the procedure page and the VietQR do not change while shown.
  static std::map<std::string, scan::GrayImage> cache;
  if (cache.size() > 16) cache.clear();
  auto it = cache.find(text);
  if (it == cache.end()) {
    auto image = scan::EncodeQr(text, {.module_px = 1, .quiet_zone_modules = 4});
    if (!image) {
      ImGui::Dummy(ImVec2(size, size));
      return;
    }
    it = cache.emplace(text, std::move(*image)).first;
  }
  const scan::GrayImage& qr = it->second;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float module = std::floor(size / static_cast<float>(qr.width));  // whole pixels: crisp edges
  const float side = module * static_cast<float>(qr.width);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(at, ImVec2(at.x + side, at.y + side), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < qr.height; ++y)
    for (int x = 0; x < qr.width; ++x)
      if (qr.pixels[static_cast<std::size_t>(y * qr.width + x)] < 128)
        draw->AddRectFilled(ImVec2(at.x + module * static_cast<float>(x), at.y + module * static_cast<float>(y)),
                            ImVec2(at.x + module * static_cast<float>(x + 1), at.y + module * static_cast<float>(y + 1)),
                            IM_COL32(0, 0, 0, 255));
  ImGui::Dummy(ImVec2(size, side));
}

}  // namespace motcua::kiosk
