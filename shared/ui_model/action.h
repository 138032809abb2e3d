// The action pattern (style.md §4). A screen never changes anything itself: while drawing, it
// appends small action structs (a std::variant per app, e.g. CounterAction) to a vector. After the
// frame is rendered the app applies them in order through the core and turns errors into state
// the next view shows. This header holds the two generic pieces: Overloaded, to visit a variant
// with one lambda per alternative, and ApplyActions, which drains the queue.
#pragma once

#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include "common/result.h"

namespace motcua::ui {

// std::visit(Overloaded{[](const A&) {...}, [](const B&) {...}}, action);
template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

struct ApplyReport {
  int applied = 0;             // actions that returned Ok
  std::optional<Error> error;  // the first failure, if any
  int skipped = 0;             // actions after the failure, not applied
};

// Applies every queued action in order with `apply` (Status(const Action&)) and empties the queue.
// Stops at the first error: later actions came from a frame drawn before that failure was known,
// so applying them could act on a stale screen; they are counted in `skipped`, never lost silently.
template <class Action, class Fn>
ApplyReport ApplyActions(std::vector<Action>& queue, Fn&& apply) {
  ApplyReport report;
  std::vector<Action> taken;
  taken.swap(queue);  // `apply` may queue follow-ups; they wait for the next frame
  for (std::size_t i = 0; i < taken.size(); ++i) {
    Status status = apply(static_cast<const Action&>(taken[i]));
    if (!status.has_value()) {
      report.error = std::move(status.error());
      report.skipped = static_cast<int>(taken.size() - i - 1);
      break;
    }
    ++report.applied;
  }
  return report;
}

}  // namespace motcua::ui
