// A valid S10 item number for a test: S10(1234) is "EB00001234<check>VN" (postal/parcel_number.h).
#pragma once

#include <string>

#include "postal/parcel_number.h"

namespace motcua::testing {

inline std::string S10(int serial, const char* service = "EB") {
  std::string digits = std::to_string(serial % 100000000);
  digits.insert(0, 8 - digits.size(), '0');
  return std::string(service) + digits + std::to_string(postal::S10CheckDigit(digits)) + "VN";
}

}  // namespace motcua::testing
