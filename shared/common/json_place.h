// A place in a JSON file, for error messages that name it: "vn-2025.json#/entries/3" (the file and an
// RFC 6901 pointer). Readers of the assets (calendars, form templates) build one as they descend.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua {

// RFC 6901 escaping of one reference token: '~' -> "~0", '/' -> "~1".
inline std::string JsonPointerToken(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

struct JsonPlace {
  std::string file;
  std::string pointer;  // "" for the document root

  JsonPlace operator/(std::string_view token) const { return {file, pointer + "/" + JsonPointerToken(token)}; }
  JsonPlace operator/(std::size_t index) const { return {file, pointer + "/" + std::to_string(index)}; }
  std::string Field() const { return file + "#" + pointer; }
};

}  // namespace motcua
