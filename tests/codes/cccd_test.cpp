#include "codes/cccd.h"
#include "support/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace motcua::codes {
namespace {

using namespace std::chrono;

using motcua::testing::Day;

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

// One worked example per layout of the header (cccd.h (A)-(E)), each naming the public source of its
// shape. The people are invented as above; the sources' own samples carry real people and are not
// copied. "Bố"/"Mẹ" (father/mother) in (E) are invented too: no source shows what the trailing slots hold.
struct LayoutCase {
  const char* source;
  std::string text;
  const char* id;
  const char* old_id;
  const char* name;
  LocalDate birth;
  const char* sex;
  const char* address;
  LocalDate issue;
  std::vector<std::string> extra;
};

TEST(ParseCccdQr, ReadsEveryLayoutThePublicSourcesShow) {
  const LayoutCase cases[] = {
      {"(A) chip CCCD, 7 fields: domain.md §5; nguyenson-toray/customize_erpnext "
       "customize_erpnext/www/employee-self-update-info/readme.md (issued 2021)",
       kSevenFields, "008190001234", "070912345", "Nguyễn Thị Mẫu", Day(1990, 2, 14), "Nữ",
       "Tổ 5, Phường Minh Xuân, Thành phố Tuyên Quang, Tuyên Quang", Day(2021, 8, 10), {}},
      {"(B) empty old-ID slot: ThanhMinhKQ/htbinbin tests/test_identity_parser.py", kEmptyOldId, "008085012345", "",
       "Hoàng Văn Thử", Day(1985, 7, 3), "Nam", "Thôn Giả Định, Xã Thái Bình, Huyện Yên Sơn, Tuyên Quang",
       Day(2021, 12, 22), {}},
      {"(C) no old-ID slot: phalconsupply/phongkham docs/QR_SCANNER.md", kSixFields, "001203004567", "", "Trần Văn Giả",
       Day(2003, 6, 5), "Nam", "Số 12 ngõ 34 phố Giả Định, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội", Day(2021, 7, 20),
       {}},
      {"(D) thẻ căn cước with an old CMND, issued 2024, four empty fields: ThanhMinhKQ/htbinbin "
       "tests/test_identity_parser.py; ADPL-190400/APP_CAMERA_FULL_OPTIONS ui/dialogs/employee_form_dialog.py",
       "008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tổ 5, Phường Minh Xuân, Tuyên Quang|15082024||||",
       "008190001234", "070912345", "Nguyễn Thị Mẫu", Day(1990, 2, 14), "Nữ", "Tổ 5, Phường Minh Xuân, Tuyên Quang",
       Day(2024, 8, 15), {}},
      {"(D) thẻ căn cước with an empty old-ID slot, issued 2025: nguyenson-toray/customize_erpnext (as above)",
       "008085012345||Hoàng Văn Thử|03071985|Nam|Thôn Giả Định, Xã Thái Bình, Tuyên Quang|02122025||||",
       "008085012345", "", "Hoàng Văn Thử", Day(1985, 7, 3), "Nam", "Thôn Giả Định, Xã Thái Bình, Tuyên Quang",
       Day(2025, 12, 2), {}},
      {"(D) shape, for a child born 2020 (008 Tuyên Quang, 2 = male 2000s): no public sample of a child's card "
       "exists, so this is layout D with a young birth date, nothing more",
       "008220004321||Trần Văn Bé|01062020|Nam|Thôn Giả Định, Xã Thái Bình, Tuyên Quang|05092024||||",
       "008220004321", "", "Trần Văn Bé", Day(2020, 6, 1), "Nam", "Thôn Giả Định, Xã Thái Bình, Tuyên Quang",
       Day(2024, 9, 5), {}},
      {"(E) invented text in D's trailing slots (LEGAL: TT 16/2024/TT-BCA, Art. 6 lists parents' names; no "
       "source shows where): kept verbatim, never read",
       "008220004321||Trần Văn Bé|01062020|Nam|Thôn Giả Định, Tuyên Quang|05092024|Trần Văn Bố|Lê Thị Mẹ||",
       "008220004321", "", "Trần Văn Bé", Day(2020, 6, 1), "Nam", "Thôn Giả Định, Tuyên Quang", Day(2024, 9, 5),
       {"Trần Văn Bố", "Lê Thị Mẹ"}},
      {"(E) an empty slot between filled ones keeps its place",
       "008220004321||Trần Văn Bé|01062020|Nam|Tuyên Quang|05092024||Lê Thị Mẹ||", "008220004321", "", "Trần Văn Bé",
       Day(2020, 6, 1), "Nam", "Tuyên Quang", Day(2024, 9, 5), {"", "Lê Thị Mẹ"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.source);
    auto d = ParseCccdQr(c.text);
    ASSERT_TRUE(d) << d.error().Describe();
    EXPECT_EQ(d->id, c.id);
    EXPECT_EQ(d->old_id, c.old_id);
    EXPECT_EQ(d->name, c.name);
    EXPECT_EQ(d->birth_date, c.birth);
    EXPECT_EQ(d->sex, c.sex);
    EXPECT_EQ(d->address, c.address);
    EXPECT_EQ(d->issue_date, c.issue);
    EXPECT_EQ(d->extra_fields, c.extra);
    EXPECT_TRUE(CheckCccdConsistency(*d));
  }
}

// The bug this layout work fixed: the last field was taken for the issue date, so anything after the real
// one (a trailing date, an old or cancelled number) was read as the date or glued to the address.
TEST(ParseCccdQr, TakesTheFirstDateAfterTheAddressNotTheLastField) {
  const std::string head = "008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|Tổ 5, Tuyên Quang|15082024";
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"|15082049", {"15082049"}},                   // a later date (an expiry date, say) is not the issue date
      {"|070912345||", {"070912345"}},               // a 9-digit CMND after the issue date
      {"|008190009999", {"008190009999"}},           // a 12-digit (cancelled?) ID number
      {"|Trần Văn Bố|01011960", {"Trần Văn Bố", "01011960"}},
  };
  for (const auto& [tail, extra] : cases) {
    SCOPED_TRACE(tail);
    auto d = ParseCccdQr(head + tail);
    ASSERT_TRUE(d) << d.error().Describe();
    EXPECT_EQ(d->address, "Tổ 5, Tuyên Quang");
    EXPECT_EQ(d->issue_date, Day(2024, 8, 15));
    EXPECT_EQ(d->extra_fields, extra);
  }
}

// The rule of the header for telling an address part from a date, both sides of it: an address part is
// a date only when, trimmed, it is exactly eight ASCII digits forming a real DDMMYYYY day in 1900 or later.
TEST(ParseCccdQr, KeepsDigitsThatAreNoDateInTheAddress) {
  const std::string head = "008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|";
  const std::pair<std::string, std::string> stays_address[] = {
      {"Số 12345678 Lê Lợi|Tuyên Quang", "Số 12345678 Lê Lợi|Tuyên Quang"},  // digits inside text
      {"Lô 3|12345678|KCN Giả Định", "Lô 3|12345678|KCN Giả Định"},          // month 34
      {"Lô 3|31022020|KCN Giả Định", "Lô 3|31022020|KCN Giả Định"},          // 31 February
      {"Lô 3|01011899|KCN Giả Định", "Lô 3|01011899|KCN Giả Định"},          // before 1900
      {"Lô 3|1234567|KCN Giả Định", "Lô 3|1234567|KCN Giả Định"},            // seven digits
      {"Lô 3|123456789|KCN Giả Định", "Lô 3|123456789|KCN Giả Định"},        // nine digits
      {"Lô 3|01-02-2020|KCN Giả Định", "Lô 3|01-02-2020|KCN Giả Định"},      // not bare digits
      {"01022020|Tuyên Quang", "01022020|Tuyên Quang"},                      // the first part is always address
  };
  for (const auto& [address, expected] : stays_address) {
    SCOPED_TRACE(address);
    auto d = ParseCccdQr(head + address + "|10082021||||");
    ASSERT_TRUE(d) << d.error().Describe();
    EXPECT_EQ(d->address, expected);
    EXPECT_EQ(d->issue_date, Day(2021, 8, 10));
    EXPECT_TRUE(d->extra_fields.empty());
  }
  // The other side: a bare real date between address parts cannot be told from an issue date (cccd.h
  // says so). It is taken as the issue date, and the rest of the address goes to extra_fields...
  auto taken = ParseCccdQr(head + "Lô 3|01022020|KCN Giả Định|10082021");
  ASSERT_TRUE(taken) << taken.error().Describe();
  EXPECT_EQ(taken->address, "Lô 3");
  EXPECT_EQ(taken->issue_date, Day(2020, 2, 1));
  EXPECT_EQ(taken->extra_fields, (std::vector<std::string>{"KCN Giả Định", "10082021"}));
  // ...unless it falls before the birth date, which stops the parse rather than guess.
  auto before = ParseCccdQr(head + "Lô 3|01021980|KCN Giả Định|10082021");
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().field, "issue_date");
  EXPECT_EQ(before.error().rule, "issued_before_birth");
}

TEST(ParseCccdQr, AcceptsAnIssueDateOnTheBirthDayButNotTheDayBefore) {
  auto same_day = ParseCccdQr("008220004321||Trần Văn Bé|01062020|Nam|Tuyên Quang|01062020||||");
  ASSERT_TRUE(same_day) << same_day.error().Describe();
  EXPECT_EQ(same_day->issue_date, Day(2020, 6, 1));
  auto day_before = ParseCccdQr("008220004321||Trần Văn Bé|01062020|Nam|Tuyên Quang|31052020||||");
  ASSERT_FALSE(day_before);
  EXPECT_EQ(day_before.error().field, "issue_date");
  EXPECT_EQ(day_before.error().rule, "issued_before_birth");
}

TEST(ParseCccdQr, ReadsDatesFromTheYear1900OnButNotBefore) {
  auto first = ParseCccdQr("008190001234|070912345|Nguyễn Thị Mẫu|01011900|Nữ|Tuyên Quang|01011900");
  ASSERT_TRUE(first) << first.error().Describe();
  EXPECT_EQ(first->birth_date, Day(1900, 1, 1));
  auto before = ParseCccdQr("008190001234|070912345|Nguyễn Thị Mẫu|31121899|Nữ|Tuyên Quang|10082021");
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().field, "birth_date");
  EXPECT_EQ(before.error().rule, "bad_date");
}

TEST(ParseCccdQr, DropsAnyNumberOfEmptyFieldsAtTheEnd) {
  const std::string base = "008085012345||Hoàng Văn Thử|03071985|Nam|Tuyên Quang|02122025";
  for (int n = 0; n <= 6; ++n) {
    const std::string text = base + std::string(n, '|') + "\r\n";
    SCOPED_TRACE(text);
    auto d = ParseCccdQr(text);
    ASSERT_TRUE(d) << d.error().Describe();
    EXPECT_EQ(d->issue_date, Day(2025, 12, 2));
    EXPECT_TRUE(d->extra_fields.empty());
  }
}

TEST(ParseCccdQr, NormalisesExtraFieldsToNfc) {
  // "Lê Thị Mẹ" in NFD, with spaces around it.
  auto d = ParseCccdQr("008220004321||Trần Văn Bé|01062020|Nam|Tuyên Quang|05092024|"
                       " Le\xCC\x82 Thi\xCC\xA3 Me\xCC\xA3 ");
  ASSERT_TRUE(d) << d.error().Describe();
  EXPECT_EQ(d->extra_fields, (std::vector<std::string>{"Lê Thị Mẹ"}));
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
      // Layout D (cccd.h): the four empty fields give no room for a missing address or issue date.
      {"008190001234|070912345|Nguyễn Thị Mẫu|14021990|Nữ|15082024||||", "cccd_qr", "too_few_fields"},
      {"008085012345||Hoàng Văn Thử|03071985|Nam||02122025||||", "address", "empty_address"},
      {"008085012345||Hoàng Văn Thử|03071985|Nam|Tuyên Quang|31042025||||", "issue_date", "bad_date"},
      {"008085012345||Hoàng Văn Thử|03071985|Nam|Tuyên Quang|Xã Thái Bình||||", "issue_date", "bad_date"},
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

// --- Property tests (fixed seeds, printed with the input on failure) ---

// "DDMMYYYY" of a date: the text of the field a parsed date must have come from.
std::string Ddmmyyyy(LocalDate d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u%02u%04d", unsigned(ymd.day()), unsigned(ymd.month()), int(ymd.year()));
  return buf;
}

// The fields of a scanned text with ASCII white space trimmed, split as the parser splits them.
std::vector<std::string> TrimmedFields(const std::string& text) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('|', start);
    std::string f = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto not_space = [](unsigned char c) { return !(c == ' ' || c == '\t' || c == '\r' || c == '\n'); };
    f.erase(f.begin(), std::find_if(f.begin(), f.end(), not_space));
    f.erase(std::find_if(f.rbegin(), f.rend(), not_space).base(), f.end());
    fields.push_back(f);
    if (end == std::string::npos) return fields;
    start = end + 1;
  }
}

// What must hold of any accepted text: each date comes from a field that is exactly that date (never
// read out of a name, an address, an ID or a number that is no date), the card is not issued before birth,
// and the other fields keep their shapes. `dates` narrows the fields a date may come from.
void ExpectSaneCard(const std::string& text, const CccdData& d, const std::set<std::string>& dates) {
  const std::vector<std::string> fields = TrimmedFields(text);
  const std::string birth = Ddmmyyyy(d.birth_date), issue = Ddmmyyyy(d.issue_date);
  EXPECT_NE(std::find(fields.begin(), fields.end(), birth), fields.end()) << "birth date " << birth;
  EXPECT_NE(std::find(fields.begin(), fields.end(), issue), fields.end()) << "issue date " << issue;
  if (!dates.empty()) {
    EXPECT_TRUE(dates.count(birth)) << "birth date " << birth << " is from no date field";
    EXPECT_TRUE(dates.count(issue)) << "issue date " << issue << " is from no date field";
  }
  EXPECT_LE(d.birth_date, d.issue_date);
  EXPECT_EQ(d.id.size(), 12u);
  EXPECT_TRUE(d.sex == "Nam" || d.sex == "Nữ") << d.sex;
  EXPECT_FALSE(d.name.empty());
  EXPECT_FALSE(d.address.empty());
}

// Random fields joined by bars: most are one whole word (a real date or not, a sex, a name, an address,
// a number, nothing), the rest are glued pieces (digit runs of every length, words, white space, stray
// bytes, invalid UTF-8 among them). Nothing may crash; whatever is accepted is sane.
TEST(ParseCccdQr, PropertyRandomGarbageNeverYieldsADateFromANonDateField) {
  constexpr unsigned kSeed = 20240701;
  std::mt19937 rng(kSeed);
  const char* const words[] = {"Nam",      "Nữ",       "NU",       "Nguyễn Thị Mẫu", "Tổ 5, Tuyên Quang", "",
                               "14021990", "10082021", "31022020", "01011899",       "29022024",          "29022023",
                               "070912345"};
  const char* const pieces[] = {"Nam", "Nữ", "Tổ 5", " ", "\r\n", "14021990", "|", "\xC3", "\xCC\x83", "\xFF"};
  const auto pick = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int accepted = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string text = pick(0, 3) ? "008190001234" : "";
    const int field_count = pick(0, 13);
    for (int f = 0; f < field_count; ++f) {
      if (f > 0 || !text.empty()) text += '|';
      if (pick(0, 4) < 3) {
        text += words[pick(0, int(std::size(words)) - 1)];
        continue;
      }
      for (int i = pick(0, 3); i > 0; --i) {
        if (pick(0, 1)) {
          for (int k = pick(1, 14); k > 0; --k) text += char('0' + pick(0, 9));
        } else {
          text += pieces[pick(0, int(std::size(pieces)) - 1)];
        }
      }
    }
    auto d = ParseCccdQr(text);
    if (!d) continue;
    ++accepted;
    SCOPED_TRACE("seed " + std::to_string(kSeed) + " round " + std::to_string(round) + ": [" + text + "]");
    ExpectSaneCard(text, *d, {});
  }
  EXPECT_GT(accepted, 100) << "too few garbage texts parsed for the property to mean much";
}

// A real card's fields (layout D, cccd.h) shuffled, dropped, duplicated, or mixed with decoys that look
// like numbers, sexes or dates but are none of the two dates. Whatever is accepted must take its dates
// from the two date fields, 14021990 and 10082021, and nothing else.
TEST(ParseCccdQr, PropertyShuffledFieldsNeverYieldADateFromANonDateField) {
  constexpr unsigned kSeed = 766;
  std::mt19937 rng(kSeed);
  const std::vector<std::string> card = {"008190001234", "070912345", "Nguyễn Thị Mẫu", "14021990", "Nữ",
                                         "Tổ 5, Phường Minh Xuân, Tuyên Quang", "10082021", "", "", "", ""};
  const std::string decoys[] = {"12345678", "31022020", "01011899", "070912345", "008190009999", "Nam", "Nữ", "",
                                "Lô 3", "Số 12345678", " 1402 1990 ", "14/02/1990", "140219900", "1402199"};
  const std::set<std::string> dates = {"14021990", "10082021"};
  int accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<std::string> fields = card;
    const int ops = std::uniform_int_distribution<int>(0, 4)(rng);
    for (int op = 0; op < ops; ++op) {
      // Draws in a fixed order (not as function arguments, whose order is unspecified), so that a seed
      // replays the same rounds with any compiler.
      std::uniform_int_distribution<std::size_t> at(0, fields.size() - 1);
      const int kind = std::uniform_int_distribution<int>(0, 3)(rng);
      const std::size_t i = at(rng), j = at(rng);
      const std::string decoy = decoys[std::uniform_int_distribution<std::size_t>(0, std::size(decoys) - 1)(rng)];
      if (kind == 0) std::swap(fields[i], fields[j]);                                                     // shuffle
      else if (kind == 1 && fields.size() > 1) fields.erase(fields.begin() + std::ptrdiff_t(i));          // drop
      else if (kind == 2) fields.insert(fields.begin() + std::ptrdiff_t(i), std::string(fields[j]));      // duplicate
      else if (kind == 3) fields.insert(fields.begin() + std::ptrdiff_t(i), decoy);                       // decoy
    }
    std::string text;
    for (std::size_t i = 0; i < fields.size(); ++i) text += (i ? "|" : "") + fields[i];
    auto d = ParseCccdQr(text);
    if (!d) continue;
    ++accepted;
    SCOPED_TRACE("seed " + std::to_string(kSeed) + " round " + std::to_string(round) + ": [" + text + "]");
    ExpectSaneCard(text, *d, dates);
  }
  EXPECT_GT(accepted, 1000) << "too few shuffles parsed for the property to mean much";
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
