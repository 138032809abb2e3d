// What the app benchmarks share (bench/counter, bench/kiosk): thread CPU time, medians, a temp folder,
// and a station's data directory made like `motcua init` over the shipped catalog.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "store/store.h"

namespace motcua::bench {

inline constexpr const char* kPassword = "Mk@2026-bench";  // of both accounts below

// This thread's CPU time in ms: steady when other processes load the machine.
double ThreadCpuMs();
double Median(std::vector<double> v);

struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
};

// Prints "<program>: <what>: <error>" and exits 1.
[[noreturn]] void Die(const char* program, const char* what, const Error& e);

// A data directory like `motcua init` makes: agency 000.00.00.H56, a receiving unit, the cheapest
// argon2 cost, the shipped catalog, a center key, the administrator quan.tri and the officer
// nguyen.van.an (password kPassword), plus `settings` (key, value). Returns the open store.
std::unique_ptr<store::Store> PopulateStation(const char* program, const std::filesystem::path& dir, Instant now,
                                              std::span<const std::pair<const char*, const char*>> settings = {});

}  // namespace motcua::bench
