// Strict validation of what a provincial system accepts through DongBoHoSoMC (a dossier record) and
// CapNhatTienDoHoSoMC (a progress step): domain.md §4.2, §4.3 and §4.3b, read as a strict server
// would. The motcua core reads national records liberally (dvc/national_record.h); this stand-in is
// the other side of the wire and refuses anything a real sender would not put there, so the sync
// client's tests fail where a real province would refuse.
//
// Rules for a record (each has a stable rule key; tests/provincial/validate_test.cpp has one worked
// example per rule):
//   - a JSON object ("not_an_object"); the reply names it by MaHoSo, or by position when it has none;
//   - every scalar is a JSON string, at any depth ("not_a_string": a number, boolean or null, and an
//     object or array under a key §4.2 names as a scalar, a date, a code or a capped text);
//   - required keys, present ("required"), strings, non-empty ("empty"): MaHoSo, MaTTHC, TenTTHC,
//     MaLinhVuc, TenLinhVuc, LoaiDoiTuong, TrichYeuHoSo, NgayTiepNhan, TrangThaiHoSo, HinhThuc,
//     DonViXuLy; NgayHenTra must be present but may be "" (no due date);
//   - the known arrays TaiLieuNop, DanhSachLePhi, DanhSachTepDinhKemKhac, DanhSachHoSoBoSung,
//     DanhSachGiayToKetQua, DinhDanhCHS, DSKetNoiCSDL are arrays ("not_an_array", also for null) of
//     objects ("not_an_object");
//   - dates: every key named Ngay* and ThoiDiemXuLy, at any depth, is "" or exactly 14 digits
//     yyyyMMddHHmmss ("bad_date_format") naming a real instant: month 1-12, a day the month has
//     (29/2 only in leap years), hour 0-23, minute and second 0-59 ("impossible_date");
//   - codes, as the exact decimal text ("04", " 4" and "4.0" are refused; "bad_code"): TrangThaiHoSo
//     1-10, KenhThucHien "" or 1-3, HinhThuc 0-1, LoaiDoiTuong 1-4, DuocThanhToanTrucTuyen "" or 0-3;
//   - length caps in characters (UTF-8 code points; "too_long"): MaHoSo 100, TrichYeuHoSo 1000,
//     TaiLieuNop[].TenTepDinhKem 4000, DanhSachGiayToKetQua[].TenGiayTo 2000;
//   - text is valid UTF-8 ("bad_utf8"; a JSON body is already checked by the parser, this catches
//     values built in code);
//   - DinhDanhCHS items: LoaiDinhDanh "1" (CCCD) needs SoDinhDanh of exactly 12 ASCII digits, "2"
//     (CMND) exactly 9 ("bad_id_number"); another LoaiDinhDanh is "bad_code";
//   - "motcua_local" is refused ("local_extension"): motcua's local facts are never sent out
//     (dvc/national_record.h), and a stand-in that stored them would score them;
//   - objects nest at most kMaxDepth levels ("too_deep"), so a hostile body cannot exhaust the stack.
// Unknown keys are allowed (and stored by the server) under the same string-scalar rule; they may hold
// an object, or an array of strings and objects.
//
// Rules for a step: a JSON object; MaHoSo (non-empty, <= 100), NguoiXuLy (non-empty, <= 50
// characters), ThoiDiemXuLy (a date, not ""), NoiDungXuLy (non-empty), TrangThai (1-10) required, all
// strings; ChucDanh and PhongBanXuLy optional strings; NgayBatDau and NgayKetThucTheoQuyDinh "" or a
// date; unknown keys as for records.
//
// The order of checks fixes which problem is reported first: the object itself, then the required
// keys in the order listed above, then every key in the order received (depth first).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace motcua::provincial {

using Json = nlohmann::ordered_json;  // key order kept: records are stored and returned as received

inline constexpr int kMaxDepth = 8;  // nesting levels below a record or step

// The first thing wrong with a record or step.
struct FieldProblem {
  std::string field;    // national key path: "NgayHenTra", "TaiLieuNop[2].TenTepDinhKem"; "" = the
                        //   whole object
  std::string rule;     // stable key: "required", "not_a_string", "bad_date_format", ... (see above)
  std::string problem;  // Vietnamese, as the reply puts it after "trường <field> ": "phải là chuỗi"
};

std::optional<FieldProblem> ValidateRecord(const Json& record);
std::optional<FieldProblem> ValidateStep(const Json& step);

// "" or 14 digits naming a real instant (exposed for the unit tests). `allow_empty` false: "" is
// refused as "empty".
std::optional<FieldProblem> CheckDate(std::string_view text, std::string_view field, bool allow_empty);

// Code points in valid UTF-8 text.
std::size_t CountCodePoints(std::string_view utf8);

}  // namespace motcua::provincial
