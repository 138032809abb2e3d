// Manifests and intake requests as JSON: what a manifest record stores comes back unchanged, and the
// intake reader names the field at fault with its full path.
#include "postal/manifest_json.h"

#include <gtest/gtest.h>

#include "support/fixtures.h"

namespace motcua::postal {
namespace {

using motcua::testing::At;

Manifest FullManifest() {
  Manifest m;
  m.id = "OUT-261130-0001";
  m.direction = Direction::kOutbound;
  m.status = ManifestStatus::kSigned;
  m.postal = {"Bưu điện tỉnh Tuyên Quang", "Trần Văn Bưu", "Bưu tá", "0912000111", "BT-0042", ""};
  m.center = {"Trung tâm Phục vụ hành chính công tỉnh", "Lê Thị Nhận", "Chuyên viên", "", "", "can.bo.a"};
  m.created_at = At("2026-11-30 14:00");
  m.created_by = "can.bo.a";
  m.station = "station-1";
  m.signed_at = At("2026-11-30 14:15");
  m.signed_by = "buu.ta";
  ManifestItem a;
  a.parcel_number = "EB000717618HK";
  a.dossier_code = "000.00.00.H56-261123-0001";
  a.person_name = "Nguyễn Thị Thử";
  a.procedure_name = "Đăng ký thường trú";
  a.sets = 2;
  a.delivery_address = "Số 5, đường Quang Trung";
  a.originals_returned = true;
  a.no_digital_result_reason = "Bản giấy";
  a.note = "Hàng dễ vỡ";
  a.added_at = At("2026-11-30 14:01");
  a.added_by = "can.bo.a";
  a.delivery = {DeliveryStatus::kFailed, At("2026-12-01 10:00"), "", "Không có người nhận", 1, "buu.ta"};
  m.items.push_back(a);
  return m;
}

void ExpectSame(const Manifest& x, const Manifest& y) {
  EXPECT_EQ(ManifestToJson(x), ManifestToJson(y));
  EXPECT_EQ(x.id, y.id);
  EXPECT_EQ(x.signed_at, y.signed_at);
  ASSERT_EQ(x.items.size(), y.items.size());
  EXPECT_EQ(x.items[0].delivery.reason, y.items[0].delivery.reason);
  EXPECT_EQ(x.items[0].delivery.at, y.items[0].delivery.at);
  EXPECT_EQ(x.postal.staff_id, y.postal.staff_id);
}

TEST(ManifestJson, AnOutboundManifestComesBackUnchanged) {
  const Manifest m = FullManifest();
  auto back = ManifestFromJson(ManifestToJson(m));
  ASSERT_TRUE(back) << back.error().Describe();
  ExpectSame(m, *back);
  EXPECT_EQ(back->items[0].delivery.failed_attempts, 1);
  EXPECT_FALSE(back->closed_at);
}

TEST(ManifestJson, AnInboundItemKeepsItsWholeIntake) {
  Manifest m = FullManifest();
  m.direction = Direction::kInbound;
  m.status = ManifestStatus::kDraft;
  m.signed_at.reset();
  m.items[0].delivery = {};  // inbound items have no delivery to the citizen
  workflow::IntakeRequest r = motcua::testing::SampleIntake();
  r.applicant.kind = dossier::ApplicantKind::kOrganization;
  r.applicant.id_type = dossier::IdType::kTaxCode;
  r.applicant.id_number = "5000123456";
  r.applicant.email = "ct@example.vn";
  r.delivery = dossier::Delivery::kPostal;
  r.delivery_address = "Thôn Đồng Tâm";
  r.processing_unit = "Công an phường Phan Thiết";
  r.summary = "Đăng ký thường trú cho hộ gia đình";
  r.sets = 2;
  r.vneid_verified = true;
  r.cases = {"Giấy tờ phải nộp"};
  r.components = std::vector<workflow::IntakeComponent>{
      {.code = "TP1", .originals = 1, .copies = 2,
       .files = {{std::string(64, 'a'), "application/pdf", 3, 1234, "to-khai.pdf", "buu.ta", At("2026-11-27 15:00")}}},
      {.code = "TP2", .shown_only = true, .reused_result_code = "KQ-1", .from_citizen_store = true}};
  r.fees = std::vector<dossier::Fee>{{"Lệ phí", 8000, std::nullopt, 0}};
  m.items[0].intake = r;
  auto back = ManifestFromJson(ManifestToJson(m));
  ASSERT_TRUE(back) << back.error().Describe();
  ExpectSame(m, *back);
  ASSERT_TRUE(back->items[0].intake);
  const workflow::IntakeRequest& b = *back->items[0].intake;
  EXPECT_EQ(IntakeToJson(b), IntakeToJson(r));
  EXPECT_EQ(b.applicant.id_type, dossier::IdType::kTaxCode);
  ASSERT_TRUE(b.components);
  EXPECT_EQ((*b.components)[0].copies, 2);
  EXPECT_FALSE((*b.components)[1].originals);  // unset stays unset: the catalog's count applies
  EXPECT_EQ((*b.components)[0].files[0].pages, 3);
  EXPECT_EQ((*b.components)[0].files[0].added_at, At("2026-11-27 15:00"));
  EXPECT_EQ((*b.fees)[0].amount_vnd, 8000);
  EXPECT_FALSE(back->items[0].intake->received_at);
}

TEST(ManifestJson, ADamagedRecordIsCorrupt) {
  for (const char* bad : {"{", "[]", R"({"id": "X"})", R"({"id":"X","direction":"sideways","status":"draft"})"}) {
    auto r = ManifestFromJson(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kCorrupt) << bad;
    EXPECT_EQ(r.error().rule, "bad_manifest") << bad;
  }
}

TEST(IntakeJson, ReadsTheReceiveFileShape) {
  auto r = IntakeFromJson(R"({"procedure_code": "1.004222",
    "applicant": {"id_type": "cccd", "id_number": "001090123456", "name": "Nguyễn Thị Thử"},
    "delivery": "postal", "delivery_address": "Số 5", "components": [{"code": "TP1"}, {"code": "TP2", "copies": 3}]})");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->applicant.name, "Nguyễn Thị Thử");
  EXPECT_EQ(r->delivery, dossier::Delivery::kPostal);
  EXPECT_EQ(r->channel, dossier::Channel::kCounter);  // the manifest sets postal at signing
  EXPECT_EQ((*r->components)[1].copies, 3);
  EXPECT_FALSE(r->fees);
}

TEST(IntakeJson, AcceptsACccdQr) {
  auto r = IntakeFromJson(R"({"procedure_code": "1.004222",
    "applicant": {"cccd_qr": "001090123456||Nguyễn Thị Thử|01011990|Nữ|Tổ 1, phường Phan Thiết|15042021",
                  "phone": "0912345678"}})");
  ASSERT_TRUE(r) << r.error().Describe();
  EXPECT_EQ(r->applicant.id_number, "001090123456");
  EXPECT_EQ(r->applicant.address, "Tổ 1, phường Phan Thiết");
  EXPECT_EQ(r->applicant.phone, "0912345678");
}

TEST(IntakeJson, NamesTheFieldAtFaultWithItsPath) {
  struct Case {
    const char* json;
    const char* field;
    const char* rule;
  };
  const Case cases[] = {
      {"{not json", "items[0].dossier", "bad_json"},
      {"[]", "items[0].dossier", "not_an_object"},
      {R"({"applicant": {}})", "items[0].dossier.procedure_code", "missing"},
      {R"({"procedure_code": "1.004222"})", "items[0].dossier.applicant", "missing"},
      {R"({"procedure_code": "1.004222", "applicant": {"id_number": "1"}})", "items[0].dossier.applicant.name", "missing"},
      {R"({"procedure_code": "1.004222", "applicant": {"id_number": "1", "name": "A", "id_type": "cmt"}})",
       "items[0].dossier.applicant.id_type", "bad_value"},
      {R"({"procedure_code": "1.004222", "applicant": {"id_number": "1", "name": "A"}, "sets": "2"})",
       "items[0].dossier.sets", "not_an_integer"},
      {R"({"procedure_code": "1.004222", "applicant": {"id_number": "1", "name": "A"}, "components": [{"copies": 1}]})",
       "items[0].dossier.components[0].code", "missing"},
      {R"({"procedure_code": "1.004222", "applicant": {"id_number": "1", "name": "A"}, "fees": [{"name": "x"}]})",
       "items[0].dossier.fees[0].amount_vnd", "missing"},
      {R"({"procedure_code": "1.004222", "applicant": {"cccd_qr": "not a qr"}})", "items[0].dossier.applicant.cccd_qr",
       nullptr},
  };
  for (const Case& c : cases) {
    auto r = IntakeFromJson(c.json, "items[0].dossier");
    ASSERT_FALSE(r) << c.json;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << c.json;
    EXPECT_EQ(r.error().field, c.field) << c.json;
    if (c.rule) {
      EXPECT_EQ(r.error().rule, c.rule) << c.json;
    }
  }
}

}  // namespace
}  // namespace motcua::postal
