// A stored record as the stand-in gives it back: the record object as received, with a
// "QuaTrinhXuLy" array of its steps as received, in arrival order. TraCuuHoSo returns one; the
// `records` command prints them all, and `score` reads that array with dvc::ParseNationalRecords,
// which ignores "QuaTrinhXuLy" and anything else it does not know.
#pragma once

#include "common/result.h"
#include "storage.h"
#include "validate.h"

namespace motcua::provincial {

// Errors: kCorrupt "records.body" | "steps.body"/"bad_json" for stored text that is not a JSON object.
Result<Json> RecordWithSteps(const StoredRecord& stored);
// Every stored record, in creation order. Errors: the store's and RecordWithSteps'.
Result<Json> StoredRecordsJson(ProvincialStore& store);

}  // namespace motcua::provincial
