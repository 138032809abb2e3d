// Procedure search for the kiosk and the counter: type a few words of a procedure's name, with or
// without diacritics, or a national code, and get the procedures best first.
//
// CatalogIndex is built once from the catalog (it folds every name, group and lĩnh vực with
// FoldForSearch and keeps a sorted vocabulary); Search() then folds only the query. Hits carry the
// index into the vector the index was built from, so keep that vector alive and unchanged (or
// rebuild the index when the catalog changes).
//
// Matching (after folding: lower case, no diacritics, đ → d, punctuation = space):
//   * Code query: the trimmed query is digits with at most one '.', e.g. "1.001193", "2.0008",
//     "001193". A procedure matches when its code equals the query (kCodeExact), starts with it, or,
//     for a query of >= 3 digits without a dot, when the six digits after the dot start with it
//     (kCodePrefix). A code query also matches names as text, below every code hit.
//   * Text query: split into words (the first kMaxQueryWords are used). EVERY word must match a
//     word of the procedure, either exactly ("whole") or as its beginning ("prefix", so "dang ky
//     thu" finds "Đăng ký thường trú" while it is being typed). kName when all words match words
//     of the name; kGroupOrField when some match only the kiosk group or the lĩnh vực name.
//
// Ranking: a hit's score is a number, higher first, laid out so that each criterion outranks all
// the ones after it (ties are broken by code, then by index: the order is total and deterministic):
//   kind       × 10^12   kCodeExact 4 > kCodePrefix 3 > kName 2 > kGroupOrField 1
//   phrase     × 10^11   1 when the words occur in the name consecutively and in order (each a
//                        whole word except the last, which may be a prefix)
//   at_start   × 10^10   1 when the first query word matches the first word of the name, or the
//                        first word after a leading "Thủ tục" (many published names start with it)
//   whole      × 10^8    how many query words match a whole word (in the name for kName, anywhere
//                        for kGroupOrField)
//   9999 - min(words of the name without "Thủ tục", 9999)    shorter names first
// phrase and at_start are 0 for kGroupOrField and for code hits.
// Examples from the sample catalog: "thuong tru" puts "Đăng ký thường trú" first; "khai sinh"
// puts "Thủ tục đăng ký khai sinh" above "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ,
// con" (both phrases, the first shorter).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/procedure.h"

namespace motcua::catalog {

inline constexpr std::size_t kMaxQueryWords = 16;

enum class MatchKind {
  kGroupOrField = 1,  // some query words match only the group or lĩnh vực name
  kName = 2,          // every query word matches a word of the name
  kCodePrefix = 3,    // the code starts with the query
  kCodeExact = 4,     // the code is the query
};

struct SearchHit {
  std::size_t index = 0;   // into the procedures the index was built from
  std::string code;        // that procedure's code
  std::int64_t score = 0;  // higher ranks first; layout in the header comment
  MatchKind kind = MatchKind::kName;
  friend bool operator==(const SearchHit&, const SearchHit&) = default;
};

class CatalogIndex {
 public:
  CatalogIndex() = default;  // empty: every search returns no hits
  explicit CatalogIndex(const std::vector<Procedure>& procedures);

  // Best hits first, at most `limit` (0 = all). An empty query, or one with nothing but
  // punctuation, returns no hits. Never fails. Only the query is folded; only the procedures that
  // hold a match for the most selective query word are scored (about 20 us over 2,000 procedures,
  // bench/catalog).
  std::vector<SearchHit> Search(std::string_view query, std::size_t limit = 20) const;

  std::size_t size() const { return codes_.size(); }

 private:
  struct Entry {
    std::uint32_t name_begin = 0, name_end = 0;    // into token_ids_: the name's words
    std::uint32_t other_begin = 0, other_end = 0;  // group and lĩnh vực words
    std::uint32_t skip = 0;                        // leading "thu tuc" words of the name (0 or 2)
  };
  std::vector<std::string> vocabulary_;  // sorted, unique folded words
  std::vector<std::uint32_t> token_ids_;  // word ids (positions in vocabulary_), per entry ranges
  std::vector<Entry> entries_;
  std::vector<std::string> codes_;
  // Postings: the entries holding word id w (in name, group or lĩnh vực) are
  // posting_entries_[posting_begin_[w] .. posting_begin_[w + 1]), ascending. Search scores only the
  // entries holding a match for its most selective word: every word is required anyway.
  std::vector<std::uint32_t> posting_begin_;
  std::vector<std::uint32_t> posting_entries_;
};

// The folded words of `text` (FoldForSearch, split on spaces). Exposed for tests and tools.
std::vector<std::string> SearchWords(std::string_view text);

}  // namespace motcua::catalog
