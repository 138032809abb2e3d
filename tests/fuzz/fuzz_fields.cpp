// The one-line field parsers that every file format and the CLI build on, each over the whole input:
//   ParseLocalDate, ParseLocalMinute, ParseTypedMinute, ParseInstantUtc (common/time.h), ParseDuration
//   (calendar/duration.h), ParseDossierCode (codes/dossier_code.h), ParseNationalDate
//   (dvc/national_record.h), ParseEmvTlv and VerifyEmvCrc (codes/vietqr.h).
// A success must survive its formatter: Parse(Format(x)) == x, and for the strict parsers (dossier
// code, TLV) Format(x) is the trimmed input itself. Errors carry the documented field and rule.
#include <cstdio>

#include "calendar/duration.h"
#include "codes/dossier_code.h"
#include "codes/vietqr.h"
#include "common/text.h"
#include "common/time.h"
#include "dvc/national_record.h"
#include "fuzz_check.h"

namespace {

using motcua::fuzz::Why;

template <class R>
void CheckRule(const R& r, std::string_view field, std::string_view rule) {
  FUZZ_CHECK(r.error().code == motcua::ErrorCode::kInvalid && r.error().field == field && r.error().rule == rule,
             Why(r));
}

void Dates(std::string_view text) {
  using namespace motcua;
  if (const auto d = ParseLocalDate(text, "d"); d) {
    const auto back = ParseLocalDate(FormatLocalDate(*d), "d");
    FUZZ_CHECK(back && *back == *d, FormatLocalDate(*d) + " -> " + Why(back));
  } else {
    CheckRule(d, "d", "bad_date");
  }
  if (const auto t = ParseLocalMinute(text, "t"); t) {
    const auto back = ParseLocalMinute(FormatLocalMinute(*t), "t");
    FUZZ_CHECK(back && *back == *t, FormatLocalMinute(*t) + " -> " + Why(back));
  } else {
    CheckRule(t, "t", "bad_datetime");
  }
  if (const auto t = ParseTypedMinute(text, "t"); t) {
    const auto back = ParseTypedMinute(FormatDmyHm(*t), "t");
    FUZZ_CHECK(back && *back == *t, FormatDmyHm(*t) + " -> " + Why(back));
  } else {
    CheckRule(t, "t", "bad_datetime");
  }
  if (const auto at = ParseInstantUtc(text, "at"); at) {
    const auto back = ParseInstantUtc(FormatInstantUtc(*at), "at");
    FUZZ_CHECK(back && *back == *at, FormatInstantUtc(*at) + " -> " + Why(back));
  } else {
    CheckRule(at, "at", "bad_instant");
  }
  if (const auto at = dvc::ParseNationalDate(text, "n"); at) {
    const auto back = dvc::ParseNationalDate(dvc::FormatNationalDate(*at), "n");
    FUZZ_CHECK(back && *back == *at, dvc::FormatNationalDate(*at) + " -> " + Why(back));
  } else {
    CheckRule(at, "n", "bad_date");
  }
}

void Duration(std::string_view text) {
  using namespace motcua::calendar;
  if (const auto d = ParseDuration(text, "duration"); d) {
    FUZZ_CHECK(d->amount >= 0 && d->amount <= 9999, FormatDuration(*d));
    const auto back = ParseDuration(FormatDuration(*d), "duration");
    FUZZ_CHECK(back && *back == *d, FormatDuration(*d) + " -> " + Why(back));
  } else {
    CheckRule(d, "duration", "bad_duration");
  }
}

void DossierCode(std::string_view text) {
  using namespace motcua;
  if (const auto parts = codes::ParseDossierCode(text); parts) {
    FUZZ_CHECK(parts->sequence >= 1 && parts->sequence <= codes::kMaxSequence, std::to_string(parts->sequence));
    const auto formatted = codes::FormatDossierCode(parts->agency, parts->day, parts->sequence);
    FUZZ_CHECK(formatted.has_value(), Why(formatted));
    FUZZ_CHECK(*formatted == Trim(text), *formatted);
  } else {
    FUZZ_CHECK(parts.error().code == ErrorCode::kInvalid && parts.error().field == "dossier_code", Why(parts));
  }
}

void Tlv(std::string_view text) {
  using namespace motcua;
  if (const auto fields = codes::ParseEmvTlv(text); fields) {
    std::string again;
    for (const codes::EmvField& f : *fields) {
      FUZZ_CHECK(f.id.size() == 2 && !f.value.empty() && f.value.size() <= 99, f.id + f.value);
      char length[3];
      std::snprintf(length, sizeof length, "%02zu", f.value.size());
      again += f.id + length + f.value;
    }
    FUZZ_CHECK(again == text, again);
  } else {
    CheckRule(fields, "payload", "bad_tlv");
  }
  if (const Status crc = codes::VerifyEmvCrc(text); !crc)
    FUZZ_CHECK(crc.error().field == "payload" &&
                   (crc.error().rule == "missing_crc" || crc.error().rule == "bad_crc"),
               Why(crc));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 512) return 0;  // one field; longer inputs only slow the search down
  const std::string_view text = motcua::fuzz::AsText(data, size);
  Dates(text);
  Duration(text);
  DossierCode(text);
  Tlv(text);
  return 0;
}
