// The provincial protocol over real HTTP on loopback (README.md is the contract): login, sessions,
// dstcode, the five services, atomic batches, the Date header and server_time. The server runs in
// this process (TestServer); the client is httplib's.
#include <gtest/gtest.h>

#include <atomic>
#include <ctime>
#include <functional>
#include <thread>

#include "catalog/catalog_json.h"
#include "dvc/national_record.h"
#include "server_clock.h"
#include "test_server.h"

namespace motcua::provincial {
namespace {

using testing::HttpReply;
using testing::kDstcode;
using testing::kPassword;
using testing::kUser;
using testing::SampleRecord;
using testing::SampleStep;
using testing::TestServer;

std::string Message(const HttpReply& r) { return r.json.is_object() ? r.json.value("message", "") : r.body; }

// TraCuuHoSo's data for `code` (null when not stored).
Json LookUp(const TestServer& server, const std::string& code) {
  const HttpReply r = server.Call("TraCuuHoSo", Json{{"MaHoSo", code}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.error_code(), "0") << r.body;
  return r.json.is_object() ? r.json["data"] : Json();
}

TEST(Login, GivesASessionForTheRightCredentials) {
  TestServer server;
  const HttpReply r = server.Post("/api/auth/login", Json{{"username", kUser}, {"password", kPassword}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.error_code(), "0");
  EXPECT_EQ(Message(r), "Đăng nhập thành công");
  ASSERT_TRUE(r.json["session"].is_string());
  EXPECT_EQ(r.json["session"].get<std::string>().size(), 32u);
  EXPECT_EQ(server.Stats()["logins"], 1);
}

TEST(Login, RefusesWrongCredentialsWithHttp200) {
  TestServer server;
  for (const Json& body : {Json{{"username", kUser}, {"password", "sai"}}, Json{{"username", "khac"}, {"password", kPassword}},
                           Json{{"username", kUser}}, Json{{"username", kUser}, {"password", 123}}}) {
    SCOPED_TRACE(body.dump());
    const HttpReply r = server.Post("/api/auth/login", body);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.error_code(), "-1");
    EXPECT_EQ(Message(r), "Sai tên đăng nhập hoặc mật khẩu");
    EXPECT_FALSE(r.json.contains("session"));
  }
  EXPECT_EQ(server.Stats()["failed_logins"], 4);
}

TEST(Session, ExpiresAfterItsTtl) {
  TestServer server([](ServerOptions& o) { o.session_ttl = std::chrono::seconds(1); });
  const std::string session = server.Login();
  EXPECT_EQ(server.Call("TraCuuHoSo", Json{{"MaHoSo", "X"}}, session).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const HttpReply r = server.Call("TraCuuHoSo", Json{{"MaHoSo", "X"}}, session);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.error_code(), "401");
  EXPECT_EQ(Message(r), "Phiên làm việc không hợp lệ hoặc đã hết hạn");
  EXPECT_EQ(server.Call("TraCuuHoSo", Json{{"MaHoSo", "X"}}, server.Login()).status, 200) << "a new login works";
}

TEST(Session, RefusesMissingOrUnknownSession) {
  TestServer server;
  HttpReply r = server.Call("TraCuuHoSo", Json{{"MaHoSo", "X"}}, "khong-co-phien-nay");
  EXPECT_EQ(r.status, 401);
  r = server.Post("/api/integration", Json{{"madonvi", testing::kUnit}, {"service", "TraCuuHoSo"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.error_code(), "401");
}

TEST(Dstcode, IsRequiredOnLoginAndCalls) {
  TestServer server;
  HttpReply r = server.Post("/api/auth/login", Json{{"username", kUser}, {"password", kPassword}}, /*with_dstcode=*/false);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.error_code(), "-1");
  EXPECT_EQ(Message(r), "Thiếu hoặc sai dstcode");
  r = server.Post("/api/integration", Json{{"session", server.Login()}, {"madonvi", testing::kUnit}, {"service", "LayDanhSachTTHC"}},
                  false);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(Message(r), "Thiếu hoặc sai dstcode");
  auto client = server.Client();
  auto wrong = client->Post("/api/auth/login", httplib::Headers{{"dstcode", "000.00.00.H56"}},
                            Json{{"username", kUser}, {"password", kPassword}}.dump(), "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 400);
}

TEST(Transport, RefusesBodiesThatAreNotJsonObjects) {
  TestServer server;
  struct Case {
    std::string body;
    std::string content_type;
    std::string message;
  };
  const Case cases[] = {
      {R"({"username":"a"})", "text/plain", "Content-Type phải là application/json"},
      {"{\"username\":", "application/json", "Dữ liệu gửi lên không phải JSON UTF-8 hợp lệ"},
      {"{\"username\":\"Nguy\xC3\x28n\"}", "application/json", "Dữ liệu gửi lên không phải JSON UTF-8 hợp lệ"},
      {"[1,2]", "application/json; charset=utf-8", "Dữ liệu gửi lên phải là một đối tượng JSON"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    const HttpReply r = server.PostRaw("/api/auth/login", c.body, c.content_type);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.error_code(), "-1");
    EXPECT_EQ(Message(r), c.message);
  }
  const HttpReply not_found = server.Get("/api/khong-co");
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(not_found.error_code(), "404");
}

TEST(Transport, RefusesABodyOverTheLimitWith413) {
  TestServer server([](ServerOptions& o) { o.max_body_bytes = 2000; });
  const HttpReply r = server.PostRaw("/api/auth/login", std::string(3000, ' '), "application/json");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.error_code(), "413");
}

TEST(Transport, ServesConfiguredPaths) {
  TestServer server([](ServerOptions& o) {
    o.auth_path = "/dvcqg/v1.0/login";
    o.integration_path = "/dvcqg/v1.0/tich-hop";
  });
  const HttpReply login = server.Post("/dvcqg/v1.0/login", Json{{"username", kUser}, {"password", kPassword}});
  ASSERT_EQ(login.error_code(), "0");
  const HttpReply call = server.Post("/dvcqg/v1.0/tich-hop", Json{{"session", login.json["session"]},
                                                                  {"madonvi", testing::kUnit},
                                                                  {"service", "LayDanhSachTTHC"}});
  EXPECT_EQ(call.error_code(), "0");
  EXPECT_EQ(server.Post("/api/auth/login", Json{{"username", kUser}, {"password", kPassword}}).status, 404);
  EXPECT_EQ(server.Post("/dvcqg/v1x0/login", Json{{"username", kUser}, {"password", kPassword}}).status, 404)
      << "the path is literal, not a regular expression";
}

TEST(Call, NeedsMadonviAndAKnownService) {
  TestServer server;
  const std::string session = server.Login();
  HttpReply r = server.Post("/api/integration", Json{{"session", session}, {"madonvi", ""}, {"service", "TraCuuHoSo"}});
  EXPECT_EQ(r.error_code(), "-1");
  EXPECT_EQ(Message(r), "Thiếu mã đơn vị (madonvi)");
  r = server.Post("/api/integration", Json{{"session", session}, {"service", "TraCuuHoSo"}});
  EXPECT_EQ(Message(r), "Thiếu mã đơn vị (madonvi)");
  r = server.Call("XoaHoSo", Json::object(), session);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.error_code(), "-1");
  EXPECT_EQ(Message(r), "Dịch vụ XoaHoSo không được hỗ trợ");
  r = server.Post("/api/integration", Json{{"session", session}, {"madonvi", testing::kUnit}});
  EXPECT_EQ(Message(r), "Thiếu tên dịch vụ (service)");
}

TEST(DongBoHoSoMC, StoresARecordAsReceived) {
  TestServer server;
  Json record = SampleRecord("000.00.12.H60-260803-0001");
  record["NoiNopHoSo"] = "2";  // an unknown key: kept
  const HttpReply r = server.Sync({record, SampleRecord("000.00.12.H60-260803-0002")}, false);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.error_code(), "0");
  EXPECT_EQ(Message(r), "Đồng bộ thành công 2 hồ sơ");
  Json stored = LookUp(server, "000.00.12.H60-260803-0001");
  ASSERT_TRUE(stored.is_object());
  EXPECT_EQ(stored["QuaTrinhXuLy"], Json::array());
  stored.erase("QuaTrinhXuLy");
  EXPECT_EQ(stored.dump(), record.dump()) << "keys and values in the order sent";
  EXPECT_EQ(server.Stats()["records_created"], 2);
}

TEST(DongBoHoSoMC, IsUpdatingMustBeTheStringTrueOrFalse) {
  TestServer server;
  for (const Json& value : {Json("true"), Json(true), Json("1"), Json()}) {
    SCOPED_TRACE(value.dump());
    Json fields{{"data", Json::array({SampleRecord("A-1")})}};
    if (!value.is_null()) fields["isUpdating"] = value;
    const HttpReply r = server.Call("DongBoHoSoMC", fields);
    EXPECT_EQ(r.error_code(), "-1");
    EXPECT_EQ(Message(r), "Trường isUpdating phải là \"True\" hoặc \"False\"");
  }
  EXPECT_TRUE(LookUp(server, "A-1").is_null());
}

TEST(DongBoHoSoMC, DataHoldsOneToAHundredRecords) {
  TestServer server;
  const std::string too_few = "Trường data phải là mảng từ 1 đến 100 hồ sơ";
  EXPECT_EQ(Message(server.Sync({}, false)), too_few);
  EXPECT_EQ(Message(server.Call("DongBoHoSoMC", Json{{"isUpdating", "False"}, {"data", SampleRecord("A-1")}})), too_few);
  std::vector<Json> batch;
  for (int i = 0; i < 101; ++i) batch.push_back(SampleRecord("B-" + std::to_string(i)));
  EXPECT_EQ(Message(server.Sync(batch, false)), too_few);
  batch.pop_back();
  const HttpReply hundred = server.Sync(batch, false);
  EXPECT_EQ(hundred.error_code(), "0") << hundred.body;
  EXPECT_EQ(Message(hundred), "Đồng bộ thành công 100 hồ sơ");
}

// One record per rule at the protocol level: the reply names the record and the field, in Vietnamese.
TEST(DongBoHoSoMC, NamesTheFirstBadRecordFieldAndRule) {
  TestServer server;
  struct Case {
    std::function<void(Json&)> spoil;
    std::string message;
  };
  const std::string m = "Hồ sơ M-1: trường ";
  const Case cases[] = {
      {[](Json& r) { r.erase("MaTTHC"); }, m + "MaTTHC bắt buộc nhưng không có"},
      {[](Json& r) { r["TenTTHC"] = ""; }, m + "TenTTHC không được để trống"},
      {[](Json& r) { r["TrangThaiHoSo"] = 4; }, m + "TrangThaiHoSo phải là chuỗi"},
      {[](Json& r) { r["TaiLieuNop"] = nullptr; }, m + "TaiLieuNop phải là mảng"},
      {[](Json& r) { r["DanhSachLePhi"] = Json::array({"8000"}); }, m + "DanhSachLePhi[0] phải là đối tượng JSON"},
      {[](Json& r) { r["NgayHenTra"] = "05/08/2026"; }, m + "NgayHenTra phải là \"\" hoặc ngày giờ dạng yyyyMMddHHmmss"},
      {[](Json& r) { r["NgayTiepNhan"] = "20260230080000"; },
       m + "NgayTiepNhan không phải ngày giờ có thật (\"20260230080000\")"},
      {[](Json& r) { r["KenhThucHien"] = "4"; }, m + "KenhThucHien có giá trị \"4\" ngoài bảng mã (\"\" hoặc 1–3)"},
      {[](Json& r) { r["TrichYeuHoSo"] = std::string(1001, 'a'); }, m + "TrichYeuHoSo dài quá 1000 ký tự (có 1001)"},
      {[](Json& r) { r["DinhDanhCHS"][0]["SoDinhDanh"] = "12345678"; },
       m + "DinhDanhCHS[0].SoDinhDanh phải gồm đúng 12 chữ số (CCCD)"},
      {[](Json& r) { r["motcua_local"] = Json{{"synced", "1"}}; },
       m + "motcua_local là phần mở rộng nội bộ của motcua, không được gửi"},
  };
  for (const Case& c : cases) {
    Json bad = SampleRecord("M-1");
    c.spoil(bad);
    SCOPED_TRACE(c.message);
    const HttpReply r = server.Sync({SampleRecord("M-0"), bad}, false);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.error_code(), "-1");
    EXPECT_EQ(Message(r), c.message);
    EXPECT_EQ(r.json.value("MaHoSo", "?"), "M-1");
  }
  EXPECT_TRUE(LookUp(server, "M-0").is_null()) << "a refused batch stores nothing";
  EXPECT_EQ(server.Stats()["rejected_batches"], std::size(cases));
}

TEST(DongBoHoSoMC, NamesARecordWithoutMaHoSoByPosition) {
  TestServer server;
  Json nameless = SampleRecord("x");
  nameless.erase("MaHoSo");
  HttpReply r = server.Sync({SampleRecord("A-1"), nameless}, false);
  EXPECT_EQ(Message(r), "Hồ sơ thứ 2: trường MaHoSo bắt buộc nhưng không có");
  EXPECT_EQ(r.json.value("MaHoSo", "?"), "");
  r = server.Sync({Json::array()}, false);
  EXPECT_EQ(Message(r), "Hồ sơ thứ 1: không phải đối tượng JSON");
}

TEST(DongBoHoSoMC, BatchIsAtomic) {
  TestServer server;
  Json bad = SampleRecord("A-2");
  bad["HinhThuc"] = "2";
  const HttpReply r = server.Sync({SampleRecord("A-1"), bad, SampleRecord("A-3")}, false);
  EXPECT_EQ(r.error_code(), "-1");
  EXPECT_EQ(r.json["MaHoSo"], "A-2");
  for (const char* code : {"A-1", "A-2", "A-3"}) EXPECT_TRUE(LookUp(server, code).is_null()) << code;
  EXPECT_EQ(server.Stats()["records_created"], 0);
}

TEST(DongBoHoSoMC, CreateOfAStoredRecordIsDaTonTai) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1")}, false).error_code(), "0");
  const HttpReply r = server.Sync({SampleRecord("A-2"), SampleRecord("A-1")}, false);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.error_code(), "3");
  EXPECT_EQ(Message(r), "Hồ sơ A-1 đã tồn tại");
  EXPECT_EQ(r.json["MaHoSo"], "A-1");
  EXPECT_TRUE(LookUp(server, "A-2").is_null()) << "nothing of the batch is stored";
}

TEST(DongBoHoSoMC, UpdateOfAnUnknownRecordIsKhongTonTai) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1")}, false).error_code(), "0");
  Json changed = SampleRecord("A-1");
  changed["TrangThaiHoSo"] = "4";
  const HttpReply r = server.Sync({changed, SampleRecord("Z-9")}, true);
  EXPECT_EQ(r.error_code(), "-1");
  EXPECT_EQ(Message(r), "Hồ sơ Z-9 không tồn tại");
  EXPECT_EQ(r.json["MaHoSo"], "Z-9");
  EXPECT_EQ(LookUp(server, "A-1")["TrangThaiHoSo"], "2") << "A-1 unchanged";
}

TEST(DongBoHoSoMC, UpdateReplacesTheStoredRecord) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1")}, false).error_code(), "0");
  Json changed = SampleRecord("A-1");
  changed["TrangThaiHoSo"] = "9";
  changed["NgayKetThucXuLy"] = "20260804100000";
  changed.erase("ChuHoSo");  // a replacement, not a merge
  const HttpReply r = server.Sync({changed}, true);
  EXPECT_EQ(r.error_code(), "0");
  EXPECT_EQ(Message(r), "Đồng bộ thành công 1 hồ sơ");
  Json stored = LookUp(server, "A-1");
  stored.erase("QuaTrinhXuLy");
  EXPECT_EQ(stored, changed);
  EXPECT_EQ(server.Stats()["records_updated"], 1);
}

TEST(DongBoHoSoMC, RefusesTheSameMaHoSoTwiceInOneBatch) {
  TestServer server;
  const HttpReply r = server.Sync({SampleRecord("A-1"), SampleRecord("A-1")}, false);
  EXPECT_EQ(r.error_code(), "-1");
  EXPECT_EQ(Message(r), "Hồ sơ A-1 có hai lần trong cùng một lô");
  EXPECT_TRUE(LookUp(server, "A-1").is_null());
}

TEST(CapNhatTienDoHoSoMC, AppendsStepsInOrderAndCountsRepeats) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1")}, false).error_code(), "0");
  const Json received = SampleStep("A-1", "20260803080000", "2");
  Json processing = SampleStep("A-1", "20260803090000", "4");
  processing["NoiDungXuLy"] = "Chuyển xử lý";
  HttpReply r = server.Steps({received, processing});
  EXPECT_EQ(r.error_code(), "0");
  EXPECT_EQ(Message(r), "Cập nhật tiến độ thành công 2 bước");
  // The same step again, keys in another order: a real server stores it again; the stats count it.
  Json again;
  for (const char* key : {"TrangThai", "NoiDungXuLy", "ThoiDiemXuLy", "NguoiXuLy", "MaHoSo"}) again[key] = received[key];
  r = server.Steps({again});
  EXPECT_EQ(r.error_code(), "0");
  const Json stored = LookUp(server, "A-1");
  ASSERT_EQ(stored["QuaTrinhXuLy"].size(), 3u);
  EXPECT_EQ(stored["QuaTrinhXuLy"][0], received);
  EXPECT_EQ(stored["QuaTrinhXuLy"][1], processing);
  EXPECT_EQ(stored["QuaTrinhXuLy"][2], again);
  const Json stats = server.Stats();
  EXPECT_EQ(stats["steps_stored"], 3);
  EXPECT_EQ(stats["duplicate_steps"], 1);
}

TEST(CapNhatTienDoHoSoMC, RefusesAStepForAnUnknownFileAndStoresNoneOfTheBatch) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1")}, false).error_code(), "0");
  const HttpReply r = server.Steps({SampleStep("A-1", "20260803080000", "2"), SampleStep("Z-9", "20260803080000", "2")});
  EXPECT_EQ(r.error_code(), "-1");
  EXPECT_EQ(Message(r), "Hồ sơ Z-9 không tồn tại");
  EXPECT_EQ(r.json["MaHoSo"], "Z-9");
  EXPECT_EQ(LookUp(server, "A-1")["QuaTrinhXuLy"], Json::array());
}

TEST(CapNhatTienDoHoSoMC, NamesTheBadStepByFileAndPosition) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1")}, false).error_code(), "0");
  HttpReply r = server.Steps({SampleStep("A-1", "20260803080000", "2"), SampleStep("A-1", "20260803090000", "12")});
  EXPECT_EQ(Message(r), "Hồ sơ A-1, bước thứ 2: trường TrangThai có giá trị \"12\" ngoài bảng mã (1–10)");
  Json nameless = SampleStep("", "20260803080000", "2");
  r = server.Steps({nameless});
  EXPECT_EQ(Message(r), "Bước thứ 1: trường MaHoSo không được để trống");
  r = server.Steps({});
  EXPECT_EQ(Message(r), "Trường data phải là mảng từ 1 đến 100 bước");
  EXPECT_EQ(LookUp(server, "A-1")["QuaTrinhXuLy"], Json::array());
}

TEST(TraCuuHoSo, AnswersNotFoundWithNullData) {
  TestServer server;
  const HttpReply r = server.Call("TraCuuHoSo", Json{{"MaHoSo", "000.00.12.H60-260803-9999"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.error_code(), "0");
  EXPECT_EQ(Message(r), "Không tìm thấy hồ sơ");
  ASSERT_TRUE(r.json.contains("data"));
  EXPECT_TRUE(r.json["data"].is_null());
  EXPECT_EQ(Message(server.Call("TraCuuHoSo", Json::object())), "Thiếu MaHoSo");
}

TEST(TraCuuHoSo, FindsARecordWithItsSteps) {
  TestServer server;
  ASSERT_EQ(server.Sync({SampleRecord("A-1")}, false).error_code(), "0");
  ASSERT_EQ(server.Steps({SampleStep("A-1", "20260803080000", "2")}).error_code(), "0");
  const HttpReply r = server.Call("TraCuuHoSo", Json{{"MaHoSo", "A-1"}});
  EXPECT_EQ(Message(r), "Thành công");
  EXPECT_EQ(r.json["data"]["MaHoSo"], "A-1");
  ASSERT_EQ(r.json["data"]["QuaTrinhXuLy"].size(), 1u);
  EXPECT_EQ(r.json["data"]["QuaTrinhXuLy"][0]["TrangThai"], "2");
}

TEST(LayDanhSachTTHC, ListsTheCatalog) {
  auto catalog = catalog::LoadCatalogFile(std::filesystem::path(MOTCUA_ASSETS_DIR) / "catalog" / "catalog.json");
  ASSERT_TRUE(catalog.has_value()) << catalog.error().Describe();
  TestServer server([&](ServerOptions& o) { o.procedures = *catalog; });
  const HttpReply r = server.Call("LayDanhSachTTHC", Json::object());
  EXPECT_EQ(r.error_code(), "0");
  EXPECT_EQ(Message(r), "Thành công");
  ASSERT_EQ(r.json["data"].size(), catalog->size());
  EXPECT_EQ(r.json["data"][0], (Json{{"MATTHC", "1.001193"},
                                     {"TENTTHC", "Thủ tục đăng ký khai sinh"},
                                     {"MALINHVUC", ""},
                                     {"TENLINHVUC", "Hộ tịch"}}));
  TestServer empty;
  EXPECT_EQ(empty.Call("LayDanhSachTTHC", Json::object()).json["data"], Json::array()) << "no --catalog: no procedures";
}

TEST(LayThuTuc, DescribesAProcedureFromTheCatalog) {
  auto catalog = catalog::LoadCatalogFile(std::filesystem::path(MOTCUA_ASSETS_DIR) / "catalog" / "catalog.json");
  ASSERT_TRUE(catalog.has_value()) << catalog.error().Describe();
  TestServer server([&](ServerOptions& o) { o.procedures = *catalog; });
  // 1.004222 Đăng ký thường trú: 7 working days, 20,000 đ at the counter and 10,000 đ online (sample catalog).
  const HttpReply r = server.Call("LayThuTuc", Json{{"MaTTHC", "1.004222"}});
  EXPECT_EQ(r.error_code(), "0");
  const Json& d = r.json["data"];
  EXPECT_EQ(d["MATTHC"], "1.004222");
  EXPECT_EQ(d["TENTTHC"], "Đăng ký thường trú");
  ASSERT_EQ(d["LINHVUCTHUCHIEN"].size(), 1u);
  EXPECT_EQ(d["LINHVUCTHUCHIEN"][0]["TENLINHVUC"], "Đăng ký, quản lý cư trú");
  EXPECT_EQ(d["THOIHANGIAIQUYET"], "7 ngày làm việc");
  ASSERT_EQ(d["PHILEPHI"].size(), 2u);
  EXPECT_EQ(d["PHILEPHI"][0]["MUCPHI"], "20000");
  EXPECT_EQ(d["PHILEPHI"][1]["MUCPHI"], "10000");
  const HttpReply unknown = server.Call("LayThuTuc", Json{{"MaTTHC", "9.999999"}});
  EXPECT_EQ(unknown.error_code(), "-1");
  EXPECT_EQ(Message(unknown), "Không tìm thấy thủ tục");
}

// Parses an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") as UTC unix seconds; -1 if malformed.
std::int64_t ParseHttpDate(const std::string& text) {
  std::tm tm{};
  const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (!end || *end != '\0') return -1;
  return timegm(&tm);
}

TEST(ServerTime, DateHeaderAndServerTimeFollowTheOffsetClock) {
  constexpr std::int64_t kOffset = -(3 * 24 * 3600 + 125);  // three days and 125 s behind
  TestServer server([&](ServerOptions& o) { o.clock_offset = std::chrono::seconds(kOffset); });
  const std::int64_t before = std::time(nullptr);
  const HttpReply replies[] = {
      server.Post("/api/auth/login", Json{{"username", kUser}, {"password", kPassword}}),
      server.Post("/api/auth/login", Json{{"username", kUser}}, /*with_dstcode=*/false),  // an error reply
      server.Get("/khong-co"),                                                             // httplib's 404
      server.Get("/admin/stats"),
  };
  const std::int64_t after = std::time(nullptr);
  for (const HttpReply& r : replies) {
    SCOPED_TRACE(r.body);
    ASSERT_TRUE(r.json.is_object());
    const auto date_header = r.headers.find("Date");
    ASSERT_NE(date_header, r.headers.end());
    const std::int64_t date = ParseHttpDate(date_header->second);
    EXPECT_GE(date, before + kOffset);
    EXPECT_LE(date, after + kOffset);
    // server_time is the same instant, in Vietnam time.
    ASSERT_TRUE(r.json["server_time"].is_string());
    auto server_time = dvc::ParseNationalDate(r.json["server_time"].get<std::string>(), "server_time");
    ASSERT_TRUE(server_time.has_value());
    EXPECT_EQ(ToUnixSeconds(*server_time), date);
    EXPECT_EQ(r.json["server_time"].get<std::string>().size(), 14u);
  }
}

TEST(ServerTime, FormatsTheRfc7231Example) {
  EXPECT_EQ(FormatHttpDate(FromUnixSeconds(784111777)), "Sun, 06 Nov 1994 08:49:37 GMT");  // RFC 7231 §7.1.1.1
  EXPECT_EQ(FormatServerTime(FromUnixSeconds(784111777)), "19941106154937");
}

TEST(Concurrency, ParallelBatchesAreAllStored) {
  TestServer server;
  constexpr int kThreads = 6, kBatches = 4;
  std::vector<std::thread> threads;
  std::atomic<int> accepted{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string session = server.Login();
      for (int b = 0; b < kBatches; ++b) {
        const std::string code = "C-" + std::to_string(t) + "-" + std::to_string(b);
        if (server.Sync({SampleRecord(code)}, false, session).error_code() == "0" &&
            server.Steps({SampleStep(code, "20260803080000", "2")}, session).error_code() == "0")
          ++accepted;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted.load(), kThreads * kBatches);
  const Json stats = server.Stats();
  EXPECT_EQ(stats["records_created"], kThreads * kBatches);
  EXPECT_EQ(stats["steps_stored"], kThreads * kBatches);
}

TEST(Start, RefusesANonLoopbackHostAndBadOptions) {
  testing::TempDir dir;
  ServerOptions o;
  o.db_path = dir / "p.db";
  o.dstcode = kDstcode;
  o.credentials = {kUser, kPassword};
  o.host = "0.0.0.0";
  auto started = ProvincialServer::Start(o);
  ASSERT_FALSE(started.has_value());
  EXPECT_EQ(started.error().rule, "not_loopback");
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.3.2.1"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_FALSE(IsLoopbackHost("192.168.1.10"));
  EXPECT_FALSE(IsLoopbackHost("::"));
  EXPECT_FALSE(IsLoopbackHost("example.vn"));
  o.host = "127.0.0.1";
  o.integration_path = "/admin/x";
  EXPECT_EQ(ProvincialServer::Start(o).error().rule, "bad_path");
  o.integration_path = o.auth_path;
  EXPECT_EQ(ProvincialServer::Start(o).error().rule, "bad_path");
}

}  // namespace
}  // namespace motcua::provincial
