// The store on both engines: round trips, optimistic updates, sequences, queries, two processes racing;
// and what is SQLite's or PostgreSQL's own: WAL, bad files, full disks, schemas, roles.
#include "store/store.h"

#include <sqlite3.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <future>
#include <iterator>
#include <set>
#include <thread>
#include <tuple>
#include <gtest/gtest.h>

#include "store/internal/schema_version.h"
#include "support/fixtures.h"
#include "support/pg_server.h"
#include "support/test_database.h"

namespace motcua::store {
namespace {

using motcua::testing::At;
using motcua::testing::Backend;
using motcua::testing::TempDir;
using motcua::testing::TestDatabase;

dossier::Dossier SampleDossier(const std::string& code) {
  dossier::Dossier d;
  d.code = code;
  d.lookup_secret = "7KQ4";
  d.procedure_code = "1.004222";
  d.procedure_name = "Đăng ký thường trú";
  d.agency_id = "000.00.00.H56";
  d.processing_unit = "Công an xã Thử Nghiệm";
  d.applicant.id_number = "001090123456";
  d.applicant.name = "Nguyễn Thị Thử";
  d.received_at = At("2026-11-23 09:00");
  d.due_at = At("2026-12-02 09:00");
  d.original_due_at = d.due_at;
  d.duration = calendar::Duration{7, calendar::DurationUnit::kWorkingDays};
  d.components = {{"TP1", "Tờ khai", 1, 0, false, "", false,
                   {{std::string(64, 'a'), "application/pdf", 2, 1234, "tokhai.pdf", "can.bo.a", At("2026-11-23 09:01")}}},
                  {"TP2", "Giấy tờ chỗ ở", 0, 1, false, "KQ.1", false, {}}};
  d.results = {{"Thông báo", "", true, std::nullopt, false, "", Instant{}}};
  d.fees = {{"Lệ phí", 15000, std::nullopt, 0}};
  d.steps = {{At("2026-11-23 09:00"), "can.bo.a", "Bộ phận một cửa", "Tiếp nhận hồ sơ", dossier::State::kReceived}};
  return d;
}

using motcua::testing::WriteJournaled;

std::unique_ptr<Store> Open(const TempDir& dir) {
  auto s = OpenSqliteStore((dir / "t.db").string());
  EXPECT_TRUE(s) << s.error().Describe();
  return s ? std::move(*s) : nullptr;
}

// The tests every engine must pass. Open(dir) opens this test's database (made on first use, in `dir`).
class StoreOnEachEngine : public ::testing::TestWithParam<Backend> {
 protected:
  std::unique_ptr<Store> Open(const TempDir& dir) {
    if (!db_) {
      auto db = TestDatabase::Create(GetParam(), dir.path());
      EXPECT_TRUE(db) << db.error().Describe();
      if (!db) return nullptr;
      db_ = std::move(*db);
    }
    auto s = db_->Open();
    EXPECT_TRUE(s) << s.error().Describe();
    return s ? std::move(*s) : nullptr;
  }
  std::optional<TestDatabase> db_;
};
INSTANTIATE_TEST_SUITE_P(Engines, StoreOnEachEngine, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return std::string(motcua::testing::BackendName(info.param)); });

TEST(SqliteStore, CreatesTheSchemaInWalModeWithForeignKeys) {
  TempDir dir;
  auto store = Open(dir);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "t.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), "wal");
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), internal::kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(db);
  EXPECT_TRUE(store->CheckIntegrity());
}

TEST_P(StoreOnEachEngine, RoundTripsADossierWithAllItsParts) {
  TempDir dir;
  auto store = Open(dir);
  auto d = SampleDossier("000.00.00.H56-261123-0001");
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) { return tx.InsertDossier(d); }));
  auto back = store->GetDossier(d.code);
  ASSERT_TRUE(back && *back);
  const auto& b = **back;
  EXPECT_EQ(b.applicant.name, "Nguyễn Thị Thử");
  EXPECT_EQ(b.version, 1);
  ASSERT_EQ(b.components.size(), 2u);
  ASSERT_EQ(b.components[0].files.size(), 1u);
  EXPECT_EQ(b.components[0].files[0].pages, 2);
  EXPECT_EQ(b.components[0].files[0].mime, "application/pdf");
  EXPECT_EQ(b.components[1].reused_result_code, "KQ.1");
  EXPECT_TRUE(b.components[1].IsDigitized());
  EXPECT_EQ(b.due_at, d.due_at);
  EXPECT_EQ(b.duration, d.duration);
  EXPECT_EQ(b.fees.at(0).amount_vnd, 15000);
  EXPECT_TRUE(b.results.at(0).paper_required);
  EXPECT_EQ(b.steps.at(0).content, "Tiếp nhận hồ sơ");
}

// A dossier's files are read with the rows that name them (one statement per list, not one per file): each
// comes back whole, a result's file too, and an attachment named twice (a paper and its result) is one row
// read twice.
TEST_P(StoreOnEachEngine, ReadsEveryFileWithItsAttachment) {
  TempDir dir;
  auto store = Open(dir);
  auto d = SampleDossier("000.00.00.H56-261123-0002");
  const dossier::Attachment scan{std::string(64, 'a'), "application/pdf", 2, 1234, "tokhai.pdf", "can.bo.a",
                                 At("2026-11-23 09:01")};
  const dossier::Attachment photo{std::string(64, 'b'), "image/jpeg", 1, 77, "anh.jpg", "can.bo.b",
                                  At("2026-11-23 09:02")};
  const dossier::Attachment result{std::string(64, 'a'), "application/pdf", 2, 1234, "ketqua.pdf", "can.bo.c",
                                   At("2026-11-24 10:00")};
  d.components[0].files = {scan, photo};
  d.components[1].files = {photo};
  d.results.push_back({"Giấy xác nhận", "KQ.2", false, result, true, "can.bo.c", At("2026-11-24 10:00")});
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) { return tx.InsertDossier(d); }));
  auto back = store->GetDossier(d.code);
  ASSERT_TRUE(back && *back);
  const auto same = [](const dossier::Attachment& a, const dossier::Attachment& b) {
    return std::tie(a.sha256, a.mime, a.pages, a.size_bytes, a.file_name, a.added_by, a.added_at) ==
           std::tie(b.sha256, b.mime, b.pages, b.size_bytes, b.file_name, b.added_by, b.added_at);
  };
  const auto& c = (*back)->components;
  ASSERT_EQ(c.size(), 2u);
  ASSERT_EQ(c[0].files.size(), 2u);
  EXPECT_TRUE(same(c[0].files[0], scan));
  EXPECT_TRUE(same(c[0].files[1], photo));
  ASSERT_EQ(c[1].files.size(), 1u);
  EXPECT_TRUE(same(c[1].files[0], photo));
  const auto& r = (*back)->results;
  ASSERT_EQ(r.size(), 2u);
  EXPECT_FALSE(r[0].file);
  ASSERT_TRUE(r[1].file);
  EXPECT_TRUE(same(*r[1].file, result));
  EXPECT_TRUE(r[1].e_signed);
}

TEST_P(StoreOnEachEngine, RefusesADuplicateCodeAndKeepsTheFirst) {
  TempDir dir;
  auto store = Open(dir);
  auto d = SampleDossier("000.00.00.H56-261123-0001");
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) { return tx.InsertDossier(d); }));
  d.applicant.name = "Người Khác";
  auto s = WriteJournaled(*store, [&](WriteTx& tx) { return tx.InsertDossier(d); });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "duplicate_code");
  EXPECT_EQ((*store->GetDossier(d.code))->applicant.name, "Nguyễn Thị Thử");
}

TEST_P(StoreOnEachEngine, RejectsAStaleUpdate) {
  TempDir dir;
  auto store = Open(dir);
  auto d = SampleDossier("000.00.00.H56-261123-0001");
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) { return tx.InsertDossier(d); }));
  auto first = **store->GetDossier(d.code);
  auto second = first;
  first.summary = "first";
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) { return tx.UpdateDossier(first); }));
  second.summary = "second";
  auto s = WriteJournaled(*store, [&](WriteTx& tx) { return tx.UpdateDossier(second); });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "stale_update");
  EXPECT_EQ((*store->GetDossier(d.code))->summary, "first");
  EXPECT_EQ((*store->GetDossier(d.code))->version, 2);
}

TEST_P(StoreOnEachEngine, RollsBackEverythingWhenTheBodyFails) {
  TempDir dir;
  auto store = Open(dir);
  auto d = SampleDossier("000.00.00.H56-261123-0001");
  auto s = store->Write([&](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.InsertDossier(d));
    MOTCUA_TRY(tx.AppendEvent({"dossier.received", d.code, "a", "s", At("2026-11-23 09:00"), "{}"}).has_value()
                   ? Ok() : Status(Invalid("x", "y", "z")));
    return Invalid("test", "forced_failure", "fail after writing");
  });
  ASSERT_FALSE(s);
  EXPECT_FALSE(*store->GetDossier(d.code));
  EXPECT_TRUE(store->ReadJournal({})->empty());
}

TEST_P(StoreOnEachEngine, NextOrdinalCountsPerKeyAcrossReopen) {
  TempDir dir;
  {
    auto store = Open(dir);
    for (int expected : {1, 2, 3}) {
      int got = 0;
      ASSERT_TRUE(store->Write([&](WriteTx& tx) -> Status {
        MOTCUA_ASSIGN_OR_RETURN(got, tx.NextOrdinal("code:A-261123:0"));
        return Ok();
      }));
      EXPECT_EQ(got, expected);
    }
  }
  auto store = Open(dir);
  int other = 0, again = 0;
  ASSERT_TRUE(store->Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(other, tx.NextOrdinal("code:A-261124:0"));
    MOTCUA_ASSIGN_OR_RETURN(again, tx.NextOrdinal("code:A-261123:0"));
    return Ok();
  }));
  EXPECT_EQ(other, 1);
  EXPECT_EQ(again, 4);
}

TEST_P(StoreOnEachEngine, ListsByStateDueDateAndText) {
  TempDir dir;
  auto store = Open(dir);
  auto a = SampleDossier("000.00.00.H56-261123-0001");
  auto b = SampleDossier("000.00.00.H56-261123-0002");
  b.applicant.name = "Trần Văn Bình";
  b.applicant.id_number = "002085000111";
  b.due_at = b.original_due_at = At("2026-11-25 09:00");
  b.state = dossier::State::kInProgress;
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.InsertDossier(a));
    return tx.InsertDossier(b);
  }));
  auto all = store->ListDossiers({});
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(0).code, b.code);  // earliest due first
  EXPECT_EQ(store->ListDossiers({.states = {dossier::State::kReceived}})->size(), 1u);
  EXPECT_EQ(store->ListDossiers({.due_before = At("2026-11-26 00:00")})->size(), 1u);
  // Names match without diacritics, in word order; IDs and codes by prefix.
  EXPECT_EQ(store->ListDossiers({.text = "tran binh"})->at(0).code, b.code);
  EXPECT_EQ(store->ListDossiers({.text = "TRẦN VĂN"})->size(), 1u);
  EXPECT_EQ(store->ListDossiers({.text = "002085"})->at(0).code, b.code);
  EXPECT_EQ(store->ListDossiers({.text = "000.00.00.H56-261123-0001"})->at(0).code, a.code);
  EXPECT_TRUE(store->ListDossiers({.text = "50%"})->empty());  // LIKE wildcards are literal
  EXPECT_EQ(*store->CountDossiers(), 2);
}

TEST_P(StoreOnEachEngine, StoresProceduresAndSettings) {
  TempDir dir;
  auto store = Open(dir);
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.UpsertProcedure(motcua::testing::ResidenceProcedure()));
    return tx.PutSetting("agency_id", "000.00.00.H56");
  }));
  auto p = store->GetProcedure("1.004222");
  ASSERT_TRUE(p && *p);
  EXPECT_EQ((*p)->name, "Đăng ký thường trú");
  EXPECT_EQ((*p)->components.size(), 3u);
  EXPECT_EQ(**store->GetSetting("agency_id"), "000.00.00.H56");
  EXPECT_FALSE(*store->GetSetting("missing"));
}

// A counter and a sync process on one file: a read left a statement stepped to its row (a lookup that
// found one), the other process wrote, and the next write here failed as "database is locked" for the
// whole busy timeout (SQLITE_BUSY_SNAPSHOT on a read transaction never ended). Reads must end theirs.
TEST(SqliteStore, AReadLeavesNoTransactionOpenThatBlocksTheNextWriteAfterAnotherConnectionWrote) {
  TempDir dir;
  auto here = Open(dir);
  ASSERT_TRUE(WriteJournaled(*here, [&](WriteTx& tx) -> Status {
    MOTCUA_TRY(tx.InsertDossier(SampleDossier("A-1")));
    return tx.PutSetting("k", "1");
  }));
  SqliteOptions quick;
  quick.busy_timeout_ms = 300;
  auto other = OpenSqliteStore((dir / "t.db").string(), quick);
  ASSERT_TRUE(other);
  ASSERT_TRUE(*here->GetSetting("k"));  // a lookup that finds its row
  ASSERT_TRUE(here->GetDossier("A-1"));
  ASSERT_TRUE(WriteJournaled(**other, [&](WriteTx& tx) { return tx.PutSetting("k", "2"); }));
  auto written = WriteJournaled(*here, [&](WriteTx& tx) { return tx.PutSetting("k", "3"); });
  EXPECT_TRUE(written) << written.error().Describe();
  EXPECT_EQ(**(*other)->GetSetting("k"), "3");
}

TEST(SqliteStore, AFullDiskRefusesTheWriteAndKeepsEverythingBefore) {
  motcua::testing::TinyFilesystem fs(512);
  if (!fs.mounted()) GTEST_SKIP() << fs.why_not();
  auto opened = OpenSqliteStore((fs.path() / "full.db").string());
  ASSERT_TRUE(opened) << opened.error().Describe();
  auto& store = *opened;
  int stored = 0;
  Error last;
  for (int i = 0; i < 5000; ++i) {
    auto d = SampleDossier("000.00.00.H56-261123-" + std::to_string(1000 + i));
    d.summary = std::string(2000, 'x');  // fill the disk quickly
    Status s = store->Write([&](WriteTx& tx) -> Status {
      MOTCUA_TRY(tx.InsertDossier(d));
      auto e = tx.AppendEvent({"dossier.received", d.code, "a", "s", At("2026-11-23 09:00"), "{}"});
      if (!e) return e.error();
      return Ok();
    });
    if (!s) {
      last = s.error();
      break;
    }
    ++stored;
  }
  ASSERT_GT(stored, 0);
  ASSERT_LT(stored, 5000) << "the disk never filled";
  EXPECT_EQ(last.code, ErrorCode::kUnavailable);
  EXPECT_EQ(last.rule, "disk_full") << last.Describe();
  EXPECT_EQ(*store->CountDossiers(), stored);
  EXPECT_TRUE(store->CheckIntegrity());
  EXPECT_TRUE(store->VerifyJournal()->ok);
  EXPECT_EQ(store->ReadJournal({.limit = 100000})->size(), std::size_t(stored));
}

TEST_P(StoreOnEachEngine, KeepsRecordsWithVersionChecks) {
  TempDir dir;
  auto store = Open(dir);
  Record user{"user", "can.bo.a", "active", At("2026-11-23 08:00"), R"({"role":"officer"})", 0};
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) { return tx.PutRecord(user); }));
  auto dup = WriteJournaled(*store, [&](WriteTx& tx) { return tx.PutRecord(user); });
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().rule, "duplicate_record");
  auto got = store->GetRecord("user", "can.bo.a");
  ASSERT_TRUE(got && *got);
  EXPECT_EQ((*got)->version, 1);
  Record changed = **got;
  changed.status = "disabled";
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) { return tx.PutRecord(changed); }));
  auto stale = WriteJournaled(*store, [&](WriteTx& tx) { return tx.PutRecord(changed); });  // version 1 again
  EXPECT_EQ(stale.error().rule, "stale_update");
  auto bad = WriteJournaled(*store, [&](WriteTx& tx) { return tx.PutRecord({"user", "x", "", {}, "[1,2]", 0}); });
  EXPECT_EQ(bad.error().rule, "not_a_json_object");
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) {
    return tx.PutRecord({"user", "can.bo.b", "active", At("2026-11-23 09:00"), "{}", 0});
  }));
  EXPECT_EQ(store->ListRecords({.kind = "user"})->size(), 2u);
  EXPECT_EQ(store->ListRecords({.kind = "user", .status = "active"})->at(0).key, "can.bo.b");
  EXPECT_EQ(store->ListRecords({.kind = "user", .key_prefix = "can.bo.a"})->size(), 1u);
  EXPECT_TRUE(store->ListRecords({.kind = "manifest"})->empty());
}

// A database written by a motcua before keyed chains (schema 2): its plain SHA-256 events keep
// verifying, the upgrade seals every row in one event, and later edits of those rows show.
TEST(OpenSqliteStore, UpgradesASchemaTwoDatabaseAndSealsItsRows) {
  TempDir dir;
  const std::string path = (dir / "t.db").string();
  std::vector<JournalEvent> events;
  {
    auto store = Open(dir);
    ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) {
      return tx.InsertDossier(SampleDossier("000.00.00.H56-261123-0001"));
    }));
    ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) {
      return tx.PutRecord({"user", "can.bo.a", "active", At("2026-11-23 09:00"), R"({"role":"officer"})", 0});
    }));
    events = *store->ReadJournal({});
  }
  // Back to schema 2 as it was: no v3 (or v5) columns, plain SHA-256 hashes, no files beside.
  std::string sql =
      "ALTER TABLE dossiers DROP COLUMN return_receiver_id_type;"
      "DROP TRIGGER journal_is_append_only_update; DROP INDEX dossiers_by_request_id;"
      "ALTER TABLE dossiers DROP COLUMN request_id; ALTER TABLE journal DROP COLUMN recorded_at;"
      "ALTER TABLE journal DROP COLUMN seals;";
  std::string prev = kGenesisHash;
  for (JournalEvent& e : events) {
    e.prev_hash = prev;
    e.hash = LegacyHashEvent(e);
    prev = e.hash;
    sql += "UPDATE journal SET prev_hash = '" + e.prev_hash + "', hash = '" + e.hash +
           "' WHERE seq = " + std::to_string(e.seq) + ";";
  }
  sql += "UPDATE journal_head SET hash = '" + prev + "'; PRAGMA user_version = 2;";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_close(db);
  std::filesystem::remove(ChainKeyPath(path));
  std::filesystem::remove(AnchorPath(path));

  auto store = Open(dir);
  ASSERT_TRUE(store);
  auto after = *store->ReadJournal({});
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[2].type, "store.upgraded");
  EXPECT_NE(after[2].seals_json.find("dossier:000.00.00.H56-261123-0001"), std::string::npos);
  EXPECT_NE(after[2].seals_json.find("record:user/can.bo.a"), std::string::npos);
  std::ifstream key(ChainKeyPath(path));
  std::string text((std::istreambuf_iterator<char>(key)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("keyed-from 3"), std::string::npos) << text;
  auto check = store->VerifyJournal();
  EXPECT_TRUE(check->ok) << check->problem;
  store.reset();
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "UPDATE records SET body = '{\"role\":\"admin\"}'", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  store = Open(dir);
  EXPECT_EQ(store->VerifyJournal()->rule, "row_altered");
}

TEST(OpenSqliteStore, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  std::ofstream(dir / "bad.db") << "this is not a database, just text that is long enough to be a header......";
  auto s = OpenSqliteStore((dir / "bad.db").string());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kCorrupt);
}

TEST(OpenSqliteStore, RefusesASchemaFromTheFuture) {
  TempDir dir;
  { auto store = Open(dir); }
  sqlite3* db = nullptr;
  sqlite3_open((dir / "t.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = OpenSqliteStore((dir / "t.db").string());
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "schema_too_new");
}

TEST(OpenSqliteStore, ReportsAMissingDatabaseWhenNotCreating) {
  TempDir dir;
  auto s = OpenSqliteStore((dir / "none.db").string(), {.create_if_missing = false});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "database_missing");
}

// A second store opened on the same file in one process (the display board scores the month on its own
// connection) must not break the first: POSIX drops every lock of a process on a file when any of its
// descriptors for it closes, and a writer in another process that then believes it is the last connection
// deletes the WAL under the first one, which stops seeing new commits.
TEST(SqliteStore, SecondStoreInOneProcessKeepsTheFirstSeeingOtherProcessesCommits) {
  TempDir dir;
  const std::string path = (dir / "motcua.db").string();
  auto first = OpenSqliteStore(path);
  ASSERT_TRUE(first);
  ASSERT_TRUE(motcua::testing::WriteJournaled(**first, [](WriteTx& tx) { return tx.PutSetting("n", "0"); }));
  auto second = OpenSqliteStore(path);
  ASSERT_TRUE(second);
  for (int i = 1; i <= 3; ++i) {
    auto again = OpenSqliteStore(path);  // and a third, opened and closed: any close() drops the locks
    ASSERT_TRUE(again);
    again->reset();
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {  // another station: opens, writes, closes
      auto other = OpenSqliteStore(path);
      if (!other) ::_exit(3);
      const std::string value = std::to_string(i);
      auto s = motcua::testing::WriteJournaled(**other, [&](WriteTx& tx) { return tx.PutSetting("n", value); });
      other->reset();
      ::_exit(s ? 0 : 4);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ASSERT_TRUE((*second)->GetSetting("n"));  // the second connection is used too, as the board's was
    auto seen = (*first)->GetSetting("n");
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->value_or(""), std::to_string(i)) << "the first connection missed commit " << i;
  }
}

// Two real processes, each with its own connection, increment one record and take ordinals from one key
// 150 times each, as two counters would. Every write checks its version in the statement itself (store.h
// "Isolation"), so no increment is lost, no ordinal is given twice, and the journal stays one chain.
TEST_P(StoreOnEachEngine, TwoProcessesRacingOnOneRecordLoseNothingAndShareNoOrdinal) {
  TempDir dir;
  auto store = Open(dir);
  ASSERT_TRUE(WriteJournaled(*store, [&](WriteTx& tx) {
    return tx.PutRecord({"counter", "shared", "", At("2026-11-23 08:00"), R"({"n":0})", 0});
  }));
  store.reset();
  constexpr int kEach = 150;
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int failures = 0;
      {
        auto mine = db_->Open({.busy_timeout_ms = 30000});
        if (!mine) ::_exit(90);
        std::ofstream out(dir / ("ordinals-" + std::to_string(p)));
        for (int i = 0; i < kEach; ++i) {
          int ordinal = 0;
          Status s = WriteJournaled(**mine, [&](WriteTx& tx) -> Status {
            MOTCUA_ASSIGN_OR_RETURN(auto rec, tx.GetRecord("counter", "shared"));
            if (!rec) return NotFound("counter", "missing", "no counter");
            Record next = *rec;
            next.body_json = "{\"n\":" + std::to_string(std::stoi(rec->body_json.substr(5)) + 1) + "}";
            MOTCUA_TRY(tx.PutRecord(next));
            MOTCUA_ASSIGN_OR_RETURN(ordinal, tx.NextOrdinal("code:A-261123:0"));
            return Ok();
          });
          if (s) {
            out << ordinal << "\n";
          } else {
            ++failures;
            std::ofstream(dir / ("failure-" + std::to_string(p)), std::ios::app) << s.error().Describe() << "\n";
          }
        }
      }
      ::_exit(failures == 0 ? 0 : 91);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child exit " << WEXITSTATUS(status);
  }
  for (int p = 0; p < 2; ++p) {
    std::ifstream failed(dir / ("failure-" + std::to_string(p)));
    for (std::string line; std::getline(failed, line);) ADD_FAILURE() << "process " << p << ": " << line;
  }
  store = Open(dir);
  auto rec = store->GetRecord("counter", "shared");
  ASSERT_TRUE(rec && *rec);
  EXPECT_EQ((*rec)->body_json, "{\"n\":" + std::to_string(2 * kEach) + "}");
  EXPECT_EQ((*rec)->version, 1 + 2 * kEach);
  std::set<int> ordinals;
  int taken = 0;
  for (int p = 0; p < 2; ++p) {
    std::ifstream in(dir / ("ordinals-" + std::to_string(p)));
    for (int v; in >> v; ++taken) ordinals.insert(v);
  }
  EXPECT_EQ(taken, 2 * kEach);
  EXPECT_EQ(ordinals.size(), std::size_t(2 * kEach));  // none given twice
  EXPECT_EQ(*ordinals.rbegin(), 2 * kEach);           // and none skipped
  auto check = store->VerifyJournal();
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->ok) << check->problem;
  EXPECT_EQ(check->events, 1 + 2 * kEach);
}

TEST(PgStore, AStationRoleFindsNoSchemaUntilTheOwnerMigratesIt) {
  TempDir dir;
  ASSERT_TRUE(TestDatabase::EnsureStationRole());
  auto db = TestDatabase::Create(Backend::kPostgres, dir.path());
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Exec("GRANT USAGE ON SCHEMA " + db->schema() + " TO motcua_station"));
  auto early = store::Open(db->LocationAs("motcua_station"), {.files_dir = dir.path().string()});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().rule, "schema_missing");
  EXPECT_NE(early.error().detail.find("motcua_owner"), std::string::npos) << early.error().detail;
  ASSERT_TRUE(db->Open());
  EXPECT_TRUE(store::Open(db->LocationAs("motcua_station"), {.files_dir = dir.path().string()}));
}

// Stations started together on a new center database: one migrates under the lock, the others wait and
// find the schema current; all of them open it.
TEST(PgStore, StationsStartedTogetherMigrateOnceAndAllOpen) {
  TempDir dir;
  auto db = TestDatabase::Create(Backend::kPostgres, dir.path());
  ASSERT_TRUE(db);
  std::vector<pid_t> children;
  for (int i = 0; i < 4; ++i) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) ::_exit(db->Open() ? 0 : 1);
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  auto versions = db->Sql("SELECT version FROM schema_version");
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 1u);
  EXPECT_EQ((*versions)[0][0], std::to_string(internal::kSchemaVersion));
}

// The server restarts under a station: a write while it is down fails as unavailable, changing nothing; the
// next read and write after it is back reconnect by themselves.
TEST(PgStore, AStationReconnectsByItselfAfterTheServerRestarts) {
  auto server = motcua::testing::PgServer::StartPrimary();
  ASSERT_TRUE(server) << server.error().Describe();
  auto conninfo = (*server)->CreateDatabase();
  ASSERT_TRUE(conninfo);
  TempDir dir;
  auto store = store::Open(*conninfo, {.busy_timeout_ms = 1000, .files_dir = dir.path().string()});
  ASSERT_TRUE(store) << store.error().Describe();
  auto write = [&](const char* value) {
    return WriteJournaled(**store, [&](WriteTx& tx) { return tx.PutSetting("agency_name", value); });
  };
  ASSERT_TRUE(write("UBND xã A"));
  ASSERT_TRUE((*server)->Stop());
  auto down = write("UBND xã B");
  ASSERT_FALSE(down);
  EXPECT_EQ(down.error().code, ErrorCode::kUnavailable) << down.error().Describe();
  ASSERT_TRUE((*server)->Start());
  auto read = (*store)->GetSetting("agency_name");
  ASSERT_TRUE(read) << read.error().Describe();
  EXPECT_EQ(**read, "UBND xã A");
  ASSERT_TRUE(write("UBND xã C"));
  EXPECT_EQ(**(*store)->GetSetting("agency_name"), "UBND xã C");
  EXPECT_TRUE((*store)->VerifyJournal()->ok);
}

// A station on the LAN reaches the center over TLS, checking the server's certificate against the center's
// CA (sslmode=verify-full); a server the CA did not sign is refused, saying so.
TEST(PgStore, ConnectsOverTlsOnlyToTheServerItsCaSigned) {
  TempDir tls;
  const auto run = [&](const std::string& cmd) { return std::system(("cd " + tls.path().string() + " && " + cmd +
                                                                     " >/dev/null 2>&1").c_str()); };
  // A CA, a server certificate it signs for localhost, and a second CA that signs nothing of ours.
  ASSERT_EQ(run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=motcua-test-ca -keyout ca.key -out ca.crt"), 0);
  ASSERT_EQ(run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=other-ca -keyout other.key -out other.crt"), 0);
  ASSERT_EQ(run("openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout server.key -out server.csr"), 0);
  ASSERT_EQ(run("printf 'subjectAltName=DNS:localhost,IP:127.0.0.1' > san.ext && openssl x509 -req -in server.csr "
                "-CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext -out server.crt"), 0);
  // The server reads its key as the postgres user when the tests run as root; PostgreSQL wants it 0600.
  ASSERT_EQ(run("chmod 0755 . && chmod 0600 server.key && (id postgres && [ $(id -u) = 0 ] && "
                "chown postgres server.key server.crt || true)"), 0);
  motcua::testing::PgServerOptions options;
  options.settings = {"ssl=on", "ssl_cert_file=" + (tls / "server.crt").string(),
                      "ssl_key_file=" + (tls / "server.key").string()};
  auto server = motcua::testing::PgServer::StartPrimary(options);
  ASSERT_TRUE(server) << server.error().Describe();
  auto db = (*server)->CreateDatabase();
  ASSERT_TRUE(db);
  const std::string dbname = db->substr(db->rfind("dbname=") + 7);
  const std::string base = "host=localhost port=" + std::to_string((*server)->port()) + " user=motcua dbname=" + dbname;
  TempDir files;
  auto good = store::Open(base + " sslmode=verify-full sslrootcert=" + (tls / "ca.crt").string(),
                          {.files_dir = files.path().string()});
  ASSERT_TRUE(good) << good.error().Describe();
  auto ssl = (*server)->Query(dbname, "SELECT count(*) FROM pg_stat_ssl WHERE ssl");
  ASSERT_TRUE(ssl);
  EXPECT_NE((*ssl)[0][0], "0");
  auto bad = store::Open(base + " sslmode=verify-full sslrootcert=" + (tls / "other.crt").string(),
                         {.files_dir = files.path().string()});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rule, "database_unavailable");
  EXPECT_NE(bad.error().detail.find("certificate"), std::string::npos) << bad.error().detail;
}

// The same rows give the same seals on both engines (row_digest.h), so a journal's seals stay true when a
// center's data moves from one engine to the other.
TEST(PgStore, SealsTheSameRowsWithTheSameDigestsAsSqlite) {
  std::vector<std::string> seals;
  for (Backend b : {Backend::kSqlite, Backend::kPostgres}) {
    TempDir dir;
    auto db = TestDatabase::Create(b, dir.path());
    ASSERT_TRUE(db);
    auto store = db->Open();
    ASSERT_TRUE(store) << store.error().Describe();
    ASSERT_TRUE(WriteJournaled(**store, [&](WriteTx& tx) -> Status {
      MOTCUA_TRY(tx.InsertDossier(SampleDossier("000.00.00.H56-261123-0001")));
      MOTCUA_TRY(tx.PutRecord({"user", "can.bo.a", "active", At("2026-11-23 08:00"), R"({"role":"officer"})", 0}));
      MOTCUA_TRY(tx.UpsertProcedure(motcua::testing::ResidenceProcedure()));
      return tx.PutSetting("agency_id", "000.00.00.H56");
    }));
    auto events = (*store)->ReadJournal({});
    ASSERT_TRUE(events && events->size() == 1u);
    seals.push_back(events->at(0).seals_json);
  }
  EXPECT_FALSE(seals[0].empty());
  EXPECT_EQ(seals[0], seals[1]);
}

// Two counters call "next" at the same instant: the first claims the oldest waiting ticket, the second,
// while the first has not committed, passes over it to the next one instead of racing for it.
TEST(PgStore, AClaimPassesOverRowsAnotherWriterHasClaimed) {
  TempDir dir;
  auto db = TestDatabase::Create(Backend::kPostgres, dir.path());
  ASSERT_TRUE(db);
  auto first = db->Open();
  auto second = db->Open();
  ASSERT_TRUE(first && second);
  for (int i = 1; i <= 2; ++i)
    ASSERT_TRUE(WriteJournaled(**first, [&](WriteTx& tx) {
      return tx.PutRecord({"ticket", "A00" + std::to_string(i), "waiting", At("2026-12-07 08:00") + std::chrono::minutes(i),
                           "{}", 0});
    }));
  const RecordQuery next{.kind = "ticket", .status = "waiting", .limit = 1, .oldest_first = true, .claim = true};
  std::promise<void> claimed, second_done;
  std::string second_got;
  std::thread other([&] {
    claimed.get_future().wait();
    (void)(*second)->Write([&](WriteTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListRecords(next));
      second_got = rows.empty() ? "" : rows[0].key;
      return Ok();
    });
    second_done.set_value();
  });
  std::string first_got;
  ASSERT_TRUE((*first)->Write([&](WriteTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListRecords(next));
    first_got = rows.empty() ? "" : rows[0].key;
    claimed.set_value();
    second_done.get_future().wait();  // the second writer finished while this one still holds its claim
    return Ok();
  }));
  other.join();
  EXPECT_EQ(first_got, "A001");
  EXPECT_EQ(second_got, "A002");
}

TEST(PgStore, RefusesASchemaFromTheFutureSayingWhichItNeeds) {
  TempDir dir;
  auto db = TestDatabase::Create(Backend::kPostgres, dir.path());
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Open());
  ASSERT_TRUE(db->Exec("UPDATE schema_version SET version = 99"));
  auto s = db->Open();
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "schema_too_new");
  EXPECT_NE(s.error().detail.find("schema version 99"), std::string::npos) << s.error().detail;
}

TEST(PgStore, SaysWhichServerItCouldNotReachAndNeverQuotesThePassword) {
  TempDir dir;
  auto s = store::Open("host=127.0.0.1 port=1 dbname=motcua user=motcua_station password=hunter2 connect_timeout=2",
                       {.files_dir = dir.path().string()});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().rule, "database_unavailable");
  EXPECT_NE(s.error().detail.find("127.0.0.1"), std::string::npos) << s.error().detail;
  EXPECT_EQ(s.error().detail.find("hunter2"), std::string::npos) << s.error().detail;
}

TEST(StoreOpen, TellsAFileFromACenterDatabase) {
  EXPECT_FALSE(store::IsCenterLocation("/var/lib/motcua/motcua.db"));
  EXPECT_FALSE(store::IsCenterLocation("motcua.db"));
  EXPECT_TRUE(store::IsCenterLocation("postgresql://motcua_station@10.0.0.5/motcua"));
  EXPECT_TRUE(store::IsCenterLocation("postgres://db/motcua"));
  EXPECT_TRUE(store::IsCenterLocation("host=10.0.0.5,10.0.0.6 dbname=motcua target_session_attrs=read-write"));
  TempDir dir;
  auto no_dir = store::Open("host=127.0.0.1 dbname=motcua");
  ASSERT_FALSE(no_dir);
  EXPECT_EQ(no_dir.error().rule, "files_dir_missing");
}

}  // namespace
}  // namespace motcua::store
