// The procedure catalog (thủ tục hành chính, TTHC): what a center can receive, what each procedure
// asks for, how long it takes and what it costs. Values come from public sources (assets/catalog/
// says which); nothing here is invented, and a value that was not found stays empty.
//
// Invariants of a valid Procedure (checked by ValidateProcedure in catalog_json.h):
//   code matches d.dddddd (the national MaTTHC); name is non-empty NFC text;
//   component codes are unique within the procedure; fee amounts are >= 0 whole đồng.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/duration.h"
#include "common/time.h"

namespace motcua::catalog {

enum class Level {
  kProvince,  // cấp tỉnh (sở, ngành)
  kCommune,   // cấp xã
  kBoth,      // published at both levels
  kCentral,   // cấp trung ương / bộ, received locally
};

enum class OnlineLevel {
  kNone,     // no online service
  kPartial,  // một phần
  kFull,     // toàn trình
};

struct Fee {
  std::string name;             // "Lệ phí đăng ký hộ tịch"
  std::int64_t amount_vnd = 0;  // whole đồng, >= 0
  std::string channel;          // "" = every channel; "online" / "counter" / "postal" when it differs
  std::string collected_when;   // "reception" (default), "supplement", "result"
  std::string note;
  friend bool operator==(const Fee&, const Fee&) = default;
};

// One paper of the dossier (thành phần hồ sơ).
struct Component {
  std::string code;        // unique within the procedure; from the source, or "TP<n>" in source order
  std::string name;
  std::string group;       // the case it belongs to, as published ("Giấy tờ phải nộp", ...)
  int originals = 0;       // bản chính
  int copies = 0;          // bản sao
  bool shown_only = false; // only shown to the officer (xuất trình), not kept
  bool required = true;    // false for case-dependent papers ("Trường hợp ... thì ...")
  friend bool operator==(const Component&, const Component&) = default;
};

// True for a group every applicant brings (no group, "Giấy tờ phải nộp…", "Giấy tờ phải xuất trình…"),
// false for a case heading ("Trường hợp …") that applies only when the applicant's case is chosen.
inline bool AppliesToEveryCase(std::string_view group) {
  return group.empty() || group.starts_with("Giấy tờ phải nộp") || group.starts_with("Giấy tờ phải xuất trình");
}

// A result document the procedure issues (kết quả giải quyết).
struct ResultDocument {
  std::string name;
  std::string code;             // result-document code (MaKetQua) where published, else ""
  bool paper_required = false;  // the procedure requires a paper / document result (766 indicator 4.1)
  friend bool operator==(const ResultDocument&, const ResultDocument&) = default;
};

struct ProcessingTime {
  std::optional<calendar::Duration> standard;  // counter and postal channels
  std::optional<calendar::Duration> online;    // when the online channel differs
  bool no_due_date = false;                    // "không có ngày hẹn trả"
  std::string as_published;                    // the source's own wording, for officers
  friend bool operator==(const ProcessingTime&, const ProcessingTime&) = default;
};

struct Procedure {
  std::string code;          // MaTTHC, e.g. "1.001193"
  std::string name;
  std::string group;         // kiosk grouping: "hộ tịch", "chứng thực", ...
  std::string field_code;    // mã lĩnh vực ("" when no source shows it)
  std::string field_name;    // tên lĩnh vực
  Level level = Level::kCommune;
  std::string agency;        // implementing agency (cơ quan thực hiện)
  std::string subject;       // who applies: "citizen", "organization", "both" (766 indicator 4.5a)
  ProcessingTime processing;
  std::vector<Fee> fees;
  std::vector<Component> components;
  std::vector<ResultDocument> results;
  OnlineLevel online_level = OnlineLevel::kNone;
  bool postal_allowed = true;              // result and filing via bưu chính công ích
  std::vector<std::string> legal_basis;    // document numbers
  // Publicity (766 group 1), when known.
  std::optional<LocalDate> announced_on;   // date of the Quyết định công bố
  std::string announcing_decision;         // its number, e.g. "163/QĐ-BTP"
  std::vector<std::string> sources;        // where the values came from

  // Appended fields (kept last so existing designated initialisers stay valid).
  std::string fees_as_published;       // the sources' wording on fees, for officers ("" = none found)
  bool online_level_recorded = false;  // false: no source states online_level; kNone is only the default
  bool postal_recorded = false;        // false: no source states postal_allowed; true is only the default

  friend bool operator==(const Procedure&, const Procedure&) = default;
};

}  // namespace motcua::catalog
