#include "counter/screens/registry.h"

#include <imgui.h>

#include "counter/screens/dossier.h"
#include "counter/screens/intake.h"
#include "counter/screens/postal.h"
#include "counter/screens/scorecard.h"
#include "counter/screens/settings.h"
#include "counter/screens/sync.h"
#include "counter/screens/worklist.h"
#include "ui_model/dossier_view.h"
#include "ui_model/intake_view.h"
#include "ui_model/login_view.h"
#include "ui_model/postal_view.h"
#include "ui_model/scorecard_view.h"
#include "ui_model/settings_view.h"
#include "ui_model/shell_view.h"
#include "ui_model/sync_view.h"
#include "ui_model/worklist_view.h"

namespace motcua::counter {

std::vector<ScreenEntry> MakeCounterScreens() {
  std::vector<ScreenEntry> out;
  {
    auto state = std::make_shared<IntakeScreenState>();
    out.push_back({std::string(ui::kScreenIntake), [state](const ScreenContext& c, std::vector<ui::CounterAction>& a) {
                     DrawIntake(ui::MakeIntakeView(c.model, c.station, c.now), ui::MakeFileBrowserView(c.model), *state, a);
                   }});
  }
  {
    auto state = std::make_shared<WorklistScreenState>();
    out.push_back({std::string(ui::kScreenWorklist), [state](const ScreenContext& c, std::vector<ui::CounterAction>& a) {
                     DrawWorklist(ui::MakeWorklistView(c.model, c.now), *state, a);
                   }});
  }
  {
    auto state = std::make_shared<DossierScreenState>();
    out.push_back({std::string(ui::kScreenDossier), [state](const ScreenContext& c, std::vector<ui::CounterAction>& a) {
                     if (!c.model.dossier.dossier) return;
                     DrawDossier(ui::MakeDossierView(c.model, c.station, c.now), ui::MakeFileBrowserView(c.model), *state, a);
                   }});
  }
  {
    auto state = std::make_shared<PostalScreenState>();
    out.push_back({std::string(ui::kScreenPostal), [state](const ScreenContext& c, std::vector<ui::CounterAction>& a) {
                     DrawPostal(ui::MakePostalView(c.model, c.now), *state, a);
                   }});
  }
  {
    auto state = std::make_shared<ScoreCardScreenState>();
    out.push_back({std::string(ui::kScreenScoreCard), [state](const ScreenContext& c, std::vector<ui::CounterAction>& a) {
                     const ImVec2 display = ImGui::GetIO().DisplaySize;
                     DrawScoreCard(ui::MakeScoreCardView(c.model, c.now,
                                                         {.width_px = static_cast<int>(display.x),
                                                          .height_px = static_cast<int>(display.y)}),
                                   *state, a);
                   }});
  }
  {
    auto state = std::make_shared<SyncScreenState>();
    out.push_back({std::string(ui::kScreenSync), [state](const ScreenContext& c, std::vector<ui::CounterAction>& a) {
                     DrawSync(ui::MakeSyncScreenView(c.model, c.now), *state, a);
                   }});
  }
  {
    auto state = std::make_shared<SettingsScreenState>();
    out.push_back({std::string(ui::kScreenSettings), [state](const ScreenContext& c, std::vector<ui::CounterAction>& a) {
                     DrawSettings(ui::MakeSettingsView(c.model, c.station), *state, a);
                   }});
  }
  return out;
}

void DrawCounter(const ScreenContext& ctx, CounterScreens& screens, std::vector<ui::CounterAction>& actions) {
  if (!ctx.model.session) {
    screens.lock = {};
    DrawLogin(ui::MakeLoginView(ctx.model, ctx.now), screens.login, actions);
    return;
  }
  if (ctx.model.lock.is_locked) {
    DrawLock(ui::MakeLockView(ctx.model, ctx.now), screens.lock, actions);
    return;
  }
  screens.lock.focus_next = true;
  screens.login = {};
  const ui::ShellView shell = ui::MakeShellView(ctx.model, ctx.now);
  BeginShell(shell, screens.shell, actions);
  for (ScreenEntry& e : screens.screens)
    if (e.key == ctx.model.screen) e.draw(ctx, actions);
  EndShell(shell, screens.shell, actions);
}

}  // namespace motcua::counter
