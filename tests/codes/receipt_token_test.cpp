#include "codes/receipt_token.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "common/crypto.h"

namespace motcua::codes {
namespace {

namespace fs = std::filesystem;

std::string TestKey(int first = 0) {
  std::string key(32, '\0');
  for (int i = 0; i < 32; ++i) key[i] = static_cast<char>(first + i);
  return key;
}

const ReceiptToken kSample{"000.00.00.H56-261124-0001", "7KQM"};

// Known answer, computed independently with Python's hmac/hashlib/base64 for key bytes 00..1f:
//   kid = b32(HMAC(key, "motcua-receipt-key-id")[:2])[:2];  mac = b32(HMAC(key, signed)[:10]).
TEST(MakeReceiptToken, MatchesIndependentlyComputedToken) {
  auto token = MakeReceiptToken(kSample, TestKey());
  ASSERT_TRUE(token) << token.error().Describe();
  EXPECT_EQ(*token, "MC1:000.00.00.H56-261124-0001:7KQM:K7:ERVX2RWWPXMQMMTU");
  EXPECT_EQ(token->size(), 54u);
}

TEST(VerifyReceiptToken, AcceptsWhatMakeReceiptTokenMade) {
  const std::string key = TestKey();
  auto token = MakeReceiptToken(kSample, key);
  ASSERT_TRUE(token);
  auto back = VerifyReceiptToken(*token, key);
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_EQ(back->dossier_code, kSample.dossier_code);
  EXPECT_EQ(back->lookup_secret, kSample.lookup_secret);
}

TEST(VerifyReceiptToken, ToleratesKeyboardWedgeCaseAndLineEnd) {
  const std::string key = TestKey();
  std::string token = *MakeReceiptToken(kSample, key);
  std::string lower;
  for (char c : token) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  auto back = VerifyReceiptToken("  " + lower + "\r\n", key);
  ASSERT_TRUE(back) << back.error().Describe();
  EXPECT_EQ(back->dossier_code, kSample.dossier_code);
  EXPECT_EQ(back->lookup_secret, "7KQM");
}

void ExpectRejected(std::string_view token, std::string_view key, const char* rule) {
  auto r = VerifyReceiptToken(token, key);
  ASSERT_FALSE(r) << "accepted " << token;
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << token;
  EXPECT_EQ(r.error().field, "receipt_token") << token;
  EXPECT_EQ(r.error().rule, rule) << token;
}

TEST(VerifyReceiptToken, RejectsEachKindOfBadTokenWithItsOwnRule) {
  const std::string key = TestKey();
  const std::string good = *MakeReceiptToken(kSample, key);  // MC1:...:7KQM:K7:ERVX2RWWPXMQMMTU
  // Forged: a well-formed token with a made-up MAC.
  ExpectRejected("MC1:000.00.00.H56-261124-0001:7KQM:K7:AAAAAAAAAAAAAAAA", key, "bad_mac");
  // Altered: another dossier number or secret with the original MAC.
  ExpectRejected("MC1:000.00.00.H56-261124-0002:7KQM:K7:ERVX2RWWPXMQMMTU", key, "bad_mac");
  ExpectRejected("MC1:000.00.00.H56-261124-0001:7KQN:K7:ERVX2RWWPXMQMMTU", key, "bad_mac");
  // Truncated: cut inside the MAC, and cut before it.
  ExpectRejected(good.substr(0, good.size() - 1), key, "truncated");
  ExpectRejected("MC1:000.00.00.H56-261124-0001:7KQM", key, "truncated");
  ExpectRejected("MC1", key, "truncated");
  // Wrong key: a valid token of another center.
  ExpectRejected(*MakeReceiptToken(kSample, TestKey(100)), key, "wrong_key");
  // Wrong version.
  ExpectRejected("MC2" + good.substr(3), key, "unsupported_version");
  ExpectRejected("MC0:whatever", key, "unsupported_version");
  // Not ours at all: a CCCD QR, a VietQR payload, a bare dossier code, empty.
  ExpectRejected("001090123456|012345678|Nguyễn Văn Thử|01011990|Nam|Hà Nội|15042021", key, "not_a_receipt_token");
  ExpectRejected("00020101021238560010A000000727", key, "not_a_receipt_token");
  ExpectRejected("000.00.00.H56-261124-0001", key, "not_a_receipt_token");
  ExpectRejected("", key, "not_a_receipt_token");
  ExpectRejected("MCX:1", key, "not_a_receipt_token");
  // Malformed parts.
  ExpectRejected(good + ":EXTRA", key, "bad_format");
  ExpectRejected(good + "A", key, "bad_format");  // MAC too long
  ExpectRejected("MC1:000.00.00.H56-261124-0001:7KQM:K7:ERVX2RWWPXMQMMT1", key, "bad_format");  // '1' not base32
  ExpectRejected("MC1:000.00.00.H56-261124-0001:7KQM:K:ERVX2RWWPXMQMMTU", key, "bad_format");
  ExpectRejected("MC1:000.00.00.H56-261124-0000:7KQM:K7:ERVX2RWWPXMQMMTU", key, "bad_dossier_code");
  ExpectRejected("MC1:H56-261124-0001:7KQM:K7:ERVX2RWWPXMQMMTU", key, "bad_dossier_code");
  ExpectRejected("MC1:000.00.00.H56-261124-0001:7KQ0:K7:ERVX2RWWPXMQMMTU", key, "bad_lookup_secret");
  ExpectRejected("MC1:000.00.00.H56-261124-0001:7KQ:K7:ERVX2RWWPXMQMMTU", key, "bad_lookup_secret");
}

TEST(VerifyReceiptToken, RejectsAKeyOfTheWrongSize) {
  auto r = VerifyReceiptToken("MC1:x", std::string(31, 'k'));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "center_key");
  EXPECT_EQ(r.error().rule, "bad_key_size");
  auto m = MakeReceiptToken(kSample, "");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().rule, "bad_key_size");
}

TEST(MakeReceiptToken, RejectsBadInputNamingTheField) {
  auto bad_code = MakeReceiptToken({"000.00.00.H56-261124-0000", "7KQM"}, TestKey());
  ASSERT_FALSE(bad_code);
  EXPECT_EQ(bad_code.error().field, "dossier_code");
  EXPECT_EQ(bad_code.error().rule, "bad_sequence");
  auto spaced = MakeReceiptToken({" 000.00.00.H56-261124-0001", "7KQM"}, TestKey());
  ASSERT_FALSE(spaced);
  EXPECT_EQ(spaced.error().field, "dossier_code");
  for (const char* secret : {"", "7KQ", "7KQMM", "7kqm", "0KQM", "OKQM", "1KQM", "IKQM", "LKQM", "UKQM", "7K:M"}) {
    auto r = MakeReceiptToken({"000.00.00.H56-261124-0001", secret}, TestKey());
    ASSERT_FALSE(r) << secret;
    EXPECT_EQ(r.error().field, "lookup_secret") << secret;
    EXPECT_EQ(r.error().rule, "bad_lookup_secret") << secret;
  }
}

// Property: changing any one character of a valid token to any other character of the QR
// alphanumeric set is never accepted (fixed inputs, exhaustive over position x replacement).
TEST(VerifyReceiptToken, NoSingleCharacterChangeIsAccepted) {
  const std::string key = TestKey();
  const std::string good = *MakeReceiptToken(kSample, key);
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ .-:$%*+/";
  for (std::size_t i = 0; i < good.size(); ++i)
    for (char c : alphabet) {
      if (c == good[i]) continue;
      std::string bad = good;
      bad[i] = c;
      auto r = VerifyReceiptToken(bad, key);
      ASSERT_FALSE(r) << "position " << i << " -> '" << c << "' accepted: " << bad;
    }
}

// Property: no prefix of a valid token verifies (fixed seed for the tokens).
TEST(VerifyReceiptToken, NoPrefixIsAccepted) {
  const unsigned kSeed = 7;
  std::mt19937 rng(kSeed);
  const std::string key = TestKey(50);
  for (int n = 0; n < 50; ++n) {
    const int seq = std::uniform_int_distribution<int>(1, 9999)(rng);
    char code[32];
    std::snprintf(code, sizeof code, "H15.50.05.13-261008-%04d", seq);
    const std::string token = *MakeReceiptToken({code, NewLookupSecret()}, key);
    ASSERT_TRUE(VerifyReceiptToken(token, key)) << token;
    for (std::size_t len = 0; len < token.size(); ++len)
      ASSERT_FALSE(VerifyReceiptToken(token.substr(0, len), key)) << "seed=" << kSeed << " prefix " << token.substr(0, len);
  }
}

TEST(NewLookupSecret, DrawsFromTheWholeUnambiguousAlphabet) {
  std::map<char, int> seen;
  for (int i = 0; i < 3000; ++i) {
    const std::string s = NewLookupSecret();
    ASSERT_TRUE(IsLookupSecret(s)) << s;
    for (char c : s) ++seen[c];
  }
  EXPECT_EQ(seen.size(), kLookupSecretAlphabet.size());
  for (char ambiguous : std::string("01ILOU"))
    EXPECT_EQ(kLookupSecretAlphabet.find(ambiguous), std::string_view::npos) << ambiguous;
}

class CenterKeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("motcua-key-test-" + NewUuid());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CenterKeyFileTest, CreatesA32ByteKeyReadableOnlyByItsOwner) {
  const fs::path path = dir_ / "sub" / "center.key";
  auto key = LoadOrCreateCenterKey(path);
  ASSERT_TRUE(key) << key.error().Describe();
  EXPECT_EQ(key->size(), 32u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 32);
  // Nothing but the key is left in the folder (no temporary files).
  EXPECT_EQ(std::distance(fs::directory_iterator(path.parent_path()), fs::directory_iterator()), 1);
  auto again = LoadOrCreateCenterKey(path);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *key);
}

TEST_F(CenterKeyFileTest, WrongSizeIsCorruptAndNeverOverwrittenOrShown) {
  const fs::path path = dir_ / "center.key";
  const std::string secret_bytes = "SECRETKEYMATERIAL-31-BYTES-LONG";  // 31 bytes
  ASSERT_EQ(secret_bytes.size(), 31u);
  std::ofstream(path, std::ios::binary) << secret_bytes;
  auto key = LoadOrCreateCenterKey(path);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(key.error().field, "center_key");
  EXPECT_EQ(key.error().rule, "bad_key_size");
  const std::string text = key.error().Describe();
  EXPECT_EQ(text.find("SECRET"), std::string::npos) << text;
  EXPECT_EQ(text.find(ToHex(secret_bytes).substr(0, 12)), std::string::npos) << text;
  EXPECT_EQ(fs::file_size(path), 31u);  // left as it was
  std::ofstream(path, std::ios::binary | std::ios::trunc) << secret_bytes << "XY";  // 33 bytes
  EXPECT_EQ(LoadOrCreateCenterKey(path).error().rule, "bad_key_size");
}

TEST_F(CenterKeyFileTest, RacingCreatorsAllGetTheSameKey) {
  const fs::path path = dir_ / "center.key";
  constexpr int kThreads = 8;
  std::vector<std::string> keys(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      auto k = LoadOrCreateCenterKey(path);
      keys[i] = k ? *k : "error: " + k.error().Describe();
    });
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) EXPECT_EQ(keys[i], keys[0]) << "thread " << i;
  EXPECT_EQ(keys[0].size(), 32u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(CenterKeyFileTest, APathThatIsAFolderIsReportedWithoutCrashing) {
  fs::create_directories(dir_ / "center.key");
  auto key = LoadOrCreateCenterKey(dir_ / "center.key");
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().field, "center_key");
  EXPECT_EQ(key.error().rule, "bad_key_size");
}

TEST_F(CenterKeyFileTest, AFolderThatCannotBeMadeIsUnavailable) {
  std::ofstream(dir_ / "plain-file") << "x";  // a file where the key's folder should be (fails as root too)
  auto key = LoadOrCreateCenterKey(dir_ / "plain-file" / "center.key");
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(key.error().field, "center_key");
  EXPECT_EQ(key.error().rule, "key_io");
}

}  // namespace
}  // namespace motcua::codes
