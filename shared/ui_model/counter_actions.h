// Everything a counter screen can ask for (style.md §4): small structs, one per user intent, gathered
// in the CounterAction variant. Screens append them while drawing; counter/main.cpp applies them after
// the frame with ApplyCounterAction (counter_app.h), through the core. No action holds a pointer into
// a view: every field is a copy, so an action stays valid after the frame that made it.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dossier/dossier.h"
#include "dossier/lifecycle.h"
#include "postal/manifest.h"
#include "ui_model/scorecard_view.h"
#include "ui_model/station.h"
#include "ui_model/strings.h"
#include "workflow/desk.h"

namespace motcua::ui {

// ---- session and navigation -------------------------------------------------------------------

// Enter or the sign-in button on the login screen. The password lives only in this action and
// the screen's buffer; DescribeForLog never prints it.
struct SubmitLogin {
  std::string user_name;
  std::string password;
};
// The lock screen's password (the signed-in user's); never printed either.
struct SubmitUnlock {
  std::string password;
};
struct LockScreen {};
struct SignOut {};
struct SwitchLanguage {
  Lang lang = Lang::kVi;
};
// How a scan's text reached the app. Decides whether its Vietnamese letters can be trusted.
enum class ScanSource {
  kKeyboard,  // typed as key presses on a US layout: the shell's keyboard-wedge detector (wedge_scan.h)
              // or a HID scanner read through evdev. Letters outside the layout ("ễ", "ư", "đ") are
              // dropped or turned into plain ones on the way, so a CCCD name may arrive as "Nguyn".
  kSerial,    // read as bytes from the scanner's own serial port (scan/scanner_device.h): the QR's UTF-8
              // exactly as encoded
};
// A scan: recognised by the shell's wedge detector wherever the focus was, or read from a scanner
// device.
struct ScanReceived {
  std::string text;
  ScanSource source = ScanSource::kKeyboard;  // default kKeyboard: the shell's wedge scans
};
// Go to a screen of CounterScreens() by key ("intake", "worklist", ...).
struct Navigate {
  std::string screen;
};
// Esc: leave the current screen for the one it was opened from (a draft is kept).
struct GoBack {};
// Prints the last form again: the same PDF, so the same dossier code.
struct ReprintLast {};
// "Mở": opens the last printed form's PDF with the desktop's opener (counter_app.h OpenerModel).
struct OpenPrintedPdf {};
struct DismissNotice {};
// Asks a running scan or import to stop.
struct CancelFileJob {};
// Lists a folder for the file picker ("" = the station's import folder, else $HOME).
struct BrowseFiles {
  std::string dir;
};

// ---- intake (tiếp nhận hồ sơ) -------------------------------------------------------------------

struct StartIntake {};    // resumes the kept draft, or starts one
struct DiscardIntake {};  // drops the draft (after the screen asked for confirmation)

enum class ApplicantField { kIdNumber, kName, kPhone, kEmail, kAddress };
struct SetApplicantField {
  ApplicantField field = ApplicantField::kName;
  std::string value;
};
struct SetApplicantIdType {
  dossier::IdType id_type = dossier::IdType::kCccd;
};
struct SetProcedureQuery {
  std::string text;
};
struct PickProcedure {
  std::string code;
};
struct PickRecentProcedure {
  int slot = 1;  // 1-based, as shown (Ctrl+1 ... Ctrl+9)
};
// Chooses or drops a case (a component group, catalog::Component::group).
struct ToggleCase {
  std::string group;
  bool chosen = true;
};

// How a paper of the checklist was handed in.
enum class ComponentMode {
  kMissing,      // required and not handed in yet
  kNotProvided,  // optional and not handed in
  kFile,         // scanned or imported: files hold it
  kShownOnly,    // shown for comparison, nothing kept (xuất trình)
  kReused,       // reused from an earlier result (reused_result_code)
};
struct SetComponentMode {
  int index = 0;  // into the draft's components
  ComponentMode mode = ComponentMode::kShownOnly;
  std::string reused_result_code;  // kReused only
};
// Scans a component of the draft through SANE on a worker thread. index -1 = the first missing one.
struct ScanComponent {
  int index = -1;
};
// Imports PDF, JPEG or PNG files as one component's PDF (images become pages in order).
struct ImportComponentFiles {
  int index = 0;
  std::vector<std::string> paths;
};
struct SetChannel {
  dossier::Channel channel = dossier::Channel::kCounter;
};
// Postal channel: when the manifest was signed, "YYYY-MM-DD HH:MM" (Vietnam time).
struct SetReceivedAt {
  std::string text;
};
struct SetDelivery {
  dossier::Delivery delivery = dossier::Delivery::kCounter;
};
struct SetDeliveryAddress {
  std::string text;
};
struct SetSets {
  int sets = 1;
};
// Receives the dossier (one transaction) and prints the receipt; or, for an inbound postal manifest
// draft, adds it to the manifest.
struct ConfirmIntake {};
// An incomplete dossier: the supplement slip (Mẫu 02) instead, listing the missing papers; no dossier.
struct IssueSupplementSlip {
  std::string reason;  // "" = the missing papers are the reason
};
// A refusal at the counter: the refusal slip (Mẫu 03); no dossier.
struct IssueRefusalSlip {
  std::string reason;
};
struct FinishIntake {};  // after the receipt: clear the screen for the next citizen
// "Đúng như thẻ": the officer compared the name and address of a CCCD scan that lost its diacritics
// with the card and they are right as shown (IntakeDraft::diacritics_unchecked).
struct ConfirmCardText {};

// ---- work list ----------------------------------------------------------------------------------

struct SetWorklistSearch {
  std::string text;
};
// "open" (not finished), "all", or a state key ("in_progress", ...).
struct SetWorklistStateFilter {
  std::string key = "open";
};
struct SetWorklistProcedureFilter {
  std::string code;  // "" = any
};
struct SetWorklistUrgencyFilter {
  std::optional<workflow::Urgency> urgency;  // unset = any
};
struct SetWorklistOwnUnit {
  bool only_own_unit = true;
};
struct RefreshWorklist {};
struct OpenDossier {
  std::string code;
};
// Mẫu 06 over the dossiers the list shows now.
struct PrintTrackingBook {};

// ---- dossier view -------------------------------------------------------------------------------

struct RunLifecycleAction {
  dossier::Action action = dossier::Action::kTransfer;
  workflow::ActionDetails details;
};
// Apology with a new date (Mẫu 04): "YYYY-MM-DD HH:MM", Vietnam time.
struct RequestApology {
  std::string new_due_text;
  std::string reason;
};
struct ScanDossierComponent {
  int index = 0;
};
struct ImportDossierComponentFiles {
  int index = 0;
  std::vector<std::string> paths;
};
struct MarkDossierComponentReused {
  int index = 0;
  std::string result_code;
  bool from_citizen_store = false;
};
// A result document (kết quả): scanned or imported, with its result code and whether it is e-signed.
// index: the dossier's result slot; -1 = a result the catalog does not list (name required).
struct ScanResultDocument {
  int index = 0;
  std::string name;
  std::string result_code;
  bool e_signed = false;
};
struct ImportResultDocument {
  int index = 0;
  std::string name;
  std::string result_code;
  bool e_signed = false;
  std::vector<std::string> paths;
};
enum class DossierForm { kReceipt, kControlSlip, kApology, kSupplement, kRefusal, kResultHandover };
struct PrintDossierForm {
  DossierForm form = DossierForm::kReceipt;
};
// Puts the done dossier on the open outbound manifest (creating one when there is none).
struct HandToPostal {
  std::string parcel_number;  // may be "" and set later on the postal screen
  bool originals_returned = false;
  std::string no_digital_result_reason;
};
struct CloseDossier {};

// ---- postal (bưu chính công ích) -----------------------------------------------------------------

struct CreateManifest {
  postal::Direction direction = postal::Direction::kInbound;
  postal::Party postal;
};
struct OpenManifest {
  std::string id;
};
struct CloseManifest {};
// Inbound: opens the intake screen to enter the next parcel's dossier onto the open manifest.
struct StartInboundItem {
  std::string parcel_number;
};
// Outbound: a receipt QR, a dossier code or an inbound parcel number.
struct AddOutboundItem {
  std::string lookup;
  std::string parcel_number;
  bool originals_returned = false;
  std::string no_digital_result_reason;
};
struct SetManifestItemParcel {
  std::string item_ref;
  std::string parcel_number;
};
struct RemoveManifestItem {
  std::string item_ref;
};
struct SignOpenManifest {
  postal::SignRequest request;
};
struct CancelOpenManifest {
  std::string reason;
};
struct RecordItemDelivery {
  std::string item_ref;
  bool delivered = true;
  std::string receiver_name;
  std::string reason;
};
struct PrintOpenManifest {};

// ---- settings -----------------------------------------------------------------------------------

struct SaveDevices {
  DeviceSettings devices;
};
struct SaveCalendarProfileChoice {
  std::string profile;
};
struct FindScanners {};
struct FindPrinters {};

// ---- score card (supervisors) --------------------------------------------------------------------

// What the score card screen asked for (scorecard_view.h): open a dossier, export a report file,
// change the month or the unit, switch the language, score again. Needs Permission::kViewScores
// (OpenDossier: kProcess, as from the work list).
struct ScoreCardCommand {
  ScoreCardAction action;
};

// ---- sync (the provincial system) -------------------------------------------------------------

// "Gửi lại" on a record the provincial system refused: what `motcua sync retry CODE` does (the
// record goes again at the next drain). Needs Permission::kResendSync.
struct ResendParkedRecord {
  std::string code;
};

// ---- the queue call panel (issue 14; counter_app.h QueuePanelModel) ------------------------------------

// Each acts on this station's queue counter (DeviceSettings::queue_counter) as the signed-in officer,
// at the frame's time, through queue/queue.h; each needs Permission::kReceive.
// "Gọi số tiếp theo": finishes the ticket being served (linking the dossiers received from it), then
// calls the next ticket of the counter's areas.
struct CallNextTicket {};
// "Gọi lại": the board calls the served ticket again.
struct RecallTicket {};
// "Vắng mặt": the called citizen did not come (back to the end of the line once, then dropped).
struct MarkTicketNoShow {};
// "Chuyển": the served ticket goes to another area's line (an area letter, "B").
struct TransferTicket {
  std::string to_area;
};
// "Xong": finishes the served ticket, linking the dossiers received from it.
struct FinishTicket {};

using CounterAction = std::variant<
    SubmitLogin, SubmitUnlock, LockScreen, SignOut, SwitchLanguage, ScanReceived, Navigate, GoBack,
    ReprintLast, OpenPrintedPdf, DismissNotice, CancelFileJob, BrowseFiles,
    StartIntake, DiscardIntake, SetApplicantField, SetApplicantIdType, SetProcedureQuery, PickProcedure,
    PickRecentProcedure, ToggleCase, SetComponentMode, ScanComponent, ImportComponentFiles, SetChannel,
    SetReceivedAt, SetDelivery, SetDeliveryAddress, SetSets, ConfirmIntake, IssueSupplementSlip,
    IssueRefusalSlip, FinishIntake, ConfirmCardText,
    SetWorklistSearch, SetWorklistStateFilter, SetWorklistProcedureFilter, SetWorklistUrgencyFilter,
    SetWorklistOwnUnit, RefreshWorklist, OpenDossier, PrintTrackingBook,
    RunLifecycleAction, RequestApology, ScanDossierComponent, ImportDossierComponentFiles,
    MarkDossierComponentReused, ScanResultDocument, ImportResultDocument, PrintDossierForm, HandToPostal,
    CloseDossier,
    CreateManifest, OpenManifest, CloseManifest, StartInboundItem, AddOutboundItem, SetManifestItemParcel,
    RemoveManifestItem, SignOpenManifest, CancelOpenManifest, RecordItemDelivery, PrintOpenManifest,
    SaveDevices, SaveCalendarProfileChoice, FindScanners, FindPrinters,
    ScoreCardCommand, ResendParkedRecord,
    CallNextTicket, RecallTicket, MarkTicketNoShow, TransferTicket, FinishTicket>;

// One line for logs and --test output: the action's name and non-secret, non-personal fields.
// "SubmitLogin user_name=nguyen.van.an" (never a password), "ScanReceived chars=42" (never the
// content: a CCCD QR is personal data), "SetApplicantField field=name" (never the value).
std::string DescribeForLog(const CounterAction& action);

}  // namespace motcua::ui
