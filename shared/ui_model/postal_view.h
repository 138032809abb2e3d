// The postal screen (bưu chính công ích) as plain data: the list of handover manifests and the results
// waiting to go out by post, or one manifest with its items, signing and delivery confirmation.
#pragma once

#include <string>
#include <vector>

#include "ui_model/counter_app.h"
#include "ui_model/tone.h"

namespace motcua::ui {

struct ManifestRowView {
  std::string id;
  std::string direction;   // "Bưu chính giao Trung tâm"
  std::string status;      // "Nháp", "Đã ký", ...
  Tone tone = Tone::kNeutral;
  std::string items;       // "3 hồ sơ"
  std::string when;        // created or signed
  std::string postal_party;
};

struct AwaitingRowView {
  std::string code;
  std::string applicant;
  std::string address;
  std::string finished;
};

struct ManifestItemView {
  std::string ref;          // what item actions take: the parcel number, else the dossier code
  std::string parcel;
  std::string code;
  std::string person;
  std::string procedure;
  std::string delivery;     // outbound after signing: "Chờ phát", "Đã phát: Nguyễn …", "Phát không thành công: …"
  Tone delivery_tone = Tone::kNeutral;
  bool can_remove = false;
  bool can_set_parcel = false;
  bool can_record_delivery = false;
};

struct OpenManifestView {
  std::string id;
  std::string title;        // "Biên bản IN-261127-0001 · Bưu chính giao Trung tâm · Nháp"
  bool is_inbound = true;
  bool is_draft = true;
  std::vector<std::pair<std::string, std::string>> parties;  // label, value
  std::vector<ManifestItemView> items;
  std::string scan_hint;    // what to scan now
  bool can_add = false;
  std::string add_label;    // inbound: "Nhập hồ sơ theo phiếu gửi"; outbound: "Thêm hồ sơ"
  std::string lookup_label; // outbound: receipt QR / code / parcel; inbound: the parcel number
  bool can_sign = false;
  std::string sign_label;
  std::string postal_representative_label, postal_staff_id_label, center_representative_label;
  std::string default_postal_representative;
  std::string default_postal_staff_id;
  std::string default_center_representative;
  bool can_cancel = false;
  std::string cancel_label;
  std::string print_label;
  std::string close_label;
  std::string delivered_label, failed_label, receiver_label, reason_label, remove_label, set_parcel_label;
  std::string originals_label, digital_reason_label;
};

struct PostalView {
  std::string title;
  bool has_open = false;
  OpenManifestView open;
  // the list
  std::string manifests_title;
  std::vector<ManifestRowView> manifests;
  std::string awaiting_title;
  std::vector<AwaitingRowView> awaiting;
  std::string new_inbound_label, new_outbound_label, open_label;
  std::string organization_label, representative_label, staff_id_label, phone_label;
  std::string default_organization;  // the last postal organization used, or ""
  bool can_manage = false;           // kPostalHandover
  std::string empty_text;

  std::string error_text;
  std::string error_field;
  int error_serial = 0;
  std::string notice_text;
};

PostalView MakePostalView(const CounterModel& model, Instant now);

}  // namespace motcua::ui
