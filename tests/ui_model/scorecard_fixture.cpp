#include "ui_model/scorecard_fixture.h"

#include <gtest/gtest.h>

#include "workflow/desk.h"

namespace motcua::ui::testing {

using motcua::testing::At;
using std::chrono::hours;
using std::chrono::minutes;

ScoreCardMonth SeedScoreCardMonth(StationFixture& f) {
  ScoreCardMonth out;
  const workflow::Desk& desk = f.station->desk;
  const workflow::Actor front{kOfficer, workflow::Role::kOfficer, "station-1"};
  const workflow::Actor unit{kUnitOfficer, workflow::Role::kOfficer, "station-2"};
  struct Plan {
    const char* received;   // Vietnam time
    const char* procedure;
    enum { kOnTime, kLate, kOpen } outcome;
  };
  // 1.004222 Công an cấp Xã (7 wd), 1.001612 đăng ký kinh doanh cấp xã (3 wd), 2.000908 (1 wd),
  // 3.000347 "Cục cảnh sát giao thông, Công an tỉnh, Công an cấp Xã" (5 wd).
  const Plan plans[] = {
      {"2026-02-04 09:00", "1.004222", Plan::kOnTime}, {"2026-02-05 10:00", "2.000908", Plan::kOnTime},
      {"2026-02-24 14:00", "1.001612", Plan::kLate},   {"2026-03-02 08:15", "2.000908", Plan::kLate},
      {"2026-03-02 09:30", "1.004222", Plan::kOnTime}, {"2026-03-03 10:00", "1.001612", Plan::kOnTime},
      {"2026-03-04 08:45", "3.000347", Plan::kOnTime}, {"2026-03-04 15:00", "2.000908", Plan::kLate},
      {"2026-03-05 09:10", "1.004222", Plan::kOpen},   {"2026-03-06 13:30", "3.000347", Plan::kOpen},
      {"2026-03-09 08:30", "1.001612", Plan::kOpen},   {"2026-03-10 10:00", "2.000908", Plan::kOpen},
      {"2026-03-11 09:00", "1.004222", Plan::kOpen},   {"2026-03-11 14:20", "2.000908", Plan::kOpen},
  };
  const Instant now = f.clock.Now();
  int n = 0;
  for (const Plan& p : plans) {
    workflow::IntakeRequest req = motcua::testing::SampleIntake(p.procedure);
    const Instant r = At(p.received);
    req.received_at = r;
    const char* given[] = {"Thị Hoa", "Văn Hùng", "Minh Đức", "Thu Hằng", "Quốc Bảo", "Ngọc Ánh", "Đình Khôi"};
    req.applicant.name = std::string(n % 2 ? "Trần " : "Nguyễn ") + given[n % 7];
    req.applicant.id_number = "0010901234" + std::to_string(10 + n);
    ++n;
    auto received = workflow::Receive(desk, front, req, r);
    if (!received.has_value()) {
      ADD_FAILURE() << p.procedure << ": " << received.error().Describe();
      return out;
    }
    const dossier::Dossier& d = received->dossier;
    const bool march = std::string(p.received).rfind("2026-03", 0) == 0;
    if (march) out.march_codes.push_back(d.code);
    auto apply = [&](dossier::Action a, Instant at) {
      auto done = workflow::Apply(desk, unit, d.code, a, {}, at);
      if (!done.has_value()) ADD_FAILURE() << d.code << " " << dossier::ActionKey(a) << ": " << done.error().Describe();
    };
    apply(dossier::Action::kTransfer, r + minutes(20));
    apply(dossier::Action::kStartProcessing, r + minutes(40));
    if (p.outcome == Plan::kOpen) {
      if (d.due_at && *d.due_at >= now && *d.due_at < At("2026-03-14 00:00") && out.due_soon_code.empty())
        out.due_soon_code = d.code;
      continue;
    }
    Instant done_at = p.outcome == Plan::kOnTime ? *d.due_at - hours(2) : *d.due_at + hours(20);
    if (done_at <= r + minutes(40)) done_at = r + minutes(60);
    if (done_at >= now) {
      ADD_FAILURE() << d.code << " would finish after now";
      continue;
    }
    apply(dossier::Action::kMarkDone, done_at);
    if (p.outcome == Plan::kLate && march && out.late_code.empty()) out.late_code = d.code;
  }
  EXPECT_FALSE(out.late_code.empty());
  EXPECT_FALSE(out.due_soon_code.empty());
  return out;
}

}  // namespace motcua::ui::testing
