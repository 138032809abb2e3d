#include "sync/wire.h"

#include "common/number_parse.h"

namespace motcua::sync {
namespace {

// Writes one JSON object's members straight into a string: a sync writes tens of thousands of records
// in a row, and a DOM per record would cost more than the network (bench/sync).
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_.push_back('{'); }
  ~ObjectWriter() { out_.push_back('}'); }
  ObjectWriter& Str(const char* key, std::string_view value) {
    Key(key);
    dvc::AppendJsonString(out_, value);
    return *this;
  }
  // An array of objects, each written by `item(ObjectWriter&, index)`.
  template <class F>
  ObjectWriter& Array(const char* key, std::size_t count, F item) {
    Key(key);
    out_.push_back('[');
    for (std::size_t i = 0; i < count; ++i) {
      if (i) out_.push_back(',');
      ObjectWriter o(out_);
      item(o, i);
    }
    out_.push_back(']');
    return *this;
  }

 private:
  void Key(const char* key) {
    if (!first_) out_.push_back(',');
    first_ = false;
    out_.push_back('"');
    out_ += key;
    out_ += "\":";
  }
  std::string& out_;
  bool first_ = true;
};

std::string Date(const std::optional<Instant>& at) { return at ? dvc::FormatNationalDate(*at) : std::string(); }
std::string Code(int value, int absent) { return value == absent ? std::string() : std::to_string(value); }
const char* Flag(bool value) { return value ? "1" : "0"; }

// `value` cut to `max_chars`, the cut noted under `field`.
std::string Capped(std::string value, std::size_t max_chars, const std::string& code, const std::string& field,
                   std::vector<CapNote>& notes) {
  const std::size_t had = CutToChars(value, max_chars);
  if (had > max_chars) notes.push_back({code, field, had, max_chars});
  return value;
}

void Documents(ObjectWriter& w, const dvc::NationalRecord& r, std::vector<CapNote>& notes) {
  w.Array("TaiLieuNop", r.documents.size(), [&](ObjectWriter& o, std::size_t i) {
    const dvc::SubmittedDocument& d = r.documents[i];
    o.Str("TepDinhKemId", d.attachment_id)
        .Str("TenTepDinhKem", Capped(d.name, kMaxDocumentNameChars, r.dossier_code,
                                     "TaiLieuNop[" + std::to_string(i) + "].TenTepDinhKem", notes))
        .Str("MaThanhPhanHoSo", d.component_code)
        .Str("DuongDanTaiTepTin", d.file_url)
        .Str("IsDeleted", d.is_deleted ? "True" : "False")
        .Str("DuocSoHoa", Flag(d.digitized))
        .Str("DuocTaiSuDung", std::to_string(d.reuse))
        .Str("DuocLayTuKhoDMQG", Flag(d.from_citizen_store))
        .Str("MaKetQuaThayThe", d.replacing_result_code);
  });
}

void Fees(ObjectWriter& w, const dvc::NationalRecord& r) {
  w.Array("DanhSachLePhi", r.fees.size(), [&](ObjectWriter& o, std::size_t i) {
    const dvc::FeeLine& f = r.fees[i];
    o.Str("TenPhiLePhi", f.name)
        .Str("MaPhiLePhi", f.code)
        .Str("HinhThucThu", Code(f.collection_point, 0))
        .Str("Gia", std::to_string(f.amount_vnd))
        .Str("LoaiPhiLePhi", Code(f.kind, 0));
  });
}

void Supplements(ObjectWriter& w, const dvc::NationalRecord& r) {
  w.Array("DanhSachHoSoBoSung", r.supplements.size(), [&](ObjectWriter& o, std::size_t i) {
    const dvc::SupplementRequest& s = r.supplements[i];
    o.Str("HoSoBoSungId", s.id)
        .Str("NguoiYeuCauBoSung", s.requested_by)
        .Str("NoiDungBoSung", s.content)
        .Str("NgayBoSung", Date(s.requested_at))
        .Str("NguoiTiepNhanBoSung", s.received_by)
        .Str("ThongTinTiepNhan", s.receipt_info)
        .Str("NgayTiepNhanBoSung", Date(s.answered_at))
        .Str("TrangThaiBoSung", s.status)
        .Str("NgayHenTraTruoc", Date(s.due_before))
        .Str("NgayHenTraMoi", Date(s.due_after));
  });
}

void Results(ObjectWriter& w, const dvc::NationalRecord& r, std::vector<CapNote>& notes) {
  w.Array("DanhSachGiayToKetQua", r.results.size(), [&](ObjectWriter& o, std::size_t i) {
    const dvc::ResultDocument& d = r.results[i];
    o.Str("TenGiayTo", Capped(d.name, kMaxResultNameChars, r.dossier_code,
                              "DanhSachGiayToKetQua[" + std::to_string(i) + "].TenGiayTo", notes))
        .Str("MaThanhPhanHoSo", d.component_code)
        .Str("GiayToId", d.document_id)
        .Str("DuongDanTepTinKetQua", d.file_url)
        .Str("MaGiayToKetQua", d.result_code);
  });
}

// The call object's members (§4.1), left open for the service's own.
void Call(std::string& out, std::string_view session, std::string_view unit_code, const char* service) {
  out += "{\"session\":";
  dvc::AppendJsonString(out, session);
  out += ",\"madonvi\":";
  dvc::AppendJsonString(out, unit_code);
  out += ",\"service\":";
  dvc::AppendJsonString(out, service);
}

// ,"data":[items...]} : the items are JSON texts already, joined as they are.
void Data(std::string& out, const std::vector<std::string>& items) {
  out += ",\"data\":[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    out += items[i];
  }
  out += "]}";
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
  std::string out;
  out.reserve(2048);
  {
    ObjectWriter w(out);
    const bool identity = IsAsciiDigits(r.applicant_id_number) &&
                          (r.applicant_id_number.size() == 12 || r.applicant_id_number.size() == 9);
    w.Str("MaHoSo", r.dossier_code)
        .Str("MaTTHC", r.procedure_code)
        .Str("TenTTHC", r.procedure_name)
        .Str("MaLinhVuc", r.field_code)
        .Str("TenLinhVuc", r.field_name)
        .Str("KenhThucHien", Code(int(r.channel), 0))
        .Str("ChuHoSo", r.applicant_name)
        .Str("LoaiDoiTuong", Code(r.applicant_kind, 0))
        .Str("MaDoiTuong", "")
        .Str("SoGiayToChuHoSo", r.applicant_id_number)
        .Array("DinhDanhCHS", identity ? 1 : 0, [&](ObjectWriter& o, std::size_t) {
          o.Str("LoaiDinhDanh", r.applicant_id_number.size() == 12 ? "1" : "2").Str("SoDinhDanh", r.applicant_id_number);
        })
        .Str("TrichYeuHoSo", Capped(r.summary, kMaxSummaryChars, r.dossier_code, "TrichYeuHoSo", notes))
        .Str("NgayNopHoSo", Date(r.submitted_at))
        .Str("NgayTiepNhan", Date(r.received_at))
        .Str("NgayHenTra", Date(r.due_at))
        .Str("NgayKetThucXuLy", Date(r.processed_at))
        .Str("NgayTra", Date(r.returned_at))
        .Str("NgayTuChoi", Date(r.refused_at))
        .Str("TrangThaiHoSo", Code(int(r.status), 0))
        .Str("HinhThuc", Code(r.result_delivery, -1))
        .Str("DonViXuLy", r.processing_unit)
        .Str("HoSoCoThanhPhanSoHoa", Flag(r.has_digitized_components))
        .Str("TaiKhoanDuocXacThucVoiVNeID", Flag(r.vneid_authenticated))
        .Str("DuocThanhToanTrucTuyen", std::to_string(r.online_payment))
        .Array("DSKetNoiCSDL", r.connected_databases.size(),
               [&](ObjectWriter& o, std::size_t i) { o.Str("MaCSDL", r.connected_databases[i]); });
    Documents(w, r, notes);
    Fees(w, r);
    Supplements(w, r);
    Results(w, r, notes);
  }
  return out;
}

std::string WireStep(const dvc::ProgressStep& s, std::vector<CapNote>& notes) {
  std::string out;
  {
    ObjectWriter w(out);
    w.Str("MaHoSo", s.dossier_code)
        .Str("NguoiXuLy", Capped(s.handler, kMaxHandlerChars, s.dossier_code, "NguoiXuLy", notes))
        .Str("ChucDanh", "")
        .Str("ThoiDiemXuLy", dvc::FormatNationalDate(s.at))
        .Str("PhongBanXuLy", s.unit)
        .Str("NoiDungXuLy", s.content)
        .Str("TrangThai", Code(int(s.status), 0))
        .Str("NgayBatDau", "")
        .Str("NgayKetThucTheoQuyDinh", "");
  }
  return out;
}

std::string LoginBody(std::string_view username, std::string_view password) {
  std::string out = "{\"username\":";
  dvc::AppendJsonString(out, username);
  out += ",\"password\":";
  dvc::AppendJsonString(out, password);
  out += "}";
  return out;
}

std::string SyncFilesBody(std::string_view session, std::string_view unit_code, bool updating,
                          const std::vector<std::string>& items) {
  std::string out;
  Call(out, session, unit_code, "DongBoHoSoMC");
  out += updating ? ",\"isUpdating\":\"True\"" : ",\"isUpdating\":\"False\"";
  Data(out, items);
  return out;
}

std::string SyncStepsBody(std::string_view session, std::string_view unit_code, const std::vector<std::string>& items) {
  std::string out;
  Call(out, session, unit_code, "CapNhatTienDoHoSoMC");
  Data(out, items);
  return out;
}

std::string LookupFileBody(std::string_view session, std::string_view unit_code, std::string_view dossier_code) {
  std::string out;
  Call(out, session, unit_code, "TraCuuHoSo");
  out += ",\"MaHoSo\":";
  dvc::AppendJsonString(out, dossier_code);
  out += "}";
  return out;
}

std::string ProcedureListBody(std::string_view session, std::string_view unit_code) {
  std::string out;
  Call(out, session, unit_code, "LayDanhSachTTHC");
  out += "}";
  return out;
}

std::string ProcedureBody(std::string_view session, std::string_view unit_code, std::string_view procedure_code) {
  std::string out;
  Call(out, session, unit_code, "LayThuTuc");
  out += ",\"MaTTHC\":";
  dvc::AppendJsonString(out, procedure_code);
  out += "}";
  return out;
}

}  // namespace motcua::sync
