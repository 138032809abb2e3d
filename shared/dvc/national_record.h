// A dossier in the national sync shape (one DongBoHoSoMC item, domain.md §4.2), read from and written
// to JSON. This is the record the provincial system sends to the Cổng DVCQG and the record the 766
// scorer (indicators/scorer.h) reads.
//
// Names. The JSON keys are the national field names, spelled exactly as the contract spells them
// (MaHoSo, NgayHenTra, TaiLieuNop, ...). The C++ fields are English snake_case; each field's comment
// gives its national key, and kNationalRecordFields below is the two-way mapping table. PascalCase
// Vietnamese names appear only here, in shared/dvc/ (style.md §6).
//
// Time. National dates are `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh time (UTC+7, no DST; OpenCPS
// convertDate2String, Thanh Hóa ToString("yyyyMMddHHmmss")). They are held here as UTC `Instant`s
// (second precision); an absent date is std::nullopt.
//
// Reading is liberal, writing is strict (the sync partners are many and inconsistent):
//   - null and "" mean "absent" for every scalar;
//   - codes and flags (TrangThaiHoSo, KenhThucHien, HinhThuc, LoaiDoiTuong, DuocSoHoa, ...) may come
//     as integers, digit strings ("2"), or booleans for flags; Gia may be a number or a numeric string;
//   - dates may be yyyyMMddHHmmss, yyyyMMddHHmm, yyyyMMdd, "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"
//     or "yyyy-MM-dd" (all Vietnam time), as a string or a 14-digit integer;
//   - a string field given a number keeps the number's text (MaTTHC 1.005129 → "1.005129");
//   - unknown keys are ignored; the top level is an array of records, or an object whose "data" key
//     holds that array (the DongBoHoSoMC request body);
//   - a UTF-8 byte order mark before the text is skipped, and a NUL byte ends the text (a file written
//     from a C string, or padded with zeros);
//   - everything else must be JSON (RFC 8259), unknown keys' values included.
// Writing emits every known field in a fixed order: codes and flags as integers, dates as
// yyyyMMddHHmmss strings or null, arrays possibly empty, and the motcua_local object only when the
// record has one (and WriteOptions allow it).
//
// Local extension ("motcua_local"). Facts a local system knows that feed the 766 scores but have no
// field in the sync schema (domain.md §8: "No such field exists in the DongBoHoSoMC schema"). They are
// kept in one object under the key "motcua_local", with snake_case keys so that nobody mistakes them
// for national fields, and are never sent to the national portal:
//   unit_code                (string) the processing unit in the local organisation chart; the
//                            scorer groups by it ("--by unit"), falling back to DonViXuLy
//   synced                   (0/1)    the record has reached the Cổng DVCQG (766 indicator 1.4)
//   synced_on_time           (0/1)    every progress step was synced on time (1.4, 2026 wording)
//   rating_unsatisfied       (0/1)    the applicant rated the service "không hài lòng" (5.4)
//   has_pakn                 (0/1)    a complaint / petition (PAKN) concerns this dossier (5.4)
//   result_in_citizen_store  (0/1)    the electronic result links were synced to the applicant's
//                            store on the Cổng DVCQG (4.4)
//
// Errors (all kInvalid, `field` names the record index and the national key, nested arrays by index,
// e.g. "[12].NgayHenTra", "[3].TaiLieuNop[0].DuocSoHoa", "[7].motcua_local.has_pakn"). The first
// error in the text's order is the one returned:
//   "bad_json"       the text is not JSON. `field` is the record it is in ("[12]"; the next record's
//                    index between records, e.g. a text cut off after 12 records gives "[12]"; "" outside
//                    the list of records). `detail` gives the byte offset ("not valid JSON at byte N"):
//                    where the token that is not JSON starts (a string with a bad escape: its opening
//                    quote; a missing comma: the token found instead; invalid UTF-8: its first byte),
//                    or the text's length when the text ends too early. Offsets count from the start
//                    of the caller's text, a byte order mark included. Arrays and objects nested
//                    deeper than 1000 levels (the top level is level 1; only possible inside unknown
//                    keys) are bad_json too.
//   "not_an_array"   the top level is neither an array nor an object with a "data" array
//   "not_an_object"  a record or an array item is not an object
//   "bad_type"       a value of the wrong JSON type (an object where a date is expected, ...)
//   "bad_date"       a date that is malformed or impossible (20260230..., 24:00)
//   "bad_code"       a code that is not an integer, or outside its table (TrangThaiHoSo 1-10,
//                    KenhThucHien 1-3, HinhThuc 0-1)
//   "bad_number"     Gia that is not a finite number >= 0
//   "required"       MaHoSo missing or empty
//   "too_large"      the text is 4 GiB or more (simdjson's limit): split it (about 2.9 million
//                    records in the writer's form)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::dvc {

// TrangThaiHoSo (domain.md §4.3; "quy định bởi Cổng DVC Quốc gia").
enum class NationalStatus : std::int8_t {
  kUnknown = 0,                 // absent in the input
  kRegistered = 1,              // Mới đăng ký
  kReceived = 2,                // Được tiếp nhận
  kNotReceived = 3,             // Không được tiếp nhận
  kProcessing = 4,              // Đang xử lý
  kSupplementRequested = 5,     // Yêu cầu bổ sung giấy tờ
  kFinancialObligation = 6,     // Yêu cầu thực hiện nghĩa vụ tài chính
  kWithdrawalRequested = 7,     // Công dân yêu cầu rút hồ sơ
  kStopped = 8,                 // Dừng xử lý
  kProcessed = 9,               // Đã xử lý xong
  kReturned = 10,               // Đã trả kết quả
};

// KenhThucHien (domain.md §4.3). The 766 formula counts an absent channel as direct (3.3).
enum class Channel : std::int8_t {
  kUnknown = 0,  // absent
  kDirect = 1,   // Trực tiếp
  kOnline = 2,   // Trực tuyến
  kPostal = 3,   // Qua bưu chính công ích
};

// One TaiLieuNop item: a submitted dossier component and its digitization record (domain.md §3).
struct SubmittedDocument {
  std::string attachment_id;          // TepDinhKemId
  std::string name;                   // TenTepDinhKem
  std::string component_code;         // MaThanhPhanHoSo
  std::string file_url;               // DuongDanTaiTepTin: a downloadable URL; "" = no file
  bool is_deleted = false;            // IsDeleted
  bool digitized = false;             // DuocSoHoa == 1
  int reuse = 0;                      // DuocTaiSuDung: 0 not reused, 1 reused, 2 reused and replaced
                                      //   by an earlier result (Thanh Hóa's values)
  bool from_citizen_store = false;    // DuocLayTuKhoDMQG == 1: taken from the applicant's store
  std::string replacing_result_code;  // MaKetQuaThayThe
};

// One DanhSachLePhi item.
struct FeeLine {
  std::string name;              // TenPhiLePhi
  std::string code;              // MaPhiLePhi
  int collection_point = 0;      // HinhThucThu: 1 reception, 2 supplement, 4 result (one ministry
                                 //   API; UNVERIFIED for the adapter); 0 = absent
  std::int64_t amount_vnd = 0;   // Gia, whole đồng (a fractional input is rounded)
  int kind = 0;                  // LoaiPhiLePhi: 1 = normal fee; 0 = absent
};

// One DanhSachHoSoBoSung item: a supplement request (Mẫu 02) and, once answered, its receipt.
struct SupplementRequest {
  std::string id;                         // HoSoBoSungId
  std::string requested_by;               // NguoiYeuCauBoSung
  std::string content;                    // NoiDungBoSung
  std::optional<Instant> requested_at;    // NgayBoSung
  std::string received_by;                // NguoiTiepNhanBoSung
  std::string receipt_info;               // ThongTinTiepNhan
  std::optional<Instant> answered_at;     // NgayTiepNhanBoSung: the supplement was received back;
                                          //   absent while the request is pending
  std::string status;                     // TrangThaiBoSung, verbatim (its code table is NOT FOUND)
  std::optional<Instant> due_before;      // NgayHenTraTruoc
  std::optional<Instant> due_after;       // NgayHenTraMoi
};

// One DanhSachGiayToKetQua item: a result document.
struct ResultDocument {
  std::string name;            // TenGiayTo
  std::string component_code;  // MaThanhPhanHoSo
  std::string document_id;     // GiayToId
  std::string file_url;        // DuongDanTepTinKetQua: the electronic result; "" = none
  std::string result_code;     // MaGiayToKetQua (Thanh Hóa fills it from the TTHC's MaKetQuaChinh)
};

// The "motcua_local" extension object (see the file comment). Not part of the national contract.
struct LocalFacts {
  std::string unit_code;                 // unit_code: local processing unit ("" = use DonViXuLy)
  std::optional<bool> synced;            // synced: nullopt = not known locally
  std::optional<bool> synced_on_time;    // synced_on_time: nullopt = not known locally
  bool rating_unsatisfied = false;       // rating_unsatisfied: rated "không hài lòng"
  bool has_pakn = false;                 // has_pakn: a PAKN concerns this dossier
  bool result_in_citizen_store = false;  // result_in_citizen_store
};

struct NationalRecord {
  // Identity and catalogue.
  std::string dossier_code;     // MaHoSo (required, non-empty)
  std::string procedure_code;   // MaTTHC, e.g. "1.005129"
  std::string procedure_name;   // TenTTHC
  std::string field_code;       // MaLinhVuc
  std::string field_name;       // TenLinhVuc
  // Applicant.
  std::string applicant_name;       // ChuHoSo
  int applicant_kind = 0;           // LoaiDoiTuong: 1 công dân, 2 doanh nghiệp (OpenCPS); Thanh Hóa
                                    //   adds 3 cơ quan nhà nước, 4 tổ chức / khác; 0 = absent
  std::string applicant_id_number;  // SoGiayToChuHoSo
  std::string summary;              // TrichYeuHoSo: what the dossier asks for (trích yếu)
  // Dates (UTC instants; Vietnam time on the wire).
  std::optional<Instant> submitted_at;  // NgayNopHoSo
  std::optional<Instant> received_at;   // NgayTiepNhan
  std::optional<Instant> due_at;        // NgayHenTra (as synced: an apology date counts only if re-synced)
  std::optional<Instant> processed_at;  // NgayKetThucXuLy: end of processing ("Đã xử lý xong")
  std::optional<Instant> returned_at;   // NgayTra: result handed over ("Đã trả kết quả")
  std::optional<Instant> refused_at;    // NgayTuChoi
  // Status and channel.
  NationalStatus status = NationalStatus::kUnknown;  // TrangThaiHoSo
  Channel channel = Channel::kUnknown;               // KenhThucHien
  int result_delivery = -1;         // HinhThuc: 0 at the counter, 1 via bưu chính công ích; -1 absent
  std::string processing_unit;      // DonViXuLy
  // Flags.
  bool has_digitized_components = false;  // HoSoCoThanhPhanSoHoa == 1
  bool vneid_authenticated = false;       // TaiKhoanDuocXacThucVoiVNeID == 1
  int online_payment = 0;                 // DuocThanhToanTrucTuyen: 1 paid on the Cổng DVCQG, 2 via the
                                          //   ministry/province gateway, 3 other (Thanh Hóa; UNVERIFIED);
                                          //   0 = not paid online / absent
  std::vector<std::string> connected_databases;  // DSKetNoiCSDL[].MaCSDL
  // Arrays.
  std::vector<SubmittedDocument> documents;      // TaiLieuNop
  std::vector<FeeLine> fees;                     // DanhSachLePhi
  std::vector<SupplementRequest> supplements;    // DanhSachHoSoBoSung
  std::vector<ResultDocument> results;           // DanhSachGiayToKetQua
  // Local extension.
  std::optional<LocalFacts> local;               // motcua_local; nullopt when the input had none

  // The unit the record belongs to for grouping: local->unit_code if set, else processing_unit.
  const std::string& UnitKey() const {
    return local && !local->unit_code.empty() ? local->unit_code : processing_unit;
  }
};

// One row of the two-way mapping table: national key ↔ C++ field, for documentation, error messages
// and the sync engineer's column mapping. Top-level scalar and array keys only.
struct FieldMapping {
  const char* national_key;  // "NgayHenTra"
  const char* core_field;    // "due_at"
};
extern const FieldMapping kNationalRecordFields[];
extern const std::size_t kNationalRecordFieldCount;

struct ParseOptions {
  bool normalize_text = true;  // NFC-normalise display names (TenTTHC, ChuHoSo, ...) (default: true;
                               //   style: everything entering the core is NFC; ASCII is skipped fast)
};

// Parses a JSON array of records (or {"data":[...]}) with simdjson's On-Demand reader (no DOM). The
// text is copied once into a padded buffer (simdjson reads past the end of its input) and indexed
// (4 bytes per structural character): while it runs, the parse needs about 1.4 times the text's size
// on top of the records (1,000,000 records, a 1.46 GB text: 2.0 GB; peak RSS 5.3 GB with the text and
// the result). Errors: see the file comment; the first error stops the parse and nothing is returned.
Result<std::vector<NationalRecord>> ParseNationalRecords(std::string_view json, const ParseOptions& options = {});
// Parses one record object; errors name the field without an index ("NgayHenTra").
Result<NationalRecord> ParseNationalRecord(std::string_view json, const ParseOptions& options = {});

struct WriteOptions {
  bool include_local = true;  // emit "motcua_local" when present (default: true; false for the portal)
  bool pretty = false;        // one record per line (default: false, compact)
};
std::string WriteNationalRecords(const std::vector<NationalRecord>& records, const WriteOptions& options = {});
std::string WriteNationalRecord(const NationalRecord& record, const WriteOptions& options = {});
// Appends one record to `out` (for writers that stream millions of records).
void AppendNationalRecord(std::string& out, const NationalRecord& record, const WriteOptions& options = {});

// Appends `text` as a JSON string literal: quotes, escapes for '"', '\\' and control characters,
// UTF-8 passed through as it is (for writers of national JSON: this file's, sync/wire.h).
void AppendJsonString(std::string& out, std::string_view text);

// yyyyMMddHHmmss (Vietnam time) for an instant; the inverse of the date parsing above.
std::string FormatNationalDate(Instant at);
// Parses one national date in any of the accepted forms. Errors: kInvalid/"bad_date" on `field`.
Result<Instant> ParseNationalDate(std::string_view text, std::string_view field);

}  // namespace motcua::dvc
