// calendar::LoadCalendar and ListProfiles (calendar/working_calendar.h) over fuzzed data files.
// The input is the files' texts separated by NUL bytes:
//   <hours.json> \0 <vn-2025.json> [\0 <vn-2026.json>]
// written to a private folder (under $TMPDIR, /tmp by default) before each run. The profiles that
// hours.json lists are loaded (up to 3; the first also with weekdays_beyond_coverage). A calendar
// that loads must keep the documented properties of its queries (working_calendar.h, deadline.h):
//   NextWorkingInstant(t) is working time; AddWorkingDays(d, n) is a working day n working days after
//   d (WorkingDaysBetween); ComputeDue's result is within working hours, and for Nwh,
//   WorkingTimeBetween(start, due) == N hours.
// Errors must be the header's codes: kNotFound, kUnavailable, kCorrupt or kInvalid, with a rule key.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <fstream>

#include "calendar/deadline.h"
#include "calendar/working_calendar.h"
#include "fuzz_check.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using motcua::fuzz::Why;

// <TMPDIR>/motcua-fuzz-calendar-<pid>. libFuzzer ends with _Exit (no atexit), so each start also
// removes the folders of fuzzer processes that no longer run.
const fs::path& Folder() {
  static const fs::path dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    const fs::path root = tmp && *tmp ? tmp : "/tmp";
    const std::string prefix = "motcua-fuzz-calendar-";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind(prefix, 0) == 0 && !fs::exists("/proc/" + name.substr(prefix.size()), ec))
        fs::remove_all(entry.path(), ec);
    }
    const fs::path mine = root / (prefix + std::to_string(::getpid()));
    fs::create_directories(mine, ec);
    if (ec) std::abort();
    return mine;
  }();
  return dir;
}

void WriteFile(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) std::abort();
}

template <class R>
void CheckError(const R& r) {
  FUZZ_CHECK(!r.error().rule.empty() && r.error().code != motcua::ErrorCode::kConflict, Why(r));
}

void CheckQueries(const motcua::calendar::WorkingCalendar& cal) {
  using namespace motcua;
  using namespace motcua::calendar;
  const LocalDate first{local_days{year{cal.first_year()} / January / 1}};
  const LocalMinute morning{first.time_since_epoch() + hours{9}};

  if (const auto next = NextWorkingInstant(cal, LocalMinute{first.time_since_epoch()}); next)
    FUZZ_CHECK(IsWorkingTime(cal, *next), FormatLocalMinute(*next));
  for (int n : {0, 1, 7, 40}) {
    const auto d = AddWorkingDays(cal, first, n);
    if (!d) continue;
    FUZZ_CHECK(n == 0 || IsWorkingDay(cal, *d), FormatLocalDate(*d));
    const auto between = WorkingDaysBetween(cal, first, *d);
    FUZZ_CHECK(between && *between == n, FormatLocalDate(*d) + ": " + Why(between));
  }
  for (const Duration duration : {Duration{3, DurationUnit::kWorkingDays}, Duration{8, DurationUnit::kWorkingHours},
                                  Duration{15, DurationUnit::kCalendarDays}, Duration{1, DurationUnit::kMonths}}) {
    const auto due = ComputeDue(cal, morning, duration);
    if (!due) continue;
    FUZZ_CHECK(IsWithinWorkingHours(cal, *due), FormatDuration(duration) + " -> " + FormatLocalMinute(*due));
    if (duration.unit == DurationUnit::kWorkingHours) {
      const auto start = NextWorkingInstant(cal, morning);
      FUZZ_CHECK(start.has_value(), Why(start));
      const auto worked = WorkingTimeBetween(cal, *start, *due);
      FUZZ_CHECK(worked && *worked == hours{duration.amount}, FormatLocalMinute(*due) + ": " + Why(worked));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  using namespace motcua::calendar;
  const std::string_view text = fuzz::AsText(data, size);
  const fs::path& dir = Folder();

  const std::size_t cut1 = text.find('\0');
  const std::size_t cut2 = cut1 == std::string_view::npos ? cut1 : text.find('\0', cut1 + 1);
  WriteFile(dir / "hours.json", text.substr(0, cut1));
  std::error_code ec;
  if (cut1 == std::string_view::npos) fs::remove(dir / "vn-2025.json", ec);
  else WriteFile(dir / "vn-2025.json", text.substr(cut1 + 1, cut2 - (cut1 + 1)));
  if (cut2 == std::string_view::npos) fs::remove(dir / "vn-2026.json", ec);
  else WriteFile(dir / "vn-2026.json", text.substr(cut2 + 1));

  const auto profiles = ListProfiles(dir);
  if (!profiles) {
    CheckError(profiles);
    const auto cal = LoadCalendar(dir);
    FUZZ_CHECK(!cal.has_value(), "a calendar loaded from an hours.json that ListProfiles refused");
    return 0;
  }
  // Every profile (up to 3), and the first one again with the provisional years (a 60-year day table:
  // the slowest load, so only once).
  std::size_t tried = 0;
  for (const std::string& name : *profiles) {
    if (++tried > 3) break;
    for (bool beyond : {false, true}) {
      if (beyond && tried > 1) break;
      const auto cal = LoadCalendar(dir, {.profile = name, .weekdays_beyond_coverage = beyond});
      if (!cal) {
        CheckError(cal);
        continue;
      }
      FUZZ_CHECK(cal->first_year() <= cal->last_year() && cal->profile().name == name, name);
      CheckQueries(*cal);
    }
  }
  return 0;
}
