#include "sync/wire.h"

#include <nlohmann/json.hpp>

namespace motcua::sync {
namespace {

using Json = nlohmann::ordered_json;

// Replace invalid UTF-8 rather than throw: a name read from an old file must not stop the sync.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string Date(const std::optional<Instant>& at) { return at ? dvc::FormatNationalDate(*at) : std::string(); }
std::string Code(int value, int absent) { return value == absent ? std::string() : std::to_string(value); }
std::string Flag(bool value) { return value ? "1" : "0"; }

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Cuts `value` to `max_chars`, noting it under `field`.
std::string Capped(std::string value, std::size_t max_chars, const std::string& code, std::string field,
                   std::vector<CapNote>& notes) {
  const std::size_t had = CutToChars(value, max_chars);
  if (had > max_chars) notes.push_back({code, std::move(field), had, max_chars});
  return value;
}

Json Documents(const dvc::NationalRecord& r, std::vector<CapNote>& notes) {
  Json out = Json::array();
  for (std::size_t i = 0; i < r.documents.size(); ++i) {
    const dvc::SubmittedDocument& d = r.documents[i];
    out.push_back({
        {"TepDinhKemId", d.attachment_id},
        {"TenTepDinhKem", Capped(d.name, kMaxDocumentNameChars, r.dossier_code,
                                 "TaiLieuNop[" + std::to_string(i) + "].TenTepDinhKem", notes)},
        {"MaThanhPhanHoSo", d.component_code},
        {"DuongDanTaiTepTin", d.file_url},
        {"IsDeleted", d.is_deleted ? "True" : "False"},
        {"DuocSoHoa", Flag(d.digitized)},
        {"DuocTaiSuDung", std::to_string(d.reuse)},
        {"DuocLayTuKhoDMQG", Flag(d.from_citizen_store)},
        {"MaKetQuaThayThe", d.replacing_result_code},
    });
  }
  return out;
}

Json Fees(const dvc::NationalRecord& r) {
  Json out = Json::array();
  for (const dvc::FeeLine& f : r.fees)
    out.push_back({
        {"TenPhiLePhi", f.name},
        {"MaPhiLePhi", f.code},
        {"HinhThucThu", Code(f.collection_point, 0)},
        {"Gia", std::to_string(f.amount_vnd)},
        {"LoaiPhiLePhi", Code(f.kind, 0)},
    });
  return out;
}

Json Supplements(const dvc::NationalRecord& r) {
  Json out = Json::array();
  for (const dvc::SupplementRequest& s : r.supplements)
    out.push_back({
        {"HoSoBoSungId", s.id},
        {"NguoiYeuCauBoSung", s.requested_by},
        {"NoiDungBoSung", s.content},
        {"NgayBoSung", Date(s.requested_at)},
        {"NguoiTiepNhanBoSung", s.received_by},
        {"ThongTinTiepNhan", s.receipt_info},
        {"NgayTiepNhanBoSung", Date(s.answered_at)},
        {"TrangThaiBoSung", s.status},
        {"NgayHenTraTruoc", Date(s.due_before)},
        {"NgayHenTraMoi", Date(s.due_after)},
    });
  return out;
}

Json Results(const dvc::NationalRecord& r, std::vector<CapNote>& notes) {
  Json out = Json::array();
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const dvc::ResultDocument& d = r.results[i];
    out.push_back({
        {"TenGiayTo", Capped(d.name, kMaxResultNameChars, r.dossier_code,
                             "DanhSachGiayToKetQua[" + std::to_string(i) + "].TenGiayTo", notes)},
        {"MaThanhPhanHoSo", d.component_code},
        {"GiayToId", d.document_id},
        {"DuongDanTepTinKetQua", d.file_url},
        {"MaGiayToKetQua", d.result_code},
    });
  }
  return out;
}

Json Identity(const std::string& number) {
  Json out = Json::array();
  if (AllDigits(number) && (number.size() == 12 || number.size() == 9))
    out.push_back({{"LoaiDinhDanh", number.size() == 12 ? "1" : "2"}, {"SoDinhDanh", number}});
  return out;
}

Json Call(std::string_view session, std::string_view unit_code, const char* service) {
  return Json{{"session", session}, {"madonvi", unit_code}, {"service", service}};
}

// The call object with "data":[items...] added: the items are already JSON texts, joined as they are.
std::string WithData(const Json& call, const std::vector<std::string>& items) {
  std::string out = Dump(call);
  out.pop_back();  // the closing brace
  out += ",\"data\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    out += items[i];
  }
  out += "]}";
  return out;
}

}  // namespace

std::size_t CutToChars(std::string& text, std::size_t max_chars) {
  std::size_t chars = 0, cut = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (chars == max_chars) cut = std::min(cut, i);
    ++chars;
  }
  if (chars > max_chars) text.resize(cut);
  return chars;
}

std::string WireRecord(const dvc::NationalRecord& r, std::vector<CapNote>& notes) {
  Json j{
      {"MaHoSo", r.dossier_code},
      {"MaTTHC", r.procedure_code},
      {"TenTTHC", r.procedure_name},
      {"MaLinhVuc", r.field_code},
      {"TenLinhVuc", r.field_name},
      {"KenhThucHien", Code(int(r.channel), 0)},
      {"ChuHoSo", r.applicant_name},
      {"LoaiDoiTuong", Code(r.applicant_kind, 0)},
      {"MaDoiTuong", ""},
      {"SoGiayToChuHoSo", r.applicant_id_number},
      {"DinhDanhCHS", Identity(r.applicant_id_number)},
      {"TrichYeuHoSo", Capped(r.summary, kMaxSummaryChars, r.dossier_code, "TrichYeuHoSo", notes)},
      {"NgayNopHoSo", Date(r.submitted_at)},
      {"NgayTiepNhan", Date(r.received_at)},
      {"NgayHenTra", Date(r.due_at)},
      {"NgayKetThucXuLy", Date(r.processed_at)},
      {"NgayTra", Date(r.returned_at)},
      {"NgayTuChoi", Date(r.refused_at)},
      {"TrangThaiHoSo", Code(int(r.status), 0)},
      {"HinhThuc", Code(r.result_delivery, -1)},
      {"DonViXuLy", r.processing_unit},
      {"HoSoCoThanhPhanSoHoa", Flag(r.has_digitized_components)},
      {"TaiKhoanDuocXacThucVoiVNeID", Flag(r.vneid_authenticated)},
      {"DuocThanhToanTrucTuyen", std::to_string(r.online_payment)},
      {"DSKetNoiCSDL", Json::array()},
      {"TaiLieuNop", Documents(r, notes)},
      {"DanhSachLePhi", Fees(r)},
      {"DanhSachHoSoBoSung", Supplements(r)},
      {"DanhSachGiayToKetQua", Results(r, notes)},
  };
  for (const std::string& db : r.connected_databases) j["DSKetNoiCSDL"].push_back({{"MaCSDL", db}});
  return Dump(j);
}

std::string WireStep(const dvc::ProgressStep& s, std::vector<CapNote>& notes) {
  const Json j{
      {"MaHoSo", s.dossier_code},
      {"NguoiXuLy", Capped(s.handler, kMaxHandlerChars, s.dossier_code, "NguoiXuLy", notes)},
      {"ChucDanh", ""},
      {"ThoiDiemXuLy", dvc::FormatNationalDate(s.at)},
      {"PhongBanXuLy", s.unit},
      {"NoiDungXuLy", s.content},
      {"TrangThai", Code(int(s.status), 0)},
      {"NgayBatDau", ""},
      {"NgayKetThucTheoQuyDinh", ""},
  };
  return Dump(j);
}

std::string LoginBody(std::string_view username, std::string_view password) {
  return Dump(Json{{"username", username}, {"password", password}});
}

std::string SyncFilesBody(std::string_view session, std::string_view unit_code, bool updating,
                          const std::vector<std::string>& items) {
  Json j = Call(session, unit_code, "DongBoHoSoMC");
  j["isUpdating"] = updating ? "True" : "False";
  return WithData(j, items);
}

std::string SyncStepsBody(std::string_view session, std::string_view unit_code, const std::vector<std::string>& items) {
  return WithData(Call(session, unit_code, "CapNhatTienDoHoSoMC"), items);
}

std::string LookupFileBody(std::string_view session, std::string_view unit_code, std::string_view dossier_code) {
  Json j = Call(session, unit_code, "TraCuuHoSo");
  j["MaHoSo"] = dossier_code;
  return Dump(j);
}

std::string ProcedureListBody(std::string_view session, std::string_view unit_code) {
  return Dump(Call(session, unit_code, "LayDanhSachTTHC"));
}

std::string ProcedureBody(std::string_view session, std::string_view unit_code, std::string_view procedure_code) {
  Json j = Call(session, unit_code, "LayThuTuc");
  j["MaTTHC"] = procedure_code;
  return Dump(j);
}

}  // namespace motcua::sync
