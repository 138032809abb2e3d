#include "ui_model/live_journal.h"

#include <chrono>
#include <cstdio>

#include "common/time.h"

namespace motcua::ui {
namespace {

// How long one wait lasts before the watcher looks at quit_ again without an Interrupt (a safety net:
// the destructor interrupts).
constexpr std::chrono::seconds kWaitSlice{5};

bool SameState(const store::FeedStatus& a, const store::FeedStatus& b) {
  return a.state == b.state && a.since == b.since && a.reconnects == b.reconnects;
}

}  // namespace

JournalWatcher::JournalWatcher(std::unique_ptr<store::ChangeFeed> feed, std::int64_t from_seq,
                               std::function<void()> wake)
    : feed_(std::move(feed)), wake_(std::move(wake)) {
  live_.head_seq = from_seq;
  live_.status = feed_->Status();
  thread_ = std::thread([this, from_seq] { Run(from_seq); });
}

JournalWatcher::~JournalWatcher() {
  quit_ = true;
  feed_->Interrupt();
  thread_.join();
}

LiveJournal JournalWatcher::Snapshot() const {
  std::lock_guard lock(mu_);
  return live_;
}

void JournalWatcher::Run(std::int64_t after) {
  while (!quit_) {
    const store::ChangeWait w = feed_->WaitForChange(after, kWaitSlice);
    if (quit_) return;
    bool moved = false;
    {
      std::lock_guard lock(mu_);
      moved = w.head_seq > live_.head_seq || !SameState(w.status, live_.status);
      if (w.head_seq > live_.head_seq) live_.head_seq = w.head_seq;
      live_.status = w.status;
    }
    if (w.changed) after = w.head_seq;
    if (moved && wake_) wake_();
  }
}

Result<std::unique_ptr<JournalWatcher>> WatchJournal(const std::string& location, std::int64_t from_seq,
                                                     std::function<void()> wake) {
  MOTCUA_ASSIGN_OR_RETURN(std::unique_ptr<store::ChangeFeed> feed, store::OpenChangeFeed(location));
  return std::make_unique<JournalWatcher>(std::move(feed), from_seq, std::move(wake));
}

std::string LiveBanner(const store::FeedStatus& status, Lang lang) {
  if (status.state != store::FeedState::kReconnecting) return "";
  const std::string minute = FormatLocalMinute(ToLocalVn(status.since));  // "YYYY-MM-DD HH:MM"
  return FormatText(Tr(lang, "live.reconnecting"), {{"time", minute.substr(11)}});
}

}  // namespace motcua::ui
