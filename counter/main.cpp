// motcua-counter: the desktop client for counter officers (issue 3). This file only sets up the
// backend, runs the shell's frame loop, and applies actions (style.md §1); screens live in
// counter/screens/, view models in shared/ui_model/.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "common/time.h"
#include "counter/screens/login.h"
#include "ui_imgui/app_shell.h"
#include "ui_model/action.h"
#include "ui_model/auth.h"
#include "ui_model/counter_app.h"
#include "ui_model/login_view.h"

namespace {

using namespace motcua;

void PrintUsage() {
  std::printf(
      "usage: motcua-counter [options]\n"
      "  --station NAME     station name shown on screen (e.g. \"Quầy 3\")\n"
      "%s", ui::ShellUsage());
}

int Run(int argc, char** argv) {
  ui::ShellOptions defaults;
  defaults.title = "motcua — Quầy tiếp nhận";
  defaults.theme = ui::ThemeKind::kCounter;
  defaults.width_px = 1366;  // the smallest counter screen; resizable up to 1920x1080 and beyond
  defaults.height_px = 768;
  Result<ui::ParsedArgs> parsed = ui::ParseShellArgs(argc, argv, defaults);
  if (!parsed.has_value()) {
    std::fprintf(stderr, "motcua-counter: %s\n", parsed.error().Describe().c_str());
    return 2;
  }
  const ui::ShellOptions& options = parsed->options;

  ui::CounterModel model;
  model.lang = options.lang;
  model.app_version = MOTCUA_VERSION;
  const std::vector<std::string>& rest = parsed->rest;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == "--help" || rest[i] == "-h") {
      PrintUsage();
      return 0;
    }
    if (rest[i] == "--station" && i + 1 < rest.size()) {
      model.station_name = rest[++i];
      continue;
    }
    std::fprintf(stderr, "motcua-counter: %s: unknown option or missing value [unknown_option]\n",
                 rest[i].c_str());
    return 2;
  }

  // Backend. Sign-in comes from the core's user module once it exists; until then every attempt
  // is refused with a clear "not connected" message (ui_model/auth.h).
  ui::PendingAuthenticator auth;
  SystemClock clock;

  counter::LoginScreenState login_state;
  std::vector<ui::CounterAction> actions;
  return ui::RunShell(options, [&](ui::Frame& frame) {
    for (std::string& scan : frame.scans) actions.emplace_back(ui::ScanReceived{std::move(scan)});
    const Instant now = clock.Now();

    counter::DrawLogin(ui::MakeLoginView(model, now), login_state, actions);

    if (options.test_mode)
      for (const ui::CounterAction& a : actions) std::printf("action: %s\n", ui::DescribeForLog(a).c_str());
    const ui::ApplyReport report = ui::ApplyActions(actions, [&](const ui::CounterAction& a) {
      return ui::ApplyCounterAction(model, ui::CounterBackend{.auth = &auth, .now = now}, a);
    });
    if (options.test_mode && report.error)
      std::printf("error: %s\n", report.error->Describe().c_str());
    if (options.test_mode) std::fflush(stdout);
  });
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {  // style.md §2: one catch-all per main
    std::fprintf(stderr, "motcua-counter: fatal: %s\n", e.what());
    return 1;
  }
}
