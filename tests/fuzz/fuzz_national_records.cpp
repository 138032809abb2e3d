// dvc::ParseNationalRecords, ParseNationalRecord and ParseNationalDate (dvc/national_record.h): the
// liberal reader of what sync partners send. "Reading is liberal, writing is strict", so whatever the
// reader accepts, the writer's output must read back to the same records: Write(Parse(Write(r))) ==
// Write(r) for the compact, pretty and portal (no motcua_local) forms. Errors must be kInvalid with
// one of the header's rule keys.
#include <algorithm>
#include <array>

#include "dvc/national_record.h"
#include "fuzz_check.h"

namespace {

using motcua::fuzz::Why;

template <class R>
void CheckError(const R& r) {
  static constexpr std::array<std::string_view, 9> kRules = {"bad_json",  "not_an_array", "not_an_object",
                                                             "bad_type",  "bad_date",     "bad_code",
                                                             "bad_number", "required",    "too_large"};
  FUZZ_CHECK(r.error().code == motcua::ErrorCode::kInvalid, Why(r));
  FUZZ_CHECK(std::find(kRules.begin(), kRules.end(), r.error().rule) != kRules.end(), Why(r));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  using namespace motcua::dvc;
  const std::string_view text = fuzz::AsText(data, size);

  const auto records = ParseNationalRecords(text);
  if (records) {
    for (const NationalRecord& r : *records) {
      FUZZ_CHECK(!r.dossier_code.empty(), "a record without MaHoSo was accepted");
      (void)r.UnitKey();
    }
    for (const WriteOptions& options :
         {WriteOptions{}, WriteOptions{.pretty = true}, WriteOptions{.include_local = false}}) {
      const std::string written = WriteNationalRecords(*records, options);
      const auto back = ParseNationalRecords(written);
      FUZZ_CHECK(back.has_value(), written + " -> " + Why(back));
      FUZZ_CHECK(back->size() == records->size(), written);
      FUZZ_CHECK(WriteNationalRecords(*back, options) == written, "write/read/write differs:\n" + written);
    }
  } else {
    CheckError(records);
  }

  const auto record = ParseNationalRecord(text);
  if (record) {
    const std::string written = WriteNationalRecord(*record);
    const auto back = ParseNationalRecord(written);
    FUZZ_CHECK(back.has_value(), written + " -> " + Why(back));
    FUZZ_CHECK(WriteNationalRecord(*back) == written, "write/read/write differs:\n" + written);
  } else {
    CheckError(record);
  }

  if (size <= 32) {
    const auto at = ParseNationalDate(text, "date");
    if (at) {
      const std::string formatted = FormatNationalDate(*at);
      const auto back = ParseNationalDate(formatted, "date");
      FUZZ_CHECK(back.has_value() && *back == *at, formatted + " -> " + Why(back));
    } else {
      FUZZ_CHECK(at.error().rule == "bad_date" && at.error().field == "date", Why(at));
    }
  }
  return 0;
}
