// The ESC/POS byte protocol: raster jobs (encode and decode) and real-time status answers.
#include "print/escpos.h"

#include <algorithm>

namespace motcua::print {
namespace {

constexpr char kEsc = 0x1b, kGs = 0x1d, kDle = 0x10, kEot = 0x04;

bool StartsRealTime(std::uint8_t next) { return next == 0x04 || next == 0x05 || next == 0x14; }

void PutU16(std::string& out, int v) {
  out += char(v & 0xff);
  out += char((v >> 8) & 0xff);
}

std::string Hex(std::uint8_t b) {
  const char* digits = "0123456789abcdef";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

Error Bad(const char* rule, std::size_t at, const std::string& what) {
  return Invalid("bytes", rule, what + " at byte " + std::to_string(at));
}

}  // namespace

std::string EncodeRasterJob(const scan::GrayImage& bw, bool cut) {
  MOTCUA_ASSERT(bw.width >= 0 && bw.height >= 0 &&
                    bw.pixels.size() == std::size_t(bw.width) * std::size_t(bw.height),
                "GrayImage must hold width * height pixels");
  const int row_bytes = (bw.width + 7) / 8;
  MOTCUA_ASSERT(row_bytes <= 0xffff, "a raster row is at most 65535 bytes");
  std::string out{kEsc, '@'};
  if (bw.width > 0 && bw.height > 0) {
    out.reserve(2 + std::size_t(row_bytes) * bw.height + 8 * (bw.height / kMaxBandRows + 1) + 8);
    for (int top = 0; top < bw.height; top += kMaxBandRows) {
      const int rows = std::min(kMaxBandRows, bw.height - top);
      out += {kGs, 'v', '0', '\0'};
      PutU16(out, row_bytes);
      PutU16(out, rows);
      const std::size_t data_at = out.size();
      for (int y = top; y < top + rows; ++y) {
        const std::uint8_t* row = bw.pixels.data() + std::size_t(y) * bw.width;
        for (int b = 0; b < row_bytes; ++b) {
          std::uint8_t byte = 0;
          for (int bit = 0; bit < 8; ++bit) {
            const int x = b * 8 + bit;
            if (x < bw.width && row[x] < 128) byte |= std::uint8_t(0x80 >> bit);
          }
          out += char(byte);
        }
      }
      // The real-time guard (see the header). The byte after a band's last data byte starts the
      // next command (1D or 1B), so only pairs inside the data need checking.
      for (std::size_t i = data_at; i + 1 < out.size(); ++i)
        if (std::uint8_t(out[i]) == 0x10 && StartsRealTime(std::uint8_t(out[i + 1]))) out[i] = char(0x18);
    }
  }
  out += {kEsc, 'd', char(kFeedLinesBeforeCut)};
  if (cut) out += {kGs, 'V', char(66), '\0'};
  return out;
}

Result<scan::GrayImage> DecodeRasterJob(std::string_view bytes) {
  auto at = [&](std::size_t i) { return std::uint8_t(bytes[i]); };
  if (bytes.size() < 2 || bytes[0] != kEsc || bytes[1] != '@')
    return Bad("missing_init", 0, "the job does not start with ESC @");
  scan::GrayImage img;
  int row_bytes = 0;
  bool cut = false;
  std::size_t i = 2;
  while (i < bytes.size()) {
    if (cut) return Bad("unexpected_byte", i, "data after the cut");
    if (bytes[i] == kGs && i + 1 < bytes.size() && bytes[i + 1] == 'v') {
      if (i + 8 > bytes.size()) return Bad("truncated", i, "GS v 0 header cut short");
      if (bytes[i + 2] != '0') return Bad("unexpected_byte", i + 2, "GS v followed by other than '0'");
      if (at(i + 3) != 0 && at(i + 3) != 48) return Bad("bad_band", i + 3, "raster mode other than normal (0)");
      const int x = at(i + 4) | (at(i + 5) << 8), y = at(i + 6) | (at(i + 7) << 8);
      if (x == 0 || y == 0) return Bad("bad_band", i + 4, "band with zero width or height");
      if (row_bytes != 0 && x != row_bytes)
        return Bad("bad_band", i + 4,
                   "band " + std::to_string(x) + " bytes wide after bands " + std::to_string(row_bytes) + " wide");
      const std::size_t data = i + 8, len = std::size_t(x) * y;
      if (data + len > bytes.size())
        return Bad("truncated", data,
                   "band of " + std::to_string(len) + " bytes has " + std::to_string(bytes.size() - data));
      row_bytes = x;
      img.width = x * 8;
      img.pixels.reserve(img.pixels.size() + len * 8);
      for (std::size_t k = 0; k < len; ++k)
        for (int bit = 0; bit < 8; ++bit) img.pixels.push_back((at(data + k) & (0x80 >> bit)) ? 0 : 255);
      img.height += y;
      i = data + len;
    } else if (bytes[i] == kEsc && i + 1 < bytes.size() && bytes[i + 1] == 'd') {
      if (i + 3 > bytes.size()) return Bad("truncated", i, "ESC d cut short");
      i += 3;
    } else if (bytes[i] == kGs && i + 1 < bytes.size() && bytes[i + 1] == 'V') {
      if (i + 4 > bytes.size()) return Bad("truncated", i, "GS V cut short");
      if (at(i + 2) != 65 && at(i + 2) != 66) return Bad("unexpected_byte", i + 2, "GS V function other than 65/66");
      i += 4;
      cut = true;
    } else {
      return Bad("unexpected_byte", i, "byte " + Hex(at(i)) + " starts no known command");
    }
  }
  return img;
}

std::string StatusRequest(int n) {
  MOTCUA_ASSERT(n >= 1 && n <= 4, "DLE EOT n is 1..4 here");
  return std::string{kDle, kEot, char(n)};
}

Result<PrinterStatus> ParsePrinterStatus(const std::array<std::uint8_t, 4>& raw) {
  for (int i = 0; i < 4; ++i)
    if ((raw[i] & 0x93) != 0x12)
      return Invalid("raw[" + std::to_string(i) + "]", "bad_status_byte",
                     "answer to DLE EOT " + std::to_string(i + 1) + " is " + Hex(raw[i]) + ": fixed bits 1, 4 (on) and 0, 7 (off) wrong");
  auto bit = [&](int n, int b) { return (raw[n - 1] >> b) & 1; };
  PrinterStatus s;
  s.raw = raw;
  s.online = !bit(1, 3);
  s.cover_open = bit(2, 2);
  // The near-end and end sensors each report two bits, both set when triggered; either is taken
  // as the condition (a printer with one sensor wire sets one).
  s.paper_near_end = bit(4, 2) || bit(4, 3);
  s.paper_out = bit(4, 5) || bit(4, 6) || bit(2, 5);
  s.mechanical_error = bit(3, 2);
  s.autocutter_error = bit(3, 3);
  s.unrecoverable_error = bit(3, 5);
  s.auto_recoverable_error = bit(3, 6);
  s.error = bit(2, 6) || s.mechanical_error || s.autocutter_error || s.unrecoverable_error ||
            s.auto_recoverable_error;
  return s;
}

Status CheckReady(const PrinterStatus& s) {
  auto raw = [&] {
    std::string out = " (DLE EOT 1-4 answered";
    for (std::uint8_t b : s.raw) out += " " + Hex(b);
    return out + ")";
  };
  if (s.cover_open) return Unavailable("printer", "printer_cover_open", "the printer cover is open" + raw());
  if (s.paper_out) return Unavailable("printer", "printer_paper_out", "the printer is out of paper" + raw());
  if (s.error) {
    std::string what = s.unrecoverable_error      ? "an unrecoverable error"
                       : s.autocutter_error       ? "an autocutter error"
                       : s.mechanical_error       ? "a mechanical error"
                       : s.auto_recoverable_error ? "an automatically recoverable error (e.g. head overheated)"
                                                  : "an error";
    return Unavailable("printer", "printer_error", "the printer reports " + what + raw());
  }
  if (!s.online) return Unavailable("printer", "printer_offline", "the printer is offline" + raw());
  return Ok();
}

}  // namespace motcua::print
