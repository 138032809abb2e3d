// The journal (store/journal.h): the keyed chain, the seals of every stored row, the anchor file, and
// each way of tampering the trust issue names, with the message verify gives for it. The tests that tamper
// with rows run on both engines; those that copy, empty or fork the database file are SQLite's own.
#include "store/journal.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <thread>

#include "common/crypto.h"
#include "store/internal/chain_files.h"
#include "store/internal/pg_db.h"
#include "store/store.h"
#include "support/fixtures.h"
#include "support/pg_server.h"
#include "support/test_database.h"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;
using motcua::testing::At;
using motcua::testing::Backend;
using motcua::testing::TempDir;
using motcua::testing::TestDatabase;

dossier::Dossier MiniDossier(const std::string& code) {
  dossier::Dossier d;
  d.code = code;
  d.lookup_secret = "7KQ4";
  d.procedure_code = "1.004222";
  d.procedure_name = "Đăng ký thường trú";
  d.agency_id = "000.00.00.H56";
  d.applicant.id_number = "001090123456";
  d.applicant.name = "Nguyễn Thị Thử";
  d.received_at = At("2026-11-23 09:00");
  d.due_at = d.original_due_at = At("2026-12-02 09:00");
  return d;
}

class JournalTest : public ::testing::Test {
 protected:
  virtual Backend backend() const { return Backend::kSqlite; }
  void SetUp() override {
    auto db = TestDatabase::Create(backend(), dir_.path());
    ASSERT_TRUE(db) << db.error().Describe();
    db_ = std::move(*db);
    Reopen();
  }
  void Reopen() {
    store_.reset();
    auto s = db_.Open({.wall_clock = &wall_});
    ASSERT_TRUE(s) << s.error().Describe();
    store_ = std::move(*s);
  }
  std::string path() const { return db_.location(); }  // SQLite's file

  // n events, each receiving (and so sealing) one dossier CODE-<i>.
  void AppendEvents(int n) {
    for (int i = 0; i < n; ++i) {
      const int k = next_++;
      ASSERT_TRUE(store_->Write([&](WriteTx& tx) -> Status {
        MOTCUA_TRY(tx.InsertDossier(MiniDossier("CODE-" + std::to_string(k))));
        auto e = tx.AppendEvent({"dossier.received", "CODE-" + std::to_string(k), "can.bo.a", "station-1",
                                 At("2026-11-24 08:00") + std::chrono::minutes(k),
                                 R"({"note":"Tiếp nhận hồ sơ số )" + std::to_string(k) + R"("})"});
        if (!e) return e.error();
        return Ok();
      }));
    }
  }

  // Runs SQL behind the store's back, as an intruder with the file or the server's superuser would
  // (the journal's triggers dropped or disabled first).
  void Tamper(const std::string& sql) {
    store_.reset();
    const std::string unguard = backend() == Backend::kSqlite
                                    ? "DROP TRIGGER IF EXISTS journal_is_append_only_update;"
                                      "DROP TRIGGER IF EXISTS journal_is_append_only_delete;"
                                    : "ALTER TABLE journal DISABLE TRIGGER USER;";
    auto done = db_.Exec(unguard + sql);
    ASSERT_TRUE(done) << done.error().Describe();
  }

  // Verifies through a fresh open, as `motcua journal verify` does.
  JournalCheck Verify() {
    Reopen();
    auto check = store_->VerifyJournal();
    EXPECT_TRUE(check) << check.error().Describe();
    return check ? *check : JournalCheck{};
  }

  std::string ChainKey() {
    auto k = internal::ReadChainKey(db_.chain_key_path().string());
    EXPECT_TRUE(k && *k);
    return k && *k ? (*k)->key : std::string();
  }

  TempDir dir_;
  TestDatabase db_;
  FixedClock wall_{At("2026-11-24 08:00")};
  std::unique_ptr<Store> store_;
  int next_ = 1;
};

// The same tests on SQLite and on PostgreSQL.
class JournalOnEachEngine : public JournalTest, public ::testing::WithParamInterface<Backend> {
 protected:
  Backend backend() const override { return GetParam(); }
};
INSTANTIATE_TEST_SUITE_P(Engines, JournalOnEachEngine,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return std::string(motcua::testing::BackendName(info.param)); });

TEST_P(JournalOnEachEngine, ChainsEventsFromTheGenesisHashUnderTheKey) {
  AppendEvents(3);
  auto events = store_->ReadJournal({});
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ(events->at(0).seq, 1);
  EXPECT_EQ(events->at(0).prev_hash, kGenesisHash);
  EXPECT_EQ(events->at(1).prev_hash, events->at(0).hash);
  EXPECT_EQ(events->at(2).prev_hash, events->at(1).hash);
  EXPECT_EQ(events->at(0).hash, HashEvent(events->at(0), ChainKey()));
  EXPECT_NE(events->at(0).hash, LegacyHashEvent(events->at(0)));
  EXPECT_NE(events->at(0).uuid, events->at(1).uuid);
  EXPECT_EQ(events->at(0).uuid.size(), 36u);
  auto seals = ParseSeals(events->at(0).seals_json);
  ASSERT_TRUE(seals);
  ASSERT_EQ(seals->size(), 1u);
  EXPECT_EQ(seals->at(0).entity, "dossier:CODE-1");
  JournalCheck check = Verify();
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_EQ(check.events, 3);
  EXPECT_EQ(check.rows, 3);
  EXPECT_EQ(check.anchored_seq, 3);
}

TEST_P(JournalOnEachEngine, EveryEventRecordsTheWallClockBesideItsOwnTime) {
  wall_.Set(At("2026-12-06 21:00"));
  AppendEvents(1);  // `at` is 2026-11-24 08:01, as a demo's --now would set it
  auto events = store_->ReadJournal({});
  EXPECT_EQ(events->at(0).at, At("2026-11-24 08:01"));
  EXPECT_EQ(events->at(0).recorded_at, At("2026-12-06 21:00"));
  // recorded_at is part of what the key signs.
  Tamper("UPDATE journal SET recorded_at = recorded_at - 86400 WHERE seq = 1");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "chain_broken");
}

TEST_P(JournalOnEachEngine, EmptyJournalVerifies) {
  JournalCheck check = Verify();
  EXPECT_TRUE(check.ok) << check.problem;
  EXPECT_EQ(check.events, 0);
}

TEST_P(JournalOnEachEngine, TheDatabaseRefusesUpdatesAndDeletes) {
  AppendEvents(1);
  EXPECT_FALSE(db_.Exec("UPDATE journal SET actor = 'x'"));
  EXPECT_FALSE(db_.Exec("DELETE FROM journal"));
  EXPECT_TRUE(Verify().ok);
}

TEST_P(JournalOnEachEngine, DetectsAnAlteredPayload) {
  AppendEvents(5);
  Tamper("UPDATE journal SET payload = '{\"note\":\"changed\"}' WHERE seq = 3");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.first_bad_seq, 3);
  EXPECT_EQ(check.problem, "event 3 was altered (its keyed hash does not match)");
}

TEST_P(JournalOnEachEngine, DetectsADeletedMiddleRow) {
  AppendEvents(5);
  Tamper("DELETE FROM journal WHERE seq = 2");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.first_bad_seq, 2);
  EXPECT_EQ(check.problem, "event 2 is missing");
}

// Tamper case 1 of the issue: a dossier row edited behind the journal (a due date moved by a month).
TEST_P(JournalOnEachEngine, DetectsAnEditedDossierRow) {
  AppendEvents(3);
  Tamper("UPDATE dossiers SET due_at = due_at + 30 * 86400 WHERE code = 'CODE-2'");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "row_altered");
  EXPECT_EQ(check.first_bad_seq, 2);
  EXPECT_EQ(check.problem, "dossier:CODE-2 differs from the state event 2 sealed: it was edited behind the journal");
  // Put back, it verifies again; a paper added to its checklist is an edit of the dossier too.
  Tamper("UPDATE dossiers SET due_at = due_at - 30 * 86400 WHERE code = 'CODE-2'");
  EXPECT_TRUE(Verify().ok);
  Tamper("INSERT INTO dossier_components VALUES ('CODE-2', 0, 'TP9', 'Giấy thêm', 1, 0, 0, '', 0)");
  EXPECT_EQ(Verify().rule, "row_altered");
}

// Tamper case 2: the last events deleted and the stored head rewound to match.
TEST_P(JournalOnEachEngine, DetectsTheLastEventsCutOffWithTheHeadRewound) {
  AppendEvents(5);
  Tamper("DELETE FROM journal WHERE seq >= 4; DELETE FROM dossiers WHERE code IN ('CODE-4', 'CODE-5');"
         "UPDATE journal_head SET seq = 3, hash = (SELECT hash FROM journal WHERE seq = 3)");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "behind_anchor");
  EXPECT_EQ(check.first_bad_seq, 4);
  EXPECT_NE(check.problem.find("the journal ends at event 3 but its anchor recorded event 5"), std::string::npos)
      << check.problem;
  // Nothing more may be written on top of it.
  auto s = store_->Write([](WriteTx& tx) -> Status {
    auto e = tx.AppendEvent({"x", "", "a", "s", Instant{}, "{}"});
    if (!e) return e.error();
    return Ok();
  });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "behind_anchor");
}

TEST_P(JournalOnEachEngine, DetectsDeletedNewestRowsEvenWithoutTheirDossiers) {
  AppendEvents(5);
  Tamper("DELETE FROM journal WHERE seq >= 4");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "head_mismatch");
  EXPECT_NE(check.problem.find("removed"), std::string::npos) << check.problem;
}

// Tamper case 3: an event edited and the whole chain recomputed with plain SHA-256, head included.
TEST_P(JournalOnEachEngine, DetectsAChainRecomputedWithPlainSha256) {
  AppendEvents(3);
  auto events = *store_->ReadJournal({});
  std::string sql;
  std::string prev = kGenesisHash;
  for (JournalEvent& e : events) {
    if (e.seq == 2) e.actor = "ke.gian";
    e.prev_hash = prev;
    e.hash = ToHex(Sha256(CanonicalBytes(e)));
    prev = e.hash;
    sql += "UPDATE journal SET actor = '" + e.actor + "', prev_hash = '" + e.prev_hash + "', hash = '" + e.hash +
           "' WHERE seq = " + std::to_string(e.seq) + ";";
  }
  Tamper(sql + "UPDATE journal_head SET hash = '" + prev + "'");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "chain_broken");
  EXPECT_EQ(check.first_bad_seq, 1);
  EXPECT_EQ(check.problem, "event 1 was altered (its keyed hash does not match)");
}

// Tamper case 4: the file truncated to 0 bytes. Nothing is written into it.
// PostgreSQL's own privileges guard the audit trail: a station's role appends through the store, but the
// server refuses it any UPDATE or DELETE of the journal, any move of its head, any insert beside the
// append path, and switching the triggers off.
TEST(JournalOnPostgres, TheStationRoleAppendsButTheServerRefusesItAnyRewrite) {
  TempDir dir;
  ASSERT_TRUE(TestDatabase::EnsureStationRole());
  auto db = TestDatabase::Create(Backend::kPostgres, dir.path());
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Open());  // the owner migrates, granting the station's role its rights
  auto station = store::Open(db->LocationAs("motcua_station"), {.files_dir = dir.path().string()});
  ASSERT_TRUE(station) << station.error().Describe();
  ASSERT_TRUE((*station)->Write([](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.InsertDossier(MiniDossier("CODE-1")));
    MOTCUA_TRY(tx.AppendEvent({"dossier.received", "CODE-1", "can.bo.a", "station-1", Instant{}, "{}"}));
    return Ok();
  }));
  for (const char* sql : {"UPDATE journal SET actor = 'x'", "DELETE FROM journal", "TRUNCATE journal",
                          "UPDATE journal_head SET seq = 0", "DELETE FROM journal_head",
                          "INSERT INTO journal(seq, uuid, type, dossier_code, actor, station, at, payload, prev_hash, "
                          "hash) VALUES (2, 'u', 't', '', 'a', 's', 0, '{}', 'p', 'h')",
                          "ALTER TABLE journal DISABLE TRIGGER USER", "DELETE FROM journal_pending",
                          "UPDATE journal_pending SET actor = 'x'",
                          "INSERT INTO journal_pending(uuid, type, dossier_code, actor, station, at, recorded_at, "
                          "payload, seals) VALUES ('u', 't', '', 'a', 's', 0, 0, '{}', '')"}) {
    auto refused = db->SqlAs("motcua_station", sql);
    ASSERT_FALSE(refused) << sql;
    EXPECT_EQ(refused.error().rule, "sqlstate_42501") << sql << ": " << refused.error().detail;
  }
  auto check = (*station)->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
  EXPECT_EQ(check->events, 1);
}

// PostgreSQL: a station commits its rows and its events (waiting in journal_pending) without the chain's
// lock, and chains them right after. While another session holds that lock, the commit is done: another
// station sees the dossier, and the journal verifies (the waiting event's seals count); once the lock goes,
// the write returns with its event chained. An event left waiting by a station that died between the two
// steps is chained by the next writer, before that writer's own.
TEST(JournalOnPostgres, AStationCommitsWithoutTheChainsLockAndItsEventsAreChainedRightAfter) {
  TempDir dir;
  auto db = TestDatabase::Create(Backend::kPostgres, dir.path());
  ASSERT_TRUE(db);
  auto writer = db->Open();
  ASSERT_TRUE(writer);
  auto reader = db->Open();
  ASSERT_TRUE(reader) << reader.error().Describe();

  internal::PgConnection holder;
  ASSERT_TRUE(holder.Open(db->location(), 5, false));
  ASSERT_TRUE(holder.BeginWrite());
  ASSERT_TRUE(holder.LockChainHead());
  std::atomic<bool> returned{false};
  std::thread write([&] {
    EXPECT_TRUE((*writer)->Write([](WriteTx& tx) -> Status {
      MOTCUA_TRY(tx.InsertDossier(MiniDossier("CODE-1")));
      MOTCUA_TRY(tx.AppendEvent({"dossier.received", "CODE-1", "can.bo.a", "station-1", Instant{}, "{}"}));
      return Ok();
    }));
    returned = true;
  });
  std::optional<dossier::Dossier> seen;
  for (int i = 0; i < 200 && !seen; ++i) {
    auto d = (*reader)->GetDossier("CODE-1");
    ASSERT_TRUE(d);
    seen = *d;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(seen) << "the dossier is committed while the chain's lock is held elsewhere";
  EXPECT_FALSE(returned) << "the write waits to chain its event";
  auto waiting = db->Sql("SELECT count(*) FROM journal_pending");
  ASSERT_TRUE(waiting);
  EXPECT_EQ((*waiting)[0][0], "1");
  auto check = (*reader)->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
  EXPECT_EQ(check->events, 0);
  holder.Rollback();
  write.join();
  EXPECT_TRUE(returned);
  auto events = (*reader)->ReadJournal({});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ(events->front().dossier_code, "CODE-1");

  // A station died after its commit: its event waits, and the next write chains it first.
  ASSERT_TRUE(db->Sql("SELECT motcua_submit_event('left-behind', 'note.added', '', 'can.bo.b', 'station-2', 0, 0, "
                      "'{}', '')"));
  ASSERT_TRUE((*writer)->Write([](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.InsertDossier(MiniDossier("CODE-2")));
    MOTCUA_TRY(tx.AppendEvent({"dossier.received", "CODE-2", "can.bo.a", "station-1", Instant{}, "{}"}));
    return Ok();
  }));
  events = (*reader)->ReadJournal({});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[1].uuid, "left-behind");
  EXPECT_EQ((*events)[2].dossier_code, "CODE-2");
  check = (*reader)->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
  EXPECT_EQ(check->events, 3);
}

TEST_F(JournalTest, RefusesAnEmptiedFileBesideItsAnchor) {
  AppendEvents(2);
  store_.reset();
  fs::resize_file(path(), 0);
  fs::remove(path() + "-wal");
  fs::remove(path() + "-shm");
  auto s = OpenSqliteStore(path(), {.create_if_missing = false});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(s.error().rule, "behind_anchor");
  EXPECT_NE(s.error().detail.find("the database is empty but its anchor"), std::string::npos) << s.error().detail;
  EXPECT_EQ(fs::file_size(path()), 0u);
}

TEST_F(JournalTest, DetectsAnOlderCopyPutBack) {
  AppendEvents(2);
  store_.reset();
  fs::copy_file(path(), (dir_ / "old.db").string());
  Reopen();
  AppendEvents(2);
  store_.reset();
  fs::copy_file((dir_ / "old.db").string(), path(), fs::copy_options::overwrite_existing);
  fs::remove(path() + "-wal");
  fs::remove(path() + "-shm");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "behind_anchor");
}

// A copy that went its own way from event 2 (another machine, the same key) and was put back with
// more events than the anchor: its event 4 is not the anchored one.
TEST_F(JournalTest, DetectsAForkedCopy) {
  AppendEvents(2);
  store_.reset();
  TempDir other;
  fs::copy_file(path(), other / "j.db");
  fs::copy_file(ChainKeyPath(path()), other / "j.db.chain-key");
  Reopen();
  AppendEvents(2);  // the real one: events 3-4, anchored
  {
    auto fork = OpenSqliteStore((other / "j.db").string());
    ASSERT_TRUE(fork);
    for (int k = 50; k < 53; ++k)
      ASSERT_TRUE((*fork)->Write([&](WriteTx& tx) -> Status {
        MOTCUA_TRY(tx.InsertDossier(MiniDossier("FORK-" + std::to_string(k))));
        auto e = tx.AppendEvent({"dossier.received", "FORK-" + std::to_string(k), "x", "s", Instant{}, "{}"});
        if (!e) return e.error();
        return Ok();
      }));
  }
  store_.reset();
  fs::copy_file(other / "j.db", path(), fs::copy_options::overwrite_existing);
  fs::remove(path() + "-wal");
  fs::remove(path() + "-shm");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "forked_from_anchor");
  EXPECT_NE(check.problem.find("event 3 is not the one its anchor recorded"), std::string::npos) << check.problem;
}

TEST_P(JournalOnEachEngine, DetectsARowWrittenOutsideTheJournal) {
  AppendEvents(1);
  Tamper("INSERT INTO settings(key, value) VALUES ('demo_database', 'true')");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "row_unjournaled");
  EXPECT_EQ(check.problem, "setting:demo_database was written outside the journal (no event seals it)");
}

TEST_P(JournalOnEachEngine, DetectsADeletedRow) {
  AppendEvents(2);
  Tamper("DELETE FROM dossiers WHERE code = 'CODE-1'");
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "row_missing");
  EXPECT_EQ(check.problem, "dossier:CODE-1, sealed by event 1, is missing: it was deleted");
}

TEST_P(JournalOnEachEngine, DetectsAMissingAnchorFile) {
  AppendEvents(1);
  store_.reset();
  fs::remove(db_.anchor_path());
  JournalCheck check = Verify();
  EXPECT_FALSE(check.ok);
  EXPECT_EQ(check.rule, "anchor_missing");
}

TEST_P(JournalOnEachEngine, AnAnchorThatLagsIsFineAndCatchesUpAtTheNextOpen) {
  AppendEvents(3);
  store_.reset();
  // A crash between the last commit and its anchor line: the anchor ends at event 2.
  auto file = internal::ReadAnchorFile(db_.anchor_path());
  ASSERT_TRUE(file);
  std::ofstream(db_.anchor_path(), std::ios::trunc)
      << file->anchors[0].seq << " " << file->anchors[0].hash << " 2026-11-24T01:00:00Z\n"
      << file->anchors[1].seq << " " << file->anchors[1].hash << " 2026-11-24T01:00:00Z\n";
  JournalCheck check = Verify();  // Verify reopens: the open appends the head
  EXPECT_TRUE(check.ok) << check.problem;
  auto latest = internal::LatestAnchor(*internal::ReadAnchorFile(db_.anchor_path()));
  EXPECT_EQ(latest->seq, 3);
}

TEST_P(JournalOnEachEngine, RefusesToOpenAKeyedJournalWhoseKeyIsGone) {
  AppendEvents(1);
  store_.reset();
  fs::remove(db_.chain_key_path());
  auto s = db_.Open();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "chain_key_missing");
  EXPECT_FALSE(fs::exists(db_.chain_key_path()));  // never silently replaced
}

// A station of a center given another chain key than the one the journal was written with (or a key file
// left beside another database) would break the chain for every reader: it is refused before it writes.
TEST_P(JournalOnEachEngine, AStationWithAnotherChainKeyIsRefusedBeforeItWrites) {
  AppendEvents(2);
  store_.reset();
  fs::remove(db_.chain_key_path());
  ASSERT_TRUE(internal::CreateChainKey(db_.chain_key_path().string(), 1));
  Reopen();
  auto s = store_->Write([](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.AppendEvent({"x", "", "a", "s", Instant{}, "{}"}));
    return Ok();
  });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "chain_key_mismatch");
  EXPECT_EQ(store_->ReadJournal({})->size(), 2u);
}

TEST_P(JournalOnEachEngine, AWriteWithoutAnEventIsRefusedButAScratchRecordIsNot) {
  auto s = store_->Write([](WriteTx& tx) { return tx.PutSetting("agency_id", "000.00.00.H56"); });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(s.error().rule, "unjournaled_write");
  EXPECT_FALSE(*store_->GetSetting("agency_id"));
  ASSERT_TRUE(store_->Write([](WriteTx& tx) {
    return tx.PutRecord({"scratch.intake_draft", "station-1/can.bo.a", "active", Instant{}, "{}", 0});
  }));
  Tamper("UPDATE records SET body = '{\"x\":1}'");  // scratch records are not the audit trail
  EXPECT_TRUE(Verify().ok);
}

TEST_P(JournalOnEachEngine, SealsEveryRowATransactionWroteOnItsLastEvent) {
  ASSERT_TRUE(store_->Write([](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.PutSetting("agency_id", "000.00.00.H56"));
    MOTCUA_TRY(tx.AppendEvent({"a", "", "x", "s", Instant{}, "{}"}));
    MOTCUA_TRY(tx.PutRecord({"user", "can.bo.a", "active", Instant{}, "{}", 0}));  // after the first event
    MOTCUA_TRY(tx.AppendEvent({"b", "", "x", "s", Instant{}, "{}"}));
    return Ok();
  }));
  auto events = *store_->ReadJournal({});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].seals_json, "");
  auto seals = *ParseSeals(events[1].seals_json);
  ASSERT_EQ(seals.size(), 2u);
  EXPECT_EQ(seals[0].entity, "setting:agency_id");
  EXPECT_EQ(seals[1].entity, "record:user/can.bo.a");
  Tamper("UPDATE records SET body = '{\"role\":\"admin\"}' WHERE key = 'can.bo.a'");
  EXPECT_EQ(Verify().rule, "row_altered");
}

TEST_F(JournalTest, KeepsItsFilesPrivate) {
  AppendEvents(1);
  for (const std::string& p : {path(), path() + "-wal", ChainKeyPath(path()), AnchorPath(path())}) {
    struct stat st{};
    ASSERT_EQ(::stat(p.c_str(), &st), 0) << p;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << p;  // no "motcua" group on the test machine
  }
}

TEST(AnchorFile, CompactsToItsNewestLinesPastItsCap) {
  TempDir dir;
  const fs::path path = dir / "x.anchor";
  const std::string hash(64, 'a');
  std::int64_t seq = 0;
  while (fs::exists(path) ? fs::file_size(path) < internal::kAnchorCompactBytes - 200 : true)
    ASSERT_TRUE(internal::AppendAnchor(path, {++seq, hash, At("2026-11-24 08:00")}));
  const auto before = fs::file_size(path);
  ASSERT_TRUE(internal::AppendAnchor(path, {++seq, hash, At("2026-11-24 08:00")}));
  ASSERT_TRUE(internal::AppendAnchor(path, {++seq, hash, At("2026-11-24 08:00")}));
  EXPECT_LT(fs::file_size(path), before);
  auto file = internal::ReadAnchorFile(path);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->anchors.size(), internal::kAnchorKeepLines);
  EXPECT_EQ(internal::LatestAnchor(*file)->seq, seq);
}

TEST(AnchorFile, LeavesOutATornLastLineButReportsAnEditedOne) {
  TempDir dir;
  const std::string hash(64, 'b');
  std::ofstream(dir / "a") << "1 " << hash << " 2026-11-24T01:00:00Z\n2 " << hash.substr(0, 10);
  auto torn = internal::ReadAnchorFile(dir / "a");
  ASSERT_TRUE(torn);
  EXPECT_EQ(torn->anchors.size(), 1u);
  EXPECT_TRUE(torn->bad_line.empty());
  std::ofstream(dir / "b") << "1 " << hash << " 2026-11-24T01:00:00Z\nedited by hand\n2 " << hash
                           << " 2026-11-24T01:00:00Z\n";
  auto edited = internal::ReadAnchorFile(dir / "b");
  EXPECT_EQ(edited->bad_line, "edited by hand");
}

// Property: any one-byte change to any field of any event is detected. Fixed seed; prints the case.
TEST_P(JournalOnEachEngine, AnyOneByteChangeIsDetected) {
  AppendEvents(12);
  const char* columns[] = {"uuid", "type", "dossier_code", "actor", "station", "payload", "seals", "prev_hash", "hash"};
  std::mt19937 rng(20261124);
  auto quoted = [](const std::string& v) {
    std::string out = "'";
    for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  };
  for (int trial = 0; trial < 40; ++trial) {
    const int seq = 1 + int(rng() % 12);
    const char* col = columns[rng() % std::size(columns)];
    const int pos = 1 + int(rng() % 8);
    const std::string where = " WHERE seq = " + std::to_string(seq);
    auto original = db_.Sql(std::string("SELECT ") + col + " FROM journal" + where);
    ASSERT_TRUE(original && original->size() == 1);
    // Replace one byte with a different one (X, or Y if it already was X).
    Tamper(std::string("UPDATE journal SET ") + col + " = substr(" + col + ", 1, " + std::to_string(pos - 1) +
           ") || (CASE WHEN substr(" + col + ", " + std::to_string(pos) + ", 1) = 'X' THEN 'Y' ELSE 'X' END) || substr(" +
           col + ", " + std::to_string(pos + 1) + ")" + where);
    EXPECT_FALSE(Verify().ok) << "seed 20261124 trial " << trial << ": seq " << seq << " column " << col << " byte " << pos;
    Tamper(std::string("UPDATE journal SET ") + col + " = " + quoted((*original)[0][0]) + where);
  }
  EXPECT_TRUE(Verify().ok);
}

TEST(CanonicalBytes, AreUnambiguousAcrossFieldBoundaries) {
  JournalEvent a, b;
  a.type = "ab";
  a.dossier_code = "c";
  b.type = "a";
  b.dossier_code = "bc";
  EXPECT_NE(CanonicalBytes(a), CanonicalBytes(b));
  EXPECT_NE(HashEvent(a, "k"), HashEvent(b, "k"));
  EXPECT_NE(HashEvent(a, "k"), HashEvent(a, "K"));
}

}  // namespace
}  // namespace motcua::store
