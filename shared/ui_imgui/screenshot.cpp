#include "ui_imgui/screenshot.h"

#include <GL/gl.h>
#include <stb_image_write.h>  // the implementation is in libstb: never define STB_*_IMPLEMENTATION

#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

namespace motcua::ui {

Status WriteScreenshotPng(const std::string& path, int width_px, int height_px) {
  if (width_px <= 0 || height_px <= 0 || width_px > 16384 || height_px > 16384)
    return Invalid("size", "bad_size", "screenshot size out of range");
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) return Unavailable("path", "write_failed", "cannot create " + parent.string() + ": " + ec.message());
  }
  const std::size_t row_bytes = static_cast<std::size_t>(width_px) * 4;
  std::vector<unsigned char> gl_rows(row_bytes * height_px);
  std::vector<unsigned char> png_rows(gl_rows.size());
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_px, height_px, GL_RGBA, GL_UNSIGNED_BYTE, gl_rows.data());
  for (int y = 0; y < height_px; ++y)  // GL's origin is bottom-left, PNG's top-left
    std::memcpy(&png_rows[static_cast<std::size_t>(y) * row_bytes],
                &gl_rows[static_cast<std::size_t>(height_px - 1 - y) * row_bytes], row_bytes);
  for (std::size_t i = 3; i < png_rows.size(); i += 4) png_rows[i] = 255;  // opaque
  if (stbi_write_png(path.c_str(), width_px, height_px, 4, png_rows.data(),
                     static_cast<int>(row_bytes)) == 0)
    return Unavailable("path", "write_failed", "stbi_write_png failed for " + path);
  return Ok();
}

}  // namespace motcua::ui
