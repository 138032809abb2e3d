#include "codes/dossier_code.h"

#include <chrono>
#include <cstdio>

#include "common/text.h"
#include "codes/internal/ascii.h"

namespace motcua::codes {
namespace {

using namespace internal;

using namespace std::chrono;

bool IsAgencyIdentifier(std::string_view s) {
  constexpr int kMinGroups = 2, kMaxGroups = 5, kMaxGroupChars = 4;
  int groups = 0, group_chars = 0;
  bool has_letter = false;
  for (char c : s) {
    if (c == '.') {
      if (group_chars == 0) return false;  // leading dot or ".."
      ++groups;
      group_chars = 0;
      continue;
    }
    if (!IsAsciiDigit(c) && !IsUpper(c)) return false;
    has_letter = has_letter || IsUpper(c);
    if (++group_chars > kMaxGroupChars) return false;
  }
  if (group_chars == 0) return false;  // empty or trailing dot
  ++groups;
  return groups >= kMinGroups && groups <= kMaxGroups && has_letter;
}

Status CheckSlots(int slot, int slot_count) {
  if (slot_count < 1 || slot_count > kMaxSlotCount)
    return Invalid("slot_count", "bad_slot_count",
                   "slot_count must be in 1.." + std::to_string(kMaxSlotCount) + ", got " +
                       std::to_string(slot_count));
  if (slot < 0 || slot >= slot_count)
    return Invalid("slot", "slot_out_of_range",
                   "slot must be in 0.." + std::to_string(slot_count - 1) + ", got " + std::to_string(slot));
  return Ok();
}

}  // namespace

Status ValidateAgencyIdentifier(std::string_view agency, std::string_view field) {
  if (!IsAgencyIdentifier(agency))
    return Invalid(std::string(field), "bad_agency_identifier",
                   "expected a QCVN-102 agency identifier such as 000.00.00.H56 (2-5 dot-separated groups "
                   "of upper-case letters and digits), got \"" + std::string(agency) + "\"");
  return Ok();
}

Result<int> SlotCapacity(int slot, int slot_count) {
  MOTCUA_TRY(CheckSlots(slot, slot_count));
  const int block = (kMaxSequence + 1) / slot_count;
  return slot == 0 ? block - 1 : block;
}

Result<int> SequenceForSlot(int slot, int slot_count, int ordinal) {
  MOTCUA_ASSIGN_OR_RETURN(const int capacity, SlotCapacity(slot, slot_count));
  if (ordinal < 1)
    return Invalid("ordinal", "bad_ordinal", "the ordinal of the day starts at 1, got " + std::to_string(ordinal));
  if (ordinal > capacity)
    return Conflict("sequence", "sequence_exhausted",
                    "slot " + std::to_string(slot) + " of " + std::to_string(slot_count) + " can issue only " +
                        std::to_string(capacity) + " codes a day; this would be dossier " +
                        std::to_string(ordinal));
  const int block = (kMaxSequence + 1) / slot_count;
  const int first = slot == 0 ? 1 : slot * block;  // slot 0 skips 0000
  return first + ordinal - 1;
}

int SlotOfSequence(int sequence, int slot_count) {
  if (slot_count < 1 || slot_count > kMaxSlotCount || sequence < 1 || sequence > kMaxSequence) return -1;
  const int block = (kMaxSequence + 1) / slot_count;
  const int slot = sequence / block;
  return slot < slot_count ? slot : -1;
}

Result<std::string> FormatDossierCode(std::string_view agency, LocalDate day, int sequence) {
  MOTCUA_TRY(ValidateAgencyIdentifier(agency, "agency"));
  const year_month_day ymd{day};
  const int y = int(ymd.year());
  if (y < 2000 || y > 2099)
    return Invalid("day", "year_out_of_range",
                   "a dossier code holds a two-digit year (2000-2099), got " + std::to_string(y));
  if (sequence < 1 || sequence > kMaxSequence)
    return Invalid("sequence", "sequence_out_of_range",
                   "the daily sequence must be in 1..9999, got " + std::to_string(sequence));
  char tail[24];
  std::snprintf(tail, sizeof tail, "-%02d%02u%02u-%04d", y % 100, unsigned(ymd.month()), unsigned(ymd.day()),
                sequence);
  return std::string(agency) + tail;
}

Result<DossierCodeParts> ParseDossierCode(std::string_view code) {
  const std::string_view text = Trim(code);
  const auto quoted = [&] { return " in \"" + std::string(text) + "\""; };
  const std::size_t second_dash = text.rfind('-');
  const std::size_t first_dash = second_dash == std::string_view::npos || second_dash == 0
                                     ? std::string_view::npos
                                     : text.rfind('-', second_dash - 1);
  if (first_dash == std::string_view::npos)
    return Invalid("dossier_code", "bad_format", "expected <agency>-YYMMDD-NNNN" + quoted());
  const std::string_view agency = text.substr(0, first_dash);
  const std::string_view date = text.substr(first_dash + 1, second_dash - first_dash - 1);
  const std::string_view seq = text.substr(second_dash + 1);
  if (!IsAgencyIdentifier(agency))
    return Invalid("dossier_code", "bad_agency_identifier",
                   "\"" + std::string(agency) + "\" is not a QCVN-102 agency identifier" + quoted());
  if (date.size() != 6 || !IsAsciiDigits(date))
    return Invalid("dossier_code", "bad_date", "the date part must be YYMMDD" + quoted());
  const year_month_day ymd = year{2000 + DigitsValue(date.substr(0, 2))} /
                             month{unsigned(DigitsValue(date.substr(2, 2)))} /
                             std::chrono::day{unsigned(DigitsValue(date.substr(4, 2)))};
  if (!ymd.ok()) return Invalid("dossier_code", "bad_date", "\"" + std::string(date) + "\" is not a real date" + quoted());
  if (seq.size() != 4 || !IsAsciiDigits(seq) || DigitsValue(seq) == 0)
    return Invalid("dossier_code", "bad_sequence", "the sequence must be 4 digits 0001-9999" + quoted());
  return DossierCodeParts{std::string(agency), local_days{ymd}, DigitsValue(seq)};
}

}  // namespace motcua::codes
