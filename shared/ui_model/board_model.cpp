#include "ui_model/board_model.h"

#include <algorithm>

#include "common/text.h"
#include "ui_model/internal/setting_table.h"
#include "scoring/store_scoring.h"
#include "speech/announcement.h"

namespace motcua::ui {
namespace {

// The board's own keys; how numbers are read aloud is the queue's (queue::SaveQueueSetting).
constexpr const char* kKeys[] = {
    "board.rotation_seconds", "board.highlight_seconds", "board.notices", "board.announce_english", nullptr,
};
constexpr int kMaxNoticeChars = 300;
constexpr std::size_t kMaxNotices = 30;

Error Bad(std::string_view key, const char* rule, std::string detail) {
  return Invalid(std::string(key), rule, std::move(detail));
}

// The notices: one per line, blank lines dropped, each line checked as a line of text.
Result<std::vector<std::string>> ParseNotices(std::string_view key, std::string_view value) {
  if (!IsValidUtf8(value)) return Bad(key, "bad_utf8", "board.notices is not valid UTF-8");
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find('\n', start);
    if (end == std::string_view::npos) end = value.size();
    std::string_view line = value.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // typed on Windows
    line = Trim(line);
    if (!line.empty()) {
      MOTCUA_TRY(CheckTextLine(line, key, kMaxNoticeChars));
      out.push_back(NormalizeNfc(line));
    }
    start = end + 1;
  }
  if (out.size() > kMaxNotices)
    return Bad(key, "too_many_lines", "board.notices holds at most " + std::to_string(kMaxNotices) + " lines");
  return out;
}

// Parses `value` for `key` into `s` (the one place that knows each key's rules). The number readings
// are checked together by ParseNumberReading; `readings` collects their raw text.
Status Assign(BoardSettings& s, std::string_view key, std::string_view raw) {
  const std::string_view value = key == "board.notices" ? raw : Trim(raw);
  if (key == "board.rotation_seconds") {
    MOTCUA_ASSIGN_OR_RETURN(s.rotation_seconds, internal::WholeNumberSetting(key, value, 5, 600));
  } else if (key == "board.highlight_seconds") {
    MOTCUA_ASSIGN_OR_RETURN(s.highlight_seconds, internal::WholeNumberSetting(key, value, 2, 60));
  } else if (key == "board.notices") {
    MOTCUA_ASSIGN_OR_RETURN(s.notices, ParseNotices(key, value));
  } else if (key == "board.announce_english") {
    if (value != "true" && value != "false") return Bad(key, "bad_value", "board.announce_english must be true or false");
    s.announce_english = value == "true";
  } else {
    return Invalid("key", "unknown_setting", std::string(key) + " is not a display board setting");
  }
  return Ok();
}

bool SameDay(Instant at, LocalDate day) { return LocalDateVn(at) == day; }

BoardCall FromNotice(const queue::CallNotice& n) {
  return {n.seq, n.label, n.counter, n.area, n.at, n.recall};
}

// A call goes on top; an earlier entry of the same ticket leaves the list (a recall moves it up).
void PushRecent(BoardModel& m, const BoardCall& call) {
  std::erase_if(m.recent, [&](const BoardCall& c) { return c.label == call.label; });
  m.recent.insert(m.recent.begin(), call);
  if (m.recent.size() > static_cast<std::size_t>(kBoardRecentCalls)) m.recent.resize(kBoardRecentCalls);
}

Status ReadSettings(BoardModel& m, store::Store& store) {
  MOTCUA_ASSIGN_OR_RETURN(m.settings, LoadBoardSettings(store));
  MOTCUA_ASSIGN_OR_RETURN(auto unit, store.GetSetting("receiving_unit"));
  MOTCUA_ASSIGN_OR_RETURN(auto agency, store.GetSetting("agency_name"));
  m.center_name = unit && !unit->empty() ? *unit : agency ? *agency : "";
  MOTCUA_ASSIGN_OR_RETURN(m.areas, queue::ListAreas(store));
  return Ok();
}

// Today's counts and current calls. A counter still serving a ticket of an earlier day (nobody
// finished it) is not shown: its citizen went home long ago.
Status ReadCounts(BoardModel& m, store::Store& store) {
  std::map<std::string, queue::WaitingCount> waiting;
  for (const queue::Area& a : m.areas) {
    MOTCUA_ASSIGN_OR_RETURN(waiting[a.letter], queue::CountWaiting(store, m.day, a.letter));
  }
  MOTCUA_ASSIGN_OR_RETURN(auto counters, queue::CountersNow(store));
  std::erase_if(counters, [&](const queue::CounterCall& c) { return !SameDay(c.called_at, m.day); });
  m.waiting = std::move(waiting);
  m.counters = std::move(counters);
  return Ok();
}

}  // namespace

const char* const* BoardSettingKeys() { return kKeys; }

Result<BoardSettings> LoadBoardSettings(store::Store& store) {
  BoardSettings s;
  MOTCUA_TRY(internal::ReadSettingTable(store, kKeys, s, Assign));
  MOTCUA_ASSIGN_OR_RETURN(s.reading, queue::LoadNumberReading(store));
  return s;
}

Status SaveBoardSetting(store::Store& store, const workflow::Actor& actor, std::string_view key,
                        std::string_view value, Instant now) {
  if (key.rfind("queue.", 0) == 0) return queue::SaveQueueSetting(store, actor, key, value, now);
  MOTCUA_TRY(workflow::Require(actor, workflow::Permission::kManageCatalog));
  BoardSettings check;
  MOTCUA_TRY(Assign(check, key, value));
  std::string clean;
  if (key == "board.notices") {
    for (const std::string& line : check.notices) clean += (clean.empty() ? "" : "\n") + line;
  } else {
    clean = NormalizeNfc(Trim(value));
  }
  return workflow::SaveJournaledSetting(store, actor, key, clean, clean, now);
}

std::vector<BoardAnnouncement> AnnouncementsFor(const BoardCall& call, const BoardSettings& settings) {
  std::vector<BoardAnnouncement> out;
  std::string vi = speech::CallSentenceVi(call.label, call.counter, settings.reading);
  if (vi.empty()) return out;  // not a ticket or counter: nothing is said rather than something wrong
  out.push_back({call.label, call.counter, std::move(vi), "vi", call.recall});
  if (settings.announce_english) {
    std::string en = speech::CallSentenceEn(call.label, call.counter);
    if (!en.empty()) out.push_back({call.label, call.counter, std::move(en), "en", call.recall});
  }
  return out;
}

Result<BoardPublicLists> LoadBoardPublicLists(store::Store& store, const dossier::StatusMap& status_map,
                                              const calendar::WorkingCalendar& calendar, Instant now) {
  const std::chrono::year_month_day today{LocalDateVn(now)};
  BoardPublicLists out;
  out.computed_at = now;
  out.year = int(today.year());
  out.month = unsigned(today.month());
  // The score card's path (counter_app.cpp LoadScoreCard, reports/store_report.cpp): the month scored
  // by unit, then the lists over it.
  MOTCUA_ASSIGN_OR_RETURN(auto scored, scoring::ScoreStore(store, status_map, calendar,
                                                           indicators::MonthPeriod(out.year, out.month),
                                                           indicators::Grouping::kUnit));
  const reports::Sources src{&scored.report, &scored.records, &store, &calendar};
  MOTCUA_ASSIGN_OR_RETURN(auto names, reports::LoadOfficerNames(store));
  MOTCUA_ASSIGN_OR_RETURN(out.officers, reports::BuildLateOfficers(src, {.officer_names = names, .now = now}));
  MOTCUA_ASSIGN_OR_RETURN(auto listed, reports::LoadCommuneUnits(store));
  MOTCUA_ASSIGN_OR_RETURN(auto procedures, store.LoadProcedures());
  out.communes = reports::BuildCommuneTable(scored.report, scored.records, procedures, listed);
  out.dossiers = scored.report.center.dossiers;
  return out;
}

const char* BoardPanelKey(BoardPanel panel) {
  switch (panel) {
    case BoardPanel::kLateOfficers: return "officers";
    case BoardPanel::kCommunes: return "communes";
    case BoardPanel::kNotices: return "notices";
  }
  return "officers";
}

Status SeedBoard(BoardModel& m, store::Store& store, Instant now) {
  m.day = LocalDateVn(now);
  MOTCUA_TRY(ReadSettings(m, store));
  MOTCUA_ASSIGN_OR_RETURN(store::JournalHead head, store.Head());
  std::int64_t after = std::max<std::int64_t>(0, head.seq - kBoardSeedEvents);
  std::vector<BoardCall> calls;
  for (;;) {  // CallsSince reads at most 5000 events a time
    MOTCUA_ASSIGN_OR_RETURN(queue::CallFeed feed, queue::CallsSince(store, after));
    for (const queue::CallNotice& n : feed.calls)
      if (SameDay(n.at, m.day)) calls.push_back(FromNotice(n));
    if (feed.last_seq == after) break;
    after = feed.last_seq;
  }
  m.recent.clear();
  for (const BoardCall& c : calls) PushRecent(m, c);
  m.last_seq = after;
  MOTCUA_TRY(ReadCounts(m, store));
  m.refreshed_at = now;
  m.newest.reset();
  m.seeded = true;
  m.store_error.reset();
  m.slides = BoardSlides(m);
  return Ok();
}

Result<std::vector<BoardAnnouncement>> PollBoard(BoardModel& m, store::Store& store, Instant now) {
  if (!m.seeded) {
    MOTCUA_TRY(SeedBoard(m, store, now));
    return std::vector<BoardAnnouncement>{};
  }
  auto fail = [&](Error e) -> Error {
    m.store_error = e;
    return e;
  };
  const LocalDate today = LocalDateVn(now);
  const bool new_day = today != m.day;
  if (new_day) {
    m.day = today;
    m.recent.clear();
    m.newest.reset();
  }
  const bool refresh = new_day || now - m.refreshed_at >= kBoardRefreshInterval;
  if (refresh) {
    if (Status s = ReadSettings(m, store); !s) return fail(s.error());
  }
  Result<queue::CallFeed> feed = queue::CallsSince(store, m.last_seq);
  if (!feed) return fail(feed.error());
  const bool moved = feed->last_seq != m.last_seq;
  std::vector<BoardAnnouncement> out;
  std::vector<BoardCall> calls;
  for (const queue::CallNotice& n : feed->calls) calls.push_back(FromNotice(n));
  if (moved || refresh) {
    // Counts first: if they cannot be read, the calls are read again next time rather than lost.
    if (Status s = ReadCounts(m, store); !s) return fail(s.error());
    m.refreshed_at = refresh ? now : m.refreshed_at;
  }
  m.last_seq = feed->last_seq;
  for (const BoardCall& c : calls) {
    if (!SameDay(c.at, m.day)) continue;  // an old event synced in late: not a call for this hall
    PushRecent(m, c);
    m.newest = c;
    m.newest_seen_at = now;
    for (BoardAnnouncement& a : AnnouncementsFor(c, m.settings)) out.push_back(std::move(a));
  }
  m.store_error.reset();
  return out;
}

bool BoardPollDue(const BoardModel& m, std::optional<std::int64_t> journal_head,
                  std::chrono::system_clock::time_point last_poll, std::chrono::system_clock::time_point now) {
  const auto since = now - last_poll;
  if (!m.seeded || !journal_head || m.store_error) return since >= kBoardPollInterval;
  if (*journal_head > m.last_seq) return true;  // woken by the feed: at once
  const Instant at = std::chrono::floor<std::chrono::seconds>(now);
  return at - m.refreshed_at >= kBoardRefreshInterval || LocalDateVn(at) != m.day;
}

std::vector<BoardSlide> BoardSlides(const BoardModel& m) {
  auto pages = [](std::size_t rows, int per) { return std::max(1, static_cast<int>((rows + per - 1) / per)); };
  std::vector<BoardSlide> out;
  const int officer_pages = pages(m.lists ? m.lists->officers.rows.size() : 0, kBoardRowsPerSlide);
  for (int p = 0; p < officer_pages; ++p) out.push_back({BoardPanel::kLateOfficers, p, officer_pages});
  const int commune_pages = pages(m.lists ? m.lists->communes.rows.size() : 0, kBoardRowsPerSlide);
  for (int p = 0; p < commune_pages; ++p) out.push_back({BoardPanel::kCommunes, p, commune_pages});
  if (!m.settings.notices.empty()) {
    const int notice_pages = pages(m.settings.notices.size(), kBoardNoticesPerSlide);
    for (int p = 0; p < notice_pages; ++p) out.push_back({BoardPanel::kNotices, p, notice_pages});
  }
  return out;
}

void SetBoardLists(BoardModel& m, BoardPublicLists lists) {
  m.lists = std::move(lists);
  m.lists_error.clear();
  const BoardSlide was = m.slide < m.slides.size() ? m.slides[m.slide] : BoardSlide{};
  m.slides = BoardSlides(m);
  // Stay on the same panel (its first page if the page is gone), so a refresh does not jump.
  m.slide = 0;
  for (std::size_t i = 0; i < m.slides.size(); ++i)
    if (m.slides[i].panel == was.panel && (m.slides[i].page == was.page || m.slides[i].page == 0)) {
      m.slide = i;
      if (m.slides[i].page == was.page) break;
    }
}

bool TickRotation(BoardModel& m, Instant now) {
  std::vector<BoardSlide> slides = BoardSlides(m);
  if (slides != m.slides) {  // the notices changed: start the rotation over
    m.slides = std::move(slides);
    m.slide = 0;
    m.slide_started = now;
    return true;
  }
  if (m.slide_started == Instant{}) {
    m.slide_started = now;
    return false;
  }
  if (now - m.slide_started < std::chrono::seconds(m.settings.rotation_seconds) || m.slides.size() < 2) return false;
  m.slide = (m.slide + 1) % m.slides.size();
  m.slide_started = now;
  return true;
}

bool IsHighlighted(const BoardModel& m, Instant now) {
  return m.newest && now - m.newest_seen_at < std::chrono::seconds(m.settings.highlight_seconds);
}

}  // namespace motcua::ui
