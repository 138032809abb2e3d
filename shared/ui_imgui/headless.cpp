#include "ui_imgui/headless.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <string>

#include "ui_imgui/fonts.h"

namespace motcua::ui {

Result<std::unique_ptr<HeadlessUi>> HeadlessUi::Create(const HeadlessOptions& options) {
  IMGUI_CHECKVERSION();
  ImGuiContext* context = ImGui::CreateContext();
  ImGui::SetCurrentContext(context);
  std::unique_ptr<HeadlessUi> ui(new HeadlessUi(context, options));
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.DisplaySize = ImVec2(static_cast<float>(options.width_px), static_cast<float>(options.height_px));
  io.DeltaTime = 1.0f / 60.0f;
  // A key map like the SDL backend's: any distinct indices below 512 will do.
  for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = 256 + k;
  MOTCUA_TRY(ui->SetThemeVariant(options.variant));
  SetItemLocatorEnabled(true);
  return ui;
}

Status HeadlessUi::SetThemeVariant(ThemeVariant variant) {
  ImGui::SetCurrentContext(context_);
  MOTCUA_TRY(ApplyThemeWithFonts(options_.theme, options_.scale, variant));
  options_.variant = variant;
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what a renderer would upload
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  return Ok();
}

HeadlessUi::~HeadlessUi() {
  SetItemLocatorEnabled(false);
  ImGui::DestroyContext(context_);
}

void HeadlessUi::Frame(const std::function<void()>& draw) {
  ImGui::SetCurrentContext(context_);
  ClearItemRects();
  ImGui::NewFrame();
  draw();
  ImGui::Render();
}

void HeadlessUi::Frames(int n, const std::function<void()>& draw) {
  for (int i = 0; i < n; ++i) Frame(draw);
}

void HeadlessUi::Resize(int width_px, int height_px) {
  io().DisplaySize = ImVec2(static_cast<float>(width_px), static_cast<float>(height_px));
}

void HeadlessUi::ClickAt(ImVec2 pos, const std::function<void()>& draw) {
  ImGuiIO& i = io();
  i.MousePos = pos;
  Frame(draw);  // hover first, as a real pointer would
  i.MouseDown[0] = true;
  Frame(draw);
  i.MouseDown[0] = false;
  Frame(draw);
  i.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  Frame(draw);
}

void HeadlessUi::Wheel(ImVec2 pos, float notches, const std::function<void()>& draw) {
  ImGuiIO& i = io();
  i.MousePos = pos;
  Frame(draw);  // hover first: the wheel goes to the window under the pointer
  i.MouseWheel = notches;
  Frame(draw);
  i.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  Frame(draw);
}

void HeadlessUi::Drag(ImVec2 from, ImVec2 to, int steps, const std::function<void()>& draw) {
  ImGuiIO& i = io();
  steps = std::max(steps, 1);
  i.MousePos = from;
  Frame(draw);
  i.MouseDown[0] = true;
  Frame(draw);
  for (int step = 1; step <= steps; ++step) {
    const float t = static_cast<float>(step) / static_cast<float>(steps);
    i.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    Frame(draw);
  }
  i.MouseDown[0] = false;
  Frame(draw);
  i.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  Frame(draw);
}

bool HeadlessUi::Click(std::string_view id, const std::function<void()>& draw) {
  const std::optional<ItemRect> rect = FindItemRect(id);
  if (!rect) return false;
  ClickAt(rect->Center(), draw);
  return true;
}

void HeadlessUi::Type(std::string_view utf8, const std::function<void()>& draw) {
  io().AddInputCharactersUTF8(std::string(utf8).c_str());
  Frame(draw);
}

void HeadlessUi::PressKey(ImGuiKey key, const std::function<void()>& draw) {
  ImGuiIO& i = io();
  i.KeysDown[i.KeyMap[key]] = true;
  Frame(draw);
  i.KeysDown[i.KeyMap[key]] = false;
  Frame(draw);
}

void HeadlessUi::PressHotKey(HotKey key, const std::function<void()>& draw, bool ctrl) {
  ImGuiIO& i = io();
  i.KeyCtrl = ctrl;
  i.KeysDown[HotKeyIndex(key)] = true;
  Frame(draw);
  i.KeysDown[HotKeyIndex(key)] = false;
  i.KeyCtrl = false;
  Frame(draw);
}

float WindowScrollMaxY(const char* name) {
  ImGuiWindow* window = ImGui::FindWindowByName(name);
  if (window == nullptr) return -1.0f;
  return window->ScrollMax.y;
}

}  // namespace motcua::ui
