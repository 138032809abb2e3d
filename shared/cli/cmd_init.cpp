// motcua init: create (or upgrade) the database, the center key and the settings, and load the
// sample catalog. Safe to run again: existing settings are kept unless given on the command line.
#include <ostream>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.h"
#include "cli/session.h"
#include "codes/dossier_code.h"
#include "codes/receipt_token.h"

namespace motcua::cli {
namespace {

namespace fs = std::filesystem;

int RunInit(Context& ctx, Args& args) {
  struct Option {
    const char* flag;
    const char* key;
    const char* fallback;
  };
  const Option options[] = {
      {"agency", "agency_id", kSampleAgencyId},
      {"agency-name", "agency_name", kSampleAgencyName},
      {"unit", "receiving_unit", kSampleReceivingUnit},
      {"slot", "station_slot", "0"},
      {"slots", "slot_count", "10"},
      {"supplement-policy", "supplement_policy", "restart"},
      {"calendar-profile", "calendar_profile", "default"},
  };
  std::vector<std::pair<const Option*, std::optional<std::string>>> given;
  for (const Option& o : options) {
    auto v = args.Flag(o.flag);
    if (!v) return ReportError(ctx, v.error());
    given.emplace_back(&o, *v);
  }
  const bool no_catalog = args.Switch("no-catalog");
  if (auto rest = args.Positional(); !rest || !rest->empty())
    return ReportError(ctx, rest ? Invalid("arguments", "unexpected", "unexpected argument " + rest->front()) : rest.error());

  for (auto& [o, v] : given) {
    if (!v) continue;
    if (std::string(o->key) == "agency_id") {
      if (auto s = codes::ValidateAgencyIdentifier(*v, "agency"); !s) return ReportError(ctx, s.error());
    } else if (std::string(o->key) == "supplement_policy" && *v != "restart" && *v != "shift") {
      return ReportError(ctx, Invalid("supplement-policy", "bad_value", "expected restart or shift"));
    } else if (std::string(o->key) == "station_slot" || std::string(o->key) == "slot_count") {
      if (v->empty() || v->find_first_not_of("0123456789") != std::string::npos)
        return ReportError(ctx, Invalid(o->flag, "not_a_number", std::string("--") + o->flag + " takes a number"));
    }
  }

  std::error_code ec;
  fs::create_directories(DbDir(ctx), ec);
  if (ec) return ReportError(ctx, Unavailable("db", "cannot_create_directory", DbDir(ctx).string() + ": " + ec.message()));
  auto store = store::OpenSqliteStore(ctx.db_path);
  if (!store) return ReportError(ctx, store.error());
  if (auto key = codes::LoadOrCreateCenterKey(CenterKeyPath(ctx)); !key) return ReportError(ctx, key.error());

  std::vector<catalog::Procedure> procedures;
  const fs::path catalog_file = fs::path(ctx.assets_dir) / "catalog" / "catalog.json";
  auto existing = (*store)->LoadProcedures();
  if (!existing) return ReportError(ctx, existing.error());
  if (!no_catalog && existing->empty()) {
    auto loaded = catalog::LoadCatalogFile(catalog_file);
    if (!loaded) return ReportError(ctx, loaded.error());
    procedures = std::move(*loaded);
  }

  nlohmann::json changed = nlohmann::json::object();
  Status s = (*store)->Write([&](store::WriteTx& tx) -> Status {
    for (auto& [o, v] : given) {
      MOTCUA_ASSIGN_OR_RETURN(auto current, (*store)->GetSetting(o->key));
      if (v || !current) {
        const std::string value = v ? *v : o->fallback;
        MOTCUA_TRY(tx.PutSetting(o->key, value));
        changed[o->key] = value;
      }
    }
    for (const auto& p : procedures) MOTCUA_TRY(tx.UpsertProcedure(p));
    if (!procedures.empty()) changed["catalog_procedures"] = procedures.size();
    if (changed.empty()) return Ok();
    auto e = tx.AppendEvent({"station.initialised", "", ctx.actor, ctx.station, ctx.Now(), changed.dump()});
    if (!e) return e.error();
    return Ok();
  });
  if (!s) return ReportError(ctx, s.error());

  auto agency = (*store)->GetSetting("agency_id");
  auto count = (*store)->LoadProcedures();
  if (ctx.json) {
    *ctx.out << nlohmann::json{{"db", ctx.db_path},
                               {"agency_id", agency && *agency ? **agency : ""},
                               {"procedures", count ? count->size() : 0}}
                    .dump()
             << "\n";
  } else {
    *ctx.out << "database: " << ctx.db_path << "\n"
             << "agency identifier: " << (agency && *agency ? **agency : "") << "\n"
             << "procedures in the catalog: " << (count ? count->size() : 0) << "\n";
    if (agency && *agency && **agency == kSampleAgencyId)
      *ctx.out << "note: " << kSampleAgencyId
               << " is a placeholder; set the receiving agency's real identifier with `motcua init --agency`\n";
  }
  return kExitOk;
}

}  // namespace

MOTCUA_CLI_COMMAND("init",
                   "init [--agency ID] [--agency-name NAME] [--unit NAME] [--slot N] [--slots N] "
                   "[--supplement-policy restart|shift] [--calendar-profile NAME] [--no-catalog]",
                   "create or upgrade the database, the center key and settings; load the sample catalog",
                   RunInit);

}  // namespace motcua::cli
