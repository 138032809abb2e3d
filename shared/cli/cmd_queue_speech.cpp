// motcua queue announce: the sentence the display board speaks for a call, and its audio.
//
//   motcua queue announce --ticket A1023 --counter 5 [--wav FILE] [--en]
//
// Prints the sentence ("Mời khách hàng số A một nghìn không trăm hai mươi ba đến quầy số năm"), with the
// numbers read as the center's settings say (queue.speech.thousand nghìn|ngàn, queue.speech.zero_tens
// linh|lẻ, queue.speech.four tư|bốn; northern by default). --wav writes the chime and the sentence as a
// 16-bit mono WAV (espeak-ng, offline). Without a database the northern reading is used.
#include <filesystem>
#include <ostream>

#include "cli/cli.h"
#include "cli/queue_cli.h"
#include "cli/session.h"
#include "queue/areas.h"
#include "speech/announcement.h"
#include "speech/announcer.h"
#include "speech/spoken_number.h"
#include "speech/wav.h"

namespace motcua::cli {

int Announce(Context& ctx, Args& args) {
  std::string ticket, counter;
  std::optional<std::string> wav;
  bool english = false;
  auto parse = [&]() -> Status {
    MOTCUA_ASSIGN_OR_RETURN(ticket, args.RequiredFlag("ticket"));
    MOTCUA_ASSIGN_OR_RETURN(counter, args.RequiredFlag("counter"));
    MOTCUA_ASSIGN_OR_RETURN(wav, args.Flag("wav"));
    english = args.Switch("en");
    MOTCUA_ASSIGN_OR_RETURN(auto rest, args.Positional());
    if (!rest.empty()) return Invalid("arguments", "unexpected", "unexpected argument " + rest[0]);
    return speech::CheckCall(ticket, counter);
  };
  if (Status s = parse(); !s) return ReportError(ctx, s.error());
  speech::NumberReading reading;
  if (auto session = OpenSession(ctx); session) {
    auto loaded = queue::LoadNumberReading(*(*session)->store);
    if (!loaded) return ReportError(ctx, loaded.error());
    reading = *loaded;
  } else if (session.error().rule != "database_missing") {  // no database (either engine): the northern reading
    return ReportError(ctx, session.error());
  }
  const std::string sentence =
      english ? speech::CallSentenceEn(ticket, counter) : speech::CallSentenceVi(ticket, counter, reading);
  *ctx.out << sentence << "\n";
  if (!wav) return kExitOk;
  auto synthesizer = speech::Synthesizer::Open(english ? "en" : "vi");
  if (!synthesizer) return ReportError(ctx, synthesizer.error());
  auto pcm = speech::RenderCall(**synthesizer, sentence, english ? "en" : "vi");
  if (!pcm) return ReportError(ctx, pcm.error());
  if (Status s = speech::WriteWav(*pcm, *wav); !s) return ReportError(ctx, s.error());
  *ctx.err << "wrote " << *wav << " (" << speech::Duration(*pcm).count() << " ms)\n";
  return kExitOk;
}

}  // namespace motcua::cli
