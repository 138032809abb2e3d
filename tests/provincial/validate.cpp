#include "validate.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <initializer_list>

#include "common/text.h"

namespace motcua::provincial {
namespace {

// Where an object sits decides which keys are known scalars, and which caps and code tables apply.
enum class Container {
  kRecord,          // a DongBoHoSoMC record
  kStep,            // a CapNhatTienDoHoSoMC step
  kDocument,        // a TaiLieuNop item
  kFee,             // a DanhSachLePhi item
  kOtherAttachment, // a DanhSachTepDinhKemKhac item
  kSupplement,      // a DanhSachHoSoBoSung item
  kResultDocument,  // a DanhSachGiayToKetQua item
  kIdentity,        // a DinhDanhCHS item
  kDatabase,        // a DSKetNoiCSDL item
  kOther,           // any other object: only the string-scalar and date rules
};

constexpr std::array<const char*, 12> kRecordRequired = {
    "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "LoaiDoiTuong",
    "TrichYeuHoSo", "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "HinhThuc", "DonViXuLy"};
constexpr std::array<const char*, 5> kStepRequired = {"MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy",
                                                      "TrangThai"};

// Arrays of objects a record may carry (domain.md §4.2).
struct KnownArray {
  const char* key;
  Container items;
};
constexpr std::array<KnownArray, 7> kRecordArrays = {{
    {"TaiLieuNop", Container::kDocument},
    {"DanhSachLePhi", Container::kFee},
    {"DanhSachTepDinhKemKhac", Container::kOtherAttachment},
    {"DanhSachHoSoBoSung", Container::kSupplement},
    {"DanhSachGiayToKetQua", Container::kResultDocument},
    {"DinhDanhCHS", Container::kIdentity},
    {"DSKetNoiCSDL", Container::kDatabase},
}};

// The scalar keys of domain.md §4.2, by container: an object or array there is "not_a_string" (an
// unknown key may hold an object or an array of its own).
struct KnownScalars {
  Container container;
  std::initializer_list<const char*> keys;
};
const std::array<KnownScalars, 9> kKnownScalars = {{
    {Container::kRecord,
     {"MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "ChuHoSo", "LoaiDoiTuong", "MaDoiTuong",
      "SoGiayToChuHoSo", "Email", "Fax", "SoDienThoai", "ThongTinKhac", "TrichYeuHoSo", "ThongTinTra", "GhiChu",
      "TrangThaiHoSo", "KenhThucHien", "HinhThuc", "NoiNopHoSo", "DonViXuLy", "HoSoCoThanhPhanSoHoa",
      "TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen"}},
    {Container::kStep, {"MaHoSo", "NguoiXuLy", "ChucDanh", "PhongBanXuLy", "NoiDungXuLy", "TrangThai"}},
    {Container::kDocument,
     {"TepDinhKemId", "TenTepDinhKem", "MaThanhPhanHoSo", "DuongDanTaiTepTin", "IsDeleted", "DuocSoHoa",
      "DuocTaiSuDung", "DuocLayTuKhoDMQG", "MaKetQuaThayThe"}},
    {Container::kFee, {"TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi"}},
    {Container::kOtherAttachment, {"TenGiayTo", "SoLuong", "LoaiGiayTo"}},
    {Container::kSupplement,
     {"HoSoBoSungId", "NguoiYeuCauBoSung", "NoiDungBoSung", "NguoiTiepNhanBoSung", "ThongTinTiepNhan",
      "TrangThaiBoSung"}},
    {Container::kResultDocument, {"TenGiayTo", "MaThanhPhanHoSo", "GiayToId", "DuongDanTepTinKetQua", "MaGiayToKetQua"}},
    {Container::kIdentity, {"LoaiDinhDanh", "SoDinhDanh"}},
    {Container::kDatabase, {"MaCSDL"}},
}};

// Code tables (domain.md §4.3).
struct CodeTable {
  Container container;
  const char* key;
  int lowest;
  int highest;
  bool allow_empty;  // "" means "not given"
};
constexpr std::array<CodeTable, 7> kCodeTables = {{
    {Container::kRecord, "TrangThaiHoSo", 1, 10, false},
    {Container::kRecord, "KenhThucHien", 1, 3, true},
    {Container::kRecord, "HinhThuc", 0, 1, false},
    {Container::kRecord, "LoaiDoiTuong", 1, 4, false},
    {Container::kRecord, "DuocThanhToanTrucTuyen", 0, 3, true},
    {Container::kStep, "TrangThai", 1, 10, false},
    {Container::kIdentity, "LoaiDinhDanh", 1, 2, false},
}};

// Length caps in characters: what the senders truncate to (domain.md §4.3b), and MaHoSo's column.
struct LengthCap {
  Container container;
  const char* key;
  std::size_t max_chars;
};
constexpr std::array<LengthCap, 6> kLengthCaps = {{
    {Container::kRecord, "MaHoSo", 100},
    {Container::kRecord, "TrichYeuHoSo", 1000},
    {Container::kDocument, "TenTepDinhKem", 4000},
    {Container::kResultDocument, "TenGiayTo", 2000},
    {Container::kStep, "MaHoSo", 100},
    {Container::kStep, "NguoiXuLy", 50},
}};

FieldProblem Problem(std::string field, std::string rule, std::string problem) {
  return FieldProblem{std::move(field), std::move(rule), std::move(problem)};
}

std::string Join(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}
std::string Index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// A value quoted for a message, cut so a hostile value cannot make the reply huge.
std::string Quoted(std::string_view value) {
  constexpr std::size_t kShown = 20;
  if (value.size() <= kShown) return "\"" + std::string(value) + "\"";
  std::size_t cut = kShown;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return "\"" + std::string(value.substr(0, cut)) + "…\"";
}

bool IsDateKey(std::string_view key) { return key.starts_with("Ngay") || key == "ThoiDiemXuLy"; }

// The exact decimal text of a whole number: digits only, no sign, no leading zero.
std::optional<int> ExactDecimal(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  if (text.size() > 1 && text[0] == '0') return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

const CodeTable* FindCode(Container container, std::string_view key) {
  for (const CodeTable& t : kCodeTables)
    if (t.container == container && key == t.key) return &t;
  return nullptr;
}
const LengthCap* FindCap(Container container, std::string_view key) {
  for (const LengthCap& c : kLengthCaps)
    if (c.container == container && key == c.key) return &c;
  return nullptr;
}

bool IsKnownScalar(Container container, std::string_view key) {
  if (IsDateKey(key) || FindCode(container, key) || FindCap(container, key)) return true;
  for (const KnownScalars& k : kKnownScalars)
    if (k.container == container)
      for (const char* name : k.keys)
        if (key == name) return true;
  return false;
}

std::optional<FieldProblem> CheckString(const Json& value, Container container, std::string_view key,
                                        const std::string& path) {
  if (!value.is_string()) return Problem(path, "not_a_string", "phải là chuỗi");
  const std::string& text = value.get_ref<const std::string&>();
  if (!IsValidUtf8(text)) return Problem(path, "bad_utf8", "không phải UTF-8 hợp lệ");
  if (IsDateKey(key)) {
    if (auto p = CheckDate(text, path, /*allow_empty=*/true)) return p;
  }
  if (const CodeTable* t = FindCode(container, key); t && !(t->allow_empty && text.empty())) {
    const std::optional<int> code = ExactDecimal(text);
    if (!code || *code < t->lowest || *code > t->highest)
      return Problem(path, "bad_code",
                     "có giá trị " + Quoted(text) + " ngoài bảng mã (" + std::string(t->allow_empty ? "\"\" hoặc " : "") +
                         std::to_string(t->lowest) + "–" + std::to_string(t->highest) + ")");
  }
  if (const LengthCap* cap = FindCap(container, key)) {
    const std::size_t n = CountCodePoints(text);
    if (n > cap->max_chars)
      return Problem(path, "too_long",
                     "dài quá " + std::to_string(cap->max_chars) + " ký tự (có " + std::to_string(n) + ")");
  }
  return std::nullopt;
}

std::optional<FieldProblem> CheckMembers(const Json& object, Container container, const std::string& prefix, int depth);

// An array under an unknown key: strings and objects only.
std::optional<FieldProblem> CheckOtherArray(const Json& array, std::string_view key, const std::string& path, int depth) {
  for (std::size_t i = 0; i < array.size(); ++i) {
    const Json& item = array[i];
    if (item.is_object()) {
      if (auto p = CheckMembers(item, Container::kOther, Index(path, i), depth + 1)) return p;
    } else if (auto p = CheckString(item, Container::kOther, key, Index(path, i))) {
      return p;
    }
  }
  return std::nullopt;
}

// A DinhDanhCHS item: the number's length follows its kind (domain.md §4.2, Thanh Hóa).
std::optional<FieldProblem> CheckIdentity(const Json& item, const std::string& path) {
  for (const char* key : {"LoaiDinhDanh", "SoDinhDanh"})
    if (!item.contains(key)) return Problem(Join(path, key), "required", "bắt buộc nhưng không có");
  const std::string& kind = item["LoaiDinhDanh"].get_ref<const std::string&>();  // a string: checked before
  const std::string& number = item["SoDinhDanh"].get_ref<const std::string&>();
  const std::size_t digits = kind == "1" ? 12 : 9;
  bool ok = number.size() == digits;
  for (char c : number) ok = ok && c >= '0' && c <= '9';
  if (!ok)
    return Problem(Join(path, "SoDinhDanh"), "bad_id_number",
                   "phải gồm đúng " + std::to_string(digits) + " chữ số (" + (kind == "1" ? "CCCD" : "CMND") + ")");
  return std::nullopt;
}

std::optional<FieldProblem> CheckMembers(const Json& object, Container container, const std::string& prefix, int depth) {
  if (depth > kMaxDepth)
    return Problem(prefix, "too_deep", "lồng quá " + std::to_string(kMaxDepth) + " cấp");
  for (const auto& [key, value] : object.items()) {
    const std::string path = Join(prefix, key);
    if (container == Container::kRecord && key == "motcua_local")
      return Problem(path, "local_extension", "là phần mở rộng nội bộ của motcua, không được gửi");
    const KnownArray* known = nullptr;
    if (container == Container::kRecord)
      for (const KnownArray& a : kRecordArrays)
        if (key == a.key) known = &a;
    if (known) {
      if (!value.is_array()) return Problem(path, "not_an_array", "phải là mảng");
      for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string item_path = Index(path, i);
        if (!value[i].is_object()) return Problem(item_path, "not_an_object", "phải là đối tượng JSON");
        if (auto p = CheckMembers(value[i], known->items, item_path, depth + 1)) return p;
        if (known->items == Container::kIdentity) {
          if (auto p = CheckIdentity(value[i], item_path)) return p;
        }
      }
    } else if ((value.is_object() || value.is_array()) && IsKnownScalar(container, key)) {
      return Problem(path, "not_a_string", "phải là chuỗi");
    } else if (value.is_object()) {
      if (auto p = CheckMembers(value, Container::kOther, path, depth + 1)) return p;
    } else if (value.is_array()) {
      if (auto p = CheckOtherArray(value, key, path, depth + 1)) return p;
    } else if (auto p = CheckString(value, container, key, path)) {
      return p;
    }
  }
  return std::nullopt;
}

template <std::size_t N>
std::optional<FieldProblem> CheckRequired(const Json& object, const std::array<const char*, N>& keys,
                                          std::string_view may_be_empty) {
  for (const char* key : keys) {
    if (!object.contains(key)) return Problem(key, "required", "bắt buộc nhưng không có");
    const Json& value = object[key];
    if (!value.is_string()) return Problem(key, "not_a_string", "phải là chuỗi");
    if (value.get_ref<const std::string&>().empty() && may_be_empty != key)
      return Problem(key, "empty", "không được để trống");
  }
  return std::nullopt;
}

}  // namespace

std::size_t CountCodePoints(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::optional<FieldProblem> CheckDate(std::string_view text, std::string_view field, bool allow_empty) {
  if (text.empty()) {
    if (allow_empty) return std::nullopt;
    return Problem(std::string(field), "empty", "không được để trống");
  }
  bool digits = text.size() == 14;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (!digits)
    return Problem(std::string(field), "bad_date_format",
                   std::string("phải là ") + (allow_empty ? "\"\" hoặc " : "") + "ngày giờ dạng yyyyMMddHHmmss");
  auto number = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  using namespace std::chrono;
  const year_month_day day{year{number(0, 4)}, month{unsigned(number(4, 2))}, std::chrono::day{unsigned(number(6, 2))}};
  if (!day.ok() || number(8, 2) > 23 || number(10, 2) > 59 || number(12, 2) > 59)
    return Problem(std::string(field), "impossible_date", "không phải ngày giờ có thật (" + Quoted(text) + ")");
  return std::nullopt;
}

std::optional<FieldProblem> ValidateRecord(const Json& record) {
  if (!record.is_object()) return Problem("", "not_an_object", "không phải đối tượng JSON");
  if (auto p = CheckRequired(record, kRecordRequired, "NgayHenTra")) return p;
  return CheckMembers(record, Container::kRecord, "", 0);
}

std::optional<FieldProblem> ValidateStep(const Json& step) {
  if (!step.is_object()) return Problem("", "not_an_object", "không phải đối tượng JSON");
  if (auto p = CheckRequired(step, kStepRequired, "")) return p;
  return CheckMembers(step, Container::kStep, "", 0);
}

}  // namespace motcua::provincial
