#include "scan_sane/test_support.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace motcua::scan::testing {
namespace {

std::string MakeTempDir(const char* prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string templ = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/" + prefix + "XXXXXX";
  if (mkdtemp(templ.data()) == nullptr) return {};
  return templ;
}

bool sane_config_made = false;

// Removes the SANE configuration after the last test. It is made lazily, by the first test that
// scans (SaneTestBackendMissing), so that processes which never scan (death-test children, the
// PDF-only tests) leave nothing behind.
class SaneEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    if (sane_config_made) std::filesystem::remove_all(SaneConfigDir(), ec);
  }
};

[[maybe_unused]] ::testing::Environment* const kSaneEnvironment =
    ::testing::AddGlobalTestEnvironment(new SaneEnvironment);

}  // namespace

const std::string& SaneConfigDir() {
  static const std::string dir = [] {
    std::string d = MakeTempDir("motcua-sane-");
    WriteFile(d + "/dll.conf", "test\n");
    // The test backend's own settings (sane-test(5)); only the bed size differs from Debian's
    // /etc/sane.d/test.conf. Options a test needs (test-picture, read-limit, ...) are set per scan
    // through ScanOptions::backend_options, which is what a center would do for a real device.
    WriteFile(d + "/test.conf",
              "number_of_devices 2\n"
              "geometry_min 0.0\n"
              "geometry_max 300.0\n"
              "geometry_quant 1.0\n");
    setenv("SANE_CONFIG_DIR", d.c_str(), 1);
    sane_config_made = true;
    return d;
  }();
  return dir;
}

std::optional<std::string> SaneTestBackendMissing() {
  static const std::optional<std::string> why = []() -> std::optional<std::string> {
    (void)SaneConfigDir();
    auto list = ListScanners({.local_only = true});
    if (!list) return "ListScanners failed: " + list.error().Describe();
    bool has0 = false, has1 = false;
    for (const ScannerInfo& s : *list) {
      has0 = has0 || s.name == "test:0";
      has1 = has1 || s.name == "test:1";
    }
    if (!has0 || !has1)
      return std::string("SANE's test backend is not installed (package libsane1 ships libsane-test.so)");
    return std::nullopt;
  }();
  return why;
}

TempDir::TempDir() : path_(MakeTempDir("motcua-scan-")) {}
TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

CommandResult Run(const std::string& command) {
  CommandResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool HaveTool(const std::string& name) { return Run("command -v " + name + " >/dev/null").exit_code == 0; }

PdfInfo GetPdfInfo(const std::string& pdf_bytes, const TempDir& dir) {
  PdfInfo info;
  const std::string path = dir.File("info.pdf");
  WriteFile(path, pdf_bytes);
  info.raw = Run("pdfinfo -f 1 -l 100000 " + path).output;
  std::istringstream lines(info.raw);
  std::string line;
  while (std::getline(lines, line)) {
    int page = 0;
    double w = 0, h = 0;
    if (std::sscanf(line.c_str(), "Page %d size: %lf x %lf pts", &page, &w, &h) == 3) {
      info.boxes.push_back({w, h});
    } else if (std::sscanf(line.c_str(), "Pages: %d", &page) == 1) {
      info.pages = page;
    } else if (line.rfind("CreationDate:", 0) == 0) {
      info.creation_date = line.substr(line.find_first_not_of(' ', 13));
    }
  }
  return info;
}

ScannedPage RenderGray(const std::string& pdf_bytes, int page, int dpi, const TempDir& dir) {
  ScannedPage img;
  const std::string pdf = dir.File("render.pdf");
  const std::string out = dir.File("render");
  WriteFile(pdf, pdf_bytes);
  const CommandResult r = Run("pdftoppm -r " + std::to_string(dpi) + " -gray -f " + std::to_string(page) +
                              " -l " + std::to_string(page) + " -singlefile " + pdf + " " + out);
  if (r.exit_code != 0) return img;
  const std::string pgm = ReadFile(out + ".pgm");
  int w = 0, h = 0, maxval = 0, consumed = 0;
  if (std::sscanf(pgm.c_str(), "P5 %d %d %d%n", &w, &h, &maxval, &consumed) != 3 || maxval != 255) return img;
  const std::size_t start = std::size_t(consumed) + 1;
  if (pgm.size() < start + std::size_t(w) * h) return img;
  img.width_px = w;
  img.height_px = h;
  img.dpi = dpi;
  img.pixels.assign(pgm.begin() + long(start), pgm.begin() + long(start + std::size_t(w) * h));
  return img;
}

std::vector<PdfImage> ListImages(const std::string& pdf_bytes, const TempDir& dir) {
  std::vector<PdfImage> out;
  const std::string pdf = dir.File("images.pdf");
  WriteFile(pdf, pdf_bytes);
  std::istringstream lines(Run("pdfimages -list " + pdf).output);
  std::string line;
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  while (std::getline(lines, line)) {
    std::istringstream f(line);
    int page = 0, num = 0, comp = 0;
    std::string type;
    PdfImage img;
    if (f >> page >> num >> type >> img.width >> img.height >> img.color >> comp >> img.bpc >> img.enc)
      out.push_back(img);
  }
  return out;
}

double DarkShare(const ScannedPage& page) {
  if (page.pixels.empty()) return 0;
  std::size_t dark = 0;
  for (std::uint8_t v : page.pixels) dark += v < 128;
  return double(dark) / double(page.pixels.size());
}

}  // namespace motcua::scan::testing
