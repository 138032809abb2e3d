#include "print/pdf_tools.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace motcua::print::testing {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/motcua-print-XXXXXX";
  if (!mkdtemp(tmpl.data())) std::abort();
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

CommandResult Run(const std::string& command) {
  CommandResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.output.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool HaveTool(const std::string& name) { return Run("command -v " + name).exit_code == 0; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::string PdfText(const std::string& pdf, int page) {
  std::string cmd = "pdftotext -enc UTF-8";
  if (page > 0) cmd += " -f " + std::to_string(page) + " -l " + std::to_string(page);
  const CommandResult r = Run(cmd + " " + pdf + " -");
  std::string out;
  bool space = false;
  for (char c : r.output) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

PdfInfo GetPdfInfo(const std::string& pdf) {
  PdfInfo info;
  info.raw = Run("pdfinfo " + pdf).output;
  std::istringstream lines(info.raw);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("Pages:", 0) == 0) info.pages = std::atoi(line.c_str() + 6);
    if (line.rfind("Page size:", 0) == 0) {
      std::sscanf(line.c_str() + 10, " %lf x %lf", &info.width_pt, &info.height_pt);
      const auto open = line.find('('), close = line.find(')');
      if (open != std::string::npos && close != std::string::npos) info.size_name = line.substr(open + 1, close - open - 1);
    }
  }
  return info;
}

scan::GrayImage RenderGray(const std::string& pdf, int page, int dpi) {
  scan::GrayImage img;
  const std::string out = pdf + ".p" + std::to_string(page);
  const CommandResult r = Run("pdftoppm -r " + std::to_string(dpi) + " -gray -f " + std::to_string(page) +
                              " -l " + std::to_string(page) + " -singlefile " + pdf + " " + out);
  if (r.exit_code != 0) return img;
  const std::string pgm = ReadFile(out + ".pgm");
  // Binary PGM: "P5\n<w> <h>\n<max>\n" then w*h bytes (pdftoppm writes no comments).
  int w = 0, h = 0, maxval = 0, consumed = 0;
  if (std::sscanf(pgm.c_str(), "P5 %d %d %d%n", &w, &h, &maxval, &consumed) != 3 || maxval != 255) return img;
  const std::size_t start = std::size_t(consumed) + 1;  // one white-space byte after maxval
  if (pgm.size() < start + std::size_t(w) * h) return img;
  img.width = w;
  img.height = h;
  img.pixels.assign(pgm.begin() + long(start), pgm.begin() + long(start + std::size_t(w) * h));
  return img;
}

bool SavePng(const std::string& pdf, int page, int dpi, const std::string& png_path) {
  std::string stem = png_path;
  if (stem.size() > 4 && stem.substr(stem.size() - 4) == ".png") stem.resize(stem.size() - 4);
  return Run("pdftoppm -r " + std::to_string(dpi) + " -png -f " + std::to_string(page) + " -l " +
             std::to_string(page) + " -singlefile " + pdf + " " + stem)
             .exit_code == 0;
}

std::vector<Word> PdfWords(const std::string& pdf) {
  std::vector<Word> words;
  const std::string html = Run("pdftotext -bbox -enc UTF-8 " + pdf + " -").output;
  int page = 0;
  double pw = 0, ph = 0;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t tag = html.find('<', pos);
    if (tag == std::string::npos) break;
    if (html.compare(tag, 6, "<page ") == 0) {
      ++page;
      std::sscanf(html.c_str() + tag, "<page width=\"%lf\" height=\"%lf\"", &pw, &ph);
    } else if (html.compare(tag, 6, "<word ") == 0) {
      Word w;
      w.page = page;
      w.page_width = pw;
      w.page_height = ph;
      std::sscanf(html.c_str() + tag, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &w.x_min,
                  &w.y_min, &w.x_max, &w.y_max);
      const std::size_t gt = html.find('>', tag);
      const std::size_t end = html.find("</word>", gt);
      w.text = html.substr(gt + 1, end - gt - 1);
      words.push_back(w);
    }
    pos = tag + 1;
  }
  return words;
}

int CountOf(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + needle.size())) ++n;
  return n;
}

std::string ArtifactsDir() {
  const std::string dir = std::string(MOTCUA_BIN_DIR) + "/../artifacts/forms";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  return dir;
}

}  // namespace motcua::print::testing
