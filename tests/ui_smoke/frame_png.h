// Headless screenshots for the ui_smoke tests (the counter's and the kiosk's screens).
#pragma once

#include <filesystem>
#include <string>

namespace motcua::ui::testing {

// Screenshots without a display: the last frame's draw lists rasterised on the CPU (triangles with
// the font atlas as their only texture, bilinear sampling, straight alpha "over" blending, clip
// rectangles honoured), written as an opaque PNG under <build>/artifacts/screens/ for people to
// look at (architecture.md rule 1). Not pixel-identical to the GL renderer; close enough to see
// clipping, overlaps and missing glyphs, which render as '?' boxes.
// Returns the file written, or an empty path when there is no frame or writing failed.
std::filesystem::path WriteFramePng(const std::string& name);

}  // namespace motcua::ui::testing
