// The adapter's replies, as real servers send them and as a broken network delivers them.
#include "sync/reply.h"

#include <gtest/gtest.h>

namespace motcua::sync {
namespace {

TEST(ReplyTest, SuccessIsZeroAsAStringOrANumberOrDoubleZero) {
  for (const char* body : {R"({"error_code":"0","message":"Đồng bộ thành công"})", R"({"error_code":0,"message":"x"})",
                           R"({"error_code":"00","message":"x"})"}) {
    auto r = ParseReply(body);
    ASSERT_TRUE(r) << body << " " << r.error().Describe();
    EXPECT_TRUE(r->Succeeded()) << body;
  }
  auto refused = ParseReply(R"({"error_code":-1,"message":"Hồ sơ A: trường NgayHenTra sai định dạng","MaHoSo":"A"})");
  ASSERT_TRUE(refused);
  EXPECT_FALSE(refused->Succeeded());
  EXPECT_EQ(refused->error_code, "-1");
  EXPECT_EQ(refused->dossier_code, "A");
}

TEST(ReplyTest, ExistingFileAndRefusedSessionAreToldByTheMessage) {
  auto exists = ParseReply(R"({"error_code":"3","message":"Hồ sơ X đã tồn tại"})");
  ASSERT_TRUE(exists);
  EXPECT_TRUE(exists->AlreadyExists());
  EXPECT_FALSE(exists->SessionRefused());
  auto expired = ParseReply(R"({"error_code":"-2","message":"Phiên làm việc đã hết hạn"})");
  ASSERT_TRUE(expired);
  EXPECT_TRUE(expired->SessionRefused());
  EXPECT_TRUE(ParseReply(R"({"error_code":"401","message":""})")->SessionRefused());
}

TEST(ReplyTest, LoginCarriesTheSessionAndServerTime) {
  auto r = ParseReply(R"({"error_code":"0","message":"ok","session":"abc","server_time":"20261207080000"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->session, "abc");
  ASSERT_TRUE(r->server_time);
  EXPECT_EQ(FormatInstantUtc(*r->server_time), "2026-12-07T01:00:00Z");
}

TEST(ReplyTest, MalformedRepliesAreErrorsNotCrashes) {
  for (const char* body : {"", "<html>502 Bad Gateway</html>", "[1,2]", R"({"error_code":"0","message":"x")",
                           R"({"message":"no code"})", R"({"error_code":{"a":1}})", R"({"error_code":"0","session":[1]})",
                           R"({"error_code":"0","server_time":"tomorrow"})", R"({"error_code":1.5})"}) {
    auto r = ParseReply(body);
    ASSERT_FALSE(r) << body;
    EXPECT_EQ(r.error().rule, "bad_reply") << body;
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  }
  EXPECT_FALSE(ParseReply(std::string(kMaxReplyBytes + 1, ' ')));
}

TEST(ReplyTest, LookupTellsAbsentFromPresentWithSteps) {
  auto none = ParseLookup("null");
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  auto held = ParseLookup(R"({"MaHoSo":"A","QuaTrinhXuLy":[{"ThoiDiemXuLy":"20261207080000","TrangThai":"2",
                              "NoiDungXuLy":"Tiếp nhận"},{"ThoiDiemXuLy":"20261207090000","TrangThai":4}]})");
  ASSERT_TRUE(held) << held.error().Describe();
  ASSERT_TRUE(*held);
  ASSERT_EQ((*held)->size(), 2u);
  EXPECT_EQ((**held)[1].status, "4");
  EXPECT_FALSE(ParseLookup(R"({"QuaTrinhXuLy":{}})"));
  EXPECT_FALSE(ParseLookup(R"([1])"));
}

TEST(ReplyTest, ProceduresFromTheListAndFromOneProcedure) {
  auto list = ParseProcedures(R"([{"MATTHC":"1.004222","TENTTHC":"Đăng ký thường trú","MALINHVUC":"CT","TENLINHVUC":"Cư trú"}])");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].field_name, "Cư trú");
  auto one = ParseProcedures(R"({"MATTHC":"1.005129","TENTTHC":"X","LINHVUCTHUCHIEN":[{"MALINHVUC":"HT","TENLINHVUC":"Hộ tịch"}]})");
  ASSERT_TRUE(one);
  EXPECT_EQ((*one)[0].field_code, "HT");
  EXPECT_FALSE(ParseProcedures(R"([{"TENTTHC":"no code"}])"));
}

}  // namespace
}  // namespace motcua::sync
