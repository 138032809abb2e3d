// Helpers shared by the fuzz targets (tests/fuzz/fuzz_*.cpp).
//
// A target calls the real parser on the fuzzer's bytes and checks, where it is cheap, what the
// parser's contract promises of a success (a round trip, a documented range). A documented error is
// never a finding. A broken promise is: FUZZ_CHECK prints what broke and aborts, which libFuzzer
// reports as a crash and saves the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/result.h"

#define FUZZ_CHECK(cond, what)                                                                      \
  do {                                                                                              \
    if (!(cond)) ::motcua::fuzz::CheckFailed(#cond, what, __FILE__, __LINE__);                      \
  } while (0)

namespace motcua::fuzz {

[[noreturn]] inline void CheckFailed(const char* cond, const std::string& what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed: %s\n", file, line, cond, what.c_str());
  std::abort();
}

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// "field: detail [rule]" of a result's error, for FUZZ_CHECK messages.
template <class R>
std::string Why(const R& result) {
  return result.has_value() ? std::string("ok") : result.error().Describe();
}

}  // namespace motcua::fuzz
