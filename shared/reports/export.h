// Report documents (reports/document.h) as files: CSV, XLSX and PDF.
//
//   CSV   one table (Document::CsvTable), UTF-8 with a byte-order mark so that Excel opens the
//         Vietnamese text as UTF-8 instead of the ANSI code page; RFC 4180: comma-separated, CRLF line
//         ends, fields with a comma, quote or line break quoted and inner quotes doubled. Numbers are
//         written with a '.' decimal point and no thousands separator (machine-readable; a Vietnamese
//         locale's Excel may show them as text: use the XLSX for reading by people). Percent columns
//         are written as percentages (85.20 under a "(%)" header). The first row holds the headers.
//   XLSX  libxlsxwriter; one sheet per table (Table::in_xlsx): the title on row 1, the headers on
//         row 2 (bold, frozen), the data below. Numbers are numbers with formats "#,##0", "0.00" and
//         "0.00%", so the sheet can compute. Sheet names are made valid (31 characters, no []:*?/\)
//         and unique.
//   PDF   A4 portrait through cairo and pango (print/internal/pdf_canvas.h: pango at 72 dpi so that a
//         size in points is a size in points; Noto Sans, codes in DejaVu Sans Mono). Title, subtitle,
//         then the blocks in order: tables whose rows split across pages with the header repeated,
//         bar charts, paragraphs; "Trang x/y" in every footer.
//
// Every Write* is atomic: the bytes are rendered first, then written to a temporary file beside the
// target, synced and renamed over it (print::WriteFileAtomically), so a reader sees the old file or
// the whole new one.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "reports/document.h"

namespace motcua::reports {

enum class ExportFormat { kCsv, kXlsx, kPdf };
const char* ExportFormatKey(ExportFormat f);  // "csv", "xlsx", "pdf"
// Errors: kInvalid/"bad_format" on `field`.
Result<ExportFormat> ParseExportFormat(std::string_view key, std::string_view field = "format");
// By the file name's extension (case-insensitive). Errors: kInvalid "out"/"bad_extension".
Result<ExportFormat> FormatFromPath(std::string_view path);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string RenderCsv(const Table& table);
// Errors: kInvalid "document"/"no_table" when the document has no table.
Result<std::string> RenderCsv(const Document& document);
// Errors: kUnavailable "xlsx"/"xlsx_failed" (libxlsxwriter's message in the detail).
Result<std::string> RenderXlsx(const Document& document);
// Errors: kUnavailable "pdf"/"pdf_render_failed".
Result<std::string> RenderPdf(const Document& document);

Result<std::string> Render(const Document& document, ExportFormat format);
// Renders and writes atomically. Errors: Render's; print::WriteFileAtomically's (field "path").
Status WriteDocument(const Document& document, const std::string& path, ExportFormat format);

}  // namespace motcua::reports
