// The counter drawn headless over a real station (tests/ui_model/station_fixture.h), one frame the way
// counter/main.cpp runs it: tick the model, draw through the screen registry, apply the actions. The
// fixture the counter's screen tests share.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "counter/screens/registry.h"
#include "ui_imgui/headless.h"
#include "ui_model/action.h"
#include "ui_model/station_fixture.h"
#include "ui_smoke/frame_png.h"

namespace motcua::counter::testing {

class CounterFrameTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = ui::HeadlessUi::Create({.width_px = 1366, .height_px = 768});
    ASSERT_TRUE(created.has_value()) << created.error().Describe();
    headless = std::move(created).value();
    f = ui::testing::MakeStation();
    ASSERT_NE(f, nullptr);
  }
  // One frame of the app; `applied` gets each action as logged, `errors` each refusal as field/rule.
  std::function<void()> Frame() {
    return [this] {
      const ui::CounterBackend backend = f->Backend();
      ui::TickCounter(f->model, backend, false);
      DrawCounter({f->model, *f->station, f->clock.Now()}, screens, pending);
      for (const ui::CounterAction& a : pending) applied.push_back(ui::DescribeForLog(a));
      const ui::ApplyReport r = ui::ApplyActions(
          pending, [&](const ui::CounterAction& a) { return ui::ApplyCounterAction(f->model, backend, a); });
      if (r.error) errors.push_back(r.error->field + "/" + r.error->rule);
    };
  }
  void Frames(int n) { headless->Frames(n, Frame()); }
  // Three frames, then the last one written as <build>/artifacts/screens/<name> to look at.
  void Shoot(const std::string& name) {
    Frames(3);
    const std::filesystem::path png = ui::testing::WriteFramePng(name);
    EXPECT_FALSE(png.empty()) << name;
    std::printf("screenshot: %s\n", png.c_str());
  }

  std::unique_ptr<ui::HeadlessUi> headless;
  std::unique_ptr<ui::testing::StationFixture> f;
  CounterScreens screens;
  std::vector<ui::CounterAction> pending;
  std::vector<std::string> applied;
  std::vector<std::string> errors;
};

}  // namespace motcua::counter::testing
