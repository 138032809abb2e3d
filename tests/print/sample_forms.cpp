#include "print/sample_forms.h"

#include <chrono>
#include <cstdio>

namespace motcua::print::testing {

using namespace std::chrono;

Instant At(int y, int mo, int d, int h, int mi) {
  const LocalDate date = local_days{year{y} / month{unsigned(mo)} / day{unsigned(d)}};
  return FromLocalVn(LocalMinute{date.time_since_epoch() + hours{h} + minutes{mi}});
}

FormHeader SampleHeader() {
  FormHeader h;
  h.governing_body = "UBND TỈNH TUYÊN QUANG";
  h.agency = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG";
  h.unit = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ";
  h.place = "Tuyên Quang";
  h.dated_on = local_days{year{2026} / March / day{12}};
  return h;
}

ReceiptForm SampleReceipt() {
  ReceiptForm f;
  f.header = SampleHeader();
  f.dossier_code = kDossierCode;
  f.lookup_secret = "7KQM";
  f.qr_token = kQrToken;
  f.receiving_unit = "Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang, quầy số 3";
  f.applicant = {.name = "Nguyễn Thị Hằng",
                 .id_number = "008190001234",
                 .address = "Tổ 7, phường Minh Xuân, tỉnh Tuyên Quang",
                 .phone = "0912 345 678",
                 .email = "hang.nguyen@example.vn"};
  f.procedure_name = "Đăng ký thường trú";
  f.components = {
      {.name = "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", .originals = 1},
      {.name = "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà có công chứng)",
       .certified_copies = 1, .shown_only = true},
      {.name = "Giấy chứng nhận quyền sử dụng đất của chủ hộ", .copies = 1,
       .reused_from = "000.00.00.H60-250110-0042"},
  };
  f.sets = 1;
  f.legal_duration_text = "07 ngày làm việc";
  f.received_at = At(2026, 3, 12, 8, 30);
  f.due_at = At(2026, 3, 23, 8, 30);
  f.delivery = {ResultDelivery::Kind::kAtCounter,
                "Bộ phận tiếp nhận và trả kết quả, Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang"};
  f.fees = {{"Lệ phí đăng ký cư trú", 20000}};
  f.officer_name = "Trần Văn Đức";
  f.book_number = 1;
  f.book_sequence = 125;
  return f;
}

ReceiptForm DemoReceipt() {
  ReceiptForm form = SampleReceipt();
  form.receiving_unit = "Trung tâm Phục vụ hành chính công tỉnh";
  form.applicant = {.name = "Nguyễn Thị Mẫu", .id_number = "008190001234",
                    .address = "Tổ 5, phường Phan Thiết, tỉnh Tuyên Quang", .phone = "0912000111"};
  form.components = {
      {.name = "Văn bản xác nhận của Ủy ban nhân dân cấp xã về địa điểm phương tiện đăng ký đậu, đỗ thường "
               "xuyên trong trường hợp phương tiện không phải đăng ký hoặc nơi đăng ký phương tiện không "
               "trùng với nơi thường …",
       .originals = 1},
      {.name = "Giấy chứng nhận đăng ký phương tiện và giấy chứng nhận an toàn kỹ thuật và bảo vệ môi trường "
               "của phương tiện hoặc văn bản xác nhận của Ủy ban nhân dân cấp xã về việc sử dụng phương tiện "
               "đó vào mục đíc …",
       .originals = 1},
      {.name = "Thông tin chứng minh về chỗ ở hợp pháp được khai thác trong căn cước điện tử, tài khoản định "
               "danh điện tử trên hệ thống định danh và xác thực điện tử qua Ứng dụng định danh quốc gia hoặc "
               "trong Cơ sở d …",
       .originals = 1},
      {.name = "Tờ khai thay đổi thông tin cư trú (mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA) hoặc "
               "Tờ khai thay đổi thông tin về cư trú dùng cho công dân Việt Nam định cư ở nước ngoài không có "
               "hộ chiếu Vi …",
       .originals = 1},
  };
  form.delivery = {ResultDelivery::Kind::kAtCounter, "Trung tâm Phục vụ hành chính công tỉnh"};
  form.fees = {{"Phí, lệ phí", 20000}};
  form.officer_name = "demo";
  form.book_number = 0;
  form.book_sequence = 0;
  return form;
}

SupplementRequestForm SampleSupplementRequest() {
  SupplementRequestForm f;
  f.header = SampleHeader();
  f.header.document_number = "Số: 15/HDHS";
  f.applicant = SampleReceipt().applicant;
  f.procedure_name = "Đăng ký thường trú";
  f.received_at = At(2026, 3, 12, 8, 30);
  f.items = {
      {.name = "Văn bản đồng ý cho đăng ký thường trú của chủ hộ (ghi vào Tờ khai CT01)", .originals = 1,
       .note = "Tờ khai đã nộp thiếu chữ ký của chủ hộ"},
      {.name = "Giấy tờ chứng minh quan hệ nhân thân với chủ hộ", .certified_copies = 1, .shown_only = true},
  };
  f.reasons = {"Hồ sơ chưa có ý kiến đồng ý của chủ hộ theo khoản 1 Điều 21 Luật Cư trú 2020."};
  f.contact_text = "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ông Trần Văn Đức, "
                   "số điện thoại 0207 3822 123 để được hướng dẫn.";
  f.officer_name = "Trần Văn Đức";
  return f;
}

RefusalForm SampleRefusal() {
  RefusalForm f;
  f.header = SampleHeader();
  f.header.document_number = "Số: 03/TC";
  f.applicant = SampleReceipt().applicant;
  f.procedure_name = "Đăng ký thường trú";
  f.deciding_body = "Công an phường Minh Xuân";
  f.reasons = {"Chỗ ở đề nghị đăng ký thường trú nằm trong địa điểm không được đăng ký thường trú mới "
               "theo Điều 23 Luật Cư trú 2020 (đã có quyết định thu hồi đất)."};
  f.signer_name = "Trần Văn Đức";
  return f;
}

ApologyForm SampleApology() {
  ApologyForm f;
  f.header = SampleHeader();
  f.header.document_number = "Số: 02/PXL";
  f.header.dated_on = local_days{year{2026} / March / day{20}};
  f.apologizing_body = "Công an phường Minh Xuân";
  f.applicant = SampleReceipt().applicant;
  f.dossier_code = kDossierCode;
  f.procedure_name = "Đăng ký thường trú";
  f.received_at = At(2026, 3, 12, 8, 30);
  f.original_due_at = At(2026, 3, 23, 8, 30);
  f.new_due_at = At(2026, 3, 27, 14, 0);
  f.reason = "cần xác minh thêm thông tin về chỗ ở hợp pháp tại địa phương";
  f.signer_title = "TRƯỞNG CÔNG AN PHƯỜNG";
  f.signer_name = "Lê Quang Vinh";
  return f;
}

ControlSlipForm SampleControlSlip() {
  ControlSlipForm f;
  f.header = SampleHeader();
  f.dossier_code = kDossierCode;
  f.applicant_name = "Nguyễn Thị Hằng";
  f.procedure_name = "Đăng ký thường trú";
  f.received_at = At(2026, 3, 12, 8, 30);
  f.due_at = At(2026, 3, 23, 8, 30);
  f.processing_body = "Công an phường Minh Xuân";
  f.steps = {
      {.giving_unit = "Bộ phận TN&TKQ", .receiving_unit = "Công an phường Minh Xuân",
       .handed_at = At(2026, 3, 12, 14, 10), .giver_name = "Trần Văn Đức", .receiver_name = "Phạm Thu Trang",
       .outcome = ControlStep::Outcome::kOnTime},
      {.giving_unit = "Công an phường Minh Xuân", .receiving_unit = "Bộ phận TN&TKQ",
       .handed_at = At(2026, 3, 20, 16, 45), .giver_name = "Phạm Thu Trang", .receiver_name = "Trần Văn Đức",
       .outcome = ControlStep::Outcome::kEarly, .note = "Trả trước hạn 01 ngày"},
  };
  return f;
}

TrackingBookForm SampleTrackingBook(int rows) {
  TrackingBookForm f;
  f.header = SampleHeader();
  f.year = 2026;
  f.book_number = 1;
  f.period_text = "Tháng 03/2026";
  f.journal_anchor = JournalAnchorText(1234, "3f9a2b7c91d0e4aa5b6c0d1e22ff8a90c0ffee00c0ffee00c0ffee00c0ffee00");
  const char* names[] = {"Nguyễn Thị Hằng", "Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Quốc Khánh", "Hoàng Ngọc Ánh"};
  const char* procedures[] = {"Đăng ký thường trú", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                              "Đăng ký khai sinh", "Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
                              "Chứng thực bản sao từ bản chính giấy tờ, văn bản"};
  for (int i = 0; i < rows; ++i) {
    TrackingBookRow r;
    char code[40];
    std::snprintf(code, sizeof code, "000.00.00.H60-2603%02d-%04d", 2 + i % 27, i + 1);
    r.dossier_code = code;
    r.procedure_name = procedures[i % 5];
    r.sets = 1;
    r.applicant_name = names[i % 5];
    r.applicant_contact = "Tổ " + std::to_string(1 + i % 12) + ", phường Minh Xuân; 0912 000 " + std::to_string(100 + i);
    r.handling_body = i % 2 ? "Sở Tư pháp" : "Công an phường Minh Xuân";
    r.received_at = At(2026, 3, 2 + i % 27, 8 + i % 8, (i * 7) % 60);
    r.due_at = *r.received_at + std::chrono::hours(24 * 7);
    if (i % 3 != 2) r.transferred_at = *r.received_at + std::chrono::hours(5);
    if (i % 3 == 0) r.result_received_at = *r.received_at + std::chrono::hours(24 * 5);
    if (i % 6 == 0) r.returned_at = *r.received_at + std::chrono::hours(24 * 6);
    if (i == 0) r.note = "Trả trước hạn";
    f.rows.push_back(r);
  }
  return f;
}

HandoverManifestForm SampleManifest(HandoverManifestForm::Direction direction, int items) {
  HandoverManifestForm f;
  f.header = SampleHeader();
  f.header.unit = "";
  f.header.document_number = "Số: 08/BBGN";
  f.direction = direction;
  f.signed_at = At(2026, 3, 12, 9, 15);
  f.location = "Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang";
  f.postal = {"Bưu điện tỉnh Tuyên Quang", "Hà Văn Sơn", "Nhân viên bưu chính", "0988 111 222"};
  f.center = {"Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang", "Trần Văn Đức", "Công chức tiếp nhận", ""};
  for (int i = 0; i < items; ++i) {
    HandoverItem it;
    char parcel[32];
    std::snprintf(parcel, sizeof parcel, "EB%09dVN", 123456700 + i);
    it.postal_receipt_number = parcel;
    if (direction == HandoverManifestForm::Direction::kCenterToPostal || i % 2 == 0) {
      char code[40];
      std::snprintf(code, sizeof code, "000.00.00.H60-260312-%04d", 10 + i);
      it.dossier_code = code;
    }
    it.person_name = i % 2 ? "Lê Thị Thu Hà" : "Nguyễn Thị Hằng";
    it.procedure_name = i % 2 ? "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam" : "Đăng ký thường trú";
    it.sets = 1;
    f.items.push_back(it);
  }
  return f;
}

ResultHandoverForm SampleResultHandover() {
  ResultHandoverForm f;
  f.header = SampleHeader();
  f.header.dated_on = local_days{year{2026} / March / day{23}};
  f.center_name = "Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang";
  f.dossier_code = kDossierCode;
  f.procedure_name = "Đăng ký thường trú";
  f.applicant = SampleReceipt().applicant;
  f.applicant_id_label = "Số CCCD";
  f.results = {"Giấy xác nhận thông tin về cư trú (số 125/XNCT)", "Bản chính hợp đồng thuê nhà (trả lại)"};
  f.originals_returned = true;
  f.receiver_name = "Hoàng Văn Nam";
  f.receiver_id_label = "Số CCCD";
  f.receiver_id = "008088004321";
  f.handed_at = At(2026, 3, 23, 9, 5);
  f.officer_name = "Trần Văn Đức";
  return f;
}

}  // namespace motcua::print::testing
