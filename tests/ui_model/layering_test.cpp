// architecture.md rule 1 / style.md §1: nothing under shared/ except shared/ui_imgui/ may use
// ImGui. Checked on the source tree: no #include of an imgui header and no link to the ImGui
// targets outside that folder (comments may still name it).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

TEST(Layering, OnlyUiImguiUsesImgui) {
  const std::filesystem::path shared = std::filesystem::path(MOTCUA_SOURCE_DIR) / "shared";
  ASSERT_TRUE(std::filesystem::is_directory(shared));
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(shared)) {
    if (!entry.is_regular_file()) continue;
    const std::filesystem::path rel = std::filesystem::relative(entry.path(), shared);
    if (*rel.begin() == "ui_imgui") continue;
    const std::string ext = entry.path().extension().string();
    const bool is_code = ext == ".h" || ext == ".cpp" || ext == ".hpp" || ext == ".cc";
    const bool is_cmake = entry.path().filename() == "CMakeLists.txt";
    if (!is_code && !is_cmake) continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      const std::string l = Lower(line);
      if (is_code && l.find("#include") != std::string::npos && l.find("imgui") != std::string::npos)
        ADD_FAILURE() << "shared/" << rel.string() << ":" << number << " includes ImGui: " << line;
      if (is_cmake && (l.find("pkgconfig::imgui") != std::string::npos ||
                       l.find("motcua_ui_imgui") != std::string::npos))
        ADD_FAILURE() << "shared/" << rel.string() << ":" << number << " links ImGui: " << line;
    }
  }
  EXPECT_GT(files, 10) << "the scan found too few files to mean anything";
}

}  // namespace
