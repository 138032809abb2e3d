// codes::VerifyReceiptToken (codes/receipt_token.h) under a fixed center key, and MakeReceiptToken →
// VerifyReceiptToken. Every input is used both ways:
//   1. as a scanned token: a success must be exactly the token MakeReceiptToken writes for what it
//      returned (after the documented trim and ASCII upper-casing), so nothing else verifies;
//   2. as "<dossier code>\n<lookup secret>": when MakeReceiptToken accepts them, its token must verify
//      to the same two values (also lower-cased and with white space around, as a wedge scanner types
//      it), and the token with any one character changed (other than to its lower case) must not.
#include <algorithm>
#include <array>

#include "codes/receipt_token.h"
#include "common/text.h"
#include "fuzz_check.h"

namespace {

using motcua::fuzz::Why;

// The key of the header's example: bytes 00 01 .. 1f.
std::string FixedKey() {
  std::string key(motcua::codes::kCenterKeyBytes, '\0');
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<char>(i);
  return key;
}

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  static const std::string key = FixedKey();
  const std::string_view text = fuzz::AsText(data, size);

  // 1. A scanned token.
  const auto verified = codes::VerifyReceiptToken(text, key);
  if (verified) {
    const auto made = codes::MakeReceiptToken(*verified, key);
    FUZZ_CHECK(made.has_value(), Why(made));
    FUZZ_CHECK(*made == UpperAscii(Trim(text)), *made);
  } else {
    FUZZ_CHECK(verified.error().code == ErrorCode::kInvalid && verified.error().field == "receipt_token",
               Why(verified));
  }

  // 2. Make, then verify.
  const std::size_t newline = text.find('\n');
  if (newline == std::string_view::npos) return 0;
  const codes::ReceiptToken token{std::string(text.substr(0, newline)), std::string(text.substr(newline + 1))};
  const auto made = codes::MakeReceiptToken(token, key);
  if (!made) {
    FUZZ_CHECK(made.error().code == ErrorCode::kInvalid, Why(made));
    return 0;
  }
  for (const std::string& scan : {*made, " " + LowerAscii(*made) + "\r\n"}) {
    const auto back = codes::VerifyReceiptToken(scan, key);
    FUZZ_CHECK(back.has_value(), scan + " -> " + Why(back));
    FUZZ_CHECK(back->dossier_code == token.dossier_code && back->lookup_secret == token.lookup_secret, scan);
  }
  // One character changed, where and to what chosen by the input.
  std::string altered = *made;
  const std::size_t at = size % altered.size();
  const char to = static_cast<char>(data[0] ^ data[size - 1] ^ 0x5A);
  const char upper = (to >= 'a' && to <= 'z') ? static_cast<char>(to - 'a' + 'A') : to;
  if (upper != altered[at]) {
    altered[at] = to;
    const auto forged = codes::VerifyReceiptToken(altered, key);
    FUZZ_CHECK(!forged.has_value(), "an altered token verified: " + altered);
  }
  return 0;
}
