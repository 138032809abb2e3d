// What the sync puts on the wire (domain.md §4.3b): the national records and progress steps of the one
// mapping (dvc/dossier_mapping.h) written the way the provincial systems' real senders write them,
// and the request bodies of the adapter's services (§4.1).
//
//   - Every scalar is a JSON string, codes and flags included ("TrangThaiHoSo":"4", "HinhThuc":"0");
//     no numbers, no booleans. An absent optional date is "", absent text is "".
//   - The fields the senders require are always present: MaHoSo, MaTTHC, TenTTHC, MaLinhVuc,
//     TenLinhVuc, LoaiDoiTuong, TrichYeuHoSo, NgayTiepNhan, NgayHenTra ("" when there is none),
//     TrangThaiHoSo, HinhThuc, DonViXuLy; a step's MaHoSo, NguoiXuLy, ThoiDiemXuLy, NoiDungXuLy, TrangThai.
//   - Length caps a sender enforces (TrichYeuHoSo 1000, TenTepDinhKem 4000, a result's TenGiayTo 2000,
//     NguoiXuLy 50 characters) are applied by cutting at a character boundary, and every cut is
//     returned as a CapNote for the caller to journal: never silently.
//   - DinhDanhCHS: LoaiDinhDanh "1" for a 12-digit number (CCCD), "2" for a 9-digit one (CMND); any
//     other number (a tax code, a passport) is sent in SoGiayToChuHoSo only.
//   - motcua_local never leaves the station.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dvc/dossier_mapping.h"
#include "dvc/national_record.h"

namespace motcua::sync {

inline constexpr std::size_t kMaxSummaryChars = 1000;       // TrichYeuHoSo
inline constexpr std::size_t kMaxDocumentNameChars = 4000;  // TaiLieuNop[].TenTepDinhKem
inline constexpr std::size_t kMaxResultNameChars = 2000;    // DanhSachGiayToKetQua[].TenGiayTo
inline constexpr std::size_t kMaxHandlerChars = 50;         // NguoiXuLy

// A value cut to its cap: which dossier, which field (national key, with the array index), from how
// many characters to how many.
struct CapNote {
  std::string dossier_code;
  std::string field;  // "TrichYeuHoSo", "TaiLieuNop[2].TenTepDinhKem", "NguoiXuLy"
  std::size_t from_chars = 0;
  std::size_t to_chars = 0;
};

// One record or step as a JSON object's text. Cuts are appended to `notes`.
std::string WireRecord(const dvc::NationalRecord& record, std::vector<CapNote>& notes);
std::string WireStep(const dvc::ProgressStep& step, std::vector<CapNote>& notes);

// `text` cut to at most `max_chars` UTF-8 characters (never inside one). Returns the characters it had.
std::size_t CutToChars(std::string& text, std::size_t max_chars);

// Request bodies (§4.1). `items` are WireRecord / WireStep texts.
std::string LoginBody(std::string_view username, std::string_view password);
std::string SyncFilesBody(std::string_view session, std::string_view unit_code, bool updating,
                          const std::vector<std::string>& items);
std::string SyncStepsBody(std::string_view session, std::string_view unit_code, const std::vector<std::string>& items);
std::string LookupFileBody(std::string_view session, std::string_view unit_code, std::string_view dossier_code);
std::string ProcedureListBody(std::string_view session, std::string_view unit_code);
std::string ProcedureBody(std::string_view session, std::string_view unit_code, std::string_view procedure_code);

}  // namespace motcua::sync
