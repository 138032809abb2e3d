// Following the center's journal on a screen (issue 15): a thread waits on a store::ChangeFeed and asks
// the app's frame loop for a frame whenever the journal moved or the connection's state changed; the
// frame then reads the store from where it last read (the board its calls, the counter its lists). On
// PostgreSQL the wake comes from the server's NOTIFY, so nothing reads the database while nothing
// happens; on SQLite the feed reads the journal's head every 250 ms (a file has no notifications).
//
// While the feed says kReconnecting, the screens show LiveBanner's sentence ("Mất kết nối cơ sở dữ liệu
// trung tâm, đang kết nối lại…") and keep showing what they last read; it clears when the feed is
// connected again, and the next frame reloads whatever was written meanwhile (it reads from its last
// seq: the journal is the source, the feed only wakes).
//
// Threads: the watcher's thread calls only the feed and `wake`; Snapshot() is read by the frame loop.
// The store itself stays on the UI thread (the feed has its own connection).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/result.h"
#include "store/change_feed.h"
#include "store/store.h"
#include "ui_model/strings.h"

namespace motcua::ui {

// What a frame reads from the watcher.
struct LiveJournal {
  std::int64_t head_seq = 0;  // the journal's head as the feed last read it
  store::FeedStatus status;   // connected / reconnecting since ..., pushes or polls
};

class JournalWatcher {
 public:
  // Starts the thread, which waits for changes past `from_seq` (the seq the screen has read up to).
  // `wake` runs on the watcher's thread each time head_seq moves or the feed's state changes; it must
  // return quickly (the apps push an SDL event).
  JournalWatcher(std::unique_ptr<store::ChangeFeed> feed, std::int64_t from_seq, std::function<void()> wake);
  ~JournalWatcher();  // interrupts the wait and joins the thread
  JournalWatcher(const JournalWatcher&) = delete;
  JournalWatcher& operator=(const JournalWatcher&) = delete;

  LiveJournal Snapshot() const;

 private:
  void Run(std::int64_t from_seq);

  std::unique_ptr<store::ChangeFeed> feed_;
  std::function<void()> wake_;
  mutable std::mutex mu_;
  LiveJournal live_;  // guarded by mu_
  std::atomic<bool> quit_{false};
  std::thread thread_;  // last: starts once everything above exists
};

// Opens a change feed on `location` (the station's database, as store::Open takes it) and starts a
// watcher from `from_seq`. Errors: store::OpenChangeFeed's.
Result<std::unique_ptr<JournalWatcher>> WatchJournal(const std::string& location, std::int64_t from_seq,
                                                     std::function<void()> wake);

// The banner for `status`: "" unless it is kReconnecting; then the sentence of "live.reconnecting" with
// the time the trouble began (Vietnam time, HH:MM).
std::string LiveBanner(const store::FeedStatus& status, Lang lang);

}  // namespace motcua::ui
