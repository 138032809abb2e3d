// The display board's model (issue 14, queue, "Display board"): what a landscape TV in the waiting hall
// shows and says. No UI library here; board_view.h turns it into text and sizes, board/ draws it.
//
// What it holds, all read from the center's store (so a board follows every counter of the database):
//   - each counter's current call (queue::CountersNow) and today's waiting counts per area;
//   - the last kBoardRecentCalls calls, newest first, fed by the journal's "queue.called" and
//     "queue.recalled" events (queue::CallsSince from `last_seq`);
//   - the public lists the province's directive says must be shown (LEGAL: Tuyên Quang People's
//     Committee directive of 03/2024, items 1.2 and 8.2; docs/directive-tuyen-quang-2024.txt): the
//     officers with late dossiers this month and the communes' indicator results, built by
//     reports/lists.h over the month's score exactly as `motcua report officers|communes` builds them;
//     and the center's notices (setting board.notices). They take turns in one panel ("slides"), each
//     for board.rotation_seconds.
//
// The feed, step by step:
//   SeedBoard       reads the journal's tail (at most kBoardSeedEvents events): today's calls fill the
//                   "last calls" list; nothing is announced (a board switched on at 10:00 must not call
//                   again everyone called since 7:30). last_seq = the journal's head.
//   PollBoard       whenever BoardPollDue says so: the calls after last_seq, each seen exactly once, oldest
//                   first. Each goes to the top of the list (a recall of a ticket already listed moves
//                   it up, marked as a recall) and is returned as announcements (Vietnamese, then English
//                   when board.announce_english is "true") for speech::Announcer, which says them one
//                   after another in this order. A recall is announced again: that is what a recall is
//                   for. The counters and waiting counts are re-read whenever the journal moved.
// When to poll (BoardPollDue): when the journal's head (live_journal.h: a store::ChangeFeed woken by
// PostgreSQL's NOTIFY, or reading a SQLite file's head every 250 ms) is past last_seq, at once; besides
// that only every kBoardRefreshInterval (settings, areas), at a new day, and every kBoardPollInterval
// while the last read failed. Without a feed (none could be opened) every kBoardPollInterval, as before.
// While the feed is reconnecting the board shows the banner of LiveBanner over what it last read.
// Time is injected (`now`); the day is Vietnam's (LocalDateVn). At a new day the list empties.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/working_calendar.h"
#include "common/result.h"
#include "common/time.h"
#include "dossier/lifecycle.h"
#include "queue/areas.h"
#include "queue/figures.h"
#include "reports/lists.h"
#include "speech/spoken_number.h"
#include "store/change_feed.h"
#include "store/store.h"
#include "workflow/desk.h"

namespace motcua::ui {

inline constexpr int kBoardRecentCalls = 6;                          // the "last calls" list
inline constexpr int kBoardRowsPerSlide = 5;                         // table rows on one slide
inline constexpr int kBoardNoticesPerSlide = 3;                      // notice lines on one slide
inline constexpr std::int64_t kBoardSeedEvents = 5000;               // journal tail read at start
inline constexpr std::chrono::milliseconds kBoardPollInterval{250};  // journal polling without a feed,
                                                                     // and retries after a failed read
inline constexpr std::chrono::seconds kBoardRefreshInterval{30};     // settings, areas, counts
inline constexpr std::chrono::minutes kBoardListsInterval{10};       // re-scoring the public lists

// ---- settings -----------------------------------------------------------------------------------
// Store settings, shared by every board of the center:
//   board.rotation_seconds    5..600 (default 15): how long each slide of the rotating panel stays
//   board.highlight_seconds   2..60 (default 10): how long the newest call blinks
//   board.notices             the center's notices, one per line (blank lines dropped; each line at
//                             most 300 characters, at most 30 lines); default none
//   board.announce_english    true | false (default false): each call is said in English after Vietnamese
//   queue.speech.thousand     nghìn | ngàn (default nghìn)   } how the numbers are read aloud
//   queue.speech.zero_tens    linh | lẻ (default linh)       } (speech/spoken_number.h; the ASCII
//   queue.speech.four         tư | bốn (default tư)          }  spellings nghin, ngan, le, tu, bon too)
struct BoardSettings {
  int rotation_seconds = 15;
  int highlight_seconds = 10;
  std::vector<std::string> notices;  // NFC, trimmed, non-empty lines
  bool announce_english = false;
  speech::NumberReading reading;     // default northern: nghìn, linh, tư
};

// Every key above, in order, nullptr-terminated.
const char* const* BoardSettingKeys();
// Errors: kCorrupt/"bad_setting" on the key whose stored value is not valid.
Result<BoardSettings> LoadBoardSettings(store::Store& store);
// Checks and stores one setting, journaling "station.settings_changed". Needs
// Permission::kManageCatalog. Errors: ("key", "unknown_setting"); ("<key>", "bad_value" /
// "out_of_range" / "too_many_lines"); the text checks of CheckTextLine on board.notices ("bad_utf8",
// "control_character", "too_long"); ParseNumberReading's ("not_a_choice" on thousand / zero_tens /
// four, reported on the full key); ("role", "not_allowed"); the store's. Nothing changes on an error.
Status SaveBoardSetting(store::Store& store, const workflow::Actor& actor, std::string_view key,
                        std::string_view value, Instant now);

// ---- calls ----------------------------------------------------------------------------------------

struct BoardCall {
  std::int64_t seq = 0;   // the journal event
  std::string label;      // "A001"
  std::string counter;    // "5"
  std::string area;       // "A"
  Instant at{};           // the event's time
  bool recall = false;
};

// One sentence for speech::Announcer::Announce(sentence, voice).
struct BoardAnnouncement {
  std::string label;
  std::string counter;
  std::string sentence;  // "Mời khách hàng số A một đến quầy số năm"
  std::string voice;     // "vi" or "en"
  bool recall = false;
};

// What is said for `call`: the Vietnamese sentence with the center's number reading, then the English
// one when settings.announce_english. Empty when the call cannot be said (speech::CheckCall fails:
// a label or counter that is not a ticket or a counter name).
std::vector<BoardAnnouncement> AnnouncementsFor(const BoardCall& call, const BoardSettings& settings);

// ---- public lists ---------------------------------------------------------------------------------

struct BoardPublicLists {
  Instant computed_at{};  // "Số liệu đến ngày <LocalDateVn(computed_at)>"
  int year = 0;           // the month scored: the one `computed_at` falls in (Vietnam time)
  unsigned month = 0;
  std::int64_t dossiers = 0;     // dossiers received in the month (the center card's denominator)
  reports::LateOfficers officers;  // with OfficerOptions::now = computed_at (nobody named early)
  reports::CommuneTable communes;
};

// Scores the month of `now` by unit (scoring::ScoreStore, as the score card does) and builds the two
// public lists. Reads only. Errors: the scorer's, the lists' and the store's.
Result<BoardPublicLists> LoadBoardPublicLists(store::Store& store, const dossier::StatusMap& status_map,
                                              const calendar::WorkingCalendar& calendar, Instant now);

// ---- the model ------------------------------------------------------------------------------------

enum class BoardPanel { kLateOfficers, kCommunes, kNotices };
const char* BoardPanelKey(BoardPanel panel);  // "officers", "communes", "notices"

// One turn of the rotating panel: a page of one list.
struct BoardSlide {
  BoardPanel panel = BoardPanel::kLateOfficers;
  int page = 0;   // 0-based
  int pages = 1;  // of this panel
  friend bool operator==(const BoardSlide&, const BoardSlide&) = default;
};

struct BoardModel {
  BoardSettings settings;
  std::string center_name;                    // the receiving unit (setting receiving_unit)
  LocalDate day{};                            // the Vietnam day shown
  std::vector<queue::Area> areas;             // by letter
  std::map<std::string, queue::WaitingCount> waiting;  // today's, by area letter
  std::vector<queue::CounterCall> counters;   // today's current calls, by counter (1, 2, ..., 10)
  std::vector<BoardCall> recent;              // newest first, at most kBoardRecentCalls, one per label
  std::int64_t last_seq = 0;                  // the journal read up to here
  bool seeded = false;
  std::optional<BoardCall> newest;            // the newest call seen live (not seeded)
  Instant newest_seen_at{};                   // when this board saw it (blinks from then)
  Instant refreshed_at{};                     // settings, areas and counts last read

  std::optional<BoardPublicLists> lists;      // nullopt until first loaded
  std::string lists_error;                    // the last load's error (English, for the log line)
  std::vector<BoardSlide> slides;             // BoardSlides(*this), refreshed by TickRotation
  std::size_t slide = 0;                      // index into slides
  Instant slide_started{};

  std::string audio_problem;                  // "" = the board can speak; else why not (one line)
  std::optional<Error> store_error;           // the last failed read (the board keeps showing the rest)
  store::FeedStatus feed;                     // the change feed's state (the app copies it each frame);
                                              // kReconnecting shows the banner
};

// Settings, areas, counts and current calls, and today's last calls from the journal's tail; no
// announcement. Errors: the store's and LoadBoardSettings'.
Status SeedBoard(BoardModel& model, store::Store& store, Instant now);

// The new calls since the last poll (see the file comment), as announcements in the order to say them.
// Also re-reads the settings and areas every kBoardRefreshInterval, and the counts whenever the journal
// moved or the day changed. On an error the model keeps what it had (store_error is set) and nothing is
// announced; the next poll reads from the same seq again.
Result<std::vector<BoardAnnouncement>> PollBoard(BoardModel& model, store::Store& store, Instant now);

// Whether a frame at `now` should call PollBoard (see the file comment). `journal_head`: the head the
// change feed last read (nullopt: no feed, poll on the clock); `last_poll`: when PollBoard last ran.
bool BoardPollDue(const BoardModel& model, std::optional<std::int64_t> journal_head,
                  std::chrono::system_clock::time_point last_poll, std::chrono::system_clock::time_point now);

// The rotation's slides: the officers' pages, the communes' pages (each at least one page: with no rows
// the slide says so), then the notices' pages when there are notices.
std::vector<BoardSlide> BoardSlides(const BoardModel& model);

// Installs freshly loaded lists; the rotation goes on where it was (clamped to the new slides).
void SetBoardLists(BoardModel& model, BoardPublicLists lists);

// Moves to the next slide once the current one has been shown settings.rotation_seconds. Returns true
// when the slide changed. The first call starts the clock.
bool TickRotation(BoardModel& model, Instant now);

// True while the newest call blinks (settings.highlight_seconds after it was seen).
bool IsHighlighted(const BoardModel& model, Instant now);

}  // namespace motcua::ui
