// Test helpers for the print module: a temporary directory, running the poppler tools
// (pdfinfo, pdftotext, pdftoppm, pdffonts from poppler-utils) and reading their output.
#pragma once

#include <string>
#include <vector>

#include "scan/qr_image.h"

namespace motcua::print::testing {

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command line; the caller quotes paths (test paths have no spaces).
CommandResult Run(const std::string& command);

bool HaveTool(const std::string& name);  // on PATH

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);

// pdftotext -enc UTF-8 of one page (1-based) or of all pages (page = 0), with every run of white
// space collapsed to one space, so phrases that wrap across lines still match.
std::string PdfText(const std::string& pdf, int page = 0);

struct PdfInfo {
  int pages = 0;
  double width_pt = 0;   // of page 1
  double height_pt = 0;
  std::string size_name; // "A5", "A4" or "" as pdfinfo names it
  std::string raw;
};
PdfInfo GetPdfInfo(const std::string& pdf);

// Page `page` (1-based) rendered by `pdftoppm -r dpi -gray`.
scan::GrayImage RenderGray(const std::string& pdf, int page, int dpi);

// Saves page `page` as PNG at `dpi` to png_path (for people to look at).
bool SavePng(const std::string& pdf, int page, int dpi, const std::string& png_path);

// Every word pdftotext -bbox finds, with its page's size: to prove nothing is drawn off the page.
struct Word {
  int page = 0;
  double page_width = 0, page_height = 0;
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  std::string text;
};
std::vector<Word> PdfWords(const std::string& pdf);

// Number of non-overlapping occurrences of `needle` in `haystack`.
int CountOf(const std::string& haystack, const std::string& needle);

// <build>/artifacts/forms (created), where tests leave PNGs of every form.
std::string ArtifactsDir();

}  // namespace motcua::print::testing
