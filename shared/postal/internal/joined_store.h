// A store::Store that runs every Write() body inside one transaction already open, so that several
// workflow operations (each of which opens its own Write) commit or roll back together: signing a
// manifest receives or returns every dossier on it in one transaction (manifest.h invariant (1)).
//
// Only what the workflow operations call is served: Write (joins the open transaction), GetProcedure
// (from procedures read before the transaction began), GetDossier and GetRecord (through the open
// transaction). Anything else returns kUnavailable/"not_in_joined_transaction", so a workflow change
// that starts calling more of the store fails loudly in the postal tests rather than reading outside
// the transaction.
//
// The caller must return any error from the operations to the outer Write, which then rolls back:
// a failed inner body does not undo its own partial writes.
#pragma once

#include <map>
#include <string>

#include "store/store.h"

namespace motcua::postal::internal {

class JoinedStore final : public store::Store {
 public:
  JoinedStore(store::WriteTx& tx, std::map<std::string, catalog::Procedure, std::less<>> procedures)
      : tx_(tx), procedures_(std::move(procedures)) {}

  Status Write(const std::function<Status(store::WriteTx&)>& body) override { return body(tx_); }

  Result<std::optional<dossier::Dossier>> GetDossier(std::string_view code) override { return tx_.LoadDossier(code); }
  Result<std::optional<store::Record>> GetRecord(std::string_view kind, std::string_view key) override {
    return tx_.GetRecord(kind, key);
  }
  Result<std::optional<catalog::Procedure>> GetProcedure(std::string_view code) override {
    auto it = procedures_.find(code);
    if (it == procedures_.end()) return std::optional<catalog::Procedure>();
    return std::optional<catalog::Procedure>(it->second);
  }

  Result<std::vector<store::DossierSummary>> ListDossiers(const store::DossierQuery&) override { return Refuse(); }
  Result<std::int64_t> CountDossiers() override { return Refuse(); }
  Result<std::vector<store::JournalEvent>> ReadJournal(const store::JournalQuery&) override { return Refuse(); }
  Result<store::JournalCheck> VerifyJournal() override { return Refuse(); }
  Result<std::optional<std::string>> GetSetting(std::string_view) override { return Refuse(); }
  Result<std::vector<store::Record>> ListRecords(const store::RecordQuery&) override { return Refuse(); }
  Result<std::vector<catalog::Procedure>> LoadProcedures() override { return Refuse(); }
  Status CheckIntegrity() override { return Refuse(); }

 private:
  static Error Refuse() {
    return Unavailable("store", "not_in_joined_transaction",
                       "this store call is not available inside a manifest's signing transaction");
  }

  store::WriteTx& tx_;
  std::map<std::string, catalog::Procedure, std::less<>> procedures_;
};

}  // namespace motcua::postal::internal
