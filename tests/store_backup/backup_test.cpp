// Backups (store.h "Backups"), on each engine: a round trip gives back every row of every table and a
// journal that verifies; a backup older than the station's anchor is refused unless the anchor is moved
// aside, which is then journaled; bad input (no file, not a backup, a damaged one, another center's) is
// refused with its rule and changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>

#include "store/store.h"
#include "support/fixtures.h"
#include "support/test_database.h"

namespace motcua {
namespace {

using motcua::testing::Backend;
using motcua::testing::TempDir;
using motcua::testing::TestDatabase;

using Tables = std::map<std::string, TestDatabase::Rows>;

// Every row of every table of the store, sorted (row order is not part of a database's content).
Tables ReadAllTables(const TestDatabase& db) {
  const std::string list = db.backend() == Backend::kSqlite
                               ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                               : "SELECT tablename FROM pg_tables WHERE schemaname = '" + db.schema() + "'";
  Tables out;
  auto names = db.Sql(list);
  EXPECT_TRUE(names) << names.error().Describe();
  if (!names) return out;
  for (const auto& n : *names) {
    auto rows = db.Sql("SELECT * FROM " + n[0]);
    EXPECT_TRUE(rows) << n[0] << ": " << rows.error().Describe();
    if (!rows) continue;
    std::sort(rows->begin(), rows->end());
    out[n[0]] = std::move(*rows);
  }
  return out;
}

// A store with an agency, a procedure and `n` received dossiers (more with each call).
class Center {
 public:
  Center(const TestDatabase& db, std::string agency) : db_(db), agency_(std::move(agency)) {}

  void Receive(int n) {
    auto store = db_.Open();
    ASSERT_TRUE(store) << store.error().Describe();
    if (!loaded_) {
      ASSERT_TRUE(motcua::testing::WriteJournaled(**store, [&](store::WriteTx& tx) -> Status {
        MOTCUA_TRY(tx.PutSetting("agency_id", agency_));
        return tx.UpsertProcedure(motcua::testing::ResidenceProcedure());
      }));
      loaded_ = true;
    }
    auto cal = calendar::LoadCalendar(std::filesystem::path(MOTCUA_ASSETS_DIR) / "calendar");
    ASSERT_TRUE(cal);
    workflow::Desk desk;
    desk.store = store->get();
    desk.calendar = &*cal;
    desk.settings.agency_id = agency_;
    desk.settings.receiving_unit = "Bộ phận một cửa thử nghiệm";
    desk.center_key = std::string(32, 'k');
    desk.files_root = db_.files_dir() / "files";
    const workflow::Actor actor{"can.bo.a", workflow::Role::kOfficer, "station-1"};
    for (int i = 0; i < n; ++i) {
      workflow::IntakeRequest r = motcua::testing::SampleIntake();
      r.received_at = motcua::testing::At("2026-11-24 09:00");
      auto received = workflow::Receive(desk, actor, r, *r.received_at);
      ASSERT_TRUE(received) << received.error().Describe();
    }
  }

 private:
  const TestDatabase& db_;
  std::string agency_;
  bool loaded_ = false;
};

std::string ReadText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class BackupOnEachEngine : public ::testing::TestWithParam<Backend> {
 protected:
  TestDatabase Make(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    auto db = TestDatabase::Create(GetParam(), dir);
    EXPECT_TRUE(db) << db.error().Describe();
    return std::move(*db);
  }
  static store::OpenOptions Options(const TestDatabase& db) {
    return {.create_if_missing = false, .files_dir = db.files_dir().string()};
  }
};

INSTANTIATE_TEST_SUITE_P(Engines, BackupOnEachEngine, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return std::string(motcua::testing::BackendName(info.param)); });

TEST_P(BackupOnEachEngine, RoundTripGivesBackEveryRowAndAJournalThatVerifies) {
  TempDir dir;
  TestDatabase db = Make(dir / "db");
  Center center(db, "000.00.00.H56");
  center.Receive(3);
  const Tables at_backup = ReadAllTables(db);
  const auto file = dir / "center.motcua-backup";
  auto info = store::Backup(db.location(), file.string(), Options(db));
  ASSERT_TRUE(info) << info.error().Describe();
  EXPECT_EQ(info->engine, GetParam() == Backend::kSqlite ? "sqlite" : "postgres");
  EXPECT_EQ(info->agency_id, "000.00.00.H56");
  EXPECT_EQ(std::size_t(info->head.seq), at_backup.at("journal").size());
  auto header = store::ReadBackupInfo(file.string());
  ASSERT_TRUE(header) << header.error().Describe();
  EXPECT_EQ(header->head.hash, info->head.hash);
  // A second backup never overwrites the first.
  auto again = store::Backup(db.location(), file.string(), Options(db));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().rule, "exists");

  // Work after the backup: the anchor moves past what the backup holds.
  center.Receive(2);
  const Tables after_work = ReadAllTables(db);
  const std::string anchor_before = ReadText(db.anchor_path());

  // Restoring it would lose that work: refused, nothing changed, until asked for explicitly.
  auto refused = store::Restore(db.location(), file.string(), Options(db));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "anchor");
  EXPECT_EQ(refused.error().rule, "behind_anchor");
  EXPECT_NE(refused.error().detail.find("loses the 2 events"), std::string::npos) << refused.error().detail;
  EXPECT_EQ(ReadAllTables(db), after_work);
  EXPECT_EQ(ReadText(db.anchor_path()), anchor_before);

  auto restored = store::Restore(db.location(), file.string(), Options(db),
                                 {.move_anchor_aside = true, .actor = "admin", .station = "station-9"});
  ASSERT_TRUE(restored) << restored.error().Describe();
  ASSERT_FALSE(restored->anchor_moved_to.empty());
  EXPECT_EQ(ReadText(restored->anchor_moved_to), anchor_before) << "the old anchor is kept, not rewritten";
  ASSERT_TRUE(restored->anchor_was);
  EXPECT_EQ(restored->anchor_was->seq, info->head.seq + 2);

  // Row by row: every table as it was at the backup; the journal has one event more, the restore's.
  const Tables now = ReadAllTables(db);
  for (const auto& [table, rows] : at_backup) {
    if (table == "journal" || table == "journal_head") continue;
    EXPECT_EQ(now.at(table), rows) << "table " << table;
  }
  const auto& journal = now.at("journal");
  ASSERT_EQ(journal.size(), at_backup.at("journal").size() + 1);
  for (const auto& row : at_backup.at("journal"))
    EXPECT_NE(std::find(journal.begin(), journal.end(), row), journal.end()) << "a journal row of the backup is missing";
  auto store = db.Open();
  ASSERT_TRUE(store) << store.error().Describe();
  auto check = (*store)->VerifyJournal();
  ASSERT_TRUE(check) << check.error().Describe();
  EXPECT_TRUE(check->ok) << check->problem;
  auto events = (*store)->ReadJournal({.after_seq = info->head.seq});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, "store.restored");
  EXPECT_EQ((*events)[0].actor, "admin");
  EXPECT_NE((*events)[0].payload_json.find(restored->anchor_moved_to), std::string::npos);
  // And the restored database takes writes again.
  store->reset();
  center.Receive(1);
}

TEST_P(BackupOnEachEngine, BadInputIsRefusedAndChangesNothing) {
  TempDir dir;
  TestDatabase db = Make(dir / "db");
  Center center(db, "000.00.00.H56");
  center.Receive(2);
  TestDatabase other = Make(dir / "other");
  Center other_center(other, "000.00.00.G09");
  other_center.Receive(1);
  const auto other_file = dir / "other.motcua-backup";
  ASSERT_TRUE(store::Backup(other.location(), other_file.string(), Options(other)));
  const auto own_file = dir / "own.motcua-backup";
  ASSERT_TRUE(store::Backup(db.location(), own_file.string(), Options(db)));

  const auto not_backup = dir / "notes.txt";
  std::ofstream(not_backup) << "not a backup at all\n";
  const auto damaged = dir / "damaged.motcua-backup";
  {
    std::string bytes = ReadText(own_file);
    bytes[bytes.size() - 100] ^= 0x5a;
    std::ofstream(damaged, std::ios::binary) << bytes;
  }
  const Tables before = ReadAllTables(db);
  const std::string anchor_before = ReadText(db.anchor_path());
  const std::string key_before = ReadText(db.chain_key_path());
  struct Case {
    std::filesystem::path file;
    ErrorCode code;
    const char* rule;
  };
  for (const Case& c : {Case{dir / "missing.motcua-backup", ErrorCode::kInvalid, "cannot_read"},
                        Case{not_backup, ErrorCode::kInvalid, "not_a_backup"},
                        Case{damaged, ErrorCode::kCorrupt, "damaged"},
                        Case{other_file, ErrorCode::kConflict, "other_center"}}) {
    auto r = store::Restore(db.location(), c.file.string(), Options(db), {.move_anchor_aside = true});
    ASSERT_FALSE(r) << c.file;
    EXPECT_EQ(r.error().code, c.code) << c.file << ": " << r.error().Describe();
    EXPECT_EQ(r.error().field, "from") << c.file;
    EXPECT_EQ(r.error().rule, c.rule) << c.file << ": " << r.error().Describe();
    EXPECT_EQ(ReadAllTables(db), before) << c.file;
    EXPECT_EQ(ReadText(db.anchor_path()), anchor_before) << c.file;
    EXPECT_EQ(ReadText(db.chain_key_path()), key_before) << c.file;
  }
}

// The verbs, as an administrator runs them. The restore's own sign-in is journaled, so the database is
// one event past the backup by then: the first restore is refused, the second moves the anchor aside.
TEST(BackupCli, AdministratorBacksUpAndRestores) {
  TempDir dir;
  const auto db = dir / "motcua.db";
  ASSERT_TRUE(motcua::testing::PrepareCliStation(db, "2026-11-23 08:00"));
  auto run = [&](std::vector<std::string> args) {
    std::vector<std::string> full = {"--db", db.string(), "--assets", MOTCUA_ASSETS_DIR, "--as", "admin"};
    full.insert(full.end(), args.begin(), args.end());
    return motcua::testing::RunCli(full);
  };
  const auto file = dir / "station.motcua-backup";
  auto backup = run({"backup", "--to", file.string()});
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_NE(backup.out.find("backup written to"), std::string::npos) << backup.out;
  auto again = run({"backup", "--to", file.string()});
  EXPECT_EQ(again.exit_code, 1) << again.err;
  EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;

  auto refused = run({"restore", "--from", file.string()});
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("behind_anchor"), std::string::npos) << refused.err;
  auto restored = run({"restore", "--from", file.string(), "--move-anchor-aside"});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_NE(restored.err.find("the old anchor is kept as"), std::string::npos) << restored.err;
  auto verify = motcua::testing::RunCli({"--db", db.string(), "--assets", MOTCUA_ASSETS_DIR, "journal", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;

  auto missing = run({"restore", "--from", (dir / "nothing-here").string()});
  EXPECT_EQ(missing.exit_code, 2) << missing.err;
  EXPECT_NE(missing.err.find("cannot_read"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace motcua
