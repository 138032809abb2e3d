// Tests for catalog/search.h. Worked examples search the shipped sample catalog
// (assets/catalog/catalog.json, names as published on dichvucong.gov.vn); the ranking rules are
// pinned one by one on small catalogs built in code; a property test compares CatalogIndex with
// the brute-force reference (search_reference.h) on random queries.
#include "catalog/search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "catalog/catalog_json.h"
#include "catalog/search_reference.h"

namespace motcua::catalog {
namespace {

std::vector<std::string> Codes(const std::vector<SearchHit>& hits) {
  std::vector<std::string> codes;
  for (const SearchHit& h : hits) codes.push_back(h.code);
  return codes;
}

std::string Show(const std::vector<Procedure>& ps, const std::vector<SearchHit>& hits) {
  std::string s;
  for (const SearchHit& h : hits) s += "  " + h.code + " " + std::to_string(h.score) + " " + ps[h.index].name + "\n";
  return s;
}

class SampleSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = LoadCatalogFile(std::string(MOTCUA_ASSETS_DIR) + "/catalog/catalog.json");
    ASSERT_TRUE(loaded) << loaded.error().Describe();
    procedures_ = new std::vector<Procedure>(std::move(*loaded));
    index_ = new CatalogIndex(*procedures_);
  }
  static void TearDownTestSuite() {
    delete index_;
    delete procedures_;
  }
  std::vector<SearchHit> Find(std::string_view q, std::size_t limit = 20) const { return index_->Search(q, limit); }
  const Procedure& At(const SearchHit& h) const { return (*procedures_)[h.index]; }
  std::string Dump(const std::vector<SearchHit>& hits) const { return Show(*procedures_, hits); }

  static std::vector<Procedure>* procedures_;
  static CatalogIndex* index_;
};
std::vector<Procedure>* SampleSearch::procedures_ = nullptr;
CatalogIndex* SampleSearch::index_ = nullptr;

TEST_F(SampleSearch, ThuongTruFindsDangKyThuongTruFirst) {
  auto hits = Find("thuong tru");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(At(hits[0]).name, "Đăng ký thường trú") << Dump(hits);
  EXPECT_EQ(hits[0].code, "1.004222");
  // Then the longer names holding the same phrase: "Xóa đăng ký thường trú", the liên thông bundle.
  ASSERT_GE(hits.size(), 3u) << Dump(hits);
  EXPECT_EQ(hits[1].code, "1.003197") << Dump(hits);
  EXPECT_EQ(hits[2].code, "2.000986") << Dump(hits);
}

TEST_F(SampleSearch, IgnoresDiacriticsAndCase) {
  const auto plain = Find("dang ky thuong tru", 0);
  EXPECT_EQ(Find("Đăng ký thường trú", 0), plain);
  EXPECT_EQ(Find("ĐĂNG KÝ THƯỜNG TRÚ", 0), plain);
  EXPECT_EQ(Find("  đăng-ký,   thường trú ", 0), plain);
  ASSERT_FALSE(plain.empty());
  EXPECT_EQ(plain[0].code, "1.004222");
}

TEST_F(SampleSearch, KhaiSinhRanksTheShortNameAboveTheCombinedOne) {
  auto hits = Find("khai sinh", 0);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(At(hits[0]).name, "Thủ tục đăng ký khai sinh") << Dump(hits);
  std::size_t plain = hits.size(), combined = hits.size();
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (hits[i].code == "1.001193") plain = i;
    if (hits[i].code == "1.000689") combined = i;  // "... khai sinh kết hợp đăng ký nhận cha, mẹ, con"
  }
  ASSERT_LT(combined, hits.size()) << Dump(hits);
  EXPECT_LT(plain, combined) << Dump(hits);
}

TEST_F(SampleSearch, TypingInProgressMatchesWordPrefixes) {
  auto hits = Find("dang ky thu");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(At(hits[0]).name, "Đăng ký thường trú") << Dump(hits);

  hits = Find("dang ky kh");  // "khai sinh" and "khai tử", both four words after "Thủ tục"
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].code, "1.000656") << Dump(hits);
  EXPECT_EQ(hits[1].code, "1.001193") << Dump(hits);
}

TEST_F(SampleSearch, WordsAtTheStartOfTheNameRankFirst) {
  auto hits = Find("cap lai", 0);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(At(hits[0]).name, "Cấp lại thẻ căn cước") << Dump(hits);
  std::size_t start = hits.size(), inside = hits.size();
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (hits[i].code == "1.012786") start = i;   // "Cấp lại Giấy chứng nhận do bị mất" (8 words)
    if (hits[i].code == "1.001653") inside = i;  // "Đổi, cấp lại Giấy xác nhận khuyết tật" (8 words)
  }
  ASSERT_LT(inside, hits.size()) << Dump(hits);
  EXPECT_LT(start, inside) << Dump(hits);
}

TEST_F(SampleSearch, NationalCodeFindsThatProcedure) {
  auto hits = Find("1.001193");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].code, "1.001193");
  EXPECT_EQ(hits[0].kind, MatchKind::kCodeExact);
  EXPECT_EQ(At(hits[0]).name, "Thủ tục đăng ký khai sinh");

  hits = Find(" 2.0008 ");
  EXPECT_EQ(Codes(hits), (std::vector<std::string>{"2.000806", "2.000815", "2.000884"})) << Dump(hits);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, MatchKind::kCodePrefix);

  hits = Find("001193");  // the six digits without the leading "1."
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].code, "1.001193");

  hits = Find("3.");
  ASSERT_FALSE(hits.empty());
  for (const SearchHit& h : hits) EXPECT_EQ(h.code.rfind("3.", 0), 0u) << h.code;
}

TEST_F(SampleSearch, GroupAndFieldNamesMatchBelowNames) {
  auto hits = Find("chung thuc", 0);
  int in_group = 0;
  bool seen_group_hit = false;
  for (const SearchHit& h : hits) {
    if (At(h).group == "chứng thực") ++in_group;
    if (h.kind == MatchKind::kGroupOrField) seen_group_hit = true;
    else EXPECT_FALSE(seen_group_hit) << "name hit after a group hit:\n" << Dump(hits);
  }
  EXPECT_EQ(in_group, 10) << Dump(hits);  // every procedure of the chứng thực group
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].kind, MatchKind::kName);
  bool found_so_goc = false;  // "Thủ tục cấp bản sao từ sổ gốc": only its group says chứng thực
  for (const SearchHit& h : hits) {
    if (h.code == "2.000908") {
      found_so_goc = true;
      EXPECT_EQ(h.kind, MatchKind::kGroupOrField);
    }
  }
  EXPECT_TRUE(found_so_goc) << Dump(hits);

  hits = Find("dat dai tach thua");  // "đất đai" is the group, "tách thửa" the name
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].code, "1.012784") << Dump(hits);
  EXPECT_EQ(hits[0].kind, MatchKind::kGroupOrField);
}

TEST_F(SampleSearch, EveryWordIsRequired) {
  EXPECT_TRUE(Find("khai sinh karaoke").empty());
  EXPECT_TRUE(Find("xyzzy").empty());
}

TEST_F(SampleSearch, EmptyAndPunctuationQueriesFindNothing) {
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("   ").empty());
  EXPECT_TRUE(Find(" .,;-").empty());
  EXPECT_TRUE(Find(".").empty());
}

TEST_F(SampleSearch, LimitKeepsTheBestHits) {
  const auto all = Find("dang ky", 0);
  ASSERT_GT(all.size(), 20u);
  EXPECT_EQ(Find("dang ky").size(), 20u);  // the default limit
  const auto three = Find("dang ky", 3);
  ASSERT_EQ(three.size(), 3u);
  EXPECT_EQ(three, std::vector<SearchHit>(all.begin(), all.begin() + 3));
}

TEST_F(SampleSearch, AgreesWithTheReferenceOnRandomQueries) {
  // Queries are cut from real names: 1-4 consecutive words, diacritics kept or folded, the last
  // word sometimes cut short; plus code prefixes and noise words.
  constexpr unsigned kSeed = 766;
  std::mt19937 rng(kSeed);
  const auto& ps = *procedures_;
  for (int round = 0; round < 1500; ++round) {
    std::string query;
    const Procedure& p = ps[rng() % ps.size()];
    switch (rng() % 6) {
      case 0:
        query = p.code.substr(0, 1 + rng() % p.code.size());
        break;
      case 1:
        query = p.group + " " + SearchWords(p.name)[rng() % SearchWords(p.name).size()];
        break;
      default: {
        std::vector<std::string> words;
        // Words with diacritics: split the NFC name on spaces.
        std::string w;
        for (char c : p.name + " ") {
          if (c == ' ') {
            if (!w.empty()) words.push_back(w);
            w.clear();
          } else {
            w += c;
          }
        }
        const bool fold = rng() % 2;
        if (fold) words = SearchWords(p.name);
        const std::size_t n = 1 + rng() % 4, start = rng() % words.size();
        for (std::size_t k = start; k < words.size() && k < start + n; ++k) query += words[k] + " ";
        if (fold && rng() % 2 && query.size() > 2) query.resize(query.size() - 1 - rng() % 2);  // partial word
        if (rng() % 10 == 0) query += " zzz";
      }
    }
    auto got = index_->Search(query, 0);
    auto want = testing::ReferenceSearch(ps, query, 0);
    ASSERT_EQ(got, want) << "seed " << kSeed << " round " << round << " query \"" << query << "\"\nindex:\n"
                         << Dump(got) << "reference:\n"
                         << Dump(want);
  }
}

// ---- ranking rules on catalogs built in code ----------------------------------------------------

std::vector<Procedure> Catalog(std::initializer_list<std::pair<const char*, const char*>> code_names) {
  std::vector<Procedure> ps;
  for (auto [code, name] : code_names) {
    Procedure p;
    p.code = code;
    p.name = name;
    ps.push_back(p);
  }
  return ps;
}

TEST(CatalogIndex, PhraseOutranksStartAndLength) {
  auto ps = Catalog({{"1.000001", "Giấy xin phép"}, {"1.000002", "Cấp mới giấy phép xây dựng nhà ở"}});
  CatalogIndex index(ps);
  auto hits = index.Search("giay phep");
  ASSERT_EQ(Codes(hits), (std::vector<std::string>{"1.000002", "1.000001"})) << Show(ps, hits);
}

TEST(CatalogIndex, StartOutranksLength) {
  auto ps = Catalog({{"1.000001", "Xe giấy phép"}, {"1.000002", "Giấy phép lái xe hạng A"}});
  CatalogIndex index(ps);
  EXPECT_EQ(Codes(index.Search("giay phep")), (std::vector<std::string>{"1.000002", "1.000001"}));
}

TEST(CatalogIndex, StartSkipsALeadingThuTuc) {
  auto ps = Catalog({{"1.000001", "Xác nhận đăng ký"}, {"1.000002", "Thủ tục đăng ký giám hộ nhiều người"}});
  CatalogIndex index(ps);
  EXPECT_EQ(Codes(index.Search("dang ky")), (std::vector<std::string>{"1.000002", "1.000001"}));
}

TEST(CatalogIndex, WholeWordOutranksPrefixAndLength) {
  auto ps = Catalog({{"1.000001", "Hòa giải"}, {"1.000002", "Hộ nghèo định kỳ hằng năm"}});
  CatalogIndex index(ps);
  auto hits = index.Search("ho");
  ASSERT_EQ(Codes(hits), (std::vector<std::string>{"1.000002", "1.000001"})) << Show(ps, hits);
}

TEST(CatalogIndex, ShorterNameWinsThenCodeOrder) {
  auto ps = Catalog({{"1.000009", "Đăng ký tạm trú"},
                     {"1.000003", "Xóa đăng ký tạm trú"},
                     {"1.000005", "Đăng ký tạm trú"}});
  CatalogIndex index(ps);
  auto hits = index.Search("tam tru");
  EXPECT_EQ(Codes(hits), (std::vector<std::string>{"1.000005", "1.000009", "1.000003"})) << Show(ps, hits);
}

TEST(CatalogIndex, NameMatchOutranksGroupMatch) {
  auto ps = Catalog({{"1.000001", "Đăng ký khai sinh"}, {"1.000002", "Xác nhận thông tin hộ tịch cho người ở xa"}});
  ps[0].group = "hộ tịch";
  ps[1].group = "hộ tịch";
  CatalogIndex index(ps);
  auto hits = index.Search("ho tich");
  ASSERT_EQ(Codes(hits), (std::vector<std::string>{"1.000002", "1.000001"})) << Show(ps, hits);
  EXPECT_EQ(hits[0].kind, MatchKind::kName);
  EXPECT_EQ(hits[1].kind, MatchKind::kGroupOrField);
}

TEST(CatalogIndex, FieldNameMatches) {
  auto ps = Catalog({{"1.001978", "Giải quyết trợ cấp thất nghiệp"}});
  ps[0].field_name = "Việc làm";
  CatalogIndex index(ps);
  auto hits = index.Search("viec lam");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, MatchKind::kGroupOrField);
}

TEST(CatalogIndex, CodeHitsOutrankNameHits) {
  auto ps = Catalog({{"2.000002", "Cấp lại 1 lần"}, {"1.000001", "Khác"}, {"2.000003", "Khác nữa"}});
  CatalogIndex index(ps);
  auto hits = index.Search("1");
  ASSERT_EQ(Codes(hits), (std::vector<std::string>{"1.000001", "2.000002"})) << Show(ps, hits);
  EXPECT_EQ(hits[0].kind, MatchKind::kCodePrefix);
  EXPECT_EQ(hits[1].kind, MatchKind::kName);  // the word "1" in its name
}

TEST(CatalogIndex, EmptyIndexFindsNothing) {
  CatalogIndex index;
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.Search("khai sinh").empty());
  EXPECT_TRUE(index.Search("1.001193").empty());
}

TEST(SearchWords, FoldsAndSplits) {
  EXPECT_EQ(SearchWords("Đăng ký THƯỜNG TRÚ"), (std::vector<std::string>{"dang", "ky", "thuong", "tru"}));
  EXPECT_EQ(SearchWords("Cấp lại, đổi; điều chỉnh"),
            (std::vector<std::string>{"cap", "lai", "doi", "dieu", "chinh"}));
  EXPECT_TRUE(SearchWords(" - ").empty());
}

}  // namespace
}  // namespace motcua::catalog
