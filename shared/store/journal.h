// The journal: an append-only, hash-chained log of every state change (architecture.md rule 2).
// It is the audit trail and the sync outbox at once; each event's UUID is its idempotency key.
//
// Invariants, checked by Store::VerifyJournal():
//   (1) seq runs 1, 2, 3, ... without gaps;
//   (2) event 1 has prev_hash == kGenesisHash (64 zeros);
//   (3) event i > 1 has prev_hash == hash of event i-1;
//   (4) hash == HashEvent(event) (SHA-256 over the canonical bytes below);
//   (5) the stored chain head (seq, hash) equals the last event, so deleting the newest rows is seen.
// Rows are never updated or deleted; the SQLite backend also refuses it with triggers.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "common/time.h"

namespace motcua::store {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What a caller supplies; the store fills in seq, uuid, prev_hash and hash.
struct NewEvent {
  std::string type;          // "dossier.received", "dossier.transferred", "catalog.imported", ...
  std::string dossier_code;  // "" for events about no single dossier
  std::string actor;         // user name
  std::string station;       // station id
  Instant at{};              // UTC
  std::string payload_json;  // a JSON object: what changed
};

struct JournalEvent {
  std::int64_t seq = 0;
  std::string uuid;
  std::string type;
  std::string dossier_code;
  std::string actor;
  std::string station;
  Instant at{};
  std::string payload_json;
  std::string prev_hash;  // hex
  std::string hash;       // hex
};

// The canonical bytes are each field as <decimal length>:<bytes>, in the order seq, uuid, type,
// dossier_code, actor, station, at (unix seconds), payload, prev_hash: unambiguous for any content.
std::string CanonicalBytes(const JournalEvent& e);
std::string HashEvent(const JournalEvent& e);  // lower-case hex SHA-256 of CanonicalBytes

struct JournalCheck {
  std::int64_t events = 0;        // rows checked
  bool ok = true;
  std::int64_t first_bad_seq = 0; // 0 when ok
  std::string problem;            // English, e.g. "hash mismatch at seq 17"
};

}  // namespace motcua::store
