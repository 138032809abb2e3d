// workflow/intake_json.h: the dossier file's parser. Numbers never wrap, every field error names the
// JSON field, and nothing is opened while parsing.
#include "workflow/intake_json.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::workflow {
namespace {

std::string WithApplicant(const std::string& extra) {
  return R"({"procedure_code": "1.004222", "applicant": {"id_number": "001090123456", "name": "Nguyễn Thị Thử"})" +
         extra + "}";
}

void ExpectError(const Result<ParsedIntake>& r, const std::string& field, const std::string& rule) {
  ASSERT_FALSE(r.has_value()) << "expected " << field << "/" << rule;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().field, field) << r.error().Describe();
  EXPECT_EQ(r.error().rule, rule) << r.error().Describe();
}

TEST(ParseIntakeJson, ReadsEveryFieldAndResolvesFilesAgainstTheBase) {
  auto r = ParseIntakeJson(WithApplicant(R"(, "request_id": "q-1", "sets": 2, "received_at": "2026-11-23 09:00",
      "components": [{"code": "TP1", "originals": 1, "copies": 99, "files": ["a.pdf", "/abs/b.png"]}],
      "fees": [{"name": "Lệ phí", "amount_vnd": 100000000000}])"),
                           "/data/in");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->request.request_id, "q-1");
  EXPECT_EQ(r->request.sets, 2);
  EXPECT_TRUE(r->has_received_at);
  EXPECT_EQ((*r->request.components)[0].copies, 99);
  EXPECT_EQ((*r->request.fees)[0].amount_vnd, kMaxFeeVnd);
  ASSERT_EQ(r->files.size(), 2u);
  EXPECT_EQ(r->files[0].path, "/data/in/a.pdf");
  EXPECT_EQ(r->files[1].path, "/abs/b.png");
  EXPECT_EQ(r->files[1].component, 0u);
}

// The issue's worked example: 4294967297 copies was stored as 1 (2^32 + 1 wrapped by get<int>()).
TEST(ParseIntakeJson, NumbersOutOfRangeAreRefusedNeverWrapped) {
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "components": [{"code": "TP1", "copies": 4294967297}])"), "/"),
              "components[0].copies", "out_of_range");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "components": [{"code": "TP1", "originals": -1}])"), "/"),
              "components[0].originals", "out_of_range");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "components": [{"code": "TP1", "copies": 100}])"), "/"),
              "components[0].copies", "out_of_range");
  // Two fees that summed past INT64_MAX printed a negative total: each is capped now.
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "fees": [{"name": "a", "amount_vnd": 9223372036854775807}])"), "/"),
              "fees[0].amount_vnd", "out_of_range");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "fees": [{"name": "a", "amount_vnd": 18446744073709551615}])"), "/"),
              "fees[0].amount_vnd", "out_of_range");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "fees": [{"name": "a", "amount_vnd": 1.5}])"), "/"),
              "fees[0].amount_vnd", "not_an_integer");
  // Found by fuzz_intake_json (tests/fuzz/regressions/intake_json/sets_zero_as_unsigned.json): JSON keeps
  // 0 as an unsigned number, whose lower bound was not checked.
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "sets": 0)"), "/"), "sets", "out_of_range");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "sets": 100)"), "/"), "sets", "out_of_range");
}

TEST(ParseIntakeJson, ShapesAreCheckedNamingTheField) {
  ExpectError(ParseIntakeJson("{not json", "/"), "json", "bad_json");
  ExpectError(ParseIntakeJson("[1]", "/"), "json", "not_an_object");
  ExpectError(ParseIntakeJson(R"({"applicant": {}})", "/"), "procedure_code", "missing");
  ExpectError(ParseIntakeJson(R"({"procedure_code": "1", "applicant": []})", "/"), "applicant", "not_an_object");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "components": {"code": "TP1"})"), "/"), "components", "not_an_array");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "components": [{"code": "TP1", "files": [""]}])"), "/"),
              "components[0].files", "not_a_string");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "fees": [7])"), "/"), "fees[0]", "not_an_object");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "received_at": "2026-02-30 09:00")"), "/"), "received_at",
              "bad_datetime");
  ExpectError(ParseIntakeJson(WithApplicant(R"(, "channel": "fax")"), "/"), "channel", "bad_value");
  ExpectError(ParseIntakeJson(std::string(kMaxIntakeJsonBytes + 1, ' '), "/"), "json", "too_large");
}

TEST(ParseIntakeJson, ACccdQrFillsTheApplicant) {
  auto r = ParseIntakeJson(R"({"procedure_code": "1.004222", "applicant": {"cccd_qr":
      "008190001234||Nguyễn Thị Mẫu|12051990|Nữ|Tổ 5, phường Phan Thiết|01072021", "phone": "0912000111"}})",
                           "/");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->request.applicant.id_number, "008190001234");
  EXPECT_EQ(r->request.applicant.name, "Nguyễn Thị Mẫu");
  EXPECT_EQ(r->request.applicant.phone, "0912000111");
}

}  // namespace
}  // namespace motcua::workflow
