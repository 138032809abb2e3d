// The supervisor's 766 score card (issue 6): the month and its navigation; the units with their
// totals (the center first); the selected card's total, points lost and group bars; then one of four
// parts: the indicator table, where each indicator that lost points opens onto the dossiers (or
// procedures) that cost them, a click opening the dossier; the work to do today, per kind, a click
// opening the dossier; the monthly trend (bars drawn with ImDrawList) and the comparison between
// units (a click selects the unit); and the export buttons. Draws ui::ScoreCardView only; actions go
// out as ui::ScoreCardCommand.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/scorecard_view.h"

namespace motcua::counter {

enum class ScoreCardPart { kIndicators, kWork, kTrend, kExports };

struct ScoreCardScreenState {
  ScoreCardPart part = ScoreCardPart::kIndicators;
  std::set<std::string> expanded;  // indicator codes whose dossiers are shown
  std::string expanded_for;        // the card (period + unit) `expanded` was first filled for
};

void DrawScoreCard(const ui::ScoreCardView& view, ScoreCardScreenState& state, std::vector<ui::CounterAction>& actions);

}  // namespace motcua::counter
