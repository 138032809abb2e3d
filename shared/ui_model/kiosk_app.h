// The self-service kiosk's model, with no UI library (architecture.md rule 1): what the kiosk's
// screens are built from and the only way they change. kiosk/main.cpp owns one KioskModel and one
// KioskBackend, and every frame:
//   1. TickKiosk(): takes decoded camera frames and wedge scans, returns home after the idle time;
//   2. builds the current screen's view (kiosk_view.h, pure) and draws it (kiosk/screens/);
//   3. applies the actions the screen produced with ApplyKioskAction, through the core.
// tests/kiosk does the same without a display.
//
// Who acts. The kiosk is its own station account with Role::kKiosk (roles/roles.h): it may look up
// a dossier's public status, record a rating, register postal return and take a ticket, and nothing
// else; the core checks that on every call. It never signs in as an officer.
//
// What it may show. A dossier is reached only through a verified receipt token (scanned) or its code
// with the 4-character lookup secret (typed): citizen/public_status.h builds the only view of it the
// kiosk holds, with the applicant's name masked and no ID number, phone, email or address. The postal
// form's fields are the citizen's own typing; they are wiped with everything else at the idle reset.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "catalog/procedure.h"
#include "catalog/search.h"
#include "citizen/lookup_limiter.h"
#include "citizen/public_status.h"
#include "print/ticket_slip.h"
#include "queue/areas.h"
#include "queue/queue.h"
#include "common/result.h"
#include "common/time.h"
#include "store/store.h"
#include "ui_model/kiosk_settings.h"
#include "ui_model/osk.h"
#include "ui_model/strings.h"
#include "ui_model/tone.h"
#include "workflow/desk.h"

namespace motcua::ui {

enum class KioskScreen {
  kHome,        // four big tiles: find a procedure, check a dossier, rate, pay
  kFields,      // procedure groups (lĩnh vực) as tiles
  kProcedures,  // the procedures of a group, or the search results
  kSearch,      // the search box with the on-screen keyboard
  kProcedure,   // one procedure in plain words, with the portal page's QR
  kCheck,       // "scan your receipt" (camera, wedge) or type the code and secret
  kStatus,      // a dossier's public status
  kRate,        // the overall answer, the nine criteria, a comment
  kPostal,      // register postal return of the result
  kPay,         // the VietQR of an unpaid fee
  kQueueAreas,  // "Lấy số thứ tự": the service areas as large tiles, with their waiting counts
  kQueuePriority,  // does the citizen belong to a priority group? then the ticket is taken and printed
  kTicket,      // the ticket issued: number, people ahead, estimated wait
  kThanks,      // after a rating or a postal registration: what happened, then home
  kAdminPin,    // the hidden gesture's PIN pad
  kAdmin,       // the administrator's panel: exit, settings summary
};
const char* KioskScreenKey(KioskScreen s);  // "home", "fields", ... (screenshots, --test output)

// Which text field the on-screen keyboard types into.
enum class KioskField {
  kNone,
  kSearch,
  kCode,          // the dossier code (digits, dots, dash: the digits layout types them)
  kSecret,        // the 4-character lookup secret
  kComment,       // the rating's comment
  kPostalName,
  kPostalPhone,
  kPostalAddress,
  kPin,
};

// The rating being filled in. nullopt = not answered yet.
struct RatingDraft {
  std::optional<int> overall;                   // 0, 1, 2 (rating/rating.h RatingValue)
  std::array<std::optional<int>, 9> criteria{};  // TT 01/2018 Art. 13
  OskField comment;
};

struct PostalDraft {
  OskField name;
  OskField phone;
  OskField address;
};

// A service area offered on kQueueAreas, with the people waiting in its line when the screen opened.
struct QueueAreaChoice {
  queue::Area area;
  std::int64_t waiting = 0;
};

// Everything the kiosk knows about the citizen in front of it. ResetCitizen() replaces it with a fresh
// one, which is how the idle reset wipes them (tests/kiosk checks no trace remains).
struct CitizenSession {
  KioskScreen screen = KioskScreen::kHome;
  std::vector<KioskScreen> back;                  // where "Quay lại" goes
  std::string group;                              // kProcedures: the chosen group ("" = search results)
  OskField search;
  std::string procedure_code;                     // kProcedure
  OskField code;                                  // kCheck: typed code
  OskField secret;                                // kCheck: typed lookup secret
  KioskField focus = KioskField::kNone;           // the field the keyboard types into
  std::optional<citizen::PublicStatus> status;    // kStatus and after: the verified dossier
  KioskScreen after_check = KioskScreen::kStatus; // where a verified receipt leads: the rate or pay
                                                  // tile of the home screen asked for a receipt first
  std::string proof_token;                        // what found it: the scanned token, or the typed
  std::string proof_code;                         // code and secret (to read the status again after
  std::string proof_secret;                       // a rating or a postal registration)
  RatingDraft rating;
  PostalDraft postal;
  OskField pin;
  std::string message_key;                        // a notice on the current screen ("" = none)
  std::string message_arg;
  Tone message_tone = Tone::kInfo;
  std::string thanks_key;                         // kThanks: what was done
  std::vector<QueueAreaChoice> queue_areas;       // kQueueAreas: read once when the screen opens, not per frame
  std::optional<queue::Area> queue_area;          // kQueuePriority: the area chosen
  std::optional<queue::IssuedTicket> ticket;      // kTicket: the ticket issued to this citizen
  bool large_text = false;                        // accessibility switches: back to the defaults at reset
  bool high_contrast = false;
  bool speech = false;
  Lang lang = Lang::kVi;
};

// The text a field of the session holds (nullptr for kNone).
OskField* FieldOf(CitizenSession& citizen, KioskField field);
const OskField* FieldOf(const CitizenSession& citizen, KioskField field);

struct KioskModel {
  CitizenSession citizen;
  Instant last_input_at{};
  int speak_serial = 0;           // bumped when the screen changes: the narrator says the new title
  bool quit = false;              // the administrator left
  citizen::TypedLookupLimiter limiter;
  std::string camera_status_key;  // "kiosk.camera.none" when no camera works ("" = fine)
  // The center's database unreachable (offline_station.h OpenKioskStation): the kiosk works on its own copy
  // of the catalog. Procedures are looked up as ever; a scanned receipt is verified offline (its MAC under
  // the center key: genuine or not, and its dossier code) but no status is shown, since the copy holds no
  // dossiers; typed look-ups, ratings, postal return and tickets wait for the center. Every screen says so.
  bool offline = false;
};

// The core's services for the kiosk.
struct KioskBackend {
  store::Store* store = nullptr;              // required
  const workflow::Desk* desk = nullptr;       // required (center key, calendar)
  const std::vector<catalog::Procedure>* procedures = nullptr;  // required
  const catalog::CatalogIndex* index = nullptr;                 // required
  KioskSettings settings;
  workflow::Actor actor;                      // role kKiosk
  Instant now{};
  const std::vector<queue::PriorityGroup>* priority_groups = nullptr;  // required for tickets
  // Prints a queue ticket (the thermal printer, or a PDF when none is configured). Called inside the
  // ticket's transaction: an error means no ticket was issued. Empty = the queue tile is not offered.
  using TicketPrinter = std::function<Status(const print::TicketSlip& slip, const std::string& file_stem)>;
  TicketPrinter print_ticket;
};

// ---- actions ---------------------------------------------------------------------------------------

struct GoHome {};
struct KioskBack {};
struct OpenScreen {           // a home tile or a button that only navigates
  KioskScreen screen = KioskScreen::kHome;
};
struct OpenGroup {
  std::string group;
};
struct OpenProcedure {
  std::string code;
};
struct FocusField {
  KioskField field = KioskField::kNone;
};
struct PressKey {             // a key of the on-screen keyboard, into the focused field
  OskKey key;
};
struct SubmitTyped {};        // kCheck: look up the typed code and secret
struct SubmitSearch {};       // kSearch: show the results
struct Scanned {              // a camera frame or a wedge scan decoded to text
  std::string text;
};
struct SetOverall {
  int value = 1;
};
struct SetCriterion {
  int index = 0;
  int value = 1;
};
struct SubmitRating {};
struct SubmitPostal {};
struct ToggleLargeText {};
struct ToggleContrast {};
struct ToggleSpeech {};
struct KioskSwitchLanguage {
  Lang lang = Lang::kVi;
};
struct ChooseQueueArea {      // kQueueAreas: the area's tile
  std::string area;
};
struct TakeQueueTicket {      // kQueuePriority: "" (no priority) or a priority group's key
  std::string priority;
};
struct HiddenGesture {};      // five taps on the corner logo: the PIN pad
struct SubmitPin {};
struct AdminExit {};

using KioskAction = std::variant<GoHome, KioskBack, OpenScreen, OpenGroup, OpenProcedure, FocusField, PressKey,
                                 SubmitTyped, SubmitSearch, Scanned, SetOverall, SetCriterion, SubmitRating,
                                 SubmitPostal, ToggleLargeText, ToggleContrast, ToggleSpeech,
                                 KioskSwitchLanguage, ChooseQueueArea, TakeQueueTicket, HiddenGesture, SubmitPin,
                                 AdminExit>;

// A fresh model at `now`: the home screen, the settings' speech default.
KioskModel MakeKioskModel(const KioskBackend& backend);

// Applies one action through the core. Errors are shown on the screen (message_key) and returned
// for logs; they never carry personal data.
Status ApplyKioskAction(KioskModel& model, const KioskBackend& backend, const KioskAction& action);

// Once per frame before drawing. `had_input`: a touch or scan since the last frame. Returns true when
// the idle reset happened on this call.
bool TickKiosk(KioskModel& model, const KioskBackend& backend, bool had_input);

// Forgets the citizen: a fresh CitizenSession with the settings' defaults, home screen.
void ResetCitizen(KioskModel& model, const KioskBackend& backend);

// The groups the home's "Tìm thủ tục" shows, in the order of their procedure count (largest first),
// each with its count. The catalog's kiosk grouping (catalog::Procedure::group), first letter capitalised.
struct ProcedureGroup {
  std::string key;    // the catalog's group, e.g. "hộ tịch"
  std::string name;   // "Hộ tịch"
  int count = 0;
};
std::vector<ProcedureGroup> ProcedureGroups(const std::vector<catalog::Procedure>& procedures);

}  // namespace motcua::ui
