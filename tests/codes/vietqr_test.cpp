#include "codes/vietqr.h"

#include <gtest/gtest.h>

#include <random>

namespace motcua::codes {
namespace {

// The standard check value of CRC-16/CCITT-FALSE (reveng.sourceforge.io CRC catalogue).
TEST(Crc16CcittFalse, MatchesTheCatalogueCheckValue) {
  EXPECT_EQ(Crc16CcittFalse("123456789"), 0x29B1);
  EXPECT_EQ(Crc16CcittFalse(""), 0xFFFF);
}

// Published payloads, byte for byte:
//  - VietQR.io API documentation, "API tạo mã QR" (v2/generate), response sample for acqId 970415,
//    accountNo 113366668888, amount 79000, addInfo "Ung Ho Quy Vac Xin";
//  - github.com/subiz/vietqr README: 120000 đ to VietinBank (970415) account 0011001932418 with the
//    note "ủng hộ lũ lụt", which that library also folds to "ung ho lu lut".
TEST(MakeVietQrPayload, ReproducesPublishedPayloadsByteForByte) {
  auto vietqr_io = MakeVietQrPayload({"970415", "113366668888", 79000, "Ung Ho Quy Vac Xin"});
  ASSERT_TRUE(vietqr_io) << vietqr_io.error().Describe();
  EXPECT_EQ(*vietqr_io,
            "00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA53037045405790005802VN"
            "62220818Ung Ho Quy Vac Xin63043ACF");

  auto subiz = MakeVietQrPayload({"970415", "0011001932418", 120000, "ủng hộ lũ lụt"});
  ASSERT_TRUE(subiz) << subiz.error().Describe();
  EXPECT_EQ(*subiz,
            "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN"
            "62170813ung ho lu lut6304C15C");
}

TEST(VerifyEmvCrc, AcceptsPublishedPayloadsAndRejectsAChangedOne) {
  const std::string published =
      "00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA53037045405790005802VN"
      "62220818Ung Ho Quy Vac Xin63043ACF";
  EXPECT_TRUE(VerifyEmvCrc(published));
  std::string lower = published;
  lower.replace(lower.size() - 4, 4, "3acf");
  EXPECT_TRUE(VerifyEmvCrc(lower));
  std::string changed = published;
  changed[60] = '9';
  EXPECT_EQ(VerifyEmvCrc(changed).error().rule, "bad_crc");
  EXPECT_EQ(VerifyEmvCrc("000201").error().rule, "missing_crc");
}

TEST(ParseEmvTlv, ReadsNestedTemplates) {
  const std::string payload = *MakeVietQrPayload({"970436", "0881000458086", 50000, "Le phi ho so 0001"});
  auto root = ParseEmvTlv(payload);
  ASSERT_TRUE(root) << root.error().Describe();
  ASSERT_EQ(root->size(), 8u);
  const char* ids[] = {"00", "01", "38", "53", "54", "58", "62", "63"};
  for (std::size_t i = 0; i < 8; ++i) EXPECT_EQ((*root)[i].id, ids[i]);
  EXPECT_EQ((*root)[1].value, "12");
  EXPECT_EQ((*root)[4].value, "50000");
  auto merchant = ParseEmvTlv((*root)[2].value);
  ASSERT_TRUE(merchant);
  ASSERT_EQ(merchant->size(), 3u);
  EXPECT_EQ((*merchant)[0].value, "A000000727");
  EXPECT_EQ((*merchant)[2].value, "QRIBFTTA");
  auto bank = ParseEmvTlv((*merchant)[1].value);
  ASSERT_TRUE(bank);
  EXPECT_EQ((*bank)[0].value, "970436");
  EXPECT_EQ((*bank)[1].value, "0881000458086");
  auto extra = ParseEmvTlv((*root)[6].value);
  ASSERT_TRUE(extra);
  EXPECT_EQ((*extra)[0].id, "08");
  EXPECT_EQ((*extra)[0].value, "Le phi ho so 0001");

  EXPECT_EQ(ParseEmvTlv("0002").error().rule, "bad_tlv");
  EXPECT_EQ(ParseEmvTlv("0005abc").error().rule, "bad_tlv");
  EXPECT_EQ(ParseEmvTlv("0A02ab").error().rule, "bad_tlv");
}

TEST(FoldPurposeToAscii, RemovesVietnameseDiacriticsKeepingCase) {
  EXPECT_EQ(FoldPurposeToAscii("Lệ phí Đăng ký hộ tịch"), "Le phi Dang ky ho tich");
  EXPECT_EQ(FoldPurposeToAscii("ĐƯỢC THỬ"), "DUOC THU");
  EXPECT_EQ(FoldPurposeToAscii("  nộp   phí\t\n"), "nop phi");
  // NFD input folds the same way.
  EXPECT_EQ(FoldPurposeToAscii("Le\xCC\xA3 phi\xCC\x81"), "Le phi");
}

TEST(MakeVietQrPayload, FoldsDiacriticsInThePurpose) {
  auto payload = MakeVietQrPayload({"970415", "113366668888", 25000, "Lệ phí hộ tịch"});
  ASSERT_TRUE(payload);
  EXPECT_NE(payload->find("0814Le phi ho tich"), std::string::npos) << *payload;
  EXPECT_TRUE(VerifyEmvCrc(*payload));
}

TEST(MakeVietQrPayload, RejectsBadInputNamingTheField) {
  struct Case {
    VietQrRequest request;
    const char* field;
    const char* rule;
  } cases[] = {
      {{"97041", "113366668888", 1000, "Le phi"}, "bank_bin", "bad_bin"},
      {{"9704150", "113366668888", 1000, "Le phi"}, "bank_bin", "bad_bin"},
      {{"97041A", "113366668888", 1000, "Le phi"}, "bank_bin", "bad_bin"},
      {{"970415", "", 1000, "Le phi"}, "account", "bad_account"},
      {{"970415", "12345678901234567890", 1000, "Le phi"}, "account", "bad_account"},  // 20
      {{"970415", "1133-6666", 1000, "Le phi"}, "account", "bad_account"},
      {{"970415", "113366668888", 0, "Le phi"}, "amount_vnd", "bad_amount"},
      {{"970415", "113366668888", -5000, "Le phi"}, "amount_vnd", "bad_amount"},
      {{"970415", "113366668888", 10'000'000'000'000, "Le phi"}, "amount_vnd", "bad_amount"},
      {{"970415", "113366668888", 1000, ""}, "purpose", "empty_purpose"},
      {{"970415", "113366668888", 1000, " \t "}, "purpose", "empty_purpose"},
      {{"970415", "113366668888", 1000, "Lệ phí: hồ sơ"}, "purpose", "purpose_bad_character"},
      {{"970415", "113366668888", 1000, "HS 000.00.00.H56-261124-0001"}, "purpose", "purpose_bad_character"},
      {{"970415", "113366668888", 1000, "Phí 中文"}, "purpose", "purpose_bad_character"},
      {{"970415", "113366668888", 1000, "Le phi dang ky ho tich 001"}, "purpose", "purpose_too_long"},  // 26
      {{"970415", "113366668888", 1000, "Le phi \xC3"}, "purpose", "bad_utf8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.request.bank_bin + "/" + c.request.account + "/" + std::to_string(c.request.amount_vnd) + "/" +
                 c.request.purpose);
    auto r = MakeVietQrPayload(c.request);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(r.error().field, c.field);
    EXPECT_EQ(r.error().rule, c.rule);
  }
}

TEST(MakeVietQrPayload, AcceptsTheLimits) {
  EXPECT_TRUE(MakeVietQrPayload({"970415", "1", 1, "A"}));
  EXPECT_TRUE(MakeVietQrPayload({"970415", "1234567890123456789", kVietQrMaxAmountVnd, "Le phi dang ky ho tich 01"}));
  EXPECT_TRUE(MakeVietQrPayload({"970415", "ABCdef123", 1000, "Lệ phí đăng ký hộ tịch 01"}));  // 25 after folding
}

// Property: random valid requests give payloads whose TLV structure holds the inputs and whose CRC
// verifies; changing any one character is caught by the CRC (it detects every burst of <= 16 bits).
TEST(MakeVietQrPayload, RandomRequestsRoundTripAndAnyOneCharChangeBreaksTheCrc) {
  const unsigned kSeed = 704;
  std::mt19937 rng(kSeed);
  const std::string alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  auto pick = [&](std::size_t n, std::string_view from) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s.push_back(from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)]);
    return s;
  };
  for (int n = 0; n < 200; ++n) {
    VietQrRequest req;
    req.bank_bin = pick(6, "0123456789");
    req.account = pick(std::uniform_int_distribution<std::size_t>(1, 19)(rng), alnum);
    req.amount_vnd = std::uniform_int_distribution<std::int64_t>(1, kVietQrMaxAmountVnd)(rng);
    req.purpose = pick(1, alnum) + pick(std::uniform_int_distribution<std::size_t>(0, 23)(rng), alnum + " ") + pick(1, alnum);
    auto payload = MakeVietQrPayload(req);
    ASSERT_TRUE(payload) << "seed=" << kSeed << " n=" << n << " " << payload.error().Describe();
    ASSERT_TRUE(VerifyEmvCrc(*payload)) << *payload;
    auto root = ParseEmvTlv(*payload);
    ASSERT_TRUE(root) << *payload;
    auto merchant = ParseEmvTlv((*root)[2].value);
    auto bank = ParseEmvTlv((*merchant)[1].value);
    EXPECT_EQ((*bank)[0].value, req.bank_bin);
    EXPECT_EQ((*bank)[1].value, req.account);
    EXPECT_EQ((*root)[4].value, std::to_string(req.amount_vnd));
    EXPECT_EQ((*ParseEmvTlv((*root)[6].value))[0].value, FoldPurposeToAscii(req.purpose));  // runs of spaces collapse
    const std::size_t pos = std::uniform_int_distribution<std::size_t>(0, payload->size() - 5)(rng);
    std::string changed = *payload;
    changed[pos] = changed[pos] == 'X' ? 'Y' : 'X';
    EXPECT_FALSE(VerifyEmvCrc(changed)) << "seed=" << kSeed << " n=" << n << " pos=" << pos << " " << changed;
  }
}

}  // namespace
TEST(PurposeForDossier, IsTheCodeWithSpacesAndFitsTheVietQrLimit) {
  EXPECT_EQ(PurposeForDossier("000.00.00.H56-261124-0001"), "000 00 00 H56 261124 0001");
  EXPECT_EQ(PurposeForDossier("H15.50.05.13-261008-0975"), "H15 50 05 13 261008 0975");
  // A 6-digit daily number makes 27 characters: the agency's first segments give way.
  EXPECT_EQ(PurposeForDossier("000.00.00.H56-261124-000123"), "00 00 H56 261124 000123");
  auto payload = MakeVietQrPayload({"970415", "113366668888", 10000, PurposeForDossier("000.00.00.H56-261124-0001")});
  ASSERT_TRUE(payload.has_value()) << payload.error().Describe();
  EXPECT_NE(payload->find("0825000 00 00 H56 261124 0001"), std::string::npos);
}

}  // namespace motcua::codes
