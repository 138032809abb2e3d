#include "cli/session.h"

#include <libpq-fe.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "auth/login.h"
#include "codes/receipt_token.h"
#include "common/files.h"
#include "workflow/desk_settings.h"

namespace motcua::cli {
namespace fs = std::filesystem;

bool IsCenter(const Context& ctx) { return store::IsCenterLocation(ctx.db_path); }

std::string DatabaseName(const Context& ctx) {
  if (!IsCenter(ctx)) return ctx.db_path;
  // libpq's own parser, so the words read are exactly those libpq would use; only the host list, the
  // ports and the database name are kept (never user, password or other words).
  char* why = nullptr;
  PQconninfoOption* options = PQconninfoParse(ctx.db_path.c_str(), &why);
  if (why) PQfreemem(why);
  if (!options) return "the center database (its connection string cannot be read)";
  std::string host, hostaddr, port, dbname;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    const std::string key = o->keyword;
    if (key == "host") host = o->val;
    else if (key == "hostaddr") hostaddr = o->val;
    else if (key == "port") port = o->val;
    else if (key == "dbname") dbname = o->val;
  }
  PQconninfoFree(options);
  std::string hosts = !host.empty() ? host : !hostaddr.empty() ? hostaddr : "the default host";
  if (!port.empty()) hosts += " port " + port;
  return "the center database on " + hosts + (dbname.empty() ? "" : " (" + dbname + ")");
}

fs::path DbDir(const Context& ctx) {
  if (IsCenter(ctx)) return ctx.data_dir.empty() ? fs::path(".") : fs::path(ctx.data_dir);
  fs::path dir = fs::path(ctx.db_path).parent_path();
  return dir.empty() ? fs::path(".") : dir;
}
fs::path CenterKeyPath(const Context& ctx) { return DbDir(ctx) / "center.key"; }
fs::path FilesRoot(const Context& ctx) { return DbDir(ctx) / "files"; }

Result<std::string> ReadFile(const fs::path& path, std::string_view field, std::int64_t max_bytes) {
  return ReadRegularFile(path, field, max_bytes);
}

Result<bool> IsDemoDatabase(store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(auto v, store.GetSetting(kDemoDatabaseSetting));
  return v && *v == "true";
}

Status CheckClockOverride(const Context& ctx, store::Store& store) {
  if (!ctx.now) return Ok();
  MOTCUA_ASSIGN_OR_RETURN(bool demo, IsDemoDatabase(store));
  if (demo) return Ok();
  return Invalid("now", "not_a_demo_database",
                 "--now sets the clock only on a database created for demos and tests (motcua init --demo); "
                 "this one keeps real time");
}

Result<std::string> ReadSecretLine(Context& ctx, const std::string& prompt, std::string_view field) {
  const bool tty = ::isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (tty) {
    *ctx.err << prompt << std::flush;
    if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
      termios quiet = saved;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (tty) {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    *ctx.err << "\n";
  }
  if (!got)
    return Invalid(std::string(field), "required",
                   "no password: set $MOTCUA_PASSWORD or give it on standard input (see motcua help)");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

Result<workflow::Actor> SignIn(Context& ctx, store::Store& store) {
  if (ctx.as.empty())
    return Invalid("as", "required",
                   "this command changes data: name the signed-in account with --as USER (its password from "
                   "$MOTCUA_PASSWORD or standard input)");
  MOTCUA_TRY(CheckClockOverride(ctx, store));
  MOTCUA_ASSIGN_OR_RETURN(auth::AuthSettings settings, auth::LoadAuthSettings(store, {.station = ctx.station}));
  std::string password;
  if (const char* env = std::getenv("MOTCUA_PASSWORD"); env && *env) {
    password = env;
  } else {
    MOTCUA_ASSIGN_OR_RETURN(password, ReadSecretLine(ctx, "password for " + ctx.as + ": ", "password"));
  }
  auto account = auth::Login(store, ctx.as, password, ctx.Now(), settings);
  std::fill(password.begin(), password.end(), '\0');
  if (!account) return account.error();
  return workflow::Actor{account->user_name, account->role, ctx.station};
}

Result<std::unique_ptr<store::Store>> OpenDatabase(const Context& ctx, bool create) {
  std::error_code ec;
  if (!IsCenter(ctx)) {
    if (!create && !fs::exists(ctx.db_path, ec))
      return NotFound("db", "database_missing", "no database at " + ctx.db_path + "; run `motcua init` first");
    return store::Open(ctx.db_path, {.create_if_missing = create});
  }
  const std::string missing = DatabaseName(ctx) + " holds no motcua data yet; run `motcua --db ... init` first";
  // Opening an empty journal makes a chain key in the data directory; a station that only looked must
  // not keep one, or it would disagree with the key of the station that then runs init.
  const fs::path chain_key = DbDir(ctx) / "center.chain-key";
  const bool had_key = fs::exists(chain_key, ec);
  auto opened = store::Open(ctx.db_path, {.create_if_missing = create, .files_dir = DbDir(ctx).string()});
  if (!opened) {
    if (!create && opened.error().rule == "schema_missing") return NotFound("db", "database_missing", missing);
    return opened.error();
  }
  if (create) return opened;
  MOTCUA_ASSIGN_OR_RETURN(store::JournalHead head, (*opened)->Head());
  if (head.seq > 0) return opened;
  opened->reset();
  if (!had_key) fs::remove(chain_key, ec);
  return NotFound("db", "database_missing", missing);
}

Result<std::unique_ptr<Session>> OpenSession(const Context& ctx) {
  auto session = std::make_unique<Session>();
  MOTCUA_ASSIGN_OR_RETURN(session->store, OpenDatabase(ctx, /*create=*/false));
  store::Store& db = *session->store;
  MOTCUA_ASSIGN_OR_RETURN(workflow::StationSettings settings,
                          workflow::ParseStationSettings([&](std::string_view key) { return db.GetSetting(key); }));
  session->desk.settings = settings.desk;

  const fs::path assets(ctx.assets_dir);
  MOTCUA_ASSIGN_OR_RETURN(auto cal, calendar::LoadCalendar(assets / "calendar",
                                                           {.profile = settings.calendar_profile,
                                                            .weekdays_beyond_coverage =
                                                                settings.calendar_provisional_beyond_data}));
  session->calendar.emplace(std::move(cal));
  MOTCUA_ASSIGN_OR_RETURN(session->status_map, dossier::LoadStatusMap(assets / "dvc" / "status-map.json"));
  // Read-only verbs need no center key; a verb that writes does (OpenSessionAs).
  auto key = codes::LoadCenterKey(CenterKeyPath(ctx));
  if (key) session->desk.center_key = std::move(*key);
  else if (key.error().code != ErrorCode::kNotFound) return key.error();
  session->desk.store = session->store.get();
  session->desk.calendar = &*session->calendar;
  session->desk.files_root = FilesRoot(ctx);
  MOTCUA_ASSIGN_OR_RETURN(session->is_demo, IsDemoDatabase(*session->store));
  return session;
}

Result<std::unique_ptr<Session>> OpenSessionAs(Context& ctx) {
  MOTCUA_ASSIGN_OR_RETURN(auto session, OpenSession(ctx));
  if (session->desk.center_key.empty())
    return Corrupt("center_key", "center_key_missing",
                   "the center key " + CenterKeyPath(ctx).string() +
                       " is missing: restore it from the backup (receipts already printed carry MACs under it), "
                       "or make a new one with `motcua init --change-identity --as ADMIN`");
  MOTCUA_ASSIGN_OR_RETURN(session->actor, SignIn(ctx, *session->store));
  return session;
}

}  // namespace motcua::cli
