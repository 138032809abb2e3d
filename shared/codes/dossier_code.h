// Dossier codes (mã hồ sơ): `<agency identifier>-YYMMDD-NNNN`, e.g. `000.00.00.H56-261124-0001`.
//
// LEGAL: NĐ 61/2018/NĐ-CP, Art. 26; TT 01/2018/TT-VPCP, Art. 19 (domain.md §4.4): the code is issued
// by the one-stop system; the first part is the receiving agency's identifier under QCVN 102:2016/BTTTT,
// YYMMDD the reception date (Vietnam civil date) and NNNN the 4-digit sequence within the day.
// A code is fixed for the dossier's whole life (architecture.md rule 3): never renumber.
//
// Offline uniqueness. Stations issue codes with no network, so two stations of the same agency must
// never be able to pick the same number on the same day. The 10,000 numbers of a day are split into
// `slot_count` disjoint blocks of B = 10000 / slot_count numbers; each station of the agency is
// configured with its own slot s in [0, slot_count):
//   slot s owns the numbers [s*B, s*B + B - 1], except 0000, which is never issued;
//   the k-th dossier of the day at that station (k = 1, 2, ...) gets the k-th number of its block;
//   running past the end of the block is kConflict/"sequence_exhausted" (never borrow a neighbour's).
// So with the default 10 slots, slot 0 issues 0001..0999 (999 a day) and slot 3 issues 3000..3999.
// Invariants the deployment must keep (the store keeps the per-(agency, day, slot) counter):
//   (1) every station of one agency uses the same slot_count on a given day (change it only from
//       the next day on: blocks of different sizes overlap);
//   (2) no two stations of one agency share a slot;
//   (3) the counter never goes back (a voided dossier keeps its number: codes are never reused).
// When slot_count does not divide 10000 the numbers past slot_count*B - 1 are simply never used.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"

namespace motcua::codes {

inline constexpr int kDefaultSlotCount = 10;
inline constexpr int kMaxSlotCount = 1000;  // keeps B >= 10 numbers a day for every slot
inline constexpr int kMaxSequence = 9999;

struct DossierCodeParts {
  std::string agency;  // QCVN-102 identifier, e.g. "000.00.00.H56"
  LocalDate day;       // reception date, Vietnam civil time
  int sequence = 0;    // 1..9999
};

// Checks the QCVN-102 dotted form: 2 to 5 groups of 1 to 4 characters from [0-9A-Z], separated by
// single dots, with at least one letter (the level-1 code such as H56 or G09 always has one).
// Accepts both orderings seen in use: "000.00.00.H56" and "H15.50.05.13".
// Errors: kInvalid/"bad_agency_identifier" on `field`.
Status ValidateAgencyIdentifier(std::string_view agency, std::string_view field = "agency");

// Number of codes slot `slot` can issue in one day: B, or B - 1 for slot 0 (0000 is skipped).
// Errors: kInvalid/"bad_slot_count" on "slot_count" (outside [1, kMaxSlotCount]),
// kInvalid/"slot_out_of_range" on "slot".
Result<int> SlotCapacity(int slot, int slot_count);

// The sequence number of the `ordinal`-th dossier of the day (ordinal from 1) at the station holding
// `slot`. Errors: those of SlotCapacity; kInvalid/"bad_ordinal" on "ordinal" when ordinal < 1;
// kConflict/"sequence_exhausted" on "sequence" when ordinal > SlotCapacity(slot, slot_count).
Result<int> SequenceForSlot(int slot, int slot_count, int ordinal);

// Which slot issued `sequence` under `slot_count` (for audits); -1 when no slot owns it (0, numbers
// past the last block, or a bad slot_count).
int SlotOfSequence(int sequence, int slot_count);

// "<agency>-YYMMDD-NNNN". Errors: kInvalid/"bad_agency_identifier" on "agency";
// kInvalid/"year_out_of_range" on "day" (YY is only two digits: years 2000-2099);
// kInvalid/"sequence_out_of_range" on "sequence" (outside 1..9999).
Result<std::string> FormatDossierCode(std::string_view agency, LocalDate day, int sequence);

// Parses a code printed or scanned (surrounding ASCII white space is ignored; nothing else is
// forgiven: lower-case letters are rejected because the code is an identifier, not text).
// Errors, all kInvalid on "dossier_code": "bad_format" (not three '-'-separated parts),
// "bad_agency_identifier", "bad_date" (YYMMDD not 6 digits or not a real date, e.g. 260230),
// "bad_sequence" (not exactly 4 digits, or 0000).
Result<DossierCodeParts> ParseDossierCode(std::string_view code);

}  // namespace motcua::codes
