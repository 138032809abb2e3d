// The intake flow through the model and the core: CCCD scans, the procedure picker, the checklist,
// confirm (one transaction + the receipt PDF), the counter's slips, drafts that survive Esc and a
// crash, and bad input that changes nothing. Real store, real catalog, real SANE test scanner.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "codes/receipt_token.h"
#include "scan/qr_image.h"
#include "support/fixtures.h"
#include "ui_model/intake_view.h"
#include "ui_model/shell_view.h"
#include "ui_model/station_fixture.h"

namespace motcua::ui {
namespace {

using testing::kCccdQr;
using testing::MakeStation;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// pdftoppm renders page 1 of a PDF as 8-bit gray (PGM), for decoding the receipt's QR.
std::optional<scan::GrayImage> RenderFirstPage(const std::string& pdf_path, const std::string& out_dir) {
  const std::string prefix = out_dir + "/page";
  const std::string cmd = "pdftoppm -r 200 -gray -f 1 -l 1 -singlefile '" + pdf_path + "' '" + prefix + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return std::nullopt;
  const std::string pgm = Slurp(prefix + ".pgm");
  // "P5\n<w> <h>\n255\n<pixels>"
  int w = 0, h = 0, max = 0, consumed = 0;
  if (std::sscanf(pgm.c_str(), "P5 %d %d %d%n", &w, &h, &max, &consumed) != 3 || max != 255) return std::nullopt;
  scan::GrayImage img{w, h, {}};
  const std::size_t start = static_cast<std::size_t>(consumed) + 1;
  if (pgm.size() < start + static_cast<std::size_t>(w) * h) return std::nullopt;
  img.pixels.assign(pgm.begin() + start, pgm.begin() + start + static_cast<std::size_t>(w) * h);
  return img;
}

class IntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    f = MakeStation();
    ASSERT_NE(f, nullptr);
    f->SignIn(testing::kOfficer);
    ASSERT_TRUE(f->Do(StartIntake{}).has_value());
  }
  std::unique_ptr<testing::StationFixture> f;
};

TEST_F(IntakeTest, CccdScanFillsTheApplicantAndMovesToTheProcedure) {
  const int focus_before = f->model.intake.focus_serial;
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  const IntakeDraft& d = f->model.intake.draft;
  EXPECT_EQ(d.id_type, dossier::IdType::kCccd);
  EXPECT_EQ(d.id_number, "001190012345");
  EXPECT_EQ(d.name, "Nguyễn Thị Hồng Nhung");
  EXPECT_EQ(d.address, "Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội");
  EXPECT_EQ(d.birth_date_text, "01/01/1990");
  EXPECT_EQ(d.sex, "Nữ");
  EXPECT_TRUE(d.from_cccd);
  EXPECT_EQ(d.cccd_warning, "");
  EXPECT_EQ(f->model.intake.focus, IntakeFocus::kProcedureSearch);
  EXPECT_GT(f->model.intake.focus_serial, focus_before) << "focus follows the scanner";
  EXPECT_EQ(f->model.screen, kScreenIntake);
}

TEST_F(IntakeTest, CccdScanFromTheWorkListOpensTheIntake) {
  ASSERT_TRUE(f->Do(Navigate{std::string(kScreenWorklist)}).has_value());
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  EXPECT_EQ(f->model.screen, kScreenIntake);
  EXPECT_EQ(f->model.intake.draft.name, "Nguyễn Thị Hồng Nhung");
}

TEST_F(IntakeTest, MalformedCccdIsRefusedAtTheIdFieldAndChangesNothing) {
  ASSERT_TRUE(f->Do(SetApplicantField{ApplicantField::kName, "Đã nhập tay"}).has_value());
  const std::int64_t events = f->JournalCount();
  // The same card with an 11-digit ID (a misread), and a code that is no card at all.
  const std::string eleven = "00119001234|012345678|Nguyễn Thị Hồng Nhung|01011990|Nữ|Hà Nội|15042021";
  Status s = f->Do(ScanReceived{eleven});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "id");
  EXPECT_EQ(s.error().rule, "bad_id_length");
  EXPECT_EQ(f->model.intake.draft.name, "Đã nhập tay") << "a bad scan must not touch the form";
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.error_field, IntakeField::kIdNumber);
  EXPECT_EQ(v.error_text,
            "Không đọc được mã QR trên thẻ CCCD: số CCCD trong mã QR phải có đúng 12 chữ số. Hãy quét lại hoặc nhập tay.");
  s = f->Do(ScanReceived{"001190012345|Nguyễn Thị Hồng Nhung|01011990"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "cccd_qr");
  EXPECT_EQ(s.error().rule, "too_few_fields");
  EXPECT_EQ(f->JournalCount(), events);
  EXPECT_EQ(f->DossierCount(), 0);
}

TEST_F(IntakeTest, InconsistentCardIsAcceptedWithAWarning) {
  // Digits 5-6 of the ID say 1991; the card says 1990 (TT 07/2016/TT-BCA Art. 7): advice, not refusal.
  ASSERT_TRUE(f->Do(ScanReceived{"001191012345||Nguyễn Thị Hồng Nhung|01011990|Nữ|Hà Nội|15042021"}).has_value());
  EXPECT_EQ(f->model.intake.draft.cccd_warning, "id_birth_year_mismatch");
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.card_warning, "Năm sinh trên thẻ không khớp với số CCCD; hãy đối chiếu với thẻ.");
}

// Issue 16: a keyboard-wedge scanner cannot type Vietnamese letters. Worked examples: the fixture's card
// (kCccdQr, a female applicant) and a male one, each as a wedge delivers it: letters dropped, or turned into
// plain letters by a scanner that transliterates.
constexpr const char* kCccdQrLettersDropped =  // kCccdQr through a wedge that drops what it cannot type
    "001190012345|012345678|Nguyn Th Hng Nhung|01011990|N|S 12 ph Hng Bi, Hon Kim, H Ni|15042021";
constexpr const char* kCccdQrPlainLetters =  // kCccdQr through a wedge that types the base letters
    "001190012345|012345678|Nguyen Thi Hong Nhung|01011990|Nu|So 12 pho Hang Bai, Hoan Kiem, Ha Noi|15042021";
constexpr const char* kMaleQrLettersDropped =  // "Nguyễn Văn A ... Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội", dropped
    "001090123456|012345678|Nguyn Vn A|01011990|Nam|S 12 ph Hng Bi, Hon Kim, H Ni|15042021";

TEST(CardTextMayHaveLostDiacritics, FlagsOnlyKeyboardScansWithNoVietnameseLetterInNameAndAddress) {
  struct Case {
    ScanSource source;
    const char* name;
    const char* address;
    bool flagged;
  };
  const Case cases[] = {
      {ScanSource::kKeyboard, "Nguyn Vn A", "S 12 ph Hng Bi, Hon Kim, H Ni", true},    // letters dropped
      {ScanSource::kKeyboard, "Nguyen Thi Hong Nhung", "So 12 pho Hang Bai, Ha Noi", true},  // plain letters
      {ScanSource::kKeyboard, "Nguyễn Thị Hồng Nhung", "Số 12 phố Hàng Bài, Hà Nội", false},  // came through
      {ScanSource::kKeyboard, "Lam Ha", "Thôn 3, Xã Tân Lập, Huyện Đan Phượng", false},  // a plain name is real
      {ScanSource::kKeyboard, "Nguyễn Văn A", "Ha Noi", false},  // one field carried Unicode: nothing dropped
      {ScanSource::kSerial, "Nguyen Van A", "Ha Noi", false},    // serial bytes are the QR's own
      {ScanSource::kKeyboard, "", "", true},                     // both empty: nothing to trust either
  };
  for (const Case& c : cases)
    EXPECT_EQ(CardTextMayHaveLostDiacritics(c.source, c.name, c.address), c.flagged) << c.name << " / " << c.address;
}

TEST_F(IntakeTest, WedgeScanWithLettersDroppedIsRefusedNeverStored) {
  // "Nữ" arrived as "N": the card cannot be read at all, and the officer is told so.
  const std::int64_t events = f->JournalCount();
  Status s = f->Do(ScanReceived{kCccdQrLettersDropped});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "sex");
  EXPECT_EQ(s.error().rule, "unknown_sex");
  EXPECT_EQ(f->model.intake.draft.name, "");
  EXPECT_EQ(f->JournalCount(), events);
}

TEST_F(IntakeTest, WedgeScanWithoutDiacriticsMustBeCorrectedBeforeF10) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQrPlainLetters}));
  const IntakeDraft& d = f->model.intake.draft;
  EXPECT_EQ(d.name, "Nguyen Thi Hong Nhung");
  EXPECT_EQ(d.id_number, "001190012345");  // digits are layout-safe: kept
  EXPECT_TRUE(d.diacritics_unchecked);
  EXPECT_EQ(f->model.intake.focus, IntakeFocus::kName);
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.diacritics_warning,
            "Họ tên và địa chỉ quét được không có dấu tiếng Việt: máy quét kiểu bàn phím làm mất chữ có dấu. "
            "Hãy sửa theo thẻ, hoặc bấm \"Đúng như thẻ\" nếu đã đúng.");
  EXPECT_EQ(v.confirm_card_text_label, "Đúng như thẻ");

  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}));
  for (int i : MissingComponents(f->model.intake.draft))
    ASSERT_TRUE(f->Do(SetComponentMode{i, ComponentMode::kShownOnly, ""}));
  const std::int64_t events = f->JournalCount();
  Status s = f->Do(ConfirmIntake{});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "applicant.name");
  EXPECT_EQ(s.error().rule, "diacritics_unchecked");
  EXPECT_EQ(f->JournalCount(), events);
  EXPECT_EQ(f->DossierCount(), 0);
  EXPECT_EQ(f->model.intake.focus, IntakeFocus::kName);
  v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.error_field, IntakeField::kName);
  EXPECT_EQ(v.error_text,
            "Họ tên, địa chỉ từ máy quét chưa được đối chiếu với thẻ (mất dấu tiếng Việt): hãy sửa hoặc bấm \"Đúng như thẻ\".");
  // The slips print the name too.
  s = f->Do(IssueRefusalSlip{"Không thuộc thẩm quyền"});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().rule, "diacritics_unchecked");

  // Corrected from the card: the name alone is not enough, the address too.
  ASSERT_TRUE(f->Do(SetApplicantField{ApplicantField::kName, "Nguyễn Thị Hồng Nhung"}));
  EXPECT_TRUE(f->model.intake.draft.diacritics_unchecked);
  ASSERT_TRUE(f->Do(SetApplicantField{ApplicantField::kAddress, "Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội"}));
  EXPECT_FALSE(f->model.intake.draft.diacritics_unchecked);
  EXPECT_EQ(MakeIntakeView(f->model, *f->station, f->clock.Now()).diacritics_warning, "");
  s = f->Do(ConfirmIntake{});
  ASSERT_TRUE(s) << s.error().Describe();
  f->Wait();
  ASSERT_TRUE(f->model.intake.outcome);
  EXPECT_EQ(f->model.intake.outcome->applicant_name, "Nguyễn Thị Hồng Nhung");
}

TEST_F(IntakeTest, WedgeScanWithoutDiacriticsCanBeConfirmedAsOnTheCardAndSurvivesACrash) {
  ASSERT_TRUE(f->Do(ScanReceived{kMaleQrLettersDropped}));
  EXPECT_TRUE(f->model.intake.draft.diacritics_unchecked);
  EXPECT_EQ(f->model.intake.draft.name, "Nguyn Vn A");
  // The flag is kept in the stored draft: a restart does not drop it.
  Result<IntakeDraft> back = DraftFromJson(DraftToJson(f->model.intake.draft));
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->diacritics_unchecked);
  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}));
  for (int i : MissingComponents(f->model.intake.draft))
    ASSERT_TRUE(f->Do(SetComponentMode{i, ComponentMode::kShownOnly, ""}));
  ASSERT_FALSE(f->Do(ConfirmIntake{}).has_value());
  ASSERT_TRUE(f->Do(ConfirmCardText{}));
  EXPECT_FALSE(f->model.intake.draft.diacritics_unchecked);
  EXPECT_FALSE(f->model.intake.error.has_value()) << "the refusal it answered is cleared";
  Status s = f->Do(ConfirmIntake{});
  ASSERT_TRUE(s) << s.error().Describe();
}

TEST_F(IntakeTest, SerialScanIsTrustedAndAKeyboardScanWithDiacriticsIsNotFlagged) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQrPlainLetters, ScanSource::kSerial}));
  EXPECT_FALSE(f->model.intake.draft.diacritics_unchecked);
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}));  // the default source: the keyboard wedge
  EXPECT_FALSE(f->model.intake.draft.diacritics_unchecked);
  EXPECT_EQ(f->model.intake.draft.name, "Nguyễn Thị Hồng Nhung");
}

TEST_F(IntakeTest, ProcedureSearchIgnoresDiacriticsAndRecentProceduresComeBack) {
  ASSERT_TRUE(f->Do(SetProcedureQuery{"dang ky thuong tru"}).has_value());
  ASSERT_FALSE(f->model.intake.hits.empty());
  EXPECT_EQ(f->model.intake.hits.front().code, "1.004222");  // "Đăng ký thường trú" in the sample catalog
  ASSERT_TRUE(f->Do(PickProcedure{"1.004222"}).has_value());
  EXPECT_EQ(f->model.intake.focus, IntakeFocus::kComponents);
  // After a dossier of it is received, it is recent procedure #1 (and survives a new session).
  const std::string code = testing::ReceiveThroughIntake(*f, "3.000347");
  ASSERT_FALSE(code.empty());
  ASSERT_FALSE(f->model.recent_procedures.empty());
  EXPECT_EQ(f->model.recent_procedures.front(), "3.000347");
  ASSERT_TRUE(f->Do(SignOut{}).has_value());
  f->SignIn(testing::kOfficer);
  ASSERT_TRUE(f->Do(StartIntake{}).has_value());
  ASSERT_TRUE(f->Do(PickRecentProcedure{1}).has_value());
  EXPECT_EQ(f->model.intake.draft.procedure_code, "3.000347");
  Status bad = f->Do(PickRecentProcedure{9});
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().rule, "no_recent_procedure");
}

TEST_F(IntakeTest, CasesChooseWhichPapersAreRequired) {
  // "Đăng ký thường trú" (1.004222) publishes its papers per case; the first case is chosen by default.
  ASSERT_TRUE(f->Do(PickProcedure{"1.004222"}).has_value());
  const IntakeDraft& d = f->model.intake.draft;
  ASSERT_EQ(d.cases.size(), 1u);
  const std::string first = d.cases.front();
  const std::size_t missing_first = MissingComponents(d).size();
  EXPECT_GT(missing_first, 0u);
  for (int i : MissingComponents(d)) EXPECT_EQ(d.components[i].group, first);
  ASSERT_TRUE(f->Do(ToggleCase{first, false}).has_value());
  EXPECT_TRUE(MissingComponents(f->model.intake.draft).empty());
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  for (const ComponentGroupView& g : v.groups) EXPECT_TRUE(g.rows.empty()) << g.heading.label;
}

TEST_F(IntakeTest, MissingRequiredPaperIsFlaggedAndNothingIsWritten) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());  // Đổi giấy phép lái xe: 5 required papers
  ASSERT_EQ(MissingComponents(f->model.intake.draft).size(), 5u);
  for (int i : {0, 1, 2, 3}) ASSERT_TRUE(f->Do(SetComponentMode{i, ComponentMode::kShownOnly, ""}).has_value());
  const std::int64_t events = f->JournalCount();
  Status s = f->Do(ConfirmIntake{});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "components");
  EXPECT_EQ(s.error().rule, "missing_required_component");
  EXPECT_EQ(f->model.intake.flagged, std::vector<int>{4});
  EXPECT_EQ(f->JournalCount(), events);
  EXPECT_EQ(f->DossierCount(), 0);
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.error_field, IntakeField::kComponents);
  EXPECT_NE(v.error_text.find("Còn thiếu thành phần hồ sơ bắt buộc"), std::string::npos) << v.error_text;
  bool found = false;
  for (const ComponentGroupView& g : v.groups)
    for (const ComponentRowView& r : g.rows)
      if (r.index == 4) {
        found = true;
        EXPECT_TRUE(r.is_flagged);
        EXPECT_EQ(r.tone, Tone::kDanger);
      }
  EXPECT_TRUE(found);
}

TEST_F(IntakeTest, ElevenDigitTypedIdIsRefusedByTheCoreAtTheField) {
  ASSERT_TRUE(f->Do(SetApplicantField{ApplicantField::kIdNumber, "00119001234"}).has_value());
  ASSERT_TRUE(f->Do(SetApplicantField{ApplicantField::kName, "Nguyễn Văn Bình"}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}).has_value());
  ASSERT_TRUE(f->Do(SetComponentMode{0, ComponentMode::kShownOnly, ""}).has_value());
  IntakeView before = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(before.id_hint, "Số CCCD có đúng 12 chữ số (đang có 11 ký tự).");
  const std::int64_t events = f->JournalCount();
  Status s = f->Do(ConfirmIntake{});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "applicant.id_number");
  EXPECT_EQ(s.error().rule, "bad_cccd");
  EXPECT_EQ(f->JournalCount(), events);
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.error_field, IntakeField::kIdNumber);
  EXPECT_EQ(v.error_text, "Số CCCD phải có đúng 12 chữ số.");
  EXPECT_EQ(f->model.intake.focus, IntakeFocus::kIdNumber);
}

// Issue 16: a postal intake's handover time is typed the way the screen shows dates (DD/MM/YYYY HH:MM).
TEST_F(IntakeTest, APostalHandoverTimeIsTypedDayFirst) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}));
  ASSERT_TRUE(f->Do(SetChannel{dossier::Channel::kPostal}));
  ASSERT_TRUE(f->Do(SetReceivedAt{"12/03/2026 08:05"}));
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}));
  for (int i : MissingComponents(f->model.intake.draft))
    ASSERT_TRUE(f->Do(SetComponentMode{i, ComponentMode::kShownOnly, ""}));
  Status s = f->Do(ConfirmIntake{});
  ASSERT_TRUE(s) << s.error().Describe();
  f->Wait();
  ASSERT_TRUE(f->model.intake.outcome);
  auto d = f->station->store->GetDossier(f->model.intake.outcome->dossier_code);
  ASSERT_TRUE(d && *d);
  EXPECT_EQ(FormatDmyHm(ToLocalVn((*d)->received_at)), "12/03/2026 08:05");
}

// Issue 16: banners that no longer apply clear: the last receipt's "saved as PDF" line goes when the next
// citizen's intake starts.
TEST_F(IntakeTest, TheLastReceiptsLineClearsWhenTheNextIntakeStarts) {
  ASSERT_FALSE(testing::ReceiveThroughIntake(*f, "3.000347").empty());
  ASSERT_TRUE(f->model.print_job);
  EXPECT_TRUE(MakeShellView(f->model, f->clock.Now()).print);
  ASSERT_TRUE(f->Do(FinishIntake{}));
  EXPECT_FALSE(f->model.print_job);
  EXPECT_FALSE(MakeShellView(f->model, f->clock.Now()).print);
}

// The intake offers a procedure's first case. For 1.004222 that is the case the portal's page opens with,
// registering in one's own home, not the vehicle case the catalog fixes moved its first two papers to
// (tools/catalog/convert_research.py orders cases by the page's headings).
TEST_F(IntakeTest, ThuongTruOffersTheOwnHomeCaseFirst) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}));
  ASSERT_TRUE(f->Do(PickProcedure{"1.004222"}));
  ASSERT_EQ(f->model.intake.draft.cases.size(), 1u);
  EXPECT_EQ(f->model.intake.draft.cases[0], "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình");
  for (const DraftComponent& c : f->model.intake.draft.components)
    if (c.group == f->model.intake.draft.cases[0])
      EXPECT_EQ(c.name.find("phương tiện"), std::string::npos) << "no vehicle paper for one's own home: " << c.name;
}

TEST_F(IntakeTest, ConfirmReceivesInOneTransactionAndWritesTheReceiptWithAReadableQr) {
  const std::int64_t events = f->JournalCount();
  const std::string code = testing::ReceiveThroughIntake(*f, "3.000347");
  ASSERT_FALSE(code.empty());
  EXPECT_EQ(f->JournalCount(), events + 1) << "one dossier.received event, nothing else";
  Result<std::optional<dossier::Dossier>> stored = f->station->store->GetDossier(code);
  ASSERT_TRUE(stored.has_value() && stored->has_value());
  const dossier::Dossier& d = **stored;
  EXPECT_EQ(d.applicant.name, "Nguyễn Thị Hồng Nhung");
  EXPECT_EQ(d.procedure_code, "3.000347");
  EXPECT_EQ(d.components.size(), 5u);
  // 5 working days from Thursday 2026-03-12 08:30: Thursday 2026-03-19 08:30.
  ASSERT_TRUE(d.due_at.has_value());
  EXPECT_EQ(FormatLocalMinute(ToLocalVn(*d.due_at)), "2026-03-19 08:30");
  // No printer is set: the receipt is saved as PDF, 2 pages (Liên 1, Liên 2), with the token's QR.
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kSavedOnly);
  EXPECT_EQ(f->model.print_job->pdf_path, (f->station->FormsDir() / code / "mau01.pdf").string());
  const std::string pdf = Slurp(f->model.print_job->pdf_path);
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
  motcua::testing::TempDir render;
  std::optional<scan::GrayImage> page = RenderFirstPage(f->model.print_job->pdf_path, render.path().string());
  if (!page) GTEST_SKIP() << "pdftoppm (poppler-utils) is missing: the QR check needs it";
  Result<std::string> token = scan::DecodeQr(*page);
  ASSERT_TRUE(token.has_value()) << token.error().Describe();
  Result<codes::ReceiptToken> verified = codes::VerifyReceiptToken(*token, f->station->desk.center_key);
  ASSERT_TRUE(verified.has_value()) << verified.error().Describe();
  EXPECT_EQ(verified->dossier_code, code);
  EXPECT_EQ(verified->lookup_secret, d.lookup_secret);
  // The view after confirming: the code, the applicant, the due date.
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  ASSERT_TRUE(v.outcome.has_value());
  EXPECT_EQ(v.outcome->code, code);
  EXPECT_EQ(v.outcome->lines[1], "Hẹn trả kết quả: 08:30, Thứ Năm 19/03/2026");
}

TEST_F(IntakeTest, ReprintSendsTheSameFileWithTheSameCode) {
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  const std::string first = Slurp(f->model.print_job->pdf_path);
  ASSERT_TRUE(f->Do(ReprintLast{}).has_value());
  f->Wait();
  EXPECT_EQ(f->model.print_job->attempts, 2);
  EXPECT_EQ(f->model.print_job->dossier_code, code);
  EXPECT_EQ(Slurp(f->model.print_job->pdf_path), first);
  EXPECT_EQ(f->DossierCount(), 1) << "a reprint creates nothing";
}

TEST_F(IntakeTest, DueDateIsShownLiveAndProvisionalBeyondTheCalendar) {
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.due_line, "Hẹn trả: 08:30, Thứ Năm 19/03/2026 (05 ngày làm việc)");
  EXPECT_EQ(v.due_tone, Tone::kInfo);
  // Late December 2026: 5 working days reach into 2027, whose official days off are not published yet.
  v = MakeIntakeView(f->model, *f->station, motcua::testing::At("2026-12-29 09:00"));
  EXPECT_EQ(v.due_tone, Tone::kWarning) << v.due_line;
  EXPECT_NE(v.due_line.find("tạm tính"), std::string::npos) << v.due_line;
}

TEST_F(IntakeTest, PostalDeliveryNeedsAnAddressAndDefaultsToTheApplicants) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}).has_value());
  ASSERT_TRUE(f->Do(SetComponentMode{0, ComponentMode::kShownOnly, ""}).has_value());
  ASSERT_TRUE(f->Do(SetDelivery{dossier::Delivery::kPostal}).has_value());
  EXPECT_EQ(f->model.intake.draft.delivery_address, "Số 12 phố Hàng Bài, Hoàn Kiếm, Hà Nội");
  ASSERT_TRUE(f->Do(SetDeliveryAddress{"  "}).has_value());
  Status s = f->Do(ConfirmIntake{});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "delivery_address");
  EXPECT_EQ(s.error().rule, "missing");
  EXPECT_EQ(MakeIntakeView(f->model, *f->station, f->clock.Now()).error_field, IntakeField::kDeliveryAddress);
  EXPECT_EQ(f->DossierCount(), 0);
}

TEST_F(IntakeTest, EscKeepsTheDraftAndACrashDoesNotLoseIt) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  ASSERT_TRUE(f->Do(SetComponentMode{2, ComponentMode::kReused, "KQ.G07.000122"}).has_value());
  ASSERT_TRUE(f->Do(GoBack{}).has_value());
  EXPECT_TRUE(f->model.intake.active);
  EXPECT_EQ(f->model.notice_key, "notice.draft_kept");
  ASSERT_TRUE(f->Do(Navigate{std::string(kScreenIntake)}).has_value());
  EXPECT_EQ(f->model.intake.draft.name, "Nguyễn Thị Hồng Nhung");
  // A "crash": the model is gone; a new session at this station finds the draft in the store.
  ASSERT_TRUE(f->Do(SetApplicantField{ApplicantField::kPhone, "0912345678"}).has_value());
  TickCounter(f->model, f->Backend(), false);  // the frame after the change saves it
  f->model = CounterModel{};
  f->SignIn(testing::kOfficer);
  EXPECT_TRUE(f->model.intake.active);
  EXPECT_TRUE(f->model.intake.resumed);
  EXPECT_EQ(f->model.notice_key, "notice.draft_restored");
  const IntakeDraft& d = f->model.intake.draft;
  EXPECT_EQ(d.name, "Nguyễn Thị Hồng Nhung");
  EXPECT_EQ(d.phone, "0912345678");
  EXPECT_EQ(d.procedure_code, "3.000347");
  EXPECT_EQ(d.components[2].mode, ComponentMode::kReused);
  EXPECT_EQ(d.components[2].reused_result_code, "KQ.G07.000122");
  // Another officer at the same station has a draft of their own (none).
  f->model = CounterModel{};
  f->SignIn(testing::kSupervisor);
  EXPECT_FALSE(f->model.intake.active);
}

// F10, then the counter dies after the commit but before the draft is closed: the restored draft's F10
// gives back the dossier received the first time (and its receipt), never a second dossier.
TEST_F(IntakeTest, F10RepeatedAfterACrashGivesBackTheSameDossier) {
  const std::string code = testing::ReceiveThroughIntake(*f, "9.999002");
  ASSERT_FALSE(code.empty());
  IntakeDraft left = f->model.intake.draft;
  ASSERT_FALSE(left.request_id.empty());
  // What the store held at the instant of the crash: the draft, still active, with its request id.
  ASSERT_TRUE(f->station->store->Write([&](store::WriteTx& tx) -> Status {
    const std::string key = f->station->paths.station_id + "/" + testing::kOfficer;
    MOTCUA_ASSIGN_OR_RETURN(auto held, tx.GetRecord("scratch.intake_draft", key));
    return tx.PutRecord({"scratch.intake_draft", key, "active", f->clock.Now(), DraftToJson(left),
                         held ? held->version : 0});
  }));
  f->model = CounterModel{};
  f->SignIn(testing::kOfficer);
  ASSERT_TRUE(f->model.intake.active);
  EXPECT_EQ(f->model.intake.draft.request_id, left.request_id);
  ASSERT_TRUE(f->Do(ConfirmIntake{}).has_value());
  f->Wait();
  ASSERT_TRUE(f->model.intake.outcome);
  EXPECT_EQ(f->model.intake.outcome->dossier_code, code);
  EXPECT_EQ(f->model.intake.outcome->warnings, std::vector<std::string>{"intake_replayed"});
  EXPECT_EQ(f->DossierCount(), 1);
}

TEST_F(IntakeTest, DraftJsonRoundTripsAndRejectsGarbage) {
  IntakeDraft d;
  d.id_number = "001190012345";
  d.name = "Nguyễn Thị Hồng Nhung";
  d.procedure_code = "3.000347";
  d.cases = {"a", "b"};
  d.components.push_back({"TP1", "Đơn", "", true, 1, 0, ComponentMode::kFile,
                          {{std::string(64, 'a'), "application/pdf", 2, 1234, "don.pdf", "an", FromUnixSeconds(5)}}, ""});
  d.delivery = dossier::Delivery::kPostal;
  d.manifest_id = "IN-260312-0001";
  Result<IntakeDraft> back = DraftFromJson(DraftToJson(d));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(DraftToJson(*back), DraftToJson(d));
  for (const char* bad : {"", "{", "[]", R"({"id_type": 99})", R"({"id_type": "x"})"}) {
    Result<IntakeDraft> r = DraftFromJson(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().rule, "bad_draft") << bad;
  }
}

TEST_F(IntakeTest, DiscardDropsTheDraftForGood) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  TickCounter(f->model, f->Backend(), false);
  ASSERT_TRUE(f->Do(DiscardIntake{}).has_value());
  EXPECT_EQ(f->model.intake.draft.name, "");
  f->model = CounterModel{};
  f->SignIn(testing::kOfficer);
  EXPECT_FALSE(f->model.intake.active);
}

TEST_F(IntakeTest, IncompleteDossierGetsTheSupplementSlipAndNoDossier) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  ASSERT_TRUE(f->Do(SetComponentMode{0, ComponentMode::kShownOnly, ""}).has_value());
  ASSERT_TRUE(f->Do(IssueSupplementSlip{""}).has_value());
  f->Wait();
  EXPECT_EQ(f->DossierCount(), 0);
  ASSERT_TRUE(f->model.intake.outcome.has_value());
  EXPECT_EQ(f->model.intake.outcome->kind, IntakeOutcome::Kind::kSupplementSlip);
  ASSERT_TRUE(f->model.print_job.has_value());
  EXPECT_EQ(f->model.print_job->phase, PrintPhase::kSavedOnly) << (f->model.print_job->error ? f->model.print_job->error->Describe() : "");
  EXPECT_NE(f->model.print_job->pdf_path.find("mau02.pdf"), std::string::npos);
  EXPECT_EQ(Slurp(f->model.print_job->pdf_path).rfind("%PDF-", 0), 0u);
  // The slip is kept as a record for reprints and audits.
  Result<std::vector<store::Record>> slips = f->station->store->ListRecords({.kind = "scratch.counter_slip"});
  ASSERT_TRUE(slips.has_value());
  ASSERT_EQ(slips->size(), 1u);
  EXPECT_EQ(slips->front().status, "mau02");
  // The next card starts a new intake.
  ASSERT_TRUE(f->Do(FinishIntake{}).has_value());
  EXPECT_FALSE(f->model.intake.outcome.has_value());
  EXPECT_EQ(f->model.intake.draft.name, "");
}

TEST_F(IntakeTest, RefusalSlipNeedsAReason) {
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"9.999002"}).has_value());
  Status s = f->Do(IssueRefusalSlip{"  "});
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().field, "reason");
  EXPECT_EQ(s.error().rule, "missing");
  EXPECT_EQ(MakeIntakeView(f->model, *f->station, f->clock.Now()).error_text, "Cần ghi lý do.");
  ASSERT_TRUE(f->Do(IssueRefusalSlip{"Thủ tục không thuộc thẩm quyền tiếp nhận của Trung tâm."}).has_value());
  f->Wait();
  EXPECT_EQ(f->model.intake.outcome->kind, IntakeOutcome::Kind::kRefusalSlip);
  EXPECT_NE(f->model.print_job->pdf_path.find("mau03.pdf"), std::string::npos);
  EXPECT_EQ(f->DossierCount(), 0);
}

TEST_F(IntakeTest, ImportedImagesBecomeOnePdfPerPaper) {
  motcua::testing::TempDir in;
  // A 4x4 white RGB PNG (made with zlib and the PNG chunk layout) and a three-page PDF.
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x04\x00\x00\x00\x04"
      "\x08\x02\x00\x00\x00\x26\x93\x09\x29\x00\x00\x00\x0f\x49\x44\x41\x54\x78\x9c\x63\xf8\x8f\x04\x18"
      "\x88\xe3\x00\x00\xdb\x90\x2f\xd1\x6e\x45\xb0\xb2\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      72);
  std::ofstream(in.path() / "trang1.png", std::ios::binary) << png;
  std::ofstream(in.path() / "trang2.png", std::ios::binary) << png;
  std::ofstream(in.path() / "don.pdf", std::ios::binary) << motcua::testing::TinyPdf(3);
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  ASSERT_TRUE(f->Do(ImportComponentFiles{0, {(in.path() / "trang1.png").string(), (in.path() / "trang2.png").string()}}).has_value());
  f->Wait();
  const DraftComponent& c0 = f->model.intake.draft.components[0];
  ASSERT_EQ(c0.mode, ComponentMode::kFile) << (f->model.intake.error ? f->model.intake.error->Describe() : "");
  ASSERT_EQ(c0.files.size(), 1u);
  EXPECT_EQ(c0.files[0].mime, "application/pdf");
  EXPECT_EQ(c0.files[0].pages, 2);
  ASSERT_TRUE(f->Do(ImportComponentFiles{1, {(in.path() / "don.pdf").string()}}).has_value());
  f->Wait();
  EXPECT_EQ(f->model.intake.draft.components[1].files.at(0).pages, 3);
  EXPECT_EQ(f->model.intake.draft.components[1].files.at(0).file_name, "don.pdf");
  // Two PDFs at once are refused: a citizen's PDF is kept as it is, never merged.
  ASSERT_TRUE(f->Do(ImportComponentFiles{2, {(in.path() / "don.pdf").string(), (in.path() / "don.pdf").string()}}).has_value());
  f->Wait();
  ASSERT_TRUE(f->model.intake.error.has_value());
  EXPECT_EQ(f->model.intake.error->rule, "one_pdf_only");
  EXPECT_EQ(f->model.intake.draft.components[2].mode, ComponentMode::kMissing);
  EXPECT_EQ(MakeIntakeView(f->model, *f->station, f->clock.Now()).error_field, IntakeField::kComponents);
}

TEST_F(IntakeTest, ScansFromSaneFillThePapersInOrder) {
  if (std::string why = testing::UseSaneTestBackend(); !why.empty()) GTEST_SKIP() << why;
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  for (int n = 0; n < 2; ++n) {
    ASSERT_TRUE(f->Do(ScanComponent{-1}).has_value());  // F5: the next missing paper
    // A second scan while one runs is refused (one scanner, one job).
    Status busy = f->Do(ScanComponent{-1});
    if (!busy.has_value()) {
      EXPECT_EQ(busy.error().rule, "job_busy");
    }
    f->Wait();
  }
  const IntakeDraft& d = f->model.intake.draft;
  for (int i : {0, 1}) {
    ASSERT_EQ(d.components[i].mode, ComponentMode::kFile) << i;
    ASSERT_EQ(d.components[i].files.size(), 1u);
    EXPECT_EQ(d.components[i].files[0].pages, 1);
    EXPECT_EQ(d.components[i].files[0].added_by, testing::kOfficer);
  }
  EXPECT_EQ(d.components[2].mode, ComponentMode::kMissing);
}

TEST_F(IntakeTest, ScannerErrorsAreShownAtTheChecklist) {
  if (std::string why = testing::UseSaneTestBackend(); !why.empty()) GTEST_SKIP() << why;
  DeviceSettings d = f->station->devices;
  d.scanner_device = "test:99";
  ASSERT_TRUE(f->Do(SaveDevices{d}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  ASSERT_TRUE(f->Do(ScanComponent{0}).has_value());
  f->Wait();
  ASSERT_TRUE(f->model.intake.error.has_value());
  EXPECT_EQ(f->model.intake.error->rule, "scanner_not_found");
  IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
  EXPECT_EQ(v.error_field, IntakeField::kScanner);
  EXPECT_EQ(v.error_text, "Không tìm thấy máy quét đã cài cho trạm; kiểm tra cáp, nguồn hoặc mục Cài đặt.");
  EXPECT_EQ(f->model.intake.draft.components[0].mode, ComponentMode::kMissing);
}

TEST_F(IntakeTest, ViewsHaveEveryTextInBothLanguages) {
  TakeMissingKeys();
  ASSERT_TRUE(f->Do(ScanReceived{kCccdQr}).has_value());
  ASSERT_TRUE(f->Do(SetProcedureQuery{"giay phep lai xe"}).has_value());
  ASSERT_TRUE(f->Do(PickProcedure{"3.000347"}).has_value());
  ASSERT_TRUE(f->Do(SetDelivery{dossier::Delivery::kPostal}).has_value());
  ASSERT_TRUE(f->Do(SetChannel{dossier::Channel::kPostal}).has_value());
  for (Lang lang : {Lang::kVi, Lang::kEn}) {
    f->model.lang = lang;
    IntakeView v = MakeIntakeView(f->model, *f->station, f->clock.Now());
    EXPECT_FALSE(v.confirm_label.empty());
  }
  EXPECT_TRUE(TakeMissingKeys().empty());
}

}  // namespace
}  // namespace motcua::ui
