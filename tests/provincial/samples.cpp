#include "samples.h"

namespace motcua::provincial::testing {

Json SampleRecord(const std::string& dossier_code) {
  return Json{
      {"MaHoSo", dossier_code},
      {"MaTTHC", "1.001193"},
      {"TenTTHC", "Thủ tục đăng ký khai sinh"},
      {"MaLinhVuc", "HT"},
      {"TenLinhVuc", "Hộ tịch"},
      {"ChuHoSo", "Nguyễn Văn An"},
      {"LoaiDoiTuong", "1"},
      {"SoGiayToChuHoSo", "008203012345"},
      {"DinhDanhCHS", Json::array({Json{{"LoaiDinhDanh", "1"}, {"SoDinhDanh", "008203012345"}}})},
      {"TrichYeuHoSo", "Đăng ký khai sinh cho Nguyễn Văn Bình"},
      {"NgayNopHoSo", "20260803073000"},
      {"NgayTiepNhan", "20260803080000"},
      {"NgayHenTra", "20260805170000"},
      {"NgayKetThucXuLy", ""},
      {"NgayTra", ""},
      {"TrangThaiHoSo", "2"},
      {"KenhThucHien", "1"},
      {"HinhThuc", "0"},
      {"DonViXuLy", "UBND xã Yên Sơn"},
      {"HoSoCoThanhPhanSoHoa", "1"},
      {"DuocThanhToanTrucTuyen", "0"},
      {"DSKetNoiCSDL", Json::array({Json{{"MaCSDL", "7"}}})},
      {"TaiLieuNop", Json::array({Json{{"TepDinhKemId", "a1"},
                                       {"TenTepDinhKem", "Tờ khai đăng ký khai sinh"},
                                       {"MaThanhPhanHoSo", "TP7"},
                                       {"DuongDanTaiTepTin", "https://dvc.example.vn/f/a1"},
                                       {"IsDeleted", "0"},
                                       {"DuocSoHoa", "1"}}})},
      {"DanhSachLePhi", Json::array({Json{{"TenPhiLePhi", "Lệ phí"}, {"MaPhiLePhi", "LP1"}, {"Gia", "0"}}})},
      {"DanhSachTepDinhKemKhac", Json::array()},
      {"DanhSachHoSoBoSung", Json::array()},
      {"DanhSachGiayToKetQua", Json::array({Json{{"TenGiayTo", "Giấy khai sinh"}, {"DuongDanTepTinKetQua", ""}}})},
  };
}

Json SampleStep(const std::string& dossier_code, const std::string& at, const std::string& status) {
  return Json{{"MaHoSo", dossier_code},
              {"NguoiXuLy", "Trần Thị Hoa"},
              {"ThoiDiemXuLy", at},
              {"NoiDungXuLy", "Tiếp nhận hồ sơ"},
              {"TrangThai", status}};
}

}  // namespace motcua::provincial::testing
