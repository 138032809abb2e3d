// How a citizen's name appears where strangers can read it: the kiosk's status page, `motcua lookup`,
// anything printed for the public. A person's name is masked so that whoever holds the receipt can
// recognise it while a passer-by learns little: the first word (the family name, họ) whole, every other
// word cut to its first letter and "**".
//
//   "Nguyễn Văn An"       -> "Nguyễn V** A**"
//   "Đỗ Thị Ánh"          -> "Đỗ T** Á**"     (the first letter keeps its diacritics: one grapheme)
//   "An"                  -> "A**"            (a one-word name shows only its first letter)
//   "  nguyễn   văn  an " -> "nguyễn v** a**" (trimmed, runs of spaces collapsed, case kept)
//
// An organisation's name (ApplicantKind::kOrganization) is public (it is on the business register and
// on every document it files), so it is shown in full, trimmed and space-normalised.
#pragma once

#include <string>
#include <string_view>

#include "dossier/dossier.h"

namespace motcua::citizen {

// The masked form of a person's name (above). Input is NFC-normalised first, so a name typed in NFD
// (base letter + combining marks) masks the same way; a first letter followed by combining marks that
// have no precomposed form keeps them all (a full grapheme, never a cut mark). Words are split at ASCII
// white space and the no-break space. Empty or all-space input gives "". Invalid UTF-8 gives "**" (a
// name the store accepted is always valid UTF-8; the mask never echoes bytes it cannot read).
std::string MaskName(std::string_view full_name);

// The name a public view shows for `applicant`: an organisation's name in full (trimmed, spaces
// collapsed), a person's masked with MaskName.
std::string PublicApplicantName(const dossier::Applicant& applicant);

}  // namespace motcua::citizen
