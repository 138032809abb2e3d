// A queue ticket as the kiosk prints one (texts as the apps' string tables give them), and helpers
// shared by the tests of this folder.
#pragma once

#include <filesystem>
#include <string>

#include "print/ticket_slip.h"

namespace motcua::print::testing {

// A real-looking ticket of the Tuyên Quang one-stop center, with every optional part present.
inline TicketSlip SampleTicket() {
  TicketSlip t;
  t.header = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG\nTỈNH TUYÊN QUANG";
  t.area_name = "Khu vực: Tư pháp - Hộ tịch";
  t.number = "A1023";
  t.priority_label = "Ưu tiên: người cao tuổi";
  t.issued_at_text = "08:15 07/12/2026";
  t.ahead_text = "Trước quý khách: 12 người";
  t.wait_text = "Thời gian chờ dự kiến: khoảng 25 phút";
  t.qr_payload = "https://dichvucong.tuyenquang.gov.vn/q/A1023?d=20261207";
  t.footer = "Nguyễn Thị Hoà, Ưu tiên, đường Quang Trung. Vui lòng giữ phiếu và chờ gọi số.";
  return t;
}

// build/artifacts/screens (created): where tests leave pictures for people to look at.
inline std::string ScreensDir() {
  const std::string dir = std::string(MOTCUA_BIN_DIR) + "/../artifacts/screens";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return dir;
}

}  // namespace motcua::print::testing
