// Screenshots of the current GL back buffer, for tests and for "look at the screen" reviews
// (architecture.md rule 1: screens are checked by rendering and looking).
#pragma once

#include <string>

#include "common/result.h"

namespace motcua::ui {

// Reads the back buffer (width_px x height_px, from the bottom-left) with glReadPixels and writes a
// top-down, opaque RGBA PNG. Call after rendering and before swapping (stack.md §13). Creates the
// parent folder. Errors: kInvalid/"bad_size" on "size"; kUnavailable/"write_failed" on "path".
Status WriteScreenshotPng(const std::string& path, int width_px, int height_px);

}  // namespace motcua::ui
