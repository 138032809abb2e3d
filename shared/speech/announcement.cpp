#include "speech/announcement.h"

#include <cstdint>
#include <optional>

#include "common/number_parse.h"
#include "common/text.h"

namespace motcua::speech {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

struct Ticket {
  std::string letters;   // upper case
  std::int64_t number = 0;
};

std::optional<Ticket> ParseTicket(std::string_view ticket) {
  const std::string_view text = Trim(ticket);
  std::size_t i = 0;
  while (i < text.size() && IsAsciiLetter(text[i])) ++i;
  const std::string_view letters = text.substr(0, i);
  const std::string_view digits = text.substr(i);
  const std::optional<std::int64_t> number = ParseDigits<std::int64_t>(digits, {.max_digits = kMaxTicketDigits});
  if (letters.size() > kMaxTicketLetters || !number) return std::nullopt;
  Ticket t;
  for (char c : letters) t.letters += Upper(c);
  t.number = *number;
  return t;
}

// A counter given as 1-9 digits, as a number; nullopt for a name.
std::optional<std::int64_t> CounterNumber(std::string_view text) {
  return ParseDigits<std::int64_t>(Trim(text), {.max_digits = kMaxTicketDigits});
}

// The letters for the given voice: "C D" (Vietnamese, read letter by letter) or "C-D-" (English,
// joined to the number so that "A" is not read as the article).
std::string SpokenLetters(const std::string& letters, char separator) {
  std::string out;
  for (char c : letters) {
    if (!out.empty() && separator == ' ') out += ' ';
    out += c;
    if (separator == '-') out += '-';
  }
  return out;
}

}  // namespace

Status CheckCall(std::string_view ticket, std::string_view counter) {
  if (!ParseTicket(ticket))
    return Invalid("ticket", "not_a_ticket",
                   "a ticket is 0-3 letters A-Z then 1-9 digits, like A1023; got \"" +
                       std::string(IsValidUtf8(ticket) ? ticket : "(not UTF-8)") + "\"");
  if (Trim(counter).empty()) return Invalid("counter", "empty", "no counter to send the citizen to");
  if (!CounterNumber(counter)) MOTCUA_TRY(CheckTextLine(Trim(counter), "counter", kMaxCounterNameChars));
  return Ok();
}

std::string CallSentenceVi(std::string_view ticket, std::string_view counter, const NumberReading& reading) {
  if (!CheckCall(ticket, counter)) return "";
  const Ticket t = *ParseTicket(ticket);
  std::string out = "Mời khách hàng số ";
  if (!t.letters.empty()) out += SpokenLetters(t.letters, ' ') + " ";
  out += VietnameseNumberWords(t.number, reading);
  if (const auto n = CounterNumber(counter)) {
    out += " đến quầy số " + VietnameseNumberWords(*n, reading);
  } else {
    out += " đến quầy " + NormalizeNfc(Trim(counter));
  }
  return out;
}

std::string CallSentenceEn(std::string_view ticket, std::string_view counter) {
  if (!CheckCall(ticket, counter)) return "";
  const Ticket t = *ParseTicket(ticket);
  std::string out = "Ticket " + SpokenLetters(t.letters, '-') + std::to_string(t.number) + ", please go to counter ";
  if (const auto n = CounterNumber(counter)) {
    out += std::to_string(*n);
  } else {
    out += NormalizeNfc(Trim(counter));
  }
  return out;
}

}  // namespace motcua::speech
