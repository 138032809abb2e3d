// Shared helpers for the calendar tests: parsing shorthands, calendars built in code, the shipped
// calendar, and a scratch directory for broken data files.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>

#include "calendar/deadline.h"
#include "calendar/working_calendar.h"

namespace motcua::calendar::testing {

using namespace std::chrono;

inline LocalMinute T(const char* text) {
  auto t = ParseLocalMinute(text, "test");
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(LocalMinute{});
}
inline LocalDate D(const char* text) {
  auto d = ParseLocalDate(text, "test");
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(LocalDate{});
}
inline Duration Dur(const char* text) {
  auto d = ParseDuration(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(Duration{});
}
inline TimeInterval Iv(int h1, int m1, int h2, int m2) {
  return TimeInterval{hours{h1} + minutes{m1}, hours{h2} + minutes{m2}};
}

// The hours of the shipped "default" profile, written out so tests built in code do not depend on
// the asset file: Mon-Fri 07:30-11:30 and 13:30-17:00.
inline HoursProfile DefaultHours() {
  HoursProfile p;
  p.name = "default";
  p.hours.weekdays = {Iv(7, 30, 11, 30), Iv(13, 30, 17, 0)};
  return p;
}

inline DayEntry Entry(const char* date, DayKind kind, const char* swapped_with = nullptr) {
  DayEntry e;
  e.date = D(date);
  e.kind = kind;
  e.name = "ngày thử";
  e.source = "test";
  if (swapped_with) e.swapped_with = D(swapped_with);
  return e;
}

// A calendar with no listed days: plain Mon-Fri with the default hours.
inline WorkingCalendar PlainCalendar(int first_year, int last_year, HoursProfile profile = DefaultHours()) {
  CalendarSpec spec;
  spec.first_year = first_year;
  spec.last_year = last_year;
  spec.profile = std::move(profile);
  auto cal = BuildCalendar(std::move(spec));
  EXPECT_TRUE(cal.has_value()) << (cal ? "" : cal.error().Describe());
  return std::move(cal).value();
}

inline std::filesystem::path AssetsCalendarDir() { return std::filesystem::path(MOTCUA_ASSETS_DIR) / "calendar"; }

// The shipped calendar (assets/calendar), loaded once per profile.
inline const WorkingCalendar& Shipped(const std::string& profile = "default") {
  static std::map<std::string, WorkingCalendar>* cache = new std::map<std::string, WorkingCalendar>();
  auto it = cache->find(profile);
  if (it == cache->end()) {
    auto cal = LoadCalendar(AssetsCalendarDir(), {.profile = profile});
    if (!cal) {
      ADD_FAILURE() << "shipped calendar, profile " << profile << ": " << cal.error().Describe();
      std::abort();
    }
    it = cache->emplace(profile, std::move(cal).value()).first;
  }
  return it->second;
}

// "2026-11-26 09:00", or "error <rule>" so a table row can expect either.
inline std::string DueText(const WorkingCalendar& cal, const char* received, const char* duration) {
  auto due = ComputeDue(cal, T(received), Dur(duration));
  return due ? FormatLocalMinute(*due) : "error " + due.error().rule;
}

// A fresh directory under the system temp dir, removed at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("motcua-calendar-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
             (info ? std::string(info->name()) : "x"));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  // Copies the shipped calendar files here, so one of them can then be broken.
  void CopyShipped() const {
    for (const auto& f : std::filesystem::directory_iterator(AssetsCalendarDir()))
      if (f.path().extension() == ".json") std::filesystem::copy_file(f.path(), path_ / f.path().filename());
  }

 private:
  std::filesystem::path path_;
};

}  // namespace motcua::calendar::testing
