// Name masking for public views: worked examples from the kiosk issue ("Nguyễn V** A**"), names with
// diacritics on the first letter, one-word names, NFD input, spacing, organisations.
#include "citizen/name_mask.h"

#include <gtest/gtest.h>

namespace motcua::citizen {
namespace {

TEST(MaskName, KeepsTheFamilyNameAndCutsTheOthers) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"Nguyễn Văn An", "Nguyễn V** A**"},        // the kiosk issue's example
      {"Đỗ Thị Ánh", "Đỗ T** Á**"},               // the first letter keeps its diacritics
      {"Nguyễn Thị Thử", "Nguyễn T** T**"},      // the fixtures' applicant
      {"Trần Ngọc Ấu Ơn", "Trần N** Ấ** Ơ**"},    // Ấ: two marks on one letter, one grapheme
      {"Ông Đức", "Ông Đ**"},                    // Đ is a letter of its own
      {"H'Hen Niê", "H'Hen N**"},                // Ê Đê name: the first word whole, apostrophe and all
      {"An", "A**"},                             // one word: only its first letter
      {"Ánh", "Á**"},
      {"  nguyễn   văn  an ", "nguyễn v** a**"},  // trimmed, spaces collapsed, case kept
      {"Nguyễn\tVăn\xC2\xA0" "An", "Nguyễn V** A**"},  // tab and no-break space separate words too
      {"", ""},
      {"   ", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(MaskName(c.in), c.out) << c.in;
}

TEST(MaskName, TreatsDecomposedTextLikeComposed) {
  // "Ánh" typed as A + U+0301 (NFD, as some keyboards and scanners produce it) masks to the composed "Á".
  EXPECT_EQ(MaskName("L\xC3\xAA A\xCC\x81nh"), "Lê Á**");
  // x + U+0323 has no precomposed form: the mark stays with its letter, never cut off.
  EXPECT_EQ(MaskName("Lê X\xCC\xA3uân"), "Lê X\xCC\xA3**");
}

TEST(MaskName, NeverEchoesInvalidUtf8) {
  EXPECT_EQ(MaskName("Nguy\xff\xfe"), "**");
  EXPECT_EQ(MaskName("\xC3"), "**");  // a truncated sequence
}

TEST(PublicApplicantName, ShowsAnOrganisationInFullAndMasksAPerson) {
  dossier::Applicant org;
  org.kind = dossier::ApplicantKind::kOrganization;
  org.name = "  Công ty TNHH   Minh An ";
  EXPECT_EQ(PublicApplicantName(org), "Công ty TNHH Minh An");
  dossier::Applicant person;
  person.name = "Nguyễn Văn An";
  EXPECT_EQ(PublicApplicantName(person), "Nguyễn V** A**");
}

}  // namespace
}  // namespace motcua::citizen
