#include "cli/session.h"

#include <fstream>
#include <sstream>

#include "codes/receipt_token.h"

namespace motcua::cli {
namespace fs = std::filesystem;

fs::path DbDir(const Context& ctx) {
  fs::path dir = fs::path(ctx.db_path).parent_path();
  return dir.empty() ? fs::path(".") : dir;
}
fs::path CenterKeyPath(const Context& ctx) { return DbDir(ctx) / "center.key"; }
fs::path FilesRoot(const Context& ctx) { return DbDir(ctx) / "files"; }

Result<std::string> ReadFile(const fs::path& path, std::string_view field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Invalid(std::string(field), "cannot_read", "cannot open " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::unique_ptr<Session>> OpenSession(const Context& ctx) {
  std::error_code ec;
  if (!fs::exists(ctx.db_path, ec))
    return NotFound("db", "database_missing", "no database at " + ctx.db_path + "; run `motcua init` first");
  auto session = std::make_unique<Session>();
  MOTCUA_ASSIGN_OR_RETURN(session->store, store::OpenSqliteStore(ctx.db_path, {.create_if_missing = false}));
  auto setting = [&](const char* key, const char* fallback) -> Result<std::string> {
    MOTCUA_ASSIGN_OR_RETURN(auto v, session->store->GetSetting(key));
    return v ? *v : std::string(fallback);
  };
  workflow::DeskSettings& s = session->desk.settings;
  MOTCUA_ASSIGN_OR_RETURN(s.agency_id, setting("agency_id", kSampleAgencyId));
  MOTCUA_ASSIGN_OR_RETURN(s.agency_name, setting("agency_name", kSampleAgencyName));
  MOTCUA_ASSIGN_OR_RETURN(s.receiving_unit, setting("receiving_unit", kSampleReceivingUnit));
  MOTCUA_ASSIGN_OR_RETURN(std::string slot, setting("station_slot", "0"));
  MOTCUA_ASSIGN_OR_RETURN(std::string slots, setting("slot_count", "10"));
  MOTCUA_ASSIGN_OR_RETURN(std::string policy, setting("supplement_policy", "restart"));
  MOTCUA_ASSIGN_OR_RETURN(std::string profile, setting("calendar_profile", "default"));
  // Until next year's official schedule is added to assets/calendar, due dates that reach into it
  // skip weekends only and are flagged provisional, rather than refusing the dossier.
  MOTCUA_ASSIGN_OR_RETURN(std::string provisional, setting("calendar_provisional_beyond_data", "true"));
  try {
    s.station_slot = std::stoi(slot);
    s.slot_count = std::stoi(slots);
  } catch (...) {
    return Corrupt("settings", "bad_setting", "station_slot / slot_count are not numbers");
  }
  s.supplement_policy = policy == "shift" ? workflow::SupplementPolicy::kShift : workflow::SupplementPolicy::kRestart;

  const fs::path assets(ctx.assets_dir);
  MOTCUA_ASSIGN_OR_RETURN(auto cal, calendar::LoadCalendar(assets / "calendar", {.profile = profile, .weekdays_beyond_coverage = provisional == "true"}));
  session->calendar.emplace(std::move(cal));
  MOTCUA_ASSIGN_OR_RETURN(session->status_map, dossier::LoadStatusMap(assets / "dvc" / "status-map.json"));
  MOTCUA_ASSIGN_OR_RETURN(session->desk.center_key, codes::LoadOrCreateCenterKey(CenterKeyPath(ctx)));
  session->desk.store = session->store.get();
  session->desk.calendar = &*session->calendar;
  session->desk.files_root = FilesRoot(ctx);
  // The CLI is the administrator's tool.
  session->actor = {ctx.actor, workflow::Role::kAdmin, ctx.station};
  return session;
}

}  // namespace motcua::cli
