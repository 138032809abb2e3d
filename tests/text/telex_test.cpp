#include "text/telex.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "common/text.h"

namespace motcua::text {
namespace {

struct Case {
  const char* keys;
  const char* text;
};

// Every expected string must itself be NFC, or a test could pass on a decomposed spelling.
void ExpectComposes(const Case& c) {
  ASSERT_EQ(NormalizeNfc(c.text), c.text) << "expected text is not NFC: " << c.text;
  const std::string got = ComposeTelex(c.keys);
  EXPECT_EQ(got, c.text) << "keys: " << c.keys;
  EXPECT_TRUE(IsValidUtf8(got));
  EXPECT_EQ(NormalizeNfc(got), got) << "keys: " << c.keys;
}

// The examples issue 13 gives.
TEST(ComposeTelex, ComposesTheIssuesExamples) {
  for (const Case& c : std::vector<Case>{
           {"nguyeenx", "nguyễn"},
           {"dd", "đ"},
           {"nguoiwf", "người"},
           {"hoaf", "hoà"},
       })
    ExpectComposes(c);
}

// Each tone key on each of the twelve vowels, lower and upper case (the tone key's case does not matter).
TEST(ComposeTelex, PutsEachToneOnEachVowel) {
  struct Vowel {
    const char* keys;
    const char* toned;  // plain, s, f, r, x, j
    const char* toned_upper;
  };
  const std::vector<Vowel> vowels = {
      {"a", "aáàảãạ", "AÁÀẢÃẠ"},  {"aw", "ăắằẳẵặ", "ĂẮẰẲẴẶ"}, {"aa", "âấầẩẫậ", "ÂẤẦẨẪẬ"},
      {"e", "eéèẻẽẹ", "EÉÈẺẼẸ"},  {"ee", "êếềểễệ", "ÊẾỀỂỄỆ"}, {"i", "iíìỉĩị", "IÍÌỈĨỊ"},
      {"o", "oóòỏõọ", "OÓÒỎÕỌ"},  {"oo", "ôốồổỗộ", "ÔỐỒỔỖỘ"}, {"ow", "ơớờởỡợ", "ƠỚỜỞỠỢ"},
      {"u", "uúùủũụ", "UÚÙỦŨỤ"},  {"uw", "ưứừửữự", "ƯỨỪỬỮỰ"}, {"y", "yýỳỷỹỵ", "YÝỲỶỸỴ"},
  };
  const std::string tone_keys = "sfrxj";
  for (const Vowel& v : vowels) {
    // Each row is six NFC characters of two or three bytes: split it by code point.
    auto split = [](const std::string& s) {
      std::vector<std::string> out;
      for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 1;
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
        out.push_back(s.substr(i, n));
        i += n;
      }
      return out;
    };
    const auto lower = split(v.toned);
    const auto upper = split(v.toned_upper);
    ASSERT_EQ(lower.size(), 6u) << v.toned;
    ASSERT_EQ(upper.size(), 6u) << v.toned_upper;
    std::string keys_upper = v.keys;
    for (char& c : keys_upper) c = static_cast<char>(c - 'a' + 'A');
    ExpectComposes({v.keys, lower[0].c_str()});
    ExpectComposes({keys_upper.c_str(), upper[0].c_str()});
    for (std::size_t t = 0; t < tone_keys.size(); ++t) {
      const std::string keys = v.keys + std::string(1, tone_keys[t]);
      const std::string keys_big = keys_upper + std::string(1, static_cast<char>(tone_keys[t] - 'a' + 'A'));
      ExpectComposes({keys.c_str(), lower[t + 1].c_str()});
      ExpectComposes({keys_big.c_str(), upper[t + 1].c_str()});
    }
  }
}

// Modern ("new style") tone placement, the issue's own examples first, then each rule of telex.h.
TEST(ComposeTelex, PlacesTheToneAsModernSpellingDoes) {
  for (const Case& c : std::vector<Case>{
           // (1) the vowel with a mark; the ơ of ươ
           {"nguoiwf", "người"}, {"giuwax", "giữa"}, {"thuowr", "thuở"}, {"quoocs", "quốc"},
           {"khuaays", "khuấy"}, {"yeeus", "yếu"}, {"chuyeenj", "chuyện"}, {"uoongs", "uống"},
           {"ruwowuj", "rượu"}, {"tuwowi", "tươi"},
           // (2) a final consonant: the last vowel
           {"hoanf", "hoàn"}, {"huynhf", "huỳnh"}, {"toans", "toán"}, {"khoangr", "khoảng"},
           // (3) no final: second of oa oe uy, middle of three, first of other pairs
           {"hoaf", "hoà"}, {"hoef", "hoè"}, {"thuys", "thuý"}, {"khuyru", "khuỷu"}, {"ngoeoj", "ngoẹo"},
           {"ngoaif", "ngoài"}, {"mias", "mía"}, {"muas", "múa"}, {"chaos", "cháo"}, {"tuis", "túi"},
           {"ddaauf", "đầu"},
           // the u of qu and the i of gi are consonants before another vowel, but gi alone is g + i
           {"quas", "quá"}, {"quys", "quý"}, {"giaf", "già"}, {"gif", "gì"}, {"ginf", "gìn"},
       })
    ExpectComposes(c);
}

// The tone is placed again after every key, so it moves as the vowels change.
TEST(TelexComposer, MovesTheToneWhenTheVowelsChange) {
  TelexComposer c;
  const std::vector<std::pair<char, const char*>> steps = {
      {'c', "c"},   {'h', "ch"},  {'u', "chu"},  {'j', "chụ"},        // one vowel: on it
      {'y', "chuỵ"},                                                   // uy: the second
      {'e', "chuỵe"},                                                  // three vowels: the middle
      {'e', "chuyệ"},                                                  // ê has a mark
      {'n', "chuyện"},
  };
  for (const auto& [key, text] : steps) {
    c.Type(static_cast<char32_t>(key));
    EXPECT_EQ(c.Text(), text) << "after " << key;
  }
  // A mark typed after the tone: "nguyenx" then "e", "nguoif" then "w".
  ExpectComposes({"nguyenxe", "nguyễn"});
  ExpectComposes({"nguoifw", "người"});
  ExpectComposes({"hoafn", "hoàn"});
}

TEST(ComposeTelex, TypesTheMarksOfEveryVowelGroup) {
  for (const Case& c : std::vector<Case>{
           {"aw", "ă"}, {"aa", "â"}, {"ee", "ê"}, {"oo", "ô"}, {"ow", "ơ"}, {"uw", "ư"},
           // uow is ươ before a vowel or final consonant, uơ at the end of a word
           {"uow", "uơ"}, {"huow", "huơ"}, {"thuowng", "thương"}, {"truowngf", "trường"},
           {"uwo", "ươ"}, {"thuwowngf", "thường"}, {"giuwowngf", "giường"},
           {"muwa", "mưa"}, {"muaw", "mưa"}, {"hoawcj", "hoặc"}, {"guwir", "gửi"}, {"guiwr", "gửi"},
           {"cuwus", "cứu"}, {"cuuws", "cứu"}, {"quaan", "quân"},
           // the mark key need not follow its vowel
           {"caan", "cân"}, {"cana", "cân"}, {"nguoiw", "ngươi"},
           // a mark replaces another one on the same vowel
           {"aaw", "ă"}, {"awa", "â"}, {"owo", "ô"}, {"thuoongw", "thương"}, {"truwowngo", "truông"},
       })
    ExpectComposes(c);
}

TEST(ComposeTelex, TypesDStrokeAnywhereInAWordStartingWithD) {
  for (const Case& c : std::vector<Case>{
           {"dd", "đ"}, {"ddi", "đi"}, {"did", "đi"}, {"dongd", "đong"}, {"ddaats", "đất"},
           {"DD", "Đ"}, {"Dd", "Đ"}, {"dD", "đ"},
           // only a first d takes the stroke, so "add" stays; "dad" is d + a + the stroke key, as in Unikey
           {"add", "add"}, {"dad", "đa"}, {"dadd", "dad"},
       })
    ExpectComposes(c);
}

// A lone w is ư at the start of a word or after an initial consonant (Unikey does the same).
TEST(ComposeTelex, TypesLoneWAsUHorn) {
  for (const Case& c : std::vector<Case>{
           {"w", "ư"}, {"W", "Ư"}, {"nhw", "như"}, {"tw", "tư"}, {"wf", "ừ"}, {"nhwngx", "những"},
           {"ww", "w"}, {"Ww", "W"}, {"www", "ww"}, {"wow", "ươ"}, {"woww", "wow"}, {"wfw", "w"},
           {"qw", "qw"},  // q is no initial without u
       })
    ExpectComposes(c);
}

// Repeating a key undoes it and types it; the rest of the word is then literal.
TEST(ComposeTelex, UndoesAKeyTypedAgain) {
  for (const Case& c : std::vector<Case>{
           {"aaa", "aa"}, {"eee", "ee"}, {"ooo", "oo"}, {"aww", "aw"}, {"oww", "ow"}, {"uww", "uw"},
           {"ddd", "dd"}, {"uoww", "uow"}, {"uwoww", "uow"},
           {"ass", "as"}, {"aff", "af"}, {"arr", "ar"}, {"axx", "ax"}, {"ajj", "aj"},
           {"aaaa", "aaa"}, {"asss", "ass"}, {"dddd", "ddd"},
           {"xooong", "xoong"}, {"booong", "boong"},
           {"xooongf", "xoòng"}, {"xooofng", "xoòng"}, {"asss", "ass"}, {"aaas", "aas"},  // tones still apply to a syllable
           {"dd d", "đ d"},  // a new word composes again
           {"ass as", "as á"},
       })
    ExpectComposes(c);
}

TEST(ComposeTelex, ReplacesAndRemovesTones) {
  for (const Case& c : std::vector<Case>{
           {"asf", "à"}, {"nguyeensx", "nguyễn"}, {"asz", "a"}, {"nguyeenxz", "nguyên"}, {"hoafz", "hoa"},
           {"z", "z"}, {"hoaz", "hoaz"}, {"azz", "azz"}, {"aszz", "az"},
       })
    ExpectComposes(c);
}

TEST(ComposeTelex, KeepsCapitals) {
  for (const Case& c : std::vector<Case>{
           {"Nguyeenx", "Nguyễn"}, {"NGUYEENX", "NGUYỄN"}, {"NguyeEnX", "Nguyễn"}, {"DDaaf", "Đầ"},
           {"VIEEJT NAM", "VIỆT NAM"}, {"UW", "Ư"}, {"ASS", "AS"}, {"Ass", "As"}, {"AAa", "Aa"},
           {"DDawngf", "Đằng"}, {"Hoaf", "Hoà"},
       })
    ExpectComposes(c);
}

// A key that cannot apply is typed as it is; anything but an ASCII letter ends the word.
TEST(ComposeTelex, TypesLiterallyWhatCannotCompose) {
  for (const Case& c : std::vector<Case>{
           {"https", "https"}, {"s", "s"}, {"sf", "sf"}, {"rs", "rs"}, {"email", "email"}, {"emails", "emails"},
           {"0912345678", "0912345678"}, {"12/3", "12/3"}, {"a1s", "a1s"}, {"as1s", "á1s"},
           {"www.dichvucong.gov.vn", "ww.dichvucong.gov.vn"}, {"a-b", "a-b"}, {"", ""},
           {"Hà Nội", "Hà Nội"},  // already composed text passes through
       })
    ExpectComposes(c);
}

// Worked sentences: the national motto and names a service center's forms are full of.
TEST(ComposeTelex, ComposesWholeSentences) {
  for (const Case& c : std::vector<Case>{
           {"Trung taam phujc vuj hanhf chinhs coong", "Trung tâm phục vụ hành chính công"},
           {"Coojng hoaf xax hooji chur nghiax Vieejt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"},
           {"DDoojc laapj - Tuwj do - Hanhj phucs", "Độc lập - Tự do - Hạnh phúc"},
           {"DDawng kys thuwowngf trus", "Đăng ký thường trú"},
           {"Nguyeenx Vawn An", "Nguyễn Văn An"},
           {"giaays khai sinh", "giấy khai sinh"},
           {"Quarng Ninh", "Quảng Ninh"},
           {"Tuyeen Quang", "Tuyên Quang"},
           {"khuyru tay", "khuỷu tay"},
           {"thuowr xuwa", "thuở xưa"},
           {"Xin mowfi quys khachs laays soos thuws tuwj", "Xin mời quý khách lấy số thứ tự"},
           {"Giaasy chuwngs nhaanj quyeenf suwr dujng ddaats", "Giấy chứng nhận quyền sử dụng đất"},
           {"Soos 12, dduwowngf Traanf Phus, phuwowngf Minh Xuaan", "Số 12, đường Trần Phú, phường Minh Xuân"},
           {"Nguyeenx Thij Maaxu", "Nguyễn Thị Mẫu"},
       })
    ExpectComposes(c);
}

TEST(TelexComposer, BackspaceRemovesTheLastVisibleCharacterAndTheWordStaysComposable) {
  TelexComposer c;
  c.TypeKeys("nguoiwf");
  c.Backspace();
  EXPECT_EQ(c.Text(), "ngườ");
  c.TypeKeys("i");
  EXPECT_EQ(c.Text(), "người");

  c.Clear();
  c.TypeKeys("nguyeenx");
  c.Backspace();
  EXPECT_EQ(c.Text(), "nguyễ");  // ễ is one character: its marks go with it
  c.TypeKeys("n");
  EXPECT_EQ(c.Text(), "nguyễn");
  c.TypeKeys("s");  // still composable: the tone is replaced
  EXPECT_EQ(c.Text(), "nguyến");

  c.Clear();
  c.TypeKeys("hoaf ");
  c.Backspace();  // back into the word before the space
  EXPECT_EQ(c.Text(), "hoà");
  c.TypeKeys("n");
  EXPECT_EQ(c.Text(), "hoàn");
  c.Backspace();
  c.Backspace();  // the toned a goes, and the tone with it
  EXPECT_EQ(c.Text(), "ho");
  c.TypeKeys("as");
  EXPECT_EQ(c.Text(), "hoá");

  c.Clear();
  c.TypeKeys("aaa");  // undone, literal ...
  EXPECT_EQ(c.Text(), "aa");
  c.Backspace();
  c.TypeKeys("a");    // ... but after a backspace the word composes again
  EXPECT_EQ(c.Text(), "â");
}

TEST(TelexComposer, BackspaceOnEmptyTextDoesNothing) {
  TelexComposer c;
  c.Backspace();
  EXPECT_EQ(c.Text(), "");
  c.TypeKeys("ddi");
  for (int i = 0; i < 5; ++i) c.Backspace();
  EXPECT_EQ(c.Text(), "");
  c.TypeKeys("dd");
  EXPECT_EQ(c.Text(), "đ");
}

TEST(TelexComposer, SetTextKeepsTheTextAndMakesItsLastWordComposable) {
  TelexComposer c;
  c.SetText("Hòa Bình");  // old-style placement stays as it is ...
  EXPECT_EQ(c.Text(), "Hòa Bình");
  c.TypeKeys("f");  // f again: undoes the huyền of Bình, as if the word had been typed
  EXPECT_EQ(c.Text(), "Hòa Binhf");
  c.SetText("Hòa");
  c.TypeKeys("n");                     // ... until a key changes the word
  EXPECT_EQ(c.Text(), "Hoàn");
  c.SetText("Nguyễn Văn");
  c.TypeKeys("x");
  EXPECT_EQ(c.Text(), "Nguyễn Vẵn");
  c.SetText("Tie\xCC\x82\xCC\x81n");  // NFD in, NFC out
  EXPECT_EQ(c.Text(), "Tiến");
  EXPECT_EQ(c.Length(), 4u);
  c.SetText("ba\xFF");  // invalid UTF-8 becomes U+FFFD
  EXPECT_EQ(c.Text(), "ba\xEF\xBF\xBD");
  c.SetText("");
  EXPECT_EQ(c.Text(), "");
}

TEST(TelexComposer, NonAsciiKeysPassThroughInNfc) {
  TelexComposer c;
  c.TypeKeys("Hà Noo");
  c.Type(U'\u0323');  // a combining dot below composes with the ô before it
  EXPECT_EQ(c.Text(), "Hà Nộ");
  c.TypeKeys("i");
  EXPECT_EQ(c.Text(), "Hà Nội");
  c.Clear();
  c.TypeKeys("ca");
  c.Type(U'ă');  // a composed letter joins the word ...
  EXPECT_EQ(c.Text(), "caă");
  c.Type(U'₫');  // ... any other character ends it
  EXPECT_EQ(c.Text(), "caă₫");
  c.Type(0);  // NUL and surrogates are ignored
  c.Type(0xD800);
  EXPECT_EQ(c.Text(), "caă₫");
}

// Property: whatever keys are typed, the text is valid UTF-8 in NFC, and backspacing empties it in at
// most Length() steps. Fixed seed; the keys are printed on failure.
TEST(TelexComposer, AnyKeysGiveNfcTextThatBackspaceEmpties) {
  const std::string alphabet = "aeiouydwsfrxjzngtchAEOUDWSFRX ,1";
  std::mt19937 rng(20260813);
  for (int round = 0; round < 2000; ++round) {
    std::string keys;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) keys.push_back(alphabet[rng() % alphabet.size()]);
    TelexComposer c;
    c.TypeKeys(keys);
    ASSERT_TRUE(IsValidUtf8(c.Text())) << "seed 20260813 keys " << keys;
    ASSERT_EQ(NormalizeNfc(c.Text()), c.Text()) << "seed 20260813 keys " << keys;
    ASSERT_LE(c.Length(), keys.size()) << "keys " << keys;
    const std::size_t len = c.Length();
    for (std::size_t i = 0; i < len; ++i) {
      c.Backspace();
      ASSERT_EQ(c.Length(), len - i - 1) << "keys " << keys;
      ASSERT_EQ(NormalizeNfc(c.Text()), c.Text()) << "keys " << keys;
    }
    EXPECT_EQ(c.Text(), "") << "keys " << keys;
  }
}

}  // namespace
}  // namespace motcua::text
