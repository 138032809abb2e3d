// One report document of a store's month, the way `motcua report` and the counter's score card build
// it: the store's dossiers scored by unit for the month (scoring/store_scoring.h, ratings and PAKN
// counts included), the lists of reports/lists.h over that score, and the document of the asked kind
// (reports/document.h). Shared so that the CLI's file and the counter's "Xuất" button are the same
// file for the same month. Reads the store only; "now" is a parameter (the lists' "today", the
// officers list's cut-off and the time printed on the document).
#pragma once

#include <string>
#include <string_view>

#include "calendar/working_calendar.h"
#include "common/result.h"
#include "common/time.h"
#include "dossier/lifecycle.h"
#include "reports/document.h"
#include "reports/export.h"
#include "store/store.h"

namespace motcua::reports {

// The kinds, in the order `motcua report` lists them.
inline constexpr const char* kReportKinds[] = {"scorecard", "today", "officers", "communes", "trend"};
bool IsReportKind(std::string_view kind);

struct StoreReportRequest {
  std::string kind = "scorecard";  // one of kReportKinds (default "scorecard": everything)
  int year = 0;                    // the month scored; required (1..9999)
  unsigned month = 0;              // 1..12
  std::string unit;                // default "" = every unit; else the lists are limited to this unit key
                                   //   (compared after NFC normalization, as unit keys are stored)
  int months = 6;                  // trend length in months, 1..60 (default 6), ending with the month
  Instant now{};                   // "today" for the work lists and the officers' cut-off; printed
  std::string center_name;         // the document's subtitle (the receiving unit's name)
};

// Errors: kInvalid "kind"/"bad_kind"; kInvalid "month"/"bad_month"; kInvalid "months"/"out_of_range";
// the scorer's, the lists' and the store's.
Result<Document> BuildStoreReport(store::Store& store, const dossier::StatusMap& status_map,
                                  const calendar::WorkingCalendar& calendar, const StoreReportRequest& request);

// A file name for the document: "<kind>-<YYYY-MM>[-<unit folded to ASCII, words joined by '-'>].<ext>",
// e.g. "scorecard-2026-08-ubnd-xa-minh-xuan.pdf". Only [a-z0-9.-]: safe on any file system.
std::string ReportFileName(const StoreReportRequest& request, ExportFormat format);

}  // namespace motcua::reports
