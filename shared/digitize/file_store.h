// Content-addressed file store for scans, uploads and results (digitization records, domain.md §3).
//
// A file lives at <root>/<first two hex digits>/<sha256> and never changes: its name is its SHA-256.
// Writes go to a temporary file in the same directory, are fsynced, then renamed into place, and the
// directory is fsynced, so a crash leaves either the whole file or nothing at the final name. A
// database row may point at a file only after StoreBytes returned: the file is on disk before the
// transaction that records it commits, so no committed row ever names a missing file (an orphan file
// after a crash is harmless).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"

namespace motcua::digitize {

struct StoredFile {
  std::string sha256;      // 64 lower-case hex digits
  std::string mime;        // "application/pdf", "image/jpeg" or "image/png"
  int pages = 0;           // >= 1
  std::int64_t size_bytes = 0;
  bool newly_stored = false;  // StoreBytes: true when this call wrote the file, false when it was there
};

// Accepted kinds, by content (not by file name): PDF, JPEG, PNG.
// Errors: kInvalid/"empty_file", kInvalid/"unsupported_file_type" on field "file".
Result<std::string> DetectMime(std::string_view bytes);

// Pages of a PDF (through poppler), 1 for an image. Errors: kInvalid/"unreadable_pdf",
// kInvalid/"encrypted_pdf".
Result<int> CountPages(std::string_view bytes, std::string_view mime);

// What StoreBytes would store, without storing anything: hash, type, pages, size. So a caller can check
// every file of a request before the first one is copied. Errors: those of DetectMime/CountPages.
Result<StoredFile> InspectBytes(std::string_view bytes);

// Stores the bytes (idempotent: storing the same content twice is a no-op that verifies the copy).
// Files and the folders made for them get motcua's private modes (common/files.h): they are citizens'
// papers. Errors: those of InspectBytes; kUnavailable/"write_failed" (disk full, permissions) naming the
// directory, with nothing left at the final path.
Result<StoredFile> StoreBytes(const std::filesystem::path& root, std::string_view bytes);
// Reads `source` (a regular file of at most kMaxScanFileBytes, common/files.h) and stores it.
// Errors on "file": ReadRegularFile's ("cannot_read", "not_a_regular_file", "too_large"); StoreBytes'.
Result<StoredFile> StoreFile(const std::filesystem::path& root, const std::filesystem::path& source);

// Removes a file this process stored (StoredFile::newly_stored) for a request that was then refused.
void RemoveStored(const std::filesystem::path& root, std::string_view sha256);

std::filesystem::path StoredPath(const std::filesystem::path& root, std::string_view sha256);

// Reads a stored file and checks its hash. Errors: kNotFound/"file_missing", kCorrupt/"hash_mismatch".
Result<std::string> ReadStored(const std::filesystem::path& root, std::string_view sha256);

}  // namespace motcua::digitize
