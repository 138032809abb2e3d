#include "scan/pages_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#if MOTCUA_HAVE_LIBJPEG
#include <jpeglib.h>
#endif

namespace motcua::scan {

namespace {

constexpr double kPtPerInch = 72.0;
constexpr double kMaxPagePt = 14400;  // 200 in: the largest page PDF viewers accept (PDF 1.7 Annex C)
constexpr int kMaxSidePx = 32767;     // cairo's image surface limit
constexpr double kA4ShortPt = 595.276;
constexpr double kA4LongPt = 841.890;
// Files stating less than this are treated as saying nothing (phones write 72 dpi).
constexpr double kMinTrustedDpi = 100;

// ---- cairo ----------------------------------------------------------------------------------

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Error CairoError(cairo_status_t status, const std::string& what) {
  return Unavailable("pdf", "pdf_failed", what + ": " + cairo_status_to_string(status));
}

// "2026-03-05T09:30:00+07:00", the form cairo_pdf_surface_set_metadata takes for dates.
std::string PdfDate(Instant at) {
  std::string s = FormatLocalMinute(ToLocalVn(at));  // "YYYY-MM-DD HH:MM"
  s[10] = 'T';
  return s + ":00+07:00";
}

// Owns a cairo PDF surface writing into a string, one page at a time.
class PdfWriter {
 public:
  PdfWriter(const std::string& title, const std::optional<Instant>& created_at) {
    surface_ = cairo_pdf_surface_create_for_stream(AppendToString, &bytes_, kA4ShortPt, kA4LongPt);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "motcua");
    if (!title.empty()) cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    // Without a date cairo 1.16 writes the current time. An empty date is one its ISO 8601 parser
    // rejects, which leaves /CreationDate out (cairo-pdf-interchange.c, iso8601_to_pdf_date_string).
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE,
                                   created_at ? PdfDate(*created_at).c_str() : "");
    cr_ = cairo_create(surface_);
  }
  ~PdfWriter() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  // Draws `image` (its pixels `w_px` × `h_px` before orientation) as one page of `page_w_pt` ×
  // `page_h_pt`; `orient` maps image pixels onto the page's upright pixel grid (identity for scans).
  Status AddPage(cairo_surface_t* image, double page_w_pt, double page_h_pt, const cairo_matrix_t& orient,
                 double display_w_px) {
    cairo_pdf_surface_set_size(surface_, page_w_pt, page_h_pt);
    cairo_save(cr_);
    const double scale = page_w_pt / display_w_px;
    cairo_scale(cr_, scale, scale);
    cairo_transform(cr_, &orient);
    cairo_set_source_surface(cr_, image, 0, 0);
    // The image covers exactly its own area: no edge pixels smeared past it when scaled.
    cairo_pattern_set_extend(cairo_get_source(cr_), CAIRO_EXTEND_NONE);
    // /Interpolate false (the PDF default; cairo's usual GOOD filter writes true): a viewer that
    // honours the flag shows the scanned pixels when zoomed in rather than a smoothed guess.
    cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_FAST);
    cairo_paint(cr_);
    cairo_restore(cr_);
    cairo_show_page(cr_);
    if (cairo_status_t s = cairo_status(cr_); s != CAIRO_STATUS_SUCCESS) return CairoError(s, "drawing a page");
    return Ok();
  }

  Result<std::string> Finish() {
    cairo_surface_finish(surface_);
    if (cairo_status_t s = cairo_surface_status(surface_); s != CAIRO_STATUS_SUCCESS)
      return CairoError(s, "writing the PDF");
    return std::move(bytes_);
  }

 private:
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

cairo_matrix_t Identity() {
  cairo_matrix_t m;
  cairo_matrix_init_identity(&m);
  return m;
}

// A page's pixels as a cairo RGB24 surface (cairo has no gray format; its PDF writer turns equal
// R, G and B back into a gray image).
Result<SurfacePtr> PageSurface(const ScannedPage& page) {
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, page.width_px, page.height_px));
  if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS)
    return CairoError(s, "allocating a page image");
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const int bpp = BytesPerPixel(page.format);
  for (int y = 0; y < page.height_px; ++y) {
    const std::uint8_t* in = page.pixels.data() + static_cast<std::size_t>(y) * page.width_px * bpp;
    auto* out = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    if (bpp == 1) {
      for (int x = 0; x < page.width_px; ++x) out[x] = 0x010101u * in[x];
    } else {
      for (int x = 0; x < page.width_px; ++x)
        out[x] = (std::uint32_t{in[3 * x]} << 16) | (std::uint32_t{in[3 * x + 1]} << 8) | in[3 * x + 2];
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

#if MOTCUA_HAVE_LIBJPEG
// ---- libjpeg --------------------------------------------------------------------------------
// libjpeg reports errors by calling error_exit, which must not return: it longjmps back to the
// setjmp in the calling function. Those functions hold only trivially destructible locals, so the
// jump skips no destructor.

struct JpegErrorManager {
  jpeg_error_mgr pub;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void OnJpegError(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}
void OnJpegMessage(j_common_ptr) {}  // warnings (e.g. extraneous bytes) are not worth stderr

// Encodes gray or RGB pixels; on success *out/*out_size hold a malloc'ed JPEG.
bool EncodeJpeg(const ScannedPage& page, int quality, unsigned char** out, unsigned long* out_size,
                JpegErrorManager* err) {
  jpeg_compress_struct cinfo;
  cinfo.err = jpeg_std_error(&err->pub);
  err->pub.error_exit = OnJpegError;
  err->pub.output_message = OnJpegMessage;
  *out = nullptr;
  *out_size = 0;
  if (setjmp(err->jump)) {
    jpeg_destroy_compress(&cinfo);
    std::free(*out);
    *out = nullptr;
    return false;
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, out, out_size);
  cinfo.image_width = static_cast<JDIMENSION>(page.width_px);
  cinfo.image_height = static_cast<JDIMENSION>(page.height_px);
  const int bpp = BytesPerPixel(page.format);
  cinfo.input_components = bpp;
  cinfo.in_color_space = bpp == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  cinfo.density_unit = 1;  // dots per inch: a viewer opening the JPEG alone sees the true size
  cinfo.X_density = cinfo.Y_density = static_cast<UINT16>(std::clamp(page.dpi, 1, 65535));
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(page.pixels.data() +
                                        static_cast<std::size_t>(cinfo.next_scanline) * page.width_px * bpp);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  return true;
}

struct JpegFacts {
  int width = 0;
  int height = 0;
  double dpi = 0;  // 0 = not stated
  bool cmyk = false;
};

// Decodes a JPEG into a new RGB24 cairo surface (*surface; nullptr on failure).
bool DecodeJpeg(const unsigned char* data, std::size_t size, JpegFacts* facts, cairo_surface_t** surface,
                JpegErrorManager* err) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&err->pub);
  err->pub.error_exit = OnJpegError;
  err->pub.output_message = OnJpegMessage;
  *surface = nullptr;
  if (setjmp(err->jump)) {
    jpeg_destroy_decompress(&cinfo);
    if (*surface != nullptr) cairo_surface_destroy(*surface);
    *surface = nullptr;
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
  jpeg_read_header(&cinfo, TRUE);
  facts->width = static_cast<int>(cinfo.image_width);
  facts->height = static_cast<int>(cinfo.image_height);
  if (cinfo.saw_JFIF_marker && cinfo.X_density > 0) {
    if (cinfo.density_unit == 1) facts->dpi = cinfo.X_density;
    if (cinfo.density_unit == 2) facts->dpi = cinfo.X_density * 2.54;
  }
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    facts->cmyk = true;
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  if (facts->width > kMaxSidePx || facts->height > kMaxSidePx) {
    jpeg_destroy_decompress(&cinfo);
    return true;  // the caller reports the size; no surface
  }
  cinfo.out_color_space = JCS_RGB;
  jpeg_start_decompress(&cinfo);
  *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, facts->width, facts->height);
  if (cairo_surface_status(*surface) != CAIRO_STATUS_SUCCESS) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  cairo_surface_flush(*surface);
  unsigned char* pixels = cairo_image_surface_get_data(*surface);
  const int stride = cairo_image_surface_get_stride(*surface);
  JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                              cinfo.output_width * 3, 1);
  while (cinfo.output_scanline < cinfo.output_height) {
    const JDIMENSION y = cinfo.output_scanline;
    jpeg_read_scanlines(&cinfo, row, 1);
    auto* out = reinterpret_cast<std::uint32_t*>(pixels + static_cast<std::size_t>(y) * stride);
    const unsigned char* in = row[0];
    for (int x = 0; x < facts->width; ++x)
      out[x] = (std::uint32_t{in[3 * x]} << 16) | (std::uint32_t{in[3 * x + 1]} << 8) | in[3 * x + 2];
  }
  cairo_surface_mark_dirty(*surface);
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return true;
}

#endif  // MOTCUA_HAVE_LIBJPEG

// ---- file metadata --------------------------------------------------------------------------

std::uint32_t Be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// EXIF orientation (1..8) from a JPEG's APP1 segment; 1 when absent or unreadable.
[[maybe_unused]] int ExifOrientation(std::string_view jpeg) {
  const auto* d = reinterpret_cast<const unsigned char*>(jpeg.data());
  std::size_t pos = 2;  // after SOI
  while (pos + 4 <= jpeg.size() && d[pos] == 0xFF) {
    const unsigned char marker = d[pos + 1];
    if (marker == 0xDA || marker == 0xD9) break;  // image data starts: no EXIF after this
    const std::size_t len = (std::size_t{d[pos + 2]} << 8) | d[pos + 3];
    if (len < 2 || pos + 2 + len > jpeg.size()) break;
    const unsigned char* seg = d + pos + 4;
    const std::size_t seg_len = len - 2;
    if (marker == 0xE1 && seg_len >= 14 && std::memcmp(seg, "Exif\0\0", 6) == 0) {
      const unsigned char* tiff = seg + 6;
      const std::size_t tiff_len = seg_len - 6;
      const bool little = tiff[0] == 'I' && tiff[1] == 'I';
      if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
      auto u16 = [&](std::size_t off) -> std::uint32_t {
        return little ? (tiff[off] | (tiff[off + 1] << 8)) : ((tiff[off] << 8) | tiff[off + 1]);
      };
      auto u32 = [&](std::size_t off) -> std::uint32_t {
        return little ? (u16(off) | (u16(off + 2) << 16)) : ((u16(off) << 16) | u16(off + 2));
      };
      const std::size_t ifd = u32(4);
      if (ifd + 2 > tiff_len) return 1;
      const std::uint32_t entries = u16(ifd);
      for (std::uint32_t i = 0; i < entries; ++i) {
        const std::size_t e = ifd + 2 + 12 * std::size_t{i};
        if (e + 12 > tiff_len) return 1;
        if (u16(e) == 0x0112 && u16(e + 2) == 3) {  // Orientation, SHORT
          const std::uint32_t v = u16(e + 8);
          return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
        }
      }
      return 1;
    }
    pos += 2 + len;
  }
  return 1;
}

// PNG resolution from its pHYs chunk (pixels per metre); 0 when absent.
double PngDpi(std::string_view png) {
  const auto* d = reinterpret_cast<const unsigned char*>(png.data());
  std::size_t pos = 8;
  while (pos + 12 <= png.size()) {
    const std::uint32_t len = Be32(d + pos);
    if (pos + 12 + std::size_t{len} > png.size()) break;
    if (std::memcmp(d + pos + 4, "pHYs", 4) == 0 && len == 9) {
      const std::uint32_t ppu_x = Be32(d + pos + 8);
      return d[pos + 16] == 1 ? ppu_x * 0.0254 : 0;  // unit 1 = metre; 0 = aspect ratio only
    }
    if (std::memcmp(d + pos + 4, "IDAT", 4) == 0) break;  // pHYs must precede the image data
    pos += 12 + len;
  }
  return 0;
}

struct PngReader {
  std::string_view bytes;
  std::size_t pos = 0;
};
cairo_status_t ReadPng(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<PngReader*>(closure);
  if (r->bytes.size() - r->pos < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes.data() + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

// Maps image pixel (x, y) of a w × h image to the upright display grid for EXIF orientation 1..8.
cairo_matrix_t OrientationMatrix(int orientation, double w, double h) {
  cairo_matrix_t m;
  switch (orientation) {
    case 2: cairo_matrix_init(&m, -1, 0, 0, 1, w, 0); break;   // mirrored left-right
    case 3: cairo_matrix_init(&m, -1, 0, 0, -1, w, h); break;  // upside down
    case 4: cairo_matrix_init(&m, 1, 0, 0, -1, 0, h); break;   // mirrored top-bottom
    case 5: cairo_matrix_init(&m, 0, 1, 1, 0, 0, 0); break;    // transposed
    case 6: cairo_matrix_init(&m, 0, 1, -1, 0, h, 0); break;   // needs a quarter turn clockwise
    case 7: cairo_matrix_init(&m, 0, -1, -1, 0, h, w); break;  // transversed
    case 8: cairo_matrix_init(&m, 0, -1, 1, 0, 0, w); break;   // needs a quarter turn anticlockwise
    default: cairo_matrix_init_identity(&m); break;
  }
  return m;
}

// Page size for an upright image of w × h px stating `dpi` (0 = unknown).
PageSizePt ImagePageSize(double w, double h, double dpi) {
  if (dpi >= kMinTrustedDpi) {
    PageSizePt size{w * kPtPerInch / dpi, h * kPtPerInch / dpi};
    if (size.width_pt <= kMaxPagePt && size.height_pt <= kMaxPagePt) return size;
  }
  const bool landscape = w > h;
  const double box_w = landscape ? kA4LongPt : kA4ShortPt;
  const double box_h = landscape ? kA4ShortPt : kA4LongPt;
  const double scale = std::min(box_w / w, box_h / h);
  return {w * scale, h * scale};
}

[[maybe_unused]] Error JpegUnsupported(const std::string& field) {
  return Unavailable(field, "jpeg_unsupported", "this build has no libjpeg (package libjpeg-dev)");
}

Error FileError(std::size_t index, const std::string& rule, const std::string& what) {
  return Invalid("files", rule, "file " + std::to_string(index + 1) + ": " + what);
}

Status CheckPage(const ScannedPage& p, std::size_t index) {
  auto bad = [&](const std::string& what) {
    return Invalid("pages", "bad_page", "page " + std::to_string(index + 1) + ": " + what);
  };
  if (p.width_px < 1 || p.height_px < 1 || p.width_px > kMaxSidePx || p.height_px > kMaxSidePx)
    return bad("size " + std::to_string(p.width_px) + "x" + std::to_string(p.height_px) + " px is outside 1..32767");
  if (p.pixels.size() != static_cast<std::size_t>(p.width_px) * p.height_px * BytesPerPixel(p.format))
    return bad("the pixel buffer does not match its size");
  if (p.dpi < 0) return bad("negative dpi");
  return Ok();
}

}  // namespace

PageSizePt PageSizeOf(const ScannedPage& page, int fallback_dpi) {
  const double dpi = page.dpi > 0 ? page.dpi : fallback_dpi;
  return {page.width_px * kPtPerInch / dpi, page.height_px * kPtPerInch / dpi};
}

Result<std::string> PagesToPdf(const std::vector<ScannedPage>& pages, const PagesPdfOptions& options) {
  if (pages.empty()) return Invalid("pages", "no_pages", "a PDF needs at least one page");
  if (options.encoding == PdfImageEncoding::kJpeg && (options.jpeg_quality < 1 || options.jpeg_quality > 100))
    return Invalid("jpeg_quality", "bad_jpeg_quality", "jpeg_quality must be 1..100");
  if (options.fallback_dpi < 1) return Invalid("fallback_dpi", "bad_dpi", "fallback_dpi must be >= 1");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    MOTCUA_TRY(CheckPage(pages[i], i));
    PageSizePt size = PageSizeOf(pages[i], options.fallback_dpi);
    if (size.width_pt > kMaxPagePt || size.height_pt > kMaxPagePt)
      return Invalid("pages", "bad_page", "page " + std::to_string(i + 1) + " would be larger than 200 inches");
  }

  PdfWriter pdf(options.title, options.created_at);
  for (const ScannedPage& page : pages) {
    // One page's image at a time: cairo writes each page's images out at show_page, so besides
    // the growing output only one page surface (4 bytes per pixel) is held. Measured: 20 grainy
    // 200-dpi A4 pages raised the peak RSS by 98 MB for a 38 MB PDF.
    MOTCUA_ASSIGN_OR_RETURN(SurfacePtr surface, PageSurface(page));
    if (options.encoding == PdfImageEncoding::kJpeg) {
#if !MOTCUA_HAVE_LIBJPEG
      return JpegUnsupported("encoding");
#else
      JpegErrorManager err{};
      unsigned char* jpeg = nullptr;
      unsigned long jpeg_size = 0;
      if (!EncodeJpeg(page, options.jpeg_quality, &jpeg, &jpeg_size, &err))
        return Unavailable("pdf", "pdf_failed", std::string("JPEG encoding: ") + err.message);
      cairo_status_t s =
          cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, jpeg, jpeg_size, std::free, jpeg);
      if (s != CAIRO_STATUS_SUCCESS) {
        std::free(jpeg);
        return CairoError(s, "attaching the JPEG");
      }
#endif
    }
    PageSizePt size = PageSizeOf(page, options.fallback_dpi);
    MOTCUA_TRY(pdf.AddPage(surface.get(), size.width_pt, size.height_pt, Identity(), page.width_px));
  }
  return pdf.Finish();
}

Result<std::string> ImagesToPdf(const std::vector<std::string_view>& files, const ImagesPdfOptions& options) {
  if (files.empty()) return Invalid("files", "no_files", "a PDF needs at least one file");
  PdfWriter pdf(options.title, options.created_at);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string_view file = files[i];
    const auto* d = reinterpret_cast<const unsigned char*>(file.data());
    const bool is_jpeg = file.size() >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF;
    const bool is_png = file.size() >= 8 && std::memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0;
    SurfacePtr surface;
    double dpi = 0;
    int orientation = 1;
    if (is_jpeg) {
#if !MOTCUA_HAVE_LIBJPEG
      return JpegUnsupported("files");
#else
      JpegErrorManager err{};
      JpegFacts facts;
      cairo_surface_t* raw = nullptr;
      bool ok = DecodeJpeg(d, file.size(), &facts, &raw, &err);
      if (facts.cmyk) return FileError(i, "unsupported_image", "CMYK JPEG; save it as RGB");
      if (!ok) return FileError(i, "unreadable_image", std::string("damaged JPEG: ") + err.message);
      if (raw == nullptr)
        return Invalid("files", "bad_page", "file " + std::to_string(i + 1) + " is larger than 32767 px");
      surface.reset(raw);
      // The original JPEG goes into the PDF as it is; the decoded pixels only check the file and
      // serve cairo should it ever need to rasterise.
      auto* copy = static_cast<unsigned char*>(std::malloc(file.size()));
      if (copy == nullptr) return Unavailable("pdf", "pdf_failed", "out of memory");
      std::memcpy(copy, file.data(), file.size());
      if (cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, copy, file.size(), std::free, copy) !=
          CAIRO_STATUS_SUCCESS) {
        std::free(copy);
        return Unavailable("pdf", "pdf_failed", "attaching the JPEG");
      }
      dpi = facts.dpi;
      orientation = ExifOrientation(file);
#endif
    } else if (is_png) {
      PngReader reader{file, 0};
      surface.reset(cairo_image_surface_create_from_png_stream(ReadPng, &reader));
      cairo_status_t s = cairo_surface_status(surface.get());
      if (s == CAIRO_STATUS_NO_MEMORY) return CairoError(s, "reading PNG");
      if (s != CAIRO_STATUS_SUCCESS)
        return FileError(i, "unreadable_image", std::string("damaged PNG: ") + cairo_status_to_string(s));
      dpi = PngDpi(file);
    } else {
      return FileError(i, "unsupported_image", "neither JPEG nor PNG");
    }
    const double w = cairo_image_surface_get_width(surface.get());
    const double h = cairo_image_surface_get_height(surface.get());
    const bool swapped = orientation >= 5;
    const double upright_w = swapped ? h : w;
    const double upright_h = swapped ? w : h;
    PageSizePt size = ImagePageSize(upright_w, upright_h, dpi);
    MOTCUA_TRY(pdf.AddPage(surface.get(), size.width_pt, size.height_pt, OrientationMatrix(orientation, w, h),
                           upright_w));
  }
  return pdf.Finish();
}

}  // namespace motcua::scan
