// The work list: one store query per refresh (never per frame), the urgency of every row classified
// once per refresh, and every filter and the search applied in memory over the cached rows.
#include <algorithm>
#include <cctype>

#include "common/text.h"
#include "print/form_pdf.h"
#include "workflow/receipt_form.h"
#include "ui_model/internal/counter_apply.h"

namespace motcua::ui {
namespace {

bool StateMatches(const std::string& key, dossier::State s) {
  if (key == "all") return true;
  if (key == "open") return !dossier::IsFinished(s);
  return key == dossier::StateKey(s);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Most urgent first: overdue, due today, due tomorrow, on track, paused, no due date, finished.
int UrgencyRank(workflow::Urgency u) { return static_cast<int>(u); }

bool WordPrefixesMatch(std::string_view words_text, std::string_view query) {
  // Every query word must be the start of some word of the text (both folded, space separated).
  std::size_t q = 0;
  while (q < query.size()) {
    const std::size_t end = std::min(query.find(' ', q), query.size());
    const std::string_view word = query.substr(q, end - q);
    q = end + 1;
    if (word.empty()) continue;
    bool found = false;
    std::size_t t = 0;
    while (t < words_text.size()) {
      const std::size_t tend = std::min(words_text.find(' ', t), words_text.size());
      if (words_text.substr(t, tend - t).rfind(word, 0) == 0) {
        found = true;
        break;
      }
      t = tend + 1;
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

bool WorklistRowMatches(const WorklistRow& row, std::string_view folded_query, std::string_view upper_query) {
  if (folded_query.empty()) return true;
  if (!upper_query.empty() && row.code.rfind(upper_query, 0) == 0) return true;
  if (!upper_query.empty() && row.applicant_id.rfind(upper_query, 0) == 0) return true;
  return WordPrefixesMatch(row.search_name, folded_query);
}

void FilterWorklist(WorklistModel& w) {
  w.visible.clear();
  w.urgency_counts.fill(0);
  const std::string folded = FoldForSearch(w.search);
  const std::string upper = Upper(Trim(w.search));
  for (std::size_t i = 0; i < w.rows.size(); ++i) {
    const WorklistRow& r = w.rows[i];
    if (!StateMatches(w.state_key, r.state)) continue;
    if (!w.procedure_code.empty() && r.procedure_code != w.procedure_code) continue;
    if (!WorklistRowMatches(r, folded, upper)) continue;
    ++w.urgency_counts[static_cast<int>(r.urgency)];
    if (w.urgency && r.urgency != *w.urgency) continue;
    w.visible.push_back(static_cast<int>(i));
  }
  std::stable_sort(w.visible.begin(), w.visible.end(), [&](int a, int b) {
    const WorklistRow& x = w.rows[a];
    const WorklistRow& y = w.rows[b];
    if (UrgencyRank(x.urgency) != UrgencyRank(y.urgency)) return UrgencyRank(x.urgency) < UrgencyRank(y.urgency);
    if (x.due_at != y.due_at) {
      if (!x.due_at) return false;
      if (!y.due_at) return true;
      return *x.due_at < *y.due_at;
    }
    return x.code < y.code;
  });
}

namespace internal {

Status LoadWorklist(CounterModel& model, const CounterBackend& backend) {
  WorklistModel& w = model.worklist;
  const Station& station = *backend.station;
  store::DossierQuery q;
  q.limit = kWorklistMaxRows;
  if (w.only_own_unit && model.session && !model.session->unit.empty()) q.processing_unit = model.session->unit;
  Result<std::vector<store::DossierSummary>> found = station.store->ListDossiers(q);
  w.loaded_at = backend.now;
  w.stale = false;
  if (!found.has_value()) {
    w.error = found.error();
    return std::move(found.error());
  }
  w.error.reset();
  w.rows.clear();
  w.rows.reserve(found->size());
  std::vector<std::pair<std::string, std::string>> procedures;
  for (store::DossierSummary& s : *found) {
    WorklistRow r;
    r.code = std::move(s.code);
    r.applicant_name = NormalizeNfc(s.applicant_name);
    r.applicant_id = std::move(s.applicant_id);
    r.procedure_code = std::move(s.procedure_code);
    r.procedure_name = NormalizeNfc(s.procedure_name);
    r.processing_unit = std::move(s.processing_unit);
    r.state = s.state;
    r.received_at = s.received_at;
    r.due_at = s.due_at;
    r.urgency = workflow::ClassifyUrgency(*station.calendar, s.state, s.due_at, backend.now);
    r.received_text = print::FormatShortDateTime(s.received_at);
    if (s.due_at) r.due_text = print::FormatShortDateTime(*s.due_at);
    r.search_name = FoldForSearch(r.applicant_name);
    procedures.emplace_back(r.procedure_code, r.procedure_name);
    w.rows.push_back(std::move(r));
  }
  std::sort(procedures.begin(), procedures.end());
  procedures.erase(std::unique(procedures.begin(), procedures.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   procedures.end());
  w.procedures = std::move(procedures);
  FilterWorklist(w);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetWorklistSearch& a) {
  model.worklist.search = a.text;
  FilterWorklist(model.worklist);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetWorklistStateFilter& a) {
  if (a.key != "open" && a.key != "all" && !dossier::ParseState(a.key).has_value())
    return Invalid("state", "unknown_state", "no state " + a.key);
  model.worklist.state_key = a.key;
  FilterWorklist(model.worklist);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetWorklistProcedureFilter& a) {
  model.worklist.procedure_code = a.code;
  FilterWorklist(model.worklist);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend&, const SetWorklistUrgencyFilter& a) {
  model.worklist.urgency = a.urgency;
  FilterWorklist(model.worklist);
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const SetWorklistOwnUnit& a) {
  model.worklist.only_own_unit = a.only_own_unit;
  return LoadWorklist(model, backend);
}

Status Apply(CounterModel& model, const CounterBackend& backend, const RefreshWorklist&) {
  return LoadWorklist(model, backend);
}

Status Apply(CounterModel& model, const CounterBackend& backend, const OpenDossier& a) {
  Status s = OpenDossierScreen(model, backend, std::string(Trim(a.code)));
  if (!s.has_value()) {
    SetNotice(model, "notice.scan_error", ErrorMessage(model.lang, s.error()), Tone::kDanger);
    return s;
  }
  model.worklist.selected_code = model.dossier.dossier->code;
  return Ok();
}

Status Apply(CounterModel& model, const CounterBackend& backend, const PrintTrackingBook&) {
  const Station& station = *backend.station;
  const WorklistModel& w = model.worklist;
  if (w.visible.empty()) {
    Error e = Invalid("worklist", "empty", "the list shows no dossier to print");
    SetNotice(model, "notice.print_error", ErrorMessage(model.lang, e), Tone::kWarning);
    return e;
  }
  print::TrackingBookForm form;
  form.header = workflow::DeskFormHeader(station.desk.settings, LocalDateVn(backend.now));
  form.year = static_cast<int>(std::chrono::year_month_day(LocalDateVn(backend.now)).year());
  Result<store::JournalHead> head = station.store->Head();
  if (!head.has_value()) return std::move(head.error());
  form.journal_anchor = print::JournalAnchorText(head->seq, head->hash);
  // The book's dates come from each dossier's steps (transfer, result, return), so the full dossiers
  // are read here, once, for the rows on screen.
  for (int i : w.visible) {
    Result<std::optional<dossier::Dossier>> found = station.store->GetDossier(w.rows[i].code);
    if (!found.has_value()) return std::move(found.error());
    if (!found->has_value()) continue;
    const dossier::Dossier& d = **found;
    print::TrackingBookRow row;
    row.dossier_code = d.code;
    row.procedure_name = d.procedure_name;
    row.sets = d.sets;
    row.applicant_name = d.applicant.name;
    row.applicant_contact = d.applicant.address + (d.applicant.phone.empty() ? "" : ", " + d.applicant.phone);
    row.handling_body = d.processing_unit;
    row.received_at = d.received_at;
    row.due_at = d.due_at;
    for (const dossier::Step& s : d.steps) {
      if (s.state == dossier::State::kTransferred && !row.transferred_at) row.transferred_at = s.at;
      if (s.state == dossier::State::kDone && !row.result_received_at) row.result_received_at = s.at;
    }
    row.returned_at = d.returned_at;
    if (dossier::IsTerminal(d.state) && d.state != dossier::State::kReturned) row.note = dossier::StateNameVi(d.state);
    form.rows.push_back(std::move(row));
  }
  StartPrint(model, backend, "form.tracking_book", "", "mau06",
             [form = std::move(form)] { return print::RenderTrackingBookPdf(form); });
  return Ok();
}

}  // namespace internal
}  // namespace motcua::ui
