// Queue tickets (số thứ tự): taken at a kiosk or a counter, called by counters, linked to the dossiers
// received from them (issue 14).
//
// Numbers. Each area numbers its tickets per Vietnam civil day: first_number, first_number + 1, ...
// The number comes from the store's NextOrdinal("queue:<day>:<area>") inside the taking transaction, so
// two kiosks (two processes) never issue one number twice, nor does a restart; a transaction that fails
// (the printer was out of paper) gives its number back. A ticket is a store Record of kind
// "queue.ticket", key "<YYYY-MM-DD>/<letter>/<number, 6 digits>", shown as the letter and the number
// padded to the area's digits ("A007", "A1023").
//
// Order. A waiting ticket's Record status is "waiting/<area>/p" (priority) or "waiting/<area>/n", and its
// updated_at is when it joined the line, so the line is the store's oldest-first list of that status.
// Priority tickets are called first, first come first served among them; after
// QueueSettings::priority_streak_max priority calls in a row in one area while a normal ticket waits,
// the next call takes the normal ticket (the streak is kept per area and day in a "queue.line" record).
// A counter calling several areas takes, among each area's next ticket, a priority one before a normal
// one, then the one that joined its line first.
//
// Life of a ticket: waiting -> called (to a counter; the counter's "queue.counter" record names it)
// -> done (finished, with the dossiers received from it) | waiting again (a first no-show: back to the
// end of its line) | dropped (a second no-show) | waiting in another area (a transfer keeps its number and
// its place by taking time). Calling the next ticket at a counter whose ticket is still called finishes
// that one first. Every change is one transaction with one journal event per ticket changed
// ("queue.taken", "queue.called", "queue.recalled", "queue.no_show", "queue.transferred",
// "queue.finished"); the events carry the waiting and serving seconds, so the journal holds the figures.
//
// Who: taking a ticket needs Permission::kTakeTicket (kiosks, officers); calling, recalling, no-show,
// transfer and finish need Permission::kReceive (the counter's officers).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "queue/areas.h"
#include "roles/roles.h"
#include "store/store.h"

namespace motcua::queue {

inline constexpr const char* kTicketKind = "queue.ticket";
inline constexpr const char* kCounterKind = "queue.counter";
inline constexpr const char* kLineKind = "queue.line";
inline constexpr int kMaxDossiersPerTicket = 20;
inline constexpr std::size_t kMaxCounterBytes = 40;  // a counter's name ("5", "Quầy 5")

enum class TicketState { kWaiting, kCalled, kDone, kDropped };
const char* TicketStateKey(TicketState s);  // "waiting", "called", "done", "dropped"

struct Ticket {
  LocalDate day{};                 // the Vietnam civil day it was taken
  std::string area;                // the line it is in now (a transfer changes it)
  int number = 0;                  // within the day and its first area
  std::string origin_area;         // the area that issued the number (its letter prefixes the number)
  std::string label;               // "A1023": what is printed, shown and called
  std::string priority;            // "" or a priority group key
  TicketState state = TicketState::kWaiting;
  Instant taken_at{};
  Instant queued_at{};             // joined its current line (taking, a no-show's return, a transfer)
  std::optional<Instant> called_at;    // the latest call
  std::optional<Instant> finished_at;  // done or dropped
  std::string counter;             // the counter that called it last ("" = never called)
  std::string officer;             // who called it last
  std::string station;             // where it was taken
  int no_shows = 0;
  int recalls = 0;
  std::int64_t waited_seconds = 0;     // taken (or requeued) to the latest call, summed over calls
  std::vector<std::string> dossier_codes;  // dossiers received from it
  std::int64_t version = 0;

  std::string Key() const;  // the Record key
};

// "A1023" (the area's padding) from a label typed or scanned. Errors: kInvalid ("ticket", "bad_ticket").
struct TicketLabel {
  std::string area;
  int number = 0;
};
Result<TicketLabel> ParseTicketLabel(std::string_view label);

// The QR on a printed ticket: "MCQ:<YYYY-MM-DD>:<label>" (QR alphanumeric characters only, so a wedge
// scanner types it on any keyboard layout). Errors: kInvalid ("ticket", "bad_ticket_qr").
std::string TicketQrPayload(const Ticket& t);
struct TicketRef {
  LocalDate day{};
  TicketLabel label;
};
Result<TicketRef> ParseTicketQr(std::string_view payload);
bool LooksLikeTicketQr(std::string_view payload);  // starts with "MCQ:" (any case: Caps Lock at a wedge)

struct TakeRequest {
  std::string area;      // the area's letter
  std::string priority;  // "" or a group key of `groups`
};

// What a citizen is told when the ticket is issued.
struct WaitEstimate {
  int ahead = 0;                              // tickets that will be called before this one
  std::chrono::minutes wait{0};               // ahead ÷ counters × median service time, rounded up
  int counters = 1;                           // counters serving the line (see figures.h)
  std::chrono::seconds median_service{0};     // of the recent services used
  int samples = 0;                            // how many recent services (0 = the default service time)
};

struct IssuedTicket {
  Ticket ticket;
  WaitEstimate estimate;
};

// Runs inside the taking transaction once the ticket is allocated: the kiosk prints it here. An error
// rolls the ticket back (its number is given back), so a ticket that did not print is never called.
using IssueHook = std::function<Status(const IssuedTicket&)>;

// Takes a ticket. Errors: ("role", "not_allowed"); ("area", "required" / "no_such_area" /
// "area_closed"); ("priority", "unknown_group"); ("area", "numbers_exhausted") past 999,999 a day;
// the hook's error as it is; the store's. A failed call writes nothing.
Result<IssuedTicket> TakeTicket(store::Store& store, const roles::Actor& actor, const TakeRequest& request,
                                const std::vector<PriorityGroup>& groups, Instant now,
                                const IssueHook& on_issue = {});

// The counter's ticket now being served ("called"), if any.
Result<std::optional<Ticket>> CurrentTicket(store::Store& store, std::string_view counter);

// Calls the next ticket of `areas` to `counter`, finishing the counter's called ticket first in the same
// transaction, linked to `finish_dossiers` (the dossiers received from it). nullopt when nobody waits.
// Errors: ("role", "not_allowed"); ("counter", "required" / "bad_counter"); ("areas", "required");
// ("dossier_codes", "no_such_dossier" / "too_many"); the store's. A failed call changes nothing.
Result<std::optional<Ticket>> CallNext(store::Store& store, const roles::Actor& actor, std::string_view counter,
                                       const std::vector<std::string>& areas, Instant now,
                                       const std::vector<std::string>& finish_dossiers = {});
// Calls one waiting ticket of today by its label (a citizen at the counter with a ticket in hand, a
// scanned ticket QR). Errors as CallNext, and ("ticket", "no_such_ticket" / "not_waiting").
Result<Ticket> CallTicket(store::Store& store, const roles::Actor& actor, std::string_view counter,
                          std::string_view label, Instant now, const std::vector<std::string>& finish_dossiers = {});
// Calls the counter's ticket again (the board repeats it). Errors: ("counter", "nothing_called").
Result<Ticket> Recall(store::Store& store, const roles::Actor& actor, std::string_view counter, Instant now);
// The called citizen did not come: back to the end of its line once, dropped the second time.
Result<Ticket> NoShow(store::Store& store, const roles::Actor& actor, std::string_view counter, Instant now);
// Sends the counter's ticket to another area's line, keeping its number and its taking time as its place.
// Errors: ("area", "no_such_area" / "same_area"); ("counter", "nothing_called").
Result<Ticket> Transfer(store::Store& store, const roles::Actor& actor, std::string_view counter,
                        std::string_view to_area, Instant now);
// Finishes the counter's ticket, linking the dossiers received from it. Errors: ("counter",
// "nothing_called"); ("dossier_codes", "no_such_dossier" / "too_many").
Result<Ticket> Finish(store::Store& store, const roles::Actor& actor, std::string_view counter,
                      const std::vector<std::string>& dossier_codes, Instant now);

// Today's ticket by label. nullopt when there is none.
Result<std::optional<Ticket>> FindTicket(store::Store& store, LocalDate day, std::string_view label);
// A day's tickets, by area then number. `area` "" = every area.
Result<std::vector<Ticket>> ListTickets(store::Store& store, LocalDate day, std::string_view area = "");

// Reads a ticket record. Errors: kCorrupt ("queue.ticket", "bad_record").
Result<Ticket> TicketFromRecord(const store::Record& r);

}  // namespace motcua::queue
