// codes::ParseCccdQr (codes/cccd.h) over any bytes, as a keyboard-wedge or camera scan delivers them.
// A successful parse must keep the header's promises (12-digit id, a 9- or 12-digit old id or none,
// "Nam"/"Nữ", non-empty NFC name and address, issue date not before birth), and the data written back
// in the card's 7-field form must parse to the same data.
#include <chrono>
#include <cstdio>

#include "codes/cccd.h"
#include "common/text.h"
#include "fuzz_check.h"

namespace {

using motcua::fuzz::Why;

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string Ddmmyyyy(motcua::LocalDate d) {
  const std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u%02u%04d", unsigned(ymd.day()), unsigned(ymd.month()), int(ymd.year()));
  return buf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  const auto parsed = codes::ParseCccdQr(fuzz::AsText(data, size));
  if (!parsed) {
    FUZZ_CHECK(parsed.error().code == ErrorCode::kInvalid, Why(parsed));
    FUZZ_CHECK(!parsed.error().rule.empty(), Why(parsed));
    return 0;
  }
  const codes::CccdData& c = *parsed;
  FUZZ_CHECK(c.id.size() == 12 && AllDigits(c.id), c.id);
  FUZZ_CHECK(c.old_id.empty() || ((c.old_id.size() == 9 || c.old_id.size() == 12) && AllDigits(c.old_id)), c.old_id);
  FUZZ_CHECK(c.sex == "Nam" || c.sex == "N\u1EEF", c.sex);
  FUZZ_CHECK(!c.name.empty() && c.name == NormalizeNfc(c.name) && Trim(c.name) == c.name, c.name);
  FUZZ_CHECK(!c.address.empty() && c.address == NormalizeNfc(c.address) && Trim(c.address) == c.address, c.address);
  FUZZ_CHECK(c.issue_date >= c.birth_date, "issue date before birth");
  (void)codes::CheckCccdConsistency(c);  // advisory; any answer is fine, but it must not crash

  const std::string again = c.id + "|" + c.old_id + "|" + c.name + "|" + Ddmmyyyy(c.birth_date) + "|" + c.sex + "|" +
                            c.address + "|" + Ddmmyyyy(c.issue_date);
  const auto reparsed = codes::ParseCccdQr(again);
  FUZZ_CHECK(reparsed.has_value(), again + " -> " + Why(reparsed));
  const codes::CccdData& r = *reparsed;
  FUZZ_CHECK(r.id == c.id && r.old_id == c.old_id && r.name == c.name && r.birth_date == c.birth_date &&
                 r.sex == c.sex && r.address == c.address && r.issue_date == c.issue_date,
             again);
  return 0;
}
