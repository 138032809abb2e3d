// Filled-in forms for the print tests, built from one realistic case:
//   Nguyễn Thị Hằng files "Đăng ký thường trú" at the Tuyên Quang one-stop desk on Thu 12/03/2026
//   at 08:30. Sources: Luật Cư trú 2020 Art. 21-22 (components: Tờ khai thay đổi thông tin cư trú
//   Mẫu CT01 and proof of lawful residence; 07 working days), TT 75/2022/TT-BTC (lệ phí đăng ký
//   thường trú 20.000 đồng when filed in person). Due 7 working days later: Mon 23/03/2026 08:30.
//   The agency identifier H60 in the code is a placeholder (Tuyên Quang's is NOT FOUND, domain.md §4.4).
//   The QR token has the shape codes/receipt_token.h documents (its MAC here is made up).
#pragma once

#include "print/forms.h"

namespace motcua::print::testing {

inline constexpr const char* kDossierCode = "000.00.00.H60-260312-0001";
inline constexpr const char* kQrToken = "MC1:000.00.00.H60-260312-0001:7KQM:XF:QJ4XRD2ZPTN6GB5A";

Instant At(int y, int mo, int d, int h, int mi);  // Vietnam civil time → Instant

FormHeader SampleHeader();
ReceiptForm SampleReceipt();
// Issue 16: the demo dossier (`motcua demo`: 1.004222 Đăng ký thường trú, four papers as the shipped
// catalog printed them, its one fee named "Phí, lệ phí"), whose copies fit one page each only in a
// denser layout.
ReceiptForm DemoReceipt();
SupplementRequestForm SampleSupplementRequest();
RefusalForm SampleRefusal();
ApologyForm SampleApology();
ControlSlipForm SampleControlSlip();
TrackingBookForm SampleTrackingBook(int rows);
HandoverManifestForm SampleManifest(HandoverManifestForm::Direction direction, int items);
// The sample dossier's result (a Giấy xác nhận thông tin về cư trú) collected at the counter on
// Mon 23/03/2026 by the applicant's husband with his CCCD; originals handed back.
ResultHandoverForm SampleResultHandover();

}  // namespace motcua::print::testing
