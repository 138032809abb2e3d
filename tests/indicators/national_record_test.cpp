// Tests for dvc/national_record.h: the national sync shape (domain.md §4.2), read liberally and
// written strictly. (Kept in tests/indicators/ until tests/dvc/ exists; the scorer is its first user.)
#include "dvc/national_record.h"

#include <set>

#include <gtest/gtest.h>

#include "indicators/month_generator.h"

namespace motcua::dvc {
namespace {

using namespace std::chrono;

Instant Vn(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return Instant{sys_days{year{y} / month{mo} / day{d}}.time_since_epoch() + hours{h} + minutes{mi} + seconds{s} -
                 hours{7}};
}

// A record shaped like Thanh Hóa's SyncDataToDVCQG output (codes as strings, "1"/"0" flags,
// DSKetNoiCSDL always "7"; domain.md §3-4), with a supplement and a result.
constexpr const char* kThanhHoaStyle = R"([{
  "MaHoSo": "000.00.12.H56-260803-0007", "MaTTHC": "1.001193", "TenTTHC": "Đăng ký khai sinh",
  "MaLinhVuc": "G09-HT", "TenLinhVuc": "Hộ tịch", "ChuHoSo": "Nguyễn Văn An", "LoaiDoiTuong": "1",
  "SoGiayToChuHoSo": "001203012345", "NgayNopHoSo": "20260803073000", "NgayTiepNhan": "20260803080000",
  "NgayHenTra": "20260805170000", "NgayKetThucXuLy": "20260805100000", "NgayTra": null, "NgayTuChoi": "",
  "TrangThaiHoSo": "9", "KenhThucHien": "2", "HinhThuc": "0", "NoiNopHoSo": "2", "DonViXuLy": "UBND xã Yên Sơn",
  "HoSoCoThanhPhanSoHoa": "1", "TaiKhoanDuocXacThucVoiVNeID": "1", "DuocThanhToanTrucTuyen": "2",
  "DSKetNoiCSDL": [{"MaCSDL": "7"}],
  "TaiLieuNop": [{"TepDinhKemId": "a1", "TenTepDinhKem": "Tờ khai", "IsDeleted": false, "MaThanhPhanHoSo": "TP1",
                  "DuongDanTaiTepTin": "https://dvc.example.vn/f/a1", "DuocSoHoa": "1", "DuocTaiSuDung": "2",
                  "DuocLayTuKhoDMQG": "0", "MaKetQuaThayThe": "KQ.G09.000122"}],
  "DanhSachLePhi": [{"TenPhiLePhi": "Lệ phí", "MaPhiLePhi": "LP1", "HinhThucThu": "1", "Gia": "8000", "LoaiPhiLePhi": 1}],
  "DanhSachHoSoBoSung": [{"HoSoBoSungId": "b1", "NgayBoSung": "20260804090000", "NgayTiepNhanBoSung": "20260804150000",
                          "TrangThaiBoSung": "2", "NgayHenTraTruoc": "20260805170000", "NgayHenTraMoi": null}],
  "DanhSachGiayToKetQua": [{"TenGiayTo": "Giấy khai sinh", "MaThanhPhanHoSo": "KQ1", "GiayToId": "g1",
                            "DuongDanTepTinKetQua": "https://dvc.example.vn/kq/g1", "MaGiayToKetQua": "KQ.G09.000122"}],
  "DanhSachTepDinhKemKhac": [{"TenGiayTo": "x", "SoLuong": 1}],
  "motcua_local": {"unit_code": "XYS", "synced": 1, "synced_on_time": null, "rating_unsatisfied": true,
                   "has_pakn": 0, "result_in_citizen_store": "1"}
}])";

TEST(ParseNationalRecords, ReadsThanhHoaStyleRecord) {
  auto parsed = ParseNationalRecords(kThanhHoaStyle);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  ASSERT_EQ(parsed->size(), 1u);
  const NationalRecord& r = parsed->front();
  EXPECT_EQ(r.dossier_code, "000.00.12.H56-260803-0007");
  EXPECT_EQ(r.procedure_code, "1.001193");
  EXPECT_EQ(r.procedure_name, "Đăng ký khai sinh");
  EXPECT_EQ(r.applicant_kind, 1);
  EXPECT_EQ(r.received_at, Vn(2026, 8, 3, 8, 0));
  EXPECT_EQ(r.due_at, Vn(2026, 8, 5, 17, 0));
  EXPECT_EQ(r.processed_at, Vn(2026, 8, 5, 10, 0));
  EXPECT_FALSE(r.returned_at.has_value());
  EXPECT_FALSE(r.refused_at.has_value()) << "\"\" means absent";
  EXPECT_EQ(r.status, NationalStatus::kProcessed);
  EXPECT_EQ(r.channel, Channel::kOnline);
  EXPECT_EQ(r.result_delivery, 0);
  EXPECT_TRUE(r.has_digitized_components);
  EXPECT_TRUE(r.vneid_authenticated);
  EXPECT_EQ(r.online_payment, 2);
  ASSERT_EQ(r.connected_databases.size(), 1u);
  EXPECT_EQ(r.connected_databases[0], "7");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_TRUE(r.documents[0].digitized);
  EXPECT_EQ(r.documents[0].reuse, 2);
  EXPECT_FALSE(r.documents[0].from_citizen_store);
  EXPECT_EQ(r.documents[0].replacing_result_code, "KQ.G09.000122");
  ASSERT_EQ(r.fees.size(), 1u);
  EXPECT_EQ(r.fees[0].amount_vnd, 8000);
  ASSERT_EQ(r.supplements.size(), 1u);
  EXPECT_EQ(r.supplements[0].requested_at, Vn(2026, 8, 4, 9, 0));
  EXPECT_EQ(r.supplements[0].answered_at, Vn(2026, 8, 4, 15, 0));
  EXPECT_FALSE(r.supplements[0].due_after.has_value());
  ASSERT_EQ(r.results.size(), 1u);
  EXPECT_EQ(r.results[0].file_url, "https://dvc.example.vn/kq/g1");
  ASSERT_TRUE(r.local.has_value());
  EXPECT_EQ(r.local->unit_code, "XYS");
  EXPECT_EQ(r.local->synced, true);
  EXPECT_FALSE(r.local->synced_on_time.has_value());
  EXPECT_TRUE(r.local->rating_unsatisfied);
  EXPECT_FALSE(r.local->has_pakn);
  EXPECT_TRUE(r.local->result_in_citizen_store);
  EXPECT_EQ(r.UnitKey(), "XYS");
}

TEST(ParseNationalRecords, AcceptsIntegersBooleansAndNumbersForCodesAndText) {
  auto parsed = ParseNationalRecords(
      R"([{"MaHoSo": 123, "MaTTHC": 1.005129, "TrangThaiHoSo": 10, "KenhThucHien": 3, "HinhThuc": 1,
           "HoSoCoThanhPhanSoHoa": true, "TaiKhoanDuocXacThucVoiVNeID": 0, "NgayTiepNhan": 20260803080000,
           "DSKetNoiCSDL": ["7", null], "TaiLieuNop": null, "DanhSachLePhi": [null, {"Gia": 20000.4}]}])");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  const NationalRecord& r = parsed->front();
  EXPECT_EQ(r.dossier_code, "123");
  EXPECT_EQ(r.procedure_code, "1.005129") << "a number keeps its text";
  EXPECT_EQ(r.status, NationalStatus::kReturned);
  EXPECT_EQ(r.channel, Channel::kPostal);
  EXPECT_EQ(r.result_delivery, 1);
  EXPECT_TRUE(r.has_digitized_components);
  EXPECT_FALSE(r.vneid_authenticated);
  EXPECT_EQ(r.received_at, Vn(2026, 8, 3, 8, 0));
  EXPECT_EQ(r.connected_databases, std::vector<std::string>{"7"});
  EXPECT_TRUE(r.documents.empty());
  ASSERT_EQ(r.fees.size(), 1u);
  EXPECT_EQ(r.fees[0].amount_vnd, 20000);
  EXPECT_FALSE(r.local.has_value());
  EXPECT_EQ(r.channel == Channel::kUnknown, false);
}

TEST(ParseNationalRecords, NullAndEmptyMeanAbsent) {
  auto parsed = ParseNationalRecords(
      R"([{"MaHoSo": "X", "KenhThucHien": null, "TrangThaiHoSo": "", "HinhThuc": null, "NgayHenTra": null,
           "NgayTiepNhan": "  ", "LoaiDoiTuong": "", "ChuHoSo": null}])");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  const NationalRecord& r = parsed->front();
  EXPECT_EQ(r.channel, Channel::kUnknown);
  EXPECT_EQ(r.status, NationalStatus::kUnknown);
  EXPECT_EQ(r.result_delivery, -1);
  EXPECT_FALSE(r.due_at.has_value());
  EXPECT_FALSE(r.received_at.has_value());
  EXPECT_EQ(r.applicant_kind, 0);
  EXPECT_EQ(r.applicant_name, "");
}

TEST(ParseNationalDate, AcceptsEveryDocumentedForm) {
  const Instant expected = Vn(2026, 8, 3, 8, 5, 9);
  for (const char* text : {"20260803080509", "2026-08-03 08:05:09", "2026-08-03T08:05:09"}) {
    auto at = ParseNationalDate(text, "d");
    ASSERT_TRUE(at.has_value()) << text;
    EXPECT_EQ(*at, expected) << text;
  }
  EXPECT_EQ(*ParseNationalDate("202608030805", "d"), Vn(2026, 8, 3, 8, 5));
  EXPECT_EQ(*ParseNationalDate("2026-08-03 08:05", "d"), Vn(2026, 8, 3, 8, 5));
  EXPECT_EQ(*ParseNationalDate("20260803", "d"), Vn(2026, 8, 3));
  EXPECT_EQ(*ParseNationalDate("2026-08-03", "d"), Vn(2026, 8, 3));
}

TEST(ParseNationalDate, RejectsImpossibleDatesAndTimes) {
  // Both sides of each boundary: the last second of a day and the last day of February.
  EXPECT_TRUE(ParseNationalDate("20261231235959", "d").has_value());
  EXPECT_TRUE(ParseNationalDate("20280229000000", "d").has_value());
  for (const char* text : {"20260230000000", "20260801240000", "20260801006000", "20260801000060", "2026080",
                           "2026-8-03", "20261301000000", "abcdefghijklmn", "2026/08/03"}) {
    auto at = ParseNationalDate(text, "NgayHenTra");
    ASSERT_FALSE(at.has_value()) << text;
    EXPECT_EQ(at.error().rule, "bad_date") << text;
    EXPECT_EQ(at.error().field, "NgayHenTra") << text;
  }
}

TEST(FormatNationalDate, WritesVietnamTime) {
  // 2026-08-01 00:00 in Vietnam is 2026-07-31T17:00:00Z.
  EXPECT_EQ(FormatNationalDate(Vn(2026, 8, 1)), "20260801000000");
  EXPECT_EQ(FormatNationalDate(Vn(2026, 12, 31, 23, 59, 59)), "20261231235959");
}

std::string ManyRecordsWithBadThirteenth(const std::string& bad_member) {
  std::string json = "[";
  for (int i = 0; i < 13; ++i) {
    if (i) json += ",";
    json += R"({"MaHoSo": "HS)" + std::to_string(i) + R"(", "NgayTiepNhan": "20260803080000")";
    if (i == 12) json += ", " + bad_member;
    json += "}";
  }
  return json + "]";
}

TEST(ParseNationalRecords, BadDateNamesRecordIndexAndField) {
  auto parsed = ParseNationalRecords(ManyRecordsWithBadThirteenth(R"("NgayHenTra": "20260231170000")"));
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(parsed.error().field, "[12].NgayHenTra");
  EXPECT_EQ(parsed.error().rule, "bad_date");
}

TEST(ParseNationalRecords, ErrorsNameNestedFields) {
  struct Case {
    std::string member;
    std::string field;
    std::string rule;
  };
  const Case cases[] = {
      {R"("TaiLieuNop": [{}, {"DuocSoHoa": "yes"}])", "[12].TaiLieuNop[1].DuocSoHoa", "bad_code"},
      {R"("KenhThucHien": 7)", "[12].KenhThucHien", "bad_code"},
      {R"("TrangThaiHoSo": "11")", "[12].TrangThaiHoSo", "bad_code"},
      {R"("HinhThuc": 2)", "[12].HinhThuc", "bad_code"},
      {R"("NgayTiepNhan": {"d": 1})", "[12].NgayTiepNhan", "bad_type"},
      {R"("NgayTiepNhan": true)", "[12].NgayTiepNhan", "bad_type"},
      {R"("DanhSachLePhi": [{"Gia": -5}])", "[12].DanhSachLePhi[0].Gia", "bad_number"},
      {R"("DanhSachLePhi": [{"Gia": "20.000đ"}])", "[12].DanhSachLePhi[0].Gia", "bad_number"},
      // Above INT64_MAX: it was read as -1 đồng, which the writer then wrote and the reader refused.
      {R"("DanhSachLePhi": [{"Gia": 18446744073709551615}])", "[12].DanhSachLePhi[0].Gia", "bad_number"},
      // A code as a digit string has the integer's range (±1,000,000): "2000000000" was read, written
      // as 2000000000 and then refused.
      {R"("LoaiDoiTuong": "2000000000")", "[12].LoaiDoiTuong", "bad_code"},
      {R"("LoaiDoiTuong": 2000000000)", "[12].LoaiDoiTuong", "bad_code"},
      {R"("DanhSachHoSoBoSung": [{"NgayBoSung": "20260804"}, {"NgayTiepNhanBoSung": "x"}])",
       "[12].DanhSachHoSoBoSung[1].NgayTiepNhanBoSung", "bad_date"},
      {R"("TaiLieuNop": [1])", "[12].TaiLieuNop[0]", "not_an_object"},
      {R"("TaiLieuNop": {"a": 1})", "[12].TaiLieuNop", "bad_type"},
      {R"("TaiLieuNop": "x")", "[12].TaiLieuNop", "bad_type"},
      {R"("motcua_local": {"has_pakn": "maybe"})", "[12].motcua_local.has_pakn", "bad_code"},
      {R"("ChuHoSo": false)", "[12].ChuHoSo", "bad_type"},
      {R"("MaHoSo": "")", "[12].MaHoSo", "required"},
  };
  for (const Case& c : cases) {
    auto parsed = ParseNationalRecords(ManyRecordsWithBadThirteenth(c.member));
    ASSERT_FALSE(parsed.has_value()) << c.member;
    EXPECT_EQ(parsed.error().field, c.field) << c.member;
    EXPECT_EQ(parsed.error().rule, c.rule) << c.member << " -> " << parsed.error().Describe();
  }
}

TEST(ParseNationalRecords, RejectsWhatIsNotAnArrayOfObjects) {
  struct Case {
    const char* json;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"42", "", "not_an_array"},
      {R"({"session": "x"})", "", "not_an_array"},
      {R"([{"MaHoSo": "A"}, 5])", "[1]", "not_an_object"},
      {R"([{"MaHoSo": "A"}, [1]])", "[1]", "not_an_object"},
      {R"([{"MaHoSo": "A"}, {"MaHoSo": "B", "NgayHenTra": ])", "[1]", "bad_json"},
      {R"([{"MaHoSo": "A"})", "[1]", "bad_json"},
      {"", "", "bad_json"},
      {R"([{"NgayTiepNhan": "20260803"}])", "[0].MaHoSo", "required"},
  };
  for (const Case& c : cases) {
    auto parsed = ParseNationalRecords(c.json);
    ASSERT_FALSE(parsed.has_value()) << c.json;
    EXPECT_EQ(parsed.error().field, c.field) << c.json << " -> " << parsed.error().Describe();
    EXPECT_EQ(parsed.error().rule, c.rule) << c.json << " -> " << parsed.error().Describe();
  }
}

TEST(ParseNationalRecords, BadJsonNamesTheRecordAndTheByteOffset) {
  // Worked examples: `at` is the 0-based byte where the token that is not JSON starts, or the text's
  // length when the text ends too early; the field is the record being read, or the next one.
  struct Case {
    std::string json;
    const char* field;
    std::size_t at;
  };
  const Case cases[] = {
      // A value missing: the ']' where it should be (byte 48).
      {R"([{"MaHoSo": "A"}, {"MaHoSo": "B", "NgayHenTra": ])", "[1]", 48},
      // A file cut off after one record: the text's length (16), and the index of the record that
      // did not come.
      {R"([{"MaHoSo": "A"})", "[1]", 16},
      {R"({"data":[{"MaHoSo":"A"})", "[1]", 23},
      // A missing comma: the second record's '{' (byte 16).
      {R"([{"MaHoSo":"A"} {"MaHoSo":"B"}])", "[1]", 16},
      // Invalid UTF-8 (a lone 0xFF) and a raw control character in a string: the byte itself (42).
      {"[{\"MaHoSo\":\"A\"},{\"MaHoSo\":\"B\",\"ChuHoSo\":\"x\xFF\"}]", "[1]", 42},
      {"[{\"MaHoSo\":\"A\"},{\"MaHoSo\":\"B\",\"ChuHoSo\":\"a\x01z\"}]", "[1]", 42},
      // A bad escape: the string's opening quote (byte 25).
      {R"([{"MaHoSo":"A","ChuHoSo":"B\x"}])", "[0]", 25},
      // Not JSON inside an unknown key is still not JSON: "a": in an array (the ':' at 27), a missing
      // comma (the '2' at 26), a misspelt literal (23).
      {R"([{"MaHoSo":"A","Extra":["a": 1]}])", "[0]", 27},
      {R"([{"MaHoSo":"A","Extra":[1 2]}])", "[0]", 26},
      {R"([{"MaHoSo":"A","Extra":tru}])", "[0]", 23},
      // A CCCD number sent as a JSON number with its leading zeros: 0 is a number, the rest is not.
      {R"([{"MaHoSo":"A","SoGiayToChuHoSo":001203012345}])", "[0]", 34},
      // After the list of records: no record named.
      {R"([{"MaHoSo":"A"}] x)", "", 17},
      // A byte order mark counts in the offset: the '}' after the trailing comma is byte 30 of the
      // JSON, 33 of the text.
      {"\xEF\xBB\xBF[{\"MaHoSo\":\"A\"},{\"MaHoSo\":\"B\",}]", "[1]", 33},
      {"", "", 0},
  };
  for (const Case& c : cases) {
    auto parsed = ParseNationalRecords(c.json);
    ASSERT_FALSE(parsed.has_value()) << c.json;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalid) << c.json;
    EXPECT_EQ(parsed.error().rule, "bad_json") << c.json << " -> " << parsed.error().Describe();
    EXPECT_EQ(parsed.error().field, c.field) << c.json << " -> " << parsed.error().Describe();
    EXPECT_NE(parsed.error().detail.find("at byte " + std::to_string(c.at) + ":"), std::string::npos)
        << c.json << " -> " << parsed.error().Describe();
  }
}

TEST(ParseNationalRecords, ReturnsTheFirstErrorInTheText) {
  // Record 0's bad date comes before record 1's broken text, whatever breaks it: the order a reader
  // streaming the text would meet them in.
  for (const std::string& rest : {std::string(R"({"MaHoSo":"B","ChuHoSo":")") + "\x01\"}]",
                                  std::string(R"({"MaHoSo":"B","ChuHoSo":")") + "\xFF\"}]",
                                  std::string(R"({"MaHoSo":"B")"), std::string(R"({"MaHoSo":"B" "x"}])")}) {
    const std::string json = R"([{"MaHoSo":"A","NgayHenTra":"2026"},)" + rest;
    auto parsed = ParseNationalRecords(json);
    ASSERT_FALSE(parsed.has_value()) << json;
    EXPECT_EQ(parsed.error().field, "[0].NgayHenTra") << json << " -> " << parsed.error().Describe();
    EXPECT_EQ(parsed.error().rule, "bad_date") << json;
  }
  // A number run into other bytes ("7x") is read as the number first: its own error wins.
  auto bad_code = ParseNationalRecords(R"([{"MaHoSo":"A","KenhThucHien":7x}])");
  ASSERT_FALSE(bad_code.has_value());
  EXPECT_EQ(bad_code.error().field, "[0].KenhThucHien");
  EXPECT_EQ(bad_code.error().rule, "bad_code");
  auto bad_json = ParseNationalRecords(R"([{"MaHoSo":"A","KenhThucHien":2x}])");
  ASSERT_FALSE(bad_json.has_value());
  EXPECT_EQ(bad_json.error().field, "[0]");
  EXPECT_EQ(bad_json.error().rule, "bad_json");
}

TEST(ParseNationalRecords, NumbersForStringFieldsKeepTheirText) {
  // Worked examples: a fraction or an exponent keeps its text as written; an integer becomes its
  // decimal form (so -0 is "0"); an integer beyond 64 bits keeps its text.
  auto parsed = ParseNationalRecords(
      R"([{"MaHoSo": 1E5, "MaTTHC": 1.005129, "SoGiayToChuHoSo": 1203012345, "MaLinhVuc": -0,
           "TenLinhVuc": 18446744073709551616, "DonViXuLy": -12.50}])");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  const NationalRecord& r = parsed->front();
  EXPECT_EQ(r.dossier_code, "1E5");
  EXPECT_EQ(r.procedure_code, "1.005129");
  EXPECT_EQ(r.applicant_id_number, "1203012345");
  EXPECT_EQ(r.field_code, "0");
  EXPECT_EQ(r.field_name, "18446744073709551616");
  EXPECT_EQ(r.processing_unit, "-12.50");
  // A float beyond double's range is refused as not JSON; one too small reads as 0.
  auto huge = ParseNationalRecords(R"([{"MaHoSo": "A", "LoaiDoiTuong": 1e400}])");
  ASSERT_FALSE(huge.has_value());
  EXPECT_EQ(huge.error().rule, "bad_json");
  auto tiny = ParseNationalRecords(R"([{"MaHoSo": "A", "LoaiDoiTuong": 1e-400}])");
  ASSERT_TRUE(tiny.has_value()) << tiny.error().Describe();
  EXPECT_EQ(tiny->front().applicant_kind, 0);
}

TEST(ParseNationalRecords, SkipsAByteOrderMarkAndEndsAtNul) {
  auto bom = ParseNationalRecords("\xEF\xBB\xBF[{\"MaHoSo\":\"A\"}]");
  ASSERT_TRUE(bom.has_value()) << bom.error().Describe();
  EXPECT_EQ(bom->front().dossier_code, "A");
  // A NUL byte ends the text: what follows it is not read.
  const std::string padded("[{\"MaHoSo\":\"A\"}]\0\0\0garbage", 26);
  auto nul = ParseNationalRecords(padded);
  ASSERT_TRUE(nul.has_value()) << nul.error().Describe();
  EXPECT_EQ(nul->size(), 1u);
  const std::string cut("[{\"MaHoSo\":\"A\"},\0{\"MaHoSo\":\"B\"}]", 32);
  auto early = ParseNationalRecords(cut);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().field, "[1]");
  EXPECT_EQ(early.error().rule, "bad_json");
}

TEST(ParseNationalRecords, RefusesNestingDeeperThan1000Levels) {
  // Both sides of the limit, inside an unknown key (the only place JSON can nest that deep): the list
  // of records is level 1, the record level 2, Extra's arrays levels 3 to `levels`.
  auto nested = [](int levels) {
    return R"([{"MaHoSo":"A","Extra":)" + std::string(levels - 2, '[') + std::string(levels - 2, ']') + "}]";
  };
  auto ok = ParseNationalRecords(nested(1000));
  EXPECT_TRUE(ok.has_value()) << ok.error().Describe();
  auto deep = ParseNationalRecords(nested(1001));
  ASSERT_FALSE(deep.has_value());
  EXPECT_EQ(deep.error().field, "[0]");
  EXPECT_EQ(deep.error().rule, "bad_json");
}

TEST(ParseNationalRecords, ReadsTheDongBoHoSoMCBodyAndIgnoresUnknownKeys) {
  auto parsed = ParseNationalRecords(
      R"({"session": "s", "madonvi": "H56", "service": "DongBoHoSoMC", "isUpdating": "False",
          "extra": {"deep": [1, {"x": [2]}]},
          "data": [{"MaHoSo": "A", "Unknown": {"nested": [1, 2, {"k": null}]}, "NoiNopHoSo": "2"},
                   {"MaHoSo": "B"}]})");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().Describe();
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[1].dossier_code, "B");
}

TEST(ParseNationalRecords, AcceptsAnEmptyArray) {
  auto parsed = ParseNationalRecords("[]");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(parsed->empty());
}

TEST(ParseNationalRecords, NormalizesNamesToNfc) {
  // "Nguyễn" with the tone mark decomposed (NFD: e + U+0302 + U+0303).
  const std::string nfd = "Nguye\xCC\x82\xCC\x83n";
  auto parsed = ParseNationalRecords(R"([{"MaHoSo": "A", "ChuHoSo": ")" + nfd + R"("}])");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->front().applicant_name, "Nguyễn");
  auto raw = ParseNationalRecords(R"([{"MaHoSo": "A", "ChuHoSo": ")" + nfd + R"("}])", {.normalize_text = false});
  EXPECT_EQ(raw->front().applicant_name, nfd);
}

TEST(ParseNationalRecord, ParsesOneObjectWithUnindexedFieldNames) {
  auto one = ParseNationalRecord(R"({"MaHoSo": "A", "NgayHenTra": "2026"})");
  ASSERT_FALSE(one.has_value());
  EXPECT_EQ(one.error().field, "NgayHenTra");
  EXPECT_EQ(one.error().rule, "bad_date");
  auto ok = ParseNationalRecord(R"({"MaHoSo": "A"})");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->dossier_code, "A");
}

TEST(WriteNationalRecords, WritesStrictCanonicalForm) {
  NationalRecord r;
  r.dossier_code = "A\"1";
  r.received_at = Vn(2026, 8, 3, 8, 0);
  r.status = NationalStatus::kProcessing;
  r.channel = Channel::kOnline;
  const std::string json = WriteNationalRecord(r, {});
  EXPECT_NE(json.find(R"("MaHoSo":"A\"1")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("NgayTiepNhan":"20260803080000")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("NgayHenTra":null)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("TrangThaiHoSo":4)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("KenhThucHien":2)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("HinhThuc":null)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("TaiLieuNop":[])"), std::string::npos) << json;
  EXPECT_EQ(json.find("motcua_local"), std::string::npos) << "no local facts, no extension object";
  r.local = LocalFacts{.unit_code = "STP"};
  EXPECT_NE(WriteNationalRecord(r).find(R"("motcua_local":{"unit_code":"STP","synced":null)"), std::string::npos);
  EXPECT_EQ(WriteNationalRecord(r, {.include_local = false}).find("motcua_local"), std::string::npos);
}

TEST(WriteNationalRecords, RoundTripsAGeneratedMonth) {
  // Property: parse(write(x)) writes back byte for byte (seed printed on failure).
  for (std::uint64_t seed : {1u, 2u, 766u}) {
    auto month = indicators::testing::GenerateMonth({.seed = seed, .dossiers = 600});
    const std::string once = WriteNationalRecords(month.records);
    auto parsed = ParseNationalRecords(once);
    ASSERT_TRUE(parsed.has_value()) << "seed " << seed << ": " << parsed.error().Describe();
    ASSERT_EQ(parsed->size(), month.records.size()) << "seed " << seed;
    EXPECT_EQ(WriteNationalRecords(*parsed), once) << "seed " << seed;
    EXPECT_EQ(WriteNationalRecords(*parsed, {.pretty = true}).size(), once.size() + parsed->size() + 1)
        << "seed " << seed;
  }
}

TEST(NationalRecordFields, MapsEveryTopLevelKeyOnce) {
  std::set<std::string> national, core;
  for (std::size_t i = 0; i < kNationalRecordFieldCount; ++i) {
    EXPECT_TRUE(national.insert(kNationalRecordFields[i].national_key).second) << kNationalRecordFields[i].national_key;
    EXPECT_TRUE(core.insert(kNationalRecordFields[i].core_field).second) << kNationalRecordFields[i].core_field;
  }
  // Every key the writer emits at the top level is in the table.
  NationalRecord r;
  r.dossier_code = "A";
  r.local = LocalFacts{};
  const std::string json = WriteNationalRecord(r);
  for (const std::string& key : national) EXPECT_NE(json.find("\"" + key + "\":"), std::string::npos) << key;
}

}  // namespace
}  // namespace motcua::dvc
