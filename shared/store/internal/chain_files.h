// The two files beside a database that let its journal be checked from outside it (journal.h (2) and
// (5)): the chain key and the anchor. Both are created with motcua's private mode (common/files.h).
//
//   <db>.chain-key   "motcua chain key 1\nkey <64 hex>\nkeyed-from <seq>\n": the HMAC key of the chain and
//                    the first event hashed with it (events before it predate keyed chains). Written once,
//                    never changed; losing it makes the journal uncheckable, so it belongs in every backup.
//   <db>.anchor      one line per committed write: "<seq> <64 hex hash> <recorded_at UTC>\n", appended
//                    after the commit (O_APPEND, so the lines of concurrent writers never mix). Lines of two
//                    processes may land out of order; the latest anchor is the highest seq. Once the file
//                    passes kAnchorCompactBytes it is rewritten with its newest kAnchorKeepLines lines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "store/journal.h"

namespace motcua::store::internal {

inline constexpr std::int64_t kAnchorCompactBytes = 1 << 20;  // 1 MiB, about 10,000 writes
inline constexpr std::size_t kAnchorKeepLines = 1000;

struct ChainKey {
  std::string key;                 // 32 raw bytes
  std::int64_t keyed_from_seq = 1;  // events with a smaller seq carry LegacyHashEvent
};

// nullopt when the file does not exist. Errors: kCorrupt/"bad_chain_key" for a file that is not one.
Result<std::optional<ChainKey>> ReadChainKey(const std::filesystem::path& path);

// Creates the file with a new random key. When another process created it first, returns theirs.
// Errors: kUnavailable/"chain_key_io".
Result<ChainKey> CreateChainKey(const std::filesystem::path& path, std::int64_t keyed_from_seq);

struct Anchor {
  std::int64_t seq = 0;
  std::string hash;
  Instant recorded_at{};
};

struct AnchorFile {
  bool exists = false;
  std::vector<Anchor> anchors;  // in file order; a torn last line (a crash mid-append) is left out
  std::string bad_line;         // the first malformed line that is not the last one ("" when none)
};

// Errors: kUnavailable/"anchor_io" when the file exists but cannot be read.
Result<AnchorFile> ReadAnchorFile(const std::filesystem::path& path);

// The anchor with the highest seq, or nullopt when there is none.
std::optional<Anchor> LatestAnchor(const AnchorFile& file);

// Appends one line (and compacts the file when it has grown past kAnchorCompactBytes).
// Errors: kUnavailable/"anchor_io" (the write is then simply not anchored yet: the anchor may lag).
Status AppendAnchor(const std::filesystem::path& path, const Anchor& anchor);

}  // namespace motcua::store::internal
