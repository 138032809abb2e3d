#include "codes/dossier_code.h"
#include "support/dates.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <set>
#include <vector>

namespace motcua::codes {
namespace {

using namespace std::chrono;

using motcua::testing::Day;

// Worked examples. Sources: domain.md §4.4 (Thanh Hóa's root 000.00.00.H56 from the TD seed data,
// in the form NĐ 61/2018 Art. 26 prescribes; a 2026 provincial code H15.50.05.13-261008-0975 from an
// unofficial note) and stack.md §8.2 (H56.22-240315-0001, decoded from a rendered QR).
TEST(ParseDossierCode, ReadsPublishedShapes) {
  struct Case {
    const char* code;
    const char* agency;
    LocalDate day;
    int sequence;
  } cases[] = {
      {"000.00.00.H56-261124-0001", "000.00.00.H56", Day(2026, 11, 24), 1},
      {"H15.50.05.13-261008-0975", "H15.50.05.13", Day(2026, 10, 8), 975},
      {"H56.22-240315-0001", "H56.22", Day(2024, 3, 15), 1},
      {"000.00.00.G09-240229-9999", "000.00.00.G09", Day(2024, 2, 29), 9999},  // leap day, last number
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    auto parts = ParseDossierCode(c.code);
    ASSERT_TRUE(parts) << parts.error().Describe();
    EXPECT_EQ(parts->agency, c.agency);
    EXPECT_EQ(parts->day, c.day);
    EXPECT_EQ(parts->sequence, c.sequence);
    auto again = FormatDossierCode(parts->agency, parts->day, parts->sequence);
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, c.code);
  }
}

TEST(FormatDossierCode, PadsDateAndSequence) {
  auto code = FormatDossierCode("000.00.00.H56", Day(2026, 1, 5), 7);
  ASSERT_TRUE(code);
  EXPECT_EQ(*code, "000.00.00.H56-260105-0007");
}

TEST(ParseDossierCode, IgnoresSurroundingWhiteSpaceFromScanners) {
  auto parts = ParseDossierCode("  000.00.00.H56-261124-0001\r\n");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->sequence, 1);
}

TEST(ParseDossierCode, RejectsEachBadPartWithItsRule) {
  struct Case {
    const char* code;
    const char* rule;
  } cases[] = {
      {"", "bad_format"},
      {"000.00.00.H56", "bad_format"},
      {"000.00.00.H56-2611240001", "bad_format"},
      {"000.00.00.h56-261124-0001", "bad_agency_identifier"},  // lower case
      {"000.00.00-261124-0001", "bad_agency_identifier"},      // no letter at all
      {"000..00.H56-261124-0001", "bad_agency_identifier"},    // empty group
      {".000.00.00.H56-261124-0001", "bad_agency_identifier"},
      {"000.00.00.H56.-261124-0001", "bad_agency_identifier"},
      {"H56-261124-0001", "bad_agency_identifier"},            // one group
      {"1.2.3.4.5.H6-261124-0001", "bad_agency_identifier"},   // six groups
      {"00000.00.00.H56-261124-0001", "bad_agency_identifier"},  // five-character group
      {"000.00-00.H56-261124-0001", "bad_agency_identifier"},  // '-' splits wrongly
      {"000.00.00.H56-260230-0001", "bad_date"},  // 30 February
      {"000.00.00.H56-250229-0001", "bad_date"},  // 2025 is not a leap year
      {"000.00.00.H56-261324-0001", "bad_date"},
      {"000.00.00.H56-261100-0001", "bad_date"},
      {"000.00.00.H56-26112-00001", "bad_date"},
      {"000.00.00.H56-2611A4-0001", "bad_date"},
      {"000.00.00.H56-261124-0000", "bad_sequence"},
      {"000.00.00.H56-261124-001", "bad_sequence"},
      {"000.00.00.H56-261124-00001", "bad_sequence"},
      {"000.00.00.H56-261124-00A1", "bad_sequence"},
      {"000.00.00.H56-261124-", "bad_sequence"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    auto parts = ParseDossierCode(c.code);
    ASSERT_FALSE(parts);
    EXPECT_EQ(parts.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(parts.error().field, "dossier_code");
    EXPECT_EQ(parts.error().rule, c.rule);
  }
}

TEST(FormatDossierCode, RejectsBadInputNamingTheField) {
  auto bad_agency = FormatDossierCode("000.00.00.h56", Day(2026, 11, 24), 1);
  ASSERT_FALSE(bad_agency);
  EXPECT_EQ(bad_agency.error().field, "agency");
  EXPECT_EQ(bad_agency.error().rule, "bad_agency_identifier");

  for (int y : {1999, 2100}) {
    auto bad_year = FormatDossierCode("000.00.00.H56", Day(y, 1, 1), 1);
    ASSERT_FALSE(bad_year) << y;
    EXPECT_EQ(bad_year.error().field, "day");
    EXPECT_EQ(bad_year.error().rule, "year_out_of_range");
  }
  EXPECT_TRUE(FormatDossierCode("000.00.00.H56", Day(2000, 1, 1), 1));
  EXPECT_TRUE(FormatDossierCode("000.00.00.H56", Day(2099, 12, 31), 1));

  for (int seq : {0, -1, 10000}) {
    auto bad_seq = FormatDossierCode("000.00.00.H56", Day(2026, 11, 24), seq);
    ASSERT_FALSE(bad_seq) << seq;
    EXPECT_EQ(bad_seq.error().field, "sequence");
    EXPECT_EQ(bad_seq.error().rule, "sequence_out_of_range");
  }
}

TEST(ValidateAgencyIdentifier, UsesTheGivenFieldName) {
  EXPECT_TRUE(ValidateAgencyIdentifier("000.00.00.H56"));
  auto s = ValidateAgencyIdentifier("", "agency_code");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "agency_code");
  EXPECT_EQ(s.error().rule, "bad_agency_identifier");
}

// The boundaries the header names: slot 0 skips 0000, each block's first and last number, and the
// first ordinal past the block.
TEST(SequenceForSlot, DefaultTenSlotsOwnThousandBlocks) {
  EXPECT_EQ(*SequenceForSlot(0, 10, 1), 1);
  EXPECT_EQ(*SequenceForSlot(0, 10, 999), 999);
  EXPECT_EQ(*SlotCapacity(0, 10), 999);
  EXPECT_EQ(*SequenceForSlot(3, 10, 1), 3000);
  EXPECT_EQ(*SequenceForSlot(3, 10, 1000), 3999);
  EXPECT_EQ(*SlotCapacity(3, 10), 1000);
  EXPECT_EQ(*SequenceForSlot(9, 10, 1000), 9999);

  auto exhausted = SequenceForSlot(0, 10, 1000);
  ASSERT_FALSE(exhausted);
  EXPECT_EQ(exhausted.error().code, ErrorCode::kConflict);
  EXPECT_EQ(exhausted.error().field, "sequence");
  EXPECT_EQ(exhausted.error().rule, "sequence_exhausted");
  auto exhausted9 = SequenceForSlot(9, 10, 1001);
  ASSERT_FALSE(exhausted9);
  EXPECT_EQ(exhausted9.error().rule, "sequence_exhausted");
}

TEST(SequenceForSlot, OneSlotOwnsTheWholeDay) {
  EXPECT_EQ(*SequenceForSlot(0, 1, 1), 1);
  EXPECT_EQ(*SequenceForSlot(0, 1, 9999), 9999);
  EXPECT_EQ(SequenceForSlot(0, 1, 10000).error().rule, "sequence_exhausted");
}

TEST(SequenceForSlot, UnevenSlotCountLeavesTheTailUnused) {
  // 10000 / 3 = 3333: slot 2 owns 6666..9998 and 9999 belongs to nobody.
  EXPECT_EQ(*SequenceForSlot(2, 3, 1), 6666);
  EXPECT_EQ(*SequenceForSlot(2, 3, 3333), 9998);
  EXPECT_EQ(SequenceForSlot(2, 3, 3334).error().rule, "sequence_exhausted");
  EXPECT_EQ(SlotOfSequence(9999, 3), -1);
  EXPECT_EQ(SlotOfSequence(9998, 3), 2);
}

TEST(SequenceForSlot, RejectsBadConfigurationNamingTheField) {
  struct Case {
    int slot, slot_count, ordinal;
    const char* field;
    const char* rule;
  } cases[] = {
      {0, 0, 1, "slot_count", "bad_slot_count"},
      {0, -3, 1, "slot_count", "bad_slot_count"},
      {0, kMaxSlotCount + 1, 1, "slot_count", "bad_slot_count"},
      {-1, 10, 1, "slot", "slot_out_of_range"},
      {10, 10, 1, "slot", "slot_out_of_range"},
      {0, 10, 0, "ordinal", "bad_ordinal"},
      {0, 10, -5, "ordinal", "bad_ordinal"},
  };
  for (const auto& c : cases) {
    auto r = SequenceForSlot(c.slot, c.slot_count, c.ordinal);
    ASSERT_FALSE(r) << c.slot << "/" << c.slot_count << "/" << c.ordinal;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_EQ(r.error().rule, c.rule);
  }
  EXPECT_EQ(*SlotCapacity(kMaxSlotCount - 1, kMaxSlotCount), 10);
  EXPECT_EQ(*SlotCapacity(0, kMaxSlotCount), 9);
}

// Property: for any slot count, every number any slot can issue is in 1..9999, belongs to that slot,
// and is issued by no other (slot, ordinal). Exhaustive over each slot count (<= 9999 numbers).
TEST(SequenceForSlot, NoTwoStationsEverShareANumber) {
  for (int slot_count : {1, 2, 3, 7, 10, 16, 64, 100, 333, 999, kMaxSlotCount}) {
    std::vector<int> owner(kMaxSequence + 1, -1);
    int issued = 0;
    for (int slot = 0; slot < slot_count; ++slot) {
      const int capacity = *SlotCapacity(slot, slot_count);
      for (int ordinal = 1; ordinal <= capacity; ++ordinal) {
        auto seq = SequenceForSlot(slot, slot_count, ordinal);
        ASSERT_TRUE(seq) << "slot_count=" << slot_count << " slot=" << slot << " ordinal=" << ordinal;
        ASSERT_GE(*seq, 1);
        ASSERT_LE(*seq, kMaxSequence);
        ASSERT_EQ(owner[*seq], -1) << "slot_count=" << slot_count << " slot=" << slot << " ordinal=" << ordinal
                                   << " reuses " << *seq << " of slot " << owner[*seq];
        owner[*seq] = slot;
        ASSERT_EQ(SlotOfSequence(*seq, slot_count), slot) << "slot_count=" << slot_count << " seq=" << *seq;
        ++issued;
      }
      ASSERT_FALSE(SequenceForSlot(slot, slot_count, capacity + 1));
    }
    const int block = (kMaxSequence + 1) / slot_count;
    EXPECT_EQ(issued, slot_count * block - 1) << "slot_count=" << slot_count;
  }
}

// Property: a simulated day in which stations work offline and issue codes in random interleavings
// never produces the same code twice, and every code parses back to its parts. Fixed seed; the
// failing station, ordinal and code are printed.
TEST(SequenceForSlot, SimulatedOfflineStationsProduceDistinctCodes) {
  const unsigned kSeed = 20261124;
  std::mt19937 rng(kSeed);
  const LocalDate day = Day(2026, 11, 24);
  for (int round = 0; round < 20; ++round) {
    const int slot_count = std::uniform_int_distribution<int>(1, 40)(rng);
    std::vector<int> next_ordinal(slot_count, 1);
    std::set<std::string> codes;
    for (int step = 0; step < 2000; ++step) {
      const int slot = std::uniform_int_distribution<int>(0, slot_count - 1)(rng);
      auto seq = SequenceForSlot(slot, slot_count, next_ordinal[slot]);
      if (!seq) {
        ASSERT_EQ(seq.error().rule, "sequence_exhausted") << "seed=" << kSeed << " round=" << round;
        continue;
      }
      ++next_ordinal[slot];
      auto code = FormatDossierCode("000.00.00.H56", day, *seq);
      ASSERT_TRUE(code);
      ASSERT_TRUE(codes.insert(*code).second)
          << "seed=" << kSeed << " round=" << round << " slot_count=" << slot_count << " slot=" << slot
          << " duplicate " << *code;
      auto parts = ParseDossierCode(*code);
      ASSERT_TRUE(parts) << *code;
      ASSERT_EQ(parts->sequence, *seq);
      ASSERT_EQ(parts->day, day);
    }
  }
}

}  // namespace
}  // namespace motcua::codes
