#include "store/internal/journal_rows.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "common/crypto.h"
#include "store/internal/row_digest.h"

namespace motcua::store::internal {
namespace {

std::string Seq(std::int64_t seq) { return std::to_string(seq); }

// The event that sealed a row, for a message: its number, or 0 for one still waiting to be chained.
std::string SealedBy(std::int64_t seq) { return seq > 0 ? "event " + Seq(seq) : "an event waiting to be chained"; }

}  // namespace

JournalEvent ReadEventRow(const Statement& s) {
  JournalEvent e;
  e.seq = s.Int(0);
  e.uuid = s.Text(1);
  e.type = s.Text(2);
  e.dossier_code = s.Text(3);
  e.actor = s.Text(4);
  e.station = s.Text(5);
  e.at = FromUnixSeconds(s.Int(6));
  e.recorded_at = FromUnixSeconds(s.Int(7));
  e.payload_json = s.Text(8);
  e.seals_json = s.Text(9);
  e.prev_hash = s.Text(10);
  e.hash = s.Text(11);
  return e;
}

Result<JournalHead> ReadHead(Connection& db) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT seq, hash FROM journal_head WHERE id = 1"));
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  JournalHead head;
  if (row) {
    head.seq = s.Int(0);
    head.hash = s.Text(1);
    (void)s.Step();
  }
  return head;
}

// A chain extended under another key than the one it was written with would break at that event for
// every other reader: a station of a center whose key file is not the center's (or a file beside another
// database's key) is refused before it writes, by checking the head event's hash under this key. The head
// and its event are read in one statement (every write and every chaining pass reads them).
Result<JournalHead> ReadHeadCheckingKey(Connection& db, const ChainKey& key) {
  static const std::string kSql = [] {
    std::string columns;  // kEventColumns, of the journal's row (j.): its names are also journal_head's
    std::string_view rest = kEventColumns;
    for (;;) {
      const auto comma = rest.find(", ");
      columns += "j." + std::string(rest.substr(0, comma));
      if (comma == std::string_view::npos) break;
      columns += ", ";
      rest.remove_prefix(comma + 2);
    }
    return "SELECT " + columns + ", h.seq, h.hash FROM journal_head h LEFT JOIN journal j ON j.seq = h.seq "
           "WHERE h.id = 1";
  }();
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(kSql.c_str()));
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  JournalHead head;
  if (!row) return head;  // an empty journal
  head.seq = s.Int(12);
  head.hash = s.Text(13);
  const bool has_event = !s.IsNull(0);  // a head without its event: VerifyJournal reports it
  const JournalEvent e = has_event ? ReadEventRow(s) : JournalEvent{};
  (void)s.Step();
  if (!has_event || head.seq == 0 || head.seq < key.keyed_from_seq) return head;
  if (ConstantTimeEqual(HashEvent(e, key.key), e.hash)) return head;
  return Corrupt("chain_key", "chain_key_mismatch",
                 "the journal's last event (" + Seq(e.seq) + ") does not verify under this station's chain key: "
                 "either the key is not the one the journal was written with (copy the center's key to this "
                 "station) or the event was altered (run journal verify)");
}

namespace {

EventRow RowOf(const JournalEvent& e) {
  return {e.seq, e.uuid, e.type, e.dossier_code, e.actor, e.station, ToUnixSeconds(e.at),
          ToUnixSeconds(e.recorded_at), e.payload_json, e.seals_json, e.prev_hash, e.hash};
}

// The event after `head`, hashed under `key`.
Result<JournalEvent> ChainAfter(const JournalHead& head, JournalEvent e, const ChainKey& key) {
  e.seq = head.seq + 1;
  e.prev_hash = head.hash;
  if (e.seq < key.keyed_from_seq)
    return Corrupt("chain_key", "chain_key_mismatch",
                   "the chain key starts at event " + Seq(key.keyed_from_seq) + " but the journal is at " +
                       Seq(head.seq) + ": the key belongs to another database");
  e.hash = HashEvent(e, key.key);
  return e;
}

}  // namespace

Result<std::optional<JournalHead>> WriteEvents(Connection& db, const ChainKey& key,
                                               const std::vector<PendingEvent>& events,
                                               const std::vector<std::string>& written) {
  // The seals first, before the chain's lock: reading every written row back is most of the work here,
  // and on PostgreSQL every station's commit waits for that lock (the busy-day load run found 98% of
  // active sessions waiting on it). The rows cannot change meanwhile: this transaction holds their row
  // locks (it wrote them, or read them FOR UPDATE) and sees its own writes.
  std::string seals_json;
  if (!written.empty()) {
    std::vector<Seal> seals;
    for (const std::string& entity : written) {
      MOTCUA_ASSIGN_OR_RETURN(auto digest, DigestEntity(db, entity));
      if (!digest) return Corrupt("seals", "sealed_row_missing", entity + " was written but cannot be read back");
      seals.push_back({entity, *digest});
    }
    seals_json = FormatSeals(seals);
  }
  // A station whose key is not the journal's is refused before it writes: under the lock on SQLite; on
  // PostgreSQL against the head as it stands (the lock is taken only to chain, after commit).
  const bool waits = db.ChainsAfterCommit();
  if (!waits) MOTCUA_TRY(db.LockChainHead());
  MOTCUA_ASSIGN_OR_RETURN(JournalHead head, ReadHeadCheckingKey(db, key));
  for (std::size_t i = 0; i < events.size(); ++i) {
    const PendingEvent& p = events[i];
    JournalEvent e;
    e.uuid = p.uuid;
    e.type = p.event.type;
    e.dossier_code = p.event.dossier_code;
    e.actor = p.event.actor;
    e.station = p.event.station;
    e.at = p.event.at;
    e.recorded_at = p.recorded_at;
    e.payload_json = p.event.payload_json.empty() ? "{}" : p.event.payload_json;
    if (i + 1 == events.size() && !written.empty()) e.seals_json = seals_json;
    if (waits) {
      MOTCUA_TRY(db.SubmitEventRow(RowOf(e)));
      continue;
    }
    MOTCUA_ASSIGN_OR_RETURN(e, ChainAfter(head, std::move(e), key));
    MOTCUA_TRY(db.AppendEventRow(RowOf(e)));
    head = {e.seq, e.hash};
  }
  if (waits) return std::optional<JournalHead>();
  return std::optional<JournalHead>(head);
}

namespace {

// Inside a write transaction holding the chain's lock: chains what waits, returning the new head, or nullopt
// when nothing waits, or when `own_uuids` are named and none of them waits any more (the station that had
// the lock before chained them: the newer events are left to their own stations, so that each pass
// chains what many stations committed meanwhile). `drained`: nothing was left waiting beyond the batch.
Result<std::optional<JournalHead>> ChainWaiting(Connection& db, const ChainKey& key,
                                                const std::vector<std::string>& own_uuids, bool& drained) {
  // Enough to drain a busy moment in one commit, small enough to keep the lock short. The columns are
  // ReadEventRow's, with the waiting event's id where its number will go.
  static constexpr std::size_t kBatch = 1000;
  static constexpr const char* kWaiting =
      "SELECT id, uuid, type, dossier_code, actor, station, at, recorded_at, payload, seals, '', '' "
      "FROM journal_pending ORDER BY id LIMIT 1000";
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(kWaiting));
  std::vector<std::pair<std::int64_t, JournalEvent>> waiting;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    JournalEvent e = ReadEventRow(s);
    const std::int64_t id = e.seq;
    waiting.emplace_back(id, std::move(e));
  }
  drained = waiting.size() < kBatch;
  if (waiting.empty()) return std::optional<JournalHead>();
  const bool ours_wait = std::any_of(waiting.begin(), waiting.end(), [&](const auto& w) {
    return std::find(own_uuids.begin(), own_uuids.end(), w.second.uuid) != own_uuids.end();
  });
  if (!own_uuids.empty() && !ours_wait && drained) return std::optional<JournalHead>();
  MOTCUA_ASSIGN_OR_RETURN(JournalHead head, ReadHeadCheckingKey(db, key));
  std::vector<std::pair<std::int64_t, EventRow>> rows;
  rows.reserve(waiting.size());
  for (auto& [id, pending] : waiting) {
    MOTCUA_ASSIGN_OR_RETURN(JournalEvent e, ChainAfter(head, std::move(pending), key));
    head = {e.seq, e.hash};
    rows.emplace_back(id, RowOf(e));
  }
  MOTCUA_TRY(db.SealEventRows(rows));
  return std::optional<JournalHead>(head);
}

// Whether any of `uuids` waits to be chained; with none named, whether anything does.
Result<bool> AnyStillWaiting(Connection& db, const std::vector<std::string>& uuids) {
  std::string list;
  for (const std::string& u : uuids) list += (list.empty() ? "" : ",") + u;
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
      "SELECT CAST(count(*) AS BIGINT) FROM journal_pending "
      "WHERE ?1 = '' OR uuid = ANY(string_to_array(?1, ','))"));
  s.Bind(1, list);
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  const bool any = row && s.Int(0) > 0;
  if (row) (void)s.Step();
  return any;
}

}  // namespace

Result<std::optional<JournalHead>> SealPendingEvents(Connection& db, const ChainKey& key,
                                                    const std::vector<std::string>& own_uuids,
                                                    std::chrono::steady_clock::time_point deadline) {
  std::optional<JournalHead> chained_here;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool waiting, AnyStillWaiting(db, own_uuids));
    if (!waiting) return chained_here;
    bool drained = false;
    MOTCUA_TRY(db.BeginWrite());
    auto chained = [&]() -> Result<std::optional<JournalHead>> {
      bool locked = false;
      if (own_uuids.empty()) {
        MOTCUA_ASSIGN_OR_RETURN(locked, db.TryLockChainHead());
        if (!locked) return std::optional<JournalHead>();
      } else {
        // The station that had the lock has committed when this one gets it (the lock goes with the
        // commit): most often it chained ours, and ChainWaiting then gives the lock to the next at once.
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        MOTCUA_ASSIGN_OR_RETURN(locked, db.LockChainHeadWithin(left));
        if (!locked)
          return Unavailable("journal", "chain_busy",
                             "the journal's chain stayed busy; the events wait for the next writer");
      }
      MOTCUA_ASSIGN_OR_RETURN(auto head, ChainWaiting(db, key, own_uuids, drained));
      if (head) MOTCUA_TRY(db.Commit());
      return head;
    }();
    if (!chained || !*chained) db.Rollback();
    if (!chained) return chained.error();
    if (*chained) chained_here = *chained;
    // Under the lock this call saw everything waiting: ours were chained, by it or before it.
    if (own_uuids.empty() || drained) return chained_here;
    // More waited than a batch: look again whether ours are in.
  }
}

Result<std::string> CheckAgainstAnchor(Connection& db, const AnchorFile& anchor, std::string& rule) {
  if (!anchor.bad_line.empty()) {
    rule = "anchor_unreadable";
    return "the anchor file has a line that is not an anchor (\"" + anchor.bad_line + "\"): it was edited";
  }
  const auto latest = LatestAnchor(anchor);
  if (!latest) return std::string();
  MOTCUA_ASSIGN_OR_RETURN(JournalHead head, ReadHead(db));
  if (head.seq < latest->seq) {
    rule = "behind_anchor";
    return "the journal ends at event " + Seq(head.seq) + " but its anchor recorded event " + Seq(latest->seq) +
           " at " + FormatInstantUtc(latest->recorded_at) +
           ": events were cut off, the file was emptied, or an older copy of the database was put back";
  }
  for (const Anchor& a : anchor.anchors) {
    if (a.seq > head.seq) continue;
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT hash FROM journal WHERE seq = ?1"));
    s.Bind(1, a.seq);
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    const std::string hash = row ? s.Text(0) : std::string();
    if (row) (void)s.Step();
    if (hash != a.hash) {
      rule = "forked_from_anchor";
      return "event " + Seq(a.seq) + " is not the one its anchor recorded at " + FormatInstantUtc(a.recorded_at) +
             ": the journal was rewritten from there (a forked or doctored copy)";
    }
  }
  return std::string();
}

Result<JournalCheck> CheckJournal(Connection& db, const ChainKey& key, const AnchorFile& anchor) {
  JournalCheck check;
  auto fail = [&](std::int64_t seq, const char* rule, std::string problem) {
    if (!check.ok) return;
    check.ok = false;
    check.first_bad_seq = seq;
    check.rule = rule;
    check.problem = std::move(problem);
  };

  // (1), (2): the chain; meanwhile replay the seals: each entity's last sealed digest and its event.
  std::map<std::string, std::pair<std::string, std::int64_t>> sealed;
  static const std::string kSelect = std::string("SELECT ") + kEventColumns + " FROM journal ORDER BY seq";
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(kSelect.c_str()));
  std::string prev = kGenesisHash;
  std::int64_t expected_seq = 1;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const JournalEvent e = ReadEventRow(s);
    ++check.events;
    if (check.ok) {
      const std::string n = Seq(e.seq);
      if (e.seq != expected_seq) {
        fail(expected_seq, "chain_broken", "event " + Seq(expected_seq) + " is missing");
      } else if (e.prev_hash != prev) {
        fail(e.seq, "chain_broken", "event " + n + " does not follow its predecessor");
      } else {
        const std::string want = e.seq >= key.keyed_from_seq ? HashEvent(e, key.key) : LegacyHashEvent(e);
        if (!ConstantTimeEqual(want, e.hash))
          fail(e.seq, "chain_broken", "event " + n + " was altered (its keyed hash does not match)");
      }
      auto seals = ParseSeals(e.seals_json);
      if (!seals) fail(e.seq, "chain_broken", "event " + n + " has unreadable seals");
      else
        for (const Seal& seal : *seals) sealed[seal.entity] = {seal.digest, e.seq};
    }
    prev = e.hash;
    expected_seq = e.seq + 1;
  }
  // Events waiting to be chained (PostgreSQL: SealPendingEvents) sealed their rows after every chained one.
  if (db.ChainsAfterCommit() && check.ok) {
    MOTCUA_ASSIGN_OR_RETURN(Statement w, db.Prepare("SELECT uuid, seals FROM journal_pending ORDER BY id"));
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, w.Step());
      if (!row) break;
      auto seals = ParseSeals(w.Text(1));
      if (!seals) fail(0, "chain_broken", "waiting event " + w.Text(0) + " has unreadable seals");
      else
        for (const Seal& seal : *seals) sealed[seal.entity] = {seal.digest, 0};
    }
  }
  if (!check.ok) return check;

  // (3): the head.
  MOTCUA_ASSIGN_OR_RETURN(JournalHead head, ReadHead(db));
  if (head.seq != expected_seq - 1 || head.hash != prev)
    fail(expected_seq, "head_mismatch",
         "the journal ends at event " + Seq(expected_seq - 1) + " but its head says " + Seq(head.seq) +
             ": events were removed");
  if (!check.ok) return check;

  // (5) before (4): when events were cut off, the rows they changed no longer match the last surviving
  // seals, and "cut off" is the true story.
  if (!anchor.exists) {
    if (check.events > 0)
      fail(0, "anchor_missing",
           "the anchor file beside the database is missing: whether events were cut off cannot be told");
  } else {
    if (auto latest = LatestAnchor(anchor)) check.anchored_seq = latest->seq;
    std::string rule;
    MOTCUA_ASSIGN_OR_RETURN(std::string problem, CheckAgainstAnchor(db, anchor, rule));
    if (!problem.empty()) fail(rule == "behind_anchor" ? head.seq + 1 : 0, rule.c_str(), problem);
  }
  if (!check.ok) return check;

  // (4): every stored row against its last seal.
  MOTCUA_ASSIGN_OR_RETURN(std::vector<std::string> entities, ListEntities(db));
  std::set<std::string> seen;
  for (const std::string& entity : entities) {
    MOTCUA_ASSIGN_OR_RETURN(auto digest, DigestEntity(db, entity));
    ++check.rows;
    seen.insert(entity);
    auto it = sealed.find(entity);
    if (it == sealed.end()) {
      fail(0, "row_unjournaled", entity + " was written outside the journal (no event seals it)");
    } else if (!digest || *digest != it->second.first) {
      fail(it->second.second, "row_altered",
           entity + " differs from the state " + SealedBy(it->second.second) + " sealed: it was edited behind the journal");
    }
  }
  for (const auto& [entity, digest_seq] : sealed)
    if (!seen.count(entity))
      fail(digest_seq.second, "row_missing",
           entity + ", sealed by " + SealedBy(digest_seq.second) + ", is missing: it was deleted");
  return check;
}

}  // namespace motcua::store::internal
