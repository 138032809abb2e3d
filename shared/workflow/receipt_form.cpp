#include "workflow/receipt_form.h"

#include <cstdio>

namespace motcua::workflow {

std::string DurationTextVi(const calendar::Duration& d) {
  char n[16];
  std::snprintf(n, sizeof n, "%02d", d.amount);
  switch (d.unit) {
    case calendar::DurationUnit::kWorkingHours: return std::string(n) + " giờ làm việc";
    case calendar::DurationUnit::kWorkingDays: return std::string(n) + " ngày làm việc";
    case calendar::DurationUnit::kCalendarDays: return std::string(n) + " ngày";
    case calendar::DurationUnit::kMonths: return std::string(n) + " tháng";
  }
  return n;
}

print::FormHeader DeskFormHeader(const DeskSettings& settings, std::optional<LocalDate> dated_on) {
  print::FormHeader h;
  h.governing_body = settings.agency_name;
  h.agency = settings.receiving_unit;
  h.unit = "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ";
  h.place = settings.place_name;
  h.dated_on = dated_on;
  return h;
}

print::ReceiptForm MakeReceiptForm(const dossier::Dossier& d, const DeskSettings& settings,
                                   const std::string& receipt_token, const std::string& officer_name) {
  print::ReceiptForm f;
  f.header = DeskFormHeader(settings, LocalDateVn(d.received_at));
  f.dossier_code = d.code;
  f.lookup_secret = d.lookup_secret;
  f.qr_token = receipt_token;
  f.receiving_unit = settings.receiving_unit;
  f.applicant = {d.applicant.name, d.applicant.id_number, d.applicant.address, d.applicant.phone, d.applicant.email};
  f.procedure_name = d.procedure_name;
  for (const auto& c : d.components) {
    print::ComponentLine line;
    line.name = c.name;
    line.originals = c.originals;
    line.copies = c.copies;
    line.shown_only = c.shown_only;
    line.reused_from = c.reused_result_code;
    f.components.push_back(std::move(line));
  }
  f.sets = d.sets;
  f.legal_duration_text = d.duration ? DurationTextVi(*d.duration) : "Không có ngày hẹn trả";
  f.received_at = d.received_at;
  f.due_at = d.due_at;
  if (d.delivery == dossier::Delivery::kPostal) {
    f.delivery = {print::ResultDelivery::Kind::kPostal, d.delivery_address};
  } else {
    f.delivery = {print::ResultDelivery::Kind::kAtCounter, settings.receiving_unit};
  }
  for (const auto& fee : d.fees) f.fees.push_back({fee.name, fee.amount_vnd});
  f.officer_name = officer_name;
  return f;
}

}  // namespace motcua::workflow
