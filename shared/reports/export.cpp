// CSV and XLSX writers, and the dispatch by format. The PDF writer is export_pdf.cpp.
#include "reports/export.h"

#include <fcntl.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "common/text.h"
#include "print/form_pdf.h"

namespace motcua::reports {
namespace {

// "85.20": a number for machines; integers without decimals.
std::string CsvNumber(const Cell& c) {
  double v = *c.number;
  char buf[64];
  switch (c.format) {
    case NumberFormat::kInteger:
      std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
      return buf;
    case NumberFormat::kPercent:
      v *= 100;
      [[fallthrough]];
    default:
      if (std::abs(v) < 0.005) v = 0;
      std::snprintf(buf, sizeof buf, "%.2f", v);
      return buf;
  }
}

void AppendCsvField(std::string& out, std::string_view field) {
  const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out.append(field);
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// ---- XLSX ----

// Cuts to at most `chars` UTF-8 characters.
std::string Utf8Prefix(std::string_view s, std::size_t chars) {
  std::size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == chars) break;
      ++n;
    }
  }
  return std::string(s.substr(0, i));
}

std::string AsciiLower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

// Excel's sheet-name rules: 1-31 characters, none of []:*?/\, not starting or ending with ', unique
// ignoring case.
std::string SheetName(std::string name, std::set<std::string>& used) {
  for (char& c : name)
    if (std::strchr("[]:*?/\\", c)) c = '-';
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty()) name = "Sheet";
  name = Utf8Prefix(name, 31);
  std::string candidate = name;
  for (int n = 2; used.count(AsciiLower(candidate)); ++n) {
    const std::string suffix = " (" + std::to_string(n) + ")";
    candidate = Utf8Prefix(name, 31 - suffix.size()) + suffix;
  }
  used.insert(AsciiLower(candidate));
  return candidate;
}

double ColumnWidth(const Table& t, std::size_t col) {
  std::size_t widest = CountCodePoints(t.columns[col].header);
  for (const auto& row : t.rows)
    if (col < row.size()) widest = std::max(widest, CountCodePoints(row[col].text));
  return std::clamp(double(widest) + 2, 6.0, 60.0);
}

struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

Result<std::string> ReadWhole(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Unavailable("xlsx", "xlsx_failed", "cannot read back " + path + ": " + std::strerror(errno));
  std::string bytes;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  std::fclose(f);
  return bytes;
}

}  // namespace

const char* ExportFormatKey(ExportFormat f) {
  switch (f) {
    case ExportFormat::kCsv: return "csv";
    case ExportFormat::kXlsx: return "xlsx";
    case ExportFormat::kPdf: return "pdf";
  }
  return "";
}

Result<ExportFormat> ParseExportFormat(std::string_view key, std::string_view field) {
  for (ExportFormat f : {ExportFormat::kCsv, ExportFormat::kXlsx, ExportFormat::kPdf})
    if (AsciiLower(std::string(key)) == ExportFormatKey(f)) return f;
  return Invalid(std::string(field), "bad_format", "format must be csv, xlsx or pdf, got \"" + std::string(key) + "\"");
}

Result<ExportFormat> FormatFromPath(std::string_view path) {
  const std::size_t dot = path.find_last_of('.');
  const std::size_t slash = path.find_last_of('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
    return Invalid("out", "bad_extension", "the output file must end in .csv, .xlsx or .pdf");
  auto f = ParseExportFormat(path.substr(dot + 1), "out");
  if (!f) return Invalid("out", "bad_extension", "the output file must end in .csv, .xlsx or .pdf, got \"" +
                                                     std::string(path) + "\"");
  return f;
}

std::string RenderCsv(const Table& table) {
  std::string out(kUtf8Bom);
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out += ',';
    AppendCsvField(out, table.columns[c].header);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (c) out += ',';
      if (c >= row.size()) continue;
      if (row[c].number) out += CsvNumber(row[c]);
      else AppendCsvField(out, row[c].text);
    }
    out += "\r\n";
  }
  return out;
}

Result<std::string> RenderCsv(const Document& document) {
  const Table* t = document.CsvTable();
  if (!t) return Invalid("document", "no_table", "the " + document.kind + " report has no table");
  return RenderCsv(*t);
}

Result<std::string> RenderXlsx(const Document& document) {
  // libxlsxwriter 1.1.4 writes only to a named file: render into a private temporary file, read it
  // back and remove it (the caller writes the bytes atomically where they belong).
  const char* tmpdir = std::getenv("TMPDIR");
  TempFile tmp;
  tmp.path = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/motcua-report-XXXXXX";
  const int fd = ::mkstemp(tmp.path.data());
  if (fd < 0) {
    tmp.path.clear();
    return Unavailable("xlsx", "xlsx_failed", std::string("cannot create a temporary file: ") + std::strerror(errno));
  }
  ::close(fd);

  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(tmp.path.c_str(), &options);
  if (!wb) return Unavailable("xlsx", "xlsx_failed", "libxlsxwriter could not start a workbook");

  lxw_doc_properties props{};
  std::string title = document.title, subject = document.subtitle, anchor = document.journal_anchor;
  props.title = title.data();
  props.subject = subject.data();
  props.comments = anchor.data();  // the journal anchor (store/journal.h (5)) travels with the file
  props.created = static_cast<time_t>(ToUnixSeconds(document.created_at));
  workbook_set_properties(wb, &props);

  lxw_format* title_fmt = workbook_add_format(wb);
  format_set_bold(title_fmt);
  format_set_font_size(title_fmt, 13);
  lxw_format* header_fmt = workbook_add_format(wb);
  format_set_bold(header_fmt);
  format_set_text_wrap(header_fmt);
  format_set_align(header_fmt, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(header_fmt, LXW_BORDER_THIN);
  format_set_bg_color(header_fmt, 0xDDE4EE);
  lxw_format* integer_fmt = workbook_add_format(wb);
  format_set_num_format(integer_fmt, "#,##0");
  lxw_format* points_fmt = workbook_add_format(wb);
  format_set_num_format(points_fmt, "0.00");
  lxw_format* percent_fmt = workbook_add_format(wb);
  format_set_num_format(percent_fmt, "0.00%");
  lxw_format* note_fmt = workbook_add_format(wb);
  format_set_italic(note_fmt);

  std::set<std::string> used;
  int sheets = 0;
  for (const Table* t : document.Tables()) {
    if (!t->in_xlsx) continue;
    const std::string name = SheetName(t->sheet.empty() ? t->title : t->sheet, used);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (!ws) {
      workbook_close(wb);
      return Unavailable("xlsx", "xlsx_failed", "libxlsxwriter refused the sheet name \"" + name + "\"");
    }
    ++sheets;
    worksheet_write_string(ws, 0, 0, t->title.c_str(), title_fmt);
    for (std::size_t c = 0; c < t->columns.size(); ++c) {
      worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), ColumnWidth(*t, c), nullptr);
      worksheet_write_string(ws, 1, lxw_col_t(c), t->columns[c].header.c_str(), header_fmt);
    }
    worksheet_freeze_panes(ws, 2, 0);
    lxw_row_t r = 2;
    for (const auto& row : t->rows) {
      for (std::size_t c = 0; c < row.size() && c < t->columns.size(); ++c) {
        const Cell& cell = row[c];
        if (cell.number) {
          lxw_format* fmt = cell.format == NumberFormat::kInteger   ? integer_fmt
                            : cell.format == NumberFormat::kPercent ? percent_fmt
                                                                    : points_fmt;
          worksheet_write_number(ws, r, lxw_col_t(c), *cell.number, fmt);
        } else if (!cell.text.empty()) {
          worksheet_write_string(ws, r, lxw_col_t(c), cell.text.c_str(), nullptr);
        }
      }
      ++r;
    }
    if (!t->note.empty()) worksheet_write_string(ws, r + 1, 0, t->note.c_str(), note_fmt);
  }
  if (sheets == 0) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, document.title.c_str(), title_fmt);
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Unavailable("xlsx", "xlsx_failed", std::string("libxlsxwriter: ") + lxw_strerror(err));
  return ReadWhole(tmp.path);
}

Result<std::string> Render(const Document& document, ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv: return RenderCsv(document);
    case ExportFormat::kXlsx: return RenderXlsx(document);
    case ExportFormat::kPdf: return RenderPdf(document);
  }
  return Invalid("format", "bad_format", "unknown format");
}

Status WriteDocument(const Document& document, const std::string& path, ExportFormat format) {
  MOTCUA_ASSIGN_OR_RETURN(std::string bytes, Render(document, format));
  return print::WriteFileAtomically(path, bytes);
}

}  // namespace motcua::reports
