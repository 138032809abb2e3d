#include "catalog/search.h"

#include <algorithm>
#include <limits>

#include "common/text.h"

namespace motcua::catalog {
namespace {

constexpr std::uint32_t kNoId = std::numeric_limits<std::uint32_t>::max();
constexpr std::int64_t kKindWeight = 1'000'000'000'000;
constexpr std::int64_t kPhraseWeight = 100'000'000'000;
constexpr std::int64_t kStartWeight = 10'000'000'000;
constexpr std::int64_t kWholeWeight = 100'000'000;
constexpr std::int64_t kMaxLength = 9999;

// The vocabulary ids a query word matches: [lo, hi) are the words it is a prefix of (itself
// included); whole is its own id, or kNoId when it is not a word of the catalog.
struct WordRange {
  std::uint32_t lo = 0, hi = 0, whole = kNoId;
  bool Matches(std::uint32_t id) const { return id >= lo && id < hi; }
  int Grade(std::uint32_t id) const { return id == whole ? 2 : (Matches(id) ? 1 : 0); }
};

// A code query: digits with at most one dot ("1.001193", "2.0008", "001193").
bool IsCodeQuery(std::string_view q) {
  if (q.empty()) return false;
  int dots = 0;
  bool digit = false;
  for (char c : q) {
    if (c == '.') ++dots;
    else if (c >= '0' && c <= '9') digit = true;
    else return false;
  }
  return digit && dots <= 1;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> words;
  std::string folded = FoldForSearch(text);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.emplace_back(folded, start, end - start);
    start = end + 1;
  }
  return words;
}

CatalogIndex::CatalogIndex(const std::vector<Procedure>& procedures) {
  std::vector<std::vector<std::string>> names, others;
  names.reserve(procedures.size());
  others.reserve(procedures.size());
  for (const Procedure& p : procedures) {
    names.push_back(SearchWords(p.name));
    std::vector<std::string> other = SearchWords(p.group);
    for (std::string& w : SearchWords(p.field_name)) other.push_back(std::move(w));
    others.push_back(std::move(other));
    for (const std::string& w : names.back()) vocabulary_.push_back(w);
    for (const std::string& w : others.back()) vocabulary_.push_back(w);
  }
  std::sort(vocabulary_.begin(), vocabulary_.end());
  vocabulary_.erase(std::unique(vocabulary_.begin(), vocabulary_.end()), vocabulary_.end());
  auto id_of = [&](const std::string& w) {
    return static_cast<std::uint32_t>(std::lower_bound(vocabulary_.begin(), vocabulary_.end(), w) -
                                      vocabulary_.begin());
  };
  entries_.reserve(procedures.size());
  codes_.reserve(procedures.size());
  for (std::size_t i = 0; i < procedures.size(); ++i) {
    Entry e;
    e.name_begin = static_cast<std::uint32_t>(token_ids_.size());
    for (const std::string& w : names[i]) token_ids_.push_back(id_of(w));
    e.name_end = static_cast<std::uint32_t>(token_ids_.size());
    for (const std::string& w : others[i]) token_ids_.push_back(id_of(w));
    e.other_end = static_cast<std::uint32_t>(token_ids_.size());
    e.other_begin = e.name_end;
    const auto& n = names[i];
    e.skip = (n.size() > 2 && n[0] == "thu" && n[1] == "tuc") ? 2 : 0;
    entries_.push_back(e);
    codes_.push_back(procedures[i].code);
  }

  // Postings in CSR form: count, prefix-sum, fill (entries ascend because i does).
  posting_begin_.assign(vocabulary_.size() + 1, 0);
  std::vector<std::uint32_t> ids;
  auto entry_ids = [&](const Entry& e) {
    ids.assign(token_ids_.begin() + e.name_begin, token_ids_.begin() + e.other_end);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  };
  for (const Entry& e : entries_) {
    entry_ids(e);
    for (std::uint32_t id : ids) ++posting_begin_[id + 1];
  }
  for (std::size_t w = 0; w < vocabulary_.size(); ++w) posting_begin_[w + 1] += posting_begin_[w];
  posting_entries_.resize(posting_begin_.back());
  std::vector<std::uint32_t> fill(posting_begin_.begin(), posting_begin_.end() - 1);
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    entry_ids(entries_[i]);
    for (std::uint32_t id : ids) posting_entries_[fill[id]++] = i;
  }
}

std::vector<SearchHit> CatalogIndex::Search(std::string_view query, std::size_t limit) const {
  std::vector<SearchHit> hits;
  std::vector<bool> taken(entries_.size(), false);

  const std::string_view trimmed = Trim(query);
  if (IsCodeQuery(trimmed)) {
    const bool tail = trimmed.find('.') == std::string_view::npos && trimmed.size() >= 3;
    for (std::size_t i = 0; i < codes_.size(); ++i) {
      const std::string& code = codes_[i];
      MatchKind kind;
      if (code == trimmed) kind = MatchKind::kCodeExact;
      else if (StartsWith(code, trimmed) || (tail && code.size() > 2 && StartsWith(std::string_view(code).substr(2), trimmed)))
        kind = MatchKind::kCodePrefix;
      else continue;
      hits.push_back({i, code, static_cast<std::int64_t>(kind) * kKindWeight, kind});
      taken[i] = true;
    }
  }

  std::vector<std::string> words = SearchWords(query);
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  std::vector<WordRange> ranges;
  ranges.reserve(words.size());
  bool all_known = !words.empty();
  for (const std::string& w : words) {
    auto lo = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), w);
    auto hi = std::partition_point(lo, vocabulary_.end(), [&](const std::string& v) { return StartsWith(v, w); });
    WordRange r;
    r.lo = static_cast<std::uint32_t>(lo - vocabulary_.begin());
    r.hi = static_cast<std::uint32_t>(hi - vocabulary_.begin());
    if (lo != hi && *lo == w) r.whole = r.lo;
    if (r.lo == r.hi) all_known = false;  // some word matches nothing: no text hit is possible
    ranges.push_back(r);
  }

  if (all_known) {
    // Candidates: the entries holding some word in the range of the most selective query word.
    std::size_t best_word = 0, best_count = std::numeric_limits<std::size_t>::max();
    for (std::size_t k = 0; k < ranges.size(); ++k) {
      const std::size_t count = posting_begin_[ranges[k].hi] - posting_begin_[ranges[k].lo];
      if (count < best_count) best_count = count, best_word = k;
    }
    const WordRange& sel = ranges[best_word];
    std::vector<std::uint32_t> candidates(posting_entries_.begin() + posting_begin_[sel.lo],
                                          posting_entries_.begin() + posting_begin_[sel.hi]);
    if (sel.hi - sel.lo > 1) {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    }

    const std::size_t m = ranges.size();
    std::vector<int> in_name(m), in_other(m);
    for (std::uint32_t i : candidates) {
      if (taken[i]) continue;
      const Entry& e = entries_[i];
      const std::uint32_t* name = token_ids_.data() + e.name_begin;
      const std::uint32_t n = e.name_end - e.name_begin;
      bool all_in_name = true, hit = true;
      for (std::size_t k = 0; k < m && hit; ++k) {
        int best = 0;
        for (std::uint32_t t = 0; t < n && best < 2; ++t) best = std::max(best, ranges[k].Grade(name[t]));
        in_name[k] = best;
        int other = 0;
        if (best < 2) {
          for (std::uint32_t t = e.other_begin; t < e.other_end && other < 2; ++t) {
            other = std::max(other, ranges[k].Grade(token_ids_[t]));
          }
        }
        in_other[k] = other;
        if (best == 0) all_in_name = false;
        if (best == 0 && other == 0) hit = false;
      }
      if (!hit) continue;

      std::int64_t whole = 0;
      for (std::size_t k = 0; k < m; ++k) {
        whole += (in_name[k] == 2 || (!all_in_name && in_other[k] == 2)) ? 1 : 0;
      }
      MatchKind kind = all_in_name ? MatchKind::kName : MatchKind::kGroupOrField;
      std::int64_t phrase = 0, at_start = 0;
      if (all_in_name) {
        for (std::uint32_t j = 0; j + m <= n && !phrase; ++j) {
          bool ok = true;
          for (std::size_t k = 0; k < m && ok; ++k) {
            ok = (k + 1 < m) ? name[j + k] == ranges[k].whole : ranges[k].Matches(name[j + k]);
          }
          phrase = ok ? 1 : 0;
        }
        at_start = (n > 0 && ranges[0].Matches(name[0])) || (n > e.skip && ranges[0].Matches(name[e.skip])) ? 1 : 0;
      }
      const std::int64_t length = std::min<std::int64_t>(n - e.skip, kMaxLength);
      const std::int64_t score = static_cast<std::int64_t>(kind) * kKindWeight + phrase * kPhraseWeight +
                                 at_start * kStartWeight + whole * kWholeWeight + (kMaxLength - length);
      hits.push_back({i, codes_[i], score, kind});
    }
  }

  auto better = [](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.code != b.code) return a.code < b.code;
    return a.index < b.index;
  };
  if (limit != 0 && limit < hits.size()) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit), hits.end(), better);
    hits.resize(limit);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

}  // namespace motcua::catalog
