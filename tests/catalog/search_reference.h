// A brute-force, obviously-correct implementation of the search ranking documented in
// catalog/search.h. It folds every procedure's name, group and lĩnh vực at query time and compares
// strings; CatalogIndex must return exactly the same hits in the same order. Used by the property
// test (tests/catalog/search_test.cpp) and as the naive baseline of bench/catalog.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/procedure.h"
#include "catalog/search.h"
#include "common/text.h"

namespace motcua::catalog::testing {

inline std::vector<SearchHit> ReferenceSearch(const std::vector<Procedure>& procedures, std::string_view query,
                                              std::size_t limit = 0) {
  std::vector<SearchHit> hits;
  std::vector<bool> taken(procedures.size(), false);

  const std::string q(Trim(query));
  bool code_query = !q.empty() && std::count(q.begin(), q.end(), '.') <= 1 &&
                    std::all_of(q.begin(), q.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); }) &&
                    std::any_of(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (code_query) {
    for (std::size_t i = 0; i < procedures.size(); ++i) {
      const std::string& code = procedures[i].code;
      std::int64_t kind = 0;
      if (code == q) kind = 4;
      else if (code.rfind(q, 0) == 0) kind = 3;
      else if (q.find('.') == std::string::npos && q.size() >= 3 && code.size() > 2 && code.substr(2).rfind(q, 0) == 0)
        kind = 3;
      if (kind == 0) continue;
      hits.push_back({i, code, kind * 1'000'000'000'000, static_cast<MatchKind>(kind)});
      taken[i] = true;
    }
  }

  std::vector<std::string> words = SearchWords(query);
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  auto grade = [](const std::string& token, const std::string& word) {
    if (token == word) return 2;
    return token.rfind(word, 0) == 0 ? 1 : 0;
  };
  if (!words.empty()) {
    for (std::size_t i = 0; i < procedures.size(); ++i) {
      if (taken[i]) continue;
      const Procedure& p = procedures[i];
      std::vector<std::string> name = SearchWords(p.name);
      std::vector<std::string> other = SearchWords(p.group);
      for (std::string& w : SearchWords(p.field_name)) other.push_back(w);

      bool hit = true, all_in_name = true;
      std::int64_t whole_name = 0, whole_any = 0;
      for (const std::string& w : words) {
        int in_name = 0, in_other = 0;
        for (const std::string& t : name) in_name = std::max(in_name, grade(t, w));
        for (const std::string& t : other) in_other = std::max(in_other, grade(t, w));
        if (in_name == 0) all_in_name = false;
        if (in_name == 0 && in_other == 0) hit = false;
        whole_name += in_name == 2;
        whole_any += std::max(in_name, in_other) == 2;
      }
      if (!hit) continue;

      const std::size_t skip = (name.size() > 2 && name[0] == "thu" && name[1] == "tuc") ? 2 : 0;
      std::int64_t phrase = 0, at_start = 0;
      if (all_in_name) {
        const std::size_t m = words.size();
        for (std::size_t j = 0; j + m <= name.size() && !phrase; ++j) {
          bool ok = true;
          for (std::size_t k = 0; k < m && ok; ++k) {
            ok = (k + 1 < m) ? name[j + k] == words[k] : grade(name[j + k], words[k]) > 0;
          }
          phrase = ok;
        }
        at_start = (!name.empty() && grade(name[0], words[0]) > 0) ||
                   (name.size() > skip && grade(name[skip], words[0]) > 0);
      }
      const std::int64_t kind = all_in_name ? 2 : 1;
      const std::int64_t length = std::min<std::int64_t>(static_cast<std::int64_t>(name.size() - skip), 9999);
      const std::int64_t score = kind * 1'000'000'000'000 + phrase * 100'000'000'000 + at_start * 10'000'000'000 +
                                 (all_in_name ? whole_name : whole_any) * 100'000'000 + (9999 - length);
      hits.push_back({i, p.code, score, static_cast<MatchKind>(kind)});
    }
  }

  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.code != b.code) return a.code < b.code;
    return a.index < b.index;
  });
  if (limit != 0 && hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace motcua::catalog::testing
