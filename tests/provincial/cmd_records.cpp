// motcua-provincial records --db FILE: what the stand-in accepted, as it received it.
#include <ostream>

#include "commands.h"
#include "records_json.h"
#include "storage.h"

namespace motcua::provincial {

int RunRecords(Args& args, std::ostream& out, std::ostream& err) {
  auto db = args.RequiredFlag("db");
  if (!db) return ReportError(err, db.error());
  if (auto done = args.Done(); !done) return ReportError(err, done.error());
  auto store = ProvincialStore::Open(*db, /*create=*/false);
  if (!store) return ReportError(err, store.error());
  auto records = StoredRecordsJson(**store);
  if (!records) return ReportError(err, records.error());
  out << records->dump(2, ' ', false, Json::error_handler_t::replace) << std::endl;
  return kExitOk;
}

}  // namespace motcua::provincial
