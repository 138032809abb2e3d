#include "speech/spoken_number.h"

#include <gtest/gtest.h>

#include <random>

namespace motcua::speech {
namespace {

constexpr NumberReading kNorth{};  // nghìn, linh, tư
constexpr NumberReading kSouth{.thousand = Thousand::kNgan, .zero_tens = ZeroTens::kLe, .four = FourAfterTens::kBon};

struct Example {
  std::int64_t n;
  const char* north;
  const char* south;
  const char* source;  // the rule or public example it checks
};

// Worked examples. Sources: [S] vietnamese.nil.seattle.wa.us/numbers, [W] Wikipedia (vi) "Cách đếm của
// người Việt", [M] vietnamesemaestro.com/grammar/big-numbers, [T5] Toán 5 p. 147 answers, [T3] a Toán 3
// summary ("Sau 'mươi' và 'mười' đọc là 'lăm'"), [B] the brief's examples; rule numbers as in
// spoken_number.h.
const Example kExamples[] = {
    {0, "không", "không", "digit 0 [B]"},
    {1, "một", "một", "digit"},
    {2, "hai", "hai", "digit"},
    {3, "ba", "ba", "digit"},
    {4, "bốn", "bốn", "rule 4: no tens, so bốn even in the tư setting"},
    {5, "năm", "năm", "rule 3: no tens, so năm"},
    {6, "sáu", "sáu", "digit"},
    {7, "bảy", "bảy", "digit"},
    {8, "tám", "tám", "digit"},
    {9, "chín", "chín", "digit"},
    {10, "mười", "mười", "rule 1 [B]"},
    {11, "mười một", "mười một", "rule 2: một after mười [S][B]"},
    {14, "mười bốn", "mười bốn", "rule 4: never tư after mười [B]"},
    {15, "mười lăm", "mười lăm", "rule 3 [S][B]"},
    {19, "mười chín", "mười chín", "rule 1"},
    {20, "hai mươi", "hai mươi", "rule 1: mươi for tens ≥ 2 [S][B]"},
    {21, "hai mươi mốt", "hai mươi mốt", "rule 2 [S][W][B]"},
    {24, "hai mươi tư", "hai mươi bốn", "rule 4, the setting [W][B]"},
    {25, "hai mươi lăm", "hai mươi lăm", "rule 3 [B]"},
    {34, "ba mươi tư", "ba mươi bốn", "rule 4"},
    {41, "bốn mươi mốt", "bốn mươi mốt", "rule 2 [S]"},
    {44, "bốn mươi tư", "bốn mươi bốn", "rule 4: the tens digit stays bốn"},
    {55, "năm mươi lăm", "năm mươi lăm", "rule 3: the tens digit stays năm"},
    {61, "sáu mươi mốt", "sáu mươi mốt", "rule 2 [W]"},
    {75, "bảy mươi lăm", "bảy mươi lăm", "rule 3 [W]"},
    {99, "chín mươi chín", "chín mươi chín", "rule 1"},
    {100, "một trăm", "một trăm", "hundreds"},
    {101, "một trăm linh một", "một trăm lẻ một", "rules 2, 5 [B]"},
    {104, "một trăm linh bốn", "một trăm lẻ bốn", "rule 4: bốn after linh [M 704 508]"},
    {105, "một trăm linh năm", "một trăm lẻ năm", "rule 3: năm after linh [S][B]"},
    {107, "một trăm linh bảy", "một trăm lẻ bảy", "rule 5 [W]"},
    {110, "một trăm mười", "một trăm mười", "rule 1 [B]"},
    {111, "một trăm mười một", "một trăm mười một", "rule 2"},
    {115, "một trăm mười lăm", "một trăm mười lăm", "rule 3"},
    {121, "một trăm hai mươi mốt", "một trăm hai mươi mốt", "rule 2"},
    {205, "hai trăm linh năm", "hai trăm lẻ năm", "rule 3, 5"},
    {999, "chín trăm chín mươi chín", "chín trăm chín mươi chín", "top of a class"},
    {1000, "một nghìn", "một ngàn", "rule 6 [B]"},
    {1001, "một nghìn không trăm linh một", "một ngàn không trăm lẻ một", "rule 7 [M]"},
    {1005, "một nghìn không trăm linh năm", "một ngàn không trăm lẻ năm", "rules 3, 7 [B]"},
    {1010, "một nghìn không trăm mười", "một ngàn không trăm mười", "rule 7 [M]"},
    {1023, "một nghìn không trăm hai mươi ba", "một ngàn không trăm hai mươi ba", "rule 7 [B]"},
    {1035, "một nghìn không trăm ba mươi lăm", "một ngàn không trăm ba mươi lăm", "rules 3, 7 [M]"},
    {1100, "một nghìn một trăm", "một ngàn một trăm", "rule 8 [M][B]"},
    {1203, "một nghìn hai trăm linh ba", "một ngàn hai trăm lẻ ba", "rule 5 [M]"},
    {1324, "một nghìn ba trăm hai mươi tư", "một ngàn ba trăm hai mươi bốn", "rule 4 (toan123.com: 1324)"},
    {2001, "hai nghìn không trăm linh một", "hai ngàn không trăm lẻ một", "rule 7 [B]"},
    {2005, "hai nghìn không trăm linh năm", "hai ngàn không trăm lẻ năm", "rules 3, 7 (Toán 3: 2005)"},
    {2020, "hai nghìn không trăm hai mươi", "hai ngàn không trăm hai mươi", "rule 7 (Toán 3: 2020)"},
    {4012, "bốn nghìn không trăm mười hai", "bốn ngàn không trăm mười hai", "rule 7 [M]"},
    {10000, "mười nghìn", "mười ngàn", "rule 8 [B]"},
    {13007, "mười ba nghìn không trăm linh bảy", "mười ba ngàn không trăm lẻ bảy", "rules 5, 7 [M]"},
    {15015, "mười lăm nghìn không trăm mười lăm", "mười lăm ngàn không trăm mười lăm", "rules 3, 7 [B]"},
    {21000, "hai mươi mốt nghìn", "hai mươi mốt ngàn", "rule 2 in the thousands class"},
    {24024, "hai mươi tư nghìn không trăm hai mươi tư", "hai mươi bốn ngàn không trăm hai mươi bốn", "rule 4, both classes"},
    {25305, "hai mươi lăm nghìn ba trăm linh năm", "hai mươi lăm ngàn ba trăm lẻ năm", "rule 3 [T3]"},
    {56032, "năm mươi sáu nghìn không trăm ba mươi hai", "năm mươi sáu ngàn không trăm ba mươi hai", "rule 7 (Toán 4 p. 11)"},
    {70815, "bảy mươi nghìn tám trăm mười lăm", "bảy mươi ngàn tám trăm mười lăm", "[T5]"},
    {100000, "một trăm nghìn", "một trăm ngàn", "rule 8 [B]"},
    {305804, "ba trăm linh năm nghìn tám trăm linh bốn", "ba trăm lẻ năm ngàn tám trăm lẻ bốn", "(Toán 4 p. 11)"},
    {526040, "năm trăm hai mươi sáu nghìn không trăm bốn mươi", "năm trăm hai mươi sáu ngàn không trăm bốn mươi", "rule 7 [M]"},
    {704508, "bảy trăm linh bốn nghìn năm trăm linh tám", "bảy trăm lẻ bốn ngàn năm trăm lẻ tám", "[M]"},
    {975806, "chín trăm bảy mươi lăm nghìn tám trăm linh sáu", "chín trăm bảy mươi lăm ngàn tám trăm lẻ sáu",
     "rule 3 ([T5] prints 'bảy mươi năm', a misprint by its own rule)"},
    {999999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
     "chín trăm chín mươi chín ngàn chín trăm chín mươi chín", "[M]"},
    {1000000, "một triệu", "một triệu", "rule 8 [B]"},
    {1000001, "một triệu không trăm linh một", "một triệu không trăm lẻ một", "rule 8, the choice in spoken_number.h [B]"},
    {1005000, "một triệu không trăm linh năm nghìn", "một triệu không trăm lẻ năm ngàn", "rules 7, 8"},
    {5723600, "năm triệu bảy trăm hai mươi ba nghìn sáu trăm", "năm triệu bảy trăm hai mươi ba ngàn sáu trăm", "[T5]"},
    {8014000, "tám triệu không trăm mười bốn nghìn", "tám triệu không trăm mười bốn ngàn", "rules 4, 7 [M]"},
    {342157413, "ba trăm bốn mươi hai triệu một trăm năm mươi bảy nghìn bốn trăm mười ba",
     "ba trăm bốn mươi hai triệu một trăm năm mươi bảy ngàn bốn trăm mười ba", "(Toán 4, Triệu và lớp triệu)"},
    {472036953, "bốn trăm bảy mươi hai triệu không trăm ba mươi sáu nghìn chín trăm năm mươi ba",
     "bốn trăm bảy mươi hai triệu không trăm ba mươi sáu ngàn chín trăm năm mươi ba", "rule 7 [T5]"},
    {999999999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
     "chín trăm chín mươi chín triệu chín trăm chín mươi chín ngàn chín trăm chín mươi chín", "kMaxSpokenNumber"},
};

TEST(VietnameseNumberWords, WorkedExamplesNorthern) {
  for (const Example& e : kExamples) EXPECT_EQ(VietnameseNumberWords(e.n, kNorth), e.north) << e.n << ": " << e.source;
}

TEST(VietnameseNumberWords, WorkedExamplesSouthern) {
  for (const Example& e : kExamples) EXPECT_EQ(VietnameseNumberWords(e.n, kSouth), e.south) << e.n << ": " << e.source;
}

TEST(VietnameseNumberWords, DefaultsAreNorthern) {
  EXPECT_EQ(VietnameseNumberWords(1024), "một nghìn không trăm hai mươi tư");
  EXPECT_EQ(VietnameseNumberWords(1105), "một nghìn một trăm linh năm");
}

// Each setting alone changes only its own words.
TEST(VietnameseNumberWords, EachSettingOnItsOwn) {
  EXPECT_EQ(VietnameseNumberWords(2104, {.thousand = Thousand::kNgan}), "hai ngàn một trăm linh bốn");
  EXPECT_EQ(VietnameseNumberWords(2104, {.zero_tens = ZeroTens::kLe}), "hai nghìn một trăm lẻ bốn");
  EXPECT_EQ(VietnameseNumberWords(2134, {.four = FourAfterTens::kBon}), "hai nghìn một trăm ba mươi bốn");
  EXPECT_EQ(VietnameseNumberWords(2134, {.four = FourAfterTens::kTu}), "hai nghìn một trăm ba mươi tư");
}

TEST(VietnameseNumberWords, OutsideTheRangeGivesTheDigits) {
  EXPECT_EQ(VietnameseNumberWords(-1), "-1");
  EXPECT_EQ(VietnameseNumberWords(1'000'000'000), "1000000000");
  EXPECT_EQ(VietnameseNumberWords(INT64_MIN), "-9223372036854775808");
  EXPECT_EQ(VietnameseNumberWords(INT64_MAX), "9223372036854775807");
}

// Properties over random numbers (fixed seed, printed on failure): the special forms appear only
// where their rule allows them.
TEST(VietnameseNumberWords, SpecialFormsOnlyWhereTheRulesAllow) {
  constexpr std::uint32_t kSeed = 20260514;
  std::mt19937 rng(kSeed);
  std::uniform_int_distribution<std::int64_t> dist(0, kMaxSpokenNumber);
  for (int i = 0; i < 20000; ++i) {
    const std::int64_t n = i < 2000 ? i : dist(rng);
    const std::string w = " " + VietnameseNumberWords(n) + " ";
    SCOPED_TRACE("seed " + std::to_string(kSeed) + ", n = " + std::to_string(n) + ": " + w);
    EXPECT_EQ(w.find("mười mốt"), std::string::npos);
    EXPECT_EQ(w.find("mười tư"), std::string::npos);
    EXPECT_EQ(w.find("mười năm"), std::string::npos);
    EXPECT_EQ(w.find("mươi năm "), std::string::npos);   // lăm after mươi (năm mươi năm is no number)
    EXPECT_EQ(w.find("mươi một"), std::string::npos);
    EXPECT_EQ(w.find("mươi bốn "), std::string::npos);   // tư setting; "mươi bốn nghìn" neither
    EXPECT_EQ(w.find("linh lăm"), std::string::npos);
    EXPECT_EQ(w.find("linh mốt"), std::string::npos);
    EXPECT_EQ(w.find("linh tư"), std::string::npos);
    EXPECT_EQ(w.find("  "), std::string::npos);
    if (n % 10 == 5 && n % 100 >= 10) {
      EXPECT_NE(w.rfind(" lăm "), std::string::npos);
    }
  }
}

TEST(ParseNumberReading, AcceptsEachSpelling) {
  const NumberReading south = ParseNumberReading("ngàn", "lẻ", "bốn").value();
  EXPECT_EQ(south.thousand, Thousand::kNgan);
  EXPECT_EQ(south.zero_tens, ZeroTens::kLe);
  EXPECT_EQ(south.four, FourAfterTens::kBon);
  const NumberReading ascii = ParseNumberReading("ngan", "le", "bon").value();
  EXPECT_EQ(ascii.thousand, Thousand::kNgan);
  EXPECT_EQ(ascii.zero_tens, ZeroTens::kLe);
  EXPECT_EQ(ascii.four, FourAfterTens::kBon);
  const NumberReading north = ParseNumberReading(" nghìn ", "linh", "tư").value();
  EXPECT_EQ(north.thousand, Thousand::kNghin);
  EXPECT_EQ(north.zero_tens, ZeroTens::kLinh);
  EXPECT_EQ(north.four, FourAfterTens::kTu);
  EXPECT_EQ(ParseNumberReading("nghin", "linh", "tu").value().four, FourAfterTens::kTu);
}

TEST(ParseNumberReading, EmptyKeepsTheDefault) {
  const NumberReading r = ParseNumberReading("", "", "").value();
  EXPECT_EQ(r.thousand, Thousand::kNghin);
  EXPECT_EQ(r.zero_tens, ZeroTens::kLinh);
  EXPECT_EQ(r.four, FourAfterTens::kTu);
  EXPECT_EQ(ParseNumberReading("", "lẻ", "").value().zero_tens, ZeroTens::kLe);
}

// NFD input (a settings file from a Mac editor) is the same choice.
TEST(ParseNumberReading, AcceptsDecomposedAccents) {
  EXPECT_EQ(ParseNumberReading("nga\xCC\x80n", "le\xCC\x89", "bo\xCC\x82\xCC\x81n").value().thousand, Thousand::kNgan);
}

TEST(ParseNumberReading, NamesTheSettingAtFault) {
  auto bad_thousand = ParseNumberReading("vạn", "linh", "tư");
  ASSERT_FALSE(bad_thousand);
  EXPECT_EQ(bad_thousand.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(bad_thousand.error().field, "thousand");
  EXPECT_EQ(bad_thousand.error().rule, "not_a_choice");
  EXPECT_NE(bad_thousand.error().detail.find("vạn"), std::string::npos);

  auto bad_zero = ParseNumberReading("nghìn", "linh lẻ", "tư");
  ASSERT_FALSE(bad_zero);
  EXPECT_EQ(bad_zero.error().field, "zero_tens");
  EXPECT_EQ(bad_zero.error().rule, "not_a_choice");

  auto bad_four = ParseNumberReading("nghìn", "linh", "Tư");  // case matters: settings are lower case
  ASSERT_FALSE(bad_four);
  EXPECT_EQ(bad_four.error().field, "four");
  EXPECT_EQ(bad_four.error().rule, "not_a_choice");

  auto not_utf8 = ParseNumberReading("nghìn", "\xff", "tư");
  ASSERT_FALSE(not_utf8);
  EXPECT_EQ(not_utf8.error().field, "zero_tens");
  EXPECT_EQ(not_utf8.error().rule, "bad_utf8");
}

}  // namespace
}  // namespace motcua::speech
