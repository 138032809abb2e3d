// The reports as documents: tables, bar charts and paragraphs with Vietnamese headers, built from the
// lists (reports/lists.h) and the score report, ready for the CSV, XLSX and PDF writers
// (reports/export.h). Pure functions: no clock ("now" comes in the header), no I/O.
//
// One document per report kind of `motcua report`:
//   scorecard  the score card: total and group totals (bars), the indicator table, unit comparison,
//              the monthly trend, the work to do today, the officers with late dossiers, the communes
//   today      work to do today per unit, behind each lost point
//   officers   the public list of officers with late dossiers (no applicant data)
//   communes   the table of commune results, ranked
//   trend      monthly totals and group totals per unit
//
// Numbers. A numeric cell keeps its value (XLSX writes a number, CSV writes it with a '.' decimal
// point) and its Vietnamese text (the PDF prints "67,70", decimal comma, '.' between thousands).
// Percent cells hold the ratio (0.852) and print "85,20%"; CSV writes 85.20 under a "(%)" header.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/time.h"
#include "indicators/scorer.h"
#include "reports/lists.h"

namespace motcua::reports {

enum class NumberFormat {
  kText,     // not a number
  kInteger,  // 1.234
  kPoints,   // two decimals: 67,70
  kPercent,  // a ratio shown as a percentage with two decimals: 85,20%
};

struct Cell {
  std::string text;               // as printed in the PDF
  std::optional<double> number;   // numeric cells only (a percent cell holds the ratio)
  NumberFormat format = NumberFormat::kText;
};
Cell TextCell(std::string text);
Cell IntegerCell(std::int64_t value);
Cell PointsCell(double points);
Cell PercentCell(std::optional<double> ratio);  // nullopt: an empty text cell ("—" in the PDF)

struct Column {
  std::string header;   // Vietnamese
  double width = 1;     // relative width in the PDF
  bool numeric = false; // right-aligned in the PDF
  bool mono = false;    // dossier codes: the monospace face in the PDF
};

struct Table {
  std::string sheet;     // XLSX sheet name (made valid and unique by the writer)
  std::string title;     // heading above the table in the PDF and on the sheet's first row
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
  std::string note;      // a line under the table (how points were estimated, the commune rule)
  bool in_pdf = true;
  bool in_xlsx = true;
  std::size_t pdf_row_limit = 0;  // 0 = every row; else the PDF prints the first N and says how many more
};

struct Bar {
  std::string label;
  double value = 0;
  double max = 0;          // the bar's full length
  std::string value_text;  // "19,10 / 20"
};
struct BarChart {
  std::string title;
  std::vector<Bar> bars;
  std::string note;
};

struct Paragraph {
  std::string text;
  bool heading = false;
};

using Block = std::variant<Paragraph, Table, BarChart>;

struct Document {
  std::string kind;       // "scorecard", "today", "officers", "communes", "trend"
  std::string title;      // "BÁO CÁO BỘ CHỈ SỐ 766"
  std::string subtitle;   // the center or unit and the period
  std::string generated;  // "Lập lúc 14:30 20/08/2026"
  std::string journal_anchor;  // print::JournalAnchorText of the journal it was made from; "" = none
  Instant created_at{};   // ReportHeader::now: the PDF's and XLSX's creation date
  std::vector<Block> blocks;
  std::size_t csv_table = 0;  // which table (counting tables in block order) the CSV export writes

  std::vector<const Table*> Tables() const;
  const Table* CsvTable() const;  // nullptr when the document has no table
};

struct ReportHeader {
  std::string center_name;  // "Trung tâm Phục vụ hành chính công tỉnh"
  std::string unit;         // "" = every unit; else the unit the report was limited to
  Instant now{};            // printed as the time the report was made
  std::string journal_anchor;  // print::JournalAnchorText of the store's journal head ("" = not printed)
};

// Vietnamese number and date text (numbers through common/number_format.h, as the score card and the CLI).
std::string FormatPointsVi(double points);             // 67.7 -> "67,70"; -0.004 -> "0,00"
std::string FormatIntegerVi(std::int64_t value);       // 12345 -> "12.345"
std::string FormatPercentVi(std::optional<double> r);  // 0.852 -> "85,20%"; nullopt -> "—"
std::string FormatInstantVi(Instant at);               // "14:30 20/08/2026" (Vietnam time)
std::string MonthLabelVi(int year, unsigned month);    // "08/2026"
std::string PeriodTextVi(const indicators::Period& p); // "tháng 08/2026", else "01/08/2026 – 15/08/2026"
const char* WorkKindTitleVi(WorkKind kind);            // "Sắp đến hạn (trong 1 ngày làm việc)", ...
const char* WorkActionTextVi(WorkAction action);       // "Giải quyết xong trước hạn; nếu không kịp, ..."
const char* LossReasonTextVi(indicators::LossReason r);  // "Quá hạn", "Chưa số hóa thành phần", ...
const char* ResponsibleBasisTextVi(ResponsibleBasis b);  // "Đang giữ hồ sơ khi đến hạn", ...

// How the points at stake are estimated, in Vietnamese (printed under the work tables).
extern const char* const kPointsMethodVi;

struct ScoreCardParts {
  const indicators::ScoreReport* report = nullptr;  // required
  const WorkToday* today = nullptr;                 // optional parts: left out when null
  const TrendReport* trend = nullptr;
  const LateOfficers* officers = nullptr;
  const CommuneTable* communes = nullptr;
};
Document ScoreCardDocument(const ScoreCardParts& parts, const ReportHeader& header);
Document TodayDocument(const WorkToday& today, const ReportHeader& header);
Document OfficersDocument(const LateOfficers& officers, const ReportHeader& header);
Document CommunesDocument(const CommuneTable& communes, const ReportHeader& header);
Document TrendDocument(const TrendReport& trend, const ReportHeader& header);

}  // namespace motcua::reports
