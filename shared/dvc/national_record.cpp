#include "dvc/national_record.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::dvc {

const FieldMapping kNationalRecordFields[] = {
    {"MaHoSo", "dossier_code"},
    {"MaTTHC", "procedure_code"},
    {"TenTTHC", "procedure_name"},
    {"MaLinhVuc", "field_code"},
    {"TenLinhVuc", "field_name"},
    {"ChuHoSo", "applicant_name"},
    {"LoaiDoiTuong", "applicant_kind"},
    {"SoGiayToChuHoSo", "applicant_id_number"},
    {"TrichYeuHoSo", "summary"},
    {"NgayNopHoSo", "submitted_at"},
    {"NgayTiepNhan", "received_at"},
    {"NgayHenTra", "due_at"},
    {"NgayKetThucXuLy", "processed_at"},
    {"NgayTra", "returned_at"},
    {"NgayTuChoi", "refused_at"},
    {"TrangThaiHoSo", "status"},
    {"KenhThucHien", "channel"},
    {"HinhThuc", "result_delivery"},
    {"DonViXuLy", "processing_unit"},
    {"HoSoCoThanhPhanSoHoa", "has_digitized_components"},
    {"TaiKhoanDuocXacThucVoiVNeID", "vneid_authenticated"},
    {"DuocThanhToanTrucTuyen", "online_payment"},
    {"DSKetNoiCSDL", "connected_databases"},
    {"TaiLieuNop", "documents"},
    {"DanhSachLePhi", "fees"},
    {"DanhSachHoSoBoSung", "supplements"},
    {"DanhSachGiayToKetQua", "results"},
    {"motcua_local", "local"},
};
const std::size_t kNationalRecordFieldCount = sizeof(kNationalRecordFields) / sizeof(kNationalRecordFields[0]);

namespace {

using namespace std::chrono;

// ---------------------------------------------------------------------------------------------
// Dates.

bool Digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  const std::optional<int> v = ParseDigits<int>(s.substr(pos, n));
  if (v) out = *v;
  return v.has_value();
}

// Fills `out` from one of the accepted forms (file comment of the header); false if malformed.
bool ParseDateText(std::string_view s, Instant& out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  bool ok = false;
  switch (s.size()) {
    case 14:
      ok = Digits(s, 0, 4, y) && Digits(s, 4, 2, mo) && Digits(s, 6, 2, d) && Digits(s, 8, 2, h) &&
           Digits(s, 10, 2, mi) && Digits(s, 12, 2, sec);
      break;
    case 12:
      ok = Digits(s, 0, 4, y) && Digits(s, 4, 2, mo) && Digits(s, 6, 2, d) && Digits(s, 8, 2, h) &&
           Digits(s, 10, 2, mi);
      break;
    case 8:
      ok = Digits(s, 0, 4, y) && Digits(s, 4, 2, mo) && Digits(s, 6, 2, d);
      break;
    case 19:
    case 16:
    case 10:
      ok = Digits(s, 0, 4, y) && s[4] == '-' && Digits(s, 5, 2, mo) && s[7] == '-' && Digits(s, 8, 2, d);
      if (ok && s.size() >= 16)
        ok = (s[10] == ' ' || s[10] == 'T') && Digits(s, 11, 2, h) && s[13] == ':' && Digits(s, 14, 2, mi);
      if (ok && s.size() == 19) ok = s[16] == ':' && Digits(s, 17, 2, sec);
      break;
    default:
      return false;
  }
  if (!ok || h > 23 || mi > 59 || sec > 59) return false;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok()) return false;
  out = Instant{sys_days{ymd}.time_since_epoch() + hours{h} + minutes{mi} + seconds{sec} - kVietnamUtcOffset};
  return true;
}

// ---------------------------------------------------------------------------------------------
// Keys.

enum class Key : std::uint8_t {
  kUnknown,
  // record
  kMaHoSo, kMaTTHC, kTenTTHC, kMaLinhVuc, kTenLinhVuc, kChuHoSo, kLoaiDoiTuong, kSoGiayToChuHoSo,
  kTrichYeuHoSo, kNgayNopHoSo, kNgayTiepNhan, kNgayHenTra, kNgayKetThucXuLy, kNgayTra, kNgayTuChoi, kTrangThaiHoSo,
  kKenhThucHien, kHinhThuc, kDonViXuLy, kHoSoCoThanhPhanSoHoa, kTaiKhoanDuocXacThucVoiVNeID,
  kDuocThanhToanTrucTuyen, kDSKetNoiCSDL, kTaiLieuNop, kDanhSachLePhi, kDanhSachHoSoBoSung,
  kDanhSachGiayToKetQua, kMotcuaLocal,
  // TaiLieuNop
  kTepDinhKemId, kTenTepDinhKem, kIsDeleted, kMaThanhPhanHoSo, kDuongDanTaiTepTin, kDuocSoHoa,
  kDuocTaiSuDung, kDuocLayTuKhoDMQG, kMaKetQuaThayThe,
  // DanhSachLePhi
  kTenPhiLePhi, kMaPhiLePhi, kHinhThucThu, kGia, kLoaiPhiLePhi,
  // DanhSachHoSoBoSung
  kHoSoBoSungId, kNguoiYeuCauBoSung, kNoiDungBoSung, kNgayBoSung, kNguoiTiepNhanBoSung, kThongTinTiepNhan,
  kNgayTiepNhanBoSung, kTrangThaiBoSung, kNgayHenTraTruoc, kNgayHenTraMoi,
  // DanhSachGiayToKetQua
  kTenGiayTo, kGiayToId, kDuongDanTepTinKetQua, kMaGiayToKetQua,
  // DSKetNoiCSDL
  kMaCSDL,
  // motcua_local
  kUnitCode, kSynced, kSyncedOnTime, kRatingUnsatisfied, kHasPakn, kResultInCitizenStore,
  // wrapper
  kData,
};

const std::unordered_map<std::string_view, Key>& KeyTable() {
  static const std::unordered_map<std::string_view, Key> table = {
      {"MaHoSo", Key::kMaHoSo}, {"MaTTHC", Key::kMaTTHC}, {"TenTTHC", Key::kTenTTHC},
      {"MaLinhVuc", Key::kMaLinhVuc}, {"TenLinhVuc", Key::kTenLinhVuc}, {"ChuHoSo", Key::kChuHoSo},
      {"LoaiDoiTuong", Key::kLoaiDoiTuong}, {"SoGiayToChuHoSo", Key::kSoGiayToChuHoSo},
      {"TrichYeuHoSo", Key::kTrichYeuHoSo},
      {"NgayNopHoSo", Key::kNgayNopHoSo}, {"NgayTiepNhan", Key::kNgayTiepNhan},
      {"NgayHenTra", Key::kNgayHenTra}, {"NgayKetThucXuLy", Key::kNgayKetThucXuLy},
      {"NgayTra", Key::kNgayTra}, {"NgayTuChoi", Key::kNgayTuChoi}, {"TrangThaiHoSo", Key::kTrangThaiHoSo},
      {"KenhThucHien", Key::kKenhThucHien}, {"HinhThuc", Key::kHinhThuc}, {"DonViXuLy", Key::kDonViXuLy},
      {"HoSoCoThanhPhanSoHoa", Key::kHoSoCoThanhPhanSoHoa},
      {"TaiKhoanDuocXacThucVoiVNeID", Key::kTaiKhoanDuocXacThucVoiVNeID},
      {"DuocThanhToanTrucTuyen", Key::kDuocThanhToanTrucTuyen}, {"DSKetNoiCSDL", Key::kDSKetNoiCSDL},
      {"TaiLieuNop", Key::kTaiLieuNop}, {"DanhSachLePhi", Key::kDanhSachLePhi},
      {"DanhSachHoSoBoSung", Key::kDanhSachHoSoBoSung}, {"DanhSachGiayToKetQua", Key::kDanhSachGiayToKetQua},
      {"motcua_local", Key::kMotcuaLocal},
      {"TepDinhKemId", Key::kTepDinhKemId}, {"TenTepDinhKem", Key::kTenTepDinhKem},
      {"IsDeleted", Key::kIsDeleted}, {"MaThanhPhanHoSo", Key::kMaThanhPhanHoSo},
      {"DuongDanTaiTepTin", Key::kDuongDanTaiTepTin}, {"DuocSoHoa", Key::kDuocSoHoa},
      {"DuocTaiSuDung", Key::kDuocTaiSuDung}, {"DuocLayTuKhoDMQG", Key::kDuocLayTuKhoDMQG},
      {"MaKetQuaThayThe", Key::kMaKetQuaThayThe},
      {"TenPhiLePhi", Key::kTenPhiLePhi}, {"MaPhiLePhi", Key::kMaPhiLePhi}, {"HinhThucThu", Key::kHinhThucThu},
      {"Gia", Key::kGia}, {"LoaiPhiLePhi", Key::kLoaiPhiLePhi},
      {"HoSoBoSungId", Key::kHoSoBoSungId}, {"NguoiYeuCauBoSung", Key::kNguoiYeuCauBoSung},
      {"NoiDungBoSung", Key::kNoiDungBoSung}, {"NgayBoSung", Key::kNgayBoSung},
      {"NguoiTiepNhanBoSung", Key::kNguoiTiepNhanBoSung}, {"ThongTinTiepNhan", Key::kThongTinTiepNhan},
      {"NgayTiepNhanBoSung", Key::kNgayTiepNhanBoSung}, {"TrangThaiBoSung", Key::kTrangThaiBoSung},
      {"NgayHenTraTruoc", Key::kNgayHenTraTruoc}, {"NgayHenTraMoi", Key::kNgayHenTraMoi},
      {"TenGiayTo", Key::kTenGiayTo}, {"GiayToId", Key::kGiayToId},
      {"DuongDanTepTinKetQua", Key::kDuongDanTepTinKetQua}, {"MaGiayToKetQua", Key::kMaGiayToKetQua},
      {"MaCSDL", Key::kMaCSDL},
      {"unit_code", Key::kUnitCode}, {"synced", Key::kSynced}, {"synced_on_time", Key::kSyncedOnTime},
      {"rating_unsatisfied", Key::kRatingUnsatisfied}, {"has_pakn", Key::kHasPakn},
      {"result_in_citizen_store", Key::kResultInCitizenStore},
      {"data", Key::kData},
  };
  return table;
}

Key LookupKey(std::string_view name) {
  const auto& table = KeyTable();
  auto it = table.find(name);
  return it == table.end() ? Key::kUnknown : it->second;
}

// ---------------------------------------------------------------------------------------------
// The streaming reader.

using Json = nlohmann::json;

struct Scalar {
  enum Kind { kNull, kBool, kInt, kUint, kFloat, kString } kind = kNull;
  bool b = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double f = 0;
  std::string* s = nullptr;          // kString: the parser's buffer, may be moved from
  const std::string* raw = nullptr;  // kFloat: the number's text
};

enum class Ctx : std::uint8_t {
  kRoot, kWrapper, kRecords, kRecord, kLocal, kDocs, kDoc, kFees, kFee, kSupps, kSupp, kResults, kResult,
  kDbs, kDb, kSkip,
};

struct Frame {
  Ctx ctx;
  Key key = Key::kUnknown;   // the key whose value comes next (object frames)
  std::string key_text;      // its text, for error messages
  int item = -1;             // array frames: index of the current item
};

class RecordReader {
 public:
  RecordReader(std::vector<NationalRecord>& out, const ParseOptions& options, bool single)
      : out_(out), options_(options), single_(single) {
    stack_.reserve(8);
    stack_.push_back(Frame{single ? Ctx::kRecords : Ctx::kRoot});
  }

  std::optional<Error> error;
  bool saw_records = false;

  // nlohmann SAX interface.
  bool null() { return OnScalar(Scalar{Scalar::kNull}); }
  bool boolean(bool v) {
    Scalar s{Scalar::kBool};
    s.b = v;
    return OnScalar(s);
  }
  bool number_integer(std::int64_t v) {
    Scalar s{Scalar::kInt};
    s.i = v;
    return OnScalar(s);
  }
  bool number_unsigned(std::uint64_t v) {
    Scalar s{Scalar::kUint};
    s.u = v;
    return OnScalar(s);
  }
  bool number_float(double v, const std::string& raw) {
    Scalar s{Scalar::kFloat};
    s.f = v;
    s.raw = &raw;
    return OnScalar(s);
  }
  bool string(std::string& v) {
    Scalar s{Scalar::kString};
    s.s = &v;
    return OnScalar(s);
  }
  bool binary(Json::binary_t&) { return Fail("", "bad_type", "binary values are not JSON text"); }

  bool key(std::string& k) {
    Frame& f = stack_.back();
    if (f.ctx == Ctx::kSkip) return true;
    f.key = LookupKey(k);
    f.key_text = k;
    return true;
  }

  bool start_object(std::size_t) {
    Frame& f = stack_.back();
    switch (f.ctx) {
      case Ctx::kSkip: ++skip_depth_; return true;
      case Ctx::kRoot: stack_.push_back(Frame{Ctx::kWrapper}); return true;
      case Ctx::kRecords:
        out_.emplace_back();
        saw_records = true;
        ++f.item;
        stack_.push_back(Frame{Ctx::kRecord});
        return true;
      case Ctx::kDocs: return PushItem(f, Ctx::kDoc, [&] { Cur().documents.emplace_back(); });
      case Ctx::kFees: return PushItem(f, Ctx::kFee, [&] { Cur().fees.emplace_back(); });
      case Ctx::kSupps: return PushItem(f, Ctx::kSupp, [&] { Cur().supplements.emplace_back(); });
      case Ctx::kResults: return PushItem(f, Ctx::kResult, [&] { Cur().results.emplace_back(); });
      case Ctx::kDbs: return PushItem(f, Ctx::kDb, [] {});
      case Ctx::kRecord:
        if (f.key == Key::kMotcuaLocal) {
          Cur().local.emplace();
          stack_.push_back(Frame{Ctx::kLocal});
          return true;
        }
        return ContainerForKey(f);
      default:
        return ContainerForKey(f);
    }
  }

  bool end_object() {
    if (stack_.back().ctx == Ctx::kSkip) return EndSkip();
    if (stack_.back().ctx == Ctx::kRecord) {
      if (Cur().dossier_code.empty()) return Fail(Path("MaHoSo"), "required", "MaHoSo is missing or empty");
    }
    stack_.pop_back();
    return true;
  }

  bool start_array(std::size_t) {
    Frame& f = stack_.back();
    switch (f.ctx) {
      case Ctx::kSkip: ++skip_depth_; return true;
      case Ctx::kRoot:
        stack_.push_back(Frame{Ctx::kRecords});
        saw_records = true;
        return true;
      case Ctx::kWrapper:
        if (f.key == Key::kData) {
          stack_.push_back(Frame{Ctx::kRecords});
          saw_records = true;
          return true;
        }
        return Skip();
      case Ctx::kRecord:
        switch (f.key) {
          case Key::kTaiLieuNop: stack_.push_back(Frame{Ctx::kDocs}); return true;
          case Key::kDanhSachLePhi: stack_.push_back(Frame{Ctx::kFees}); return true;
          case Key::kDanhSachHoSoBoSung: stack_.push_back(Frame{Ctx::kSupps}); return true;
          case Key::kDanhSachGiayToKetQua: stack_.push_back(Frame{Ctx::kResults}); return true;
          case Key::kDSKetNoiCSDL: stack_.push_back(Frame{Ctx::kDbs}); return true;
          default: return ContainerForKey(f);
        }
      case Ctx::kRecords:
        return Fail(ItemPath(), "not_an_object", "each record must be a JSON object");
      case Ctx::kDocs:
      case Ctx::kFees:
      case Ctx::kSupps:
      case Ctx::kResults:
      case Ctx::kDbs:
        ++f.item;
        return Fail(ListItemPath(f), "not_an_object", "each item must be a JSON object");
      default:
        return ContainerForKey(f);
    }
  }

  bool end_array() {
    if (stack_.back().ctx == Ctx::kSkip) return EndSkip();
    stack_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) {
    if (!error) {
      std::string where = ItemPath();
      error = Invalid(where, "bad_json",
                      "not valid JSON at byte " + std::to_string(position) + " near \"" + last_token.substr(0, 40) +
                          "\": " + ex.what());
    }
    return false;
  }

 private:
  NationalRecord& Cur() { return out_.back(); }

  template <class F>
  bool PushItem(Frame& list, Ctx item_ctx, F&& make) {
    ++list.item;
    make();
    stack_.push_back(Frame{item_ctx});
    return true;
  }

  // A container where the key expects a scalar, or an unknown key.
  bool ContainerForKey(const Frame& f) {
    if (f.key == Key::kUnknown || f.ctx == Ctx::kWrapper) return Skip();
    const bool list = f.ctx == Ctx::kRecord &&
                      (f.key == Key::kTaiLieuNop || f.key == Key::kDanhSachLePhi || f.key == Key::kDanhSachHoSoBoSung ||
                       f.key == Key::kDanhSachGiayToKetQua || f.key == Key::kDSKetNoiCSDL);
    if (list) return Fail(Path(f.key_text), "bad_type", f.key_text + " must be an array");
    if (f.ctx == Ctx::kRecord && f.key == Key::kMotcuaLocal)
      return Fail(Path(f.key_text), "bad_type", f.key_text + " must be an object");
    return Fail(Path(f.key_text), "bad_type", f.key_text + " must be a scalar value, not an object or array");
  }

  bool Skip() {
    stack_.push_back(Frame{Ctx::kSkip});
    skip_depth_ = 1;
    return true;
  }
  bool EndSkip() {
    if (--skip_depth_ == 0) stack_.pop_back();
    return true;
  }

  bool Fail(std::string field, std::string rule, std::string detail) {
    if (!error) error = Invalid(std::move(field), std::move(rule), std::move(detail));
    return false;
  }

  // "[12]" for the current record (or "" when parsing a single record).
  // "[12]" for the record being read, or the next one when between records ("" for a single record).
  std::string ItemPath() const {
    if (single_) return "";
    bool in_list = false;
    for (const Frame& fr : stack_) {
      if (fr.ctx == Ctx::kRecord) return "[" + std::to_string(out_.size() - 1) + "]";
      if (fr.ctx == Ctx::kRecords) in_list = true;
    }
    return in_list ? "[" + std::to_string(out_.size()) + "]" : "";
  }
  std::string RecordPrefix() const {
    if (single_) return "";
    return "[" + std::to_string(out_.empty() ? 0 : out_.size() - 1) + "].";
  }
  static const char* ListName(Ctx ctx) {
    switch (ctx) {
      case Ctx::kDocs: case Ctx::kDoc: return "TaiLieuNop";
      case Ctx::kFees: case Ctx::kFee: return "DanhSachLePhi";
      case Ctx::kSupps: case Ctx::kSupp: return "DanhSachHoSoBoSung";
      case Ctx::kResults: case Ctx::kResult: return "DanhSachGiayToKetQua";
      case Ctx::kDbs: case Ctx::kDb: return "DSKetNoiCSDL";
      default: return "";
    }
  }
  std::string ListItemPath(const Frame& list) const {
    return RecordPrefix() + ListName(list.ctx) + "[" + std::to_string(list.item) + "]";
  }
  // Full path of `key` in the current frame.
  std::string Path(const std::string& key) const {
    const Frame& f = stack_.back();
    switch (f.ctx) {
      case Ctx::kRecord: return RecordPrefix() + key;
      case Ctx::kLocal: return RecordPrefix() + "motcua_local." + key;
      case Ctx::kDoc: case Ctx::kFee: case Ctx::kSupp: case Ctx::kResult: case Ctx::kDb:
        return ListItemPath(stack_[stack_.size() - 2]) + "." + key;
      case Ctx::kDocs: case Ctx::kFees: case Ctx::kSupps: case Ctx::kResults: case Ctx::kDbs: {
        return RecordPrefix() + ListName(f.ctx) + "[" + std::to_string(f.item) + "]";
      }
      default: return key;
    }
  }

  // --- scalar conversions (liberal reading) ---

  bool ToText(const Scalar& v, std::string& out, bool normalize) {
    switch (v.kind) {
      case Scalar::kNull: out.clear(); return true;
      case Scalar::kString:
        if (normalize && options_.normalize_text && !IsAscii(*v.s)) out = NormalizeNfc(*v.s);
        else out = std::move(*v.s);
        return true;
      case Scalar::kInt: out = std::to_string(v.i); return true;
      case Scalar::kUint: out = std::to_string(v.u); return true;
      case Scalar::kFloat: out = *v.raw; return true;
      case Scalar::kBool: break;
    }
    const Frame& f = stack_.back();
    return Fail(Path(f.key_text), "bad_type", f.key_text + " must be a string");
  }

  static bool IsAscii(const std::string& s) {
    for (unsigned char c : s)
      if (c >= 0x80) return false;
    return true;
  }

  bool ToDate(const Scalar& v, std::optional<Instant>& out) {
    const Frame& f = stack_.back();
    std::string text;
    switch (v.kind) {
      case Scalar::kNull: out.reset(); return true;
      case Scalar::kString: text = *v.s; break;
      case Scalar::kInt: text = std::to_string(v.i); break;
      case Scalar::kUint: text = std::to_string(v.u); break;
      default: return Fail(Path(f.key_text), "bad_type", f.key_text + " must be a date string yyyyMMddHHmmss");
    }
    std::string_view t = Trim(text);
    if (t.empty()) {
      out.reset();
      return true;
    }
    Instant at;
    if (!ParseDateText(t, at))
      return Fail(Path(f.key_text), "bad_date",
                  f.key_text + " must be a real date as yyyyMMddHHmmss (Vietnam time), got \"" + text + "\"");
    out = at;
    return true;
  }

  // An integer code; absent (null / "") gives `absent`.
  bool ToInt(const Scalar& v, int& out, int absent) {
    const Frame& f = stack_.back();
    auto bad = [&] { return Fail(Path(f.key_text), "bad_code", f.key_text + " must be an integer code"); };
    switch (v.kind) {
      case Scalar::kNull: out = absent; return true;
      case Scalar::kInt:
        if (v.i < -1000000 || v.i > 1000000) return bad();
        out = int(v.i);
        return true;
      case Scalar::kUint:
        if (v.u > 1000000) return bad();
        out = int(v.u);
        return true;
      case Scalar::kFloat:
        if (!(v.f == std::floor(v.f)) || std::fabs(v.f) > 1e6) return bad();
        out = int(v.f);
        return true;
      case Scalar::kString: {
        std::string_view t = Trim(*v.s);
        if (t.empty()) {
          out = absent;
          return true;
        }
        const std::optional<int> x = ParseDigits<int>(t, {.allow_minus = true});
        if (!x || *x < -1000000 || *x > 1000000) return bad();
        out = *x;
        return true;
      }
      case Scalar::kBool: return bad();
    }
    return bad();
  }

  bool ToFlag(const Scalar& v, bool& out) {
    if (v.kind == Scalar::kBool) {
      out = v.b;
      return true;
    }
    if (v.kind == Scalar::kString) {
      std::string_view t = Trim(*v.s);
      if (t == "true" || t == "True") { out = true; return true; }
      if (t == "false" || t == "False") { out = false; return true; }
    }
    int x = 0;
    if (!ToInt(v, x, 0)) return false;
    out = x != 0;
    return true;
  }

  bool ToOptFlag(const Scalar& v, std::optional<bool>& out) {
    if (v.kind == Scalar::kNull || (v.kind == Scalar::kString && Trim(*v.s).empty())) {
      out.reset();
      return true;
    }
    bool b = false;
    if (!ToFlag(v, b)) return false;
    out = b;
    return true;
  }

  bool ToCodeInRange(const Scalar& v, int lo, int hi, int& out, int absent) {
    int x = absent;
    if (!ToInt(v, x, absent)) return false;
    if (x != absent && (x < lo || x > hi)) {
      const Frame& f = stack_.back();
      return Fail(Path(f.key_text), "bad_code",
                  f.key_text + " must be in " + std::to_string(lo) + ".." + std::to_string(hi) + ", got " +
                      std::to_string(x));
    }
    out = x;
    return true;
  }

  bool ToAmount(const Scalar& v, std::int64_t& out) {
    const Frame& f = stack_.back();
    double x = 0;
    switch (v.kind) {
      case Scalar::kNull: out = 0; return true;
      case Scalar::kInt: x = double(v.i); if (v.i >= 0) { out = v.i; return true; } break;
      case Scalar::kUint:  // above INT64_MAX it would wrap to a negative amount
        if (v.u > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
          return Fail(Path(f.key_text), "bad_number", f.key_text + " is too large");
        out = std::int64_t(v.u);
        return true;
      case Scalar::kFloat: x = v.f; break;
      case Scalar::kString: {
        std::string_view t = Trim(*v.s);
        if (t.empty()) {
          out = 0;
          return true;
        }
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
        if (ec != std::errc() || p != t.data() + t.size())
          return Fail(Path(f.key_text), "bad_number", f.key_text + " must be a number, got \"" + *v.s + "\"");
        break;
      }
      case Scalar::kBool:
        return Fail(Path(f.key_text), "bad_number", f.key_text + " must be a number");
    }
    if (!std::isfinite(x) || x < 0 || x > 9e15)
      return Fail(Path(f.key_text), "bad_number", f.key_text + " must be a finite amount >= 0");
    out = std::llround(x);
    return true;
  }

  // --- dispatch ---

  bool OnScalar(const Scalar& v) {
    Frame& f = stack_.back();
    switch (f.ctx) {
      case Ctx::kSkip:
      case Ctx::kWrapper: return true;
      case Ctx::kRoot:
        return Fail("", "not_an_array", "the input must be a JSON array of dossier records");
      case Ctx::kRecords:
        ++f.item;
        return Fail(ItemPath(), "not_an_object", "each record must be a JSON object");
      case Ctx::kDocs: case Ctx::kFees: case Ctx::kSupps: case Ctx::kResults:
        ++f.item;
        if (v.kind == Scalar::kNull) return true;  // [null] items are tolerated and dropped
        return Fail(ListItemPath(f), "not_an_object", "each item must be a JSON object");
      case Ctx::kDbs:
        // Liberal: ["7"] as well as [{"MaCSDL":"7"}].
        ++f.item;
        if (v.kind == Scalar::kNull) return true;
        {
          std::string code;
          f.key_text = "MaCSDL";
          if (!ToText(v, code, false)) return false;
          if (!code.empty()) Cur().connected_databases.push_back(std::move(code));
        }
        return true;
      case Ctx::kRecord: return RecordScalar(f.key, v);
      case Ctx::kLocal: return LocalScalar(f.key, v);
      case Ctx::kDoc: return DocScalar(f.key, v);
      case Ctx::kFee: return FeeScalar(f.key, v);
      case Ctx::kSupp: return SuppScalar(f.key, v);
      case Ctx::kResult: return ResultScalar(f.key, v);
      case Ctx::kDb:
        if (f.key == Key::kMaCSDL) {
          std::string code;
          if (!ToText(v, code, false)) return false;
          if (!code.empty()) Cur().connected_databases.push_back(std::move(code));
        }
        return true;
    }
    return true;
  }

  bool RecordScalar(Key k, const Scalar& v) {
    NationalRecord& r = Cur();
    switch (k) {
      case Key::kMaHoSo: return ToText(v, r.dossier_code, false) && TrimInPlace(r.dossier_code);
      case Key::kMaTTHC: return ToText(v, r.procedure_code, false) && TrimInPlace(r.procedure_code);
      case Key::kTenTTHC: return ToText(v, r.procedure_name, true);
      case Key::kMaLinhVuc: return ToText(v, r.field_code, false);
      case Key::kTenLinhVuc: return ToText(v, r.field_name, true);
      case Key::kChuHoSo: return ToText(v, r.applicant_name, true);
      case Key::kLoaiDoiTuong: return ToInt(v, r.applicant_kind, 0);
      case Key::kSoGiayToChuHoSo: return ToText(v, r.applicant_id_number, false);
      case Key::kTrichYeuHoSo: return ToText(v, r.summary, true);
      case Key::kNgayNopHoSo: return ToDate(v, r.submitted_at);
      case Key::kNgayTiepNhan: return ToDate(v, r.received_at);
      case Key::kNgayHenTra: return ToDate(v, r.due_at);
      case Key::kNgayKetThucXuLy: return ToDate(v, r.processed_at);
      case Key::kNgayTra: return ToDate(v, r.returned_at);
      case Key::kNgayTuChoi: return ToDate(v, r.refused_at);
      case Key::kTrangThaiHoSo: {
        int x = 0;
        if (!ToCodeInRange(v, 1, 10, x, 0)) return false;
        r.status = NationalStatus(x);
        return true;
      }
      case Key::kKenhThucHien: {
        int x = 0;
        if (!ToCodeInRange(v, 1, 3, x, 0)) return false;
        r.channel = Channel(x);
        return true;
      }
      case Key::kHinhThuc: return ToCodeInRange(v, 0, 1, r.result_delivery, -1);
      case Key::kDonViXuLy: return ToText(v, r.processing_unit, true);
      case Key::kHoSoCoThanhPhanSoHoa: return ToFlag(v, r.has_digitized_components);
      case Key::kTaiKhoanDuocXacThucVoiVNeID: return ToFlag(v, r.vneid_authenticated);
      case Key::kDuocThanhToanTrucTuyen: return ToInt(v, r.online_payment, 0);
      case Key::kTaiLieuNop: case Key::kDanhSachLePhi: case Key::kDanhSachHoSoBoSung:
      case Key::kDanhSachGiayToKetQua: case Key::kDSKetNoiCSDL: case Key::kMotcuaLocal:
        if (v.kind == Scalar::kNull) return true;  // null list = empty list
        return Fail(Path(stack_.back().key_text), "bad_type",
                    stack_.back().key_text + (k == Key::kMotcuaLocal ? " must be an object" : " must be an array"));
      default: return true;  // unknown keys are ignored
    }
  }

  bool LocalScalar(Key k, const Scalar& v) {
    LocalFacts& l = *Cur().local;
    switch (k) {
      case Key::kUnitCode: return ToText(v, l.unit_code, false);
      case Key::kSynced: return ToOptFlag(v, l.synced);
      case Key::kSyncedOnTime: return ToOptFlag(v, l.synced_on_time);
      case Key::kRatingUnsatisfied: return ToFlag(v, l.rating_unsatisfied);
      case Key::kHasPakn: return ToFlag(v, l.has_pakn);
      case Key::kResultInCitizenStore: return ToFlag(v, l.result_in_citizen_store);
      default: return true;
    }
  }

  bool DocScalar(Key k, const Scalar& v) {
    SubmittedDocument& d = Cur().documents.back();
    switch (k) {
      case Key::kTepDinhKemId: return ToText(v, d.attachment_id, false);
      case Key::kTenTepDinhKem: return ToText(v, d.name, true);
      case Key::kIsDeleted: return ToFlag(v, d.is_deleted);
      case Key::kMaThanhPhanHoSo: return ToText(v, d.component_code, false);
      case Key::kDuongDanTaiTepTin: return ToText(v, d.file_url, false) && TrimInPlace(d.file_url);
      case Key::kDuocSoHoa: return ToFlag(v, d.digitized);
      case Key::kDuocTaiSuDung: return ToInt(v, d.reuse, 0);
      case Key::kDuocLayTuKhoDMQG: return ToFlag(v, d.from_citizen_store);
      case Key::kMaKetQuaThayThe: return ToText(v, d.replacing_result_code, false);
      default: return true;
    }
  }

  bool FeeScalar(Key k, const Scalar& v) {
    FeeLine& fee = Cur().fees.back();
    switch (k) {
      case Key::kTenPhiLePhi: return ToText(v, fee.name, true);
      case Key::kMaPhiLePhi: return ToText(v, fee.code, false);
      case Key::kHinhThucThu: return ToInt(v, fee.collection_point, 0);
      case Key::kGia: return ToAmount(v, fee.amount_vnd);
      case Key::kLoaiPhiLePhi: return ToInt(v, fee.kind, 0);
      default: return true;
    }
  }

  bool SuppScalar(Key k, const Scalar& v) {
    SupplementRequest& s = Cur().supplements.back();
    switch (k) {
      case Key::kHoSoBoSungId: return ToText(v, s.id, false);
      case Key::kNguoiYeuCauBoSung: return ToText(v, s.requested_by, true);
      case Key::kNoiDungBoSung: return ToText(v, s.content, true);
      case Key::kNgayBoSung: return ToDate(v, s.requested_at);
      case Key::kNguoiTiepNhanBoSung: return ToText(v, s.received_by, true);
      case Key::kThongTinTiepNhan: return ToText(v, s.receipt_info, true);
      case Key::kNgayTiepNhanBoSung: return ToDate(v, s.answered_at);
      case Key::kTrangThaiBoSung: return ToText(v, s.status, false);
      case Key::kNgayHenTraTruoc: return ToDate(v, s.due_before);
      case Key::kNgayHenTraMoi: return ToDate(v, s.due_after);
      default: return true;
    }
  }

  bool ResultScalar(Key k, const Scalar& v) {
    ResultDocument& d = Cur().results.back();
    switch (k) {
      case Key::kTenGiayTo: return ToText(v, d.name, true);
      case Key::kMaThanhPhanHoSo: return ToText(v, d.component_code, false);
      case Key::kGiayToId: return ToText(v, d.document_id, false);
      case Key::kDuongDanTepTinKetQua: return ToText(v, d.file_url, false) && TrimInPlace(d.file_url);
      case Key::kMaGiayToKetQua: return ToText(v, d.result_code, false);
      default: return true;
    }
  }

  static bool TrimInPlace(std::string& s) {
    std::string_view t = Trim(s);
    if (t.size() != s.size()) s = std::string(t);
    return true;
  }

  std::vector<NationalRecord>& out_;
  const ParseOptions& options_;
  bool single_;
  std::vector<Frame> stack_;
  int skip_depth_ = 0;
};

Result<std::vector<NationalRecord>> Parse(std::string_view json, const ParseOptions& options, bool single) {
  std::vector<NationalRecord> records;
  RecordReader reader(records, options, single);
  if (single) records.reserve(1);
  bool ok = false;
  try {
    ok = Json::sax_parse(json.begin(), json.end(), &reader);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    return Invalid("", "bad_json", std::string("not valid JSON: ") + e.what());
  }
  if (reader.error) return *reader.error;
  if (!ok) return Invalid("", "bad_json", "not valid JSON");
  if (!reader.saw_records)
    return Invalid("", "not_an_array", "the input must be a JSON array of dossier records (or {\"data\":[...]})");
  return records;
}

// ---------------------------------------------------------------------------------------------
// Writing.


void AppendDate(std::string& out, const std::optional<Instant>& at) {
  if (!at) {
    out += "null";
    return;
  }
  out.push_back('"');
  out += FormatNationalDate(*at);
  out.push_back('"');
}

struct ObjectWriter {
  std::string& out;
  bool first = true;
  void Key(const char* k) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('"');
    out += k;
    out += "\":";
  }
  void Str(const char* k, std::string_view v) { Key(k); AppendJsonString(out, v); }
  void Int(const char* k, std::int64_t v) { Key(k); out += std::to_string(v); }
  void IntOrNull(const char* k, std::int64_t v, std::int64_t absent) {
    Key(k);
    if (v == absent) out += "null";
    else out += std::to_string(v);
  }
  void Date(const char* k, const std::optional<Instant>& v) { Key(k); AppendDate(out, v); }
  void Flag(const char* k, bool v) { Key(k); out.push_back(v ? '1' : '0'); }
};

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

std::string FormatNationalDate(Instant at) {
  const auto local = at.time_since_epoch() + kVietnamUtcOffset;
  const auto day = floor<days>(local);
  const year_month_day ymd{sys_days{day}};
  const auto secs = duration_cast<seconds>(local - day).count();
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d%02u%02u%02d%02d%02d", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()), int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
  return buf;
}

Result<Instant> ParseNationalDate(std::string_view text, std::string_view field) {
  Instant at;
  if (!ParseDateText(Trim(text), at))
    return Invalid(std::string(field), "bad_date",
                   "expected a real date as yyyyMMddHHmmss (Vietnam time), got \"" + std::string(text) + "\"");
  return at;
}

Result<std::vector<NationalRecord>> ParseNationalRecords(std::string_view json, const ParseOptions& options) {
  return Parse(json, options, false);
}

Result<NationalRecord> ParseNationalRecord(std::string_view json, const ParseOptions& options) {
  MOTCUA_ASSIGN_OR_RETURN(auto records, Parse(json, options, true));
  if (records.size() != 1) return Invalid("", "not_an_object", "expected exactly one record object");
  return std::move(records.front());
}

void AppendNationalRecord(std::string& out, const NationalRecord& r, const WriteOptions& options) {
  out.push_back('{');
  ObjectWriter w{out};
  w.Str("MaHoSo", r.dossier_code);
  w.Str("MaTTHC", r.procedure_code);
  w.Str("TenTTHC", r.procedure_name);
  w.Str("MaLinhVuc", r.field_code);
  w.Str("TenLinhVuc", r.field_name);
  w.Str("ChuHoSo", r.applicant_name);
  w.IntOrNull("LoaiDoiTuong", r.applicant_kind, 0);
  w.Str("SoGiayToChuHoSo", r.applicant_id_number);
  w.Str("TrichYeuHoSo", r.summary);
  w.Date("NgayNopHoSo", r.submitted_at);
  w.Date("NgayTiepNhan", r.received_at);
  w.Date("NgayHenTra", r.due_at);
  w.Date("NgayKetThucXuLy", r.processed_at);
  w.Date("NgayTra", r.returned_at);
  w.Date("NgayTuChoi", r.refused_at);
  w.IntOrNull("TrangThaiHoSo", int(r.status), 0);
  w.IntOrNull("KenhThucHien", int(r.channel), 0);
  w.IntOrNull("HinhThuc", r.result_delivery, -1);
  w.Str("DonViXuLy", r.processing_unit);
  w.Flag("HoSoCoThanhPhanSoHoa", r.has_digitized_components);
  w.Flag("TaiKhoanDuocXacThucVoiVNeID", r.vneid_authenticated);
  w.Int("DuocThanhToanTrucTuyen", r.online_payment);
  w.Key("DSKetNoiCSDL");
  out.push_back('[');
  for (std::size_t i = 0; i < r.connected_databases.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"MaCSDL\":";
    AppendJsonString(out, r.connected_databases[i]);
    out.push_back('}');
  }
  out.push_back(']');
  w.Key("TaiLieuNop");
  out.push_back('[');
  for (std::size_t i = 0; i < r.documents.size(); ++i) {
    const SubmittedDocument& d = r.documents[i];
    if (i) out.push_back(',');
    out.push_back('{');
    ObjectWriter dw{out};
    dw.Str("TepDinhKemId", d.attachment_id);
    dw.Str("TenTepDinhKem", d.name);
    dw.Flag("IsDeleted", d.is_deleted);
    dw.Str("MaThanhPhanHoSo", d.component_code);
    dw.Str("DuongDanTaiTepTin", d.file_url);
    dw.Flag("DuocSoHoa", d.digitized);
    dw.Int("DuocTaiSuDung", d.reuse);
    dw.Flag("DuocLayTuKhoDMQG", d.from_citizen_store);
    dw.Str("MaKetQuaThayThe", d.replacing_result_code);
    out.push_back('}');
  }
  out.push_back(']');
  w.Key("DanhSachLePhi");
  out.push_back('[');
  for (std::size_t i = 0; i < r.fees.size(); ++i) {
    const FeeLine& f = r.fees[i];
    if (i) out.push_back(',');
    out.push_back('{');
    ObjectWriter fw{out};
    fw.Str("TenPhiLePhi", f.name);
    fw.Str("MaPhiLePhi", f.code);
    fw.IntOrNull("HinhThucThu", f.collection_point, 0);
    fw.Int("Gia", f.amount_vnd);
    fw.IntOrNull("LoaiPhiLePhi", f.kind, 0);
    out.push_back('}');
  }
  out.push_back(']');
  w.Key("DanhSachHoSoBoSung");
  out.push_back('[');
  for (std::size_t i = 0; i < r.supplements.size(); ++i) {
    const SupplementRequest& s = r.supplements[i];
    if (i) out.push_back(',');
    out.push_back('{');
    ObjectWriter sw{out};
    sw.Str("HoSoBoSungId", s.id);
    sw.Str("NguoiYeuCauBoSung", s.requested_by);
    sw.Str("NoiDungBoSung", s.content);
    sw.Date("NgayBoSung", s.requested_at);
    sw.Str("NguoiTiepNhanBoSung", s.received_by);
    sw.Str("ThongTinTiepNhan", s.receipt_info);
    sw.Date("NgayTiepNhanBoSung", s.answered_at);
    sw.Str("TrangThaiBoSung", s.status);
    sw.Date("NgayHenTraTruoc", s.due_before);
    sw.Date("NgayHenTraMoi", s.due_after);
    out.push_back('}');
  }
  out.push_back(']');
  w.Key("DanhSachGiayToKetQua");
  out.push_back('[');
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const ResultDocument& d = r.results[i];
    if (i) out.push_back(',');
    out.push_back('{');
    ObjectWriter rw{out};
    rw.Str("TenGiayTo", d.name);
    rw.Str("MaThanhPhanHoSo", d.component_code);
    rw.Str("GiayToId", d.document_id);
    rw.Str("DuongDanTepTinKetQua", d.file_url);
    rw.Str("MaGiayToKetQua", d.result_code);
    out.push_back('}');
  }
  out.push_back(']');
  if (options.include_local && r.local) {
    const LocalFacts& l = *r.local;
    w.Key("motcua_local");
    out.push_back('{');
    ObjectWriter lw{out};
    lw.Str("unit_code", l.unit_code);
    lw.Key("synced");
    out += l.synced ? (*l.synced ? "1" : "0") : "null";
    lw.Key("synced_on_time");
    out += l.synced_on_time ? (*l.synced_on_time ? "1" : "0") : "null";
    lw.Flag("rating_unsatisfied", l.rating_unsatisfied);
    lw.Flag("has_pakn", l.has_pakn);
    lw.Flag("result_in_citizen_store", l.result_in_citizen_store);
    out.push_back('}');
  }
  out.push_back('}');
}

std::string WriteNationalRecord(const NationalRecord& record, const WriteOptions& options) {
  std::string out;
  out.reserve(1024);
  AppendNationalRecord(out, record, options);
  return out;
}

std::string WriteNationalRecords(const std::vector<NationalRecord>& records, const WriteOptions& options) {
  std::string out;
  out.reserve(records.size() * 900 + 2);
  out.push_back('[');
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i) out.push_back(',');
    if (options.pretty) out.push_back('\n');
    AppendNationalRecord(out, records[i], options);
  }
  if (options.pretty && !records.empty()) out.push_back('\n');
  out.push_back(']');
  return out;
}

}  // namespace motcua::dvc
