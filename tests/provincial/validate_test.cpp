// Worked examples for validate.h: one or more per rule, both sides of every boundary the rules name.
// Sources: domain.md §4.2 (fields), §4.3 (code tables), §4.3b (how senders put it on the wire: every
// scalar a string, the required keys, the length caps, DinhDanhCHS lengths).
#include "validate.h"

#include <gtest/gtest.h>

#include <string>

#include "samples.h"

namespace motcua::provincial {
namespace {

using testing::SampleRecord;
using testing::SampleStep;

std::string Repeat(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += unit;
  return out;
}

// Expects `record` refused on `field` with `rule`.
void ExpectRecordProblem(const Json& record, const std::string& field, const std::string& rule) {
  const auto problem = ValidateRecord(record);
  ASSERT_TRUE(problem.has_value()) << "accepted: " << record.dump();
  EXPECT_EQ(problem->field, field);
  EXPECT_EQ(problem->rule, rule) << problem->problem;
}
void ExpectStepProblem(const Json& step, const std::string& field, const std::string& rule) {
  const auto problem = ValidateStep(step);
  ASSERT_TRUE(problem.has_value()) << "accepted: " << step.dump();
  EXPECT_EQ(problem->field, field);
  EXPECT_EQ(problem->rule, rule) << problem->problem;
}
void ExpectRecordAccepted(const Json& record) {
  const auto problem = ValidateRecord(record);
  EXPECT_FALSE(problem.has_value()) << problem->field << " " << problem->rule << ": " << problem->problem;
}

TEST(ValidateRecord, AcceptsThanhHoaStyleRecordWithEveryArray) {
  ExpectRecordAccepted(SampleRecord("000.00.12.H60-260803-0007"));
}

TEST(ValidateRecord, AcceptsUnknownKeysWhoseScalarsAreStrings) {
  Json r = SampleRecord("A-1");
  r["NoiNopHoSo"] = "2";                                 // Thanh Hóa always sends it; meaning unverified
  r["ThongTinNoiBo"] = Json{{"GhiChu", "x"}};            // an object of strings
  r["NhanHieu"] = Json::array({"a", Json{{"b", "c"}}});  // an array of strings and objects
  ExpectRecordAccepted(r);
}

TEST(ValidateRecord, RefusesAnythingButAnObject) {
  ExpectRecordProblem(Json::array(), "", "not_an_object");
  ExpectRecordProblem("000.00.12.H60-260803-0007", "", "not_an_object");
  ExpectRecordProblem(nullptr, "", "not_an_object");
}

TEST(ValidateRecord, RefusesEachMissingRequiredKey) {
  for (const char* key : {"MaHoSo", "MaTTHC", "TenTTHC", "MaLinhVuc", "TenLinhVuc", "LoaiDoiTuong", "TrichYeuHoSo",
                          "NgayTiepNhan", "NgayHenTra", "TrangThaiHoSo", "HinhThuc", "DonViXuLy"}) {
    SCOPED_TRACE(key);
    Json r = SampleRecord("A-1");
    r.erase(key);
    ExpectRecordProblem(r, key, "required");
  }
}

TEST(ValidateRecord, RefusesEmptyRequiredValueButNotAnEmptyDueDate) {
  Json r = SampleRecord("A-1");
  r["DonViXuLy"] = "";
  ExpectRecordProblem(r, "DonViXuLy", "empty");
  Json no_due = SampleRecord("A-1");
  no_due["NgayHenTra"] = "";  // "" when there is none (OpenCPS, domain.md §4.3b)
  ExpectRecordAccepted(no_due);
  Json no_reception = SampleRecord("A-1");
  no_reception["NgayTiepNhan"] = "";
  ExpectRecordProblem(no_reception, "NgayTiepNhan", "empty");
}

TEST(ValidateRecord, RefusesNumbersBooleansAndNullsWhereAStringIsExpected) {
  struct Case {
    const char* field;
    Json value;
  };
  // OpenCPS's liberal reader would take each of these; no sender puts them on the wire (§4.3b).
  for (const Case& c : {Case{"TrangThaiHoSo", 4}, Case{"HinhThuc", false}, Case{"NgayTra", nullptr},
                        Case{"MaTTHC", 1.005129}, Case{"ChuHoSo", Json::object()},
                        Case{"NgayTiepNhan", Json::array({"20260803080000"})}}) {
    SCOPED_TRACE(c.field);
    Json r = SampleRecord("A-1");
    r[c.field] = c.value;
    ExpectRecordProblem(r, c.field, "not_a_string");
  }
}

TEST(ValidateRecord, RefusesNonStringScalarsInsideArraysAndUnknownObjects) {
  Json r = SampleRecord("A-1");
  r["TaiLieuNop"][0]["IsDeleted"] = false;  // OpenCPS sends a JSON boolean here; a strict server does not take it
  ExpectRecordProblem(r, "TaiLieuNop[0].IsDeleted", "not_a_string");
  Json fee = SampleRecord("A-1");
  fee["DanhSachLePhi"][0]["Gia"] = 8000;
  ExpectRecordProblem(fee, "DanhSachLePhi[0].Gia", "not_a_string");
  Json nested = SampleRecord("A-1");
  nested["ThongTinNoiBo"] = Json{{"SoLuong", 1}};
  ExpectRecordProblem(nested, "ThongTinNoiBo.SoLuong", "not_a_string");
  Json in_list = SampleRecord("A-1");
  in_list["NhanHieu"] = Json::array({"a", nullptr});
  ExpectRecordProblem(in_list, "NhanHieu[1]", "not_a_string");
}

TEST(ValidateRecord, RefusesAKnownArrayThatIsNotAnArrayOfObjects) {
  Json null_array = SampleRecord("A-1");
  null_array["TaiLieuNop"] = nullptr;
  ExpectRecordProblem(null_array, "TaiLieuNop", "not_an_array");
  Json object = SampleRecord("A-1");
  object["DSKetNoiCSDL"] = Json{{"MaCSDL", "7"}};
  ExpectRecordProblem(object, "DSKetNoiCSDL", "not_an_array");
  Json strings = SampleRecord("A-1");
  strings["DSKetNoiCSDL"] = Json::array({"7"});
  ExpectRecordProblem(strings, "DSKetNoiCSDL[0]", "not_an_object");
  Json empty = SampleRecord("A-1");
  empty["DanhSachHoSoBoSung"] = Json::array();
  ExpectRecordAccepted(empty);
}

TEST(ValidateRecord, DatesAreEmptyOrFourteenDigitsOfARealInstant) {
  struct Case {
    const char* value;
    const char* rule;  // "" = accepted
  };
  const Case cases[] = {
      {"20260803080000", ""},
      {"", ""},                                  // an absent optional date (OpenCPS)
      {"2026-08-03 08:00:00", "bad_date_format"},  // the ministry iGate form, not this adapter's (§4.2)
      {"202608030800", "bad_date_format"},          // 12 digits
      {"202608030800000", "bad_date_format"},       // 15 digits
      {"2026080308000a", "bad_date_format"},
      {"20260230080000", "impossible_date"},        // 30 February
      {"20250229080000", "impossible_date"},        // 2025 is not a leap year
      {"20240229080000", ""},                       // 2024 is
      {"20261301080000", "impossible_date"},        // month 13
      {"20260800080000", "impossible_date"},        // day 0
      {"20260803240000", "impossible_date"},        // 24:00
      {"20260803235959", ""},
      {"20260803086000", "impossible_date"},        // minute 60
      {"20260803080060", "impossible_date"},        // second 60 (no leap seconds)
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.value);
    Json r = SampleRecord("A-1");
    r["NgayKetThucXuLy"] = c.value;
    if (*c.rule == '\0') ExpectRecordAccepted(r);
    else ExpectRecordProblem(r, "NgayKetThucXuLy", c.rule);
  }
}

TEST(ValidateRecord, ChecksDatesInsideArraysAndUnderAnyNgayKey) {
  Json r = SampleRecord("A-1");
  r["DanhSachHoSoBoSung"] = Json::array({Json{{"HoSoBoSungId", "b1"}, {"NgayBoSung", "04/08/2026"}}});
  ExpectRecordProblem(r, "DanhSachHoSoBoSung[0].NgayBoSung", "bad_date_format");
  Json unknown = SampleRecord("A-1");
  unknown["NgaySinhChuHoSo"] = "19900231000000";  // an unknown key named Ngay* is a date too
  ExpectRecordProblem(unknown, "NgaySinhChuHoSo", "impossible_date");
}

TEST(ValidateRecord, CodesAreExactDecimalsInsideTheirTables) {
  struct Case {
    const char* field;
    const char* value;
    bool accepted;
  };
  const Case cases[] = {
      {"TrangThaiHoSo", "1", true},  {"TrangThaiHoSo", "10", true}, {"TrangThaiHoSo", "0", false},
      {"TrangThaiHoSo", "11", false}, {"TrangThaiHoSo", "04", false}, {"TrangThaiHoSo", " 4", false},
      {"TrangThaiHoSo", "4.0", false}, {"TrangThaiHoSo", "-1", false},
      {"KenhThucHien", "", true},     {"KenhThucHien", "1", true},   {"KenhThucHien", "3", true},
      {"KenhThucHien", "0", false},   {"KenhThucHien", "4", false},
      {"HinhThuc", "0", true},        {"HinhThuc", "1", true},       {"HinhThuc", "2", false},
      {"LoaiDoiTuong", "1", true},    {"LoaiDoiTuong", "4", true},   {"LoaiDoiTuong", "0", false},
      {"LoaiDoiTuong", "5", false},
      {"DuocThanhToanTrucTuyen", "", true}, {"DuocThanhToanTrucTuyen", "0", true},
      {"DuocThanhToanTrucTuyen", "3", true}, {"DuocThanhToanTrucTuyen", "4", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.field) + "=\"" + c.value + "\"");
    Json r = SampleRecord("A-1");
    r[c.field] = c.value;
    if (c.accepted) ExpectRecordAccepted(r);
    else ExpectRecordProblem(r, c.field, "bad_code");
  }
}

TEST(ValidateRecord, LengthCapsCountCharactersNotBytes) {
  // "ệ" is 3 bytes in UTF-8: 1000 of them are 3000 bytes and still within TrichYeuHoSo's 1000 characters.
  struct Case {
    const char* path;  // where to put the text
    int cap;
  };
  for (const Case& c : {Case{"TrichYeuHoSo", 1000}, Case{"TaiLieuNop[0].TenTepDinhKem", 4000},
                        Case{"DanhSachGiayToKetQua[0].TenGiayTo", 2000}, Case{"MaHoSo", 100}}) {
    SCOPED_TRACE(c.path);
    auto with = [&](const std::string& text) {
      Json r = SampleRecord("A-1");
      const std::string path = c.path;
      if (path == "TrichYeuHoSo" || path == "MaHoSo") r[path] = text;
      else if (path.starts_with("TaiLieuNop")) r["TaiLieuNop"][0]["TenTepDinhKem"] = text;
      else r["DanhSachGiayToKetQua"][0]["TenGiayTo"] = text;
      return r;
    };
    ExpectRecordAccepted(with(Repeat("ệ", c.cap)));
    ExpectRecordProblem(with(Repeat("ệ", c.cap + 1)), c.path, "too_long");
  }
}

TEST(ValidateRecord, RefusesInvalidUtf8BuiltInCode) {
  // A JSON body with invalid UTF-8 never parses (the server answers HTTP 400); this catches text
  // that reached a Json value some other way.
  Json r = SampleRecord("A-1");
  r["ChuHoSo"] = std::string("Nguy\xC3\x28n");
  ExpectRecordProblem(r, "ChuHoSo", "bad_utf8");
}

TEST(ValidateRecord, IdentityNumberLengthFollowsItsKind) {
  struct Case {
    const char* kind;
    const char* number;
    const char* rule;  // "" = accepted
  };
  const Case cases[] = {
      {"1", "008203012345", ""},               // CCCD: 12 digits (Thanh Hóa)
      {"1", "00820301234", "bad_id_number"},   // 11
      {"1", "0082030123456", "bad_id_number"}, // 13
      {"1", "00820301234A", "bad_id_number"},
      {"2", "123456789", ""},                  // CMND: 9 digits
      {"2", "008203012345", "bad_id_number"},
      {"3", "123456789", "bad_code"},          // no other kind is known
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.kind) + "/" + c.number);
    Json r = SampleRecord("A-1");
    r["DinhDanhCHS"] = Json::array({Json{{"LoaiDinhDanh", c.kind}, {"SoDinhDanh", c.number}}});
    if (*c.rule == '\0') ExpectRecordAccepted(r);
    else
      ExpectRecordProblem(r, std::string("DinhDanhCHS[0].") + (std::string(c.rule) == "bad_code" ? "LoaiDinhDanh" : "SoDinhDanh"),
                          c.rule);
  }
  Json missing = SampleRecord("A-1");
  missing["DinhDanhCHS"] = Json::array({Json{{"LoaiDinhDanh", "1"}}});
  ExpectRecordProblem(missing, "DinhDanhCHS[0].SoDinhDanh", "required");
}

TEST(ValidateRecord, RefusesMotcuaLocalExtension) {
  Json r = SampleRecord("A-1");
  r["motcua_local"] = Json{{"unit_code", "XYS"}};  // strings only, yet never to leave the station
  ExpectRecordProblem(r, "motcua_local", "local_extension");
}

TEST(ValidateRecord, RefusesNestingDeeperThanTheCap) {
  Json deep = "x";
  for (int i = 0; i <= kMaxDepth + 1; ++i) deep = Json{{"a", deep}};
  Json r = SampleRecord("A-1");
  r["ThongTinNoiBo"] = deep;
  const auto problem = ValidateRecord(r);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->rule, "too_deep");
  Json shallow = "x";
  for (int i = 0; i < kMaxDepth - 1; ++i) shallow = Json{{"a", shallow}};
  r["ThongTinNoiBo"] = shallow;
  ExpectRecordAccepted(r);
}

TEST(ValidateRecord, ReportsRequiredKeysBeforeOtherProblems) {
  Json r = SampleRecord("A-1");
  r["NgayKetThucXuLy"] = "bad";  // received first in key order...
  r.erase("DonViXuLy");          // ...but a missing required key is reported first
  ExpectRecordProblem(r, "DonViXuLy", "required");
}

TEST(ValidateRecord, ProblemsAreVietnamesePhrases) {
  Json r = SampleRecord("A-1");
  r["TrangThaiHoSo"] = 4;
  EXPECT_EQ(ValidateRecord(r)->problem, "phải là chuỗi");
  r["TrangThaiHoSo"] = "11";
  EXPECT_EQ(ValidateRecord(r)->problem, "có giá trị \"11\" ngoài bảng mã (1–10)");
  r = SampleRecord("A-1");
  r["TrichYeuHoSo"] = Repeat("a", 1001);
  EXPECT_EQ(ValidateRecord(r)->problem, "dài quá 1000 ký tự (có 1001)");
}

TEST(ValidateStep, AcceptsAStepWithOptionalFields) {
  Json s = SampleStep("A-1", "20260803090000", "4");
  s["ChucDanh"] = "Công chức tư pháp - hộ tịch";
  s["PhongBanXuLy"] = "Bộ phận một cửa";
  s["NgayBatDau"] = "";
  s["NgayKetThucTheoQuyDinh"] = "20260805170000";
  s["GhiChuKhac"] = "unknown keys are kept";
  EXPECT_FALSE(ValidateStep(s).has_value());
}

TEST(ValidateStep, RefusesEachMissingRequiredKey) {
  for (const char* key : {"MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy", "TrangThai"}) {
    SCOPED_TRACE(key);
    Json s = SampleStep("A-1", "20260803090000", "4");
    s.erase(key);
    ExpectStepProblem(s, key, "required");
  }
  ExpectStepProblem(Json::array(), "", "not_an_object");
}

TEST(ValidateStep, ChecksEveryRuleOfAStep) {
  Json s = SampleStep("A-1", "20260803090000", "4");
  s["NguoiXuLy"] = Repeat("Đ", 50);  // Thanh Hóa caps it at 50 characters
  EXPECT_FALSE(ValidateStep(s).has_value());
  s["NguoiXuLy"] = Repeat("Đ", 51);
  ExpectStepProblem(s, "NguoiXuLy", "too_long");

  s = SampleStep("A-1", "", "4");
  ExpectStepProblem(s, "ThoiDiemXuLy", "empty");
  s = SampleStep("A-1", "2026-08-03T09:00", "4");
  ExpectStepProblem(s, "ThoiDiemXuLy", "bad_date_format");
  s = SampleStep("A-1", "20260803090000", "11");
  ExpectStepProblem(s, "TrangThai", "bad_code");
  s = SampleStep("A-1", "20260803090000", "4");
  s["NoiDungXuLy"] = "";
  ExpectStepProblem(s, "NoiDungXuLy", "empty");
  s = SampleStep("A-1", "20260803090000", "4");
  s["TrangThai"] = 4;
  ExpectStepProblem(s, "TrangThai", "not_a_string");
  s = SampleStep("A-1", "20260803090000", "4");
  s["ChucDanh"] = nullptr;
  ExpectStepProblem(s, "ChucDanh", "not_a_string");
  s = SampleStep("A-1", "20260803090000", "4");
  s["NgayBatDau"] = "2026";
  ExpectStepProblem(s, "NgayBatDau", "bad_date_format");
  s = SampleStep("A-1", "20260803090000", "4");
  s["NgayKetThucTheoQuyDinh"] = "20260931170000";  // 31 September
  ExpectStepProblem(s, "NgayKetThucTheoQuyDinh", "impossible_date");
  s = SampleStep(std::string(101, 'M'), "20260803090000", "4");
  ExpectStepProblem(s, "MaHoSo", "too_long");
}

TEST(CheckDate, RequiredDateRefusesEmpty) {
  EXPECT_EQ(CheckDate("", "ThoiDiemXuLy", false)->rule, "empty");
  EXPECT_FALSE(CheckDate("", "NgayTra", true).has_value());
  EXPECT_FALSE(CheckDate("19991231235959", "NgayTra", false).has_value());
}

}  // namespace
}  // namespace motcua::provincial
