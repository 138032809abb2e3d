// Document scanning through SANE (libsane, "Scanner Access Now Easy"): list the scanners, then scan
// one page from a flatbed or a batch from a document feeder (ADF) into 8-bit gray or 24-bit RGB
// pages that pages_pdf.h turns into one PDF per dossier component.
//
// LEGAL: TT 01/2023/TT-VPCP, Art. 8.2 (domain.md §3): the page count is checked against the
// originals, the whole document is captured, and the number of images equals the number of pages,
// in order. Hence: the scan area defaults to the device's whole bed, pages come back in feed order,
// and a batch that fails part-way (paper jam, cover open, I/O error) returns an error and no pages,
// because the page being fed when the feeder stopped may be lost or skewed: the officer rescans the
// batch rather than archiving a set that silently misses a page.
//
// SANE is not thread-safe (the SANE standard leaves reentrancy to each backend, and the dll
// meta-backend keeps global lists). Every function here therefore takes one process-wide mutex for
// its whole run, from sane_init() to sane_exit(): calls are serialised, a second call waits for the
// first to finish. Each call does its own sane_init()/sane_exit() (sane_exit always runs, on every
// error path too), so no handle, option or device list survives from one call to the next. Run
// scans on a worker thread; the UI thread asks a running scan to stop through `cancel_requested`.
//
// Known SANE hazard: backends built on sanei_thread kill their reader thread asynchronously at the
// end of a frame and on cancel; a kill that lands inside malloc/free hangs the call for good.
// sane_scanner.cpp pauses briefly at those two moments (5 ms before a frame's last read, 50 ms
// before cancelling a stopped page), which removed the hangs seen with the test backend; a UI
// should still show "the scanner does not answer" if a scan outlives its expected time.
//
// Configuration: libsane reads its backend list (dll.conf) and each backend's file from
// /etc/sane.d, or from the directory in the SANE_CONFIG_DIR environment variable, read once per
// process at the first sane_init() (stack.md §12.3a; the tests point it at a temp dir holding a
// dll.conf with the single line `test`, SANE's virtual test scanner).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/result.h"

namespace motcua::scan {

struct ScannerInfo {
  std::string name;    // what ScanOptions::device_name takes, e.g. "test:0", "epson2:libusb:001:004"
  std::string vendor;  // e.g. "Noname"
  std::string model;   // e.g. "frontend-tester"
  std::string type;    // e.g. "flatbed scanner", "virtual device"
};

struct ListScannersOptions {
  // Default false: also list network scanners (saned, eSCL). True skips the network probes, which
  // can take seconds when a network backend is configured but nothing answers.
  bool local_only = false;
};

// The scanners SANE finds now (an empty list is not an error: the UI says "no scanner").
// Errors: kUnavailable/"sane_init_failed" on "scanner" when libsane cannot start,
// kUnavailable/"scanner_error" when listing fails.
Result<std::vector<ScannerInfo>> ListScanners(const ListScannersOptions& options = {});

enum class ColorMode {
  kGray,   // 8-bit gray: what a dossier component needs, a third of the size of colour
  kColor,  // 24-bit RGB: for documents where colour carries meaning (stamps, photos)
};

enum class ScanSource {
  kFlatbed,    // one page per ScanPages call; the officer turns the page and calls again
  kAdf,        // the document feeder, one side per sheet, until the feeder is empty
  kAdfDuplex,  // the document feeder, both sides (front, back, front, ...)
};

enum class PixelFormat {
  kGray8,  // 1 byte per pixel, 0 = black, 255 = white
  kRgb24,  // 3 bytes per pixel, R G B
};
int BytesPerPixel(PixelFormat format);

struct ScannedPage {
  PixelFormat format = PixelFormat::kGray8;
  int width_px = 0;
  int height_px = 0;
  // The resolution the device reports after it was set (a device may round the request to a
  // value it supports). 0 = unknown: the device has no resolution option and no scan-area
  // geometry to derive it from; pages_pdf.h then uses its fallback.
  int dpi = 0;
  // Row-major, top row first, rows of width_px * BytesPerPixel(format) bytes with no padding.
  std::vector<std::uint8_t> pixels;
};

struct ScanProgress {
  int page = 1;                     // 1-based page being read
  std::int64_t bytes_read = 0;      // of this page
  std::int64_t bytes_expected = 0;  // of this page; -1 when the device does not know the height
};

// A backend-specific option set by its SANE name, e.g. {"brightness", "10"} or, on the test
// backend, {"test-picture", "Grid"}. The value is text: "yes"/"no" (or true/false, 1/0) for a
// boolean, a number for an integer or fixed-point option (a decimal point allowed for fixed),
// the string itself for a string option, ignored for a button (which is pressed).
struct BackendOption {
  std::string name;
  std::string value;
};

struct ScanOptions {
  // Default "": the first scanner SANE lists. Otherwise a ScannerInfo::name.
  std::string device_name;
  // Default 200 dpi: enough to read every character of an A4 form and a stamp, while a gray A4
  // page stays near 3.9 MB raw (1654 x 2339 px). TT 02/2019/TT-BNV sets the archival input-data
  // standard; its exact resolution and colour rules are not in domain.md (UNVERIFIED), so a center
  // configures this. The nearest value the device supports is used; ScannedPage::dpi says which.
  int resolution_dpi = 200;
  ColorMode color_mode = ColorMode::kGray;  // default gray
  ScanSource source = ScanSource::kFlatbed; // default flatbed
  // Default 0: no limit, i.e. one page from the flatbed and, from the feeder, every sheet until it
  // reports empty (SANE_STATUS_NO_DOCS), at most kMaxPagesPerBatch. N > 0 stops after N pages.
  int max_pages = 0;
  // Scan area in millimetres from the bed's top-left corner. Default 0 = the whole bed in that
  // direction (the device's maximum), so no edge of a page is cut off (TT 01/2023 Art. 8.2).
  double width_mm = 0;
  double height_mm = 0;
  // Extra backend options, applied in order after the standard ones (so they win).
  std::vector<BackendOption> backend_options;
  // Asked before each sheet is fed and before every read from the device (every few kilobytes);
  // true stops the scan at once and ScanPages returns "scan_cancelled". Called on the scanning
  // thread: make it cheap and thread-safe (an atomic flag the UI sets). Default: never cancel.
  std::function<bool()> cancel_requested;
  // Called after every read with the bytes of the current page so far. Default: none.
  std::function<void(const ScanProgress&)> on_progress;
};

// A feeder batch longer than this is refused rather than filling memory (a 200-dpi gray A4 page
// takes 3.9 MB; a dossier component rarely exceeds a few dozen pages).
inline constexpr int kMaxPagesPerBatch = 200;

// Scans pages in feed order: one from the flatbed, or from the feeder until it is empty (or
// `max_pages` pages). Options the device lacks are skipped (a flatbed-only scanner has no "source";
// a device with no "mode" scans in its one mode and the page's format says which), except that
// asking for the feeder on a device without one is an error.
//
// Errors (field "scanner" unless named):
//   kNotFound/"no_scanner"             device_name is empty and SANE finds no scanner
//   kNotFound/"scanner_not_found"      on "device_name": no scanner of that name
//   kUnavailable/"scanner_busy"        the device is in use (by another program)
//   kUnavailable/"paper_jammed"        the feeder jammed
//   kUnavailable/"cover_open"          the scanner's cover or feeder door is open
//   kUnavailable/"no_documents"        on "source": the feeder is empty at the first page
//   kUnavailable/"scan_cancelled"      cancel_requested returned true
//   kUnavailable/"scanner_io_error"    the device stopped answering (cable, power)
//   kUnavailable/"scanner_access_denied"  the user may not use the device (group "scanner")
//   kUnavailable/"scanner_error"       any other SANE failure; detail has sane_strstatus()
//   kUnavailable/"sane_init_failed"    libsane did not start
//   kInvalid/"source_unsupported"      on "source": the device has no feeder (or no duplex)
//   kInvalid/"bad_resolution"          on "resolution_dpi": not in 1..9600
//   kInvalid/"bad_max_pages"           on "max_pages": negative
//   kInvalid/"bad_scan_area"           on "width_mm"/"height_mm": negative
//   kInvalid/"unknown_backend_option"  on "backend_options": the device has no option of that name
//   kInvalid/"bad_backend_option"      on "backend_options": the value does not parse, or the
//                                      device refused it or the option is inactive
//   kInvalid/"too_many_pages"          on "max_pages": the feeder still had paper after
//                                      kMaxPagesPerBatch pages with max_pages = 0
//   kInvalid/"page_too_large"          on "width_mm": one page would exceed 1 GiB of pixels
//   kUnavailable/"unsupported_frame"   the device sent a format this code does not convert
//                                      (handled: gray 1/8/16 bit, RGB 8/16 bit, three-pass RGB)
Result<std::vector<ScannedPage>> ScanPages(const ScanOptions& options = {});

}  // namespace motcua::scan
