#include "speech/announcement.h"

#include <gtest/gtest.h>

#include "speech/speech.h"

namespace motcua::speech {
namespace {

constexpr NumberReading kSouthernReading{.thousand = Thousand::kNgan, .zero_tens = ZeroTens::kLe, .four = FourAfterTens::kBon};

std::unique_ptr<Synthesizer> Open(const char* voice) {
  auto synth = Synthesizer::Open(voice);
  EXPECT_TRUE(synth) << synth.error().Describe();
  return synth ? std::move(synth).value() : nullptr;
}

// The issue's example: ticket A1023 called to counter 5.
TEST(CallSentenceVi, TheIssueExample) {
  EXPECT_EQ(CallSentenceVi("A1023", "5"), "Mời khách hàng số A một nghìn không trăm hai mươi ba đến quầy số năm");
  EXPECT_EQ(CallSentenceVi("A1023", "5", kSouthernReading), "Mời khách hàng số A một ngàn không trăm hai mươi ba đến quầy số năm");
}

TEST(CallSentenceVi, LettersSpokenApartAndLeadingZerosDropped) {
  EXPECT_EQ(CallSentenceVi("B7", "12"), "Mời khách hàng số B bảy đến quầy số mười hai");
  EXPECT_EQ(CallSentenceVi("CD0042", "3"), "Mời khách hàng số C D bốn mươi hai đến quầy số ba");
  EXPECT_EQ(CallSentenceVi("cd0042", "3"), "Mời khách hàng số C D bốn mươi hai đến quầy số ba");
  EXPECT_EQ(CallSentenceVi("XYZ15", "21"), "Mời khách hàng số X Y Z mười lăm đến quầy số hai mươi mốt");
  EXPECT_EQ(CallSentenceVi("A0000", "1"), "Mời khách hàng số A không đến quầy số một");
  EXPECT_EQ(CallSentenceVi("1023", "5"), "Mời khách hàng số một nghìn không trăm hai mươi ba đến quầy số năm");
  EXPECT_EQ(CallSentenceVi("A105", "05"), "Mời khách hàng số A một trăm linh năm đến quầy số năm");
  EXPECT_EQ(CallSentenceVi("A105", "24", kSouthernReading), "Mời khách hàng số A một trăm lẻ năm đến quầy số hai mươi bốn");
  EXPECT_EQ(CallSentenceVi("A105", "24"), "Mời khách hàng số A một trăm linh năm đến quầy số hai mươi tư");
  EXPECT_EQ(CallSentenceVi(" A7 ", " 2 "), "Mời khách hàng số A bảy đến quầy số hai");
}

TEST(CallSentenceVi, ANamedCounterIsSaidAsGiven) {
  EXPECT_EQ(CallSentenceVi("B7", "Tiếp nhận hồ sơ"), "Mời khách hàng số B bảy đến quầy Tiếp nhận hồ sơ");
  // NFD in, NFC out (espeak-ng's Vietnamese rules are written for precomposed letters).
  EXPECT_EQ(CallSentenceVi("B7", "Thu phi\xCC\x81"), "Mời khách hàng số B bảy đến quầy Thu phí");
  EXPECT_EQ(CallSentenceVi("B7", "3A"), "Mời khách hàng số B bảy đến quầy 3A");
}

TEST(CallSentenceEn, HyphensKeepTheLetterALetter) {
  EXPECT_EQ(CallSentenceEn("A1023", "5"), "Ticket A-1023, please go to counter 5");
  EXPECT_EQ(CallSentenceEn("CD0042", "03"), "Ticket C-D-42, please go to counter 3");
  EXPECT_EQ(CallSentenceEn("b7", "Reception"), "Ticket B-7, please go to counter Reception");
  EXPECT_EQ(CallSentenceEn("1023", "5"), "Ticket 1023, please go to counter 5");
  EXPECT_EQ(CallSentenceEn("A0", "1"), "Ticket A-0, please go to counter 1");
}

TEST(CheckCall, RefusesWhatIsNotATicketOrCounter) {
  for (const char* ticket : {"", "A", "ABCD1", "A-1023", "A 1023", "1023A", "Đ12", "A1234567890", "A1.5", "A\n1"}) {
    const Status s = CheckCall(ticket, "5");
    ASSERT_FALSE(s) << ticket;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
    EXPECT_EQ(s.error().field, "ticket") << ticket;
    EXPECT_EQ(s.error().rule, "not_a_ticket") << ticket;
    EXPECT_EQ(CallSentenceVi(ticket, "5"), "") << ticket;
    EXPECT_EQ(CallSentenceEn(ticket, "5"), "") << ticket;
  }
  EXPECT_TRUE(CheckCall("ABC123456789", "999999999"));  // the longest allowed

  const Status empty = CheckCall("A1", "  ");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().field, "counter");
  EXPECT_EQ(empty.error().rule, "empty");

  const Status control = CheckCall("A1", "Quầy\n5");
  ASSERT_FALSE(control);
  EXPECT_EQ(control.error().field, "counter");
  EXPECT_EQ(control.error().rule, "control_character");

  const Status too_long = CheckCall("A1", std::string(kMaxCounterNameChars + 1, 'Q'));
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().rule, "too_long");
  EXPECT_TRUE(CheckCall("A1", std::string(kMaxCounterNameChars, 'Q')));

  const Status bad = CheckCall("A1", "\xC3");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "bad_utf8");
  EXPECT_EQ(CallSentenceVi("A1", "\xC3"), "");
}

// How espeak-ng 1.51's Vietnamese voice reads the call (announcement.h records the findings). A lone
// capital is read as its Vietnamese letter name; "A" is [aː], the same as the word "a".
TEST(CallSentenceVi, EspeakReadsTheLettersAsLetterNames) {
  auto synth = Open("vi");
  ASSERT_NE(synth, nullptr);
  const std::pair<const char*, const char*> kLetters[] = {
      {"số A", "sˈoɜ ˈaː"},       {"số B", "sˈoɜ bˈe"},      {"số C", "sˈoɜ sˈe"},     {"số D", "sˈoɜ dˈe"},
      {"số E", "sˈoɜ ˈɛ"},        {"số K", "sˈoɜ kˈaː"},     {"số Q", "sˈoɜ kwˈi"},    {"số W", "sˈoɜ vˈekˌɛɜp"},
      {"số X", "sˈoɜ ˈiɜc"},      {"số Z", "sˈoɜ zˈɛɜt"},   {"số a", "sˈoɜ ˈaː"},
  };
  for (const auto& [text, ipa] : kLetters) EXPECT_EQ(synth->Phonemes(text).value(), ipa) << text;
  // Letters written together are read as a word, which is why CallSentenceVi spaces them.
  EXPECT_EQ(synth->Phonemes("AB").value(), "ˈaːb");
  EXPECT_EQ(synth->Phonemes("C D").value(), "sˈe dˈe");
}

TEST(CallSentenceVi, EspeakSaysTheNumberWordsAsWords) {
  auto synth = Open("vi");
  ASSERT_NE(synth, nullptr);
  const std::pair<const char*, const char*> kWords[] = {
      {"mốt", "mˈoɜt̪"}, {"lăm", "lˈam"},   {"linh", "lˈiɲ"}, {"lẻ", "lˈɛ4"},   {"nghìn", "ŋˈi2n"},
      {"ngàn", "ŋˈaː2n"}, {"tư", "t̪ˈy"},    {"mươi", "mˈyəj"}, {"mười", "mˈyə2j"}, {"quầy", "kwˈəɪ2"},
  };
  for (const auto& [word, ipa] : kWords) EXPECT_EQ(synth->Phonemes(word).value(), ipa) << word;
  EXPECT_EQ(synth->Phonemes(CallSentenceVi("A1023", "5")).value(),
            "mˈəː2j xˈe-ɜc hˈaː2ŋ sˈoɜ ˈaː mˈo6t̪ ŋˈi2n xˌoŋ tʃˈam hˈaːj mˈyəj bˈaː ɗˌeɜn kwˈəɪ2 sˈoɜ nˈam");
  // For comparison: given the digits, the voice says "ngàn" whatever the center's setting, and reads
  // "0042" digit by digit ("không không bốn hai").
  EXPECT_NE(synth->Phonemes("A1023").value().find("ŋˈaː2n"), std::string::npos);
  EXPECT_EQ(synth->Phonemes("0042").value(), "xˌo1ŋxˌo1ŋbˈoɜnhˈaːɪ");
}

// The English voice reads "A 1023" with the article [ɐ]; "A-1023" with the letter [eɪ].
TEST(CallSentenceEn, EspeakReadsTheLetterNotTheArticle) {
  auto synth = Open("en");
  ASSERT_NE(synth, nullptr);
  const std::string article = synth->Phonemes("Ticket A 1023, please go to counter 5", "en").value();
  EXPECT_NE(article.find("tˈɪkɪt ɐ wˈɒn"), std::string::npos) << article;
  const std::string call = synth->Phonemes(CallSentenceEn("A1023", "5"), "en").value();
  EXPECT_NE(call.find("tˈɪkɪt ˈeɪ"), std::string::npos) << call;
  EXPECT_NE(call.find("wˈɒn θˈaʊzənd ən twˈɛnti θɹˈiː"), std::string::npos) << call;
  EXPECT_NE(call.find("kˈaʊntə fˈaɪv"), std::string::npos) << call;
  const std::string two = synth->Phonemes(CallSentenceEn("CD0042", "3"), "en").value();
  EXPECT_NE(two.find("sˈiːdˈiː"), std::string::npos) << two;
  EXPECT_NE(two.find("fˈɔːti tˈuː"), std::string::npos) << two;
}

}  // namespace
}  // namespace motcua::speech
