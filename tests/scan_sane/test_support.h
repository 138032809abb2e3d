// Helpers for the SANE and PDF tests: SANE's virtual `test` scanner configured in a temp dir,
// a temp dir per test, and the poppler tools (pdfinfo, pdftoppm, pdfimages) run on PDF bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scan/sane_scanner.h"

namespace motcua::scan::testing {

// On first use, SANE_CONFIG_DIR is set to a temp dir holding dll.conf = "test" and a
// test.conf whose bed is 300 x 300 mm (so an A4 page fits; the backend's own default is 200 mm).
// libsane reads the variable once per process, at the first sane_init() (stack.md §12.3a), so
// every test that scans calls this first (SaneTestBackendMissing does).
const std::string& SaneConfigDir();

// Why SANE tests cannot run here (no test backend: package libsane1 ships libsane-test.so), or
// nullopt when test:0 and test:1 are listed.
std::optional<std::string> SaneTestBackendMissing();

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& bytes);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};
CommandResult Run(const std::string& command);
bool HaveTool(const std::string& name);

struct PdfPageBox {
  double width_pt = 0;
  double height_pt = 0;
};
struct PdfInfo {
  int pages = 0;
  std::vector<PdfPageBox> boxes;  // one per page
  std::string creation_date;      // as pdfinfo prints it; empty when the PDF has none
  std::string raw;
};
// pdfinfo -f 1 -l <all> on the bytes.
PdfInfo GetPdfInfo(const std::string& pdf_bytes, const TempDir& dir);

// One page (1-based) rendered by pdftoppm -gray at `dpi` (an empty page on failure).
ScannedPage RenderGray(const std::string& pdf_bytes, int page, int dpi, const TempDir& dir);

struct PdfImage {
  int width = 0;
  int height = 0;
  std::string color;  // "gray", "rgb", ...
  int bpc = 0;
  std::string enc;    // "image" (Flate), "jpeg", ...
};
// pdfimages -list, one row per image.
std::vector<PdfImage> ListImages(const std::string& pdf_bytes, const TempDir& dir);

// Share of pixels darker than 128, in [0, 1].
double DarkShare(const ScannedPage& page);

}  // namespace motcua::scan::testing
