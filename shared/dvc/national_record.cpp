#include "dvc/national_record.h"

#include <sys/mman.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <limits>
#include <new>
#include <unordered_map>

#include <simdjson.h>

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

// The text of each Key, in Key order. Within each object that is the order the writer emits, so the
// reader guesses that the next key is the one after the last (NextKey) before it looks one up.
constexpr std::string_view kKeyNames[] = {
    "",
    "MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "ChuHoSo", "LoaiDoiTuong", "SoGiayToChuHoSo",
    "TrichYeuHoSo", "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra", "NgayTuChoi",
    "TrangThaiHoSo", "KenhThucHien", "HinhThuc", "DonViXuLy", "HoSoCoThanhPhanSoHoa", "TaiKhoanDuocXacThucVoiVNeID",
    "DuocThanhToanTrucTuyen", "DSKetNoiCSDL", "TaiLieuNop", "DanhSachLePhi", "DanhSachHoSoBoSung",
    "DanhSachGiayToKetQua", "motcua_local",
    "TepDinhKemId", "TenTepDinhKem", "IsDeleted", "MaThanhPhanHoSo", "DuongDanTaiTepTin", "DuocSoHoa",
    "DuocTaiSuDung", "DuocLayTuKhoDMQG", "MaKetQuaThayThe",
    "TenPhiLePhi", "MaPhiLePhi", "HinhThucThu", "Gia", "LoaiPhiLePhi",
    "HoSoBoSungId", "NguoiYeuCauBoSung", "NoiDungBoSung", "NgayBoSung", "NguoiTiepNhanBoSung", "ThongTinTiepNhan",
    "NgayTiepNhanBoSung", "TrangThaiBoSung", "NgayHenTraTruoc", "NgayHenTraMoi",
    "TenGiayTo", "GiayToId", "DuongDanTepTinKetQua", "MaGiayToKetQua",
    "MaCSDL",
    "unit_code", "synced", "synced_on_time", "rating_unsatisfied", "has_pakn", "result_in_citizen_store",
    "data",
};
static_assert(std::size(kKeyNames) == std::size_t(Key::kData) + 1, "one name per Key, in Key order");

std::string_view KeyName(Key k) { return kKeyNames[std::size_t(k)]; }

// The key after `k` in Key order (kUnknown after the last).
Key NextKey(Key k) { return k == Key::kUnknown || k == Key::kData ? Key::kUnknown : Key(std::size_t(k) + 1); }

Key LookupKey(std::string_view name) {
  static const std::unordered_map<std::string_view, Key> table = [] {
    std::unordered_map<std::string_view, Key> t;
    for (std::size_t i = 1; i < std::size(kKeyNames); ++i) t.emplace(kKeyNames[i], Key(i));
    return t;
  }();
  auto it = table.find(name);
  return it == table.end() ? Key::kUnknown : it->second;
}

// ---------------------------------------------------------------------------------------------
// Tokens: what the reader checks itself.

// Drops JSON white space at the end (simdjson's raw tokens run up to the next token).
std::string_view TrimJsonRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

struct Scalar {
  enum Kind { kNull, kBool, kInt, kUint, kFloat, kString } kind = kNull;
  bool b = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double f = 0;
  std::string_view text;  // kString: the unescaped contents; kFloat: the number's token
};

// The decimal exponent of the first significant digit of a JSON number token ("1e400" → 400,
// "0.001" → -3); for a token whose value is out of double's range, > 0 means overflow.
long DecimalMagnitude(std::string_view t) {
  long exponent = 0;
  const std::size_t e = t.find_first_of("eE");
  if (e != std::string_view::npos) {
    std::size_t p = e + 1;
    const bool negative = p < t.size() && t[p] == '-';
    if (p < t.size() && (t[p] == '-' || t[p] == '+')) ++p;
    for (; p < t.size(); ++p) exponent = std::min(exponent * 10 + (t[p] - '0'), 100000L);
    if (negative) exponent = -exponent;
    t = t.substr(0, e);
  }
  if (!t.empty() && t.front() == '-') t.remove_prefix(1);
  const std::size_t dot = std::min(t.find('.'), t.size());
  for (std::size_t p = 0; p < t.size(); ++p) {
    if (t[p] == '.' || t[p] == '0') continue;
    return exponent + (p < dot ? long(dot - p) - 1 : -long(p - dot));
  }
  return exponent;
}

// Reads the JSON number (RFC 8259 §6) at the start of `t`: an integer is kUint without a sign and kInt
// with '-' (a string field gets its decimal form: "-0" gives "0"), kFloat beyond 64 bits; a number
// with a fraction or an exponent is kFloat, and a string field gets its text (`text`). `length`
// receives how much of `t` the number takes: as in a streaming lexer, the number ends at the first
// byte that cannot continue it ("0x" is 0, then "x"). Returns nullptr, or why `t` does not start with
// a number. A float beyond double's range is not JSON one can read (refused); one too small reads as 0.
const char* ReadNumber(std::string_view t, Scalar& s, std::size_t& length) {
  const std::size_t n = t.size();
  std::size_t p = 0;
  auto digit = [&](std::size_t k) { return k < n && t[k] >= '0' && t[k] <= '9'; };
  const bool negative = p < n && t[p] == '-';
  if (negative) ++p;
  if (p < n && t[p] == '0') {
    ++p;
  } else if (digit(p)) {
    while (digit(p)) ++p;
  } else {
    return "not a JSON value";
  }
  bool is_float = false;
  if (p < n && t[p] == '.') {
    ++p;
    if (!digit(p)) return "a number without digits after '.'";
    while (digit(p)) ++p;
    is_float = true;
  }
  if (p < n && (t[p] == 'e' || t[p] == 'E')) {
    ++p;
    if (p < n && (t[p] == '+' || t[p] == '-')) ++p;
    if (!digit(p)) return "a number without exponent digits";
    while (digit(p)) ++p;
    is_float = true;
  }
  length = p;
  t = t.substr(0, p);
  const char* first = t.data();
  const char* last = first + p;
  if (!is_float) {
    if (negative && std::from_chars(first, last, s.i).ec == std::errc()) {
      s.kind = Scalar::kInt;
      return nullptr;
    }
    if (!negative && std::from_chars(first, last, s.u).ec == std::errc()) {
      s.kind = Scalar::kUint;
      return nullptr;
    }
  }
  s.kind = Scalar::kFloat;
  s.text = t;
  const auto [end, ec] = std::from_chars(first, last, s.f);
  if (ec == std::errc::result_out_of_range) {
    if (DecimalMagnitude(t) > 0) return "a number beyond the range of a double";
    s.f = negative ? -0.0 : 0.0;
  } else if (ec != std::errc() || end != last) {
    return "not a JSON value";
  }
  return nullptr;
}

// Length of the UTF-8 sequence at s[i] (RFC 3629: no overlong forms, no surrogates, <= U+10FFFF),
// 0 if it is invalid.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  const unsigned c = byte(i);
  const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return byte(k) >= lo && byte(k) <= hi;
  };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if (c == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (c == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (c == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

// Where simdjson's stage 1 refuses the text (it says what, not where): the first byte of invalid
// UTF-8, a control character inside a string, the opening quote of a string that never closes, or a
// backslash outside strings (which shifts stage 1's idea of where strings are); npos if none is
// found. `string_start` is the opening quote of the string holding that byte (npos outside strings).
// A scan byte by byte: only run once stage 1 has refused the text.
std::size_t FindStage1Error(std::string_view s, std::size_t& string_start) {
  string_start = std::string_view::npos;
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t len = Utf8SequenceLength(s, i);
      if (len == 0) {
        if (in_string) string_start = start;
        return i;
      }
      i += len;
      continue;
    }
    if (in_string) {
      if (c < 0x20) {
        string_start = start;
        return i;
      }
      if (c == '"') in_string = false;
      // An escaped byte is skipped unless it is a control character or not ASCII (checked as usual).
      if (c == '\\' && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x20 &&
          static_cast<unsigned char>(s[i + 1]) < 0x80)
        ++i;
    } else if (c == '"') {
      in_string = true;
      start = i;
    } else if (c == '\\') {
      return i;  // outside strings it is no JSON, and stage 1 takes the '"' after it as escaped
    }
    ++i;
  }
  if (in_string) {
    string_start = start;
    return start;
  }
  return std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// The reader: simdjson On-Demand.
//
// simdjson reads in two stages. Stage 1 indexes the whole text at once with SIMD instructions: it
// checks the UTF-8 and finds the strings and the structural characters. Stage 2, this reader, walks
// that index in document order and converts each value as it goes. On-Demand steps over whatever it
// is not asked for without checking it, so the reader asks for everything: a value it does not keep
// (an unknown key, a field of the wrapper) is still walked (SkipValue), and every scalar token is
// checked here (numbers by ReadNumber, the literals by their text), so that text which is not JSON is
// refused wherever it is.
//
// The first error in document order wins, as when reading streamed. Stage 1 refuses before stage 2
// has read anything, and says what but not where: ReadText finds the byte (FindStage1Error) and runs
// the reader again on the text before it, so that an earlier record's error still comes first and a
// bad_json error names the record it is in. A text cut off early is read to where it ends in the
// same way (ReadText, RecordReader::Closed).

namespace od = simdjson::ondemand;

// An array or object nested deeper than this (the top-level array or object is level 1) is refused as
// bad_json. Only values the reader does not keep can nest that deep; SkipValue walks them recursively,
// and simdjson's parser is sized for DEFAULT_MAX_DEPTH (1024) levels (deeper, a build without
// optimisation stops on simdjson's assertion).
constexpr int kMaxDepth = 1000;

enum class Shape : std::uint8_t { kScalar, kObject, kArray };

// Where the reader is, for error paths: a record's field, a motcua_local field, a field of a list
// item, or a list element itself (DSKetNoiCSDL's ["7"]).
enum class Ctx : std::uint8_t { kRecord, kLocal, kItem, kListElement };

class RecordReader {
 public:
  // `text` is the text simdjson reads (its padded copy); `offset0` is added to offsets into it
  // (the length of a byte order mark left out).
  // `closed_by_reader`: the text simdjson reads ends with a bracket ReadText added (see there).
  RecordReader(std::vector<NationalRecord>& out, const ParseOptions& options, bool single, std::string_view text,
               std::size_t offset0, bool closed_by_reader)
      : out_(out), options_(options), single_(single), text_(text), offset0_(offset0),
        closed_by_reader_(closed_by_reader) {}

  std::optional<Error> error;
  std::size_t bad_json_at = 0;  // for a bad_json error: its byte offset in the caller's text
  bool saw_records = false;
  bool unclosed = false;  // the error: the top-level array or object does not close at the end of the text

  // Reads the whole document. False, with `error` set, on the first error.
  bool Read(od::document& doc) {
    doc_ = &doc;
    std::string_view token;
    if (auto e = doc.raw_json_token().get(token)) return SimdFail(e);
    const char first = token.empty() ? '\0' : token.front();
    if (first == '[') {
      if (single_) return Fail("", "not_an_object", "each record must be a JSON object");
      od::array records;
      if (auto e = doc.get_array().get(records)) return RootFail(e);
      if (!ReadRecords(records)) return false;
    } else if (first == '{') {
      od::object object;
      if (auto e = doc.get_object().get(object)) return RootFail(e);
      if (single_ ? !ReadRecord(object) : !ReadWrapper(object)) return false;
    } else {
      // A scalar document: a token that is not JSON is reported as such before the shape is.
      Shape shape;
      Scalar s;
      bool escaped = false;
      if (!ReadToken(token, shape, s, escaped)) return false;
      std::string_view unescaped;
      if (auto e = escaped ? doc.get_string().get(unescaped) : simdjson::SUCCESS)
        return BadJson(token.data(), simdjson::error_message(e));
      if (single_) return Fail("", "not_an_object", "each record must be a JSON object");
      return Fail("", "not_an_array", "the input must be a JSON array of dossier records");
    }
    // At the end, simdjson's iterator has no location left.
    const char* after = nullptr;
    if (doc.current_location().get(after) == simdjson::SUCCESS)
      return BadJson(after, "text after the end of the JSON value");
    return true;
  }

 private:
  // --- the document's structure ---

  bool ReadWrapper(od::object& wrapper) {
    for (auto member : wrapper) {
      od::field field;
      if (auto e = std::move(member).get(field)) return SimdFail(e);
      Key key;
      if (!ReadKey(field, Key::kData, key)) return false;
      Shape shape;
      Scalar s;
      if (!ReadValue(field.value(), shape, s)) return false;
      if (key == Key::kData && shape == Shape::kArray) {
        od::array records;
        if (auto e = field.value().get_array().get(records)) return SimdFail(e);
        if (!ReadRecords(records)) return false;
      } else if (!SkipValue(field.value(), shape) || !NoJunk()) {
        return false;
      }
    }
    return Closed();
  }

  bool ReadRecords(od::array& records) {
    saw_records = true;
    in_records_ = true;
    for (auto element : records) {
      od::value value;
      if (auto e = std::move(element).get(value)) return SimdFail(e);
      Shape shape;
      Scalar s;
      if (!ReadValue(value, shape, s)) return false;
      if (shape != Shape::kObject) return Fail(ItemPath(), "not_an_object", "each record must be a JSON object");
      od::object record;
      if (auto e = value.get_object().get(record)) return SimdFail(e);
      if (!ReadRecord(record)) return false;
    }
    if (!Closed()) return false;
    in_records_ = false;
    return true;
  }

  bool ReadRecord(od::object& object) {
    out_.emplace_back();
    saw_records = true;
    in_record_ = true;
    Key guess = Key::kMaHoSo;
    for (auto member : object) {
      od::field field;
      if (auto e = std::move(member).get(field)) return SimdFail(e);
      Key key;
      if (!ReadKey(field, guess, key)) return false;
      guess = NextKey(key);
      Shape shape;
      Scalar s;
      if (!ReadValue(field.value(), shape, s)) return false;
      ctx_ = Ctx::kRecord;
      key_ = key;
      bool ok = true;
      if (shape == Shape::kScalar) {
        ok = RecordScalar(key, s) && NoJunk();
      } else if (shape == Shape::kObject && key == Key::kMotcuaLocal) {
        ok = ReadLocal(field.value());
      } else if (shape == Shape::kArray && IsListKey(key)) {
        ok = ReadList(key, field.value());
      } else {
        ok = ContainerForKey(field.value(), shape);
      }
      if (!ok) return false;
    }
    if (!Closed()) return false;
    if (out_.back().dossier_code.empty()) return Fail(RecordPrefix() + "MaHoSo", "required", "MaHoSo is missing or empty");
    in_record_ = false;
    return true;
  }

  static bool IsListKey(Key k) {
    return k == Key::kTaiLieuNop || k == Key::kDanhSachLePhi || k == Key::kDanhSachHoSoBoSung ||
           k == Key::kDanhSachGiayToKetQua || k == Key::kDSKetNoiCSDL;
  }

  bool ReadLocal(od::value& value) {
    od::object object;
    if (auto e = value.get_object().get(object)) return SimdFail(e);
    LocalFacts& local = out_.back().local.emplace();
    Key guess = Key::kUnitCode;
    for (auto member : object) {
      od::field field;
      if (auto e = std::move(member).get(field)) return SimdFail(e);
      Key key;
      if (!ReadKey(field, guess, key)) return false;
      guess = NextKey(key);
      Shape shape;
      Scalar s;
      if (!ReadValue(field.value(), shape, s)) return false;
      ctx_ = Ctx::kLocal;
      key_ = key;
      if (!(shape == Shape::kScalar ? LocalScalar(local, key, s) && NoJunk() : ContainerForKey(field.value(), shape)))
        return false;
    }
    return Closed();
  }

  // One of the record's lists. [null] items are tolerated and dropped; DSKetNoiCSDL also takes bare
  // codes (["7"] as well as [{"MaCSDL":"7"}]).
  bool ReadList(Key list, od::value& value) {
    od::array items;
    if (auto e = value.get_array().get(items)) return SimdFail(e);
    NationalRecord& r = out_.back();
    list_ = list;
    item_ = -1;
    for (auto element : items) {
      od::value item;
      if (auto e = std::move(element).get(item)) return SimdFail(e);
      ++item_;
      Shape shape;
      Scalar s;
      if (!ReadValue(item, shape, s)) return false;
      if (shape == Shape::kArray) return Fail(ListItemPath(), "not_an_object", "each item must be a JSON object");
      if (shape == Shape::kScalar) {
        if (s.kind == Scalar::kNull) {
          if (!NoJunk()) return false;
          continue;
        }
        if (list != Key::kDSKetNoiCSDL) return Fail(ListItemPath(), "not_an_object", "each item must be a JSON object");
        ctx_ = Ctx::kListElement;
        key_ = Key::kMaCSDL;
        std::string code;
        if (!ToText(s, code, false) || !NoJunk()) return false;
        if (!code.empty()) r.connected_databases.push_back(std::move(code));
        continue;
      }
      od::object object;
      if (auto e = item.get_object().get(object)) return SimdFail(e);
      if (!ReadItem(r, list, object)) return false;
    }
    return Closed();
  }

  bool ReadItem(NationalRecord& r, Key list, od::object& object) {
    Key guess = Key::kUnknown;
    switch (list) {
      case Key::kTaiLieuNop: r.documents.emplace_back(); guess = Key::kTepDinhKemId; break;
      case Key::kDanhSachLePhi: r.fees.emplace_back(); guess = Key::kTenPhiLePhi; break;
      case Key::kDanhSachHoSoBoSung: r.supplements.emplace_back(); guess = Key::kHoSoBoSungId; break;
      case Key::kDanhSachGiayToKetQua: r.results.emplace_back(); guess = Key::kTenGiayTo; break;
      default: guess = Key::kMaCSDL; break;
    }
    for (auto member : object) {
      od::field field;
      if (auto e = std::move(member).get(field)) return SimdFail(e);
      Key key;
      if (!ReadKey(field, guess, key)) return false;
      guess = NextKey(key);
      Shape shape;
      Scalar s;
      if (!ReadValue(field.value(), shape, s)) return false;
      ctx_ = Ctx::kItem;
      key_ = key;
      if (shape != Shape::kScalar) {
        if (!ContainerForKey(field.value(), shape)) return false;
        continue;
      }
      bool ok = true;
      switch (list) {
        case Key::kTaiLieuNop: ok = DocScalar(r.documents.back(), key, s); break;
        case Key::kDanhSachLePhi: ok = FeeScalar(r.fees.back(), key, s); break;
        case Key::kDanhSachHoSoBoSung: ok = SuppScalar(r.supplements.back(), key, s); break;
        case Key::kDanhSachGiayToKetQua: ok = ResultScalar(r.results.back(), key, s); break;
        default:
          if (key == Key::kMaCSDL) {
            std::string code;
            ok = ToText(s, code, false);
            if (ok && !code.empty()) r.connected_databases.push_back(std::move(code));
          }
          break;
      }
      if (!ok || !NoJunk()) return false;
    }
    return Closed();
  }

  // An object or array where the current key (key_ in ctx_) expects something else: an unknown key's
  // value is skipped (still checked); a known key's is bad_type.
  bool ContainerForKey(od::value& value, Shape shape) {
    if (key_ == Key::kUnknown) return SkipValue(value, shape);
    if (ctx_ == Ctx::kRecord && IsListKey(key_)) return Fail(FieldPath(), "bad_type", Name() + " must be an array");
    if (ctx_ == Ctx::kRecord && key_ == Key::kMotcuaLocal)
      return Fail(FieldPath(), "bad_type", Name() + " must be an object");
    return Fail(FieldPath(), "bad_type", Name() + " must be a scalar value, not an object or array");
  }

  // Walks a value the reader does not keep, checking that it is JSON (its scalars were checked by
  // ReadValue).
  bool SkipValue(od::value& value, Shape shape) {
    if (shape == Shape::kScalar) return true;
    if (value.current_depth() > kMaxDepth) return BadJson(last_token_, "nested deeper than 1000 levels");
    if (shape == Shape::kObject) {
      od::object object;
      if (auto e = value.get_object().get(object)) return SimdFail(e);
      for (auto member : object) {
        od::field field;
        if (auto e = std::move(member).get(field)) return SimdFail(e);
        Key key;
        Shape child;
        Scalar s;
        if (!ReadKey(field, Key::kUnknown, key) || !ReadValue(field.value(), child, s) ||
            !SkipValue(field.value(), child) || !NoJunk())
          return false;
      }
      return Closed();
    }
    od::array array;
    if (auto e = value.get_array().get(array)) return SimdFail(e);
    for (auto element : array) {
      od::value item;
      if (auto e = std::move(element).get(item)) return SimdFail(e);
      Shape child;
      Scalar s;
      if (!ReadValue(item, child, s) || !SkipValue(item, child) || !NoJunk()) return false;
    }
    return Closed();
  }

  // --- tokens ---

  // The key of `field` as a Key: compared in place unless it has escapes (then unescaped, which also
  // checks them); `guess` is tried before the table.
  bool ReadKey(od::field& field, Key guess, Key& key) {
    const char* raw = field.key().raw();  // just after the opening quote; stage 1 found the closing one
    const std::string_view guessed = KeyName(guess);
    // The guess's bytes then the closing quote: no key with escapes can look like that.
    if (guess != Key::kUnknown && std::memcmp(raw, guessed.data(), guessed.size()) == 0 && raw[guessed.size()] == '"') {
      key = guess;
      return true;
    }
    const char* p = raw;
    while (*p != '"' && *p != '\\') ++p;
    std::string_view name(raw, std::size_t(p - raw));
    if (*p == '\\') {
      if (auto e = field.unescaped_key().get(name)) return BadJson(raw - 1, simdjson::error_message(e));
    }
    key = LookupKey(name);
    return true;
  }

  // What `value` is; a scalar is checked, read into `s` and consumed. False (bad_json) if it is not JSON.
  // A string is consumed here: left to simdjson, a string followed by ':' would be stepped over as a
  // key ("[\"a\": 1]" would pass).
  bool ReadValue(od::value& value, Shape& shape, Scalar& s) {
    bool escaped = false;
    if (!ReadToken(value.raw_json_token(), shape, s, escaped)) return false;
    if (s.kind != Scalar::kString) return true;
    if (escaped) {
      if (auto e = value.get_string().get(s.text)) return BadJson(last_token_, simdjson::error_message(e));
      return true;
    }
    od::raw_json_string raw;
    if (auto e = value.get_raw_json_string().get(raw)) return SimdFail(e);
    return true;
  }

  // Reads simdjson's raw token (which runs up to the next token). A string's contents are left in
  // `s.text` as they are, `escaped` set if they hold a backslash (the caller unescapes them). A number
  // or literal followed by more bytes of the same token ("0x", "nullx") reads as that number or literal
  // and leaves `junk_` at the rest, refused once the value has been taken (NoJunk): the value's own
  // error (a bad code, ...) comes first, in the order a streaming lexer meets them.
  bool ReadToken(std::string_view token, Shape& shape, Scalar& s, bool& escaped) {
    last_token_ = token.data();
    junk_ = nullptr;
    if (token.empty() || token.data() >= text_.data() + text_.size())
      return BadJson(text_.data() + text_.size(), "the text ends where a value is expected");
    shape = Shape::kScalar;
    s = Scalar{};
    token = TrimJsonRight(token);
    if (token.empty()) return BadJson(last_token_, "not a JSON value");
    std::size_t length = token.size();
    switch (token.front()) {
      case '{': shape = Shape::kObject; return true;
      case '[': shape = Shape::kArray; return true;
      case '"':
        // Stage 1 found the closing quote; only white space can follow it within the token.
        if (token.size() < 2 || token.back() != '"') return BadJson(token.data(), "a string without its closing quote");
        s.kind = Scalar::kString;
        s.text = token.substr(1, token.size() - 2);
        escaped = s.text.find('\\') != std::string_view::npos;
        return true;
      case 't':
      case 'f':
      case 'n':
        for (std::string_view literal : {"true", "false", "null"}) {
          if (token.substr(0, literal.size()) != literal) continue;
          s.kind = literal == "null" ? Scalar::kNull : Scalar::kBool;
          s.b = literal == "true";
          length = literal.size();
          break;
        }
        if (length == token.size() && token != "true" && token != "false" && token != "null")
          return BadJson(token.data(), "not a JSON value: \"" + std::string(token.substr(0, 40)) + "\"");
        break;
      default:
        if (const char* why = ReadNumber(token, s, length))
          return BadJson(token.data(), std::string(why) + ": \"" + std::string(token.substr(0, 40)) + "\"");
        break;
    }
    if (length < token.size()) junk_ = token.data() + length;
    return true;
  }

  // After a scalar has been taken: false (bad_json) if its token went on past the value (ReadToken).
  bool NoJunk() { return !junk_ || BadJson(junk_, "not a JSON value after a number or literal"); }

  // --- errors ---

  bool Fail(std::string field, std::string rule, std::string detail) {
    if (!error) error = Invalid(std::move(field), std::move(rule), std::move(detail));
    return false;
  }

  bool BadJson(const char* at, std::string_view what) {
    if (!error) {
      bad_json_at = std::size_t(std::clamp(at, text_.data(), text_.data() + text_.size()) - text_.data()) + offset0_;
      error = Invalid(ItemPath(), "bad_json",
                      "not valid JSON at byte " + std::to_string(bad_json_at) + ": " + std::string(what));
    }
    return false;
  }

  // An error simdjson reported (a missing comma, the text ending inside an array, ...).
  bool SimdFail(simdjson::error_code e) { return BadJson(Here(), simdjson::error_message(e)); }

  // simdjson refuses to open the top-level array or object unless the text ends with its closing
  // bracket (so that it never reads past the end): ReadText then adds one and reads again.
  bool RootFail(simdjson::error_code e) {
    unclosed = e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT && !closed_by_reader_;
    return SimdFail(e);
  }

  // Called after each object's or array's last member: false (bad_json at the end of the text) if
  // what closed it was the bracket ReadText added, i.e. the text ended inside it.
  bool Closed() {
    const char* at = nullptr;
    if (!closed_by_reader_ || doc_->current_location().get(at) == simdjson::SUCCESS) return true;
    return BadJson(text_.data() + text_.size(), "the text ends inside an object or array");
  }

  // Where simdjson's iterator is: the token it is at, or the end of the text.
  const char* Here() {
    const char* at = nullptr;
    if (doc_->current_location().get(at)) return text_.data() + text_.size();
    return at;
  }

  std::string Name() const { return std::string(KeyName(key_)); }

  // "[12]" for the record being read, or the next one when between records ("" for a single record
  // or outside the list of records).
  std::string ItemPath() const {
    if (single_) return "";
    if (in_record_) return "[" + std::to_string(out_.size() - 1) + "]";
    if (in_records_) return "[" + std::to_string(out_.size()) + "]";
    return "";
  }
  std::string RecordPrefix() const {
    if (single_) return "";
    return "[" + std::to_string(out_.empty() ? 0 : out_.size() - 1) + "].";
  }
  std::string ListItemPath() const {
    return RecordPrefix() + std::string(KeyName(list_)) + "[" + std::to_string(item_) + "]";
  }
  // The path of the value being converted.
  std::string FieldPath() const {
    switch (ctx_) {
      case Ctx::kRecord: return RecordPrefix() + Name();
      case Ctx::kLocal: return RecordPrefix() + "motcua_local." + Name();
      case Ctx::kItem: return ListItemPath() + "." + Name();
      case Ctx::kListElement: return ListItemPath();
    }
    return Name();
  }

  // --- scalar conversions (liberal reading) ---

  bool ToText(const Scalar& v, std::string& out, bool normalize) {
    switch (v.kind) {
      case Scalar::kNull: out.clear(); return true;
      case Scalar::kString:
        if (normalize && options_.normalize_text && !IsAscii(v.text)) out = NormalizeNfc(v.text);
        else out.assign(v.text);
        return true;
      case Scalar::kInt: out = std::to_string(v.i); return true;
      case Scalar::kUint: out = std::to_string(v.u); return true;
      case Scalar::kFloat: out.assign(v.text); return true;
      case Scalar::kBool: break;
    }
    return Fail(FieldPath(), "bad_type", Name() + " must be a string");
  }

  static bool IsAscii(std::string_view s) {
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080u) return false;
    }
    for (; i < s.size(); ++i)
      if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
    return true;
  }

  bool ToDate(const Scalar& v, std::optional<Instant>& out) {
    std::string number;
    std::string_view text;
    switch (v.kind) {
      case Scalar::kNull: out.reset(); return true;
      case Scalar::kString: text = v.text; break;
      case Scalar::kInt: number = std::to_string(v.i); text = number; break;
      case Scalar::kUint: number = std::to_string(v.u); text = number; break;
      default: return Fail(FieldPath(), "bad_type", Name() + " must be a date string yyyyMMddHHmmss");
    }
    std::string_view t = Trim(text);
    if (t.empty()) {
      out.reset();
      return true;
    }
    Instant at;
    if (!ParseDateText(t, at))
      return Fail(FieldPath(), "bad_date",
                  Name() + " must be a real date as yyyyMMddHHmmss (Vietnam time), got \"" + std::string(text) + "\"");
    out = at;
    return true;
  }

  // An integer code; absent (null / "") gives `absent`.
  bool ToInt(const Scalar& v, int& out, int absent) {
    auto bad = [&] { return Fail(FieldPath(), "bad_code", Name() + " must be an integer code"); };
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
        std::string_view t = Trim(v.text);
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
      std::string_view t = Trim(v.text);
      if (t == "true" || t == "True") { out = true; return true; }
      if (t == "false" || t == "False") { out = false; return true; }
    }
    int x = 0;
    if (!ToInt(v, x, 0)) return false;
    out = x != 0;
    return true;
  }

  bool ToOptFlag(const Scalar& v, std::optional<bool>& out) {
    if (v.kind == Scalar::kNull || (v.kind == Scalar::kString && Trim(v.text).empty())) {
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
    if (x != absent && (x < lo || x > hi))
      return Fail(FieldPath(), "bad_code",
                  Name() + " must be in " + std::to_string(lo) + ".." + std::to_string(hi) + ", got " + std::to_string(x));
    out = x;
    return true;
  }

  bool ToAmount(const Scalar& v, std::int64_t& out) {
    double x = 0;
    switch (v.kind) {
      case Scalar::kNull: out = 0; return true;
      case Scalar::kInt: x = double(v.i); if (v.i >= 0) { out = v.i; return true; } break;
      case Scalar::kUint:  // above INT64_MAX it would wrap to a negative amount
        if (v.u > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
          return Fail(FieldPath(), "bad_number", Name() + " is too large");
        out = std::int64_t(v.u);
        return true;
      case Scalar::kFloat: x = v.f; break;
      case Scalar::kString: {
        std::string_view t = Trim(v.text);
        if (t.empty()) {
          out = 0;
          return true;
        }
        auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), x);
        if (ec != std::errc() || p != t.data() + t.size())
          return Fail(FieldPath(), "bad_number", Name() + " must be a number, got \"" + std::string(v.text) + "\"");
        break;
      }
      case Scalar::kBool:
        return Fail(FieldPath(), "bad_number", Name() + " must be a number");
    }
    if (!std::isfinite(x) || x < 0 || x > 9e15)
      return Fail(FieldPath(), "bad_number", Name() + " must be a finite amount >= 0");
    out = std::llround(x);
    return true;
  }

  // --- dispatch ---

  bool RecordScalar(Key k, const Scalar& v) {
    NationalRecord& r = out_.back();
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
        return Fail(FieldPath(), "bad_type", Name() + (k == Key::kMotcuaLocal ? " must be an object" : " must be an array"));
      default: return true;  // unknown keys are ignored
    }
  }

  bool LocalScalar(LocalFacts& l, Key k, const Scalar& v) {
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

  bool DocScalar(SubmittedDocument& d, Key k, const Scalar& v) {
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

  bool FeeScalar(FeeLine& fee, Key k, const Scalar& v) {
    switch (k) {
      case Key::kTenPhiLePhi: return ToText(v, fee.name, true);
      case Key::kMaPhiLePhi: return ToText(v, fee.code, false);
      case Key::kHinhThucThu: return ToInt(v, fee.collection_point, 0);
      case Key::kGia: return ToAmount(v, fee.amount_vnd);
      case Key::kLoaiPhiLePhi: return ToInt(v, fee.kind, 0);
      default: return true;
    }
  }

  bool SuppScalar(SupplementRequest& s, Key k, const Scalar& v) {
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

  bool ResultScalar(ResultDocument& d, Key k, const Scalar& v) {
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
  std::string_view text_;  // without the bracket ReadText may add
  std::size_t offset0_;
  bool closed_by_reader_;
  od::document* doc_ = nullptr;
  const char* last_token_ = nullptr;
  const char* junk_ = nullptr;  // see ReadToken
  bool in_records_ = false;  // inside the list of records
  bool in_record_ = false;   // inside a record
  Ctx ctx_ = Ctx::kRecord;   // what is being converted, for error paths:
  Key key_ = Key::kUnknown;  //   the key in ctx_,
  Key list_ = Key::kUnknown;  //   the list of the record being read, and
  int item_ = -1;             //   its item's index
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The text simdjson reads: a copy of the caller's text, then `closer` if it is not '\0' (see
// ReadText), then SIMDJSON_PADDING zero bytes (simdjson reads up to that far past the end, and a
// string_view promises no bytes past its end, so the text is always copied). A large copy asks for
// transparent huge pages: faulting a fresh buffer in 4 KiB at a time cost about as much as the
// copy itself (300 MB: 0.17 s CPU with 4 KiB pages, 0.08 s with 2 MiB pages, on the bench machine).
class PaddedCopy {
 public:
  PaddedCopy(std::string_view text, char closer) : size_(text.size() + (closer ? 1 : 0)) {
    constexpr std::size_t kHugePage = std::size_t(2) << 20;
    capacity_ = size_ + simdjson::SIMDJSON_PADDING;
    const bool huge = capacity_ >= 4 * kHugePage;
    if (huge) capacity_ = (capacity_ + kHugePage - 1) / kHugePage * kHugePage;
    data_ = static_cast<char*>(huge ? std::aligned_alloc(kHugePage, capacity_) : std::malloc(capacity_));
    if (data_ == nullptr) throw std::bad_alloc();
    if (huge) madvise(data_, capacity_, MADV_HUGEPAGE);  // a hint: without it, only slower
    std::memcpy(data_, text.data(), text.size());
    if (closer) data_[text.size()] = closer;
    std::memset(data_ + size_, 0, capacity_ - size_);
  }
  PaddedCopy(const PaddedCopy&) = delete;
  PaddedCopy& operator=(const PaddedCopy&) = delete;
  ~PaddedCopy() { std::free(data_); }

  const char* data() const { return data_; }
  simdjson::padded_string_view View() const { return simdjson::padded_string_view(data_, size_, capacity_); }

 private:
  std::size_t size_;
  std::size_t capacity_;
  char* data_;
};

// How a run of ReadText ended, beyond its result.
struct ReadOutcome {
  std::size_t bad_json_at = 0;  // a bad_json error's byte offset
  bool read_to_end = false;     // the reader got through the whole text (any error is the final check's)
};

// One run of the reader over `json` (copied once, PaddedCopy). `offset0` is added to byte offsets
// (the length of a byte order mark the caller left out).
//
// A text whose top-level array or object does not close at its end (a truncated file) is read a
// second time with the closing bracket added, so that its records are still read in order and the
// error is the first one in the text: an earlier record's own error, or bad_json naming the record
// where the text ends (RecordReader::Closed).
Result<std::vector<NationalRecord>> ReadText(std::string_view json, std::size_t offset0, const ParseOptions& options,
                                             bool single, bool locate_stage1, ReadOutcome& outcome) {
  if (json.size() + 1 > simdjson::SIMDJSON_MAXSIZE_BYTES)
    return Invalid("", "too_large",
                   "the text is " + std::to_string(json.size()) + " bytes; the reader takes at most 4 GiB (split the file)");
  const std::size_t root = json.find_first_not_of(" \t\n\r");
  for (const bool close : {false, true}) {
    const PaddedCopy padded(json, close ? (json[root] == '[' ? ']' : '}') : '\0');
    od::parser parser;
    od::document doc;
    const simdjson::error_code stage1 = parser.iterate(padded.View()).get(doc);
    if (stage1 == simdjson::MEMALLOC) throw std::bad_alloc();
    if (stage1) {
      // Stage 1 refused the text: find the byte, and read what comes before it for any earlier error.
      std::size_t string_start = std::string_view::npos;
      const std::size_t at = std::min(FindStage1Error(json, string_start), json.size());
      outcome.bad_json_at = offset0 + at;
      Error error = Invalid("", "bad_json",
                            "not valid JSON at byte " + std::to_string(outcome.bad_json_at) + ": " +
                                simdjson::error_message(stage1));
      const std::size_t cut = string_start != std::string_view::npos ? string_start : at;
      if (!locate_stage1 || cut >= json.size()) return error;
      ReadOutcome before_outcome;
      auto before = ReadText(json.substr(0, cut), offset0, options, single, false, before_outcome);
      if (before || before_outcome.read_to_end) return error;
      if (before.error().rule != "bad_json" || before_outcome.bad_json_at < offset0 + cut) {
        outcome = before_outcome;
        return before.error();
      }
      error.field = before.error().field;  // the text before it ran out inside that record
      return error;
    }
    std::vector<NationalRecord> records;
    // Records as the writer writes them take 700 bytes or more (1,460 in the bench's month), so this
    // mostly spares the vector's regrowth (4% of the time) at the price of untouched address space.
    records.reserve(single ? 1 : json.size() / 1024);
    RecordReader reader(records, options, single, std::string_view(padded.data(), json.size()), offset0, close);
    if (!reader.Read(doc)) {
      if (reader.unclosed) continue;
      outcome.bad_json_at = reader.bad_json_at;
      return *reader.error;
    }
    outcome.read_to_end = true;
    if (!reader.saw_records)
      return Invalid("", "not_an_array", "the input must be a JSON array of dossier records (or {\"data\":[...]})");
    return records;
  }
  MOTCUA_ASSERT(false, "ReadText: the second reading (closing bracket added) cannot end unclosed");
  return Invalid("", "bad_json", "not valid JSON");
}

Result<std::vector<NationalRecord>> Parse(std::string_view json, const ParseOptions& options, bool single) {
  // A UTF-8 byte order mark (Windows tools write one) is skipped.
  const std::size_t bom = json.substr(0, kUtf8Bom.size()) == kUtf8Bom ? kUtf8Bom.size() : 0;
  json.remove_prefix(bom);
  ReadOutcome outcome;
  auto records = ReadText(json, bom, options, single, true, outcome);
  // A NUL byte ends the text (a C string's terminator, a file padded with zeros). simdjson refuses it
  // wherever it is, so it is looked for only once reading has failed.
  if (!records && records.error().rule == "bad_json") {
    const std::size_t nul = json.find('\0');
    if (nul != std::string_view::npos) return ReadText(json.substr(0, nul), bom, options, single, true, outcome);
  }
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
