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
print::ReceiptForm MakeReceiptForm(const dossier::Dossier& d, const DeskSettings& settings,
                                   const std::string& receipt_token, const std::string& officer_name);

}  // namespace motcua::workflow
