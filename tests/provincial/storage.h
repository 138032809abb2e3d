// The stand-in's own SQLite file: the records and progress steps it accepted, as received.
//
// Schema (user_version 1):
//   records(seq, dossier_code UNIQUE, unit_code, body, created_at_unix_s, updated_at_unix_s, updates)
//     seq is the creation order; body is the record object as received (JSON text, keys in the order
//     sent); an update replaces body and keeps seq; unit_code is the madonvi of the last call that
//     wrote it.
//   steps(seq, dossier_code → records, body, canonical, received_at_unix_s)
//     seq is the arrival order; canonical is the step with its keys sorted, to count repeats (a repeat
//     is stored again, as a real server would, and only counted).
// Times are the server's clock (with its offset), UTC unix seconds.
//
// Durability: WAL and synchronous FULL, so a commit survives a power loss and a kill at any instant
// leaves the file consistent (stack.md §11). Every read or write runs inside Transaction(), which
// holds one mutex for the whole transaction: the server's pool threads take turns, and a request's
// reads and writes see one state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"

struct sqlite3;

namespace motcua::provincial {

struct StoredRecord {
  std::string dossier_code;        // MaHoSo
  std::string body;                // the record object as received (JSON)
  std::vector<std::string> steps;  // its steps as received (JSON objects), in arrival order
};

class ProvincialStore;

// The operations allowed inside a transaction (only Transaction() makes one).
class Tx {
 public:
  Result<bool> HasRecord(std::string_view dossier_code);
  Status InsertRecord(std::string_view dossier_code, std::string_view unit_code, std::string_view body, Instant at);
  Status ReplaceRecord(std::string_view dossier_code, std::string_view unit_code, std::string_view body, Instant at);
  // Whether a step with this canonical form is already stored for the dossier.
  Result<bool> HasStep(std::string_view dossier_code, std::string_view canonical);
  Status AppendStep(std::string_view dossier_code, std::string_view body, std::string_view canonical, Instant at);
  Result<std::optional<StoredRecord>> LoadRecord(std::string_view dossier_code);
  Result<std::vector<StoredRecord>> LoadAll();  // in creation order

 private:
  friend class ProvincialStore;
  explicit Tx(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

class ProvincialStore {
 public:
  // Opens the database at `path`; with `create`, makes it (and its schema) when missing.
  // Errors: kNotFound/"db"/"not_found" (missing, without `create`), kCorrupt/"db"/"unknown_schema"
  // (another user_version: not this tool's file), kUnavailable/"db"/"sqlite" otherwise.
  static Result<std::unique_ptr<ProvincialStore>> Open(const std::filesystem::path& path, bool create);
  ~ProvincialStore();
  ProvincialStore(const ProvincialStore&) = delete;
  ProvincialStore& operator=(const ProvincialStore&) = delete;

  // Runs `body` in one transaction (BEGIN IMMEDIATE for `write`, so a read-modify-write never fails
  // half way on a lock) and commits when it returns Ok; otherwise rolls back and returns its error.
  Status Transaction(bool write, const std::function<Status(Tx&)>& body);

 private:
  explicit ProvincialStore(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::mutex mutex_;
};

}  // namespace motcua::provincial
