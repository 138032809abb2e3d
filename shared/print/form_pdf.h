// The official forms of forms.h as PDF, drawn with cairo + pango (stack.md §12.1): Noto Sans for
// text, a monospace face for dossier codes, real (copyable, searchable) text, vector QR codes.
//
// Each form's wording and layout are a template, assets/forms/<form>.json (format and the names each
// form provides: assets/forms/README.md), read at run time from <assets>/forms (assets being
// $MOTCUA_ASSETS_DIR if set, else the built-in path; PdfOptions::forms_dir overrides both), once per
// process, and laid out by one engine (internal/form_template.h). So a new circular's wording needs
// no rebuild, only an edit there and a restart. Every value taken from a form is escaped for Pango
// markup: a name with '<' or '&' prints as typed.
//
// Layout rules every writer keeps (the engine's):
//   - text is printed in NFC (input may be NFD or mixed) and wraps inside its column;
//   - nothing is clipped: long lists and tables flow onto extra pages, table rows split only
//     between lines, the table header repeats, and signature blocks are never split;
//   - continuation pages carry a small running title, and a section of more than one page (or
//     every page of the tracking book) carries "Trang n/N" in the bottom margin;
//   - pages (as the shipped templates set them): Mẫu 01-05 and the result handover record A5
//     portrait (148 x 210 mm), Mẫu 06 A4 landscape, the postal manifest A4 portrait.
// The receipt (Mẫu 01) prints one section per copy label, each starting on a new page and set as
// densely as it takes for the copy to fit that one page (spacing first, then type down to body 7.5 pt,
// notes 7 pt), so the usual two labels make a 2-page PDF whose pages are the two copies (Liên 1,
// Liên 2), each with its own signatures. Only a copy too long even then (about a dozen papers with
// long names) flows onto a continuation page, keeping its signature block whole. Item 7 never
// repeats its label ("Phí, lệ phí: 20.000 ₫" for a fee named "Phí, lệ phí"), and the QR's caption
// sends the citizen to the center's kiosk (the token is not a web address; a phone cannot use it),
// plus ReceiptForm::lookup_address when set.
//
// Render* return the PDF bytes; Write* write them to `path` atomically (WriteFileAtomically), so a
// failed write never leaves a half file there. Both are pure functions of their input and the
// template files (no clock; the PDF creation date is taken from the form) and safe to call from a
// worker thread (the first print of a form in a process also reads its template). Cost, on
// the 2-core development VM: about 45 ms for a 2-page receipt (180 ms for the first one in a
// process, which loads fontconfig; about 60 ms when a long checklist needs a denser layout, 165 ms
// when none fits and a copy flows to 2 pages), 70 ms for a 6-page one, 1 s for a 500-row tracking
// book (text shaping and PDF compression dominate): keep it off the UI thread.
//
// Errors, each naming the field:
//   kNotFound/"form_template"  the form's template (or common.json) is missing or unreadable; field
//                              the file name, the detail its path;
//   kInvalid/"bad_template"  the template is broken: not JSON, an unknown key or placeholder, markup
//                            pango rejects, ...; field "<file>#<JSON pointer>" (or "<file>:<line>" for
//                            a JSON syntax error), the detail says what is wrong. Template errors
//                            come before the input errors below;
//   kInvalid/"bad_utf8"      a text field is not valid UTF-8 (field e.g. "components[2].name");
//   kInvalid/"required"      a required field is empty or unset (see forms.h);
//   kInvalid/"out_of_range"  a count below its minimum ("sets", "components[0].copies", ...);
//   kInvalid/"not_after"     ApologyForm.new_due_at is not after original_due_at;
//   kInvalid/"text_too_long" the receipt's qr_token does not fit a QR code (field "qr_token");
//   kUnavailable/"unwritable_path"  (Write*) the file cannot be created; field "path", the detail
//                                   names the path and the system's reason;
//   kUnavailable/"write_failed"     (Write*) writing, syncing or renaming failed (e.g. disk full);
//                                   the destination is left as it was.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "print/forms.h"

namespace motcua::print {

struct PdfOptions {
  std::string body_font = "Noto Sans";         // fontconfig family (default: Noto Sans, fonts-noto-core)
  std::string code_font = "DejaVu Sans Mono";  // dossier codes (default: DejaVu Sans Mono, fonts-dejavu-core)
  // Side of the receipt QR symbol without its quiet zone, in mm (default 24: a 29-module token QR
  // gets 0.83 mm modules). A phone or a kiosk camera at 15-30 cm reads it; the side grows if a
  // module would be smaller than qr_min_module_mm.
  double qr_side_mm = 24;
  double qr_min_module_mm = 0.5;  // default 0.5 mm per module (about 6 dots at 300 dpi)
  // The directory of the form templates (assets/forms/README.md). Default empty: <assets>/forms,
  // assets being $MOTCUA_ASSETS_DIR if set, else the built-in assets directory. Tests name another.
  std::string forms_dir;
};

struct PdfDocument {
  std::string bytes;   // a complete PDF file
  int page_count = 0;  // >= 1
};

Result<PdfDocument> RenderReceiptPdf(const ReceiptForm& form, const PdfOptions& options = {});
Result<PdfDocument> RenderSupplementRequestPdf(const SupplementRequestForm& form, const PdfOptions& options = {});
Result<PdfDocument> RenderRefusalPdf(const RefusalForm& form, const PdfOptions& options = {});
Result<PdfDocument> RenderApologyPdf(const ApologyForm& form, const PdfOptions& options = {});
Result<PdfDocument> RenderControlSlipPdf(const ControlSlipForm& form, const PdfOptions& options = {});
Result<PdfDocument> RenderTrackingBookPdf(const TrackingBookForm& form, const PdfOptions& options = {});
Result<PdfDocument> RenderHandoverManifestPdf(const HandoverManifestForm& form, const PdfOptions& options = {});
Result<PdfDocument> RenderResultHandoverPdf(const ResultHandoverForm& form, const PdfOptions& options = {});

Status WriteReceiptPdf(const ReceiptForm& form, const std::string& path, const PdfOptions& options = {});
Status WriteSupplementRequestPdf(const SupplementRequestForm& form, const std::string& path,
                                 const PdfOptions& options = {});
Status WriteRefusalPdf(const RefusalForm& form, const std::string& path, const PdfOptions& options = {});
Status WriteApologyPdf(const ApologyForm& form, const std::string& path, const PdfOptions& options = {});
Status WriteControlSlipPdf(const ControlSlipForm& form, const std::string& path, const PdfOptions& options = {});
Status WriteTrackingBookPdf(const TrackingBookForm& form, const std::string& path, const PdfOptions& options = {});
Status WriteHandoverManifestPdf(const HandoverManifestForm& form, const std::string& path,
                                const PdfOptions& options = {});
Status WriteResultHandoverPdf(const ResultHandoverForm& form, const std::string& path,
                              const PdfOptions& options = {});

// Writes `bytes` to `path` so that `path` holds either its old content or all of `bytes`, never a
// part: a temporary file in the same directory, fsync, rename over `path`, fsync of the directory.
// The temporary file is removed on any failure. The file gets mode 0644.
// Errors: kUnavailable/"unwritable_path" (cannot create a file in the directory: missing directory,
// not a directory, no permission, read-only file system), kUnavailable/"write_failed" (short write,
// ENOSPC, EFBIG, fsync or rename failure); field "path", the detail names the path.
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace motcua::print
