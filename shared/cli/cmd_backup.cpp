// motcua backup --to FILE / motcua restore --from FILE [--move-anchor-aside]: a whole database with its
// chain key in one file, and back (store/store.h "Backups" says what the file holds, why the chain key
// is in it, and what happens to the anchor). Administrators only: the global --as names an administrator,
// who signs in on the database as at a counter.
//
// --db may be a SQLite file or a center's PostgreSQL connection string; for a center, the station's chain
// key and anchor are in the data directory (--data-dir). Restore needs a database the administrator can
// sign in on: on a new station, `motcua init` first (with the center's agency), then restore.
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/session.h"

namespace motcua::cli {
namespace {

store::OpenOptions StoreOptions(const Context& ctx) {
  return {.create_if_missing = false, .files_dir = store::IsCenterLocation(ctx.db_path) ? ctx.data_dir : ""};
}

// Signs the administrator in on the database. Errors: the store's, SignIn's, Require's.
Result<workflow::Actor> SignInAdmin(Context& ctx) {
  MOTCUA_ASSIGN_OR_RETURN(auto store, store::Open(ctx.db_path, StoreOptions(ctx)));
  MOTCUA_ASSIGN_OR_RETURN(workflow::Actor actor, SignIn(ctx, *store));
  MOTCUA_TRY(workflow::Require(actor, workflow::Permission::kManageUsers));
  return actor;
}

int RunBackup(Context& ctx, Args& args) {
  auto to = args.RequiredFlag("to");
  if (!to) return ReportError(ctx, to.error());
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (!rest->empty()) return ReportError(ctx, Invalid((*rest)[0], "unexpected_argument", "unexpected argument " + (*rest)[0]));
  if (auto actor = SignInAdmin(ctx); !actor) return ReportError(ctx, actor.error());
  auto info = store::Backup(ctx.db_path, *to, StoreOptions(ctx));
  if (!info) return ReportError(ctx, info.error());
  if (ctx.json) {
    *ctx.out << nlohmann::json{{"file", *to}, {"engine", info->engine}, {"head_seq", info->head.seq},
                               {"head_hash", info->head.hash}, {"agency_id", info->agency_id},
                               {"payload_bytes", info->payload_bytes}}.dump()
             << "\n";
  } else {
    *ctx.out << "backup written to " << *to << " (" << info->engine << ", journal up to event " << info->head.seq
             << ", " << info->payload_bytes << " bytes). It holds the chain key: keep it as private as the database.\n";
  }
  return kExitOk;
}

int RunRestore(Context& ctx, Args& args) {
  auto from = args.RequiredFlag("from");
  if (!from) return ReportError(ctx, from.error());
  store::RestoreOptions options;
  options.move_anchor_aside = args.Switch("move-anchor-aside");
  auto rest = args.Positional();
  if (!rest) return ReportError(ctx, rest.error());
  if (!rest->empty()) return ReportError(ctx, Invalid((*rest)[0], "unexpected_argument", "unexpected argument " + (*rest)[0]));
  auto actor = SignInAdmin(ctx);
  if (!actor) return ReportError(ctx, actor.error());
  options.actor = actor->user;
  options.station = ctx.station;
  auto info = store::Restore(ctx.db_path, *from, StoreOptions(ctx), options);
  if (!info) return ReportError(ctx, info.error());
  if (ctx.json) {
    *ctx.out << nlohmann::json{{"engine", info->backup.engine}, {"head_seq", info->backup.head.seq},
                               {"anchor_moved_to", info->anchor_moved_to},
                               {"chain_key_moved_to", info->chain_key_moved_to}}.dump()
             << "\n";
    return kExitOk;
  }
  *ctx.out << "restored " << *from << " (journal up to event " << info->backup.head.seq << ", made "
           << FormatInstantUtc(info->backup.created_at) << "); the restore is journaled as store.restored\n";
  if (!info->anchor_moved_to.empty())
    *ctx.err << "warning: the database was behind its anchor (event " << info->anchor_was->seq
             << "); the old anchor is kept as " << info->anchor_moved_to << "\n";
  if (!info->chain_key_moved_to.empty())
    *ctx.err << "warning: the database had another chain key; it is kept as " << info->chain_key_moved_to << "\n";
  return kExitOk;
}

}  // namespace
}  // namespace motcua::cli

MOTCUA_CLI_COMMAND("backup", "backup --to FILE --as ADMIN",
                   "Write the database and its chain key to one backup file (administrators)", motcua::cli::RunBackup);
MOTCUA_CLI_COMMAND("restore", "restore --from FILE [--move-anchor-aside] --as ADMIN",
                   "Replace the database with a backup; journaled (administrators)", motcua::cli::RunRestore);
