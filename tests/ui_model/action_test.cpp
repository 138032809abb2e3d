#include "ui_model/action.h"

#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

namespace motcua::ui {
namespace {

struct Increment {
  int by = 1;
};
struct Fail {
  std::string rule;
};
using TestAction = std::variant<Increment, Fail>;

TEST(ApplyActions, AppliesInOrderAndEmptiesTheQueue) {
  std::vector<TestAction> queue = {Increment{1}, Increment{10}, Increment{100}};
  std::vector<int> seen;
  const ApplyReport report = ApplyActions(queue, [&](const TestAction& a) -> Status {
    seen.push_back(std::get<Increment>(a).by);
    return Ok();
  });
  EXPECT_EQ(seen, (std::vector<int>{1, 10, 100}));
  EXPECT_EQ(report.applied, 3);
  EXPECT_FALSE(report.error.has_value());
  EXPECT_EQ(report.skipped, 0);
  EXPECT_TRUE(queue.empty());
}

TEST(ApplyActions, StopsAtFirstErrorAndCountsTheRest) {
  // Built one by one: a braced list of variants holding strings trips GCC 12's
  // -Wmaybe-uninitialized false positive.
  std::vector<TestAction> queue;
  queue.emplace_back(Increment{1});
  queue.emplace_back(Fail{"not_allowed"});
  queue.emplace_back(Increment{2});
  queue.emplace_back(Increment{3});
  int total = 0;
  const ApplyReport report = ApplyActions(queue, [&](const TestAction& a) -> Status {
    return std::visit(Overloaded{
                          [&](const Increment& i) -> Status {
                            total += i.by;
                            return Ok();
                          },
                          [](const Fail& f) -> Status { return Conflict("status", f.rule, "test"); },
                      },
                      a);
  });
  EXPECT_EQ(total, 1);
  EXPECT_EQ(report.applied, 1);
  ASSERT_TRUE(report.error.has_value());
  EXPECT_EQ(report.error->rule, "not_allowed");
  EXPECT_EQ(report.error->field, "status");
  EXPECT_EQ(report.skipped, 2);
  EXPECT_TRUE(queue.empty());
}

TEST(ApplyActions, KeepsFollowUpsQueuedDuringApplyForTheNextFrame) {
  std::vector<TestAction> queue = {Increment{1}};
  int applied = 0;
  const ApplyReport report = ApplyActions(queue, [&](const TestAction&) -> Status {
    ++applied;
    queue.push_back(Increment{2});  // e.g. an action that asks for a refresh
    return Ok();
  });
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(report.applied, 1);
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(std::get<Increment>(queue[0]).by, 2);
}

TEST(ApplyActions, EmptyQueueDoesNothing) {
  std::vector<TestAction> queue;
  const ApplyReport report = ApplyActions(queue, [](const TestAction&) -> Status {
    ADD_FAILURE() << "must not be called";
    return Ok();
  });
  EXPECT_EQ(report.applied, 0);
  EXPECT_FALSE(report.error.has_value());
}

}  // namespace
}  // namespace motcua::ui
