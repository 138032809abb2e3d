// A civil date written as the tests read it: Day(2026, 9, 2).
#pragma once

#include <chrono>

#include "common/time.h"

namespace motcua::testing {

inline LocalDate Day(int y, unsigned m, unsigned d) {
  return std::chrono::local_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

}  // namespace motcua::testing
