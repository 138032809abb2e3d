// The journal as rows, on either engine: writing a transaction's events with their seals and keyed hashes
// at commit, reading them back, and the whole check of journal.h.
#pragma once

#include <chrono>
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

// Writes `events` in order, the seals of `written` (entities, store.h) on the last one, inside the caller's
// write transaction. SQLite: chained after the current head, returning the new head. PostgreSQL
// (Connection::ChainsAfterCommit): submitted to wait, returning nullopt; the caller commits and then runs
// SealPendingEvents. Errors: the database's; those of DigestEntity; kCorrupt/"chain_key_mismatch".
Result<std::optional<JournalHead>> WriteEvents(Connection& db, const ChainKey& key,
                                               const std::vector<PendingEvent>& events,
                                               const std::vector<std::string>& written);

// Returns once the events `own_uuids` (a write's, just committed) are chained: by another station's call
// (checked first: on a busy center most writers find their events already chained), or by this call,
// which waits for the chain's lock and then, unless the station that held it before chained ours, chains
// every event waiting in journal_pending, in submission order, in a transaction of its own (one statement
// for the batch: Connection::SealEventRows). Waiting for the lock rather than trying it again and again
// matters on a busy center: the holder is chaining, and whoever gets the lock next with its own events
// still waiting chains everything that waits by then, so the events go in batches and the later waiters
// find theirs chained and give the lock up at once; a station trying every millisecond instead cost 4
// statements a try, 75 server transactions per intake in bench_pg_load, and the server's CPU its chaining
// needed. Returns the new head when this call chained, else nullopt. Whoever runs it next chains what an
// interrupted run left waiting.
// With no `own_uuids`, chains whatever waits unless another station is chaining (a station opening a
// center chains what a server's loss left waiting: SqlStore::Open).
// Errors: the database's; kUnavailable/"chain_busy" when the lock does not come before `deadline` (the
// events stay waiting, committed, for the next writer).
Result<std::optional<JournalHead>> SealPendingEvents(Connection& db, const ChainKey& key,
                                                    const std::vector<std::string>& own_uuids,
                                                    std::chrono::steady_clock::time_point deadline);

// journal.h (1)-(5), inside the caller's read snapshot.
Result<JournalCheck> CheckJournal(Connection& db, const ChainKey& key, const AnchorFile& anchor);

// (5) alone, cheaply: "" when the journal ends at or after every anchored event and agrees with the
// latest one; else the problem, in the words CheckJournal uses. `rule` gets the rule key.
Result<std::string> CheckAgainstAnchor(Connection& db, const AnchorFile& anchor, std::string& rule);

}  // namespace motcua::store::internal
