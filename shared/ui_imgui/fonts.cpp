#include "ui_imgui/fonts.h"

#include <imgui_freetype.h>

#include <cstdio>

namespace motcua::ui {
namespace {

bool IsReadable(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  std::fclose(f);
  return true;
}

}  // namespace

FontOptions FontOptionsFor(const ThemeMetrics& metrics) {
  FontOptions o;
  o.body_px = metrics.body_px;
  o.heading_px = metrics.heading_px;
  o.large_px = metrics.large_px;
  return o;
}

const ImWchar* UiGlyphRanges() {
  // Built once; ImGui keeps a pointer to the ranges until the atlas is rebuilt, so they must
  // outlive every atlas (a function-local static does).
  static const ImVector<ImWchar> ranges = [] {
    ImFontGlyphRangesBuilder builder;
    ImFontAtlas scratch;  // GetGlyphRangesVietnamese() is static data; any atlas returns it
    builder.AddRanges(scratch.GetGlyphRangesVietnamese());
    static const ImWchar kExtra[] = {
        0x2010, 0x205E,  // General Punctuation: ‐ – — ‘ ’ “ ” • … ‰
        0x20AB, 0x20AC,  // ₫ €
        0x2116, 0x2116,  // №
        0,
    };
    builder.AddRanges(kExtra);
    ImVector<ImWchar> out;
    builder.BuildRanges(&out);
    return out;
  }();
  return ranges.Data;
}

Status LoadFonts(const FontOptions& options) {
  for (const std::string* path : {&options.regular_path, &options.bold_path}) {
    if (!IsReadable(*path))
      return Unavailable("font_path", "font_missing",
                         "cannot read font file " + *path + " (install fonts-noto-core)");
  }
  ImGuiIO& io = ImGui::GetIO();
  ImFontAtlas* atlas = io.Fonts;
  atlas->Clear();
  atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  const ImWchar* ranges = UiGlyphRanges();

  struct Spec {
    const std::string* path;
    float size_px;
  };
  // Order = FontRole values.
  const Spec specs[] = {
      {&options.regular_path, options.body_px},
      {&options.bold_path, options.body_px},
      {&options.bold_path, options.heading_px},
      {&options.bold_path, options.large_px},
  };
  for (const Spec& s : specs) {
    ImFontConfig config;
    config.OversampleH = 1;  // FreeType hints; oversampling only grows the atlas
    config.OversampleV = 1;
    if (atlas->AddFontFromFileTTF(s.path->c_str(), s.size_px, &config, ranges) == nullptr)
      return Invalid("font_path", "font_atlas_failed", "ImGui could not add font " + *s.path);
  }
  if (!atlas->Build()) return Invalid("font_path", "font_atlas_failed", "FreeType could not build the atlas");
  io.FontDefault = atlas->Fonts[0];
  return Ok();
}

Status ApplyThemeWithFonts(ThemeKind kind, float scale, ThemeVariant variant) {
  ApplyTheme(kind, scale, variant);
  return LoadFonts(FontOptionsFor(CurrentMetrics()));
}

ImFont* GetFont(FontRole role) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  const int index = static_cast<int>(role);
  if (index < atlas->Fonts.Size) return atlas->Fonts[index];
  return ImGui::GetFont();
}

}  // namespace motcua::ui
