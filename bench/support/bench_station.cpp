#include "support/bench_station.h"

#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "auth/accounts.h"
#include "catalog/catalog_json.h"
#include "codes/receipt_token.h"

namespace motcua::bench {

namespace fs = std::filesystem;

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[v.size() / 2];
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "motcua-bench-XXXXXX").string();
  path = ::mkdtemp(tmpl.data());
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

void Die(const char* program, const char* what, const Error& e) {
  std::fprintf(stderr, "%s: %s: %s\n", program, what, e.Describe().c_str());
  std::exit(1);
}

std::unique_ptr<store::Store> PopulateStation(const char* program, const fs::path& dir, Instant now,
                                              std::span<const std::pair<const char*, const char*>> settings) {
  Result<std::unique_ptr<store::Store>> st =
      store::OpenSqliteStore((dir / "motcua.db").string(), {.synchronous_full = false});
  if (!st.has_value()) Die(program, "store", st.error());
  store::Store& s = **st;
  Result<std::vector<catalog::Procedure>> cat =
      catalog::LoadCatalogFile(fs::path(MOTCUA_ASSETS_DIR) / "catalog" / "catalog.json");
  if (!cat.has_value()) Die(program, "catalog", cat.error());
  Status w = s.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.PutSetting("agency_id", "000.00.00.H56"));
    MOTCUA_TRY(tx.PutSetting("receiving_unit", "Trung tâm Phục vụ hành chính công tỉnh"));
    MOTCUA_TRY(tx.PutSetting("auth.argon2_opslimit", "1"));
    MOTCUA_TRY(tx.PutSetting("auth.argon2_memlimit_bytes", "8192"));
    for (const auto& [key, value] : settings) MOTCUA_TRY(tx.PutSetting(key, value));
    for (const catalog::Procedure& p : *cat) MOTCUA_TRY(tx.UpsertProcedure(p));
    auto e = tx.AppendEvent({"station.initialised", "", "station:bench", "bench", now, "{}"});
    if (!e) return e.error();
    return Ok();
  });
  if (!w.has_value()) Die(program, "settings", w.error());
  if (auto key = codes::LoadOrCreateCenterKey(dir / "center.key"); !key.has_value()) Die(program, "center key", key.error());
  Result<auth::AuthSettings> policy = auth::LoadAuthSettings(s);
  if (!policy.has_value()) Die(program, "policy", policy.error());
  if (auto a = auth::BootstrapAdmin(s, {"quan.tri", "Quản Trị", roles::Role::kAdmin, ""}, kPassword, now, *policy);
      !a.has_value())
    Die(program, "admin", a.error());
  if (auto a = auth::AddUser(s, {"quan.tri", roles::Role::kAdmin, "bench"},
                             {"nguyen.van.an", "Nguyễn Văn An", roles::Role::kOfficer, ""}, kPassword, now, *policy);
      !a.has_value())
    Die(program, "officer", a.error());
  return std::move(*st);
}

}  // namespace motcua::bench
