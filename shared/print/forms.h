// What each official paper form prints: plain aggregates that the counter app fills from the dossier,
// the catalog and the station settings, and that form_pdf.h turns into PDF pages. This header knows
// nothing of the dossier module on purpose: a form is a snapshot of what was printed, and the same
// struct can be re-rendered later (a reprint keeps the same dossier code and the same wording).
//
// Forms (domain.md §2.3; LEGAL: TT 01/2018/TT-VPCP, Art. 9 and its Phụ lục; the 2025 replacement
// TT 03/2025/TT-VPCP renumbers them, see domain.md):
//   Mẫu 01 ReceiptForm               Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5, 2 copies)
//   Mẫu 02 SupplementRequestForm     Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5)
//   Mẫu 03 RefusalForm               Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5)
//   Mẫu 04 ApologyForm               Phiếu xin lỗi và hẹn lại ngày trả kết quả (A5)
//   Mẫu 05 ControlSlipForm           Phiếu kiểm soát quá trình giải quyết hồ sơ (A5)
//   Mẫu 06 TrackingBookForm          Sổ theo dõi hồ sơ (A4 landscape)
//   HandoverManifestForm             Biên bản giao nhận hồ sơ with the postal service (A4; domain.md §7)
//   ResultHandoverForm               Phiếu giao nhận kết quả at the counter (A5; wording ours, see there)
//
// Conventions: every text field is UTF-8 (any normalisation; the writers print NFC) and may be empty,
// in which case the form prints a dotted line ("…………") for the officer to fill in by hand unless the
// field's comment says otherwise. Instants are UTC (`_at`) and are printed in Vietnam civil time;
// `_on` dates are Vietnam civil dates. Money is whole đồng (`_vnd`). The rest of each form's wording
// and its layout are templates, assets/forms/*.json (form_pdf.h); titles and footnotes are also fields
// here, with the TT 01/2018 wording as defaults, so a station may override them per print.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace motcua::print {

// The two-column heading every form opens with: the issuing body on the left, the national motto
// and "<place>, ngày … tháng … năm …" on the right.
struct FormHeader {
  std::string governing_body;  // "UBND TỈNH TUYÊN QUANG" (upper case as printed; may be empty)
  std::string agency;          // "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" (bold)
  std::string unit;            // "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ" (bold; may be empty)
  std::string document_number; // "Số: 15/HDHS" printed under the left column; empty = not printed
  std::string place;           // "Tuyên Quang": the place in the date line
  std::optional<LocalDate> dated_on;  // the date line's date; unset = dotted "ngày … tháng … năm …"
};

struct Applicant {
  std::string name;       // person or organisation, "Nguyễn Thị Hằng"
  std::string id_number;  // CCCD (12 digits) or tax code; empty = line omitted
  std::string address;
  std::string phone;
  std::string email;      // empty = dotted
};

// One paper of the dossier (thành phần hồ sơ) with how many of each kind were handed in or are asked.
struct ComponentLine {
  std::string name;          // "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)"
  int originals = 0;         // bản chính (default 0)
  int certified_copies = 0;  // bản sao chứng thực (default 0)
  int copies = 0;            // bản sao / bản photo (default 0)
  bool shown_only = false;   // the original was shown for comparison and handed back (default false)
  std::string reused_from;   // result code reused from an earlier dossier; empty = not reused
  std::string note;          // free text printed after the counts; empty = nothing
};

struct FeeLine {
  std::string name;           // "Lệ phí đăng ký cư trú"
  std::int64_t amount_vnd = 0;
};

// Where the applicant collects the result (Mẫu 01 item 6).
struct ResultDelivery {
  enum class Kind { kAtCounter, kPostal };
  Kind kind = Kind::kAtCounter;
  // kAtCounter: where ("Bộ phận tiếp nhận và trả kết quả, Trung tâm Phục vụ hành chính công tỉnh
  // Tuyên Quang"); kPostal: the delivery address for bưu chính công ích.
  std::string place;
};

// Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Printed as one section per copy label, each
// section starting on a new page and set as densely as needed (down to a readability floor) to fit
// one page, so 2 labels = 2 pages unless the checklist is very long (form_pdf.h).
struct ReceiptForm {
  FormHeader header;
  std::string title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ";
  std::string dossier_code;    // mã hồ sơ, required, printed large in a monospace face
  std::string lookup_secret;   // 4-character mã tra cứu; empty = line omitted
  std::string qr_token;        // text of the receipt QR; empty = no QR printed
  // A public page where a citizen can type the code and lookup secret ("https://…"), named in the QR's
  // caption. Empty (default, and what MakeReceiptForm sets: no such page exists yet) = the caption
  // names only the center's kiosk, the one reader of the QR's token.
  std::string lookup_address;
  std::string receiving_unit;  // "Bộ phận tiếp nhận và trả kết quả: …" line; empty = line omitted
  Applicant applicant;         // applicant.name is required
  std::string procedure_name;  // nội dung yêu cầu giải quyết, required
  std::vector<ComponentLine> components;
  int sets = 1;                          // số lượng hồ sơ (bộ), >= 1
  std::string legal_duration_text;       // "07 ngày làm việc"
  std::optional<Instant> received_at;    // required
  std::optional<Instant> due_at;         // unset = dotted (procedures with no appointment date)
  ResultDelivery delivery;
  std::vector<FeeLine> fees;             // empty = the fee line is omitted
  std::string officer_name;              // người tiếp nhận; printed under the signature
  int book_number = 0;                   // "Quyển số"; 0 = dotted
  int book_sequence = 0;                 // "Số thứ tự"; 0 = dotted
  std::vector<std::string> copy_labels = {"Liên 1: Lưu", "Liên 2: Giao người nộp hồ sơ"};
  std::vector<std::string> notes = {
      "Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên: 01 liên chuyển kèm theo "
      "Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận tiếp nhận và trả kết quả; "
      "01 liên giao cho cá nhân, tổ chức nộp hồ sơ.",
      "Cá nhân, tổ chức có thể đăng ký nhận kết quả tại nhà (trụ sở) qua dịch vụ bưu chính công ích."};
};

// Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. LEGAL: NĐ 61/2018/NĐ-CP, Art. 17.1 and 19.4.
struct SupplementRequestForm {
  FormHeader header;
  std::string title = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ";
  std::string dossier_code;    // empty = line omitted (an incomplete dossier at the counter has none)
  std::string receiving_unit;  // empty = line omitted
  Applicant applicant;         // applicant.name is required
  std::string procedure_name;  // required
  std::optional<Instant> received_at;  // when the dossier came in; unset = line omitted
  std::vector<ComponentLine> items;    // what to add or complete; at least one
  std::vector<std::string> reasons;    // lý do; empty = dotted
  std::string contact_text;  // "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ …"
                             // empty = the sentence is built with dots
  std::string officer_name;  // người hướng dẫn
};

// Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. LEGAL: NĐ 61/2018/NĐ-CP, Art. 17.1, 19.8.
struct RefusalForm {
  FormHeader header;
  std::string title = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ";
  std::string dossier_code;    // empty = line omitted
  std::string receiving_unit;  // empty = line omitted
  Applicant applicant;         // applicant.name is required
  std::string procedure_name;  // required
  std::string deciding_body;   // who refuses ("Sở Tư pháp tỉnh Tuyên Quang"); empty = header.agency
  std::vector<std::string> reasons;  // at least one
  std::string signer_title = "NGƯỜI TIẾP NHẬN HỒ SƠ";
  std::string signer_name;
};

// Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. LEGAL: NĐ 61/2018/NĐ-CP, Art. 19.9 (the date
// may be re-set only once; the dossier module enforces that, the form just prints).
// The full official wording is NOT FOUND (domain.md §2.3); the body follows the common printouts.
struct ApologyForm {
  FormHeader header;
  std::string title = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ";
  std::string apologizing_body;  // "Sở Tư pháp tỉnh Tuyên Quang"; empty = header.agency
  Applicant applicant;           // "Kính gửi": applicant.name is required
  std::string dossier_code;      // required
  std::string procedure_name;    // required
  std::optional<Instant> received_at;      // required
  std::optional<Instant> original_due_at;  // required: the date on the receipt
  std::optional<Instant> new_due_at;       // required, after original_due_at
  std::string reason;                      // required: why it is late
  std::string signer_title = "THỦ TRƯỞNG CƠ QUAN";
  std::string signer_name;
};

// One handover in Mẫu 05 (from one unit to the next, or back to the one-stop desk).
struct ControlStep {
  enum class Outcome { kNotYet, kEarly, kOnTime, kLate };  // trước hạn / đúng hạn / quá hạn
  std::string giving_unit;      // "Bộ phận TN&TKQ"
  std::string receiving_unit;   // "Phòng Hành chính tư pháp"
  std::optional<Instant> handed_at;  // unset = dotted time for handwriting
  std::string giver_name;
  std::string receiver_name;
  Outcome outcome = Outcome::kNotYet;  // kNotYet prints an empty result cell
  std::string note;
};

// Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ. The steps come from the journal; the
// result column is what the receiving side recorded at handover (domain.md §2.3).
struct ControlSlipForm {
  FormHeader header;
  std::string title = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ";
  std::string dossier_code;    // required
  std::string receipt_number;  // "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số …"; empty = code
  std::string applicant_name;  // required
  std::string procedure_name;  // required
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;
  std::string processing_body;        // cơ quan (bộ phận) giải quyết hồ sơ
  std::string coordinating_bodies;    // cơ quan phối hợp; empty = line omitted
  std::vector<ControlStep> steps;     // may be empty: empty rows are printed for handwriting
  int blank_rows = 1;                 // extra empty rows after the steps (default 1), >= 0
  std::vector<std::string> notes = {
      "Trường hợp hồ sơ được chuyển qua dịch vụ bưu chính công ích thì thời gian giao, nhận hồ sơ "
      "và việc ký nhận thể hiện trong hóa đơn, phiếu gửi của doanh nghiệp bưu chính.",
      "Kết quả giải quyết hồ sơ do bên nhận hồ sơ ghi khi nhận bàn giao hồ sơ."};
};

// One dossier in the tracking book (Mẫu 06).
struct TrackingBookRow {
  int sequence = 0;  // STT; 0 = numbered 1, 2, … in order
  std::string dossier_code;
  std::string procedure_name;
  int sets = 1;
  std::string applicant_name;
  std::string applicant_contact;  // address and phone, as printed
  std::string handling_body;      // cơ quan chủ trì giải quyết
  std::optional<Instant> received_at;
  std::optional<Instant> due_at;
  std::optional<Instant> transferred_at;      // chuyển hồ sơ đến cơ quan giải quyết
  std::optional<Instant> result_received_at;  // nhận kết quả từ cơ quan giải quyết
  std::optional<Instant> returned_at;         // trả kết quả cho cá nhân, tổ chức
  std::string note;
};

// Mẫu 06: Sổ theo dõi hồ sơ. Pages are numbered "Trang n/N". LEGAL: TT 01/2018/TT-VPCP, Art. 10
// (a paper book is opened per year, pages numbered continuously).
struct TrackingBookForm {
  FormHeader header;
  std::string title = "SỔ THEO DÕI HỒ SƠ";
  int year = 0;         // printed "Năm 2026"; 0 = omitted
  int book_number = 0;  // "Quyển số"; 0 = omitted
  std::string period_text;  // e.g. "Từ ngày 01/03/2026 đến ngày 31/03/2026"; empty = omitted
  std::vector<TrackingBookRow> rows;  // may be empty (an empty book page)
  std::string journal_anchor;  // JournalAnchorText of the journal when printed; "" = not printed
};

// Postal handover manifest: Biên bản giao nhận hồ sơ (domain.md §7; LEGAL: QĐ 45/2016/QĐ-TTg,
// Art. 7 and 9).
struct HandoverParty {
  std::string organization;    // "Bưu điện tỉnh Tuyên Quang"
  std::string representative;  // person signing
  std::string position;        // chức vụ; empty = dotted
  std::string phone;           // empty = omitted
};

struct HandoverItem {
  std::string postal_receipt_number;  // số Phiếu gửi / parcel number; required
  std::string dossier_code;           // may be empty for inbound dossiers not yet received
  std::string person_name;            // sender (inbound) or addressee (outbound)
  std::string procedure_name;
  int sets = 1;
  std::string note;
};

struct HandoverManifestForm {
  enum class Direction {
    // Dossiers from the postal worker to the center. LEGAL: QĐ 45/2016/QĐ-TTg, Art. 7: the time
    // this manifest is signed is the legal filing time of every dossier on it.
    kPostalToCenter,
    // Results from the center to the postal worker for delivery (Art. 9).
    kCenterToPostal,
  };
  FormHeader header;
  Direction direction = Direction::kPostalToCenter;
  std::optional<Instant> signed_at;  // required: printed in the opening sentence
  std::string location;              // "Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang"
  HandoverParty postal;              // the postal side
  HandoverParty center;              // the center side
  std::vector<HandoverItem> items;   // at least one
};

// Phiếu giao nhận kết quả giải quyết thủ tục hành chính: the record both sides sign when the result is
// handed over at the counter (LEGAL: NĐ 61/2018/NĐ-CP, Art. 20, which asks for the return but prescribes
// no form; TT 01/2018/TT-VPCP's Mẫu 01-06, domain.md §2.3, have none for it). The title and the body's
// wording are motcua's own, not an official text; both are fields so a province's wording is
// configuration. One A5 page.
struct ResultHandoverForm {
  FormHeader header;
  std::string title = "PHIẾU GIAO NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH";
  std::string center_name;     // where the handover took place; empty = header.agency
  std::string dossier_code;    // required
  std::string procedure_name;  // required
  Applicant applicant;         // who filed; applicant.name is required, id_number printed as given
  std::string applicant_id_label = "Số giấy tờ";  // "Số CCCD", "Số CMND", "Số hộ chiếu", ...
  std::vector<std::string> results;  // the result papers handed over; empty = one generic line
  bool originals_returned = false;   // originals kept for comparison handed back (default false)
  std::string receiver_name;         // who collected the result; required
  std::string receiver_id_label = "Số giấy tờ";  // as applicant_id_label, for the receiver's document
  std::string receiver_id;           // empty = dotted, for handwriting
  std::optional<Instant> handed_at;  // required
  std::string officer_name;          // người trả kết quả; empty = signature left blank
  std::string body = "Bộ phận tiếp nhận và trả kết quả đã trả kết quả giải quyết thủ tục hành chính của "
                     "hồ sơ nêu trên; người nhận đã kiểm tra và nhận đủ.";
};

// "08 giờ 30 phút, ngày 12 tháng 03 năm 2026" in Vietnam civil time: the format of the receipt's
// items 4 and 5 (domain.md §2.3). Seconds are dropped, never rounded up.
std::string FormatVnDateTime(Instant at);

// "Tuyên Quang, ngày 05 tháng 3 năm 2026". Days below 10 and months 1 and 2 take a leading zero.
// LEGAL: NĐ 30/2020/NĐ-CP, Phụ lục I, I.5 (format of the place and date of an administrative
// document; the zero rule as commonly quoted, UNVERIFIED against the gazette). Empty place prints
// just "ngày … tháng … năm …"; an unset date prints dots for the numbers.
std::string FormatPlaceDate(const std::string& place, std::optional<LocalDate> on);

// The journal's head as printed on the tracking book and every report, so a paper copy anchors the
// electronic journal outside the station (store/journal.h (5)): "Nhật ký điện tử đến sự kiện số 1.234,
// mã 3f9a2b7c 91d0e4aa 5b6c0d1e 22ff8a90 (motcua journal verify)". The first 32 hex digits (128 bits) of
// the hash: far beyond forging, short enough to read aloud and compare.
std::string JournalAnchorText(std::int64_t seq, std::string_view hash);

// "12/03/2026 08:30": the compact form used in table cells.
std::string FormatShortDateTime(Instant at);

}  // namespace motcua::print
