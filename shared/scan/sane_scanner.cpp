#include "scan/sane_scanner.h"

#include <sane/sane.h>
#include <sane/saneopts.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

namespace motcua::scan {

int BytesPerPixel(PixelFormat format) { return format == PixelFormat::kRgb24 ? 3 : 1; }

namespace {

// A page larger than this is refused: 1200-dpi colour A4 is 430 MB, anything beyond is a device
// reporting nonsense or a scan area no dossier needs.
constexpr std::int64_t kMaxPageBytes = std::int64_t{1} << 30;
constexpr int kReadChunkBytes = 32 * 1024;
constexpr double kMmPerInch = 25.4;
constexpr std::chrono::milliseconds kSettleBeforeCancel{50};
constexpr std::chrono::milliseconds kSettleBeforeLastRead{5};

std::mutex& SaneMutex() {
  static std::mutex mutex;
  return mutex;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Contains(std::string_view haystack_lower, std::string_view needle) {
  return haystack_lower.find(needle) != std::string_view::npos;
}

// SANE status → our error. `what` says which call failed, for the detail.
Error StatusError(SANE_Status status, const std::string& what) {
  std::string detail = what + ": " + sane_strstatus(status);
  switch (status) {
    case SANE_STATUS_DEVICE_BUSY:
      return Unavailable("scanner", "scanner_busy", detail);
    case SANE_STATUS_JAMMED:
      return Unavailable("scanner", "paper_jammed", detail);
    case SANE_STATUS_COVER_OPEN:
      return Unavailable("scanner", "cover_open", detail);
    case SANE_STATUS_NO_DOCS:
      return Unavailable("source", "no_documents", detail);
    case SANE_STATUS_CANCELLED:
      return Unavailable("scanner", "scan_cancelled", detail);
    case SANE_STATUS_IO_ERROR:
      return Unavailable("scanner", "scanner_io_error", detail);
    case SANE_STATUS_ACCESS_DENIED:
      return Unavailable("scanner", "scanner_access_denied", detail);
    default:
      return Unavailable("scanner", "scanner_error", detail);
  }
}

// One sane_init() .. sane_exit() span and at most one open device. The destructor undoes
// whatever was done, in SANE's order (cancel, close, exit), on every path out of a call.
class SaneSession {
 public:
  SaneSession() = default;
  SaneSession(const SaneSession&) = delete;
  SaneSession& operator=(const SaneSession&) = delete;
  ~SaneSession() {
    if (handle_ != nullptr) {
      // Stopped inside a page (an error or a cancel): let the backend settle first. Backends built
      // on sanei_thread (the test backend, plustek, avision, ...) run a reader thread that
      // sane_cancel() kills with pthread_cancel while it is cancellable asynchronously
      // (sanei_thread.c sets PTHREAD_CANCEL_ASYNCHRONOUS). A reader that is just freeing its buffer
      // and exiting then dies holding the malloc lock and sane_cancel() waits for it forever
      // (seen about once in 400 test-backend scans stopped by an error). A reader that has finished
      // by the time of the cancel is safe; the pause is imperceptible next to a failed scan.
      if (mid_page_) std::this_thread::sleep_for(kSettleBeforeCancel);
      sane_cancel(handle_);  // a no-op when idle; ends a batch and ejects the feeder otherwise
      sane_close(handle_);
    }
    if (inited_) sane_exit();
    RestoreSigpipe();
  }

  // Between a successful sane_start() and the end of that page's last frame.
  void SetMidPage(bool mid_page) { mid_page_ = mid_page; }

  Status Init() {
    // sanei_thread sets SIGPIPE to SIG_IGN when it starts a reader and to SIG_DFL when it joins
    // one, whatever the program had chosen (sanei_thread.c restore_sigpipe): a program that ignores
    // SIGPIPE would die on its next write to a closed socket. The disposition is put back after.
    has_sigpipe_ = sigaction(SIGPIPE, nullptr, &sigpipe_) == 0;
    SANE_Int version = 0;
    SANE_Status status = sane_init(&version, nullptr);
    if (status != SANE_STATUS_GOOD)
      return Unavailable("scanner", "sane_init_failed", std::string("sane_init: ") + sane_strstatus(status));
    inited_ = true;
    return Ok();
  }

  Status Open(const std::string& name) {
    SANE_Handle handle = nullptr;
    SANE_Status status = sane_open(name.c_str(), &handle);
    // The SANE standard: sane_open returns SANE_STATUS_INVAL when "the device name is not valid".
    if (status == SANE_STATUS_INVAL)
      return NotFound("device_name", "scanner_not_found", "no scanner named '" + name + "'");
    if (status != SANE_STATUS_GOOD) return StatusError(status, "sane_open(" + name + ")");
    handle_ = handle;
    return Ok();
  }

  SANE_Handle handle() const { return handle_; }

 private:
  void RestoreSigpipe() {
    if (has_sigpipe_) sigaction(SIGPIPE, &sigpipe_, nullptr);
  }

  bool inited_ = false;
  bool mid_page_ = false;
  bool has_sigpipe_ = false;
  struct sigaction sigpipe_ {};
  SANE_Handle handle_ = nullptr;
};

Result<std::vector<ScannerInfo>> Devices(bool local_only) {
  const SANE_Device** list = nullptr;
  SANE_Status status = sane_get_devices(&list, local_only ? SANE_TRUE : SANE_FALSE);
  if (status != SANE_STATUS_GOOD) return StatusError(status, "sane_get_devices");
  std::vector<ScannerInfo> out;
  for (int i = 0; list != nullptr && list[i] != nullptr; ++i) {
    const SANE_Device* d = list[i];
    auto str = [](const char* s) { return s != nullptr ? std::string(s) : std::string(); };
    out.push_back({str(d->name), str(d->vendor), str(d->model), str(d->type)});
  }
  return out;
}

// ---- options ---------------------------------------------------------------------------------

struct OptionRef {
  SANE_Int index = 0;
  const SANE_Option_Descriptor* desc = nullptr;
};

// Looks an option up by name. Descriptors are fetched afresh on every lookup because setting one
// option may change others (SANE_INFO_RELOAD_OPTIONS: a mode change alters the resolution list).
std::optional<OptionRef> FindOption(SANE_Handle h, std::string_view name) {
  // Option 0 holds the option count. Its descriptor must be fetched before its value (the test
  // backend, like others, refuses to read an option whose descriptor was never asked for).
  if (sane_get_option_descriptor(h, 0) == nullptr) return std::nullopt;
  SANE_Int count = 0;
  if (sane_control_option(h, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD) return std::nullopt;
  for (SANE_Int i = 1; i < count; ++i) {
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(h, i);
    if (d != nullptr && d->name != nullptr && name == d->name) return OptionRef{i, d};
  }
  return std::nullopt;
}

bool IsSettable(const SANE_Option_Descriptor* d) {
  return SANE_OPTION_IS_ACTIVE(d->cap) && SANE_OPTION_IS_SETTABLE(d->cap);
}

bool IsNumericScalar(const SANE_Option_Descriptor* d) {
  return (d->type == SANE_TYPE_INT || d->type == SANE_TYPE_FIXED) &&
         d->size == static_cast<SANE_Int>(sizeof(SANE_Word));
}

double WordToDouble(const SANE_Option_Descriptor* d, SANE_Word w) {
  return d->type == SANE_TYPE_FIXED ? SANE_UNFIX(w) : static_cast<double>(w);
}
SANE_Word DoubleToWord(const SANE_Option_Descriptor* d, double v) {
  return d->type == SANE_TYPE_FIXED ? SANE_FIX(v) : static_cast<SANE_Word>(std::lround(v));
}

// The allowed value nearest to `wanted` under the option's constraint (range with quantisation,
// or word list), so that a request the device cannot meet exactly still succeeds.
double NearestAllowed(const SANE_Option_Descriptor* d, double wanted) {
  if (d->constraint_type == SANE_CONSTRAINT_RANGE && d->constraint.range != nullptr) {
    const SANE_Range* r = d->constraint.range;
    double lo = WordToDouble(d, r->min), hi = WordToDouble(d, r->max), quant = WordToDouble(d, r->quant);
    double v = std::clamp(wanted, lo, hi);
    if (quant > 0) v = std::min(hi, lo + std::round((v - lo) / quant) * quant);
    return v;
  }
  if (d->constraint_type == SANE_CONSTRAINT_WORD_LIST && d->constraint.word_list != nullptr) {
    const SANE_Word* list = d->constraint.word_list;
    double best = wanted, best_gap = -1;
    for (SANE_Word i = 1; i <= list[0]; ++i) {
      double v = WordToDouble(d, list[i]);
      double gap = std::fabs(v - wanted);
      if (best_gap < 0 || gap < best_gap) best = v, best_gap = gap;
    }
    return best;
  }
  return wanted;
}

SANE_Status SetNumber(SANE_Handle h, const OptionRef& o, double value) {
  SANE_Word w = DoubleToWord(o.desc, NearestAllowed(o.desc, value));
  return sane_control_option(h, o.index, SANE_ACTION_SET_VALUE, &w, nullptr);
}

std::optional<double> GetNumber(SANE_Handle h, std::string_view name) {
  auto o = FindOption(h, name);
  if (!o || !IsNumericScalar(o->desc) || !SANE_OPTION_IS_ACTIVE(o->desc->cap)) return std::nullopt;
  SANE_Word w = 0;
  if (sane_control_option(h, o->index, SANE_ACTION_GET_VALUE, &w, nullptr) != SANE_STATUS_GOOD) return std::nullopt;
  return WordToDouble(o->desc, w);
}

SANE_Status SetString(SANE_Handle h, const OptionRef& o, const std::string& value) {
  if (o.desc->size <= 0 || value.size() >= static_cast<std::size_t>(o.desc->size)) return SANE_STATUS_INVAL;
  std::vector<char> buf(static_cast<std::size_t>(o.desc->size), '\0');
  std::memcpy(buf.data(), value.data(), value.size());
  return sane_control_option(h, o.index, SANE_ACTION_SET_VALUE, buf.data(), nullptr);
}

std::vector<std::string> StringList(const SANE_Option_Descriptor* d) {
  std::vector<std::string> out;
  if (d->type != SANE_TYPE_STRING || d->constraint_type != SANE_CONSTRAINT_STRING_LIST) return out;
  for (int i = 0; d->constraint.string_list != nullptr && d->constraint.string_list[i] != nullptr; ++i)
    out.emplace_back(d->constraint.string_list[i]);
  return out;
}

// Picks the list entry for a request: an exact (case-insensitive) match first, then the shortest
// entry for which `fits` holds (so "Gray" beats "Gray 16 bit", "ADF" beats "ADF Front").
std::optional<std::string> PickEntry(const std::vector<std::string>& entries, std::string_view exact,
                                     const std::function<bool(const std::string&)>& fits) {
  for (const std::string& e : entries)
    if (Lower(e) == exact) return e;
  std::optional<std::string> best;
  for (const std::string& e : entries)
    if (fits(Lower(e)) && (!best || e.size() < best->size())) best = e;
  return best;
}

Status ApplySource(SANE_Handle h, ScanSource source) {
  auto o = FindOption(h, SANE_NAME_SCAN_SOURCE);
  std::vector<std::string> entries = (o && IsSettable(o->desc)) ? StringList(o->desc) : std::vector<std::string>{};
  auto is_feeder = [](const std::string& e) {
    return Contains(e, "adf") || Contains(e, "feeder") || Contains(e, "automatic document");
  };
  std::optional<std::string> pick;
  switch (source) {
    case ScanSource::kFlatbed:
      pick = PickEntry(entries, "flatbed", [](const std::string& e) { return Contains(e, "flatbed"); });
      if (!pick) return Ok();  // a flatbed-only device, or one that names its bed otherwise
      break;
    case ScanSource::kAdf:
      pick = PickEntry(entries, "automatic document feeder", [&](const std::string& e) {
        return is_feeder(e) && !Contains(e, "duplex") && !Contains(e, "back");
      });
      if (!pick) return Invalid("source", "source_unsupported", "the scanner has no document feeder");
      break;
    case ScanSource::kAdfDuplex:
      pick = PickEntry(entries, "adf duplex", [](const std::string& e) { return Contains(e, "duplex"); });
      if (!pick) return Invalid("source", "source_unsupported", "the scanner cannot scan both sides");
      break;
  }
  SANE_Status status = SetString(h, *o, *pick);
  if (status != SANE_STATUS_GOOD) return StatusError(status, "setting source '" + *pick + "'");
  return Ok();
}

void ApplyMode(SANE_Handle h, ColorMode mode) {
  auto o = FindOption(h, SANE_NAME_SCAN_MODE);
  if (!o || !IsSettable(o->desc)) return;
  std::vector<std::string> entries = StringList(o->desc);
  std::optional<std::string> pick =
      mode == ColorMode::kGray
          ? PickEntry(entries, "gray", [](const std::string& e) { return Contains(e, "gray") || Contains(e, "grey"); })
          : PickEntry(entries, "color",
                      [](const std::string& e) { return Contains(e, "color") || Contains(e, "colour"); });
  // Tolerated: a device without a matching mode scans in the mode it has; the page says which.
  if (pick) (void)SetString(h, *o, *pick);
}

void ApplyDepth(SANE_Handle h) {
  auto o = FindOption(h, SANE_NAME_BIT_DEPTH);
  if (!o || !IsSettable(o->desc) || !IsNumericScalar(o->desc)) return;
  (void)SetNumber(h, *o, 8);  // 8 bits per sample: 16 doubles the transfer for nothing we keep
}

void ApplyResolution(SANE_Handle h, int dpi) {
  auto o = FindOption(h, SANE_NAME_SCAN_RESOLUTION);
  if (!o || !IsSettable(o->desc) || !IsNumericScalar(o->desc)) return;
  (void)SetNumber(h, *o, dpi);
}

// Top-left to the bed's corner, bottom-right to the requested size or the bed's far edge.
void ApplyGeometry(SANE_Handle h, double width_mm, double height_mm) {
  struct Axis {
    const char* tl;
    const char* br;
    double size_mm;
  };
  for (const Axis& axis : {Axis{SANE_NAME_SCAN_TL_X, SANE_NAME_SCAN_BR_X, width_mm},
                           Axis{SANE_NAME_SCAN_TL_Y, SANE_NAME_SCAN_BR_Y, height_mm}}) {
    auto tl = FindOption(h, axis.tl);
    double origin = 0;
    if (tl && IsSettable(tl->desc) && IsNumericScalar(tl->desc) && tl->desc->unit == SANE_UNIT_MM &&
        tl->desc->constraint_type == SANE_CONSTRAINT_RANGE) {
      origin = WordToDouble(tl->desc, tl->desc->constraint.range->min);
      (void)SetNumber(h, *tl, origin);
    }
    auto br = FindOption(h, axis.br);
    if (!br || !IsSettable(br->desc) || !IsNumericScalar(br->desc) || br->desc->unit != SANE_UNIT_MM) continue;
    double far_edge = br->desc->constraint_type == SANE_CONSTRAINT_RANGE
                          ? WordToDouble(br->desc, br->desc->constraint.range->max)
                          : origin + axis.size_mm;
    (void)SetNumber(h, *br, axis.size_mm > 0 ? std::min(origin + axis.size_mm, far_edge) : far_edge);
  }
}

Status ApplyBackendOption(SANE_Handle h, const BackendOption& bo) {
  auto o = FindOption(h, bo.name);
  if (!o) return Invalid("backend_options", "unknown_backend_option", "the scanner has no option '" + bo.name + "'");
  const SANE_Option_Descriptor* d = o->desc;
  if (!IsSettable(d))
    return Invalid("backend_options", "bad_backend_option", "option '" + bo.name + "' is inactive or read-only");
  auto bad_value = [&] {
    return Invalid("backend_options", "bad_backend_option",
                   "option '" + bo.name + "' does not take the value '" + bo.value + "'");
  };
  SANE_Status status = SANE_STATUS_GOOD;
  switch (d->type) {
    case SANE_TYPE_BOOL: {
      std::string v = Lower(bo.value);
      SANE_Bool b;
      if (v == "yes" || v == "true" || v == "1") b = SANE_TRUE;
      else if (v == "no" || v == "false" || v == "0") b = SANE_FALSE;
      else return bad_value();
      status = sane_control_option(h, o->index, SANE_ACTION_SET_VALUE, &b, nullptr);
      break;
    }
    case SANE_TYPE_INT:
    case SANE_TYPE_FIXED: {
      if (!IsNumericScalar(d)) return bad_value();  // arrays are not supported here
      double v = 0;
      const char* first = bo.value.data();
      const char* last = first + bo.value.size();
      auto [end, ec] = std::from_chars(first, last, v);
      if (ec != std::errc() || end != last || !std::isfinite(v)) return bad_value();
      if (d->type == SANE_TYPE_INT && v != std::trunc(v)) return bad_value();
      SANE_Word w = DoubleToWord(d, v);
      status = sane_control_option(h, o->index, SANE_ACTION_SET_VALUE, &w, nullptr);
      break;
    }
    case SANE_TYPE_STRING:
      status = SetString(h, *o, bo.value);
      break;
    case SANE_TYPE_BUTTON:
      status = sane_control_option(h, o->index, SANE_ACTION_SET_VALUE, nullptr, nullptr);
      break;
    default:
      return bad_value();
  }
  if (status != SANE_STATUS_GOOD)
    return Invalid("backend_options", "bad_backend_option",
                   "the scanner refused '" + bo.name + "' = '" + bo.value + "': " + sane_strstatus(status));
  return Ok();
}

// What the device says about resolution and scan area, read before sane_start() (many backends,
// the test backend among them, refuse option access while scanning).
struct DeviceGeometry {
  std::optional<double> resolution_dpi;
  std::optional<double> tl_x_mm;
  std::optional<double> br_x_mm;
};

DeviceGeometry ReadGeometry(SANE_Handle h) {
  DeviceGeometry g;
  g.resolution_dpi = GetNumber(h, SANE_NAME_SCAN_RESOLUTION);
  if (auto tl = FindOption(h, SANE_NAME_SCAN_TL_X); tl && tl->desc->unit == SANE_UNIT_MM)
    g.tl_x_mm = GetNumber(h, SANE_NAME_SCAN_TL_X);
  if (auto br = FindOption(h, SANE_NAME_SCAN_BR_X); br && br->desc->unit == SANE_UNIT_MM)
    g.br_x_mm = GetNumber(h, SANE_NAME_SCAN_BR_X);
  return g;
}

// The resolution the device uses: its "resolution" option read back, or else derived from the scan
// area's width in mm and the pixels per line; 0 when neither is known.
int EffectiveDpi(const DeviceGeometry& g, const SANE_Parameters& p) {
  if (g.resolution_dpi && *g.resolution_dpi > 0) return static_cast<int>(std::lround(*g.resolution_dpi));
  if (g.tl_x_mm && g.br_x_mm && *g.br_x_mm > *g.tl_x_mm && p.pixels_per_line > 0)
    return static_cast<int>(std::lround(p.pixels_per_line / ((*g.br_x_mm - *g.tl_x_mm) / kMmPerInch)));
  return 0;
}

// ---- reading frames --------------------------------------------------------------------------

int Channels(SANE_Frame f) { return f == SANE_FRAME_RGB ? 3 : 1; }

// Copies one frame (raw rows of bytes_per_line) into the page, converting 1- and 16-bit samples to
// 8 bits. A gray or RGB frame fills the page; a RED/GREEN/BLUE frame (three-pass scanners) fills
// one channel of an RGB page.
Status StoreFrame(const SANE_Parameters& p, int lines, std::vector<std::uint8_t>& raw, ScannedPage& page) {
  const int width = p.pixels_per_line;
  const bool single_channel = p.format == SANE_FRAME_RED || p.format == SANE_FRAME_GREEN || p.format == SANE_FRAME_BLUE;
  if (page.pixels.empty()) {
    page.format = (p.format == SANE_FRAME_GRAY) ? PixelFormat::kGray8 : PixelFormat::kRgb24;
    page.width_px = width;
    page.height_px = lines;
    // The common case, 8-bit gray without row padding, keeps the buffer as it is.
    if (p.format == SANE_FRAME_GRAY && p.depth == 8 && p.bytes_per_line == width) {
      raw.resize(static_cast<std::size_t>(width) * lines);
      page.pixels = std::move(raw);
      return Ok();
    }
    page.pixels.assign(static_cast<std::size_t>(width) * lines * BytesPerPixel(page.format), 0);
  } else if (!single_channel || page.format != PixelFormat::kRgb24 || page.width_px != width) {
    return Unavailable("scanner", "unsupported_frame", "a later frame does not match the page's first frame");
  }
  const int rows = std::min(lines, page.height_px);  // three-pass frames may differ by a line
  const int in_channels = Channels(p.format);
  const int out_bpp = BytesPerPixel(page.format);
  const int channel_offset = p.format == SANE_FRAME_GREEN ? 1 : p.format == SANE_FRAME_BLUE ? 2 : 0;
  for (int y = 0; y < rows; ++y) {
    const std::uint8_t* in = raw.data() + static_cast<std::size_t>(y) * p.bytes_per_line;
    std::uint8_t* out = page.pixels.data() + static_cast<std::size_t>(y) * width * out_bpp;
    for (int x = 0; x < width; ++x) {
      for (int c = 0; c < in_channels; ++c) {
        std::uint8_t v;
        if (p.depth == 8) {
          v = in[x * in_channels + c];
        } else if (p.depth == 16) {
          std::uint16_t s;  // SANE sends 16-bit samples in the host's byte order
          std::memcpy(&s, in + 2 * (x * in_channels + c), 2);
          v = static_cast<std::uint8_t>(s >> 8);
        } else {  // depth 1, gray only (checked by the caller): a set bit is black
          v = ((in[x / 8] >> (7 - x % 8)) & 1) ? 0 : 255;
        }
        out[x * out_bpp + channel_offset + c] = v;
      }
    }
  }
  return Ok();
}

Status CheckParameters(const SANE_Parameters& p) {
  bool format_ok = p.format == SANE_FRAME_GRAY || p.format == SANE_FRAME_RGB || p.format == SANE_FRAME_RED ||
                   p.format == SANE_FRAME_GREEN || p.format == SANE_FRAME_BLUE;
  bool depth_ok = p.depth == 8 || p.depth == 16 || (p.depth == 1 && p.format == SANE_FRAME_GRAY);
  if (!format_ok || !depth_ok)
    return Unavailable("scanner", "unsupported_frame",
                       "frame format " + std::to_string(p.format) + " at depth " + std::to_string(p.depth));
  std::int64_t samples = std::int64_t{p.pixels_per_line} * Channels(p.format);
  std::int64_t needed = p.depth == 1 ? (samples + 7) / 8 : samples * (p.depth / 8);
  if (p.pixels_per_line < 1 || p.bytes_per_line < needed || p.pixels_per_line > 32767)
    return Unavailable("scanner", "unsupported_frame",
                       "the scanner reports " + std::to_string(p.pixels_per_line) + " pixels in " +
                           std::to_string(p.bytes_per_line) + " bytes per line");
  if (p.lines > 0 && std::int64_t{p.lines} * p.bytes_per_line > kMaxPageBytes)
    return Invalid("width_mm", "page_too_large", "a page of " + std::to_string(p.lines) + " lines of " +
                                                     std::to_string(p.bytes_per_line) + " bytes exceeds 1 GiB");
  return Ok();
}

enum class PageOutcome { kScanned, kFeederEmpty };

// Reads one page (all its frames) after a successful sane_start().
Result<PageOutcome> ReadPage(SANE_Handle h, const ScanOptions& options, const DeviceGeometry& geometry,
                             int page_number, bool may_be_empty, ScannedPage& page) {
  std::vector<std::uint8_t> chunk(kReadChunkBytes);
  for (int frame = 0;; ++frame) {
    SANE_Parameters p{};
    if (SANE_Status s = sane_get_parameters(h, &p); s != SANE_STATUS_GOOD) return StatusError(s, "sane_get_parameters");
    MOTCUA_TRY(CheckParameters(p));
    if (frame == 0) page.dpi = EffectiveDpi(geometry, p);
    const std::int64_t expected = p.lines > 0 ? std::int64_t{p.lines} * p.bytes_per_line : -1;
    bool settled = false;
    std::vector<std::uint8_t> raw;
    raw.reserve(static_cast<std::size_t>(expected > 0 ? expected : std::int64_t{p.bytes_per_line} * 1024));
    for (;;) {
      if (options.cancel_requested && options.cancel_requested())  // the session cancels on return
        return Unavailable("scanner", "scan_cancelled",
                           "the scan was cancelled at page " + std::to_string(page_number));
      // The read that completes a frame makes pipe-based backends kill and join their reader
      // thread at once (the test backend's finish_pass), asynchronously (see kSettleBeforeCancel):
      // give the reader, which has handed over its last bytes, time to free its buffer and exit
      // first. Measured on the SANE tests: 4 hangs in 30 runs (~2,000 scans) without this pause,
      // none in 40 runs with it.
      // Once per frame: the remaining bytes, at most one chunk, fit in the reader's pipe, so after
      // this pause the reader has written them all and gone, however many reads remain.
      if (!settled && expected > 0 && expected - static_cast<std::int64_t>(raw.size()) <= kReadChunkBytes) {
        std::this_thread::sleep_for(kSettleBeforeLastRead);
        settled = true;
      }
      SANE_Int length = 0;
      SANE_Status s = sane_read(h, chunk.data(), static_cast<SANE_Int>(chunk.size()), &length);
      if (s == SANE_STATUS_EOF) break;
      if (s != SANE_STATUS_GOOD) {
        // Some feeders report an empty tray only at the first read of the next sheet.
        if (s == SANE_STATUS_NO_DOCS && may_be_empty && frame == 0 && raw.empty()) return PageOutcome::kFeederEmpty;
        return StatusError(s, "sane_read at page " + std::to_string(page_number));
      }
      raw.insert(raw.end(), chunk.begin(), chunk.begin() + std::max<SANE_Int>(length, 0));
      if (static_cast<std::int64_t>(raw.size()) > kMaxPageBytes)
        return Invalid("width_mm", "page_too_large", "page " + std::to_string(page_number) + " exceeds 1 GiB");
      if (options.on_progress)
        options.on_progress({page_number, static_cast<std::int64_t>(raw.size()), expected});
    }
    const int lines = static_cast<int>(raw.size() / static_cast<std::size_t>(p.bytes_per_line));
    if (lines < 1)
      return Unavailable("scanner", "scanner_error",
                         "the scanner sent no image data for page " + std::to_string(page_number));
    MOTCUA_TRY(StoreFrame(p, lines, raw, page));
    if (p.last_frame) return PageOutcome::kScanned;
    // Three-pass scanners: each colour is its own frame, started like a page.
    if (SANE_Status s = sane_start(h); s != SANE_STATUS_GOOD) return StatusError(s, "sane_start (next frame)");
  }
}

Status CheckOptions(const ScanOptions& o) {
  if (o.resolution_dpi < 1 || o.resolution_dpi > 9600)
    return Invalid("resolution_dpi", "bad_resolution",
                   "resolution must be 1..9600 dpi, got " + std::to_string(o.resolution_dpi));
  if (o.max_pages < 0) return Invalid("max_pages", "bad_max_pages", "max_pages must be >= 0");
  if (!(o.width_mm >= 0) || !std::isfinite(o.width_mm))
    return Invalid("width_mm", "bad_scan_area", "width_mm must be >= 0 (0 = the whole bed)");
  if (!(o.height_mm >= 0) || !std::isfinite(o.height_mm))
    return Invalid("height_mm", "bad_scan_area", "height_mm must be >= 0 (0 = the whole bed)");
  return Ok();
}

}  // namespace

Result<std::vector<ScannerInfo>> ListScanners(const ListScannersOptions& options) {
  std::lock_guard<std::mutex> lock(SaneMutex());
  SaneSession session;
  MOTCUA_TRY(session.Init());
  return Devices(options.local_only);
}

Result<std::vector<ScannedPage>> ScanPages(const ScanOptions& options) {
  MOTCUA_TRY(CheckOptions(options));
  std::lock_guard<std::mutex> lock(SaneMutex());
  SaneSession session;
  MOTCUA_TRY(session.Init());

  std::string device = options.device_name;
  if (device.empty()) {
    MOTCUA_ASSIGN_OR_RETURN(std::vector<ScannerInfo> found, Devices(/*local_only=*/false));
    if (found.empty()) return NotFound("scanner", "no_scanner", "SANE finds no scanner");
    device = found.front().name;
  }
  MOTCUA_TRY(session.Open(device));
  SANE_Handle h = session.handle();

  // Source first: choosing the feeder can change the geometry ranges and the resolutions offered.
  MOTCUA_TRY(ApplySource(h, options.source));
  ApplyMode(h, options.color_mode);
  ApplyDepth(h);
  ApplyResolution(h, options.resolution_dpi);
  ApplyGeometry(h, options.width_mm, options.height_mm);
  for (const BackendOption& bo : options.backend_options) MOTCUA_TRY(ApplyBackendOption(h, bo));
  const DeviceGeometry geometry = ReadGeometry(h);

  const bool feeder = options.source != ScanSource::kFlatbed;
  const int limit = !feeder ? 1 : options.max_pages > 0 ? options.max_pages : kMaxPagesPerBatch;
  std::vector<ScannedPage> pages;
  for (int n = 1;; ++n) {
    if (n > limit && (options.max_pages > 0 || !feeder)) break;
    // Checked before each sheet too, so that a cancelled batch does not pull in another sheet.
    if (options.cancel_requested && options.cancel_requested())
      return Unavailable("scanner", "scan_cancelled", "the scan was cancelled before page " + std::to_string(n));
    SANE_Status s = sane_start(h);
    if (s == SANE_STATUS_NO_DOCS && feeder && !pages.empty()) break;  // the feeder is empty: done
    if (s != SANE_STATUS_GOOD) return StatusError(s, "sane_start at page " + std::to_string(n));
    session.SetMidPage(true);
    if (n > limit)
      return Invalid("max_pages", "too_many_pages",
                     "the feeder still has paper after " + std::to_string(kMaxPagesPerBatch) +
                         " pages; scan the batch in parts");
    ScannedPage page;
    MOTCUA_ASSIGN_OR_RETURN(PageOutcome outcome, ReadPage(h, options, geometry, n, feeder && !pages.empty(), page));
    session.SetMidPage(false);
    if (outcome == PageOutcome::kFeederEmpty) break;
    pages.push_back(std::move(page));
  }
  return pages;
}

}  // namespace motcua::scan
