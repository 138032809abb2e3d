// A stored dossier as the receipt form Mẫu 01 (print/forms.h), for the first print and for every
// reprint: the same dossier gives the same code, token and dates, so a reprint never renumbers.
#pragma once

#include <string>

#include "dossier/dossier.h"
#include "print/forms.h"
#include "workflow/desk.h"

namespace motcua::workflow {

// "07 ngày làm việc", "08 giờ làm việc", "15 ngày", "01 tháng" (the receipt's wording).
std::string DurationTextVi(const calendar::Duration& d);

// `receipt_token` from ReceiptTokenFor; `officer_name` printed under the receiving signature.
// The forms' header as this desk prints it: the governing body, the center, the one-stop unit and the
// date line "<place_name>, ngày …" (dated_on unset: dotted, for a form filled in by hand).
print::FormHeader DeskFormHeader(const DeskSettings& settings, std::optional<LocalDate> dated_on);

print::ReceiptForm MakeReceiptForm(const dossier::Dossier& d, const DeskSettings& settings,
                                   const std::string& receipt_token, const std::string& officer_name);

}  // namespace motcua::workflow
