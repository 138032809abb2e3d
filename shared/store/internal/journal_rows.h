// The journal as rows, on either engine: writing a transaction's events with their seals and keyed hashes
// at commit, reading them back, and the whole check of journal.h.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "store/internal/chain_files.h"
#include "store/internal/sql.h"
#include "store/journal.h"

namespace motcua::store::internal {

// An event queued by WriteTx::AppendEvent, written at commit.
struct PendingEvent {
  NewEvent event;
  std::string uuid;
  Instant recorded_at{};
};

// The columns ReadEventRow reads, in its order, for "SELECT <kEventColumns> FROM journal ...".
inline constexpr const char* kEventColumns =
    "seq, uuid, type, dossier_code, actor, station, at, recorded_at, payload, seals, prev_hash, hash";
JournalEvent ReadEventRow(const Statement& s);

Result<JournalHead> ReadHead(Connection& db);

// Writes `events` in order after the current head, the seals of `written` (entities, store.h) on the
// last one, and moves the head. Inside the caller's write transaction. Returns the new head.
// Errors: the database's; those of DigestEntity.
Result<JournalHead> WriteEvents(Connection& db, const ChainKey& key, const std::vector<PendingEvent>& events,
                                const std::vector<std::string>& written);

// journal.h (1)-(5), inside the caller's read snapshot.
Result<JournalCheck> CheckJournal(Connection& db, const ChainKey& key, const AnchorFile& anchor);

// (5) alone, cheaply: "" when the journal ends at or after every anchored event and agrees with the
// latest one; else the problem, in the words CheckJournal uses. `rule` gets the rule key.
Result<std::string> CheckAgainstAnchor(Connection& db, const AnchorFile& anchor, std::string& rule);

}  // namespace motcua::store::internal
