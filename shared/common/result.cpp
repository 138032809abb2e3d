#include "common/result.h"

#include <cstdio>
#include <cstdlib>

namespace motcua {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid: return "invalid";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kCorrupt: return "corrupt";
    case ErrorCode::kUnavailable: return "unavailable";
  }
  return "unknown";
}

std::string Error::Describe() const {
  std::string s;
  if (!field.empty()) s += field + ": ";
  s += detail.empty() ? rule : detail;
  if (!rule.empty()) s += " [" + rule + "]";
  return s;
}

void AssertFailed(const char* cond, const char* msg, const char* file, int line) {
  std::fprintf(stderr, "motcua: internal error at %s:%d: (%s) %s\n", file, line, cond, msg);
  std::abort();
}

}  // namespace motcua
