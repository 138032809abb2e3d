// Worked examples of the wire format (domain.md §4.3b): every scalar a string, required fields always
// present, "" for absent dates, caps applied and noted, DinhDanhCHS by the number's length.
#include "sync/wire.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fixtures.h"

namespace motcua::sync {
namespace {

using Json = nlohmann::json;

dvc::NationalRecord Sample() {
  dvc::NationalRecord r;
  r.dossier_code = "000.00.00.H56-261207-0001";
  r.procedure_code = "1.004222";
  r.procedure_name = "Đăng ký thường trú";
  r.field_code = "CT";
  r.field_name = "Cư trú";
  r.applicant_name = "Nguyễn Văn An";
  r.applicant_kind = 1;
  r.applicant_id_number = "001203012345";
  r.summary = "Đăng ký thường trú";
  r.received_at = testing::At("2026-12-07 08:00");
  r.submitted_at = r.received_at;
  r.due_at = testing::At("2026-12-16 08:00");
  r.status = dvc::NationalStatus::kReceived;
  r.channel = dvc::Channel::kDirect;
  r.result_delivery = 0;
  r.processing_unit = "Công an tỉnh";
  r.fees.push_back({"Lệ phí đăng ký cư trú", "", 1, 20000, 1});
  return r;
}

void ExpectOnlyStrings(const Json& j, const std::string& where) {
  if (j.is_object() || j.is_array()) {
    for (auto it = j.begin(); it != j.end(); ++it) ExpectOnlyStrings(*it, where + (j.is_object() ? "." + it.key() : "[]"));
    return;
  }
  EXPECT_TRUE(j.is_string()) << where << " is " << j.type_name();
}

TEST(WireTest, EveryScalarIsAStringAndTheRequiredFieldsAreThere) {
  std::vector<CapNote> notes;
  const Json j = Json::parse(WireRecord(Sample(), notes));
  ExpectOnlyStrings(j, "record");
  for (const char* key : {"MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "LoaiDoiTuong", "TrichYeuHoSo",
                          "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "HinhThuc", "DonViXuLy"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["TrangThaiHoSo"], "2");
  EXPECT_EQ(j["KenhThucHien"], "1");
  EXPECT_EQ(j["HinhThuc"], "0");
  EXPECT_EQ(j["LoaiDoiTuong"], "1");
  EXPECT_EQ(j["NgayTiepNhan"], "20261207080000");  // Vietnam time
  EXPECT_EQ(j["NgayHenTra"], "20261216080000");
  EXPECT_EQ(j["NgayKetThucXuLy"], "");             // absent optional date
  EXPECT_EQ(j["DanhSachLePhi"][0]["Gia"], "20000");
  EXPECT_EQ(j["DinhDanhCHS"], Json::parse(R"([{"LoaiDinhDanh":"1","SoDinhDanh":"001203012345"}])"));
  EXPECT_FALSE(j.contains("motcua_local"));
  EXPECT_TRUE(notes.empty());
}

TEST(WireTest, NoDueDateIsAnEmptyStringNotAMissingField) {
  dvc::NationalRecord r = Sample();
  r.due_at.reset();
  std::vector<CapNote> notes;
  const Json j = Json::parse(WireRecord(r, notes));
  ASSERT_TRUE(j.contains("NgayHenTra"));
  EXPECT_EQ(j["NgayHenTra"], "");
}

TEST(WireTest, IdentityTypeFollowsTheNumbersLength) {
  std::vector<CapNote> notes;
  dvc::NationalRecord r = Sample();
  r.applicant_id_number = "123456789";  // CMND
  EXPECT_EQ(Json::parse(WireRecord(r, notes))["DinhDanhCHS"][0]["LoaiDinhDanh"], "2");
  r.applicant_id_number = "0101234567";  // a tax code: no DinhDanhCHS item
  EXPECT_TRUE(Json::parse(WireRecord(r, notes))["DinhDanhCHS"].empty());
}

TEST(WireTest, LongTextIsCutToTheCapAtACharacterBoundaryAndNoted) {
  dvc::NationalRecord r = Sample();
  r.summary.clear();
  for (int i = 0; i < 1005; ++i) r.summary += "ữ";  // 3 bytes each
  r.results.push_back({std::string(2001, 'a'), "", "", "", ""});
  std::vector<CapNote> notes;
  const Json j = Json::parse(WireRecord(r, notes));
  std::string summary = j["TrichYeuHoSo"];
  EXPECT_EQ(summary.size(), 3000u);  // 1000 characters, none split
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].field, "TrichYeuHoSo");
  EXPECT_EQ(notes[0].from_chars, 1005u);
  EXPECT_EQ(notes[0].to_chars, 1000u);
  EXPECT_EQ(notes[1].field, "DanhSachGiayToKetQua[0].TenGiayTo");
  EXPECT_EQ(notes[1].dossier_code, r.dossier_code);
}

TEST(WireTest, AStepCarriesItsRequiredFieldsAndTheHandlerIsCutTo50) {
  dvc::ProgressStep s;
  s.dossier_code = "X-1";
  s.handler = std::string(60, 'b');
  s.at = testing::At("2026-12-07 09:30");
  s.content = "Chuyển hồ sơ";
  s.status = dvc::NationalStatus::kProcessing;
  std::vector<CapNote> notes;
  const Json j = Json::parse(WireStep(s, notes));
  ExpectOnlyStrings(j, "step");
  EXPECT_EQ(j["ThoiDiemXuLy"], "20261207093000");
  EXPECT_EQ(j["TrangThai"], "4");
  EXPECT_EQ(j["NguoiXuLy"].get<std::string>().size(), 50u);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].field, "NguoiXuLy");
}

TEST(WireTest, RequestBodiesFollowTheAdapter) {
  const Json files = Json::parse(SyncFilesBody("tok", "000.00.00.H56", false, {R"({"MaHoSo":"A"})", R"({"MaHoSo":"B"})"}));
  EXPECT_EQ(files["service"], "DongBoHoSoMC");
  EXPECT_EQ(files["isUpdating"], "False");
  EXPECT_EQ(files["session"], "tok");
  EXPECT_EQ(files["madonvi"], "000.00.00.H56");
  EXPECT_EQ(files["data"].size(), 2u);
  EXPECT_EQ(Json::parse(SyncFilesBody("t", "u", true, {}))["isUpdating"], "True");
  EXPECT_EQ(Json::parse(SyncStepsBody("t", "u", {"{}"}))["service"], "CapNhatTienDoHoSoMC");
  EXPECT_EQ(Json::parse(LookupFileBody("t", "u", "A"))["MaHoSo"], "A");
  EXPECT_EQ(Json::parse(LoginBody("u", "p\"w")), Json::parse(R"({"username":"u","password":"p\"w"})"));
}

TEST(WireTest, CutToCharsCountsCharactersNotBytes) {
  std::string s = "Hà Nội";
  EXPECT_EQ(CutToChars(s, 10), 6u);
  EXPECT_EQ(s, "Hà Nội");
  EXPECT_EQ(CutToChars(s, 2), 6u);
  EXPECT_EQ(s, "Hà");
}

}  // namespace
}  // namespace motcua::sync
