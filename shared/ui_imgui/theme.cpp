#include "ui_imgui/theme.h"

#include <algorithm>
#include <cmath>

namespace motcua::ui {
namespace {

ThemeMetrics g_metrics = MetricsFor(ThemeKind::kCounter, 1.0f);

ImVec4 Rgb(int hex, float alpha = 1.0f) {
  return ImVec4(static_cast<float>((hex >> 16) & 0xFF) / 255.0f,
                static_cast<float>((hex >> 8) & 0xFF) / 255.0f,
                static_cast<float>(hex & 0xFF) / 255.0f, alpha);
}

// Shared palette. Pairs were checked with ContrastRatio (tests/ui_smoke/theme_test.cpp).
const ImVec4 kInk = Rgb(0x1B1F24);        // body text on light backgrounds
const ImVec4 kInkMuted = Rgb(0x4F5B69);   // secondary text, still >= 4.5:1 on kPaper
const ImVec4 kPaper = Rgb(0xF4F6F9);      // counter window background
const ImVec4 kWhite = Rgb(0xFFFFFF);
const ImVec4 kBlue = Rgb(0x0B57B0);       // primary actions, info
const ImVec4 kBlueDark = Rgb(0x0B4A94);   // kiosk primary (higher contrast with white)
const ImVec4 kGreen = Rgb(0x1E6B34);
const ImVec4 kAmber = Rgb(0xF2B705);
const ImVec4 kRed = Rgb(0xB3261E);
const ImVec4 kGreyFill = Rgb(0xE3E8EF);
const ImVec4 kBlack = Rgb(0x000000);

// High contrast (both kinds): white text on black, yellow outlines, light tone fills under black
// text. Ratios on black: white 21, #BFBFBF 11.4; white on #333333 12.6, on #003D99 9.9.
const ImVec4 kHcYellow = Rgb(0xFFD400);  // outlines, focus, check marks; 14.7:1 on black
const ImVec4 kHcGrey = Rgb(0xBFBFBF);    // disabled text
const ImVec4 kHcSelect = Rgb(0x003D99);  // selected rows and text under white text
const ImVec4 kHcCyan = Rgb(0x1AEBFF);    // info fill under black text, 14.4:1
const ImVec4 kHcGreen = Rgb(0x5CE65C);   // success fill, 12.9:1
const ImVec4 kHcRed = Rgb(0xFF8080);     // danger fill, 8.7:1 (a darker red cannot carry black text at 7:1)

void SetCounterColors(ImGuiStyle& s) {
  ImVec4* c = s.Colors;
  ImGui::StyleColorsLight(&s);
  c[ImGuiCol_Text] = kInk;
  c[ImGuiCol_TextDisabled] = kInkMuted;
  c[ImGuiCol_WindowBg] = kPaper;
  c[ImGuiCol_ChildBg] = kWhite;
  c[ImGuiCol_PopupBg] = kWhite;
  c[ImGuiCol_Border] = Rgb(0xC4CCD6);
  c[ImGuiCol_BorderShadow] = Rgb(0x000000, 0.0f);
  c[ImGuiCol_FrameBg] = kWhite;
  c[ImGuiCol_FrameBgHovered] = Rgb(0xEAF1FB);
  c[ImGuiCol_FrameBgActive] = Rgb(0xDCE8F8);
  c[ImGuiCol_TitleBg] = kGreyFill;
  c[ImGuiCol_TitleBgActive] = Rgb(0xD0DAE7);
  c[ImGuiCol_MenuBarBg] = kGreyFill;
  c[ImGuiCol_Button] = kGreyFill;
  c[ImGuiCol_ButtonHovered] = Rgb(0xD0DAE7);
  c[ImGuiCol_ButtonActive] = Rgb(0xB9C8DC);
  c[ImGuiCol_Header] = Rgb(0xD6E4F5);
  c[ImGuiCol_HeaderHovered] = Rgb(0xC4D8F0);
  c[ImGuiCol_HeaderActive] = Rgb(0xAFC9EA);
  c[ImGuiCol_CheckMark] = kBlue;
  c[ImGuiCol_SliderGrab] = kBlue;
  c[ImGuiCol_SliderGrabActive] = kBlueDark;
  c[ImGuiCol_TableHeaderBg] = kGreyFill;
  c[ImGuiCol_TableBorderStrong] = Rgb(0xB4BECB);
  c[ImGuiCol_TableBorderLight] = Rgb(0xD5DCE4);
  c[ImGuiCol_TableRowBg] = Rgb(0xFFFFFF, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = Rgb(0x1B1F24, 0.035f);
  c[ImGuiCol_TextSelectedBg] = Rgb(0xB5D0F2);
  c[ImGuiCol_NavHighlight] = kBlue;
  c[ImGuiCol_ScrollbarBg] = Rgb(0xE9EDF2);
  c[ImGuiCol_ScrollbarGrab] = Rgb(0xAEB9C6);
  c[ImGuiCol_ScrollbarGrabHovered] = Rgb(0x8F9CAC);
  c[ImGuiCol_ScrollbarGrabActive] = Rgb(0x707E90);
  c[ImGuiCol_ModalWindowDimBg] = Rgb(0x1B1F24, 0.45f);
}

void SetKioskColors(ImGuiStyle& s) {
  SetCounterColors(s);
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = Rgb(0x000000);        // 21:1 on white
  c[ImGuiCol_TextDisabled] = Rgb(0x434B55);
  c[ImGuiCol_WindowBg] = kWhite;
  c[ImGuiCol_ChildBg] = kWhite;
  c[ImGuiCol_Border] = Rgb(0x1B1F24);      // visible edges for every frame and button
  c[ImGuiCol_FrameBg] = kWhite;
  c[ImGuiCol_Button] = Rgb(0xE6ECF4);
  c[ImGuiCol_ButtonHovered] = Rgb(0xD3DEEC);
  c[ImGuiCol_ButtonActive] = Rgb(0xB9C8DC);
  c[ImGuiCol_NavHighlight] = kBlueDark;
  c[ImGuiCol_ScrollbarGrab] = Rgb(0x5F6B7A);
  c[ImGuiCol_ScrollbarGrabHovered] = Rgb(0x434B55);
  c[ImGuiCol_ScrollbarGrabActive] = Rgb(0x1B1F24);
}

void SetHighContrastColors(ImGuiStyle& s) {
  ImGui::StyleColorsDark(&s);
  ImVec4* c = s.Colors;
  c[ImGuiCol_Text] = kWhite;
  c[ImGuiCol_TextDisabled] = kHcGrey;
  c[ImGuiCol_WindowBg] = kBlack;
  c[ImGuiCol_ChildBg] = kBlack;
  c[ImGuiCol_PopupBg] = kBlack;
  c[ImGuiCol_Border] = kHcYellow;          // buttons and fields are outlined, not filled
  c[ImGuiCol_BorderShadow] = Rgb(0x000000, 0.0f);
  c[ImGuiCol_FrameBg] = kBlack;
  c[ImGuiCol_FrameBgHovered] = Rgb(0x1F1F1F);
  c[ImGuiCol_FrameBgActive] = Rgb(0x333333);
  c[ImGuiCol_TitleBg] = kBlack;
  c[ImGuiCol_TitleBgActive] = Rgb(0x1F1F1F);
  c[ImGuiCol_TitleBgCollapsed] = kBlack;
  c[ImGuiCol_MenuBarBg] = kBlack;
  c[ImGuiCol_Button] = kBlack;
  c[ImGuiCol_ButtonHovered] = Rgb(0x1F1F1F);
  c[ImGuiCol_ButtonActive] = Rgb(0x333333);
  c[ImGuiCol_Header] = kHcSelect;
  c[ImGuiCol_HeaderHovered] = Rgb(0x1F1F1F);
  c[ImGuiCol_HeaderActive] = Rgb(0x0047B3);
  c[ImGuiCol_Separator] = kHcGrey;
  c[ImGuiCol_SeparatorHovered] = kHcYellow;
  c[ImGuiCol_SeparatorActive] = kHcYellow;
  c[ImGuiCol_CheckMark] = kHcYellow;
  c[ImGuiCol_SliderGrab] = kHcYellow;
  c[ImGuiCol_SliderGrabActive] = kWhite;
  c[ImGuiCol_Tab] = Rgb(0x1F1F1F);
  c[ImGuiCol_TabHovered] = Rgb(0x333333);
  c[ImGuiCol_TabActive] = kHcSelect;
  c[ImGuiCol_TableHeaderBg] = Rgb(0x262626);
  c[ImGuiCol_TableBorderStrong] = kWhite;
  c[ImGuiCol_TableBorderLight] = Rgb(0x8C8C8C);
  c[ImGuiCol_TableRowBg] = Rgb(0x000000, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = Rgb(0xFFFFFF, 0.08f);
  c[ImGuiCol_TextSelectedBg] = kHcSelect;
  c[ImGuiCol_NavHighlight] = kHcYellow;
  c[ImGuiCol_ScrollbarBg] = kBlack;
  c[ImGuiCol_ScrollbarGrab] = kHcGrey;
  c[ImGuiCol_ScrollbarGrabHovered] = Rgb(0xE0E0E0);
  c[ImGuiCol_ScrollbarGrabActive] = kWhite;
  c[ImGuiCol_DragDropTarget] = kHcYellow;
  c[ImGuiCol_ModalWindowDimBg] = Rgb(0x000000, 0.75f);
}

float Linear(float channel) {
  return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

float Luminance(const ImVec4& c) {
  return 0.2126f * Linear(c.x) + 0.7152f * Linear(c.y) + 0.0722f * Linear(c.z);
}

ImVec4 Mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w);
}

// A tone's colours with its hovered and pressed fills: away from the text's lightness, so the
// text stays at least as readable as on the plain fill.
ToneColors WithStates(const ImVec4& fill, const ImVec4& text) {
  const bool dark_text = Luminance(text) < Luminance(fill);
  const ImVec4 towards = dark_text ? kWhite : kBlack;
  return {fill, text, Mix(fill, towards, 0.12f), Mix(fill, towards, 0.24f)};
}

}  // namespace

ThemeMetrics MetricsFor(ThemeKind kind, float scale, ThemeVariant variant) {
  scale = std::clamp(scale, 0.5f, 4.0f);
  ThemeMetrics m;
  m.kind = kind;
  m.variant = variant;
  m.scale = scale;
  if (kind == ThemeKind::kCounter) {
    m.body_px = 20.0f;
    m.heading_px = 26.0f;
    m.large_px = 34.0f;
    m.big_button_height_px = 44.0f;
    m.touch_target_px = 0.0f;
    m.error_border_px = 2.0f;
    m.press_slop_px = 0.0f;
  } else {
    m.body_px = 30.0f;
    m.heading_px = 40.0f;
    m.large_px = 56.0f;
    m.big_button_height_px = 88.0f;
    m.touch_target_px = 64.0f;
    m.error_border_px = 3.0f;
    m.press_slop_px = 12.0f;
  }
  // An error border stays thicker than the high-contrast outline of every other field.
  if (variant.high_contrast) m.error_border_px += 1.0f;
  // Fonts are loaded at these sizes (FontOptionsFor): floor(size * scale) as stack.md §7 says, and
  // large text rounded up so it is never less than 1.3x the normal size.
  const auto text_px = [&](float px) {
    return variant.large_text ? std::ceil(px * scale * kLargeTextFactor - 1e-3f) : std::floor(px * scale);
  };
  m.body_px = text_px(m.body_px);
  m.heading_px = text_px(m.heading_px);
  m.large_px = text_px(m.large_px);
  m.big_button_height_px = text_px(m.big_button_height_px);
  m.touch_target_px = text_px(m.touch_target_px);
  m.error_border_px = std::max(1.0f, std::floor(m.error_border_px * scale));
  m.press_slop_px = std::floor(m.press_slop_px * scale);
  return m;
}

void ApplyTheme(ThemeKind kind, float scale, ThemeVariant variant) {
  g_metrics = MetricsFor(kind, scale, variant);
  ImGuiStyle style;  // start from ImGui's defaults, so applying twice never compounds the scale
  if (kind == ThemeKind::kCounter) {
    SetCounterColors(style);
    style.WindowPadding = ImVec2(14, 14);
    style.FramePadding = ImVec2(10, 7);  // 20 px text + 14 = 34 px rows: dense, still easy to hit
    style.ItemSpacing = ImVec2(10, 8);
    style.ItemInnerSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(8, 5);
    style.ScrollbarSize = 16;
    style.GrabMinSize = 14;
    style.FrameRounding = 4;
    style.ChildRounding = 6;
    style.PopupRounding = 4;
    style.GrabRounding = 4;
    style.TabRounding = 4;
    style.WindowRounding = 0;
    style.FrameBorderSize = 1;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
  } else {
    SetKioskColors(style);
    style.WindowPadding = ImVec2(28, 28);
    // 30 px text + 2 * 17 = 64 px: every standard button and field is a 64 px touch target.
    style.FramePadding = ImVec2(22, 17);
    style.ItemSpacing = ImVec2(18, 18);
    style.ItemInnerSpacing = ImVec2(14, 10);
    style.CellPadding = ImVec2(14, 12);
    style.ScrollbarSize = 36;
    style.GrabMinSize = 36;
    style.TouchExtraPadding = ImVec2(4, 4);  // small: the first widget wins overlaps (stack.md §5)
    style.FrameRounding = 10;
    style.ChildRounding = 12;
    style.PopupRounding = 10;
    style.GrabRounding = 10;
    style.TabRounding = 10;
    style.WindowRounding = 0;
    style.FrameBorderSize = 2;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 2;
  }
  if (variant.high_contrast) {
    SetHighContrastColors(style);
    // Thick outlines: with black fills, the outline is what shows a button or field is there.
    const float outline = kind == ThemeKind::kKiosk ? 3.0f : 2.0f;
    style.FrameBorderSize = outline;
    style.ChildBorderSize = outline;
    style.PopupBorderSize = outline;
    style.TabBorderSize = outline;
  }
  if (variant.large_text) {
    // Frames grow with the text, so a raw ImGui button is still a touch target: kiosk
    // 39 px text + 2 * 22 = 83 px, at least touch_target_px.
    style.FramePadding = ImVec2(std::ceil(style.FramePadding.x * kLargeTextFactor),
                                std::ceil(style.FramePadding.y * kLargeTextFactor));
    style.ItemInnerSpacing = ImVec2(std::ceil(style.ItemInnerSpacing.x * kLargeTextFactor),
                                    std::ceil(style.ItemInnerSpacing.y * kLargeTextFactor));
    style.CellPadding = ImVec2(std::ceil(style.CellPadding.x * kLargeTextFactor),
                               std::ceil(style.CellPadding.y * kLargeTextFactor));
  }
  style.ScaleAllSizes(g_metrics.scale);
  ImGui::GetStyle() = style;
  ImGuiIO& io = ImGui::GetIO();
  // A finger wobbles more than a mouse: a larger threshold keeps taps from turning into drags.
  io.MouseDragThreshold = g_metrics.press_slop_px > 0.0f ? g_metrics.press_slop_px : 6.0f * g_metrics.scale;
}

const ThemeMetrics& CurrentMetrics() { return g_metrics; }

ToneColors ColorsFor(Tone tone) {
  if (g_metrics.variant.high_contrast) {
    switch (tone) {
      case Tone::kNeutral: return WithStates(kWhite, kBlack);
      case Tone::kInfo: return WithStates(kHcCyan, kBlack);
      case Tone::kSuccess: return WithStates(kHcGreen, kBlack);
      case Tone::kWarning: return WithStates(kHcYellow, kBlack);
      case Tone::kDanger: return WithStates(kHcRed, kBlack);
    }
  }
  const bool kiosk = g_metrics.kind == ThemeKind::kKiosk;
  switch (tone) {
    case Tone::kNeutral: return WithStates(kGreyFill, kiosk ? kBlack : kInk);
    case Tone::kInfo: return WithStates(kiosk ? kBlueDark : kBlue, kWhite);
    case Tone::kSuccess: return WithStates(kGreen, kWhite);
    case Tone::kWarning: return WithStates(kAmber, kiosk ? kBlack : kInk);
    case Tone::kDanger: return WithStates(kRed, kWhite);
  }
  return WithStates(kGreyFill, kInk);
}

float ContrastRatio(const ImVec4& a, const ImVec4& b) {
  float la = Luminance(a), lb = Luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05f) / (lb + 0.05f);
}

}  // namespace motcua::ui
