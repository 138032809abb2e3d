// build/bin/bench_catalog [catalog.json]: median time of one CatalogIndex::Search over 2,000
// procedures, against the naive baseline measured in the same run (folding every name, group and
// lĩnh vực at query time: tests/catalog/search_reference.h, which must return the same hits).
//
// The 2,000 procedures are the 107 of the sample catalog, varied systematically: the originals,
// then copies whose names gain a real prefix ("Cấp lại ", "Gia hạn ", ...) and/or a real suffix
// (" có yếu tố nước ngoài", " (thực hiện tại cấp xã)", ...) taken from names in the catalog, with
// fresh codes of the same shape. Queries are what a citizen or officer types: 1-4 words, with and
// without diacritics, partial last words, codes and code prefixes. Target: median <= 1 ms.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog_json.h"
#include "catalog/search.h"
#include "catalog/search_reference.h"

namespace {

using motcua::catalog::CatalogIndex;
using motcua::catalog::Procedure;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kProcedures = 2000;
constexpr std::size_t kLimit = 20;  // what the kiosk list shows

const char* const kPrefixes[] = {"Cấp lại ", "Gia hạn ", "Cấp đổi ", "Điều chỉnh ", "Xác nhận "};
const char* const kSuffixes[] = {" có yếu tố nước ngoài",        " (thực hiện tại cấp xã)",
                                 " (thực hiện tại cấp tỉnh)",    " cho người dưới 14 tuổi",
                                 " bằng dịch vụ công trực tuyến", " đối với tổ chức",
                                 " trong trường hợp bị mất",     " cho hộ gia đình, cá nhân",
                                 " theo yêu cầu của cá nhân",    " liên thông với đăng ký thường trú"};

std::vector<Procedure> Grow(const std::vector<Procedure>& base) {
  std::vector<Procedure> out;
  std::set<std::string> codes;
  for (std::size_t v = 0; out.size() < kProcedures; ++v) {
    for (std::size_t i = 0; i < base.size() && out.size() < kProcedures; ++i) {
      Procedure p = base[i];
      if (v > 0) {
        if (v % 3 != 2) p.name = p.name + kSuffixes[(v + i) % std::size(kSuffixes)];
        if (v % 3 != 0) p.name = kPrefixes[(v + i) % std::size(kPrefixes)] + p.name;
        int tail = std::stoi(p.code.substr(2));
        do {
          tail = (tail + 7919) % 1000000;
          char code[16];
          std::snprintf(code, sizeof code, "%c.%06d", p.code[0], tail);
          p.code = code;
        } while (codes.count(p.code));
      }
      codes.insert(p.code);
      out.push_back(std::move(p));
    }
  }
  return out;
}

const char* const kQueries[] = {
    "khai sinh",          "thuong tru",          "Đăng ký thường trú",      "dang ky thu",
    "giấy phép xây dựng", "giay phep lai xe",    "chung thuc ban sao",      "ho kinh doanh",
    "cap lai",            "tach thua",           "bảo hiểm xã hội",         "tro cap",
    "căn cước",           "1.001193",            "2.0008",                  "ket hon co yeu to nuoc",
    "xac nhan tinh trang hon nhan", "đất đai",  "cap doi giay chung nhan", "tam tru",
    "karaoke",            "hộ nghèo",            "le hoi",                  "dang ky xe"};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}
double MicrosSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : std::string(MOTCUA_ASSETS_DIR) + "/catalog/catalog.json";
  auto loaded = motcua::catalog::LoadCatalogFile(path);
  if (!loaded) {
    std::fprintf(stderr, "bench_catalog: %s\n", loaded.error().Describe().c_str());
    return 2;
  }
  const std::vector<Procedure> procedures = Grow(*loaded);
  std::printf("bench_catalog: %zu procedures (from %zu in %s), %zu queries, limit %zu\n", procedures.size(),
              loaded->size(), path.c_str(), std::size(kQueries), kLimit);

  std::vector<double> build_us;
  for (int i = 0; i < 5; ++i) {
    auto t0 = Clock::now();
    CatalogIndex index(procedures);
    build_us.push_back(MicrosSince(t0));
    if (index.size() != procedures.size()) return 1;
  }
  const CatalogIndex index(procedures);

  // Same hits from both, or the comparison means nothing.
  std::size_t total_hits = 0;
  for (const char* q : kQueries) {
    auto a = index.Search(q, kLimit);
    auto b = motcua::catalog::testing::ReferenceSearch(procedures, q, kLimit);
    if (a != b) {
      std::fprintf(stderr, "bench_catalog: index and baseline disagree on \"%s\"\n", q);
      return 1;
    }
    total_hits += a.size();
  }

  // Interleaved rounds so both see the same machine load; the baseline is much slower, so it runs
  // fewer rounds.
  constexpr int kIndexRounds = 200, kBaselineRounds = 5;
  std::vector<double> index_us, baseline_us;
  std::vector<std::vector<double>> per_query(std::size(kQueries));
  std::size_t sink = 0;
  for (int round = 0; round < kIndexRounds; ++round) {
    for (std::size_t q = 0; q < std::size(kQueries); ++q) {
      auto t0 = Clock::now();
      sink += index.Search(kQueries[q], kLimit).size();
      const double us = MicrosSince(t0);
      index_us.push_back(us);
      per_query[q].push_back(us);
    }
    if (round < kBaselineRounds) {
      for (const char* q : kQueries) {
        auto t0 = Clock::now();
        sink += motcua::catalog::testing::ReferenceSearch(procedures, q, kLimit).size();
        baseline_us.push_back(MicrosSince(t0));
      }
    }
  }

  const double index_median = Median(index_us), baseline_median = Median(baseline_us);
  std::printf("index build (2,000 procedures): median %.0f us over %zu builds\n", Median(build_us), build_us.size());
  std::printf("hits returned per query: %.1f on average; index and baseline agree on all queries\n",
              static_cast<double>(total_hits) / static_cast<double>(std::size(kQueries)));
  std::printf("\n%-32s %12s\n", "query", "median us");
  for (std::size_t q = 0; q < std::size(kQueries); ++q) {
    std::string shown = kQueries[q];
    std::size_t width = 0;  // code points: printf pads by bytes
    for (unsigned char c : shown) width += (c & 0xC0) != 0x80;
    if (width < 32) shown.append(32 - width, ' ');
    std::printf("%s %12.1f\n", shown.c_str(), Median(per_query[q]));
  }
  std::printf("\nBM_Search_By_Index         median %10.1f us  p90 %10.1f us  (%zu searches)\n", index_median,
              Percentile(index_us, 0.9), index_us.size());
  std::printf("BM_Search_By_FoldEachName  median %10.1f us  p90 %10.1f us  (%zu searches)\n", baseline_median,
              Percentile(baseline_us, 0.9), baseline_us.size());
  std::printf("ratio baseline/index: %.1fx; target median <= 1000 us: %s\n", baseline_median / index_median,
              index_median <= 1000.0 ? "met" : "NOT met");
  return sink == 0 ? 1 : 0;
}
