// One PDF per dossier component: scanned pages (sane_scanner.h) or imported JPEG/PNG files become
// the pages of one PDF, in order, made with cairo's PDF surface. The caller stores the bytes with
// digitize::StoreBytes, which counts the pages again through poppler.
//
// LEGAL: TT 01/2023/TT-VPCP, Art. 8.2 (domain.md §3): number of images = number of pages, in
// order, each page whole. So every input page is one PDF page, in input order, and each PDF page
// is exactly the size of what was scanned: a page's size in points is its pixel size × 72 / dpi
// (a 300-dpi A4 scan of 2480 × 3508 px becomes a 595.2 × 841.9 pt page), never cropped or padded.
//
// Image encoding, a documented choice (PagesPdfOptions::encoding):
//   - kLossless (the default): cairo stores the pixels Flate-compressed, exactly as scanned. cairo
//     notices that a page whose red, green and blue are equal is gray and writes it as an 8-bit
//     DeviceGray image (1-bit when only black and white occur), so gray pages cost no colour.
//   - kJpeg: the page is JPEG-encoded (libjpeg, `jpeg_quality`) and cairo embeds that JPEG as it is
//     (DCTDecode). About 3x smaller on real paper, whose fibre and toner grain Flate cannot
//     squeeze, at the cost of faint ringing around strokes; larger on clean pages.
//   Measured (test PagesToPdf.GrayA4At200DpiFileSizes, cairo 1.16, libjpeg-turbo 2.1; gray A4 at
//   200 dpi = 1654 x 2339 px, 3.87 MB raw; 1 KiB = 1024 bytes):
//     "real paper" (lines of glyph strokes, paper and ink both with ±6 levels of grain):
//       lossless 2214 KiB, JPEG q80 678 KiB, JPEG q60 455 KiB;
//     the same text on pure white (a clean original): lossless 145 KiB, JPEG q80 488 KiB;
//     SANE's test backend grid page: lossless 2 KiB, JPEG q80 139 KiB.
//   Lossless stays the default because the archive copy of a citizen's paper should not be altered,
//   and TT 02/2019/TT-BNV's exact compression rule is not in domain.md (UNVERIFIED): a center that
//   needs smaller files sets kJpeg.
//
// Dates: the PDF's CreationDate is `created_at` when given (Vietnam time, +07:00). Without it the
// PDF has no date at all, so the same pages always give the same bytes (and the same SHA-256 in the
// content-addressed file store).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "scan/sane_scanner.h"

namespace motcua::scan {

enum class PdfImageEncoding {
  kLossless,  // Flate (zlib) inside the PDF: the pixels exactly as scanned
  kJpeg,      // JPEG (DCTDecode) at jpeg_quality
};

struct PagesPdfOptions {
  PdfImageEncoding encoding = PdfImageEncoding::kLossless;  // default lossless, see above
  int jpeg_quality = 80;       // 1..100, default 80; used only with kJpeg
  int fallback_dpi = 200;      // for pages whose dpi is 0 (unknown); default 200, the scan default
  std::string title;           // the PDF's Title, e.g. the component's name; default none
  std::optional<Instant> created_at;  // the PDF's CreationDate; default none (no date in the file)
};

// The pages, in order, as one PDF (bytes).
// Errors: kInvalid/"no_pages" on "pages" for an empty list; kInvalid/"bad_page" on "pages" when a
// page's pixel buffer does not match its size, a side is < 1 px or > 32767 px (cairo's limit), its
// dpi is negative, or the page would exceed 200 inches (14400 pt, the PDF viewer limit);
// kInvalid/"bad_jpeg_quality" on "jpeg_quality"; kInvalid/"bad_dpi" on "fallback_dpi" (< 1);
// kUnavailable/"pdf_failed" when cairo or libjpeg fails (out of memory); kUnavailable/
// "jpeg_unsupported" on "encoding" for kJpeg in a build without libjpeg (package libjpeg-dev).
Result<std::string> PagesToPdf(const std::vector<ScannedPage>& pages, const PagesPdfOptions& options = {});

// The PDF page size for a page: pixel size × 72 / dpi (dpi 0 = `fallback_dpi`).
struct PageSizePt {
  double width_pt = 0;
  double height_pt = 0;
};
PageSizePt PageSizeOf(const ScannedPage& page, int fallback_dpi = 200);

struct ImagesPdfOptions {
  std::string title;                  // the PDF's Title; default none
  std::optional<Instant> created_at;  // the PDF's CreationDate; default none
};

// Imported files (JPEG or PNG, by content) as one PDF, one page per file, in order. JPEG bytes are
// embedded unchanged (no second lossy pass over the citizen's file); PNG is stored lossless.
// Page size: from the resolution the file states (JFIF density, PNG pHYs) when it is at least
// 100 dpi, as scanners write it; otherwise (phone photos say 72 dpi or nothing) the image is
// fitted into an A4 page, portrait or landscape following its shape. A JPEG's EXIF orientation is
// honoured: a photo taken sideways shows upright.
// Errors: kInvalid/"no_files" on "files"; kInvalid/"unsupported_image" on "files" (not JPEG or
// PNG, or a CMYK JPEG); kInvalid/"unreadable_image" on "files" (damaged); the detail names the
// 1-based file; kInvalid/"bad_page" for an image beyond 32767 px; kUnavailable/"pdf_failed";
// kUnavailable/"jpeg_unsupported" on "files" for a JPEG in a build without libjpeg.
Result<std::string> ImagesToPdf(const std::vector<std::string_view>& files, const ImagesPdfOptions& options = {});

}  // namespace motcua::scan
