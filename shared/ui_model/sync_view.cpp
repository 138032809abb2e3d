#include "ui_model/sync_view.h"

#include <cstdlib>

#include "ui_model/shell_view.h"

namespace motcua::ui {
namespace {

std::string LastSuccess(Lang lang, const sync::SyncStatus& status) {
  if (!status.last_success_at) return Tr(lang, "sync.badge.never");
  return FormatText(Tr(lang, "sync.badge.last_success"), {{"time", FormatShortWhen(*status.last_success_at)}});
}

// The server's failure in words ("sync.rule.<rule>"), or the rule itself for one without text yet.
std::string RuleText(Lang lang, const std::string& rule) {
  const char* text = FindString(lang, "sync.rule." + rule);
  return text != nullptr ? text : rule;
}

std::string Count(std::int64_t n) { return std::to_string(n); }

}  // namespace

SyncBadgeView MakeSyncBadgeView(Lang lang, const SyncModel& sync, Instant) {
  SyncBadgeView v;
  if (!sync.snapshot) {
    v.text = Tr(lang, "sync.badge.checking");
    return v;
  }
  const SyncSnapshot& s = *sync.snapshot;
  if (!s.configured) {
    v.text = Tr(lang, "sync.badge.not_configured");
    return v;
  }
  const std::string pending = FormatText(Tr(lang, "sync.badge.pending"), {{"n", Count(s.pending.dossiers)}});
  const std::string sep = " · ";
  if (s.status.offline) {
    v.text = std::string(Tr(lang, "sync.badge.offline")) + sep + pending + sep + LastSuccess(lang, s.status);
    v.tone = Tone::kWarning;
  } else if (s.error || !s.status.last_error_rule.empty()) {
    const std::string why = s.error ? ErrorMessage(lang, *s.error) : RuleText(lang, s.status.last_error_rule);
    v.text = FormatText(Tr(lang, "sync.badge.error"), {{"why", why}}) + sep + pending;
    v.tone = Tone::kDanger;
  } else if (s.pending.dossiers > 0) {
    v.text = pending + sep + LastSuccess(lang, s.status);
    v.tone = Tone::kInfo;
  } else {
    v.text = std::string(Tr(lang, "sync.badge.synced")) + sep + LastSuccess(lang, s.status);
    v.tone = Tone::kSuccess;
  }
  const std::int64_t parked = static_cast<std::int64_t>(s.parked.size());
  if (parked > 0) v.text += sep + FormatText(Tr(lang, "sync.badge.parked"), {{"n", Count(parked)}});
  if (s.status.skew_seconds && std::llabs(*s.status.skew_seconds) > sync::kMaxSkewSeconds) {
    const std::int64_t minutes = (std::llabs(*s.status.skew_seconds) + 30) / 60;  // rounded: 150 s -> 3
    v.skew_text = FormatText(Tr(lang, "sync.skew"), {{"minutes", Count(minutes)}});
  }
  return v;
}

SyncScreenView MakeSyncScreenView(const CounterModel& model, Instant now) {
  const Lang lang = model.lang;
  SyncScreenView v;
  v.title = Tr(lang, "sync.title");
  v.badge = MakeSyncBadgeView(lang, model.sync, now);
  if (model.sync.snapshot && model.sync.snapshot->configured) {
    const SyncSnapshot& s = *model.sync.snapshot;
    v.status_lines.push_back(FormatText(Tr(lang, "sync.status.pending"),
                                        {{"n", Count(s.pending.dossiers)}, {"events", Count(s.pending.events)}}));
    v.status_lines.push_back(FormatText(
        Tr(lang, "sync.status.last_success"),
        {{"time", s.status.last_success_at ? FormatShortWhen(*s.status.last_success_at) : Tr(lang, "sync.badge.never")}}));
    if (!s.status.last_error_rule.empty())
      v.status_lines.push_back(FormatText(
          Tr(lang, "sync.status.last_error"),
          {{"time", s.status.last_error_at ? FormatShortWhen(*s.status.last_error_at) : ""},
           {"why", RuleText(lang, s.status.last_error_rule)}}));
  }
  // Refused records stay refused if the settings are removed later: list them whenever they exist.
  if (model.sync.snapshot)
    for (const ParkedRecord& r : model.sync.snapshot->parked)
      v.rows.push_back({r.code, r.parked_at ? FormatShortWhen(*r.parked_at) : "", r.message});
  v.parked_heading = FormatText(Tr(lang, "sync.parked_heading"), {{"n", Count(static_cast<std::int64_t>(v.rows.size()))}});
  v.parked_intro = Tr(lang, "sync.parked_intro");
  v.code_label = Tr(lang, "sync.col.code");
  v.when_label = Tr(lang, "sync.col.when");
  v.message_label = Tr(lang, "sync.col.message");
  v.empty_text = Tr(lang, "sync.no_parked");
  v.resend_label = Tr(lang, "sync.resend");
  v.can_resend = SessionCan(model.session, workflow::Permission::kResendSync);
  if (!v.can_resend) v.resend_hint = Tr(lang, "sync.resend_needs_role");
  if (model.sync.error) v.error_text = ErrorMessage(lang, *model.sync.error);
  v.error_serial = model.sync.error_serial;
  if (!model.sync.notice_key.empty())
    v.notice_text = FormatText(Tr(lang, model.sync.notice_key), {{"arg", model.sync.notice_arg}});
  return v;
}

}  // namespace motcua::ui
