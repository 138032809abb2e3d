#include "codes/cccd.h"

#include <gtest/gtest.h>

#include <chrono>

namespace motcua::codes {
namespace {

using namespace std::chrono;

LocalDate Day(int y, unsigned m, unsigned d) { return local_days{year{y} / month{m} / day{d}}; }

// Fixtures have the shape of real card QRs (domain.md §5: field order and formats from the public
// ParsedCccd parser, the "định dạng chuẩn của Bộ Công An" note and dangbaokhoa/identity-card; the
// ID digits follow TT 07/2016/TT-BCA Art. 7: province, century+sex, birth year, serial). The people
// are invented: "Thử" (test), "Mẫu" (sample), "Giả" (fake), "Định" in "Giả Định" (hypothetical).
constexpr const char* kSevenFields =
    "008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tổ 5, Phường Minh Xuân, Thành phố Tuyên Quang, "
    "Tuyên Quang|10082021";
constexpr const char* kEmptyOldId =
    "008085012345||Hoàng Văn Thử|03071985|Nam|Thôn Giả Định, Xã Thái Bình, Huyện Yên Sơn, Tuyên Quang|22122021";
constexpr const char* kSixFields =
    "001203004567|Trần Văn Giả|05062003|Nam|Số 12 ngõ 34 phố Giả Định, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội|"
    "20072021";

TEST(ParseCccdQr, ReadsTheSevenFieldCard) {
  auto d = ParseCccdQr(kSevenFields);
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->id, "008190001234");
  EXPECT_EQ(d->old_id, "070912345");
  EXPECT_EQ(d->name, "Nguyễn Thị Mẫu");
  EXPECT_EQ(d->birth_date, Day(1990, 2, 14));
  EXPECT_EQ(d->sex, "Nữ");
  EXPECT_EQ(d->address, "Tổ 5, Phường Minh Xuân, Thành phố Tuyên Quang, Tuyên Quang");
  EXPECT_EQ(d->issue_date, Day(2021, 8, 10));
  EXPECT_TRUE(CheckCccdConsistency(*d));
}

TEST(ParseCccdQr, ReadsAnEmptyOldIdAsEmpty) {
  auto d = ParseCccdQr(kEmptyOldId);
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->old_id, "");
  EXPECT_EQ(d->name, "Hoàng Văn Thử");
  EXPECT_EQ(d->sex, "Nam");
  EXPECT_EQ(d->issue_date, Day(2021, 12, 22));
}

TEST(ParseCccdQr, ToleratesAMissingOldIdField) {
  auto d = ParseCccdQr(kSixFields);
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->id, "001203004567");
  EXPECT_EQ(d->old_id, "");
  EXPECT_EQ(d->name, "Trần Văn Giả");
  EXPECT_EQ(d->birth_date, Day(2003, 6, 5));
  EXPECT_EQ(d->address, "Số 12 ngõ 34 phố Giả Định, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội");
  EXPECT_TRUE(CheckCccdConsistency(*d));
}

TEST(ParseCccdQr, JoinsExtraBarsInsideTheAddress) {
  auto d = ParseCccdQr("008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tổ 5|Phường Minh Xuân|Tuyên Quang|10082021");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->address, "Tổ 5|Phường Minh Xuân|Tuyên Quang");
  EXPECT_EQ(d->issue_date, Day(2021, 8, 10));
  // Without the old-ID slot too.
  auto six = ParseCccdQr("001203004567|Trần Văn Giả|05062003|Nam|Số 12|Hà Nội|20072021");
  ASSERT_TRUE(six) << six.error().Describe();
  EXPECT_EQ(six->name, "Trần Văn Giả");
  EXPECT_EQ(six->address, "Số 12|Hà Nội");
}

TEST(ParseCccdQr, ToleratesKeyboardWedgeWhiteSpaceAndTrailingBars) {
  const std::string base = kSevenFields;
  for (const std::string& text : {base + "\r\n", base + "\n", "  " + base + "   ", base + "|", base + "||\r"}) {
    auto d = ParseCccdQr(text);
    ASSERT_TRUE(d) << "[" << text << "] " << d.error().Describe();
    EXPECT_EQ(d->issue_date, Day(2021, 8, 10));
  }
}

TEST(ParseCccdQr, NormalisesDecomposedTextToNfc) {
  // "Nguyễn Thị Mẫu" and "Nữ" typed in NFD (base letters + combining marks), as some scanners send.
  const std::string nfd_name = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 Ma\xCC\x82\xCC\x83u";
  const std::string nfd_sex = "Nu\xCC\x9B\xCC\x83";
  auto d = ParseCccdQr("008190001234|070912345|" + nfd_name + "|14021990|" + nfd_sex + "|Tuye\xCC\x82n Quang|10082021");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->name, "Nguyễn Thị Mẫu");
  EXPECT_EQ(d->sex, "Nữ");
  EXPECT_EQ(d->address, "Tuyên Quang");
}

TEST(ParseCccdQr, AcceptsSexInAnyCaseWithOrWithoutDiacritic) {
  for (const char* sex : {"NỮ", "nữ", "Nu", "NU"}) {
    auto d = ParseCccdQr(std::string("008190001234|070912345|Nguyễn Thị Mẫu|14021990|") + sex + "|Tuyên Quang|10082021");
    ASSERT_TRUE(d) << sex;
    EXPECT_EQ(d->sex, "Nữ") << sex;
  }
  auto male = ParseCccdQr("008085012345||Hoàng Văn Thử|03071985|NAM|Tuyên Quang|22122021");
  ASSERT_TRUE(male);
  EXPECT_EQ(male->sex, "Nam");
}

TEST(ParseCccdQr, AcceptsATwelveDigitOldCmnd) {
  auto d = ParseCccdQr("008085012345|008085999999|Hoàng Văn Thử|03071985|Nam|Tuyên Quang|22122021");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->old_id, "008085999999");
}

struct BadCase {
  std::string text;
  const char* field;
  const char* rule;
};

TEST(ParseCccdQr, RejectsBadInputNamingTheField) {
  const BadCase cases[] = {
      {"", "cccd_qr", "empty"},
      {" \r\n", "cccd_qr", "empty"},
      {"008190001234|", "cccd_qr", "too_few_fields"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ", "cccd_qr", "too_few_fields"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|10082021", "cccd_qr", "too_few_fields"},
      {"008190001234|070912345|Nguy\xE1\xBB|14021990|Nữ|Tuyên Quang|10082021", "cccd_qr", "bad_utf8"},
      {"00819000123|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021", "id", "bad_id_length"},  // 11
      {"0081900012345|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021", "id", "bad_id_length"},  // 13
      {"00819000123A|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021", "id", "id_not_digits"},
      {"|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021", "id", "id_not_digits"},
      {"008190001234|07091234|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021", "old_id", "bad_old_id_length"},
      {"008190001234|07091234X|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10082021", "old_id", "old_id_not_digits"},
      {"008190001234|070912345| |14021990|Nữ|Tuyên Quang|10082021", "name", "empty_name"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|31022020|Nữ|Tuyên Quang|10082021", "birth_date", "bad_date"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|1990-02-14|Nữ|Tuyên Quang|10082021", "birth_date", "bad_date"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|1402199|Nữ|Tuyên Quang|10082021", "birth_date", "bad_date"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|Khác|Tuyên Quang|10082021", "sex", "unknown_sex"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|F|Tuyên Quang|10082021", "sex", "unknown_sex"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ| |10082021", "address", "empty_address"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|31042021", "issue_date", "bad_date"},
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tuyên Quang|10081980", "issue_date", "issued_before_birth"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto d = ParseCccdQr(c.text);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(d.error().field, c.field);
    EXPECT_EQ(d.error().rule, c.rule);
  }
}

TEST(CheckCccdConsistency, FlagsAnIdThatDisagreesWithTheCard) {
  CccdData d = *ParseCccdQr(kSevenFields);  // 008 Tuyên Quang, 1 = female 1900s, 90
  d.sex = "Nam";
  EXPECT_EQ(CheckCccdConsistency(d).error().rule, "id_sex_century_mismatch");
  d = *ParseCccdQr(kSevenFields);
  d.birth_date = Day(1991, 2, 14);
  EXPECT_EQ(CheckCccdConsistency(d).error().rule, "id_birth_year_mismatch");
  d.birth_date = Day(2090, 2, 14);  // 21st century wants digit 3 for a woman
  EXPECT_EQ(CheckCccdConsistency(d).error().rule, "id_sex_century_mismatch");
  d = *ParseCccdQr(kSevenFields);
  d.id = "003190001234";  // 003 is not a province code (Hà Giang is 002, Cao Bằng 004)
  auto s = CheckCccdConsistency(d);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().field, "id");
  EXPECT_EQ(s.error().rule, "id_bad_province");
}

}  // namespace
}  // namespace motcua::codes
