#include "ui_smoke/frame_png.h"

#include <imgui.h>
#include <stb_image_write.h>  // libstb (with libimgui): the implementation is in the library

#include <algorithm>
#include <cmath>
#include <vector>

namespace motcua::ui::testing {

std::filesystem::path WriteFramePng(const std::string& name) {
  const ImDrawData* dd = ImGui::GetDrawData();
  if (dd == nullptr || !dd->Valid) return {};
  const int w = static_cast<int>(dd->DisplaySize.x), h = static_cast<int>(dd->DisplaySize.y);
  std::vector<float> rgb(static_cast<std::size_t>(w) * h * 3, 0.0f);
  unsigned char* tex = nullptr;
  int tw = 0, th = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&tex, &tw, &th);
  auto sample = [&](float u, float v, float out[4]) {
    const float x = std::clamp(u * tw - 0.5f, 0.0f, float(tw - 1)), y = std::clamp(v * th - 0.5f, 0.0f, float(th - 1));
    const int x0 = int(x), y0 = int(y), x1 = std::min(x0 + 1, tw - 1), y1 = std::min(y0 + 1, th - 1);
    const float fx = x - x0, fy = y - y0;
    for (int c = 0; c < 4; ++c) {
      auto at = [&](int xx, int yy) { return tex[(yy * tw + xx) * 4 + c] / 255.0f; };
      out[c] = (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
    }
  };
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    const ImDrawList* list = dd->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback != nullptr) continue;
      const float cx0 = std::max(0.0f, cmd.ClipRect.x - dd->DisplayPos.x), cy0 = std::max(0.0f, cmd.ClipRect.y - dd->DisplayPos.y);
      const float cx1 = std::min(float(w), cmd.ClipRect.z - dd->DisplayPos.x), cy1 = std::min(float(h), cmd.ClipRect.w - dd->DisplayPos.y);
      for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawVert* v[3];
        for (int k = 0; k < 3; ++k) v[k] = &list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i + k]];
        const float area = (v[1]->pos.x - v[0]->pos.x) * (v[2]->pos.y - v[0]->pos.y) -
                           (v[2]->pos.x - v[0]->pos.x) * (v[1]->pos.y - v[0]->pos.y);
        if (std::abs(area) < 1e-6f) continue;
        const int x0 = std::max(int(cx0), int(std::floor(std::min({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}))));
        const int x1 = std::min(int(std::ceil(cx1)), int(std::ceil(std::max({v[0]->pos.x, v[1]->pos.x, v[2]->pos.x}))));
        const int y0 = std::max(int(cy0), int(std::floor(std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}))));
        const int y1 = std::min(int(std::ceil(cy1)), int(std::ceil(std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}))));
        for (int y = y0; y < y1; ++y)
          for (int x = x0; x < x1; ++x) {
            const float px = x + 0.5f, py = y + 0.5f;
            float b[3];
            for (int k = 0; k < 3; ++k) {
              const ImDrawVert* a = v[(k + 1) % 3];
              const ImDrawVert* c = v[(k + 2) % 3];
              b[k] = ((c->pos.x - a->pos.x) * (py - a->pos.y) - (c->pos.y - a->pos.y) * (px - a->pos.x)) / area;
            }
            if (b[0] < 0 || b[1] < 0 || b[2] < 0) continue;
            float col[4] = {0, 0, 0, 0}, uv[2] = {0, 0};
            for (int k = 0; k < 3; ++k) {
              const ImVec4 c = ImGui::ColorConvertU32ToFloat4(v[k]->col);
              col[0] += b[k] * c.x, col[1] += b[k] * c.y, col[2] += b[k] * c.z, col[3] += b[k] * c.w;
              uv[0] += b[k] * v[k]->uv.x, uv[1] += b[k] * v[k]->uv.y;
            }
            float t[4];
            sample(uv[0], uv[1], t);
            const float alpha = col[3] * t[3];
            float* d = &rgb[(std::size_t(y) * w + x) * 3];
            for (int c = 0; c < 3; ++c) d[c] = d[c] * (1 - alpha) + col[c] * t[c] * alpha;
          }
      }
    }
  }
  std::vector<unsigned char> out(static_cast<std::size_t>(w) * h * 4);
  for (std::size_t p = 0; p < std::size_t(w) * h; ++p) {
    for (int c = 0; c < 3; ++c) out[p * 4 + c] = static_cast<unsigned char>(std::clamp(rgb[p * 3 + c], 0.0f, 1.0f) * 255.0f + 0.5f);
    out[p * 4 + 3] = 255;
  }
  const std::filesystem::path dir = std::filesystem::path(MOTCUA_BIN_DIR) / ".." / "artifacts" / "screens";
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = std::filesystem::weakly_canonical(dir / name);
  if (stbi_write_png(path.c_str(), w, h, 4, out.data(), w * 4) == 0) return {};
  return path;
}

}  // namespace motcua::ui::testing
