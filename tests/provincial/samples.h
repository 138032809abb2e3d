// Sample records and steps for the stand-in's tests, valid under validate.h.
#pragma once

#include <string>

#include "validate.h"

namespace motcua::provincial::testing {

// A valid record shaped like Thanh Hóa's sender (every scalar a string, every array present), received
// 2026-08-03 08:00 and due 2026-08-05 17:00 Vietnam time, status 2 (received), direct channel.
Json SampleRecord(const std::string& dossier_code);
// A valid progress step ("Tiếp nhận hồ sơ" by a named officer).
Json SampleStep(const std::string& dossier_code, const std::string& at, const std::string& status);

}  // namespace motcua::provincial::testing
