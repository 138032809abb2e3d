// The JSON form of an intake request (documented at the top of cmd_receive.cpp), shared by `receive`
// and `demo`. Files named in components are stored in `files_root`; relative paths are resolved
// against `base`. Errors name the JSON field, e.g. ("components[2].files", "file_not_found").
#pragma once

#include <filesystem>
#include <string>

#include "workflow/desk.h"

namespace motcua::cli {

Result<workflow::IntakeRequest> ParseIntakeJson(const std::string& text, const std::filesystem::path& base,
                                                const std::filesystem::path& files_root, const std::string& actor);

}  // namespace motcua::cli
