// motcua init: create the database (with its chain key, anchor and the center key), the settings and
// the sample catalog; or, on an existing database, change the settings an administrator names.
//
// Creating is all or nothing: the initial state (settings, catalog, queue areas and the
// "station.initialised" event) is written in one transaction. A SQLite database is built under a
// temporary name beside the final one, closed, and only then linked into place, so a killed or failed
// init leaves either no database or a complete one. A center's PostgreSQL database (--db with a
// connection string) is opened as it is (its schema made when the role owns it) and is new while its
// journal is empty: the one transaction is the whole creation, and a journal that is not empty makes
// init the update below, as an existing file does; run so by a station joining the center (its data
// directory holding copies of center.chain-key and center.key), it also starts that station's anchor
// (center.anchor) at the head it sees. The transaction takes the ordinal "init" and
// refuses any but the first, so of two inits racing on one center only one writes. No account
// exists yet, so the creating event's actor is the station ("station:<id>"). `--demo` marks a database
// made for demos and tests, on which --now and a dossier file's own receipt time are accepted; the mark
// is fixed at creation.
//
// On an existing database init changes only what is given and differs from what is stored, acting as a
// signed-in administrator (--as), one "station.settings_changed" event for all of it. What identifies
// the center (the agency identifier; a center key that went missing) changes only with
// --change-identity, journaled as "station.identity_changed". Run with nothing to change it changes
// nothing and asks for no password (installer/run-main.sh runs it at every start).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.h"
#include "queue/areas.h"
#include "cli/session.h"
#include "codes/dossier_code.h"
#include "codes/receipt_token.h"
#include "common/crypto.h"
#include "common/files.h"
#include "common/number_parse.h"
#include "common/text.h"
#include "workflow/desk_settings.h"

namespace motcua::cli {

struct InitOption {
  const char* flag;
  const char* key;
  const char* fallback;  // written when a new database is created without the flag
};

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr InitOption kOptions[] = {
    {"agency", "agency_id", workflow::kDefaultAgencyId},
    {"agency-name", "agency_name", workflow::kDefaultAgencyName},
    {"unit", "receiving_unit", workflow::kDefaultReceivingUnit},
    {"place", "place_name", workflow::kDefaultPlaceName},
    {"slot", "station_slot", "0"},
    {"slots", "slot_count", "10"},
    {"supplement-policy", "supplement_policy", "restart"},
    {"calendar-profile", "calendar_profile", "default"},
};

Status CheckValue(const InitOption& o, const std::string& v) {
  const std::string key = o.key;
  if (key == "agency_id") return codes::ValidateAgencyIdentifier(v, "agency");
  if (key == "supplement_policy" && v != "restart" && v != "shift")
    return Invalid("supplement-policy", "bad_value", "expected restart or shift");
  if ((key == "station_slot" || key == "slot_count") && !ParseDigits<int>(v, {.max_digits = 9}))
    return Invalid(o.flag, "not_a_number", std::string("--") + o.flag + " takes a number");
  return CheckTextLine(v, o.flag, kMaxLabelChars);
}

// The settings a database would hold after init, checked together as every verb will read them
// (workflow/desk_settings.h), so init never stores a combination that later refuses to load.
Status CheckCombined(const InitOptions& o, const std::function<std::optional<std::string>(const char*)>& stored) {
  auto lookup = [&](std::string_view key) -> Result<std::optional<std::string>> {
    for (const auto& [opt, value] : o.given)
      if (key == opt->key) return std::optional<std::string>(value);
    for (const InitOption& opt : kOptions)
      if (key == opt.key) {
        if (auto v = stored(opt.key)) return v;
        return std::optional<std::string>(opt.fallback);
      }
    return std::optional<std::string>();
  };
  auto parsed = workflow::ParseStationSettings(lookup);
  if (parsed) return Ok();
  for (const InitOption& opt : kOptions)
    if (parsed.error().field == opt.key) return Invalid(opt.flag, "bad_value", parsed.error().detail);
  return Invalid("settings", "bad_value", parsed.error().detail);
}

Result<InitOptions> ParseInitOptions(Args& args) {
  InitOptions out;
  for (const InitOption& o : kOptions) {
    MOTCUA_ASSIGN_OR_RETURN(auto v, args.Flag(o.flag));
    if (!v) continue;
    MOTCUA_TRY(CheckValue(o, *v));
    out.given.emplace_back(&o, *v);
  }
  out.demo = args.Switch("demo");
  out.no_catalog = args.Switch("no-catalog");
  out.change_identity = args.Switch("change-identity");
  MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
  if (!rest.empty()) return Invalid("arguments", "unexpected", "unexpected argument " + rest.front());
  return out;
}

Result<std::vector<catalog::Procedure>> SampleCatalog(const Context& ctx) {
  return catalog::LoadCatalogFile(fs::path(ctx.assets_dir) / "catalog" / "catalog.json");
}

void PrintSummary(Context& ctx, store::Store& store, const std::string& what) {
  auto agency = store.GetSetting("agency_id");
  auto count = store.LoadProcedures();
  auto demo = IsDemoDatabase(store);
  const std::string agency_id = agency && *agency ? **agency : "";
  if (ctx.json) {
    PrintJson(ctx, json{{"db", DatabaseName(ctx)},
                        {"agency_id", agency_id},
                        {"procedures", count ? count->size() : 0},
                        {"demo", demo && *demo},
                        {"done", what}});
    return;
  }
  *ctx.out << "database: " << DatabaseName(ctx) << " (" << what << ")\n"
           << "agency identifier: " << agency_id << "\n"
           << "procedures in the catalog: " << (count ? count->size() : 0) << "\n";
  if (demo && *demo) *ctx.out << "demo database: --now and dossier files' receipt times are accepted\n";
  if (agency_id == workflow::kDefaultAgencyId)
    *ctx.out << "note: " << workflow::kDefaultAgencyId
             << " is a placeholder; set the receiving agency's real identifier with "
                "`motcua init --agency ID --change-identity --as ADMIN`\n";
}

// The initial state of a new database, in one transaction of `db` (both engines). Errors: kConflict
// ("db", "created_meanwhile") when the database already took its "init" ordinal; the store's.
Status WriteInitialState(const Context& ctx, const InitOptions& o, store::Store& db,
                         const std::vector<catalog::Procedure>& procedures, const std::vector<queue::Area>& areas) {
  json written = json::object();
  return db.Write([&](store::WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(int init, tx.NextOrdinal("init"));
    if (init != 1)
      return Conflict("db", "created_meanwhile", DatabaseName(ctx) + " was initialised by another process meanwhile");
    written = json::object();  // the body runs again when a center's transaction is retried
    for (const InitOption& opt : kOptions) {
      std::string value = opt.fallback;
      for (const auto& [g, v] : o.given)
        if (g == &opt) value = v;
      MOTCUA_TRY(tx.PutSetting(opt.key, value));
      written[opt.key] = value;
    }
    if (o.demo) MOTCUA_TRY(tx.PutSetting(kDemoDatabaseSetting, "true"));
    for (const auto& p : procedures) MOTCUA_TRY(tx.UpsertProcedure(p));
    written["catalog_procedures"] = procedures.size();
    written["demo"] = o.demo;
    const workflow::Actor station{"station:" + ctx.station, workflow::Role::kAdmin, ctx.station};
    for (const queue::Area& a : areas) MOTCUA_TRY(queue::SaveAreaInTx(tx, station, a, ctx.Now()));
    auto e = tx.AppendEvent(
        {"station.initialised", "", "station:" + ctx.station, ctx.station, ctx.Now(), DumpJson(written)});
    if (!e) return e.error();
    return Ok();
  });
}

// A center database: written in place while its journal is empty (see the top of this file).
Status CreateCenterDatabase(const Context& ctx, const InitOptions& o, const std::vector<catalog::Procedure>& procedures,
                            const std::vector<queue::Area>& areas) {
  MOTCUA_ASSIGN_OR_RETURN(auto db, OpenDatabase(ctx, /*create=*/true));
  MOTCUA_ASSIGN_OR_RETURN(store::JournalHead head, db->Head());
  if (head.seq > 0)
    return Conflict("db", "created_meanwhile", DatabaseName(ctx) + " was initialised by another process meanwhile");
  return WriteInitialState(ctx, o, *db, procedures, areas);
}

}  // namespace

// A new database: built aside and linked into place (SQLite), or written into an empty center database.
Status CreateDatabase(const Context& ctx, const InitOptions& o) {
  if (ctx.now && !o.demo)
    return Invalid("now", "not_a_demo_database", "--now sets the clock only on a database created with --demo");
  MOTCUA_TRY(CheckCombined(o, [](const char*) { return std::optional<std::string>(); }));
  MOTCUA_TRY(CreatePrivateDirectories(DbDir(ctx), "db"));
  std::vector<catalog::Procedure> procedures;
  if (!o.no_catalog) {
    MOTCUA_ASSIGN_OR_RETURN(procedures, SampleCatalog(ctx));
  }
  MOTCUA_ASSIGN_OR_RETURN(const std::vector<queue::Area> areas, queue::LoadDefaultAreas(ctx.assets_dir));
  MOTCUA_TRY(codes::LoadOrCreateCenterKey(CenterKeyPath(ctx)));
  if (IsCenter(ctx)) return CreateCenterDatabase(ctx, o, procedures, areas);

  (void)InitCrypto();
  const std::string temp = ctx.db_path + ".init-" + ToHex(RandomBytes(6));
  auto remove_temp = [&] {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((temp + suffix).c_str());
  };
  {
    auto store = store::OpenSqliteStore(temp, {.chain_key_path = store::ChainKeyPath(ctx.db_path),
                                                .anchor_path = store::AnchorPath(ctx.db_path),
                                                .append_anchors = false});
    if (!store) {
      remove_temp();
      return store.error();
    }
    if (Status s = WriteInitialState(ctx, o, **store, procedures, areas); !s) {
      store->reset();
      remove_temp();
      return s.error();
    }
  }  // closed: SQLite checkpoints the WAL into the file and removes it
  std::error_code ec;
  if (fs::exists(temp + "-wal", ec)) {
    remove_temp();
    return Unavailable("db", "init_incomplete", "the new database's WAL was not checkpointed");
  }
  // The anchor exists before the database does: killed between the two steps, an empty anchor beside a
  // complete database only lags it, which the next open brings up to date.
  const int anchor = ::open(store::AnchorPath(ctx.db_path).c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (anchor >= 0) {
    MakeFilePrivate(anchor);
    ::close(anchor);
  }
  // link() never replaces: if another init finished first, theirs stands.
  if (::link(temp.c_str(), ctx.db_path.c_str()) != 0) {
    const int err = errno;
    remove_temp();
    if (err == EEXIST) return Conflict("db", "created_meanwhile", ctx.db_path + " was created by another process meanwhile");
    return Unavailable("db", "cannot_create", ctx.db_path + ": " + std::strerror(err));
  }
  remove_temp();
  const int dir = ::open(DbDir(ctx).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  // Opening it anchors its head.
  MOTCUA_TRY(OpenDatabase(ctx, /*create=*/false));
  return Ok();
}

namespace {

// An existing database: only given options that differ, by a signed-in administrator.
int Update(Context& ctx, const InitOptions& o) {
  auto store = OpenDatabase(ctx, /*create=*/false);
  if (!store) return ReportError(ctx, store.error());
  store::Store& db = **store;
  auto demo = IsDemoDatabase(db);
  if (!demo) return ReportError(ctx, demo.error());
  if (o.demo && !*demo)
    return ReportError(ctx, Invalid("demo", "fixed_at_creation",
                                    "a database is made for demos only when it is created; this one keeps real time"));

  if (Status combined = CheckCombined(o, [&](const char* key) {
        auto v = db.GetSetting(key);
        return v ? *v : std::optional<std::string>();
      });
      !combined)
    return ReportError(ctx, combined.error());
  json changes = json::object(), identity = json::object();
  for (const auto& [opt, value] : o.given) {
    auto current = db.GetSetting(opt->key);
    if (!current) return ReportError(ctx, current.error());
    if (*current && **current == value) continue;
    json change = {{"from", *current ? json(**current) : json(nullptr)}, {"to", value}};
    (std::string(opt->key) == "agency_id" ? identity : changes)[opt->key] = change;
  }
  auto key = codes::LoadCenterKey(CenterKeyPath(ctx));
  const bool key_missing = !key && key.error().code == ErrorCode::kNotFound;
  if (!key && !key_missing) return ReportError(ctx, key.error());
  if (key_missing) identity["center_key"] = "new";
  std::vector<catalog::Procedure> procedures;
  auto existing = db.LoadProcedures();
  if (!existing) return ReportError(ctx, existing.error());
  if (!o.no_catalog && existing->empty()) {
    auto loaded = SampleCatalog(ctx);
    if (!loaded) return ReportError(ctx, loaded.error());
    procedures = std::move(*loaded);
    changes["catalog_procedures"] = procedures.size();
  }
  // A database made before the queue existed gets its default areas.
  std::vector<queue::Area> areas;
  auto existing_areas = queue::ListAreas(db);
  if (!existing_areas) return ReportError(ctx, existing_areas.error());
  if (existing_areas->empty()) {
    auto loaded = queue::LoadDefaultAreas(ctx.assets_dir);
    if (!loaded) return ReportError(ctx, loaded.error());
    areas = std::move(*loaded);
    changes["queue_areas"] = areas.size();
  }
  if (!identity.empty() && !o.change_identity)
    return ReportError(ctx, Invalid(key_missing ? "center_key" : "agency", "identity_change_not_asked",
                                    key_missing
                                        ? "the center key " + CenterKeyPath(ctx).string() +
                                              " is missing; restore it from the backup, or make a new one with "
                                              "--change-identity (receipts printed under the old key stop verifying)"
                                        : "the agency identifier identifies the center on every code and receipt; "
                                          "change it only by adding --change-identity"));
  if (changes.empty() && identity.empty()) {
    PrintSummary(ctx, db, "unchanged");
    return kExitOk;
  }
  auto actor = SignIn(ctx, db);
  if (!actor) return ReportError(ctx, actor.error());
  if (auto allowed = workflow::Require(*actor, workflow::Permission::kManageCatalog); !allowed)
    return ReportError(ctx, allowed.error());
  if (key_missing) {
    auto made = codes::LoadOrCreateCenterKey(CenterKeyPath(ctx));
    if (!made) return ReportError(ctx, made.error());
  }
  Status s = db.Write([&](store::WriteTx& tx) -> Status {
    for (const auto& [opt, value] : o.given)
      if (changes.contains(opt->key) || identity.contains(opt->key)) MOTCUA_TRY(tx.PutSetting(opt->key, value));
    for (const auto& p : procedures) MOTCUA_TRY(tx.UpsertProcedure(p));
    for (const queue::Area& a : areas) MOTCUA_TRY(queue::SaveAreaInTx(tx, *actor, a, ctx.Now()));
    if (!identity.empty()) {
      auto e = tx.AppendEvent({"station.identity_changed", "", actor->user, actor->station, ctx.Now(),
                               DumpJson(identity)});
      if (!e) return e.error();
    }
    if (!changes.empty()) {
      auto e = tx.AppendEvent({"station.settings_changed", "", actor->user, actor->station, ctx.Now(),
                               DumpJson(changes)});
      if (!e) return e.error();
    }
    return Ok();
  });
  if (!s) return ReportError(ctx, s.error());
  PrintSummary(ctx, db, "changed");
  return kExitOk;
}

int RunInit(Context& ctx, Args& args) {
  auto options = ParseInitOptions(args);
  if (!options) return ReportError(ctx, options.error());
  std::error_code ec;
  bool exists = fs::exists(ctx.db_path, ec);
  const fs::path chain_key = DbDir(ctx) / "center.chain-key";
  const bool had_chain_key = fs::exists(chain_key, ec);
  if (IsCenter(ctx)) {  // a center database "exists" once its journal has events
    if (Status made = CreatePrivateDirectories(DbDir(ctx), "data-dir"); !made) return ReportError(ctx, made.error());
    auto db = OpenDatabase(ctx, /*create=*/true);
    if (!db) return ReportError(ctx, db.error());
    auto head = (*db)->Head();
    if (!head) return ReportError(ctx, head.error());
    exists = head->seq > 0;
    // A station joining a center (its data directory holding copies of center.chain-key and center.key)
    // starts its anchor here, at the head it first sees: every later open checks the journal against it.
    // Only init does this, so an anchor lost later is still reported by `journal verify`.
    const fs::path anchor = DbDir(ctx) / "center.anchor";
    if (exists && !fs::exists(anchor, ec)) {
      const int fd = ::open(anchor.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
      if (fd < 0)
        return ReportError(ctx, Unavailable("data-dir", "cannot_create", anchor.string() + ": " + std::strerror(errno)));
      MakeFilePrivate(fd);
      ::close(fd);
      *ctx.err << "this station's anchor of the center's journal starts at event " << head->seq << "\n";
    }
  }
  if (!exists) {
    if (auto created = CreateDatabase(ctx, *options); !created) {
      // Another station initialised the center first: the chain key opening the empty journal made here
      // is not the center's (copy that station's center.chain-key instead).
      if (IsCenter(ctx) && !had_chain_key && created.error().rule == "created_meanwhile") fs::remove(chain_key, ec);
      return ReportError(ctx, created.error());
    }
    auto store = OpenDatabase(ctx, /*create=*/false);
    if (!store) return ReportError(ctx, store.error());
    PrintSummary(ctx, **store, "created");
    return kExitOk;
  }
  if (options->change_identity && options->given.empty() && fs::exists(CenterKeyPath(ctx), ec))
    return ReportError(ctx, Invalid("change-identity", "nothing_to_change",
                                    "--change-identity goes with --agency ID (or a missing center key)"));
  return Update(ctx, *options);
}

}  // namespace

MOTCUA_CLI_COMMAND("init",
                   "init [--demo] [--agency ID [--change-identity]] [--agency-name NAME] [--unit NAME] [--place NAME] [--slot N] "
                   "[--slots N] [--supplement-policy restart|shift] [--calendar-profile NAME] [--no-catalog] "
                   "[--as ADMIN]",
                   "create the database, its keys and settings and load the sample catalog (all or nothing); on an "
                   "existing database an administrator changes the settings given",
                   RunInit);

}  // namespace motcua::cli
