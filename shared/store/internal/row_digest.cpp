#include "store/internal/row_digest.h"

#include <cstdio>

#include "common/crypto.h"
#include "store/store.h"

namespace motcua::store::internal {
namespace {

// The queries whose rows make up one entity, each with the entity's id bound to ?1 (and ?2 for records).
constexpr const char* kDossierQueries[] = {
    "SELECT * FROM dossiers WHERE code = ?1",
    "SELECT * FROM dossier_components WHERE dossier_code = ?1 ORDER BY position",
    "SELECT * FROM component_files WHERE dossier_code = ?1 ORDER BY position, file_index",
    "SELECT * FROM result_documents WHERE dossier_code = ?1 ORDER BY position",
    "SELECT * FROM dossier_fees WHERE dossier_code = ?1 ORDER BY position",
    "SELECT * FROM dossier_steps WHERE dossier_code = ?1 ORDER BY position",
    "SELECT * FROM dossier_supplements WHERE dossier_code = ?1 ORDER BY position",
    "SELECT * FROM attachments WHERE sha256 IN (SELECT sha256 FROM component_files WHERE dossier_code = ?1 "
    "UNION SELECT sha256 FROM result_documents WHERE dossier_code = ?1) ORDER BY sha256",
};
constexpr const char* kRecordQuery = "SELECT * FROM records WHERE kind = ?1 AND key = ?2";
constexpr const char* kSettingQuery = "SELECT * FROM settings WHERE key = ?1";
constexpr const char* kProcedureQuery = "SELECT * FROM procedures WHERE code = ?1";

// Appends <length>:<bytes>, so no two different row sets feed the same bytes.
void Feed(std::string& st, std::string_view bytes) {
  st += std::to_string(bytes.size());
  st += ':';
  st.append(bytes.data(), bytes.size());
}

// Feeds every row of `sql` into `st`; returns the number of rows.
Result<int> FeedRows(Connection& db, std::string& st, const char* sql, std::string_view a,
                     std::string_view b = {}) {
  MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(sql));
  s.Bind(1, a);
  if (!b.empty()) s.Bind(2, b);
  const Cursor& c = s.cursor();
  Feed(st, sql);
  int rows = 0;
  for (;;) {
    MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ++rows;
    Feed(st, "row");
    for (int col = 0; col < c.ColumnCount(); ++col) {
      const ColumnType type = c.Type(col);
      if (type == ColumnType::kNull) continue;
      Feed(st, c.ColumnName(col));
      switch (type) {
        case ColumnType::kInteger:
          Feed(st, "i" + std::to_string(c.Int(col)));
          break;
        case ColumnType::kFloat: {
          char buf[40];
          std::snprintf(buf, sizeof buf, "f%.17g", c.Float(col));
          Feed(st, buf);
          break;
        }
        default:
          Feed(st, type == ColumnType::kBlob ? "b" : "t");
          Feed(st, c.Text(col));
      }
    }
  }
  return rows;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string DossierEntity(std::string_view code) { return "dossier:" + std::string(code); }
std::string RecordEntity(std::string_view kind, std::string_view key) {
  return "record:" + std::string(kind) + "/" + std::string(key);
}
std::string SettingEntity(std::string_view key) { return "setting:" + std::string(key); }
std::string ProcedureEntity(std::string_view code) { return "procedure:" + std::string(code); }

Result<std::optional<std::string>> DigestEntity(Connection& db, std::string_view entity) {
  std::string st;
  Feed(st, entity);
  int main_rows = 0;
  if (StartsWith(entity, "dossier:")) {
    const std::string_view code = entity.substr(8);
    for (const char* sql : kDossierQueries) {
      MOTCUA_ASSIGN_OR_RETURN(int rows, FeedRows(db, st, sql, code));
      if (sql == kDossierQueries[0]) main_rows = rows;
    }
  } else if (StartsWith(entity, "record:")) {
    const std::string_view id = entity.substr(7);
    const auto slash = id.find('/');
    if (slash == std::string_view::npos) return Corrupt("seals", "bad_entity", "bad record entity " + std::string(entity));
    MOTCUA_ASSIGN_OR_RETURN(main_rows, FeedRows(db, st, kRecordQuery, id.substr(0, slash), id.substr(slash + 1)));
  } else if (StartsWith(entity, "setting:")) {
    MOTCUA_ASSIGN_OR_RETURN(main_rows, FeedRows(db, st, kSettingQuery, entity.substr(8)));
  } else if (StartsWith(entity, "procedure:")) {
    MOTCUA_ASSIGN_OR_RETURN(main_rows, FeedRows(db, st, kProcedureQuery, entity.substr(10)));
  } else {
    return Corrupt("seals", "bad_entity", "unknown entity " + std::string(entity));
  }
  if (main_rows == 0) return std::optional<std::string>();
  return std::optional<std::string>(ToHex(Sha256(st)));
}

Result<std::vector<std::string>> ListEntities(Connection& db) {
  std::vector<std::string> out;
  struct Source {
    const char* sql;
    std::string (*name)(const Statement&);
  };
  const Source sources[] = {
      {"SELECT code FROM dossiers ORDER BY code", [](const Statement& s) { return DossierEntity(s.Text(0)); }},
      {"SELECT kind, key FROM records WHERE substr(kind, 1, 8) <> 'scratch.' ORDER BY kind, key",
       [](const Statement& s) { return RecordEntity(s.Text(0), s.Text(1)); }},
      {"SELECT key FROM settings ORDER BY key", [](const Statement& s) { return SettingEntity(s.Text(0)); }},
      {"SELECT code FROM procedures ORDER BY code", [](const Statement& s) { return ProcedureEntity(s.Text(0)); }},
  };
  static_assert(std::string_view(kScratchKindPrefix).size() == 8, "the query above compares 8 characters");
  for (const Source& src : sources) {
    MOTCUA_ASSIGN_OR_RETURN(Statement s, db.Prepare(src.sql));
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(src.name(s));
    }
  }
  return out;
}

}  // namespace motcua::store::internal
