// The queue call panel as plain data (shell_view.h QueuePanelView), from counter_app.h QueuePanelModel.
#include "ui_model/shell_view.h"

namespace motcua::ui {
namespace {

std::string AreaName(Lang lang, const queue::Area& a) {
  return lang == Lang::kEn && !a.name_en.empty() ? a.name_en : a.name;
}

std::string PriorityName(Lang lang, const QueuePanelModel& q, const std::string& key) {
  for (const queue::PriorityGroup& g : q.priority_groups)
    if (g.key == key) return lang == Lang::kEn && !g.name_en.empty() ? g.name_en : g.name;
  return key;  // a group the file no longer lists: its key still says the ticket is a priority one
}

}  // namespace

std::string QueueErrorText(Lang lang, const Error& error, std::string_view arg) {
  const char* text = nullptr;
  if (!error.field.empty()) text = FindString(lang, "queue.error." + error.field + "." + error.rule);
  if (text == nullptr) text = FindString(lang, "queue.error." + error.rule);
  if (text == nullptr) return ErrorMessage(lang, error);
  return FormatText(text, {{"arg", arg}});
}

std::optional<QueuePanelView> MakeQueuePanelView(const CounterModel& model) {
  const QueuePanelModel& q = model.queue;
  if (q.counter.empty() || !SessionCan(model.session, workflow::Permission::kReceive)) return std::nullopt;
  const Lang lang = model.lang;
  QueuePanelView v;
  v.counter_text = FormatText(Tr(lang, "queue.counter"), {{"counter", q.counter}});
  v.serving_title = Tr(lang, "queue.serving");
  v.idle_text = Tr(lang, "queue.idle");
  if (q.serving) {
    const queue::Ticket& t = *q.serving;
    v.has_ticket = true;
    v.ticket_label = t.label;
    v.is_priority = !t.priority.empty();
    std::string detail;
    if (v.is_priority)
      detail = FormatText(Tr(lang, "queue.priority"), {{"group", PriorityName(lang, q, t.priority)}}) + " · ";
    const std::int64_t minutes = t.waited_seconds / 60;
    detail += minutes < 1 ? Tr(lang, "queue.waited_under_minute")
                          : FormatText(Tr(lang, "queue.waited"), {{"minutes", std::to_string(minutes)}});
    if (q.linked_ticket_key == t.Key() && !q.dossier_codes.empty())
      detail += " · " + FormatText(Tr(lang, "queue.dossiers_received"), {{"count", std::to_string(q.dossier_codes.size())}});
    v.ticket_detail = std::move(detail);
    v.transfer_title = FormatText(Tr(lang, "queue.transfer_title"), {{"ticket", t.label}});
    for (const queue::Area& a : q.areas)
      if (a.letter != t.area) v.transfer_to.push_back({a.letter, a.letter + " · " + AreaName(lang, a)});
  }
  std::string waiting;
  for (const QueueLineCount& line : q.lines) {
    if (!waiting.empty()) waiting += " · ";
    const std::int64_t total = line.waiting_priority + line.waiting_normal;
    waiting += line.waiting_priority > 0
                   ? FormatText(Tr(lang, "queue.line_with_priority"),
                                {{"area", line.area.letter},
                                 {"count", std::to_string(total)},
                                 {"priority", std::to_string(line.waiting_priority)}})
                   : FormatText(Tr(lang, "queue.line"), {{"area", line.area.letter}, {"count", std::to_string(total)}});
  }
  v.waiting_text = waiting.empty() ? Tr(lang, "queue.no_lines")
                                   : FormatText(Tr(lang, "queue.waiting"), {{"lines", waiting}});
  v.next_label = Tr(lang, "queue.next");
  v.recall_label = Tr(lang, "queue.recall");
  v.no_show_label = Tr(lang, "queue.no_show");
  v.transfer_label = Tr(lang, "queue.transfer");
  v.finish_label = Tr(lang, "queue.finish");
  v.cancel_label = Tr(lang, "common.cancel");
  if (q.error) {
    v.message_text = QueueErrorText(lang, *q.error, q.error_arg);
    v.message_tone = Tone::kDanger;
  } else if (!q.notice_key.empty()) {
    v.message_text = FormatText(Tr(lang, q.notice_key), {{"arg", q.notice_arg}, {"area", q.notice_area}});
    v.message_tone = q.notice_key == "queue.notice.nobody_waiting" ? Tone::kInfo
                     : q.notice_key == "queue.notice.dropped" || q.notice_key == "queue.notice.back_in_line"
                         ? Tone::kWarning
                         : Tone::kSuccess;
  } else if (q.load_error) {
    v.message_text = FormatText(Tr(lang, "queue.load_failed"), {{"why", ErrorMessage(lang, *q.load_error)}});
    v.message_tone = Tone::kWarning;
  }
  return v;
}

}  // namespace motcua::ui
