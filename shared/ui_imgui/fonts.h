// Fonts for both apps: Noto Sans Regular and Bold from fonts-noto-core, rasterised by ImGui's
// FreeType builder with light hinting (crisper than stb_truetype and a smaller atlas, stack.md §4).
// This is the only place that loads fonts (style.md §4).
//
// Glyph ranges: ImGui's Vietnamese ranges miss "—", "“ ”", "…" and "₫" (stack.md §4), so we add
// General Punctuation U+2010-205E, the đồng and euro signs U+20AB-20AC and "№" U+2116.
// Everything else renders as "?": text must be NFC (common/text.h), since ImGui does no shaping.
// Noto Sans fits Vietnamese stacked marks (Ẫ) inside its ascent, so lines never touch.
#pragma once

#include <imgui.h>

#include <string>

#include "common/result.h"
#include "ui_imgui/theme.h"

namespace motcua::ui {

inline constexpr const char* kNotoSansRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline constexpr const char* kNotoSansBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

// Order of the fonts in the atlas; GetFont() looks them up by role.
enum class FontRole { kBody = 0, kBodyBold = 1, kHeading = 2, kLarge = 3 };

struct FontOptions {
  float body_px = 20.0f;      // default 20 (counter body): ImGui size, i.e. ascent - descent, in px
  float heading_px = 26.0f;   // default 26, bold
  float large_px = 34.0f;     // default 34, bold
  std::string regular_path = kNotoSansRegular;  // default: Debian's fonts-noto-core
  std::string bold_path = kNotoSansBold;
};

// Font sizes of a theme's metrics (already scaled).
FontOptions FontOptionsFor(const ThemeMetrics& metrics);

// Clears the current context's font atlas, loads the four fonts and builds the atlas (no GL
// needed; a renderer uploads it on its next frame). Errors: kUnavailable/"font_missing" on field
// "font_path" when a file cannot be read; kInvalid/"font_atlas_failed" when FreeType fails.
Status LoadFonts(const FontOptions& options);

// ApplyTheme(kind, scale, variant), then LoadFonts at the new metrics' sizes: what a theme change
// between frames needs, apart from the renderer re-uploading the atlas (the shell does that for
// Frame::theme_request; a headless context needs nothing more). Errors: those of LoadFonts.
Status ApplyThemeWithFonts(ThemeKind kind, float scale, ThemeVariant variant = {});

// The font for `role` in the current atlas, or ImGui's default font when fonts were not loaded.
ImFont* GetFont(FontRole role);

// The glyph ranges above, zero-terminated pairs; valid for the whole program.
const ImWchar* UiGlyphRanges();

}  // namespace motcua::ui
