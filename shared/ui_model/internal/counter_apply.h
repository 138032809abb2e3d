// Private to ui_model: the per-action Apply overloads (one .cpp per screen defines its own), and the
// helpers they share. ApplyCounterAction (counter_app.cpp) visits the action variant and calls
// Apply(model, backend, action) for the alternative it holds.
#pragma once

#include <functional>
#include <string>

#include "print/form_pdf.h"
#include "ui_model/counter_app.h"

namespace motcua::ui::internal {

// ---- shared helpers (counter_app.cpp) --------------------------------------------------------------

// The acting officer. Only call with a session (ApplyCounterAction checks).
workflow::Actor ActorOf(const CounterModel& model, const CounterBackend& backend);
// kInvalid/"not_allowed" on "role" unless the session's role has `p` (the core checks again).
Status RequirePermission(const CounterModel& model, workflow::Permission p);
void SetNotice(CounterModel& model, std::string key, std::string arg = "", Tone tone = Tone::kInfo);
// Opens the dossier screen on `code` (loads the dossier and its journal). Errors: the store's;
// ("code", "no_such_dossier").
Status OpenDossierScreen(CounterModel& model, const CounterBackend& backend, const std::string& code);
// Re-reads the open dossier after a change.
Status ReloadDossier(CounterModel& model, const CounterBackend& backend);

// ---- jobs (jobs.cpp) -------------------------------------------------------------------------------

using RenderFn = std::function<Result<print::PdfDocument>()>;
// Renders a form on a worker, writes it under the forms directory and prints it on the station's queue.
// `stem`: the file name without ".pdf" ("mau01"); with a dossier code the file is forms/<code>/<stem>.pdf
// (a reprint overwrites nothing: it sends the same file), else forms/<date>/<time>-<stem>.pdf.
void StartPrint(CounterModel& model, const CounterBackend& backend, std::string form_key,
                std::string dossier_code, std::string stem, RenderFn render);
// Errors: ("scanner", "job_busy") when a scan or import is running.
Status StartScan(CounterModel& model, const CounterBackend& backend, FileTarget target, std::string label);
Status StartImport(CounterModel& model, const CounterBackend& backend, FileTarget target, std::string label,
                   std::vector<std::string> paths);
// Collects finished jobs (TickCounter).
void PollJobs(CounterModel& model, const CounterBackend& backend);
// Applies a finished file job's attachment to its target (intake.cpp / dossier_screen.cpp).
void DeliverIntakeFile(CounterModel& model, const CounterBackend& backend, const FileTarget& target,
                       Result<dossier::Attachment> file);
void DeliverDossierFile(CounterModel& model, const CounterBackend& backend, const FileTarget& target,
                        Result<dossier::Attachment> file);

// ---- intake (intake.cpp) ---------------------------------------------------------------------------

// Fills the applicant from a scanned CCCD QR (the intake screen is opened first). A malformed QR sets
// the intake error at its field and changes nothing.
Status ApplyCccdScan(CounterModel& model, const CounterBackend& backend, const std::string& text, ScanSource source);
// Restores the kept draft of the signed-in user at this station (at sign-in).
void LoadDraft(CounterModel& model, const CounterBackend& backend);
void SaveDraftIfDirty(CounterModel& model, const CounterBackend& backend);
void LoadRecentProcedures(CounterModel& model, const CounterBackend& backend);

// ---- work list (worklist.cpp) ----------------------------------------------------------------------

Status LoadWorklist(CounterModel& model, const CounterBackend& backend);

// ---- postal (postal_screen.cpp) --------------------------------------------------------------------

Status LoadPostal(CounterModel& model, const CounterBackend& backend);
// A scan while a manifest is open on the postal screen. Returns false when the scan is not for it.
bool RoutePostalScan(CounterModel& model, const CounterBackend& backend, const std::string& text);

// ---- the queue call panel (queue_panel.cpp) ----------------------------------------------------------

// Reads the panel from the store (the served ticket, the counter's lines and their counts, the areas).
// Does nothing when the panel is not shown. Errors: the store's and the queue core's (also kept in
// QueuePanelModel::load_error).
Status LoadQueuePanel(CounterModel& model, const CounterBackend& backend);
// TickCounter: LoadQueuePanel when stale or kQueueRefreshSeconds old.
void RefreshQueuePanelIfDue(CounterModel& model, const CounterBackend& backend);
// True for a scanned ticket QR ("MCQ:...", in either case: a scanner may type it with Caps Lock on).
bool IsTicketScan(std::string_view text);
// A scanned ticket QR ("MCQ:<day>:<label>"): calls that ticket to this counter and opens the intake.
// A ticket of another day, or one that is not waiting, is refused on the panel and changes nothing.
Status ApplyTicketScan(CounterModel& model, const CounterBackend& backend, const std::string& text);
// After a dossier was received at this counter: remembers it for the served ticket.
void RememberReceivedDossier(CounterModel& model, const std::string& dossier_code);

// ---- sync (sync_screen.cpp) -------------------------------------------------------------------------

// Copies the runner's snapshot into the model when it published a new one (TickCounter).
void TakeSyncSnapshot(CounterModel& model, const CounterBackend& backend);

// ---- the overloads ---------------------------------------------------------------------------------

#define MOTCUA_UI_APPLY(T) Status Apply(CounterModel& model, const CounterBackend& backend, const T& action)
MOTCUA_UI_APPLY(SubmitLogin);
MOTCUA_UI_APPLY(SubmitUnlock);
MOTCUA_UI_APPLY(LockScreen);
MOTCUA_UI_APPLY(SignOut);
MOTCUA_UI_APPLY(SwitchLanguage);
MOTCUA_UI_APPLY(ScanReceived);
MOTCUA_UI_APPLY(Navigate);
MOTCUA_UI_APPLY(GoBack);
MOTCUA_UI_APPLY(ReprintLast);
MOTCUA_UI_APPLY(OpenPrintedPdf);
MOTCUA_UI_APPLY(DismissNotice);
MOTCUA_UI_APPLY(CancelFileJob);
MOTCUA_UI_APPLY(BrowseFiles);

MOTCUA_UI_APPLY(StartIntake);
MOTCUA_UI_APPLY(DiscardIntake);
MOTCUA_UI_APPLY(SetApplicantField);
MOTCUA_UI_APPLY(SetApplicantIdType);
MOTCUA_UI_APPLY(SetProcedureQuery);
MOTCUA_UI_APPLY(PickProcedure);
MOTCUA_UI_APPLY(PickRecentProcedure);
MOTCUA_UI_APPLY(ToggleCase);
MOTCUA_UI_APPLY(SetComponentMode);
MOTCUA_UI_APPLY(ScanComponent);
MOTCUA_UI_APPLY(ImportComponentFiles);
MOTCUA_UI_APPLY(SetChannel);
MOTCUA_UI_APPLY(SetReceivedAt);
MOTCUA_UI_APPLY(SetDelivery);
MOTCUA_UI_APPLY(SetDeliveryAddress);
MOTCUA_UI_APPLY(SetSets);
MOTCUA_UI_APPLY(ConfirmIntake);
MOTCUA_UI_APPLY(IssueSupplementSlip);
MOTCUA_UI_APPLY(IssueRefusalSlip);
MOTCUA_UI_APPLY(FinishIntake);
MOTCUA_UI_APPLY(ConfirmCardText);

MOTCUA_UI_APPLY(SetWorklistSearch);
MOTCUA_UI_APPLY(SetWorklistStateFilter);
MOTCUA_UI_APPLY(SetWorklistProcedureFilter);
MOTCUA_UI_APPLY(SetWorklistUrgencyFilter);
MOTCUA_UI_APPLY(SetWorklistOwnUnit);
MOTCUA_UI_APPLY(RefreshWorklist);
MOTCUA_UI_APPLY(OpenDossier);
MOTCUA_UI_APPLY(PrintTrackingBook);

MOTCUA_UI_APPLY(RunLifecycleAction);
MOTCUA_UI_APPLY(RequestApology);
MOTCUA_UI_APPLY(ScanDossierComponent);
MOTCUA_UI_APPLY(ImportDossierComponentFiles);
MOTCUA_UI_APPLY(MarkDossierComponentReused);
MOTCUA_UI_APPLY(ScanResultDocument);
MOTCUA_UI_APPLY(ImportResultDocument);
MOTCUA_UI_APPLY(PrintDossierForm);
MOTCUA_UI_APPLY(HandToPostal);
MOTCUA_UI_APPLY(CloseDossier);

MOTCUA_UI_APPLY(CreateManifest);
MOTCUA_UI_APPLY(OpenManifest);
MOTCUA_UI_APPLY(CloseManifest);
MOTCUA_UI_APPLY(StartInboundItem);
MOTCUA_UI_APPLY(AddOutboundItem);
MOTCUA_UI_APPLY(SetManifestItemParcel);
MOTCUA_UI_APPLY(RemoveManifestItem);
MOTCUA_UI_APPLY(SignOpenManifest);
MOTCUA_UI_APPLY(CancelOpenManifest);
MOTCUA_UI_APPLY(RecordItemDelivery);
MOTCUA_UI_APPLY(PrintOpenManifest);

MOTCUA_UI_APPLY(SaveDevices);
MOTCUA_UI_APPLY(SaveCalendarProfileChoice);
MOTCUA_UI_APPLY(FindScanners);
MOTCUA_UI_APPLY(FindPrinters);
MOTCUA_UI_APPLY(ResendParkedRecord);

MOTCUA_UI_APPLY(CallNextTicket);
MOTCUA_UI_APPLY(RecallTicket);
MOTCUA_UI_APPLY(MarkTicketNoShow);
MOTCUA_UI_APPLY(TransferTicket);
MOTCUA_UI_APPLY(FinishTicket);
#undef MOTCUA_UI_APPLY

}  // namespace motcua::ui::internal
