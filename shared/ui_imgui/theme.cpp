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

float Linear(float channel) {
  return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

float Luminance(const ImVec4& c) {
  return 0.2126f * Linear(c.x) + 0.7152f * Linear(c.y) + 0.0722f * Linear(c.z);
}

}  // namespace

ThemeMetrics MetricsFor(ThemeKind kind, float scale) {
  scale = std::clamp(scale, 0.5f, 4.0f);
  ThemeMetrics m;
  m.kind = kind;
  m.scale = scale;
  if (kind == ThemeKind::kCounter) {
    m.body_px = 20.0f;
    m.heading_px = 26.0f;
    m.large_px = 34.0f;
    m.big_button_height_px = 44.0f;
    m.touch_target_px = 0.0f;
    m.error_border_px = 2.0f;
  } else {
    m.body_px = 30.0f;
    m.heading_px = 40.0f;
    m.large_px = 56.0f;
    m.big_button_height_px = 88.0f;
    m.touch_target_px = 64.0f;
    m.error_border_px = 3.0f;
  }
  // Fonts are loaded at floor(size * scale) (stack.md §7): keep the metrics identical.
  m.body_px = std::floor(m.body_px * scale);
  m.heading_px = std::floor(m.heading_px * scale);
  m.large_px = std::floor(m.large_px * scale);
  m.big_button_height_px = std::floor(m.big_button_height_px * scale);
  m.touch_target_px = std::floor(m.touch_target_px * scale);
  m.error_border_px = std::max(1.0f, std::floor(m.error_border_px * scale));
  return m;
}

void ApplyTheme(ThemeKind kind, float scale) {
  g_metrics = MetricsFor(kind, scale);
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
  style.ScaleAllSizes(g_metrics.scale);
  ImGui::GetStyle() = style;
  ImGuiIO& io = ImGui::GetIO();
  // A finger wobbles more than a mouse: a larger threshold keeps taps from turning into drags.
  io.MouseDragThreshold = (kind == ThemeKind::kKiosk ? 12.0f : 6.0f) * g_metrics.scale;
}

const ThemeMetrics& CurrentMetrics() { return g_metrics; }

ToneColors ColorsFor(Tone tone) {
  const bool kiosk = g_metrics.kind == ThemeKind::kKiosk;
  switch (tone) {
    case Tone::kNeutral: return {kGreyFill, kiosk ? Rgb(0x000000) : kInk};
    case Tone::kInfo: return {kiosk ? kBlueDark : kBlue, kWhite};
    case Tone::kSuccess: return {kGreen, kWhite};
    case Tone::kWarning: return {kAmber, kiosk ? Rgb(0x000000) : kInk};
    case Tone::kDanger: return {kRed, kWhite};
  }
  return {kGreyFill, kInk};
}

float ContrastRatio(const ImVec4& a, const ImVec4& b) {
  float la = Luminance(a), lb = Luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05f) / (lb + 0.05f);
}

}  // namespace motcua::ui
