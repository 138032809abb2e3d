// Internal dossiers → the national sync shape (national_record.h): what the provincial system sends
// and what the 766 scorer reads, so a center sees its score from the same records the portal gets.
//
// Choices, each a setting where the sources leave room:
//   - NgayHenTra is the ORIGINAL due instant: an apology re-dates the dossier for the citizen but the
//     portal judges against the synced date (domain.md §2.2 "766 link"); `send_redated_due` sends the
//     new date instead, for a province that re-syncs it.
//   - NgayKetThucXuLy is when processing ended: marked done, refused, stopped or withdrawn.
//   - HoSoCoThanhPhanSoHoa = 1 when a component reused digitized data (a result code or the citizen's
//     store): the portal reads this flag as "reused digitized data" for indicator 4.3 (domain.md §1.2).
//   - A stored file is published as `file_base_url` + its SHA-256 (DuongDanTaiTepTin must be a
//     downloadable URL); with no base URL the link is left empty and the portal sees no file.
#pragma once

#include <string>
#include <vector>

#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "dvc/national_record.h"

namespace motcua::dvc {

struct MappingOptions {
  std::string file_base_url;      // e.g. "https://dvc.example.gov.vn/files/" (default "": no links)
  bool send_redated_due = false;  // default false: NgayHenTra = original due instant
  // Whether the record has reached the portal (motcua_local.synced, indicator 1.4). The caller knows
  // it from the outbox; default false: nothing is synced until a sync client says so.
  bool synced = false;
};

NationalRecord ToNationalRecord(const dossier::Dossier& d, const dossier::StatusMap& status_map,
                                const MappingOptions& options = {});

// One CapNhatTienDoHoSoMC item (domain.md §4.2): a processing step as the provincial system receives
// it. The dossier's steps are append-only (dossier.h (5)), so step i of a dossier is the same step
// forever: the sync counts the steps a server holds and sends the rest.
struct ProgressStep {
  std::string dossier_code;  // MaHoSo
  std::string handler;       // NguoiXuLy: the account that acted (a user name; no display name is kept)
  std::string unit;          // PhongBanXuLy
  Instant at{};              // ThoiDiemXuLy
  std::string content;       // NoiDungXuLy: the step's own text, else the state's Vietnamese name
  NationalStatus status = NationalStatus::kUnknown;  // TrangThai: the state after the step
};
std::vector<ProgressStep> ToProgressSteps(const dossier::Dossier& d, const dossier::StatusMap& status_map);

}  // namespace motcua::dvc
