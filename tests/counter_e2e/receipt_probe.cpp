// counter_e2e_receipt_probe DATA_DIR PAGE.pgm: the e2e test's reader of a printed receipt. Decodes the
// QR on a rendered page (pdftoppm -gray) with ZXing (scan::DecodeQr), verifies the token with the
// center's key (codes::VerifyReceiptToken) and finds the dossier in the station's database
// (Store::GetDossier). Prints "dossier: <code> procedure: <code> components: <n> scanned: <n>" and
// exits 0, or says what failed and exits 1.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "codes/receipt_token.h"
#include "scan/qr_image.h"
#include "store/store.h"

namespace {

using namespace motcua;

int Fail(const std::string& what) {
  std::fprintf(stderr, "receipt_probe: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) return Fail("usage: counter_e2e_receipt_probe DATA_DIR PAGE.pgm");
  const std::filesystem::path data = argv[1];
  std::ifstream in(argv[2], std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string pgm = ss.str();
  int w = 0, h = 0, max = 0, consumed = 0;
  if (std::sscanf(pgm.c_str(), "P5 %d %d %d%n", &w, &h, &max, &consumed) != 3 || max != 255 || w <= 0 || h <= 0)
    return Fail(std::string(argv[2]) + " is not an 8-bit PGM");
  const std::size_t start = static_cast<std::size_t>(consumed) + 1;
  if (pgm.size() < start + static_cast<std::size_t>(w) * h) return Fail("the PGM is cut short");
  scan::GrayImage page{w, h, std::vector<std::uint8_t>(pgm.begin() + start, pgm.begin() + start + std::size_t(w) * h)};
  Result<std::string> text = scan::DecodeQr(page);
  if (!text.has_value()) return Fail("no QR code on the page: " + text.error().Describe());
  Result<std::string> key = codes::LoadOrCreateCenterKey(data / "center.key");
  if (!key.has_value()) return Fail(key.error().Describe());
  Result<codes::ReceiptToken> token = codes::VerifyReceiptToken(*text, *key);
  if (!token.has_value()) return Fail("the QR is not this center's receipt: " + token.error().Describe());
  Result<std::unique_ptr<store::Store>> st =
      store::OpenSqliteStore((data / "motcua.db").string(), {.create_if_missing = false});
  if (!st.has_value()) return Fail(st.error().Describe());
  Result<std::optional<dossier::Dossier>> d = (*st)->GetDossier(token->dossier_code);
  if (!d.has_value()) return Fail(d.error().Describe());
  if (!d->has_value()) return Fail("no dossier " + token->dossier_code + " in the database");
  if ((*d)->lookup_secret != token->lookup_secret) return Fail("the lookup secret differs from the dossier's");
  int scanned = 0;
  for (const dossier::Component& c : (*d)->components) scanned += c.files.empty() ? 0 : 1;
  std::printf("dossier: %s procedure: %s components: %zu scanned: %d\n", (*d)->code.c_str(),
              (*d)->procedure_code.c_str(), (*d)->components.size(), scanned);
  return 0;
}
