// Files that motcua reads from outside and the files and folders it keeps for itself.
//
// Reading: everything that comes from a command line, a scanner folder or an import is read through
// ReadRegularFile, which opens without blocking (a FIFO would otherwise hang the reader), refuses
// anything that is not a regular file (a device, a FIFO, a folder), and refuses a file larger than
// the caller's cap before reading it, so a hostile path can neither hang a station nor fill its memory.
//
// Keeping: the database, its WAL, the chain key, the anchor and the center key hold the center's
// records and secrets. They are created owner-only (0600); when a system group named "motcua" exists
// they belong to it and its members may read them (0640), so a supervisor's reporting account can
// read without writing. Folders motcua creates are 0750 (owner all, the group may enter and list).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua {

// Caps for files read from outside; each caller passes its own and documents it.
inline constexpr std::int64_t kMaxJsonFileBytes = 1 << 20;         // a dossier or settings file: 1 MiB
inline constexpr std::int64_t kMaxCatalogFileBytes = 64 << 20;     // a whole procedure catalog: 64 MiB
inline constexpr std::int64_t kMaxScanFileBytes = 200 << 20;       // one scanned or imported paper: 200 MiB
inline constexpr std::int64_t kMaxScoreInputBytes = std::int64_t{4} << 30;  // national records to score: 4 GiB
                                                                          // (a province's year, ~3M records)

// Reads the whole regular file at `path`, at most `max_bytes`. Errors on `field`:
// kInvalid/"cannot_read" (missing, unreadable), kInvalid/"not_a_regular_file" (a folder, device, FIFO
// or socket), kInvalid/"too_large" (over max_bytes; nothing is read).
Result<std::string> ReadRegularFile(const std::filesystem::path& path, std::string_view field, std::int64_t max_bytes);

// The mode for motcua's own files: 0640 when the group "motcua" exists, else 0600.
unsigned PrivateFileMode();

// Gives an open file motcua's own mode and, when it exists, the "motcua" group (best effort: a file
// another user owns keeps its owner's choice). Returns false when fchmod failed.
bool MakeFilePrivate(int fd);

// Creates `dir` and any missing parents; every folder created here gets mode 0750 (and the "motcua"
// group when it exists). Existing folders are left as they are: /tmp or a home folder is not ours to
// change. Errors: kUnavailable/"cannot_create_directory" on `field`.
Status CreatePrivateDirectories(const std::filesystem::path& dir, std::string_view field);

// Where a station keeps its data when no --data-dir is given (the CLI, the counter and the kiosk agree):
// $MOTCUA_DATA_DIR, else /var/lib/motcua as root, else $XDG_DATA_HOME/motcua, else
// ~/.local/share/motcua, else ./motcua-data.
std::string DefaultDataDir();

}  // namespace motcua
