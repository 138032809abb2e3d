// The store of store.h, written once over internal/sql.h: SQLite (one file, WAL mode, foreign keys on,
// BEGIN IMMEDIATE for every write; stack.md §11) or PostgreSQL (a center's server, READ COMMITTED with
// every write checked in its own statement; stack.md §19). Prepared statements only.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.h"
#include "common/crypto.h"
#include "common/files.h"
#include "common/text.h"
#include "dossier/lifecycle.h"
#include "store/internal/chain_files.h"
#include "store/internal/row_digest.h"
#include "store/internal/schema_version.h"
#include "store/internal/journal_rows.h"
#include "store/internal/pg_db.h"
#include "store/internal/sqlite_db.h"
#include "store/store.h"

namespace motcua::store {
namespace {

using internal::Connection;
using internal::Statement;
using namespace motcua::dossier;

std::optional<std::int64_t> OptSeconds(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(ToUnixSeconds(*t)) : std::nullopt;
}
std::optional<Instant> OptInstant(const Statement& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<Instant>(FromUnixSeconds(s.Int(col)));
}

// ---- dossier rows ---------------------------------------------------------------------------

constexpr const char* kDossierColumns =
    "code, lookup_secret, procedure_code, procedure_name, field_code, field_name, agency_id, "
    "receiving_unit, processing_unit, state, channel, delivery, delivery_address, applicant_kind, "
    "applicant_id_type, applicant_id, applicant_name, applicant_name_key, applicant_phone, applicant_email, "
    "applicant_address, summary, sets, duration, received_at, due_at, original_due_at, finished_at, "
    "returned_at, apology_count, apology_reason, vneid_verified, state_reason, return_at, "
    "return_receiver_name, return_receiver_id, return_originals, return_no_digital_reason, return_by, version, "
    "request_id, return_receiver_id_type";

constexpr const char* kInsertDossier =
    "INSERT INTO dossiers(code, lookup_secret, procedure_code, procedure_name, field_code, field_name, "
    "agency_id, receiving_unit, processing_unit, state, channel, delivery, delivery_address, applicant_kind, "
    "applicant_id_type, applicant_id, applicant_name, applicant_name_key, applicant_phone, applicant_email, "
    "applicant_address, summary, sets, duration, received_at, due_at, original_due_at, finished_at, "
    "returned_at, apology_count, apology_reason, vneid_verified, state_reason, return_at, "
    "return_receiver_name, return_receiver_id, return_originals, return_no_digital_reason, return_by, version, "
    "request_id, return_receiver_id_type) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
    "?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40, ?41, ?42) "
    "ON CONFLICT DO NOTHING";

// The whole row replaced where it still has the version read (?43) and the request id it was received
// with: the check is part of the write, so a writer that lost a race changes nothing (store.h "Isolation").
const std::string kUpdateDossier = [] {
  std::string cols = kDossierColumns;
  std::string values;
  for (int i = 2; i <= 42; ++i) values += (i > 2 ? ", ?" : "?") + std::to_string(i);
  return "UPDATE dossiers SET (" + cols.substr(cols.find(',') + 2) + ") = (" + values +
         ") WHERE code = ?1 AND version = ?43 AND request_id IS NOT DISTINCT FROM ?41";
}();

void BindDossier(Statement& s, const Dossier& d, std::int64_t version) {
  const auto& a = d.applicant;
  const auto& r = d.result_return;
  s.Bind(1, d.code).Bind(2, d.lookup_secret).Bind(3, d.procedure_code).Bind(4, d.procedure_name);
  s.Bind(5, d.field_code).Bind(6, d.field_name).Bind(7, d.agency_id).Bind(8, d.receiving_unit);
  s.Bind(9, d.processing_unit).Bind(10, StateKey(d.state)).Bind(11, static_cast<int>(d.channel));
  s.Bind(12, static_cast<int>(d.delivery)).Bind(13, d.delivery_address).Bind(14, static_cast<int>(a.kind));
  s.Bind(15, static_cast<int>(a.id_type)).Bind(16, a.id_number).Bind(17, a.name).Bind(18, FoldForSearch(a.name));
  s.Bind(19, a.phone).Bind(20, a.email).Bind(21, a.address).Bind(22, d.summary).Bind(23, d.sets);
  if (d.duration) s.Bind(24, calendar::FormatDuration(*d.duration));
  else s.BindNull(24);
  s.Bind(25, ToUnixSeconds(d.received_at)).Bind(26, OptSeconds(d.due_at)).Bind(27, OptSeconds(d.original_due_at));
  s.Bind(28, OptSeconds(d.finished_at)).Bind(29, OptSeconds(d.returned_at)).Bind(30, d.apology_count);
  s.Bind(31, d.apology_reason).Bind(32, d.vneid_verified).Bind(33, d.state_reason);
  if (r) {
    s.Bind(34, ToUnixSeconds(r->at)).Bind(35, r->receiver_name).Bind(36, r->receiver_id);
    s.Bind(37, r->originals_returned).Bind(38, r->no_digital_result_reason).Bind(39, r->by);
  } else {
    for (int i = 34; i <= 39; ++i) s.BindNull(i);
  }
  s.Bind(40, version);
  if (d.request_id.empty()) s.BindNull(41);
  else s.Bind(41, d.request_id);
  if (r) s.Bind(42, static_cast<int>(r->receiver_id_type));
  else s.BindNull(42);
}

Result<Dossier> ReadDossierRow(const Statement& s) {
  Dossier d;
  d.code = s.Text(0);
  d.lookup_secret = s.Text(1);
  d.procedure_code = s.Text(2);
  d.procedure_name = s.Text(3);
  d.field_code = s.Text(4);
  d.field_name = s.Text(5);
  d.agency_id = s.Text(6);
  d.receiving_unit = s.Text(7);
  d.processing_unit = s.Text(8);
  auto state = ParseState(s.Text(9));
  if (!state) return Corrupt("state", "bad_row", "dossier " + d.code + " has an unknown state");
  d.state = *state;
  d.channel = static_cast<Channel>(s.Int(10));
  d.delivery = static_cast<Delivery>(s.Int(11));
  d.delivery_address = s.Text(12);
  d.applicant.kind = static_cast<ApplicantKind>(s.Int(13));
  d.applicant.id_type = static_cast<IdType>(s.Int(14));
  d.applicant.id_number = s.Text(15);
  d.applicant.name = s.Text(16);
  d.applicant.phone = s.Text(18);
  d.applicant.email = s.Text(19);
  d.applicant.address = s.Text(20);
  d.summary = s.Text(21);
  d.sets = static_cast<int>(s.Int(22));
  if (!s.IsNull(23)) {
    auto dur = calendar::ParseDuration(s.Text(23));
    if (!dur) return Corrupt("duration", "bad_row", "dossier " + d.code + " has a bad duration");
    d.duration = *dur;
  }
  d.received_at = FromUnixSeconds(s.Int(24));
  d.due_at = OptInstant(s, 25);
  d.original_due_at = OptInstant(s, 26);
  d.finished_at = OptInstant(s, 27);
  d.returned_at = OptInstant(s, 28);
  d.apology_count = static_cast<int>(s.Int(29));
  d.apology_reason = s.Text(30);
  d.vneid_verified = s.Int(31) != 0;
  d.state_reason = s.Text(32);
  if (!s.IsNull(33)) {
    ResultReturn r;
    r.at = FromUnixSeconds(s.Int(33));
    r.receiver_name = s.Text(34);
    r.receiver_id = s.Text(35);
    r.originals_returned = s.Int(36) != 0;
    r.no_digital_result_reason = s.Text(37);
    r.by = s.Text(38);
    // NULL on a return recorded before schema version 5, when the number was free text.
    r.receiver_id_type = s.IsNull(41) ? IdType::kOther : static_cast<IdType>(s.Int(41));
    d.result_return = r;
  }
  d.version = s.Int(39);
  d.request_id = s.Text(40);
  return d;
}

Status InsertAttachment(Connection& db, const Attachment& a) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
      "INSERT INTO attachments(sha256, mime, pages, size_bytes) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT(sha256) DO NOTHING"));
  return s.Bind(1, a.sha256).Bind(2, a.mime).Bind(3, a.pages).Bind(4, a.size_bytes).Run();
}

Status InsertChildren(Connection& db, const Dossier& d) {
  for (std::size_t i = 0; i < d.components.size(); ++i) {
    const Component& c = d.components[i];
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "INSERT INTO dossier_components(dossier_code, position, code, name, originals, copies, shown_only, "
        "reused_result_code, from_citizen_store) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
    MOTCUA_TRY(s.Bind(1, d.code).Bind(2, int(i)).Bind(3, c.code).Bind(4, c.name).Bind(5, c.originals)
                   .Bind(6, c.copies).Bind(7, c.shown_only).Bind(8, c.reused_result_code)
                   .Bind(9, c.from_citizen_store).Run());
    for (std::size_t k = 0; k < c.files.size(); ++k) {
      const Attachment& a = c.files[k];
      MOTCUA_TRY(InsertAttachment(db, a));
      MOTCUA_ASSIGN_OR_RETURN(Statement f, db.Prepare(
          "INSERT INTO component_files(dossier_code, position, file_index, sha256, file_name, added_by, added_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
      MOTCUA_TRY(f.Bind(1, d.code).Bind(2, int(i)).Bind(3, int(k)).Bind(4, a.sha256).Bind(5, a.file_name)
                     .Bind(6, a.added_by).Bind(7, ToUnixSeconds(a.added_at)).Run());
    }
  }
  for (std::size_t i = 0; i < d.results.size(); ++i) {
    const ResultDocument& r = d.results[i];
    if (r.file) MOTCUA_TRY(InsertAttachment(db, *r.file));
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "INSERT INTO result_documents(dossier_code, position, name, result_code, paper_required, sha256, "
        "file_name, e_signed, added_by, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    s.Bind(1, d.code).Bind(2, int(i)).Bind(3, r.name).Bind(4, r.result_code).Bind(5, r.paper_required);
    if (r.file) s.Bind(6, r.file->sha256).Bind(7, r.file->file_name);
    else s.BindNull(6).Bind(7, "");
    MOTCUA_TRY(s.Bind(8, r.e_signed).Bind(9, r.added_by).Bind(10, ToUnixSeconds(r.added_at)).Run());
  }
  for (std::size_t i = 0; i < d.fees.size(); ++i) {
    const Fee& f = d.fees[i];
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "INSERT INTO dossier_fees(dossier_code, position, name, amount_vnd, paid_at, paid_online) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    MOTCUA_TRY(s.Bind(1, d.code).Bind(2, int(i)).Bind(3, f.name).Bind(4, f.amount_vnd)
                   .Bind(5, OptSeconds(f.paid_at)).Bind(6, f.paid_online).Run());
  }
  for (std::size_t i = 0; i < d.steps.size(); ++i) {
    const Step& st = d.steps[i];
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "INSERT INTO dossier_steps(dossier_code, position, at, actor, unit, content, state) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    MOTCUA_TRY(s.Bind(1, d.code).Bind(2, int(i)).Bind(3, ToUnixSeconds(st.at)).Bind(4, st.actor)
                   .Bind(5, st.unit).Bind(6, st.content).Bind(7, StateKey(st.state)).Run());
  }
  for (std::size_t i = 0; i < d.supplements.size(); ++i) {
    const SupplementRequest& r = d.supplements[i];
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "INSERT INTO dossier_supplements(dossier_code, position, requested_at, requested_by, reason, items, "
        "received_at, received_by, due_before, due_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    MOTCUA_TRY(s.Bind(1, d.code).Bind(2, int(i)).Bind(3, ToUnixSeconds(r.requested_at)).Bind(4, r.requested_by)
                   .Bind(5, r.reason).Bind(6, nlohmann::json(r.items).dump()).Bind(7, OptSeconds(r.received_at))
                   .Bind(8, r.received_by).Bind(9, OptSeconds(r.due_before)).Bind(10, OptSeconds(r.due_after))
                   .Run());
  }
  return Ok();
}

Status DeleteChildren(Connection& db, std::string_view code) {
  static constexpr const char* kDeletes[] = {
      "DELETE FROM component_files WHERE dossier_code = ?1",
      "DELETE FROM dossier_components WHERE dossier_code = ?1",
      "DELETE FROM result_documents WHERE dossier_code = ?1",
      "DELETE FROM dossier_fees WHERE dossier_code = ?1",
      "DELETE FROM dossier_steps WHERE dossier_code = ?1",
      "DELETE FROM dossier_supplements WHERE dossier_code = ?1",
  };
  for (const char* sql : kDeletes) {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(sql));
    MOTCUA_TRY(s.Bind(1, code).Run());
  }
  return Ok();
}

// The attachment's own columns read with the row that names it (LEFT JOIN attachments a, columns a.mime,
// a.pages, a.size_bytes from `col`): one statement per list of files, not one more per file.
Result<Attachment> AttachmentColumns(const Statement& s, int col, const std::string& sha256) {
  if (s.IsNull(col)) return Corrupt("attachments", "bad_row", "attachment " + sha256 + " has no record");
  Attachment a;
  a.sha256 = sha256;
  a.mime = s.Text(col);
  a.pages = static_cast<int>(s.Int(col + 1));
  a.size_bytes = s.Int(col + 2);
  return a;
}

Status LoadChildren(Connection& db, Dossier& d) {
  {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT code, name, originals, copies, shown_only, reused_result_code, from_citizen_store "
        "FROM dossier_components WHERE dossier_code = ?1 ORDER BY position"));
    s.Bind(1, d.code);
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      Component c;
      c.code = s.Text(0);
      c.name = s.Text(1);
      c.originals = static_cast<int>(s.Int(2));
      c.copies = static_cast<int>(s.Int(3));
      c.shown_only = s.Int(4) != 0;
      c.reused_result_code = s.Text(5);
      c.from_citizen_store = s.Int(6) != 0;
      d.components.push_back(std::move(c));
    }
  }
  {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT f.position, f.sha256, f.file_name, f.added_by, f.added_at, a.mime, a.pages, a.size_bytes "
        "FROM component_files f LEFT JOIN attachments a ON a.sha256 = f.sha256 "
        "WHERE f.dossier_code = ?1 ORDER BY f.position, f.file_index"));
    s.Bind(1, d.code);
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      const int position = static_cast<int>(s.Int(0));
      if (position < 0 || position >= static_cast<int>(d.components.size()))
        return Corrupt("component_files", "bad_row", "a file of " + d.code + " names no component");
      MOTCUA_ASSIGN_OR_RETURN(Attachment a, AttachmentColumns(s, 5, s.Text(1)));
      a.file_name = s.Text(2);
      a.added_by = s.Text(3);
      a.added_at = FromUnixSeconds(s.Int(4));
      d.components[position].files.push_back(std::move(a));
    }
  }
  {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT r.name, r.result_code, r.paper_required, r.sha256, r.file_name, r.e_signed, r.added_by, r.added_at, "
        "a.mime, a.pages, a.size_bytes FROM result_documents r LEFT JOIN attachments a ON a.sha256 = r.sha256 "
        "WHERE r.dossier_code = ?1 ORDER BY r.position"));
    s.Bind(1, d.code);
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      ResultDocument r;
      r.name = s.Text(0);
      r.result_code = s.Text(1);
      r.paper_required = s.Int(2) != 0;
      r.e_signed = s.Int(5) != 0;
      r.added_by = s.Text(6);
      r.added_at = FromUnixSeconds(s.Int(7));
      const std::string sha = s.IsNull(3) ? "" : s.Text(3);
      if (!sha.empty()) {
        MOTCUA_ASSIGN_OR_RETURN(Attachment a, AttachmentColumns(s, 8, sha));
        a.file_name = s.Text(4);
        a.added_by = r.added_by;
        a.added_at = r.added_at;
        r.file = std::move(a);
      }
      d.results.push_back(std::move(r));
    }
  }
  {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT name, amount_vnd, paid_at, paid_online FROM dossier_fees WHERE dossier_code = ?1 ORDER BY position"));
    s.Bind(1, d.code);
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      d.fees.push_back(Fee{s.Text(0), s.Int(1), OptInstant(s, 2), static_cast<int>(s.Int(3))});
    }
  }
  {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT at, actor, unit, content, state FROM dossier_steps WHERE dossier_code = ?1 ORDER BY position"));
    s.Bind(1, d.code);
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      auto state = ParseState(s.Text(4));
      if (!state) return Corrupt("dossier_steps", "bad_row", "a step of " + d.code + " has an unknown state");
      d.steps.push_back(Step{FromUnixSeconds(s.Int(0)), s.Text(1), s.Text(2), s.Text(3), *state});
    }
  }
  {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
        "SELECT requested_at, requested_by, reason, items, received_at, received_by, due_before, due_after "
        "FROM dossier_supplements WHERE dossier_code = ?1 ORDER BY position"));
    s.Bind(1, d.code);
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      SupplementRequest r;
      r.requested_at = FromUnixSeconds(s.Int(0));
      r.requested_by = s.Text(1);
      r.reason = s.Text(2);
      auto items = nlohmann::json::parse(s.Text(3), nullptr, false);
      if (items.is_discarded() || !items.is_array())
        return Corrupt("dossier_supplements", "bad_row", "a supplement of " + d.code + " has bad items");
      for (const auto& it : items)
        if (it.is_string()) r.items.push_back(it.get<std::string>());
      r.received_at = OptInstant(s, 4);
      r.received_by = s.Text(5);
      r.due_before = OptInstant(s, 6);
      r.due_after = OptInstant(s, 7);
      d.supplements.push_back(std::move(r));
    }
  }
  return Ok();
}

// Inside a write transaction (`for_update`) the row is read to be changed: on an engine whose writers
// overlap it is locked as it is read (FOR UPDATE), so a second writer waits for the first to commit and then
// reads its result instead of losing the race at its own update (store.h "Isolation").
Result<std::optional<Dossier>> LoadDossierFrom(Connection& db, std::string_view code, bool for_update = false) {
  static const std::string sql = std::string("SELECT ") + kDossierColumns + " FROM dossiers WHERE code = ?1";
  static const std::string locking = sql + " FOR UPDATE";
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(for_update && db.LocksRowsRead() ? locking.c_str() : sql.c_str()));
  s.Bind(1, code);
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Dossier>();
  MOTCUA_ASSIGN_OR_RETURN(Dossier d, ReadDossierRow(s));
  MOTCUA_TRY(LoadChildren(db, d));
  return std::optional<Dossier>(std::move(d));
}

Result<std::optional<Dossier>> FindDossierByRequestIn(Connection& db, std::string_view request_id) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT code FROM dossiers WHERE request_id = ?1"));
  s.Bind(1, request_id);
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Dossier>();
  const std::string code = s.Text(0);
  (void)s.Step();
  return LoadDossierFrom(db, code);
}

// ---- records -------------------------------------------------------------------------------

Record ReadRecordRow(const Statement& s) {
  return Record{s.Text(0), s.Text(1), s.Text(2), FromUnixSeconds(s.Int(3)), s.Text(4), s.Int(5)};
}

// `for_update`: as LoadDossierFrom.
Result<std::optional<Record>> GetRecordFrom(Connection& db, std::string_view kind, std::string_view key,
                                            bool for_update = false) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(
      for_update && db.LocksRowsRead()
          ? "SELECT kind, key, status, updated_at, body, version FROM records WHERE kind = ?1 AND key = ?2 FOR UPDATE"
          : "SELECT kind, key, status, updated_at, body, version FROM records WHERE kind = ?1 AND key = ?2"));
  s.Bind(1, kind).Bind(2, key);
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Record>();
  Record r = ReadRecordRow(s);
  (void)s.Step();
  return std::optional<Record>(std::move(r));
}

// The statements of a RecordQuery. With a status the WHERE clause is a plain "status = ?2", never
// "(?2 = '' OR status = ?2)": SQLite cannot use records_by_status for an OR on a parameter, and a queue
// line of 10,000 tickets then costs a scan and a sort per call instead of one index step (bench/queue).
// Literals, one per shape: Connection::Prepare caches statements by their text's address.
#define MOTCUA_RECORD_WHERE(status) "WHERE kind = ?1 AND " status " AND substr(key, 1, length(?3)) = ?3 "
#define MOTCUA_RECORD_SELECT "SELECT kind, key, status, updated_at, body, version FROM records "
constexpr const char* kListRecordsSql[2][2] = {  // [has status][oldest first]
    {MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("?2 = ''") "ORDER BY updated_at DESC, key LIMIT ?4",
     MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("?2 = ''") "ORDER BY updated_at ASC, key LIMIT ?4"},
    {MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("status = ?2") "ORDER BY updated_at DESC, key LIMIT ?4",
     MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("status = ?2") "ORDER BY updated_at ASC, key LIMIT ?4"}};
constexpr const char* kClaimRecordsSql[2][2] = {  // as kListRecordsSql, FOR UPDATE SKIP LOCKED
    {MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("?2 = ''") "ORDER BY updated_at DESC, key LIMIT ?4 FOR UPDATE SKIP LOCKED",
     MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("?2 = ''") "ORDER BY updated_at ASC, key LIMIT ?4 FOR UPDATE SKIP LOCKED"},
    {MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("status = ?2") "ORDER BY updated_at DESC, key LIMIT ?4 FOR UPDATE SKIP LOCKED",
     MOTCUA_RECORD_SELECT MOTCUA_RECORD_WHERE("status = ?2") "ORDER BY updated_at ASC, key LIMIT ?4 FOR UPDATE SKIP LOCKED"}};
constexpr const char* kCountRecordsSql[2] = {"SELECT count(*) FROM records " MOTCUA_RECORD_WHERE("?2 = ''"),
                                             "SELECT count(*) FROM records " MOTCUA_RECORD_WHERE("status = ?2")};
#undef MOTCUA_RECORD_SELECT
#undef MOTCUA_RECORD_WHERE

// `in_write`: inside a write transaction, where RecordQuery::claim applies.
Result<std::vector<Record>> ListRecordsFrom(Connection& db, const RecordQuery& q, bool in_write = false) {
  const auto& sql = in_write && q.claim && db.LocksRowsRead() ? kClaimRecordsSql : kListRecordsSql;
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(sql[!q.status.empty()][q.oldest_first]));
  s.Bind(1, q.kind).Bind(2, q.status).Bind(3, q.key_prefix).Bind(4, q.limit);
  std::vector<Record> out;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadRecordRow(s));
  }
  return out;
}

Result<std::int64_t> CountRecordsFrom(Connection& db, const RecordQuery& q) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(kCountRecordsSql[!q.status.empty()]));
  s.Bind(1, q.kind).Bind(2, q.status).Bind(3, q.key_prefix);
  MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}


// ---- the transaction -------------------------------------------------------------------------

class SqlWriteTx final : public WriteTx {
 public:
  SqlWriteTx(Connection& db, Instant wall_now, std::int64_t head_seq)
      : db_(db), wall_now_(wall_now), head_seq_(head_seq) {}

  Result<std::optional<Dossier>> LoadDossier(std::string_view code) override {
    return LoadDossierFrom(db_, code, /*for_update=*/true);
  }

  Status InsertDossier(const Dossier& d) override {
    MOTCUA_TRY(ValidateDossier(d));
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_.Prepare(kInsertDossier));
    BindDossier(s, d, 1);
    MOTCUA_ASSIGN_OR_RETURN(std::int64_t inserted, s.RunCounting());
    if (inserted == 0) {  // the code or the request id is taken (ON CONFLICT DO NOTHING): say which
      MOTCUA_ASSIGN_OR_RETURN(auto earlier, FindDossierByRequest(d.request_id));
      if (!d.request_id.empty() && earlier && earlier->code != d.code)
        return Conflict("request_id", "duplicate_request",
                        "request " + d.request_id + " was already received as " + earlier->code);
      return Conflict("code", "duplicate_code", "dossier " + d.code + " already exists");
    }
    MOTCUA_TRY(InsertChildren(db_, d));
    Wrote(internal::DossierEntity(d.code));
    return Ok();
  }

  Result<std::optional<Dossier>> FindDossierByRequest(std::string_view request_id) override {
    return FindDossierByRequestIn(db_, request_id);
  }

  Status UpdateDossier(const Dossier& d) override {
    MOTCUA_TRY(ValidateDossier(d));
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_.Prepare(kUpdateDossier.c_str()));
    BindDossier(s, d, d.version + 1);
    s.Bind(43, d.version);
    MOTCUA_ASSIGN_OR_RETURN(std::int64_t updated, s.RunCounting());
    if (updated == 0) {  // say why nothing matched
      MOTCUA_ASSIGN_OR_RETURN(Statement v, db_.Prepare("SELECT version, request_id FROM dossiers WHERE code = ?1"));
      v.Bind(1, d.code);
      MOTCUA_ASSIGN_OR_RETURN(bool row, v.Step());
      if (!row) return NotFound("code", "no_such_dossier", "no dossier " + d.code);
      const std::int64_t stored = v.Int(0);
      if (stored != d.version)
        return Conflict("version", "stale_update",
                        "dossier " + d.code + " changed since it was read (version " + std::to_string(stored) +
                            ", not " + std::to_string(d.version) + ")");
      return Invalid("request_id", "fixed_at_intake", "a dossier's request id is fixed when it is received");
    }
    MOTCUA_TRY(DeleteChildren(db_, d.code));
    MOTCUA_TRY(InsertChildren(db_, d));
    Wrote(internal::DossierEntity(d.code));
    return Ok();
  }

  Result<int> NextOrdinal(std::string_view key) override {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
        "INSERT INTO sequences(key, value) VALUES (?1, 1) "
        "ON CONFLICT(key) DO UPDATE SET value = sequences.value + 1 RETURNING value"));
    s.Bind(1, key);
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    MOTCUA_ASSERT(row, "an upsert with RETURNING yields one row");
    const int value = static_cast<int>(s.Int(0));
    (void)s.Step();
    return value;
  }

  Result<JournalEvent> AppendEvent(const NewEvent& in) override {
    auto payload = nlohmann::json::parse(in.payload_json.empty() ? std::string_view("{}") : in.payload_json, nullptr,
                                         false);
    if (payload.is_discarded() || !payload.is_object())
      return Invalid("payload", "not_a_json_object", "an event's payload is a JSON object");
    internal::PendingEvent p{in, NewUuid(), wall_now_};
    JournalEvent e;
    e.seq = head_seq_ + 1 + static_cast<std::int64_t>(events_.size());
    e.uuid = p.uuid;
    e.type = in.type;
    e.dossier_code = in.dossier_code;
    e.actor = in.actor;
    e.station = in.station;
    e.at = in.at;
    e.recorded_at = wall_now_;
    e.payload_json = in.payload_json.empty() ? "{}" : in.payload_json;
    events_.push_back(std::move(p));
    return e;
  }

  Status PutSetting(std::string_view key, std::string_view value) override {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
        "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    MOTCUA_TRY(s.Bind(1, key).Bind(2, value).Run());
    Wrote(internal::SettingEntity(key));
    return Ok();
  }

  Result<std::optional<Record>> GetRecord(std::string_view kind, std::string_view key) override {
    return GetRecordFrom(db_, kind, key, /*for_update=*/true);
  }

  Result<std::vector<Record>> ListRecords(const RecordQuery& q) override {
    return ListRecordsFrom(db_, q, /*in_write=*/true);
  }
  Result<std::int64_t> CountRecords(const RecordQuery& q) override { return CountRecordsFrom(db_, q); }

  Status PutRecord(const Record& r) override {
    if (r.kind.empty() || r.key.empty()) return Invalid("record", "missing_key", "a record needs a kind and a key");
    if (r.kind.find('/') != std::string::npos)
      return Invalid("record.kind", "bad_kind", "a record's kind has no '/' (seals name records kind/key)");
    auto body = nlohmann::json::parse(r.body_json, nullptr, false);
    if (body.is_discarded() || !body.is_object())
      return Invalid("record.body", "not_a_json_object", "a record's body is a JSON object");
    // The check is part of the write (store.h "Isolation"): a create inserts only where the key is free,
    // a replace updates only the version read.
    if (r.version == 0) {
      MOTCUA_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
          "INSERT INTO records(kind, key, status, updated_at, body, version) VALUES (?1, ?2, ?3, ?4, ?5, 1) "
          "ON CONFLICT(kind, key) DO NOTHING"));
      s.Bind(1, r.kind).Bind(2, r.key).Bind(3, r.status).Bind(4, ToUnixSeconds(r.updated_at)).Bind(5, r.body_json);
      MOTCUA_ASSIGN_OR_RETURN(std::int64_t inserted, s.RunCounting());
      if (inserted == 0) return Conflict("record", "duplicate_record", r.kind + " " + r.key + " already exists");
    } else {
      MOTCUA_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
          "UPDATE records SET status = ?3, updated_at = ?4, body = ?5, version = ?6 "
          "WHERE kind = ?1 AND key = ?2 AND version = ?7"));
      s.Bind(1, r.kind).Bind(2, r.key).Bind(3, r.status).Bind(4, ToUnixSeconds(r.updated_at)).Bind(5, r.body_json);
      s.Bind(6, r.version + 1).Bind(7, r.version);
      MOTCUA_ASSIGN_OR_RETURN(std::int64_t updated, s.RunCounting());
      if (updated == 0) return Conflict("record", "stale_update", r.kind + " " + r.key + " changed since it was read");
    }
    if (r.kind.rfind(kScratchKindPrefix, 0) != 0) Wrote(internal::RecordEntity(r.kind, r.key));
    return Ok();
  }

  Status UpsertProcedure(const catalog::Procedure& p) override {
    MOTCUA_TRY(catalog::ValidateProcedure(p));
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_.Prepare(
        "INSERT INTO procedures(code, name, document) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, document = excluded.document"));
    MOTCUA_TRY(s.Bind(1, p.code).Bind(2, p.name).Bind(3, catalog::ProcedureToJson(p)).Run());
    Wrote(internal::ProcedureEntity(p.code));
    return Ok();
  }

  // Marks every sealable row as written, for the event that seals a database upgraded to seals.
  Status WroteEverything() {
    MOTCUA_ASSIGN_OR_RETURN(auto entities, internal::ListEntities(db_));
    for (auto& e : entities) Wrote(std::move(e));
    return Ok();
  }

  // Writes the queued events with their seals (store.h "Sealing"). Returns the new head, or nullopt
  // when the transaction wrote no event.
  Result<std::optional<JournalHead>> Finish(const internal::ChainKey& key) {
    if (events_.empty()) {
      if (written_.empty()) return std::optional<JournalHead>();
      return Corrupt("journal", "unjournaled_write",
                     written_.front() + " was written without a journal event (a motcua bug: each change "
                                        "journals one event in its own transaction)");
    }
    return internal::WriteEvents(db_, key, events_, written_);
  }

 std::vector<std::string> event_uuids() const {
    std::vector<std::string> out;
    for (const auto& e : events_) out.push_back(e.uuid);
    return out;
  }

 private:
  void Wrote(std::string entity) {
    if (written_set_.insert(entity).second) written_.push_back(std::move(entity));
  }

  Connection& db_;
  Instant wall_now_;
  std::int64_t head_seq_;
  std::vector<internal::PendingEvent> events_;
  std::vector<std::string> written_;  // entities, in the order first written
  std::set<std::string> written_set_;
};

// ---- the store -------------------------------------------------------------------------------

// Creates a new database file with motcua's private mode before SQLite opens it (SQLite gives its WAL
// and shared-memory files the database's mode), or narrows the mode of an existing one this process owns.
// Never open()s an existing database file: POSIX drops ALL of a process's locks on a file when ANY of its
// descriptors for it is closed, so a second store opened in a process that already has the database open
// would silently drop the first connection's WAL locks. Another process closing its connection then takes
// itself for the last one, checkpoints and deletes the WAL under the first, which stops seeing later
// commits (the display board did: tests/store "SecondStoreInOneProcess..."; sqlite.org/howtocorrupt.html
// §2.2). An existing file is narrowed with stat/chmod; only a new one is created here.
Status PrepareDatabaseFile(const std::string& path, bool create) {
  struct stat st{};
  if (::stat(path.c_str(), &st) == 0) {
    if (st.st_uid == ::geteuid() && (st.st_mode & 0777) != PrivateFileMode())
      (void)::chmod(path.c_str(), PrivateFileMode());
    return Ok();
  }
  if (errno != ENOENT)
    return Unavailable("database", "database_unavailable", "cannot open " + path + ": " + std::strerror(errno));
  if (!create) return NotFound("database", "database_missing", "no database at " + path);
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC | O_CREAT | O_EXCL, 0600);
  if (fd < 0 && errno != EEXIST)
    return Unavailable("database", "database_unavailable", "cannot create " + path + ": " + std::strerror(errno));
  if (fd >= 0) {
    MakeFilePrivate(fd);
    ::close(fd);  // the file is new: no connection of this process holds a lock on it yet
  }
  return Ok();
}

// What both engines' stores are opened with.
struct CommonOptions {
  const Clock* wall_clock = nullptr;
  std::string chain_key_path;  // "" = no files (":memory:"): a chain key for this process only
  std::string anchor_path;     // "" = keep no anchor
  bool append_anchors = true;
  int busy_timeout_ms = 5000;  // how long Write keeps retrying a transaction the engine gave up on
};

class SqlStore final : public Store {
 public:
  Status Open(std::unique_ptr<Connection> db, const CommonOptions& options) {
    db_ = std::move(db);
    options_ = options;
    clock_ = options.wall_clock ? options.wall_clock : &system_clock_;
    key_path_ = options.chain_key_path;
    std::optional<JournalHead> upgraded;
    MOTCUA_TRY(internal::MigrateSchema(*db_, [&](int from) -> Status {
      MOTCUA_TRY(LoadChainKey(from));
      if (from == 0 || from >= 3) return Ok();
      // An upgrade to seals: one event seals every row as it stands, so later edits show.
      MOTCUA_ASSIGN_OR_RETURN(JournalHead head, internal::ReadHead(*db_));
      SqlWriteTx tx(*db_, clock_->Now(), head.seq);
      MOTCUA_TRY(tx.WroteEverything());
      auto e = tx.AppendEvent({"store.upgraded", "", "station:store", "", clock_->Now(),
                               nlohmann::json{{"from_schema", from}, {"to_schema", internal::kSchemaVersion}}.dump()});
      if (!e) return e.error();
      MOTCUA_ASSIGN_OR_RETURN(upgraded, tx.Finish(key_));
      return Ok();
    }));
    if (upgraded) (void)Anchor(*upgraded);
    if (db_->ChainsAfterCommit()) {
      // Events committed just before a station or the server died wait until someone chains them: the next
      // writer does, and so does each station as it (re)connects, e.g. to a promoted standby. A failure here
      // (another station chaining, a wrong key) is the next write's to report.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.busy_timeout_ms);
      auto chained = internal::SealPendingEvents(*db_, key_, {}, deadline);
      if (chained && *chained) (void)Anchor(**chained);
    }
    return CatchUpAnchor();
  }

  // The anchor as read before the database was opened (OpenSqliteStore checks an emptied file with it).
  Status ReadAnchorAtOpen(const std::string& anchor_path) {
    anchor_path_ = anchor_path;
    MOTCUA_ASSIGN_OR_RETURN(anchor_, ReadAnchor());
    return Ok();
  }

  // For a database with no journal at all: an anchor that recorded events means it was emptied.
  Status RefuseIfAnchored() {
    const auto latest = internal::LatestAnchor(anchor_);
    if (!latest) return Ok();
    return Corrupt("database", "behind_anchor",
                   "the database is empty but its anchor (" + anchor_path_ + ") recorded event " +
                       std::to_string(latest->seq) + " at " + FormatInstantUtc(latest->recorded_at) +
                       ": the database was emptied or replaced; restore it from a backup");
  }

  Status Write(const std::function<Status(WriteTx&)>& body) override {
    if (!anchor_problem_.empty()) return Corrupt("journal", "behind_anchor", anchor_problem_);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.busy_timeout_ms);
    for (int attempt = 0;; ++attempt) {
      auto head = Attempt(body);
      if (head) {
        if (!*head && !submitted_uuids_.empty()) head = SealPending(deadline);
        // Either may fail (disk full; the center gone after the commit): the anchor then lags, which is
        // allowed, and what waits to be chained is chained by the next writer. The write itself is done.
        if (head && *head) (void)Anchor(**head);
        return Ok();
      }
      if (!db_->IsTransient(head.error()) || attempt + 1 >= kMaxAttempts ||
          std::chrono::steady_clock::now() >= deadline)
        return head.error();
      // Another station's transaction won: wait a moment, growing and jittered so the losers spread out.
      const int ceiling_ms = 1 << std::min(attempt + 1, 6);
      thread_local std::minstd_rand jitter{std::random_device{}()};
      std::this_thread::sleep_for(std::chrono::microseconds(500 + jitter() % (ceiling_ms * 1000)));
    }
  }

  Result<std::optional<Dossier>> GetDossier(std::string_view code) override {
    MOTCUA_TRY(db_->BeginSnapshot());  // one snapshot for the row and its children
    auto d = LoadDossierFrom(*db_, code);
    (void)db_->Commit();
    return d;
  }

  Result<std::optional<Dossier>> FindDossierByRequest(std::string_view request_id) override {
    MOTCUA_TRY(db_->BeginSnapshot());  // one snapshot for the lookup, the row and its children
    auto d = FindDossierByRequestIn(*db_, request_id);
    (void)db_->Commit();
    return d;
  }

  Result<std::vector<DossierSummary>> ListDossiers(const DossierQuery& q) override {
    static constexpr const char* kSql =
        "SELECT code, procedure_code, procedure_name, applicant_name, applicant_id, processing_unit, state, "
        "channel, received_at, due_at, original_due_at, finished_at, apology_count, "
        "(SELECT COUNT(*) FROM dossier_supplements s WHERE s.dossier_code = d.code) "
        "FROM dossiers d "
        "WHERE (?1 = '' OR procedure_code = ?1) "
        "AND (?2 = '' OR processing_unit = ?2) "
        "AND (CAST(?3 AS BIGINT) IS NULL OR due_at < CAST(?3 AS BIGINT)) "
        "AND (CAST(?4 AS BIGINT) IS NULL OR received_at >= CAST(?4 AS BIGINT)) "
        "AND (CAST(?5 AS BIGINT) IS NULL OR received_at < CAST(?5 AS BIGINT)) "
        "AND (?6 = '' OR instr(?6, ',' || state || ',') > 0) "
        "AND (?7 = '' OR code LIKE ?7 || '%' ESCAPE '\\' OR applicant_id LIKE ?7 || '%' ESCAPE '\\' "
        "     OR applicant_name_key LIKE '%' || ?8 || '%' ESCAPE '\\') "
        "ORDER BY due_at IS NULL, due_at, code LIMIT ?9 OFFSET ?10";
    std::string states;
    if (!q.states.empty()) {
      states = ",";
      for (State s : q.states) states += std::string(StateKey(s)) + ",";
    }
    auto escape_like = [](std::string_view in) {
      std::string out;
      for (char c : in) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
      }
      return out;
    };
    const std::string text = std::string(Trim(q.text));
    std::string name_pattern;
    for (char c : FoldForSearch(text)) {  // words in order, anything between them
      if (c == ' ') name_pattern += '%';
      else if (c == '%' || c == '_' || c == '\\') name_pattern += std::string("\\") + c;
      else name_pattern.push_back(c);
    }
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_->Prepare(kSql));
    s.Bind(1, q.procedure_code).Bind(2, q.processing_unit).Bind(3, OptSeconds(q.due_before));
    s.Bind(4, OptSeconds(q.received_from)).Bind(5, OptSeconds(q.received_before)).Bind(6, states);
    s.Bind(7, text.empty() ? std::string() : escape_like(text));
    s.Bind(8, name_pattern.empty() ? std::string("\x01") : name_pattern);
    s.Bind(9, q.limit).Bind(10, q.offset);
    std::vector<DossierSummary> out;
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      DossierSummary r;
      r.code = s.Text(0);
      r.procedure_code = s.Text(1);
      r.procedure_name = s.Text(2);
      r.applicant_name = s.Text(3);
      r.applicant_id = s.Text(4);
      r.processing_unit = s.Text(5);
      auto state = ParseState(s.Text(6));
      if (!state) return Corrupt("state", "bad_row", "dossier " + r.code + " has an unknown state");
      r.state = *state;
      r.channel = static_cast<Channel>(s.Int(7));
      r.received_at = FromUnixSeconds(s.Int(8));
      r.due_at = OptInstant(s, 9);
      r.original_due_at = OptInstant(s, 10);
      r.finished_at = OptInstant(s, 11);
      r.apology_count = static_cast<int>(s.Int(12));
      r.supplement_count = static_cast<int>(s.Int(13));
      out.push_back(std::move(r));
    }
    return out;
  }

  Result<std::int64_t> CountDossiers() override {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT COUNT(*) FROM dossiers"));
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    std::int64_t n = row ? s.Int(0) : 0;
    (void)s.Step();
    return n;
  }

  Result<std::vector<JournalEvent>> ReadJournal(const JournalQuery& q) override {
    static const std::string kSql = std::string("SELECT ") + internal::kEventColumns +
                                     " FROM journal WHERE seq > ?1 AND (?2 = '' OR dossier_code = ?2) ORDER BY seq LIMIT ?3";
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_->Prepare(kSql.c_str()));
    s.Bind(1, q.after_seq).Bind(2, q.dossier_code).Bind(3, q.limit);
    std::vector<JournalEvent> out;
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(internal::ReadEventRow(s));
    }
    return out;
  }

  Result<JournalCheck> VerifyJournal() override {
    // The anchor file is read before the snapshot: an anchor written meanwhile may only be newer than the
    // snapshot's head if a writer committed in between, which the snapshot then does not see, so read
    // the file first and compare it with a snapshot taken after.
    MOTCUA_ASSIGN_OR_RETURN(internal::AnchorFile anchor, ReadAnchor());
    MOTCUA_TRY(db_->BeginSnapshot());
    auto check = internal::CheckJournal(*db_, key_, anchor);
    (void)db_->Commit();
    return check;
  }

  Result<JournalHead> Head() override { return internal::ReadHead(*db_); }

  Result<std::optional<std::string>> GetSetting(std::string_view key) override {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT value FROM settings WHERE key = ?1"));
    s.Bind(1, key);
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<std::string>();
    std::string v = s.Text(0);
    (void)s.Step();
    return std::optional<std::string>(std::move(v));
  }

  Result<std::vector<std::pair<std::string, std::string>>> ListSettings() override {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT key, value FROM settings ORDER BY key"));
    std::vector<std::pair<std::string, std::string>> out;
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.emplace_back(s.Text(0), s.Text(1));
    }
    return out;
  }

  Result<std::optional<Record>> GetRecord(std::string_view kind, std::string_view key) override {
    return GetRecordFrom(*db_, kind, key);
  }

  Result<std::vector<Record>> ListRecords(const RecordQuery& q) override { return ListRecordsFrom(*db_, q); }
  Result<std::int64_t> CountRecords(const RecordQuery& q) override { return CountRecordsFrom(*db_, q); }

  Result<std::vector<catalog::Procedure>> LoadProcedures() override {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT code, document FROM procedures ORDER BY code"));
    std::vector<catalog::Procedure> out;
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      MOTCUA_ASSIGN_OR_RETURN(catalog::Procedure p, ParseProcedure(s.Text(0), s.Text(1)));
      out.push_back(std::move(p));
    }
    return out;
  }

  Result<std::optional<catalog::Procedure>> GetProcedure(std::string_view code) override {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT code, document FROM procedures WHERE code = ?1"));
    s.Bind(1, code);
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<catalog::Procedure>();
    MOTCUA_ASSIGN_OR_RETURN(catalog::Procedure p, ParseProcedure(s.Text(0), s.Text(1)));
    (void)s.Step();
    return std::optional<catalog::Procedure>(std::move(p));
  }

  Status CheckIntegrity() override { return db_->CheckIntegrity(); }

  Result<std::unique_ptr<Lease>> TryLease(std::string_view name) override {
    const bool good = !name.empty() && name.size() <= 64 &&
                      std::all_of(name.begin(), name.end(), [](char c) {
                        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                      });
    if (!good)
      return Invalid("lease", "bad_lease_name", "a lease is named by 1 to 64 of a-z, 0-9, '.', '_' and '-'");
    return lease_maker_(name);
  }

  // How this engine takes a lease (store.h Lease): set once by OpenSqliteStore / OpenPgStore.
  void SetLeaseMaker(std::function<Result<std::unique_ptr<Lease>>(std::string_view)> maker) {
    lease_maker_ = std::move(maker);
  }

 private:
  // Parsing a procedure costs far more than reading its row, and intake reads one per dossier, so
  // parsed procedures are kept while their stored text is unchanged (another process may re-import).
  Result<catalog::Procedure> ParseProcedure(const std::string& code, const std::string& document) {
    auto cached = parsed_procedures_.find(code);
    if (cached != parsed_procedures_.end() && cached->second.first == document) return cached->second.second;
    auto parsed = catalog::ParseProcedureJson(document);
    if (!parsed) return Corrupt("procedures", "bad_row", "stored procedure " + code + " cannot be read");
    parsed_procedures_[code] = {document, *parsed};
    return std::move(*parsed);
  }

  // Tries a Write that another transaction may cause the engine to give up on (Write retries it).
  static constexpr int kMaxAttempts = 8;
  std::vector<std::string> submitted_uuids_;  // events the last committed try left waiting to be chained

  // Chains the events waiting after a commit (journal_rows.h SealPendingEvents), retrying what the
  // engine calls transient until `deadline`.
  Result<std::optional<JournalHead>> SealPending(std::chrono::steady_clock::time_point deadline) {
    for (int attempt = 0;; ++attempt) {
      auto head = internal::SealPendingEvents(*db_, key_, submitted_uuids_, deadline);
      if (head || !db_->IsTransient(head.error()) || attempt + 1 >= kMaxAttempts ||
          std::chrono::steady_clock::now() >= deadline)
        return head;
    }
  }

  // One try of a Write: the new head after commit; nullopt when it appended no event, or when its events
  // wait to be chained (PostgreSQL: submitted_uuids_).
  Result<std::optional<JournalHead>> Attempt(const std::function<Status(WriteTx&)>& body) {
    submitted_uuids_.clear();
    MOTCUA_TRY(db_->BeginWrite());
    auto fail = [&](Error e) {
      db_->Rollback();
      return e;
    };
    auto before = internal::ReadHead(*db_);
    if (!before) return fail(before.error());
    SqlWriteTx tx(*db_, clock_->Now(), before->seq);
    if (Status result = body(tx); !result) return fail(result.error());
    auto head = tx.Finish(key_);
    if (!head) return fail(head.error());
    if (Status commit = db_->Commit(); !commit) return fail(commit.error());
    submitted_uuids_ = *head ? std::vector<std::string>() : tx.event_uuids();
    return head;
  }

  // Runs inside the migration's transaction, after the schema is current. `from` is the version the
  // file had (0: new).
  Status LoadChainKey(int from) {
    MOTCUA_ASSIGN_OR_RETURN(JournalHead head, internal::ReadHead(*db_));
    if (from == 0) MOTCUA_TRY(RefuseIfAnchored());
    if (key_path_.empty()) {  // ":memory:"-style use with no files beside: a key for this process only
      key_ = {RandomBytes(32), 1};
      return Ok();
    }
    MOTCUA_ASSIGN_OR_RETURN(auto existing, internal::ReadChainKey(key_path_));
    if (existing) {
      if (head.seq == 0 && existing->keyed_from_seq != 1)
        return Corrupt("chain_key", "chain_key_mismatch",
                       key_path_ + " is the key of another, upgraded database; move it away to start a new one");
      key_ = std::move(*existing);
      return Ok();
    }
    if (from >= 3 && head.seq > 0)
      return Corrupt("chain_key", "chain_key_missing",
                     "the chain key " + key_path_ + " is missing: the journal can be neither checked nor extended; "
                     "restore the key from the backup of this database");
    MOTCUA_ASSIGN_OR_RETURN(key_, internal::CreateChainKey(key_path_, head.seq + 1));
    return Ok();
  }

  Result<internal::AnchorFile> ReadAnchor() {
    if (anchor_path_.empty()) return internal::AnchorFile{};
    return internal::ReadAnchorFile(anchor_path_);
  }

  Status Anchor(const JournalHead& head) {
    if (anchor_path_.empty() || !options_.append_anchors || head.seq == 0) return Ok();
    return internal::AppendAnchor(anchor_path_, {head.seq, head.hash, clock_->Now()});
  }

  // At open: a database behind its anchor refuses writes (Write says why); an anchor that lags the
  // journal (a crash between a commit and its anchor line) is brought up to the head.
  Status CatchUpAnchor() {
    std::string rule;
    MOTCUA_ASSIGN_OR_RETURN(anchor_problem_, internal::CheckAgainstAnchor(*db_, anchor_, rule));
    if (!anchor_problem_.empty() || !anchor_.exists) return Ok();
    MOTCUA_ASSIGN_OR_RETURN(JournalHead head, internal::ReadHead(*db_));
    const auto latest = internal::LatestAnchor(anchor_);
    if (head.seq > (latest ? latest->seq : 0)) (void)Anchor(head);
    return Ok();
  }

  std::unique_ptr<Connection> db_;
  CommonOptions options_;
  SystemClock system_clock_;
  const Clock* clock_ = nullptr;
  std::string key_path_;     // "" = no files beside the database
  std::string anchor_path_;  // "" = keep no anchor (":memory:")
  internal::ChainKey key_;
  internal::AnchorFile anchor_;  // as read at open
  std::string anchor_problem_;   // why writes are refused ("" = they are not)
  std::map<std::string, std::pair<std::string, catalog::Procedure>> parsed_procedures_;  // code → (text, parsed)
  std::function<Result<std::unique_ptr<Lease>>(std::string_view)> lease_maker_;
};

}  // namespace

std::string ChainKeyPath(const std::string& db_path) { return db_path + ".chain-key"; }
std::string AnchorPath(const std::string& db_path) { return db_path + ".anchor"; }

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options) {
  const bool in_memory = path == ":memory:";
  CommonOptions common;
  common.wall_clock = options.wall_clock;
  common.chain_key_path = in_memory ? "" : options.chain_key_path.empty() ? ChainKeyPath(path) : options.chain_key_path;
  common.anchor_path = in_memory ? "" : options.anchor_path.empty() ? AnchorPath(path) : options.anchor_path;
  common.append_anchors = options.append_anchors;
  common.busy_timeout_ms = options.busy_timeout_ms;
  auto store = std::make_unique<SqlStore>();
  MOTCUA_TRY(store->ReadAnchorAtOpen(common.anchor_path));
  if (!in_memory) {
    MOTCUA_TRY(PrepareDatabaseFile(path, options.create_if_missing));
    // An empty file beside an anchor that recorded events was emptied: say so before SQLite writes a
    // header into it.
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) == 0 && !ec) MOTCUA_TRY(store->RefuseIfAnchored());
  }
  auto db = std::make_unique<internal::SqliteConnection>();
  MOTCUA_TRY(db->Open(path, options.create_if_missing, options.busy_timeout_ms, options.synchronous_full));
  MOTCUA_TRY(store->Open(std::move(db), common));
  store->SetLeaseMaker([path](std::string_view name) { return internal::TrySqliteLease(path, name); });
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> OpenPgStore(const std::string& conninfo, const PgOptions& options) {
  if (options.chain_key_path.empty() || options.anchor_path.empty())
    return Invalid("files_dir", "files_dir_missing",
                   "a center database needs this station's chain key and anchor files (a data directory)");
  CommonOptions common;
  common.wall_clock = options.wall_clock;
  common.chain_key_path = options.chain_key_path;
  common.anchor_path = options.anchor_path;
  common.append_anchors = options.append_anchors;
  common.busy_timeout_ms = options.busy_timeout_ms;
  auto store = std::make_unique<SqlStore>();
  MOTCUA_TRY(store->ReadAnchorAtOpen(options.anchor_path));
  auto db = std::make_unique<internal::PgConnection>();
  MOTCUA_TRY(db->Open(conninfo, options.connect_timeout_s, options.create_if_missing));
  MOTCUA_TRY(store->Open(std::move(db), common));
  store->SetLeaseMaker([conninfo, timeout = options.connect_timeout_s](std::string_view name) {
    return internal::TryPgLease(conninfo, timeout, name);
  });
  return std::unique_ptr<Store>(std::move(store));
}

bool IsCenterLocation(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0 ||
         location.find('=') != std::string_view::npos;
}

Result<std::unique_ptr<Store>> Open(const std::string& location, const OpenOptions& options) {
  if (location.empty()) return Invalid("db", "missing", "no database named");
  namespace fs = std::filesystem;
  if (!IsCenterLocation(location)) {
    SqliteOptions o;
    o.create_if_missing = options.create_if_missing;
    o.busy_timeout_ms = options.busy_timeout_ms;
    o.wall_clock = options.wall_clock;
    return OpenSqliteStore(location, o);
  }
  if (options.files_dir.empty())
    return Invalid("files_dir", "files_dir_missing",
                   "a center database needs a data directory on this station for its chain key and anchor");
  PgOptions o;
  o.create_if_missing = options.create_if_missing;
  o.busy_timeout_ms = options.busy_timeout_ms;
  o.wall_clock = options.wall_clock;
  o.chain_key_path = (fs::path(options.files_dir) / "center.chain-key").string();
  o.anchor_path = (fs::path(options.files_dir) / "center.anchor").string();
  return OpenPgStore(location, o);
}

}  // namespace motcua::store
