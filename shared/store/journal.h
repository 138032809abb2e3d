// The journal: an append-only, keyed hash chain of every state change (architecture.md rule 2).
// It is the audit trail and the sync outbox at once; each event's UUID is its idempotency key.
//
// What makes tampering show (Store::VerifyJournal checks every point, in this order):
//   (1) seq runs 1, 2, 3, ... without gaps; event 1 has prev_hash == kGenesisHash; event i > 1 has
//       prev_hash == hash of event i-1.
//   (2) hash == HMAC-SHA-256 of CanonicalBytes(event) under the chain key. The key lives in a 0600
//       file beside the database, never in it (store.h says where), so whoever can only write the
//       database cannot recompute the chain after editing it, not even with plain SHA-256.
//       Events written before a database was upgraded to keyed chains (schema 2 and older) keep their
//       plain SHA-256 (LegacyHashEvent); the key file records the first keyed seq.
//   (3) the stored chain head (seq, hash) equals the last event, so deleting the newest rows is seen.
//   (4) every event carries the seals of the rows its transaction wrote (a dossier with its papers,
//       fees, steps and files; a record; a setting; a procedure): SHA-256 digests of the rows as
//       stored. Replaying the events in order gives each row's last journaled state; a stored row
//       whose digest differs was edited behind the journal, a row with no seal was written outside
//       it, and a sealed row that is gone was deleted.
//   (5) after every committed write the head is appended to an anchor file beside the database (it may
//       lag the database after a crash, never lead it), printed on the daily tracking book (Mẫu 06) and
//       every report, and (with sync) acknowledged by the provincial side. A database whose journal
//       ends before its latest anchor (events cut off, an older copy put back, an emptied file), or
//       whose event at an anchored seq has another hash (a rewritten history), fails.
// Rows are never updated or deleted; the SQLite backend also refuses it with triggers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

namespace motcua::store {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What a caller supplies; the store fills in seq, uuid, recorded_at, seals, prev_hash and hash.
struct NewEvent {
  std::string type;          // "dossier.received", "dossier.transferred", "catalog.imported", ...
  std::string dossier_code;  // "" for events about no single dossier
  std::string actor;         // the signed-in account's user name, or "station:<id>" for the station itself
  std::string station;       // station id
  Instant at{};              // UTC: when it happened in law (a postal handover's signing time, say)
  std::string payload_json;  // a JSON object: what changed
};

// One row's digest as an event records it. `entity` is "dossier:<code>", "record:<kind>/<key>",
// "setting:<key>" or "procedure:<code>"; `digest` is lower-case hex SHA-256 of the row as stored.
struct Seal {
  std::string entity;
  std::string digest;
  bool operator==(const Seal&) const = default;
};

struct JournalEvent {
  std::int64_t seq = 0;
  std::string uuid;
  std::string type;
  std::string dossier_code;
  std::string actor;
  std::string station;
  Instant at{};            // UTC, as the caller gave it
  Instant recorded_at{};   // UTC, the station's wall clock when the event was appended; differs from
                           // `at` by more than clock drift only on a demo database (--now) or for a
                           // postal handover; FromUnixSeconds(0) for events older than schema 3
  std::string payload_json;
  std::string seals_json;  // FormatSeals of the rows its transaction wrote; "" before schema 3
  std::string prev_hash;   // hex
  std::string hash;        // hex
};

// The canonical bytes are each field as <decimal length>:<bytes>, in the order seq, uuid, type,
// dossier_code, actor, station, at (unix seconds), recorded_at (unix seconds), payload, seals,
// prev_hash: unambiguous for any content.
std::string CanonicalBytes(const JournalEvent& e);
// Lower-case hex HMAC-SHA-256 of CanonicalBytes under `chain_key` (raw bytes, 32 of them).
std::string HashEvent(const JournalEvent& e, std::string_view chain_key);
// Events of schema 2 and older: SHA-256 over the fields without recorded_at and seals.
std::string LegacyHashEvent(const JournalEvent& e);

// Seals as stored: a JSON array of [entity, digest] pairs in the order the rows were written.
std::string FormatSeals(const std::vector<Seal>& seals);
// Errors: kCorrupt/"bad_seals".
Result<std::vector<Seal>> ParseSeals(std::string_view json);

// The last event: what the anchor file, the printed forms and the provincial side keep.
struct JournalHead {
  std::int64_t seq = 0;             // 0 for an empty journal
  std::string hash = kGenesisHash;  // hex
};

// What VerifyJournal found. `rule` is a stable key for the first problem:
//   "chain_broken" (1-2), "head_mismatch" (3), "row_altered" / "row_unjournaled" / "row_missing" (4),
//   "behind_anchor" / "forked_from_anchor" / "anchor_missing" / "anchor_unreadable" (5).
struct JournalCheck {
  std::int64_t events = 0;        // events checked
  std::int64_t rows = 0;          // stored rows compared with their seals
  std::int64_t anchored_seq = 0;  // the latest anchored event (0 when there is no anchor yet)
  bool ok = true;
  std::int64_t first_bad_seq = 0; // the event at fault, when one is (0 otherwise)
  std::string rule;
  std::string problem;            // English, e.g. "event 17 was altered (hash mismatch)"
};

}  // namespace motcua::store
