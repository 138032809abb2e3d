#include "ui_model/kiosk_view.h"

#include <algorithm>
#include <map>

#include "codes/vietqr.h"
#include "common/text.h"
#include "speech/spoken_text.h"
#include "ui_model/shell_view.h"

namespace motcua::ui {
namespace {

const catalog::Procedure* FindProcedure(const KioskBackend& b, std::string_view code) {
  for (const catalog::Procedure& p : *b.procedures)
    if (p.code == code) return &p;
  return nullptr;
}

std::string T(const KioskModel& m, std::string_view key) { return Tr(m.citizen.lang, key); }

KioskTextBox Box(const KioskModel& m, KioskField field, const OskField& value, std::string_view label_key,
                 std::string_view placeholder_key = {}) {
  KioskTextBox box;
  box.field = field;
  box.label = T(m, label_key);
  box.text = value.Text();
  if (!placeholder_key.empty()) box.placeholder = T(m, placeholder_key);
  box.is_focused = m.citizen.focus == field;
  return box;
}

std::optional<KeyboardView> KeyboardFor(const KioskModel& m, const OskField* field) {
  if (!field) return std::nullopt;
  return KeyboardView{field->layout, field->shift, field->allow_letters, m.citizen.lang};
}

std::string FeesInWords(const KioskModel& m, const catalog::Procedure& p) {
  std::int64_t total = 0;
  for (const catalog::Fee& f : p.fees)
    if (f.channel.empty() || f.channel == "counter") total += f.amount_vnd;
  if (p.fees.empty() || total == 0) return T(m, "kiosk.procedure.no_fee");
  return FormatText(T(m, "kiosk.procedure.fee_total"), {{"amount", FormatMoney(m.citizen.lang, total)}});
}

// "1 bản chính, 2 bản sao"; a count of zero is left out ("1 bản chính").
std::string PaperCounts(const KioskModel& m, int originals, int copies) {
  std::string out;
  if (originals > 0) out = FormatText(T(m, "kiosk.procedure.originals"), {{"n", std::to_string(originals)}});
  if (copies > 0) {
    if (!out.empty()) out += ", ";
    out += FormatText(T(m, "kiosk.procedure.copies"), {{"n", std::to_string(copies)}});
  }
  return out;
}

KioskProcedureRow RowFor(const KioskModel& m, const catalog::Procedure& p) {
  return {p.code, p.name,
          DurationInWords(m.citizen.lang, p.processing) + " · " + FeesInWords(m, p)};
}

}  // namespace

std::string DurationInWords(Lang lang, const catalog::ProcessingTime& time) {
  if (time.no_due_date || !time.standard) return Tr(lang, "kiosk.duration.none");
  const calendar::Duration& d = *time.standard;
  const char* key = "kiosk.duration.wd";
  switch (d.unit) {
    case calendar::DurationUnit::kWorkingHours: key = "kiosk.duration.wh"; break;
    case calendar::DurationUnit::kWorkingDays: key = "kiosk.duration.wd"; break;
    case calendar::DurationUnit::kCalendarDays: key = "kiosk.duration.d"; break;
    case calendar::DurationUnit::kMonths: key = "kiosk.duration.m"; break;
  }
  if (d.amount == 0) return Tr(lang, "kiosk.duration.same_day");
  return FormatText(Tr(lang, key), {{"n", std::to_string(d.amount)}});
}

KioskChrome MakeKioskChrome(const KioskModel& m, const KioskBackend& b, std::string_view title_key) {
  const CitizenSession& c = m.citizen;
  KioskChrome chrome;
  chrome.screen_key = KioskScreenKey(c.screen);
  chrome.center_name = b.desk->settings.receiving_unit.empty() ? b.desk->settings.agency_name
                                                                : b.desk->settings.receiving_unit;
  chrome.title = T(m, title_key);
  chrome.clock_line = FormatWhen(c.lang, b.now);
  chrome.show_home = c.screen != KioskScreen::kHome;
  chrome.show_back = !c.back.empty() && c.back.back() != KioskScreen::kHome;
  chrome.home_label = T(m, "kiosk.home");
  chrome.back_label = T(m, "kiosk.back");
  chrome.switch_to = c.lang == Lang::kVi ? Lang::kEn : Lang::kVi;
  chrome.language_label = Tr(chrome.switch_to, "kiosk.language_name");
  chrome.large_text_label = T(m, "kiosk.large_text");
  chrome.large_text = c.large_text;
  chrome.contrast_label = T(m, "kiosk.high_contrast");
  chrome.high_contrast = c.high_contrast;
  chrome.speech_label = T(m, "kiosk.speech");
  chrome.speech = c.speech;
  if (m.offline) chrome.offline_line = T(m, "kiosk.offline.banner");
  if (!c.message_key.empty()) {
    chrome.message = FormatText(T(m, c.message_key), {{"arg", c.message_arg}});
    chrome.message_tone = c.message_tone;
  }
  chrome.spoken = chrome.title;
  chrome.idle_hint =
      FormatText(T(m, "kiosk.idle_hint"), {{"seconds", std::to_string(b.settings.idle_seconds)}});
  return chrome;
}

KioskHomeView MakeKioskHomeView(const KioskModel& m, const KioskBackend& b) {
  KioskHomeView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.home");
  v.welcome = T(m, "kiosk.home.welcome");
  v.tiles = {
      {"tile_find", T(m, "kiosk.tile.find"), T(m, "kiosk.tile.find_detail"), OpenScreen{KioskScreen::kFields}},
      {"tile_check", T(m, "kiosk.tile.check"), T(m, "kiosk.tile.check_detail"), OpenScreen{KioskScreen::kCheck},
       true, Tone::kInfo},
      {"tile_rate", T(m, "kiosk.tile.rate"), T(m, "kiosk.tile.rate_detail"), OpenScreen{KioskScreen::kRate}},
      {"tile_pay", T(m, "kiosk.tile.pay"), T(m, "kiosk.tile.pay_detail"), OpenScreen{KioskScreen::kPay}},
  };
  if (b.print_ticket && !m.offline)  // offline, a ticket would be numbered apart from the center's line
    v.queue_tile = KioskTile{"tile_queue", T(m, "kiosk.tile.queue"), T(m, "kiosk.tile.queue_detail"),
                             OpenScreen{KioskScreen::kQueueAreas}, true, Tone::kSuccess};
  if (!m.camera_status_key.empty()) v.camera_line = T(m, m.camera_status_key);
  v.chrome.spoken = v.chrome.title + ". " + v.welcome;
  return v;
}

KioskGroupsView MakeKioskGroupsView(const KioskModel& m, const KioskBackend& b) {
  KioskGroupsView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.fields");
  int i = 0;
  for (const ProcedureGroup& g : ProcedureGroups(*b.procedures))
    v.tiles.push_back({"group_" + std::to_string(i++), g.name,
                       FormatText(T(m, "kiosk.fields.count"), {{"n", std::to_string(g.count)}}), OpenGroup{g.key}});
  v.search = {"tile_search", T(m, "kiosk.fields.search"), T(m, "kiosk.fields.search_detail"),
              OpenScreen{KioskScreen::kSearch}, true, Tone::kInfo};
  return v;
}

KioskProceduresView MakeKioskProceduresView(const KioskModel& m, const KioskBackend& b) {
  const CitizenSession& c = m.citizen;
  KioskProceduresView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.procedures");
  if (!c.group.empty()) {
    v.heading = CapitalizeFirst(c.group);
    for (const catalog::Procedure& p : *b.procedures)
      if ((p.group.empty() ? p.field_name : p.group) == c.group) v.rows.push_back(RowFor(m, p));
  } else {
    v.heading = FormatText(T(m, "kiosk.search.results_for"), {{"query", c.search.Text()}});
    for (const catalog::SearchHit& hit : b.index->Search(c.search.Text(), 50))
      if (const catalog::Procedure* p = FindProcedure(b, hit.code)) v.rows.push_back(RowFor(m, *p));
  }
  v.empty_text = T(m, "kiosk.search.none");
  v.chrome.spoken = v.chrome.title + ". " + v.heading;
  return v;
}

KioskSearchView MakeKioskSearchView(const KioskModel& m, const KioskBackend& b) {
  const CitizenSession& c = m.citizen;
  KioskSearchView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.search");
  v.box = Box(m, KioskField::kSearch, c.search, "kiosk.search.label", "kiosk.search.placeholder");
  v.box.is_focused = true;
  v.submit_label = T(m, "kiosk.search.submit");
  for (const catalog::SearchHit& hit : b.index->Search(c.search.Text(), 5))
    if (const catalog::Procedure* p = FindProcedure(b, hit.code)) v.preview.push_back(RowFor(m, *p));
  v.keyboard = *KeyboardFor(m, &c.search);
  return v;
}

KioskProcedureView MakeKioskProcedureView(const KioskModel& m, const KioskBackend& b) {
  const CitizenSession& c = m.citizen;
  KioskProcedureView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.procedure");
  const catalog::Procedure* p = FindProcedure(b, c.procedure_code);
  if (!p) return v;
  v.name = p->name;
  v.code_line = FormatText(T(m, "kiosk.procedure.code_line"),
                           {{"code", p->code}, {"field", p->field_name.empty() ? CapitalizeFirst(p->group) : p->field_name}});

  v.sections.push_back({T(m, "kiosk.procedure.time"), {DurationInWords(c.lang, p->processing)}});
  KioskSection fees{T(m, "kiosk.procedure.fees"), {}};
  for (const catalog::Fee& f : p->fees) {
    std::string line = f.name + ": " + FormatMoney(c.lang, f.amount_vnd);
    if (f.channel == "online") line += " (" + T(m, "kiosk.procedure.fee_online") + ")";
    fees.lines.push_back(std::move(line));
  }
  if (fees.lines.empty()) fees.lines.push_back(T(m, "kiosk.procedure.no_fee"));
  v.sections.push_back(std::move(fees));

  // Papers by case, in the catalog's order; a paper shown only is marked so.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> by_case;
  for (const catalog::Component& k : p->components) {
    const std::string heading = k.group.empty() ? T(m, "kiosk.procedure.papers") : k.group;
    if (!by_case.contains(heading)) order.push_back(heading);
    std::string line = k.name;
    if (k.shown_only) line += " (" + T(m, "kiosk.procedure.shown_only") + ")";
    else if (k.originals > 0 || k.copies > 0)
      line += " (" + PaperCounts(m, k.originals, k.copies) + ")";
    by_case[heading].push_back(std::move(line));
  }
  for (const std::string& heading : order) v.sections.push_back({heading, by_case[heading]});

  v.sections.push_back({T(m, "kiosk.procedure.where"), {p->agency.empty() ? v.chrome.center_name : p->agency}});
  const char* online_key = p->online_level == catalog::OnlineLevel::kFull      ? "kiosk.procedure.online_full"
                           : p->online_level == catalog::OnlineLevel::kPartial ? "kiosk.procedure.online_partial"
                                                                                : "kiosk.procedure.online_none";
  v.sections.push_back({T(m, "kiosk.procedure.online"), {T(m, online_key)}});
  v.sections.push_back({T(m, "kiosk.procedure.postal"),
                        {T(m, p->postal_allowed ? "kiosk.procedure.postal_yes" : "kiosk.procedure.postal_no")}});
  v.qr_text = ProcedureUrl(b.settings, p->code, p->sources);
  v.qr_caption = T(m, "kiosk.procedure.qr_caption");
  v.chrome.spoken = v.chrome.title + ". " + p->name + ". " + DurationInWords(c.lang, p->processing);
  return v;
}

KioskCheckView MakeKioskCheckView(const KioskModel& m, const KioskBackend& b) {
  const CitizenSession& c = m.citizen;
  KioskCheckView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.check");
  v.scan_heading = T(m, "kiosk.check.scan_heading");
  v.scan_hint = T(m, "kiosk.check.scan_hint");
  if (!m.camera_status_key.empty()) v.camera_line = T(m, m.camera_status_key);
  v.type_heading = T(m, "kiosk.check.type_heading");
  v.code = Box(m, KioskField::kCode, c.code, "kiosk.check.code", "kiosk.check.code_placeholder");
  v.secret = Box(m, KioskField::kSecret, c.secret, "kiosk.check.secret", "kiosk.check.secret_placeholder");
  v.submit_label = T(m, "kiosk.check.submit");
  v.submit_enabled = !m.limiter.PausedUntil(b.now).has_value();
  v.keyboard = KeyboardFor(m, FieldOf(c, c.focus));
  v.chrome.spoken = v.chrome.title + ". " + v.scan_heading;
  return v;
}

namespace {

Tone StateTone(const citizen::PublicStatus& st) {
  if (st.is_late) return Tone::kDanger;
  switch (st.next_action) {
    case citizen::NextAction::kCollectResult:
    case citizen::NextAction::kAwaitPostalDelivery: return Tone::kSuccess;
    case citizen::NextAction::kSupplement:
    case citizen::NextAction::kPayFee:
    case citizen::NextAction::kContactCounter: return Tone::kWarning;
    default: return Tone::kInfo;
  }
}

// espeak-ng reads "11/12/2026" as numbers with no "ngày" or "tháng": dates are spoken in words.
std::string SpokenDate(Lang lang, Instant at) {
  return lang == Lang::kVi ? speech::SpokenDateVi(LocalDateVn(at)) : speech::SpokenDateEn(LocalDateVn(at));
}

std::vector<KioskFeeRow> FeeRows(const KioskModel& m, const citizen::PublicStatus& st) {
  std::vector<KioskFeeRow> rows;
  for (const citizen::PublicFee& f : st.fees)
    rows.push_back({f.name, FormatMoney(m.citizen.lang, f.amount_vnd),
                    T(m, f.is_paid ? "kiosk.fee.paid" : "kiosk.fee.unpaid"), f.is_paid});
  return rows;
}

std::string CodeLine(const KioskModel& m) {
  return m.citizen.status ? FormatText(T(m, "kiosk.status.code"), {{"code", m.citizen.status->dossier_code}}) : "";
}

}  // namespace

KioskStatusView MakeKioskStatusView(const KioskModel& m, const KioskBackend& b) {
  KioskStatusView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.status");
  if (!m.citizen.status) return v;
  const citizen::PublicStatus& st = *m.citizen.status;
  const Lang lang = m.citizen.lang;
  v.code_line = CodeLine(m);
  v.procedure = st.procedure_name;
  v.applicant = FormatText(T(m, "kiosk.status.applicant"), {{"name", st.applicant_name}});
  v.state_label = T(m, "kiosk.state." + st.state_key);
  v.state_tone = StateTone(st);
  if (st.is_clock_paused) {
    v.due_line = T(m, "kiosk.status.due_paused");
  } else if (st.due_at) {
    v.due_line = FormatText(T(m, "kiosk.status.due"), {{"when", FormatWhen(lang, *st.due_at)}});
  } else {
    v.due_line = T(m, "kiosk.status.no_due");
  }
  if (st.is_late) v.late_line = T(m, "kiosk.status.late");

  v.next_heading = T(m, "kiosk.status.next");
  switch (st.next_action) {
    case citizen::NextAction::kSupplement:
      v.next_lines.push_back(T(m, "kiosk.next.supplement"));
      for (const std::string& item : st.supplement_items) v.next_lines.push_back("• " + item);
      if (st.supplement_items_withheld > 0) v.next_lines.push_back(T(m, "kiosk.next.supplement_withheld"));
      break;
    case citizen::NextAction::kPayFee:
      v.next_lines.push_back(FormatText(T(m, "kiosk.next.pay"), {{"amount", FormatMoney(lang, st.unpaid_vnd)}}));
      break;
    case citizen::NextAction::kCollectResult: {
      const std::string place = !b.settings.result_counter.empty() ? b.settings.result_counter
                                : !st.result_counter.empty()     ? st.result_counter
                                                                 : st.result_place;
      v.next_lines.push_back(FormatText(T(m, "kiosk.next.collect"), {{"place", place}}));
      break;
    }
    default:
      v.next_lines.push_back(T(m, std::string("kiosk.next.") + citizen::NextActionKey(st.next_action)));
      break;
  }
  for (const citizen::PublicStep& step : st.timeline)
    v.timeline.push_back({FormatShortWhen(step.at), step.text.empty() ? T(m, "kiosk.step." + step.key) : step.text});
  v.fees = FeeRows(m, st);

  v.actions.push_back({"status_rate", T(m, st.is_rated ? "kiosk.status.rated" : "kiosk.tile.rate"), "",
                       OpenScreen{KioskScreen::kRate}, !st.is_rated, Tone::kInfo});
  v.actions.push_back({"status_postal",
                       T(m, st.delivery == dossier::Delivery::kPostal ? "kiosk.status.postal_change" : "kiosk.status.postal"),
                       "", OpenScreen{KioskScreen::kPostal}, st.can_register_postal_return});
  v.actions.push_back({"status_pay", T(m, "kiosk.tile.pay"), "", OpenScreen{KioskScreen::kPay}, st.unpaid_vnd > 0});

  // Spoken: the state and, when there is one, the due date read as a date.
  v.chrome.spoken = v.state_label + ". ";
  if (st.due_at && !st.is_clock_paused)
    v.chrome.spoken += FormatText(T(m, "kiosk.spoken.due"), {{"date", SpokenDate(lang, *st.due_at)}}) + ". ";
  if (!v.late_line.empty()) v.chrome.spoken += v.late_line + ". ";
  if (!v.next_lines.empty()) v.chrome.spoken += v.next_lines.front();
  return v;
}

KioskRateView MakeKioskRateView(const KioskModel& m, const KioskBackend& b) {
  const CitizenSession& c = m.citizen;
  KioskRateView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.rate");
  v.code_line = CodeLine(m);
  v.overall_question = T(m, "kiosk.rate.question");
  for (int value : {2, 1, 0})
    v.overall.push_back({T(m, "kiosk.rate.overall." + std::to_string(value)), c.rating.overall == value});
  v.criteria_heading = T(m, "kiosk.rate.criteria");
  for (int i = 0; i < 9; ++i) {
    KioskCriterionRow row{T(m, "kiosk.criterion." + std::to_string(i + 1)), {}};
    for (int value : {2, 1, 0})
      row.choices.push_back({T(m, "kiosk.criterion." + std::to_string(i + 1) + "." + std::to_string(value)),
                             c.rating.criteria[static_cast<std::size_t>(i)] == value});
    v.criteria.push_back(std::move(row));
  }
  v.comment = Box(m, KioskField::kComment, c.rating.comment, "kiosk.rate.comment", "kiosk.rate.comment_placeholder");
  v.submit_label = T(m, "kiosk.rate.submit");
  v.keyboard = KeyboardFor(m, FieldOf(c, c.focus));
  v.chrome.spoken = v.chrome.title + ". " + v.overall_question;
  return v;
}

KioskPostalView MakeKioskPostalView(const KioskModel& m, const KioskBackend& b) {
  const CitizenSession& c = m.citizen;
  KioskPostalView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.postal");
  v.intro = T(m, "kiosk.postal.intro");
  if (b.settings.postage_vnd > 0)
    v.postage_line = FormatText(T(m, "kiosk.postal.postage"), {{"amount", FormatMoney(c.lang, b.settings.postage_vnd)}});
  v.boxes = {Box(m, KioskField::kPostalName, c.postal.name, "kiosk.postal.name"),
             Box(m, KioskField::kPostalPhone, c.postal.phone, "kiosk.postal.phone"),
             Box(m, KioskField::kPostalAddress, c.postal.address, "kiosk.postal.address")};
  for (KioskTextBox& box : v.boxes) box.has_error = !c.message_key.empty() && box.is_focused && c.message_tone == Tone::kDanger;
  v.submit_label = T(m, "kiosk.postal.submit");
  v.keyboard = KeyboardFor(m, FieldOf(c, c.focus));
  v.chrome.spoken = v.chrome.title + ". " + v.intro;
  return v;
}

KioskPayView MakeKioskPayView(const KioskModel& m, const KioskBackend& b) {
  KioskPayView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.pay");
  if (!m.citizen.status) return v;
  const citizen::PublicStatus& st = *m.citizen.status;
  v.fees = FeeRows(m, st);
  if (st.unpaid_vnd <= 0) {
    v.note = T(m, "kiosk.pay.nothing");
  } else if (!b.settings.HasVietQr()) {
    v.note = T(m, "kiosk.pay.no_account");
  } else {
    // The purpose is the dossier code in the characters bank apps accept: the counter matches payments by it.
    const std::string purpose = codes::PurposeForDossier(st.dossier_code);
    auto payload = codes::MakeVietQrPayload({b.settings.bank_bin, b.settings.bank_account, st.unpaid_vnd, purpose});
    if (payload) {
      v.qr_payload = *payload;
      v.amount_line = FormatText(T(m, "kiosk.pay.amount"), {{"amount", FormatMoney(m.citizen.lang, st.unpaid_vnd)}});
      v.account_line = FormatText(T(m, "kiosk.pay.account"),
                                  {{"account", b.settings.bank_account}, {"name", b.settings.account_name}});
      v.purpose_line = FormatText(T(m, "kiosk.pay.purpose"), {{"purpose", purpose}});
      v.note = T(m, "kiosk.pay.note");
    } else {
      v.note = T(m, "kiosk.pay.no_account");
    }
  }
  v.chrome.spoken = v.chrome.title + ". " + (v.amount_line.empty() ? v.note : v.amount_line);
  return v;
}

KioskThanksView MakeKioskThanksView(const KioskModel& m, const KioskBackend& b) {
  KioskThanksView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.thanks");
  v.text = m.citizen.thanks_key.empty() ? "" : T(m, m.citizen.thanks_key);
  v.home = {"thanks_home", T(m, "kiosk.home"), "", GoHome{}, true, Tone::kInfo};
  v.chrome.spoken = v.text;
  return v;
}

KioskPinView MakeKioskPinView(const KioskModel& m, const KioskBackend& b) {
  KioskPinView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.admin_pin");
  v.pin = Box(m, KioskField::kPin, m.citizen.pin, "kiosk.admin.pin");
  v.pin.text = std::string(m.citizen.pin.Text().size(), '*');
  v.pin.is_focused = true;
  v.keyboard = *KeyboardFor(m, &m.citizen.pin);
  return v;
}

KioskAdminView MakeKioskAdminView(const KioskModel& m, const KioskBackend& b) {
  KioskAdminView v;
  v.chrome = MakeKioskChrome(m, b, "kiosk.title.admin");
  const KioskSettings& s = b.settings;
  v.lines.push_back(T(m, "kiosk.admin.station") + ": " + b.actor.station);
  v.lines.push_back(T(m, "kiosk.admin.procedures") + ": " + std::to_string(b.procedures->size()));
  v.lines.push_back(T(m, "kiosk.admin.idle") + ": " + std::to_string(s.idle_seconds) + " s");
  v.lines.push_back(T(m, "kiosk.admin.vietqr") + ": " +
                    (s.HasVietQr() ? s.bank_bin + " / " + s.bank_account : T(m, "kiosk.admin.not_set")));
  v.exit_label = T(m, "kiosk.admin.exit");
  return v;
}

std::string KioskSpokenText(const KioskModel& m, const KioskBackend& b) {
  switch (m.citizen.screen) {
    case KioskScreen::kHome: return MakeKioskHomeView(m, b).chrome.spoken;
    case KioskScreen::kFields: return MakeKioskGroupsView(m, b).chrome.spoken;
    case KioskScreen::kProcedures: return MakeKioskProceduresView(m, b).chrome.spoken;
    case KioskScreen::kSearch: return MakeKioskSearchView(m, b).chrome.spoken;
    case KioskScreen::kProcedure: return MakeKioskProcedureView(m, b).chrome.spoken;
    case KioskScreen::kCheck: return MakeKioskCheckView(m, b).chrome.spoken;
    case KioskScreen::kStatus: return MakeKioskStatusView(m, b).chrome.spoken;
    case KioskScreen::kRate: return MakeKioskRateView(m, b).chrome.spoken;
    case KioskScreen::kPostal: return MakeKioskPostalView(m, b).chrome.spoken;
    case KioskScreen::kPay: return MakeKioskPayView(m, b).chrome.spoken;
    case KioskScreen::kQueueAreas: return MakeKioskQueueAreasView(m, b).chrome.spoken;
    case KioskScreen::kQueuePriority: return MakeKioskQueuePriorityView(m, b).chrome.spoken;
    case KioskScreen::kTicket: return MakeKioskTicketView(m, b).chrome.spoken;
    case KioskScreen::kThanks: return MakeKioskThanksView(m, b).chrome.spoken;
    case KioskScreen::kAdminPin: return MakeKioskPinView(m, b).chrome.spoken;
    case KioskScreen::kAdmin: return MakeKioskAdminView(m, b).chrome.spoken;
  }
  return {};
}

}  // namespace motcua::ui
