// motcua catalog import FILE | catalog search TEXT | catalog list
#include <ostream>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.h"
#include "catalog/search.h"
#include "cli/session.h"
#include "common/crypto.h"
#include "common/files.h"
#include "common/number_parse.h"

namespace motcua::cli {
namespace {

using nlohmann::json;

std::string DurationText(const catalog::Procedure& p) {
  if (p.processing.no_due_date) return "no due date";
  return p.processing.standard ? calendar::FormatDuration(*p.processing.standard) : "-";
}

int Import(Context& ctx, Session& s, const std::string& file) {
  if (auto allowed = workflow::Require(s.actor, workflow::Permission::kManageCatalog); !allowed)
    return ReportError(ctx, allowed.error());
  auto text = ReadFile(file, "file", kMaxCatalogFileBytes);
  if (!text) return ReportError(ctx, text.error());
  auto procedures = catalog::ParseCatalogJson(*text);
  if (!procedures) return ReportError(ctx, procedures.error());
  Status st = s.store->Write([&](store::WriteTx& tx) -> Status {
    for (const auto& p : *procedures) MOTCUA_TRY(tx.UpsertProcedure(p));
    json payload = {{"file", file}, {"sha256", ToHex(Sha256(*text))}, {"procedures", procedures->size()}};
    auto e = tx.AppendEvent({"catalog.imported", "", s.actor.user, s.actor.station, ctx.Now(), DumpJson(payload)});
    if (!e) return e.error();
    return Ok();
  });
  if (!st) return ReportError(ctx, st.error());
  if (ctx.json) PrintJson(ctx, json{{"imported", procedures->size()}});
  else *ctx.out << "imported " << procedures->size() << " procedures from " << file << "\n";
  return kExitOk;
}

int Search(Context& ctx, Session& s, const std::string& query, int limit) {
  auto procedures = s.store->LoadProcedures();
  if (!procedures) return ReportError(ctx, procedures.error());
  catalog::CatalogIndex index(*procedures);
  auto hits = index.Search(query, static_cast<std::size_t>(limit));
  json list = json::array();
  for (const auto& h : hits) {
    const auto& p = (*procedures)[h.index];
    if (ctx.json)
      list.push_back({{"code", p.code}, {"name", p.name}, {"group", p.group}, {"duration", DurationText(p)},
                      {"score", h.score}});
    else
      *ctx.out << p.code << "  " << p.name << "  [" << DurationText(p) << "]\n";
  }
  if (ctx.json) PrintJson(ctx, list);
  else if (hits.empty()) *ctx.out << "no procedure matches \"" << query << "\"\n";
  return kExitOk;
}

int RunCatalog(Context& ctx, Args& args) {
  if (args.Switch("json")) ctx.json = true;
  auto limit_flag = args.Flag("limit");
  if (!limit_flag) return ReportError(ctx, limit_flag.error());
  const std::optional<int> limit = *limit_flag ? ParseDigits<int>(**limit_flag, {.max_digits = 9}) : 20;
  if (!limit) return ReportError(ctx, Invalid("limit", "not_a_number", "--limit takes a number"));
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  const std::string sub = rest->empty() ? "" : (*rest)[0];
  if ((sub != "import" && sub != "search" && sub != "list") || (sub != "list" && rest->size() < 2))
    return ReportError(ctx, Invalid("subcommand", "missing", "usage: motcua catalog import FILE | search TEXT | list"));
  auto session = sub == "import" ? OpenSessionAs(ctx) : OpenSession(ctx);
  if (!session) return ReportError(ctx, session.error());
  if (sub == "import") return Import(ctx, **session, (*rest)[1]);
  if (sub == "list") {
    auto procedures = (*session)->store->LoadProcedures();
    if (!procedures) return ReportError(ctx, procedures.error());
    for (const auto& p : *procedures) *ctx.out << p.code << "  " << p.name << "  [" << DurationText(p) << "]\n";
    return kExitOk;
  }
  std::string query;
  for (std::size_t i = 1; i < rest->size(); ++i) query += (i > 1 ? " " : "") + (*rest)[i];
  return Search(ctx, **session, query, *limit);
}

}  // namespace

MOTCUA_CLI_COMMAND("catalog", "catalog import FILE --as ADMIN | catalog search TEXT [--limit N] | catalog list",
                   "import procedures (JSON, assets/catalog/README.md), search them ignoring diacritics and "
                   "case, or list them",
                   RunCatalog);

}  // namespace motcua::cli
