#include "records_json.h"

namespace motcua::provincial {

Result<Json> RecordWithSteps(const StoredRecord& stored) {
  Json record = Json::parse(stored.body, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded() || !record.is_object())
    return Corrupt("records.body", "bad_json", "the stored record " + stored.dossier_code + " is not a JSON object");
  Json steps = Json::array();
  for (const std::string& text : stored.steps) {
    Json step = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (step.is_discarded() || !step.is_object())
      return Corrupt("steps.body", "bad_json", "a stored step of " + stored.dossier_code + " is not a JSON object");
    steps.push_back(std::move(step));
  }
  record["QuaTrinhXuLy"] = std::move(steps);
  return record;
}

Result<Json> StoredRecordsJson(ProvincialStore& store) {
  std::vector<StoredRecord> stored;
  MOTCUA_TRY(store.Transaction(false, [&](Tx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(stored, tx.LoadAll());
    return Ok();
  }));
  Json records = Json::array();
  for (const StoredRecord& r : stored) {
    MOTCUA_ASSIGN_OR_RETURN(Json record, RecordWithSteps(r));
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace motcua::provincial
